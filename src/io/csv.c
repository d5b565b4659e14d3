/* CSV as spreadsheets read it (RFC 4180, CRLF rows), every cell made safe
 * for the program that opens it. */
#include <stdlib.h>
#include <string.h>

#include "ntm/io.h"
#include "ntm/text.h"

void
io_csv_field_sep(FILE *f, const char *s, char sep, bool last)
{
	char *safe = s ? text_cell_safe(s) : NULL;
	const char special[] = {sep, '"', '\r', '\n', '\0'};
	if (safe && strpbrk(safe, special)) {
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
	if (last)
		fputs("\r\n", f);
	else
		fputc(sep, f);
}

void
io_csv_field(FILE *f, const char *s, bool last)
{
	io_csv_field_sep(f, s, ',', last);
}
