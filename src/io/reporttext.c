/* The report as plain text or Markdown: readable in a terminal and
 * printable, every line at most 80 display columns. The seven parts in
 * reading order (header, summary, criteria, tasks by sector, villages,
 * the plan's money when it has any, changes by day, difficulties and
 * proposals); the tables' columns, words
 * and values come from reporttable.c, this file only picks the columns
 * that fit a page and lays them out.
 *
 * Plain text: headings underlined, table cells wrapped inside their
 * column (several lines per row), columns sized by their content and
 * aligned by display width, a task's note on a line under its row.
 * Markdown: headings #, and each table as lists (a row per list item, its
 * cells in words, wrapped with a hanging indent): a Markdown table cannot
 * wrap and 80 columns would cut it. Nothing is ever cut; Markdown's
 * special characters are escaped. Every string from
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
#include "reportfund.h"
#include "textpage.h"

/* ---- plain-text tables ---------------------------------------------------- */

/* A column as the page shows it: the table's column named key, at most
 * max columns wide (its cells' widest line decides below that). */
struct pcol {
	const char *key;
	int max;
	const char *alt;     /* shown where key's cell is empty (a group row) */
	bool right;          /* a number: aligned right */
	bool late;           /* "quá hạn" under an overdue date */
};

static const struct pcol CRITERIA[] = {
	{"code", 8, "criterion", false, false},
	{"name", 40, NULL, false, false},
	{"national_target", 12, NULL, false, false},
	{"plan_target", 12, NULL, false, false},
	{"start_value", 10, NULL, true, false},
	{"value", 10, NULL, true, false},
	{"status", 13, NULL, false, false},
};
static const struct pcol TASKS[] = {
	{"number", 4, NULL, true, false},
	{"title", 40, NULL, false, false},
	{"responsible", 20, NULL, false, false},
	{"status", 16, NULL, false, false},
	{"progress", 7, NULL, true, false},
	{"due", 10, NULL, false, true},
};
static const struct pcol VILLAGES[] = {
	{"village", 30, NULL, false, false},
	{"items_done", 9, NULL, true, false},
	{"items_total", 12, NULL, true, false},
	{"share", 6, NULL, true, false},
	{"model_village", 12, NULL, false, false},
};
static const struct pcol CHANGES[] = {
	{"time", 5, NULL, false, false},
	{"who", 20, NULL, false, false},
	{"what", 40, NULL, false, false},
	{"before", 24, NULL, false, false},
	{"after", 24, NULL, false, false},
};
/* money: the amounts right-aligned, the share where it fits */
static const struct pcol FUND_SOURCES[] = {
	{"source", 24, NULL, false, false},
	{"planned", 17, NULL, true, false},
	{"received", 17, NULL, true, false},
	{"paid", 17, NULL, true, false},
	{"disbursed", 9, NULL, true, false},
};
static const struct pcol FUND_SECTORS[] = {
	{"sector", 22, NULL, false, false},
	{"planned", 17, NULL, true, false},
	{"paid", 17, NULL, true, false},
	{"completed", 17, NULL, true, false},
	{"debt", 17, NULL, true, false},
};
static const struct pcol FUND_DEBTS[] = {
	{"number", 4, NULL, true, false},
	{"title", 30, NULL, false, false},
	{"completed", 17, NULL, true, false},
	{"paid", 17, NULL, true, false},
	{"debt", 17, NULL, true, false},
};
static const struct { const struct pcol *spec; int n; } SPECS[IO_REPORT_TABLES] = {
#define SPEC(x) {x, (int)(sizeof x / sizeof *x)}
	[IO_TABLE_CRITERIA] = SPEC(CRITERIA),
	[IO_TABLE_TASKS] = SPEC(TASKS),
	[IO_TABLE_VILLAGES] = SPEC(VILLAGES),
	[IO_TABLE_CHANGES] = SPEC(CHANGES),
	[IO_TABLE_FUND_SOURCES] = SPEC(FUND_SOURCES),
	[IO_TABLE_FUND_SECTORS] = SPEC(FUND_SECTORS),
	[IO_TABLE_FUND_DEBTS] = SPEC(FUND_DEBTS),
#undef SPEC
};

enum { MAXCOLS = 12, WORD_MIN = 10 };

struct layout {
	enum io_report_table t;
	int n;
	int idx[MAXCOLS], alt[MAXCOLS], width[MAXCOLS];
	const struct pcol *pc[MAXCOLS];
};

/* The text of a table's cell, safe; where it is empty, the text of the
 * column's alternative; "quá hạn" under an overdue date. */
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
	if (L->pc[i]->late && c.overdue)
		s = pg_fmt(w, "%s\n%s", s, TXT_RP_OVERDUE);
	return s;
}

/* The widest line and the widest word of s, in display columns. */
static void
measure(const char *s, int *line, int *word)
{
	size_t len = strlen(s), p = 0;
	int l = 0, wd = 0;
	while (p < len) {
		size_t q = text_next_grapheme(s, len, p);
		int k = text_width_range(s, p, q);
		bool brk = s[p] == '\n', space = s[p] == ' ';
		l = brk ? 0 : l + k;
		wd = brk || space ? 0 : wd + k;
		*line = l > *line ? l : *line;
		*word = wd > *word ? wd : *word;
		p = q;
	}
}

/* Takes columns away, one at a time from the column furthest above its
 * floor, until the row fits the page or every column is at its floor
 * (or, with force, the page is reached anyway: the widest column gives). */
static int
shrink(struct layout *L, const int *floor, int total, bool force)
{
	while (total > PAGE) {
		int best = 0;
		for (int i = 1; i < L->n; i++)
			if (L->width[i] - floor[i] > L->width[best] - floor[best])
				best = i;
		if (L->width[best] <= floor[best] && !force)
			break;
		if (L->width[best] <= floor[best])
			for (int i = 1; i < L->n; i++)
				best = L->width[i] > L->width[best] ? i : best;
		L->width[best]--;
		total--;
	}
	return total;
}

/* Each column as wide as its widest cell or its header up to its max;
 * while the row is wider than the page, a header gives first (it wraps
 * at its words), then the cells, never below WORD_MIN or their widest
 * word when they have room. */
static void
size_columns(struct writer *w, struct layout *L)
{
	int head[MAXCOLS] = {0}, cells[MAXCOLS] = {0}, word[MAXCOLS] = {0};
	int n, rows = io_report_rows(w->d, L->t), total = GAP * (L->n - 1);
	const struct io_column *cols = io_report_columns(L->t, &n);
	for (int i = 0; i < L->n; i++)
		measure(cols[L->idx[i]].title, &head[i], &cells[i]);
	for (int r = 0; r < rows; r++)
		for (int i = 0; i < L->n; i++) {
			bool strong = false;
			measure(cell_text(w, L, r, i, &strong), &cells[i], &word[i]);
		}
	for (int i = 0; i < L->n; i++) {
		int want = head[i] > cells[i] ? head[i] : cells[i];
		L->width[i] = want < L->pc[i]->max ? want : L->pc[i]->max;
		word[i] = word[i] < WORD_MIN ? word[i] : WORD_MIN;
		total += L->width[i];
	}
	total = shrink(L, cells, total, false);
	shrink(L, word, total, true);
}

/* The columns of table t the page shows, sized by their content. */
static void
lay_out(struct writer *w, enum io_report_table t, struct layout *L)
{
	*L = (struct layout){.t = t};
	for (int i = 0; i < SPECS[t].n && L->n < MAXCOLS; i++) {
		const struct pcol *pc = &SPECS[t].spec[i];
		int idx = io_report_column_index(t, pc->key);
		if (idx < 0)
			continue;
		L->idx[L->n] = idx;
		L->alt[L->n] = io_report_column_index(t, pc->alt);
		L->pc[L->n++] = pc;
	}
	size_columns(w, L);
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
			line = pg_fmt(w, "%s%s%s", line, i ? pg_spaces(w, GAP) : "", s);
		}
		pg_put(w, line);
	}
}

static void
table_head(struct writer *w, const struct layout *L)
{
	int n;
	const struct io_column *cols = io_report_columns(L->t, &n);
	const char *cells[MAXCOLS], *rule = "";
	for (int i = 0; i < L->n; i++) {
		cells[i] = cols[L->idx[i]].title;
		char *dashes = arena_alloc(&w->a, (size_t)L->width[i] + 1);
		memset(dashes, '-', (size_t)L->width[i]);
		rule = pg_fmt(w, "%s%s%s", rule, i ? pg_spaces(w, GAP) : "", dashes);
	}
	int none = 0;
	row_txt(w, L, cells, false, &none);
	pg_put(w, rule);
}

/* A task's note, under its row, from the title's column on. */
static void
task_note(struct writer *w, const struct layout *L, int row, int *prev)
{
	const char *note = w->d->tasks[row].note;
	if (!note || !*note)
		return;
	pg_para(w, pg_spaces(w, L->width[0] + GAP),
		pg_fmt(w, TXT_RT_LABEL, TXT_RP_COL_NOTE, pg_safe(w, note)));
	*prev = 2;
}

/* The layout of table t, made on first use (its widths come from every
 * row of the table, so each day's or sector's part lines up). */
static const struct layout *
layout_of(struct writer *w, enum io_report_table t)
{
	struct layout *L = &((struct layout *)w->layouts)[t];
	if (L->n == 0)
		lay_out(w, t, L);
	return L;
}

/* Rows [from, from + count) of table t, under a header row. */
static void
table_txt(struct writer *w, enum io_report_table t, int from, int count)
{
	const struct layout *L = layout_of(w, t);
	table_head(w, L);
	int prev = 0;
	for (int r = from; r < from + count; r++) {
		const char *cells[MAXCOLS];
		bool strong = false;
		for (int i = 0; i < L->n; i++)
			cells[i] = cell_text(w, L, r, i, &strong);
		row_txt(w, L, cells, strong, &prev);
		if (t == IO_TABLE_TASKS)
			task_note(w, L, r, &prev);
	}
}

/* ---- Markdown lists -------------------------------------------------------- */

/* Cell key of row in table t, safe, on one line, escaped; "" when empty. */
static const char *
md_cell(struct writer *w, enum io_report_table t, int row, const char *key,
	struct io_cell *c)
{
	io_report_cell(w->d, t, row, io_report_column_index(t, key), &w->a, c);
	return pg_escape(w, pg_flat(w, pg_safe(w, c->text)));
}

static const char *
md_val(struct writer *w, enum io_report_table t, int row, const char *key)
{
	struct io_cell c;
	const char *s = md_cell(w, t, row, key, &c);
	return *s ? s : TXT_RT_NOTHING;
}

/* A criterion's row as a line, its indicators' as a list. */
static void
md_criterion(struct writer *w, int row, int count)
{
	enum io_report_table t = IO_TABLE_CRITERIA;
	pg_para(w, "", pg_fmt(w, TXT_RT_MD_CRIT, md_val(w, t, row, "criterion"),
			      md_val(w, t, row, "name"), md_val(w, t, row, "value"),
			      md_val(w, t, row, "status")));
	pg_blank(w);
	for (int r = row + 1; r <= row + count; r++) {
		struct io_cell c;
		const char *code = md_cell(w, t, r, "code", &c);
		const char *s = strchr(c.text, '`') ? code
			: pg_fmt(w, "`%s`", pg_flat(w, pg_safe(w, c.text)));
		s = pg_fmt(w, "%s %s", s, md_val(w, t, r, "name"));
		const char *unit = md_cell(w, t, r, "unit", &c);
		if (*unit)
			s = pg_fmt(w, TXT_RT_MD_UNIT, s, unit);
		s = pg_fmt(w, TXT_RT_MD_VALUES, s, md_val(w, t, r, "national_target"),
			   md_val(w, t, r, "plan_target"), md_val(w, t, r, "start_value"),
			   md_val(w, t, r, "value"));
		const char *on = md_cell(w, t, r, "as_of", &c);
		if (*on)
			s = pg_fmt(w, TXT_RT_MD_ON, s, on);
		s = pg_fmt(w, TXT_RT_MD_STATUS, s, md_val(w, t, r, "status"));
		const char *note = md_cell(w, t, r, "note", &c);
		pg_item(w, *note ? pg_fmt(w, TXT_RT_MD_SOURCE, s, note) : s);
	}
	pg_blank(w);
}

static void
md_task(struct writer *w, int r)
{
	enum io_report_table t = IO_TABLE_TASKS;
	struct io_cell c;
	md_cell(w, t, r, "overdue", &c);
	pg_item(w, pg_fmt(w, TXT_RT_MD_TASK, md_val(w, t, r, "number"),
			  md_val(w, t, r, "title"), md_val(w, t, r, "status"),
			  md_val(w, t, r, "progress"), md_val(w, t, r, "due"),
			  c.overdue ? TXT_RT_MD_LATE : "",
			  md_val(w, t, r, "responsible")));
	const char *note = w->d->tasks[r].note;
	if (note && *note)
		pg_para(w, "  - ", pg_fmt(w, TXT_RT_LABEL, TXT_RP_COL_NOTE,
					  pg_escape(w, pg_safe(w, note))));
}

static void
md_village(struct writer *w, int r)
{
	enum io_report_table t = IO_TABLE_VILLAGES;
	pg_item(w, pg_fmt(w, TXT_RT_MD_VILLAGE, md_val(w, t, r, "village"),
			  md_val(w, t, r, "items_done"), md_val(w, t, r, "items_total"),
			  md_val(w, t, r, "share"), md_val(w, t, r, "model_village")));
}

static void
md_change(struct writer *w, int r)
{
	enum io_report_table t = IO_TABLE_CHANGES;
	struct io_cell c;
	const char *s = pg_fmt(w, TXT_RT_MD_CHANGE, md_val(w, t, r, "time"),
			       md_val(w, t, r, "who"), md_val(w, t, r, "what"));
	const char *before = md_cell(w, t, r, "before", &c);
	const char *after = md_cell(w, t, r, "after", &c);
	if (*before)
		s = pg_fmt(w, TXT_RT_MD_BEFORE, s, before);
	if (*after)
		s = pg_fmt(w, TXT_RT_MD_AFTER, s, after);
	pg_item(w, s);
}

/* A money table's row as a line: its names ("**Ngân sách tỉnh**", "**#5**
 * Đường trục xã"), then each amount and share with its column's title. */
static void
md_fund(struct writer *w, enum io_report_table t, int r)
{
	int n;
	const struct io_column *cols = io_report_columns(t, &n);
	const char *s = "";
	bool amounts = false;
	for (int i = 0; i < SPECS[t].n; i++) {
		const char *key = SPECS[t].spec[i].key;
		struct io_cell c;
		const char *v = md_cell(w, t, r, key, &c);
		if (c.kind == IO_CELL_MONEY || c.kind == IO_CELL_PERCENT ||
		    c.kind == IO_CELL_EMPTY) {
			const char *title = cols[io_report_column_index(t, key)].title;
			s = pg_fmt(w, "%s%s" TXT_RT_LABEL, s, amounts ? "; " : " — ",
				   title, *v ? v : TXT_RT_NOTHING);
			amounts = true;
		} else if (i == 0) {
			s = pg_fmt(w, strcmp(key, "number") ? "**%s**" : "**#%s**", v);
		} else {
			s = pg_fmt(w, "%s %s", s, v);
		}
	}
	pg_item(w, s);
}

/* Rows [from, from + count) of table t as Markdown lists: every cell of
 * the page's columns in words, nothing cut. */
static void
table_md(struct writer *w, enum io_report_table t, int from, int count)
{
	if (t == IO_TABLE_CRITERIA) {
		for (int k = 0, r = 0; k < w->d->ncrit; k++) {
			md_criterion(w, r, w->d->crit[k].count);
			r += 1 + w->d->crit[k].count;
		}
		return;
	}
	for (int r = from; r < from + count; r++) {
		if (t == IO_TABLE_TASKS)
			md_task(w, r);
		else if (t == IO_TABLE_VILLAGES)
			md_village(w, r);
		else if (t == IO_TABLE_CHANGES)
			md_change(w, r);
		else
			md_fund(w, t, r);
	}
}

/* Rows [from, from + count) of table t: a table in plain text, lists in
 * Markdown. */
static void
table(struct writer *w, enum io_report_table t, int from, int count)
{
	if (count <= 0)
		pg_para(w, "", TXT_RT_NONE);
	else if (w->md)
		table_md(w, t, from, count);
	else
		table_txt(w, t, from, count);
}

/* ---- the parts ---------------------------------------------------------- */

static void
part(struct writer *w, int k, const char *title)
{
	static const char *const roman[] = {"I", "II", "III", "IV", "V",
					    "VI", "VII", "VIII"};
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
		table(w, IO_TABLE_TASKS, s->first, s->count);
	}
}

static void
villages(struct writer *w)
{
	const struct ntm_report_doc *d = w->d;
	part(w, 4, TXT_RP_PART_VILLAGES);
	table(w, IO_TABLE_VILLAGES, 0, d->nvillages);
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

/* The plan's money (the part is left out when it has none): the totals
 * in a sentence, the tables by source and by sector, the tasks with the
 * greatest debt. */
static void
money(struct writer *w, int k)
{
	static const enum io_report_table FUND[] = {
		IO_TABLE_FUND_SOURCES, IO_TABLE_FUND_SECTORS, IO_TABLE_FUND_DEBTS,
	};
	part(w, k, TXT_RF_PART);
	const char *totals = io_fund_sentence(w->d, &w->a);
	pg_para(w, "", pg_escape(w, pg_flat(w, pg_safe(w, totals))));
	for (size_t i = 0; i < sizeof FUND / sizeof *FUND; i++) {
		int rows = io_report_rows(w->d, FUND[i]);
		if (rows == 0)
			continue;
		pg_heading(w, 3, io_report_table_title(FUND[i]));
		table(w, FUND[i], 0, rows);
	}
	const char *more = io_fund_debts_more(w->d, &w->a);
	if (more) {
		pg_blank(w);
		pg_para(w, "", pg_escape(w, more));
	}
}

static void
changes(struct writer *w, int k)
{
	const struct ntm_report_doc *d = w->d;
	part(w, k, TXT_RP_PART_CHANGES);
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
		table(w, IO_TABLE_CHANGES, i, j - i);
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
issues(struct writer *w, int k)
{
	struct io_report_note *list;
	int n = io_report_notes(w->d, IO_NOTE_ISSUE | IO_NOTE_PROPOSAL, &w->a,
				&list);
	part(w, k, TXT_RT_PART_ISSUES);
	for (int i = 0; i < n; i++) {
		const struct ntm_report_task *t = list[i].task;
		if (list[i].first)
			pg_heading(w, 3, sector_name(w, list[i].sector));
		const char *title = pg_flat(w, pg_safe(w, t->title));
		pg_item(w, pg_escape(w, pg_fmt(w, TXT_RT_TASK, t->number, title)));
		note_item(w, TXT_RP_COL_ISSUE, t->issue);
		note_item(w, TXT_RP_COL_PROPOSAL, t->proposal);
	}
	if (n == 0)
		pg_para(w, "", TXT_RT_NO_ISSUES);
}

int
io_report_text(FILE *f, const struct ntm_report_doc *d, bool markdown,
	       struct ntm_error *e)
{
	(void)e;
	struct layout layouts[IO_REPORT_TABLES] = {0};
	struct writer w = {.f = f, .md = markdown, .blank = true, .d = d,
			   .layouts = layouts};
	title(&w);
	part(&w, 0, TXT_RT_PART_HEAD);
	facts(&w, true);
	part(&w, 1, TXT_RT_PART_SUMMARY);
	facts(&w, false);
	part(&w, 2, TXT_RP_PART_CRITERIA);
	table(&w, IO_TABLE_CRITERIA, 0, io_report_rows(d, IO_TABLE_CRITERIA));
	tasks(&w);
	villages(&w);
	int k = 5;
	if (d->money.has)
		money(&w, k++);
	changes(&w, k++);
	issues(&w, k);
	arena_free(&w.a);
	return NTM_OK;
}
