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
		cli_nearer(sub, subs[i].name, &best, &best_d);
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
	const char *near = cli_nearest_command(name);
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
	for (const struct option *o = cli_long_options(); n && o->name; o++) {
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
	for (const struct option *o = cli_long_options(); extra && o->name; o++)
		if (extra & cli_opt_bit(o->val))
			return ntm_fail(&c->err, NTM_USAGE, MSG_OPT_NOT_HERE, what,
					o->name, c->cmd);
	return NTM_OK;
}

static int
check_command(struct cli *c, const struct cli_command *cmd)
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
	const struct cli_command *cmd = topic ? cli_find_command(topic) : NULL;
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
	while ((val = getopt_long(argc, argv, "hV", cli_long_options(), NULL)) != -1) {
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
	const struct cli_command *cmd = cli_find_command(c.cmd);
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
