/* The full view of a row: fetched when it opens (and again after a change
 * or a colleague's), laid out as wrapped lines for the window's width,
 * scrolled with the list keys. */
#include "view.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialogs.h"
#include "forms_target.h"
#include "screen.h"

/* User-visible texts of this file. */
#define TXT_NOTHING      "Dòng này không có gì để xem thêm."
#define TXT_TITLE_IND    "Xem đầy đủ — chỉ tiêu %s"
#define TXT_TITLE_TASK   "Xem đầy đủ — nhiệm vụ"
#define TXT_TITLE_ITEM   "Xem đầy đủ — việc của thôn"
#define TXT_GONE         "Dòng này không còn (vừa bị xóa): %s"
#define TXT_CRITERION    "Tiêu chí %d. %s"
#define TXT_TARGETS      "Mức cần đạt: quốc gia %s · kế hoạch %s"
#define TXT_UNIT         "Đơn vị: %s"
#define TXT_STATUS       "Trạng thái: %s"
#define TXT_SOURCE       "Nguồn: %s"
#define TXT_VALUES       "Các giá trị đã ghi, mới nhất trước (%d):"
#define TXT_NO_VALUES    "Chưa có giá trị nào."
#define TXT_VALUE        "%s  %s  ghi bởi %s"
#define TXT_RETRACTED    " — đã rút lại ngày %s, bởi %s"
#define TXT_CURRENT      " — giá trị hiện tại"
#define TXT_NOTE_IN      "    Ghi chú: %s"
#define TXT_DUE          "Hạn: %s"
#define TXT_DUE_LATE     "Hạn: %s (quá hạn)"
#define TXT_NO_DUE       "Hạn: chưa đặt"
#define TXT_TASK_STATE   "Trạng thái: %s · tiến độ %d%%"
#define TXT_RESP         "Phụ trách: %s"
#define TXT_NUMBER       "Nhiệm vụ #%d của kế hoạch"
#define TXT_FROM_PLAN    "Chuyển từ kế hoạch %s (nhiệm vụ #%d ở đó)"
#define TXT_CHANGED      "Sửa lần cuối: %s, %s"
#define TXT_DETAIL       "Nội dung theo kế hoạch:"
#define TXT_NO_DETAIL    "Nội dung theo kế hoạch: (kế hoạch không ghi thêm)"
#define TXT_NOTE         "Ghi chú:"
#define TXT_NO_NOTE      "Ghi chú: (chưa có)"
#define TXT_ISSUE        "Vướng mắc:"
#define TXT_NO_ISSUE     "Vướng mắc: (chưa có)"
#define TXT_PROPOSAL     "Đề xuất:"
#define TXT_NO_PROPOSAL  "Đề xuất: (chưa có)"
#define TXT_DONE_BY      "Xong ngày %s, %s"
#define TXT_NOT_DONE     "Chưa xong"
#define TXT_FROM_TPL     "Việc theo mẫu"
#define TXT_BY_HAND      "Việc thêm tay"
#define TXT_KEYS         "↑ ↓ PgUp PgDn Home End: cuộn · u: hoàn tác · Esc q: đóng"
#define TXT_KEYS_IND     "↑↓ PgUp PgDn: cuộn · r: rút lại giá trị mới nhất · u: hoàn tác · q: đóng"
#define TXT_WHERE        "dòng %d–%d / %d"
#define TXT_ASK_RETRACT  "Rút lại %s ngày %s của %s? y hoặc c: rút lại; phím khác: thôi"
#define TXT_NO_RETRACT   "Chỉ tiêu %s chưa có giá trị nào để rút lại."
#define TXT_KEPT         "Không rút lại."
#define TXT_RETRACTED_OK "Đã rút lại giá trị %s (ngày %s) của chỉ tiêu %s. u để hoàn tác."
#define TXT_NO_KEY       "Phím này không dùng ở đây. Esc hoặc q để đóng."

enum { INDENT = 4 };

struct view {
	const char *entity;             /* "indicator", "task", "checklist_item" */
	char id[STORE_ID_LEN];
	/* fetched */
	struct arena arena;
	struct store_value *hist;
	int nhist;
	struct store_item item;
	bool gone;
	char gone_why[256];
	/* laid out */
	struct lines body;
	int width, top;
};

static const struct store_indicator *
indicator(struct app *a, const struct view *v)
{
	for (int i = 0; i < a->rep.nind; i++)
		if (strcmp(a->rep.ind[i].id, v->id) == 0)
			return &a->rep.ind[i];
	return NULL;
}

static const struct store_task *
task(struct app *a, const struct view *v)
{
	for (int i = 0; i < a->ntasks; i++)
		if (strcmp(a->tasks[i].id, v->id) == 0)
			return &a->tasks[i];
	return NULL;
}

/* What the view shows besides the loaded report and tasks. */
static void
fetch(struct app *a, struct view *v)
{
	struct ntm_error e = {0};
	arena_free(&v->arena);
	v->hist = NULL;
	v->nhist = 0;
	v->gone = false;
	int rc = NTM_OK;
	if (strcmp(v->entity, "indicator") == 0)
		rc = store_history_all(a->st, v->id, &v->arena, &v->hist, &v->nhist, &e);
	else if (strcmp(v->entity, "checklist_item") == 0)
		rc = store_item_get(a->st, v->id, &v->arena, &v->item, &e);
	else
		v->gone = !task(a, v);
	if (rc != NTM_OK || (strcmp(v->entity, "indicator") == 0 && !indicator(a, v))) {
		v->gone = true;
		snprintf(v->gone_why, sizeof v->gone_why, "%.200s", e.msg);
	}
}

/* ---- laying out ----------------------------------------------------------- */

static void
add(struct view *v, const char *s)
{
	lines_wrap(&v->body, s ? s : "", v->width, INDENT);
}

static void addf(struct view *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
addf(struct view *v, const char *fmt, ...)
{
	char buf[8192];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	add(v, buf);
}

/* The text under a title line, or the "none" line. */
static void
add_block(struct view *v, const char *title, const char *none, const char *text)
{
	add(v, "");
	if (!text || !*text) {
		add(v, none);
		return;
	}
	add(v, title);
	add(v, text);
}

static void
add_value(struct view *v, enum ntm_kind kind, const struct store_value *x,
	  bool current)
{
	char buf[1024], val[64], date[11], on[11];
	model_format_quantity(kind, x->value, val, sizeof val);
	model_date_dmy(x->as_of, date);
	int n = snprintf(buf, sizeof buf, TXT_VALUE, date, val,
			 x->recorded_by && *x->recorded_by ? x->recorded_by : "?");
	if (x->retracted) {
		model_date_dmy(x->retracted_on, on);
		snprintf(buf + n, sizeof buf - (size_t)n, TXT_RETRACTED, on,
			 x->retracted_by ? x->retracted_by : "?");
	} else if (current) {
		snprintf(buf + n, sizeof buf - (size_t)n, "%s", TXT_CURRENT);
	}
	add(v, buf);
	if (x->note && *x->note)
		addf(v, TXT_NOTE_IN, x->note);
}

static void
layout_indicator(struct app *a, struct view *v, const struct store_indicator *x)
{
	char nat[64], plan[64];
	addf(v, "%s  %s", x->code, x->name);
	for (int c = 0; c < a->rep.ncrit; c++) {
		const struct store_criterion *cr = &a->rep.crit[c];
		int i = (int)(x - a->rep.ind);
		if (i >= cr->first && i < cr->first + cr->count) {
			addf(v, TXT_CRITERION, cr->number, cr->name);
		}
	}
	snprintf(nat, sizeof nat, "—");
	snprintf(plan, sizeof plan, "—");
	if (x->reading.national.set)
		model_format_target(x->reading.kind, &x->reading.national, " ", nat, sizeof nat);
	if (x->reading.plan.set)
		model_format_target(x->reading.kind, &x->reading.plan, " ", plan, sizeof plan);
	addf(v, TXT_TARGETS, nat, plan);
	char national[1024];
	national_text(x, national, sizeof national);
	if (*national)
		add(v, national);
	if (x->unit_label && *x->unit_label)
		addf(v, TXT_UNIT, x->unit_label);
	addf(v, TXT_STATUS, model_status_label(x->status));
	addf(v, TXT_SOURCE, x->source ? x->source : "—");
	add(v, "");
	if (v->nhist == 0) {
		add(v, TXT_NO_VALUES);
		return;
	}
	addf(v, TXT_VALUES, v->nhist);
	bool first = true;
	for (int i = 0; i < v->nhist; i++) {
		add_value(v, x->reading.kind, &v->hist[i], first && !v->hist[i].retracted);
		first = first && v->hist[i].retracted;
	}
}

static void
layout_task(struct app *a, struct view *v, const struct store_task *t)
{
	char due[11];
	add(v, t->title);
	model_date_dmy(t->due, due);
	if (!t->due || !*t->due)
		add(v, TXT_NO_DUE);
	else
		addf(v, model_task_overdue(t->due, t->status, a->today) ? TXT_DUE_LATE
		     : TXT_DUE, due);
	addf(v, TXT_TASK_STATE, model_task_status_label(t->status),
		 t->progress);
	addf(v, TXT_RESP, t->responsible && *t->responsible ? t->responsible : "—");
	addf(v, TXT_NUMBER, t->number);
	if (t->from_plan)
		addf(v, TXT_FROM_PLAN, t->from_plan, t->from_number);
	if (t->changed_by) {
		addf(v, TXT_CHANGED, t->changed_by,
			 t->changed_at ? t->changed_at : "");
	}
	add_block(v, TXT_DETAIL, TXT_NO_DETAIL, t->detail);
	add_block(v, TXT_NOTE, TXT_NO_NOTE, t->note);
	add_block(v, TXT_ISSUE, TXT_NO_ISSUE, t->issue);
	add_block(v, TXT_PROPOSAL, TXT_NO_PROPOSAL, t->proposal);
}

static void
layout_item(struct view *v, const struct store_item *it)
{
	char buf[1024], on[11];
	add(v, it->title);
	model_date_dmy(it->done_on, on);
	if (it->done)
		snprintf(buf, sizeof buf, TXT_DONE_BY, it->done_on ? on : "?",
			 it->done_by ? it->done_by : "?");
	add(v, it->done ? buf : TXT_NOT_DONE);
	add(v, it->from_template ? TXT_FROM_TPL : TXT_BY_HAND);
	add_block(v, TXT_NOTE, TXT_NO_NOTE, it->note);
}

static void
layout(struct app *a, struct view *v)
{
	lines_free(&v->body);
	v->width = a->cols - 2;
	if (v->gone) {
		addf(v, TXT_GONE, v->gone_why);
	} else if (strcmp(v->entity, "indicator") == 0) {
		layout_indicator(a, v, indicator(a, v));
	} else if (strcmp(v->entity, "task") == 0) {
		layout_task(a, v, task(a, v));
	} else {
		layout_item(v, &v->item);
	}
}

/* ---- drawing ---------------------------------------------------------------- */

static int
page(struct app *a)
{
	int h = a->rows - 4;
	return h > 1 ? h : 1;
}

static void
draw(struct app *a, struct view *v)
{
	char title[256], where[64];
	const struct store_indicator *x = strcmp(v->entity, "indicator") == 0
		? indicator(a, v) : NULL;
	if (x)
		snprintf(title, sizeof title, TXT_TITLE_IND, x->code);
	else
		snprintf(title, sizeof title, "%s", strcmp(v->entity, "task") == 0
			 ? TXT_TITLE_TASK : TXT_TITLE_ITEM);
	int h = page(a);
	werase(stdscr);
	draw_text(a, stdscr, 0, 1, title, a->cols - 2, ui_attr(a, UI_HEADER), false);
	snprintf(where, sizeof where, TXT_WHERE, v->body.n ? v->top + 1 : 0,
		 v->top + h < v->body.n ? v->top + h : v->body.n, v->body.n);
	int ww = (int)strlen(where);
	draw_text(a, stdscr, 0, a->cols - ww - 1, where, ww, ui_attr(a, UI_DIM), false);
	for (int y = 0; y < h && v->top + y < v->body.n; y++)
		draw_text(a, stdscr, 2 + y, 1, v->body.v[v->top + y], a->cols - 2,
			  v->top + y == 0 ? A_BOLD : A_NORMAL, false);
	if (a->msg[0])
		draw_text(a, stdscr, a->rows - 2, 0, a->msg, a->cols - 1,
			  ui_attr(a, a->msg_error ? UI_ERROR : UI_NORMAL), false);
	draw_text(a, stdscr, a->rows - 1, 1, x ? TXT_KEYS_IND : TXT_KEYS, a->cols - 2,
		  ui_attr(a, UI_DIM), false);
	wnoutrefresh(stdscr);
	doupdate();
}

static void
view_scroll(struct app *a, struct view *v, enum tui_action act)
{
	int h = page(a), max = v->body.n - h > 0 ? v->body.n - h : 0;
	switch (act) {
	case ACT_UP: v->top--; break;
	case ACT_DOWN: v->top++; break;
	case ACT_PAGE_UP: v->top -= h - 1 > 0 ? h - 1 : 1; break;
	case ACT_PAGE_DOWN: v->top += h - 1 > 0 ? h - 1 : 1; break;
	case ACT_HOME: v->top = 0; break;
	case ACT_END: v->top = max; break;
	default: break;
	}
	v->top = v->top > max ? max : v->top < 0 ? 0 : v->top;
}

/* ---- retracting the latest value ------------------------------------------ */

/* The standing value on top (the first not retracted), or NULL. */
static const struct store_value *
latest(const struct view *v)
{
	for (int i = 0; i < v->nhist; i++)
		if (!v->hist[i].retracted)
			return &v->hist[i];
	return NULL;
}

static void
retract(struct app *a, struct view *v)
{
	const struct store_indicator *x = strcmp(v->entity, "indicator") == 0
		? indicator(a, v) : NULL;
	if (!x || app_refuse_read_only(a))
		return;
	const struct store_value *cur = latest(v);
	if (!cur) {
		app_message(a, true, TXT_NO_RETRACT, x->code);
		return;
	}
	char val[64], date[11], q[512];
	model_format_quantity(x->reading.kind, cur->value, val, sizeof val);
	model_date_dmy(cur->as_of, date);
	snprintf(q, sizeof q, TXT_ASK_RETRACT, val, date, x->code);
	if (!confirm(a, q)) {
		app_message(a, false, "%s", TXT_KEPT);
		return;
	}
	struct store_indicator_ref ref;
	struct ntm_error e = {0};
	char code[32];
	snprintf(code, sizeof code, "%s", x->code);   /* x goes with the reload */
	if (store_indicator_find(a->st, code, &ref, &e) != NTM_OK ||
	    store_measurement_retract_checked(a->st, &ref, cur->id, &e) != NTM_OK) {
		app_message(a, true, "%s", e.msg);
		app_reload(a);
		return;
	}
	app_edited(a);
	app_message(a, false, TXT_RETRACTED_OK, val, date, code);
}

/* ---- the loop ----------------------------------------------------------------- */

/* After anything that may have changed the data: fetched and laid out
 * again, the scroll kept where it can be. */
static void
view_refresh(struct app *a, struct view *v)
{
	fetch(a, v);
	layout(a, v);
	view_scroll(a, v, ACT_NONE);
}

static void
run(struct app *a, struct view *v)
{
	view_refresh(a, v);
	for (;;) {
		draw(a, v);
		wint_t ch;
		int r = tui_read_key(stdscr, 1000, &ch);
		if (tui_hangup())
			return;
		if (r == ERR) {             /* idle: a colleague's change shows */
			app_check_file(a);
			if (!a->replaced && store_data_version(a->st) != a->data_version) {
				app_reload(a);
				view_refresh(a, v);
			}
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			screen_layout(a);
			view_refresh(a, v);
			continue;
		}
		enum tui_action act = actions_for_key((int)ch, CTX_VIEW | CTX_LIST);
		a->msg[0] = '\0';
		if (act == ACT_VIEW_CLOSE)
			return;
		if (act == ACT_HELP) {
			help_show(a);   /* ? and F1 everywhere */
			continue;
		}
		if (act == ACT_RETRACT)
			retract(a, v);
		else if (act == ACT_UNDO || act == ACT_REDO)
			app_undo(a, act == ACT_REDO);
		else if (act >= ACT_UP && act <= ACT_END)
			view_scroll(a, v, act);
		else
			app_message(a, false, "%s", TXT_NO_KEY);
		if (act == ACT_RETRACT || act == ACT_UNDO || act == ACT_REDO)
			view_refresh(a, v);
	}
}

void
view_show(struct app *a)
{
	struct tab *t = app_tab(a);
	const char *id = NULL;
	const char *entity = t->ops->view_target ? t->ops->view_target(a, t, &id) : NULL;
	if (!entity || !id) {
		app_message(a, false, "%s", TXT_NOTHING);
		return;
	}
	struct view v = {.entity = entity};
	snprintf(v.id, sizeof v.id, "%s", id);
	run(a, &v);
	lines_free(&v.body);
	arena_free(&v.arena);
	erase();
	wnoutrefresh(stdscr);
	a->full_redraw = true;
}
