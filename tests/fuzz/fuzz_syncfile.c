/* libFuzzer target: the sync file reader (io_sync_parse) on bytes. The
 * checksum would stop almost every input before the header and record
 * parser, so for inputs whose first byte is even the rest gets a correct
 * "sha256" line appended: those reach the frame parser. Whatever is
 * accepted must hold together: records and the snapshot inside the
 * buffer, a snapshot only in format 2, every origin one of the ranges,
 * as many records as the header says. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/error.h"
#include "ntm/io.h"
#include "ntm/syncdoc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
inside(const struct io_sync_file *f, const void *p, size_t n)
{
	const unsigned char *b = f->buf, *q = p;
	return n == 0 || (q >= b && q + n <= b + f->len);
}

static void
check(const struct io_sync_file *f)
{
	const struct ntm_sync_header *h = f->h;
	if (h->format < 1 || h->format > NTM_SYNC_FORMAT || f->n != h->nrecords ||
	    strlen(h->replica) != 32 || strlen(h->commune_id) != 32 ||
	    (h->snapshot && (h->format < 2 ||
			     !inside(f, h->snapshot, h->snapshot_len))))
		abort();
	for (long long i = 0; i < f->n; i++) {
		const struct ntm_sync_record *r = &f->recs[i];
		if (!inside(f, r->meta, r->meta_len) ||
		    !inside(f, r->changes, r->changes_len) ||
		    !inside(f, r->audit, r->audit_len))
			abort();
		int k = 0;
		while (k < h->nranges && strcmp(h->ranges[k].origin, r->origin))
			k++;
		if (k == h->nranges || r->seq <= h->ranges[k].from ||
		    r->seq > h->ranges[k].to)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned char *buf = malloc(size + 72);
	if (!buf)
		return 0;
	size_t len = size - 1;
	memcpy(buf, data + 1, len);
	if (data[0] % 2 == 0) {
		char hex[65];
		io_sha256_hex(buf, len, hex);
		memcpy(buf + len, "sha256 ", 7);
		memcpy(buf + len + 7, hex, 64);
		buf[len + 71] = '\n';
		len += 72;
	}
	struct io_sync_file f;
	struct ntm_error e = {0};
	if (io_sync_parse("fuzz.ntmsync", buf, len, &f, &e) == NTM_OK) {
		check(&f);
		io_sync_free(&f);
	} else if (!e.msg[0] || f.buf || f.h) {
		abort();
	}
	free(buf);
	return 0;
}
