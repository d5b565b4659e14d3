/* text — UTF-8 text primitives: validation, NFC, folding for lookups and
 * display width. Everything that measures or transforms user text goes
 * through here; built on utf8proc. No curses, no SQL. */
#ifndef NTM_TEXT_H
#define NTM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum text_problem {
	TEXT_OK = 0,
	TEXT_BAD_UTF8,   /* invalid UTF-8 at *offset */
	TEXT_CONTROL,    /* a control character at *offset */
	TEXT_BIDI,       /* a bidirectional control (U+202A…, U+2066…) */
	TEXT_NO_MEMORY,
};

/* Checks that s (NUL-terminated) is valid UTF-8 holding no control
 * characters (C0, DEL, C1) and no bidi control (they make text read in
 * another order than it is stored); newline and tab are allowed when
 * multiline.
 * On a problem, *offset (if not NULL) receives its byte offset. */
enum text_problem text_check(const char *s, bool multiline, size_t *offset);

/* Returns a newly allocated NFC copy of valid UTF-8 s, or NULL. */
char *text_nfc(const char *s);

/* Validates s and returns its NFC form (caller frees) or NULL with *problem
 * set: the one door through which text enters the database. One line of
 * text (!multiline: names, titles) also loses its invisible format
 * characters (U+200B, U+200D, U+2060, U+FEFF, U+00AD…) and has every
 * other space (NBSP…) turned into ' ', so names that look alike are
 * alike. Multiline text has its CR LF and lone CR line ends made LF
 * (text pasted from Windows). */
char *text_clean(const char *s, bool multiline, enum text_problem *problem,
		 size_t *offset);

/* True for a bidirectional control character (embeddings, overrides,
 * isolates, LRM/RLM/ALM). */
bool text_char_bidi(int32_t c);
/* A noncharacter (U+FFFE, U+FFFF and their kin in every plane, U+FDD0..
 * U+FDEF): never text, and invalid in XML — refused at input like a
 * control character, shown as U+FFFD on output. */
bool text_char_nonchar(int32_t c);

/* The folded form for lookups: NFC, case-folded, marks stripped, đ/Đ → d.
 * "Cự Đình" → "cu dinh". Returns NULL on invalid UTF-8 or no memory. */
char *text_fold(const char *s);

/* Display width in terminal columns, measured per grapheme cluster.
 * Invalid bytes count one column each (they are shown as U+FFFD). */
int text_width(const char *s);

/* Lower-case form for case-insensitive comparison that keeps the marks:
 * "VIỆT" → "việt". NULL on invalid UTF-8. */
char *text_casefold(const char *s);

/* Case-preserving ASCII for terminals that cannot show Vietnamese:
 * "Nông thôn mới Việt Hưng" → "Nong thon moi Viet Hung", Đ → D, common
 * typography (– — … “ ” ≥ ≤) to ASCII look-alikes, anything else '?'.
 * Invalid bytes become '?'. Never NULL unless out of memory. */
char *text_ascii(const char *s);

/* ---- grapheme clusters (what people see as one letter) -------------- */

/* Byte offset of the grapheme after the one starting at `off` (len when
 * at the end). Invalid bytes are one grapheme each. */
size_t text_next_grapheme(const char *s, size_t len, size_t off);
/* Byte offset of the grapheme before `off` (0 at the start). */
size_t text_prev_grapheme(const char *s, size_t len, size_t off);
/* Number of graphemes in s. */
size_t text_graphemes(const char *s);
/* Display width of the bytes [from, to) of s, per grapheme. */
int text_width_range(const char *s, size_t from, size_t to);

/* Returns s cut to at most `width` columns, never inside a grapheme, with
 * an ellipsis ("…", or "~" when ascii) when cut; then padded with spaces
 * to exactly `width` when pad. Newly allocated. */
char *text_fit(const char *s, int width, bool ascii, bool pad);
/* Returns s fitted to `width` columns by cutting only its bytes [from, to)
 * (a quoted title), with an ellipsis, so that the rest shows whole; when
 * even an ellipsis alone leaves it too wide, s is cut as text_fit does.
 * Newly allocated. */
char *text_fit_span(const char *s, size_t from, size_t to, int width, bool ascii);

/* ---- the terminal sanitiser ----------------------------------------------- */

enum {
	TEXT_SAN_ASCII = 1,      /* ^[ notation and ASCII transliteration */
	TEXT_SAN_NEWLINES = 2,   /* keep '\n' (multi-line text) */
};

/* Makes text from a database or a file inert for a terminal: C0 controls
 * and DEL as control pictures (␛ ␊ ␡), C1 controls as ␛ and their 7-bit
 * letter (0x9B → "␛["), bidirectional overrides as U+FFFD, invalid bytes
 * as U+FFFD; in ASCII mode ^[ notation and text_ascii(). Newly allocated. */
char *text_sanitize(const char *s, size_t len, int flags);

/* Makes text safe for a cell of a spreadsheet (CSV, XLSX) opened by
 * people: sanitised as for the terminal (newlines kept: a cell may span
 * lines; tab and CR become control pictures), and a cell a spreadsheet
 * would run as a formula — starting with = + - or @, and not a plain
 * number — gets a leading ' (the usual neutralisation). Newly allocated. */
char *text_cell_safe(const char *s);
/* A cell read back: the one ' text_cell_safe put before a formula-like
 * text dropped ("'=A1" → "=A1", "''=A1" → "'=A1"; "'-12", "'abc" kept),
 * as Excel reads a leading '. A pointer into s. */
const char *text_cell_plain(const char *s);

/* Edit distance between the folded forms of a and b (for "did you mean"),
 * capped at 255. */
int text_distance(const char *a, const char *b);

/* A Vietnamese sentence describing a problem, for messages. */
const char *text_problem_message(enum text_problem p);

#endif
