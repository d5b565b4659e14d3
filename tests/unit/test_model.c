/* Unit tests of src/model: status rules on every kind and comparator,
 * gauges, reading values, targets and dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/model.h"

static struct ntm_reading
reading(enum ntm_kind k, bool nat, enum ntm_cmp nc, double nv, bool plan,
	enum ntm_cmp pc, double pv, bool has, double v)
{
	struct ntm_reading r = {.kind = k, .has_value = has, .value = v};
	r.national = (struct ntm_target){nat, nc, nv};
	r.plan = (struct ntm_target){plan, pc, pv};
	return r;
}

static void
test_status_rules(void **state)
{
	(void)state;
	struct ntm_reading r;
	r = reading(NTM_KIND_PERCENT, false, NTM_CMP_GE, 0, false, NTM_CMP_GE, 0, true, 50);
	assert_int_equal(model_indicator_status(&r), NTM_STATUS_CHUA_CO_CHI_TIEU);
	r = reading(NTM_KIND_PERCENT, true, NTM_CMP_GE, 80, false, NTM_CMP_GE, 0, false, 0);
	assert_int_equal(model_indicator_status(&r), NTM_STATUS_CHUA_DANH_GIA);
	r = reading(NTM_KIND_PERCENT, true, NTM_CMP_GE, 80, false, NTM_CMP_GE, 0, true, 80);
	assert_int_equal(model_indicator_status(&r), NTM_STATUS_DAT);
	r.value = 79.9;
	assert_int_equal(model_indicator_status(&r), NTM_STATUS_CHUA_DAT);
	/* the plan's target wins, even when stricter */
	r = reading(NTM_KIND_PERCENT, true, NTM_CMP_GE, 80, true, NTM_CMP_GE, 85, true, 82);
	assert_int_equal(model_indicator_status(&r), NTM_STATUS_CHUA_DAT);
	/* …and with its own comparator: poverty < 1% */
	r = reading(NTM_KIND_PERCENT, false, NTM_CMP_LE, 0, true, NTM_CMP_LT, 1, true, 1);
	assert_int_equal(model_indicator_status(&r), NTM_STATUS_CHUA_DAT);
	r.value = 0.99;
	assert_int_equal(model_indicator_status(&r), NTM_STATUS_DAT);
	/* bool */
	r = reading(NTM_KIND_BOOL, true, NTM_CMP_EQ, 1, false, NTM_CMP_EQ, 0, true, 1);
	assert_int_equal(model_indicator_status(&r), NTM_STATUS_DAT);
	r.value = 0;
	assert_int_equal(model_indicator_status(&r), NTM_STATUS_CHUA_DAT);
	/* number ≤ 0: no temporary houses */
	r = reading(NTM_KIND_NUMBER, true, NTM_CMP_LE, 0, false, NTM_CMP_LE, 0, true, 0);
	assert_int_equal(model_indicator_status(&r), NTM_STATUS_DAT);
	r.value = 2;
	assert_int_equal(model_indicator_status(&r), NTM_STATUS_CHUA_DAT);
}

static void
test_comparators(void **state)
{
	(void)state;
	assert_true(model_cmp_holds(NTM_CMP_GE, 85, 85));
	assert_false(model_cmp_holds(NTM_CMP_GT, 85, 85));
	assert_true(model_cmp_holds(NTM_CMP_GT, 85.1, 85));
	assert_true(model_cmp_holds(NTM_CMP_LE, 1, 1));
	assert_false(model_cmp_holds(NTM_CMP_LT, 1, 1));
	assert_true(model_cmp_holds(NTM_CMP_EQ, 0.1 + 0.2, 0.3));
	assert_false(model_cmp_holds(NTM_CMP_EQ, 0.31, 0.3));
	for (int c = 0; c < 5; c++) {
		enum ntm_cmp back;
		assert_true(model_cmp_parse(model_cmp_word((enum ntm_cmp)c), &back));
		assert_int_equal(back, c);
	}
	enum ntm_cmp x;
	assert_false(model_cmp_parse("=>", &x));
}

static void
test_criterion(void **state)
{
	(void)state;
	enum ntm_status all[] = {NTM_STATUS_DAT, NTM_STATUS_DAT};
	assert_int_equal(model_criterion_status(all, 2), NTM_STATUS_DAT);
	enum ntm_status one_bad[] = {NTM_STATUS_DAT, NTM_STATUS_CHUA_DAT,
				     NTM_STATUS_CHUA_DANH_GIA};
	assert_int_equal(model_criterion_status(one_bad, 3), NTM_STATUS_CHUA_DAT);
	enum ntm_status unmeasured[] = {NTM_STATUS_DAT, NTM_STATUS_CHUA_DANH_GIA};
	assert_int_equal(model_criterion_status(unmeasured, 2), NTM_STATUS_CHUA_DANH_GIA);
	enum ntm_status no_target[] = {NTM_STATUS_DAT, NTM_STATUS_CHUA_CO_CHI_TIEU};
	assert_int_equal(model_criterion_status(no_target, 2), NTM_STATUS_CHUA_CO_CHI_TIEU);
	assert_int_equal(model_criterion_status(NULL, 0), NTM_STATUS_CHUA_CO_CHI_TIEU);
}

static void
test_gauge(void **state)
{
	(void)state;
	assert_int_equal(model_gauge_percent((struct ntm_gauge){12, 19}), 63);
	assert_int_equal(model_gauge_percent((struct ntm_gauge){0, 0}), 0);
	assert_int_equal(model_gauge_percent((struct ntm_gauge){10, 10}), 100);
	assert_int_equal(model_gauge_percent((struct ntm_gauge){1, 3}), 33);
}

static void
assert_value(enum ntm_kind k, const char *s, double want)
{
	double v = -1;
	const char *err = model_parse_value(k, s, &v);
	if (err)
		fail_msg("“%s”: %s", s, err);
	assert_true(v == want);
}

static void
assert_refused(enum ntm_kind k, const char *s)
{
	double v;
	if (!model_parse_value(k, s, &v))
		fail_msg("“%s” was accepted as %g", s, v);
}

static void
test_values(void **state)
{
	(void)state;
	assert_value(NTM_KIND_PERCENT, "86,5", 86.5);
	assert_value(NTM_KIND_PERCENT, "86.5", 86.5);
	assert_value(NTM_KIND_PERCENT, "86,5%", 86.5);
	assert_value(NTM_KIND_PERCENT, " 86,5 % ", 86.5);
	assert_value(NTM_KIND_PERCENT, "100", 100);
	assert_value(NTM_KIND_NUMBER, "0", 0);
	assert_value(NTM_KIND_NUMBER, "76,25", 76.25);
	assert_refused(NTM_KIND_PERCENT, "100,1");
	assert_refused(NTM_KIND_PERCENT, "-1");
	assert_refused(NTM_KIND_NUMBER, "-0,5");
	/* shown as typed, never as 0: at most 4 decimals (issue 10) */
	assert_value(NTM_KIND_PERCENT, "0,8655", 0.8655);
	assert_refused(NTM_KIND_NUMBER, "0,000000001");
	assert_refused(NTM_KIND_NUMBER, "1.23456");
	assert_refused(NTM_KIND_PERCENT, "NaN");
	assert_refused(NTM_KIND_PERCENT, "inf");
	assert_refused(NTM_KIND_NUMBER, "1e5");
	assert_refused(NTM_KIND_NUMBER, "1,000.5");
	assert_refused(NTM_KIND_NUMBER, "1.000");
	assert_refused(NTM_KIND_NUMBER, "2,500");
	assert_value(NTM_KIND_NUMBER, "0,125", 0.125);
	assert_value(NTM_KIND_NUMBER, "1000", 1000);
	assert_value(NTM_KIND_NUMBER, "1,25", 1.25);
	/* stored exactly as SQLite reads 0.3, not 0.30000000000000004 */
	assert_value(NTM_KIND_PERCENT, "0,3", 0.3);
	assert_value(NTM_KIND_PERCENT, "0.7", 0.7);
	assert_value(NTM_KIND_PERCENT, "76,5", 76.5);
	assert_refused(NTM_KIND_NUMBER, "5%");
	assert_refused(NTM_KIND_NUMBER, "");
	assert_refused(NTM_KIND_NUMBER, ",");
	assert_refused(NTM_KIND_NUMBER, "1234567890123456");
	const char *yes[] = {"đạt", "dat", "ĐẠT", "có", "1", "x"};
	const char *no[] = {"chưa đạt", "chua dat", "không", "0"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		assert_value(NTM_KIND_BOOL, yes[i], 1);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		assert_value(NTM_KIND_BOOL, no[i], 0);
	assert_refused(NTM_KIND_BOOL, "2");
	assert_refused(NTM_KIND_BOOL, "có lẽ");
}

static void
test_targets(void **state)
{
	(void)state;
	enum ntm_cmp c = NTM_CMP_GE;
	double v;
	assert_null(model_parse_target(NTM_KIND_PERCENT, "<1%", &c, &v));
	assert_int_equal(c, NTM_CMP_LT);
	assert_true(v == 1);
	c = NTM_CMP_GE;
	assert_null(model_parse_target(NTM_KIND_PERCENT, "≥ 76,5", &c, &v));
	assert_int_equal(c, NTM_CMP_GE);
	assert_true(v == 76.5);
	c = NTM_CMP_LE;
	assert_null(model_parse_target(NTM_KIND_PERCENT, "85", &c, &v));
	assert_int_equal(c, NTM_CMP_LE);   /* the default comparator kept */
	assert_null(model_parse_target(NTM_KIND_BOOL, "đạt", &c, &v));
	assert_int_equal(c, NTM_CMP_EQ);
	assert_non_null(model_parse_target(NTM_KIND_PERCENT, ">= abc", &c, &v));
}

static void
test_format(void **state)
{
	(void)state;
	char buf[32];
	model_format_value(NTM_KIND_PERCENT, 86.5, buf, sizeof buf);
	assert_string_equal(buf, "86,5");
	model_format_value(NTM_KIND_PERCENT, 85, buf, sizeof buf);
	assert_string_equal(buf, "85");
	model_format_value(NTM_KIND_NUMBER, 0.25, buf, sizeof buf);
	assert_string_equal(buf, "0,25");
	model_format_value(NTM_KIND_PERCENT, 0.8655, buf, sizeof buf);
	assert_string_equal(buf, "0,8655");
	model_format_value(NTM_KIND_BOOL, 1, buf, sizeof buf);
	assert_string_equal(buf, "đạt");
	model_format_value(NTM_KIND_BOOL, 0, buf, sizeof buf);
	assert_string_equal(buf, "chưa đạt");
}

static void
test_dates(void **state)
{
	(void)state;
	struct ntm_date d;
	char buf[11];
	assert_null(model_parse_date("2024-03-12", &d));
	model_format_date(d, buf);
	assert_string_equal(buf, "2024-03-12");
	assert_null(model_parse_date("12/3/2024", &d));
	model_format_date(d, buf);
	assert_string_equal(buf, "2024-03-12");
	assert_null(model_parse_date("29/02/2024", &d));
	assert_non_null(model_parse_date("29/02/2023", &d));
	assert_non_null(model_parse_date("2024-02-30", &d));
	assert_non_null(model_parse_date("2023-13-01", &d));
	assert_non_null(model_parse_date("2024-3-12", &d));
	assert_non_null(model_parse_date("2024-03-12x", &d));
	assert_non_null(model_parse_date("", &d));
	assert_null(model_parse_date("2000-02-29", &d));
	assert_non_null(model_parse_date("1900-02-29", &d));
}

/* Screens show dates as officials write them (issue 9, point 9). */
static void
test_date_dmy(void **state)
{
	(void)state;
	char buf[11];
	model_date_dmy("2024-03-12", buf);
	assert_string_equal(buf, "12/03/2024");
	model_date_dmy("2026-12-31", buf);
	assert_string_equal(buf, "31/12/2026");
	model_date_dmy(NULL, buf);
	assert_string_equal(buf, "");
	model_date_dmy("", buf);
	assert_string_equal(buf, "");
	model_date_dmy("?", buf);
	assert_string_equal(buf, "?");
}

/* Slips of the order of magnitude are caught; ordinary values are not
 * (issue 9). */
static void
test_implausible(void **state)
{
	(void)state;
	char buf[256];
	struct ntm_reading pct = {.kind = NTM_KIND_PERCENT,
		.plan = {.set = true, .cmp = NTM_CMP_GE, .value = 85}};
	assert_non_null(model_implausible(&pct, "%", 0.865, buf, sizeof buf));
	assert_non_null(strstr(buf, "86,5%"));
	assert_null(model_implausible(&pct, "%", 86.5, buf, sizeof buf));
	assert_null(model_implausible(&pct, "%", 0, buf, sizeof buf));
	/* a small rate is normal where the target is small (poverty ≤ 1,5 %) */
	struct ntm_reading poor = {.kind = NTM_KIND_PERCENT,
		.national = {.set = true, .cmp = NTM_CMP_LE, .value = 1.5}};
	assert_null(model_implausible(&poor, "%", 0.8, buf, sizeof buf));
	/* no target: the last value is the reference */
	struct ntm_reading last = {.kind = NTM_KIND_PERCENT, .has_value = true,
		.value = 70};
	assert_non_null(model_implausible(&last, "%", 0.7, buf, sizeof buf));
	assert_non_null(strstr(buf, "70%"));
	/* income with no target nor value: the unit's usual range */
	struct ntm_reading inc = {.kind = NTM_KIND_NUMBER};
	assert_non_null(model_implausible(&inc, "triệu đồng/người/năm", 1234.5,
					  buf, sizeof buf));
	assert_non_null(strstr(buf, "1234,5"));
	assert_null(model_implausible(&inc, "triệu đồng/người/năm", 62.4, buf,
				      sizeof buf));
	/* a count ten times its target */
	struct ntm_reading htx = {.kind = NTM_KIND_NUMBER,
		.plan = {.set = true, .cmp = NTM_CMP_GE, .value = 2}};
	assert_non_null(model_implausible(&htx, "HTX", 25, buf, sizeof buf));
	assert_null(model_implausible(&htx, "HTX", 3, buf, sizeof buf));
	struct ntm_reading zero = {.kind = NTM_KIND_NUMBER,
		.national = {.set = true, .cmp = NTM_CMP_LE, .value = 0}};
	assert_null(model_implausible(&zero, "nhà", 4, buf, sizeof buf));
	struct ntm_reading yes = {.kind = NTM_KIND_BOOL};
	assert_null(model_implausible(&yes, NULL, 1, buf, sizeof buf));
}

static void
test_measurement_dates(void **state)
{
	(void)state;
	struct ntm_error e = {0};
	char buf[11];
	assert_int_equal(model_measurement_date("12/3/2024", "2024-03-12", buf, &e), NTM_OK);
	assert_string_equal(buf, "2024-03-12");
	assert_int_equal(model_measurement_date("13/3/2024", "2024-03-12", buf, &e),
			 NTM_USAGE);
	assert_non_null(strstr(e.msg, "2024-03-13 ở tương lai"));
	assert_int_equal(model_measurement_date("2024-02-30", "2025-01-01", buf, &e),
			 NTM_USAGE);
	assert_string_equal(e.msg, "ngày này không có trên lịch");
}

static void
test_quantities(void **state)
{
	(void)state;
	char buf[32];
	model_format_quantity(NTM_KIND_PERCENT, 86.5, buf, sizeof buf);
	assert_string_equal(buf, "86,5%");
	model_format_quantity(NTM_KIND_NUMBER, 12, buf, sizeof buf);
	assert_string_equal(buf, "12");
	model_format_quantity(NTM_KIND_BOOL, 1, buf, sizeof buf);
	assert_string_equal(buf, "đạt");
	struct ntm_target t = {true, NTM_CMP_GE, 85};
	model_format_target(NTM_KIND_PERCENT, &t, " ", buf, sizeof buf);
	assert_string_equal(buf, "≥ 85%");
	model_format_target(NTM_KIND_PERCENT, &t, "", buf, sizeof buf);
	assert_string_equal(buf, "≥85%");
	t = (struct ntm_target){true, NTM_CMP_EQ, 1};
	model_format_target(NTM_KIND_BOOL, &t, " ", buf, sizeof buf);
	assert_string_equal(buf, "đạt");
}

static void
test_task_words(void **state)
{
	(void)state;
	enum ntm_task_status s;
	assert_true(model_task_status_parse("hoan_thanh", &s));
	assert_int_equal(s, NTM_TASK_HOAN_THANH);
	assert_string_equal(model_task_status_code(s), "hoan_thanh");
	assert_string_equal(model_task_status_label(s), "hoàn thành");
	assert_false(model_task_status_parse("done", &s));
	assert_string_equal(model_task_status_labels()[NTM_TASK_TAM_DUNG], "tạm dừng");
	char list[256];
	model_task_status_list(list, sizeof list);
	assert_string_equal(list, "chua_bat_dau (chưa bắt đầu), dang_thuc_hien "
			    "(đang thực hiện), hoan_thanh (hoàn thành), tam_dung (tạm dừng)");
	/* overdue: a due date before today, not done */
	assert_true(model_task_overdue("2024-03-11", NTM_TASK_DANG_THUC_HIEN, "2024-03-12"));
	assert_false(model_task_overdue("2024-03-12", NTM_TASK_DANG_THUC_HIEN, "2024-03-12"));
	assert_false(model_task_overdue("2024-03-11", NTM_TASK_HOAN_THANH, "2024-03-12"));
	assert_false(model_task_overdue("", NTM_TASK_TAM_DUNG, "2024-03-12"));
	assert_false(model_task_overdue(NULL, NTM_TASK_TAM_DUNG, "2024-03-12"));
}

/* Issue 9: status and progress agree, one rule for every caller. */
static void
test_task_reconcile(void **state)
{
	(void)state;
	enum ntm_task_status s = NTM_TASK_DANG_THUC_HIEN;
	int p = 100;
	/* progress 100 alone: done */
	assert_null(model_task_reconcile(&s, false, &p, true));
	assert_int_equal(s, NTM_TASK_HOAN_THANH);
	assert_int_equal(p, 100);
	/* progress 100 with another status chosen: refused with a reason */
	s = NTM_TASK_TAM_DUNG;
	p = 100;
	const char *why = model_task_reconcile(&s, true, &p, true);
	assert_non_null(why);
	assert_non_null(strstr(why, "tiến độ 100% nghĩa là đã hoàn thành"));
	/* started work leaves chưa bắt đầu */
	s = NTM_TASK_CHUA_BAT_DAU;
	p = 30;
	assert_null(model_task_reconcile(&s, false, &p, true));
	assert_int_equal(s, NTM_TASK_DANG_THUC_HIEN);
	assert_int_equal(p, 30);
	/* …unless chưa bắt đầu is chosen in the same edit */
	s = NTM_TASK_CHUA_BAT_DAU;
	p = 30;
	why = model_task_reconcile(&s, true, &p, false);
	assert_non_null(why);
	assert_non_null(strstr(why, "chưa bắt đầu"));
	/* done chosen alone means 100 */
	s = NTM_TASK_HOAN_THANH;
	p = 40;
	assert_null(model_task_reconcile(&s, true, &p, false));
	assert_int_equal(p, 100);
	/* …but done and 40 both chosen contradict each other */
	s = NTM_TASK_HOAN_THANH;
	p = 40;
	why = model_task_reconcile(&s, true, &p, true);
	assert_non_null(why);
	assert_non_null(strstr(why, "hoàn thành nghĩa là tiến độ 100%"));
	/* chưa bắt đầu at 0, tạm dừng at 50: fine as they are */
	s = NTM_TASK_CHUA_BAT_DAU;
	p = 0;
	assert_null(model_task_reconcile(&s, true, &p, true));
	assert_int_equal(s, NTM_TASK_CHUA_BAT_DAU);
	s = NTM_TASK_TAM_DUNG;
	p = 50;
	assert_null(model_task_reconcile(&s, true, &p, true));
	assert_int_equal(s, NTM_TASK_TAM_DUNG);
	/* progress lowered on a finished task, status not chosen: reopened */
	s = NTM_TASK_HOAN_THANH;
	p = 80;
	assert_null(model_task_reconcile(&s, false, &p, true));
	assert_int_equal(s, NTM_TASK_DANG_THUC_HIEN);
	assert_int_equal(p, 80);
	/* what the form follows always agrees: no status it gives is refused */
	for (int st0 = 0; st0 < NTM_TASK_STATUS_COUNT; st0++)
		for (int p0 = 0; p0 <= 100; p0++) {
			s = (enum ntm_task_status)st0;
			p = p0;
			assert_null(model_task_reconcile(&s, false, &p, true));
			assert_null(model_task_reconcile(&s, true, &p, true));
		}
	/* an edit of neither leaves an old row as it is */
	s = NTM_TASK_DANG_THUC_HIEN;
	p = 100;
	assert_null(model_task_reconcile(&s, false, &p, false));
	assert_int_equal(s, NTM_TASK_DANG_THUC_HIEN);
}

/* Issue 9: a comparison typed wrong is explained, not called a bad number. */
static void
test_target_forms(void **state)
{
	(void)state;
	enum ntm_cmp c = NTM_CMP_GE;
	double v;
	const char *bad[] = {"=>85", ">>85", "85>=", "≥≥85", "< = 1"};
	for (size_t i = 0; i < 5; i++) {
		const char *why = model_parse_target(NTM_KIND_PERCENT, bad[i], &c, &v);
		assert_non_null(why);
		assert_non_null(strstr(why, "85, >=85, ≥ 85, <=1,5, >85, <1, =1"));
	}
	assert_null(strstr(model_parse_target(NTM_KIND_NUMBER, "abc", &c, &v), ">=85"));
	assert_null(model_parse_target(NTM_KIND_PERCENT, "≥ 85", &c, &v));
	assert_int_equal(c, NTM_CMP_GE);
}

/* Issue 9: a village's name said once: never "thôn Thôn …". */
static void
test_village_phrase(void **state)
{
	(void)state;
	char buf[128];
	assert_string_equal(model_village_phrase("Cự Đình", false, buf, sizeof buf), "thôn Cự Đình");
	assert_string_equal(model_village_phrase("Cự Đình", true, buf, sizeof buf), "Thôn Cự Đình");
	assert_string_equal(model_village_phrase("Thôn Ngọc Quỳnh", false, buf, sizeof buf), "Thôn Ngọc Quỳnh");
	assert_string_equal(model_village_phrase("khu 3", true, buf, sizeof buf), "khu 3");
	assert_string_equal(model_village_phrase("ẤP MỚI", false, buf, sizeof buf), "ẤP MỚI");
	assert_string_equal(model_village_phrase("Bàn Thạch", false, buf, sizeof buf), "thôn Bàn Thạch");
	assert_string_equal(model_village_phrase("Thôn", false, buf, sizeof buf), "thôn Thôn");
	const char *same[] = {"Cự Đình", "Thôn Cự Đình", "cu dinh", "XÓM CỰ ĐÌNH", "thon cu dinh"};
	for (size_t i = 0; i < 5; i++) {
		char *k = model_village_key(same[i]);
		assert_string_equal(k, "cu dinh");
		free(k);
	}
	char *k = model_village_key("Bàn Thạch");
	assert_string_equal(k, "ban thach");
	free(k);
}

static void
test_verbs(void **state)
{
	(void)state;
	assert_string_equal(model_verb_code(NTM_VERB_TASK_EDIT), "task.edit");
	assert_string_equal(model_verb_label("task.edit"), "sửa nhiệm vụ");
	assert_string_equal(model_verb_label("village.rename"), "đổi tên thôn");
	assert_string_equal(model_verb_label("later.verb"), "later.verb");
}

/* Next year's plan is titled as this year's with its year changed. */
static void
test_plan_title_for_year(void **state)
{
	(void)state;
	char buf[128];
	assert_string_equal(model_plan_title_for_year("Kế hoạch xây dựng NTM năm 2024",
						      2024, 2025, buf, sizeof buf),
			    "Kế hoạch xây dựng NTM năm 2025");
	assert_string_equal(model_plan_title_for_year("KH 2024 (giai đoạn 2021-2025)",
						      2024, 2026, buf, sizeof buf),
			    "KH 2026 (giai đoạn 2021-2025)");
	assert_string_equal(model_plan_title_for_year("Kế hoạch NTM", 2024, 2025,
						      buf, sizeof buf), "Kế hoạch NTM");
	assert_string_equal(model_plan_title_for_year(NULL, 2024, 2025, buf, sizeof buf), "");
}

/* The kind words of both text formats, read once; the word written. */
static void
test_kind_read(void **state)
{
	(void)state;
	static const struct { const char *typed; enum ntm_kind kind; } ok[] = {
		{"tỷ lệ", NTM_KIND_PERCENT}, {"TI LE", NTM_KIND_PERCENT},
		{"phần trăm", NTM_KIND_PERCENT}, {"%", NTM_KIND_PERCENT},
		{"percent", NTM_KIND_PERCENT}, {"Số", NTM_KIND_NUMBER},
		{"so luong", NTM_KIND_NUMBER}, {"number", NTM_KIND_NUMBER},
		{"đạt", NTM_KIND_BOOL}, {"Đạt/Không đạt", NTM_KIND_BOOL},
		{"dat / khong", NTM_KIND_BOOL}, {"bool", NTM_KIND_BOOL},
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		enum ntm_kind k = NTM_KIND_BOOL == ok[i].kind ? NTM_KIND_NUMBER
							     : NTM_KIND_BOOL;
		assert_true(model_kind_read(ok[i].typed, &k));
		assert_int_equal(k, ok[i].kind);
	}
	enum ntm_kind k;
	assert_false(model_kind_read("bảng", &k));
	assert_false(model_kind_read("", &k));
	assert_false(model_kind_read(NULL, &k));
	assert_string_equal(model_kind_label(NTM_KIND_PERCENT), "tỷ lệ");
	assert_string_equal(model_kind_label(NTM_KIND_NUMBER), "số");
	assert_string_equal(model_kind_label(NTM_KIND_BOOL), "đạt/không");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_rules),
		cmocka_unit_test(test_comparators),
		cmocka_unit_test(test_kind_read),
		cmocka_unit_test(test_criterion),
		cmocka_unit_test(test_gauge),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_targets),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_date_dmy),
		cmocka_unit_test(test_implausible),
		cmocka_unit_test(test_measurement_dates),
		cmocka_unit_test(test_quantities),
		cmocka_unit_test(test_task_words),
		cmocka_unit_test(test_task_reconcile),
		cmocka_unit_test(test_verbs),
		cmocka_unit_test(test_task_reconcile),
		cmocka_unit_test(test_village_phrase),
		cmocka_unit_test(test_target_forms),
		cmocka_unit_test(test_plan_title_for_year),
	};
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
