/* The form engine. */
#include "form.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "dialogs.h"
#include "ntm/text.h"
#include "screen.h"

/* User-visible texts of this file. */
#define TXT_FORM_KEYS   "Enter lưu · Tab ô sau · Esc hủy · Ctrl-T bộ gõ"
#define TXT_CHOICE_KEYS "(Space / ← → để chọn)"
#define TXT_DISCARD     "Bỏ những gì đã gõ? y hoặc c: bỏ; phím khác: gõ tiếp"
#define TXT_NO_CHOICE   "chưa chọn"
#define TXT_IME_OFF     "[gõ thường]"
#define TXT_IME_TELEX   "[Telex]"
#define TXT_IME_VNI     "[VNI]"
#define TXT_INPUT_BAD   "Tệp cấu hình: input = “%s” không dùng được (chỉ telex, vni hoặc off); bộ gõ có sẵn đang tắt, Ctrl-T để bật."

enum { CTRL_T = 0x14 };

void
form_input_setup(struct app *a)
{
	static const struct { const char *name; enum telex_method m; } names[] = {
		{"off", TELEX_OFF}, {"telex", TELEX_TELEX}, {"vni", TELEX_VNI},
	};
	const char *in = a->opt.input;
	a->ime = TELEX_OFF;
	if (!in)
		return;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcasecmp(in, names[i].name) == 0) {
			a->ime = names[i].m;
			return;
		}
	app_message(a, true, TXT_INPUT_BAD, in);
}

/* Ctrl-T: the next input method, for every field of every form. */
static void
cycle_input(struct app *a, struct form *fm)
{
	lineedit_cycle_ime(&fm->f[fm->focus].le);
	a->ime = lineedit_ime(&fm->f[fm->focus].le);
	for (int i = 0; i < fm->n; i++)
		lineedit_set_ime(&fm->f[i].le, a->ime);
}

void
form_init(struct form *fm, const char *title)
{
	memset(fm, 0, sizeof *fm);
	snprintf(fm->title, sizeof fm->title, "%s", title);
}

struct field *
form_text(struct form *fm, const char *label, const char *value, size_t max_bytes)
{
	struct field *f = &fm->f[fm->n++];
	f->label = label;
	f->kind = FIELD_TEXT;
	lineedit_init(&f->le, value, max_bytes);
	return f;
}

struct field *
form_choice(struct form *fm, const char *label, const char *const *choices,
	    int n, int choice)
{
	struct field *f = &fm->f[fm->n++];
	f->label = label;
	f->kind = FIELD_CHOICE;
	f->choices = choices;
	f->nchoices = n;
	f->choice = choice;
	lineedit_init(&f->le, NULL, 0);
	return f;
}

void
form_free(struct form *fm)
{
	for (int i = 0; i < fm->n; i++)
		lineedit_free(&fm->f[i].le);
}

char *
form_value(const struct form *fm, int i)
{
	const struct field *f = &fm->f[i];
	if (f->kind == FIELD_CHOICE)
		return strdup(f->choice < 0 ? "" : f->choices[f->choice]);
	return lineedit_commit(&f->le);
}

static const char *
ime_label(enum telex_method m)
{
	return m == TELEX_TELEX ? TXT_IME_TELEX : m == TELEX_VNI ? TXT_IME_VNI : TXT_IME_OFF;
}

/* ---- drawing -------------------------------------------------------------- */

static int
label_width(const struct form *fm)
{
	int w = 0;
	for (int i = 0; i < fm->n; i++) {
		int lw = text_width(fm->f[i].label);
		w = lw > w ? lw : w;
	}
	return w + 2;
}

static void
draw_field(struct app *a, WINDOW *w, struct field *f, int y, int x, int width,
	   bool focus, int *cur_y, int *cur_x)
{
	attr_t at = focus ? A_UNDERLINE | A_BOLD : A_UNDERLINE;
	if (f->kind == FIELD_CHOICE) {
		char buf[160];
		snprintf(buf, sizeof buf, "%s %s %s", glyph(a, "‹", "<"),
			 f->choice < 0 ? TXT_NO_CHOICE : f->choices[f->choice],
			 glyph(a, "›", ">"));
		draw_text(a, w, y, x, buf, width, at, false);
		*cur_y = y;
		*cur_x = x + 2;
		return;
	}
	size_t first = 0;
	int col = 0;
	/* a field not being edited shows its beginning, not where the
	 * cursor was left (a long title would start mid-word) */
	if (focus)
		lineedit_view(&f->le, width, &first, &col);
	wattron(w, at);
	for (int i = 0; i < width; i++)
		mvwaddch(w, y, x + i, ' ');
	wattroff(w, at);
	draw_text(a, w, y, x, lineedit_text(&f->le) + first, width, at, false);
	*cur_y = y;
	*cur_x = x + col;
}

static void
draw_form(struct app *a, struct form *fm, WINDOW **win)
{
	int width = a->cols - 4 < 96 ? a->cols - 4 : 96;
	/* Above the message line and the hint bar, which say what happened
	 * (a draft brought back, a refusal) and which keys work: a form as
	 * tall as the screen gives up the blank line above its message. */
	int height = fm->n * 2 + 7;
	if (height > a->rows - 2)
		height--;
	int top = (a->rows - 2 - height) / 2;
	if (*win)
		delwin(*win);
	*win = newwin(height, width, top > 0 ? top : 0, (a->cols - width) / 2);
	WINDOW *w = *win;
	keypad(w, TRUE);
	werase(w);
	draw_box(a, w);
	draw_text(a, w, 0, 2, fm->title, width - 4, A_BOLD, false);
	int lw = label_width(fm), cy, cx;
	for (int i = 0; i < fm->n; i++) {
		struct field *f = &fm->f[i];
		int y = 2 + i * 2;
		draw_text(a, w, y, 2, f->label, lw, i == fm->focus ? A_BOLD : A_NORMAL, false);
		draw_field(a, w, f, y, 2 + lw, width - lw - 4, i == fm->focus, &cy, &cx);
		if (i == fm->focus) {
			char aside[256];
			snprintf(aside, sizeof aside, "%s%s%s",
				 f->kind == FIELD_CHOICE ? TXT_CHOICE_KEYS : ime_label(lineedit_ime(&f->le)),
				 f->aside[0] ? "  " : "", f->aside);
			draw_text(a, w, y + 1, 2 + lw, aside, width - lw - 4, ui_attr(a, UI_DIM), false);
		} else if (f->aside[0]) {
			draw_text(a, w, y + 1, 2 + lw, f->aside, width - lw - 4, ui_attr(a, UI_DIM), false);
		}
	}
	if (fm->error[0])
		draw_wrapped(a, w, height - 4, 2, fm->error, width - 4, 2, ui_attr(a, UI_ERROR));
	draw_text(a, w, height - 2, 2, fm->keys ? fm->keys : TXT_FORM_KEYS, width - 4, ui_attr(a, UI_DIM), false);
	/* the hardware cursor at the insertion point: preedit shows there */
	int fy = 2 + fm->focus * 2, fx = 2 + lw;
	struct field *f = &fm->f[fm->focus];
	if (f->kind == FIELD_TEXT) {
		size_t first;
		int col;
		lineedit_view(&f->le, width - lw - 4, &first, &col);
		fx += col;
	}
	wmove(w, fy, fx);
	wnoutrefresh(w);
	doupdate();
}

/* ---- keys ----------------------------------------------------------------- */

static void
field_key(struct field *f, bool code, wint_t ch)
{
	if (f->kind == FIELD_CHOICE) {
		/* from no choice: forward is the first, back the last */
		int from = f->choice < 0 ? f->nchoices : f->choice;
		if ((!code && ch == ' ') || (code && ch == KEY_RIGHT))
			f->choice = f->choice < 0 ? 0 : (from + 1) % f->nchoices;
		else if (code && ch == KEY_LEFT)
			f->choice = (from + f->nchoices - 1) % f->nchoices;
		return;
	}
	if (code) {
		static const struct { int key; int32_t le; } map[] = {
			{KEY_BACKSPACE, LE_BACKSPACE}, {KEY_DC, LE_DELETE},
			{KEY_LEFT, LE_LEFT}, {KEY_RIGHT, LE_RIGHT},
			{KEY_HOME, LE_HOME}, {KEY_END, LE_END},
		};
		for (size_t i = 0; i < sizeof map / sizeof *map; i++)
			if (map[i].key == (int)ch)
				lineedit_key(&f->le, map[i].le);
		return;
	}
	lineedit_key(&f->le, (int32_t)ch);
}

/* A key for the focused field; the form's changed hook hears of it when
 * the field's value changed. pasted: text pasted, else the key ch. True
 * when the value changed (a key the field has no use for, a cursor move,
 * typed nothing). */
static bool
edit_focused(struct form *fm, bool code, wint_t ch, const char *pasted)
{
	int i = fm->focus;
	char *before = form_value(fm, i);
	if (pasted && fm->f[i].kind == FIELD_TEXT)
		lineedit_paste(&fm->f[i].le, pasted);
	else if (!pasted)
		field_key(&fm->f[i], code, ch);
	char *after = form_value(fm, i);
	bool changed = before && after && strcmp(before, after) != 0;
	if (changed && fm->changed)
		fm->changed(fm, i, fm->ctx);
	free(before);
	free(after);
	return changed;
}

/* ---- bracketed paste -------------------------------------------------------
 * Inside a paste the bytes are read one by one (wgetch), not as wide
 * characters: on an invalid byte ncurses' wget_wch keeps reading until it
 * has MB_LEN_MAX bytes (16 with glibc) and then returns ERR, which ate the
 * rest of the paste and its end marker, leaving the form pasting. Every
 * key code but the end marker is ignored (keypad() makes a pasted DEL
 * KEY_BACKSPACE, ESC [ D KEY_LEFT): what is pasted is text. */

static void
paste_flush(struct form *fm, bool *dirty)
{
	if (fm->paste_len == 0)
		return;
	fm->paste[fm->paste_len] = '\0';
	edit_focused(fm, false, 0, fm->paste);
	fm->paste_len = 0;
	*dirty = true;
}

/* One byte or key of a paste (r from wgetch). */
static void
paste_byte(struct form *fm, int r, bool *dirty)
{
	if (r == KEY_PASTE_END) {
		paste_flush(fm, dirty);
		fm->pasting = false;
		return;
	}
	if (r < 0 || r > 0xff)
		return;                    /* a key code: not text */
	/* full: flush, but not in the middle of a character */
	if (fm->paste_len >= sizeof fm->paste - 1 ||
	    (fm->paste_len >= sizeof fm->paste - 8 && r < 0x80))
		paste_flush(fm, dirty);
	fm->paste[fm->paste_len++] = (char)r;
}

/* Reads a paste on until its end, a pause (then shown so far) or a
 * resize; returns the last wgetch result. */
static int
paste_read(WINDOW *w, struct form *fm, bool *dirty)
{
	int b = ERR;
	while (fm->pasting && (b = wgetch(w)) != ERR && b != KEY_RESIZE)
		paste_byte(fm, b, dirty);
	paste_flush(fm, dirty);
	return b;
}

/* Handles one key; returns 1 to save, -1 to cancel, 0 to go on. */
static int
form_key(struct app *a, struct form *fm, bool code, wint_t ch, bool *dirty)
{
	if (code && (ch == KEY_PASTE_BEGIN || ch == KEY_PASTE_END)) {
		fm->pasting = ch == KEY_PASTE_BEGIN;
		fm->paste_len = 0;
		return 0;
	}
	if (!code && (ch == '\t'))
		fm->focus = (fm->focus + 1) % fm->n;
	else if (code && ch == KEY_BTAB)
		fm->focus = (fm->focus + fm->n - 1) % fm->n;
	else if (code && (ch == KEY_UP || ch == KEY_DOWN))
		fm->focus = (fm->focus + (ch == KEY_UP ? fm->n - 1 : 1)) % fm->n;
	else if ((!code && (ch == '\n' || ch == '\r')) || (code && ch == KEY_ENTER))
		return 1;
	else if (!code && ch == 27)
		return !*dirty || confirm(a, TXT_DISCARD) ? -1 : 0;
	else if (!code && ch == CTRL_T)
		cycle_input(a, fm);
	else if (code && ch == KEY_F(1))
		help_show(a);
	else if (edit_focused(fm, code, ch, NULL)) {
		*dirty = true;
		fm->error[0] = '\0';    /* it was about what is being changed */
	}
	return 0;
}

/* Puts the values of a draft into the form; true when there were any. */
static bool
apply_draft(struct form *fm, const struct draft *d)
{
	for (int i = 0; d && i < d->n && i < fm->n; i++) {
		struct field *f = &fm->f[i];
		if (!d->values[i])
			continue;
		if (f->kind == FIELD_TEXT) {
			lineedit_set(&f->le, d->values[i]);
			continue;
		}
		for (int c = 0; c < f->nchoices; c++)
			if (strcmp(f->choices[c], d->values[i]) == 0)
				f->choice = c;
	}
	return d && d->n > 0;
}

/* What was typed, kept for the next start. */
static void
keep_draft(struct app *a, const struct form *fm)
{
	struct draft d = {0};
	if (!fm->kind)
		return;
	snprintf(d.kind, sizeof d.kind, "%s", fm->kind);
	snprintf(d.key, sizeof d.key, "%s", fm->key);
	snprintf(d.plan, sizeof d.plan, "%s", fm->plan);
	snprintf(d.title, sizeof d.title, "%s", fm->title);
	for (d.n = 0; d.n < fm->n; d.n++)
		d.values[d.n] = form_value(fm, d.n);
	draft_write(a, &d);
	draft_free(&d);
}

bool
form_ask(struct app *a, struct form *fm, const char *why, const char *question)
{
	WINDOW *w = NULL;
	snprintf(fm->error, sizeof fm->error, "%s", why);
	draw_form(a, fm, &w);
	bool yes = confirm(a, question);
	delwin(w);
	return yes;
}

bool
form_run(struct app *a, struct form *fm, const struct draft *d)
{
	WINDOW *w = NULL;
	bool saved = false;
	bool dirty = apply_draft(fm, d);   /* a draft counts as typed */
	for (int i = 0; i < fm->n; i++)
		lineedit_set_ime(&fm->f[i].le, a->ime);
	curs_set(1);
	for (;;) {
		if (tui_hangup()) {
			if (dirty)
				keep_draft(a, fm);
			break;
		}
		/* a question or the help drawn over the screen: the screen
		 * under the form comes back, never the question left there */
		if (a->too_small || a->full_redraw)
			screen_draw(a);
		if (!a->too_small)
			draw_form(a, fm, &w);
		if (!w)
			w = newwin(1, 1, 0, 0);
		wint_t ch;
		if (fm->pasting) {
			wtimeout(w, 1000);
			if (paste_read(w, fm, &dirty) == KEY_RESIZE) {
				screen_layout(a);
				screen_draw(a);
			}
			continue;
		}
		int r = tui_read_key(w, 1000, &ch);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			screen_layout(a);
			screen_draw(a);
			continue;
		}
		if (a->too_small)
			continue;          /* "cửa sổ quá nhỏ" stays until it grows */
		int k = form_key(a, fm, r == KEY_CODE_YES, ch, &dirty);
		if (k < 0)
			break;
		if (k > 0) {
			const char *why = fm->save(a, fm, fm->ctx);
			if (!why) {
				saved = true;
				break;
			}
			snprintf(fm->error, sizeof fm->error, "%s", why);
			screen_draw(a);   /* a refusal may have reloaded the data */
		}
	}
	curs_set(0);
	delwin(w);
	a->full_redraw = true;
	return saved;
}
