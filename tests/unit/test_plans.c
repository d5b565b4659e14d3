/* Plans of the commune (issue 11): listing, finding by year or number,
 * new, copy into next year, edit, remove, the remembered plan, task
 * numbers that are never given twice, and a task's issue and proposal
 * (issue 12), which a copy carries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "fixture.h"

static const struct store_plan_fields PLAN_2025 = {
	.year = 2025, .number = "15/KH-UBND", .issued_on = "20/1/2025",
};

static void
copy_2025(struct fixture *f, int *carried)
{
	struct ntm_error e = {0};
	char id[STORE_ID_LEN];
	assert_int_equal(store_plan_copy(f->st, "2024", &PLAN_2025, id, carried, &e),
			 NTM_OK);
	assert_int_equal(strlen(id), 32);
}

static void
test_list_and_find(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_plan *p, one;
	int n;
	assert_int_equal(store_plans(f->st, &f->a, &p, &n, &e), NTM_OK);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].number, "32/KH-UBND");
	assert_int_equal(p[0].year, 2024);
	assert_string_equal(p[0].issued_on, "2024-03-12");
	assert_string_equal(p[0].criteria_set, "ntm");
	assert_true(p[0].current && p[0].in_use);
	assert_int_equal(p[0].tasks_total, 70);
	/* by year, by number with other case and spaces */
	assert_int_equal(store_plan_find(f->st, "2024", &f->a, &one, &e), NTM_OK);
	assert_int_equal(store_plan_find(f->st, "32/kh - ubnd", &f->a, &one, &e), NTM_OK);
	assert_string_equal(one.id, p[0].id);
	assert_int_equal(store_plan_find(f->st, "2023", &f->a, &one, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "32/KH-UBND năm 2024"));
}

static void
test_new_and_duplicate(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_plan_fields g = {.year = 2026, .number = "7/KH-UBND",
				      .title = "Kế hoạch năm 2026", .issued_on = "2026-02-01"};
	char id[STORE_ID_LEN];
	assert_int_equal(store_plan_new(f->st, &g, id, &e), NTM_OK);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM task WHERE "
				    "plan_id = ?1", id), 0);
	/* the newest is now the default: tasks read from it */
	assert_int_equal(store_plan_select(f->st, NULL, &e), NTM_OK);
	struct store_task *t;
	int n = -1;
	assert_int_equal(store_tasks(f->st, NULL, &f->a, &t, &n, &e), NTM_OK);
	assert_int_equal(n, 0);
	/* the same year and number, typed otherwise, is refused naming it */
	g.number = "7/kh-ubnd";
	assert_int_equal(store_plan_new(f->st, &g, NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "7/KH-UBND năm 2026"));
	g = (struct store_plan_fields){.year = 1999, .number = "1", .title = "x"};
	assert_int_equal(store_plan_new(f->st, &g, NULL, &e), NTM_USAGE);
	g = (struct store_plan_fields){.year = 2027, .number = "1", .title = "x",
				       .issued_on = "31/2/2027"};
	assert_int_equal(store_plan_new(f->st, &g, NULL, &e), NTM_USAGE);
	g.issued_on = NULL;
	g.criteria_set = "khong_co";
	assert_int_equal(store_plan_new(f->st, &g, NULL, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "ntm"));
}

static void
test_copy(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_task t0 = first_task(f->st, &f->a);
	struct store_task_edit done = {.status = "hoàn thành", .progress = STORE_PROGRESS_KEEP};
	assert_int_equal(store_task_update(f->st, t0.id, t0.version, &done, &e), NTM_OK);
	int carried = 0;
	copy_2025(f, &carried);
	assert_int_equal(carried, 69);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM plan WHERE year = "
				   "2025 AND title LIKE '%năm 2025'"), 1);
	/* own indicators and targets copied; targets of own ones follow them */
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM indicator i JOIN "
				   "plan p ON p.id = i.plan_id AND p.year = 2025"), 11);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM plan_target pt "
				   "JOIN plan p ON p.id = pt.plan_id AND p.year = 2025"),
			 query_int(f->path, "SELECT count(*) FROM plan_target pt JOIN "
				   "plan p ON p.id = pt.plan_id AND p.year = 2024"));
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM plan_target pt "
				   "JOIN plan p ON p.id = pt.plan_id AND p.year = 2025 "
				   "JOIN indicator i ON i.id = pt.indicator_id AND "
				   "i.plan_id IS NOT NULL AND i.plan_id <> p.id"), 0);
	/* the new plan is the newest: carried tasks name where they came from */
	assert_int_equal(store_plan_select(f->st, "2025", &e), NTM_OK);
	struct store_task t;
	assert_int_equal(store_task_by_number(f->st, 1, &f->a, &t, &e), NTM_OK);
	assert_string_equal(t.from_plan, "32/KH-UBND");
	assert_true(t.from_number > 0);
	assert_null(t.due);
	/* undoing the copy leaves the store on the plan that remains */
	char undo[STORE_ID_LEN];
	assert_int_equal(store_undo(f->st, store_my_last_action(f->st), undo, &e), NTM_OK);
	struct store_place at;
	assert_int_equal(store_action_place(f->st, undo, &at, &e), NTM_OK);
	assert_string_equal(at.entity, "plan");       /* not a task, not a village */
	assert_string_equal(at.village_id, "");
	struct store_plan p;
	assert_int_equal(store_plan_in_use(f->st, &f->a, &p, &e), NTM_OK);
	assert_int_equal(p.year, 2024);
	assert_int_equal(store_undo(f->st, undo, NULL, &e), NTM_OK);
	/* both years stay */
	assert_int_equal(store_plan_select(f->st, "2024", &e), NTM_OK);
	struct store_task *all;
	int n;
	assert_int_equal(store_tasks(f->st, NULL, &f->a, &all, &n, &e), NTM_OK);
	assert_int_equal(n, 70);
	/* copying onto an existing year + number is refused */
	assert_int_equal(store_plan_copy(f->st, "2024", &PLAN_2025, NULL, NULL, &e),
			 NTM_FAIL);
}

static void
test_numbers_never_reused(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_task_edit add = {.title = "Làm đường thôn", .progress = 0};
	char id[STORE_ID_LEN];
	assert_int_equal(store_task_add(f->st, "giao thong", &add, id, &e), NTM_OK);
	struct store_task t;
	assert_int_equal(store_task_get(f->st, id, &f->a, &t, &e), NTM_OK);
	assert_int_equal(t.number, 71);
	assert_string_equal(t.sector_code, "giao_thong");
	assert_int_equal(store_task_delete(f->st, id, t.version, &e), NTM_OK);
	assert_int_equal(store_task_by_number(f->st, 71, &f->a, &t, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Làm đường thôn"));
	assert_int_equal(store_task_add(f->st, "Giao thông", &add, id, &e), NTM_OK);
	assert_int_equal(store_task_get(f->st, id, &f->a, &t, &e), NTM_OK);
	assert_int_equal(t.number, 72);
	assert_int_equal(store_task_by_number(f->st, 999, &f->a, &t, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "#999"));
	/* an unknown sector lists the sectors by name */
	assert_int_equal(store_task_add(f->st, "đường xá", &add, NULL, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "Giao thông"));
	/* detail is edited like the other fields */
	struct store_task_edit ed = {.detail = "Dài 2 km", .progress = STORE_PROGRESS_KEEP};
	assert_int_equal(store_task_update(f->st, id, t.version, &ed, &e), NTM_OK);
	assert_int_equal(store_task_get(f->st, id, &f->a, &t, &e), NTM_OK);
	assert_string_equal(t.detail, "Dài 2 km");
}

static void
test_remember_edit_remove(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	copy_2025(f, NULL);
	/* remembered for the commune: another connection opens on 2024 */
	assert_int_equal(store_plan_remember(f->st, "32/KH-UBND", &e), NTM_OK);
	struct store_plan p;
	assert_int_equal(store_plan_in_use(colleague(f), &f->a, &p, &e), NTM_OK);
	assert_int_equal(p.year, 2024);
	assert_int_equal(store_plan_remember(f->st, NULL, &e), NTM_OK);
	assert_int_equal(store_plan_in_use(f->st, &f->a, &p, &e), NTM_OK);
	assert_int_equal(p.year, 2025);
	/* an edit checks the version read */
	struct store_plan_fields g = {.signer = "Đặng Hồng Quân"};
	assert_int_equal(store_plan_edit(f->st, p.id, p.version, &g, &e), NTM_OK);
	assert_int_equal(store_plan_edit(f->st, p.id, p.version, &g, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "Nguyễn Văn An"));
	/* removing a plan with tasks needs force; undo brings it all back */
	assert_int_equal(store_plan_remove(f->st, p.id, STORE_ANY_VERSION, false, &e),
			 NTM_FAIL);
	assert_non_null(strstr(e.msg, "70 nhiệm vụ"));
	long before = query_int(f->path, "SELECT count(*) FROM task");
	assert_int_equal(store_plan_remove(f->st, p.id, STORE_ANY_VERSION, true, &e),
			 NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM task"), 70);
	/* the log names the plan by its number, not a task it held */
	const char *said;
	assert_int_equal(store_action_describe(f->st, store_my_last_action(f->st),
					       &f->a, &said, &e), NTM_OK);
	assert_string_equal(said, "xóa kế hoạch “15/KH-UBND”");
	assert_int_equal(store_plan_in_use(f->st, &f->a, &p, &e), NTM_OK);
	assert_int_equal(p.year, 2024);
	char undo[STORE_ID_LEN];
	assert_int_equal(store_undo(f->st, store_my_last_action(f->st), undo, &e), NTM_OK);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM task"), before);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM indicator WHERE "
				   "plan_id IS NOT NULL"), 22);
}

/* A task's issue (vướng mắc) and proposal (đề xuất): added, edited like a
 * note (NFC, "" clears, the same text again writes nothing), refused when
 * bad, audited, and kept by a task carried into next year's plan. */
static void
test_task_issue_proposal(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	char id[STORE_ID_LEN];
	struct store_task t;
	struct store_task_edit ed = {.title = "Làm cầu", .progress = STORE_PROGRESS_KEEP,
		.issue = "Thie\xCC\x82\xCC\x81u vốn\ndòng 2", .proposal = "Xin hỗ trợ"};
	assert_int_equal(store_task_add(f->st, "giao_thong", &ed, id, &e), NTM_OK);
	assert_int_equal(store_task_get(f->st, id, &f->a, &t, &e), NTM_OK);
	assert_string_equal(t.issue, "Thiếu vốn\ndòng 2");
	assert_string_equal(t.proposal, "Xin hỗ trợ");
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM task WHERE id = ?1 "
		"AND issue = 'Thiếu vốn' || char(10) || 'dòng 2'", id), 1);
	/* the same again: nothing written; "" clears one, NULL keeps the other */
	long rows = audit_rows(f);
	ed = (struct store_task_edit){.progress = STORE_PROGRESS_KEEP,
		.issue = "Thiếu vốn\ndòng 2"};
	assert_int_equal(store_task_update(f->st, id, 1, &ed, &e), NTM_OK);
	assert_int_equal(audit_rows(f), rows);
	ed.issue = "";
	assert_int_equal(store_task_update(f->st, id, 1, &ed, &e), NTM_OK);
	assert_int_equal(store_task_get(f->st, id, &f->a, &t, &e), NTM_OK);
	assert_null(t.issue);
	assert_string_equal(t.proposal, "Xin hỗ trợ");
	assert_int_equal(t.version, 2);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM audit WHERE "
		"entity_id = ?1 AND verb = 'task.edit' AND json_extract(before, "
		"'$.issue') IS NOT NULL AND json_extract(after, '$.issue') IS NULL", id), 1);
	/* a bad one is refused naming the field, nothing written */
	ed = (struct store_task_edit){.progress = STORE_PROGRESS_KEEP,
		.proposal = "a\x1b[2Jb"};
	assert_int_equal(store_task_update(f->st, id, 2, &ed, &e), NTM_USAGE);
	assert_non_null(strstr(e.msg, "đề xuất"));
	ed.proposal = "Đề nghị huyện hỗ trợ";
	ed.issue = "Chưa có mặt bằng";
	assert_int_equal(store_task_update(f->st, id, 2, &ed, &e), NTM_OK);
	/* carried over with both */
	copy_2025(f, NULL);
	assert_int_equal(query_int1(f->path, "SELECT count(*) FROM task t JOIN plan p "
		"ON p.id = t.plan_id AND p.year = 2025 WHERE t.carried_from = ?1 AND "
		"t.issue = 'Chưa có mặt bằng' AND t.proposal = 'Đề nghị huyện hỗ trợ'",
		id), 1);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM task WHERE "
		"issue IS NOT NULL OR proposal IS NOT NULL"), 2);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_list_and_find), T(test_new_and_duplicate), T(test_copy),
		T(test_numbers_never_reused), T(test_remember_edit_remove),
		T(test_task_issue_proposal),
	};
	return cmocka_run_group_tests_name("plans", tests, NULL, NULL);
}
