/* The lexer of ntm's record text formats (plan text, man 5 ntm-plan;
 * criteria text, man 5 ntm-criteria): internal to src/io. It prepares the
 * text (BOM, CRLF, UTF-8 without control characters, NFC) and hands the
 * reader one item at a time — a [section], a "Key: value" field with its
 * continuation lines joined, the end of a record — refusing a malformed
 * line as "FILE:LINE: …". What the keys and sections mean is the
 * reader's. */
#ifndef NTM_IO_RECORDS_H
#define NTM_IO_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct ntm_error;

enum rec_what {
	REC_DONE,      /* the end of the text (a REC_END came before it) */
	REC_SECTION,   /* a "[…]" line (a REC_END came before it) */
	REC_FIELD,     /* a "Key: value" line and its continuation lines */
	REC_END,       /* the record above is over: a blank line */
};

struct rec_item {
	enum rec_what what;
	int line;          /* of the header, the key; DONE: the last line */
	const char *text;  /* SECTION: inside the brackets, trimmed; FIELD:
			    * the value after the blanks that follow ':',
			    * its continuation lines joined with '\n' */
	const char *key;   /* FIELD: the key as written, trimmed */
	int k;             /* FIELD: the key's index in the reader's table,
			    * -1 when none matches */
	int more;          /* FIELD: line of its first continuation; 0: none */
};

/* The caller sets name, a, e, keys and nkeys; the rest is the lexer's. */
struct rec_reader {
	const char *name;            /* of the file, for messages */
	struct arena *a;
	struct ntm_error *e;
	const char *const *keys;     /* the reader's keys, as written: */
	int nkeys;                   /* compared folded (accents, case optional) */
	const char **folded;
	char *next;                  /* the text not read yet; NULL: the end */
	int line;                    /* of the line read last */
	bool ended;                  /* the record is over */
};

/* Reads text (len bytes, UTF-8; a BOM and CRLF accepted) and hands each
 * item to on(ctx, item), the last one REC_DONE; stops at the first
 * refusal, the lexer's (a line that is no item) or on's. */
int rec_read(struct rec_reader *r, const char *text, size_t len,
	     int (*on)(void *ctx, const struct rec_item *item), void *ctx);
/* Refuses (NTM_USAGE) as "NAME:LINE: what". */
int rec_fail(struct rec_reader *r, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* s cut to 60 characters with "…", for echoing in a message. */
const char *rec_shown(struct arena *a, const char *s);
/* s without blanks (space, tab) around it, in a. */
char *rec_trimmed(struct arena *a, const char *s, size_t len);
/* Whether x and y are the same folded (accents and case dropped). */
bool rec_same(struct arena *a, const char *x, const char *y);

/* The whole file (path "-": standard input), malloc'ed, up to 16 MB; NULL
 * with a Vietnamese message naming the file when it cannot be read. */
char *io_read_whole(const char *path, size_t *len, struct ntm_error *e);
/* The same up to max_mb MB. */
char *io_read_upto(const char *path, int max_mb, size_t *len,
		   struct ntm_error *e);

#endif
