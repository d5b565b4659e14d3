/* ntm __complete WORD…: what the shell may offer for the last word, one
 * per line, from the tables ntm --help is made of (commands, options,
 * subcommands, formats), the model's and io's own word lists, and the
 * codes and names of the database the command would open, read-only (a
 * file missing, older or unreadable offers nothing). Exit 3 asks for file
 * names. Nothing else is printed, nor text the sanitiser would change. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ntm/charset.h"
#include "ntm/io.h"
#include "ntm/text.h"

enum { COMPLETE_FILES = 3, ANY_ARGS = 1 << 10 };

/* What fills a place on the command line. */
enum fill {
	FILL_FILES, FILL_WORDS, FILL_STORE, FILL_FORMATS, FILL_REPORT_FORMATS,
	FILL_STATUSES, FILL_FUND_KINDS, FILL_DECODE, FILL_ENCODE, FILL_COMMANDS,
};

/* An option's value (key: its long name) or the positional words first
 * to last (0 is the subcommand) after the subcommands named in key (NULL:
 * a command without them); command NULL: every command. First match. */
struct place {
	const char *command, *key;
	int first, last;
	enum fill fill;
	int kind;              /* FILL_STORE: enum store_word_kind */
	const char *words;     /* FILL_WORDS, space-separated */
};

#define STORE(k) FILL_STORE, STORE_WORD_##k, NULL
#define WORDS(w) FILL_WORDS, 0, w
#define GEN(f) f, 0, NULL

static const struct place OPTION_VALUES[] = {
	{"report", "format", 0, 0, GEN(FILL_REPORT_FORMATS)},
	{"export", "format", 0, 0, WORDS("xlsx csv")},
	{NULL, "format", 0, 0, GEN(FILL_FORMATS)},
	{NULL, "db", 0, 0, GEN(FILL_FILES)}, {NULL, "out", 0, 0, GEN(FILL_FILES)},
	{NULL, "unit", 0, 0, STORE(COMMUNE)}, {NULL, "into", 0, 0, STORE(COMMUNE)},
	{NULL, "plan", 0, 0, STORE(PLAN)}, {NULL, "sector", 0, 0, STORE(SECTOR)},
	{"fund", "source", 0, 0, STORE(SOURCE)},
	{"fund", "kind", 0, 0, GEN(FILL_FUND_KINDS)},
	{"import", "kind", 0, 0,
	 WORDS("plan targets measurements tasks checklist fund")},
	{NULL, "status", 0, 0, GEN(FILL_STATUSES)},
	{"convert", "from", 0, 0, GEN(FILL_DECODE)},
	{"convert", "to", 0, 0, GEN(FILL_ENCODE)},
	{"import", "encoding", 0, 0, GEN(FILL_DECODE)},
	{"sync", "take", 0, 0, WORDS("ours theirs")},
	{"fund", "by", 0, 0, WORDS("source sector task")},
	{"report", "table", 0, 0,
	 WORDS("criteria tasks villages changes sources sectors debts")},
	{"checklist", "sort", 0, 0, WORDS("order title undone")},
	{"telex", "style", 0, 0, WORDS("old new")},
};

static const struct place ARG_VALUES[] = {
	{"set", NULL, 0, 0, STORE(INDICATOR)}, {"target", NULL, 0, 0, STORE(INDICATOR)},
	{"checklist", NULL, 0, 0, STORE(VILLAGE)},
	{"criteria", "target", 1, 1, STORE(INDICATOR)},
	{"village", "rename alias remove template", 1, 1, STORE(VILLAGE)},
	{"plan", "copy use edit remove export", 1, 1, STORE(PLAN)},
	{"task", "done", 1, 1, STORE(TASK_OPEN)},
	{"task", "edit remove", 1, 1, STORE(TASK)},
	{"fund", "plan cost add list", 1, 1, STORE(TASK)},
	{"criteria", "import", 1, 1, GEN(FILL_FILES)},
	{"plan", "import", 1, 1, GEN(FILL_FILES)},
	{"backup", NULL, 0, 0, GEN(FILL_FILES)}, {"convert", NULL, 0, 0, GEN(FILL_FILES)},
	{"import", NULL, 0, ANY_ARGS, GEN(FILL_FILES)},
	{"sync", "apply", 1, ANY_ARGS, GEN(FILL_FILES)},
	{"unit", "merge", 1, ANY_ARGS, STORE(COMMUNE)},
	{"help", NULL, 0, 0, GEN(FILL_COMMANDS)},
};

/* The command line read so far: the words before the last one. */
struct line {
	const char *cmd_word;     /* as typed ("help" is no table entry) */
	struct cli_command_info cmd;  /* its table entry; name NULL: none */
	const struct cli_sub *sub;    /* the subcommand args[0] names */
	const char *args[4];      /* positional words after the command */
	int nargs;
	struct cli c;             /* --db, --unit, --plan as given */
};

static bool
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Prints w when it begins with cur and is plain printable text. */
static bool
offer(const char *w, const char *cur)
{
	if (!w || !*w || !starts(w, cur) || strcmp(out_safe(w), w) != 0)
		return false;
	printf("%s\n", w);
	return true;
}

static bool
in_list(const char *word, const char *list)
{
	size_t n = word ? strlen(word) : 0;
	for (const char *p = list; n && (p = strstr(p, word)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return true;
	return false;
}

static void
offer_list(const char *list, const char *cur)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", list ? list : "");
	for (char *w = strtok(buf, ", "); w; w = strtok(NULL, ", "))
		offer(w, cur);
}

/* The commands ntm --help lists that begin with cur. */
static void
offer_commands(const char *cur)
{
	struct cli_command_info x;
	for (int i = 0; i < cli_ncommands(); i++) {
		cli_command_info(i, &x);
		if (!x.hidden)
			offer(x.name, cur);
	}
}

/* A word the command takes as typed: lower-case ASCII letters only. */
static bool
literal(const char *w)
{
	return *w && w[strspn(w, "abcdefghijklmnopqrstuvwxyz")] == '\0';
}

/* The first word of each item of a description ("list, add, … hoặc
 * template") that is a literal one (not "KH", "nhiều"…). */
static void
offer_items(const char *text, const char *cur)
{
	char buf[256];
	bool item_start = true;
	snprintf(buf, sizeof buf, "%s", text ? text : "");
	for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
		size_t n = strlen(w);
		bool ends = n && w[n - 1] == ',';
		w[n - ends] = '\0';
		if (item_start && literal(w))
			offer(w, cur);
		item_start = ends || strcmp(w, "hoặc") == 0;
	}
}

/* The words that may follow the command: the names of its table's
 * subcommands; after one, the literal word its arguments begin with
 * ("source" → add); a command with no table (village: village.c keeps
 * its own) by the items of its description. */
static void
offer_subs(const struct line *l, const char *cur)
{
	char first[32];
	if (l->cmd.subs && l->nargs == 0) {
		for (int i = 0; i < l->cmd.nsubs; i++)
			offer(l->cmd.subs[i].name, cur);
	} else if (l->sub && l->nargs == 1) {
		const char *t = l->sub->args_text;
		snprintf(first, sizeof first, "%.*s", (int)strcspn(t, " "), t);
		if (literal(first))
			offer(first, cur);
	} else if (l->cmd.name && !l->cmd.subs && l->nargs == 0) {
		offer_items(l->cmd.args_text, cur);
	}
}

/* The file's words of a kind, from the database the command would
 * open (cli_resolve), never created, migrated or written. Those that
 * begin with cur, else those whose folded form does ("cu" → Cự Đình). */
static void
offer_store(struct line *l, enum store_word_kind kind, const char *cur)
{
	bool is_default;
	struct store *st = NULL;
	struct store_options opt = {.read_only = true};
	if (cli_resolve(&l->c, &is_default) != NTM_OK ||
	    store_open(&st, l->c.db_path, &opt, &l->c.err) != NTM_OK)
		return;
	if (store_use_commune(st, l->c.unit, &l->c.err) == NTM_OK && l->c.plan)
		store_plan_select(st, l->c.plan, &l->c.err);
	struct arena a = {0};
	const char **w;
	int n = 0, shown = 0;
	if (store_words(st, kind, &a, &w, &n, &l->c.err) != NTM_OK)
		n = 0;
	for (int i = 0; i < n; i++)
		shown += offer(w[i], cur);
	char *fcur = shown || !*cur ? NULL : text_fold(cur);
	for (int i = 0; fcur && i < n; i++) {
		char *fw = text_fold(w[i]);
		if (fw && starts(fw, fcur))
			offer(w[i], "");
		free(fw);
	}
	free(fcur);
	arena_free(&a);
	store_close(st);
}

static int
fill(struct line *l, const struct place *p, const char *cur)
{
	switch (p->fill) {
	case FILL_FILES: return COMPLETE_FILES;
	case FILL_WORDS: offer_list(p->words, cur); break;
	case FILL_STORE: offer_store(l, (enum store_word_kind)p->kind, cur); break;
	case FILL_FORMATS: offer_list(l->cmd.formats, cur); break;
	case FILL_REPORT_FORMATS:
		for (int f = IO_REPORT_TXT; f <= IO_REPORT_DOCX; f++)
			offer(io_report_format_word((enum io_report_format)f), cur);
		break;
	case FILL_STATUSES:
		for (int s = 0; s < NTM_TASK_STATUS_COUNT; s++)
			offer(model_task_status_code((enum ntm_task_status)s), cur);
		break;
	case FILL_FUND_KINDS:
		for (int k = 0; k < NTM_FUND_KIND_COUNT; k++)
			offer(model_fund_kind_code((enum ntm_fund_kind)k), cur);
		break;
	case FILL_DECODE: case FILL_ENCODE:
		for (int c = CHARSET_UTF8; c <= CHARSET_AUTO; c++)
			if (c != CHARSET_AUTO || p->fill == FILL_DECODE)
				offer(charset_name((enum charset)c), cur);
		break;
	case FILL_COMMANDS: offer_commands(cur); break;
	}
	return NTM_OK;
}

/* The place of an option's value (key: its name) or of the next
 * positional word (key NULL), in the command l has; NULL: none known. */
static const struct place *
place(const struct place *t, size_t n, const struct line *l, const char *key)
{
	const char *sub = l->nargs ? l->args[0] : NULL;
	for (const struct place *p = t; p < t + n; p++) {
		bool here = !p->command ||
			(l->cmd_word && strcmp(p->command, l->cmd_word) == 0);
		if (here && key && strcmp(p->key, key) == 0)
			return p;
		if (here && !key && l->nargs >= p->first && l->nargs <= p->last &&
		    (!p->key || in_list(sub, p->key)))
			return p;
	}
	return NULL;
}

/* "--name" or "--name=value" (value then in *value). */
static const struct option *
option_named(const char *word, const char **value)
{
	size_t n = strcspn(word, "=");
	*value = word[n] ? word + n + 1 : NULL;
	for (const struct option *o = cli_long_options(); o->name; o++)
		if (starts(word, "--") && n == strlen(o->name) + 2 &&
		    strncmp(word + 2, o->name, n - 2) == 0)
			return o;
	return NULL;
}

static void
read_line(struct line *l, int n, char **words)
{
	for (int i = 0; i < n; i++) {
		const char *value;
		const struct option *o = option_named(words[i], &value);
		if (o && o->has_arg == required_argument && !value && i + 1 < n)
			value = words[++i];
		if (o && value && strchr("DUP", o->val))
			*(o->val == 'D' ? &l->c.db : o->val == 'U' ? &l->c.unit
			  : &l->c.plan) = value;
		if (o || (words[i][0] == '-' && words[i][1]))
			continue;
		if (!l->cmd_word) {
			l->cmd_word = words[i];
			for (int c = 0; c < cli_ncommands() && !l->cmd.name; c++) {
				cli_command_info(c, &l->cmd);
				if (strcmp(l->cmd.name, words[i]) != 0)
					l->cmd.name = NULL;
			}
			if (!l->cmd.name)   /* help, or a typo: no table */
				l->cmd = (struct cli_command_info){0};
		} else if (l->nargs++ < (int)(sizeof l->args / sizeof *l->args)) {
			l->args[l->nargs - 1] = words[i];
		}
	}
	for (int i = 0; l->nargs && i < l->cmd.nsubs; i++)
		if (strcmp(l->cmd.subs[i].name, l->args[0]) == 0)
			l->sub = &l->cmd.subs[i];
}

/* The options that may come next: before the command the global ones
 * (--plan too, as ntm --help lists it); after a subcommand exactly those
 * cli_run_sub lets through (its own and OPT_COMMON, within what the
 * command takes); else the command's. */
static uint64_t
options_taken(const struct line *l)
{
	if (!l->cmd_word)
		return OPT_COMMON | OPT_PLAN;
	if (!l->cmd.name)
		return OPT_COMMON;
	if (l->sub)
		return (l->sub->opts | OPT_COMMON) & l->cmd.opts;
	return l->cmd.opts;
}

static void
offer_options(const struct line *l, const char *cur)
{
	uint64_t taken = options_taken(l);
	for (const struct option *o = cli_long_options(); o->name; o++) {
		bool takes = o->val == 'V' ? !l->cmd_word
			: o->val == 'h' || (taken & cli_opt_bit(o->val));
		char word[64];
		snprintf(word, sizeof word, "--%s", o->name);
		if (takes)
			offer(word, cur);
	}
}

int
cli_complete(int n, char **words)
{
	struct line l = {0};
	const char *cur = n > 0 ? words[n - 1] : "", *value;
	const struct option *prev = n > 1 ? option_named(words[n - 2], &value) : NULL;
	const struct place *p = NULL;
	read_line(&l, n > 0 ? n - 1 : 0, words);
	if (prev && prev->has_arg == required_argument && !value) {
		p = place(OPTION_VALUES, sizeof OPTION_VALUES / sizeof *OPTION_VALUES,
			  &l, prev->name);
	} else if (cur[0] == '-') {
		offer_options(&l, cur);
	} else if (!l.cmd_word) {
		offer_commands(cur);
		offer("help", cur);
	} else {
		offer_subs(&l, cur);
		p = place(ARG_VALUES, sizeof ARG_VALUES / sizeof *ARG_VALUES, &l, NULL);
	}
	int rc = p ? fill(&l, p, cur) : NTM_OK;
	free(l.c.db_path);
	free(l.c.person);
	free(l.c.input);
	return rc;
}
