/* Criteria sets as data: the sets a commune's plans may follow (listed
 * with their counts), a new national set created from a document (all or
 * nothing, one audited action), and the national target of an indicator
 * entered by an official with the decision it comes from. Which set is
 * read is the plan's (SQL_SET_OF_PLAN, internal.h). */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>

#include "ntm/criteriadoc.h"

/* ---- the sets ---------------------------------------------------------------- */

static const char SQL_SETS[] =
	"SELECT cs.code, cs.name, cs.level, cs.source, "
	"  (SELECT count(*) FROM criterion c WHERE c.set_id = cs.id), "
	"  (SELECT count(*) FROM indicator i JOIN criterion c ON c.id = "
	"     i.criterion_id WHERE c.set_id = cs.id AND i.plan_id IS NULL), "
	"  (SELECT count(*) FROM indicator i JOIN criterion c ON c.id = "
	"     i.criterion_id WHERE c.set_id = cs.id AND i.plan_id IS NULL "
	"     AND i.target IS NOT NULL), "
	"  cs.id = " SQL_SET_OF_PLAN("?1") " "
	"FROM criteria_set cs ORDER BY cs.rowid";

int
store_criteria_sets(struct store *st, struct arena *a,
		    struct store_criteria_set **out, int *n, struct ntm_error *e)
{
	sqlite3_stmt *s;
	size_t cap = 0, k = 0;
	*out = NULL;
	if (store_prepare(st, SQL_SETS, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, st->plan_id);
	while (sqlite3_step(s) == SQLITE_ROW) {
		*out = arena_grow(a, *out, k, &cap, sizeof **out);
		struct store_criteria_set *x = &(*out)[k++];
		x->code = arena_strdup(a, store_col_text(s, 0));
		x->name = arena_strdup(a, store_col_text(s, 1));
		x->level = arena_strdup(a, store_col_text(s, 2));
		x->source = arena_strdup(a, store_col_text(s, 3));
		x->criteria = sqlite3_column_int(s, 4);
		x->indicators = sqlite3_column_int(s, 5);
		x->targets = sqlite3_column_int(s, 6);
		x->in_use = sqlite3_column_int(s, 7);
	}
	*n = (int)k;
	return sqlite3_finalize(s) == SQLITE_OK ? NTM_OK
		: store_sql_fail(st, e, sqlite3_errcode(st->db));
}

/* ---- importing a set ----------------------------------------------------------- */

struct import {
	const struct ntm_criteria_doc *d;
	const char *file;
	const char **sector;         /* [criterion]: its sector's code */
	struct arena a;
};

/* A failure of line `line` of the file: "TỆP:12: why". */
static int
at_line(struct import *x, int line, struct ntm_error *e)
{
	char why[sizeof e->msg];
	snprintf(why, sizeof why, "%s", e->msg);
	return ntm_fail(e, e->code, "%s:%d: %s", x->file, line, why);
}

/* One text by the store's rules for a line of its kind (NULL: none). */
static bool
fits(struct import *x, const char *s, int max, const char *what,
     struct ntm_error *e)
{
	return !s || store_clean_line(&x->a, s, max, what, e);
}

/* Every text of the set fits the store's rules, refused at its line. */
static int
check_texts(struct import *x, struct ntm_error *e)
{
	const struct ntm_criteria_doc *d = x->d;
	if (!fits(x, d->code, STORE_MAX_CODE, WHAT_PD_CODE, e) ||
	    !fits(x, d->name, STORE_MAX_INDICATOR, WHAT_PD_NAME, e) ||
	    !fits(x, d->source, STORE_MAX_INDICATOR, WHAT_SOURCE, e))
		return at_line(x, d->line_code, e);
	for (int i = 0; i < d->ncrit; i++)
		if (!fits(x, d->crit[i].name, STORE_MAX_INDICATOR, WHAT_PD_NAME, e) ||
		    !fits(x, d->crit[i].group, STORE_MAX_INDICATOR, WHAT_PD_NAME, e))
			return at_line(x, d->crit[i].line, e);
	for (int i = 0; i < d->nind; i++) {
		const struct ntm_doc_crit_indicator *in = &d->ind[i];
		if (!fits(x, in->code, STORE_MAX_CODE, WHAT_PD_CODE, e) ||
		    !fits(x, in->name, STORE_MAX_INDICATOR, WHAT_PD_NAME, e) ||
		    !fits(x, in->unit_label, STORE_MAX_UNIT_LABEL, WHAT_PD_UNIT, e) ||
		    !fits(x, in->source, STORE_MAX_INDICATOR, WHAT_SOURCE, e))
			return at_line(x, in->line, e);
	}
	return NTM_OK;
}

/* What needs the database: the set's code is new, every sector exists,
 * every text fits the store's rules. */
static int
import_check(struct store *st, struct import *x, struct ntm_error *e)
{
	const struct ntm_criteria_doc *d = x->d;
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT name FROM criteria_set WHERE "
			  "ntm_fold(code) = ntm_fold(?1)", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, d->code);
	const char *had = sqlite3_step(s) == SQLITE_ROW
		? arena_strdup(&x->a, store_col_text(s, 0)) : NULL;
	sqlite3_finalize(s);
	if (had) {
		ntm_fail(e, NTM_FAIL, MSG_SET_EXISTS, d->code, had);
		return at_line(x, d->line_code, e);
	}
	x->sector = arena_alloc(&x->a, sizeof *x->sector * (size_t)(d->ncrit + 1));
	for (int i = 0; i < d->ncrit; i++)
		if (store_sector_find(st, d->crit[i].sector, &x->a, &x->sector[i], e))
			return at_line(x, d->crit[i].line_sector, e);
	return check_texts(x, e);
}

/* Prepares sql, an INSERT of a new row: ?1 its new id (into id), ?2 the
 * row it belongs to (parent; NULL: none). */
static int
insert_start(struct store *st, const char *sql, const char *parent,
	     char id[STORE_ID_LEN], sqlite3_stmt **s, struct ntm_error *e)
{
	if (store_prepare(st, sql, s, e))
		return NTM_FAIL;
	store_new_id(id);
	store_bind_text(*s, 1, id);
	if (parent)
		store_bind_text(*s, 2, parent);
	return NTM_OK;
}

static int
insert_set(struct store *st, const struct ntm_criteria_doc *d, char id[STORE_ID_LEN],
	   struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (insert_start(st, "INSERT INTO criteria_set(id, code, name, level, "
			 "source) VALUES (?1, ?2, ?3, ?4, ?5)", NULL, id, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 2, d->code);
	store_bind_text(s, 3, d->name);
	store_bind_text(s, 4, d->level);
	store_bind_text(s, 5, d->source);
	return store_step_done(st, s, e);
}

static int
insert_criterion(struct store *st, const char *set_id,
		 const struct ntm_doc_criterion *c, const char *sector,
		 char id[STORE_ID_LEN], struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (insert_start(st, "INSERT INTO criterion(id, set_id, sector_id, "
			 "number, name, grp) VALUES (?1, ?2, (SELECT id FROM "
			 "sector WHERE code = ?3), ?4, ?5, ?6)", set_id, id, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 3, sector);
	sqlite3_bind_int(s, 4, c->number);
	store_bind_text(s, 5, c->name);
	store_bind_text(s, 6, c->group);
	return store_step_done(st, s, e);
}

static int
insert_indicator(struct store *st, const char *criterion_id,
		 const struct ntm_doc_crit_indicator *x, const char *source,
		 int ord, struct ntm_error *e)
{
	sqlite3_stmt *s;
	char id[STORE_ID_LEN];
	if (insert_start(st, "INSERT INTO indicator(id, criterion_id, code, "
			 "name, kind, comparator, target, unit_label, source, "
			 "ord) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
			 criterion_id, id, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 3, x->code);
	store_bind_text(s, 4, x->name);
	store_bind_text(s, 5, model_kind_word(x->kind));
	store_bind_text(s, 6, model_cmp_word(x->cmp));
	if (x->target.set)
		sqlite3_bind_double(s, 7, x->target.value);
	store_bind_text(s, 8, x->unit_label);
	store_bind_text(s, 9, x->source ? x->source : source);
	sqlite3_bind_int(s, 10, ord);
	return store_step_done(st, s, e);
}

static int
import_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct import *x = ctx;
	const struct ntm_criteria_doc *d = x->d;
	char set_id[STORE_ID_LEN], crit_id[STORE_ID_LEN];
	int rc = import_check(st, x, e);   /* again, inside the transaction */
	if (rc == NTM_OK)
		rc = insert_set(st, d, set_id, e);
	for (int c = 0; rc == NTM_OK && c < d->ncrit; c++) {
		rc = insert_criterion(st, set_id, &d->crit[c], x->sector[c],
				      crit_id, e);
		for (int i = 0, ord = 0; rc == NTM_OK && i < d->nind; i++)
			if (d->ind[i].criterion == d->crit[c].number)
				rc = insert_indicator(st, crit_id, &d->ind[i],
						      d->source, ++ord, e);
	}
	return rc;
}

int
store_criteria_import(struct store *st, const struct ntm_criteria_doc *d,
		      const char *file, bool dry_run, int *criteria,
		      int *indicators, struct ntm_error *e)
{
	struct import x = {.d = d, .file = file};
	int rc = dry_run ? import_check(st, &x, e)
		: store_action_run(st, NTM_VERB_CRITERIA_IMPORT, import_work, &x, e);
	arena_free(&x.a);
	if (rc == NTM_OK && criteria)
		*criteria = d->ncrit;
	if (rc == NTM_OK && indicators)
		*indicators = d->nind;
	return rc;
}

/* ---- the national target ------------------------------------------------------- */

/* A decision's reference ("QĐ 318/QĐ-TTg ngày 08/3/2022"), one line. */
enum { MAX_SOURCE = 200 };

struct national {
	const struct store_indicator_ref *ind;
	int version;
	bool clear;
	enum ntm_cmp cmp;
	double value;
	const char *source;
	struct arena a;
};

static int
national_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct national *x = ctx;
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT version, plan_id IS NOT NULL, target IS "
			  "NOT NULL, comparator = ?2 AND target = ?3 AND "
			  "target_source IS ?4 FROM indicator WHERE id = ?1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, x->ind->id);
	store_bind_text(s, 2, model_cmp_word(x->cmp));
	sqlite3_bind_double(s, 3, x->value);
	store_bind_text(s, 4, x->source);
	int rc = sqlite3_step(s);
	int version = sqlite3_column_int(s, 0);
	bool own = sqlite3_column_int(s, 1), has = sqlite3_column_int(s, 2);
	bool same = sqlite3_column_int(s, 3);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return ntm_fail(e, NTM_FAIL, MSG_CODE_UNKNOWN, x->ind->code, "");
	if (own)
		return ntm_fail(e, NTM_USAGE, MSG_NATIONAL_OWN, x->ind->code);
	if (x->version != STORE_ANY_VERSION && x->version != version)
		return ntm_fail(e, NTM_FAIL, MSG_NATIONAL_CHANGED, x->ind->code,
				store_last_change_text(st, "indicator", x->ind->id,
						       VERB_EDIT, &x->a));
	if (x->clear && !has)
		return ntm_fail(e, NTM_FAIL, MSG_NATIONAL_NONE, x->ind->code);
	if (!x->clear && same)
		return NTM_OK;       /* the same target and source: nothing to write */
	if (store_prepare(st, "UPDATE indicator SET comparator = coalesce(?2, "
			  "comparator), target = ?3, target_source = ?4, version "
			  "= version + 1 WHERE id = ?1", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, x->ind->id);
	store_bind_text(s, 2, x->clear ? NULL : model_cmp_word(x->cmp));
	if (!x->clear)
		sqlite3_bind_double(s, 3, x->value);
	store_bind_text(s, 4, x->source);
	return store_step_done(st, s, e);
}

static int
run_national(struct store *st, struct national *x, struct ntm_error *e)
{
	int rc = store_action_run(st, NTM_VERB_CRITERIA_TARGET, national_work, x, e);
	arena_free(&x->a);
	return rc;
}

int
store_national_target_set(struct store *st, const struct store_indicator_ref *ind,
			  int expected_version, enum ntm_cmp cmp, double value,
			  const char *source, struct ntm_error *e)
{
	struct national x = {.ind = ind, .version = expected_version,
			     .cmp = ind->kind == NTM_KIND_BOOL ? NTM_CMP_EQ : cmp,
			     .value = value};
	x.source = store_clean_line(&x.a, source, MAX_SOURCE,
				    WHAT_SOURCE, e);
	if (x.source && !*x.source)
		ntm_fail(e, NTM_USAGE, MSG_NATIONAL_NEEDS_SOURCE, ind->code);
	if (!x.source || !*x.source) {
		arena_free(&x.a);
		return NTM_USAGE;
	}
	return run_national(st, &x, e);
}

int
store_national_target_clear(struct store *st,
			    const struct store_indicator_ref *ind,
			    int expected_version, struct ntm_error *e)
{
	struct national x = {.ind = ind, .version = expected_version,
			     .clear = true};
	return run_national(st, &x, e);
}
