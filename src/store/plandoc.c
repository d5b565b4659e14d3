/* A whole plan as data (plandoc.h): store_plan_import checks everything a
 * plan document names (the commune, the criteria set, sectors, indicator
 * codes, numbers, every field by the store's limits) before it writes
 * anything, and refuses the first problem as "FILE:LINE: …"; then it
 * writes the plan, its own indicators, its targets and its tasks in one
 * transaction. A carried-over task is linked to the task it came from
 * when the commune has that plan and task; otherwise the words
 * ("32/KH-UBND #5") are kept in the task. store_plan_read (planread.c)
 * gives a plan back as a document. */
#include "internal.h"
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ntm/plandoc.h"
#include "ntm/text.h"

enum { OWN_ORD = 100, MAX_NUMBER = 999999 };

struct own_row {
	const char *criterion_id, *code, *name, *label;
	int ord;
	char id[STORE_ID_LEN];       /* once written */
};

struct target_row {
	const char *indicator_id;    /* NULL: the own indicator own */
	int own;
	enum ntm_cmp cmp;
	const char *note;
};

struct task_row {
	const char *sector_id, *title, *responsible, *due, *detail, *note;
	const char *issue, *proposal;
	const char *carried_from;    /* the earlier task's id; NULL: none */
	const char *carried_text;    /* "32/KH-UBND #5" when not found */
	enum ntm_task_status status;
	int progress, number, ord;
};

struct import {
	const struct ntm_plan_doc *d;
	const char *file, *commune_id, *commune;
	struct arena a;
	const char *set_id, *set_code, *number, *title, *signer, *issued_on;
	struct own_row *own;
	struct target_row *targets;
	struct task_row *tasks;
	int last_number;
	char plan_id[STORE_ID_LEN];
};

/* ---- refusals ---------------------------------------------------------------- */

/* e's message, said about the file and a line of it (0: the file). */
static int
at_line(struct import *x, int line, int rc, struct ntm_error *e)
{
	if (!e || rc == NTM_OK)
		return rc;
	char what[sizeof e->msg];
	memcpy(what, e->msg, sizeof what);
	if (line > 0)
		return ntm_fail(e, (enum ntm_exit)rc, MSG_PD_AT, x->file, line, what);
	return ntm_fail(e, (enum ntm_exit)rc, MSG_PD_AT_FILE, x->file, what);
}

static int __attribute__((format(printf, 4, 5)))
refuse(struct import *x, int line, struct ntm_error *e, const char *fmt, ...)
{
	char what[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	ntm_fail(e, NTM_USAGE, "%s", what);
	return at_line(x, line, NTM_USAGE, e);
}

/* A line of text by the store's rules; "" refused when required. */
static int
clean(struct import *x, const char *s, int max, const char *what,
      bool required, int line, const char **out, struct ntm_error *e)
{
	*out = store_clean_line(&x->a, s, max, what, e);
	if (!*out)
		return at_line(x, line, NTM_USAGE, e);
	if (required && !**out)
		return refuse(x, line, e, MSG_PD_EMPTY, what);
	if (!**out)
		*out = NULL;
	return NTM_OK;
}

static int
clean_note(struct import *x, const char *s, int line, const char **out,
	   struct ntm_error *e)
{
	*out = s ? store_clean_note(&x->a, s, WHAT_NOTE, e) : "";
	if (!*out)
		return at_line(x, line, NTM_USAGE, e);
	if (!**out)
		*out = NULL;
	return NTM_OK;
}

/* ---- queries ---------------------------------------------------------------- */

/* The first column of the first row of sql (?1..?3 bound as text), in
 * x's arena; NULL when there is no row. */
static int
one_text(struct store *st, struct import *x, const char *sql, const char *p1,
	 const char *p2, const char *p3, const char **out, struct ntm_error *e)
{
	sqlite3_stmt *s;
	*out = NULL;
	if (store_prepare(st, sql, &s, e))
		return NTM_FAIL;
	const char *p[] = {p1, p2, p3};
	for (int i = 0; i < sqlite3_bind_parameter_count(s) && i < 3; i++)
		store_bind_text(s, i + 1, p[i]);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = arena_strdup(&x->a, store_col_text(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NTM_OK
		: store_sql_fail(st, e, rc);
}

static const char SQL_NATIONAL[] =
	"FROM indicator i JOIN criterion c ON c.id = i.criterion_id "
	"WHERE c.set_id = ?1 AND i.plan_id IS NULL";

/* ---- checks: the plan itself ------------------------------------------------------ */

static int
check_commune(struct store *st, struct import *x, struct ntm_error *e)
{
	const struct ntm_plan_doc *d = x->d;
	const char *match;
	if (one_text(st, x, "SELECT name FROM unit WHERE id = ?1", x->commune_id,
		     NULL, NULL, &x->commune, e))
		return NTM_FAIL;
	if (!x->commune)
		return ntm_fail(e, NTM_FAIL, "%s", MSG_PD_NO_COMMUNE);
	if (!d->commune)
		return NTM_OK;
	if (one_text(st, x, "SELECT 1 FROM unit WHERE id = ?1 AND ntm_fold(name) "
		     "= ntm_fold(?2) UNION ALL SELECT 1 FROM unit_alias WHERE "
		     "unit_id = ?1 AND ntm_fold(name) = ntm_fold(?2)",
		     x->commune_id, d->commune, NULL, &match, e))
		return NTM_FAIL;
	return match ? NTM_OK : refuse(x, d->line_commune, e, MSG_PD_OTHER_COMMUNE,
				       d->commune, x->commune);
}

/* One header field checked by the rules of every plan, refused at its
 * line. */
static int
head_field(struct store *st, struct import *x, struct store_plan_fields one,
	   int line, struct store_plan_clean *c, struct ntm_error *e)
{
	return at_line(x, line, store_plan_clean_fields(st, &x->a, &one, false,
							c, e), e);
}

static int
check_head(struct store *st, struct import *x, struct ntm_error *e)
{
	const struct ntm_plan_doc *d = x->d;
	struct store_plan_clean c;
	if (check_commune(st, x, e))
		return NTM_FAIL;
	x->set_code = d->criteria_set ? d->criteria_set : "ntm";
	if (at_line(x, d->line_set, store_criteria_set_find(st, x->set_code, &x->a,
							     &x->set_id, e), e) ||
	    head_field(st, x, (struct store_plan_fields){.number = d->number ? d->number : ""},
		       d->line_number, &c, e))
		return NTM_USAGE;
	x->number = c.number;
	if (head_field(st, x, (struct store_plan_fields){.title = d->title ? d->title : ""},
		       d->line_title, &c, e))
		return NTM_USAGE;
	x->title = c.title;
	if (head_field(st, x, (struct store_plan_fields){.signer = d->signer},
		       d->line_signer, &c, e))
		return NTM_USAGE;
	x->signer = c.signer && *c.signer ? c.signer : NULL;
	if (head_field(st, x, (struct store_plan_fields){.year = d->year ? d->year : -1,
		       .issued_on = d->issued_on}, d->line_number, &c, e))
		return NTM_USAGE;
	x->issued_on = c.issued_on && *c.issued_on ? c.issued_on : NULL;
	return at_line(x, d->line_number, store_plan_unique(st, &x->a, x->commune_id,
							    d->year, x->number,
							    NULL, e), e);
}

/* ---- checks: indicators and targets ------------------------------------------------ */

static int
check_own(struct store *st, struct import *x, int i, struct ntm_error *e)
{
	const struct ntm_doc_indicator *in = &x->d->own[i];
	struct own_row *o = &x->own[i];
	const char *taken;
	char num[16];
	if (clean(x, in->code, STORE_MAX_CODE, WHAT_PD_CODE, true, in->line,
		  &o->code, e))
		return NTM_USAGE;
	size_t digits = strspn(o->code, "0123456789");
	if (digits == 0 || digits > 3 || o->code[digits] != '.' || !o->code[digits + 1])
		return refuse(x, in->line, e, MSG_PD_OWN_FORM, o->code);
	int crit = atoi(o->code);
	snprintf(num, sizeof num, "%d", crit);
	for (int k = 0; k < i; k++)
		if (strcasecmp(x->own[k].code, o->code) == 0)
			return refuse(x, in->line, e, MSG_PD_DUP_CODE, o->code,
				      x->d->own[k].line);
	char *sql = sqlite3_mprintf("SELECT i.code %s AND lower(i.code) = lower(?2)",
				    SQL_NATIONAL);
	int rc = one_text(st, x, "SELECT id FROM criterion WHERE set_id = ?1 AND "
			  "number = ?2", x->set_id, num, NULL, &o->criterion_id, e);
	if (rc == NTM_OK)
		rc = one_text(st, x, sql, x->set_id, o->code, NULL, &taken, e);
	sqlite3_free(sql);
	if (rc != NTM_OK)
		return rc;
	if (!o->criterion_id)
		return refuse(x, in->line, e, MSG_PD_NO_CRITERION, x->set_code, crit,
			      o->code);
	if (taken)
		return refuse(x, in->line, e, MSG_PD_OWN_TAKEN, taken, crit);
	o->ord = OWN_ORD + 1;
	for (int k = 0; k < i; k++)
		o->ord += strcmp(x->own[k].criterion_id, o->criterion_id) == 0;
	return clean(x, in->name, STORE_MAX_INDICATOR, WHAT_PD_NAME, true,
		     in->line, &o->name, e) ||
	       clean(x, in->unit_label, STORE_MAX_UNIT_LABEL, WHAT_PD_UNIT, false,
		     in->line, &o->label, e) ? NTM_USAGE : NTM_OK;
}

/* "; gần giống: 12.2, 12.3" for an unknown code. */
static const char *
nearest_codes(struct store *st, struct import *x, const char *code)
{
	sqlite3_stmt *s;
	char *sql = sqlite3_mprintf("SELECT i.code %s", SQL_NATIONAL);
	int rc = store_prepare(st, sql, &s, NULL);
	sqlite3_free(sql);
	if (rc)
		return "";
	struct store_candidate *c = NULL;
	size_t n = 0, cap = 0;
	store_bind_text(s, 1, x->set_id);
	while (sqlite3_step(s) == SQLITE_ROW) {
		c = arena_grow(&x->a, c, n, &cap, sizeof *c);
		c[n++] = (struct store_candidate){
			.name = arena_strdup(&x->a, store_col_text(s, 0))};
	}
	sqlite3_finalize(s);
	for (int i = 0; i < x->d->nown; i++) {
		c = arena_grow(&x->a, c, n, &cap, sizeof *c);
		c[n++] = (struct store_candidate){.name = x->own[i].code};
	}
	return store_nearest(&x->a, c, (int)n, code);
}

/* The indicator a target names: the plan's own, else the set's. */
static int
target_indicator(struct store *st, struct import *x, const char *code,
		 struct target_row *t, enum ntm_kind *kind, enum ntm_cmp *cmp,
		 struct ntm_error *e)
{
	for (int i = 0; i < x->d->nown; i++)
		if (strcasecmp(x->own[i].code, code) == 0) {
			t->own = i;
			*kind = x->d->own[i].kind;
			*cmp = x->d->own[i].cmp;
			return NTM_OK;
		}
	sqlite3_stmt *s;
	char *sql = sqlite3_mprintf("SELECT i.id, i.kind, i.comparator %s AND "
				    "lower(i.code) = lower(?2)", SQL_NATIONAL);
	int rc = store_prepare(st, sql, &s, e);
	sqlite3_free(sql);
	if (rc)
		return NTM_FAIL;
	store_bind_text(s, 1, x->set_id);
	store_bind_text(s, 2, code);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		t->indicator_id = arena_strdup(&x->a, store_col_text(s, 0));
		model_kind_parse(store_col_text(s, 1), kind);
		model_cmp_parse(store_col_text(s, 2), cmp);
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return NTM_OK;
	if (rc != SQLITE_DONE)
		return store_sql_fail(st, e, rc);
	return ntm_fail(e, NTM_USAGE, MSG_CODE_UNKNOWN, code,
			nearest_codes(st, x, code));
}

static int
check_target(struct store *st, struct import *x, int i, struct ntm_error *e)
{
	const struct ntm_doc_target *in = &x->d->targets[i];
	struct target_row *t = &x->targets[i];
	enum ntm_kind kind = NTM_KIND_NUMBER;
	char shown[48];
	*t = (struct target_row){.own = -1};
	int rc = target_indicator(st, x, in->code, t, &kind, &t->cmp, e);
	if (rc != NTM_OK)
		return at_line(x, in->line, rc, e);
	for (int k = 0; k < i; k++)
		if (t->own == x->targets[k].own && (t->own >= 0 ||
		    strcmp(t->indicator_id, x->targets[k].indicator_id) == 0))
			return refuse(x, in->line, e, MSG_PD_DUP_CODE, in->code,
				      x->d->targets[k].line);
	if (!in->cmp_default)
		t->cmp = in->cmp;
	model_format_value(NTM_KIND_NUMBER, in->value, shown, sizeof shown);
	int at = in->line_value ? in->line_value : in->line;
	if (kind == NTM_KIND_PERCENT && (in->value < 0 || in->value > 100))
		return refuse(x, at, e, MSG_PD_TARGET_PCT, in->code, shown);
	if (kind == NTM_KIND_BOOL && ((in->value != 0 && in->value != 1) ||
				      t->cmp != NTM_CMP_EQ))
		return refuse(x, at, e, MSG_PD_TARGET_BOOL, in->code, shown);
	return clean_note(x, in->note, in->line, &t->note, e);
}

/* ---- checks: tasks ------------------------------------------------------------------ */

/* The task a carried-over task came from: task #N of the commune's plan
 * of that number (compared folded, blanks dropped, as plan numbers are),
 * of the latest year before the plan's, else of any year; when there is
 * none, the words are kept. */
static int
check_from(struct store *st, struct import *x, const struct ntm_doc_task *in,
	   struct task_row *t, struct ntm_error *e)
{
	const char *plan;
	int line = in->line_from ? in->line_from : in->line;
	if (!in->from_plan)
		return NTM_OK;
	if (clean(x, in->from_plan, STORE_MAX_PLAN_NUMBER, WHAT_PD_FROM, true,
		  line, &plan, e))
		return NTM_USAGE;
	if (in->from_number <= 0 || in->from_number > MAX_NUMBER)
		return refuse(x, line, e, MSG_PD_NUMBER, in->from_number);
	char *sql = sqlite3_mprintf("SELECT t.id FROM task t JOIN plan p ON p.id "
		"= t.plan_id WHERE p.unit_id = ?1 AND t.number = %d AND "
		"ntm_plan_key(p.number) = ntm_plan_key(?2) "
		"ORDER BY p.year < %d DESC, p.year DESC LIMIT 1", in->from_number,
		x->d->year);
	int rc = sql ? one_text(st, x, sql, x->commune_id, plan, NULL,
				&t->carried_from, e)
		     : ntm_fail(e, NTM_FAIL, "%s",
				   text_problem_message(TEXT_NO_MEMORY));
	sqlite3_free(sql);
	if (rc == NTM_OK && !t->carried_from) {
		char *words = sqlite3_mprintf("%s #%d", plan, in->from_number);
		t->carried_text = arena_strdup(&x->a, words);
		sqlite3_free(words);
	}
	return rc;
}

/* Each field alone first, by the rules of every task, so a refusal names
 * the line of its own key. */
static int
check_task_fields(struct import *x, const struct ntm_doc_task *in,
		  struct ntm_error *e)
{
	const char *title = in->title ? in->title : "";
	const struct {
		struct store_task_edit ed;
		int line;
	} one[] = {
		{{.title = title}, in->line_title},
		{{.title = title, .responsible = in->responsible}, in->line_responsible},
		{{.title = title, .due = in->due}, in->line_due},
		{{.title = title, .detail = in->detail}, in->line_detail},
		{{.title = title, .note = in->note}, in->line_note},
		{{.title = title, .issue = in->issue}, in->line_issue},
		{{.title = title, .proposal = in->proposal}, in->line_proposal},
	};
	struct store_task ok;
	for (size_t k = 0; k < sizeof one / sizeof *one; k++)
		if (store_task_check_new(&x->a, &one[k].ed, &ok, e))
			return at_line(x, one[k].line ? one[k].line : in->line,
				       NTM_USAGE, e);
	return NTM_OK;
}

static int
check_task(struct store *st, struct import *x, int i, struct ntm_error *e)
{
	const struct ntm_doc_task *in = &x->d->tasks[i];
	struct task_row *t = &x->tasks[i];
	const char *code;
	struct store_task_edit ed = {.title = in->title ? in->title : "",
		.responsible = in->responsible, .due = in->due,
		.detail = in->detail, .note = in->note,
		.issue = in->issue, .proposal = in->proposal,
		.status = model_task_status_code(in->status),
		.progress = in->progress};
	struct store_task ok;
	if (at_line(x, in->line, store_sector_lookup(st, in->sector, &x->a,
						      &t->sector_id, &code, e), e) ||
	    check_task_fields(x, in, e) ||
	    at_line(x, in->line_state ? in->line_state : in->line,
		    store_task_check_new(&x->a, &ed, &ok, e), e))
		return NTM_USAGE;
	t->title = ok.title;
	t->responsible = ok.responsible && *ok.responsible ? ok.responsible : NULL;
	t->due = ok.due;
	t->detail = ok.detail;
	t->note = ok.note;
	t->issue = ok.issue;
	t->proposal = ok.proposal;
	t->status = ok.status;
	t->progress = ok.progress;
	if (in->number < 0 || in->number > MAX_NUMBER)
		return refuse(x, in->line, e, MSG_PD_NUMBER, in->number);
	if (check_from(st, x, in, t, e))
		return NTM_USAGE;
	t->number = in->number;
	t->ord = 1;
	for (int k = 0; k < i; k++) {
		if (t->number && x->tasks[k].number == t->number)
			return refuse(x, in->line, e, MSG_PD_DUP_NUMBER, t->number,
				      x->d->tasks[k].line);
		t->ord += strcmp(x->tasks[k].sector_id, t->sector_id) == 0;
	}
	if (t->number > x->last_number)
		x->last_number = t->number;
	return NTM_OK;
}

/* Everything the document names and holds, read but not written. */
static int
check_all(struct store *st, struct import *x, struct ntm_error *e)
{
	const struct ntm_plan_doc *d = x->d;
	x->own = arena_alloc(&x->a, sizeof *x->own * (size_t)(d->nown + 1));
	x->targets = arena_alloc(&x->a, sizeof *x->targets * (size_t)(d->ntargets + 1));
	x->tasks = arena_alloc(&x->a, sizeof *x->tasks * (size_t)(d->ntasks + 1));
	int rc = check_head(st, x, e);
	for (int i = 0; rc == NTM_OK && i < d->nown; i++)
		rc = check_own(st, x, i, e);
	for (int i = 0; rc == NTM_OK && i < d->ntargets; i++)
		rc = check_target(st, x, i, e);
	for (int i = 0; rc == NTM_OK && i < d->ntasks; i++)
		rc = check_task(st, x, i, e);
	for (int i = 0; rc == NTM_OK && i < d->ntasks; i++)
		if (x->tasks[i].number == 0)
			x->tasks[i].number = ++x->last_number;
	return rc;
}

/* ---- writing -------------------------------------------------------------------------- */

/* Runs sql with n texts bound to ?1..?n (NULL binds NULL); numbers go
 * as text and are CAST in the statement. */
static int
run(struct store *st, const char *sql, struct ntm_error *e, int n, ...)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, e))
		return NTM_FAIL;
	va_list ap;
	va_start(ap, n);
	for (int i = 1; i <= n; i++)
		store_bind_text(s, i, va_arg(ap, const char *));
	va_end(ap);
	return store_step_done(st, s, e);
}

static const char *
num_text(struct import *x, double v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%.17g", v);
	return arena_strdup(&x->a, buf);
}

static int
write_plan(struct store *st, struct import *x, struct ntm_error *e)
{
	const struct ntm_plan_doc *d = x->d;
	store_new_id(x->plan_id);
	char *source = sqlite3_mprintf(TXT_PD_SOURCE, x->number);
	int rc = run(st, "INSERT INTO plan(id, unit_id, year, number, issued_on, "
		     "title, signer, set_id) VALUES (?1, ?2, CAST(?3 AS INTEGER), "
		     "?4, ?5, ?6, ?7, ?8)", e, 8, x->plan_id, x->commune_id,
		     num_text(x, d->year), x->number, x->issued_on, x->title,
		     x->signer, x->set_id);
	for (int i = 0; rc == NTM_OK && i < d->nown; i++) {
		struct own_row *o = &x->own[i];
		store_new_id(o->id);
		rc = run(st, "INSERT INTO indicator(id, criterion_id, code, name, "
			 "kind, comparator, target, unit_label, source, verified, "
			 "plan_id, ord) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8, "
			 "1, ?9, CAST(?10 AS INTEGER))", e, 10, o->id, o->criterion_id,
			 o->code, o->name, model_kind_word(d->own[i].kind),
			 model_cmp_word(d->own[i].cmp), o->label, source, x->plan_id,
			 num_text(x, o->ord));
	}
	sqlite3_free(source);
	return rc;
}

static int
write_targets(struct store *st, struct import *x, struct ntm_error *e)
{
	int rc = NTM_OK;
	for (int i = 0; rc == NTM_OK && i < x->d->ntargets; i++) {
		const struct target_row *t = &x->targets[i];
		char id[STORE_ID_LEN];
		store_new_id(id);
		rc = run(st, "INSERT INTO plan_target(id, plan_id, indicator_id, "
			 "comparator, value, note) VALUES (?1, ?2, ?3, ?4, "
			 "CAST(?5 AS REAL), ?6)", e, 6, id, x->plan_id,
			 t->own >= 0 ? x->own[t->own].id : t->indicator_id,
			 model_cmp_word(t->cmp), num_text(x, x->d->targets[i].value),
			 t->note);
	}
	return rc;
}

static int
write_tasks(struct store *st, struct import *x, struct ntm_error *e)
{
	int rc = NTM_OK;
	for (int i = 0; rc == NTM_OK && i < x->d->ntasks; i++) {
		const struct task_row *t = &x->tasks[i];
		char id[STORE_ID_LEN];
		store_new_id(id);
		rc = run(st, "INSERT INTO task(id, plan_id, sector_id, title, detail, "
			 "responsible, due, status, progress, note, ord, number, "
			 "carried_from, carried_from_text, issue, proposal) "
			 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS INTEGER), "
			 "?10, CAST(?11 AS INTEGER), CAST(?12 AS INTEGER), ?13, ?14, "
			 "?15, ?16)",
			 e, 16, id, x->plan_id, t->sector_id, t->title, t->detail,
			 t->responsible, t->due, model_task_status_code(t->status),
			 num_text(x, t->progress), t->note, num_text(x, t->ord),
			 num_text(x, t->number), t->carried_from, t->carried_text,
			 t->issue, t->proposal);
	}
	if (rc == NTM_OK)
		rc = run(st, "INSERT INTO task_counter(plan_id, last) VALUES (?1, "
			 "CAST(?2 AS INTEGER)) ON CONFLICT(plan_id) DO UPDATE SET "
			 "last = max(last, excluded.last)", e, 2, x->plan_id,
			 num_text(x, x->last_number));
	return rc;
}

static void
summarise(const struct import *x, bool written, struct store_import_summary *sum)
{
	if (!sum)
		return;
	*sum = (struct store_import_summary){.tasks = x->d->ntasks,
		.targets = x->d->ntargets, .own = x->d->nown};
	if (written)
		memcpy(sum->plan_id, x->plan_id, STORE_ID_LEN);
}

int
store_plan_import_into(struct store *st, const char *commune_id,
		       const struct ntm_plan_doc *d, const char *file,
		       struct store_import_summary *sum, struct ntm_error *e)
{
	struct import x = {.d = d, .file = file, .commune_id = commune_id};
	int rc = check_all(st, &x, e);
	if (rc == NTM_OK)
		rc = write_plan(st, &x, e);
	if (rc == NTM_OK)
		rc = write_targets(st, &x, e);
	if (rc == NTM_OK)
		rc = write_tasks(st, &x, e);
	if (rc == NTM_OK)
		summarise(&x, true, sum);
	arena_free(&x.a);
	return rc;
}

struct import_action {
	const struct ntm_plan_doc *d;
	const char *file;
	struct store_import_summary *sum;
};

static int
import_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct import_action *y = ctx;
	return store_plan_import_into(st, st->commune_id, y->d, y->file, y->sum, e);
}

int
store_plan_import(struct store *st, const struct ntm_plan_doc *d,
		  const char *file, bool dry_run,
		  struct store_import_summary *sum, struct ntm_error *e)
{
	struct store_import_summary none;
	if (!sum)
		sum = &none;
	*sum = (struct store_import_summary){0};
	if (!st->commune_id[0])
		return ntm_fail(e, NTM_FAIL, "%s", MSG_PD_NO_COMMUNE);
	if (!dry_run) {
		struct import_action y = {.d = d, .file = file, .sum = sum};
		return store_action_run(st, NTM_VERB_PLAN_IMPORT, import_work, &y, e);
	}
	struct import x = {.d = d, .file = file, .commune_id = st->commune_id};
	int rc = check_all(st, &x, e);
	if (rc == NTM_OK)
		summarise(&x, false, sum);
	arena_free(&x.a);
	return rc;
}
