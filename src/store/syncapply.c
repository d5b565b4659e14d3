/* Merging another copy's changes: one transaction per file, every row
 * decided by what the change had seen (doc/sync.md, "Applying a file"). */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/syncdoc.h"
#include "syncapply.h"

static int
damaged(struct apply *p, const char *why, struct ntm_error *e)
{
	return ntm_fail(e, NTM_FAIL, MSG_SYNC_DAMAGED, p->rec->seq,
			p->rec->origin, why);
}

/* ---- dots ----------------------------------------------------------------- */

/* The dots of a row ("r:s,…"), NULL when no change of it is known. */
static const char *
row_dots(struct apply *p, const char *entity, const char *id)
{
	sqlite3_stmt *s;
	if (store_cached(p->st, "SELECT dots FROM sync_row WHERE entity = ?1 "
			  "AND row_id = ?2", &s, NULL))
		return NULL;
	store_bind_text(s, 1, entity);
	store_bind_text(s, 2, id);
	const char *d = sqlite3_step(s) == SQLITE_ROW
		? arena_strdup(&p->a, store_col_text(s, 0)) : NULL;
	sqlite3_reset(s);
	return d;
}

static int
set_dots(struct apply *p, const char *entity, const char *id,
	 const char *dots, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_cached(p->st, store_sql_row_dots, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, entity);
	store_bind_text(s, 2, id);
	store_bind_text(s, 3, dots);
	return store_cached_done(p->st, s, e);
}

/* The dots of both (one dot per replica, the greater), sorted. */
static const char *
merge_dots(struct apply *p, const char *x, const char *y)
{
	char *both = sqlite3_mprintf("%s,%s", x ? x : "", y ? y : "");
	sqlite3_stmt *s;
	const char *out = y;
	if (both && store_prepare(p->st,
	    "WITH RECURSIVE split(rest, part) AS (SELECT ?1 || ',', NULL "
	    "UNION ALL SELECT substr(rest, instr(rest, ',') + 1), "
	    "substr(rest, 1, instr(rest, ',') - 1) FROM split WHERE rest <> '') "
	    "SELECT group_concat(r || ':' || m, ',') FROM (SELECT "
	    "substr(part, 1, instr(part, ':') - 1) AS r, max(CAST(substr(part, "
	    "instr(part, ':') + 1) AS INTEGER)) AS m FROM split WHERE part "
	    "LIKE '%:%' GROUP BY 1 ORDER BY 1)", &s, NULL) == NTM_OK) {
		store_bind_text(s, 1, both);
		if (sqlite3_step(s) == SQLITE_ROW && store_col_text(s, 0))
			out = arena_strdup(&p->a, store_col_text(s, 0));
		sqlite3_finalize(s);
	}
	sqlite3_free(both);
	return out;
}

/* ---- conflicts ------------------------------------------------------------ */

/* Records (or brings up to date) the waiting conflict of row id: this
 * copy keeps ours_id's row, theirs is the record's image. */
static int
record_conflict(struct apply *p, const char *entity, const char *id,
		const char *ours_id, const char *kind, const char *theirs,
		struct ntm_error *e)
{
	static const char SQL[] =
		"UPDATE sync_conflict SET theirs = ?3, theirs_origin = ?4, "
		"theirs_seq = ?5, theirs_at = ?6, theirs_who = ?7, kind = ?8, "
		"ours_id = ?9, version = version + 1 WHERE entity = ?1 AND "
		"row_id = ?2 AND state = 'waiting'; "
		"INSERT INTO sync_conflict(id, number, entity, row_id, ours_id, "
		"kind, theirs, theirs_origin, theirs_seq, theirs_at, theirs_who, "
		"detected_at) SELECT ntm_id(), (SELECT coalesce(max(number), 0) + 1 "
		"FROM sync_conflict), ?1, ?2, ?9, ?8, ?3, ?4, ?5, ?6, ?7, "
		"strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE changes() = 0";
	struct store_arg args[] = {
		{.text = entity}, {.text = id}, {.text = theirs},
		{.text = p->rec->origin}, {.num = p->rec->seq, .is_num = true},
		{.text = p->at}, {.text = p->who}, {.text = kind},
		{.text = ours_id},
	};
	if (store_exec_script(p->st, SQL, args, 9, e))
		return NTM_FAIL;
	p->res->conflicts += sqlite3_changes(p->st->db) > 0;
	return NTM_OK;
}

/* Closes the waiting conflicts of the row (theirs or ours) that are
 * settled now: their side was seen by the change just applied (seen:
 * the record's vector, NULL when nothing was applied), or both sides are
 * equal. */
static int
close_settled(struct apply *p, const char *entity, const char *id,
	      const char *seen, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_cached(p->st, "SELECT id, row_id, theirs, theirs_origin || "
			  "':' || theirs_seq FROM sync_conflict WHERE state = "
			  "'waiting' AND entity = ?1 AND (row_id = ?2 OR "
			  "ours_id = ?2)", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, entity);
	store_bind_text(s, 2, id);
	const struct store_row_sql *t;
	int rc = store_row_sql(p->st, &p->keep, &p->sql, entity, &t, e);
	while (rc == NTM_OK && sqlite3_step(s) == SQLITE_ROW) {
		const char *cid = store_col_text(s, 0);
		const char *theirs = store_col_text(s, 2);
		bool settled = seen && store_sync_vector_covers(seen,
							store_col_text(s, 3));
		if (!settled) {
			const char *now;
			rc = store_row_image(p->st, &p->a, t, store_col_text(s, 1),
					     &now, e);
			settled = rc == NTM_OK && store_same_but_version(p->st,
								now, theirs);
		}
		if (rc == NTM_OK && settled) {
			rc = store_exec_text(p->st, "UPDATE sync_conflict SET state "
					     "= 'closed', version = version + 1 "
					     "WHERE id = ?1", cid, NULL, e);
			p->res->closed++;
		}
	}
	sqlite3_reset(s);
	return rc;
}

/* The id of our row holding a unique key the image also has (a title
 * added on both sides), or NULL. */
const char *
store_sync_unique_holder(struct store *st, struct arena *a, const char *entity,
			 const char *image)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT il.name, (SELECT group_concat(ii.name, "
			  "char(9)) FROM pragma_index_info(il.name) ii), (SELECT "
			  "count(*) FROM pragma_index_info(il.name) ii WHERE "
			  "ii.name IS NULL) FROM pragma_index_list(?1) il WHERE "
			  "il.\"unique\" AND il.origin <> 'pk'", &s, NULL))
		return NULL;
	store_bind_text(s, 1, entity);
	const char *found = NULL;
	while (!found && sqlite3_step(s) == SQLITE_ROW) {
		if (sqlite3_column_int(s, 2) > 0 || !store_col_text(s, 1))
			continue;     /* an index on an expression */
		sqlite3_str *q = sqlite3_str_new(st->db);
		sqlite3_str_appendf(q, "SELECT id FROM \"%w\" WHERE id <> "
				    "json_extract(?1, '$.id')", entity);
		char *cols = sqlite3_mprintf("%s", store_col_text(s, 1));
		for (char *c = cols, *tab; c; c = tab ? tab + 1 : NULL) {
			tab = strchr(c, '\t');
			if (tab)
				*tab = '\0';
			sqlite3_str_appendf(q, " AND \"%w\" IS json_extract(?1, "
					    "'$.\"%q\"')", c, c);
		}
		sqlite3_free(cols);
		char *sql = sqlite3_str_finish(q);
		sqlite3_stmt *f;
		if (sql && store_prepare(st, sql, &f, NULL) == NTM_OK) {
			store_bind_text(f, 1, image);
			if (sqlite3_step(f) == SQLITE_ROW)
				found = arena_strdup(a, store_col_text(f, 0));
			sqlite3_finalize(f);
		}
		sqlite3_free(sql);
	}
	sqlite3_finalize(s);
	return found;
}

/* ---- rows ----------------------------------------------------------------- */

static bool
has_children(struct apply *p, const struct store_row_sql *t, const char *id)
{
	if (!t->children)
		return false;
	sqlite3_stmt *s;
	if (store_cached(p->st, t->children, &s, NULL))
		return false;
	store_bind_text(s, 1, id);
	bool some = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	return some;
}

/* A village of the same commune whose name is the image's (the key
 * model_village_key reads: the store refuses a second one), or NULL. */
static const char *
same_village(struct apply *p, const struct store_row_sql *t, const char *image)
{
	if (strcmp(t->entity, "unit") != 0)
		return NULL;
	sqlite3_stmt *s;
	if (store_cached(p->st, "SELECT id FROM unit WHERE level = 'thon' AND "
			 "json_extract(?1, '$.level') = 'thon' AND parent_id IS "
			 "json_extract(?1, '$.parent_id') AND id <> json_extract(?1, "
			 "'$.id') AND ntm_place(name) = ntm_place(json_extract(?1, "
			 "'$.name')) LIMIT 1", &s, NULL))
		return NULL;
	store_bind_text(s, 1, image);
	const char *id = sqlite3_step(s) == SQLITE_ROW
		? arena_strdup(&p->a, store_col_text(s, 0)) : NULL;
	sqlite3_reset(s);
	return id;
}

/* A row added on both sides under one key: a conflict, unless it is a
 * village's other name the same but for its id (the old name a village
 * renamed on both sides keeps: nobody typed it), which is one row, the
 * one of smaller id on every copy. */
static int
added_twice(struct apply *p, const struct store_row_sql *t, const char *id,
	    const char *image, bool *wrote, struct ntm_error *e)
{
	const char *holder = store_sync_unique_holder(p->st, &p->a, t->entity,
						      image), *held = NULL;
	if (holder && store_row_image(p->st, &p->a, t, holder, &held, e))
		return NTM_FAIL;
	sqlite3_stmt *s;
	bool twin = false;
	if (held && strcmp(t->entity, "unit_alias") == 0 &&
	    store_cached(p->st, "SELECT json_remove(?1, '$.id', "
				 "'$.version') IS json_remove(?2, '$.id', "
				 "'$.version')", &s, e) == NTM_OK) {
		store_bind_text(s, 1, held);
		store_bind_text(s, 2, image);
		twin = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
		sqlite3_reset(s);
	}
	if (twin && strcmp(id, holder) > 0) {
		*wrote = true;       /* ours is the one every copy keeps */
		return NTM_OK;
	}
	if (!twin || has_children(p, t, holder))
		return record_conflict(p, t->entity, id, holder, "unique", image, e);
	if (store_exec_text(p->st, t->remove, NULL, holder, e) ||
	    store_exec_text(p->st, t->insert, image, NULL, e))
		return NTM_FAIL;
	*wrote = true;
	p->res->rows++;
	return NTM_OK;
}

/* Writes image (NULL: deletes) over the row now (cur); a unique key taken
 * or children left here make a conflict instead. *wrote says whether the
 * row is the change's now. */
static int
write_row(struct apply *p, const struct store_row_sql *t, const char *id,
	  const char *cur, const char *image, bool *wrote, struct ntm_error *e)
{
	*wrote = false;
	if (!image && !cur) {
		*wrote = true;
		return NTM_OK;
	}
	if (!image && has_children(p, t, id))
		return record_conflict(p, t->entity, id, id, "delete", NULL, e);
	const char *twin = !cur && image ? same_village(p, t, image) : NULL;
	if (twin)
		return record_conflict(p, t->entity, id, twin, "unique", image, e);
	const char *sql = !image ? t->remove : !cur ? t->insert
		: store_row_put(p->st, &p->a, t, cur, image);
	if (!sql) {
		*wrote = true;       /* the row is so already */
		return NTM_OK;
	}
	int rc = store_row_run(p->st, sql, image, id, e);
	if (rc == NTM_OK) {
		*wrote = true;
		p->res->rows++;
		return NTM_OK;
	}
	/* a key both sides gave: added on both (two rows), or changed to it
	 * here on one row and there on another (settled as an edit of the
	 * row: taking theirs is refused while our other row holds the key) */
	if ((rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
	    && cur)
		return record_conflict(p, t->entity, id, id, "edit", image, e);
	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		return added_twice(p, t, id, image, wrote, e);
	return store_sql_fail(p->st, e, rc);
}

/* The time the change of a dot ("r:s", the first of several) was made
 * here or there, "" when unknown. */
static const char *
dot_time(struct apply *p, const char *dots)
{
	const char *colon = dots ? strchr(dots, ':') : NULL;
	if (!colon || colon - dots >= NTM_SYNC_ID_LEN)
		return "";
	char r[NTM_SYNC_ID_LEN];
	memcpy(r, dots, (size_t)(colon - dots));
	r[colon - dots] = '\0';
	sqlite3_stmt *s;
	const char *at = "";
	if (store_prepare(p->st, "SELECT at FROM sync_change WHERE origin = ?1 "
			  "AND seq = ?2", &s, NULL) == NTM_OK) {
		store_bind_text(s, 1, r);
		sqlite3_bind_int64(s, 2, strtoll(colon + 1, NULL, 10));
		if (sqlite3_step(s) == SQLITE_ROW)
			at = arena_strdup(&p->a, store_col_text(s, 0));
		sqlite3_finalize(s);
	}
	return at;
}

/* The image two sides that both changed a row agree on, or NULL when
 * they do not (a conflict): equal but for version; or a checklist item
 * ticked on both sides and nothing else different, which keeps the
 * earliest tick (its date, then when it was recorded, then the dot),
 * the same on every copy. Either way the greater version. */
static const char *
agreed_image(struct apply *p, const char *entity, const char *cur,
	     const char *dots, const char *theirs)
{
	bool tick = strcmp(entity, "checklist_item") == 0;
	sqlite3_stmt *s;
	if (store_prepare(p->st,
	    "WITH x(o, t, same, tick, theirs_first) AS (SELECT ?1, ?2, "
	    "  json_remove(?1, '$.version') IS json_remove(?2, '$.version'), "
	    "  ?3 AND json_extract(?1, '$.done') = 1 AND json_extract(?2, "
	    "  '$.done') = 1 AND json_remove(?1, '$.version', '$.done_on', "
	    "  '$.done_by') IS json_remove(?2, '$.version', '$.done_on', "
	    "  '$.done_by'), (json_extract(?2, '$.done_on'), ?4, ?5) < "
	    "  (json_extract(?1, '$.done_on'), ?6, ?7)) "
	    "SELECT CASE WHEN same OR tick THEN json_set(CASE WHEN tick AND "
	    "  theirs_first THEN t ELSE o END, '$.version', max(json_extract(o, "
	    "  '$.version'), json_extract(t, '$.version'))) END FROM x",
	    &s, NULL))
		return NULL;
	store_bind_text(s, 1, cur);
	store_bind_text(s, 2, theirs);
	sqlite3_bind_int(s, 3, tick);
	store_bind_text(s, 4, p->at);
	store_bind_text(s, 5, p->dot);
	store_bind_text(s, 6, dot_time(p, dots));
	store_bind_text(s, 7, dots);
	const char *out = NULL;
	if (sqlite3_step(s) == SQLITE_ROW && store_col_text(s, 0))
		out = arena_strdup(&p->a, store_col_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

/* Whether the indicator's image is a national one (no plan's own). */
static bool
shared_indicator(struct apply *p, const char *image)
{
	sqlite3_stmt *s;
	if (store_cached(p->st, "SELECT json_extract(?1, '$.plan_id') IS NULL",
			 &s, NULL))
		return false;
	store_bind_text(s, 1, image);
	bool yes = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return yes;
}

/* One row of the record: applied when the change had seen the row's dots,
 * else merged when both sides agree, else a conflict. */
static int
apply_row(struct apply *p, const char *entity, const char *id,
	  const char *image, struct ntm_error *e)
{
	const struct store_row_sql *t;
	const char *cur;
	if (store_row_sql(p->st, &p->keep, &p->sql, entity, &t, e) ||
	    store_row_image(p->st, &p->a, t, id, &cur, e))
		return NTM_FAIL;
	/* the level above's file: a commune's national target is its own
	 * (the indicator row serves every commune) */
	if (p->above_commune && cur && strcmp(entity, "indicator") == 0 &&
	    shared_indicator(p, cur))
		return image ? sync_target_of(p->st, p->above_commune, id, image, e)
			     : NTM_OK;
	const char *dots = row_dots(p, entity, id);
	bool wrote;
	if (!dots || store_sync_vector_covers(p->vector, dots)) {
		if (write_row(p, t, id, cur, image, &wrote, e))
			return NTM_FAIL;
		if (wrote && (set_dots(p, entity, id, p->dot, e) ||
			      close_settled(p, entity, id, p->vector, e)))
			return NTM_FAIL;
		return NTM_OK;
	}
	/* Both sides changed the row since they last met. */
	const char *agreed = cur && image ? agreed_image(p, entity, cur, dots, image)
			     : NULL;
	if (!agreed && (cur || image))
		return record_conflict(p, entity, id, cur ? id : NULL,
				       cur && image ? "edit" : "delete", image, e);
	/* the image agreed on, with the greater version */
	if (agreed && write_row(p, t, id, cur, agreed, &wrote, e))
		return NTM_FAIL;
	if (set_dots(p, entity, id, merge_dots(p, dots, p->dot), e))
		return NTM_FAIL;
	return close_settled(p, entity, id, NULL, e);
}

/* ---- records ---------------------------------------------------------------- */

/* Every change the record's origin had seen when it made it is here
 * already (a change is applied after what it followed, or not at all);
 * one of this copy's own it had seen and this file lacks means the file
 * was overwritten by an older backup. */
static int
check_causes(struct apply *p, struct ntm_error *e)
{
	char r[NTM_SYNC_ID_LEN];
	for (const char *v = p->vector; v && *v;) {
		const char *colon = strchr(v, ':'), *comma = strchr(v, ',');
		if (!colon || colon - v >= NTM_SYNC_ID_LEN)
			return damaged(p, TXT_SYNC_BAD_META, e);
		memcpy(r, v, (size_t)(colon - v));
		r[colon - v] = '\0';
		long long q = strtoll(colon + 1, NULL, 10), seen = 0;
		v = comma ? comma + 1 : NULL;
		if (strcmp(r, p->rec->origin) == 0)
			continue;
		sqlite3_stmt *s;
		if (store_cached(p->st, "SELECT seen FROM sync_origin WHERE "
				 "replica = ?1", &s, e))
			return NTM_FAIL;
		store_bind_text(s, 1, r);
		if (sqlite3_step(s) == SQLITE_ROW)
			seen = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		if (q <= seen)
			continue;
		if (strcmp(r, p->st->replica) == 0)
			return ntm_fail(e, NTM_FAIL, MSG_SYNC_SELF_AHEAD, q, seen);
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_CAUSES, r, q, p->rec->seq,
				p->rec->origin, seen);
	}
	return NTM_OK;
}

/* The record's meta and the last image of every row its audit rows wrote
 * (temp.sync_img). */
static int
read_record(struct apply *p, struct ntm_error *e)
{
	const struct ntm_sync_record *r = p->rec;
	sqlite3_stmt *s;
	if (store_cached(p->st, "SELECT json_extract(?1, '$.seen'), "
			  "json_extract(?1, '$.at'), CASE WHEN coalesce("
			  "json_extract(?1, '$.person'), '') <> '' THEN "
			  "json_extract(?1, '$.person') || ' (' || coalesce("
			  "json_extract(?1, '$.os_user'), '?') || ')' ELSE "
			  "json_extract(?1, '$.os_user') END, json_extract(?1, "
			  "'$.extra'), json_extract(?1, '$.action_id')",
			  &s, e))
		return NTM_FAIL;
	sqlite3_bind_text(s, 1, r->meta, (int)r->meta_len, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && store_col_text(s, 0) && store_col_text(s, 1) &&
	    store_col_text(s, 4)) {
		p->vector = arena_strdup(&p->a, store_col_text(s, 0));
		p->at = arena_strdup(&p->a, store_col_text(s, 1));
		p->who = arena_strdup(&p->a, store_col_text(s, 2));
		p->extra = arena_strdup(&p->a, store_col_text(s, 3));
	} else {
		rc = SQLITE_ERROR;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return damaged(p, TXT_SYNC_BAD_META, e);
	snprintf(p->dot, sizeof p->dot, "%s:%lld", r->origin, r->seq);
	if (store_sync_vector_get(p->vector, r->origin) < r->seq)
		return damaged(p, TXT_SYNC_BAD_META, e);
	if (check_causes(p, e))
		return NTM_FAIL;
	if (sqlite3_exec(p->st->db, "CREATE TEMP TABLE IF NOT EXISTS sync_img("
			 "entity TEXT, row_id TEXT, after TEXT, PRIMARY KEY "
			 "(entity, row_id)) WITHOUT ROWID; DELETE FROM "
			 "temp.sync_img", NULL, NULL, NULL) != SQLITE_OK ||
	    store_cached(p->st, "INSERT OR REPLACE INTO temp.sync_img SELECT "
			 "max(CASE j.key WHEN 'entity' THEN j.value END), max(CASE "
			 "j.key WHEN 'entity_id' THEN j.value END), max(CASE j.key "
			 "WHEN 'after' THEN j.value END) FROM json_each(?1) a, "
			 "json_each(a.value) j GROUP BY a.key ORDER BY a.key",
			 &s, e))
		return store_sql_fail(p->st, e, sqlite3_errcode(p->st->db));
	sqlite3_bind_text(s, 1, r->audit, (int)r->audit_len, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return damaged(p, TXT_SYNC_BAD_META, e);
	return p->mapped ? sync_map_images(p->st, e) : NTM_OK;
}

static void
add_op(struct apply *p, const char *entity, const char *id, bool del)
{
	if (p->mapped)
		id = sync_map_id(p->st, &p->a, id);
	p->ops = arena_grow(&p->a, p->ops, p->nops, &p->cap, sizeof *p->ops);
	p->ops[p->nops++] = (struct row_op){arena_strdup(&p->a, entity),
					     arena_strdup(&p->a, id), del};
}

/* The rows of the record: its changeset, then the rows it declares
 * deleted. */
static int
read_ops(struct apply *p, struct ntm_error *e)
{
	p->nops = 0;
	const struct ntm_sync_record *r = p->rec;
	sqlite3_changeset_iter *it = NULL;
	int rc = r->changes_len ? sqlite3changeset_start(&it, (int)r->changes_len,
						(void *)r->changes) : SQLITE_OK;
	bool bad = false;
	const char *table_bad = NULL;
	while (rc == SQLITE_OK && it && !bad && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *table;
		int ncol, op, indirect;
		sqlite3_value *pk = NULL;
		if (sqlite3changeset_op(it, &table, &ncol, &op, &indirect) != SQLITE_OK) {
			bad = true;
			break;
		}
		if (!store_table_synced(table)) {
			table_bad = arena_strdup(&p->a, table);
			bad = true;
			break;
		}
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, 0, &pk);
		else
			sqlite3changeset_old(it, 0, &pk);
		const char *id = pk ? (const char *)sqlite3_value_text(pk) : NULL;
		if (!id) {
			bad = true;
			break;
		}
		add_op(p, table, id, op == SQLITE_DELETE);
	}
	if (it && sqlite3changeset_finalize(it) != SQLITE_OK)
		bad = true;
	if (rc != SQLITE_OK)
		bad = true;
	if (table_bad) {
		char *why = sqlite3_mprintf(TXT_SYNC_BAD_TABLE, table_bad);
		int out = damaged(p, why ? why : TXT_SYNC_BAD_CHANGES, e);
		sqlite3_free(why);
		return out;
	}
	if (bad)
		return damaged(p, TXT_SYNC_BAD_CHANGES, e);
	if (!p->extra)
		return NTM_OK;
	sqlite3_stmt *s;
	if (store_prepare(p->st, "SELECT json_extract(value, '$[0]'), "
			  "json_extract(value, '$[1]') FROM json_each(?1)", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, p->extra);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *t = store_col_text(s, 0), *id = store_col_text(s, 1);
		if (t && id && store_table_synced(t))
			add_op(p, t, id, true);
	}
	sqlite3_finalize(s);
	return NTM_OK;
}

/* The image the record left of a row (NULL: it deleted it). */
static int
image_of(struct apply *p, const struct row_op *o, const char **image,
	 struct ntm_error *e)
{
	*image = NULL;
	if (o->del)
		return NTM_OK;
	sqlite3_stmt *s;
	if (store_cached(p->st, "SELECT after FROM temp.sync_img WHERE entity "
			  "= ?1 AND row_id = ?2", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, o->entity);
	store_bind_text(s, 2, o->id);
	if (sqlite3_step(s) == SQLITE_ROW && store_col_text(s, 0))
		*image = arena_strdup(&p->a, store_col_text(s, 0));
	sqlite3_reset(s);
	if (*image)
		return NTM_OK;
	char *why = sqlite3_mprintf(TXT_SYNC_NO_IMAGE, o->entity, o->id);
	int rc = damaged(p, why ? why : TXT_SYNC_BAD_CHANGES, e);
	sqlite3_free(why);
	return rc;
}

int
sync_keep_change(struct store *st, const struct ntm_sync_record *r,
		 struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_cached(st, "INSERT OR IGNORE INTO sync_change(origin, seq, "
			 "action_id, at, seen, extra, changes) VALUES (?1, ?2, "
			 "json_extract(?3, '$.action_id'), json_extract(?3, "
			 "'$.at'), json_extract(?3, '$.seen'), json_extract(?3, "
			 "'$.extra'), ?4)", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, r->origin);
	sqlite3_bind_int64(s, 2, r->seq);
	sqlite3_bind_text(s, 3, r->meta, (int)r->meta_len, SQLITE_STATIC);
	sqlite3_bind_blob(s, 4, r->changes ? (const void *)r->changes : "",
			  (int)r->changes_len, SQLITE_STATIC);
	return store_cached_done(st, s, e);
}

int
sync_apply_record(struct apply *p, struct ntm_error *e)
{
	if (read_record(p, e) || read_ops(p, e))
		return NTM_FAIL;
	int rc = sync_add_audit(p->st, p->rec->audit, p->rec->audit_len,
				p->rec->origin, p->mapped || p->above_commune,
				p->above_commune, e);
	if (rc == SYNC_DAMAGED)
		return damaged(p, TXT_SYNC_BAD_META, e);
	if (rc != NTM_OK)
		return rc;
	/* deletions first, children before their parents (the tables from
	 * the last of store_synced_tables, which lists parents first); then
	 * insertions and updates in order */
	for (int k = store_nsynced_tables; k-- > 0;) {
		for (size_t i = p->nops; i-- > 0;) {
			if (p->ops[i].del &&
			    strcmp(p->ops[i].entity, store_synced_tables[k]) == 0 &&
			    apply_row(p, p->ops[i].entity, p->ops[i].id, NULL, e))
				return NTM_FAIL;
		}
	}
	for (size_t i = 0; i < p->nops; i++) {
		const char *image;
		if (p->ops[i].del)
			continue;
		if (image_of(p, &p->ops[i], &image, e) ||
		    apply_row(p, p->ops[i].entity, p->ops[i].id, image, e))
			return NTM_FAIL;
	}
	const struct ntm_sync_record *r = p->rec;
	sqlite3_stmt *s;
	if (sync_keep_change(p->st, r, e))
		return NTM_FAIL;
	if (store_cached(p->st, "INSERT INTO sync_origin(replica, seen) VALUES "
			  "(?1, ?2) ON CONFLICT(replica) DO UPDATE SET seen = "
			  "max(seen, excluded.seen)", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, r->origin);
	sqlite3_bind_int64(s, 2, r->seq);
	p->res->applied++;
	return store_cached_done(p->st, s, e);
}
