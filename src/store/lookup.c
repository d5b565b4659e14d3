/* Text as it enters the store (clean, NFC, one line, length) and finding
 * a name among candidates by what people type. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

enum { MAX_NEAREST = 3 };

const char *
store_clean_text(struct arena *a, const char *s, bool multiline,
		 const char *what, struct ntm_error *e)
{
	enum text_problem p;
	size_t off = 0;
	if (!multiline && s[strcspn(s, "\r\n")] != '\0') {
		ntm_fail(e, NTM_USAGE, MSG_ONE_LINE, what);
		return NULL;
	}
	/* A tab in one line (pasted from a table) is a space. */
	char *line = !multiline && strchr(s, '\t') ? arena_strdup(a, s) : NULL;
	for (char *t = line; t && (t = strchr(t, '\t')); )
		*t = ' ';
	char *clean = text_clean(line ? line : s, multiline, &p, &off);
	if (!clean) {
		/* where, in characters as a person counts them */
		size_t chars = 0;
		for (size_t i = 0; i < off && s[i]; i++)
			chars += ((unsigned char)s[i] & 0xc0) != 0x80;
		ntm_fail(e, NTM_USAGE, MSG_BAD_TEXT, what, text_problem_message(p),
			 chars + 1);
		return NULL;
	}
	const char *out = arena_strdup(a, clean);
	free(clean);
	return out;
}

size_t
store_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

const char *
store_clean_line(struct arena *a, const char *s, int max, const char *what,
		 struct ntm_error *e)
{
	const char *c = store_clean_text(a, s ? s : "", false, what, e);
	if (!c)
		return NULL;
	while (*c == ' ')
		c++;
	size_t len = strlen(c);
	while (len > 0 && c[len - 1] == ' ')
		len--;
	char *out = arena_alloc(a, len + 1);
	memcpy(out, c, len);
	if (store_chars(out) > (size_t)max) {
		ntm_fail(e, NTM_USAGE, MSG_TOO_LONG, what, max);
		return NULL;
	}
	return out;
}

const char *
store_clean_note(struct arena *a, const char *s, const char *what,
		 struct ntm_error *e)
{
	const char *n = store_clean_text(a, s ? s : "", true, what, e);
	if (n && store_chars(n) > STORE_MAX_NOTE) {
		ntm_fail(e, NTM_USAGE, MSG_TOO_LONG, what, STORE_MAX_NOTE);
		return NULL;
	}
	/* A note of blanks only is no note. */
	return n && n[strspn(n, " \t\n")] == '\0' ? "" : n;
}

const char *
store_nearest(struct arena *a, struct store_candidate *c, int n,
	      const char *query)
{
	for (int i = 0; i < n; i++)
		c[i].dist = text_distance(query, c[i].name);
	sqlite3_str *list = sqlite3_str_new(NULL);
	int shown = 0;
	size_t qlen = strlen(query);
	int limit = qlen < 6 ? 2 : (int)qlen / 2;
	for (int d = 0; d <= limit && shown < MAX_NEAREST; d++)
		for (int i = 0; i < n && shown < MAX_NEAREST; i++)
			if (c[i].dist == d && c[i].of)
				sqlite3_str_appendf(list, "%s" MSG_ALIAS_OF, shown++ ? ", " : "",
						    c[i].name, c[i].of);
			else if (c[i].dist == d)
				sqlite3_str_appendf(list, "%s%s", shown++ ? ", " : "",
						    c[i].name);
	char *s = sqlite3_str_finish(list);
	const char *out = "";
	if (s && *s) {
		char buf[512];
		snprintf(buf, sizeof buf, MSG_NEAREST, s);
		out = arena_strdup(a, buf);
	}
	sqlite3_free(s);
	return out;
}

int
store_find_name(struct store *st, const char *sql, const char *param,
		const char *query, const char *what, struct arena *a,
		char id[STORE_ID_LEN], const char **name, struct ntm_error *e)
{
	const char *q = store_clean_text(a, query, false, WHAT_NAME, e);
	if (!q)
		return NTM_USAGE;
	/* The folded comparison runs in SQL, through ntm_fold(). */
	char *wrapped = sqlite3_mprintf("SELECT id, name, ntm_fold(name) = "
					"ntm_fold(?9) OR ntm_place(name) = "
					"ntm_place(?9), of FROM (%s)", sql);
	sqlite3_stmt *s;
	int prc = store_prepare(st, wrapped, &s, e);
	sqlite3_free(wrapped);
	if (prc)
		return NTM_FAIL;
	store_bind_text(s, 1, param);
	store_bind_text(s, 9, q);

	struct store_candidate *c = NULL, *exact = NULL;
	bool *folded = NULL;
	size_t n = 0, cap = 0, fcap = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		c = arena_grow(a, c, n, &cap, sizeof *c);
		folded = arena_grow(a, folded, n, &fcap, sizeof *folded);
		c[n].id = arena_strdup(a, store_col_text(s, 0));
		c[n].name = arena_strdup(a, store_col_text(s, 1));
		folded[n] = sqlite3_column_int(s, 2);
		c[n].of = arena_strdup(a, store_col_text(s, 3));
		if (strcmp(c[n].name, q) == 0)
			exact = &c[n];
		n++;
	}
	sqlite3_finalize(s);

	/* Folded matches, counted once per unit (a name and its alias). */
	struct store_candidate *hit = exact;
	sqlite3_str *names = sqlite3_str_new(NULL);
	int hits = 0;
	for (size_t i = 0; !exact && i < n; i++) {
		if (!folded[i] || (hit && strcmp(hit->id, c[i].id) == 0))
			continue;
		if (c[i].of)
			sqlite3_str_appendf(names, "%s" MSG_ALIAS_OF, hits ? ", " : "",
					    c[i].name, c[i].of);
		else
			sqlite3_str_appendf(names, "%s%s", hits ? ", " : "", c[i].name);
		hit = &c[i];
		hits++;
	}
	char *list = sqlite3_str_finish(names);
	int rc = NTM_OK;
	if (hits > 1)
		rc = ntm_fail(e, NTM_FAIL, MSG_AMBIGUOUS, q, list);
	else if (!hit)
		rc = ntm_fail(e, NTM_FAIL, MSG_NAME_UNKNOWN, what, q,
			      store_nearest(a, c, (int)n, q));
	sqlite3_free(list);
	if (rc != NTM_OK)
		return rc;
	snprintf(id, STORE_ID_LEN, "%s", hit->id);
	/* Report the unit's own name, not the alias that matched. */
	if (name)
		*name = hit->name;
	return NTM_OK;
}

const char *
store_clean_date(struct arena *a, const char *s, const char *what,
		 struct ntm_error *e)
{
	const char *c = store_clean_line(a, s, 40, what, e);
	if (!c || *c == '\0')
		return c;
	struct ntm_date d;
	const char *why = model_parse_date(c, &d);
	if (why) {
		ntm_fail(e, NTM_USAGE, MSG_BAD_DATE, what, c, why);
		return NULL;
	}
	char *iso = arena_alloc(a, 11);
	model_format_date(d, iso);
	return iso;
}
