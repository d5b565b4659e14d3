/* The kinds of sheet ntm import reads and ntm export writes, and their
 * columns: one table, so that what export writes is what import reads. */
#ifndef NTM_IO_COLUMNS_H
#define NTM_IO_COLUMNS_H

#include <stdbool.h>

#include "ntm/store.h"

struct arena;
struct io_sheet;

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

/* The header row of s: the first of its first IO_HEADER_ROWS non-empty
 * rows that holds the needed columns of a kind (kind: "tasks", … that
 * kind only; NULL: any); true. None: *row is the first non-empty row (so
 * that a refusal names it; s->nrows when the sheet is empty), false. */
bool io_kind_header(const struct io_sheet *s, const char *kind, int *row);
/* Row r of a CSV sheet whose header is row `header` with a field after
 * the header's last (an unquoted separator inside a value): the refusal
 * ("dòng 5 có 6 ô, dòng tiêu đề có 5 — …"), in a; else (and for a
 * workbook) NULL. */
const char *io_kind_row_wide(const struct io_sheet *s, int header, int r,
			     struct arena *a);
/* "a.csv, b.xlsx": the files the sheets come from, each once, for a
 * message; in a. */
const char *io_sheets_files(const struct io_sheet *const *sheets, int n,
			    struct arena *a);

#endif
