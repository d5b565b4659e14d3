/* Shared by the files of src/cli only. */
#ifndef NTM_CLI_INTERNAL_H
#define NTM_CLI_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ntm/error.h"
#include "ntm/store.h"

enum cli_format { FMT_TEXT, FMT_JSON, FMT_CSV };

/* One bit per option (opt_bit), so a command says which it takes. */
#define OPT(n) (UINT64_C(1) << (n))
#define OPT_DB OPT(0)
#define OPT_UNIT OPT(1)
#define OPT_RO OPT(2)
#define OPT_UTF8 OPT(3)
#define OPT_FORMAT OPT(4)
#define OPT_DATE OPT(5)
#define OPT_NOTE OPT(6)
#define OPT_RETRACT OPT(7)
#define OPT_CLEAR OPT(8)
#define OPT_EMPTY OPT(9)
#define OPT_FORCE OPT(10)
#define OPT_CHANGE OPT(11)
#define OPT_LIMIT OPT(12)
#define OPT_COMMUNE OPT(13)
#define OPT_VNI OPT(14)
#define OPT_STYLE OPT(15)
#define OPT_FROM OPT(16)
#define OPT_TO OPT(17)
#define OPT_VERBOSE OPT(18)
#define OPT_SORT OPT(19)
#define OPT_MATRIX OPT(20)
#define OPT_TEXT OPT(21)
#define OPT_AFTER OPT(22)
#define OPT_PLAN OPT(23)
#define OPT_YEAR OPT(24)
#define OPT_NUMBER OPT(25)
#define OPT_TITLE OPT(26)
#define OPT_SIGNER OPT(27)
#define OPT_NO_DATE OPT(28)
#define OPT_SECTOR OPT(29)
#define OPT_STATUS OPT(30)
#define OPT_OVERDUE OPT(31)
#define OPT_RESPONSIBLE OPT(32)
#define OPT_DUE OPT(33)
#define OPT_NO_DUE OPT(34)
#define OPT_DETAIL OPT(35)
#define OPT_PROGRESS OPT(36)
#define OPT_OUT OPT(37)
#define OPT_DRY_RUN OPT(38)
#define OPT_SOURCE OPT(39)
#define OPT_ISSUE OPT(40)
#define OPT_PROPOSAL OPT(41)
#define OPT_AS_OF OPT(42)
#define OPT_SINCE OPT(43)
#define OPT_TABLE OPT(44)
#define OPT_NO_BOM OPT(45)
#define OPT_SEP OPT(46)
#define OPT_KIND OPT(47)
#define OPT_ENCODING OPT(48)
#define OPT_SHEET OPT(49)
#define OPT_ALL OPT(50)
#define OPT_TAKE OPT(51)
#define OPT_DISTRICT OPT(52)
#define OPT_PROVINCE OPT(53)
#define OPT_INTO OPT(54)
#define OPT_DOC OPT(55)
#define OPT_REASON OPT(56)
#define OPT_BY OPT(57)
#define OPT_COMMON (OPT_DB | OPT_UNIT | OPT_RO | OPT_UTF8)
/* ntm plan's own options (list, new, copy, use, edit, remove, export,
 * import: plan.c says which subcommand takes which) and ntm task's. */
#define OPT_PLAN_CMD (OPT_PLAN | OPT_FORMAT | OPT_YEAR | OPT_NUMBER | \
	OPT_DATE | OPT_NO_DATE | OPT_TITLE | OPT_SIGNER | OPT_CLEAR | \
	OPT_FORCE | OPT_OUT | OPT_DRY_RUN)
#define OPT_TASK_CMD (OPT_PLAN | OPT_FORMAT | OPT_SECTOR | OPT_STATUS | \
	OPT_OVERDUE | OPT_TITLE | OPT_RESPONSIBLE | OPT_DUE | OPT_NO_DUE | \
	OPT_DETAIL | OPT_NOTE | OPT_PROGRESS | OPT_ISSUE | OPT_PROPOSAL | \
	OPT_FORCE)
/* ntm fund's (fund.c says which subcommand takes which). */
#define OPT_FUND_CMD (OPT_PLAN | OPT_FORMAT | OPT_SOURCE | OPT_CLEAR | \
	OPT_KIND | OPT_DATE | OPT_DOC | OPT_NOTE | OPT_FORCE | OPT_REASON | \
	OPT_BY | OPT_AS_OF | OPT_SEP | OPT_NO_BOM)

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
	/* ntm plan and ntm task; plan is the global --plan */
	const char *plan, *year, *number, *title, *signer, *sector, *status;
	const char *responsible, *due, *detail, *progress, *out;
	bool no_date, overdue, no_due, dry_run;
	bool vni, verbose;
	enum cli_format format;
	bool read_only, utf8, retract, clear, empty, force;
	bool pick_commune;       /* open_ui: several communes, none named, is no error */
	bool commune_unpicked;   /* cli_open left the commune to the program */
	const char *source;      /* ntm criteria target --source */
	/* ntm task's --issue/--proposal; ntm report, import and export */
	const char *issue, *proposal, *as_of, *since, *table, *sep, *kind;
	const char *encoding, *sheet;
	bool no_bom;
	/* ntm sync: export --all, resolve --take */
	bool all;
	const char *take;
	/* ntm init --district/--province; ntm unit merge --into */
	const char *district, *province, *into;
	/* ntm fund: add --doc, reverse --reason, summary --by */
	const char *doc, *reason, *by;
	int limit;
	bool limit_given;
	struct cli_change changes[32];
	int nchanges;
	uint64_t seen;           /* options given, as OPT_* bits */
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
 * the commune, then the plan --plan names (store_plan_select). */
int cli_open(struct cli *c, struct store **st);

/* Opens the store for every commune of the file (--all: status.c), no
 * commune picked; --unit and --plan are refused (NTM_USAGE). */
int cli_open_district(struct cli *c, struct store **st);

/* Checks --date by the model's rules for a measurement (a real date, not
 * in the future; 2024-06-30 or 30/6/2024), before the file is opened (the
 * store checks again); buf gets YYYY-MM-DD (indicator.c). */
int cli_read_date(struct cli *c, char buf[11]);

/* Refuses (NTM_USAGE, in c->err) the first option given that `allowed`
 * (besides OPT_COMMON) lacks, naming `what` ("plan new"). */
int cli_only_options(struct cli *c, const char *what, uint64_t allowed);

/* A subcommand of ntm plan or ntm task. */
struct cli_sub {
	const char *name;
	int min_args, max_args;   /* after the subcommand's name */
	const char *args_text;    /* what they are, for the refusal */
	uint64_t opts;            /* besides OPT_COMMON */
	int (*check)(struct cli *);   /* before opening; NULL: none */
	int (*run)(struct cli *, struct store *);
};

/* Runs the subcommand c->args[0] names among subs[0..n) (none: the
 * first): checks its arguments and options, runs check, opens the store,
 * runs it with c->args past the subcommand's name, closes the store. An
 * unknown one is refused naming the nearest one and every one. */
int cli_run_sub(struct cli *c, const struct cli_sub *subs, int n);

/* The subcommand tables, each in its command's file: cli_run_sub checks
 * a command line against them and completion offers from them (through
 * the command table, cli_command_info). */
#define CLI_COUNT(a) ((int)(sizeof (a) / sizeof *(a)))
extern const struct cli_sub cli_criteria_subs[], cli_fund_subs[],
	cli_plan_subs[], cli_sync_subs[], cli_task_subs[], cli_unit_subs[];
extern const int cli_criteria_nsubs, cli_fund_nsubs, cli_plan_nsubs,
	cli_sync_nsubs, cli_task_nsubs, cli_unit_nsubs;

/* The plan in use, refused (NTM_FAIL) saying how to make one when the
 * commune has none. */
int cli_need_plan(struct cli *c, struct store *st, struct arena *a,
		  struct store_plan *out);

/* Output helpers (out.c). out_utf8: --utf8 was given. */
extern bool out_utf8;
void out_pad(FILE *f, const char *s, int width);      /* s, then spaces */
void out_json_string(FILE *f, const char *s);         /* "…" or null */
/* ,"key":"…" (or null): a field after an object's first. */
void out_json_field(FILE *f, const char *key, const char *s);
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
int cmd_plan(struct cli *c);
int cmd_task(struct cli *c);
int cmd_log(struct cli *c);
int cmd_backup(struct cli *c);
int cmd_check(struct cli *c);
int cmd_search(struct cli *c);
int cmd_ui(struct cli *c);
int cmd_telex(struct cli *c);
int cmd_convert(struct cli *c);
int cmd_criteria(struct cli *c);
int cmd_report(struct cli *c);
int cmd_import(struct cli *c);
int cmd_export(struct cli *c);
int cmd_undo(struct cli *c);
int cmd_sync(struct cli *c);
int cmd_unit(struct cli *c);
int cmd_fund(struct cli *c);

/* ntm fund's readings (fundout.c), run by cmd_fund (fund.c); the
 * checks read TASK, --by, --as-of, --sep and --no-bom before the file is
 * opened. */
int fund_check_list(struct cli *c);
int fund_check_summary(struct cli *c);
int fund_list(struct cli *c, struct store *st);
int fund_summary(struct cli *c, struct store *st);
int fund_sources(struct cli *c, struct store *st);
/* --sep (',' or ';') and --no-bom, refused (NTM_USAGE) unless csv, the
 * format being format_word (report.c). */
int cli_csv_options(struct cli *c, bool csv, const char *format_word);
/* An amount of n words as typed (the shell split "250 triệu"), read by
 * model_money_parse; NTM_USAGE in e saying why it is refused (fund.c). */
int fund_read_words(struct ntm_error *e, char **words, int n, long long *out);
/* A task's number as typed, "12" or "#12" (task.c); NTM_USAGE naming
 * it otherwise. */
int cli_task_number(struct cli *c, const char *s, int *out);
/* The task c->args[0] names (12 or #12) in the plan in use; *t is
 * zeroed on a refusal (task.c). */
int cli_find_task(struct cli *c, struct store *st, struct arena *a,
		  struct store_task *t);

/* A sanitised copy of text from the database or a file, safe to print
 * (valid for the next few calls: a small ring of buffers). */
const char *out_safe(const char *s);
/* A user's argument for a message: out_safe, then cut to 80 columns with
 * an ellipsis (a small ring of buffers too). */
const char *out_arg(const char *s);
/* An OS error (errno) in Vietnamese (ntm_os_reason); the C library's
 * English only in parentheses for an uncommon one. */
const char *out_os_reason(int err);

/* The command table (commands.c), read by the parser (main.c), ntm --help
 * and completion (complete.c). */
struct cli_command {
	const char *name;
	int (*run)(struct cli *);
	uint64_t opts;           /* besides OPT_COMMON */
	int min_args, max_args;
	const char *args_text;   /* for the arg-count message */
	const char *usage;
	const char *formats;     /* NULL: --format not taken */
	/* for completion: the subcommands (the table its cmd_* gives
	 * cli_run_sub), those of OPT_COMMON its code refuses in every case
	 * (init, undo: --read-only), not listed by ntm --help (ui) */
	const struct cli_sub *subs;
	const int *nsubs;
	uint64_t refused;
	bool hidden;
};
struct option;
const struct cli_command *cli_find_command(const char *name);
/* The command nearest to a mistyped one ("stauts" → status), or NULL. */
const char *cli_nearest_command(const char *name);
/* Keeps cand as *best when it is nearer to name than any before it. */
void cli_nearer(const char *name, const char *cand, const char **best,
		int *best_d);
int cli_ncommands(void);
/* Command i of the table, as completion reads it. */
struct cli_command_info {
	const char *name;
	/* every option it may take: its own and those of OPT_COMMON it
	 * does not refuse in every case (init, undo: --read-only) */
	uint64_t opts;
	const char *formats;          /* NULL: --format not taken (or its own) */
	const char *args_text;        /* its words, as its refusal names them */
	const struct cli_sub *subs;   /* NULL: no table of subcommands */
	int nsubs;
	bool hidden;                  /* not listed by ntm --help (ui) */
};
void cli_command_info(int i, struct cli_command_info *out);
const struct option *cli_long_options(void);
uint64_t cli_opt_bit(int val);
int cli_complete(int n, char **words);

#endif
