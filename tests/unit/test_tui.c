/* Unit tests of the full-screen program: the list model, gauges, the
 * action table (dispatch, hint bar, help screen — against a golden file —
 * and the man page's KEYS section), and every tab (load, select, draw,
 * moves) on a terminal writing to /dev/null, with the built-in plan, with
 * a file made by `ntm init --empty`, and with a report of nothing at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "ntm/curses.h"
#include "ntm/text.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/plans.h"
#include "tui/screen.h"
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
	/* the full view: v on a row; inside, q closes it and r retracts */
	assert_int_equal(actions_for_key('v', CTX_LIST | CTX_ITEM), ACT_VIEW);
	assert_int_equal(actions_for_key('q', CTX_VIEW | CTX_LIST), ACT_VIEW_CLOSE);
	assert_int_equal(actions_for_key(27, CTX_VIEW | CTX_LIST), ACT_VIEW_CLOSE);
	assert_int_equal(actions_for_key('r', CTX_VIEW), ACT_RETRACT);
	assert_int_equal(actions_for_key('r', CTX_LIST | CTX_INDICATOR), ACT_NONE);
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
	assert_non_null(strstr(buf, "t Mức KH"));
	assert_null(strstr(buf, "e Sửa"));
	assert_true(text_width(buf) <= 79);
	assert_non_null(strstr(buf, "v Xem"));          /* the full view */
	actions_hint(CTX_LIST | CTX_TASK, 79, false, false, buf, sizeof buf);
	assert_non_null(strstr(buf, "e Sửa"));
	assert_non_null(strstr(buf, "v Xem"));
	actions_hint(CTX_LIST | CTX_TASK, 200, true, false, buf, sizeof buf);
	assert_non_null(strstr(buf, "q Thoat"));
	for (const char *p = buf; *p; p++)
		assert_true((unsigned char)*p < 0x80);
	actions_hint(CTX_LIST | CTX_INDICATOR, 200, false, true, buf, sizeof buf);
	assert_null(strstr(buf, "t Mức KH"));      /* read-only: no edits */
	assert_non_null(strstr(buf, "g Đi đến"));
	actions_hint(CTX_LIST, 20, false, false, buf, sizeof buf);
	assert_true(text_width(buf) <= 20);
}

/* The palette ranks an exact word first (issue 9, point 8). */
static void
test_match_rank(void **state)
{
	(void)state;
	/* a whole word beats the start of a word, with or without marks */
	assert_true(match_rank("Thôn", "thon") > match_rank("Giao thông", "thon"));
	assert_true(match_rank("Thôn", "thôn") > match_rank("Giao thông", "thôn"));
	/* the start of a word beats a part of one */
	assert_true(match_rank("Giao thông", "thon") > match_rank("Kthong", "thon"));
	/* a match at the start beats one inside */
	assert_true(match_rank("Thôn Cự Đình", "thon") > match_rank("Đường thôn", "thon"));
	/* accent-exact breaks a tie */
	assert_true(match_rank("Ba", "bà") < match_rank("Bà", "bà"));
	assert_true(match_rank("Bà", "ba") < match_rank("Ba", "ba"));
	/* every word counts; nothing found is 0 */
	assert_true(match_rank("Y tế", "y te") > match_rank("Y tế", "y"));
	assert_int_equal(match_rank("Điện", "nuoc"), 0);
}

/* Wrapped lines for the help and the full view: spaces, new lines, a
 * hanging indent, no line wider than asked. */
static void
test_lines_wrap(void **state)
{
	(void)state;
	struct lines l = {0};
	lines_wrap(&l, "một hai ba bốn năm sáu", 10, 2);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "một hai ba");
	assert_string_equal(l.v[1], "  bốn năm");
	assert_string_equal(l.v[2], "  sáu");
	assert_null(l.v[3]);
	lines_free(&l);
	lines_wrap(&l, "dòng 1\n\ndòng 3\n", 20, 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[1], "");
	assert_string_equal(l.v[2], "dòng 3");
	lines_free(&l);
	lines_wrap(&l, "Khôngcókhoảngtrắngnào", 8, 0);
	for (int i = 0; i < l.n; i++)
		assert_true(text_width(l.v[i]) <= 8);
	lines_free(&l);
}

/* The Phụ trách column keeps the part that tells tasks apart (issue 9,
 * point 10). */
static void
test_role_short(void **state)
{
	(void)state;
	char buf[128];
	role_short("Công chức chuyên môn", buf, sizeof buf);
	assert_string_equal(buf, "CC chuyên môn");
	role_short("Công chức địa chính phụ trách NTM", buf, sizeof buf);
	assert_string_equal(buf, "CC địa chính phụ trách NTM");
	role_short("Ủy ban MTTQ và các hội, đoàn thể", buf, sizeof buf);
	assert_string_equal(buf, "UB MTTQ và các hội, đoàn thể");
	role_short("Các thôn", buf, sizeof buf);
	assert_string_equal(buf, "Các thôn");
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
	char **lines = actions_help_lines(false);
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

/* ---- the tabs ------------------------------------------------------------ */

static SCREEN *term;
static FILE *term_out, *term_in;

/* An 80×24 terminal whose output goes nowhere and whose input is empty. */
static struct app *
open_app(struct store *st)
{
	setenv("TERM", "xterm-256color", 1);
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	term_out = fopen("/dev/null", "w");
	term_in = fopen("/dev/null", "r");
	term = newterm(NULL, term_out, term_in);
	assert_non_null(term);
	set_term(term);
	struct app *a = calloc(1, sizeof *a);
	a->st = st;
	a->read_only = st ? store_read_only(st) : false;
	screen_layout(a);
	assert_int_equal(a->cols, 80);
	return a;
}

static void
close_app(struct app *a)
{
	app_free_tabs(a);
	store_report_free(&a->rep);
	arena_free(&a->arena);
	WINDOW *all[] = {a->w_tabs, a->w_head, a->w_list, a->w_detail, a->w_msg, a->w_hint};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		delwin(all[i]);
	free(a);
	endwin();
	delscreen(term);
	fclose(term_out);
	fclose(term_in);
}

/* Moves that open no dialog, in an order that visits both panes of tab
 * Thôn and its matrix. */
static const enum tui_action WALK[] = {
	ACT_DOWN, ACT_PAGE_DOWN, ACT_END, ACT_UP, ACT_PAGE_UP, ACT_HOME,
	ACT_FOCUS_IN, ACT_DOWN, ACT_SORT, ACT_END, ACT_SORT, ACT_SORT,
	ACT_FOCUS_OUT, ACT_MATRIX, ACT_COL_RIGHT, ACT_DOWN, ACT_END,
	ACT_COL_LEFT, ACT_HOME, ACT_PAGE_DOWN, ACT_MATRIX,
};

/* Every tab drawn after every move of WALK (and the actions given), its
 * rows' texts and keys read; returns the rows' texts, one a line. */
static char *
walk_tabs(struct app *a, const enum tui_action *more, size_t nmore)
{
	char *texts = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&texts, &len);
	for (a->cur = 0; a->cur < a->ntabs; a->cur++) {
		struct tab *t = app_tab(a);
		app_sync_selection(a);
		screen_draw(a);
		for (size_t i = 0; i < sizeof WALK / sizeof *WALK + nmore; i++) {
			enum tui_action act = i < nmore ? more[i] : WALK[i - nmore];
			if (!t->ops->on_action(a, t, act, tab_selected(t)))
				list_act(&t->list, act);
			app_sync_selection(a);
			screen_draw(a);
			assert_true(screen_context(a) & CTX_LIST);
		}
		for (int r = 0; r < t->nrows; r++) {
			fprintf(out, "%s\n", t->ops->row_text(a, &t->rows[r]));
			assert_non_null(t->ops->row_key(a, &t->rows[r]));
		}
	}
	a->cur = 0;
	fclose(out);
	return texts;
}

static void
test_tabs_plan(void **state)
{
	struct fixture *f = *state;
	struct app *a = open_app(f->st);
	app_reload(a);
	assert_int_equal(a->ntabs, 3 + a->rep.nsectors);  /* + Vốn */
	assert_true(a->ntasks > 0);
	char *texts = walk_tabs(a, NULL, 0);
	assert_non_null(strstr(texts, "Cự Đình"));
	assert_null(strstr(texts, "Chưa có"));
	free(texts);
	close_app(a);
}

/* A file like `ntm init --empty` makes, beside the fixture's, opened. */
static struct store *
open_empty(struct fixture *f, const char *name)
{
	char path[160];
	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	struct ntm_error e = {0};
	struct store *st;
	struct store_options opt = {.person = "Nguyễn Văn An"};
	assert_int_equal(store_create(path, true, NULL, NULL, &e), NTM_OK);
	assert_int_equal(store_open(&st, path, &opt, &e), NTM_OK);
	assert_int_equal(store_use_commune(st, NULL, &e), NTM_OK);
	return st;
}

/* A file made by `ntm init --empty`: sectors and criteria, no plan, no
 * village (the crash in screen_draw). */
static void
test_tabs_empty_file(void **state)
{
	struct store *st = open_empty(*state, "empty.db");
	struct app *a = open_app(st);
	app_reload(a);
	assert_null(a->rep.plan_number);
	assert_int_equal(a->ntabs, 3 + a->rep.nsectors);  /* + Vốn */
	/* a on an indicator: a message, no form (Enter would open one) */
	static const enum tui_action more[] = {ACT_TICK, ACT_ADD};
	char *texts = walk_tabs(a, more, sizeof more / sizeof *more);
	assert_non_null(strstr(texts, "Xã chưa có kế hoạch nên chưa có nhiệm vụ"));
	assert_non_null(strstr(texts, "Chưa có thôn nào. Nhấn A để thêm thôn."));
	free(texts);
	close_app(a);
	store_close(st);
}

/* A report with nothing in it: no sector, criterion, village or task. */
static void
test_tabs_nothing(void **state)
{
	struct store *st = open_empty(*state, "nothing.db");
	struct app *a = open_app(st);
	a->read_only = true;               /* no key named that cannot work */
	app_load_tabs(a);                  /* on the zeroed report */
	assert_int_equal(a->ntabs, 3);     /* Tổng quan, Vốn, Thôn */
	static const enum tui_action more[] = {ACT_OPEN, ACT_TICK, ACT_ITEM_ADD};
	char *texts = walk_tabs(a, more, sizeof more / sizeof *more);
	assert_non_null(strstr(texts, "Chưa có thôn nào."));
	assert_non_null(strstr(texts, "Xã chưa có kế hoạch"));
	assert_null(strstr(texts, "Nhấn A"));
	free(texts);
	close_app(a);
	store_close(st);
}

/* The plan's name is shortened to the room it has, never cut. */
static void
test_plans_name(void **state)
{
	(void)state;
	char out[128];
	assert_int_equal(plans_name("32/KH-UBND", 2024, 80, out, sizeof out), 28);
	assert_string_equal(out, "Kế hoạch 32/KH-UBND năm 2024");
	plans_name("32/KH-UBND", 2024, 27, out, sizeof out);
	assert_string_equal(out, "KH 32/KH-UBND năm 2024");
	plans_name("32/KH-UBND", 2024, 21, out, sizeof out);
	assert_string_equal(out, "KH 32/KH-UBND 2024");
	plans_name("32/KH-UBND", 2024, 17, out, sizeof out);
	assert_string_equal(out, "KH 2024");
	assert_int_equal(plans_name("32/KH-UBND", 2024, 6, out, sizeof out), 0);
	assert_string_equal(out, "");
	plans_name(NULL, 0, 80, out, sizeof out);
	assert_string_equal(out, "chưa có kế hoạch");
	plans_name(NULL, 0, 12, out, sizeof out);
	assert_string_equal(out, "chưa có KH");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_moves),
		cmocka_unit_test(test_list_end_shows_last_rows),
		cmocka_unit_test(test_list_dirty),
		cmocka_unit_test(test_gauge),
		cmocka_unit_test(test_plans_name),
		cmocka_unit_test(test_dispatch),
		cmocka_unit_test(test_hint_bar),
		cmocka_unit_test(test_match_rank),
		cmocka_unit_test(test_lines_wrap),
		cmocka_unit_test(test_role_short),
		cmocka_unit_test(test_help_golden),
		cmocka_unit_test(test_man_keys),
		cmocka_unit_test_setup_teardown(test_tabs_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tabs_empty_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tabs_nothing, setup, teardown),
	};
	return cmocka_run_group_tests_name("tui", tests, NULL, NULL);
}
