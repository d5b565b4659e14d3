/* The full-screen program: start-up, the input loop, dispatch of actions,
 * reloading when the file changes, undo and redo. */
#include "app.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "conflicts.h"
#include "dialogs.h"
#include "draft.h"
#include "form.h"
#include "forms.h"
#include "forms_fund.h"
#include "forms_report.h"
#include "plans.h"
#include "ntm/text.h"
#include "screen.h"
#include "view.h"
#include "wait.h"

/* User-visible texts of this file. */
#define TXT_NO_TERMINFO  "máy này không có mô tả cho terminal “%s” (biến TERM), cũng không có xterm hay vt100; hãy chạy lại với TERM=xterm hoặc TERM=vt100"
#define TXT_DUMB_TERM    "terminal “%s” (biến TERM) không di chuyển được con trỏ nên không mở được màn hình đầy đủ; hãy dùng các lệnh (ntm status, ntm help) hoặc chạy với TERM=xterm-256color"
#define TXT_NO_TERM      "Chưa đặt biến TERM: đang dùng %s."
#define TXT_OTHER_TERM   "Không có mô tả terminal “%s” (TERM): đang dùng %s."
#define TXT_NO_LOCALE    "Chữ hiện không dấu vì máy thiếu locale UTF-8 (/usr/lib/locale/C.utf8)."
#define TXT_ASCII_HINT   "Chữ đang hiện không dấu: chạy LANG=C.UTF-8 ntm (hoặc ntm --utf8) để có dấu."
#define TXT_READ_ONLY    "Đang ở chế độ chỉ xem (%s): không sửa được."
#define TXT_ABOVE        "Tệp của cấp trên: chỉ xem; dữ liệu do xã gửi lên."
#define TXT_NOTHING_UNDO "Không còn thao tác nào để hoàn tác trong phiên này."
#define TXT_NOTHING_REDO "Không có thao tác nào để làm lại."
#define TXT_UNDONE       "Đã hoàn tác. Ctrl-R để làm lại."
#define TXT_REDONE       "Đã làm lại."
/* "Đã hoàn tác: thêm mục “Sân chơi” ở thôn Cự Đình. Ctrl-R để làm lại." */
#define TXT_UNDONE_WHAT  "Đã %s. Ctrl-R để làm lại."
#define TXT_REDONE_WHAT  "Đã %s."
#define TXT_UNDO_DROPPED "Bỏ khỏi danh sách hoàn tác — %s"
#define TXT_REDO_DROPPED "Bỏ khỏi danh sách làm lại — %s"
#define TXT_RELOADED     "Dữ liệu vừa được người khác thay đổi — đã cập nhật."
#define TXT_NO_ACTION    "Phím này không dùng ở đây. Nhấn ? để xem các phím."
#define TXT_SEARCH       "Tìm: "
#define TXT_NOT_FOUND    "Không thấy “%s” trong thẻ này."
#define TXT_LOAD_FAILED  "Không đọc được dữ liệu: %s"
#define TXT_REPLACED     "Tệp %s đã bị thay bằng tệp khác: không ghi gì nữa; thoát (q) rồi mở lại."
#define TXT_THE_FILE     "dữ liệu"
#define TXT_NO_HOME      "Không có thư mục nhà (HOME): bản nháp sẽ không được lưu nếu mất kết nối."

enum { POLL_MS = 1000, ERR_STORM = 200 };

/* SIGHUP, SIGTERM, or the terminal found gone: every loop ends (a form
 * open keeps what was typed as a draft). */
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

static long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* The terminal went away without a signal (ntm in a session of its own:
 * no SIGHUP): stdin hung up or in error, or reads fail at once again and
 * again (EOF, EIO) instead of waiting for a key. */
static bool
terminal_gone(int err_ms, int timeout_ms)
{
	static int storm;
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	int saved = errno;
	if (poll(&p, 1, 0) < 0 && errno != EINTR)
		return true;
	errno = saved;
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return true;
	storm = timeout_ms > 0 && err_ms < timeout_ms / 2 ? storm + 1 : 0;
	return storm >= ERR_STORM;
}

int
tui_read_key(WINDOW *w, int timeout_ms, wint_t *ch)
{
	if (hangup)
		return ERR;
	wtimeout(w, timeout_ms);
	long t0 = now_ms();
	int r = wget_wch(w, ch);
	if (r == ERR && terminal_gone((int)(now_ms() - t0), timeout_ms))
		hangup = 1;
	return r;
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
	return tab_selected(app_tab(a));
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

int
app_tab_of_indicator(struct app *a, const char *id)
{
	for (int i = 0; i < a->rep.nind; i++)
		if (strcmp(a->rep.ind[i].id, id) == 0)
			for (int c = 0; c < a->rep.ncrit; c++)
				if (a->rep.crit[c].number == a->rep.ind[i].criterion)
					return app_tab_of_sector(a, a->rep.crit[c].sector_code);
	return -1;
}

static void
add_tab(struct app *a, const struct tab_ops *ops, int sector)
{
	struct tab *t = &a->tabs[a->ntabs++];
	*t = (struct tab){.ops = ops, .label = ops->label, .sector = sector};
	t->priv = ops->private_size ? calloc(1, ops->private_size) : NULL;
	t->list.sel = 0;
	t->list.selectable = row_selectable;
	t->list.data = t;
}

/* The tabs not made yet: tab Huyện first in a district file, then the
 * commune's (none until one is opened there). */
void
app_make_tabs(struct app *a)
{
	if (a->district && a->ntabs == 0)
		add_tab(a, &TAB_DISTRICT, -1);
	if (a->ntabs > (a->district ? 1 : 0) || (a->district && !a->commune_open))
		return;
	add_tab(a, &TAB_OVERVIEW, -1);
	for (int i = 0; i < a->rep.nsectors && a->ntabs < MAX_TABS - 2; i++)
		add_tab(a, &TAB_SECTOR, i);
	add_tab(a, &TAB_FUND, -1);
	add_tab(a, &TAB_VILLAGES, -1);
}

static void remember_selection(struct app *a);

/* Frees the tabs from the first'th on. */
static void
free_tabs_from(struct app *a, int first)
{
	for (int i = first; i < a->ntabs; i++) {
		struct tab *t = &a->tabs[i];
		t->ops->close(a, t);
		free(t->rows);
		free(t->priv);
	}
	a->ntabs = first < a->ntabs ? first : a->ntabs;
}

void
app_free_tabs(struct app *a)
{
	free_tabs_from(a, 0);
}

bool
app_open_commune(struct app *a, const char *id)
{
	struct ntm_error e = {0};
	if (store_use_commune_id(a->st, id, &e) != NTM_OK) {
		app_message(a, true, "%s", e.msg);
		return false;
	}
	remember_selection(a);      /* tab Huyện's, kept */
	free_tabs_from(a, 1);
	a->commune_open = true;
	a->plan_id[0] = '\0';       /* another commune's plan: nothing gone */
	a->nundo = a->nredo = 0;    /* the session's undo was another commune's */
	app_reload(a);
	screen_layout(a);           /* the new tabs' lists get their height */
	app_goto(a, 1, NULL);
	return true;
}

/* Loads a tab again, selecting the row that had the same key. */
static void
reload_tab(struct app *a, struct tab *t)
{
	if (t->sector >= 0)
		t->label = a->rep.sectors[t->sector].short_name;
	t->ops->close(a, t);
	t->nrows = 0;
	t->seen_key[0] = '\0';          /* select comes again */
	t->ops->load(a, t);
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
	if (a->district && !a->commune_open) {
		a->data_version = store_data_version(a->st);
		app_load_tabs(a);     /* tab Huyện reads the communes itself */
		return;
	}
	plans_check(a);
	/* a commune without a plan has no tasks: not an error */
	if (store_report_load(a->st, &fresh, &e) != NTM_OK ||
	    (fresh.plan_number &&
	     store_tasks(a->st, NULL, &ar, &tasks, &ntasks, &e) != NTM_OK)) {
		app_message(a, true, TXT_LOAD_FAILED, e.msg);
		arena_free(&ar);
		app_make_tabs(a);       /* the first load: still a screen */
		return;
	}
	store_report_free(&a->rep);
	arena_free(&a->arena);
	a->rep = fresh;
	a->arena = ar;
	a->tasks = tasks;
	a->ntasks = ntasks;
	store_today(a->today);
	a->data_version = store_data_version(a->st);
	app_load_tabs(a);
}

void
app_load_tabs(struct app *a)
{
	app_make_tabs(a);
	for (int i = 0; i < a->ntabs; i++)
		reload_tab(a, &a->tabs[i]);
	if (a->select_after[0]) {
		struct tab *t = app_tab(a);
		for (int i = 0; i < t->nrows; i++)
			if (strcmp(t->ops->row_key(a, &t->rows[i]), a->select_after) == 0)
				list_select(&t->list, i);
		a->select_after[0] = '\0';
	}
	a->full_redraw = true;
	app_sync_selection(a);
}

void
app_sync_selection(struct app *a)
{
	if (a->ntabs == 0)
		return;
	struct tab *t = app_tab(a);
	const struct row *r = tab_selected(t);
	const char *key = r ? t->ops->row_key(a, r) : "";
	if (t->seen_key[0] && strcmp(key, t->seen_key) == 0)
		return;
	snprintf(t->seen_key, sizeof t->seen_key, "%s", *key ? key : "-");
	if (t->ops->select)
		t->ops->select(a, t);
}

static void
replaced_message(struct app *a)
{
	const char *path = a->opt.db_path ? a->opt.db_path : "";
	const char *base = strrchr(path, '/');
	app_message(a, true, TXT_REPLACED, base ? base + 1 : path);
	if (text_width(a->msg) > a->cols)   /* a long name: the advice whole */
		app_message(a, true, TXT_REPLACED, TXT_THE_FILE);
}

void
app_check_file(struct app *a)
{
	if (!a->replaced && store_file_replaced(a->st)) {
		a->replaced = true;
		replaced_message(a);
	}
}

bool
app_refuse_write(struct app *a)
{
	if (a->replaced) {
		replaced_message(a);
		return true;
	}
	if (!a->read_only)
		return false;
	app_message(a, true, TXT_READ_ONLY, store_read_only_reason(a->st));
	return true;
}

bool
app_refuse_read_only(struct app *a)
{
	if (app_refuse_write(a))
		return true;
	if (a->above)
		app_message(a, true, "%s", TXT_ABOVE);
	return a->above;
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
			memmove(a->undo_fund, a->undo_fund + 1,
				sizeof a->undo_fund[0] * (UNDO_MAX - 1));
			a->nundo--;
		}
		a->undo_fund[a->nundo] = a->tabs[a->cur].ops == &TAB_FUND;
		memcpy(a->undo[a->nundo++], id, STORE_ID_LEN);
		a->nredo = 0;
	}
	app_reload(a);
}

/* Says what an undo or redo (action id) undid, and goes there: to tab
 * Vốn for a money action (fund), whose rows are shown there. */
static void
undone_message(struct app *a, const char *id, bool redo, bool fund)
{
	struct arena ar = {0};
	const char *what = NULL;
	struct store_place place;
	if (store_action_describe(a->st, id, &ar, &what, NULL) == NTM_OK && what)
		app_message(a, false, redo ? TXT_REDONE_WHAT : TXT_UNDONE_WHAT, what);
	else
		app_message(a, false, "%s", redo ? TXT_REDONE : TXT_UNDONE);
	arena_free(&ar);
	if (fund && fund_tab(a) >= 0) {
		if (a->cur != fund_tab(a))
			app_goto(a, fund_tab(a), NULL);
	} else if (store_action_place(a->st, id, &place, NULL) == NTM_OK) {
		tabs_goto_place(a, &place);
	}
}

void
app_undo(struct app *a, bool redo)
{
	char (*from)[STORE_ID_LEN] = redo ? a->redo : a->undo;
	char (*to)[STORE_ID_LEN] = redo ? a->undo : a->redo;
	int *nfrom = redo ? &a->nredo : &a->nundo, *nto = redo ? &a->nundo : &a->nredo;
	bool *from_fund = redo ? a->redo_fund : a->undo_fund;
	bool *to_fund = redo ? a->undo_fund : a->redo_fund;
	if (app_refuse_write(a))
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
	bool fund = from_fund[*nfrom];
	if (*nto < UNDO_MAX) {
		to_fund[*nto] = fund;
		memcpy(to[(*nto)++], new_id, STORE_ID_LEN);
	}
	app_reload(a);
	undone_message(a, new_id, redo, fund);
}

void
app_goto(struct app *a, int tab, const char *row_key)
{
	if (tab < 0 || tab >= a->ntabs)
		return;
	a->cur = tab;
	struct tab *t = app_tab(a);
	if (t->ops->focus && row_key)
		t->ops->focus(a, t);
	for (int i = 0; row_key && i < t->nrows; i++)
		if (strcmp(t->ops->row_key(a, &t->rows[i]), row_key) == 0)
			list_select(&t->list, i);
	a->full_redraw = true;
	app_sync_selection(a);
}

/* ---- searching the current tab ------------------------------------------ */

static void
find(struct app *a, int dir)
{
	struct tab *t = app_tab(a);
	char *q = text_fold(a->search);
	int inner = q && *q && t->ops->find ? t->ops->find(a, t, q, dir) : -1;
	if (inner >= 0) {
		if (inner)
			a->msg[0] = '\0';
		else
			app_message(a, true, TXT_NOT_FOUND, a->search);
		free(q);
		return;
	}
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
	if (list_act(&app_tab(a)->list, act))
		return;
	switch (act) {
	case ACT_QUIT: a->quit = true; break;
	case ACT_HELP: help_show(a); break;
	case ACT_NEXT_TAB: switch_tab(a, 1); break;
	case ACT_PREV_TAB: switch_tab(a, -1); break;
	case ACT_GOTO: palette_show(a); break;
	case ACT_PLAN: palette_plans(a); break;
	case ACT_PLAN_NEW: form_plan(a, NULL); break;
	case ACT_REPORT: form_report(a, NULL); break;
	case ACT_CONFLICTS: conflicts_show(a); break;
	case ACT_UNDO: app_undo(a, false); break;
	case ACT_REDO: app_undo(a, true); break;
	case ACT_REPAINT:
		clearok(curscr, TRUE);
		a->full_redraw = true;
		break;
	case ACT_SEARCH:
		a->search[0] = '\0';   /* a new search; n / N repeat the last */
		if (prompt_line(a, TXT_SEARCH, a->search, sizeof a->search))
			find(a, 1);
		break;
	case ACT_VIEW: view_show(a); break;
	case ACT_D_BACK: case ACT_D_HOME: app_goto(a, 0, NULL); break;
	case ACT_NEXT_MATCH: find(a, 1); break;
	case ACT_PREV_MATCH: find(a, -1); break;
	default:
		app_message(a, false, "%s", TXT_NO_ACTION);
	}
}

static void
dispatch(struct app *a, int key)
{
	if (key == 0x7f || key == 0x08)   /* Backspace, as terminals send it */
		key = KEY_BACKSPACE;
	enum tui_action act = actions_for_key(key, screen_context(a));
	if (act == ACT_NONE) {
		app_message(a, false, "%s", TXT_NO_ACTION);
		return;
	}
	a->msg[0] = '\0';
	const struct tui_action_def *d = actions_def(act);
	bool undo = act == ACT_UNDO || act == ACT_REDO;  /* app_undo decides */
	if (d->edits && !undo && app_refuse_read_only(a))
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
	app_check_file(a);
	if (a->replaced)
		return;
	if (store_data_version(a->st) != a->data_version) {
		app_reload(a);
		if (!a->plan_gone)     /* that said it better */
			app_message(a, false, "%s", TXT_RELOADED);
	}
}

static void
loop(struct app *a)
{
	while (!a->quit && !hangup) {
		app_sync_selection(a);
		if (a->replaced && !a->msg[0])
			replaced_message(a);    /* it stays */
		screen_draw(a);
		wint_t ch;
		int r = tui_read_key(a->w_msg, POLL_MS, &ch);
		if (hangup)
			break;
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
		if (r == KEY_CODE_YES && ch == KEY_PASTE_BEGIN) {
			char drop[256];               /* not run as commands */
			screen_read_paste(a->w_msg, drop, sizeof drop);
		}
		else if (r == KEY_CODE_YES && ch == KEY_MOUSE)
			mouse(a);
		else
			dispatch(a, (int)ch);
	}
}

static bool
codeset_utf8(void)
{
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

/* Non-UTF-8 locale: ncursesw still works in C.UTF-8 internally, and the
 * text is drawn without marks unless the user says the terminal is UTF-8.
 * A machine with no UTF-8 locale at all (the static binary in a bare
 * system without /usr/lib/locale/C.utf8) draws without marks, --utf8 or
 * not, since ncursesw could not draw them; *no_locale says so. */
static bool
setup_locale(const struct tui_options *o, bool *no_locale)
{
	setlocale(LC_ALL, "");
	bool utf8 = codeset_utf8();
	if (!utf8)
		setlocale(LC_CTYPE, "C.UTF-8");
	*no_locale = !codeset_utf8();
	setlocale(LC_NUMERIC, "C");
	return *no_locale || (!utf8 && !o->utf8);
}

int
tui_run(struct store *st, const struct tui_options *o, struct ntm_error *e)
{
	struct app *a = calloc(1, sizeof *a);
	/* once the screen is open, every error is said on it */
	if (!a)
		return ntm_fail(e, NTM_FAIL, "%s", "không đủ bộ nhớ");
	a->st = st;
	a->opt = *o;
	bool no_locale = false;
	a->ascii = setup_locale(o, &no_locale);
	a->read_only = store_read_only(st);
	a->above = store_is_above(st);
	signal(SIGHUP, on_hangup);
	signal(SIGTERM, on_hangup);
	bool dumb = false;
	const char *term = screen_init(a, &dumb), *asked = getenv("TERM");
	if (!term) {
		free(a);
		return ntm_fail(e, NTM_FAIL, dumb ? TXT_DUMB_TERM : TXT_NO_TERMINFO,
				asked ? asked : "");
	}
	/* the level above: tab Huyện first, a commune named (--unit) open */
	a->district = o->pick_commune || store_is_district(st);
	a->commune_open = !o->pick_commune;
	app_reload(a);
	if (a->district && a->commune_open)
		app_goto(a, 1, NULL);
	screen_layout(a);          /* the new tabs' lists get their height */
	if (!asked || !*asked)
		app_message(a, false, TXT_NO_TERM, term);
	else if (strcmp(term, asked) != 0)
		app_message(a, false, TXT_OTHER_TERM, asked, term);
	else if (no_locale)
		app_message(a, false, "%s", TXT_NO_LOCALE);
	else if (a->ascii)
		app_message(a, false, "%s", TXT_ASCII_HINT);
	else if (a->read_only)
		app_message(a, false, TXT_READ_ONLY, store_read_only_reason(st));
	else if (!draft_can_keep())
		app_message(a, true, "%s", TXT_NO_HOME);
	form_input_setup(a);
	wait_setup(a);
	forms_offer_draft(a);
	loop(a);
	endwin();
	fputs("\033[?2004l", stdout);      /* bracketed paste off */
	fflush(stdout);
	app_free_tabs(a);
	store_report_free(&a->rep);
	arena_free(&a->arena);
	free(a);
	return NTM_OK;
}
