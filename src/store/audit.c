/* The audit trail: triggers that record whole-row images of every change,
 * and the transaction bracket of one user action. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>

/* Tables whose changes are audited (everything people edit). */
static const char *const AUDITED[] = {
	"unit", "unit_alias", "plan", "sector", "criteria_set", "criterion",
	"indicator", "plan_target", "measurement", "task",
	"checklist_template", "checklist_item",
};

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

static int
install_one(sqlite3 *db, const char *table, char **errmsg)
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
		char *sql = sqlite3_mprintf(
			"CREATE TRIGGER \"audit_%w_%s\" AFTER %s ON \"%w\" "
			"WHEN EXISTS (SELECT 1 FROM action_ctx) BEGIN "
			"INSERT INTO audit(id, seq, action_id, verb, at, os_user, "
			"person, entity, entity_id, before, after) "
			"SELECT lower(hex(randomblob(16))), "
			"(SELECT coalesce(max(seq), 0) + 1 FROM audit), action_id, "
			"verb, strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), os_user, "
			"person, %Q, %s.id, %s, %s FROM action_ctx; END",
			table, ops[i].tag, ops[i].op, table, table, ops[i].id,
			ops[i].before ? img_old : "NULL",
			ops[i].after ? img_new : "NULL");
		rc = sqlite3_exec(db, sql, NULL, NULL, errmsg);
		sqlite3_free(sql);
	}
	sqlite3_free(img_new);
	sqlite3_free(img_old);
	return rc;
}

int
store_audit_install(sqlite3 *db, char **errmsg)
{
	int rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < sizeof AUDITED / sizeof *AUDITED; i++)
		rc = install_one(db, AUDITED[i], errmsg);
	return rc;
}

int
store_action_begin(struct store *st, const char *verb, struct ntm_error *e)
{
	if (st->ro_reason)
		return ntm_fail(e, NTM_FAIL, MSG_READ_ONLY, st->ro_reason);
	/* The context table is empty between actions; clearing it anyway
	 * keeps one stray row from doubling every audit row. */
	int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE; DELETE FROM action_ctx",
			      NULL, NULL, NULL);
	if (rc != SQLITE_OK && sqlite3_get_autocommit(st->db) == 0)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_sql_fail(st, e, rc);

	char id[STORE_ID_LEN];
	store_new_id(id);
	memcpy(st->pending_action, id, sizeof id);
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT INTO action_ctx(action_id, verb, os_user, "
			  "person) VALUES (?1, ?2, ?3, ?4)", &s, e)) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return NTM_FAIL;
	}
	store_bind_text(s, 1, id);
	store_bind_text(s, 2, verb);
	store_bind_text(s, 3, st->os_user);
	store_bind_text(s, 4, st->person);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_sql_fail(st, e, rc);
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return NTM_FAIL;
	}
	return NTM_OK;
}

const char *
store_my_last_action(const struct store *st)
{
	return st->my_action;
}

int
store_action_end(struct store *st, int rc, struct ntm_error *e)
{
	if (rc == NTM_OK) {
		int r = sqlite3_exec(st->db, "DELETE FROM action_ctx; COMMIT",
				     NULL, NULL, NULL);
		if (r == SQLITE_OK) {
			memcpy(st->my_action, st->pending_action, STORE_ID_LEN);
			return NTM_OK;
		}
		rc = store_sql_fail(st, e, r);
	}
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
