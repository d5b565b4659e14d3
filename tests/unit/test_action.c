/* Unit tests of the one action bracket (store_action_run): an edit that
 * changes nothing leaves no action, so undo still undoes the change before
 * it (issue 8: undo jammed after a task form saved with no change); and the
 * version checks of plan targets and village renames, made on two
 * connections to one file (a colleague). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/store.h"

#include "unit/fixture.h"

static struct store_item
first_item(struct fixture *f, struct arena *a)
{
	struct ntm_error e = {0};
	struct store_item *it;
	int n = 0;
	assert_int_equal(store_checklist(f->st, f->cd, a, &it, &n, &e), NTM_OK);
	assert_true(n > 1);
	return it[0];
}

static struct store_indicator
indicator(struct store *st, const char *code)
{
	struct ntm_error e = {0};
	struct store_report r;
	struct store_indicator x = {0};
	assert_int_equal(store_report_load(st, &r, &e), NTM_OK);
	for (int i = 0; i < r.nind; i++)
		if (strcmp(r.ind[i].code, code) == 0)
			x = r.ind[i];
	store_report_free(&r);   /* only the numbers are used */
	return x;
}

/* ---- edits that change nothing ---------------------------------------------- */

static int
same_task(struct fixture *f, struct arena *a, struct ntm_error *e)
{
	struct store_task t = first_task(f->st, a);
	/* every field as it is (the real change started the task: its
	 * status is dang_thuc_hien now, model_task_reconcile) */
	struct store_task_edit ed = {.title = t.title,
				     .status = model_task_status_code(t.status),
				     .progress = t.progress, .responsible = t.responsible};
	return store_task_update(f->st, t.id, t.version, &ed, e);
}

static int
same_item_title(struct fixture *f, struct arena *a, struct ntm_error *e)
{
	struct store_item it = first_item(f, a);
	return store_item_retitle(f->st, it.id, it.version, it.title, e);
}

static int
same_item_note(struct fixture *f, struct arena *a, struct ntm_error *e)
{
	struct store_item it = first_item(f, a);
	return store_item_set_note(f->st, it.id, it.version, "  ", e);
}

static int
same_item_place(struct fixture *f, struct arena *a, struct ntm_error *e)
{
	struct store_item it = first_item(f, a);
	return store_item_move(f->st, it.id, it.pos, e);
}

static int
same_item_done(struct fixture *f, struct arena *a, struct ntm_error *e)
{
	(void)a;
	return store_item_set_done(f->st, f->cd, "1", false, NULL, e);
}

static int
same_village_name(struct fixture *f, struct arena *a, struct ntm_error *e)
{
	struct store_village v;
	int rc = store_village_find(f->st, "Cự Đình", a, &v, e);
	return rc ? rc : store_village_rename(f->st, "Cự Đình", v.version, "Cự Đình", e);
}

static int
same_template(struct fixture *f, struct arena *a, struct ntm_error *e)
{
	(void)a;
	int added = -1;
	int rc = store_village_apply_template(f->st, f->cd, &added, e);
	assert_int_equal(added, 0);
	return rc;
}

static int
same_target(struct fixture *f, struct arena *a, struct ntm_error *e)
{
	struct store_indicator_ref ref;
	struct store_indicator x = indicator(f->st, "12.2");
	(void)a;
	assert_true(x.reading.plan.set);
	int rc = store_indicator_find(f->st, "12.2", &ref, e);
	return rc ? rc : store_target_set(f->st, &ref, x.target_version,
					  x.reading.plan.cmp, x.reading.plan.value, e);
}

/* A real change (a task's progress), then the no-change edit: it must
 * succeed, write no audit row, leave store_my_last_action() at the real
 * change, and the undo of that action must undo the real change. */
static void
no_change_then_undo(void **state, int (*noop)(struct fixture *, struct arena *,
					      struct ntm_error *))
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_task t = first_task(f->st, &a), now;
	struct store_task_edit ed = {.progress = t.progress + 7};
	assert_int_equal(store_task_update(f->st, t.id, t.version, &ed, &e), NTM_OK);
	char real[STORE_ID_LEN], u[STORE_ID_LEN];
	memcpy(real, store_my_last_action(f->st), STORE_ID_LEN);
	long rows = audit_rows(f);

	if (noop(f, &a, &e) != NTM_OK)
		fail_msg("no-change edit: %s", e.msg);
	assert_int_equal(audit_rows(f), rows);
	assert_string_equal(store_my_last_action(f->st), real);

	if (store_undo(f->st, store_my_last_action(f->st), u, &e) != NTM_OK)
		fail_msg("undo after a no-change edit: %s", e.msg);
	assert_int_equal(store_task_get(f->st, t.id, &a, &now, &e), NTM_OK);
	assert_int_equal(now.progress, t.progress);
	arena_free(&a);
}

static void test_no_change_task(void **s) { no_change_then_undo(s, same_task); }
static void test_no_change_item_title(void **s) { no_change_then_undo(s, same_item_title); }
static void test_no_change_item_note(void **s) { no_change_then_undo(s, same_item_note); }
static void test_no_change_item_move(void **s) { no_change_then_undo(s, same_item_place); }
static void test_no_change_item_done(void **s) { no_change_then_undo(s, same_item_done); }
static void test_no_change_rename(void **s) { no_change_then_undo(s, same_village_name); }
static void test_no_change_template(void **s) { no_change_then_undo(s, same_template); }
static void test_no_change_target(void **s) { no_change_then_undo(s, same_target); }

/* ---- versions of plan targets and village names ---------------------------- */

static void
test_target_conflict(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ref;
	assert_int_equal(store_indicator_find(f->st, "12.2", &ref, &e), NTM_OK);
	struct store_indicator mine = indicator(f->st, "12.2");
	assert_int_equal(mine.target_version, 1);
	/* the colleague changes the target I have open */
	assert_int_equal(store_target_set(colleague(f), &ref, 1, NTM_CMP_GE, 88, &e), NTM_OK);
	long rows = audit_rows(f);
	assert_int_equal(store_target_set(f->st, &ref, mine.target_version, NTM_CMP_GE,
					  90, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "12.2"));
	assert_non_null(strstr(e.msg, "vừa được Trần Bình"));
	assert_non_null(strstr(e.msg, " lúc "));
	assert_int_equal(store_target_clear(f->st, &ref, mine.target_version, &e), NTM_FAIL);
	assert_int_equal(audit_rows(f), rows);
	assert_true(indicator(f->st, "12.2").reading.plan.value == 88);
	/* read again: it goes through */
	mine = indicator(f->st, "12.2");
	assert_int_equal(mine.target_version, 2);
	assert_int_equal(store_target_set(f->st, &ref, 2, NTM_CMP_GE, 90, &e), NTM_OK);
	/* cleared by the colleague: refused, naming the clearing */
	assert_int_equal(store_target_clear(f->colleague, &ref, 3, &e), NTM_OK);
	assert_int_equal(store_target_set(f->st, &ref, 3, NTM_CMP_GE, 95, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "vừa bị Trần Bình"));
	assert_non_null(strstr(e.msg, "xóa lúc"));
	/* none set (version 0) while the colleague set one meanwhile */
	assert_int_equal(indicator(f->st, "12.2").target_version, 0);
	assert_int_equal(store_target_set(f->colleague, &ref, 0, NTM_CMP_GE, 80, &e), NTM_OK);
	assert_int_equal(store_target_set(f->st, &ref, 0, NTM_CMP_GE, 70, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Trần Bình"));
	/* the command line checks no version */
	assert_int_equal(store_target_set(f->st, &ref, STORE_ANY_VERSION, NTM_CMP_GE,
					  70, &e), NTM_OK);
	assert_true(indicator(f->st, "12.2").reading.plan.value == 70);
}

static void
test_rename_conflict(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_village mine;
	assert_int_equal(store_village_find(f->st, "Cự Đình", &a, &mine, &e), NTM_OK);
	assert_int_equal(store_village_rename(colleague(f), "Cự Đình", mine.version,
					      "Cự Đình Đông", &e), NTM_OK);
	long rows = audit_rows(f);
	/* my form still shows the old name: found by it (now an alias), refused */
	assert_int_equal(store_village_rename(f->st, "Cự Đình", mine.version,
					      "Cự Đình Tây", &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Cự Đình Đông"));
	assert_non_null(strstr(e.msg, "vừa được Trần Bình"));
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM unit WHERE "
		"name = 'Cự Đình Đông'"), 1);
	/* read again: it goes through, and the version moves on */
	assert_int_equal(store_village_find(f->st, "Cự Đình Đông", &a, &mine, &e), NTM_OK);
	assert_int_equal(store_village_rename(f->st, "Cự Đình Đông", mine.version,
					      "Cự Đình Tây", &e), NTM_OK);
	struct store_village now;
	assert_int_equal(store_village_find(f->st, "Cự Đình Tây", &a, &now, &e), NTM_OK);
	assert_int_equal(now.version, mine.version + 1);
	arena_free(&a);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_no_change_task), T(test_no_change_item_title),
		T(test_no_change_item_note), T(test_no_change_item_move),
		T(test_no_change_item_done), T(test_no_change_rename),
		T(test_no_change_template), T(test_no_change_target),
		T(test_target_conflict), T(test_rename_conflict),
	};
	return cmocka_run_group_tests_name("action", tests, NULL, NULL);
}
