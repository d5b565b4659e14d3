/* Communes merged by the 2025 reform (ntm unit merge): every record of the
 * old communes moves under the merged one in one audited action.
 *
 * What moves, and how: villages change parent (their checklist items
 * follow, being the village's), plans change commune (their tasks,
 * targets and own indicators follow, being the plan's), measurements and
 * other names change commune; each row's version is read in the action's
 * transaction and checked by the update. The history follows too:
 * audit.unit_id, the commune an audit row is listed under, becomes the
 * merged one (store_audit_commune_install); the audit rows themselves,
 * their entities and ids never change. Then the old commune's row goes
 * and its name becomes another name of the merged one, so --unit OLD
 * still finds it.
 *
 * Names stay unique in the merged commune as the store keeps them: a
 * village (or a village's other name) whose name a village there already
 * has (model_village_key), or a plan with the year and number of one
 * there, gets " (OLD)" appended. A renamed village cannot keep its old
 * name as another name (another village of the commune has it): the
 * old name stays in the history, and an undo gives it back. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>

enum { MAX_SUFFIX = 50 };

struct merge {
	struct store *st;
	struct arena *a;
	const char *const *olds;
	int nold;
	const char *into;
	bool dry;
	struct store_merge_result *out;
	char new_id[STORE_ID_LEN];
	char (*old_id)[STORE_ID_LEN];
	int *old_version;
	const char *old;             /* the old commune being moved */
	size_t rcap;
};

/* A row read before it moves: its id, name (or number), version, year. */
struct row {
	const char *id, *name;
	int version, year;
};

static const char SQL_COMMUNE_NAMES[] =
	"SELECT id, name, NULL AS of FROM unit WHERE level = 'xa' "
	"UNION ALL SELECT u.id, a.name, u.name FROM unit_alias a JOIN unit u "
	"ON u.id = a.unit_id WHERE u.level = 'xa'";

/* ---- reading ------------------------------------------------------------- */

static int
read_rows(struct merge *x, const char *sql, const char *param,
	  struct row **out, int *n, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(x->st, sql, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, param);
	size_t cap = 0, k = 0;
	*out = NULL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		*out = arena_grow(x->a, *out, k, &cap, sizeof **out);
		struct row *r = &(*out)[k++];
		r->id = arena_strdup(x->a, store_col_text(s, 0));
		r->name = arena_strdup(x->a, store_col_text(s, 1));
		r->version = sqlite3_column_int(s, 2);
		r->year = sqlite3_column_int(s, 3);
	}
	*n = (int)k;
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK
		: store_sql_fail(x->st, e, sqlite3_errcode(x->st->db));
}

/* The first column of sql's first row as an integer (?1 = p1, ?2 = p2). */
static int
count_of(struct merge *x, const char *sql, const char *p1, const char *p2,
	 int *out, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_cached(x->st, sql, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, p1);
	store_bind_text(s, 2, p2);
	int rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NTM_OK
		: store_sql_fail(x->st, e, rc);
}

/* ---- finding the communes -------------------------------------------------- */

/* A name no commune has is refused when it names a village, a district
 * or a province, saying which; NTM_OK when it names nothing. */
static int
not_commune(struct merge *x, const char *name, struct ntm_error *e)
{
	sqlite3_stmt *s;
	int rc = NTM_OK;
	if (store_prepare(x->st, "SELECT u.name, u.level, p.name FROM unit u "
			  "LEFT JOIN unit p ON p.id = u.parent_id WHERE u.level "
			  "<> 'xa' AND (u.name = ?1 OR ntm_fold(u.name) = "
			  "ntm_fold(?1) OR ntm_place(u.name) = ntm_place(?1)) "
			  "ORDER BY u.name = ?1 DESC LIMIT 1", &s, NULL))
		return NTM_FAIL;
	store_bind_text(s, 1, name);
	if (sqlite3_step(s) == SQLITE_ROW) {
		const char *level = store_col_text(s, 1);
		const char *what = strcmp(level, "thon") == 0 ? TXT_MERGE_LEVEL_THON
			: strcmp(level, "huyen") == 0 ? TXT_MERGE_LEVEL_HUYEN
			: TXT_MERGE_LEVEL_TINH;
		const char *parent = store_col_text(s, 2);
		char where[256] = "";
		if (parent && strcmp(level, "thon") == 0)
			snprintf(where, sizeof where, TXT_MERGE_OF_COMMUNE, parent);
		rc = ntm_fail(e, NTM_FAIL, MSG_MERGE_NOT_COMMUNE,
			      store_col_text(s, 0), what, where);
	}
	sqlite3_finalize(s);
	return rc;
}

/* Whether any commune is called name (or has it as another name),
 * exactly or folded: then store_find_name decides, else it is new. */
static int
commune_named(struct merge *x, const char *name, int *n, struct ntm_error *e)
{
	return count_of(x, "SELECT count(*) FROM (SELECT id, name FROM unit "
			"WHERE level = 'xa' UNION ALL SELECT u.id, a.name FROM "
			"unit_alias a JOIN unit u ON u.id = a.unit_id WHERE "
			"u.level = 'xa') WHERE name = ?1 OR ntm_fold(name) = "
			"ntm_fold(?1) OR ntm_place(name) = ntm_place(?1)",
			name, NULL, n, e);
}

static int
find_commune(struct merge *x, const char *typed, char id[STORE_ID_LEN],
	     const char **name, struct ntm_error *e)
{
	const char *q = store_clean_text(x->a, typed, false, WHAT_NAME, e);
	int n;
	if (!q)
		return NTM_USAGE;
	if (commune_named(x, q, &n, e))
		return NTM_FAIL;
	if (n == 0 && not_commune(x, q, e))
		return NTM_FAIL;
	return store_find_name(x->st, SQL_COMMUNE_NAMES, NULL, q, WHAT_COMMUNE,
			       x->a, id, name, e);
}

/* The old communes, each once, none of them the merged one. */
static int
find_olds(struct merge *x, struct ntm_error *e)
{
	struct store_merge_result *o = x->out;
	o->from = arena_alloc(x->a, (size_t)x->nold * sizeof *o->from);
	x->old_id = arena_alloc(x->a, (size_t)x->nold * sizeof *x->old_id);
	x->old_version = arena_alloc(x->a, (size_t)x->nold * sizeof *x->old_version);
	for (int i = 0; i < x->nold; i++) {
		if (find_commune(x, x->olds[i], x->old_id[i], &o->from[i], e))
			return NTM_FAIL;
		for (int j = 0; j < i; j++)
			if (strcmp(x->old_id[j], x->old_id[i]) == 0)
				return ntm_fail(e, NTM_FAIL, MSG_MERGE_TWICE, o->from[i]);
		if (count_of(x, "SELECT version FROM unit WHERE id = ?1",
			     x->old_id[i], NULL, &x->old_version[i], e))
			return NTM_FAIL;
	}
	o->nfrom = x->nold;
	return NTM_OK;
}

/* The merged commune: an existing one, else a new row like the first
 * old commune's (its parent, info and place). */
static int
find_into(struct merge *x, struct ntm_error *e)
{
	struct store_merge_result *o = x->out;
	int n;
	if (commune_named(x, x->into, &n, e))
		return NTM_FAIL;
	if (n > 0) {
		if (find_commune(x, x->into, x->new_id, &o->into, e))
			return NTM_FAIL;
		for (int i = 0; i < x->nold; i++)
			if (strcmp(x->old_id[i], x->new_id) == 0)
				return ntm_fail(e, NTM_FAIL, MSG_MERGE_SAME, o->into);
		/* the action's first row is the merged commune's: the log and
		 * undo name the merge by it, not by a village that moved */
		return store_exec_text(x->st, "UPDATE unit SET version = version "
				       "+ 1 WHERE id = ?1", x->new_id, NULL, e);
	}
	o->into = store_clean_line(x->a, x->into, STORE_MAX_PLACE, WHAT_NAME, e);
	if (!o->into)
		return NTM_USAGE;
	if (!*o->into)
		return ntm_fail(e, NTM_USAGE, "%s", MSG_EMPTY_NAME);
	o->created = true;
	store_new_id(x->new_id);
	sqlite3_stmt *s;
	if (store_prepare(x->st, "INSERT INTO unit(id, parent_id, level, name, "
			  "info, ord) SELECT ?1, parent_id, 'xa', ?3, info, ord "
			  "FROM unit WHERE id = ?2", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, x->new_id);
	store_bind_text(s, 2, x->old_id[0]);
	store_bind_text(s, 3, o->into);
	return store_step_done(x->st, s, e);
}

/* ---- names kept unique --------------------------------------------------- */

/* Villages of ?1 other than ?2 with a name or another name like ?3. */
static const char SQL_VILLAGE_TAKEN[] =
	"SELECT EXISTS (SELECT 1 FROM unit u WHERE u.parent_id = ?1 AND "
	"u.id <> ?2 AND ntm_place(u.name) = ntm_place(?3)) OR EXISTS (SELECT 1 "
	"FROM unit_alias a JOIN unit u ON u.id = a.unit_id WHERE u.parent_id "
	"= ?1 AND u.id <> ?2 AND ntm_place(a.name) = ntm_place(?3))";
/* Plans of ?1 other than ?2 of the year ?4 numbered like ?3. */
static const char SQL_PLAN_TAKEN[] =
	"SELECT EXISTS (SELECT 1 FROM plan WHERE unit_id = ?1 AND id <> ?2 "
	"AND year = ?4 AND ntm_plan_key(number) = ntm_plan_key(?3))";

static bool
taken(struct merge *x, const char *sql, const char *self, const char *name,
      int year)
{
	sqlite3_stmt *s;
	if (store_cached(x->st, sql, &s, NULL))
		return true;
	store_bind_text(s, 1, x->new_id);
	store_bind_text(s, 2, self);
	store_bind_text(s, 3, name);
	sqlite3_bind_int(s, 4, year);
	bool yes = sqlite3_step(s) != SQLITE_ROW || sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return yes;
}

/* name, or "name (OLD)", "name (OLD 2)", … the first one free; a rename
 * is noted in the result. */
static const char *
free_name(struct merge *x, enum store_merge_kind kind, const struct row *r,
	  const char *self)
{
	const char *sql = kind == MERGE_PLAN ? SQL_PLAN_TAKEN : SQL_VILLAGE_TAKEN;
	if (!taken(x, sql, self, r->name, r->year))
		return r->name;
	char buf[1024];
	for (int k = 1; k < MAX_SUFFIX; k++) {
		if (k == 1)
			snprintf(buf, sizeof buf, TXT_MERGE_SUFFIX, r->name, x->old);
		else
			snprintf(buf, sizeof buf, TXT_MERGE_SUFFIX_N, r->name, x->old, k);
		if (!taken(x, sql, self, buf, r->year))
			break;
	}
	struct store_merge_result *o = x->out;
	o->renames = arena_grow(x->a, o->renames, (size_t)o->nrenames, &x->rcap,
				sizeof *o->renames);
	o->renames[o->nrenames++] = (struct store_merge_rename){
		.kind = kind, .commune = x->old, .from = r->name,
		.to = arena_strdup(x->a, buf), .year = r->year,
	};
	return o->renames[o->nrenames - 1].to;
}

/* ---- moving rows ----------------------------------------------------------- */

/* Runs sql with ?1 the merged commune, ?2 the row's id, ?3 the version
 * read, ?4 text, and wants exactly that row changed. */
static int
move_one(struct merge *x, const char *sql, const struct row *r,
	 const char *text, const char *noun, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_cached(x->st, sql, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, x->new_id);
	store_bind_text(s, 2, r->id);
	sqlite3_bind_int(s, 3, r->version);
	store_bind_text(s, 4, text);
	if (store_cached_done(x->st, s, e))
		return NTM_FAIL;
	if (sqlite3_changes(x->st->db) != 1)
		return ntm_fail(e, NTM_FAIL, MSG_MERGE_CHANGED, noun,
				r->name ? r->name : r->id);
	return NTM_OK;
}

static int
move_village_aliases(struct merge *x, const struct row *v, struct ntm_error *e)
{
	struct row *al;
	int n;
	if (read_rows(x, "SELECT id, name, version, 0 FROM unit_alias WHERE "
		      "unit_id = ?1 ORDER BY name", v->id, &al, &n, e))
		return NTM_FAIL;
	for (int i = 0; i < n; i++) {
		const char *name = free_name(x, MERGE_VILLAGE_ALIAS, &al[i], v->id);
		if (name != al[i].name && move_one(x, "UPDATE unit_alias SET name = "
			     "?4, version = version + 1 WHERE id = ?2 AND version "
			     "= ?3", &al[i], name, NOUN_ALIAS, e))
			return NTM_FAIL;
	}
	return NTM_OK;
}

static int
move_villages(struct merge *x, const char *old, struct ntm_error *e)
{
	struct row *v;
	int n, items;
	if (read_rows(x, "SELECT id, name, version, 0 FROM unit WHERE "
		      "parent_id = ?1 ORDER BY name", old, &v, &n, e))
		return NTM_FAIL;
	for (int i = 0; i < n; i++) {
		const char *name = free_name(x, MERGE_VILLAGE, &v[i], v[i].id);
		if (move_one(x, "UPDATE unit SET parent_id = ?1, name = ?4, "
			     "version = version + 1 WHERE id = ?2 AND version = ?3",
			     &v[i], name, NOUN_UNIT, e) ||
		    move_village_aliases(x, &v[i], e) ||
		    count_of(x, "SELECT count(*) FROM checklist_item WHERE "
			     "unit_id = ?1", v[i].id, NULL, &items, e))
			return NTM_FAIL;
		x->out->items += items;
	}
	x->out->villages += n;
	return NTM_OK;
}

static int
move_plans(struct merge *x, const char *old, struct ntm_error *e)
{
	struct row *p;
	int n, tasks;
	if (read_rows(x, "SELECT id, number, version, year FROM plan WHERE "
		      "unit_id = ?1 ORDER BY year, number", old, &p, &n, e))
		return NTM_FAIL;
	for (int i = 0; i < n; i++) {
		const char *number = free_name(x, MERGE_PLAN, &p[i], p[i].id);
		if (move_one(x, "UPDATE plan SET unit_id = ?1, number = ?4, "
			     "version = version + 1 WHERE id = ?2 AND version = ?3",
			     &p[i], number, NOUN_PLAN, e) ||
		    count_of(x, "SELECT count(*) FROM task WHERE plan_id = ?1",
			     p[i].id, NULL, &tasks, e))
			return NTM_FAIL;
		x->out->tasks += tasks;
	}
	x->out->plans += n;
	return NTM_OK;
}

static int
move_values(struct merge *x, const char *old, struct ntm_error *e)
{
	struct row *m;
	int n;
	if (read_rows(x, "SELECT id, NULL, version, 0 FROM measurement WHERE "
		      "unit_id = ?1", old, &m, &n, e))
		return NTM_FAIL;
	for (int i = 0; i < n; i++)
		if (move_one(x, "UPDATE measurement SET unit_id = ?1, version = "
			     "version + 1 WHERE id = ?2 AND version = ?3", &m[i],
			     NULL, NOUN_MEASUREMENT, e))
			return NTM_FAIL;
	x->out->values += n;
	return NTM_OK;
}

/* The old commune's other names go to the merged one (one it has
 * already, or its own name, is dropped: the name finds it either way). */
static int
move_aliases(struct merge *x, const char *old, struct ntm_error *e)
{
	struct row *al;
	int n, dup;
	if (read_rows(x, "SELECT id, name, version, 0 FROM unit_alias WHERE "
		      "unit_id = ?1", old, &al, &n, e))
		return NTM_FAIL;
	for (int i = 0; i < n; i++) {
		if (count_of(x, "SELECT EXISTS (SELECT 1 FROM unit_alias WHERE "
			     "unit_id = ?1 AND name = ?2) OR EXISTS (SELECT 1 FROM "
			     "unit WHERE id = ?1 AND name = ?2)", x->new_id,
			     al[i].name, &dup, e) ||
		    move_one(x, dup ? "DELETE FROM unit_alias WHERE id = ?2 AND "
			     "version = ?3" : "UPDATE unit_alias SET unit_id = ?1, "
			     "version = version + 1 WHERE id = ?2 AND version = ?3",
			     &al[i], NULL, NOUN_ALIAS, e))
			return NTM_FAIL;
		x->out->aliases += !dup;
	}
	return NTM_OK;
}

/* The old commune's row goes, its name another name of the merged one,
 * and its history (the merge's own rows about it too) is listed under
 * the merged one. */
static int
retire(struct merge *x, int i, struct ntm_error *e)
{
	const char *old = x->old_id[i];
	int actions;
	struct row r = {.id = old, .name = x->out->from[i],
			.version = x->old_version[i]};
	if (count_of(x, "SELECT count(DISTINCT action_id) FROM audit WHERE "
		     "unit_id = ?1 AND action_id <> (SELECT action_id FROM "
		     "action_ctx)", old, NULL, &actions, e) ||
	    move_one(x, "DELETE FROM unit WHERE id = ?2 AND version = ?3", &r,
		     NULL, NOUN_UNIT, e))
		return NTM_FAIL;
	x->out->actions += actions;
	int rc = store_exec_text(x->st, "INSERT OR IGNORE INTO unit_alias(id, "
				 "unit_id, name) SELECT ntm_id(), id, ?2 FROM unit "
				 "WHERE id = ?1 AND name <> ?2", x->new_id,
				 x->out->from[i], e);
	return rc ? rc : store_exec_text(x->st, "UPDATE audit SET unit_id = ?2 "
					 "WHERE unit_id = ?1", old, x->new_id, e);
}

/* Indicators with values from more than one of the communes. */
static int
find_mixed(struct merge *x, struct ntm_error *e)
{
	sqlite3_str *ids = sqlite3_str_new(NULL);
	sqlite3_str_appendf(ids, "[\"%w\"", x->new_id);
	for (int i = 0; i < x->nold; i++)
		sqlite3_str_appendf(ids, ",\"%w\"", x->old_id[i]);
	sqlite3_str_appendall(ids, "]");
	char *json = sqlite3_str_finish(ids);
	struct row *r;
	int n;
	int rc = read_rows(x, "SELECT i.code, NULL, 0, 0 FROM measurement m "
			   "JOIN indicator i ON i.id = m.indicator_id JOIN "
			   "criterion c ON c.id = i.criterion_id WHERE m.unit_id "
			   "IN (SELECT value FROM json_each(?1)) GROUP BY i.id "
			   "HAVING count(DISTINCT m.unit_id) > 1 "
			   "ORDER BY c.number, i.ord, i.code", json, &r, &n, e);
	sqlite3_free(json);
	if (rc)
		return rc;
	x->out->mixed = arena_alloc(x->a, (size_t)(n + 1) * sizeof *x->out->mixed);
	for (int i = 0; i < n; i++)
		x->out->mixed[i] = r[i].id;
	x->out->nmixed = n;
	return NTM_OK;
}

/* ---- the action -------------------------------------------------------------- */

static int
merge_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct merge *x = ctx;
	(void)st;
	int rc = find_olds(x, e);
	if (rc == NTM_OK)
		rc = find_into(x, e);
	if (rc == NTM_OK)
		rc = find_mixed(x, e);
	for (int i = 0; rc == NTM_OK && i < x->nold; i++) {
		x->old = x->out->from[i];
		rc = move_villages(x, x->old_id[i], e);
		if (rc == NTM_OK)
			rc = move_plans(x, x->old_id[i], e);
		if (rc == NTM_OK)
			rc = move_values(x, x->old_id[i], e);
		if (rc == NTM_OK)
			rc = move_aliases(x, x->old_id[i], e);
		if (rc == NTM_OK)
			rc = retire(x, i, e);
	}
	/* a dry run rolls everything back (store_action_run on a failure) */
	if (rc == NTM_OK && x->dry)
		return ntm_fail(e, NTM_FAIL, "%s", MSG_MERGE_DRY);
	return rc;
}

int
store_unit_merge(struct store *st, const char *const *olds, int nold,
		 const char *into, bool dry_run, struct arena *a,
		 struct store_merge_result *out, struct ntm_error *e)
{
	*out = (struct store_merge_result){0};
	if (nold < 1 || !into)
		return ntm_fail(e, NTM_USAGE, "%s", MSG_MERGE_NOTHING);
	struct merge x = {.st = st, .a = a, .olds = olds, .nold = nold,
			  .into = into, .dry = dry_run, .out = out};
	/* a commune's own file: a "merge" would only rename it, and its
	 * files would no longer match the level above's */
	int communes = 0;
	if (count_of(&x, "SELECT count(*) FROM unit WHERE level = 'xa'", NULL,
		     NULL, &communes, e))
		return NTM_FAIL;
	if (communes < 2 && !store_is_above(st))
		return ntm_fail(e, NTM_FAIL, "%s", MSG_MERGE_ONE_COMMUNE);
	int rc = store_action_run(st, NTM_VERB_UNIT_MERGE, merge_work, &x, e);
	if (dry_run && rc == NTM_FAIL && strcmp(e->msg, MSG_MERGE_DRY) == 0) {
		*e = (struct ntm_error){0};
		return NTM_OK;
	}
	bool in_use_gone = false;
	for (int i = 0; rc == NTM_OK && i < nold; i++)
		in_use_gone |= strcmp(st->commune_id, x.old_id[i]) == 0;
	return in_use_gone ? store_use_commune_id(st, x.new_id, e) : rc;
}

/* ---- undone, redone ---------------------------------------------------------- */

/* The action `id` undid (NULL: none) and whether `id` itself is a merge. */
static const char *
undid(struct store *st, const char *id, struct arena *a, bool *merge)
{
	sqlite3_stmt *s;
	*merge = false;
	if (store_prepare(st, "SELECT (SELECT undoes FROM action_undo WHERE "
			  "action_id = ?1), EXISTS (SELECT 1 FROM audit WHERE "
			  "action_id = ?1 AND verb = ?2)", &s, NULL))
		return NULL;
	store_bind_text(s, 1, id);
	store_bind_text(s, 2, model_verb_code(NTM_VERB_UNIT_MERGE));
	const char *out = NULL;
	if (sqlite3_step(s) == SQLITE_ROW) {
		out = arena_strdup(a, store_col_text(s, 0));
		*merge = sqlite3_column_int(s, 1);
	}
	sqlite3_finalize(s);
	return out;
}

/* Undone: the history the merge moved goes back to where its rows are
 * now (the merge's own rows, listed under the merged commune, stay). */
static const char SQL_UNMERGE[] =
	"UPDATE audit AS o SET unit_id = " SQL_AUDIT_COMMUNE("o.") " "
	"WHERE o.unit_id = (SELECT unit_id FROM audit WHERE action_id = ?1 "
	"AND unit_id IS NOT NULL LIMIT 1) AND o.seq < (SELECT min(seq) FROM "
	"audit WHERE action_id = ?1)";
/* Redone: the old communes' history is the merged one's again. */
static const char SQL_REMERGE[] =
	"UPDATE audit SET unit_id = (SELECT unit_id FROM audit WHERE "
	"action_id = ?1 AND unit_id IS NOT NULL LIMIT 1) WHERE unit_id IN "
	"(SELECT entity_id FROM audit WHERE action_id = ?1 AND entity = 'unit' "
	"AND after IS NULL AND json_extract(before, '$.level') = 'xa')";

int
store_unit_merge_history(struct store *st, const char *undo_id,
			 struct ntm_error *e)
{
	struct arena a = {0};
	bool merge = false;
	int depth = 0;
	/* undo of a merge (depth 1), undo of that undo (a redo), and so on */
	const char *id = undo_id;
	while (id && depth < 64) {
		const char *next = undid(st, id, &a, &merge);
		if (merge)
			break;
		id = next;
		depth++;
	}
	int rc = NTM_OK;
	if (id && merge && depth > 0)
		rc = store_exec_text(st, depth % 2 ? SQL_UNMERGE : SQL_REMERGE, id,
				     NULL, e);
	arena_free(&a);
	return rc;
}
