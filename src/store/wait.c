/* Waiting for another process's write lock: SQLite's busy handler, which
 * waits up to the store's busy timeout and, between two short sleeps,
 * asks the front end (store_set_wait) whether to go on waiting. The store
 * itself shows nothing: the full-screen program says it is waiting and
 * lets the officer give up. */
#include "internal.h"
#include "msg.h"

#include "ntm/model.h"

static long
ms_since(const struct timespec *from)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - from->tv_sec) * 1000L + (now.tv_nsec - from->tv_nsec) / 1000000L;
}

/* count: how often this handler was called for the same lock. */
static int
on_busy(void *p, int count)
{
	struct store *st = p;
	if (count == 0) {
		clock_gettime(CLOCK_MONOTONIC, &st->wait_from);
		st->gave_up = false;
	}
	long waited = ms_since(&st->wait_from);
	if (waited >= st->busy_ms)
		return 0;
	if (st->wait_fn && !st->wait_fn(st->wait_ctx, (int)waited, count == 0)) {
		st->gave_up = true;
		return 0;
	}
	sqlite3_sleep(waited < 100 ? 5 : 25);
	return 1;
}

void
store_wait_install(struct store *st)
{
	sqlite3_busy_handler(st->db, on_busy, st);
}

void
store_set_wait(struct store *st, store_wait_fn fn, void *ctx)
{
	st->wait_fn = fn;
	st->wait_ctx = ctx;
}

int
store_busy_fail(struct store *st, struct ntm_error *e)
{
	if (st->gave_up) {
		st->gave_up = false;
		return ntm_fail(e, NTM_FAIL, "%s", MSG_GAVE_UP);
	}
	char secs[32];
	model_format_value(NTM_KIND_NUMBER, st->busy_ms / 1000.0, secs, sizeof secs);
	return ntm_fail(e, NTM_FAIL, MSG_BUSY, secs);
}
