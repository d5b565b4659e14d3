/* The plans of the commune: listed, found by year or number, the one in
 * use (remembered in the file, else the newest), created empty, copied
 * into next year, edited and removed — each change one audited action. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

enum { MIN_YEAR = 2000, MAX_YEAR = 2100, MAX_NUMBER = 50, MAX_PLAN_TITLE = 500 };

static const char SQL_PLANS[] =
	"SELECT p.id, p.number, p.year, p.issued_on, p.title, p.signer, "
	"  cs.code, cs.name, p.version, "
	"  (SELECT count(*) FROM task t WHERE t.plan_id = p.id), "
	"  (SELECT count(*) FROM task t WHERE t.plan_id = p.id "
	"     AND t.status = 'hoan_thanh') "
	"FROM plan p LEFT JOIN criteria_set cs ON cs.id = p.set_id "
	"WHERE p.unit_id = ?1 AND (?2 IS NULL OR p.id = ?2) "
	"ORDER BY p.year DESC, p.issued_on DESC, p.id DESC";

/* The plan shown by default: the one remembered for the commune, else
 * its newest; into id ("" when it has none). */
static int
default_plan(struct store *st, char id[STORE_ID_LEN], struct ntm_error *e)
{
	sqlite3_stmt *s;
	id[0] = '\0';
	if (store_prepare(st, "SELECT coalesce((SELECT c.plan_id FROM plan_choice "
			  "c JOIN plan p ON p.id = c.plan_id AND p.unit_id = c.unit_id "
			  "WHERE c.unit_id = ?1), (SELECT id FROM plan WHERE unit_id "
			  "= ?1 ORDER BY year DESC, issued_on DESC, id DESC "
			  "LIMIT 1))", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->commune_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		snprintf(id, STORE_ID_LEN, "%s", store_col_text(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NTM_OK
		: store_sql_fail(st, e, rc);
}

static void
use_plan(struct store *st, const char *id)
{
	free(st->plan_id);
	st->plan_id = id && *id ? strdup(id) : NULL;
}

int
store_plan_load_default(struct store *st, struct ntm_error *e)
{
	char id[STORE_ID_LEN];
	int rc = default_plan(st, id, e);
	if (rc == NTM_OK)
		use_plan(st, id);
	return rc;
}

static void
fill_plan(sqlite3_stmt *s, struct arena *a, const char *current,
	  const char *in_use, struct store_plan *p)
{
	snprintf(p->id, sizeof p->id, "%s", store_col_text(s, 0));
	p->number = arena_strdup(a, store_col_text(s, 1));
	p->year = sqlite3_column_int(s, 2);
	p->issued_on = arena_strdup(a, store_col_text(s, 3));
	p->title = arena_strdup(a, store_col_text(s, 4));
	p->signer = arena_strdup(a, store_col_text(s, 5));
	p->criteria_set = arena_strdup(a, store_col_text(s, 6));
	p->criteria_set_name = arena_strdup(a, store_col_text(s, 7));
	p->version = sqlite3_column_int(s, 8);
	p->tasks_total = sqlite3_column_int(s, 9);
	p->tasks_done = sqlite3_column_int(s, 10);
	p->current = strcmp(p->id, current) == 0;
	p->in_use = in_use && strcmp(p->id, in_use) == 0;
}

/* The commune's plans (or the one with id), newest first. */
static int
read_plans(struct store *st, const char *id, struct arena *a,
	   struct store_plan **out, int *n, struct ntm_error *e)
{
	char current[STORE_ID_LEN];
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	if (default_plan(st, current, e) || store_prepare(st, SQL_PLANS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->commune_id);
	store_bind_text(s, 2, id);
	size_t cap = 0, k = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		fill_plan(s, a, current, st->plan_id, &(*out)[k++]);
	}
	sqlite3_finalize(s);
	*n = (int)k;
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

int
store_plans(struct store *st, struct arena *a, struct store_plan **out,
	    int *n, struct ntm_error *e)
{
	return read_plans(st, NULL, a, out, n, e);
}

/* The plan with this id, if it is still the commune's. */
static int
plan_by_id(struct store *st, const char *id, struct arena *a,
	   struct store_plan *out, bool *found, struct ntm_error *e)
{
	struct store_plan *p;
	int n;
	*found = false;
	if (!id)
		return NTM_OK;
	int rc = read_plans(st, id, a, &p, &n, e);
	if (rc == NTM_OK && n == 1) {
		*out = *p;
		*found = true;
	}
	return rc;
}

int
store_plan_in_use(struct store *st, struct arena *a, struct store_plan *out,
		  struct ntm_error *e)
{
	bool found;
	*out = (struct store_plan){0};
	int rc = plan_by_id(st, st->plan_id, a, out, &found, e);
	/* Removed meanwhile (a colleague, an undo of its copy): the default
	 * is read from now on. */
	if (rc == NTM_OK && !found && st->plan_id &&
	    (rc = store_plan_load_default(st, e)) == NTM_OK)
		rc = plan_by_id(st, st->plan_id, a, out, &found, e);
	return rc;
}

/* ---- finding a plan as a person names it ---------------------------------- */

/* A plan number as compared: folded, without spaces ("32/KH-UBND",
 * "32/kh - ubnd"). Allocated in a; NULL without memory. */
static const char *
number_key(struct arena *a, const char *s)
{
	char *k = model_plan_number_key(s);
	const char *out = k ? arena_strdup(a, k) : NULL;
	free(k);
	return out;
}

/* "32/KH-UBND năm 2024, 15/KH-UBND năm 2025" for a message. */
static const char *
plan_names(struct arena *a, const struct store_plan *p, int n, int year)
{
	sqlite3_str *b = sqlite3_str_new(NULL);
	int k = 0;
	for (int i = 0; i < n; i++)
		if (!year || p[i].year == year)
			sqlite3_str_appendf(b, k++ ? ", " MSG_PLAN_LIST_ITEM
					    : MSG_PLAN_LIST_ITEM, p[i].number,
					    p[i].year);
	char *s = sqlite3_str_finish(b);
	const char *out = arena_strdup(a, s ? s : "");
	sqlite3_free(s);
	return out;
}

static bool
is_year(const char *s, int *year)
{
	char *end;
	long y = strtol(s, &end, 10);
	if (end == s || *end != '\0' || strlen(s) != 4)
		return false;
	*year = (int)y;
	return true;
}

int
store_plan_find(struct store *st, const char *which, struct arena *a,
		struct store_plan *out, struct ntm_error *e)
{
	struct store_plan *p;
	int n, year = 0, hits = 0, hit = -1;
	int rc = read_plans(st, NULL, a, &p, &n, e);
	if (rc != NTM_OK)
		return rc;
	if (n == 0)
		return ntm_fail(e, NTM_FAIL, MSG_PLAN_NONE, st->commune_name);
	const char *want = store_clean_line(a, which, MAX_NUMBER, WHAT_PLAN_NUMBER, e);
	if (!want)
		return NTM_USAGE;
	bool by_year = is_year(want, &year);
	const char *key = number_key(a, want);
	for (int i = 0; i < n; i++)
		if (strcmp(p[i].id, want) == 0) {     /* a screen names it by id */
			*out = p[i];
			return NTM_OK;
		}
	for (int i = 0; i < n; i++) {
		bool match = by_year ? p[i].year == year
			: key && strcmp(number_key(a, p[i].number), key) == 0;
		if (match) {
			hits++;
			hit = i;
		}
	}
	if (hits == 1) {
		*out = p[hit];
		return NTM_OK;
	}
	if (hits > 1 && by_year)
		return ntm_fail(e, NTM_USAGE, MSG_PLAN_YEAR_MANY, year, hits,
				plan_names(a, p, n, year));
	return ntm_fail(e, NTM_USAGE, MSG_PLAN_UNKNOWN, st->commune_name, want,
			plan_names(a, p, n, 0));
}

int
store_plan_select(struct store *st, const char *which, struct ntm_error *e)
{
	if (!which)
		return store_plan_load_default(st, e);
	struct arena a = {0};
	struct store_plan p;
	int rc = store_plan_find(st, which, &a, &p, e);
	if (rc == NTM_OK)
		use_plan(st, p.id);
	arena_free(&a);
	return rc;
}

int
store_plan_remember(struct store *st, const char *which, struct ntm_error *e)
{
	if (st->ro_reason)
		return ntm_fail(e, NTM_FAIL, MSG_READ_ONLY, st->ro_reason);
	struct arena a = {0};
	struct store_plan p = {0};
	int rc = which ? store_plan_find(st, which, &a, &p, e) : NTM_OK;
	/* A preference, not a user action: one plain transaction. */
	if (rc == NTM_OK)
		rc = store_exec_text(st, which
				     ? "INSERT OR REPLACE INTO plan_choice(unit_id, "
				       "plan_id) VALUES (?1, ?2)"
				     : "DELETE FROM plan_choice WHERE unit_id = ?1",
				     st->commune_id, which ? p.id : NULL, e);
	if (rc == NTM_OK)
		rc = store_plan_load_default(st, e);
	arena_free(&a);
	return rc;
}

/* ---- a plan's fields ------------------------------------------------------- */


static const char *
required_line(struct arena *a, const char *s, int max, const char *what,
	      struct ntm_error *e)
{
	const char *c = store_clean_line(a, s, max, what, e);
	if (c && *c == '\0') {
		ntm_fail(e, NTM_USAGE, MSG_PLAN_NEEDS, what);
		return NULL;
	}
	return c;
}

int
store_criteria_set_find(struct store *st, const char *code, struct arena *a,
			const char **id, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT (SELECT id FROM criteria_set WHERE "
			  "lower(code) = lower(?1) AND level = 'xa'), "
			  "(SELECT group_concat(code, ', ') FROM criteria_set "
			  "WHERE level = 'xa')", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, code ? code : "ntm");
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW)
		rc = store_sql_fail(st, e, rc);
	else if (sqlite3_column_type(s, 0) == SQLITE_NULL)
		rc = ntm_fail(e, NTM_USAGE, MSG_SET_UNKNOWN, code,
			      store_col_text(s, 1) ? store_col_text(s, 1) : "");
	else
		rc = (*id = arena_strdup(a, store_col_text(s, 0))) ? NTM_OK : NTM_FAIL;
	sqlite3_finalize(s);
	return rc;
}

int
store_plan_clean_fields(struct store *st, struct arena *a,
			const struct store_plan_fields *in, bool creating,
			struct store_plan_clean *f, struct ntm_error *e)
{
	*f = (struct store_plan_clean){.year = in->year};
	if (creating && !in->year)
		return ntm_fail(e, NTM_USAGE, MSG_PLAN_NEEDS, WHAT_YEAR);
	if (in->year && (in->year < MIN_YEAR || in->year > MAX_YEAR)) {
		char y[16];
		snprintf(y, sizeof y, "%d", in->year);
		return ntm_fail(e, NTM_USAGE, MSG_PLAN_YEAR, MIN_YEAR, MAX_YEAR, y);
	}
	if (creating && (!in->number || !in->title))
		return ntm_fail(e, NTM_USAGE, MSG_PLAN_NEEDS,
				in->number ? WHAT_PLAN_TITLE : WHAT_PLAN_NUMBER);
	if ((in->number && !(f->number = required_line(a, in->number, MAX_NUMBER,
						       WHAT_PLAN_NUMBER, e))) ||
	    (in->title && !(f->title = required_line(a, in->title, MAX_PLAN_TITLE,
						     WHAT_PLAN_TITLE, e))) ||
	    (in->signer && !(f->signer = store_clean_line(a, in->signer,
							  STORE_MAX_PERSON,
							  WHAT_SIGNER, e))) ||
	    (in->issued_on && !(f->issued_on = store_clean_date(a, in->issued_on, WHAT_DATE, e))))
		return NTM_USAGE;
	if (creating)
		return store_criteria_set_find(st, in->criteria_set, a, &f->set_id, e);
	return NTM_OK;
}

int
store_plan_unique(struct store *st, struct arena *a, const char *commune_id,
		  int year, const char *number, const char *self_id,
		  struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT p.id, p.number, u.name FROM plan p JOIN "
			  "unit u ON u.id = p.unit_id WHERE p.unit_id = ?1 AND "
			  "p.year = ?2", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, commune_id);
	sqlite3_bind_int(s, 2, year);
	const char *key = number_key(a, number);
	int rc = NTM_OK, step;
	while (rc == NTM_OK && (step = sqlite3_step(s)) == SQLITE_ROW)
		if (key && (!self_id || strcmp(store_col_text(s, 0), self_id)) &&
		    strcmp(number_key(a, store_col_text(s, 1)), key) == 0)
			rc = ntm_fail(e, NTM_FAIL, MSG_PLAN_EXISTS,
				      store_col_text(s, 2), store_col_text(s, 1), year);
	sqlite3_finalize(s);
	return rc;
}

/* ---- creating, copying -------------------------------------------------------- */

struct plan_action {
	struct arena a;
	struct store_plan_clean f;
	const char *plan_id;          /* edit, remove, copy's source */
	int version;
	bool force;
	char new_id[STORE_ID_LEN];
	int carried;
};

int
store_plan_insert(struct store *st, struct arena *a,
		  const struct store_plan_clean *f, char id[STORE_ID_LEN],
		  struct ntm_error *e)
{
	sqlite3_stmt *s;
	int rc = store_plan_unique(st, a, st->commune_id, f->year, f->number, NULL, e);
	if (rc != NTM_OK || store_prepare(st, "INSERT INTO plan(id, unit_id, year, "
					  "number, issued_on, title, signer, set_id) "
					  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &s, e))
		return NTM_FAIL;
	store_new_id(id);
	store_bind_text(s, 1, id);
	store_bind_text(s, 2, st->commune_id);
	sqlite3_bind_int(s, 3, f->year);
	store_bind_text(s, 4, f->number);
	store_bind_text(s, 5, f->issued_on && *f->issued_on ? f->issued_on : NULL);
	store_bind_text(s, 6, f->title);
	store_bind_text(s, 7, f->signer && *f->signer ? f->signer : NULL);
	store_bind_text(s, 8, f->set_id);
	return store_step_done(st, s, e);
}

static int
insert_plan(struct store *st, struct plan_action *x, struct ntm_error *e)
{
	return store_plan_insert(st, &x->a, &x->f, x->new_id, e);
}

static int
new_work(struct store *st, void *ctx, struct ntm_error *e)
{
	return insert_plan(st, ctx, e);
}

static int
run_plan(struct store *st, enum ntm_verb verb, store_work_fn *work,
	 struct plan_action *x, char new_id[STORE_ID_LEN], struct ntm_error *e)
{
	int rc = store_action_run(st, verb, work, x, e);
	if (new_id)
		snprintf(new_id, STORE_ID_LEN, "%s", rc == NTM_OK ? x->new_id : "");
	arena_free(&x->a);
	return rc;
}

int
store_plan_new(struct store *st, const struct store_plan_fields *f,
	       char new_id[STORE_ID_LEN], struct ntm_error *e)
{
	struct plan_action x = {0};
	int rc = store_plan_clean_fields(st, &x.a, f, true, &x.f, e);
	if (rc != NTM_OK) {
		arena_free(&x.a);
		return rc;
	}
	return run_plan(st, NTM_VERB_PLAN_NEW, new_work, &x, new_id, e);
}

/* What the copy writes after the plan row: ?1 the new plan, ?2 the old. */
static const char *const SQL_COPY[] = {
	/* its own indicators, new rows of the new plan with the same codes */
	("INSERT INTO indicator(id, criterion_id, code, name, kind, comparator, "
	"  target, unit_label, source, verified, plan_id, ord, target_source) "
	"SELECT ntm_id(), criterion_id, code, name, kind, comparator, target, "
	"  unit_label, source, verified, ?1, ord, target_source "
	"FROM indicator WHERE plan_id = ?2 ORDER BY rowid"),
	/* its targets, on the new plan's own indicators where they were own */
	("INSERT INTO plan_target(id, plan_id, indicator_id, comparator, value, note) "
	"SELECT ntm_id(), ?1, coalesce((SELECT n.id FROM indicator o JOIN "
	"  indicator n ON n.plan_id = ?1 AND n.code = o.code AND "
	"  n.criterion_id = o.criterion_id WHERE o.id = pt.indicator_id AND "
	"  o.plan_id = ?2), pt.indicator_id), pt.comparator, pt.value, pt.note "
	"FROM plan_target pt WHERE pt.plan_id = ?2 ORDER BY pt.rowid"),
	/* every task not finished, numbered anew in the order shown; the
	 * old due date was the old plan's: the new plan sets its own */
	("INSERT INTO task(id, plan_id, sector_id, title, detail, responsible, "
	"  due, status, progress, note, ord, number, carried_from, issue, "
	"  proposal, budget_planned) "
	"SELECT ntm_id(), ?1, t.sector_id, t.title, t.detail, t.responsible, "
	"  NULL, t.status, t.progress, t.note, t.ord, row_number() OVER "
	"  (ORDER BY s.ord, t.ord, t.number, t.id), t.id, t.issue, t.proposal, "
	"  t.budget_planned "
	"FROM task t JOIN sector s ON s.id = t.sector_id "
	"WHERE t.plan_id = ?2 AND t.status <> 'hoan_thanh' "
	"ORDER BY s.ord, t.ord, t.number, t.id"),
	/* the capital each carried task still plans from each source: what
	 * was planned less what was paid from it (the work's total cost
	 * came with the task; its entries stay with the old plan) */
	("INSERT INTO fund_plan(id, task_id, source_id, amount) "
	"SELECT ntm_id(), n.id, p.source_id, p.amount - coalesce((SELECT "
	"  sum(amount) FROM fund_entry WHERE task_id = p.task_id AND source_id "
	"  = p.source_id AND kind = 'paid'), 0) AS left "
	"FROM task n JOIN fund_plan p ON p.task_id = n.carried_from "
	"WHERE n.plan_id = ?1 AND left > 0 ORDER BY n.number, p.rowid"),
	("INSERT INTO task_counter(plan_id, last) SELECT ?1, count(*) FROM task "
	"WHERE plan_id = ?1"),
};

static int
copy_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct plan_action *x = ctx;
	int rc = insert_plan(st, x, e);
	for (size_t i = 0; rc == NTM_OK && i < sizeof SQL_COPY / sizeof *SQL_COPY; i++)
		rc = store_exec_text(st, SQL_COPY[i], x->new_id, x->plan_id, e);
	sqlite3_stmt *s;
	if (rc == NTM_OK && store_prepare(st, "SELECT count(*) FROM task WHERE "
					  "plan_id = ?1", &s, e) == NTM_OK) {
		store_bind_text(s, 1, x->new_id);
		x->carried = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
		sqlite3_finalize(s);
	}
	return rc;
}

int
store_plan_copy(struct store *st, const char *from,
		const struct store_plan_fields *f, char new_id[STORE_ID_LEN],
		int *carried, struct ntm_error *e)
{
	struct plan_action x = {0};
	struct store_plan old;
	struct store_plan_fields g = *f;
	if (carried)
		*carried = 0;
	int rc = store_plan_find(st, from, &x.a, &old, e);
	if (rc == NTM_OK) {
		if (!g.title && g.year) {
			size_t size = strlen(old.title) + 16;
			g.title = model_plan_title_for_year(old.title, old.year, g.year,
							    arena_alloc(&x.a, size),
							    (int)size);
		}
		g.criteria_set = old.criteria_set;
		rc = store_plan_clean_fields(st, &x.a, &g, true, &x.f, e);
	}
	if (rc != NTM_OK) {
		arena_free(&x.a);
		return rc;
	}
	x.plan_id = old.id;
	rc = store_action_run(st, NTM_VERB_PLAN_COPY, copy_work, &x, e);
	if (rc == NTM_OK && carried)
		*carried = x.carried;
	if (new_id)
		snprintf(new_id, STORE_ID_LEN, "%s", rc == NTM_OK ? x.new_id : "");
	arena_free(&x.a);
	return rc;
}

/* ---- editing, removing ------------------------------------------------------ */

/* The plan as it is now, if it is still the version the caller saw. */
static int
current_plan(struct store *st, struct plan_action *x, struct store_plan *p,
	     struct ntm_error *e)
{
	bool found;
	int rc = plan_by_id(st, x->plan_id, &x->a, p, &found, e);
	if (rc == NTM_OK && !found)
		rc = ntm_fail(e, NTM_FAIL, MSG_PLAN_GONE,
			      store_last_change_text(st, "plan", x->plan_id,
						     VERB_DELETE, &x->a));
	else if (rc == NTM_OK && x->version != STORE_ANY_VERSION &&
		 x->version != p->version)
		rc = ntm_fail(e, NTM_FAIL, MSG_PLAN_CHANGED, p->number,
			      store_last_change_text(st, "plan", x->plan_id,
						     VERB_EDIT, &x->a));
	return rc;
}

static bool
same(const char *now, const char *given)
{
	return !given || strcmp(now ? now : "", given) == 0;
}

static int
edit_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct plan_action *x = ctx;
	struct store_plan p;
	int rc = current_plan(st, x, &p, e);
	if (rc != NTM_OK)
		return rc;
	int year = x->f.year ? x->f.year : p.year;
	const char *number = x->f.number ? x->f.number : p.number;
	if ((year == p.year && same(p.number, x->f.number) &&
	     same(p.issued_on, x->f.issued_on) && same(p.title, x->f.title) &&
	     same(p.signer, x->f.signer)))
		return NTM_OK;      /* nothing changes: nothing written */
	rc = store_plan_unique(st, &x->a, st->commune_id, year, number, p.id, e);
	sqlite3_stmt *s;
	if (rc != NTM_OK || store_prepare(st, "UPDATE plan SET year = ?2, "
					  "number = ?3, issued_on = ?4, title = ?5, "
					  "signer = ?6, version = version + 1 "
					  "WHERE id = ?1", &s, e))
		return NTM_FAIL;
	const char *date = x->f.issued_on ? x->f.issued_on : p.issued_on;
	const char *signer = x->f.signer ? x->f.signer : p.signer;
	store_bind_text(s, 1, p.id);
	sqlite3_bind_int(s, 2, year);
	store_bind_text(s, 3, number);
	store_bind_text(s, 4, date && *date ? date : NULL);
	store_bind_text(s, 5, x->f.title ? x->f.title : p.title);
	store_bind_text(s, 6, signer && *signer ? signer : NULL);
	return store_step_done(st, s, e);
}

int
store_plan_edit(struct store *st, const char *plan_id, int expected_version,
		const struct store_plan_fields *f, struct ntm_error *e)
{
	struct plan_action x = {.plan_id = plan_id, .version = expected_version};
	int rc = store_plan_clean_fields(st, &x.a, f, false, &x.f, e);
	if (rc != NTM_OK) {
		arena_free(&x.a);
		return rc;
	}
	return run_plan(st, NTM_VERB_PLAN_EDIT, edit_work, &x, NULL, e);
}

/* Children first, the plan last: an undo (newest audit row first) puts
 * the plan back before what hangs on it. */
static const char *const SQL_REMOVE[] = {
	("DELETE FROM measurement WHERE indicator_id IN "
	"  (SELECT id FROM indicator WHERE plan_id = ?1)"),
	"DELETE FROM plan_target WHERE plan_id = ?1",
	"DELETE FROM fund_entry WHERE task_id IN (SELECT id FROM task WHERE "
	"plan_id = ?1)",
	"DELETE FROM fund_plan WHERE task_id IN (SELECT id FROM task WHERE "
	"plan_id = ?1)",
	"DELETE FROM task WHERE plan_id = ?1",
	"DELETE FROM indicator WHERE plan_id = ?1",
	"DELETE FROM plan_choice WHERE plan_id = ?1",
	"DELETE FROM plan WHERE id = ?1",
};

static int
remove_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct plan_action *x = ctx;
	struct store_plan p;
	int rc = current_plan(st, x, &p, e);
	if (rc == NTM_OK && p.tasks_total > 0 && !x->force)
		rc = ntm_fail(e, NTM_FAIL, MSG_PLAN_HAS_TASKS, p.number, p.year,
			      p.tasks_total);
	for (size_t i = 0; rc == NTM_OK && i < sizeof SQL_REMOVE / sizeof *SQL_REMOVE; i++)
		rc = store_exec_text(st, SQL_REMOVE[i], p.id, NULL, e);
	return rc;
}

int
store_plan_remove(struct store *st, const char *plan_id, int expected_version,
		  bool force, struct ntm_error *e)
{
	struct plan_action x = {.plan_id = plan_id, .version = expected_version,
				.force = force};
	int rc = run_plan(st, NTM_VERB_PLAN_REMOVE, remove_work, &x, NULL, e);
	if (rc == NTM_OK && st->plan_id && strcmp(st->plan_id, plan_id) == 0)
		rc = store_plan_load_default(st, e);
	return rc;
}
