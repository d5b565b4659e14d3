/* reportfund — the report's money part (reportfund.c): the tables of the
 * plan's capital by source, by sector and the tasks with the greatest
 * debt as cells, for reporttable.c to serve like its own tables, and the
 * totals as one sentence and as labelled values. Amounts are the model's
 * (model_money_format, model_money_disbursed); nothing is sanitised here.
 * Private to src/io. */
#ifndef NTM_IO_REPORTFUND_H
#define NTM_IO_REPORTFUND_H

#include "ntm/io.h"

struct arena;
struct ntm_report_doc;

/* Columns, rows and cells of a money table (IO_TABLE_FUND_*): no rows
 * when the plan has no money; the tables by source and by sector end
 * with a total row (strong). */
const struct io_column *io_fund_columns(enum io_report_table t, int *n);
int io_fund_rows(const struct ntm_report_doc *d, enum io_report_table t);
void io_fund_cell(const struct ntm_report_doc *d, enum io_report_table t,
		  int row, int col, struct arena *a, struct io_cell *out);

/* The totals in one sentence ("Tổng mức đầu tư …; kế hoạch vốn …; …"),
 * with a second one saying the figures are those of the day the report
 * is written when it is as of an earlier day; in a. */
const char *io_fund_sentence(const struct ntm_report_doc *d, struct arena *a);
/* The totals as labelled values (money cells, the share disbursed a
 * percent cell, empty when nothing is planned); *out in a, the count
 * returned (0 without money). */
int io_fund_facts(const struct ntm_report_doc *d, struct arena *a,
		  struct io_fact **out);
/* The line under the debt table when more tasks have a debt than it
 * lists ("… và 3 nhiệm vụ khác còn nợ đọng."), else NULL; in a. */
const char *io_fund_debts_more(const struct ntm_report_doc *d,
			       struct arena *a);

#endif
