/* A spreadsheet's rows applied to the commune (ntm import): a plan, its
 * targets, values, tasks, village checklists and money, all in one audited
 * action, every row checked by the rules the other commands use and every
 * refusal collected with the row and field it is about, so that the
 * reader (io) can name the cell. Any refusal, or a dry run, rolls the
 * whole action back. */
#include "import.h"
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

bool
imp_blank(const char *s)
{
	if (!s)
		return true;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	return *s == '\0';
}

const char *
imp_given(const char *s)
{
	return imp_blank(s) ? NULL : s;
}

/* A line of the result, formatted, in the import's arena. */
static const char *line_of(struct imp *x, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

static const char *
line_of(struct imp *x, const char *fmt, va_list ap)
{
	char buf[1024];
	vsnprintf(buf, sizeof buf, fmt, ap);
	return arena_strdup(x->a, buf);
}

void
imp_change(struct imp *x, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *line = line_of(x, fmt, ap);
	va_end(ap);
	struct store_import_result *o = x->out;
	o->changes = arena_grow(x->a, o->changes, (size_t)o->nchanges,
				&x->cap_changes, sizeof *o->changes);
	o->changes[o->nchanges++] = line;
}

bool
imp_bad(struct imp *x, int i, int field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *line = line_of(x, fmt, ap);
	va_end(ap);
	struct store_import_result *o = x->out;
	o->errors = arena_grow(x->a, o->errors, (size_t)o->nerrors,
			       &x->cap_errors, sizeof *o->errors);
	o->errors[o->nerrors++] = (struct store_import_error){
		.row = i, .field = field, .msg = line};
	return false;
}

static void
bind_texts(sqlite3_stmt *s, int n, va_list ap)
{
	for (int i = 1; i <= n; i++)
		store_bind_text(s, i, va_arg(ap, const char *));
}

sqlite3_stmt *
imp_prepare(struct store *st, struct ntm_error *e, const char *sql, int n, ...)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, e))
		return NULL;
	va_list ap;
	va_start(ap, n);
	bind_texts(s, n, ap);
	va_end(ap);
	return s;
}

sqlite3_stmt *
imp_cached(struct store *st, struct ntm_error *e, const char *sql, int n, ...)
{
	sqlite3_stmt *s;
	if (store_cached(st, sql, &s, e))
		return NULL;
	va_list ap;
	va_start(ap, n);
	bind_texts(s, n, ap);
	va_end(ap);
	return s;
}

bool
imp_int(const char *s, int lo, int hi, int *out)
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

bool
imp_need_plan(struct store *st, struct imp *x, int i)
{
	return x->plan_id[0] ? true
		: imp_bad(x, i, -1, MSG_IMP_NO_PLAN, st->commune_name);
}

bool
imp_same_text(const char *p, const char *q)
{
	return strcmp(p ? p : "", q ? q : "") == 0;
}

/* ---- plan -------------------------------------------------------------- */

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

/* Whether the plan just added is the one shown by default now while
 * another was before (plans.c's rule: the plan chosen, else the newest). */
static bool
becomes_default(struct store *st, const char *plan_id)
{
	sqlite3_stmt *s = imp_prepare(st, NULL, "SELECT NOT EXISTS (SELECT 1 FROM "
				      "plan_choice WHERE unit_id = ?1) AND (SELECT id "
				      "FROM plan WHERE unit_id = ?1 ORDER BY year DESC, "
				      "issued_on DESC, rowid DESC LIMIT 1) = ?2 AND "
				      "(SELECT count(*) FROM plan WHERE unit_id = ?1) > 1",
				      2, st->commune_id, plan_id);
	bool yes = s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return yes;
}

static bool
plan_row(struct store *st, struct imp *x, int i)
{
	const char *const *f = x->rows[i].f;
	struct ntm_error re = {0};
	int year = 0;
	if (imp_blank(f[SF_NUMBER]))
		return imp_bad(x, i, SF_NUMBER, MSG_IMP_NEEDS, TXT_IMP_PLAN_NUMBER);
	if (imp_blank(f[SF_YEAR]))
		return imp_bad(x, i, SF_YEAR, MSG_IMP_NEEDS, TXT_IMP_YEAR);
	if (!imp_int(f[SF_YEAR], 1, 9999, &year))
		return imp_bad(x, i, SF_YEAR, MSG_IMP_YEAR, f[SF_YEAR]);
	if (plan_of(st, year, f[SF_NUMBER], x->plan_id)) {
		x->out->same++;
		return true;
	}
	char title[600];
	struct store_plan_fields pf = {
		.year = year, .number = f[SF_NUMBER], .issued_on = imp_given(f[SF_ISSUED]),
		.signer = imp_given(f[SF_SIGNER]),
		.title = imp_given(f[SF_TITLE]) ? f[SF_TITLE]
			: model_plan_default_title(st->commune_name, year, title,
						   sizeof title)};
	struct store_plan_clean c;
	if (store_plan_clean_fields(st, x->a, &pf, true, &c, &re) ||
	    store_plan_insert(st, x->a, &c, x->plan_id, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	x->out->plans++;
	imp_change(x, TXT_IMP_PLAN, c.number, year);
	if (becomes_default(st, x->plan_id)) {
		char shown[128];
		snprintf(shown, sizeof shown, TXT_IMP_NEW_DEFAULT, c.number, year);
		x->out->new_default = arena_strdup(x->a, shown);
		imp_change(x, TXT_IMP_PLAN_DEFAULT, shown);
	}
	return true;
}

/* ---- targets and values ------------------------------------------------ */

/* The indicator row i names, or false after a refusal. */
static bool
indicator_of(struct store *st, struct imp *x, int i,
	     struct store_indicator_ref *ref)
{
	const char *code = x->rows[i].f[SF_CODE];
	struct ntm_error re = {0};
	if (imp_blank(code))
		return imp_bad(x, i, SF_CODE, MSG_IMP_NEEDS, TXT_IMP_CODE);
	if (store_indicator_find(st, code, ref, &re))
		return imp_bad(x, i, SF_CODE, "%s", re.msg);
	return true;
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
	if (imp_blank(f[SF_KIND]))
		return imp_bad(x, i, SF_KIND, MSG_IMP_NEEDS, TXT_IMP_KIND);
	if (!model_kind_read(f[SF_KIND], &ref->kind))
		return imp_bad(x, i, SF_KIND, MSG_IMP_KIND, f[SF_KIND]);
	if (digits == 0 || digits > 3 || code[digits] != '.' || !code[digits + 1] ||
	    strlen(code) >= sizeof ref->code)
		return imp_bad(x, i, SF_CODE, MSG_IMP_OWN_CODE, code);
	const char *name = store_clean_line(x->a, f[SF_IND_NAME], STORE_MAX_INDICATOR,
					    TXT_IMP_IND_NAME, &re);
	const char *unit = name ? store_clean_line(x->a, f[SF_UNIT] ? f[SF_UNIT] : "",
						   STORE_MAX_UNIT_LABEL, TXT_IMP_UNIT,
						   &re) : NULL;
	if (!name || !unit)
		return imp_bad(x, i, name ? SF_UNIT : SF_IND_NAME, "%s", re.msg);
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
		return imp_bad(x, i, -1, "%s", re.msg);
	const char *text[] = {ref->id, code, name, model_kind_word(ref->kind),
			      model_cmp_word(ref->cmp), *unit ? unit : NULL,
			      TXT_IMP_OWN_SOURCE, x->plan_id};
	for (int k = 0; k < 8; k++)
		store_bind_text(s, k + 1, text[k]);
	sqlite3_bind_int(s, 9, atoi(code));
	if (store_step_done(st, s, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	if (sqlite3_changes(st->db) == 0)
		return imp_bad(x, i, SF_CODE, MSG_IMP_OWN_CRITERION, atoi(code), code);
	imp_change(x, TXT_IMP_OWN_ADD, code, name);
	return true;
}

static bool
target_row(struct store *st, struct imp *x, int i)
{
	const char *const *f = x->rows[i].f;
	struct store_indicator_ref ref;
	if (!imp_need_plan(st, x, i))
		return false;
	if (!imp_given(f[SF_IND_NAME]) ? !indicator_of(st, x, i, &ref)
	    : store_indicator_find(st, f[SF_CODE], &ref, NULL) != NTM_OK &&
	      !own_indicator(st, x, i, &ref))
		return false;
	if (imp_blank(f[SF_TARGET]))
		return imp_bad(x, i, SF_TARGET, MSG_IMP_NEEDS, TXT_IMP_TARGET);
	struct ntm_target t = {.set = true, .cmp = ref.cmp};
	const char *why = model_parse_target(ref.kind, f[SF_TARGET], &t.cmp, &t.value);
	if (why)
		return imp_bad(x, i, SF_TARGET, "%s", why);
	sqlite3_stmt *s;
	struct ntm_error re = {0};
	if (store_prepare(st, "SELECT comparator = ?3 AND value = ?4 FROM "
			  "plan_target WHERE plan_id = ?1 AND indicator_id = ?2",
			  &s, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
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
	s = imp_prepare(st, &re, "INSERT INTO plan_target(id, plan_id, "
			"indicator_id, comparator, value) VALUES (ntm_id(), ?1, ?2, "
			"?3, ?4) ON CONFLICT (plan_id, indicator_id) DO UPDATE SET "
			"comparator = excluded.comparator, value = excluded.value, "
			"version = version + 1", 3, x->plan_id, ref.id,
			model_cmp_word(t.cmp));
	if (!s)
		return imp_bad(x, i, -1, "%s", re.msg);
	sqlite3_bind_double(s, 4, t.value);
	if (store_step_done(st, s, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	char shown[64];
	model_format_target(ref.kind, &t, " ", shown, sizeof shown);
	x->out->targets++;
	imp_change(x, TXT_IMP_TARGET_SET, ref.code, shown);
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
		return imp_bad(x, i, -1, "%s", re.msg);
	if (model_implausible(&ind.reading, ind.unit_label, v, why, sizeof why))
		return imp_bad(x, i, SF_VALUE, MSG_IMP_IMPLAUSIBLE, why);
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
	if (imp_blank(f[SF_VALUE]))
		return imp_bad(x, i, SF_VALUE, MSG_IMP_NEEDS, TXT_IMP_VALUE);
	const char *why = model_parse_value(ref.kind, f[SF_VALUE], &v);
	if (why)
		return imp_bad(x, i, SF_VALUE, "%s", why);
	if (!imp_given(f[SF_DATE]))
		memcpy(date, x->today, sizeof date);
	else if (model_measurement_date(f[SF_DATE], NULL, date, &re))
		return imp_bad(x, i, SF_DATE, "%s", re.msg);
	char dmy[11];
	model_date_dmy(date, dmy);
	if (strcmp(date, x->today) > 0)
		return imp_bad(x, i, SF_DATE, MSG_IMP_VALUE_FUTURE, dmy);
	const char *note = imp_given(f[SF_NOTE]);
	if (note && !(note = store_clean_note(x->a, note, WHAT_NOTE, &re)))
		return imp_bad(x, i, SF_NOTE, "%s", re.msg);
	if (value_known(st, ref.id, date, v)) {
		x->out->same++;
		return true;
	}
	if (!plausible(st, x, i, ref.id, v))
		return false;
	if (store_measurement_insert(st, ref.id, v, date, note && *note ? note : NULL,
				     &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	char shown[64];
	model_format_quantity(ref.kind, v, shown, sizeof shown);
	x->out->values++;
	imp_change(x, TXT_IMP_VALUE_SET, ref.code, shown, dmy);
	return true;
}

/* ---- the action -------------------------------------------------------- */

typedef bool row_fn(struct store *st, struct imp *x, int i);

static int
import_work(struct store *st, void *ctx, struct ntm_error *e)
{
	static row_fn *const by_kind[STORE_ROW_KINDS] = {
		[STORE_ROW_PLAN] = plan_row, [STORE_ROW_TARGET] = target_row,
		[STORE_ROW_VALUE] = value_row, [STORE_ROW_TASK] = imp_task_row,
		[STORE_ROW_ITEM] = imp_item_row,
	};
	struct imp *x = ctx;
	/* After the plan rows, the plan they name is the one read: its own
	 * indicators, its tasks. */
	char *in_use = st->plan_id;
	for (int k = 0; k < STORE_ROW_KINDS; k++) {
		for (int i = 0; by_kind[k] && i < x->n; i++)
			if ((int)x->rows[i].kind == k)
				by_kind[k](st, x, i);
		if (k == STORE_ROW_FUND)
			imp_fund_rows(st, x);
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
