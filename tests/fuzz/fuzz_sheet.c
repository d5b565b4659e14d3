/* libFuzzer target: the spreadsheet readers on bytes. The first byte
 * picks what reads the rest: the CSV reader with an encoding (auto or
 * one of the five), or the worksheet XML handler with a few shared
 * strings (dates in the 1900 or the 1904 system). Whatever is read
 * must be a grid of valid UTF-8 cells with a line per row. */
#include <stdint.h>
#include <stdlib.h>

#include "io/sheet.h"
#include "ntm/arena.h"
#include "ntm/error.h"
#include "ntm/io.h"
#include "ntm/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const ENCODINGS[] = {
	NULL, "utf-8", "tcvn3", "vni", "viscii", "cp1258",
};
static const char *const SHARED[] = {"mã chỉ tiêu", "giá trị", ""};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct arena a = {0};
	struct ntm_error e = {0};
	struct io_sheet s = {.file = "fuzz", .name = "Trang",
			     .date1904 = data[0] & 1};   /* both date systems */
	const char *bytes = (const char *)data + 1;
	int rc;
	if (data[0] < 6 * 32)
		rc = io_sheet_parse_csv("fuzz.csv", bytes, size - 1,
					ENCODINGS[data[0] % 6], &a, &s, &e);
	else
		rc = io_sheet_parse_worksheet(bytes, size - 1, SHARED, 3, &a, &s, &e);
	if (rc == NTM_OK) {
		for (int r = 0; r < s.nrows; r++) {
			if (s.line[r] < 1)
				abort();
			for (int c = 0; c < s.ncols; c++) {
				const char *t = s.cell[r * s.ncols + c];
				if (t && (!*t || text_check(t, true, NULL) == TEXT_BAD_UTF8))
					abort();
				if (c == 0)
					io_sheet_where(&s, r, c, &a);
				io_sheet_date(&s, r, c, &a);
			}
		}
	}
	arena_free(&a);
	return 0;
}
