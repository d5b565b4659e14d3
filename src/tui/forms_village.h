/* The one-line forms of tab Thôn: an item added or retitled, a village
 * added or renamed. What was typed is kept as a draft when the session
 * ends with the form open, and reopened from it at the next start. */
#ifndef NTM_TUI_FORMS_VILLAGE_H
#define NTM_TUI_FORMS_VILLAGE_H

#include <stdbool.h>

#include "draft.h"
#include "ntm/store.h"

struct app;
struct tab;

enum vform { VFORM_ITEM_ADD, VFORM_ITEM_TITLE, VFORM_VILLAGE_ADD, VFORM_VILLAGE_NAME };

/* Runs the form kind for village v (not for VFORM_VILLAGE_ADD) and item it
 * (VFORM_ITEM_TITLE; for VFORM_ITEM_ADD the new one goes after it, last
 * when NULL), in tab t; filled from the draft d when not NULL. */
void form_village_line(struct app *a, struct tab *t, enum vform kind,
		       const struct store_village *v, const struct store_item *it,
		       const struct draft *d);
/* A draft of one of these forms (or of the day-done form): opens its form
 * on tab Thôn and returns true; false when the draft is of another kind or
 * its village or item is gone. */
bool forms_village_reopen(struct app *a, const struct draft *d);
/* In tab_villages.c: selects the item item_id of the selected village. */
void villages_select_item(struct app *a, struct tab *t, const char *item_id);

#endif
