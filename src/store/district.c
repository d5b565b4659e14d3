/* The level above: every commune of the file with its gauges, read in a
 * few set-based queries over all communes at once (the communes with
 * their plan in use, every indicator's reading, the tasks, the villages'
 * checklists, the newest audit row), in one snapshot. The statuses are
 * the model's (model_indicator_status, model_criterion_status,
 * model_task_overdue) applied to the same readings store_report_load
 * reads for one commune, so a commune reads the same in the district's
 * file as in its own Tổng quan; tests/cli/t_district.sh checks that
 * against ntm status --unit for every commune. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every commune with its plan in use: the one remembered in plan_choice
 * (a plan of its own), else its newest (year, issue date, id), as
 * plans.c's default_plan picks it for one commune; with the criteria set
 * the plan follows (SQL_SET_OF_PLAN). */
#define SQL_CP \
	"WITH cp0 AS (SELECT u.id AS unit_id, coalesce((SELECT c.plan_id " \
	"  FROM plan_choice c JOIN plan p ON p.id = c.plan_id " \
	"  AND p.unit_id = c.unit_id WHERE c.unit_id = u.id), (SELECT id " \
	"  FROM plan WHERE unit_id = u.id ORDER BY year DESC, issued_on DESC, " \
	"  id DESC LIMIT 1)) AS plan_id FROM unit u WHERE u.level = 'xa'), " \
	"cp AS MATERIALIZED (SELECT unit_id, plan_id, " SQL_SET_OF_PLAN("cp0.plan_id") \
	"  AS set_id FROM cp0 ORDER BY unit_id) "

static const char SQL_COMMUNES[] =
	SQL_CP
	"SELECT u.id, u.name, u.info, p.number, p.year, p.id FROM cp "
	"JOIN unit u ON u.id = cp.unit_id LEFT JOIN plan p ON p.id = cp.plan_id "
	"ORDER BY u.name COLLATE VIETNAMESE, u.id";

/* Every indicator of each commune with its national target and latest
 * value (by as_of then seq, as report.c's SQL_INDICATORS reads them for
 * one commune), then every criterion of each commune's set once with
 * kind NULL (a criterion without indicators counts too). The national
 * indicators come indicator by indicator, commune after commune, so the
 * look-ups walk the index measurement_latest in its order; the plans'
 * targets are read apart (SQL_TARGETS): joined here, their pages and the
 * measurements' would push each other out of the cache. */
#define SQL_READING(m) \
	"SELECT cp.unit_id, c.number, i.kind, " SQL_NATIONAL("i", "comparator") \
	", " SQL_NATIONAL("i", "target") ", i.id, " \
	"  (SELECT value FROM measurement " \
	"  WHERE indicator_id = i.id AND unit_id = cp.unit_id " \
	"  ORDER BY as_of DESC, seq DESC LIMIT 1) FROM " m \
	SQL_NATIONAL_JOIN("i", "cp.unit_id")
static const char SQL_READINGS[] =
	SQL_CP
	SQL_READING("indicator i CROSS JOIN criterion c ON c.id = i.criterion_id "
		    "CROSS JOIN cp ON cp.set_id = c.set_id")
	"WHERE i.plan_id IS NULL UNION ALL "
	SQL_READING("cp CROSS JOIN indicator i ON i.plan_id = cp.plan_id "
		    "CROSS JOIN criterion c ON c.id = i.criterion_id "
		    "AND c.set_id = cp.set_id")
	"UNION ALL SELECT cp.unit_id, c.number, NULL, NULL, NULL, NULL, NULL "
	"FROM cp JOIN criterion c ON c.set_id = cp.set_id";

/* The targets of every plan in use. */
static const char SQL_TARGETS[] =
	SQL_CP
	"SELECT pt.plan_id, pt.indicator_id, pt.comparator, pt.value FROM cp "
	"JOIN plan_target pt ON pt.plan_id = cp.plan_id";

static const char SQL_TASKS[] =
	SQL_CP
	"SELECT cp.unit_id, t.sector_id, t.status, t.due FROM cp "
	"JOIN task t ON t.plan_id = cp.plan_id "
	"JOIN sector s ON s.id = t.sector_id";

/* The money of every task with any, of each plan in use; the debt is
 * summed task by task in C (the model's rule). */
static const char SQL_FUND[] =
	SQL_CP
	"SELECT cp.unit_id, coalesce(p.v, 0), coalesce(e.r, 0), "
	"  coalesce(e.p, 0), coalesce(e.c, 0) FROM cp "
	"JOIN task t ON t.plan_id = cp.plan_id "
	"LEFT JOIN (SELECT task_id, sum(amount) AS v FROM fund_plan GROUP BY "
	"  task_id) p ON p.task_id = t.id "
	"LEFT JOIN (SELECT task_id, " SQL_FUND_SUM("", "received") " AS r, "
	SQL_FUND_SUM("", "paid") " AS p, " SQL_FUND_SUM("", "completed")
	" AS c FROM "
	"  fund_entry GROUP BY task_id) e ON e.task_id = t.id "
	"WHERE p.task_id IS NOT NULL OR e.task_id IS NOT NULL";

/* Through the index audit_unit_at: one look-up per commune. */
static const char SQL_NEWEST[] =
	"SELECT a.at, coalesce(a.person, a.os_user), (SELECT heard_at FROM "
	"sync_heard WHERE unit_id = ?1) FROM (SELECT 1) LEFT JOIN (SELECT at, "
	"person, os_user FROM audit WHERE unit_id = ?1 ORDER BY at DESC LIMIT "
	"1) a";

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

/* The load under way: the result, and its rows by id for the look-ups. */
struct load {
	struct store *st;
	struct arena *a;
	struct store_district *d;
	struct store_commune_row **by_id;   /* sorted by id */
	char today[11];
};

static int
finish(struct store *st, sqlite3_stmt *s, int rc, struct ntm_error *e)
{
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

static int
cmp_row_id(const void *x, const void *y)
{
	const struct store_commune_row *const *a = x, *const *b = y;
	return strcmp((*a)->id, (*b)->id);
}

static int
cmp_key_id(const void *key, const void *y)
{
	const struct store_commune_row *const *b = y;
	return strcmp(key, (*b)->id);
}

/* The row of the commune with this id, or NULL (a village of no
 * commune, a unit of another level). */
static struct store_commune_row *
row_of(const struct load *l, const char *id)
{
	if (!id || l->d->n == 0)
		return NULL;
	struct store_commune_row **r = bsearch(id, l->by_id, (size_t)l->d->n,
					       sizeof *l->by_id, cmp_key_id);
	return r ? *r : NULL;
}

static int
load_head(struct load *l, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(l->st, "SELECT name, level FROM unit WHERE level IN "
			  "('huyen', 'tinh') ORDER BY level = 'tinh', ord LIMIT 1",
			  &s, e))
		return NTM_FAIL;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		l->d->name = arena_strdup(l->a, store_col_text(s, 0));
		l->d->level = arena_strdup(l->a, store_col_text(s, 1));
		rc = SQLITE_DONE;
	}
	return finish(l->st, s, rc, e);
}

static int
load_sectors(struct load *l, struct ntm_error *e)
{
	sqlite3_stmt *s;
	size_t cap = 0, n = 0;
	if (store_prepare(l->st, "SELECT id, code, short_name FROM sector "
			  "ORDER BY ord", &s, e))
		return NTM_FAIL;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		l->d->sectors = arena_grow(l->a, l->d->sectors, n, &cap,
					   sizeof *l->d->sectors);
		struct store_district_sector *x = &l->d->sectors[n++];
		snprintf(x->id, sizeof x->id, "%s", store_col_text(s, 0));
		x->code = arena_strdup(l->a, store_col_text(s, 1));
		x->name = arena_strdup(l->a, store_col_text(s, 2));
	}
	l->d->nsectors = (int)n;
	return finish(l->st, s, rc, e);
}

static int
load_communes(struct load *l, struct ntm_error *e)
{
	sqlite3_stmt *s;
	size_t cap = 0, n = 0;
	struct store_district *d = l->d;
	if (store_prepare(l->st, SQL_COMMUNES, &s, e))
		return NTM_FAIL;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		d->rows = arena_grow(l->a, d->rows, n, &cap, sizeof *d->rows);
		struct store_commune_row *r = &d->rows[n++];
		memset(r, 0, sizeof *r);
		snprintf(r->id, sizeof r->id, "%s", store_col_text(s, 0));
		r->name = arena_strdup(l->a, store_col_text(s, 1));
		r->info = arena_strdup(l->a, store_col_text(s, 2));
		r->plan_number = arena_strdup(l->a, store_col_text(s, 3));
		r->plan_year = sqlite3_column_int(s, 4);
		snprintf(r->plan_id, sizeof r->plan_id, "%s",
			 store_col_text(s, 5));
	}
	d->n = (int)n;
	if (finish(l->st, s, rc, e))
		return NTM_FAIL;
	l->by_id = arena_alloc(l->a, sizeof *l->by_id * (n + 1));
	for (size_t i = 0; i < n; i++) {
		d->rows[i].sectors = arena_alloc(l->a, sizeof *d->rows[i].sectors *
						 (size_t)(d->nsectors + 1));
		l->by_id[i] = &d->rows[i];
	}
	if (n)     /* no array at all when the file has no commune */
		qsort(l->by_id, n, sizeof *l->by_id, cmp_row_id);
	return NTM_OK;
}

static void
read_target(sqlite3_stmt *s, int col_cmp, int col_value, struct ntm_target *t)
{
	t->set = sqlite3_column_type(s, col_value) != SQLITE_NULL &&
		 model_cmp_parse(store_col_text(s, col_cmp), &t->cmp);
	t->value = sqlite3_column_double(s, col_value);
}

/* One status read: an indicator's of criterion `number` of a commune,
 * or (marker) the criterion itself. */
struct reading {
	int row, number;
	bool marker;
	enum ntm_status status;
};

static int
cmp_reading(const void *x, const void *y)
{
	const struct reading *a = x, *b = y;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	return a->number < b->number ? -1 : a->number > b->number;
}

/* The criterion of readings [from, to) (one commune, one number) by the
 * model's rule over its indicators' statuses. */
static void
criterion(struct store_commune_row *r, const struct reading *x, int n,
	  enum ntm_status *buf)
{
	int k = 0;
	bool in_set = false;
	for (int i = 0; i < n; i++) {
		if (x[i].marker)
			in_set = true;
		else
			buf[k++] = x[i].status;
	}
	if (!in_set)
		return;
	enum ntm_status s = model_criterion_status(buf, k);
	r->criteria.total++;
	r->criteria.done += s == NTM_STATUS_DAT;
	int number = x[0].number;
	if (number >= 1 && number <= STORE_DISTRICT_CRITERIA) {
		r->crit[number - 1] = (unsigned char)s;
		r->ncrit = number > r->ncrit ? number : r->ncrit;
	}
}

static void
criteria(struct load *l, struct arena *tmp, struct reading *x, size_t n)
{
	if (n)
		qsort(x, n, sizeof *x, cmp_reading);
	enum ntm_status *buf = arena_alloc(tmp, sizeof *buf * (n + 1));
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && x[j].row == x[i].row &&
			     x[j].number == x[i].number; j++)
			;
		criterion(&l->d->rows[x[i].row], x + i, (int)(j - i), buf);
	}
}

/* Runs sql, whose first column is a commune's id, and hands each row of
 * a commune of the file to fn (rows of other units are skipped). */
typedef void row_fn(struct load *l, struct store_commune_row *r,
		    sqlite3_stmt *s, void *ctx);

static int
each_row(struct load *l, const char *sql, row_fn *fn, void *ctx,
	 struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(l->st, sql, &s, e))
		return NTM_FAIL;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_commune_row *r = row_of(l, store_col_text(s, 0));
		if (r)
			fn(l, r, s, ctx);
	}
	return finish(l->st, s, rc, e);
}

/* A plan's target for one of its indicators. */
struct target {
	char key[2 * STORE_ID_LEN];     /* plan id, then indicator id */
	struct ntm_target t;
};

static int
cmp_target(const void *x, const void *y)
{
	return strcmp(((const struct target *)x)->key,
		      ((const struct target *)y)->key);
}

/* The statuses read so far, and the plans' targets (in a). */
struct readings {
	struct arena a;
	struct reading *x;
	size_t n, cap;
	struct target *t;
	size_t nt, tcap;
};

static int
load_targets(struct load *l, struct readings *rs, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(l->st, SQL_TARGETS, &s, e))
		return NTM_FAIL;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		rs->t = arena_grow(&rs->a, rs->t, rs->nt, &rs->tcap, sizeof *rs->t);
		struct target *t = &rs->t[rs->nt++];
		snprintf(t->key, sizeof t->key, "%s%s", store_col_text(s, 0),
			 store_col_text(s, 1));
		read_target(s, 2, 3, &t->t);
	}
	if (rs->nt)
		qsort(rs->t, rs->nt, sizeof *rs->t, cmp_target);
	return finish(l->st, s, rc, e);
}

/* The target of the commune's plan in use for an indicator, or none. */
static struct ntm_target
plan_target(const struct readings *rs, const struct store_commune_row *r,
	    const char *indicator_id)
{
	struct target key;
	snprintf(key.key, sizeof key.key, "%s%s", r->plan_id, indicator_id);
	const struct target *t = r->plan_id[0] && rs->nt
		? bsearch(&key, rs->t, rs->nt, sizeof *rs->t, cmp_target) : NULL;
	return t ? t->t : (struct ntm_target){0};
}

static void
one_reading(struct load *l, struct store_commune_row *r, sqlite3_stmt *s,
	    void *ctx)
{
	struct readings *rs = ctx;
	rs->x = arena_grow(&rs->a, rs->x, rs->n, &rs->cap, sizeof *rs->x);
	struct reading *to = &rs->x[rs->n++];
	to->row = (int)(r - l->d->rows);
	to->number = sqlite3_column_int(s, 1);
	to->marker = sqlite3_column_type(s, 2) == SQLITE_NULL;
	if (to->marker)
		return;
	struct ntm_reading rd = {0};
	model_kind_parse(store_col_text(s, 2), &rd.kind);
	read_target(s, 3, 4, &rd.national);
	rd.plan = plan_target(rs, r, store_col_text(s, 5));
	rd.has_value = sqlite3_column_type(s, 6) != SQLITE_NULL;
	rd.value = sqlite3_column_double(s, 6);
	to->status = model_indicator_status(&rd);
	r->indicators.total++;
	r->indicators.done += to->status == NTM_STATUS_DAT;
}

static int
load_readings(struct load *l, struct ntm_error *e)
{
	struct readings rs = {0};
	int rc = load_targets(l, &rs, e);
	if (rc == NTM_OK)
		rc = each_row(l, SQL_READINGS, one_reading, &rs, e);
	if (rc == NTM_OK)
		criteria(l, &rs.a, rs.x, rs.n);
	arena_free(&rs.a);
	return rc;
}

static void
one_task(struct load *l, struct store_commune_row *r, sqlite3_stmt *s,
	 void *ctx)
{
	(void)ctx;
	enum ntm_task_status ts = NTM_TASK_CHUA_BAT_DAU;
	model_task_status_parse(store_col_text(s, 2), &ts);
	bool done = ts == NTM_TASK_HOAN_THANH;
	bool late = model_task_overdue(store_col_text(s, 3), ts, l->today);
	r->tasks.total++;
	r->tasks.done += done;
	r->overdue += late;
	const char *sector = store_col_text(s, 1);
	for (int k = 0; k < l->d->nsectors; k++)
		if (strcmp(l->d->sectors[k].id, sector) == 0) {
			r->sectors[k].tasks.total++;
			r->sectors[k].tasks.done += done;
			r->sectors[k].overdue += late;
			break;
		}
}

static int
load_tasks(struct load *l, struct ntm_error *e)
{
	return each_row(l, SQL_TASKS, one_task, NULL, e);
}

/* A village of a commune of the file, while its items are counted. */
struct village {
	char id[STORE_ID_LEN];
	struct store_commune_row *row;
	struct ntm_gauge items;
};

struct villages {
	struct arena a;
	struct village *v;
	size_t n, cap;
};

static void
one_village(struct load *l, struct store_commune_row *r, sqlite3_stmt *s,
	    void *ctx)
{
	(void)l;
	struct villages *vs = ctx;
	vs->v = arena_grow(&vs->a, vs->v, vs->n, &vs->cap, sizeof *vs->v);
	struct village *v = &vs->v[vs->n++];
	memset(v, 0, sizeof *v);
	snprintf(v->id, sizeof v->id, "%s", store_col_text(s, 1));
	v->row = r;
}

static int
cmp_village(const void *x, const void *y)
{
	return strcmp(((const struct village *)x)->id,
		      ((const struct village *)y)->id);
}

/* Every item once, in the table's order (a full scan reads each page
 * once; a look-up per village reads them in the order of random ids). */
static int
count_items(struct load *l, struct villages *vs, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(l->st, "SELECT unit_id, done FROM checklist_item",
			  &s, e))
		return NTM_FAIL;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct village key;
		snprintf(key.id, sizeof key.id, "%s", store_col_text(s, 0));
		struct village *v = bsearch(&key, vs->v, vs->n, sizeof *vs->v,
					    cmp_village);
		if (v) {
			v->items.total++;
			v->items.done += sqlite3_column_int(s, 1) != 0;
		}
	}
	return finish(l->st, s, rc, e);
}

static int
load_villages(struct load *l, struct ntm_error *e)
{
	struct villages vs = {0};
	int rc = each_row(l, "SELECT parent_id, id FROM unit WHERE level = "
			  "'thon'", one_village, &vs, e);
	if (rc == NTM_OK && vs.n) {
		qsort(vs.v, vs.n, sizeof *vs.v, cmp_village);
		rc = count_items(l, &vs, e);
	}
	for (size_t i = 0; rc == NTM_OK && i < vs.n; i++) {
		struct ntm_gauge g = vs.v[i].items;
		vs.v[i].row->villages.total++;
		/* the report's rule: every item done, and at least one */
		vs.v[i].row->villages.done += g.total > 0 && g.done == g.total;
	}
	arena_free(&vs.a);
	return rc;
}

static void
one_fund(struct load *l, struct store_commune_row *r, sqlite3_stmt *s,
	 void *ctx)
{
	(void)l;
	(void)ctx;
	long long paid = sqlite3_column_int64(s, 3),
		  completed = sqlite3_column_int64(s, 4);
	r->fund.planned += sqlite3_column_int64(s, 1);
	r->fund.received += sqlite3_column_int64(s, 2);
	r->fund.paid += paid;
	r->fund.completed += completed;
	r->fund.debt += model_money_debt(completed, paid);
}

static int
load_fund(struct load *l, struct ntm_error *e)
{
	return each_row(l, SQL_FUND, one_fund, NULL, e);
}

static int
load_newest(struct load *l, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(l->st, SQL_NEWEST, &s, e))
		return NTM_FAIL;
	int rc = SQLITE_DONE;
	for (int i = 0; i < l->d->n && rc == SQLITE_DONE; i++) {
		struct store_commune_row *r = &l->d->rows[i];
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, r->id, -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			r->received_at = arena_strdup(l->a, store_col_text(s, 2));
			/* never changed since it joined: the day it came */
			r->updated_at = arena_strdup(l->a, store_col_text(s, 0)
						     ? store_col_text(s, 0)
						     : store_col_text(s, 2));
			r->updated_by = arena_strdup(l->a, store_col_text(s, 1));
			rc = SQLITE_DONE;
		}
	}
	return finish(l->st, s, rc, e);
}

int
store_district_load(struct store *st, struct arena *a,
		    struct store_district *out, struct ntm_error *e)
{
	memset(out, 0, sizeof *out);
	struct load l = {.st = st, .a = a, .d = out};
	store_today(l.today);
	int rc = store_snapshot_begin(st, e);
	if (rc != NTM_OK)
		return rc;
	int (*const steps[])(struct load *, struct ntm_error *) = {
		load_head, load_sectors, load_communes, load_readings,
		load_tasks, load_villages, load_fund, load_newest,
	};
	for (size_t i = 0; rc == NTM_OK && i < sizeof steps / sizeof *steps; i++)
		rc = steps[i](&l, e);
	return store_snapshot_end(st, rc, e);
}
