/* A CSV file read as a grid of text (RFC 4180 as spreadsheets write it),
 * and what both readers share: the grid built from the cells read, where
 * a cell is for a message, a workbook's date serial as a date.
 *
 * The bytes are decoded first (a legacy encoding detected or named, to
 * NFC UTF-8; a BOM dropped), then split: the separator is ',' ';' or TAB,
 * whichever occurs most outside quotes in the first record holding one
 * of them (a title line above the header may hold none; "," on a
 * tie or none). A field in quotes keeps everything up to its closing
 * quote ("" is one quote, line ends inside become '\n'); text after the
 * closing quote is kept too, as spreadsheets do. Blanks around a field
 * are dropped, an empty field is a NULL cell. A row's line is where its
 * record starts. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "ntm/arena.h"
#include "ntm/charset.h"
#include "ntm/io.h"
#include "sheet.h"

/* ---- what both readers share ----------------------------------------------- */

bool
sheet_cells_add(struct sheet_cells *c, int row, int col, const char *text,
		unsigned char numeric)
{
	if (c->n >= SHEET_MAX_CELLS)
		return false;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		struct sheet_cell *v = realloc(c->v, cap * sizeof *v);
		if (!v)
			return false;
		c->v = v;
		c->cap = cap;
	}
	c->v[c->n++] = (struct sheet_cell){row, col, text, numeric};
	return true;
}

int
sheet_grid(struct io_sheet *s, struct sheet_cells *c, const int *lines,
	   struct arena *a, struct ntm_error *e)
{
	int rows = 0, cols = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].row >= rows)
			rows = c->v[i].row + 1;
		if (c->v[i].col >= cols)
			cols = c->v[i].col + 1;
	}
	if ((size_t)rows * (size_t)cols > SHEET_MAX_CELLS) {
		free(c->v);
		c->v = NULL;
		return s->name ? ntm_fail(e, NTM_FAIL, MSG_SHEET_SHEET_CELLS, s->file,
					  s->name, SHEET_MAX_CELLS)
			: ntm_fail(e, NTM_FAIL, MSG_SHEET_CELLS, s->file,
				   SHEET_MAX_CELLS);
	}
	s->nrows = rows;
	s->ncols = cols;
	size_t n = (size_t)rows * (size_t)cols;
	s->cell = arena_alloc(a, (n ? n : 1) * sizeof *s->cell);
	s->numeric = arena_alloc(a, n ? n : 1);
	s->line = arena_alloc(a, (rows ? (size_t)rows : 1) * sizeof *s->line);
	for (size_t i = 0; i < c->n; i++) {
		size_t at = (size_t)c->v[i].row * (size_t)cols + (size_t)c->v[i].col;
		s->cell[at] = c->v[i].text;
		s->numeric[at] = c->v[i].numeric;
	}
	for (int r = 0; r < rows; r++)
		s->line[r] = lines ? lines[r] : r + 1;
	free(c->v);
	c->v = NULL;
	c->n = c->cap = 0;
	return NTM_OK;
}

char *
sheet_read_all(const char *path, size_t *len, struct ntm_error *e)
{
	bool std = strcmp(path, "-") == 0;
	FILE *f = std ? stdin : fopen(path, "rb");
	if (!f) {
		ntm_fail(e, NTM_FAIL, MSG_SHEET_READ, path, ntm_errno_text(errno));
		return NULL;
	}
	size_t max = (size_t)SHEET_MAX_MB << 20, n = 0, cap = 0;
	char *buf = NULL;
	int err = 0;
	/* the buffer never grows past max + 1: one byte more is enough to
	 * know the file is too big */
	while (!err && n <= max && !feof(f)) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			if (cap > max + 1)
				cap = max + 1;
			char *more = realloc(buf, cap);
			if (!more)
				err = ENOMEM;
			else
				buf = more;
		}
		if (!err)
			n += fread(buf + n, 1, cap - n, f);
		if (!err && ferror(f))
			err = errno ? errno : EIO;
	}
	if (!std)
		fclose(f);
	if (err || n > max) {
		if (err)
			ntm_fail(e, NTM_FAIL, MSG_SHEET_READ, io_file_shown(path),
				 ntm_errno_text(err));
		else
			ntm_fail(e, NTM_FAIL, MSG_SHEET_TOO_BIG, io_file_shown(path),
				 SHEET_MAX_MB);
		free(buf);
		return NULL;
	}
	*len = n;
	return buf ? buf : calloc(1, 1);
}

static const char *
column_letters(int col, char out[8])
{
	char rev[8];
	int n = 0;
	for (unsigned c = (unsigned)col + 1; c && n < 7; c = (c - 1) / 26)
		rev[n++] = (char)('A' + (c - 1) % 26);
	for (int i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = '\0';
	return out;
}

const char *
io_sheet_where(const struct io_sheet *s, int row, int col, struct arena *a)
{
	int line = row >= 0 && row < s->nrows ? s->line[row] : row + 1;
	char buf[64], letters[8];
	if (s->xlsx)
		snprintf(buf, sizeof buf, "%s%d", column_letters(col < 0 ? 0 : col,
								 letters), line);
	else
		snprintf(buf, sizeof buf, TXT_SHEET_LINE, line);
	return arena_strdup(a, buf);
}

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static void
civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Excel's 1900 date system: serial 1 is 1900-01-01 and 60 the 29 February
 * 1900 that never was (kept from Lotus 1-2-3), so from 61 on a serial is
 * one day more than the days since 1899-12-31. The 1904 system counts
 * from 0 = 1904-01-01, which is 1462 in the 1900 one. The time of day
 * (the fraction) is dropped; 60 and anything outside 1..2958465
 * (9999-12-31; 0..2957003 in 1904) stay as written. */
const char *
io_sheet_date(const struct io_sheet *s, int row, int col, struct arena *a)
{
	if (row < 0 || row >= s->nrows || col < 0 || col >= s->ncols)
		return NULL;
	size_t at = (size_t)row * (size_t)s->ncols + (size_t)col;
	const char *text = s->cell[at];
	if (!text || !s->xlsx || !s->numeric[at])
		return text;
	char *end;
	double v = strtod(text, &end);
	if (s->date1904 && end != text && !*end && v >= 0)
		v += 1462;
	if (end == text || *end || !isfinite(v) || v < 1 || v >= 2958466 ||
	    (v >= 60 && v < 61))
		return text;
	long serial = (long)floor(v);
	long days = serial - (serial > 60 ? 25569 : 25568);  /* 1970-01-01 */
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	char buf[16];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	return arena_strdup(a, buf);
}

/* ---- CSV -------------------------------------------------------------------- */

struct csv {
	const char *p, *end;         /* the decoded text not read yet */
	int line;
	char sep;
	char *buf;                   /* the field being read */
	size_t len, cap;
	bool oom;
	struct sheet_cells cells;
	int *lines;                  /* [record]: its first line */
	size_t nlines, lcap;
};

/* Bytes of the line end at p: 2 for CR LF, 1 for LF or CR, else 0. */
static size_t
line_end(const struct csv *c, const char *p)
{
	if (p >= c->end)
		return 0;
	if (*p == '\r')
		return p + 1 < c->end && p[1] == '\n' ? 2 : 1;
	return *p == '\n';
}

static bool
blank(const struct csv *c, char ch)
{
	return ch == ' ' || (ch == '\t' && c->sep != '\t');
}

static void
put(struct csv *c, char ch)
{
	if (c->len + 1 >= c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		char *more = realloc(c->buf, cap);
		if (!more) {
			c->oom = true;
			return;
		}
		c->buf = more;
		c->cap = cap;
	}
	c->buf[c->len++] = ch;
}

/* ',' ';' or TAB: the one the first record that holds any (a title
 * line above the header may hold none) holds most outside quotes. */
static char
detect_sep(const struct csv *c)
{
	size_t comma = 0, semi = 0, tab = 0;
	bool quoted = false;
	for (const char *p = c->p; p < c->end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && line_end(c, p) && comma + semi + tab)
			break;
		else if (!quoted)
			comma += *p == ',', semi += *p == ';', tab += *p == '\t';
	}
	if (semi > comma && semi >= tab)
		return ';';
	return tab > comma && tab > semi ? '\t' : ',';
}

enum field_end { AT_SEP, AT_EOL, AT_END, AT_ERROR };

/* Reads one field into c->buf (its blanks around dropped) and the
 * separator or line end after it. */
static enum field_end
read_field(struct csv *c, int *open_line)
{
	c->len = 0;
	while (c->p < c->end && blank(c, *c->p))
		c->p++;
	if (c->p < c->end && *c->p == '"') {
		*open_line = c->line;
		for (c->p++;;) {
			size_t eol = line_end(c, c->p);
			if (c->p >= c->end)
				return AT_ERROR;
			if (*c->p == '"' && c->p + 1 < c->end && c->p[1] == '"') {
				put(c, '"');
				c->p += 2;
			} else if (*c->p == '"') {
				c->p++;
				break;
			} else if (eol) {
				put(c, '\n');
				c->line++;
				c->p += eol;
			} else {
				put(c, *c->p++);
			}
		}
	}
	size_t kept = c->len;      /* what a closing quote ended: never trimmed */
	while (c->p < c->end && *c->p != c->sep && !line_end(c, c->p))
		put(c, *c->p++);
	while (c->len > kept && blank(c, c->buf[c->len - 1]))
		c->len--;
	if (c->p >= c->end)
		return AT_END;
	if (*c->p == c->sep) {
		c->p++;
		return AT_SEP;
	}
	c->p += line_end(c, c->p);
	c->line++;
	return AT_EOL;
}

static bool
add_line(struct csv *c)
{
	if (c->nlines == c->lcap) {
		size_t cap = c->lcap ? c->lcap * 2 : 256;
		int *more = realloc(c->lines, cap * sizeof *more);
		if (!more)
			return false;
		c->lines = more;
		c->lcap = cap;
	}
	c->lines[c->nlines++] = c->line;
	return true;
}

static int
split(struct csv *c, const char *name, struct arena *a, struct ntm_error *e)
{
	c->sep = detect_sep(c);
	for (int row = 0; c->p < c->end && row < INT_MAX; row++) {
		if (c->nlines >= SHEET_MAX_CELLS)
			return ntm_fail(e, NTM_FAIL, MSG_SHEET_CELLS, name,
					SHEET_MAX_CELLS);
		if (!add_line(c))
			return ntm_fail(e, NTM_FAIL, MSG_SHEET_MEMORY, name);
		enum field_end end = AT_SEP;
		for (int col = 0; end == AT_SEP; col++) {
			int open = 0;
			end = read_field(c, &open);
			if (end == AT_ERROR)
				return ntm_fail(e, NTM_USAGE, MSG_SHEET_AT, name, open,
						MSG_SHEET_QUOTE);
			if (c->oom)
				return ntm_fail(e, NTM_FAIL, MSG_SHEET_MEMORY, name);
			if (c->len == 0)
				continue;
			char *text = arena_alloc(a, c->len + 1);
			memcpy(text, c->buf, c->len);
			if (!sheet_cells_add(&c->cells, row, col, text, false))
				return ntm_fail(e, NTM_FAIL, MSG_SHEET_CELLS, name,
						SHEET_MAX_CELLS);
		}
	}
	return NTM_OK;
}

static int
line_at(const char *bytes, size_t offset)
{
	int line = 1;
	for (size_t i = 0; i < offset; i++)
		if (bytes[i] == '\n' || (bytes[i] == '\r' && bytes[i + 1] != '\n'))
			line++;
	return line;
}

/* The bytes as NFC UTF-8, or NULL with the refusal in e. */
static char *
decode(const char *name, const char *bytes, size_t len, const char *encoding,
       size_t *out_len, struct ntm_error *e)
{
	enum charset from = CHARSET_AUTO, found = CHARSET_UTF8;
	if (encoding && !charset_parse(encoding, &from)) {
		ntm_fail(e, NTM_USAGE, MSG_SHEET_ENCODING, encoding);
		return NULL;
	}
	if (len >= 2 && ((bytes[0] == '\xff' && bytes[1] == '\xfe') ||
			 (bytes[0] == '\xfe' && bytes[1] == '\xff'))) {
		ntm_fail(e, NTM_USAGE, MSG_SHEET_UTF16, name);
		return NULL;
	}
	const char *nul = memchr(bytes, '\0', len);
	if (nul) {
		ntm_fail(e, NTM_USAGE, MSG_SHEET_AT, name,
			 line_at(bytes, (size_t)(nul - bytes)), MSG_SHEET_NUL);
		return NULL;
	}
	struct charset_error err = {0};
	char *text = charset_decode(bytes, len, from, &found, out_len, &err);
	if (!text && err.line)
		ntm_fail(e, NTM_USAGE, MSG_SHEET_DECODE, name, err.line, err.column,
			 charset_name(from == CHARSET_AUTO ? found : from),
			 err.reason ? err.reason : "?");
	else if (!text)
		ntm_fail(e, NTM_FAIL, MSG_SHEET_MEMORY, name);
	return text;
}

int
io_sheet_parse_csv(const char *name, const char *bytes, size_t len,
		   const char *encoding, struct arena *a, struct io_sheet *out,
		   struct ntm_error *e)
{
	*out = (struct io_sheet){.file = arena_strdup(a, name)};
	if (len > (size_t)SHEET_MAX_MB << 20)
		return ntm_fail(e, NTM_FAIL, MSG_SHEET_TOO_BIG, name, SHEET_MAX_MB);
	size_t tlen = 0;
	char *text = decode(name, bytes, len, encoding, &tlen, e);
	if (!text)
		return e ? e->code : NTM_FAIL;
	struct csv c = {.p = text, .end = text + tlen, .line = 1};
	int rc = split(&c, name, a, e);
	if (rc == NTM_OK)
		rc = sheet_grid(out, &c.cells, c.lines, a, e);
	out->sep = c.sep;
	free(c.cells.v);
	free(c.lines);
	free(c.buf);
	free(text);
	return rc;
}

int
io_sheet_read_csv(const char *path, const char *encoding, struct arena *a,
		  struct io_sheet *out, struct ntm_error *e)
{
	size_t len = 0;
	char *bytes = sheet_read_all(path, &len, e);
	if (!bytes)
		return NTM_FAIL;
	int rc = io_sheet_parse_csv(io_file_shown(path), bytes, len, encoding, a,
				    out, e);
	free(bytes);
	return rc;
}
