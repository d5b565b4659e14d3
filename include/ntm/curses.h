/* curses — the one place that includes curses, with wide characters: ntm
 * draws Vietnamese, so a narrow (non-w) ncurses is refused at build time.
 * Only files of src/tui include this header. */
#ifndef NTM_CURSES_H
#define NTM_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>

#if !NCURSES_WIDECHAR || !defined(NCURSES_VERSION)
#error "ntm needs ncursesw (wide-character ncurses): install libncurses-dev"
#endif

#endif
