/* The written report as an Excel workbook (libxlsxwriter): a summary sheet,
 * then one sheet per table of reporttable.c, each with a title block, a
 * bold frozen header row, an autofilter and column widths by content.
 * Numbers are stored as numbers (percentages as fractions with a %
 * format), dates as real dates shown dd/mm/yyyy, statuses coloured and
 * written as words; every string goes through text_cell_safe(). Every
 * sheet is written top to bottom (the library's constant-memory mode
 * needs it: a row is flushed once a later one is begun). The
 * library writes the whole file at workbook_close(); path is the io_file's
 * temporary file, which the dispatcher renames into place or removes. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lazy_xlsx.h"

#include "msg.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"
#include "ntm/text.h"
#include "reportfund.h"

enum {
	TITLE_ROWS = 4,       /* part title, commune, as-of date, a blank row */
	WIDTH_CAP = 60,       /* a column never grows wider: its cells wrap */
	WIDTH_MIN = 4,
	CELL_MAX = 32000,     /* bytes; Excel holds at most 32 767 characters */
};

/* A cell's look, as bits of a key into the book's format cache. */
enum {
	NUM_GENERAL, NUM_PERCENT, NUM_PERCENT1, NUM_DATE, NUM_MONEY, NUM_KINDS,
};
enum { ST_NONE, ST_DAT, ST_CHUA_DAT, ST_CHUA_DANH_GIA, ST_KINDS };
enum {
	K_NUM = 1,                 /* × NUM_KINDS */
	K_STATUS = NUM_KINDS,      /* × ST_KINDS */
	K_STRONG = NUM_KINDS * ST_KINDS,
	K_RED = K_STRONG * 2,
	K_WRAP = K_RED * 2,
	K_COUNT = K_WRAP * 2,
};

static const char *const NUM_FORMATS[NUM_KINDS] = {
	[NUM_PERCENT] = "0%", [NUM_PERCENT1] = "0.0%", [NUM_DATE] = "dd/mm/yyyy",
	/* thousands grouped with the reader's own mark: "." in Vietnamese */
	[NUM_MONEY] = "#,##0",
};
/* Fill and font of a status cell (Excel's good / bad / neutral). */
static const struct { lxw_color_t fill, font; } STATUS_COLOURS[ST_KINDS] = {
	[ST_DAT] = {0xC6EFCE, 0x006100},
	[ST_CHUA_DAT] = {0xFFC7CE, 0x9C0006},
	[ST_CHUA_DANH_GIA] = {0xFFEB9C, 0x9C5700},
};
static const lxw_color_t STRONG_FILL = 0xDDEBF7, RED_FONT = 0xC00000;

struct book {
	lxw_workbook *wb;
	lxw_format *cell[K_COUNT];     /* made on first use */
	lxw_format *title, *header, *label;
	lxw_error err;                 /* the first error of a write */
	const struct ntm_report_doc *d;
	struct arena a;                /* one sheet's cells */
};

static lxw_format *
new_format(struct book *b)
{
	lxw_format *f = workbook_add_format(b->wb);
	if (!f && !b->err)
		b->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
	return f;
}

static lxw_format *
cell_format(struct book *b, int key)
{
	if (key == 0 || b->cell[key])
		return b->cell[key];
	lxw_format *f = new_format(b);
	if (!f)
		return NULL;
	int num = key % NUM_KINDS, st = key / K_STATUS % ST_KINDS;
	if (NUM_FORMATS[num])
		format_set_num_format(f, NUM_FORMATS[num]);
	if (key & K_STRONG) {
		format_set_bold(f);
		format_set_bg_color(f, STRONG_FILL);
	}
	if (st != ST_NONE) {
		format_set_bg_color(f, STATUS_COLOURS[st].fill);
		format_set_font_color(f, STATUS_COLOURS[st].font);
	}
	if (key & K_RED)
		format_set_font_color(f, RED_FONT);
	if (key & K_WRAP)
		format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return b->cell[key] = f;
}

static int
status_bits(int status)
{
	switch (status) {
	case NTM_STATUS_DAT: return ST_DAT;
	case NTM_STATUS_CHUA_DAT: return ST_CHUA_DAT;
	case NTM_STATUS_CHUA_DANH_GIA: return ST_CHUA_DANH_GIA;
	default: return ST_NONE;   /* chưa có chỉ tiêu and plain cells */
	}
}

static void
keep(struct book *b, lxw_error err)
{
	if (err && !b->err)
		b->err = err;
}

/* The widest line of s, in display columns. */
static int
widest_line(const char *s)
{
	int best = 0;
	size_t from = 0, len = strlen(s);
	while (from <= len) {
		const char *nl = memchr(s + from, '\n', len - from);
		size_t to = nl ? (size_t)(nl - s) : len;
		int w = text_width_range(s, from, to);
		if (w > best)
			best = w;
		from = to + 1;
	}
	return best;
}

/* s made safe for a cell and cut under Excel's limit at a character
 * boundary, with an ellipsis; newly allocated, NULL when out of memory. */
static char *
safe_text(const char *s)
{
	char *t = text_cell_safe(s);
	if (!t || strlen(t) <= CELL_MAX)
		return t;
	/* t may be exactly as long as its text: the cut one is a new
	 * buffer, never an ellipsis written past t's end. */
	size_t cut = CELL_MAX;
	while (cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
		cut--;
	char *out = malloc(cut + sizeof "\u2026");
	if (out) {
		memcpy(out, t, cut);
		memcpy(out + cut, "\u2026", sizeof "\u2026");
	}
	free(t);
	return out;
}

/* Writes s (made safe) at (row, col); returns its display width. */
static int
put_text(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	 const char *s, lxw_format *f)
{
	char *t = safe_text(s);
	if (!t) {
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return 0;
	}
	keep(b, worksheet_write_string(ws, row, col, t, f));
	int w = widest_line(t);
	free(t);
	return w;
}

static bool
put_date(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	 const char *iso, int key)
{
	struct ntm_date d;
	if (!iso || model_parse_date(iso, &d) != NULL)
		return false;
	lxw_datetime dt = {.year = d.year, .month = d.month, .day = d.day};
	keep(b, worksheet_write_datetime(ws, row, col, &dt,
					 cell_format(b, key + NUM_DATE)));
	return true;
}

/* Writes one typed cell; key holds its look but for the number format.
 * Returns the width its text needs. */
static int
put_cell(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
	 const struct io_cell *c, int key)
{
	switch (c->kind) {
	case IO_CELL_INT:
	case IO_CELL_NUMBER:
		keep(b, worksheet_write_number(ws, row, col, c->number,
					       cell_format(b, key)));
		return text_width(c->text);
	case IO_CELL_PERCENT: {
		double pct = c->number * 100;
		int num = fabs(pct - round(pct)) < 1e-9 ? NUM_PERCENT : NUM_PERCENT1;
		keep(b, worksheet_write_number(ws, row, col, c->number,
					       cell_format(b, key + num)));
		return text_width(c->text);
	}
	case IO_CELL_MONEY:
		keep(b, worksheet_write_number(ws, row, col, c->number,
					       cell_format(b, key + NUM_MONEY)));
		return text_width(c->text);
	case IO_CELL_DATE:
		if (put_date(b, ws, row, col, c->iso, key))
			return 10;
		break;
	case IO_CELL_EMPTY:
		if (key)
			keep(b, worksheet_write_blank(ws, row, col,
						      cell_format(b, key)));
		return 0;
	case IO_CELL_TEXT:
		break;
	}
	if (widest_line(c->text) > WIDTH_CAP)
		key |= K_WRAP;
	return put_text(b, ws, row, col, c->text, cell_format(b, key));
}

/* The look of cell c in a column named key. */
static int
look(const struct io_cell *c, const char *col_key)
{
	int key = status_bits(c->status) * K_STATUS;
	if (c->strong)
		key |= K_STRONG;
	if (c->overdue && col_key &&
	    (strcmp(col_key, "due") == 0 || strcmp(col_key, "overdue") == 0))
		key |= K_RED;
	return key;
}

static void
set_width(struct book *b, lxw_worksheet *ws, int col, int w)
{
	w = w > WIDTH_CAP ? WIDTH_CAP : w < WIDTH_MIN ? WIDTH_MIN : w;
	keep(b, worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col, w, NULL));
}

static lxw_worksheet *
add_sheet(struct book *b, const char *name)
{
	lxw_error err = workbook_validate_sheet_name(b->wb, name);
	lxw_worksheet *ws = err ? NULL : workbook_add_worksheet(b->wb, name);
	if (!ws)
		keep(b, err ? err : LXW_ERROR_MEMORY_MALLOC_FAILED);
	return ws;
}

/* Printed on A4 (landscape for a wide table), one page wide, the header
 * row repeated on every page. */
static void
print_setup(struct book *b, lxw_worksheet *ws, bool table)
{
	enum { PAPER_A4 = 9 };
	worksheet_set_paper(ws, PAPER_A4);
	worksheet_fit_to_pages(ws, 1, 0);
	if (!table)
		return;
	worksheet_set_landscape(ws);
	keep(b, worksheet_repeat_rows(ws, TITLE_ROWS, TITLE_ROWS));
}

/* A sheet's title, the commune and the date of the figures. */
static void
title_block(struct book *b, lxw_worksheet *ws, const char *title)
{
	const struct ntm_report_head *h = &b->d->head;
	char line[512], dmy[11];
	put_text(b, ws, 0, 0, title, b->title);
	snprintf(line, sizeof line, TXT_XL_COMMUNE, h->commune ? h->commune : "");
	put_text(b, ws, 1, 0, line, NULL);
	model_date_dmy(h->as_of, dmy);
	snprintf(line, sizeof line, TXT_XL_AS_OF, dmy);
	put_text(b, ws, 2, 0, line, NULL);
}

static void
table_sheet(struct book *b, enum io_report_table t)
{
	lxw_worksheet *ws = add_sheet(b, io_report_sheet_name(t));
	if (!ws)
		return;
	int ncols, nrows = io_report_rows(b->d, t);
	const struct io_column *cols = io_report_columns(t, &ncols);
	int width[32] = {0};
	if (ncols > (int)(sizeof width / sizeof *width))
		ncols = (int)(sizeof width / sizeof *width);
	title_block(b, ws, io_report_table_title(t));
	for (int c = 0; c < ncols; c++) {
		int w = put_text(b, ws, TITLE_ROWS, (lxw_col_t)c, cols[c].title,
				 b->header) + 2;
		width[c] = w < cols[c].width ? w : cols[c].width;
	}
	for (int r = 0; r < nrows && !b->err; r++) {
		lxw_row_t row = (lxw_row_t)(TITLE_ROWS + 1 + r);
		for (int c = 0; c < ncols; c++) {
			struct io_cell cell;
			io_report_cell(b->d, t, r, c, &b->a, &cell);
			int w = put_cell(b, ws, row, (lxw_col_t)c, &cell,
					 look(&cell, cols[c].key)) + 2;
			if (w > width[c])
				width[c] = w;
		}
	}
	arena_free(&b->a);
	for (int c = 0; c < ncols; c++)
		set_width(b, ws, c, width[c]);
	worksheet_freeze_panes(ws, TITLE_ROWS + 1, 0);
	print_setup(b, ws, true);
	keep(b, worksheet_autofilter(ws, TITLE_ROWS, 0,
				     (lxw_row_t)(TITLE_ROWS + nrows),
				     (lxw_col_t)(ncols - 1)));
	if (t == IO_TABLE_CHANGES && b->d->changes_left_out > 0) {
		char line[128];
		snprintf(line, sizeof line, TXT_XL_LEFT_OUT, b->d->changes_left_out);
		put_text(b, ws, (lxw_row_t)(TITLE_ROWS + nrows + 2), 0, line, NULL);
	}
	const char *more = t == IO_TABLE_FUND_DEBTS
		? io_fund_debts_more(b->d, &b->a) : NULL;
	if (more)
		put_text(b, ws, (lxw_row_t)(TITLE_ROWS + nrows + 2), 0, more, NULL);
}

/* Whether a number's text says more than the number ("12/19" for 12). */
static bool
says_more(const struct io_cell *c)
{
	char plain[32];
	snprintf(plain, sizeof plain, "%g", c->number);
	return strcmp(plain, c->text) != 0;
}

/* The widest cell of each of the summary sheet's three columns. */
struct widths {
	int label, value, extra;
};

static void
widen(int *have, int w)
{
	*have = w > *have ? w : *have;
}

/* Facts as label / value rows from *row on (a blank row between the
 * header's facts and the others). */
static void
fact_rows(struct book *b, lxw_worksheet *ws, const struct io_fact *facts,
	  int n, lxw_row_t *row, struct widths *w)
{
	for (int i = 0; i < n; i++, (*row)++) {
		if (i > 0 && facts[i - 1].head && !facts[i].head)
			(*row)++;
		const struct io_cell *v = &facts[i].value;
		widen(&w->label, put_text(b, ws, *row, 0, facts[i].label, b->label));
		widen(&w->value, put_cell(b, ws, *row, 1, v, v->overdue ? K_RED : 0));
		if ((v->kind == IO_CELL_INT || v->kind == IO_CELL_NUMBER) &&
		    says_more(v))
			widen(&w->extra, put_text(b, ws, *row, 2, v->text, NULL));
	}
}

/* "Tổng hợp": the title, then the header and summary facts as label /
 * value rows, then the money's totals under their part's title when the
 * plan has money. */
static void
summary_sheet(struct book *b)
{
	lxw_worksheet *ws = add_sheet(b, TXT_RP_SHEET_SUMMARY);
	if (!ws)
		return;
	struct io_fact *facts;
	int n = io_report_facts(b->d, &b->a, &facts);
	put_text(b, ws, 0, 0, TXT_XL_TITLE, b->title);
	/* the commune, plan and period once, as facts below the title */
	lxw_row_t row = 2;
	struct widths w = {0};
	fact_rows(b, ws, facts, n, &row, &w);
	n = io_fund_facts(b->d, &b->a, &facts);
	if (n > 0) {
		row++;
		put_text(b, ws, row++, 0, TXT_RF_PART, b->label);
		fact_rows(b, ws, facts, n, &row, &w);
	}
	arena_free(&b->a);
	set_width(b, ws, 0, w.label + 2);
	set_width(b, ws, 1, w.value + 2);
	set_width(b, ws, 2, w.extra + 2);
	print_setup(b, ws, false);
}

/* The document's title and author, inert text (no control characters). */
static void
properties(struct book *b)
{
	const char *author = b->d->head.author ? b->d->head.author : "";
	char *who = text_sanitize(author, strlen(author), 0);
	lxw_doc_properties p = {
		.title = (char *)TXT_XL_TITLE,
		.author = who,
	};
	if (!who)
		keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	else
		keep(b, workbook_set_properties(b->wb, &p));
	free(who);
}

static void
styles(struct book *b)
{
	b->title = new_format(b);
	b->header = new_format(b);
	b->label = new_format(b);
	if (!b->title || !b->header || !b->label)
		return;
	format_set_bold(b->title);
	format_set_font_size(b->title, 14);
	format_set_bold(b->header);
	format_set_text_wrap(b->header);
	format_set_border(b->header, LXW_BORDER_THIN);
	format_set_align(b->header, LXW_ALIGN_CENTER);
	format_set_align(b->header, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(b->header, 0xF2F2F2);
	format_set_bold(b->label);
}

/* A library error as a Vietnamese reason. */
static int
failed(lxw_error err, int os_err, struct ntm_error *e)
{
	switch (err) {
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		return ntm_fail(e, NTM_FAIL, MSG_XLSX_FAILED, TXT_XL_MEMORY);
	case LXW_ERROR_CREATING_XLSX_FILE:
		return ntm_fail(e, NTM_FAIL, MSG_XLSX_FAILED, ntm_errno_text(os_err));
	case LXW_ERROR_CREATING_TMPFILE:
	case LXW_ERROR_READING_TMPFILE:
		return ntm_fail(e, NTM_FAIL, MSG_XLSX_FAILED, TXT_XL_TMPFILE);
	case LXW_ERROR_ZIP_FILE_OPERATION:
	case LXW_ERROR_ZIP_PARAMETER_ERROR:
	case LXW_ERROR_ZIP_BAD_ZIP_FILE:
	case LXW_ERROR_ZIP_INTERNAL_ERROR:
	case LXW_ERROR_ZIP_FILE_ADD:
	case LXW_ERROR_ZIP_CLOSE:
		return ntm_fail(e, NTM_FAIL, MSG_XLSX_FAILED, TXT_XL_ZIP);
	case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
	case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
	case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
	case LXW_ERROR_SHEETNAME_ALREADY_USED:
		return ntm_fail(e, NTM_FAIL, MSG_XLSX_FAILED, TXT_XL_SHEETNAME);
	default:
		return ntm_fail(e, NTM_FAIL, MSG_XLSX_LIBRARY, (int)err);
	}
}

/* The library reports a file it cannot create on the standard error in
 * English: the file is tried here first, so the user reads why in
 * Vietnamese and nothing else is printed. */
static int
can_create(const char *path, struct ntm_error *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0)
		return failed(LXW_ERROR_CREATING_XLSX_FILE, errno, e);
	close(fd);
	return NTM_OK;
}

int
io_report_xlsx(const char *path, const struct ntm_report_doc *d,
	       struct ntm_error *e)
{
	if (io_lazy_xlsx(e) != NTM_OK)
		return NTM_FAIL;
	if (can_create(path, e) != NTM_OK)
		return NTM_FAIL;
	struct book b = {.d = d};
	/* Rows are written in order, so each row goes to the sheet's file
	 * as it is done: the memory stays small for a district's report. */
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	b.wb = workbook_new_opt(path, &opt);
	if (!b.wb)
		return failed(LXW_ERROR_MEMORY_MALLOC_FAILED, 0, e);
	styles(&b);
	properties(&b);
	summary_sheet(&b);
	for (int t = 0; t < IO_REPORT_TABLES && !b.err; t++)
		if (t < IO_TABLE_FUND_SOURCES || d->money.has)
			table_sheet(&b, (enum io_report_table)t);
	arena_free(&b.a);
	if (b.err) {
		lxw_workbook_free(b.wb);
		return failed(b.err, 0, e);
	}
	errno = 0;
	lxw_error err = workbook_close(b.wb);
	return err ? failed(err, errno, e) : NTM_OK;
}
