/* The items of a village's checklist toward "khu dân cư NTM kiểu mẫu":
 * listing, look-up by position or title, and the edits of the checklist
 * editor, each one audited user action. Edits by id are checked inside
 * their transaction against what the caller read (version, existence). */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/collate.h"
#include "ntm/text.h"

enum { MAX_TITLE = 200 };

static const char SQL_ITEMS[] =
	"SELECT id, title, done, done_on, done_by, note, template_id, version "
	"FROM checklist_item WHERE unit_id = ?1 ORDER BY ord, title";

/* A village and its items in the arranged order. */
struct village_items {
	const char *id, *name;
	struct store_item *items;
	int n;
};

/* An item being edited, within its village. */
struct item_ctx {
	struct village_items v;
	struct store_item *it;
	int index;
};

/* ---- validation ----------------------------------------------------------- */

/* One line, NFC, without surrounding spaces, 1..MAX_TITLE characters. */
static const char *
clean_title(struct arena *a, const char *s, struct ntm_error *e)
{
	const char *t = store_clean_line(a, s, MAX_TITLE, WHAT_TITLE, e);
	if (t && !*t) {
		ntm_fail(e, NTM_USAGE, "%s", MSG_EMPTY_TITLE);
		return NULL;
	}
	return t;
}

/* ---- reading -------------------------------------------------------------- */

static void
fill_item(sqlite3_stmt *s, struct arena *a, struct store_item *it, int pos)
{
	snprintf(it->id, sizeof it->id, "%s", store_col_text(s, 0));
	it->pos = pos;
	it->title = arena_strdup(a, store_col_text(s, 1));
	it->done = sqlite3_column_int(s, 2);
	it->done_on = arena_strdup(a, store_col_text(s, 3));
	it->done_by = arena_strdup(a, store_col_text(s, 4));
	it->note = arena_strdup(a, store_col_text(s, 5));
	it->template_id = arena_strdup(a, store_col_text(s, 6));
	it->from_template = it->template_id != NULL;
	it->version = sqlite3_column_int(s, 7);
}

int
store_checklist(struct store *st, const char *village_id, struct arena *a,
		struct store_item **out, int *n, struct ntm_error *e)
{
	sqlite3_stmt *s;
	*out = NULL;
	*n = 0;
	if (store_prepare(st, SQL_ITEMS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, village_id);
	size_t cap = 0, k = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		fill_item(s, a, &(*out)[k], (int)k + 1);
		k++;
	}
	sqlite3_finalize(s);
	*n = (int)k;
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

/* The name of a village of the commune, or NULL. */
static const char *
village_name(struct store *st, struct arena *a, const char *village_id)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT name FROM unit WHERE id = ?1 AND "
			  "parent_id = ?2 AND level = 'thon'", &s, NULL))
		return NULL;
	store_bind_text(s, 1, village_id);
	store_bind_text(s, 2, st->commune_id);
	const char *name = NULL;
	if (sqlite3_step(s) == SQLITE_ROW)
		name = arena_strdup(a, store_col_text(s, 0));
	sqlite3_finalize(s);
	return name;
}

/* The village (which must still be there) and its items. */
static int
load_village(struct store *st, const char *village_id, struct arena *a,
	     struct village_items *v, struct ntm_error *e)
{
	v->id = arena_strdup(a, village_id);
	v->name = village_id ? village_name(st, a, village_id) : NULL;
	if (!v->name)
		return ntm_fail(e, NTM_FAIL, MSG_VILLAGE_GONE,
				st->commune_name ? st->commune_name : "?");
	return store_checklist(st, village_id, a, &v->items, &v->n, e);
}

/* The item is not in any village of the commune: deleted (by whom, if ntm
 * saw it), or never was. */
static int
refuse_missing(struct store *st, const char *id, struct arena *a,
	       struct ntm_error *e)
{
	const char *title = store_deleted_title(st, "checklist_item", id, a);
	if (!title)
		return ntm_fail(e, NTM_FAIL, "%s", MSG_ITEM_NO_SUCH);
	return ntm_fail(e, NTM_FAIL, MSG_ITEM_GONE, title,
			store_last_change_text(st, "checklist_item", id,
					       VERB_DELETE, a));
}

/* The village holding item `id`, if it is one of the commune's. */
static const char *
item_village(struct store *st, const char *id, struct arena *a)
{
	sqlite3_stmt *s;
	if (!id || store_prepare(st, "SELECT i.unit_id FROM checklist_item i "
				 "JOIN unit u ON u.id = i.unit_id WHERE i.id = ?1 "
				 "AND u.parent_id = ?2 AND u.level = 'thon'", &s, NULL))
		return NULL;
	store_bind_text(s, 1, id);
	store_bind_text(s, 2, st->commune_id);
	const char *unit = NULL;
	if (sqlite3_step(s) == SQLITE_ROW)
		unit = arena_strdup(a, store_col_text(s, 0));
	sqlite3_finalize(s);
	return unit;
}

/* The item as it is now, with its village and its place there. */
static int
load_item(struct store *st, const char *id, struct arena *a,
	  struct item_ctx *c, struct ntm_error *e)
{
	const char *unit = item_village(st, id, a);
	if (!unit)
		return refuse_missing(st, id ? id : "", a, e);
	int rc = load_village(st, unit, a, &c->v, e);
	for (int i = 0; rc == NTM_OK && i < c->v.n; i++)
		if (strcmp(c->v.items[i].id, id) == 0) {
			c->it = &c->v.items[i];
			c->index = i;
			return NTM_OK;
		}
	return rc == NTM_OK ? refuse_missing(st, id, a, e) : rc;
}

/* load_item, refused when the item is no longer the version the caller
 * saw. */
static int
current_item(struct store *st, const char *id, int expected_version,
	     struct arena *a, struct item_ctx *c, struct ntm_error *e)
{
	int rc = load_item(st, id, a, c, e);
	if (rc == NTM_OK && c->it->version != expected_version)
		rc = ntm_fail(e, NTM_FAIL, MSG_ITEM_CHANGED, c->it->title,
			      store_last_change_text(st, "checklist_item", id,
						     VERB_EDIT, a));
	return rc;
}

int
store_item_get(struct store *st, const char *item_id, struct arena *a,
	       struct store_item *out, struct ntm_error *e)
{
	struct item_ctx c;
	int rc = load_item(st, item_id, a, &c, e);
	if (rc == NTM_OK)
		*out = *c.it;
	return rc;
}

/* ---- finding an item by position or title ------------------------------- */

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

/* Whether every word of folded `want` is a whole word of folded title. */
static bool
has_words(const char *title, const char *want)
{
	char *t = strdup(title), *w = strdup(want), *save = NULL;
	static const char SEP[] = " ,.;:()/-–—\"'“”";
	char *word = t && w ? strtok_r(w, SEP, &save) : NULL;
	bool all = word != NULL;     /* "-" alone names nothing */
	for (; all && word; word = strtok_r(NULL, SEP, &save)) {
		bool found = false;
		char *copy = strdup(t), *tsave = NULL;
		for (char *tw = copy ? strtok_r(copy, SEP, &tsave) : NULL;
		     tw && !found; tw = strtok_r(NULL, SEP, &tsave))
			found = strcmp(tw, word) == 0;
		free(copy);
		all = found;
	}
	free(t);
	free(w);
	return all;
}

/* The one item whose folded title is the folded `want`, else the one
 * whose folded title has all of want's words ("co so vat chat" for "Cơ sở
 * vật chất (nhà văn hóa thôn)"); several are refused naming them. */
static const struct store_item *
resolve_folded(const struct village_items *v, const char *want,
	       struct ntm_error *e)
{
	char *fw = text_fold(want);
	const struct store_item *hit = NULL, *worded = NULL;
	sqlite3_str *list = sqlite3_str_new(NULL), *words = sqlite3_str_new(NULL);
	int hits = 0, nwords = 0;
	for (int i = 0; fw && i < v->n; i++) {
		char *f = text_fold(v->items[i].title);
		if (f && strcmp(f, fw) == 0) {
			sqlite3_str_appendf(list, "%s%d. %s", hits++ ? ", " : "",
					    v->items[i].pos, v->items[i].title);
			hit = &v->items[i];
		} else if (f && has_words(f, fw)) {
			sqlite3_str_appendf(words, "%s%d. %s", nwords++ ? ", " : "",
					    v->items[i].pos, v->items[i].title);
			worded = &v->items[i];
		}
		free(f);
	}
	free(fw);
	char *names = sqlite3_str_finish(list), *wnames = sqlite3_str_finish(words);
	char village[256];
	model_village_phrase(v->name, false, village, sizeof village);
	if (hits == 0 && nwords == 1)
		hit = worded, hits = 1;
	if (hits > 1)
		ntm_fail(e, NTM_FAIL, MSG_ITEM_AMBIGUOUS, want, names);
	else if (hits == 0 && nwords > 1)
		ntm_fail(e, NTM_FAIL, MSG_ITEM_WORDS, want, wnames);
	else if (hits == 0)
		ntm_fail(e, NTM_FAIL, MSG_ITEM_UNKNOWN, village, want);
	sqlite3_free(names);
	sqlite3_free(wnames);
	return hits == 1 ? hit : NULL;
}

static const struct store_item *
resolve_in(const struct village_items *v, const char *item, struct arena *a,
	   struct ntm_error *e)
{
	if (all_digits(item)) {
		long pos = strlen(item) < 6 ? strtol(item, NULL, 10) : 0;
		if (pos >= 1 && pos <= v->n)
			return &v->items[pos - 1];
		char village[256];
		ntm_fail(e, NTM_FAIL, MSG_ITEM_RANGE, model_village_phrase(v->name,
			 false, village, sizeof village), v->n, item);
		return NULL;
	}
	const char *want = store_clean_text(a, item, false, WHAT_TITLE, e);
	if (!want)
		return NULL;
	for (int i = 0; i < v->n; i++)
		if (strcmp(v->items[i].title, want) == 0)
			return &v->items[i];
	return resolve_folded(v, want, e);
}

int
store_item_resolve(struct store *st, const char *village_id, const char *item,
		   struct arena *a, struct store_item *out, struct ntm_error *e)
{
	struct village_items v;
	int rc = load_village(st, village_id, a, &v, e);
	if (rc != NTM_OK)
		return rc;
	const struct store_item *it = resolve_in(&v, item ? item : "", a, e);
	if (!it)
		return e ? (int)e->code : NTM_FAIL;
	*out = *it;
	return NTM_OK;
}

/* ---- writing -------------------------------------------------------------- */

/* One item edit under way, for the work functions of store_action_run. */
struct item_action {
	struct arena a;
	const char *village_id, *id, *text;
	const char *date;            /* a tick's done date (YYYY-MM-DD), or NULL */
	int version, pos;
	bool done;
	char new_id[STORE_ID_LEN];
};

/* No other item of the village (skip: its index, or -1) has this title. */
static int
check_unique(const struct village_items *v, const char *title, int skip,
	     struct ntm_error *e)
{
	for (int i = 0; i < v->n; i++)
		if (i != skip && strcmp(v->items[i].title, title) == 0) {
			char village[256];
			return ntm_fail(e, NTM_FAIL, MSG_ITEM_EXISTS,
					model_village_phrase(v->name, false, village,
							     sizeof village),
					title, v->items[i].pos);
		}
	return NTM_OK;
}

/* Sets one item's ord through the prepared statement of renumber. */
static int
step_ord(sqlite3_stmt *s, const char *id, int ord)
{
	sqlite3_reset(s);
	store_bind_text(s, 1, id);
	sqlite3_bind_int(s, 2, ord);
	return sqlite3_step(s);
}

/* Numbers items 1..n in the given order, leaving a hole at index `gap`
 * (n: none); only rows whose ord changes are written (and audited), the
 * one at index `first` (-1: none) before the others, so that the log
 * shows the action by the item it was about. */
static int
renumber(struct store *st, const struct store_item *items, int n, int gap,
	 int first, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "UPDATE checklist_item SET ord = ?2 "
			  "WHERE id = ?1 AND ord IS NOT ?2", &s, e))
		return NTM_FAIL;
	int rc = SQLITE_DONE;
	if (first >= 0)
		rc = step_ord(s, items[first].id, first + 1 + (first >= gap));
	for (int i = 0; rc == SQLITE_DONE && i < n; i++)
		if (i != first)
			rc = step_ord(s, items[i].id, i + 1 + (i >= gap));
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

static int
insert_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct item_action *x = ctx;
	struct village_items v = {0};
	int rc = load_village(st, x->village_id, &x->a, &v, e);
	if (rc == NTM_OK)
		rc = check_unique(&v, x->text, -1, e);
	int k = x->pos < 0 || x->pos > v.n ? v.n : x->pos;
	sqlite3_stmt *s;
	if (rc == NTM_OK)
		rc = store_prepare(st, "INSERT INTO checklist_item(id, unit_id, "
				   "title, ord) SELECT ?1, ?2, ?3, coalesce(?4, "
				   "(SELECT coalesce(max(ord), 0) + 1 FROM "
				   "checklist_item WHERE unit_id = ?2))", &s, e);
	if (rc != NTM_OK)
		return rc;
	store_new_id(x->new_id);
	store_bind_text(s, 1, x->new_id);
	store_bind_text(s, 2, x->village_id);
	store_bind_text(s, 3, x->text);
	if (k < v.n)
		sqlite3_bind_int(s, 4, k + 1);
	rc = store_step_done(st, s, e);
	/* The new item's row first (the log shows an action by its first
	 * row), then the items after it move one place down. */
	if (rc == NTM_OK && k < v.n)
		rc = renumber(st, v.items, v.n, k, -1, e);
	return rc;
}

int
store_item_insert(struct store *st, const char *village_id, const char *title,
		  int after_pos, char new_id[STORE_ID_LEN], struct ntm_error *e)
{
	struct item_action x = {.village_id = village_id, .pos = after_pos};
	if (new_id)
		new_id[0] = '\0';
	x.text = clean_title(&x.a, title, e);
	int rc = x.text ? store_action_run(st, NTM_VERB_ITEM_ADD, insert_work, &x, e)
		: NTM_USAGE;
	if (rc == NTM_OK && new_id)
		memcpy(new_id, x.new_id, STORE_ID_LEN);
	arena_free(&x.a);
	return rc;
}

static int
tick_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct item_action *x = ctx;
	struct item_ctx c;
	int rc = load_item(st, x->id, &x->a, &c, e);
	if (rc != NTM_OK)
		return rc;
	char today[11];
	store_today(today);
	const char *on = x->date ? x->date : today;
	/* Already so (a colleague ticked alike): a row saying so, no change;
	 * a done item given another date gets that date. */
	bool redate = x->done && x->date && c.it->done &&
		      (!c.it->done_on || strcmp(c.it->done_on, x->date) != 0);
	if (c.it->done == x->done && !redate)
		return store_exec_text(st, "UPDATE checklist_item SET done = done "
				 "WHERE id = ?1", x->id, NULL, e);
	sqlite3_stmt *s;
	if (store_prepare(st, redate ? "UPDATE checklist_item SET done_on = ?3, "
			  "version = version + 1 WHERE id = ?1"
			  : "UPDATE checklist_item SET done = ?2, done_on = ?3, "
			  "done_by = ?4, version = version + 1 WHERE id = ?1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, x->id);
	if (!redate) {
		sqlite3_bind_int(s, 2, x->done);
		store_bind_text(s, 4, x->done ? (st->person ? st->person : st->os_user)
				: NULL);
	}
	store_bind_text(s, 3, x->done ? on : NULL);
	return store_step_done(st, s, e);
}

int
store_item_tick(struct store *st, const char *item_id, bool done,
		struct ntm_error *e)
{
	return store_item_tick_on(st, item_id, done, NULL, e);
}

int
store_item_tick_on(struct store *st, const char *item_id, bool done,
		   const char *date, struct ntm_error *e)
{
	struct item_action x = {.id = item_id, .done = done};
	char today[11], iso[11];
	if (done && date) {
		store_today(today);
		if (model_measurement_date(date, today, iso, e) != NTM_OK)
			return NTM_USAGE;
		x.date = iso;
	}
	int rc = store_action_run(st, done ? NTM_VERB_ITEM_DONE : NTM_VERB_ITEM_UNDONE,
				  tick_work, &x, e);
	arena_free(&x.a);
	return rc;
}

static int
retitle_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct item_action *x = ctx;
	struct item_ctx c;
	int rc = current_item(st, x->id, x->version, &x->a, &c, e);
	if (rc != NTM_OK || strcmp(c.it->title, x->text) == 0)
		return rc;
	rc = check_unique(&c.v, x->text, c.index, e);
	if (rc == NTM_OK)
		rc = store_exec_text(st, "UPDATE checklist_item SET title = ?2, "
			       "version = version + 1 WHERE id = ?1", x->id, x->text, e);
	return rc;
}

int
store_item_retitle(struct store *st, const char *item_id, int expected_version,
		   const char *title, struct ntm_error *e)
{
	struct item_action x = {.id = item_id, .version = expected_version};
	x.text = clean_title(&x.a, title, e);
	int rc = x.text ? store_action_run(st, NTM_VERB_ITEM_TITLE, retitle_work, &x, e)
		: NTM_USAGE;
	arena_free(&x.a);
	return rc;
}

static int
note_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct item_action *x = ctx;
	struct item_ctx c;
	int rc = current_item(st, x->id, x->version, &x->a, &c, e);
	const char *now = rc == NTM_OK && c.it->note ? c.it->note : "";
	if (rc != NTM_OK || strcmp(now, x->text) == 0)
		return rc;
	return store_exec_text(st, "UPDATE checklist_item SET note = ?2, "
			 "version = version + 1 WHERE id = ?1", x->id,
			 *x->text ? x->text : NULL, e);
}

int
store_item_set_note(struct store *st, const char *item_id, int expected_version,
		    const char *note, struct ntm_error *e)
{
	struct item_action x = {.id = item_id, .version = expected_version};
	x.text = store_clean_note(&x.a, note, WHAT_NOTE, e);
	int rc = x.text ? store_action_run(st, NTM_VERB_ITEM_NOTE, note_work, &x, e)
		: NTM_USAGE;
	arena_free(&x.a);
	return rc;
}

static int
delete_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct item_action *x = ctx;
	struct item_ctx c;
	int rc = current_item(st, x->id, x->version, &x->a, &c, e);
	if (rc == NTM_OK)
		rc = store_exec_text(st, "DELETE FROM checklist_item WHERE id = ?1",
			       x->id, NULL, e);
	return rc;
}

int
store_item_delete(struct store *st, const char *item_id, int expected_version,
		  struct ntm_error *e)
{
	struct item_action x = {.id = item_id, .version = expected_version};
	int rc = store_action_run(st, NTM_VERB_ITEM_REMOVE, delete_work, &x, e);
	arena_free(&x.a);
	return rc;
}

static int
move_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct item_action *x = ctx;
	struct item_ctx c;
	int rc = load_item(st, x->id, &x->a, &c, e);
	if (rc != NTM_OK)
		return rc;
	int n = c.v.n, to = x->pos < 1 ? 0 : x->pos > n ? n - 1 : x->pos - 1;
	struct store_item *order = arena_alloc(&x->a, sizeof *order * (size_t)n);
	struct store_item moved = *c.it;
	int k = 0;
	for (int i = 0; i < n; i++)
		if (i != c.index)
			order[k++] = c.v.items[i];
	memmove(order + to + 1, order + to, sizeof *order * (size_t)(n - 1 - to));
	order[to] = moved;
	return renumber(st, order, n, n, to, e);
}

int
store_item_move(struct store *st, const char *item_id, int to_pos,
		struct ntm_error *e)
{
	struct item_action x = {.id = item_id, .pos = to_pos};
	int rc = store_action_run(st, NTM_VERB_ITEM_MOVE, move_work, &x, e);
	arena_free(&x.a);
	return rc;
}

/* ---- by position or title (the command line) ------------------------------ */

int
store_item_add(struct store *st, const char *village_id, const char *title,
	       struct ntm_error *e)
{
	return store_item_insert(st, village_id, title, -1, NULL, e);
}

/* Already so: nothing written (the caller read it a moment ago). */
int
store_item_set_done(struct store *st, const char *village_id, const char *item,
		    bool done, const char *date, struct ntm_error *e)
{
	struct arena a = {0};
	struct store_item it;
	char today[11], iso[11] = "";
	store_today(today);
	if (done && date && model_measurement_date(date, today, iso, e) != NTM_OK)
		return NTM_USAGE;
	int rc = store_item_resolve(st, village_id, item, &a, &it, e);
	bool redate = done && *iso && it.done &&
		      (!it.done_on || strcmp(it.done_on, iso) != 0);
	if (rc == NTM_OK && (it.done != done || redate))
		rc = store_item_tick_on(st, it.id, done, *iso ? iso : NULL, e);
	arena_free(&a);
	return rc;
}

int
store_item_remove(struct store *st, const char *village_id, const char *item,
		  struct ntm_error *e)
{
	struct arena a = {0};
	struct store_item it;
	int rc = store_item_resolve(st, village_id, item, &a, &it, e);
	if (rc == NTM_OK)
		rc = store_item_delete(st, it.id, it.version, e);
	arena_free(&a);
	return rc;
}

/* ---- sorting a listing ------------------------------------------------------ */

static int
compare_items(const struct store_item *x, const struct store_item *y,
	      enum store_item_order o)
{
	if (o == ITEMS_UNDONE_FIRST && x->done != y->done)
		return x->done ? 1 : -1;
	if (o == ITEMS_BY_TITLE) {
		int c = collate_compare(x->title ? x->title : "",
					x->title ? strlen(x->title) : 0,
					y->title ? y->title : "",
					y->title ? strlen(y->title) : 0);
		if (c != 0)
			return c;
	}
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* A merge sort: stable, whatever the order the items come in. */
static void
merge_sort(struct store_item *it, struct store_item *tmp, int n,
	   enum store_item_order o)
{
	if (n < 2)
		return;
	int h = n / 2, i = 0, j = h, k = 0;
	merge_sort(it, tmp, h, o);
	merge_sort(it + h, tmp, n - h, o);
	while (i < h && j < n)
		tmp[k++] = compare_items(&it[j], &it[i], o) < 0 ? it[j++] : it[i++];
	while (i < h)
		tmp[k++] = it[i++];
	while (j < n)
		tmp[k++] = it[j++];
	memcpy(it, tmp, sizeof *it * (size_t)n);
}

void
store_items_sort(struct store_item *items, int n, enum store_item_order o)
{
	if (!items || n < 2)
		return;
	struct store_item *tmp = malloc(sizeof *tmp * (size_t)n);
	if (tmp) {
		merge_sort(items, tmp, n, o);
		free(tmp);
		return;
	}
	/* Out of memory: an insertion sort, stable too. */
	for (int i = 1; i < n; i++) {
		struct store_item x = items[i];
		int j = i;
		for (; j > 0 && compare_items(&x, &items[j - 1], o) < 0; j--)
			items[j] = items[j - 1];
		items[j] = x;
	}
}
