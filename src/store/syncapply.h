/* Applying one file's records (syncapply.c), for syncmerge.c. */
#ifndef NTM_STORE_SYNCAPPLY_H
#define NTM_STORE_SYNCAPPLY_H

#include "internal.h"
#include "ntm/syncdoc.h"

/* One row of a record's changeset (or declared deleted). */
struct row_op {
	const char *entity, *id;
	bool del;
};

struct apply {
	struct store *st;
	struct arena a;                 /* freed per record */
	struct arena keep;              /* the statements, per file */
	struct store_row_sqls sql;
	struct store_sync_result *res;
	/* the record under way */
	const struct ntm_sync_record *rec;
	const char *vector, *at, *who, *extra;
	char dot[NTM_SYNC_ID_LEN + 24];
	struct row_op *ops;
	size_t nops, cap;
};

/* Applies p->rec (not seen yet) in the caller's transaction: its audit
 * rows, its rows as their dots decide, the change kept to travel on. */
int sync_apply_record(struct apply *p, struct ntm_error *e);

#endif
