/* The action table and what is generated from it. */
#include "actions.h"

#include <stdlib.h>
#include <string.h>

#include "ntm/curses.h"
#include "ntm/text.h"

/* User-visible texts of this file. */
#define HELP_TITLE    "ntm — các phím"
#define HELP_FIELDS   "Trong ô nhập: Enter lưu, Tab sang ô sau, Esc hủy (hỏi lại nếu đã gõ), " \
		      "Ctrl-T bật/tắt bộ gõ Telex → VNI → tắt, Backspace xóa một chữ."
#define HELP_PLANS_TITLE "Kế hoạch"
#define HELP_PLANS_LIST "Danh sách kế hoạch (phím P): gõ để lọc theo số hoặc năm (không dấu cũng được), " \
			"↑ ↓ chọn, Enter xem kế hoạch đó; dòng cuối mở mẫu lập kế hoạch năm sau."
#define HELP_PLANS_FORM "Mẫu lập kế hoạch năm sau (phím L): Năm đề sẵn là năm đầu tiên sau kế hoạch đang xem " \
			"mà xã chưa có kế hoạch; gõ một năm đã có kế hoạch thì dòng dưới ô báo ngay " \
			"(vẫn lập được, ví dụ kế hoạch điều chỉnh). Số kế hoạch bắt buộc; tiêu đề đổi theo năm."
#define HELP_PLANS_NUMBER "#N: số thứ tự của nhiệm vụ trong kế hoạch đang xem (tìm bằng / hoặc g, ví dụ #12). " \
			  "“Chuyển từ KH …”: nhiệm vụ chưa xong được chuyển sang từ kế hoạch đó, kèm số cũ của nó ở đó."
#define HELP_REPORT_TITLE "Báo cáo"
#define HELP_REPORT_FORM "Mẫu xuất báo cáo (phím X, hoặc g rồi “bao cao”): Định dạng chọn bằng Space hoặc ← → " \
			 "(xlsx, docx, csv, md, txt); Tính đến ngày là ngày/tháng/năm, không sau hôm nay; " \
			 "Từ ngày là đầu kỳ (để trống: 1/1 năm của kế hoạch); " \
			 "Tệp đề sẵn tên theo xã và ngày trong thư mục hiện tại, đổi theo định dạng và ngày " \
			 "(gõ một thư mục: ghi vào đó). Enter ghi tệp và dòng thông báo nói tệp ở đâu; " \
			 "tệp đã có thì hỏi trước khi ghi đè; Esc đóng, không ghi gì. Báo cáo không sửa dữ liệu: " \
			 "dùng được khi chỉ xem."
#define HELP_CONTEXT_GLOBAL    "Mọi nơi"
#define HELP_CONTEXT_LIST      "Trong danh sách"
#define HELP_CONTEXT_INDICATOR "Chỉ tiêu"
#define HELP_CONTEXT_TASK      "Nhiệm vụ (thẻ lĩnh vực)"
#define HELP_CONTEXT_VILLAGE   "Thẻ Thôn — danh sách thôn"
#define HELP_CONTEXT_ITEM      "Thẻ Thôn — danh mục việc của thôn"
#define HELP_CONTEXT_MATRIX    "Thẻ Thôn — bảng thôn × việc"
#define HELP_CONTEXT_FUND      "Thẻ Vốn — nguồn vốn, giải ngân, nợ đọng (Enter trên nhiệm vụ: các khoản của nó)"
#define HELP_CONTEXT_VIEW      "Màn xem đầy đủ (phím v; cuộn bằng ↑ ↓ PgUp PgDn Home End)"
#define HELP_CONTEXT_CONFLICT  "Màn Xung đột (phím C; chọn bằng ↑ ↓ PgUp PgDn Home End)"
#define HELP_CONTEXT_DISTRICT  "Thẻ Huyện — các xã của tệp cấp trên (Enter mở xã)"
#define HELP_CONTEXT_COMMUNE   "Các thẻ của một xã mở từ thẻ Huyện"
#define HELP_SYNC_TITLE "Đồng bộ"
#define HELP_SYNC_SCREEN "Màn Xung đột (phím C, hoặc g rồi “xung dot”): khi nhận thay đổi từ bản sao khác " \
			 "(ntm sync apply), một dòng mà cả hai bên cùng sửa không bị ghi đè mà chờ ở đây. " \
			 "Bên này là giá trị của tệp đang mở, bên kia là của bản sao đã gửi tệp đồng bộ, mỗi bên kèm " \
			 "người sửa và lúc sửa. o giữ bên này, t lấy bên kia (hỏi lại trước); quyết định đi theo " \
			 "lần ntm sync export sau; u hoàn tác thì xung đột chờ lại. Tổng quan nhắc khi có xung đột " \
			 "đang chờ và khi thay đổi ở đây chưa được xuất quá 3 ngày."
#define HELP_READ_ONLY         " (không dùng được khi chỉ xem)"

/* The plan list, the plan form, and what tasks of a plan show. */
static const char *const PLAN_NOTES[] = {
	HELP_PLANS_LIST, HELP_PLANS_FORM, HELP_PLANS_NUMBER,
};
/* The report form. */
static const char *const REPORT_NOTES[] = {HELP_REPORT_FORM};
/* The conflicts screen. */
static const char *const SYNC_NOTES[] = {HELP_SYNC_SCREEN};

/* The notes after the keys, each under its title. */
static const struct {
	const char *title;
	const char *const *notes;
	size_t n;
} NOTES[] = {
	{HELP_PLANS_TITLE, PLAN_NOTES, sizeof PLAN_NOTES / sizeof *PLAN_NOTES},
	{HELP_REPORT_TITLE, REPORT_NOTES, sizeof REPORT_NOTES / sizeof *REPORT_NOTES},
	{HELP_SYNC_TITLE, SYNC_NOTES, sizeof SYNC_NOTES / sizeof *SYNC_NOTES},
};
enum { NNOTES = sizeof NOTES / sizeof *NOTES };

static const struct tui_action_def DEFS[] = {
#define X(id, keys, key, alt, help, hint, ctx, edits, rank) \
	{keys, help, hint, key, alt, ctx, edits, rank},
	TUI_ACTIONS(X)
#undef X
};

const struct tui_action_def *
actions_def(enum tui_action a)
{
	return a >= 0 && a < ACT_COUNT ? &DEFS[a] : NULL;
}

/* The contexts whose actions apply in ctx: the global ones too, except
 * on a screen over the tabs. */
static unsigned
applies(unsigned ctx)
{
	return ctx & CTX_SCREEN ? ctx : ctx | CTX_GLOBAL;
}

enum tui_action
actions_for_key(int key, unsigned ctx)
{
	for (int a = 0; a < ACT_COUNT; a++) {
		const struct tui_action_def *d = &DEFS[a];
		if ((d->key == key || (d->alt && d->alt == key)) &&
		    (d->ctx & applies(ctx)))
			return (enum tui_action)a;
	}
	/* Enter arrives as '\r' on some terminals. */
	if (key == '\r')
		return actions_for_key('\n', ctx);
	return ACT_NONE;
}

/* Appends "keys text  " when it fits; returns false when full. */
static bool
hint_add(char *out, size_t size, int *used, int width, const char *keys,
	 const char *text, bool ascii)
{
	char item[128];
	snprintf(item, sizeof item, "%s%s %s", *used ? "  " : "", keys, text);
	char *shown = ascii ? text_ascii(item) : strdup(item);
	if (!shown)
		return false;
	int w = text_width(shown);
	bool fits = *used + w <= width && strlen(out) + strlen(shown) < size;
	if (fits) {
		strcat(out, shown);
		*used += w;
	}
	free(shown);
	return fits;
}

/* True when an action before a in the table takes its key in ctx. */
static bool
key_taken(int a, unsigned ctx)
{
	for (int b = 0; b < a; b++)
		if (DEFS[b].key == DEFS[a].key && (DEFS[b].ctx & applies(ctx)))
			return true;
	return false;
}

void
actions_hint(unsigned ctx, int width, bool ascii, bool read_only, char *out,
	     size_t size)
{
	int used = 0;
	out[0] = '\0';
	for (int rank = 1; rank <= 12; rank++)
		for (int a = 0; a < ACT_COUNT; a++) {
			const struct tui_action_def *d = &DEFS[a];
			if (d->hint_rank != rank || !(d->ctx & applies(ctx)) ||
			    (read_only && d->edits) || key_taken(a, ctx) ||
			    (d->key == '\n' && (ctx & CTX_NO_ENTER)))
				continue;
			/* first key only, to save room */
			char key[16];
			snprintf(key, sizeof key, "%.*s", (int)strcspn(d->keys, " "), d->keys);
			hint_add(out, size, &used, width, key, d->hint, ascii);
		}
}

static const struct { unsigned ctx; const char *title; } SECTIONS[] = {
	{CTX_GLOBAL, HELP_CONTEXT_GLOBAL},
	{CTX_LIST, HELP_CONTEXT_LIST},
	{CTX_TASK, HELP_CONTEXT_TASK},
	{CTX_INDICATOR, HELP_CONTEXT_INDICATOR},
	{CTX_VILLAGE, HELP_CONTEXT_VILLAGE},
	{CTX_ITEM, HELP_CONTEXT_ITEM},
	{CTX_MATRIX, HELP_CONTEXT_MATRIX},
	{CTX_FUND | CTX_FUND_ENTRY, HELP_CONTEXT_FUND},
	{CTX_VIEW, HELP_CONTEXT_VIEW},
	{CTX_CONFLICT, HELP_CONTEXT_CONFLICT},
	{CTX_DISTRICT, HELP_CONTEXT_DISTRICT},
	{CTX_COMMUNE | CTX_COMMUNE_HOME, HELP_CONTEXT_COMMUNE},
};

/* The help section an action is listed in: the first that shares a
 * context with it. */
static size_t
section_of(const struct tui_action_def *d)
{
	for (size_t s = 0; s < sizeof SECTIONS / sizeof *SECTIONS; s++)
		if (d->ctx & SECTIONS[s].ctx)
			return s;
	return 0;
}

/* a, b and c joined, newly allocated. */
static char *
line(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

/* The help's key column: keys padded to this many columns; a wider key
 * has a line of its own, its text on the next line. */
enum { HELP_KEY_W = 10 };

/* A help line as shown: the ASCII look-alike when ascii (so that it is
 * measured, padded and wrapped as it will be drawn). */
static char *
shown_line(char *s, bool ascii)
{
	if (!ascii || !s)
		return s;
	char *t = text_ascii(s);
	free(s);
	return t;
}

/* The keys as shown: ASCII names are longer ("↑ k" is "Up k"). */
static char *
shown_keys(const char *keys, bool ascii)
{
	return ascii ? text_ascii(keys) : strdup(keys);
}

/* "  KEYS      text (read-only note)": one line, or two when the keys
 * as shown do not leave a space before the text's column. */
static size_t
key_lines(char **lines, size_t n, const struct tui_action_def *d, bool ascii)
{
	char *keys = shown_keys(d->keys, ascii), padded[64];
	int w = keys ? text_width(keys) : 0;
	const char *note = d->edits ? HELP_READ_ONLY : "";
	if (w < HELP_KEY_W) {
		snprintf(padded, sizeof padded, "  %s%*s", keys ? keys : "",
			 HELP_KEY_W - w, "");
	} else {
		lines[n++] = line("  ", keys ? keys : "", "");
		snprintf(padded, sizeof padded, "%*s", 2 + HELP_KEY_W, "");
	}
	free(keys);
	lines[n++] = line(padded, d->help, note);
	return n;
}

char **
actions_help_lines(bool ascii)
{
	size_t max = 2 * ACT_COUNT + 2 * (sizeof SECTIONS / sizeof *SECTIONS) + 8 +
		     2 * NNOTES, n = 0;
	for (size_t s = 0; s < NNOTES; s++)
		max += NOTES[s].n;
	char **lines = calloc(max, sizeof *lines);
	if (!lines)
		return NULL;
	lines[n++] = line(HELP_TITLE, "", "");
	for (size_t s = 0; s < sizeof SECTIONS / sizeof *SECTIONS; s++) {
		lines[n++] = line("", "", "");
		lines[n++] = line(SECTIONS[s].title, ":", "");
		for (int a = 0; a < ACT_COUNT; a++) {
			if (section_of(&DEFS[a]) == s)
				n = key_lines(lines, n, &DEFS[a], ascii);
		}
	}
	lines[n++] = line("", "", "");
	lines[n++] = line(HELP_FIELDS, "", "");
	for (size_t s = 0; s < NNOTES; s++) {
		lines[n++] = line("", "", "");
		lines[n++] = line(NOTES[s].title, ":", "");
		for (size_t i = 0; i < NOTES[s].n; i++)
			lines[n++] = line("  ", NOTES[s].notes[i], "");
	}
	lines[n] = NULL;
	for (size_t i = 0; i < n; i++)
		lines[i] = shown_line(lines[i], ascii);
	return lines;
}

const char *
actions_help_section(unsigned ctx)
{
	for (size_t s = 0; s < sizeof SECTIONS / sizeof *SECTIONS; s++)
		if (SECTIONS[s].ctx & ctx & ~(unsigned)(CTX_GLOBAL | CTX_LIST))
			return SECTIONS[s].title;
	return NULL;
}

void
actions_free_lines(char **lines)
{
	for (size_t i = 0; lines && lines[i]; i++)
		free(lines[i]);
	free(lines);
}

/* roff needs a backslash before a leading dot or quote, and "\-" for -. */
static void
roff_text(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (*s == '-')
			fputs("\\-", f);
		else if (*s == '\\')
			fputs("\\e", f);
		else
			fputc(*s, f);
	}
}

void
actions_roff(FILE *f)
{
	for (size_t s = 0; s < sizeof SECTIONS / sizeof *SECTIONS; s++) {
		fputs(".SS ", f);
		roff_text(f, SECTIONS[s].title);
		fputc('\n', f);
		for (int a = 0; a < ACT_COUNT; a++) {
			const struct tui_action_def *d = &DEFS[a];
			if (section_of(d) != s)
				continue;
			fputs(".TP\n.B ", f);
			roff_text(f, d->keys);
			fputc('\n', f);
			roff_text(f, d->help);
			if (d->edits)
				roff_text(f, HELP_READ_ONLY);
			fputc('\n', f);
		}
	}
	fputs(".PP\n", f);
	roff_text(f, HELP_FIELDS);
	fputc('\n', f);
	for (size_t s = 0; s < NNOTES; s++) {
		fputs(".SS ", f);
		roff_text(f, NOTES[s].title);
		fputc('\n', f);
		for (size_t i = 0; i < NOTES[s].n; i++) {
			fputs(".PP\n", f);
			roff_text(f, NOTES[s].notes[i]);
			fputc('\n', f);
		}
	}
}
