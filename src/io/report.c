/* The written report: its formats, its default file name, and the one
 * path by which every format reaches a file (an io_file: a temporary
 * renamed into place) or the standard output. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "msg.h"
#include "names.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"
#include "ntm/text.h"

static const char *const FORMAT_WORDS[] = {
	[IO_REPORT_TXT] = "txt", [IO_REPORT_MD] = "md", [IO_REPORT_CSV] = "csv",
	[IO_REPORT_XLSX] = "xlsx", [IO_REPORT_DOCX] = "docx",
};
enum { NFORMATS = sizeof FORMAT_WORDS / sizeof *FORMAT_WORDS };

bool
io_report_format_read(const char *word, enum io_report_format *out)
{
	for (int i = 0; word && i < NFORMATS; i++)
		if (strcasecmp(word, FORMAT_WORDS[i]) == 0) {
			*out = (enum io_report_format)i;
			return true;
		}
	if (word && strcasecmp(word, "text") == 0) {
		*out = IO_REPORT_TXT;
		return true;
	}
	return false;
}

const char *
io_report_format_word(enum io_report_format f)
{
	return (int)f >= 0 && (int)f < NFORMATS ? FORMAT_WORDS[f] : "txt";
}

bool
io_report_format_of_path(const char *path, enum io_report_format *out)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	const char *dot = path ? strrchr(slash ? slash : path, '.') : NULL;
	return dot && io_report_format_read(dot + 1, out);
}

bool
io_report_binary(enum io_report_format f)
{
	return f == IO_REPORT_XLSX || f == IO_REPORT_DOCX;
}

char *
io_name_part(const char *commune)
{
	char *fold = commune ? text_fold(commune) : NULL;
	if (!fold)
		return strdup("xa");
	char *p = fold, *q = fold;
	bool dash = false;
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && q > fold)
				*q++ = '-';
			*q++ = (char)c;
			dash = false;
		} else {
			dash = true;
		}
	}
	*q = '\0';
	if (!*fold) {
		free(fold);
		return strdup("xa");
	}
	return fold;
}

const char *
io_report_default_name(const struct ntm_report_doc *d, enum io_report_format f,
		       struct arena *a)
{
	char *part = io_name_part(d->head.commune);
	char buf[256];
	snprintf(buf, sizeof buf, "bao-cao-ntm-%s-%s.%s", part ? part : "xa",
		 d->head.as_of ? d->head.as_of : "", io_report_format_word(f));
	free(part);
	return arena_strdup(a, buf);
}

static int
write_to(FILE *f, const char *path, const struct ntm_report_doc *d,
	 const struct io_report_opts *o, struct ntm_error *e)
{
	switch (o->format) {
	case IO_REPORT_TXT:
	case IO_REPORT_MD:
		return io_report_text(f, d, o->format == IO_REPORT_MD, e);
	case IO_REPORT_CSV:
		return io_report_csv(f, d, o, e);
	case IO_REPORT_DOCX:
		return io_report_docx(f, d, e);
	case IO_REPORT_XLSX:
		return io_report_xlsx(path, d, e);
	}
	return ntm_fail(e, NTM_USAGE, MSG_REPORT_FORMAT);
}

int
io_report_write(const struct ntm_report_doc *d, const struct io_report_opts *o,
		const char *path, struct ntm_error *e)
{
	if (!path || strcmp(path, "-") == 0) {
		if (io_report_binary(o->format))
			return ntm_fail(e, NTM_USAGE, MSG_REPORT_BINARY_STDOUT,
					io_report_format_word(o->format));
		int rc = write_to(stdout, NULL, d, o, e);
		if (rc == NTM_OK && fflush(stdout) != 0)
			rc = ntm_fail(e, NTM_FAIL, MSG_IO_WRITE, TXT_IO_STDOUT,
				      ntm_errno_text(errno));
		return rc;
	}
	struct io_file out;
	int rc = io_file_open(&out, path, e);
	if (rc != NTM_OK)
		return rc;
	rc = write_to(out.f, out.tmp, d, o, e);
	if (rc != NTM_OK) {
		io_file_abort(&out);
		return rc;
	}
	return io_file_commit(&out, e);
}
