/* Tasks of the commune's current plan: the list shown under each sector
 * tab, and edits checked against the version the editor saw, each one
 * audited user action. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>

enum { MAX_TITLE = 300, MAX_RESPONSIBLE = 200 };

/* changed_by / changed_at come from the task's latest audit row, in the
 * form store_last_change gives: one look-up per task through the index
 * audit_entity (schema 3), so a million audit rows cost nothing here. */
static const char SQL_TASKS[] =
	"SELECT t.id, s.code, t.title, t.detail, t.responsible, t.due, t.note, "
	"  t.status, t.progress, t.version, "
	"  CASE WHEN coalesce(a.person, '') <> '' "
	"    THEN a.person || ' (' || a.os_user || ')' ELSE a.os_user END, "
	"  strftime('%H:%M %d/%m/%Y', a.at, 'localtime'), "
	"  t.number, fp.number, ft.number, t.carried_from_text, t.issue, t.proposal "
	"FROM task t JOIN sector s ON s.id = t.sector_id "
	"LEFT JOIN audit a ON a.seq = (SELECT max(seq) FROM audit "
	"  WHERE entity = 'task' AND entity_id = t.id) "
	"LEFT JOIN task ft ON ft.id = t.carried_from "
	"LEFT JOIN plan fp ON fp.id = ft.plan_id "
	"WHERE t.plan_id = ?1 AND (?2 IS NULL OR s.code = ?2) "
	"  AND (?3 IS NULL OR t.id = ?3) AND (?4 IS NULL OR t.number = ?4) "
	"ORDER BY s.ord, t.ord, t.number, t.id";

/* A task's fields after validation: NULL is "unchanged", "" is "clear". */
struct task_fields {
	const char *title, *responsible, *due, *note, *detail, *issue, *proposal;
	bool has_status;
	enum ntm_task_status status;
	int progress;                /* or STORE_PROGRESS_KEEP */
};

static int
need_plan(struct store *st, struct ntm_error *e)
{
	if (st->plan_id)
		return NTM_OK;
	return ntm_fail(e, NTM_FAIL, MSG_NO_PLAN_TASKS,
			st->commune_name ? st->commune_name : "?");
}

static void
fill_task(sqlite3_stmt *s, struct arena *a, struct store_task *t)
{
	snprintf(t->id, sizeof t->id, "%s", store_col_text(s, 0));
	t->sector_code = arena_strdup(a, store_col_text(s, 1));
	t->title = arena_strdup(a, store_col_text(s, 2));
	t->detail = arena_strdup(a, store_col_text(s, 3));
	t->responsible = arena_strdup(a, store_col_text(s, 4));
	t->due = arena_strdup(a, store_col_text(s, 5));
	t->note = arena_strdup(a, store_col_text(s, 6));
	if (!model_task_status_parse(store_col_text(s, 7), &t->status))
		t->status = NTM_TASK_CHUA_BAT_DAU;   /* the schema allows no other */
	t->progress = sqlite3_column_int(s, 8);
	t->version = sqlite3_column_int(s, 9);
	t->changed_by = arena_strdup(a, store_col_text(s, 10));
	t->changed_at = arena_strdup(a, store_col_text(s, 11));
	t->number = sqlite3_column_int(s, 12);
	store_carried(s, 13, a, &t->from_plan, &t->from_number);
	t->issue = arena_strdup(a, store_col_text(s, 16));
	t->proposal = arena_strdup(a, store_col_text(s, 17));
}

/* The plan's tasks, of one sector, one id and/or one number when given
 * (number 0: any). */
static int
read_tasks(struct store *st, const char *sector_code, const char *id,
	   int number, struct arena *a, struct store_task **out, int *n,
	   struct ntm_error *e)
{
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	if (store_prepare(st, SQL_TASKS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, sector_code);
	store_bind_text(s, 3, id);
	if (number != 0)
		sqlite3_bind_int(s, 4, number);
	size_t cap = 0, k = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		fill_task(s, a, &(*out)[k++]);
	}
	sqlite3_finalize(s);
	*n = (int)k;
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

/* A sector's code, name or short name as compared: folded, '_' read as
 * a space. */
static const char SQL_SECTOR_FIND[] =
	"SELECT id, code FROM sector WHERE code = ?1 "
	"UNION ALL SELECT id, code FROM sector WHERE "
	"  replace(ntm_fold(code), '_', ' ') = replace(ntm_fold(?1), '_', ' ') "
	"  OR ntm_fold(name) = ntm_fold(?1) OR ntm_fold(short_name) = ntm_fold(?1) "
	"LIMIT 1";

int
store_sector_lookup(struct store *st, const char *name, struct arena *a,
		    const char **id, const char **code, struct ntm_error *e)
{
	sqlite3_stmt *s;
	*id = NULL;
	if (store_prepare(st, SQL_SECTOR_FIND, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, name ? name : "");
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = arena_strdup(a, store_col_text(s, 0));
		*code = arena_strdup(a, store_col_text(s, 1));
		rc = *id && *code ? NTM_OK : NTM_FAIL;
	} else if (rc == SQLITE_DONE) {
		rc = NTM_USAGE;
	} else {
		rc = store_sql_fail(st, e, rc);
	}
	sqlite3_finalize(s);
	if (rc != NTM_USAGE)
		return rc;
	/* the names on the tabs: short enough that all fit in a message */
	if (store_prepare(st, "SELECT group_concat(short_name, ', ') FROM "
			  "(SELECT short_name FROM sector ORDER BY ord)", &s, e))
		return NTM_FAIL;
	sqlite3_step(s);
	rc = ntm_fail(e, NTM_USAGE, MSG_SECTOR_NAMED, name ? name : "",
		      store_col_text(s, 0) ? store_col_text(s, 0) : "");
	sqlite3_finalize(s);
	return rc;
}

int
store_sector_find(struct store *st, const char *name, struct arena *a,
		  const char **code, struct ntm_error *e)
{
	const char *id;
	return store_sector_lookup(st, name, a, &id, code, e);
}

int
store_tasks(struct store *st, const char *sector_code, struct arena *a,
	    struct store_task **out, int *n, struct ntm_error *e)
{
	const char *sector_id;
	*out = NULL;
	*n = 0;
	int rc = need_plan(st, e);
	if (rc == NTM_OK && sector_code)
		rc = store_sector_lookup(st, sector_code, a, &sector_id, &sector_code, e);
	return rc == NTM_OK ? read_tasks(st, sector_code, NULL, 0, a, out, n, e) : rc;
}

/* ---- validation ----------------------------------------------------------- */

static const char *
clean_title(struct arena *a, const char *s, struct ntm_error *e)
{
	const char *t = store_clean_line(a, s, MAX_TITLE, WHAT_TITLE, e);
	if (t && *t == '\0') {
		ntm_fail(e, NTM_USAGE, "%s", MSG_EMPTY_TITLE);
		return NULL;
	}
	return t;
}

/* One of the model's status codes. */
static bool
clean_status(struct arena *a, const char *s, enum ntm_task_status *out,
	     struct ntm_error *e)
{
	const char *c = store_clean_text(a, s, false, WHAT_STATUS, e);
	if (c && model_task_status_read(c, out))
		return true;
	if (c) {
		char codes[256];
		model_task_status_list(codes, sizeof codes);
		ntm_fail(e, NTM_USAGE, MSG_BAD_STATUS, c, codes);
	}
	return false;
}

/* Checks every field given; NTM_USAGE at the first bad one. */
static int
clean_edit(struct arena *a, const struct store_task_edit *in, bool adding,
	   struct task_fields *f, struct ntm_error *e)
{
	static const struct store_task_edit none = {.progress = STORE_PROGRESS_KEEP};
	if (!in)
		in = &none;
	*f = (struct task_fields){.progress = in->progress};
	if (adding && !in->title)
		return ntm_fail(e, NTM_USAGE, "%s", MSG_EMPTY_TITLE);
	if ((in->title && !(f->title = clean_title(a, in->title, e))) ||
	    (in->responsible && !(f->responsible = store_clean_line(a,
		in->responsible, MAX_RESPONSIBLE, WHAT_RESPONSIBLE, e))) ||
	    (in->due && !(f->due = store_clean_date(a, in->due, WHAT_DUE, e))) ||
	    (in->note && !(f->note = store_clean_note(a, in->note, WHAT_NOTE, e))) ||
	    (in->detail && !(f->detail = store_clean_note(a, in->detail, WHAT_DETAIL, e))) ||
	    (in->issue && !(f->issue = store_clean_note(a, in->issue, WHAT_ISSUE, e))) ||
	    (in->proposal && !(f->proposal = store_clean_note(a, in->proposal,
							      WHAT_PROPOSAL, e))) ||
	    (in->status && !clean_status(a, in->status, &f->status, e)))
		return NTM_USAGE;
	f->has_status = in->status != NULL;
	if (in->progress != STORE_PROGRESS_KEEP &&
	    (in->progress < 0 || in->progress > 100))
		return ntm_fail(e, NTM_USAGE, MSG_BAD_PROGRESS, in->progress);
	return NTM_OK;
}

/* The task with the edit applied, its status and progress kept in
 * agreement by the model's rule (model_task_reconcile): a field counts as
 * chosen when the edit gives it a value the task does not have, since a
 * form passes every field. NTM_USAGE with the model's reason when the
 * edit contradicts itself. */
static int
merge(struct store_task *t, const struct task_fields *f, struct ntm_error *e)
{
	bool status_given = f->has_status && f->status != t->status;
	bool progress_given = f->progress != STORE_PROGRESS_KEEP &&
			      f->progress != t->progress;
	if (f->title)
		t->title = f->title;
	if (f->responsible)
		t->responsible = *f->responsible ? f->responsible : NULL;
	if (f->due)
		t->due = *f->due ? f->due : NULL;
	if (f->note)
		t->note = *f->note ? f->note : NULL;
	if (f->detail)
		t->detail = *f->detail ? f->detail : NULL;
	if (f->issue)
		t->issue = *f->issue ? f->issue : NULL;
	if (f->proposal)
		t->proposal = *f->proposal ? f->proposal : NULL;
	if (f->has_status)
		t->status = f->status;
	if (f->progress != STORE_PROGRESS_KEEP)
		t->progress = f->progress;
	const char *why = model_task_reconcile(&t->status, status_given,
					       &t->progress, progress_given);
	return why ? ntm_fail(e, NTM_USAGE, "%s", why) : NTM_OK;
}

int
store_task_check_new(struct arena *a, const struct store_task_edit *in,
		     struct store_task *out, struct ntm_error *e)
{
	struct task_fields f;
	*out = (struct store_task){.status = NTM_TASK_CHUA_BAT_DAU};
	int rc = clean_edit(a, in, true, &f, e);
	return rc == NTM_OK ? merge(out, &f, e) : rc;
}

static bool
same_text(const char *x, const char *y)
{
	return x && y ? strcmp(x, y) == 0 : x == y;
}

static bool
same_task(const struct store_task *x, const struct store_task *y)
{
	return same_text(x->title, y->title) &&
	       same_text(x->responsible, y->responsible) &&
	       same_text(x->due, y->due) && same_text(x->note, y->note) &&
	       same_text(x->detail, y->detail) && same_text(x->issue, y->issue) &&
	       same_text(x->proposal, y->proposal) &&
	       x->status == y->status && x->progress == y->progress;
}

/* ---- reading one task, with conflicts ------------------------------------- */

/* The task is not in the plan: deleted (by whom, if ntm saw it), or never
 * was. */
static int
refuse_missing(struct store *st, const char *id, struct arena *a,
	       struct ntm_error *e)
{
	const char *title = store_deleted_title(st, "task", id, a);
	if (!title)
		return ntm_fail(e, NTM_FAIL, "%s", MSG_TASK_UNKNOWN);
	return ntm_fail(e, NTM_FAIL, MSG_TASK_GONE, title,
			store_last_change_text(st, "task", id, VERB_DELETE, a));
}

/* The plan's task with this id (never "all": id must be given). */
static int
one_task(struct store *st, const char *id, struct arena *a,
	 struct store_task *out, struct ntm_error *e)
{
	struct store_task *t;
	int n;
	if (!id)
		return ntm_fail(e, NTM_FAIL, "%s", MSG_TASK_UNKNOWN);
	int rc = read_tasks(st, NULL, id, 0, a, &t, &n, e);
	if (rc == NTM_OK && n == 0)
		rc = refuse_missing(st, id, a, e);
	if (rc == NTM_OK)
		*out = *t;
	return rc;
}

/* The task as it is now, if it is still the version the editor saw. */
static int
current_task(struct store *st, const char *id, int expected_version,
	     struct arena *a, struct store_task *out, struct ntm_error *e)
{
	int rc = one_task(st, id, a, out, e);
	if (rc == NTM_OK && out->version != expected_version)
		rc = ntm_fail(e, NTM_FAIL, MSG_TASK_CHANGED, out->title,
			      store_last_change_text(st, "task", id, VERB_EDIT, a));
	return rc;
}

int
store_task_get(struct store *st, const char *id, struct arena *a,
	       struct store_task *out, struct ntm_error *e)
{
	int rc = need_plan(st, e);
	return rc == NTM_OK ? one_task(st, id, a, out, e) : rc;
}

/* The id of the plan's task that had this number and was removed, as the
 * audit log saw it go, or NULL. */
static const char *
store_task_removed_id(struct store *st, int number, struct arena *a)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT entity_id FROM audit WHERE entity = 'task' "
			  "AND after IS NULL AND json_extract(before, '$.plan_id') "
			  "= ?1 AND json_extract(before, '$.number') = ?2 AND NOT "
			  "EXISTS (SELECT 1 FROM task WHERE id = entity_id) "
			  "ORDER BY seq DESC LIMIT 1", &s, NULL))
		return NULL;
	store_bind_text(s, 1, st->plan_id);
	sqlite3_bind_int(s, 2, number);
	const char *id = sqlite3_step(s) == SQLITE_ROW
		? arena_strdup(a, store_col_text(s, 0)) : NULL;
	sqlite3_finalize(s);
	return id;
}

int
store_task_by_number(struct store *st, int number, struct arena *a,
		     struct store_task *out, struct ntm_error *e)
{
	struct store_task *t;
	int n;
	int rc = need_plan(st, e);
	if (rc == NTM_OK)
		rc = read_tasks(st, NULL, NULL, number > 0 ? number : -1, a, &t, &n, e);
	if (rc == NTM_OK && n == 1) {
		*out = *t;
		return NTM_OK;
	}
	if (rc != NTM_OK)
		return rc;
	struct store_plan p;
	const char *id = store_task_removed_id(st, number, a);
	rc = store_plan_in_use(st, a, &p, e);
	if (rc == NTM_OK && id)
		rc = ntm_fail(e, NTM_FAIL, MSG_TASK_NUMBER_GONE, number,
			      store_deleted_title(st, "task", id, a),
			      store_last_change_text(st, "task", id, VERB_DELETE, a));
	else if (rc == NTM_OK)
		rc = ntm_fail(e, NTM_FAIL, MSG_TASK_NUMBER, p.number, number);
	return rc;
}

/* ---- edits ------------------------------------------------------------------ */

int
store_task_take_number(struct store *st, const char *plan_id, int wanted,
			int *out, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT INTO task_counter(plan_id, last) VALUES "
			  "(?1, max(?2, (SELECT coalesce(max(number), 0) + 1 "
			  "FROM task WHERE plan_id = ?1))) ON CONFLICT (plan_id) "
			  "DO UPDATE SET last = CASE WHEN ?2 > 0 AND NOT EXISTS "
			  "(SELECT 1 FROM task WHERE plan_id = ?1 AND number = ?2) "
			  "THEN max(last, ?2) ELSE last + 1 END RETURNING "
			  "CASE WHEN ?2 > 0 AND NOT EXISTS (SELECT 1 FROM task "
			  "WHERE plan_id = ?1 AND number = ?2) THEN ?2 ELSE last END",
			  &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, plan_id);
	sqlite3_bind_int(s, 2, wanted > 0 ? wanted : 0);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? NTM_OK : store_sql_fail(st, e, rc);
}

static int
insert_task(struct store *st, const char *id, const char *sector_id,
	    const struct store_task *t, struct ntm_error *e)
{
	sqlite3_stmt *s;
	int number;
	if (store_task_take_number(st, st->plan_id, 0, &number, e) ||
	    store_prepare(st, "INSERT INTO task(id, plan_id, sector_id, title, "
			  "responsible, due, note, status, progress, ord, detail, "
			  "number, issue, proposal) SELECT ?1, ?2, ?3, ?4, ?5, ?6, "
			  "?7, ?8, ?9, coalesce(max(ord), 0) + 1, ?10, ?11, ?12, ?13 "
			  "FROM task "
			  "WHERE plan_id = ?2 AND sector_id = ?3", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 10, t->detail);
	sqlite3_bind_int(s, 11, number);
	store_bind_text(s, 12, t->issue);
	store_bind_text(s, 13, t->proposal);
	store_bind_text(s, 1, id);
	store_bind_text(s, 2, st->plan_id);
	store_bind_text(s, 3, sector_id);
	store_bind_text(s, 4, t->title);
	store_bind_text(s, 5, t->responsible);
	store_bind_text(s, 6, t->due);
	store_bind_text(s, 7, t->note);
	store_bind_text(s, 8, model_task_status_code(t->status));
	sqlite3_bind_int(s, 9, t->progress);
	return store_step_done(st, s, e);
}

/* One task edit under way: what the work functions below need. */
struct task_action {
	struct arena a;
	struct task_fields f;
	const char *id, *sector_id;
	int version;
	char new_id[STORE_ID_LEN];
};

static int
add_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct task_action *x = ctx;
	struct store_task t = {.status = NTM_TASK_CHUA_BAT_DAU};
	if (merge(&t, &x->f, e))
		return NTM_USAGE;
	store_new_id(x->new_id);
	return insert_task(st, x->new_id, x->sector_id, &t, e);
}

int
store_task_add(struct store *st, const char *sector_code,
	       const struct store_task_edit *edit, char new_id[STORE_ID_LEN],
	       struct ntm_error *e)
{
	struct task_action x = {0};
	if (new_id)
		new_id[0] = '\0';
	int rc = need_plan(st, e);
	if (rc == NTM_OK)
		rc = clean_edit(&x.a, edit, true, &x.f, e);
	if (rc == NTM_OK)
		rc = store_sector_lookup(st, sector_code, &x.a, &x.sector_id,
				 &sector_code, e);
	if (rc == NTM_OK)
		rc = store_action_run(st, NTM_VERB_TASK_ADD, add_work, &x, e);
	if (rc == NTM_OK && new_id)
		memcpy(new_id, x.new_id, STORE_ID_LEN);
	arena_free(&x.a);
	return rc;
}

static int
write_update(struct store *st, const struct store_task *t, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "UPDATE task SET title = ?2, responsible = ?3, "
			  "due = ?4, note = ?5, status = ?6, progress = ?7, "
			  "detail = ?8, issue = ?9, proposal = ?10, "
			  "version = version + 1 WHERE id = ?1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 8, t->detail);
	store_bind_text(s, 9, t->issue);
	store_bind_text(s, 10, t->proposal);
	store_bind_text(s, 1, t->id);
	store_bind_text(s, 2, t->title);
	store_bind_text(s, 3, t->responsible);
	store_bind_text(s, 4, t->due);
	store_bind_text(s, 5, t->note);
	store_bind_text(s, 6, model_task_status_code(t->status));
	sqlite3_bind_int(s, 7, t->progress);
	return store_step_done(st, s, e);
}

/* Read and checked inside the action's transaction: no colleague can
 * write between the check and the update. An edit that changes nothing
 * writes nothing, so the action leaves no trace. */
static int
update_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct task_action *x = ctx;
	struct store_task cur, next;
	int rc = current_task(st, x->id, x->version, &x->a, &cur, e);
	if (rc != NTM_OK)
		return rc;
	next = cur;
	if (merge(&next, &x->f, e))
		return NTM_USAGE;
	return same_task(&cur, &next) ? NTM_OK : write_update(st, &next, e);
}

int
store_task_update(struct store *st, const char *id, int expected_version,
		  const struct store_task_edit *edit, struct ntm_error *e)
{
	struct task_action x = {.id = id, .version = expected_version};
	int rc = need_plan(st, e);
	if (rc == NTM_OK)
		rc = clean_edit(&x.a, edit, false, &x.f, e);
	if (rc == NTM_OK)
		rc = store_action_run(st, NTM_VERB_TASK_EDIT, update_work, &x, e);
	arena_free(&x.a);
	return rc;
}

static int
delete_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct task_action *x = ctx;
	struct store_task cur;
	int rc = current_task(st, x->id, x->version, &x->a, &cur, e);
	/* Its money first, children before their parent (undo and sync
	 * replay the rows in order). */
	return rc == NTM_OK ? store_exec_script(st, "DELETE FROM fund_entry "
						"WHERE task_id = ?1; DELETE FROM "
						"fund_plan WHERE task_id = ?1; "
						"DELETE FROM task WHERE id = ?1",
						&(struct store_arg){.text = x->id},
						1, e) : rc;
}

int
store_task_delete(struct store *st, const char *id, int expected_version,
		  struct ntm_error *e)
{
	struct task_action x = {.id = id, .version = expected_version};
	int rc = need_plan(st, e);
	if (rc == NTM_OK)
		rc = store_action_run(st, NTM_VERB_TASK_DELETE, delete_work, &x, e);
	arena_free(&x.a);
	return rc;
}
