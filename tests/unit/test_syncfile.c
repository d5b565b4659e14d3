/* Unit tests of the sync file (src/io/syncfile.c, src/io/sha256.c):
 * SHA-256 against the FIPS 180-2 vectors; files framed by hand (header,
 * records, the sha256 line) read back field by field; every truncation,
 * every changed byte, a newer format, files that are no sync file and
 * damaged frames refused with the words that say why; the writer's
 * refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glob.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "io/records.h"
#include "io/sha256.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/syncdoc.h"
#include "tmpdir.h"

/* ---- SHA-256 ---------------------------------------------------------------- */

static void
assert_sha(const char *in, size_t len, const char *want)
{
	char hex[65];
	io_sha256_hex(in, len, hex);
	assert_string_equal(hex, want);
}

static void
test_sha256_vectors(void **state)
{
	(void)state;
	assert_sha("", 0,
		   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_sha("abc", 3,
		   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	assert_sha(m448, strlen(m448),
		   "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	char *million = malloc(1000000);
	memset(million, 'a', 1000000);
	assert_sha(million, 1000000,
		   "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
}

/* The streaming form gives the same digest whatever the pieces. */
static void
test_sha256_streaming(void **state)
{
	(void)state;
	static const size_t PIECES[] = {1, 3, 55, 56, 63, 64, 65, 127, 1000};
	char hex[65], want[65];
	struct sha256 s;
	unsigned char d[32];
	sha256_init(&s);
	for (int i = 0; i < 1000000 / 1000; i++) {
		char a[1000];
		memset(a, 'a', sizeof a);
		sha256_update(&s, a, sizeof a);
	}
	sha256_final(&s, d);
	sha256_hex(d, hex);
	assert_string_equal(hex,
		"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	unsigned char buf[2048];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 7 + 3);
	for (size_t k = 0; k < sizeof PIECES / sizeof *PIECES; k++) {
		for (size_t len = 0; len < 300; len += 17) {
			io_sha256_hex(buf, len, want);
			sha256_init(&s);
			for (size_t at = 0; at < len; at += PIECES[k])
				sha256_update(&s, buf + at,
					      len - at < PIECES[k] ? len - at : PIECES[k]);
			sha256_final(&s, d);
			sha256_hex(d, hex);
			assert_string_equal(hex, want);
		}
	}
}

/* ---- files framed by hand --------------------------------------------------- */

#define A "3fa2c1d0112233445566778899aabbcc"
#define B "b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0"
#define X "c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0"

#define HEAD_START "NTMSYNC 1\nschema 7\nreplica " A "\n" \
	"commune " X " Việt Hưng\ncreated 2026-12-06T14:00:00.123Z\nall 0\n"
static const char HEAD[] = HEAD_START
	"range " A " 0 2\nrange " B " 5 6\nseen " A " 2\nseen " B " 6\n"
	"records 3\n\n";

struct rec {
	const char *origin;
	long long seq;
	const char *meta;
	const char *changes;
	size_t changes_len;
	const char *audit;
};
static const struct rec RECS[] = {
	{A, 1, "{\"verb\":\"set\"}", "\x12\n\0\xff", 4, "[{\"id\":1}]"},
	{B, 6, "{\"verb\":\"tick\"}", "", 0, "[]"},
	{A, 2, "{}", "\n\nrecord", 8, "[\"sha256 \"]"},
};

/* body (blen bytes), then its sha256 line; malloc'd. */
static unsigned char *
with_sum(const char *body, size_t blen, size_t *len)
{
	unsigned char *out = malloc(blen + 72);
	memcpy(out, body, blen);
	char hex[65];
	io_sha256_hex(body, blen, hex);
	memcpy(out + blen, "sha256 ", 7);
	memcpy(out + blen + 7, hex, 64);
	out[blen + 71] = '\n';
	*len = blen + 72;
	return out;
}

/* head, then the records framed as the writer frames them, then the
 * sum. */
static unsigned char *
build(const char *head, const struct rec *r, int n, size_t *len)
{
	char *body = NULL;
	size_t blen = 0;
	FILE *f = open_memstream(&body, &blen);
	fputs(head, f);
	for (int i = 0; i < n; i++) {
		size_t m = strlen(r[i].meta), a = strlen(r[i].audit);
		fprintf(f, "record %s %lld %zu %zu %zu\n", r[i].origin, r[i].seq,
			m, r[i].changes_len, a);
		fwrite(r[i].meta, 1, m, f);
		fwrite(r[i].changes, 1, r[i].changes_len, f);
		fwrite(r[i].audit, 1, a, f);
		fputc('\n', f);
	}
	fclose(f);
	unsigned char *out = with_sum(body, blen, len);
	free(body);
	return out;
}

static void
assert_record(const struct ntm_sync_record *got, const struct rec *want)
{
	assert_string_equal(got->origin, want->origin);
	assert_int_equal(got->seq, want->seq);
	assert_int_equal(got->meta_len, strlen(want->meta));
	assert_memory_equal(got->meta, want->meta, got->meta_len);
	assert_int_equal(got->changes_len, want->changes_len);
	if (want->changes_len)
		assert_memory_equal(got->changes, want->changes, want->changes_len);
	assert_int_equal(got->audit_len, strlen(want->audit));
	assert_memory_equal(got->audit, want->audit, got->audit_len);
}

static void
test_parse_fields(void **state)
{
	(void)state;
	size_t len;
	unsigned char *bytes = build(HEAD, RECS, 3, &len);
	struct io_sync_file sf;
	struct ntm_error e = {0};
	assert_int_equal(io_sync_parse("x.ntmsync", bytes, len, &sf, &e), NTM_OK);
	free(bytes);   /* the records point into the file's own copy */
	const struct ntm_sync_header *h = sf.h;
	assert_int_equal(h->format, 1);
	assert_int_equal(h->schema, 7);
	assert_string_equal(h->replica, A);
	assert_string_equal(h->commune_id, X);
	assert_string_equal(h->commune, "Việt Hưng");
	assert_string_equal(h->created_at, "2026-12-06T14:00:00.123Z");
	assert_false(h->all);
	assert_int_equal(h->nranges, 2);
	assert_string_equal(h->ranges[0].origin, A);
	assert_int_equal(h->ranges[0].from, 0);
	assert_int_equal(h->ranges[0].to, 2);
	assert_string_equal(h->ranges[1].origin, B);
	assert_int_equal(h->ranges[1].from, 5);
	assert_int_equal(h->ranges[1].to, 6);
	assert_int_equal(h->nseen, 2);
	assert_string_equal(h->seen[1].replica, B);
	assert_int_equal(h->seen[1].seq, 6);
	assert_int_equal(h->nrecords, 3);
	assert_int_equal(sf.n, 3);
	for (int i = 0; i < 3; i++)
		assert_record(&sf.recs[i], &RECS[i]);
	io_sync_free(&sf);
	assert_null(sf.buf);
	io_sync_free(&sf);   /* twice is harmless */
}

/* A file with nothing to carry: no range, no record; --all. */
static void
test_parse_empty(void **state)
{
	(void)state;
	static const char head[] = "NTMSYNC 1\nschema 7\nreplica " A "\n"
		"commune " X " \ncreated 2026-12-06T14:00:00Z\nall 1\n"
		"range " B " 4 4\nrecords 0\n\n";
	size_t len;
	unsigned char *bytes = build(head, NULL, 0, &len);
	struct io_sync_file sf;
	struct ntm_error e = {0};
	assert_int_equal(io_sync_parse("x", bytes, len, &sf, &e), NTM_OK);
	assert_true(sf.h->all);
	assert_string_equal(sf.h->commune, "");
	assert_int_equal(sf.h->nranges, 1);
	assert_int_equal(sf.h->nseen, 0);
	assert_int_equal(sf.n, 0);
	io_sync_free(&sf);
	free(bytes);
}

/* bytes refused, the message naming the file and holding want. */
static void
assert_refused(const unsigned char *bytes, size_t len, const char *want)
{
	struct io_sync_file sf;
	struct ntm_error e = {0};
	int rc = io_sync_parse("hỏng.ntmsync", bytes, len, &sf, &e);
	if (rc != NTM_FAIL || !strstr(e.msg, want) || !strstr(e.msg, "“hỏng.ntmsync”"))
		fail_msg("len %zu: rc %d, “%s”, expected “%s”", len, rc, e.msg, want);
	assert_null(sf.h);
	assert_null(sf.buf);
}

#define NOT_SYNC  "không phải tệp đồng bộ của ntm"
#define CUT       "bị cắt cụt"
#define CHECKSUM  "đã bị thay đổi hoặc hỏng: tổng kiểm SHA-256 không khớp"

static void
test_truncated(void **state)
{
	(void)state;
	size_t len;
	unsigned char *bytes = build(HEAD, RECS, 3, &len);
	for (size_t n = 0; n < len; n++)
		assert_refused(bytes, n, n < 8 ? NOT_SYNC : CUT);
	/* cut inside the sum line, then a newline added: still no sum */
	unsigned char *b = malloc(len);
	memcpy(b, bytes, len - 10);
	b[len - 10] = '\n';
	assert_refused(b, len - 9, CUT);
	free(b);
	free(bytes);
}

static void
test_every_byte_changed(void **state)
{
	(void)state;
	size_t len;
	unsigned char *bytes = build(HEAD, RECS, 3, &len);
	for (size_t i = 0; i < len; i++) {
		for (int bit = 0; bit < 8; bit += 7) {
			bytes[i] ^= (unsigned char)(1 << bit);
			const char *want = i < 8 ? NOT_SYNC
				: i >= len - 73 && i < len - 65 ? CUT
				: i == len - 1 ? CUT : CHECKSUM;
			assert_refused(bytes, len, want);
			bytes[i] ^= (unsigned char)(1 << bit);
		}
	}
	/* a hex digit of the sum in upper case is a mismatch too */
	bytes[len - 2] = 'A';
	assert_refused(bytes, len, CHECKSUM);
	free(bytes);
}

#define CRLF "các dòng kết thúc bằng CR LF"

/* Line ends made CR LF on the way (e-mail, Windows): said so, not "cut". */
static void
test_crlf(void **state)
{
	(void)state;
	size_t len, n = 0;
	unsigned char *bytes = build(HEAD, RECS, 3, &len);
	unsigned char *b = malloc(2 * len + 1);
	for (size_t i = 0; i < len; i++) {
		if (bytes[i] == '\n')
			b[n++] = '\r';
		b[n++] = bytes[i];
	}
	assert_refused(b, n, CRLF);
	assert_refused(b, n, "đính kèm");
	/* only the last line's end changed */
	memcpy(b, bytes, len);
	b[len - 1] = '\r';
	b[len] = '\n';
	assert_refused(b, len + 1, CRLF);
	/* only the first line's */
	memcpy(b, bytes, 9);
	b[9] = '\r';
	memcpy(b + 10, bytes + 9, len - 9);
	assert_refused(b, len + 1, CRLF);
	free(b);
	free(bytes);
}

/* Format 2: an --all file's snapshot after the header, before the
 * records; its length framed like a record's; refused in a format 1
 * file and when it runs past the end. */
#define HEAD2_START "NTMSYNC 2\nschema 8\nreplica " A "\n" \
	"commune " X " Việt Hưng\ncreated 2026-12-06T14:00:00Z\nall 1\n" \
	"range " A " 0 2\nrange " B " 5 6\nrecords 3\n"
static void
test_snapshot(void **state)
{
	(void)state;
	static const char SNAP[] = "{\"shared\":[],\"rows\":[\"\\n\\nrecord\"],"
				   "\"audit\":[]}";
	char head[512];
	snprintf(head, sizeof head, HEAD2_START "snapshot %zu\n\n%s\n",
		 strlen(SNAP), SNAP);
	size_t len;
	unsigned char *bytes = build(head, RECS, 3, &len);
	struct io_sync_file sf;
	struct ntm_error e = {0};
	assert_int_equal(io_sync_parse("x.ntmsync", bytes, len, &sf, &e), NTM_OK);
	free(bytes);
	assert_int_equal(sf.h->format, 2);
	assert_int_equal(sf.h->snapshot_len, strlen(SNAP));
	assert_memory_equal(sf.h->snapshot, SNAP, strlen(SNAP));
	assert_int_equal(sf.n, 3);
	for (int i = 0; i < 3; i++)
		assert_record(&sf.recs[i], &RECS[i]);
	io_sync_free(&sf);
	/* a length past the end of the file */
	snprintf(head, sizeof head, HEAD2_START "snapshot 99999\n\n%s\n", SNAP);
	bytes = build(head, RECS, 0, &len);
	assert_refused(bytes, len, "độ dài của phần dữ liệu toàn xã không khớp");
	free(bytes);
	/* one byte short: the record line is not where it should be */
	snprintf(head, sizeof head, HEAD2_START "snapshot %zu\n\n%s\n",
		 strlen(SNAP) - 1, SNAP);
	bytes = build(head, RECS, 3, &len);
	assert_refused(bytes, len, "dữ liệu toàn xã");
	free(bytes);
	/* no snapshot line in format 1 */
	snprintf(head, sizeof head, "NTMSYNC 1%s", &(HEAD2_START)[9]);
	snprintf(head + strlen(head), sizeof head - strlen(head),
		 "snapshot %zu\n\n%s\n", strlen(SNAP), SNAP);
	bytes = build(head, RECS, 3, &len);
	assert_refused(bytes, len, "một dòng trống");
	free(bytes);
}

static void
test_newer_format(void **state)
{
	(void)state;
	char head[sizeof HEAD + 8];
	snprintf(head, sizeof head, "NTMSYNC 3%s", HEAD + 9);
	size_t len;
	unsigned char *bytes = build(head, RECS, 3, &len);
	static const char WANT[] = "tệp đồng bộ định dạng 3, bản ntm này đọc được "
				   "đến định dạng 2: hãy cập nhật ntm";
	assert_refused(bytes, len, WANT);
	/* said before the checksum or the truncation: a newer format may end
	 * otherwise */
	bytes[len - 5] ^= 1;
	assert_refused(bytes, len, WANT);
	assert_refused(bytes, 40, WANT);
	assert_refused((const unsigned char *)"NTMSYNC 123456789012345678901234\n", 33,
		       "định dạng 123456789012345678901234, bản");
	free(bytes);
}

/* ---- files on disk that are no sync file ------------------------------------ */

static void
write_file(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void
assert_read_refused(const char *path, const char *want)
{
	struct io_sync_file sf;
	struct ntm_error e = {0};
	assert_int_equal(io_sync_read(path, &sf, &e), NTM_FAIL);
	if (!strstr(e.msg, want) || !strstr(e.msg, path))
		fail_msg("%s: “%s”, expected “%s”", path, e.msg, want);
	assert_null(sf.buf);
}

static void
test_not_sync_files(void **state)
{
	(void)state;
	char path[128];
	sqlite3 *db;
	snprintf(path, sizeof path, "%s/ntm.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1)",
				      NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_read_refused(path, NOT_SYNC);
	snprintf(path, sizeof path, "%s/ghi chú.txt", dir);
	write_file(path, "Xin chào, thôn Cự Đình\nNTMSYNC 1\n", 34);
	assert_read_refused(path, NOT_SYNC);
	snprintf(path, sizeof path, "%s/bao-cao.xlsx", dir);
	write_file(path, "PK\x03\x04\x14\0\0\0", 8);
	assert_read_refused(path, NOT_SYNC);
	snprintf(path, sizeof path, "%s/rỗng.ntmsync", dir);
	write_file(path, "", 0);
	assert_read_refused(path, NOT_SYNC);
	snprintf(path, sizeof path, "%s/không có.ntmsync", dir);
	assert_read_refused(path, "không đọc được");
}

/* The limit of the whole-file reader (1024 MB for a sync file), shown
 * with a limit of 1 MB: a byte more is refused, naming the file. */
static void
test_too_big(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/lớn.ntmsync", dir);
	size_t n = (1u << 20) + 1, len = 0;
	char *big = calloc(1, n);
	write_file(path, big, n);
	struct ntm_error e = {0};
	assert_null(io_read_upto(path, 1, &len, &e));
	assert_non_null(strstr(e.msg, "quá lớn (hơn 1 MB)"));
	assert_non_null(strstr(e.msg, path));
	char *got = io_read_upto(path, 2, &len, &e);
	assert_non_null(got);
	assert_int_equal(len, n);
	free(got);
	free(big);
}

/* A file written whole reads back from disk. */
static void
test_read_file(void **state)
{
	(void)state;
	size_t len;
	unsigned char *bytes = build(HEAD, RECS, 3, &len);
	char path[128];
	snprintf(path, sizeof path, "%s/viet-hung.ntmsync", dir);
	write_file(path, bytes, len);
	struct io_sync_file sf;
	struct ntm_error e = {0};
	assert_int_equal(io_sync_read(path, &sf, &e), NTM_OK);
	assert_int_equal(sf.len, len);
	assert_int_equal(sf.n, 3);
	assert_record(&sf.recs[2], &RECS[2]);
	io_sync_free(&sf);
	free(bytes);
}

/* ---- damaged frames behind a good checksum ----------------------------------- */

static void
assert_built_refused(const char *head, const struct rec *r, int n,
		     const char *want)
{
	size_t len;
	unsigned char *bytes = build(head, r, n, &len);
	assert_refused(bytes, len, want);
	free(bytes);
}

static void
test_record_counts(void **state)
{
	(void)state;
	assert_built_refused(HEAD, RECS, 2, "phần đầu ghi 3 bản ghi nhưng tệp chỉ có 2");
	char head[512];
	snprintf(head, sizeof head, HEAD_START
		 "range " A " 0 2\nrange " B " 5 6\nrecords 2\n\n");
	assert_built_refused(head, RECS, 3, "còn dữ liệu sau 2 bản ghi");
	snprintf(head, sizeof head, HEAD_START "range " A " 0 2\nrange " B
		 " 5 6\nrecords 999999999999\n\n");
	assert_built_refused(head, RECS, 3, "phần đầu ghi 999999999999 bản ghi nhưng tệp chỉ có 3");
	/* a seq skipped, repeated, out of its range, from nowhere */
	const struct rec gap[] = {RECS[0], RECS[1], {A, 3, "{}", "", 0, "[]"}};
	assert_built_refused(HEAD, gap, 3, "bản ghi thứ 3 là thay đổi số 3 của bản sao " A ", cần số 2");
	const struct rec again[] = {RECS[0], RECS[0], RECS[1]};
	assert_built_refused(HEAD, again, 3, "bản ghi thứ 2 là thay đổi số 1");
	const struct rec before[] = {RECS[0], {B, 5, "{}", "", 0, "[]"}, RECS[2]};
	assert_built_refused(HEAD, before, 3, "thay đổi số 5 của bản sao " B ", cần số 6");
	const struct rec beyond[] = {RECS[0], RECS[1], RECS[2], {B, 7, "{}", "", 0, "[]"}};
	snprintf(head, sizeof head, HEAD_START "range " A " 0 2\nrange " B
		 " 5 6\nrecords 4\n\n");
	assert_built_refused(head, beyond, 4, "thay đổi số 7 của bản sao " B ", cần số 7");
	const struct rec stranger[] = {RECS[0], {X, 6, "{}", "", 0, "[]"}, RECS[2]};
	assert_built_refused(HEAD, stranger, 3, "đến từ bản sao " X ", không có trong các dòng “range”");
	snprintf(head, sizeof head, HEAD_START "range " A " 0 2\nrange " B
		 " 5 6\nrecords 2\n\n");
	assert_built_refused(head, RECS, 2, "dòng “range” của bản sao " A
			     " ghi đến thay đổi số 2 nhưng tệp chỉ có đến số 1");
	snprintf(head, sizeof head, HEAD_START "range " A " 0 2\nrange " A
		 " 5 6\nrecords 3\n\n");
	assert_built_refused(head, RECS, 3, "bản sao " A " có hai dòng “range”");
	snprintf(head, sizeof head, HEAD_START "range " A " 0 2\nrange " B
		 " 5 6\nseen " B " 1\nseen " B " 2\nrecords 3\n\n");
	assert_built_refused(head, RECS, 3, "bản sao " B " có hai dòng “seen”");
}

static void
assert_body_refused(const char *body, size_t blen, const char *want)
{
	size_t len;
	unsigned char *bytes = with_sum(body, blen, &len);
	assert_refused(bytes, len, want);
	free(bytes);
}

static void
test_record_frames(void **state)
{
	(void)state;
	char body[1024];
	static const char ONE[] = HEAD_START "range " A " 0 1\nrecords 1\n\n";
	int n = snprintf(body, sizeof body, "%srecord " A " 1 2 0 2\n{}[]\n", ONE);
	size_t len;
	unsigned char *good = with_sum(body, (size_t)n, &len);
	struct io_sync_file sf;
	struct ntm_error e = {0};
	assert_int_equal(io_sync_parse("x", good, len, &sf, &e), NTM_OK);
	io_sync_free(&sf);
	free(good);
	n = snprintf(body, sizeof body, "%srecord " A " 1 2 0 3\n{}[]\n", ONE);
	assert_body_refused(body, (size_t)n, "bản ghi thứ 1 dài quá cuối tệp");
	n = snprintf(body, sizeof body, "%srecord " A " 1 2 0 999999999999999999\n{}[]\n", ONE);
	assert_body_refused(body, (size_t)n, "bản ghi thứ 1 dài quá cuối tệp");
	n = snprintf(body, sizeof body, "%srecord " A " 1 1 0 2\n{}[]\n", ONE);
	assert_body_refused(body, (size_t)n, "bản ghi thứ 1 không kết thúc bằng xuống dòng");
#define FRAME(s) {s, sizeof s - 1}
	static const struct {
		const char *s;
		size_t n;
	} BAD[] = {
		FRAME("record " A " 1 2 0\n{}\n"),
		FRAME("record " A " 1 2 0 2 \n{}[]\n"),
		FRAME("record  " A " 1 2 0 2\n{}[]\n"),
		FRAME("record 3FA2C1D0112233445566778899AABBCC 1 2 0 2\n{}[]\n"),
		FRAME("record " A " -1 2 0 2\n{}[]\n"),
		FRAME("record " A " 1 2 0 1234567890123456789\n{}[]\n"),
		FRAME("Record " A " 1 2 0 2\n{}[]\n"),
		FRAME("record " A " 1 2\x00 0 2\n{}[]\n"),
	};
	for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
		n = snprintf(body, sizeof body, "%s", ONE);
		memcpy(body + n, BAD[i].s, BAD[i].n);
		assert_body_refused(body, (size_t)n + BAD[i].n,
				    "bản ghi thứ 1 cần dạng “record MÃ");
	}
}

static void
test_header_lines(void **state)
{
	(void)state;
	static const struct {
		const char *head;
		const char *want;
	} BAD[] = {
		{"NTMSYNC x\n", "dòng 1 của phần đầu cần dạng “NTMSYNC"},
		{"NTMSYNC 0\n", "dòng 1 của phần đầu cần dạng “NTMSYNC"},
		{"NTMSYNC 1 \n", "dòng 1 của phần đầu cần dạng “NTMSYNC"},
		{"NTMSYNC 1\nschema\n", "dòng 2 của phần đầu cần dạng “schema SỐ”"},
		{"NTMSYNC 1\nschema 7\nreplica 3fa2\n", "dòng 3 của phần đầu cần dạng “replica MÃ"},
		{"NTMSYNC 1\nschema 7\nreplica " A "0\n", "dòng 3 của phần đầu cần dạng “replica MÃ"},
		{"NTMSYNC 1\nschema 7\nreplica " A "\ncommune " X "\n", "dòng 4 của phần đầu cần dạng “commune MÃ"},
		{"NTMSYNC 1\nschema 7\nreplica " A "\ncommune " X " Việt\tHưng\n", "dòng 4 của phần đầu"},
		{"NTMSYNC 1\nschema 7\nreplica " A "\ncommune " X " Vi\xff\n", "dòng 4 của phần đầu"},
		{"NTMSYNC 1\nschema 7\nreplica " A "\ncommune " X " V\ncreated hôm qua\n", "dòng 5 của phần đầu cần dạng “created"},
		{"NTMSYNC 1\nschema 7\nreplica " A "\ncommune " X " V\ncreated 2026-12-06T14:00:00Z\nall 2\n", "dòng 6 của phần đầu cần dạng “all 0 hoặc all 1”"},
		{HEAD_START "range " A " 3 2\n", "dòng 7 của phần đầu cần dạng “range MÃ TỪ ĐẾN"},
		{HEAD_START "seen " A " 3\nrange " A " 0 2\n", "dòng 8 của phần đầu cần dạng “seen MÃ SỐ hoặc records SỐ”"},
		{HEAD_START "records 0\n", "dòng 8 của phần đầu cần dạng “(một dòng trống)”"},
		{HEAD_START "records 0\nx\n", "dòng 8 của phần đầu cần dạng “(một dòng trống)”"},
		{HEAD_START "commune " X " V\n", "dòng 7 của phần đầu cần dạng “range"},
		{HEAD_START, "dòng 7 của phần đầu cần dạng “range"},
	};
	for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++)
		assert_body_refused(BAD[i].head, strlen(BAD[i].head), BAD[i].want);
}

/* ---- the name and the writer ------------------------------------------------- */

static void
test_default_name(void **state)
{
	(void)state;
	char *n = io_sync_default_name("Việt Hưng", A, "2026-12-06");
	assert_string_equal(n, "viet-hung-3fa2c1d0-2026-12-06.ntmsync");
	free(n);
	n = io_sync_default_name("Xã Đồng  Tâm (2)", "ab", "2026-01-02");
	assert_string_equal(n, "xa-dong-tam-2-ab-2026-01-02.ntmsync");
	free(n);
	n = io_sync_default_name(NULL, A, "2026-12-06");
	assert_string_equal(n, "xa-3fa2c1d0-2026-12-06.ntmsync");
	free(n);
}

/* Nothing is left where the export failed: no file, no temporary. */
static size_t
files_in(const char *folder)
{
	char pattern[192];
	glob_t g;
	snprintf(pattern, sizeof pattern, "%s/*", folder);
	size_t n = glob(pattern, 0, NULL, &g) == 0 ? g.gl_pathc : 0;
	globfree(&g);
	return n;
}

static void
test_export_refusals(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_sync_export_opts o = {0};
	struct io_sync_written w = {1, 1, 1};
	/* never over a database, least of all the one open */
	assert_int_equal(io_sync_export(f->st, &o, f->path, &w, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "là một cơ sở dữ liệu"));
	assert_int_equal(w.records, 0);
	char path[192];
	snprintf(path, sizeof path, "%s/không có/x.ntmsync", f->dir);
	assert_int_equal(io_sync_export(f->st, &o, path, &w, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "không ghi được vào thư mục"));
	size_t before = files_in(f->dir);
	snprintf(path, sizeof path, "%s/x.ntmsync", f->dir);
	if (io_sync_export(f->st, &o, path, &w, &e) != NTM_OK)
		assert_int_equal(files_in(f->dir), before);
}

/* Through the file: a laptop's values exported with io_sync_export, read
 * back whole, and applied to the office's copy; then nothing is left to
 * send. */
static void
test_export_read_apply(void **state)
{
	struct fixture *f = *state;
	char lap_path[192], file[192];
	snprintf(lap_path, sizeof lap_path, "%s/lap.db", f->dir);
	snprintf(file, sizeof file, "%s/viet-hung.ntmsync", f->dir);
	char cmd[512];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", f->path, lap_path);
	assert_int_equal(system(cmd), 0);
	struct store_options opt = {.person = "Lê Chi"};
	struct store *lap;
	struct ntm_error e = {0};
	struct store_indicator_ref ind;
	assert_int_equal(store_open(&lap, lap_path, &opt, &e), NTM_OK);
	assert_int_equal(store_use_commune(lap, NULL, &e), NTM_OK);
	assert_int_equal(store_indicator_find(lap, "12.2", &ind, &e), NTM_OK);
	assert_int_equal(store_measurement_add(lap, &ind, 91, "2024-06-01", "thôn\nCự Đình", &e), NTM_OK);
	assert_int_equal(store_measurement_add(lap, &ind, 92, "2024-06-02", NULL, &e), NTM_OK);

	struct store_sync_export_opts o = {0};
	struct io_sync_written w;
	assert_int_equal(io_sync_export(lap, &o, file, &w, &e), NTM_OK);
	assert_int_equal(w.records, 2);
	assert_int_equal(w.nranges, 1);
	struct stat sb;
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_size, w.bytes);

	struct io_sync_file sf;
	assert_int_equal(io_sync_read(file, &sf, &e), NTM_OK);
	assert_string_equal(sf.h->replica, store_replica_id(lap));
	assert_string_equal(sf.h->ranges[0].origin, store_replica_id(lap));
	assert_int_equal(sf.h->ranges[0].to - sf.h->ranges[0].from, 2);
	assert_string_equal(sf.h->commune, "Việt Hưng");
	assert_int_equal(sf.n, 2);
	assert_true(sf.recs[0].changes_len > 0);
	char *audit = strndup(sf.recs[0].audit, sf.recs[0].audit_len);
	assert_non_null(strstr(audit, "Lê Chi"));
	free(audit);
	struct store_sync_result res;
	assert_int_equal(store_sync_apply(f->st, sf.h, sf.recs, sf.n, false, &res, &e), NTM_OK);
	assert_int_equal(res.applied, 2);
	io_sync_free(&sf);
	assert_int_equal(query(f->path, "SELECT count(*) FROM measurement WHERE value IN (91, 92)", NULL), 2);

	/* exported: the next file carries nothing */
	assert_int_equal(io_sync_export(lap, &o, file, &w, &e), NTM_OK);
	assert_int_equal(w.records, 0);
	assert_int_equal(io_sync_read(file, &sf, &e), NTM_OK);
	assert_int_equal(sf.n, 0);
	io_sync_free(&sf);
	store_close(lap);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_sha256_streaming),
		cmocka_unit_test(test_parse_fields),
		cmocka_unit_test(test_parse_empty),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_every_byte_changed),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_newer_format),
		cmocka_unit_test(test_snapshot),
		cmocka_unit_test(test_not_sync_files),
		cmocka_unit_test(test_too_big),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_record_counts),
		cmocka_unit_test(test_record_frames),
		cmocka_unit_test(test_header_lines),
		cmocka_unit_test(test_default_name),
		cmocka_unit_test_setup_teardown(test_export_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_read_apply, setup, teardown),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
