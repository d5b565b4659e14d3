/* Tab "Thôn": each village's checklist toward khu dân cư NTM kiểu mẫu.
 * Left, the villages with their gauges; right, the selected village's
 * items; `m` shows the villages × template items matrix instead. */
#include "app.h"
#include "dialogs.h"
#include "form.h"
#include "forms.h"
#include "forms_village.h"
#include "matrix.h"
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

/* User-visible texts of this file. */
#define TXT_TAB         "Thôn"
#define TXT_HEADER      "Thôn — danh mục hướng tới khu dân cư NTM kiểu mẫu"
#define TXT_MATRIX_HEAD "Bảng thôn × việc theo mẫu (✓ = xong, · = chưa; Space đánh dấu; m trở lại)"
#define TXT_NONE        "Chưa có thôn nào. Nhấn A để thêm thôn."
#define TXT_NONE_RO     "Chưa có thôn nào (đang chỉ xem nên không thêm được)."
#define TXT_NO_ITEMS    "Thôn chưa có việc nào. Nhấn T để thêm các việc theo mẫu, hoặc Enter rồi a để thêm một việc."
#define TXT_NO_ITEMS_IN "Thôn chưa có việc nào. Nhấn a để thêm một việc."
#define TXT_NO_ITEMS_RO "Thôn chưa có việc nào."
#define TXT_ORDER       "thứ tự: %s"
#define TXT_ORDER_NAMES {"như đã xếp", "theo tên", "chưa xong trước"}
#define TXT_DONE_BY     "Xong ngày %s, %s"
#define TXT_NOT_DONE    "Chưa xong"
#define TXT_NOTE        "Ghi chú: %s"
#define TXT_FROM_TPL    "theo mẫu"
#define TXT_BY_HAND     "thêm tay"
#define TXT_DEL_ITEM    "Xóa việc “%s” của %s? y hoặc c: xóa; phím khác: thôi"
#define TXT_DEL_VILLAGE "Xóa %s cùng %d việc của thôn? y hoặc c: xóa; phím khác: thôi"
#define TXT_DEL_EMPTY   "Xóa %s? y hoặc c: xóa; phím khác: thôi"
#define TXT_KEPT        "Không xóa."
#define TXT_MOVE_ARRANGED "Đang xem theo thứ tự khác: nhấn s về “như đã xếp” rồi mới chuyển việc."
#define TXT_DELETED     "Đã xóa. u để hoàn tác."
#define TXT_TEMPLATE    "Đã thêm %d việc theo mẫu cho %s."
#define TXT_TEMPLATE_0  "%s đã có đủ các việc theo mẫu."
#define TXT_MX_NO_VILLAGE "Chưa có thôn nào nên bảng trống. Nhấn m để trở lại danh sách thôn."
#define TXT_MX_NO_TPL   "Chưa có mẫu danh mục nên bảng không có cột nào. Nhấn m để trở lại."
#define TXT_MATRIX_CELL "%s — %s: %s"
#define TXT_CELL_DONE   "xong"
#define TXT_CELL_TODO   "chưa"
#define TXT_CELL_NONE   "không có"

enum { LEFT_W = 30, FOCUS_VILLAGES = 0, FOCUS_ITEMS = 1 };

/* The tab's own state. The villages are the tab's rows (t->list); the
 * selected village's items and the matrix are fetched here, each with its
 * own list (selection, scrolling). */
struct vstate {
	int focus;
	bool matrix;
	enum store_item_order order;
	struct arena mx_arena;    /* the matrix, per load */
	struct store_matrix mx;
	struct matrix grid;       /* its villages and its columns, drawn */
	struct arena arena;       /* the selected village's items */
	struct store_item *items;
	int nitems;
	struct list ilist;
	char item_key[STORE_ID_LEN];    /* the selected item, across loads */
};

static const struct store_village *
village(struct app *a, struct tab *t)
{
	const struct row *r = tab_selected(t);
	return r && r->kind == ROW_VILLAGE ? &a->rep.villages[r->index] : NULL;
}

static const struct store_item *
item(struct tab *t)
{
	struct vstate *s = t->priv;
	return s->ilist.sel >= 0 && s->ilist.sel < s->nitems ? &s->items[s->ilist.sel] : NULL;
}

static void
free_items(struct vstate *s)
{
	arena_free(&s->arena);
	s->items = NULL;
	s->nitems = 0;
}

/* Fetches the selected village's items, keeping the selected item where
 * it still exists (the select hook, and after a change of order). */
static void
load_items(struct app *a, struct tab *t)
{
	struct vstate *s = t->priv;
	const struct store_village *v = village(a, t);
	const struct store_item *cur = item(t);
	if (cur)
		snprintf(s->item_key, sizeof s->item_key, "%s", cur->id);
	free_items(s);
	struct ntm_error e = {0};
	if (v && store_checklist(a->st, v->id, &s->arena, &s->items, &s->nitems, &e) == NTM_OK)
		store_items_sort(s->items, s->nitems, s->order);
	int sel = s->ilist.sel;
	for (int i = 0; i < s->nitems; i++)
		if (strcmp(s->items[i].id, s->item_key) == 0)
			sel = i;
	s->ilist.sel = sel;
	list_reset(&s->ilist, s->nitems, t->list.height);
}

void
villages_select_item(struct app *a, struct tab *t, const char *item_id)
{
	struct vstate *s = t->priv;
	s->ilist.sel = -1;
	snprintf(s->item_key, sizeof s->item_key, "%s", item_id);
	load_items(a, t);
}

static void
load(struct app *a, struct tab *t)
{
	struct vstate *s = t->priv;
	if (a->rep.nvillages == 0)
		tab_add_row(t, (struct row){ROW_HEADER, 0,
			    app_view_only(a) ? TXT_NONE_RO : TXT_NONE, -1});
	for (int i = 0; i < a->rep.nvillages; i++)
		tab_add_row(t, (struct row){ROW_VILLAGE, i, NULL, -1});
	struct ntm_error e = {0};
	if (store_matrix(a->st, &s->mx_arena, &s->mx, &e) != NTM_OK)
		memset(&s->mx, 0, sizeof s->mx);
	matrix_set(&s->grid, s->mx.nvillages, s->mx.nitems);
	/* the items follow the village selected once the program has put the
	 * selection back: the select hook fetches them */
}

static void
close_tab(struct app *a, struct tab *t)
{
	(void)a;
	struct vstate *s = t->priv;
	const struct store_item *cur = item(t);
	if (cur)
		snprintf(s->item_key, sizeof s->item_key, "%s", cur->id);
	free_items(s);
	arena_free(&s->mx_arena);
	memset(&s->mx, 0, sizeof s->mx);
}

/* The palette and the overview open a village with the focus already in
 * its checklist. */
static void
focus(struct app *a, struct tab *t)
{
	(void)a;
	struct vstate *s = t->priv;
	s->focus = FOCUS_ITEMS;
	s->matrix = false;
}

static void
draw_header(struct app *a, struct tab *t, WINDOW *w)
{
	struct vstate *s = t->priv;
	draw_text(a, w, 0, 1, s->matrix ? TXT_MATRIX_HEAD : TXT_HEADER, a->cols - 2,
		  ui_attr(a, UI_HEADER), false);
}

static void
draw_village(struct app *a, WINDOW *w, int y, const struct store_village *v,
	     bool selected, bool focus)
{
	attr_t at = selected ? (focus ? ui_attr(a, UI_ROW_SELECTED) : A_BOLD) : A_NORMAL;
	mvwaddstr(w, y, 0, selected ? glyph(a, "▸", ">") : " ");
	draw_text(a, w, y, 2, v->name, 12, at, true);
	draw_gauge(a, w, y, 15, v->items, 6, false);
}

static void
draw_item(struct app *a, WINDOW *w, int y, int x, int width,
	  const struct store_item *it, bool selected)
{
	mvwaddstr(w, y, x, selected ? glyph(a, "▸", ">") : " ");
	if (selected)
		draw_mark(a, w, y, x);
	const char *box = it->done ? glyph(a, "[✓]", "[x]") : "[ ]";
	mvwaddstr(w, y, x + 1, box);
	bool wide = width >= 60;
	int date_w = wide ? 11 : 0, title_w = width - 6 - date_w - 2;
	draw_text(a, w, y, x + 5, it->title, title_w,
		  it->done ? ui_attr(a, UI_STATUS_DAT) : A_NORMAL, true);
	if (it->note && *it->note)
		mvwaddstr(w, y, x + 5 + title_w, "*");
	char on[11];
	model_date_dmy(it->done_on, on);
	if (wide && it->done && *on)
		draw_text(a, w, y, x + width - date_w, on, date_w, ui_attr(a, UI_DIM), false);
}

static void
draw_panes(struct app *a, struct tab *t, WINDOW *w)
{
	struct vstate *s = t->priv;
	werase(w);
	int h = t->list.height;
	for (int y = 0; y < h; y++) {
		int row = list_row_at(&t->list, y);
		if (row < 0)
			continue;
		const struct row *r = &t->rows[row];
		if (r->kind == ROW_VILLAGE)
			draw_village(a, w, y, &a->rep.villages[r->index], row == t->list.sel,
				     s->focus == FOCUS_VILLAGES);
		else
			draw_text(a, w, y, 1, r->text, a->cols - 2, ui_attr(a, UI_DIM), false);
	}
	if (!village(a, t))
		return;             /* no village: the line above says so */
	for (int y = 0; y < h; y++)
		mvwaddstr(w, y, LEFT_W, glyph(a, "│", "|"));
	int x = LEFT_W + 2, width = a->cols - x - 1;
	if (s->nitems == 0)
		draw_wrapped(a, w, 0, x, app_view_only(a) ? TXT_NO_ITEMS_RO
			     : s->focus == FOCUS_ITEMS ? TXT_NO_ITEMS_IN : TXT_NO_ITEMS,
			     width, 3, ui_attr(a, UI_DIM));
	for (int y = 0; y < h; y++) {
		int row = list_row_at(&s->ilist, y);
		if (row >= 0)
			draw_item(a, w, y, x, width, &s->items[row],
				  row == s->ilist.sel && s->focus == FOCUS_ITEMS);
	}
}

/* ---- the matrix ------------------------------------------------------------ */

static const char *
mx_name(const void *data, int r)
{
	return ((const struct store_matrix *)data)->villages[r].name;
}

static enum mx_cell
mx_cell(const void *data, int r, int c)
{
	const struct store_matrix *m = data;
	signed char d = m->done[r * m->nitems + c];
	return d == 1 ? MX_DONE : d == 0 ? MX_TODO : MX_NONE;
}

static int
mx_row_percent(const void *data, int r)
{
	return model_gauge_percent(((const struct store_matrix *)data)->row_gauge[r]);
}

static int
mx_col_percent(const void *data, int c)
{
	return model_gauge_percent(((const struct store_matrix *)data)->col_gauge[c]);
}

static void
draw_matrix(struct app *a, struct tab *t, WINDOW *w)
{
	struct vstate *s = t->priv;
	const struct store_matrix *m = &s->mx;
	werase(w);
	if (m->nvillages == 0 || m->nitems == 0) {
		draw_text(a, w, 0, 1, m->nvillages ? TXT_MX_NO_TPL : TXT_MX_NO_VILLAGE,
			  a->cols - 2, ui_attr(a, UI_DIM), false);
		return;
	}
	s->grid.data = m;
	s->grid.row_name = mx_name;
	s->grid.cell = mx_cell;
	s->grid.row_percent = mx_row_percent;
	s->grid.col_percent = mx_col_percent;
	matrix_draw(a, w, &s->grid);
}

/* The lists of the panes and the matrix take the size of the screen. */
static void
fit(struct app *a, struct tab *t)
{
	struct vstate *s = t->priv;
	int h = t->list.height;
	if (s->ilist.height != h)
		list_reset(&s->ilist, s->nitems, h);
	matrix_fit(a, &s->grid, h);
}

static void
draw_body(struct app *a, struct tab *t, WINDOW *w)
{
	fit(a, t);
	if (((struct vstate *)t->priv)->matrix)
		draw_matrix(a, t, w);
	else
		draw_panes(a, t, w);
}

/* ---- the detail line ------------------------------------------------------ */

static void
draw_detail(struct app *a, struct tab *t, WINDOW *w, const struct row *r)
{
	(void)r;
	struct vstate *s = t->priv;
	char buf[1024];
	static const char *const orders[] = TXT_ORDER_NAMES;
	if (s->matrix) {
		const struct store_matrix *m = &s->mx;
		int v = s->grid.rows.sel, i = s->grid.cols.sel;
		if (m->nitems && m->nvillages && v >= 0 && i >= 0) {
			signed char d = m->done[v * m->nitems + i];
			snprintf(buf, sizeof buf, TXT_MATRIX_CELL, m->villages[v].name,
				 m->titles[i], d == 1 ? TXT_CELL_DONE : d == 0 ? TXT_CELL_TODO : TXT_CELL_NONE);
			draw_wrapped(a, w, 1, 1, buf, a->cols - 2, 2, A_NORMAL);
		}
		return;
	}
	const struct store_item *it = s->focus == FOCUS_ITEMS ? item(t) : NULL;
	if (!it) {
		const struct store_village *v = village(a, t);
		if (v) {
			snprintf(buf, sizeof buf, "%s: %d/%d · " TXT_ORDER, v->name,
				 v->items.done, v->items.total, orders[s->order]);
			draw_text(a, w, 1, 1, buf, a->cols - 2, A_NORMAL, false);
		}
		return;
	}
	int used = draw_wrapped(a, w, 1, 1, it->title, a->cols - 2, 1, A_BOLD);
	char on[11];
	model_date_dmy(it->done_on ? it->done_on : "?", on);
	if (it->done)
		snprintf(buf, sizeof buf, TXT_DONE_BY, on, it->done_by ? it->done_by : "?");
	else
		snprintf(buf, sizeof buf, "%s", TXT_NOT_DONE);
	size_t n = strlen(buf);
	snprintf(buf + n, sizeof buf - n, " · %s · " TXT_ORDER,
		 it->from_template ? TXT_FROM_TPL : TXT_BY_HAND, orders[s->order]);
	draw_text(a, w, 1 + used, 1, buf, a->cols - 2, A_NORMAL, false);
	if (it->note && *it->note) {
		snprintf(buf, sizeof buf, TXT_NOTE, it->note);
		draw_wrapped(a, w, 2 + used, 1, buf, a->cols - 2, getmaxy(w) - 2 - used, A_NORMAL);
	}
}

static const char *
row_text(struct app *a, const struct row *r)
{
	return r->kind == ROW_VILLAGE ? a->rep.villages[r->index].name : r->text;
}

/* / in a village's checklist searches its items (title and note). */
static int
find(struct app *a, struct tab *t, const char *q, int dir)
{
	(void)a;
	struct vstate *s = t->priv;
	if (s->matrix || s->focus != FOCUS_ITEMS)
		return -1;
	int n = s->nitems, start = s->ilist.sel < 0 ? 0 : s->ilist.sel;
	for (int k = 1; k <= n; k++) {
		const struct store_item *it = &s->items[((start + dir * k) % n + n) % n];
		char *title = text_fold(it->title), *note = text_fold(it->note ? it->note : "");
		bool hit = (title && strstr(title, q)) || (note && strstr(note, q));
		free(title);
		free(note);
		if (hit) {
			list_select(&s->ilist, (int)(it - s->items));
			snprintf(s->item_key, sizeof s->item_key, "%s", it->id);
			return 1;
		}
	}
	return 0;
}

static const char *
row_key(struct app *a, const struct row *r)
{
	return r->kind == ROW_VILLAGE ? a->rep.villages[r->index].id : "none";
}

/* The full view (v): the checklist's selected item. */
static const char *
view_target(struct app *a, struct tab *t, const char **id)
{
	(void)a;
	const struct vstate *s = t->priv;
	*id = item(t) && !s->matrix && s->focus == FOCUS_ITEMS ? item(t)->id : NULL;
	return *id ? "checklist_item" : NULL;
}

static unsigned
context(struct app *a, struct tab *t)
{
	(void)a;
	struct vstate *s = t->priv;
	if (s->matrix)
		return CTX_LIST | CTX_MATRIX;
	return CTX_LIST | (s->focus == FOCUS_ITEMS ? CTX_ITEM : CTX_VILLAGE);
}

/* ---- editing ---------------------------------------------------------------- */

static void
item_action(struct app *a, struct tab *t, enum tui_action act)
{
	struct vstate *s = t->priv;
	const struct store_village *v = village(a, t);
	const struct store_item *it = item(t);
	char q[512], vp[256];
	struct ntm_error e = {0};
	int rc = NTM_OK;
	if (!v)
		return;
	model_village_phrase(v->name, false, vp, sizeof vp);
	switch (act) {
	case ACT_ITEM_ADD:
		form_village_line(a, t, VFORM_ITEM_ADD, v, it, NULL);
		return;
	case ACT_ITEM_EDIT:
		if (it)
			form_village_line(a, t, VFORM_ITEM_TITLE, v, it, NULL);
		return;
	case ACT_TICK:
		if (it)
			rc = store_item_tick(a->st, it->id, !it->done, &e);
		break;
	case ACT_DONE_ON:
		if (it)
			form_item_done_on(a, it, vp, NULL);
		return;
	case ACT_ITEM_DELETE:
		if (!it)
			return;
		snprintf(q, sizeof q, TXT_DEL_ITEM, it->title, vp);
		if (!confirm(a, q)) {
			app_message(a, false, "%s", TXT_KEPT);
			return;
		}
		rc = store_item_delete(a->st, it->id, it->version, &e);
		if (rc == NTM_OK)
			app_message(a, false, "%s", TXT_DELETED);
		break;
	case ACT_ITEM_DOWN: case ACT_ITEM_UP:
		if (s->order != ITEMS_ARRANGED) {
			app_message(a, true, "%s", TXT_MOVE_ARRANGED);
			return;
		}
		if (it)
			rc = store_item_move(a->st, it->id, it->pos + (act == ACT_ITEM_UP ? -1 : 1), &e);
		break;
	case ACT_ITEM_NOTE:
		if (it)
			item_note_in_editor(a, it);
		return;
	default:
		return;
	}
	if (rc != NTM_OK) {
		app_message(a, true, "%s", e.msg);
		app_reload(a);
	} else {
		app_edited(a);
	}
}

static void
village_action(struct app *a, struct tab *t, enum tui_action act)
{
	const struct store_village *v = village(a, t);
	char title[512], q[512], vp[256];
	struct ntm_error e = {0};
	int rc = NTM_OK, added = 0;
	if (act == ACT_V_ADD) {
		form_village_line(a, t, VFORM_VILLAGE_ADD, NULL, NULL, NULL);
		return;
	}
	if (!v)
		return;
	model_village_phrase(v->name, false, vp, sizeof vp);
	switch (act) {
	case ACT_V_RENAME:
		form_village_line(a, t, VFORM_VILLAGE_NAME, v, NULL, NULL);
		return;
	case ACT_V_DELETE:
		if (v->items.total)
			snprintf(q, sizeof q, TXT_DEL_VILLAGE, vp, v->items.total);
		else
			snprintf(q, sizeof q, TXT_DEL_EMPTY, vp);
		if (!confirm(a, q)) {
			app_message(a, false, "%s", TXT_KEPT);
			return;
		}
		/* only the items the question counted: one a colleague added
		 * meanwhile is never deleted unseen */
		rc = store_village_remove_counted(a->st, v->name, v->items.total, &e);
		if (rc == NTM_OK)
			app_message(a, false, "%s", TXT_DELETED);
		break;
	case ACT_V_TEMPLATE:
		rc = store_village_apply_template(a->st, v->id, &added, &e);
		if (rc == NTM_OK && added)
			app_message(a, false, TXT_TEMPLATE, added, vp);
		else if (rc == NTM_OK)
			app_message(a, false, TXT_TEMPLATE_0,
				    model_village_phrase(v->name, true, title, sizeof title));
		break;
	default:
		return;
	}
	if (rc != NTM_OK) {
		app_message(a, true, "%s", e.msg);
		app_reload(a);
	} else if (act != ACT_V_TEMPLATE || added) {
		app_edited(a);
	}
}

/* ---- the matrix's keys ------------------------------------------------------ */

static bool
matrix_action(struct app *a, struct tab *t, enum tui_action act)
{
	struct vstate *s = t->priv;
	struct store_matrix *m = &s->mx;
	if (m->nvillages == 0 || m->nitems == 0)
		return act != ACT_MATRIX && act != ACT_QUIT && act != ACT_HELP &&
		       act != ACT_NEXT_TAB && act != ACT_PREV_TAB && act != ACT_GOTO;
	switch (act) {
	case ACT_TICK: {
		int k = s->grid.rows.sel * m->nitems + s->grid.cols.sel;
		struct ntm_error e = {0};
		if (s->grid.rows.sel < 0 || s->grid.cols.sel < 0 || m->done[k] < 0 ||
		    app_refuse_read_only(a))
			return true;
		if (store_item_tick(a->st, m->item_ids[k], m->done[k] == 0, &e) != NTM_OK) {
			app_message(a, true, "%s", e.msg);
			app_reload(a);
		} else {
			app_edited(a);
		}
		return true;
	}
	default:
		return matrix_act(&s->grid, act);
	}
}

static bool
on_action(struct app *a, struct tab *t, enum tui_action act, const struct row *r)
{
	(void)r;
	struct vstate *s = t->priv;
	if (act == ACT_MATRIX) {
		s->matrix = !s->matrix;
		const struct store_village *v = village(a, t);
		for (int i = 0; v && s->matrix && i < s->mx.nvillages; i++)
			if (strcmp(s->mx.villages[i].id, v->id) == 0)
				list_select(&s->grid.rows, i);
		a->full_redraw = true;
		return true;
	}
	if (s->matrix)
		return matrix_action(a, t, act);
	if (s->focus == FOCUS_VILLAGES) {
		if ((act == ACT_OPEN || act == ACT_FOCUS_IN) && village(a, t)) {
			s->focus = FOCUS_ITEMS;
			return true;
		}
		if (act >= ACT_V_ADD && act <= ACT_V_TEMPLATE) {
			village_action(a, t, act);
			return true;
		}
		return false;    /* moves go to the villages list */
	}
	if (list_act(&s->ilist, act))
		return true;
	switch (act) {
	case ACT_FOCUS_OUT: s->focus = FOCUS_VILLAGES; return true;
	case ACT_SORT:
		s->order = (s->order + 1) % 3;
		load_items(a, t);
		return true;
	case ACT_OPEN:
		item_action(a, t, ACT_ITEM_EDIT);
		return true;
	case ACT_TICK: case ACT_ITEM_ADD: case ACT_ITEM_EDIT: case ACT_ITEM_DELETE:
	case ACT_ITEM_DOWN: case ACT_ITEM_UP: case ACT_ITEM_NOTE: case ACT_DONE_ON:
		item_action(a, t, act);
		return true;
	default:
		return false;
	}
}

const struct tab_ops TAB_VILLAGES = {
	.label = TXT_TAB, .private_size = sizeof(struct vstate),
	.load = load, .close = close_tab, .select = load_items, .focus = focus,
	.draw_header = draw_header, .draw_detail = draw_detail,
	.row_text = row_text, .row_key = row_key, .on_action = on_action,
	.find = find,
	.draw_body = draw_body, .context = context, .view_target = view_target,
};
