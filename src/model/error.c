/* ntm_error filling. */
#include "ntm/error.h"

#include <stdarg.h>
#include <stdio.h>

int
ntm_fail(struct ntm_error *e, enum ntm_exit code, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
		e->code = code;
	}
	return code;
}
