/* What the tabs share: their rows and the selected one. */
#include "tabs.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"

void
tab_add_row(struct tab *t, struct row r)
{
	if (t->nrows == t->cap) {
		int cap = t->cap ? t->cap * 2 : 64;
		struct row *p = realloc(t->rows, sizeof *p * (size_t)cap);
		if (!p)
			return;
		t->rows = p;
		t->cap = cap;
	}
	t->rows[t->nrows++] = r;
}

const struct row *
tab_selected(struct tab *t)
{
	return t->list.sel >= 0 && t->list.sel < t->nrows ? &t->rows[t->list.sel] : NULL;
}

/* The tab showing a place, and the row key to select there. */
static int
place_tab(struct app *a, const struct store_place *p, const char **key)
{
	*key = p->id;
	if (strcmp(p->entity, "task") == 0)
		return app_tab_of_sector(a, p->sector_code);
	if (strcmp(p->entity, "indicator") == 0)
		return app_tab_of_indicator(a, p->id);
	if (!p->village_id[0])
		return -1;
	*key = p->village_id;
	for (int i = 0; i < a->ntabs; i++)
		if (a->tabs[i].ops == &TAB_VILLAGES)
			return i;
	return -1;
}

void
tabs_goto_place(struct app *a, const struct store_place *p)
{
	const char *key;
	int tab = place_tab(a, p, &key);
	/* On tab Thôn already (its checklist or matrix shows the change):
	 * stay where the officer is. */
	if (tab >= 0 && (tab != a->cur || a->tabs[tab].ops != &TAB_VILLAGES))
		app_goto(a, tab, key);
}
