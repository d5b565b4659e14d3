/* Legacy Vietnamese encodings to and from NFC UTF-8: tables of ours taken
 * from glibc iconv for TCVN3, VISCII and CP1258 (legacy.c), our own table
 * for VNI (vni.c), and a detector that scores each candidate decoding by
 * the valid Vietnamese syllables in it. */
#include "ntm/charset.h"
#include "legacy.h"
#include "syllable.h"

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

/* Candidates of the detector, in the order that breaks ties: TCVN3 is the
 * most common legacy encoding, then VNI, CP1258, VISCII. */
static const enum charset DETECT_ORDER[] = {
	CHARSET_UTF8, CHARSET_TCVN3, CHARSET_VNI, CHARSET_CP1258, CHARSET_VISCII,
};

/* The detector scores at most this much, cut at a line end. */
#define DETECT_SAMPLE (64 * 1024)

enum conv { CONV_OK, CONV_BAD, CONV_NO_MEMORY };

struct buf {
	char *data;
	size_t len;
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
		fail_plain(err, MSG_NO_MEMORY);
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

/* ---- codecs ------------------------------------------------------------ */

/* The result of a codec (vni.c, legacy.c): data, or NULL with bad set
 * (SIZE_MAX: out of memory). */
static enum conv
codec_result(char *data, size_t len, size_t bad, struct buf *b)
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
	char *data;

	if (legacy_handles(from))
		data = legacy_decode(from, in, len, &n, bad);
	else
		data = charset_vni_decode(in, len, &n, bad, strays);
	return codec_result(data, n, *bad, b);
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

	if (legacy_handles(to))
		data = legacy_encode(to, nfc, n, &len, bad);
	else
		data = charset_vni_encode(nfc, n, &len, bad);
	return codec_result(data, len, *bad, b);
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

/* Whether valid UTF-8 s is pure ASCII or holds a Vietnamese letter (or a
 * mark Vietnamese uses, as in NFD text). */
static bool
utf8_settles_it(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	bool ascii = true;

	for (size_t i = 0; i < len;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);

		if (c >= 0x80) {
			ascii = false;
			if (syllable_letter_or_mark(c))
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
