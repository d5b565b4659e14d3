/* Unit tests of src/text: validation, NFC, folding, width, distance. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

static void
assert_fold(const char *in, const char *want)
{
	char *got = text_fold(in);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_fold(void **state)
{
	(void)state;
	assert_fold("Cự Đình", "cu dinh");
	assert_fold("Cự Đinh", "cu dinh");
	assert_fold("ĐƯỜNG", "duong");
	assert_fold("Việt Hưng", "viet hung");
	/* NFD input folds the same as NFC */
	assert_fold("Vie\xcc\x82\xcc\xa3t", "viet");
	assert_fold("12.KH1", "12.kh1");
	assert_null(text_fold("\xff"));
}

static void
test_nfc(void **state)
{
	(void)state;
	/* e + circumflex + dot below → ệ (U+1EC7) */
	char *s = text_nfc("Vie\xcc\x82\xcc\xa3t");
	assert_string_equal(s, "Vi\xe1\xbb\x87t");
	free(s);
	/* marks in the other order compose to the same letter */
	s = text_nfc("Vie\xcc\xa3\xcc\x82t");
	assert_string_equal(s, "Vi\xe1\xbb\x87t");
	free(s);
	assert_null(text_nfc("a\xc3"));
}

static void
test_check(void **state)
{
	(void)state;
	size_t off = 99;
	assert_int_equal(text_check("Nông thôn mới", false, &off), TEXT_OK);
	assert_int_equal(text_check("ab\xffz", false, &off), TEXT_BAD_UTF8);
	assert_int_equal(off, 2);
	assert_int_equal(text_check("a\033[2J", false, &off), TEXT_CONTROL);
	assert_int_equal(off, 1);
	assert_int_equal(text_check("dòng 1\ndòng 2\t.", true, NULL), TEXT_OK);
	assert_int_equal(text_check("dòng 1\ndòng 2", false, NULL), TEXT_CONTROL);
	/* C1 control U+0085 */
	assert_int_equal(text_check("a\xc2\x85", true, NULL), TEXT_CONTROL);
	/* overlong encoding of '/' and a surrogate are invalid */
	assert_int_equal(text_check("\xc0\xaf", true, NULL), TEXT_BAD_UTF8);
	assert_int_equal(text_check("\xed\xa0\x80", true, NULL), TEXT_BAD_UTF8);
}

static void
test_clean(void **state)
{
	(void)state;
	enum text_problem p;
	size_t off;
	char *s = text_clean("Thu\xcc\x9b\xcc\x89", false, &p, &off);
	assert_int_equal(p, TEXT_OK);
	assert_string_equal(s, "Thử");
	free(s);
	assert_null(text_clean("x\x07", false, &p, &off));
	assert_int_equal(p, TEXT_CONTROL);
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("Việt Hưng"), 9);
	/* NFD: base + combining marks are one column */
	assert_int_equal(text_width("Vie\xcc\x82\xcc\xa3t"), 4);
	/* CJK is two columns */
	assert_int_equal(text_width("\xe8\xb6\x8a"), 2);
	assert_int_equal(text_width("█░"), 2);
	/* an invalid byte counts as one replacement character */
	assert_int_equal(text_width("a\xffz"), 3);
}

static void
test_distance(void **state)
{
	(void)state;
	assert_int_equal(text_distance("cu dinh", "Cự Đình"), 0);
	assert_int_equal(text_distance("12.9", "12.2"), 1);
	assert_int_equal(text_distance("abc", ""), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_distance),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
