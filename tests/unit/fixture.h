/* The fixture of the store's unit tests: a fresh database with the
 * built-in 2024 plan in a temporary folder, opened as "Nguyễn Văn An";
 * a colleague's second connection ("Trần Bình") on demand; integer
 * queries on a plain, read-only connection. */
#ifndef NTM_TEST_FIXTURE_H
#define NTM_TEST_FIXTURE_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/io.h"
#include "ntm/plandoc.h"
#include "ntm/store.h"

struct fixture {
	char dir[64];
	char path[128];
	struct store *st;
	struct store *colleague;     /* opened by the tests that need one */
	struct arena a;
	char cd[STORE_ID_LEN];       /* the village Cự Đình */
};

static inline int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/ntm-test-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/ntm.db", f->dir);
	struct ntm_error e = {0};
	struct ntm_plan_doc plan;
	if (io_plan_builtin(&f->a, &plan, &e) != NTM_OK ||
	    store_create(f->path, false, NULL, &plan, &e) != NTM_OK) {
		fprintf(stderr, "create: %s\n", e.msg);
		return -1;
	}
	struct store_options opt = {.person = "Nguyễn Văn An"};
	struct store_village v;
	if (store_open(&f->st, f->path, &opt, &e) ||
	    store_use_commune(f->st, NULL, &e) ||
	    store_village_find(f->st, "Cự Đình", &f->a, &v, &e)) {
		fprintf(stderr, "open: %s\n", e.msg);
		return -1;
	}
	memcpy(f->cd, v.id, STORE_ID_LEN);
	*state = f;
	return 0;
}

static inline int
teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->st);
	store_close(f->colleague);
	arena_free(&f->a);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

/* One integer from sql, with an optional text parameter ?1. */
static inline long
query(const char *path, const char *sql, const char *p1)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long v = -1;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (p1)
		sqlite3_bind_text(s, 1, p1, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

static inline long
query_int(const char *path, const char *sql)
{
	return query(path, sql, NULL);
}

static inline long
query_int1(const char *path, const char *sql, const char *p1)
{
	return query(path, sql, p1);
}

/* A colleague on another connection to the same file. */
static inline struct store *
colleague(struct fixture *f)
{
	struct ntm_error e = {0};
	struct store_options opt = {.person = "Trần Bình"};
	if (!f->colleague) {
		assert_int_equal(store_open(&f->colleague, f->path, &opt, &e), NTM_OK);
		assert_int_equal(store_use_commune(f->colleague, NULL, &e), NTM_OK);
	}
	return f->colleague;
}

/* How many audit rows the file holds. */
static inline long
audit_rows(struct fixture *f)
{
	return query_int(f->path, "SELECT count(*) FROM audit");
}

/* A task of the plan to work on: the first of giao_thong. */
static inline struct store_task
first_task(struct store *st, struct arena *a)
{
	struct ntm_error e = {0};
	struct store_task *t;
	int n = 0;
	assert_int_equal(store_tasks(st, "giao_thong", a, &t, &n, &e), NTM_OK);
	assert_true(n > 0);
	return t[0];
}

#endif
