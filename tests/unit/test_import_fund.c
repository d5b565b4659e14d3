/* Money in ntm export and ntm import (sheet Vốn; io/export.c,
 * store/importfund.c): money written through the store's API, exported,
 * imported into an empty file; a workbook's number cells; two rows that
 * set one total cost differently refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "unit/fixture.h"
#include "unit/sheets.h"

/* Money written through the store's API (the commands' rules), exported,
 * imported into an empty file with the plan and the tasks: the same sums,
 * by source too, and the same entries; a second import writes nothing. */
static void
add_money(struct store *st, int number, enum ntm_fund_kind kind,
	  const char *source, long long amount, const char *date, char id[])
{
	struct ntm_error e = {0};
	struct store_task t;
	struct arena a = {0};
	assert_int_equal(store_task_by_number(st, number, &a, &t, &e), NTM_OK);
	struct store_fund_new in = {.task_id = t.id, .kind = kind, .source = source,
				    .amount = amount, .on_date = date, .doc = "PC 1",
				    .force = true};
	assert_int_equal(store_fund_add(st, &in, id, &e), NTM_OK);
	arena_free(&a);
}

static void
same_money(struct store *p, struct store *q, struct arena *a)
{
	struct ntm_error e = {0};
	struct store_fund_summary x, y;
	assert_int_equal(store_fund_summary(p, a, &x, &e), NTM_OK);
	assert_int_equal(store_fund_summary(q, a, &y, &e), NTM_OK);
	assert_memory_equal(&x.total, &y.total, sizeof x.total);
	assert_true(x.cost == y.cost && x.ntasks == y.ntasks && x.nsource == y.nsource);
	for (int i = 0; i < x.nsource; i++)
		assert_memory_equal(&x.by_source[i].sums, &y.by_source[i].sums,
				    sizeof x.by_source[i].sums);
	struct store_fund_entry *m, *n;
	int nm, nn;
	assert_int_equal(store_fund_entries(p, NULL, a, &m, &nm, &e), NTM_OK);
	assert_int_equal(store_fund_entries(q, NULL, a, &n, &nn, &e), NTM_OK);
	assert_int_equal(nm, nn);
	for (int i = 0; i < nm; i++) {
		const struct store_fund_entry *j = &n[i];
		for (int k = 0; j == &n[i] && k < nn; k++)   /* same day: any order */
			if (n[k].amount == m[i].amount && n[k].kind == m[i].kind &&
			    strcmp(n[k].on_date, m[i].on_date) == 0)
				j = &n[k];
		assert_int_equal(j->amount, m[i].amount);
		assert_int_equal(j->task_number, m[i].task_number);
		assert_true((j->reverses != NULL) == (m[i].reverses != NULL));
		assert_string_equal(j->doc ? j->doc : "", m[i].doc ? m[i].doc : "");
		assert_string_equal(j->note ? j->note : "", m[i].note ? m[i].note : "");
	}
}

static void
test_fund_round_trip(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_task t;
	char id[STORE_ID_LEN];
	assert_int_equal(store_task_by_number(f->st, 5, &f->a, &t, &e), NTM_OK);
	assert_int_equal(store_fund_cost_set(f->st, t.id, t.version, 2500000000LL, &e),
			 NTM_OK);
	assert_int_equal(store_fund_plan_set(f->st, t.id, "ngan sach tinh",
					     1500000000LL, 0, &e), NTM_OK);
	assert_int_equal(store_fund_plan_set(f->st, t.id, "nhân dân", 1000000000LL,
					     0, &e), NTM_OK);
	add_money(f->st, 5, NTM_FUND_RECEIVED, "ns_tinh", 800000000LL, "2024-03-01", id);
	add_money(f->st, 5, NTM_FUND_PAID, "ns_tinh", 500000000LL, "2024-04-01", id);
	add_money(f->st, 5, NTM_FUND_COMPLETED, NULL, 900000000LL, "2024-05-01", id);
	add_money(f->st, 7, NTM_FUND_PAID, "ns_tinh", 1LL, NULL, id);
	struct store_fund_new more = {.task_id = t.id, .kind = NTM_FUND_PAID,
				      .source = "ns_tinh", .amount = 400000000LL,
				      .force = true};
	assert_int_equal(store_fund_add(f->st, &more, id, &e), NTM_OK);
	assert_int_equal(store_fund_reverse(f->st, id, "ghi nhầm", NULL, &e), NTM_OK);
	char dir[160];
	snprintf(dir, sizeof dir, "%s/csv", f->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	int counts[STORE_ROW_KINDS];
	assert_int_equal(io_export(f->st, dir, true, counts, &e), NTM_OK);
	assert_int_equal(counts[STORE_ROW_FUND], 9);
	static const char *const files[] = {"ke-hoach.csv", "nhiem-vu.csv", "von.csv"};
	const struct io_sheet *s[3];
	for (int i = 0; i < 3; i++) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		s[i] = read_csv(&f->a, arena_strdup(&f->a, path));
	}
	struct store *st = empty_store(f, "money.db");
	struct io_import_report r;
	struct io_import_opts force = {.force = true};
	int rc = io_import_sheets(st, s, 3, &force, &f->a, &r, &e);
	for (int i = 0; i < r.nerrors; i++)
		fprintf(stderr, "%s\n", r.errors[i]);
	assert_int_equal(rc, NTM_OK);
	assert_int_equal(r.res.fund_costs, 1);
	assert_int_equal(r.res.fund_plans, 2);
	assert_int_equal(r.res.fund_entries, 6);
	same_money(f->st, st, &f->a);
	/* without --force, task #7's payment from nothing received is refused */
	struct store *st2 = empty_store(f, "money2.db");
	struct io_import_opts none = {0};
	assert_int_equal(io_import_sheets(st2, s, 3, &none, &f->a, &r, &e), NTM_USAGE);
	/* (and the forced payment of 400 tr, then its reversal, finding none) */
	assert_int_equal(r.nerrors, 3);
	assert_true(listed(r.errors, r.nerrors, "von.csv:10: giải ngân cộng dồn 1 đ "
			   "từ Ngân sách tỉnh vượt số đã nhận 0 đ"));
	assert_true(listed(r.errors, r.nerrors, "von.csv:9: số tiền âm là bút toán đảo"));
	char path2[160];
	snprintf(path2, sizeof path2, "%s/money2.db", f->dir);
	assert_int_equal(query_int(path2, "SELECT count(*) FROM fund_entry"), 0);
	assert_int_equal(query_int(path2, "SELECT count(*) FROM task"), 0);
	store_close(st2);
	/* and again: nothing to write */
	assert_int_equal(io_import_sheets(st, s, 3, &none, &f->a, &r, &e), NTM_OK);
	assert_int_equal(r.res.nchanges, 0);
	assert_int_equal(r.res.same, 1 + 70 + 9);
	same_money(f->st, st, &f->a);
	store_close(st);
}

/* A workbook's sheet: amounts as number cells (2.5E+8 as a workbook may
 * write it), the kind in English; two total costs of one task that
 * differ (its kind written two ways) are refused, nothing written. */
static const char *const FUND_XLSX[] = {
	"STT", "Loại", "Nguồn", "Số tiền (đồng)", "Ngày",
	"5", "cost", "", "2500000000", "",
	"5", "Kế hoạch vốn", "NS_TINH", "2.5E+8", "",
	"5", "received", "ngân sách tỉnh", "250000000", "45352",
	"5", "TONG MUC", "", "2 tỷ", "",
};

static void
test_fund_cells(void **state)
{
	struct fixture *f = *state;
	struct io_sheet *w = sheet(&f->a, "v.xlsx", "Vốn", 5, 5, FUND_XLSX);
	for (int r = 1; r < 4; r++)
		w->numeric[r * 5 + 3] = 1;
	w->numeric[3 * 5 + 4] = 1;
	const struct io_sheet *s = w;
	struct io_import_report r;
	struct ntm_error e = {0};
	struct io_import_opts none = {0};
	assert_int_equal(io_import_sheets(f->st, &s, 1, &none, &f->a, &r, &e), NTM_USAGE);
	assert_int_equal(r.nerrors, 1);
	assert_true(listed(r.errors, r.nerrors, "v.xlsx (trang Vốn) D5: một dòng "
			   "trước trong tệp nhập đã đặt tổng mức của nhiệm vụ #5 là "
			   "2.500.000.000 đ, khác dòng này"));
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM fund_plan"), 0);
	w->nrows = 4;
	assert_int_equal(io_import_sheets(f->st, &s, 1, &none, &f->a, &r, &e), NTM_OK);
	assert_int_equal(r.res.fund_costs + r.res.fund_plans + r.res.fund_entries, 3);
	assert_int_equal(query_int(f->path, "SELECT budget_planned FROM task WHERE "
				   "number = 5"), 2500000000L);
	assert_int_equal(query_int(f->path, "SELECT amount FROM fund_plan"), 250000000L);
	/* the serial 45352 is 2024-03-01 */
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM fund_entry WHERE "
				   "on_date = '2024-03-01' AND amount = 250000000"), 1);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_fund_round_trip), T(test_fund_cells),
	};
	return cmocka_run_group_tests_name("import_fund", tests, NULL, NULL);
}
