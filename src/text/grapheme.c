/* Grapheme clusters: stepping, measuring and fitting text to a width. */
#include "ntm/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* The cluster starting at off: returns its end, its width in *width.
 * An invalid byte is a cluster of its own, one column wide (U+FFFD). */
static size_t
cluster_end(const uint8_t *s, size_t len, size_t off, int *width)
{
	utf8proc_int32_t c, prev;
	utf8proc_int32_t state = 0;
	utf8proc_ssize_t n = utf8proc_iterate(s + off, (utf8proc_ssize_t)(len - off), &c);

	if (n < 0) {
		*width = 1;
		return off + 1;
	}
	int w = utf8proc_charwidth(c);
	size_t i = off + (size_t)n;
	prev = c;
	while (i < len) {
		n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &c);
		if (n < 0 || utf8proc_grapheme_break_stateful(prev, c, &state))
			break;
		int cw = utf8proc_charwidth(c);
		if (cw > w)
			w = cw;
		prev = c;
		i += (size_t)n;
	}
	*width = w < 0 ? 0 : w;
	return i;
}

size_t
text_next_grapheme(const char *s, size_t len, size_t off)
{
	int w;
	return off >= len ? len : cluster_end((const uint8_t *)s, len, off, &w);
}

size_t
text_prev_grapheme(const char *s, size_t len, size_t off)
{
	/* Clusters are found walking forward; a line is short. */
	size_t at = 0, prev = 0;
	while (at < off && at < len) {
		prev = at;
		at = text_next_grapheme(s, len, at);
	}
	return prev;
}

size_t
text_graphemes(const char *s)
{
	size_t len = strlen(s), n = 0;
	for (size_t at = 0; at < len; n++)
		at = text_next_grapheme(s, len, at);
	return n;
}

int
text_width_range(const char *s, size_t from, size_t to)
{
	int total = 0, w;
	while (from < to) {
		from = cluster_end((const uint8_t *)s, to, from, &w);
		total += w;
	}
	return total;
}

int
text_width(const char *s)
{
	return text_width_range(s, 0, strlen(s));
}

char *
text_fit(const char *s, int width, bool ascii, bool pad)
{
	const char *ell = ascii ? "~" : "…";
	size_t len = strlen(s), cut = 0, keep = 0;
	int used = 0, w, kept_w = 0;

	if (width < 0)
		width = 0;
	/* keep: the longest prefix that leaves room for the ellipsis */
	while (cut < len) {
		size_t next = cluster_end((const uint8_t *)s, len, cut, &w);
		if (used + w > width)
			break;
		used += w;
		cut = next;
		if (used + 1 <= width) {
			keep = cut;
			kept_w = used;
		}
	}
	bool cutting = cut < len;
	size_t body = cutting ? keep : cut;
	int body_w = cutting ? kept_w : used;
	int ell_w = cutting && width > 0 ? 1 : 0;
	int spaces = pad ? width - body_w - ell_w : 0;
	char *out = malloc(body + strlen(ell) + (size_t)(spaces > 0 ? spaces : 0) + 1);
	if (!out)
		return NULL;
	memcpy(out, s, body);
	size_t n = body;
	if (ell_w) {
		memcpy(out + n, ell, strlen(ell));
		n += strlen(ell);
	}
	for (int i = 0; i < spaces; i++)
		out[n++] = ' ';
	out[n] = '\0';
	return out;
}

char *
text_fit_span(const char *s, size_t from, size_t to, int width, bool ascii)
{
	int total = text_width(s);
	int rest = total - text_width_range(s, from, to);
	if (total <= width || to <= from || width - rest < 1)
		return text_fit(s, width, ascii, false);
	char *span = strndup(s + from, to - from);
	char *fit = span ? text_fit(span, width - rest, ascii, false) : NULL;
	size_t n = fit ? from + strlen(fit) + strlen(s + to) + 1 : 0;
	char *out = fit ? malloc(n) : NULL;
	if (out)
		snprintf(out, n, "%.*s%s%s", (int)from, s, fit, s + to);
	free(span);
	free(fit);
	return out;
}
