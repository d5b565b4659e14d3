/* The level above's report: every commune of the file (store_district_load)
 * in one table, as CSV (ntm status --all --format csv, ntm report --all
 * --format csv) and as an Excel workbook (ntm report --all): "Tổng hợp",
 * a row per commune with its gauges; "Tiêu chí", communes × criteria
 * with Đạt/Chưa and a count row of the communes meeting each; "Nhiệm vụ",
 * a row per commune and sector with tasks done, all and overdue. Every
 * string goes through text_cell_safe(); numbers are numbers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lazy_xlsx.h"

#include "msg.h"
#include "names.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/text.h"

enum { HEAD_ROWS = 4 };   /* title, district, date, a blank row */

void
io_local_dmy_hm(const char *utc, char out[IO_DMY_HM_LEN])
{
	struct tm tm = {0};
	snprintf(out, IO_DMY_HM_LEN, "%s", utc ? utc : "");
	if (!utc || !strptime(utc, "%Y-%m-%dT%H:%M:%S", &tm))
		return;
	time_t t = timegm(&tm);
	struct tm local;
	localtime_r(&t, &local);
	strftime(out, IO_DMY_HM_LEN, "%d/%m/%Y %H:%M", &local);
}

const char *
io_district_title(const struct store_district *d, char *buf, int size)
{
	static const char *const named[] = {"huyen ", "quan ", "thi xa ",
		"thanh pho ", "tinh "};
	if (!d->name) {
		snprintf(buf, (size_t)size, "%s", TXT_DX_FILE);
		return buf;
	}
	char *fold = text_fold(d->name);
	bool says = false;
	for (size_t i = 0; fold && i < sizeof named / sizeof *named; i++)
		says |= strncmp(fold, named[i], strlen(named[i])) == 0;
	free(fold);
	if (says)
		snprintf(buf, (size_t)size, "%s", d->name);
	else
		snprintf(buf, (size_t)size, "%s %s", d->level &&
			 strcmp(d->level, "tinh") == 0 ? TXT_DX_PROVINCE
			 : TXT_DX_DISTRICT, d->name);
	return buf;
}

/* ---- CSV --------------------------------------------------------------- */

static const char *const CSV_HEAD[] = {
	"unit", "plan", "year", "criteria_met", "criteria_total",
	"indicators_met", "indicators_total", "tasks_done", "tasks_total",
	"overdue", "villages_met", "villages_total", "updated_at", "updated_by",
	"fund_planned", "fund_received", "fund_paid", "fund_completed",
	"fund_debt",
};
enum { CSV_COLS = sizeof CSV_HEAD / sizeof *CSV_HEAD };

static void
csv_row(FILE *f, const struct store_commune_row *r)
{
	char num[15][24];
	const int v[10] = {
		r->plan_year, r->criteria.done, r->criteria.total,
		r->indicators.done, r->indicators.total, r->tasks.done,
		r->tasks.total, r->overdue, r->villages.done, r->villages.total,
	};
	const long long money[5] = {
		r->fund.planned, r->fund.received, r->fund.paid,
		r->fund.completed, r->fund.debt,
	};
	for (int i = 0; i < 10; i++)
		snprintf(num[i], sizeof num[i], "%d", v[i]);
	for (int i = 0; i < 5; i++)
		snprintf(num[10 + i], sizeof num[i], "%lld", money[i]);
	const char *cells[CSV_COLS] = {
		r->name, r->plan_number, r->plan_number ? num[0] : NULL,
		num[1], num[2], num[3], num[4], num[5], num[6], num[7], num[8],
		num[9], r->updated_at, r->updated_by, num[10], num[11], num[12],
		num[13], num[14],
	};
	for (int i = 0; i < CSV_COLS; i++)
		io_csv_field(f, cells[i], i == CSV_COLS - 1);
}

void
io_district_csv(FILE *f, const struct store_district *d)
{
	for (int i = 0; i < CSV_COLS; i++)
		io_csv_field(f, CSV_HEAD[i], i == CSV_COLS - 1);
	for (int i = 0; i < d->n; i++)
		csv_row(f, &d->rows[i]);
}

/* ---- names ----------------------------------------------------------------- */

const char *
io_district_default_name(const struct store_district *d,
			 enum io_report_format f, struct arena *a)
{
	char *part = io_name_part(d->name ? d->name : TXT_DX_COMMUNES_PART);
	char today[11], buf[256];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	snprintf(buf, sizeof buf, "bao-cao-ntm-%s%s%s-%s.%s",
		 d->level ? d->level : "", d->level ? "-" : "",
		 part ? part : "xa", today, io_report_format_word(f));
	free(part);
	return arena_strdup(a, buf);
}

/* ---- the workbook ------------------------------------------------------ */

struct dbook {
	lxw_workbook *wb;
	lxw_format *title, *header, *bold, *dat, *chua, *money, *money_bold;
	lxw_error err;
	const struct store_district *d;
};

static void
dkeep(struct dbook *b, lxw_error err)
{
	if (err && !b->err)
		b->err = err;
}

/* s made safe for a cell, written at (row, col). */
static void
dtext(struct dbook *b, lxw_worksheet *ws, int row, int col, const char *s,
      lxw_format *f)
{
	if (!s)
		return;
	char *t = text_cell_safe(s);
	if (!t) {
		dkeep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	dkeep(b, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, t, f));
	free(t);
}

static void
dnum(struct dbook *b, lxw_worksheet *ws, int row, int col, double v,
     lxw_format *f)
{
	dkeep(b, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f));
}

static lxw_format *
dformat(struct dbook *b, bool bold, lxw_color_t fill, lxw_color_t font)
{
	lxw_format *f = workbook_add_format(b->wb);
	if (!f) {
		dkeep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	if (bold)
		format_set_bold(f);
	if (fill)
		format_set_bg_color(f, fill);
	if (font)
		format_set_font_color(f, font);
	return f;
}

/* A sheet with its title block and its header row (widths: one per
 * title, 0 for the default); NULL on failure. */
static lxw_worksheet *
dsheet(struct dbook *b, const char *name, const char *title,
       const char *const *cols, const int *widths, int ncols)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	if (!ws) {
		dkeep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	char line[512], today[11];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(today, sizeof today, "%d/%m/%Y", &tm);
	dtext(b, ws, 0, 0, title, b->title);
	dtext(b, ws, 1, 0, io_district_title(b->d, line, sizeof line), NULL);
	snprintf(line, sizeof line, TXT_XL_AS_OF, today);
	dtext(b, ws, 2, 0, line, NULL);
	for (int c = 0; c < ncols; c++) {
		dtext(b, ws, HEAD_ROWS, c, cols[c], b->header);
		dkeep(b, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
					      widths[c] ? widths[c] : 8, NULL));
	}
	worksheet_freeze_panes(ws, HEAD_ROWS + 1, 1);
	return ws;
}

static void
summary_sheet(struct dbook *b)
{
	static const char *const cols[] = {
		TXT_DX_COMMUNE, TXT_DX_PLAN, TXT_DX_YEAR, TXT_DX_CRIT_MET,
		TXT_DX_CRIT_ALL, TXT_DX_IND_MET, TXT_DX_IND_ALL, TXT_DX_TASK_DONE,
		TXT_DX_TASK_ALL, TXT_DX_OVERDUE, TXT_DX_VIL_MET, TXT_DX_VIL_ALL,
		TXT_DX_UPDATED, TXT_DX_BY,
	};
	static const int widths[] = {24, 14, 6, 9, 9, 9, 9, 9, 9, 8, 9, 9, 17, 22};
	enum { NCOLS = sizeof cols / sizeof *cols };
	lxw_worksheet *ws = dsheet(b, TXT_RP_SHEET_SUMMARY, TXT_DX_TITLE, cols,
				   widths, NCOLS);
	if (!ws)
		return;
	const struct store_district *d = b->d;
	double sum[NCOLS] = {0};
	/* before the rows: the library flushes each row as the next begins */
	dkeep(b, worksheet_autofilter(ws, HEAD_ROWS, 0,
				      (lxw_row_t)(HEAD_ROWS + d->n), NCOLS - 1));
	int row = HEAD_ROWS + 1;
	for (int i = 0; i < d->n && !b->err; i++, row++) {
		const struct store_commune_row *r = &d->rows[i];
		const int v[] = {
			r->criteria.done, r->criteria.total, r->indicators.done,
			r->indicators.total, r->tasks.done, r->tasks.total,
			r->overdue, r->villages.done, r->villages.total,
		};
		char when[IO_DMY_HM_LEN];
		dtext(b, ws, row, 0, r->name, NULL);
		dtext(b, ws, row, 1, r->plan_number, NULL);
		if (r->plan_number)
			dnum(b, ws, row, 2, r->plan_year, NULL);
		for (int k = 0; k < 9; k++) {
			dnum(b, ws, row, 3 + k, v[k], NULL);
			sum[3 + k] += v[k];
		}
		io_local_dmy_hm(r->updated_at, when);
		dtext(b, ws, row, 12, r->updated_at ? when : NULL, NULL);
		dtext(b, ws, row, 13, r->updated_by, NULL);
	}
	char total[64];
	snprintf(total, sizeof total, TXT_DX_TOTAL, d->n);
	dtext(b, ws, row, 0, total, b->bold);
	for (int k = 3; k < 12; k++)
		dnum(b, ws, row, k, sum[k], b->bold);
}

/* The most criteria any commune's set has (19 when none has any). */
static int
criteria_count(const struct store_district *d)
{
	int n = 0;
	for (int i = 0; i < d->n; i++)
		n = d->rows[i].ncrit > n ? d->rows[i].ncrit : n;
	return n ? n : 19;
}

static void
criteria_sheet(struct dbook *b)
{
	const struct store_district *d = b->d;
	int nc = criteria_count(d);
	char names[STORE_DISTRICT_CRITERIA + 2][16];
	const char *cols[STORE_DISTRICT_CRITERIA + 2];
	int widths[STORE_DISTRICT_CRITERIA + 2];
	cols[0] = TXT_DX_COMMUNE;
	widths[0] = 24;
	for (int k = 1; k <= nc; k++) {
		snprintf(names[k], sizeof names[k], TXT_DX_CRIT_N, k);
		cols[k] = names[k];
		widths[k] = 6;
	}
	cols[nc + 1] = TXT_DX_CRIT_MET;
	widths[nc + 1] = 9;
	lxw_worksheet *ws = dsheet(b, TXT_RP_SHEET_CRITERIA, TXT_DX_CRIT_TITLE,
				   cols, widths, nc + 2);
	if (!ws)
		return;
	int count[STORE_DISTRICT_CRITERIA + 1] = {0};
	int row = HEAD_ROWS + 1;
	for (int i = 0; i < d->n && !b->err; i++, row++) {
		const struct store_commune_row *r = &d->rows[i];
		dtext(b, ws, row, 0, r->name, NULL);
		for (int k = 1; k <= nc && k <= r->ncrit; k++) {
			bool dat = r->crit[k - 1] == NTM_STATUS_DAT;
			count[k] += dat;
			dtext(b, ws, row, k, dat ? TXT_DX_DAT : TXT_DX_CHUA,
			      dat ? b->dat : b->chua);
		}
		dnum(b, ws, row, nc + 1, r->criteria.done, NULL);
	}
	dtext(b, ws, row, 0, TXT_DX_COUNT_ROW, b->bold);
	for (int k = 1; k <= nc; k++)
		dnum(b, ws, row, k, count[k], b->bold);
}

static void
tasks_sheet(struct dbook *b)
{
	static const char *const cols[] = {
		TXT_DX_COMMUNE, TXT_DX_SECTOR, TXT_DX_TASK_DONE, TXT_DX_TASK_ALL,
		TXT_DX_OVERDUE,
	};
	static const int widths[] = {24, 18, 9, 9, 8};
	lxw_worksheet *ws = dsheet(b, TXT_RP_SHEET_TASKS, TXT_DX_TASK_TITLE,
				   cols, widths, 5);
	if (!ws)
		return;
	const struct store_district *d = b->d;
	int rows = 0;
	for (int i = 0; i < d->n; i++)
		for (int k = 0; k < d->nsectors; k++)
			rows += d->rows[i].sectors[k].tasks.total > 0;
	dkeep(b, worksheet_autofilter(ws, HEAD_ROWS, 0,
				      (lxw_row_t)(HEAD_ROWS + rows), 4));
	int row = HEAD_ROWS + 1;
	for (int i = 0; i < d->n && !b->err; i++)
		for (int k = 0; k < d->nsectors; k++) {
			const struct store_sector_tasks *t = &d->rows[i].sectors[k];
			if (t->tasks.total == 0)
				continue;
			dtext(b, ws, row, 0, d->rows[i].name, NULL);
			dtext(b, ws, row, 1, d->sectors[k].name, NULL);
			dnum(b, ws, row, 2, t->tasks.done, NULL);
			dnum(b, ws, row, 3, t->tasks.total, NULL);
			dnum(b, ws, row++, 4, t->overdue, NULL);
		}
}

/* Each commune's money (its plan in use), whole đồng, with a total. */
static void
fund_sheet(struct dbook *b)
{
	static const char *const cols[] = {
		TXT_DX_COMMUNE, TXT_DX_FUND_PLANNED, TXT_DX_FUND_RECEIVED,
		TXT_DX_FUND_PAID, TXT_DX_FUND_PCT, TXT_DX_FUND_DONE,
		TXT_DX_FUND_DEBT,
	};
	static const int widths[] = {24, 17, 17, 17, 10, 17, 17};
	enum { NCOLS = sizeof cols / sizeof *cols };
	lxw_worksheet *ws = dsheet(b, TXT_DX_FUND_SHEET, TXT_DX_FUND_TITLE, cols,
				   widths, NCOLS);
	if (!ws)
		return;
	const struct store_district *d = b->d;
	struct store_fund_sums all = {0};
	dkeep(b, worksheet_autofilter(ws, HEAD_ROWS, 0,
				      (lxw_row_t)(HEAD_ROWS + d->n), NCOLS - 1));
	int row = HEAD_ROWS + 1;
	for (int i = 0; i <= d->n && !b->err; i++, row++) {
		const struct store_fund_sums *m = i < d->n ? &d->rows[i].fund : &all;
		lxw_format *f = i < d->n ? b->money : b->money_bold;
		char total[64];
		snprintf(total, sizeof total, TXT_DX_TOTAL, d->n);
		dtext(b, ws, row, 0, i < d->n ? d->rows[i].name : total,
		      i < d->n ? NULL : b->bold);
		const long long v[] = {m->planned, m->received, m->paid};
		for (int k = 0; k < 3; k++)
			dnum(b, ws, row, 1 + k, (double)v[k], f);
		int pct = model_money_disbursed(m->paid, m->planned);
		if (pct >= 0)
			dnum(b, ws, row, 4, pct, i < d->n ? NULL : b->bold);
		dnum(b, ws, row, 5, (double)m->completed, f);
		dnum(b, ws, row, 6, (double)m->debt, f);
		if (i < d->n) {
			all.planned += m->planned;
			all.received += m->received;
			all.paid += m->paid;
			all.completed += m->completed;
			all.debt += m->debt;
		}
	}
}

static int
xlsx(const char *path, const struct store_district *d, struct ntm_error *e)
{
	if (io_lazy_xlsx(e) != NTM_OK)
		return NTM_FAIL;
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	struct dbook b = {.d = d, .wb = workbook_new_opt(path, &opt)};
	if (!b.wb)
		return ntm_fail(e, NTM_FAIL, MSG_XLSX_FAILED, TXT_XL_MEMORY);
	b.title = dformat(&b, true, 0, 0);
	b.header = dformat(&b, true, 0xF2F2F2, 0);
	b.bold = dformat(&b, true, 0, 0);
	b.dat = dformat(&b, false, 0xC6EFCE, 0x006100);
	b.chua = dformat(&b, false, 0xFFC7CE, 0x9C0006);
	b.money = dformat(&b, false, 0, 0);
	b.money_bold = dformat(&b, true, 0, 0);
	if (b.money)
		format_set_num_format(b.money, "#,##0");
	if (b.money_bold)
		format_set_num_format(b.money_bold, "#,##0");
	if (b.header)
		format_set_text_wrap(b.header);
	summary_sheet(&b);
	if (!b.err)
		criteria_sheet(&b);
	if (!b.err)
		tasks_sheet(&b);
	if (!b.err)
		fund_sheet(&b);
	if (b.err) {
		lxw_workbook_free(b.wb);
		return ntm_fail(e, NTM_FAIL, MSG_XLSX_LIBRARY, (int)b.err);
	}
	lxw_error err = workbook_close(b.wb);
	return err ? ntm_fail(e, NTM_FAIL, MSG_XLSX_LIBRARY, (int)err) : NTM_OK;
}

int
io_district_write(const struct store_district *d, enum io_report_format f,
		  const char *path, struct ntm_error *e)
{
	if (f != IO_REPORT_XLSX && f != IO_REPORT_CSV)
		return ntm_fail(e, NTM_USAGE, MSG_DX_FORMAT,
				io_report_format_word(f));
	if (f == IO_REPORT_CSV && (!path || strcmp(path, "-") == 0)) {
		io_district_csv(stdout, d);
		return fflush(stdout) == 0 ? NTM_OK
			: ntm_fail(e, NTM_FAIL, MSG_IO_WRITE, TXT_IO_STDOUT,
				   ntm_errno_text(errno));
	}
	struct io_file out;
	int rc = io_file_open(&out, path, e);
	if (rc != NTM_OK)
		return rc;
	if (f == IO_REPORT_CSV)
		io_district_csv(out.f, d);
	else
		rc = xlsx(out.tmp, d, e);
	if (rc != NTM_OK) {
		io_file_abort(&out);
		return rc;
	}
	return io_file_commit(&out, e);
}
