/* What the tabs share: their rows, and the words of a task's status. */
#include "tabs.h"

#include <stdlib.h>
#include <string.h>

/* User-visible texts of this file. */
static const char *const TASK_STATUS[][2] = {
	{"chua_bat_dau", "chưa bắt đầu"}, {"dang_thuc_hien", "đang thực hiện"},
	{"hoan_thanh", "hoàn thành"}, {"tam_dung", "tạm dừng"},
};

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

const struct row *
tab_selected(struct tab *t)
{
	return t->list.sel >= 0 && t->list.sel < t->nrows ? &t->rows[t->list.sel] : NULL;
}

const char *
task_status_label(const char *word)
{
	for (size_t i = 0; i < sizeof TASK_STATUS / sizeof *TASK_STATUS; i++)
		if (word && strcmp(word, TASK_STATUS[i][0]) == 0)
			return TASK_STATUS[i][1];
	return word ? word : "";
}

bool
task_overdue(const struct store_task *t, const char *today)
{
	return t->due && *t->due && strcmp(t->due, today) < 0 &&
	       strcmp(t->status, "hoan_thanh") != 0;
}
