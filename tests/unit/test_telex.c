/* Unit tests of src/text/telex*.c: the vector file in both styles, round
 * trips through telex_unrender, case, options, and safety on any input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ntm/telex.h"
#include "ntm/text.h"

#define VECTORS "tests/data/ime-vectors.tsv"

/* ---- helpers --------------------------------------------------------------------- */

static struct telex_options
opts(enum telex_method m, enum telex_style style)
{
	struct telex_options o = telex_defaults(m);
	o.style = style;
	return o;
}

static char *
render(const struct telex_options *o, const char *raw)
{
	size_t n = strlen(raw), size = 4 * n + 1;
	char *out = malloc(size);
	assert_non_null(out);
	size_t len = telex_render(o, raw, n, out, size);
	assert_int_equal(len, strlen(out));
	return out;
}

static void
assert_convert(const struct telex_options *o, const char *keys, const char *want)
{
	char *got = telex_convert(o, keys);
	assert_non_null(got);
	if (strcmp(got, want) != 0)
		fail_msg("convert \"%s\": got \"%s\", want \"%s\"", keys, got, want);
	free(got);
}

/* Unrenders word and renders the keys again; returns false (with a
 * message) when that does not give the word back. */
static bool
round_trip(const struct telex_options *o, const char *word)
{
	char raw[256];

	if (!telex_unrender(o, word, raw, sizeof raw)) {
		print_error("unrender \"%s\" (method %d, style %d) failed\n",
			    word, o->method, o->style);
		return false;
	}
	char *back = render(o, raw);
	bool ok = strcmp(back, word) == 0;
	if (!ok)
		print_error("round trip \"%s\" → \"%s\" → \"%s\"\n", word, raw, back);
	free(back);
	return ok;
}

/* ---- the vector file ---------------------------------------------------------------- */

struct vector {
	char method[32], keys[128], old_style[128], new_style[128];
	int line;
};

/* Copies the next tab-separated field of *p into dst. */
static void
field(char **p, char *dst, size_t n)
{
	size_t len = strcspn(*p, "\t\r\n");
	if (len >= n)
		len = n - 1;
	memcpy(dst, *p, len);
	dst[len] = '\0';
	*p += strcspn(*p, "\t\r\n");
	if (**p == '\t')
		(*p)++;
}

/* Reads all rows; returns how many. */
static size_t
read_vectors(struct vector *v, size_t max)
{
	FILE *f = fopen(VECTORS, "r");
	char line[512];
	size_t n = 0;
	int no = 0;

	assert_non_null(f);
	while (fgets(line, sizeof line, f) && n < max) {
		char *p = line;
		no++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		field(&p, v[n].method, sizeof v[n].method);
		field(&p, v[n].keys, sizeof v[n].keys);
		field(&p, v[n].old_style, sizeof v[n].old_style);
		field(&p, v[n].new_style, sizeof v[n].new_style);
		if (v[n].new_style[0] == '\0')
			strcpy(v[n].new_style, v[n].old_style);
		v[n].line = no;
		n++;
	}
	fclose(f);
	return n;
}

static struct telex_options
vector_opts(const struct vector *v, enum telex_style style)
{
	bool vni = strcmp(v->method, "VNI") == 0;
	struct telex_options o = opts(vni ? TELEX_VNI : TELEX_TELEX, style);
	if (strcmp(v->method, "Telex-plain-w") == 0)
		o.w_alone = false;
	else if (!vni)
		assert_string_equal(v->method, "Telex");
	return o;
}

static const char *
vector_want(const struct vector *v, enum telex_style style)
{
	return style == TELEX_STYLE_NEW ? v->new_style : v->old_style;
}

static void
test_vectors(void **state)
{
	(void)state;
	static struct vector v[512];
	size_t n = read_vectors(v, 512), failed = 0;

	assert_true(n >= 100);
	for (int style = TELEX_STYLE_OLD; style <= TELEX_STYLE_NEW; style++) {
		size_t pass = 0;
		for (size_t i = 0; i < n; i++) {
			struct telex_options o = vector_opts(&v[i], style);
			const char *want = vector_want(&v[i], style);
			char *got = telex_convert(&o, v[i].keys);
			assert_non_null(got);
			if (strcmp(got, want) == 0)
				pass++;
			else
				print_error("%s:%d %s \"%s\" style %s: got \"%s\", want \"%s\"\n",
					    VECTORS, v[i].line, v[i].method, v[i].keys,
					    style ? "new" : "old", got, want);
			free(got);
		}
		print_message("%s style: %zu/%zu vectors pass\n",
			      style ? "new" : "old", pass, n);
		failed += n - pass;
	}
	assert_int_equal(failed, 0);
}

/* Every output of the file comes back from its own keys. */
static void
test_vector_round_trips(void **state)
{
	(void)state;
	static struct vector v[512];
	size_t n = read_vectors(v, 512), failed = 0;

	for (int style = TELEX_STYLE_OLD; style <= TELEX_STYLE_NEW; style++)
		for (size_t i = 0; i < n; i++) {
			struct telex_options o = vector_opts(&v[i], style);
			const char *want = vector_want(&v[i], style);
			/* a row may hold several words: take each up alone */
			char words[128], *save = NULL;
			strcpy(words, want);
			for (char *w = strtok_r(words, " ", &save); w;
			     w = strtok_r(NULL, " ", &save))
				failed += !round_trip(&o, w);
		}
	assert_int_equal(failed, 0);
}

/* ---- letters and syllables -------------------------------------------------------------- */

/* Appends code point c to s as UTF-8. */
static void
put_cp(char *s, utf8proc_int32_t c)
{
	size_t len = strlen(s);
	utf8proc_ssize_t k = utf8proc_encode_char(c, (utf8proc_uint8_t *)s + len);
	s[len + (size_t)k] = '\0';
}

/* The NFC letter for a base with a shape mark and a tone mark (0 = none). */
static void
make_letter(char *out, char base, utf8proc_int32_t shape, utf8proc_int32_t tone)
{
	char nfd[16] = {base, 0};
	if (shape)
		put_cp(nfd, shape);
	if (tone)
		put_cp(nfd, tone);
	char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)nfd);
	assert_non_null(nfc);
	strcpy(out, nfc);
	free(nfc);
}

/* All 12 vowels × 6 tones and đ, lower and upper: 144 + 2 letters, of
 * which 134 are not ASCII. Each round-trips alone in both methods. */
static void
test_letter_round_trips(void **state)
{
	(void)state;
	static const struct { char base; utf8proc_int32_t shape; } V[] = {
		{'a', 0}, {'a', 0x306}, {'a', 0x302}, {'e', 0}, {'e', 0x302},
		{'i', 0}, {'o', 0}, {'o', 0x302}, {'o', 0x31b}, {'u', 0},
		{'u', 0x31b}, {'y', 0},
	};
	static const utf8proc_int32_t TONE[] = {0, 0x301, 0x300, 0x309, 0x303, 0x323};
	char letters[160][8];
	size_t n = 0, non_ascii = 0, failed = 0;

	for (int up = 0; up < 2; up++) {
		for (size_t v = 0; v < 12; v++)
			for (size_t t = 0; t < 6; t++)
				make_letter(letters[n++], (char)(V[v].base - 32 * up),
					    V[v].shape, TONE[t]);
		strcpy(letters[n++], up ? "Đ" : "đ");
	}
	for (size_t i = 0; i < n; i++) {
		non_ascii += (unsigned char)letters[i][0] >= 0x80;
		assert_int_equal(text_check(letters[i], false, NULL), TEXT_OK);
	}
	assert_int_equal(non_ascii, 134);
	for (int m = TELEX_TELEX; m <= TELEX_VNI; m++)
		for (int style = TELEX_STYLE_OLD; style <= TELEX_STYLE_NEW; style++) {
			struct telex_options o = opts((enum telex_method)m, style);
			for (size_t i = 0; i < n; i++)
				failed += !round_trip(&o, letters[i]);
			/* the consonants, plain, and a letter after each one */
			for (char c = 'a'; c <= 'z'; c++) {
				char s[4] = {c, 0}, t[4] = {c, 'a', 0};
				failed += !round_trip(&o, s) + !round_trip(&o, t);
			}
		}
	assert_int_equal(failed, 0);
}

/* Spelled Telex: initial consonants and rhymes of Vietnamese. */
static const char *const INITIALS[] = {
	"", "b", "c", "ch", "d", "dd", "g", "gh", "gi", "h", "k", "kh", "l", "m",
	"n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
};

static const char *const RHYMES[] = {
	"a", "ai", "ao", "au", "ay", "ac", "ach", "am", "an", "ang", "anh", "ap", "at",
	"awc", "awm", "awn", "awng", "awp", "awt", "aau", "aay", "aac", "aam",
	"aan", "aang", "aap", "aat", "e", "eo", "ec", "em", "en", "eng", "ep",
	"et", "ee", "eeu", "eec", "eech", "eem", "een", "eenh", "eep", "eet",
	"i", "ia", "iu", "ic", "ich", "im", "in", "inh", "ip", "it", "ieeu",
	"ieec", "ieem", "ieen", "ieeng", "ieep", "ieet", "o", "oa", "oai",
	"oay", "oac", "oach", "oam", "oan", "oang", "oanh", "oap", "oat", "oawc",
	"oawm", "oawn", "oawng", "oawt", "oe", "oeo", "oen", "oet", "oi", "oc",
	"om", "on", "ong", "op", "ot", "oo", "ooi", "ooc", "oom", "oon", "oong",
	"oop", "oot", "ooong", "ow", "owi", "owm", "own", "owp", "owt", "u", "ua",
	"uaan", "uaang", "uaat", "uaay", "ui", "uc", "um", "un", "ung", "up", "ut",
	"uee", "ueech", "ueenh", "uy", "uya", "uyu", "uych", "uynh", "uyt",
	"uyn", "uyeen", "uyeet", "uoo", "uooi", "uooc", "uoom", "uoon",
	"uoong", "uoot", "uw", "uwa", "uwi", "uwu", "uwc", "uwng", "uwt",
	"uwow", "uwowi", "uwowu", "uwowc", "uwowm", "uwown", "uwowng",
	"uwowp", "uwowt", "uow", "uowi", "uowng", "uongw", "y", "yeeu", "yeem",
	"yeen", "yeet", "w", "wa", "wng",
};

static void
upper_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 32);
}

/* Every syllable spelled in Telex, with each tone, as typed, Capitalised
 * and in CAPITALS: what it renders to must come back from telex_unrender,
 * in Telex and (after unrendering again) in VNI. */
static void
test_syllable_round_trips(void **state)
{
	(void)state;
	static const char *const TONES[] = {"", "s", "f", "r", "x", "j"};
	size_t failed = 0, total = 0;

	for (int style = TELEX_STYLE_OLD; style <= TELEX_STYLE_NEW; style++) {
		struct telex_options tx = opts(TELEX_TELEX, style);
		struct telex_options vni = opts(TELEX_VNI, style);
		for (size_t i = 0; i < sizeof INITIALS / sizeof *INITIALS; i++)
			for (size_t r = 0; r < sizeof RHYMES / sizeof *RHYMES; r++)
				for (size_t t = 0; t < 6; t++)
					for (int c = 0; c < 3; c++) {
						char raw[32];
						snprintf(raw, sizeof raw, "%s%s%s", INITIALS[i],
							 RHYMES[r], TONES[t]);
						if (c == 1)
							raw[0] = (char)(raw[0] & ~0x20);
						else if (c == 2)
							upper_ascii(raw);
						char *word = render(&tx, raw);
						failed += !round_trip(&tx, word);
						failed += !round_trip(&vni, word);
						free(word);
						total++;
					}
	}
	print_message("%zu syllables, %zu failed round trips\n", total, failed);
	assert_int_equal(failed, 0);
}

/* Words with the tone in the wrong place for the style, two tones or
 * letters no key makes cannot be taken up. */
static void
test_unrender_refuses(void **state)
{
	(void)state;
	struct telex_options o = telex_defaults(TELEX_TELEX);
	char raw[64] = "unchanged";

	assert_false(telex_unrender(&o, "hoà", raw, sizeof raw));
	assert_false(telex_unrender(&o, "áá", raw, sizeof raw));
	assert_false(telex_unrender(&o, "ñ", raw, sizeof raw));
	assert_false(telex_unrender(&o, "中文", raw, sizeof raw));
	assert_false(telex_unrender(&o, "a\xff", raw, sizeof raw));
	assert_false(telex_unrender(&o, "b\xcc\x81", raw, sizeof raw));
	assert_string_equal(raw, "unchanged");
	/* too small for the keys: raw stays as it was */
	assert_false(telex_unrender(&o, "việt", raw, 6));
	assert_string_equal(raw, "unchanged");
	assert_true(telex_unrender(&o, "việt", raw, 7));
	assert_string_equal(raw, "vieetj");
	/* NFD comes in as NFC */
	assert_true(telex_unrender(&o, "Vie\xcc\x82\xcc\xa3t", raw, sizeof raw));
	assert_string_equal(raw, "Vieetj");
	assert_true(telex_unrender(&o, "", raw, sizeof raw));
	assert_string_equal(raw, "");
	o.style = TELEX_STYLE_NEW;
	assert_true(telex_unrender(&o, "hoà", raw, sizeof raw));
	assert_false(telex_unrender(&o, "hòa", raw, sizeof raw));
}

/* What a line editor does after Backspace: take the word up again, then
 * go on typing. */
static void
test_reseed_and_type(void **state)
{
	(void)state;
	static const struct { const char *left, *more, *want; } CASES[] = {
		{"việ", "t", "việt"}, {"vie", "ej", "việ"}, {"ngươ", "if", "người"},
		{"đươ", "ngf", "đường"}, {"thu", "owr", "thuở"}, {"hu", "owng", "hương"},
		{"as", "s", "ass"}, {"aa", "a", "aaa"}, {"tie", "eng", "tiêng"},
		{"hòa", "n", "hoàn"}, {"Đ", "d", "Dd"}, {"ư", "w", "uw"}, {"w", "w", "ww"},
	};
	struct telex_options o = telex_defaults(TELEX_TELEX);

	for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
		char raw[64];
		assert_true(telex_unrender(&o, CASES[i].left, raw, sizeof raw));
		strcat(raw, CASES[i].more);
		char *got = render(&o, raw);
		if (strcmp(got, CASES[i].want) != 0)
			fail_msg("\"%s\" + %s: got \"%s\", want \"%s\"", CASES[i].left,
				 CASES[i].more, got, CASES[i].want);
		free(got);
	}
}

/* ---- behaviour ----------------------------------------------------------------------- */

static void
test_case(void **state)
{
	(void)state;
	struct telex_options o = telex_defaults(TELEX_TELEX);
	struct telex_options v = telex_defaults(TELEX_VNI);

	assert_convert(&o, "DDUWOWNGF", "ĐƯỜNG");
	/* abbreviations of the administration: đ on the last d of a word
	 * without a vowel (HĐND, BCĐ, LĐ-TB&XH); dd in a syllable stays */
	assert_convert(&o, "HDDND UBND BCDD LDD-TB&XH", "HĐND UBND BCĐ LĐ-TB&XH");
	assert_convert(&o, "hddnd", "hđnd");
	assert_convert(&o, "HDDDND", "HDDND");
	assert_convert(&o, "ddad", "đad");
	assert_convert(&o, "DDaf", "Đà");
	assert_convert(&o, "Ddaf", "Đà");
	assert_convert(&o, "dDaf", "đà");
	assert_convert(&o, "VIEETJ", "VIỆT");
	assert_convert(&o, "VIeEtJ", "VIệt");
	assert_convert(&o, "Vieetj Nam", "Việt Nam");
	assert_convert(&o, "W", "Ư");
	assert_convert(&o, "TW", "TƯ");
	assert_convert(&o, "AAA", "AA");
	assert_convert(&o, "Aaa", "Aa");
	assert_convert(&o, "NGUOIWF", "NGƯỜI");
	assert_convert(&v, "VIE65T", "VIỆT");
	assert_convert(&v, "D9UO7NG2", "ĐƯỜNG");
}

static void
test_telex_rules(void **state)
{
	(void)state;
	struct telex_options o = telex_defaults(TELEX_TELEX);

	/* tone keys in any order after the vowel, the last one wins */
	assert_convert(&o, "vieetj", "việt");
	assert_convert(&o, "vieejt", "việt");
	assert_convert(&o, "vietje", "việt");
	assert_convert(&o, "hoafn", "hoàn");
	assert_convert(&o, "asfrxj", "ạ");
	assert_convert(&o, "asz", "a");
	assert_convert(&o, "az", "az");
	assert_convert(&o, "asszz", "aszz");
	/* repeats type the key; once undone it stays a letter */
	assert_convert(&o, "aaaa", "aaa");
	assert_convert(&o, "asss", "ass");
	assert_convert(&o, "ww", "w");
	assert_convert(&o, "www", "ww");
	assert_convert(&o, "dddd", "ddd");
	/* uo + w */
	assert_convert(&o, "uow", "uơ");
	assert_convert(&o, "thuowr", "thuở");
	assert_convert(&o, "huowng", "hương");
	assert_convert(&o, "huongw", "hương");
	assert_convert(&o, "ruowuj", "rượu");
	assert_convert(&o, "quow", "quơ");
	assert_convert(&o, "huongww", "huongw");
	/* w on a, u of ua, a of oa */
	assert_convert(&o, "chuaw", "chưa");
	assert_convert(&o, "hoawcj", "hoặc");
	assert_convert(&o, "quawn", "quăn");
	assert_convert(&o, "cuuws", "cứu");
	/* a mark after a final consonant, not after something else */
	assert_convert(&o, "tieengs", "tiếng");
	assert_convert(&o, "tiengse", "tiếng");
	assert_convert(&o, "emails", "emails");
	assert_convert(&o, "tw", "tư");
	assert_convert(&o, "tiw", "tiw");
	/* qu and gi */
	assert_convert(&o, "quoocs", "quốc");
	assert_convert(&o, "gieengs", "giếng");
	assert_convert(&o, "gins", "gín");
	assert_convert(&o, "quys", "quý");
	/* three vowels: the middle one */
	assert_convert(&o, "ngoaif", "ngoài");
	assert_convert(&o, "khuyur", "khuỷu");
	assert_convert(&o, "ngoays", "ngoáy");
}

static void
test_styles(void **state)
{
	(void)state;
	struct telex_options old = opts(TELEX_TELEX, TELEX_STYLE_OLD);
	struct telex_options neu = opts(TELEX_TELEX, TELEX_STYLE_NEW);

	assert_convert(&old, "hoaf khoer thuyr", "hòa khỏe thủy");
	assert_convert(&neu, "hoaf khoer thuyr", "hoà khoẻ thuỷ");
	/* a final consonant or a shaped vowel decides in both styles */
	assert_convert(&old, "hoanf toans quyeets", "hoàn toán quyết");
	assert_convert(&neu, "hoanf toans quyeets", "hoàn toán quyết");
	assert_convert(&neu, "muaf cuar", "mùa của");
}

static void
test_plain_w(void **state)
{
	(void)state;
	struct telex_options o = telex_defaults(TELEX_TELEX);
	o.w_alone = false;

	assert_convert(&o, "w", "w");
	assert_convert(&o, "tw", "tw");
	assert_convert(&o, "windows", "windớ");
	assert_convert(&o, "uw", "ư");
	assert_convert(&o, "nguoiwf", "người");
	char raw[16];
	assert_true(telex_unrender(&o, "w", raw, sizeof raw));
	assert_string_equal(raw, "w");
	assert_true(round_trip(&o, "ư"));
	assert_true(round_trip(&o, "từ"));
}

static void
test_vni(void **state)
{
	(void)state;
	struct telex_options o = telex_defaults(TELEX_VNI);

	assert_convert(&o, "na8m 2024", "năm 2024");
	assert_convert(&o, "2024 na8m", "2024 năm");
	assert_convert(&o, "Vie65t Nam 1945", "Việt Nam 1945");
	assert_convert(&o, "a6a", "âa");
	assert_convert(&o, "a666", "a66");
	assert_convert(&o, "di9", "đi");
	assert_convert(&o, "thuo73", "thuở");
	assert_convert(&o, "huo7ng", "hương");
	assert_convert(&o, "vieejt", "vieejt");
	assert_true(telex_is_word_key(&o, '7', true));
	assert_false(telex_is_word_key(&o, '7', false));
}

static void
test_off_and_defaults(void **state)
{
	(void)state;
	struct telex_options off = telex_defaults(TELEX_OFF);
	struct telex_options d = telex_defaults(TELEX_TELEX);
	const char *s = "vieetj a66 \xff Việt";
	char out[64], raw[64];

	assert_int_equal(d.method, TELEX_TELEX);
	assert_int_equal(d.style, TELEX_STYLE_OLD);
	assert_true(d.w_alone);
	assert_int_equal(telex_defaults(TELEX_VNI).style, TELEX_STYLE_OLD);
	assert_int_equal(telex_render(&off, s, strlen(s), out, sizeof out), strlen(s));
	assert_string_equal(out, s);
	assert_convert(&off, s, s);
	assert_true(telex_unrender(&off, "vieetj", raw, sizeof raw));
	assert_string_equal(raw, "vieetj");
	assert_false(telex_is_word_key(&off, 'a', false));
	assert_true(telex_is_word_key(&d, 'a', false));
	assert_false(telex_is_word_key(&d, '1', true));
	assert_false(telex_is_word_key(&d, '\xc3', true));
}

static void
test_passthrough(void **state)
{
	(void)state;
	struct telex_options o = telex_defaults(TELEX_TELEX);

	assert_convert(&o, "Vieetj Nam – hôm nay, 2/9!", "Việt Nam – hôm nay, 2/9!");
	assert_convert(&o, "caf\xc3\xa9s", "c\xc3\xa0\xc3\xa9s");
	assert_convert(&o, "ngu\xe1\xbb\x9di", "ngu\xe1\xbb\x9di");
	assert_convert(&o, "", "");
}

/* ---- safety ---------------------------------------------------------------------------- */

static uint32_t
next_random(uint32_t *seed)
{
	*seed = *seed * 1664525u + 1013904223u;
	return *seed >> 8;
}

/* Output never passes n, is always terminated, and is the prefix of what
 * a big enough buffer gets. */
static void
test_render_bounds(void **state)
{
	(void)state;
	struct telex_options o = telex_defaults(TELEX_TELEX);
	const char *raw = "DDUWOWNGF";
	char full[64], out[64];
	size_t len = telex_render(&o, raw, strlen(raw), full, sizeof full);

	for (size_t n = 0; n < 20; n++) {
		memset(out, 'X', sizeof out);
		size_t got = telex_render(&o, raw, strlen(raw), out, n);
		assert_true(got < n || (n == 0 && got == 0));
		if (n > 0) {
			assert_int_equal(out[got], '\0');
			assert_memory_equal(out, full, got);
		}
		for (size_t i = n; i < sizeof out; i++)
			assert_int_equal(out[i], 'X');
	}
	assert_int_equal(len, strlen("ĐƯỜNG"));
}

/* 10 000 keys as one word and as text, in every mode. */
static void
test_long_input(void **state)
{
	(void)state;
	enum { N = 10000 };
	static const char *const PATTERNS[] = {
		"a", "aw", "nguoiwf", "dd", "vieetj", "a6", "uo7", "w", "zs",
	};
	char *keys = malloc(N + 1);
	assert_non_null(keys);
	for (int m = TELEX_OFF; m <= TELEX_VNI; m++)
		for (size_t p = 0; p < sizeof PATTERNS / sizeof *PATTERNS; p++) {
			struct telex_options o = telex_defaults((enum telex_method)m);
			size_t plen = strlen(PATTERNS[p]);
			for (size_t i = 0; i < N; i++)
				keys[i] = PATTERNS[p][i % plen];
			keys[N] = '\0';
			char *out = telex_convert(&o, keys);
			assert_non_null(out);
			assert_int_equal(text_check(out, false, NULL), TEXT_OK);
			free(out);
			char small[100];
			size_t n = telex_render(&o, keys, N, small, sizeof small);
			assert_true(n < sizeof small);
			char raw[64];
			(void)telex_unrender(&o, small, raw, sizeof raw);
		}
	free(keys);
}

/* Random bytes, any value: rendering, converting and taking the result up
 * again stay in bounds, and valid UTF-8 in gives valid UTF-8 out. */
static void
test_random_bytes(void **state)
{
	(void)state;
	uint32_t seed = 12345;

	for (int iter = 0; iter < 20000; iter++) {
		struct telex_options o = telex_defaults((enum telex_method)(iter % 3));
		o.style = (iter / 3) % 2 ? TELEX_STYLE_NEW : TELEX_STYLE_OLD;
		o.w_alone = (iter / 6) % 2;
		char keys[80];
		size_t n = next_random(&seed) % (sizeof keys - 1);
		bool ascii = iter % 4 != 0;
		for (size_t i = 0; i < n; i++) {
			uint32_t r = next_random(&seed);
			keys[i] = ascii ? "aeoiuydwsfrxjz0123456789 qgnhtAEOWDS."[r % 37]
					: (char)(r % 255 + 1);
		}
		keys[n] = '\0';
		char *out = telex_convert(&o, keys);
		assert_non_null(out);
		if (text_check(keys, true, NULL) != TEXT_BAD_UTF8)
			assert_int_not_equal(text_check(out, true, NULL), TEXT_BAD_UTF8);
		free(out);
		char word[4 * sizeof keys + 1], raw[64];
		telex_render(&o, keys, n, word, sizeof word);
		if (telex_unrender(&o, word, raw, sizeof raw) && o.method != TELEX_OFF) {
			char back[4 * sizeof raw + 1];
			telex_render(&o, raw, strlen(raw), back, sizeof back);
			assert_string_equal(back, word);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_vector_round_trips),
		cmocka_unit_test(test_letter_round_trips),
		cmocka_unit_test(test_syllable_round_trips),
		cmocka_unit_test(test_unrender_refuses),
		cmocka_unit_test(test_reseed_and_type),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_telex_rules),
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_plain_w),
		cmocka_unit_test(test_vni),
		cmocka_unit_test(test_off_and_defaults),
		cmocka_unit_test(test_passthrough),
		cmocka_unit_test(test_render_bounds),
		cmocka_unit_test(test_long_input),
		cmocka_unit_test(test_random_bytes),
	};
	return cmocka_run_group_tests_name("telex", tests, NULL, NULL);
}
