/* The full-screen program's state and what every part may ask of it:
 * messages, reloading after an edit, undo bookkeeping, going to a tab and
 * row, the read-only refusal. */
#ifndef NTM_TUI_APP_H
#define NTM_TUI_APP_H

#include <stdbool.h>

#include "ntm/curses.h"
#include "ntm/store.h"
#include "ntm/telex.h"
#include "ntm/tui.h"
#include "tabs.h"

enum { MIN_COLS = 80, MIN_ROWS = 24, MAX_TABS = 32, UNDO_MAX = 64 };

/* Bracketed paste (ESC [ 200 ~ … ESC [ 201 ~): pasted text is text, never
 * commands and never input-method keys. */
enum { KEY_PASTE_BEGIN = 0x5001, KEY_PASTE_END = 0x5002 };

struct app {
	struct store *st;
	struct tui_options opt;
	bool ascii, color, read_only, quit;
	bool replaced;          /* the file was replaced under us: no writes */
	/* the data, reloaded when the file changes */
	struct store_report rep;
	char plan_id[STORE_ID_LEN];  /* the plan shown ("": none) */
	bool plan_year_shared;       /* another plan has its year */
	bool plan_gone;              /* the last reload found it removed (said) */
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
	/* each one made on tab Vốn (a money action): undone there too */
	bool undo_fund[UNDO_MAX], redo_fund[UNDO_MAX];
	char select_after[STORE_ID_LEN];  /* a row just added: select it */
	enum telex_method ime;  /* the built-in input method of every field */
	/* The level above's file (store_is_district): tab Huyện comes first;
	 * Enter on a commune opens it, its tabs after tab Huyện. */
	bool district;
	bool commune_open;      /* a commune's tabs are there (district) */
	/* The level above's own file (store_is_above): a commune's data is
	 * only read there (it comes from the commune's file); settling
	 * conflicts and undo still write. */
	bool above;
};

/* No commune data can be edited here (read-only mode, or the level
 * above's file): the screens show no edit keys and say so. */
static inline bool
app_view_only(const struct app *a)
{
	return a->read_only || a->above;
}

void app_message(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Reloads the data and every tab, keeping selections. */
void app_reload(struct app *a);
/* After an edit: remember the action for undo, reload. */
void app_edited(struct app *a);
/* Undoes the session's last action (redo: redoes the last undone), with
 * its message; reloads. */
void app_undo(struct app *a, bool redo);
/* While idle: notices the file replaced under the program (another
 * ntm init --force, a copy put in its place), saying so for good. */
void app_check_file(struct app *a);
/* Refuses an edit of a commune's data in read-only mode, once the file
 * was replaced, or on the level above's file, with the reason; true if
 * refused. */
bool app_refuse_read_only(struct app *a);
/* The same for what the level above's file still writes (settling a
 * conflict, undo): refused only in read-only mode or once replaced. */
bool app_refuse_write(struct app *a);
struct tab *app_tab(struct app *a);
const struct row *app_selected(struct app *a);
/* Goes to a tab, and to the row with this key (the tab's inner pane when
 * it has one). */
void app_goto(struct app *a, int tab, const char *row_key);
int app_tab_of_sector(struct app *a, const char *sector_code);
/* The sector tab showing the indicator with this id (its criterion's
 * sector), or -1. */
int app_tab_of_indicator(struct app *a, const char *indicator_id);
/* The tab's select hook, when its selection changed since the last call. */
void app_sync_selection(struct app *a);
/* The terminal went away (SIGHUP, or found gone while reading) or the
 * program was told to end (SIGTERM): every loop ends. */
bool tui_hangup(void);
/* Every input loop reads its keys here: wget_wch with a timeout, noticing
 * a terminal gone (EOF, hang-up, EIO) so that tui_hangup() becomes true
 * rather than the loop spinning on ERR. */
int tui_read_key(WINDOW *w, int timeout_ms, wint_t *ch);

/* The tabs for the data in a->rep and a->tasks (made the first time),
 * loaded again keeping selections; app_reload ends with it. */
void app_load_tabs(struct app *a);
void app_make_tabs(struct app *a);
void app_free_tabs(struct app *a);
/* District file: opens the commune with this id (its tabs after tab
 * Huyện, on its Tổng quan); false, with the reason said, when it cannot. */
bool app_open_commune(struct app *a, const char *id);

#endif
