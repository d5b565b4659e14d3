/* telex_unrender: the raw keys that write a given word. Each letter gets
 * the usual keys for it (â → aa, ư → uw, a plain letter that would change
 * something → doubled), each choice checked by rendering the keys so far;
 * the tone key goes last, or earlier when a final consonant needs it. The
 * answer is always checked in full, so it renders back to the word. */
#include "ntm/telex.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define UNIT_MAX 64                  /* letters in a word we take up */
#define RAW_MAX (2 * UNIT_MAX + 2)   /* at most two keys a letter, a tone */

enum shape { SHAPE_NONE, SHAPE_HAT, SHAPE_BREVE, SHAPE_HORN, SHAPE_BAR };

/* One written letter, taken apart. */
struct unit {
	char key;             /* the ASCII letter in its case, or the byte */
	unsigned char shape;  /* enum shape */
	unsigned char tone;   /* 0 none, 1-5 sắc huyền hỏi ngã nặng */
};

struct units {
	struct unit u[UNIT_MAX];
	size_t n;
};

/* ---- reading a word ------------------------------------------------------------ */

/* The mark a combining character adds: a shape or a tone. */
static bool
combining_mark(utf8proc_int32_t c, unsigned char *shape, unsigned char *tone)
{
	static const utf8proc_int32_t TONES[] = {0x301, 0x300, 0x309, 0x303, 0x323};

	for (size_t i = 0; i < sizeof TONES / sizeof *TONES; i++)
		if (c == TONES[i] && *tone == 0) {
			*tone = (unsigned char)(i + 1);
			return true;
		}
	if (*shape != SHAPE_NONE)
		return false;
	*shape = c == 0x302 ? SHAPE_HAT : c == 0x306 ? SHAPE_BREVE
		: c == 0x31b ? SHAPE_HORN : SHAPE_NONE;
	return *shape != SHAPE_NONE;
}

/* True when the shape exists on that base letter (â ê ô ă ơ ư). */
static bool
shape_fits(char base, unsigned char shape)
{
	switch (shape) {
	case SHAPE_NONE:
		return true;
	case SHAPE_HAT:
		return base == 'a' || base == 'e' || base == 'o';
	case SHAPE_BREVE:
		return base == 'a';
	case SHAPE_HORN:
		return base == 'o' || base == 'u';
	default:
		return false;
	}
}

/* A Vietnamese letter outside ASCII: đ, or a vowel with marks. */
static bool
unit_from_char(utf8proc_int32_t c, struct unit *u)
{
	utf8proc_int32_t d[4];
	int bound = 0;

	*u = (struct unit){0};
	if (c == 0x110 || c == 0x111) {
		u->key = c == 0x110 ? 'D' : 'd';
		u->shape = SHAPE_BAR;
		return true;
	}
	utf8proc_ssize_t n = utf8proc_decompose_char(c, d, 4, UTF8PROC_DECOMPOSE, &bound);
	if (n < 2 || n > 3 || d[0] >= 0x80 || !strchr("aeiouyAEIOUY", (int)d[0]))
		return false;
	u->key = (char)d[0];
	for (utf8proc_ssize_t i = 1; i < n; i++)
		if (!combining_mark(d[i], &u->shape, &u->tone))
			return false;
	char base = (char)(u->key | 0x20);
	return shape_fits(base, u->shape);
}

/* Takes an NFC word apart; false for characters no key writes. */
static bool
units_read(const char *s, struct units *w)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(s), i = 0;

	w->n = 0;
	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(p + i, len - i, &c);
		if (k < 0 || w->n >= UNIT_MAX)
			return false;
		struct unit *u = &w->u[w->n++];
		if (c < 0x80)
			*u = (struct unit){.key = (char)c};
		else if (!unit_from_char(c, u))
			return false;
		i += k;
	}
	return true;
}

static bool
units_equal(const struct unit *a, const struct unit *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].key != b[i].key || a[i].shape != b[i].shape ||
		    a[i].tone != b[i].tone)
			return false;
	return true;
}

/* ---- keys ----------------------------------------------------------------------- */

struct keys {
	char k[RAW_MAX + 1];
	size_t n;
};

static bool
is_upper_key(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* The key sequences that may write a letter, most usual first; returns
 * how many. Modifier keys take the letter's case. */
static size_t
candidates(const struct telex_options *o, const struct unit *u, char c[3][3])
{
	bool vni = o->method == TELEX_VNI;
	char w = is_upper_key(u->key) ? 'W' : 'w';
	static const char VNI_SHAPE[] = {0, '6', '8', '7', '9'};

	memset(c, 0, 3 * sizeof c[0]);
	c[0][0] = u->key;
	if (u->shape == SHAPE_NONE) {
		c[1][0] = c[1][1] = u->key;
		return 2;
	}
	if (vni)
		c[0][1] = VNI_SHAPE[u->shape];
	else if (u->shape == SHAPE_HAT || u->shape == SHAPE_BAR)
		c[0][1] = u->key;
	else
		c[0][1] = w;
	if (!vni && u->shape == SHAPE_HORN && (u->key | 0x20) == 'u') {
		c[1][0] = w;
		return 2;
	}
	return 1;
}

static bool
keys_add(struct keys *k, const char *s)
{
	size_t len = strlen(s);

	if (len > RAW_MAX - k->n)
		return false;
	memcpy(k->k + k->n, s, len);
	k->n += len;
	k->k[k->n] = '\0';
	return true;
}

/* Renders keys and takes the result apart. */
static bool
render_units(const struct telex_options *o, const struct keys *k, struct units *out)
{
	char text[4 * RAW_MAX + 1];

	telex_render(o, k->k, k->n, text, sizeof text);
	return units_read(text, out);
}

/* Keys for the word without its tone, letter by letter. */
static bool
untoned_keys(const struct telex_options *o, const struct units *w, struct keys *k)
{
	struct units want = *w, got;

	for (size_t i = 0; i < want.n; i++)
		want.u[i].tone = 0;
	k->n = 0;
	k->k[0] = '\0';
	for (size_t i = 0; i < want.n; i++) {
		char c[3][3];
		size_t nc = candidates(o, &want.u[i], c), j;
		for (j = 0; j < nc; j++) {
			struct keys t = *k;
			if (keys_add(&t, c[j]) && render_units(o, &t, &got) &&
			    got.n == i + 1 && units_equal(got.u, want.u, i + 1)) {
				*k = t;
				break;
			}
		}
		if (j == nc)
			return false;
	}
	return true;
}

/* Inserts the tone key where the word comes out right: at the end, else
 * as late as possible. */
static bool
add_tone(const struct telex_options *o, const char *word, int tone, struct keys *k)
{
	char key = (o->method == TELEX_VNI ? "12345" : "sfrxj")[tone - 1];
	char text[4 * RAW_MAX + 1];

	if (k->n >= RAW_MAX)
		return false;
	for (size_t at = k->n + 1; at-- > 0;) {
		struct keys t = *k;
		memmove(t.k + at + 1, t.k + at, t.n - at + 1);
		t.k[at] = key;
		t.n++;
		telex_render(o, t.k, t.n, text, sizeof text);
		if (strcmp(text, word) == 0) {
			*k = t;
			return true;
		}
	}
	return false;
}

static bool
find_keys(const struct telex_options *o, const char *word, struct keys *k)
{
	struct units w;
	int tone = 0;
	char text[4 * RAW_MAX + 1];

	if (!units_read(word, &w))
		return false;
	for (size_t i = 0; i < w.n; i++) {
		if (w.u[i].tone != 0 && tone != 0)
			return false;
		if (w.u[i].tone != 0)
			tone = w.u[i].tone;
	}
	if (!untoned_keys(o, &w, k))
		return false;
	if (tone != 0)
		return add_tone(o, word, tone, k);
	telex_render(o, k->k, k->n, text, sizeof text);
	return strcmp(text, word) == 0;
}

bool
telex_unrender(const struct telex_options *o, const char *word, char *raw,
	       size_t n)
{
	if (!o || (o->method != TELEX_TELEX && o->method != TELEX_VNI)) {
		size_t len = strlen(word);
		if (len >= n)
			return false;
		memcpy(raw, word, len + 1);
		return true;
	}
	char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)word);
	struct keys k;
	bool ok = nfc && find_keys(o, nfc, &k) && k.n < n;

	if (ok)
		memcpy(raw, k.k, k.n + 1);
	free(nfc);
	return ok;
}
