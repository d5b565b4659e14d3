/* TEMPORARY placeholder until the md writer lands (issue 12). */
#include "msg.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"

int io_report_text(FILE *f, const struct ntm_report_doc *d, bool markdown, struct ntm_error *e)
{
	(void)d;
	(void)markdown;
	(void)f;
	return ntm_fail(e, NTM_FAIL, MSG_REPORT_NOT_YET, "md");
}
