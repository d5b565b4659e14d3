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
	bool mapped;                    /* ids of another file to read as ours */
	/* the level above's file: the commune the file is of (here) */
	const char *above_commune;
};

/* Applies p->rec (not seen yet) in the caller's transaction: its audit
 * rows, its rows as their dots decide, the change kept to travel on. */
int sync_apply_record(struct apply *p, struct ntm_error *e);

/* Keeps the change r (its meta, its changeset) to travel on; one kept
 * already stays as it is. */
int sync_keep_change(struct store *st, const struct ntm_sync_record *r,
		     struct ntm_error *e);

/* ---- a commune joining the level above's file (syncjoin.c) ---- */

/* Returned (e untouched) when audit JSON is not audit rows. */
#define SYNC_DAMAGED 3

/* Adds the audit rows of json (the records' form) after this copy's own,
 * their ids kept (a row here already is skipped); mapped: their shared
 * rows' ids read through sync_idmap, and (commune not NULL: the level
 * above's file) the rows of no commune listed under that commune. */
int sync_add_audit(struct store *st, const char *json, size_t len,
		   const char *origin, bool mapped, const char *commune,
		   struct ntm_error *e);
/* True when sync_idmap has any entry. */
bool sync_map_any(struct store *st);
/* id, or the id of the same row here (in a). */
const char *sync_map_id(struct store *st, struct arena *a, const char *id);
/* The image with every mapped id read as ours (in a). */
const char *sync_map_image(struct store *st, struct arena *a,
			   const char *image);
/* The same for every image of temp.sync_img. */
int sync_map_images(struct store *st, struct ntm_error *e);
/* Keeps image's national target (an indicator row every commune shares)
 * as commune's own in the level above's file (sync_target). */
int sync_target_of(struct store *st, const char *commune, const char *indicator,
		   const char *image, struct ntm_error *e);
/* Adds a row the file brings whole, its ids read through the map, with
 * its dots (NULL: none); a row this file has is left as it is. *rows
 * (may be NULL) counts the rows written. */
int sync_join_row(struct store *st, struct arena *a, struct store_row_sqls *sql,
		  const char *entity, const char *id, const char *dots,
		  const char *image, long long *rows, struct ntm_error *e);

#endif
