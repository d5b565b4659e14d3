/* Measurements and plan targets: each call is one audited user action. */
#include "internal.h"
#include "msg.h"

#include <string.h>

static const char SQL_ADD_MEASUREMENT[] =
	"INSERT INTO measurement(id, indicator_id, unit_id, value, "
	"as_of, note, recorded_by, recorded_at, seq) VALUES "
	"(?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	"strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
	"(SELECT coalesce(max(seq), 0) + 1 FROM measurement))";

/* Records one value; when `checked`, only if the indicator's latest value
 * is still `expected` (NULL: none), tested inside the same transaction. */
static int
add_measurement(struct store *st, const struct store_indicator_ref *ind,
		bool checked, const char *expected, double value,
		const char *as_of, const char *note, struct ntm_error *e)
{
	struct arena a = {0};
	const char *clean = note ? store_clean_text(&a, note, true, WHAT_NOTE, e) : NULL;
	if (note && !clean) {
		arena_free(&a);
		return NTM_USAGE;
	}
	char id[STORE_ID_LEN], today[11], date[11];
	store_new_id(id);
	store_today(today);
	const char *who = st->person ? st->person : st->os_user;
	/* The model's date rules, whoever calls (a form, the CLI, an import). */
	if (as_of && model_measurement_date(as_of, today, date, e) != NTM_OK) {
		arena_free(&a);
		return NTM_USAGE;
	}

	int rc = store_action_begin(st, "set", e);
	if (rc != NTM_OK) {
		arena_free(&a);
		return rc;
	}
	if (checked)
		rc = store_measurement_expect_latest(st, ind, expected, e);
	sqlite3_stmt *s;
	if (rc == NTM_OK)
		rc = store_prepare(st, SQL_ADD_MEASUREMENT, &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, id);
		store_bind_text(s, 2, ind->id);
		store_bind_text(s, 3, st->commune_id);
		sqlite3_bind_double(s, 4, value);
		store_bind_text(s, 5, as_of ? date : today);
		store_bind_text(s, 6, clean);
		store_bind_text(s, 7, who);
		rc = store_step_done(st, s, e);
	}
	rc = store_action_end(st, rc, e);
	arena_free(&a);
	return rc;
}

int
store_measurement_add(struct store *st, const struct store_indicator_ref *ind,
		      double value, const char *as_of, const char *note,
		      struct ntm_error *e)
{
	return add_measurement(st, ind, false, NULL, value, as_of, note, e);
}

int
store_measurement_add_checked(struct store *st,
			      const struct store_indicator_ref *ind,
			      const char *expected_latest_id, double value,
			      const char *as_of, const char *note,
			      struct ntm_error *e)
{
	return add_measurement(st, ind, true, expected_latest_id, value, as_of,
			       note, e);
}

int
store_measurement_retract(struct store *st, const struct store_indicator_ref *ind,
			  struct ntm_error *e)
{
	int rc = store_action_begin(st, "retract", e);
	if (rc != NTM_OK)
		return rc;
	sqlite3_stmt *s;
	rc = store_prepare(st,
		"DELETE FROM measurement WHERE id = (SELECT id FROM measurement "
		"WHERE indicator_id = ?1 AND unit_id = ?2 "
		"ORDER BY as_of DESC, seq DESC LIMIT 1)", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, ind->id);
		store_bind_text(s, 2, st->commune_id);
		rc = store_step_done(st, s, e);
	}
	if (rc == NTM_OK && sqlite3_changes(st->db) == 0)
		rc = ntm_fail(e, NTM_FAIL, MSG_NO_MEASURE, ind->code);
	return store_action_end(st, rc, e);
}

int
store_target_set(struct store *st, const struct store_indicator_ref *ind,
		 enum ntm_cmp cmp, double value, struct ntm_error *e)
{
	if (!st->plan_id)
		return ntm_fail(e, NTM_FAIL, MSG_NO_PLAN, st->commune_name);
	int rc = store_action_begin(st, "target", e);
	if (rc != NTM_OK)
		return rc;
	char id[STORE_ID_LEN];
	store_new_id(id);
	sqlite3_stmt *s;
	rc = store_prepare(st,
		"INSERT INTO plan_target(id, plan_id, indicator_id, comparator, value) "
		"VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (plan_id, indicator_id) "
		"DO UPDATE SET comparator = excluded.comparator, "
		"value = excluded.value, version = version + 1", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, id);
		store_bind_text(s, 2, st->plan_id);
		store_bind_text(s, 3, ind->id);
		store_bind_text(s, 4, model_cmp_word(cmp));
		sqlite3_bind_double(s, 5, value);
		rc = store_step_done(st, s, e);
	}
	return store_action_end(st, rc, e);
}

int
store_target_clear(struct store *st, const struct store_indicator_ref *ind,
		   struct ntm_error *e)
{
	if (!st->plan_id)
		return ntm_fail(e, NTM_FAIL, MSG_NO_PLAN, st->commune_name);
	int rc = store_action_begin(st, "target", e);
	if (rc != NTM_OK)
		return rc;
	sqlite3_stmt *s;
	rc = store_prepare(st, "DELETE FROM plan_target WHERE plan_id = ?1 "
			   "AND indicator_id = ?2", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, st->plan_id);
		store_bind_text(s, 2, ind->id);
		rc = store_step_done(st, s, e);
	}
	if (rc == NTM_OK && sqlite3_changes(st->db) == 0)
		rc = ntm_fail(e, NTM_FAIL, MSG_NO_TARGET, ind->code);
	return store_action_end(st, rc, e);
}
