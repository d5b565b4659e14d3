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
#define TXT_DEBT         "Nợ đọng"
#define TXT_BY_SOURCE    "Nguồn vốn"
#define TXT_BY_SECTOR    "Lĩnh vực"
#define TXT_BY_TASK      "Nhiệm vụ (nợ đọng nhiều trước)"
#define TXT_C_PLANNED    "Kế hoạch"
#define TXT_C_RECEIVED   "Đã nhận"
#define TXT_C_PAID       "Đã chi"
#define TXT_C_DEBT       "Nợ đọng"
#define TXT_NO_SOURCE    "Chưa có nguồn nào có vốn."
#define TXT_SUMS_LONG    "Kế hoạch %s · đã nhận %s · đã chi %s · hoàn thành %s · nợ đọng %s · tổng mức %s"
#define TXT_NOT_SET      "chưa đặt"
#define TXT_SOURCE_LINE  "Kế hoạch %s · đã nhận %s · đã chi %s"
#define TXT_TOTAL_LINE   "%d nhiệm vụ có vốn · tổng mức các nhiệm vụ đã đặt: %s"
#define TXT_PLANNED_BY   "Kế hoạch vốn: "
#define TXT_PLANNED_NONE "Chưa có kế hoạch vốn theo nguồn."
#define TXT_ENTRIES_N    "Enter: xem %d khoản · a: ghi thêm · p: kế hoạch vốn · c: tổng mức"
#define TXT_ENTRIES_0    "Chưa có khoản nào · a: ghi khoản vốn · p: kế hoạch vốn · c: tổng mức"
#define TXT_ENTRIES_HEAD "Các khoản — %s"
#define TXT_E_COLS       {"Ngày", "Loại", "Nguồn", "Số tiền", "Chứng từ", "Người ghi"}
#define TXT_E_NONE       "Chưa có khoản nào. Nhấn a để ghi."
#define TXT_E_NONE_RO    "Chưa có khoản nào."
#define TXT_E_NO_SOURCE  "—"
#define TXT_E_DOC        "Chứng từ: %s · "
#define TXT_E_WHO        "ghi bởi %s lúc %s"
#define TXT_E_NOTE       "Ghi chú: %s"
#define TXT_E_REVERSED   "Đã đảo bằng khoản %.8s: không còn tính."
#define TXT_E_REVERSING  "Bút toán đảo của khoản %.8s."
#define TXT_E_REV_MARK   "đảo"
#define TXT_REV_TWICE    "Khoản này đã được đảo rồi (u để hoàn tác lần đảo)."
#define TXT_REV_REV      "Đây là một bút toán đảo: không đảo lại được (u để hoàn tác nó)."
/* The money line of a task (the sector tabs' detail). */
#define TXT_TASK_MONEY   "Vốn: kế hoạch %s · đã chi %s · nợ %s"

enum { FOCUS_LIST, FOCUS_ENTRIES };
enum { HEAD_TEXT, HEAD_SOURCES, HEAD_SECTORS, HEAD_TASKS };
enum { TOTAL_LINES = 3, ENTRIES_TOP = 3 };

struct fstate {
	struct arena arena;             /* the summary, per load */
	struct store_fund_summary sum;
	char err[1200];
	int focus;
	struct arena tarena;            /* the selected task's money */
	struct store_fund_task task;
	char task_id[STORE_ID_LEN];     /* whose money task is ("": none) */
	struct list elist;              /* its entries, when Enter showed them */
	char entry_key[STORE_ID_LEN];   /* the entry selected, across loads */
};

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

/* An amount as wide as width allows: grouped in full ("1.250.000.000 đ")
 * where it fits, else the compact form ("1,25 tỷ"). */
static const char *
money(long long v, int width, char *buf, size_t size)
{
	model_money_format(v, true, buf, size);
	if (text_width(buf) > width)
		model_money_compact(v, buf, size);
	return buf;
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
	if (s->sum.ntask == 0) {
		tab_add_row(t, (struct row){ROW_HEADER, HEAD_TEXT, TXT_NONE, -1});
		if (!app_view_only(a)) {
			tab_add_row(t, (struct row){ROW_HEADER, HEAD_TEXT, TXT_NONE_KEYS, -1});
			tab_add_row(t, (struct row){ROW_HEADER, HEAD_TEXT, TXT_NONE_KEYS2, -1});
		}
		s->focus = FOCUS_LIST;
		return;
	}
	for (int i = 0; i < TOTAL_LINES; i++)
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

static const struct store_fund_entry *
entry(struct fstate *s)
{
	return s->task_id[0] && s->elist.sel >= 0 && s->elist.sel < s->task.nentries
		? &s->task.entries[s->elist.sel] : NULL;
}

static void
close_tab(struct app *a, struct tab *t)
{
	(void)a;
	struct fstate *s = t->priv;
	const struct store_fund_entry *x = entry(s);
	if (x)
		snprintf(s->entry_key, sizeof s->entry_key, "%s", x->id);
	free_task(s);
	arena_free(&s->arena);
	memset(&s->sum, 0, sizeof s->sum);
}

static const struct store_fund_line *
task_line(struct fstate *s, const struct row *r)
{
	return r && r->kind == ROW_FUND_TASK ? &s->sum.by_task[r->index] : NULL;
}

/* The selected task's money (and its entries, the one selected kept). */
static void
select_row(struct app *a, struct tab *t)
{
	struct fstate *s = t->priv;
	const struct store_fund_line *l = task_line(s, tab_selected(t));
	const struct store_fund_entry *x = entry(s);
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
static void
draw_right(struct app *a, WINDOW *w, int y, int x, int width, const char *text,
	   attr_t at)
{
	int tw = text_width(text);
	draw_text(a, w, y, x + (tw < width ? width - tw : 0), text, width, at, false);
}

static void
draw_amounts(struct app *a, WINDOW *w, int y, const long long v[3], attr_t debt)
{
	struct fcols c = fcols(a);
	char buf[64];
	for (int i = 0; i < 3; i++)
		draw_right(a, w, y, c.x[i], c.val_w, money(v[i], c.val_w, buf, sizeof buf),
			   i == 2 && v[2] > 0 ? debt : A_NORMAL);
}

static void
draw_titles(struct app *a, WINDOW *w, int y, int head)
{
	static const char *const names[] = {NULL, TXT_BY_SOURCE, TXT_BY_SECTOR, TXT_BY_TASK};
	const char *cols[3] = {TXT_C_PLANNED, head == HEAD_SOURCES ? TXT_C_RECEIVED : TXT_C_PAID,
			       head == HEAD_SOURCES ? TXT_C_PAID : TXT_C_DEBT};
	struct fcols c = fcols(a);
	draw_text(a, w, y, 1, names[head], c.name_w + 1, ui_attr(a, UI_HEADER), false);
	for (int i = 0; i < 3; i++)
		draw_right(a, w, y, c.x[i], c.val_w, cols[i], ui_attr(a, UI_DIM));
}

/* Two "label  amount" pairs on a line of the totals. */
static void
draw_total(struct app *a, WINDOW *w, int y, const struct fstate *s, int line,
	   attr_t sel)
{
	const struct store_fund_summary *m = &s->sum;
	const char *labels[][2] = {{TXT_COST, TXT_PLANNED}, {TXT_RECEIVED, TXT_PAID},
				   {TXT_COMPLETED, TXT_DEBT}};
	long long v[][2] = {{m->cost, m->total.planned}, {m->total.received, m->total.paid},
			    {m->total.completed, m->total.debt}};
	int half = (a->cols - 4) / 2, label_w = 22, val_w = half - label_w - 3;
	char buf[64];
	for (int i = 0; i < 2; i++) {
		int x = 2 + i * half;
		draw_text(a, w, y, x, labels[line][i], label_w, i ? A_NORMAL : sel, true);
		bool debt = line == 2 && i == 1 && v[line][i] > 0;
		draw_right(a, w, y, x + label_w + 1, val_w,
			   money(v[line][i], val_w, buf, sizeof buf),
			   debt ? ui_attr(a, UI_STATUS_CHUA_DAT) : A_BOLD);
	}
}

/* A line's label; a task's with its number ("#5 Cứng hoá…"). */
static const char *
line_label(const struct store_fund_line *l, char *buf, size_t size)
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
		draw_amounts(a, w, y, (long long[3]){l->sums.planned, l->sums.received,
						      l->sums.paid}, A_NORMAL);
		break;
	case ROW_FUND_SECTOR: case ROW_FUND_TASK:
		l = r->kind == ROW_FUND_TASK ? &s->sum.by_task[r->index]
			: &s->sum.by_sector[r->index];
		draw_amounts(a, w, y, (long long[3]){l->sums.planned, l->sums.paid,
						      l->sums.debt}, debt);
		break;
	default:
		if (r->text)
			draw_text(a, w, y, 1, r->text, a->cols - 2, ui_attr(a, UI_HEADER), false);
		else
			draw_titles(a, w, y, r->index);
		return;
	}
	draw_text(a, w, y, 2, line_label(l, buf, sizeof buf), c.name_w, sel, false);
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
	if (pct >= 0) {
		gauge_bar((struct ntm_gauge){pct > 100 ? 100 : pct, 100}, bar, a->ascii,
			  buf, sizeof buf);
		wattron(w, ui_attr(a, UI_GAUGE_FILL));
		mvwaddstr(w, 0, x, buf);
		wattroff(w, ui_attr(a, UI_GAUGE_FILL));
		x += bar + 2;
		snprintf(buf, sizeof buf, TXT_HEAD_PCT, pct, d);
	} else {
		snprintf(buf, sizeof buf, TXT_HEAD_NONE, d);
	}
	draw_text(a, w, 0, x, buf, a->cols - x - 1, A_NORMAL, false);
	int end = x + text_width(buf) + 2;
	int pw = plans_shown_name(a, a->cols - 1 - end, plan, sizeof plan);
	if (pw)
		draw_text(a, w, 0, a->cols - 1 - pw, plan, pw, ui_attr(a, UI_DIM), false);
}

/* ---- a task's entries (Enter) ------------------------------------------------------ */

/* "Kế hoạch vốn: Ngân sách tỉnh 1 tỷ · Ngân sách xã 500 tr". */
static void
planned_text(const struct store_fund_task *m, char *buf, size_t size)
{
	if (m->nplanned == 0) {
		snprintf(buf, size, "%s", TXT_PLANNED_NONE);
		return;
	}
	size_t n = (size_t)snprintf(buf, size, "%s", TXT_PLANNED_BY);
	for (int i = 0; i < m->nplanned && n < size; i++) {
		char v[32];
		n += (size_t)snprintf(buf + n, size - n, "%s%s %s", i ? " · " : "",
				      m->planned[i].source_name,
				      model_money_compact(m->planned[i].amount, v, sizeof v));
	}
}

/* The entries' columns: date, kind, source, amount; doc and who when wide. */
struct ecols { bool wide; int kind_x, kind_w, src_x, src_w, amt_x, amt_w, doc_x, who_x; };

static struct ecols
ecols(struct app *a)
{
	struct ecols c = {.wide = a->cols >= 110, .kind_x = 15};
	c.kind_w = c.wide ? 21 : 12;
	c.amt_w = c.wide ? 17 : 15;
	c.src_x = c.kind_x + c.kind_w + 1;
	int rest = a->cols - 1 - c.src_x - c.amt_w - 1 - (c.wide ? 34 : 0);
	c.src_w = rest;
	c.amt_x = c.src_x + c.src_w + 1;
	c.doc_x = c.amt_x + c.amt_w + 2;
	c.who_x = c.doc_x + 16;
	return c;
}

static void
draw_entry(struct app *a, WINDOW *w, int y, const struct store_fund_entry *x,
	   bool selected)
{
	struct ecols c = ecols(a);
	char date[11], buf[64];
	bool gone = x->reversed_by || x->reverses;
	attr_t at = gone ? ui_attr(a, UI_DIM) : A_NORMAL;
	mvwaddstr(w, y, 0, selected ? glyph(a, "▸", ">") : " ");
	model_date_dmy(x->on_date, date);
	draw_text(a, w, y, 2, date, 10, selected ? ui_attr(a, UI_ROW_SELECTED) : at, false);
	if (gone)
		mvwaddstr(w, y, 13, glyph(a, "↺", "R"));
	draw_text(a, w, y, c.kind_x, model_fund_kind_label(x->kind), c.kind_w, at, false);
	draw_text(a, w, y, c.src_x, x->source_name ? x->source_name : TXT_E_NO_SOURCE,
		  c.src_w, at, false);
	draw_right(a, w, y, c.amt_x, c.amt_w, money(x->amount, c.amt_w, buf, sizeof buf),
		   gone ? at : A_BOLD);
	if (!c.wide)
		return;
	draw_text(a, w, y, c.doc_x, x->doc ? x->doc : "", 15, at, false);
	draw_text(a, w, y, c.who_x, x->recorded_by ? x->recorded_by : "",
		  a->cols - 1 - c.who_x, at, false);
}

static void
draw_entries(struct app *a, struct tab *t, WINDOW *w)
{
	struct fstate *s = t->priv;
	static const char *const cols[] = TXT_E_COLS;
	const struct store_fund_line *l = task_line(s, tab_selected(t));
	char buf[1024];
	werase(w);
	if (!l)
		return;
	char label[512];
	snprintf(buf, sizeof buf, TXT_ENTRIES_HEAD, line_label(l, label, sizeof label));
	draw_text(a, w, 0, 1, buf, a->cols - 2, A_BOLD, false);
	planned_text(&s->task, buf, sizeof buf);
	draw_text(a, w, 1, 2, buf, a->cols - 3, A_NORMAL, false);
	struct ecols c = ecols(a);
	attr_t dim = ui_attr(a, UI_DIM);
	int xs[] = {2, c.kind_x, c.src_x, c.amt_x, c.doc_x, c.who_x};
	for (int i = 0; i < (c.wide ? 6 : 4); i++)
		if (i == 3)
			draw_right(a, w, 2, c.amt_x, c.amt_w, cols[i], dim);
		else
			draw_text(a, w, 2, xs[i], cols[i], i == 2 ? c.src_w : 12, dim, false);
	if (s->task.nentries == 0)
		draw_text(a, w, ENTRIES_TOP, 2, app_view_only(a) ? TXT_E_NONE_RO : TXT_E_NONE,
			  a->cols - 3, dim, false);
	for (int y = 0; y < s->elist.height; y++) {
		int i = list_row_at(&s->elist, y);
		if (i >= 0)
			draw_entry(a, w, ENTRIES_TOP + y, &s->task.entries[i], i == s->elist.sel);
	}
}

static void
draw_body(struct app *a, struct tab *t, WINDOW *w)
{
	struct fstate *s = t->priv;
	int h = t->list.height - ENTRIES_TOP;
	if (s->elist.height != h)
		list_reset(&s->elist, s->task.nentries, h > 1 ? h : 1);
	if (s->focus == FOCUS_ENTRIES && s->task_id[0])
		draw_entries(a, t, w);
	else
		screen_draw_list(a, t);
}

/* ---- the detail pane ------------------------------------------------------------------ */

/* Every sum of a line, in full where the pane is wide enough. */
static void
sums_text(struct app *a, const struct store_fund_sums *m, long long cost,
	  char *buf, size_t size)
{
	for (int compact = 0; compact < 2; compact++) {
		char v[6][32];
		long long x[] = {cost, m->planned, m->received, m->paid, m->completed, m->debt};
		for (int i = 0; i < 6; i++)
			if (compact)
				model_money_compact(x[i], v[i], sizeof v[i]);
			else
				model_money_format(x[i], true, v[i], sizeof v[i]);
		snprintf(buf, size, TXT_SUMS_LONG, v[1], v[2], v[3], v[4], v[5],
			 cost < 0 ? TXT_NOT_SET : v[0]);
		if (text_width(buf) <= a->cols - 2)
			return;
	}
}

static void
detail_entry(struct app *a, WINDOW *w, const struct store_fund_entry *x)
{
	char buf[1024], date[11], v[64];
	int h = getmaxy(w), width = a->cols - 2, y = 1;
	model_date_dmy(x->on_date, date);
	snprintf(buf, sizeof buf, "%s · %s · %s · %s", date, model_fund_kind_label(x->kind),
		 x->source_name ? x->source_name : TXT_E_NO_SOURCE,
		 model_money_format(x->amount, true, v, sizeof v));
	y += draw_wrapped(a, w, y, 1, buf, width, 1, A_BOLD);
	size_t n = 0;
	buf[0] = '\0';
	if (x->doc)
		n = (size_t)snprintf(buf, sizeof buf, TXT_E_DOC, x->doc);
	snprintf(buf + n, sizeof buf - n, TXT_E_WHO, x->recorded_by ? x->recorded_by : "?",
		 x->recorded_at ? x->recorded_at : "?");
	y += draw_wrapped(a, w, y, 1, buf, width, 1, A_NORMAL);
	bool rev = x->reversed_by || x->reverses;
	if (x->note && y < h) {
		snprintf(buf, sizeof buf, TXT_E_NOTE, x->note);
		y += draw_wrapped(a, w, y, 1, buf, width, h - y - rev, A_NORMAL);
	}
	if (rev && y < h) {
		snprintf(buf, sizeof buf, x->reversed_by ? TXT_E_REVERSED : TXT_E_REVERSING,
			 x->reversed_by ? x->reversed_by : x->reverses);
		draw_text(a, w, y, 1, buf, width, ui_attr(a, UI_STATUS_CHUA_DAT), false);
	}
}

static void
detail_task(struct app *a, WINDOW *w, const struct fstate *s,
	    const struct store_fund_line *l)
{
	char buf[1024];
	int h = getmaxy(w), width = a->cols - 2, y = 1;
	y += draw_wrapped(a, w, y, 1, line_label(l, buf, sizeof buf), width, 1, A_BOLD);
	sums_text(a, &l->sums, l->cost, buf, sizeof buf);
	y += draw_wrapped(a, w, y, 1, buf, width, h - y > 3 ? 2 : 1, A_NORMAL);
	if (strcmp(s->task_id, l->task_id) != 0)
		return;
	planned_text(&s->task, buf, sizeof buf);
	y += draw_wrapped(a, w, y, 1, buf, width, h - y > 2 ? 2 : 1, A_NORMAL);
	if (y < h) {
		snprintf(buf, sizeof buf, s->task.nentries ? TXT_ENTRIES_N : TXT_ENTRIES_0,
			 s->task.nentries);
		draw_text(a, w, h - 1, 1, buf, width, ui_attr(a, UI_DIM), false);
	}
}

static void
draw_detail(struct app *a, struct tab *t, WINDOW *w, const struct row *r)
{
	struct fstate *s = t->priv;
	char buf[1024], c[64];
	int width = a->cols - 2;
	if (s->focus == FOCUS_ENTRIES && s->task_id[0]) {
		if (entry(s))
			detail_entry(a, w, entry(s));
		return;
	}
	const struct store_fund_line *l = NULL;
	switch (r->kind) {
	case ROW_FUND_TASK:
		detail_task(a, w, s, &s->sum.by_task[r->index]);
		return;
	case ROW_FUND_TOTAL:
		snprintf(buf, sizeof buf, TXT_TOTAL_LINE, s->sum.ntasks,
			 model_money_format(s->sum.cost, true, c, sizeof c));
		draw_wrapped(a, w, 1, 1, buf, width, 2, A_NORMAL);
		return;
	case ROW_FUND_SOURCE: {
		char p[32], rv[32];
		l = &s->sum.by_source[r->index];
		draw_wrapped(a, w, 1, 1, l->label, width, 1, A_BOLD);
		snprintf(buf, sizeof buf, TXT_SOURCE_LINE,
			 model_money_format(l->sums.planned, true, p, sizeof p),
			 model_money_format(l->sums.received, true, rv, sizeof rv),
			 model_money_format(l->sums.paid, true, c, sizeof c));
		draw_wrapped(a, w, 2, 1, buf, width, 2, A_NORMAL);
		return;
	}
	case ROW_FUND_SECTOR:
		l = &s->sum.by_sector[r->index];
		draw_wrapped(a, w, 1, 1, l->label, width, 1, A_BOLD);
		sums_text(a, &l->sums, l->cost, buf, sizeof buf);
		draw_wrapped(a, w, 2, 1, buf, width, 2, A_NORMAL);
		return;
	default:
		return;
	}
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
		return line_label(&s->sum.by_task[r->index], buf, sizeof buf);
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
	return CTX_LIST | (s->focus == FOCUS_ENTRIES && s->task_id[0] ? CTX_FUND_ENTRY : CTX_FUND);
}

/* r on an entry: the reason asked, unless the store would refuse it. */
static void
reverse(struct app *a, struct fstate *s)
{
	const struct store_fund_entry *x = entry(s);
	if (!x)
		return;
	if (x->reversed_by || x->reverses)
		app_message(a, true, "%s", x->reversed_by ? TXT_REV_TWICE : TXT_REV_REV);
	else
		form_fund_reverse(a, x, NULL);
}

static bool
on_action(struct app *a, struct tab *t, enum tui_action act, const struct row *r)
{
	struct fstate *s = t->priv;
	const struct store_fund_line *l = task_line(s, r);
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
	.draw_detail = draw_detail, .row_text = row_text, .row_key = row_key,
	.on_action = on_action, .draw_body = draw_body, .context = context,
};
