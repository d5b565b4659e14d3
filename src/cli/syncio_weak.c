/* TEMPORARY: weak stand-ins for io's sync file functions (src/io/syncfile.c
 * is written in another branch), so `ntm sync` links before it lands. The
 * real definitions win at link time; delete this file when they are in. */
#include <stdlib.h>
#include <string.h>

#include "ntm/io.h"
#include "ntm/syncdoc.h"

#define WEAK __attribute__((weak))

WEAK char *
io_sync_default_name(const char *commune, const char *replica,
		     const char *date)
{
	(void)commune;
	size_t len = strlen(replica) + strlen(date) + 16;
	char *s = malloc(len);
	if (s)
		snprintf(s, len, "xa-%.8s-%s.ntmsync", replica, date);
	return s;
}

WEAK int
io_sync_export(struct store *st, const struct store_sync_export_opts *o,
	       const char *path, struct io_sync_written *out,
	       struct ntm_error *e)
{
	(void)st, (void)o, (void)path, (void)out;
	return ntm_fail(e, NTM_FAIL, "chưa làm");
}

WEAK int
io_sync_read(const char *path, struct io_sync_file *out, struct ntm_error *e)
{
	memset(out, 0, sizeof *out);
	return ntm_fail(e, NTM_FAIL, "%s: chưa làm", path);
}

WEAK void
io_sync_free(struct io_sync_file *f)
{
	(void)f;
}
