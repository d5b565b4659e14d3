/* The table of marks shared by tab Thôn and tab Huyện. */
#include "matrix.h"

#include <stdio.h>

#include "app.h"
#include "screen.h"

enum { MX_NAME_W = 14, MX_CELL_W = 4 };

void
matrix_set(struct matrix *m, int nrows, int ncols)
{
	m->nrows = nrows;
	m->ncols = ncols;
	list_reset(&m->rows, nrows, m->rows.height);
	list_reset(&m->cols, ncols, m->cols.height);
}

/* The names' column: what the longest name needs, when every column
 * still fits beside it with " 100%" (else what room there is), never
 * narrower than MX_NAME_W. */
static int
name_width(struct app *a, const struct matrix *m)
{
	int room = a->cols - 2 - 7 - m->ncols * MX_CELL_W;
	int want = m->name_need + 1 < room ? m->name_need + 1 : room;
	return want > MX_NAME_W ? want : MX_NAME_W;
}

/* Columns that fit beside the names, with room for " 100%". */
static int
columns(struct app *a, const struct matrix *m)
{
	return (a->cols - m->name_w - 2 - 7) / MX_CELL_W;
}

void
matrix_fit(struct app *a, struct matrix *m, int height)
{
	m->name_w = name_width(a, m);
	int h = height > 3 ? height - 2 : 1, cols = columns(a, m);
	if (m->rows.height != h)
		list_reset(&m->rows, m->nrows, h);
	if (m->cols.height != cols)
		list_reset(&m->cols, m->ncols, cols > 0 ? cols : 1);
}

/* The column numbers (top) and each column's percentage (bottom). */
static void
draw_columns(struct app *a, WINDOW *w, const struct matrix *m, int h)
{
	int left = m->cols.top, cols = m->cols.height;
	char buf[32];
	for (int c = 0; c < cols && left + c < m->ncols; c++) {
		snprintf(buf, sizeof buf, "%3d", left + c + 1);
		draw_text(a, w, 0, m->name_w + 1 + c * MX_CELL_W, buf, MX_CELL_W,
			  ui_attr(a, UI_HEADER), false);
		snprintf(buf, sizeof buf, "%3d%%", m->col_percent(m->data, left + c));
		draw_text(a, w, h + 1, m->name_w + 1 + c * MX_CELL_W, buf, MX_CELL_W,
			  ui_attr(a, UI_DIM), false);
	}
	if (left > 0)
		mvwaddstr(w, 0, m->name_w, glyph(a, "‹", "<"));
	if (left + cols < m->ncols)
		mvwaddstr(w, 0, m->name_w + 1 + cols * MX_CELL_W, glyph(a, "›", ">"));
}

static const char *
mark(struct app *a, const struct matrix *m, enum mx_cell d)
{
	switch (d) {
	case MX_DONE: return glyph(a, "✓", m->done_ascii ? m->done_ascii : "x");
	case MX_TODO: return glyph(a, "·", ".");
	case MX_UNKNOWN: return "?";
	default: return " ";
	}
}

static void
draw_row(struct app *a, WINDOW *w, const struct matrix *m, int y, int r)
{
	int left = m->cols.top, cols = m->cols.height;
	char buf[32];
	draw_text(a, w, y, 1, m->row_name(m->data, r), m->name_w - 1,
		  r == m->rows.sel ? A_BOLD : A_NORMAL, true);
	for (int c = 0; c < cols && left + c < m->ncols; c++) {
		enum mx_cell d = m->cell(m->data, r, left + c);
		bool here = r == m->rows.sel && left + c == m->cols.sel;
		attr_t at = here ? ui_attr(a, UI_ROW_SELECTED)
			: d == MX_DONE ? ui_attr(a, UI_STATUS_DAT)
			: d == MX_UNKNOWN ? ui_attr(a, UI_STATUS_CHUA_DANH_GIA) : A_NORMAL;
		wattron(w, at);
		mvwprintw(w, y, m->name_w + 2 + c * MX_CELL_W, " %s ", mark(a, m, d));
		wattroff(w, at);
	}
	int shown = m->ncols - left < cols ? m->ncols - left : cols;
	snprintf(buf, sizeof buf, "%3d%%", m->row_percent(m->data, r));
	draw_text(a, w, y, m->name_w + 2 + shown * MX_CELL_W + 1, buf, 5,
		  ui_attr(a, UI_DIM), false);
}

void
matrix_draw(struct app *a, WINDOW *w, const struct matrix *m)
{
	int h = m->rows.height;
	draw_columns(a, w, m, h);
	for (int y = 0; y < h; y++) {
		int r = list_row_at(&m->rows, y);
		if (r >= 0)
			draw_row(a, w, m, 1 + y, r);
	}
}

bool
matrix_act(struct matrix *m, enum tui_action act)
{
	switch (act) {
	case ACT_COL_LEFT: list_move(&m->cols, -1); return true;
	case ACT_COL_RIGHT: list_move(&m->cols, 1); return true;
	case ACT_HOME: list_home(&m->cols); return true;   /* Home, End: columns */
	case ACT_END: list_end(&m->cols); return true;
	default:
		return list_act(&m->rows, act);
	}
}
