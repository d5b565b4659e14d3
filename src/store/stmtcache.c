/* Statements prepared once per connection for the loops that run the same
 * few statements thousands of times (merging another copy's changes):
 * preparing dominates otherwise. Looked up by their text. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

enum { CACHE_MAX = 96 };

struct store_stmt_cache {
	sqlite3_stmt *s[CACHE_MAX];
	int n, next;                 /* next: the one to replace when full */
};

int
store_cached(struct store *st, const char *sql, sqlite3_stmt **out,
	     struct ntm_error *e)
{
	struct store_stmt_cache *c = st->cache;
	if (!c && !(c = st->cache = calloc(1, sizeof *c)))
		return store_prepare(st, sql, out, e);
	for (int i = 0; i < c->n; i++) {
		const char *text = sqlite3_sql(c->s[i]);
		if (text == sql || (text && strcmp(text, sql) == 0)) {
			sqlite3_reset(c->s[i]);
			sqlite3_clear_bindings(c->s[i]);
			*out = c->s[i];
			return NTM_OK;
		}
	}
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
				    &s, NULL);
	if (rc != SQLITE_OK)
		return store_sql_fail(st, e, rc);
	int at = c->n < CACHE_MAX ? c->n++ : c->next++ % CACHE_MAX;
	if (c->s[at])
		sqlite3_finalize(c->s[at]);
	c->s[at] = s;
	*out = s;
	return NTM_OK;
}

int
store_cached_done(struct store *st, sqlite3_stmt *s, struct ntm_error *e)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

void
store_cache_free(struct store *st)
{
	struct store_stmt_cache *c = st->cache;
	if (!c)
		return;
	for (int i = 0; i < c->n; i++)
		sqlite3_finalize(c->s[i]);
	free(c);
	st->cache = NULL;
}
