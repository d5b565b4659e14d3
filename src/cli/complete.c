/* ntm __complete WORD…: what the shell may offer for the last word, one
 * per line, from the same tables ntm --help is made of (so completion
 * never drifts from the program): commands, the options a command takes,
 * the formats it writes, its subcommands. Exit 3 asks the shell to offer
 * file names instead (--db, --out, a file argument). WIP (issue 16). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

enum { COMPLETE_FILES = 3 };

/* The global options' letters (getopt values) every command takes. */
static const char GLOBAL[] = "DUR8h";

static int
command_index(const char *word)
{
	for (int i = 0; word && i < cli_ncommands(); i++) {
		const char *name, *formats, *subs;
		uint64_t opts;
		cli_command_info(i, &name, &opts, &formats, &subs);
		if (strcmp(name, word) == 0)
			return i;
	}
	return -1;
}

/* Words of a list as the tables write it: "a, b hoặc c". */
static void
print_list(const char *list, const char *prefix)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", list ? list : "");
	for (char *w = strtok(buf, ", "); w; w = strtok(NULL, ", "))
		if (strcmp(w, "hoặc") != 0 && strncmp(w, prefix, strlen(prefix)) == 0 &&
		    (w[0] >= 'a' && w[0] <= 'z'))
			printf("%s\n", w);
}

static const struct option *
option_named(const char *word)
{
	for (const struct option *o = cli_long_options(); word && o->name; o++)
		if (strncmp(word, "--", 2) == 0 && strcmp(word + 2, o->name) == 0)
			return o;
	return NULL;
}

int
cli_complete(int n, char **words)
{
	const char *cur = n > 0 ? words[n - 1] : "";
	const char *prev = n > 1 ? words[n - 2] : NULL;
	int cmd = -1, nargs = 0;
	for (int i = 0; i < n - 1; i++) {
		const struct option *o = option_named(words[i]);
		if (o && o->has_arg == required_argument)
			i++;
		else if (!o && words[i][0] != '-' && cmd < 0)
			cmd = command_index(words[i]);
		else if (!o && words[i][0] != '-')
			nargs++;
	}
	const char *name = NULL, *formats = NULL, *subs = NULL;
	uint64_t opts = 0;
	if (cmd >= 0)
		cli_command_info(cmd, &name, &opts, &formats, &subs);
	const struct option *po = option_named(prev);
	if (po && po->has_arg == required_argument) {
		if (strcmp(po->name, "format") == 0) {
			print_list(formats, cur);
			return NTM_OK;
		}
		return strcmp(po->name, "db") == 0 || strcmp(po->name, "out") == 0
			? COMPLETE_FILES : NTM_OK;
	}
	if (cur[0] == '-') {
		for (const struct option *o = cli_long_options(); o->name; o++)
			if ((strchr(GLOBAL, o->val) || (opts & cli_opt_bit(o->val)) ||
			     (cmd < 0 && o->val == 'V')) &&
			    strncmp(o->name, cur + (cur[1] == '-' ? 2 : 1),
				    strlen(cur) - (cur[1] == '-' ? 2 : 1)) == 0)
				printf("--%s\n", o->name);
		return NTM_OK;
	}
	if (cmd < 0) {
		for (int i = 0; i < cli_ncommands(); i++) {
			const char *c, *f, *s;
			uint64_t o;
			cli_command_info(i, &c, &o, &f, &s);
			if (strncmp(c, cur, strlen(cur)) == 0)
				printf("%s\n", c);
		}
		if (strncmp("help", cur, 4 < strlen(cur) ? 4 : strlen(cur)) == 0)
			printf("help\n");
		return NTM_OK;
	}
	if (nargs == 0)
		print_list(subs, cur);
	return NTM_OK;
}
