/* Legacy Vietnamese encodings to and from NFC UTF-8: glibc iconv for TCVN3,
 * VISCII and CP1258, our own table for VNI (vni.c), and a detector that
 * scores each candidate decoding by the valid Vietnamese syllables in it. */
#include "ntm/charset.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* User-visible texts of this module. */
static const char *const MSG_UNDECODABLE[] = {
	[CHARSET_UTF8] = "dữ liệu không phải UTF-8 hợp lệ",
	[CHARSET_TCVN3] = "byte không có trong bảng mã TCVN3",
	[CHARSET_VISCII] = "byte không có trong bảng mã VISCII",
	[CHARSET_CP1258] = "byte không có trong bảng mã CP1258 (Windows-1258)",
	[CHARSET_VNI] = "byte không có trong bảng mã VNI (CP1252)",
};
static const char *const MSG_UNREPRESENTABLE[] = {
	[CHARSET_TCVN3] = "ký tự này không có trong bảng mã TCVN3",
	[CHARSET_VISCII] = "ký tự này không có trong bảng mã VISCII",
	[CHARSET_CP1258] = "ký tự này không có trong bảng mã CP1258 (Windows-1258)",
	[CHARSET_VNI] = "ký tự này không có trong bảng mã VNI",
};
static const char MSG_NO_MEMORY[] = "không đủ bộ nhớ";
static const char MSG_NO_ICONV[] =
	"thư viện C không có bộ chuyển mã (iconv) cho bảng mã này";
static const char MSG_AUTO_TARGET[] =
	"không mã hóa sang “auto” được: hãy chọn một bảng mã cụ thể";
static const char MSG_BAD_CHARSET[] = "bảng mã không hợp lệ";

static const struct {
	const char *name;
	enum charset c;
} NAMES[] = {
	{"utf-8", CHARSET_UTF8},   {"utf8", CHARSET_UTF8},
	{"tcvn3", CHARSET_TCVN3},  {"tcvn", CHARSET_TCVN3},
	{"viscii", CHARSET_VISCII},
	{"cp1258", CHARSET_CP1258}, {"windows-1258", CHARSET_CP1258},
	{"vni", CHARSET_VNI},      {"auto", CHARSET_AUTO},
};

static const char *const CANONICAL[] = {
	[CHARSET_UTF8] = "utf-8", [CHARSET_TCVN3] = "tcvn3",
	[CHARSET_VISCII] = "viscii", [CHARSET_CP1258] = "cp1258",
	[CHARSET_VNI] = "vni", [CHARSET_AUTO] = "auto",
};

/* glibc's names. VN3 (TCVN3) is a subset of its TCVN5712-1 (VN1). */
static const char *const ICONV_NAME[] = {
	[CHARSET_TCVN3] = "TCVN5712-1",
	[CHARSET_VISCII] = "VISCII",
	[CHARSET_CP1258] = "CP1258",
};

/* Candidates of the detector, in the order that breaks ties: TCVN3 is the
 * most common legacy encoding, then VNI, CP1258, VISCII. */
static const enum charset DETECT_ORDER[] = {
	CHARSET_UTF8, CHARSET_TCVN3, CHARSET_VNI, CHARSET_CP1258, CHARSET_VISCII,
};

/* The detector scores at most this much, cut at a line end. */
#define DETECT_SAMPLE (64 * 1024)

enum conv { CONV_OK, CONV_BAD, CONV_NO_MEMORY, CONV_NO_ICONV };

struct buf {
	char *data;
	size_t len, cap;
};

/* ---- names --------------------------------------------------------------- */

bool
charset_parse(const char *name, enum charset *out)
{
	for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++) {
		if (strcasecmp(name, NAMES[i].name) == 0) {
			*out = NAMES[i].c;
			return true;
		}
	}
	return false;
}

static bool
is_charset(enum charset c)
{
	return (unsigned)c <= CHARSET_AUTO;
}

const char *
charset_name(enum charset c)
{
	return is_charset(c) ? CANONICAL[c] : "?";
}

/* ---- errors and positions ------------------------------------------------ */

/* Fills err with the line and byte column of offset in `in`. */
static void
fail_at(struct charset_error *err, const char *in, size_t offset,
	const char *reason)
{
	size_t line = 1, start = 0;

	if (!err)
		return;
	for (size_t i = 0; i < offset; i++) {
		if (in[i] == '\n') {
			line++;
			start = i + 1;
		}
	}
	err->line = line;
	err->column = offset - start + 1;
	err->offset = offset;
	err->reason = reason;
}

/* An error with no position (line 0). */
static void
fail_plain(struct charset_error *err, const char *reason)
{
	if (err)
		*err = (struct charset_error){0, 0, 0, reason};
}

static void
fail_conv(struct charset_error *err, enum conv r, const char *in,
	  size_t offset, const char *bad_reason)
{
	if (r == CONV_BAD)
		fail_at(err, in, offset, bad_reason);
	else
		fail_plain(err, r == CONV_NO_ICONV ? MSG_NO_ICONV : MSG_NO_MEMORY);
}

/* ---- UTF-8 --------------------------------------------------------------- */

static size_t
bom_len(const char *in, size_t len)
{
	return len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* The offset of the first byte that is not valid UTF-8, or len. */
static size_t
utf8_bad_at(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0;

	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
		if (n < 0)
			return i;
		i += (size_t)n;
	}
	return len;
}

/* NFC of len bytes of valid UTF-8 (NULs kept): malloc'd, NUL-terminated. */
static char *
nfc_dup(const char *s, size_t len, size_t *out_len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	if (len > (size_t)PTRDIFF_MAX / 8)
		return NULL;
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
			 &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return NULL;
	*out_len = (size_t)n;
	return (char *)out;
}

static bool
is_starter(utf8proc_int32_t c)
{
	return utf8proc_get_property(c)->combining_class == 0;
}

/* Which cluster (a starter with the non-starters after it; the text may
 * open with bare non-starters) of s holds byte k. */
static size_t
cluster_index(const char *s, size_t len, size_t k)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0, index = 0;

	while (i < len && i <= k) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);

		if (n < 0)
			break;
		if (i > 0 && is_starter(c))
			index++;
		i += (size_t)n;
	}
	return index;
}

/* Where cluster `index` of s starts. */
static size_t
cluster_offset(const char *s, size_t len, size_t index)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0, count = 0;

	while (i < len && count < index) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);

		if (n < 0)
			break;
		if (i > 0 && is_starter(c) && ++count == index)
			return i;
		i += (size_t)n;
	}
	return count == index ? 0 : len;
}

/* Maps byte k of the NFC form back to the input: NFC composes and
 * decomposes only within clusters, so the cluster is the same; a mark that
 * nothing took in is looked for in it. */
static size_t
nfc_to_input(const char *input, size_t len, const char *nfc, size_t nfc_len,
	     size_t k)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)input;
	size_t start = cluster_offset(input, len, cluster_index(nfc, nfc_len, k));
	utf8proc_int32_t mark, c;

	if (k >= nfc_len)
		return len;
	utf8proc_iterate((const utf8proc_uint8_t *)nfc + k,
			 (utf8proc_ssize_t)(nfc_len - k), &mark);
	if (is_starter(mark))
		return start;
	for (size_t i = start; i < len;) {
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);

		if (n < 0 || (i > start && is_starter(c)))
			break;
		if (c == mark)
			return i;
		i += (size_t)n;
	}
	return start;
}

/* ---- iconv --------------------------------------------------------------- */

static bool
buf_init(struct buf *b, size_t len)
{
	b->len = 0;
	b->cap = len < SIZE_MAX / 4 ? 2 * len + 64 : SIZE_MAX;
	b->data = b->cap < SIZE_MAX ? malloc(b->cap) : NULL;
	return b->data != NULL;
}

static bool
buf_double(struct buf *b)
{
	char *p;

	if (b->cap > SIZE_MAX / 2 || !(p = realloc(b->data, 2 * b->cap)))
		return false;
	b->data = p;
	b->cap *= 2;
	return true;
}

/* Runs cd over *in (or, with in NULL, flushes the character a stateful
 * converter holds back) into b, growing b on E2BIG. */
static enum conv
iconv_step(iconv_t cd, char **in, size_t *left, struct buf *b)
{
	for (;;) {
		char *op = b->data + b->len;
		size_t room = b->cap - b->len - 1;
		size_t rc = iconv(cd, in, left, &op, &room);

		b->len = (size_t)(op - b->data);
		if (rc != (size_t)-1)
			return CONV_OK;
		if (errno != E2BIG)
			return CONV_BAD;   /* EILSEQ, or EINVAL at the end */
		if (!buf_double(b))
			return CONV_NO_MEMORY;
	}
}

/* Converts all of in, or nothing: on failure b is freed and *bad holds
 * the offset of the byte iconv stopped at. A fresh descriptor per call,
 * so no shift state survives an error. */
static enum conv
iconv_all(const char *to, const char *from, const char *in, size_t len,
	  struct buf *b, size_t *bad)
{
	iconv_t cd = iconv_open(to, from);
	char *ip = (char *)in;
	size_t left = len;
	enum conv r;

	*bad = 0;
	b->data = NULL;
	if (cd == (iconv_t)-1)
		return CONV_NO_ICONV;
	r = buf_init(b, len) ? iconv_step(cd, &ip, &left, b) : CONV_NO_MEMORY;
	if (r == CONV_OK)
		r = iconv_step(cd, NULL, NULL, b);
	iconv_close(cd);
	*bad = (size_t)(ip - in);
	if (r != CONV_OK) {
		free(b->data);
		b->data = NULL;
		return r;
	}
	b->data[b->len] = '\0';
	return CONV_OK;
}

static enum conv
vni_result(char *data, size_t len, size_t bad, struct buf *b)
{
	b->data = data;
	b->len = len;
	if (data)
		return CONV_OK;
	return bad == SIZE_MAX ? CONV_NO_MEMORY : CONV_BAD;
}

/* ---- decoding ------------------------------------------------------------ */

/* Decodes len legacy bytes into b (UTF-8, not yet NFC). */
static enum conv
decode_legacy(const char *in, size_t len, enum charset from, struct buf *b,
	      size_t *bad, size_t *strays)
{
	size_t n = 0;

	if (from != CHARSET_VNI)
		return iconv_all("UTF-8", ICONV_NAME[from], in, len, b, bad);
	b->data = charset_vni_decode(in, len, &n, bad, strays);
	return vni_result(b->data, n, *bad, b);
}

/* Decodes from a known encoding to NFC in *out; *strays as for VNI. */
static enum conv
decode_known(const char *in, size_t len, enum charset from, char **out,
	     size_t *out_len, size_t *bad, size_t *strays)
{
	size_t skip = bom_len(in, len);
	struct buf b;
	enum conv r;

	*out = NULL;
	if (from == CHARSET_UTF8) {
		*bad = skip + utf8_bad_at(in + skip, len - skip);
		if (*bad < len)
			return CONV_BAD;
		*out = nfc_dup(in + skip, len - skip, out_len);
		return *out ? CONV_OK : CONV_NO_MEMORY;
	}
	r = decode_legacy(in, len, from, &b, bad, strays);
	if (r == CONV_OK && !(*out = nfc_dup(b.data, b.len, out_len)))
		r = CONV_NO_MEMORY;
	free(b.data);
	return r;
}

char *
charset_decode(const char *in, size_t len, enum charset from,
	       enum charset *detected, size_t *out_len,
	       struct charset_error *err)
{
	size_t bad = 0, n = 0;
	char *out;
	enum conv r;

	if (from == CHARSET_AUTO)
		from = charset_detect(in, len);
	if (detected)
		*detected = from;
	if (!is_charset(from) || from == CHARSET_AUTO) {
		fail_plain(err, MSG_BAD_CHARSET);
		return NULL;
	}
	r = decode_known(in, len, from, &out, &n, &bad, NULL);
	if (r != CONV_OK) {
		fail_conv(err, r, in, bad, MSG_UNDECODABLE[from]);
		return NULL;
	}
	if (out_len)
		*out_len = n;
	return out;
}

/* ---- encoding ------------------------------------------------------------ */

/* Encodes NFC text into a legacy encoding. */
static enum conv
encode_legacy(const char *nfc, size_t n, enum charset to, struct buf *b,
	      size_t *bad)
{
	size_t len = 0;
	char *data;

	if (to != CHARSET_VNI)
		return iconv_all(ICONV_NAME[to], "UTF-8", nfc, n, b, bad);
	data = charset_vni_encode(nfc, n, &len, bad);
	return vni_result(data, len, *bad, b);
}

/* The NFC form of UTF-8 input without its BOM, or NULL and err filled. */
static char *
input_nfc(const char *utf8, size_t len, size_t *n, struct charset_error *err)
{
	size_t skip = bom_len(utf8, len);
	size_t bad = skip + utf8_bad_at(utf8 + skip, len - skip);
	char *nfc;

	if (bad < len) {
		fail_at(err, utf8, bad, MSG_UNDECODABLE[CHARSET_UTF8]);
		return NULL;
	}
	if (!(nfc = nfc_dup(utf8 + skip, len - skip, n)))
		fail_plain(err, MSG_NO_MEMORY);
	return nfc;
}

char *
charset_encode(const char *utf8, size_t len, enum charset to,
	       size_t *out_len, struct charset_error *err)
{
	size_t skip = bom_len(utf8, len), bad = 0, n = 0;
	struct buf b = {0};
	char *nfc;
	enum conv r;

	if (!is_charset(to) || to == CHARSET_AUTO) {
		fail_plain(err, to == CHARSET_AUTO ? MSG_AUTO_TARGET : MSG_BAD_CHARSET);
		return NULL;
	}
	if (!(nfc = input_nfc(utf8, len, &n, err)) || to == CHARSET_UTF8) {
		if (nfc && out_len)
			*out_len = n;
		return nfc;
	}
	r = encode_legacy(nfc, n, to, &b, &bad);
	if (r == CONV_BAD)
		bad = skip + nfc_to_input(utf8 + skip, len - skip, nfc, n, bad);
	free(nfc);
	if (r != CONV_OK) {
		fail_conv(err, r, utf8, bad, MSG_UNREPRESENTABLE[to]);
		return NULL;
	}
	if (out_len)
		*out_len = b.len;
	return b.data;
}

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

/* ---- detection ----------------------------------------------------------- */

static bool
is_word_char(utf8proc_int32_t c)
{
	utf8proc_category_t k = utf8proc_category(c);

	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ME;
}

/* A control character plain text does not hold (tab, CR, LF, FF, VT do). */
static bool
is_stray_control(utf8proc_int32_t c)
{
	switch (c) {
	case '\t': case '\n': case '\v': case '\f': case '\r':
		return false;
	default:
		return c < 0x20 || (c >= 0x7F && c < 0xA0);
	}
}

static long
score_word(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)w[i] >= 0x80)
			return charset_is_syllable(w, n) ? 1 : -1;
	return 0;
}

/* The score of one candidate decoding (see charset_detect). */
static long
score_text(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0, word = SIZE_MAX;
	long score = 0;

	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);

		if (n < 0)
			return LONG_MIN;
		if (!is_word_char(c) && word != SIZE_MAX) {
			score += score_word(s + word, i - word);
			word = SIZE_MAX;
		} else if (is_word_char(c) && word == SIZE_MAX) {
			word = i;
		}
		if (is_stray_control(c))
			score--;
		i += (size_t)n;
	}
	if (word != SIZE_MAX)
		score += score_word(s + word, len - word);
	return score;
}

static bool
is_vietnamese_mark(utf8proc_int32_t c)
{
	return tone_of(c) != TONE_NONE || c == 0x302 || c == 0x306 || c == 0x31B;
}

/* Whether valid UTF-8 s is pure ASCII or holds a Vietnamese letter (or a
 * mark Vietnamese uses, as in NFD text). */
static bool
utf8_settles_it(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	bool ascii = true;

	for (size_t i = 0; i < len;) {
		utf8proc_int32_t c, base;
		enum tone t;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);

		if (c >= 0x80) {
			ascii = false;
			if (is_vietnamese_mark(c) ||
			    letter_split(utf8proc_tolower(c), &base, &t))
				return true;
		}
		i += (size_t)n;
	}
	return ascii;
}

/* The first DETECT_SAMPLE bytes, cut after the last line end in them
 * (else before a UTF-8 continuation byte). */
static size_t
sample_len(const char *in, size_t len)
{
	size_t n = DETECT_SAMPLE;

	if (len <= n)
		return len;
	while (n > 0 && in[n - 1] != '\n')
		n--;
	if (n > 0)
		return n;
	n = DETECT_SAMPLE;
	while (n > 1 && ((unsigned char)in[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Broken UTF-8 rather than a legacy encoding: more well-formed multi-byte
 * sequences than stray high bytes. (A legacy text almost never forms even
 * one valid sequence: its letters are single bytes.) */
static bool
mostly_utf8(const char *in, size_t len)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t good = 0, bad = 0;
	for (size_t i = 0; i < len;) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = p[i] >= 0xf0 ? 4 : p[i] >= 0xe0 ? 3 : p[i] >= 0xc2 ? 2 : 0;
		bool ok = n && i + n <= len;
		for (size_t k = 1; ok && k < n; k++)
			ok = (p[i + k] & 0xc0) == 0x80;
		if (ok) {
			good++;
			i += n;
		} else {
			bad++;
			i++;
		}
	}
	return good >= 2 && good > 2 * bad;
}

enum charset
charset_detect(const char *in, size_t len)
{
	size_t skip = bom_len(in, len);
	bool utf8 = utf8_bad_at(in + skip, len - skip) == len - skip;
	enum charset best = CHARSET_UTF8;
	long best_score = LONG_MIN;

	if (utf8 && (skip || utf8_settles_it(in, len)))
		return CHARSET_UTF8;
	if (!utf8 && mostly_utf8(in + skip, len - skip))
		return CHARSET_UTF8;     /* damaged UTF-8: decoding says where */
	len = sample_len(in, len);
	for (size_t i = 0; i < sizeof DETECT_ORDER / sizeof DETECT_ORDER[0]; i++) {
		enum charset c = DETECT_ORDER[i];
		size_t n = 0, bad, strays = 0;
		char *text;
		long score;

		if (c == CHARSET_UTF8 && !utf8)
			continue;
		if (decode_known(in, len, c, &text, &n, &bad, &strays) != CONV_OK)
			continue;
		score = score_text(text, n) - (long)strays;
		free(text);
		if (score > best_score) {
			best = c;
			best_score = score;
		}
	}
	return best;
}
