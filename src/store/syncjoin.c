/* A commune joins the level above's file (doc/district.md): its --all
 * export carries a snapshot of the commune as it stands (its rows with
 * their dots, its whole history, and every shared row with its code);
 * the file that does not have the commune yet takes it whole, matching
 * the shared rows to its own by code (sync_idmap), and reads every later
 * change of the commune through that map. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/syncdoc.h"
#include "syncapply.h"

/* Every shared row (entity, id, key): the key names the same row in
 * every file, whatever its id; parents before children (k). */
static const char SQL_SHARED_KEYS[] =
	"SELECT 1 AS k, 'criteria_set' AS entity, id, code AS key FROM "
	"  criteria_set UNION ALL "
	"SELECT 2, 'sector', id, code FROM sector UNION ALL "
	"SELECT 3, 'criterion', c.id, s.code || '/' || c.number FROM criterion "
	"  c JOIN criteria_set s ON s.id = c.set_id UNION ALL "
	"SELECT 4, 'indicator', i.id, s.code || '/' || c.number || '/' || "
	"  i.code FROM indicator i JOIN criterion c ON c.id = i.criterion_id "
	"  JOIN criteria_set s ON s.id = c.set_id WHERE i.plan_id IS NULL "
	"UNION ALL "
	"SELECT 5, 'checklist_template', t.id, coalesce(s.code, '') || '/' || "
	"  t.title FROM checklist_template t LEFT JOIN criteria_set s ON s.id "
	"  = t.set_id UNION ALL "
	"SELECT 6, 'fund_source', id, code FROM fund_source";

/* The rows of commune ?1, parents first: itself and its villages, their
 * other names, its plans and what hangs on them, its values, its
 * villages' checklists; with their dots. */
static const char SQL_COMMUNE_ROWS[] =
	"WITH u(id) AS (SELECT id FROM unit WHERE id = ?1 UNION ALL SELECT id "
	"  FROM unit WHERE parent_id = ?1), "
	"p(id) AS (SELECT id FROM plan WHERE unit_id = ?1), "
	"r(entity, id) AS (SELECT 'unit', id FROM u UNION ALL "
	"  SELECT 'unit_alias', id FROM unit_alias WHERE unit_id IN u UNION ALL "
	"  SELECT 'plan', id FROM p UNION ALL "
	"  SELECT 'indicator', id FROM indicator WHERE plan_id IN p UNION ALL "
	"  SELECT 'plan_target', id FROM plan_target WHERE plan_id IN p "
	"  UNION ALL "
	"  SELECT 'measurement', id FROM measurement WHERE unit_id IN u "
	"  UNION ALL "
	"  SELECT 'task', id FROM task WHERE plan_id IN p UNION ALL "
	"  SELECT 'fund_plan', id FROM fund_plan WHERE task_id IN (SELECT id "
	"  FROM task WHERE plan_id IN p) UNION ALL "
	"  SELECT 'fund_entry', id FROM fund_entry WHERE task_id IN (SELECT id "
	"  FROM task WHERE plan_id IN p) UNION ALL "
	"  SELECT 'checklist_item', id FROM checklist_item WHERE unit_id IN u) "
	"SELECT r.entity, r.id, (SELECT dots FROM sync_row d WHERE d.entity = "
	"  r.entity AND d.row_id = r.id) FROM r";

/* The commune's history and that of the rows every commune shares, as
 * the records carry audit rows (the sender's id for rows older than
 * schema 7). */
static const char SQL_HISTORY[] =
	"SELECT json_group_array(json_object('id', id, 'seq', seq, "
	"  'action_id', action_id, 'verb', verb, 'at', at, 'os_user', "
	"  os_user, 'person', person, 'entity', entity, 'entity_id', "
	"  entity_id, 'before', before, 'after', after, 'unit_id', unit_id, "
	"  'replica', coalesce(replica, ?2))) FROM (SELECT * FROM audit WHERE "
	"  unit_id = ?1 OR unit_id IS NULL ORDER BY seq)";

/* ---- the map ---------------------------------------------------------------- */

/* The JSON image x with every value that is a mapped id read as ours. */
#define SQL_MAPPED(x) "(SELECT json_group_object(j.key, coalesce(m.local_id, " \
	"j.value)) FROM json_each(" x ") j LEFT JOIN sync_idmap m ON " \
	"m.foreign_id = j.value)"
#define SQL_MAP_ID(x) "coalesce((SELECT local_id FROM sync_idmap WHERE " \
	"foreign_id = " x "), " x ")"

bool
sync_map_any(struct store *st)
{
	sqlite3_stmt *s;
	bool any = false;
	if (store_prepare(st, "SELECT EXISTS (SELECT 1 FROM sync_idmap)", &s,
			  NULL) == NTM_OK) {
		any = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	return any;
}

const char *
sync_map_id(struct store *st, struct arena *a, const char *id)
{
	sqlite3_stmt *s;
	if (!id || store_cached(st, "SELECT " SQL_MAP_ID("?1"), &s, NULL))
		return id;
	store_bind_text(s, 1, id);
	const char *out = sqlite3_step(s) == SQLITE_ROW
		? arena_strdup(a, store_col_text(s, 0)) : id;
	sqlite3_reset(s);
	return out;
}

const char *
sync_map_image(struct store *st, struct arena *a, const char *image)
{
	sqlite3_stmt *s;
	if (!image || store_cached(st, "SELECT " SQL_MAPPED("?1"), &s, NULL))
		return image;
	store_bind_text(s, 1, image);
	const char *out = sqlite3_step(s) == SQLITE_ROW && store_col_text(s, 0)
		? arena_strdup(a, store_col_text(s, 0)) : image;
	sqlite3_reset(s);
	return out;
}

int
sync_map_images(struct store *st, struct ntm_error *e)
{
	return store_exec_text(st, "UPDATE temp.sync_img SET row_id = "
			       SQL_MAP_ID("row_id") ", after = CASE WHEN after "
			       "IS NOT NULL THEN " SQL_MAPPED("after") " END",
			       NULL, NULL, e);
}

int
sync_join_row(struct store *st, struct arena *a, struct store_row_sqls *sql,
	      const char *entity, const char *id, const char *dots,
	      const char *image, long long *rows, struct ntm_error *e)
{
	const struct store_row_sql *t;
	const char *cur;
	id = sync_map_id(st, a, id);
	if (!store_table_synced(entity))
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_BAD_SNAPSHOT);
	if (store_row_sql(st, a, sql, entity, &t, e) ||
	    store_row_image(st, a, t, id, &cur, e))
		return NTM_FAIL;
	if (cur)
		return NTM_OK;     /* this file has it: ours stays */
	int rc = store_row_run(st, t->insert, sync_map_image(st, a, image),
			       NULL, e);
	if ((rc & 0xff) == SQLITE_CONSTRAINT || (rc & 0xff) == SQLITE_MISMATCH)
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_BAD_ROW, entity, id,
				sqlite3_errmsg(st->db));
	if (rc != NTM_OK)
		return store_sql_fail(st, e, rc);
	if (rows)
		++*rows;
	sqlite3_stmt *s;
	if (!dots)
		return NTM_OK;
	if (store_cached(st, store_sql_row_dots, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, entity);
	store_bind_text(s, 2, id);
	store_bind_text(s, 3, dots);
	return store_cached_done(st, s, e);
}

int
sync_add_audit(struct store *st, const char *json, size_t len,
	       const char *origin, bool mapped, const char *commune,
	       struct ntm_error *e)
{
	sqlite3_stmt *s, *m;
	/* every object read once: its fields as rows, gathered back */
#define F(k) "max(CASE j.key WHEN '" k "' THEN j.value END)"
	if (store_cached(st,
	    "INSERT OR IGNORE INTO audit(id, seq, action_id, verb, at, os_user, "
	    "  person, entity, entity_id, before, after, unit_id, replica) "
	    "SELECT " F("id") ", ?3 + a.key + 1, " F("action_id") ", " F("verb") ", " F("at") ", "
	    "  coalesce(" F("os_user") ", '?'), " F("person") ", " F("entity")
	    ", " F("entity_id") ", " F("before") ", " F("after") ", "
	    F("unit_id") ", coalesce(" F("replica") ", ?2) "
	    "FROM json_each(?1) a, json_each(a.value) j GROUP BY a.key "
	    "HAVING " F("id") " IS NOT NULL ORDER BY a.key", &s, e))
		return NTM_FAIL;
#undef F
	/* after this copy's own rows (seq is the order written here) */
	if (store_cached(st, "SELECT coalesce(max(seq), 0) FROM audit", &m, e))
		return NTM_FAIL;
	long long base = sqlite3_step(m) == SQLITE_ROW
		? sqlite3_column_int64(m, 0) : 0;
	sqlite3_reset(m);
	sqlite3_bind_text(s, 1, json, (int)len, SQLITE_STATIC);
	store_bind_text(s, 2, origin);
	sqlite3_bind_int64(s, 3, base);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return SYNC_DAMAGED;
	if (!mapped)
		return NTM_OK;
	/* the rows every commune shares, named as this file names them */
	struct store_arg args[] = {{.num = base, .is_num = true},
				   {.text = commune}};
	return store_exec_script(st, "UPDATE audit SET entity_id = "
				 SQL_MAP_ID("entity_id") ", unit_id = coalesce("
				 SQL_MAP_ID("unit_id") ", ?2), before = CASE WHEN "
				 "before IS NOT NULL THEN " SQL_MAPPED("before")
				 " END, after = CASE WHEN after IS NOT NULL THEN "
				 SQL_MAPPED("after") " END WHERE seq > ?1", args,
				 2, e);
}

bool
store_is_above(struct store *st)
{
	sqlite3_stmt *s;
	bool yes = false;
	if (store_prepare(st, "SELECT 1 FROM unit WHERE level IN ('huyen', "
			  "'tinh') LIMIT 1", &s, NULL) == NTM_OK) {
		yes = sqlite3_step(s) == SQLITE_ROW;
		sqlite3_finalize(s);
	}
	return yes;
}

/* ---- the sender ---------------------------------------------------------- */

/* Appends [entity, id, third, image] for each (entity, id, third) row of
 * s to out, commas between. */
static int
add_rows(struct store *st, struct arena *a, struct store_row_sqls *sql,
	 sqlite3_stmt *s, sqlite3_str *out, struct ntm_error *e)
{
	sqlite3_stmt *j;
	if (store_prepare(st, "SELECT json_array(?1, ?2, ?3, json(?4))", &j, e))
		return NTM_FAIL;
	int rc = NTM_OK, n = 0, r;
	while (rc == NTM_OK && (r = sqlite3_step(s)) == SQLITE_ROW) {
		const struct store_row_sql *t;
		const char *image = NULL;
		rc = store_row_sql(st, a, sql, store_col_text(s, 0), &t, e);
		if (rc == NTM_OK)
			rc = store_row_image(st, a, t, store_col_text(s, 1),
					     &image, e);
		if (rc != NTM_OK || !image)
			continue;
		sqlite3_reset(j);
		for (int k = 0; k < 3; k++)
			store_bind_text(j, k + 1, store_col_text(s, k));
		store_bind_text(j, 4, image);
		if (sqlite3_step(j) == SQLITE_ROW)
			sqlite3_str_appendf(out, "%s%s", n++ ? "," : "",
					    store_col_text(j, 0));
		else
			rc = store_sql_fail(st, e, sqlite3_errcode(st->db));
	}
	if (rc == NTM_OK && r != SQLITE_DONE)
		rc = store_sql_fail(st, e, r);
	sqlite3_finalize(j);
	return rc;
}

int
store_sync_snapshot(struct store *st, struct arena *a, const char **json,
		    size_t *len, struct ntm_error *e)
{
	*json = NULL;
	*len = 0;
	struct arena scratch = {0};
	struct store_row_sqls sql = {0};
	sqlite3_str *out = sqlite3_str_new(st->db);
	sqlite3_stmt *s;
	sqlite3_str_appendall(out, "{\"shared\":[");
	char *q = sqlite3_mprintf("SELECT entity, id, key FROM (%s) ORDER BY k, "
				  "key", SQL_SHARED_KEYS);
	int rc = q ? store_prepare(st, q, &s, e) : NTM_FAIL;
	sqlite3_free(q);
	if (rc == NTM_OK) {
		rc = add_rows(st, &scratch, &sql, s, out, e);
		sqlite3_finalize(s);
	}
	sqlite3_str_appendall(out, "],\"rows\":[");
	if (rc == NTM_OK && (rc = store_prepare(st, SQL_COMMUNE_ROWS, &s, e)) == NTM_OK) {
		store_bind_text(s, 1, st->commune_id);
		rc = add_rows(st, &scratch, &sql, s, out, e);
		sqlite3_finalize(s);
	}
	sqlite3_str_appendall(out, "],\"plan\":");
	/* the plan the commune follows (ntm plan use), so the level above
	 * shows the same one */
	if (rc == NTM_OK && (rc = store_prepare(st, "SELECT json_quote((SELECT "
						"plan_id FROM plan_choice WHERE "
						"unit_id = ?1))", &s, e)) == NTM_OK) {
		store_bind_text(s, 1, st->commune_id);
		sqlite3_str_appendall(out, sqlite3_step(s) == SQLITE_ROW
				      ? store_col_text(s, 0) : "null");
		sqlite3_finalize(s);
	}
	sqlite3_str_appendall(out, ",\"audit\":");
	if (rc == NTM_OK && (rc = store_prepare(st, SQL_HISTORY, &s, e)) == NTM_OK) {
		store_bind_text(s, 1, st->commune_id);
		store_bind_text(s, 2, st->replica);
		if (sqlite3_step(s) == SQLITE_ROW)
			sqlite3_str_appendall(out, store_col_text(s, 0));
		else
			rc = store_sql_fail(st, e, sqlite3_errcode(st->db));
		sqlite3_finalize(s);
	}
	sqlite3_str_appendall(out, "}");
	arena_free(&scratch);
	if (sqlite3_str_errcode(out) != SQLITE_OK && rc == NTM_OK)
		rc = store_sql_fail(st, e, SQLITE_NOMEM);
	int n = sqlite3_str_length(out);
	char *text = sqlite3_str_finish(out);
	if (rc == NTM_OK && text) {
		char *copy = arena_alloc(a, (size_t)n + 1);
		memcpy(copy, text, (size_t)n + 1);
		*json = copy;
		*len = (size_t)n;
	}
	sqlite3_free(text);
	return rc;
}

/* The national target of indicator ?2 as commune ?1 has it (image ?3):
 * each commune reads its own in the level above's file. */
static const char SQL_TARGET_OF[] =
	"INSERT OR REPLACE INTO sync_target(unit_id, indicator_id, comparator, "
	"target, target_source) SELECT ?1, id, json_extract(?3, "
	"'$.comparator'), json_extract(?3, '$.target'), json_extract(?3, "
	"'$.target_source') FROM indicator WHERE id = ?2 AND plan_id IS NULL";

int
sync_target_of(struct store *st, const char *commune, const char *indicator,
	       const char *image, struct ntm_error *e)
{
	struct store_arg args[] = {{.text = commune}, {.text = indicator},
				   {.text = image}};
	return store_exec_script(st, SQL_TARGET_OF, args, 3, e);
}

/* ---- the receiver ------------------------------------------------------------ */

/* The shared rows of the file: matched to ours by key (a map entry when
 * the ids differ), else added (a criteria set only that commune has). */
static int
match_shared(struct store *st, struct arena *a, struct store_row_sqls *sql,
	     const struct ntm_sync_header *h, struct ntm_error *e)
{
	char *q = sqlite3_mprintf(
		"DROP TABLE IF EXISTS temp.sync_keys; CREATE TEMP TABLE sync_keys"
		"(entity TEXT, key TEXT, id TEXT, PRIMARY KEY (entity, key)) "
		"WITHOUT ROWID; INSERT OR IGNORE INTO temp.sync_keys SELECT "
		"entity, key, id FROM (%s)", SQL_SHARED_KEYS);
	int rc = q ? store_exec_script(st, q, NULL, 0, e) : NTM_FAIL;
	sqlite3_free(q);
	sqlite3_stmt *s, *k;
	if (rc || store_prepare(st, "SELECT json_extract(value, '$[0]'), "
				"json_extract(value, '$[1]'), json_extract(value, "
				"'$[2]'), json_extract(value, '$[3]') FROM "
				"json_each(?1, '$.shared')", &s, e))
		return NTM_FAIL;
	sqlite3_bind_text(s, 1, h->snapshot, (int)h->snapshot_len, SQLITE_STATIC);
	if (store_prepare(st, "SELECT id FROM temp.sync_keys WHERE entity = ?1 "
			  "AND key = ?2", &k, e)) {
		sqlite3_finalize(s);
		return NTM_FAIL;
	}
	while (rc == NTM_OK && sqlite3_step(s) == SQLITE_ROW) {
		const char *entity = store_col_text(s, 0), *id = store_col_text(s, 1);
		const char *local = id;
		sqlite3_reset(k);
		store_bind_text(k, 1, entity);
		store_bind_text(k, 2, store_col_text(s, 2));
		if (!entity || !id) {
			rc = ntm_fail(e, NTM_FAIL, MSG_SYNC_BAD_SNAPSHOT);
		} else if (sqlite3_step(k) == SQLITE_ROW) {
			local = arena_strdup(a, store_col_text(k, 0));
			if (strcmp(local, id) != 0)
				rc = store_exec_text(st, "INSERT OR REPLACE INTO "
						     "sync_idmap(foreign_id, local_id) "
						     "VALUES (?1, ?2)", id, local, e);
		} else {
			rc = sync_join_row(st, a, sql, entity, id, NULL,
					   store_col_text(s, 3), NULL, e);
		}
		if (rc == NTM_OK && strcmp(entity, "indicator") == 0)
			rc = sync_target_of(st, h->commune_id, local,
					    store_col_text(s, 3), e);
	}
	sqlite3_finalize(k);
	sqlite3_finalize(s);
	if (rc == NTM_OK)
		rc = store_exec_text(st, "DROP TABLE temp.sync_keys", NULL, NULL, e);
	return rc;
}

/* The commune's rows; the commune itself under this file's district. */
static int
take_rows(struct store *st, struct arena *a, struct store_row_sqls *sql,
	  const struct ntm_sync_header *h, struct store_sync_result *out,
	  struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT json_extract(value, '$[0]'), "
			  "json_extract(value, '$[1]'), json_extract(value, "
			  "'$[2]'), CASE WHEN json_extract(value, '$[1]') = ?2 "
			  "THEN json_set(json_extract(value, '$[3]'), "
			  "'$.parent_id', (SELECT id FROM unit WHERE level IN "
			  "('huyen', 'tinh') ORDER BY level = 'tinh' LIMIT 1)) "
			  "ELSE json_extract(value, '$[3]') END FROM "
			  "json_each(?1, '$.rows')", &s, e))
		return NTM_FAIL;
	sqlite3_bind_text(s, 1, h->snapshot, (int)h->snapshot_len, SQLITE_STATIC);
	store_bind_text(s, 2, h->commune_id);
	int rc = NTM_OK;
	while (rc == NTM_OK && sqlite3_step(s) == SQLITE_ROW) {
		if (!store_col_text(s, 0) || !store_col_text(s, 1) ||
		    !store_col_text(s, 3)) {
			rc = ntm_fail(e, NTM_FAIL, MSG_SYNC_BAD_SNAPSHOT);
			break;
		}
		rc = sync_join_row(st, a, sql, store_col_text(s, 0),
				   store_col_text(s, 1), store_col_text(s, 2),
				   store_col_text(s, 3), &out->rows, e);
	}
	sqlite3_finalize(s);
	return rc;
}

/* How far the file had seen every origin: the records it holds are
 * archived, not applied (the snapshot has what they did). */
static int
take_vector(struct store *st, const struct ntm_sync_header *h,
	    struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT INTO sync_origin(replica, seen) VALUES "
			  "(?1, ?2) ON CONFLICT(replica) DO UPDATE SET seen = "
			  "max(seen, excluded.seen)", &s, e))
		return NTM_FAIL;
	int rc = NTM_OK;
	for (int i = 0; rc == NTM_OK && i < h->nseen; i++) {
		sqlite3_reset(s);
		store_bind_text(s, 1, h->seen[i].replica);
		sqlite3_bind_int64(s, 2, h->seen[i].seq);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sql_fail(st, e, sqlite3_errcode(st->db));
	}
	sqlite3_finalize(s);
	return rc;
}

/* The commune's history, after this file's own. */
static int
take_history(struct store *st, const struct ntm_sync_header *h,
	     struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT json_extract(?1, '$.audit')", &s, e))
		return NTM_FAIL;
	sqlite3_bind_text(s, 1, h->snapshot, (int)h->snapshot_len, SQLITE_STATIC);
	const char *audit = sqlite3_step(s) == SQLITE_ROW ? store_col_text(s, 0)
							  : NULL;
	int rc = audit ? sync_add_audit(st, audit, strlen(audit), h->replica,
					true, h->commune_id, e)
		       : SYNC_DAMAGED;
	sqlite3_finalize(s);
	return rc == SYNC_DAMAGED ? ntm_fail(e, NTM_FAIL, MSG_SYNC_BAD_SNAPSHOT)
				  : rc;
}

/* The plan the commune follows (ntm plan use there), followed here too. */
static int
take_plan_choice(struct store *st, const struct ntm_sync_header *h,
		 struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT OR REPLACE INTO plan_choice(unit_id, "
			  "plan_id) SELECT ?1, id FROM plan WHERE id = "
			  "json_extract(?2, '$.plan') AND unit_id = ?1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, h->commune_id);
	sqlite3_bind_text(s, 2, h->snapshot, (int)h->snapshot_len, SQLITE_STATIC);
	return store_step_done(st, s, e);
}

int
store_sync_join(struct store *st, const struct ntm_sync_header *h,
		struct store_sync_result *out, struct ntm_error *e)
{
	struct arena a = {0};
	struct store_row_sqls sql = {0};
	int rc = match_shared(st, &a, &sql, h, e);
	if (rc == NTM_OK)
		rc = take_rows(st, &a, &sql, h, out, e);
	if (rc == NTM_OK)
		rc = take_history(st, h, e);
	if (rc == NTM_OK)
		rc = take_plan_choice(st, h, e);
	if (rc == NTM_OK)
		rc = take_vector(st, h, e);
	if (rc == NTM_OK)
		out->joined = h->commune;
	arena_free(&a);
	return rc;
}
