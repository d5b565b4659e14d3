/* Unit tests of src/text/collate.c: Vietnamese order, sort keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ntm/collate.h"

/* The order of docs/vietnamese.md §3 (ICU vi and glibc vi_VN agree). */
static const char *const EXPECTED[] = {
	"an", "anh", "ăn", "ân", "ba", "bà", "bả", "bã", "bá", "bạ", "bác",
	"dạy", "dân", "Đà", "đá", "em", "êm", "giữa", "hoa", "hòa",
};
enum { NEXPECTED = sizeof EXPECTED / sizeof EXPECTED[0] };

static int
sign(int v)
{
	return (v > 0) - (v < 0);
}

static int
cmp(const char *a, const char *b)
{
	return collate_compare(a, strlen(a), b, strlen(b));
}

/* A newly allocated sort key of s; its length in *len. */
static unsigned char *
key_of(const char *s, size_t len, size_t *klen)
{
	size_t n = collate_key(s, len, NULL, 0);
	unsigned char *k = malloc(n);

	assert_non_null(k);
	assert_int_equal(collate_key(s, len, k, n), n);
	*klen = n;
	return k;
}

/* memcmp order of keys, the shorter first when one is a prefix. */
static int
key_cmp(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
	int r = memcmp(a, b, alen < blen ? alen : blen);

	if (r != 0)
		return sign(r);
	return (alen > blen) - (alen < blen);
}

/* collate_compare(a, b) and the keys of a and b agree. */
static int
cmp_checked(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t ka_len, kb_len;
	unsigned char *ka = key_of(a, alen, &ka_len);
	unsigned char *kb = key_of(b, blen, &kb_len);
	int r = sign(collate_compare(a, alen, b, blen));

	assert_int_equal(r, key_cmp(ka, ka_len, kb, kb_len));
	assert_int_equal(-r, sign(collate_compare(b, blen, a, alen)));
	free(ka);
	free(kb);
	return r;
}

static void
assert_before(const char *a, const char *b)
{
	if (cmp_checked(a, strlen(a), b, strlen(b)) >= 0)
		fail_msg("expected \"%s\" < \"%s\"", a, b);
}

static void
assert_same(const char *a, const char *b)
{
	if (cmp_checked(a, strlen(a), b, strlen(b)) != 0)
		fail_msg("expected \"%s\" == \"%s\"", a, b);
}

static int
qsort_collate(const void *pa, const void *pb)
{
	return cmp(*(const char *const *)pa, *(const char *const *)pb);
}

struct keyed {
	const char *s;
	unsigned char *key;
	size_t len;
};

static int
qsort_key(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;

	return key_cmp(a->key, a->len, b->key, b->len);
}

/* The expected list, reversed then rotated by `shift`. */
static void
shuffled(const char **out, size_t shift)
{
	for (size_t i = 0; i < NEXPECTED; i++)
		out[i] = EXPECTED[(NEXPECTED - 1 - i + shift) % NEXPECTED];
}

static void
test_expected_order_compare(void **state)
{
	(void)state;
	for (size_t shift = 0; shift < NEXPECTED; shift++) {
		const char *v[NEXPECTED];

		shuffled(v, shift);
		qsort(v, NEXPECTED, sizeof v[0], qsort_collate);
		for (size_t i = 0; i < NEXPECTED; i++)
			assert_string_equal(v[i], EXPECTED[i]);
	}
}

static void
test_expected_order_keys(void **state)
{
	(void)state;
	for (size_t shift = 0; shift < NEXPECTED; shift += 3) {
		const char *v[NEXPECTED];
		struct keyed k[NEXPECTED];

		shuffled(v, shift);
		for (size_t i = 0; i < NEXPECTED; i++) {
			k[i].s = v[i];
			k[i].key = key_of(v[i], strlen(v[i]), &k[i].len);
		}
		qsort(k, NEXPECTED, sizeof k[0], qsort_key);
		for (size_t i = 0; i < NEXPECTED; i++) {
			assert_string_equal(k[i].s, EXPECTED[i]);
			free(k[i].key);
		}
	}
}

static void
test_pairs_agree_with_keys(void **state)
{
	(void)state;
	for (size_t i = 0; i < NEXPECTED; i++)
		for (size_t j = 0; j < NEXPECTED; j++) {
			const char *a = EXPECTED[i], *b = EXPECTED[j];
			int want = (i > j) - (i < j);

			assert_int_equal(cmp_checked(a, strlen(a), b, strlen(b)), want);
		}
}

static void
test_nfc_equals_nfd(void **state)
{
	(void)state;
	/* ệ precomposed; e + circumflex + dot below; e + dot below + circumflex */
	assert_same("Vi\xe1\xbb\x87t", "Vie\xcc\x82\xcc\xa3t");
	assert_same("Vi\xe1\xbb\x87t", "Vie\xcc\xa3\xcc\x82t");
	/* ờ: o + horn + grave; ê + dot below as ê + U+0323 */
	assert_same("tr\xe1\xbb\x9di", "tro\xcc\x9b\xcc\x80i");
	assert_same("Vi\xe1\xbb\x87t", "Vi\xc3\xaa\xcc\xa3t");
	/* U+0341 is canonically U+0301 */
	assert_same("b\xc3\xa1", "ba\xcd\x81");
	assert_before("Vie\xcc\x82\xcc\xa3t", "Vi\xe1\xbb\x87t Nam");
}

static void
test_case_is_tertiary(void **state)
{
	(void)state;
	assert_before("an", "An");
	assert_before("An", "AN");
	assert_before("AN", "ăn");
	assert_before("An", "ăn");
	assert_before("Ba", "bà");      /* the tone counts before the case */
	assert_before("bà", "Bà");
	assert_before("Đà", "đá");
	assert_before("đà", "Đà");
	assert_before("hòa", "HÒA");
	assert_before("HÒA", "hóa");
	assert_before("Ư", "v");
	assert_before("ư", "Ư");
}

static void
test_villages(void **state)
{
	(void)state;
	static const char *const want[] = {
		"An Lạc", "Anh Dũng", "Ba", "Bà", "Bà Điểm", "Cự Đình",
		"Dương Xá", "Đình Dù", "Ông Đình", "Ơn Trì", "Thục Cầu",
		"Ứng Hòa", "Yên Viên",
	};
	enum { N = sizeof want / sizeof want[0] };
	const char *v[N];

	for (size_t i = 0; i < N; i++)
		v[i] = want[N - 1 - i];
	qsort(v, N, sizeof v[0], qsort_collate);
	for (size_t i = 0; i < N; i++)
		assert_string_equal(v[i], want[i]);
	for (size_t i = 0; i + 1 < N; i++)
		assert_before(want[i], want[i + 1]);
}

/* Runs of digits compare by value; spaces and punctuation come before digits,
 * digits before letters. */
static void
test_digits_and_punctuation(void **state)
{
	(void)state;
	assert_before("Thôn", "Thôn 1");
	assert_before("Thôn 1", "Thôn 2");
	assert_before("Thôn 2", "Thôn 10");
	assert_before("Thôn 9", "Thôn 10");
	assert_before("Thôn 10", "Thôn 10A");
	assert_before("Thôn 10A", "Thôn 11");
	assert_before("Thôn 99", "Thôn 100");
	assert_before("Thôn 100", "Thôn A");
	assert_before("Thôn A", "Thôn An");
	assert_before("Thôn An", "Thôn B");
	assert_before("Đội 2", "Đội 12");
	/* leading zeros: equal value, then the one written shorter first */
	assert_before("Thôn 2", "Thôn 02");
	assert_before("Thôn 02", "Thôn 3");
	assert_before("0", "00");
	assert_before("00", "1");
	assert_before("a 1", "a-1");     /* space < hyphen, by code point */
	assert_before("a-1", "a1");      /* punctuation < digit */
	assert_before("a1", "aa");
	assert_before("a.b", "a1");
	/* a very long number does not overflow anything */
	assert_before("1234567890123456789012345678901234567890",
		      "12345678901234567890123456789012345678901");
}

static void
test_other_scripts(void **state)
{
	(void)state;
	assert_before("z", "α");          /* other letters after z */
	assert_before("α", "Α");          /* by lowercase, then case */
	assert_before("Α", "β");
	assert_before("nandu", "ñandu"); /* ñ = n + tilde: n with ngã */
	assert_before("ñandu", "nbndu");
	assert_before("ñandu", "o");
	assert_before("e", "\xc3\xab");     /* ë: e + diaeresis, secondary */
	assert_before("\xc3\xab", "f");
	assert_before("!", "~");
	assert_before("~", "0");
}

static void
test_empty_first(void **state)
{
	(void)state;
	static const char *const others[] = { " ", "\t", "!", "0", "a", "Ă",
		"\xcc\x80", "\xff", "日" };
	size_t klen;
	unsigned char *k = key_of("", 0, &klen);

	assert_int_equal(klen, 4);       /* two level separators */
	free(k);
	assert_same("", "");
	assert_int_equal(collate_compare(NULL, 0, NULL, 0), 0);
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		assert_before("", others[i]);
}

static void
test_invalid_sorts_last(void **state)
{
	(void)state;
	static const char *const valid[] = { "zzz", "Ỹ", "日本", "\xf0\x9f\x98\x80",
		"\xf4\x8f\xbf\xbf", "~" };
	static const char *const invalid[] = { "\x80", "\xff", "\xe1\xbb",
		"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80" };

	for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++)
		for (size_t j = 0; j < sizeof invalid / sizeof invalid[0]; j++)
			assert_before(valid[i], invalid[j]);
	assert_before("\x80", "\xff");
	assert_before("a\xfe", "a\xff");
	assert_before("a\xff", "b");
	assert_before("a\xff", "a\xff\xff");
	/* an embedded NUL is a character like any other */
	assert_int_equal(cmp_checked("a\0b", 3, "a", 1), 1);
	assert_int_equal(cmp_checked("a\0b", 3, "a b", 3), -1);
}

static void
test_key_size_and_truncation(void **state)
{
	(void)state;
	const char *s = "Thôn Đình Dù 12";
	size_t len = strlen(s), full = collate_key(s, len, NULL, 0);
	unsigned char *want = malloc(full), buf[256];

	assert_non_null(want);
	assert_true(full > 0 && full < sizeof buf);
	assert_int_equal(collate_key(s, len, want, full), full);
	for (size_t n = 0; n <= full; n++) {
		memset(buf, 0xa5, sizeof buf);
		assert_int_equal(collate_key(s, len, buf, n), full);
		assert_memory_equal(buf, want, n);
		for (size_t i = n; i < sizeof buf; i++)
			assert_int_equal(buf[i], 0xa5);
	}
	free(want);
}

/* Pieces of random strings: letters with and without marks in both
 * normalisation forms, digits, punctuation, invalid bytes. */
static const char *const PIECES[] = {
	"a", "A", "ă", "â", "d", "đ", "Đ", "e", "ê", "o", "ơ", "u", "ư", "y",
	"\xcc\x80", "\xcc\x81", "\xcc\x82", "\xcc\x83", "\xcc\x86", "\xcc\x89",
	"\xcc\x9b", "\xcc\xa3", "\xcc\x88", "ệ", "Ờ", "ữ", "0", "1", "9", " ",
	"-", ".", "\xff", "\xe1\xbb", "日", "α",
};

static void
random_string(char *buf, size_t cap, unsigned *seed)
{
	size_t n = 0, pieces;

	*seed = *seed * 1103515245u + 12345u;
	pieces = (*seed >> 16) % 7;
	buf[0] = '\0';
	for (size_t i = 0; i < pieces; i++) {
		const char *p;

		*seed = *seed * 1103515245u + 12345u;
		p = PIECES[(*seed >> 16) % (sizeof PIECES / sizeof PIECES[0])];
		if (n + strlen(p) + 1 > cap)
			break;
		strcpy(buf + n, p);
		n += strlen(p);
	}
}

/* For random strings: keys agree with comparisons, and NFC, NFD and the
 * original compare equal when the string is valid UTF-8. */
static void
test_random_consistency(void **state)
{
	(void)state;
	unsigned seed = 2024;

	for (int round = 0; round < 3000; round++) {
		char a[64], b[64];
		utf8proc_uint8_t *nfc, *nfd;

		random_string(a, sizeof a, &seed);
		random_string(b, sizeof b, &seed);
		cmp_checked(a, strlen(a), b, strlen(b));
		nfc = utf8proc_NFC((const utf8proc_uint8_t *)a);
		nfd = utf8proc_NFD((const utf8proc_uint8_t *)a);
		if (nfc && nfd) {
			assert_same(a, (const char *)nfc);
			assert_same(a, (const char *)nfd);
		}
		free(nfc);
		free(nfd);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expected_order_compare),
		cmocka_unit_test(test_expected_order_keys),
		cmocka_unit_test(test_pairs_agree_with_keys),
		cmocka_unit_test(test_nfc_equals_nfd),
		cmocka_unit_test(test_case_is_tertiary),
		cmocka_unit_test(test_villages),
		cmocka_unit_test(test_digits_and_punctuation),
		cmocka_unit_test(test_other_scripts),
		cmocka_unit_test(test_empty_first),
		cmocka_unit_test(test_invalid_sorts_last),
		cmocka_unit_test(test_key_size_and_truncation),
		cmocka_unit_test(test_random_consistency),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
