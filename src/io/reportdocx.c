/* The report as a Word document laid out as a Vietnamese administrative
 * document (Nghị định 30/2020/NĐ-CP, Phụ lục I; shared/domain/
 * report-form.md): the two-column header, "BÁO CÁO" and its subject, parts
 * I–IV as headings (the plan's money, when it has any, a sub-heading of
 * part I before the changes), paragraphs and real tables (columns from
 * reporttable.c), then "Nơi nhận" and the signature block. Only
 * word/document.xml and the core properties are built here; docxxml.c
 * escapes the text and packs the parts. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "lazy_zip.h"
#include "msg.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/model.h"
#include "ntm/reportdoc.h"
#include "reportfund.h"

/* A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm, in
 * twips (1 mm = 56.7). */
enum {
	PAGE_W = 11906, PAGE_H = 16838, M_TOP = 1134, M_BOTTOM = 1134,
	M_LEFT = 1701, M_RIGHT = 851, M_HEADER = 567,
	TEXT_W = PAGE_W - M_LEFT - M_RIGHT,
};
/* Font sizes in half-points. */
enum { SZ_11 = 22, SZ_12 = 24, SZ_13 = 26, SZ_14 = 28 };

enum { R_B = 1, R_I = 2, R_U = 4 };

struct docx {
	struct xb b;
	const struct ntm_report_doc *d;
	struct arena a;
};

/* ---- paragraphs, runs, tables ---------------------------------------------- */

static void
run(struct xb *b, int flags, int sz, const char *text)
{
	xb_raw(b, "<w:r>");
	if (flags || sz) {
		xb_raw(b, "<w:rPr>");
		if (flags & R_B)
			xb_raw(b, "<w:b/><w:bCs/>");
		if (flags & R_I)
			xb_raw(b, "<w:i/><w:iCs/>");
		if (sz)
			xb_rawf(b, "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>", sz, sz);
		if (flags & R_U)
			xb_raw(b, "<w:u w:val=\"single\"/>");
		xb_raw(b, "</w:rPr>");
	}
	xb_raw(b, "<w:t xml:space=\"preserve\">");
	xb_text(b, text, true);
	xb_raw(b, "</w:t></w:r>");
}

/* A paragraph of one run in a style of styles.xml (NULL: Normal). */
static void
para(struct xb *b, const char *style, int flags, int sz, const char *text)
{
	xb_raw(b, "<w:p>");
	if (style)
		xb_rawf(b, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
	if (text && *text)
		run(b, flags, sz, text);
	xb_raw(b, "</w:p>");
}

static void
paraf(struct xb *b, const char *style, int flags, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void
paraf(struct xb *b, const char *style, int flags, const char *fmt, ...)
{
	struct xb line = {0};
	va_list ap;
	va_start(ap, fmt);
	xb_vrawf(&line, fmt, ap);
	va_end(ap);
	para(b, style, flags, 0, line.p);
	free(xb_take(&line, NULL));
}

/* A short centred line, width twips long: the top border of an empty
 * paragraph indented from both sides of a column width wide. */
static void
rule(struct xb *b, int column, int width)
{
	int side = (column - width) / 2;
	xb_rawf(b, "<w:p><w:pPr><w:pStyle w:val=\"Centered\"/><w:pBdr>"
		"<w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/>"
		"</w:pBdr><w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/>"
		"<w:ind w:left=\"%d\" w:right=\"%d\" w:firstLine=\"0\"/>"
		"<w:rPr><w:sz w:val=\"4\"/></w:rPr></w:pPr></w:p>", side, side);
}

/* A table of columns widths w (twips); grid: with borders (Table Grid),
 * else borderless with no cell margins (header and signature). */
static void
table_open(struct xb *b, const int *w, int n, bool grid)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += w[i];
	xb_raw(b, "<w:tbl><w:tblPr>");
	if (grid)
		xb_raw(b, "<w:tblStyle w:val=\"TableGrid\"/>");
	xb_rawf(b, "<w:tblW w:w=\"%d\" w:type=\"dxa\"/>", total);
	xb_raw(b, "<w:tblLayout w:type=\"fixed\"/>");
	if (!grid)
		xb_raw(b, "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/>"
		       "<w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>");
	xb_raw(b, "</w:tblPr><w:tblGrid>");
	for (int i = 0; i < n; i++)
		xb_rawf(b, "<w:gridCol w:w=\"%d\"/>", w[i]);
	xb_raw(b, "</w:tblGrid>");
}

/* A row; a header row repeats at the top of every page. */
static void
row_open(struct xb *b, bool header)
{
	xb_raw(b, header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
		  : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
}

static void
cell_open(struct xb *b, int w)
{
	xb_rawf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr>", w);
}

static void
cell(struct xb *b, int w, const char *style, int flags, const char *text)
{
	cell_open(b, w);
	para(b, style, flags, 0, text);
	xb_raw(b, "</w:tc>");
}

/* A cell of an amount: its paragraph aligned right. */
static void
cell_right(struct xb *b, int w, int flags, const char *text)
{
	cell_open(b, w);
	xb_raw(b, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>"
	       "<w:jc w:val=\"right\"/></w:pPr>");
	run(b, flags, 0, text);
	xb_raw(b, "</w:p></w:tc>");
}

/* ---- the header and the closing blocks ----------------------------------- */

enum { HEAD_LEFT = 3600, HEAD_RIGHT = TEXT_W - HEAD_LEFT };

static void
head_block(struct docx *w)
{
	const struct ntm_report_head *h = &w->d->head;
	struct xb *b = &w->b;
	static const int cols[] = {HEAD_LEFT, HEAD_RIGHT};
	char *upper = docx_upper(h->commune);
	char line[512];

	table_open(b, cols, 2, false);
	row_open(b, false);
	cell_open(b, HEAD_LEFT);
	snprintf(line, sizeof line, TXT_DOCX_BODY, upper ? upper : "");
	para(b, "Centered", R_B, SZ_13, line);
	rule(b, HEAD_LEFT, HEAD_LEFT / 3);
	xb_raw(b, "</w:tc>");
	cell_open(b, HEAD_RIGHT);
	para(b, "Centered", R_B, SZ_12, TXT_DOCX_NATION);
	para(b, "Centered", R_B, SZ_13, TXT_DOCX_MOTTO);
	rule(b, HEAD_RIGHT, 3600);
	xb_raw(b, "</w:tc></w:tr>");
	row_open(b, false);
	cell_open(b, HEAD_LEFT);
	para(b, "Centered", 0, SZ_13, TXT_DOCX_NUMBER);
	xb_raw(b, "</w:tc>");
	cell_open(b, HEAD_RIGHT);
	docx_date_line(h->commune, h->written_on, line, sizeof line);
	para(b, "Centered", R_I, SZ_13, line);
	xb_raw(b, "</w:tc></w:tr></w:tbl>");
	free(upper);
}

static void
title_block(struct docx *w)
{
	const struct ntm_report_head *h = &w->d->head;
	struct xb *b = &w->b;
	char d1[11], d2[11];

	para(b, "Kind", R_B, 0, TXT_RP_KIND);
	para(b, "Centered", R_B, 0, io_report_subject(w->d, &w->a));
	rule(b, TEXT_W, 2000);
	model_date_dmy(h->as_of, d2);
	paraf(b, "Centered", R_I, TXT_DOCX_AS_OF, d2);
	model_date_dmy(h->since, d1);
	paraf(b, "Intro", 0, TXT_DOCX_INTRO, h->commune ? h->commune : "", d1, d2);
}

enum { SIGN_LEFT = 4200, SIGN_RIGHT = TEXT_W - SIGN_LEFT };

static void
sign_block(struct docx *w)
{
	static const char *const recipients[] = TXT_DOCX_RECIPIENT_LIST;
	static const int cols[] = {SIGN_LEFT, SIGN_RIGHT};
	struct xb *b = &w->b;

	para(b, "Plain", 0, 0, NULL);
	table_open(b, cols, 2, false);
	row_open(b, false);
	cell_open(b, SIGN_LEFT);
	para(b, "Plain", R_B | R_I, SZ_12, TXT_DOCX_RECIPIENTS);
	for (size_t i = 0; i < sizeof recipients / sizeof *recipients; i++)
		para(b, "Plain", 0, SZ_11, recipients[i]);
	xb_raw(b, "</w:tc>");
	cell_open(b, SIGN_RIGHT);
	para(b, "Centered", R_B, SZ_13, TXT_DOCX_SIGN_ON_BEHALF);
	para(b, "Centered", R_B, SZ_13, TXT_DOCX_SIGN_ROLE);
	for (int i = 0; i < 4; i++)
		para(b, "Centered", 0, 0, NULL);
	para(b, "Centered", R_B, 0, w->d->head.plan_signer);
	xb_raw(b, "</w:tc></w:tr></w:tbl>");
	para(b, "Plain", 0, 0, NULL);
}

/* ---- tables of reporttable.c ---------------------------------------------- */

/* A column of a Word table: the report column `key` (or `fallback` when
 * that cell is empty), width twips; the cell of column `with`, when not
 * empty, on a line of its own below ("Ghi chú: …"). */
struct col {
	const char *key, *fallback;
	int width;
	const char *with;
};

static const char *
col_title(enum io_report_table t, const char *key)
{
	int n, i = io_report_column_index(t, key);
	const struct io_column *c = io_report_columns(t, &n);
	return i < 0 ? "" : c[i].title;
}

static void
body_cell(struct docx *w, enum io_report_table t, int row, const struct col *c,
	  bool small)
{
	struct io_cell v = {.text = ""}, alt = {.text = ""};
	int i = io_report_column_index(t, c->key), j = io_report_column_index(t, c->fallback);
	if (i >= 0)
		io_report_cell(w->d, t, row, i, &w->a, &v);
	if (!*v.text && j >= 0) {
		io_report_cell(w->d, t, row, j, &w->a, &alt);
		alt.strong = alt.strong || v.strong;
		v = alt;
	}
	const char *text = v.text;
	if (v.overdue && v.kind == IO_CELL_DATE) {
		size_t len = strlen(v.text) + strlen(TXT_RP_OVERDUE) + 4;
		char *s = arena_alloc(&w->a, len);
		snprintf(s, len, "%s\n(%s)", v.text, TXT_RP_OVERDUE);
		text = s;
	}
	if (c->with) {
		struct io_cell x;
		io_report_cell(w->d, t, row, io_report_column_index(t, c->with),
			       &w->a, &x);
		if (*x.text) {
			const char *label = col_title(t, c->with);
			size_t len = strlen(text) + strlen(label) + strlen(x.text) + 4;
			char *s = arena_alloc(&w->a, len);
			snprintf(s, len, "%s\n%s: %s", text, label, x.text);
			text = s;
		}
	}
	if (v.kind == IO_CELL_MONEY || v.kind == IO_CELL_PERCENT)
		cell_right(&w->b, c->width, v.strong ? R_B : 0, text);
	else
		cell(&w->b, c->width, small ? "TableSmall" : "TableText",
		     v.strong || v.overdue ? R_B : 0, text);
}

/* Rows [from, to) of table t as a Word table with a repeated header row. */
static void
report_table(struct docx *w, enum io_report_table t, const struct col *cols,
	     int ncols, int from, int to)
{
	struct xb *b = &w->b;
	int widths[16] = {0};
	if (from >= to) {
		para(b, NULL, 0, 0, TXT_DOCX_NO_ROWS);
		return;
	}
	for (int i = 0; i < ncols; i++)
		widths[i] = cols[i].width;
	table_open(b, widths, ncols, true);
	row_open(b, true);
	bool small = t == IO_TABLE_CRITERIA;
	for (int i = 0; i < ncols; i++)
		cell(b, cols[i].width, small ? "TableHeadSmall" : "TableHead", 0,
		     col_title(t, cols[i].key));
	xb_raw(b, "</w:tr>");
	for (int r = from; r < to; r++) {
		row_open(b, false);
		for (int i = 0; i < ncols; i++)
			body_cell(w, t, r, &cols[i], small);
		xb_raw(b, "</w:tr>");
	}
	xb_raw(b, "</w:tbl>");
	para(b, "Plain", 0, 0, NULL);
}

static const struct col CRITERIA_COLS[] = {
	{"code", "criterion", 800, NULL}, {"name", NULL, 2650, NULL},
	{"unit", NULL, 750, NULL}, {"national_target", NULL, 1050, NULL},
	{"plan_target", NULL, 1050, NULL}, {"start_value", NULL, 900, NULL},
	{"value", NULL, 950, NULL}, {"status", NULL, TEXT_W - 8150, NULL},
};
static const struct col TASK_COLS[] = {
	{"number", NULL, 600, NULL}, {"title", NULL, 3900, "note"},
	{"responsible", NULL, 1650, NULL}, {"status", NULL, 1300, NULL},
	{"progress", NULL, 900, NULL}, {"due", NULL, TEXT_W - 8350, NULL},
};
static const struct col VILLAGE_COLS[] = {
	{"village", NULL, 1800, NULL}, {"items_done", NULL, 1000, NULL},
	{"items_total", NULL, 1000, NULL}, {"model_village", NULL, 1100, NULL},
	{"items_not_done", NULL, TEXT_W - 4900, NULL},
};
/* money: 9354 twips of text width, amounts 1 700 each */
static const struct col FUND_SOURCE_COLS[] = {
	{"source", NULL, 2900, NULL}, {"planned", NULL, 1700, NULL},
	{"received", NULL, 1700, NULL}, {"paid", NULL, 1700, NULL},
	{"disbursed", NULL, TEXT_W - 8000, NULL},
};
static const struct col FUND_SECTOR_COLS[] = {
	{"sector", NULL, 2000, NULL}, {"planned", NULL, 1520, NULL},
	{"paid", NULL, 1520, NULL}, {"completed", NULL, 1520, NULL},
	{"debt", NULL, 1520, NULL}, {"disbursed", NULL, TEXT_W - 8080, NULL},
};
static const struct col FUND_DEBT_COLS[] = {
	{"number", NULL, 600, NULL}, {"title", NULL, 3650, NULL},
	{"completed", NULL, 1700, NULL}, {"paid", NULL, 1700, NULL},
	{"debt", NULL, TEXT_W - 7650, NULL},
};
#define NCOLS(c) ((int)(sizeof c / sizeof *c))

/* ---- part I ----------------------------------------------------------------- */

static void
summary(struct docx *w)
{
	struct io_fact *facts;
	int n = io_report_facts(w->d, &w->a, &facts);
	for (int i = 0; i < n; i++)
		if (!facts[i].head)
			paraf(&w->b, NULL, 0, TXT_DOCX_FACT, facts[i].label,
			      facts[i].value.text);
}

static void
tasks_by_sector(struct docx *w, int part)
{
	const struct ntm_report_doc *d = w->d;
	int k = 0;
	for (int s = 0; s < d->nsectors; s++) {
		const struct ntm_report_sector *sec = &d->sectors[s];
		if (sec->count <= 0)
			continue;
		paraf(&w->b, "Heading3", 0, "%d.%d. %s", part, ++k,
		      sec->name ? sec->name : "");
		report_table(w, IO_TABLE_TASKS, TASK_COLS, NCOLS(TASK_COLS),
			     sec->first, sec->first + sec->count);
	}
	if (!k)
		para(&w->b, NULL, 0, 0, TXT_DOCX_NO_ROWS);
}

static void
changes(struct docx *w)
{
	const struct ntm_report_doc *d = w->d;
	int shown = d->nchanges < IO_DOCX_MAX_CHANGES ? d->nchanges : IO_DOCX_MAX_CHANGES;
	const char *day = NULL;
	char buf[11];
	if (!d->nchanges)
		para(&w->b, NULL, 0, 0, TXT_DOCX_NO_CHANGES);
	for (int i = 0; i < shown; i++) {
		const struct ntm_report_change *h = &d->changes[i];
		if (!day || !h->day || strcmp(day, h->day) != 0) {
			model_date_dmy(h->day, buf);
			paraf(&w->b, "Heading4", 0, TXT_DOCX_DAY, buf);
			day = h->day ? h->day : "";
		}
		struct xb line = {0};
		xb_rawf(&line, TXT_DOCX_CHANGE, h->time ? h->time : "",
			h->who ? h->who : "", h->what ? h->what : "");
		if (h->before && h->after)
			xb_rawf(&line, TXT_DOCX_CHANGE_FROM, h->before, h->after);
		else if (h->after)
			xb_rawf(&line, TXT_DOCX_CHANGE_TO, h->after);
		else if (h->before)
			xb_rawf(&line, TXT_DOCX_CHANGE_WAS, h->before);
		para(&w->b, NULL, 0, 0, line.p);
		free(xb_take(&line, NULL));
	}
	int more = d->nchanges - shown + d->changes_left_out;
	if (more > 0)
		paraf(&w->b, NULL, R_I, TXT_DOCX_CHANGES_MORE, more);
}

/* Sub-heading n of part I, the title of table t. */
static void
sub_heading(struct docx *w, int n, enum io_report_table t)
{
	paraf(&w->b, "Heading2", 0, TXT_DOCX_SUB, n, io_report_table_title(t));
}

/* Sub-heading n of part I: the plan's money (III.4 of the plan), when it
 * has any: the totals in a sentence, then a), b), c): the tables by
 * source, by sector and the tasks with the greatest debt. */
static void
money(struct docx *w, int n)
{
	static const struct {
		enum io_report_table t;
		const struct col *cols;
		int ncols;
	} FUND[] = {
		{IO_TABLE_FUND_SOURCES, FUND_SOURCE_COLS, NCOLS(FUND_SOURCE_COLS)},
		{IO_TABLE_FUND_SECTORS, FUND_SECTOR_COLS, NCOLS(FUND_SECTOR_COLS)},
		{IO_TABLE_FUND_DEBTS, FUND_DEBT_COLS, NCOLS(FUND_DEBT_COLS)},
	};
	paraf(&w->b, "Heading2", 0, TXT_DOCX_SUB, n, TXT_RF_PART);
	para(&w->b, NULL, 0, 0, io_fund_sentence(w->d, &w->a));
	char letter = 'a';
	for (size_t i = 0; i < sizeof FUND / sizeof *FUND; i++) {
		int rows = io_report_rows(w->d, FUND[i].t);
		if (rows == 0)
			continue;
		paraf(&w->b, "Heading3", 0, "%c) %s", letter++,
		      io_report_table_title(FUND[i].t));
		report_table(w, FUND[i].t, FUND[i].cols, FUND[i].ncols, 0, rows);
	}
	const char *more = io_fund_debts_more(w->d, &w->a);
	if (more)
		para(&w->b, NULL, R_I, 0, more);
}

static void
part_results(struct docx *w)
{
	const struct ntm_report_doc *d = w->d;
	para(&w->b, "Heading1", 0, 0, TXT_DOCX_PART1);
	paraf(&w->b, "Heading2", 0, TXT_DOCX_SUB, 1, TXT_DOCX_SUMMARY);
	summary(w);
	sub_heading(w, 2, IO_TABLE_CRITERIA);
	report_table(w, IO_TABLE_CRITERIA, CRITERIA_COLS, NCOLS(CRITERIA_COLS),
		     0, io_report_rows(d, IO_TABLE_CRITERIA));
	sub_heading(w, 3, IO_TABLE_TASKS);
	tasks_by_sector(w, 3);
	sub_heading(w, 4, IO_TABLE_VILLAGES);
	report_table(w, IO_TABLE_VILLAGES, VILLAGE_COLS, NCOLS(VILLAGE_COLS),
		     0, io_report_rows(d, IO_TABLE_VILLAGES));
	int n = 5;
	if (d->money.has)
		money(w, n++);
	sub_heading(w, n, IO_TABLE_CHANGES);
	changes(w);
}

/* ---- parts II to IV ---------------------------------------------------------- */

/* The issues (or the proposals) by sector ("1. Giao thông", "- task:
 * note"), or `none` when no task has one. */
static void
notes_by_sector(struct docx *w, bool proposals, const char *none)
{
	struct io_report_note *list;
	int n = io_report_notes(w->d, proposals ? IO_NOTE_PROPOSAL : IO_NOTE_ISSUE,
				&w->a, &list);
	for (int i = 0, k = 0; i < n; i++) {
		const struct ntm_report_task *t = list[i].task;
		if (list[i].first)
			paraf(&w->b, "Heading2", 0, TXT_DOCX_SUB, ++k,
			      list[i].sector->name ? list[i].sector->name : "");
		paraf(&w->b, NULL, 0, TXT_DOCX_NOTED, t->title ? t->title : "",
		      proposals ? t->proposal : t->issue);
	}
	if (n == 0)
		para(&w->b, NULL, 0, 0, none);
}

/* Overdue first, then by due date (none last), then by number. */
static int
next_order(const void *x, const void *y)
{
	const struct ntm_report_task *a = *(const struct ntm_report_task *const *)x;
	const struct ntm_report_task *b = *(const struct ntm_report_task *const *)y;
	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	bool ad = a->due && *a->due, bd = b->due && *b->due;
	if (ad != bd)
		return ad ? -1 : 1;
	int c = ad ? strcmp(a->due, b->due) : 0;
	return c ? c : (a->number > b->number) - (a->number < b->number);
}

static void
next_task(struct docx *w, const struct ntm_report_task *t)
{
	struct xb line = {0};
	char due[11];
	xb_rawf(&line, TXT_DOCX_NEXT, t->title ? t->title : "");
	if (t->responsible && *t->responsible)
		xb_rawf(&line, TXT_DOCX_NEXT_WHO, t->responsible);
	if (t->due && *t->due) {
		model_date_dmy(t->due, due);
		xb_rawf(&line, TXT_DOCX_NEXT_DUE, due);
	}
	if (t->overdue)
		xb_raw(&line, TXT_DOCX_NEXT_LATE);
	if (t->progress > 0)
		xb_rawf(&line, TXT_DOCX_NEXT_PROG, t->progress);
	para(&w->b, NULL, t->overdue ? R_B : 0, 0, line.p);
	free(xb_take(&line, NULL));
}

static void
part_next(struct docx *w)
{
	const struct ntm_report_doc *d = w->d;
	const struct ntm_report_task **open =
		arena_alloc(&w->a, (size_t)(d->ntasks + 1) * sizeof *open);
	int n = 0;
	for (int i = 0; i < d->ntasks; i++)
		if (d->tasks[i].status != NTM_TASK_HOAN_THANH)
			open[n++] = &d->tasks[i];
	if (!n) {
		para(&w->b, NULL, 0, 0, TXT_DOCX_ALL_DONE);
		return;
	}
	qsort(open, (size_t)n, sizeof *open, next_order);
	para(&w->b, NULL, 0, 0, TXT_DOCX_NEXT_INTRO);
	for (int i = 0; i < n; i++)
		next_task(w, open[i]);
}

/* ---- the document --------------------------------------------------------- */

static void
section(struct xb *b)
{
	xb_rawf(b, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"%s\"/>"
		"<w:headerReference w:type=\"first\" r:id=\"%s\"/>"
		"<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
		"<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\""
		" w:header=\"%d\" w:footer=\"%d\" w:gutter=\"0\"/>"
		"<w:titlePg/></w:sectPr>", DOCX_RID_HEADER, DOCX_RID_FIRST,
		PAGE_W, PAGE_H, M_TOP, M_RIGHT, M_BOTTOM, M_LEFT, M_HEADER,
		M_HEADER);
}

static void
document(struct docx *w)
{
	struct xb *b = &w->b;
	xb_raw(b, DOCX_XML_DECL "<w:document xmlns:w=\"" DOCX_NS_W "\" xmlns:r=\""
	       DOCX_NS_R "\"><w:body>");
	head_block(w);
	title_block(w);
	part_results(w);
	para(b, "Heading1", 0, 0, TXT_DOCX_PART2);
	notes_by_sector(w, false, TXT_DOCX_NO_ISSUES);
	para(b, "Heading1", 0, 0, TXT_DOCX_PART3);
	part_next(w);
	para(b, "Heading1", 0, 0, TXT_DOCX_PART4);
	notes_by_sector(w, true, TXT_DOCX_NO_PROPOSALS);
	sign_block(w);
	section(b);
	xb_raw(b, "</w:body></w:document>");
}

int
io_report_docx(FILE *f, const struct ntm_report_doc *d, struct ntm_error *e)
{
	if (io_lazy_zip(e) != NTM_OK)
		return NTM_FAIL;
	struct docx w = {.d = d};
	struct docx_meta meta = {.author = d->head.author, .date = d->head.written_on};
	char title[512];

	document(&w);
	size_t len;
	char *body = xb_take(&w.b, &len);
	snprintf(title, sizeof title, TXT_DOCX_TITLE,
		 d->head.commune ? d->head.commune : "");
	meta.title = title;
	int rc = body ? docx_package(f, body, len, &meta, e)
		      : ntm_fail(e, NTM_FAIL, MSG_DOCX_ZIP);
	free(body);
	arena_free(&w.a);
	return rc;
}
