/* ntm report: the written report (store_report_doc) in one of its formats
 * (io_report_write), to a file written whole or to the standard output.
 * A report only reads: it works on a read-only file too. */
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "msg.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"

/* --out as given, "-" being the standard output (NULL too). */
static bool
to_file(const struct cli *c)
{
	return c->out && strcmp(c->out, "-") != 0;
}

static bool
is_folder(const char *path)
{
	struct stat sb;
	return path && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* --format, else the extension of --out, else txt; an extension that
 * says another format than --format is refused. */
static int
read_format(struct cli *c, enum io_report_format *f)
{
	enum io_report_format by_ext;
	if (c->out && !*c->out)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_REPORT_EMPTY_OUT);
	bool ext = to_file(c) && !is_folder(c->out) &&
		   io_report_format_of_path(c->out, &by_ext);
	*f = ext ? by_ext : IO_REPORT_TXT;
	if (!c->format_name) {
		/* a.pdf or a name without extension: no guess at the format */
		if (to_file(c) && !ext && !is_folder(c->out))
			return ntm_fail(&c->err, NTM_USAGE, MSG_REPORT_NO_EXT,
					out_arg(c->out));
		return NTM_OK;
	}
	if (!io_report_format_read(c->format_name, f))
		return ntm_fail(&c->err, NTM_USAGE, MSG_REPORT_BAD_FORMAT,
				out_arg(c->format_name));
	if (io_report_binary(*f) && c->out && !to_file(c))
		return ntm_fail(&c->err, NTM_USAGE, MSG_REPORT_BINARY_DASH,
				io_report_format_word(*f));
	if (ext && by_ext != *f)
		return ntm_fail(&c->err, NTM_USAGE, MSG_REPORT_EXT_CLASH,
				out_arg(c->out), io_report_format_word(by_ext),
				io_report_format_word(*f));
	return NTM_OK;
}

int
cli_csv_options(struct cli *c, bool csv, const char *format_word)
{
	static const struct { uint64_t bit; const char *name; } csv_only[] = {
		{OPT_TABLE, "table"}, {OPT_SEP, "sep"}, {OPT_NO_BOM, "no-bom"},
	};
	for (size_t i = 0; !csv && i < 3; i++)
		if (c->seen & csv_only[i].bit)
			return ntm_fail(&c->err, NTM_USAGE, MSG_REPORT_CSV_ONLY,
					csv_only[i].name, out_arg(format_word));
	if (c->sep && (strlen(c->sep) != 1 || !strchr(",;", c->sep[0])))
		return ntm_fail(&c->err, NTM_USAGE, MSG_REPORT_BAD_SEP, out_arg(c->sep));
	return NTM_OK;
}

/* The CSV options (--table, --sep, --no-bom), refused for another format. */
static int
read_csv_options(struct cli *c, struct io_report_opts *o)
{
	int rc = cli_csv_options(c, o->format == IO_REPORT_CSV,
				 io_report_format_word(o->format));
	if (rc != NTM_OK)
		return rc;
	o->table = IO_TABLE_CRITERIA;
	if (c->table && !io_report_table_read(c->table, &o->table))
		return ntm_fail(&c->err, NTM_USAGE, MSG_REPORT_BAD_TABLE,
				out_arg(c->table));
	o->sep = c->sep ? c->sep[0] : ',';
	o->no_bom = c->no_bom;
	return NTM_OK;
}

/* Where the report goes: --out, the default name inside the folder --out
 * names, the default name here for a binary format (xlsx, docx), else
 * "-". */
static const char *
destination(const struct cli *c, const char *default_name, bool binary,
	    struct arena *a)
{
	if (is_folder(c->out)) {
		size_t len = strlen(c->out) + strlen(default_name) + 2;
		char *path = arena_alloc(a, len);
		bool slash = c->out[strlen(c->out) - 1] == '/';
		snprintf(path, len, "%s%s%s", c->out, slash ? "" : "/",
			 default_name);
		return path;
	}
	if (to_file(c))
		return c->out;
	return binary ? default_name : "-";
}

/* A file the report replaces under a name ntm chose (the default name,
 * here or in the folder --out names): the printed line says so. */
static bool
replaces_unnamed(const struct cli *c, const char *path)
{
	struct stat sb;
	return strcmp(path, "-") != 0 && (!to_file(c) || is_folder(c->out)) &&
	       lstat(path, &sb) == 0;
}

/* The line saying where a report written to a file went. */
static void
said_written(int rc, const char *path, bool replaced)
{
	if (rc == NTM_OK && strcmp(path, "-") != 0)
		printf(replaced ? MSG_REPORT_REPLACED : MSG_REPORT_WRITTEN,
		       out_safe(path));
}

/* ---- every commune of the file (--all) ------------------------------------ */

/* --all takes --format (xlsx, the default, or csv) and --out only. */
static int
all_options(struct cli *c, enum io_report_format *f)
{
	static const struct { uint64_t bit; const char *name; } not_all[] = {
		{OPT_AS_OF, "as-of"}, {OPT_SINCE, "since"}, {OPT_TABLE, "table"},
		{OPT_SEP, "sep"}, {OPT_NO_BOM, "no-bom"},
	};
	for (size_t i = 0; i < sizeof not_all / sizeof *not_all; i++)
		if (c->seen & not_all[i].bit)
			return ntm_fail(&c->err, NTM_USAGE, MSG_ALL_REPORT_OPT,
					not_all[i].name);
	int rc = read_format(c, f);
	if (rc == NTM_OK && !c->format_name && (!to_file(c) || is_folder(c->out)))
		*f = IO_REPORT_XLSX;   /* no --out, no --format: the workbook */
	return rc;
}

static int
report_all(struct cli *c)
{
	enum io_report_format f;
	struct store *st = NULL;
	int rc = all_options(c, &f);
	if (rc == NTM_OK && f != IO_REPORT_XLSX && f != IO_REPORT_CSV)
		rc = ntm_fail(&c->err, NTM_USAGE, MSG_ALL_REPORT_FORMAT,
			      io_report_format_word(f));
	if (rc == NTM_OK)
		rc = cli_open_district(c, &st);
	if (rc != NTM_OK)
		return rc;
	struct arena a = {0};
	struct store_district d;
	rc = store_district_load(st, &a, &d, &c->err);
	store_close(st);
	const char *path = rc == NTM_OK ? destination(c,
		io_district_default_name(&d, f, &a), f == IO_REPORT_XLSX, &a)
		: NULL;
	bool replaced = rc == NTM_OK && replaces_unnamed(c, path);
	if (rc == NTM_OK)
		rc = io_district_write(&d, f, path, &c->err);
	said_written(rc, path, replaced);
	arena_free(&a);
	return rc;
}

int
cmd_report(struct cli *c)
{
	if (c->all)
		return report_all(c);
	struct io_report_opts o = {0};
	int rc = read_format(c, &o.format);
	if (rc == NTM_OK)
		rc = read_csv_options(c, &o);
	struct store *st = NULL;
	if (rc == NTM_OK)
		rc = cli_open(c, &st);
	if (rc != NTM_OK)
		return rc;
	struct arena a = {0};
	struct ntm_report_doc d;
	rc = store_report_doc(st, c->as_of, c->since, &a, &d, &c->err);
	store_close(st);
	const char *path = rc == NTM_OK ? destination(c,
		io_report_default_name(&d, o.format, &a),
		io_report_binary(o.format), &a) : NULL;
	bool replaced = rc == NTM_OK && replaces_unnamed(c, path);
	if (rc == NTM_OK)
		rc = io_report_write(&d, &o, path, &c->err);
	said_written(rc, path, replaced);
	arena_free(&a);
	return rc;
}
