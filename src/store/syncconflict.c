/* Conflicts waiting for a person: listed in people's words, settled as an
 * action of its own that has seen both sides (doc/sync.md, "Conflicts"). */
#include "internal.h"
#include "msg.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_WAITING[] =
	"SELECT id, number, entity, row_id, coalesce(ours_id, row_id), kind, "
	"  theirs, theirs_origin, theirs_at, theirs_who, detected_at, version "
	"FROM sync_conflict WHERE state = 'waiting' ORDER BY number";

/* "who (bản sao 3fa2c1d0)" when replica is another copy's. */
static const char *
with_copy(struct store *st, struct arena *a, const char *who,
	  const char *replica)
{
	const char *other = store_other_replica(st, replica, 0, a);
	if (!other)
		return who;
	char *t = sqlite3_mprintf(TXT_SYNC_WHO_COPY, who ? who : "?", other);
	const char *out = arena_strdup(a, t ? t : who);
	sqlite3_free(t);
	return out;
}

/* Where an item is ("ở thôn Cự Đình"), or NULL. */
static const char *
village_of(struct store *st, struct arena *a, const char *entity,
	   const char *image)
{
	sqlite3_stmt *s;
	if (strcmp(entity, "checklist_item") != 0 || !image ||
	    store_prepare(st, "SELECT name FROM unit WHERE id = json_extract(?1, "
			  "'$.unit_id')", &s, NULL))
		return NULL;
	store_bind_text(s, 1, image);
	const char *out = NULL;
	if (sqlite3_step(s) == SQLITE_ROW) {
		char place[256];
		model_village_phrase(store_col_text(s, 0), false, place,
				     sizeof place);
		char *t = sqlite3_mprintf(TXT_SYNC_ITEM_AT, place);
		out = arena_strdup(a, t);
		sqlite3_free(t);
	}
	sqlite3_finalize(s);
	return out;
}

/* Whether this copy never had the row (no audit row of it here but the
 * ones that came from other copies): a row that waits for the one it
 * hangs on, not one deleted here. */
static bool
never_here(struct store *st, const char *entity, const char *id)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT 1 FROM audit WHERE entity = ?1 AND "
			  "entity_id = ?2 AND after IS NULL AND (replica IS NULL "
			  "OR replica = ?3) LIMIT 1", &s, NULL))
		return false;
	store_bind_text(s, 1, entity);
	store_bind_text(s, 2, id);
	store_bind_text(s, 3, st->replica);
	bool deleted_here = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return !deleted_here;
}

/* Who last changed our side of the row, and when (UTC), not counting
 * the change that made the conflict nor the earlier ones of its copy that
 * came with it (their audit rows came too; the row holds none of them). */
static void
ours_change(struct store *st, struct arena *a, const char *entity,
	    const char *id, const char *origin, struct store_sync_conflict *c)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT CASE WHEN coalesce(person, '') <> '' THEN "
			  "person || ' (' || os_user || ')' ELSE os_user END, at, "
			  "replica "
			  "FROM audit WHERE entity = ?1 AND entity_id = ?2 AND "
			  "NOT " SQL_AUDIT_FROM_COPY("audit.", "?3")
			  " ORDER BY seq DESC "
			  "LIMIT 1", &s, NULL))
		return;
	store_bind_text(s, 1, entity);
	store_bind_text(s, 2, id);
	store_bind_text(s, 3, origin);
	if (sqlite3_step(s) == SQLITE_ROW) {
		c->ours_who = with_copy(st, a, arena_strdup(a, store_col_text(s, 0)),
					store_col_text(s, 2));
		c->ours_at = arena_strdup(a, store_col_text(s, 1));
	}
	sqlite3_finalize(s);
}

int
store_sync_conflicts(struct store *st, struct arena *a,
		     struct store_sync_conflict **out, int *n,
		     struct ntm_error *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_WAITING, &s, e))
		return NTM_FAIL;
	struct store_row_sqls sql = {0};
	size_t cap = 0;
	int rc = NTM_OK, r;
	while (rc == NTM_OK && (r = sqlite3_step(s)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, (size_t)*n, &cap, sizeof **out);
		struct store_sync_conflict *c = &(*out)[(*n)++];
		memset(c, 0, sizeof *c);
		snprintf(c->id, sizeof c->id, "%s", store_col_text(s, 0));
		c->number = sqlite3_column_int(s, 1);
		c->entity = arena_strdup(a, store_col_text(s, 2));
		const char *ours_key = arena_strdup(a, store_col_text(s, 4));
		c->kind = arena_strdup(a, store_col_text(s, 5));
		const char *theirs = arena_strdup(a, store_col_text(s, 6));
		c->theirs_replica = arena_strdup(a, store_col_text(s, 7));
		c->theirs_at = arena_strdup(a, store_col_text(s, 8));
		c->theirs_who = arena_strdup(a, store_col_text(s, 9));
		c->detected_at = arena_strdup(a, store_col_text(s, 10));
		c->version = sqlite3_column_int(s, 11);
		const struct store_row_sql *t;
		const char *ours = NULL;
		rc = store_row_sql(st, a, &sql, c->entity, &t, e);
		if (rc == NTM_OK)
			rc = store_row_image(st, a, t, ours_key, &ours, e);
		if (rc != NTM_OK)
			break;
		const char *noun;
		store_describe_row(st, a, c->entity, ours_key, ours ? ours : theirs,
				   &noun, &c->title);
		c->noun = noun;
		store_images_in_words(st, c->entity, ours, theirs,
				      strcmp(c->kind, "unique") == 0, a,
				      &c->ours, &c->theirs);
		if (!ours)
			c->ours = never_here(st, c->entity, ours_key)
				? TXT_SYNC_NOT_HERE : TXT_SYNC_DELETED;
		if (!theirs)
			c->theirs = TXT_SYNC_DELETED;
		if (ours && theirs && !c->ours && !c->theirs)
			c->ours = c->theirs = "";
		c->where = village_of(st, a, c->entity, ours ? ours : theirs);
		if (ours || strcmp(c->kind, "parent") != 0)
			ours_change(st, a, c->entity, ours_key, c->theirs_replica, c);
	}
	if (rc == NTM_OK && r != SQLITE_DONE)
		rc = store_sql_fail(st, e, r);
	sqlite3_finalize(s);
	return rc;
}

/* ---- settling ------------------------------------------------------------- */

struct resolve {
	char id[STORE_ID_LEN];
	int number;
	bool theirs;
	int expected;
	struct arena a;
};

/* The waiting conflict a person named: its number, or a prefix of its id. */
static int
find_conflict(struct store *st, const char *typed, struct resolve *r,
	      struct ntm_error *e)
{
	const char *t = typed ? typed : "";
	while (*t == '#' || *t == ' ')
		t++;
	bool digits = *t != '\0';
	for (const char *p = t; *p; p++)
		digits &= isdigit((unsigned char)*p) != 0;
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, number FROM sync_conflict WHERE state "
			  "= 'waiting' AND (number = ?1 OR (?2 AND length(?3) >= "
			  "4 AND id LIKE lower(?3) || '%')) LIMIT 2", &s, e))
		return NTM_FAIL;
	sqlite3_bind_int(s, 1, digits && strlen(t) < 9 ? atoi(t) : -1);
	sqlite3_bind_int(s, 2, !digits || strlen(t) >= 4);
	store_bind_text(s, 3, t);
	int found = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (found++ == 0) {
			snprintf(r->id, sizeof r->id, "%s", store_col_text(s, 0));
			r->number = sqlite3_column_int(s, 1);
		}
	}
	sqlite3_finalize(s);
	if (found == 1)
		return NTM_OK;
	return ntm_fail(e, NTM_FAIL, found ? MSG_SYNC_CONFLICT_AMBIGUOUS
			: MSG_SYNC_CONFLICT_UNKNOWN, typed ? typed : "");
}

/* image with version = max(both versions) + 1: a write of this copy that
 * follows both sides. */
static const char *
next_version(struct store *st, struct arena *a, const char *image,
	     const char *ours, const char *theirs)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT json_set(?1, '$.version', max(coalesce("
			  "json_extract(?2, '$.version'), 0), coalesce("
			  "json_extract(?3, '$.version'), 0)) + 1)", &s, NULL))
		return image;
	store_bind_text(s, 1, image);
	store_bind_text(s, 2, ours);
	store_bind_text(s, 3, theirs);
	const char *out = image;
	if (sqlite3_step(s) == SQLITE_ROW)
		out = arena_strdup(a, store_col_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

/* Every foreign key to row `from` made to point to row `to` (checked at
 * the commit: `to` is inserted after). */
static int
repoint(struct store *st, const char *script, const char *from,
	const char *to, struct ntm_error *e)
{
	int rc = sqlite3_exec(st->db, "PRAGMA defer_foreign_keys = ON", NULL,
			      NULL, NULL);
	for (const char *tail = script; rc == SQLITE_OK && tail && *tail;) {
		sqlite3_stmt *s;
		rc = sqlite3_prepare_v2(st->db, tail, -1, &s, &tail);
		if (rc != SQLITE_OK || !s)
			break;
		store_bind_text(s, 1, from);
		store_bind_text(s, 2, to);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_CONSTRAINT)
		return rc;
	return store_sql_fail(st, e, rc);
}

/* Their rows that waited because the row they hang on was not here (a
 * task of their plan) come in with it, settled by the same action. */
static int
follow(struct store *st, struct resolve *r, const char *row_id,
       struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, entity, theirs FROM sync_conflict "
			  "WHERE state = 'waiting' AND kind = 'parent' AND "
			  "theirs IS NOT NULL AND instr(theirs, ?1) > 0",
			  &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, row_id);
	struct store_row_sqls sql = {0};
	int rc = NTM_OK;
	while (rc == NTM_OK && sqlite3_step(s) == SQLITE_ROW) {
		const struct store_row_sql *t;
		rc = store_row_sql(st, &r->a, &sql, store_col_text(s, 1), &t, e);
		if (rc != NTM_OK)
			break;
		/* one that cannot come in (its key is ours already) waits,
		 * as a clash with our row of that key */
		int in = store_row_run(st, t->insert, store_col_text(s, 2), NULL, e);
		if (in != NTM_OK) {
			const char *holder = store_sync_unique_holder(st, &r->a,
				store_col_text(s, 1), store_col_text(s, 2));
			if (holder)
				rc = store_exec_text(st, "UPDATE sync_conflict SET "
						     "kind = 'unique', ours_id = ?2 "
						     "WHERE id = ?1", store_col_text(s, 0),
						     holder, e);
			continue;
		}
		rc = store_exec_text(st, "UPDATE sync_conflict SET state = "
				     "'resolved', resolved_by = (SELECT action_id "
				     "FROM action_ctx), version = version + 1 "
				     "WHERE id = ?1", store_col_text(s, 0), NULL, e);
	}
	sqlite3_finalize(s);
	int n;
	if (rc == NTM_OK)
		rc = store_sync_renumber_losers(st, &n, e);
	return rc;
}

/* The rows image refers to (its foreign keys) that were deleted here,
 * put back from their last audit image, parents first. */
static int
bring_back_parents(struct store *st, struct resolve *r, const char *entity,
		   const char *image, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT f.\"table\", json_extract(?2, '$.\"' || "
			  "f.\"from\" || '\"'), (SELECT before FROM audit WHERE "
			  "entity = f.\"table\" AND entity_id = json_extract(?2, "
			  "'$.\"' || f.\"from\" || '\"') AND after IS NULL ORDER BY "
			  "seq DESC LIMIT 1) FROM pragma_foreign_key_list(?1) f",
			  &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, entity);
	store_bind_text(s, 2, image);
	struct store_row_sqls sql = {0};
	int rc = NTM_OK;
	while (rc == NTM_OK && sqlite3_step(s) == SQLITE_ROW) {
		const char *table = store_col_text(s, 0), *id = store_col_text(s, 1);
		const char *before = store_col_text(s, 2), *now = NULL;
		const struct store_row_sql *t;
		if (!id || !before || store_row_sql(st, &r->a, &sql, table, &t, e) ||
		    store_row_image(st, &r->a, t, id, &now, e) || now)
			continue;
		const char *img = arena_strdup(&r->a, before);
		rc = bring_back_parents(st, r, table, img, e);
		if (rc == NTM_OK)
			rc = store_row_run(st, t->insert, img, NULL, e);
	}
	sqlite3_finalize(s);
	return rc;
}

/* The rows as the person chose, in the action's transaction. */
static int
settle(struct store *st, struct resolve *r, const char *entity,
       const char *row_id, const char *ours_id, const char *kind,
       const char *theirs, struct ntm_error *e)
{
	const struct store_row_sql *t;
	struct store_row_sqls sql = {0};
	const char *ours_key = ours_id ? ours_id : row_id, *ours;
	if (store_row_sql(st, &r->a, &sql, entity, &t, e) ||
	    store_row_image(st, &r->a, t, ours_key, &ours, e))
		return NTM_FAIL;
	bool unique = strcmp(kind, "unique") == 0;
	int rc = NTM_OK;
	if (!r->theirs) {
		/* ours again, as a change that follows theirs too */
		if (ours) {
			const char *img = next_version(st, &r->a, ours, ours, theirs);
			rc = store_row_run(st, store_row_put(st, &r->a, t, ours, img),
				     img, ours_key, e);
		}
		if (rc == NTM_OK && (unique || !ours))
			rc = store_sync_declare_deleted(st, entity, row_id, e);
	} else if (unique) {
		/* theirs takes our row's place: what hangs on ours (a plan's
		 * tasks) moves to theirs first, nothing is deleted with it */
		if (ours && t->repoint)
			rc = repoint(st, t->repoint, ours_key, row_id, e);
		if (rc == NTM_OK && ours)
			rc = store_row_run(st, t->remove, NULL, ours_key, e);
		if (rc == NTM_OK)
			rc = store_row_run(st, t->insert, theirs, NULL, e);
		if (rc == NTM_OK)
			rc = follow(st, r, row_id, e);
	} else if (!theirs) {
		rc = ours ? store_row_run(st, t->remove, NULL, row_id, e) : NTM_OK;
	} else {
		const char *img = next_version(st, &r->a, theirs, ours, theirs);
		/* their row hangs on a row deleted here (a plan removed while
		 * the other copy added a task to it): that row comes back as it
		 * was, with the task */
		if (!ours)
			rc = bring_back_parents(st, r, entity, img, e);
		if (rc == NTM_OK)
			rc = store_row_run(st, ours ? store_row_put(st, &r->a, t, ours, img)
				     : t->insert, img, row_id, e);
	}
	if (rc == NTM_OK || rc == NTM_FAIL)
		return rc;
	const char *noun, *label;
	store_describe_row(st, &r->a, entity, row_id, theirs ? theirs : ours,
			   &noun, &label);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_THEIRS_LINKED, r->number,
				noun, label);
	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_THEIRS_TAKEN, r->number, label);
	return store_sql_fail(st, e, rc);
}

static int
resolve_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct resolve *r = ctx;
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT entity, row_id, ours_id, kind, theirs, "
			  "state, version FROM sync_conflict WHERE id = ?1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, r->id);
	int rc = NTM_FAIL;
	if (sqlite3_step(s) == SQLITE_ROW) {
		const char *state = store_col_text(s, 5);
		int version = sqlite3_column_int(s, 6);
		if (strcmp(state, "waiting") != 0 ||
		    (r->expected != STORE_ANY_VERSION && version != r->expected))
			rc = ntm_fail(e, NTM_FAIL, MSG_SYNC_CONFLICT_MOVED, r->number,
				      TXT_SYNC_CONFLICT_SETTLED);
		else
			rc = settle(st, r, arena_strdup(&r->a, store_col_text(s, 0)),
				    arena_strdup(&r->a, store_col_text(s, 1)),
				    arena_strdup(&r->a, store_col_text(s, 2)),
				    arena_strdup(&r->a, store_col_text(s, 3)),
				    arena_strdup(&r->a, store_col_text(s, 4)), e);
	} else {
		rc = ntm_fail(e, NTM_FAIL, MSG_SYNC_CONFLICT_UNKNOWN, r->id);
	}
	sqlite3_finalize(s);
	if (rc == NTM_OK)
		rc = store_exec_text(st, "UPDATE sync_conflict SET state = "
				     "'resolved', resolved_by = (SELECT action_id "
				     "FROM action_ctx), version = version + 1 "
				     "WHERE id = ?1", r->id, NULL, e);
	return rc;
}

int
store_sync_resolve(struct store *st, const char *id, bool take_theirs,
		   int expected_version, struct ntm_error *e)
{
	struct resolve r = {.theirs = take_theirs, .expected = expected_version};
	int rc = find_conflict(st, id, &r, e);
	if (rc == NTM_OK)
		rc = store_action_run(st, NTM_VERB_RESOLVE, resolve_work, &r, e);
	arena_free(&r.a);
	return rc;
}
