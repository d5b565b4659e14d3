/* lineedit — the model of a one-line text field, independent of any UI:
 * a UTF-8 buffer edited by grapheme (one Backspace removes one visible
 * letter, as Vietnamese input methods expect), a cursor, horizontal
 * scrolling by columns, and the built-in Telex/VNI input method. */
#ifndef NTM_LINEEDIT_H
#define NTM_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ntm/telex.h"

/* Keys other than text; text keys are Unicode code points. The ASCII
 * controls are understood too: 0x08 and 0x7F Backspace, ^A Home, ^E End,
 * ^W delete word, ^U delete to start, ^T cycle the input method. */
enum lineedit_key {
	LE_BACKSPACE = -1, LE_DELETE = -2, LE_LEFT = -3, LE_RIGHT = -4,
	LE_HOME = -5, LE_END = -6, LE_KILL_WORD = -7, LE_KILL_START = -8,
	LE_CYCLE_IME = -9,
};

struct lineedit {
	char *buf;                  /* NUL-terminated UTF-8 */
	size_t len, cap, max;       /* max: bytes allowed, 0 = no limit */
	size_t cursor;              /* byte offset on a grapheme boundary */
	int scroll;                 /* first visible display column */
	struct telex_options ime;   /* method TELEX_OFF: typed as is */
	/* The word the input method is composing, ending at the cursor. */
	bool composing;
	size_t word_start;
	char raw[64];
	size_t nraw;
};

/* Starts with text (may be NULL), cursor at the end, input method off. */
void lineedit_init(struct lineedit *e, const char *text, size_t max_bytes);
void lineedit_free(struct lineedit *e);

/* Handles one key; returns false when the key means nothing here (a
 * control character that is not an editing key). */
bool lineedit_key(struct lineedit *e, int32_t key);
/* Inserts pasted bytes as text (no input-method processing); line breaks
 * and tabs become spaces, other controls (C0, DEL, C1) are dropped, and
 * invalid UTF-8 becomes U+FFFD, the rest kept. A character that does not
 * fit the limit is left out whole, never cut. */
void lineedit_paste(struct lineedit *e, const char *text);
/* Replaces the whole text, cursor at the end. */
void lineedit_set(struct lineedit *e, const char *text);

const char *lineedit_text(const struct lineedit *e);
/* The text in NFC, newly allocated: what a form saves. */
char *lineedit_commit(const struct lineedit *e);
/* Display column of the cursor from the start of the text. */
int lineedit_cursor_col(const struct lineedit *e);
/* Scrolls so the cursor shows in `width` columns; gives the first byte
 * to draw and the cursor's column inside the view. */
void lineedit_view(struct lineedit *e, int width, size_t *first, int *cursor_col);
/* off → Telex → VNI → off. */
void lineedit_cycle_ime(struct lineedit *e);
/* Sets the input method (the word being composed is left as typed). */
void lineedit_set_ime(struct lineedit *e, enum telex_method m);
enum telex_method lineedit_ime(const struct lineedit *e);

#endif
