/* TEMPORARY placeholder until the docx writer lands (issue 12). */
#include "msg.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"

int io_report_docx(FILE *f, const struct ntm_report_doc *d, struct ntm_error *e)
{
	(void)d;
	(void)f;
	return ntm_fail(e, NTM_FAIL, MSG_REPORT_NOT_YET, "docx");
}
