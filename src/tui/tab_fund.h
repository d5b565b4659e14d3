/* Tab Vốn's parts (tab_fund.c: the lists and keys; fund_pane.c: a task's
 * entries and the detail pane): the tab's state and what both draw with.
 * Internal to src/tui. */
#ifndef NTM_TUI_TAB_FUND_H
#define NTM_TUI_TAB_FUND_H

#include "app.h"

#define TXT_NOT_SET      "chưa đặt"

enum { FOCUS_LIST, FOCUS_ENTRIES };
enum { HEAD_TEXT, HEAD_SOURCES, HEAD_SECTORS, HEAD_TASKS };
enum { TOTAL_LINES = 3, ENTRIES_TOP = 3 };

struct fstate {
	struct arena arena;             /* the summary, per load */
	struct store_fund_summary sum;
	char err[1200];
	int focus;
	struct arena tarena;            /* the selected task's money */
	struct store_fund_task task;
	bool lists_full;                /* the lists' amounts fit in full */
	bool any_source;                /* a source has money */
	char earlier[128];              /* the earlier plans' debt ("": none) */
	char task_id[STORE_ID_LEN];     /* whose money task is ("": none) */
	struct list elist;              /* its entries, when Enter showed them */
	char entry_key[STORE_ID_LEN];   /* the entry selected, across loads */
};

/* The width a column needs to show amounts in full: every amount of a
 * column or a block takes one form, never some full and some compact. */
enum { FULL_W = 15 };

/* An amount in full ("1.250.000.000 đ") or compact ("1,25 tỷ"). */
const char *fund_money(long long v, bool full, char *buf, size_t size);
/* Whether the n amounts v all fit width in full (then a block shows them
 * all in full, else all compact). */
bool fund_fits_full(const long long *v, int n, int width);
/* text right-aligned in width columns ending before x + width. */
void fund_draw_right(struct app *a, WINDOW *w, int y, int x, int width,
		     const char *text, attr_t at);
/* A line's label; a task's with its number ("#5 Cứng hoá…"). */
const char *fund_line_label(const struct store_fund_line *l, char *buf, size_t size);
/* The task line of row r, NULL when r is no task. */
const struct store_fund_line *fund_task_of_row(struct fstate *s, const struct row *r);
/* The entry selected in the entries list, NULL when none is shown. */
const struct store_fund_entry *fund_entry_sel(struct fstate *s);

/* In fund_pane.c: the selected task's entries (after Enter), and the
 * detail pane of the row selected (or of the entry). */
void fund_draw_entries(struct app *a, struct tab *t, WINDOW *w);
void fund_draw_detail(struct app *a, struct tab *t, WINDOW *w, const struct row *r);

#endif
