/* The report's tables as cells and its header and summary as facts: the
 * one place that says what every format shows in which column, so the
 * text, CSV, XLSX and DOCX writers cannot drift apart. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"
#include "ntm/text.h"
#include "reportfund.h"

/* ---- columns --------------------------------------------------------------- */

enum { C_CRIT, C_CODE, C_NAME, C_UNIT, C_NATIONAL, C_PLAN, C_START, C_NOW,
       C_STATUS, C_DATE, C_SOURCE, NCRIT_COLS };
static const struct io_column CRITERIA_COLS[NCRIT_COLS] = {
	[C_CRIT] = {TXT_RP_COL_CRIT, "criterion", 8},
	[C_CODE] = {TXT_RP_COL_CODE, "code", 8},
	[C_NAME] = {TXT_RP_COL_NAME, "name", 50},
	[C_UNIT] = {TXT_RP_COL_UNIT, "unit", 10},
	[C_NATIONAL] = {TXT_RP_COL_NATIONAL, "national_target", 14},
	[C_PLAN] = {TXT_RP_COL_PLAN, "plan_target", 14},
	[C_START] = {TXT_RP_COL_START, "start_value", 11},
	[C_NOW] = {TXT_RP_COL_NOW, "value", 11},
	[C_STATUS] = {TXT_RP_COL_STATUS, "status", 14},
	[C_DATE] = {TXT_RP_COL_DATE, "as_of", 11},
	[C_SOURCE] = {TXT_RP_COL_SOURCE, "note", 30},
};

enum { T_SECTOR, T_NUMBER, T_TITLE, T_WHO, T_STATUS, T_PROGRESS, T_DUE,
       T_OVERDUE, T_ISSUE, T_PROPOSAL, T_NOTE, NTASK_COLS };
static const struct io_column TASK_COLS[NTASK_COLS] = {
	[T_SECTOR] = {TXT_RP_COL_SECTOR, "sector", 16},
	[T_NUMBER] = {TXT_RP_COL_NUMBER, "number", 6},
	[T_TITLE] = {TXT_RP_COL_TASK, "title", 50},
	[T_WHO] = {TXT_RP_COL_WHO, "responsible", 20},
	[T_STATUS] = {TXT_RP_COL_TSTATUS, "status", 16},
	[T_PROGRESS] = {TXT_RP_COL_PROGRESS, "progress", 9},
	[T_DUE] = {TXT_RP_COL_DUE, "due", 11},
	[T_OVERDUE] = {TXT_RP_COL_OVERDUE, "overdue", 9},
	[T_ISSUE] = {TXT_RP_COL_ISSUE, "issue", 30},
	[T_PROPOSAL] = {TXT_RP_COL_PROPOSAL, "proposal", 30},
	[T_NOTE] = {TXT_RP_COL_NOTE, "note", 30},
};

enum { V_NAME, V_DONE, V_ITEMS, V_SHARE, V_MODEL, V_MISSING, NVILLAGE_COLS };
static const struct io_column VILLAGE_COLS[NVILLAGE_COLS] = {
	[V_NAME] = {TXT_RP_COL_VILLAGE, "village", 18},
	[V_DONE] = {TXT_RP_COL_DONE, "items_done", 10},
	[V_ITEMS] = {TXT_RP_COL_ITEMS, "items_total", 12},
	[V_SHARE] = {TXT_RP_COL_SHARE, "share", 8},
	[V_MODEL] = {TXT_RP_COL_MODEL, "model_village", 13},
	[V_MISSING] = {TXT_RP_COL_MISSING, "items_not_done", 60},
};

enum { H_DAY, H_TIME, H_WHO, H_WHAT, H_BEFORE, H_AFTER, NCHANGE_COLS };
static const struct io_column CHANGE_COLS[NCHANGE_COLS] = {
	[H_DAY] = {TXT_RP_COL_DAY, "date", 11},
	[H_TIME] = {TXT_RP_COL_TIME, "time", 6},
	[H_WHO] = {TXT_RP_COL_CHANGER, "who", 22},
	[H_WHAT] = {TXT_RP_COL_WHAT, "what", 45},
	[H_BEFORE] = {TXT_RP_COL_BEFORE, "before", 25},
	[H_AFTER] = {TXT_RP_COL_AFTER, "after", 25},
};

static const struct {
	const struct io_column *cols;
	int n;
	const char *title, *sheet;
} TABLES[IO_REPORT_TABLES] = {
	[IO_TABLE_CRITERIA] = {CRITERIA_COLS, NCRIT_COLS, TXT_RP_PART_CRITERIA,
			       TXT_RP_SHEET_CRITERIA},
	[IO_TABLE_TASKS] = {TASK_COLS, NTASK_COLS, TXT_RP_PART_TASKS,
			    TXT_RP_SHEET_TASKS},
	[IO_TABLE_VILLAGES] = {VILLAGE_COLS, NVILLAGE_COLS, TXT_RP_PART_VILLAGES,
			       TXT_RP_SHEET_VILLAGES},
	[IO_TABLE_CHANGES] = {CHANGE_COLS, NCHANGE_COLS, TXT_RP_PART_CHANGES,
			      TXT_RP_SHEET_CHANGES},
	/* the money tables' columns and cells are reportfund.c's */
	[IO_TABLE_FUND_SOURCES] = {NULL, 0, TXT_RF_BY_SOURCE, TXT_RF_SHEET_SOURCES},
	[IO_TABLE_FUND_SECTORS] = {NULL, 0, TXT_RF_BY_SECTOR, TXT_RF_SHEET_SECTORS},
	[IO_TABLE_FUND_DEBTS] = {NULL, 0, TXT_RF_DEBTS, TXT_RF_SHEET_DEBTS},
};

const struct io_column *
io_report_columns(enum io_report_table t, int *n)
{
	if (!TABLES[t].cols)
		return io_fund_columns(t, n);
	*n = TABLES[t].n;
	return TABLES[t].cols;
}

int
io_report_column_index(enum io_report_table t, const char *key)
{
	int n;
	const struct io_column *cols = io_report_columns(t, &n);
	for (int i = 0; key && i < n; i++)
		if (strcmp(cols[i].key, key) == 0)
			return i;
	return -1;
}

const char *
io_report_table_title(enum io_report_table t)
{
	return TABLES[t].title;
}

const char *
io_report_sheet_name(enum io_report_table t)
{
	return TABLES[t].sheet;
}

bool
io_report_table_read(const char *word, enum io_report_table *out)
{
	static const char *const ENGLISH[IO_REPORT_TABLES] = {
		"criteria", "tasks", "villages", "changes", "sources", "sectors",
		"debts",
	};
	char *typed = word ? text_fold(word) : NULL;
	bool found = false;
	for (int i = 0; typed && !found && i < IO_REPORT_TABLES; i++) {
		char *sheet = text_fold(TABLES[i].sheet);
		found = strcmp(typed, ENGLISH[i]) == 0 ||
			(sheet && strcmp(typed, sheet) == 0);
		if (found)
			*out = (enum io_report_table)i;
		free(sheet);
	}
	free(typed);
	return found;
}

int
io_report_rows(const struct ntm_report_doc *d, enum io_report_table t)
{
	switch (t) {
	case IO_TABLE_CRITERIA: return d->ncrit + d->nind;
	case IO_TABLE_TASKS: return d->ntasks;
	case IO_TABLE_VILLAGES: return d->nvillages;
	case IO_TABLE_CHANGES: return d->nchanges;
	case IO_TABLE_FUND_SOURCES:
	case IO_TABLE_FUND_SECTORS:
	case IO_TABLE_FUND_DEBTS: return io_fund_rows(d, t);
	}
	return 0;
}

/* ---- cells ----------------------------------------------------------------- */

static void
text_cell(struct io_cell *c, struct arena *a, const char *s)
{
	c->kind = s && *s ? IO_CELL_TEXT : IO_CELL_EMPTY;
	c->text = s ? arena_strdup(a, s) : "";
}

static void
int_cell(struct io_cell *c, struct arena *a, int v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%d", v);
	c->kind = IO_CELL_INT;
	c->number = v;
	c->text = arena_strdup(a, buf);
}

/* A share of 100, shown "85%" and kept as the fraction 0.85. */
static void
percent_cell(struct io_cell *c, struct arena *a, double percent)
{
	char buf[48];
	model_format_quantity(NTM_KIND_PERCENT, percent, buf, sizeof buf);
	c->kind = IO_CELL_PERCENT;
	c->number = percent / 100.0;
	c->text = arena_strdup(a, buf);
}

static void
date_cell(struct io_cell *c, struct arena *a, const char *iso)
{
	if (!iso || !*iso) {
		text_cell(c, a, NULL);
		return;
	}
	char buf[11];
	model_date_dmy(iso, buf);
	c->kind = IO_CELL_DATE;
	c->iso = arena_strdup(a, iso);
	c->text = arena_strdup(a, buf);
}

/* A measured value: a number (a percent as its fraction), a bool as its
 * word. */
static void
value_cell(struct io_cell *c, struct arena *a, enum ntm_kind kind, bool has,
	   double v)
{
	if (!has) {
		text_cell(c, a, NULL);
		return;
	}
	if (kind == NTM_KIND_PERCENT) {
		percent_cell(c, a, v);
		return;
	}
	char buf[48];
	model_format_quantity(kind, v, buf, sizeof buf);
	c->text = arena_strdup(a, buf);
	c->kind = kind == NTM_KIND_BOOL ? IO_CELL_TEXT : IO_CELL_NUMBER;
	c->number = v;
}

static void
target_cell(struct io_cell *c, struct arena *a, enum ntm_kind kind,
	    const struct ntm_target *t)
{
	char buf[96] = "";
	if (t->set)
		model_format_target(kind, t, " ", buf, sizeof buf);
	text_cell(c, a, buf);
}

/* Row r of the criteria table: criterion k's row, then its indicators'. */
static void
criteria_cell(const struct ntm_report_doc *d, int row, int col,
	      struct arena *a, struct io_cell *c)
{
	int r = 0;
	for (int k = 0; k < d->ncrit; k++) {
		const struct ntm_report_criterion *cr = &d->crit[k];
		if (row == r) {
			c->strong = true;
			switch (col) {
			case C_CRIT: int_cell(c, a, cr->number); return;
			case C_NAME: text_cell(c, a, cr->name); return;
			case C_NOW: {
				char buf[32];
				snprintf(buf, sizeof buf, TXT_RP_CRIT_OF,
					 cr->indicators.done, cr->indicators.total);
				text_cell(c, a, buf);
				return;
			}
			case C_STATUS:
				text_cell(c, a, model_status_label(cr->status));
				c->status = (int)cr->status;
				return;
			default: text_cell(c, a, NULL); return;
			}
		}
		if (row <= r + cr->count) {
			const struct ntm_report_indicator *in =
				&d->ind[cr->first + row - r - 1];
			switch (col) {
			case C_CRIT: int_cell(c, a, cr->number); return;
			case C_CODE: text_cell(c, a, in->code); return;
			case C_NAME: text_cell(c, a, in->name); return;
			case C_UNIT:
				text_cell(c, a, in->unit_label ? in->unit_label
					  : model_unit_suffix(in->kind));
				return;
			case C_NATIONAL: target_cell(c, a, in->kind, &in->national); return;
			case C_PLAN: target_cell(c, a, in->kind, &in->plan); return;
			case C_START: value_cell(c, a, in->kind, in->has_start, in->start); return;
			case C_NOW: value_cell(c, a, in->kind, in->has_value, in->value); return;
			case C_STATUS:
				text_cell(c, a, model_status_label(in->status));
				c->status = (int)in->status;
				return;
			case C_DATE: date_cell(c, a, in->has_value ? in->value_on : NULL); return;
			case C_SOURCE: text_cell(c, a, in->note); return;
			}
		}
		r += 1 + cr->count;
	}
	text_cell(c, a, NULL);
}

static const struct ntm_report_sector *
sector_of(const struct ntm_report_doc *d, int task)
{
	for (int s = 0; s < d->nsectors; s++)
		if (task >= d->sectors[s].first &&
		    task < d->sectors[s].first + d->sectors[s].count)
			return &d->sectors[s];
	return NULL;
}

static void
task_cell(const struct ntm_report_doc *d, int row, int col, struct arena *a,
	  struct io_cell *c)
{
	const struct ntm_report_task *t = &d->tasks[row];
	const struct ntm_report_sector *s = sector_of(d, row);
	c->overdue = t->overdue;
	switch (col) {
	case T_SECTOR:
		text_cell(c, a, !s ? NULL : s->name ? s->name : s->short_name);
		return;
	case T_NUMBER: int_cell(c, a, t->number); return;
	case T_TITLE: text_cell(c, a, t->title); return;
	case T_WHO: text_cell(c, a, t->responsible); return;
	case T_STATUS: text_cell(c, a, model_task_status_label(t->status)); return;
	case T_PROGRESS: percent_cell(c, a, t->progress); return;
	case T_DUE: date_cell(c, a, t->due); return;
	case T_OVERDUE: text_cell(c, a, t->overdue ? TXT_RP_OVERDUE : NULL); return;
	case T_ISSUE: text_cell(c, a, t->issue); return;
	case T_PROPOSAL: text_cell(c, a, t->proposal); return;
	case T_NOTE: text_cell(c, a, t->note); return;
	}
	text_cell(c, a, NULL);
}

/* The titles joined by "; " (in a). */
static const char *
joined(const char *const *list, int n, struct arena *a)
{
	size_t len = 1;
	for (int i = 0; i < n; i++)
		len += strlen(list[i]) + strlen(TXT_RP_LIST_SEP);
	char *out = arena_alloc(a, len), *end = out;
	for (int i = 0; i < n; i++)
		end = stpcpy(i ? stpcpy(end, TXT_RP_LIST_SEP) : end, list[i]);
	*end = '\0';
	return out;
}

static void
village_cell(const struct ntm_report_doc *d, int row, int col,
	     struct arena *a, struct io_cell *c)
{
	const struct ntm_report_village *v = &d->villages[row];
	bool all = v->items.total > 0 && v->items.done == v->items.total;
	switch (col) {
	case V_NAME: text_cell(c, a, v->name); return;
	case V_DONE: int_cell(c, a, v->items.done); return;
	case V_ITEMS: int_cell(c, a, v->items.total); return;
	case V_SHARE: percent_cell(c, a, model_gauge_percent(v->items)); return;
	case V_MODEL:
		text_cell(c, a, all ? TXT_RP_YES : TXT_RP_NO);
		c->status = all ? NTM_STATUS_DAT : NTM_STATUS_CHUA_DAT;
		return;
	case V_MISSING: text_cell(c, a, joined(v->missing, v->nmissing, a)); return;
	}
	text_cell(c, a, NULL);
}

static void
change_cell(const struct ntm_report_doc *d, int row, int col,
	    struct arena *a, struct io_cell *c)
{
	const struct ntm_report_change *h = &d->changes[row];
	switch (col) {
	case H_DAY: date_cell(c, a, h->day); return;
	case H_TIME: text_cell(c, a, h->time); return;
	case H_WHO: text_cell(c, a, h->who); return;
	case H_WHAT: text_cell(c, a, h->what); return;
	case H_BEFORE: text_cell(c, a, h->before); return;
	case H_AFTER: text_cell(c, a, h->after); return;
	}
	text_cell(c, a, NULL);
}

void
io_report_cell(const struct ntm_report_doc *d, enum io_report_table t,
	       int row, int col, struct arena *a, struct io_cell *out)
{
	*out = (struct io_cell){.status = -1};
	switch (t) {
	case IO_TABLE_CRITERIA: criteria_cell(d, row, col, a, out); return;
	case IO_TABLE_TASKS: task_cell(d, row, col, a, out); return;
	case IO_TABLE_VILLAGES: village_cell(d, row, col, a, out); return;
	case IO_TABLE_CHANGES: change_cell(d, row, col, a, out); return;
	case IO_TABLE_FUND_SOURCES:
	case IO_TABLE_FUND_SECTORS:
	case IO_TABLE_FUND_DEBTS: io_fund_cell(d, t, row, col, a, out); return;
	}
}

/* ---- difficulties and proposals ------------------------------------------- */

static bool
noted(const struct ntm_report_task *t, unsigned which)
{
	return ((which & IO_NOTE_ISSUE) && t->issue && *t->issue) ||
	       ((which & IO_NOTE_PROPOSAL) && t->proposal && *t->proposal);
}

int
io_report_notes(const struct ntm_report_doc *d, unsigned which,
		struct arena *a, struct io_report_note **out)
{
	int n = 0;
	*out = arena_alloc(a, sizeof **out * (size_t)(d->ntasks + 1));
	for (int s = 0; s < d->nsectors; s++) {
		const struct ntm_report_sector *sec = &d->sectors[s];
		bool first = true;
		for (int i = sec->first; i < sec->first + sec->count; i++) {
			if (!noted(&d->tasks[i], which))
				continue;
			(*out)[n++] = (struct io_report_note){sec, &d->tasks[i], first};
			first = false;
		}
	}
	return n;
}

/* ---- facts ----------------------------------------------------------------- */

static struct io_fact *
fact(struct io_fact *list, int *n, const char *label, bool head)
{
	struct io_fact *f = &list[(*n)++];
	*f = (struct io_fact){.label = label, .head = head};
	f->value.status = -1;
	return f;
}

/* "12/19": done out of total, kept as the number done. */
static void
gauge_fact(struct io_fact *f, struct arena *a, struct ntm_gauge g)
{
	char buf[32];
	snprintf(buf, sizeof buf, TXT_RP_OF, g.done, g.total);
	f->value.kind = IO_CELL_INT;
	f->value.number = g.done;
	f->value.text = arena_strdup(a, buf);
	f->gauge = g;
}

int
io_report_facts(const struct ntm_report_doc *d, struct arena *a,
		struct io_fact **out)
{
	enum { MAX_FACTS = 16 };
	struct io_fact *list = arena_alloc(a, MAX_FACTS * sizeof *list);
	const struct ntm_report_head *h = &d->head;
	const struct ntm_report_summary *s = &d->sum;
	char buf[512], d1[11], d2[11];
	int n = 0;

	text_cell(&fact(list, &n, TXT_RP_F_COMMUNE, true)->value, a, h->commune);
	model_date_dmy(h->plan_issued_on, d1);
	if (!h->plan_number)
		snprintf(buf, sizeof buf, "%s", TXT_RP_F_NO_PLAN);
	else if (h->plan_issued_on)
		snprintf(buf, sizeof buf, TXT_RP_F_PLAN_FMT, h->plan_number, d1);
	else
		snprintf(buf, sizeof buf, TXT_RP_F_PLAN_NODATE, h->plan_number);
	text_cell(&fact(list, &n, TXT_RP_F_PLAN, true)->value, a, buf);
	model_date_dmy(h->since, d1);
	model_date_dmy(h->as_of, d2);
	snprintf(buf, sizeof buf, TXT_RP_F_PERIOD_FMT, d1, d2);
	text_cell(&fact(list, &n, TXT_RP_F_PERIOD, true)->value, a, buf);
	date_cell(&fact(list, &n, TXT_RP_F_WRITTEN, true)->value, a, h->written_on);
	text_cell(&fact(list, &n, TXT_RP_F_AUTHOR, true)->value, a, h->author);

	gauge_fact(fact(list, &n, TXT_RP_F_CRITERIA, false), a, s->criteria);
	gauge_fact(fact(list, &n, TXT_RP_F_INDICATORS, false), a, s->indicators);
	gauge_fact(fact(list, &n, TXT_RP_F_TASKS_DONE, false), a,
		   (struct ntm_gauge){s->tasks_done, s->tasks_total});
	gauge_fact(fact(list, &n, TXT_RP_F_TASKS_DOING, false), a,
		   (struct ntm_gauge){s->tasks_doing, s->tasks_total});
	struct io_fact *late = fact(list, &n, TXT_RP_F_TASKS_LATE, false);
	int_cell(&late->value, a, s->tasks_overdue);
	late->value.overdue = s->tasks_overdue > 0;
	gauge_fact(fact(list, &n, TXT_RP_F_VILLAGES, false), a, s->villages);
	gauge_fact(fact(list, &n, TXT_RP_F_ITEMS, false), a, s->items);
	struct io_fact *gauge = fact(list, &n, TXT_RP_F_GAUGE, false);
	percent_cell(&gauge->value, a, s->progress);
	/* shown rounded ("5%"), kept exact (1/19 = 0.0526…) */
	gauge->value.number = s->criteria.total > 0
		? (double)s->criteria.done / s->criteria.total : 0;
	gauge->gauge = (struct ntm_gauge){s->progress, 100};
	*out = list;
	return n;
}

const char *
io_report_subject(const struct ntm_report_doc *d, struct arena *a)
{
	const struct ntm_report_head *h = &d->head;
	struct ntm_date as_of = {0}, issued;
	model_parse_date(h->as_of ? h->as_of : "", &as_of);
	int year = h->plan_year ? h->plan_year : as_of.year;
	char buf[512];
	if (!h->plan_number) {
		snprintf(buf, sizeof buf, TXT_RP_SUBJECT, year);
	} else if (h->plan_issued_on &&
		   !model_parse_date(h->plan_issued_on, &issued)) {
		char day[16];
		snprintf(day, sizeof day, "%d/%d/%d", issued.day, issued.month,
			 issued.year);
		snprintf(buf, sizeof buf, TXT_RP_SUBJECT_PLAN, h->plan_number,
			 day, year);
	} else {
		snprintf(buf, sizeof buf, TXT_RP_SUBJECT_NODATE, h->plan_number,
			 year);
	}
	return arena_strdup(a, buf);
}

const char *
io_report_bar(struct ntm_gauge g, int width, bool ascii, struct arena *a)
{
	const char *full = ascii ? "#" : "\u2588", *empty = ascii ? "-" : "\u2591";
	int pct = model_gauge_percent(g);
	int filled = g.total > 0 ? (int)((long)width * g.done / g.total) : 0;
	size_t cap = (size_t)width * 3 + 16;
	char *out = arena_alloc(a, cap);
	size_t len = 0;
	out[len++] = '[';
	for (int i = 0; i < width; i++) {
		const char *p = i < filled ? full : empty;
		size_t k = strlen(p);
		memcpy(out + len, p, k);
		len += k;
	}
	snprintf(out + len, cap - len, "] %d%%", pct);
	return out;
}
