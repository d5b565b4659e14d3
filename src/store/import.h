/* Shared by the files of an import (import.c, importtask.c,
 * importitem.c, importfund.c): the import under way and its helpers. */
#ifndef NTM_STORE_IMPORT_H
#define NTM_STORE_IMPORT_H

#include "internal.h"

/* One import under way. */
struct imp {
	struct arena *a;
	const struct store_import_row *rows;
	int n;
	bool dry, force, dry_done;
	struct store_import_result *out;
	size_t cap_changes, cap_errors;
	char plan_id[STORE_ID_LEN];   /* where targets and tasks go; "" none */
	char today[11];
	struct imp_fund *fund;        /* the money rows' (importfund.c) */
};

/* Blank (NULL, or spaces only). */
bool imp_blank(const char *s);
/* The text of a cell given, or NULL for an empty one. */
const char *imp_given(const char *s);
/* One more line of the changes listed (a dry run shows them). */
void imp_change(struct imp *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Records a refusal of row i (field: the column at fault, -1: the row);
 * returns false for the handlers' early exits. */
bool imp_bad(struct imp *x, int i, int field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A whole number lo..hi, a % after it allowed (progress), a ".0" after
 * it too (a workbook's number cell). */
bool imp_int(const char *s, int lo, int hi, int *out);
/* Refused when the import has no plan to write to. */
bool imp_need_plan(struct store *st, struct imp *x, int i);
bool imp_same_text(const char *p, const char *q);

/* sql prepared with the texts ?1..?n bound (NULL binds NULL); NULL with
 * e filled when it fails. */
sqlite3_stmt *imp_prepare(struct store *st, struct ntm_error *e,
			  const char *sql, int n, ...);
/* The same from the connection's cache (store_cached), for statements run
 * for every row: give it back with sqlite3_reset, never finalize it. */
sqlite3_stmt *imp_cached(struct store *st, struct ntm_error *e,
			 const char *sql, int n, ...);

/* The rows of one kind (importtask.c, importitem.c). */
bool imp_task_row(struct store *st, struct imp *x, int i);
bool imp_item_row(struct store *st, struct imp *x, int i);
/* Every money row, after the other kinds' (importfund.c). */
void imp_fund_rows(struct store *st, struct imp *x);

#endif
