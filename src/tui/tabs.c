/* What the tabs share: their rows and the selected one. */
#include "tabs.h"

#include <stdlib.h>
#include <string.h>

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
