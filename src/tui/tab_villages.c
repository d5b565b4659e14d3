/* Tab "Thôn": the villages with their gauges toward khu dân cư NTM kiểu
 * mẫu. (The checklist editor itself comes with the village issue.) */
#include "app.h"

#include <stdio.h>

/* User-visible texts of this file. */
#define TXT_HEADER     "Thôn — danh mục hướng tới khu dân cư NTM kiểu mẫu"
#define TXT_NONE       "(chưa có thôn nào; thêm bằng: ntm village add TÊN)"
#define TXT_DONE       "việc đã xong"
#define TXT_DETAIL     "Xem và đánh dấu danh mục: ntm checklist \"%s\""

static void
build(struct app *a, struct tab *t)
{
	if (a->rep.nvillages == 0)
		tab_add_row(t, (struct row){ROW_HEADER, 0, TXT_NONE, -1});
	for (int i = 0; i < a->rep.nvillages; i++)
		tab_add_row(t, (struct row){ROW_VILLAGE, i, NULL, -1});
}

static void
draw_header(struct app *a, struct tab *t, WINDOW *w)
{
	(void)t;
	draw_text(a, w, 0, 1, TXT_HEADER, a->cols - 2, ui_attr(a, UI_HEADER), false);
}

static void
draw_row(struct app *a, struct tab *t, WINDOW *w, int y, const struct row *r,
	 bool selected)
{
	(void)t;
	mvwaddstr(w, y, 0, selected ? glyph(a, "▸", ">") : " ");
	if (r->kind != ROW_VILLAGE) {
		draw_text(a, w, y, 1, r->text, a->cols - 2, ui_attr(a, UI_DIM), false);
		return;
	}
	const struct store_village *v = &a->rep.villages[r->index];
	draw_text(a, w, y, 2, v->name, 24,
		  selected ? ui_attr(a, UI_ROW_SELECTED) : A_NORMAL, true);
	int x = 27 + draw_gauge(a, w, y, 27, v->items, a->cols >= 100 ? 30 : 20, true);
	draw_text(a, w, y, x + 1, TXT_DONE, a->cols - x - 2, A_NORMAL, false);
}

static void
draw_detail(struct app *a, struct tab *t, WINDOW *w, const struct row *r)
{
	(void)t;
	if (r->kind != ROW_VILLAGE)
		return;
	char buf[256];
	snprintf(buf, sizeof buf, TXT_DETAIL, a->rep.villages[r->index].name);
	draw_text(a, w, 1, 1, buf, a->cols - 2, ui_attr(a, UI_DIM), false);
}

static const char *
row_text(struct app *a, const struct row *r)
{
	return r->kind == ROW_VILLAGE ? a->rep.villages[r->index].name : r->text;
}

static const char *
row_key(struct app *a, const struct row *r)
{
	return r->kind == ROW_VILLAGE ? a->rep.villages[r->index].id : "none";
}

static bool
on_action(struct app *a, struct tab *t, enum tui_action act, const struct row *r)
{
	(void)a, (void)t, (void)act, (void)r;
	return false;
}

const struct tab_ops TAB_VILLAGES = {
	build, draw_header, draw_row, draw_detail, row_text, row_key, on_action,
};
