/* UTF-8 validation, NFC, folding and width on top of utf8proc. */
#include "ntm/text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* User-visible texts of this module. */
static const char *const MSG_PROBLEM[] = {
	[TEXT_OK] = "văn bản hợp lệ",
	[TEXT_BAD_UTF8] = "văn bản không phải UTF-8 hợp lệ",
	[TEXT_CONTROL] = "văn bản chứa ký tự điều khiển",
	[TEXT_BIDI] = "văn bản chứa ký tự đảo chiều viết (bidi)",
	[TEXT_NO_MEMORY] = "không đủ bộ nhớ",
};

const char *
text_problem_message(enum text_problem p)
{
	return MSG_PROBLEM[p];
}

static bool
is_control(utf8proc_int32_t c, bool multiline)
{
	if (multiline && (c == '\n' || c == '\t'))
		return false;
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || text_char_nonchar(c);
}

bool
text_char_nonchar(int32_t c)
{
	return (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
}

/* Text pasted from Windows ends its lines with CR LF, old Mac text with
 * CR: both become LF (a copy), or NULL when s has no CR. */
static char *
unix_lines(const char *s)
{
	if (!strchr(s, '\r'))
		return NULL;
	char *out = malloc(strlen(s) + 1), *q = out;
	if (!out)
		return NULL;
	for (const char *p = s; *p; p++) {
		if (*p != '\r')
			*q++ = *p;
		else if (p[1] != '\n')
			*q++ = '\n';
	}
	*q = '\0';
	return out;
}

bool
text_char_bidi(int32_t c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
	       c == 0x200E || c == 0x200F || c == 0x061C;
}

enum text_problem
text_check(const char *s, bool multiline, size_t *offset)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t len = strlen(s), i = 0;

	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
		enum text_problem bad = TEXT_OK;

		if (n < 0)
			bad = TEXT_BAD_UTF8;
		else if (is_control(c, multiline))
			bad = TEXT_CONTROL;
		else if (text_char_bidi(c))
			bad = TEXT_BIDI;
		if (bad != TEXT_OK) {
			if (offset)
				*offset = i;
			return bad;
		}
		i += (size_t)n;
	}
	return TEXT_OK;
}

char *
text_nfc(const char *s)
{
	if (text_check(s, true, NULL) == TEXT_BAD_UTF8)
		return NULL;
	return (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
}

/* One line of text (a name, a title): other spaces (NBSP, thin space…)
 * become ' ' here, and utf8proc's IGNORE drops the default-ignorable
 * characters (zero-width space and joiners, word joiner, BOM, soft
 * hyphen), so two names that look the same are the same. Bidi controls
 * never get here: text_check refuses them. */
static utf8proc_int32_t
one_line_char(utf8proc_int32_t c, void *data)
{
	(void)data;
	const utf8proc_property_t *prop = utf8proc_get_property(c);
	return prop->category == UTF8PROC_CATEGORY_ZS ? ' ' : c;
}

static char *
nfc_one_line(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_option_t opt = UTF8PROC_NULLTERM | UTF8PROC_STABLE |
		UTF8PROC_COMPOSE | UTF8PROC_IGNORE;
	if (utf8proc_map_custom((const utf8proc_uint8_t *)s, 0, &out, opt,
				one_line_char, NULL) < 0)
		return NULL;
	return (char *)out;
}

char *
text_clean(const char *s, bool multiline, enum text_problem *problem,
	   size_t *offset)
{
	char *lf = multiline ? unix_lines(s) : NULL;
	if (lf)
		s = lf;
	enum text_problem p = text_check(s, multiline, offset);
	char *out = NULL;

	if (p == TEXT_OK) {
		out = multiline ? text_nfc(s) : nfc_one_line(s);
		if (!out)
			p = TEXT_NO_MEMORY;
	}
	free(lf);
	if (problem)
		*problem = p;
	return out;
}

/* utf8proc custom mapping: đ/Đ have no decomposition, so map them here. */
static utf8proc_int32_t
fold_dd(utf8proc_int32_t c, void *data)
{
	(void)data;
	return (c == 0x0110 || c == 0x0111) ? 'd' : c;
}

/* The general path: utf8proc does compose, case-fold and strip marks. */
static char *
fold_slow(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_option_t opt = UTF8PROC_NULLTERM | UTF8PROC_STABLE |
		UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK;

	if (utf8proc_map_custom((const utf8proc_uint8_t *)s, 0, &out, opt,
				fold_dd, NULL) < 0)
		return NULL;
	return (char *)out;
}

/* Folded ASCII letter of each Latin letter with marks (U+00C0–U+024F and
 * U+1E00–U+1EFF, which hold every Vietnamese letter), 0 where the letter
 * does not fold to one ASCII letter. Built once from utf8proc. */
static unsigned char fold_table[0x1f00];

static void
fold_table_init(void)
{
	for (utf8proc_int32_t c = 0xc0; c < 0x1f00; c++) {
		if (c == 0x250)
			c = 0x1e00;
		utf8proc_int32_t d[4];
		utf8proc_ssize_t n = utf8proc_decompose_char(c, d, 4,
			UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, NULL);
		if (n == 1 && d[0] >= 'a' && d[0] <= 'z')
			fold_table[c] = (unsigned char)d[0];
	}
	fold_table[0x110] = fold_table[0x111] = 'd';
}

/* Fast path for text made of ASCII, Latin letters, combining marks and
 * characters without decomposition (all of ntm's data); NULL sends the
 * text to fold_slow. */
static char *
fold_fast(const char *s)
{
	static bool ready;
	if (!ready) {
		fold_table_init();
		ready = true;
	}
	/* a code point grows by half at most when folded (Ⱥ → ⱥ: 2 → 3 bytes) */
	size_t len = strlen(s);
	char *out = malloc(2 * len + 4), *o = out;
	const unsigned char *p = (const unsigned char *)s;
	while (out && *p) {
		if (*p < 0x80) {
			*o++ = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			p++;
			continue;
		}
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
		if (n < 0)
			break;
		if (c >= 0x300 && c <= 0x36f) {        /* a combining mark */
			p += n;
			continue;
		}
		if (c < 0x1f00 && fold_table[c]) {
			*o++ = (char)fold_table[c];
			p += n;
			continue;
		}
		/* punctuation and other scripts: case-folded, if it stays one
		 * code point (else the general path composes properly) */
		utf8proc_int32_t d[4];
		utf8proc_ssize_t k = utf8proc_decompose_char(c, d, 4,
			UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, NULL);
		if (k != 1)
			break;
		o += utf8proc_encode_char(d[0], (utf8proc_uint8_t *)o);
		p += n;
	}
	if (out && *p) {
		free(out);
		return NULL;
	}
	if (out)
		*o = '\0';
	return out;
}

char *
text_fold(const char *s)
{
	char *f = fold_fast(s);
	return f ? f : fold_slow(s);
}

char *
text_casefold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out, UTF8PROC_NULLTERM |
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0)
		return NULL;
	return (char *)out;
}

int
text_distance(const char *a, const char *b)
{
	char *fa = text_fold(a), *fb = text_fold(b);
	int result = 255;

	if (fa && fb) {
		size_t la = strlen(fa), lb = strlen(fb);
		if (la < 64 && lb < 64) {
			int row[65];
			for (size_t j = 0; j <= lb; j++)
				row[j] = (int)j;
			for (size_t i = 1; i <= la; i++) {
				int diag = row[0];
				row[0] = (int)i;
				for (size_t j = 1; j <= lb; j++) {
					int up = row[j];
					int cost = fa[i - 1] == fb[j - 1] ? 0 : 1;
					int best = diag + cost;
					if (row[j] + 1 < best)
						best = row[j] + 1;
					if (row[j - 1] + 1 < best)
						best = row[j - 1] + 1;
					row[j] = best;
					diag = up;
				}
			}
			result = row[lb] < 255 ? row[lb] : 255;
		}
	}
	free(fa);
	free(fb);
	return result;
}
