/* Unit tests of the report's money part (reportfund.c and its place in
 * the text, Markdown and CSV writers), on a report built by hand: the
 * tables' rows and cells, the totals' sentence and facts, the part left
 * out without money, amounts as the model writes them, names made safe. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"
#include "ntm/text.h"
#include "io/reportfund.h"

#define PART "Huy động và giải ngân nguồn vốn"

static struct ntm_report_money_line SOURCES[] = {
	{"ns_tinh", "Ngân sách tỉnh", 0, {3000000000LL, 2000000000LL, 1500000000LL, 0, 0}},
	{"nhan_dan", "Nhân dân \x1b[31mđóng góp\x07", 0, {500000000LL, 0, 0, 0, 0}},
	{"con_em", "=Con em xa quê", 0, {0, 25000000LL, 0, 0, 0}},
};
static struct ntm_report_money_line SECTORS[] = {
	{"giao_thong", "Giao thông", 0,
	 {3500000000LL, 2000000000LL, 1500000000LL, 1812345678LL, 312345678LL}},
	{"quy_hoach", "Quy hoạch", 0, {0, 25000000LL, 0, 50000000LL, 50000000LL}},
};
static struct ntm_report_money_line DEBTS[] = {
	{NULL, "Cải tạo đường trục xã", 4, {0, 0, 1500000000LL, 1800000000LL, 300000000LL}},
	{NULL, "Rà soát quy hoạch", 1, {0, 0, 0, 50000000LL, 50000000LL}},
};

static void
fixture(struct ntm_report_doc *d, bool money)
{
	*d = (struct ntm_report_doc){0};
	d->head = (struct ntm_report_head){
		.commune = "Việt Hưng", .plan_number = "32/KH-UBND",
		.plan_issued_on = "2024-03-12", .plan_year = 2024,
		.as_of = "2024-07-16", .since = "2024-01-01",
		.written_on = "2024-07-16", .author = "Nguyễn Văn An",
	};
	if (!money)
		return;
	d->money = (struct ntm_report_money){
		.has = true, .cost = 5000000000LL, .ntasks = 3,
		.total = {3500000000LL, 2025000000LL, 1500000000LL, 1862345678LL,
			  362345678LL},
		.sources = SOURCES, .nsources = 3,
		.sectors = SECTORS, .nsectors = 2,
		.debts = DEBTS, .ndebts = 2, .ndebts_all = 2,
	};
}

struct out {
	char *buf;
	size_t len;
};

static struct out
render(const struct ntm_report_doc *d, enum io_report_format f,
       enum io_report_table t)
{
	struct out r = {0};
	struct ntm_error e = {0};
	struct io_report_opts o = {.format = f, .table = t, .no_bom = true};
	FILE *fp = open_memstream(&r.buf, &r.len);
	int rc = f == IO_REPORT_CSV ? io_report_csv(fp, d, &o, &e)
		: io_report_text(fp, d, f == IO_REPORT_MD, &e);
	assert_int_equal(rc, NTM_OK);
	fclose(fp);
	return r;
}

static struct io_cell
cell(const struct ntm_report_doc *d, enum io_report_table t, int row,
     const char *key, struct arena *a)
{
	struct io_cell c;
	int k = io_report_column_index(t, key);
	assert_true(k >= 0);
	io_report_cell(d, t, row, k, a, &c);
	return c;
}

static void
test_rows_and_cells(void **state)
{
	(void)state;
	struct ntm_report_doc d;
	struct arena a = {0};
	fixture(&d, false);
	assert_int_equal(io_report_rows(&d, IO_TABLE_FUND_SOURCES), 0);
	assert_int_equal(io_report_rows(&d, IO_TABLE_FUND_SECTORS), 0);
	assert_int_equal(io_report_rows(&d, IO_TABLE_FUND_DEBTS), 0);
	fixture(&d, true);
	assert_int_equal(io_report_rows(&d, IO_TABLE_FUND_SOURCES), 4);
	assert_int_equal(io_report_rows(&d, IO_TABLE_FUND_SECTORS), 3);
	assert_int_equal(io_report_rows(&d, IO_TABLE_FUND_DEBTS), 2);

	/* each cell's kind, text and strength (a total row is strong) */
	static const struct {
		enum io_report_table t;
		int row;
		const char *key;
		enum io_cell_kind kind;
		const char *text;
		bool strong;
	} want[] = {
		{IO_TABLE_FUND_SOURCES, 0, "planned", IO_CELL_MONEY, "3.000.000.000", false},
		{IO_TABLE_FUND_SOURCES, 0, "disbursed", IO_CELL_PERCENT, "50%", false},
		/* nothing planned: no share */
		{IO_TABLE_FUND_SOURCES, 2, "disbursed", IO_CELL_EMPTY, "", false},
		{IO_TABLE_FUND_SOURCES, 3, "source", IO_CELL_TEXT, "Tổng cộng", true},
		{IO_TABLE_FUND_SOURCES, 3, "source_code", IO_CELL_EMPTY, "", true},
		{IO_TABLE_FUND_SOURCES, 3, "received", IO_CELL_MONEY, "2.025.000.000", true},
		{IO_TABLE_FUND_SECTORS, 2, "debt", IO_CELL_MONEY, "362.345.678", true},
		{IO_TABLE_FUND_SECTORS, 0, "disbursed", IO_CELL_PERCENT, "43%", false},
		{IO_TABLE_FUND_DEBTS, 1, "number", IO_CELL_INT, "1", false},
		{IO_TABLE_FUND_DEBTS, 0, "title", IO_CELL_TEXT, "Cải tạo đường trục xã", false},
		/* a row past the end is empty, never read out of bounds */
		{IO_TABLE_FUND_DEBTS, 2, "title", IO_CELL_EMPTY, "", false},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		struct io_cell c = cell(&d, want[i].t, want[i].row, want[i].key, &a);
		assert_int_equal(c.kind, want[i].kind);
		assert_string_equal(c.text, want[i].text);
		assert_int_equal(c.strong, want[i].strong);
	}
	struct io_cell c = cell(&d, IO_TABLE_FUND_SOURCES, 0, "planned", &a);
	assert_true(c.number == 3000000000.0);
	arena_free(&a);
}

static void
test_tables_read(void **state)
{
	(void)state;
	enum io_report_table t;
	assert_true(io_report_table_read("sources", &t));
	assert_int_equal(t, IO_TABLE_FUND_SOURCES);
	assert_true(io_report_table_read("Vốn theo lĩnh vực", &t));
	assert_int_equal(t, IO_TABLE_FUND_SECTORS);
	assert_true(io_report_table_read("no dong", &t));
	assert_int_equal(t, IO_TABLE_FUND_DEBTS);
	assert_false(io_report_table_read("money", &t));
}

static void
test_sentence(void **state)
{
	(void)state;
	struct ntm_report_doc d;
	struct arena a = {0};
	fixture(&d, true);
	assert_string_equal(io_fund_sentence(&d, &a),
		"Tổng mức đầu tư 5.000.000.000 đ (3 công trình, nhiệm vụ có "
		"vốn): kế hoạch vốn 3.500.000.000 đ; đã nhận 2.025.000.000 đ; "
		"đã giải ngân 1.500.000.000 đ, đạt 43% kế hoạch vốn; giá trị "
		"khối lượng hoàn thành 1.862.345.678 đ; nợ đọng xây dựng cơ bản "
		"362.345.678 đ.");
	/* no total cost, nothing planned, no debt, as of an earlier day */
	d.money.cost = 0;
	d.money.total = (struct ntm_report_money_sums){0, 0, 0, 7000000, 0};
	d.head.as_of = "2024-06-30";
	assert_string_equal(io_fund_sentence(&d, &a),
		"Các công trình, nhiệm vụ có vốn (3): kế hoạch vốn 0 đ; đã nhận "
		"0 đ; đã giải ngân 0 đ; giá trị khối lượng hoàn thành 7.000.000 "
		"đ; không có nợ đọng xây dựng cơ bản. Kế hoạch vốn và tổng mức "
		"đầu tư là số hiện có ngày lập báo cáo (16/07/2024).");
	/* debt left on the commune's earlier plans: said before that */
	d.money.earlier_debt = 25000000;
	assert_non_null(strstr(io_fund_sentence(&d, &a),
		"xây dựng cơ bản. Nợ đọng các kế hoạch trước còn 25.000.000 đ. "
		"Kế hoạch vốn và tổng mức đầu tư là số hiện có"));
	arena_free(&a);
}

static void
test_facts(void **state)
{
	(void)state;
	struct ntm_report_doc d;
	struct arena a = {0};
	struct io_fact *f;
	fixture(&d, false);
	assert_int_equal(io_fund_facts(&d, &a, &f), 0);
	fixture(&d, true);
	int n = io_fund_facts(&d, &a, &f);
	assert_int_equal(n, 7);
	assert_string_equal(f[0].label, "Tổng mức đầu tư (đồng)");
	assert_int_equal(f[0].value.kind, IO_CELL_MONEY);
	assert_true(f[0].value.number == 5000000000.0);
	assert_string_equal(f[4].label, "Tỷ lệ giải ngân");
	assert_string_equal(f[4].value.text, "43%");
	assert_string_equal(f[6].label, "Nợ đọng xây dựng cơ bản (đồng)");
	assert_string_equal(f[6].value.text, "362.345.678");
	assert_true(f[6].value.overdue);
	assert_null(io_fund_debts_more(&d, &a));
	d.money.ndebts_all = 14;
	assert_string_equal(io_fund_debts_more(&d, &a),
			    "… và 12 công trình, nhiệm vụ khác còn nợ đọng.");
	arena_free(&a);
}

/* The line beginning with lead holds middle and ends with end. */
static void
assert_line(const char *s, const char *lead, const char *middle,
	    const char *end)
{
	const char *p = strstr(s, lead);
	assert_non_null(p);
	assert_true(p == s || p[-1] == '\n');
	const char *nl = strchr(p, '\n');
	char *line = strndup(p, nl ? (size_t)(nl - p) : strlen(p));
	size_t len = strlen(line), k = strlen(end);
	if (!strstr(line, middle) || len < k || strcmp(line + len - k, end) != 0)
		fail_msg("line \"%s\" lacks \"%s\" or does not end with \"%s\"",
			 line, middle, end);
	free(line);
}

static bool
has_control(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\n') || s[i] == 0x7f)
			return true;
	return false;
}

static void
test_text(void **state)
{
	(void)state;
	struct ntm_report_doc d;
	fixture(&d, false);
	struct out r = render(&d, IO_REPORT_TXT, 0);
	assert_null(strstr(r.buf, PART));
	assert_non_null(strstr(r.buf, "\nVI. Thay đổi trong kỳ\n"));
	free(r.buf);

	fixture(&d, true);
	r = render(&d, IO_REPORT_TXT, 0);
	assert_non_null(strstr(r.buf, "\nVI. " PART "\n"));
	assert_non_null(strstr(r.buf, "\nVII. Thay đổi trong kỳ\n"));
	assert_non_null(strstr(r.buf, "\nVIII. Khó khăn, vướng mắc và đề xuất\n"));
	assert_non_null(strstr(r.buf, "\nVốn theo nguồn\n"));
	assert_non_null(strstr(r.buf, "\nCông trình, nhiệm vụ còn nợ đọng nhiều nhất\n"));
	/* a row: the name, the amounts right-aligned, the share last */
	assert_line(r.buf, "Ngân sách tỉnh  ", "3.000.000.000   2.000.000.000",
		    "1.500.000.000     50%");
	assert_line(r.buf, "Tổng cộng  ", "3.500.000.000   2.025.000.000",
		    "1.500.000.000     43%");
	/* the first column holds task numbers: "Số NV", not "STT" */
	assert_non_null(strstr(r.buf, "\n  Số  Công trình, nhiệm vụ "));
	assert_non_null(strstr(r.buf, "\n  NV  "));
	assert_null(strstr(r.buf, "STT"));
	assert_line(r.buf, "   4  Cải tạo", "1.800.000.000", "300.000.000");
	assert_false(has_control(r.buf, r.len));
	assert_non_null(strstr(r.buf, "\u241b[31mđóng góp"));
	for (char *line = r.buf, *end; line && *line; line = end ? end + 1 : NULL) {
		end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		char *one = strndup(line, n);
		assert_in_range(text_width(one), 0, 80);
		free(one);
	}
	free(r.buf);

	r = render(&d, IO_REPORT_MD, 0);
	assert_non_null(strstr(r.buf, "## VI. " PART "\n"));
	assert_non_null(strstr(r.buf, "- **Ngân sách tỉnh** — Kế hoạch vốn (đồng): 3.000.000.000;"));
	assert_non_null(strstr(r.buf, "- **#4** Cải tạo đường trục xã — Khối lượng hoàn"));
	/* nothing planned from a source: no share, a dash */
	assert_non_null(strstr(r.buf, "Tỷ lệ giải ngân: —"));
	assert_false(has_control(r.buf, r.len));
	free(r.buf);
}

static void
test_csv(void **state)
{
	(void)state;
	struct ntm_report_doc d;
	fixture(&d, true);
	struct out r = render(&d, IO_REPORT_CSV, IO_TABLE_FUND_SOURCES);
	assert_string_equal(r.buf,
		"Mã nguồn,Nguồn vốn,Kế hoạch vốn (đồng),Đã nhận (đồng),"
		"Đã giải ngân (đồng),Tỷ lệ giải ngân\r\n"
		"ns_tinh,Ngân sách tỉnh,3000000000,2000000000,1500000000,50\r\n"
		"nhan_dan,Nhân dân \u241b[31mđóng góp\u2407,500000000,0,0,0\r\n"
		"con_em,'=Con em xa quê,0,25000000,0,\r\n"
		",Tổng cộng,3500000000,2025000000,1500000000,42.8571\r\n");
	free(r.buf);
	fixture(&d, false);
	r = render(&d, IO_REPORT_CSV, IO_TABLE_FUND_DEBTS);
	assert_string_equal(r.buf, "Số NV,\"Công trình, nhiệm vụ\",Khối lượng hoàn thành (đồng),"
			    "Đã giải ngân (đồng),Nợ đọng (đồng)\r\n");
	free(r.buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_and_cells),
		cmocka_unit_test(test_tables_read),
		cmocka_unit_test(test_sentence),
		cmocka_unit_test(test_facts),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
