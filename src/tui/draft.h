/* Drafts: what was typed in a form when the SSH link dropped, kept in a
 * file of this user's and offered the next time they open ntm on the same
 * database. Only the file: the forms fill and reopen themselves. */
#ifndef NTM_TUI_DRAFT_H
#define NTM_TUI_DRAFT_H

#include <stdbool.h>

enum { DRAFT_FIELDS = 8 };

struct draft {
	char kind[32];          /* "value", "target", "task" */
	char key[128];          /* the row it edits (a task's sector when new) */
	char plan[64];          /* the plan it was typed for ("": none, or a
				 * draft of an older ntm) */
	char title[512];
	char *values[DRAFT_FIELDS];
	int n;
};

struct app;

/* False when no draft can be kept: neither XDG_STATE_HOME nor HOME. */
bool draft_can_keep(void);
/* Writes d for the database a is on; false when it could not. */
bool draft_write(struct app *a, const struct draft *d);
/* Takes the waiting draft (the file is removed); false when none. */
bool draft_take(struct app *a, struct draft *d);
void draft_free(struct draft *d);

#endif
