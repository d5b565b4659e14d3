/* Tab Vốn: a task's entries (Enter on it; r reverses one) and the detail
 * pane of the row or entry selected. Every sum is the store's; amounts
 * are shown by the model. */
#include "tab_fund.h"

#include <stdio.h>
#include <string.h>

#include "ntm/text.h"
#include "screen.h"

/* User-visible texts of this file. */
#define TXT_SUMS_LONG    "Tổng mức %s · kế hoạch %s · đã nhận %s · đã chi %s · hoàn thành %s · nợ đọng %s"
#define TXT_SOURCE_LINE  "Kế hoạch %s · đã nhận %s · đã chi %s"
#define TXT_TOTAL_LINE   "%d nhiệm vụ có vốn · tổng mức các nhiệm vụ đã đặt: %s"
#define TXT_PLANNED_BY   "Kế hoạch vốn: "
#define TXT_PLANNED_NONE "Chưa có kế hoạch vốn theo nguồn."
#define TXT_ENTRIES_N    "Enter: xem %d khoản · a: ghi thêm · p: kế hoạch vốn · c: tổng mức"
#define TXT_ENTRIES_0    "Chưa có khoản nào · a: ghi khoản vốn · p: kế hoạch vốn · c: tổng mức"
#define TXT_ENTRIES_N_RO "Enter: xem %d khoản"
#define TXT_ENTRIES_0_RO "Chưa có khoản nào"
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
	c.kind_w = 21;              /* "khối lượng hoàn thành" */
	c.amt_w = c.wide ? 17 : 16;  /* "-1.500.000.000 đ" */
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
	   bool selected, bool full)
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
	fund_draw_right(a, w, y, c.amt_x, c.amt_w, fund_money(x->amount, full, buf, sizeof buf),
		   gone ? at : A_BOLD);
	if (!c.wide)
		return;
	draw_text(a, w, y, c.doc_x, x->doc ? x->doc : "", 15, at, false);
	draw_text(a, w, y, c.who_x, x->recorded_by ? x->recorded_by : "",
		  a->cols - 1 - c.who_x, at, false);
}

void
fund_draw_entries(struct app *a, struct tab *t, WINDOW *w)
{
	struct fstate *s = t->priv;
	static const char *const cols[] = TXT_E_COLS;
	const struct store_fund_line *l = fund_task_of_row(s, tab_selected(t));
	char buf[1024];
	werase(w);
	if (!l)
		return;
	char label[512];
	snprintf(buf, sizeof buf, TXT_ENTRIES_HEAD, fund_line_label(l, label, sizeof label));
	draw_text(a, w, 0, 1, buf, a->cols - 2, A_BOLD, false);
	planned_text(&s->task, buf, sizeof buf);
	draw_text(a, w, 1, 2, buf, a->cols - 3, A_NORMAL, false);
	struct ecols c = ecols(a);
	attr_t dim = ui_attr(a, UI_DIM);
	int xs[] = {2, c.kind_x, c.src_x, c.amt_x, c.doc_x, c.who_x};
	for (int i = 0; i < (c.wide ? 6 : 4); i++)
		if (i == 3)
			fund_draw_right(a, w, 2, c.amt_x, c.amt_w, cols[i], dim);
		else
			draw_text(a, w, 2, xs[i], cols[i], i == 2 ? c.src_w : 12, dim, false);
	if (s->task.nentries == 0)
		draw_text(a, w, ENTRIES_TOP, 2, app_view_only(a) ? TXT_E_NONE_RO : TXT_E_NONE,
			  a->cols - 3, dim, false);
	bool full = true;          /* the column in one form */
	for (int i = 0; i < s->task.nentries && full; i++)
		full = fund_fits_full(&s->task.entries[i].amount, 1, c.amt_w);
	for (int y = 0; y < s->elist.height; y++) {
		int i = list_row_at(&s->elist, y);
		if (i >= 0)
			draw_entry(a, w, ENTRIES_TOP + y, &s->task.entries[i],
				   i == s->elist.sel, full);
	}
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
		snprintf(buf, size, TXT_SUMS_LONG, cost < 0 ? TXT_NOT_SET : v[0], v[1],
			 v[2], v[3], v[4], v[5]);
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
	y += draw_wrapped(a, w, y, 1, fund_line_label(l, buf, sizeof buf), width, 1, A_BOLD);
	sums_text(a, &l->sums, l->cost, buf, sizeof buf);
	y += draw_wrapped(a, w, y, 1, buf, width, h - y > 3 ? 2 : 1, A_NORMAL);
	if (strcmp(s->task_id, l->task_id) != 0)
		return;
	planned_text(&s->task, buf, sizeof buf);
	y += draw_wrapped(a, w, y, 1, buf, width, h - y > 2 ? 2 : 1, A_NORMAL);
	if (y < h) {
		bool ro = app_view_only(a);
		snprintf(buf, sizeof buf, s->task.nentries ? ro ? TXT_ENTRIES_N_RO : TXT_ENTRIES_N
			 : ro ? TXT_ENTRIES_0_RO : TXT_ENTRIES_0, s->task.nentries);
		draw_text(a, w, h - 1, 1, buf, width, ui_attr(a, UI_DIM), false);
	}
}

void
fund_draw_detail(struct app *a, struct tab *t, WINDOW *w, const struct row *r)
{
	struct fstate *s = t->priv;
	char buf[1024], c[64];
	int width = a->cols - 2;
	if (s->focus == FOCUS_ENTRIES && s->task_id[0]) {
		if (fund_entry_sel(s))
			detail_entry(a, w, fund_entry_sel(s));
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

