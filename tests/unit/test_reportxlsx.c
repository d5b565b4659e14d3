/* Unit tests of the xlsx report writer (src/io/reportxlsx.c): a report
 * built by hand is written, then read back with python3-openpyxl
 * (tests/data/read_xlsx.py), whose facts are asserted here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"

#define PYTHON "/usr/bin/python3"
#define READER "tests/data/read_xlsx.py"

static const struct ntm_target GE90 = {true, NTM_CMP_GE, 90};
static const struct ntm_target IS_TRUE = {true, NTM_CMP_EQ, 1};

static void
fixture_criteria(struct arena *a, struct ntm_report_doc *d)
{
	d->ncrit = 3;
	d->crit = arena_alloc(a, sizeof *d->crit * 3);
	d->crit[0] = (struct ntm_report_criterion){
		1, "Quy hoạch", "Quy hoạch", NTM_STATUS_DAT, {1, 1}, 0, 1};
	d->crit[1] = (struct ntm_report_criterion){
		12, "Lao động", "Kinh tế và tổ chức sản xuất", NTM_STATUS_CHUA_DAT,
		{1, 2}, 1, 2};
	d->crit[2] = (struct ntm_report_criterion){
		19, "Quốc phòng và An ninh", NULL, NTM_STATUS_CHUA_CO_CHI_TIEU,
		{0, 1}, 3, 1};
	d->nind = 4;
	d->ind = arena_alloc(a, sizeof *d->ind * 4);
	d->ind[0] = (struct ntm_report_indicator){
		.code = "1.1", .name = "Có quy hoạch chung xây dựng xã được phê duyệt",
		.kind = NTM_KIND_BOOL, .national = IS_TRUE, .has_value = true,
		.value = 1, .value_on = "2024-02-01", .status = NTM_STATUS_DAT};
	d->ind[1] = (struct ntm_report_indicator){
		.code = "12.1", .name = "Tỷ lệ người có việc làm trên dân số trong độ tuổi lao động",
		.kind = NTM_KIND_PERCENT, .national = GE90, .has_value = true,
		.value = 96.5, .value_on = "2024-05-20", .status = NTM_STATUS_DAT};
	d->ind[2] = (struct ntm_report_indicator){
		.code = "12.2", .name = "Tỷ lệ lao động qua đào tạo",
		.kind = NTM_KIND_PERCENT, .national = GE90, .plan = GE90,
		.has_start = true, .start = 80, .start_on = "2024-01-01",
		.has_value = true, .value = 85, .value_on = "2024-06-30",
		.note = "Báo cáo của Phòng Lao động\x01\x1b[31m",
		.status = NTM_STATUS_CHUA_DAT};
	d->ind[3] = (struct ntm_report_indicator){
		.code = "19.1", .name = "Hoàn thành chỉ tiêu giao quân",
		.kind = NTM_KIND_BOOL, .status = NTM_STATUS_CHUA_CO_CHI_TIEU};
}

static void
fixture_tasks(struct arena *a, struct ntm_report_doc *d)
{
	d->nsectors = 2;
	d->sectors = arena_alloc(a, sizeof *d->sectors * 2);
	d->sectors[0] = (struct ntm_report_sector){
		"KT", "Kinh tế và tổ chức sản xuất", "Kinh tế", {1, 2}, 60, 0, 2};
	d->sectors[1] = (struct ntm_report_sector){
		"HT", "Hạ tầng kinh tế - xã hội", "Hạ tầng", {0, 2}, 20, 2, 2};
	d->ntasks = 4;
	d->tasks = arena_alloc(a, sizeof *d->tasks * 4);
	d->tasks[0] = (struct ntm_report_task){
		1, "Mở lớp dạy nghề cho lao động nông thôn", "Phòng Văn hóa - Xã hội",
		"2024-06-30", NTM_TASK_DANG_THUC_HIEN, 40, true, NULL, NULL,
		"Thiếu giáo viên dạy nghề", "Đề nghị huyện cử giáo viên"};
	d->tasks[1] = (struct ntm_report_task){
		2, "Thành lập tổ hợp tác trồng rau an toàn", "Trần Bình", "2024-03-31",
		NTM_TASK_HOAN_THANH, 100, false, NULL, "Đã có 12 thành viên", NULL,
		NULL};
	d->tasks[2] = (struct ntm_report_task){
		3, "Sửa \x01\x1b[31mđường <&> \"thôn\" Đông", "Địa chính - Xây dựng",
		"2024-10-31", NTM_TASK_CHUA_BAT_DAU, 0, false, NULL, NULL, NULL, NULL};
	d->tasks[3] = (struct ntm_report_task){
		4, "=cmd|' /C calc'!A0", "Văn phòng", NULL, NTM_TASK_DANG_THUC_HIEN,
		40, false, NULL, NULL, NULL, NULL};
}

static const char *MISSING[] = {"Nhà văn hóa thôn đạt chuẩn",
				 "Đường làng có đèn chiếu sáng"};

static void
fixture_villages(struct arena *a, struct ntm_report_doc *d)
{
	d->nvillages = 2;
	d->villages = arena_alloc(a, sizeof *d->villages * 2);
	d->villages[0] = (struct ntm_report_village){"Cự Đình", {10, 10}, NULL, 0};
	d->villages[1] = (struct ntm_report_village){"Đông Hưng", {8, 10}, MISSING, 2};
	d->nchanges = 3;
	d->changes_left_out = 2;
	d->changes = arena_alloc(a, sizeof *d->changes * 3);
	d->changes[0] = (struct ntm_report_change){
		"2024-06-30", "08:15", "Nguyễn Văn An", "Giá trị chỉ tiêu 12.2", "80%",
		"85%"};
	d->changes[1] = (struct ntm_report_change){
		"2024-06-30", "09:40", "Trần Bình", "Tiến độ nhiệm vụ #1", "20%", "40%"};
	d->changes[2] = (struct ntm_report_change){
		"2024-07-02", "14:05", "Nguyễn Văn An", "Thêm nhiệm vụ #4", NULL, NULL};
}

static void
report_fixture(struct arena *a, struct ntm_report_doc *d)
{
	*d = (struct ntm_report_doc){0};
	d->head = (struct ntm_report_head){
		.commune = "Việt Hưng", .plan_number = "32/KH-UBND",
		.plan_title = "Kế hoạch xây dựng xã nông thôn mới nâng cao năm 2024",
		.plan_issued_on = "2024-03-12", .plan_year = 2024,
		.as_of = "2024-07-15", .since = "2024-01-01",
		.written_on = "2024-07-16", .author = "Nguyễn Văn An\x1b]0;x\x07"};
	d->sum = (struct ntm_report_summary){
		.criteria = {1, 19}, .indicators = {2, 4}, .tasks_total = 4,
		.tasks_done = 1, .tasks_doing = 2, .tasks_waiting = 1,
		.tasks_overdue = 1, .villages = {1, 2}, .items = {18, 20},
		.progress = 5};
	fixture_criteria(a, d);
	fixture_tasks(a, d);
	fixture_villages(a, d);
}

static bool
have_openpyxl(void)
{
	return system(PYTHON " -c 'import openpyxl' 2>/dev/null") == 0;
}

/* What read_xlsx.py says of the workbook at path, in buf. */
static void
read_back(const char *path, char *buf, size_t size)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, PYTHON " " READER " '%s'", path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t n = fread(buf, 1, size - 1, p);
	buf[n] = '\0';
	assert_int_equal(pclose(p), 0);
}

static void
assert_says(const char *facts, const char *line)
{
	if (!strstr(facts, line))
		fail_msg("missing \"%s\" in:\n%s", line, facts);
}

static void
test_xlsx_read_back(void **state)
{
	(void)state;
	if (!have_openpyxl())
		skip();
	struct arena a = {0};
	struct ntm_report_doc d;
	struct ntm_error e = {0};
	report_fixture(&a, &d);
	char dir[] = "/tmp/ntm-xlsx-XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/bao-cao.xlsx", dir);
	struct io_report_opts o = {.format = IO_REPORT_XLSX};
	assert_int_equal(io_report_write(&d, &o, path, &e), NTM_OK);

	static char facts[8192];
	read_back(path, facts, sizeof facts);
	assert_says(facts, "sheets=Tổng hợp|Tiêu chí|Nhiệm vụ|Thôn|Thay đổi\n");
	assert_says(facts, "title=BÁO CÁO KẾT QUẢ XÂY DỰNG NÔNG THÔN MỚI\n");
	assert_says(facts, "now=0.85 type=n format=0%\n");
	assert_says(facts, "status=chưa đạt fill=FFFFC7CE\n");
	assert_says(facts, "date=2024-06-30 format=dd/mm/yyyy\n");
	assert_says(facts, "freeze=A6\n");
	/* header row 5, a criterion row and its indicators per criterion */
	assert_says(facts, "autofilter=A5:K12\n");
	assert_says(facts, "header_bold=1\n");
	/* A4 landscape, the header row on every printed page */
	assert_says(facts, "print=landscape 9 $5:$5\n");
	assert_says(facts, "criterion_bold=1\n");
	assert_says(facts, "control=0\n");
	assert_says(facts, "task3=Sửa \u2401\u241b[31mđường <&> \"thôn\" Đông\n");
	assert_says(facts, "formulas=0\n");
	assert_says(facts, "cmd='=cmd|' /C calc'!A0 type=s\n");
	assert_says(facts, "overdue_font=2024-06-30:FFC00000\n");
	assert_says(facts, "has_chua_dat=1\n");
	assert_says(facts, "changes_last=Còn 2 thay đổi khác trong kỳ không liệt kê ở đây.\n");
	assert_says(facts, "has_dat=1\n");
	/* the widest name (61 columns with its margin) is capped */
	assert_says(facts, "width_name=60\n");

	unlink(path);
	assert_int_equal(rmdir(dir), 0);
	arena_free(&a);
}

/* A folder that does not exist: refused in Vietnamese, nothing written,
 * through the dispatcher and from the writer itself. */
static void
test_xlsx_missing_folder(void **state)
{
	(void)state;
	struct arena a = {0};
	struct ntm_report_doc d;
	struct ntm_error e = {0};
	report_fixture(&a, &d);
	const char *path = "/tmp/ntm-xlsx-missing-folder/x/bao-cao.xlsx";
	struct io_report_opts o = {.format = IO_REPORT_XLSX};
	assert_int_equal(io_report_write(&d, &o, path, &e), NTM_FAIL);
	struct stat sb;
	assert_int_not_equal(stat(path, &sb), 0);

	e = (struct ntm_error){0};
	assert_int_equal(io_report_xlsx(path, &d, &e), NTM_FAIL);
	assert_string_equal(e.msg, "không ghi được báo cáo xlsx: không có tệp hoặc thư mục này");
	assert_int_not_equal(stat(path, &sb), 0);
	arena_free(&a);
}

/* An empty report (no plan, nothing measured) still makes a workbook. */
static void
test_xlsx_empty(void **state)
{
	(void)state;
	struct ntm_report_doc d = {0};
	struct ntm_error e = {0};
	char dir[] = "/tmp/ntm-xlsx-XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/empty.xlsx", dir);
	assert_int_equal(io_report_xlsx(path, &d, &e), NTM_OK);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_true(sb.st_size > 1000);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char magic[4];
	assert_int_equal(fread(magic, 1, 4, f), 4);
	fclose(f);
	assert_memory_equal(magic, "PK\x03\x04", 4);
	unlink(path);
	assert_int_equal(rmdir(dir), 0);
}

/* What the Python program (one line per statement, the workbook as
 * sys.argv[1]) prints of the workbook at path, in out (the first line). */
static void
python_of(const char *program, const char *path, char *out, size_t size)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, PYTHON " -c 'import openpyxl,sys\n"
		 "wb=openpyxl.load_workbook(sys.argv[1])\n%s' '%s'", program, path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	out[0] = '\0';
	assert_non_null(fgets(out, (int)size, p));
	assert_int_equal(pclose(p), 0);
}

/* The fixture written to a temporary workbook; its path in path. */
static void
written(struct ntm_report_doc *d, char *dir, char *path, size_t size)
{
	struct ntm_error e = {0};
	assert_non_null(mkdtemp(dir));
	snprintf(path, size, "%s/bao-cao.xlsx", dir);
	assert_int_equal(io_report_xlsx(path, d, &e), NTM_OK);
}

/* A note of "=" and 32 000 letters: made safe ("'" before the "=") it is
 * 32 002 bytes, over the cell limit, and is cut with an ellipsis into a
 * buffer of its own (it was written past the end of an exact-size one;
 * ASan in make check sees that). */
static void
test_xlsx_huge_cell(void **state)
{
	(void)state;
	if (!have_openpyxl())
		skip();
	enum { LETTERS = 32000 };
	struct arena a = {0};
	struct ntm_report_doc d;
	report_fixture(&a, &d);
	char *note = arena_alloc(&a, LETTERS + 2);
	note[0] = '=';
	memset(note + 1, 'a', LETTERS);
	d.tasks[0].note = note;
	char dir[] = "/tmp/ntm-xlsx-XXXXXX", path[64], out[64];
	written(&d, dir, path, sizeof path);
	python_of("ws=wb[\"Nhiệm vụ\"]\n"
		  "v=max((c.value for r in ws.iter_rows() for c in r\n"
		  " if isinstance(c.value,str)),key=len)\n"
		  "print(len(v),v[:2],v[-2:])", path, out, sizeof out);
	/* "'=" and 31 998 letters, then the ellipsis */
	assert_string_equal(out, "32001 '= a\u2026\n");
	unlink(path);
	assert_int_equal(rmdir(dir), 0);
	arena_free(&a);
}

/* "Tổng hợp" names the commune, plan and period once; the commune gauge
 * is the exact fraction (1/19), not the rounded percent; a task's sector
 * by its full name (a tester found them twice, 0.05 and "Kinh tế"). */
static void
test_xlsx_summary(void **state)
{
	(void)state;
	if (!have_openpyxl())
		skip();
	struct arena a = {0};
	struct ntm_report_doc d;
	report_fixture(&a, &d);
	char dir[] = "/tmp/ntm-xlsx-XXXXXX", path[64], out[256];
	written(&d, dir, path, sizeof path);
	python_of("ws=wb[\"Tổng hợp\"]\n"
		  "t=[str(c.value) for r in ws.iter_rows() for c in r if c.value is not None]\n"
		  "g=[r[1].value for r in ws.iter_rows() if r[0].value and r[0].value.startswith(\"Mức độ\")]\n"
		  "s=wb[\"Nhiệm vụ\"][\"A6\"].value\n"
		  "print(sum(\"Việt Hưng\" in x for x in t),sum(\"32/KH-UBND\" in x for x in t),"
		  "sum(\"15/07/2024\" in x for x in t),round(g[0],6),s)",
		  path, out, sizeof out);
	assert_string_equal(out, "1 1 1 0.052632 Kinh tế và tổ chức sản xuất\n");
	unlink(path);
	assert_int_equal(rmdir(dir), 0);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx_read_back),
		cmocka_unit_test(test_xlsx_missing_folder),
		cmocka_unit_test(test_xlsx_empty),
		cmocka_unit_test(test_xlsx_huge_cell),
		cmocka_unit_test(test_xlsx_summary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
