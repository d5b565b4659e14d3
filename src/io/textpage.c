/* A page of text or Markdown for the report writer (reporttext.c): strings
 * kept in the writer's arena, made inert for a terminal, escaped for
 * Markdown, wrapped by display width, and written as lines, paragraphs,
 * headings and list items of at most PAGE columns. Markdown text is never
 * cut: what does not fit a line is wrapped. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/io.h"
#include "ntm/text.h"
#include "textpage.h"
/* ---- strings ----------------------------------------------------------- */

/* Copies a malloc'ed string into the arena and frees it. */
const char *
pg_keep(struct writer *w, char *s)
{
	const char *out = arena_strdup(&w->a, s ? s : "");
	free(s);
	return out;
}

/* s made inert for a terminal, newlines kept. */
const char *
pg_safe(struct writer *w, const char *s)
{
	return s ? pg_keep(w, text_sanitize(s, strlen(s), TEXT_SAN_NEWLINES)) : "";
}

/* printf into the arena. */
const char *
pg_fmt(struct writer *w, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	int n = vsnprintf(NULL, 0, f, ap);
	va_end(ap);
	char *out = arena_alloc(&w->a, (size_t)(n > 0 ? n : 0) + 1);
	va_start(ap, f);
	vsnprintf(out, (size_t)(n > 0 ? n : 0) + 1, f, ap);
	va_end(ap);
	return out;
}

/* One line: newlines as spaces. */
const char *
pg_flat(struct writer *w, const char *s)
{
	char *out = arena_strdup(&w->a, s);
	for (char *p = out; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return out;
}

/* Markdown: a backslash before every character Markdown would read as
 * markup inside a line (CommonMark escapes any ASCII punctuation). */
const char *
pg_escape(struct writer *w, const char *s)
{
	static const char special[] = "\\`*_[]<>|#~&";
	if (!w->md)
		return s;
	char *out = arena_alloc(&w->a, 2 * strlen(s) + 1), *q = out;
	for (; *s; s++) {
		if (strchr(special, *s))
			*q++ = '\\';
		*q++ = *s;
	}
	*q = '\0';
	return out;
}

const char *
pg_spaces(struct writer *w, int n)
{
	char *out = arena_alloc(&w->a, (size_t)(n > 0 ? n : 0) + 1);
	memset(out, ' ', (size_t)(n > 0 ? n : 0));
	return out;
}

/* ---- wrapping ----------------------------------------------------------- */



static void
pg_push(struct writer *w, struct lines *l, const char *s, size_t from, size_t to)
{
	l->s = arena_grow(&w->a, l->s, (size_t)l->n, &l->cap, sizeof *l->s);
	char *line = arena_alloc(&w->a, to - from + 1);
	memcpy(line, s + from, to - from);
	l->s[l->n++] = line;
}

/* The bytes [from, to) of s (one paragraph) as lines of at most width
 * columns, broken at spaces, inside a word only when it is wider than a
 * line. */
/* Where the grapheme at p ends; in Markdown a backslash and the
 * character it escapes are one, so no line ends with a lone "\\". */
static size_t
unit_end(const struct writer *w, const char *s, size_t len, size_t p,
	 size_t to)
{
	size_t q = text_next_grapheme(s, len, p);
	if (w->md && s[p] == '\\' && q < to)
		q = text_next_grapheme(s, len, q);
	return q;
}

static void
pg_wrap_para(struct writer *w, struct lines *l, const char *s, size_t from,
	  size_t to, int width)
{
	size_t len = strlen(s);
	if (from == to)
		pg_push(w, l, s, from, to);
	while (from < to) {
		size_t p = from, brk = from;
		int used = 0;
		while (p < to) {
			size_t q = unit_end(w, s, len, p, to);
			if (s[p] == ' ')
				brk = p;
			used += text_width_range(s, p, q);
			if (used > width)
				break;
			p = q;
		}
		if (p >= to) {
			pg_push(w, l, s, from, to);
			return;
		}
		size_t cut = brk > from ? brk : p > from ? p
			     : unit_end(w, s, len, p, to);
		pg_push(w, l, s, from, cut);
		from = cut;
		while (from < to && s[from] == ' ')
			from++;
	}
}

/* s (newlines break paragraphs) wrapped to width columns. */
struct lines
pg_wrap(struct writer *w, const char *s, int width)
{
	struct lines l = {0};
	size_t from = 0, len = strlen(s);
	for (;;) {
		const char *nl = strchr(s + from, '\n');
		size_t to = nl ? (size_t)(nl - s) : len;
		pg_wrap_para(w, &l, s, from, to, width);
		if (!nl)
			return l;
		from = to + 1;
	}
}

/* ---- output lines ------------------------------------------------------- */

/* Writes one line without its trailing spaces. */
void
pg_put(struct writer *w, const char *s)
{
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	fwrite(s, 1, n, w->f);
	fputc('\n', w->f);
	w->blank = n == 0;
}

/* An empty line, never two in a row nor at the top. */
void
pg_blank(struct writer *w)
{
	if (!w->blank)
		pg_put(w, "");
}

/* Markdown: a line that would start a block (a list item, a heading's
 * underline, a numbered item) keeps being text. */
static const char *
pg_md_line_start(struct writer *w, const char *s)
{
	size_t digits = strspn(s, "0123456789");
	bool block = strchr("-+=", *s) && *s;
	if (digits > 0 && (s[digits] == '.' || s[digits] == ')')) {
		char *out = arena_alloc(&w->a, strlen(s) + 2);
		memcpy(out, s, digits);
		out[digits] = '\\';
		strcpy(out + digits + 1, s + digits);
		return out;
	}
	return block ? pg_fmt(w, "\\%s", s) : s;
}

/* A paragraph: text (already safe and escaped) wrapped to the page, the
 * first line after lead, the others after indent spaces. */
void
pg_para(struct writer *w, const char *lead, const char *text)
{
	int indent = text_width(lead);
	struct lines l = pg_wrap(w, text, PAGE - indent - (w->md ? 1 : 0));
	for (int i = 0; i < l.n; i++) {
		const char *s = l.s[i];
		if (w->md)
			s = pg_md_line_start(w, s);
		pg_put(w, pg_fmt(w, "%s%s", i ? pg_spaces(w, indent) : lead, s));
	}
}

/* Markdown: "# text" when it fits a line; else, never cut, the text
 * wrapped and underlined (levels 1 and 2) or in bold (level 3). */
static void
md_heading(struct writer *w, int level, const char *s)
{
	static const char *const marks[] = {"", "# ", "## ", "### "};
	if (text_width(s) + level + 1 <= PAGE) {
		pg_put(w, pg_fmt(w, "%s%s", marks[level], s));
		return;
	}
	if (level == 3) {
		pg_para(w, "", pg_fmt(w, "**%s**", s));
		return;
	}
	pg_para(w, "", s);
	pg_put(w, level == 1 ? "===" : "---");
}

/* A heading: level 1 for the title, 2 for a part, 3 for a group. */
void
pg_heading(struct writer *w, int level, const char *text)
{
	static const char *const under[] = {"", "=", "=", "-"};
	const char *s = pg_flat(w, pg_safe(w, text));
	pg_blank(w);
	if (w->md) {
		md_heading(w, level, pg_escape(w, s));
		pg_blank(w);
		return;
	}
	struct lines l = pg_wrap(w, s, PAGE);
	int wide = 0;
	for (int i = 0; i < l.n; i++) {
		pg_put(w, l.s[i]);
		if (text_width(l.s[i]) > wide)
			wide = text_width(l.s[i]);
	}
	char *rule = arena_alloc(&w->a, (size_t)wide + 1);
	memset(rule, under[level][0], (size_t)wide);
	pg_put(w, rule);
	pg_blank(w);
}

/* "- text" in both formats (text safe and escaped). */
void
pg_item(struct writer *w, const char *text)
{
	pg_para(w, "- ", text);
}

const char *
pg_md_bar(struct writer *w, struct ntm_gauge g)
{
	const char *bar = io_report_bar(g, BAR, false, &w->a);
	return w->md ? pg_fmt(w, "`%s`", bar) : bar;
}

/* s padded with spaces to width columns, on the left when right. */
const char *
pg_pad(struct writer *w, const char *s, int width, bool right)
{
	const char *fill = pg_spaces(w, width - text_width(s));
	return right ? pg_fmt(w, "%s%s", fill, s) : pg_fmt(w, "%s%s", s, fill);
}
