/* ntm search, ntm telex and ntm convert: the Vietnamese-text tools. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"
#include "ntm/charset.h"
#include "ntm/telex.h"
#include "ntm/text.h"

static const char *const HIT_LABEL[] = {
	[HIT_TASK] = HIT_LABEL_TASK, [HIT_INDICATOR] = HIT_LABEL_INDICATOR,
	[HIT_CRITERION] = HIT_LABEL_CRITERION, [HIT_ITEM] = HIT_LABEL_ITEM,
	[HIT_NOTE] = HIT_LABEL_NOTE,
};

/* The positional arguments joined by spaces, in a. */
static const char *
joined_args(struct cli *c, struct arena *a)
{
	size_t n = 1;
	for (int i = 0; i < c->nargs; i++)
		n += strlen(c->args[i]) + 1;
	char *s = arena_alloc(a, n), *p = s;
	for (int i = 0; i < c->nargs; i++)
		p += sprintf(p, "%s%s", i ? " " : "", c->args[i]);
	return s;
}

static void
print_hits(struct cli *c, const char *query, const struct store_hit *h, int n)
{
	if (c->format == FMT_JSON) {
		putchar('[');
		for (int i = 0; i < n; i++) {
			printf("%s{\"kind\":", i ? "," : "");
			out_json_string(stdout, HIT_LABEL[h[i].kind]);
			fputs(",\"where\":", stdout);
			out_json_string(stdout, h[i].where);
			fputs(",\"text\":", stdout);
			out_json_string(stdout, h[i].text);
			printf(",\"exact\":%s}", h[i].exact ? "true" : "false");
		}
		puts("]");
		return;
	}
	if (n == 0)
		printf(MSG_NO_HITS, out_safe(query));
	int wk = 0, ww = 0;
	for (int i = 0; i < n; i++) {
		int k = text_width(HIT_LABEL[h[i].kind]), w = text_width(h[i].where);
		wk = k > wk ? k : wk;
		ww = w > ww ? w : ww;
	}
	for (int i = 0; i < n; i++) {
		out_pad(stdout, HIT_LABEL[h[i].kind], wk + 2);
		out_pad(stdout, out_safe(h[i].where), ww + 2);
		puts(out_safe(h[i].text));
	}
}

int
cmd_search(struct cli *c)
{
	struct store *st;
	int rc = cli_open(c, &st);
	if (rc)
		return rc;
	struct arena a = {0};
	const char *query = joined_args(c, &a);
	struct store_hit *hits;
	int n = 0;
	rc = store_search(st, query, c->limit_given ? c->limit : 50, &a, &hits, &n,
			  &c->err);
	if (rc == NTM_OK)
		print_hits(c, query, hits, n);
	arena_free(&a);
	store_close(st);
	return rc;
}

/* ---- telex ---------------------------------------------------------------- */

static void
telex_line(const struct telex_options *o, const char *line)
{
	char *out = telex_convert(o, line);
	if (out)
		fputs(out, stdout);
	free(out);
}

int
cmd_telex(struct cli *c)
{
	struct telex_options o = telex_defaults(c->vni ? TELEX_VNI : TELEX_TELEX);
	if (c->style && strcmp(c->style, "new") == 0)
		o.style = TELEX_STYLE_NEW;
	else if (c->style && strcmp(c->style, "old") != 0)
		return ntm_fail(&c->err, NTM_USAGE, MSG_BAD_STYLE);
	if (c->nargs) {
		struct arena a = {0};
		telex_line(&o, joined_args(c, &a));
		putchar('\n');
		arena_free(&a);
		return NTM_OK;
	}
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, stdin) > 0)
		telex_line(&o, line);
	free(line);
	return NTM_OK;
}

/* ---- convert -------------------------------------------------------------- */

/* The OS's reasons people meet, in Vietnamese. */
static const char *
os_reason(int err)
{
	switch (err) {
	case ENOENT: return MSG_OS_ENOENT;
	case EACCES: return MSG_OS_EACCES;
	case EISDIR: return MSG_OS_EISDIR;
	default: return out_os_reason(err);
	}
}

static char *
read_all(struct cli *c, const char *path, size_t *len)
{
	FILE *f = path ? fopen(path, "rb") : stdin;
	if (!f) {
		ntm_fail(&c->err, NTM_FAIL, MSG_READ_FAILED, path, os_reason(errno));
		return NULL;
	}
	size_t cap = 65536, n = 0, got;
	char *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *bigger = realloc(buf, cap *= 2);
			if (!bigger)
				free(buf);
			buf = bigger;
		}
	}
	bool failed = !buf || ferror(f);
	if (path)
		fclose(f);
	if (failed) {
		free(buf);
		ntm_fail(&c->err, NTM_FAIL, MSG_READ_FAILED, path ? path : "-",
			 os_reason(errno ? errno : ENOMEM));
		return NULL;
	}
	*len = n;
	return buf;
}

static int
parse_charset(struct cli *c, const char *name, enum charset dflt, enum charset *out)
{
	*out = dflt;
	if (name && !charset_parse(name, out))
		return ntm_fail(&c->err, NTM_USAGE, MSG_BAD_CHARSET, name);
	return NTM_OK;
}

int
cmd_convert(struct cli *c)
{
	enum charset from, to, found = CHARSET_UTF8;
	if (parse_charset(c, c->from, CHARSET_AUTO, &from) ||
	    parse_charset(c, c->to, CHARSET_UTF8, &to))
		return NTM_USAGE;
	if (to == CHARSET_AUTO)
		return ntm_fail(&c->err, NTM_USAGE, MSG_TO_AUTO);
	size_t len = 0, ulen = 0, olen = 0;
	char *in = read_all(c, c->nargs ? c->args[0] : NULL, &len);
	if (!in)
		return NTM_FAIL;
	struct charset_error err = {0};
	char *utf8 = charset_decode(in, len, from, &found, &ulen, &err);
	char *out = NULL;
	bool from_utf8 = (from == CHARSET_AUTO ? found : from) == CHARSET_UTF8;
	if (utf8 && to != CHARSET_UTF8)   /* positions in the file as given */
		out = from_utf8 ? charset_encode(in, len, to, &olen, &err)
			: charset_encode(utf8, ulen, to, &olen, &err);
	int rc = NTM_OK;
	if (!utf8 || (to != CHARSET_UTF8 && !out)) {
		const char *why = err.reason ? err.reason : "?";
		rc = err.line ? ntm_fail(&c->err, NTM_FAIL, MSG_DECODE_AT, err.line,
					 err.column, why)
			: ntm_fail(&c->err, NTM_FAIL, "%s", why);
	} else if (to == CHARSET_UTF8) {
		fwrite(utf8, 1, ulen, stdout);
	} else {
		fwrite(out, 1, olen, stdout);
	}
	if (rc == NTM_OK && c->verbose)
		fprintf(stderr, MSG_DETECTED, charset_name(from == CHARSET_AUTO ? found : from));
	free(in);
	free(utf8);
	free(out);
	return rc;
}
