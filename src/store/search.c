/* The search index: triggers that keep a folded copy of every searchable
 * text in an FTS5 table, and the query that reads it. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

/* What is indexed: a table's text field, the kind of hit it makes, and
 * the schema version whose migration indexes it (its column exists from
 * then on). */
static const struct indexed {
	const char *table, *field;
	enum store_hit_kind kind;
	int since;
} INDEXED[] = {
	{"task", "title", HIT_TASK, 2},
	{"task", "detail", HIT_TASK, 2},
	{"task", "note", HIT_NOTE, 2},
	{"indicator", "name", HIT_INDICATOR, 2},
	{"criterion", "name", HIT_CRITERION, 2},
	{"checklist_item", "title", HIT_ITEM, 2},
	{"checklist_item", "note", HIT_NOTE, 2},
	{"measurement", "note", HIT_NOTE, 2},
	{"task", "issue", HIT_NOTE, 6},
	{"task", "proposal", HIT_NOTE, 6},
};

/* The folding FTS5's unicode61 cannot do itself: đ/Đ → d/D. */
#define FOLD_SQL(x) "replace(replace(" x ", 'đ', 'd'), 'Đ', 'D')"

static const char TRIGGER_SQL[] =
	"CREATE TRIGGER \"search_%w_%w_ins\" AFTER INSERT ON \"%w\" "
	"WHEN NEW.\"%w\" IS NOT NULL BEGIN "
	"  INSERT INTO search_doc(entity, ref, field) VALUES (%Q, NEW.id, %Q); "
	"  INSERT INTO search(rowid, text) VALUES (last_insert_rowid(), "
	     FOLD_SQL("NEW.\"%w\"") "); END; "
	"CREATE TRIGGER \"search_%w_%w_del\" AFTER DELETE ON \"%w\" BEGIN "
	"  DELETE FROM search WHERE rowid = (SELECT docid FROM search_doc "
	"    WHERE entity = %Q AND ref = OLD.id AND field = %Q); "
	"  DELETE FROM search_doc WHERE entity = %Q AND ref = OLD.id AND field = %Q; END; "
	"CREATE TRIGGER \"search_%w_%w_upd\" AFTER UPDATE OF \"%w\" ON \"%w\" BEGIN "
	"  DELETE FROM search WHERE rowid = (SELECT docid FROM search_doc "
	"    WHERE entity = %Q AND ref = OLD.id AND field = %Q); "
	"  DELETE FROM search_doc WHERE entity = %Q AND ref = OLD.id AND field = %Q; "
	"  INSERT INTO search_doc(entity, ref, field) SELECT %Q, NEW.id, %Q "
	"    WHERE NEW.\"%w\" IS NOT NULL; "
	"  INSERT INTO search(rowid, text) SELECT last_insert_rowid(), "
	     FOLD_SQL("NEW.\"%w\"") " WHERE NEW.\"%w\" IS NOT NULL; END; "
	/* the rows already there */
	"INSERT INTO search_doc(entity, ref, field) SELECT %Q, id, %Q FROM \"%w\" "
	"  WHERE \"%w\" IS NOT NULL; "
	"INSERT INTO search(rowid, text) SELECT d.docid, " FOLD_SQL("t.\"%w\"")
	"  FROM search_doc d JOIN \"%w\" t ON t.id = d.ref "
	"  WHERE d.entity = %Q AND d.field = %Q;";

/* The triggers (and rows already there) of the fields schema `since`
 * indexes. */
static int
install_since(sqlite3 *db, int since, char **errmsg)
{
	int rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < sizeof INDEXED / sizeof *INDEXED; i++) {
		if (INDEXED[i].since != since)
			continue;
		const char *t = INDEXED[i].table, *f = INDEXED[i].field;
		char *sql = sqlite3_mprintf(TRIGGER_SQL,
			t, f, t, f, t, f, f,                  /* insert */
			t, f, t, t, f, t, f,                  /* delete */
			t, f, f, t, t, f, t, f, t, f, f, f, f, /* update */
			t, f, t, f, f, t, t, f);              /* existing rows */
		rc = sqlite3_exec(db, sql, NULL, NULL, errmsg);
		sqlite3_free(sql);
	}
	return rc;
}

int
store_search_install(sqlite3 *db, char **errmsg)
{
	return install_since(db, 2, errmsg);
}

int
store_schema6_install(sqlite3 *db, char **errmsg)
{
	int rc = store_audit_install(db, errmsg);
	if (rc == SQLITE_OK)
		rc = store_audit_commune_install(db, errmsg);
	return rc == SQLITE_OK ? install_since(db, 6, errmsg) : rc;
}

/* ---- querying ------------------------------------------------------------- */

/* The FTS5 query for what people typed: folded words, each quoted (so no
 * FTS syntax can be injected), ANDed; a trailing * keeps prefix search. */
static char *
fts_query(const char *typed)
{
	char *f = text_fold(typed);
	if (!f)
		return NULL;
	sqlite3_str *q = sqlite3_str_new(NULL);
	const char *p = f;
	int words = 0;
	while (*p) {
		while (*p && !((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') ||
			       (*p >= 'a' && *p <= 'z')))
			p++;
		const char *start = p;
		while ((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') ||
		       (*p >= 'a' && *p <= 'z'))
			p++;
		if (p == start)
			continue;
		sqlite3_str_appendf(q, "%s\"%.*s\"%s", words++ ? " " : "",
				    (int)(p - start), start, *p == '*' ? "*" : "");
	}
	free(f);
	char *out = sqlite3_str_finish(q);
	if (out && !words) {
		sqlite3_free(out);
		return NULL;
	}
	return out;
}

/* ?1 query, ?2 commune, ?3 plan, ?4 limit. Scoped to the commune. */
static const char SQL_SEARCH[] =
	"SELECT d.entity, d.ref, d.field, "
	"  CASE d.entity "
	"   WHEN 'task' THEN (SELECT CASE d.field WHEN 'title' THEN t.title "
	"     WHEN 'detail' THEN t.title || ' — ' || t.detail WHEN 'issue' THEN "
	"     t.title || ' — ' || t.issue WHEN 'proposal' THEN t.title || ' — ' || "
	"     t.proposal ELSE t.note END || char(31) || s.short_name "
	"     FROM task t JOIN sector s ON s.id = t.sector_id WHERE t.id = d.ref) "
	"   WHEN 'indicator' THEN (SELECT i.code || ' ' || i.name || char(31) || s.short_name "
	"     FROM indicator i JOIN criterion c ON c.id = i.criterion_id "
	"     JOIN sector s ON s.id = c.sector_id WHERE i.id = d.ref) "
	"   WHEN 'criterion' THEN (SELECT c.number || '. ' || c.name || char(31) || "
	"     s.short_name FROM criterion c JOIN sector s ON s.id = c.sector_id "
	"     WHERE c.id = d.ref) "
	"   WHEN 'checklist_item' THEN (SELECT CASE d.field WHEN 'title' THEN i.title "
	"     ELSE i.note END || char(31) || u.name FROM checklist_item i "
	"     JOIN unit u ON u.id = i.unit_id WHERE i.id = d.ref) "
	"   WHEN 'measurement' THEN (SELECT m.note || char(31) || i.code "
	"     FROM measurement m JOIN indicator i ON i.id = m.indicator_id "
	"     WHERE m.id = d.ref) END "
	"FROM search JOIN search_doc d ON d.docid = search.rowid "
	"WHERE search MATCH ?1 AND CASE d.entity "
	"   WHEN 'task' THEN EXISTS (SELECT 1 FROM task t JOIN plan p "
	"     ON p.id = t.plan_id WHERE t.id = d.ref AND p.unit_id = ?2) "
	"   WHEN 'indicator' THEN EXISTS (SELECT 1 FROM indicator i JOIN "
	"     criterion c ON c.id = i.criterion_id WHERE i.id = d.ref AND "
	"     (i.plan_id IS NULL OR i.plan_id = ?3) AND "
	"     c.set_id = " SQL_SET_OF_PLAN("?3") ") "
	"   WHEN 'criterion' THEN EXISTS (SELECT 1 FROM criterion c WHERE "
	"     c.id = d.ref AND c.set_id = " SQL_SET_OF_PLAN("?3") ") "
	"   WHEN 'checklist_item' THEN EXISTS (SELECT 1 FROM checklist_item i "
	"     JOIN unit u ON u.id = i.unit_id WHERE i.id = d.ref "
	"     AND u.parent_id = ?2) "
	"   WHEN 'measurement' THEN EXISTS (SELECT 1 FROM measurement m "
	"     WHERE m.id = d.ref AND m.unit_id = ?2) "
	"   ELSE 1 END "
	"ORDER BY %s LIMIT ?4";

/* Ranking (bm25) costs about a microsecond a match: beyond this many
 * matches the newest come first instead, and the user narrows the query. */
enum { RANK_LIMIT = 5000 };

static enum store_hit_kind
hit_kind(const char *entity, const char *field)
{
	for (size_t i = 0; i < sizeof INDEXED / sizeof *INDEXED; i++)
		if (strcmp(INDEXED[i].table, entity) == 0 &&
		    strcmp(INDEXED[i].field, field) == 0)
			return INDEXED[i].kind;
	return HIT_NOTE;
}

/* Every word of the query, with its marks, appears in the text. */
static bool
exact_match(const char *query_cf, const char *text)
{
	char *t = text_casefold(text);
	bool all = t != NULL;
	const char *p = query_cf;
	while (all && *p) {
		while (*p == ' ' || *p == '*')
			p++;
		size_t n = strcspn(p, " *");
		if (n) {
			char word[256];
			snprintf(word, sizeof word, "%.*s", (int)(n < 255 ? n : 255), p);
			all = strstr(t, word) != NULL;
		}
		p += n;
	}
	free(t);
	return all;
}

static void
read_hit(sqlite3_stmt *s, struct arena *a, const char *query_cf,
	 struct store_hit *h)
{
	const char *joined = store_col_text(s, 3);
	const char *sep = joined ? strchr(joined, 31) : NULL;
	h->entity = arena_strdup(a, store_col_text(s, 0));
	h->ref = arena_strdup(a, store_col_text(s, 1));
	h->kind = hit_kind(h->entity, store_col_text(s, 2));
	if (sep) {
		char *text = arena_alloc(a, (size_t)(sep - joined) + 1);
		memcpy(text, joined, (size_t)(sep - joined));
		h->text = text;
		h->where = arena_strdup(a, sep + 1);
	} else {
		h->text = arena_strdup(a, joined ? joined : "");
		h->where = "";
	}
	h->exact = query_cf && exact_match(query_cf, h->text);
}

static int
count_matches(struct store *st, const char *fts)
{
	sqlite3_stmt *s;
	int n = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM search WHERE search "
			       "MATCH ?1", -1, &s, NULL) != SQLITE_OK)
		return 0;
	store_bind_text(s, 1, fts);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

int
store_search(struct store *st, const char *query, int limit, struct arena *a,
	     struct store_hit **out, int *n, struct ntm_error *e)
{
	*out = NULL;
	*n = 0;
	if (text_check(query, false, NULL) != TEXT_OK)
		return ntm_fail(e, NTM_USAGE, MSG_EMPTY_QUERY);
	char *fts = fts_query(query);
	if (!fts)
		return ntm_fail(e, NTM_USAGE, MSG_EMPTY_QUERY);
	sqlite3_stmt *s;
	int matches = count_matches(st, fts);
	char *sql = sqlite3_mprintf(SQL_SEARCH, matches > RANK_LIMIT
				    ? "search.rowid DESC" : "rank");
	int rc = store_prepare(st, sql, &s, e);
	sqlite3_free(sql);
	if (rc) {
		sqlite3_free(fts);
		return rc;
	}
	store_bind_text(s, 1, fts);
	store_bind_text(s, 2, st->commune_id);
	store_bind_text(s, 3, st->plan_id);
	/* Room for exact hits that rank low to move up before the cut. */
	sqlite3_bind_int(s, 4, limit > 0 ? (limit < 100 ? 500 : limit * 5) : -1);
	char *query_cf = text_casefold(query);
	size_t cap = 0, k = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		read_hit(s, a, query_cf, &(*out)[k]);
		/* a task found by its title and by its description is one hit */
		bool seen = false;
		for (size_t i = 0; i < k && !seen; i++)
			seen = (*out)[i].kind == (*out)[k].kind &&
			       strcmp((*out)[i].ref, (*out)[k].ref) == 0;
		k += !seen;
	}
	free(query_cf);
	sqlite3_free(fts);
	rc = sqlite3_finalize(s) == SQLITE_OK ? NTM_OK
		: store_sql_fail(st, e, sqlite3_errcode(st->db));
	/* exact-diacritic hits first, relevance order kept within each */
	struct store_hit *sorted = arena_alloc(a, sizeof *sorted * (k + 1));
	size_t m = 0;
	for (int pass = 1; pass >= 0; pass--)
		for (size_t i = 0; i < k; i++)
			if ((*out)[i].exact == pass)
				sorted[m++] = (*out)[i];
	*out = sorted;
	*n = limit > 0 && (int)k > limit ? limit : (int)k;
	return rc;
}
