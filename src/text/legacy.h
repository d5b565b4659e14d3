/* legacy — our own codec for TCVN3, VISCII and CP1258, tables taken once
 * from glibc iconv (TCVN5712-1, VISCII, CP1258) by tools/gen-legacy.c into
 * legacy_tables.c, so a static binary needs no gconv modules. Internal to
 * src/text: charset.c is its only user (and tests/unit/test_legacy.c). */
#ifndef NTM_TEXT_LEGACY_H
#define NTM_TEXT_LEGACY_H

#include "ntm/charset.h"

#include <stddef.h>
#include <stdint.h>

/* One encodable code point: its byte, or base byte + combining byte
 * (bytes[1] 0: one byte; a combining byte is never 0). */
struct legacy_code {
	uint16_t cp;
	uint8_t bytes[2];
};

/* glibc's decoder makes letter + combining byte into one code point. */
struct legacy_pair {
	uint16_t base, mark, composed;
};

/* glibc writes nothing for the tag characters: neither do we. */
#define LEGACY_DROPPED_FIRST 0xE0000
#define LEGACY_DROPPED_LAST  0xE007F

/* The generated tables (legacy_tables.c). Decoding: byte → code point,
 * 0 for a byte not in the encoding (byte 0 is U+0000). Composing: sorted
 * by base, then mark. Encoding: sorted by code point. */
extern const uint16_t legacy_tcvn3_decode[256];
extern const struct legacy_pair legacy_tcvn3_compose[];
extern const size_t legacy_tcvn3_compose_len;
extern const struct legacy_code legacy_tcvn3_encode[];
extern const size_t legacy_tcvn3_encode_len;
extern const uint16_t legacy_viscii_decode[256];
extern const struct legacy_pair legacy_viscii_compose[];
extern const size_t legacy_viscii_compose_len;
extern const struct legacy_code legacy_viscii_encode[];
extern const size_t legacy_viscii_encode_len;
extern const uint16_t legacy_cp1258_decode[256];
extern const struct legacy_pair legacy_cp1258_compose[];
extern const size_t legacy_cp1258_compose_len;
extern const struct legacy_code legacy_cp1258_encode[];
extern const size_t legacy_cp1258_encode_len;

/* Whether c is one of TCVN3, VISCII, CP1258. */
bool legacy_handles(enum charset c);

/* Decodes len bytes of c into UTF-8 exactly as glibc iconv does: one code
 * point per byte, but a combining byte after a letter makes one code point
 * with it where glibc's table says so (not always canonically: NFC comes
 * after, in the caller). Encodes NFC UTF-8 (valid: checked by the caller) into c.
 * Both return a malloc'd, NUL-terminated buffer (*out_len bytes), or NULL
 * with *bad set to the input offset of the first byte or character that
 * cannot be converted (SIZE_MAX: out of memory). */
char *legacy_decode(enum charset c, const char *in, size_t len,
		    size_t *out_len, size_t *bad);
char *legacy_encode(enum charset c, const char *nfc, size_t len,
		    size_t *out_len, size_t *bad);

#endif
