/* The kinds of sheet import reads and export writes, and their columns
 * (man 1 ntm, IMPORT). Headers are matched folded, so "Mã chỉ tiêu",
 * "ma chi tieu", "MA_CHI_TIEU" and the English "code" are one column; a
 * unit in parentheses after the name is no part of it ("Giá trị (%)").
 * A row-number column ("STT", "TT", "Số TT") is read in every kind: the
 * tasks' own number, ignored elsewhere. A sheet's header is the first
 * row, among its first IO_HEADER_ROWS non-empty ones, that holds a
 * kind's needed columns; a title block above it is not read. */
#include "columns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/text.h"

#define N(a) ((int)(sizeof a / sizeof *a))

/* what a row-number column is called */
#define ROW_NUMBER "stt|tt|số tt|số thứ tự"
/* a row-number column in a kind without one: read, never used */
static const struct io_kind_col ROWNO = {SF_STT, "STT", ROW_NUMBER, true,
					 false};

static const struct io_kind_col PLAN[] = {
	{SF_NUMBER, "Số kế hoạch", "number|số|số hiệu", false, false},
	{SF_YEAR, "Năm", "year", true, false},
	{SF_ISSUED, "Ngày ban hành", "issued|issued on|ngày", false, true},
	{SF_TITLE, "Tên kế hoạch", "title|tiêu đề", false, false},
	{SF_SIGNER, "Người ký", "signer", false, false},
};
static const struct io_kind_col TARGETS[] = {
	{SF_CODE, "Mã chỉ tiêu", "code|mã", false, false},
	{SF_TARGET, "Chỉ tiêu kế hoạch", "target|chỉ tiêu", false, false},
	/* filled for the plan's own indicators only */
	{SF_IND_NAME, "Tên chỉ tiêu riêng", "name|tên chỉ tiêu", false, false},
	{SF_KIND, "Loại", "kind", false, false},
	{SF_UNIT, "Đơn vị", "unit", false, false},
};
static const struct io_kind_col VALUES[] = {
	{SF_CODE, "Mã chỉ tiêu", "code|mã", false, false},
	{SF_VALUE, "Giá trị", "value", true, false},
	{SF_DATE, "Ngày", "date|as of|ngày đo", false, true},
	{SF_NOTE, "Ghi chú", "note|nguồn", false, false},
};
static const struct io_kind_col TASKS[] = {
	{SF_STT, "STT", "number|số|" ROW_NUMBER, true, false},
	{SF_SECTOR, "Lĩnh vực", "sector", false, false},
	{SF_TITLE, "Nhiệm vụ", "title|task|tên nhiệm vụ", false, false},
	{SF_RESPONSIBLE, "Phụ trách", "responsible|người phụ trách", false, false},
	{SF_DUE, "Hạn", "due|hạn hoàn thành|thời hạn", false, true},
	{SF_STATUS, "Trạng thái", "status", false, false},
	{SF_PROGRESS, "Tiến độ", "progress|tiến độ (%)", true, false},
	{SF_ISSUE, "Vướng mắc", "issue|khó khăn|khó khăn, vướng mắc", false, false},
	{SF_PROPOSAL, "Đề xuất", "proposal|kiến nghị", false, false},
	{SF_NOTE, "Ghi chú", "note", false, false},
	{SF_DETAIL, "Nội dung", "detail|mô tả", false, false},
};
static const struct io_kind_col ITEMS[] = {
	{SF_VILLAGE, "Thôn", "village|khu dân cư", false, false},
	{SF_ITEM, "Việc", "item|mục|nội dung", false, false},
	{SF_DONE, "Xong", "done|đã xong", false, false},
	{SF_DATE, "Ngày", "date|ngày xong", false, true},
	{SF_NOTE, "Ghi chú", "note", false, false},
};

/* Money (man 1 ntm, IMPORT): Loại is "tổng mức", "kế hoạch vốn" or an
 * entry's kind (model_fund_kind_read); Nhiệm vụ is written for people and
 * only checked loosely against the task of that STT. */
static const struct io_kind_col FUND[] = {
	{SF_STT, "STT", "task number|số nhiệm vụ|" ROW_NUMBER, true, false},
	{SF_TITLE, "Nhiệm vụ", "task|title|tên nhiệm vụ|công trình|tên công trình",
	 false, false},
	{SF_KIND, "Loại", "kind|type|loại vốn|loại khoản", false, false},
	{SF_SOURCE, "Nguồn", "source|nguồn vốn", false, false},
	{SF_AMOUNT, "Số tiền", "amount|thành tiền", true, false},
	{SF_DATE, "Ngày", "date|ngày chứng từ", false, true},
	{SF_DOC, "Số chứng từ", "doc|document|chứng từ", false, false},
	{SF_NOTE, "Ghi chú", "note|lý do|diễn giải", false, false},
};

static const struct io_sheet_kind KINDS[STORE_ROW_KINDS] = {
	{STORE_ROW_PLAN, "plan", "kế hoạch", "Kế hoạch", "ke-hoach.csv",
	 PLAN, N(PLAN), {SF_NUMBER, SF_YEAR}},
	{STORE_ROW_TARGET, "targets", "target|chỉ tiêu kế hoạch|chỉ tiêu",
	 "Chỉ tiêu KH", "chi-tieu-ke-hoach.csv", TARGETS, N(TARGETS),
	 {SF_CODE, SF_TARGET}},
	{STORE_ROW_VALUE, "measurements", "measurement|values|value|giá trị",
	 "Giá trị", "gia-tri.csv", VALUES, N(VALUES), {SF_CODE, SF_VALUE}},
	{STORE_ROW_TASK, "tasks", "task|nhiệm vụ", "Nhiệm vụ", "nhiem-vu.csv",
	 TASKS, N(TASKS), {SF_SECTOR, SF_TITLE}},
	{STORE_ROW_ITEM, "checklist", "checklists|danh mục|danh mục thôn|thôn",
	 "Danh mục thôn", "danh-muc-thon.csv", ITEMS, N(ITEMS),
	 {SF_VILLAGE, SF_ITEM}},
	{STORE_ROW_FUND, "fund", "vốn|money|funds", "Vốn", "von.csv", FUND,
	 N(FUND), {SF_KIND, SF_AMOUNT}},
};

const struct io_sheet_kind *
io_kind_at(int i)
{
	return i >= 0 && i < STORE_ROW_KINDS ? &KINDS[i] : NULL;
}

/* s folded, without blanks, '_' and '-': the key names are compared by;
 * in buf ("" when s is no text). */
static const char *
key_of(const char *s, char *buf, size_t size)
{
	char *fold = text_fold(s ? s : "");
	size_t n = 0, end = fold ? strlen(fold) : 0;
	/* "giá trị (%)": the unit dropped when a name is left */
	while (end && strchr(" \t\r\n", fold[end - 1]))
		end--;
	char *open = end && fold[end - 1] == ')' ? strrchr(fold, '(') : NULL;
	if (open && open > fold && strspn(fold, " \t\r\n(") < (size_t)(open - fold))
		*open = '\0';
	for (const char *p = fold ? fold : ""; *p && n + 1 < size; p++)
		if (!strchr(" \t\r\n_-", *p))
			buf[n++] = *p;
	buf[n] = '\0';
	free(fold);
	return buf;
}

/* Whether one of the '|'-separated names of list has key `want`. */
static bool
named(const char *list, const char *want)
{
	char one[128], key[128];
	while (list && *list) {
		size_t len = strcspn(list, "|");
		snprintf(one, sizeof one, "%.*s", (int)len, list);
		if (strcmp(key_of(one, key, sizeof key), want) == 0)
			return true;
		list += len + (list[len] == '|');
	}
	return false;
}

const struct io_sheet_kind *
io_kind_read(const char *word)
{
	char key[128];
	key_of(word, key, sizeof key);
	for (int i = 0; i < STORE_ROW_KINDS; i++)
		if (named(KINDS[i].word, key) || named(KINDS[i].words, key))
			return &KINDS[i];
	return NULL;
}

const char *
io_import_kind(const char *typed)
{
	const struct io_sheet_kind *k = typed ? io_kind_read(typed) : NULL;
	return k ? k->word : NULL;
}

const struct io_kind_col *
io_kind_column(const struct io_sheet_kind *k, const char *header)
{
	char key[128];
	if (!*key_of(header, key, sizeof key))
		return NULL;
	for (int i = 0; i < k->ncols; i++)
		if (named(k->cols[i].title, key) || named(k->cols[i].names, key))
			return &k->cols[i];
	return named(ROWNO.names, key) && !io_kind_field(k, SF_STT) ? &ROWNO
		: NULL;
}

const struct io_kind_col *
io_kind_field(const struct io_sheet_kind *k, enum store_field f)
{
	for (int i = 0; i < k->ncols; i++)
		if (k->cols[i].field == f)
			return &k->cols[i];
	return NULL;
}

const char *
io_kind_needs(const struct io_sheet_kind *k, char *buf, int size)
{
	snprintf(buf, (size_t)size, "%s (%s, %s)", k->word,
		 io_kind_field(k, k->need[0])->title,
		 io_kind_field(k, k->need[1])->title);
	return buf;
}

static const char *
at(const struct io_sheet *s, int r, int c)
{
	const char *t = s->cell[(size_t)r * (size_t)s->ncols + (size_t)c];
	return t && t[strspn(t, " \t\r\n")] ? t : NULL;
}

/* Whether row r holds both columns that tell kind k. */
static bool
fits(const struct io_sheet_kind *k, const struct io_sheet *s, int r)
{
	bool has[2] = {false, false};
	for (int c = 0; c < s->ncols; c++) {
		const struct io_kind_col *hit = io_kind_column(k, at(s, r, c));
		for (int j = 0; hit && j < 2; j++)
			has[j] |= hit->field == k->need[j];
	}
	return has[0] && has[1];
}

/* The last non-empty column of row r, + 1. */
static int
width(const struct io_sheet *s, int r)
{
	int w = s->ncols;
	while (w > 0 && !at(s, r, w - 1))
		w--;
	return w;
}

bool
io_kind_header(const struct io_sheet *s, const char *kind, int *row)
{
	int first = s->nrows, seen = 0;
	for (int r = 0; r < s->nrows && seen < IO_HEADER_ROWS; r++) {
		if (!width(s, r))
			continue;
		if (first == s->nrows)
			first = r;
		seen++;
		for (int i = 0; i < STORE_ROW_KINDS; i++)
			if ((!kind || strcmp(kind, KINDS[i].word) == 0) &&
			    fits(&KINDS[i], s, r)) {
				*row = r;
				return true;
			}
	}
	*row = first;
	return false;
}

const char *
io_kind_row_wide(const struct io_sheet *s, int header, int r, struct arena *a)
{
	int hw = width(s, header), w = width(s, r);
	if (s->xlsx || w <= hw)
		return NULL;
	char buf[256];
	snprintf(buf, sizeof buf, MSG_SHEET_WIDE, s->line ? s->line[r] : r + 1,
		 w, hw, s->sep == ';' ? TXT_SHEET_SEMICOLON : s->sep == '\t'
		 ? TXT_SHEET_TAB : TXT_SHEET_COMMA);
	return arena_strdup(a, buf);
}

const char *
io_sheets_files(const struct io_sheet *const *sheets, int n, struct arena *a)
{
	size_t len = 0;
	for (int i = 0; i < n; i++)
		len += strlen(sheets[i]->file) + 2;
	char *out = arena_alloc(a, len + 2), *o = out;
	*o = '\0';
	for (int i = 0; i < n; i++)
		if (i == 0 || strcmp(sheets[i]->file, sheets[i - 1]->file) != 0)
			o += sprintf(o, "%s%s", o > out ? ", " : "", sheets[i]->file);
	return n ? out : "-";
}
