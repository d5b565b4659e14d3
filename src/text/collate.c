/* Vietnamese collation: three levels in the manner of the Unicode Collation
 * Algorithm, over utf8proc's canonical decomposition.
 *
 * Text is read as a stream of elements: a base character with the marks
 * that follow it, decomposed (NFD) and put in canonical order, so NFC and
 * NFD input give the same elements. Each element has weights on three
 * levels:
 *   primary    the letter; ă â đ ê ô ơ ư are letters of their own;
 *   secondary  the tone (none < huyền < hỏi < ngã < sắc < nặng), then any
 *              other marks, two weights each;
 *   tertiary   the case, lowercase first.
 * Strings compare on the primary weights of the whole string first, then
 * on the secondary, then on the tertiary, so "ba" < "bà" < "bác".
 *
 * Primary weights, low to high ("cp" = the code point, two weights):
 *   0x0100-0x0121, cp   spaces, punctuation, symbols, controls
 *   0x0201-0x02ff, …    a run of ASCII digits: its number of significant
 *                       digits, then the digits (numeric order)
 *   0x0300-0x0320       a ă â b c d đ e ê f g h i j k l m n o ô ơ p … z
 *   0x0400-0x0421, cp   other letters and numbers, by lowercase code point
 *   0xff80-0xffff       an invalid byte, by its value
 * A sort key is the three weight arrays, big-endian 16 bits a weight,
 * joined by a 0 weight. No weight is 0, so a string whose weights are a
 * prefix of another's sorts first both in keys and in comparisons. */
#include "ntm/collate.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

enum {
	LEVELS = 3,
	MAX_MARKS = 32,     /* per element; Unicode's stream-safe limit is 30 */
	MAX_WEIGHTS = 1 + 2 * MAX_MARKS,
	DECOMP_MAX = 8,     /* longest canonical decomposition is 4 */
	INVALID_CP = 0x110000, /* INVALID_CP + b stands for invalid byte b */
};

/* Weights. Primary: */
enum {
	W_VARIABLE = 0x0100,
	W_NUMBER = 0x0200,
	W_LETTER = 0x0300,
	W_OTHER = 0x0400,
	W_INVALID = 0xff00,
	W_DIGIT = 0x0030,   /* after the W_NUMBER length weight */
};
/* Secondary and tertiary: */
enum {
	W_TONE = 0x0001,    /* + enum tone */
	W_MARK = 0x0100,
	W_LOWER = 0x0001,
	W_UPPER = 0x0002,
};

enum tone { TONE_NONE, TONE_HUYEN, TONE_HOI, TONE_NGA, TONE_SAC, TONE_NANG };

enum {
	MARK_GRAVE = 0x0300,
	MARK_ACUTE = 0x0301,
	MARK_CIRCUMFLEX = 0x0302,
	MARK_TILDE = 0x0303,
	MARK_BREVE = 0x0306,
	MARK_HOOK = 0x0309,
	MARK_HORN = 0x031b,
	MARK_DOT_BELOW = 0x0323,
	MARK_LAST_COMBINING_BASIC = 0x036f, /* U+0300-U+036F are all marks */
	LATIN_D_STROKE = 0x0111,
	LATIN_CAPITAL_D_STROKE = 0x0110,
};

/* Rank of a..z in a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư
 * v w x y z; the gaps are the letters made with a mark. */
static const unsigned char LATIN_RANK[26] = {
	0, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,   /* a-o */
	21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 32,             /* p-z */
};

/* Marks that make a letter of its own, ranked `step` after its base. */
static const struct {
	char base;
	utf8proc_int32_t mark;
	int step;
} LETTER_MARKS[] = {
	{ 'a', MARK_BREVE, 1 }, { 'a', MARK_CIRCUMFLEX, 2 },
	{ 'e', MARK_CIRCUMFLEX, 1 },
	{ 'o', MARK_CIRCUMFLEX, 1 }, { 'o', MARK_HORN, 2 },
	{ 'u', MARK_HORN, 1 },
};

/* One collation element: a base character and the marks on it. */
struct element {
	uint16_t primary[2];
	int nprimary;
	bool has_base;        /* false for marks with no base before them */
	char letter;          /* a-z when the base is a Latin letter */
	bool upper;
	enum tone tone;
	utf8proc_int32_t marks[MAX_MARKS]; /* all but the tone and ă â … marks */
	int nmarks;
};

/* The decomposed code points of a UTF-8 string. */
struct cp_stream {
	const unsigned char *s;
	size_t len, pos;      /* pos: the next byte to decode */
	size_t src;           /* where the buffered code points came from */
	utf8proc_int32_t buf[DECOMP_MAX];
	int n, i;
};

/* Elements of a string, with the state of the digit run being read. */
struct reader {
	struct cp_stream cs;
	size_t run_left;      /* digits left in the run, the current one included */
	size_t run_zeros;     /* leading zeros still to pass over */
	bool run_head;        /* the next significant digit is the first */
	size_t run_digits;    /* significant digits in the run */
};

/* The weights of one level of a string, one at a time. */
struct level_stream {
	struct reader rd;
	int level;
	uint16_t w[MAX_WEIGHTS];
	int n, i;
};

/* Decodes the next character into cs->buf; false at the end. */
static bool
cps_fill(struct cp_stream *cs)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t r;
	size_t rest = cs->len - cs->pos;

	if (cs->i < cs->n)
		return true;
	if (rest == 0)
		return false;
	cs->src = cs->pos;
	cs->i = 0;
	cs->n = 1;
	if (cs->s[cs->pos] < 0x80) {
		cs->buf[0] = cs->s[cs->pos++];
		return true;
	}
	r = utf8proc_iterate(cs->s + cs->pos,
			     rest < 4 ? (utf8proc_ssize_t)rest : 4, &c);
	if (r < 0) {
		cs->buf[0] = INVALID_CP + cs->s[cs->pos++];
		return true;
	}
	cs->pos += (size_t)r;
	r = utf8proc_decompose_char(c, cs->buf, DECOMP_MAX, UTF8PROC_DECOMPOSE,
				    NULL);
	if (r >= 1 && r <= DECOMP_MAX)
		cs->n = (int)r;
	else
		cs->buf[0] = c;
	return true;
}

static bool
is_mark(utf8proc_int32_t c)
{
	utf8proc_category_t cat;

	if (c < MARK_GRAVE || c >= INVALID_CP)
		return false;
	if (c <= MARK_LAST_COMBINING_BASIC)
		return true;
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
	       cat == UTF8PROC_CATEGORY_ME;
}

static bool
cps_next(struct cp_stream *cs, utf8proc_int32_t *c)
{
	if (!cps_fill(cs))
		return false;
	*c = cs->buf[cs->i++];
	return true;
}

/* Takes the next code point only if it is a combining mark. */
static bool
cps_next_mark(struct cp_stream *cs, utf8proc_int32_t *c)
{
	if (!cps_fill(cs) || !is_mark(cs->buf[cs->i]))
		return false;
	*c = cs->buf[cs->i++];
	return true;
}

static int
combining_class(utf8proc_int32_t c)
{
	return utf8proc_get_property(c)->combining_class;
}

/* Canonical ordering: marks move before marks of a higher non-zero class. */
static void
marks_reorder(utf8proc_int32_t *m, int n)
{
	for (int i = 1; i < n; i++) {
		utf8proc_int32_t c = m[i];
		int cc = combining_class(c), j = i;

		if (cc == 0)
			continue;
		while (j > 0 && combining_class(m[j - 1]) > cc) {
			m[j] = m[j - 1];
			j--;
		}
		m[j] = c;
	}
}

static enum tone
tone_of(utf8proc_int32_t mark)
{
	switch (mark) {
	case MARK_GRAVE: return TONE_HUYEN;
	case MARK_HOOK: return TONE_HOI;
	case MARK_TILDE: return TONE_NGA;
	case MARK_ACUTE: return TONE_SAC;
	case MARK_DOT_BELOW: return TONE_NANG;
	default: return TONE_NONE;
	}
}

/* How far past its base `mark` moves Latin letter `letter`, or 0. */
static int
letter_step(char letter, utf8proc_int32_t mark)
{
	for (size_t i = 0; i < sizeof LETTER_MARKS / sizeof LETTER_MARKS[0]; i++)
		if (LETTER_MARKS[i].base == letter && LETTER_MARKS[i].mark == mark)
			return LETTER_MARKS[i].step;
	return 0;
}

static void
set_primary(struct element *e, int w)
{
	e->primary[0] = (uint16_t)w;
	e->nprimary = 1;
}

/* Two weights: the range, plus the code point's high bits; then its low bits. */
static void
set_primary_cp(struct element *e, int range, utf8proc_int32_t c)
{
	e->primary[0] = (uint16_t)(range + (c >> 15));
	e->primary[1] = (uint16_t)(0x8000 | (c & 0x7fff));
	e->nprimary = 2;
}

/* Starts a run of ASCII digits at byte src: measures it. */
static void
run_start(struct reader *rd, size_t src)
{
	const unsigned char *s = rd->cs.s;
	size_t len = 0, zeros = 0;

	while (src + len < rd->cs.len && s[src + len] >= '0' &&
	       s[src + len] <= '9')
		len++;
	while (zeros + 1 < len && s[src + zeros] == '0')
		zeros++;
	rd->run_left = len;
	rd->run_zeros = zeros;
	rd->run_digits = len - zeros;
	rd->run_head = true;
}

/* A digit of a run: leading zeros have no primary weight; the first
 * significant digit is preceded by the number of significant digits. */
static void
element_digit(struct reader *rd, struct element *e, utf8proc_int32_t digit)
{
	if (rd->run_left == 0)
		run_start(rd, rd->cs.src);
	rd->run_left--;
	if (rd->run_zeros > 0) {
		rd->run_zeros--;
		return;
	}
	if (rd->run_head) {
		size_t n = rd->run_digits < 0xff ? rd->run_digits : 0xff;

		e->primary[e->nprimary++] = (uint16_t)(W_NUMBER + n);
		rd->run_head = false;
	}
	e->primary[e->nprimary++] = (uint16_t)(W_DIGIT + (digit - '0'));
}

/* A ă â b … z by rank, with the case; -1 for anything else. */
static int
latin_rank(struct element *e, utf8proc_int32_t c)
{
	if (c >= 'A' && c <= 'Z') {
		e->upper = true;
		c += 'a' - 'A';
	}
	if (c >= 'a' && c <= 'z') {
		e->letter = (char)c;
		return LATIN_RANK[c - 'a'];
	}
	if (c == LATIN_D_STROKE || c == LATIN_CAPITAL_D_STROKE) {
		e->upper = c == LATIN_CAPITAL_D_STROKE;
		return LATIN_RANK['d' - 'a'] + 1;     /* đ has no decomposition */
	}
	return -1;
}

/* Spaces, punctuation, symbols and controls: the categories PC to CF in
 * utf8proc's order. */
static bool
is_variable(utf8proc_int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);

	return cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_CF;
}

/* Primary and tertiary weights of a base character. */
static void
element_base(struct reader *rd, struct element *e, utf8proc_int32_t c)
{
	int rank;

	if (c >= INVALID_CP) {
		set_primary(e, W_INVALID + (c - INVALID_CP));
	} else if (c >= '0' && c <= '9') {
		element_digit(rd, e, c);
	} else if ((rank = latin_rank(e, c)) >= 0) {
		set_primary(e, W_LETTER + rank);
	} else if (is_variable(c)) {
		set_primary_cp(e, W_VARIABLE, c);
	} else {
		utf8proc_int32_t lower = utf8proc_tolower(c);

		e->upper = lower != c;
		set_primary_cp(e, W_OTHER, lower);
	}
}

/* Sorts the marks of an element into letter, tone and other marks. */
static void
element_marks(struct element *e, const utf8proc_int32_t *m, int n)
{
	bool made = false;

	for (int i = 0; i < n; i++) {
		int step = made ? 0 : letter_step(e->letter, m[i]);
		enum tone t = e->has_base ? tone_of(m[i]) : TONE_NONE;

		if (step > 0) {
			e->primary[0] = (uint16_t)(e->primary[0] + step);
			made = true;
		} else if (t != TONE_NONE && e->tone == TONE_NONE) {
			e->tone = t;
		} else {
			e->marks[e->nmarks++] = m[i];
		}
	}
}

/* Resets everything but the marks array, which nmarks guards. */
static void
element_clear(struct element *e)
{
	e->nprimary = 0;
	e->has_base = false;
	e->letter = 0;
	e->upper = false;
	e->tone = TONE_NONE;
	e->nmarks = 0;
}

/* Reads the next element; false at the end of the string. */
static bool
reader_next(struct reader *rd, struct element *e)
{
	utf8proc_int32_t base, mark, m[MAX_MARKS];
	int n = 0;

	if (!cps_next(&rd->cs, &base))
		return false;
	element_clear(e);
	if (is_mark(base)) {
		m[n++] = base;      /* a mark with no base: no primary weight */
	} else {
		e->has_base = true;
		element_base(rd, e, base);
	}
	while (n < MAX_MARKS && cps_next_mark(&rd->cs, &mark))
		m[n++] = mark;
	marks_reorder(m, n);
	element_marks(e, m, n);
	return true;
}

static int
element_weights(const struct element *e, int level, uint16_t *w)
{
	int n = 0;

	if (level == 0) {
		for (int i = 0; i < e->nprimary; i++)
			w[n++] = e->primary[i];
	} else if (level == 1) {
		if (e->has_base)
			w[n++] = (uint16_t)(W_TONE + e->tone);
		for (int i = 0; i < e->nmarks; i++) {
			w[n++] = (uint16_t)(W_MARK + (e->marks[i] >> 15));
			w[n++] = (uint16_t)(0x8000 | (e->marks[i] & 0x7fff));
		}
	} else if (e->has_base) {
		w[n++] = e->upper ? W_UPPER : W_LOWER;
	}
	return n;
}

static void
level_open(struct level_stream *ls, const char *s, size_t len, int level)
{
	ls->rd = (struct reader){
		.cs = { .s = (const unsigned char *)s, .len = len },
	};
	ls->level = level;
	ls->n = ls->i = 0;
}

/* The next weight of the level, or 0 at the end. */
static uint16_t
level_next(struct level_stream *ls)
{
	struct element e;

	while (ls->i == ls->n) {
		if (!reader_next(&ls->rd, &e))
			return 0;
		ls->n = element_weights(&e, ls->level, ls->w);
		ls->i = 0;
	}
	return ls->w[ls->i++];
}

static int
compare_level(const char *a, size_t alen, const char *b, size_t blen, int level)
{
	struct level_stream sa, sb;

	level_open(&sa, a, alen, level);
	level_open(&sb, b, blen, level);
	for (;;) {
		uint16_t wa = level_next(&sa), wb = level_next(&sb);

		if (wa != wb)
			return wa < wb ? -1 : 1;
		if (wa == 0)
			return 0;
	}
}

int
collate_compare(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen == blen && (alen == 0 || memcmp(a, b, alen) == 0))
		return 0;
	for (int level = 0; level < LEVELS; level++) {
		int r = compare_level(a, alen, b, blen, level);
		if (r != 0)
			return r;
	}
	return 0;
}

/* Writes what fits of weight w at out[k]; returns the next offset. */
static size_t
put_weight(unsigned char *out, size_t n, size_t k, uint16_t w)
{
	if (k < n)
		out[k] = (unsigned char)(w >> 8);
	if (k + 1 < n)
		out[k + 1] = (unsigned char)(w & 0xff);
	return k + 2;
}

size_t
collate_key(const char *s, size_t len, unsigned char *out, size_t n)
{
	size_t k = 0;

	for (int level = 0; level < LEVELS; level++) {
		struct level_stream ls;
		uint16_t w;

		if (level > 0)
			k = put_weight(out, n, k, 0);
		level_open(&ls, s, len, level);
		while ((w = level_next(&ls)) != 0)
			k = put_weight(out, n, k, w);
	}
	return k;
}
