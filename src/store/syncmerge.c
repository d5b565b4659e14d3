/* Applying a sync file as a whole: the header's checks, the records in
 * one transaction, then what only the whole file settles — task numbers
 * given twice, rows whose parent this copy deleted, what the sender has
 * seen (doc/sync.md). */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/syncdoc.h"
#include "syncapply.h"

static long long
origin_seen(struct store *st, const char *origin)
{
	sqlite3_stmt *s;
	long long seen = 0;
	if (store_cached(st, "SELECT seen FROM sync_origin WHERE replica = ?1",
			  &s, NULL))
		return 0;
	store_bind_text(s, 1, origin);
	if (sqlite3_step(s) == SQLITE_ROW)
		seen = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return seen;
}

/* Refused before anything is written: a newer schema, another commune
 * (but the level above's file takes a commune it does not have from an
 * --all file: *join). */
/* The commune a commune removed here was merged into (ntm unit merge:
 * the merge's own audit rows are the merged commune's), in out; false
 * when it was not merged or that commune is gone too. */
static bool
merged_into(struct store *st, const char *old, char out[STORE_ID_LEN])
{
	sqlite3_stmt *s;
	bool found = false;
	if (store_prepare(st, "SELECT n.unit_id FROM audit d JOIN audit n ON "
			  "n.action_id = d.action_id AND n.unit_id IS NOT NULL "
			  "AND n.unit_id <> d.entity_id JOIN unit u ON u.id = "
			  "n.unit_id AND u.level = 'xa' WHERE d.entity = 'unit' "
			  "AND d.entity_id = ?1 AND d.after IS NULL AND d.verb = ?2 "
			  "ORDER BY d.seq DESC LIMIT 1", &s, NULL))
		return false;
	store_bind_text(s, 1, old);
	store_bind_text(s, 2, model_verb_code(NTM_VERB_UNIT_MERGE));
	if (sqlite3_step(s) == SQLITE_ROW) {
		snprintf(out, STORE_ID_LEN, "%s", store_col_text(s, 0));
		found = true;
	}
	sqlite3_finalize(s);
	return found;
}

static int
check_header(struct store *st, const struct ntm_sync_header *h, bool *join,
	     char merged[STORE_ID_LEN], struct ntm_error *e)
{
	*join = false;
	merged[0] = '\0';
	if (h->schema > STORE_SCHEMA_VERSION)
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_NEWER_SCHEMA, h->schema,
				STORE_SCHEMA_VERSION);
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT 1 FROM unit WHERE id = ?1 AND level = "
			  "'xa'", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, h->commune_id);
	bool ours = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	if (ours)
		return NTM_OK;
	char theirs[300], mine[300];
	model_commune_phrase(h->commune && *h->commune ? h->commune : "?",
			     theirs, sizeof theirs);
	if (store_is_above(st)) {
		/* a commune merged into another goes on in it: its changes
		 * are read as the merged commune's */
		if (merged_into(st, h->commune_id, merged))
			return NTM_OK;
		/* a commune removed here stays so */
		if (store_prepare(st, "SELECT 1 FROM audit WHERE entity = 'unit' "
				  "AND entity_id = ?1 AND after IS NULL", &s, e))
			return NTM_FAIL;
		store_bind_text(s, 1, h->commune_id);
		bool gone = sqlite3_step(s) == SQLITE_ROW;
		sqlite3_finalize(s);
		if (gone)
			return ntm_fail(e, NTM_FAIL, MSG_SYNC_COMMUNE_GONE, theirs);
		*join = h->snapshot != NULL;
		/* one name, one commune: --unit and every list tell them by it */
		if (*join && store_prepare(st, "SELECT 1 FROM unit WHERE level = "
					   "'xa' AND ntm_fold(name) = ntm_fold(?1)",
					   &s, e) == NTM_OK) {
			store_bind_text(s, 1, h->commune);
			bool taken = sqlite3_step(s) == SQLITE_ROW;
			sqlite3_finalize(s);
			if (taken)
				return ntm_fail(e, NTM_FAIL, MSG_SYNC_SAME_NAME, theirs);
		}
		return *join ? NTM_OK : ntm_fail(e, NTM_FAIL, MSG_SYNC_NEED_ALL,
						 theirs);
	}
	const char *here = st->commune_name;
	char first[256] = "?";
	if (!here && store_prepare(st, "SELECT name FROM unit WHERE level = 'xa' "
				   "ORDER BY ord, name LIMIT 1", &s, NULL) == NTM_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			snprintf(first, sizeof first, "%s", store_col_text(s, 0));
		sqlite3_finalize(s);
		here = first;
	}
	model_commune_phrase(here, mine, sizeof mine);
	if (strcmp(theirs, mine) == 0)
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_OTHER_FILE, mine);
	return ntm_fail(e, NTM_FAIL, MSG_SYNC_OTHER_COMMUNE, theirs, mine);
}

/* Every origin of the file starts where this copy is, or before. */
static int
check_gaps(struct store *st, const struct ntm_sync_header *h,
	   struct ntm_error *e)
{
	for (int i = 0; i < h->nranges; i++) {
		const struct ntm_sync_range *r = &h->ranges[i];
		long long seen = origin_seen(st, r->origin);
		if (r->from > seen && r->to > seen)
			return ntm_fail(e, NTM_FAIL, MSG_SYNC_GAP, seen + 1,
					r->from, r->origin, seen);
	}
	return NTM_OK;
}

/* The counters of task numbers know every number received. */
static const char SQL_COUNTERS[] =
	"INSERT INTO task_counter(plan_id, last) SELECT plan_id, max(number) "
	"FROM task WHERE number IS NOT NULL GROUP BY plan_id "
	"ON CONFLICT(plan_id) DO UPDATE SET last = max(last, excluded.last)";

/* Tasks of this copy that share their number with a task of smaller id
 * (made on another copy while apart): this copy gives them new ones. */
static const char SQL_LOSERS[] =
	"SELECT t.id, t.plan_id FROM task t WHERE EXISTS (SELECT 1 FROM task o "
	"WHERE o.plan_id = t.plan_id AND o.number = t.number AND o.id < t.id) "
	"AND (SELECT replica FROM audit WHERE entity = 'task' AND entity_id = "
	"t.id AND before IS NULL ORDER BY seq LIMIT 1) = ?1";

static int
renumber_one(struct store *st, const char *id, const char *plan_id,
	     struct ntm_error *e)
{
	int number;
	if (store_task_take_number(st, plan_id, 0, &number, e))
		return NTM_FAIL;
	sqlite3_stmt *s;
	if (store_prepare(st, "UPDATE task SET number = ?2, version = version "
			  "+ 1 WHERE id = ?1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, id);
	sqlite3_bind_int(s, 2, number);
	return store_step_done(st, s, e);
}

int
store_sync_renumber_losers(struct store *st, int *count, struct ntm_error *e)
{
	sqlite3_stmt *s;
	*count = 0;
	if (store_prepare(st, SQL_LOSERS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->replica);
	struct arena a = {0};
	const char **ids = NULL;
	size_t n = 0, cap = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		for (int k = 0; k < 2; k++) {
			ids = arena_grow(&a, ids, n, &cap, sizeof *ids);
			ids[n++] = arena_strdup(&a, store_col_text(s, k));
		}
	}
	sqlite3_finalize(s);
	int rc = NTM_OK;
	for (size_t i = 0; rc == NTM_OK && i < n; i += 2) {
		rc = renumber_one(st, ids[i], ids[i + 1], e);
		*count += rc == NTM_OK;
	}
	arena_free(&a);
	return rc;
}

static bool
has_losers(struct store *st)
{
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_LOSERS, &s, NULL))
		return false;
	store_bind_text(s, 1, st->replica);
	bool some = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return some;
}

/* As an action of this copy's own (verb sync.renumber), captured like
 * any other, inside the file's transaction. */
static int
renumber(struct store *st, struct store_sync_result *out, struct ntm_error *e)
{
	if (!has_losers(st))
		return NTM_OK;
	char action[STORE_ID_LEN];
	store_new_id(action);
	sqlite3_stmt *s;
	int rc = NTM_FAIL;
	if (store_prepare(st, "INSERT INTO action_ctx(action_id, verb, os_user, "
			  "person) VALUES (?1, ?2, ?3, ?4)", &s, e) == NTM_OK) {
		store_bind_text(s, 1, action);
		store_bind_text(s, 2, model_verb_code(NTM_VERB_RENUMBER));
		store_bind_text(s, 3, st->os_user);
		store_bind_text(s, 4, st->person);
		rc = store_step_done(st, s, e);
	}
	if (rc == NTM_OK)
		rc = store_sync_capture_begin(st, e);
	if (rc == NTM_OK)
		rc = store_sync_renumber_losers(st, &out->renumbered, e);
	if (rc == NTM_OK)
		rc = store_sync_capture_end(st, action, e);
	else
		store_sync_capture_abort(st);
	if (rc == NTM_OK)
		rc = store_exec_text(st, "DELETE FROM action_ctx", NULL, NULL, e);
	return rc;
}

/* Rows the file added under a row this copy deleted (a task of a plan
 * removed here): they wait as conflicts, out of the tables, so the
 * foreign keys hold. */
static const char SQL_ORPHAN[] =
	"INSERT INTO sync_conflict(id, number, entity, row_id, ours_id, kind, "
	"  theirs, theirs_origin, theirs_seq, theirs_at, theirs_who, "
	"  detected_at) "
	"SELECT ntm_id(), (SELECT coalesce(max(number), 0) + 1 FROM "
	"  sync_conflict), ?1, ?2, NULL, 'parent', ?3, "
	"  substr(r.dots, 1, instr(r.dots, ':') - 1), "
	"  CAST(substr(r.dots, instr(r.dots, ':') + 1) AS INTEGER), "
	"  coalesce((SELECT at FROM audit WHERE entity = ?1 AND entity_id = ?2 "
	"  ORDER BY seq DESC LIMIT 1), ''), (SELECT CASE WHEN coalesce(person, "
	"  '') <> '' THEN person || ' (' || os_user || ')' ELSE os_user END "
	"  FROM audit WHERE entity = ?1 AND entity_id = ?2 ORDER BY seq DESC "
	"  LIMIT 1), strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
	"FROM sync_row r WHERE r.entity = ?1 AND r.row_id = ?2";

static int
set_orphans_aside(struct store *st, struct store_sync_result *out,
		  struct ntm_error *e)
{
	struct arena a = {0};
	struct store_row_sqls sql = {0};
	int rc = NTM_OK;
	for (int round = 0; rc == NTM_OK && round < 8; round++) {
		sqlite3_stmt *s;
		if (store_prepare(st, "PRAGMA foreign_key_check", &s, e)) {
			rc = NTM_FAIL;
			break;
		}
		int found = 0;
		while (rc == NTM_OK && sqlite3_step(s) == SQLITE_ROW) {
			const char *table = store_col_text(s, 0);
			sqlite3_int64 rowid = sqlite3_column_int64(s, 1);
			const struct store_row_sql *t;
			char *q = sqlite3_mprintf("SELECT id FROM \"%w\" WHERE rowid "
						  "= %lld", table, (long long)rowid);
			sqlite3_stmt *g;
			const char *id = NULL, *image = NULL;
			if (q && store_prepare(st, q, &g, NULL) == NTM_OK) {
				if (sqlite3_step(g) == SQLITE_ROW)
					id = arena_strdup(&a, store_col_text(g, 0));
				sqlite3_finalize(g);
			}
			sqlite3_free(q);
			if (!id || store_row_sql(st, &a, &sql, table, &t, e) ||
			    store_row_image(st, &a, t, id, &image, e)) {
				rc = id ? NTM_FAIL : NTM_OK;
				continue;
			}
			if (store_prepare(st, SQL_ORPHAN, &g, e) == NTM_OK) {
				store_bind_text(g, 1, table);
				store_bind_text(g, 2, id);
				store_bind_text(g, 3, image);
				rc = store_step_done(st, g, e);
			} else {
				rc = NTM_FAIL;
			}
			if (rc == NTM_OK)
				rc = store_exec_text(st, t->remove, NULL, id, e);
			out->conflicts += rc == NTM_OK;
			found++;
		}
		sqlite3_finalize(s);
		if (!found)
			break;
	}
	arena_free(&a);
	return rc;
}

/* What the sender had seen, for what this copy exports next. */
static int
remember_sender(struct store *st, const struct ntm_sync_header *h,
		struct ntm_error *e)
{
	if (strcmp(h->replica, st->replica) == 0)
		return NTM_OK;
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT OR REPLACE INTO sync_peer(replica, origin, "
			  "seen, heard_at) VALUES (?1, ?2, ?3, strftime("
			  "'%Y-%m-%dT%H:%M:%SZ', 'now'))", &s, e))
		return NTM_FAIL;
	int rc = NTM_OK;
	bool self = false;
	for (int i = 0; rc == NTM_OK && i <= h->nseen; i++) {
		const char *origin = i < h->nseen ? h->seen[i].replica : h->replica;
		long long seq = i < h->nseen ? h->seen[i].seq : 0;
		if (i == h->nseen && self)
			break;        /* the sender is listed already */
		self |= strcmp(origin, h->replica) == 0;
		sqlite3_reset(s);
		store_bind_text(s, 1, h->replica);
		store_bind_text(s, 2, origin);
		sqlite3_bind_int64(s, 3, seq);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_sql_fail(st, e, sqlite3_errcode(st->db));
	}
	sqlite3_finalize(s);
	return rc;
}

static int
apply_records(struct store *st, const struct ntm_sync_record *recs,
	      long long n, const char *commune, struct store_sync_result *out,
	      struct ntm_error *e)
{
	/* a commune that joined: its snapshot has what its changes did;
	 * they are kept, not applied */
	for (long long i = 0; out->joined && i < n; i++)
		if (sync_keep_change(st, &recs[i], e))
			return NTM_FAIL;
	struct apply p = {.st = st, .res = out, .mapped = sync_map_any(st),
			  .above_commune = store_is_above(st) ? commune : NULL};
	int rc = NTM_OK;
	for (long long i = 0; rc == NTM_OK && i < n; i++) {
		long long seen = origin_seen(st, recs[i].origin);
		if (recs[i].seq <= seen && !store_sync_same_change(st, &recs[i])) {
			/* the same number, another change: a file overwritten
			 * by an old backup, this one or the one that made it */
			if (strcmp(recs[i].origin, st->replica) != 0) {
				rc = ntm_fail(e, NTM_FAIL, MSG_SYNC_PEER_RESTORED,
					      recs[i].seq, recs[i].origin,
					      recs[i].origin);
				break;
			}
			rc = store_sync_relabel(st, recs[i].seq, e);
			out->relabeled = true;
			i--;          /* now a change this copy lost: apply it */
			continue;
		}
		if (recs[i].seq <= seen) {
			out->known++;
			continue;
		}
		if (recs[i].seq != seen + 1) {
			rc = ntm_fail(e, NTM_FAIL, MSG_SYNC_GAP, seen + 1,
				      recs[i].seq - 1, recs[i].origin, seen);
			break;
		}
		p.rec = &recs[i];
		rc = sync_apply_record(&p, e);
		arena_free(&p.a);
		memset(&p.a, 0, sizeof p.a);
		p.ops = NULL;
		p.nops = p.cap = 0;
	}
	arena_free(&p.keep);
	return rc;
}

int
store_sync_apply(struct store *st, const struct ntm_sync_header *h,
		 const struct ntm_sync_record *recs, long long n,
		 bool dry_run, struct store_sync_result *out,
		 struct ntm_error *e)
{
	memset(out, 0, sizeof *out);
	out->records = n;
	out->sender = h->replica;
	out->sender_commune = h->commune;
	if (st->ro_reason)
		return ntm_fail(e, NTM_FAIL, MSG_READ_ONLY, st->ro_reason);
	bool join;
	char merged[STORE_ID_LEN];
	if (check_header(st, h, &join, merged, e))
		return NTM_FAIL;
	/* A big file's pages stay in memory until the commit writes them
	 * once (SQLite's default cache spills every 2 MB). */
	sqlite3_exec(st->db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
	int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys "
			      "= ON", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		if (sqlite3_get_autocommit(st->db) == 0)
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return store_sql_fail(st, e, rc);
	}
	int r = store_sync_claim(st, e);
	/* a commune merged here and brought back by an undo is itself again */
	if (r == NTM_OK)
		r = store_exec_text(st, "DELETE FROM sync_idmap WHERE foreign_id IN "
				    "(SELECT id FROM unit)", NULL, NULL, e);
	if (r == NTM_OK && merged[0]) {
		r = store_exec_text(st, "INSERT OR REPLACE INTO sync_idmap(foreign_id, "
				    "local_id) VALUES (?1, ?2)", h->commune_id,
				    merged, e);
		sqlite3_stmt *s;
		if (r == NTM_OK && store_prepare(st, "SELECT name FROM unit WHERE "
						 "id = ?1", &s, e) == NTM_OK) {
			store_bind_text(s, 1, merged);
			if (sqlite3_step(s) == SQLITE_ROW)
				snprintf(out->merged_into, sizeof out->merged_into,
					 "%s", store_col_text(s, 0));
			sqlite3_finalize(s);
		}
	}
	if (r == NTM_OK && join)
		r = store_sync_join(st, h, out, e);
	if (r == NTM_OK)
		r = check_gaps(st, h, e);
	if (r == NTM_OK)
		r = apply_records(st, recs, n, merged[0] ? merged : h->commune_id,
				  out, e);
	if (r == NTM_OK && out->applied > 0)
		r = store_exec_text(st, SQL_COUNTERS, NULL, NULL, e);
	if (r == NTM_OK && out->applied > 0)
		r = set_orphans_aside(st, out, e);
	if (r == NTM_OK && out->applied > 0)
		r = renumber(st, out, e);
	if (r == NTM_OK)
		r = remember_sender(st, h, e);
	/* the level above: when each commune was last heard from */
	if (r == NTM_OK && store_is_above(st)) {
		struct store_arg args[] = {{.text = merged[0] ? merged
					    : h->commune_id}, {.text = h->replica}};
		r = store_exec_script(st, "INSERT OR REPLACE INTO sync_heard(unit_id, "
				      "heard_at, replica) SELECT id, strftime("
				      "'%Y-%m-%dT%H:%M:%SZ', 'now'), ?2 FROM unit "
				      "WHERE id = ?1 AND level = 'xa'", args, 2, e);
	}
	if (r == NTM_OK && !dry_run) {
		rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
		if (rc == SQLITE_OK) {
			store_sync_claimed(st);
			store_checkpoint(st);
			return NTM_OK;
		}
		r = store_sql_fail(st, e, rc);
	}
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	/* a relabel rolled back with the rest */
	store_sync_reload_id(st);
	return r;
}
