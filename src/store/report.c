/* The status report: criteria, indicators with targets and latest values,
 * sector and village gauges, for the commune in use. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_SECTORS[] =
	"SELECT s.code, s.name, s.short_name, "
	"  (SELECT count(*) FROM task t WHERE t.sector_id = s.id AND t.plan_id = ?1), "
	"  (SELECT count(*) FROM task t WHERE t.sector_id = s.id AND t.plan_id = ?1 "
	"     AND t.status = ?2), "
	"  (SELECT coalesce(round(avg(t.progress)), 0) FROM task t "
	"     WHERE t.sector_id = s.id AND t.plan_id = ?1) "
	"FROM sector s ORDER BY s.ord";

/* ?1 plan: the criteria of the set it follows. */
static const char SQL_CRITERIA[] =
	"SELECT c.number, c.name, c.grp, s.code FROM criterion c "
	"LEFT JOIN sector s ON s.id = c.sector_id "
	"WHERE c.set_id = " SQL_SET_OF_PLAN("?1") " ORDER BY c.number";

/* ?1 plan, ?2 commune, ?3 one indicator (NULL: all), ?4 the last day
 * counted (NULL: any). The latest measurement: greatest as_of, then seq. */
static const char SQL_INDICATORS[] =
	"SELECT i.id, i.code, i.name, i.kind, " SQL_NATIONAL("i", "comparator")
	", " SQL_NATIONAL("i", "target") ", "
	"  i.unit_label, i.source, i.verified, i.plan_id IS NOT NULL, c.number, "
	"  pt.comparator, pt.value, m.value, m.as_of, m.note, "
	"  coalesce(pt.version, 0), " SQL_NATIONAL("i", "target_source")
	", i.version "
	"FROM indicator i JOIN criterion c ON c.id = i.criterion_id "
	"  AND c.set_id = " SQL_SET_OF_PLAN("?1") " "
	SQL_NATIONAL_JOIN("i", "?2")
	"LEFT JOIN plan_target pt ON pt.indicator_id = i.id AND pt.plan_id = ?1 "
	"LEFT JOIN measurement m ON m.id = (SELECT id FROM measurement "
	"  WHERE indicator_id = i.id AND unit_id = ?2 AND (?4 IS NULL OR as_of <= ?4) "
	"  ORDER BY as_of DESC, seq DESC LIMIT 1) "
	"WHERE (i.plan_id IS NULL OR i.plan_id = ?1) AND (?3 IS NULL OR i.id = ?3) "
	"ORDER BY c.number, i.ord";

static const char SQL_UNIT[] =
	"SELECT u.name, u.info, p.number, p.year FROM unit u "
	"LEFT JOIN plan p ON p.id = ?1 WHERE u.id = ?2";

static void
read_target(sqlite3_stmt *s, int col_cmp, int col_value, struct ntm_target *t)
{
	t->set = sqlite3_column_type(s, col_value) != SQLITE_NULL &&
		 model_cmp_parse(store_col_text(s, col_cmp), &t->cmp);
	t->value = sqlite3_column_double(s, col_value);
}

static int
load_sectors(struct store *st, struct arena *a, struct store_report *r,
	     struct ntm_error *e)
{
	sqlite3_stmt *s;
	size_t cap = 0, n = 0;
	if (store_prepare(st, SQL_SECTORS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, model_task_status_code(NTM_TASK_HOAN_THANH));
	while (sqlite3_step(s) == SQLITE_ROW) {
		r->sectors = arena_grow(a, r->sectors, n, &cap, sizeof *r->sectors);
		struct store_sector *x = &r->sectors[n++];
		memset(x, 0, sizeof *x);
		x->code = arena_strdup(a, store_col_text(s, 0));
		x->name = arena_strdup(a, store_col_text(s, 1));
		x->short_name = arena_strdup(a, store_col_text(s, 2));
		x->tasks.total = sqlite3_column_int(s, 3);
		x->tasks.done = sqlite3_column_int(s, 4);
		x->progress = sqlite3_column_int(s, 5);
		r->tasks.total += x->tasks.total;
		r->tasks.done += x->tasks.done;
	}
	r->nsectors = (int)n;
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK : store_sql_fail(st, e, sqlite3_errcode(st->db));
}

static int
load_criteria(struct store *st, struct arena *a, struct store_report *r,
	      struct ntm_error *e)
{
	sqlite3_stmt *s;
	size_t cap = 0, n = 0;
	if (store_prepare(st, SQL_CRITERIA, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	while (sqlite3_step(s) == SQLITE_ROW) {
		r->crit = arena_grow(a, r->crit, n, &cap, sizeof *r->crit);
		struct store_criterion *c = &r->crit[n++];
		memset(c, 0, sizeof *c);
		c->number = sqlite3_column_int(s, 0);
		c->name = arena_strdup(a, store_col_text(s, 1));
		c->group = arena_strdup(a, store_col_text(s, 2));
		c->sector_code = arena_strdup(a, store_col_text(s, 3));
	}
	r->ncrit = (int)n;
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK : store_sql_fail(st, e, sqlite3_errcode(st->db));
}

static void
read_indicator(sqlite3_stmt *s, struct arena *a, struct store_indicator *x)
{
	memset(x, 0, sizeof *x);
	snprintf(x->id, sizeof x->id, "%s", store_col_text(s, 0));
	x->code = arena_strdup(a, store_col_text(s, 1));
	x->name = arena_strdup(a, store_col_text(s, 2));
	model_kind_parse(store_col_text(s, 3), &x->reading.kind);
	read_target(s, 4, 5, &x->reading.national);
	x->unit_label = arena_strdup(a, store_col_text(s, 6));
	x->source = arena_strdup(a, store_col_text(s, 7));
	x->verified = sqlite3_column_int(s, 8);
	x->plan_own = sqlite3_column_int(s, 9);
	x->criterion = sqlite3_column_int(s, 10);
	read_target(s, 11, 12, &x->reading.plan);
	x->reading.has_value = sqlite3_column_type(s, 13) != SQLITE_NULL;
	x->reading.value = sqlite3_column_double(s, 13);
	x->as_of = arena_strdup(a, store_col_text(s, 14));
	x->note = arena_strdup(a, store_col_text(s, 15));
	x->status = model_indicator_status(&x->reading);
	x->target_version = sqlite3_column_int(s, 16);
	x->national_source = arena_strdup(a, store_col_text(s, 17));
	x->version = sqlite3_column_int(s, 18);
}

int
store_indicator_get(struct store *st, const char *indicator_id,
		    struct arena *a, struct store_indicator *out,
		    struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_INDICATORS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, st->commune_id);
	store_bind_text(s, 3, indicator_id ? indicator_id : "");
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_indicator(s, a, out);
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return ntm_fail(e, NTM_FAIL, MSG_CODE_UNKNOWN, indicator_id ? indicator_id : "", "");
	return rc == SQLITE_ROW ? NTM_OK : store_sql_fail(st, e, rc);
}

int
store_report_indicators(struct store *st, const char *upto, struct arena *a,
			struct store_indicator **out, int *nout,
			struct ntm_error *e)
{
	sqlite3_stmt *s;
	size_t cap = 0, n = 0;
	*out = NULL;
	*nout = 0;
	if (store_prepare(st, SQL_INDICATORS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, st->commune_id);
	store_bind_text(s, 4, upto);
	while (sqlite3_step(s) == SQLITE_ROW) {
		*out = arena_grow(a, *out, n, &cap, sizeof **out);
		read_indicator(s, a, &(*out)[n++]);
	}
	*nout = (int)n;
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK : store_sql_fail(st, e, sqlite3_errcode(st->db));
}

static struct store_sector *
sector_by_code(struct store_report *r, const char *code)
{
	for (int i = 0; code && i < r->nsectors; i++)
		if (strcmp(r->sectors[i].code, code) == 0)
			return &r->sectors[i];
	return NULL;
}

/* Ties indicators to criteria and fills every status and gauge. */
static void
compute(struct arena *a, struct store_report *r)
{
	enum ntm_status *st = arena_alloc(a, sizeof *st * (size_t)(r->nind + 1));
	int k = 0;
	for (int c = 0; c < r->ncrit; c++) {
		struct store_criterion *cr = &r->crit[c];
		struct store_sector *sec = sector_by_code(r, cr->sector_code);
		cr->first = k;
		for (; k < r->nind && r->ind[k].criterion == cr->number; k++) {
			st[k - cr->first] = r->ind[k].status;
			if (sec) {
				sec->indicators.total++;
				sec->indicators.done += r->ind[k].status == NTM_STATUS_DAT;
			}
		}
		cr->count = k - cr->first;
		cr->status = model_criterion_status(st, cr->count);
		r->criteria.total++;
		r->criteria.done += cr->status == NTM_STATUS_DAT;
	}
}

static int
load_unit(struct store *st, struct arena *a, struct store_report *r,
	  struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_UNIT, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, st->commune_id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		r->unit = arena_strdup(a, store_col_text(s, 0));
		r->unit_info = arena_strdup(a, store_col_text(s, 1));
		r->plan_number = arena_strdup(a, store_col_text(s, 2));
		r->plan_year = sqlite3_column_int(s, 3);
	}
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK : store_sql_fail(st, e, sqlite3_errcode(st->db));
}

int
store_report_read(struct store *st, const char *upto, struct arena *a,
		  struct store_report *r, struct ntm_error *e)
{
	int rc = load_unit(st, a, r, e);
	if (rc == NTM_OK)
		rc = load_sectors(st, a, r, e);
	if (rc == NTM_OK)
		rc = load_criteria(st, a, r, e);
	if (rc == NTM_OK)
		rc = store_report_indicators(st, upto, a, &r->ind, &r->nind, e);
	if (rc == NTM_OK) {
		struct store_village *v = NULL;
		rc = store_villages(st, a, &v, &r->nvillages, e);
		r->villages = v;
	}
	if (rc == NTM_OK)
		compute(a, r);
	return rc;
}

int
store_snapshot_begin(struct store *st, struct ntm_error *e)
{
	/* a savepoint: a transaction of its own, or nested in the caller's */
	int rc = sqlite3_exec(st->db, "SAVEPOINT snapshot", NULL, NULL, NULL);
	return rc == SQLITE_OK ? NTM_OK : store_sql_fail(st, e, rc);
}

int
store_snapshot_end(struct store *st, int rc, struct ntm_error *e)
{
	int r = sqlite3_exec(st->db, "RELEASE snapshot", NULL, NULL, NULL);
	if (r != SQLITE_OK && rc == NTM_OK)
		return store_sql_fail(st, e, r);
	return rc;
}

int
store_report_load(struct store *st, struct store_report *r, struct ntm_error *e)
{
	memset(r, 0, sizeof *r);
	/* One read transaction, so the report is one consistent snapshot. */
	int rc = store_snapshot_begin(st, e);
	if (rc != NTM_OK)
		return rc;
	rc = store_report_read(st, NULL, &r->arena, r, e);
	return store_snapshot_end(st, rc, e);
}

void
store_report_free(struct store_report *r)
{
	arena_free(&r->arena);
	memset(r, 0, sizeof *r);
}
