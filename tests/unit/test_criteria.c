/* Unit tests of criteria sets as data: the criteria text reader (every
 * refusal with its line), a set imported and a plan following it, and the
 * national target entered with its source (set, clear, undo, conflict). */
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

#include "ntm/criteriadoc.h"
#include "ntm/io.h"
#include "ntm/store.h"

#include "unit/fixture.h"

/* A small set: three criteria, three indicators; ASCII keys on some. */
static const char SET[] =
	"\xEF\xBB\xBF# a comment\r\n"
	"[Bộ tiêu chí]\n"
	"Mã: ntm_2026\n"
	"Tên: Bộ tiêu chí thử\n"
	"Căn cứ: QĐ thử 1\n"
	"\n"
	"[Tiêu chí]\n"
	"Số: 1\n"
	"Tên: Quy hoạch\n"
	"Lĩnh vực: Quy hoạch\n"
	"\n"
	"Số: 2\n"
	"Tên: Giao thông\n"
	"Nhóm: II. Hạ tầng\n"
	"Lĩnh vực: giao_thong\n"
	"\n"
	"So: 3\n"
	"Ten: Lao động\n"
	"Linh vuc: lao dong\n"
	"\n"
	"[Chỉ tiêu]\n"
	"Mã: 1.1\n"
	"Tên: Có quy hoạch\n"
	"Loại: đạt\n"
	"\n"
	"Mã: 2.1\n"
	"Tên: Đường xã được\n"
	"  bê tông hóa\n"
	"Loại: tỷ lệ\n"
	"Chỉ tiêu: >= 100\n"
	"Đơn vị: %\n"
	"Nguồn: QĐ thử 1, mục 2\n"
	"\n"
	"Ma: 3.1\n"
	"Ten: Lao động qua đào tạo\n"
	"Loai: ty le\n"
	"So sanh: >=\n";

static void
test_parse_ok(void **state)
{
	(void)state;
	struct arena a = {0};
	struct ntm_criteria_doc d;
	struct ntm_error e = {0};
	assert_int_equal(io_criteria_parse("t.txt", SET, sizeof SET - 1, &a, &d, &e),
			 NTM_OK);
	assert_string_equal(d.code, "ntm_2026");
	assert_string_equal(d.level, "xa");
	assert_string_equal(d.source, "QĐ thử 1");
	assert_int_equal(d.ncrit, 3);
	assert_int_equal(d.crit[2].number, 3);
	assert_string_equal(d.crit[2].sector, "lao dong");
	assert_string_equal(d.crit[1].group, "II. Hạ tầng");
	assert_int_equal(d.nind, 3);
	/* a yes/no indicator is met when đạt */
	assert_int_equal(d.ind[0].kind, NTM_KIND_BOOL);
	assert_true(d.ind[0].target.set);
	assert_true(d.ind[0].target.value == 1);
	/* a continuation line joins with a space; the target's comparator */
	assert_string_equal(d.ind[1].name, "Đường xã được bê tông hóa");
	assert_int_equal(d.ind[1].cmp, NTM_CMP_GE);
	assert_true(d.ind[1].target.set && d.ind[1].target.value == 100);
	assert_string_equal(d.ind[1].unit_label, "%");
	assert_string_equal(d.ind[1].source, "QĐ thử 1, mục 2");
	/* an unknown target stays unknown */
	assert_false(d.ind[2].target.set);
	assert_int_equal(d.ind[2].criterion, 3);
	assert_null(d.ind[2].source);
	arena_free(&a);
}

/* SET with one line replaced (or inserted before it, when insert). */
static char *
edited(const char *from, const char *to)
{
	const char *p = strstr(SET, from);
	assert_non_null(p);
	size_t n = sizeof SET + strlen(to);
	char *out = malloc(n);
	snprintf(out, n, "%.*s%s%s", (int)(p - SET), SET, to, p + strlen(from));
	return out;
}

static void
assert_refused(const char *from, const char *to, const char *want)
{
	struct arena a = {0};
	struct ntm_criteria_doc d;
	struct ntm_error e = {0};
	char *text = edited(from, to);
	int rc = io_criteria_parse("t.txt", text, strlen(text), &a, &d, &e);
	if (rc != NTM_USAGE || !strstr(e.msg, want))
		fprintf(stderr, "want “%s”, got %d “%s”\n", want, rc, e.msg);
	assert_int_equal(rc, NTM_USAGE);
	assert_non_null(strstr(e.msg, want));
	free(text);
	arena_free(&a);
}

/* A change to the valid set, and the refusal it must give. */
static const struct {
	const char *from, *to, *want;
} REFUSALS[] = {
	{"Nhóm: II", "Màu: đỏ\nNhóm: II",
	 "t.txt:14: khóa “Màu” không dùng trong mục [Tiêu chí]"},
	{"Ma: 3.1", "Ma: 2.1", "t.txt:34: mã chỉ tiêu 2.1 đã có ở dòng 26"},
	{"Loai: ty le", "Loai: chữ", "t.txt:36: loại “chữ” không hợp lệ"},
	{"So sanh: >=", "So sanh: =>", "t.txt:37: so sánh “=>” không hợp lệ"},
	{"So: 3", "So: ba", "t.txt:17: số tiêu chí “ba” không hợp lệ"},
	{"So: 3", "So: 2", "t.txt:17: tiêu chí 2 đã có ở dòng 12"},
	{"So sanh: >=\n", "", "t.txt:34: chỉ tiêu 3.1 thiếu “So sánh:”"},
	{"Chỉ tiêu: >= 100", "Chỉ tiêu: 1OO",
	 "t.txt:30: chỉ tiêu “1OO” không đọc được"},
	{"Ma: 3.1", "Ma: 4.1\nTen: x\nLoai: dat\n\nMa: 3.1",
	 "t.txt:34: chỉ tiêu 4.1 thuộc tiêu chí 4"},
	{"Ma: 3.1", "Ma: x.1", "t.txt:34: mã chỉ tiêu “x.1” không hợp lệ"},
	{"Số: 1\n", "Số: 9\n", "t.txt:8: tiêu chí 9 không có chỉ tiêu nào"},
	{"Mã: ntm_2026", "Mã: ntm 2026", "t.txt:3: mã bộ tiêu chí"},
	{"Căn cứ: QĐ thử 1\n", "", "t.txt:3: thiếu “Căn cứ:”"},
	{"[Chỉ tiêu]", "[Chỉ số]", "t.txt:21: không có mục “[Chỉ số]”"},
	{"Tên: Giao thông", "Tên Giao thông",
	 "t.txt:13: dòng “Tên Giao thông” cần dạng"},
	{"Tên: Giao thông", "Tên: Giao\x1b[2Jthông", "t.txt:13: "},
	{"Loại: đạt", "Loại: đạt\nLoại: tỷ lệ", "t.txt:25: “Loại:” đã có ở dòng 24"},
	{"[Bộ tiêu chí]\n", "", "t.txt:2: dòng này chưa thuộc mục nào"},
	{"Loại: đạt", "Loại: đạt\nSo sánh: >=",
	 "t.txt:25: chỉ tiêu loại đạt chỉ so sánh bằng ="},
	{"Chỉ tiêu: >= 100", "Chỉ tiêu: < 5\nSo sánh: >=",
	 "t.txt:30: chỉ tiêu “< 5” có phép so sánh khác"},
};

/* The continuation rule shared with plan text: an indented line goes on
 * even when it starts with '#', " ." adds nothing to a one-line value;
 * an indented line after a blank one is refused. */
static void
test_parse_continuation(void **state)
{
	(void)state;
	struct arena a = {0};
	struct ntm_criteria_doc d;
	struct ntm_error e = {0};
	char *text = edited("  bê tông hóa\n", "  # bê tông\n .\n\thóa  \n");
	assert_int_equal(io_criteria_parse("t.txt", text, strlen(text), &a, &d, &e),
			 NTM_OK);
	assert_string_equal(d.ind[1].name, "Đường xã được # bê tông hóa");
	free(text);
	arena_free(&a);
	assert_refused("Loại: đạt\n", "Loại: đạt\n\n  tiếp\n", "t.txt:26: dòng bắt đầu bằng dấu cách");
}

static void
test_parse_refusals(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof REFUSALS / sizeof *REFUSALS; i++)
		assert_refused(REFUSALS[i].from, REFUSALS[i].to, REFUSALS[i].want);
}

/* ---- importing and following a set ------------------------------------------ */

static void
exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static int
import_text(struct store *st, const char *text, bool dry, struct ntm_error *e)
{
	struct arena a = {0};
	struct ntm_criteria_doc d;
	int rc = io_criteria_parse("t.txt", text, strlen(text), &a, &d, e);
	if (rc == NTM_OK)
		rc = store_criteria_import(st, &d, "t.txt", dry, NULL, NULL, e);
	arena_free(&a);
	return rc;
}

static void
test_import_refused(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	long audit = audit_rows(f);
	char *bad = edited("Linh vuc: lao dong", "Linh vuc: Thủy sản");
	assert_int_equal(import_text(f->st, bad, false, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "t.txt:19: không có lĩnh vực “Thủy sản”"));
	free(bad);
	/* a set already there, by its code */
	char *again = edited("Mã: ntm_2026", "Mã: NTM");
	assert_int_equal(import_text(f->st, again, false, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "t.txt:3: đã có bộ tiêu chí mã “NTM”"));
	free(again);
	/* every text by the store's limits, at its line */
	char *longcode = edited("Ma: 3.1", "Ma: 3.12345678901234567890123456789");
	assert_int_equal(import_text(f->st, longcode, false, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "t.txt:34: mã chỉ tiêu dài quá 30 ký tự"));
	free(longcode);
	/* a dry run checks and writes nothing */
	assert_int_equal(import_text(f->st, SET, true, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM criteria_set"), 2);
	assert_int_equal(audit_rows(f), audit);
}

static void
test_import_and_follow(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref old, ind;
	assert_int_equal(store_indicator_find(f->st, "12.2", &old, &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->st, &old, 80, NULL, NULL, &e), NTM_OK);
	assert_int_equal(import_text(f->st, SET, false, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM indicator i JOIN "
				   "criterion c ON c.id = i.criterion_id JOIN "
				   "criteria_set s ON s.id = c.set_id WHERE "
				   "s.code = 'ntm_2026'"), 3);
	assert_int_equal(query_int(f->path, "SELECT count(DISTINCT action_id) FROM "
				   "audit WHERE verb = 'criteria.import'"), 1);
	assert_int_equal(import_text(f->st, SET, false, &e), NTM_FAIL);
	/* the plan still follows ntm until it is told otherwise */
	struct store_report r;
	assert_int_equal(store_report_load(f->st, &r, &e), NTM_OK);
	assert_int_equal(r.ncrit, 19);
	store_report_free(&r);
	exec_sql(f->path, "UPDATE plan SET set_id = (SELECT id FROM criteria_set "
		 "WHERE code = 'ntm_2026')");
	assert_int_equal(store_report_load(f->st, &r, &e), NTM_OK);
	assert_int_equal(r.ncrit, 3);
	assert_int_equal(r.nind, 3);
	assert_string_equal(r.crit[1].name, "Giao thông");
	assert_string_equal(r.ind[1].name, "Đường xã được bê tông hóa");
	assert_int_equal(r.criteria.total, 3);
	store_report_free(&r);
	/* codes are looked up in that set only */
	assert_int_equal(store_indicator_find(f->st, "3.1", &ind, &e), NTM_OK);
	assert_string_equal(ind.name, "Lao động qua đào tạo");
	assert_int_equal(store_indicator_find(f->st, "12.2", &ind, &e), NTM_FAIL);
	struct arena a = {0};
	struct store_criteria_set *sets;
	int n;
	assert_int_equal(store_criteria_sets(f->st, &a, &sets, &n, &e), NTM_OK);
	assert_int_equal(n, 3);
	assert_false(sets[0].in_use);
	assert_true(sets[2].in_use);
	assert_int_equal(sets[2].targets, 2);
	arena_free(&a);
	/* the old measurement stays with its indicator row */
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM measurement "
				    "WHERE indicator_id = ?1", old.id), 1);
	/* the import undone: the set goes, the plan reads ntm again */
	char last[STORE_ID_LEN], undo[STORE_ID_LEN];
	assert_int_equal(store_last_action(f->st, last, &e), NTM_OK);
	assert_int_equal(store_undo(f->st, last, undo, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM criteria_set"), 2);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM criterion"), 19);
	assert_int_equal(store_report_load(f->st, &r, &e), NTM_OK);
	assert_int_equal(r.ncrit, 19);
	store_report_free(&r);
	assert_int_equal(store_indicator_find(f->st, "12.2", &ind, &e), NTM_OK);
}

/* ---- the national target ------------------------------------------------------ */

static struct store_indicator
indicator(struct fixture *f, const char *id)
{
	struct ntm_error e = {0};
	struct store_indicator x;
	assert_int_equal(store_indicator_get(f->st, id, &f->a, &x, &e), NTM_OK);
	return x;
}

static void
test_national_target(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ind;
	assert_int_equal(store_indicator_find(f->st, "2.1", &ind, &e), NTM_OK);
	struct store_indicator x = indicator(f, ind.id);
	assert_false(x.reading.national.set);
	assert_null(x.national_source);
	assert_int_equal(store_measurement_add(f->st, &ind, 90, NULL, NULL, &e), NTM_OK);
	assert_int_equal(x.status, NTM_STATUS_CHUA_CO_CHI_TIEU);
	/* a source is required */
	assert_int_equal(store_national_target_set(f->st, &ind, x.version,
						   NTM_CMP_GE, 85, "  ", &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "cần căn cứ"));
	long audit = audit_rows(f);
	assert_int_equal(store_national_target_set(f->st, &ind, x.version, NTM_CMP_GE,
						   85, "QĐ 318/QĐ-TTg", &e), NTM_OK);
	x = indicator(f, ind.id);
	assert_true(x.reading.national.set && x.reading.national.value == 85);
	assert_string_equal(x.national_source, "QĐ 318/QĐ-TTg");
	assert_int_equal(x.status, NTM_STATUS_DAT);
	assert_int_equal(audit_rows(f), audit + 1);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM audit WHERE "
				    "verb = 'criteria.target' AND entity_id = ?1",
				    ind.id), 1);
	/* the same again writes nothing */
	assert_int_equal(store_national_target_set(f->st, &ind, x.version, NTM_CMP_GE,
						   85, "QĐ 318/QĐ-TTg", &e), NTM_OK);
	assert_int_equal(audit_rows(f), audit + 1);
	/* a version read before that edit is refused, naming who */
	assert_int_equal(store_national_target_set(colleague(f), &ind, x.version - 1,
						   NTM_CMP_GE, 95, "QĐ khác", &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Nguyễn Văn An"));
	assert_int_equal(query_int1(f->path, "SELECT target FROM indicator WHERE "
				    "id = ?1", ind.id), 85);
	/* a plan target still wins */
	assert_int_equal(store_target_set(f->st, &ind, 0, NTM_CMP_GE, 95, &e), NTM_OK);
	assert_int_equal(indicator(f, ind.id).status, NTM_STATUS_CHUA_DAT);
	assert_int_equal(store_target_clear(f->st, &ind, STORE_ANY_VERSION, &e), NTM_OK);
	/* cleared, then undone: the target and its source are back */
	assert_int_equal(store_national_target_clear(f->st, &ind, x.version, &e), NTM_OK);
	x = indicator(f, ind.id);
	assert_false(x.reading.national.set);
	assert_null(x.national_source);
	assert_int_equal(x.status, NTM_STATUS_CHUA_CO_CHI_TIEU);
	assert_int_equal(store_national_target_clear(f->st, &ind, x.version, &e), NTM_FAIL);
	char last[STORE_ID_LEN], undo[STORE_ID_LEN];
	assert_int_equal(store_last_action(f->st, last, &e), NTM_OK);
	assert_int_equal(store_undo(f->st, last, undo, &e), NTM_OK);
	x = indicator(f, ind.id);
	assert_true(x.reading.national.set && x.reading.national.value == 85);
	assert_string_equal(x.national_source, "QĐ 318/QĐ-TTg");
	assert_int_equal(x.status, NTM_STATUS_DAT);
}

static void
test_national_plan_own(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ind;
	assert_int_equal(store_indicator_find(f->st, "12.KH1", &ind, &e), NTM_OK);
	assert_int_equal(store_national_target_set(f->st, &ind, STORE_ANY_VERSION,
						   NTM_CMP_GE, 70, "QĐ 1", &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "chỉ tiêu riêng của kế hoạch"));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_ok), cmocka_unit_test(test_parse_refusals),
		cmocka_unit_test(test_parse_continuation),
		T(test_import_refused), T(test_import_and_follow),
		T(test_national_target), T(test_national_plan_own),
	};
	return cmocka_run_group_tests_name("criteria", tests, NULL, NULL);
}
