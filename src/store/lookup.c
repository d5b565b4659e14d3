/* Finding communes, villages and indicators by what people type. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

enum { MAX_NEAREST = 3 };

const char *
store_clean_text(struct arena *a, const char *s, bool multiline,
		 const char *what, struct ntm_error *e)
{
	enum text_problem p;
	size_t off = 0;
	char *clean = text_clean(s, multiline, &p, &off);
	if (!clean) {
		ntm_fail(e, NTM_USAGE, MSG_BAD_TEXT, what, text_problem_message(p), off + 1);
		return NULL;
	}
	const char *out = arena_strdup(a, clean);
	free(clean);
	return out;
}

size_t
store_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

const char *
store_clean_line(struct arena *a, const char *s, int max, const char *what,
		 struct ntm_error *e)
{
	const char *c = store_clean_text(a, s ? s : "", false, what, e);
	if (!c)
		return NULL;
	while (*c == ' ')
		c++;
	size_t len = strlen(c);
	while (len > 0 && c[len - 1] == ' ')
		len--;
	char *out = arena_alloc(a, len + 1);
	memcpy(out, c, len);
	if (store_chars(out) > (size_t)max) {
		ntm_fail(e, NTM_USAGE, MSG_TOO_LONG, what, max);
		return NULL;
	}
	return out;
}

struct candidate {
	const char *id, *name;
	int dist;
};

/* "; gần giống: A, B" for the closest candidates, or "". */
static const char *
nearest(struct arena *a, struct candidate *c, int n, const char *query)
{
	for (int i = 0; i < n; i++)
		c[i].dist = text_distance(query, c[i].name);
	sqlite3_str *list = sqlite3_str_new(NULL);
	int shown = 0;
	size_t qlen = strlen(query);
	int limit = qlen < 6 ? 2 : (int)qlen / 2;
	for (int d = 0; d <= limit && shown < MAX_NEAREST; d++)
		for (int i = 0; i < n && shown < MAX_NEAREST; i++)
			if (c[i].dist == d)
				sqlite3_str_appendf(list, "%s%s", shown++ ? ", " : "",
						    c[i].name);
	char *s = sqlite3_str_finish(list);
	const char *out = "";
	if (s && *s) {
		char buf[512];
		snprintf(buf, sizeof buf, MSG_NEAREST, s);
		out = arena_strdup(a, buf);
	}
	sqlite3_free(s);
	return out;
}

int
store_find_name(struct store *st, const char *sql, const char *param,
		const char *query, const char *what, struct arena *a,
		char id[STORE_ID_LEN], const char **name, struct ntm_error *e)
{
	const char *q = store_clean_text(a, query, false, WHAT_NAME, e);
	if (!q)
		return NTM_USAGE;
	/* The folded comparison runs in SQL, through ntm_fold(). */
	char *wrapped = sqlite3_mprintf("SELECT id, name, ntm_fold(name) = "
					"ntm_fold(?9) FROM (%s)", sql);
	sqlite3_stmt *s;
	int prc = store_prepare(st, wrapped, &s, e);
	sqlite3_free(wrapped);
	if (prc)
		return NTM_FAIL;
	store_bind_text(s, 1, param);
	store_bind_text(s, 9, q);

	struct candidate *c = NULL, *exact = NULL;
	bool *folded = NULL;
	size_t n = 0, cap = 0, fcap = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		c = arena_grow(a, c, n, &cap, sizeof *c);
		folded = arena_grow(a, folded, n, &fcap, sizeof *folded);
		c[n].id = arena_strdup(a, store_col_text(s, 0));
		c[n].name = arena_strdup(a, store_col_text(s, 1));
		folded[n] = sqlite3_column_int(s, 2);
		if (strcmp(c[n].name, q) == 0)
			exact = &c[n];
		n++;
	}
	sqlite3_finalize(s);

	/* Folded matches, counted once per unit (a name and its alias). */
	struct candidate *hit = exact;
	sqlite3_str *names = sqlite3_str_new(NULL);
	int hits = 0;
	for (size_t i = 0; !exact && i < n; i++) {
		if (!folded[i] || (hit && strcmp(hit->id, c[i].id) == 0))
			continue;
		sqlite3_str_appendf(names, "%s%s", hits ? ", " : "", c[i].name);
		hit = &c[i];
		hits++;
	}
	char *list = sqlite3_str_finish(names);
	int rc = NTM_OK;
	if (hits > 1)
		rc = ntm_fail(e, NTM_FAIL, MSG_AMBIGUOUS, q, list);
	else if (!hit)
		rc = ntm_fail(e, NTM_FAIL, MSG_NAME_UNKNOWN, what, q,
			      nearest(a, c, (int)n, q));
	sqlite3_free(list);
	if (rc != NTM_OK)
		return rc;
	snprintf(id, STORE_ID_LEN, "%s", hit->id);
	/* Report the unit's own name, not the alias that matched. */
	if (name)
		*name = hit->name;
	return NTM_OK;
}

static int
load_plan(struct store *st, struct ntm_error *e)
{
	sqlite3_stmt *s;
	free(st->plan_id);
	st->plan_id = NULL;
	if (store_prepare(st, "SELECT id FROM plan WHERE unit_id = ?1 "
			  "ORDER BY year DESC, issued_on DESC LIMIT 1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->commune_id);
	if (sqlite3_step(s) == SQLITE_ROW)
		st->plan_id = strdup(store_col_text(s, 0));
	sqlite3_finalize(s);
	return NTM_OK;
}

static const char SQL_COMMUNES[] =
	"SELECT id, name FROM unit WHERE level = 'xa' "
	"UNION ALL SELECT u.id, a.name FROM unit_alias a JOIN unit u "
	"ON u.id = a.unit_id WHERE u.level = 'xa'";

static int
only_commune(struct store *st, struct arena *a, char id[STORE_ID_LEN],
	     const char **name, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, name FROM unit WHERE level = 'xa' "
			  "ORDER BY name COLLATE VIETNAMESE", &s, e))
		return NTM_FAIL;
	sqlite3_str *names = sqlite3_str_new(NULL);
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		snprintf(id, STORE_ID_LEN, "%s", store_col_text(s, 0));
		*name = arena_strdup(a, store_col_text(s, 1));
		sqlite3_str_appendf(names, "%s%s", n++ ? ", " : "", *name);
	}
	sqlite3_finalize(s);
	char *list = sqlite3_str_finish(names);
	int rc = NTM_OK;
	if (n == 0)
		rc = ntm_fail(e, NTM_FAIL, MSG_NO_COMMUNE);
	else if (n > 1)
		rc = ntm_fail(e, NTM_USAGE, MSG_MANY_COMMUNES, list);
	sqlite3_free(list);
	return rc;
}

int
store_use_commune(struct store *st, const char *name, struct ntm_error *e)
{
	struct arena a = {0};
	char id[STORE_ID_LEN];
	const char *found = NULL;
	int rc = name
		? store_find_name(st, SQL_COMMUNES, NULL, name, WHAT_COMMUNE,
				  &a, id, &found, e)
		: only_commune(st, &a, id, &found, e);
	if (rc == NTM_OK) {
		snprintf(st->commune_id, sizeof st->commune_id, "%s", id);
		free(st->commune_name);
		st->commune_name = strdup(found);
		rc = load_plan(st, e);
	}
	arena_free(&a);
	return rc;
}

/* Indicators visible in the commune: the national ones and its plan's. */
static const char SQL_INDICATORS[] =
	"SELECT i.id, i.code, i.name, i.kind, i.comparator, "
	"ntm_fold(i.code) = ntm_fold(?2) FROM indicator i "
	"JOIN criterion c ON c.id = i.criterion_id "
	"JOIN criteria_set cs ON cs.id = c.set_id AND cs.code = 'ntm' "
	"WHERE i.plan_id IS NULL OR i.plan_id = ?1 ORDER BY c.number, i.ord";

int
store_indicator_find(struct store *st, const char *code,
		     struct store_indicator_ref *out, struct ntm_error *e)
{
	if (text_check(code, false, NULL) != TEXT_OK)
		return ntm_fail(e, NTM_FAIL, MSG_CODE_UNKNOWN, "?", "");
	sqlite3_stmt *s;
	if (store_prepare(st, SQL_INDICATORS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	store_bind_text(s, 2, code);
	struct arena a = {0};
	struct candidate *c = NULL;
	size_t n = 0, cap = 0;
	bool found = false;
	while (!found && sqlite3_step(s) == SQLITE_ROW) {
		const char *got = store_col_text(s, 1);
		found = sqlite3_column_int(s, 5);
		if (found) {
			snprintf(out->id, sizeof out->id, "%s", store_col_text(s, 0));
			snprintf(out->code, sizeof out->code, "%s", got);
			snprintf(out->name, sizeof out->name, "%s", store_col_text(s, 2));
			model_kind_parse(store_col_text(s, 3), &out->kind);
			model_cmp_parse(store_col_text(s, 4), &out->cmp);
		} else {
			c = arena_grow(&a, c, n, &cap, sizeof *c);
			c[n].id = c[n].name = arena_strdup(&a, got);
			n++;
		}
	}
	sqlite3_finalize(s);
	int rc = found ? NTM_OK : ntm_fail(e, NTM_FAIL, MSG_CODE_UNKNOWN, code,
					   nearest(&a, c, (int)n, code));
	arena_free(&a);
	return rc;
}
