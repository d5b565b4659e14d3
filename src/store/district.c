/* The level above: every commune of the file with its gauges, read by
 * the same queries as each commune's own Tổng quan (store_report_load),
 * so a commune reads the same in the district's file as in its own. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *
store_commune_in_use(const struct store *st)
{
	return st->commune_id[0] ? st->commune_name : NULL;
}

bool
store_is_district(struct store *st)
{
	sqlite3_stmt *s;
	bool yes = false;
	if (store_prepare(st, "SELECT EXISTS (SELECT 1 FROM unit WHERE level "
			  "IN ('huyen', 'tinh')) OR (SELECT count(*) FROM unit "
			  "WHERE level = 'xa') > 1", &s, NULL))
		return false;
	if (sqlite3_step(s) == SQLITE_ROW)
		yes = sqlite3_column_int(s, 0) != 0;
	sqlite3_finalize(s);
	return yes;
}

/* Tasks of the commune's plan in use past due today, not done. */
static int
count_overdue(struct store *st, int *out, struct ntm_error *e)
{
	struct store_task *t;
	int n;
	struct arena a = {0};
	*out = 0;
	if (!st->plan_id) {
		arena_free(&a);
		return NTM_OK;
	}
	int rc = store_tasks(st, NULL, &a, &t, &n, e);
	char today[11];
	store_today(today);
	for (int i = 0; rc == NTM_OK && i < n; i++)
		*out += model_task_overdue(t[i].due, t[i].status, today);
	arena_free(&a);
	return rc;
}

/* The commune's newest audit row: when and by whom. */
static int
newest(struct store *st, struct arena *a, struct store_commune_row *r,
       struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT at, coalesce(person, os_user) FROM audit "
			  "WHERE unit_id = ?1 ORDER BY at DESC LIMIT 1", &s, e))
		return NTM_FAIL;
	sqlite3_bind_text(s, 1, r->id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		r->updated_at = arena_strdup(a, store_col_text(s, 0));
		r->updated_by = arena_strdup(a, store_col_text(s, 1));
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NTM_OK
						     : store_sql_fail(st, e, rc);
}

static int
load_row(struct store *st, struct arena *a, struct store_commune_row *r,
	 struct ntm_error *e)
{
	struct store_report rep;
	if (store_use_commune_id(st, r->id, e) ||
	    store_report_load(st, &rep, e))
		return NTM_FAIL;
	r->info = rep.unit_info ? arena_strdup(a, rep.unit_info) : NULL;
	r->plan_number = rep.plan_number ? arena_strdup(a, rep.plan_number)
					 : NULL;
	r->plan_year = rep.plan_year;
	r->criteria = rep.criteria;
	r->tasks = rep.tasks;
	for (int i = 0; i < rep.nind; i++) {
		r->indicators.total++;
		r->indicators.done += rep.ind[i].status == NTM_STATUS_DAT;
	}
	for (int i = 0; i < rep.ncrit; i++) {
		int k = rep.crit[i].number;
		if (k >= 1 && k <= STORE_DISTRICT_CRITERIA) {
			r->crit[k - 1] = (unsigned char)rep.crit[i].status;
			r->ncrit = k > r->ncrit ? k : r->ncrit;
		}
	}
	for (int i = 0; i < rep.nvillages; i++) {
		struct ntm_gauge g = rep.villages[i].items;
		r->villages.total++;
		r->villages.done += g.total > 0 && g.done == g.total;
	}
	store_report_free(&rep);
	return count_overdue(st, &r->overdue, e) ||
	       newest(st, a, r, e) ? NTM_FAIL : NTM_OK;
}

int
store_district_load(struct store *st, struct arena *a,
		    struct store_district *out, struct ntm_error *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT name, level FROM unit WHERE level IN "
			  "('huyen', 'tinh') ORDER BY level = 'tinh', ord LIMIT 1",
			  &s, e))
		return NTM_FAIL;
	if (sqlite3_step(s) == SQLITE_ROW) {
		out->name = arena_strdup(a, store_col_text(s, 0));
		out->level = arena_strdup(a, store_col_text(s, 1));
	}
	sqlite3_finalize(s);
	if (store_prepare(st, "SELECT id, name FROM unit WHERE level = 'xa' "
			  "ORDER BY name COLLATE VIETNAMESE, id", &s, e))
		return NTM_FAIL;
	int cap = 0, rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			struct store_commune_row *more =
				arena_alloc(a, sizeof *more * (size_t)cap);
			if (out->n)
				memcpy(more, out->rows,
				       sizeof *more * (size_t)out->n);
			out->rows = more;
		}
		struct store_commune_row *r = &out->rows[out->n++];
		memset(r, 0, sizeof *r);
		snprintf(r->id, sizeof r->id, "%s", store_col_text(s, 0));
		r->name = arena_strdup(a, store_col_text(s, 1));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_sql_fail(st, e, rc);
	/* Each commune through its own queries, then the one in use again. */
	char was[STORE_ID_LEN];
	snprintf(was, sizeof was, "%s", st->commune_id);
	rc = NTM_OK;
	for (int i = 0; rc == NTM_OK && i < out->n; i++)
		rc = load_row(st, a, &out->rows[i], e);
	if (was[0] && store_use_commune_id(st, was, rc ? NULL : e) && !rc)
		rc = NTM_FAIL;
	else if (!was[0]) {
		st->commune_id[0] = '\0';
		free(st->commune_name);
		st->commune_name = NULL;
		free(st->plan_id);
		st->plan_id = NULL;
	}
	return rc;
}
