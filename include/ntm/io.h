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
 * writable. */
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

#endif
