/* The commune in use (its plan in use: plans.c), and the plan's
 * own targets for indicators: set and cleared as audited actions, checked
 * against the version of the target row the caller saw. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_COMMUNES[] =
	"SELECT id, name, NULL AS of FROM unit WHERE level = 'xa' "
	"UNION ALL SELECT u.id, a.name, u.name FROM unit_alias a JOIN unit u "
	"ON u.id = a.unit_id WHERE u.level = 'xa'";

static int
only_commune(struct store *st, struct arena *a, char id[STORE_ID_LEN],
	     const char **name, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, name FROM unit WHERE level = 'xa' "
			  "ORDER BY name COLLATE VIETNAMESE", &s, e))
		return NTM_FAIL;
	sqlite3_str *names = sqlite3_str_new(NULL);
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		snprintf(id, STORE_ID_LEN, "%s", store_col_text(s, 0));
		*name = arena_strdup(a, store_col_text(s, 1));
		sqlite3_str_appendf(names, "%s%s", n++ ? ", " : "", *name);
	}
	sqlite3_finalize(s);
	char *list = sqlite3_str_finish(names);
	int rc = NTM_OK;
	if (n == 0)
		rc = ntm_fail(e, NTM_FAIL, MSG_NO_COMMUNE);
	else if (n > 1)
		rc = ntm_fail(e, NTM_USAGE, MSG_MANY_COMMUNES, list);
	sqlite3_free(list);
	return rc;
}

int
store_use_commune(struct store *st, const char *name, struct ntm_error *e)
{
	struct arena a = {0};
	char id[STORE_ID_LEN];
	const char *found = NULL;
	int rc = name
		? store_find_name(st, SQL_COMMUNES, NULL, name, WHAT_COMMUNE,
				  &a, id, &found, e)
		: only_commune(st, &a, id, &found, e);
	if (rc == NTM_OK) {
		snprintf(st->commune_id, sizeof st->commune_id, "%s", id);
		free(st->commune_name);
		st->commune_name = strdup(found);
		rc = store_plan_load_default(st, e);
	}
	arena_free(&a);
	return rc;
}

int
store_use_commune_id(struct store *st, const char *id, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT name FROM unit WHERE level = 'xa' "
			  "AND id = ?1", &s, e))
		return NTM_FAIL;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return rc == SQLITE_DONE ? ntm_fail(e, NTM_FAIL, MSG_NO_COMMUNE)
					 : store_sql_fail(st, e, rc);
	}
	snprintf(st->commune_id, sizeof st->commune_id, "%s", id);
	free(st->commune_name);
	st->commune_name = strdup(store_col_text(s, 0));
	sqlite3_finalize(s);
	return store_plan_load_default(st, e);
}

int
store_communes(struct store *st, struct arena *a, const char ***names, int *n,
	       struct ntm_error *e)
{
	sqlite3_stmt *s;
	*names = NULL;
	*n = 0;
	if (store_prepare(st, "SELECT name FROM unit WHERE level = 'xa' "
			  "ORDER BY name COLLATE VIETNAMESE", &s, e))
		return NTM_FAIL;
	int cap = 0, rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			const char **more = arena_alloc(a, sizeof *more * (size_t)cap);
			if (*n)
				memcpy(more, *names, sizeof *more * (size_t)*n);
			*names = more;
		}
		(*names)[(*n)++] = arena_strdup(a, store_col_text(s, 0));
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

/* ---- the plan's targets ----------------------------------------------------- */

/* The plan's target row for an indicator as it is now (exists false and
 * version 0 when there is none). */
struct target_row {
	bool exists;
	char id[STORE_ID_LEN];
	int version;
	enum ntm_cmp cmp;
	double value;
};

/* One target action under way. */
struct target_action {
	const struct store_indicator_ref *ind;
	int version;
	bool clear;
	enum ntm_cmp cmp;
	double value;
	struct arena a;
};

static int
read_target_row(struct store *st, const char *indicator_id,
		struct target_row *t, struct ntm_error *e)
{
	sqlite3_stmt *s;
	*t = (struct target_row){0};
	if (store_prepare(st, "SELECT id, version, comparator, value FROM "
			  "plan_target WHERE plan_id = ?1 AND indicator_id = ?2",
			  &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, indicator_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		t->exists = true;
		snprintf(t->id, sizeof t->id, "%s", store_col_text(s, 0));
		t->version = sqlite3_column_int(s, 1);
		model_cmp_parse(store_col_text(s, 2), &t->cmp);
		t->value = sqlite3_column_double(s, 3);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NTM_OK
		: store_sql_fail(st, e, rc);
}

/* The id of the target row last audited for this plan and indicator (a
 * cleared target's row is gone; its audit rows remain), or "". */
static const char *
last_target_id(struct store *st, const char *indicator_id, struct arena *a)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT entity_id FROM audit WHERE entity = "
			  "'plan_target' AND json_extract(coalesce(after, before), "
			  "'$.plan_id') = ?1 AND json_extract(coalesce(after, "
			  "before), '$.indicator_id') = ?2 ORDER BY seq DESC "
			  "LIMIT 1", &s, NULL))
		return "";
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, indicator_id);
	const char *id = sqlite3_step(s) == SQLITE_ROW
		? arena_strdup(a, store_col_text(s, 0)) : "";
	sqlite3_finalize(s);
	return id;
}

/* Refused when the target is no longer the version the caller saw. */
static int
check_target(struct store *st, struct target_action *x,
	     const struct target_row *now, struct ntm_error *e)
{
	if (x->version == STORE_ANY_VERSION || x->version == now->version)
		return NTM_OK;
	if (now->exists)
		return ntm_fail(e, NTM_FAIL, MSG_TARGET_CHANGED, x->ind->code,
				store_last_change_text(st, "plan_target", now->id,
						       VERB_EDIT, &x->a));
	return ntm_fail(e, NTM_FAIL, MSG_TARGET_GONE, x->ind->code,
			store_last_change_text(st, "plan_target",
					       last_target_id(st, x->ind->id, &x->a),
					       VERB_DELETE, &x->a));
}

static int
exec_target(struct store *st, const char *sql, const struct target_action *x,
	    struct ntm_error *e)
{
	sqlite3_stmt *s;
	char id[STORE_ID_LEN];
	if (store_prepare(st, sql, &s, e))
		return NTM_FAIL;
	store_new_id(id);
	store_bind_text(s, 1, id);
	store_bind_text(s, 2, st->plan_id);
	store_bind_text(s, 3, x->ind->id);
	store_bind_text(s, 4, model_cmp_word(x->cmp));
	sqlite3_bind_double(s, 5, x->value);
	return store_step_done(st, s, e);
}

static int
target_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct target_action *x = ctx;
	struct target_row now;
	int rc = read_target_row(st, x->ind->id, &now, e);
	if (rc == NTM_OK)
		rc = check_target(st, x, &now, e);
	if (rc != NTM_OK)
		return rc;
	if (x->clear && !now.exists)
		return ntm_fail(e, NTM_FAIL, MSG_NO_TARGET, x->ind->code);
	if (x->clear)
		return store_exec_text(st, "DELETE FROM plan_target WHERE id = ?1",
				       now.id, NULL, e);
	if (now.exists && now.cmp == x->cmp && now.value == x->value)
		return NTM_OK;      /* the same target: nothing to write */
	return exec_target(st, "INSERT INTO plan_target(id, plan_id, "
			   "indicator_id, comparator, value) VALUES (?1, ?2, ?3, "
			   "?4, ?5) ON CONFLICT (plan_id, indicator_id) DO UPDATE "
			   "SET comparator = excluded.comparator, value = "
			   "excluded.value, version = version + 1", x, e);
}

static int
run_target(struct store *st, struct target_action *x, struct ntm_error *e)
{
	if (!st->plan_id)
		return ntm_fail(e, NTM_FAIL, MSG_NO_PLAN, st->commune_name);
	int rc = store_action_run(st, NTM_VERB_TARGET, target_work, x, e);
	arena_free(&x->a);
	return rc;
}

int
store_target_set(struct store *st, const struct store_indicator_ref *ind,
		 int expected_version, enum ntm_cmp cmp, double value,
		 struct ntm_error *e)
{
	struct target_action x = {.ind = ind, .version = expected_version,
				  .cmp = cmp, .value = value};
	return run_target(st, &x, e);
}

int
store_target_clear(struct store *st, const struct store_indicator_ref *ind,
		   int expected_version, struct ntm_error *e)
{
	struct target_action x = {.ind = ind, .version = expected_version,
				  .clear = true};
	return run_target(st, &x, e);
}
