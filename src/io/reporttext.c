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
#include "textpage.h"

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
		l[i] = pg_wrap(w, cells[i], L->width[i]);
		if (l[i].n > height)
			height = l[i].n;
	}
	if (*prev > 0 && (group || height > 1 || *prev > 1))
		pg_blank(w);
	*prev = height;
	for (int k = 0; k < height; k++) {
		const char *line = "";
		for (int i = 0; i < L->n; i++) {
			const char *s = k < l[i].n ? l[i].s[k] : "";
			s = pg_pad(w, s, L->width[i], L->pc[i]->right);
			line = pg_fmt(w, "%s%s", line, i ? pg_fmt(w, "%s%s", pg_spaces(w, GAP), s) : s);
		}
		pg_put(w, line);
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
		const char *s = pg_escape(w, pg_flat(w, cells[i]));
		int room = L->width[i] - 4;   /* inside "**" and "**" */
		if (strong && *s && (room >= text_width(s) || room >= 8))
			s = pg_fmt(w, "**%s**", pg_fit(w, s, room, false));
		s = pg_pad(w, pg_fit(w, s, L->width[i], false), L->width[i],
			L->pc[i]->right);
		line = pg_fmt(w, "%s %s |", line, s);
	}
	pg_put(w, line);
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
		rule = w->md ? pg_fmt(w, "%s%s|", rule, dashes)
		       : pg_fmt(w, "%s%s", rule, i ? pg_fmt(w, "%s%s", pg_spaces(w, GAP), dashes) : dashes);
	}
	int none = 0;
	if (w->md)
		row_md(w, L, cells, false);
	else
		row_txt(w, L, cells, false, &none);
	pg_put(w, rule);
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
	const char *s = pg_safe(w, c.text);
	if (!w->md && L->pc[i]->late && c.overdue)
		s = pg_fmt(w, "%s\n%s", s, TXT_RP_OVERDUE);
	return s;
}

/* Rows [from, from + count) of table t, under a header row. */
static void
table(struct writer *w, enum io_report_table t, const struct pcol *spec,
      int nspec, int from, int count)
{
	if (count <= 0) {
		pg_para(w, "", TXT_RT_NONE);
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
	pg_heading(w, 2, pg_fmt(w, TXT_RT_PART_FMT, roman[k], title));
}

/* Plain text: a line centred on the page. */
static void
centred(struct writer *w, const char *s)
{
	struct lines l = pg_wrap(w, s, PAGE);
	for (int i = 0; i < l.n; i++)
		pg_put(w, pg_fmt(w, "%s%s", pg_spaces(w, (PAGE - text_width(l.s[i])) / 2),
			   l.s[i]));
}

static void
title(struct writer *w)
{
	const char *subject = pg_flat(w, pg_safe(w, io_report_subject(w->d, &w->a)));
	if (w->md) {
		pg_put(w, pg_fmt(w, "# %s", TXT_RP_KIND));
		pg_blank(w);
		pg_para(w, "", pg_escape(w, subject));
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
		const char *label = pg_escape(w, pg_safe(w, f[i].label));
		const char *v = pg_escape(w, pg_flat(w, pg_safe(w, f[i].value.text)));
		if (f[i].gauge.total > 0 && f[i].value.kind == IO_CELL_PERCENT)
			v = pg_md_bar(w, f[i].gauge);
		else if (f[i].gauge.total > 0)
			v = pg_fmt(w, "%s  %s", w->md ? v : pg_pad(w, v, 7, false),
				pg_md_bar(w, f[i].gauge));
		if (w->md)
			pg_para(w, "- ", pg_fmt(w, "**%s:** %s", label, v));
		else
			pg_para(w, pg_pad(w, pg_fmt(w, "%s:", label), wide + 2, false), v);
	}
}

static const char *
sector_name(struct writer *w, const struct ntm_report_sector *s)
{
	return pg_safe(w, s->name ? s->name : s->short_name);
}

static void
tasks(struct writer *w)
{
	const struct ntm_report_doc *d = w->d;
	part(w, 3, TXT_RP_PART_TASKS);
	if (d->nsectors == 0)
		pg_para(w, "", TXT_RT_NONE);
	for (int k = 0; k < d->nsectors; k++) {
		const struct ntm_report_sector *s = &d->sectors[k];
		pg_heading(w, 3, sector_name(w, s));
		pg_para(w, "", pg_fmt(w, "%s  " TXT_RT_SECTOR_GAUGE, pg_md_bar(w, s->tasks),
				s->tasks.done, s->tasks.total, s->progress));
		pg_blank(w);
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
		pg_blank(w);
		const char *name = pg_flat(w, pg_safe(w, v->name));
		pg_para(w, "", pg_escape(w, pg_fmt(w, TXT_RT_MISSING, name)));
		pg_blank(w);
		for (int i = 0; i < v->nmissing; i++)
			pg_item(w, pg_escape(w, pg_flat(w, pg_safe(w, v->missing[i]))));
	}
}

static void
changes(struct writer *w)
{
	const struct ntm_report_doc *d = w->d;
	part(w, 5, TXT_RP_PART_CHANGES);
	if (d->nchanges == 0)
		pg_para(w, "", TXT_RT_NONE);
	for (int i = 0, j; i < d->nchanges; i = j) {
		const char *day = d->changes[i].day ? d->changes[i].day : "";
		for (j = i + 1; j < d->nchanges; j++)
			if (strcmp(d->changes[j].day ? d->changes[j].day : "", day))
				break;
		char dmy[11];
		model_date_dmy(day, dmy);
		pg_heading(w, 3, pg_fmt(w, TXT_RT_DAY, dmy));
		table(w, IO_TABLE_CHANGES, SPEC(CHANGES), i, j - i);
	}
	if (d->changes_left_out > 0) {
		pg_blank(w);
		pg_para(w, "", pg_escape(w, pg_fmt(w, TXT_RT_LEFT_OUT,
					     d->changes_left_out)));
	}
}

/* "label: text" as a list item under a task, text safe and escaped. */
static void
note_item(struct writer *w, const char *label, const char *text)
{
	if (!text || !*text)
		return;
	pg_para(w, "  - ", pg_fmt(w, TXT_RT_LABEL, label, pg_escape(w, pg_safe(w, text))));
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
				pg_heading(w, 3, sector_name(w, s));
			head = any = true;
			const char *title = pg_flat(w, pg_safe(w, t->title));
			pg_item(w, pg_escape(w, pg_fmt(w, TXT_RT_TASK, t->number, title)));
			note_item(w, TXT_RP_COL_ISSUE, t->issue);
			note_item(w, TXT_RP_COL_PROPOSAL, t->proposal);
		}
	}
	if (!any)
		pg_para(w, "", TXT_RT_NO_ISSUES);
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
