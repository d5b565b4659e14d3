/* Unit tests of store_report_doc (src/store/reportdoc.c): values at the
 * start of the period and as of a day, statuses, overdue tasks, the items
 * villages still miss, the changes of the period from the audit log (and
 * none outside it), the dates refused, an empty commune. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ntm/reportdoc.h"
#include "ntm/store.h"

#include "unit/fixture.h"

#define AUDIT_INSERT "INSERT INTO audit(id, seq, action_id, verb, at, " \
	"os_user, person, entity, entity_id, before, after)"

/* Runs sql on the file outside any ntm action (no audit rows). */
static void
exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
	sqlite3_close(db);
}

static const struct ntm_report_indicator *
ind(const struct ntm_report_doc *d, const char *code)
{
	for (int i = 0; i < d->nind; i++)
		if (strcmp(d->ind[i].code, code) == 0)
			return &d->ind[i];
	fail_msg("no indicator %s", code);
	return NULL;
}

static const struct ntm_report_criterion *
crit(const struct ntm_report_doc *d, int number)
{
	for (int i = 0; i < d->ncrit; i++)
		if (d->crit[i].number == number)
			return &d->crit[i];
	fail_msg("no criterion %d", number);
	return NULL;
}

static void
set_value(struct fixture *f, const char *code, double v, const char *on)
{
	struct ntm_error e = {0};
	struct store_indicator_ref r;
	assert_int_equal(store_indicator_find(f->st, code, &r, &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->st, &r, v, on, NULL, &e), NTM_OK);
}

static void
report(struct fixture *f, const char *as_of, const char *since,
       struct ntm_report_doc *d)
{
	struct ntm_error e = {0};
	if (store_report_doc(f->st, as_of, since, &f->a, d, &e) != NTM_OK)
		fail_msg("report: %s", e.msg);
}

/* The value at the start of the period and the one as of the report's
 * day, with the status of each day's value and its criterion. */
static void
test_start_and_value(void **state)
{
	struct fixture *f = *state;
	set_value(f, "12.2", 70, "2024-01-01");
	set_value(f, "12.2", 90, "2024-06-30");
	struct ntm_report_doc d;
	report(f, "2024-12-31", NULL, &d);
	assert_string_equal(d.head.since, "2024-01-01");   /* the plan's year */
	assert_string_equal(d.head.as_of, "2024-12-31");
	assert_string_equal(d.head.commune, "Việt Hưng");
	assert_non_null(d.head.plan_number);
	assert_int_equal(d.head.plan_year, 2024);
	assert_string_equal(d.head.author, "Nguyễn Văn An");
	const struct ntm_report_indicator *x = ind(&d, "12.2");
	/* measured on the period's first day: a change, not the start */
	assert_false(x->has_start);
	assert_true(x->has_value && x->value == 90);
	assert_string_equal(x->value_on, "2024-06-30");
	assert_int_equal(x->status, NTM_STATUS_DAT);
	assert_true(x->plan.set && x->plan.value == 85);
	assert_int_equal(d.ncrit, 19);
	assert_int_equal(crit(&d, 12)->indicators.done, 1);
	assert_int_equal(d.sum.indicators.done, 1);

	/* as of March: June's value is not counted yet */
	report(f, "30/3/2024", "2024-02-01", &d);
	x = ind(&d, "12.2");
	assert_true(x->has_start && x->start == 70);
	assert_string_equal(x->start_on, "2024-01-01");
	assert_true(x->has_value && x->value == 70);
	assert_int_equal(x->status, NTM_STATUS_CHUA_DAT);
	assert_int_equal(crit(&d, 12)->status, NTM_STATUS_CHUA_DAT);
	assert_int_equal(crit(&d, 12)->indicators.done, 0);
	assert_int_equal(d.sum.indicators.done, 0);
	/* before any value: nothing at the start, not assessed */
	report(f, "2023-12-31", NULL, &d);
	assert_string_equal(d.head.since, "2023-01-01");
	assert_false(ind(&d, "12.2")->has_start);
	assert_false(ind(&d, "12.2")->has_value);
	assert_int_equal(ind(&d, "12.2")->status, NTM_STATUS_CHUA_DANH_GIA);
	assert_int_equal(d.sum.progress, model_gauge_percent(d.sum.criteria));
}

/* Tasks by sector, overdue as of the report's day; difficulties too. */
static void
test_tasks_overdue(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_task t = first_task(f->st, &f->a);
	struct store_task_edit ed = {.due = "2024-03-01", .progress = STORE_PROGRESS_KEEP};
	if (store_task_update(f->st, t.id, t.version, &ed, &e) != NTM_OK)
		fail_msg("update: %s", e.msg);
	exec_sql(f->path, "UPDATE task SET issue = 'thiếu vốn', proposal = 'xin hỗ trợ' "
		 "WHERE number = (SELECT min(number) FROM task)");
	struct ntm_report_doc d;
	report(f, "2024-06-30", NULL, &d);
	long tasks = query_int(f->path, "SELECT count(*) FROM task");
	assert_int_equal(d.ntasks, tasks);
	assert_int_equal(d.sum.tasks_total, tasks);
	assert_int_equal(d.sum.tasks_done + d.sum.tasks_doing + d.sum.tasks_waiting +
			 d.sum.tasks_paused, tasks);
	long overdue = query_int(f->path, "SELECT count(*) FROM task WHERE due < "
				 "'2024-06-30' AND status <> 'hoan_thanh'");
	assert_true(overdue >= 1);
	assert_int_equal(d.sum.tasks_overdue, overdue);
	const struct ntm_report_sector *s = NULL;
	for (int i = 0; i < d.nsectors; i++)
		if (strcmp(d.sectors[i].code, "giao_thong") == 0)
			s = &d.sectors[i];
	assert_non_null(s);
	assert_true(s->count > 0);
	const struct ntm_report_task *x = &d.tasks[s->first];
	assert_string_equal(x->title, t.title);
	assert_true(x->overdue);
	assert_string_equal(x->due, "2024-03-01");
	int with_issue = 0;
	for (int i = 0; i < d.ntasks; i++)
		if (d.tasks[i].issue) {
			with_issue++;
			assert_string_equal(d.tasks[i].issue, "thiếu vốn");
			assert_string_equal(d.tasks[i].proposal, "xin hỗ trợ");
		}
	assert_int_equal(with_issue, 1);
	/* slices cover every task once, in sector order */
	int sum = 0;
	for (int i = 0; i < d.nsectors; i++) {
		assert_int_equal(d.sectors[i].first, sum);
		sum += d.sectors[i].count;
	}
	assert_int_equal(sum, d.ntasks);
	/* as of February the task is not overdue yet */
	report(f, "2024-02-01", NULL, &d);
	assert_false(d.tasks[s->first].overdue);
}

/* Villages with the titles of the items not done, in arranged order. */
static void
test_missing_items(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_item *items;
	int n = 0;
	assert_int_equal(store_checklist(f->st, f->cd, &f->a, &items, &n, &e), NTM_OK);
	assert_true(n >= 2);
	assert_int_equal(store_item_tick(f->st, items[0].id, true, &e), NTM_OK);
	struct ntm_report_doc d;
	report(f, NULL, NULL, &d);
	const struct ntm_report_village *v = NULL;
	for (int i = 0; i < d.nvillages; i++)
		if (strcmp(d.villages[i].name, "Cự Đình") == 0)
			v = &d.villages[i];
	assert_non_null(v);
	assert_int_equal(v->items.total, n);
	assert_int_equal(v->items.done, 1);
	assert_int_equal(v->nmissing, n - 1);
	for (int i = 1; i < n; i++)
		assert_string_equal(v->missing[i - 1], items[i].title);
	assert_int_equal(d.sum.items.done, 1);
	assert_int_equal(d.sum.items.total,
			 query_int(f->path, "SELECT count(*) FROM checklist_item"));
	assert_int_equal(d.sum.villages.done, 0);
	assert_int_equal(d.sum.villages.total, d.nvillages);
	/* ticked today: not done yet as of last year */
	report(f, "2024-12-31", NULL, &d);
	for (int i = 0; i < d.nvillages; i++)
		if (strcmp(d.villages[i].name, "Cự Đình") == 0)
			v = &d.villages[i];
	assert_int_equal(v->items.done, 0);
	assert_int_equal(v->nmissing, n);
	assert_int_equal(d.sum.items.done, 0);
}

/* A task's status and progress as of the report's day, from the audit:
 * the image after its last change before the day's end, else before its
 * first change after; a task added later is left out; a task never
 * changed (built-in data) is as it is. */
static void
test_tasks_as_of(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_task t = first_task(f->st, &f->a);
	struct store_task_edit ed = {.status = "dang_thuc_hien", .progress = 40};
	if (store_task_update(f->st, t.id, t.version, &ed, &e) != NTM_OK)
		fail_msg("update: %s", e.msg);
	struct store_task_edit done = {.status = "hoan_thanh", .progress = 100};
	if (store_task_update(f->st, t.id, t.version + 1, &done, &e) != NTM_OK)
		fail_msg("update: %s", e.msg);
	exec_sql(f->path, "UPDATE audit SET at = CASE json_extract(after, "
		 "'$.progress') WHEN 40 THEN '2024-03-10T01:00:00.000Z' ELSE "
		 "'2024-09-10T01:00:00.000Z' END WHERE entity = 'task'");
	long tasks = query_int(f->path, "SELECT count(*) FROM task");
	struct ntm_report_doc d;
	report(f, "2024-06-30", NULL, &d);
	assert_int_equal(d.ntasks, tasks);
	const struct ntm_report_task *x = NULL;
	for (int i = 0; i < d.ntasks; i++)
		if (d.tasks[i].number == t.number)
			x = &d.tasks[i];
	assert_non_null(x);
	assert_int_equal(x->status, NTM_TASK_DANG_THUC_HIEN);
	assert_int_equal(x->progress, 40);
	assert_int_equal(d.sum.tasks_done, 0);
	report(f, "2024-02-01", NULL, &d);
	for (int i = 0; i < d.ntasks; i++)
		if (d.tasks[i].number == t.number)
			x = &d.tasks[i];
	assert_int_equal(x->status, NTM_TASK_CHUA_BAT_DAU);
	assert_int_equal(x->progress, 0);
	report(f, "2024-10-01", NULL, &d);
	assert_int_equal(d.sum.tasks_done, 1);
	/* added in November: not in a report as of October */
	exec_sql(f->path, "UPDATE audit SET at = '2024-11-02T01:00:00.000Z' "
		 "WHERE entity = 'task' AND before IS NULL");
	exec_sql(f->path, AUDIT_INSERT " SELECT 'n1', 99999, 'n1', 'task.add', "
		 "'2024-11-02T01:00:00.000Z', 'u', NULL, 'task', id, NULL, "
		 "json_object('status', status) FROM task WHERE id = (SELECT id "
		 "FROM task WHERE number = (SELECT max(number) FROM task))");
	report(f, "2024-10-01", NULL, &d);
	assert_int_equal(d.ntasks, tasks - 1);
	assert_int_equal(d.sum.tasks_total, tasks - 1);
}

/* Actions of the period, oldest first, in the log's words; none from
 * outside it. */
static void
test_changes_in_period(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	set_value(f, "12.2", 70, "2024-03-01");
	set_value(f, "12.2", 80, "2024-03-20");
	struct store_task t = first_task(f->st, &f->a);
	struct store_task_edit ed = {.status = "hoan_thanh", .progress = STORE_PROGRESS_KEEP};
	if (store_task_update(f->st, t.id, t.version, &ed, &e) != NTM_OK)
		fail_msg("update: %s", e.msg);
	/* dated back: 5 March 20:30 UTC is 6 March 03:30 in Việt Nam */
	exec_sql(f->path, "UPDATE audit SET at = CASE json_extract(after, '$.value') "
		 "WHEN 70 THEN '2024-03-05T20:30:00.000Z' WHEN 80 THEN "
		 "'2024-03-25T01:00:00.000Z' ELSE '2024-05-02T02:00:00.000Z' END");
	struct ntm_report_doc d;
	report(f, "2024-03-31", "2024-03-06", &d);
	assert_int_equal(d.nchanges, 2);
	assert_int_equal(d.changes_left_out, 0);
	assert_string_equal(d.changes[0].day, "2024-03-06");
	assert_string_equal(d.changes[0].time, "03:30");
	assert_string_equal(d.changes[1].day, "2024-03-25");
	assert_non_null(strstr(d.changes[0].what, "12.2"));
	assert_non_null(strstr(d.changes[0].who, "Nguyễn Văn An ("));
	assert_null(d.changes[0].before);
	assert_string_equal(d.changes[0].after, "12.2 = 70% (ngày 01/03/2024)");
	/* the day before the period, in local time: outside */
	report(f, "2024-03-31", "2024-03-07", &d);
	assert_int_equal(d.nchanges, 1);
	assert_string_equal(d.changes[0].after, "12.2 = 80% (ngày 20/03/2024)");
	/* the task's edit in May, in people's words */
	report(f, "2024-05-31", "2024-04-01", &d);
	assert_int_equal(d.nchanges, 1);
	assert_non_null(strstr(d.changes[0].what, t.title));
	assert_non_null(strstr(d.changes[0].before, "trạng thái: chưa bắt đầu"));
	assert_non_null(strstr(d.changes[0].after, "trạng thái: hoàn thành"));
	assert_non_null(strstr(d.changes[0].after, "tiến độ: 100%"));
	report(f, "2024-02-28", "2024-01-01", &d);
	assert_int_equal(d.nchanges, 0);
	setenv("TZ", "UTC", 1);
	tzset();
}

/* Only the keys and the values of enumerated fields are translated: a
 * note that says "status done" stays as typed; a due date is dd/mm/yyyy,
 * a checklist tick "xong", a bool value "đạt". */
static void
test_change_words(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_task t = first_task(f->st, &f->a);
	struct store_task_edit ed = {.note = "email: status done, see note",
				     .due = "2024-06-30",
				     .progress = STORE_PROGRESS_KEEP};
	if (store_task_update(f->st, t.id, t.version, &ed, &e) != NTM_OK)
		fail_msg("update: %s", e.msg);
	set_value(f, "1.1", 1, "2024-05-02");
	struct store_log_entry *x;
	int n = 0;
	assert_int_equal(store_log(f->st, 10, &f->a, &x, &n, &e), NTM_OK);
	assert_int_equal(n, 2);
	assert_string_equal(x[0].after, "1.1 = đạt (ngày 02/05/2024)");
	assert_non_null(strstr(x[1].after, "ghi chú: email: status done, see note"));
	assert_non_null(strstr(x[1].after, "hạn: 30/06/2024"));
	assert_non_null(strstr(x[1].changes, "ghi chú: — → email: status done"));
	assert_null(strstr(x[1].after, "trạng thái"));
}

/* Beyond 2000 actions the newest are listed and the rest counted. */
static void
test_changes_capped(void **state)
{
	struct fixture *f = *state;
	exec_sql(f->path, "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
		 "FROM k WHERE n < 2005) " AUDIT_INSERT " SELECT "
		 "lower(hex(randomblob(16))), n, lower(hex(randomblob(16))), 'set', "
		 "'2024-04-01T01:00:00.000Z', 'u', NULL, 'measurement', 'x' || n, "
		 "NULL, json_object('value', n) FROM k");
	struct ntm_report_doc d;
	report(f, "2024-04-30", "2024-04-01", &d);
	assert_int_equal(d.nchanges, 2000);
	assert_int_equal(d.changes_left_out, 5);
	assert_string_equal(d.changes[0].after, "6");       /* oldest kept */
	assert_string_equal(d.changes[1999].after, "2005"); /* newest */
	assert_string_equal(d.changes[0].who, "u");
}

/* In a file of two communes, the changes of the other one are not the
 * report's, however they are found (its value, an item of its village, a
 * task of a plan deleted since, the commune row itself); shared data (a
 * criterion) is every commune's. Times, not seq, place a row in the
 * period (a laptop's clock set wrong). */
static void
test_changes_of_commune(void **state)
{
	struct fixture *f = *state;
	exec_sql(f->path,
		 "INSERT INTO unit(id, level, name) VALUES ('b', 'xa', 'Xã B');"
		 "INSERT INTO unit(id, level, name, parent_id) VALUES "
		 "('bv', 'thon', 'Thôn Bí Mật', 'b');"
		 AUDIT_INSERT " VALUES "
		 "('r1', 9001, 'a1', 'set', '2024-04-02T01:00:00.000Z', 'u', NULL, "
		 " 'measurement', 'm1', NULL, json_object('unit_id', 'b', 'value', 11)),"
		 "('r2', 9002, 'a2', 'checklist.add', '2024-04-02T02:00:00.000Z', 'u', NULL, "
		 " 'checklist_item', 'i1', NULL, json_object('unit_id', 'bv', 'title', 'Bí mật')),"
		 "('r3', 9003, 'a3', 'plan.new', '2024-04-02T03:00:00.000Z', 'u', NULL, "
		 " 'plan', 'pb', NULL, json_object('unit_id', 'b', 'number', '9/KH')),"
		 "('r4', 9004, 'a4', 'task.add', '2024-04-02T04:00:00.000Z', 'u', NULL, "
		 " 'task', 't1', NULL, json_object('plan_id', 'pb', 'title', 'Việc của B')),"
		 "('r5', 9005, 'a5', 'unit.edit', '2024-04-02T05:00:00.000Z', 'u', NULL, "
		 " 'unit', 'b', json_object('level', 'xa', 'name', 'B'), "
		 " json_object('level', 'xa', 'name', 'Xã B')),"
		 "('r6', 9006, 'a6', 'set', '2024-04-02T06:00:00.000Z', 'u', NULL, "
		 " 'measurement', 'm2', NULL, json_object('unit_id', "
		 " (SELECT id FROM unit WHERE name = 'Việt Hưng'), 'value', 22)),"
		 "('r7', 9007, 'a7', 'criteria.edit', '2024-04-02T07:00:00.000Z', 'u', NULL, "
		 " 'criterion', 'c1', NULL, json_object('name', 'Chung')),"
		 /* written later, dated before the period by a wrong clock */
		 "('r8', 9008, 'a8', 'set', '2024-03-02T07:00:00.000Z', 'u', NULL, "
		 " 'measurement', 'm3', NULL, json_object('unit_id', "
		 " (SELECT id FROM unit WHERE name = 'Việt Hưng'), 'value', 33))");
	struct ntm_report_doc d;
	report(f, "2024-04-30", "2024-04-01", &d);
	assert_int_equal(d.nchanges, 2);
	assert_int_equal(d.changes_left_out, 0);
	assert_string_equal(d.changes[0].after, "22");
	assert_non_null(strstr(d.changes[1].after, "Chung"));
	report(f, "2024-03-31", "2024-03-01", &d);
	assert_int_equal(d.nchanges, 1);
	assert_string_equal(d.changes[0].after, "33");
	/* the log of the commune in use says the same */
	struct store_log_entry *x;
	int n = 0;
	struct ntm_error e = {0};
	assert_int_equal(store_log(f->st, 100, &f->a, &x, &n, &e), NTM_OK);
	for (int i = 0; i < n; i++)
		if (x[i].after && (strstr(x[i].after, "11") || strstr(x[i].after, "B")))
			fail_msg("the other commune's change in the log: %s", x[i].after);
	assert_int_equal(n, 3);
}

static void
test_dates_refused(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct ntm_report_doc d;
	assert_int_equal(store_report_doc(f->st, "2024-03-01", "2024-03-02", &f->a,
					  &d, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "02/03/2024"));
	assert_null(d.head.as_of);
	assert_int_equal(store_report_doc(f->st, "2199-01-01", NULL, &f->a, &d, &e),
			 NTM_USAGE);
	assert_non_null(strstr(e.msg, "tương lai"));
	assert_int_equal(store_report_doc(f->st, NULL, "2199-01-01", &f->a, &d, &e),
			 NTM_USAGE);
	assert_int_equal(store_report_doc(f->st, "31/2/2024", NULL, &f->a, &d, &e),
			 NTM_USAGE);
	assert_non_null(strstr(e.msg, "31/2/2024"));
	/* a default start after as_of (a 2024 plan, a 2023 report) moves */
	assert_int_equal(store_report_doc(f->st, "2023-06-30", NULL, &f->a, &d, &e),
			 NTM_OK);
	assert_string_equal(d.head.since, "2023-01-01");
	char today[11];
	store_today(today);
	assert_int_equal(store_report_doc(f->st, NULL, NULL, &f->a, &d, &e), NTM_OK);
	assert_string_equal(d.head.as_of, today);
	assert_string_equal(d.head.written_on, today);
}

/* ntm init --empty: no plan, no villages; the national criteria listed. */
static void
test_empty_commune(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	char path[160];
	snprintf(path, sizeof path, "%s/empty.db", f->dir);
	assert_int_equal(store_create(path, true, "Tân Lập", NULL, &e), NTM_OK);
	struct store *st;
	assert_int_equal(store_open(&st, path, NULL, &e), NTM_OK);
	assert_int_equal(store_use_commune(st, NULL, &e), NTM_OK);
	struct ntm_report_doc d;
	assert_int_equal(store_report_doc(st, "2025-05-05", NULL, &f->a, &d, &e), NTM_OK);
	assert_string_equal(d.head.commune, "Tân Lập");
	assert_null(d.head.plan_number);
	assert_int_equal(d.head.plan_year, 0);
	assert_string_equal(d.head.since, "2025-01-01");
	assert_non_null(d.head.author);     /* the OS user */
	assert_int_equal(d.ncrit, 19);
	assert_true(d.nind > 0);
	assert_int_equal(d.ntasks, 0);
	assert_int_equal(d.nsectors, 0);
	assert_int_equal(d.nvillages, 0);
	assert_int_equal(d.sum.criteria.total, 19);
	assert_int_equal(d.sum.progress, 0);
	store_close(st);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const struct CMUnitTest tests[] = {
		T(test_start_and_value), T(test_tasks_overdue), T(test_missing_items), T(test_tasks_as_of),
		T(test_changes_in_period), T(test_changes_capped), T(test_change_words),
		T(test_changes_of_commune), T(test_dates_refused), T(test_empty_commune),
	};
	return cmocka_run_group_tests_name("reportdoc", tests, NULL, NULL);
}
