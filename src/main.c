/* ntm — the commune's New Rural Development programme, in a terminal.
 * The command line decides; when it says so, the full-screen program runs
 * here, so neither front end depends on the other. */
#include <locale.h>

#include "ntm/cli.h"
#include "ntm/tui.h"

int
main(int argc, char **argv)
{
	/* Only the character type follows the environment: numbers and dates
	 * are read and written by ntm itself, the Vietnamese way. */
	setlocale(LC_CTYPE, "");
	struct cli_ui ui = {0};
	int rc = cli_main(argc, argv, &ui);
	if (rc != CLI_OPEN_UI)
		return rc;
	struct tui_options o = {.utf8 = ui.utf8, .db_path = ui.db_path,
				.input = ui.input, .pick_commune = ui.pick_commune};
	struct ntm_error e = {0};
	rc = tui_run(ui.st, &o, &e);
	return cli_ui_done(&ui, rc, &e);
}
