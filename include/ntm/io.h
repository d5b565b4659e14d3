/* io — readers and writers of files that leave or enter the program:
 * reports, spreadsheets, plan text, sync files. Sits between the store
 * and the front ends: it takes and gives model and store structures, calls
 * the store for transactions, and never prints to a terminal. Every writer
 * goes through an io_file (a temporary file renamed into place), so a
 * failure never leaves a partial file or spoils an existing one; every
 * cell a spreadsheet will read goes through text_cell_safe(). */
#ifndef NTM_IO_H
#define NTM_IO_H

#include <stdbool.h>
#include <stdio.h>

#include "ntm/error.h"
#include "ntm/model.h"
#include "ntm/store.h"

/* ---- atomic files (atomic.c) ---------------------------------------------- */

/* A file being written: f is a temporary file beside path; commit flushes
 * it to disk and renames it over path, abort removes it. */
struct io_file {
	FILE *f;
	char *path, *tmp;
	int mode;           /* of the finished file, after the umask */
};

/* Opens a temporary file in path's folder. Refuses (NTM_FAIL, in
 * Vietnamese, naming the file) when the folder is missing or not
 * writable, and when path is an SQLite database (the open one, through
 * any link or name: a report never replaces a database). */
int io_file_open(struct io_file *out, const char *path, struct ntm_error *e);
/* Flushes, syncs and renames into place; on any failure the temporary
 * file is removed and path is untouched. Frees the io_file either way. */
int io_file_commit(struct io_file *f, struct ntm_error *e);
/* Throws the temporary file away; path is untouched. */
void io_file_abort(struct io_file *f);

/* ---- CSV (csv.c) ----------------------------------------------------------- */

/* Writes one field of RFC 4180 CSV, made safe by text_cell_safe() (no
 * control characters, formulas neutralised), quoted when it needs to be;
 * a row ends with CRLF after the last field. NULL is an empty field. */
void io_csv_field(FILE *f, const char *s, bool last);
/* The same with the separator sep (',' or ';'): a field holding it, a
 * quote, CR or LF is quoted. */
void io_csv_field_sep(FILE *f, const char *s, char sep, bool last);

/* ---- files read (records.c) ---------------------------------------------- */

/* What messages call a file given as path: "-" is "đầu vào chuẩn" (the
 * standard input), any other path itself. */
const char *io_file_shown(const char *path);

/* ---- plan text (plantext.c; man 5 ntm-plan) ------------------------------ */

struct arena;
struct store;
struct ntm_plan_doc;
struct store_import_summary;

/* Reads plan text (UTF-8; a BOM and CRLF are accepted) into d, strings in
 * a. name is what messages call the file. The first error is refused
 * (NTM_USAGE) as "NAME:LINE: what is wrong" in Vietnamese. */
int io_plan_parse(const char *name, const char *text, size_t len,
		  struct arena *a, struct ntm_plan_doc *d, struct ntm_error *e);
/* The same from a file ("-": standard input). */
int io_plan_read_file(const char *path, struct arena *a,
		      struct ntm_plan_doc *d, struct ntm_error *e);
/* Writes d as plan text: what io_plan_parse reads back to the same d,
 * byte for byte the same when written again. */
void io_plan_write(FILE *f, const struct ntm_plan_doc *d);
/* The built-in plan (share/ntm/plan-2024.txt, compiled in). */
int io_plan_builtin(struct arena *a, struct ntm_plan_doc *d,
		    struct ntm_error *e);
/* Reads the file and creates its plan in the commune in use
 * (store_plan_import), all or nothing; dry_run writes nothing. */
int io_plan_import(struct store *st, const char *path, bool dry_run,
		   struct store_import_summary *sum, struct ntm_error *e);
/* Writes the plan (its id) as plan text to path ("-": standard output),
 * through an io_file when a path. */
int io_plan_export(struct store *st, const char *plan_id, const char *path,
		   struct ntm_error *e);

/* ---- criteria text (criteriatext.c; man 5 ntm-criteria) ------------------ */

struct ntm_criteria_doc;

/* Reads criteria text (UTF-8; a BOM and CRLF are accepted) into d,
 * strings in a; the first error is refused (NTM_USAGE) as "NAME:LINE:
 * what is wrong" in Vietnamese: an unknown key or section, a duplicate
 * code or number, a bad kind, comparator, target or number, a missing
 * field. */
int io_criteria_parse(const char *name, const char *text, size_t len,
		      struct arena *a, struct ntm_criteria_doc *d,
		      struct ntm_error *e);
/* Reads the file ("-": standard input) and creates its set
 * (store_criteria_import), all or nothing; dry_run writes nothing. */
int io_criteria_import(struct store *st, const char *path, bool dry_run,
		       int *criteria, int *indicators, struct ntm_error *e);

/* ---- the written report (report.c, reporttable.c, reporttext.c,
 *      reportcsv.c, reportxlsx.c, reportdocx.c; man 1 ntm, REPORT) ------- */

struct ntm_report_doc;

enum io_report_format {
	IO_REPORT_TXT, IO_REPORT_MD, IO_REPORT_CSV, IO_REPORT_XLSX,
	IO_REPORT_DOCX,
};
/* The tables of the report, as CSV writes one per file (--table). The
 * money tables (reportfund.c: the plan's capital by source, by sector,
 * the tasks with the greatest debt) have rows only when the plan has
 * money (ntm_report_money.has); a writer leaves out their part then. */
enum io_report_table {
	IO_TABLE_CRITERIA, IO_TABLE_TASKS, IO_TABLE_VILLAGES, IO_TABLE_CHANGES,
	IO_TABLE_FUND_SOURCES, IO_TABLE_FUND_SECTORS, IO_TABLE_FUND_DEBTS,
};
enum { IO_REPORT_TABLES = 7 };

struct io_report_opts {
	enum io_report_format format;
	enum io_report_table table;   /* CSV only */
	bool no_bom;                  /* CSV: no UTF-8 byte order mark */
	char sep;                     /* CSV: ',' (0 means ',') or ';' */
};

/* "xlsx", "docx", "csv", "md", "txt" (case ignored). */
bool io_report_format_read(const char *word, enum io_report_format *out);
const char *io_report_format_word(enum io_report_format f);
/* The format a file name's extension says (".XLSX" too); false: none. */
bool io_report_format_of_path(const char *path, enum io_report_format *out);
/* xlsx and docx: never to a terminal or a pipe. */
bool io_report_binary(enum io_report_format f);
/* "criteria", "tasks", "villages", "changes", "sources", "sectors",
 * "debts" (Vietnamese words too: the sheets' names). */
bool io_report_table_read(const char *word, enum io_report_table *out);
/* bao-cao-ntm-<xã>-<yyyy-mm-dd>.<ext>: ASCII, no spaces or marks, the
 * date the report is as of; in a. */
const char *io_report_default_name(const struct ntm_report_doc *d,
				   enum io_report_format f, struct arena *a);
/* Writes the report to path through an io_file (nothing partial, an
 * existing file kept whole on failure); "-" is standard output, text
 * formats only. A missing folder is refused naming it. */
int io_report_write(const struct ntm_report_doc *d,
		    const struct io_report_opts *o, const char *path,
		    struct ntm_error *e);

/* The report's tables as cells (reporttable.c): the one place that says
 * which columns each table has, their Vietnamese titles and how a value
 * is shown, for every writer. Text is always set (what a reader sees:
 * dates dd/mm/yyyy, numbers in the model's format, statuses as words);
 * a number cell also has its value (a percent cell as a fraction, 0.85
 * for 85 %), a date cell its ISO date. Nothing is sanitised here. */
enum io_cell_kind {
	IO_CELL_TEXT, IO_CELL_INT, IO_CELL_NUMBER, IO_CELL_PERCENT,
	IO_CELL_DATE, IO_CELL_EMPTY,
	IO_CELL_MONEY,          /* whole đồng: text "1.250.000.000" (the column
				 * title says "đồng"), number exact */
};
struct io_cell {
	enum io_cell_kind kind;
	const char *text;       /* never NULL ("" when empty) */
	double number;          /* INT, NUMBER, PERCENT */
	const char *iso;        /* DATE */
	int status;             /* an enum ntm_status for status cells, else -1 */
	bool overdue;           /* a task's due date passed */
	bool strong;            /* a group row (a criterion above its indicators) */
};
struct io_column {
	const char *title;      /* Vietnamese, as a header cell */
	const char *key;        /* ASCII field name: "code", "status" */
	int width;              /* a good width in characters for spreadsheets */
};
/* Columns of table t; their count in *n. */
const struct io_column *io_report_columns(enum io_report_table t, int *n);
/* A task with a difficulty or a proposal (part VII), in sector order. */
struct io_report_note {
	const struct ntm_report_sector *sector;
	const struct ntm_report_task *task;
	bool first;             /* the first of its sector in the list */
};
enum { IO_NOTE_ISSUE = 1, IO_NOTE_PROPOSAL = 2 };
/* The tasks of d whose issue (which has IO_NOTE_ISSUE) or proposal (which
 * has IO_NOTE_PROPOSAL) is not empty; their count, the list in a. */
int io_report_notes(const struct ntm_report_doc *d, unsigned which,
		    struct arena *a, struct io_report_note **out);
/* The docx lists at most this many changes of the period (the xlsx and
 * the text formats every change the store gives, which caps them at
 * 2000: reportdoc.h); the others are counted. */
enum { IO_DOCX_MAX_CHANGES = 200 };
/* The place of table t's column named key ("status"), or -1 (none, or
 * key NULL). */
int io_report_column_index(enum io_report_table t, const char *key);
/* Rows of table t in d (the criteria table: a row per criterion followed
 * by its indicators' rows, the criterion row marked strong). */
int io_report_rows(const struct ntm_report_doc *d, enum io_report_table t);
/* Cell (row, col) of table t; strings in a. */
void io_report_cell(const struct ntm_report_doc *d, enum io_report_table t,
		    int row, int col, struct arena *a, struct io_cell *out);
/* Vietnamese title of a table's part ("Tiêu chí và chỉ tiêu") and its
 * sheet name ("Tiêu chí"). */
const char *io_report_table_title(enum io_report_table t);
const char *io_report_sheet_name(enum io_report_table t);

/* The header and summary (parts 1 and 2) as labelled values, in reading
 * order: commune, plan, as-of date, date written, author (head true),
 * then criteria đạt, indicators đạt, tasks done / in progress / overdue,
 * villages, the commune gauge; *out in a, the count returned. */
struct io_fact {
	const char *label;      /* "Tiêu chí đạt" */
	struct io_cell value;   /* text "12/19"; number 12 (INT) or a PERCENT */
	bool head;              /* part 1, else part 2 */
	struct ntm_gauge gauge; /* a gauge's fact: done / total (total 0: none);
				 * the commune gauge as progress / 100 */
};
int io_report_facts(const struct ntm_report_doc *d, struct arena *a,
		    struct io_fact **out);
/* The report's kind and subject, as every format titles it (in a):
 * "Kết quả thực hiện Kế hoạch số 32/KH-UBND ngày 12/3/2024 về xây dựng
 * nông thôn mới năm 2024" (the plan's date without leading zeros, as
 * officials write it in a subject); without a plan "Kết quả xây dựng nông
 * thôn mới năm 2024". Not sanitised. */
const char *io_report_subject(const struct ntm_report_doc *d,
			      struct arena *a);
/* A gauge as text, width cells wide: "[██████░░░░] 60%" ("[######----] 60%"
 * when ascii), for the text formats and docx. In a. */
const char *io_report_bar(struct ntm_gauge g, int width, bool ascii,
			  struct arena *a);

/* Format writers, called by io_report_write (each makes every string safe
 * for its format: text_sanitize for text, text_cell_safe for cells, XML
 * escaping with control characters dropped for docx). */
int io_report_text(FILE *f, const struct ntm_report_doc *d, bool markdown,
		   struct ntm_error *e);
int io_report_csv(FILE *f, const struct ntm_report_doc *d,
		  const struct io_report_opts *o, struct ntm_error *e);
/* libxlsxwriter writes the file itself: path is the io_file's temporary. */
int io_report_xlsx(const char *path, const struct ntm_report_doc *d,
		   struct ntm_error *e);
int io_report_docx(FILE *f, const struct ntm_report_doc *d,
		   struct ntm_error *e);

/* ---- spreadsheets in (sheetcsv.c, sheetxlsx.c) ---------------------------- */

/* One sheet as a grid of text: a CSV file or one worksheet of a workbook. */
struct io_sheet {
	const char *file;       /* as messages name it (io_file_shown) */
	const char *name;       /* the worksheet's name; NULL for CSV */
	bool xlsx;
	int nrows, ncols;
	const char **cell;      /* [r * ncols + c]: UTF-8 NFC, NULL when empty */
	unsigned char *numeric; /* [r * ncols + c]: IO_SHEET_NUMBER for a number
				 * cell of a workbook (its text is the number
				 * with at most 10 significant digits, "12.5"),
				 * IO_SHEET_PERCENT for one whose number format
				 * is a percent (its text is the value × 100,
				 * as shown: "87" for 0.87); 0 for text */
	int *line;              /* [r]: CSV line where row r starts (1-based),
				 * or the worksheet's row number */
	bool date1904;          /* the workbook counts dates from 1904-01-01
				 * (workbookPr date1904: old Mac workbooks) */
	char sep;               /* CSV: the separator found (',' ';' TAB) */
};
enum { IO_SHEET_NUMBER = 1, IO_SHEET_PERCENT = 2 };
/* How many non-empty rows at the top of a sheet may come before its
 * header row (a title block: "UBND XÃ …", the table's title). */
enum { IO_HEADER_ROWS = 20 };
/* Where a cell is, for a message: "dòng 4" (CSV), "C7" (workbook); in a. */
const char *io_sheet_where(const struct io_sheet *s, int row, int col,
			   struct arena *a);
/* A CSV file ("-": standard input): a BOM accepted; separator ',' or ';'
 * detected from the first line; RFC 4180 quotes, newlines inside quotes;
 * encoding "auto" (NULL), "utf-8", "tcvn3", "vni", "viscii", "cp1258"
 * decoded by charset_decode. Refusals (NTM_FAIL/NTM_USAGE) in Vietnamese
 * with the line. */
int io_sheet_read_csv(const char *path, const char *encoding,
		      struct arena *a, struct io_sheet *out,
		      struct ntm_error *e);
/* The worksheets of an .xlsx (only the one named `sheet` when not NULL:
 * an unknown name is refused listing the sheets), read with libzip and
 * expat: shared strings, inline strings, numbers, booleans; empty rows
 * and columns kept as NULL cells so positions are the workbook's; number
 * cells as io_sheet.numeric says; encoding as io_sheet_read. */
int io_sheet_read_xlsx(const char *path, const char *sheet,
		       const char *encoding, struct arena *a,
		       struct io_sheet **out, int *n, struct ntm_error *e);
/* A file as sheets, the reader chosen by its name, else its content: .csv
 * and "-" CSV; .xlsx, .xlsm and any other zip a workbook; anything else
 * (data.txt) CSV. `sheet` given for a CSV file: refused (NTM_USAGE).
 * encoding: as io_sheet_read_csv; for a workbook, of the cells typed with
 * the old TCVN3/VNI fonts (text all in U+0000..U+00FF and Windows-1252's
 * characters): "auto" (NULL) decodes them only when that makes the header
 * row one ntm reads. */
int io_sheet_read(const char *path, const char *sheet, const char *encoding,
		  struct arena *a, struct io_sheet **out, int *n,
		  struct ntm_error *e);
/* A date cell as a person or a workbook wrote it: an Excel serial number
 * (numeric cell; 1900 date system, or 1904 when s->date1904) to ISO;
 * other text is returned as it is for the model's date rules. */
const char *io_sheet_date(const struct io_sheet *s, int row, int col,
			  struct arena *a);


/* ---- spreadsheets in and out (import.c, export.c, columns.c; man 1 ntm,
 *      IMPORT and EXPORT) ---------------------------------------------- */

struct io_import_opts {
	const char *kind;        /* "tasks", …; NULL: told by each header */
	const char *encoding;    /* of CSV files; NULL: auto */
	const char *sheet;       /* of workbooks; NULL: every sheet */
	bool dry_run, force;
};
enum { IO_IMPORT_MAX_ERRORS = 100 };
struct io_import_report {
	struct store_import_result res;  /* counts and changes (store.h) */
	int sheets, rows;
	/* "TỆP:4: …", "TỆP (trang Nhiệm vụ) C7: …": the first
	 * IO_IMPORT_MAX_ERRORS refusals, and how many more there were */
	const char **errors;
	int nerrors, more;
};
/* Reads every file (.csv by its extension, else a workbook; a folder:
 * its .csv files; "-": CSV on standard input), tells each sheet's kind
 * from its header row (o->kind: that kind only), refuses unknown or
 * repeated columns, refuses two rows about one thing that differ (both
 * named) and a code cell a workbook made a number when two codes of the
 * set read as it (17.1, 17.10), and applies all the rows in one action
 * (store_import). Blanks around every cell are dropped. Any refusal: nothing written, NTM_USAGE, every
 * refusal in out->errors. A file that cannot be read: NTM_FAIL (e). */
int io_import(struct store *st, char *const *paths, int npaths,
	      const struct io_import_opts *o, struct arena *a,
	      struct io_import_report *out, struct ntm_error *e);
/* The same for sheets already read (a test, a screen). */
int io_import_sheets(struct store *st, const struct io_sheet *const *sheets,
		     int n, const struct io_import_opts *o, struct arena *a,
		     struct io_import_report *out, struct ntm_error *e);
/* The kind --kind names, as io_import_opts.kind takes it ("tasks" for
 * "nhiệm vụ", "task", "Tasks"), or NULL when none. */
const char *io_import_kind(const char *typed);
/* "xlsx" or "csv" (case ignored). */
bool io_export_format_read(const char *word, bool *csv);
/* Everything the commune holds, in the columns import reads: the plan in
 * use, its targets, every value recorded (not the retracted ones, oldest
 * first), its tasks, every village's checklist. A workbook (csv false)
 * written to path, one sheet per kind; or (csv) one UTF-8 CSV file per
 * kind, with a BOM, in the folder path, which must exist. Atomic files.
 * counts (may be NULL) gets the rows written per kind. */
int io_export(struct store *st, const char *path, bool csv,
	      int counts[STORE_ROW_KINDS], struct ntm_error *e);

/* ---- sync files (syncfile.c, sha256.c) ---- */

struct ntm_sync_header;
struct ntm_sync_record;
/* `<xã>-<replica 8>-<yyyy-mm-dd>.ntmsync`, the commune's name folded to
 * ASCII words joined by '-' ("viet-hung-3fa2c1d0-2026-12-06.ntmsync"). */
char *io_sync_default_name(const char *commune, const char *replica,
			   const char *date);
/* Exports the store's changes (store_sync_export) into path, atomically:
 * header, records, and a last line with the SHA-256 of every byte before
 * it; then records the export (store_sync_exported). out (may be NULL)
 * gets the counts. */
struct io_sync_written {
	long long records, bytes;
	int nranges;
};
int io_sync_export(struct store *st, const struct store_sync_export_opts *o,
		   const char *path, struct io_sync_written *out,
		   struct ntm_error *e);
/* A sync file read whole and checked: the checksum first, then the
 * header and every record's frame. Refused (NTM_FAIL, Vietnamese, naming
 * the file): not a sync file, truncated, checksum mismatch, a newer
 * format. The records point into buf (free with io_sync_free). */
struct io_sync_file {
	struct ntm_sync_header *h;
	struct ntm_sync_record *recs;
	long long n;
	unsigned char *buf;
	size_t len;
	struct arena a;
};
int io_sync_read(const char *path, struct io_sync_file *out,
		 struct ntm_error *e);
/* The same over bytes in memory (a fuzzer, a test); buf is copied. */
int io_sync_parse(const char *name, const unsigned char *buf, size_t len,
		  struct io_sync_file *out, struct ntm_error *e);
void io_sync_free(struct io_sync_file *f);
/* SHA-256 of len bytes into out[32]; and as 64 hex digits + NUL. */
void io_sha256(const void *data, size_t len, unsigned char out[32]);
void io_sha256_hex(const void *data, size_t len, char out[65]);

/* ---- the level above: every commune in one table (reportall.c) ---------- */

/* A UTC ISO time as people read it, in local time: "31/12/2024 10:59"
 * (anything else copied as it is, NULL as ""). */
enum { IO_DMY_HM_LEN = 20 };
void io_local_dmy_hm(const char *utc, char out[IO_DMY_HM_LEN]);
/* Whose communes these are, in buf: "Huyện Văn Lâm" ("Tỉnh Hưng Yên"
 * for a province), the name alone when it says so itself ("Thị xã Mỹ
 * Hào"), "Các xã trong tệp" for a file without a district. Not
 * sanitised. */
const char *io_district_title(const struct store_district *d, char *buf,
			      int size);
/* The communes as CSV (io_csv_field: RFC 4180, CRLF, cells made safe):
 * a header row (unit, plan, year, criteria_met, criteria_total,
 * indicators_met, indicators_total, tasks_done, tasks_total, overdue,
 * villages_met, villages_total, updated_at, updated_by), then a row per
 * commune; times UTC ISO. No commune: the header alone. */
void io_district_csv(FILE *f, const struct store_district *d);
/* bao-cao-ntm-huyen-<tên>-<yyyy-mm-dd>.<ext> (today's date; "cac-xa"
 * for a file without a district); in a. */
const char *io_district_default_name(const struct store_district *d,
				     enum io_report_format f, struct arena *a);
/* Writes the communes' report to path through an io_file: xlsx (sheets
 * "Tổng hợp", "Tiêu chí" — communes × criteria, Đạt/Chưa, a row counting
 * the communes meeting each — and "Nhiệm vụ", per commune and sector),
 * or csv (io_district_csv; "-" or NULL: the standard output). Other
 * formats are refused (NTM_USAGE). */
int io_district_write(const struct store_district *d, enum io_report_format f,
		      const char *path, struct ntm_error *e);

#endif
