/* Unit tests of the store's edits: tasks (validation, versions, audit rows),
 * conflicts between two connections on one file (a colleague), the checked
 * measurement, and undo/redo from the audit rows. */
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

#include "ntm/store.h"

#include "unit/fixture.h"

static struct store_task_edit
no_change(void)
{
	return (struct store_task_edit){.progress = STORE_PROGRESS_KEEP};
}

/* ---- tasks ----------------------------------------------------------------- */

static void
test_task_list(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_task *t;
	int n = 0;
	assert_int_equal(store_tasks(f->st, NULL, &a, &t, &n, &e), NTM_OK);
	assert_int_equal(n, 70);
	assert_string_equal(t[0].sector_code, "quy_hoach");
	assert_string_equal(model_task_status_code(t[0].status), "chua_bat_dau");
	assert_int_equal(t[0].version, 1);
	assert_null(t[0].changed_by);
	assert_null(t[0].changed_at);
	assert_int_equal(store_tasks(f->st, "giao_thong", &a, &t, &n, &e), NTM_OK);
	assert_int_equal(n, 3);
	assert_string_equal(t[0].title, "Cải tạo, nâng cấp các tuyến đường xuống cấp, nhỏ hẹp");
	assert_int_equal(store_tasks(f->st, "duong_sa", &a, &t, &n, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "Giao thông, Thủy lợi"));
	arena_free(&a);
}

static void
test_task_add_update_delete(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	char id[STORE_ID_LEN];
	struct store_task_edit ed = {
		.title = "  Lắp đèn đường thôn Cự Đình ", .responsible = "Ban phát triển thôn",
		.due = "5/3/2025", .note = "dòng 1\ndòng 2", .progress = STORE_PROGRESS_KEEP,
	};
	assert_int_equal(store_task_add(f->st, "giao_thong", &ed, id, &e), NTM_OK);
	assert_int_equal(strlen(id), 32);
	struct store_task t;
	assert_int_equal(store_task_get(f->st, id, &a, &t, &e), NTM_OK);
	assert_string_equal(t.title, "Lắp đèn đường thôn Cự Đình");
	assert_string_equal(t.due, "2025-03-05");
	assert_string_equal(model_task_status_code(t.status), "chua_bat_dau");
	assert_int_equal(t.progress, 0);
	assert_int_equal(t.version, 1);
	assert_non_null(strstr(t.changed_by, "Nguyễn Văn An"));
	assert_int_equal(strlen(t.changed_at), strlen("09:14 29/11/2026"));
	/* last in its sector */
	struct store_task *list;
	int n = 0;
	assert_int_equal(store_tasks(f->st, "giao_thong", &a, &list, &n, &e), NTM_OK);
	assert_int_equal(n, 4);
	assert_string_equal(list[3].id, id);
	assert_int_equal(query_int1(f->path, "SELECT ord FROM task WHERE id = ?1", id), 4);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit WHERE verb = "
		"'task.add' AND entity = 'task' AND before IS NULL AND "
		"json_extract(after, '$.due') = '2025-03-05'"), 1);

	/* done: progress goes to 100, the version moves on */
	ed = no_change();
	ed.status = "hoan_thanh";
	ed.responsible = "";
	assert_int_equal(store_task_update(f->st, id, 1, &ed, &e), NTM_OK);
	assert_int_equal(store_task_get(f->st, id, &a, &t, &e), NTM_OK);
	assert_int_equal(t.progress, 100);
	assert_int_equal(t.version, 2);
	assert_null(t.responsible);
	assert_string_equal(t.note, "dòng 1\ndòng 2");
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit WHERE verb = "
		"'task.edit' AND json_extract(before, '$.progress') = 0 AND "
		"json_extract(after, '$.progress') = 100 AND "
		"json_extract(after, '$.version') = 2"), 1);
	/* an edit that changes nothing writes nothing */
	long rows = audit_rows(f);
	ed = no_change();
	ed.title = "Lắp đèn đường thôn Cự Đình";
	assert_int_equal(store_task_update(f->st, id, 2, &ed, &e), NTM_OK);
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(query_int1(f->path, "SELECT version FROM task WHERE id = ?1", id), 2);
	/* progress and due set, due cleared */
	ed = no_change();
	ed.status = "dang_thuc_hien";
	ed.progress = 40;
	ed.due = "";
	assert_int_equal(store_task_update(f->st, id, 2, &ed, &e), NTM_OK);
	assert_int_equal(store_task_get(f->st, id, &a, &t, &e), NTM_OK);
	assert_int_equal(t.progress, 40);
	assert_null(t.due);

	assert_int_equal(store_task_delete(f->st, id, 3, &e), NTM_OK);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM task WHERE id = ?1", id), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit WHERE verb = "
		"'task.delete' AND after IS NULL AND json_extract(before, '$.version') = 3"), 1);
	assert_int_equal(store_task_get(f->st, id, &a, &t, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "đã bị"));
	assert_non_null(strstr(e.msg, "Lắp đèn đường"));
	assert_int_equal(query_int(f->path, "SELECT count(DISTINCT action_id) FROM audit"), 4);
	arena_free(&a);
}

/* Every refusal is NTM_USAGE and writes nothing. */
static void
refused(struct fixture *f, const struct store_task_edit *ed, const char *id,
	const char *words)
{
	struct ntm_error e = {0};
	long rows = audit_rows(f);
	if (id)
		assert_int_equal(store_task_update(f->st, id, 1, ed, &e), NTM_USAGE);
	else
		assert_int_equal(store_task_add(f->st, "giao_thong", ed, NULL, &e), NTM_USAGE);
	if (words && !strstr(e.msg, words))
		fail_msg("“%s” not in “%s”", words, e.msg);
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM task"), 70);
	assert_int_equal(query_int(f->path, "SELECT max(version) FROM task"), 1);
}

/* An update of a task's status (NULL: none given) and progress. */
static int
edit_status(struct fixture *f, const char *id, int version, const char *status,
	    int progress, struct ntm_error *e)
{
	struct store_task_edit ed = no_change();
	ed.status = status;
	ed.progress = progress;
	return store_task_update(f->st, id, version, &ed, e);
}

/* Issue 9: the store applies the model's status/progress rule to every
 * edit; a contradiction is refused and writes nothing. */
static void
test_task_status_progress_agree(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_task t = first_task(f->st, &a), now;
	assert_int_equal(t.status, NTM_TASK_CHUA_BAT_DAU);
	/* the form passes the status unchanged: progress 30 starts the task */
	assert_int_equal(edit_status(f, t.id, 1, "chua_bat_dau", 30, &e), NTM_OK);
	assert_int_equal(store_task_get(f->st, t.id, &a, &now, &e), NTM_OK);
	assert_int_equal(now.status, NTM_TASK_DANG_THUC_HIEN);
	assert_int_equal(now.progress, 30);
	/* chưa bắt đầu chosen while progress stays 30: refused */
	long rows = audit_rows(f);
	assert_int_equal(edit_status(f, t.id, 2, "chua_bat_dau", STORE_PROGRESS_KEEP,
				     &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "chưa bắt đầu"));
	/* tạm dừng chosen with progress 100: refused with the reason */
	assert_int_equal(edit_status(f, t.id, 2, "tam_dung", 100, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "tiến độ 100% nghĩa là đã hoàn thành"));
	assert_int_equal(audit_rows(f), rows);
	/* progress 100 alone: hoàn thành */
	assert_int_equal(edit_status(f, t.id, 2, "dang_thuc_hien", 100, &e), NTM_OK);
	assert_int_equal(store_task_get(f->st, t.id, &a, &now, &e), NTM_OK);
	assert_int_equal(now.status, NTM_TASK_HOAN_THANH);
	/* a new task with progress: đang thực hiện */
	char id[STORE_ID_LEN];
	struct store_task_edit ed = no_change();
	ed.title = "Việc mới";
	ed.progress = 10;
	assert_int_equal(store_task_add(f->st, "y_te", &ed, id, &e), NTM_OK);
	assert_int_equal(store_task_get(f->st, id, &a, &now, &e), NTM_OK);
	assert_int_equal(now.status, NTM_TASK_DANG_THUC_HIEN);
	ed.status = "tam_dung";
	ed.progress = 100;
	assert_int_equal(store_task_add(f->st, "y_te", &ed, id, &e), NTM_USAGE);
	arena_free(&a);
}

static char *
repeat(const char *s, int times)
{
	size_t len = strlen(s);
	char *out = malloc(len * (size_t)times + 1);
	for (int i = 0; i < times; i++)
		memcpy(out + len * (size_t)i, s, len);
	out[len * (size_t)times] = '\0';
	return out;
}

static void
test_task_validation(void **state)
{
	struct fixture *f = *state;
	struct arena a = {0};
	struct store_task t = first_task(f->st, &a);
	char *t300 = repeat("ệ", 300), *t301 = repeat("ệ", 301);
	char *r201 = repeat("a", 201), *n10001 = repeat("ữ", 10001);
	struct store_task_edit ed = no_change();
	refused(f, &ed, NULL, "tiêu đề");          /* add needs a title */
	const char *bad_titles[] = {"", "   ", "a\nb", "a\033[2Jb", "\xff", t301};
	for (size_t i = 0; i < 6; i++) {
		ed = no_change();
		ed.title = bad_titles[i];
		refused(f, &ed, NULL, "tiêu đề");
		refused(f, &ed, t.id, "tiêu đề");
	}
	ed = no_change(); ed.title = "x"; ed.responsible = r201;
	refused(f, &ed, t.id, "người phụ trách");
	ed.responsible = "a\nb";
	refused(f, &ed, NULL, "người phụ trách");
	ed = no_change(); ed.title = "x"; ed.note = n10001;
	refused(f, &ed, t.id, "ghi chú");
	ed = no_change(); ed.due = "2025-02-30";
	refused(f, &ed, t.id, "không có trên lịch");
	ed.due = "mai";
	refused(f, &ed, t.id, "hạn hoàn thành");
	ed = no_change(); ed.status = "đã xong rồi";
	refused(f, &ed, t.id, "hoan_thanh");
	ed = no_change(); ed.progress = 101;
	refused(f, &ed, t.id, "100");
	ed.progress = -5;
	refused(f, &ed, t.id, "0 đến 100");
	ed = no_change(); ed.title = "x";
	struct ntm_error e = {0};
	assert_int_equal(store_task_add(f->st, "khong_co", &ed, NULL, &e), NTM_USAGE);
	assert_int_equal(audit_rows(f), 0);
	/* the limits themselves are fine: 300 characters of 3 bytes each */
	ed = no_change(); ed.title = t300; ed.note = n10001 + 3;
	assert_int_equal(store_task_update(f->st, t.id, 1, &ed, &e), NTM_OK);
	free(t300); free(t301); free(r201); free(n10001);
	arena_free(&a);
}

static void
test_task_conflict(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_task mine = first_task(f->st, &a);
	/* the colleague edits the task I have open */
	struct store_task theirs = first_task(colleague(f), &a);
	struct store_task_edit ed = no_change();
	ed.progress = 30;
	assert_int_equal(store_task_update(f->colleague, theirs.id, theirs.version, &ed, &e), NTM_OK);
	long rows = audit_rows(f);
	ed = no_change();
	ed.progress = 50;
	assert_int_equal(store_task_update(f->st, mine.id, mine.version, &ed, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "vừa được Trần Bình"));
	assert_non_null(strstr(e.msg, mine.title));
	assert_non_null(strstr(e.msg, " lúc "));
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(query_int1(f->path, "SELECT progress FROM task WHERE id = ?1", mine.id), 30);
	/* a stale delete is refused too */
	assert_int_equal(store_task_delete(f->st, mine.id, mine.version, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Trần Bình"));
	/* after reading again, the edit goes through */
	assert_int_equal(store_task_get(f->st, mine.id, &a, &mine, &e), NTM_OK);
	assert_int_equal(mine.version, 2);
	assert_non_null(strstr(mine.changed_by, "Trần Bình"));
	assert_int_equal(store_task_update(f->st, mine.id, mine.version, &ed, &e), NTM_OK);
	/* deleted meanwhile */
	assert_int_equal(store_task_delete(f->colleague, mine.id, 3, &e), NTM_OK);
	assert_int_equal(store_task_update(f->st, mine.id, 3, &ed, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "đã bị Trần Bình"));
	assert_non_null(strstr(e.msg, "xóa"));
	assert_int_equal(store_task_delete(f->st, mine.id, 3, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "đã bị"));
	arena_free(&a);
}

static void
test_no_plan(void **state)
{
	struct fixture *f = *state;
	char path[160];
	snprintf(path, sizeof path, "%s/empty.db", f->dir);
	struct ntm_error e = {0};
	struct store *st;
	assert_int_equal(store_create(path, true, "Xã Mới", NULL, &e), NTM_OK);
	assert_int_equal(store_open(&st, path, NULL, &e), NTM_OK);
	assert_int_equal(store_use_commune(st, NULL, &e), NTM_OK);
	struct arena a = {0};
	struct store_task *t;
	int n = 5;
	assert_int_equal(store_tasks(st, NULL, &a, &t, &n, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "chưa có kế hoạch"));
	assert_int_equal(n, 0);
	struct store_task_edit ed = no_change();
	ed.title = "x";
	assert_int_equal(store_task_add(st, "giao_thong", &ed, NULL, &e), NTM_FAIL);
	assert_int_equal(store_last_action(st, (char[STORE_ID_LEN]){0}, &e), NTM_FAIL);
	store_close(st);
	arena_free(&a);
}

static void
test_read_only_and_bad_ids(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_task t = first_task(f->st, &a), got;
	struct store_task_edit ed = no_change();
	ed.progress = 10;
	/* no id is no task: never "the first one" */
	assert_int_equal(store_task_get(f->st, NULL, &a, &got, &e), NTM_FAIL);
	assert_int_equal(store_task_update(f->st, NULL, 1, &ed, &e), NTM_FAIL);
	assert_int_equal(store_task_delete(f->st, "nope", 1, &e), NTM_FAIL);
	assert_int_equal(store_undo(f->st, NULL, (char[STORE_ID_LEN]){0}, &e), NTM_FAIL);
	assert_int_equal(audit_rows(f), 0);
	struct store *ro;
	assert_int_equal(store_open(&ro, f->path, &(struct store_options){.read_only = true}, &e), NTM_OK);
	assert_int_equal(store_use_commune(ro, NULL, &e), NTM_OK);
	assert_int_equal(store_task_get(ro, t.id, &a, &got, &e), NTM_OK);
	assert_int_equal(store_task_update(ro, t.id, 1, &ed, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "chỉ xem"));
	assert_int_equal(store_task_update(f->st, t.id, 1, &ed, &e), NTM_OK);
	char last[STORE_ID_LEN];
	assert_int_equal(store_last_action(ro, last, &e), NTM_OK);
	assert_int_equal(store_undo(ro, last, NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "chỉ xem"));
	store_close(ro);
	assert_int_equal(audit_rows(f), 1);
	arena_free(&a);
}

/* ---- measurements ------------------------------------------------------------ */

static void
test_measurement_checked(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_indicator_ref ind;
	const char *latest;
	assert_int_equal(store_indicator_find(f->st, "12.2", &ind, &e), NTM_OK);
	assert_int_equal(store_latest_measurement(f->st, ind.id, &a, &latest, &e), NTM_OK);
	assert_null(latest);
	assert_int_equal(store_measurement_add_checked(f->st, &ind, NULL, 80, "2024-06-30", NULL, &e), NTM_OK);
	assert_int_equal(store_latest_measurement(f->st, ind.id, &a, &latest, &e), NTM_OK);
	assert_non_null(latest);
	/* expecting none while there is one */
	assert_int_equal(store_measurement_add_checked(f->st, &ind, NULL, 81, NULL, NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "giá trị mới của 12.2: 80"));
	assert_non_null(strstr(e.msg, "Nguyễn Văn An"));

	/* a colleague records a newer value while my form is open */
	assert_int_equal(store_measurement_add(colleague(f), &ind, 88.5, "2024-09-30", NULL, &e), NTM_OK);
	long rows = audit_rows(f);
	assert_int_equal(store_measurement_add_checked(f->st, &ind, latest, 82, "2024-07-01", NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Trần Bình"));
	assert_non_null(strstr(e.msg, "88,5"));
	assert_non_null(strstr(e.msg, "30/09/2024"));
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM measurement"), 2);
	/* an older-dated value of theirs hides nothing: no conflict */
	const char *now;
	assert_int_equal(store_latest_measurement(f->st, ind.id, &a, &now, &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->colleague, &ind, 10, "2020-01-01", NULL, &e), NTM_OK);
	assert_int_equal(store_measurement_add_checked(f->st, &ind, now, 90, NULL, NULL, &e), NTM_OK);
	/* retracted meanwhile */
	assert_int_equal(store_latest_measurement(f->st, ind.id, &a, &now, &e), NTM_OK);
	assert_int_equal(store_measurement_retract(f->colleague, &ind, &e), NTM_OK);
	assert_int_equal(store_measurement_add_checked(f->st, &ind, now, 91, NULL, NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "rút lại"));
	assert_non_null(strstr(e.msg, "Trần Bình"));
	arena_free(&a);
}

/* ---- undo -------------------------------------------------------------------- */

/* Undoes the latest action; checks the undo wrote `rows` audit rows under
 * one new action id with verb undo; returns that id in out. */
static void
undo_last(struct fixture *f, long rows, char out[STORE_ID_LEN])
{
	struct ntm_error e = {0};
	char last[STORE_ID_LEN];
	assert_int_equal(store_last_action(f->st, last, &e), NTM_OK);
	long before = audit_rows(f);
	if (store_undo(f->st, last, out, &e) != NTM_OK)
		fail_msg("undo: %s", e.msg);
	assert_int_equal(strlen(out), 32);
	assert_string_not_equal(out, last);
	assert_int_equal(audit_rows(f), before + rows);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM audit WHERE "
		"action_id = ?1 AND verb = 'undo'", out), rows);
	char now[STORE_ID_LEN];
	assert_int_equal(store_last_action(f->st, now, &e), NTM_OK);
	assert_string_equal(now, out);
}

static void
redo(struct fixture *f, const char *undo_id, long rows)
{
	struct ntm_error e = {0};
	char id[STORE_ID_LEN];
	if (store_undo(f->st, undo_id, id, &e) != NTM_OK)
		fail_msg("redo: %s", e.msg);
	/* undoing an undo is logged as a redo */
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM audit WHERE "
		"action_id = ?1 AND verb = 'redo'", id), rows);
}

/* Issue 9: an undo is described by the action it undid, not by the rows
 * it wrote (inserting in the middle moves eight items down: the undo's
 * first row was one of them). */
static void
test_undo_described(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	char u[STORE_ID_LEN], r[STORE_ID_LEN], again[STORE_ID_LEN];
	assert_int_equal(store_item_insert(f->st, f->cd, "Sân chơi trẻ em", 2, NULL, &e), NTM_OK);
	char add[STORE_ID_LEN];
	memcpy(add, store_my_last_action(f->st), STORE_ID_LEN);
	const char *text;
	assert_int_equal(store_action_describe(f->st, add, &a, &text, &e), NTM_OK);
	assert_string_equal(text, "thêm mục “Sân chơi trẻ em” ở thôn Cự Đình");
	assert_int_equal(store_undo(f->st, add, u, &e), NTM_OK);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM action_undo "
				    "WHERE action_id = ?1", u), 1);
	assert_int_equal(store_action_describe(f->st, u, &a, &text, &e), NTM_OK);
	assert_string_equal(text, "hoàn tác: thêm mục “Sân chơi trẻ em” ở thôn Cự Đình");
	/* the log says the same, without the rows the undo wrote */
	struct store_log_entry *x;
	int n = 0;
	assert_int_equal(store_log(f->st, 5, &a, &x, &n, &e), NTM_OK);
	assert_string_equal(x[0].described, "hoàn tác: thêm mục “Sân chơi trẻ em” ở thôn Cự Đình");
	assert_null(x[1].described);
	/* redo, and the undo of the redo */
	assert_int_equal(store_undo(f->st, u, r, &e), NTM_OK);
	assert_int_equal(store_action_describe(f->st, r, &a, &text, &e), NTM_OK);
	assert_string_equal(text, "làm lại: thêm mục “Sân chơi trẻ em” ở thôn Cự Đình");
	assert_int_equal(store_undo(f->st, r, again, &e), NTM_OK);
	assert_int_equal(store_action_describe(f->st, again, &a, &text, &e), NTM_OK);
	assert_string_equal(text, "hoàn tác: thêm mục “Sân chơi trẻ em” ở thôn Cự Đình");
	/* an undo made before schema 4 (no action_undo row) is found from the
	 * audit rows */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM action_undo", 0, 0, 0), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_action_describe(f->st, u, &a, &text, &e), NTM_OK);
	assert_string_equal(text, "hoàn tác: thêm mục “Sân chơi trẻ em” ở thôn Cự Đình");
	/* other actions */
	struct store_indicator_ref ref;
	assert_int_equal(store_indicator_find(f->st, "12.2", &ref, &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->st, &ref, 86.5, NULL, NULL, &e), NTM_OK);
	assert_int_equal(store_action_describe(f->st, store_my_last_action(f->st), &a,
					       &text, &e), NTM_OK);
	assert_string_equal(text, "ghi giá trị 12.2");
	assert_int_equal(store_action_describe(f->st, "0123", &a, &text, &e), NTM_FAIL);
	arena_free(&a);
}

static void
test_undo_measurement(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ind;
	char u[STORE_ID_LEN];
	assert_int_equal(store_indicator_find(f->st, "12.2", &ind, &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->st, &ind, 70, "2024-03-31", NULL, &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->st, &ind, 86.5, "2024-06-30", "đợt 1 Zylo", &e), NTM_OK);
	undo_last(f, 1, u);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM measurement"), 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM audit WHERE "
		"verb = 'undo' AND after IS NULL AND json_extract(before, '$.value') = 86.5"), 1);
	redo(f, u, 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM measurement WHERE "
		"value = 86.5 AND note = 'đợt 1 Zylo'"), 1);

	/* a retract undone brings the same row back */
	char id[STORE_ID_LEN];
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT id FROM measurement WHERE value = 86.5", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	snprintf(id, sizeof id, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	assert_int_equal(store_measurement_retract(f->st, &ind, &e), NTM_OK);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM measurement WHERE id = ?1", id), 0);
	undo_last(f, 1, u);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM measurement WHERE "
		"id = ?1 AND value = 86.5 AND as_of = '2024-06-30' AND note = 'đợt 1 Zylo' "
		"AND version = 1", id), 1);
	struct arena a = {0};
	const char *latest;
	assert_int_equal(store_latest_measurement(f->st, ind.id, &a, &latest, &e), NTM_OK);
	assert_string_equal(latest, id);
	/* the search index follows */
	struct store_hit *h;
	int n = 0;
	assert_int_equal(store_search(f->st, "zylo", 0, &a, &h, &n, &e), NTM_OK);
	assert_int_equal(n, 1);
	arena_free(&a);
}

/* The whole history, retracted values included and marked, newest first;
 * a retract undone stands again (issue 9, point 6). Retracting from a
 * screen checks the latest value is still the one the person saw. */
static void
test_history_all(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ind;
	struct arena a = {0};
	struct store_value *v;
	int n = 0;
	char u[STORE_ID_LEN];
	assert_int_equal(store_indicator_find(f->st, "12.2", &ind, &e), NTM_OK);
	assert_int_equal(store_history_all(f->st, ind.id, &a, &v, &n, &e), NTM_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_measurement_add(f->st, &ind, 70, "2024-03-31", "quý 1", &e), NTM_OK);
	assert_int_equal(store_measurement_add(f->st, &ind, 8.65, "2024-06-30", "gõ nhầm", &e), NTM_OK);
	const char *latest;
	assert_int_equal(store_latest_measurement(f->st, ind.id, &a, &latest, &e), NTM_OK);
	/* a colleague's newer value: my retract of what I saw is refused */
	assert_int_equal(store_measurement_add(colleague(f), &ind, 86.5, "2024-07-01", NULL, &e), NTM_OK);
	assert_int_equal(store_measurement_retract_checked(f->st, &ind, latest, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Trần Bình"));
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM measurement"), 3);
	assert_int_equal(store_latest_measurement(f->st, ind.id, &a, &latest, &e), NTM_OK);
	assert_int_equal(store_measurement_retract_checked(f->st, &ind, latest, &e), NTM_OK);
	assert_int_equal(store_latest_measurement(f->st, ind.id, &a, &latest, &e), NTM_OK);
	assert_int_equal(store_measurement_retract_checked(f->st, &ind, latest, &e), NTM_OK);
	assert_int_equal(store_history_all(f->st, ind.id, &a, &v, &n, &e), NTM_OK);
	assert_int_equal(n, 3);
	assert_true(v[0].retracted && v[0].value == 86.5);
	assert_string_equal(v[0].as_of, "2024-07-01");
	assert_string_equal(v[0].recorded_by, "Trần Bình");
	assert_string_equal(v[0].retracted_by, "Nguyễn Văn An");
	assert_int_equal(strlen(v[0].retracted_on), 10);
	assert_true(v[1].retracted && v[1].value == 8.65);
	assert_string_equal(v[1].note, "gõ nhầm");
	assert_false(v[2].retracted);
	assert_string_equal(v[2].note, "quý 1");
	assert_null(v[2].retracted_by);
	/* the last retract undone: 8,65 stands again, once */
	undo_last(f, 1, u);
	assert_int_equal(store_history_all(f->st, ind.id, &a, &v, &n, &e), NTM_OK);
	assert_int_equal(n, 3);
	assert_true(v[0].retracted);
	assert_false(v[1].retracted);
	assert_true(v[1].value == 8.65);
	/* history stays the short one */
	assert_int_equal(store_history(f->st, ind.id, 10, &a, &v, &n, &e), NTM_OK);
	assert_int_equal(n, 2);
	arena_free(&a);
}

/* Two edits of one task, then two undos in a row: the first undo bumps
 * the version, and the second must still go through (it did not). */
static void
test_undo_twice_in_a_row(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_task t = first_task(f->st, &a), now;
	struct store_task_edit ed = no_change();
	ed.progress = 60;
	assert_int_equal(store_task_update(f->st, t.id, 1, &ed, &e), NTM_OK);
	char first[STORE_ID_LEN], second[STORE_ID_LEN], u[STORE_ID_LEN];
	memcpy(first, store_my_last_action(f->st), STORE_ID_LEN);
	ed.progress = 70;
	assert_int_equal(store_task_update(f->st, t.id, 2, &ed, &e), NTM_OK);
	memcpy(second, store_my_last_action(f->st), STORE_ID_LEN);
	assert_int_equal(store_undo(f->st, second, u, &e), NTM_OK);
	if (store_undo(f->st, first, u, &e) != NTM_OK)
		fail_msg("second undo: %s", e.msg);
	assert_int_equal(store_task_get(f->st, t.id, &a, &now, &e), NTM_OK);
	assert_int_equal(now.progress, 0);
	arena_free(&a);
}

static void
test_undo_task(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	char u[STORE_ID_LEN];
	struct store_task t = first_task(f->st, &a), now;
	struct store_task_edit ed = no_change();
	ed.title = "Tiêu đề mới";
	ed.status = "hoan_thanh";
	ed.note = "xong";
	assert_int_equal(store_task_update(f->st, t.id, 1, &ed, &e), NTM_OK);
	undo_last(f, 1, u);
	assert_int_equal(store_task_get(f->st, t.id, &a, &now, &e), NTM_OK);
	assert_string_equal(now.title, t.title);
	assert_string_equal(model_task_status_code(now.status), "chua_bat_dau");
	assert_int_equal(now.progress, 0);
	assert_null(now.note);
	assert_int_equal(now.version, 3);
	/* redo, then delete and undo the delete */
	redo(f, u, 1);
	assert_int_equal(store_task_get(f->st, t.id, &a, &now, &e), NTM_OK);
	assert_string_equal(now.title, "Tiêu đề mới");
	assert_int_equal(now.version, 4);
	assert_int_equal(store_task_delete(f->st, t.id, 4, &e), NTM_OK);
	undo_last(f, 1, u);
	assert_int_equal(store_task_get(f->st, t.id, &a, &now, &e), NTM_OK);
	assert_string_equal(now.title, "Tiêu đề mới");
	assert_string_equal(now.sector_code, "giao_thong");
	assert_int_equal(now.progress, 100);
	assert_int_equal(now.version, 4);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM task"), 70);
	/* an undone add */
	char id[STORE_ID_LEN];
	ed = no_change();
	ed.title = "Việc thêm";
	assert_int_equal(store_task_add(f->st, "y_te", &ed, id, &e), NTM_OK);
	undo_last(f, 1, u);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM task WHERE id = ?1", id), 0);
	arena_free(&a);
}

static void
test_undo_village(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	char u[STORE_ID_LEN];
	long units = query_int(f->path, "SELECT count(*) FROM unit");
	long items = query_int(f->path, "SELECT count(*) FROM checklist_item");
	assert_int_equal(store_village_add(f->st, "Đình Dù", false, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM checklist_item"), items + 10);
	undo_last(f, 11, u);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM unit"), units);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM checklist_item"), items);
	/* redo brings back all eleven rows, with their ids */
	redo(f, u, 11);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM unit WHERE name = 'Đình Dù'"), 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM checklist_item i JOIN unit u "
		"ON u.id = i.unit_id WHERE u.name = 'Đình Dù' AND i.template_id IS NOT NULL"), 10);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM checklist_item i WHERE "
		"EXISTS (SELECT 1 FROM audit a WHERE a.verb = 'village.add' AND a.entity_id = i.id)"), 10);
	struct arena a = {0};
	struct store_village v;
	assert_int_equal(store_village_find(f->st, "dinh du", &a, &v, &e), NTM_OK);
	assert_int_equal(v.items.total, 10);
	arena_free(&a);
	assert_int_equal(query_int(f->path, "PRAGMA foreign_key_check"), -1);

	/* a rename touches the unit and its aliases: all put back */
	long aliases = query_int(f->path, "SELECT count(*) FROM unit_alias");
	assert_int_equal(store_village_rename(f->st, "Cự Đình", STORE_ANY_VERSION, "Cự Đình Mới", &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM unit_alias"), aliases + 1);
	undo_last(f, 2, u);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM unit WHERE name = 'Cự Đình' "
		"AND version = 3"), 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM unit_alias"), aliases);
}

static void
test_undo_checklist_tick(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_village v;
	char u[STORE_ID_LEN];
	assert_int_equal(store_village_find(f->st, "Cự Đình", &a, &v, &e), NTM_OK);
	assert_int_equal(store_item_set_done(f->st, v.id, "2", true, NULL, &e), NTM_OK);
	undo_last(f, 1, u);
	struct store_item *it;
	int n = 0;
	assert_int_equal(store_checklist(f->st, v.id, &a, &it, &n, &e), NTM_OK);
	assert_false(it[1].done);
	assert_null(it[1].done_on);
	assert_null(it[1].done_by);
	assert_int_equal(query_int1(f->path, "SELECT version FROM checklist_item WHERE id = ?1", it[1].id), 3);
	redo(f, u, 1);
	assert_int_equal(store_checklist(f->st, v.id, &a, &it, &n, &e), NTM_OK);
	assert_true(it[1].done);
	assert_string_equal(it[1].done_by, "Nguyễn Văn An");
	arena_free(&a);
}

static void
test_undo_refused(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_task t = first_task(f->st, &a);
	struct store_task_edit ed = no_change();
	ed.progress = 20;
	assert_int_equal(store_task_update(f->st, t.id, 1, &ed, &e), NTM_OK);
	char mine[STORE_ID_LEN], u[STORE_ID_LEN];
	assert_int_equal(store_last_action(f->st, mine, &e), NTM_OK);
	/* the colleague changes the same task afterwards */
	ed.progress = 60;
	assert_int_equal(store_task_update(colleague(f), t.id, 2, &ed, &e), NTM_OK);
	long rows = audit_rows(f);
	assert_int_equal(store_undo(f->st, mine, u, &e), NTM_FAIL);
	assert_string_equal(u, "");
	assert_non_null(strstr(e.msg, "Trần Bình"));
	assert_non_null(strstr(e.msg, t.title));
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(query_int1(f->path, "SELECT progress FROM task WHERE id = ?1", t.id), 60);
	assert_int_equal(query_int1(f->path, "SELECT version FROM task WHERE id = ?1", t.id), 3);
	/* deleted since */
	assert_int_equal(store_task_delete(f->colleague, t.id, 3, &e), NTM_OK);
	assert_int_equal(store_undo(f->st, mine, u, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "đã bị Trần Bình"));
	/* changed outside ntm: nobody to name */
	ed = no_change();
	ed.title = "Việc mới";
	assert_int_equal(store_task_add(f->st, "y_te", &ed, u, &e), NTM_OK);
	assert_int_equal(store_last_action(f->st, mine, &e), NTM_OK);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE task SET note = 'x' WHERE title = 'Việc mới'", 0, 0, 0), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_undo(f->st, mine, u, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "ngoài ntm"));
	/* and an id that is no action */
	assert_int_equal(store_undo(f->st, "0123", u, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "0123"));
	arena_free(&a);
}

/* Undoing a village add once a colleague has added an item to the village
 * would delete their item by cascade: refused, naming them. */
static void
test_undo_cascade_refused(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	char mine[STORE_ID_LEN], u[STORE_ID_LEN];
	assert_int_equal(store_village_add(f->st, "Đình Dù", false, &e), NTM_OK);
	assert_int_equal(store_last_action(f->st, mine, &e), NTM_OK);
	struct store_village v;
	assert_int_equal(store_village_find(colleague(f), "Đình Dù", &a, &v, &e), NTM_OK);
	assert_int_equal(store_item_add(f->colleague, v.id, "Cổng làng", &e), NTM_OK);
	long rows = audit_rows(f);
	assert_int_equal(store_undo(f->st, mine, u, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Cổng làng"));
	assert_non_null(strstr(e.msg, "Trần Bình"));
	assert_non_null(strstr(e.msg, " thêm lúc "));
	assert_int_equal(audit_rows(f), rows);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM checklist_item i JOIN unit u "
		"ON u.id = i.unit_id WHERE u.name = 'Đình Dù'"), 11);
	arena_free(&a);
}

/* A checklist item removed, then a new one with the same title added: the
 * removal cannot come back (the title is taken). */
static void
test_undo_duplicate_refused(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_village v;
	char mine[STORE_ID_LEN], u[STORE_ID_LEN];
	assert_int_equal(store_village_find(f->st, "Thục Cầu", &a, &v, &e), NTM_OK);
	assert_int_equal(store_item_add(f->st, v.id, "Cổng làng", &e), NTM_OK);
	assert_int_equal(store_item_remove(f->st, v.id, "Cổng làng", &e), NTM_OK);
	assert_int_equal(store_last_action(f->st, mine, &e), NTM_OK);
	assert_int_equal(store_item_add(f->st, v.id, "Cổng làng", &e), NTM_OK);
	long rows = audit_rows(f);
	assert_int_equal(store_undo(f->st, mine, u, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Cổng làng"));
	assert_int_equal(audit_rows(f), rows);
	arena_free(&a);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_task_list), T(test_task_add_update_delete),
		T(test_task_validation), T(test_task_conflict), T(test_no_plan),
		T(test_task_status_progress_agree), T(test_undo_described),
		T(test_read_only_and_bad_ids),
		T(test_measurement_checked), T(test_undo_measurement),
		T(test_history_all),
		T(test_undo_task), T(test_undo_twice_in_a_row), T(test_undo_village),
		T(test_undo_checklist_tick),
		T(test_undo_refused), T(test_undo_cascade_refused),
		T(test_undo_duplicate_refused),
	};
	return cmocka_run_group_tests_name("store_edit", tests, NULL, NULL);
}
