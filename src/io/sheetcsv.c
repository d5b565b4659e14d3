/* TEMPORARY placeholder until the spreadsheet readers land (issue 12). */
#include "msg.h"
#include "ntm/arena.h"
#include "ntm/io.h"

int
io_sheet_read_csv(const char *path, const char *encoding, struct arena *a,
		  struct io_sheet *out, struct ntm_error *e)
{
	(void)encoding; (void)a; (void)out;
	return ntm_fail(e, NTM_FAIL, MSG_SHEET_NOT_YET, path);
}

int
io_sheet_read_xlsx(const char *path, const char *sheet, struct arena *a,
		   struct io_sheet **out, int *n, struct ntm_error *e)
{
	(void)sheet; (void)a; (void)out; (void)n;
	return ntm_fail(e, NTM_FAIL, MSG_SHEET_NOT_YET, path);
}

const char *
io_sheet_where(const struct io_sheet *s, int row, int col, struct arena *a)
{
	(void)s; (void)row; (void)col; (void)a;
	return "";
}

const char *
io_sheet_date(const struct io_sheet *s, int row, int col, struct arena *a)
{
	(void)a;
	return s->cell[row * s->ncols + col];
}
