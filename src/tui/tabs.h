/* The tab interface: a tab is a table of operations over the one list
 * widget (like tig's view ops), with state of its own that it creates in
 * load and frees in close. The program (app.c) knows no tab by name: it
 * calls these hooks. Data is fetched in load and select, never while
 * drawing. */
#ifndef NTM_TUI_TABS_H
#define NTM_TUI_TABS_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "ntm/curses.h"
#include "ntm/store.h"
#include "widgets.h"

enum row_kind {
	ROW_HEADER, ROW_INFO, ROW_INDICATOR, ROW_TASK, ROW_SECTOR, ROW_VILLAGE,
	ROW_CRITERION,
	ROW_CRITERION_LINK,     /* overview: a criterion, Enter goes to it */
	ROW_COMMUNE,            /* tab Huyện: a commune of the file */
	/* tab Vốn: a line of the totals, a source, a sector, a task */
	ROW_FUND_TOTAL, ROW_FUND_SOURCE, ROW_FUND_SECTOR, ROW_FUND_TASK,
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
	const char *label;      /* NULL: the sector's short name */
	size_t private_size;    /* the tab's own state (t->priv), zeroed once */
	/* After every reload of the data: adds the rows (tab_add_row) and
	 * fetches what the tab needs besides the report and the tasks. */
	void (*load)(struct app *a, struct tab *t);
	/* Frees what load and select fetched: before the next load, and when
	 * the program ends (t->priv itself is freed by the program). */
	void (*close)(struct app *a, struct tab *t);
	/* Optional: the selection changed (or the data was reloaded); fetch
	 * what the detail or the body need for it, and keep it. */
	void (*select)(struct app *a, struct tab *t);
	/* Optional: open with the focus in the inner pane (a village's
	 * checklist) — the palette and the overview go there. */
	void (*focus)(struct app *a, struct tab *t);
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
	/* Optional: a tab that draws its body itself (two panes, a matrix). */
	void (*draw_body)(struct app *a, struct tab *t, WINDOW *w);
	/* Optional: what the full view (v) shows for the selection: the
	 * table ("indicator", "task", "checklist_item") and the row's id in
	 * *id, or NULL when the selection has nothing more to show. */
	const char *(*view_target)(struct app *a, struct tab *t, const char **id);
	/* Optional: searching (/, n, N) an inner pane the tab has focus in:
	 * the next row after the selection in direction dir (+1/-1) whose
	 * folded text holds the folded query q is selected; 1 found, 0 not
	 * found, -1 not here (the tab's own rows are searched). */
	int (*find)(struct app *a, struct tab *t, const char *q, int dir);
	/* Optional: which context the keys are in (default: by the row). */
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
	char seen_key[64];      /* the row select was last called for */
	void *priv;             /* the tab's own state (ops->private_size) */
};

extern const struct tab_ops TAB_OVERVIEW, TAB_SECTOR, TAB_VILLAGES, TAB_DISTRICT,
	TAB_FUND;

/* Tab Huyện's communes (for the palette), or NULL before it loaded them. */
const struct store_district *district_data(struct app *a);

/* Goes to where a change is (after an undo or redo): the indicator's or
 * the task's sector tab on its row, tab Thôn on the village. A place no
 * longer shown (a task just removed) goes to its tab only, or nowhere. */
void tabs_goto_place(struct app *a, const struct store_place *p);

void tab_add_row(struct tab *t, struct row r);
/* The selected row, or NULL. */
const struct row *tab_selected(struct tab *t);

#endif
