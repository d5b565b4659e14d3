/* A plan read back as a document (store_plan_read) for the plan text
 * writer: its head, its own indicators and targets by criterion number
 * then indicator order, its tasks as the sector tabs show them (sector
 * order, then place), each sector named by its Vietnamese name, each
 * carried-over task with where it came from (store_carried, which the
 * task list uses too). */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>

#include "ntm/plandoc.h"

typedef void fill_fn(sqlite3_stmt *s, struct arena *a, void *item);

static const char SQL_HEAD[] =
	"SELECT u.name, p.number, p.year, p.issued_on, p.title, p.signer, "
	"  cs.code "
	"FROM plan p JOIN unit u ON u.id = p.unit_id "
	"LEFT JOIN criteria_set cs ON cs.id = p.set_id "
	"WHERE p.id = ?1 AND (?2 = '' OR p.unit_id = ?2)";

static const char SQL_OWN[] =
	"SELECT i.code, i.name, i.unit_label, i.kind, i.comparator "
	"FROM indicator i JOIN criterion c ON c.id = i.criterion_id "
	"WHERE i.plan_id = ?1 ORDER BY c.number, i.ord, i.code";

static const char SQL_TARGETS[] =
	"SELECT i.code, t.comparator, t.value, t.note "
	"FROM plan_target t JOIN indicator i ON i.id = t.indicator_id "
	"JOIN criterion c ON c.id = i.criterion_id "
	"WHERE t.plan_id = ?1 ORDER BY c.number, i.ord, i.code";

static const char SQL_TASKS[] =
	"SELECT s.name, t.number, t.title, t.responsible, t.due, t.detail, "
	"  t.note, t.status, t.progress, fp.number, ft.number, "
	"  t.carried_from_text, t.issue, t.proposal "
	"FROM task t JOIN sector s ON s.id = t.sector_id "
	"LEFT JOIN task ft ON ft.id = t.carried_from "
	"LEFT JOIN plan fp ON fp.id = ft.plan_id "
	"WHERE t.plan_id = ?1 ORDER BY s.ord, t.ord, t.number, t.id";

static const char *
text(sqlite3_stmt *s, struct arena *a, int i)
{
	return arena_strdup(a, store_col_text(s, i));
}

static void
fill_own(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct ntm_doc_indicator *x = item;
	x->code = text(s, a, 0);
	x->name = text(s, a, 1);
	x->unit_label = text(s, a, 2);
	model_kind_parse(store_col_text(s, 3), &x->kind);
	model_cmp_parse(store_col_text(s, 4), &x->cmp);
}

static void
fill_target(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct ntm_doc_target *x = item;
	x->code = text(s, a, 0);
	model_cmp_parse(store_col_text(s, 1), &x->cmp);
	x->value = sqlite3_column_double(s, 2);
	x->note = text(s, a, 3);
}

static void
fill_task(sqlite3_stmt *s, struct arena *a, void *item)
{
	struct ntm_doc_task *x = item;
	x->sector = text(s, a, 0);
	x->number = sqlite3_column_int(s, 1);
	x->title = text(s, a, 2);
	x->responsible = text(s, a, 3);
	x->due = text(s, a, 4);
	x->detail = text(s, a, 5);
	x->note = text(s, a, 6);
	if (!model_task_status_parse(store_col_text(s, 7), &x->status))
		x->status = NTM_TASK_CHUA_BAT_DAU;
	x->progress = sqlite3_column_int(s, 8);
	store_carried(s, 9, a, &x->from_plan, &x->from_number);
	x->issue = text(s, a, 12);
	x->proposal = text(s, a, 13);
}

void
store_carried(sqlite3_stmt *s, int col, struct arena *a, const char **plan,
	      int *number)
{
	const char *words = store_col_text(s, col + 2);
	size_t len;
	*plan = NULL;
	*number = 0;
	if (sqlite3_column_type(s, col) != SQLITE_NULL) {
		*plan = arena_strdup(a, store_col_text(s, col));
		*number = sqlite3_column_int(s, col + 1);
	} else if (words && model_carried_parse(words, &len, number)) {
		char *p = arena_alloc(a, len + 1);
		memcpy(p, words, len);
		*plan = p;
	}
}

/* Every row of sql (?1: the plan) into a new array of items of size. */
static int
read_rows(struct store *st, const char *sql, const char *plan_id,
	  struct arena *a, fill_fn *fill, size_t size, void **items, int *n,
	  struct ntm_error *e)
{
	sqlite3_stmt *s;
	size_t cap = 0, k = 0;
	*items = NULL;
	if (store_prepare(st, sql, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, plan_id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*items = arena_grow(a, *items, k, &cap, size);
		fill(s, a, (char *)*items + k * size);
		k++;
	}
	sqlite3_finalize(s);
	*n = (int)k;
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

static int
read_head(struct store *st, const char *plan_id, struct arena *a,
	  struct ntm_plan_doc *d, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_HEAD, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, plan_id);
	store_bind_text(s, 2, st->commune_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		d->commune = text(s, a, 0);
		d->number = text(s, a, 1);
		d->year = sqlite3_column_int(s, 2);
		d->issued_on = text(s, a, 3);
		d->title = text(s, a, 4);
		d->signer = text(s, a, 5);
		d->criteria_set = text(s, a, 6);
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return ntm_fail(e, NTM_FAIL, "%s", MSG_PD_NO_PLAN);
	return rc == SQLITE_ROW ? NTM_OK : store_sql_fail(st, e, rc);
}

int
store_plan_read(struct store *st, const char *plan_id, struct arena *a,
		struct ntm_plan_doc *out, struct ntm_error *e)
{
	void *own, *targets, *tasks;
	*out = (struct ntm_plan_doc){0};
	int rc = read_head(st, plan_id ? plan_id : "", a, out, e);
	if (rc == NTM_OK)
		rc = read_rows(st, SQL_OWN, plan_id, a, fill_own, sizeof *out->own,
			       &own, &out->nown, e);
	if (rc == NTM_OK)
		rc = read_rows(st, SQL_TARGETS, plan_id, a, fill_target,
			       sizeof *out->targets, &targets, &out->ntargets, e);
	if (rc == NTM_OK)
		rc = read_rows(st, SQL_TASKS, plan_id, a, fill_task,
			       sizeof *out->tasks, &tasks, &out->ntasks, e);
	if (rc != NTM_OK)
		return rc;
	out->own = own;
	out->targets = targets;
	out->tasks = tasks;
	return NTM_OK;
}
