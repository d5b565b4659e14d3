/* The merge of copies, at the store's level: changes exchanged through
 * store_sync_export and store_sync_apply in memory (the file around them
 * is test_syncfile.c's), between copies of one file made with cp. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include "ntm/syncdoc.h"

/* A file's worth of changes, copied out of the export's callbacks. */
struct packet {
	struct ntm_sync_header h;
	struct ntm_sync_record *r;
	long long n;
	struct arena a;
};

static int
collect(void *ctx, const struct ntm_sync_header *h,
	const struct ntm_sync_record *r, struct ntm_error *e)
{
	(void)e;
	struct packet *p = ctx;
	if (h) {
		p->h = *h;
		p->h.commune = arena_strdup(&p->a, h->commune);
		p->h.created_at = arena_strdup(&p->a, h->created_at);
		p->h.ranges = arena_alloc(&p->a, sizeof *h->ranges * (size_t)(h->nranges + 1));
		if (h->nranges)
			memcpy(p->h.ranges, h->ranges, sizeof *h->ranges * (size_t)h->nranges);
		p->h.seen = arena_alloc(&p->a, sizeof *h->seen * (size_t)(h->nseen + 1));
		if (h->nseen)
			memcpy(p->h.seen, h->seen, sizeof *h->seen * (size_t)h->nseen);
		p->r = arena_alloc(&p->a, sizeof *p->r * (size_t)(h->nrecords + 1));
		return NTM_OK;
	}
	struct ntm_sync_record *c = &p->r[p->n++];
	*c = *r;
	c->meta = arena_alloc(&p->a, r->meta_len + 1);
	memcpy((char *)c->meta, r->meta, r->meta_len);
	c->changes = arena_alloc(&p->a, r->changes_len + 1);
	memcpy((void *)c->changes, r->changes, r->changes_len);
	c->audit = arena_alloc(&p->a, r->audit_len + 1);
	memcpy((char *)c->audit, r->audit, r->audit_len);
	return NTM_OK;
}

/* from exports, to applies; the result of the apply. */
static struct store_sync_result
send(struct store *from, struct store *to, bool all)
{
	struct packet p = {0};
	struct ntm_error e = {0};
	struct store_sync_export_opts o = {.all = all};
	assert_int_equal(store_sync_export(from, &o, collect, &p, &e), NTM_OK);
	assert_int_equal(p.n, p.h.nrecords);
	assert_int_equal(store_sync_exported(from, &p.h, &e), NTM_OK);
	struct store_sync_result res;
	int rc = store_sync_apply(to, &p.h, p.r, p.n, false, &res, &e);
	if (rc != NTM_OK)
		fprintf(stderr, "apply: %s\n", e.msg);
	assert_int_equal(rc, NTM_OK);
	arena_free(&p.a);
	return res;
}

static struct store *
open_copy(struct fixture *f, const char *name, const char *person)
{
	char path[192], cmd[512];
	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", f->path, path);
	assert_int_equal(system(cmd), 0);
	struct store_options opt = {.person = person};
	struct store *st;
	struct ntm_error e = {0};
	assert_int_equal(store_open(&st, path, &opt, &e), NTM_OK);
	assert_int_equal(store_use_commune(st, NULL, &e), NTM_OK);
	return st;
}

/* The laptop copy's path. */
static const char *
lap_path(const struct fixture *f)
{
	static char path[192];
	snprintf(path, sizeof path, "%s/lap.db", f->dir);
	return path;
}

/* sql gives `expected` on the office's file and on the laptop's. */
static void
on_both(const struct fixture *f, const char *sql, long expected)
{
	assert_int_equal(query(f->path, sql, NULL), expected);
	assert_int_equal(query(lap_path(f), sql, NULL), expected);
}

/* The conflicts waiting on st. */
static int
waiting(struct store *st)
{
	int n = -1;
	struct ntm_error e = {0};
	assert_int_equal(store_sync_conflict_count(st, &n, &e), NTM_OK);
	return n;
}

static void
set_value(struct store *st, const char *code, double v, const char *date)
{
	struct store_indicator_ref ind;
	struct ntm_error e = {0};
	assert_int_equal(store_indicator_find(st, code, &ind, &e), NTM_OK);
	assert_int_equal(store_measurement_add(st, &ind, v, date, NULL, &e), NTM_OK);
}

static const char *
task_title(struct store *st, int number, struct arena *a)
{
	struct store_task t;
	struct ntm_error e = {0};
	if (store_task_by_number(st, number, a, &t, &e) != NTM_OK)
		return NULL;
	return t.title;
}

static void
edit_title(struct store *st, int number, const char *title)
{
	struct arena a = {0};
	struct store_task t;
	struct ntm_error e = {0};
	assert_int_equal(store_task_by_number(st, number, &a, &t, &e), NTM_OK);
	struct store_task_edit ed = {.title = title, .progress = STORE_PROGRESS_KEEP};
	int rc = store_task_update(st, t.id, t.version, &ed, &e);
	if (rc != NTM_OK)
		fprintf(stderr, "edit: %s\n", e.msg);
	assert_int_equal(rc, NTM_OK);
	arena_free(&a);
}

/* A copy made with cp takes a new replica id; the original keeps its. */
static void
test_copy_new_replica(void **state)
{
	struct fixture *f = *state;
	char before[STORE_ID_LEN];
	snprintf(before, sizeof before, "%s", store_replica_id(f->st));
	struct store *c = open_copy(f, "copy.db", "Lê Chi");
	assert_string_not_equal(store_replica_id(c), before);
	assert_string_equal(store_replica_id(f->st), before);
	assert_int_equal(strlen(store_replica_id(c)), 32);
	store_close(c);
}

/* Values both ways; a file applied twice changes nothing more; the audit
 * rows arrive with their person. */
static void
test_values_both_ways(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	set_value(f->st, "12.2", 80, "2024-06-01");
	set_value(lap, "17.1", 90, "2024-06-02");
	struct store_sync_result r = send(lap, f->st, false);
	assert_int_equal(r.applied, 1);
	assert_int_equal(r.conflicts, 0);
	assert_int_equal(query(f->path, "SELECT count(*) FROM audit WHERE person = "
			       "'Lê Chi' AND replica IS NOT NULL", NULL), 1);
	/* the log says where it came from; the office's own value not */
	struct arena la = {0};
	struct store_log_entry *log;
	int nlog;
	struct ntm_error le = {0};
	assert_int_equal(store_log(f->st, 5, &la, &log, &nlog, &le), NTM_OK);
	assert_true(nlog >= 2);
	assert_non_null(log[0].replica);
	assert_int_equal(strncmp(log[0].replica, store_replica_id(lap), 8), 0);
	assert_null(log[1].replica);
	arena_free(&la);
	r = send(f->st, lap, false);
	assert_int_equal(r.applied, 1);      /* the office's own; lap's is known */
	assert_int_equal(r.known, 1);
	/* again: nothing new */
	r = send(lap, f->st, true);
	assert_int_equal(r.applied, 0);
	const char *lpath = lap_path(f);
	assert_int_equal(query(lpath, "SELECT count(*) FROM measurement", NULL),
			 query(f->path, "SELECT count(*) FROM measurement", NULL));
	store_close(lap);
}

/* A task's title edited on both sides: a conflict on each, settled on
 * one copy; after the next exchange both hold the settled title and
 * nothing waits. */
static void
test_conflict_settled_spreads(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	edit_title(f->st, 3, "Văn phòng");
	edit_title(lap, 3, "Hiện trường");
	struct store_sync_result r = send(lap, f->st, false);
	assert_int_equal(r.conflicts, 1);
	r = send(f->st, lap, false);
	assert_int_equal(r.conflicts, 1);
	struct arena a = {0};
	struct store_sync_conflict *c;
	int n;
	struct ntm_error e = {0};
	assert_int_equal(store_sync_conflicts(f->st, &a, &c, &n, &e), NTM_OK);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].entity, "task");
	assert_non_null(strstr(c[0].ours, "Văn phòng"));
	assert_non_null(strstr(c[0].theirs, "Hiện trường"));
	assert_string_equal(task_title(f->st, 3, &a), "Văn phòng");
	assert_int_equal(store_sync_resolve(f->st, "1", true, STORE_ANY_VERSION, &e), NTM_OK);
	assert_string_equal(task_title(f->st, 3, &a), "Hiện trường");
	r = send(f->st, lap, false);
	assert_int_equal(r.conflicts, 0);
	assert_true(r.closed >= 1);
	assert_string_equal(task_title(lap, 3, &a), "Hiện trường");
	assert_int_equal(waiting(lap), 0);
	assert_int_equal(waiting(f->st), 0);
	r = send(lap, f->st, false);
	assert_int_equal(r.conflicts, 0);
	assert_string_equal(task_title(f->st, 3, &a), "Hiện trường");
	arena_free(&a);
	store_close(lap);
}

/* Taking ours writes nothing new here but still reaches the other copy. */
static void
test_take_ours_spreads(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	edit_title(f->st, 4, "Giữ văn phòng");
	edit_title(lap, 4, "Của laptop");
	send(lap, f->st, false);
	send(f->st, lap, false);
	struct ntm_error e = {0};
	assert_int_equal(store_sync_resolve(f->st, "1", false, STORE_ANY_VERSION, &e), NTM_OK);
	send(f->st, lap, false);
	struct arena a = {0};
	assert_string_equal(task_title(lap, 4, &a), "Giữ văn phòng");
	assert_int_equal(waiting(lap), 0);
	arena_free(&a);
	store_close(lap);
}

/* Tasks added on both sides while apart: both keep their tasks, and
 * after the exchanges every task has its own number, the same on both. */
static void
test_tasks_added_both_sides(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	struct ntm_error e = {0};
	char id1[STORE_ID_LEN], id2[STORE_ID_LEN];
	struct store_task_edit t1 = {.title = "Việc văn phòng", .progress = STORE_PROGRESS_KEEP};
	struct store_task_edit t2 = {.title = "Việc hiện trường", .progress = STORE_PROGRESS_KEEP};
	assert_int_equal(store_task_add(f->st, "giao_thong", &t1, id1, &e), NTM_OK);
	assert_int_equal(store_task_add(lap, "giao_thong", &t2, id2, &e), NTM_OK);
	for (int i = 0; i < 3; i++) {
		send(lap, f->st, false);
		send(f->st, lap, false);
	}
	const char *lpath = lap_path(f);
	const char *dup = "SELECT count(*) FROM (SELECT plan_id, number FROM task "
			  "GROUP BY 1, 2 HAVING count(*) > 1)";
	assert_int_equal(query(f->path, dup, NULL), 0);
	assert_int_equal(query(lpath, dup, NULL), 0);
	const char *sum = "SELECT sum(number * length(title)) FROM task";
	assert_int_equal(query(f->path, sum, NULL), query(lpath, sum, NULL));
	store_close(lap);
}

/* The same item ticked on both sides on different days: no conflict,
 * both keep the earliest tick. */
static void
test_same_tick_both_sides(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	struct ntm_error e = {0};
	assert_int_equal(store_item_set_done(f->st, f->cd, "1", true, "2024-05-03", &e), NTM_OK);
	assert_int_equal(store_item_set_done(lap, f->cd, "1", true, "2024-05-01", &e), NTM_OK);
	struct store_sync_result r = send(lap, f->st, false);
	assert_int_equal(r.conflicts, 0);
	r = send(f->st, lap, false);
	assert_int_equal(r.conflicts, 0);
	on_both(f, "SELECT count(*) FROM checklist_item WHERE done_on = '2024-05-01'", 1);
	store_close(lap);
}

/* An item removed on one side and renamed on the other: a conflict on
 * each side, "(đã xóa)" on the side that removed it. */
static void
test_delete_against_edit(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	struct ntm_error e = {0};
	struct arena a = {0};
	struct store_item it;
	assert_int_equal(store_item_resolve(f->st, f->cd, "2", &a, &it, &e), NTM_OK);
	assert_int_equal(store_item_remove(f->st, f->cd, "2", &e), NTM_OK);
	assert_int_equal(store_item_set_done(lap, f->cd, "2", true, "2024-05-01", &e), NTM_OK);
	struct store_sync_result r = send(lap, f->st, false);
	assert_int_equal(r.conflicts, 1);
	struct store_sync_conflict *c;
	int n;
	assert_int_equal(store_sync_conflicts(f->st, &a, &c, &n, &e), NTM_OK);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].kind, "delete");
	assert_string_equal(c[0].ours, "(đã xóa)");
	r = send(f->st, lap, false);
	assert_int_equal(r.conflicts, 1);
	/* the office takes theirs: the item comes back, ticked, everywhere */
	assert_int_equal(store_sync_resolve(f->st, "1", true, STORE_ANY_VERSION, &e), NTM_OK);
	assert_int_equal(query(f->path, "SELECT done FROM checklist_item WHERE id = ?1", it.id), 1);
	send(f->st, lap, false);
	assert_int_equal(waiting(lap), 0);
	arena_free(&a);
	store_close(lap);
}

/* The same new item title added on both sides: a conflict of kind
 * unique, settled for theirs; then both copies hold one item. */
static void
test_unique_title_both_sides(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	struct ntm_error e = {0};
	assert_int_equal(store_item_add(f->st, f->cd, "Nhà văn hoá mới", &e), NTM_OK);
	assert_int_equal(store_item_add(lap, f->cd, "Nhà văn hoá mới", &e), NTM_OK);
	struct store_sync_result r = send(lap, f->st, false);
	assert_int_equal(r.conflicts, 1);
	send(f->st, lap, false);
	struct arena a = {0};
	struct store_sync_conflict *c;
	int n;
	assert_int_equal(store_sync_conflicts(f->st, &a, &c, &n, &e), NTM_OK);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].kind, "unique");
	assert_int_equal(store_sync_resolve(f->st, c[0].id, true, c[0].version, &e), NTM_OK);
	send(f->st, lap, false);
	send(lap, f->st, false);
	const char *lpath = lap_path(f);
	const char *q = "SELECT count(*) || ':' || max(id) FROM checklist_item WHERE title = 'Nhà văn hoá mới'";
	assert_int_equal(query(f->path, "SELECT count(*) FROM checklist_item WHERE title = 'Nhà văn hoá mới'", NULL), 1);
	assert_int_equal(query(lpath, "SELECT count(*) FROM checklist_item WHERE title = 'Nhà văn hoá mới'", NULL), 1);
	(void)q;
	assert_int_equal(waiting(lap), 0);
	assert_int_equal(waiting(f->st), 0);
	arena_free(&a);
	store_close(lap);
}

/* Undoing a settlement puts the row back and the conflict waits again. */
static void
test_undo_settlement(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	edit_title(f->st, 5, "A");
	edit_title(lap, 5, "B");
	send(lap, f->st, false);
	struct ntm_error e = {0};
	assert_int_equal(store_sync_resolve(f->st, "1", true, STORE_ANY_VERSION, &e), NTM_OK);
	struct arena a = {0};
	assert_string_equal(task_title(f->st, 5, &a), "B");
	char undo[STORE_ID_LEN];
	assert_int_equal(store_undo(f->st, store_my_last_action(f->st), undo, &e), NTM_OK);
	assert_string_equal(task_title(f->st, 5, &a), "A");
	assert_int_equal(waiting(f->st), 1);
	arena_free(&a);
	store_close(lap);
}

/* Three copies: A's changes reach B through the office; a village
 * renamed on one copy reaches all; at the end the same rows. */
static void
test_three_copies(void **state)
{
	struct fixture *f = *state;
	struct store *a = open_copy(f, "a.db", "Lê Chi");
	struct store *b = open_copy(f, "b.db", "Phạm Dũng");
	struct ntm_error e = {0};
	set_value(a, "12.2", 70, "2024-07-01");
	assert_int_equal(store_village_rename(b, "Cự Đình", STORE_ANY_VERSION, "Cự Đình Mới", &e), NTM_OK);
	edit_title(f->st, 6, "Văn phòng sửa");
	send(a, f->st, false);
	send(b, f->st, false);
	send(f->st, a, false);
	send(f->st, b, false);
	send(a, f->st, false);
	send(b, f->st, false);
	send(f->st, a, false);
	send(f->st, b, false);
	char pa[192], pb[192];
	snprintf(pa, sizeof pa, "%s/a.db", f->dir);
	snprintf(pb, sizeof pb, "%s/b.db", f->dir);
	const char *qs[] = {
		"SELECT count(*) FROM measurement",
		"SELECT count(*) FROM unit WHERE name = 'Cự Đình Mới'",
		"SELECT count(*) FROM task WHERE title = 'Văn phòng sửa'",
		"SELECT count(DISTINCT action_id) FROM audit",
	};
	for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
		long o = query(f->path, qs[i], NULL);
		assert_true(o > 0);
		assert_int_equal(query(pa, qs[i], NULL), o);
		assert_int_equal(query(pb, qs[i], NULL), o);
	}
	store_close(a);
	store_close(b);
}

/* Refused with nothing written: a file of a newer schema, of another
 * commune, or one that starts after changes this copy never got. */
static void
test_refusals(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	set_value(lap, "12.2", 60, "2024-07-01");
	set_value(lap, "12.2", 61, "2024-07-02");
	struct packet p = {0};
	struct ntm_error e = {0};
	struct store_sync_export_opts o = {0};
	assert_int_equal(store_sync_export(lap, &o, collect, &p, &e), NTM_OK);
	long before = query(f->path, "SELECT count(*) FROM audit", NULL);
	struct store_sync_result res;
	p.h.schema = STORE_SCHEMA_VERSION + 1;
	assert_int_equal(store_sync_apply(f->st, &p.h, p.r, p.n, false, &res, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "lược đồ"));
	p.h.schema = STORE_SCHEMA_VERSION;
	char keep[NTM_SYNC_ID_LEN];
	memcpy(keep, p.h.commune_id, sizeof keep);
	memset(p.h.commune_id, 'a', 32);
	assert_int_equal(store_sync_apply(f->st, &p.h, p.r, p.n, false, &res, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "bản sao của chính tệp này"));
	memcpy(p.h.commune_id, keep, sizeof keep);
	/* only the second change: the first is missing here */
	p.h.ranges[0].from = 1;
	assert_int_equal(store_sync_apply(f->st, &p.h, p.r + 1, 1, false, &res, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "thiếu"));
	assert_int_equal(query(f->path, "SELECT count(*) FROM audit", NULL), before);
	/* a dry run applies, then writes nothing */
	p.h.ranges[0].from = 0;
	assert_int_equal(store_sync_apply(f->st, &p.h, p.r, p.n, true, &res, &e), NTM_OK);
	assert_int_equal(res.applied, 2);
	assert_int_equal(query(f->path, "SELECT count(*) FROM audit", NULL), before);
	arena_free(&p.a);
	store_close(lap);
}

/* Two copies of a file made before schema 7 (they share the id `ntm
 * init` gave): each takes its own at the migration, and they merge. */
static void
test_copies_made_before_v7(void **state)
{
	struct fixture *f = *state;
	store_close(f->st);
	f->st = NULL;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE fund_entry; DROP TABLE fund_plan; DROP TABLE fund_source; DROP TABLE sync_idmap; DROP TABLE sync_heard; DROP TABLE sync_target; DROP TABLE sync_change; DROP TABLE "
		"sync_origin; DROP TABLE sync_peer; DROP TABLE sync_row; DROP TABLE "
		"sync_conflict; ALTER TABLE audit DROP COLUMN replica; DELETE FROM meta WHERE key = "
		"'replica_stamp'; DROP INDEX task_number; CREATE UNIQUE INDEX "
		"task_number ON task(plan_id, number); PRAGMA user_version = 6",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	struct ntm_error e = {0};
	struct store_options opt = {.person = "Nguyễn Văn An"};
	assert_int_equal(store_open(&f->st, f->path, &opt, &e), NTM_OK);
	assert_int_equal(store_use_commune(f->st, NULL, &e), NTM_OK);
	assert_string_not_equal(store_replica_id(f->st), store_replica_id(lap));
	set_value(lap, "12.2", 55, "2024-08-01");
	set_value(f->st, "12.2", 56, "2024-08-02");
	send(lap, f->st, false);
	send(f->st, lap, false);
	on_both(f, "SELECT count(*) FROM measurement WHERE as_of LIKE '2024-08-%'", 2);
	store_close(lap);
}

/* The same plan (year and number) made on both copies, each with a task
 * of its own: settled for theirs, their plan takes ours's place and our
 * task moves into it; after the exchange both copies hold one plan with
 * both tasks, numbered apart, and nothing waits. */
static void
test_same_plan_both_sides(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	struct ntm_error e = {0};
	struct store_plan_fields pf = {.year = 2025, .number = "01/KH-UBND",
				       .title = "Kế hoạch 2025"};
	char p1[STORE_ID_LEN], p2[STORE_ID_LEN], t1[STORE_ID_LEN], t2[STORE_ID_LEN];
	assert_int_equal(store_plan_new(f->st, &pf, p1, &e), NTM_OK);
	assert_int_equal(store_plan_new(lap, &pf, p2, &e), NTM_OK);
	assert_int_equal(store_use_commune(f->st, NULL, &e), NTM_OK);
	assert_int_equal(store_use_commune(lap, NULL, &e), NTM_OK);
	struct store_task_edit a = {.title = "Việc văn phòng 2025", .progress = STORE_PROGRESS_KEEP};
	struct store_task_edit b = {.title = "Việc laptop 2025", .progress = STORE_PROGRESS_KEEP};
	assert_int_equal(store_task_add(f->st, "giao_thong", &a, t1, &e), NTM_OK);
	assert_int_equal(store_task_add(lap, "giao_thong", &b, t2, &e), NTM_OK);
	send(lap, f->st, false);
	send(f->st, lap, false);
	struct arena ar = {0};
	struct store_sync_conflict *c;
	int n;
	assert_int_equal(store_sync_conflicts(f->st, &ar, &c, &n, &e), NTM_OK);
	assert_true(n >= 1);
	assert_string_equal(c[0].entity, "plan");
	int rc = store_sync_resolve(f->st, c[0].id, true, STORE_ANY_VERSION, &e);
	if (rc != NTM_OK)
		fprintf(stderr, "resolve: %s\n", e.msg);
	assert_int_equal(rc, NTM_OK);
	/* ours task survived, under their plan, and theirs came in */
	assert_int_equal(query(f->path, "SELECT count(*) FROM task WHERE plan_id = ?1", p2), 2);
	assert_int_equal(query(f->path, "SELECT count(*) FROM plan WHERE id = ?1", p1), 0);
	for (int i = 0; i < 2; i++) {
		send(f->st, lap, false);
		send(lap, f->st, false);
	}
	const char *lpath = lap_path(f);
	assert_int_equal(query(lpath, "SELECT count(*) FROM task WHERE plan_id = ?1", p2), 2);
	const char *dup = "SELECT count(*) FROM (SELECT plan_id, number FROM task "
			  "GROUP BY 1, 2 HAVING count(*) > 1)";
	assert_int_equal(query(f->path, dup, NULL), 0);
	assert_int_equal(query(lpath, dup, NULL), 0);
	assert_int_equal(waiting(lap), 0);
	assert_int_equal(waiting(f->st), 0);
	arena_free(&ar);
	store_close(lap);
}

/* A village added on both sides under one name: a conflict, not two
 * villages of one name. */
static void
test_same_village_both_sides(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	struct ntm_error e = {0};
	assert_int_equal(store_village_add(f->st, "Thôn Mới", false, &e), NTM_OK);
	assert_int_equal(store_village_add(lap, "Thôn Mới", false, &e), NTM_OK);
	struct store_sync_result r = send(lap, f->st, false);
	assert_true(r.conflicts >= 1);
	assert_int_equal(query(f->path, "SELECT count(*) FROM unit WHERE name = 'Thôn Mới'", NULL), 1);
	store_close(lap);
}

/* A village removed with its items on one copy: removed on the other,
 * with no conflict (its items go first). */
static void
test_village_removed(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	struct ntm_error e = {0};
	assert_int_equal(store_village_remove(lap, "Cự Đình", true, &e), NTM_OK);
	struct store_sync_result r = send(lap, f->st, false);
	assert_int_equal(r.conflicts, 0);
	assert_int_equal(query(f->path, "SELECT count(*) FROM unit WHERE id = ?1", f->cd), 0);
	store_close(lap);
}

/* The office's file overwritten by an older backup (same inode, same
 * id): its new change reuses a number the laptop holds for a lost one.
 * The laptop refuses the office's file; the office, given the laptop's,
 * moves its new changes to a new id and gets the lost one back; then
 * both hold both changes. */
static void
test_restored_backup(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	char cmd[512];
	store_close(f->st);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s/backup.db'", f->path, f->dir);
	assert_int_equal(system(cmd), 0);
	struct ntm_error e = {0};
	struct store_options opt = {.person = "Nguyễn Văn An"};
	assert_int_equal(store_open(&f->st, f->path, &opt, &e), NTM_OK);
	assert_int_equal(store_use_commune(f->st, NULL, &e), NTM_OK);
	set_value(f->st, "2.1", 10, "2024-09-01");       /* lost by the restore */
	send(f->st, lap, false);
	store_close(f->st);
	snprintf(cmd, sizeof cmd, "cp '%s/backup.db' '%s'", f->dir, f->path);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(store_open(&f->st, f->path, &opt, &e), NTM_OK);
	assert_int_equal(store_use_commune(f->st, NULL, &e), NTM_OK);
	set_value(f->st, "2.2", 77, "2024-09-02");       /* same number, new */
	/* the laptop refuses the office's file: nothing lost silently */
	struct packet p = {0};
	struct store_sync_export_opts o = {.all = true};
	assert_int_equal(store_sync_export(f->st, &o, collect, &p, &e), NTM_OK);
	struct store_sync_result res;
	assert_int_equal(store_sync_apply(lap, &p.h, p.r, p.n, false, &res, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "bản lưu"));
	arena_free(&p.a);
	/* the office takes the laptop's file: its new change moves */
	char old[STORE_ID_LEN];
	snprintf(old, sizeof old, "%s", store_replica_id(f->st));
	struct store_sync_result r = send(lap, f->st, true);
	assert_true(r.relabeled);
	assert_string_not_equal(store_replica_id(f->st), old);
	send(f->st, lap, false);
	const char *lpath = lap_path(f);
	const char *q = "SELECT count(*) FROM measurement WHERE as_of IN "
			"('2024-09-01', '2024-09-02')";
	assert_int_equal(query(f->path, q, NULL), 2);
	assert_int_equal(query(lpath, q, NULL), 2);
	store_close(lap);
}

/* A village renamed on both sides: one conflict, its name; the old name
 * both kept as another name is one row, not a second conflict. */
static void
test_village_renamed_both_sides(void **state)
{
	struct fixture *f = *state;
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	struct ntm_error e = {0};
	assert_int_equal(store_village_rename(f->st, "Cự Đình", STORE_ANY_VERSION, "Cự Đình Mới", &e), NTM_OK);
	assert_int_equal(store_village_rename(lap, "Cự Đình", STORE_ANY_VERSION, "Cự Đình Cũ", &e), NTM_OK);
	struct store_sync_result r = send(lap, f->st, false);
	assert_int_equal(r.conflicts, 1);
	send(f->st, lap, false);
	assert_int_equal(waiting(lap), 1);
	on_both(f, "SELECT count(*) FROM unit_alias WHERE name = 'Cự Đình'", 1);
	store_close(lap);
}

/* A plan removed here while the other copy added a task to it: taking
 * their task brings the plan back with it. */
static void
test_task_of_removed_plan(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_plan_fields pf = {.year = 2026, .number = "02/KH-UBND",
				       .title = "Kế hoạch 2026"};
	char pid[STORE_ID_LEN], tid[STORE_ID_LEN];
	assert_int_equal(store_plan_new(f->st, &pf, pid, &e), NTM_OK);
	struct store *lap = open_copy(f, "lap.db", "Lê Chi");
	assert_int_equal(store_plan_remove(f->st, pid, STORE_ANY_VERSION, true, &e), NTM_OK);
	struct store_task_edit t = {.title = "Việc của kế hoạch bị xóa", .progress = STORE_PROGRESS_KEEP};
	assert_int_equal(store_use_commune(lap, NULL, &e), NTM_OK);
	assert_int_equal(store_task_add(lap, "giao_thong", &t, tid, &e), NTM_OK);
	struct store_sync_result r = send(lap, f->st, false);
	assert_true(r.conflicts >= 1);
	struct arena a = {0};
	struct store_sync_conflict *c;
	int n;
	assert_int_equal(store_sync_conflicts(f->st, &a, &c, &n, &e), NTM_OK);
	int k = -1;
	for (int i = 0; i < n; i++)
		if (strcmp(c[i].entity, "task") == 0)
			k = i;
	assert_true(k >= 0);
	int rc = store_sync_resolve(f->st, c[k].id, true, STORE_ANY_VERSION, &e);
	if (rc != NTM_OK)
		fprintf(stderr, "resolve: %s\n", e.msg);
	assert_int_equal(rc, NTM_OK);
	assert_int_equal(query(f->path, "SELECT count(*) FROM plan WHERE id = ?1", pid), 1);
	assert_int_equal(query(f->path, "SELECT count(*) FROM task WHERE id = ?1", tid), 1);
	arena_free(&a);
	store_close(lap);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_copy_new_replica, setup, teardown),
		cmocka_unit_test_setup_teardown(test_values_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflict_settled_spreads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_take_ours_spreads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tasks_added_both_sides, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_tick_both_sides, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_against_edit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unique_title_both_sides, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_settlement, setup, teardown),
		cmocka_unit_test_setup_teardown(test_three_copies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_copies_made_before_v7, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_plan_both_sides, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_village_both_sides, setup, teardown),
		cmocka_unit_test_setup_teardown(test_village_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restored_backup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_village_renamed_both_sides, setup, teardown),
		cmocka_unit_test_setup_teardown(test_task_of_removed_plan, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
