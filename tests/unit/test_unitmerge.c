/* Merged communes (store_unit_merge): what moves, the names kept unique,
 * the history listed under the merged commune and given back by an undo
 * (store_unit_merge_history), a dry run, refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "fixture.h"

/* A second commune, Lạc Đạo (id 'ld'), written outside any action, with
 * a village named like one of Việt Hưng's and one of its own. */
static void
add_lac_dao(struct fixture *f)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO unit(id, level, name) "
				      "VALUES ('ld', 'xa', 'Lạc Đạo')", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_close(db);
	struct ntm_error e = {0};
	assert_int_equal(store_use_commune(f->st, "Lạc Đạo", &e), NTM_OK);
	assert_int_equal(store_village_add(f->st, "Cự Đình", false, &e), NTM_OK);
	assert_int_equal(store_village_add(f->st, "Ngọc Quỳnh", false, &e), NTM_OK);
}

static long
audit_of(struct fixture *f, const char *unit)
{
	return query(f->path, "SELECT count(*) FROM audit WHERE unit_id = ?1 "
		     "AND verb NOT IN ('undo', 'redo')", unit);
}

static void
test_merge_into_existing(void **state)
{
	struct fixture *f = *state;
	add_lac_dao(f);
	struct ntm_error e = {0};
	struct store_merge_result r;
	const char *olds[] = {"lac dao"};
	long history = audit_of(f, "ld");
	assert_true(history > 0);
	assert_int_equal(store_unit_merge(f->st, olds, 1, "Việt Hưng", false,
					  &f->a, &r, &e), NTM_OK);
	assert_false(r.created);
	assert_string_equal(r.into, "Việt Hưng");
	assert_string_equal(r.from[0], "Lạc Đạo");
	assert_int_equal(r.villages, 2);
	assert_int_equal(r.items, 20);
	assert_int_equal(r.nrenames, 1);
	assert_int_equal(r.renames[0].kind, MERGE_VILLAGE);
	assert_string_equal(r.renames[0].to, "Cự Đình (Lạc Đạo)");
	assert_int_equal(audit_of(f, "ld"), 0);
	/* the commune in use was merged: the merged one is in use now */
	struct store_village v;
	assert_int_equal(store_village_find(f->st, "Ngọc Quỳnh", &f->a, &v, &e),
			 NTM_OK);
	assert_int_equal(store_use_commune(f->st, "Lạc Đạo", &e), NTM_OK);

	/* undone: the history is Lạc Đạo's again; redone: Việt Hưng's */
	char undo[STORE_ID_LEN], redo[STORE_ID_LEN];
	assert_int_equal(store_undo(f->st, store_my_last_action(f->st), undo, &e),
			 NTM_OK);
	assert_int_equal(store_unit_merge_history(f->st, undo, &e), NTM_OK);
	assert_int_equal(audit_of(f, "ld"), history);
	assert_int_equal(query(f->path, "SELECT count(*) FROM unit WHERE "
			       "parent_id = 'ld'", NULL), 2);
	assert_int_equal(store_undo(f->st, undo, redo, &e), NTM_OK);
	assert_int_equal(store_unit_merge_history(f->st, redo, &e), NTM_OK);
	assert_int_equal(audit_of(f, "ld"), 0);
}

static void
test_merge_dry_run_and_refusals(void **state)
{
	struct fixture *f = *state;
	add_lac_dao(f);
	struct ntm_error e = {0};
	struct store_merge_result r;
	const char *olds[] = {"Lạc Đạo", "Việt Hưng"};
	long audit = query(f->path, "SELECT count(*) FROM audit", NULL);
	assert_int_equal(store_unit_merge(f->st, olds, 2, "Như Quỳnh", true,
					  &f->a, &r, &e), NTM_OK);
	assert_true(r.created);
	assert_int_equal(r.nfrom, 2);
	assert_true(r.villages > 2);
	assert_int_equal(query(f->path, "SELECT count(*) FROM audit", NULL), audit);
	assert_int_equal(query(f->path, "SELECT count(*) FROM unit WHERE "
			       "level = 'xa'", NULL), 2);

	const char *twice[] = {"Lạc Đạo", "lac dao"};
	assert_int_equal(store_unit_merge(f->st, twice, 2, "X", false, &f->a,
					  &r, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "hai lần"));
	assert_int_equal(store_unit_merge(f->st, olds, 2, "viet hung", false,
					  &f->a, &r, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "chính nó"));
	const char *village[] = {"Thục Cầu"};
	assert_int_equal(store_unit_merge(f->st, village, 1, "X", false, &f->a,
					  &r, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "là thôn của xã Việt Hưng"));
	assert_int_equal(query(f->path, "SELECT count(*) FROM audit", NULL), audit);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_merge_into_existing),
		T(test_merge_dry_run_and_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
