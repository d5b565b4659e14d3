/* Copies that merge, this copy's side: its replica id (a new one when the
 * file turns out to be a copy), the changes of every action captured by
 * the SQLite session extension in the action's own transaction, version
 * vectors, and the status. The design is in doc/sync.md. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- version vectors ------------------------------------------------------- */

long long
store_sync_vector_get(const char *v, const char *r)
{
	size_t rl = strlen(r);
	for (const char *p = v; p && *p;) {
		const char *colon = strchr(p, ':');
		if (!colon)
			break;
		if ((size_t)(colon - p) == rl && memcmp(p, r, rl) == 0)
			return strtoll(colon + 1, NULL, 10);
		p = strchr(colon, ',');
		p = p ? p + 1 : NULL;
	}
	return 0;
}

bool
store_sync_vector_covers(const char *v, const char *dots)
{
	char r[STORE_ID_LEN];
	for (const char *p = dots; p && *p;) {
		const char *colon = strchr(p, ':');
		if (!colon || colon - p >= STORE_ID_LEN)
			return false;
		memcpy(r, p, (size_t)(colon - p));
		r[colon - p] = '\0';
		if (store_sync_vector_get(v, r) < strtoll(colon + 1, NULL, 10))
			return false;
		p = strchr(colon, ',');
		p = p ? p + 1 : NULL;
	}
	return true;
}

char *
store_sync_vector(struct store *st)
{
	sqlite3_stmt *s;
	char *out = NULL;
	if (sqlite3_prepare_v2(st->db, "SELECT group_concat(replica || ':' || "
			       "seen, ',') FROM (SELECT replica, seen FROM "
			       "sync_origin WHERE seen > 0 ORDER BY replica)",
			       -1, &s, NULL) != SQLITE_OK)
		return NULL;
	if (sqlite3_step(s) == SQLITE_ROW)
		out = sqlite3_mprintf("%s", sqlite3_column_text(s, 0)
				      ? (const char *)sqlite3_column_text(s, 0) : "");
	sqlite3_finalize(s);
	return out;
}

const char *
store_other_replica(struct store *st, const char *replica, long long seq,
		    struct arena *a)
{
	/* the copy this file was made from: its changes from before the copy
	 * were this file's own */
	if (!replica || !*replica || strcmp(replica, st->replica) == 0 ||
	    (strcmp(replica, st->copied_from) == 0 && seq <= st->copied_upto))
		return NULL;
	char shortid[9];
	snprintf(shortid, sizeof shortid, "%.8s", replica);
	return arena_strdup(a, shortid);
}

/* ---- this copy's replica id ------------------------------------------------ */

/* "device:inode" of the file at path, or "" (in memory, gone). */
static void
file_stamp(const char *path, char out[64])
{
	struct stat sb;
	out[0] = '\0';
	if (path && *path && stat(path, &sb) == 0)
		snprintf(out, 64, "%llu:%llu", (unsigned long long)sb.st_dev,
			 (unsigned long long)sb.st_ino);
}

int
store_sync_install(sqlite3 *db, char **errmsg)
{
	int rc = store_audit_install_table(db, "sync_conflict", errmsg);
	if (rc != SQLITE_OK)
		return rc;
	/* A new id for every file that reaches schema 7 (two copies made
	 * before it each get their own), and the file it lives in, in the
	 * same transaction: a copy never has the one without the other.
	 * A new file is made beside its place and renamed: same inode. */
	char stamp[64];
	file_stamp(sqlite3_db_filename(db, "main"), stamp);
	char *sql = sqlite3_mprintf(
		"INSERT OR REPLACE INTO meta(key, value) VALUES "
		"('replica_id', ntm_id()), ('replica_stamp', %Q); "
		"INSERT INTO sync_origin(replica) "
		"SELECT value FROM meta WHERE key = 'replica_id'", stamp);
	rc = sqlite3_exec(db, sql, NULL, NULL, errmsg);
	sqlite3_free(sql);
	return rc;
}

const char *
store_replica_id(struct store *st)
{
	store_sync_claim_now(st, NULL);
	return st->replica;
}

static int
read_meta(struct store *st, const char *key, char *out, size_t size,
	  struct ntm_error *e)
{
	sqlite3_stmt *s;
	out[0] = '\0';
	if (store_prepare(st, "SELECT value FROM meta WHERE key = ?1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, key);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && store_col_text(s, 0))
		snprintf(out, size, "%s", store_col_text(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NTM_OK
		: store_sql_fail(st, e, rc);
}

/* The file is a copy of the replica `old`: a new id; the copy knows that
 * old had seen everything the file holds, and that it sent nothing yet. */
static const char SQL_NEW_REPLICA[] =
	"INSERT OR REPLACE INTO meta(key, value) VALUES ('replica_id', ?1), "
	"  ('replica_stamp', ?3), ('copied_from', ?2), ('copied_upto', "
	"  (SELECT coalesce(max(seen), 0) FROM sync_origin WHERE replica = ?2)); "
	"INSERT OR REPLACE INTO sync_peer(replica, origin, seen, heard_at) "
	"  SELECT ?2, replica, seen, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
	"  FROM sync_origin WHERE seen > 0 AND ?2 IS NOT NULL; "
	"UPDATE sync_origin SET exported = seen; "
	"INSERT OR IGNORE INTO sync_origin(replica) VALUES (?1)";


void
store_sync_reload_id(struct store *st)
{
	char upto[32];
	read_meta(st, "replica_id", st->replica, sizeof st->replica, NULL);
	read_meta(st, "copied_from", st->copied_from, sizeof st->copied_from,
		  NULL);
	read_meta(st, "copied_upto", upto, sizeof upto, NULL);
	st->copied_upto = strtoll(upto, NULL, 10);
}

/* Whether the file is not the one its replica id was given in (a stamp
 * missing too: never trust an id that may be another file's). */
static int
is_copy(struct store *st, bool *copy, char stamp[64], struct ntm_error *e)
{
	char was[64];
	*copy = false;
	file_stamp(st->path, stamp);
	if (!*stamp)
		return NTM_OK;
	if (read_meta(st, "replica_stamp", was, sizeof was, e))
		return NTM_FAIL;
	*copy = strcmp(was, stamp) != 0;
	return NTM_OK;
}

int
store_sync_open(struct store *st, struct ntm_error *e)
{
	store_sync_reload_id(st);
	if (!*st->replica)
		return read_meta(st, "replica_id", st->replica,
				 sizeof st->replica, e);
	/* Opening writes nothing: a copy takes its id at its first write. */
	char stamp[64];
	if (st->ro_reason || st->immutable)
		return NTM_OK;
	return is_copy(st, &st->sync_copy, stamp, e);
}

int
store_sync_claim(struct store *st, struct ntm_error *e)
{
	if (!st->sync_copy)
		return NTM_OK;
	/* In the caller's write transaction: another process may have given
	 * the copy its id meanwhile. */
	char stamp[64];
	bool copy;
	if (is_copy(st, &copy, stamp, e))
		return NTM_FAIL;
	int rc = NTM_OK;
	if (copy) {
		char fresh[STORE_ID_LEN];
		store_new_id(fresh);
		struct store_arg args[] = {{.text = fresh},
			{.text = *st->replica ? st->replica : NULL}, {.text = stamp}};
		rc = store_exec_script(st, SQL_NEW_REPLICA, args, 3, e);
	}
	if (rc == NTM_OK)
		rc = read_meta(st, "replica_id", st->replica, sizeof st->replica, e);
	if (rc == NTM_OK)
		store_sync_reload_id(st);
	/* stays a copy to claim when the caller rolls back */
	return rc;
}

void
store_sync_claimed(struct store *st)
{
	st->sync_copy = false;
}

int
store_sync_claim_now(struct store *st, struct ntm_error *e)
{
	if (!st->sync_copy || st->ro_reason)
		return NTM_OK;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_fail(st, e, sqlite3_errcode(st->db));
	int rc = store_sync_claim(st, e);
	if (rc == NTM_OK && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL)
			    == SQLITE_OK) {
		store_sync_claimed(st);
		return NTM_OK;
	}
	if (rc == NTM_OK)
		rc = store_sql_fail(st, e, sqlite3_errcode(st->db));
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	read_meta(st, "replica_id", st->replica, sizeof st->replica, NULL);
	return rc;
}

/* ---- capturing an action's changes ------------------------------------------ */

static int
synced_filter(void *ctx, const char *table)
{
	(void)ctx;
	return store_table_synced(table);
}

int
store_sync_capture_begin(struct store *st, struct ntm_error *e)
{
	store_sync_capture_abort(st);
	int rc = sqlite3session_create(st->db, "main", &st->session);
	if (rc == SQLITE_OK) {
		sqlite3session_table_filter(st->session, synced_filter, NULL);
		rc = sqlite3session_attach(st->session, NULL);
	}
	if (rc == SQLITE_OK)
		return NTM_OK;
	store_sync_capture_abort(st);
	return store_sql_fail(st, e, rc);
}

void
store_sync_capture_abort(struct store *st)
{
	if (st->session)
		sqlite3session_delete(st->session);
	st->session = NULL;
	sqlite3_free(st->sync_extra);
	st->sync_extra = NULL;
}

int
store_sync_declare_deleted(struct store *st, const char *entity,
			   const char *id, struct ntm_error *e)
{
	char *next = st->sync_extra
		? sqlite3_mprintf("%.*s,[\"%w\",\"%w\"]]",
				  (int)strlen(st->sync_extra) - 1, st->sync_extra,
				  entity, id)
		: sqlite3_mprintf("[[\"%w\",\"%w\"]]", entity, id);
	if (!next)
		return store_sql_fail(st, e, SQLITE_NOMEM);
	sqlite3_free(st->sync_extra);
	st->sync_extra = next;
	return NTM_OK;
}

/* The row's last change is (origin, seq) now: a change made here. */
const char store_sql_row_dots[] =
	"INSERT INTO sync_row(entity, row_id, dots) VALUES (?1, ?2, ?3) "
	"ON CONFLICT(entity, row_id) DO UPDATE SET dots = excluded.dots";

static int
mark_rows(struct store *st, const void *cs, int n, const char *dot,
	  struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, store_sql_row_dots, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 3, dot);
	int rc = SQLITE_OK;
	sqlite3_changeset_iter *it = NULL;
	if (n > 0)
		rc = sqlite3changeset_start(&it, n, (void *)cs);
	while (rc == SQLITE_OK && it && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *table;
		int ncol, op, indirect;
		sqlite3_value *pk = NULL;
		sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, 0, &pk);
		else
			sqlite3changeset_old(it, 0, &pk);
		sqlite3_reset(s);
		store_bind_text(s, 1, table);
		sqlite3_bind_value(s, 2, pk);
		int r = sqlite3_step(s);
		if (r != SQLITE_DONE)
			rc = r;
	}
	if (it) {
		int r = sqlite3changeset_finalize(it);
		if (rc == SQLITE_OK)
			rc = r;
	}
	/* and the rows declared deleted */
	if (rc == SQLITE_OK && st->sync_extra) {
		sqlite3_stmt *x;
		rc = sqlite3_prepare_v2(st->db, "SELECT json_extract(value, '$[0]'), "
					"json_extract(value, '$[1]') FROM json_each(?1)",
					-1, &x, NULL);
		if (rc == SQLITE_OK) {
			store_bind_text(x, 1, st->sync_extra);
			while (rc == SQLITE_OK && sqlite3_step(x) == SQLITE_ROW) {
				sqlite3_reset(s);
				store_bind_text(s, 1, store_col_text(x, 0));
				store_bind_text(s, 2, store_col_text(x, 1));
				if (sqlite3_step(s) != SQLITE_DONE)
					rc = sqlite3_errcode(st->db);
			}
			sqlite3_finalize(x);
		}
	}
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? NTM_OK : store_sql_fail(st, e, rc);
}

/* This copy's next change: its seq, the vector it was made with. */
static const char SQL_KEEP[] =
	"INSERT INTO sync_change(origin, seq, action_id, at, seen, extra, changes) "
	"VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?4, ?5, ?6)";

int
store_sync_capture_end(struct store *st, const char *action_id,
		       struct ntm_error *e)
{
	int n = 0;
	void *cs = NULL;
	int rc = st->session ? sqlite3session_changeset(st->session, &n, &cs)
		 : SQLITE_OK;
	if (st->session)
		sqlite3session_delete(st->session);
	st->session = NULL;
	if (rc != SQLITE_OK) {
		sqlite3_free(cs);
		store_sync_capture_abort(st);
		return store_sql_fail(st, e, rc);
	}
	if (n == 0 && !st->sync_extra) {
		sqlite3_free(cs);
		return NTM_OK;
	}
	long long seq = 0;
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT coalesce(max(seen), 0) + 1 FROM sync_origin "
			  "WHERE replica = ?1", &s, e)) {
		sqlite3_free(cs);
		return NTM_FAIL;
	}
	store_bind_text(s, 1, st->replica);
	if (sqlite3_step(s) == SQLITE_ROW)
		seq = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);

	int out = NTM_FAIL;
	char dot[STORE_ID_LEN + 24];
	snprintf(dot, sizeof dot, "%s:%lld", st->replica, seq);
	sqlite3_stmt *u;
	if (store_prepare(st, "INSERT INTO sync_origin(replica, seen) VALUES "
			  "(?1, ?2) ON CONFLICT(replica) DO UPDATE SET seen = "
			  "excluded.seen", &u, e) == NTM_OK) {
		store_bind_text(u, 1, st->replica);
		sqlite3_bind_int64(u, 2, seq);
		out = store_step_done(st, u, e);
	}
	char *vector = out == NTM_OK ? store_sync_vector(st) : NULL;
	if (out == NTM_OK && !vector)
		out = store_sql_fail(st, e, SQLITE_NOMEM);
	if (out == NTM_OK && store_prepare(st, SQL_KEEP, &s, e) == NTM_OK) {
		store_bind_text(s, 1, st->replica);
		sqlite3_bind_int64(s, 2, seq);
		store_bind_text(s, 3, action_id);
		store_bind_text(s, 4, vector);
		store_bind_text(s, 5, st->sync_extra);
		sqlite3_bind_blob(s, 6, cs ? cs : "", n, SQLITE_TRANSIENT);
		out = store_step_done(st, s, e);
	} else {
		out = NTM_FAIL;
	}
	sqlite3_free(vector);
	if (out == NTM_OK)
		out = mark_rows(st, cs, n, dot, e);
	if (out == NTM_OK)
		out = store_exec_text(st, "UPDATE audit SET replica = ?2 WHERE "
				      "action_id = ?1", action_id, st->replica, e);
	sqlite3_free(cs);
	sqlite3_free(st->sync_extra);
	st->sync_extra = NULL;
	return out;
}
