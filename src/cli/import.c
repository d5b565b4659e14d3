/* ntm import (spreadsheets in: every error listed with its line or cell,
 * nothing written on any) and ntm export (everything out in the same
 * columns). The work is io's (import.c, export.c); this says it. */
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "msg.h"
#include "ntm/charset.h"
#include "ntm/io.h"

/* --kind and --encoding, checked before the file is opened. */
static int
check_import(struct cli *c, struct io_import_opts *o)
{
	enum charset cs;
	*o = (struct io_import_opts){.encoding = c->encoding, .sheet = c->sheet,
				     .dry_run = c->dry_run, .force = c->force};
	if (c->kind && !(o->kind = io_import_kind(c->kind)))
		return ntm_fail(&c->err, NTM_USAGE, MSG_SHEETS_KIND, out_arg(c->kind));
	if (c->encoding && !charset_parse(c->encoding, &cs))
		return ntm_fail(&c->err, NTM_USAGE, MSG_SHEETS_ENCODING,
				out_arg(c->encoding));
	if (c->encoding && strcasecmp(c->encoding, "auto") == 0)
		o->encoding = NULL;
	return NTM_OK;
}

static void
say_result(const struct cli *c, const struct io_import_report *r)
{
	const struct store_import_result *x = &r->res;
	if (c->dry_run) {
		fputs(x->nchanges ? MSG_SHEETS_DRY_HEAD : MSG_SHEETS_DRY_NONE, stdout);
		for (int i = 0; i < x->nchanges; i++)
			printf("  %s\n", out_safe(x->changes[i]));
		return;
	}
	int changed = x->plans + x->targets + x->values + x->tasks_added +
		      x->tasks_updated + x->villages + x->items_added +
		      x->items_changed + x->fund_costs + x->fund_plans +
		      x->fund_entries;
	if (changed == 0)
		printf(MSG_SHEETS_NOTHING_NEW, r->rows);
	else
		printf(MSG_SHEETS_DONE, r->rows, r->sheets, x->plans, x->targets,
		       x->values, x->tasks_added, x->tasks_updated, x->villages,
		       x->items_added, x->items_changed,
		       x->fund_costs + x->fund_plans + x->fund_entries, x->same);
	if (x->new_default)
		printf(MSG_SHEETS_NEW_DEFAULT, out_safe(x->new_default));
}

int
cmd_import(struct cli *c)
{
	struct io_import_opts o;
	struct io_import_report r;
	struct arena a = {0};
	struct store *st;
	int rc = check_import(c, &o);
	if (rc == NTM_OK)
		rc = cli_open(c, &st);
	if (rc != NTM_OK)
		return rc;
	rc = io_import(st, c->args, c->nargs, &o, &a, &r, &c->err);
	for (int i = 0; i < r.nerrors; i++)
		fprintf(stderr, "%s\n", out_safe(r.errors[i]));
	if (r.more)
		fprintf(stderr, MSG_SHEETS_MORE, r.more);
	if (rc == NTM_OK)
		say_result(c, &r);
	store_close(st);
	arena_free(&a);
	return rc;
}

int
cmd_export(struct cli *c)
{
	bool csv = false;
	const char *ext = c->out ? strrchr(c->out, '.') : NULL;
	if (!c->out)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_EXPORT_NEED_OUT);
	if (c->format_name && !io_export_format_read(c->format_name, &csv))
		return ntm_fail(&c->err, NTM_USAGE, MSG_EXPORT_FORMAT,
				out_arg(c->format_name));
	struct stat sb;
	bool dir = stat(c->out, &sb) == 0 && S_ISDIR(sb.st_mode), by_ext = false;
	/* without --format, a file is .xlsx (or .csv, refused below as no
	 * folder): an A.docx would be a workbook under a name that lies */
	if (!c->format_name && !dir && ext && !strchr(ext, '/') &&
	    !io_export_format_read(ext + 1, &by_ext))
		return ntm_fail(&c->err, NTM_USAGE, MSG_EXPORT_EXT, out_arg(c->out),
				out_arg(ext + 1));
	if (!c->format_name)
		csv = dir || by_ext;  /* a folder: a CSV file per kind */
	struct store *st;
	int counts[STORE_ROW_KINDS] = {0};
	int rc = cli_open(c, &st);
	if (rc != NTM_OK)
		return rc;
	rc = io_export(st, c->out, csv, counts, &c->err);
	if (rc == NTM_OK)
		printf(MSG_EXPORT_DONE, out_safe(c->out), counts[STORE_ROW_PLAN],
		       counts[STORE_ROW_TARGET], counts[STORE_ROW_VALUE],
		       counts[STORE_ROW_TASK], counts[STORE_ROW_ITEM],
		       counts[STORE_ROW_FUND]);
	store_close(st);
	return rc;
}
