/* ntm export: everything a commune holds, in the columns ntm import reads
 * (columns.c), as one workbook (a sheet per kind) or a folder of CSV
 * files (a file per kind), so that exporting and importing into an empty
 * file gives the same status. Files are written atomically (io_file). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "lazy_xlsx.h"

#include "columns.h"
#include "msg.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/model.h"
#include "ntm/store.h"
#include "ntm/text.h"

/* One kind's rows as cells: text always, a number where the column is
 * one (and the value is a number: a bool indicator's value is a word). */
struct table {
	const struct io_sheet_kind *k;
	int nrows;
	size_t cap;
	const char **text;        /* [r * ncols + c] */
	double *num;
	unsigned char *is_num;
};

/* Row r, column of field f: text, and a number when is_num. */
static void
put(struct table *t, struct arena *a, int r, enum store_field f,
    const char *text, bool is_num, double v)
{
	for (int c = 0; c < t->k->ncols; c++)
		if (t->k->cols[c].field == f) {
			size_t i = (size_t)r * (size_t)t->k->ncols + (size_t)c;
			t->text[i] = arena_strdup(a, text ? text : "");
			t->num[i] = v;
			t->is_num[i] = is_num && t->k->cols[c].number;
		}
}

/* Room for one more row; its index. */
static int
new_row(struct table *t, struct arena *a)
{
	size_t w = (size_t)t->k->ncols, have = (size_t)t->nrows * w;
	if (have + w > t->cap) {
		size_t cap = (have + w) * 2;
		const char **text = arena_alloc(a, cap * sizeof *text);
		double *num = arena_alloc(a, cap * sizeof *num);
		unsigned char *is_num = arena_alloc(a, cap);
		if (have) {
			memcpy(text, t->text, have * sizeof *text);
			memcpy(num, t->num, have * sizeof *num);
			memcpy(is_num, t->is_num, have);
		}
		t->text = text;
		t->num = num;
		t->is_num = is_num;
		t->cap = cap;
	}
	return t->nrows++;
}

static void
put_int(struct table *t, struct arena *a, int r, enum store_field f, int v)
{
	char buf[16];
	snprintf(buf, sizeof buf, "%d", v);
	put(t, a, r, f, buf, true, v);
}

/* ---- reading the commune ----------------------------------------------- */

static int
plan_rows(struct store *st, struct arena *a, struct table *t,
	  struct store_plan *p, struct ntm_error *e)
{
	int rc = store_plan_in_use(st, a, p, e);
	if (rc != NTM_OK || !p->id[0])
		return rc;
	int r = new_row(t, a);
	put(t, a, r, SF_NUMBER, p->number, false, 0);
	put_int(t, a, r, SF_YEAR, p->year);
	put(t, a, r, SF_ISSUED, p->issued_on, false, 0);
	put(t, a, r, SF_TITLE, p->title, false, 0);
	put(t, a, r, SF_SIGNER, p->signer, false, 0);
	return NTM_OK;
}

/* Whether a later value (of the newest first v) has the same date as
 * v[k]: a correction made that day, which alone counts. Import refuses
 * two values of one date that differ, so only the latest is written. */
static bool
superseded(const struct store_value *v, int k)
{
	for (int j = 0; j < k; j++)
		if (!v[j].retracted && strcmp(v[j].as_of, v[k].as_of) == 0)
			return true;
	return false;
}

/* Targets of the plan and every value recorded, oldest first (the order
 * they are recorded again in), but one per date (superseded). */
static int
indicator_rows(struct store *st, struct arena *a, const struct store_report *rep,
	       struct table *targets, struct table *values, struct ntm_error *e)
{
	int rc = NTM_OK;
	for (int i = 0; rc == NTM_OK && i < rep->nind; i++) {
		const struct store_indicator *ind = &rep->ind[i];
		char buf[128];
		if (ind->reading.plan.set) {
			int r = new_row(targets, a);
			model_format_target(ind->reading.kind, &ind->reading.plan, " ",
					    buf, sizeof buf);
			put(targets, a, r, SF_CODE, ind->code, false, 0);
			put(targets, a, r, SF_TARGET, buf, false, 0);
			if (ind->plan_own) {
				put(targets, a, r, SF_IND_NAME, ind->name, false, 0);
				put(targets, a, r, SF_KIND,
				    model_kind_label(ind->reading.kind), false, 0);
				put(targets, a, r, SF_UNIT, ind->unit_label, false, 0);
			}
		}
		struct store_value *v;
		int n;
		rc = store_history_all(st, ind->id, a, &v, &n, e);
		for (int k = n - 1; rc == NTM_OK && k >= 0; k--) {
			if (v[k].retracted || superseded(v, k))
				continue;
			int r = new_row(values, a);
			model_format_value(ind->reading.kind, v[k].value, buf, sizeof buf);
			put(values, a, r, SF_CODE, ind->code, false, 0);
			put(values, a, r, SF_VALUE, buf,
			    ind->reading.kind != NTM_KIND_BOOL, v[k].value);
			put(values, a, r, SF_DATE, v[k].as_of, false, 0);
			put(values, a, r, SF_NOTE, v[k].note, false, 0);
		}
	}
	return rc;
}

static const char *
sector_name(const struct store_report *rep, const char *code)
{
	for (int i = 0; i < rep->nsectors; i++)
		if (strcmp(rep->sectors[i].code, code) == 0)
			return rep->sectors[i].name;
	return code;
}

static int
task_rows(struct store *st, struct arena *a, const struct store_report *rep,
	  struct table *t, struct ntm_error *e)
{
	struct store_task *task;
	int n;
	int rc = store_tasks(st, NULL, a, &task, &n, e);
	for (int i = 0; rc == NTM_OK && i < n; i++) {
		const struct store_task *x = &task[i];
		int r = new_row(t, a);
		put_int(t, a, r, SF_STT, x->number);
		put(t, a, r, SF_SECTOR, sector_name(rep, x->sector_code), false, 0);
		put(t, a, r, SF_TITLE, x->title, false, 0);
		put(t, a, r, SF_RESPONSIBLE, x->responsible, false, 0);
		put(t, a, r, SF_DUE, x->due, false, 0);
		put(t, a, r, SF_STATUS, model_task_status_label(x->status), false, 0);
		put_int(t, a, r, SF_PROGRESS, x->progress);
		put(t, a, r, SF_ISSUE, x->issue, false, 0);
		put(t, a, r, SF_PROPOSAL, x->proposal, false, 0);
		put(t, a, r, SF_NOTE, x->note, false, 0);
		put(t, a, r, SF_DETAIL, x->detail, false, 0);
	}
	return rc;
}

static int
item_rows(struct store *st, struct arena *a, struct table *t,
	  struct ntm_error *e)
{
	struct store_village *v;
	int nv;
	int rc = store_villages(st, a, &v, &nv, e);
	for (int i = 0; rc == NTM_OK && i < nv; i++) {
		struct store_item *it;
		int n;
		rc = store_checklist(st, v[i].id, a, &it, &n, e);
		for (int k = 0; rc == NTM_OK && k < n; k++) {
			int r = new_row(t, a);
			put(t, a, r, SF_VILLAGE, v[i].name, false, 0);
			put(t, a, r, SF_ITEM, it[k].title, false, 0);
			put(t, a, r, SF_DONE, it[k].done ? TXT_EXPORT_DONE : "", false, 0);
			put(t, a, r, SF_DATE, it[k].done ? it[k].done_on : "", false, 0);
			put(t, a, r, SF_NOTE, it[k].note, false, 0);
		}
	}
	return rc;
}

/* Money row r: the task's number and title, what the row is, its
 * source and amount (a number cell; plain digits in a CSV file). */
static int
fund_row(struct table *t, struct arena *a, const struct store_task *task,
	 const char *what, const char *source, long long amount)
{
	char digits[32];
	int r = new_row(t, a);
	snprintf(digits, sizeof digits, "%lld", amount);
	put_int(t, a, r, SF_STT, task->number);
	put(t, a, r, SF_TITLE, task->title, false, 0);
	put(t, a, r, SF_KIND, what, false, 0);
	put(t, a, r, SF_SOURCE, source, false, 0);
	put(t, a, r, SF_AMOUNT, digits, true, (double)amount);
	return r;
}

static void
entry_row(struct table *t, struct arena *a, const struct store_task *task,
	  const struct store_fund_entry *x)
{
	int r = fund_row(t, a, task, model_fund_kind_label(x->kind), x->source_name,
			 x->amount);
	put(t, a, r, SF_DATE, x->on_date, false, 0);
	put(t, a, r, SF_DOC, x->doc, false, 0);
	put(t, a, r, SF_NOTE, x->note, false, 0);
}

/* The index of the task's entry id (NULL: none), or -1. */
static int
entry_at(const struct store_fund_task *m, const char *id)
{
	for (int k = 0; id && k < m->nentries; k++)
		if (strcmp(m->entries[k].id, id) == 0)
			return k;
	return -1;
}

/* Every task's money, task by task: its total cost, its planned capital
 * by source, then its entries by date (a reversing one negative, its
 * reason in Ghi chú, after the entry it reverses: entries of one day
 * may come in any order). */
static int
fund_rows(struct store *st, struct arena *a, struct table *t,
	  struct ntm_error *e)
{
	struct store_task *task;
	int n;
	int rc = store_tasks(st, NULL, a, &task, &n, e);
	for (int i = 0; rc == NTM_OK && i < n; i++) {
		struct store_fund_task m;
		rc = store_fund_task(st, task[i].id, a, &m, e);
		if (rc == NTM_OK && m.cost >= 0)
			fund_row(t, a, &task[i], TXT_EXPORT_FUND_COST, NULL, m.cost);
		for (int k = 0; rc == NTM_OK && k < m.nplanned; k++)
			fund_row(t, a, &task[i], TXT_EXPORT_FUND_PLAN,
				 m.planned[k].source_name, m.planned[k].amount);
		for (int k = 0; rc == NTM_OK && k < m.nentries; k++) {
			int before = entry_at(&m, m.entries[k].reverses);
			if (before <= k)     /* else written after the one it reverses */
				entry_row(t, a, &task[i], &m.entries[k]);
			int after = entry_at(&m, m.entries[k].reversed_by);
			if (after >= 0 && after < k)
				entry_row(t, a, &task[i], &m.entries[after]);
		}
	}
	return rc;
}

static int
load(struct store *st, struct arena *a, struct table t[STORE_ROW_KINDS],
     struct ntm_error *e)
{
	for (int i = 0; i < STORE_ROW_KINDS; i++)
		t[i] = (struct table){.k = io_kind_at(i)};
	struct store_plan p;
	struct store_report rep = {0};
	int rc = plan_rows(st, a, &t[STORE_ROW_PLAN], &p, e);
	if (rc == NTM_OK)
		rc = store_report_load(st, &rep, e);
	if (rc != NTM_OK)
		return rc;
	rc = indicator_rows(st, a, &rep, &t[STORE_ROW_TARGET], &t[STORE_ROW_VALUE], e);
	if (rc == NTM_OK && p.id[0])
		rc = task_rows(st, a, &rep, &t[STORE_ROW_TASK], e);
	if (rc == NTM_OK && p.id[0])
		rc = fund_rows(st, a, &t[STORE_ROW_FUND], e);
	if (rc == NTM_OK)
		rc = item_rows(st, a, &t[STORE_ROW_ITEM], e);
	store_report_free(&rep);
	return rc;
}

/* ---- writing ----------------------------------------------------------- */

/* One kind's CSV file written to its temporary file (out, opened here):
 * not in place yet. */
static int
write_csv(const char *dir, const struct table *t, struct io_file *out,
	  struct ntm_error *e)
{
	size_t len = strlen(dir) + strlen(t->k->csv) + 2;
	char *path = malloc(len);
	if (!path)
		return ntm_fail(e, NTM_FAIL, "%s", ntm_errno_text(ENOMEM));
	snprintf(path, len, "%s/%s", dir, t->k->csv);
	int rc = io_file_open(out, path, e);
	free(path);
	if (rc != NTM_OK)
		return rc;
	fputs("\xEF\xBB\xBF", out->f);
	int w = t->k->ncols;
	for (int c = 0; c < w; c++)
		io_csv_field(out->f, t->k->cols[c].title, c == w - 1);
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < w; c++)
			io_csv_field(out->f, t->text[r * w + c], c == w - 1);
	struct stat sb;
	int err = ferror(out->f) || fflush(out->f) != 0 ? (errno ? errno : EIO)
		: stat(out->path, &sb) == 0 && S_ISDIR(sb.st_mode) ? EISDIR : 0;
	if (err == ENOSPC || err == EDQUOT)
		return ntm_fail(e, NTM_FAIL, MSG_IO_FULL, out->path);
	if (err)
		return ntm_fail(e, NTM_FAIL, MSG_IO_WRITE, out->path,
				ntm_errno_text(err));
	return NTM_OK;
}

/* Every kind's CSV file in the folder dir, or none: each is written to a
 * temporary file first (and checked: written out, its name not taken by
 * a folder), and only when all were are they renamed into place. */
static int
write_csv_folder(const char *dir, const struct table t[STORE_ROW_KINDS],
		 struct ntm_error *e)
{
	struct io_file out[STORE_ROW_KINDS] = {0};
	int rc = NTM_OK, i = 0;
	for (; rc == NTM_OK && i < STORE_ROW_KINDS; i++)
		rc = write_csv(dir, &t[i], &out[i], e);
	for (int k = 0; k < i; k++)
		if (rc != NTM_OK)
			io_file_abort(&out[k]);
		else if (io_file_commit(&out[k], e) != NTM_OK)
			rc = NTM_FAIL;
	return rc;
}

/* A date column's ISO text as a real date cell (shown dd/mm/yyyy; import
 * reads the serial back); false when the text is no date. */
static bool
write_date(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
	   lxw_format *dmy)
{
	struct ntm_date d;
	char iso[11];
	if (!text || strlen(text) != 10 || model_parse_date(text, &d))
		return false;
	model_format_date(d, iso);
	if (strcmp(iso, text) != 0)
		return false;
	lxw_datetime dt = {.year = d.year, .month = d.month, .day = d.day};
	return worksheet_write_datetime(ws, row, col, &dt, dmy) == LXW_NO_ERROR;
}

/* The formats of a workbook's cells: headers, dates, amounts of money. */
struct formats {
	lxw_format *bold, *dmy, *money;
};

static void
write_sheet(lxw_workbook *wb, const struct formats *fm, const struct table *t)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, t->k->sheet);
	int w = t->k->ncols;
	for (int c = 0; c < w; c++) {
		const struct io_kind_col *col = &t->k->cols[c];
		bool wide = col->field == SF_TITLE || col->field == SF_ITEM ||
			    col->field == SF_NOTE || col->field == SF_ISSUE ||
			    col->field == SF_PROPOSAL || col->field == SF_DETAIL;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, wide ? 50
				     : col->field == SF_AMOUNT ? 18
				     : col->number ? 10 : 18, NULL);
		worksheet_write_string(ws, 0, (lxw_col_t)c, col->title, fm->bold);
	}
	worksheet_freeze_panes(ws, 1, 0);
	for (int r = 0; r < t->nrows; r++)
		for (int c = 0; c < w; c++) {
			size_t i = (size_t)r * (size_t)w + (size_t)c;
			lxw_row_t row = (lxw_row_t)(r + 1);
			if (t->is_num[i]) {
				worksheet_write_number(ws, row, (lxw_col_t)c, t->num[i],
						       t->k->cols[c].field == SF_AMOUNT
						       ? fm->money : NULL);
			} else if (t->k->cols[c].date &&
				   write_date(ws, row, (lxw_col_t)c, t->text[i],
					      fm->dmy)) {
				continue;
			} else if (t->text[i] && *t->text[i]) {
				char *safe = text_cell_safe(t->text[i]);
				worksheet_write_string(ws, row, (lxw_col_t)c,
						       safe ? safe : "", NULL);
				free(safe);
			}
		}
}

static int
write_xlsx(const char *path, const struct table t[STORE_ROW_KINDS],
	   struct ntm_error *e)
{
	if (io_lazy_xlsx(e) != NTM_OK)
		return NTM_FAIL;
	struct io_file out;
	int rc = io_file_open(&out, path, e);
	if (rc != NTM_OK)
		return rc;
	lxw_workbook *wb = workbook_new(out.tmp);
	if (!wb) {
		io_file_abort(&out);
		return ntm_fail(e, NTM_FAIL, MSG_EXPORT_XLSX, path,
				ntm_errno_text(errno));
	}
	struct formats fm = {workbook_add_format(wb), workbook_add_format(wb),
			     workbook_add_format(wb)};
	format_set_bold(fm.bold);
	format_set_num_format(fm.dmy, "dd/mm/yyyy");
	format_set_num_format(fm.money, "#,##0");
	for (int i = 0; i < STORE_ROW_KINDS; i++)
		write_sheet(wb, &fm, &t[i]);
	lxw_error err = workbook_close(wb);
	if (err != LXW_NO_ERROR) {
		io_file_abort(&out);
		return ntm_fail(e, NTM_FAIL, MSG_EXPORT_XLSX, path,
				lxw_strerror(err));
	}
	return io_file_commit(&out, e);
}

bool
io_export_format_read(const char *word, bool *csv)
{
	if (strcasecmp(word, "csv") == 0 || strcasecmp(word, "xlsx") == 0) {
		*csv = strcasecmp(word, "csv") == 0;
		return true;
	}
	return false;
}

int
io_export(struct store *st, const char *path, bool csv,
	  int counts[STORE_ROW_KINDS], struct ntm_error *e)
{
	struct stat sb;
	if (csv && (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)))
		return ntm_fail(e, NTM_USAGE, MSG_EXPORT_NOT_DIR, path);
	struct arena a = {0};
	struct table t[STORE_ROW_KINDS];
	int rc = load(st, &a, t, e);
	if (rc == NTM_OK && csv)
		rc = write_csv_folder(path, t, e);
	if (rc == NTM_OK && !csv)
		rc = write_xlsx(path, t, e);
	for (int i = 0; rc == NTM_OK && counts && i < STORE_ROW_KINDS; i++)
		counts[i] = t[i].nrows;
	arena_free(&a);
	return rc;
}
