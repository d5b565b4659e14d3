/* Unit tests of the line editor model: grapheme editing, external IME
 * bursts, the built-in Telex/VNI, scrolling. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/lineedit.h"

/* Feeds a UTF-8 string key by key (one code point each); "\b" is
 * Backspace. */
static void
type(struct lineedit *e, const char *s)
{
	while (*s) {
		unsigned char c = (unsigned char)*s;
		int32_t cp;
		int n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
		cp = n == 1 ? c : c & (0x3f >> (n - 1));
		for (int i = 1; i < n; i++)
			cp = (cp << 6) | (s[i] & 0x3f);
		lineedit_key(e, cp);
		s += n;
	}
}

static void
test_external_ime_burst(void **state)
{
	(void)state;
	struct lineedit e;
	/* what a Backspace-style IME sends while typing "việt" */
	lineedit_init(&e, NULL, 0);
	type(&e, "vie\bêt\b\bệt");
	assert_string_equal(lineedit_text(&e), "việt");
	lineedit_free(&e);
	/* all three Backspace codes; one Backspace = one visible letter */
	lineedit_init(&e, "Vie\xcc\x82\xcc\xa3t", 0);   /* NFD */
	lineedit_key(&e, 0x7f);
	lineedit_key(&e, 0x08);
	assert_string_equal(lineedit_text(&e), "Vi");
	lineedit_key(&e, LE_BACKSPACE);
	assert_string_equal(lineedit_text(&e), "V");
	lineedit_free(&e);
	/* the same burst with the built-in method on: foreign letters pass */
	lineedit_init(&e, NULL, 0);
	lineedit_key(&e, LE_CYCLE_IME);
	type(&e, "vie\bêt\b\bệt");
	assert_string_equal(lineedit_text(&e), "việt");
	lineedit_free(&e);
}

static void
test_telex_typing(void **state)
{
	(void)state;
	struct lineedit e;
	lineedit_init(&e, NULL, 0);
	assert_int_equal(lineedit_ime(&e), TELEX_OFF);
	lineedit_key(&e, 0x14);                          /* ^T */
	assert_int_equal(lineedit_ime(&e), TELEX_TELEX);
	type(&e, "dduwowngf hoa tieeu bieeur");
	char *c = lineedit_commit(&e);
	assert_string_equal(c, "đường hoa tiêu biểu");
	free(c);
	/* Backspace then a tone key: the word is taken up again */
	lineedit_set(&e, "");
	type(&e, "vieet\bj");
	assert_string_equal(lineedit_text(&e), "việ");
	type(&e, "t");
	assert_string_equal(lineedit_text(&e), "việt");
	/* VNI */
	lineedit_key(&e, LE_CYCLE_IME);
	assert_int_equal(lineedit_ime(&e), TELEX_VNI);
	lineedit_set(&e, "");
	type(&e, "Vie65t Nam na8m 2024");
	assert_string_equal(lineedit_text(&e), "Việt Nam năm 2024");
	lineedit_key(&e, LE_CYCLE_IME);
	assert_int_equal(lineedit_ime(&e), TELEX_OFF);
	lineedit_set(&e, "");
	type(&e, "windows");
	assert_string_equal(lineedit_text(&e), "windows");
	/* set from outside (the session's method, issue 9 point 3) */
	lineedit_set_ime(&e, TELEX_TELEX);
	assert_int_equal(lineedit_ime(&e), TELEX_TELEX);
	type(&e, " ddaa");
	assert_string_equal(lineedit_text(&e), "windows đâ");
	lineedit_free(&e);
}

static void
test_editing_keys(void **state)
{
	(void)state;
	struct lineedit e;
	lineedit_init(&e, "Nông thôn mới", 0);
	lineedit_key(&e, LE_HOME);
	assert_int_equal(lineedit_cursor_col(&e), 0);
	lineedit_key(&e, LE_RIGHT);
	lineedit_key(&e, LE_RIGHT);
	assert_int_equal(lineedit_cursor_col(&e), 2);
	lineedit_key(&e, LE_DELETE);                  /* removes "n" */
	assert_string_equal(lineedit_text(&e), "Nôg thôn mới");
	lineedit_key(&e, LE_END);
	lineedit_key(&e, 0x17);                       /* ^W */
	assert_string_equal(lineedit_text(&e), "Nôg thôn ");
	lineedit_key(&e, LE_LEFT);
	lineedit_key(&e, 0x15);                       /* ^U */
	assert_string_equal(lineedit_text(&e), " ");
	assert_false(lineedit_key(&e, 0x1b));        /* ESC is not text */
	assert_false(lineedit_key(&e, 0x85));        /* nor is a C1 control */
	lineedit_paste(&e, "a\nb\tc\033d");
	assert_string_equal(lineedit_text(&e), "a b cd ");
	lineedit_free(&e);
}

/* Pasted bytes stay text: DEL and C1 controls dropped, invalid UTF-8 one
 * U+FFFD per bad run with the rest kept, a character never cut at the
 * limit (issue 10, point 9). */
static void
test_paste_bytes(void **state)
{
	(void)state;
	struct lineedit e;
	lineedit_init(&e, "xy", 0);
	lineedit_paste(&e, "ab\x7f\x7f" "cd\xc2\x85" "e");
	assert_string_equal(lineedit_text(&e), "xyabcde");
	lineedit_set(&e, "");
	lineedit_paste(&e, "ab\xff\xfe" "cd đường");
	assert_string_equal(lineedit_text(&e), "ab\xef\xbf\xbd\xef\xbf\xbd" "cd đường");
	lineedit_set(&e, "");
	lineedit_paste(&e, "ab\xc3" "cd\xe1\xbb" "ef\xed\xa0\x80");
	assert_string_equal(lineedit_text(&e), "ab\xef\xbf\xbd" "cd\xef\xbf\xbd" "ef"
			    "\xef\xbf\xbd");     /* an encoded surrogate: one run */
	lineedit_free(&e);
	lineedit_init(&e, "abcd", 6);
	lineedit_paste(&e, "ệ");                 /* 3 bytes: 7 > 6, left out */
	assert_string_equal(lineedit_text(&e), "abcd");
	lineedit_paste(&e, "éx");                /* é fits (2 bytes), x not */
	assert_string_equal(lineedit_text(&e), "abcdé");
	lineedit_free(&e);
}

static void
test_limit_and_view(void **state)
{
	(void)state;
	struct lineedit e;
	lineedit_init(&e, NULL, 6);
	type(&e, "ệệệ");          /* 3 bytes each: only two fit */
	assert_string_equal(lineedit_text(&e), "ệệ");
	lineedit_free(&e);

	lineedit_init(&e, "0123456789abcdef", 0);
	size_t first;
	int col;
	lineedit_view(&e, 10, &first, &col);
	assert_int_equal(col, 9);               /* cursor at the right edge */
	assert_int_equal(first, 7);
	lineedit_key(&e, LE_HOME);
	lineedit_view(&e, 10, &first, &col);
	assert_int_equal(first, 0);
	assert_int_equal(col, 0);
	lineedit_free(&e);
	/* wide characters scroll by whole graphemes */
	lineedit_init(&e, "越越越越越越", 0);
	lineedit_view(&e, 5, &first, &col);
	assert_true(col <= 4);
	assert_int_equal(first % 3, 0);
	lineedit_free(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_external_ime_burst),
		cmocka_unit_test(test_telex_typing),
		cmocka_unit_test(test_editing_keys),
		cmocka_unit_test(test_paste_bytes),
		cmocka_unit_test(test_limit_and_view),
	};
	return cmocka_run_group_tests_name("lineedit", tests, NULL, NULL);
}
