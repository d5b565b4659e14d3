/* Money: the reads. Entries, a task's money and the plan's sums by
 * source, sector and task; the debt rule is the model's. */
#include "internal.h"
#include "msg.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- entries --------------------------------------------------------------- */

#define SQL_ENTRY_COLS \
	"SELECT e.id, e.task_id, t.number, t.title, e.kind, s.code, s.name, " \
	"e.amount, e.on_date, e.doc, e.note, e.reverses, (SELECT r.id FROM " \
	"fund_entry r WHERE r.reverses = e.id LIMIT 1), e.recorded_by, " \
	"strftime('%H:%M %d/%m/%Y', e.recorded_at, 'localtime'), e.version " \
	"FROM fund_entry e JOIN task t ON t.id = e.task_id LEFT JOIN " \
	"fund_source s ON s.id = e.source_id WHERE t.plan_id = ?1 "
#define SQL_ENTRY_ORDER " ORDER BY e.on_date, e.recorded_at, e.id"

static const char *
dup_or_null(struct arena *a, sqlite3_stmt *s, int col)
{
	const char *t = store_col_text(s, col);
	return t && *t ? arena_strdup(a, t) : NULL;
}

static void
fill_entry(sqlite3_stmt *s, struct arena *a, struct store_fund_entry *f)
{
	snprintf(f->id, sizeof f->id, "%s", store_col_text(s, 0));
	snprintf(f->task_id, sizeof f->task_id, "%s", store_col_text(s, 1));
	f->task_number = sqlite3_column_int(s, 2);
	f->task_title = arena_strdup(a, store_col_text(s, 3));
	f->kind = (enum ntm_fund_kind)model_fund_kind_read(store_col_text(s, 4));
	f->source_code = dup_or_null(a, s, 5);
	f->source_name = dup_or_null(a, s, 6);
	f->amount = sqlite3_column_int64(s, 7);
	f->on_date = arena_strdup(a, store_col_text(s, 8));
	f->doc = dup_or_null(a, s, 9);
	f->note = dup_or_null(a, s, 10);
	f->reverses = dup_or_null(a, s, 11);
	f->reversed_by = dup_or_null(a, s, 12);
	f->recorded_by = dup_or_null(a, s, 13);
	f->recorded_at = dup_or_null(a, s, 14);
	f->version = sqlite3_column_int(s, 15);
}

/* Every row of s (bound already) as entries. */
static int
read_entries(struct store *st, sqlite3_stmt *s, struct arena *a,
	     struct store_fund_entry **out, int *n, struct ntm_error *e)
{
	size_t cap = 0, k = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		fill_entry(s, a, &(*out)[k++]);
	}
	sqlite3_finalize(s);
	*n = (int)k;
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

int
store_fund_entries(struct store *st, const char *task_id, struct arena *a,
		   struct store_fund_entry **out, int *n, struct ntm_error *e)
{
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	if (!st->plan_id)
		return NTM_OK;
	if (store_prepare(st, SQL_ENTRY_COLS "AND (?2 IS NULL OR e.task_id = ?2)"
			  SQL_ENTRY_ORDER, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, task_id);
	return read_entries(st, s, a, out, n, e);
}

int
store_fund_entry_find(struct store *st, const char *prefix, struct arena *a,
		      struct store_fund_entry *out, struct ntm_error *e)
{
	size_t len = prefix ? strlen(prefix) : 0;
	char low[STORE_ID_LEN];
	bool hex = len >= 4 && len < sizeof low;
	for (size_t i = 0; hex && i < len; i++) {
		hex = isxdigit((unsigned char)prefix[i]);
		low[i] = (char)tolower((unsigned char)prefix[i]);
	}
	if (!hex)
		return ntm_fail(e, NTM_USAGE, MSG_FUND_ENTRY_CODE,
				prefix ? prefix : "");
	low[len] = '\0';
	struct store_fund_entry *all = NULL;
	int n = 0;
	sqlite3_stmt *s;
	if (!st->plan_id)
		return ntm_fail(e, NTM_FAIL, MSG_FUND_ENTRY_UNKNOWN, low);
	if (store_prepare(st, SQL_ENTRY_COLS "AND substr(e.id, 1, ?3) = ?2"
			  SQL_ENTRY_ORDER, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, low);
	sqlite3_bind_int(s, 3, (int)len);
	int rc = read_entries(st, s, a, &all, &n, e);
	if (rc == NTM_OK && n == 0)
		rc = ntm_fail(e, NTM_FAIL, MSG_FUND_ENTRY_UNKNOWN, low);
	if (rc == NTM_OK && n > 1)
		rc = ntm_fail(e, NTM_FAIL, MSG_FUND_ENTRY_AMBIGUOUS, low);
	if (rc == NTM_OK)
		*out = all[0];
	return rc;
}

/* ---- sums ------------------------------------------------------------------ */

/* The plan ?1's tasks with money: id, number, title, version, sector
 * code and name, cost (NULL: none), planned, received, paid, completed. */
static const char SQL_TASK_SUMS[] =
	"WITH t AS (SELECT * FROM task WHERE plan_id = ?1 AND (?2 IS NULL OR "
	"  id = ?2)), "
	"e AS (SELECT task_id, " SQL_FUND_SUM("", "received") " AS r, "
	SQL_FUND_SUM("", "paid") " AS p, " SQL_FUND_SUM("", "completed")
	" AS c FROM fund_entry WHERE task_id "
	"  IN (SELECT id FROM t) AND (?3 IS NULL OR on_date <= ?3) "
	"  GROUP BY task_id), "
	"pl AS (SELECT task_id, sum(amount) AS v FROM fund_plan WHERE task_id "
	"  IN (SELECT id FROM t) GROUP BY task_id) "
	"SELECT t.id, t.number, t.title, t.version, sec.code, sec.name, "
	"  CAST(t.budget_planned AS INTEGER), coalesce(pl.v, 0), "
	"  coalesce(e.r, 0), coalesce(e.p, 0), coalesce(e.c, 0) "
	"FROM t JOIN sector sec ON sec.id = t.sector_id "
	"LEFT JOIN e ON e.task_id = t.id LEFT JOIN pl ON pl.task_id = t.id "
	"WHERE t.budget_planned IS NOT NULL OR e.task_id IS NOT NULL OR "
	"  pl.task_id IS NOT NULL ORDER BY sec.ord, t.number";

/* Every source with the plan ?1's sums from it. */
static const char SQL_SOURCE_SUMS[] =
	"WITH t AS (SELECT id FROM task WHERE plan_id = ?1) "
	"SELECT s.code, s.name, (SELECT coalesce(sum(amount), 0) FROM fund_plan "
	"  WHERE source_id = s.id AND task_id IN t), "
	"  " SQL_FUND_SUM("e.", "received") ", " SQL_FUND_SUM("e.", "paid")
	", " SQL_FUND_SUM("e.", "completed") " "
	"FROM fund_source s LEFT JOIN fund_entry e ON e.source_id = s.id AND "
	"  e.task_id IN t AND (?2 IS NULL OR e.on_date <= ?2) "
	"GROUP BY s.id ORDER BY s.ord, s.name";

/* The debt left on each work of the commune's plans of an earlier year
 * than plan ?1: completed and paid per task. */
static const char SQL_EARLIER[] =
	"SELECT " SQL_FUND_SUM("e.", "completed") ", " SQL_FUND_SUM("e.", "paid")
	" "
	"FROM plan cur JOIN plan p ON p.unit_id = cur.unit_id AND p.year < "
	"  cur.year JOIN task t ON t.plan_id = p.id JOIN fund_entry e ON "
	"  e.task_id = t.id WHERE cur.id = ?1 GROUP BY t.id";

static void
add_sums(struct store_fund_sums *to, const struct store_fund_sums *x)
{
	to->planned += x->planned;
	to->received += x->received;
	to->paid += x->paid;
	to->completed += x->completed;
	to->debt += x->debt;
}

static void
read_sums(sqlite3_stmt *s, int col, struct store_fund_sums *x)
{
	x->planned = sqlite3_column_int64(s, col);
	x->received = sqlite3_column_int64(s, col + 1);
	x->paid = sqlite3_column_int64(s, col + 2);
	x->completed = sqlite3_column_int64(s, col + 3);
	x->debt = model_money_debt(x->completed, x->paid);
}

/* The tasks with money of the plan in use (task_id: that one only), in
 * sector order. */
static int
task_lines(struct store *st, const char *task_id, const char *upto,
	   struct arena *a, struct store_fund_line **out, int *n,
	   struct ntm_error *e)
{
	sqlite3_stmt *s;
	size_t cap = 0, k = 0;
	*out = NULL;
	*n = 0;
	if (store_prepare(st, SQL_TASK_SUMS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, task_id);
	store_bind_text(s, 3, upto);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		struct store_fund_line *l = &(*out)[k++];
		snprintf(l->task_id, sizeof l->task_id, "%s", store_col_text(s, 0));
		l->task_number = sqlite3_column_int(s, 1);
		char key[16];
		snprintf(key, sizeof key, "%d", l->task_number);
		l->key = arena_strdup(a, key);
		l->label = arena_strdup(a, store_col_text(s, 2));
		l->task_version = sqlite3_column_int(s, 3);
		/* the sector, for the caller's grouping */
		l->sector_code = arena_strdup(a, store_col_text(s, 4));
		l->sector_name = arena_strdup(a, store_col_text(s, 5));
		l->cost = sqlite3_column_type(s, 6) == SQLITE_NULL
			? -1 : sqlite3_column_int64(s, 6);
		read_sums(s, 7, &l->sums);
	}
	sqlite3_finalize(s);
	*n = (int)k;
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

static int
by_debt(const void *x, const void *y)
{
	const struct store_fund_line *p = x, *q = y;
	if (p->sums.debt != q->sums.debt)
		return p->sums.debt < q->sums.debt ? 1 : -1;
	return (p->task_number > q->task_number) - (p->task_number < q->task_number);
}

/* The sectors of the task lines (in their order), summed. */
static void
sector_lines(const struct store_fund_line *t, int nt, struct arena *a,
	     struct store_fund_summary *out)
{
	size_t cap = 0, k = 0;
	for (int i = 0; i < nt; i++) {
		if (k == 0 || strcmp(out->by_sector[k - 1].key, t[i].sector_code)) {
			out->by_sector = arena_grow(a, out->by_sector, k, &cap,
						    sizeof *out->by_sector);
			struct store_fund_line *l = &out->by_sector[k++];
			memset(l, 0, sizeof *l);
			l->key = t[i].sector_code;
			l->label = t[i].sector_name;
			l->cost = -1;
		}
		struct store_fund_line *l = &out->by_sector[k - 1];
		add_sums(&l->sums, &t[i].sums);
		if (t[i].cost >= 0)
			l->cost = (l->cost < 0 ? 0 : l->cost) + t[i].cost;
	}
	out->nsector = (int)k;
}

static int
source_lines(struct store *st, const char *upto, struct arena *a,
	     struct store_fund_summary *out, struct ntm_error *e)
{
	sqlite3_stmt *s;
	size_t cap = 0, k = 0;
	if (store_prepare(st, SQL_SOURCE_SUMS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, upto);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->by_source = arena_grow(a, out->by_source, k, &cap,
					    sizeof *out->by_source);
		struct store_fund_line *l = &out->by_source[k++];
		memset(l, 0, sizeof *l);
		l->key = arena_strdup(a, store_col_text(s, 0));
		l->label = arena_strdup(a, store_col_text(s, 1));
		l->cost = -1;
		read_sums(s, 2, &l->sums);
	}
	sqlite3_finalize(s);
	out->nsource = (int)k;
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

static int
earlier_debt(struct store *st, long long *debt, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_EARLIER, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*debt += model_money_debt(sqlite3_column_int64(s, 0),
					  sqlite3_column_int64(s, 1));
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

int
store_fund_summary(struct store *st, struct arena *a,
		   struct store_fund_summary *out, struct ntm_error *e)
{
	return store_fund_summary_upto(st, NULL, a, out, e);
}

int
store_fund_summary_upto(struct store *st, const char *upto, struct arena *a,
			struct store_fund_summary *out, struct ntm_error *e)
{
	memset(out, 0, sizeof *out);
	int rc = store_snapshot_begin(st, e);
	if (rc != NTM_OK)
		return rc;
	if (st->plan_id)
		rc = task_lines(st, NULL, upto, a, &out->by_task, &out->ntask, e);
	if (rc == NTM_OK && st->plan_id)
		rc = earlier_debt(st, &out->earlier_debt, e);
	for (int i = 0; rc == NTM_OK && i < out->ntask; i++) {
		add_sums(&out->total, &out->by_task[i].sums);
		if (out->by_task[i].cost > 0)
			out->cost += out->by_task[i].cost;
	}
	out->ntasks = out->ntask;
	if (rc == NTM_OK)
		sector_lines(out->by_task, out->ntask, a, out);
	if (rc == NTM_OK && out->ntask > 1)
		qsort(out->by_task, (size_t)out->ntask, sizeof *out->by_task,
		      by_debt);
	if (rc == NTM_OK)
		rc = source_lines(st, upto, a, out, e);
	return store_snapshot_end(st, rc, e);
}

/* ---- one task --------------------------------------------------------------- */

int
store_fund_task(struct store *st, const char *task_id, struct arena *a,
		struct store_fund_task *out, struct ntm_error *e)
{
	memset(out, 0, sizeof *out);
	out->cost = -1;
	struct store_task t;
	int rc = store_snapshot_begin(st, e);
	if (rc != NTM_OK)
		return rc;
	rc = store_task_get(st, task_id, a, &t, e);
	out->task_version = rc == NTM_OK ? t.version : 0;
	struct store_fund_line *line = NULL;
	int n = 0;
	if (rc == NTM_OK)
		rc = task_lines(st, task_id, NULL, a, &line, &n, e);
	if (rc == NTM_OK && n == 1) {
		out->sums = line->sums;
		out->cost = line->cost;
	}
	sqlite3_stmt *s;
	if (rc == NTM_OK &&
	    store_prepare(st, "SELECT s.code, s.name, p.amount, p.version FROM "
			  "fund_plan p JOIN fund_source s ON s.id = p.source_id "
			  "WHERE p.task_id = ?1 ORDER BY s.ord, s.name", &s, e))
		rc = NTM_FAIL;
	if (rc == NTM_OK) {
		size_t cap = 0, k = 0;
		store_bind_text(s, 1, task_id);
		while (sqlite3_step(s) == SQLITE_ROW) {
			out->planned = arena_grow(a, out->planned, k, &cap,
						  sizeof *out->planned);
			struct store_fund_planned *p = &out->planned[k++];
			p->source_code = arena_strdup(a, store_col_text(s, 0));
			p->source_name = arena_strdup(a, store_col_text(s, 1));
			p->amount = sqlite3_column_int64(s, 2);
			p->version = sqlite3_column_int(s, 3);
		}
		sqlite3_finalize(s);
		out->nplanned = (int)k;
		rc = store_fund_entries(st, task_id, a, &out->entries,
					&out->nentries, e);
	}
	return store_snapshot_end(st, rc, e);
}
