/* The command table: every command with its options, arguments, usage,
 * formats and subcommands, and the long options, read by the parser
 * (main.c), ntm --help and shell completion (complete.c), so they cannot
 * drift apart. */
#include <getopt.h>
#include <stdint.h>
#include <string.h>

#include "cli.h"
#include "msg.h"
#include "ntm/text.h"

#define SUBS(name) .subs = cli_##name##_subs, .nsubs = &cli_##name##_nsubs

static const struct cli_command COMMANDS[] = {
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
	const struct cli_command *c = &COMMANDS[i];
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

const struct cli_command *
cli_find_command(const char *name)
{
	for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
		if (strcmp(COMMANDS[i].name, name) == 0)
			return &COMMANDS[i];
	return NULL;
}

/* Keeps cand as *best when it is nearer to name than any before it: at
 * most two letters wrong, and not every letter. */
void
cli_nearer(const char *name, const char *cand, const char **best, int *best_d)
{
	int d = text_distance(name, cand);
	if (d >= 0 && d < *best_d && d < (int)strlen(cand)) {
		*best = cand;
		*best_d = d;
	}
}

/* The command nearest to a mistyped one ("stauts" → status), or NULL. */
const char *
cli_nearest_command(const char *name)
{
	const char *best = NULL;
	int best_d = 3;
	for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
		cli_nearer(name, COMMANDS[i].name, &best, &best_d);
	cli_nearer(name, "help", &best, &best_d);
	return best;
}

