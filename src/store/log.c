/* Reading the audit log; backup and integrity check of the file. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* One line per user action: its first audit row (the row the action was
 * about), what changed in it, and how many more rows the action wrote.
 * ntm_show() writes numbers the Vietnamese way. */
static const char SQL_LOG[] =
	"WITH acts AS (SELECT action_id, max(seq) AS last, count(*) - 1 AS more "
	"  FROM audit GROUP BY action_id ORDER BY last DESC LIMIT ?1), "
	/* the row the action was about: its first, but the village itself
	 * for village actions (their items are deleted before it) */
	"main AS (SELECT action_id, seq FROM (SELECT action_id, seq, row_number() "
	"  OVER (PARTITION BY action_id ORDER BY (verb LIKE 'village.%' AND "
	"  entity <> 'unit'), seq) AS rn FROM audit WHERE action_id IN "
	"  (SELECT action_id FROM acts)) WHERE rn = 1), "
	"firsts AS (SELECT acts.more, acts.last, main.seq FROM acts "
	"  JOIN main ON main.action_id = acts.action_id) "
	"SELECT a.at, a.os_user, a.person, a.verb, a.entity, "
	"  CASE a.entity "
	"    WHEN 'measurement' THEN (SELECT code FROM indicator WHERE id = "
	"         json_extract(coalesce(a.after, a.before), '$.indicator_id')) "
	"    WHEN 'plan_target' THEN (SELECT code FROM indicator WHERE id = "
	"         json_extract(coalesce(a.after, a.before), '$.indicator_id')) "
	"    WHEN 'checklist_item' THEN (SELECT name FROM unit WHERE id = "
	"         json_extract(coalesce(a.after, a.before), '$.unit_id')) || ': ' || "
	"         json_extract(coalesce(a.after, a.before), '$.title') "
	"    ELSE coalesce(json_extract(coalesce(a.after, a.before), '$.title'), "
	"                  json_extract(coalesce(a.after, a.before), '$.name'), "
	"                  a.entity_id) END, "
	"  CASE WHEN a.before IS NULL OR a.after IS NULL THEN "
	"      CASE WHEN a.before IS NULL THEN '+ ' ELSE '- ' END || "
	"      coalesce(json_extract(coalesce(a.after, a.before), '$.comparator') "
	"        || ' ', '') || coalesce("
	"      ntm_show(json_extract(coalesce(a.after, a.before), '$.value')), "
	"      json_extract(coalesce(a.after, a.before), '$.title'), "
	"      json_extract(coalesce(a.after, a.before), '$.name'), '') "
	"    ELSE (SELECT group_concat(j.key || ': ' || coalesce(ntm_show("
	"      json_extract(a.before, '$.\"' || j.key || '\"')), '—') || ' → ' || "
	"      coalesce(ntm_show(j.atom), '—'), '; ') FROM json_each(a.after) j "
	"      WHERE j.key NOT IN ('version') AND json_extract(a.before, "
	"      '$.\"' || j.key || '\"') IS NOT j.atom) END, "
	"  f.more "
	"FROM firsts f JOIN audit a ON a.seq = f.seq ORDER BY f.last DESC";

int
store_log(struct store *st, int limit, struct arena *a,
	  struct store_log_entry **out, int *n, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_LOG, &s, e))
		return NTM_FAIL;
	sqlite3_bind_int(s, 1, limit);
	size_t cap = 0, k = 0;
	*out = NULL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		struct store_log_entry *x = &(*out)[k++];
		x->at = arena_strdup(a, store_col_text(s, 0));
		x->os_user = arena_strdup(a, store_col_text(s, 1));
		x->person = arena_strdup(a, store_col_text(s, 2));
		x->verb = arena_strdup(a, store_col_text(s, 3));
		x->entity = arena_strdup(a, store_col_text(s, 4));
		x->what = arena_strdup(a, store_col_text(s, 5));
		x->changes = arena_strdup(a, store_col_text(s, 6));
		x->more = sqlite3_column_int(s, 7);
	}
	*n = (int)k;
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK
		: store_sql_fail(st, e, sqlite3_errcode(st->db));
}

int
store_backup(struct store *st, const char *path, struct ntm_error *e)
{
	sqlite3 *to = NULL;
	struct stat sb;
	if (stat(path, &sb) == 0)   /* SQLite ignores OPEN_EXCLUSIVE */
		return ntm_fail(e, NTM_FAIL, MSG_BACKUP_TO, path, MSG_FILE_EXISTS);
	int rc = sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE |
				 SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_backup *b = sqlite3_backup_init(to, "main", st->db, "main");
		rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(to);
		if (b)
			sqlite3_backup_finish(b);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK) {
		char why[512] = "";
		ntm_fail(e, NTM_FAIL, MSG_BACKUP_TO, path,
			 store_file_reason(to, rc, path, why, sizeof why));
	}
	sqlite3_close(to);
	return rc == SQLITE_OK ? NTM_OK : NTM_FAIL;
}

int
store_check(struct store *st, struct arena *a, const char **report,
	    struct ntm_error *e)
{
	static const char *const checks[] = {
		"PRAGMA integrity_check",
		"SELECT 'khóa ngoại hỏng: ' || \"table\" || ' dòng ' || rowid || "
		"' → ' || parent FROM pragma_foreign_key_check",
	};
	sqlite3_str *out = sqlite3_str_new(NULL);
	int rc = NTM_OK;
	for (size_t i = 0; rc == NTM_OK && i < 2; i++) {
		sqlite3_stmt *s;
		rc = store_prepare(st, checks[i], &s, e);
		while (rc == NTM_OK && sqlite3_step(s) == SQLITE_ROW) {
			const char *line = store_col_text(s, 0);
			if (line && strcmp(line, "ok") != 0)
				sqlite3_str_appendf(out, "%s\n", line);
		}
		if (rc == NTM_OK && sqlite3_finalize(s) != SQLITE_OK)
			rc = store_sql_fail(st, e, sqlite3_errcode(st->db));
	}
	char *text = sqlite3_str_finish(out);
	*report = text && *text ? arena_strdup(a, text) : NULL;
	sqlite3_free(text);
	return rc;
}
