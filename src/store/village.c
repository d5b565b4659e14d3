/* Villages of the commune: listing, look-up, add, rename, aliases,
 * removal, the checklist template applied to one, and the villages ×
 * template items matrix. The items themselves are in checklist.c. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char SQL_VILLAGE_NAMES[] =
	"SELECT id, name, NULL AS of FROM unit WHERE parent_id = ?1 "
	"AND level = 'thon' UNION ALL SELECT u.id, a.name, u.name "
	"FROM unit_alias a JOIN unit u ON u.id = a.unit_id "
	"WHERE u.parent_id = ?1 AND u.level = 'thon'";

static const char SQL_VILLAGES[] =
	"SELECT u.id, u.name, count(i.id), coalesce(sum(i.done), 0), u.version "
	"FROM unit u "
	"LEFT JOIN checklist_item i ON i.unit_id = u.id "
	"WHERE u.parent_id = ?1 AND u.level = 'thon' %s "
	"GROUP BY u.id ORDER BY u.name COLLATE VIETNAMESE";

static int
read_villages(struct store *st, const char *only_id, struct arena *a,
	      struct store_village **out, int *n, struct ntm_error *e)
{
	char *sql = sqlite3_mprintf(SQL_VILLAGES, only_id ? "AND u.id = ?2" : "");
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, e);
	sqlite3_free(sql);
	if (rc)
		return rc;
	store_bind_text(s, 1, st->commune_id);
	store_bind_text(s, 2, only_id);
	size_t cap = 0, k = 0;
	*out = NULL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		struct store_village *v = &(*out)[k++];
		snprintf(v->id, sizeof v->id, "%s", store_col_text(s, 0));
		v->name = arena_strdup(a, store_col_text(s, 1));
		v->items.total = sqlite3_column_int(s, 2);
		v->items.done = sqlite3_column_int(s, 3);
		v->version = sqlite3_column_int(s, 4);
	}
	*n = (int)k;
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK
		: store_sql_fail(st, e, sqlite3_errcode(st->db));
}

int
store_villages(struct store *st, struct arena *a, struct store_village **out,
	       int *n, struct ntm_error *e)
{
	return read_villages(st, NULL, a, out, n, e);
}

int
store_village_find(struct store *st, const char *name, struct arena *a,
		   struct store_village *out, struct ntm_error *e)
{
	char id[STORE_ID_LEN];
	int rc = store_find_name(st, SQL_VILLAGE_NAMES, st->commune_id, name,
				 WHAT_VILLAGE, a, id, NULL, e);
	if (rc)
		return rc;
	struct store_village *v;
	int n = 0;
	rc = read_villages(st, id, a, &v, &n, e);
	if (rc == NTM_OK && n == 1)
		*out = *v;
	return rc;
}

/* A name for a unit: one line, NFC, 1..max characters. */
static const char *
clean_name(struct arena *a, const char *s, int max, const char *what,
	   struct ntm_error *e)
{
	const char *c = store_clean_line(a, s, max, what, e);
	if (c && !*c) {
		ntm_fail(e, NTM_USAGE, "%s", MSG_EMPTY_NAME);
		return NULL;
	}
	return c;
}

/* The village (not itself) already called `name` exactly, or NULL. */
static const char *
name_taken(struct store *st, struct arena *a, const char *name,
	   const char *self_id)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, name FROM unit WHERE parent_id = ?1 "
			  "AND level = 'thon' AND name = ?2 UNION ALL "
			  "SELECT u.id, u.name FROM unit_alias a JOIN unit u "
			  "ON u.id = a.unit_id WHERE u.parent_id = ?1 "
			  "AND a.name = ?2", &s, NULL))
		return NULL;
	store_bind_text(s, 1, st->commune_id);
	store_bind_text(s, 2, name);
	const char *owner = NULL;
	while (!owner && sqlite3_step(s) == SQLITE_ROW)
		if (!self_id || strcmp(self_id, store_col_text(s, 0)) != 0)
			owner = arena_strdup(a, store_col_text(s, 1));
	sqlite3_finalize(s);
	return owner;
}

static int
insert_alias(struct store *st, const char *unit_id, const char *alias,
	     struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT OR IGNORE INTO unit_alias(id, unit_id, name) "
			  "VALUES (ntm_id(), ?1, ?2)", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, unit_id);
	store_bind_text(s, 2, alias);
	return store_step_done(st, s, e);
}

const char *
store_village_twin(struct store *st, const char *name, const char *self_id,
		   struct arena *a)
{
	const char *clean = store_clean_line(a, name, STORE_MAX_PLACE, WHAT_NAME, NULL);
	/* the same name is no look-alike: refused as taken */
	if (!clean || name_taken(st, a, clean, self_id))
		return NULL;
	char *key = model_village_key(clean);
	sqlite3_stmt *s;
	const char *twin = NULL;
	/* the villages, and the other names they go by (an old name after a
	 * rename still finds its village: a new village under it would be
	 * reached by neither name with certainty) */
	if (!key || store_prepare(st, "SELECT u.id, u.name, NULL, 0 FROM unit u "
				  "WHERE u.parent_id = ?1 AND u.level = 'thon' UNION ALL "
				  "SELECT u.id, a.name, u.name, 1 FROM unit_alias a JOIN unit u "
				  "ON u.id = a.unit_id WHERE u.parent_id = ?1 AND "
				  "u.level = 'thon' ORDER BY 4, 2 COLLATE VIETNAMESE",
				  &s, NULL)) {
		free(key);
		return NULL;
	}
	store_bind_text(s, 1, st->commune_id);
	while (!twin && sqlite3_step(s) == SQLITE_ROW) {
		if (self_id && strcmp(self_id, store_col_text(s, 0)) == 0)
			continue;
		char *other = model_village_key(store_col_text(s, 1));
		const char *of = store_col_text(s, 2);
		if (other && strcmp(other, key) == 0 && of) {
			char *t = sqlite3_mprintf(MSG_ALIAS_OF, store_col_text(s, 1), of);
			twin = arena_strdup(a, t ? t : of);
			sqlite3_free(t);
		} else if (other && strcmp(other, key) == 0) {
			twin = arena_strdup(a, store_col_text(s, 1));
		}
		free(other);
	}
	sqlite3_finalize(s);
	free(key);
	return twin;
}

/* One village edit under way, for the work functions of store_action_run. */
struct village_action {
	struct arena a;
	const char *name, *text;    /* the village as named; the new name/alias */
	int number;                 /* expected version, or expected items */
	const char *village_id;
	int added;
	bool force;                 /* add: even beside a look-alike name */
};

int
store_village_insert(struct store *st, struct arena *a, const char *name,
		     bool force, char id[STORE_ID_LEN], struct ntm_error *e)
{
	const char *owner = name_taken(st, a, name, NULL);
	if (owner)
		return ntm_fail(e, NTM_FAIL, MSG_VILLAGE_EXISTS, st->commune_name, owner);
	const char *twin = force ? NULL : store_village_twin(st, name, NULL, a);
	if (twin)
		return ntm_fail(e, NTM_FAIL, MSG_VILLAGE_TWIN, name, twin);
	store_new_id(id);
	sqlite3_stmt *s;
	int rc = store_prepare(st, "INSERT INTO unit(id, parent_id, level, name, ord) "
			       "SELECT ?1, ?2, 'thon', ?3, coalesce(max(ord), 0) + 1 "
			       "FROM unit WHERE parent_id = ?2", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, id);
		store_bind_text(s, 2, st->commune_id);
		store_bind_text(s, 3, name);
		rc = store_step_done(st, s, e);
	}
	if (rc == NTM_OK)
		rc = store_prepare(st, "INSERT INTO checklist_item(id, unit_id, "
				   "template_id, title, ord) SELECT ntm_id(), ?1, t.id, "
				   "t.title, t.ord FROM checklist_template t "
				   "JOIN criteria_set cs ON cs.id = t.set_id "
				   "AND cs.code = 'kdc_km' ORDER BY t.ord", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, id);
		rc = store_step_done(st, s, e);
	}
	return rc;
}

static int
add_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct village_action *x = ctx;
	char id[STORE_ID_LEN];
	return store_village_insert(st, &x->a, x->text, x->force, id, e);
}

int
store_village_add(struct store *st, const char *name, bool force,
		  struct ntm_error *e)
{
	struct village_action x = {.force = force};
	x.text = clean_name(&x.a, name, STORE_MAX_PLACE, WHAT_NAME, e);
	int rc = x.text ? store_action_run(st, NTM_VERB_VILLAGE_ADD, add_work, &x, e)
		: NTM_USAGE;
	arena_free(&x.a);
	return rc;
}

/* The village as it is now, if it is still the version the caller saw
 * (STORE_ANY_VERSION: any). */
static int
current_village(struct store *st, struct village_action *x,
		struct store_village *v, struct ntm_error *e)
{
	int rc = store_village_find(st, x->name, &x->a, v, e);
	if (rc == NTM_OK && x->number != STORE_ANY_VERSION && v->version != x->number)
		rc = ntm_fail(e, NTM_FAIL, MSG_VILLAGE_CHANGED, v->name,
			      store_last_change_text(st, "unit", v->id, VERB_EDIT, &x->a));
	return rc;
}

static int
rename_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct village_action *x = ctx;
	struct store_village v;
	int rc = current_village(st, x, &v, e);
	if (rc != NTM_OK || strcmp(v.name, x->text) == 0)
		return rc;          /* the same name: nothing to write */
	const char *owner = name_taken(st, &x->a, x->text, v.id);
	if (owner)
		return ntm_fail(e, NTM_FAIL, MSG_VILLAGE_EXISTS, st->commune_name, owner);
	rc = store_exec_text(st, "UPDATE unit SET name = ?2, version = version + 1 "
		       "WHERE id = ?1", v.id, x->text, e);
	/* The old name stays findable; an alias equal to the new name goes. */
	if (rc == NTM_OK)
		rc = insert_alias(st, v.id, v.name, e);
	if (rc == NTM_OK)
		rc = store_exec_text(st, "DELETE FROM unit_alias WHERE unit_id = ?1 "
			       "AND name = ?2", v.id, x->text, e);
	return rc;
}

int
store_village_rename(struct store *st, const char *name, int expected_version,
		     const char *new_name, struct ntm_error *e)
{
	struct village_action x = {.name = name, .number = expected_version};
	x.text = clean_name(&x.a, new_name, STORE_MAX_PLACE, WHAT_NAME, e);
	int rc = x.text ? store_action_run(st, NTM_VERB_VILLAGE_RENAME, rename_work,
					   &x, e) : NTM_USAGE;
	arena_free(&x.a);
	return rc;
}

static int
alias_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct village_action *x = ctx;
	struct store_village v;
	int rc = store_village_find(st, x->name, &x->a, &v, e);
	const char *owner = rc ? NULL : name_taken(st, &x->a, x->text, NULL);
	if (owner)
		rc = ntm_fail(e, NTM_FAIL, MSG_ALIAS_EXISTS, x->text, owner);
	return rc == NTM_OK ? insert_alias(st, v.id, x->text, e) : rc;
}

int
store_village_alias(struct store *st, const char *name, const char *alias,
		    struct ntm_error *e)
{
	struct village_action x = {.name = name};
	x.text = clean_name(&x.a, alias, STORE_MAX_PLACE, WHAT_NAME, e);
	int rc = x.text ? store_action_run(st, NTM_VERB_VILLAGE_ALIAS, alias_work,
					   &x, e) : NTM_USAGE;
	arena_free(&x.a);
	return rc;
}


/* ---- removing a village ---------------------------------------------------- */

static int
count_items(struct store *st, const char *unit_id, int *n, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT count(*) FROM checklist_item "
			  "WHERE unit_id = ?1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, unit_id);
	int rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? NTM_OK : store_sql_fail(st, e, rc);
}

/* Its items, then its aliases, then the village: undo (newest first)
 * brings back the village before what hangs on it. */
static int
delete_rows(struct store *st, const struct store_village *v, struct ntm_error *e)
{
	static const char *const sql[] = {
		"DELETE FROM checklist_item WHERE unit_id = ?1",
		"DELETE FROM unit_alias WHERE unit_id = ?1",
		"DELETE FROM unit WHERE id = ?1 AND level = 'thon'",
	};
	int rc = SQLITE_DONE;
	for (size_t i = 0; rc == SQLITE_DONE && i < 3; i++) {
		sqlite3_stmt *s;
		if (store_prepare(st, sql[i], &s, e))
			return NTM_FAIL;
		store_bind_text(s, 1, v->id);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc == SQLITE_DONE && i == 2 && sqlite3_changes(st->db) == 0)
			return ntm_fail(e, NTM_FAIL, MSG_VILLAGE_GONE, st->commune_name);
	}
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return ntm_fail(e, NTM_FAIL, MSG_VILLAGE_LINKED, v->name);
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

/* Counted inside the action's transaction: what is deleted is what the
 * check saw. */
static int
remove_village(struct store *st, const struct store_village *v, int expected,
	       struct ntm_error *e)
{
	int n = 0;
	int rc = count_items(st, v->id, &n, e);
	if (rc != NTM_OK)
		return rc;
	if (expected == 0 && n > 0)
		return ntm_fail(e, NTM_FAIL, MSG_VILLAGE_HAS_ITEMS, v->name, n, n);
	if (expected > 0 && n != expected)
		return ntm_fail(e, NTM_FAIL, MSG_VILLAGE_COUNT_CHANGED, v->name, n,
				expected);
	return delete_rows(st, v, e);
}

static int
remove_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct village_action *x = ctx;
	struct store_village v;
	int rc = store_village_find(st, x->name, &x->a, &v, e);
	return rc == NTM_OK ? remove_village(st, &v, x->number, e) : rc;
}

int
store_village_remove_counted(struct store *st, const char *name,
			     int expected_items, struct ntm_error *e)
{
	struct village_action x = {.name = name,
				   .number = expected_items < 0 ? -1 : expected_items};
	int rc = store_action_run(st, NTM_VERB_VILLAGE_REMOVE, remove_work, &x, e);
	arena_free(&x.a);
	return rc;
}

int
store_village_remove(struct store *st, const char *name, bool force,
		     struct ntm_error *e)
{
	return store_village_remove_counted(st, name, force ? -1 : 0, e);
}

/* ---- the checklist template --------------------------------------------- */

static const char SQL_TEMPLATE[] =
	"SELECT t.id, t.title FROM checklist_template t JOIN criteria_set cs "
	"ON cs.id = t.set_id AND cs.code = 'kdc_km' ORDER BY t.ord, t.rowid";

/* Template items the village lacks (by link and by title), appended in
 * template order after its last item. */
static const char SQL_APPLY_TEMPLATE[] =
	"INSERT INTO checklist_item(id, unit_id, template_id, title, ord) "
	"SELECT ntm_id(), ?1, t.id, t.title, ?2 + row_number() OVER "
	"  (ORDER BY t.ord, t.rowid) "
	"FROM checklist_template t JOIN criteria_set cs ON cs.id = t.set_id "
	"  AND cs.code = 'kdc_km' "
	"WHERE NOT EXISTS (SELECT 1 FROM checklist_item i WHERE i.unit_id = ?1 "
	"  AND (i.template_id = t.id OR i.title = t.title)) "
	"ORDER BY t.ord, t.rowid";

static int
apply_template(struct store *st, const char *village_id, int *added,
	       struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT (SELECT count(*) FROM unit WHERE id = ?1 "
			  "AND parent_id = ?2 AND level = 'thon'), (SELECT "
			  "coalesce(max(ord), 0) FROM checklist_item WHERE "
			  "unit_id = ?1)", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, village_id);
	store_bind_text(s, 2, st->commune_id);
	int rc = sqlite3_step(s);
	bool found = rc == SQLITE_ROW && sqlite3_column_int(s, 0) > 0;
	int last = rc == SQLITE_ROW ? sqlite3_column_int(s, 1) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_sql_fail(st, e, rc);
	if (!found)
		return ntm_fail(e, NTM_FAIL, MSG_VILLAGE_GONE, st->commune_name);
	if (store_prepare(st, SQL_APPLY_TEMPLATE, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, village_id);
	sqlite3_bind_int(s, 2, last);
	rc = store_step_done(st, s, e);
	*added = rc == NTM_OK ? sqlite3_changes(st->db) : 0;
	return rc;
}

static int
template_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct village_action *x = ctx;
	return apply_template(st, x->village_id, &x->added, e);
}

/* Nothing to add: no action (store_action_run rolls back an empty one). */
int
store_village_apply_template(struct store *st, const char *village_id,
			     int *added, struct ntm_error *e)
{
	struct village_action x = {.village_id = village_id};
	int rc = store_action_run(st, NTM_VERB_VILLAGE_TEMPLATE, template_work, &x, e);
	if (added)
		*added = rc == NTM_OK ? x.added : 0;
	return rc;
}

/* ---- villages × template items ------------------------------------------- */

static int
read_template(struct store *st, struct arena *a, struct store_matrix *m,
	      struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_TEMPLATE, &s, e))
		return NTM_FAIL;
	size_t cap = 0, cap2 = 0, k = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		m->template_ids = arena_grow(a, m->template_ids, k, &cap,
					     sizeof *m->template_ids);
		m->titles = arena_grow(a, m->titles, k, &cap2, sizeof *m->titles);
		m->template_ids[k] = arena_strdup(a, store_col_text(s, 0));
		m->titles[k++] = arena_strdup(a, store_col_text(s, 1));
	}
	sqlite3_finalize(s);
	m->nitems = (int)k;
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

static int
index_of_village(const struct store_matrix *m, const char *id)
{
	for (int v = 0; id && v < m->nvillages; v++)
		if (strcmp(m->villages[v].id, id) == 0)
			return v;
	return -1;
}

static int
index_of_template(const struct store_matrix *m, const char *id)
{
	for (int i = 0; id && i < m->nitems; i++)
		if (strcmp(m->template_ids[i], id) == 0)
			return i;
	return -1;
}

/* Every item of the commune's villages made from the template. */
static int
read_cells(struct store *st, struct arena *a, struct store_matrix *m,
	   struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT i.unit_id, i.template_id, i.done, i.id "
			  "FROM checklist_item i JOIN unit u ON u.id = i.unit_id "
			  "WHERE u.parent_id = ?1 AND u.level = 'thon' AND "
			  "i.template_id IS NOT NULL ORDER BY i.ord", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->commune_id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int v = index_of_village(m, store_col_text(s, 0));
		int i = index_of_template(m, store_col_text(s, 1));
		if (v < 0 || i < 0 || m->item_ids[v * m->nitems + i])
			continue;
		m->done[v * m->nitems + i] = (signed char)(sqlite3_column_int(s, 2) != 0);
		m->item_ids[v * m->nitems + i] = arena_strdup(a, store_col_text(s, 3));
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

static void
count_cells(struct store_matrix *m)
{
	for (int v = 0; v < m->nvillages; v++)
		for (int i = 0; i < m->nitems; i++) {
			signed char d = m->done[v * m->nitems + i];
			if (d < 0)
				continue;
			m->row_gauge[v].total++;
			m->col_gauge[i].total++;
			m->row_gauge[v].done += d;
			m->col_gauge[i].done += d;
		}
}

static int
read_matrix(struct store *st, struct arena *a, struct store_matrix *m,
	    struct ntm_error *e)
{
	int rc = store_villages(st, a, &m->villages, &m->nvillages, e);
	if (rc == NTM_OK)
		rc = read_template(st, a, m, e);
	if (rc != NTM_OK)
		return rc;
	size_t cells = (size_t)m->nvillages * (size_t)m->nitems;
	m->done = arena_alloc(a, cells + 1);
	memset(m->done, -1, cells);
	m->item_ids = arena_alloc(a, sizeof *m->item_ids * (cells + 1));
	m->row_gauge = arena_alloc(a, sizeof *m->row_gauge * ((size_t)m->nvillages + 1));
	m->col_gauge = arena_alloc(a, sizeof *m->col_gauge * ((size_t)m->nitems + 1));
	rc = read_cells(st, a, m, e);
	if (rc == NTM_OK)
		count_cells(m);
	return rc;
}

int
store_matrix(struct store *st, struct arena *a, struct store_matrix *m,
	     struct ntm_error *e)
{
	*m = (struct store_matrix){0};
	/* One read transaction: villages, template and cells agree. */
	bool own = sqlite3_get_autocommit(st->db) &&
		   sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	int rc = read_matrix(st, a, m, e);
	if (own)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != NTM_OK)
		*m = (struct store_matrix){0};
	return rc;
}

const char *
store_village_lookalike(struct store *st, const char *village_id,
			struct arena *a)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT o.name FROM unit v JOIN unit o ON "
			  "o.parent_id = v.parent_id AND o.level = 'thon' AND o.id <> v.id "
			  "AND ntm_fold(o.name) = ntm_fold(v.name) WHERE v.id = ?1 "
			  "ORDER BY o.name COLLATE VIETNAMESE LIMIT 1", &s, NULL))
		return NULL;
	store_bind_text(s, 1, village_id);
	const char *other = sqlite3_step(s) == SQLITE_ROW
		? arena_strdup(a, store_col_text(s, 0)) : NULL;
	sqlite3_finalize(s);
	return other;
}
