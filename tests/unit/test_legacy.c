/* Unit tests of src/text/legacy.c: our TCVN3, VISCII and CP1258 tables give
 * what glibc iconv gives (the unit tests link with glibc). Every byte and
 * every pair of bytes decoded, every code point encoded, the 134 letters,
 * sentences, random strings, and the offsets of errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ntm/charset.h"
#include "text/legacy.h"

static const struct {
	enum charset c;
	const char *iconv_name;
} ENCODINGS[] = {
	{CHARSET_TCVN3, "TCVN5712-1"},
	{CHARSET_VISCII, "VISCII"},
	{CHARSET_CP1258, "CP1258"},
};
#define NENC (sizeof ENCODINGS / sizeof ENCODINGS[0])

/* iconv's answer: the bytes, or none and the offset it stopped at. */
struct ref {
	char *data;
	size_t len, bad;
};

static void
ref_free(struct ref *r)
{
	free(r->data);
	r->data = NULL;
}

/* Converts all of in with cd (reset first, flushed after), as charset.c
 * did before legacy.c. */
static struct ref
run_iconv(iconv_t cd, const char *in, size_t len)
{
	size_t cap = 4 * len + 16, left = len, room = cap;
	struct ref r = {malloc(cap + 1), 0, 0};
	char *ip = (char *)in, *op = r.data;

	assert_non_null(r.data);
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &left, &op, &room) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &room) == (size_t)-1) {
		r.bad = (size_t)(ip - in);
		ref_free(&r);
		return r;
	}
	r.len = (size_t)(op - r.data);
	r.data[r.len] = '\0';
	return r;
}

/* NFC of r's data (NULs kept), in place. */
static void
ref_nfc(struct ref *r)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;

	if (!r->data)
		return;
	n = utf8proc_map((const utf8proc_uint8_t *)r->data, (utf8proc_ssize_t)r->len,
			 &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	assert_true(n >= 0);
	free(r->data);
	r->data = (char *)out;
	r->len = (size_t)n;
}

static iconv_t
open_iconv(const char *to, const char *from)
{
	iconv_t cd = iconv_open(to, from);

	assert_true(cd != (iconv_t)-1);
	return cd;
}

/* legacy_decode gives what iconv gives, before NFC too. */
static void
assert_raw_same(size_t e, const struct ref *want, const char *in, size_t len)
{
	size_t n = 0, bad = 0;
	char *raw = legacy_decode(ENCODINGS[e].c, in, len, &n, &bad);

	if (!raw != !want->data)
		fail_msg("%s, %zu bytes from %02X: one decoder refuses",
			 ENCODINGS[e].iconv_name, len, (unsigned char)in[0]);
	if (raw) {
		assert_int_equal(n, want->len);
		assert_memory_equal(raw, want->data, n);
	}
	free(raw);
}

/* Decodes in with charset_decode and with iconv + NFC: the same bytes, or
 * both refuse at the same offset. */
static void
assert_decode_same(size_t e, iconv_t cd, const char *in, size_t len)
{
	struct charset_error err = {0};
	size_t n = 0;
	char *ours = charset_decode(in, len, ENCODINGS[e].c, NULL, &n, &err);
	struct ref want = run_iconv(cd, in, len);

	assert_raw_same(e, &want, in, len);
	ref_nfc(&want);
	if (!want.data || !ours) {
		if (ours || want.data)
			fail_msg("%s, %zu bytes from %02X: one decoder refuses",
				 ENCODINGS[e].iconv_name, len, (unsigned char)in[0]);
		assert_int_equal(err.offset, want.bad);
	} else {
		assert_int_equal(n, want.len);
		assert_memory_equal(ours, want.data, n);
	}
	free(ours);
	ref_free(&want);
}

/* Encodes utf8 (NFC) with charset_encode and with iconv: the same bytes,
 * or both refuse at the same offset. */
static void
assert_encode_same(size_t e, iconv_t cd, const char *utf8, size_t len)
{
	struct charset_error err = {0};
	size_t n = 0;
	char *ours = charset_encode(utf8, len, ENCODINGS[e].c, &n, &err);
	struct ref want = run_iconv(cd, utf8, len);

	if (!want.data || !ours) {
		if (ours || want.data)
			fail_msg("%s, “%s”: one encoder refuses",
				 ENCODINGS[e].iconv_name, utf8);
		assert_int_equal(err.offset, want.bad);
	} else {
		assert_int_equal(n, want.len);
		assert_memory_equal(ours, want.data, n);
	}
	free(ours);
	ref_free(&want);
}

/* ---- decoding ------------------------------------------------------------- */

/* Every byte alone, then every pair (glibc composes base + combining byte,
 * we leave it to NFC). */
static void
test_bytes(void **state)
{
	(void)state;
	for (size_t e = 0; e < NENC; e++) {
		iconv_t cd = open_iconv("UTF-8", ENCODINGS[e].iconv_name);
		char in[2];

		for (int a = 0; a < 256; a++) {
			in[0] = (char)a;
			assert_decode_same(e, cd, in, 1);
			for (int b = 0; b < 256; b++) {
				in[1] = (char)b;
				assert_decode_same(e, cd, in, 2);
			}
		}
		iconv_close(cd);
	}
}

/* Random strings of 1–12 bytes, mostly high ones (fixed seed). */
static void
test_random_strings(void **state)
{
	(void)state;
	uint32_t seed = 16;

	for (size_t e = 0; e < NENC; e++) {
		iconv_t cd = open_iconv("UTF-8", ENCODINGS[e].iconv_name);

		for (int round = 0; round < 20000; round++) {
			char in[12];
			size_t len = 1 + round % sizeof in;

			for (size_t i = 0; i < len; i++) {
				seed = seed * 1103515245u + 12345u;
				in[i] = (char)(seed >> 16 & 0xFF);
				if (seed >> 28 == 0)
					in[i] = 'a' + (char)(seed >> 24 & 7);
			}
			assert_decode_same(e, cd, in, len);
		}
		iconv_close(cd);
	}
}

/* ---- encoding ------------------------------------------------------------- */

/* The tables themselves, code point by code point, all of Unicode. */
static void
test_table_every_code_point(void **state)
{
	(void)state;
	for (size_t e = 0; e < NENC; e++) {
		iconv_t cd = open_iconv(ENCODINGS[e].iconv_name, "UTF-8");
		size_t found = 0;

		for (utf8proc_int32_t cp = 0; cp <= 0x10FFFF; cp++) {
			char in[4], *ours;
			size_t n = 0, bad = 0;
			utf8proc_ssize_t len;
			struct ref want;

			if (cp >= 0xD800 && cp <= 0xDFFF)
				continue;
			len = utf8proc_encode_char(cp, (utf8proc_uint8_t *)in);
			ours = legacy_encode(ENCODINGS[e].c, in, (size_t)len, &n, &bad);
			want = run_iconv(cd, in, (size_t)len);
			if (!ours != !want.data)
				fail_msg("%s, U+%04X: one encoder refuses",
					 ENCODINGS[e].iconv_name, (unsigned)cp);
			if (ours) {
				assert_int_equal(n, want.len);
				assert_memory_equal(ours, want.data, n);
				found++;
			} else {
				assert_int_equal(bad, 0);
			}
			free(ours);
			ref_free(&want);
		}
		assert_true(found >= 256);
		iconv_close(cd);
	}
}

/* Through charset_encode (NFC first): every code point 0x20..0x2FFF. */
static void
test_encode_code_points(void **state)
{
	(void)state;
	for (size_t e = 0; e < NENC; e++) {
		iconv_t cd = open_iconv(ENCODINGS[e].iconv_name, "UTF-8");

		for (utf8proc_int32_t cp = 0x20; cp <= 0x2FFF; cp++) {
			utf8proc_uint8_t one[8] = {0};
			char *nfc;

			utf8proc_encode_char(cp, one);
			nfc = (char *)utf8proc_NFC(one);
			assert_non_null(nfc);
			assert_encode_same(e, cd, nfc, strlen(nfc));
			free(nfc);
		}
		iconv_close(cd);
	}
}

/* The 134 letters (every vowel with every tone, đ, both cases). */
static void
test_letters(void **state)
{
	(void)state;
	const char *utf8, *vni;
	size_t count = 0;

	for (size_t e = 0; e < NENC; e++) {
		iconv_t enc = open_iconv(ENCODINGS[e].iconv_name, "UTF-8");
		iconv_t dec = open_iconv("UTF-8", ENCODINGS[e].iconv_name);

		count = 0;
		for (size_t i = 0; charset_vni_letter(i, &utf8, &vni); i++) {
			struct ref bytes = run_iconv(enc, utf8, strlen(utf8));

			assert_non_null(bytes.data);
			assert_encode_same(e, enc, utf8, strlen(utf8));
			assert_decode_same(e, dec, bytes.data, bytes.len);
			ref_free(&bytes);
			count++;
		}
		iconv_close(enc);
		iconv_close(dec);
	}
	assert_int_equal(count, 134);
}

static const char *const SENTENCES[] = {
	"Kế hoạch xây dựng nông thôn mới xã Việt Hưng năm 2024.",
	"CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
	"Tiêu chí 17: Môi trường và an toàn thực phẩm; đạt 8/10 chỉ tiêu.",
	"Thôn Cự Đình, Thục Cầu: khu dân cư kiểu mẫu (ước đạt 95%).",
};

/* Each sentence encodes as iconv encodes it and decodes back unchanged. */
static void
test_sentences_round_trip(void **state)
{
	(void)state;
	for (size_t e = 0; e < NENC; e++) {
		iconv_t cd = open_iconv(ENCODINGS[e].iconv_name, "UTF-8");

		for (size_t s = 0; s < sizeof SENTENCES / sizeof SENTENCES[0]; s++) {
			const char *text = SENTENCES[s];
			size_t n = 0, back_len = 0;
			char *bytes, *back;

			assert_encode_same(e, cd, text, strlen(text));
			bytes = charset_encode(text, strlen(text), ENCODINGS[e].c, &n, NULL);
			assert_non_null(bytes);
			back = charset_decode(bytes, n, ENCODINGS[e].c, NULL, &back_len, NULL);
			assert_non_null(back);
			assert_string_equal(back, text);
			assert_int_equal(back_len, strlen(text));
			free(bytes);
			free(back);
		}
		iconv_close(cd);
	}
}

/* ---- errors --------------------------------------------------------------- */

static void
assert_error_at(const struct charset_error *err, size_t line, size_t column,
		size_t offset)
{
	assert_int_equal(err->line, line);
	assert_int_equal(err->column, column);
	assert_int_equal(err->offset, offset);
	assert_non_null(err->reason);
}

/* A byte CP1258 lacks, after a base letter glibc holds back; a character
 * no encoding has, after NFD letters (offsets in the input as given). */
static void
test_error_offsets(void **state)
{
	(void)state;
	struct charset_error err = {0};
	const char *nfd = "Vie\xcc\x82\xcc\xa3t\nNam \xe2\x98\xba!";

	assert_null(charset_decode("Vi\xEA\xF2t\nab\x81", 9, CHARSET_CP1258,
				   NULL, NULL, &err));
	assert_error_at(&err, 2, 3, 8);
	assert_null(charset_decode("a\x81", 2, CHARSET_CP1258, NULL, NULL, &err));
	assert_error_at(&err, 1, 2, 1);
	for (size_t e = 0; e < NENC; e++) {
		assert_null(charset_encode(nfd, strlen(nfd), ENCODINGS[e].c, NULL, &err));
		assert_error_at(&err, 2, 5, strlen("Vie\xcc\x82\xcc\xa3t\nNam "));
	}
}

/* glibc writes nothing for a tag character; neither do we. */
static void
test_tag_characters_dropped(void **state)
{
	(void)state;
	const char *tagged = "a\xf3\xa0\x80\x81" "b";

	for (size_t e = 0; e < NENC; e++) {
		iconv_t cd = open_iconv(ENCODINGS[e].iconv_name, "UTF-8");
		size_t n = 0;
		char *out = charset_encode(tagged, strlen(tagged), ENCODINGS[e].c, &n, NULL);

		assert_non_null(out);
		assert_int_equal(n, 2);
		assert_memory_equal(out, "ab", 2);
		assert_encode_same(e, cd, tagged, strlen(tagged));
		free(out);
		iconv_close(cd);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_random_strings),
		cmocka_unit_test(test_table_every_code_point),
		cmocka_unit_test(test_encode_code_points),
		cmocka_unit_test(test_letters),
		cmocka_unit_test(test_sentences_round_trip),
		cmocka_unit_test(test_error_offsets),
		cmocka_unit_test(test_tag_characters_dropped),
	};
	return cmocka_run_group_tests_name("legacy", tests, NULL, NULL);
}
