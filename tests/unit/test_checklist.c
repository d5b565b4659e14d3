/* Unit tests of the village checklist editor in src/store (checklist.c,
 * village.c): items by id with versions, the title and note rules,
 * positions, ticks by two colleagues, sorting, removing a village, the
 * template, the matrix; audit rows and undo of each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ntm/store.h"

#include "unit/fixture.h"

/* Rows the last action wrote with this verb (0 when it was another). */
static long
last_action_rows(struct fixture *f, const char *verb)
{
	return query(f->path, "SELECT count(*) FROM audit WHERE action_id = "
		     "(SELECT action_id FROM audit ORDER BY seq DESC LIMIT 1) "
		     "AND verb = ?1", verb);
}


/* The items of a village, arranged. */
static struct store_item *
items(struct fixture *f, const char *village_id, int *n)
{
	struct ntm_error e = {0};
	struct store_item *it;
	assert_int_equal(store_checklist(f->st, village_id, &f->a, &it, n, &e), NTM_OK);
	for (int i = 0; i < *n; i++)
		assert_int_equal(it[i].pos, i + 1);
	return it;
}

/* The item at position pos (1-based) of Cự Đình. */
static struct store_item
at(struct fixture *f, int pos)
{
	int n;
	struct store_item *it = items(f, f->cd, &n);
	assert_true(pos >= 1 && pos <= n);
	return it[pos - 1];
}

/* A string of n copies of the UTF-8 character ch. */
static char *
repeat(const char *ch, int n)
{
	size_t len = strlen(ch);
	char *s = malloc(len * (size_t)n + 1);
	for (int i = 0; i < n; i++)
		memcpy(s + len * (size_t)i, ch, len);
	s[len * (size_t)n] = '\0';
	return s;
}

static void
undo_mine(struct fixture *f)
{
	struct ntm_error e = {0};
	char u[STORE_ID_LEN];
	if (store_undo(f->st, store_my_last_action(f->st), u, &e) != NTM_OK)
		fail_msg("undo: %s", e.msg);
}

/* ---- reading ----------------------------------------------------------------- */

static void
test_get(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_item x = at(f, 2), got;
	assert_int_equal(x.version, 1);
	assert_non_null(x.template_id);
	assert_true(x.from_template);
	assert_int_equal(store_item_get(f->st, x.id, &f->a, &got, &e), NTM_OK);
	assert_string_equal(got.title, "Rãnh thoát nước");
	assert_int_equal(got.pos, 2);
	assert_int_equal(got.version, 1);
	assert_string_equal(got.template_id, x.template_id);
	/* an id that never was */
	assert_int_equal(store_item_get(f->st, "0123", &f->a, &got, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "không có mục này"));
	/* by position or title */
	assert_int_equal(store_item_resolve(f->st, f->cd, "ranh thoat nuoc", &f->a, &got, &e), NTM_OK);
	assert_string_equal(got.id, x.id);
	assert_int_equal(store_item_resolve(f->st, f->cd, "11", &f->a, &got, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "11"));
}

/* ---- insert ------------------------------------------------------------------ */

static void
test_insert_positions(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	char id[STORE_ID_LEN];
	int n;
	assert_int_equal(store_item_insert(f->st, f->cd, "Đầu tiên", 0, id, &e), NTM_OK);
	assert_int_equal(strlen(id), 32);
	assert_string_equal(at(f, 1).id, id);
	assert_string_equal(at(f, 2).title, "Đường giao thông trong thôn");
	assert_null(at(f, 1).template_id);
	assert_false(at(f, 1).from_template);
	/* one action: the new row first, then the ten that moved down */
	assert_int_equal(last_action_rows(f, "checklist.add"), 11);
	assert_int_equal(query(f->path, "SELECT after IS NOT NULL AND before IS NULL "
		"FROM audit ORDER BY seq LIMIT 1", NULL), 1);
	assert_int_equal(store_item_insert(f->st, f->cd, "Sau số 3", 3, NULL, &e), NTM_OK);
	assert_string_equal(at(f, 4).title, "Sau số 3");
	assert_string_equal(at(f, 3).title, "Rãnh thoát nước");
	assert_int_equal(store_item_insert(f->st, f->cd, "Cuối", -1, NULL, &e), NTM_OK);
	assert_int_equal(store_item_insert(f->st, f->cd, "Cuối nữa", 99, NULL, &e), NTM_OK);
	/* appending moves nothing: one row */
	assert_int_equal(last_action_rows(f, "checklist.add"), 1);
	struct store_item *it = items(f, f->cd, &n);
	assert_int_equal(n, 14);
	assert_string_equal(it[12].title, "Cuối");
	assert_string_equal(it[13].title, "Cuối nữa");
	assert_int_equal(query(f->path, "SELECT count(*) FROM checklist_item WHERE "
		"unit_id = ?1 AND version <> 1", f->cd), 0);
	/* undo of an insert in the middle: the item goes, the order comes back */
	assert_int_equal(store_item_insert(f->st, f->cd, "Giữa", 5, NULL, &e), NTM_OK);
	undo_mine(f);
	it = items(f, f->cd, &n);
	assert_int_equal(n, 14);
	assert_string_equal(it[5].title, "Trang thiết bị nhà văn hóa");
}

static void
test_insert_village_gone(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	long rows = audit_rows(f);
	assert_int_equal(store_item_insert(f->st, "0123", "Việc", -1, NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "thôn này không còn"));
	/* the tab shows Thục Cầu; a colleague removes it meanwhile */
	struct store_village v;
	assert_int_equal(store_village_find(f->st, "Thục Cầu", &f->a, &v, &e), NTM_OK);
	assert_int_equal(store_village_remove(colleague(f), "Thục Cầu", true, &e), NTM_OK);
	rows = audit_rows(f);
	assert_int_equal(store_item_insert(f->st, v.id, "Việc", -1, NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "thôn này không còn trong xã Việt Hưng"));
	int added = -1;
	assert_int_equal(store_village_apply_template(f->st, v.id, &added, &e), NTM_FAIL);
	assert_int_equal(added, 0);
	assert_int_equal(audit_rows(f), rows);
}

static void
test_title_rules(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	long rows = audit_rows(f);
	char *t200 = repeat("ệ", 200), *t201 = repeat("ệ", 201);
	assert_int_equal(store_item_insert(f->st, f->cd, t201, -1, NULL, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "200"));
	assert_int_equal(store_item_insert(f->st, f->cd, "", -1, NULL, &e), NTM_USAGE);
	assert_int_equal(store_item_insert(f->st, f->cd, "   ", -1, NULL, &e), NTM_USAGE);
	assert_int_equal(store_item_insert(f->st, f->cd, "a\nb", -1, NULL, &e), NTM_USAGE);
	assert_int_equal(store_item_insert(f->st, f->cd, "a\033[2Jb", -1, NULL, &e), NTM_USAGE);
	assert_int_equal(store_item_insert(f->st, f->cd, "\xff", -1, NULL, &e), NTM_USAGE);
	/* a duplicate names the item and its number, also typed in NFD */
	assert_int_equal(store_item_insert(f->st, f->cd, "Ra\xcc\x83nh thoa\xcc\x81t nu\xcc\x9bo\xcc\x9b\xcc\x81" "c",
					   -1, NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "“Rãnh thoát nước” (số 2)"));
	assert_non_null(strstr(e.msg, "Cự Đình"));
	assert_int_equal(audit_rows(f), rows);
	/* 200 characters are fine; spaces around a title are dropped; NFC */
	assert_int_equal(store_item_insert(f->st, f->cd, t200, -1, NULL, &e), NTM_OK);
	assert_int_equal(store_item_insert(f->st, f->cd, "  Cổng la\xcc\x80ng  ", -1, NULL, &e), NTM_OK);
	assert_string_equal(at(f, 12).title, "Cổng làng");
	assert_int_equal(store_item_insert(f->st, f->cd, "Cổng làng ", -1, NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "(số 12)"));
	/* a title differing only in marks is another title */
	assert_int_equal(store_item_insert(f->st, f->cd, "Cổng lang", -1, NULL, &e), NTM_OK);
	free(t200);
	free(t201);
}

/* ---- retitle, note, delete by version ----------------------------------------- */

static void
test_retitle(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_item x = at(f, 3);
	assert_int_equal(store_item_retitle(f->st, x.id, 1, " Nhà văn hóa thôn ", &e), NTM_OK);
	assert_int_equal(last_action_rows(f, "checklist.title"), 1);
	struct store_item y = at(f, 3);
	assert_string_equal(y.title, "Nhà văn hóa thôn");
	assert_int_equal(y.version, 2);
	/* the same title again: nothing written */
	long rows = audit_rows(f);
	char before[STORE_ID_LEN];
	memcpy(before, store_my_last_action(f->st), STORE_ID_LEN);
	assert_int_equal(store_item_retitle(f->st, x.id, 2, "Nhà văn hóa thôn", &e), NTM_OK);
	assert_int_equal(audit_rows(f), rows);
	assert_string_equal(store_my_last_action(f->st), before);
	/* duplicates, bad titles, lengths: refused, nothing written */
	assert_int_equal(store_item_retitle(f->st, x.id, 2, "Rãnh thoát nước", &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "(số 2)"));
	char *t200 = repeat("a", 200), *t201 = repeat("a", 201);
	assert_int_equal(store_item_retitle(f->st, x.id, 2, t201, &e), NTM_USAGE);
	assert_int_equal(store_item_retitle(f->st, x.id, 2, "", &e), NTM_USAGE);
	assert_int_equal(store_item_retitle(f->st, x.id, 2, "x\x01y", &e), NTM_USAGE);
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(store_item_retitle(f->st, x.id, 2, t200, &e), NTM_OK);
	assert_int_equal(at(f, 3).version, 3);
	/* undo puts the old title back */
	undo_mine(f);
	assert_string_equal(at(f, 3).title, "Nhà văn hóa thôn");
	free(t200);
	free(t201);
}

static void
test_note(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_item x = at(f, 1);
	assert_null(x.note);
	assert_int_equal(store_item_set_note(f->st, x.id, 1, "Đã khảo sát.\nCòn 200 m.", &e), NTM_OK);
	assert_int_equal(last_action_rows(f, "checklist.note"), 1);
	assert_string_equal(at(f, 1).note, "Đã khảo sát.\nCòn 200 m.");
	assert_int_equal(at(f, 1).version, 2);
	long rows = audit_rows(f);
	char *n10000 = repeat("ư", 10000), *n10001 = repeat("ư", 10001);
	assert_int_equal(store_item_set_note(f->st, x.id, 2, n10001, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "10000"));
	assert_int_equal(store_item_set_note(f->st, x.id, 2, "a\033b", &e), NTM_USAGE);
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(store_item_set_note(f->st, x.id, 2, n10000, &e), NTM_OK);
	assert_int_equal(strlen(at(f, 1).note), strlen(n10000));
	/* "" clears (NULL in the file), blanks too */
	assert_int_equal(store_item_set_note(f->st, x.id, 3, "", &e), NTM_OK);
	assert_null(at(f, 1).note);
	assert_int_equal(query(f->path, "SELECT note IS NULL FROM checklist_item WHERE id = ?1", x.id), 1);
	rows = audit_rows(f);
	assert_int_equal(store_item_set_note(f->st, x.id, 4, " \n ", &e), NTM_OK);
	assert_int_equal(audit_rows(f), rows);
	free(n10000);
	free(n10001);
}

static void
test_delete(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_item x = at(f, 2);
	long rows = audit_rows(f);
	assert_int_equal(store_item_delete(f->st, x.id, 7, &e), NTM_FAIL);
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(store_item_delete(f->st, x.id, 1, &e), NTM_OK);
	assert_int_equal(last_action_rows(f, "checklist.remove"), 1);
	assert_int_equal(query(f->path, "SELECT count(*) FROM audit WHERE verb = "
		"'checklist.remove' AND after IS NULL AND json_extract(before, "
		"'$.title') = 'Rãnh thoát nước'", NULL), 1);
	int n;
	struct store_item *it = items(f, f->cd, &n);
	assert_int_equal(n, 9);
	assert_string_equal(it[1].title, "Cơ sở vật chất (nhà văn hóa thôn)");
	/* gone: every edit by id says who deleted it */
	struct store_item got;
	assert_int_equal(store_item_get(f->st, x.id, &f->a, &got, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Rãnh thoát nước"));
	assert_non_null(strstr(e.msg, "Nguyễn Văn An"));
	assert_int_equal(store_item_delete(f->st, x.id, 1, &e), NTM_FAIL);
	assert_int_equal(store_item_set_note(f->st, x.id, 1, "x", &e), NTM_FAIL);
	assert_int_equal(store_item_move(f->st, x.id, 1, &e), NTM_FAIL);
	/* undo brings it back, at its place, with its id */
	undo_mine(f);
	assert_string_equal(at(f, 2).id, x.id);
}

/* A colleague changed the item after the editor read it. */
static void
test_stale_version(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_item x = at(f, 4);
	assert_int_equal(store_item_set_note(colleague(f), x.id, 1, "Của Bình", &e), NTM_OK);
	long rows = audit_rows(f);
	assert_int_equal(store_item_retitle(f->st, x.id, 1, "Tên mới", &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Trần Bình"));
	assert_non_null(strstr(e.msg, x.title));
	assert_int_equal(store_item_set_note(f->st, x.id, 1, "Của An", &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Trần Bình"));
	assert_int_equal(store_item_delete(f->st, x.id, 1, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Trần Bình"));
	assert_int_equal(audit_rows(f), rows);
	assert_string_equal(at(f, 4).note, "Của Bình");
	assert_string_equal(at(f, 4).title, x.title);
	/* with the version read again it goes through */
	assert_int_equal(store_item_set_note(f->st, x.id, 2, "Của An", &e), NTM_OK);
	/* a move does not change the version: an open editor stays valid */
	assert_int_equal(store_item_move(colleague(f), x.id, 1, &e), NTM_OK);
	assert_int_equal(store_item_retitle(f->st, x.id, 3, "Tên mới", &e), NTM_OK);
}

/* ---- ticks ----------------------------------------------------------------- */

/* Issue 9: work finished earlier is dated when it was done. */
static void
test_tick_on_date(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_item x = at(f, 3);
	assert_int_equal(store_item_tick_on(f->st, x.id, true, "5/3/2024", &e), NTM_OK);
	assert_string_equal(at(f, 3).done_on, "2024-03-05");
	assert_int_equal(at(f, 3).version, 2);
	/* another date for a done item: its date changes, one more version */
	assert_int_equal(store_item_tick_on(f->st, x.id, true, "2024-03-01", &e), NTM_OK);
	assert_string_equal(at(f, 3).done_on, "2024-03-01");
	assert_string_equal(at(f, 3).done_by, "Nguyễn Văn An");
	assert_int_equal(at(f, 3).version, 3);
	/* the model's date rules: a real date, not in the future */
	long rows = audit_rows(f);
	assert_int_equal(store_item_tick_on(f->st, x.id, true, "2999-01-01", &e), NTM_USAGE);
	assert_int_equal(store_item_tick_on(f->st, x.id, true, "30/2/2024", &e), NTM_USAGE);
	assert_int_equal(audit_rows(f), rows);
	/* by words only one title has; an item set done on a date */
	assert_int_equal(store_item_set_done(f->st, f->cd, "an ninh", true, "1/1/2024", &e), NTM_OK);
	assert_string_equal(at(f, 10).done_on, "2024-01-01");
	/* words of several titles: refused naming them */
	struct store_item got;
	assert_int_equal(store_item_resolve(f->st, f->cd, "nha van hoa", &f->a, &got, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "3. Cơ sở vật chất (nhà văn hóa thôn), 4. Trang thiết bị nhà văn hóa"));
	assert_int_equal(store_item_resolve(f->st, f->cd, "co so vat chat", &f->a, &got, &e), NTM_OK);
	assert_string_equal(got.id, x.id);
}

/* Issue 9: a look-alike village name, and the villages' names said once. */
static void
test_village_twin(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	assert_string_equal(store_village_twin(f->st, "Thôn Cự Đình", NULL, &f->a), "Cự Đình");
	assert_string_equal(store_village_twin(f->st, "cu dinh", NULL, &f->a), "Cự Đình");
	assert_null(store_village_twin(f->st, "Cự Đình", NULL, &f->a));  /* taken */
	assert_null(store_village_twin(f->st, "cu dinh", f->cd, &f->a)); /* itself */
	assert_null(store_village_twin(f->st, "Đình Dù", NULL, &f->a));
	long rows = audit_rows(f);
	assert_int_equal(store_village_add(f->st, "Xóm Cự Đình", false, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "“Cự Đình”"));
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(store_village_add(f->st, "Xóm Cự Đình", true, &e), NTM_OK);
	/* an unknown item's village is said once */
	struct store_village v;
	struct store_item got;
	assert_int_equal(store_village_find(f->st, "Xóm Cự Đình", &f->a, &v, &e), NTM_OK);
	assert_int_equal(store_item_resolve(f->st, v.id, "99", &f->a, &got, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Xóm Cự Đình chỉ có 10 mục"));
	assert_null(strstr(e.msg, "thôn Xóm"));
}

static void
test_tick(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	char today[11];
	store_today(today);
	struct store_item x = at(f, 5);
	assert_int_equal(store_item_tick(f->st, x.id, true, &e), NTM_OK);
	assert_int_equal(last_action_rows(f, "checklist.done"), 1);
	struct store_item y = at(f, 5);
	assert_true(y.done);
	assert_string_equal(y.done_on, today);
	assert_string_equal(y.done_by, "Nguyễn Văn An");
	assert_int_equal(y.version, 2);
	assert_int_equal(store_item_tick(f->st, x.id, false, &e), NTM_OK);
	assert_int_equal(last_action_rows(f, "checklist.undone"), 1);
	y = at(f, 5);
	assert_false(y.done);
	assert_null(y.done_on);
	assert_null(y.done_by);
	/* undo of the untick */
	undo_mine(f);
	assert_true(at(f, 5).done);
	/* an id that is not an item */
	long rows = audit_rows(f);
	assert_int_equal(store_item_tick(f->st, "0123", true, &e), NTM_FAIL);
	assert_int_equal(audit_rows(f), rows);
}

/* Two people tick the same item at once: both succeed, both are in the
 * log, the first ticker's name and date stay. */
static void
test_tick_agreeing(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_item x = at(f, 6);
	long rows = audit_rows(f);
	assert_int_equal(store_item_tick(colleague(f), x.id, true, &e), NTM_OK);
	assert_int_equal(store_item_tick(f->st, x.id, true, &e), NTM_OK);
	assert_int_equal(audit_rows(f), rows + 2);
	assert_int_equal(query(f->path, "SELECT count(DISTINCT action_id) FROM audit "
		"WHERE verb = 'checklist.done' AND entity_id = ?1", x.id), 2);
	assert_int_equal(query(f->path, "SELECT count(*) FROM audit WHERE entity_id = ?1 "
		"AND person = 'Nguyễn Văn An' AND before = after", x.id), 1);
	struct store_item y = at(f, 6);
	assert_true(y.done);
	assert_string_equal(y.done_by, "Trần Bình");
	assert_int_equal(y.version, 2);
	/* the same for unticking */
	assert_int_equal(store_item_tick(colleague(f), x.id, false, &e), NTM_OK);
	assert_int_equal(store_item_tick(f->st, x.id, false, &e), NTM_OK);
	assert_int_equal(audit_rows(f), rows + 4);
	assert_false(at(f, 6).done);
	/* set_done by position reads and acts in one call: already so, quiet */
	assert_int_equal(store_item_set_done(f->st, f->cd, "6", false, NULL, &e), NTM_OK);
	assert_int_equal(audit_rows(f), rows + 4);
}

static void
test_tick_deleted(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_item x = at(f, 7);
	assert_int_equal(store_item_delete(colleague(f), x.id, 1, &e), NTM_OK);
	long rows = audit_rows(f);
	assert_int_equal(store_item_tick(f->st, x.id, true, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, x.title));
	assert_non_null(strstr(e.msg, "Trần Bình"));
	assert_non_null(strstr(e.msg, "xóa"));
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(query(f->path, "SELECT count(*) FROM checklist_item WHERE id = ?1", x.id), 0);
}

/* ---- move ---------------------------------------------------------------- */

static void
test_move(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	int n;
	struct store_item x = at(f, 4);
	assert_int_equal(store_item_move(f->st, x.id, 1, &e), NTM_OK);
	assert_string_equal(at(f, 1).id, x.id);
	assert_string_equal(at(f, 2).title, "Đường giao thông trong thôn");
	/* the moved item's row comes first; ord is 1..n; versions kept */
	assert_int_equal(last_action_rows(f, "checklist.move"), 4);
	assert_int_equal(query(f->path, "SELECT entity_id = ?1 FROM audit ORDER BY seq "
		"DESC LIMIT 1 OFFSET 3", x.id), 1);
	assert_int_equal(query(f->path, "SELECT count(*) FROM checklist_item i WHERE "
		"unit_id = (SELECT unit_id FROM checklist_item WHERE id = ?1) AND "
		"ord <> (SELECT count(*) FROM checklist_item j WHERE j.unit_id = "
		"i.unit_id AND j.ord <= i.ord)", x.id), 0);
	assert_int_equal(at(f, 1).version, 1);
	/* last, and clamped at both ends */
	assert_int_equal(store_item_move(f->st, x.id, 10, &e), NTM_OK);
	assert_string_equal(at(f, 10).id, x.id);
	assert_int_equal(store_item_move(f->st, x.id, 0, &e), NTM_OK);
	assert_string_equal(at(f, 1).id, x.id);
	assert_int_equal(store_item_move(f->st, x.id, 999, &e), NTM_OK);
	assert_string_equal(at(f, 10).id, x.id);
	assert_int_equal(store_item_move(f->st, x.id, 3, &e), NTM_OK);
	/* undo of a move restores the order */
	struct store_item *before = items(f, f->cd, &n);
	struct store_item y = at(f, 8);
	assert_int_equal(store_item_move(f->st, y.id, 2, &e), NTM_OK);
	assert_string_equal(at(f, 2).id, y.id);
	undo_mine(f);
	struct store_item *after = items(f, f->cd, &n);
	for (int i = 0; i < n; i++)
		assert_string_equal(after[i].id, before[i].id);
	/* to where it is: nothing written */
	long rows = audit_rows(f);
	assert_int_equal(store_item_move(f->st, y.id, 8, &e), NTM_OK);
	assert_int_equal(audit_rows(f), rows);
}

/* ---- sorting a listing ------------------------------------------------------ */

static void
test_sort(void **state)
{
	(void)state;
	const char *titles[] = {"Đường hoa", "An ninh", "Ăn uống", "Ba", "Bà", "Âm thanh"};
	const bool done[] = {false, true, false, true, false, false};
	struct store_item it[6];
	memset(it, 0, sizeof it);
	for (int i = 0; i < 6; i++) {
		it[i].pos = i + 1;
		it[i].title = titles[i];
		it[i].done = done[i];
	}
	store_items_sort(it, 6, ITEMS_BY_TITLE);
	const char *want[] = {"An ninh", "Ăn uống", "Âm thanh", "Ba", "Bà", "Đường hoa"};
	const int pos[] = {2, 3, 6, 4, 5, 1};
	for (int i = 0; i < 6; i++) {
		assert_string_equal(it[i].title, want[i]);
		assert_int_equal(it[i].pos, pos[i]);
	}
	store_items_sort(it, 6, ITEMS_UNDONE_FIRST);
	const int undone_first[] = {1, 3, 5, 6, 2, 4};
	for (int i = 0; i < 6; i++)
		assert_int_equal(it[i].pos, undone_first[i]);
	store_items_sort(it, 6, ITEMS_ARRANGED);
	for (int i = 0; i < 6; i++)
		assert_string_equal(it[i].title, titles[i]);
	/* stable: equal keys keep the order they came in */
	for (int i = 0; i < 6; i++)
		it[i].pos = 0;
	store_items_sort(it, 6, ITEMS_UNDONE_FIRST);
	assert_string_equal(it[0].title, "Đường hoa");
	assert_string_equal(it[3].title, "Âm thanh");
	assert_string_equal(it[4].title, "An ninh");
	assert_string_equal(it[5].title, "Ba");
	store_items_sort(NULL, 0, ITEMS_BY_TITLE);
}

/* Sorting the listing of a real village never touches the file. */
static void
test_sort_keeps_arrangement(void **state)
{
	struct fixture *f = *state;
	int n;
	struct store_item *it = items(f, f->cd, &n);
	long rows = audit_rows(f);
	store_items_sort(it, n, ITEMS_BY_TITLE);
	assert_string_equal(it[0].title, "Chỉnh trang cảnh quan, trồng hoa, cây xanh");
	assert_int_equal(it[0].pos, 7);
	assert_string_equal(at(f, 1).title, "Đường giao thông trong thôn");
	assert_int_equal(audit_rows(f), rows);
}

/* ---- villages ------------------------------------------------------------- */

static void
test_village_remove(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	long units = query(f->path, "SELECT count(*) FROM unit", NULL);
	long all = query(f->path, "SELECT count(*) FROM checklist_item", NULL);
	assert_int_equal(store_village_alias(f->st, "Cự Đình", "Xóm Cự", &e), NTM_OK);
	assert_int_equal(store_item_set_note(f->st, at(f, 1).id, 1, "Ghi chú", &e), NTM_OK);
	long aliases = query(f->path, "SELECT count(*) FROM unit_alias", NULL);
	long rows = audit_rows(f);
	/* refused with the count, nothing written */
	assert_int_equal(store_village_remove(f->st, "Cự Đình", false, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Cự Đình"));
	assert_non_null(strstr(e.msg, "10 mục"));
	assert_int_equal(store_village_remove_counted(f->st, "Cự Đình", 9, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "10 mục"));
	assert_int_equal(store_village_remove(f->st, "Nơi khác", true, &e), NTM_FAIL);
	assert_int_equal(audit_rows(f), rows);
	/* with force (found by an alias): items, aliases, village; one action */
	assert_int_equal(store_village_remove(f->st, "xom cu", true, &e), NTM_OK);
	assert_int_equal(last_action_rows(f, "village.remove"), 10 + 2 + 1);
	assert_int_equal(query(f->path, "SELECT count(*) FROM unit", NULL), units - 1);
	assert_int_equal(query(f->path, "SELECT count(*) FROM checklist_item", NULL), all - 10);
	assert_int_equal(query(f->path, "SELECT count(*) FROM unit_alias", NULL), aliases - 2);
	struct store_village v;
	assert_int_equal(store_village_find(f->st, "Cự Đình", &f->a, &v, &e), NTM_FAIL);
	/* undo brings back the village, its aliases and its items, same ids */
	undo_mine(f);
	assert_int_equal(store_village_find(f->st, "Xóm Cự", &f->a, &v, &e), NTM_OK);
	assert_string_equal(v.id, f->cd);
	assert_int_equal(v.items.total, 10);
	assert_int_equal(query(f->path, "SELECT count(*) FROM unit_alias", NULL), aliases);
	assert_string_equal(at(f, 1).note, "Ghi chú");
	assert_int_equal(query(f->path, "SELECT count(*) FROM pragma_foreign_key_check", NULL), 0);
}

/* A village without items goes without force; counted right. */
static void
test_village_remove_counted(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_village v;
	assert_int_equal(store_village_add(f->st, "Đình Dù", false, &e), NTM_OK);
	assert_int_equal(store_village_remove_counted(f->st, "Đình Dù", 10, &e), NTM_OK);
	assert_int_equal(store_village_add(f->st, "Đình Dù", false, &e), NTM_OK);
	assert_int_equal(store_village_find(f->st, "Đình Dù", &f->a, &v, &e), NTM_OK);
	int n;
	struct store_item *it = items(f, v.id, &n);
	for (int i = 0; i < n; i++)
		assert_int_equal(store_item_delete(f->st, it[i].id, 1, &e), NTM_OK);
	assert_int_equal(store_village_remove(f->st, "Đình Dù", false, &e), NTM_OK);
	assert_int_equal(last_action_rows(f, "village.remove"), 1);
}

static void
test_apply_template(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	int added = -1;
	/* nothing lacking: OK, nothing written */
	long rows = audit_rows(f);
	assert_int_equal(store_village_apply_template(f->st, f->cd, &added, &e), NTM_OK);
	assert_int_equal(added, 0);
	assert_int_equal(audit_rows(f), rows);
	/* two template items deleted; one comes back by hand under its title */
	struct store_item x2 = at(f, 2), x5 = at(f, 5);
	assert_int_equal(store_item_delete(f->st, x2.id, 1, &e), NTM_OK);
	assert_int_equal(store_item_delete(f->st, x5.id, 1, &e), NTM_OK);
	assert_int_equal(store_item_insert(f->st, f->cd, "Rãnh thoát nước", 0, NULL, &e), NTM_OK);
	assert_int_equal(store_village_apply_template(f->st, f->cd, &added, &e), NTM_OK);
	assert_int_equal(added, 1);
	assert_int_equal(last_action_rows(f, "village.template"), 1);
	int n;
	struct store_item *it = items(f, f->cd, &n);
	assert_int_equal(n, 10);
	assert_string_equal(it[9].title, x5.title);
	assert_string_equal(it[9].template_id, x5.template_id);
	assert_null(it[0].template_id);
	/* undo takes it away again */
	undo_mine(f);
	it = items(f, f->cd, &n);
	assert_int_equal(n, 9);
	/* a village that is gone */
	assert_int_equal(store_village_apply_template(f->st, "0123", &added, &e), NTM_FAIL);
	assert_int_equal(added, 0);
}

/* ---- the matrix ---------------------------------------------------------- */

static void
test_matrix(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_matrix m;
	assert_int_equal(store_matrix(f->st, &f->a, &m, &e), NTM_OK);
	assert_int_equal(m.nvillages, 2);
	assert_int_equal(m.nitems, 10);
	assert_string_equal(m.villages[0].name, "Cự Đình");
	assert_string_equal(m.titles[0], "Đường giao thông trong thôn");
	for (int k = 0; k < 20; k++) {
		assert_int_equal(m.done[k], 0);
		assert_non_null(m.item_ids[k]);
	}
	/* ticks, a hand-made item (not a column), a deleted item, a new village */
	assert_int_equal(store_item_tick(f->st, at(f, 1).id, true, &e), NTM_OK);
	assert_int_equal(store_item_tick(f->st, at(f, 3).id, true, &e), NTM_OK);
	assert_int_equal(store_item_insert(f->st, f->cd, "Cổng làng", 0, NULL, &e), NTM_OK);
	struct store_item gone = at(f, 11);
	assert_int_equal(store_item_delete(f->st, gone.id, 1, &e), NTM_OK);
	assert_int_equal(store_village_add(f->st, "An Lạc", false, &e), NTM_OK);
	assert_int_equal(store_matrix(f->st, &f->a, &m, &e), NTM_OK);
	assert_int_equal(m.nvillages, 3);
	assert_int_equal(m.nitems, 10);
	assert_string_equal(m.villages[0].name, "An Lạc");
	assert_string_equal(m.villages[1].name, "Cự Đình");
	const signed char *cd = m.done + 1 * m.nitems;
	assert_int_equal(cd[0], 1);
	assert_int_equal(cd[1], 0);
	assert_int_equal(cd[2], 1);
	assert_int_equal(cd[9], -1);
	assert_null(m.item_ids[1 * m.nitems + 9]);
	assert_string_equal(m.item_ids[1 * m.nitems + 2], at(f, 4).id);
	assert_int_equal(m.row_gauge[1].done, 2);
	assert_int_equal(m.row_gauge[1].total, 9);
	assert_int_equal(m.col_gauge[0].done, 1);
	assert_int_equal(m.col_gauge[0].total, 3);
	assert_int_equal(m.col_gauge[9].total, 2);
}

/* The template brings a lacking column back. */
static void
test_matrix_template(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_matrix m;
	assert_int_equal(store_item_delete(f->st, at(f, 10).id, 1, &e), NTM_OK);
	assert_int_equal(store_matrix(f->st, &f->a, &m, &e), NTM_OK);
	assert_int_equal(m.done[9], -1);
	assert_int_equal(m.row_gauge[0].total, 9);
	int added;
	assert_int_equal(store_village_apply_template(f->st, f->cd, &added, &e), NTM_OK);
	assert_int_equal(added, 1);
	assert_int_equal(store_matrix(f->st, &f->a, &m, &e), NTM_OK);
	assert_int_equal(m.done[9], 0);
	assert_non_null(m.item_ids[9]);
	assert_int_equal(m.row_gauge[0].total, 10);
}

/* ---- the functions of the command line, on top of the new ones ------------ */

static void
test_by_position_or_title(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	assert_int_equal(store_item_set_done(f->st, f->cd, "2", true, NULL, &e), NTM_OK);
	assert_int_equal(store_item_set_done(f->st, f->cd, "ranh thoat nuoc", true, NULL, &e), NTM_OK);
	assert_int_equal(audit_rows(f), 1);
	assert_int_equal(store_item_add(f->st, f->cd, "Đường hoa", &e), NTM_OK);
	assert_string_equal(at(f, 11).title, "Đường hoa");
	assert_int_equal(store_item_remove(f->st, f->cd, "Đường hoa", &e), NTM_OK);
	assert_int_equal(last_action_rows(f, "checklist.remove"), 1);
	assert_int_equal(store_item_remove(f->st, f->cd, "99", &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "99"));
	/* the verbs of the editor, all present in the log */
	assert_int_equal(query(f->path, "SELECT count(DISTINCT verb) FROM audit", NULL), 3);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_get), T(test_insert_positions), T(test_insert_village_gone),
		T(test_title_rules),
		T(test_retitle), T(test_note), T(test_delete), T(test_stale_version),
		T(test_tick), T(test_tick_agreeing), T(test_tick_deleted),
		T(test_tick_on_date), T(test_village_twin),
		T(test_move), T(test_sort), T(test_sort_keeps_arrangement),
		T(test_village_remove), T(test_village_remove_counted),
		T(test_apply_template), T(test_matrix), T(test_matrix_template),
		T(test_by_position_or_title),
	};
	return cmocka_run_group_tests_name("checklist", tests, NULL, NULL);
}
