/* A sector's tab: its gauge, its criteria and indicators (targets, latest
 * value, status), the plan's tasks, and a detail pane. */
#include "app.h"
#include "forms.h"
#include "forms_fund.h"
#include "forms_target.h"
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"
#include "plans.h"

/* User-visible texts of this file. */
#define TXT_IND_MET      "%d/%d chỉ tiêu đạt · %d/%d nhiệm vụ xong"
#define TXT_TASKS_MET    "%d/%d nhiệm vụ xong"
#define TXT_CRITERION    "Tiêu chí %d. %s"
#define TXT_TASKS        "Nhiệm vụ của kế hoạch"
#define TXT_H_CODE       "Mã"
#define TXT_H_IND        "Chỉ tiêu"
#define TXT_H_NAT        "Mức QG"
#define TXT_H_PLAN       "Mức KH"
#define TXT_H_VALUE      "Giá trị"
#define TXT_H_DATE       "Ngày"
#define TXT_H_STATUS     "Trạng thái"
#define TXT_H_RESP       "Phụ trách"
#define TXT_H_PROGRESS   "Tiến độ"
#define TXT_H_DUE        "Hạn"
#define TXT_NO_TASKS     "Chưa có nhiệm vụ nào. Nhấn a để thêm nhiệm vụ."
#define TXT_NO_TASKS_RO  "Chưa có nhiệm vụ nào."
#define TXT_NO_PLAN      "Xã chưa có kế hoạch nên chưa có nhiệm vụ: nhấn L để lập kế hoạch."
#define TXT_NO_PLAN_RO   "Xã chưa có kế hoạch nên chưa có nhiệm vụ: nhiệm vụ đi kèm một kế hoạch."
#define TXT_NO_PLAN_TARGET "Chưa có kế hoạch nên chưa đặt được mức cần đạt của kế hoạch — L: lập kế hoạch."
#define TXT_FROM_PLAN    "Chuyển từ KH %s (#%d)"
#define TXT_TASK_NUMBER  "#%d"
#define TXT_COLS_IND     "Mã     Chỉ tiêu"
#define TXT_VALUE_LINE   "Giá trị %s tính đến %s, ghi bởi %s · %s"
#define TXT_NO_VALUE     "Chưa có giá trị"
#define TXT_HISTORY      "Trước đó: "
#define TXT_SOURCE       "Nguồn: %s"
#define TXT_RESP         "Hạn %s · %s · tiến độ %d%% · phụ trách: %s"
#define TXT_NO_DUE       "chưa đặt"
#define TXT_DUE_LATE     "%s (quá hạn)"
#define TXT_CHANGED      "Sửa lần cuối: %s, %s"
#define TXT_NOTE         "Ghi chú: %s"
#define TXT_ISSUE        "Vướng mắc: "
#define TXT_PROPOSAL     "Đề xuất: "
#define TXT_OVERDUE      "quá hạn"

enum { HEAD_TEXT, HEAD_IND_COLUMNS, HEAD_TASK_COLUMNS };

enum { HISTORY = 6 };

/* The Phụ trách column under 110 columns: wide enough for the short form
 * of the plan's roles ("CC chuyên môn"), taken from the title. */
enum { RESP_W = 16 };

/* The tab's own state: the selected indicator's latest values, fetched
 * when it is selected (who recorded the value, its note, the ones before). */
struct sstate {
	struct arena arena;
	char hist_of[STORE_ID_LEN];      /* the indicator they belong to */
	struct store_value *hist;
	int nhist;
	/* the selected task's money line ("": none), fetched when selected */
	char money_of[STORE_ID_LEN];
	char money[256];
};

/* Short status words for 80 columns, full ones when there is room. */
static const char *
status_word(struct app *a, enum ntm_status s)
{
	static const char *const shortw[] = {
		[NTM_STATUS_CHUA_CO_CHI_TIEU] = "chưa có mức",
		[NTM_STATUS_CHUA_DANH_GIA] = "chưa ĐG",
		[NTM_STATUS_DAT] = "đạt", [NTM_STATUS_CHUA_DAT] = "chưa đạt",
	};
	return a->cols >= 100 ? model_status_label(s) : shortw[s];
}

static const struct store_sector *
sector(struct app *a, struct tab *t)
{
	return &a->rep.sectors[t->sector];
}

static void
load(struct app *a, struct tab *t)
{
	const struct store_sector *s = sector(a, t);
	if (s->indicators.total)
		tab_add_row(t, (struct row){ROW_HEADER, HEAD_IND_COLUMNS, NULL, -1});
	for (int c = 0; c < a->rep.ncrit; c++) {
		const struct store_criterion *cr = &a->rep.crit[c];
		if (!cr->sector_code || strcmp(cr->sector_code, s->code) != 0)
			continue;
		tab_add_row(t, (struct row){ROW_CRITERION, c, NULL, -1});
		for (int i = cr->first; i < cr->first + cr->count; i++)
			tab_add_row(t, (struct row){ROW_INDICATOR, i, NULL, -1});
	}
	tab_add_row(t, (struct row){ROW_HEADER, HEAD_TASK_COLUMNS, NULL, -1});
	int n = 0;
	for (int i = 0; i < a->ntasks; i++)
		if (strcmp(a->tasks[i].sector_code, s->code) == 0) {
			tab_add_row(t, (struct row){ROW_TASK, i, NULL, -1});
			n++;
		}
	if (n == 0)
		tab_add_row(t, (struct row){ROW_HEADER, 0, !a->rep.plan_number
			    ? (app_view_only(a) ? TXT_NO_PLAN_RO : TXT_NO_PLAN)
			    : app_view_only(a) ? TXT_NO_TASKS_RO : TXT_NO_TASKS, -1});
}

static void
close_tab(struct app *a, struct tab *t)
{
	(void)a;
	struct sstate *s = t->priv;
	arena_free(&s->arena);
	s->hist = NULL;
	s->nhist = 0;
	s->hist_of[0] = '\0';
	s->money_of[0] = s->money[0] = '\0';
}

/* The task's money line, when it has money. */
static void
select_task(struct app *a, struct sstate *s, const struct store_task *x)
{
	struct store_fund_task m;
	if (store_fund_task(a->st, x->id, &s->arena, &m, NULL) == NTM_OK)
		fund_task_line(&m, s->money, sizeof s->money);
	snprintf(s->money_of, sizeof s->money_of, "%s", x->id);
}

static void
select_row(struct app *a, struct tab *t)
{
	struct sstate *s = t->priv;
	const struct row *r = tab_selected(t);
	close_tab(a, t);
	if (r && r->kind == ROW_TASK)
		select_task(a, s, &a->tasks[r->index]);
	if (!r || r->kind != ROW_INDICATOR)
		return;
	const struct store_indicator *x = &a->rep.ind[r->index];
	struct ntm_error e = {0};
	if (store_history(a->st, x->id, HISTORY, &s->arena, &s->hist, &s->nhist, &e) != NTM_OK)
		s->nhist = 0;
	snprintf(s->hist_of, sizeof s->hist_of, "%s", x->id);
}

static void
draw_header(struct app *a, struct tab *t, WINDOW *w)
{
	const struct store_sector *s = sector(a, t);
	draw_text(a, w, 0, 1, s->short_name, 18, ui_attr(a, UI_HEADER), true);
	int x = 20, bar = a->cols >= 100 ? 24 : 12;
	char buf[256], count[128];   /* "█" is 3 bytes a cell */
	gauge_bar(s->indicators, bar, a->ascii, buf, sizeof buf);
	wattron(w, ui_attr(a, UI_GAUGE_FILL));
	mvwaddstr(w, 0, x, buf);
	wattroff(w, ui_attr(a, UI_GAUGE_FILL));
	if (s->indicators.total)
		snprintf(count, sizeof count, TXT_IND_MET, s->indicators.done,
			 s->indicators.total, s->tasks.done, s->tasks.total);
	else
		snprintf(count, sizeof count, TXT_TASKS_MET, s->tasks.done, s->tasks.total);
	draw_text(a, w, 0, x + bar + 2, count, a->cols - x - bar - 3, A_NORMAL, false);
	/* the plan the tasks and targets are of, at the right where it fits */
	char plan[256];
	int end = x + bar + 2 + text_width(count) + 2;
	int pw = plans_shown_name(a, a->cols - 1 - end, plan, sizeof plan);
	if (pw)
		draw_text(a, w, 0, a->cols - 1 - pw, plan, pw, ui_attr(a, UI_DIM), false);
}

static void
value_text(const struct store_indicator *x, char *buf, size_t size)
{
	if (!x->reading.has_value) {
		snprintf(buf, size, "—");
		return;
	}
	model_format_quantity(x->reading.kind, x->reading.value, buf, (int)size);
}

static void
target_text(const struct store_indicator *x, const struct ntm_target *t,
	    char *buf, size_t size)
{
	if (!t->set) {
		snprintf(buf, size, "—");
		return;
	}
	model_format_target(x->reading.kind, t, "", buf, (int)size);
}

/* The indicator columns for this width. */
struct ind_cols {
	bool wide;
	int st_w, val_w, tg_w, date_w, name_w;
};

static struct ind_cols
ind_cols(struct app *a)
{
	struct ind_cols c = {.wide = a->cols >= 110, .val_w = 8, .tg_w = 8};
	c.st_w = c.wide ? 19 : 11;
	c.date_w = c.wide ? 11 : 0;
	c.name_w = a->cols - 2 - 7 - 1 - 2 * (c.tg_w + 1) - (c.val_w + 1) - c.date_w - c.st_w - 1;
	return c;
}

static void
draw_ind_titles(struct app *a, WINDOW *w, int y)
{
	struct ind_cols c = ind_cols(a);
	attr_t at = ui_attr(a, UI_DIM);
	draw_text(a, w, y, 2, TXT_H_CODE, 7, at, false);
	draw_text(a, w, y, 10, TXT_H_IND, c.name_w, at, false);
	int col = 10 + c.name_w + 1;
	draw_text(a, w, y, col, TXT_H_NAT, c.tg_w, at, false);
	draw_text(a, w, y, col + c.tg_w + 1, TXT_H_PLAN, c.tg_w, at, false);
	col += 2 * (c.tg_w + 1);
	draw_text(a, w, y, col, TXT_H_VALUE, c.val_w, at, false);
	col += c.val_w + 1;
	if (c.wide) {
		draw_text(a, w, y, col, TXT_H_DATE, c.date_w - 1, at, false);
		col += c.date_w;
	}
	draw_text(a, w, y, col, TXT_H_STATUS, c.st_w, at, false);
}

/* code · name · CT quốc gia · CT kế hoạch · giá trị [· ngày] · trạng thái */
static void
draw_indicator(struct app *a, WINDOW *w, int y, const struct store_indicator *x,
	       attr_t sel)
{
	struct ind_cols c = ind_cols(a);
	bool wide = c.wide;
	int st_w = c.st_w, val_w = c.val_w, tg_w = c.tg_w, date_w = c.date_w;
	int name_w = c.name_w;
	char buf[64];
	draw_text(a, w, y, 2, x->code, 7, sel, true);
	draw_text(a, w, y, 10, x->name, name_w, A_NORMAL, true);
	int col = 10 + name_w + 1;
	target_text(x, &x->reading.national, buf, sizeof buf);
	draw_text(a, w, y, col, buf, tg_w, A_NORMAL, true);
	col += tg_w + 1;
	target_text(x, &x->reading.plan, buf, sizeof buf);
	draw_text(a, w, y, col, buf, tg_w, A_NORMAL, true);
	col += tg_w + 1;
	value_text(x, buf, sizeof buf);
	draw_text(a, w, y, col, buf, val_w, A_NORMAL, true);
	col += val_w + 1;
	if (wide) {
		char date[11];
		model_date_dmy(x->as_of, date);
		draw_text(a, w, y, col, date, date_w - 1, ui_attr(a, UI_DIM), true);
		col += date_w;
	}
	draw_text(a, w, y, col, status_word(a, x->status), st_w,
		  status_attr(a, x->status), false);
}

/* The task columns for this width: #N (as wide as the greatest number),
 * the title, who, status, progress (its bar from 100 columns: below, the
 * percentage alone leaves the title its room beside #N), due date. */
struct task_cols {
	bool wide, bar;
	int num_w, title_w, resp_w, st_w, prog_w, due_w;
};

static struct task_cols
task_cols(struct app *a)
{
	struct task_cols c = {.wide = a->cols >= 110, .bar = a->cols >= 100,
			      .st_w = 14, .due_w = 11};
	c.resp_w = c.wide ? 24 : RESP_W;
	c.prog_w = c.bar ? 9 : 7;       /* "Tiến độ" whole */
	int most = 0;
	for (int i = 0; i < a->ntasks; i++)
		most = a->tasks[i].number > most ? a->tasks[i].number : most;
	c.num_w = snprintf(NULL, 0, TXT_TASK_NUMBER, most) + 1;
	c.title_w = a->cols - 2 - c.resp_w - c.st_w - c.prog_w - c.due_w - 5;
	return c;
}

static void
draw_task_titles(struct app *a, WINDOW *w, int y)
{
	struct task_cols c = task_cols(a);
	attr_t at = ui_attr(a, UI_HEADER), dim = ui_attr(a, UI_DIM);
	draw_text(a, w, y, 1, TXT_TASKS, c.title_w + 1, at, false);
	int col = 2 + c.title_w + 1;
	draw_text(a, w, y, col, TXT_H_RESP, c.resp_w, dim, false);
	col += c.resp_w + 1;
	draw_text(a, w, y, col, TXT_H_STATUS, c.st_w, dim, false);
	col += c.st_w + 1;
	draw_text(a, w, y, col, TXT_H_PROGRESS, c.prog_w, dim, false);
	draw_text(a, w, y, col + c.prog_w + 1, TXT_H_DUE, c.due_w, dim, false);
}

static void
draw_task(struct app *a, WINDOW *w, int y, const struct store_task *t, attr_t sel)
{
	struct task_cols c = task_cols(a);
	bool wide = c.wide;
	int resp_w = c.resp_w, st_w = c.st_w, prog_w = c.prog_w;
	char num[16];
	snprintf(num, sizeof num, TXT_TASK_NUMBER, t->number);
	draw_text(a, w, y, 2, num, c.num_w, ui_attr(a, UI_DIM), false);
	draw_text(a, w, y, 2 + c.num_w, t->title, c.title_w - c.num_w, sel & A_BOLD, true);
	int col = 2 + c.title_w + 1;
	char who[256];
	role_short(t->responsible ? t->responsible : "", who, sizeof who);
	draw_text(a, w, y, col, wide ? t->responsible : who, resp_w, A_NORMAL, true);
	col += resp_w + 1;
	bool done = t->status == NTM_TASK_HOAN_THANH;
	draw_text(a, w, y, col, model_task_status_label(t->status), st_w,
		  done ? ui_attr(a, UI_STATUS_DAT) : A_NORMAL, true);
	col += st_w + 1;
	char bar[64], pct[8];
	if (c.bar) {
		gauge_bar((struct ntm_gauge){t->progress, 100}, 4, a->ascii, bar, sizeof bar);
		wattron(w, ui_attr(a, UI_GAUGE_FILL));
		mvwaddstr(w, y, col, bar);
		wattroff(w, ui_attr(a, UI_GAUGE_FILL));
	}
	snprintf(pct, sizeof pct, "%3d%%", t->progress);
	mvwaddstr(w, y, col + (c.bar ? 4 : prog_w - 4), pct);
	col += prog_w + 1;
	bool overdue = model_task_overdue(t->due, t->status, a->today);
	char due[11];
	model_date_dmy(t->due, due);
	if (*due)
		draw_text(a, w, y, col, due, 10,
			  overdue ? ui_attr(a, UI_ERROR) : ui_attr(a, UI_DIM), false);
	if (overdue)
		mvwaddstr(w, y, col + 10, "!");
}

static void
draw_row(struct app *a, struct tab *t, WINDOW *w, int y, const struct row *r,
	 bool selected)
{
	(void)t;
	attr_t sel = selected ? ui_attr(a, UI_ROW_SELECTED) : A_NORMAL;
	mvwaddstr(w, y, 0, selected ? glyph(a, "▸", ">") : " ");
	char buf[512];
	switch (r->kind) {
	case ROW_CRITERION: {
		const struct store_criterion *c = &a->rep.crit[r->index];
		snprintf(buf, sizeof buf, TXT_CRITERION, c->number, c->name);
		int st_w = text_width(model_status_label(c->status));
		draw_text(a, w, y, 1, buf, a->cols - st_w - 4, ui_attr(a, UI_HEADER), false);
		draw_text(a, w, y, a->cols - st_w - 2, model_status_label(c->status),
			  st_w + 1, status_attr(a, c->status), false);
		break;
	}
	case ROW_INDICATOR:
		draw_indicator(a, w, y, &a->rep.ind[r->index], sel);
		break;
	case ROW_TASK:
		/* a task's title is long: the selection shows by the marker
		 * alone, so a move repaints little */
		draw_task(a, w, y, &a->tasks[r->index], A_NORMAL);
		if (selected)
			draw_mark(a, w, y, 0);
		break;
	default:
		if (r->index == HEAD_IND_COLUMNS)
			draw_ind_titles(a, w, y);
		else if (r->index == HEAD_TASK_COLUMNS)
			draw_task_titles(a, w, y);
		else
			draw_text(a, w, y, 1, r->text, a->cols - 2, ui_attr(a, UI_HEADER), false);
	}
}

/* Under the name: the value, when, who wrote it and the status; then the
 * value's note, the values before it and the source, as many lines of
 * them as the pane has (v shows everything). */
static void
detail_indicator(struct app *a, struct tab *t, WINDOW *w,
		 const struct store_indicator *x)
{
	const struct sstate *s = t->priv;
	char buf[1024], v[64], date[11];
	int h = getmaxy(w), width = a->cols - 2, y = 1;
	snprintf(buf, sizeof buf, "%s  %s", x->code, x->name);
	y += draw_wrapped(a, w, y, 1, buf, width, 2, A_BOLD);
	const struct store_value *hist = s->hist;
	int nh = strcmp(s->hist_of, x->id) == 0 ? s->nhist : 0;
	value_text(x, v, sizeof v);
	model_date_dmy(x->as_of, date);
	if (x->reading.has_value)
		snprintf(buf, sizeof buf, TXT_VALUE_LINE, v, date,
			 nh && hist[0].recorded_by ? hist[0].recorded_by : "?",
			 model_status_label(x->status));
	else
		snprintf(buf, sizeof buf, "%s · %s", TXT_NO_VALUE, model_status_label(x->status));
	y += draw_wrapped(a, w, y, 1, buf, width, 2, A_NORMAL);
	if (nh && hist[0].note && *hist[0].note && y < h) {
		snprintf(buf, sizeof buf, TXT_NOTE, hist[0].note);
		y += draw_wrapped(a, w, y, 1, buf, width, h - y - (nh > 1), A_NORMAL);
	}
	if (nh > 1 && y < h) {
		const char *unit = model_unit_suffix(x->reading.kind);
		size_t n = (size_t)snprintf(buf, sizeof buf, "%s", TXT_HISTORY);
		for (int i = 1; i < nh && n < sizeof buf - 64; i++) {
			model_format_value(x->reading.kind, hist[i].value, v, sizeof v);
			model_date_dmy(hist[i].as_of, date);
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s%s (%s)",
					      i > 1 ? " · " : "", v, unit, date);
		}
		y += draw_wrapped(a, w, y, 1, buf, width, h - y, ui_attr(a, UI_DIM));
	}
	national_text(x, buf, sizeof buf);
	if (*buf && y < h)
		y += draw_wrapped(a, w, y, 1, buf, width, h - y, A_NORMAL);
	if (y < h) {
		snprintf(buf, sizeof buf, TXT_SOURCE, x->source ? x->source : "—");
		draw_wrapped(a, w, y, 1, buf, width, h - y, ui_attr(a, UI_DIM));
	}
}

/* "Vướng mắc: …" and "Đề xuất: …", one line each (cut with …), those the
 * task has, while lines are left before end. */
static void
detail_issue(struct app *a, WINDOW *w, const struct store_task *t, int y,
	     int end)
{
	const struct { const char *label, *text; } lines[] = {
		{TXT_ISSUE, t->issue}, {TXT_PROPOSAL, t->proposal},
	};
	char buf[1024];
	for (size_t i = 0; i < sizeof lines / sizeof *lines && y < end; i++)
		if (lines[i].text && *lines[i].text) {
			snprintf(buf, sizeof buf, "%s%s", lines[i].label, lines[i].text);
			y += draw_wrapped(a, w, y, 1, buf, a->cols - 2, 1, A_NORMAL);
		}
}

/* The title; the due date first, so no width cuts it; who is responsible;
 * the note, else the plan's sentence; the difficulties and the proposal
 * where lines are left; who changed it last, at the bottom (only edited
 * tasks have that line: a move repaints little). */
static void
detail_task(struct app *a, WINDOW *w, const struct store_task *t,
	    const struct sstate *s)
{
	char buf[1024], date[11], due[40];
	int h = getmaxy(w), width = a->cols - 2, y = 1;
	y += draw_wrapped(a, w, y, 1, t->title, width, h > 5 ? 2 : 1, A_BOLD);
	bool overdue = model_task_overdue(t->due, t->status, a->today);
	model_date_dmy(t->due, date);
	snprintf(due, sizeof due, overdue ? TXT_DUE_LATE : "%s",
		 t->due && *t->due ? date : TXT_NO_DUE);
	bool small = h <= 5;     /* 80×24: one line each, a move stays cheap */
	/* On one line the responsible goes by its short form (CC, UBND…):
	 * cut, "Công chức …" would name nobody; v shows it whole. */
	char who[256];
	if (small)
		role_short(t->responsible ? t->responsible : "—", who, sizeof who);
	snprintf(buf, sizeof buf, TXT_RESP, due, model_task_status_label(t->status),
		 t->progress, small ? who : t->responsible ? t->responsible : "—");
	y += draw_wrapped(a, w, y, 1, buf, width, small ? 1 : 2, A_NORMAL);
	if (t->from_plan) {
		snprintf(buf, sizeof buf, TXT_FROM_PLAN, t->from_plan, t->from_number);
		draw_text(a, w, y++, 1, buf, width, ui_attr(a, UI_DIM), false);
	}
	if (s->money[0] && strcmp(s->money_of, t->id) == 0 && y < h)
		draw_text(a, w, y++, 1, s->money, width, A_NORMAL, false);
	int end = h - (t->changed_by ? 1 : 0), room = end - y;
	room = small && room > 1 ? 1 : room;
	/* the lines the difficulties and the proposal take, kept from the
	 * note while it leaves it one */
	int issues = (t->issue && *t->issue) + (t->proposal && *t->proposal);
	room = room > issues ? room - issues : room;
	if (t->note && *t->note) {
		snprintf(buf, sizeof buf, TXT_NOTE, t->note);
		y += draw_wrapped(a, w, y, 1, buf, width, room, A_NORMAL);
	} else if (t->detail) {
		y += draw_wrapped(a, w, y, 1, t->detail, width, room, A_NORMAL);
	}
	if (!small)
		detail_issue(a, w, t, y, end);
	if (t->changed_by) {
		snprintf(buf, sizeof buf, TXT_CHANGED, t->changed_by,
			 t->changed_at ? t->changed_at : "");
		draw_text(a, w, h - 1, 1, buf, width, ui_attr(a, UI_DIM), false);
	}
}

static void
draw_detail(struct app *a, struct tab *t, WINDOW *w, const struct row *r)
{
	if (r->kind == ROW_INDICATOR)
		detail_indicator(a, t, w, &a->rep.ind[r->index]);
	else if (r->kind == ROW_TASK)
		detail_task(a, w, &a->tasks[r->index], t->priv);
	else if (r->kind == ROW_CRITERION)
		draw_wrapped(a, w, 1, 1, a->rep.crit[r->index].group ?
			     a->rep.crit[r->index].group : "", a->cols - 2, 1, A_NORMAL);
}

static const char *
row_text(struct app *a, const struct row *r)
{
	static char buf[1024];
	if (r->kind == ROW_INDICATOR) {
		snprintf(buf, sizeof buf, "%s %s", a->rep.ind[r->index].code,
			 a->rep.ind[r->index].name);
		return buf;
	}
	if (r->kind == ROW_TASK) {    /* found by its number too: "#12" */
		snprintf(buf, sizeof buf, TXT_TASK_NUMBER " %s", a->tasks[r->index].number,
			 a->tasks[r->index].title);
		return buf;
	}
	if (r->kind == ROW_CRITERION)
		return a->rep.crit[r->index].name;
	return r->text ? r->text : "";
}

static const char *
row_key(struct app *a, const struct row *r)
{
	static char key[64];
	if (r->kind == ROW_INDICATOR)
		return a->rep.ind[r->index].id;
	if (r->kind == ROW_TASK)
		return a->tasks[r->index].id;
	snprintf(key, sizeof key, "row-%d-%d", r->kind, r->index);
	return key;
}

static bool
on_action(struct app *a, struct tab *t, enum tui_action act, const struct row *r)
{
	const char *code = sector(a, t)->code;
	bool ind = r && r->kind == ROW_INDICATOR, task = r && r->kind == ROW_TASK;
	switch (act) {
	case ACT_OPEN:
		if ((ind || task) && app_refuse_read_only(a))
			return true;
		if (ind)
			form_indicator_value(a, &a->rep.ind[r->index], NULL);
		else if (task)
			form_task(a, &a->tasks[r->index], code, NULL);
		return ind || task;
	case ACT_TARGET:
		if (ind && !a->rep.plan_number)
			app_message(a, true, "%s", TXT_NO_PLAN_TARGET);
		else if (ind)
			form_indicator_target(a, &a->rep.ind[r->index], NULL);
		return ind;
	case ACT_NATIONAL:
		if (ind)
			form_national_target(a, &a->rep.ind[r->index], NULL);
		return ind;
	case ACT_EDIT:
		if (task)
			form_task(a, &a->tasks[r->index], code, NULL);
		return task;
	case ACT_ADD:
		if (!a->rep.plan_number)
			app_message(a, true, "%s", TXT_NO_PLAN);
		else
			form_task(a, NULL, code, NULL);
		return true;
	case ACT_DELETE:
		if (task)
			task_delete(a, &a->tasks[r->index]);
		return task;
	case ACT_NOTE:
		if (task)
			note_in_editor(a, &a->tasks[r->index]);
		return task;
	default:
		return false;
	}
}

static const char *
view_target(struct app *a, struct tab *t, const char **id)
{
	const struct row *r = tab_selected(t);
	if (r && r->kind == ROW_INDICATOR) {
		*id = a->rep.ind[r->index].id;
		return "indicator";
	}
	if (r && r->kind == ROW_TASK) {
		*id = a->tasks[r->index].id;
		return "task";
	}
	return NULL;
}

/* The selected row's kind; with nothing to select, the task list (its
 * first task is added with a) when the commune has a plan. */
static unsigned
context(struct app *a, struct tab *t)
{
	const struct row *r = tab_selected(t);
	if (r && r->kind == ROW_INDICATOR)
		return CTX_LIST | CTX_INDICATOR;
	if (r || a->rep.plan_number)
		return CTX_LIST | CTX_TASK;
	return CTX_LIST;
}

const struct tab_ops TAB_SECTOR = {
	.private_size = sizeof(struct sstate),
	.load = load, .close = close_tab, .select = select_row,
	.draw_header = draw_header, .draw_row = draw_row,
	.draw_detail = draw_detail, .row_text = row_text, .row_key = row_key,
	.on_action = on_action, .context = context, .view_target = view_target,
};
