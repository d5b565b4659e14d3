/* text — UTF-8 text primitives: validation, NFC, folding for lookups and
 * display width. Everything that measures or transforms user text goes
 * through here; built on utf8proc. No curses, no SQL. */
#ifndef NTM_TEXT_H
#define NTM_TEXT_H

#include <stdbool.h>
#include <stddef.h>

enum text_problem {
	TEXT_OK = 0,
	TEXT_BAD_UTF8,   /* invalid UTF-8 at *offset */
	TEXT_CONTROL,    /* a control character at *offset */
	TEXT_NO_MEMORY,
};

/* Checks that s (NUL-terminated) is valid UTF-8 holding no control
 * characters (C0, DEL, C1); newline and tab are allowed when multiline.
 * On a problem, *offset (if not NULL) receives its byte offset. */
enum text_problem text_check(const char *s, bool multiline, size_t *offset);

/* Returns a newly allocated NFC copy of valid UTF-8 s, or NULL. */
char *text_nfc(const char *s);

/* Validates s and returns its NFC form (caller frees) or NULL with *problem
 * set: the one door through which text enters the database. */
char *text_clean(const char *s, bool multiline, enum text_problem *problem,
		 size_t *offset);

/* The folded form for lookups: NFC, case-folded, marks stripped, đ/Đ → d.
 * "Cự Đình" → "cu dinh". Returns NULL on invalid UTF-8 or no memory. */
char *text_fold(const char *s);

/* Display width in terminal columns, measured per grapheme cluster.
 * Invalid bytes count one column each (they are shown as U+FFFD). */
int text_width(const char *s);

/* Edit distance between the folded forms of a and b (for "did you mean"),
 * capped at 255. */
int text_distance(const char *a, const char *b);

/* A Vietnamese sentence describing a problem, for messages. */
const char *text_problem_message(enum text_problem p);

#endif
