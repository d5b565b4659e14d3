/* The plan text format (man 5 ntm-plan): the reader's refusals with their
 * line, the writer, round trips, and the store's import and read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include "ntm/io.h"
#include "ntm/plandoc.h"

extern const char builtin_plan_2024_txt[];

#define HEAD "Số: 5/KH-UBND\nNăm: 2025\nTiêu đề: Kế hoạch năm 2025\n"

static int
parse(const char *text, struct arena *a, struct ntm_plan_doc *d,
      struct ntm_error *e)
{
	return io_plan_parse("t.txt", text, strlen(text), a, d, e);
}

/* The text is refused at `line`, with `word` in the reason. */
static void
refused(const char *text, int line, const char *word)
{
	struct arena a = {0};
	struct ntm_plan_doc d;
	struct ntm_error e = {0};
	char prefix[32];
	snprintf(prefix, sizeof prefix, "t.txt:%d: ", line);
	assert_int_equal(parse(text, &a, &d, &e), NTM_USAGE);
	if (strncmp(e.msg, prefix, strlen(prefix)) != 0 || !strstr(e.msg, word))
		fail_msg("want %s…%s, got: %s", prefix, word, e.msg);
	arena_free(&a);
}

static void
test_reader_refusals(void **state)
{
	(void)state;
	refused("Số: 1\nNăm: 2024\nNgày: 31/02/2024\nTiêu đề: x\n", 3, "lịch");
	refused("Số: 1\nNăm: 2024\nNgày: 2024/3/12\nTiêu đề: x\n", 3, "ngày");
	refused("Số: 1\nFoo: x\n", 2, "không có khóa “Foo”");
	refused(HEAD "\n[Chỉ tiêu riêng]\nHạn: 1/1/2025\n", 6, "không dùng trong phần");
	refused(HEAD "\n[Lĩnh vực: Giao thông]\nSTT: 1\nHạn: 1/1/2025\n", 6,
		"thiếu khóa “Nhiệm vụ”");
	refused("Số: 1\nNăm: 2024\n", 1, "thiếu khóa “Tiêu đề”");
	refused("Số: 1\nNăm: hai nghìn\nTiêu đề: x\n", 2, "năm");
	refused(HEAD "[Chỉ tiêu riêng]\nMã: 12.KH1\nTên: x\nLoại: tỷ lệ\nSo sánh: ~\n",
		8, "so sánh");
	refused(HEAD "[Chỉ tiêu riêng]\nMã: KH1\nTên: x\nLoại: tỷ lệ\nSo sánh: ≥\n",
		5, "dạng");
	refused(HEAD "[Chỉ tiêu riêng]\nMã: 1.K\nTên: x\nLoại: bảng\nSo sánh: ≥\n",
		7, "loại");
	refused(HEAD "[Chỉ tiêu kế hoạch]\nMã: 12.2\nChỉ tiêu: nhiều\n", 6,
		"không phải một so sánh");
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nTiến độ: 120\n", 6, "tiến độ");
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nTrạng thái: xong\n"
		"Tiến độ: 40\n", 7, "hoàn thành");
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nTrạng thái: ngủ\n", 6,
		"trạng thái");
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nSTT: 4\n\n"
		"Nhiệm vụ: B\nSTT: 4\n", 9, "STT 4 đã dùng cho nhiệm vụ ở dòng 5");
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nNhiệm vụ: B\n", 6,
		"dòng trống");
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\n  dòng hai\n", 6, "một dòng");
	refused(HEAD " tiếp\n", 4, "viết tiếp");
	refused(HEAD "[Phụ lục]\n", 4, "không có phần");
	refused(HEAD "[Lĩnh vực: ]\n", 4, "tên lĩnh vực");
	refused(HEAD "[Chỉ tiêu riêng\n", 4, "“]”");
	refused("Số: 1\nNăm: 2024\nTiêu đề: \xff\n", 3, "UTF-8");
	refused("Số: 1\nNăm: 2024\nTiêu đề: a\x1b[31m\n", 3, "điều khiển");
	refused("Số: 1\nkhông khóa\n", 2, "Khóa: giá trị");
	/* the messages a tester found wrong */
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nSTT: 99999999999\n", 6,
		"STT “99999999999” phải là số nguyên từ 1 đến 999999");
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nSTT: 0\n", 6,
		"từ 1 đến 999999");
	refused("", 1, "tệp trống: không có kế hoạch nào");
	refused("# chỉ có chú thích\n\n", 1, "tệp trống");
	refused("\n[Lĩnh vực: Y tế]\nNhiệm vụ: A\n", 2,
		"tệp thiếu phần đầu (Số:, Năm:, Tiêu đề:) trước phần “Lĩnh vực: Y tế”");
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nChuyển từ: 32/KH-UBND\n", 6,
		"cần dạng SỐ_KẾ_HOẠCH #STT");
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nChuyển từ: #5\n", 6,
		"cần dạng SỐ_KẾ_HOẠCH #STT");
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nChuyển từ: 32/KH #1234567\n",
		6, "cần dạng SỐ_KẾ_HOẠCH #STT");
	refused(HEAD "[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nChuyển từ: 32/KH #5 x\n",
		6, "cần dạng SỐ_KẾ_HOẠCH #STT");
	refused(HEAD "[Chỉ tiêu riêng]\nMã: 1.K\nChuyển từ: 1 #1\n", 6,
		"không dùng trong phần");
	struct arena a = {0};
	struct ntm_plan_doc d;
	struct ntm_error e = {0};
	assert_int_equal(io_plan_parse("t.txt", "Số: 1\n\0x", 10, &a, &d, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "t.txt:2: "));
	arena_free(&a);
}

/* BOM, CRLF, keys without marks in any case, continuation lines. */
static void
test_reader_forms(void **state)
{
	(void)state;
	struct arena a = {0};
	struct ntm_plan_doc d;
	struct ntm_error e = {0};
	const char *text = "\xEF\xBB\xBF# chú thích\r\nSO: 32/KH\r\nnam: 2024\r\n"
		"NGAY: 2024-03-12\r\ntieu de: Kế hoạch\r\n\r\n"
		"[chi tieu ke hoach]\r\nma: 12.2\r\nchi tieu: 85%\r\n\r\n"
		"[LINH VUC: giao thong]\r\nnhiem vu: A\r\nstt: 7\r\nhan: 1/6/2024\r\n"
		"tien do: 40%\r\nchi tiet: dòng 1\r\n  thụt vào\r\n .\r\n ..\r\n"
		"ghi chu:\r\n # không phải chú thích\r\n";
	assert_int_equal(io_plan_parse("t.txt", text, strlen(text), &a, &d, &e), NTM_OK);
	assert_string_equal(d.number, "32/KH");
	assert_string_equal(d.issued_on, "2024-03-12");
	assert_int_equal(d.ntargets, 1);
	assert_true(d.targets[0].cmp_default);
	assert_true(d.targets[0].value == 85);
	assert_int_equal(d.ntasks, 1);
	assert_string_equal(d.tasks[0].sector, "giao thong");
	assert_int_equal(d.tasks[0].number, 7);
	assert_string_equal(d.tasks[0].due, "2024-06-01");
	assert_int_equal(d.tasks[0].status, NTM_TASK_DANG_THUC_HIEN);
	assert_int_equal(d.tasks[0].progress, 40);
	assert_string_equal(d.tasks[0].detail, "dòng 1\n thụt vào\n\n.");
	assert_string_equal(d.tasks[0].note, "# không phải chú thích");
	assert_null(d.tasks[0].from_plan);
	assert_int_equal(d.tasks[0].from_number, 0);
	arena_free(&a);
}

/* "Chuyển từ", with or without marks, blanks around '#' optional. */
static void
test_reader_carried(void **state)
{
	(void)state;
	struct arena a = {0};
	struct ntm_plan_doc d;
	struct ntm_error e = {0};
	const char *text = HEAD "\n[Lĩnh vực: Giao thông]\nNhiệm vụ: A\n"
		"Chuyển từ:  32/KH-UBND  #5 \n\nNhiệm vụ: B\nchuyen tu: 7/KH#12\n"
		"\nNhiệm vụ: C\n";
	assert_int_equal(parse(text, &a, &d, &e), NTM_OK);
	assert_int_equal(d.ntasks, 3);
	assert_string_equal(d.tasks[0].from_plan, "32/KH-UBND");
	assert_int_equal(d.tasks[0].from_number, 5);
	assert_int_equal(d.tasks[0].line_from, 7);
	assert_string_equal(d.tasks[1].from_plan, "7/KH");
	assert_int_equal(d.tasks[1].from_number, 12);
	assert_null(d.tasks[2].from_plan);
	arena_free(&a);
}

static char *
written(const struct ntm_plan_doc *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	io_plan_write(f, d);
	fclose(f);
	return buf;
}

static void
test_writer(void **state)
{
	(void)state;
	struct ntm_doc_task tasks[] = {
		{.sector = "Giao thông", .title = "A", .number = 2,
		 .status = NTM_TASK_HOAN_THANH, .progress = 100,
		 .detail = " thụt\n\n.", .due = "2025-12-31"},
		{.sector = "Giao thông", .title = "B", .number = 3,
		 .from_plan = "32/KH-UBND", .from_number = 17},
		{.sector = "Y tế", .title = "C", .responsible = "Trạm y tế"},
	};
	struct ntm_doc_target targets[] = {
		{.code = "12.2", .cmp = NTM_CMP_GE, .value = 76.5, .note = "ghi"},
	};
	struct ntm_plan_doc d = {.number = "5/KH", .year = 2025, .title = "T",
				 .targets = targets, .ntargets = 1,
				 .tasks = tasks, .ntasks = 3};
	char *out = written(&d);
	assert_string_equal(out,
		"# Kế hoạch xây dựng nông thôn mới — tệp văn bản của ntm (man 5 ntm-plan)\n"
		"Số: 5/KH\nNăm: 2025\nTiêu đề: T\n"
		"\n[Chỉ tiêu kế hoạch]\nMã: 12.2\nChỉ tiêu: ≥ 76,5\nGhi chú: ghi\n"
		"\n[Lĩnh vực: Giao thông]\nNhiệm vụ: A\nSTT: 2\nHạn: 31/12/2025\n"
		"Trạng thái: hoàn thành\nTiến độ: 100\nChi tiết:\n  thụt\n .\n ..\n"
		"\nNhiệm vụ: B\nSTT: 3\nChuyển từ: 32/KH-UBND #17\n"
		"\n[Lĩnh vực: Y tế]\nNhiệm vụ: C\nPhụ trách: Trạm y tế\n");
	struct arena a = {0};
	struct ntm_plan_doc back;
	struct ntm_error e = {0};
	assert_int_equal(parse(out, &a, &back, &e), NTM_OK);
	assert_string_equal(back.tasks[0].detail, " thụt\n\n.");
	assert_string_equal(back.tasks[1].from_plan, "32/KH-UBND");
	assert_int_equal(back.tasks[1].from_number, 17);
	char *again = written(&back);
	assert_string_equal(again, out);
	free(again);
	free(out);
	arena_free(&a);
}

/* The shipped file is what the writer writes: parse → write is the same
 * bytes, and again. */
static void
test_builtin_round_trip(void **state)
{
	(void)state;
	struct arena a = {0};
	struct ntm_plan_doc d;
	struct ntm_error e = {0};
	assert_int_equal(io_plan_builtin(&a, &d, &e), NTM_OK);
	assert_int_equal(d.ntasks, 70);
	assert_int_equal(d.ntargets, 17);
	assert_int_equal(d.nown, 11);
	char *out = written(&d);
	assert_string_equal(out, builtin_plan_2024_txt);
	free(out);
	arena_free(&a);
}

/* ---- the store ------------------------------------------------------------------ */

#define PLAN_2025 "Xã: viet hung\nSố: 7/KH-UBND\nNăm: 2025\nTiêu đề: Kế hoạch 2025\n" \
	"Bộ tiêu chí: NTM\n\n[Chỉ tiêu riêng]\nMã: 12.KH9\nTên: Riêng\nLoại: số\n" \
	"So sánh: >=\n\n[Chỉ tiêu kế hoạch]\nMã: 12.kh9\nChỉ tiêu: 3\n\nMã: 11\n" \
	"Chỉ tiêu: < 1\n\n[Lĩnh vực: giao_thong]\nNhiệm vụ: Đường A\nSTT: 5\n\n" \
	"Nhiệm vụ: Đường B\n\n[Lĩnh vực: Y tế]\nNhiệm vụ: Trạm\nTiến độ: 100\n"

static int
import_text(struct fixture *f, const char *text, bool dry,
	    struct store_import_summary *sum, struct ntm_error *e)
{
	struct arena a = {0};
	struct ntm_plan_doc d;
	int rc = parse(text, &a, &d, e);
	if (rc == NTM_OK)
		rc = store_plan_import(f->st, &d, "t.txt", dry, sum, e);
	arena_free(&a);
	return rc;
}

static void
test_import(void **state)
{
	struct fixture *f = *state;
	struct store_import_summary sum;
	struct ntm_error e = {0};
	long audit = audit_rows(f);
	assert_int_equal(import_text(f, PLAN_2025, true, &sum, &e), NTM_OK);
	assert_int_equal(sum.tasks, 3);
	assert_int_equal(sum.targets, 2);
	assert_int_equal(sum.own, 1);
	assert_string_equal(sum.plan_id, "");
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM plan"), 1);
	assert_int_equal(audit_rows(f), audit);

	assert_int_equal(import_text(f, PLAN_2025, false, &sum, &e), NTM_OK);
	const char *id = sum.plan_id;
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM plan WHERE id = ?1 "
		"AND year = 2025 AND number = '7/KH-UBND' AND set_id = (SELECT id "
		"FROM criteria_set WHERE code = 'ntm')", id), 1);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM indicator WHERE "
		"plan_id = ?1 AND code = '12.KH9' AND ord = 101 AND verified = 1 AND "
		"source = 'Kế hoạch 7/KH-UBND' AND target IS NULL", id), 1);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM plan_target t "
		"JOIN indicator i ON i.id = t.indicator_id WHERE t.plan_id = ?1 AND "
		"((i.code = '12.KH9' AND i.plan_id = ?1 AND t.comparator = '>=' AND "
		"t.value = 3) OR (i.code = '11' AND t.comparator = '<'))", id), 2);
	assert_int_equal(query_int1(f->path, "SELECT group_concat(number || "
		"substr(status, 1, 1) || progress, ',') = '5c0,6c0,7h100' FROM "
		"(SELECT * FROM task WHERE plan_id = ?1 ORDER BY number)", id), 1);
	assert_int_equal(query_int1(f->path, "SELECT last FROM task_counter "
		"WHERE plan_id = ?1", id), 7);
	assert_int_equal(query_int(f->path, "SELECT count(DISTINCT action_id) FROM "
		"audit WHERE verb = 'plan.import'"), 1);
	assert_int_equal(audit_rows(f), audit + 1 + 1 + 2 + 3);
}

/* Refused at its line, nothing written. */
static void
import_refused(struct fixture *f, const char *text, int line, const char *word)
{
	struct ntm_error e = {0};
	char prefix[32];
	long plans = query_int(f->path, "SELECT count(*) FROM plan");
	snprintf(prefix, sizeof prefix, "t.txt:%d: ", line);
	assert_int_not_equal(import_text(f, text, false, NULL, &e), NTM_OK);
	if (strncmp(e.msg, prefix, strlen(prefix)) != 0 || !strstr(e.msg, word))
		fail_msg("want %s…%s, got: %s", prefix, word, e.msg);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM plan"), plans);
}

static void
test_import_refusals(void **state)
{
	struct fixture *f = *state;
	import_refused(f, "Xã: Đông Anh\n" HEAD, 1, "Đông Anh");
	import_refused(f, HEAD "Bộ tiêu chí: kdc_km\n", 4, "bộ tiêu chí");
	import_refused(f, HEAD "\n[Lĩnh vực: Giao thông]\nNhiệm vụ: A\n\n"
		       "[Lĩnh vực: Đường sắt]\nNhiệm vụ: B\n", 9, "lĩnh vực “Đường sắt”");
	import_refused(f, HEAD "\n[Chỉ tiêu kế hoạch]\nMã: 12.9\nChỉ tiêu: 1\n",
		       6, "gần giống");
	/* a target refused at its own line, not at Mã's */
	import_refused(f, HEAD "\n[Chỉ tiêu kế hoạch]\nMã: 12.2\nChỉ tiêu: 120\n",
		       7, "không quá 100");
	import_refused(f, HEAD "\n[Chỉ tiêu kế hoạch]\nMã: 1.1\nGhi chú: x\n"
		       "Chỉ tiêu: 50\n", 8, "chỉ tiêu 1.1 là đạt/không");
	import_refused(f, HEAD "\n[Lĩnh vực: Y tế]\nNhiệm vụ: A\nChuyển từ: "
		       "3333333333333333333333333333333333333333333333333333 #1\n", 7,
		       "số kế hoạch trong “Chuyển từ”");
	/* a task's field refused at the line of its key, not the record's */
	char *who = calloc(1, 400);
	strcpy(who, HEAD "\n[Lĩnh vực: Y tế]\nNhiệm vụ: A\nHạn: 1/1/2025\nPhụ trách: ");
	memset(who + strlen(who), 'x', 201);
	import_refused(f, who, 8, "người phụ trách dài quá 200");
	free(who);
	import_refused(f, HEAD "\n[Lĩnh vực: Y tế]\nNhiệm vụ: A\nTiến độ: 40\n"
		       "Trạng thái: hoàn thành\n", 7, "hoàn thành");
	import_refused(f, HEAD "\n[Chỉ tiêu riêng]\nMã: 12.2\nTên: x\nLoại: số\n"
		       "So sánh: ≥\n", 6, "quốc gia");
	import_refused(f, HEAD "\n[Chỉ tiêu riêng]\nMã: 42.KH1\nTên: x\nLoại: số\n"
		       "So sánh: ≥\n", 6, "số 42");
	import_refused(f, "Số: 32/kh-ubnd\nNăm: 2024\nTiêu đề: lại\n", 1,
		       "đã có kế hoạch 32/KH-UBND năm 2024");
}

#define CARRIED HEAD "\n[Lĩnh vực: Y tế]\nNhiệm vụ: A\nSTT: 1\n" \
	"Chuyển từ: 32/kh - ubnd #3\n\nNhiệm vụ: B\nSTT: 2\nChuyển từ: 32/KH-UBND #999\n" \
	"\nNhiệm vụ: C\nSTT: 3\nChuyển từ: 9/KH-UBND #3\n\nNhiệm vụ: D\nSTT: 4\n"

/* The task a carried-over task came from: linked when the commune has
 * that plan and task, else the words kept, shown the same way. */
static void
test_import_carried(void **state)
{
	struct fixture *f = *state;
	struct store_import_summary sum;
	struct ntm_error e = {0};
	struct arena a = {0};
	assert_int_equal(import_text(f, CARRIED, false, &sum, &e), NTM_OK);
	const char *id = sum.plan_id;
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM task t JOIN task "
		"o ON o.id = t.carried_from JOIN plan p ON p.id = o.plan_id WHERE "
		"t.plan_id = ?1 AND t.number = 1 AND o.number = 3 AND p.year = 2024 "
		"AND t.carried_from_text IS NULL", id), 1);
	assert_int_equal(query_int1(f->path, "SELECT group_concat(number || ':' || "
		"coalesce(carried_from_text, '-'), ',') = '2:32/KH-UBND #999,"
		"3:9/KH-UBND #3,4:-' FROM (SELECT * FROM task WHERE plan_id = ?1 AND "
		"number > 1 AND carried_from IS NULL ORDER BY number)", id), 1);
	/* what the task list shows */
	assert_int_equal(store_plan_select(f->st, id, &e), NTM_OK);
	struct store_task *t;
	int n;
	assert_int_equal(store_tasks(f->st, NULL, &a, &t, &n, &e), NTM_OK);
	assert_int_equal(n, 4);
	const char *plans[] = {"32/KH-UBND", "32/KH-UBND", "9/KH-UBND", NULL};
	const int numbers[] = {3, 999, 3, 0};
	for (int i = 0; i < n; i++) {
		assert_int_equal(t[i].number, i + 1);
		if (plans[i])
			assert_string_equal(t[i].from_plan, plans[i]);
		else
			assert_null(t[i].from_plan);
		assert_int_equal(t[i].from_number, numbers[i]);
	}
	/* and what export writes */
	struct ntm_plan_doc d;
	assert_int_equal(store_plan_read(f->st, id, &a, &d, &e), NTM_OK);
	char *out = written(&d);
	assert_non_null(strstr(out, "STT: 1\nChuyển từ: 32/KH-UBND #3\n"));
	assert_non_null(strstr(out, "STT: 2\nChuyển từ: 32/KH-UBND #999\n"));
	assert_non_null(strstr(out, "STT: 3\nChuyển từ: 9/KH-UBND #3\n"));
	assert_non_null(strstr(out, "STT: 4\n"));
	assert_null(strstr(out, "STT: 4\nChuyển"));
	free(out);
	arena_free(&a);
}

/* Exported from the seeded file, imported into a fresh one, exported
 * again: the bytes of share/ntm/plan-2024.txt every time. */
static void
test_read_round_trip(void **state)
{
	struct fixture *f = *state;
	struct arena a = {0};
	struct ntm_plan_doc d;
	struct ntm_error e = {0};
	char id[STORE_ID_LEN] = "";
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT id FROM plan", -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(id, sizeof id, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	assert_int_equal(store_plan_read(f->st, id, &a, &d, &e), NTM_OK);
	char *out = written(&d);
	assert_string_equal(out, builtin_plan_2024_txt);

	char path[160];
	struct store *fresh;
	struct store_import_summary sum;
	snprintf(path, sizeof path, "%s/fresh.db", f->dir);
	assert_int_equal(store_create(path, true, "Việt Hưng", NULL, &e), NTM_OK);
	assert_int_equal(store_open(&fresh, path, NULL, &e), NTM_OK);
	assert_int_equal(store_use_commune(fresh, NULL, &e), NTM_OK);
	assert_int_equal(store_plan_import(fresh, &d, "x", false, &sum, &e), NTM_OK);
	struct ntm_plan_doc again;
	assert_int_equal(store_plan_read(fresh, sum.plan_id, &a, &again, &e), NTM_OK);
	char *out2 = written(&again);
	assert_string_equal(out2, out);

	/* a plan carried over from it: linked in the seeded file, words in
	 * a fresh one, the same text from both */
	struct store *empty;
	struct ntm_plan_doc carried, back, fresh_back;
	snprintf(path, sizeof path, "%s/empty.db", f->dir);
	assert_int_equal(store_create(path, true, "Việt Hưng", NULL, &e), NTM_OK);
	assert_int_equal(store_open(&empty, path, NULL, &e), NTM_OK);
	assert_int_equal(store_use_commune(empty, NULL, &e), NTM_OK);
	assert_int_equal(parse(CARRIED, &a, &carried, &e), NTM_OK);
	assert_int_equal(store_plan_import(f->st, &carried, "x", false, &sum, &e), NTM_OK);
	assert_int_equal(store_plan_read(f->st, sum.plan_id, &a, &back, &e), NTM_OK);
	char *linked = written(&back);
	assert_int_equal(store_plan_import(empty, &back, "x", false, &sum, &e), NTM_OK);
	assert_int_equal(query_int(path, "SELECT count(*) FROM task WHERE "
		"carried_from IS NULL AND carried_from_text = '32/KH-UBND #3'"), 1);
	assert_int_equal(store_plan_read(empty, sum.plan_id, &a, &fresh_back, &e), NTM_OK);
	char *words = written(&fresh_back);
	assert_string_equal(words, linked);
	store_close(empty);
	free(linked);
	free(words);
	store_close(fresh);
	free(out);
	free(out2);
	arena_free(&a);
}

/* A task's Vướng mắc and Đề xuất (keys with or without marks, over
 * several lines): imported, read back and written as the canonical text,
 * the same bytes from a fresh file; a bad one refused at its own line. */
#define ISSUES HEAD "\n[Lĩnh vực: Y tế]\nNhiệm vụ: A\nSTT: 1\n" \
	"vuong mac: Thiếu kinh phí\n  hai dòng\nDE XUAT: Xin hỗ trợ\n" \
	"\nNhiệm vụ: B\nSTT: 2\nĐề xuất: Chỉ đề xuất\n"
#define ISSUES_OUT "# Kế hoạch xây dựng nông thôn mới — tệp văn bản của ntm " \
	"(man 5 ntm-plan)\nXã: Việt Hưng\n" HEAD "Bộ tiêu chí: ntm\n" \
	"\n[Lĩnh vực: Y tế]\nNhiệm vụ: A\nSTT: 1\n" \
	"Vướng mắc: Thiếu kinh phí\n  hai dòng\nĐề xuất: Xin hỗ trợ\n" \
	"\nNhiệm vụ: B\nSTT: 2\nĐề xuất: Chỉ đề xuất\n"

static void
test_issue_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store_import_summary sum;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct ntm_plan_doc back, again;
	assert_int_equal(import_text(f, ISSUES, false, &sum, &e), NTM_OK);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM task WHERE "
		"plan_id = ?1 AND ((number = 1 AND issue = 'Thiếu kinh phí' || "
		"char(10) || ' hai dòng' AND proposal = 'Xin hỗ trợ') OR (number = 2 "
		"AND issue IS NULL AND proposal = 'Chỉ đề xuất'))", sum.plan_id), 2);
	assert_int_equal(store_plan_read(f->st, sum.plan_id, &a, &back, &e), NTM_OK);
	char *out = written(&back);
	assert_string_equal(out, ISSUES_OUT);

	char path[160];
	struct store *fresh;
	snprintf(path, sizeof path, "%s/issues.db", f->dir);
	assert_int_equal(store_create(path, true, "Việt Hưng", NULL, &e), NTM_OK);
	assert_int_equal(store_open(&fresh, path, NULL, &e), NTM_OK);
	assert_int_equal(store_use_commune(fresh, NULL, &e), NTM_OK);
	assert_int_equal(store_plan_import(fresh, &back, "x", false, &sum, &e), NTM_OK);
	assert_int_equal(store_plan_read(fresh, sum.plan_id, &a, &again, &e), NTM_OK);
	char *out2 = written(&again);
	assert_string_equal(out2, out);
	store_close(fresh);
	free(out);
	free(out2);
	arena_free(&a);
	/* too long for the store: refused at the line of its key */
	char *text = calloc(1, 10000 + 200);
	strcpy(text, "Số: 9/KH\nNăm: 2026\nTiêu đề: T\n\n[Lĩnh vực: Y tế]\n"
	       "Nhiệm vụ: A\nĐề xuất: x\nVướng mắc: ");
	memset(text + strlen(text), 'x', 10001);  /* STORE_MAX_NOTE + 1 */
	import_refused(f, text, 8, "vướng mắc");
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader_refusals),
		cmocka_unit_test(test_reader_forms),
		cmocka_unit_test(test_reader_carried),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_builtin_round_trip),
		cmocka_unit_test_setup_teardown(test_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_carried, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_issue_round_trip, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
