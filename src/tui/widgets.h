/* The pieces every screen is made of, kept free of curses where they can
 * be: the list model (selection, scrolling, what to repaint) and gauges
 * as text. */
#ifndef NTM_TUI_WIDGETS_H
#define NTM_TUI_WIDGETS_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "ntm/model.h"

struct list {
	int count;          /* rows */
	int height;         /* rows that fit on screen */
	int sel;            /* selected row, -1 when nothing can be selected */
	int top;            /* first row shown */
	/* what changed since the last draw */
	int drawn_sel, drawn_top;
	bool (*selectable)(const void *data, int row);
	const void *data;
};

/* New contents or a new height; keeps the selection where it can. */
void list_reset(struct list *l, int count, int height);
void list_move(struct list *l, int delta);   /* by rows, skipping headers */
void list_page(struct list *l, int pages);
void list_home(struct list *l);
void list_end(struct list *l);
void list_select(struct list *l, int row);   /* nearest selectable */
/* The moves (↑ ↓ PgUp PgDn Home End) on l; false for any other action. */
bool list_act(struct list *l, enum tui_action act);
/* Rows to repaint: all when the view scrolled, else the old and the new
 * selection. Returns the number written to rows[2] (-1: all). */
int list_dirty(const struct list *l, int rows[2]);
void list_drawn(struct list *l);
/* The row under screen line y of the list, or -1. */
int list_row_at(const struct list *l, int y);

/* A gauge bar of `width` cells: filled part then empty part, "█"/"░" or
 * "#"/"-" in ASCII. Returns bytes written into out (NUL-terminated). */
size_t gauge_bar(struct ntm_gauge g, int width, bool ascii, char *out, size_t size);
/* "12/19 (63%)" or "12/19" when narrow. */
void gauge_count(struct ntm_gauge g, bool percent, char *out, size_t size);

/* Lines of text wrapped to a width, for the help and the full view. */
struct lines {
	char **v;           /* NULL-terminated once anything was added */
	int n, cap;
};
/* Appends s wrapped to width columns: broken at spaces, at '\n' (an
 * empty line stays), continuation lines indented by indent spaces. */
void lines_wrap(struct lines *l, const char *s, int width, int indent);
void lines_free(struct lines *l);

/* How well text matches a query typed in the palette, the greater the
 * better (0: no word found): per word, a whole word beats the start of a
 * word, which beats a part of one (marks and case ignored); then a match
 * at the very start of the text; then the same with the marks as typed
 * (accent-exact), as the tie-breaker. */
int match_rank(const char *text, const char *query);

/* Who is responsible, shortened for a narrow column: the long common
 * prefixes of the plan's roles as officials abbreviate them ("Công chức
 * chuyên môn" → "CC chuyên môn"). */
void role_short(const char *role, char *out, size_t size);

#endif
