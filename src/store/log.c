/* Reading the audit log; backup and integrity check of the file. */
#include "internal.h"
#include "msg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* The row an action was about: its first, but the village itself for
 * village actions and the plan itself for plan actions and their undoing
 * (what hangs on them is deleted before them, or after, by an undo). */
#define MAIN_ROW_ORDER "(entity = 'sync_conflict') <> (verb = 'sync.resolve'), " \
	"(verb = 'task.delete' AND entity <> 'task'), " \
	"(verb LIKE 'village.%' AND entity <> 'unit'), " \
	"((verb LIKE 'plan.%' OR verb IN ('undo', 'redo')) AND " \
	"entity <> 'plan'), seq"
/* A plan is named by its number ("15/KH-UBND"), not its long title. */
#define PLAN_NUMBER(row) "CASE WHEN " row "entity = 'plan' THEN " \
	"json_extract(coalesce(" row "after, " row "before), '$.number') END, "

/* The kind of the indicator a row is about (a value, a target, the
 * indicator itself), for its values' words. */
#define ROW_KIND "(SELECT kind FROM indicator WHERE id = CASE a.entity " \
	"WHEN 'indicator' THEN a.entity_id ELSE json_extract(coalesce(" \
	"a.after, a.before), '$.indicator_id') END)"

/* One line per user action: its first audit row (the row the action was
 * about), what changed in it, and how many more rows the action wrote;
 * the last ?1 actions of the audit rows `rows` selects, of the commune ?4
 * (SQL_AUDIT_MINE). ntm_show() writes numbers the Vietnamese way. */
#define SQL_LOG(rows, order, outer) \
	"WITH acts AS (SELECT action_id, max(seq) AS last, max(at) AS last_at, " \
	"  count(*) - 1 AS more FROM audit o WHERE " rows " AND " \
	SQL_AUDIT_MINE("o.", "?4") " GROUP BY action_id ORDER BY " order \
	"  LIMIT ?1), " SQL_LOG_TAIL " ORDER BY " outer
/* every row, in the order written; the rows written from ?2 to ?3 (UTC,
 * by their time: a laptop's clock set wrong writes times out of seq) */
#define SQL_LOG_ALL SQL_LOG("?2 IS NULL AND ?3 IS NULL", "last DESC", \
				   "f.last DESC")
#define SQL_LOG_PERIOD SQL_LOG("at >= ?2 AND at < ?3", \
				      "last_at DESC, last DESC", \
				      "f.last_at DESC, f.last DESC")
/* Whether the action came from another copy and waits here: a row it
 * changed has a waiting conflict with a later (or its own) change of that
 * copy, and its audit row of that row came after this copy's last change
 * of it (one written before was applied: this copy changed the row since). */
#define SQL_LOG_HELD \
	"EXISTS (SELECT 1 FROM sync_change c JOIN audit r ON r.action_id = " \
	"  c.action_id JOIN sync_conflict k ON k.entity = r.entity AND " \
	"  k.row_id = r.entity_id AND k.state = 'waiting' AND " \
	"  k.theirs_origin = c.origin AND k.theirs_seq >= c.seq " \
	"  WHERE c.action_id = a.action_id AND r.seq > coalesce((SELECT " \
	"  max(o.seq) FROM audit o WHERE o.entity = k.entity AND o.entity_id = " \
	"  k.row_id AND NOT " SQL_AUDIT_FROM_COPY("o.", "c.origin") "), 0))"
/* The task a money row hangs on, and its source. */
#define SQL_LOG_TASK_OF(a) SQL_FUND_LABEL("coalesce(" a "after, " a "before)")
#define SQL_LOG_TAIL \
	"main AS (SELECT action_id, seq FROM (SELECT action_id, seq, row_number() " \
	"  OVER (PARTITION BY action_id ORDER BY " MAIN_ROW_ORDER ") AS rn " \
	"  FROM audit WHERE action_id IN " \
	"  (SELECT action_id FROM acts)) WHERE rn = 1), " \
	"firsts AS (SELECT acts.more, acts.last, acts.last_at, main.seq " \
	"  FROM acts " \
	"  JOIN main ON main.action_id = acts.action_id) " \
	"SELECT a.at, a.os_user, a.person, a.verb, a.entity, " \
	"  CASE a.entity " \
	"    WHEN 'measurement' THEN (SELECT code FROM indicator WHERE id = " \
	"         json_extract(coalesce(a.after, a.before), '$.indicator_id')) " \
	"    WHEN 'plan_target' THEN (SELECT code FROM indicator WHERE id = " \
	"         json_extract(coalesce(a.after, a.before), '$.indicator_id')) " \
	"    WHEN 'sync_conflict' THEN (SELECT coalesce(json_extract(x.t, " \
	"         '$.title'), json_extract(x.t, '$.name'), json_extract(x.t, " \
	"         '$.number'), json_extract(x.t, '$.code'), (SELECT code FROM " \
	"         indicator WHERE id = json_extract(x.t, '$.indicator_id')), " \
	"         '') FROM (SELECT " \
	"         json_extract(coalesce(a.after, a.before), '$.theirs') AS t) x) " \
	"    WHEN 'fund_entry' THEN " SQL_LOG_TASK_OF("a.") " " \
	"    WHEN 'fund_plan' THEN " SQL_LOG_TASK_OF("a.") " " \
	"    WHEN 'checklist_item' THEN (SELECT name FROM unit WHERE id = " \
	"         json_extract(coalesce(a.after, a.before), '$.unit_id')) || ': ' || " \
	"         json_extract(coalesce(a.after, a.before), '$.title') " \
	"    ELSE coalesce(" PLAN_NUMBER("a.") "json_extract(coalesce(a.after, a.before), '$.title'), " \
	"                  json_extract(coalesce(a.after, a.before), '$.name'), " \
	"                  a.entity_id) END, " \
	"  " ROW_KIND ", f.more, a.action_id, a.before, a.after, a.replica, " \
	"  (SELECT seq FROM sync_change WHERE action_id = a.action_id), " \
	"  " SQL_LOG_HELD " " \
	"FROM firsts f JOIN audit a ON a.seq = f.seq"

/* ---- one action in words ----------------------------------------------------- */

static bool
is_undo(const char *verb)
{
	return verb && (strcmp(verb, model_verb_code(NTM_VERB_UNDO)) == 0 ||
			strcmp(verb, model_verb_code(NTM_VERB_REDO)) == 0);
}

/* The action an undo or redo undid: recorded since schema 4; for one
 * made before, the action whose audit row came last, before the undo, on
 * the row the undo wrote first (the undo requires it untouched since). */
static bool
undone_by(struct store *st, const char *action_id, char out[STORE_ID_LEN])
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT coalesce((SELECT undoes FROM action_undo "
			  "WHERE action_id = ?1), (SELECT o.action_id FROM audit u "
			  "JOIN audit o ON o.entity = u.entity AND o.entity_id = "
			  "u.entity_id AND o.seq < u.seq WHERE u.seq = (SELECT "
			  "min(seq) FROM audit WHERE action_id = ?1) "
			  "ORDER BY o.seq DESC LIMIT 1))", &s, NULL))
		return false;
	store_bind_text(s, 1, action_id);
	bool found = sqlite3_step(s) == SQLITE_ROW &&
		     sqlite3_column_type(s, 0) != SQLITE_NULL;
	if (found)
		snprintf(out, STORE_ID_LEN, "%s", store_col_text(s, 0));
	sqlite3_finalize(s);
	return found;
}

/* The verb, table, name and village of the row an action was about. */
static const char SQL_MAIN_ROW[] =
	"SELECT verb, entity, coalesce(" PLAN_NUMBER("")
	"  json_extract(coalesce(after, before), '$.title'), "
	"  json_extract(coalesce(after, before), '$.name'), "
	"  (SELECT code FROM indicator WHERE id = "
	"     json_extract(coalesce(after, before), '$.indicator_id')), "
	"  json_extract(json_extract(coalesce(after, before), '$.theirs'), "
	"     '$.title'), "
	"  json_extract(json_extract(coalesce(after, before), '$.theirs'), "
	"     '$.name'), "
	"  CASE WHEN entity LIKE 'fund\\_%' ESCAPE '\\' THEN "
	"     " SQL_FUND_LABEL("coalesce(after, before)") " END, "
	"  entity_id), "
	"  (SELECT name FROM unit WHERE id = "
	"     json_extract(coalesce(after, before), '$.unit_id')) "
	"FROM audit WHERE action_id = ?1 ORDER BY " MAIN_ROW_ORDER " LIMIT 1";

/* "thêm mục “Sân chơi” ở thôn Cự Đình", "ghi giá trị 12.2". */
static int
describe_plain(struct store *st, const char *action_id, const char *prefix,
	       struct arena *a, const char **text, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_MAIN_ROW, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, action_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *verb = model_verb_label(store_col_text(s, 0));
		const char *entity = store_col_text(s, 1), *name = store_col_text(s, 2);
		const char *unit = store_col_text(s, 3);
		char village[256];
		char *t;
		if (strcmp(entity, "checklist_item") == 0 && unit)
			t = sqlite3_mprintf(MSG_DESCRIBE_IN, verb, name,
					    model_village_phrase(unit, false, village,
								 sizeof village));
		else if (strcmp(entity, "measurement") == 0 ||
			 strcmp(entity, "plan_target") == 0)
			t = sqlite3_mprintf(MSG_DESCRIBE_CODE, verb, name);
		else
			t = sqlite3_mprintf(MSG_DESCRIBE, verb, name);
		char *full = prefix ? sqlite3_mprintf(MSG_DESCRIBE_UNDO, prefix, t) : NULL;
		*text = arena_strdup(a, full ? full : t ? t : verb);
		sqlite3_free(t);
		sqlite3_free(full);
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return ntm_fail(e, NTM_FAIL, MSG_ACTION_UNKNOWN, action_id);
	return rc == SQLITE_ROW ? NTM_OK : store_sql_fail(st, e, rc);
}

int
store_action_describe(struct store *st, const char *action_id,
		      struct arena *a, const char **text, struct ntm_error *e)
{
	*text = NULL;
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT verb FROM audit WHERE action_id = ?1 "
			  "LIMIT 1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, action_id ? action_id : "");
	const char *prefix = NULL;
	if (sqlite3_step(s) == SQLITE_ROW && is_undo(store_col_text(s, 0)))
		prefix = model_verb_label(store_col_text(s, 0));
	sqlite3_finalize(s);
	/* an undo of an undo of …: down to the action people did */
	char cur[STORE_ID_LEN], next[STORE_ID_LEN];
	snprintf(cur, sizeof cur, "%s", action_id ? action_id : "");
	for (int depth = 0; prefix && depth < 64; depth++) {
		bool undo = false;
		if (store_prepare(st, "SELECT verb FROM audit WHERE action_id = ?1 "
				  "LIMIT 1", &s, e))
			return NTM_FAIL;
		store_bind_text(s, 1, cur);
		undo = sqlite3_step(s) == SQLITE_ROW && is_undo(store_col_text(s, 0));
		sqlite3_finalize(s);
		if (!undo || !undone_by(st, cur, next))
			break;
		memcpy(cur, next, STORE_ID_LEN);
	}
	return describe_plain(st, cur, prefix, a, text, e);
}

/* Where the row an action was about lives: the indicator of a value or a
 * target, a task and its sector, a village, an item and its village. */
static const char SQL_PLACE[] =
	"SELECT entity, entity_id, "
	"  json_extract(coalesce(after, before), '$.indicator_id'), "
	"  (SELECT code FROM sector WHERE id = "
	"     json_extract(coalesce(after, before), '$.sector_id')), "
	"  json_extract(coalesce(after, before), '$.unit_id') "
	"FROM audit WHERE action_id = ?1 ORDER BY " MAIN_ROW_ORDER " LIMIT 1";

int
store_action_place(struct store *st, const char *action_id,
		   struct store_place *out, struct ntm_error *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_PLACE, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, action_id ? action_id : "");
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *entity = store_col_text(s, 0), *id = store_col_text(s, 1);
		const char *ind = store_col_text(s, 2), *sector = store_col_text(s, 3);
		const char *unit = store_col_text(s, 4);
		bool value = strcmp(entity, "measurement") == 0 ||
			     strcmp(entity, "plan_target") == 0;
		snprintf(out->entity, sizeof out->entity, "%s",
			 value ? "indicator" : entity);
		snprintf(out->id, sizeof out->id, "%s", value && ind ? ind : id);
		snprintf(out->sector_code, sizeof out->sector_code, "%s",
			 sector ? sector : "");
		/* a plan's unit_id is its commune, not a village */
		bool item = strcmp(entity, "checklist_item") == 0 ||
			    strcmp(entity, "unit_alias") == 0;
		snprintf(out->village_id, sizeof out->village_id, "%s",
			 strcmp(entity, "unit") == 0 ? id : item && unit ? unit : "");
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return ntm_fail(e, NTM_FAIL, MSG_ACTION_UNKNOWN, action_id);
	return rc == SQLITE_ROW ? NTM_OK : store_sql_fail(st, e, rc);
}

/* ---- a change in people's words --------------------------------------------- */

/* The columns of the row images ?1 (before) and ?2 (after): for an update
 * those that changed (old, new), for an insert or a delete the few that
 * name the row (its comparator, value and date; or title; or name). */
static const char SQL_PAIRS[] =
	"SELECT j.key, json_extract(?1, '$.\"' || j.key || '\"'), j.atom "
	"FROM json_each(?2) j WHERE ?1 IS NOT NULL AND ?2 IS NOT NULL AND "
	"j.key NOT IN ('version', 'resolved_by') AND json_extract(?1, '$.\"' || j.key || "
	"'\"') IS NOT j.atom "
	"UNION ALL SELECT j.key, NULL, j.atom FROM json_each(coalesce(?2, ?1)) j "
	"WHERE (?1 IS NULL OR ?2 IS NULL) AND j.atom IS NOT NULL AND j.key IN "
	"('comparator', 'value', 'as_of', 'title', 'name', 'kind', 'amount', "
	"'on_date') AND (j.key IN ('comparator', 'value', 'as_of', 'kind', "
	"'amount', 'on_date') OR json_extract(coalesce(?2, ?1), "
	"'$.value') IS NULL) AND (j.key <> 'name' OR json_extract(coalesce(?2, "
	"?1), '$.title') IS NULL)";

/* Column col of s, the value of column key, in people's words, to out. */
static void
add_value(sqlite3_str *out, sqlite3_stmt *s, int col, const char *key,
	  int kind)
{
	int type = sqlite3_column_type(s, col);
	const char *text = type == SQLITE_TEXT ? store_col_text(s, col) : NULL;
	size_t size = (text ? strlen(text) : 0) + 64;
	char *buf = malloc(size);
	if (!buf)
		return;
	model_field_value(key, text, type == SQLITE_NULL,
			  sqlite3_column_double(s, col), kind, buf, size);
	sqlite3_str_appendall(out, buf);
	free(buf);
}

static const char *
take(sqlite3_str *s, struct arena *a)
{
	char *t = sqlite3_str_finish(s);
	const char *r = t && *t ? arena_strdup(a, t) : NULL;
	sqlite3_free(t);
	return r;
}

/* One changed column of an update: "label: " then column col's value,
 * to out; with the arrow and the new value too when col is 1 and both. */
static void
add_pair(sqlite3_str *out, sqlite3_stmt *s, const char *key, int kind,
	 int col, bool both)
{
	sqlite3_str_appendf(out, "%s%s: ", sqlite3_str_length(out) ? "; " : "",
			    model_field_label(key));
	add_value(out, s, col, key, kind);
	if (both) {
		sqlite3_str_appendall(out, " → ");
		add_value(out, s, 2, key, kind);
	}
}

/* x->changes, before and after from the row images: "trạng thái: chưa
 * bắt đầu → hoàn thành; tiến độ: 0% → 100%", or the row added or removed
 * ("12.2 = 85% (ngày 30/06/2024)", a title, a name). */
static int
in_words(sqlite3_stmt *s, struct store_log_entry *x, const char *before,
	 const char *after, int kind, struct arena *a)
{
	sqlite3_reset(s);
	store_bind_text(s, 1, before);
	store_bind_text(s, 2, after);
	/* update: old, new, both; a row: its comparator, value, date */
	sqlite3_str *p[3];
	for (int i = 0; i < 3; i++)
		p[i] = sqlite3_str_new(NULL);
	bool update = before && after;
	const char *code = strcmp(x->entity, "measurement") == 0 ||
			   strcmp(x->entity, "plan_target") == 0 ? x->what : NULL;
	if (!update && code)
		sqlite3_str_appendf(p[0], "%s ", code);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *key = store_col_text(s, 0);
		if (update) {
			add_pair(p[0], s, key, kind, 1, false);
			add_pair(p[1], s, key, kind, 2, false);
			add_pair(p[2], s, key, kind, 1, true);
		} else if (strcmp(key, "comparator") == 0) {
			sqlite3_str_appendf(p[0], "%s ", store_col_text(s, 2));
		} else if (strcmp(key, "as_of") == 0 ||
			   strcmp(key, "on_date") == 0) {
			sqlite3_str_appendf(p[2], " (%s ", NTM_WORD_ON_DAY);
			add_value(p[2], s, 2, key, kind);
			sqlite3_str_appendall(p[2], ")");
		} else {
			if (code && strcmp(key, "value") == 0 &&
			    sqlite3_str_length(p[0]) == (int)strlen(code) + 1)
				sqlite3_str_appendall(p[0], "= ");
			if (sqlite3_str_length(p[1]))
				sqlite3_str_appendall(p[1], " ");
			add_value(p[1], s, 2, key, kind);
		}
	}
	if (update) {
		x->before = take(p[0], a);
		x->after = take(p[1], a);
		x->changes = take(p[2], a);
	} else {
		/* code, comparator, then the value and its day */
		const char *value = take(p[1], a), *day = take(p[2], a);
		sqlite3_str_appendf(p[0], "%s%s", value ? value : "", day ? day : "");
		const char *text = take(p[0], a);
		x->before = after ? NULL : text;
		x->after = after ? text : NULL;
		char *line = sqlite3_mprintf("%s %s", after ? "+" : "-",
					     text ? text : "");
		x->changes = arena_strdup(a, line);
		sqlite3_free(line);
	}
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Every field of a row people wrote, in their words: "tiêu đề: …;
 * tiến độ: 50%; ghi chú: …" (not its ids, order, version). */
static const char *
whole_row(struct store *st, const char *image, int kind, struct arena *a)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT key, NULL, atom FROM json_each(?1) WHERE "
			  "atom IS NOT NULL AND atom <> '' AND key NOT IN ('id', "
			  "'version', 'ord', 'seq', 'recorded_at', 'carried_from', "
			  "'level') AND key NOT LIKE '%\\_id' ESCAPE '\\'", &s,
			  NULL))
		return NULL;
	store_bind_text(s, 1, image);
	sqlite3_str *out = sqlite3_str_new(NULL);
	while (sqlite3_step(s) == SQLITE_ROW)
		add_pair(out, s, store_col_text(s, 0), kind, 2, false);
	sqlite3_finalize(s);
	return take(out, a);
}

int
store_images_in_words(struct store *st, const char *entity, const char *ours,
		      const char *theirs, bool whole, struct arena *a,
		      const char **ours_words, const char **theirs_words)
{
	*ours_words = *theirs_words = NULL;
	sqlite3_stmt *pairs, *k;
	if (store_prepare(st, SQL_PAIRS, &pairs, NULL))
		return NTM_FAIL;
	/* the kind of the indicator the row is about, for its values */
	int kind = -1;
	if (store_prepare(st, "SELECT kind FROM indicator WHERE id = CASE ?2 "
			  "WHEN 'indicator' THEN json_extract(?1, '$.id') ELSE "
			  "json_extract(?1, '$.indicator_id') END", &k,
			  NULL) == NTM_OK) {
		store_bind_text(k, 1, ours ? ours : theirs);
		store_bind_text(k, 2, entity);
		enum ntm_kind kd;
		if (sqlite3_step(k) == SQLITE_ROW &&
		    model_kind_parse(store_col_text(k, 0), &kd))
			kind = (int)kd;
		sqlite3_finalize(k);
	}
	struct store_log_entry x = {.entity = entity};
	int rc = SQLITE_OK;
	if (ours && theirs && !whole) {
		rc = in_words(pairs, &x, ours, theirs, kind, a);
		*ours_words = x.before;
		*theirs_words = x.after;
	} else {
		/* one side deleted, or two rows: each as a whole */
		*ours_words = ours ? whole_row(st, ours, kind, a) : NULL;
		*theirs_words = theirs ? whole_row(st, theirs, kind, a) : NULL;
	}
	sqlite3_finalize(pairs);
	return rc == SQLITE_OK ? NTM_OK : NTM_FAIL;
}

int
store_log(struct store *st, int limit, struct arena *a,
	  struct store_log_entry **out, int *n, struct ntm_error *e)
{
	return store_log_period(st, limit, NULL, NULL, a, out, n, NULL, e);
}

const char *
store_audit_commune(struct store *st)
{
	return st->commune_id[0] ? st->commune_id : NULL;
}

void
store_audit_utc(const char *iso, int days, char out[32])
{
	struct tm tm = {0};
	out[0] = '\0';
	if (!iso || !strptime(iso, "%Y-%m-%d", &tm))
		return;
	tm.tm_mday += days;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	struct tm utc;
	gmtime_r(&t, &utc);
	/* audit.c writes strftime('%Y-%m-%dT%H:%M:%fZ'): the same shape */
	strftime(out, 32, "%Y-%m-%dT%H:%M:%S.000Z", &utc);
}

int
store_log_period(struct store *st, int limit, const char *from_at,
		 const char *to_at, struct arena *a, struct store_log_entry **out,
		 int *n, int *total, struct ntm_error *e)
{
	sqlite3_stmt *s;
	*n = 0;
	if (total)
		*total = 0;
	*out = NULL;
	if (store_prepare(st, from_at ? SQL_LOG_PERIOD : SQL_LOG_ALL, &s, e))
		return NTM_FAIL;
	sqlite3_bind_int(s, 1, limit);
	store_bind_text(s, 2, from_at);
	store_bind_text(s, 3, from_at ? to_at : NULL);
	store_bind_text(s, 4, store_audit_commune(st));
	sqlite3_stmt *pairs;
	if (store_prepare(st, SQL_PAIRS, &pairs, e)) {
		sqlite3_finalize(s);
		return NTM_FAIL;
	}
	size_t cap = 0, k = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		struct store_log_entry *x = &(*out)[k++];
		x->at = arena_strdup(a, store_col_text(s, 0));
		x->os_user = arena_strdup(a, store_col_text(s, 1));
		x->person = arena_strdup(a, store_col_text(s, 2));
		x->verb = arena_strdup(a, store_col_text(s, 3));
		x->entity = arena_strdup(a, store_col_text(s, 4));
		x->what = arena_strdup(a, store_col_text(s, 5));
		x->more = sqlite3_column_int(s, 7);
		x->action_id = arena_strdup(a, store_col_text(s, 8));
		x->replica = store_other_replica(st, store_col_text(s, 11),
						 sqlite3_column_int64(s, 12), a);
		x->held = sqlite3_column_int(s, 13);
		enum ntm_kind kd;
		const char *kw = store_col_text(s, 6);
		int kind = kw && model_kind_parse(kw, &kd) ? (int)kd : -1;
		if (in_words(pairs, x, store_col_text(s, 9), store_col_text(s, 10),
			     kind, a) != SQLITE_OK)
			break;
		x->described = NULL;
		if (is_undo(x->verb))
			store_action_describe(st, store_col_text(s, 8), a,
					      &x->described, NULL);
	}
	*n = (int)k;
	if (total)
		*total = *n;
	int bad = sqlite3_finalize(pairs);
	/* at the limit: count them all (only then: it is a pass over all) */
	if (bad == SQLITE_OK && total && from_at && *n == limit &&
	    store_prepare(st, "SELECT count(DISTINCT action_id) FROM audit o "
			  "WHERE at >= ?1 AND at < ?2 AND " SQL_AUDIT_MINE("o.", "?3"),
			  &pairs, NULL) == NTM_OK) {
		store_bind_text(pairs, 1, from_at);
		store_bind_text(pairs, 2, to_at);
		store_bind_text(pairs, 3, store_audit_commune(st));
		if (sqlite3_step(pairs) == SQLITE_ROW)
			*total = sqlite3_column_int(pairs, 0);
		bad = sqlite3_finalize(pairs);
	}
	if (sqlite3_finalize(s) == SQLITE_OK && bad == SQLITE_OK)
		return NTM_OK;
	return store_sql_fail(st, e, sqlite3_errcode(st->db));
}

int
store_backup(struct store *st, const char *path, struct ntm_error *e)
{
	return store_copy_to(st->db, path, e);
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
