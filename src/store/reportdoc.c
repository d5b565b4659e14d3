/* The written report as data (reportdoc.h), read in one snapshot: the
 * status report's parts (report.c) with the values as of a day and at the
 * start of the period, the plan's tasks with their difficulties and
 * proposals, the villages with the items not yet done, and the actions of
 * the period from the audit log (log.c), in the log's words, and the
 * plan's money (fundread.c's summary). */
#include "internal.h"
#include "msg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ntm/reportdoc.h"

/* Changes listed at most; older ones of the period are only counted. */
enum { MAX_CHANGES = 2000 };

/* ---- the period ------------------------------------------------------------ */

/* A day a person typed (2024-03-12 or 12/3/2024), not after today, as
 * ISO in out; what names it in a refusal. */
static int
read_day(const char *typed, const char *what, const char *today, char out[11],
	 struct ntm_error *e)
{
	struct ntm_date d;
	const char *why = model_parse_date(typed, &d);
	if (why)
		return ntm_fail(e, NTM_USAGE, MSG_REPORT_DATE, what, typed, why);
	model_format_date(d, out);
	if (strcmp(out, today) > 0) {
		char shown[11], now[11];
		model_date_dmy(out, shown);
		model_date_dmy(today, now);
		return ntm_fail(e, NTM_USAGE, MSG_REPORT_FUTURE, what, shown, now);
	}
	return NTM_OK;
}

struct period {
	char today[11], as_of[11], since[11];
};

/* as_of (NULL: today) and since (NULL: 1 January of the plan's year, or
 * of as_of's year without a plan or when that would come after as_of). */
static int
read_period(const char *as_of, const char *since, int plan_year,
	    struct period *p, struct ntm_error *e)
{
	store_today(p->today);
	memcpy(p->as_of, p->today, sizeof p->as_of);
	if (as_of && read_day(as_of, WHAT_REPORT_AS_OF, p->today, p->as_of, e))
		return NTM_USAGE;
	if (since) {
		if (read_day(since, WHAT_REPORT_SINCE, p->today, p->since, e))
			return NTM_USAGE;
		if (strcmp(p->since, p->as_of) <= 0)
			return NTM_OK;
		char from[11], to[11];
		model_date_dmy(p->since, from);
		model_date_dmy(p->as_of, to);
		return ntm_fail(e, NTM_USAGE, MSG_REPORT_ORDER, from, to);
	}
	snprintf(p->since, sizeof p->since, "%04d-01-01",
		 plan_year > 0 ? plan_year % 10000 : atoi(p->as_of));
	if (strcmp(p->since, p->as_of) > 0)
		snprintf(p->since, sizeof p->since, "%.4s-01-01", p->as_of);
	return NTM_OK;
}

/* The day before the ISO day iso, ISO. */
static void
day_before(const char *iso, char out[11])
{
	struct tm tm = {0};
	out[0] = '\0';
	if (!strptime(iso, "%Y-%m-%d", &tm))
		return;
	tm.tm_mday -= 1;
	time_t t = timegm(&tm);
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* ---- header, criteria and indicators ---------------------------------------- */

static void
fill_head(struct store *st, const struct store_report *r,
	  const struct store_plan *plan, const struct period *p,
	  struct arena *a, struct ntm_report_head *h)
{
	h->commune = r->unit;
	h->commune_info = r->unit_info;
	if (plan->id[0]) {
		h->plan_number = plan->number;
		h->plan_title = plan->title;
		h->plan_issued_on = plan->issued_on;
		h->plan_signer = plan->signer;
		h->plan_year = plan->year;
	}
	h->as_of = arena_strdup(a, p->as_of);
	h->since = arena_strdup(a, p->since);
	h->written_on = arena_strdup(a, p->today);
	h->author = arena_strdup(a, st->person ? st->person : st->os_user);
}

/* The indicator's value at the start of the period, from `start` (the
 * same query up to since: the same rows, in the same order). */
static void
fill_start(const struct store_indicator *start, int nstart, int k,
	   struct ntm_report_indicator *x, const char *id)
{
	for (int i = 0; i < nstart; i++) {
		const struct store_indicator *s = &start[(k + i) % nstart];
		if (strcmp(s->id, id) != 0)
			continue;
		x->has_start = s->reading.has_value;
		x->start = s->reading.value;
		x->start_on = s->as_of;
		return;
	}
}

static void
fill_indicators(const struct store_report *r, const struct store_indicator *start,
		int nstart, struct arena *a, struct ntm_report_doc *d)
{
	d->ind = arena_alloc(a, sizeof *d->ind * ((size_t)r->nind + 1));
	d->nind = r->nind;
	for (int k = 0; k < r->nind; k++) {
		const struct store_indicator *s = &r->ind[k];
		struct ntm_report_indicator *x = &d->ind[k];
		x->code = s->code;
		x->name = s->name;
		x->unit_label = s->unit_label;
		x->kind = s->reading.kind;
		x->plan_own = s->plan_own;
		x->national = s->reading.national;
		x->national_source = s->national_source;
		x->plan = s->reading.plan;
		x->has_value = s->reading.has_value;
		x->value = s->reading.value;
		x->value_on = s->as_of;
		x->note = s->note;
		x->status = s->status;
		fill_start(start, nstart, k, x, s->id);
		d->sum.indicators.total++;
		d->sum.indicators.done += s->status == NTM_STATUS_DAT;
	}
	d->crit = arena_alloc(a, sizeof *d->crit * ((size_t)r->ncrit + 1));
	d->ncrit = r->ncrit;
	for (int c = 0; c < r->ncrit; c++) {
		const struct store_criterion *s = &r->crit[c];
		struct ntm_report_criterion *x = &d->crit[c];
		x->number = s->number;
		x->name = s->name;
		x->group = s->group;
		x->status = s->status;
		x->first = s->first;
		x->count = s->count;
		x->indicators.total = s->count;
		for (int k = s->first; k < s->first + s->count; k++)
			x->indicators.done += r->ind[k].status == NTM_STATUS_DAT;
	}
	d->sum.criteria = r->criteria;
	d->sum.progress = model_gauge_percent(r->criteria);
}

/* ---- tasks by sector ---------------------------------------------------------- */

static void
fill_task(const struct store_task *t, const char *as_of,
	  struct ntm_report_task *x, struct ntm_report_summary *sum)
{
	x->number = t->number;
	x->title = t->title;
	x->responsible = t->responsible;
	x->due = t->due && *t->due ? t->due : NULL;
	x->status = t->status;
	x->progress = t->progress;
	x->overdue = model_task_overdue(t->due, t->status, as_of);
	x->detail = t->detail;
	x->note = t->note;
	x->issue = t->issue;
	x->proposal = t->proposal;
	sum->tasks_total++;
	sum->tasks_done += t->status == NTM_TASK_HOAN_THANH;
	sum->tasks_doing += t->status == NTM_TASK_DANG_THUC_HIEN;
	sum->tasks_waiting += t->status == NTM_TASK_CHUA_BAT_DAU;
	sum->tasks_paused += t->status == NTM_TASK_TAM_DUNG;
	sum->tasks_overdue += x->overdue;
}

/* Each task's status and progress as of the report's day: the image
 * after its latest audit row written before to_utc (the end of as_of),
 * else the image before its first row written since; none (added later,
 * or deleted then): left out (*keep false). A task without any audit row
 * (built-in data) keeps its current state. */
static const char SQL_TASK_AS_OF[] =
	"SELECT json_extract(img, '$.status'), json_extract(img, '$.progress'), "
	"img IS NULL FROM (SELECT * FROM (SELECT after AS img, 1 AS k FROM audit "
	"WHERE entity = 'task' AND entity_id = ?1 AND at < ?2 ORDER BY at DESC, "
	"seq DESC LIMIT 1) UNION ALL SELECT * FROM (SELECT before, 2 FROM audit "
	"WHERE entity = 'task' AND entity_id = ?1 AND at >= ?2 ORDER BY at, seq "
	"LIMIT 1) ORDER BY k LIMIT 1)";

static int
task_as_of(struct store *st, sqlite3_stmt *s, struct store_task *t,
	   const char *to_utc, bool *keep, struct ntm_error *e)
{
	sqlite3_reset(s);
	store_bind_text(s, 1, t->id);
	store_bind_text(s, 2, to_utc);
	*keep = true;
	int rc = sqlite3_step(s);
	enum ntm_task_status status;
	if (rc == SQLITE_ROW && sqlite3_column_int(s, 2))
		*keep = false;
	else if (rc == SQLITE_ROW &&
		 model_task_status_parse(store_col_text(s, 0), &status)) {
		t->status = status;
		t->progress = sqlite3_column_int(s, 1);
	}
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NTM_OK
		: store_sql_fail(st, e, rc);
}

/* The tasks of t as of the report's day (task_as_of), kept in place;
 * the report of today takes them as they are. */
static int
tasks_as_of(struct store *st, const struct ntm_report_doc *d,
	    struct store_task *t, int *n, struct ntm_error *e)
{
	if (strcmp(d->head.as_of, d->head.written_on) >= 0)
		return NTM_OK;
	char to_utc[32];
	store_audit_utc(d->head.as_of, 1, to_utc);
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_TASK_AS_OF, &s, e))
		return NTM_FAIL;
	int rc = NTM_OK, k = 0;
	for (int i = 0; rc == NTM_OK && i < *n; i++) {
		bool keep = true;
		rc = task_as_of(st, s, &t[i], to_utc, &keep, e);
		if (keep)
			t[k++] = t[i];
	}
	sqlite3_finalize(s);
	*n = k;
	return rc;
}

/* The plan's sectors in order, each with its tasks in their places;
 * without a plan, none (a commune without a plan has no tasks). */
static int
fill_tasks(struct store *st, const struct store_report *r, struct arena *a,
	   struct ntm_report_doc *d, struct ntm_error *e)
{
	if (!st->plan_id)
		return NTM_OK;
	struct store_task *t;
	int n = 0;
	int rc = store_tasks(st, NULL, a, &t, &n, e);
	if (rc == NTM_OK)
		rc = tasks_as_of(st, d, t, &n, e);
	if (rc != NTM_OK)
		return rc;
	d->tasks = arena_alloc(a, sizeof *d->tasks * ((size_t)n + 1));
	d->sectors = arena_alloc(a, sizeof *d->sectors * ((size_t)r->nsectors + 1));
	for (int i = 0; i < r->nsectors; i++) {
		const struct store_sector *s = &r->sectors[i];
		struct ntm_report_sector *x = &d->sectors[d->nsectors++];
		x->code = s->code;
		x->name = s->name;
		x->short_name = s->short_name;
		x->first = d->ntasks;
		int sum = 0;
		for (int k = 0; k < n; k++)
			if (strcmp(t[k].sector_code, s->code) == 0) {
				fill_task(&t[k], d->head.as_of, &d->tasks[d->ntasks++],
					  &d->sum);
				x->tasks.done += t[k].status == NTM_TASK_HOAN_THANH;
				sum += t[k].progress;
			}
		x->count = d->ntasks - x->first;
		x->tasks.total = x->count;
		/* the mean, rounded as the status report's round(avg()) */
		x->progress = x->count ? (2 * sum + x->count) / (2 * x->count) : 0;
	}
	return NTM_OK;
}

/* ---- villages ------------------------------------------------------------------ */

static int
fill_villages(struct store *st, const struct store_report *r, struct arena *a,
	      struct ntm_report_doc *d, struct ntm_error *e)
{
	d->villages = arena_alloc(a, sizeof *d->villages * ((size_t)r->nvillages + 1));
	d->nvillages = r->nvillages;
	d->sum.villages.total = r->nvillages;
	for (int v = 0; v < r->nvillages; v++) {
		const struct store_village *s = &r->villages[v];
		struct ntm_report_village *x = &d->villages[v];
		x->name = s->name;
		struct store_item *it;
		int n = 0;
		int rc = store_checklist(st, s->id, a, &it, &n, e);
		if (rc != NTM_OK)
			return rc;
		x->missing = arena_alloc(a, sizeof *x->missing * ((size_t)n + 1));
		x->items.total = n;
		for (int i = 0; i < n; i++) {
			/* done as of the report's day (a tick without a day:
			 * built-in data, done) */
			bool done = it[i].done && (!it[i].done_on || !*it[i].done_on ||
				    strcmp(it[i].done_on, d->head.as_of) <= 0);
			x->items.done += done;
			if (!done)
				x->missing[x->nmissing++] = it[i].title;
		}
		d->sum.items.total += x->items.total;
		d->sum.items.done += x->items.done;
		d->sum.villages.done += x->items.total > 0 &&
					x->items.done == x->items.total;
	}
	return NTM_OK;
}

/* ---- changes in the period ---------------------------------------------------- */

/* "2024-03-12" and "09:14" in local time from the audit's UTC time. */
static void
local_day_time(const char *utc, struct arena *a, const char **day,
	       const char **hm)
{
	struct tm tm = {0}, local;
	char d[16] = "", t[8] = "";
	if (utc && strptime(utc, "%Y-%m-%dT%H:%M:%S", &tm)) {
		time_t when = timegm(&tm);
		localtime_r(&when, &local);
		strftime(d, sizeof d, "%Y-%m-%d", &local);
		strftime(t, sizeof t, "%H:%M", &local);
	}
	*day = arena_strdup(a, d);
	*hm = arena_strdup(a, t);
}

static void
fill_change(struct store *st, const struct store_log_entry *x, struct arena *a,
	    struct ntm_report_change *c)
{
	local_day_time(x->at, a, &c->day, &c->time);
	char *who = x->person && *x->person
		? sqlite3_mprintf("%s (%s)", x->person, x->os_user)
		: sqlite3_mprintf("%s", x->os_user ? x->os_user : "?");
	c->who = arena_strdup(a, who);
	sqlite3_free(who);
	if (x->described)
		c->what = x->described;
	else if (store_action_describe(st, x->action_id, a, &c->what, NULL) != NTM_OK)
		c->what = model_verb_label(x->verb);
	c->before = x->before;
	c->after = x->after;
}

static int
fill_changes(struct store *st, const struct period *p, struct arena *a,
	     struct ntm_report_doc *d, struct ntm_error *e)
{
	char from_utc[32], to_utc[32];
	store_audit_utc(p->since, 0, from_utc);
	store_audit_utc(p->as_of, 1, to_utc);
	int all = 0;
	struct store_log_entry *x;
	int n = 0;
	int rc = store_log_period(st, MAX_CHANGES, from_utc, to_utc, a, &x, &n,
				  &all, e);
	if (rc != NTM_OK || n == 0)
		return rc;
	d->changes = arena_alloc(a, sizeof *d->changes * ((size_t)n + 1));
	d->nchanges = n;
	d->changes_left_out = all - n;
	for (int i = 0; i < n; i++)    /* the log is newest first */
		fill_change(st, &x[n - 1 - i], a, &d->changes[i]);
	return NTM_OK;
}

/* ---- money ------------------------------------------------------------------- */

static struct ntm_report_money_sums
money_sums(const struct store_fund_sums *s)
{
	return (struct ntm_report_money_sums){s->planned, s->received, s->paid,
					      s->completed, s->debt};
}

/* The title of the report's task #number, else the summary's label. */
static const char *
task_title(const struct ntm_report_doc *d, const struct store_fund_line *l)
{
	for (int i = 0; i < d->ntasks; i++)
		if (d->tasks[i].number == l->task_number)
			return d->tasks[i].title;
	return l->label;
}

/* The sources with any planned, received or paid money. */
static void
money_sources(const struct store_fund_summary *f, struct arena *a,
	      struct ntm_report_money *m)
{
	m->sources = arena_alloc(a, sizeof *m->sources * ((size_t)f->nsource + 1));
	for (int i = 0; i < f->nsource; i++) {
		const struct store_fund_line *l = &f->by_source[i];
		if (!l->sums.planned && !l->sums.received && !l->sums.paid)
			continue;
		m->sources[m->nsources++] = (struct ntm_report_money_line){
			.code = l->key, .name = l->label,
			.sums = money_sums(&l->sums)};
	}
}

static void
money_lines(const struct store_fund_summary *f, const struct ntm_report_doc *d,
	    struct arena *a, struct ntm_report_money *m)
{
	money_sources(f, a, m);
	m->sectors = arena_alloc(a, sizeof *m->sectors * ((size_t)f->nsector + 1));
	for (int i = 0; i < f->nsector; i++)
		m->sectors[m->nsectors++] = (struct ntm_report_money_line){
			.code = f->by_sector[i].key, .name = f->by_sector[i].label,
			.sums = money_sums(&f->by_sector[i].sums)};
	m->debts = arena_alloc(a, sizeof *m->debts * (NTM_REPORT_MAX_DEBTS + 1));
	for (int i = 0; i < f->ntask; i++) {
		const struct store_fund_line *l = &f->by_task[i];
		if (l->sums.debt <= 0)
			continue;
		m->ndebts_all++;
		if (m->ndebts < NTM_REPORT_MAX_DEBTS)
			m->debts[m->ndebts++] = (struct ntm_report_money_line){
				.name = task_title(d, l), .task_number = l->task_number,
				.sums = money_sums(&l->sums)};
	}
}

/* The plan's money as of the report's day (store_fund_summary_upto);
 * none without a plan, and no part when every amount is zero. */
static int
fill_money(struct store *st, struct arena *a, struct ntm_report_doc *d,
	   struct ntm_error *e)
{
	if (!st->plan_id)
		return NTM_OK;
	struct store_fund_summary f;
	int rc = store_fund_summary_upto(st, d->head.as_of, a, &f, e);
	if (rc != NTM_OK)
		return rc;
	struct ntm_report_money *m = &d->money;
	const struct store_fund_sums *t = &f.total;
	m->has = f.cost > 0 || t->planned || t->received || t->paid ||
		 t->completed || f.earlier_debt > 0;
	m->earlier_debt = f.earlier_debt;
	if (!m->has)
		return NTM_OK;
	m->cost = f.cost;
	m->total = money_sums(t);
	m->ntasks = f.ntasks;
	money_lines(&f, d, a, m);
	return NTM_OK;
}

/* ---- the whole report ----------------------------------------------------------- */

static int
read_doc(struct store *st, const char *as_of, const char *since,
	 struct arena *a, struct ntm_report_doc *d, struct ntm_error *e)
{
	struct store_plan plan;
	struct period p;
	int rc = store_plan_in_use(st, a, &plan, e);
	if (rc == NTM_OK)
		rc = read_period(as_of, since, plan.id[0] ? plan.year : 0, &p, e);
	struct store_report r = {0};
	struct store_indicator *start = NULL;
	int nstart = 0;
	if (rc == NTM_OK)
		rc = store_report_read(st, p.as_of, a, &r, e);
	/* the start: the latest value dated before since (one measured on
	 * the first day is a change of the period) */
	char eve[11];
	day_before(p.since, eve);
	if (rc == NTM_OK)
		rc = store_report_indicators(st, eve, a, &start, &nstart, e);
	if (rc != NTM_OK)
		return rc;
	fill_head(st, &r, &plan, &p, a, &d->head);
	fill_indicators(&r, start, nstart, a, d);
	rc = fill_tasks(st, &r, a, d, e);
	if (rc == NTM_OK)
		rc = fill_villages(st, &r, a, d, e);
	if (rc == NTM_OK)
		rc = fill_changes(st, &p, a, d, e);
	if (rc == NTM_OK)
		rc = fill_money(st, a, d, e);
	return rc;
}

int
store_report_doc(struct store *st, const char *as_of, const char *since,
		 struct arena *a, struct ntm_report_doc *out,
		 struct ntm_error *e)
{
	memset(out, 0, sizeof *out);
	/* One read transaction: the report is one consistent snapshot. */
	int rc = store_snapshot_begin(st, e);
	if (rc == NTM_OK)
		rc = store_snapshot_end(st, read_doc(st, as_of, since, a, out, e), e);
	if (rc != NTM_OK)
		memset(out, 0, sizeof *out);
	return rc;
}
