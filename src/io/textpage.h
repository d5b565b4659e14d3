/* textpage — lines, paragraphs, headings and list items of the text and
 * Markdown report (textpage.c), for reporttext.c. Every string returned
 * lives in the writer's arena. Private to src/io. */
#ifndef NTM_IO_TEXTPAGE_H
#define NTM_IO_TEXTPAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "ntm/arena.h"
#include "ntm/model.h"

enum { PAGE = 80, GAP = 2, BAR = 16 };

struct ntm_report_doc;
struct writer {
	FILE *f;
	bool md;
	bool blank;          /* the last line written was empty (or none yet) */
	const struct ntm_report_doc *d;
	struct arena a;      /* every string of the report, freed at the end */
	void *layouts;       /* reporttext.c's table layouts */
};

/* Lines of a wrapped text. */
struct lines {
	const char **s;
	int n;
	size_t cap;
};

/* A malloc'ed string copied into the arena and freed. */
const char *pg_keep(struct writer *w, char *s);
/* s made inert for a terminal, newlines kept; NULL is "". */
const char *pg_safe(struct writer *w, const char *s);
const char *pg_fmt(struct writer *w, const char *f, ...)
	__attribute__((format(printf, 2, 3)));
/* One line: newlines as spaces. */
const char *pg_flat(struct writer *w, const char *s);
/* Markdown (w->md): a backslash before every character Markdown would
 * read as markup; plain text: s. */
const char *pg_escape(struct writer *w, const char *s);
const char *pg_spaces(struct writer *w, int n);
/* s padded with spaces to width columns, on the left when right. */
const char *pg_pad(struct writer *w, const char *s, int width, bool right);
/* s (newlines break paragraphs) wrapped to width columns at spaces; a
 * word wider than a line is broken, never between a Markdown escape's
 * backslash and its character. */
struct lines pg_wrap(struct writer *w, const char *s, int width);

/* One line without its trailing spaces. */
void pg_put(struct writer *w, const char *s);
/* An empty line, never two in a row nor at the top. */
void pg_blank(struct writer *w);
/* text (safe and escaped) wrapped to the page, the first line after lead,
 * the others indented as wide as lead. */
void pg_para(struct writer *w, const char *lead, const char *text);
/* A heading: level 1 for the title, 2 for a part, 3 for a group. */
void pg_heading(struct writer *w, int level, const char *text);
/* "- text" (safe and escaped). */
void pg_item(struct writer *w, const char *text);
/* A gauge as a bar (in backticks for Markdown). */
const char *pg_md_bar(struct writer *w, struct ntm_gauge g);

#endif
