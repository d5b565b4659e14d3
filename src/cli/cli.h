/* Shared by the files of src/cli only. */
#ifndef NTM_CLI_INTERNAL_H
#define NTM_CLI_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>

#include "ntm/error.h"
#include "ntm/store.h"

enum cli_format { FMT_TEXT, FMT_JSON, FMT_CSV };

/* One change asked of `ntm checklist`, in command-line order. */
struct cli_change {
	char opt;        /* 'a' add, 'd' done, 'u' undone, 'r' remove */
	const char *arg;
};

struct cli {
	const char *cmd;
	char **args;             /* positional arguments after the command */
	int nargs;
	const char *db, *unit, *date, *note, *commune, *format_name;
	const char *style, *from, *to;
	bool vni, verbose;
	enum cli_format format;
	bool read_only, utf8, retract, clear, empty, force;
	bool dry_run;            /* ntm criteria import --dry-run */
	const char *source;      /* ntm criteria target --source */
	int limit;
	bool limit_given;
	struct cli_change changes[32];
	int nchanges;
	unsigned seen;           /* options given, as OPT_* bits */
	char *db_path;           /* resolved */
	char *person;            /* NTM_USER or the config's name */
	char *input;             /* the config's `input =`, as written */
	struct ntm_error err;
};

/* Resolves the database path and the person's name (config.c). When the
 * path is the default one and does not exist, *is_default is set. */
int cli_resolve(struct cli *c, bool *is_default);

/* Creates the folders above file, as mkdir -p would. */
int cli_mkdir_parent(struct cli *c, const char *file);
/* store_create with the built-in plan (io_plan_builtin) unless empty;
 * failures in c->err. */
int cli_create_db(struct cli *c, const char *path, bool empty,
		  const char *commune);

/* Opens the store (creating the default database on first use) and picks
 * the commune. */
int cli_open(struct cli *c, struct store **st);

/* Checks --date by the model's rules for a measurement (a real date, not
 * in the future; 2024-06-30 or 30/6/2024), before the file is opened (the
 * store checks again); buf gets YYYY-MM-DD (indicator.c). */
int cli_read_date(struct cli *c, char buf[11]);

/* Output helpers (out.c). out_utf8: --utf8 was given. */
extern bool out_utf8;
void out_pad(FILE *f, const char *s, int width);      /* s, then spaces */
void out_json_string(FILE *f, const char *s);         /* "…" or null */
void out_json_number(FILE *f, bool set, double v);
void out_gauge(FILE *f, struct ntm_gauge g, int width);
void out_target(char *buf, int size, enum ntm_kind k, const struct ntm_target *t);
/* The indicator's latest value with its unit ("86,5%"), or "—". */
void out_value(char *buf, int size, const struct store_indicator *x);
void out_local_time(const char *utc, char out[20]);

int cmd_init(struct cli *c);
int cmd_status(struct cli *c);
int cmd_set(struct cli *c);
int cmd_target(struct cli *c);
int cmd_checklist(struct cli *c);
int cmd_village(struct cli *c);
int cmd_log(struct cli *c);
int cmd_backup(struct cli *c);
int cmd_check(struct cli *c);
int cmd_search(struct cli *c);
int cmd_ui(struct cli *c);
int cmd_telex(struct cli *c);
int cmd_convert(struct cli *c);
int cmd_criteria(struct cli *c);

/* A sanitised copy of text from the database or a file, safe to print
 * (valid for the next few calls: a small ring of buffers). */
const char *out_safe(const char *s);
/* A user's argument for a message: out_safe, then cut to 80 columns with
 * an ellipsis (a small ring of buffers too). */
const char *out_arg(const char *s);
/* An OS error (errno) in Vietnamese (ntm_os_reason); the C library's
 * English only in parentheses for an uncommon one. */
const char *out_os_reason(int err);

#endif
