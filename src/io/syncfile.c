/* The sync file (doc/sync.md, "The file"): text header lines, a blank
 * line, framed records (meta JSON, the changeset, audit JSON), and a last
 * line with the SHA-256 of every byte before it. The writer hashes while
 * it writes through an io_file; the reader checks the magic, the format,
 * the last line and the checksum before it trusts any length, then the
 * header and every record's frame. What the records mean (schema,
 * commune, gaps) is the store's to check. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "names.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/syncdoc.h"
#include "ntm/text.h"
#include "records.h"
#include "sha256.h"

enum {
	MAX_MB = 1024,            /* a bigger file is refused unread */
	MAGIC_LEN = 8,            /* "NTMSYNC " */
	SUM_LEN = 72,             /* "sha256 " + 64 hex + "\n" */
	MAX_DIGITS = 18,          /* every number fits a long long */
};
static const char MAGIC[] = "NTMSYNC ";
static const char SUM[] = "sha256 ";

/* ---- the default name ----------------------------------------------------- */

char *
io_sync_default_name(const char *commune, const char *replica,
		     const char *date)
{
	char *part = io_name_part(commune);
	char rep[9] = "";
	for (int i = 0; replica && i < 8 && replica[i]; i++)
		rep[i] = replica[i];
	size_t n = (part ? strlen(part) : 2) + strlen(rep) +
		   (date ? strlen(date) : 0) + 16;
	char *name = malloc(n);
	if (name)
		snprintf(name, n, "%s%s%s%s%s.ntmsync", part ? part : "xa",
			 *rep ? "-" : "", rep, date && *date ? "-" : "",
			 date ? date : "");
	free(part);
	return name;
}

/* ---- writing -------------------------------------------------------------- */

struct writer {
	struct io_file f;
	struct sha256 sha;
	long long bytes, records;
	struct ntm_sync_header *h;   /* a copy, for store_sync_exported */
	struct arena a;
};

static int
put(struct writer *w, const void *p, size_t n, struct ntm_error *e)
{
	if (n && fwrite(p, 1, n, w->f.f) != n)
		return ntm_fail(e, NTM_FAIL, MSG_IO_WRITE, w->f.path,
				ntm_errno_text(errno ? errno : EIO));
	sha256_update(&w->sha, p, n);
	w->bytes += (long long)n;
	return NTM_OK;
}

static int putf(struct writer *w, struct ntm_error *e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
putf(struct writer *w, struct ntm_error *e, const char *fmt, ...)
{
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof line)
		return ntm_fail(e, NTM_FAIL, MSG_IO_MEMORY, w->f.path);
	return put(w, line, (size_t)n, e);
}

/* The header as the store gave it, kept past the store's call. */
static struct ntm_sync_header *
header_copy(struct arena *a, const struct ntm_sync_header *h)
{
	struct ntm_sync_header *c = arena_alloc(a, sizeof *c);
	*c = *h;
	c->format = NTM_SYNC_FORMAT;
	c->commune = arena_strdup(a, h->commune ? h->commune : "");
	c->snapshot = NULL;      /* written by put_header, not kept */
	c->created_at = arena_strdup(a, h->created_at ? h->created_at : "");
	c->ranges = arena_alloc(a, sizeof *c->ranges * (size_t)(h->nranges + 1));
	if (h->nranges > 0)
		memcpy(c->ranges, h->ranges, sizeof *c->ranges * (size_t)h->nranges);
	c->seen = arena_alloc(a, sizeof *c->seen * (size_t)(h->nseen + 1));
	if (h->nseen > 0)
		memcpy(c->seen, h->seen, sizeof *c->seen * (size_t)h->nseen);
	return c;
}

/* "commune ID NAME": the name on one line, every control character a
 * space. */
static int
put_commune(struct writer *w, const struct ntm_sync_header *h,
	    struct ntm_error *e)
{
	char *name = arena_strdup(&w->a, h->commune);
	for (char *p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	int rc = putf(w, e, "commune %s ", h->commune_id);
	if (rc == NTM_OK)
		rc = put(w, name, strlen(name), e);
	return rc == NTM_OK ? put(w, "\n", 1, e) : rc;
}

static int
put_header(struct writer *w, const struct ntm_sync_header *h,
	   struct ntm_error *e)
{
	int rc = putf(w, e, "NTMSYNC %d\nschema %d\nreplica %s\n",
		      h->snapshot ? NTM_SYNC_FORMAT : 1, h->schema, h->replica);
	if (rc == NTM_OK)
		rc = put_commune(w, h, e);
	if (rc == NTM_OK)
		rc = putf(w, e, "created %.200s\nall %d\n", h->created_at,
			  h->all ? 1 : 0);
	for (int i = 0; rc == NTM_OK && i < h->nranges; i++)
		rc = putf(w, e, "range %s %lld %lld\n", h->ranges[i].origin,
			  h->ranges[i].from, h->ranges[i].to);
	for (int i = 0; rc == NTM_OK && i < h->nseen; i++)
		rc = putf(w, e, "seen %s %lld\n", h->seen[i].replica,
			  h->seen[i].seq);
	if (rc == NTM_OK)
		rc = putf(w, e, "records %lld\n", h->nrecords);
	if (rc == NTM_OK && h->snapshot)
		rc = putf(w, e, "snapshot %zu\n", h->snapshot_len);
	if (rc == NTM_OK)
		rc = put(w, "\n", 1, e);
	if (rc == NTM_OK && h->snapshot)
		rc = put(w, h->snapshot, h->snapshot_len, e);
	return rc == NTM_OK && h->snapshot ? put(w, "\n", 1, e) : rc;
}

static int
put_record(struct writer *w, const struct ntm_sync_record *r,
	   struct ntm_error *e)
{
	int rc = putf(w, e, "record %s %lld %zu %zu %zu\n", r->origin, r->seq,
		      r->meta_len, r->changes_len, r->audit_len);
	if (rc == NTM_OK)
		rc = put(w, r->meta, r->meta_len, e);
	if (rc == NTM_OK)
		rc = put(w, r->changes, r->changes_len, e);
	if (rc == NTM_OK)
		rc = put(w, r->audit, r->audit_len, e);
	if (rc == NTM_OK)
		rc = put(w, "\n", 1, e);
	w->records++;
	return rc;
}

static int
emit(void *ctx, const struct ntm_sync_header *h,
     const struct ntm_sync_record *r, struct ntm_error *e)
{
	struct writer *w = ctx;
	if (h && !w->h) {
		w->h = header_copy(&w->a, h);
		return put_header(w, h, e);
	}
	if (!h && r && w->h)
		return put_record(w, r, e);
	return ntm_fail(e, NTM_FAIL, MSG_SYNC_NO_HEADER, w->f.path);
}

/* The last line, once every record is written. */
static int
put_sum(struct writer *w, struct ntm_error *e)
{
	if (!w->h)
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_NO_HEADER, w->f.path);
	if (w->records != w->h->nrecords)
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_INTERNAL, w->f.path,
				w->records, w->h->nrecords);
	unsigned char d[32];
	char line[SUM_LEN + 1];
	sha256_final(&w->sha, d);
	memcpy(line, SUM, sizeof SUM - 1);
	sha256_hex(d, line + sizeof SUM - 1);
	line[SUM_LEN - 1] = '\n';
	if (fwrite(line, 1, SUM_LEN, w->f.f) != SUM_LEN)
		return ntm_fail(e, NTM_FAIL, MSG_IO_WRITE, w->f.path,
				ntm_errno_text(errno ? errno : EIO));
	w->bytes += SUM_LEN;
	return NTM_OK;
}

int
io_sync_export(struct store *st, const struct store_sync_export_opts *o,
	       const char *path, struct io_sync_written *out,
	       struct ntm_error *e)
{
	struct writer w = {0};
	if (out)
		*out = (struct io_sync_written){0};
	int rc = io_file_open(&w.f, path, e);
	if (rc != NTM_OK)
		return rc;
	sha256_init(&w.sha);
	rc = store_sync_export(st, o, emit, &w, e);
	if (rc == NTM_OK)
		rc = put_sum(&w, e);
	if (rc != NTM_OK)
		io_file_abort(&w.f);
	else
		rc = io_file_commit(&w.f, e);
	if (rc == NTM_OK)
		rc = store_sync_exported(st, w.h, e);
	if (rc == NTM_OK && out)
		*out = (struct io_sync_written){w.records, w.bytes, w.h->nranges};
	arena_free(&w.a);
	return rc;
}

/* ---- reading: the frame ---------------------------------------------------- */

/* The format number after the magic: refused when newer than this ntm
 * reads (a number too long to read is newer too). A line that is no
 * number is left to the header's check, after the checksum. */
static int
check_format(const char *name, const unsigned char *buf, size_t len,
	     struct ntm_error *e)
{
	size_t n = 0;
	long long v = 0;
	while (MAGIC_LEN + n < len && buf[MAGIC_LEN + n] >= '0' &&
	       buf[MAGIC_LEN + n] <= '9') {
		if (n < MAX_DIGITS)
			v = v * 10 + (buf[MAGIC_LEN + n] - '0');
		n++;
	}
	if (n > 0 && (n > 9 || v > NTM_SYNC_FORMAT))
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_NEWER, name,
				n > 40 ? 40 : (int)n, (const char *)buf + MAGIC_LEN,
				NTM_SYNC_FORMAT);
	return NTM_OK;
}

/* Line ends made CR LF on the way (e-mail, a Windows program): the
 * magic line or the last one ends in "\r\n", which ntm never writes. */
static bool
crlf(const unsigned char *buf, size_t len)
{
	size_t n = MAGIC_LEN;
	while (n < len && buf[n] >= '0' && buf[n] <= '9')
		n++;
	bool first = n + 1 < len && buf[n] == '\r' && buf[n + 1] == '\n';
	return first || (len >= 2 && buf[len - 2] == '\r' && buf[len - 1] == '\n');
}

/* Magic, format, CR LF line ends, the last line, the checksum: in this
 * order, before any length in the file is trusted. */
static int
check_frame(const char *name, const unsigned char *buf, size_t len,
	    struct ntm_error *e)
{
	if (len < MAGIC_LEN || memcmp(buf, MAGIC, MAGIC_LEN) != 0)
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_NOT_SYNC, name);
	int rc = check_format(name, buf, len, e);
	if (rc != NTM_OK)
		return rc;
	if (crlf(buf, len))
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_CRLF, name);
	if (len < SUM_LEN + MAGIC_LEN + 1 || buf[len - 1] != '\n' ||
	    buf[len - SUM_LEN - 1] != '\n' ||
	    memcmp(buf + len - SUM_LEN, SUM, sizeof SUM - 1) != 0)
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_TRUNCATED, name);
	char hex[65];
	io_sha256_hex(buf, len - SUM_LEN, hex);
	if (memcmp(hex, buf + len - SUM_LEN + sizeof SUM - 1, 64) != 0)
		return ntm_fail(e, NTM_FAIL, MSG_SYNC_CHECKSUM, name);
	return NTM_OK;
}

/* ---- reading: words of a line ---------------------------------------------- */

/* One line of the body, its end at the '\n' (not included). */
struct cur {
	const char *s, *end;
};

static bool
lit(struct cur *c, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(c->end - c->s) < n || memcmp(c->s, w, n) != 0)
		return false;
	c->s += n;
	return true;
}

static bool
num(struct cur *c, long long *v)
{
	int n = 0;
	*v = 0;
	for (; c->s < c->end && *c->s >= '0' && *c->s <= '9'; c->s++, n++)
		if (n < MAX_DIGITS)
			*v = *v * 10 + (*c->s - '0');
	return n > 0 && n <= MAX_DIGITS;
}

static bool
hexid(struct cur *c, char out[NTM_SYNC_ID_LEN])
{
	if (c->end - c->s < NTM_SYNC_ID_LEN - 1)
		return false;
	for (int i = 0; i < NTM_SYNC_ID_LEN - 1; i++) {
		char x = c->s[i];
		if (!((x >= '0' && x <= '9') || (x >= 'a' && x <= 'f')))
			return false;
		out[i] = x;
	}
	out[NTM_SYNC_ID_LEN - 1] = '\0';
	c->s += NTM_SYNC_ID_LEN - 1;
	return true;
}

static bool
ended(const struct cur *c)
{
	return c->s == c->end;
}

/* ---- reading: the header ---------------------------------------------------- */

struct parse {
	const char *name;
	const char *p, *end;         /* the body not read yet (before the sum) */
	int line;
	struct arena *a;
	struct ntm_sync_header *h;
	struct ntm_error *e;
};

/* The next line; false when no '\n' is left before the sum. */
static bool
next_line(struct parse *ps, struct cur *c)
{
	const char *nl = memchr(ps->p, '\n', (size_t)(ps->end - ps->p));
	ps->line++;
	if (!nl)
		return false;
	*c = (struct cur){ps->p, nl};
	ps->p = nl + 1;
	return true;
}

static int
bad_line(struct parse *ps, const char *want)
{
	return ntm_fail(ps->e, NTM_FAIL, MSG_SYNC_HEADER, ps->name, ps->line, want);
}

/* The text after the cursor to the end of the line, in the arena: valid
 * UTF-8 with no control character; NULL when not. */
static const char *
rest(struct parse *ps, struct cur *c)
{
	for (const char *p = c->s; p < c->end; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return NULL;
	size_t n = (size_t)(c->end - c->s);
	char *s = arena_alloc(ps->a, n + 1);
	memcpy(s, c->s, n);
	return text_check(s, false, NULL) == TEXT_BAD_UTF8 ? NULL : s;
}

/* "created 2026-12-06T14:00:00Z": a date, then letters, digits and
 * ":.+-" (fractions of a second and zones are the store's business). */
static const char *
created(struct parse *ps, struct cur *c)
{
	static const char DATE[] = "dddd-dd-dd";
	const char *s = rest(ps, c);
	if (!s || strlen(s) < sizeof DATE - 1 || strlen(s) > 40)
		return NULL;
	for (size_t i = 0; s[i]; i++) {
		bool digit = s[i] >= '0' && s[i] <= '9';
		if (i < sizeof DATE - 1 ? (DATE[i] == 'd') != digit ||
					  (!digit && s[i] != '-')
					: !(digit || (s[i] >= 'A' && s[i] <= 'Z') ||
					    strchr(":.+-", s[i])))
			return NULL;
	}
	return s;
}

static bool
head_fixed(struct parse *ps, struct ntm_sync_header *h, const char **want)
{
	struct cur c;
	long long v;
	*want = TXT_SYNC_L_FORMAT;
	if (!next_line(ps, &c) || !lit(&c, MAGIC) || !num(&c, &v) ||
	    !ended(&c) || v < 1 || v > NTM_SYNC_FORMAT)
		return false;
	h->format = (int)v;
	*want = TXT_SYNC_L_SCHEMA;
	if (!next_line(ps, &c) || !lit(&c, "schema ") || !num(&c, &v) ||
	    !ended(&c) || v < 1 || v > 1000000)
		return false;
	h->schema = (int)v;
	*want = TXT_SYNC_L_REPLICA;
	if (!next_line(ps, &c) || !lit(&c, "replica ") || !hexid(&c, h->replica) ||
	    !ended(&c))
		return false;
	*want = TXT_SYNC_L_COMMUNE;
	if (!next_line(ps, &c) || !lit(&c, "commune ") ||
	    !hexid(&c, h->commune_id) || !lit(&c, " ") || !(h->commune = rest(ps, &c)))
		return false;
	*want = TXT_SYNC_L_CREATED;
	if (!next_line(ps, &c) || !lit(&c, "created ") ||
	    !(h->created_at = created(ps, &c)))
		return false;
	*want = TXT_SYNC_L_ALL;
	if (!next_line(ps, &c) || !lit(&c, "all ") || !num(&c, &v) ||
	    !ended(&c) || v > 1)
		return false;
	h->all = v == 1;
	return true;
}

static int
cmp_id(const void *x, const void *y)
{
	return memcmp(x, y, NTM_SYNC_ID_LEN - 1);
}

/* Every origin once: the ids, copied and sorted. The ranges' stay sorted
 * for the records' look-ups (*sorted). */
static int
check_unique(struct parse *ps, const void *items, int n, size_t size,
	     const char *what, void **sorted)
{
	char *ids = arena_alloc(ps->a, (size_t)(n + 1) * NTM_SYNC_ID_LEN);
	for (int i = 0; i < n; i++)
		memcpy(ids + (size_t)i * NTM_SYNC_ID_LEN,
		       (const char *)items + (size_t)i * size, NTM_SYNC_ID_LEN);
	qsort(ids, (size_t)n, NTM_SYNC_ID_LEN, cmp_id);
	for (int i = 1; i < n; i++)
		if (cmp_id(ids + (size_t)(i - 1) * NTM_SYNC_ID_LEN,
			   ids + (size_t)i * NTM_SYNC_ID_LEN) == 0)
			return ntm_fail(ps->e, NTM_FAIL, MSG_SYNC_TWICE, ps->name,
					ids + (size_t)i * NTM_SYNC_ID_LEN, what);
	if (sorted)
		*sorted = ids;
	return NTM_OK;
}

/* range…, seen…, records N, the blank line. */
static int
head_lists(struct parse *ps, struct ntm_sync_header *h)
{
	size_t rcap = 0, scap = 0;
	struct cur c;
	long long v;
	for (;;) {
		const char *want = h->nseen ? TXT_SYNC_L_SEEN : TXT_SYNC_L_RANGE;
		if (!next_line(ps, &c))
			return bad_line(ps, want);
		if (!h->nseen && lit(&c, "range ")) {
			h->ranges = arena_grow(ps->a, h->ranges, (size_t)h->nranges,
					       &rcap, sizeof *h->ranges);
			struct ntm_sync_range *r = &h->ranges[h->nranges++];
			if (!hexid(&c, r->origin) || !lit(&c, " ") || !num(&c, &r->from) ||
			    !lit(&c, " ") || !num(&c, &r->to) || !ended(&c) ||
			    r->to < r->from)
				return bad_line(ps, want);
		} else if (lit(&c, "seen ")) {
			h->seen = arena_grow(ps->a, h->seen, (size_t)h->nseen, &scap,
					     sizeof *h->seen);
			struct ntm_sync_seq *s = &h->seen[h->nseen++];
			if (!hexid(&c, s->replica) || !lit(&c, " ") ||
			    !num(&c, &s->seq) || !ended(&c))
				return bad_line(ps, want);
		} else if (lit(&c, "records ") && num(&c, &v) && ended(&c)) {
			h->nrecords = v;
			break;
		} else {
			return bad_line(ps, want);
		}
	}
	if (!next_line(ps, &c))
		return bad_line(ps, TXT_SYNC_L_BLANK);
	long long len = -1;
	if (h->format >= 2 && lit(&c, "snapshot ") && (!num(&c, &len) ||
						       !ended(&c)))
		return bad_line(ps, TXT_SYNC_L_SNAPSHOT);
	if (len >= 0 && !next_line(ps, &c))
		return bad_line(ps, TXT_SYNC_L_BLANK);
	if (!ended(&c))
		return bad_line(ps, TXT_SYNC_L_BLANK);
	if (len < 0)
		return NTM_OK;
	if (len >= ps->end - ps->p || ps->p[len] != '\n')
		return ntm_fail(ps->e, NTM_FAIL, MSG_SYNC_SNAPSHOT_LEN, ps->name);
	h->snapshot = ps->p;
	h->snapshot_len = (size_t)len;
	ps->p += len + 1;
	return NTM_OK;
}

/* ---- reading: the records ------------------------------------------------------ */

/* Per range (in the sorted order of check_unique): its index in the
 * header and the next seq its origin must bring. */
struct origins {
	char *ids;                   /* sorted, NTM_SYNC_ID_LEN apart */
	int *at;
	long long *next;
	int n;
};

static int
origins_make(struct parse *ps, struct origins *o)
{
	const struct ntm_sync_header *h = ps->h;
	void *ids = NULL;
	int rc = check_unique(ps, h->ranges, h->nranges, sizeof *h->ranges,
			      "range", &ids);
	if (rc == NTM_OK)
		rc = check_unique(ps, h->seen, h->nseen, sizeof *h->seen, "seen",
				  NULL);
	if (rc != NTM_OK)
		return rc;
	o->ids = ids;
	o->n = h->nranges;
	o->at = arena_alloc(ps->a, sizeof *o->at * (size_t)(o->n + 1));
	o->next = arena_alloc(ps->a, sizeof *o->next * (size_t)(o->n + 1));
	for (int i = 0; i < o->n; i++) {
		for (int j = 0; j < h->nranges; j++)
			if (cmp_id(o->ids + (size_t)i * NTM_SYNC_ID_LEN,
				   h->ranges[j].origin) == 0)
				o->at[i] = j;
		o->next[i] = h->ranges[o->at[i]].from + 1;
	}
	return NTM_OK;
}

/* The place of origin among the sorted ranges, or -1. */
static int
origins_find(const struct origins *o, const char *origin)
{
	const char *p = bsearch(origin, o->ids, (size_t)o->n, NTM_SYNC_ID_LEN,
				cmp_id);
	return p ? (int)((p - o->ids) / NTM_SYNC_ID_LEN) : -1;
}

/* "record ORIGIN SEQ M C A" and its bytes; k counts from 1. */
static int
record(struct parse *ps, struct origins *o, long long k,
       struct ntm_sync_record *r)
{
	struct cur c;
	long long m, ch, au;
	if (!next_line(ps, &c) || !lit(&c, "record ") || !hexid(&c, r->origin) ||
	    !lit(&c, " ") || !num(&c, &r->seq) || !lit(&c, " ") || !num(&c, &m) ||
	    !lit(&c, " ") || !num(&c, &ch) || !lit(&c, " ") || !num(&c, &au) ||
	    !ended(&c))
		return ntm_fail(ps->e, NTM_FAIL, MSG_SYNC_REC_FRAME, ps->name, k);
	long long left = ps->end - ps->p;
	if (m > left || ch > left - m || au > left - m - ch || left - m - ch - au < 1)
		return ntm_fail(ps->e, NTM_FAIL, MSG_SYNC_REC_LEN, ps->name, k);
	r->meta = ps->p;
	r->meta_len = (size_t)m;
	r->changes = (const unsigned char *)ps->p + m;
	r->changes_len = (size_t)ch;
	r->audit = ps->p + m + ch;
	r->audit_len = (size_t)au;
	ps->p += m + ch + au;
	if (*ps->p++ != '\n')
		return ntm_fail(ps->e, NTM_FAIL, MSG_SYNC_REC_END, ps->name, k);
	int i = origins_find(o, r->origin);
	if (i < 0)
		return ntm_fail(ps->e, NTM_FAIL, MSG_SYNC_REC_ORIGIN, ps->name, k,
				r->origin);
	if (r->seq != o->next[i] || r->seq > ps->h->ranges[o->at[i]].to)
		return ntm_fail(ps->e, NTM_FAIL, MSG_SYNC_REC_SEQ, ps->name, k,
				r->seq, r->origin, o->next[i]);
	o->next[i]++;
	return NTM_OK;
}

static int
records(struct parse *ps, struct io_sync_file *out)
{
	struct origins o = {0};
	int rc = origins_make(ps, &o);
	size_t cap = 0;
	long long n = 0;
	for (; rc == NTM_OK && n < ps->h->nrecords; n++) {
		if (ps->p == ps->end)
			return ntm_fail(ps->e, NTM_FAIL, MSG_SYNC_COUNT, ps->name,
					ps->h->nrecords, n);
		out->recs = arena_grow(ps->a, out->recs, (size_t)n, &cap,
				       sizeof *out->recs);
		rc = record(ps, &o, n + 1, &out->recs[n]);
	}
	if (rc != NTM_OK)
		return rc;
	if (ps->p != ps->end)
		return ntm_fail(ps->e, NTM_FAIL, MSG_SYNC_EXTRA, ps->name, n);
	for (int i = 0; i < o.n; i++) {
		const struct ntm_sync_range *r = &ps->h->ranges[o.at[i]];
		if (o.next[i] != r->to + 1)
			return ntm_fail(ps->e, NTM_FAIL, MSG_SYNC_RANGE_SHORT,
					ps->name, r->origin, r->to, o.next[i] - 1);
	}
	out->n = n;
	return NTM_OK;
}

/* ---- reading: the whole ------------------------------------------------------- */

/* Takes buf (malloc'd, len bytes and a NUL after them) into out. */
static int
parse_owned(const char *name, unsigned char *buf, size_t len,
	    struct io_sync_file *out, struct ntm_error *e)
{
	*out = (struct io_sync_file){.buf = buf, .len = len};
	int rc = check_frame(name, buf, len, e);
	struct parse ps = {
		.name = name, .p = (const char *)buf,
		.end = (const char *)buf + (len >= SUM_LEN ? len - SUM_LEN : 0),
		.a = &out->a, .e = e,
	};
	const char *want = NULL;
	if (rc == NTM_OK) {
		ps.h = out->h = arena_alloc(&out->a, sizeof *out->h);
		if (!head_fixed(&ps, ps.h, &want))
			rc = bad_line(&ps, want);
	}
	if (rc == NTM_OK)
		rc = head_lists(&ps, ps.h);
	if (rc == NTM_OK)
		rc = records(&ps, out);
	if (rc != NTM_OK)
		io_sync_free(out);
	return rc;
}

int
io_sync_parse(const char *name, const unsigned char *buf, size_t len,
	      struct io_sync_file *out, struct ntm_error *e)
{
	unsigned char *copy = malloc(len + 1);
	if (!copy) {
		*out = (struct io_sync_file){0};
		return ntm_fail(e, NTM_FAIL, MSG_IO_MEMORY, name);
	}
	if (len)
		memcpy(copy, buf, len);
	copy[len] = '\0';
	return parse_owned(name, copy, len, out, e);
}

int
io_sync_read(const char *path, struct io_sync_file *out, struct ntm_error *e)
{
	size_t len = 0;
	*out = (struct io_sync_file){0};
	char *buf = io_read_upto(path, MAX_MB, &len, e);
	if (!buf)
		return e ? e->code : NTM_FAIL;
	unsigned char *owned = realloc(buf, len + 1);
	if (!owned) {
		free(buf);
		return ntm_fail(e, NTM_FAIL, MSG_IO_MEMORY, path);
	}
	owned[len] = '\0';
	return parse_owned(io_file_shown(path), owned, len, out, e);
}

void
io_sync_free(struct io_sync_file *f)
{
	if (!f)
		return;
	free(f->buf);
	arena_free(&f->a);
	*f = (struct io_sync_file){0};
}
