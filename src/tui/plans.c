/* The commune's plans: their names in the headers, the plan in use
 * switched, next year's plan (or the first one) made in a form. */
#include "plans.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "ntm/text.h"

/* User-visible texts of this file. */
#define TXT_NAME_FULL    "Kế hoạch %s năm %d"
#define TXT_NAME_SHORT   "KH %s năm %d"
#define TXT_NAME_SHORTER "KH %s %d"
#define TXT_NAME_YEAR    "KH %d"
#define TXT_NAME_NUMBER  "%s"
#define TXT_NONE_FULL    "chưa có kế hoạch"
#define TXT_NONE_SHORT   "chưa có KH"
#define TXT_SHOWN        "Đang xem kế hoạch %s năm %d: nhiệm vụ, mức cần đạt và tiến độ theo kế hoạch này."
/* what is shown now first: on a narrow screen the end is cut */
#define TXT_GONE         "Kế hoạch %s năm %d vừa bị xóa: đang xem %s năm %d (%s)."
#define TXT_GONE_NONE    "Kế hoạch %s năm %d vừa bị xóa: xã không còn kế hoạch nào (%s)."
#define TXT_REMOVED_VERB "xóa"
#define TXT_NO_SWITCH    "Không chuyển được kế hoạch: %s"
#define TXT_COPY_TITLE   "Lập kế hoạch năm sau — từ kế hoạch %s năm %d"
#define TXT_NEW_TITLE    "Tạo kế hoạch đầu tiên — %s"
#define TXT_F_YEAR       "Năm"
#define TXT_F_NUMBER     "Số kế hoạch"
#define TXT_F_DATE       "Ngày ban hành"
#define TXT_F_TITLE      "Tiêu đề"
#define TXT_A_NUMBER     "bắt buộc, ví dụ 15/KH-UBND"
#define TXT_A_DATE       "ngày/tháng/năm; để trống nếu chưa ban hành"
#define TXT_A_COPY_TITLE "tiêu đề cũ, đã đổi năm; sửa nếu cần"
#define TXT_A_NEW_TITLE  "bắt buộc"
#define TXT_A_CARRY      "nhiệm vụ chưa xong của %s được chuyển sang"
#define TXT_YEAR_TAKEN   "Xã đã có kế hoạch năm %d: %s"
#define TXT_YEAR_BAD     "năm phải là một số, ví dụ %d"
#define TXT_COPIED       "Đã lập KH %s năm %d (%d nhiệm vụ chuyển sang từ KH %s). u: hoàn tác."
#define TXT_CREATED      "Đã tạo kế hoạch %s năm %d. Nhấn a ở một thẻ lĩnh vực để thêm nhiệm vụ."

/* shared: another plan has the same year, so the shortest form is the
 * number, not the year. */
static int
name_fit(const char *number, int year, bool shared, int width, char *out,
	 size_t size)
{
	const char *const none[] = {TXT_NONE_FULL, TXT_NONE_SHORT};
	int n = number ? 4 : 2;
	for (int i = 0; i < n; i++) {
		if (!number)
			snprintf(out, size, "%s", none[i]);
		else if (i == 0)
			snprintf(out, size, TXT_NAME_FULL, number, year);
		else if (i == 1)
			snprintf(out, size, TXT_NAME_SHORT, number, year);
		else if (i == 2)
			snprintf(out, size, TXT_NAME_SHORTER, number, year);
		else if (shared)
			snprintf(out, size, TXT_NAME_NUMBER, number);
		else
			snprintf(out, size, TXT_NAME_YEAR, year);
		int w = text_width(out);
		if (w <= width)
			return w;
	}
	if (size)
		out[0] = '\0';
	return 0;
}

int
plans_name(const char *number, int year, int width, char *out, size_t size)
{
	return name_fit(number, year, false, width, out, size);
}

int
plans_shown_name(const struct app *a, int width, char *out, size_t size)
{
	return name_fit(a->rep.plan_number, a->rep.plan_year, a->plan_year_shared,
			width, out, size);
}

/* The numbers of the commune's plans of this year but not_id, joined
 * ("15/KH-UBND, 16/KH-UBND"), in out; false when there are none. */
static bool
plans_of_year(struct app *a, int year, const char *not_id, char *out, size_t size)
{
	struct arena ar = {0};
	struct store_plan *p;
	int n = 0;
	size_t len = 0;
	out[0] = '\0';
	if (store_plans(a->st, &ar, &p, &n, NULL) != NTM_OK)
		n = 0;
	for (int i = 0; i < n; i++)
		if (p[i].year == year && strcmp(p[i].id, not_id) != 0 && len < size) {
			snprintf(out + len, size - len, "%s%s", len ? ", " : "", p[i].number);
			len = strlen(out);
		}
	arena_free(&ar);
	return len > 0;
}

/* ---- which plan is read ---------------------------------------------------- */

/* Selects the plan (no reload). */
static bool
select_plan(struct app *a, const char *id, struct ntm_error *e)
{
	return store_plan_select(a->st, id, e) == NTM_OK;
}

bool
plans_use(struct app *a, const char *plan_id)
{
	struct ntm_error e = {0};
	if (!select_plan(a, plan_id, &e)) {
		app_message(a, true, TXT_NO_SWITCH, e.msg);
		return false;
	}
	app_reload(a);
	if (a->rep.plan_number)
		app_message(a, false, TXT_SHOWN, a->rep.plan_number, a->rep.plan_year);
	return true;
}

/* The plan shown was removed by someone else (not switched away from):
 * said with who removed it and what is shown now. */
static void
say_gone(struct app *a, const char *old_id, const char *number, int year,
	 const struct store_plan *now)
{
	struct arena ar = {0};
	struct store_plan still;
	if (store_plan_find(a->st, old_id, &ar, &still, NULL) != NTM_OK) {
		const char *who = store_last_change_text(a->st, "plan", old_id,
							 TXT_REMOVED_VERB, &ar);
		if (now->id[0])
			app_message(a, true, TXT_GONE, number, year, now->number,
				    now->year, who);
		else
			app_message(a, true, TXT_GONE_NONE, number, year, who);
		a->plan_gone = true;
	}
	arena_free(&ar);
}

void
plans_check(struct app *a)
{
	struct arena ar = {0};
	struct store_plan p = {0};
	char old_id[STORE_ID_LEN], number[256];
	int year = a->rep.plan_year;
	snprintf(old_id, sizeof old_id, "%s", a->plan_id);
	snprintf(number, sizeof number, "%s", a->rep.plan_number ? a->rep.plan_number : "");
	a->plan_gone = false;
	if (store_plan_in_use(a->st, &ar, &p, NULL) == NTM_OK && !p.id[0]) {
		store_plan_select(a->st, NULL, NULL);
		store_plan_in_use(a->st, &ar, &p, NULL);
	}
	snprintf(a->plan_id, sizeof a->plan_id, "%s", p.id);
	char others[256];
	a->plan_year_shared = p.id[0] && plans_of_year(a, p.year, p.id, others, sizeof others);
	if (old_id[0] && strcmp(old_id, p.id) != 0)
		say_gone(a, old_id, number, year, &p);
	arena_free(&ar);
}

/* ---- the form ---------------------------------------------------------------- */

enum { PF_YEAR, PF_NUMBER, PF_DATE, PF_TITLE, PF_COUNT };

struct plan_ctx {
	struct store_plan from;       /* the plan copied; id "": a new plan */
	struct arena arena;           /* its strings */
	struct app *app;
	char auto_title[2048];        /* the title as filled for the year */
	char why[1024];
};

static bool
read_year(const char *text, int *year)
{
	char more;              /* nothing may follow the number */
	return text && sscanf(text, "%d %c", year, &more) == 1;
}

/* Under the year: a year the commune already has a plan for is said
 * (a revised plan is allowed, never unseen), else what the copy does. */
static void
year_aside(struct plan_ctx *c, struct field *f, int year)
{
	char numbers[100];
	if (plans_of_year(c->app, year, "", numbers, sizeof numbers))
		snprintf(f->aside, sizeof f->aside, TXT_YEAR_TAKEN, year, numbers);
	else if (c->from.id[0])
		snprintf(f->aside, sizeof f->aside, TXT_A_CARRY, c->from.number);
	else
		f->aside[0] = '\0';
}

/* The title follows the year while it is still the one filled in. */
static void
plan_changed(struct form *fm, int i, void *ctx)
{
	struct plan_ctx *c = ctx;
	int year;
	char *text = form_value(fm, i), *title = form_value(fm, PF_TITLE);
	if (i == PF_YEAR)
		year_aside(c, &fm->f[PF_YEAR], read_year(text, &year) ? year : 0);
	if (i == PF_YEAR && read_year(text, &year) && year >= 1000 &&
	    title && strcmp(title, c->auto_title) == 0) {
		if (c->from.id[0])
			model_plan_title_for_year(c->from.title, c->from.year, year,
						  c->auto_title, sizeof c->auto_title);
		else
			model_plan_default_title(c->app->rep.unit, year, c->auto_title,
						 sizeof c->auto_title);
		lineedit_set(&fm->f[PF_TITLE].le, c->auto_title);
	}
	free(text);
	free(title);
}

/* The plan just made is shown, and said. */
static void
made(struct app *a, struct plan_ctx *c, const char *id, int carried)
{
	struct ntm_error e = {0};
	bool shown = select_plan(a, id, &e);
	app_edited(a);
	if (!shown)
		app_message(a, true, TXT_NO_SWITCH, e.msg);
	else if (c->from.id[0])
		app_message(a, false, TXT_COPIED, a->rep.plan_number, a->rep.plan_year,
			    carried, c->from.number);
	else
		app_message(a, false, TXT_CREATED, a->rep.plan_number, a->rep.plan_year);
}

static const char *
save_plan(struct app *a, struct form *fm, void *ctx)
{
	struct plan_ctx *c = ctx;
	char *v[PF_COUNT];
	for (int i = 0; i < PF_COUNT; i++)
		v[i] = form_value(fm, i);
	struct store_plan_fields f = {
		.number = v[PF_NUMBER], .title = v[PF_TITLE],
		.issued_on = v[PF_DATE] && *v[PF_DATE] ? v[PF_DATE] : NULL,
	};
	struct ntm_error e = {0};
	char new_id[STORE_ID_LEN] = "";
	int carried = 0, rc = NTM_OK;
	const char *err = NULL;
	if (!read_year(v[PF_YEAR], &f.year)) {
		snprintf(c->why, sizeof c->why, TXT_YEAR_BAD,
			 c->from.id[0] ? c->from.year + 1 : 2025);
		fm->focus = PF_YEAR;
		err = c->why;
	} else if (c->from.id[0]) {
		rc = store_plan_copy(a->st, c->from.id, &f, new_id, &carried, &e);
	} else {
		rc = store_plan_new(a->st, &f, new_id, &e);
	}
	if (!err && rc != NTM_OK) {
		snprintf(c->why, sizeof c->why, "%s", e.msg);
		err = c->why;
	}
	if (!err)
		made(a, c, new_id, carried);
	for (int i = 0; i < PF_COUNT; i++)
		free(v[i]);
	return err;
}

void
form_plan(struct app *a, const struct draft *d)
{
	struct plan_ctx c = {0};
	struct form fm;
	char title[512], year[16], iso[11], today[11], xa[256];
	struct ntm_error e = {0};
	if (store_plan_in_use(a->st, &c.arena, &c.from, &e) != NTM_OK) {
		app_message(a, true, "%s", e.msg);
		arena_free(&c.arena);
		return;
	}
	bool copy = c.from.id[0] != '\0';
	store_today(iso);
	model_date_dmy(iso, today);
	if (copy)
		snprintf(title, sizeof title, TXT_COPY_TITLE, c.from.number, c.from.year);
	else
		snprintf(title, sizeof title, TXT_NEW_TITLE,
			 model_commune_phrase(a->rep.unit ? a->rep.unit : "", xa, sizeof xa));
	/* the first year after the plan's that has no plan yet */
	int y = copy ? c.from.year + 1 : atoi(iso);
	char taken[256];
	c.app = a;
	while (plans_of_year(a, y, "", taken, sizeof taken))
		y++;
	snprintf(year, sizeof year, "%d", y);
	if (copy)
		model_plan_title_for_year(c.from.title, c.from.year, y,
					  c.auto_title, sizeof c.auto_title);
	else
		model_plan_default_title(a->rep.unit, y, c.auto_title, sizeof c.auto_title);
	form_init(&fm, title);
	struct field *f = form_text(&fm, TXT_F_YEAR, year, 8);
	year_aside(&c, f, y);
	f = form_text(&fm, TXT_F_NUMBER, NULL, 200);
	snprintf(f->aside, sizeof f->aside, "%s", TXT_A_NUMBER);
	f = form_text(&fm, TXT_F_DATE, today, 20);
	snprintf(f->aside, sizeof f->aside, "%s", TXT_A_DATE);
	f = form_text(&fm, TXT_F_TITLE, c.auto_title, 2000);
	snprintf(f->aside, sizeof f->aside, "%s", copy ? TXT_A_COPY_TITLE : TXT_A_NEW_TITLE);
	fm.focus = PF_NUMBER;
	fm.save = save_plan;
	fm.changed = plan_changed;
	fm.ctx = &c;
	fm.kind = "plan";
	snprintf(fm.key, sizeof fm.key, "%s", c.from.id);
	form_run(a, &fm, d);
	form_free(&fm);
	arena_free(&c.arena);
}

bool
forms_plan_reopen(struct app *a, const struct draft *d)
{
	if (strcmp(d->kind, "plan") != 0)
		return false;
	form_plan(a, d);
	return true;
}
