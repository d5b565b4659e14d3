/* Statements built from a table's columns, for the code that writes rows
 * of any edited table from their JSON images: undo (undo.c) and the
 * merging of other copies' changes (syncapply.c). The images are made as
 * the audit triggers make theirs (audit.c). */
#include "internal.h"
#include "msg.h"

#include <stdarg.h>
#include <string.h>

static const char *
finish(struct arena *a, sqlite3_str *str)
{
	char *s = sqlite3_str_finish(str);
	const char *out = arena_strdup(a, s ? s : "");
	sqlite3_free(s);
	return out;
}

static const char *
format(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	const char *out = arena_strdup(a, s ? s : "");
	sqlite3_free(s);
	return out;
}

/* The column lists of a table: its JSON image, its column names, the
 * values of an image ?1, the SET list of an update (all but id and
 * version), and whether it has a version. Returns the number of
 * columns, 0 when there is no table. */
static int
column_lists(struct store *st, struct arena *a, const char *entity,
	     const char *out[5], bool *version)
{
	sqlite3 *db = st->db;
	sqlite3_str *img = sqlite3_str_new(db), *ins = sqlite3_str_new(db),
		    *vals = sqlite3_str_new(db), *upd = sqlite3_str_new(db),
		    *names = sqlite3_str_new(db);
	sqlite3_str_appendall(names, ",");
	sqlite3_stmt *s;
	int cols = 0;
	*version = false;
	if (store_prepare(st, "SELECT name FROM pragma_table_info(?1)", &s,
			  NULL) == NTM_OK) {
		store_bind_text(s, 1, entity);
		for (; sqlite3_step(s) == SQLITE_ROW; cols++) {
			const char *c = store_col_text(s, 0), *sep = cols ? ", " : "";
			sqlite3_str_appendf(img, "%s'%q', \"%w\"", sep, c, c);
			sqlite3_str_appendf(ins, "%s\"%w\"", sep, c);
			sqlite3_str_appendf(names, "%s,", c);
			sqlite3_str_appendf(vals, "%sjson_extract(?1, '$.\"%q\"')", sep, c);
			*version |= strcmp(c, "version") == 0;
			if (strcmp(c, "id") != 0 && strcmp(c, "version") != 0)
				sqlite3_str_appendf(upd, "\"%w\" = json_extract(?1, "
						    "'$.\"%q\"'), ", c, c);
		}
		sqlite3_finalize(s);
	}
	out[0] = finish(a, img);
	out[1] = finish(a, ins);
	out[2] = finish(a, vals);
	out[3] = finish(a, upd);
	out[4] = finish(a, names);
	return cols;
}

/* Over every foreign key that refers to entity: "SELECT 1 FROM child
 * WHERE col = ?1 UNION ALL …" (out[0]) and "UPDATE child SET col = ?2
 * WHERE col = ?1; …" (out[1]); NULL when none refers to it. */
static void
children_sql(struct store *st, struct arena *a, const char *entity,
	     const char *out[2])
{
	sqlite3_stmt *s;
	out[0] = out[1] = NULL;
	if (store_prepare(st, "SELECT m.name, f.\"from\" FROM sqlite_master m, "
			  "pragma_foreign_key_list(m.name) f WHERE m.type = "
			  "'table' AND f.\"table\" = ?1", &s, NULL))
		return;
	store_bind_text(s, 1, entity);
	sqlite3_str *q = sqlite3_str_new(st->db), *u = sqlite3_str_new(st->db);
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *t = store_col_text(s, 0), *c = store_col_text(s, 1);
		sqlite3_str_appendf(u, "UPDATE \"%w\" SET \"%w\" = ?2 WHERE "
				    "\"%w\" = ?1;", t, c, c);
		/* what only remembers the row (a preference of the file) does
		 * not keep it from being deleted */
		if (strcmp(t, "plan_choice") == 0)
			continue;
		sqlite3_str_appendf(q, "%sSELECT 1 FROM \"%w\" WHERE \"%w\" = ?1",
				    n++ ? " UNION ALL " : "", t, c);
	}
	sqlite3_finalize(s);
	const char *children = finish(a, q), *repoint = finish(a, u);
	out[0] = n ? children : NULL;
	out[1] = *repoint ? repoint : NULL;
}

static int
build(struct store *st, struct arena *a, const char *entity,
      struct store_row_sql *t, struct ntm_error *e)
{
	const char *l[5];
	bool version;
	if (column_lists(st, a, entity, l, &version) == 0)
		return ntm_fail(e, NTM_FAIL, MSG_UNDO_NO_TABLE, entity);
	t->entity = arena_strdup(a, entity);
	t->columns = l[4];
	t->image = format(a, "SELECT json_object(%s) FROM \"%w\" WHERE id = ?1",
			  l[0], entity);
	t->insert = format(a, "INSERT INTO \"%w\"(%s) VALUES (%s)", entity,
			   l[1], l[2]);
	t->update = format(a, "UPDATE \"%w\" SET %s%s WHERE id = ?2", entity,
			   l[3], version ? "version = version + 1" : "id = id");
	t->remove = format(a, "DELETE FROM \"%w\" WHERE id = ?2", entity);
	const char *kids[2];
	children_sql(st, a, entity, kids);
	t->children = kids[0];
	t->repoint = kids[1];
	return NTM_OK;
}

int
store_row_sql(struct store *st, struct arena *a, struct store_row_sqls *c,
	      const char *entity, const struct store_row_sql **out,
	      struct ntm_error *e)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->t[i].entity, entity) == 0) {
			*out = &c->t[i];
			return NTM_OK;
		}
	c->t = arena_grow(a, c->t, c->n, &c->cap, sizeof *c->t);
	if (build(st, a, entity, &c->t[c->n], e))
		return NTM_FAIL;
	*out = &c->t[c->n++];
	return NTM_OK;
}

int
store_row_image(struct store *st, struct arena *a,
		const struct store_row_sql *t, const char *id,
		const char **image, struct ntm_error *e)
{
	sqlite3_stmt *s;
	*image = NULL;
	if (store_cached(st, t->image, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*image = arena_strdup(a, store_col_text(s, 0));
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NTM_OK
		: store_sql_fail(st, e, rc);
}

bool
store_same_but_version(struct store *st, const char *x, const char *y)
{
	if (!x || !y)
		return x == y;
	sqlite3_stmt *s;
	if (store_cached(st, "SELECT json_remove(?1, '$.version') IS "
			  "json_remove(?2, '$.version')", &s, NULL))
		return strcmp(x, y) == 0;
	store_bind_text(s, 1, x);
	store_bind_text(s, 2, y);
	bool same = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return same;
}

const char *
store_row_put(struct store *st, struct arena *a, const struct store_row_sql *t,
	      const char *cur, const char *image)
{
	sqlite3_stmt *s;
	if (store_cached(st, "SELECT j.key FROM json_each(?2) j LEFT JOIN "
			 "json_each(?1) o ON o.key = j.key WHERE j.key <> 'id' "
			 "AND o.atom IS NOT j.atom AND instr(?3, ',' || j.key || "
			 "',') > 0", &s, NULL))
		return NULL;
	store_bind_text(s, 1, cur);
	store_bind_text(s, 2, image);
	store_bind_text(s, 3, t->columns);
	sqlite3_str *q = sqlite3_str_new(st->db);
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *c = store_col_text(s, 0);
		sqlite3_str_appendf(q, "%s\"%w\" = json_extract(?1, '$.\"%q\"')",
				    n++ ? ", " : "", c, c);
	}
	sqlite3_reset(s);
	char *set = sqlite3_str_finish(q);
	const char *out = n && set ? format(a, "UPDATE \"%w\" SET %s WHERE id = ?2",
					    t->entity, set) : NULL;
	sqlite3_free(set);
	return out;
}

int
store_row_run(struct store *st, const char *sql, const char *image,
	      const char *id, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (!sql)
		return NTM_OK;       /* nothing differs */
	if (store_cached(st, sql, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, image);
	if (sqlite3_bind_parameter_count(s) >= 2)
		store_bind_text(s, 2, id);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? NTM_OK : rc;
}
