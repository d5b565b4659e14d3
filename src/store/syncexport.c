/* Sending changes on: what an export holds, what was exported, and the
 * status of this copy among the others (doc/sync.md). */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/syncdoc.h"

/* Per origin, the changes after `from`: all (?2), else after what was
 * exported and after what every copy heard from (?1 is this one) in the
 * last 60 days has seen of it (a copy gone quiet longer, or the old id of
 * a file that was copied, stops holding every export back; it gets the
 * changes it misses once it sends a file of its own). */
static const char SQL_FROM[] =
	"DROP TABLE IF EXISTS temp.sync_from; "
	"CREATE TEMP TABLE sync_from(origin TEXT PRIMARY KEY, from_seq INTEGER, "
	"  to_seq INTEGER) WITHOUT ROWID; "
	"INSERT INTO temp.sync_from "
	"SELECT o.replica, CASE WHEN ?2 THEN 0 ELSE min(o.exported, coalesce(("
	"  SELECT min(coalesce(p.seen, 0)) FROM (SELECT DISTINCT replica FROM "
	"  sync_peer WHERE replica <> ?1 AND heard_at >= strftime("
	"  '%Y-%m-%dT%H:%M:%SZ', 'now', '-60 days')) r LEFT JOIN sync_peer p ON p.replica "
	"  = r.replica AND p.origin = o.replica), o.exported)) END, o.seen "
	"FROM sync_origin o WHERE o.seen > 0; "
	"DELETE FROM temp.sync_from WHERE from_seq >= to_seq";

/* The records, in the order they were applied here. */
static const char SQL_RECORDS[] =
	"SELECT c.origin, c.seq, json_object('action_id', c.action_id, 'at', "
	"  c.at, 'seen', c.seen, 'extra', json(c.extra), 'verb', a.verb, "
	"  'os_user', a.os_user, 'person', a.person), c.changes, "
	"  (SELECT json_group_array(json_object('id', id, 'seq', seq, "
	"    'action_id', action_id, 'verb', verb, 'at', at, 'os_user', os_user, "
	"    'person', person, 'entity', entity, 'entity_id', entity_id, "
	"    'before', before, 'after', after, 'unit_id', unit_id, 'replica', "
	"    coalesce(replica, c.origin))) FROM (SELECT * FROM audit WHERE "
	"    action_id = c.action_id ORDER BY seq)) "
	"FROM sync_change c JOIN temp.sync_from f ON f.origin = c.origin "
	"  AND c.seq > f.from_seq "
	"LEFT JOIN audit a ON a.id = (SELECT id FROM audit WHERE action_id = "
	"  c.action_id ORDER BY seq LIMIT 1) "
	"ORDER BY c.rowid";


/* The header: this copy, its commune, its vector, the ranges. */
static int
read_header(struct store *st, struct arena *a, bool all,
	    struct ntm_sync_header *h, struct ntm_error *e)
{
	memset(h, 0, sizeof *h);
	h->format = NTM_SYNC_FORMAT;
	h->schema = STORE_SCHEMA_VERSION;
	h->all = all;
	snprintf(h->replica, sizeof h->replica, "%s", st->replica);
	snprintf(h->commune_id, sizeof h->commune_id, "%s", st->commune_id);
	h->commune = arena_strdup(a, st->commune_name ? st->commune_name : "");
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
			  "(SELECT count(*) FROM sync_change c JOIN temp.sync_from "
			  "f ON f.origin = c.origin AND c.seq > f.from_seq)", &s, e))
		return NTM_FAIL;
	if (sqlite3_step(s) == SQLITE_ROW) {
		h->created_at = arena_strdup(a, store_col_text(s, 0));
		h->nrecords = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);

	size_t cap = 0;
	if (store_prepare(st, "SELECT origin, from_seq, to_seq FROM "
			  "temp.sync_from ORDER BY origin", &s, e))
		return NTM_FAIL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		h->ranges = arena_grow(a, h->ranges, (size_t)h->nranges, &cap,
				       sizeof *h->ranges);
		struct ntm_sync_range *r = &h->ranges[h->nranges++];
		snprintf(r->origin, sizeof r->origin, "%s", store_col_text(s, 0));
		r->from = sqlite3_column_int64(s, 1);
		r->to = sqlite3_column_int64(s, 2);
	}
	sqlite3_finalize(s);

	cap = 0;
	if (store_prepare(st, "SELECT replica, seen FROM sync_origin WHERE "
			  "seen > 0 ORDER BY replica", &s, e))
		return NTM_FAIL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		h->seen = arena_grow(a, h->seen, (size_t)h->nseen, &cap,
				     sizeof *h->seen);
		struct ntm_sync_seq *q = &h->seen[h->nseen++];
		snprintf(q->replica, sizeof q->replica, "%s", store_col_text(s, 0));
		q->seq = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	return NTM_OK;
}

static int
emit_records(struct store *st, store_sync_emit_fn *emit, void *ctx,
	     struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_RECORDS, &s, e))
		return NTM_FAIL;
	int rc = NTM_OK, r;
	while (rc == NTM_OK && (r = sqlite3_step(s)) == SQLITE_ROW) {
		struct ntm_sync_record rec = {0};
		snprintf(rec.origin, sizeof rec.origin, "%s", store_col_text(s, 0));
		rec.seq = sqlite3_column_int64(s, 1);
		rec.meta = store_col_text(s, 2);
		rec.meta_len = (size_t)sqlite3_column_bytes(s, 2);
		rec.changes = sqlite3_column_blob(s, 3);
		rec.changes_len = (size_t)sqlite3_column_bytes(s, 3);
		rec.audit = store_col_text(s, 4);
		rec.audit_len = (size_t)sqlite3_column_bytes(s, 4);
		rc = emit(ctx, NULL, &rec, e);
	}
	if (rc == NTM_OK && r != SQLITE_DONE)
		rc = store_sql_fail(st, e, r);
	sqlite3_finalize(s);
	return rc;
}

int
store_sync_export(struct store *st, const struct store_sync_export_opts *o,
		  store_sync_emit_fn *emit, void *ctx, struct ntm_error *e)
{
	bool all = o && o->all;
	struct arena a = {0};
	struct ntm_sync_header h;
	if (store_sync_is_above(st))
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_DISTRICT_EXPORT);
	/* a copy says who it is in the file: its own id first */
	if (store_sync_claim_now(st, e))
		return NTM_FAIL;
	int rc = store_snapshot_begin(st, e);
	if (rc != NTM_OK)
		return rc;
	struct store_arg args[] = {{.text = st->replica}, {.num = all, .is_num = true}};
	rc = store_exec_script(st, SQL_FROM, args, 2, e);
	if (rc == NTM_OK)
		rc = read_header(st, &a, all, &h, e);
	if (rc == NTM_OK && all)
		rc = store_sync_snapshot(st, &a, &h.snapshot, &h.snapshot_len, e);
	if (rc == NTM_OK)
		rc = emit(ctx, &h, NULL, e);
	if (rc == NTM_OK)
		rc = emit_records(st, emit, ctx, e);
	rc = store_snapshot_end(st, rc, e);
	arena_free(&a);
	return rc;
}

int
store_sync_exported(struct store *st, const struct ntm_sync_header *h,
		    struct ntm_error *e)
{
	if (st->ro_reason)
		return NTM_OK;    /* the file is written; nothing to remember */
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_sql_fail(st, e, sqlite3_errcode(st->db));
	sqlite3_stmt *s = NULL;
	int rc = store_prepare(st, "UPDATE sync_origin SET exported = max("
			       "exported, ?2) WHERE replica = ?1", &s, e);
	for (int i = 0; rc == NTM_OK && i < h->nranges; i++) {
		sqlite3_reset(s);
		store_bind_text(s, 1, h->ranges[i].origin);
		sqlite3_bind_int64(s, 2, h->ranges[i].to);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sql_fail(st, e, sqlite3_errcode(st->db));
	}
	if (s)
		sqlite3_finalize(s);
	if (rc == NTM_OK)
		rc = store_exec_text(st, "INSERT OR REPLACE INTO meta(key, value) "
				     "VALUES ('last_export', ?1)", h->created_at,
				     NULL, e);
	if (rc == NTM_OK && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL)
			    == SQLITE_OK)
		return NTM_OK;
	if (rc == NTM_OK)
		rc = store_sql_fail(st, e, sqlite3_errcode(st->db));
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* ---- status ----------------------------------------------------------------- */

static const char SQL_ORIGINS[] =
	"WITH r AS (SELECT replica FROM sync_origin UNION SELECT replica FROM "
	"  sync_peer) "
	"SELECT r.replica, coalesce(o.seen, 0), coalesce(o.exported, 0), "
	"  (SELECT max(heard_at) FROM sync_peer p WHERE p.replica = r.replica), "
	"  r.replica = ?1 "
	"FROM r LEFT JOIN sync_origin o ON o.replica = r.replica "
	"WHERE r.replica = ?1 OR coalesce(o.seen, 0) > 0 OR EXISTS (SELECT 1 "
	"  FROM sync_peer p WHERE p.replica = r.replica) "
	"ORDER BY r.replica = ?1 DESC, 4 DESC, r.replica";

/* Changes not exported yet (this copy's own, and those received to pass
 * on), the oldest of this copy's own among them. */
static const char SQL_SUMMARY[] =
	"SELECT count(*), min(CASE WHEN c.origin = ?1 THEN c.at END), (SELECT "
	"  value FROM meta WHERE key = 'last_export'), (SELECT count(*) FROM "
	"  sync_conflict WHERE state = 'waiting') "
	"FROM sync_change c JOIN sync_origin o ON o.replica = c.origin "
	"WHERE c.seq > o.exported";

int
store_sync_status(struct store *st, struct arena *a,
		  struct store_sync_status *out, struct ntm_error *e)
{
	memset(out, 0, sizeof *out);
	if (store_sync_claim_now(st, e))
		return NTM_FAIL;
	memcpy(out->replica, st->replica, STORE_ID_LEN);
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_ORIGINS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->replica);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->origins = arena_grow(a, out->origins, (size_t)out->norigins,
					  &cap, sizeof *out->origins);
		struct store_sync_origin *o = &out->origins[out->norigins++];
		memset(o, 0, sizeof *o);
		snprintf(o->replica, sizeof o->replica, "%s", store_col_text(s, 0));
		o->seen = sqlite3_column_int64(s, 1);
		o->exported = sqlite3_column_int64(s, 2);
		o->heard_at = arena_strdup(a, store_col_text(s, 3));
		o->self = sqlite3_column_int(s, 4);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sql_fail(st, e, rc);
	if (store_prepare(st, SQL_SUMMARY, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->replica);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->unexported = sqlite3_column_int64(s, 0);
		out->oldest_unexported = arena_strdup(a, store_col_text(s, 1));
		out->last_export = arena_strdup(a, store_col_text(s, 2));
		out->conflicts = sqlite3_column_int(s, 3);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? NTM_OK : store_sql_fail(st, e, rc);
}

int
store_sync_conflict_count(struct store *st, int *n, struct ntm_error *e)
{
	sqlite3_stmt *s;
	*n = 0;
	if (store_prepare(st, "SELECT count(*) FROM sync_conflict WHERE state "
			  "= 'waiting'", &s, e))
		return NTM_FAIL;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? NTM_OK : store_sql_fail(st, e, rc);
}
