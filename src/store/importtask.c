/* ntm import's task rows: a task of the plan updated (by its STT, else
 * its sector and title) or added, by the rules of the task commands. */
#include "import.h"
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

/* ---- tasks ------------------------------------------------------------- */

static const char SQL_IMP_TASK[] =
	"SELECT id, number, title, responsible, due, note, status, progress, "
	"issue, proposal, detail, (SELECT code || char(31) || name FROM sector "
	"WHERE id = sector_id) FROM task WHERE plan_id = ?1 AND ";

/* The plan's task numbered stt (> 0), else the sector's task titled
 * title; false when none. */
static bool
find_task(struct store *st, struct imp *x, int stt, const char *sector_id,
	  const char *title, struct store_task *out)
{
	char sql[256];
	snprintf(sql, sizeof sql, "%s%s", SQL_IMP_TASK,
		 stt > 0 ? "number = ?2" : "sector_id = ?2 AND title = ?3");
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, NULL))
		return false;
	store_bind_text(s, 1, x->plan_id);
	if (stt > 0) {
		sqlite3_bind_int(s, 2, stt);
	} else {
		store_bind_text(s, 2, sector_id);
		store_bind_text(s, 3, title);
	}
	bool found = sqlite3_step(s) == SQLITE_ROW;
	if (found) {
		*out = (struct store_task){.number = sqlite3_column_int(s, 1)};
		snprintf(out->id, sizeof out->id, "%s", store_col_text(s, 0));
		struct store_task *t = out;
		t->title = arena_strdup(x->a, store_col_text(s, 2));
		t->responsible = arena_strdup(x->a, store_col_text(s, 3));
		t->due = arena_strdup(x->a, store_col_text(s, 4));
		t->note = arena_strdup(x->a, store_col_text(s, 5));
		model_task_status_parse(store_col_text(s, 6), &t->status);
		t->progress = sqlite3_column_int(s, 7);
		out->issue = arena_strdup(x->a, store_col_text(s, 8));
		out->proposal = arena_strdup(x->a, store_col_text(s, 9));
		out->detail = arena_strdup(x->a, store_col_text(s, 10));
		/* its sector: "code\x1fname" (the code compared, the name said) */
		out->sector_code = arena_strdup(x->a, store_col_text(s, 11));
	}
	sqlite3_finalize(s);
	return found;
}

/* The fields of a task row, checked. */
struct task_in {
	int stt, progress;
	const char *sector_id, *sector_code, *title;
	struct store_task_edit edit;
	struct store_task clean;     /* as a new task would be stored */
};

static bool
read_task(struct store *st, struct imp *x, int i, struct task_in *in)
{
	const char *const *f = x->rows[i].f;
	struct ntm_error re = {0};
	*in = (struct task_in){.progress = STORE_PROGRESS_KEEP};
	if (imp_blank(f[SF_SECTOR]))
		return imp_bad(x, i, SF_SECTOR, MSG_IMP_NEEDS, TXT_IMP_SECTOR);
	if (store_sector_lookup(st, f[SF_SECTOR], x->a, &in->sector_id,
				&in->sector_code, &re))
		return imp_bad(x, i, SF_SECTOR, "%s", re.msg);
	if (imp_given(f[SF_STT]) && !imp_int(f[SF_STT], 1, 999999, &in->stt))
		return imp_bad(x, i, SF_STT, MSG_IMP_STT, f[SF_STT]);
	if (imp_given(f[SF_PROGRESS]) && !imp_int(f[SF_PROGRESS], 0, 100, &in->progress))
		return imp_bad(x, i, SF_PROGRESS, MSG_IMP_PROGRESS, f[SF_PROGRESS]);
	in->edit = (struct store_task_edit){
		.title = imp_given(f[SF_TITLE]), .responsible = imp_given(f[SF_RESPONSIBLE]),
		.due = imp_given(f[SF_DUE]), .note = imp_given(f[SF_NOTE]),
		.status = imp_given(f[SF_STATUS]), .progress = in->progress,
		.issue = imp_given(f[SF_ISSUE]), .proposal = imp_given(f[SF_PROPOSAL]),
		.detail = imp_given(f[SF_DETAIL])};
	if (!in->edit.title && in->stt == 0)
		return imp_bad(x, i, SF_TITLE, MSG_IMP_NEEDS, TXT_IMP_TASK_TITLE);
	/* Every field given, by the rules of a task (a title for the check
	 * when the row leaves it to the task's number): each alone first, so
	 * that a refusal names its cell, then together. */
	struct store_task_edit check = in->edit;
	if (!check.title)
		check.title = "-";
	static const enum store_field one[] = {SF_RESPONSIBLE, SF_DUE, SF_NOTE,
					       SF_STATUS, SF_ISSUE, SF_PROPOSAL,
					       SF_DETAIL};
	for (size_t k = 0; k < sizeof one / sizeof *one; k++) {
		struct store_task_edit alone = {.title = check.title,
						.progress = STORE_PROGRESS_KEEP};
		const char **field[] = {&alone.responsible, &alone.due, &alone.note,
					&alone.status, &alone.issue, &alone.proposal,
					&alone.detail};
		*field[k] = imp_given(f[one[k]]);
		if (*field[k] && store_task_check_new(x->a, &alone, &in->clean, &re))
			return imp_bad(x, i, one[k], "%s", re.msg);
	}
	struct store_task_edit title = {.title = check.title,
					.progress = STORE_PROGRESS_KEEP};
	if (store_task_check_new(x->a, &title, &in->clean, &re))
		return imp_bad(x, i, SF_TITLE, "%s", re.msg);
	if (store_task_check_new(x->a, &check, &in->clean, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	in->title = in->edit.title ? in->clean.title : NULL;
	return true;
}

static bool
insert_task(struct store *st, struct imp *x, int i, const struct task_in *in)
{
	struct ntm_error re = {0};
	sqlite3_stmt *s;
	int number;
	const struct store_task *t = &in->clean;
	if (store_task_take_number(st, x->plan_id, in->stt, &number, &re) ||
	    !(s = imp_prepare(st, &re, "INSERT INTO task(id, plan_id, sector_id, "
			      "title, responsible, due, note, status, progress, "
			      "issue, proposal, number, detail, ord) SELECT ntm_id(), "
			      "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
			      "coalesce(max(ord), 0) + 1 FROM task WHERE plan_id = "
			      "?1 AND sector_id = ?2", 3, x->plan_id, in->sector_id,
			      t->title)))
		return imp_bad(x, i, -1, "%s", re.msg);
	store_bind_text(s, 4, t->responsible && *t->responsible ? t->responsible : NULL);
	store_bind_text(s, 5, t->due && *t->due ? t->due : NULL);
	store_bind_text(s, 6, t->note && *t->note ? t->note : NULL);
	store_bind_text(s, 7, model_task_status_code(t->status));
	sqlite3_bind_int(s, 8, t->progress);
	store_bind_text(s, 9, t->issue && *t->issue ? t->issue : NULL);
	store_bind_text(s, 10, t->proposal && *t->proposal ? t->proposal : NULL);
	sqlite3_bind_int(s, 11, number);
	store_bind_text(s, 12, t->detail && *t->detail ? t->detail : NULL);
	if (store_step_done(st, s, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	x->out->tasks_added++;
	imp_change(x, TXT_IMP_TASK_ADD, number, t->title);
	return true;
}


/* One more "field old → new" to what changes, in buf (len used). */
static void said(char *buf, size_t size, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
said(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	if (*len + 3 >= size)
		return;
	if (*len) {
		memcpy(buf + *len, "; ", 3);
		*len += 2;
	}
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	*len += n > 0 ? (size_t)n : 0;
	if (*len >= size)
		*len = size - 1;
}

static const char *
nz(const char *s)
{
	return s ? s : "";
}

/* "sửa nhiệm vụ #5: tiến độ 0 → 40%; vướng mắc": what an update changes. */
static void
say_task_edit(struct imp *x, const struct store_task *cur,
	      const struct store_task *t)
{
	char buf[900] = "", old[16], new[16], od[11], nd[11];
	size_t len = 0;
	if (!imp_same_text(t->title, cur->title))
		said(buf, sizeof buf, &len, TXT_IMP_TASK_F_TITLE, nz(cur->title), nz(t->title));
	if (!imp_same_text(t->responsible, cur->responsible))
		said(buf, sizeof buf, &len, TXT_IMP_TASK_F_RESP, nz(cur->responsible),
		     nz(t->responsible));
	if (!imp_same_text(t->due, cur->due)) {
		model_date_dmy(cur->due, od);
		model_date_dmy(t->due, nd);
		said(buf, sizeof buf, &len, TXT_IMP_TASK_F_DUE, *od ? od : TXT_IMP_NONE,
		     *nd ? nd : TXT_IMP_NONE);
	}
	if (t->status != cur->status)
		said(buf, sizeof buf, &len, TXT_IMP_TASK_F_STATUS,
		     model_task_status_label(cur->status),
		     model_task_status_label(t->status));
	snprintf(old, sizeof old, "%d", cur->progress);
	snprintf(new, sizeof new, "%d", t->progress);
	if (t->progress != cur->progress)
		said(buf, sizeof buf, &len, TXT_IMP_TASK_F_PROGRESS, old, new);
	static const char *const what[] = {TXT_IMP_TASK_F_NOTE, TXT_IMP_TASK_F_ISSUE,
					   TXT_IMP_TASK_F_PROPOSAL,
					   TXT_IMP_TASK_F_DETAIL};
	const char *was[] = {cur->note, cur->issue, cur->proposal, cur->detail};
	const char *now[] = {t->note, t->issue, t->proposal, t->detail};
	for (int k = 0; k < 4; k++)
		if (!imp_same_text(was[k], now[k]))
			said(buf, sizeof buf, &len, "%s", what[k]);
	imp_change(x, TXT_IMP_TASK_EDIT, cur->number, t->title, buf);
}

/* The given fields over the task, status and progress kept in agreement
 * by the model's rule (a field counts as chosen when it differs). */
static bool
update_task(struct store *st, struct imp *x, int i, const struct task_in *in,
	    const struct store_task *cur)
{
	struct store_task t = *cur;
	const struct store_task *c = &in->clean;
	const char *issue = t.issue = in->edit.issue ? c->issue : cur->issue;
	const char *proposal = t.proposal = in->edit.proposal ? c->proposal
		: cur->proposal;
	const char *detail = t.detail = in->edit.detail ? c->detail : cur->detail;
	enum ntm_task_status status = t.status;
	if (in->edit.status)
		model_task_status_read(in->edit.status, &status);
	bool status_given = in->edit.status && status != t.status;
	bool progress_given = in->progress != STORE_PROGRESS_KEEP &&
			      in->progress != t.progress;
	t.status = status;
	if (in->progress != STORE_PROGRESS_KEEP)
		t.progress = in->progress;
	const char *why = model_task_reconcile(&t.status, status_given, &t.progress,
					       progress_given);
	if (why)
		return imp_bad(x, i, -1, "%s", why);
	if (in->title)
		t.title = c->title;
	if (in->edit.responsible)
		t.responsible = c->responsible;
	if (in->edit.due)
		t.due = c->due;
	if (in->edit.note)
		t.note = c->note;
	if (imp_same_text(t.title, cur->title) &&
	    imp_same_text(t.responsible, cur->responsible) &&
	    imp_same_text(t.due, cur->due) && imp_same_text(t.note, cur->note) &&
	    imp_same_text(issue, cur->issue) && imp_same_text(proposal, cur->proposal) &&
	    imp_same_text(detail, cur->detail) &&
	    t.status == cur->status && t.progress == cur->progress) {
		x->out->same++;
		return true;
	}
	sqlite3_stmt *s;
	struct ntm_error re = {0};
	if (store_prepare(st, "UPDATE task SET title = ?2, responsible = ?3, "
			  "due = ?4, note = ?5, status = ?6, progress = ?7, "
			  "issue = ?8, proposal = ?9, detail = ?10, "
			  "version = version + 1 "
			  "WHERE id = ?1", &s, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	const char *text[] = {cur->id, t.title, t.responsible, t.due, t.note,
			      model_task_status_code(t.status)};
	for (int k = 0; k < 6; k++)
		store_bind_text(s, k + 1, text[k] && *text[k] ? text[k] : NULL);
	sqlite3_bind_int(s, 7, t.progress);
	store_bind_text(s, 8, issue && *issue ? issue : NULL);
	store_bind_text(s, 9, proposal && *proposal ? proposal : NULL);
	store_bind_text(s, 10, detail && *detail ? detail : NULL);
	if (store_step_done(st, s, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	x->out->tasks_updated++;
	say_task_edit(x, cur, &t);
	return true;
}

bool
imp_task_row(struct store *st, struct imp *x, int i)
{
	struct task_in in;
	struct store_task cur = {0};
	if (!imp_need_plan(st, x, i) || !read_task(st, x, i, &in))
		return false;
	bool found = (in.stt > 0 && find_task(st, x, in.stt, NULL, NULL, &cur)) ||
		     (in.title && find_task(st, x, 0, in.sector_id, in.title, &cur));
	size_t code_len = found && cur.sector_code
		? strcspn(cur.sector_code, "\x1f") : 0;
	if (found && (strlen(in.sector_code) != code_len ||
		      strncmp(cur.sector_code, in.sector_code, code_len) != 0))
		return imp_bad(x, i, SF_SECTOR, MSG_IMP_SECTOR_CHANGE, cur.number,
			       cur.sector_code + code_len + (cur.sector_code[code_len] != 0),
			       x->rows[i].f[SF_SECTOR]);
	if (found)
		return update_task(st, x, i, &in, &cur);
	if (!in.title)
		return imp_bad(x, i, SF_TITLE, MSG_IMP_NEEDS, TXT_IMP_TASK_TITLE);
	return insert_task(st, x, i, &in);
}
