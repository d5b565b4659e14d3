/* make bench: the field laptop's merge at scale — 10 000 changes made on
 * one copy (values recorded, task progress, checklist ticks: one action
 * each), exported to a sync file and applied to another copy; then the
 * same file again (all known). Prints figures; asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "ntm/io.h"
#include "ntm/plandoc.h"
#include "ntm/store.h"
#include "ntm/syncdoc.h"
/* the generator writes without fsync, through the store's connection */
#include "../../src/store/internal.h"

enum { NCHANGES = 10000 };

static int
fail(const char *what, const struct ntm_error *e)
{
	printf("bench_sync: %s: %s\n", what, e->msg);
	return 1;
}

static struct store *
open_at(const char *path, struct ntm_error *e)
{
	struct store_options opt = {.person = "Bench"};
	struct store *st = NULL;
	if (store_open(&st, path, &opt, e) || store_use_commune(st, NULL, e)) {
		store_close(st);
		return NULL;
	}
	return st;
}

/* NCHANGES actions on st: one in three a value, a task's progress, a tick. */
static int
make_changes(struct store *st, struct ntm_error *e)
{
	static const char *const codes[] = {"12.2", "17.1", "2.1", "9.1", "6.1"};
	struct arena a = {0};
	struct store_task *tasks;
	int ntasks;
	struct store_village *v;
	int nv;
	if (store_tasks(st, NULL, &a, &tasks, &ntasks, e) ||
	    store_villages(st, &a, &v, &nv, e) || ntasks == 0 || nv == 0)
		return NTM_FAIL;
	sqlite3_exec(st->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	for (int i = 0; i < NCHANGES; i++) {
		int rc = NTM_OK;
		if (i % 3 == 0) {
			struct store_indicator_ref ind;
			char date[16];
			snprintf(date, sizeof date, "2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
			rc = store_indicator_find(st, codes[i % 5], &ind, e);
			if (rc == NTM_OK)
				rc = store_measurement_add(st, &ind, 50 + i % 50, date,
							   NULL, e);
		} else if (i % 3 == 1) {
			struct store_task t;
			rc = store_task_get(st, tasks[i % ntasks].id, &a, &t, e);
			struct store_task_edit ed = {.progress = (t.progress + 1) % 100};
			if (rc == NTM_OK)
				rc = store_task_update(st, t.id, t.version, &ed, e);
		} else {
			/* ticked or unticked: the other way from what it is */
			char item[8];
			struct store_item it;
			snprintf(item, sizeof item, "%d", 1 + i % 5);
			rc = store_item_resolve(st, v[i % nv].id, item, &a, &it, e);
			if (rc == NTM_OK)
				rc = store_item_set_done(st, v[i % nv].id, item,
							 !it.done, "2024-05-01", e);
		}
		if (rc != NTM_OK)
			return rc;
	}
	sqlite3_exec(st->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	arena_free(&a);
	return NTM_OK;
}

static double
apply_file(struct store *st, const char *path, struct store_sync_result *res,
	   struct ntm_error *e, double *read_s)
{
	double t0 = bench_now();
	struct io_sync_file f;
	if (io_sync_read(path, &f, e) != NTM_OK)
		return -1;
	*read_s = bench_now() - t0;
	int rc = store_sync_apply(st, f.h, f.recs, f.n, false, res, e);
	io_sync_free(&f);
	return rc == NTM_OK ? bench_now() - t0 : -1;
}

int
main(void)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char dir[256], a_path[300], b_path[300], file[300], cmd[1400];
	snprintf(dir, sizeof dir, "%s/ntm-bench-sync-XXXXXX", tmp);
	if (!mkdtemp(dir))
		return 1;
	snprintf(a_path, sizeof a_path, "%s/office.db", dir);
	snprintf(b_path, sizeof b_path, "%s/laptop.db", dir);
	snprintf(file, sizeof file, "%s/changes.ntmsync", dir);
	struct ntm_error e = {0};
	struct arena a = {0};
	struct ntm_plan_doc plan;
	if (io_plan_builtin(&a, &plan, &e) ||
	    store_create(a_path, false, NULL, &plan, &e))
		return fail("create", &e);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && cp '%s' '%s.orig'", a_path,
		 b_path, a_path, a_path);
	if (system(cmd) != 0)
		return 1;
	struct store *office = open_at(a_path, &e), *laptop = open_at(b_path, &e);
	if (!office || !laptop)
		return fail("open", &e);

	double t0 = bench_now();
	if (make_changes(laptop, &e))
		return fail("changes", &e);
	double made = bench_now() - t0;

	t0 = bench_now();
	struct io_sync_written w = {0};
	struct store_sync_export_opts o = {0};
	if (io_sync_export(laptop, &o, file, &w, &e))
		return fail("export", &e);
	double exported = bench_now() - t0;

	struct store_sync_result r1, r2;
	double read1, read2;
	double applied = apply_file(office, file, &r1, &e, &read1);
	if (applied < 0)
		return fail("apply", &e);
	double again = apply_file(office, file, &r2, &e, &read2);
	if (again < 0)
		return fail("apply again", &e);

	printf("sync: %d changes made on a copy in %.1f s (one action each, no fsync)\n",
	       NCHANGES, made);
	printf("sync: export %lld changes, %.1f MB: %.0f ms (aim ≤ 1000)\n",
	       w.records, w.bytes / 1e6, exported * 1000);
	printf("sync: apply %lld new (%lld rows, %d conflicts): %.0f ms, of which "
	       "reading and checking the file %.0f ms (aim ≤ 1000)\n",
	       r1.applied, r1.rows, r1.conflicts, applied * 1000, read1 * 1000);
	printf("sync: apply the same file again (%lld known): %.0f ms\n",
	       r2.known, again * 1000);
	store_close(office);
	store_close(laptop);
	arena_free(&a);
	if (getenv("NTM_BENCH_KEEP")) {
		printf("sync: kept %s\n", dir);
		return 0;
	}
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
