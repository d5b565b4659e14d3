/* The kinds of sheet import reads and export writes, and their columns
 * (man 1 ntm, IMPORT). Headers are matched folded, so "Mã chỉ tiêu",
 * "ma chi tieu", "MA_CHI_TIEU" and the English "code" are one column. */
#include "columns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/io.h"
#include "ntm/text.h"

#define N(a) ((int)(sizeof a / sizeof *a))

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
	{SF_STT, "STT", "number|số", true, false},
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
	size_t n = 0;
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
	return NULL;
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
