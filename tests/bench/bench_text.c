/* make bench: folding and width of 1 MB of Vietnamese text, and search
 * over 100 000 rows. Prints figures; asserts nothing (not a timed test). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "ntm/store.h"
#include "ntm/text.h"

/* About 1 MB of Vietnamese lines: the plan's task sentences, repeated. */
static char *
sample_text(size_t want, size_t *len)
{
	FILE *f = fopen("share/ntm/plan-2024.txt", "rb");
	char *src = calloc(1, 1 << 20);
	size_t n = f ? fread(src, 1, (1 << 20) - 1, f) : 0;
	if (f)
		fclose(f);
	if (n == 0)
		n = strlen(strcpy(src, "Nông thôn mới Việt Hưng, đường giao thông.\n"));
	char *out = malloc(want + n + 1);
	size_t k = 0;
	while (k < want) {
		memcpy(out + k, src, n);
		k += n;
	}
	out[k] = '\0';
	free(src);
	*len = k;
	return out;
}

static void
bench_fold_width(void)
{
	size_t len;
	char *text = sample_text(1 << 20, &len);
	double t0 = bench_now();
	char *f = text_fold(text);
	double t1 = bench_now();
	/* width line by line, as a screen would measure */
	long cols = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
		cols += text_width(line);
	double t2 = bench_now();
	printf("fold:   %.1f MB in %.1f ms = %.0f MB/s (aim ≥ 50)\n", len / 1e6,
	       (t1 - t0) * 1e3, len / 1e6 / (t1 - t0));
	printf("width:  %.1f MB in %.1f ms = %.0f MB/s (%ld columns)\n", len / 1e6,
	       (t2 - t1) * 1e3, len / 1e6 / (t2 - t1), cols);
	free(f);
	free(text);
}

static const char *const WORDS[] = {
	"đường", "giao", "thông", "nông", "thôn", "mới", "văn", "hóa", "nhà",
	"trường", "học", "nước", "sạch", "rác", "thải", "môi", "hoa", "cây",
	"xanh", "thủy", "lợi", "điện", "chợ", "Dương", "người", "dân", "việc",
};

static void
fill(const char *path, int rows)
{
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, "BEGIN; INSERT INTO unit(id, parent_id, level, name) "
		     "SELECT 'bench', id, 'thon', 'Thôn thử' FROM unit WHERE level = 'xa'",
		     0, 0, 0);
	sqlite3_stmt *s;
	sqlite3_prepare_v2(db, "INSERT INTO checklist_item(id, unit_id, title, ord) "
			   "VALUES (?1, 'bench', ?2, ?3)", -1, &s, NULL);
	srand(42);
	for (int i = 0; i < rows; i++) {
		char id[40], title[256] = "";
		snprintf(id, sizeof id, "b%08d", i);
		for (int w = 0; w < 6; w++) {
			strcat(title, WORDS[rand() % (int)(sizeof WORDS / sizeof *WORDS)]);
			strcat(title, " ");
		}
		snprintf(title + strlen(title), 20, "%d", i);
		sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, title, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(s, 3, i);
		sqlite3_step(s);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	sqlite3_exec(db, "COMMIT", 0, 0, 0);
	sqlite3_close(db);
}

static void
bench_search(void)
{
	char dir[] = "/tmp/ntm-bench-XXXXXX", path[64];
	if (!mkdtemp(dir))
		return;
	snprintf(path, sizeof path, "%s/b.db", dir);
	struct ntm_error e = {0};
	double t0 = bench_now();
	store_create(path, true, "Xã thử", NULL, &e);
	fill(path, 100000);
	double t1 = bench_now();
	printf("search: 100000 rows written and indexed in %.1f s\n", t1 - t0);
	struct store *st;
	if (store_open(&st, path, NULL, &e) || store_use_commune(st, NULL, &e)) {
		printf("search: %s\n", e.msg);
		return;
	}
	static const char *const queries[] = {"duong", "đường", "nha van hoa",
					      "nguy*", "99999", "xyz"};
	for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
		double best = 1e9;
		int hits = 0;
		for (int run = 0; run < 5; run++) {
			struct arena a = {0};
			struct store_hit *h;
			double s0 = bench_now();
			store_search(st, queries[q], 50, &a, &h, &hits, &e);
			double s1 = bench_now();
			best = s1 - s0 < best ? s1 - s0 : best;
			arena_free(&a);
		}
		printf("search: %-12s %3d hits (first 50) in %6.2f ms (aim < 20)\n",
		       queries[q], hits, best * 1e3);
	}
	store_close(st);
	if (!getenv("NTM_BENCH_KEEP")) {
		unlink(path);
		rmdir(dir);
	} else {
		printf("search: kept %s\n", path);
	}
}

int
main(void)
{
	bench_fold_width();
	bench_search();
	return 0;
}
