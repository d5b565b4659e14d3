/* Making text safe and readable on any terminal: the sanitiser (controls
 * shown, never obeyed) and the ASCII transliteration for terminals that
 * are not UTF-8. */
#include "ntm/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* A growing output buffer. */
struct buf {
	char *p;
	size_t n, cap;
	bool failed;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->cap + n + 1) * 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->failed = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static char *
finish(struct buf *b)
{
	if (b->failed) {
		free(b->p);
		return NULL;
	}
	if (!b->p)
		return calloc(1, 1);
	return b->p;
}

/* ---- ASCII transliteration ------------------------------------------------ */

static const struct { utf8proc_int32_t c; const char *ascii; } LOOKALIKE[] = {
	{0x2013, "-"}, {0x2014, "-"}, {0x2212, "-"}, {0x2026, "..."},
	{0x201C, "\""}, {0x201D, "\""}, {0x2018, "'"}, {0x2019, "'"},
	{0x00AB, "\""}, {0x00BB, "\""}, {0x2265, ">="}, {0x2264, "<="},
	{0x2192, "->"}, {0x00B2, "2"}, {0x00B3, "3"}, {0x00B0, "o"},
	{0x00A0, " "}, {0x2022, "*"}, {0x00B7, "."}, {0x2116, "No"},
	{0x2191, "Up"}, {0x2193, "Down"}, {0x2190, "<-"}, {0x2039, "<"},
	{0x203A, ">"}, {0x2588, "#"}, {0x2591, "-"}, {0x2713, "x"},
	{0x2500, "-"}, {0x2502, "|"}, {0x25B8, ">"}, {0x00D7, "x"},
};

/* Appends the ASCII form of one code point: marks stripped, đ → d. */
static void
put_ascii(struct buf *b, utf8proc_int32_t c)
{
	if (c < 0x80) {
		char ch = (char)c;
		put(b, &ch, 1);
		return;
	}
	if (c == 0x0110 || c == 0x0111) {
		put(b, c == 0x0110 ? "D" : "d", 1);
		return;
	}
	for (size_t i = 0; i < sizeof LOOKALIKE / sizeof *LOOKALIKE; i++)
		if (LOOKALIKE[i].c == c) {
			puts_(b, LOOKALIKE[i].ascii);
			return;
		}
	utf8proc_int32_t dec[8];
	utf8proc_ssize_t n = utf8proc_decompose_char(c, dec, 8, UTF8PROC_DECOMPOSE, NULL);
	if (n >= 1 && dec[0] < 0x80) {
		char ch = (char)dec[0];
		put(b, &ch, 1);
		return;
	}
	const utf8proc_property_t *prop = utf8proc_get_property(c);
	if (prop->category == UTF8PROC_CATEGORY_MN)
		return;                 /* a lone combining mark */
	put(b, "?", 1);
}

char *
text_ascii(const char *s)
{
	struct buf b = {0};
	const uint8_t *p = (const uint8_t *)s;
	size_t len = strlen(s), i = 0;
	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
		if (n < 0) {
			put(&b, "?", 1);
			i++;
			continue;
		}
		put_ascii(&b, c);
		i += (size_t)n;
	}
	return finish(&b);
}

/* ---- the sanitiser -------------------------------------------------------- */

/* A C0 control or DEL, made visible. */
static void
put_c0(struct buf *b, utf8proc_int32_t c, bool ascii)
{
	char tmp[8];
	if (ascii) {
		snprintf(tmp, sizeof tmp, "^%c", c == 0x7f ? '?' : (char)(c + 0x40));
		puts_(b, tmp);
		return;
	}
	/* Control pictures: U+2400 + c, DEL at U+2421. */
	utf8proc_int32_t pic = c == 0x7f ? 0x2421 : 0x2400 + c;
	utf8proc_ssize_t n = utf8proc_encode_char(pic, (utf8proc_uint8_t *)tmp);
	put(b, tmp, (size_t)n);
}

/* A C1 control: ESC and its 7-bit letter (0x9B → ␛[ or ^[[). */
static void
put_c1(struct buf *b, utf8proc_int32_t c, bool ascii)
{
	put_c0(b, 0x1b, ascii);
	char ch = (char)(c - 0x40);
	put(b, &ch, 1);
}

static void
put_replacement(struct buf *b, bool ascii)
{
	puts_(b, ascii ? "?" : "\xef\xbf\xbd");
}

char *
text_sanitize(const char *s, size_t len, int flags)
{
	bool ascii = flags & TEXT_SAN_ASCII;
	struct buf b = {0};
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;
	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
		if (n < 0) {
			put_replacement(&b, ascii);
			i++;
			continue;
		}
		if (c == '\n' && (flags & TEXT_SAN_NEWLINES))
			put(&b, "\n", 1);
		else if (c < 0x20 || c == 0x7f)
			put_c0(&b, c, ascii);
		else if (c >= 0x80 && c < 0xa0)
			put_c1(&b, c, ascii);
		else if (text_char_bidi(c) || text_char_nonchar(c))
			put_replacement(&b, ascii);
		else if (ascii)
			put_ascii(&b, c);
		else
			put(&b, s + i, (size_t)n);
		i += (size_t)n;
	}
	return finish(&b);
}

/* ---- the spreadsheet sanitiser -------------------------------------------- */

/* A plain decimal number ("-12", "3.5", "-0,25"): a spreadsheet reads it as
 * a number, not a formula, so it keeps its sign. */
static bool
plain_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	bool digit = false, sep = false;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digit = true;
		else if ((*s == '.' || *s == ',') && !sep)
			sep = true;
		else
			return false;
	}
	return digit;
}

/* Whether a spreadsheet would run s as a formula (= + - @ first, not a
 * plain number), or s is such a text already neutralised by one or more
 * ': what text_cell_safe prefixes with ' and text_cell_plain takes it
 * from, so that each undoes the other. */
static bool
formula_like(const char *s)
{
	s += strspn(s, "'");
	return s[0] && strchr("=+-@", s[0]) && !plain_number(s);
}

char *
text_cell_safe(const char *s)
{
	char *clean = text_sanitize(s, strlen(s), TEXT_SAN_NEWLINES);
	if (!clean || !formula_like(clean))
		return clean;
	size_t n = strlen(clean);
	char *out = malloc(n + 2);
	if (out) {
		out[0] = '\'';
		memcpy(out + 1, clean, n + 1);
	}
	free(clean);
	return out;
}

const char *
text_cell_plain(const char *s)
{
	return s && s[0] == '\'' && formula_like(s + 1) ? s + 1 : s;
}
