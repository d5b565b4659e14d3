/* Tab "Vốn": the money of the plan in use. The totals (total cost,
 * planned capital, received, paid, work completed, outstanding debt) and
 * the share disbursed as a gauge; tables by source and by sector; the
 * tasks with money, the greatest debt first. Enter on a task shows its
 * entries (r reverses one); a, p and c open the forms of forms_fund.c.
 * Data from store_fund_summary and store_fund_task; every sum and rule is
 * the store's and the model's. */
#include "app.h"
#include "forms_fund.h"
#include "screen.h"
#include "tab_fund.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"
#include "plans.h"

/* User-visible texts of this file. */
#define TXT_TAB          "Vốn"
#define TXT_HEAD         "Vốn"
#define TXT_HEAD_PCT     "Giải ngân %d%% · nợ đọng %s"
#define TXT_HEAD_NONE    "Kế hoạch vốn: chưa đặt · nợ đọng %s"
#define TXT_NO_PLAN      "Xã chưa có kế hoạch nên chưa có vốn (vốn đi kèm nhiệm vụ): L lập kế hoạch."
#define TXT_NO_PLAN_RO   "Xã chưa có kế hoạch nên chưa có vốn (vốn đi kèm nhiệm vụ của kế hoạch)."
#define TXT_NONE         "Kế hoạch này chưa ghi vốn cho nhiệm vụ nào."
#define TXT_NONE_KEYS    "Nhấn a để ghi khoản vốn đầu tiên (gõ số #N của nhiệm vụ trong mẫu)."
#define TXT_NONE_KEYS2   "p: kế hoạch vốn theo nguồn · c: tổng mức đầu tư."
#define TXT_LOAD_FAILED  "Không đọc được số liệu vốn: %s"
#define TXT_COST         "Tổng mức đầu tư"
#define TXT_PLANNED      "Kế hoạch vốn"
#define TXT_RECEIVED     "Đã nhận"
#define TXT_PAID         "Đã giải ngân"
#define TXT_COMPLETED    "Khối lượng hoàn thành"
#define TXT_COMPLETED_S  "KL hoàn thành"
#define TXT_EARLIER      "Nợ đọng các kế hoạch trước: %s"
#define TXT_NO_SOURCE_H  "Nguồn vốn (chưa có)"
#define TXT_DEBT         "Nợ đọng"
#define TXT_BY_SOURCE    "Nguồn vốn"
#define TXT_BY_SECTOR    "Lĩnh vực"
#define TXT_BY_TASK      "Nhiệm vụ (nợ đọng nhiều trước)"
#define TXT_C_PLANNED    "Kế hoạch"
#define TXT_C_RECEIVED   "Đã nhận"
#define TXT_C_PAID       "Đã chi"
#define TXT_C_DEBT       "Nợ đọng"
#define TXT_NO_SOURCE    "Chưa có nguồn nào có vốn."
#define TXT_E_REV_MARK   "đảo"
#define TXT_REV_TWICE    "Khoản này đã được đảo rồi (bằng khoản %.8s)."
#define TXT_REV_REV      "Đây là một bút toán đảo: không đảo lại được."
/* The money line of a task (the sector tabs' detail). */
#define TXT_TASK_MONEY   "Vốn: kế hoạch %s · đã chi %s · nợ %s"


int
fund_tab(struct app *a)
{
	for (int i = 0; i < a->ntabs; i++)
		if (a->tabs[i].ops == &TAB_FUND)
			return i;
	return -1;
}

static struct fstate *
fund_state(struct app *a)
{
	int i = fund_tab(a);
	return i < 0 ? NULL : a->tabs[i].priv;
}


/* An amount in full ("1.250.000.000 đ") or compact ("1,25 tỷ"). */
const char *
fund_money(long long v, bool full, char *buf, size_t size)
{
	return full ? model_money_format(v, true, buf, size)
		: model_money_compact(v, buf, size);
}

/* Whether the n amounts v all fit width in full (then a block shows them
 * all in full, else all compact). */
bool
fund_fits_full(const long long *v, int n, int width)
{
	char buf[64];
	for (int i = 0; i < n; i++)
		if (width < FULL_W || text_width(model_money_format(v[i], true, buf,
								    sizeof buf)) > width)
			return false;
	return true;
}

/* Whether every amount of the lines fits width in full. */
static bool
lines_fit(const struct store_fund_line *l, int n, int width)
{
	for (int i = 0; i < n; i++) {
		const struct store_fund_sums *m = &l[i].sums;
		long long v[] = {m->planned, m->received, m->paid, m->debt};
		if (!fund_fits_full(v, 4, width))
			return false;
	}
	return true;
}

/* Whether any task of the summary has its total cost set. */
static bool
any_cost(const struct store_fund_summary *m)
{
	for (int i = 0; i < m->ntask; i++)
		if (m->by_task[i].cost >= 0)
			return true;
	return false;
}

void
fund_task_line(const struct store_fund_task *m, char *buf, size_t size)
{
	char p[32], s[32], d[32];
	buf[0] = '\0';
	if (m->cost < 0 && m->nplanned == 0 && m->nentries == 0)
		return;
	snprintf(buf, size, TXT_TASK_MONEY,
		 model_money_compact(m->sums.planned, p, sizeof p),
		 model_money_compact(m->sums.paid, s, sizeof s),
		 model_money_compact(m->sums.debt, d, sizeof d));
}

/* ---- the rows ------------------------------------------------------------------ */

static bool
source_has_money(const struct store_fund_line *l)
{
	return l->sums.planned || l->sums.received || l->sums.paid;
}

static void
add_lines(struct tab *t, enum row_kind kind, int head, int n)
{
	tab_add_row(t, (struct row){ROW_HEADER, head, NULL, -1});
	for (int i = 0; i < n; i++)
		tab_add_row(t, (struct row){kind, i, NULL, -1});
}

static void
load(struct app *a, struct tab *t)
{
	struct fstate *s = t->priv;
	struct ntm_error e = {0};
	memset(&s->sum, 0, sizeof s->sum);
	if (!a->rep.plan_number) {
		tab_add_row(t, (struct row){ROW_HEADER, HEAD_TEXT,
			    app_view_only(a) ? TXT_NO_PLAN_RO : TXT_NO_PLAN, -1});
		s->focus = FOCUS_LIST;
		return;
	}
	if (store_fund_summary(a->st, &s->arena, &s->sum, &e) != NTM_OK) {
		snprintf(s->err, sizeof s->err, TXT_LOAD_FAILED, e.msg);
		memset(&s->sum, 0, sizeof s->sum);
		tab_add_row(t, (struct row){ROW_HEADER, HEAD_TEXT, s->err, -1});
		return;
	}
	char d[64];
	s->earlier[0] = '\0';
	if (s->sum.earlier_debt > 0)
		snprintf(s->earlier, sizeof s->earlier, TXT_EARLIER,
			 model_money_format(s->sum.earlier_debt, true, d, sizeof d));
	s->lists_full = lines_fit(s->sum.by_source, s->sum.nsource, 17) &&
			lines_fit(s->sum.by_sector, s->sum.nsector, 17) &&
			lines_fit(s->sum.by_task, s->sum.ntask, 17);
	s->any_source = false;
	for (int i = 0; i < s->sum.nsource; i++)
		s->any_source |= source_has_money(&s->sum.by_source[i]);
	if (s->sum.ntask == 0) {
		tab_add_row(t, (struct row){ROW_HEADER, HEAD_TEXT, TXT_NONE, -1});
		if (s->earlier[0])
			tab_add_row(t, (struct row){ROW_HEADER, HEAD_TEXT, s->earlier, -1});
		if (!app_view_only(a)) {
			tab_add_row(t, (struct row){ROW_HEADER, HEAD_TEXT, TXT_NONE_KEYS, -1});
			tab_add_row(t, (struct row){ROW_HEADER, HEAD_TEXT, TXT_NONE_KEYS2, -1});
		}
		s->focus = FOCUS_LIST;
		return;
	}
	for (int i = 0; i < TOTAL_LINES + (s->earlier[0] != '\0'); i++)
		tab_add_row(t, (struct row){ROW_FUND_TOTAL, i, NULL, -1});
	tab_add_row(t, (struct row){ROW_HEADER, HEAD_SOURCES, NULL, -1});
	for (int i = 0; i < s->sum.nsource; i++)
		if (source_has_money(&s->sum.by_source[i]))
			tab_add_row(t, (struct row){ROW_FUND_SOURCE, i, NULL, -1});
	add_lines(t, ROW_FUND_SECTOR, HEAD_SECTORS, s->sum.nsector);
	int first = t->nrows + 1;
	add_lines(t, ROW_FUND_TASK, HEAD_TASKS, s->sum.ntask);
	if (!t->sel_key[0])          /* the first time: on the tasks */
		t->list.sel = first;
}

static void
free_task(struct fstate *s)
{
	arena_free(&s->tarena);
	memset(&s->task, 0, sizeof s->task);
	s->task_id[0] = '\0';
}

const struct store_fund_entry *
fund_entry_sel(struct fstate *s)
{
	return s->task_id[0] && s->elist.sel >= 0 && s->elist.sel < s->task.nentries
		? &s->task.entries[s->elist.sel] : NULL;
}

static void
close_tab(struct app *a, struct tab *t)
{
	(void)a;
	struct fstate *s = t->priv;
	const struct store_fund_entry *x = fund_entry_sel(s);
	if (x)
		snprintf(s->entry_key, sizeof s->entry_key, "%s", x->id);
	free_task(s);
	arena_free(&s->arena);
	memset(&s->sum, 0, sizeof s->sum);
}

const struct store_fund_line *
fund_task_of_row(struct fstate *s, const struct row *r)
{
	return r && r->kind == ROW_FUND_TASK ? &s->sum.by_task[r->index] : NULL;
}

/* The selected task's money (and its entries, the one selected kept). */
static void
select_row(struct app *a, struct tab *t)
{
	struct fstate *s = t->priv;
	const struct store_fund_line *l = fund_task_of_row(s, tab_selected(t));
	const struct store_fund_entry *x = fund_entry_sel(s);
	if (x)
		snprintf(s->entry_key, sizeof s->entry_key, "%s", x->id);
	free_task(s);
	if (!l || store_fund_task(a->st, l->task_id, &s->tarena, &s->task, NULL) != NTM_OK) {
		free_task(s);
		s->focus = FOCUS_LIST;
		return;
	}
	snprintf(s->task_id, sizeof s->task_id, "%s", l->task_id);
	int sel = s->elist.sel;
	for (int i = 0; i < s->task.nentries; i++)
		if (strcmp(s->task.entries[i].id, s->entry_key) == 0)
			sel = i;
	s->elist.sel = sel;
	list_reset(&s->elist, s->task.nentries, t->list.height - ENTRIES_TOP);
}

/* ---- drawing the list ------------------------------------------------------------ */

/* Three amount columns at the right; the name gets the rest. */
struct fcols { int val_w, name_w, x[3]; };

static struct fcols
fcols(struct app *a)
{
	struct fcols c = {.val_w = a->cols >= 110 ? 17 : 9};
	c.name_w = a->cols - 3 - 3 * (c.val_w + 2);
	for (int i = 0; i < 3; i++)
		c.x[i] = 2 + c.name_w + 2 + i * (c.val_w + 2);
	return c;
}

/* text right-aligned in width columns ending before x + width. */
void
fund_draw_right(struct app *a, WINDOW *w, int y, int x, int width, const char *text,
	   attr_t at)
{
	int tw = text_width(text);
	draw_text(a, w, y, x + (tw < width ? width - tw : 0), text, width, at, false);
}

static void
draw_amounts(struct app *a, const struct fstate *s, WINDOW *w, int y,
	     const long long v[3], attr_t debt)
{
	struct fcols c = fcols(a);
	char buf[64];
	bool full = c.val_w >= FULL_W && s->lists_full;
	for (int i = 0; i < 3; i++)
		fund_draw_right(a, w, y, c.x[i], c.val_w, fund_money(v[i], full, buf, sizeof buf),
			   i == 2 && v[2] > 0 ? debt : A_NORMAL);
}

static void
draw_titles(struct app *a, const struct fstate *s, WINDOW *w, int y, int head)
{
	const char *const names[] = {NULL, s->any_source ? TXT_BY_SOURCE : TXT_NO_SOURCE_H,
				     TXT_BY_SECTOR, TXT_BY_TASK};
	const char *cols[3] = {TXT_C_PLANNED, head == HEAD_SOURCES ? TXT_C_RECEIVED : TXT_C_PAID,
			       head == HEAD_SOURCES ? TXT_C_PAID : TXT_C_DEBT};
	struct fcols c = fcols(a);
	draw_text(a, w, y, 1, names[head], c.name_w + 1, ui_attr(a, UI_HEADER), false);
	for (int i = 0; i < 3; i++)
		fund_draw_right(a, w, y, c.x[i], c.val_w, cols[i], ui_attr(a, UI_DIM));
}

/* Two "label  amount" pairs on a line of the totals. */
static void
draw_total(struct app *a, WINDOW *w, int y, const struct fstate *s, int line,
	   attr_t sel)
{
	const struct store_fund_summary *m = &s->sum;
	if (line == TOTAL_LINES) {       /* the earlier plans' debt */
		draw_text(a, w, y, 2, s->earlier, a->cols - 3, sel, false);
		return;
	}
	/* labels shortened (not the amounts) when the screen is narrow */
	int half = (a->cols - 4) / 2;
	bool narrow = half < 22 + 3 + FULL_W;
	int label_w = narrow ? 16 : 22, val_w = half - label_w - 3;
	const char *labels[][2] = {{TXT_COST, TXT_PLANNED}, {TXT_RECEIVED, TXT_PAID},
				   {narrow ? TXT_COMPLETED_S : TXT_COMPLETED, TXT_DEBT}};
	long long v[][2] = {{m->cost, m->total.planned}, {m->total.received, m->total.paid},
			    {m->total.completed, m->total.debt}};
	bool full = fund_fits_full(&v[0][0], 6, val_w);
	char buf[64];
	for (int i = 0; i < 2; i++) {
		int x = 2 + i * half;
		draw_text(a, w, y, x, labels[line][i], label_w, i ? A_NORMAL : sel, true);
		bool debt = line == 2 && i == 1 && v[line][i] > 0;
		bool unset = line == 0 && i == 0 && !any_cost(m);
		fund_draw_right(a, w, y, x + label_w + 1, val_w,
			   unset ? TXT_NOT_SET : fund_money(v[line][i], full, buf, sizeof buf),
			   debt ? ui_attr(a, UI_STATUS_CHUA_DAT)
				: unset ? ui_attr(a, UI_DIM) : A_BOLD);
	}
}

/* A line's label; a task's with its number ("#5 Cứng hoá…"). */
const char *
fund_line_label(const struct store_fund_line *l, char *buf, size_t size)
{
	if (!l->task_number || l->label[0] == '#')
		return l->label;
	snprintf(buf, size, "#%d %s", l->task_number, l->label);
	return buf;
}

static void
draw_row(struct app *a, struct tab *t, WINDOW *w, int y, const struct row *r,
	 bool selected)
{
	struct fstate *s = t->priv;
	char buf[1024];
	attr_t sel = selected ? ui_attr(a, UI_ROW_SELECTED) : A_NORMAL;
	struct fcols c = fcols(a);
	mvwaddstr(w, y, 0, selected ? glyph(a, "▸", ">") : " ");
	const struct store_fund_line *l = NULL;
	attr_t debt = ui_attr(a, UI_STATUS_CHUA_DAT);
	switch (r->kind) {
	case ROW_FUND_TOTAL:
		draw_total(a, w, y, s, r->index, sel);
		return;
	case ROW_FUND_SOURCE:
		l = &s->sum.by_source[r->index];
		draw_amounts(a, s, w, y, (long long[3]){l->sums.planned, l->sums.received,
							 l->sums.paid}, A_NORMAL);
		break;
	case ROW_FUND_SECTOR: case ROW_FUND_TASK:
		l = r->kind == ROW_FUND_TASK ? &s->sum.by_task[r->index]
			: &s->sum.by_sector[r->index];
		draw_amounts(a, s, w, y, (long long[3]){l->sums.planned, l->sums.paid,
							 l->sums.debt}, debt);
		break;
	default:
		if (r->text)
			draw_text(a, w, y, 1, r->text, a->cols - 2, ui_attr(a, UI_HEADER), false);
		else
			draw_titles(a, s, w, y, r->index);
		return;
	}
	draw_text(a, w, y, 2, fund_line_label(l, buf, sizeof buf), c.name_w, sel, false);
}

static void
draw_header(struct app *a, struct tab *t, WINDOW *w)
{
	struct fstate *s = t->priv;
	const struct store_fund_sums *m = &s->sum.total;
	char buf[256], d[32], plan[256];
	draw_text(a, w, 0, 1, TXT_HEAD, 6, ui_attr(a, UI_HEADER), false);
	if (!a->rep.plan_number)
		return;
	int pct = model_money_disbursed(m->paid, m->planned), x = 8, bar = 16;
	model_money_compact(m->debt, d, sizeof d);
	if (pct >= 0)
		snprintf(buf, sizeof buf, TXT_HEAD_PCT, pct, d);
	else
		snprintf(buf, sizeof buf, TXT_HEAD_NONE, d);
	/* the words first: the gauge shrinks, then goes, and the plan's
	 * name shows only in the room left */
	int room = a->cols - 1 - x - text_width(buf) - 2;
	if (bar > room)
		bar = room;
	if (pct >= 0 && bar >= 6) {
		char g[256];
		gauge_bar((struct ntm_gauge){pct > 100 ? 100 : pct, 100}, bar, a->ascii,
			  g, sizeof g);
		wattron(w, ui_attr(a, UI_GAUGE_FILL));
		mvwaddstr(w, 0, x, g);
		wattroff(w, ui_attr(a, UI_GAUGE_FILL));
		x += bar + 2;
	}
	draw_text(a, w, 0, x, buf, a->cols - x - 1, A_NORMAL, false);
	int end = x + text_width(buf) + 2;
	int pw = plans_shown_name(a, a->cols - 1 - end, plan, sizeof plan);
	if (pw)
		draw_text(a, w, 0, a->cols - 1 - pw, plan, pw, ui_attr(a, UI_DIM), false);
}

static void
draw_body(struct app *a, struct tab *t, WINDOW *w)
{
	struct fstate *s = t->priv;
	int h = t->list.height - ENTRIES_TOP;
	if (s->elist.height != h)
		list_reset(&s->elist, s->task.nentries, h > 1 ? h : 1);
	if (s->focus == FOCUS_ENTRIES && s->task_id[0])
		fund_draw_entries(a, t, w);
	else
		screen_draw_list(a, t);
}

/* ---- keys ------------------------------------------------------------------------------ */

static const char *
row_text(struct app *a, const struct row *r)
{
	struct fstate *s = fund_state(a);
	switch (r->kind) {
	case ROW_FUND_SOURCE: return s->sum.by_source[r->index].label;
	case ROW_FUND_SECTOR: return s->sum.by_sector[r->index].label;
	case ROW_FUND_TASK: {
		static char buf[1024];
		return fund_line_label(&s->sum.by_task[r->index], buf, sizeof buf);
	}
	default: return r->text ? r->text : "";
	}
}

static const char *
row_key(struct app *a, const struct row *r)
{
	static char key[64];
	struct fstate *s = fund_state(a);
	switch (r->kind) {
	case ROW_FUND_SOURCE:
		snprintf(key, sizeof key, "src-%s", s->sum.by_source[r->index].key);
		return key;
	case ROW_FUND_SECTOR:
		snprintf(key, sizeof key, "sec-%s", s->sum.by_sector[r->index].key);
		return key;
	case ROW_FUND_TASK: return s->sum.by_task[r->index].task_id;
	default:
		snprintf(key, sizeof key, "row-%d-%d", r->kind, r->index);
		return key;
	}
}

static unsigned
context(struct app *a, struct tab *t)
{
	(void)a;
	struct fstate *s = t->priv;
	bool entries = s->focus == FOCUS_ENTRIES && s->task_id[0];
	/* Enter opens a task's entries, and nothing else */
	bool enter = !entries && fund_task_of_row(s, tab_selected(t)) && s->task_id[0];
	return CTX_LIST | (entries ? CTX_FUND_ENTRY : CTX_FUND) | (enter ? 0 : CTX_NO_ENTER);
}

/* r on an entry: the reason asked, unless the store would refuse it. */
static void
reverse(struct app *a, struct fstate *s)
{
	const struct store_fund_entry *x = fund_entry_sel(s);
	if (!x)
		return;
	if (x->reversed_by)
		app_message(a, true, TXT_REV_TWICE, x->reversed_by);
	else if (x->reverses)
		app_message(a, true, "%s", TXT_REV_REV);
	else
		form_fund_reverse(a, x, NULL);
}

static bool
on_action(struct app *a, struct tab *t, enum tui_action act, const struct row *r)
{
	struct fstate *s = t->priv;
	const struct store_fund_line *l = fund_task_of_row(s, r);
	bool entries = s->focus == FOCUS_ENTRIES && s->task_id[0];
	if (entries && list_act(&s->elist, act))
		return true;
	switch (act) {
	case ACT_OPEN:
		if (l && s->task_id[0] && !entries) {
			s->focus = FOCUS_ENTRIES;
			a->full_redraw = true;
		}
		return true;
	case ACT_F_BACK:
		s->focus = FOCUS_LIST;
		a->full_redraw = true;
		return true;
	case ACT_F_REVERSE:
		reverse(a, s);
		return true;
	case ACT_F_ADD: case ACT_F_PLAN: case ACT_F_COST:
		if (!a->rep.plan_number)
			app_message(a, true, "%s", TXT_NO_PLAN);
		else
			form_fund(a, act == ACT_F_ADD ? FFORM_ENTRY : act == ACT_F_PLAN
			  ? FFORM_PLAN : FFORM_COST, l ? l->task_number : 0, NULL);
		return true;
	default:
		return false;
	}
}

const struct tab_ops TAB_FUND = {
	.label = TXT_TAB, .private_size = sizeof(struct fstate),
	.load = load, .close = close_tab, .select = select_row,
	.draw_header = draw_header, .draw_row = draw_row,
	.draw_detail = fund_draw_detail, .row_text = row_text, .row_key = row_key,
	.on_action = on_action, .draw_body = draw_body, .context = context,
};
