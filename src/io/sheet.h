/* Spreadsheets in, the parts the two readers share (internal to src/io):
 * cells gathered as (row, column, text) while a file is read, the grid
 * built from them, the whole-file read, and the parsers that take bytes
 * rather than a path (for the fuzz target, tests/fuzz/fuzz_sheet.c). */
#ifndef NTM_IO_SHEET_H
#define NTM_IO_SHEET_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct io_sheet;
struct ntm_error;

enum {
	SHEET_MAX_CELLS = 1000000,  /* per sheet: cells written and the grid;
				     * a workbook's shared strings */
	SHEET_MAX_MB = 64,          /* a CSV file, an .xlsx from standard input */
	/* a workbook as a whole: what is unpacked from it (every part read,
	 * together), its sheets, its relationships, the zip's entries, the
	 * grids of all its sheets together */
	SHEET_BOOK_MB = 256,
	SHEET_BOOK_SHEETS = 1000,
	SHEET_BOOK_RELS = 1000,
	SHEET_BOOK_PARTS = 20000,
	SHEET_BOOK_CELLS = 2 * SHEET_MAX_CELLS,
};

/* A cell read, 0-based; text in the arena, never empty. */
struct sheet_cell {
	int row, col;
	const char *text;
	unsigned char numeric;      /* io_sheet.numeric */
};
struct sheet_cells {
	struct sheet_cell *v;       /* malloc'ed; sheet_grid frees it */
	size_t n, cap;
};

/* Appends a cell; false when there is no memory or the sheet would hold
 * more than SHEET_MAX_CELLS. */
bool sheet_cells_add(struct sheet_cells *c, int row, int col,
		     const char *text, unsigned char numeric);
/* Lays c out as s's grid (a later cell at the same place wins; empty rows
 * and columns after the last cell dropped), line[r] = lines[r] (NULL: r +
 * 1). Refuses a grid of more than SHEET_MAX_CELLS naming s->file. Frees
 * c->v either way. */
int sheet_grid(struct io_sheet *s, struct sheet_cells *c, const int *lines,
	       struct arena *a, struct ntm_error *e);
/* The whole file ("-": standard input), malloc'ed, at most SHEET_MAX_MB;
 * NULL with a Vietnamese message naming it. */
char *sheet_read_all(const char *path, size_t *len, struct ntm_error *e);

/* io_sheet_read_csv on bytes already read; name is what messages call
 * the file. */
int io_sheet_parse_csv(const char *name, const char *bytes, size_t len,
		       const char *encoding, struct arena *a,
		       struct io_sheet *out, struct ntm_error *e);
/* One worksheet's XML (xl/worksheets/sheetN.xml) against the shared
 * strings given, as io_sheet_read_xlsx reads each sheet; out->file and
 * out->name are set by the caller. */
int io_sheet_parse_worksheet(const char *xml, size_t len,
			     const char *const *shared, size_t nshared,
			     struct arena *a, struct io_sheet *out,
			     struct ntm_error *e);

/* sheetcell.c: what a workbook's cell says. */
/* s with OOXML's _xHHHH_ escapes decoded, NFC, in the arena; NULL when
 * it is not valid UTF-8. */
const char *sheet_string_value(struct arena *a, const char *s);
/* Whether x and y are one name folded (marks, case). */
bool sheet_same_folded(const char *x, const char *y);
/* Whether a number format (numFmt formatCode) shows a percent: a '%'
 * outside quotes and not escaped. */
bool sheet_format_percent(const char *code);
/* A number cell's text from its <v>: at most 10 significant digits
 * ("86.5" for 86.49999999999999); percent: the value × 100 ("87" for
 * 0.87). Text that is no number, or a tiny or huge one not a percent,
 * stays as written. In a; NULL when it is not valid UTF-8. */
const char *sheet_number_text(struct arena *a, const char *raw, bool percent);
/* Text cells of s typed with a legacy font turned back into their bytes
 * and decoded: encoding "tcvn3", "vni", … every such cell; "utf-8" none;
 * "auto" (NULL) all of them only when the header row is not recognised
 * as it is (io_kind_header) and is once decoded as charset_detect tells
 * from the first rows' cells. An unknown encoding: NTM_USAGE. */
int sheet_legacy(struct io_sheet *s, const char *encoding, struct arena *a,
		 struct ntm_error *e);

#endif
