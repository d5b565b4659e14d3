/* The list model and gauge text. */
#include "widgets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

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

/* ---- wrapped lines ---------------------------------------------------------- */

static void
lines_push(struct lines *l, char *s)
{
	if (!s)
		return;
	if (l->n + 2 > l->cap) {
		int cap = l->cap ? l->cap * 2 : 64;
		char **v = realloc(l->v, sizeof *v * (size_t)cap);
		if (!v) {
			free(s);
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

/* The end of the longest run of s[0..len) that fits width columns, broken
 * after a space when the run does not reach the end. */
static size_t
fit_end(const char *s, size_t len, int width)
{
	size_t end = 0, space = 0;
	int used = 0;
	while (end < len) {
		size_t next = text_next_grapheme(s, len, end);
		used += text_width_range(s, end, next);
		if (used > width)
			break;
		if (s[end] == ' ')
			space = end;
		end = next;
	}
	if (end < len && s[end] != ' ' && space > 0)
		end = space;
	return end ? end : text_next_grapheme(s, len, 0);
}

void
lines_wrap(struct lines *l, const char *s, int width, int indent)
{
	if (width < indent + 8)
		indent = 0;
	do {
		size_t para = strcspn(s, "\n");
		const char *p = s;
		bool first = true;
		do {
			int ind = first ? 0 : indent;
			size_t end = para ? fit_end(p, para, width - ind) : 0;
			char *out = malloc((size_t)ind + end + 1);
			if (out) {
				memset(out, ' ', (size_t)ind);
				memcpy(out + ind, p, end);
				out[ind + end] = '\0';
			}
			lines_push(l, out);
			p += end;
			para -= end;
			while (para && *p == ' ') {
				p++;
				para--;
			}
			first = false;
		} while (para);
		s = p;
	} while (*s == '\n' && *++s);
}

void
lines_free(struct lines *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	*l = (struct lines){0};
}

/* ---- ranking the palette's matches ------------------------------------------ */

static bool
word_char(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* How q (one word) sits in text: 3 a whole word, 2 the start of a word, 1
 * inside a word, 0 not there; the best place wins. */
static int
word_rank(const char *text, const char *q)
{
	size_t n = strlen(q);
	int best = 0;
	for (const char *p = text; n && (p = strstr(p, q)); p++) {
		bool start = p == text || !word_char((unsigned char)p[-1]);
		bool end = !word_char((unsigned char)p[n]);
		int r = start ? (end ? 3 : 2) : 1;
		best = r > best ? r : best;
	}
	return best;
}

/* Every word of query against text: the sum of word_rank. */
static int
words_rank(const char *text, const char *query)
{
	int sum = 0;
	const char *p = query;
	while (p && *p) {
		p += strspn(p, " ");
		size_t len = strcspn(p, " ");
		if (len) {
			char word[128];
			snprintf(word, sizeof word, "%.*s", (int)(len < 127 ? len : 127), p);
			sum += word_rank(text, word);
		}
		p += len;
	}
	return sum;
}

int
match_rank(const char *text, const char *query)
{
	char *ft = text_fold(text), *fq = text_fold(query);
	char *ct = text_casefold(text), *cq = text_casefold(query);
	int folded = ft && fq ? words_rank(ft, fq) : 0;
	int exact = ct && cq ? words_rank(ct, cq) : 0;
	bool at_start = ft && fq && *fq && strncmp(ft, fq, strcspn(fq, " ")) == 0;
	free(ft);
	free(fq);
	free(ct);
	free(cq);
	return (folded * 2 + at_start) * 64 + exact;
}

/* ---- short names of who is responsible ------------------------------------- */

/* Long words that begin many of the plan's "Phụ trách" (share/ntm), and
 * the short forms officials write. */
static const struct { const char *longer, *shorter; } ROLE_PREFIXES[] = {
	{"Công chức ", "CC "}, {"Ủy ban nhân dân ", "UBND "},
	{"Ủy ban ", "UB "}, {"Ban Chỉ đạo ", "BCĐ "}, {"Ban chỉ đạo ", "BCĐ "},
	{"Trưởng thôn", "TT"},
};

void
role_short(const char *role, char *out, size_t size)
{
	for (size_t i = 0; i < sizeof ROLE_PREFIXES / sizeof *ROLE_PREFIXES; i++) {
		size_t n = strlen(ROLE_PREFIXES[i].longer);
		if (strncmp(role, ROLE_PREFIXES[i].longer, n) == 0) {
			snprintf(out, size, "%s%s", ROLE_PREFIXES[i].shorter, role + n);
			return;
		}
	}
	snprintf(out, size, "%s", role);
}
