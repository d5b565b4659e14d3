/* ntm unit merge OLD… --into NEW: communes merged by the 2025 reform. */
#include "cli.h"
#include "msg.h"

int
cmd_unit(struct cli *c)
{
	return ntm_fail(&c->err, NTM_USAGE, "%s", USAGE_UNIT);
}
