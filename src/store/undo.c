/* Undo and redo from the audit trail. Undoing an action replays its audit
 * rows in reverse order as one new action (verb "undo"), itself audited, so
 * redo is the undo of that action. Generic over every audited table: the
 * statements are built from the table's columns, as the triggers are.
 *
 * Before anything is written, every row the action touched must still be
 * exactly as the action left it (its JSON image, built like the triggers
 * build theirs, equals the action's `after`); otherwise the whole undo is
 * refused, naming who changed the row since. An undo that would reach
 * further than the action's own rows (a cascade onto a colleague's row, a
 * foreign key, a unique name taken meanwhile) is refused too.
 *
 * A note for callers keeping an undo stack: store_last_action returns the
 * latest action by anyone, so read it right after your own edit; a
 * colleague committing in between would put their action on your stack
 * (undoing it is still safe: the checks above apply). */
#include "internal.h"
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* One audit row of the action being undone. */
struct undo_row {
	sqlite3_int64 seq;
	const char *entity, *entity_id, *before, *after;
	bool last;           /* the action's last row for this entity row */
};

struct undo {
	struct store *st;
	struct arena a;
	struct undo_row *rows;   /* newest first */
	size_t nrows;
	struct store_row_sqls tables;
	/* a row reached beyond the action, found before rolling back */
	const char *extra_entity, *extra_id, *extra_noun, *extra_label;
	const char *action_id;       /* the action undone */
	char undo_id[STORE_ID_LEN];  /* the undo's own action */
};

static const struct noun {
	const char *entity, *noun, *key;   /* key: the JSON field naming it */
} NOUNS[] = {
	{"unit", NOUN_UNIT, "$.name"},
	{"unit_alias", NOUN_ALIAS, "$.name"},
	{"plan", NOUN_PLAN, "$.number"},
	{"sector", NOUN_SECTOR, "$.name"},
	{"criteria_set", NOUN_SET, "$.name"},
	{"criterion", NOUN_CRITERION, "$.name"},
	{"indicator", NOUN_INDICATOR, "$.code"},
	{"plan_target", NOUN_TARGET, NULL},
	{"measurement", NOUN_MEASUREMENT, NULL},
	{"task", NOUN_TASK, "$.title"},
	{"checklist_template", NOUN_TEMPLATE, "$.title"},
	{"checklist_item", NOUN_ITEM, "$.title"},
	{"fund_source", NOUN_FUND_SOURCE, "$.name"},
	{"fund_plan", NOUN_FUND_PLAN, NULL},
	{"fund_entry", NOUN_FUND_ENTRY, NULL},
};

static const struct noun *
noun_of(const char *entity)
{
	for (size_t i = 0; i < sizeof NOUNS / sizeof *NOUNS; i++)
		if (strcmp(NOUNS[i].entity, entity) == 0)
			return &NOUNS[i];
	return NULL;
}

/* What a message calls a row: a noun ("thôn") and a label ("Cự Đình"),
 * from its JSON image; measurements and targets by their indicator. */
void
store_describe_row(struct store *st, struct arena *a, const char *entity,
	 const char *id, const char *image, const char **noun,
	 const char **label)
{
	const struct noun *n = noun_of(entity);
	sqlite3_stmt *s;
	*noun = n ? n->noun : NOUN_ROW;
	*label = id;
	if (store_prepare(st, "SELECT coalesce(json_extract(?1, ?2), (SELECT code "
			  "FROM indicator WHERE id = json_extract(?1, "
			  "'$.indicator_id')), CASE WHEN json_extract(?1, "
			  "'$.task_id') IS NOT NULL THEN " SQL_FUND_LABEL("?1")
			  " END, ?3), json_extract(?1, '$.level')",
			  &s, NULL))
		return;
	store_bind_text(s, 1, image ? image : "{}");
	store_bind_text(s, 2, n && n->key ? n->key : "$.title");
	store_bind_text(s, 3, id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*label = arena_strdup(a, store_col_text(s, 0));
		const char *level = store_col_text(s, 1);
		if (level && strcmp(level, "thon") == 0)
			*noun = WHAT_VILLAGE;
		else if (level && strcmp(level, "xa") == 0)
			*noun = WHAT_COMMUNE;
	}
	sqlite3_finalize(s);
}

/* The statements of one table, built once per undo. */
static int
table_of(struct undo *u, const char *entity, const struct store_row_sql **out,
	 struct ntm_error *e)
{
	return store_row_sql(u->st, &u->a, &u->tables, entity, out, e);
}

/* ---- reading and checking ------------------------------------------------- */

static int
load_rows(struct undo *u, const char *action_id, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(u->st, "SELECT seq, entity, entity_id, before, after, "
			  "seq = max(seq) OVER (PARTITION BY entity, entity_id) "
			  "FROM audit WHERE action_id = ?1 ORDER BY seq DESC", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, action_id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		u->rows = arena_grow(&u->a, u->rows, u->nrows, &cap, sizeof *u->rows);
		struct undo_row *r = &u->rows[u->nrows++];
		r->seq = sqlite3_column_int64(s, 0);
		r->entity = arena_strdup(&u->a, store_col_text(s, 1));
		r->entity_id = arena_strdup(&u->a, store_col_text(s, 2));
		r->before = arena_strdup(&u->a, store_col_text(s, 3));
		r->after = arena_strdup(&u->a, store_col_text(s, 4));
		r->last = sqlite3_column_int(s, 5);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sql_fail(u->st, e, rc);
	return u->nrows ? NTM_OK : ntm_fail(e, NTM_FAIL, MSG_ACTION_UNKNOWN, action_id);
}

/* Who changed the row after the action: a later audit row names them; with
 * none, it was changed outside ntm. */
static const char *
changed_by(struct undo *u, const struct undo_row *r, const char *verb)
{
	sqlite3_stmt *s;
	sqlite3_int64 latest = 0;
	if (store_prepare(u->st, "SELECT max(seq) FROM audit WHERE entity = ?1 "
			  "AND entity_id = ?2", &s, NULL) == NTM_OK) {
		store_bind_text(s, 1, r->entity);
		store_bind_text(s, 2, r->entity_id);
		if (sqlite3_step(s) == SQLITE_ROW)
			latest = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	if (latest > r->seq)
		return store_last_change_text(u->st, r->entity, r->entity_id, verb, &u->a);
	char *t = sqlite3_mprintf(MSG_BY_NOBODY, verb);
	const char *out = arena_strdup(&u->a, t ? t : verb);
	sqlite3_free(t);
	return out;
}

static int
refuse_changed(struct undo *u, const struct undo_row *r, const char *now,
	       struct ntm_error *e)
{
	const char *noun, *label;
	store_describe_row(u->st, &u->a, r->entity, r->entity_id,
		 r->after ? r->after : now, &noun, &label);
	if (!now)
		return ntm_fail(e, NTM_FAIL, MSG_UNDO_DELETED, noun, label,
				changed_by(u, r, VERB_DELETE));
	return ntm_fail(e, NTM_FAIL, MSG_UNDO_CHANGED, noun, label,
			changed_by(u, r, r->after ? VERB_EDIT : VERB_RESTORE));
}

/* Every row is still as the action left it. */
static int
check_rows(struct undo *u, struct ntm_error *e)
{
	for (size_t i = 0; i < u->nrows; i++) {
		const struct undo_row *r = &u->rows[i];
		const struct store_row_sql *t;
		const char *now;
		if (!r->last)
			continue;
		if (table_of(u, r->entity, &t, e) ||
		    store_row_image(u->st, &u->a, t, r->entity_id, &now, e))
			return NTM_FAIL;
		/* an undo bumps version: the action before it can still be
		 * undone, its rows are as it left them */
		if (!store_same_but_version(u->st, now, r->after))
			return refuse_changed(u, r, now, e);
	}
	return NTM_OK;
}

/* ---- writing -------------------------------------------------------------- */

static int
refuse_constraint(struct undo *u, const struct undo_row *r, int code,
		  struct ntm_error *e)
{
	const char *noun, *label;
	store_describe_row(u->st, &u->a, r->entity, r->entity_id,
		 r->before ? r->before : r->after, &noun, &label);
	if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
		return ntm_fail(e, NTM_FAIL, MSG_UNDO_LINKED, noun, label);
	if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
		return ntm_fail(e, NTM_FAIL, MSG_UNDO_DUPLICATE, noun, label);
	return store_sql_fail(u->st, e, code);
}

/* Puts one row back as it was before the action wrote this audit row:
 * an insert is deleted, a delete re-inserted whole, an update set back
 * (version moves on). */
static int
apply_row(struct undo *u, const struct undo_row *r, struct ntm_error *e)
{
	const struct store_row_sql *t;
	if (table_of(u, r->entity, &t, e))
		return NTM_FAIL;
	const char *sql = !r->before ? t->remove : !r->after ? t->insert : t->update;
	sqlite3_stmt *s;
	if (store_prepare(u->st, sql, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, r->before);
	store_bind_text(s, 2, r->entity_id);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return NTM_OK;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return refuse_constraint(u, r, rc, e);
	return store_sql_fail(u->st, e, rc);
}

/* A row the undo wrote that the action had not touched (a cascade onto a
 * colleague's row) makes it refuse; the row is noted for the message. */
static int
check_reach(struct undo *u, const char *action_id, const char *undo_id,
	    struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(u->st, "SELECT n.entity, n.entity_id, "
			  "coalesce(n.before, n.after) FROM audit n "
			  "WHERE n.action_id = ?1 AND NOT EXISTS (SELECT 1 "
			  "FROM audit o WHERE o.action_id = ?2 AND o.entity = "
			  "n.entity AND o.entity_id = n.entity_id) "
			  "ORDER BY n.seq LIMIT 1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, undo_id);
	store_bind_text(s, 2, action_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		u->extra_entity = arena_strdup(&u->a, store_col_text(s, 0));
		u->extra_id = arena_strdup(&u->a, store_col_text(s, 1));
		store_describe_row(u->st, &u->a, u->extra_entity, u->extra_id,
			 store_col_text(s, 2), &u->extra_noun, &u->extra_label);
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return NTM_FAIL;    /* the message comes after the rollback */
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(u->st, e, rc);
}

static int
read_action_id(struct store *st, char out[STORE_ID_LEN], struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT action_id FROM action_ctx", &s, e))
		return NTM_FAIL;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(out, STORE_ID_LEN, "%s", store_col_text(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? NTM_OK : store_sql_fail(st, e, rc);
}

/* Whether the row's latest audited change created it. */
static bool
added_last(struct store *st, const char *entity, const char *id)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT before IS NULL FROM audit WHERE entity = ?1 "
			  "AND entity_id = ?2 ORDER BY seq DESC LIMIT 1", &s, NULL))
		return false;
	store_bind_text(s, 1, entity);
	store_bind_text(s, 2, id);
	bool added = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return added;
}

/* Checks, then writes, inside the undo action's transaction (the work
 * of store_action_run). */
static int
replay(struct store *st, void *ctx, struct ntm_error *e)
{
	struct undo *u = ctx;
	(void)st;
	int rc = read_action_id(u->st, u->undo_id, e);
	if (rc == NTM_OK)
		rc = load_rows(u, u->action_id, e);
	if (rc == NTM_OK)
		rc = check_rows(u, e);
	/* Newest first: children inserted after their parent go before it,
	 * and a parent deleted after its cascaded children comes back first. */
	for (size_t i = 0; rc == NTM_OK && i < u->nrows; i++)
		rc = apply_row(u, &u->rows[i], e);
	if (rc == NTM_OK)
		rc = check_reach(u, u->action_id, u->undo_id, e);
	/* which action this one undid: the log names it (schema 4) */
	if (rc == NTM_OK)
		rc = store_exec_text(u->st, "INSERT INTO action_undo(action_id, "
				     "undoes) VALUES (?1, ?2)", u->undo_id,
				     u->action_id, e);
	/* an undone (or redone) merge of communes: their history too */
	if (rc == NTM_OK)
		rc = store_unit_merge_history(u->st, u->undo_id, e);
	return rc;
}

int
store_undo(struct store *st, const char *action_id,
	   char new_action_id[STORE_ID_LEN], struct ntm_error *e)
{
	struct undo u = {.st = st, .action_id = action_id};
	if (new_action_id)
		new_action_id[0] = '\0';
	if (!action_id)
		return ntm_fail(e, NTM_FAIL, MSG_ACTION_UNKNOWN, "");
	/* Undoing an undo is a redo, and the log says so. */
	sqlite3_stmt *s;
	bool redo = false;
	if (store_prepare(st, "SELECT verb = ?2 FROM audit WHERE action_id = ?1 "
			  "LIMIT 1", &s, NULL) == NTM_OK) {
		store_bind_text(s, 1, action_id);
		store_bind_text(s, 2, model_verb_code(NTM_VERB_UNDO));
		redo = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	int rc = store_action_run(st, redo ? NTM_VERB_REDO : NTM_VERB_UNDO, replay,
				  &u, e);
	/* Asked only now that the undo's own rows are gone: who touched it. */
	if (rc != NTM_OK && u.extra_entity) {
		const char *by = store_last_change_text(st, u.extra_entity,
			u.extra_id, added_last(st, u.extra_entity, u.extra_id)
			? VERB_ADD : VERB_EDIT, &u.a);
		rc = ntm_fail(e, NTM_FAIL, MSG_UNDO_DEPENDENT, u.extra_noun,
			      u.extra_label, by);
	}
	if (rc == NTM_OK && new_action_id)
		memcpy(new_action_id, u.undo_id, STORE_ID_LEN);
	arena_free(&u.a);
	return rc;
}

int
store_last_action(struct store *st, char action_id[STORE_ID_LEN],
		  struct ntm_error *e)
{
	sqlite3_stmt *s;
	action_id[0] = '\0';
	/* made on this copy: a change received from another copy is undone
	 * there, by whoever made it (undoing it here would travel back) */
	if (store_prepare(st, "SELECT action_id FROM audit WHERE (replica IS NULL "
			  "OR replica = ?1) AND verb <> ?2 ORDER BY seq DESC "
			  "LIMIT 1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->replica);
	/* the numbers a merge gave (ntm sync apply), not a person's edit */
	store_bind_text(s, 2, model_verb_code(NTM_VERB_RENUMBER));
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(action_id, STORE_ID_LEN, "%s", store_col_text(s, 0));
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW)
		return NTM_OK;
	return rc == SQLITE_DONE ? ntm_fail(e, NTM_FAIL, "%s", MSG_NO_ACTION)
		: store_sql_fail(st, e, rc);
}
