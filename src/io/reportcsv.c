/* The report as CSV: one of its tables (--table) per file, for Excel and
 * for programs. A header row of the Vietnamese column titles, then a row
 * per table row; UTF-8 with a byte order mark (Excel on Windows reads the
 * file as UTF-8 only then) unless no_bom; ',' or ';' between fields, RFC
 * 4180 quoting, CRLF rows, every cell through text_cell_safe.
 *
 * A CSV file is read by machines, so a cell is written as its value, not
 * as people read it on screen: dates ISO (2024-07-15), numbers plain with
 * no grouping, with a decimal point when the separator is ',' and a
 * decimal comma when it is ';' (Excel with Vietnamese regional settings
 * expects both), a percent as its number of hundredths (85 for 85 %, the
 * column says it is a share), an amount of money as its whole number of
 * đồng, booleans and statuses as their words. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"

/* v with up to 4 decimals, trailing zeros dropped, dec as the decimal
 * mark whatever the C library's locale says. */
static void
csv_number(double v, char dec, char *buf, size_t size)
{
	if (!isfinite(v)) {
		snprintf(buf, size, "%s", "");
		return;
	}
	snprintf(buf, size, "%.4f", v);
	char *mark = NULL;
	for (char *p = buf; *p; p++)
		if (*p != '-' && (*p < '0' || *p > '9')) {
			*p = dec;
			mark = p;
		}
	if (!mark)
		return;
	char *end = buf + strlen(buf);
	while (end > mark + 1 && end[-1] == '0')
		*--end = '\0';
	if (end == mark + 1)
		*mark = '\0';
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
}

/* What a cell holds as CSV: its value for numbers and dates, else its
 * text. */
static const char *
csv_value(const struct io_cell *c, char dec, char *buf, size_t size)
{
	switch (c->kind) {
	case IO_CELL_INT:
	case IO_CELL_NUMBER:
	case IO_CELL_MONEY:     /* whole đồng: a plain integer */
		csv_number(c->number, dec, buf, size);
		return buf;
	case IO_CELL_PERCENT:
		csv_number(c->number * 100.0, dec, buf, size);
		return buf;
	case IO_CELL_DATE:
		return c->iso ? c->iso : c->text;
	case IO_CELL_TEXT:
	case IO_CELL_EMPTY:
		break;
	}
	return c->text;
}

int
io_report_csv(FILE *f, const struct ntm_report_doc *d,
	      const struct io_report_opts *o, struct ntm_error *e)
{
	(void)e;
	char sep = o->sep ? o->sep : ',';
	char dec = sep == ';' ? ',' : '.';
	int ncols;
	const struct io_column *cols = io_report_columns(o->table, &ncols);
	if (!o->no_bom)
		fputs("\xef\xbb\xbf", f);
	for (int c = 0; c < ncols; c++)
		io_csv_field_sep(f, cols[c].title, sep, c == ncols - 1);
	int nrows = io_report_rows(d, o->table);
	for (int r = 0; r < nrows; r++) {
		struct arena a = {0};
		for (int c = 0; c < ncols; c++) {
			struct io_cell cell;
			/* the widest double in %.4f: 309 digits, sign, mark, 4 */
			char buf[DBL_MAX_10_EXP + 16];
			io_report_cell(d, o->table, r, c, &a, &cell);
			io_csv_field_sep(f, csv_value(&cell, dec, buf, sizeof buf),
					 sep, c == ncols - 1);
		}
		arena_free(&a);
	}
	return NTM_OK;
}
