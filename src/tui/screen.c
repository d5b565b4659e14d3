/* Windows, colours, glyphs and the drawing of everything but the rows. */
#include "screen.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "ntm/text.h"

/* User-visible texts of this file. */
#define TXT_TOO_SMALL   "Cửa sổ quá nhỏ: cần ít nhất %d×%d (hiện %d×%d). Hãy phóng to cửa sổ."
#define TXT_READ_ONLY   " CHỈ XEM "
#define TXT_NO_ROW      "(không có dòng nào)"
#define TXT_COMMUNE_OPEN "%s · H: về %s"

enum { DETAIL_MIN = 4 };

/* The detail pane's lines under its rule: DETAIL_MIN at the smallest
 * window (80×24, where the list needs its rows and a move must stay
 * cheap), and a third of every row beyond it. */
static int
detail_lines(int rows)
{
	return rows > MIN_ROWS ? DETAIL_MIN + (rows - MIN_ROWS) / 3 : DETAIL_MIN;
}

static const struct { short fg, bg; attr_t mono, extra; } THEME[UI_COUNT] = {
	[UI_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
	[UI_TAB_ACTIVE] = {COLOR_BLACK, COLOR_CYAN, A_REVERSE | A_BOLD, A_BOLD},
	[UI_TAB] = {-1, -1, A_NORMAL, A_NORMAL},
	[UI_ROW_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_REVERSE, A_NORMAL},
	[UI_GAUGE_FILL] = {COLOR_GREEN, -1, A_BOLD, A_NORMAL},
	[UI_STATUS_DAT] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
	[UI_STATUS_CHUA_DAT] = {COLOR_RED, -1, A_UNDERLINE, A_BOLD},
	[UI_STATUS_CHUA_DANH_GIA] = {COLOR_YELLOW, -1, A_NORMAL, A_NORMAL},
	[UI_STATUS_NONE] = {-1, -1, A_DIM, A_DIM},
	[UI_BANNER] = {COLOR_WHITE, COLOR_RED, A_REVERSE | A_BOLD, A_BOLD},
	[UI_HINT_KEY] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[UI_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD},
	[UI_HEADER] = {-1, -1, A_BOLD, A_BOLD},
	[UI_DIM] = {-1, -1, A_DIM, A_DIM},
};

attr_t
ui_attr(struct app *a, enum ui_color c)
{
	if (!a->color)
		return THEME[c].mono;
	if (THEME[c].fg == -1 && THEME[c].bg == -1)
		return THEME[c].extra;
	return COLOR_PAIR(c) | THEME[c].extra;
}

attr_t
status_attr(struct app *a, enum ntm_status s)
{
	static const enum ui_color by_status[] = {
		[NTM_STATUS_CHUA_CO_CHI_TIEU] = UI_STATUS_NONE,
		[NTM_STATUS_CHUA_DANH_GIA] = UI_STATUS_CHUA_DANH_GIA,
		[NTM_STATUS_DAT] = UI_STATUS_DAT,
		[NTM_STATUS_CHUA_DAT] = UI_STATUS_CHUA_DAT,
	};
	return ui_attr(a, by_status[s]);
}

const char *
glyph(struct app *a, const char *utf8, const char *ascii)
{
	return a->ascii ? ascii : utf8;
}

/* Both the normal and the application-mode sequences of the keys that
 * SSH clients send either way (PuTTY, xterm, the Linux console). */
static void
define_keys(void)
{
	static const struct { const char *seq; int key; } keys[] = {
		{"\033[A", KEY_UP}, {"\033OA", KEY_UP}, {"\033[B", KEY_DOWN},
		{"\033OB", KEY_DOWN}, {"\033[C", KEY_RIGHT}, {"\033OC", KEY_RIGHT},
		{"\033[D", KEY_LEFT}, {"\033OD", KEY_LEFT}, {"\033[H", KEY_HOME},
		{"\033OH", KEY_HOME}, {"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME},
		{"\033[F", KEY_END}, {"\033OF", KEY_END}, {"\033[4~", KEY_END},
		{"\033[8~", KEY_END}, {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE},
		{"\033[3~", KEY_DC}, {"\033OP", KEY_F(1)}, {"\033[11~", KEY_F(1)},
		{"\033[Z", KEY_BTAB}, {"\033[200~", KEY_PASTE_BEGIN},
		{"\033[201~", KEY_PASTE_END}, {"\033[1;3A", KEY_ALT_UP},
		{"\033[1;3B", KEY_ALT_DOWN}, {"\033\033[A", KEY_ALT_UP},
		{"\033\033[B", KEY_ALT_DOWN},
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		define_key(keys[i].seq, keys[i].key);
}

void
screen_read_paste(WINDOW *w, char *buf, size_t size)
{
	/* byte by byte: wget_wch would read on past an invalid byte, eating
	 * the end marker with it (see form.c); key codes are not text */
	size_t n = 0;
	int r;
	wtimeout(w, 200);
	while ((r = wgetch(w)) != ERR && r != KEY_PASTE_END)
		if (r >= 0 && r <= 0xff && n + 1 < size)
			buf[n++] = (char)r;
	if (size)
		buf[n] = '\0';
}

/* Terminal descriptions every base system has, tried in order when
 * $TERM names one this machine lacks (a new terminal over SSH, or the
 * static binary on a bare laptop). */
static const char *const FALLBACK_TERMS[] = {"xterm-256color", "xterm", "vt100"};

/* Whether the terminal just opened can move the cursor: a "dumb" one
 * (a serial console, an editor's shell buffer) cannot draw the screen. */
static bool
can_address(void)
{
	const char *cup = tigetstr("cup");
	return cup && cup != (const char *)-1;
}

/* Opens the terminal as $TERM, else as the first fallback the machine
 * knows: the name used, or NULL when none is known or $TERM's cannot move
 * the cursor (*dumb). initscr() would exit with ncurses' English message
 * instead, or draw on one line. */
static const char *
open_terminal(bool *dumb)
{
	const char *term = getenv("TERM");
	*dumb = false;
	if (term && *term) {
		SCREEN *scr = newterm(term, stdout, stdin);
		if (scr && can_address())
			return term;
		if (scr) {
			endwin();
			delscreen(scr);
			*dumb = true;
			return NULL;
		}
	}
	for (size_t i = 0; i < sizeof FALLBACK_TERMS / sizeof *FALLBACK_TERMS; i++)
		if (newterm(FALLBACK_TERMS[i], stdout, stdin))
			return FALLBACK_TERMS[i];
	return NULL;
}

const char *
screen_init(struct app *a, bool *dumb)
{
	const char *term = open_terminal(dumb);
	if (!term)
		return NULL;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	define_keys();
	fputs("\033[?2004h", stdout);      /* bracketed paste on */
	fflush(stdout);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
	mouseinterval(0);
	const char *no_color = getenv("NO_COLOR");
	a->color = has_colors() && !(no_color && *no_color);
	if (a->color) {
		start_color();
		use_default_colors();
		for (int c = 1; c < UI_COUNT; c++)
			init_pair((short)c, THEME[c].fg, THEME[c].bg);
	}
	screen_layout(a);
	return term;
}

static WINDOW *
remake(WINDOW *w, int h, int cols, int y)
{
	if (w)
		delwin(w);
	w = newwin(h > 0 ? h : 1, cols, y, 0);
	keypad(w, TRUE);
	leaveok(w, TRUE);          /* the cursor is hidden: never move it */
	return w;
}

void
screen_layout(struct app *a)
{
	getmaxyx(stdscr, a->rows, a->cols);
	a->too_small = a->rows < MIN_ROWS || a->cols < MIN_COLS;
	int detail = detail_lines(a->rows);
	int list_h = a->rows - 2 - (detail + 1) - 2;
	a->w_tabs = remake(a->w_tabs, 1, a->cols, 0);
	a->w_head = remake(a->w_head, 1, a->cols, 1);
	a->w_list = remake(a->w_list, list_h, a->cols, 2);
	a->w_detail = remake(a->w_detail, detail + 1, a->cols, 2 + (list_h > 0 ? list_h : 1));
	a->w_msg = remake(a->w_msg, 1, a->cols, a->rows - 2);
	a->w_hint = remake(a->w_hint, 1, a->cols, a->rows - 1);
	for (int i = 0; i < a->ntabs; i++)
		list_reset(&a->tabs[i].list, a->tabs[i].nrows, list_h > 0 ? list_h : 1);
	a->full_redraw = true;
}

/* ---- drawing helpers ------------------------------------------------------ */

void
draw_text(struct app *a, WINDOW *w, int y, int x, const char *s, int width,
	  attr_t attr, bool pad)
{
	if (width <= 0 || !s)
		return;
	char *safe = text_sanitize(s, strlen(s), a->ascii ? TEXT_SAN_ASCII : 0);
	char *fit = safe ? text_fit(safe, width, a->ascii, pad) : NULL;
	if (fit) {
		wattron(w, attr);
		mvwaddstr(w, y, x, fit);
		wattroff(w, attr);
	}
	free(fit);
	free(safe);
}

int
draw_gauge(struct app *a, WINDOW *w, int y, int x, struct ntm_gauge g,
	   int bar, bool percent)
{
	char buf[256], count[48];
	gauge_bar(g, bar, a->ascii, buf, sizeof buf);
	wattron(w, ui_attr(a, UI_GAUGE_FILL));
	mvwaddstr(w, y, x, buf);
	wattroff(w, ui_attr(a, UI_GAUGE_FILL));
	gauge_count(g, percent, count, sizeof count);
	mvwprintw(w, y, x + bar + 1, "%s", count);
	return bar + 1 + (int)strlen(count);
}

void
draw_mark(struct app *a, WINDOW *w, int y, int x)
{
	attr_t at = ui_attr(a, UI_ROW_SELECTED);
	mvwchgat(w, y, x, 1, at & ~A_COLOR, (short)PAIR_NUMBER(at), NULL);
}

void
draw_box(struct app *a, WINDOW *w)
{
	/* Unicode lines, not the terminal's alternate character set: PuTTY
	 * and others draw ACS as letters (lqqk) under UTF-8. */
	if (a->ascii)
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	else
		wborder_set(w, WACS_VLINE, WACS_VLINE, WACS_HLINE, WACS_HLINE,
			    WACS_ULCORNER, WACS_URCORNER, WACS_LLCORNER, WACS_LRCORNER);
}

int
draw_wrapped(struct app *a, WINDOW *w, int y, int x, const char *s, int width,
	     int max, attr_t attr)
{
	int lines = 0;
	size_t len = strlen(s), at = 0;
	while (at < len && lines < max) {
		/* the longest run of graphemes that fits, broken at a space */
		size_t end = at, space = 0;
		int used = 0;
		while (end < len && s[end] != '\n') {
			size_t next = text_next_grapheme(s, len, end);
			int cw = text_width_range(s, end, next);
			if (used + cw > width)
				break;
			used += cw;
			if (s[end] == ' ')
				space = end;
			end = next;
		}
		if (end < len && s[end] != '\n' && space > at)
			end = space;
		char *piece = strndup(s + at, end - at);
		bool last = lines == max - 1 && end < len;
		draw_text(a, w, y + lines, x, piece, width, attr, false);
		if (last)
			mvwaddstr(w, y + lines, x + width - 1, glyph(a, "…", "~"));
		free(piece);
		lines++;
		at = end;
		while (at < len && (s[at] == ' ' || s[at] == '\n'))
			at++;
	}
	return lines;
}

/* ---- the chrome ----------------------------------------------------------- */

/* The tab bar scrolls to keep the current tab visible, with ‹ › marks. */
static void
draw_tabs(struct app *a)
{
	WINDOW *w = a->w_tabs;
	werase(w);
	if (a->cur < a->tab_scroll)
		a->tab_scroll = a->cur;
	for (;;) {
		int x = a->tab_scroll > 0 ? 2 : 0, last = a->tab_scroll;
		for (int i = a->tab_scroll; i < a->ntabs; i++) {
			int wd = text_width(a->tabs[i].label) + 2;
			if (x + wd > a->cols - 2)
				break;
			x += wd + 1;
			last = i;
		}
		if (a->cur <= last || a->tab_scroll >= a->cur)
			break;
		a->tab_scroll++;
	}
	int x = 0;
	for (int i = 0; i < a->ntabs; i++)
		a->tab_w[i] = 0;
	if (a->tab_scroll > 0) {
		mvwaddstr(w, 0, 0, glyph(a, "‹", "<"));
		x = 2;
	}
	for (int i = a->tab_scroll; i < a->ntabs; i++) {
		int wd = text_width(a->tabs[i].label) + 2;
		if (x + wd > a->cols - 2) {
			mvwaddstr(w, 0, a->cols - 1, glyph(a, "›", ">"));
			break;
		}
		a->tab_x[i] = x;
		a->tab_w[i] = wd;
		attr_t at = ui_attr(a, i == a->cur ? UI_TAB_ACTIVE : UI_TAB);
		wattron(w, at);
		mvwaddstr(w, 0, x, " ");
		draw_text(a, w, 0, x + 1, a->tabs[i].label, wd - 2, at, false);
		waddstr(w, " ");
		wattroff(w, at);
		x += wd + 1;
	}
}

void
screen_draw_list(struct app *a, struct tab *t)
{
	int dirty[2];
	int n = a->full_redraw ? -1 : list_dirty(&t->list, dirty);
	if (n < 0) {
		werase(a->w_list);
		for (int y = 0; y < t->list.height; y++) {
			int row = list_row_at(&t->list, y);
			if (row >= 0)
				t->ops->draw_row(a, t, a->w_list, y, &t->rows[row],
						 row == t->list.sel);
		}
		if (t->nrows == 0)
			draw_text(a, a->w_list, 0, 2, TXT_NO_ROW, a->cols - 4,
				  ui_attr(a, UI_DIM), false);
	}
	for (int i = 0; i < n; i++) {
		int y = dirty[i] - t->list.top;
		wmove(a->w_list, y, 0);
		wclrtoeol(a->w_list);
		t->ops->draw_row(a, t, a->w_list, y, &t->rows[dirty[i]],
				 dirty[i] == t->list.sel);
	}
	list_drawn(&t->list);
}

static void
draw_detail(struct app *a, struct tab *t)
{
	WINDOW *w = a->w_detail;
	werase(w);
	wattron(w, ui_attr(a, UI_DIM));
	for (int x = 0; x < a->cols; x++)
		mvwaddstr(w, 0, x, glyph(a, "─", "-"));
	wattroff(w, ui_attr(a, UI_DIM));
	const struct row *r = app_selected(a);
	if (r && t->ops->draw_detail)
		t->ops->draw_detail(a, t, w, r);
}

static void
draw_bottom(struct app *a, unsigned ctx)
{
	werase(a->w_msg);
	if (app_view_only(a)) {
		wattron(a->w_msg, ui_attr(a, UI_BANNER));
		mvwaddstr(a->w_msg, 0, a->cols - (int)strlen(TXT_READ_ONLY) + 1,
			  a->ascii ? " CHI XEM " : TXT_READ_ONLY);
		wattroff(a->w_msg, ui_attr(a, UI_BANNER));
	}
	if (a->msg[0])
		draw_text(a, a->w_msg, 0, 0, a->msg, a->cols - (app_view_only(a) ? 11 : 1),
			  ui_attr(a, a->msg_error ? UI_ERROR : UI_NORMAL), false);
	char hint[1024];
	actions_hint(ctx, a->cols - 1, a->ascii, app_view_only(a), hint, sizeof hint);
	werase(a->w_hint);
	draw_text(a, a->w_hint, 0, 0, hint, a->cols - 1, ui_attr(a, UI_DIM), false);
}

static void
draw_too_small(struct app *a)
{
	char buf[256];
	snprintf(buf, sizeof buf, TXT_TOO_SMALL, MIN_COLS, MIN_ROWS, a->cols, a->rows);
	erase();
	draw_wrapped(a, stdscr, 0, 0, buf, a->cols > 1 ? a->cols - 1 : 1,
		     a->rows, A_BOLD);
	wnoutrefresh(stdscr);
}

static unsigned
context_of(const struct row *r)
{
	if (!r)
		return CTX_LIST;
	switch (r->kind) {
	case ROW_INDICATOR: return CTX_LIST | CTX_INDICATOR;
	case ROW_TASK: return CTX_LIST | CTX_TASK;
	case ROW_VILLAGE: return CTX_LIST | CTX_VILLAGE;
	default:
		return CTX_LIST | CTX_OVERVIEW;
	}
}

/* A commune's tab in a district file: which commune, and the key back,
 * at the right of the header (the tab's own header fits in the rest). */
static void
draw_head(struct app *a, struct tab *t)
{
	char buf[512], xa[256];
	werase(a->w_head);
	if (!a->district || a->cur == 0 || !a->rep.unit) {
		t->ops->draw_header(a, t, a->w_head);
		return;
	}
	model_commune_phrase(a->rep.unit, xa, sizeof xa);
	snprintf(buf, sizeof buf, TXT_COMMUNE_OPEN, xa, a->tabs[0].label);
	char *shown = a->ascii ? text_ascii(buf) : strdup(buf);
	int w = shown ? text_width(shown) : 0, cols = a->cols;
	free(shown);
	if (w > cols / 2)
		w = cols / 2;
	a->cols = cols - w - 1;        /* the tab's header: the rest */
	t->ops->draw_header(a, t, a->w_head);
	a->cols = cols;
	draw_text(a, a->w_head, 0, cols - w - 1, buf, w, ui_attr(a, UI_DIM), false);
}

void
screen_draw(struct app *a)
{
	if (a->too_small) {
		draw_too_small(a);
		doupdate();
		return;
	}
	if (a->full_redraw) {
		erase();
		wnoutrefresh(stdscr);
	}
	struct tab *t = app_tab(a);
	draw_tabs(a);
	draw_head(a, t);
	if (t->ops->draw_body)
		t->ops->draw_body(a, t, a->w_list);
	else
		screen_draw_list(a, t);
	draw_detail(a, t);
	draw_bottom(a, screen_context(a));
	WINDOW *all[] = {a->w_tabs, a->w_head, a->w_list, a->w_detail, a->w_msg, a->w_hint};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		wnoutrefresh(all[i]);
	doupdate();
	a->full_redraw = false;
}

unsigned
screen_context(struct app *a)
{
	struct tab *t = app_tab(a);
	unsigned ctx = t->ops->context ? t->ops->context(a, t)
		: context_of(app_selected(a));
	if (a->district && a->cur > 0)   /* a commune opened from tab Huyện */
		ctx |= CTX_COMMUNE | (t->ops == &TAB_OVERVIEW ? CTX_COMMUNE_HOME : 0);
	return ctx;
}
