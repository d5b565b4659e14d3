/* Whether a word spells one valid Vietnamese syllable: onset, vowel
 * nucleus, final and tone agree. The legacy-encoding detector scores its
 * candidate decodings with it (charset.c). */
#include "ntm/charset.h"
#include "syllable.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <utf8proc.h>

/* ---- Vietnamese syllables ------------------------------------------------ */

enum tone { TONE_NONE, TONE_HUYEN, TONE_SAC, TONE_HOI, TONE_NGA, TONE_NANG };

/* Kinds of final consonant, and which a vowel nucleus accepts. */
enum {
	FIN_OPEN = 1,      /* none */
	FIN_MNPT = 2,      /* m n p t */
	FIN_VELAR = 4,     /* c ng */
	FIN_PALATAL = 8,   /* ch nh */
};

static const char *const ONSETS[] = {
	"ngh", "ng", "nh", "gh", "gi", "kh", "ph", "th", "tr", "ch", "qu",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
	"v", "x", "",
};

static const struct {
	const char *text;
	unsigned kind;
	bool stop;         /* c ch p t: only sắc or nặng */
} FINALS[] = {
	{"ch", FIN_PALATAL, true}, {"nh", FIN_PALATAL, false},
	{"ng", FIN_VELAR, false},  {"c", FIN_VELAR, true},
	{"m", FIN_MNPT, false},    {"n", FIN_MNPT, false},
	{"p", FIN_MNPT, true},     {"t", FIN_MNPT, true},
	{"", FIN_OPEN, false},
};

#define ALL (FIN_OPEN | FIN_MNPT | FIN_VELAR | FIN_PALATAL)
#define SHUT (FIN_MNPT | FIN_VELAR)

/* Vowel nuclei (with their glides), the finals each takes, and which of
 * its letters carries the tone (1-based; 0: either, as in hòa and hoà). */
static const struct {
	const char *text;
	unsigned finals;
	unsigned tone_on;
} NUCLEI[] = {
	{"a", ALL, 1}, {"ă", SHUT, 1}, {"â", SHUT, 1},
	{"e", FIN_OPEN | SHUT, 1}, {"ê", FIN_OPEN | FIN_MNPT | FIN_PALATAL, 1},
	{"i", FIN_OPEN | FIN_MNPT | FIN_PALATAL, 1},
	{"y", FIN_OPEN | FIN_MNPT | FIN_PALATAL, 1},     /* quýt, quỳnh */
	{"o", FIN_OPEN | SHUT, 1}, {"ô", FIN_OPEN | SHUT, 1},
	{"ơ", FIN_OPEN | FIN_MNPT, 1}, {"u", FIN_OPEN | SHUT, 1},
	{"ư", FIN_OPEN | SHUT, 1},
	{"ia", FIN_OPEN, 1}, {"iê", SHUT, 2}, {"yê", SHUT, 2},
	{"ua", FIN_OPEN, 1}, {"uô", SHUT, 2}, {"ưa", FIN_OPEN, 1},
	{"ươ", SHUT, 2},
	{"oa", ALL, 0}, {"oă", SHUT, 2}, {"oe", FIN_OPEN | FIN_MNPT, 0},
	{"oo", FIN_VELAR, 0}, {"uâ", SHUT, 2},
	{"uê", FIN_OPEN | FIN_MNPT | FIN_PALATAL, 2},
	{"uy", FIN_OPEN | FIN_MNPT | FIN_PALATAL, 0}, {"uơ", FIN_OPEN, 2},
	{"uya", FIN_OPEN, 0}, {"uyê", FIN_MNPT, 3},
	{"ai", FIN_OPEN, 1}, {"ao", FIN_OPEN, 1}, {"au", FIN_OPEN, 1},
	{"ay", FIN_OPEN, 1}, {"âu", FIN_OPEN, 1}, {"ây", FIN_OPEN, 1},
	{"eo", FIN_OPEN, 1}, {"êu", FIN_OPEN, 1}, {"iu", FIN_OPEN, 1},
	{"oi", FIN_OPEN, 1}, {"ôi", FIN_OPEN, 1}, {"ơi", FIN_OPEN, 1},
	{"ui", FIN_OPEN, 1}, {"ưi", FIN_OPEN, 1}, {"ưu", FIN_OPEN, 1},
	{"iêu", FIN_OPEN, 2}, {"yêu", FIN_OPEN, 2}, {"uôi", FIN_OPEN, 2},
	{"ươi", FIN_OPEN, 2}, {"ươu", FIN_OPEN, 2}, {"oai", FIN_OPEN, 2},
	{"oay", FIN_OPEN, 2}, {"oao", FIN_OPEN, 2}, {"oeo", FIN_OPEN, 2},
	{"uây", FIN_OPEN, 2}, {"uyu", FIN_OPEN, 2},
};

#undef ALL
#undef SHUT

/* Letters in a word at most ("nghiêng" has 7); bases take 2 bytes each. */
#define WORD_MAX 8

/* The letter that a shape mark makes of base (â ê ô ă ơ ư), or 0. */
static utf8proc_int32_t
shaped(utf8proc_int32_t base, utf8proc_int32_t mark)
{
	if (mark == 0x302 && base == 'a')
		return 0xE2;
	if (mark == 0x302 && base == 'e')
		return 0xEA;
	if (mark == 0x302 && base == 'o')
		return 0xF4;
	if (mark == 0x306 && base == 'a')
		return 0x103;
	if (mark == 0x31B && base == 'o')
		return 0x1A1;
	if (mark == 0x31B && base == 'u')
		return 0x1B0;
	return 0;
}

static enum tone
tone_of(utf8proc_int32_t mark)
{
	switch (mark) {
	case 0x300: return TONE_HUYEN;
	case 0x301: return TONE_SAC;
	case 0x309: return TONE_HOI;
	case 0x303: return TONE_NGA;
	case 0x323: return TONE_NANG;
	default: return TONE_NONE;
	}
}

static bool
is_vowel(utf8proc_int32_t b)
{
	return (b < 0x80 && strchr("aeiouy", (int)b)) || b == 0xE2 ||
	       b == 0xEA || b == 0xF4 || b == 0x103 || b == 0x1A1 || b == 0x1B0;
}

/* Splits lowercase cp into its Vietnamese base letter and tone; false
 * for anything else (f j w z, ñ, ü, digits, marks on their own…). */
static bool
letter_split(utf8proc_int32_t cp, utf8proc_int32_t *base, enum tone *tone)
{
	utf8proc_int32_t d[4];
	int bound = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, &bound);

	if (n < 1 || n > 3)
		return false;
	*base = d[0];
	*tone = TONE_NONE;
	for (utf8proc_ssize_t i = 1; i < n; i++) {
		enum tone t = tone_of(d[i]);

		if (t != TONE_NONE && *tone == TONE_NONE)
			*tone = t;
		else if (t != TONE_NONE || !(*base = shaped(*base, d[i])))
			return false;
	}
	if (*tone != TONE_NONE && !is_vowel(*base))
		return false;
	return *base == 0x111 || is_vowel(*base) ||
	       (*base < 0x80 && strchr("bcdghklmnpqrstvx", (int)*base));
}

/* A word taken apart: its base letters (lowercase UTF-8), its one tone
 * and the letter (0-based) that carries it. */
struct word {
	char bases[2 * WORD_MAX + 1];
	enum tone tone;
	size_t tone_at;
};

/* Takes word apart; false when a letter is not Vietnamese, when it has
 * two tones or when its case is mixed (only lower, Capitalised or ALL
 * CAPS pass). */
static bool
word_split(const char *word, size_t len, struct word *w)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)word;
	size_t i = 0, o = 0, letters = 0, upper = 0;
	bool first_upper = false;

	w->tone = TONE_NONE;
	w->tone_at = 0;
	while (i < len) {
		utf8proc_int32_t c, lower, base;
		enum tone t;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);

		if (n < 0 || letters == WORD_MAX)
			return false;
		lower = utf8proc_tolower(c);
		if (lower != c) {
			upper++;
			first_upper = first_upper || letters == 0;
		}
		if (!letter_split(lower, &base, &t) || (t && w->tone))
			return false;
		if (t) {
			w->tone = t;
			w->tone_at = letters;
		}
		o += (size_t)utf8proc_encode_char(base, (utf8proc_uint8_t *)w->bases + o);
		letters++;
		i += (size_t)n;
	}
	w->bases[o] = '\0';
	return upper == 0 || upper == letters || (upper == 1 && first_upper);
}

/* Letters (not bytes) in the first n bytes of UTF-8 s. */
static size_t
letters_in(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

static bool
starts_front(const char *v)
{
	return v[0] == 'e' || v[0] == 'i' || v[0] == 'y' ||
	       strncmp(v, "ê", strlen("ê")) == 0;
}

/* Spelling rules tying the onset to the vowel after it: k, gh, ngh only
 * before e ê i y; c, g, ng never (but g+i is gi); qu never before o, u. */
static bool
onset_fits(const char *onset, const char *vowels)
{
	bool front = starts_front(vowels);

	if (!strcmp(onset, "k") || !strcmp(onset, "gh") || !strcmp(onset, "ngh"))
		return front;
	if (!strcmp(onset, "c") || !strcmp(onset, "ng"))
		return !front;
	if (!strcmp(onset, "g"))
		return !front || vowels[0] == 'i';
	if (!strcmp(onset, "gi"))
		return vowels[0] != 'i';
	if (!strcmp(onset, "qu"))
		return vowels[0] != 'o' && vowels[0] != 'u';
	return true;
}

/* Whether the n bytes at v (after an onset of `at` letters) are a nucleus
 * that takes a final of this kind and carries the word's tone right. */
static bool
nucleus_fits(const char *v, size_t n, unsigned kind, const struct word *w,
	     size_t at)
{
	for (size_t i = 0; i < sizeof NUCLEI / sizeof NUCLEI[0]; i++) {
		unsigned on = NUCLEI[i].tone_on;

		if (strlen(NUCLEI[i].text) != n || strncmp(NUCLEI[i].text, v, n))
			continue;
		if (!(NUCLEI[i].finals & kind))
			return false;
		return !w->tone || !on || w->tone_at == at + on - 1;
	}
	return false;
}

static bool
rhyme_fits(const struct word *w, const char *onset)
{
	const char *rhyme = w->bases + strlen(onset);
	size_t rl = strlen(rhyme), at = letters_in(w->bases, strlen(onset));

	for (size_t i = 0; i < sizeof FINALS / sizeof FINALS[0]; i++) {
		size_t fl = strlen(FINALS[i].text);

		if (fl > rl || strcmp(rhyme + rl - fl, FINALS[i].text) != 0)
			continue;
		if (FINALS[i].stop && w->tone != TONE_SAC && w->tone != TONE_NANG)
			continue;
		if (nucleus_fits(rhyme, rl - fl, FINALS[i].kind, w, at) &&
		    onset_fits(onset, rhyme))
			return true;
	}
	return false;
}

bool
charset_is_syllable(const char *word, size_t len)
{
	struct word w;

	if (!word_split(word, len, &w))
		return false;
	for (size_t i = 0; i < sizeof ONSETS / sizeof ONSETS[0]; i++) {
		if (strncmp(w.bases, ONSETS[i], strlen(ONSETS[i])) == 0 &&
		    rhyme_fits(&w, ONSETS[i]))
			return true;
	}
	return false;
}


bool
syllable_letter_or_mark(utf8proc_int32_t c)
{
	utf8proc_int32_t base;
	enum tone t;
	return tone_of(c) != TONE_NONE || c == 0x302 || c == 0x306 || c == 0x31B ||
	       letter_split(utf8proc_tolower(c), &base, &t);
}
