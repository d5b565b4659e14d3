/* A table of marks, rows × numbered columns: the villages × items of tab
 * Thôn, the communes × criteria of tab Huyện. A name per row, a mark per
 * cell (✓ done, · not, ? unknown, blank none: glyphs, so it reads without
 * colour; without UTF-8 x or what done_ascii says, ., ?), a percentage per row and per column; scrolled by two lists
 * (the rows, and the columns sideways), the selected cell highlighted. */
#ifndef NTM_TUI_MATRIX_H
#define NTM_TUI_MATRIX_H

#include <stdbool.h>

#include "actions.h"
#include "ntm/curses.h"
#include "widgets.h"

struct app;

enum mx_cell { MX_NONE = -1, MX_TODO = 0, MX_DONE = 1, MX_UNKNOWN = 2 };

struct matrix {
	int nrows, ncols;
	const void *data;       /* given back to the callbacks */
	const char *(*row_name)(const void *data, int r);
	enum mx_cell (*cell)(const void *data, int r, int c);
	int (*row_percent)(const void *data, int r);
	int (*col_percent)(const void *data, int c);
	struct list rows, cols; /* selection and scrolling of each */
	/* Set by the owner: the widest row name (0: the names get the
	 * narrow column), the done mark without UTF-8 (NULL: "x"). */
	int name_need;
	const char *done_ascii;
	int name_w;             /* the names' column, set by matrix_fit */
};

/* New contents: nrows × ncols, keeping the selection where it can. */
void matrix_set(struct matrix *m, int nrows, int ncols);
/* Fits the lists to a body of height lines and the screen's width; the
 * names' column widens up to name_need with the room every column leaves. */
void matrix_fit(struct app *a, struct matrix *m, int height);
/* Draws the column numbers, the rows and the percentages into w. */
void matrix_draw(struct app *a, WINDOW *w, const struct matrix *m);
/* The moves: ← → h l and Home End by columns, the rest by rows; false
 * for an action that is no move. */
bool matrix_act(struct matrix *m, enum tui_action act);

#endif
