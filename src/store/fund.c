/* Money: the writes. A task's total cost, its planned capital by source,
 * and dated entries of money received, paid out and work completed, each
 * one audited action that checks what the person read is still there. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

/* ---- sources --------------------------------------------------------------- */

int
store_fund_sources(struct store *st, struct arena *a,
		   struct store_fund_source **out, int *n, struct ntm_error *e)
{
	sqlite3_stmt *s;
	size_t cap = 0, k = 0;
	*out = NULL;
	*n = 0;
	if (store_prepare(st, "SELECT id, code, name, ord, version FROM "
			  "fund_source ORDER BY ord, name", &s, e))
		return NTM_FAIL;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		struct store_fund_source *f = &(*out)[k++];
		snprintf(f->id, sizeof f->id, "%s", store_col_text(s, 0));
		f->code = arena_strdup(a, store_col_text(s, 1));
		f->name = arena_strdup(a, store_col_text(s, 2));
		f->ord = sqlite3_column_int(s, 3);
		f->version = sqlite3_column_int(s, 4);
	}
	sqlite3_finalize(s);
	*n = (int)k;
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

/* The folded form of s with '_' as a blank ("ns_tinh" → "ns tinh"). */
static char *
fold_key(const char *s)
{
	char *f = text_fold(s ? s : "");
	for (char *c = f; c && *c; c++)
		if (*c == '_')
			*c = ' ';
	return f;
}

/* Whether word (folded) is in name (folded) as whole words. */
static bool
has_words(const char *name, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = name; n && (p = strstr(p, word)); p++)
		if ((p == name || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return true;
	return false;
}

int
store_fund_source_find(struct store *st, const char *name, struct arena *a,
		       struct store_fund_source *out, struct ntm_error *e)
{
	struct store_fund_source *all;
	int n;
	const char *q = store_clean_line(a, name ? name : "", 200, WHAT_NAME, e);
	if (!q)
		return NTM_USAGE;
	if (store_fund_sources(st, a, &all, &n, e))
		return NTM_FAIL;
	char *fq = fold_key(q), *lq = text_casefold(q);
	bool accentless = !fq || !lq || strcmp(fq, lq) == 0;
	int exact = -1, hits = 0, hit = -1, marked = 0, mhit = -1;
	sqlite3_str *names = sqlite3_str_new(NULL), *list = sqlite3_str_new(NULL);
	struct store_candidate *c = arena_alloc(a, sizeof *c * (size_t)(n + 1));
	for (int i = 0; fq && i < n; i++) {
		char *fn = fold_key(all[i].name), *fc = fold_key(all[i].code);
		if (fn && fc && (strcmp(fq, fn) == 0 || strcmp(fq, fc) == 0))
			exact = i;
		else if (fn && *fq && has_words(fn, fq)) {
			sqlite3_str_appendf(names, "%s%s", hits++ ? ", " : "",
					    all[i].name);
			hit = i;
			/* "xã" names Ngân sách xã, not Con em xa quê */
			char *ln = text_casefold(all[i].name);
			if (ln && lq && has_words(ln, lq)) {
				marked++;
				mhit = i;
			}
			free(ln);
		}
		sqlite3_str_appendf(list, "%s%s", i ? ", " : "", all[i].name);
		c[i] = (struct store_candidate){.id = all[i].id, .name = all[i].name};
		free(fn);
		free(fc);
	}
	free(fq);
	free(lq);
	/* only when the marks say something (typed "xa": still ambiguous) */
	if (hits > 1 && marked == 1 && !accentless) {
		hits = 1;
		hit = mhit;
	}
	char *many = sqlite3_str_finish(names), *every = sqlite3_str_finish(list);
	int rc = NTM_OK;
	if (exact >= 0)
		*out = all[exact];
	else if (hits == 1)
		*out = all[hit];
	else if (hits > 1)
		rc = ntm_fail(e, NTM_USAGE, MSG_FUND_SOURCE_AMBIGUOUS, q,
			      many ? many : "");
	else
		rc = ntm_fail(e, NTM_USAGE, MSG_FUND_SOURCE_UNKNOWN, q,
			      store_nearest(a, c, n, q), every ? every : "");
	sqlite3_free(many);
	sqlite3_free(every);
	return rc;
}

struct source_action {
	const char *name, *code;
	char *new_id;
};

static int
source_add_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct source_action *x = ctx;
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT name FROM fund_source WHERE code = ?1 OR "
			  "ntm_fold(name) = ntm_fold(?2)", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, x->code);
	store_bind_text(s, 2, x->name);
	int rc = NTM_OK;
	if (sqlite3_step(s) == SQLITE_ROW)
		rc = ntm_fail(e, NTM_FAIL, MSG_FUND_SOURCE_TAKEN, x->name,
			      store_col_text(s, 0));
	sqlite3_finalize(s);
	if (rc != NTM_OK)
		return rc;
	char id[STORE_ID_LEN];
	store_new_id(id);
	struct store_arg args[] = {{.text = id}, {.text = x->code},
				   {.text = x->name}};
	rc = store_exec_script(st, "INSERT INTO fund_source(id, code, name, ord) "
			       "VALUES (?1, ?2, ?3, (SELECT coalesce(max(ord), 0) "
			       "+ 1 FROM fund_source))", args, 3, e);
	if (rc == NTM_OK && x->new_id)
		snprintf(x->new_id, STORE_ID_LEN, "%s", id);
	return rc;
}

int
store_fund_source_add(struct store *st, const char *name,
		      char new_id[STORE_ID_LEN], struct ntm_error *e)
{
	struct arena a = {0};
	struct source_action x = {.new_id = new_id};
	int rc = NTM_OK;
	x.name = store_clean_line(&a, name ? name : "", STORE_MAX_PLACE,
				  WHAT_NAME, e);
	if (!x.name)
		rc = NTM_USAGE;
	else if (!*x.name)
		rc = ntm_fail(e, NTM_USAGE, "%s", MSG_FUND_SOURCE_EMPTY);
	char *code = rc == NTM_OK ? fold_key(x.name) : NULL;
	for (char *c = code; c && *c; c++)
		if (*c == ' ')
			*c = '_';
	x.code = code;
	if (rc == NTM_OK)
		rc = store_action_run(st, NTM_VERB_FUND_SOURCE, source_add_work, &x, e);
	free(code);
	arena_free(&a);
	return rc;
}

/* ---- checks shared by the writes ------------------------------------------- */

int
store_fund_check_amount(long long v, bool zero_ok, struct ntm_error *e)
{
	if (v < 0)
		return ntm_fail(e, NTM_USAGE, "%s",
				model_money_reason(NTM_MONEY_NEGATIVE));
	if (v > NTM_MONEY_MAX)
		return ntm_fail(e, NTM_USAGE, "%s",
				model_money_reason(NTM_MONEY_TOO_BIG));
	if (v == 0 && !zero_ok)
		return ntm_fail(e, NTM_USAGE, "%s", MSG_FUND_ZERO);
	return NTM_OK;
}

/* The task, which must be one of the plan in use's (refused naming who
 * removed it otherwise). */
static int
plan_task(struct store *st, const char *task_id, struct arena *a,
	  struct store_task *t, struct ntm_error *e)
{
	return store_task_get(st, task_id, a, t, e);
}

/* The row `entity` id is not at version `want` any more (or is gone). */
static int
refuse_changed(struct store *st, const char *entity, const char *id,
	       const char *what, struct arena *a, struct ntm_error *e)
{
	return ntm_fail(e, NTM_FAIL, MSG_FUND_CHANGED, what,
			store_last_change_text(st, entity, id, VERB_EDIT, a));
}

/* ---- planned capital ------------------------------------------------------- */

struct plan_action {
	struct arena a;
	const char *task_id, *source;
	long long amount;            /* < 0: clear */
	int version;
};

static int
plan_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct plan_action *x = ctx;
	struct store_task t;
	struct store_fund_source src;
	int rc = plan_task(st, x->task_id, &x->a, &t, e);
	if (rc == NTM_OK)
		rc = store_fund_source_find(st, x->source, &x->a, &src, e);
	if (rc != NTM_OK)
		return rc;
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, amount, version FROM fund_plan WHERE "
			  "task_id = ?1 AND source_id = ?2", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, x->task_id);
	store_bind_text(s, 2, src.id);
	char id[STORE_ID_LEN] = "";
	long long had = -1;
	int version = 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		snprintf(id, sizeof id, "%s", store_col_text(s, 0));
		had = sqlite3_column_int64(s, 1);
		version = sqlite3_column_int(s, 2);
	}
	sqlite3_finalize(s);
	char what[400];
	snprintf(what, sizeof what, TXT_FUND_PLAN_OF, src.name, t.number);
	if (x->version != STORE_ANY_VERSION && x->version != version)
		return *id ? refuse_changed(st, "fund_plan", id, what, &x->a, e)
			   : ntm_fail(e, NTM_FAIL, MSG_FUND_PLAN_GONE, what);
	if (x->amount < 0) {
		if (!*id)
			return ntm_fail(e, NTM_FAIL, MSG_FUND_PLAN_NONE, what);
		return store_exec_text(st, "DELETE FROM fund_plan WHERE id = ?1",
				       id, NULL, e);
	}
	if (had == x->amount)
		return NTM_OK;              /* the same amount: nothing to do */
	if (!*id)
		store_new_id(id);
	struct store_arg args[] = {{.text = id}, {.text = x->task_id},
				   {.text = src.id}, {.num = x->amount, .is_num = true}};
	return store_exec_script(st, had >= 0
		? "UPDATE fund_plan SET amount = ?4, version = version + 1 "
		  "WHERE id = ?1"
		: "INSERT INTO fund_plan(id, task_id, source_id, amount) "
		  "VALUES (?1, ?2, ?3, ?4)", args, 4, e);
}

static int
run_plan(struct store *st, struct plan_action *x, struct ntm_error *e)
{
	int rc = store_action_run(st, NTM_VERB_FUND_PLAN, plan_work, x, e);
	arena_free(&x->a);
	return rc;
}

int
store_fund_plan_set(struct store *st, const char *task_id, const char *source,
		    long long amount, int expected_version, struct ntm_error *e)
{
	struct plan_action x = {.task_id = task_id, .source = source,
				.amount = amount, .version = expected_version};
	int rc = store_fund_check_amount(amount, true, e);
	return rc == NTM_OK ? run_plan(st, &x, e) : rc;
}

int
store_fund_plan_clear(struct store *st, const char *task_id,
		      const char *source, int expected_version,
		      struct ntm_error *e)
{
	struct plan_action x = {.task_id = task_id, .source = source,
				.amount = -1, .version = expected_version};
	return run_plan(st, &x, e);
}

/* ---- a task's total cost ---------------------------------------------------- */

static int
cost_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct plan_action *x = ctx;
	struct store_task t;
	int rc = plan_task(st, x->task_id, &x->a, &t, e);
	if (rc != NTM_OK)
		return rc;
	if (x->version != STORE_ANY_VERSION && x->version != t.version)
		return ntm_fail(e, NTM_FAIL, MSG_TASK_CHANGED, t.title,
				store_last_change_text(st, "task", x->task_id,
						       VERB_EDIT, &x->a));
	struct store_arg args[] = {{.text = x->task_id},
				   {.num = x->amount, .is_num = true}};
	return store_exec_script(st, x->amount < 0
		? "UPDATE task SET budget_planned = NULL, version = version + 1 "
		  "WHERE id = ?1 AND budget_planned IS NOT NULL"
		: "UPDATE task SET budget_planned = ?2, version = version + 1 "
		  "WHERE id = ?1 AND budget_planned IS NOT ?2", args, 2, e);
}

int
store_fund_cost_set(struct store *st, const char *task_id, int expected_version,
		    long long cost, struct ntm_error *e)
{
	struct plan_action x = {.task_id = task_id, .amount = cost < 0 ? -1 : cost,
				.version = expected_version};
	int rc = cost >= 0 ? store_fund_check_amount(cost, true, e) : NTM_OK;
	if (rc == NTM_OK)
		rc = store_action_run(st, NTM_VERB_FUND_COST, cost_work, &x, e);
	arena_free(&x.a);
	return rc;
}
