/* TEMPORARY placeholder until the xlsx writer lands (issue 12). */
#include "msg.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"

int io_report_xlsx(const char *path, const struct ntm_report_doc *d, struct ntm_error *e)
{
	(void)d;
	(void)path;
	return ntm_fail(e, NTM_FAIL, MSG_REPORT_NOT_YET, "xlsx");
}
