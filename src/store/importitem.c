/* ntm import's checklist rows: the village found or added with the
 * template's items, the item found (exact, else folded) or added, then
 * ticked, unticked, dated or noted as the row says. */
#include "import.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

enum { ITEM_TITLE_MAX = 200 };   /* checklist.c's rule for an item's title */

/* ---- village checklists ------------------------------------------------ */

/* x, có, 1, true, đạt, xong, đã xong; "", không, 0, false, chưa… */
static bool
read_done(const char *s, bool *done)
{
	double v;
	if (imp_blank(s)) {
		*done = false;
		return true;
	}
	if (!model_parse_value(NTM_KIND_BOOL, s, &v)) {
		*done = v != 0;
		return true;
	}
	char *fold = text_fold(s);
	static const char *const yes[] = {"xong", "da xong", "true", "yes"};
	static const char *const no[] = {"chua xong", "false", "no", "chua"};
	bool found = false;
	for (size_t k = 0; fold && !found && k < 4; k++)
		if (strcmp(fold, yes[k]) == 0 || strcmp(fold, no[k]) == 0) {
			*done = strcmp(fold, yes[k]) == 0;
			found = true;
		}
	free(fold);
	return found;
}

/* The commune's village whose name has the same model_village_key as
 * name ("Thôn Cự Đình", "cu dinh" for Cự Đình), as store_village_twin
 * matches a name typed again; false when none. */
static bool
village_by_key(struct store *st, struct imp *x, const char *name,
	       struct store_village *v)
{
	struct store_village *all;
	int n;
	char *key = model_village_key(name);
	bool found = false;
	if (key && store_villages(st, x->a, &all, &n, NULL) == NTM_OK)
		for (int k = 0; !found && k < n; k++) {
			char *other = model_village_key(all[k].name);
			if ((found = other && strcmp(other, key) == 0))
				*v = all[k];
			free(other);
		}
	free(key);
	return found;
}

/* The village row i names (its name or alias, exact or folded, else the
 * same key), else added under the name as typed with no items: a
 * village an import makes holds the file's items, in the file's order. */
static bool
village_of(struct store *st, struct imp *x, int i, struct store_village *v)
{
	const char *name = x->rows[i].f[SF_VILLAGE];
	struct ntm_error re = {0};
	if (imp_blank(name))
		return imp_bad(x, i, SF_VILLAGE, MSG_IMP_NEEDS, TXT_IMP_VILLAGE);
	const char *clean = store_clean_line(x->a, name, STORE_MAX_PLACE,
					     WHAT_VILLAGE, &re);
	if (!clean)
		return imp_bad(x, i, SF_VILLAGE, "%s", re.msg);
	if (store_village_find(st, clean, x->a, v, NULL) == NTM_OK ||
	    village_by_key(st, x, clean, v))
		return true;
	*v = (struct store_village){.name = clean};
	store_new_id(v->id);
	sqlite3_stmt *s = imp_prepare(st, &re, "INSERT INTO unit(id, parent_id, "
				      "level, name, ord) SELECT ?1, ?2, 'thon', ?3, "
				      "coalesce(max(ord), 0) + 1 FROM unit WHERE "
				      "parent_id = ?2", 3, v->id, st->commune_id, clean);
	if (!s || store_step_done(st, s, &re))
		return imp_bad(x, i, SF_VILLAGE, "%s", re.msg);
	x->out->villages++;
	imp_change(x, TXT_IMP_VILLAGE_ADD, clean);
	return true;
}

struct imp_item {
	char id[STORE_ID_LEN];
	bool done;
	const char *title, *done_on, *done_by, *note;
};

/* The village's item of this title: exact, else the only one equal once
 * folded. */
static bool
find_item(struct store *st, struct imp *x, const char *village_id,
	  const char *title, struct imp_item *out)
{
	sqlite3_stmt *s = imp_prepare(st, NULL, "SELECT id, done, title, done_on, "
				      "done_by, note FROM checklist_item WHERE "
				      "unit_id = ?1 AND (title = ?2 OR ntm_fold(title) "
				      "= ntm_fold(?2)) ORDER BY title = ?2 DESC", 2,
				      village_id, title);
	if (!s)
		return false;
	int found = 0;
	bool exact = false;
	while (sqlite3_step(s) == SQLITE_ROW && !exact) {
		if (found++ == 0) {
			snprintf(out->id, sizeof out->id, "%s", store_col_text(s, 0));
			out->done = sqlite3_column_int(s, 1);
			out->title = arena_strdup(x->a, store_col_text(s, 2));
			out->done_on = arena_strdup(x->a, store_col_text(s, 3));
			out->done_by = arena_strdup(x->a, store_col_text(s, 4));
			out->note = arena_strdup(x->a, store_col_text(s, 5));
			exact = strcmp(out->title, title) == 0;
		}
	}
	sqlite3_finalize(s);
	return found == 1 || exact;
}

static bool
add_item(struct store *st, struct imp *x, int i, const struct store_village *v,
	 const char *title, struct imp_item *it)
{
	struct ntm_error re = {0};
	sqlite3_stmt *s;
	*it = (struct imp_item){.title = title};
	store_new_id(it->id);
	/* a template title keeps its link (the matrix's column) unless the
	 * village has an item of that template already */
	if (store_prepare(st, "INSERT INTO checklist_item(id, unit_id, template_id, "
			  "title, ord) SELECT ?1, ?2, (SELECT t.id FROM "
			  "checklist_template t JOIN criteria_set cs ON cs.id = "
			  "t.set_id AND cs.code = 'kdc_km' WHERE t.title = ?3 AND NOT "
			  "EXISTS (SELECT 1 FROM checklist_item o WHERE o.unit_id = ?2 "
			  "AND o.template_id = t.id) LIMIT 1), ?3, coalesce(max(ord), "
			  "0) + 1 FROM checklist_item WHERE unit_id = ?2", &s, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	store_bind_text(s, 1, it->id);
	store_bind_text(s, 2, v->id);
	store_bind_text(s, 3, title);
	if (store_step_done(st, s, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	char village[256];
	x->out->items_added++;
	imp_change(x, TXT_IMP_ITEM_ADD, title,
	       model_village_phrase(v->name, false, village, sizeof village));
	return true;
}

/* Ticks, unticks, dates or notes the item as the row says. */
static bool
set_item(struct store *st, struct imp *x, int i, const struct store_village *v,
	 const struct imp_item *it, bool added)
{
	const char *const *f = x->rows[i].f;
	struct ntm_error re = {0};
	bool done = it->done;
	char date[11] = "";
	if (f[SF_DONE] && !read_done(f[SF_DONE], &done))
		return imp_bad(x, i, SF_DONE, MSG_IMP_DONE, f[SF_DONE]);
	if (done && imp_given(f[SF_DATE]) &&
	    model_measurement_date(f[SF_DATE], NULL, date, &re))
		return imp_bad(x, i, SF_DATE, "%s", re.msg);
	char dmy[11];
	model_date_dmy(date, dmy);
	if (*date && strcmp(date, x->today) > 0)
		return imp_bad(x, i, SF_DATE, MSG_IMP_DONE_FUTURE, dmy);
	const char *on = !done ? NULL : *date ? date
		: it->done ? it->done_on : x->today;
	const char *by = !done ? NULL : it->done ? it->done_by
		: st->person ? st->person : st->os_user;
	const char *note = imp_given(f[SF_NOTE]);
	if (note && !(note = store_clean_note(x->a, note, WHAT_NOTE, &re)))
		return imp_bad(x, i, SF_NOTE, "%s", re.msg);
	if (!note)
		note = it->note;
	if (done == it->done && imp_same_text(on, it->done_on) &&
	    imp_same_text(note, it->note)) {
		x->out->same += !added;
		return true;
	}
	sqlite3_stmt *s;
	if (store_prepare(st, "UPDATE checklist_item SET done = ?2, done_on = ?3, "
			  "done_by = ?4, note = ?5, version = version + 1 "
			  "WHERE id = ?1", &s, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	store_bind_text(s, 1, it->id);
	sqlite3_bind_int(s, 2, done);
	store_bind_text(s, 3, on);
	store_bind_text(s, 4, by);
	store_bind_text(s, 5, note && *note ? note : NULL);
	if (store_step_done(st, s, &re))
		return imp_bad(x, i, -1, "%s", re.msg);
	char village[256];
	model_village_phrase(v->name, false, village, sizeof village);
	model_date_dmy(on, dmy);
	x->out->items_changed++;
	bool noted = !imp_same_text(note, it->note);
	if (done && (done != it->done || !imp_same_text(on, it->done_on)))
		imp_change(x, TXT_IMP_ITEM_DONE, it->title, village, dmy);
	else if (done != it->done)
		imp_change(x, TXT_IMP_ITEM_UNDONE, it->title, village);
	if (noted && note && *note)
		imp_change(x, TXT_IMP_ITEM_NOTE, note, it->title, village);
	else if (noted)
		imp_change(x, TXT_IMP_ITEM_NOTE_CLEAR, it->title, village);
	return true;
}

bool
imp_item_row(struct store *st, struct imp *x, int i)
{
	const char *const *f = x->rows[i].f;
	struct ntm_error re = {0};
	struct store_village v;
	struct imp_item it;
	if (!village_of(st, x, i, &v))
		return false;
	if (imp_blank(f[SF_ITEM]))
		return imp_bad(x, i, SF_ITEM, MSG_IMP_NEEDS, TXT_IMP_ITEM);
	const char *title = store_clean_line(x->a, f[SF_ITEM], ITEM_TITLE_MAX,
					     WHAT_TITLE, &re);
	if (!title)
		return imp_bad(x, i, SF_ITEM, "%s", re.msg);
	bool added = !find_item(st, x, v.id, title, &it);
	if (added && !add_item(st, x, i, &v, title, &it))
		return false;
	return set_item(st, x, i, &v, &it, added);
}
