/* Command-line parsing and dispatch. */
#include "ntm/cli.h"

#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "msg.h"
#include "ntm/text.h"

#define SUBS(name) .subs = cli_##name##_subs, .nsubs = &cli_##name##_nsubs

static const struct command {
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
} COMMANDS[] = {
	{"init", cmd_init, OPT_EMPTY | OPT_FORCE | OPT_COMMUNE | OPT_DISTRICT |
	 OPT_PROVINCE, 0, 0, "không tham số", USAGE_INIT, .formats = NULL,
	 .refused = OPT_RO},
	{"status", cmd_status, OPT_FORMAT | OPT_PLAN | OPT_ALL, 0, 0,
	 "không tham số", USAGE_STATUS, .formats = "text, json, csv"},
	{"set", cmd_set, OPT_DATE | OPT_NOTE | OPT_RETRACT | OPT_FORCE |
	 OPT_PLAN, 1, 2, "MÃ và GIÁ_TRỊ", USAGE_SET, .formats = NULL},
	{"target", cmd_target, OPT_CLEAR | OPT_PLAN, 1, 2, "MÃ và GIÁ_TRỊ",
	 USAGE_TARGET, .formats = NULL},
	{"checklist", cmd_checklist, OPT_FORMAT | OPT_CHANGE | OPT_NOTE | OPT_TO |
	 OPT_SORT | OPT_MATRIX | OPT_TEXT | OPT_AFTER | OPT_DATE, 0, 1,
	 "tên THÔN (hoặc --matrix)", USAGE_CHECKLIST,
	 .formats = "text, json, csv"},
	{"village", cmd_village, OPT_FORCE, 0, 3,
	 "list, add, rename, alias, remove hoặc template", USAGE_VILLAGE,
	 .formats = NULL},
	{"plan", cmd_plan, OPT_PLAN_CMD, 0, 64, "list, new, copy, use, edit, "
	 "remove, export hoặc import", USAGE_PLAN, .formats = "text, json",
	 SUBS(plan)},
	{"task", cmd_task, OPT_TASK_CMD, 0, 64, "list, add, edit, done hoặc "
	 "remove", USAGE_TASK, .formats = "text, json, csv", SUBS(task)},
	{"log", cmd_log, OPT_LIMIT, 0, 0, "không tham số", USAGE_LOG,
	 .formats = NULL},
	{"backup", cmd_backup, 0, 1, 1, "TỆP đích", USAGE_BACKUP, .formats = NULL},
	{"check", cmd_check, 0, 0, 0, "không tham số", USAGE_CHECK,
	 .formats = NULL},
	{"ui", cmd_ui, OPT_PLAN, 0, 0, "không tham số", USAGE_MAIN,
	 .formats = NULL, .hidden = true},
	{"search", cmd_search, OPT_FORMAT | OPT_LIMIT | OPT_PLAN, 1, 64,
	 "TỪ cần tìm", USAGE_SEARCH, .formats = "text, json"},
	{"telex", cmd_telex, OPT_VNI | OPT_STYLE, 0, 1024, "", USAGE_TELEX,
	 .formats = NULL},
	{"convert", cmd_convert, OPT_FROM | OPT_TO | OPT_VERBOSE, 0, 1,
	 "nhiều nhất một TỆP", USAGE_CONVERT, .formats = NULL},
	{"criteria", cmd_criteria, OPT_FORMAT | OPT_DRY_RUN | OPT_SOURCE |
	 OPT_CLEAR | OPT_PLAN, 1, 3, "list, import TỆP hoặc target MÃ GIÁ_TRỊ",
	 USAGE_CRITERIA, .formats = "text, json", SUBS(criteria)},
	/* formats NULL: report reads its own (xlsx, docx, csv, md, txt) */
	{"report", cmd_report, OPT_FORMAT | OPT_OUT | OPT_PLAN | OPT_AS_OF |
	 OPT_ALL | OPT_SINCE | OPT_TABLE | OPT_NO_BOM | OPT_SEP, 0, 0,
	 "không tham số", USAGE_REPORT, .formats = NULL},
	{"import", cmd_import, OPT_KIND | OPT_ENCODING | OPT_SHEET | OPT_DRY_RUN |
	 OPT_FORCE | OPT_PLAN, 1, 256, "TỆP (một hoặc nhiều)", USAGE_IMPORT,
	 .formats = NULL},
	{"export", cmd_export, OPT_FORMAT | OPT_OUT | OPT_PLAN, 0, 0,
	 "không tham số (--out TỆP)", USAGE_EXPORT, .formats = NULL},
	{"undo", cmd_undo, 0, 0, 0, "không tham số", USAGE_UNDO, .formats = NULL,
	 .refused = OPT_RO},
	{"sync", cmd_sync, OPT_OUT | OPT_ALL | OPT_DRY_RUN | OPT_FORMAT |
	 OPT_TAKE, 0, 257, "export, apply, conflicts, resolve hoặc status",
	 USAGE_SYNC, .formats = "text, json", SUBS(sync)},
	{"unit", cmd_unit, OPT_INTO | OPT_DRY_RUN, 1, 64, "merge XÃ… --into XÃ",
	 USAGE_UNIT, .formats = NULL, SUBS(unit)},
	{"fund", cmd_fund, OPT_FUND_CMD, 0, 64, "plan, cost, add, reverse, list, "
	 "summary, sources hoặc source add", USAGE_FUND,
	 .formats = "text, json, csv", SUBS(fund)},
};

static const struct option LONG_OPTS[] = {
	{"db", required_argument, NULL, 'D'},
	{"unit", required_argument, NULL, 'U'},
	{"read-only", no_argument, NULL, 'R'},
	{"utf8", no_argument, NULL, '8'},
	{"format", required_argument, NULL, 'f'},
	{"date", required_argument, NULL, 't'},
	{"note", required_argument, NULL, 'n'},
	{"retract", no_argument, NULL, 'x'},
	{"clear", no_argument, NULL, 'c'},
	{"empty", no_argument, NULL, 'e'},
	{"force", no_argument, NULL, 'F'},
	{"commune", required_argument, NULL, 'C'},
	{"add", required_argument, NULL, 'a'},
	{"done", required_argument, NULL, 'd'},
	{"undone", required_argument, NULL, 'u'},
	{"remove", required_argument, NULL, 'r'},
	{"move", required_argument, NULL, 'm'},
	{"after", required_argument, NULL, 'A'},
	{"text", required_argument, NULL, 'T'},
	{"sort", required_argument, NULL, 'S'},
	{"matrix", no_argument, NULL, 'M'},
	{"limit", required_argument, NULL, 'l'},
	{"vni", no_argument, NULL, 'v'},
	{"style", required_argument, NULL, 's'},
	{"from", required_argument, NULL, '1'},
	{"to", required_argument, NULL, '2'},
	{"verbose", no_argument, NULL, 'b'},
	{"plan", required_argument, NULL, 'P'},
	{"year", required_argument, NULL, 'y'},
	{"number", required_argument, NULL, 'N'},
	{"title", required_argument, NULL, 'i'},
	{"signer", required_argument, NULL, 'g'},
	{"no-date", no_argument, NULL, 'z'},
	{"sector", required_argument, NULL, 'k'},
	{"status", required_argument, NULL, 'q'},
	{"overdue", no_argument, NULL, 'o'},
	{"responsible", required_argument, NULL, 'p'},
	{"due", required_argument, NULL, 'w'},
	{"no-due", no_argument, NULL, 'Z'},
	{"detail", required_argument, NULL, 'L'},
	{"progress", required_argument, NULL, 'G'},
	{"out", required_argument, NULL, 'O'},
	{"dry-run", no_argument, NULL, 'Y'},
	{"source", required_argument, NULL, 'J'},
	{"issue", required_argument, NULL, 'I'},
	{"proposal", required_argument, NULL, 'Q'},
	{"as-of", required_argument, NULL, 'H'},
	{"since", required_argument, NULL, 'E'},
	{"table", required_argument, NULL, 'B'},
	{"no-bom", no_argument, NULL, 'K'},
	{"sep", required_argument, NULL, 'W'},
	{"kind", required_argument, NULL, 'X'},
	{"encoding", required_argument, NULL, 'j'},
	{"sheet", required_argument, NULL, '3'},
	{"all", no_argument, NULL, '4'},
	{"take", required_argument, NULL, '5'},
	{"district", required_argument, NULL, '6'},
	{"province", required_argument, NULL, '7'},
	{"into", required_argument, NULL, '9'},
	/* ntm fund: every letter and digit is taken */
	{"doc", required_argument, NULL, '0'},
	{"reason", required_argument, NULL, '!'},
	{"by", required_argument, NULL, '/'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{0, 0, 0, 0},
};

/* ---- the tables, for shell completion (complete.c) ---- */

int
cli_ncommands(void)
{
	return (int)(sizeof COMMANDS / sizeof *COMMANDS);
}

void
cli_command_info(int i, struct cli_command_info *out)
{
	const struct command *c = &COMMANDS[i];
	*out = (struct cli_command_info){
		.name = c->name, .formats = c->formats, .args_text = c->args_text,
		.opts = c->opts | (OPT_COMMON & ~c->refused), .subs = c->subs,
		.nsubs = c->nsubs ? *c->nsubs : 0, .hidden = c->hidden,
	};
}

const struct option *
cli_long_options(void)
{
	return LONG_OPTS;
}

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
		if (strcmp(COMMANDS[i].name, name) == 0)
			return &COMMANDS[i];
	return NULL;
}

/* Keeps cand as *best when it is nearer to name than any before it: at
 * most two letters wrong, and not every letter. */
static void
nearer(const char *name, const char *cand, const char **best, int *best_d)
{
	int d = text_distance(name, cand);
	if (d >= 0 && d < *best_d && d < (int)strlen(cand)) {
		*best = cand;
		*best_d = d;
	}
}

/* The command nearest to a mistyped one ("stauts" → status), or NULL. */
static const char *
nearest_command(const char *name)
{
	const char *best = NULL;
	int best_d = 3;
	for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
		nearer(name, COMMANDS[i].name, &best, &best_d);
	nearer(name, "help", &best, &best_d);
	return best;
}

/* The subcommand c->args[0] names (NULL: the first, the listing), or
 * NULL after a refusal naming the nearest one and every one. */
static const struct cli_sub *
find_sub(struct cli *c, const struct cli_sub *subs, int n)
{
	const char *sub = c->nargs ? c->args[0] : subs[0].name;
	const char *best = NULL;
	int best_d = 3;
	char all[256] = "";
	size_t len = 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(sub, subs[i].name) == 0)
			return &subs[i];
		nearer(sub, subs[i].name, &best, &best_d);
		len += (size_t)snprintf(all + len, sizeof all - len, "%s%s",
					i ? ", " : "", subs[i].name);
	}
	if (best)
		ntm_fail(&c->err, NTM_USAGE, MSG_UNKNOWN_SUB_NEAR, c->cmd,
			 out_arg(sub), best, all, c->cmd);
	else
		ntm_fail(&c->err, NTM_USAGE, MSG_UNKNOWN_SUB, c->cmd, out_arg(sub),
			 all, c->cmd);
	return NULL;
}

int
cli_run_sub(struct cli *c, const struct cli_sub *subs, int n)
{
	const struct cli_sub *sub = find_sub(c, subs, n);
	if (!sub)
		return NTM_USAGE;
	if (c->nargs) {
		c->args++;
		c->nargs--;
	}
	char what[64];
	snprintf(what, sizeof what, "%s %s", c->cmd, sub->name);
	if (c->nargs < sub->min_args || c->nargs > sub->max_args)
		return ntm_fail(&c->err, NTM_USAGE, MSG_SUB_ARGS, c->cmd, sub->name,
				sub->args_text, c->cmd);
	int rc = cli_only_options(c, what, sub->opts);
	if (rc == NTM_OK && sub->check)
		rc = sub->check(c);
	struct store *st;
	if (rc == NTM_OK)
		rc = cli_open(c, &st);
	if (rc != NTM_OK)
		return rc;
	rc = sub->run(c, st);
	store_close(st);
	return rc;
}

/* An unknown command, with the nearest one when there is one. */
static int
unknown_command(struct cli *c, const char *name)
{
	const char *near = nearest_command(name);
	if (near)
		return ntm_fail(&c->err, NTM_USAGE, MSG_UNKNOWN_CMD_NEAR,
				out_arg(name), near);
	return ntm_fail(&c->err, NTM_USAGE, MSG_UNKNOWN_CMD, out_arg(name));
}

/* Every message leaves through the sanitiser: it may quote a path or an
 * argument holding anything. */
enum { MAX_MESSAGE_COLS = 480 };

/* An error as people read it: sanitised (it may quote a path or an
 * argument holding anything) and cut with … when an argument made it
 * very long (a message never needs more than a few lines). */
static const char *
said(const char *msg)
{
	static char *cut;
	free(cut);
	cut = text_fit(out_safe(msg), MAX_MESSAGE_COLS, false, false);
	return cut ? cut : "";
}

static int
fail(struct cli *c, enum ntm_exit code)
{
	fprintf(stderr, "ntm: %s\n", said(c->err.msg));
	return code;
}

/* "-5", "-0,3", "-inf", "-nan": a value the person meant, never an
 * option (no ntm value may be negative, and these are no numbers). */
static bool
negative_value(const char *s)
{
	if (s[0] != '-' || s[1] == '-')
		return false;
	if ((s[1] >= '0' && s[1] <= '9') || s[1] == '.' || s[1] == ',')
		return true;
	return strncasecmp(s + 1, "inf", 3) == 0 || strncasecmp(s + 1, "nan", 3) == 0;
}

/* The option "--name" (or an abbreviation getopt_long takes) when it is
 * followed by a value in the next word, else NULL. */
static const struct option *
option_with_value(const char *word)
{
	if (strncmp(word, "--", 2) != 0 || strchr(word, '='))
		return NULL;
	size_t n = strlen(word + 2);
	const struct option *found = NULL;
	int matches = 0;
	for (const struct option *o = LONG_OPTS; n && o->name; o++) {
		if (strncmp(o->name, word + 2, n) != 0)
			continue;
		found = o;
		if (o->name[n] == '\0') {
			matches = 1;
			break;
		}
		matches++;
	}
	return matches == 1 && found->has_arg == required_argument ? found : NULL;
}

/* "-5" where a number is expected (a command's word, --limit, --progress,
 * --year, a checklist item or position) is refused as negative; the value of
 * a text option ("--issue '-2 triệu'") is text like any other. */
static const char *
negative_arg(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		const struct option *o = option_with_value(argv[i]);
		if (o && !strchr("lGydurmA2", o->val) && i + 1 < argc) {
			i++;
			continue;
		}
		if (negative_value(argv[i]))
			return argv[i];
	}
	return NULL;
}

/* The command's word (the first word neither an option nor an option's
 * value), or NULL. */
static const char *
command_word(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1 < argc ? argv[i + 1] : NULL;
		if (option_with_value(argv[i]))
			i++;
		else if (argv[i][0] != '-' || !argv[i][1])
			return argv[i];
	}
	return NULL;
}

/* A negative amount given to ntm fund ("-5 triệu"): the money's own
 * refusal (how to correct an entry), read from the word and those after
 * it up to the next option. */
static int
negative_amount(int argc, char **argv, const char *negative)
{
	struct cli c = {0};
	long long amount;
	int at = 1, n = 1;
	while (argv[at] != negative)
		at++;
	while (at + n < argc && strncmp(argv[at + n], "--", 2) != 0)
		n++;
	if (fund_read_words(&c.err, argv + at, n, &amount) == NTM_OK)
		ntm_fail(&c.err, NTM_USAGE, MSG_NEGATIVE_ARG, out_arg(negative));
	return fail(&c, NTM_USAGE);
}

uint64_t
cli_opt_bit(int val)
{
	switch (val) {
	case 'D': return OPT_DB;
	case 'U': return OPT_UNIT;
	case 'R': return OPT_RO;
	case '8': return OPT_UTF8;
	case 'f': return OPT_FORMAT;
	case 't': return OPT_DATE;
	case 'n': return OPT_NOTE;
	case 'x': return OPT_RETRACT;
	case 'c': return OPT_CLEAR;
	case 'e': return OPT_EMPTY;
	case 'F': return OPT_FORCE;
	case 'C': return OPT_COMMUNE;
	case 'l': return OPT_LIMIT;
	case 'v': return OPT_VNI;
	case 's': return OPT_STYLE;
	case '1': return OPT_FROM;
	case '2': return OPT_TO;
	case 'b': return OPT_VERBOSE;
	case 'S': return OPT_SORT;
	case 'M': return OPT_MATRIX;
	case 'T': return OPT_TEXT;
	case 'A': return OPT_AFTER;
	case 'P': return OPT_PLAN;
	case 'y': return OPT_YEAR;
	case 'N': return OPT_NUMBER;
	case 'i': return OPT_TITLE;
	case 'g': return OPT_SIGNER;
	case 'z': return OPT_NO_DATE;
	case 'k': return OPT_SECTOR;
	case 'q': return OPT_STATUS;
	case 'o': return OPT_OVERDUE;
	case 'p': return OPT_RESPONSIBLE;
	case 'w': return OPT_DUE;
	case 'Z': return OPT_NO_DUE;
	case 'L': return OPT_DETAIL;
	case 'G': return OPT_PROGRESS;
	case 'O': return OPT_OUT;
	case 'Y': return OPT_DRY_RUN;
	case 'J': return OPT_SOURCE;
	case 'I': return OPT_ISSUE;
	case 'Q': return OPT_PROPOSAL;
	case 'H': return OPT_AS_OF;
	case 'E': return OPT_SINCE;
	case 'B': return OPT_TABLE;
	case 'K': return OPT_NO_BOM;
	case 'W': return OPT_SEP;
	case 'X': return OPT_KIND;
	case 'j': return OPT_ENCODING;
	case '3': return OPT_SHEET;
	case '4': return OPT_ALL;
	case '5': return OPT_TAKE;
	case '6': return OPT_DISTRICT;
	case '7': return OPT_PROVINCE;
	case '9': return OPT_INTO;
	case '0': return OPT_DOC;
	case '!': return OPT_REASON;
	case '/': return OPT_BY;
	default: return OPT_CHANGE;
	}
}

static int
take_limit(struct cli *c, const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);
	if (*end || n <= 0 || n > 1000000) {
		ntm_fail(&c->err, NTM_USAGE, MSG_BAD_LIMIT);
		return fail(c, NTM_USAGE);
	}
	c->limit = (int)n;
	c->limit_given = true;
	return 0;
}

/* The options of `ntm checklist` go to c->changes in command-line order
 * (getopt keeps the order of options), --note and --to too (besides
 * c->note and c->to for set and convert): a modifier (--after, --text,
 * --to) belongs to the change just before it, cmd_checklist pairs them. */
static int
take_change(struct cli *c, int val, char *arg)
{
	if (val == 0 || !strchr("adurmnATS2M", val))
		return 0;
	if (c->nchanges == (int)(sizeof c->changes / sizeof *c->changes)) {
		ntm_fail(&c->err, NTM_USAGE, MSG_TOO_MANY,
			 (int)(sizeof c->changes / sizeof *c->changes));
		return fail(c, NTM_USAGE);
	}
	c->changes[c->nchanges++] = (struct cli_change){(char)val, arg};
	return 0;
}

/* Stores one option; returns 0, or 2 after printing a usage error. */
static int
take_option(struct cli *c, int val, char *arg, bool *help, bool *version)
{
	switch (val) {
	case 'h': *help = true; return 0;
	case 'V': *version = true; return 0;
	case 'D': c->db = arg; break;
	case 'U': c->unit = arg; break;
	case 'R': c->read_only = true; break;
	case '8': c->utf8 = true; break;
	case 'f': c->format_name = arg; break;
	case 't': c->date = arg; break;
	case 'n': c->note = arg; break;
	case 'x': c->retract = true; break;
	case 'c': c->clear = true; break;
	case 'e': c->empty = true; break;
	case 'F': c->force = true; break;
	case 'C': c->commune = arg; break;
	case '6': c->district = arg; break;
	case '7': c->province = arg; break;
	case '9': c->into = arg; break;
	case '0': c->doc = arg; break;
	case '!': c->reason = arg; break;
	case '/': c->by = arg; break;
	case 'v': c->vni = true; break;
	case 's': c->style = arg; break;
	case '1': c->from = arg; break;
	case '2': c->to = arg; break;
	case 'b': c->verbose = true; break;
	case 'P': c->plan = arg; break;
	case 'y': c->year = arg; break;
	case 'N': c->number = arg; break;
	case 'i': c->title = arg; break;
	case 'g': c->signer = arg; break;
	case 'z': c->no_date = true; break;
	case 'k': c->sector = arg; break;
	case 'q': c->status = arg; break;
	case 'o': c->overdue = true; break;
	case 'p': c->responsible = arg; break;
	case 'w': c->due = arg; break;
	case 'Z': c->no_due = true; break;
	case 'L': c->detail = arg; break;
	case 'G': c->progress = arg; break;
	case 'O': c->out = arg; break;
	case 'Y': c->dry_run = true; break;
	case 'J': c->source = arg; break;
	case 'I': c->issue = arg; break;
	case 'Q': c->proposal = arg; break;
	case 'H': c->as_of = arg; break;
	case 'E': c->since = arg; break;
	case 'B': c->table = arg; break;
	case 'K': c->no_bom = true; break;
	case 'W': c->sep = arg; break;
	case 'X': c->kind = arg; break;
	case 'j': c->encoding = arg; break;
	case '3': c->sheet = arg; break;
	case '4': c->all = true; break;
	case '5': c->take = arg; break;
	case 'l':
		if (take_limit(c, arg))
			return NTM_USAGE;
		break;
	case 'a': case 'd': case 'u': case 'r': case 'm': case 'A': case 'T':
	case 'S': case 'M':
		break;
	default:
		return NTM_USAGE;
	}
	if (take_change(c, val, arg))
		return NTM_USAGE;
	c->seen |= cli_opt_bit(val);
	return 0;
}

/* The words after the code, which the shell split: “chưa đạt”. */
static int
quote_value(struct cli *c)
{
	char value[512] = "";
	size_t n = 0;
	for (int i = 1; i < c->nargs && n < sizeof value; i++)
		n += (size_t)snprintf(value + n, sizeof value - n, "%s%s",
				      i > 1 ? " " : "", c->args[i]);
	const char *v = out_arg(value);
	return ntm_fail(&c->err, NTM_USAGE, MSG_QUOTE_VALUE, v, c->cmd,
			out_arg(c->args[0]), v);
}

int
cli_only_options(struct cli *c, const char *what, uint64_t allowed)
{
	uint64_t extra = c->seen & ~(OPT_COMMON | allowed);
	for (const struct option *o = LONG_OPTS; extra && o->name; o++)
		if (extra & cli_opt_bit(o->val))
			return ntm_fail(&c->err, NTM_USAGE, MSG_OPT_NOT_HERE, what,
					o->name, c->cmd);
	return NTM_OK;
}

static int
check_command(struct cli *c, const struct command *cmd)
{
	if (cli_only_options(c, cmd->name, cmd->opts))
		return fail(c, NTM_USAGE);
	/* ntm set 15.2 chưa đạt: a value of several words, unquoted */
	if (cmd->run == cmd_set || cmd->run == cmd_target)
		if (c->nargs > cmd->max_args)
			return fail(c, quote_value(c));
	if (c->nargs < cmd->min_args || c->nargs > cmd->max_args) {
		ntm_fail(&c->err, NTM_USAGE, MSG_ARGS_COUNT, cmd->name,
			 cmd->args_text, cmd->name);
		return fail(c, NTM_USAGE);
	}
	if (c->format_name && cmd->formats) {
		static const char *const names[] = {"text", "json", "csv"};
		int found = -1;
		for (int i = 0; i < 3; i++)
			if (strcmp(c->format_name, names[i]) == 0 &&
			    strstr(cmd->formats, names[i]))
				found = i;
		if (found < 0) {
			ntm_fail(&c->err, NTM_USAGE, MSG_BAD_FORMAT, c->format_name,
				 cmd->formats);
			return fail(c, NTM_USAGE);
		}
		c->format = (enum cli_format)found;
	}
	return 0;
}

static int
help(const char *topic)
{
	const struct command *cmd = topic ? find_command(topic) : NULL;
	if (topic && !cmd) {
		struct cli c = {0};
		return fail(&c, unknown_command(&c, topic));
	}
	fputs(cmd ? cmd->usage : USAGE_MAIN, stdout);
	return NTM_OK;
}

/* `ntm ui` said yes: open the store for src/main.c to run the program. */
static int
open_ui(struct cli *c, struct cli_ui *ui)
{
	c->pick_commune = !c->unit;
	int rc = cli_open(c, &ui->st);
	if (rc != NTM_OK)
		return rc;
	ui->pick_commune = c->commune_unpicked;
	ui->utf8 = c->utf8;
	ui->db_path = c->db_path;
	c->db_path = NULL;
	ui->input = c->input;
	c->input = NULL;
	return CLI_OPEN_UI;
}

int
cli_ui_done(struct cli_ui *ui, int rc, const struct ntm_error *e)
{
	if (rc != NTM_OK)
		fprintf(stderr, "ntm: %s\n", said(e->msg));
	store_close(ui->st);
	free(ui->db_path);
	free(ui->input);
	return rc;
}

int
cli_main(int argc, char **argv, struct cli_ui *ui)
{
	struct cli c = {.limit = 20};
	bool want_help = false, want_version = false;
	int val;

	opterr = 0;
	if (argc > 1 && strcmp(argv[1], "__complete") == 0)
		return cli_complete(argc - 2, argv + 2);
	const char *negative = negative_arg(argc, argv);
	const char *word = command_word(argc, argv);
	if (negative && word && strcmp(word, "fund") == 0)
		return negative_amount(argc, argv, negative);
	if (negative) {
		fprintf(stderr, "ntm: " MSG_NEGATIVE_ARG "\n", out_arg(negative));
		return NTM_USAGE;
	}
	while ((val = getopt_long(argc, argv, "hV", LONG_OPTS, NULL)) != -1) {
		if (val == '?') {
			fprintf(stderr, "ntm: " MSG_UNKNOWN_OPT "\n",
				out_arg(argv[optind - 1]));
			return NTM_USAGE;
		}
		if (take_option(&c, val, optarg, &want_help, &want_version))
			return NTM_USAGE;
	}
	if (want_version) {
		printf(TXT_VERSION_LINE, NTM_VERSION, STORE_SCHEMA_VERSION);
		return NTM_OK;
	}
	if (want_help && optind >= argc)
		return help(NULL);
	/* No command: the full-screen program on a terminal, else the status. */
	c.cmd = optind < argc ? argv[optind++]
		: isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) ? "ui" : "status";
	c.args = argv + optind;
	c.nargs = argc - optind;
	if (strcmp(c.cmd, "help") == 0) {
		if (c.nargs && strcmp(c.args[0], "help") == 0) {
			fputs(USAGE_HELP, stdout);
			return NTM_OK;
		}
		return help(c.nargs ? c.args[0] : NULL);
	}
	const struct command *cmd = find_command(c.cmd);
	if (!cmd && want_help)
		return help(NULL);
	if (!cmd)
		return fail(&c, unknown_command(&c, c.cmd));
	if (want_help)
		return help(cmd->name);
	out_utf8 = c.utf8;
	int rc = check_command(&c, cmd);
	if (rc == 0) {
		rc = cmd->run(&c);
		if (rc == CLI_OPEN_UI)
			rc = open_ui(&c, ui);
		if (rc != NTM_OK && rc != CLI_OPEN_UI)
			fail(&c, rc);
	}
	free(c.db_path);
	free(c.person);
	free(c.input);
	return rc;
}
