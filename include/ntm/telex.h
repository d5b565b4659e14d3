/* telex — the built-in Vietnamese input methods (Telex and VNI), Unikey-
 * like: a word is kept as the raw keys typed and rendered anew after every
 * key, so a tone key may come anywhere after the vowel, repeating a key
 * undoes it, and the tone is placed by the spelling rules. Pure functions
 * on strings: no I/O, no curses. */
#ifndef NTM_TELEX_H
#define NTM_TELEX_H

#include <stdbool.h>
#include <stddef.h>

enum telex_method { TELEX_OFF, TELEX_TELEX, TELEX_VNI };

/* Where the tone goes in oa, oe, uy: old style hòa, khỏe, thủy (the
 * default, Unikey's too) or new style hoà, khoẻ, thuỷ. */
enum telex_style { TELEX_STYLE_OLD, TELEX_STYLE_NEW };

struct telex_options {
	enum telex_method method;
	enum telex_style style;
	bool w_alone;            /* Telex: a lone w gives ư (default true) */
};

/* The default options for a method: old style, lone w → ư. */
struct telex_options telex_defaults(enum telex_method m);

/* True when key belongs to a word for this method (ASCII letters; for
 * VNI also the digits 0-9 once the word has begun). Anything else ends
 * the word. */
bool telex_is_word_key(const struct telex_options *o, char key, bool in_word);

/* Renders one word from its raw keys ("vieetj" → "việt"), NUL-terminated
 * NFC UTF-8 into out (size n >= 4 * nraw + 1). Returns the length. */
size_t telex_render(const struct telex_options *o, const char *raw, size_t nraw,
		    char *out, size_t n);

/* The raw keys that render back to `word` (NFC UTF-8), for taking up a
 * word again after Backspace: "việt" → "vieetj". Returns false when the
 * word holds characters no key sequence makes (then raw is unchanged). */
bool telex_unrender(const struct telex_options *o, const char *word,
		    char *raw, size_t n);

/* Converts typed text: every word rendered, everything else copied.
 * Returns newly allocated NFC UTF-8, or NULL when out of memory. Non-ASCII
 * input passes through untouched. */
char *telex_convert(const struct telex_options *o, const char *keys);

#endif
