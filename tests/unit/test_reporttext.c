/* Unit tests of the report's tables as cells (reporttable.c) and of its
 * text, Markdown and CSV writers (reporttext.c, reportcsv.c), on a report
 * built by hand: what they show, in which order, within 80 columns, and
 * that nothing from the database reaches a terminal or a spreadsheet
 * unsafe. */
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

/* The title with control characters, markup and a quote. */
#define NASTY_TITLE "Tuyên truyền \x01\x1b[31m<&> \"việc làm\" | *mới*"
#define ISSUE_12 "Thiếu kinh phí mở lớp thứ ba;\nchờ huyện phân bổ \"vốn sự nghiệp\""

static struct ntm_target
at_least(double v)
{
	return (struct ntm_target){.set = true, .cmp = NTM_CMP_GE, .value = v};
}

static void
fixture_head(struct ntm_report_doc *d)
{
	d->head = (struct ntm_report_head){
		.commune = "Việt Hưng",
		.commune_info = "huyện Đông Anh, thành phố Hà Nội",
		.plan_number = "32/KH-UBND",
		.plan_title = "Kế hoạch xây dựng xã Việt Hưng đạt chuẩn nông thôn mới nâng cao năm 2024",
		.plan_issued_on = "2024-03-12",
		.plan_signer = "Nguyễn Văn Hùng",
		.plan_year = 2024,
		.as_of = "2024-07-15",
		.since = "2024-01-01",
		.written_on = "2024-07-16",
		.author = "Nguyễn Văn An",
	};
	d->sum = (struct ntm_report_summary){
		.criteria = {12, 19}, .indicators = {40, 57},
		.tasks_total = 4, .tasks_done = 1, .tasks_doing = 2,
		.tasks_waiting = 1, .tasks_overdue = 1,
		.villages = {1, 2}, .items = {17, 20}, .progress = 63,
	};
}

static void
fixture_criteria(struct arena *a, struct ntm_report_doc *d)
{
	static const struct ntm_report_indicator ind[] = {
		{.code = "12.1", .name = "Tỷ lệ người có việc làm trên dân số trong độ tuổi lao động có khả năng tham gia lao động",
		 .kind = NTM_KIND_PERCENT, .national = {true, NTM_CMP_GE, 96},
		 .has_start = true, .start = 96, .start_on = "2023-12-31",
		 .has_value = true, .value = 96.5, .value_on = "2024-06-30",
		 .note = "Báo cáo của ban LĐ-TB&XH", .status = NTM_STATUS_DAT},
		{.code = "12.2", .name = "Tỷ lệ lao động có việc làm qua đào tạo",
		 .kind = NTM_KIND_PERCENT, .has_start = true, .start = 80,
		 .start_on = "2023-12-31", .has_value = true, .value = 85,
		 .value_on = "2024-07-01", .note = "=1+1",
		 .status = NTM_STATUS_CHUA_DAT},
		{.code = "17.8", .name = "Cơ sở sản xuất kinh doanh tuân thủ quy định về an toàn thực phẩm",
		 .kind = NTM_KIND_BOOL, .national = {true, NTM_CMP_EQ, 1},
		 .has_value = true, .value = 1, .value_on = "2024-05-20",
		 .status = NTM_STATUS_DAT},
		{.code = "19.1", .name = "Xây dựng lực lượng dân quân vững mạnh, rộng khắp",
		 .kind = NTM_KIND_NUMBER, .unit_label = "người",
		 .status = NTM_STATUS_CHUA_CO_CHI_TIEU},
	};
	static const struct ntm_report_criterion crit[] = {
		{12, "Lao động", NULL, NTM_STATUS_CHUA_DAT, {1, 2}, 0, 2},
		{17, "Môi trường và an toàn thực phẩm", NULL, NTM_STATUS_DAT,
		 {1, 1}, 2, 1},
		{19, "Quốc phòng và An ninh", NULL, NTM_STATUS_CHUA_CO_CHI_TIEU,
		 {0, 1}, 3, 1},
	};
	d->ind = arena_alloc(a, sizeof ind);
	memcpy(d->ind, ind, sizeof ind);
	d->ind[1].national = at_least(90);
	d->nind = 4;
	d->crit = arena_alloc(a, sizeof crit);
	memcpy(d->crit, crit, sizeof crit);
	d->ncrit = 3;
}

static void
fixture_tasks(struct arena *a, struct ntm_report_doc *d)
{
	static const struct ntm_report_task tasks[] = {
		{.number = 1, .title = "Mở 3 lớp đào tạo nghề cho lao động nông thôn",
		 .responsible = "Lê Thị Hoa", .due = "2024-06-30",
		 .status = NTM_TASK_DANG_THUC_HIEN, .progress = 60, .overdue = true,
		 .issue = ISSUE_12,
		 .proposal = "Đề nghị huyện hỗ trợ 50 triệu đồng từ nguồn đào tạo nghề"},
		{.number = 2, .title = NASTY_TITLE, .responsible = "Đoàn Thanh niên",
		 .due = "2024-12-31", .status = NTM_TASK_CHUA_BAT_DAU,
		 .proposal = "Phối hợp với Hội Nông dân xã"},
		{.number = 3, .title = "=cmd|' /C calc'!A0", .responsible = "Công chức Địa chính",
		 .due = "2024-05-31", .status = NTM_TASK_HOAN_THANH, .progress = 100},
		{.number = 4, .title = "Nâng cấp, mở rộng đường trục thôn Cự Đình đoạn từ nhà văn hóa đến cầu Đình dài 1,2 km",
		 .responsible = "Ban phát triển thôn Cự Đình", .due = "2024-10-31",
		 .status = NTM_TASK_DANG_THUC_HIEN, .progress = 30},
	};
	static const struct ntm_report_sector sectors[] = {
		{"lao_dong", "Lao động", "Lao động", {0, 2}, 30, 0, 2},
		{"giao_thong", "Giao thông", "Giao thông", {1, 2}, 65, 2, 2},
	};
	d->tasks = arena_alloc(a, sizeof tasks);
	memcpy(d->tasks, tasks, sizeof tasks);
	d->ntasks = 4;
	d->sectors = arena_alloc(a, sizeof sectors);
	memcpy(d->sectors, sectors, sizeof sectors);
	d->nsectors = 2;
}

static void
fixture_villages(struct arena *a, struct ntm_report_doc *d)
{
	static const char *missing[] = {
		"Nhà văn hóa thôn đạt chuẩn", "Đường ngõ xóm được cứng hóa",
		"Có mô hình thu gom, phân loại rác thải tại nguồn",
	};
	static const struct ntm_report_change changes[] = {
		{"2024-07-10", "08:15", "Nguyễn Văn An (root)",
		 "Ghi giá trị chỉ tiêu 12.2", "80%", "85%"},
		{"2024-07-10", "08:20", "Nguyễn Văn An (root)",
		 "Tiến độ nhiệm vụ #1", "40%", "60%"},
		{"2024-07-12", "14:05", "Trần Bình",
		 "Đánh dấu xong việc “Nhà văn hóa thôn” của thôn Cự Đình",
		 "chưa xong", "xong"},
	};
	d->villages = arena_alloc(a, 2 * sizeof *d->villages);
	d->villages[0] = (struct ntm_report_village){"Cự Đình", {10, 10}, NULL, 0};
	d->villages[1] = (struct ntm_report_village){"Đông Hạ", {7, 10}, missing, 3};
	d->nvillages = 2;
	d->changes = arena_alloc(a, sizeof changes);
	memcpy(d->changes, changes, sizeof changes);
	d->nchanges = 3;
}

static void
report_fixture(struct arena *a, struct ntm_report_doc *d)
{
	*d = (struct ntm_report_doc){0};
	fixture_head(d);
	fixture_criteria(a, d);
	fixture_tasks(a, d);
	fixture_villages(a, d);
}

struct fx {
	struct arena a;
	struct ntm_report_doc d;
};

static int
fx_setup(void **state)
{
	struct fx *x = calloc(1, sizeof *x);
	report_fixture(&x->a, &x->d);
	*state = x;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fx *x = *state;
	arena_free(&x->a);
	free(x);
	return 0;
}

/* ---- helpers ------------------------------------------------------------- */

struct out {
	char *buf;
	size_t len;
};

static struct out
render(const struct ntm_report_doc *d, const struct io_report_opts *o)
{
	struct out r = {0};
	struct ntm_error e = {0};
	FILE *f = open_memstream(&r.buf, &r.len);
	int rc = o->format == IO_REPORT_CSV
		? io_report_csv(f, d, o, &e)
		: io_report_text(f, d, o->format == IO_REPORT_MD, &e);
	assert_int_equal(rc, NTM_OK);
	fclose(f);
	return r;
}

static struct out
text_of(const struct ntm_report_doc *d, bool md)
{
	struct io_report_opts o = {.format = md ? IO_REPORT_MD : IO_REPORT_TXT};
	return render(d, &o);
}

static int
col(enum io_report_table t, const char *key)
{
	int n;
	const struct io_column *c = io_report_columns(t, &n);
	for (int i = 0; i < n; i++)
		if (strcmp(c[i].key, key) == 0)
			return i;
	fail_msg("no column %s", key);
	return -1;
}

/* The line of s that contains needle (a copy), or NULL; *next the line
 * after it. */
static char *
line_with(const char *s, const char *needle, char **next)
{
	const char *hit = strstr(s, needle);
	if (!hit)
		return NULL;
	const char *from = hit;
	while (from > s && from[-1] != '\n')
		from--;
	const char *to = strchr(hit, '\n');
	to = to ? to : hit + strlen(hit);
	if (next) {
		const char *n = *to ? to + 1 : to, *end = strchr(n, '\n');
		*next = strndup(n, end ? (size_t)(end - n) : strlen(n));
	}
	return strndup(from, (size_t)(to - from));
}

/* ---- the tables as cells --------------------------------------------------- */

static struct io_cell
cell_at(struct fx *x, enum io_report_table t, int row, const char *key)
{
	struct io_cell c;
	io_report_cell(&x->d, t, row, col(t, key), &x->a, &c);
	return c;
}

static void
test_table_cells(void **state)
{
	struct fx *x = *state;
	struct ntm_report_doc *d = &x->d;
	assert_int_equal(io_report_rows(d, IO_TABLE_CRITERIA), 3 + 4);
	assert_int_equal(io_report_rows(d, IO_TABLE_TASKS), 4);
	assert_int_equal(io_report_rows(d, IO_TABLE_VILLAGES), 2);
	assert_int_equal(io_report_rows(d, IO_TABLE_CHANGES), 3);

	struct io_cell c;
	/* row 0: criterion 12, a group row */
	c = cell_at(x, IO_TABLE_CRITERIA, 0, "criterion");
	assert_true(c.strong);
	assert_string_equal(c.text, "12");
	c = cell_at(x, IO_TABLE_CRITERIA, 0, "value");
	assert_string_equal(c.text, "đạt 1/2");
	/* row 2: indicator 12.2, 85 % kept as 0.85, dated dd/mm/yyyy */
	c = cell_at(x, IO_TABLE_CRITERIA, 2, "code");
	assert_false(c.strong);
	assert_string_equal(c.text, "12.2");
	c = cell_at(x, IO_TABLE_CRITERIA, 2, "value");
	assert_int_equal(c.kind, IO_CELL_PERCENT);
	assert_float_equal(c.number, 0.85, 1e-9);
	assert_string_equal(c.text, "85%");
	c = cell_at(x, IO_TABLE_CRITERIA, 2, "status");
	assert_int_equal(c.status, NTM_STATUS_CHUA_DAT);
	c = cell_at(x, IO_TABLE_CRITERIA, 2, "as_of");
	assert_int_equal(c.kind, IO_CELL_DATE);
	assert_string_equal(c.text, "01/07/2024");
	assert_string_equal(c.iso, "2024-07-01");
	/* row 3 is criterion 17, row 4 its bool indicator, shown as a word */
	c = cell_at(x, IO_TABLE_CRITERIA, 3, "criterion");
	assert_true(c.strong);
	assert_string_equal(c.text, "17");
	c = cell_at(x, IO_TABLE_CRITERIA, 4, "value");
	assert_int_equal(c.kind, IO_CELL_TEXT);
	assert_string_equal(c.text, "đạt");
	/* a task: its sector, its due date, overdue */
	c = cell_at(x, IO_TABLE_TASKS, 0, "due");
	assert_string_equal(c.text, "30/06/2024");
	assert_true(c.overdue);
	c = cell_at(x, IO_TABLE_TASKS, 3, "sector");
	assert_string_equal(c.text, "Giao thông");
	/* a village's missing items, joined */
	c = cell_at(x, IO_TABLE_VILLAGES, 1, "items_not_done");
	assert_non_null(strstr(c.text, "Nhà văn hóa thôn đạt chuẩn; Đường ngõ xóm"));
}

/* ---- text and Markdown ----------------------------------------------------- */

static void
assert_page_width(const char *s)
{
	int n = 0;
	for (const char *p = s; *p; n++) {
		const char *end = strchr(p, '\n');
		char *line = strndup(p, end ? (size_t)(end - p) : strlen(p));
		if (text_width(line) > 80)
			fail_msg("line %d is %d columns: %s", n + 1, text_width(line), line);
		free(line);
		p = end ? end + 1 : p + strlen(p);
	}
	assert_true(n > 60);
}

/* No byte a terminal would obey: control characters other than newline
 * (ESC above all), and CR only as CSV ends its rows. */
static void
assert_inert(const char *s, bool crlf)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && !(crlf && *p == '\r' && p[1] == '\n')) ||
		    *p == 0x7f)
			fail_msg("control byte 0x%02x at %td", *p, (const char *)p - s);
}

static void
assert_in_order(const char *s, const char *const *list, int n)
{
	const char *at = s;
	for (int i = 0; i < n; i++) {
		const char *hit = strstr(at, list[i]);
		if (!hit)
			fail_msg("missing or out of order: %s", list[i]);
		at = hit + strlen(list[i]);
	}
}

static void
test_text(void **state)
{
	struct fx *x = *state;
	struct ntm_report_doc *d = &x->d;
	struct out r = text_of(d, false);
	assert_page_width(r.buf);
	assert_inert(r.buf, false);
	static const char *const parts[] = {
		"BÁO CÁO",
		"Kết quả thực hiện Kế hoạch số 32/KH-UBND ngày 12/3/2024",
		"I. Thông tin chung\n==================",
		"Kế hoạch:", "Số 32/KH-UBND, ngày 12/03/2024",
		"II. Tổng hợp kết quả\n====", "12/19",
		"III. Kết quả thực hiện các tiêu chí, chỉ tiêu\n===", "12.2",
		"IV. Nhiệm vụ theo lĩnh vực", "Lao động\n--------", "Giao thông\n---",
		"V. Xây dựng khu dân cư NTM kiểu mẫu", "Đông Hạ — việc chưa xong:",
		"- Nhà văn hóa thôn đạt chuẩn",
		"VI. Thay đổi trong kỳ", "Ngày 10/07/2024\n---", "Ngày 12/07/2024",
		"VII. Khó khăn, vướng mắc và đề xuất", "- #1 Mở 3 lớp",
		"  - Vướng mắc: Thiếu kinh phí", "  - Đề xuất: Đề nghị huyện",
	};
	assert_in_order(r.buf, parts, (int)(sizeof parts / sizeof *parts));

	/* the 12.2 row: start 80 %, now 85 %, chưa đạt, on its first line */
	char *row = line_with(r.buf, "12.2 ", NULL);
	assert_non_null(row);
	assert_non_null(strstr(row, "≥ 90%"));
	assert_non_null(strstr(row, "80%"));
	assert_non_null(strstr(row, "85%"));
	assert_non_null(strstr(row, "chưa đạt"));
	free(row);
	/* gauges as text */
	assert_non_null(strstr(r.buf, "[██████████░░░░░░] 63%"));
	/* the overdue task: "quá hạn" under its due date, in its column */
	char *next, *due = line_with(r.buf, "30/06/2024", &next);
	assert_non_null(due);
	assert_non_null(strstr(next, "quá hạn"));
	assert_int_equal(text_width_range(due, 0, (size_t)(strstr(due, "30/06") - due)),
			 text_width_range(next, 0, (size_t)(strstr(next, "quá hạn") - next)));
	free(due);
	free(next);
	/* control characters shown as pictures, the long title wrapped */
	assert_non_null(strstr(r.buf, "Tuyên truyền ␁␛[31m<&>"));
	assert_non_null(strstr(r.buf, "- #2 Tuyên truyền ␁␛[31m<&> \"việc làm\" | *mới*"));
	assert_non_null(strstr(r.buf, "Nâng cấp, mở rộng"));
	assert_null(strstr(r.buf, "Nâng cấp, mở rộng đường trục thôn Cự Đình đoạn"));
	free(r.buf);
}

/* Markdown with every list item's wrapped lines joined by one space (a
 * line that starts with spaces then not "- " continues the one above). */
static char *
unwrapped(const char *md)
{
	char *out = strdup(md), *q = out;
	for (const char *p = md; *p; p++) {
		if (*p == '\n' && p[1] == ' ') {
			const char *t = p + 1;
			while (*t == ' ')
				t++;
			if (!(t[0] == '-' && t[1] == ' ')) {
				*q++ = ' ';
				p = t - 1;
				continue;
			}
		}
		*q++ = *p;
	}
	*q = '\0';
	return out;
}

static void
assert_has(const char *s, const char *needle)
{
	if (!strstr(s, needle))
		fail_msg("missing \"%s\"", needle);
}

/* Markdown: the tables as lists, nothing cut (no "…", no pipe table), the
 * plan target, the start value, a task's status and note there; every
 * line within 80 columns, none ending in a lone backslash. */
static void
test_markdown(void **state)
{
	struct fx *x = *state;
	struct ntm_report_doc *d = &x->d;
	/* a word of markup wider than a line: escaped, broken, never
	 * between a backslash and its character */
	char note[200];
	memset(note, '*', 121);
	strcpy(note + 121, " còn lại");
	d->tasks[1].note = note;
	struct out r = text_of(d, true);
	assert_page_width(r.buf);
	assert_inert(r.buf, false);
	static const char *const parts[] = {
		"# BÁO CÁO\n", "## I. Thông tin chung\n", "- **Xã:** Việt Hưng\n",
		"## II. Tổng hợp kết quả\n", "`[██████████░░░░░░] 63%`",
		"## III. Kết quả thực hiện các tiêu chí, chỉ tiêu\n",
		"**12. Lao động** — đạt 1/2: chưa đạt\n", "- `12.1` ",
		"## IV. Nhiệm vụ theo lĩnh vực\n", "### Lao động\n",
		"### Giao thông\n", "## V. Xây dựng khu dân cư NTM kiểu mẫu\n",
		"## VI. Thay đổi trong kỳ\n", "### Ngày 10/07/2024\n",
		"### Ngày 12/07/2024\n", "## VII. Khó khăn, vướng mắc và đề xuất\n",
		"- \\#1 Mở 3 lớp", "  - Vướng mắc: Thiếu kinh phí",
	};
	assert_in_order(r.buf, parts, (int)(sizeof parts / sizeof *parts));
	assert_null(strstr(r.buf, "\u2026"));
	assert_null(strstr(r.buf, "\n|"));
	for (const char *p = strstr(r.buf, "\\\n"); p; p = strstr(p + 1, "\\\n")) {
		int n = 0;
		while (p - n > r.buf && p[-n] == '\\')
			n++;
		if (n % 2)
			fail_msg("a line ends with a lone backslash");
	}

	char *all = unwrapped(r.buf);
	assert_has(all, "- `12.2` Tỷ lệ lao động có việc làm qua đào tạo (%) — "
		   "mức đạt chuẩn ≥ 90%; KH —; đầu kỳ 80%; hiện tại 85% "
		   "(01/07/2024): **chưa đạt**. Nguồn, ghi chú: =1+1\n");
	assert_has(all, "**#2** Tuyên truyền ␁␛\\[31m\\<\\&\\> \"việc làm\" "
		   "\\| \\*mới\\* — chưa bắt đầu; tiến độ 0%; hạn 31/12/2024; "
		   "phụ trách: Đoàn Thanh niên\n");
	assert_has(all, "hạn 30/06/2024 (**quá hạn**)");
	assert_has(all, "- **#3** =cmd\\|' /C calc'!A0 — hoàn thành;");
	assert_has(all, "Nâng cấp, mở rộng đường trục thôn Cự Đình đoạn từ nhà "
		   "văn hóa đến cầu Đình dài 1,2 km — đang thực hiện;");
	assert_has(all, "  - Ghi chú: \\*\\*\\*");
	assert_has(all, "\\* còn lại\n");
	assert_has(all, "- 08:15 — Nguyễn Văn An (root): Ghi giá trị chỉ tiêu 12.2; "
		   "trước: 80%; sau: 85%\n");
	free(all);
	free(r.buf);
}

/* Plain text: a column as wide as its content ("12.KH1" on one line, it
 * wrapped in a 5-wide code column), a task's note under its row. */
static void
test_text_columns(void **state)
{
	struct fx *x = *state;
	struct ntm_report_doc *d = &x->d;
	d->ind[1].code = "12.KH1";
	d->tasks[0].note = "Chờ huyện cấp kinh phí đợt 2 cho lớp thứ ba, dự kiến "
			   "tháng 8";
	struct out r = text_of(d, false);
	assert_page_width(r.buf);
	assert_non_null(strstr(r.buf, "\n12.KH1  Tỷ lệ lao động"));
	char *next = NULL, *row = line_with(r.buf, "  1  Mở 3 lớp", NULL);
	assert_non_null(row);
	free(row);
	row = line_with(r.buf, "     Ghi chú: Chờ huyện cấp kinh phí", &next);
	assert_non_null(row);
	assert_true(strstr(r.buf, "  1  Mở 3 lớp") < strstr(r.buf, "Ghi chú: Chờ"));
	assert_true(strstr(r.buf, "Ghi chú: Chờ") < strstr(r.buf, "  2  Tuyên"));
	assert_non_null(strstr(row, "dự kiến") ? row : strstr(next, "dự kiến"));
	free(row);
	free(next);
	free(r.buf);
}

static void
test_no_issues(void **state)
{
	struct fx *x = *state;
	struct ntm_report_doc *d = &x->d;
	d->tasks[0].issue = d->tasks[0].proposal = NULL;
	d->tasks[1].proposal = "";
	d->nchanges = 0;
	for (int md = 0; md < 2; md++) {
		struct out r = text_of(d, md);
		const char *part = strstr(r.buf, "VII. Khó khăn");
		assert_non_null(part);
		assert_non_null(strstr(part, "Chưa có nhiệm vụ nào ghi khó khăn"));
		assert_null(strstr(part, "#1"));
		assert_null(strstr(part, "Mở 3 lớp"));
		const char *changes = strstr(r.buf, "VI. Thay đổi trong kỳ");
		assert_true(strstr(changes, "Không có.") < part);
		free(r.buf);
	}
}

/* A commune with nothing yet (no plan, no rows): every part still there,
 * saying so. */
static void
test_empty(void **state)
{
	(void)state;
	struct ntm_report_doc d = {0};
	for (int md = 0; md < 2; md++) {
		struct out r = text_of(&d, md);
		assert_non_null(strstr(r.buf, "Kết quả xây dựng nông thôn mới năm"));
		assert_non_null(strstr(r.buf, "chưa có kế hoạch"));
		const char *at = strstr(r.buf, "III. ");
		for (int i = 0; i < 4; i++) {
			assert_non_null(at);
			at = strstr(at, "Không có.");
			assert_non_null(at);
			at++;
		}
		assert_non_null(strstr(r.buf, "Chưa có nhiệm vụ nào ghi khó khăn"));
		free(r.buf);
	}
	struct io_report_opts o = {.format = IO_REPORT_CSV, .table = IO_TABLE_TASKS};
	struct out r = render(&d, &o);
	assert_non_null(strstr(r.buf, "Nhiệm vụ,Phụ trách"));
	assert_int_equal(strcmp(r.buf + r.len - 2, "\r\n"), 0);
	free(r.buf);
}

/* ---- CSV ------------------------------------------------------------------- */

enum { MAXR = 16, MAXC = 16 };
struct grid {
	int nrows;
	int ncols[MAXR];
	char *cell[MAXR][MAXC];
};

/* Strict RFC 4180 read back: every row ends with CRLF, quotes only around
 * a whole field, "" inside them. */
static void
parse_csv(const char *s, char sep, struct grid *g)
{
	memset(g, 0, sizeof *g);
	char buf[4096];
	size_t n = 0;
	int r = 0, c = 0;
	bool quoted = false;
	for (const char *p = s;; p++) {
		assert_true(n < sizeof buf - 1 && r < MAXR && c < MAXC);
		if (quoted) {
			if (!*p)
				fail_msg("a quote left open");
			if (*p == '"' && p[1] == '"')
				buf[n++] = *p++;
			else if (*p == '"')
				quoted = false;
			else
				buf[n++] = *p;
			continue;
		}
		if (*p == '"' && n == 0) {
			quoted = true;
		} else if (*p == sep || *p == '\r') {
			buf[n] = '\0';
			g->cell[r][c++] = strdup(buf);
			n = 0;
			if (*p == '\r') {
				assert_int_equal(*++p, '\n');
				g->ncols[r++] = c;
				c = 0;
				if (!p[1])
					break;
			}
		} else if (!*p || *p == '\n' || *p == '"') {
			fail_msg("byte 0x%02x outside quotes at %td", *p, p - s);
		} else {
			buf[n++] = *p;
		}
	}
	g->nrows = r;
}

static void
grid_free(struct grid *g)
{
	for (int r = 0; r < g->nrows; r++)
		for (int c = 0; c < g->ncols[r]; c++)
			free(g->cell[r][c]);
}

#define BOM "\xef\xbb\xbf"

/* Table t of the fixture as CSV, read back. */
static void
csv_grid(const struct ntm_report_doc *d, enum io_report_table t, char sep,
	 bool bom, struct grid *g)
{
	struct io_report_opts o = {.format = IO_REPORT_CSV, .table = t,
				   .sep = sep, .no_bom = !bom};
	struct out r = render(d, &o);
	assert_int_equal(strncmp(r.buf, BOM, 3) == 0, bom);
	assert_inert(r.buf + (bom ? 3 : 0), true);
	parse_csv(r.buf + (bom ? 3 : 0), sep ? sep : ',', g);
	int n;
	io_report_columns(t, &n);
	assert_int_equal(g->nrows, 1 + io_report_rows(d, t));
	for (int i = 0; i < g->nrows; i++)
		assert_int_equal(g->ncols[i], n);
	free(r.buf);
}

/* Cell (row, key) of a table read back. */
#define assert_csv(g, t, row, key, want) \
	assert_string_equal((g)->cell[row][col(t, key)], want)

static void
test_csv_criteria(void **state)
{
	struct fx *x = *state;
	struct ntm_report_doc *d = &x->d;
	struct grid g;
	enum io_report_table t = IO_TABLE_CRITERIA;
	csv_grid(d, t, 0, true, &g);
	assert_csv(&g, t, 0, "code", "Mã");
	assert_csv(&g, t, 0, "name", "Tên tiêu chí, chỉ tiêu");
	/* 12.2: percents as their number, the date ISO, a formula inert */
	assert_csv(&g, t, 3, "code", "12.2");
	assert_csv(&g, t, 3, "value", "85");
	assert_csv(&g, t, 3, "start_value", "80");
	assert_csv(&g, t, 3, "as_of", "2024-07-01");
	assert_csv(&g, t, 3, "note", "'=1+1");
	assert_csv(&g, t, 3, "status", "chưa đạt");
	assert_csv(&g, t, 2, "value", "96.5");
	assert_csv(&g, t, 5, "value", "đạt");
	assert_csv(&g, t, 1, "criterion", "12");
	grid_free(&g);

	/* Excel with Vietnamese regional settings: ';' and a decimal comma */
	csv_grid(d, t, ';', false, &g);
	assert_csv(&g, t, 0, "code", "Mã");
	assert_csv(&g, t, 2, "value", "96,5");
	assert_csv(&g, t, 3, "value", "85");
	grid_free(&g);

	/* a huge number whole (it was cut at 63 bytes) */
	char whole[400];
	snprintf(whole, sizeof whole, "%.0f", 1e300);
	d->ind[3].has_value = true;
	d->ind[3].value = 1e300;
	csv_grid(d, t, 0, true, &g);
	assert_int_equal(strlen(whole), 301);
	assert_csv(&g, t, 7, "value", whole);
	grid_free(&g);
}

static void
test_csv_tasks(void **state)
{
	struct fx *x = *state;
	struct ntm_report_doc *d = &x->d;
	struct grid g;
	enum io_report_table t = IO_TABLE_TASKS;
	csv_grid(d, t, ';', true, &g);
	/* a field with the separator, a newline and quotes, read back whole */
	assert_csv(&g, t, 1, "issue", ISSUE_12);
	assert_csv(&g, t, 1, "due", "2024-06-30");
	assert_csv(&g, t, 1, "progress", "60");
	assert_csv(&g, t, 1, "overdue", "quá hạn");
	assert_csv(&g, t, 1, "sector", "Lao động");
	/* control characters as pictures, a formula neutralised */
	char *safe = text_cell_safe(NASTY_TITLE);
	assert_csv(&g, t, 2, "title", safe);
	assert_non_null(strstr(safe, "␁␛[31m<&> \"việc làm\""));
	free(safe);
	assert_csv(&g, t, 3, "title", "'=cmd|' /C calc'!A0");
	assert_csv(&g, t, 3, "progress", "100");
	grid_free(&g);

	csv_grid(d, IO_TABLE_VILLAGES, 0, true, &g);
	assert_csv(&g, IO_TABLE_VILLAGES, 1, "share", "100");
	assert_csv(&g, IO_TABLE_VILLAGES, 2, "share", "70");
	assert_csv(&g, IO_TABLE_VILLAGES, 2, "items_done", "7");
	grid_free(&g);
	csv_grid(d, IO_TABLE_CHANGES, 0, false, &g);
	assert_csv(&g, IO_TABLE_CHANGES, 3, "date", "2024-07-12");
	grid_free(&g);
}

/* Existing callers keep ',' and the new separator quotes what it must. */
static void
test_csv_field_sep(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	io_csv_field_sep(f, "a;b", ';', false);
	io_csv_field_sep(f, "a,b", ';', false);
	io_csv_field_sep(f, "x\r", ';', false);
	io_csv_field(f, "a,b", true);
	fclose(f);
	assert_string_equal(buf, "\"a;b\";a,b;x␍;\"a,b\"\r\n");
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_table_cells, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_text, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_markdown, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_text_columns, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_no_issues, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_csv_criteria, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_csv_tasks, fx_setup, fx_teardown),
		cmocka_unit_test(test_csv_field_sep),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests_name("reporttext", tests, NULL, NULL);
}
