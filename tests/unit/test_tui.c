/* Unit tests of the full-screen program's curses-free parts: the list
 * model, gauges, the action table (dispatch, hint bar, help screen —
 * against a golden file — and the man page's KEYS section). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/curses.h"
#include "ntm/text.h"
#include "tui/actions.h"
#include "tui/widgets.h"

/* rows 0 and 5 are headers */
static bool
not_header(const void *data, int row)
{
	(void)data;
	return row != 0 && row != 5;
}

static void
test_list_moves(void **state)
{
	(void)state;
	struct list l = {.sel = 0, .selectable = not_header};
	list_reset(&l, 12, 4);
	assert_int_equal(l.sel, 1);          /* the header is skipped */
	assert_int_equal(l.top, 0);          /* …and stays in view */
	list_move(&l, 1);
	list_move(&l, 1);
	list_move(&l, 1);
	assert_int_equal(l.sel, 4);
	assert_int_equal(l.top, 1);
	list_move(&l, 1);                    /* over the header at 5 */
	assert_int_equal(l.sel, 6);
	list_move(&l, -1);
	assert_int_equal(l.sel, 4);
	list_end(&l);
	assert_int_equal(l.sel, 11);
	assert_int_equal(l.top, 8);
	list_move(&l, 1);                    /* at the end: stays */
	assert_int_equal(l.sel, 11);
	list_home(&l);
	assert_int_equal(l.sel, 1);
	list_page(&l, 1);
	assert_int_equal(l.sel, 4);
	list_page(&l, -1);
	assert_int_equal(l.sel, 1);
	assert_int_equal(list_row_at(&l, 2), l.top + 2);
	assert_int_equal(list_row_at(&l, 4), -1);
}

/* rows 8 and 9, the last, are lines that cannot be selected */
static bool
before_last_two(const void *data, int row)
{
	(void)data;
	return row < 8;
}

static void
test_list_end_shows_last_rows(void **state)
{
	(void)state;
	struct list l = {.sel = 0, .selectable = before_last_two};
	list_reset(&l, 10, 4);
	list_end(&l);
	assert_int_equal(l.sel, 7);
	assert_int_equal(l.top, 6);          /* rows 6–9: the last lines show */
	assert_int_equal(list_row_at(&l, 3), 9);
	list_reset(&l, 0, 4);                /* nothing at all */
	list_end(&l);
	assert_int_equal(l.sel, -1);
	assert_int_equal(l.top, 0);
}

static void
test_list_dirty(void **state)
{
	(void)state;
	struct list l = {.sel = 1};
	list_reset(&l, 20, 5);
	int rows[2];
	assert_int_equal(list_dirty(&l, rows), -1);   /* new: everything */
	list_drawn(&l);
	assert_int_equal(list_dirty(&l, rows), 0);
	list_move(&l, 1);                             /* a move: two rows */
	assert_int_equal(list_dirty(&l, rows), 2);
	assert_int_equal(rows[0], 1);
	assert_int_equal(rows[1], 2);
	list_drawn(&l);
	list_move(&l, 5);                             /* a scroll: all */
	assert_int_equal(list_dirty(&l, rows), -1);
	/* a list shrinking under the selection keeps a valid row */
	list_reset(&l, 3, 5);
	assert_int_equal(l.sel, 2);
	list_reset(&l, 0, 5);
	assert_int_equal(l.sel, -1);
}

static void
test_gauge(void **state)
{
	(void)state;
	char buf[128];
	gauge_bar((struct ntm_gauge){4, 7}, 12, true, buf, sizeof buf);
	assert_string_equal(buf, "######------");
	gauge_bar((struct ntm_gauge){4, 7}, 12, false, buf, sizeof buf);
	assert_string_equal(buf, "██████░░░░░░");
	assert_int_equal(text_width(buf), 12);
	gauge_bar((struct ntm_gauge){1, 100}, 10, true, buf, sizeof buf);
	assert_string_equal(buf, "#---------");      /* something done shows */
	gauge_bar((struct ntm_gauge){0, 0}, 5, true, buf, sizeof buf);
	assert_string_equal(buf, "-----");
	gauge_bar((struct ntm_gauge){19, 19}, 5, true, buf, sizeof buf);
	assert_string_equal(buf, "#####");
	gauge_bar((struct ntm_gauge){3, 4}, 8, false, buf, 10);   /* too small */
	assert_true(strlen(buf) < 10);
	gauge_count((struct ntm_gauge){12, 19}, true, buf, sizeof buf);
	assert_string_equal(buf, "12/19 (63%)");
	gauge_count((struct ntm_gauge){8, 10}, false, buf, sizeof buf);
	assert_string_equal(buf, "8/10");
}

static void
test_dispatch(void **state)
{
	(void)state;
	assert_int_equal(actions_for_key('q', CTX_LIST), ACT_QUIT);
	assert_int_equal(actions_for_key(KEY_F(1), CTX_LIST), ACT_HELP);
	assert_int_equal(actions_for_key(']', CTX_LIST), ACT_NEXT_TAB);
	assert_int_equal(actions_for_key('j', CTX_LIST), ACT_DOWN);
	assert_int_equal(actions_for_key('\r', CTX_LIST), ACT_OPEN);
	assert_int_equal(actions_for_key('t', CTX_LIST | CTX_INDICATOR), ACT_TARGET);
	assert_int_equal(actions_for_key('t', CTX_LIST | CTX_TASK), ACT_NONE);
	assert_int_equal(actions_for_key('d', CTX_LIST | CTX_TASK), ACT_DELETE);
	assert_int_equal(actions_for_key('x', CTX_LIST), ACT_NONE);
	/* every key is taken once per context */
	for (int a = 0; a < ACT_COUNT; a++)
		for (int b = a + 1; b < ACT_COUNT; b++) {
			const struct tui_action_def *x = actions_def(a), *y = actions_def(b);
			if (x->key == y->key && (x->ctx & y->ctx))
				fail_msg("actions %d and %d share a key", a, b);
		}
}

static void
test_hint_bar(void **state)
{
	(void)state;
	char buf[1024];
	actions_hint(CTX_LIST | CTX_INDICATOR, 79, false, false, buf, sizeof buf);
	assert_non_null(strstr(buf, "t Chỉ tiêu KH"));
	assert_null(strstr(buf, "e Sửa"));
	assert_true(text_width(buf) <= 79);
	actions_hint(CTX_LIST | CTX_TASK, 79, false, false, buf, sizeof buf);
	assert_non_null(strstr(buf, "e Sửa"));
	actions_hint(CTX_LIST | CTX_TASK, 200, true, false, buf, sizeof buf);
	assert_non_null(strstr(buf, "q Thoat"));
	for (const char *p = buf; *p; p++)
		assert_true((unsigned char)*p < 0x80);
	actions_hint(CTX_LIST | CTX_INDICATOR, 200, false, true, buf, sizeof buf);
	assert_null(strstr(buf, "t Chỉ tiêu KH"));      /* read-only: no edits */
	assert_non_null(strstr(buf, "g Đi đến"));
	actions_hint(CTX_LIST, 20, false, false, buf, sizeof buf);
	assert_true(text_width(buf) <= 20);
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	static char buf[1 << 18];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	assert_true(n < sizeof buf - 1);     /* never rewrite a cut file */
	return buf;
}

/* The help screen is generated from the action table: a change of keys or
 * texts shows up here. NTM_UPDATE_GOLDEN=1 rewrites the golden file. */
static void
test_help_golden(void **state)
{
	(void)state;
	char **lines = actions_help_lines();
	char got[1 << 16] = "";
	for (int i = 0; lines[i]; i++) {
		strcat(got, lines[i]);
		strcat(got, "\n");
	}
	actions_free_lines(lines);
	const char *path = "tests/data/help.golden";
	if (getenv("NTM_UPDATE_GOLDEN")) {
		FILE *f = fopen(path, "w");
		fputs(got, f);
		fclose(f);
	}
	const char *want = slurp(path);
	assert_non_null(want);
	assert_string_equal(got, want);
	assert_non_null(strstr(got, "Ctrl-R"));
	assert_non_null(strstr(got, "Hoàn tác"));
}

/* The man page's KEYS section is the one the table generates. */
static void
test_man_keys(void **state)
{
	(void)state;
	char *tmp = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&tmp, &n);
	actions_roff(f);
	fclose(f);
	const char *man = slurp("man/ntm.1");
	assert_non_null(man);
	const char *begin = strstr(man, ".\\\" KEYS-BEGIN\n");
	const char *end = strstr(man, ".\\\" KEYS-END");
	if (!begin || !end)
		fail_msg("man/ntm.1 lacks the KEYS-BEGIN / KEYS-END markers");
	begin += strlen(".\\\" KEYS-BEGIN\n");
	if (getenv("NTM_UPDATE_GOLDEN")) {       /* make man-keys */
		FILE *out = fopen("man/ntm.1", "w");
		fwrite(man, 1, (size_t)(begin - man), out);
		fwrite(tmp, 1, n, out);
		fputs(end, out);
		fclose(out);
		man = slurp("man/ntm.1");
		begin = strstr(man, ".\\\" KEYS-BEGIN\n") + strlen(".\\\" KEYS-BEGIN\n");
		end = strstr(man, ".\\\" KEYS-END");
	}
	if ((size_t)(end - begin) != n || memcmp(begin, tmp, n) != 0)
		fail_msg("man/ntm.1 KEYS section differs from the action table; "
			 "regenerate it with: make man-keys");
	free(tmp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_moves),
		cmocka_unit_test(test_list_end_shows_last_rows),
		cmocka_unit_test(test_list_dirty),
		cmocka_unit_test(test_gauge),
		cmocka_unit_test(test_dispatch),
		cmocka_unit_test(test_hint_bar),
		cmocka_unit_test(test_help_golden),
		cmocka_unit_test(test_man_keys),
	};
	return cmocka_run_group_tests_name("tui", tests, NULL, NULL);
}
