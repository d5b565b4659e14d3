/* make bench: money at a busy commune's scale — the built-in plan's 70
 * tasks with planned capital from three sources each and 20 000 entries
 * (received, paid, completed, a reversal now and then), as a finance
 * officer would have after years of works. Times the summary (what tab
 * Vốn, Tổng quan and ntm status read), one task's money (the detail
 * pane), every entry (ntm fund list) and one new entry with its overdraw
 * check. Prints figures; asserts nothing. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/plandoc.h"
#include "ntm/store.h"

enum { NENTRIES = 20000, RUNS = 15 };

/* The rows written straight into the file (as years of use would leave
 * them; the store's own writes are timed below). */
static int
fill(const char *path)
{
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	static const char SQL[] =
		"BEGIN;"
		"INSERT INTO fund_plan(id, task_id, source_id, amount) "
		"SELECT lower(hex(randomblob(16))), t.id, s.id, 500000000 "
		"FROM task t JOIN fund_source s ON s.ord <= 3;"
		"WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n "
		"  WHERE k < 19999), tt AS (SELECT id, row_number() OVER () - 1 "
		"  AS r FROM task), c AS (SELECT count(*) AS m FROM task) "
		"INSERT INTO fund_entry(id, task_id, kind, source_id, amount, "
		"  on_date, doc, note, recorded_by, recorded_at) "
		"SELECT lower(hex(randomblob(16))), tt.id, CASE k % 3 WHEN 0 THEN "
		"  'received' WHEN 1 THEN 'paid' ELSE 'completed' END, CASE WHEN "
		"  k % 3 = 2 THEN NULL ELSE (SELECT id FROM fund_source WHERE ord "
		"  = 1 + k % 3) END, 1000000 + (k % 97) * 250000, date('2020-01-01', "
		"  '+' || (k % 1800) || ' days'), 'CT-' || k, NULL, 'bench', "
		"  '2024-01-01T00:00:00Z' FROM n, c JOIN tt ON tt.r = n.k % c.m;"
		"COMMIT;";
	int rc = sqlite3_exec(db, SQL, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

/* The median of RUNS calls of fn, in ms. */
static double
median(int (*fn)(struct store *, void *), struct store *st, void *ctx)
{
	double t[RUNS];
	for (int i = 0; i < RUNS; i++) {
		double t0 = bench_now();
		if (fn(st, ctx) != NTM_OK)
			return -1;
		t[i] = (bench_now() - t0) * 1000;
	}
	qsort(t, RUNS, sizeof *t, bench_cmp_double);
	return t[RUNS / 2];
}

static int
summary(struct store *st, void *ctx)
{
	(void)ctx;
	struct arena a = {0};
	struct store_fund_summary s;
	struct ntm_error e = {0};
	int rc = store_fund_summary(st, &a, &s, &e);
	arena_free(&a);
	return rc;
}

static int
one_task(struct store *st, void *ctx)
{
	struct arena a = {0};
	struct store_fund_task t;
	struct ntm_error e = {0};
	int rc = store_fund_task(st, ctx, &a, &t, &e);
	arena_free(&a);
	return rc;
}

static int
entries(struct store *st, void *ctx)
{
	(void)ctx;
	struct arena a = {0};
	struct store_fund_entry *x;
	int n;
	struct ntm_error e = {0};
	int rc = store_fund_entries(st, NULL, &a, &x, &n, &e);
	arena_free(&a);
	return rc;
}

static int
add(struct store *st, void *ctx)
{
	struct ntm_error e = {0};
	struct store_fund_new in = {.task_id = ctx, .kind = NTM_FUND_PAID,
				    .source = "ns_tinh", .amount = 1000,
				    .force = true};
	return store_fund_add(st, &in, NULL, &e);
}

int
main(void)
{
	char dir[] = "/tmp/ntm-bench-fund-XXXXXX", path[64];
	struct arena a = {0};
	struct ntm_error e = {0};
	struct ntm_plan_doc plan;
	struct store *st;
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/ntm.db", dir);
	if (io_plan_builtin(&a, &plan, &e) ||
	    store_create(path, false, NULL, &plan, &e) || fill(path) ||
	    store_open(&st, path, &(struct store_options){.person = "bench"}, &e) ||
	    store_use_commune(st, NULL, &e)) {
		fprintf(stderr, "bench_fund: %s\n", e.msg);
		return 1;
	}
	struct store_task t;
	if (store_task_by_number(st, 1, &a, &t, &e))
		return 1;
	printf("money: 70 tasks × 3 sources planned, %d entries\n", NENTRIES);
	printf("  summary (tab Vốn, status), median   %7.1f ms\n",
	       median(summary, st, NULL));
	printf("  one task's money (detail pane)      %7.1f ms\n",
	       median(one_task, st, t.id));
	printf("  every entry (fund list)             %7.1f ms\n",
	       median(entries, st, NULL));
	printf("  a new entry with its checks         %7.1f ms\n",
	       median(add, st, t.id));
	store_close(st);
	arena_free(&a);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
