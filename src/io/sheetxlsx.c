/* The worksheets of an .xlsx workbook read as grids of text, with libzip
 * and expat: xl/workbook.xml names the sheets and their relationship ids,
 * xl/_rels/workbook.xml.rels gives each its part, xl/sharedStrings.xml
 * the shared strings (rich text runs joined, phonetic runs dropped).
 *
 * A cell's place is its r attribute ("C7"), else the next one; its text:
 * a shared or inline string NFC (OOXML's _xHHHH_ escapes decoded), a
 * number as written in <v> ("12.5", "45292") marked numeric, a boolean
 * as "TRUE" or "FALSE" (what Excel shows; not numeric), an error as its
 * text ("#N/A"), a t="d" date as its ISO date. Element names are matched
 * without their namespace, so prefixed and Strict workbooks read too.
 * Guards (a small zip can unpack to gigabytes): no DOCTYPE (entities); a
 * single budget of SHEET_BOOK_MB for everything unpacked from the
 * workbook; at most SHEET_BOOK_PARTS zip entries, SHEET_BOOK_SHEETS
 * sheets, SHEET_BOOK_RELS relationships, SHEET_MAX_CELLS shared strings
 * and cells per sheet, SHEET_BOOK_CELLS in all the sheets together; two
 * sheets naming the same part are refused (it would be read twice).
 * workbookPr@date1904 (old Mac workbooks) is kept on each sheet for
 * io_sheet_date. xl/styles.xml tells which cell styles (cellXfs, a
 * cell's s attribute) show a percent: built-in formats 9 and 10, a
 * custom numFmt with '%'; a number in one is read × 100 (sheetcell.c). */
#include <errno.h>
#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include "lazy_zip.h"

#include "msg.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "sheet.h"

enum { MAX_ROW = 1048576, MAX_COL = 16384 };

/* What every handler shares: the text being gathered and the refusal. */
struct xml_ctx {
	XML_Parser p;
	int rc;
	const char *file, *part;
	size_t *unpacked;            /* bytes unpacked from the workbook so far */
	struct arena *a;
	struct ntm_error *e;
	char *text;
	size_t len, cap;
	bool on;                     /* gathering character data */
};

static void
stop(struct xml_ctx *x, int rc)
{
	if (!x->rc)
		x->rc = rc;
	XML_StopParser(x->p, XML_FALSE);
}

static void XMLCALL
on_chars(void *ud, const XML_Char *s, int len)
{
	struct xml_ctx *x = ud;
	if (!x->on || len <= 0)
		return;
	if (x->len + (size_t)len + 1 > x->cap) {
		size_t cap = x->cap ? x->cap : 256;
		while (cap < x->len + (size_t)len + 1)
			cap *= 2;
		char *more = realloc(x->text, cap);
		if (!more) {
			stop(x, ntm_fail(x->e, NTM_FAIL, MSG_SHEET_MEMORY, x->file));
			return;
		}
		x->text = more;
		x->cap = cap;
	}
	memcpy(x->text + x->len, s, (size_t)len);
	x->len += (size_t)len;
	x->text[x->len] = '\0';
}

static void
gather(struct xml_ctx *x)
{
	x->len = 0;
	if (x->text)
		x->text[0] = '\0';
	x->on = true;
}

static void XMLCALL
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
	   const XML_Char *pubid, int internal)
{
	(void)name; (void)sysid; (void)pubid; (void)internal;
	struct xml_ctx *x = ud;
	stop(x, ntm_fail(x->e, NTM_FAIL, MSG_SHEET_DTD, x->file, x->part));
}

/* An element or attribute name without its namespace ("uri|row"). */
static const char *
local(const XML_Char *name)
{
	const char *bar = strrchr(name, '|');
	return bar ? bar + 1 : name;
}

static const char *
attr(const XML_Char **at, const char *name)
{
	for (; at && at[0]; at += 2)
		if (strcmp(local(at[0]), name) == 0)
			return at[1];
	return NULL;
}

/* Parses the part: from zf when not NULL, else the len bytes of buf. */
static int
parse(struct xml_ctx *x, XML_StartElementHandler start,
      XML_EndElementHandler end, zip_file_t *zf, const char *buf, size_t len)
{
	x->p = XML_ParserCreateNS(NULL, '|');
	if (!x->p)
		return ntm_fail(x->e, NTM_FAIL, MSG_SHEET_MEMORY, x->file);
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, start, end);
	XML_SetCharacterDataHandler(x->p, on_chars);
	XML_SetStartDoctypeDeclHandler(x->p, on_doctype);
	char chunk[1 << 16];
	size_t mine = 0, *total = x->unpacked ? x->unpacked : &mine;
	size_t max = (size_t)SHEET_BOOK_MB << 20;
	int rc = NTM_OK;
	for (bool last = false; !last && rc == NTM_OK;) {
		zip_int64_t got = zf ? zip_fread(zf, chunk, sizeof chunk)
			: (zip_int64_t)len;
		last = !zf || got == 0;
		*total += got > 0 ? (size_t)got : 0;
		if (got < 0)
			rc = ntm_fail(x->e, NTM_FAIL, MSG_SHEET_PART_READ, x->file,
				      x->part);
		else if (*total > max || got > 0x7fffffff)
			rc = ntm_fail(x->e, NTM_FAIL, MSG_SHEET_BOOK_BIG, x->file,
				      SHEET_BOOK_MB, x->part);
		else if (XML_Parse(x->p, zf ? chunk : buf, (int)got, last) !=
			 XML_STATUS_OK)
			rc = x->rc ? x->rc : ntm_fail(x->e, NTM_FAIL,
				MSG_SHEET_PART_BAD, x->file, x->part,
				(unsigned long)XML_GetCurrentLineNumber(x->p));
	}
	XML_ParserFree(x->p);
	x->p = NULL;
	free(x->text);
	x->text = NULL;
	x->len = x->cap = 0;
	return rc;
}

/* ---- a worksheet ------------------------------------------------------------ */

struct ws {
	struct xml_ctx x;
	struct io_sheet *s;
	const char *const *shared;
	size_t nshared;
	const unsigned char *pct;    /* [style]: a percent format */
	size_t npct;
	unsigned long style;         /* the cell's */
	struct sheet_cells cells;
	int row, next_col;           /* 0-based; row -1 before the first */
	int crow, ccol, rph;
	bool in_cell, in_is;
	char type[12];
};

/* "C7" → column 2, row 6; false when it is no cell reference. */
static bool
cell_ref(const char *r, int *row, int *col)
{
	long c = 0, n = 0;
	const char *p = r;
	for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++)
		if ((c = c * 26 + ((*p | 0x20) - 'a' + 1)) > MAX_COL)
			return false;
	for (const char *d = p; *p >= '0' && *p <= '9'; p++)
		if ((n = n * 10 + (*p - '0')) > MAX_ROW || p - d > 7)
			return false;
	if (*p || c == 0 || n == 0)
		return false;
	*row = (int)n - 1;
	*col = (int)c - 1;
	return true;
}

static void
bad_ref(struct ws *w, const char *ref)
{
	stop(&w->x, ntm_fail(w->x.e, NTM_FAIL, MSG_SHEET_BAD_REF, w->s->file,
			     w->s->name, ref));
}

static void XMLCALL
ws_start(void *ud, const XML_Char *name, const XML_Char **at)
{
	struct ws *w = ud;
	const char *n = local(name), *r;
	if (strcmp(n, "row") == 0) {
		int col;
		char ref[24];
		r = attr(at, "r");
		snprintf(ref, sizeof ref, "A%.16s", r ? r : "");
		if (r && !cell_ref(ref, &w->row, &col))
			bad_ref(w, r);
		else if (!r)
			w->row++;
		w->next_col = 0;
	} else if (strcmp(n, "c") == 0) {
		r = attr(at, "r");
		if (r && !cell_ref(r, &w->crow, &w->ccol)) {
			bad_ref(w, r);
			return;
		}
		if (!r) {
			w->crow = w->row < 0 ? 0 : w->row;
			w->ccol = w->next_col;
		}
		w->next_col = w->ccol + 1;
		const char *t = attr(at, "t"), *st = attr(at, "s");
		snprintf(w->type, sizeof w->type, "%s", t ? t : "n");
		w->style = st ? strtoul(st, NULL, 10) : 0;
		w->in_cell = true;
		w->x.on = false;
		w->x.len = 0;
		if (w->x.text)
			w->x.text[0] = '\0';
	} else if (w->in_cell && strcmp(n, "v") == 0) {
		gather(&w->x);
	} else if (w->in_cell && strcmp(n, "is") == 0) {
		w->in_is = true;
	} else if (w->in_is && w->rph == 0 && strcmp(n, "t") == 0) {
		w->x.on = true;
	} else if (strcmp(n, "rPh") == 0) {
		w->rph++;
	}
}

/* The cell just read, as its text (NULL: empty). */
static const char *
ws_value(struct ws *w, unsigned char *numeric)
{
	const char *raw = w->x.text ? w->x.text : "";
	const char *t = w->type;
	*numeric = 0;
	if (strcmp(t, "s") == 0) {
		char *end;
		unsigned long i = strtoul(raw, &end, 10);
		if (end == raw || *end || i >= w->nshared)
			return NULL;
		return w->shared[i];
	}
	if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0)
		return sheet_string_value(w->x.a, raw);
	if (strcmp(t, "b") == 0 && (strcmp(raw, "1") == 0 || strcmp(raw, "0") == 0))
		return raw[0] == '1' ? "TRUE" : "FALSE";
	if (strcmp(t, "d") == 0 && strlen(raw) > 10 && raw[10] == 'T') {
		char *date = arena_alloc(w->x.a, 11);   /* the time dropped */
		memcpy(date, raw, 10);
		return date;
	}
	if (strcmp(t, "n") != 0)
		return sheet_string_value(w->x.a, raw);
	bool pct = w->style < w->npct && w->pct[w->style];
	*numeric = pct ? IO_SHEET_PERCENT : IO_SHEET_NUMBER;
	return sheet_number_text(w->x.a, raw, pct);
}

static void
ws_cell(struct ws *w)
{
	unsigned char numeric;
	const char *text = ws_value(w, &numeric);
	char where[32];
	if (!text) {
		struct io_sheet tmp = {.xlsx = true};
		snprintf(where, sizeof where, "%s",
			 io_sheet_where(&tmp, w->crow, w->ccol, w->x.a));
		const char *raw = w->x.text ? w->x.text : "";
		char why[160];
		if (strcmp(w->type, "s") == 0)
			snprintf(why, sizeof why, TXT_SHEET_SHARED, raw);
		else
			snprintf(why, sizeof why, "%s", TXT_SHEET_BAD_TEXT);
		stop(&w->x, ntm_fail(w->x.e, NTM_FAIL, MSG_SHEET_CELL_AT,
				     w->s->file, w->s->name, where, why));
		return;
	}
	if (!*text)
		return;
	if (!sheet_cells_add(&w->cells, w->crow, w->ccol, text, numeric))
		stop(&w->x, ntm_fail(w->x.e, NTM_FAIL, MSG_SHEET_SHEET_CELLS,
				     w->s->file, w->s->name, SHEET_MAX_CELLS));
}

static void XMLCALL
ws_end(void *ud, const XML_Char *name)
{
	struct ws *w = ud;
	const char *n = local(name);
	if (strcmp(n, "v") == 0 || strcmp(n, "t") == 0)
		w->x.on = false;
	else if (strcmp(n, "rPh") == 0 && w->rph > 0)
		w->rph--;
	else if (strcmp(n, "is") == 0)
		w->in_is = false;
	else if (strcmp(n, "c") == 0 && w->in_cell) {
		w->in_cell = false;
		ws_cell(w);
	}
}

/* One worksheet; the shared strings and the styles that show a percent
 * are the book's (w->shared, w->pct). */
static int
read_worksheet(struct io_sheet *s, const char *part, zip_file_t *zf,
	       const char *xml, size_t len, struct ws w, size_t *unpacked,
	       struct arena *a, struct ntm_error *e)
{
	s->xlsx = true;
	w.x = (struct xml_ctx){.file = s->file, .part = part,
			       .unpacked = unpacked, .a = a, .e = e};
	w.s = s;
	w.row = -1;
	int rc = parse(&w.x, ws_start, ws_end, zf, xml, len);
	if (rc == NTM_OK)
		return sheet_grid(s, &w.cells, NULL, a, e);
	free(w.cells.v);
	return rc;
}

int
io_sheet_parse_worksheet(const char *xml, size_t len,
			 const char *const *shared, size_t nshared,
			 struct arena *a, struct io_sheet *out,
			 struct ntm_error *e)
{
	struct ws w = {.shared = shared, .nshared = nshared};
	return read_worksheet(out, "xl/worksheets/sheet1.xml", NULL, xml, len, w,
			      NULL, a, e);
}

/* ---- the workbook ----------------------------------------------------------- */

struct book_sheet {
	const char *name, *rid, *part;
	zip_int64_t at;              /* the part's zip entry */
};
struct rel {
	const char *id, *type, *target;
};
/* The part being read, which says what its elements are. */
enum book_part { BOOK_WORKBOOK, BOOK_RELS, BOOK_STRINGS, BOOK_STYLES };
struct book {
	struct xml_ctx x;
	size_t unpacked;
	enum book_part what;
	bool date1904;
	zip_t *z;
	struct book_sheet *sheets;
	size_t nsheets, scap;
	struct rel *rels;
	size_t nrels, rcap;
	const char **shared;
	size_t nshared, shcap;
	int rph;
	bool in_si, in_xfs;
	unsigned char *pct;          /* [cellXfs index]: a percent format */
	size_t npct, pcap;
	unsigned long *fmts;         /* the custom numFmtIds with a '%' */
	size_t nfmts, fcap;
	const char *encoding;
};

/* xl/styles.xml: numFmts (before cellXfs), then each cellXfs/xf. */
static void
book_style(struct book *b, const char *n, const XML_Char **at)
{
	const char *id = attr(at, "numFmtId");
	unsigned long v = id ? strtoul(id, NULL, 10) : 0;
	if (strcmp(n, "cellXfs") == 0) {
		b->in_xfs = true;
	} else if (strcmp(n, "numFmt") == 0 && id &&
		   sheet_format_percent(attr(at, "formatCode")) &&
		   b->nfmts < SHEET_BOOK_RELS) {
		b->fmts = arena_grow(b->x.a, b->fmts, b->nfmts, &b->fcap,
				     sizeof *b->fmts);
		b->fmts[b->nfmts++] = v;
	} else if (strcmp(n, "xf") == 0 && b->in_xfs &&
		   b->npct < SHEET_MAX_CELLS) {
		bool pct = id && (v == 9 || v == 10);
		for (size_t i = 0; id && i < b->nfmts; i++)
			pct |= b->fmts[i] == v;
		b->pct = arena_grow(b->x.a, b->pct, b->npct, &b->pcap, 1);
		b->pct[b->npct++] = pct;
	}
}

static void XMLCALL
book_start(void *ud, const XML_Char *name, const XML_Char **at)
{
	struct book *b = ud;
	const char *n = local(name);
	struct arena *a = b->x.a;
	if (b->what == BOOK_WORKBOOK && strcmp(n, "workbookPr") == 0) {
		const char *d = attr(at, "date1904");
		b->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
	} else if (b->what == BOOK_WORKBOOK && strcmp(n, "sheet") == 0 &&
		   attr(at, "name")) {
		if (b->nsheets >= SHEET_BOOK_SHEETS) {
			stop(&b->x, ntm_fail(b->x.e, NTM_FAIL, MSG_SHEET_MANY_SHEETS,
					     b->x.file, SHEET_BOOK_SHEETS));
			return;
		}
		b->sheets = arena_grow(a, b->sheets, b->nsheets, &b->scap,
				       sizeof *b->sheets);
		b->sheets[b->nsheets++] = (struct book_sheet){
			.name = sheet_string_value(a, attr(at, "name")),
			.rid = arena_strdup(a, attr(at, "id")),
		};
	} else if (b->what == BOOK_RELS && strcmp(n, "Relationship") == 0 &&
		   attr(at, "Id") && attr(at, "Target")) {
		if (b->nrels >= SHEET_BOOK_RELS) {
			stop(&b->x, ntm_fail(b->x.e, NTM_FAIL, MSG_SHEET_MANY_RELS,
					     b->x.file, b->x.part, SHEET_BOOK_RELS));
			return;
		}
		b->rels = arena_grow(a, b->rels, b->nrels, &b->rcap, sizeof *b->rels);
		b->rels[b->nrels++] = (struct rel){
			.id = arena_strdup(a, attr(at, "Id")),
			.type = arena_strdup(a, attr(at, "Type")),
			.target = arena_strdup(a, attr(at, "Target")),
		};
	} else if (b->what == BOOK_STYLES) {
		book_style(b, n, at);
	} else if (b->what != BOOK_STRINGS) {
		return;
	} else if (strcmp(n, "si") == 0) {
		if (b->nshared >= SHEET_MAX_CELLS) {
			stop(&b->x, ntm_fail(b->x.e, NTM_FAIL, MSG_SHEET_MANY_STRINGS,
					     b->x.file, SHEET_MAX_CELLS));
			return;
		}
		b->in_si = true;
		gather(&b->x);
		b->x.on = false;
	} else if (strcmp(n, "rPh") == 0) {
		b->rph++;
	} else if (strcmp(n, "t") == 0 && b->in_si && b->rph == 0) {
		b->x.on = true;
	}
}

static void XMLCALL
book_end(void *ud, const XML_Char *name)
{
	struct book *b = ud;
	const char *n = local(name);
	if (strcmp(n, "cellXfs") == 0) {
		b->in_xfs = false;
	} else if (strcmp(n, "t") == 0) {
		b->x.on = false;
	} else if (strcmp(n, "rPh") == 0 && b->rph > 0) {
		b->rph--;
	} else if (strcmp(n, "si") == 0 && b->in_si) {
		b->in_si = false;
		const char *s = sheet_string_value(b->x.a, b->x.text ? b->x.text : "");
		if (!s) {
			stop(&b->x, ntm_fail(b->x.e, NTM_FAIL, MSG_SHEET_PART_BAD,
					     b->x.file, b->x.part, (unsigned long)
					     XML_GetCurrentLineNumber(b->x.p)));
			return;
		}
		b->shared = arena_grow(b->x.a, b->shared, b->nshared, &b->shcap,
				       sizeof *b->shared);
		b->shared[b->nshared++] = s;
	}
}

static int
not_xlsx(struct book *b, const char *part)
{
	char why[300];
	if (part)
		snprintf(why, sizeof why, TXT_SHEET_NO_PART, part);
	else
		snprintf(why, sizeof why, "%s", TXT_SHEET_NOT_ZIP);
	return ntm_fail(b->x.e, NTM_FAIL, MSG_SHEET_NOT_XLSX, b->x.file, why);
}

/* Opens the part at zip entry i (part: its name, for messages); NULL and
 * *rc NTM_OK when i < 0 (missing). Refused at once when its stated size
 * is more than what is left of the budget. */
static zip_file_t *
open_part_at(struct book *b, zip_int64_t i, const char *part, int *rc)
{
	*rc = NTM_OK;
	zip_stat_t st;
	if (i < 0)
		return NULL;
	size_t max = (size_t)SHEET_BOOK_MB << 20;
	if (zip_stat_index(b->z, (zip_uint64_t)i, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE) && st.size > max - b->unpacked) {
		*rc = ntm_fail(b->x.e, NTM_FAIL, MSG_SHEET_BOOK_BIG, b->x.file,
			       SHEET_BOOK_MB, part);
		return NULL;
	}
	zip_file_t *zf = zip_fopen_index(b->z, (zip_uint64_t)i, 0);
	if (!zf)
		*rc = ntm_fail(b->x.e, NTM_FAIL, MSG_SHEET_PART_READ, b->x.file, part);
	return zf;
}

/* Reads a part of the workbook itself with book_start/book_end. Part
 * names are compared ignoring case, as Excel does. */
static int
read_book_part(struct book *b, enum book_part what, const char *part,
	       bool needed)
{
	int rc;
	zip_int64_t at = zip_name_locate(b->z, part, ZIP_FL_NOCASE);
	zip_file_t *zf = open_part_at(b, at, part, &rc);
	if (!zf)
		return rc != NTM_OK ? rc : needed ? not_xlsx(b, part) : NTM_OK;
	b->what = what;
	b->x.part = part;
	rc = parse(&b->x, book_start, book_end, zf, NULL, 0);
	zip_fclose(zf);
	return rc;
}

/* A relationship's target as a part name: relative to xl/, or absolute. */
static const char *
rel_part(struct book *b, const char *type_end, const char *id)
{
	for (size_t i = 0; i < b->nrels; i++) {
		const struct rel *r = &b->rels[i];
		const char *t = r->type ? strrchr(r->type, '/') : NULL;
		if ((id && strcmp(r->id, id) != 0) || !t || strcmp(t, type_end) != 0)
			continue;
		size_t n = strlen(r->target) + 4;
		char *part = arena_alloc(b->x.a, n);
		if (r->target[0] == '/')
			snprintf(part, n, "%s", r->target + 1);
		else
			snprintf(part, n, "xl/%s", r->target);
		return part;
	}
	return NULL;
}

/* Keeps the worksheets (those with a part; every part present and named
 * by one sheet only) and, when sheet is given, only the one so named:
 * exactly, else folded. */
static int
choose(struct book *b, const char *sheet)
{
	size_t kept = 0;
	for (size_t i = 0; i < b->nsheets; i++) {
		struct book_sheet *bs = &b->sheets[i];
		bs->part = bs->rid && bs->name
			? rel_part(b, "/worksheet", bs->rid) : NULL;
		if (!bs->part)
			continue;
		if ((bs->at = zip_name_locate(b->z, bs->part,
					  ZIP_FL_NOCASE)) < 0)
			return not_xlsx(b, bs->part);
		for (size_t k = 0; k < kept; k++)
			if (b->sheets[k].at == bs->at)
				return ntm_fail(b->x.e, NTM_FAIL, MSG_SHEET_DUP_PART,
						b->x.file, b->sheets[k].name,
						bs->name, bs->part);
		b->sheets[kept++] = *bs;
	}
	b->nsheets = kept;
	if (kept == 0)
		return ntm_fail(b->x.e, NTM_FAIL, MSG_SHEET_NO_SHEETS, b->x.file);
	if (!sheet)
		return NTM_OK;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < kept; i++)
			if (pass ? sheet_same_folded(b->sheets[i].name, sheet)
			    : strcmp(b->sheets[i].name, sheet) == 0) {
				b->sheets[0] = b->sheets[i];
				b->nsheets = 1;
				return NTM_OK;
			}
	char names[600] = "";
	for (size_t i = 0, at = 0; i < kept && at < sizeof names - 1; i++)
		at += (size_t)snprintf(names + at, sizeof names - at, "%s“%s”",
				       i ? ", " : "", b->sheets[i].name);
	return ntm_fail(b->x.e, NTM_USAGE, MSG_SHEET_UNKNOWN, b->x.file, sheet,
			names);
}

static int
read_book(struct book *b, const char *sheet, struct io_sheet **out, int *n)
{
	int rc = NTM_OK;
	if (zip_get_num_entries(b->z, 0) > SHEET_BOOK_PARTS)
		rc = ntm_fail(b->x.e, NTM_FAIL, MSG_SHEET_MANY_PARTS, b->x.file,
			      SHEET_BOOK_PARTS);
	if (rc == NTM_OK)
		rc = read_book_part(b, BOOK_WORKBOOK, "xl/workbook.xml", true);
	if (rc == NTM_OK)
		rc = read_book_part(b, BOOK_RELS, "xl/_rels/workbook.xml.rels", true);
	if (rc == NTM_OK)
		rc = choose(b, sheet);
	const char *sst = rel_part(b, "/sharedStrings", NULL);
	if (rc == NTM_OK)
		rc = read_book_part(b, BOOK_STRINGS,
				    sst ? sst : "xl/sharedStrings.xml", false);
	const char *styles = rel_part(b, "/styles", NULL);
	if (rc == NTM_OK)
		rc = read_book_part(b, BOOK_STYLES,
				    styles ? styles : "xl/styles.xml", false);
	struct ws w = {.shared = b->shared, .nshared = b->nshared,
		       .pct = b->pct, .npct = b->npct};
	struct io_sheet *s = arena_alloc(b->x.a, b->nsheets * sizeof *s);
	size_t cells = 0;
	for (size_t i = 0; rc == NTM_OK && i < b->nsheets; i++) {
		s[i] = (struct io_sheet){.file = b->x.file, .name = b->sheets[i].name,
					 .date1904 = b->date1904};
		zip_file_t *zf = open_part_at(b, b->sheets[i].at,
					      b->sheets[i].part, &rc);
		if (!zf)
			break;
		rc = read_worksheet(&s[i], b->sheets[i].part, zf, NULL, 0, w,
				    &b->unpacked, b->x.a, b->x.e);
		zip_fclose(zf);
		if (rc == NTM_OK)
			rc = sheet_legacy(&s[i], b->encoding, b->x.a, b->x.e);
		cells += (size_t)s[i].nrows * (size_t)s[i].ncols;
		if (rc == NTM_OK && cells > SHEET_BOOK_CELLS)
			rc = ntm_fail(b->x.e, NTM_FAIL, MSG_SHEET_BOOK_CELLS,
				      b->x.file, SHEET_BOOK_CELLS);
	}
	if (rc == NTM_OK) {
		*out = s;
		*n = (int)b->nsheets;
	}
	return rc;
}

int
io_sheet_read_xlsx(const char *path, const char *sheet, const char *encoding,
		   struct arena *a, struct io_sheet **out, int *n,
		   struct ntm_error *e)
{
	*out = NULL;
	*n = 0;
	if (io_lazy_zip(e) != NTM_OK)
		return NTM_FAIL;
	struct book b = {.x = {.file = arena_strdup(a, io_file_shown(path)),
			       .a = a, .e = e}, .encoding = encoding};
	b.x.unpacked = &b.unpacked;
	zip_error_t ze;
	zip_error_init(&ze);
	char *bytes = NULL;
	if (strcmp(path, "-") == 0) {
		size_t len = 0;
		zip_source_t *src = NULL;
		if (!(bytes = sheet_read_all(path, &len, e)))
			return NTM_FAIL;
		if ((src = zip_source_buffer_create(bytes, len, 0, &ze)) &&
		    !(b.z = zip_open_from_source(src, ZIP_RDONLY, &ze)))
			zip_source_free(src);
	} else {
		int code = 0;
		b.z = zip_open(path, ZIP_RDONLY, &code);
		zip_error_init_with_code(&ze, code);
	}
	int rc;
	if (!b.z) {
		int code = zip_error_code_zip(&ze);
		int sys = zip_error_code_system(&ze);
		if (code == ZIP_ER_NOENT)
			sys = ENOENT;
		rc = code == ZIP_ER_NOENT || code == ZIP_ER_OPEN || code == ZIP_ER_READ
			? ntm_fail(e, NTM_FAIL, MSG_SHEET_READ, b.x.file,
				   ntm_errno_text(sys ? sys : EIO))
			: not_xlsx(&b, NULL);
	} else {
		rc = read_book(&b, sheet, out, n);
		zip_close(b.z);
	}
	zip_error_fini(&ze);
	free(bytes);
	return rc;
}
