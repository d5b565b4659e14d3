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
	/* punctuation and other scripts survive; growth when folding */
	assert_fold("Lao động – “Thương binh” ≥ 85%", "lao dong – “thuong binh” ≥ 85%");
	assert_fold("\xc8\xba\xc8\xba", "\xe2\xb1\xa5\xe2\xb1\xa5");
	assert_fold("\xe8\xb6\x8a\xea\xb0\x80", "\xe8\xb6\x8a\xea\xb0\x80");
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

/* Names that look alike are alike: invisible characters go, other spaces
 * are spaces, bidi controls are refused (issue 10). */
static void
test_clean_invisible(void **state)
{
	(void)state;
	static const char *const same[] = {
		"Cự\u200b Đình", "Cự\u00a0Đình", "Cự Đình\ufeff",
		"\u2060Cự Đình", "Cự\u00ad Đình", "Cự\u202f\u200dĐình",
	};
	enum text_problem p;
	size_t off;
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		char *s = text_clean(same[i], false, &p, &off);
		assert_int_equal(p, TEXT_OK);
		assert_string_equal(s, "Cự Đình");
		free(s);
	}
	/* a note keeps its text as typed (only bidi is refused) */
	char *s = text_clean("a\u00a0b", true, &p, &off);
	assert_string_equal(s, "a\u00a0b");
	free(s);
	assert_null(text_clean("ab\u202ecd", false, &p, &off));
	assert_int_equal(p, TEXT_BIDI);
	assert_int_equal(off, 2);
	assert_null(text_clean("dòng\n\u2066x", true, &p, &off));
	assert_int_equal(p, TEXT_BIDI);
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

static void
assert_str_free(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_casefold_ascii(void **state)
{
	(void)state;
	assert_str_free(text_casefold("VIỆT Hưng"), "việt hưng");
	assert_str_free(text_ascii("Nông thôn mới Việt Hưng"), "Nong thon moi Viet Hung");
	assert_str_free(text_ascii("ĐƯỜNG Đình"), "DUONG Dinh");
	assert_str_free(text_ascii("Thu nhập–Nghèo ≥ 85% … “x”"),
			"Thu nhap-Ngheo >= 85% ... \"x\"");
	/* NFD gives the same ASCII */
	assert_str_free(text_ascii("Vie\xcc\x82\xcc\xa3t"), "Viet");
	assert_str_free(text_ascii("\xe8\xb6\x8a\xff"), "??");
}

static void
test_graphemes(void **state)
{
	(void)state;
	const char *nfc = "Việt", *nfd = "Vie\xcc\x82\xcc\xa3t";
	assert_int_equal(text_graphemes(nfc), 4);
	assert_int_equal(text_graphemes(nfd), 4);
	assert_int_equal(text_width(nfc), text_width(nfd));
	/* stepping over ệ in NFD takes base and both marks */
	assert_int_equal(text_next_grapheme(nfd, strlen(nfd), 2), 7);
	assert_int_equal(text_prev_grapheme(nfd, strlen(nfd), 7), 2);
	assert_int_equal(text_prev_grapheme(nfd, strlen(nfd), 0), 0);
	assert_int_equal(text_next_grapheme(nfd, strlen(nfd), 8), 8);
	/* a family emoji (ZWJ sequence) is one grapheme, two columns */
	const char *fam = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9";
	assert_int_equal(text_graphemes(fam), 1);
	assert_int_equal(text_width(fam), 2);
	assert_int_equal(text_graphemes(""), 0);
}

static void
test_fit(void **state)
{
	(void)state;
	assert_str_free(text_fit("Giao thông", 20, false, false), "Giao thông");
	assert_str_free(text_fit("Giao thông", 12, false, true), "Giao thông  ");
	assert_str_free(text_fit("Giao thông", 6, false, false), "Giao …");
	assert_str_free(text_fit("Giao thông", 6, true, false), "Giao ~");
	assert_str_free(text_fit("Giao thông", 10, false, false), "Giao thông");
	/* NFD: cut between graphemes, never between a base and its marks */
	assert_str_free(text_fit("Vie\xcc\x82\xcc\xa3t Nam", 4, false, false),
			"Vie\xcc\x82\xcc\xa3…");
	/* a wide character that does not fit is not split */
	assert_str_free(text_fit("ab\xe8\xb6\x8a\xe8\xb6\x8a", 4, false, true), "ab… ");
	assert_str_free(text_fit("abc", 0, false, true), "");
	assert_str_free(text_fit("abc", 1, false, true), "…");
	/* only the span is cut; the rest shows whole (issue 9, point 10) */
	const char *q = "Xóa “Bê tông hóa đường”? y: xóa";
	size_t from = strlen("Xóa “"), to = strlen("Xóa “Bê tông hóa đường");
	assert_str_free(text_fit_span(q, from, to, 40, false), q);
	assert_str_free(text_fit_span(q, from, to, 24, false), "Xóa “Bê tông h…”? y: xóa");
	assert_str_free(text_fit_span(q, from, to, 24, true), "Xóa “Bê tông h~”? y: xóa");
	assert_str_free(text_fit_span(q, from, to, 15, false), "Xóa “…”? y: xóa");
	/* no room even for the ellipsis: the end is cut */
	assert_str_free(text_fit_span(q, from, to, 10, false), "Xóa “Bê t…");
}

static void
test_sanitize_every_control(void **state)
{
	(void)state;
	for (int c = 0; c < 0x20; c++) {
		char in[2] = {(char)c, 0};
		char *out = text_sanitize(in, 1, 0);
		/* U+2400 + c, three bytes, never the control itself */
		assert_int_equal(strlen(out), 3);
		assert_int_equal((unsigned char)out[0], 0xe2);
		assert_int_equal((unsigned char)out[2], 0x80 + c % 64);
		free(out);
		out = text_sanitize(in, 1, TEXT_SAN_ASCII);
		assert_int_equal(out[0], '^');
		assert_int_equal(out[1], c + 0x40);
		free(out);
	}
	assert_str_free(text_sanitize("\x7f", 1, 0), "\xe2\x90\xa1");
	for (int c = 0x80; c < 0xa0; c++) {
		char in[3] = {(char)(0xc0 | (c >> 6)), (char)(0x80 | (c & 0x3f)), 0};
		char *out = text_sanitize(in, 2, 0);
		char want[2] = {(char)(c - 0x40), 0};
		assert_string_equal(out + 3, want);
		assert_memory_equal(out, "\xe2\x90\x9b", 3);
		free(out);
	}
	/* a title that would retitle or clear the terminal is shown inert */
	const char *evil = "A\033]0;pwned\007B\033[2J";
	char *out = text_sanitize(evil, strlen(evil), 0);
	assert_null(strchr(out, '\033'));
	assert_null(strchr(out, '\007'));
	assert_string_equal(out, "A␛]0;pwned␇B␛[2J");
	free(out);
	assert_str_free(text_sanitize("a\xff" "b", 3, 0), "a\xef\xbf\xbd" "b");
	assert_str_free(text_sanitize("a\nb", 3, 0), "a␊b");
	assert_str_free(text_sanitize("a\nb", 3, TEXT_SAN_NEWLINES), "a\nb");
	/* right-to-left override cannot reorder what follows */
	assert_str_free(text_sanitize("a\xe2\x80\xae" "b", 5, 0), "a\xef\xbf\xbd" "b");
	assert_str_free(text_sanitize("Việt\033", 7, TEXT_SAN_ASCII), "Viet^[");
	/* embedded NUL is shown, not a terminator */
	assert_str_free(text_sanitize("a\0b", 3, 0), "a␀b");
}

/* Windows and old Mac line ends become LF in multiline text; a
 * noncharacter (U+FFFF, invalid in XML) is refused at input and shown as
 * U+FFFD on output. */
static void
test_line_ends_and_nonchars(void **state)
{
	(void)state;
	enum text_problem p;
	size_t off = 0;
	char *s = text_clean("a\r\nb\rc\n", true, &p, &off);
	assert_non_null(s);
	assert_string_equal(s, "a\nb\nc\n");
	free(s);
	assert_null(text_clean("x\xef\xbf\xbfy", true, &p, &off));
	assert_int_equal(p, TEXT_CONTROL);
	assert_null(text_clean("x\xef\xb7\x90", false, &p, &off));
	s = text_sanitize("x\xef\xbf\xbey", 5, 0);
	assert_string_equal(s, "x\xef\xbf\xbdy");
	free(s);
	s = text_cell_safe("\xef\xbf\xbf");
	assert_string_equal(s, "\xef\xbf\xbd");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_clean_invisible),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_casefold_ascii),
		cmocka_unit_test(test_graphemes),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_sanitize_every_control),
		cmocka_unit_test(test_line_ends_and_nonchars),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
