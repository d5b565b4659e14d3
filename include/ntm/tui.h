/* tui — the full-screen program: tabs per sector, progress gauges, forms,
 * the go-to palette, help. Keyboard first, any terminal from 80×24 up,
 * UTF-8 or not. */
#ifndef NTM_TUI_H
#define NTM_TUI_H

#include <stdbool.h>

#include "ntm/error.h"
#include "ntm/store.h"

struct tui_options {
	bool utf8;        /* --utf8: trust the terminal with UTF-8 */
	const char *db_path;
	/* The config file's `input =`: the built-in input method every text
	 * field starts with, "telex", "vni" or "off" (NULL: off); any other
	 * value is said once on the message line and ignored. */
	const char *input;
	/* No commune picked yet (the file has several): a list asks first. */
	bool pick_commune;
};

/* Runs the program on an open store until the user quits. */
int tui_run(struct store *st, const struct tui_options *o, struct ntm_error *e);

#endif
