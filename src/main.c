/* ntm — the commune's New Rural Development programme, in a terminal. */
#include <locale.h>

#include "ntm/cli.h"

int
main(int argc, char **argv)
{
	/* Only the character type follows the environment: numbers and dates
	 * are read and written by ntm itself, the Vietnamese way. */
	setlocale(LC_CTYPE, "");
	return cli_main(argc, argv);
}
