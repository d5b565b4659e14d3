/* The full view (v): everything about the selected row on one scrolling
 * page — an indicator's whole history of values (the retracted ones
 * marked) and notes, a task's whole text from the plan and its note, a
 * village item's note. It reads in --read-only too; from it the latest
 * value of an indicator can be retracted (asked, audited, undone with u). */
#ifndef NTM_TUI_VIEW_H
#define NTM_TUI_VIEW_H

struct app;

/* Opens the full view of the current tab's selection, until Esc or q. */
void view_show(struct app *a);

#endif
