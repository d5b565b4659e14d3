/* A file copied over by an old backup (cp backup.db ntm.db: the same
 * inode, so the same replica id) numbers its new changes from where the
 * backup stood, with numbers the other copies already hold for the
 * changes the backup lost. Found when a file brings back one of this
 * copy's own changes that differs from ours under the same number: our
 * changes from that number on are given a new replica id (what they are:
 * another line of work), and the lost ones come back with the file as
 * the old id's (doc/sync.md, "Restored backups"). */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/syncdoc.h"

/* The action id a record carries. */
static char *
record_action(struct store *st, const struct ntm_sync_record *r)
{
	sqlite3_stmt *s;
	char *out = NULL;
	if (store_cached(st, "SELECT json_extract(?1, '$.action_id')", &s, NULL))
		return NULL;
	sqlite3_bind_text(s, 1, r->meta, (int)r->meta_len, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW && store_col_text(s, 0))
		out = sqlite3_mprintf("%s", store_col_text(s, 0));
	sqlite3_reset(s);
	return out;
}

bool
store_sync_same_change(struct store *st, const struct ntm_sync_record *r)
{
	sqlite3_stmt *s;
	char *theirs = record_action(st, r);
	bool same = true;
	if (theirs && store_cached(st, "SELECT action_id FROM sync_change WHERE "
				   "origin = ?1 AND seq = ?2", &s, NULL) == NTM_OK) {
		store_bind_text(s, 1, r->origin);
		sqlite3_bind_int64(s, 2, r->seq);
		if (sqlite3_step(s) == SQLITE_ROW && store_col_text(s, 0))
			same = strcmp(store_col_text(s, 0), theirs) == 0;
		sqlite3_reset(s);
	}
	sqlite3_free(theirs);
	return same;
}

/* v with old's entries from s0 on moved to fresh ("old:7" with s0 = 5:
 * "old:4,fresh:3"), sorted again; sqlite3_malloc'd. */
static char *
relabel_vector(struct store *st, const char *v, const char *old,
	       const char *fresh, long long s0)
{
	sqlite3_str *out = sqlite3_str_new(st->db);
	size_t ol = strlen(old);
	long long moved = 0;
	int n = 0;
	for (const char *p = v; p && *p;) {
		const char *colon = strchr(p, ':'), *comma = strchr(p, ',');
		if (!colon)
			break;
		long long seq = strtoll(colon + 1, NULL, 10);
		bool is_old = (size_t)(colon - p) == ol && memcmp(p, old, ol) == 0;
		if (is_old && seq >= s0) {
			moved = seq - s0 + 1;
			seq = s0 - 1;
		}
		if (seq > 0)
			sqlite3_str_appendf(out, "%s%.*s:%lld", n++ ? "," : "",
					    (int)(colon - p), p, seq);
		p = comma ? comma + 1 : NULL;
	}
	if (moved > 0)
		sqlite3_str_appendf(out, "%s%s:%lld", n ? "," : "", fresh, moved);
	char *joined = sqlite3_str_finish(out);
	/* sorted by replica, as every vector is */
	sqlite3_stmt *s;
	char *sorted = NULL;
	if (joined && sqlite3_prepare_v2(st->db,
	    "WITH RECURSIVE split(rest, part) AS (SELECT ?1 || ',', NULL "
	    "UNION ALL SELECT substr(rest, instr(rest, ',') + 1), substr(rest, "
	    "1, instr(rest, ',') - 1) FROM split WHERE rest <> '') "
	    "SELECT group_concat(part, ',') FROM (SELECT part FROM split WHERE "
	    "part <> '' ORDER BY part)", -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, joined, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			sorted = sqlite3_mprintf("%s", sqlite3_column_text(s, 0)
						 ? (const char *)sqlite3_column_text(s, 0) : "");
		sqlite3_finalize(s);
	}
	sqlite3_free(joined);
	return sorted;
}

/* Rewrites the vectors of a table's rows that name old: select gives a
 * key (two columns) and the vector, update sets ?2 on key ?1, ?3. */
static int
relabel_column(struct store *st, const char *select, const char *update,
	       const char *old, const char *fresh, long long s0,
	       struct ntm_error *e)
{
	sqlite3_stmt *s, *u;
	if (store_prepare(st, select, &s, e))
		return NTM_FAIL;
	if (store_prepare(st, update, &u, e)) {
		sqlite3_finalize(s);
		return NTM_FAIL;
	}
	store_bind_text(s, 1, old);
	int rc = NTM_OK;
	while (rc == NTM_OK && sqlite3_step(s) == SQLITE_ROW) {
		char *v = relabel_vector(st, store_col_text(s, 2), old, fresh, s0);
		sqlite3_reset(u);
		sqlite3_bind_value(u, 1, sqlite3_column_value(s, 0));
		store_bind_text(u, 2, v);
		sqlite3_bind_value(u, 3, sqlite3_column_value(s, 1));
		if (!v || sqlite3_step(u) != SQLITE_DONE)
			rc = store_sql_fail(st, e, v ? sqlite3_errcode(st->db)
					    : SQLITE_NOMEM);
		sqlite3_free(v);
	}
	sqlite3_finalize(s);
	sqlite3_finalize(u);
	return rc;
}

/* Our changes old:s0… become fresh:1…; old's line stops at s0 - 1. */
static const char SQL_MOVE[] =
	"UPDATE sync_change SET origin = ?2, seq = seq - ?3 + 1 "
	"  WHERE origin = ?1 AND seq >= ?3; "
	"UPDATE audit SET replica = ?2 WHERE action_id IN (SELECT action_id "
	"  FROM sync_change WHERE origin = ?2); "
	"INSERT OR REPLACE INTO sync_origin(replica, seen, exported) SELECT ?2, "
	"  coalesce(max(seq), 0), 0 FROM sync_change WHERE origin = ?2; "
	"UPDATE sync_origin SET seen = min(seen, ?3 - 1), exported = "
	"  min(exported, ?3 - 1) WHERE replica = ?1; "
	"INSERT OR REPLACE INTO meta(key, value) VALUES ('replica_id', ?2), "
	"  ('restored_from', ?1)";

int
store_sync_relabel(struct store *st, long long s0, struct ntm_error *e)
{
	char old[STORE_ID_LEN], fresh[STORE_ID_LEN];
	memcpy(old, st->replica, STORE_ID_LEN);
	store_new_id(fresh);
	struct store_arg args[] = {{.text = old}, {.text = fresh},
				   {.num = s0, .is_num = true}};
	if (store_exec_script(st, SQL_MOVE, args, 3, e))
		return NTM_FAIL;
	/* what those changes had seen, and the rows they made */
	if (relabel_column(st, "SELECT rowid, 0, seen FROM sync_change WHERE "
			   "instr(seen, ?1) > 0", "UPDATE sync_change SET seen = "
			   "?2 WHERE rowid = ?1 AND ?3 = 0", old, fresh, s0, e) ||
	    relabel_column(st, "SELECT entity, row_id, dots FROM sync_row WHERE "
			   "instr(dots, ?1) > 0", "UPDATE sync_row SET dots = ?2 "
			   "WHERE entity = ?1 AND row_id = ?3", old, fresh, s0, e))
		return NTM_FAIL;
	memcpy(st->replica, fresh, STORE_ID_LEN);
	return NTM_OK;
}
