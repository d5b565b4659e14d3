/* TEMPORARY placeholder: the lead replaces it with syncexport.c,
 * syncapply.c and syncconflict.c. */
#include "internal.h"
#include "msg.h"

#include <string.h>

#include "ntm/syncdoc.h"

int
store_sync_status(struct store *st, struct arena *a,
		  struct store_sync_status *out, struct ntm_error *e)
{
	(void)a, (void)e;
	memset(out, 0, sizeof *out);
	memcpy(out->replica, st->replica, STORE_ID_LEN);
	return NTM_OK;
}

int
store_sync_export(struct store *st, const struct store_sync_export_opts *o,
		  store_sync_emit_fn *emit, void *ctx, struct ntm_error *e)
{
	(void)st, (void)o, (void)emit, (void)ctx;
	return ntm_fail(e, NTM_FAIL, "chưa làm");
}

int
store_sync_exported(struct store *st, const struct ntm_sync_header *h,
		    struct ntm_error *e)
{
	(void)st, (void)h, (void)e;
	return NTM_OK;
}

int
store_sync_apply(struct store *st, const struct ntm_sync_header *h,
		 const struct ntm_sync_record *recs, long long n,
		 bool dry_run, struct store_sync_result *out,
		 struct ntm_error *e)
{
	(void)st, (void)h, (void)recs, (void)n, (void)dry_run, (void)out;
	return ntm_fail(e, NTM_FAIL, "chưa làm");
}

int
store_sync_conflicts(struct store *st, struct arena *a,
		     struct store_sync_conflict **out, int *n,
		     struct ntm_error *e)
{
	(void)st, (void)a, (void)e;
	*out = NULL;
	*n = 0;
	return NTM_OK;
}

int
store_sync_conflict_count(struct store *st, int *n, struct ntm_error *e)
{
	(void)st, (void)e;
	*n = 0;
	return NTM_OK;
}

int
store_sync_resolve(struct store *st, const char *id, bool take_theirs,
		   int expected_version, struct ntm_error *e)
{
	(void)st, (void)id, (void)take_theirs, (void)expected_version;
	return ntm_fail(e, NTM_FAIL, "chưa làm");
}

int
store_sync_reopen(struct store *st, const char *undone_action,
		  struct ntm_error *e)
{
	(void)st, (void)undone_action, (void)e;
	return NTM_OK;
}
