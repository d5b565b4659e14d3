/* Unit tests of the DOCX report (src/io/reportdocx.c, docxxml.c): every
 * part of the package is well-formed XML (expat) whatever the database
 * strings hold, python-docx reads the administrative layout back
 * (tests/data/read_docx.py), and the escaping, capitals and date line
 * on their own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include "io/docx.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"

#define READ_DOCX "tests/data/read_docx.py"
#define BAD_TITLE "Lắp đèn \x01\x1b[31m<&> \"khu\" trung tâm"

static const char *MISSING[] = {"Nhà văn hóa", "Đèn đường"};

/* A realistic report of Việt Hưng, by hand (the loader is not used). */
static void
report_fixture(struct arena *a, struct ntm_report_doc *d)
{
	*d = (struct ntm_report_doc){0};
	d->head = (struct ntm_report_head){
		.commune = "Việt Hưng", .plan_number = "32/KH-UBND",
		.plan_title = "Kế hoạch xây dựng NTM năm 2024",
		.plan_issued_on = "2024-03-12", .plan_signer = "Lê Văn Cường",
		.plan_year = 2024, .as_of = "2024-07-15", .since = "2024-01-01",
		.written_on = "2024-07-15", .author = "Nguyễn Văn An",
	};
	d->sum = (struct ntm_report_summary){
		.criteria = {1, 19}, .indicators = {2, 4}, .tasks_total = 4,
		.tasks_done = 1, .tasks_doing = 2, .tasks_waiting = 1,
		.tasks_overdue = 1, .villages = {1, 2}, .items = {8, 10},
		.progress = 5,
	};
	d->ncrit = 3;
	d->crit = arena_alloc(a, 3 * sizeof *d->crit);
	d->crit[0] = (struct ntm_report_criterion){2, "Giao thông", NULL,
		NTM_STATUS_DAT, {1, 1}, 0, 1};
	d->crit[1] = (struct ntm_report_criterion){12, "Lao động", NULL,
		NTM_STATUS_CHUA_DAT, {1, 2}, 1, 2};
	d->crit[2] = (struct ntm_report_criterion){19, "Quốc phòng và An ninh",
		NULL, NTM_STATUS_CHUA_CO_CHI_TIEU, {0, 1}, 3, 1};
	d->nind = 4;
	d->ind = arena_alloc(a, 4 * sizeof *d->ind);
	d->ind[0] = (struct ntm_report_indicator){.code = "2.1",
		.name = "Tỷ lệ đường xã được nhựa hóa", .kind = NTM_KIND_PERCENT,
		.national = {true, NTM_CMP_GE, 100}, .has_value = true,
		.value = 100, .value_on = "2024-05-02", .status = NTM_STATUS_DAT};
	d->ind[1] = (struct ntm_report_indicator){.code = "12.2",
		.name = "Tỷ lệ lao động qua đào tạo", .kind = NTM_KIND_PERCENT,
		.national = {true, NTM_CMP_GE, 90}, .has_start = true,
		.start = 80, .start_on = "2024-01-01", .has_value = true,
		.value = 85, .value_on = "2024-07-10", .note = "Phòng LĐ",
		.status = NTM_STATUS_CHUA_DAT};
	d->ind[2] = (struct ntm_report_indicator){.code = "12.3",
		.name = "Có tổ chức đào tạo nghề", .kind = NTM_KIND_BOOL,
		.national = {true, NTM_CMP_EQ, 1}, .has_value = true, .value = 1,
		.value_on = "2024-06-01", .status = NTM_STATUS_DAT};
	d->ind[3] = (struct ntm_report_indicator){.code = "19.1",
		.name = "Xây dựng lực lượng dân quân", .kind = NTM_KIND_NUMBER,
		.status = NTM_STATUS_CHUA_CO_CHI_TIEU};
	d->nsectors = 2;
	d->sectors = arena_alloc(a, 2 * sizeof *d->sectors);
	d->sectors[0] = (struct ntm_report_sector){"GT", "Giao thông", "GT",
		{1, 2}, 80, 0, 2};
	d->sectors[1] = (struct ntm_report_sector){"VH", "Văn hóa", "VH",
		{0, 2}, 15, 2, 2};
	d->ntasks = 4;
	d->tasks = arena_alloc(a, 4 * sizeof *d->tasks);
	d->tasks[0] = (struct ntm_report_task){.number = 1,
		.title = "Nhựa hóa đường trục thôn Cự Đình",
		.responsible = "Nguyễn Văn An", .due = "2024-06-30",
		.status = NTM_TASK_DANG_THUC_HIEN, .progress = 60, .overdue = true,
		.note = "Chờ vốn đợt 2"};
	d->tasks[1] = (struct ntm_report_task){.number = 2, .title = BAD_TITLE,
		.responsible = "Phạm Thu", .due = "2024-05-01",
		.status = NTM_TASK_HOAN_THANH, .progress = 100};
	d->tasks[2] = (struct ntm_report_task){.number = 3,
		.title = "Xây nhà văn hóa thôn Đông", .responsible = "Trần Bình",
		.due = "2024-09-30", .status = NTM_TASK_DANG_THUC_HIEN,
		.progress = 30, .issue = "Thiếu kinh phí đối ứng",
		.proposal = "Đề nghị huyện hỗ trợ 500 triệu đồng"};
	d->tasks[3] = (struct ntm_report_task){.number = 4,
		.title = "=cmd|' /C calc'!A0", .status = NTM_TASK_CHUA_BAT_DAU};
	d->nvillages = 2;
	d->villages = arena_alloc(a, 2 * sizeof *d->villages);
	d->villages[0] = (struct ntm_report_village){"Cự Đình", {5, 5}, NULL, 0};
	d->villages[1] = (struct ntm_report_village){"Đông", {3, 5}, MISSING, 2};
	d->nchanges = 3;
	d->changes = arena_alloc(a, 3 * sizeof *d->changes);
	d->changes[0] = (struct ntm_report_change){"2024-07-10", "09:15",
		"Nguyễn Văn An", "ghi giá trị 12.2", "80%", "85%"};
	d->changes[1] = (struct ntm_report_change){"2024-07-10", "10:00",
		"Nguyễn Văn An", "sửa nhiệm vụ #1", "40%", "60%"};
	d->changes[2] = (struct ntm_report_change){"2024-07-12", "14:30",
		"Trần Bình (root)", "đánh dấu xong", NULL, "Cự Đình: Đèn đường"};
}

struct tmp {
	char dir[64], path[128];
};

/* Writes d as DOCX through io_report_write into a temporary folder. */
static void
write_docx(const struct ntm_report_doc *d, struct tmp *t)
{
	snprintf(t->dir, sizeof t->dir, "/tmp/ntm-docx-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/bao-cao.docx", t->dir);
	struct io_report_opts o = {.format = IO_REPORT_DOCX};
	struct ntm_error e = {0};
	int rc = io_report_write(d, &o, t->path, &e);
	if (rc != NTM_OK)
		fprintf(stderr, "write: %s\n", e.msg);
	assert_int_equal(rc, NTM_OK);
}

/* The fixture written as DOCX. */
static void
write_fixture(struct tmp *t)
{
	struct arena a = {0};
	struct ntm_report_doc d;
	report_fixture(&a, &d);
	write_docx(&d, t);
	arena_free(&a);
}

static void
remove_tmp(struct tmp *t)
{
	unlink(t->path);
	rmdir(t->dir);
}

/* Part `name` of the archive, NUL-terminated (free it), or NULL. */
static char *
read_part(zip_t *z, zip_int64_t i, size_t *len)
{
	zip_stat_t st;
	assert_int_equal(zip_stat_index(z, (zip_uint64_t)i, 0, &st), 0);
	char *buf = calloc(1, st.size + 1);
	zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
	assert_non_null(f);
	assert_int_equal(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	*len = st.size;
	return buf;
}

static void
assert_well_formed(const char *name, const char *xml, size_t len)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	enum XML_Status s = XML_Parse(p, xml, (int)len, 1);
	if (s != XML_STATUS_OK)
		fprintf(stderr, "%s: line %lu: %s\n", name,
			(unsigned long)XML_GetCurrentLineNumber(p),
			XML_ErrorString(XML_GetErrorCode(p)));
	XML_ParserFree(p);
	assert_int_equal(s, XML_STATUS_OK);
}

/* Every part parsed by expat; [Content_Types].xml first; word/document.xml
 * returned (free it). */
static char *
check_package(const char *path)
{
	static const char *const want[] = {"[Content_Types].xml", "_rels/.rels",
		"word/document.xml", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/settings.xml", "word/header1.xml",
		"word/header2.xml", "docProps/core.xml", "docProps/app.xml"};
	int err = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	assert_non_null(z);
	zip_int64_t n = zip_get_num_entries(z, 0);
	assert_int_equal(n, sizeof want / sizeof *want);
	assert_string_equal(zip_get_name(z, 0, 0), "[Content_Types].xml");
	char *document = NULL;
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		assert_string_equal(name, want[i]);
		size_t len;
		char *xml = read_part(z, i, &len);
		assert_well_formed(name, xml, len);
		if (strcmp(name, "word/document.xml") == 0)
			document = xml;
		else
			free(xml);
	}
	zip_close(z);
	assert_non_null(document);
	return document;
}

static void
test_docx_package(void **state)
{
	(void)state;
	struct tmp t;
	write_fixture(&t);
	char *doc = check_package(t.path);
	/* the control characters are gone, the rest of the title is there */
	assert_null(strchr(doc, '\x01'));
	assert_null(strchr(doc, '\x1b'));
	assert_non_null(strstr(doc, "Lắp đèn [31m&lt;&amp;&gt; &quot;khu&quot; trung tâm"));
	assert_non_null(strstr(doc, "<w:tblHeader/>"));
	/* the criteria table, eight columns, in the 11 pt table style */
	assert_non_null(strstr(doc, "<w:pStyle w:val=\"TableSmall\"/>"));
	assert_non_null(strstr(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
	assert_non_null(strstr(doc, "Việt Hưng, ngày 15 tháng 7 năm 2024"));
	assert_non_null(strstr(doc, "UBND XÃ VIỆT HƯNG"));
	/* part III: the overdue task first, the finished one not at all */
	const char *late = strstr(doc, "III. PHƯƠNG HƯỚNG");
	assert_non_null(late);
	const char *t1 = strstr(late, "Nhựa hóa đường"), *t3 = strstr(late, "Xây nhà văn hóa");
	assert_non_null(t1);
	assert_non_null(t3);
	assert_true(t1 < t3);
	assert_null(strstr(strstr(late, "IV. ĐỀ XUẤT"), "Lắp đèn"));
	free(doc);
	remove_tmp(&t);
}

/* An empty report (no plan, no rows, every string NULL) is still a valid
 * document, with the subject that needs no plan. */
static void
test_docx_empty(void **state)
{
	(void)state;
	struct ntm_report_doc d = {0};
	struct tmp t;
	d.head.as_of = "2024-07-15";
	write_docx(&d, &t);
	char *doc = check_package(t.path);
	assert_non_null(strstr(doc, "Kết quả xây dựng nông thôn mới năm 2024"));
	assert_non_null(strstr(doc, "Không có vướng mắc nào được ghi nhận."));
	assert_non_null(strstr(doc, "ngày      tháng      năm 20"));
	free(doc);
	remove_tmp(&t);
}

/* Many changes: the first 200 listed, the rest counted (with those the
 * loader left out); a long note is written whole. */
static void
test_docx_many_changes(void **state)
{
	(void)state;
	struct arena a = {0};
	struct ntm_report_doc d;
	struct tmp t;
	report_fixture(&a, &d);
	d.nchanges = 250;
	d.changes_left_out = 10;
	d.changes = arena_alloc(&a, 250 * sizeof *d.changes);
	for (int i = 0; i < 250; i++)
		d.changes[i] = (struct ntm_report_change){"2024-07-10", "08:00",
			"An", "thay đổi", "1", "2"};
	char *note = arena_alloc(&a, 6002);
	memset(note, 'x', 6000);
	note[6000] = 'Z';
	d.tasks[2].issue = note;
	write_docx(&d, &t);
	char *doc = check_package(t.path);
	int listed = 0;
	for (const char *p = doc; (p = strstr(p, "08:00, An: thay đổi (1 → 2)")); p++)
		listed++;
	assert_int_equal(listed, 200);
	assert_non_null(strstr(doc, "Còn 60 thay đổi khác trong kỳ"));
	assert_non_null(strstr(doc, "xxxxZ"));
	free(doc);
	remove_tmp(&t);
	arena_free(&a);
}

/* What python-docx reads: the output of tests/data/read_docx.py, or NULL
 * when python-docx is missing. */
static char *
python_read(const char *path)
{
	char cmd[512], line[4096];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s '%s'", READ_DOCX, path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t cap = 1 << 16, len = 0;
	char *out = calloc(1, cap);
	while (fgets(line, sizeof line, p)) {
		size_t n = strlen(line);
		if (len + n + 1 > cap)
			out = realloc(out, cap *= 2);
		memcpy(out + len, line, n + 1);
		len += n;
	}
	int st = pclose(p);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 3) {
		free(out);
		return NULL;
	}
	if (st != 0)
		fprintf(stderr, "%s", out);
	assert_int_equal(st, 0);
	return out;
}

static void
assert_has(const char *out, const char *want)
{
	if (!strstr(out, want))
		fprintf(stderr, "missing: %s\n", want);
	assert_non_null(strstr(out, want));
}

static void
test_docx_python(void **state)
{
	(void)state;
	struct tmp t;
	write_fixture(&t);
	char *out = python_read(t.path);
	remove_tmp(&t);
	if (!out)
		skip();
	assert_has(out, "PAGE: 210.0 x 297.0\n");
	assert_has(out, "MARGINS: top 20.0 bottom 20.0 left 30.0 right 15.0\n");
	assert_has(out, "TITLEPG: True\n");
	assert_has(out, "C: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	assert_has(out, "Độc lập - Tự do - Hạnh phúc");
	assert_has(out, "C: Việt Hưng, ngày 15 tháng 7 năm 2024\n");
	assert_has(out, "C: UBND XÃ VIỆT HƯNG");
	assert_has(out, "C: Số:        /BC-UBND\n");
	assert_has(out, "P: BÁO CÁO\n");
	assert_has(out, "P: Kết quả thực hiện Kế hoạch số 32/KH-UBND ngày 12/3/2024"
		   " về xây dựng nông thôn mới năm 2024\n");
	assert_has(out, "P: (Số liệu tính đến ngày 15/07/2024)\n");
	assert_has(out, "H: Heading 1: I. KẾT QUẢ THỰC HIỆN\n");
	assert_has(out, "H: Heading 1: II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN\n");
	assert_has(out, "H: Heading 1: IV. ĐỀ XUẤT, KIẾN NGHỊ\n");
	/* a row per criterion (bold group rows), its indicators under it */
	assert_has(out, "ROW: 2 | Giao thông | ");
	assert_has(out, "ROW: 12 | Lao động | ");
	assert_has(out, "ROW: 19 | Quốc phòng và An ninh | ");
	/* with its unit and start value (11 pt to fit A4 portrait) */
	assert_has(out, "ROW: Mã | Tên tiêu chí, chỉ tiêu | Đơn vị | Mức đạt chuẩn"
		   " | Chỉ tiêu kế hoạch | Đầu kỳ | Hiện tại | Đánh giá\n");
	assert_has(out, "ROW: 12.2 | Tỷ lệ lao động qua đào tạo | % | ≥ 90% |  | 80%"
		   " | 85% | chưa đạt\n");
	assert_has(out, "TABLE: Table Grid\n");
	/* tasks by sector; the overdue one marked */
	assert_has(out, "ROW: 1 | Nhựa hóa đường trục thôn Cự Đình\\nGhi chú: Chờ vốn"
		   " đợt 2 | Nguyễn Văn An"
		   " | đang thực hiện | 60% | 30/06/2024\\n(quá hạn)\n");
	assert_has(out, "C: Lắp đèn [31m<&> \"khu\" trung tâm\n");
	assert_has(out, "C: =cmd|' /C calc'!A0\n");
	assert_has(out, "ROW: Đông | 3 | 5 | chưa | Nhà văn hóa; Đèn đường\n");
	/* changes grouped by day */
	assert_has(out, "P: Ngày 10/07/2024:\nP: - 09:15, Nguyễn Văn An: ghi giá trị 12.2"
		   " (80% → 85%)\nP: - 10:00,");
	assert_has(out, "P: Ngày 12/07/2024:\nP: - 14:30, Trần Bình (root): đánh dấu xong: Cự Đình: Đèn đường\n");
	assert_has(out, "P: - Xây nhà văn hóa thôn Đông: Thiếu kinh phí đối ứng\n");
	assert_has(out, "P: - Xây nhà văn hóa thôn Đông: Đề nghị huyện hỗ trợ 500 triệu đồng\n");
	assert_has(out, "C: Nơi nhận:\\n- Thường trực Đảng ủy xã;\\n");
	assert_has(out, "\\n- Lưu: VT.\n");
	assert_has(out, "TM. ỦY BAN NHÂN DÂN");
	assert_has(out, "Lê Văn Cường");
	assert_has(out, "CREATOR: Nguyễn Văn An\n");
	free(out);
}

static void
assert_date_line(const char *iso, const char *want)
{
	char buf[128];
	docx_date_line("Việt Hưng", iso, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void
test_docx_date_line(void **state)
{
	(void)state;
	assert_date_line("2024-02-05", "Việt Hưng, ngày 05 tháng 02 năm 2024");
	assert_date_line("2024-07-15", "Việt Hưng, ngày 15 tháng 7 năm 2024");
	assert_date_line("2025-01-31", "Việt Hưng, ngày 31 tháng 01 năm 2025");
	assert_date_line("2024-12-09", "Việt Hưng, ngày 09 tháng 12 năm 2024");
	assert_date_line("2024-03-01", "Việt Hưng, ngày 01 tháng 3 năm 2024");
	assert_date_line("hôm nay", "Việt Hưng, ngày      tháng      năm 20     ");
	assert_date_line(NULL, "Việt Hưng, ngày      tháng      năm 20     ");
}

static char *
escaped(const char *s, bool runs)
{
	struct xb b = {0};
	xb_text(&b, s, runs);
	xb_raw(&b, "");
	return xb_take(&b, NULL);
}

static void
assert_escaped(const char *s, bool runs, const char *want)
{
	char *got = escaped(s, runs);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_docx_escape(void **state)
{
	(void)state;
	assert_escaped("a & b < c > d \"e\" 'f'", false,
		       "a &amp; b &lt; c &gt; d &quot;e&quot; 'f'");
	/* controls dropped (CR too), tab and newline kept */
	assert_escaped("x\x01\x08\x0b\x0c\x1b[0m\x7f\r\ny\tz", false, "x[0m\ny\tz");
	/* C1 controls and non-characters dropped, bidi controls and invalid
	 * UTF-8 shown as U+FFFD */
	assert_escaped("a\xc2\x9b" "b\xef\xbf\xbe" "c\xef\xbf\xbf" "d", false, "abcd");
	assert_escaped("\xe2\x80\xaeZ\xff\xed\xa0\x80", false,
		       "\xef\xbf\xbdZ\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	assert_escaped("Cự Đình ≥ 90%", false, "Cự Đình ≥ 90%");
	/* in a run, a newline is a line break and a tab a tab */
	assert_escaped("1\n2\t3", true,
		       "1</w:t><w:br/><w:t xml:space=\"preserve\">2</w:t>"
		       "<w:tab/><w:t xml:space=\"preserve\">3");
	assert_escaped(NULL, false, "");
}

static void
assert_upper(const char *in, const char *want)
{
	char *s = docx_upper(in);
	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static void
test_docx_upper(void **state)
{
	(void)state;
	assert_upper("Việt Hưng đồng ý", "VIỆT HƯNG ĐỒNG Ý");
	assert_upper("x\xff", "X\xef\xbf\xbd");
	assert_upper(NULL, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docx_package),
		cmocka_unit_test(test_docx_empty),
		cmocka_unit_test(test_docx_many_changes),
		cmocka_unit_test(test_docx_python),
		cmocka_unit_test(test_docx_date_line),
		cmocka_unit_test(test_docx_escape),
		cmocka_unit_test(test_docx_upper),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
