/* The lexer of the record text formats (see records.h): one rule for
 * both, documented in man 5 ntm-plan and man 5 ntm-criteria. '#' in the
 * first column starts a comment line; a line of blanks ends a record; a
 * line starting with a space or tab goes on with the value above, on a
 * new line of it, one blank dropped (" ." is an empty line, a line of
 * dots loses one dot; a key with nothing after ':' takes its first
 * continuation as its first line); "[…]" opens a section; anything else
 * is "Key: value". */
#include "msg.h"
#include "records.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/arena.h"
#include "ntm/error.h"
#include "ntm/io.h"
#include "ntm/text.h"

enum { MAX_FILE_MB = 16, MAX_SHOWN = 60 };

int
rec_fail(struct rec_reader *r, int line, const char *fmt, ...)
{
	char what[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	return ntm_fail(r->e, NTM_USAGE, MSG_REC_AT, r->name, line, what);
}

const char *
rec_shown(struct arena *a, const char *s)
{
	size_t chars = 0, i = 0;
	for (; s[i] && chars <= MAX_SHOWN; i++)
		chars += ((unsigned char)s[i] & 0xc0) != 0x80;
	if (!s[i] && chars <= MAX_SHOWN)
		return s;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	char *out = arena_alloc(a, i + sizeof "…");
	memcpy(out, s, i);
	memcpy(out + i, "…", sizeof "…");
	return out;
}

char *
rec_trimmed(struct arena *a, const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	char *out = arena_alloc(a, len + 1);
	memcpy(out, s, len);
	return out;
}

static const char *
folded(struct arena *a, const char *s)
{
	char *f = text_fold(s);
	const char *out = arena_strdup(a, f ? f : s);
	free(f);
	return out;
}

bool
rec_same(struct arena *a, const char *x, const char *y)
{
	return strcmp(folded(a, x), folded(a, y)) == 0;
}

/* ---- the text ------------------------------------------------------------- */

static int
line_of(const char *s, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

/* The text without BOM, CRLF as LF, checked (UTF-8 with no control
 * character but tab and newline), NFC, NUL-terminated, in the arena. */
static int
prepare(struct rec_reader *r, const char *text, size_t len, char **out)
{
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	char *buf = arena_alloc(r->a, len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (!(text[i] == '\r' && i + 1 < len && text[i + 1] == '\n'))
			buf[n++] = text[i];
	buf[n] = '\0';
	if (strlen(buf) != n)
		return rec_fail(r, line_of(buf, strlen(buf)), "%s", MSG_REC_NUL);
	size_t off = 0;
	enum text_problem p = text_check(buf, true, &off);
	if (p != TEXT_OK)
		return rec_fail(r, line_of(buf, off), "%s", text_problem_message(p));
	char *nfc = text_nfc(buf);
	if (!nfc)
		return rec_fail(r, 1, "%s", text_problem_message(TEXT_NO_MEMORY));
	*out = arena_strdup(r->a, nfc);
	free(nfc);
	return NTM_OK;
}

static int
start(struct rec_reader *r, const char *text, size_t len)
{
	r->ended = true;
	r->line = 0;
	r->folded = arena_alloc(r->a, sizeof *r->folded * (size_t)(r->nkeys + 1));
	for (int k = 0; k < r->nkeys; k++)
		r->folded[k] = folded(r->a, r->keys[k]);
	if (prepare(r, text, len, &r->next))
		return NTM_USAGE;
	if (!*r->next)
		r->next = NULL;
	return NTM_OK;
}

/* ---- lines ---------------------------------------------------------------- */

/* The next line, cut out of the text; NULL at the end. */
static char *
take(struct rec_reader *r)
{
	char *s = r->next;
	if (!s)
		return NULL;
	char *nl = strchr(s, '\n');
	if (nl)
		*nl = '\0';
	r->next = nl && nl[1] ? nl + 1 : NULL;
	r->line++;
	return s;
}

static bool
blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* The continuation lines after a key (comment lines among them skipped)
 * joined to its value v. */
static const char *
continued(struct rec_reader *r, const char *v, int *more)
{
	bool bare = *v == '\0';
	for (char *s; (s = r->next) && (*s == '#' || ((*s == ' ' || *s == '\t')
					&& !blank(s)));) {
		take(r);
		if (*s == '#')
			continue;
		if (!*more)
			*more = r->line;
		s++;
		size_t len = strlen(s);
		if (len > 0 && strspn(s, ".") == len)
			s++, len--;
		char *joined = arena_alloc(r->a, strlen(v) + len + 2);
		sprintf(joined, "%s%s%s", v, bare ? "" : "\n", s);
		v = joined;
		bare = false;
	}
	return v;
}

static int
field(struct rec_reader *r, char *s, struct rec_item *out)
{
	char *colon = strchr(s, ':');
	if (!colon)
		return rec_fail(r, r->line, MSG_REC_NO_COLON, rec_shown(r->a, s));
	out->what = REC_FIELD;
	out->line = r->line;
	out->key = rec_trimmed(r->a, s, (size_t)(colon - s));
	const char *f = folded(r->a, out->key);
	out->k = 0;
	while (out->k < r->nkeys && strcmp(f, r->folded[out->k]) != 0)
		out->k++;
	if (out->k == r->nkeys)
		out->k = -1;
	const char *v = colon + 1;
	out->text = continued(r, v + strspn(v, " \t"), &out->more);
	r->ended = false;
	return NTM_OK;
}

static int
section(struct rec_reader *r, char *s, struct rec_item *out)
{
	size_t len = strlen(s);
	const char *t = rec_trimmed(r->a, s, len);
	len = strlen(t);
	if (t[len - 1] != ']' || len < 2)
		return rec_fail(r, r->line, MSG_REC_SECTION_END, rec_shown(r->a, t));
	out->what = REC_SECTION;
	out->line = r->line;
	out->text = rec_trimmed(r->a, t + 1, len - 2);
	return NTM_OK;
}

/* A record ends before a section and at the end of the text. */
static bool
end(struct rec_reader *r, struct rec_item *out)
{
	if (r->ended)
		return false;
	r->ended = true;
	out->what = REC_END;
	out->line = r->line;
	return true;
}

/* The next item; a line that is no item is refused. */
static int
next(struct rec_reader *r, struct rec_item *out)
{
	*out = (struct rec_item){.k = -1};
	for (;;) {
		if ((!r->next || *r->next == '[') && end(r, out))
			return NTM_OK;
		char *s = take(r);
		if (!s) {
			out->what = REC_DONE;
			out->line = r->line;
			return NTM_OK;
		}
		if (*s == '#')
			continue;
		if (blank(s)) {
			if (end(r, out))
				return NTM_OK;
			continue;
		}
		if (*s == ' ' || *s == '\t')
			return rec_fail(r, r->line, "%s", MSG_REC_CONT_NONE);
		return *s == '[' ? section(r, s, out) : field(r, s, out);
	}
}

int
rec_read(struct rec_reader *r, const char *text, size_t len,
	 int (*on)(void *ctx, const struct rec_item *item), void *ctx)
{
	struct rec_item it;
	if (start(r, text, len))
		return NTM_USAGE;
	do {
		if (next(r, &it) || on(ctx, &it))
			return NTM_USAGE;
	} while (it.what != REC_DONE);
	return NTM_OK;
}

/* ---- files ---------------------------------------------------------------- */

const char *
io_file_shown(const char *path)
{
	return strcmp(path, "-") == 0 ? TXT_IO_STDIN : path;
}

char *
io_read_whole(const char *path, size_t *len, struct ntm_error *e)
{
	return io_read_upto(path, MAX_FILE_MB, len, e);
}

char *
io_read_upto(const char *path, int max_mb, size_t *len, struct ntm_error *e)
{
	bool std = strcmp(path, "-") == 0;
	FILE *f = std ? stdin : fopen(path, "rb");
	char named[PATH_MAX + 16];
	if (std)
		snprintf(named, sizeof named, "%s", TXT_IO_STDIN);
	else
		snprintf(named, sizeof named, TXT_REC_FILE, path);
	if (!f) {
		ntm_fail(e, NTM_FAIL, MSG_REC_READ, named, ntm_errno_text(errno));
		return NULL;
	}
	size_t cap = 1 << 16, n = 0, max = (size_t)max_mb << 20;
	char *buf = malloc(cap);
	for (size_t got = 1; buf && got > 0 && n <= max;) {
		if (n == cap) {
			/* one byte past max tells the file is too big */
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			char *more = realloc(buf, cap);
			if (!more)
				free(buf);
			buf = more;
			continue;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	}
	int err = ferror(f) ? errno : 0;
	if (!std)
		fclose(f);
	if (!buf || err)
		ntm_fail(e, NTM_FAIL, MSG_REC_READ, named,
			 ntm_errno_text(buf ? err : ENOMEM));
	else if (n > max)
		ntm_fail(e, NTM_FAIL, MSG_REC_TOO_BIG, named, max_mb);
	if (!buf || err || n > max) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}
