/* Conflicts between colleagues: who changed a row last (for the messages
 * that refuse an edit whose row changed underneath it), and the check that
 * keeps a newer measurement from being hidden. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>

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

/* ---- measurements --------------------------------------------------------- */

int
store_latest_measurement(struct store *st, const char *indicator_id,
			 struct arena *a, const char **id, struct ntm_error *e)
{
	*id = NULL;
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id FROM measurement WHERE indicator_id = ?1 "
			  "AND unit_id = ?2 ORDER BY as_of DESC, seq DESC LIMIT 1",
			  &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, indicator_id);
	store_bind_text(s, 2, st->commune_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = arena_strdup(a, store_col_text(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NTM_OK
		: store_sql_fail(st, e, rc);
}

static bool
measurement_exists(struct store *st, const char *id)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT 1 FROM measurement WHERE id = ?1", &s, NULL))
		return false;
	store_bind_text(s, 1, id);
	bool found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return found;
}

/* The colleague's value is newer than the one the caller saw. */
static int
refuse_newer(struct store *st, const struct store_indicator_ref *ind,
	     const char *latest, struct arena *a, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT value, strftime('%d/%m/%Y', as_of) "
			  "FROM measurement WHERE id = ?1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, latest);
	char value[64] = "?", as_of[16] = "?";
	if (sqlite3_step(s) == SQLITE_ROW) {
		model_format_value(ind->kind, sqlite3_column_double(s, 0),
				   value, sizeof value);
		snprintf(as_of, sizeof as_of, "%s", store_col_text(s, 1));
	}
	sqlite3_finalize(s);
	const char *by = store_last_change_text(st, "measurement", latest,
						VERB_RECORD, a);
	return ntm_fail(e, NTM_FAIL, MSG_MEASURE_NEWER, by, ind->code, value, as_of);
}

int
store_measurement_expect_latest(struct store *st,
				const struct store_indicator_ref *ind,
				const char *expected_latest_id,
				struct ntm_error *e)
{
	struct arena a = {0};
	const char *latest;
	int rc = store_latest_measurement(st, ind->id, &a, &latest, e);
	bool same = latest && expected_latest_id
		? strcmp(latest, expected_latest_id) == 0
		: latest == expected_latest_id;
	if (rc == NTM_OK && !same) {
		/* The value the caller saw was retracted, or another came after it. */
		if (expected_latest_id && (!latest ||
		    !measurement_exists(st, expected_latest_id)))
			rc = ntm_fail(e, NTM_FAIL, MSG_MEASURE_GONE, ind->code,
				      store_last_change_text(st, "measurement",
							     expected_latest_id,
							     VERB_RETRACT, &a));
		else
			rc = refuse_newer(st, ind, latest, &a, e);
	}
	arena_free(&a);
	return rc;
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
