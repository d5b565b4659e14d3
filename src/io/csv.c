/* CSV as spreadsheets read it (RFC 4180, CRLF rows), every cell made safe
 * for the program that opens it. */
#include <stdlib.h>
#include <string.h>

#include "ntm/io.h"
#include "ntm/text.h"

void
io_csv_field(FILE *f, const char *s, bool last)
{
	char *safe = s ? text_cell_safe(s) : NULL;
	if (safe && strpbrk(safe, ",\"\n")) {
		fputc('"', f);
		for (const char *p = safe; *p; p++) {
			if (*p == '"')
				fputc('"', f);
			fputc(*p, f);
		}
		fputc('"', f);
	} else if (safe) {
		fputs(safe, f);
	}
	free(safe);
	fputs(last ? "\r\n" : ",", f);
}
