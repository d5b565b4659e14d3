/* The audit trail: triggers that record whole-row images of every change,
 * the one bracket every user action runs in (store_action_run), and who
 * changed a row last (for the messages that refuse a stale edit). */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>

/* Tables whose changes are audited (everything people edit), and synced
 * between copies, parents before children. */
const char *const store_synced_tables[] = {
	"unit", "unit_alias", "plan", "sector", "criteria_set", "criterion",
	"indicator", "plan_target", "measurement", "task",
	"checklist_template", "checklist_item",
	"fund_source", "fund_plan", "fund_entry",
};
const int store_nsynced_tables =
	(int)(sizeof store_synced_tables / sizeof *store_synced_tables);

bool
store_table_synced(const char *table)
{
	for (int i = 0; i < store_nsynced_tables; i++)
		if (strcmp(store_synced_tables[i], table) == 0)
			return true;
	return false;
}

/* json_object('col', P.col, …) for every column of table, P = NEW/OLD. */
static char *
row_image(sqlite3 *db, const char *table, const char *p)
{
	sqlite3_str *out = sqlite3_str_new(db);
	sqlite3_stmt *s;
	char *sql = sqlite3_mprintf("SELECT name FROM pragma_table_info(%Q)", table);
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	sqlite3_free(sql);
	sqlite3_str_appendall(out, "json_object(");
	for (int n = 0; rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW; n++) {
		const char *col = (const char *)sqlite3_column_text(s, 0);
		sqlite3_str_appendf(out, "%s'%q', %s.\"%w\"", n ? ", " : "", col, p, col);
	}
	sqlite3_finalize(s);
	sqlite3_str_appendall(out, ")");
	return sqlite3_str_finish(out);
}

int
store_audit_install_table(sqlite3 *db, const char *table, char **errmsg)
{
	static const struct { const char *op, *tag, *id, *before, *after; } ops[] = {
		{"INSERT", "ins", "NEW", NULL, "NEW"},
		{"UPDATE", "upd", "NEW", "OLD", "NEW"},
		{"DELETE", "del", "OLD", "OLD", NULL},
	};
	char *img_new = row_image(db, table, "NEW");
	char *img_old = row_image(db, table, "OLD");
	int rc = SQLITE_OK;

	for (size_t i = 0; rc == SQLITE_OK && i < 3; i++) {
		/* Dropped first: a migration that adds columns installs the
		 * triggers again, so the images hold the new columns too. */
		char *sql = sqlite3_mprintf(
			"DROP TRIGGER IF EXISTS \"audit_%w_%s\"; "
			"CREATE TRIGGER \"audit_%w_%s\" AFTER %s ON \"%w\" "
			"WHEN EXISTS (SELECT 1 FROM action_ctx) BEGIN "
			"INSERT INTO audit(id, seq, action_id, verb, at, os_user, "
			"person, entity, entity_id, before, after) "
			"SELECT lower(hex(randomblob(16))), "
			"(SELECT coalesce(max(seq), 0) + 1 FROM audit), action_id, "
			"verb, strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), os_user, "
			"person, %Q, %s.id, %s, %s FROM action_ctx; END",
			table, ops[i].tag, table, ops[i].tag, ops[i].op, table,
			table, ops[i].id,
			ops[i].before ? img_old : "NULL",
			ops[i].after ? img_new : "NULL");
		rc = sqlite3_exec(db, sql, NULL, NULL, errmsg);
		sqlite3_free(sql);
	}
	sqlite3_free(img_new);
	sqlite3_free(img_old);
	return rc;
}

/* Whether the file has table yet (an early migration installs the
 * triggers of the tables there are then). */
static bool
has_table(sqlite3 *db, const char *table)
{
	sqlite3_stmt *s;
	bool there = false;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = "
			       "'table' AND name = ?1", -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
		there = sqlite3_step(s) == SQLITE_ROW;
		sqlite3_finalize(s);
	}
	return there;
}

int
store_audit_install(sqlite3 *db, char **errmsg)
{
	int rc = SQLITE_OK;
	for (int i = 0; rc == SQLITE_OK && i < store_nsynced_tables; i++)
		if (has_table(db, store_synced_tables[i]))
			rc = store_audit_install_table(db, store_synced_tables[i],
						       errmsg);
	return rc;
}

#define SQL_COMMUNE_TRIGGER \
		"DROP TRIGGER IF EXISTS audit_commune; " \
		"CREATE TRIGGER audit_commune AFTER INSERT ON audit " \
		"WHEN NEW.unit_id IS NULL BEGIN " \
		"UPDATE audit SET unit_id = " SQL_AUDIT_COMMUNE("NEW.") " " \
		"WHERE id = NEW.id; END"

int
store_audit_commune_install(sqlite3 *db, char **errmsg)
{
	static const char SQL[] =
		"UPDATE audit AS o SET unit_id = " SQL_AUDIT_COMMUNE("o.") "; "
		"CREATE INDEX audit_unit_at ON audit(unit_id, at); "
		SQL_COMMUNE_TRIGGER;
	return sqlite3_exec(db, SQL, NULL, NULL, errmsg);
}

int
store_schema9_install(sqlite3 *db, char **errmsg)
{
	int rc = store_audit_install(db, errmsg);
	return rc == SQLITE_OK
		? sqlite3_exec(db, SQL_COMMUNE_TRIGGER, NULL, NULL, errmsg) : rc;
}

/* What the level above's file is written by: merges of communes, their
 * undoing, settled conflicts. A commune's data is entered in the
 * commune's own file and comes up by ntm sync: edited here, the two
 * files would part without a sign. */
static bool
above_may(enum ntm_verb verb)
{
	return verb == NTM_VERB_UNIT_MERGE || verb == NTM_VERB_UNDO ||
	       verb == NTM_VERB_REDO || verb == NTM_VERB_RESOLVE ||
	       verb == NTM_VERB_RENUMBER;
}

int
store_may_write(struct store *st, enum ntm_verb verb, struct ntm_error *e)
{
	if (st->ro_reason)
		return ntm_fail(e, NTM_FAIL, MSG_READ_ONLY, st->ro_reason);
	if (!above_may(verb) && store_is_above(st))
		return ntm_fail(e, NTM_FAIL, MSG_ABOVE_READ_ONLY);
	return NTM_OK;
}

/* BEGIN IMMEDIATE, then the audit context (verb, who) of a new action. */
static int
action_begin(struct store *st, enum ntm_verb verb, struct ntm_error *e)
{
	int may = store_may_write(st, verb, e);
	if (may != NTM_OK)
		return may;
	if (store_file_replaced(st))
		return ntm_fail(e, NTM_FAIL, MSG_REPLACED, st->path);
	/* The context table is empty between actions; clearing it anyway
	 * keeps one stray row from doubling every audit row. */
	int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE; DELETE FROM action_ctx",
			      NULL, NULL, NULL);
	if (rc != SQLITE_OK && sqlite3_get_autocommit(st->db) == 0)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_sql_fail(st, e, rc);

	store_new_id(st->pending_action);
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT INTO action_ctx(action_id, verb, os_user, "
			  "person) VALUES (?1, ?2, ?3, ?4)", &s, e)) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return NTM_FAIL;
	}
	store_bind_text(s, 1, st->pending_action);
	store_bind_text(s, 2, model_verb_code(verb));
	store_bind_text(s, 3, st->os_user);
	store_bind_text(s, 4, st->person);
	if (store_step_done(st, s, e) != NTM_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return NTM_FAIL;
	}
	return NTM_OK;
}

/* Whether the action under way has written an audit row. */
static bool
action_wrote(struct store *st)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT 1 FROM audit WHERE action_id = ?1 LIMIT 1",
			  &s, NULL))
		return true;    /* cannot tell: keep what was written */
	store_bind_text(s, 1, st->pending_action);
	bool wrote = sqlite3_step(s) != SQLITE_DONE;
	sqlite3_finalize(s);
	return wrote;
}

void
store_checkpoint(struct store *st)
{
	/* The file itself holds every change then: a copy made with cp while
	 * the program stays open (its -wal not copied) misses nothing. */
	sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL,
				  NULL);
}

int
store_action_run(struct store *st, enum ntm_verb verb, store_work_fn *work,
		 void *ctx, struct ntm_error *e)
{
	int rc = action_begin(st, verb, e);
	if (rc != NTM_OK)
		return rc;
	rc = store_sync_claim(st, e);
	if (rc == NTM_OK)
		rc = store_sync_capture_begin(st, e);
	if (rc == NTM_OK)
		rc = work(st, ctx, e);
	if (rc == NTM_OK && !st->sync_extra && !action_wrote(st)) {
		/* Nothing changed: no empty action in the log or on an undo
		 * stack; store_my_last_action() stays as it was. */
		store_sync_capture_abort(st);
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return NTM_OK;
	}
	if (rc == NTM_OK)
		rc = store_sync_capture_end(st, st->pending_action, e);
	if (rc == NTM_OK) {
		int r = sqlite3_exec(st->db, "DELETE FROM action_ctx; COMMIT",
				     NULL, NULL, NULL);
		if (r == SQLITE_OK) {
			memcpy(st->my_action, st->pending_action, STORE_ID_LEN);
			store_sync_claimed(st);
			store_checkpoint(st);
			return NTM_OK;
		}
		rc = store_sql_fail(st, e, r);
	}
	store_sync_capture_abort(st);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

const char *
store_my_last_action(const struct store *st)
{
	return st->my_action;
}

/* ---- who changed a row ------------------------------------------------------- */

/* The person and account of the latest audit row of a row, and its time
 * in local time; task.c reads changed_by / changed_at in the same form. */
static const char SQL_LAST_CHANGE[] =
	"SELECT CASE WHEN coalesce(person, '') <> '' "
	"  THEN person || ' (' || os_user || ')' ELSE os_user END, "
	"  strftime('%H:%M %d/%m/%Y', at, 'localtime') "
	"FROM audit WHERE entity = ?1 AND entity_id = ?2 "
	"ORDER BY seq DESC LIMIT 1";

int
store_last_change(struct store *st, const char *entity, const char *id,
		  struct arena *a, const char **who, const char **when_local,
		  struct ntm_error *e)
{
	*who = *when_local = NULL;
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_LAST_CHANGE, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, entity);
	store_bind_text(s, 2, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*who = arena_strdup(a, store_col_text(s, 0));
		*when_local = arena_strdup(a, store_col_text(s, 1));
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return NTM_OK;
	*who = *when_local = NULL;
	return store_sql_fail(st, e, rc);
}

const char *
store_last_change_text(struct store *st, const char *entity, const char *id,
		       const char *verb, struct arena *a)
{
	const char *who, *when;
	char *s;
	if (store_last_change(st, entity, id, a, &who, &when, NULL) == NTM_OK && who)
		s = sqlite3_mprintf(MSG_BY_WHOM, who, verb, when ? when : "?");
	else
		s = sqlite3_mprintf(MSG_BY_NOBODY, verb);
	const char *out = arena_strdup(a, s ? s : verb);
	sqlite3_free(s);
	return out;
}

const char *
store_deleted_title(struct store *st, const char *entity, const char *id,
		    struct arena *a)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT json_extract(before, '$.title'), "
			  "after IS NULL FROM audit WHERE entity = ?1 AND "
			  "entity_id = ?2 ORDER BY seq DESC LIMIT 1", &s, NULL))
		return NULL;
	store_bind_text(s, 1, entity);
	store_bind_text(s, 2, id);
	const char *title = NULL;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 1))
		title = arena_strdup(a, store_col_text(s, 0));
	sqlite3_finalize(s);
	return title;
}
