/* The line editor model: grapheme-wise editing and the built-in input
 * method on the word before the cursor. */
#include "ntm/lineedit.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ntm/text.h"

enum { ASCII_BS = 0x08, ASCII_DEL = 0x7f, CTRL_A = 0x01, CTRL_E = 0x05,
       CTRL_T = 0x14, CTRL_U = 0x15, CTRL_W = 0x17 };

static bool
reserve(struct lineedit *e, size_t extra)
{
	if (e->len + extra + 1 <= e->cap)
		return true;
	size_t cap = (e->len + extra + 1) * 2;
	char *p = realloc(e->buf, cap);
	if (!p)
		return false;
	e->buf = p;
	e->cap = cap;
	return true;
}

/* Replaces bytes [from, to) with s (n bytes); false when over the limit. */
static bool
splice(struct lineedit *e, size_t from, size_t to, const char *s, size_t n)
{
	size_t newlen = e->len - (to - from) + n;
	if ((e->max && newlen > e->max) || (n > to - from && !reserve(e, n - (to - from))))
		return false;
	memmove(e->buf + from + n, e->buf + to, e->len - to + 1);
	memcpy(e->buf + from, s, n);
	e->len = newlen;
	return true;
}

void
lineedit_init(struct lineedit *e, const char *text, size_t max_bytes)
{
	memset(e, 0, sizeof *e);
	e->max = max_bytes;
	e->ime = telex_defaults(TELEX_OFF);
	reserve(e, 64);
	if (e->buf)
		e->buf[0] = '\0';
	lineedit_set(e, text ? text : "");
}

void
lineedit_free(struct lineedit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

void
lineedit_set(struct lineedit *e, const char *text)
{
	e->len = 0;
	if (e->buf)
		e->buf[0] = '\0';
	e->cursor = 0;
	e->composing = false;
	lineedit_paste(e, text);
}

const char *
lineedit_text(const struct lineedit *e)
{
	return e->buf ? e->buf : "";
}

char *
lineedit_commit(const struct lineedit *e)
{
	return text_nfc(lineedit_text(e));
}

static void
insert(struct lineedit *e, const char *s, size_t n)
{
	if (splice(e, e->cursor, e->cursor, s, n))
		e->cursor += n;
}

/* The length of the bad sequence at p (n bytes left): a lead byte and
 * the continuation bytes that follow it, up to the length it announces
 * (about Unicode's "maximal subpart"), each run one U+FFFD. */
static size_t
bad_len(const unsigned char *p, size_t n)
{
	size_t want = p[0] >= 0xf0 && p[0] <= 0xf4 ? 4 : p[0] >= 0xe0 && p[0] <= 0xef ? 3
		    : p[0] >= 0xc2 && p[0] <= 0xdf ? 2 : 1;
	size_t k = 1;
	while (k < want && k < n && (p[k] & 0xc0) == 0x80)
		k++;
	return k;
}

void
lineedit_paste(struct lineedit *e, const char *text)
{
	static const char replacement[] = "\xef\xbf\xbd";   /* U+FFFD */
	e->composing = false;
	const unsigned char *p = (const unsigned char *)text;
	size_t n = strlen(text);
	while (n > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &c);
		if (k <= 0) {
			insert(e, replacement, 3);
			k = (utf8proc_ssize_t)bad_len(p, n);
		} else if (c == '\n' || c == '\r' || c == '\t') {
			insert(e, " ", 1);
		} else if (c >= 0x20 && !(c >= 0x7f && c < 0xa0)) {
			insert(e, (const char *)p, (size_t)k);   /* whole, or not at all */
		}
		p += k;
		n -= (size_t)k;
	}
}

static size_t
next_g(const struct lineedit *e, size_t off)
{
	return text_next_grapheme(e->buf, e->len, off);
}

static size_t
prev_g(const struct lineedit *e, size_t off)
{
	return text_prev_grapheme(e->buf, e->len, off);
}

/* ---- the built-in input method ------------------------------------------ */

static bool
is_letter_at(const struct lineedit *e, size_t off, size_t *end)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)e->buf + off,
					      (utf8proc_ssize_t)(e->len - off), &c);
	if (n <= 0)
		return false;
	*end = off + (size_t)n;
	utf8proc_category_t cat = utf8proc_category(c);
	bool digit = c >= '0' && c <= '9' && e->ime.method == TELEX_VNI;
	return digit || cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
	       cat == UTF8PROC_CATEGORY_MN;
}

/* Takes up the word that ends at the cursor again (after Backspace or a
 * cursor move): its raw keys come from telex_unrender. */
static void
reseed(struct lineedit *e)
{
	size_t start = e->cursor, end;
	if (e->cursor < e->len && is_letter_at(e, e->cursor, &end))
		return;             /* inside a word: type literally */
	while (start > 0) {
		size_t p = prev_g(e, start);
		if (!is_letter_at(e, p, &end))
			break;
		start = p;
	}
	char word[64];
	size_t n = e->cursor - start;
	if (n == 0 || n >= sizeof word)
		return;
	memcpy(word, e->buf + start, n);
	word[n] = '\0';
	char raw[sizeof e->raw];
	if (!telex_unrender(&e->ime, word, raw, sizeof raw))
		return;
	memcpy(e->raw, raw, sizeof raw);
	e->nraw = strlen(raw);
	e->word_start = start;
	e->composing = true;
}

/* A word key with the input method on: re-render the word. */
static void
compose(struct lineedit *e, char key)
{
	if (!e->composing) {
		reseed(e);
		if (!e->composing) {
			e->word_start = e->cursor;
			e->nraw = 0;
			e->composing = true;
		}
	}
	if (e->nraw + 1 >= sizeof e->raw) {  /* a very long "word": literal */
		e->composing = false;
		insert(e, &key, 1);
		return;
	}
	e->raw[e->nraw++] = key;
	char out[4 * sizeof e->raw + 1];
	size_t n = telex_render(&e->ime, e->raw, e->nraw, out, sizeof out);
	if (splice(e, e->word_start, e->cursor, out, n))
		e->cursor = e->word_start + n;
	else
		e->nraw--;
}

static void
type_char(struct lineedit *e, int32_t c)
{
	if (e->ime.method != TELEX_OFF && c < 0x80 &&
	    telex_is_word_key(&e->ime, (char)c, e->composing)) {
		compose(e, (char)c);
		return;
	}
	e->composing = false;
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t n = utf8proc_encode_char(c, tmp);
	if (n > 0)
		insert(e, (const char *)tmp, (size_t)n);
}

/* ---- editing keys --------------------------------------------------------- */

static void
kill_word(struct lineedit *e)
{
	size_t start = e->cursor;
	while (start > 0 && e->buf[start - 1] == ' ')
		start--;
	while (start > 0 && e->buf[prev_g(e, start)] != ' ')
		start = prev_g(e, start);
	splice(e, start, e->cursor, "", 0);
	e->cursor = start;
}

/* Handles a key that is not text; returns false when it is not one. */
static bool
edit_key(struct lineedit *e, int32_t key)
{
	size_t to;
	switch (key) {
	case LE_BACKSPACE: case ASCII_BS: case ASCII_DEL:
		to = e->cursor;
		e->cursor = prev_g(e, to);
		splice(e, e->cursor, to, "", 0);
		break;
	case LE_DELETE:
		splice(e, e->cursor, next_g(e, e->cursor), "", 0);
		break;
	case LE_LEFT:
		e->cursor = prev_g(e, e->cursor);
		break;
	case LE_RIGHT:
		e->cursor = next_g(e, e->cursor);
		break;
	case LE_HOME: case CTRL_A:
		e->cursor = 0;
		break;
	case LE_END: case CTRL_E:
		e->cursor = e->len;
		break;
	case LE_KILL_WORD: case CTRL_W:
		kill_word(e);
		break;
	case LE_KILL_START: case CTRL_U:
		splice(e, 0, e->cursor, "", 0);
		e->cursor = 0;
		break;
	case LE_CYCLE_IME: case CTRL_T:
		lineedit_cycle_ime(e);
		break;
	default:
		return false;
	}
	e->composing = false;
	return true;
}

bool
lineedit_key(struct lineedit *e, int32_t key)
{
	if (edit_key(e, key))
		return true;
	if (key < 0x20 || (key >= 0x7f && key < 0xa0) || key > 0x10ffff)
		return false;           /* other controls are not text */
	type_char(e, key);
	return true;
}

/* ---- display -------------------------------------------------------------- */

int
lineedit_cursor_col(const struct lineedit *e)
{
	return text_width_range(lineedit_text(e), 0, e->cursor);
}

void
lineedit_view(struct lineedit *e, int width, size_t *first, int *cursor_col)
{
	int col = lineedit_cursor_col(e);
	if (width < 1)
		width = 1;
	if (col < e->scroll)
		e->scroll = col;
	if (col >= e->scroll + width)
		e->scroll = col - width + 1;
	size_t at = 0;
	int at_col = 0;
	while (at < e->len && at_col < e->scroll) {
		size_t next = next_g(e, at);
		at_col += text_width_range(e->buf, at, next);
		at = next;
	}
	*first = at;
	*cursor_col = col - at_col;
}

void
lineedit_cycle_ime(struct lineedit *e)
{
	static const enum telex_method next[] = {
		[TELEX_OFF] = TELEX_TELEX, [TELEX_TELEX] = TELEX_VNI,
		[TELEX_VNI] = TELEX_OFF,
	};
	lineedit_set_ime(e, next[e->ime.method]);
}

void
lineedit_set_ime(struct lineedit *e, enum telex_method m)
{
	e->ime.method = m;
	e->composing = false;
}

enum telex_method
lineedit_ime(const struct lineedit *e)
{
	return e->ime.method;
}
