/* SHA-256 (FIPS 180-4), streaming: internal to src/io, for the sync
 * file's checksum, which the writer computes while it writes. The one-shot
 * forms are io_sha256 and io_sha256_hex (ntm/io.h). */
#ifndef NTM_IO_SHA256_H
#define NTM_IO_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t bytes;            /* hashed so far */
	unsigned char block[64];
	size_t used;               /* bytes waiting in block */
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
/* The digest; s must be initialised again before another use. */
void sha256_final(struct sha256 *s, unsigned char out[32]);
/* A digest as 64 lower-case hex digits and a NUL. */
void sha256_hex(const unsigned char digest[32], char out[65]);

#endif
