/* Dialogs over the screen: a yes/no question and a one-line prompt on the
 * message line, the help screen, the go-to palette. Each reads its own
 * keys and survives a resize. */
#ifndef NTM_TUI_DIALOGS_H
#define NTM_TUI_DIALOGS_H

#include <stdbool.h>
#include <stddef.h>

struct app;

/* Asks a yes/no question on the message line; y or c confirms. When the
 * line is too narrow, only the quoted title (“…”) is cut, or with none
 * the text before the last "?": the keys part always shows whole. */
bool confirm(struct app *a, const char *question);
/* Reads one line on the message line (search); false on Esc. */
bool prompt_line(struct app *a, const char *label, char *out, size_t size);
void help_show(struct app *a);
void palette_show(struct app *a);
/* The palette of the commune's plans only (key P): Enter shows one, or
 * opens the form of a new plan. */
void palette_plans(struct app *a);

#endif
