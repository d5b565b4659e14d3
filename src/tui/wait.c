/* Waiting for a lock held by another process: after a short moment the
 * message line says so, and Esc gives up (the write then fails, nothing
 * written, and the form it came from stays open with what was typed). */
#include "wait.h"

#include "app.h"
#include "screen.h"

#define TXT_WAITING "Đang chờ tệp được giải phóng… (Esc để thôi)"

enum { SHOW_AFTER_MS = 300 };

/* One wait at a time: the line drawn over the message line, and whether a
 * key other than Esc came (kept for after the wait; an Esc behind it is a
 * key typed ahead, not a wish to give up). */
static WINDOW *line;
static bool typed_ahead;

static bool
on_wait(void *ctx, int waited_ms, bool first)
{
	struct app *a = ctx;
	if (first) {
		if (line)
			delwin(line);
		line = NULL;
		typed_ahead = false;
	}
	if (tui_hangup())
		return false;              /* the form keeps a draft */
	if (waited_ms < SHOW_AFTER_MS)
		return true;
	if (!line) {
		line = newwin(1, a->cols, a->rows - 2, 0);
		if (!line)
			return true;
		keypad(line, TRUE);
		draw_text(a, line, 0, 0, TXT_WAITING, a->cols - 1,
			  ui_attr(a, UI_ERROR) | A_BOLD, false);
		wnoutrefresh(line);
		doupdate();
	}
	if (typed_ahead)
		return true;
	wint_t ch;
	wtimeout(line, 0);
	int r = wget_wch(line, &ch);
	if (r == ERR)
		return true;
	if (r == OK && ch == 27)
		return false;
	if (r == KEY_CODE_YES)
		ungetch((int)ch);
	else
		unget_wch((wchar_t)ch);
	typed_ahead = true;
	return true;
}

void
wait_setup(struct app *a)
{
	store_set_wait(a->st, on_wait, a);
}
