/* cli — the scriptable face of ntm: argument parsing, the subcommands and
 * their output (text, JSON, CSV), exit codes. It never runs the
 * full-screen program itself: it says when to open it (src/main.c does). */
#ifndef NTM_CLI_H
#define NTM_CLI_H

#include <stdbool.h>

#include "ntm/error.h"
#include "ntm/store.h"

/* cli_main's answer when the full-screen program is to open (`ntm ui`, or
 * `ntm` alone on a terminal): the store is open in *ui. */
enum { CLI_OPEN_UI = -1 };

struct cli_ui {
	struct store *st;     /* open, the commune picked */
	bool utf8;            /* --utf8 */
	char *db_path;        /* the database's path, resolved */
	char *input;          /* the config's `input =`, as written, or NULL */
	/* The file has several communes and --unit named none: no commune
	 * is picked yet, the program asks (the command line refuses). */
	bool pick_commune;
};

/* Runs ntm with its arguments; returns the process exit status, or
 * CLI_OPEN_UI with *ui filled. */
int cli_main(int argc, char **argv, struct cli_ui *ui);
/* After the full-screen program ran on ui (rc, e: its result): says what
 * went wrong if anything, closes the store; returns the exit status. */
int cli_ui_done(struct cli_ui *ui, int rc, const struct ntm_error *e);

#endif
