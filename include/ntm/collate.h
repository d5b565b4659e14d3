/* collate — Vietnamese alphabetical order for UTF-8 text, without relying on
 * a vi_VN locale: a three-level comparison (letter, tone, case) and binary
 * sort keys that memcmp in the same order. Built on utf8proc. */
#ifndef NTM_COLLATE_H
#define NTM_COLLATE_H

#include <stddef.h>

/* Compares two UTF-8 strings (any normalisation: NFC and NFD of the same
 * text compare equal) in Vietnamese order: <0, 0, >0. Invalid bytes sort
 * after everything, by byte value. Runs of ASCII digits compare by numeric
 * value ("Thôn 2" < "Thôn 10"). Allocates nothing. */
int collate_compare(const char *a, size_t alen, const char *b, size_t blen);

/* Writes a binary sort key such that memcmp order of keys == collate_compare
 * order (shorter key that is a prefix sorts first). Returns the key's full
 * length; writes at most n bytes (call with n = 0 to size it). */
size_t collate_key(const char *s, size_t len, unsigned char *out, size_t n);

#endif
