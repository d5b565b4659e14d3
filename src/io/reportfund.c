/* The report's money part (huy động và giải ngân nguồn vốn): the plan's
 * capital by source, by sector and the tasks with the greatest debt as
 * the cells of three tables, and the totals as a sentence and as facts.
 * Every amount is shown by the model (model_money_format) and every share
 * disbursed computed by it (model_money_disbursed): nothing here decides
 * what a debt or a share is. */
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/model.h"
#include "ntm/reportdoc.h"
#include "reportfund.h"

/* ---- columns --------------------------------------------------------------- */

enum { S_CODE, S_NAME, S_PLANNED, S_RECEIVED, S_PAID, S_SHARE, NSOURCE_COLS };
static const struct io_column SOURCE_COLS[NSOURCE_COLS] = {
	[S_CODE] = {TXT_RF_COL_SOURCE_CODE, "source_code", 14},
	[S_NAME] = {TXT_RF_COL_SOURCE, "source", 36},
	[S_PLANNED] = {TXT_RF_COL_PLANNED, "planned", 18},
	[S_RECEIVED] = {TXT_RF_COL_RECEIVED, "received", 18},
	[S_PAID] = {TXT_RF_COL_PAID, "paid", 18},
	[S_SHARE] = {TXT_RF_COL_SHARE, "disbursed", 11},
};

enum { G_CODE, G_NAME, G_PLANNED, G_PAID, G_COMPLETED, G_DEBT, G_SHARE,
       NSECTOR_COLS };
static const struct io_column SECTOR_COLS[NSECTOR_COLS] = {
	[G_CODE] = {TXT_RF_COL_SECTOR_CODE, "sector_code", 12},
	[G_NAME] = {TXT_RF_COL_SECTOR, "sector", 24},
	[G_PLANNED] = {TXT_RF_COL_PLANNED, "planned", 18},
	[G_PAID] = {TXT_RF_COL_PAID, "paid", 18},
	[G_COMPLETED] = {TXT_RF_COL_COMPLETED, "completed", 18},
	[G_DEBT] = {TXT_RF_COL_DEBT, "debt", 18},
	[G_SHARE] = {TXT_RF_COL_SHARE, "disbursed", 11},
};

enum { D_NUMBER, D_TITLE, D_COMPLETED, D_PAID, D_DEBT, NDEBT_COLS };
static const struct io_column DEBT_COLS[NDEBT_COLS] = {
	[D_NUMBER] = {TXT_RF_COL_NUMBER, "number", 6},
	[D_TITLE] = {TXT_RF_COL_TASK, "title", 50},
	[D_COMPLETED] = {TXT_RF_COL_COMPLETED, "completed", 18},
	[D_PAID] = {TXT_RF_COL_PAID, "paid", 18},
	[D_DEBT] = {TXT_RF_COL_DEBT, "debt", 18},
};

const struct io_column *
io_fund_columns(enum io_report_table t, int *n)
{
	switch (t) {
	case IO_TABLE_FUND_SOURCES: *n = NSOURCE_COLS; return SOURCE_COLS;
	case IO_TABLE_FUND_SECTORS: *n = NSECTOR_COLS; return SECTOR_COLS;
	case IO_TABLE_FUND_DEBTS: *n = NDEBT_COLS; return DEBT_COLS;
	default: *n = 0; return NULL;
	}
}

/* Lines and a total row: none without lines. */
static int
with_total(int n)
{
	return n > 0 ? n + 1 : 0;
}

int
io_fund_rows(const struct ntm_report_doc *d, enum io_report_table t)
{
	const struct ntm_report_money *m = &d->money;
	if (!m->has)
		return 0;
	switch (t) {
	case IO_TABLE_FUND_SOURCES: return with_total(m->nsources);
	case IO_TABLE_FUND_SECTORS: return with_total(m->nsectors);
	case IO_TABLE_FUND_DEBTS: return m->ndebts;
	default: return 0;
	}
}

/* ---- cells ----------------------------------------------------------------- */

static void
text_of(struct io_cell *c, struct arena *a, const char *s)
{
	c->kind = s && *s ? IO_CELL_TEXT : IO_CELL_EMPTY;
	c->text = s ? arena_strdup(a, s) : "";
}

/* "1.250.000.000" (the column says đồng), kept exact as a number. */
static void
money_of(struct io_cell *c, struct arena *a, long long v)
{
	char buf[40];
	c->kind = IO_CELL_MONEY;
	c->number = (double)v;
	c->text = arena_strdup(a, model_money_format(v, false, buf, sizeof buf));
}

/* The share of planned capital paid out, empty when nothing is planned:
 * shown as the model says (whole percent, model_money_disbursed), kept
 * as the exact ratio (a spreadsheet's 0% format rounds it, and sums or
 * compares it right). */
static void
share_of(struct io_cell *c, struct arena *a, long long paid, long long planned)
{
	int pct = model_money_disbursed(paid, planned);
	if (pct < 0) {
		text_of(c, a, NULL);
		return;
	}
	char buf[16];
	snprintf(buf, sizeof buf, "%d%%", pct);
	c->kind = IO_CELL_PERCENT;
	c->number = paid > 0 ? (double)paid / (double)planned : 0.0;
	c->text = arena_strdup(a, buf);
}

/* Row `row` of a table of n lines and a total row: the line, or the
 * total (strong, named TXT_RF_TOTAL, no code). */
static const struct ntm_report_money_line *
line_or_total(const struct ntm_report_money_line *lines, int n, int row,
	      const struct ntm_report_money *m, struct ntm_report_money_line *total,
	      struct io_cell *c)
{
	if (row < n)
		return &lines[row];
	*total = (struct ntm_report_money_line){.name = TXT_RF_TOTAL,
						.sums = m->total};
	c->strong = true;
	return total;
}

static void
source_cell(const struct ntm_report_money *m, int row, int col,
	    struct arena *a, struct io_cell *c)
{
	struct ntm_report_money_line total;
	const struct ntm_report_money_line *l =
		line_or_total(m->sources, m->nsources, row, m, &total, c);
	switch (col) {
	case S_CODE: text_of(c, a, l->code); return;
	case S_NAME: text_of(c, a, l->name); return;
	case S_PLANNED: money_of(c, a, l->sums.planned); return;
	case S_RECEIVED: money_of(c, a, l->sums.received); return;
	case S_PAID: money_of(c, a, l->sums.paid); return;
	case S_SHARE: share_of(c, a, l->sums.paid, l->sums.planned); return;
	}
	text_of(c, a, NULL);
}

static void
sector_cell(const struct ntm_report_money *m, int row, int col,
	    struct arena *a, struct io_cell *c)
{
	struct ntm_report_money_line total;
	const struct ntm_report_money_line *l =
		line_or_total(m->sectors, m->nsectors, row, m, &total, c);
	switch (col) {
	case G_CODE: text_of(c, a, l->code); return;
	case G_NAME: text_of(c, a, l->name); return;
	case G_PLANNED: money_of(c, a, l->sums.planned); return;
	case G_PAID: money_of(c, a, l->sums.paid); return;
	case G_COMPLETED: money_of(c, a, l->sums.completed); return;
	case G_DEBT: money_of(c, a, l->sums.debt); return;
	case G_SHARE: share_of(c, a, l->sums.paid, l->sums.planned); return;
	}
	text_of(c, a, NULL);
}

static void
debt_cell(const struct ntm_report_money *m, int row, int col,
	  struct arena *a, struct io_cell *c)
{
	const struct ntm_report_money_line *l = &m->debts[row];
	char buf[24];
	switch (col) {
	case D_NUMBER:
		snprintf(buf, sizeof buf, "%d", l->task_number);
		c->kind = IO_CELL_INT;
		c->number = l->task_number;
		c->text = arena_strdup(a, buf);
		return;
	case D_TITLE: text_of(c, a, l->name); return;
	case D_COMPLETED: money_of(c, a, l->sums.completed); return;
	case D_PAID: money_of(c, a, l->sums.paid); return;
	case D_DEBT: money_of(c, a, l->sums.debt); return;
	}
	text_of(c, a, NULL);
}

void
io_fund_cell(const struct ntm_report_doc *d, enum io_report_table t,
	     int row, int col, struct arena *a, struct io_cell *out)
{
	*out = (struct io_cell){.status = -1};
	if (row < 0 || row >= io_fund_rows(d, t)) {
		text_of(out, a, NULL);
		return;
	}
	switch (t) {
	case IO_TABLE_FUND_SOURCES: source_cell(&d->money, row, col, a, out); return;
	case IO_TABLE_FUND_SECTORS: sector_cell(&d->money, row, col, a, out); return;
	case IO_TABLE_FUND_DEBTS: debt_cell(&d->money, row, col, a, out); return;
	default: text_of(out, a, NULL); return;
	}
}

/* ---- the totals ------------------------------------------------------------ */

const char *
io_fund_sentence(const struct ntm_report_doc *d, struct arena *a)
{
	const struct ntm_report_money *m = &d->money;
	const struct ntm_report_money_sums *t = &m->total;
	char lead[256], share[64] = "", debt[128], now[256] = "", v[7][40];
	size_t len = 0;
	if (m->cost > 0)
		snprintf(lead, sizeof lead, TXT_RF_S_COST,
			 model_money_format(m->cost, true, v[0], 40), m->ntasks);
	else
		snprintf(lead, sizeof lead, TXT_RF_S_NO_COST, m->ntasks);
	int pct = model_money_disbursed(t->paid, t->planned);
	if (pct >= 0)
		snprintf(share, sizeof share, TXT_RF_S_SHARE, pct);
	if (t->debt > 0)
		snprintf(debt, sizeof debt, TXT_RF_S_DEBT,
			 model_money_format(t->debt, true, v[5], 40));
	else
		snprintf(debt, sizeof debt, "%s", TXT_RF_S_NO_DEBT);
	if (m->earlier_debt > 0)
		len = (size_t)snprintf(now, sizeof now, TXT_RF_S_EARLIER,
				       model_money_format(m->earlier_debt, true,
							  v[6], 40));
	if (d->head.as_of && d->head.written_on &&
	    strcmp(d->head.as_of, d->head.written_on) < 0 && len < sizeof now) {
		char dmy[11];
		model_date_dmy(d->head.written_on, dmy);
		snprintf(now + len, sizeof now - len, TXT_RF_S_AS_NOW, dmy);
	}
	char out[1024];
	snprintf(out, sizeof out, TXT_RF_S_SUMS, lead,
		 model_money_format(t->planned, true, v[1], 40),
		 model_money_format(t->received, true, v[2], 40),
		 model_money_format(t->paid, true, v[3], 40), share,
		 model_money_format(t->completed, true, v[4], 40), debt, now);
	return arena_strdup(a, out);
}

int
io_fund_facts(const struct ntm_report_doc *d, struct arena *a,
	      struct io_fact **out)
{
	const struct ntm_report_money *m = &d->money;
	const struct ntm_report_money_sums *t = &m->total;
	const struct { const char *label; long long v; } rows[] = {
		{TXT_RF_F_COST, m->cost}, {TXT_RF_F_PLANNED, t->planned},
		{TXT_RF_F_RECEIVED, t->received}, {TXT_RF_F_PAID, t->paid},
		{NULL, 0}, {TXT_RF_F_COMPLETED, t->completed},
		{TXT_RF_F_DEBT, t->debt},
	};
	enum { N = sizeof rows / sizeof *rows };
	*out = arena_alloc(a, N * sizeof **out);
	if (!m->has)
		return 0;
	for (int i = 0; i < N; i++) {
		struct io_fact *f = &(*out)[i];
		*f = (struct io_fact){.label = rows[i].label};
		f->value.status = -1;
		if (rows[i].label) {
			money_of(&f->value, a, rows[i].v);
			continue;
		}
		f->label = TXT_RF_F_SHARE;
		share_of(&f->value, a, t->paid, t->planned);
	}
	(*out)[N - 1].value.overdue = t->debt > 0;
	return N;
}

const char *
io_fund_debts_more(const struct ntm_report_doc *d, struct arena *a)
{
	int more = d->money.ndebts_all - d->money.ndebts;
	if (more <= 0)
		return NULL;
	char buf[160];
	snprintf(buf, sizeof buf, TXT_RF_DEBTS_MORE, more);
	return arena_strdup(a, buf);
}
