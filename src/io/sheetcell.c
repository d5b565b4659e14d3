/* What a cell says as the official saw it on screen, and which reader a
 * file takes (man 1 ntm, IMPORT):
 * - a string: OOXML's _xHHHH_ escapes decoded, NFC;
 * - a number: at most 10 significant digits, so that the float noise of a
 *   formula or a typed decimal goes (86.49999999999999 is "86.5",
 *   0.30000000000000004 "0.3"); in a cell whose number format is a
 *   percent ("0%", "0.0%", a custom format with %), the percent: 0.87 is
 *   "87", as Excel shows it;
 * - text typed with the old TCVN3/VNI fonts (.VnTime, VNI-Times), which a
 *   workbook holds as the Windows-1252 characters of the font's bytes
 *   ("ViÖt H­ng"): turned back into those bytes and decoded. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "columns.h"
#include "msg.h"
#include "ntm/arena.h"
#include "ntm/charset.h"
#include "ntm/io.h"
#include "ntm/text.h"
#include "sheet.h"

/* s with OOXML's _xHHHH_ escapes decoded, NFC, in the arena; NULL when
 * it is not valid UTF-8. */
const char *
sheet_string_value(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(n + 1), *o = out;
	if (!out)
		return NULL;
	for (const char *p = s; *p;) {
		unsigned v = 0;
		int k = 0;
		if (p[0] == '_' && p[1] == 'x')
			for (k = 2; k < 6; k++) {
				char c = p[k];
				int d = c >= '0' && c <= '9' ? c - '0'
					: c >= 'a' && c <= 'f' ? c - 'a' + 10
					: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
				if (d < 0)
					break;
				v = v * 16 + (unsigned)d;
			}
		if (k == 6 && p[6] == '_' && v && (v < 0xd800 || v > 0xdfff)) {
			if (v < 0x80) {
				*o++ = (char)v;
			} else if (v < 0x800) {
				*o++ = (char)(0xc0 | v >> 6);
				*o++ = (char)(0x80 | (v & 0x3f));
			} else {
				*o++ = (char)(0xe0 | v >> 12);
				*o++ = (char)(0x80 | (v >> 6 & 0x3f));
				*o++ = (char)(0x80 | (v & 0x3f));
			}
			p += 7;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	char *nfc = text_nfc(out);
	free(out);
	const char *kept = arena_strdup(a, nfc);
	free(nfc);
	return kept;
}

bool
sheet_same_folded(const char *x, const char *y)
{
	char *fx = text_fold(x), *fy = text_fold(y);
	bool same = fx && fy && strcmp(fx, fy) == 0;
	free(fx);
	free(fy);
	return same;
}

bool
sheet_format_percent(const char *code)
{
	bool quoted = false;
	for (const char *p = code ? code : ""; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && (*p == '\\' || *p == '_' || *p == '*') && p[1])
			p++;             /* the next character is shown as it is */
		else if (!quoted && *p == '%')
			return true;
	}
	return false;
}

const char *
sheet_number_text(struct arena *a, const char *raw, bool percent)
{
	char *end, buf[40];
	double v = strtod(raw, &end);
	if (end == raw || *end || !isfinite(v))
		return sheet_string_value(a, raw);
	if (percent)
		v *= 100;
	snprintf(buf, sizeof buf, "%.10g", v);
	if (!percent && strpbrk(buf, "eE"))
		return sheet_string_value(a, raw);   /* as written: 1E-05 */
	return arena_strdup(a, strcmp(buf, "-0") == 0 ? "0" : buf);
}

/* ---- cells in the old fonts ------------------------------------------------ */

/* Windows-1252's characters for the bytes 0x80..0x9f (0: none). */
static const unsigned short CP1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/* The byte the font showed as code point u, or -1. */
static int
font_byte(unsigned u)
{
	if (u <= 0xff)
		return (int)u;
	for (int i = 0; i < 32; i++)
		if (CP1252[i] == u)
			return 0x80 + i;
	return -1;
}

/* The bytes of t when every character of it is one of a legacy font's
 * and one at least is not ASCII (malloc'ed, *len), else NULL. */
static char *
font_bytes(const char *t, size_t *len)
{
	size_t n = strlen(t), o = 0;
	char *out = malloc(n + 1);
	bool high = false;
	const unsigned char *p = (const unsigned char *)t;
	while (out && *p) {
		unsigned u = *p;
		int k = u < 0x80 ? 0 : (u & 0xe0) == 0xc0 ? 1 : (u & 0xf0) == 0xe0
			? 2 : 3;
		u &= k ? 0x3fu >> k : 0x7fu;
		for (int i = 1; i <= k; i++) {
			if ((p[i] & 0xc0) != 0x80) {
				free(out);
				return NULL;
			}
			u = u << 6 | (p[i] & 0x3fu);
		}
		int b = font_byte(u);
		if (b < 0) {
			free(out);
			return NULL;
		}
		high |= b >= 0x80;
		out[o++] = (char)b;
		p += k + 1;
	}
	if (out && !high) {
		free(out);
		return NULL;
	}
	if (out)
		out[o] = '\0';
	*len = o;
	return out;
}

/* cells[i] decoded from `from` when it is a legacy font's text (others,
 * and one that does not decode, kept). */
static void
decode_cells(const char **cells, size_t n, enum charset from, struct arena *a)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = 0;
		char *bytes = cells[i] ? font_bytes(cells[i], &len) : NULL;
		char *text = bytes ? charset_decode(bytes, len, from, NULL, NULL,
						    NULL) : NULL;
		if (text)
			cells[i] = arena_strdup(a, text);
		free(text);
		free(bytes);
	}
}

/* The legacy bytes of the cells of s's first rows, one cell a line. */
static char *
header_bytes(const struct io_sheet *s, size_t *len)
{
	size_t n = 0, cap = 256;
	char *all = malloc(cap);
	int rows = s->nrows < IO_HEADER_ROWS * 2 ? s->nrows : IO_HEADER_ROWS * 2;
	for (size_t i = 0; all && i < (size_t)rows * (size_t)s->ncols; i++) {
		size_t m = 0;
		char *b = s->cell[i] ? font_bytes(s->cell[i], &m) : NULL;
		if (b && n + m + 2 > cap) {
			while (n + m + 2 > cap)
				cap *= 2;
			char *more = realloc(all, cap);
			if (!more)
				free(all);
			all = more;
		}
		if (b && all) {
			memcpy(all + n, b, m);
			n += m;
			all[n++] = '\n';
		}
		free(b);
	}
	*len = n;
	return all;
}

int
sheet_legacy(struct io_sheet *s, const char *encoding, struct arena *a,
	     struct ntm_error *e)
{
	enum charset from = CHARSET_AUTO;
	if (encoding && !charset_parse(encoding, &from))
		return ntm_fail(e, NTM_USAGE, MSG_SHEET_ENCODING, encoding);
	size_t n = (size_t)s->nrows * (size_t)s->ncols;
	if (from == CHARSET_UTF8 || n == 0)
		return NTM_OK;
	if (from != CHARSET_AUTO) {
		decode_cells(s->cell, n, from, a);
		return NTM_OK;
	}
	int row;
	if (io_kind_header(s, NULL, &row))
		return NTM_OK;
	size_t len = 0;
	char *bytes = header_bytes(s, &len);
	from = bytes && len ? charset_detect(bytes, len) : CHARSET_UTF8;
	free(bytes);
	if (from == CHARSET_UTF8)
		return NTM_OK;
	/* decoded only when that makes the header one ntm reads */
	const char **kept = s->cell;
	s->cell = arena_alloc(a, n * sizeof *s->cell);
	memcpy(s->cell, kept, n * sizeof *s->cell);
	decode_cells(s->cell, n, from, a);
	if (!io_kind_header(s, NULL, &row))
		s->cell = kept;
	return NTM_OK;
}

/* ---- which reader ---------------------------------------------------------- */

/* Whether path is a zip (its first bytes "PK\3\4"). */
static bool
is_zip(const char *path)
{
	char head[4] = {0};
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t got = fread(head, 1, sizeof head, f);
	fclose(f);
	return got == 4 && memcmp(head, "PK\3\4", 4) == 0;
}

int
io_sheet_read(const char *path, const char *sheet, const char *encoding,
	      struct arena *a, struct io_sheet **out, int *n,
	      struct ntm_error *e)
{
	size_t len = strlen(path);
	bool xlsx = strcmp(path, "-") != 0 &&
		((len > 5 && (strcasecmp(path + len - 5, ".xlsx") == 0 ||
			      strcasecmp(path + len - 5, ".xlsm") == 0)) ||
		 ((len < 4 || strcasecmp(path + len - 4, ".csv") != 0) &&
		  is_zip(path)));
	if (xlsx)
		return io_sheet_read_xlsx(path, sheet, encoding, a, out, n, e);
	*out = NULL;
	*n = 0;
	if (sheet)
		return ntm_fail(e, NTM_USAGE, MSG_SHEET_NOT_BOOK,
				io_file_shown(path));
	struct io_sheet *s = arena_alloc(a, sizeof *s);
	int rc = io_sheet_read_csv(path, encoding, a, s, e);
	if (rc == NTM_OK) {
		*out = s;
		*n = 1;
	}
	return rc;
}
