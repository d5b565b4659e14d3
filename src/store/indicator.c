/* Indicators and their measurements: finding an indicator by code; its
 * values recorded, retracted and listed (history); the "latest id" check
 * that keeps a colleague's newer value from being hidden. Measurements are
 * append-only, never edited, so they have no version: the conflict token
 * of a new value is the id of the latest one the person saw. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>

#include "ntm/text.h"

static const char SQL_ADD_MEASUREMENT[] =
	"INSERT INTO measurement(id, indicator_id, unit_id, value, "
	"as_of, note, recorded_by, recorded_at, seq) VALUES "
	"(?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	"strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
	"(SELECT coalesce(max(seq), 0) + 1 FROM measurement))";

/* One measurement or target action under way. */
struct value_action {
	const struct store_indicator_ref *ind;
	bool checked;               /* measurement: only if still `expected` */
	const char *expected;
	int version;                /* target: expected version */
	bool clear;
	enum ntm_cmp cmp;
	double value;
	const char *as_of, *note;
};

int
store_measurement_insert(struct store *st, const char *indicator_id,
			 double value, const char *as_of, const char *note,
			 struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_ADD_MEASUREMENT, &s, e))
		return NTM_FAIL;
	char id[STORE_ID_LEN];
	store_new_id(id);
	store_bind_text(s, 1, id);
	store_bind_text(s, 2, indicator_id);
	store_bind_text(s, 3, st->commune_id);
	sqlite3_bind_double(s, 4, value);
	store_bind_text(s, 5, as_of);
	store_bind_text(s, 6, note);
	store_bind_text(s, 7, st->person ? st->person : st->os_user);
	return store_step_done(st, s, e);
}

static int
add_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct value_action *x = ctx;
	int rc = NTM_OK;
	if (x->checked)
		rc = store_measurement_expect_latest(st, x->ind, x->expected, e);
	if (rc != NTM_OK)
		return rc;
	return store_measurement_insert(st, x->ind->id, x->value, x->as_of,
					x->note, e);
}

/* Records one value; when `checked`, only if the indicator's latest value
 * is still `expected` (NULL: none), tested inside the same transaction. */
static int
add_measurement(struct store *st, struct value_action *x, struct ntm_error *e)
{
	struct arena a = {0};
	char today[11], date[11];
	store_today(today);
	int rc = NTM_OK;
	if (x->note && !(x->note = store_clean_note(&a, x->note, WHAT_NOTE, e)))
		rc = NTM_USAGE;
	else if (x->note && !*x->note)
		x->note = NULL;
	/* The model's date rules, whoever calls (a form, the CLI, an import). */
	if (rc == NTM_OK && x->as_of)
		rc = model_measurement_date(x->as_of, today, date, e);
	x->as_of = x->as_of ? date : today;
	if (rc == NTM_OK)
		rc = store_action_run(st, NTM_VERB_SET, add_work, x, e);
	arena_free(&a);
	return rc;
}

int
store_measurement_add(struct store *st, const struct store_indicator_ref *ind,
		      double value, const char *as_of, const char *note,
		      struct ntm_error *e)
{
	struct value_action x = {.ind = ind, .value = value, .as_of = as_of,
				 .note = note};
	return add_measurement(st, &x, e);
}

int
store_measurement_add_checked(struct store *st,
			      const struct store_indicator_ref *ind,
			      const char *expected_latest_id, double value,
			      const char *as_of, const char *note,
			      struct ntm_error *e)
{
	struct value_action x = {.ind = ind, .checked = true,
				 .expected = expected_latest_id, .value = value,
				 .as_of = as_of, .note = note};
	return add_measurement(st, &x, e);
}

static int
retract_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct value_action *x = ctx;
	sqlite3_stmt *s;
	if (x->checked &&
	    store_measurement_expect_latest(st, x->ind, x->expected, e) != NTM_OK)
		return NTM_FAIL;
	int rc = store_prepare(st,
		"DELETE FROM measurement WHERE id = (SELECT id FROM measurement "
		"WHERE indicator_id = ?1 AND unit_id = ?2 "
		"ORDER BY as_of DESC, seq DESC LIMIT 1)", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, x->ind->id);
		store_bind_text(s, 2, st->commune_id);
		rc = store_step_done(st, s, e);
	}
	if (rc == NTM_OK && sqlite3_changes(st->db) == 0)
		rc = ntm_fail(e, NTM_FAIL, MSG_NO_MEASURE, x->ind->code);
	return rc;
}

int
store_measurement_retract(struct store *st, const struct store_indicator_ref *ind,
			  struct ntm_error *e)
{
	struct value_action x = {.ind = ind};
	return store_action_run(st, NTM_VERB_RETRACT, retract_work, &x, e);
}

int
store_measurement_retract_checked(struct store *st,
				  const struct store_indicator_ref *ind,
				  const char *expected_latest_id,
				  struct ntm_error *e)
{
	struct value_action x = {.ind = ind, .checked = true,
				 .expected = expected_latest_id};
	return store_action_run(st, NTM_VERB_RETRACT, retract_work, &x, e);
}

/* ---- history and the latest value ---------------------------------------- */

/* Steps s (id, value, as_of, note, recorded_by, recorded_at, [seq,
 * retracted, retracted_by, retracted_on]) into values, then finalizes it. */
static int
read_values(struct store *st, sqlite3_stmt *s, struct arena *a,
	    struct store_value **out, int *n, struct ntm_error *e)
{
	size_t cap = 0, k = 0;
	bool all = sqlite3_column_count(s) > 6;
	*out = NULL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		struct store_value *v = &(*out)[k++];
		memset(v, 0, sizeof *v);
		snprintf(v->id, sizeof v->id, "%s", store_col_text(s, 0));
		v->value = sqlite3_column_double(s, 1);
		v->as_of = arena_strdup(a, store_col_text(s, 2));
		v->note = arena_strdup(a, store_col_text(s, 3));
		v->recorded_by = arena_strdup(a, store_col_text(s, 4));
		v->recorded_at = arena_strdup(a, store_col_text(s, 5));
		v->retracted = all && sqlite3_column_int(s, 7);
		if (v->retracted) {
			v->retracted_by = arena_strdup(a, store_col_text(s, 8));
			v->retracted_on = arena_strdup(a, store_col_text(s, 9));
		}
	}
	*n = (int)k;
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK
		: store_sql_fail(st, e, sqlite3_errcode(st->db));
}

int
store_history(struct store *st, const char *indicator_id, int limit,
	      struct arena *a, struct store_value **out, int *n,
	      struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, value, as_of, note, recorded_by, "
			  "recorded_at FROM measurement WHERE indicator_id = ?1 "
			  "AND unit_id = ?2 ORDER BY as_of DESC, seq DESC LIMIT ?3",
			  &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, indicator_id);
	store_bind_text(s, 2, st->commune_id);
	sqlite3_bind_int(s, 3, limit);
	return read_values(st, s, a, out, n, e);
}

/* The values standing, and the retracted ones as their audited delete
 * left them (the latest audit row of that id is a delete: a retract
 * undone stands again), newest first. */
static const char SQL_HISTORY_ALL[] =
	"SELECT id, value, as_of, note, recorded_by, recorded_at, seq, "
	"0, NULL, NULL FROM measurement WHERE indicator_id = ?1 AND unit_id = ?2 "
	"UNION ALL "
	"SELECT a.entity_id, json_extract(a.before, '$.value'), "
	"json_extract(a.before, '$.as_of'), json_extract(a.before, '$.note'), "
	"json_extract(a.before, '$.recorded_by'), "
	"json_extract(a.before, '$.recorded_at'), json_extract(a.before, '$.seq'), "
	"1, coalesce(a.person, a.os_user), date(a.at, 'localtime') "
	"FROM audit a WHERE a.entity = 'measurement' AND a.after IS NULL "
	"AND json_extract(a.before, '$.indicator_id') = ?1 "
	"AND json_extract(a.before, '$.unit_id') = ?2 "
	"AND a.seq = (SELECT max(b.seq) FROM audit b WHERE b.entity = 'measurement' "
	"AND b.entity_id = a.entity_id) "
	"AND a.entity_id NOT IN (SELECT id FROM measurement) "
	"ORDER BY 3 DESC, 7 DESC";

int
store_history_all(struct store *st, const char *indicator_id, struct arena *a,
		  struct store_value **out, int *n, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_HISTORY_ALL, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, indicator_id);
	store_bind_text(s, 2, st->commune_id);
	return read_values(st, s, a, out, n, e);
}

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

/* ---- finding an indicator ------------------------------------------------- */

/* Indicators visible in the commune: those of the set its plan follows
 * and the plan's own. */
static const char SQL_INDICATORS[] =
	"SELECT i.id, i.code, i.name, i.kind, i.comparator, "
	"ntm_fold(i.code) = ntm_fold(?2) FROM indicator i "
	"JOIN criterion c ON c.id = i.criterion_id "
	"  AND c.set_id = " SQL_SET_OF_PLAN("?1") " "
	"WHERE i.plan_id IS NULL OR i.plan_id = ?1 ORDER BY c.number, i.ord";

int
store_indicator_find(struct store *st, const char *code,
		     struct store_indicator_ref *out, struct ntm_error *e)
{
	if (text_check(code, false, NULL) != TEXT_OK)
		return ntm_fail(e, NTM_FAIL, MSG_CODE_UNKNOWN, "?", "");
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_INDICATORS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, code);
	struct arena a = {0};
	struct store_candidate *c = NULL;
	size_t n = 0, cap = 0;
	bool found = false;
	while (!found && sqlite3_step(s) == SQLITE_ROW) {
		const char *got = store_col_text(s, 1);
		found = sqlite3_column_int(s, 5);
		if (found) {
			snprintf(out->id, sizeof out->id, "%s", store_col_text(s, 0));
			snprintf(out->code, sizeof out->code, "%s", got);
			snprintf(out->name, sizeof out->name, "%s", store_col_text(s, 2));
			model_kind_parse(store_col_text(s, 3), &out->kind);
			model_cmp_parse(store_col_text(s, 4), &out->cmp);
		} else {
			c = arena_grow(&a, c, n, &cap, sizeof *c);
			c[n].id = c[n].name = arena_strdup(&a, got);
			c[n].of = NULL;
			n++;
		}
	}
	sqlite3_finalize(s);
	int rc = found ? NTM_OK : ntm_fail(e, NTM_FAIL, MSG_CODE_UNKNOWN, code,
					   store_nearest(&a, c, (int)n, code));
	arena_free(&a);
	return rc;
}
