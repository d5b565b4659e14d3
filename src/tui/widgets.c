/* The list model and gauge text. */
#include "widgets.h"

#include <stdio.h>
#include <string.h>

static bool
can_select(const struct list *l, int row)
{
	return row >= 0 && row < l->count &&
	       (!l->selectable || l->selectable(l->data, row));
}

static void
keep_visible(struct list *l)
{
	if (l->height < 1)
		l->height = 1;
	if (l->sel >= 0 && l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + l->height)
		l->top = l->sel - l->height + 1;
	int max_top = l->count - l->height;
	if (l->top > max_top)
		l->top = max_top;
	if (l->top < 0)
		l->top = 0;
	/* the headers just above the selected row stay in view when there is
	 * room (column titles, the criterion) */
	if (l->sel > 0 && l->top == l->sel) {
		int first = l->sel;
		while (first > 0 && !can_select(l, first - 1))
			first--;
		if (l->sel - first < l->height)
			l->top = first;
	}
}

void
list_select(struct list *l, int row)
{
	if (row >= l->count)
		row = l->count - 1;
	if (row < 0)
		row = 0;
	for (int d = 0; d < l->count; d++) {
		if (can_select(l, row + d)) {
			l->sel = row + d;
			keep_visible(l);
			return;
		}
		if (can_select(l, row - d)) {
			l->sel = row - d;
			keep_visible(l);
			return;
		}
	}
	l->sel = -1;
	keep_visible(l);
}

void
list_reset(struct list *l, int count, int height)
{
	l->count = count;
	l->height = height;
	l->drawn_top = -1;      /* everything is new */
	list_select(l, l->sel < 0 ? 0 : l->sel);
}

void
list_move(struct list *l, int delta)
{
	if (l->sel < 0)
		return;
	int step = delta < 0 ? -1 : 1, row = l->sel, moved = 0, target = l->sel;
	while (moved < (delta < 0 ? -delta : delta)) {
		row += step;
		if (row < 0 || row >= l->count)
			break;
		if (can_select(l, row)) {
			target = row;
			moved++;
		}
	}
	l->sel = target;
	keep_visible(l);
}

void
list_page(struct list *l, int pages)
{
	if (l->sel < 0)
		return;
	int h = l->height > 1 ? l->height - 1 : 1;
	int row = l->sel + pages * h;
	l->top += pages * h;
	list_select(l, row);
}

void
list_home(struct list *l)
{
	l->top = 0;
	list_select(l, 0);
}

/* The last row comes into view even when it cannot be selected (a
 * closing "nothing here yet" line). */
void
list_end(struct list *l)
{
	l->top = l->count - l->height;
	list_select(l, l->count - 1);
}

bool
list_act(struct list *l, enum tui_action act)
{
	switch (act) {
	case ACT_UP: list_move(l, -1); return true;
	case ACT_DOWN: list_move(l, 1); return true;
	case ACT_PAGE_UP: list_page(l, -1); return true;
	case ACT_PAGE_DOWN: list_page(l, 1); return true;
	case ACT_HOME: list_home(l); return true;
	case ACT_END: list_end(l); return true;
	default: return false;
	}
}

int
list_dirty(const struct list *l, int rows[2])
{
	if (l->drawn_top != l->top)
		return -1;
	int n = 0;
	if (l->drawn_sel != l->sel) {
		if (l->drawn_sel >= 0)
			rows[n++] = l->drawn_sel;
		if (l->sel >= 0)
			rows[n++] = l->sel;
	}
	return n;
}

void
list_drawn(struct list *l)
{
	l->drawn_sel = l->sel;
	l->drawn_top = l->top;
}

int
list_row_at(const struct list *l, int y)
{
	int row = l->top + y;
	return y >= 0 && y < l->height && row < l->count ? row : -1;
}

size_t
gauge_bar(struct ntm_gauge g, int width, bool ascii, char *out, size_t size)
{
	const char *full = ascii ? "#" : "█", *empty = ascii ? "-" : "░";
	int fill = g.total > 0 ? (int)((long)width * g.done / g.total) : 0;
	if (g.total > 0 && g.done > 0 && fill == 0)
		fill = 1;                /* something done shows */
	size_t n = 0;
	for (int i = 0; i < width; i++) {
		const char *c = i < fill ? full : empty;
		size_t k = strlen(c);
		if (n + k + 1 > size)
			break;
		memcpy(out + n, c, k);
		n += k;
	}
	out[n] = '\0';
	return n;
}

void
gauge_count(struct ntm_gauge g, bool percent, char *out, size_t size)
{
	if (percent)
		snprintf(out, size, "%d/%d (%d%%)", g.done, g.total, model_gauge_percent(g));
	else
		snprintf(out, size, "%d/%d", g.done, g.total);
}
