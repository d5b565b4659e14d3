/* Unit tests of the guards of src/io/sheetxlsx.c and sheetcsv.c against
 * hostile files: small workbooks built here with libzip that unpack to
 * too much (one budget for the whole workbook), name too many sheets,
 * relationships or shared strings, point two sheets at one part, or
 * spread too many cells over their sheets; the 1904 date system; the
 * whole-file read that never holds more than its limit and one byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include "io/sheet.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "unit/tmpdir.h"

/* A part's bytes made as they are read: head, unit count times, tail. */
struct part {
	const char *name, *head, *unit, *tail;
	size_t count;
	size_t at;                   /* bytes given so far */
};

static size_t
part_size(const struct part *p)
{
	return strlen(p->head) + p->count * strlen(p->unit) + strlen(p->tail);
}

static zip_int64_t
part_read(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct part *p = ud;
	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		p->at = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		char *out = data;
		size_t h = strlen(p->head), u = strlen(p->unit);
		size_t total = part_size(p), n = 0;
		for (; n < len && p->at < total; n++, p->at++) {
			size_t i = p->at;
			out[n] = i < h ? p->head[i]
				: i < h + p->count * u ? p->unit[(i - h) % u]
				: p->tail[i - h - p->count * u];
		}
		return (zip_int64_t)n;
	}
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		zip_stat_init(st);
		st->size = part_size(p);
		st->valid |= ZIP_STAT_SIZE;
		return sizeof *st;
	}
	case ZIP_SOURCE_ERROR:
		return 2 * sizeof(int);
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
			ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
			ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		return -1;
	}
}

/* dir/name, a zip of the parts (the list ends with a NULL name); the
 * path in a static buffer. */
static const char *
book(const char *name, struct part *parts)
{
	static char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	int err = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (struct part *p = parts; p->name; p++) {
		if (!p->unit)
			p->unit = "";
		if (!p->tail)
			p->tail = "";
		zip_source_t *src = zip_source_function(z, part_read, p);
		assert_non_null(src);
		zip_int64_t i = zip_file_add(z, p->name, src, 0);
		assert_true(i >= 0);
		assert_int_equal(zip_set_file_compression(z, (zip_uint64_t)i,
							  ZIP_CM_DEFLATE, 1), 0);
	}
	assert_int_equal(zip_close(z), 0);
	return path;
}

#define WB_HEAD "<workbook xmlns:r=\"http://schemas.openxmlformats.org/" \
	"officeDocument/2006/relationships\">"
#define RELS_HEAD "<Relationships>"
#define REL(id, target) "<Relationship Id=\"" id "\" Type=\"http://" \
	"schemas.openxmlformats.org/officeDocument/2006/relationships/" \
	"worksheet\" Target=\"" target "\"/>"
#define SHEET(name, id) "<sheet name=\"" name "\" sheetId=\"1\" r:id=\"" id "\"/>"
/* the parts of a workbook of one sheet, "Một" (pr: what goes before
 * <sheets>), in xl/worksheets/sheet1.xml; the workbook of two, "Một" and
 * "Hai" (rId1, rId2) */
#define WB1(pr) {.name = "xl/workbook.xml", .head = WB_HEAD pr "<sheets>" \
	SHEET("Một", "rId1") "</sheets></workbook>"}
#define WB2 {.name = "xl/workbook.xml", .head = WB_HEAD "<sheets>" \
	SHEET("Một", "rId1") SHEET("Hai", "rId2") "</sheets></workbook>"}
#define RELS1 {.name = "xl/_rels/workbook.xml.rels", .head = RELS_HEAD \
	REL("rId1", "worksheets/sheet1.xml") "</Relationships>"}

/* Reads path (only the sheet so named when not NULL), which must work;
 * the sheets in a. */
static struct io_sheet *
read_ok(const char *path, const char *sheet, struct arena *a, int *n)
{
	struct io_sheet *s = NULL;
	struct ntm_error e = {0};
	if (io_sheet_read_xlsx(path, sheet, NULL, a, &s, n, &e) != NTM_OK)
		fail_msg("%s", e.msg);
	return s;
}

/* Reads path, which must be refused with a message holding want. */
static void
refused(const char *path, const char *want)
{
	struct arena a = {0};
	struct io_sheet *s;
	int n = 0;
	struct ntm_error e = {0};
	assert_int_equal(io_sheet_read_xlsx(path, NULL, NULL, &a, &s, &n, &e), NTM_FAIL);
	if (!strstr(e.msg, want))
		fail_msg("“%s” should hold “%s”", e.msg, want);
	assert_int_equal(n, 0);
	arena_free(&a);
}

static void
test_too_many_sheets_rels_strings(void **state)
{
	(void)state;
	struct part sheets[] = {
		{.name = "xl/workbook.xml", .head = WB_HEAD "<sheets>",
		 .unit = SHEET("x", "rId1"), .count = SHEET_BOOK_SHEETS + 1,
		 .tail = "</sheets></workbook>"},
		RELS1,
		{.name = "xl/worksheets/sheet1.xml", .head = "<worksheet/>"},
		{0},
	};
	refused(book("sheets.xlsx", sheets), "có hơn 1000 trang tính");

	struct part rels[] = {
		WB1(""),
		{.name = "xl/_rels/workbook.xml.rels", .head = RELS_HEAD,
		 .unit = REL("rId1", "worksheets/sheet1.xml"),
		 .count = SHEET_BOOK_RELS + 1, .tail = "</Relationships>"},
		{.name = "xl/worksheets/sheet1.xml", .head = "<worksheet/>"},
		{0},
	};
	refused(book("rels.xlsx", rels), "có hơn 1000 quan hệ");

	/* 5 MB of <si/> in a zip of a few kilobytes */
	struct part strings[] = {
		WB1(""),
		RELS1,
		{.name = "xl/sharedStrings.xml", .head = "<sst>", .unit = "<si/>",
		 .count = SHEET_MAX_CELLS + 1, .tail = "</sst>"},
		{.name = "xl/worksheets/sheet1.xml", .head = "<worksheet/>"},
		{0},
	};
	refused(book("strings.xlsx", strings), "có hơn 1000000 chuỗi dùng chung");
	/* exactly the limit is read */
	strings[2].count = SHEET_MAX_CELLS;
	struct arena a = {0};
	int n = 0;
	read_ok(book("strings.xlsx", strings), NULL, &a, &n);
	assert_int_equal(n, 1);
	arena_free(&a);
}

/* Two sheets naming one part (also through a name in other case): it
 * would be unpacked and read once per sheet. */
static void
test_same_part_twice(void **state)
{
	(void)state;
	struct part p[] = {
		WB2, {.name = "xl/_rels/workbook.xml.rels", .head = RELS_HEAD
		      REL("rId1", "worksheets/sheet1.xml")
		      REL("rId2", "/xl/Worksheets/SHEET1.xml") "</Relationships>"},
		{.name = "xl/worksheets/sheet1.xml", .head = "<worksheet/>"},
		{0},
	};
	refused(book("twice.xlsx", p), "trang “Một” và trang “Hai” cùng trỏ đến "
		"phần xl/Worksheets/SHEET1.xml");
}

/* One budget for the workbook: two parts of 140 MB each are each less
 * than it, together more. */
static void
test_unpacked_budget(void **state)
{
	(void)state;
	size_t fill = (size_t)140 << 20;
	struct part p[] = {
		WB2, {.name = "xl/_rels/workbook.xml.rels", .head = RELS_HEAD
		      REL("rId1", "worksheets/sheet1.xml")
		      REL("rId2", "worksheets/sheet2.xml") "</Relationships>"},
		{.name = "xl/worksheets/sheet1.xml", .head = "<worksheet>",
		 .unit = " ", .count = fill, .tail = "</worksheet>"},
		{.name = "xl/worksheets/sheet2.xml", .head = "<worksheet>",
		 .unit = " ", .count = fill, .tail = "</worksheet>"},
		{0},
	};
	refused(book("big.xlsx", p),
		"giải nén ra hơn 256 MB (đến phần xl/worksheets/sheet2.xml)");
}

/* Every sheet's grid within its limit, all of them together not. */
static void
test_cells_of_all_sheets(void **state)
{
	(void)state;
	/* 10 columns × 100 000 rows: SHEET_MAX_CELLS in each sheet */
	const char *ws = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
			 "<is><t>x</t></is></c></row><row r=\"100000\"><c r=\"J100000\">"
			 "<v>1</v></c></row></sheetData></worksheet>";
	struct part p[] = {
		{.name = "xl/workbook.xml",
		 .head = WB_HEAD "<sheets>" SHEET("A", "rId1") SHEET("B", "rId2")
			 SHEET("C", "rId3") "</sheets></workbook>"},
		{.name = "xl/_rels/workbook.xml.rels",
		 .head = RELS_HEAD REL("rId1", "worksheets/a.xml")
			 REL("rId2", "worksheets/b.xml") REL("rId3", "worksheets/c.xml")
			 "</Relationships>"},
		{.name = "xl/worksheets/a.xml", .head = ws},
		{.name = "xl/worksheets/b.xml", .head = ws},
		{.name = "xl/worksheets/c.xml", .head = ws},
		{0},
	};
	const char *path = book("cells.xlsx", p);
	refused(path, "quá nhiều ô trong các trang tính cộng lại (hơn 2000000)");
	/* one of them alone is read */
	struct arena a = {0};
	int n = 0;
	struct io_sheet *s = read_ok(path, "B", &a, &n);
	assert_int_equal(s[0].nrows * s[0].ncols, SHEET_MAX_CELLS);
	arena_free(&a);
}

/* workbookPr@date1904: serial 0 is 1904-01-01, 43830 is 2024-01-01. */
static void
test_date1904(void **state)
{
	(void)state;
	struct part p[] = {
		WB1("<workbookPr date1904=\"1\"/>"),
		RELS1,
		{.name = "xl/worksheets/sheet1.xml",
		 .head = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>0</v></c>"
			 "<c r=\"B1\"><v>43830.5</v></c><c r=\"C1\"><v>-1</v></c>"
			 "</row></sheetData></worksheet>"},
		{0},
	};
	struct arena a = {0};
	int n = 0;
	struct io_sheet *s = read_ok(book("mac.xlsx", p), NULL, &a, &n);
	assert_true(s[0].date1904);
	assert_string_equal(io_sheet_date(&s[0], 0, 0, &a), "1904-01-01");
	assert_string_equal(io_sheet_date(&s[0], 0, 1, &a), "2024-01-01");
	assert_string_equal(io_sheet_date(&s[0], 0, 2, &a), "-1");

	/* the same workbook in the 1900 system */
	p[0].head = WB_HEAD "<workbookPr date1904=\"false\"/><sheets>"
		    SHEET("Một", "rId1") "</sheets></workbook>";
	s = read_ok(book("pc.xlsx", p), NULL, &a, &n);
	assert_false(s[0].date1904);
	assert_string_equal(io_sheet_date(&s[0], 0, 1, &a), "2019-12-31");
	arena_free(&a);
}

/* Reads path in a child whose address space is limited to what it uses
 * now and 96 MB more; the child's exit: 0 when too big was said, 1 when
 * read, 2 when another refusal (out of memory). */
static int
read_limited(const char *path)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		long pages = 0;
		FILE *f = fopen("/proc/self/statm", "r");
		if (!f || fscanf(f, "%ld", &pages) != 1)
			_exit(3);
		fclose(f);
		rlim_t now = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE);
		struct rlimit rl = {now + ((rlim_t)96 << 20), now + ((rlim_t)96 << 20)};
		if (setrlimit(RLIMIT_AS, &rl) != 0)
			_exit(3);
		size_t len = 0;
		struct ntm_error e = {0};
		char *buf = sheet_read_all(path, &len, &e);
		if (buf)
			_exit(len == (size_t)SHEET_MAX_MB << 20 ? 1 : 4);
		_exit(strstr(e.msg, "quá lớn (hơn 64 MB)") ? 0 : 2);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

/* A file of the limit is read, one byte more refused, and the buffer
 * never grows to twice the limit (the address space would not hold it). */
static void
test_read_all_limit(void **state)
{
	(void)state;
#if defined(__SANITIZE_ADDRESS__)
	skip();      /* the sanitiser reserves terabytes of address space */
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
	skip();
#endif
#endif
	char path[128];
	snprintf(path, sizeof path, "%s/big.csv", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(ftruncate(fileno(f), (off_t)SHEET_MAX_MB << 20), 0);
	fclose(f);
	assert_int_equal(read_limited(path), 1);
	f = fopen(path, "ab");
	assert_non_null(f);
	fputc('x', f);
	fclose(f);
	assert_int_equal(read_limited(path), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_too_many_sheets_rels_strings),
		cmocka_unit_test(test_same_part_twice),
		cmocka_unit_test(test_unpacked_budget),
		cmocka_unit_test(test_cells_of_all_sheets),
		cmocka_unit_test(test_date1904),
		cmocka_unit_test(test_read_all_limit),
	};
	return cmocka_run_group_tests_name("sheetbook", tests, make_dir,
					   remove_dir);
}
