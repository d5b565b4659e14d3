/* The one-line forms of tab Thôn, their drafts and their reopening. */
#include "forms_village.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "forms.h"
#include "screen.h"

/* User-visible texts of this file. */
#define TXT_F_TITLE     "Việc"
#define TXT_F_VILLAGE   "Tên thôn"
#define TXT_ADD_ITEM    "Thêm việc — %s"
#define TXT_EDIT_ITEM   "Sửa tên việc — %s"
#define TXT_ADD_VILLAGE "Thêm thôn"
#define TXT_REN_VILLAGE "Đổi tên %s"
#define TXT_LOOKALIKE   "Lưu ý: “%s” chỉ khác thôn “%s” ở dấu hoặc chữ hoa (u để hoàn tác nếu gõ nhầm)."
#define TXT_SAVED       "Đã lưu."

/* The drafts' kinds, by enum vform. */
static const char *const KINDS[] = {"item_add", "item_title", "village_add", "village_name"};

struct one_line {
	struct tab *t;
	enum vform kind;
	char id[STORE_ID_LEN];
	int version, after;
	char name[256];
};

static char why[1024];

static const char *
save_line(struct app *a, struct form *fm, void *ctx)
{
	struct one_line *c = ctx;
	char *text = form_value(fm, 0);
	struct ntm_error e = {0};
	char new_id[STORE_ID_LEN] = "";
	int rc;
	switch (c->kind) {
	case VFORM_ITEM_ADD: rc = store_item_insert(a->st, c->id, text ? text : "", c->after, new_id, &e); break;
	case VFORM_ITEM_TITLE: rc = store_item_retitle(a->st, c->id, c->version, text ? text : "", &e); break;
	case VFORM_VILLAGE_ADD: rc = store_village_add(a->st, text ? text : "", true, &e); break;
	default: rc = store_village_rename(a->st, c->name, c->version, text ? text : "", &e); break;
	}
	free(text);
	if (rc != NTM_OK) {
		snprintf(why, sizeof why, "%s", e.msg);
		return why;
	}
	char warn[512] = "";
	if (c->kind >= VFORM_VILLAGE_ADD) {    /* select the village added or renamed */
		struct store_village nv;
		struct arena ar = {0};
		char *name = form_value(fm, 0);
		if (name && store_village_find(a->st, name, &ar, &nv, &e) == NTM_OK) {
			snprintf(a->select_after, sizeof a->select_after, "%s", nv.id);
			const char *other = store_village_lookalike(a->st, nv.id, &ar);
			if (other)
				snprintf(warn, sizeof warn, TXT_LOOKALIKE, nv.name, other);
		}
		free(name);
		arena_free(&ar);
	}
	app_edited(a);
	app_message(a, *warn != '\0', "%s", *warn ? warn : TXT_SAVED);
	if (c->kind == VFORM_ITEM_ADD)    /* the new item is the selected one */
		villages_select_item(a, c->t, new_id);
	return NULL;
}

void
form_village_line(struct app *a, struct tab *t, enum vform kind,
		  const struct store_village *v, const struct store_item *it,
		  const struct draft *d)
{
	struct one_line c = {.t = t, .kind = kind, .after = -1};
	char title[512], vp[256] = "";
	const char *label = TXT_F_TITLE, *value = NULL;
	if (v)
		model_village_phrase(v->name, false, vp, sizeof vp);
	switch (kind) {
	case VFORM_ITEM_ADD:
		snprintf(c.id, sizeof c.id, "%s", v->id);
		c.after = it ? it->pos : -1;
		snprintf(title, sizeof title, TXT_ADD_ITEM, vp);
		break;
	case VFORM_ITEM_TITLE:
		snprintf(c.id, sizeof c.id, "%s", it->id);
		c.version = it->version;
		snprintf(title, sizeof title, TXT_EDIT_ITEM, vp);
		value = it->title;
		break;
	case VFORM_VILLAGE_ADD:
		snprintf(title, sizeof title, "%s", TXT_ADD_VILLAGE);
		label = TXT_F_VILLAGE;
		break;
	default:
		snprintf(c.id, sizeof c.id, "%s", v->id);
		c.version = v->version;
		snprintf(c.name, sizeof c.name, "%s", v->name);
		snprintf(title, sizeof title, TXT_REN_VILLAGE, vp);
		label = TXT_F_VILLAGE;
		value = v->name;
	}
	struct form fm;
	form_init(&fm, title);
	form_text(&fm, label, value, 800);
	fm.save = save_line;
	fm.ctx = &c;
	fm.kind = KINDS[kind];
	snprintf(fm.key, sizeof fm.key, "%s", c.id);
	form_run(a, &fm, d);
	form_free(&fm);
}

/* ---- reopening a draft ------------------------------------------------------ */

static int
villages_tab(struct app *a)
{
	for (int i = 0; i < a->ntabs; i++)
		if (a->tabs[i].ops == &TAB_VILLAGES)
			return i;
	return -1;
}

static const struct store_village *
village_by_id(struct app *a, const char *id)
{
	for (int i = 0; i < a->rep.nvillages; i++)
		if (strcmp(a->rep.villages[i].id, id) == 0)
			return &a->rep.villages[i];
	return NULL;
}

/* The item id of any village: its village, and the item copied to *out
 * (its strings in ar). */
static const struct store_village *
item_by_id(struct app *a, const char *id, struct arena *ar, struct store_item *out)
{
	for (int v = 0; v < a->rep.nvillages; v++) {
		struct store_item *items;
		int n;
		struct ntm_error e = {0};
		if (store_checklist(a->st, a->rep.villages[v].id, ar, &items, &n, &e) != NTM_OK)
			continue;
		for (int i = 0; i < n; i++)
			if (strcmp(items[i].id, id) == 0) {
				*out = items[i];
				return &a->rep.villages[v];
			}
	}
	return NULL;
}

bool
forms_village_reopen(struct app *a, const struct draft *d)
{
	int kind = -1, tab = villages_tab(a);
	for (int k = 0; k < (int)(sizeof KINDS / sizeof *KINDS); k++)
		if (strcmp(d->kind, KINDS[k]) == 0)
			kind = k;
	bool done_on = strcmp(d->kind, "done_on") == 0;
	if ((kind < 0 && !done_on) || tab < 0)
		return false;
	struct arena ar = {0};
	struct store_item it;
	const struct store_village *v = NULL;
	bool item = done_on || kind == VFORM_ITEM_TITLE;
	if (item)
		v = item_by_id(a, d->key, &ar, &it);
	else if (kind != VFORM_VILLAGE_ADD)
		v = village_by_id(a, d->key);
	if (!v && kind != VFORM_VILLAGE_ADD) {
		arena_free(&ar);
		return false;
	}
	/* the village's row; an item's form with the focus in its checklist */
	app_goto(a, tab, v && (item || kind == VFORM_ITEM_ADD) ? v->id : NULL);
	if (v && !item && kind != VFORM_ITEM_ADD)
		for (int i = 0; i < a->tabs[tab].nrows; i++)
			if (a->tabs[tab].rows[i].index == (int)(v - a->rep.villages))
				list_select(&a->tabs[tab].list, i);
	app_sync_selection(a);
	if (item)
		villages_select_item(a, &a->tabs[tab], it.id);
	screen_draw(a);
	if (done_on) {
		char vp[256];
		model_village_phrase(v->name, false, vp, sizeof vp);
		form_item_done_on(a, &it, vp, d);
	} else {
		form_village_line(a, &a->tabs[tab], kind, v, item ? &it : NULL, d);
	}
	arena_free(&ar);
	return true;
}
