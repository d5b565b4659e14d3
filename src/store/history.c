/* The history of an indicator's values, newest first. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

int
store_history(struct store *st, const char *indicator_id, int limit,
	      struct arena *a, struct store_value **out, int *n,
	      struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, value, as_of, note, recorded_by, "
			  "recorded_at FROM measurement WHERE indicator_id = ?1 "
			  "AND unit_id = ?2 ORDER BY as_of DESC, seq DESC LIMIT ?3",
			  &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, indicator_id);
	store_bind_text(s, 2, st->commune_id);
	sqlite3_bind_int(s, 3, limit);
	size_t cap = 0, k = 0;
	*out = NULL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		struct store_value *v = &(*out)[k++];
		memset(v, 0, sizeof *v);
		snprintf(v->id, sizeof v->id, "%s", store_col_text(s, 0));
		v->value = sqlite3_column_double(s, 1);
		v->as_of = arena_strdup(a, store_col_text(s, 2));
		v->note = arena_strdup(a, store_col_text(s, 3));
		v->recorded_by = arena_strdup(a, store_col_text(s, 4));
		v->recorded_at = arena_strdup(a, store_col_text(s, 5));
	}
	*n = (int)k;
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK
		: store_sql_fail(st, e, sqlite3_errcode(st->db));
}
