/* ntm import and export (io/import.c, io/export.c, store/import.c): sheets
 * built by hand, as the readers give them; every kind recognised from its
 * header (marks or none, English names), every refusal listed with its
 * line or cell, nothing written after any, a dry run writes nothing, a
 * second import writes nothing; export then import into an empty file. */
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

#include "ntm/text.h"
#include "unit/fixture.h"
#include "unit/sheets.h"

static int
run(struct fixture *f, const struct io_sheet *const *sheets, int n,
    const struct io_import_opts *o, struct io_import_report *r)
{
	struct ntm_error e = {0};
	static const struct io_import_opts none = {0};
	int rc = io_import_sheets(f->st, sheets, n, o ? o : &none, &f->a, r, &e);
	if (getenv("NTM_TEST_SAY"))
		for (int i = 0; i < r->nerrors; i++)
			fprintf(stderr, "%s\n", r->errors[i]);
	return rc;
}

static long
count(struct fixture *f, const char *sql)
{
	return query_int(f->path, sql);
}

static const char *const PLAN[] = {
	"Số kế hoạch", "Năm", "Ngày ban hành", "Tên kế hoạch",
	"15/KH-UBND", "2025", "12/3/2025", "",
};
static const char *const TARGETS[] = {
	"code", "target", "name", "kind", "unit",
	"12.2", ">= 90", "", "", "",
	"6.KH9", "≥ 3", "Số nhà văn hóa mới", "số", "nhà",
};
static const char *const VALUES[] = {
	"Mã chỉ tiêu", "Giá trị", "Ngày", "Ghi chú",
	"12.2", "85,5", "2024-03-01", "theo báo cáo",
	"", "", "", "",
	"6.1", "đạt", "2024-02-01", "",
};
static const char *const TASKS_BARE[] = {
	"LINH VUC", "nhiem_vu", "Phu trach", "trang thai", "tien do",
	"Giao thông", "Làm đường trục thôn", "Trưởng thôn", "đang thực hiện", "40",
};
static const char *const ITEMS_EN[] = {
	"village", "item", "done", "date", "note",
	"Cự Đình", "Rãnh thoát nước", "x", "2024-04-02", "đã nghiệm thu",
	"Thôn Mới", "rãnh thoát nước", "có", "", "",
	"Thôn Mới", "Sân chơi", "", "", "",
};

static void
test_kinds_dry_run_then_apply(void **state)
{
	struct fixture *f = *state;
	const struct io_sheet *s[] = {
		sheet(&f->a, "gt.csv", NULL, 4, 4, VALUES),
		sheet(&f->a, "nv.csv", NULL, 2, 5, TASKS_BARE),
		sheet(&f->a, "thon.xlsx", "Danh mục", 4, 5, ITEMS_EN),
	};
	struct io_import_report r;
	long audit = audit_rows(f), values = count(f, "SELECT count(*) FROM measurement");
	struct io_import_opts dry = {.dry_run = true};
	assert_int_equal(run(f, s, 3, &dry, &r), NTM_OK);
	assert_int_equal(r.sheets, 3);
	assert_int_equal(r.rows, 6);
	const char *const *ch = r.res.changes;
	assert_true(listed(ch, r.res.nchanges, "ghi 12.2 = 85,5% ngày 01/03/2024"));
	assert_true(listed(ch, r.res.nchanges, "thêm nhiệm vụ #"));
	assert_true(listed(ch, r.res.nchanges, "thêm thôn Thôn Mới"));
	assert_true(listed(ch, r.res.nchanges, "đánh dấu xong “Rãnh thoát nước” ở thôn Cự Đình ngày 02/04/2024"));
	/* the new village holds the file's items only, in the file's order
	 * (not the template's) */
	assert_true(listed(ch, r.res.nchanges, "thêm mục “rãnh thoát nước” ở Thôn Mới"));
	assert_true(listed(ch, r.res.nchanges, "đánh dấu xong “rãnh thoát nước” ở Thôn Mới"));
	assert_true(listed(ch, r.res.nchanges, "thêm mục “Sân chơi” ở Thôn Mới"));
	assert_int_equal(audit_rows(f), audit);
	assert_int_equal(count(f, "SELECT count(*) FROM measurement"), values);
	assert_int_equal(count(f, "SELECT count(*) FROM unit WHERE name = 'Thôn Mới'"), 0);

	assert_int_equal(run(f, s, 3, NULL, &r), NTM_OK);
	assert_int_equal(r.res.values, 2);
	assert_int_equal(r.res.tasks_added, 1);
	assert_int_equal(r.res.villages, 1);
	assert_int_equal(r.res.items_changed, 2);
	assert_int_equal(r.res.items_added, 2);
	assert_int_equal(count(f, "SELECT count(*) FROM checklist_item i JOIN unit u "
			       "ON u.id = i.unit_id WHERE u.name = 'Thôn Mới'"), 2);
	assert_int_equal(count(f, "SELECT (SELECT ord FROM checklist_item WHERE "
			       "title = 'Sân chơi') > (SELECT ord FROM checklist_item "
			       "WHERE title = 'rãnh thoát nước')"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM measurement"), values + 2);
	assert_int_equal(count(f, "SELECT count(DISTINCT action_id) FROM audit"
			       " WHERE action_id = (SELECT action_id FROM audit "
			       "ORDER BY seq DESC LIMIT 1)"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM task WHERE title = "
			       "'Làm đường trục thôn' AND status = 'dang_thuc_hien' "
			       "AND progress = 40"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM checklist_item i JOIN unit u "
			       "ON u.id = i.unit_id WHERE u.name = 'Cự Đình' AND "
			       "i.title = 'Rãnh thoát nước' AND done = 1 AND "
			       "done_on = '2024-04-02' AND note = 'đã nghiệm thu'"), 1);
	const char *said;
	struct ntm_error e = {0};
	assert_int_equal(store_action_describe(f->st, store_my_last_action(f->st),
					       &f->a, &said, &e), NTM_OK);
	assert_non_null(strstr(said, "nhập bảng tính"));

	/* one action, undone as a whole */
	char undo[STORE_ID_LEN], redo[STORE_ID_LEN];
	int rc = store_undo(f->st, store_my_last_action(f->st), undo, &e);
	if (rc)
		fprintf(stderr, "undo: %s\n", e.msg);
	assert_int_equal(rc, NTM_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM measurement"), values);
	assert_int_equal(count(f, "SELECT count(*) FROM unit WHERE name = 'Thôn Mới'"), 0);
	rc = store_undo(f->st, undo, redo, &e);
	if (rc)
		fprintf(stderr, "redo: %s\n", e.msg);
	assert_int_equal(rc, NTM_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM measurement"), values + 2);

	/* the same again: already so, nothing written */
	audit = audit_rows(f);
	assert_int_equal(run(f, s, 3, NULL, &r), NTM_OK);
	assert_int_equal(r.res.nchanges, 0);
	assert_int_equal(r.res.same, 6);
	assert_int_equal(audit_rows(f), audit);
}

static const char *const TASKS_BAD[] = {
	"STT", "Lĩnh vực", "Nhiệm vụ", "Tiến độ", "Hạn",
	"", "Giao thong", "Việc tốt", "10", "",
	"", "Không có lĩnh vực này", "Việc A", "10", "",
	"", "Điện", "Việc B", "120", "",
	"", "Điện", "Việc C", "", "31/02/2024",
	"abc", "Điện", "", "", "",
};
static const char *const VALUES_BAD[] = {
	"code", "value", "date",
	"99.9", "5", "",
	"12.2", "nhiều", "",
	"12.2", "80", "2999-01-01",
};

static void
test_every_error_listed_nothing_written(void **state)
{
	struct fixture *f = *state;
	const struct io_sheet *s[] = {
		sheet(&f->a, "nv.csv", NULL, 6, 5, TASKS_BAD),
		sheet(&f->a, "so.xlsx", "Giá trị", 4, 3, VALUES_BAD),
	};
	struct io_import_report r;
	long audit = audit_rows(f), tasks = count(f, "SELECT count(*) FROM task");
	assert_int_equal(run(f, s, 2, NULL, &r), NTM_USAGE);
	const char *const *er = r.errors;
	assert_int_equal(r.nerrors, 7);
	assert_true(listed(er, r.nerrors, "nv.csv:3: "));   /* the unknown sector */
	assert_true(listed(er, r.nerrors, "nv.csv:4: tiến độ “120”"));
	assert_true(listed(er, r.nerrors, "nv.csv:5: "));   /* 31/02 */
	assert_true(listed(er, r.nerrors, "nv.csv:6: STT “abc”"));
	assert_true(listed(er, r.nerrors, "so.xlsx (trang Giá trị)"));
	assert_true(listed(er, r.nerrors, "“99.9”"));
	assert_true(listed(er, r.nerrors, "giá trị phải là một số"));
	assert_true(listed(er, r.nerrors, "ngày này không có trên lịch"));
	/* the good row was not written either */
	assert_int_equal(count(f, "SELECT count(*) FROM task"), tasks);
	assert_int_equal(count(f, "SELECT count(*) FROM task WHERE title = 'Việc tốt'"), 0);
	assert_int_equal(audit_rows(f), audit);
}

static const char *const TYPO[] = {
	"Mã chỉ tiêu", "Gia tri", "Ngay do", "Ghi chu", "Nguoi nhap",
	"12.2", "80", "2024-01-01", "", "An",
};
static const char *const NOTHING[] = {
	"", "",
	"Cột A", "Cột B",
	"1", "2",
};

static void
test_headers(void **state)
{
	struct fixture *f = *state;
	struct io_import_report r;
	const struct io_sheet *typo = sheet(&f->a, "a.csv", NULL, 2, 5, TYPO);
	assert_int_equal(run(f, &typo, 1, NULL, &r), NTM_USAGE);
	assert_int_equal(r.nerrors, 1);
	assert_non_null(strstr(r.errors[0], "a.csv:1: cột “Nguoi nhap”"));
	const struct io_sheet *none = sheet(&f->a, "b.csv", NULL, 3, 2, NOTHING);
	assert_int_equal(run(f, &none, 1, NULL, &r), NTM_USAGE);
	assert_int_equal(r.nerrors, 1);
	/* the header is the first row with anything in it: line 2 */
	assert_non_null(strstr(r.errors[0], "b.csv:2: "));
	assert_non_null(strstr(r.errors[0], "tasks (Lĩnh vực, Nhiệm vụ)"));
	/* --kind: a sheet of another kind is refused */
	struct io_import_opts only = {.kind = "tasks"};
	const struct io_sheet *values = sheet(&f->a, "c.csv", NULL, 4, 4, VALUES);
	assert_int_equal(run(f, &values, 1, &only, &r), NTM_USAGE);
	assert_non_null(strstr(r.errors[0], "c.csv:1: "));
	assert_string_equal(io_import_kind("Nhiem vu"), "tasks");
	assert_string_equal(io_import_kind("giá trị"), "measurements");
	assert_null(io_import_kind("bảng lương"));
}

/* More refusals than are listed: the first 100, and how many more. */
static void
test_errors_capped(void **state)
{
	struct fixture *f = *state;
	enum { ROWS = 150 };
	const char *cells[(ROWS + 1) * 2] = {"Mã chỉ tiêu", "Giá trị"};
	for (int r = 1; r <= ROWS; r++) {
		cells[r * 2] = "12.2";
		cells[r * 2 + 1] = "không phải số";
	}
	const struct io_sheet *s = sheet(&f->a, "many.csv", NULL, ROWS + 1, 2, cells);
	struct io_import_report r;
	assert_int_equal(run(f, &s, 1, NULL, &r), NTM_USAGE);
	assert_int_equal(r.nerrors, IO_IMPORT_MAX_ERRORS);
	assert_int_equal(r.more, ROWS - IO_IMPORT_MAX_ERRORS);
	assert_non_null(strstr(r.errors[0], "many.csv:2: "));
	assert_non_null(strstr(r.errors[99], "many.csv:101: "));
}

static const char *const IMPLAUSIBLE[] = {
	"Mã chỉ tiêu", "Giá trị", "Ngày",
	"12.2", "0,85", "2024-03-02",
};

static void
test_implausible_needs_force(void **state)
{
	struct fixture *f = *state;
	struct io_import_report r;
	const struct io_sheet *s = sheet(&f->a, "v.csv", NULL, 2, 3, IMPLAUSIBLE);
	assert_int_equal(run(f, &s, 1, NULL, &r), NTM_USAGE);
	assert_non_null(strstr(r.errors[0], "v.csv:2: "));
	assert_non_null(strstr(r.errors[0], "--force"));
	struct io_import_opts force = {.force = true};
	assert_int_equal(run(f, &s, 1, &force, &r), NTM_OK);
	assert_int_equal(r.res.values, 1);
}

static const char *const TASK_UPDATE[] = {
	"STT", "Lĩnh vực", "Nhiệm vụ", "Trạng thái", "Vướng mắc",
	"1", "Quy hoạch", "", "hoàn thành", "thiếu kinh phí",
};

static void
test_task_by_number_updates(void **state)
{
	struct fixture *f = *state;
	struct io_import_report r;
	const struct io_sheet *s = sheet(&f->a, "t.csv", NULL, 2, 5, TASK_UPDATE);
	long tasks = count(f, "SELECT count(*) FROM task");
	assert_int_equal(run(f, &s, 1, NULL, &r), NTM_OK);
	assert_int_equal(r.res.tasks_updated, 1);
	assert_int_equal(count(f, "SELECT count(*) FROM task"), tasks);
	/* the model's rule: hoàn thành is progress 100 */
	assert_int_equal(count(f, "SELECT progress FROM task WHERE number = 1"), 100);
	assert_int_equal(count(f, "SELECT count(*) FROM task WHERE number = 1 AND "
			       "issue = 'thiếu kinh phí'"), 1);
}

/* ---- an empty commune ------------------------------------------------------ */

static void
test_plan_targets_into_empty(void **state)
{
	struct fixture *f = *state;
	struct store *st = empty_store(f, "empty.db");
	struct ntm_error e = {0};
	struct io_import_report r;
	struct io_import_opts none = {0};
	const struct io_sheet *tasks = sheet(&f->a, "nv.csv", NULL, 2, 5, TASKS_BARE);
	assert_int_equal(io_import_sheets(st, &tasks, 1, &none, &f->a, &r, &e),
			 NTM_USAGE);
	assert_non_null(strstr(r.errors[0], "chưa có kế hoạch"));
	const struct io_sheet *s[] = {
		sheet(&f->a, "kh.xlsx", "Chỉ tiêu KH", 3, 5, TARGETS),
		sheet(&f->a, "kh.xlsx", "Kế hoạch", 2, 4, PLAN),
		tasks,
	};
	assert_int_equal(io_import_sheets(st, s, 3, &none, &f->a, &r, &e), NTM_OK);
	assert_int_equal(r.res.plans, 1);
	assert_int_equal(r.res.targets, 2);
	assert_int_equal(r.res.tasks_added, 1);
	struct store_plan p;
	assert_int_equal(store_plan_in_use(st, &f->a, &p, &e), NTM_OK);
	assert_string_equal(p.number, "15/KH-UBND");
	assert_string_equal(p.issued_on, "2025-03-12");
	struct store_indicator_ref ref;
	assert_int_equal(store_indicator_find(st, "6.KH9", &ref, &e), NTM_OK);
	assert_string_equal(ref.name, "Số nhà văn hóa mới");
	store_close(st);
}

/* ---- export, then import into an empty file ----------------------------------- */

static void
test_export_import_round_trip(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ref;
	struct store_task t = first_task(f->st, &f->a);
	struct store_task_edit done = {.status = "hoàn thành",
				       .progress = STORE_PROGRESS_KEEP};
	assert_int_equal(store_indicator_find(f->st, "12.2", &ref, &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->st, &ref, 80, "2024-02-01", NULL, &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->st, &ref, 91, "2024-05-01", "mới", &e), NTM_OK);
	assert_int_equal(store_task_update(f->st, t.id, t.version, &done, &e), NTM_OK);
	assert_int_equal(store_item_set_done(f->st, f->cd, "1", true, "2024-04-01", &e),
			 NTM_OK);
	char dir[160];
	snprintf(dir, sizeof dir, "%s/csv", f->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	int counts[STORE_ROW_KINDS];
	assert_int_equal(io_export(f->st, dir, true, counts, &e), NTM_OK);
	assert_int_equal(counts[STORE_ROW_PLAN], 1);
	assert_int_equal(counts[STORE_ROW_TASK], 70);

	static const char *const files[] = {"ke-hoach.csv", "chi-tieu-ke-hoach.csv",
		"gia-tri.csv", "nhiem-vu.csv", "danh-muc-thon.csv"};
	const struct io_sheet *s[5];
	for (int i = 0; i < 5; i++) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		s[i] = read_csv(&f->a, path);
	}
	struct store *st = empty_store(f, "copy.db");
	struct io_import_report r;
	struct io_import_opts none = {0};
	int rc = io_import_sheets(st, s, 5, &none, &f->a, &r, &e);
	for (int i = 0; i < r.nerrors; i++)
		fprintf(stderr, "%s\n", r.errors[i]);
	assert_int_equal(rc, NTM_OK);

	struct store_report a = {0}, b = {0};
	assert_int_equal(store_report_load(f->st, &a, &e), NTM_OK);
	assert_int_equal(store_report_load(st, &b, &e), NTM_OK);
	assert_int_equal(a.nind, b.nind);
	assert_int_equal(a.criteria.done, b.criteria.done);
	assert_int_equal(a.tasks.done, b.tasks.done);
	assert_int_equal(a.tasks.total, b.tasks.total);
	for (int i = 0; i < a.nind; i++) {
		assert_string_equal(a.ind[i].code, b.ind[i].code);
		assert_int_equal(a.ind[i].status, b.ind[i].status);
		assert_int_equal(a.ind[i].reading.has_value, b.ind[i].reading.has_value);
		assert_true(a.ind[i].reading.value == b.ind[i].reading.value);
	}
	assert_int_equal(a.nvillages, b.nvillages);
	for (int i = 0; i < a.nvillages; i++) {
		assert_string_equal(a.villages[i].name, b.villages[i].name);
		assert_int_equal(a.villages[i].items.done, b.villages[i].items.done);
		assert_int_equal(a.villages[i].items.total, b.villages[i].items.total);
	}
	store_report_free(&a);
	store_report_free(&b);
	/* and again: nothing to write */
	assert_int_equal(io_import_sheets(st, s, 5, &none, &f->a, &r, &e), NTM_OK);
	assert_int_equal(r.res.nchanges, 0);
	store_close(st);
}

/* What export writes (text_cell_safe) import reads back as it was
 * (text_cell_plain): a formula-like text loses the one ' it was given,
 * any other text (a ' of its own, a plain number) is kept. */
static void
test_cell_plain_undoes_cell_safe(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"=SUM(A1)", "+84 912", "-Làm đường", "@thôn", "=", "-", "'=A1",
		"''=A1", "'-12", "-12", "-0,5", "'abc", "'", "abc", "", "Cự Đình",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		char *safe = text_cell_safe(texts[i]);
		assert_non_null(safe);
		if (strchr("=+-@", texts[i][0]) && texts[i][0] && strcmp(texts[i], "-12") &&
		    strcmp(texts[i], "-0,5"))
			assert_int_equal(safe[0], '\'');
		assert_string_equal(text_cell_plain(safe), texts[i]);
		free(safe);
	}
	assert_string_equal(text_cell_plain("'=A1"), "=A1");
	assert_string_equal(text_cell_plain("'-12"), "'-12");
	assert_null(text_cell_plain(NULL));
}

/* A title block above the header, an STT column in a checklist, a unit
 * in a header; a CSV row wider than its header refused as such. */
static const char *const TITLED[] = {
	"UBND XÃ VIỆT HƯNG", NULL, NULL, NULL,
	"DANH MỤC THÔN", NULL, NULL, NULL,
	NULL, NULL, NULL, NULL,
	"Số TT", "Thôn", "Việc", "Xong (x)",
	"1", "Cự Đình", "Rãnh thoát nước", "x",
};
static const char *const WIDE[] = {
	"STT", "Mã chỉ tiêu", "Giá trị", NULL,
	"1", "12.2", "80", NULL,
	"2", "2.1", "5", "5",
};

static void
test_title_block_and_wide_rows(void **state)
{
	struct fixture *f = *state;
	struct io_import_report r;
	const struct io_sheet *t = sheet(&f->a, "thon.csv", NULL, 5, 4, TITLED);
	assert_int_equal(run(f, &t, 1, NULL, &r), NTM_OK);
	assert_int_equal(r.rows, 1);
	assert_int_equal(count(f, "SELECT count(*) FROM unit WHERE name = 'Cự Đình'"), 1);
	struct io_sheet *w = sheet(&f->a, "w.csv", NULL, 3, 4, WIDE);
	w->sep = ';';
	const struct io_sheet *cw = w;
	long before = count(f, "SELECT count(*) FROM measurement");
	assert_int_equal(run(f, &cw, 1, NULL, &r), NTM_USAGE);
	assert_int_equal(r.nerrors, 1);
	assert_string_equal(r.errors[0], "w.csv:3: dòng 3 có 4 ô, dòng tiêu đề "
			    "có 3 — có dấu chấm phẩy không nằm trong ngoặc kép?");
	assert_int_equal(count(f, "SELECT count(*) FROM measurement"), before);
	/* the same in a workbook: a cell beyond the header is not refused */
	w->xlsx = true;
	w->name = "Giá trị";
	assert_int_equal(run(f, &cw, 1, NULL, &r), NTM_OK);
}

/* Rows about one thing that differ are refused naming both; a workbook's
 * number cell 17.1 is refused as it may be 17.10; blanks around a
 * village's name do not make a second village. */
static const char *const CLASH[] = {
	"Thôn", "Việc", "Xong",
	"Cự Đình ", "Việc A", "x",
	" cu dinh", "viec a", "",
};
static const char *const NUMBER_CODE[] = {
	"Mã chỉ tiêu", "Giá trị", "Ngày",
	"17.1", "90", "2024-03-01",
};

static void
test_contradictions_and_number_codes(void **state)
{
	struct fixture *f = *state;
	struct io_sheet *num = sheet(&f->a, "so.xlsx", "Giá trị", 2, 3, NUMBER_CODE);
	num->numeric[3] = 1;
	const struct io_sheet *s[] = {sheet(&f->a, "thon.csv", NULL, 3, 3, CLASH), num};
	struct io_import_report r;
	long audit = audit_rows(f);
	assert_int_equal(run(f, s, 2, NULL, &r), NTM_USAGE);
	assert_int_equal(r.nerrors, 2);
	assert_true(listed(r.errors, r.nerrors, "thon.csv:3: dòng này và thon.csv:2 "
			   "nói về cùng một việc nhưng khác nhau ở cột Xong"));
	assert_true(listed(r.errors, r.nerrors, "so.xlsx (trang Giá trị) A2: ô mã chỉ "
			   "tiêu là số 17.1, có thể là một trong các mã 17.1, 17.10"));
	assert_int_equal(audit_rows(f), audit);
	/* the same row twice, with blanks: one item, in the village there is */
	const char *const twice[] = {"Thôn", "Việc", "Xong", "Cự Đình ", "Việc A", "x",
				     "Thôn Cự Đình", "viec a", "có"};
	const struct io_sheet *t[] = {sheet(&f->a, "t.csv", NULL, 3, 3, twice)};
	assert_int_equal(run(f, t, 1, NULL, &r), NTM_OK);
	assert_int_equal(r.res.villages, 0);
	assert_int_equal(r.res.items_added, 1);
	assert_int_equal(count(f, "SELECT count(*) FROM checklist_item WHERE "
			       "title = 'Việc A' AND done = 1"), 1);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_kinds_dry_run_then_apply),
		T(test_every_error_listed_nothing_written),
		T(test_headers), T(test_errors_capped), T(test_implausible_needs_force),
		T(test_task_by_number_updates), T(test_plan_targets_into_empty),
		T(test_export_import_round_trip), T(test_title_block_and_wide_rows),
		T(test_contradictions_and_number_codes),
		cmocka_unit_test(test_cell_plain_undoes_cell_safe),
	};
	return cmocka_run_group_tests_name("import", tests, NULL, NULL);
}
