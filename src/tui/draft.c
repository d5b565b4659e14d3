/* Drafts: when the SSH link drops (SIGHUP) while a form is open, what was
 * typed is written to a file of this user's, and offered the next time
 * they open ntm on the same database (forms.c offers it). */
#include "draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"

/* $XDG_STATE_HOME/ntm/draft-HASH, HASH from the database path and the
 * person, since officials often share one account. */
static bool
draft_path(struct app *a, char *out, size_t size, bool make_dir)
{
	const char *base = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char dir[4096];
	if (base && *base == '/')
		snprintf(dir, sizeof dir, "%s/ntm", base);
	else if (home && *home)
		snprintf(dir, sizeof dir, "%s/.local/state/ntm", home);
	else
		return false;
	if (make_dir) {
		char *p = dir;
		while ((p = strchr(p + 1, '/'))) {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
		mkdir(dir, 0700);
	}
	unsigned long h = 5381;
	const char *who = getenv("NTM_USER");
	for (const char *s = a->opt.db_path ? a->opt.db_path : ""; *s; s++)
		h = h * 33 + (unsigned char)*s;
	for (const char *s = who ? who : ""; *s; s++)
		h = h * 33 + (unsigned char)*s;
	snprintf(out, size, "%s/draft-%08lx", dir, h & 0xffffffffUL);
	return true;
}

bool
draft_can_keep(void)
{
	const char *base = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	return (base && *base == '/') || (home && *home);
}

static void
put_escaped(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\\')
			fputs("\\\\", f);
		else
			fputc(*s, f);
	}
	fputc('\n', f);
}

bool
draft_write(struct app *a, const struct draft *d)
{
	char path[4200];
	if (!draft_path(a, path, sizeof path, true))
		return false;
	FILE *f = fopen(path, "w");
	if (!f)
		return false;
	fprintf(f, "ntm-draft 2\n%s\n%s\n%s\n", d->kind, d->key, d->plan);
	put_escaped(f, d->title);
	for (int i = 0; i < d->n; i++)
		put_escaped(f, d->values[i] ? d->values[i] : "");
	return fclose(f) == 0;
}

static void
unescape(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*o++ = *s == 'n' ? '\n' : *s;
		} else if (*s != '\n') {
			*o++ = *s;
		}
	}
	*o = '\0';
}

/* One line of any length (a note of 10 000 characters is ~30 KB), or
 * NULL at the end; the caller frees it. */
static char *
read_line(FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	if (getline(&line, &cap, f) < 0) {
		free(line);
		return NULL;
	}
	unescape(line);
	return line;
}

/* Copies a header line into a fixed field; false when it is missing. */
static bool
header(FILE *f, char *out, size_t size)
{
	char *line = read_line(f);
	if (!line)
		return false;
	snprintf(out, size, "%s", line);
	free(line);
	return true;
}

bool
draft_take(struct app *a, struct draft *d)
{
	char path[4200], magic[32];
	memset(d, 0, sizeof *d);
	if (!draft_path(a, path, sizeof path, false))
		return false;
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	/* version 1 had no plan line */
	bool ok = header(f, magic, sizeof magic) &&
		  (strcmp(magic, "ntm-draft 1") == 0 || strcmp(magic, "ntm-draft 2") == 0) &&
		  header(f, d->kind, sizeof d->kind) && header(f, d->key, sizeof d->key) &&
		  (strcmp(magic, "ntm-draft 1") == 0 || header(f, d->plan, sizeof d->plan)) &&
		  header(f, d->title, sizeof d->title);
	for (char *v; ok && d->n < DRAFT_FIELDS && (v = read_line(f));)
		d->values[d->n++] = v;
	fclose(f);
	unlink(path);
	if (!ok)
		draft_free(d);
	return ok;
}

void
draft_free(struct draft *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->values[i]);
	d->n = 0;
}
