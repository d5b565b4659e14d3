/* TEMPORARY placeholder until the csv writer lands (issue 12). */
#include "msg.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"

int io_report_csv(FILE *f, const struct ntm_report_doc *d, const struct io_report_opts *o, struct ntm_error *e)
{
	(void)d;
	(void)o;
	(void)f;
	return ntm_fail(e, NTM_FAIL, MSG_REPORT_NOT_YET, "csv");
}
