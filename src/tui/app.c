/* The full-screen program: start-up, the input loop, dispatch of actions,
 * reloading when the file changes, undo and redo. */
#include "app.h"
#include "form.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

/* User-visible texts of this file. */
#define TXT_OVERVIEW     "Tổng quan"
#define TXT_VILLAGES     "Thôn"
#define TXT_ASCII_HINT   "Chữ đang hiện không dấu: chạy LANG=C.UTF-8 ntm (hoặc ntm --utf8) để có dấu."
#define TXT_READ_ONLY    "Đang ở chế độ chỉ xem (%s): không sửa được."
#define TXT_NOTHING_UNDO "Không còn thao tác nào để hoàn tác trong phiên này."
#define TXT_NOTHING_REDO "Không có thao tác nào để làm lại."
#define TXT_UNDONE       "Đã hoàn tác. Ctrl-R để làm lại."
#define TXT_REDONE       "Đã làm lại."
#define TXT_UNDO_DROPPED "Bỏ khỏi danh sách hoàn tác — %s"
#define TXT_REDO_DROPPED "Bỏ khỏi danh sách làm lại — %s"
#define TXT_RELOADED     "Dữ liệu vừa được người khác thay đổi — đã cập nhật."
#define TXT_NO_ACTION    "Phím này không dùng ở đây. Nhấn ? để xem các phím."
#define TXT_SEARCH       "Tìm: "
#define TXT_NOT_FOUND    "Không thấy “%s” trong thẻ này."
#define TXT_LOAD_FAILED  "Không đọc được dữ liệu: %s"

enum { POLL_MS = 1000 };

static volatile sig_atomic_t hangup;

static void
on_hangup(int sig)
{
	(void)sig;
	hangup = 1;
}

bool
tui_hangup(void)
{
	return hangup;
}

void
app_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_error = error;
}

struct tab *
app_tab(struct app *a)
{
	return &a->tabs[a->cur];
}

const struct row *
app_selected(struct app *a)
{
	struct tab *t = app_tab(a);
	return t->list.sel >= 0 && t->list.sel < t->nrows ? &t->rows[t->list.sel] : NULL;
}

void
tab_add_row(struct tab *t, struct row r)
{
	if (t->nrows == t->cap) {
		int cap = t->cap ? t->cap * 2 : 64;
		struct row *p = realloc(t->rows, sizeof *p * (size_t)cap);
		if (!p)
			return;
		t->rows = p;
		t->cap = cap;
	}
	t->rows[t->nrows++] = r;
}

static bool
row_selectable(const void *data, int row)
{
	const struct tab *t = data;
	enum row_kind k = t->rows[row].kind;
	return k != ROW_HEADER && k != ROW_CRITERION;
}

int
app_tab_of_sector(struct app *a, const char *code)
{
	for (int i = 0; i < a->ntabs; i++)
		if (a->tabs[i].sector >= 0 &&
		    strcmp(a->rep.sectors[a->tabs[i].sector].code, code) == 0)
			return i;
	return -1;
}

static void
make_tabs(struct app *a)
{
	a->ntabs = 0;
	a->tabs[a->ntabs++] = (struct tab){.ops = &TAB_OVERVIEW, .label = TXT_OVERVIEW,
					   .sector = -1};
	for (int i = 0; i < a->rep.nsectors && a->ntabs < MAX_TABS - 1; i++)
		a->tabs[a->ntabs++] = (struct tab){.ops = &TAB_SECTOR, .sector = i};
	a->tabs[a->ntabs++] = (struct tab){.ops = &TAB_VILLAGES, .label = TXT_VILLAGES,
					   .sector = -1};
	for (int i = 0; i < a->ntabs; i++) {
		a->tabs[i].list.sel = 0;
		a->tabs[i].list.selectable = row_selectable;
		a->tabs[i].list.data = &a->tabs[i];
	}
}

/* Rebuilds a tab's rows, selecting the row that had the same key. */
static void
rebuild(struct app *a, struct tab *t)
{
	if (t->sector >= 0)
		t->label = a->rep.sectors[t->sector].short_name;
	t->nrows = 0;
	t->ops->build(a, t);
	int sel = t->list.sel;
	for (int i = 0; t->sel_key[0] && i < t->nrows; i++)
		if (strcmp(t->ops->row_key(a, &t->rows[i]), t->sel_key) == 0)
			sel = i;
	t->list.sel = sel;
	list_reset(&t->list, t->nrows, t->list.height);
}

static void
remember_selection(struct app *a)
{
	for (int i = 0; i < a->ntabs; i++) {
		struct tab *t = &a->tabs[i];
		if (t->list.sel >= 0 && t->list.sel < t->nrows)
			snprintf(t->sel_key, sizeof t->sel_key, "%s",
				 t->ops->row_key(a, &t->rows[t->list.sel]));
	}
}

void
app_reload(struct app *a)
{
	struct ntm_error e = {0};
	remember_selection(a);
	/* the rows point into the report: rebuild them from the new one */
	struct store_report fresh;
	struct arena ar = {0};
	struct store_task *tasks = NULL;
	int ntasks = 0;
	/* a commune without a plan has no tasks: not an error */
	if (store_report_load(a->st, &fresh, &e) != NTM_OK ||
	    (fresh.plan_number &&
	     store_tasks(a->st, NULL, &ar, &tasks, &ntasks, &e) != NTM_OK)) {
		app_message(a, true, TXT_LOAD_FAILED, e.msg);
		arena_free(&ar);
		if (a->ntabs == 0)      /* the first load: still a screen */
			make_tabs(a);
		return;
	}
	store_report_free(&a->rep);
	arena_free(&a->arena);
	a->rep = fresh;
	a->arena = ar;
	a->tasks = tasks;
	a->ntasks = ntasks;
	store_today(a->today);
	if (a->ntabs == 0)
		make_tabs(a);
	for (int i = 0; i < a->ntabs; i++)
		rebuild(a, &a->tabs[i]);
	if (a->select_after[0] && a->ntabs) {
		struct tab *t = app_tab(a);
		for (int i = 0; i < t->nrows; i++)
			if (strcmp(t->ops->row_key(a, &t->rows[i]), a->select_after) == 0)
				list_select(&t->list, i);
		a->select_after[0] = '\0';
	}
	a->data_version = store_data_version(a->st);
	a->full_redraw = true;
}

bool
app_refuse_read_only(struct app *a)
{
	if (!a->read_only)
		return false;
	app_message(a, true, TXT_READ_ONLY, store_read_only_reason(a->st));
	return true;
}

void
app_edited(struct app *a)
{
	/* An edit that changed nothing wrote no action: push only a new one. */
	const char *id = store_my_last_action(a->st);
	bool fresh = *id && (a->nundo == 0 || strcmp(a->undo[a->nundo - 1], id) != 0);
	if (fresh) {
		if (a->nundo == UNDO_MAX) {
			memmove(a->undo[0], a->undo[1], sizeof a->undo[0] * (UNDO_MAX - 1));
			a->nundo--;
		}
		memcpy(a->undo[a->nundo++], id, STORE_ID_LEN);
		a->nredo = 0;
	}
	app_reload(a);
}

static void
undo_redo(struct app *a, bool redo)
{
	char (*from)[STORE_ID_LEN] = redo ? a->redo : a->undo;
	char (*to)[STORE_ID_LEN] = redo ? a->undo : a->redo;
	int *nfrom = redo ? &a->nredo : &a->nundo, *nto = redo ? &a->nundo : &a->nredo;
	if (app_refuse_read_only(a))
		return;
	if (*nfrom == 0) {
		app_message(a, false, "%s", redo ? TXT_NOTHING_REDO : TXT_NOTHING_UNDO);
		return;
	}
	char new_id[STORE_ID_LEN];
	struct ntm_error e = {0};
	if (store_undo(a->st, from[*nfrom - 1], new_id, &e) != NTM_OK) {
		/* Refused (a colleague changed its rows since, or it is not in
		 * the log): it would be refused again, and would hide every
		 * earlier entry. It leaves the stack; nothing was written. */
		(*nfrom)--;
		app_message(a, true, redo ? TXT_REDO_DROPPED : TXT_UNDO_DROPPED, e.msg);
		app_reload(a);
		return;
	}
	(*nfrom)--;
	if (*nto < UNDO_MAX)
		memcpy(to[(*nto)++], new_id, STORE_ID_LEN);
	app_message(a, false, "%s", redo ? TXT_REDONE : TXT_UNDONE);
	app_reload(a);
}

void
app_goto(struct app *a, int tab, const char *row_key)
{
	if (tab < 0 || tab >= a->ntabs)
		return;
	a->cur = tab;
	struct tab *t = app_tab(a);
	if (t->ops == &TAB_VILLAGES && row_key)
		villages_focus_items(a, t);
	for (int i = 0; row_key && i < t->nrows; i++)
		if (strcmp(t->ops->row_key(a, &t->rows[i]), row_key) == 0)
			list_select(&t->list, i);
	a->full_redraw = true;
}

/* ---- searching the current tab ------------------------------------------ */

static void
find(struct app *a, int dir)
{
	struct tab *t = app_tab(a);
	char *q = text_fold(a->search);
	if (!q || !*q || t->nrows == 0) {
		free(q);
		return;
	}
	int start = t->list.sel < 0 ? 0 : t->list.sel;
	for (int k = 1; k <= t->nrows; k++) {
		int row = ((start + dir * k) % t->nrows + t->nrows) % t->nrows;
		if (!row_selectable(t, row))
			continue;
		char *f = text_fold(t->ops->row_text(a, &t->rows[row]));
		bool hit = f && strstr(f, q);
		free(f);
		if (hit) {
			list_select(&t->list, row);
			free(q);
			a->msg[0] = '\0';
			return;
		}
	}
	app_message(a, true, TXT_NOT_FOUND, a->search);
	free(q);
}

/* ---- dispatch ------------------------------------------------------------- */

static void
switch_tab(struct app *a, int delta)
{
	a->cur = (a->cur + delta + a->ntabs) % a->ntabs;
	a->full_redraw = true;
}

static void
global_action(struct app *a, enum tui_action act)
{
	struct list *l = &app_tab(a)->list;
	switch (act) {
	case ACT_QUIT: a->quit = true; break;
	case ACT_HELP: help_show(a); break;
	case ACT_NEXT_TAB: switch_tab(a, 1); break;
	case ACT_PREV_TAB: switch_tab(a, -1); break;
	case ACT_UP: list_move(l, -1); break;
	case ACT_DOWN: list_move(l, 1); break;
	case ACT_PAGE_UP: list_page(l, -1); break;
	case ACT_PAGE_DOWN: list_page(l, 1); break;
	case ACT_HOME: list_home(l); break;
	case ACT_END: list_end(l); break;
	case ACT_GOTO: palette_show(a); break;
	case ACT_UNDO: undo_redo(a, false); break;
	case ACT_REDO: undo_redo(a, true); break;
	case ACT_REPAINT:
		clearok(curscr, TRUE);
		a->full_redraw = true;
		break;
	case ACT_SEARCH:
		a->search[0] = '\0';   /* a new search; n / N repeat the last */
		if (prompt_line(a, TXT_SEARCH, a->search, sizeof a->search))
			find(a, 1);
		break;
	case ACT_NEXT_MATCH: find(a, 1); break;
	case ACT_PREV_MATCH: find(a, -1); break;
	default:
		app_message(a, false, "%s", TXT_NO_ACTION);
	}
}

static void
dispatch(struct app *a, int key)
{
	enum tui_action act = actions_for_key(key, app_context(a));
	if (act == ACT_NONE) {
		app_message(a, false, "%s", TXT_NO_ACTION);
		return;
	}
	a->msg[0] = '\0';
	const struct tui_action_def *d = actions_def(act);
	if (d->edits && app_refuse_read_only(a))
		return;
	struct tab *t = app_tab(a);
	if (!t->ops->on_action(a, t, act, app_selected(a)))
		global_action(a, act);
}

static void
mouse(struct app *a)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.y == 0) {
		for (int i = 0; i < a->ntabs; i++)
			if (a->tab_w[i] && ev.x >= a->tab_x[i] && ev.x < a->tab_x[i] + a->tab_w[i])
				app_goto(a, i, NULL);
		return;
	}
	int by, bx;
	getbegyx(a->w_list, by, bx);
	(void)bx;
	int row = list_row_at(&app_tab(a)->list, ev.y - by);
	if (row >= 0)
		list_select(&app_tab(a)->list, row);
}

/* Reloads when another process changed the file (checked while idle). */
static void
poll_changes(struct app *a)
{
	if (store_data_version(a->st) != a->data_version) {
		app_reload(a);
		app_message(a, false, "%s", TXT_RELOADED);
	}
}

/* Text pasted outside a field is dropped, not run as commands. */
static void
swallow_paste(struct app *a)
{
	wint_t ch;
	int r;
	wtimeout(a->w_msg, 200);
	while ((r = wget_wch(a->w_msg, &ch)) != ERR)
		if (r == KEY_CODE_YES && ch == KEY_PASTE_END)
			break;
}

static void
loop(struct app *a)
{
	while (!a->quit && !hangup) {
		screen_draw(a);
		wint_t ch;
		wtimeout(a->w_msg, POLL_MS);
		int r = wget_wch(a->w_msg, &ch);
		if (r == ERR) {
			poll_changes(a);
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			screen_layout(a);
			continue;
		}
		if (a->too_small)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_PASTE_BEGIN)
			swallow_paste(a);
		else if (r == KEY_CODE_YES && ch == KEY_MOUSE)
			mouse(a);
		else
			dispatch(a, (int)ch);
	}
}

/* Non-UTF-8 locale: ncursesw still works in C.UTF-8 internally, and the
 * text is drawn without marks unless the user says the terminal is UTF-8. */
static bool
setup_locale(const struct tui_options *o)
{
	setlocale(LC_ALL, "");
	bool utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if (!utf8)
		setlocale(LC_CTYPE, "C.UTF-8");
	setlocale(LC_NUMERIC, "C");
	return !utf8 && !o->utf8;
}

int
tui_run(struct store *st, const struct tui_options *o, struct ntm_error *e)
{
	struct app *a = calloc(1, sizeof *a);
	if (!a)
		return ntm_fail(e, NTM_FAIL, "%s", "không đủ bộ nhớ");
	a->st = st;
	a->opt = *o;
	a->ascii = setup_locale(o);
	a->read_only = store_read_only(st);
	signal(SIGHUP, on_hangup);
	screen_init(a);
	app_reload(a);
	screen_layout(a);          /* the new tabs' lists get their height */
	if (a->ascii)
		app_message(a, false, "%s", TXT_ASCII_HINT);
	else if (a->read_only)
		app_message(a, false, TXT_READ_ONLY, store_read_only_reason(st));
	draft_offer(a);
	loop(a);
	endwin();
	fputs("\033[?2004l", stdout);      /* bracketed paste off */
	fflush(stdout);
	for (int i = 0; i < a->ntabs; i++) {
		free(a->tabs[i].rows);
		villages_free(&a->tabs[i]);
	}
	store_report_free(&a->rep);
	arena_free(&a->arena);
	free(a);
	return NTM_OK;
}
