/* Shared by the files of src/tui: the program's state, the tab interface
 * (an ops table per kind of tab over the one list widget), drawing
 * helpers. */
#ifndef NTM_TUI_APP_H
#define NTM_TUI_APP_H

#include <stdbool.h>

#include "actions.h"
#include "ntm/curses.h"
#include "ntm/store.h"
#include "ntm/tui.h"
#include "widgets.h"

enum { MIN_COLS = 80, MIN_ROWS = 24, MAX_TABS = 32, UNDO_MAX = 64 };

/* Bracketed paste (ESC [ 200 ~ … ESC [ 201 ~): pasted text is text, never
 * commands and never input-method keys. */
enum { KEY_PASTE_BEGIN = 0x5001, KEY_PASTE_END = 0x5002 };


/* Semantic colours (pairs), each with a monochrome attribute. */
enum ui_color {
	UI_NORMAL, UI_TAB_ACTIVE, UI_TAB, UI_ROW_SELECTED, UI_GAUGE_FILL,
	UI_STATUS_DAT, UI_STATUS_CHUA_DAT, UI_STATUS_CHUA_DANH_GIA,
	UI_STATUS_NONE, UI_BANNER, UI_HINT_KEY, UI_ERROR, UI_HEADER, UI_DIM,
	UI_COUNT,
};

enum row_kind {
	ROW_HEADER, ROW_INFO, ROW_INDICATOR, ROW_TASK, ROW_SECTOR, ROW_VILLAGE,
	ROW_CRITERION,
};

struct row {
	enum row_kind kind;
	int index;              /* into the report's arrays or the tasks */
	const char *text;       /* headers and info lines */
	int jump_tab;           /* overview: where Enter goes, -1 none */
};

struct app;
struct tab;

struct tab_ops {
	void (*build)(struct app *a, struct tab *t);
	void (*draw_header)(struct app *a, struct tab *t, WINDOW *w);
	void (*draw_row)(struct app *a, struct tab *t, WINDOW *w, int y,
			 const struct row *r, bool selected);
	void (*draw_detail)(struct app *a, struct tab *t, WINDOW *w,
			    const struct row *r);
	/* The row's searchable text and a stable key (to keep the selection
	 * across refreshes). */
	const char *(*row_text)(struct app *a, const struct row *r);
	const char *(*row_key)(struct app *a, const struct row *r);
	/* Handles an action on the selected row; false: not handled here. */
	bool (*on_action)(struct app *a, struct tab *t, enum tui_action act,
			  const struct row *r);
	/* Optional: a tab that draws its body itself (two panes, a matrix)
	 * and says which context its keys are in. */
	void (*draw_body)(struct app *a, struct tab *t, WINDOW *w);
	unsigned (*context)(struct app *a, struct tab *t);
};

struct tab {
	const struct tab_ops *ops;
	const char *label;
	int sector;             /* index into the report's sectors, or -1 */
	struct row *rows;
	int nrows, cap;
	struct list list;
	char sel_key[64];       /* the selected row's key, kept across reloads */
	void *priv;             /* a tab's own state (tab Thôn) */
};

struct app {
	struct store *st;
	struct tui_options opt;
	bool ascii, color, read_only, quit;
	/* the data, reloaded when the file changes */
	struct store_report rep;
	struct arena arena;     /* tasks and other per-load data */
	struct store_task *tasks;
	int ntasks;
	char today[11];
	/* tabs */
	struct tab tabs[MAX_TABS];
	int ntabs, cur, tab_scroll;
	int tab_x[MAX_TABS], tab_w[MAX_TABS];   /* where each tab was drawn */
	int data_version;
	/* screen */
	WINDOW *w_tabs, *w_head, *w_list, *w_detail, *w_msg, *w_hint;
	int rows, cols;
	bool too_small, full_redraw;
	char msg[512];
	bool msg_error;
	char search[128];
	/* undo and redo: action ids of this session */
	char undo[UNDO_MAX][STORE_ID_LEN], redo[UNDO_MAX][STORE_ID_LEN];
	int nundo, nredo;
	bool hint_ascii_told;
	char select_after[STORE_ID_LEN];  /* a row just added: select it */
};

/* ---- app.c ---------------------------------------------------------------- */
void app_message(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Reloads the data and rebuilds every tab, keeping selections. */
void app_reload(struct app *a);
/* After an edit: remember the action for undo, reload. */
void app_edited(struct app *a);
/* Refuses an edit in read-only mode, with the reason; true if refused. */
bool app_refuse_read_only(struct app *a);
struct tab *app_tab(struct app *a);
const struct row *app_selected(struct app *a);
void app_goto(struct app *a, int tab, const char *row_key);
int app_tab_of_sector(struct app *a, const char *sector_code);

/* ---- screen.c ------------------------------------------------------------- */
void screen_init(struct app *a);
void screen_layout(struct app *a);
void screen_draw(struct app *a);
attr_t ui_attr(struct app *a, enum ui_color c);
/* Draws text sanitised, fitted to width columns (padded when pad). */
void draw_text(struct app *a, WINDOW *w, int y, int x, const char *s,
	       int width, attr_t attr, bool pad);
/* Draws a gauge bar and its count; returns the columns used. */
int draw_gauge(struct app *a, WINDOW *w, int y, int x, struct ntm_gauge g,
	       int bar, bool percent);
attr_t status_attr(struct app *a, enum ntm_status s);
const char *glyph(struct app *a, const char *utf8, const char *ascii);
/* A frame around a window: Unicode lines, or + - | in ASCII mode. */
void draw_box(struct app *a, WINDOW *w);
/* Wraps text to width and draws at most max lines from y; returns lines. */
int draw_wrapped(struct app *a, WINDOW *w, int y, int x, const char *s,
		 int width, int max, attr_t attr);

unsigned app_context(struct app *a);
bool tui_hangup(void);
int overview_overdue(struct app *a);

/* ---- tabs ----------------------------------------------------------------- */
extern const struct tab_ops TAB_OVERVIEW, TAB_SECTOR, TAB_VILLAGES;
void tab_add_row(struct tab *t, struct row r);

/* ---- dialogs (form.c, palette.c, help.c) -------------------------------- */
void help_show(struct app *a);
void palette_show(struct app *a);
/* Asks a yes/no question on the message line; y or c confirms. */
bool confirm(struct app *a, const char *question);
/* Reads one line on the message line (search); false on Esc. */
bool prompt_line(struct app *a, const char *label, char *out, size_t size);
void form_indicator_value(struct app *a, const struct store_indicator *x);
void form_indicator_target(struct app *a, const struct store_indicator *x);
void form_task(struct app *a, const struct store_task *t, const char *sector);
void note_in_editor(struct app *a, const struct store_task *t);
void task_delete(struct app *a, const struct store_task *t);
void item_note_in_editor(struct app *a, const struct store_item *it);
void villages_focus_items(struct app *a, struct tab *t);
void villages_free(struct tab *t);

#endif
