/* Drafts: when the SSH link drops (SIGHUP) while a form is open, what was
 * typed is written to a file of this user's, and offered the next time
 * they open ntm on the same database. */
#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* User-visible texts of this file. */
#define TXT_DRAFT_ASK   "Mở lại bản nháp chưa lưu? y: mở; phím khác: bỏ — “%s”"
#define TXT_DRAFT_GONE  "Bản nháp không còn dùng được (dòng đã bị xóa); đã bỏ."

/* Values waiting to be put into the next form that opens. */
static char *prefill[FORM_FIELDS];
static int nprefill;

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

void
draft_save(struct app *a, const struct form *fm)
{
	char path[4200];
	if (!fm->kind || !draft_path(a, path, sizeof path, true))
		return;
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "ntm-draft 1\n%s\n%s\n", fm->kind, fm->key);
	put_escaped(f, fm->title);
	for (int i = 0; i < fm->n; i++) {
		char *v = form_value(fm, i);
		put_escaped(f, v ? v : "");
		free(v);
	}
	fclose(f);
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

bool
draft_apply(struct form *fm)
{
	bool any = nprefill > 0;
	for (int i = 0; i < nprefill && i < fm->n; i++) {
		struct field *f = &fm->f[i];
		if (f->kind == FIELD_CHOICE) {
			for (int c = 0; c < f->nchoices; c++)
				if (strcmp(f->choices[c], prefill[i]) == 0)
					f->choice = c;
		} else {
			lineedit_set(&f->le, prefill[i]);
		}
		free(prefill[i]);
	}
	nprefill = 0;
	return any;
}

/* Opens the form the draft belongs to; false when its row is gone. */
static bool
reopen(struct app *a, const char *kind, const char *key)
{
	for (int i = 0; i < a->rep.nind; i++)
		if (strcmp(a->rep.ind[i].id, key) == 0) {
			for (int c = 0; c < a->rep.ncrit; c++)
				if (i >= a->rep.crit[c].first &&
				    i < a->rep.crit[c].first + a->rep.crit[c].count)
					app_goto(a, app_tab_of_sector(a, a->rep.crit[c].sector_code), key);
			screen_draw(a);
			if (strcmp(kind, "value") == 0)
				form_indicator_value(a, &a->rep.ind[i]);
			else
				form_indicator_target(a, &a->rep.ind[i]);
			return true;
		}
	for (int i = 0; i < a->ntasks; i++)
		if (strcmp(a->tasks[i].id, key) == 0) {
			app_goto(a, app_tab_of_sector(a, a->tasks[i].sector_code), key);
			screen_draw(a);
			form_task(a, &a->tasks[i], a->tasks[i].sector_code);
			return true;
		}
	if (strcmp(kind, "task") == 0 && app_tab_of_sector(a, key) >= 0) {
		app_goto(a, app_tab_of_sector(a, key), NULL);
		screen_draw(a);
		form_task(a, NULL, key);
		return true;
	}
	return false;
}

void
draft_offer(struct app *a)
{
	char path[4200], line[8192], kind[32] = "", key[128] = "", title[512] = "";
	if (!draft_path(a, path, sizeof path, false))
		return;
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	bool ok = fgets(line, sizeof line, f) && strncmp(line, "ntm-draft 1", 11) == 0 &&
		  fgets(kind, sizeof kind, f) && fgets(key, sizeof key, f) &&
		  fgets(title, sizeof title, f);
	nprefill = 0;
	while (ok && nprefill < FORM_FIELDS && fgets(line, sizeof line, f)) {
		unescape(line);
		prefill[nprefill++] = strdup(line);
	}
	fclose(f);
	unlink(path);
	if (!ok)
		return;
	unescape(kind);
	unescape(key);
	unescape(title);
	char q[1024];
	snprintf(q, sizeof q, TXT_DRAFT_ASK, title);
	screen_draw(a);
	bool yes = confirm(a, q);
	a->msg[0] = '\0';
	if (yes && !reopen(a, kind, key))
		app_message(a, true, "%s", TXT_DRAFT_GONE);
	for (int i = 0; i < nprefill; i++)
		free(prefill[i]);
	nprefill = 0;
}
