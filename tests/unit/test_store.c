/* Unit tests of src/store on temporary files: creation and migration,
 * refusal of a newer schema, audit rows with action ids and row images,
 * ids, versions, lookups by folded name, the latest-value rule. */
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

static const struct store_indicator *
find(const struct store_report *r, const char *code)
{
	for (int i = 0; i < r->nind; i++)
		if (strcmp(r->ind[i].code, code) == 0)
			return &r->ind[i];
	fail_msg("no indicator %s", code);
	return NULL;
}

static void
test_created(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM search_doc WHERE entity = 'task'"), 140);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM criterion"), 19);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM indicator WHERE plan_id IS NULL"), 55);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM task"), 70);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM checklist_item"), 20);
	/* every id is 128 random bits as 32 hex digits */
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM task WHERE "
				   "length(id) <> 32 OR id GLOB '*[^0-9a-f]*'"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(DISTINCT id) FROM task"), 70);
	/* loading the built-in data is not a user action */
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit"), 0);
}

static void
test_report(void **state)
{
	struct fixture *f = *state;
	struct store_report r;
	struct ntm_error e = {0};
	assert_int_equal(store_report_load(f->st, &r, &e), NTM_OK);
	assert_string_equal(r.unit, "Việt Hưng");
	assert_string_equal(r.plan_number, "32/KH-UBND");
	assert_int_equal(r.plan_year, 2024);
	assert_int_equal(r.criteria.total, 19);
	assert_int_equal(r.criteria.done, 0);
	assert_int_equal(r.nind, 66);
	assert_int_equal(r.nvillages, 2);
	const struct store_indicator *x = find(&r, "12.2");
	assert_true(x->reading.plan.set);
	assert_true(x->reading.plan.value == 85);
	assert_int_equal(x->status, NTM_STATUS_CHUA_DANH_GIA);
	x = find(&r, "11");
	assert_int_equal(x->reading.plan.cmp, NTM_CMP_LT);
	x = find(&r, "2.1");
	assert_int_equal(x->status, NTM_STATUS_CHUA_CO_CHI_TIEU);
	store_report_free(&r);
}

static void
test_measurement_audit(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ind;
	assert_int_equal(store_indicator_find(f->st, "12.kh1", &ind, &e), NTM_OK);
	assert_string_equal(ind.code, "12.KH1");
	assert_int_equal(store_indicator_find(f->st, "12.2", &ind, &e), NTM_OK);
	assert_int_equal(ind.kind, NTM_KIND_PERCENT);
	assert_int_equal(store_measurement_add(f->st, &ind, 86.5, "2024-06-30",
					       "đợt 1", &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit"), 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit WHERE "
		"entity = 'measurement' AND before IS NULL AND verb = 'set' AND "
		"json_extract(after, '$.value') = 86.5 AND "
		"json_extract(after, '$.note') = 'đợt 1' AND "
		"person = 'Nguyễn Văn An' AND at LIKE '____-__-__T__:__:__%Z'"), 1);

	/* an older date recorded later does not become current */
	assert_int_equal(store_measurement_add(f->st, &ind, 70, "2024-01-01", NULL, &e), NTM_OK);
	/* two values on the same date: the one recorded last wins */
	assert_int_equal(store_measurement_add(f->st, &ind, 90, "2024-06-30", NULL, &e), NTM_OK);
	struct store_report r;
	assert_int_equal(store_report_load(f->st, &r, &e), NTM_OK);
	assert_true(find(&r, "12.2")->reading.value == 90);
	assert_string_equal(find(&r, "12.2")->as_of, "2024-06-30");
	assert_int_equal(find(&r, "12.2")->status, NTM_STATUS_DAT);
	store_report_free(&r);

	assert_int_equal(store_measurement_retract(f->st, &ind, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit WHERE "
		"verb = 'retract' AND after IS NULL AND "
		"json_extract(before, '$.value') = 90"), 1);
	assert_int_equal(store_report_load(f->st, &r, &e), NTM_OK);
	assert_true(find(&r, "12.2")->reading.value == 86.5);
	store_report_free(&r);
	/* each action has its own id */
	assert_int_equal(query_int(f->path, "SELECT count(DISTINCT action_id) FROM audit"), 4);
}

/* The store keeps the model's date rules for every caller: no date in the
 * future, none that is not on the calendar; nothing written. */
static void
test_measurement_date_rules(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ind;
	assert_int_equal(store_indicator_find(f->st, "12.2", &ind, &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->st, &ind, 50, "2199-01-01", NULL, &e),
			 NTM_USAGE);
	assert_non_null(strstr(e.msg, "2199-01-01 ở tương lai"));
	assert_int_equal(store_measurement_add(f->st, &ind, 50, "2024-02-30", NULL, &e),
			 NTM_USAGE);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM measurement"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit"), 0);
	/* 12/3/2024 is read as people write it and stored as YYYY-MM-DD */
	assert_int_equal(store_measurement_add(f->st, &ind, 50, "12/3/2024", NULL, &e),
			 NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM measurement "
		"WHERE as_of = '2024-03-12'"), 1);
}

static void
test_target_version(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ind;
	assert_int_equal(store_indicator_find(f->st, "12.2", &ind, &e), NTM_OK);
	assert_int_equal(store_target_set(f->st, &ind, STORE_ANY_VERSION, NTM_CMP_GE, 90, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT pt.version FROM plan_target pt JOIN "
		"indicator i ON i.id = pt.indicator_id WHERE i.code = '12.2'"), 2);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit WHERE "
		"entity = 'plan_target' AND json_extract(before, '$.value') = 85 AND "
		"json_extract(after, '$.value') = 90"), 1);
	assert_int_equal(store_target_clear(f->st, &ind, STORE_ANY_VERSION, &e), NTM_OK);
	assert_int_equal(store_target_clear(f->st, &ind, STORE_ANY_VERSION, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "12.2"));
}

static void
test_unknown_code(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ind;
	assert_int_equal(store_indicator_find(f->st, "12.9", &ind, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "12.1"));
}

static void
test_villages(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_village v;
	assert_int_equal(store_village_find(f->st, "cu dinh", &a, &v, &e), NTM_OK);
	assert_string_equal(v.name, "Cự Đình");
	assert_int_equal(store_village_find(f->st, "Cự Đinh", &a, &v, &e), NTM_OK);
	assert_string_equal(v.name, "Cự Đình");
	assert_int_equal(v.items.total, 10);

	/* Ba and Bà are distinct (once confirmed: a look-alike is refused
	 * without force, naming the village); exact wins, folded "ba" is
	 * ambiguous */
	assert_int_equal(store_village_add(f->st, "Ba", false, &e), NTM_OK);
	assert_int_equal(store_village_add(f->st, "Bà", false, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "“Ba”"));
	assert_int_equal(store_village_add(f->st, "Bà", true, &e), NTM_OK);
	assert_int_equal(store_village_add(f->st, "Bà", true, &e), NTM_FAIL);
	assert_int_equal(store_village_find(f->st, "Bà", &a, &v, &e), NTM_OK);
	assert_string_equal(v.name, "Bà");
	assert_int_equal(v.items.total, 10);
	assert_int_equal(store_village_find(f->st, "BA", &a, &v, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Ba, Bà"));

	assert_int_equal(store_village_rename(f->st, "Thục Cầu", STORE_ANY_VERSION, "Thục Cầu Mới", &e), NTM_OK);
	assert_int_equal(store_village_find(f->st, "thuc cau", &a, &v, &e), NTM_OK);
	assert_string_equal(v.name, "Thục Cầu Mới");
	assert_int_equal(query_int(f->path, "SELECT version FROM unit WHERE name = 'Thục Cầu Mới'"), 2);
	assert_int_equal(store_village_add(f->st, "x\ny", false, &e), NTM_USAGE);
	assert_int_equal(store_village_add(f->st, "   ", false, &e), NTM_USAGE);
	arena_free(&a);
}

static void
test_checklist(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_village v;
	assert_int_equal(store_village_find(f->st, "Cự Đình", &a, &v, &e), NTM_OK);
	assert_int_equal(store_item_set_done(f->st, v.id, "2", true, NULL, &e), NTM_OK);
	assert_int_equal(store_item_set_done(f->st, v.id, "ranh thoat nuoc", true, NULL, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit"), 1);
	assert_int_equal(store_item_add(f->st, v.id, "Đường hoa tiêu biểu", &e), NTM_OK);
	assert_int_equal(store_item_add(f->st, v.id, "Đường hoa tiêu biểu", &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "số 11"));
	assert_int_equal(store_item_set_done(f->st, v.id, "12", true, NULL, &e), NTM_FAIL);
	struct store_item *it;
	int n;
	assert_int_equal(store_checklist(f->st, v.id, &a, &it, &n, &e), NTM_OK);
	assert_int_equal(n, 11);
	assert_true(it[1].done);
	assert_non_null(it[1].done_on);
	assert_true(it[0].from_template);
	assert_false(it[10].from_template);
	assert_int_equal(store_item_remove(f->st, v.id, "11", &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit WHERE "
		"verb = 'checklist.remove' AND after IS NULL AND "
		"json_extract(before, '$.title') = 'Đường hoa tiêu biểu'"), 1);
	arena_free(&a);
}

/* Closes the fixture's store and runs sql on the file with plain SQLite
 * (outside any ntm action), as an older or newer ntm would have left it. */
static void
exec_closed(struct fixture *f, const char *sql)
{
	store_close(f->st);
	f->st = NULL;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, 0, 0, 0), SQLITE_OK);
	sqlite3_close(db);
}

/* Drops the triggers whose names are LIKE pattern. */
static void
drop_triggers(sqlite3 *db, const char *pattern)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT 'DROP TRIGGER \"' || "
		"name || '\";' FROM sqlite_master WHERE type = 'trigger' AND "
		"name LIKE ?1", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, pattern, -1, SQLITE_STATIC);
	char drops[16384] = "";
	while (sqlite3_step(s) == SQLITE_ROW)
		snprintf(drops + strlen(drops), sizeof drops - strlen(drops), "%s",
			 sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_exec(db, drops, 0, 0, 0), SQLITE_OK);
}

/* Makes the fixture's file one of schema 4: what schemas 5 and 6 added go
 * (the audit triggers too, which name the new columns, and the search
 * triggers of schema 6's; the migrations make them again). */
static void
to_schema_4(struct fixture *f)
{
	store_close(f->st);
	f->st = NULL;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	drop_triggers(db, "audit%");
	drop_triggers(db, "search_task_issue%");
	drop_triggers(db, "search_task_proposal%");
	assert_int_equal(sqlite3_exec(db, "DROP TABLE fund_entry; DROP TABLE fund_plan; DROP TABLE fund_source; DROP TABLE sync_idmap; DROP TABLE sync_heard; DROP TABLE sync_target; DROP TABLE sync_change; DROP TABLE sync_origin; "
		"DROP TABLE sync_peer; DROP TABLE sync_row; DROP TABLE sync_conflict; "
		"ALTER TABLE audit DROP COLUMN replica; DELETE FROM meta WHERE key = 'replica_stamp'; "
		"DROP INDEX audit_at; DROP INDEX audit_unit_at; ALTER TABLE audit DROP COLUMN unit_id; ALTER TABLE task DROP COLUMN issue; "
		"ALTER TABLE task DROP COLUMN proposal; DROP INDEX task_number; "
		"DROP INDEX plan_year_number; DROP TABLE task_counter; "
		"DROP TABLE plan_choice; ALTER TABLE task DROP COLUMN number; "
		"ALTER TABLE task DROP COLUMN carried_from; ALTER TABLE task "
		"DROP COLUMN carried_from_text; ALTER TABLE plan "
		"DROP COLUMN set_id; ALTER TABLE indicator DROP COLUMN "
		"target_source; DROP INDEX indicator_code; CREATE UNIQUE INDEX "
		"indicator_code ON indicator(criterion_id, code); "
		"PRAGMA user_version = 4", 0, 0, 0), SQLITE_OK);
	sqlite3_close(db);
}

static void
test_newer_schema_refused(void **state)
{
	struct fixture *f = *state;
	exec_closed(f, "PRAGMA user_version = 99");
	struct ntm_error e = {0};
	struct store *st = NULL;
	assert_int_equal(store_open(&st, f->path, NULL, &e), NTM_FAIL);
	assert_null(st);
	assert_non_null(strstr(e.msg, "mới hơn"));
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), 99);
	/* teardown must not close twice */
	assert_int_equal(store_open(&f->st, f->path, &(struct store_options){.read_only = true}, &e), NTM_FAIL);
}

static void
test_read_only(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store *ro;
	struct store_options opt = {.read_only = true};
	assert_int_equal(store_open(&ro, f->path, &opt, &e), NTM_OK);
	assert_true(store_read_only(ro));
	assert_int_equal(store_use_commune(ro, "viet hung", &e), NTM_OK);
	struct store_indicator_ref ind;
	assert_int_equal(store_indicator_find(ro, "1.1", &ind, &e), NTM_OK);
	assert_int_equal(store_measurement_add(ro, &ind, 1, NULL, NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "chỉ xem"));
	store_close(ro);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM measurement"), 0);
}

static void
test_bad_text(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ind;
	assert_int_equal(store_indicator_find(f->st, "1.1", &ind, &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->st, &ind, 1, NULL, "a\033[2Jb", &e), NTM_USAGE);
	assert_int_equal(store_measurement_add(f->st, &ind, 1, NULL, "\xff", &e), NTM_USAGE);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM measurement"), 0);
	/* a multi-line note is fine, and stored as NFC */
	assert_int_equal(store_measurement_add(f->st, &ind, 1, NULL,
		"dòng 1\nThu\xcc\x9b\xcc\x89", &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM measurement "
		"WHERE note = 'dòng 1' || char(10) || 'Thử'"), 1);
}

static void
test_create_refuses_existing(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	assert_int_equal(store_create(f->path, true, NULL, NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "--force"));
	char missing[160];
	snprintf(missing, sizeof missing, "%s/no/such/dir/x.db", f->dir);
	assert_int_equal(store_create(missing, true, NULL, NULL, &e), NTM_FAIL);
	assert_int_equal(access(missing, F_OK), -1);
}

static void
test_search(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_hit *h;
	int n = 0;
	/* "duong" finds đường in tasks, indicators and checklist items */
	assert_int_equal(store_search(f->st, "duong", 0, &a, &h, &n, &e), NTM_OK);
	assert_true(n > 5);
	bool task = false, item = false;
	for (int i = 0; i < n; i++) {
		task |= h[i].kind == HIT_TASK;
		item |= h[i].kind == HIT_ITEM && strcmp(h[i].where, "Cự Đình") == 0;
	}
	assert_true(task && item);
	/* "nha van hoa" finds nhà văn hóa; VIỆT finds Việt */
	assert_int_equal(store_search(f->st, "nha van hoa", 0, &a, &h, &n, &e), NTM_OK);
	assert_true(n >= 3);
	assert_non_null(strstr(h[0].text, "nhà văn hóa") ? h[0].text : strstr(h[0].text, "Nhà văn hóa"));
	assert_int_equal(store_search(f->st, "NƯỚC", 0, &a, &h, &n, &e), NTM_OK);
	assert_true(n >= 1);
	assert_true(h[0].exact);
	/* a note is indexed the moment it is written, and found by kind */
	struct store_indicator_ref ind;
	assert_int_equal(store_indicator_find(f->st, "12.2", &ind, &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->st, &ind, 80, NULL,
		"Số liệu đã xác minh thực địa", &e), NTM_OK);
	assert_int_equal(store_search(f->st, "xac minh", 0, &a, &h, &n, &e), NTM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, HIT_NOTE);
	assert_string_equal(h[0].where, "12.2");
	/* retracting removes it from the index */
	assert_int_equal(store_measurement_retract(f->st, &ind, &e), NTM_OK);
	assert_int_equal(store_search(f->st, "xac minh", 0, &a, &h, &n, &e), NTM_OK);
	assert_int_equal(n, 0);
	/* exact diacritics first: Dương vs đường */
	struct store_village v;
	assert_int_equal(store_village_find(f->st, "Thục Cầu", &a, &v, &e), NTM_OK);
	assert_int_equal(store_item_add(f->st, v.id, "Ngõ ông Dương", &e), NTM_OK);
	assert_int_equal(store_search(f->st, "Dương", 0, &a, &h, &n, &e), NTM_OK);
	assert_true(n > 1);
	assert_string_equal(h[0].text, "Ngõ ông Dương");
	assert_true(h[0].exact);
	assert_false(h[n - 1].exact);
	/* prefix search, and FTS syntax is not interpreted */
	assert_int_equal(store_search(f->st, "nguy*", 0, &a, &h, &n, &e), NTM_OK);
	assert_true(n >= 1);
	assert_int_equal(store_search(f->st, "\"a\" OR NEAR(", 0, &a, &h, &n, &e), NTM_OK);
	assert_int_equal(store_search(f->st, "  ", 0, &a, &h, &n, &e), NTM_USAGE);
	/* limit */
	assert_int_equal(store_search(f->st, "duong", 2, &a, &h, &n, &e), NTM_OK);
	assert_int_equal(n, 2);
	arena_free(&a);
}

/* A file of schema 3 is upgraded at open (issue 9): a backup beside it,
 * then the table of undone actions (4) and the plans' task numbers and
 * links (5), with the data untouched. */
static void
test_migration_from_v3(void **state)
{
	struct fixture *f = *state;
	to_schema_4(f);
	exec_closed(f, "DROP TABLE action_undo; PRAGMA user_version = 3");
	struct ntm_error e = {0};
	assert_int_equal(store_open(&f->st, f->path, NULL, &e), NTM_OK);
	assert_int_equal(store_use_commune(f->st, NULL, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM sqlite_master "
				   "WHERE name = 'action_undo'"), 1);
	/* schema 6: a task's issue and proposal are indexed for search */
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM sqlite_master "
				   "WHERE name LIKE 'search_task_issue_%' OR "
				   "name LIKE 'search_task_proposal_%'"), 6);
	/* every task numbered once in its plan, the counter at the last */
	assert_int_equal(query_int(f->path, "SELECT count(DISTINCT number) FROM "
				   "task WHERE number BETWEEN 1 AND 70"), 70);
	assert_int_equal(query_int(f->path, "SELECT last FROM task_counter"), 70);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM plan p JOIN "
				   "criteria_set c ON c.id = p.set_id AND "
				   "c.code = 'ntm'"), 1);
	char bak[200], today[11];
	store_today(today);
	snprintf(bak, sizeof bak, "%s.bak-v3-%s", f->path, today);
	assert_int_equal(query_int(bak, "PRAGMA user_version"), 3);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM task"), 70);
}

/* A file of schema 1 is upgraded at open: backup beside it, then the
 * search index is built from the rows already there. */
static void
test_migration_from_v1(void **state)
{
	struct fixture *f = *state;
	to_schema_4(f);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	/* make it a file of schema 1: no search table, no search triggers */
	drop_triggers(db, "search%");
	assert_int_equal(sqlite3_exec(db, "DROP TABLE search; DROP TABLE search_doc; "
		"DROP INDEX audit_entity; DROP TABLE action_undo; "
		"PRAGMA user_version = 1", 0, 0, 0), SQLITE_OK);
	sqlite3_close(db);
	struct ntm_error e = {0};
	assert_int_equal(store_open(&f->st, f->path, NULL, &e), NTM_OK);
	assert_int_equal(store_use_commune(f->st, NULL, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM sqlite_master "
				   "WHERE name = 'audit_entity'"), 1);
	char bak[200], today[11];
	store_today(today);
	snprintf(bak, sizeof bak, "%s.bak-v1-%s", f->path, today);
	assert_int_equal(access(bak, F_OK), 0);
	assert_int_equal(query_int(bak, "PRAGMA user_version"), 1);
	assert_int_equal(query_int(bak, "SELECT count(*) FROM task"), 70);
	struct arena a = {0};
	struct store_hit *h;
	int n = 0;
	assert_int_equal(store_search(f->st, "duong", 0, &a, &h, &n, &e), NTM_OK);
	assert_true(n > 5);
	arena_free(&a);
}

static void
test_vietnamese_order(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	const char *names[] = {"Đình Dù", "An Lạc", "Bà", "Ba", "Ấp Mới"};
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(store_village_add(f->st, names[i], true, &e), NTM_OK);
	struct arena a = {0};
	struct store_village *v;
	int n = 0;
	assert_int_equal(store_villages(f->st, &a, &v, &n, &e), NTM_OK);
	const char *want[] = {"An Lạc", "Ấp Mới", "Ba", "Bà", "Cự Đình", "Đình Dù",
			      "Thục Cầu"};
	assert_int_equal(n, 7);
	for (int i = 0; i < n; i++)
		assert_string_equal(v[i].name, want[i]);
	arena_free(&a);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_created), T(test_report), T(test_measurement_audit),
		T(test_measurement_date_rules),
		T(test_target_version), T(test_unknown_code), T(test_villages),
		T(test_checklist), T(test_newer_schema_refused), T(test_read_only),
		T(test_bad_text), T(test_create_refuses_existing), T(test_search),
		T(test_migration_from_v1), T(test_vietnamese_order),
		T(test_migration_from_v3),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
