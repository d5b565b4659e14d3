/* The screen: windows and their layout, semantic colours, glyphs (UTF-8
 * or ASCII) and the drawing helpers every part of the program uses. */
#ifndef NTM_TUI_SCREEN_H
#define NTM_TUI_SCREEN_H

#include <stdbool.h>

#include "ntm/curses.h"
#include "ntm/model.h"

struct app;

/* Semantic colours (pairs), each with a monochrome attribute. */
enum ui_color {
	UI_NORMAL, UI_TAB_ACTIVE, UI_TAB, UI_ROW_SELECTED, UI_GAUGE_FILL,
	UI_STATUS_DAT, UI_STATUS_CHUA_DAT, UI_STATUS_CHUA_DANH_GIA,
	UI_STATUS_NONE, UI_BANNER, UI_HINT_KEY, UI_ERROR, UI_HEADER, UI_DIM,
	UI_COUNT,
};

/* Opens the terminal: the terminal description used ($TERM, or a fallback
 * when this machine has no description of it), or NULL when none, or when
 * $TERM's cannot move the cursor (*dumb). */
const char *screen_init(struct app *a, bool *dumb);
void screen_layout(struct app *a);
/* Draws what changed (one doupdate). Reads only what is loaded. */
void screen_draw(struct app *a);
/* After a paste's start marker: reads the paste up to its end marker (or
 * a pause), its bytes (not key codes) into buf, cut to size - 1. */
void screen_read_paste(WINDOW *w, char *buf, size_t size);
/* The tab's rows into the list window: all of them after a full redraw
 * or a scroll, else only the rows whose selection changed. */
struct tab;
void screen_draw_list(struct app *a, struct tab *t);
/* The key context of the current tab and row. */
unsigned screen_context(struct app *a);

attr_t ui_attr(struct app *a, enum ui_color c);
attr_t status_attr(struct app *a, enum ntm_status s);
const char *glyph(struct app *a, const char *utf8, const char *ascii);
/* Draws text sanitised, fitted to width columns (padded when pad). */
void draw_text(struct app *a, WINDOW *w, int y, int x, const char *s,
	       int width, attr_t attr, bool pad);
/* Draws a gauge bar and its count; returns the columns used. */
int draw_gauge(struct app *a, WINDOW *w, int y, int x, struct ntm_gauge g,
	       int bar, bool percent);
/* A frame around a window: Unicode lines, or + - | in ASCII mode. */
void draw_box(struct app *a, WINDOW *w);
/* Wraps text to width and draws at most max lines from y; returns lines. */
int draw_wrapped(struct app *a, WINDOW *w, int y, int x, const char *s,
		 int width, int max, attr_t attr);
/* Marks the first cell of line y as selected (the ▸ of a long row). */
void draw_mark(struct app *a, WINDOW *w, int y, int x);

#endif
