/* A spreadsheet's rows applied to the commune (ntm import): a plan, its
 * targets, values, tasks and village checklists, all in one audited
 * action, every row checked by the rules the other commands use and every
 * refusal collected with the row and field it is about, so that the
 * reader (io) can name the cell. Any refusal, or a dry run, rolls the
 * whole action back. */
#include "internal.h"
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

enum { ITEM_TITLE_MAX = 200 };   /* checklist.c's rule for an item's title */

/* One import under way. */
struct imp {
	struct arena *a;
	const struct store_import_row *rows;
	int n;
	bool dry, force, dry_done;
	struct store_import_result *out;
	size_t cap_changes, cap_errors;
	char plan_id[STORE_ID_LEN];   /* where targets and tasks go; "" none */
	char today[11];
};

static bool
blank(const char *s)
{
	if (!s)
		return true;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	return *s == '\0';
}

/* The text of a cell given, or NULL for an empty one. */
static const char *
given(const char *s)
{
	return blank(s) ? NULL : s;
}

static void change(struct imp *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
change(struct imp *x, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	struct store_import_result *o = x->out;
	o->changes = arena_grow(x->a, o->changes, (size_t)o->nchanges,
				&x->cap_changes, sizeof *o->changes);
	o->changes[o->nchanges++] = arena_strdup(x->a, buf);
}

/* Records a refusal of row i (field: the column at fault, -1: the row);
 * returns false for the handlers' early exits. */
static bool bad(struct imp *x, int i, int field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static bool
bad(struct imp *x, int i, int field, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	struct store_import_result *o = x->out;
	o->errors = arena_grow(x->a, o->errors, (size_t)o->nerrors,
			       &x->cap_errors, sizeof *o->errors);
	o->errors[o->nerrors++] = (struct store_import_error){
		.row = i, .field = field, .msg = arena_strdup(x->a, buf)};
	return false;
}

/* A whole number lo..hi, a % after it allowed (progress), a ".0" after
 * it too (a workbook's number cell). */
static bool
read_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	while (*s == ' ')
		s++;
	double v = strtod(s, &end);
	while (*end == ' ' || *end == '%')
		end++;
	if (end == s || *end || v != (double)(long)v || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* ---- plan ------------------------------------------------------------------ */

/* The commune's plan of that year and number (compared as plans are), or
 * false. */
static bool
plan_of(struct store *st, int year, const char *number, char id[STORE_ID_LEN])
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id FROM plan WHERE unit_id = ?1 AND year = ?2 "
			  "AND ntm_plan_key(number) = ntm_plan_key(?3)", &s, NULL))
		return false;
	store_bind_text(s, 1, st->commune_id);
	sqlite3_bind_int(s, 2, year);
	store_bind_text(s, 3, number);
	bool found = sqlite3_step(s) == SQLITE_ROW;
	if (found)
		snprintf(id, STORE_ID_LEN, "%s", store_col_text(s, 0));
	sqlite3_finalize(s);
	return found;
}

static bool
plan_row(struct store *st, struct imp *x, int i)
{
	const char *const *f = x->rows[i].f;
	struct ntm_error re = {0};
	int year = 0;
	if (blank(f[SF_NUMBER]))
		return bad(x, i, SF_NUMBER, MSG_IMP_NEEDS, TXT_IMP_PLAN_NUMBER);
	if (blank(f[SF_YEAR]))
		return bad(x, i, SF_YEAR, MSG_IMP_NEEDS, TXT_IMP_YEAR);
	if (!read_int(f[SF_YEAR], 1, 9999, &year))
		return bad(x, i, SF_YEAR, MSG_IMP_YEAR, f[SF_YEAR]);
	if (plan_of(st, year, f[SF_NUMBER], x->plan_id)) {
		x->out->same++;
		return true;
	}
	char title[600];
	struct store_plan_fields pf = {
		.year = year, .number = f[SF_NUMBER], .issued_on = given(f[SF_ISSUED]),
		.signer = given(f[SF_SIGNER]),
		.title = given(f[SF_TITLE]) ? f[SF_TITLE]
			: model_plan_default_title(st->commune_name, year, title,
						   sizeof title)};
	struct store_plan_clean c;
	if (store_plan_clean_fields(st, x->a, &pf, true, &c, &re) ||
	    store_plan_insert(st, x->a, &c, x->plan_id, &re))
		return bad(x, i, -1, "%s", re.msg);
	x->out->plans++;
	change(x, TXT_IMP_PLAN, c.number, year);
	return true;
}

/* ---- targets and values ----------------------------------------------------- */

/* The indicator row i names, or false after a refusal. */
static bool
indicator_of(struct store *st, struct imp *x, int i,
	     struct store_indicator_ref *ref)
{
	const char *code = x->rows[i].f[SF_CODE];
	struct ntm_error re = {0};
	if (blank(code))
		return bad(x, i, SF_CODE, MSG_IMP_NEEDS, TXT_IMP_CODE);
	if (store_indicator_find(st, code, ref, &re))
		return bad(x, i, SF_CODE, "%s", re.msg);
	return true;
}

static bool
need_plan(struct store *st, struct imp *x, int i)
{
	return x->plan_id[0] ? true
		: bad(x, i, -1, MSG_IMP_NO_PLAN, st->commune_name);
}

/* A plan's own indicator the row describes (code, name, kind, unit),
 * added to the plan as plan text's [Chỉ tiêu riêng] adds it. */
static bool
own_indicator(struct store *st, struct imp *x, int i,
	      struct store_indicator_ref *ref)
{
	const char *const *f = x->rows[i].f;
	struct ntm_error re = {0};
	const char *code = f[SF_CODE];
	size_t digits = strspn(code, "0123456789");
	if (blank(f[SF_KIND]))
		return bad(x, i, SF_KIND, MSG_IMP_NEEDS, TXT_IMP_KIND);
	if (!model_kind_read(f[SF_KIND], &ref->kind))
		return bad(x, i, SF_KIND, MSG_IMP_KIND, f[SF_KIND]);
	if (digits == 0 || digits > 3 || code[digits] != '.' || !code[digits + 1] ||
	    strlen(code) >= sizeof ref->code)
		return bad(x, i, SF_CODE, MSG_IMP_OWN_CODE, code);
	const char *name = store_clean_line(x->a, f[SF_IND_NAME], STORE_MAX_INDICATOR,
					    TXT_IMP_IND_NAME, &re);
	const char *unit = name ? store_clean_line(x->a, f[SF_UNIT] ? f[SF_UNIT] : "",
						   STORE_MAX_UNIT_LABEL, TXT_IMP_UNIT,
						   &re) : NULL;
	if (!name || !unit)
		return bad(x, i, name ? SF_UNIT : SF_IND_NAME, "%s", re.msg);
	ref->cmp = ref->kind == NTM_KIND_BOOL ? NTM_CMP_EQ : NTM_CMP_GE;
	snprintf(ref->code, sizeof ref->code, "%s", code);
	snprintf(ref->name, sizeof ref->name, "%s", name);
	store_new_id(ref->id);
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT INTO indicator(id, criterion_id, code, name, "
			  "kind, comparator, target, unit_label, source, verified, "
			  "plan_id, ord) SELECT ?1, c.id, ?2, ?3, ?4, ?5, NULL, ?6, "
			  "(SELECT ?7 || number FROM plan WHERE id = ?8), 1, ?8, "
			  "(SELECT 101 + count(*) FROM indicator o WHERE o.plan_id = ?8 "
			  "AND o.criterion_id = c.id) FROM criterion c WHERE c.set_id = "
			  SQL_SET_OF_PLAN("?8") " AND c.number = ?9", &s, &re))
		return bad(x, i, -1, "%s", re.msg);
	const char *text[] = {ref->id, code, name, model_kind_word(ref->kind),
			      model_cmp_word(ref->cmp), *unit ? unit : NULL,
			      TXT_IMP_OWN_SOURCE, x->plan_id};
	for (int k = 0; k < 8; k++)
		store_bind_text(s, k + 1, text[k]);
	sqlite3_bind_int(s, 9, atoi(code));
	if (store_step_done(st, s, &re))
		return bad(x, i, -1, "%s", re.msg);
	if (sqlite3_changes(st->db) == 0)
		return bad(x, i, SF_CODE, MSG_IMP_OWN_CRITERION, atoi(code), code);
	change(x, TXT_IMP_OWN_ADD, code, name);
	return true;
}

static bool
target_row(struct store *st, struct imp *x, int i)
{
	const char *const *f = x->rows[i].f;
	struct store_indicator_ref ref;
	if (!need_plan(st, x, i))
		return false;
	if (!given(f[SF_IND_NAME]) ? !indicator_of(st, x, i, &ref)
	    : store_indicator_find(st, f[SF_CODE], &ref, NULL) != NTM_OK &&
	      !own_indicator(st, x, i, &ref))
		return false;
	if (blank(f[SF_TARGET]))
		return bad(x, i, SF_TARGET, MSG_IMP_NEEDS, TXT_IMP_TARGET);
	struct ntm_target t = {.set = true, .cmp = ref.cmp};
	const char *why = model_parse_target(ref.kind, f[SF_TARGET], &t.cmp, &t.value);
	if (why)
		return bad(x, i, SF_TARGET, "%s", why);
	sqlite3_stmt *s;
	struct ntm_error re = {0};
	if (store_prepare(st, "SELECT comparator = ?3 AND value = ?4 FROM "
			  "plan_target WHERE plan_id = ?1 AND indicator_id = ?2",
			  &s, &re))
		return bad(x, i, -1, "%s", re.msg);
	store_bind_text(s, 1, x->plan_id);
	store_bind_text(s, 2, ref.id);
	store_bind_text(s, 3, model_cmp_word(t.cmp));
	sqlite3_bind_double(s, 4, t.value);
	bool same = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (same) {
		x->out->same++;
		return true;
	}
	if (store_prepare(st, "INSERT INTO plan_target(id, plan_id, indicator_id, "
			  "comparator, value) VALUES (ntm_id(), ?1, ?2, ?3, ?4) "
			  "ON CONFLICT (plan_id, indicator_id) DO UPDATE SET "
			  "comparator = excluded.comparator, value = excluded.value, "
			  "version = version + 1", &s, &re))
		return bad(x, i, -1, "%s", re.msg);
	store_bind_text(s, 1, x->plan_id);
	store_bind_text(s, 2, ref.id);
	store_bind_text(s, 3, model_cmp_word(t.cmp));
	sqlite3_bind_double(s, 4, t.value);
	if (store_step_done(st, s, &re))
		return bad(x, i, -1, "%s", re.msg);
	char shown[64];
	model_format_target(ref.kind, &t, " ", shown, sizeof shown);
	x->out->targets++;
	change(x, TXT_IMP_TARGET_SET, ref.code, shown);
	return true;
}

/* Whether the commune has this value of the indicator on that date. */
static bool
value_known(struct store *st, const char *indicator_id, const char *as_of,
	    double v)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT 1 FROM measurement WHERE indicator_id = ?1 "
			  "AND unit_id = ?2 AND as_of = ?3 AND value = ?4", &s, NULL))
		return false;
	store_bind_text(s, 1, indicator_id);
	store_bind_text(s, 2, st->commune_id);
	store_bind_text(s, 3, as_of);
	sqlite3_bind_double(s, 4, v);
	bool known = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return known;
}

/* Refused, as ntm set refuses it, when v is far from what the indicator
 * usually holds, unless forced. */
static bool
plausible(struct store *st, struct imp *x, int i, const char *indicator_id,
	  double v)
{
	struct store_indicator ind;
	struct ntm_error re = {0};
	char why[512];
	if (x->force)
		return true;
	if (store_indicator_get(st, indicator_id, x->a, &ind, &re))
		return bad(x, i, -1, "%s", re.msg);
	if (model_implausible(&ind.reading, ind.unit_label, v, why, sizeof why))
		return bad(x, i, SF_VALUE, MSG_IMP_IMPLAUSIBLE, why);
	return true;
}

static bool
value_row(struct store *st, struct imp *x, int i)
{
	const char *const *f = x->rows[i].f;
	struct store_indicator_ref ref;
	struct ntm_error re = {0};
	double v;
	char date[11];
	if (!indicator_of(st, x, i, &ref))
		return false;
	if (blank(f[SF_VALUE]))
		return bad(x, i, SF_VALUE, MSG_IMP_NEEDS, TXT_IMP_VALUE);
	const char *why = model_parse_value(ref.kind, f[SF_VALUE], &v);
	if (why)
		return bad(x, i, SF_VALUE, "%s", why);
	if (!given(f[SF_DATE]))
		memcpy(date, x->today, sizeof date);
	else if (model_measurement_date(f[SF_DATE], x->today, date, &re))
		return bad(x, i, SF_DATE, "%s", re.msg);
	const char *note = given(f[SF_NOTE]);
	if (note && !(note = store_clean_note(x->a, note, WHAT_NOTE, &re)))
		return bad(x, i, SF_NOTE, "%s", re.msg);
	if (value_known(st, ref.id, date, v)) {
		x->out->same++;
		return true;
	}
	if (!plausible(st, x, i, ref.id, v))
		return false;
	if (store_measurement_insert(st, ref.id, v, date, note && *note ? note : NULL,
				     &re))
		return bad(x, i, -1, "%s", re.msg);
	char shown[64], dmy[11];
	model_format_quantity(ref.kind, v, shown, sizeof shown);
	model_date_dmy(date, dmy);
	x->out->values++;
	change(x, TXT_IMP_VALUE_SET, ref.code, shown, dmy);
	return true;
}

/* ---- tasks ------------------------------------------------------------------ */

/* A task of the plan as an import compares it. */
struct imp_task {
	char id[STORE_ID_LEN];
	int number;
	struct store_task t;
	const char *issue, *proposal;
};

static const char SQL_IMP_TASK[] =
	"SELECT id, number, title, responsible, due, note, status, progress, "
	"issue, proposal FROM task WHERE plan_id = ?1 AND ";

/* The plan's task numbered stt (> 0), else the sector's task titled
 * title; false when none. */
static bool
find_task(struct store *st, struct imp *x, int stt, const char *sector_id,
	  const char *title, struct imp_task *out)
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
		*out = (struct imp_task){.number = sqlite3_column_int(s, 1)};
		snprintf(out->id, sizeof out->id, "%s", store_col_text(s, 0));
		struct store_task *t = &out->t;
		t->title = arena_strdup(x->a, store_col_text(s, 2));
		t->responsible = arena_strdup(x->a, store_col_text(s, 3));
		t->due = arena_strdup(x->a, store_col_text(s, 4));
		t->note = arena_strdup(x->a, store_col_text(s, 5));
		model_task_status_parse(store_col_text(s, 6), &t->status);
		t->progress = sqlite3_column_int(s, 7);
		out->issue = arena_strdup(x->a, store_col_text(s, 8));
		out->proposal = arena_strdup(x->a, store_col_text(s, 9));
	}
	sqlite3_finalize(s);
	return found;
}

/* The fields of a task row, checked. */
struct task_in {
	int stt, progress;
	const char *sector_id, *sector_code, *title, *issue, *proposal;
	struct store_task_edit edit;
	struct store_task clean;     /* as a new task would be stored */
};

static bool
read_task(struct store *st, struct imp *x, int i, struct task_in *in)
{
	const char *const *f = x->rows[i].f;
	struct ntm_error re = {0};
	*in = (struct task_in){.progress = STORE_PROGRESS_KEEP};
	if (blank(f[SF_SECTOR]))
		return bad(x, i, SF_SECTOR, MSG_IMP_NEEDS, TXT_IMP_SECTOR);
	if (store_sector_lookup(st, f[SF_SECTOR], x->a, &in->sector_id,
				&in->sector_code, &re))
		return bad(x, i, SF_SECTOR, "%s", re.msg);
	if (given(f[SF_STT]) && !read_int(f[SF_STT], 1, 999999, &in->stt))
		return bad(x, i, SF_STT, MSG_IMP_STT, f[SF_STT]);
	if (given(f[SF_PROGRESS]) && !read_int(f[SF_PROGRESS], 0, 100, &in->progress))
		return bad(x, i, SF_PROGRESS, MSG_IMP_PROGRESS, f[SF_PROGRESS]);
	if ((given(f[SF_ISSUE]) &&
	     !(in->issue = store_clean_note(x->a, f[SF_ISSUE], TXT_IMP_ISSUE, &re))) ||
	    (given(f[SF_PROPOSAL]) &&
	     !(in->proposal = store_clean_note(x->a, f[SF_PROPOSAL],
					       TXT_IMP_PROPOSAL, &re))))
		return bad(x, i, given(f[SF_ISSUE]) && !in->issue ? SF_ISSUE
			   : SF_PROPOSAL, "%s", re.msg);
	in->edit = (struct store_task_edit){
		.title = given(f[SF_TITLE]), .responsible = given(f[SF_RESPONSIBLE]),
		.due = given(f[SF_DUE]), .note = given(f[SF_NOTE]),
		.status = given(f[SF_STATUS]), .progress = in->progress};
	if (!in->edit.title && in->stt == 0)
		return bad(x, i, SF_TITLE, MSG_IMP_NEEDS, TXT_IMP_TASK_TITLE);
	/* Every field given, by the rules of a task (a title for the check
	 * when the row leaves it to the task's number). */
	struct store_task_edit check = in->edit;
	if (!check.title)
		check.title = "-";
	if (store_task_check_new(x->a, &check, &in->clean, &re))
		return bad(x, i, -1, "%s", re.msg);
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
	    store_prepare(st, "INSERT INTO task(id, plan_id, sector_id, title, "
			  "responsible, due, note, status, progress, issue, proposal, "
			  "number, ord) SELECT ntm_id(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
			  "?9, ?10, ?11, coalesce(max(ord), 0) + 1 FROM task "
			  "WHERE plan_id = ?1 AND sector_id = ?2", &s, &re))
		return bad(x, i, -1, "%s", re.msg);
	store_bind_text(s, 1, x->plan_id);
	store_bind_text(s, 2, in->sector_id);
	store_bind_text(s, 3, t->title);
	store_bind_text(s, 4, t->responsible && *t->responsible ? t->responsible : NULL);
	store_bind_text(s, 5, t->due && *t->due ? t->due : NULL);
	store_bind_text(s, 6, t->note && *t->note ? t->note : NULL);
	store_bind_text(s, 7, model_task_status_code(t->status));
	sqlite3_bind_int(s, 8, t->progress);
	store_bind_text(s, 9, in->issue && *in->issue ? in->issue : NULL);
	store_bind_text(s, 10, in->proposal && *in->proposal ? in->proposal : NULL);
	sqlite3_bind_int(s, 11, number);
	if (store_step_done(st, s, &re))
		return bad(x, i, -1, "%s", re.msg);
	x->out->tasks_added++;
	change(x, TXT_IMP_TASK_ADD, number, t->title);
	return true;
}

static bool
same_text(const char *p, const char *q)
{
	return strcmp(p ? p : "", q ? q : "") == 0;
}

/* The given fields over the task, status and progress kept in agreement
 * by the model's rule (a field counts as chosen when it differs). */
static bool
update_task(struct store *st, struct imp *x, int i, const struct task_in *in,
	    const struct imp_task *cur)
{
	struct store_task t = cur->t;
	const struct store_task *c = &in->clean;
	const char *issue = in->issue ? in->issue : cur->issue;
	const char *proposal = in->proposal ? in->proposal : cur->proposal;
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
		return bad(x, i, -1, "%s", why);
	if (in->title)
		t.title = c->title;
	if (in->edit.responsible)
		t.responsible = c->responsible;
	if (in->edit.due)
		t.due = c->due;
	if (in->edit.note)
		t.note = c->note;
	if (same_text(t.title, cur->t.title) &&
	    same_text(t.responsible, cur->t.responsible) &&
	    same_text(t.due, cur->t.due) && same_text(t.note, cur->t.note) &&
	    same_text(issue, cur->issue) && same_text(proposal, cur->proposal) &&
	    t.status == cur->t.status && t.progress == cur->t.progress) {
		x->out->same++;
		return true;
	}
	sqlite3_stmt *s;
	struct ntm_error re = {0};
	if (store_prepare(st, "UPDATE task SET title = ?2, responsible = ?3, "
			  "due = ?4, note = ?5, status = ?6, progress = ?7, "
			  "issue = ?8, proposal = ?9, version = version + 1 "
			  "WHERE id = ?1", &s, &re))
		return bad(x, i, -1, "%s", re.msg);
	const char *text[] = {cur->id, t.title, t.responsible, t.due, t.note,
			      model_task_status_code(t.status)};
	for (int k = 0; k < 6; k++)
		store_bind_text(s, k + 1, text[k] && *text[k] ? text[k] : NULL);
	sqlite3_bind_int(s, 7, t.progress);
	store_bind_text(s, 8, issue && *issue ? issue : NULL);
	store_bind_text(s, 9, proposal && *proposal ? proposal : NULL);
	if (store_step_done(st, s, &re))
		return bad(x, i, -1, "%s", re.msg);
	x->out->tasks_updated++;
	change(x, TXT_IMP_TASK_EDIT, cur->number, t.title);
	return true;
}

static bool
task_row(struct store *st, struct imp *x, int i)
{
	struct task_in in;
	struct imp_task cur;
	if (!need_plan(st, x, i) || !read_task(st, x, i, &in))
		return false;
	bool found = (in.stt > 0 && find_task(st, x, in.stt, NULL, NULL, &cur)) ||
		     (in.title && find_task(st, x, 0, in.sector_id, in.title, &cur));
	if (found)
		return update_task(st, x, i, &in, &cur);
	if (!in.title)
		return bad(x, i, SF_TITLE, MSG_IMP_NEEDS, TXT_IMP_TASK_TITLE);
	return insert_task(st, x, i, &in);
}

/* ---- village checklists ------------------------------------------------------ */

/* x, có, 1, true, đạt, xong, đã xong; "", không, 0, false, chưa… */
static bool
read_done(const char *s, bool *done)
{
	double v;
	if (blank(s)) {
		*done = false;
		return true;
	}
	if (!model_parse_value(NTM_KIND_BOOL, s, &v)) {
		*done = v != 0;
		return true;
	}
	char *fold = text_fold(s);
	static const char *const yes[] = {"xong", "da xong", "true", "yes"};
	static const char *const no[] = {"chua xong", "false", "no", "chua"};
	bool found = false;
	for (size_t k = 0; fold && !found && k < 4; k++)
		if (strcmp(fold, yes[k]) == 0 || strcmp(fold, no[k]) == 0) {
			*done = strcmp(fold, yes[k]) == 0;
			found = true;
		}
	free(fold);
	return found;
}

/* The village row i names, added with the template's items when the
 * commune has none of that name. */
static bool
village_of(struct store *st, struct imp *x, int i, struct store_village *v)
{
	const char *name = x->rows[i].f[SF_VILLAGE];
	struct ntm_error re = {0};
	if (blank(name))
		return bad(x, i, SF_VILLAGE, MSG_IMP_NEEDS, TXT_IMP_VILLAGE);
	if (store_village_find(st, name, x->a, v, NULL) == NTM_OK)
		return true;
	const char *clean = store_clean_line(x->a, name, STORE_MAX_PLACE,
					     WHAT_VILLAGE, &re);
	*v = (struct store_village){.name = clean};
	if (!clean || store_village_insert(st, x->a, clean, false, v->id, &re))
		return bad(x, i, SF_VILLAGE, "%s", re.msg);
	x->out->villages++;
	change(x, TXT_IMP_VILLAGE_ADD, clean);
	return true;
}

struct imp_item {
	char id[STORE_ID_LEN];
	bool done;
	const char *title, *done_on, *done_by, *note;
};

/* The village's item of this title: exact, else the only one equal once
 * folded. */
static bool
find_item(struct store *st, struct imp *x, const char *village_id,
	  const char *title, struct imp_item *out)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, done, title, done_on, done_by, note FROM "
			  "checklist_item WHERE unit_id = ?1 AND (title = ?2 OR "
			  "ntm_fold(title) = ntm_fold(?2)) ORDER BY title = ?2 DESC",
			  &s, NULL))
		return false;
	store_bind_text(s, 1, village_id);
	store_bind_text(s, 2, title);
	int found = 0;
	bool exact = false;
	while (sqlite3_step(s) == SQLITE_ROW && !exact) {
		if (found++ == 0) {
			snprintf(out->id, sizeof out->id, "%s", store_col_text(s, 0));
			out->done = sqlite3_column_int(s, 1);
			out->title = arena_strdup(x->a, store_col_text(s, 2));
			out->done_on = arena_strdup(x->a, store_col_text(s, 3));
			out->done_by = arena_strdup(x->a, store_col_text(s, 4));
			out->note = arena_strdup(x->a, store_col_text(s, 5));
			exact = strcmp(out->title, title) == 0;
		}
	}
	sqlite3_finalize(s);
	return found == 1 || exact;
}

static bool
add_item(struct store *st, struct imp *x, int i, const struct store_village *v,
	 const char *title, struct imp_item *it)
{
	struct ntm_error re = {0};
	sqlite3_stmt *s;
	*it = (struct imp_item){.title = title};
	store_new_id(it->id);
	if (store_prepare(st, "INSERT INTO checklist_item(id, unit_id, title, ord) "
			  "SELECT ?1, ?2, ?3, coalesce(max(ord), 0) + 1 FROM "
			  "checklist_item WHERE unit_id = ?2", &s, &re))
		return bad(x, i, -1, "%s", re.msg);
	store_bind_text(s, 1, it->id);
	store_bind_text(s, 2, v->id);
	store_bind_text(s, 3, title);
	if (store_step_done(st, s, &re))
		return bad(x, i, -1, "%s", re.msg);
	char village[256];
	x->out->items_added++;
	change(x, TXT_IMP_ITEM_ADD, title,
	       model_village_phrase(v->name, false, village, sizeof village));
	return true;
}

/* Ticks, unticks, dates or notes the item as the row says. */
static bool
set_item(struct store *st, struct imp *x, int i, const struct store_village *v,
	 const struct imp_item *it)
{
	const char *const *f = x->rows[i].f;
	struct ntm_error re = {0};
	bool done = it->done;
	char date[11] = "";
	if (f[SF_DONE] && !read_done(f[SF_DONE], &done))
		return bad(x, i, SF_DONE, MSG_IMP_DONE, f[SF_DONE]);
	if (done && given(f[SF_DATE]) &&
	    model_measurement_date(f[SF_DATE], x->today, date, &re))
		return bad(x, i, SF_DATE, "%s", re.msg);
	const char *on = !done ? NULL : *date ? date
		: it->done ? it->done_on : x->today;
	const char *by = !done ? NULL : it->done ? it->done_by
		: st->person ? st->person : st->os_user;
	const char *note = given(f[SF_NOTE]);
	if (note && !(note = store_clean_note(x->a, note, WHAT_NOTE, &re)))
		return bad(x, i, SF_NOTE, "%s", re.msg);
	if (!note)
		note = it->note;
	if (done == it->done && same_text(on, it->done_on) &&
	    same_text(note, it->note)) {
		x->out->same++;
		return true;
	}
	sqlite3_stmt *s;
	if (store_prepare(st, "UPDATE checklist_item SET done = ?2, done_on = ?3, "
			  "done_by = ?4, note = ?5, version = version + 1 "
			  "WHERE id = ?1", &s, &re))
		return bad(x, i, -1, "%s", re.msg);
	store_bind_text(s, 1, it->id);
	sqlite3_bind_int(s, 2, done);
	store_bind_text(s, 3, on);
	store_bind_text(s, 4, by);
	store_bind_text(s, 5, note && *note ? note : NULL);
	if (store_step_done(st, s, &re))
		return bad(x, i, -1, "%s", re.msg);
	char village[256], dmy[11];
	model_village_phrase(v->name, false, village, sizeof village);
	model_date_dmy(on, dmy);
	x->out->items_changed++;
	if (done != it->done && done)
		change(x, TXT_IMP_ITEM_DONE, it->title, village, dmy);
	else if (done != it->done)
		change(x, TXT_IMP_ITEM_UNDONE, it->title, village);
	else
		change(x, TXT_IMP_ITEM_EDIT, it->title, village);
	return true;
}

static bool
item_row(struct store *st, struct imp *x, int i)
{
	const char *const *f = x->rows[i].f;
	struct ntm_error re = {0};
	struct store_village v;
	struct imp_item it;
	if (!village_of(st, x, i, &v))
		return false;
	if (blank(f[SF_ITEM]))
		return bad(x, i, SF_ITEM, MSG_IMP_NEEDS, TXT_IMP_ITEM);
	const char *title = store_clean_line(x->a, f[SF_ITEM], ITEM_TITLE_MAX,
					     WHAT_TITLE, &re);
	if (!title)
		return bad(x, i, SF_ITEM, "%s", re.msg);
	if (!find_item(st, x, v.id, title, &it) && !add_item(st, x, i, &v, title, &it))
		return false;
	return set_item(st, x, i, &v, &it);
}

/* ---- the action --------------------------------------------------------------- */

typedef bool row_fn(struct store *st, struct imp *x, int i);

static int
import_work(struct store *st, void *ctx, struct ntm_error *e)
{
	static row_fn *const by_kind[STORE_ROW_KINDS] = {
		[STORE_ROW_PLAN] = plan_row, [STORE_ROW_TARGET] = target_row,
		[STORE_ROW_VALUE] = value_row, [STORE_ROW_TASK] = task_row,
		[STORE_ROW_ITEM] = item_row,
	};
	struct imp *x = ctx;
	/* After the plan rows, the plan they name is the one read: its own
	 * indicators, its tasks. */
	char *in_use = st->plan_id;
	for (int k = 0; k < STORE_ROW_KINDS; k++) {
		for (int i = 0; i < x->n; i++)
			if ((int)x->rows[i].kind == k)
				by_kind[k](st, x, i);
		if (x->plan_id[0])
			st->plan_id = x->plan_id;
	}
	st->plan_id = in_use;
	if (x->out->nerrors)
		return ntm_fail(e, NTM_USAGE, MSG_IMP_ERRORS, x->out->nerrors);
	if (x->dry) {
		x->dry_done = true;
		return NTM_FAIL;      /* rolls back everything it wrote */
	}
	return NTM_OK;
}

int
store_import(struct store *st, const struct store_import_row *rows, int n,
	     bool dry_run, bool force, struct arena *a,
	     struct store_import_result *out, struct ntm_error *e)
{
	struct imp x = {.a = a, .rows = rows, .n = n, .dry = dry_run,
			.force = force, .out = out};
	*out = (struct store_import_result){0};
	store_today(x.today);
	bool had_plan = st->plan_id != NULL;
	if (had_plan)
		snprintf(x.plan_id, sizeof x.plan_id, "%s", st->plan_id);
	int rc = store_action_run(st, NTM_VERB_IMPORT, import_work, &x, e);
	if (x.dry_done)
		return NTM_OK;
	if (rc == NTM_OK && !had_plan)
		rc = store_plan_load_default(st, e);
	return rc;
}
