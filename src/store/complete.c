/* The words a shell may complete a command line with (ntm __complete):
 * codes and names as the file holds them, one kind at a time, each read
 * by one small query (no report loaded), in the order the program lists
 * them. Reads only; the caller opens the store read-only. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* ?1 the commune in use, ?2 its plan in use; every query gives one text
 * column. Communes and sources come from their own readers below. */
static const char *const SQL_WORDS[] = {
	[STORE_WORD_SECTOR] = "SELECT code FROM sector ORDER BY ord",
	/* those of the set the plan follows and the plan's own, as
	 * store_indicator_find looks them up */
	[STORE_WORD_INDICATOR] =
		"SELECT i.code FROM indicator i JOIN criterion c "
		"ON c.id = i.criterion_id AND c.set_id = " SQL_SET_OF_PLAN("?2")
		" WHERE i.plan_id IS NULL OR i.plan_id = ?2 "
		"ORDER BY c.number, i.ord",
	[STORE_WORD_VILLAGE] =
		"SELECT name FROM unit WHERE parent_id = ?1 AND level = 'thon' "
		"ORDER BY name COLLATE VIETNAMESE",
	/* newest first: the number, and the year when it names one plan */
	[STORE_WORD_PLAN] =
		"SELECT w FROM (SELECT CAST(year AS TEXT) AS w, year AS y, 0 AS k "
		"FROM plan WHERE unit_id = ?1 GROUP BY year HAVING count(*) = 1 "
		"UNION ALL SELECT number, year, 1 FROM plan WHERE unit_id = ?1) "
		"ORDER BY y DESC, k, w",
	[STORE_WORD_TASK] =
		"SELECT CAST(number AS TEXT) FROM task WHERE plan_id = ?2 "
		"ORDER BY number",
	[STORE_WORD_TASK_OPEN] =
		"SELECT CAST(number AS TEXT) FROM task WHERE plan_id = ?2 "
		"AND status <> 'hoan_thanh' ORDER BY number",
};

/* Appends w to the list (NULL and empty words are left out). */
static void
add_word(struct arena *a, const char ***out, int *n, size_t *cap,
	 const char *w)
{
	if (!w || !*w)
		return;
	*out = arena_grow(a, *out, (size_t)*n, cap, sizeof **out);
	(*out)[(*n)++] = arena_strdup(a, w);
}

static int
query_words(struct store *st, const char *sql, struct arena *a,
	    const char ***out, int *n, struct ntm_error *e)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	if (store_prepare(st, sql, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->commune_id);
	if (sqlite3_bind_parameter_count(s) > 1)
		store_bind_text(s, 2, st->plan_id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		add_word(a, out, n, &cap, store_col_text(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

static int
source_words(struct store *st, struct arena *a, const char ***out, int *n,
	     struct ntm_error *e)
{
	struct store_fund_source *src;
	int count;
	size_t cap = 0;
	if (store_fund_sources(st, a, &src, &count, e))
		return NTM_FAIL;
	for (int i = 0; i < count; i++)
		add_word(a, out, n, &cap, src[i].code);
	return NTM_OK;
}

int
store_words(struct store *st, enum store_word_kind kind, struct arena *a,
	    const char ***out, int *n, struct ntm_error *e)
{
	*out = NULL;
	*n = 0;
	if (kind == STORE_WORD_COMMUNE)
		return store_communes(st, a, out, n, e);
	/* no commune picked (a district's file, or several and none
	 * named): the commands would refuse, so nothing to offer */
	if (!st->commune_id[0])
		return NTM_OK;
	if (kind == STORE_WORD_SOURCE)
		return source_words(st, a, out, n, e);
	if ((int)kind < 0 || (size_t)kind >= sizeof SQL_WORDS / sizeof *SQL_WORDS ||
	    !SQL_WORDS[kind])
		return NTM_OK;
	return query_words(st, SQL_WORDS[kind], a, out, n, e);
}
