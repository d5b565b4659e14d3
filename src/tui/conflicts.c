/* The Xung đột screen: drawn in the program's own windows (the title on
 * the tab bar's line, the list, the detail pane, the message and hint
 * lines), fetched when it opens and again after every change, a
 * colleague's included. Keys come from the action table (CTX_CONFLICT). */
#include "conflicts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialogs.h"
#include "ntm/text.h"
#include "screen.h"

/* User-visible texts of this file. */
#define TXT_TITLE       "Xung đột đồng bộ"
#define TXT_TITLE_N     "Xung đột đồng bộ — %d đang chờ"
#define TXT_READ_ONLY   " (chỉ xem)"
#define TXT_COLUMNS     "  Số   Dòng"
#define TXT_COL_KIND    "Loại"
#define TXT_NONE        "Không có xung đột nào đang chờ."
#define TXT_NONE_WHY    "Xung đột hiện ra ở đây sau ntm sync apply, khi bản sao khác cũng sửa " \
			"những dòng mà tệp này đã sửa."
#define TXT_LOAD_FAILED "Không đọc được các xung đột: %s"
#define TXT_ROW         "#%-3d %s “%s”%s%s"
#define TXT_KIND_EDIT   "hai bên cùng sửa"
#define TXT_KIND_DELETE "bên sửa, bên xóa"
#define TXT_KIND_UNIQUE "trùng tên"
#define TXT_KIND_PARENT "chờ dòng cha"
#define TXT_OURS        "Bên này"
#define TXT_THEIRS      "Bên kia"
#define TXT_WHO_COPY    "%s, bản sao %.8s"
#define TXT_SIDE        "%s — %s, %s"
#define TXT_SIDE_NO_AT  "%s — %s"
#define TXT_NOBODY      "không rõ ai"
#define TXT_EMPTY_SIDE  "(trống)"
#define TXT_ASK_OURS    "Giữ bên này cho %s (xung đột #%d)? y hoặc c: giữ; phím khác: thôi"
#define TXT_ASK_THEIRS  "Lấy bên kia cho %s (xung đột #%d)? y hoặc c: lấy; phím khác: thôi"
#define TXT_SUBJECT     "%s “%s”"   /* the noun and the title, in the questions */
#define TXT_KEPT_WAIT   "Chưa giải quyết: xung đột #%d vẫn chờ."
#define TXT_DONE_OURS   "Đã giải quyết xung đột #%d: giữ bên này. u để hoàn tác."
#define TXT_DONE_THEIRS "Đã giải quyết xung đột #%d: lấy bên kia. u để hoàn tác."
#define TXT_OPEN        "o: giữ bên này · t: lấy bên kia · Esc: đóng"
#define TXT_NO_KEY      "Phím này không dùng ở đây. Esc hoặc q để đóng, ? để xem các phím."

enum { KIND_W = 18, ROW_INDENT = 2 };

/* Where this screen's keys apply (the hint bar shows only them). */
static const unsigned CTX = CTX_SCREEN | CTX_CONFLICT;

struct conflicts {
	struct arena arena;
	struct store_sync_conflict *c;
	int n;
	struct list list;
	char load_error[1200];    /* the store's message whole */
};

time_t
conflicts_local_time(const char *utc, char out[17])
{
	struct tm tm = {0}, local;
	snprintf(out, 17, "%s", utc ? utc : "");
	if (!utc || !strptime(utc, "%Y-%m-%dT%H:%M:%S", &tm))
		return 0;
	time_t t = timegm(&tm);
	localtime_r(&t, &local);
	strftime(out, 17, "%d/%m/%Y %H:%M", &local);
	return t;
}

static const struct store_sync_conflict *
selected(const struct conflicts *s)
{
	return s->list.sel >= 0 && s->list.sel < s->n ? &s->c[s->list.sel] : NULL;
}

/* The conflicts again, the same one selected where it still waits. */
static void
fetch(struct app *a, struct conflicts *s)
{
	char id[STORE_ID_LEN] = "";
	const struct store_sync_conflict *was = selected(s);
	if (was)
		memcpy(id, was->id, sizeof id);
	arena_free(&s->arena);
	s->c = NULL;
	s->n = 0;
	s->load_error[0] = '\0';
	struct ntm_error e = {0};
	if (store_sync_conflicts(a->st, &s->arena, &s->c, &s->n, &e) != NTM_OK) {
		snprintf(s->load_error, sizeof s->load_error, TXT_LOAD_FAILED, e.msg);
		s->n = 0;
	}
	for (int i = 0; id[0] && i < s->n; i++)
		if (strcmp(s->c[i].id, id) == 0)
			s->list.sel = i;
	list_reset(&s->list, s->n, getmaxy(a->w_list));
}

/* ---- drawing ------------------------------------------------------------- */

static const char *
kind_label(const char *kind)
{
	if (!kind)
		return "";
	if (strcmp(kind, "edit") == 0)
		return TXT_KIND_EDIT;
	if (strcmp(kind, "delete") == 0)
		return TXT_KIND_DELETE;
	if (strcmp(kind, "parent") == 0)
		return TXT_KIND_PARENT;
	return strcmp(kind, "unique") == 0 ? TXT_KIND_UNIQUE : kind;
}

static void
draw_row(struct app *a, WINDOW *w, int y, const struct store_sync_conflict *c,
	 bool sel)
{
	char buf[1024];
	snprintf(buf, sizeof buf, TXT_ROW, c->number, c->noun ? c->noun : "",
		 c->title ? c->title : "", c->where ? " " : "",
		 c->where ? c->where : "");
	mvwaddstr(w, y, 0, sel ? glyph(a, "▸", ">") : " ");
	int text_w = a->cols - ROW_INDENT - KIND_W - 2;
	draw_text(a, w, y, ROW_INDENT, buf, text_w,
		  sel ? ui_attr(a, UI_ROW_SELECTED) : A_NORMAL, true);
	draw_text(a, w, y, a->cols - KIND_W - 1, kind_label(c->kind), KIND_W,
		  ui_attr(a, UI_DIM), false);
}

static void
draw_list(struct app *a, struct conflicts *s)
{
	WINDOW *w = a->w_list;
	werase(w);
	if (s->n == 0) {
		const char *first = s->load_error[0] ? s->load_error : TXT_NONE;
		draw_text(a, w, 0, ROW_INDENT, first, a->cols - 4,
			  s->load_error[0] ? ui_attr(a, UI_ERROR) : A_BOLD, false);
		draw_wrapped(a, w, 2, ROW_INDENT, TXT_NONE_WHY, a->cols - 4, 2,
			     ui_attr(a, UI_DIM));
		return;
	}
	for (int y = 0; y < s->list.height; y++) {
		int row = list_row_at(&s->list, y);
		if (row >= 0)
			draw_row(a, w, y, &s->c[row], row == s->list.sel);
	}
	list_drawn(&s->list);
}

/* One side: its title line (who, when), then its value in lines lines. */
static int
draw_side(struct app *a, WINDOW *w, int y, const char *label, const char *who,
	  const char *at, const char *value, int lines)
{
	char when[17], buf[512];
	conflicts_local_time(at, when);
	if (at && *at)
		snprintf(buf, sizeof buf, TXT_SIDE, label,
			 who && *who ? who : TXT_NOBODY, when);
	else
		snprintf(buf, sizeof buf, TXT_SIDE_NO_AT, label,
			 who && *who ? who : TXT_NOBODY);
	draw_text(a, w, y, 1, buf, a->cols - 2, A_BOLD, false);
	draw_wrapped(a, w, y + 1, 3, value && *value ? value : TXT_EMPTY_SIDE,
		     a->cols - 4, lines, A_NORMAL);
	return 1 + lines;
}

static void
draw_detail(struct app *a, struct conflicts *s)
{
	WINDOW *w = a->w_detail;
	cchar_t rule;
	attr_t dim = ui_attr(a, UI_DIM);
	werase(w);
	setcchar(&rule, a->ascii ? L"-" : L"─", dim & ~A_COLOR, (short)PAIR_NUMBER(dim), NULL);
	mvwhline_set(w, 0, 0, &rule, a->cols);
	const struct store_sync_conflict *c = selected(s);
	if (!c)
		return;
	/* both sides get the same room: at 80×24 a title and a line each */
	int room = getmaxy(w) - 1 - 2, ours = room / 2 > 0 ? room / 2 : 1;
	int y = 1 + draw_side(a, w, 1, TXT_OURS, c->ours_who, c->ours_at, c->ours, ours);
	/* their side says which copy it comes from */
	char who[256];
	snprintf(who, sizeof who, TXT_WHO_COPY,
		 c->theirs_who && *c->theirs_who ? c->theirs_who : TXT_NOBODY,
		 c->theirs_replica ? c->theirs_replica : "?");
	draw_side(a, w, y, TXT_THEIRS, who, c->theirs_at, c->theirs,
		  room - ours > 0 ? room - ours : 1);
}

static void
draw(struct app *a, struct conflicts *s)
{
	char buf[128];
	if (a->too_small) {
		screen_draw(a);          /* the "too small" page */
		return;
	}
	werase(a->w_tabs);
	werase(a->w_head);
	int n = s->n ? snprintf(buf, sizeof buf, TXT_TITLE_N, s->n)
		     : snprintf(buf, sizeof buf, "%s", TXT_TITLE);
	if (a->read_only)
		snprintf(buf + n, sizeof buf - (size_t)n, "%s", TXT_READ_ONLY);
	draw_text(a, a->w_tabs, 0, 1, buf, a->cols - 2, ui_attr(a, UI_TAB_ACTIVE), false);
	if (s->n) {
		draw_text(a, a->w_head, 0, 0, TXT_COLUMNS, a->cols - KIND_W - 2,
			  ui_attr(a, UI_HEADER), false);
		draw_text(a, a->w_head, 0, a->cols - KIND_W - 1, TXT_COL_KIND,
			  KIND_W, ui_attr(a, UI_HEADER), false);
	}
	draw_list(a, s);
	draw_detail(a, s);
	werase(a->w_msg);
	if (a->msg[0])
		draw_text(a, a->w_msg, 0, 0, a->msg, a->cols - 1,
			  ui_attr(a, a->msg_error ? UI_ERROR : UI_NORMAL), false);
	char hint[1024];
	actions_hint(CTX, a->cols - 1, a->ascii, a->read_only, hint, sizeof hint);
	werase(a->w_hint);
	draw_text(a, a->w_hint, 0, 0, hint, a->cols - 1, ui_attr(a, UI_DIM), false);
	WINDOW *all[] = {a->w_tabs, a->w_head, a->w_list, a->w_detail, a->w_msg, a->w_hint};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		wnoutrefresh(all[i]);
	doupdate();
}

/* ---- settling ----------------------------------------------------------- */

/* The question, its subject (noun “title”) cut by display width so that
 * the whole question fits the message line: the title first, then the
 * noun, and the keys part always shows. */
static void
ask_text(const struct app *a, const struct store_sync_conflict *c,
	 bool theirs, char *q, size_t size)
{
	const char *noun = c->noun ? c->noun : "", *title = c->title ? c->title : "";
	size_t len = strlen(noun) + strlen(title) + 16;
	char *subject = malloc(len), *fit = NULL;
	snprintf(q, size, theirs ? TXT_ASK_THEIRS : TXT_ASK_OURS, "", c->number);
	int room = a->cols - 1 - text_width(q);
	if (subject) {
		snprintf(subject, len, TXT_SUBJECT, noun, title);
		size_t from = strlen(noun) + strlen(" “");
		size_t to = from + strlen(title);
		if (text_width(subject) > room)
			fit = text_fit_span(subject, from, to, room > 1 ? room : 1,
					    a->ascii);
	}
	snprintf(q, size, theirs ? TXT_ASK_THEIRS : TXT_ASK_OURS,
		 fit ? fit : subject ? subject : title, c->number);
	free(fit);
	free(subject);
}

static void
settle(struct app *a, struct conflicts *s, bool theirs)
{
	const struct store_sync_conflict *c = selected(s);
	if (!c) {
		app_message(a, false, "%s", TXT_NONE);
		return;
	}
	/* what is asked and said outlives the list (reloaded below) */
	char id[STORE_ID_LEN], q[1024];
	int number = c->number, version = c->version;
	memcpy(id, c->id, sizeof id);
	ask_text(a, c, theirs, q, sizeof q);
	if (!confirm(a, q)) {
		app_message(a, false, TXT_KEPT_WAIT, number);
		return;
	}
	struct ntm_error e = {0};
	if (store_sync_resolve(a->st, id, theirs, version, &e) != NTM_OK) {
		app_message(a, true, "%s", e.msg);
		app_reload(a);
		return;
	}
	app_edited(a);
	app_message(a, false, theirs ? TXT_DONE_THEIRS : TXT_DONE_OURS, number);
}

/* ---- the loop ------------------------------------------------------------ */

/* One key; false when the screen closes. */
static bool
on_key(struct app *a, struct conflicts *s, int key)
{
	enum tui_action act = actions_for_key(key, CTX | CTX_LIST);
	a->msg[0] = '\0';
	const struct tui_action_def *d = actions_def(act);
	if (act == ACT_CONFLICTS_CLOSE)
		return false;
	if (d && d->edits && app_refuse_write(a))   /* settling: also above */
		return true;
	if (list_act(&s->list, act))
		return true;
	switch (act) {
	case ACT_TAKE_OURS:
	case ACT_TAKE_THEIRS:
		settle(a, s, act == ACT_TAKE_THEIRS);
		fetch(a, s);
		break;
	case ACT_UNDO:
	case ACT_REDO:
		app_undo(a, act == ACT_REDO);
		fetch(a, s);
		break;
	case ACT_HELP: help_show(a); break;
	case ACT_OPEN: app_message(a, false, "%s", TXT_OPEN); break;
	default: app_message(a, false, "%s", TXT_NO_KEY);
	}
	return true;
}

/* While no key comes: a colleague's change (or another file put in the
 * place of this one) shows. */
static void
idle(struct app *a, struct conflicts *s)
{
	app_check_file(a);
	if (a->replaced || store_data_version(a->st) == a->data_version)
		return;
	app_reload(a);
	fetch(a, s);
}

static void
run(struct app *a, struct conflicts *s)
{
	char pasted[256];
	fetch(a, s);
	for (bool open = true; open && !tui_hangup();) {
		draw(a, s);
		wint_t ch;
		int r = tui_read_key(a->w_msg, 1000, &ch);
		bool code = r == KEY_CODE_YES;
		if (r == ERR)
			idle(a, s);
		else if (code && ch == KEY_RESIZE) {
			screen_layout(a);
			fetch(a, s);
		} else if (code && ch == KEY_PASTE_BEGIN)   /* never commands */
			screen_read_paste(a->w_msg, pasted, sizeof pasted);
		else if (!a->too_small && !(code && ch == KEY_MOUSE))
			open = on_key(a, s, (int)ch);
	}
}

void
conflicts_show(struct app *a)
{
	struct conflicts s = {.list = {.sel = 0}};
	run(a, &s);
	arena_free(&s.arena);
	erase();
	wnoutrefresh(stdscr);
	a->full_redraw = true;
}
