/* Small dialogs on the message line (confirm, one-line prompt), the help
 * screen and the go-to palette. */
#include "dialogs.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "conflicts.h"
#include "ntm/lineedit.h"
#include "ntm/text.h"
#include "forms_report.h"
#include "plans.h"
#include "screen.h"

/* User-visible texts of this file. */
#define TXT_HELP_KEYS    "↑ ↓ PgUp PgDn: cuộn · q, Esc hoặc ?: đóng"
#define TXT_GOTO         "Đi đến: "
#define TXT_GOTO_KEYS    "Gõ để lọc (không dấu cũng được) · ↑ ↓ chọn · Enter đi đến · Esc thôi"
#define TXT_GOTO_NONE    "(không có gì khớp)"
#define TXT_KIND_TAB     "thẻ"
#define TXT_KIND_CRIT    "tiêu chí"
#define TXT_KIND_IND     "chỉ tiêu"
#define TXT_KIND_VILLAGE "thôn"
#define TXT_KIND_TASK    "nhiệm vụ"
#define TXT_KIND_PLAN    "kế hoạch"
#define TXT_PICK_PLAN    "Chọn kế hoạch: "
#define TXT_PLAN_IN_USE  " (đang xem)"
#define TXT_PLAN_MAKE    "Lập kế hoạch năm sau từ kế hoạch đang xem (phím L)"
#define TXT_PLAN_FIRST   "Tạo kế hoạch đầu tiên của xã (phím L)"
#define TXT_TASK_NUMBER  "#%d %s"
#define TXT_KIND_FILE    "tệp"
#define TXT_REPORT       "Xuất báo cáo: xlsx, docx, csv, md, txt (phím X)"
#define TXT_KIND_SCREEN  "màn hình"
#define TXT_CONFLICTS    "Xung đột đồng bộ: giữ bên này hoặc lấy bên kia (phím C)"
#define TXT_KIND_COMMUNE "xã"

/* Reads one key from w; returns false on hang-up. A resize lays the
 * screen out again and comes back as KEY_RESIZE, for the dialog to draw
 * itself anew. A paste goes into le as text (then KEY_PASTE_END comes
 * back, a key that does nothing) or, with no le, is dropped: a pasted y
 * or Enter answers nothing. */
static bool
read_key(struct app *a, WINDOW *w, int *r, wint_t *ch, struct lineedit *le)
{
	for (;;) {
		if (tui_hangup())
			return false;
		*r = tui_read_key(w, 1000, ch);
		if (*r == ERR)
			continue;
		if (*r == KEY_CODE_YES && *ch == KEY_PASTE_BEGIN) {
			char text[1024];
			screen_read_paste(w, text, sizeof text);
			if (!le)
				continue;
			lineedit_paste(le, text);
			*ch = KEY_PASTE_END;
		}
		if (*r == KEY_CODE_YES && *ch == KEY_RESIZE) {
			screen_layout(a);
			screen_draw(a);
		}
		return true;
	}
}

static bool
is_resize(int r, wint_t ch)
{
	return r == KEY_CODE_YES && ch == KEY_RESIZE;
}

/* The question as drawn: sanitised and, when wider than width, cut only
 * in its quoted title (from the first “ to the last ”) or, with no quotes,
 * before its last "?": the keys and what they do always show whole. */
static char *
fit_question(struct app *a, const char *q, int width)
{
	const char *open = strstr(q, "“"), *close = NULL, *ask = strrchr(q, '?');
	for (const char *p = open; p && (p = strstr(p, "”")); p++)
		close = p;
	size_t len = strlen(q), from = 0, to = ask ? (size_t)(ask - q) : len;
	if (open && close) {
		from = (size_t)(open - q) + strlen("“");
		to = (size_t)(close - q);
	}
	int flags = a->ascii ? TEXT_SAN_ASCII : 0;
	char *head = text_sanitize(q, from, flags);
	char *span = text_sanitize(q + from, to - from, flags);
	char *tail = text_sanitize(q + to, len - to, flags);
	char *out = NULL;
	if (head && span && tail) {
		size_t n = strlen(head) + strlen(span) + strlen(tail) + 1;
		char *line = malloc(n);
		if (line) {
			snprintf(line, n, "%s%s%s", head, span, tail);
			out = text_fit_span(line, strlen(head), strlen(head) + strlen(span),
					    width, a->ascii);
		}
		free(line);
	}
	free(head);
	free(span);
	free(tail);
	return out;
}

bool
confirm(struct app *a, const char *question)
{
	WINDOW *w = NULL;
	int r;
	wint_t ch;
	bool got;
	do {
		if (w)
			delwin(w);
		w = newwin(1, a->cols, a->rows - 2, 0);
		keypad(w, TRUE);
		werase(w);
		char *line = fit_question(a, question, a->cols - 1);
		draw_text(a, w, 0, 0, line ? line : question, a->cols - 1,
			  A_BOLD | A_REVERSE, false);
		free(line);
		wnoutrefresh(w);
		doupdate();
		got = read_key(a, w, &r, &ch, NULL);
	} while (got && is_resize(r, ch));
	bool yes = got && r == OK && (ch == 'y' || ch == 'Y' || ch == 'c' || ch == 'C');
	delwin(w);
	a->full_redraw = true;
	return yes;
}

bool
prompt_line(struct app *a, const char *label, char *out, size_t size)
{
	struct lineedit le;
	lineedit_init(&le, out, size - 1);
	WINDOW *w = newwin(1, a->cols, a->rows - 2, 0);
	keypad(w, TRUE);
	curs_set(1);
	bool ok = false;
	int lw = text_width(label);
	for (;;) {
		size_t first;
		int col;
		lineedit_view(&le, a->cols - lw - 1, &first, &col);
		werase(w);
		draw_text(a, w, 0, 0, label, lw, A_BOLD, false);
		draw_text(a, w, 0, lw, lineedit_text(&le) + first, a->cols - lw - 1, A_NORMAL, false);
		wmove(w, 0, lw + col);
		wnoutrefresh(w);
		doupdate();
		int r;
		wint_t ch;
		if (!read_key(a, w, &r, &ch, &le))
			break;
		if (is_resize(r, ch)) {
			delwin(w);
			w = newwin(1, a->cols, a->rows - 2, 0);
			keypad(w, TRUE);
			continue;
		}
		if (r == OK && (ch == '\n' || ch == '\r')) {
			char *v = lineedit_commit(&le);
			snprintf(out, size, "%s", v ? v : "");
			free(v);
			ok = true;
			break;
		}
		if (r == OK && ch == 27)
			break;
		if (r == KEY_CODE_YES && ch == KEY_BACKSPACE)
			lineedit_key(&le, LE_BACKSPACE);
		else if (r == KEY_CODE_YES && (ch == KEY_LEFT || ch == KEY_RIGHT))
			lineedit_key(&le, ch == KEY_LEFT ? LE_LEFT : LE_RIGHT);
		else if (r == OK)
			lineedit_key(&le, (int32_t)ch);
	}
	curs_set(0);
	lineedit_free(&le);
	delwin(w);
	a->full_redraw = true;
	return ok;
}

/* ---- help ------------------------------------------------------------------ */

/* The help lines wrapped to width, continuation lines indented under the
 * text (12 columns); newly allocated, NULL-terminated. */
static char **
wrap_help(char **lines, int width, int *count)
{
	struct lines out = {0};
	for (size_t i = 0; lines && lines[i]; i++)
		lines_wrap(&out, lines[i], width, 12);
	*count = out.n;
	if (!out.v)
		out.v = calloc(1, sizeof *out.v);
	return out.v;
}

void
help_show(struct app *a)
{
	char **raw = actions_help_lines(a->ascii);
	int n = 0, top = 0;
	char **lines = wrap_help(raw, a->cols - 2, &n);
	int wrapped_cols = a->cols;
	/* The title stays on the first line; top is the first line of the
	 * rest shown under it (1: from the start). */
	/* on tab Vốn, from its keys' section */
	unsigned ctx = a->ntabs ? screen_context(a) & (CTX_FUND | CTX_FUND_ENTRY) : 0;
	const char *section = ctx ? actions_help_section(ctx) : NULL;
	char *shown = section && a->ascii ? text_ascii(section) : NULL;
	/* its title may be wrapped: its start is enough */
	size_t len = section ? strlen(shown ? shown : section) : 0;
	for (int i = 0; section && i < n; i++)
		if (strncmp(lines[i], shown ? shown : section, len < 16 ? len : 16) == 0) {
			top = i > 1 ? i - 1 : 1;
			break;
		}
	free(shown);
	if (top < 1)
		top = 1;
	if (top > n - (a->rows - 2))
		top = n - (a->rows - 2) > 1 ? n - (a->rows - 2) : 1;
	for (;;) {
		int h = a->rows - 1;
		werase(stdscr);
		if (n > 0)
			draw_text(a, stdscr, 0, 1, lines[0], a->cols - 2, A_BOLD,
				  false);
		for (int y = 1; y < h && top + y - 1 < n; y++)
			draw_text(a, stdscr, y, 1, lines[top + y - 1], a->cols - 2,
				  A_NORMAL, false);
		draw_text(a, stdscr, a->rows - 1, 1, TXT_HELP_KEYS, a->cols - 2,
			  ui_attr(a, UI_DIM), false);
		wnoutrefresh(stdscr);
		doupdate();
		int r;
		wint_t ch;
		if (!read_key(a, stdscr, &r, &ch, NULL))
			break;
		int page = h > 2 ? h - 2 : 1;
		if (wrapped_cols != a->cols) {   /* resized while reading */
			actions_free_lines(lines);
			lines = wrap_help(raw, a->cols - 2, &n);
			wrapped_cols = a->cols;
		}
		if (r == KEY_CODE_YES && (ch == KEY_DOWN || ch == KEY_NPAGE))
			top += ch == KEY_DOWN ? 1 : page;
		else if (r == KEY_CODE_YES && (ch == KEY_UP || ch == KEY_PPAGE))
			top -= ch == KEY_UP ? 1 : page;
		else if (r == OK && (ch == 'j' || ch == 'k'))
			top += ch == 'j' ? 1 : -1;
		else if (r == OK && (ch == 'q' || ch == 27 || ch == '?'))
			break;
		else if (r == KEY_CODE_YES && ch == KEY_F(1))
			break;
		if (top > n - (h - 1))
			top = n - (h - 1);
		if (top < 1)
			top = 1;
	}
	actions_free_lines(lines);
	actions_free_lines(raw);
	erase();
	wnoutrefresh(stdscr);
	a->full_redraw = true;
}

/* ---- the go-to palette --------------------------------------------------- */

struct target {
	char label[320];
	char *folded;
	const char *text;       /* the label after its kind */
	int tab;
	char key[64];
	char plan[STORE_ID_LEN]; /* a plan: Enter shows it */
	bool make_plan;          /* Enter opens the new plan's form */
	bool report;             /* Enter opens the report form */
	bool conflicts;          /* Enter opens the Xung đột screen */
	char commune[STORE_ID_LEN]; /* a commune (district file): Enter opens it */
	int rank;               /* against the query typed */
};

static struct target *
add_target(struct target **t, int *n, int *cap, int tab, const char *key,
	   const char *kind, const char *text)
{
	if (*n == *cap) {
		int cap2 = *cap ? *cap * 2 : 256;
		struct target *bigger = realloc(*t, sizeof **t * (size_t)cap2);
		if (!bigger)
			return NULL;     /* the palette simply lists fewer */
		*t = bigger;
		*cap = cap2;
	}
	struct target *x = &(*t)[(*n)++];
	int pad = 10 - text_width(kind);
	snprintf(x->label, sizeof x->label, "%s%*s%s", kind, pad > 1 ? pad : 1, "", text);
	x->folded = text_fold(x->label);
	x->text = x->label + (strlen(x->label) - strlen(text));
	x->tab = tab;
	snprintf(x->key, sizeof x->key, "%s", key ? key : "");
	x->plan[0] = '\0';
	x->make_plan = false;
	x->report = false;
	x->conflicts = false;
	x->commune[0] = '\0';
	return x;
}

/* The commune's plans, newest first (Enter shows one), and the new plan
 * (its form) where edits are allowed. */
static void
gather_plans(struct app *a, struct target **t, int *n, int *cap)
{
	struct arena ar = {0};
	struct store_plan *p;
	int np = 0;
	char name[256];
	if (store_plans(a->st, &ar, &p, &np, NULL) != NTM_OK)
		np = 0;
	for (int i = 0; i < np; i++) {
		plans_name(p[i].number, p[i].year, 200, name, sizeof name);
		struct target *x = add_target(t, n, cap, a->cur, NULL, TXT_KIND_PLAN, name);
		if (!x)
			continue;
		snprintf(x->plan, sizeof x->plan, "%s", p[i].id);
		/* shown, not filtered on: "dang xem" finds no plan */
		size_t len = strlen(x->label);
		if (p[i].in_use)
			snprintf(x->label + len, sizeof x->label - len, "%s", TXT_PLAN_IN_USE);
	}
	arena_free(&ar);
	struct target *x = app_view_only(a) ? NULL
		: add_target(t, n, cap, a->cur, NULL, TXT_KIND_PLAN,
			     np ? TXT_PLAN_MAKE : TXT_PLAN_FIRST);
	if (x)
		x->make_plan = true;
}

/* The communes of a district file (tab Huyện's): Enter opens one. */
static void
gather_communes(struct app *a, struct target **t, int *n, int *cap)
{
	const struct store_district *d = district_data(a);
	for (int i = 0; d && i < d->n; i++) {
		struct target *x = add_target(t, n, cap, 0, d->rows[i].id,
					      TXT_KIND_COMMUNE, d->rows[i].name);
		if (x)
			snprintf(x->commune, sizeof x->commune, "%s", d->rows[i].id);
	}
}

static int
gather(struct app *a, struct target **t, bool plans_only)
{
	int n = 0, cap = 0;
	char buf[320];
	*t = NULL;
	if (plans_only) {
		gather_plans(a, t, &n, &cap);
		return n;
	}
	for (int i = 0; i < a->ntabs; i++)
		add_target(t, &n, &cap, i, NULL, TXT_KIND_TAB, a->tabs[i].label);
	gather_communes(a, t, &n, &cap);
	struct target *x = NULL;
	if (!a->district || a->commune_open) {   /* a commune's */
		gather_plans(a, t, &n, &cap);
		x = add_target(t, &n, &cap, a->cur, NULL, TXT_KIND_FILE, TXT_REPORT);
	}
	if (x)
		x->report = true;
	x = add_target(t, &n, &cap, a->cur, NULL, TXT_KIND_SCREEN, TXT_CONFLICTS);
	if (x)
		x->conflicts = true;
	/* villages before criteria and indicators: few, and what people
	 * type first (a renamed village is found by its old name too) */
	for (int i = 0; i < a->rep.nvillages; i++)
		add_target(t, &n, &cap, a->ntabs - 1, a->rep.villages[i].id,
			   TXT_KIND_VILLAGE, a->rep.villages[i].name);
	for (int c = 0; c < a->rep.ncrit; c++) {
		const struct store_criterion *cr = &a->rep.crit[c];
		snprintf(buf, sizeof buf, "%d. %s", cr->number, cr->name);
		add_target(t, &n, &cap, app_tab_of_sector(a, cr->sector_code),
			   cr->count ? a->rep.ind[cr->first].id : NULL, TXT_KIND_CRIT, buf);
		for (int i = cr->first; i < cr->first + cr->count; i++) {
			snprintf(buf, sizeof buf, "%s %s", a->rep.ind[i].code, a->rep.ind[i].name);
			add_target(t, &n, &cap, app_tab_of_sector(a, cr->sector_code),
				   a->rep.ind[i].id, TXT_KIND_IND, buf);
		}
	}
	for (int i = 0; i < a->ntasks; i++) {
		snprintf(buf, sizeof buf, TXT_TASK_NUMBER, a->tasks[i].number,
			 a->tasks[i].title);
		add_target(t, &n, &cap, app_tab_of_sector(a, a->tasks[i].sector_code),
			   a->tasks[i].id, TXT_KIND_TASK, buf);
	}
	return n;
}

/* The hits best first (match_rank on the text, not the kind: "thon" puts
 * thẻ Thôn above thẻ Giao thông), in gathering order among equals. */
static void
rank_hits(struct target *t, int *hit, int m, const char *query)
{
	for (int i = 0; i < m; i++)
		t[hit[i]].rank = match_rank(t[hit[i]].text, query);
	for (int i = 1; i < m; i++) {            /* insertion sort: stable */
		int h = hit[i], j = i;
		for (; j > 0 && t[hit[j - 1]].rank < t[h].rank; j--)
			hit[j] = hit[j - 1];
		hit[j] = h;
	}
}

/* Indices of the targets whose folded label holds every folded word,
 * best first. */
static int
palette_filter(struct target *t, int n, const char *query, int *out)
{
	char *q = text_fold(query);
	int m = 0;
	for (int i = 0; i < n; i++) {
		bool all = true;
		char *p = q;
		while (all && p && *p) {
			while (*p == ' ')
				p++;
			size_t len = strcspn(p, " ");
			if (len) {
				char word[128];
				snprintf(word, sizeof word, "%.*s", (int)(len < 127 ? len : 127), p);
				all = t[i].folded && strstr(t[i].folded, word);
			}
			p += len;
		}
		if (all)
			out[m++] = i;
	}
	free(q);
	rank_hits(t, out, m, query);
	return m;
}

static void
draw_palette(struct app *a, const char *label, struct lineedit *le,
	     struct target *t, int *hit, int m, int sel, int top, int h)
{
	werase(stdscr);
	int lw = text_width(label);
	draw_text(a, stdscr, 0, 1, label, lw, A_BOLD, false);
	size_t first;
	int col;
	lineedit_view(le, a->cols - lw - 3, &first, &col);
	draw_text(a, stdscr, 0, 1 + lw, lineedit_text(le) + first, a->cols - lw - 3,
		  A_UNDERLINE, true);
	for (int y = 0; y < h && top + y < m; y++) {
		bool s = top + y == sel;
		mvwaddstr(stdscr, 2 + y, 0, s ? glyph(a, "▸", ">") : " ");
		draw_text(a, stdscr, 2 + y, 2, t[hit[top + y]].label, a->cols - 3,
			  s ? ui_attr(a, UI_ROW_SELECTED) : A_NORMAL, false);
	}
	if (m == 0) {
		/* blanks written, not only erased: the rows of the last hits
		 * must not show through */
		mvwhline(stdscr, 2, 0, ' ', a->cols);
		draw_text(a, stdscr, 2, 2, TXT_GOTO_NONE, a->cols - 3, ui_attr(a, UI_DIM), false);
	}
	draw_text(a, stdscr, a->rows - 1, 1, TXT_GOTO_KEYS, a->cols - 2, ui_attr(a, UI_DIM), false);
	move(0, 1 + lw + col);
	wnoutrefresh(stdscr);
	doupdate();
}

/* What Enter chose: shown once the palette is gone. */
static void
palette_go(struct app *a, const struct target *x)
{
	if (x->commune[0])
		app_open_commune(a, x->commune);
	else if (x->plan[0])
		plans_use(a, x->plan);
	else if (x->make_plan && !app_refuse_read_only(a))
		form_plan(a, NULL);
	else if (x->report)
		form_report(a, NULL);
	else if (x->conflicts)
		conflicts_show(a);
	else
		app_goto(a, x->tab, x->key[0] ? x->key : NULL);
}

static void
palette_run(struct app *a, bool plans_only)
{
	struct target *t, chosen = {.tab = -1};
	const char *label = plans_only ? TXT_PICK_PLAN : TXT_GOTO;
	int n = gather(a, &t, plans_only), sel = 0, top = 0;
	int *hit = calloc((size_t)n + 1, sizeof *hit);
	struct lineedit le;
	lineedit_init(&le, NULL, 120);
	curs_set(1);
	for (;;) {
		int m = palette_filter(t, n, lineedit_text(&le), hit), h = a->rows - 3;
		sel = sel >= m ? m - 1 : sel < 0 ? 0 : sel;
		top = sel < top ? sel : sel >= top + h ? sel - h + 1 : top;
		draw_palette(a, label, &le, t, hit, m, sel, top, h);
		int r;
		wint_t ch;
		if (!read_key(a, stdscr, &r, &ch, &le) || (r == OK && ch == 27))
			break;
		if (r == OK && (ch == '\n' || ch == '\r')) {
			if (m > 0)
				chosen = t[hit[sel]];
			break;
		}
		if (r == KEY_CODE_YES && (ch == KEY_UP || ch == KEY_DOWN))
			sel += ch == KEY_UP ? -1 : 1;
		else if (r == KEY_CODE_YES && (ch == KEY_PPAGE || ch == KEY_NPAGE))
			sel += ch == KEY_PPAGE ? -h : h;
		else if (r == KEY_CODE_YES && ch == KEY_BACKSPACE)
			lineedit_key(&le, LE_BACKSPACE);
		else if (r == OK) {
			lineedit_key(&le, (int32_t)ch);
			sel = 0;
		}
	}
	curs_set(0);
	lineedit_free(&le);
	for (int i = 0; i < n; i++)
		free(t[i].folded);
	free(t);
	free(hit);
	erase();
	wnoutrefresh(stdscr);
	a->full_redraw = true;
	if (chosen.tab >= 0 || chosen.plan[0] || chosen.make_plan || chosen.report)
		palette_go(a, &chosen);
}

void
palette_show(struct app *a)
{
	palette_run(a, false);
}

void
palette_plans(struct app *a)
{
	palette_run(a, true);
}
