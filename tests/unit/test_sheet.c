/* Unit tests of src/io/sheetcsv.c and sheetxlsx.c: CSV files (separators,
 * BOM, quotes, legacy encodings, refusals with their line) and workbooks
 * written by libxlsxwriter and by openpyxl, read back as grids. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "io/columns.h"
#include "io/sheet.h"
#include "ntm/arena.h"
#include "ntm/charset.h"
#include "ntm/io.h"
#include "unit/tmpdir.h"

/* dir/name holding len bytes; the path in a static buffer. */
static const char *
file_with(const char *name, const char *bytes, size_t len)
{
	static char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	fclose(f);
	return path;
}

static const char *
cell(const struct io_sheet *s, int r, int c)
{
	assert_true(r < s->nrows && c < s->ncols);
	return s->cell[r * s->ncols + c];
}

static void
assert_cell(const struct io_sheet *s, int r, int c, const char *want)
{
	const char *got = cell(s, r, c);
	if (!want)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, want);
	}
}

/* text written to dir/name and read back, which must succeed. */
static void
read_ok(const char *name, const char *text, const char *encoding,
	struct arena *a, struct io_sheet *s)
{
	struct ntm_error e = {0};
	const char *p = file_with(name, text, strlen(text));
	if (io_sheet_read_csv(p, encoding, a, s, &e) != NTM_OK)
		fail_msg("%s", e.msg);
}

static void
test_csv_comma(void **state)
{
	(void)state;
	struct arena a = {0};
	struct io_sheet s;
	const char *text = "mã chỉ tiêu, giá trị ,ngày\n"
			   "12.2,  85 ,2024-03-01\n"
			   "2.1,,\n"
			   "\n\n";
	read_ok("a.csv", text, NULL, &a, &s);
	assert_int_equal(s.nrows, 3);
	assert_int_equal(s.ncols, 3);
	assert_false(s.xlsx);
	assert_null(s.name);
	assert_cell(&s, 0, 1, "giá trị");
	assert_cell(&s, 1, 1, "85");
	assert_cell(&s, 2, 0, "2.1");
	assert_cell(&s, 2, 1, NULL);
	assert_cell(&s, 2, 2, NULL);
	assert_int_equal(s.numeric[4], 0);
	assert_int_equal(s.line[2], 3);
	assert_string_equal(io_sheet_where(&s, 2, 1, &a), "dòng 3");
	assert_string_equal(io_sheet_date(&s, 1, 2, &a), "2024-03-01");
	arena_free(&a);
}

/* A BOM, ';' (Excel with Vietnamese regional settings), CR LF, a quoted
 * field over two lines, "" inside quotes, a ',' that is data. */
static void
test_csv_semicolon_quotes(void **state)
{
	(void)state;
	struct arena a = {0};
	struct io_sheet s;
	const char *text = "\xEF\xBB\xBFthôn;việc;xong;ghi chú\r\n"
			   "Cự Đình;\"Đường, ngõ\r\nsạch đẹp\";x;\"nói \"\"tốt\"\" \"\r\n"
			   "Thục Cầu;Nhà văn hóa;;  \r\n";
	read_ok("b.csv", text, "auto", &a, &s);
	assert_int_equal(s.nrows, 3);
	assert_int_equal(s.ncols, 4);
	assert_cell(&s, 0, 0, "thôn");
	assert_cell(&s, 1, 1, "Đường, ngõ\nsạch đẹp");
	assert_cell(&s, 1, 3, "nói \"tốt\" ");
	assert_cell(&s, 2, 2, NULL);
	assert_cell(&s, 2, 3, NULL);
	assert_int_equal(s.line[0], 1);
	assert_int_equal(s.line[1], 2);
	assert_int_equal(s.line[2], 4);
	assert_string_equal(io_sheet_where(&s, 2, 0, &a), "dòng 4");
	arena_free(&a);
}

static void
test_csv_tab_and_cr(void **state)
{
	(void)state;
	struct arena a = {0};
	struct io_sheet s;
	const char *text = "a\tb c\t\rd\t,e;f\r";
	read_ok("c.csv", text, NULL, &a, &s);
	assert_int_equal(s.nrows, 2);
	assert_int_equal(s.ncols, 2);
	assert_cell(&s, 0, 1, "b c");
	assert_cell(&s, 1, 1, ",e;f");
	assert_int_equal(s.line[1], 2);
	arena_free(&a);
}

static void
test_csv_refusals(void **state)
{
	(void)state;
	struct arena a = {0};
	struct io_sheet s;
	struct ntm_error e = {0};
	const char *text = "a,b\n1,2\n3,\"open\n4,5\n";
	const char *p = file_with("d.csv", text, strlen(text));
	assert_int_equal(io_sheet_read_csv(p, NULL, &a, &s, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "d.csv:3: dấu ngoặc kép"));

	text = "a,b\nc,\xC3\x28\n";     /* invalid UTF-8 on line 2, byte 3 */
	p = file_with("e.csv", text, strlen(text));
	assert_int_equal(io_sheet_read_csv(p, "utf-8", &a, &s, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "e.csv:2: byte thứ 3"));
	assert_non_null(strstr(e.msg, "utf-8"));

	assert_int_equal(io_sheet_read_csv(p, "latin9", &a, &s, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "bảng mã “latin9” không có"));

	p = file_with("f.csv", "\xFF\xFE" "a\0,\0", 6);
	assert_int_equal(io_sheet_read_csv(p, NULL, &a, &s, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "UTF-16"));

	p = file_with("g.csv", "a\nb\0c\n", 6);
	assert_int_equal(io_sheet_read_csv(p, NULL, &a, &s, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "g.csv:2: có byte 0"));

	snprintf(e.msg, sizeof e.msg, "%s", "");
	assert_int_equal(io_sheet_read_csv("/nonexistent/x.csv", NULL, &a, &s, &e),
			 NTM_FAIL);
	assert_non_null(strstr(e.msg, "không đọc được tệp /nonexistent/x.csv"));
	arena_free(&a);
}

static void
test_csv_too_many_cells(void **state)
{
	(void)state;
	size_t n = (size_t)SHEET_MAX_CELLS + 1;
	char *text = malloc(n * 2);
	for (size_t i = 0; i < n; i++)
		memcpy(text + 2 * i, i % 1000 == 999 ? "x\n" : "x,", 2);
	const char *p = file_with("big.csv", text, n * 2);
	free(text);
	struct arena a = {0};
	struct io_sheet s;
	struct ntm_error e = {0};
	assert_int_equal(io_sheet_read_csv(p, NULL, &a, &s, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "quá nhiều ô (hơn 1000000)"));
	arena_free(&a);
}

static const char LEGACY_CSV[] =
	"thôn;việc;xong;ghi chú\n"
	"Cự Đình;Đường làng ngõ xóm sáng, xanh, sạch, đẹp;x;Đã hoàn thành\n"
	"Thục Cầu;Nhà văn hóa thôn đạt chuẩn;;Đang sửa chữa mái\n";

static void
check_legacy(enum charset cs, const char *name)
{
	size_t len = 0;
	struct charset_error err;
	char *bytes = charset_encode(LEGACY_CSV, strlen(LEGACY_CSV), cs, &len, &err);
	assert_non_null(bytes);
	assert_null(strstr(bytes, "Cự"));        /* really not UTF-8 */
	const char *p = file_with("legacy.csv", bytes, len);
	free(bytes);
	const char *encodings[] = {NULL, name};
	for (int i = 0; i < 2; i++) {
		struct arena a = {0};
		struct io_sheet s;
		struct ntm_error e = {0};
		assert_int_equal(io_sheet_read_csv(p, encodings[i], &a, &s, &e), NTM_OK);
		assert_int_equal(s.nrows, 3);
		assert_int_equal(s.ncols, 4);
		assert_cell(&s, 1, 0, "Cự Đình");
		assert_cell(&s, 1, 1, "Đường làng ngõ xóm sáng, xanh, sạch, đẹp");
		assert_cell(&s, 2, 3, "Đang sửa chữa mái");
		assert_cell(&s, 2, 2, NULL);
		arena_free(&a);
	}
}

static void
test_csv_tcvn3(void **state)
{
	(void)state;
	check_legacy(CHARSET_TCVN3, "tcvn3");
}

static void
test_csv_vni(void **state)
{
	(void)state;
	check_legacy(CHARSET_VNI, "vni");
}

/* ---- workbooks ----------------------------------------------------------------- */

/* Two sheets, Vietnamese text, numbers, a date, an empty cell. */
static const char *
write_book(void)
{
	static char path[128];
	snprintf(path, sizeof path, "%s/book.xlsx", dir);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Tiêu chí");
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "dd/mm/yyyy");
	worksheet_write_string(ws, 0, 0, "Mã chỉ tiêu", NULL);
	worksheet_write_string(ws, 0, 1, "Giá trị", NULL);
	worksheet_write_string(ws, 0, 2, "Ngày", NULL);
	worksheet_write_string(ws, 0, 3, "Ghi chú", NULL);
	worksheet_write_string(ws, 1, 0, "12.2", NULL);
	worksheet_write_number(ws, 1, 1, 12.5, NULL);
	lxw_datetime dt = {2024, 1, 1, 0, 0, 0};
	worksheet_write_datetime(ws, 1, 2, &dt, date);
	worksheet_write_string(ws, 1, 3, "Theo báo cáo của thôn Cự Đình", NULL);
	worksheet_write_string(ws, 2, 0, "17.8", NULL);
	worksheet_write_number(ws, 2, 1, 95, NULL);
	worksheet_write_string(ws, 2, 3, "ô ngày trống", NULL);
	worksheet_write_boolean(ws, 3, 0, 1, NULL);
	lxw_worksheet *ws2 = workbook_add_worksheet(wb, "Nhiệm vụ");
	worksheet_write_string(ws2, 4, 27, "Thủy lợi", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	return path;
}

static void
test_xlsx_libxlsxwriter(void **state)
{
	(void)state;
	const char *p = write_book();
	struct arena a = {0};
	struct io_sheet *s;
	int n = 0;
	struct ntm_error e = {0};
	assert_int_equal(io_sheet_read_xlsx(p, NULL, NULL, &a, &s, &n, &e), NTM_OK);
	assert_int_equal(n, 2);
	assert_string_equal(s[0].name, "Tiêu chí");
	assert_string_equal(s[1].name, "Nhiệm vụ");
	assert_true(s[0].xlsx);
	assert_int_equal(s[0].nrows, 4);
	assert_int_equal(s[0].ncols, 4);
	assert_cell(&s[0], 0, 0, "Mã chỉ tiêu");
	assert_cell(&s[0], 1, 1, "12.5");
	assert_int_equal(s[0].numeric[1 * 4 + 1], 1);
	assert_int_equal(s[0].numeric[1 * 4 + 0], 0);
	assert_cell(&s[0], 1, 2, "45292");
	assert_string_equal(io_sheet_date(&s[0], 1, 2, &a), "2024-01-01");
	assert_string_equal(io_sheet_date(&s[0], 1, 3, &a),
			    "Theo báo cáo của thôn Cự Đình");
	assert_cell(&s[0], 2, 1, "95");
	assert_cell(&s[0], 2, 2, NULL);
	assert_cell(&s[0], 3, 0, "TRUE");
	assert_string_equal(io_sheet_where(&s[0], 1, 2, &a), "C2");
	/* the second sheet keeps the workbook's positions: AB5 */
	assert_int_equal(s[1].nrows, 5);
	assert_int_equal(s[1].ncols, 28);
	assert_cell(&s[1], 4, 27, "Thủy lợi");
	assert_cell(&s[1], 0, 0, NULL);
	assert_string_equal(io_sheet_where(&s[1], 4, 27, &a), "AB5");
	assert_int_equal(s[1].line[4], 5);

	/* one sheet, named without marks */
	assert_int_equal(io_sheet_read_xlsx(p, "nhiem vu", NULL, &a, &s, &n, &e), NTM_OK);
	assert_int_equal(n, 1);
	assert_string_equal(s[0].name, "Nhiệm vụ");
	assert_int_equal(io_sheet_read_xlsx(p, "Thôn", NULL, &a, &s, &n, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "không có trang tính “Thôn”"));
	assert_non_null(strstr(e.msg, "“Tiêu chí”, “Nhiệm vụ”"));
	arena_free(&a);
}

static void
test_xlsx_not_a_workbook(void **state)
{
	(void)state;
	struct arena a = {0};
	struct io_sheet *s;
	int n = 0;
	struct ntm_error e = {0};
	const char *p = file_with("fake.xlsx", "a;b\n1;2\n", 8);
	assert_int_equal(io_sheet_read_xlsx(p, NULL, NULL, &a, &s, &n, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "không phải bảng tính .xlsx"));

	/* a zip, but no workbook in it */
	char zpath[128];
	snprintf(zpath, sizeof zpath, "%s/other.xlsx", dir);
	int err = 0;
	zip_t *z = zip_open(zpath, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	zip_source_t *src = zip_source_buffer(z, "hello", 5, 0);
	assert_true(zip_file_add(z, "a.txt", src, 0) >= 0);
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(io_sheet_read_xlsx(zpath, NULL, NULL, &a, &s, &n, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "thiếu phần xl/workbook.xml"));

	assert_int_equal(io_sheet_read_xlsx("/nonexistent.xlsx", NULL, NULL, &a, &s, &n,
					    &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "không đọc được tệp /nonexistent.xlsx"));
	arena_free(&a);
}

/* The worksheet XML as other writers make it: a prefix, inline strings
 * with runs and phonetic runs, cells without r, _xHHHH_ escapes, errors,
 * a shared string out of range refused with its cell. */
static void
test_worksheet_xml(void **state)
{
	(void)state;
	const char *xml =
		"<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/"
		"spreadsheetml/2006/main\"><x:sheetData>"
		"<x:row r=\"2\"><x:c t=\"inlineStr\"><x:is><x:r><x:t>Việt</x:t></x:r>"
		"<x:r><x:t xml:space=\"preserve\"> Hưng</x:t></x:r>"
		"<x:rPh sb=\"0\" eb=\"1\"><x:t>ヴィエト</x:t></x:rPh></x:is></x:c>"
		"<x:c t=\"s\"><x:v>1</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c>"
		"<x:c t=\"str\"><x:f>A1</x:f><x:v>a_x000D_b</x:v></x:c></x:row>"
		"<x:row><x:c r=\"B3\" t=\"d\"><x:v>2024-05-06T00:00:00</x:v></x:c>"
		"<x:c s=\"1\"/><x:c t=\"b\"><x:v>0</x:v></x:c></x:row>"
		"</x:sheetData></x:worksheet>";
	const char *shared[] = {"không", "mo\xCC\x9B\xCC\x81i"};
	struct arena a = {0};
	struct io_sheet s = {.file = "t.xlsx", .name = "Trang"};
	struct ntm_error e = {0};
	assert_int_equal(io_sheet_parse_worksheet(xml, strlen(xml), shared, 2, &a,
						  &s, &e), NTM_OK);
	assert_int_equal(s.nrows, 3);
	assert_int_equal(s.ncols, 4);
	assert_cell(&s, 0, 0, NULL);
	assert_cell(&s, 1, 0, "Việt Hưng");
	assert_cell(&s, 1, 1, "mo\xCC\x9B\xCC\x81i");  /* shared: as given */
	assert_cell(&s, 1, 2, "#N/A");
	assert_cell(&s, 1, 3, "a\rb");
	assert_cell(&s, 2, 1, "2024-05-06");
	assert_cell(&s, 2, 2, NULL);
	assert_cell(&s, 2, 3, "FALSE");
	assert_int_equal(s.line[1], 2);

	const char *bad = "<worksheet><sheetData><row r=\"7\"><c r=\"C7\" t=\"s\">"
			  "<v>9</v></c></row></sheetData></worksheet>";
	assert_int_equal(io_sheet_parse_worksheet(bad, strlen(bad), shared, 2, &a,
						  &s, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "trang “Trang”, ô C7: chuỗi dùng chung số 9"));
	const char *dtd = "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet/>";
	assert_int_equal(io_sheet_parse_worksheet(dtd, strlen(dtd), shared, 2, &a,
						  &s, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "DOCTYPE"));
	const char *broken = "<worksheet><sheetData><row>";
	assert_int_equal(io_sheet_parse_worksheet(broken, strlen(broken), shared, 2,
						  &a, &s, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "bị hỏng"));
	arena_free(&a);
}

/* openpyxl writes shared strings its own way (and numbers as "12.5"). */
static void
test_xlsx_openpyxl(void **state)
{
	(void)state;
	if (system("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") != 0)
		skip();
	char cmd[1024];
	snprintf(cmd, sizeof cmd,
		 "/usr/bin/python3 -c '"
		 "import openpyxl, datetime\n"
		 "wb = openpyxl.Workbook()\n"
		 "ws = wb.active\n"
		 "ws.title = \"Số liệu\"\n"
		 "ws.append([\"mã chỉ tiêu\", \"giá trị\", \"ngày\", \"ghi chú\"])\n"
		 "ws.append([\"12.2\", 12.5, datetime.date(2024, 3, 1), \"Cự Đình\"])\n"
		 "ws.append([\"2.1\", 100, None, \"dòng\\nhai\"])\n"
		 "wb.create_sheet(\"Khác\")\n"
		 "wb.save(\"%s/py.xlsx\")'", dir);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "%s/py.xlsx", dir);
	struct arena a = {0};
	struct io_sheet *s;
	int n = 0;
	struct ntm_error e = {0};
	assert_int_equal(io_sheet_read_xlsx(cmd, "Số liệu", NULL, &a, &s, &n, &e), NTM_OK);
	assert_int_equal(n, 1);
	assert_int_equal(s[0].nrows, 3);
	assert_int_equal(s[0].ncols, 4);
	assert_cell(&s[0], 0, 0, "mã chỉ tiêu");
	assert_cell(&s[0], 1, 1, "12.5");
	assert_true(s[0].numeric[1 * 4 + 1]);
	assert_string_equal(io_sheet_date(&s[0], 1, 2, &a), "2024-03-01");
	assert_cell(&s[0], 1, 3, "Cự Đình");
	assert_cell(&s[0], 2, 1, "100");
	assert_cell(&s[0], 2, 2, NULL);
	assert_cell(&s[0], 2, 3, "dòng\nhai");
	assert_int_equal(io_sheet_read_xlsx(cmd, NULL, NULL, &a, &s, &n, &e), NTM_OK);
	assert_int_equal(n, 2);
	assert_int_equal(s[1].nrows, 0);
	arena_free(&a);
}

static void
test_dates(void **state)
{
	(void)state;
	const char *v[] = {"1", "59", "60", "61", "45292", "45292.75", "2958465",
			   "0", "abc", "2958466"};
	const char *want[] = {"1900-01-01", "1900-02-28", "60", "1900-03-01",
			      "2024-01-01", "2024-01-01", "9999-12-31", "0", "abc",
			      "2958466"};
	enum { N = sizeof v / sizeof *v };
	unsigned char num[N];
	memset(num, 1, sizeof num);
	int lines[N];
	struct io_sheet s = {.xlsx = true, .nrows = N, .ncols = 1, .cell = v,
			     .numeric = num, .line = lines};
	struct arena a = {0};
	for (int i = 0; i < N; i++)
		assert_string_equal(io_sheet_date(&s, i, 0, &a), want[i]);
	num[4] = 0;     /* a text cell is returned as it is */
	assert_string_equal(io_sheet_date(&s, 4, 0, &a), "45292");
	arena_free(&a);
}

/* Numbers as the official saw them: float noise dropped, percents × 100. */
static void
test_number_text(void **state)
{
	(void)state;
	struct arena a = {0};
	assert_string_equal(sheet_number_text(&a, "86.49999999999999", false), "86.5");
	assert_string_equal(sheet_number_text(&a, "0.30000000000000004", false), "0.3");
	assert_string_equal(sheet_number_text(&a, "45292", false), "45292");
	assert_string_equal(sheet_number_text(&a, "0.87", true), "87");
	assert_string_equal(sheet_number_text(&a, "0.865", true), "86.5");
	assert_string_equal(sheet_number_text(&a, "1E-05", false), "1E-05");
	assert_string_equal(sheet_number_text(&a, "-0.0", false), "0");
	assert_string_equal(sheet_number_text(&a, "abc", true), "abc");
	assert_true(sheet_format_percent("0%"));
	assert_true(sheet_format_percent("0.00%"));
	assert_true(sheet_format_percent("#,##0.0\" phần\"%"));
	assert_false(sheet_format_percent("0\"%\""));
	assert_false(sheet_format_percent("0\\%"));
	assert_false(sheet_format_percent("dd/mm/yyyy"));
	assert_false(sheet_format_percent(NULL));
	arena_free(&a);
}

/* Percent formats (built-in and custom) read from xl/styles.xml; cells in
 * the .VnTime font decoded with --encoding and, for a header that reads
 * only so, by themselves. */
static void
test_xlsx_percent_and_font(void **state)
{
	(void)state;
	static char path[128];
	snprintf(path, sizeof path, "%s/pct.xlsx", dir);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Giá trị");
	lxw_format *p0 = workbook_add_format(wb), *p1 = workbook_add_format(wb);
	lxw_format *lit = workbook_add_format(wb);
	format_set_num_format(p0, "0%");
	format_set_num_format(p1, "0.0\" phần\"%");
	format_set_num_format(lit, "0\"%\"");
	/* "Mã chỉ tiêu", "Giá trị" typed with .VnTime: TCVN3 bytes as Latin-1 */
	worksheet_write_string(ws, 0, 0, "M\xc2\xb7 ch\xc3\x98 ti\xc2\xaau", NULL);
	worksheet_write_string(ws, 0, 1, "Gi\xc2\xb8 tr\xc3\x9e", NULL);
	worksheet_write_string(ws, 1, 0, "Vi\xc3\x96t H\xc2\xadng", NULL);
	worksheet_write_number(ws, 1, 1, 0.87, p0);
	worksheet_write_number(ws, 2, 1, 0.865, p1);
	worksheet_write_number(ws, 3, 1, 86.49999999999999, lit);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	struct arena a = {0};
	struct io_sheet *s;
	int n = 0;
	struct ntm_error e = {0};
	assert_int_equal(io_sheet_read_xlsx(path, NULL, NULL, &a, &s, &n, &e), NTM_OK);
	assert_cell(&s[0], 0, 0, "Mã chỉ tiêu");
	assert_cell(&s[0], 1, 0, "Việt Hưng");
	assert_cell(&s[0], 1, 1, "87");
	assert_int_equal(s[0].numeric[1 * s[0].ncols + 1], IO_SHEET_PERCENT);
	assert_cell(&s[0], 2, 1, "86.5");
	assert_int_equal(s[0].numeric[2 * s[0].ncols + 1], IO_SHEET_PERCENT);
	assert_cell(&s[0], 3, 1, "86.5");
	assert_int_equal(s[0].numeric[3 * s[0].ncols + 1], IO_SHEET_NUMBER);
	assert_int_equal(io_sheet_read_xlsx(path, NULL, "utf-8", &a, &s, &n, &e),
			 NTM_OK);
	assert_cell(&s[0], 1, 0, "Vi\xc3\x96t H\xc2\xadng");
	assert_int_equal(io_sheet_read_xlsx(path, NULL, "tcvn3", &a, &s, &n, &e),
			 NTM_OK);
	assert_cell(&s[0], 1, 0, "Việt Hưng");
	assert_int_equal(io_sheet_read_xlsx(path, NULL, "koi8", &a, &s, &n, &e),
			 NTM_USAGE);
	/* the reader told by content: a workbook named .txt; CSV and --sheet */
	char txt[160];
	snprintf(txt, sizeof txt, "%s/book.txt", dir);
	assert_int_equal(rename(path, txt), 0);
	assert_int_equal(io_sheet_read(txt, NULL, NULL, &a, &s, &n, &e), NTM_OK);
	assert_true(s[0].xlsx);
	const char *csv = file_with("data.txt", "a;b\n1;2\n", 8);
	assert_int_equal(io_sheet_read(csv, NULL, NULL, &a, &s, &n, &e), NTM_OK);
	assert_false(s[0].xlsx);
	assert_int_equal(s[0].sep, ';');
	assert_cell(&s[0], 1, 1, "2");
	assert_int_equal(io_sheet_read(csv, "Giá trị", NULL, &a, &s, &n, &e),
			 NTM_USAGE);
	assert_non_null(strstr(e.msg, "--sheet chỉ dùng cho bảng tính .xlsx"));
	arena_free(&a);
}

/* The header below a title block; units and STT in headers; a CSV row
 * wider than its header. */
static void
test_header_row(void **state)
{
	(void)state;
	struct arena a = {0};
	struct io_sheet s;
	struct ntm_error e = {0};
	const char *text = "UBND XÃ VIỆT HƯNG\nBẢNG GIÁ TRỊ\n\n"
		"STT,Mã chỉ tiêu,Giá trị (%),Ngày\n1,12.2,80,\n2,2.1,55,Bình, An\n";
	assert_int_equal(io_sheet_parse_csv("t.csv", text, strlen(text), NULL, &a,
					    &s, &e), NTM_OK);
	int row = -1;
	assert_true(io_kind_header(&s, NULL, &row));
	assert_int_equal(row, 3);
	assert_true(io_kind_header(&s, "measurements", &row));
	assert_false(io_kind_header(&s, "tasks", &row));
	assert_int_equal(row, 0);
	const struct io_sheet_kind *k = io_kind_read("measurements");
	assert_int_equal(io_kind_column(k, "Giá trị (%)")->field, SF_VALUE);
	assert_int_equal(io_kind_column(k, "Số TT")->field, SF_STT);
	assert_int_equal(io_kind_column(k, "STT")->field, SF_STT);
	assert_null(io_kind_field(k, SF_STT));
	assert_null(io_kind_column(k, "(%)"));
	assert_int_equal(io_kind_column(io_kind_read("tasks"), "TT")->field,
			 SF_STT);
	assert_int_equal(io_kind_column(io_kind_read("tasks"), "Tiến độ (%)")
			 ->field, SF_PROGRESS);
	assert_null(io_kind_row_wide(&s, 3, 4, &a));
	assert_string_equal(io_kind_row_wide(&s, 3, 5, &a),
			    "dòng 6 có 5 ô, dòng tiêu đề có 4 — có dấu phẩy "
			    "không nằm trong ngoặc kép?");
	/* the separator told from the first line holding one */
	assert_int_equal(s.sep, ',');
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_comma),
		cmocka_unit_test(test_csv_semicolon_quotes),
		cmocka_unit_test(test_csv_tab_and_cr),
		cmocka_unit_test(test_csv_refusals),
		cmocka_unit_test(test_csv_too_many_cells),
		cmocka_unit_test(test_csv_tcvn3),
		cmocka_unit_test(test_csv_vni),
		cmocka_unit_test(test_xlsx_libxlsxwriter),
		cmocka_unit_test(test_xlsx_not_a_workbook),
		cmocka_unit_test(test_worksheet_xml),
		cmocka_unit_test(test_xlsx_openpyxl),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_number_text),
		cmocka_unit_test(test_xlsx_percent_and_font),
		cmocka_unit_test(test_header_row),
	};
	return cmocka_run_group_tests_name("sheet", tests, make_dir, remove_dir);
}
