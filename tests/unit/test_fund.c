/* Unit tests of the store's money (src/store/fund.c, fundread.c): the
 * sums by source, sector and task, the rules (overdraw, future dates,
 * sources), reversing entries, stale versions, undo, task removal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"

static void
add_ok(struct fixture *f, const char *task, enum ntm_fund_kind k,
       const char *source, long long amount, const char *date)
{
	struct ntm_error e = {0};
	struct store_fund_new in = {.task_id = task, .kind = k, .source = source,
				    .amount = amount, .on_date = date};
	if (store_fund_add(f->st, &in, NULL, &e) != NTM_OK) {
		print_error("add: %s\n", e.msg);
		fail();
	}
}

static void
test_sums(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_task t = first_task(f->st, &f->a);
	struct store_task *all;
	int n;
	assert_int_equal(store_tasks(f->st, "y_te", &f->a, &all, &n, &e), NTM_OK);
	struct store_task u = all[0];

	assert_int_equal(store_fund_plan_set(f->st, t.id, "ngan sach tinh",
					     2000000000LL, 0, &e), NTM_OK);
	assert_int_equal(store_fund_plan_set(f->st, t.id, "ns_xa", 500000000LL,
					     STORE_ANY_VERSION, &e), NTM_OK);
	assert_int_equal(store_fund_cost_set(f->st, t.id, t.version,
					     2600000000LL, &e), NTM_OK);
	add_ok(f, t.id, NTM_FUND_RECEIVED, "Ngân sách tỉnh", 1000000000LL, "2024-03-01");
	add_ok(f, t.id, NTM_FUND_PAID, "tinh", 800000000LL, "2024-04-01");
	add_ok(f, t.id, NTM_FUND_COMPLETED, NULL, 1100000000LL, "2024-05-01");
	/* the other task: paid more than completed, no debt of its own, and
	 * it hides nothing of the first's */
	add_ok(f, u.id, NTM_FUND_RECEIVED, "ns_huyen", 300000000LL, "2024-03-01");
	add_ok(f, u.id, NTM_FUND_PAID, "ns_huyen", 300000000LL, "2024-03-02");
	add_ok(f, u.id, NTM_FUND_COMPLETED, NULL, 100000000LL, "2024-03-03");

	struct store_fund_summary s;
	assert_int_equal(store_fund_summary(f->st, &f->a, &s, &e), NTM_OK);
	assert_int_equal(s.total.planned, 2500000000LL);
	assert_int_equal(s.total.received, 1300000000LL);
	assert_int_equal(s.total.paid, 1100000000LL);
	assert_int_equal(s.total.completed, 1200000000LL);
	assert_int_equal(s.total.debt, 300000000LL);   /* not 100000000 */
	assert_int_equal(s.cost, 2600000000LL);
	assert_int_equal(s.ntask, 2);
	assert_int_equal(s.by_task[0].task_number, t.number);  /* most debt */
	assert_int_equal(s.by_task[0].sums.debt, 300000000LL);
	assert_int_equal(s.by_task[0].cost, 2600000000LL);
	assert_int_equal(s.by_task[1].cost, -1);
	assert_int_equal(s.nsector, 2);
	assert_string_equal(s.by_sector[0].key, "giao_thong");
	assert_true(s.nsource >= 10);
	assert_string_equal(s.by_source[1].key, "ns_tinh");
	assert_int_equal(s.by_source[1].sums.planned, 2000000000LL);
	assert_int_equal(s.by_source[1].sums.received, 1000000000LL);
	assert_int_equal(s.by_source[1].sums.paid, 800000000LL);

	struct store_fund_task ft;
	assert_int_equal(store_fund_task(f->st, t.id, &f->a, &ft, &e), NTM_OK);
	assert_int_equal(ft.nplanned, 2);
	assert_int_equal(ft.nentries, 3);
	assert_int_equal(ft.sums.debt, 300000000LL);
	assert_int_equal(ft.entries[0].kind, NTM_FUND_RECEIVED);
	assert_string_equal(ft.entries[0].on_date, "2024-03-01");
	assert_string_equal(ft.entries[0].recorded_by, "Nguyễn Văn An");
}

static void
test_rules(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_task t = first_task(f->st, &f->a);
	long rows = query_int(f->path, "SELECT count(*) FROM fund_entry");
	struct store_fund_new in = {.task_id = t.id, .kind = NTM_FUND_PAID,
				    .source = "ns_tinh", .amount = 5000000};
	const char *warn = NULL;
	/* paid beyond received: a warning, refused without force */
	assert_int_equal(store_fund_overdraw(f->st, &in, &f->a, &warn, &e), NTM_OK);
	assert_non_null(warn);
	assert_non_null(strstr(warn, "vượt"));
	assert_int_equal(store_fund_add(f->st, &in, NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "5.000.000 đ"));
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM fund_entry"), rows);
	in.force = true;
	assert_int_equal(store_fund_add(f->st, &in, NULL, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM fund_entry"), rows + 1);
	in.force = false;
	/* a date after today */
	in.on_date = "2099-01-01";
	in.kind = NTM_FUND_RECEIVED;
	assert_int_equal(store_fund_add(f->st, &in, NULL, &e), NTM_USAGE);
	if (!strstr(e.msg, "tương lai"))
		print_error("%s\n", e.msg);
	assert_non_null(strstr(e.msg, "tương lai"));
	in.on_date = NULL;
	/* zero, negative, unknown source with the nearest, no source */
	in.amount = 0;
	assert_int_equal(store_fund_add(f->st, &in, NULL, &e), NTM_USAGE);
	in.amount = -5;
	assert_int_equal(store_fund_add(f->st, &in, NULL, &e), NTM_USAGE);
	in.amount = 5;
	in.source = "ngan sach tinhh";
	assert_int_equal(store_fund_add(f->st, &in, NULL, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "gần giống: Ngân sách tỉnh"));
	in.source = "ngan sach";
	assert_int_equal(store_fund_add(f->st, &in, NULL, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "nhiều"));
	in.source = "xa";
	assert_int_equal(store_fund_add(f->st, &in, NULL, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "Con em xa quê"));
	struct store_fund_source src;
	assert_int_equal(store_fund_source_find(f->st, "xã", &f->a, &src, &e), NTM_OK);
	assert_string_equal(src.code, "ns_xa");
	assert_int_equal(store_fund_source_find(f->st, "NS_TINH", &f->a, &src, &e), NTM_OK);
	assert_string_equal(src.code, "ns_tinh");
	in.source = NULL;
	assert_int_equal(store_fund_add(f->st, &in, NULL, &e), NTM_USAGE);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM fund_entry"), rows + 1);
	/* a new source, then used by name; the same one twice refused */
	assert_int_equal(store_fund_source_add(f->st, "Quỹ vì người nghèo", NULL, &e), NTM_OK);
	assert_int_equal(store_fund_source_add(f->st, "quy vi nguoi ngheo", NULL, &e), NTM_FAIL);
	in.source = "quy vi nguoi ngheo";
	assert_int_equal(store_fund_add(f->st, &in, NULL, &e), NTM_OK);
}

static void
test_reverse_and_undo(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_task t = first_task(f->st, &f->a);
	char id[STORE_ID_LEN], rid[STORE_ID_LEN], undo[STORE_ID_LEN];
	struct store_fund_new in = {.task_id = t.id, .kind = NTM_FUND_RECEIVED,
				    .source = "ns_tinh", .amount = 70000000,
				    .doc = "12/UBND", .note = "đợt 1"};
	assert_int_equal(store_fund_add(f->st, &in, id, &e), NTM_OK);
	assert_int_equal(store_fund_reverse(f->st, id, "", rid, &e), NTM_USAGE);
	assert_int_equal(store_fund_reverse(f->st, id, "ghi nhầm số", rid, &e), NTM_OK);
	assert_int_equal(query_int1(f->path, "SELECT amount FROM fund_entry WHERE "
				    "reverses = ?1", id), -70000000);
	assert_int_equal(store_fund_reverse(f->st, id, "lần nữa", NULL, &e), NTM_FAIL);
	assert_int_equal(store_fund_reverse(f->st, rid, "đảo lại", NULL, &e), NTM_FAIL);
	struct store_fund_summary s;
	assert_int_equal(store_fund_summary(f->st, &f->a, &s, &e), NTM_OK);
	assert_int_equal(s.total.received, 0);
	/* found by the first digits, as lists show them */
	char prefix[9];
	snprintf(prefix, sizeof prefix, "%.8s", id);
	struct store_fund_entry found;
	assert_int_equal(store_fund_entry_find(f->st, prefix, &f->a, &found, &e), NTM_OK);
	assert_string_equal(found.id, id);
	assert_non_null(found.reversed_by);
	assert_string_equal(found.doc, "12/UBND");
	assert_int_equal(store_fund_entry_find(f->st, "zz", &f->a, &found, &e), NTM_USAGE);
	/* undo the reversal: the entry counts again */
	assert_int_equal(store_undo(f->st, store_my_last_action(f->st), undo, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT sum(amount) FROM fund_entry"), 70000000);
	/* removing the task takes its money with it, and undo brings it back */
	assert_int_equal(store_fund_plan_set(f->st, t.id, "ns_tinh", 9, 0, &e), NTM_OK);
	struct store_task cur;
	assert_int_equal(store_task_get(f->st, t.id, &f->a, &cur, &e), NTM_OK);
	assert_int_equal(store_task_delete(f->st, t.id, cur.version, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM fund_entry"), 0);
	assert_int_equal(store_undo(f->st, store_my_last_action(f->st), undo, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM fund_entry"), 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM fund_plan"), 1);
}

static void
test_stale(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_task t = first_task(f->st, &f->a);
	assert_int_equal(store_fund_plan_set(f->st, t.id, "ns_tinh", 100, 0, &e), NTM_OK);
	/* a colleague changes it; our edit from the old reading is refused */
	assert_int_equal(store_fund_plan_set(colleague(f), t.id, "ns_tinh", 200, 1, &e), NTM_OK);
	assert_int_equal(store_fund_plan_set(f->st, t.id, "ns_tinh", 300, 1, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Trần Bình"));
	assert_int_equal(store_fund_plan_set(f->st, t.id, "ns_xa", 300, 1, &e), NTM_FAIL);
	assert_int_equal(store_fund_plan_clear(f->st, t.id, "ns_tinh", 1, &e), NTM_FAIL);
	assert_int_equal(store_fund_plan_clear(f->st, t.id, "ns_tinh", 2, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM fund_plan"), 0);
	/* the cost checks the task's version */
	assert_int_equal(store_fund_cost_set(colleague(f), t.id, t.version, 5, &e), NTM_OK);
	assert_int_equal(store_fund_cost_set(f->st, t.id, t.version, 6, &e), NTM_FAIL);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM task WHERE "
				   "budget_planned = 5"), 1);
	long audit = audit_rows(f);
	assert_int_equal(store_fund_cost_set(f->st, t.id, STORE_ANY_VERSION, 5, &e), NTM_OK);
	assert_int_equal(audit_rows(f), audit);      /* the same: nothing */
}

/* Next year's plan carries what each unfinished task still plans from
 * each source: planned less paid; fully paid sources drop out. */
static void
test_plan_copy(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_task t = first_task(f->st, &f->a);
	assert_int_equal(store_fund_plan_set(f->st, t.id, "ns_tinh", 2000000000LL, 0, &e), NTM_OK);
	assert_int_equal(store_fund_plan_set(f->st, t.id, "ns_xa", 500000000LL, 0, &e), NTM_OK);
	assert_int_equal(store_fund_plan_set(f->st, t.id, "nhan_dan", 100000000LL, 0, &e), NTM_OK);
	assert_int_equal(store_fund_cost_set(f->st, t.id, STORE_ANY_VERSION, 2700000000LL, &e), NTM_OK);
	add_ok(f, t.id, NTM_FUND_RECEIVED, "ns_tinh", 900000000LL, "2024-03-01");
	add_ok(f, t.id, NTM_FUND_PAID, "ns_tinh", 800000000LL, "2024-04-01");
	add_ok(f, t.id, NTM_FUND_RECEIVED, "nhan_dan", 100000000LL, "2024-03-01");
	add_ok(f, t.id, NTM_FUND_PAID, "nhan_dan", 100000000LL, "2024-04-01");
	add_ok(f, t.id, NTM_FUND_COMPLETED, NULL, 1000000000LL, "2024-06-01");
	struct store_plan_fields g = {.year = 2025, .number = "40/KH-UBND"};
	char id[STORE_ID_LEN];
	int carried = 0;
	assert_int_equal(store_plan_copy(f->st, "32/KH-UBND", &g, id, &carried, &e), NTM_OK);
	assert_true(carried > 0);
	assert_int_equal(query_int1(f->path, "SELECT sum(p.amount) FROM fund_plan p "
				    "JOIN task n ON n.id = p.task_id JOIN fund_source s ON "
				    "s.id = p.source_id WHERE n.plan_id = ?1 AND s.code = "
				    "'ns_tinh'", id), 1200000000LL);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM fund_plan p JOIN "
				    "task n ON n.id = p.task_id WHERE n.plan_id = ?1", id), 2);
	assert_int_equal(query_int1(f->path, "SELECT CAST(budget_planned AS INTEGER) "
				    "FROM task WHERE plan_id = ?1 AND budget_planned IS "
				    "NOT NULL", id), 2700000000LL);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM fund_entry e JOIN "
				    "task n ON n.id = e.task_id WHERE n.plan_id = ?1", id), 0);
	/* the new plan shows what the old one still owes; a report as of
	 * a day counts the entries up to it */
	struct store_fund_summary s;
	assert_int_equal(store_plan_select(f->st, "40/KH-UBND", &e), NTM_OK);
	assert_int_equal(store_fund_summary(f->st, &f->a, &s, &e), NTM_OK);
	assert_int_equal(s.earlier_debt, 100000000LL);
	assert_int_equal(s.total.debt, 0);
	assert_int_equal(store_plan_select(f->st, "32/KH-UBND", &e), NTM_OK);
	assert_int_equal(store_fund_summary_upto(f->st, "2024-03-31", &f->a, &s, &e), NTM_OK);
	assert_int_equal(s.total.paid, 0);
	assert_int_equal(s.total.received, 1000000000LL);
	assert_int_equal(s.earlier_debt, 0);
	assert_int_equal(s.by_source[1].sums.paid, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sums, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reverse_and_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_copy, setup, teardown),
	};
	return cmocka_run_group_tests_name("fund", tests, NULL, NULL);
}
