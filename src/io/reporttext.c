/* The report as plain text or Markdown: readable in a terminal and
 * printable, every line at most 80 display columns. The seven parts in
 * reading order (header, summary, criteria, tasks by sector, villages,
 * changes by day, difficulties and proposals); the tables' columns, words
 * and values come from reporttable.c, this file only picks the columns
 * that fit a page and lays them out.
 *
 * Plain text: headings underlined, table cells wrapped inside their
 * column (several lines per row), aligned by display width. Markdown:
 * headings #, pipe tables whose cells are cut with "…" (a Markdown cell
 * cannot wrap), Markdown's special characters escaped. Every string from
 * the report goes through text_sanitize (control characters shown as
 * pictures, never obeyed). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"
#include "ntm/text.h"

enum { PAGE = 80, GAP = 2, BAR = 16 };

struct writer {
	FILE *f;
	bool md;
	bool blank;          /* the last line written was empty (or none yet) */
	const struct ntm_report_doc *d;
	struct arena a;      /* every string of the report, freed at the end */
};

/* ---- strings ----------------------------------------------------------- */

/* Copies a malloc'ed string into the arena and frees it. */
static const char *
keep(struct writer *w, char *s)
{
	const char *out = arena_strdup(&w->a, s ? s : "");
	free(s);
	return out;
}

/* s made inert for a terminal, newlines kept. */
static const char *
safe(struct writer *w, const char *s)
{
	return s ? keep(w, text_sanitize(s, strlen(s), TEXT_SAN_NEWLINES)) : "";
}

/* printf into the arena. */
static const char *__attribute__((format(printf, 2, 3)))
fmt(struct writer *w, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	int n = vsnprintf(NULL, 0, f, ap);
	va_end(ap);
	char *out = arena_alloc(&w->a, (size_t)(n > 0 ? n : 0) + 1);
	va_start(ap, f);
	vsnprintf(out, (size_t)(n > 0 ? n : 0) + 1, f, ap);
	va_end(ap);
	return out;
}

/* One line: newlines as spaces. */
static const char *
flat(struct writer *w, const char *s)
{
	char *out = arena_strdup(&w->a, s);
	for (char *p = out; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return out;
}

/* Markdown: a backslash before every character Markdown would read as
 * markup inside a line (CommonMark escapes any ASCII punctuation). */
static const char *
md_escape(struct writer *w, const char *s)
{
	static const char special[] = "\\`*_[]<>|#~&";
	if (!w->md)
		return s;
	char *out = arena_alloc(&w->a, 2 * strlen(s) + 1), *q = out;
	for (; *s; s++) {
		if (strchr(special, *s))
			*q++ = '\\';
		*q++ = *s;
	}
	*q = '\0';
	return out;
}

/* s cut to width columns with "…", padded to it when pad. */
static const char *
fit(struct writer *w, const char *s, int width, bool pad)
{
	return keep(w, text_fit(s, width, false, pad));
}

static const char *
spaces(struct writer *w, int n)
{
	char *out = arena_alloc(&w->a, (size_t)(n > 0 ? n : 0) + 1);
	memset(out, ' ', (size_t)(n > 0 ? n : 0));
	return out;
}

/* ---- wrapping ----------------------------------------------------------- */

struct lines {
	const char **s;
	int n;
	size_t cap;
};

static void
push(struct writer *w, struct lines *l, const char *s, size_t from, size_t to)
{
	l->s = arena_grow(&w->a, l->s, (size_t)l->n, &l->cap, sizeof *l->s);
	char *line = arena_alloc(&w->a, to - from + 1);
	memcpy(line, s + from, to - from);
	l->s[l->n++] = line;
}

/* The bytes [from, to) of s (one paragraph) as lines of at most width
 * columns, broken at spaces, inside a word only when it is wider than a
 * line. */
static void
wrap_para(struct writer *w, struct lines *l, const char *s, size_t from,
	  size_t to, int width)
{
	size_t len = strlen(s);
	if (from == to)
		push(w, l, s, from, to);
	while (from < to) {
		size_t p = from, brk = from;
		int used = 0;
		while (p < to) {
			size_t q = text_next_grapheme(s, len, p);
			if (s[p] == ' ')
				brk = p;
			used += text_width_range(s, p, q);
			if (used > width)
				break;
			p = q;
		}
		if (p >= to) {
			push(w, l, s, from, to);
			return;
		}
		size_t cut = brk > from ? brk : p > from ? p
			     : text_next_grapheme(s, len, p);
		push(w, l, s, from, cut);
		from = cut;
		while (from < to && s[from] == ' ')
			from++;
	}
}

/* s (newlines break paragraphs) wrapped to width columns. */
static struct lines
wrap(struct writer *w, const char *s, int width)
{
	struct lines l = {0};
	size_t from = 0, len = strlen(s);
	for (;;) {
		const char *nl = strchr(s + from, '\n');
		size_t to = nl ? (size_t)(nl - s) : len;
		wrap_para(w, &l, s, from, to, width);
		if (!nl)
			return l;
		from = to + 1;
	}
}

/* ---- output lines ------------------------------------------------------- */

/* Writes one line without its trailing spaces. */
static void
put(struct writer *w, const char *s)
{
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	fwrite(s, 1, n, w->f);
	fputc('\n', w->f);
	w->blank = n == 0;
}

/* An empty line, never two in a row nor at the top. */
static void
blank(struct writer *w)
{
	if (!w->blank)
		put(w, "");
}

/* Markdown: a line that would start a block (a list item, a heading's
 * underline, a numbered item) keeps being text. */
static const char *
md_line_start(struct writer *w, const char *s)
{
	size_t digits = strspn(s, "0123456789");
	bool block = strchr("-+=", *s) && *s;
	if (digits > 0 && (s[digits] == '.' || s[digits] == ')')) {
		char *out = arena_alloc(&w->a, strlen(s) + 2);
		memcpy(out, s, digits);
		out[digits] = '\\';
		strcpy(out + digits + 1, s + digits);
		return out;
	}
	return block ? fmt(w, "\\%s", s) : s;
}

/* A paragraph: text (already safe and escaped) wrapped to the page, the
 * first line after lead, the others after indent spaces. */
static void
para(struct writer *w, const char *lead, const char *text)
{
	int indent = text_width(lead);
	struct lines l = wrap(w, text, PAGE - indent - (w->md ? 1 : 0));
	for (int i = 0; i < l.n; i++) {
		const char *s = l.s[i];
		if (w->md)
			s = md_line_start(w, s);
		put(w, fmt(w, "%s%s", i ? spaces(w, indent) : lead, s));
	}
}

/* A heading: level 1 for the title, 2 for a part, 3 for a group. */
static void
heading(struct writer *w, int level, const char *text)
{
	static const char *const under[] = {"", "=", "=", "-"};
	const char *s = flat(w, safe(w, text));
	blank(w);
	if (w->md) {
		const char *marks = level == 1 ? "# " : level == 2 ? "## " : "### ";
		put(w, fmt(w, "%s%s", marks,
			   fit(w, md_escape(w, s), PAGE - level - 1, false)));
		blank(w);
		return;
	}
	struct lines l = wrap(w, s, PAGE);
	int wide = 0;
	for (int i = 0; i < l.n; i++) {
		put(w, l.s[i]);
		if (text_width(l.s[i]) > wide)
			wide = text_width(l.s[i]);
	}
	char *rule = arena_alloc(&w->a, (size_t)wide + 1);
	memset(rule, under[level][0], (size_t)wide);
	put(w, rule);
	blank(w);
}

/* "- text" in both formats (text safe and escaped). */
static void
item(struct writer *w, const char *text)
{
	para(w, "- ", text);
}

static const char *
md_bar(struct writer *w, struct ntm_gauge g)
{
	const char *bar = io_report_bar(g, BAR, false, &w->a);
	return w->md ? fmt(w, "`%s`", bar) : bar;
}

/* s padded with spaces to width columns, on the left when right. */
static const char *
pad(struct writer *w, const char *s, int width, bool right)
{
	const char *fill = spaces(w, width - text_width(s));
	return right ? fmt(w, "%s%s", fill, s) : fmt(w, "%s%s", s, fill);
}

/* ---- tables ------------------------------------------------------------- */

/* A column as the page shows it: the table's column named key, its width
 * in plain text and in Markdown (0: not shown there). */
struct pcol {
	const char *key;
	int txt, md;
	const char *alt;     /* shown where key's cell is empty (a group row) */
	bool right;          /* a number: aligned right */
	bool late;           /* plain text: "quá hạn" under an overdue date */
};

/* What fits 80 columns: plain text with GAP between cells, Markdown with
 * "| " and " |" around them. */
static const struct pcol CRITERIA[] = {
	{"code", 5, 6, "criterion", false, false},
	{"name", 21, 22, NULL, false, false},
	{"national_target", 9, 13, NULL, false, false},
	{"plan_target", 9, 0, NULL, false, false},
	{"start_value", 7, 0, NULL, true, false},
	{"value", 8, 8, NULL, true, false},
	{"status", 9, 15, NULL, false, false},
};
static const struct pcol TASKS[] = {
	{"number", 3, 3, NULL, true, false},
	{"title", 24, 22, NULL, false, false},
	{"responsible", 13, 12, NULL, false, false},
	{"status", 10, 0, NULL, false, false},
	{"progress", 7, 7, NULL, true, false},
	{"due", 10, 10, NULL, false, true},
	{"overdue", 0, 7, NULL, false, false},
};
static const struct pcol VILLAGES[] = {
	{"village", 20, 18, NULL, false, false},
	{"items_done", 9, 9, NULL, true, false},
	{"items_total", 12, 12, NULL, true, false},
	{"share", 6, 6, NULL, true, false},
	{"model_village", 12, 12, NULL, false, false},
};
static const struct pcol CHANGES[] = {
	{"time", 5, 5, NULL, false, false},
	{"who", 16, 14, NULL, false, false},
	{"what", 25, 21, NULL, false, false},
	{"before", 12, 12, NULL, false, false},
	{"after", 12, 12, NULL, false, false},
};
#define SPEC(x) x, (int)(sizeof x / sizeof *x)

enum { MAXCOLS = 12 };

struct layout {
	enum io_report_table t;
	int n;
	int idx[MAXCOLS], alt[MAXCOLS], width[MAXCOLS];
	const struct pcol *pc[MAXCOLS];
};

static int
column_of(enum io_report_table t, const char *key)
{
	int n;
	const struct io_column *cols = io_report_columns(t, &n);
	for (int i = 0; key && i < n; i++)
		if (strcmp(cols[i].key, key) == 0)
			return i;
	return -1;
}

static void
lay_out(const struct writer *w, enum io_report_table t,
	const struct pcol *spec, int nspec, struct layout *L)
{
	*L = (struct layout){.t = t};
	for (int i = 0; i < nspec && L->n < MAXCOLS; i++) {
		int width = w->md ? spec[i].md : spec[i].txt;
		int idx = column_of(t, spec[i].key);
		if (width <= 0 || idx < 0)
			continue;
		L->idx[L->n] = idx;
		L->alt[L->n] = column_of(t, spec[i].alt);
		L->width[L->n] = width;
		L->pc[L->n++] = &spec[i];
	}
}

/* A row in plain text: each cell wrapped in its column, as many lines as
 * the tallest; a blank line before it when it or the row above takes
 * more than one line, or it begins a group. *prev: the row above's
 * height, 0 for the first. */
static void
row_txt(struct writer *w, const struct layout *L, const char **cells,
	bool group, int *prev)
{
	struct lines l[MAXCOLS];
	int height = 1;
	for (int i = 0; i < L->n; i++) {
		l[i] = wrap(w, cells[i], L->width[i]);
		if (l[i].n > height)
			height = l[i].n;
	}
	if (*prev > 0 && (group || height > 1 || *prev > 1))
		blank(w);
	*prev = height;
	for (int k = 0; k < height; k++) {
		const char *line = "";
		for (int i = 0; i < L->n; i++) {
			const char *s = k < l[i].n ? l[i].s[k] : "";
			s = pad(w, s, L->width[i], L->pc[i]->right);
			line = fmt(w, "%s%s", line, i ? fmt(w, "%s%s", spaces(w, GAP), s) : s);
		}
		put(w, line);
	}
}

/* A row in Markdown: each cell on one line, escaped, cut to its column
 * with "…", a group row in bold. */
static void
row_md(struct writer *w, const struct layout *L, const char **cells,
       bool strong)
{
	const char *line = "|";
	for (int i = 0; i < L->n; i++) {
		const char *s = md_escape(w, flat(w, cells[i]));
		int room = L->width[i] - 4;   /* inside "**" and "**" */
		if (strong && *s && (room >= text_width(s) || room >= 8))
			s = fmt(w, "**%s**", fit(w, s, room, false));
		s = pad(w, fit(w, s, L->width[i], false), L->width[i],
			L->pc[i]->right);
		line = fmt(w, "%s %s |", line, s);
	}
	put(w, line);
}

static void
table_head(struct writer *w, const struct layout *L)
{
	int n;
	const struct io_column *cols = io_report_columns(L->t, &n);
	const char *cells[MAXCOLS];
	for (int i = 0; i < L->n; i++)
		cells[i] = cols[L->idx[i]].title;
	const char *rule = w->md ? "|" : "";
	for (int i = 0; i < L->n; i++) {
		char *dashes = arena_alloc(&w->a, (size_t)L->width[i] + 3);
		int k = w->md ? L->width[i] + 2 : L->width[i];
		memset(dashes, '-', (size_t)k);
		if (w->md && L->pc[i]->right)
			dashes[k - 1] = ':';
		rule = w->md ? fmt(w, "%s%s|", rule, dashes)
		       : fmt(w, "%s%s", rule, i ? fmt(w, "%s%s", spaces(w, GAP), dashes) : dashes);
	}
	int none = 0;
	if (w->md)
		row_md(w, L, cells, false);
	else
		row_txt(w, L, cells, false, &none);
	put(w, rule);
}

/* The text of a table's cell, safe; where it is empty, the text of the
 * column's alternative. */
static const char *
cell_text(struct writer *w, const struct layout *L, int row, int i,
	  bool *strong)
{
	struct io_cell c;
	io_report_cell(w->d, L->t, row, L->idx[i], &w->a, &c);
	if (!*c.text && L->alt[i] >= 0)
		io_report_cell(w->d, L->t, row, L->alt[i], &w->a, &c);
	*strong = *strong || c.strong;
	const char *s = safe(w, c.text);
	if (!w->md && L->pc[i]->late && c.overdue)
		s = fmt(w, "%s\n%s", s, TXT_RP_OVERDUE);
	return s;
}

/* Rows [from, from + count) of table t, under a header row. */
static void
table(struct writer *w, enum io_report_table t, const struct pcol *spec,
      int nspec, int from, int count)
{
	if (count <= 0) {
		para(w, "", TXT_RT_NONE);
		return;
	}
	struct layout L;
	lay_out(w, t, spec, nspec, &L);
	table_head(w, &L);
	int prev = 0;
	for (int r = from; r < from + count; r++) {
		const char *cells[MAXCOLS];
		bool strong = false;
		for (int i = 0; i < L.n; i++)
			cells[i] = cell_text(w, &L, r, i, &strong);
		if (w->md)
			row_md(w, &L, cells, strong);
		else
			row_txt(w, &L, cells, strong, &prev);
	}
}

/* ---- the parts ---------------------------------------------------------- */

static void
part(struct writer *w, int k, const char *title)
{
	static const char *const roman[] = {"I", "II", "III", "IV", "V",
					    "VI", "VII"};
	heading(w, 2, fmt(w, TXT_RT_PART_FMT, roman[k], title));
}

/* Plain text: a line centred on the page. */
static void
centred(struct writer *w, const char *s)
{
	struct lines l = wrap(w, s, PAGE);
	for (int i = 0; i < l.n; i++)
		put(w, fmt(w, "%s%s", spaces(w, (PAGE - text_width(l.s[i])) / 2),
			   l.s[i]));
}

static void
title(struct writer *w)
{
	const char *subject = flat(w, safe(w, io_report_subject(w->d, &w->a)));
	if (w->md) {
		put(w, fmt(w, "# %s", TXT_RP_KIND));
		blank(w);
		para(w, "", md_escape(w, subject));
		return;
	}
	centred(w, TXT_RP_KIND);
	centred(w, subject);
}

/* Parts 1 (head) and 2: the facts as "label: value", a gauge's after its
 * value (the commune gauge as the bar alone). */
static void
facts(struct writer *w, bool head)
{
	struct io_fact *f;
	int n = io_report_facts(w->d, &w->a, &f), wide = 0;
	for (int i = 0; i < n; i++)
		if (f[i].head == head && text_width(f[i].label) > wide)
			wide = text_width(f[i].label);
	for (int i = 0; i < n; i++) {
		if (f[i].head != head)
			continue;
		const char *label = md_escape(w, safe(w, f[i].label));
		const char *v = md_escape(w, flat(w, safe(w, f[i].value.text)));
		if (f[i].gauge.total > 0 && f[i].value.kind == IO_CELL_PERCENT)
			v = md_bar(w, f[i].gauge);
		else if (f[i].gauge.total > 0)
			v = fmt(w, "%s  %s", w->md ? v : pad(w, v, 7, false),
				md_bar(w, f[i].gauge));
		if (w->md)
			para(w, "- ", fmt(w, "**%s:** %s", label, v));
		else
			para(w, pad(w, fmt(w, "%s:", label), wide + 2, false), v);
	}
}

static const char *
sector_name(struct writer *w, const struct ntm_report_sector *s)
{
	return safe(w, s->name ? s->name : s->short_name);
}

static void
tasks(struct writer *w)
{
	const struct ntm_report_doc *d = w->d;
	part(w, 3, TXT_RP_PART_TASKS);
	if (d->nsectors == 0)
		para(w, "", TXT_RT_NONE);
	for (int k = 0; k < d->nsectors; k++) {
		const struct ntm_report_sector *s = &d->sectors[k];
		heading(w, 3, sector_name(w, s));
		para(w, "", fmt(w, "%s  " TXT_RT_SECTOR_GAUGE, md_bar(w, s->tasks),
				s->tasks.done, s->tasks.total, s->progress));
		blank(w);
		table(w, IO_TABLE_TASKS, SPEC(TASKS), s->first, s->count);
	}
}

static void
villages(struct writer *w)
{
	const struct ntm_report_doc *d = w->d;
	part(w, 4, TXT_RP_PART_VILLAGES);
	table(w, IO_TABLE_VILLAGES, SPEC(VILLAGES), 0, d->nvillages);
	for (int k = 0; k < d->nvillages; k++) {
		const struct ntm_report_village *v = &d->villages[k];
		if (v->nmissing == 0)
			continue;
		blank(w);
		const char *name = flat(w, safe(w, v->name));
		para(w, "", md_escape(w, fmt(w, TXT_RT_MISSING, name)));
		blank(w);
		for (int i = 0; i < v->nmissing; i++)
			item(w, md_escape(w, flat(w, safe(w, v->missing[i]))));
	}
}

static void
changes(struct writer *w)
{
	const struct ntm_report_doc *d = w->d;
	part(w, 5, TXT_RP_PART_CHANGES);
	if (d->nchanges == 0)
		para(w, "", TXT_RT_NONE);
	for (int i = 0, j; i < d->nchanges; i = j) {
		const char *day = d->changes[i].day ? d->changes[i].day : "";
		for (j = i + 1; j < d->nchanges; j++)
			if (strcmp(d->changes[j].day ? d->changes[j].day : "", day))
				break;
		char dmy[11];
		model_date_dmy(day, dmy);
		heading(w, 3, fmt(w, TXT_RT_DAY, dmy));
		table(w, IO_TABLE_CHANGES, SPEC(CHANGES), i, j - i);
	}
	if (d->changes_left_out > 0) {
		blank(w);
		para(w, "", md_escape(w, fmt(w, TXT_RT_LEFT_OUT,
					     d->changes_left_out)));
	}
}

/* "label: text" as a list item under a task, text safe and escaped. */
static void
note_item(struct writer *w, const char *label, const char *text)
{
	if (!text || !*text)
		return;
	para(w, "  - ", fmt(w, TXT_RT_LABEL, label, md_escape(w, safe(w, text))));
}

static void
issues(struct writer *w)
{
	const struct ntm_report_doc *d = w->d;
	bool any = false;
	part(w, 6, TXT_RT_PART_ISSUES);
	for (int k = 0; k < d->nsectors; k++) {
		const struct ntm_report_sector *s = &d->sectors[k];
		bool head = false;
		for (int i = s->first; i < s->first + s->count; i++) {
			const struct ntm_report_task *t = &d->tasks[i];
			if (!(t->issue && *t->issue) && !(t->proposal && *t->proposal))
				continue;
			if (!head)
				heading(w, 3, sector_name(w, s));
			head = any = true;
			const char *title = flat(w, safe(w, t->title));
			item(w, md_escape(w, fmt(w, TXT_RT_TASK, t->number, title)));
			note_item(w, TXT_RP_COL_ISSUE, t->issue);
			note_item(w, TXT_RP_COL_PROPOSAL, t->proposal);
		}
	}
	if (!any)
		para(w, "", TXT_RT_NO_ISSUES);
}

int
io_report_text(FILE *f, const struct ntm_report_doc *d, bool markdown,
	       struct ntm_error *e)
{
	(void)e;
	struct writer w = {.f = f, .md = markdown, .blank = true, .d = d};
	title(&w);
	part(&w, 0, TXT_RT_PART_HEAD);
	facts(&w, true);
	part(&w, 1, TXT_RT_PART_SUMMARY);
	facts(&w, false);
	part(&w, 2, TXT_RP_PART_CRITERIA);
	table(&w, IO_TABLE_CRITERIA, SPEC(CRITERIA), 0,
	      io_report_rows(d, IO_TABLE_CRITERIA));
	tasks(&w);
	villages(&w);
	changes(&w);
	issues(&w);
	arena_free(&w.a);
	return NTM_OK;
}
