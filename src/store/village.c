/* Villages of the commune and their checklists toward "khu dân cư NTM
 * kiểu mẫu". */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

enum { MAX_NAME = 100, MAX_TITLE = 200 };

static const char SQL_VILLAGE_NAMES[] =
	"SELECT id, name FROM unit WHERE parent_id = ?1 AND level = 'thon' "
	"UNION ALL SELECT u.id, a.name FROM unit_alias a JOIN unit u "
	"ON u.id = a.unit_id WHERE u.parent_id = ?1 AND u.level = 'thon'";

static const char SQL_VILLAGES[] =
	"SELECT u.id, u.name, count(i.id), coalesce(sum(i.done), 0) FROM unit u "
	"LEFT JOIN checklist_item i ON i.unit_id = u.id "
	"WHERE u.parent_id = ?1 AND u.level = 'thon' %s "
	"GROUP BY u.id ORDER BY u.name COLLATE VIETNAMESE";

static int
read_villages(struct store *st, const char *only_id, struct arena *a,
	      struct store_village **out, int *n, struct ntm_error *e)
{
	char *sql = sqlite3_mprintf(SQL_VILLAGES, only_id ? "AND u.id = ?2" : "");
	sqlite3_stmt *s;
	int rc = store_prepare(st, sql, &s, e);
	sqlite3_free(sql);
	if (rc)
		return rc;
	store_bind_text(s, 1, st->commune_id);
	store_bind_text(s, 2, only_id);
	size_t cap = 0, k = 0;
	*out = NULL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		struct store_village *v = &(*out)[k++];
		snprintf(v->id, sizeof v->id, "%s", store_col_text(s, 0));
		v->name = arena_strdup(a, store_col_text(s, 1));
		v->items.total = sqlite3_column_int(s, 2);
		v->items.done = sqlite3_column_int(s, 3);
	}
	*n = (int)k;
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK
		: store_sql_fail(st, e, sqlite3_errcode(st->db));
}

int
store_villages(struct store *st, struct arena *a, struct store_village **out,
	       int *n, struct ntm_error *e)
{
	return read_villages(st, NULL, a, out, n, e);
}

int
store_village_find(struct store *st, const char *name, struct arena *a,
		   struct store_village *out, struct ntm_error *e)
{
	char id[STORE_ID_LEN];
	int rc = store_find_name(st, SQL_VILLAGE_NAMES, st->commune_id, name,
				 WHAT_VILLAGE, a, id, NULL, e);
	if (rc)
		return rc;
	struct store_village *v;
	int n = 0;
	rc = read_villages(st, id, a, &v, &n, e);
	if (rc == NTM_OK && n == 1)
		*out = *v;
	return rc;
}

/* A name for a unit or an item: one line, NFC, 1..max characters. */
static const char *
clean_name(struct arena *a, const char *s, int max, const char *what,
	   struct ntm_error *e)
{
	const char *c = store_clean_text(a, s, false, what, e);
	if (!c)
		return NULL;
	size_t chars = 0;
	for (const char *p = c; *p; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	const char *lead = c;
	while (*lead == ' ')
		lead++;
	if (*lead == '\0') {
		ntm_fail(e, NTM_USAGE, "%s", max == MAX_TITLE ? MSG_EMPTY_TITLE : MSG_EMPTY_NAME);
		return NULL;
	}
	if (chars > (size_t)max) {
		ntm_fail(e, NTM_USAGE, max == MAX_TITLE ? MSG_TITLE_TOO_LONG
			 : MSG_NAME_TOO_LONG, max);
		return NULL;
	}
	return c;
}

/* The village (not itself) already called `name` exactly, or NULL. */
static const char *
name_taken(struct store *st, struct arena *a, const char *name,
	   const char *self_id)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, name FROM unit WHERE parent_id = ?1 "
			  "AND level = 'thon' AND name = ?2 UNION ALL "
			  "SELECT u.id, u.name FROM unit_alias a JOIN unit u "
			  "ON u.id = a.unit_id WHERE u.parent_id = ?1 "
			  "AND a.name = ?2", &s, NULL))
		return NULL;
	store_bind_text(s, 1, st->commune_id);
	store_bind_text(s, 2, name);
	const char *owner = NULL;
	while (!owner && sqlite3_step(s) == SQLITE_ROW)
		if (!self_id || strcmp(self_id, store_col_text(s, 0)) != 0)
			owner = arena_strdup(a, store_col_text(s, 1));
	sqlite3_finalize(s);
	return owner;
}

static int
insert_alias(struct store *st, const char *unit_id, const char *alias,
	     struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "INSERT OR IGNORE INTO unit_alias(id, unit_id, name) "
			  "VALUES (ntm_id(), ?1, ?2)", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, unit_id);
	store_bind_text(s, 2, alias);
	return store_step_done(st, s, e);
}

int
store_village_add(struct store *st, const char *name, struct ntm_error *e)
{
	struct arena a = {0};
	const char *n = clean_name(&a, name, MAX_NAME, WHAT_NAME, e);
	int rc = n ? NTM_OK : NTM_USAGE;
	const char *owner = n ? name_taken(st, &a, n, NULL) : NULL;
	if (owner)
		rc = ntm_fail(e, NTM_FAIL, MSG_VILLAGE_EXISTS, st->commune_name, owner);
	if (rc == NTM_OK)
		rc = store_action_begin(st, "village.add", e);
	if (rc != NTM_OK) {
		arena_free(&a);
		return rc;
	}
	char id[STORE_ID_LEN];
	store_new_id(id);
	sqlite3_stmt *s;
	rc = store_prepare(st, "INSERT INTO unit(id, parent_id, level, name, ord) "
			   "SELECT ?1, ?2, 'thon', ?3, coalesce(max(ord), 0) + 1 "
			   "FROM unit WHERE parent_id = ?2", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, id);
		store_bind_text(s, 2, st->commune_id);
		store_bind_text(s, 3, n);
		rc = store_step_done(st, s, e);
	}
	if (rc == NTM_OK)
		rc = store_prepare(st, "INSERT INTO checklist_item(id, unit_id, "
				   "template_id, title, ord) SELECT ntm_id(), ?1, t.id, "
				   "t.title, t.ord FROM checklist_template t "
				   "JOIN criteria_set cs ON cs.id = t.set_id "
				   "AND cs.code = 'kdc_km' ORDER BY t.ord", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, id);
		rc = store_step_done(st, s, e);
	}
	arena_free(&a);
	return store_action_end(st, rc, e);
}

int
store_village_rename(struct store *st, const char *name, const char *new_name,
		     struct ntm_error *e)
{
	struct arena a = {0};
	struct store_village v;
	int rc = store_village_find(st, name, &a, &v, e);
	const char *n = rc ? NULL : clean_name(&a, new_name, MAX_NAME, WHAT_NAME, e);
	if (rc == NTM_OK && !n)
		rc = NTM_USAGE;
	const char *owner = n ? name_taken(st, &a, n, v.id) : NULL;
	if (owner)
		rc = ntm_fail(e, NTM_FAIL, MSG_VILLAGE_EXISTS, st->commune_name, owner);
	if (rc == NTM_OK)
		rc = store_action_begin(st, "village.rename", e);
	if (rc != NTM_OK) {
		arena_free(&a);
		return rc;
	}
	sqlite3_stmt *s;
	rc = store_prepare(st, "UPDATE unit SET name = ?2, version = version + 1 "
			   "WHERE id = ?1", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, v.id);
		store_bind_text(s, 2, n);
		rc = store_step_done(st, s, e);
	}
	/* The old name stays findable; an alias equal to the new name goes. */
	if (rc == NTM_OK && strcmp(v.name, n) != 0)
		rc = insert_alias(st, v.id, v.name, e);
	if (rc == NTM_OK)
		rc = store_prepare(st, "DELETE FROM unit_alias WHERE unit_id = ?1 "
				   "AND name = ?2", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, v.id);
		store_bind_text(s, 2, n);
		rc = store_step_done(st, s, e);
	}
	arena_free(&a);
	return store_action_end(st, rc, e);
}

int
store_village_alias(struct store *st, const char *name, const char *alias,
		    struct ntm_error *e)
{
	struct arena a = {0};
	struct store_village v;
	int rc = store_village_find(st, name, &a, &v, e);
	const char *n = rc ? NULL : clean_name(&a, alias, MAX_NAME, WHAT_NAME, e);
	if (rc == NTM_OK && !n)
		rc = NTM_USAGE;
	const char *owner = n ? name_taken(st, &a, n, NULL) : NULL;
	if (owner)
		rc = ntm_fail(e, NTM_FAIL, MSG_ALIAS_EXISTS, n, owner);
	if (rc == NTM_OK)
		rc = store_action_begin(st, "village.alias", e);
	if (rc == NTM_OK)
		rc = store_action_end(st, insert_alias(st, v.id, n, e), e);
	arena_free(&a);
	return rc;
}

/* ---- checklist items ------------------------------------------------------ */

int
store_checklist(struct store *st, const char *village_id, struct arena *a,
		struct store_item **out, int *n, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id, title, done, done_on, done_by, note, "
			  "template_id IS NOT NULL FROM checklist_item "
			  "WHERE unit_id = ?1 ORDER BY ord, title", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, village_id);
	size_t cap = 0, k = 0;
	*out = NULL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		struct store_item *it = &(*out)[k++];
		snprintf(it->id, sizeof it->id, "%s", store_col_text(s, 0));
		it->pos = (int)k;
		it->title = arena_strdup(a, store_col_text(s, 1));
		it->done = sqlite3_column_int(s, 2);
		it->done_on = arena_strdup(a, store_col_text(s, 3));
		it->done_by = arena_strdup(a, store_col_text(s, 4));
		it->note = arena_strdup(a, store_col_text(s, 5));
		it->from_template = sqlite3_column_int(s, 6);
	}
	*n = (int)k;
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK
		: store_sql_fail(st, e, sqlite3_errcode(st->db));
}

static const char *
village_name(struct store *st, struct arena *a, const char *village_id)
{
	struct store_village *v;
	int n = 0;
	if (read_villages(st, village_id, a, &v, &n, NULL) || n != 1)
		return "?";
	return v->name;
}

static bool
all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Finds ITEM (a position or a title) among the village's items. */
static const struct store_item *
resolve_item(struct store *st, const char *village_id, const char *item,
	     struct arena *a, struct ntm_error *e)
{
	struct store_item *it;
	int n = 0;
	if (store_checklist(st, village_id, a, &it, &n, e))
		return NULL;
	const char *vname = village_name(st, a, village_id);
	if (all_digits(item)) {
		long pos = strlen(item) < 6 ? strtol(item, NULL, 10) : 0;
		if (pos >= 1 && pos <= n)
			return &it[pos - 1];
		ntm_fail(e, NTM_FAIL, MSG_ITEM_RANGE, vname, n, item);
		return NULL;
	}
	const char *want = store_clean_text(a, item, false, WHAT_TITLE, e);
	if (!want)
		return NULL;
	for (int i = 0; i < n; i++)
		if (strcmp(it[i].title, want) == 0)
			return &it[i];
	char *fw = text_fold(want);
	const struct store_item *hit = NULL;
	sqlite3_str *list = sqlite3_str_new(NULL);
	int hits = 0;
	for (int i = 0; i < n; i++) {
		char *f = text_fold(it[i].title);
		if (f && fw && strcmp(f, fw) == 0) {
			sqlite3_str_appendf(list, "%s%d. %s", hits++ ? ", " : "",
					    it[i].pos, it[i].title);
			hit = &it[i];
		}
		free(f);
	}
	free(fw);
	char *names = sqlite3_str_finish(list);
	if (hits > 1)
		ntm_fail(e, NTM_FAIL, MSG_ITEM_AMBIGUOUS, want, names);
	else if (!hit)
		ntm_fail(e, NTM_FAIL, MSG_ITEM_UNKNOWN, vname, want, "");
	sqlite3_free(names);
	return hits == 1 ? hit : NULL;
}

int
store_item_add(struct store *st, const char *village_id, const char *title,
	       struct ntm_error *e)
{
	struct arena a = {0};
	const char *t = clean_name(&a, title, MAX_TITLE, WHAT_TITLE, e);
	int rc = t ? NTM_OK : NTM_USAGE;
	struct store_item *it;
	int n = 0;
	if (rc == NTM_OK)
		rc = store_checklist(st, village_id, &a, &it, &n, e);
	for (int i = 0; rc == NTM_OK && i < n; i++)
		if (strcmp(it[i].title, t) == 0)
			rc = ntm_fail(e, NTM_FAIL, MSG_ITEM_EXISTS,
				      village_name(st, &a, village_id), t, it[i].pos);
	if (rc == NTM_OK)
		rc = store_action_begin(st, "checklist.add", e);
	if (rc != NTM_OK) {
		arena_free(&a);
		return rc;
	}
	sqlite3_stmt *s;
	rc = store_prepare(st, "INSERT INTO checklist_item(id, unit_id, title, ord) "
			   "SELECT ntm_id(), ?1, ?2, coalesce(max(ord), 0) + 1 "
			   "FROM checklist_item WHERE unit_id = ?1", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, village_id);
		store_bind_text(s, 2, t);
		rc = store_step_done(st, s, e);
	}
	arena_free(&a);
	return store_action_end(st, rc, e);
}

int
store_item_set_done(struct store *st, const char *village_id, const char *item,
		    bool done, struct ntm_error *e)
{
	struct arena a = {0};
	const struct store_item *it = resolve_item(st, village_id, item, &a, e);
	int rc = it ? NTM_OK : e->code;
	if (rc == NTM_OK && it->done == done) {   /* already so: agree, succeed */
		arena_free(&a);
		return NTM_OK;
	}
	if (rc == NTM_OK)
		rc = store_action_begin(st, done ? "checklist.done" : "checklist.undone", e);
	if (rc != NTM_OK) {
		arena_free(&a);
		return rc;
	}
	char today[11];
	store_today(today);
	sqlite3_stmt *s;
	rc = store_prepare(st, "UPDATE checklist_item SET done = ?2, done_on = ?3, "
			   "done_by = ?4, version = version + 1 WHERE id = ?1", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, it->id);
		sqlite3_bind_int(s, 2, done);
		store_bind_text(s, 3, done ? today : NULL);
		store_bind_text(s, 4, done ? (st->person ? st->person : st->os_user) : NULL);
		rc = store_step_done(st, s, e);
	}
	arena_free(&a);
	return store_action_end(st, rc, e);
}

int
store_item_remove(struct store *st, const char *village_id, const char *item,
		  struct ntm_error *e)
{
	struct arena a = {0};
	const struct store_item *it = resolve_item(st, village_id, item, &a, e);
	int rc = it ? NTM_OK : e->code;
	if (rc == NTM_OK)
		rc = store_action_begin(st, "checklist.remove", e);
	if (rc != NTM_OK) {
		arena_free(&a);
		return rc;
	}
	sqlite3_stmt *s;
	rc = store_prepare(st, "DELETE FROM checklist_item WHERE id = ?1", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, it->id);
		rc = store_step_done(st, s, e);
	}
	arena_free(&a);
	return store_action_end(st, rc, e);
}
