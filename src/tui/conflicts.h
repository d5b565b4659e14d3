/* The Xung đột screen (key C, or the palette): the conflicts that
 * `ntm sync apply` left waiting, the selected one's two sides (who and
 * when) below the list; o keeps this copy's side, t takes the other
 * copy's (asked first, one audited action, undone with u). It reads in
 * --read-only too. */
#ifndef NTM_TUI_CONFLICTS_H
#define NTM_TUI_CONFLICTS_H

#include <time.h>

struct app;

/* Opens the screen over the tabs, until Esc or q. */
void conflicts_show(struct app *a);

/* A UTC time as the store keeps it ("2026-12-06T14:00:00Z") in local
 * time as officials write it ("06/12/2026 21:00"); returns the time, or
 * 0 (out: the text as it came) when it is not one. */
time_t conflicts_local_time(const char *utc, char out[17]);

#endif
