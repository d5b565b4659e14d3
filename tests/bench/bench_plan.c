/* make bench: a large plan as text — read, imported into an empty
 * commune, written back, carried into next year. The built-in plan's 70
 * tasks repeated 30 times make a plan of 2 100 tasks (larger than any
 * commune writes). Prints figures; asserts nothing. */
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

enum { COPIES = 30 };

static int
fail(const char *what, const struct ntm_error *e)
{
	fprintf(stderr, "bench_plan: %s: %s\n", what, e->msg);
	return 1;
}

int
main(void)
{
	struct arena a = {0};
	struct ntm_plan_doc d;
	struct ntm_error e = {0};
	if (io_plan_builtin(&a, &d, &e))
		return fail("built-in plan", &e);
	/* the tasks repeated, numbered by the reader's rule (STT dropped) */
	struct ntm_doc_task *big = arena_alloc(&a, sizeof *big * (size_t)d.ntasks * COPIES);
	for (int k = 0; k < COPIES; k++)
		for (int i = 0; i < d.ntasks; i++) {
			big[k * d.ntasks + i] = d.tasks[i];
			big[k * d.ntasks + i].number = 0;
		}
	d.tasks = big;
	d.ntasks *= COPIES;
	d.commune = NULL;

	char dir[] = "/tmp/ntm-bench-plan-XXXXXX", path[64], text[64];
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/plan.db", dir);
	snprintf(text, sizeof text, "%s/plan.txt", dir);
	FILE *f = fopen(text, "w");
	if (!f)
		return 1;
	io_plan_write(f, &d);
	long size = ftell(f);
	fclose(f);

	struct arena b = {0};
	struct ntm_plan_doc again;
	double t0 = bench_now();
	if (io_plan_read_file(text, &b, &again, &e))
		return fail("read", &e);
	double t1 = bench_now();
	struct store *st;
	struct store_import_summary sum;
	if (store_create(path, true, "Tân Lập", NULL, &e) ||
	    store_open(&st, path, NULL, &e) || store_use_commune(st, NULL, &e))
		return fail("create", &e);
	double t2 = bench_now();
	if (store_plan_import(st, &again, text, false, &sum, &e))
		return fail("import", &e);
	double t3 = bench_now();
	char out[96];
	snprintf(out, sizeof out, "%s/export.txt", dir);
	if (store_plan_select(st, NULL, &e) || io_plan_export(st, sum.plan_id, out, &e))
		return fail("export", &e);
	double t4 = bench_now();
	struct store_plan_fields next = {.year = 2025, .number = "15/KH-UBND"};
	int carried = 0;
	if (store_plan_copy(st, "2024", &next, NULL, &carried, &e))
		return fail("copy", &e);
	double t5 = bench_now();
	printf("plan:   %d tasks, %.0f kB of text\n", d.ntasks, size / 1e3);
	printf("plan:   read %.1f ms (aim ≤ 100), import %.1f ms (aim ≤ 2000), "
	       "export %.1f ms (aim ≤ 500)\n", (t1 - t0) * 1e3, (t3 - t2) * 1e3,
	       (t4 - t3) * 1e3);
	printf("plan:   copy into next year %.1f ms, %d tasks carried (aim ≤ 1000)\n",
	       (t5 - t4) * 1e3, carried);
	store_close(st);
	arena_free(&a);
	arena_free(&b);
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
