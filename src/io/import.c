/* ntm import: spreadsheets (CSV files, workbooks, a folder of CSV files)
 * read as grids, each sheet's kind told by its header row, its rows typed
 * for the store (store_import), which applies them in one action; every
 * refusal is given back with where it is: "TỆP:4: …" for a CSV line,
 * "TỆP (trang Nhiệm vụ) C7: …" for a workbook's cell. */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "columns.h"
#include "msg.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/model.h"
#include "ntm/text.h"
#include "ntm/store.h"

/* Where a typed row came from: its sheet, row, and the column of each
 * field (-1: the sheet has none). */
struct origin {
	const struct io_sheet *s;
	int row;
	int col[SF_COUNT];
	bool numeric_code;      /* the code is a workbook's number cell */
};

/* One import under way. */
struct reading {
	struct arena *a;
	const struct io_import_opts *o;
	struct io_import_report *out;
	size_t cap_errors, cap_rows, cap_from, cap_sheets;
	const struct io_sheet **sheets;
	int nsheets;
	struct store_import_row *rows;
	struct origin *from;
	int nrows;
	int nerrors;
};

static const char *
cell(const struct io_sheet *s, int r, int c)
{
	return c >= 0 && c < s->ncols ? s->cell[r * s->ncols + c] : NULL;
}

static bool
empty_row(const struct io_sheet *s, int r)
{
	for (int c = 0; c < s->ncols; c++) {
		const char *t = cell(s, r, c);
		if (t && t[strspn(t, " \t\r\n")])
			return false;
	}
	return true;
}

/* "TỆP:4" or "TỆP (trang X) C7" (col -1: "TỆP (trang X) dòng 7"). */
static const char *
where(struct reading *x, const struct io_sheet *s, int row, int col)
{
	char buf[1024];
	if (!s->xlsx)
		snprintf(buf, sizeof buf, "%s:%d", s->file, s->line ? s->line[row]
			 : row + 1);
	else if (col >= 0)
		snprintf(buf, sizeof buf, TXT_IMPORT_AT_CELL, s->file,
			 s->name ? s->name : "", io_sheet_where(s, row, col, x->a));
	else
		snprintf(buf, sizeof buf, TXT_IMPORT_AT_ROW, s->file,
			 s->name ? s->name : "", s->line ? s->line[row] : row + 1);
	return arena_strdup(x->a, buf);
}

static void refuse(struct reading *x, const char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
refuse(struct reading *x, const char *at, const char *fmt, ...)
{
	char msg[1024], line[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(line, sizeof line, "%s: %s", at, msg);
	struct io_import_report *o = x->out;
	x->nerrors++;
	if (o->nerrors >= IO_IMPORT_MAX_ERRORS) {
		o->more++;
		return;
	}
	o->errors = arena_grow(x->a, o->errors, (size_t)o->nerrors, &x->cap_errors,
			       sizeof *o->errors);
	o->errors[o->nerrors++] = arena_strdup(x->a, line);
}

/* ---- the kind of a sheet ----------------------------------------------- */

/* The column of each field of kind k in the header row (-1: absent);
 * how many of k's needed columns are there. */
static int
map_header(const struct io_sheet_kind *k, const struct io_sheet *s, int r,
	   int col[SF_COUNT])
{
	for (int f = 0; f < SF_COUNT; f++)
		col[f] = -1;
	for (int c = 0; c < s->ncols; c++) {
		const struct io_kind_col *hit = io_kind_column(k, cell(s, r, c));
		if (hit && col[hit->field] < 0)
			col[hit->field] = c;
	}
	return (col[k->need[0]] >= 0) + (col[k->need[1]] >= 0);
}

/* The kind of the sheet whose header is row r: --kind, else the only kind
 * whose needed columns are all there; NULL after a refusal. */
static const struct io_sheet_kind *
kind_of(struct reading *x, const struct io_sheet *s, int r, int col[SF_COUNT])
{
	const struct io_sheet_kind *found = NULL;
	int many = 0, tmp[SF_COUNT];
	char needs[1024] = "", one[256];
	size_t len = 0;
	for (int i = 0; i < STORE_ROW_KINDS; i++) {
		const struct io_sheet_kind *k = io_kind_at(i);
		if (x->o->kind && strcmp(x->o->kind, k->word) != 0)
			continue;
		len += (size_t)snprintf(needs + len, sizeof needs - len, "%s%s",
					len ? "; " : "",
					io_kind_needs(k, one, sizeof one));
		if (len >= sizeof needs)
			len = sizeof needs - 1;
		if (map_header(k, s, r, tmp) == 2) {
			many++;
			found = k;
			memcpy(col, tmp, sizeof tmp);
		}
	}
	if (many == 1)
		return found;
	refuse(x, where(x, s, r, -1), many ? MSG_IMPORT_AMBIGUOUS
	       : x->o->kind ? MSG_IMPORT_NOT_KIND : MSG_IMPORT_NO_KIND, needs);
	return NULL;
}

/* Every header cell must name a column of the kind (a typo would
 * otherwise drop a column unseen), each column once. */
static bool
check_header(struct reading *x, const struct io_sheet_kind *k, const struct io_sheet *s,
	     int r)
{
	bool ok = true;
	int seen[SF_COUNT];
	for (int f = 0; f < SF_COUNT; f++)
		seen[f] = -1;
	for (int c = 0; c < s->ncols; c++) {
		const char *h = cell(s, r, c);
		if (!h || !h[strspn(h, " \t\r\n")])
			continue;
		const struct io_kind_col *hit = io_kind_column(k, h);
		if (!hit) {
			refuse(x, where(x, s, r, c), MSG_IMPORT_UNKNOWN_COL, h,
			       k->sheet, k->word);
			ok = false;
		} else if (seen[hit->field] >= 0) {
			refuse(x, where(x, s, r, c), MSG_IMPORT_DUP_COL, h);
			ok = false;
		} else {
			seen[hit->field] = c;
		}
	}
	return ok;
}

/* ---- rows -------------------------------------------------------------- */

/* t without the blanks around it (in a), NULL for NULL. */
static const char *
trimmed(struct arena *a, const char *t)
{
	static const char blank[] = " \t\r\n";
	if (!t)
		return NULL;
	t += strspn(t, blank);
	size_t n = strlen(t);
	while (n > 0 && strchr(blank, t[n - 1]))
		n--;
	char *out = arena_alloc(a, n + 1);
	memcpy(out, t, n);
	out[n] = '\0';
	return out;
}

/* Row r of the sheet typed as kind k, and where it came from. */
static void
add_row(struct reading *x, const struct io_sheet_kind *k, const struct io_sheet *s,
	int r, const int col[SF_COUNT])
{
	x->rows = arena_grow(x->a, x->rows, (size_t)x->nrows, &x->cap_rows,
			     sizeof *x->rows);
	x->from = arena_grow(x->a, x->from, (size_t)x->nrows, &x->cap_from,
			     sizeof *x->from);
	x->from[x->nrows] = (struct origin){.s = s, .row = r};
	memcpy(x->from[x->nrows].col, col, sizeof x->from->col);
	struct store_import_row *row = &x->rows[x->nrows];
	*row = (struct store_import_row){.kind = k->kind};
	for (int f = 0; f < SF_COUNT; f++) {
		const struct io_kind_col *c = io_kind_field(k, (enum store_field)f);
		if (!c || col[f] < 0)
			continue;
		const char *t = c->date ? io_sheet_date(s, r, col[f], x->a)
			: cell(s, r, col[f]);
		if (f == SF_CODE && s->numeric && s->numeric[r * s->ncols + col[f]])
			x->from[x->nrows].numeric_code = true;
		/* "'=…" as export wrote it (text_cell_safe) is "=…"; the
		 * blanks around a cell are no part of it ("Cự Đình ") */
		t = text_cell_plain(trimmed(x->a, t));
		row->f[f] = t ? t : "";
	}
	x->nrows++;
}

/* The rows of one sheet; an empty sheet is none. */
static void
read_sheet(struct reading *x, const struct io_sheet *s)
{
	int r;
	io_kind_header(s, x->o->kind, &r);
	if (r == s->nrows)
		return;
	int col[SF_COUNT];
	const struct io_sheet_kind *k = kind_of(x, s, r, col);
	if (!k || !check_header(x, k, s, r))
		return;
	x->out->sheets++;
	for (int i = r + 1; i < s->nrows; i++) {
		const char *wide = io_kind_row_wide(s, r, i, x->a);
		if (wide)
			refuse(x, where(x, s, i, -1), "%s", wide);
		else if (!empty_row(s, i))
			add_row(x, k, s, i, col);
	}
}

/* ---- files ------------------------------------------------------------- */

static bool
has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), m = strlen(ext);
	return n > m && strcasecmp(path + n - m, ext) == 0;
}

/* The sheets of one file, appended to x's list. */
static int
read_file(struct reading *x, const char *path, struct ntm_error *e)
{
	struct io_sheet *sheets;
	int n = 1;
	int rc = io_sheet_read(path, x->o->sheet, x->o->encoding, x->a, &sheets,
			       &n, e);
	for (int i = 0; rc == NTM_OK && i < n; i++) {
		x->sheets = arena_grow(x->a, x->sheets, (size_t)x->nsheets,
				       &x->cap_sheets, sizeof *x->sheets);
		x->sheets[x->nsheets++] = &sheets[i];
	}
	return rc;
}

static int
compare_names(const void *p, const void *q)
{
	return strcmp(*(char *const *)p, *(char *const *)q);
}

/* Every .csv of a folder, in name order. */
static int
read_folder(struct reading *x, const char *path, struct ntm_error *e)
{
	DIR *d = opendir(path);
	if (!d)
		return ntm_fail(e, NTM_FAIL, MSG_IMPORT_FOLDER, path);
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && has_ext(de->d_name, ".csv")) {
			names = arena_grow(x->a, names, n, &cap, sizeof *names);
			size_t len = strlen(path) + strlen(de->d_name) + 2;
			names[n] = arena_alloc(x->a, len);
			snprintf(names[n++], len, "%s/%s", path, de->d_name);
		}
	closedir(d);
	if (n == 0)
		return ntm_fail(e, NTM_USAGE, MSG_IMPORT_NO_CSV, path);
	qsort(names, n, sizeof *names, compare_names);
	int rc = NTM_OK;
	for (size_t i = 0; rc == NTM_OK && i < n; i++)
		rc = read_file(x, names[i], e);
	return rc;
}

/* ---- rows that contradict each other ---------------------------------- */

/* s folded (marks, case; "" for NULL), in a. */
static const char *
folded(struct arena *a, const char *s)
{
	char *f = text_fold(s ? s : "");
	const char *out = arena_strdup(a, f ? f : "");
	free(f);
	return out;
}

/* A date as ISO when it reads as one, else as written. */
static const char *
date_key(struct arena *a, const char *s)
{
	struct ntm_date d;
	char iso[11];
	if (!s || model_parse_date(s, &d))
		return s ? s : "";
	model_format_date(d, iso);
	return arena_strdup(a, iso);
}

/* A Xong cell by its meaning: "1" (x, có, 1, đạt), "0" (empty, không, 0),
 * else folded as written. */
static const char *
done_key(struct arena *a, const char *s)
{
	double v;
	if (!*s)
		return "0";
	if (!model_parse_value(NTM_KIND_BOOL, s, &v))
		return v != 0 ? "1" : "0";
	return folded(a, s);
}

/* What row i is about, as a key: rows with one key set the same thing
 * (a task by its STT, else its sector and title; a village's item; an
 * indicator's value on a date; a plan; a plan's target). */
static const char *
row_key(struct reading *x, int i)
{
	const struct store_import_row *r = &x->rows[i];
	const char *const *f = r->f;
	char buf[2048];
	char *village = NULL;
	switch (r->kind) {
	case STORE_ROW_PLAN:
		snprintf(buf, sizeof buf, "%s\x1f%s", folded(x->a, f[SF_NUMBER]),
			 f[SF_YEAR] ? f[SF_YEAR] : "");
		break;
	case STORE_ROW_VALUE:
		snprintf(buf, sizeof buf, "%s\x1f%s", folded(x->a, f[SF_CODE]),
			 date_key(x->a, f[SF_DATE]));
		break;
	case STORE_ROW_TASK:
		if (f[SF_STT] && *f[SF_STT])
			snprintf(buf, sizeof buf, "#%ld", strtol(f[SF_STT], NULL, 10));
		else
			snprintf(buf, sizeof buf, "%s\x1f%s", folded(x->a, f[SF_SECTOR]),
				 folded(x->a, f[SF_TITLE]));
		break;
	case STORE_ROW_ITEM:
		village = model_village_key(f[SF_VILLAGE] ? f[SF_VILLAGE] : "");
		snprintf(buf, sizeof buf, "%s\x1f%s", village ? village : "",
			 folded(x->a, f[SF_ITEM]));
		free(village);
		break;
	case STORE_ROW_FUND:
		/* each its own (the store refuses a total cost or planned
		 * amount set twice differently, whatever the spelling of
		 * its kind and source) */
		snprintf(buf, sizeof buf, "@%d", i);
		break;
	default:
		snprintf(buf, sizeof buf, "%s", folded(x->a, f[SF_CODE]));
		break;
	}
	char kind[16];
	snprintf(kind, sizeof kind, "%d\x1e", (int)r->kind);
	size_t n = strlen(kind) + strlen(buf) + 1;
	char *key = arena_alloc(x->a, n);
	snprintf(key, n, "%s%s", kind, buf);
	return key;
}

struct keyed {
	const char *key;
	int row;
};

static int
compare_keyed(const void *p, const void *q)
{
	const struct keyed *a = p, *b = q;
	int c = strcmp(a->key, b->key);
	return c ? c : (a->row > b->row) - (a->row < b->row);
}

/* Whether field f is part of row_key (written in other ways by rows of
 * one key: "Cu Dinh", "Thôn Cự Đình"; a task's sector is the store's to
 * check). */
static bool
keyed_by(const struct store_import_row *r, enum store_field f)
{
	switch (r->kind) {
	case STORE_ROW_PLAN:
		return f == SF_NUMBER || f == SF_YEAR;
	case STORE_ROW_VALUE:
		return f == SF_CODE;
	case STORE_ROW_TASK:
		return f == SF_STT || f == SF_SECTOR ||
		       (f == SF_TITLE && !(r->f[SF_STT] && *r->f[SF_STT]));
	case STORE_ROW_ITEM:
		return f == SF_VILLAGE || f == SF_ITEM;
	default:
		return f == SF_CODE;
	}
}

/* The first field rows i and j (of one key) set differently, or -1. A
 * task's empty cell keeps what the task has: no contradiction. */
static int
differing_field(const struct reading *x, int i, int j)
{
	const struct store_import_row *p = &x->rows[i], *q = &x->rows[j];
	for (int f = 0; f < SF_COUNT; f++) {
		const char *a = p->f[f], *b = q->f[f];
		if (!a || !b || (p->kind == STORE_ROW_TASK && (!*a || !*b)) ||
		    keyed_by(p, (enum store_field)f))
			continue;
		if (f == SF_DATE ? strcmp(date_key(x->a, a), date_key(x->a, b))
		    : f == SF_DONE ? strcmp(done_key(x->a, a), done_key(x->a, b))
		    : strcmp(a, b))
			return f;
	}
	return -1;
}

/* Two rows about one thing that set it differently ("last wins" would
 * drop one unseen): the later one refused, naming both. Identical
 * repeats are fine (the store finds the second already done). */
static void
refuse_contradictions(struct reading *x)
{
	struct keyed *k = arena_alloc(x->a, (size_t)(x->nrows ? x->nrows : 1) *
				      sizeof *k);
	for (int i = 0; i < x->nrows; i++)
		k[i] = (struct keyed){.key = row_key(x, i), .row = i};
	qsort(k, (size_t)x->nrows, sizeof *k, compare_keyed);
	for (int i = 1; i < x->nrows; i++) {
		int first = i - 1;
		while (first > 0 && strcmp(k[first - 1].key, k[i].key) == 0)
			first--;
		if (strcmp(k[first].key, k[i].key) != 0)
			continue;
		int f = differing_field(x, k[first].row, k[i].row);
		if (f < 0)
			continue;
		const struct origin *a = &x->from[k[first].row], *b = &x->from[k[i].row];
		const struct io_sheet_kind *kind = io_kind_at((int)x->rows[k[i].row].kind);
		const struct io_kind_col *col = io_kind_field(kind, (enum store_field)f);
		refuse(x, where(x, b->s, b->row, b->col[f]), MSG_IMPORT_CONTRADICTS,
		       where(x, a->s, a->row, -1), col ? col->title : "");
	}
}

/* ---- codes a workbook turned into numbers ------------------------------ */

/* A code as a number shows it: "17.10" → "17.1" (in buf). */
static const char *
number_shown(const char *code, char *buf, size_t size)
{
	snprintf(buf, size, "%s", code);
	if (strchr(buf, '.')) {
		size_t n = strlen(buf);
		while (n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (n > 0 && buf[n - 1] == '.')
			buf[--n] = '\0';
	}
	return buf;
}

/* A code cell that is a number (17.1) may have been "17.10" before the
 * spreadsheet made it one: refused when the set has two codes that
 * read as that number. */
static void
refuse_number_codes(struct store *st, struct reading *x)
{
	struct store_report rep = {0};
	bool loaded = false;
	for (int i = 0; i < x->nrows; i++) {
		if (!x->from[i].numeric_code)
			continue;
		if (!loaded && store_report_load(st, &rep, NULL) != NTM_OK)
			return;
		loaded = true;
		char want[64], one[64], codes[512] = "";
		size_t len = 0;
		int n = 0;
		number_shown(x->rows[i].f[SF_CODE], want, sizeof want);
		for (int k = 0; k < rep.nind && len < sizeof codes; k++)
			if (strcmp(number_shown(rep.ind[k].code, one, sizeof one),
				   want) == 0) {
				int w = snprintf(codes + len, sizeof codes - len, "%s%s",
						 n++ ? ", " : "", rep.ind[k].code);
				len += w > 0 ? (size_t)w : 0;
			}
		const struct origin *o = &x->from[i];
		if (n > 1)
			refuse(x, where(x, o->s, o->row, o->col[SF_CODE]),
			       MSG_IMPORT_NUMBER_CODE, want, codes);
	}
	if (loaded)
		store_report_free(&rep);
}

/* ---- the import -------------------------------------------------------- */

/* The store's refusals, each said where it is. */
static void
place_errors(struct reading *x, const struct store_import_result *res)
{
	for (int i = 0; i < res->nerrors; i++) {
		const struct store_import_error *er = &res->errors[i];
		const struct origin *o = &x->from[er->row];
		int col = er->field >= 0 ? o->col[er->field] : -1;
		refuse(x, where(x, o->s, o->row, col), "%s", er->msg);
	}
}

/* Types the rows of every sheet and applies them. */
static int
import_sheets(struct store *st, struct reading *x, struct ntm_error *e)
{
	for (int i = 0; i < x->nsheets; i++)
		read_sheet(x, x->sheets[i]);
	if (x->nrows == 0 && x->nerrors == 0)
		return ntm_fail(e, NTM_USAGE, MSG_IMPORT_NOTHING,
				io_sheets_files(x->sheets, x->nsheets, x->a));
	x->out->rows = x->nrows;
	refuse_contradictions(x);
	refuse_number_codes(st, x);
	/* With refusals already, the store still checks every row (writing
	 * nothing) so that all of them are listed at once. */
	bool dry = x->o->dry_run || x->nerrors > 0;
	int rc = store_import(st, x->rows, x->nrows, dry, x->o->force, x->a,
			      &x->out->res, e);
	if (rc != NTM_OK && x->out->res.nerrors == 0)
		return rc;
	place_errors(x, &x->out->res);
	if (x->nerrors)
		return ntm_fail(e, NTM_USAGE, MSG_IMPORT_ERRORS, x->nerrors);
	return NTM_OK;
}

int
io_import_sheets(struct store *st, const struct io_sheet *const *sheets, int n,
		 const struct io_import_opts *o, struct arena *a,
		 struct io_import_report *out, struct ntm_error *e)
{
	struct reading x = {.a = a, .o = o, .out = out};
	*out = (struct io_import_report){0};
	for (int i = 0; i < n; i++) {
		x.sheets = arena_grow(a, x.sheets, (size_t)x.nsheets, &x.cap_sheets,
				      sizeof *x.sheets);
		x.sheets[x.nsheets++] = sheets[i];
	}
	return import_sheets(st, &x, e);
}

int
io_import(struct store *st, char *const *paths, int npaths,
	  const struct io_import_opts *o, struct arena *a,
	  struct io_import_report *out, struct ntm_error *e)
{
	struct reading x = {.a = a, .o = o, .out = out};
	*out = (struct io_import_report){0};
	int rc = NTM_OK;
	for (int i = 0; rc == NTM_OK && i < npaths; i++) {
		struct stat sb;
		rc = strcmp(paths[i], "-") != 0 && stat(paths[i], &sb) == 0 &&
		     S_ISDIR(sb.st_mode) ? read_folder(&x, paths[i], e)
			: read_file(&x, paths[i], e);
	}
	return rc == NTM_OK ? import_sheets(st, &x, e) : rc;
}
