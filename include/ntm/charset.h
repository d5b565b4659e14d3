/* charset — legacy Vietnamese encodings (TCVN3, VISCII, CP1258, VNI) to and
 * from NFC UTF-8, with auto-detection by counting valid Vietnamese
 * syllables. Tables of ours (src/text/legacy_tables.c, generated once from
 * glibc iconv and tested against it; VNI in src/text/vni.c) and utf8proc:
 * no iconv module is needed at run time, so the static binary converts. */
#ifndef NTM_CHARSET_H
#define NTM_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

enum charset {
	CHARSET_UTF8,
	CHARSET_TCVN3,   /* TCVN 5712 VN3 ("ABC", .Vn fonts): glibc's TCVN5712-1 */
	CHARSET_VISCII,
	CHARSET_CP1258,  /* Windows-1258 */
	CHARSET_VNI,     /* VNI-Windows fonts: our table (src/text/vni.c) */
	CHARSET_AUTO,    /* decoding only: guess with charset_detect() */
};

/* Where conversion stopped. line is 1-based, column is the 1-based byte
 * within that line, offset the byte from the start of the input (a UTF-8
 * BOM counts: these are positions in the bytes as given). Errors without
 * a position (no memory, a bad encoding name) have line 0. reason is a
 * static Vietnamese sentence. */
struct charset_error {
	size_t line;
	size_t column;
	size_t offset;
	const char *reason;
};

/* Parses utf-8|utf8|tcvn3|tcvn|viscii|cp1258|windows-1258|vni|auto,
 * case-insensitive. Returns false (and leaves *out) on anything else. */
bool charset_parse(const char *name, enum charset *out);

/* The canonical name: "utf-8", "tcvn3", "viscii", "cp1258", "vni", "auto". */
const char *charset_name(enum charset c);

/* Decodes len bytes in `from` to NUL-terminated NFC UTF-8 (malloc'd,
 * *out_len set when not NULL). A UTF-8 BOM is accepted and dropped. AUTO
 * picks the encoding with charset_detect() and reports it in *detected
 * (may be NULL). Control bytes are data: in VISCII and TCVN they are
 * letters. On undecodable input returns NULL, produces no partial output
 * and fills err (may be NULL) with the first bad byte. */
char *charset_decode(const char *in, size_t len, enum charset from,
		     enum charset *detected, size_t *out_len,
		     struct charset_error *err);

/* Encodes len bytes of UTF-8 (normalised to NFC first, so NFD works) into
 * `to` (malloc'd, NUL-terminated for convenience, *out_len set). Returns
 * NULL and fills err when the input is not valid UTF-8 or a character has
 * no representation in `to`; positions are in the UTF-8 input. */
char *charset_encode(const char *utf8, size_t len, enum charset to,
		     size_t *out_len, struct charset_error *err);

/* Guesses the encoding of len bytes. Valid UTF-8 wins when it is pure
 * ASCII, starts with a BOM or holds a Vietnamese letter or mark. Otherwise
 * the first 64 KiB (cut at a line end) are decoded with each candidate and
 * scored by their words: +1 for a valid Vietnamese syllable (see
 * charset_is_syllable) holding a non-ASCII letter, -1 for any other word
 * holding one, -1 for each stray control character and, for VNI, -1 for
 * each lone modifier byte. The highest score wins; ties go to the first in
 * the order UTF-8 (when valid), TCVN3, VNI, CP1258, VISCII. */
enum charset charset_detect(const char *in, size_t len);

/* Whether word (UTF-8, len bytes; lower, Capitalised or ALL CAPS) spells
 * one valid Vietnamese syllable: onset, vowel nucleus and final agree, the
 * spelling rules hold (k/gh/ngh before e ê i y only), finals c ch p t
 * take only sắc or nặng, and the tone sits on a vowel that may carry it
 * (old and new style both pass). Used by the detector; exposed for tests. */
bool charset_is_syllable(const char *word, size_t len);

/* The VNI codec (src/text/vni.c) behind charset_decode/charset_encode.
 * Decoding takes the longest match (two bytes, then one) and reads other
 * bytes as CP1252; *strays (may be NULL) counts bytes read that way that
 * real VNI text only has inside letters (a lone modifier such as ø).
 * Encoding takes NFC UTF-8. Both return a malloc'd, NUL-terminated
 * buffer, or NULL with *bad set to the input offset of the first byte
 * that cannot be converted (SIZE_MAX: out of memory). */
char *charset_vni_decode(const char *in, size_t len, size_t *out_len,
			 size_t *bad, size_t *strays);
char *charset_vni_encode(const char *nfc, size_t len, size_t *out_len,
			 size_t *bad);

/* The 134 letters of the VNI table (lowercase and uppercase): the i-th
 * letter as UTF-8 and as VNI bytes; false when i is past the end. */
bool charset_vni_letter(size_t i, const char **utf8, const char **vni);

#endif
