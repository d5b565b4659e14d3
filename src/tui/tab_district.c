/* Tab "Huyện" (or "Tỉnh"): the first tab on the level above's file. One
 * row per commune with its gauges and its newest data, sorted three ways;
 * `m` shows the communes × criteria table instead; Enter opens a commune
 * (its tabs come after this one). Data from store_district_load. */
#include "app.h"
#include "conflicts.h"
#include "matrix.h"
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

/* User-visible texts of this file. */
#define TXT_TAB_HUYEN   "Huyện"
#define TXT_TAB_TINH    "Tỉnh"
#define TXT_HUYEN       "Huyện %s"
#define TXT_TINH        "Tỉnh %s"
#define TXT_NO_NAME     "Các xã của tệp"
#define TXT_HEADER      "%s — %d xã · thứ tự: %s (s đổi)"
#define TXT_MX_HEADER   "%s — bảng xã × tiêu chí (m trở lại)"
#define TXT_OPEN        " · đang mở: %s"
#define TXT_SORTS       {"theo tiến độ", "theo tên", "lâu chưa cập nhật trước"}
/* The same, when the long one does not fit (80 columns, a commune open). */
#define TXT_HEADER_S    "%s — %d xã · %s (s)"
#define TXT_OPEN_S      " · mở: %s"
#define TXT_SORTS_S     {"tiến độ", "tên", "lâu chưa cập nhật"}
/* The matrix's legend (the marks: UTF-8, or ASCII), under the table. */
#define TXT_MX_LEGEND   "%s đạt, %s chưa đạt, ? chưa đánh giá, trống: chưa có mức cần đạt"
#define TXT_COLUMNS     {"Xã", "Tiêu chí", "Nhiệm vụ", "Quá hạn", "Thôn", "Cập nhật", "Người gửi"}
#define TXT_NO_PLAN     "chưa có kế hoạch"
#define TXT_NEVER       "chưa có"
#define TXT_NONE_1      "Chưa có xã nào gửi số liệu lên tệp này."
#define TXT_NONE_2      "Ở mỗi xã: chạy ntm sync export --all rồi gửi tệp đồng bộ lên đây."
#define TXT_NONE_3      "Ở đây: ntm sync apply TỆP… (mỗi tệp của một xã) — các xã hiện ra ở thẻ này."
#define TXT_LOAD_FAILED "Không đọc được các xã: %s"
#define TXT_DETAIL_PLAN "%s — Kế hoạch %s năm %d"
#define TXT_DETAIL_NUMS "Chỉ tiêu đạt %d/%d · thôn đạt chuẩn %d/%d · Enter: mở xã"
#define TXT_MX_CELL     "%s — tiêu chí %d: %s"
#define TXT_CELL_STATUS {"chưa có chỉ tiêu", "chưa đánh giá", "đạt", "chưa đạt"}
#define TXT_MX_EMPTY    "Chưa có xã nào nên bảng trống. Nhấn m để trở lại."
#define TXT_PICK_FIRST  "Chọn một xã rồi Enter để mở nó trước đã."

enum { SORT_PROGRESS, SORT_NAME, SORT_STALE, SORT_COUNT };

struct dstate {
	struct arena arena;       /* the district, per load */
	struct store_district d;
	int sort;
	bool matrix;
	struct matrix grid;       /* its rows in the list's order */
	int *order;               /* d.rows' indexes in the order chosen */
	char mx_id[STORE_ID_LEN]; /* the matrix's commune, over a reload */
};

/* Where each column starts, for the width of the screen: the name and
 * the sender get what a wider screen gives. */
struct cols { int name_w, gauge, tasks, overdue, villages, date, who, who_w; };

static struct cols
columns(int width)
{
	int extra = width > 80 ? width - 80 : 0;
	int name_extra = extra < 16 ? extra : 16;
	struct cols c = {.name_w = 13 + name_extra};
	c.gauge = 16 + name_extra;
	c.tasks = c.gauge + 11;
	c.overdue = c.tasks + 9;
	c.villages = c.overdue + 8;
	c.date = c.villages + 7;
	c.who = c.date + 11;
	c.who_w = width - 1 - c.who;
	return c;
}

const struct store_district *
district_data(struct app *a)
{
	if (a->ntabs == 0 || a->tabs[0].ops != &TAB_DISTRICT)
		return NULL;
	return &((struct dstate *)a->tabs[0].priv)->d;
}

/* ---- the rows, in the order chosen ------------------------------------------ */

static const struct store_district *sort_d;   /* qsort has no context */

static int
percent(struct ntm_gauge g)
{
	return g.total ? 1000 * g.done / g.total : -1;
}

static int
by_progress(const void *x, const void *y)
{
	const struct store_commune_row *a = &sort_d->rows[*(const int *)x];
	const struct store_commune_row *b = &sort_d->rows[*(const int *)y];
	int d = percent(b->criteria) - percent(a->criteria);
	if (!d)
		d = percent(b->tasks) - percent(a->tasks);
	return d ? d : *(const int *)x - *(const int *)y;
}

/* Oldest data first, a commune with none before every other. */
static int
by_staleness(const void *x, const void *y)
{
	const char *a = sort_d->rows[*(const int *)x].updated_at;
	const char *b = sort_d->rows[*(const int *)y].updated_at;
	int d = !a && !b ? 0 : !a ? -1 : !b ? 1 : strcmp(a, b);
	return d ? d : *(const int *)x - *(const int *)y;
}

/* The rows: the column titles, then the communes in the order chosen
 * (the store's is the Vietnamese order of names). */
static void
add_rows(struct app *a, struct tab *t)
{
	struct dstate *s = t->priv;
	const struct store_district *d = &s->d;
	if (d->n == 0) {
		static const char *const none[] = {TXT_NONE_1, "", TXT_NONE_2, TXT_NONE_3};
		for (size_t i = 0; i < sizeof none / sizeof *none; i++)
			tab_add_row(t, (struct row){ROW_HEADER, -1, none[i], -1});
		return;
	}
	tab_add_row(t, (struct row){ROW_HEADER, -1, NULL, -1});
	free(s->order);
	int *order = s->order = malloc(sizeof *order * (size_t)d->n);
	if (!order)
		return;
	for (int i = 0; i < d->n; i++)
		order[i] = i;
	sort_d = d;
	if (s->sort == SORT_PROGRESS)
		qsort(order, (size_t)d->n, sizeof *order, by_progress);
	else if (s->sort == SORT_STALE)
		qsort(order, (size_t)d->n, sizeof *order, by_staleness);
	for (int i = 0; i < d->n; i++)
		tab_add_row(t, (struct row){ROW_COMMUNE, order[i], NULL, -1});
	(void)a;
}

/* Selects the commune d.rows[x] in the list and in the matrix. */
static void
select_commune(struct tab *t, int x)
{
	struct dstate *s = t->priv;
	for (int i = 0; i < t->nrows; i++)
		if (t->rows[i].kind == ROW_COMMUNE && t->rows[i].index == x)
			list_select(&t->list, i);
	for (int p = 0; s->order && p < s->d.n; p++)
		if (s->order[p] == x)
			list_select(&s->grid.rows, p);
}

/* The widest commune's name, for the matrix's names column. */
static int
widest_name(const struct store_district *d)
{
	int w = 0;
	for (int i = 0; i < d->n; i++) {
		int n = text_width(d->rows[i].name);
		w = n > w ? n : w;
	}
	return w;
}

static void
load(struct app *a, struct tab *t)
{
	struct dstate *s = t->priv;
	struct ntm_error e = {0};
	if (store_district_load(a->st, &s->arena, &s->d, &e) != NTM_OK) {
		app_message(a, true, TXT_LOAD_FAILED, e.msg);
		memset(&s->d, 0, sizeof s->d);
	}
	bool tinh = s->d.level && strcmp(s->d.level, "tinh") == 0;
	t->label = tinh ? TXT_TAB_TINH : TXT_TAB_HUYEN;
	add_rows(a, t);
	int ncrit = 0;
	for (int i = 0; i < s->d.n; i++)
		ncrit = s->d.rows[i].ncrit > ncrit ? s->d.rows[i].ncrit : ncrit;
	matrix_set(&s->grid, s->d.n, ncrit);
	s->grid.name_need = widest_name(&s->d);
	s->grid.done_ascii = "+";     /* "x" reads like "failed" */
	for (int i = 0; s->mx_id[0] && i < s->d.n; i++)
		if (strcmp(s->d.rows[i].id, s->mx_id) == 0)
			select_commune(t, i);
}

static void
close_tab(struct app *a, struct tab *t)
{
	(void)a;
	struct dstate *s = t->priv;
	int sel = s->grid.rows.sel;
	s->mx_id[0] = '\0';
	if (s->matrix && s->order && sel >= 0 && sel < s->d.n)
		snprintf(s->mx_id, sizeof s->mx_id, "%s", s->d.rows[s->order[sel]].id);
	free(s->order);
	s->order = NULL;
	arena_free(&s->arena);
	memset(&s->d, 0, sizeof s->d);
}

static const struct store_commune_row *commune(struct tab *t);

/* The rows again in another order, the same commune selected. */
static void
resort(struct app *a, struct tab *t)
{
	const struct store_commune_row *x = commune(t);
	struct dstate *s = t->priv;
	t->nrows = 0;
	add_rows(a, t);
	list_reset(&t->list, t->nrows, t->list.height);
	if (x)
		select_commune(t, (int)(x - s->d.rows));
	a->full_redraw = true;
}

/* ---- drawing ---------------------------------------------------------------- */

/* "Huyện Văn Lâm" (the word once, however the name was given). */
static void
district_title(const struct store_district *d, char *out, size_t size)
{
	bool tinh = d->level && strcmp(d->level, "tinh") == 0;
	char *f = d->name ? text_fold(d->name) : NULL;
	bool has_word = f && strncmp(f, tinh ? "tinh " : "huyen ", tinh ? 5 : 6) == 0;
	if (!d->name)
		snprintf(out, size, "%s", TXT_NO_NAME);
	else if (has_word)
		snprintf(out, size, "%s", d->name);
	else
		snprintf(out, size, tinh ? TXT_TINH : TXT_HUYEN, d->name);
	free(f);
}

static void
draw_header(struct app *a, struct tab *t, WINDOW *w)
{
	struct dstate *s = t->priv;
	static const char *const sorts[] = TXT_SORTS, *const shorts[] = TXT_SORTS_S;
	char title[256], buf[1024], xa[256];
	district_title(&s->d, title, sizeof title);
	for (int narrow = 0; narrow < 2; narrow++) {
		if (s->matrix)
			snprintf(buf, sizeof buf, TXT_MX_HEADER, title);
		else
			snprintf(buf, sizeof buf, narrow ? TXT_HEADER_S : TXT_HEADER,
				 title, s->d.n, (narrow ? shorts : sorts)[s->sort]);
		if (a->commune_open && a->rep.unit) {
			size_t n = strlen(buf);
			model_commune_phrase(a->rep.unit, xa, sizeof xa);
			snprintf(buf + n, sizeof buf - n, narrow ? TXT_OPEN_S : TXT_OPEN, xa);
		}
		if (text_width(buf) <= a->cols - 2)
			break;
	}
	draw_text(a, w, 0, 1, buf, a->cols - 2, ui_attr(a, UI_HEADER), false);
}

static void
draw_titles(struct app *a, WINDOW *w, int y, const struct cols *c)
{
	static const char *const names[] = TXT_COLUMNS;
	int x[] = {2, c->gauge, c->tasks, c->overdue, c->villages, c->date, c->who};
	int wd[] = {c->name_w, 10, 8, 7, 6, 10, c->who_w};
	for (int i = 0; i < 7; i++)
		draw_text(a, w, y, x[i], names[i], wd[i], ui_attr(a, UI_DIM), false);
}

static void
draw_commune(struct app *a, WINDOW *w, int y, const struct store_commune_row *r,
	     bool selected, const struct cols *c)
{
	char buf[64], date[17];
	mvwaddstr(w, y, 0, selected ? glyph(a, "▸", ">") : " ");
	draw_text(a, w, y, 2, r->name, c->name_w, selected ? ui_attr(a, UI_ROW_SELECTED)
		  : A_BOLD, true);
	draw_gauge(a, w, y, c->gauge, r->criteria, 4, false);
	if (!r->plan_number) {
		draw_text(a, w, y, c->tasks, TXT_NO_PLAN, c->villages - c->tasks - 1,
			  ui_attr(a, UI_DIM), false);
	} else {
		gauge_count(r->tasks, false, buf, sizeof buf);
		draw_text(a, w, y, c->tasks, buf, 8, A_NORMAL, false);
		snprintf(buf, sizeof buf, "%d", r->overdue);
		draw_text(a, w, y, c->overdue, buf, 7,
			  r->overdue ? ui_attr(a, UI_STATUS_CHUA_DAT) : A_NORMAL, false);
	}
	gauge_count(r->villages, false, buf, sizeof buf);
	draw_text(a, w, y, c->villages, buf, 6, A_NORMAL, false);
	if (r->updated_at)          /* the local day of a UTC time */
		conflicts_local_time(r->updated_at, date);
	date[10] = '\0';
	draw_text(a, w, y, c->date, r->updated_at ? date : TXT_NEVER, 10,
		  r->updated_at ? A_NORMAL : ui_attr(a, UI_DIM), false);
	draw_text(a, w, y, c->who, r->updated_by ? r->updated_by : "", c->who_w,
		  A_NORMAL, false);
}

static void
draw_row(struct app *a, struct tab *t, WINDOW *w, int y, const struct row *r,
	 bool selected)
{
	struct dstate *s = t->priv;
	struct cols c = columns(a->cols);
	if (r->kind == ROW_COMMUNE)
		draw_commune(a, w, y, &s->d.rows[r->index], selected, &c);
	else if (r->text)
		draw_text(a, w, y, 2, r->text, a->cols - 3,
			  *r->text ? ui_attr(a, UI_HEADER) : A_NORMAL, false);
	else
		draw_titles(a, w, y, &c);
}

/* The matrix's callbacks: the communes in the list's order. */
static const struct store_commune_row *
mx_row(const void *data, int r)
{
	const struct dstate *s = data;
	return &s->d.rows[s->order[r]];
}

static const char *
mx_name(const void *data, int r)
{
	return mx_row(data, r)->name;
}

static enum mx_cell
mx_cell(const void *data, int r, int c)
{
	const struct store_commune_row *x = mx_row(data, r);
	if (c >= x->ncrit)
		return MX_NONE;
	switch (x->crit[c]) {
	case NTM_STATUS_DAT: return MX_DONE;
	case NTM_STATUS_CHUA_DAT: return MX_TODO;
	case NTM_STATUS_CHUA_DANH_GIA: return MX_UNKNOWN;
	default: return MX_NONE;
	}
}

static int
mx_row_percent(const void *data, int r)
{
	return model_gauge_percent(mx_row(data, r)->criteria);
}

static int
mx_col_percent(const void *data, int c)
{
	const struct store_district *d = &((const struct dstate *)data)->d;
	struct ntm_gauge g = {0, 0};
	for (int r = 0; r < d->n; r++)
		if (c < d->rows[r].ncrit) {
			g.total++;
			g.done += d->rows[r].crit[c] == NTM_STATUS_DAT;
		}
	return model_gauge_percent(g);
}

static void
draw_matrix(struct app *a, struct tab *t, WINDOW *w)
{
	struct dstate *s = t->priv;
	werase(w);
	if (s->d.n == 0 || s->grid.ncols == 0 || !s->order) {
		draw_text(a, w, 0, 1, TXT_MX_EMPTY, a->cols - 2, ui_attr(a, UI_DIM), false);
		return;
	}
	s->grid.data = s;
	s->grid.row_name = mx_name;
	s->grid.cell = mx_cell;
	s->grid.row_percent = mx_row_percent;
	s->grid.col_percent = mx_col_percent;
	matrix_draw(a, w, &s->grid);
}

static void
draw_body(struct app *a, struct tab *t, WINDOW *w)
{
	struct dstate *s = t->priv;
	matrix_fit(a, &s->grid, t->list.height);
	if (s->matrix)
		draw_matrix(a, t, w);
	else
		screen_draw_list(a, t);
}

/* The selected commune (in the list, or the matrix's row). */
static const struct store_commune_row *
commune(struct tab *t)
{
	struct dstate *s = t->priv;
	if (s->matrix)
		return s->order && s->grid.rows.sel >= 0 && s->grid.rows.sel < s->d.n
			? mx_row(s, s->grid.rows.sel) : NULL;
	const struct row *r = tab_selected(t);
	return r && r->kind == ROW_COMMUNE ? &s->d.rows[r->index] : NULL;
}

static void
draw_detail(struct app *a, struct tab *t, WINDOW *w, const struct row *r)
{
	(void)r;
	struct dstate *s = t->priv;
	const struct store_commune_row *x = commune(t);
	char buf[1024], xa[256];
	if (!x)
		return;
	model_commune_phrase(x->name, xa, sizeof xa);
	if (s->matrix && s->grid.cols.sel >= 0) {
		static const char *const st[] = TXT_CELL_STATUS;
		int c = s->grid.cols.sel;
		snprintf(buf, sizeof buf, TXT_MX_CELL, xa, c + 1,
			 c < x->ncrit ? st[x->crit[c] & 3] : st[0]);
		draw_text(a, w, 1, 1, buf, a->cols - 2, A_NORMAL, false);
		snprintf(buf, sizeof buf, TXT_MX_LEGEND, glyph(a, "✓", s->grid.done_ascii),
			 glyph(a, "·", "."));
		draw_text(a, w, 2, 1, buf, a->cols - 2, ui_attr(a, UI_DIM), false);
		return;
	}
	if (x->plan_number)
		snprintf(buf, sizeof buf, TXT_DETAIL_PLAN, xa, x->plan_number, x->plan_year);
	else
		snprintf(buf, sizeof buf, "%s — %s", xa, TXT_NO_PLAN);
	draw_text(a, w, 1, 1, buf, a->cols - 2, A_BOLD, false);
	snprintf(buf, sizeof buf, TXT_DETAIL_NUMS, x->indicators.done, x->indicators.total,
		 x->villages.done, x->villages.total);
	draw_text(a, w, 2, 1, buf, a->cols - 2, A_NORMAL, false);
}

static const char *
row_text(struct app *a, const struct row *r)
{
	const struct store_district *d = district_data(a);
	return r->kind == ROW_COMMUNE && d ? d->rows[r->index].name : r->text ? r->text : "";
}

static const char *
row_key(struct app *a, const struct row *r)
{
	const struct store_district *d = district_data(a);
	return r->kind == ROW_COMMUNE && d ? d->rows[r->index].id : "none";
}

static unsigned
context(struct app *a, struct tab *t)
{
	(void)a;
	return CTX_LIST | CTX_DISTRICT | (((struct dstate *)t->priv)->matrix ? CTX_DMATRIX : 0);
}

static bool
on_action(struct app *a, struct tab *t, enum tui_action act, const struct row *r)
{
	(void)r;
	struct dstate *s = t->priv;
	const struct store_commune_row *x = commune(t);
	switch (act) {
	case ACT_OPEN: case ACT_D_OPEN:
		if (x)
			app_open_commune(a, x->id);
		return true;
	case ACT_D_SORT:
		s->sort = (s->sort + 1) % SORT_COUNT;
		resort(a, t);
		return true;
	case ACT_D_MATRIX:
		s->matrix = !s->matrix;     /* the same commune, by its row */
		if (x)
			select_commune(t, (int)(x - s->d.rows));
		a->full_redraw = true;
		return true;
	case ACT_PLAN: case ACT_PLAN_NEW: case ACT_REPORT:
		if (a->commune_open)    /* the commune open's */
			return false;
		app_message(a, false, "%s", TXT_PICK_FIRST);
		return true;
	default:
		return s->matrix && matrix_act(&s->grid, act);
	}
}

const struct tab_ops TAB_DISTRICT = {
	.label = TXT_TAB_HUYEN, .private_size = sizeof(struct dstate),
	.load = load, .close = close_tab, .draw_header = draw_header,
	.draw_row = draw_row, .draw_detail = draw_detail, .row_text = row_text,
	.row_key = row_key, .on_action = on_action, .draw_body = draw_body,
	.context = context,
};
