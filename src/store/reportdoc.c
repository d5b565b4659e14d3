/* TEMPORARY placeholder until the report's loader lands (issue 12). */
#include <string.h>

#include "internal.h"
#include "ntm/reportdoc.h"

int
store_report_doc(struct store *st, const char *as_of, const char *since,
		 struct arena *a, struct ntm_report_doc *out,
		 struct ntm_error *e)
{
	(void)st; (void)as_of; (void)since; (void)a; (void)e;
	memset(out, 0, sizeof *out);
	return NTM_OK;
}
