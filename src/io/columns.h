/* The kinds of sheet ntm import reads and ntm export writes, and their
 * columns: one table, so that what export writes is what import reads. */
#ifndef NTM_IO_COLUMNS_H
#define NTM_IO_COLUMNS_H

#include <stdbool.h>

#include "ntm/store.h"

struct io_kind_col {
	enum store_field field;
	const char *title;       /* the header export writes */
	const char *names;       /* other headers read, '|' between them */
	bool number;             /* a number cell in a workbook */
	bool date;               /* a date: a workbook's serial is read too */
};

struct io_sheet_kind {
	enum store_row_kind kind;
	const char *word;        /* --kind: "tasks" */
	const char *words;       /* other words --kind takes, '|' between */
	const char *sheet;       /* the worksheet export writes: "Nhiệm vụ" */
	const char *csv;         /* the file in a CSV folder: "nhiem-vu.csv" */
	const struct io_kind_col *cols;
	int ncols;
	enum store_field need[2];  /* the columns that tell the kind */
};

/* The kinds, in the order an import applies them (STORE_ROW_KINDS). */
const struct io_sheet_kind *io_kind_at(int i);
/* The kind --kind names ("tasks", "nhiệm vụ", …), or NULL. */
const struct io_sheet_kind *io_kind_read(const char *word);
/* The column of kind k a header names (folded: marks, case, spaces and
 * '_' ignored; Vietnamese or English), or NULL. */
const struct io_kind_col *io_kind_column(const struct io_sheet_kind *k,
				       const char *header);
/* The column of k that holds field f, or NULL. */
const struct io_kind_col *io_kind_field(const struct io_sheet_kind *k,
				      enum store_field f);
/* "tasks (Lĩnh vực, Nhiệm vụ)": a kind with the columns it needs, for
 * messages; in buf. */
const char *io_kind_needs(const struct io_sheet_kind *k, char *buf, int size);

#endif
