/* Plan text (man 5 ntm-plan): placeholder until the reader and writer
 * land; every entry refuses. */
#include "ntm/io.h"
#include "ntm/plandoc.h"
#include "ntm/store.h"

int
io_plan_parse(const char *name, const char *text, size_t len, struct arena *a,
	      struct ntm_plan_doc *d, struct ntm_error *e)
{
	(void)text; (void)len; (void)a; (void)d;
	return ntm_fail(e, NTM_FAIL, "%s: chưa đọc được kế hoạch dạng văn bản", name);
}

int
io_plan_read_file(const char *path, struct arena *a, struct ntm_plan_doc *d,
		  struct ntm_error *e)
{
	return io_plan_parse(path, "", 0, a, d, e);
}

void
io_plan_write(FILE *f, const struct ntm_plan_doc *d)
{
	(void)f; (void)d;
}

int
io_plan_builtin(struct arena *a, struct ntm_plan_doc *d, struct ntm_error *e)
{
	return io_plan_parse("plan-2024.txt", "", 0, a, d, e);
}

int
io_plan_import(struct store *st, const char *path, bool dry_run,
	       struct store_import_summary *sum, struct ntm_error *e)
{
	(void)st; (void)dry_run; (void)sum;
	return io_plan_parse(path, "", 0, NULL, NULL, e);
}

int
io_plan_export(struct store *st, const char *plan_id, const char *path,
	       struct ntm_error *e)
{
	(void)st; (void)plan_id;
	return io_plan_parse(path, "", 0, NULL, NULL, e);
}
