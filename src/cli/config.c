/* Where the database is and who is working: --db, $NTM_DB, the config
 * file's `db =`, else $XDG_DATA_HOME/ntm/ntm.db; $NTM_USER or `name =`;
 * the built-in input method the full-screen program starts with,
 * `input =` (checked by the program itself, which says when it is wrong). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "msg.h"

/* "~/x" → "$HOME/x"; other paths copied. */
static char *
expand_home(const char *p)
{
	const char *home = getenv("HOME");
	if (p[0] == '~' && p[1] == '/' && home) {
		size_t n = strlen(home) + strlen(p);
		char *out = malloc(n);
		if (out)
			snprintf(out, n, "%s%s", home, p + 1);
		return out;
	}
	return strdup(p);
}

static char *
trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		     s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* The settings of the config files: the first file to set one wins. */
struct config {
	char *db, *name, *input;
};

/* Reads `key = value` lines; fills what is not yet set. */
static void
read_config(const char *path, struct config *cf)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		char *l = trim(line);
		char *eq = strchr(l, '=');
		if (*l == '#' || *l == ';' || !eq)
			continue;
		*eq = '\0';
		char *key = trim(l), *value = trim(eq + 1);
		if (strcmp(key, "db") == 0 && !cf->db && *value)
			cf->db = expand_home(value);
		else if (strcmp(key, "name") == 0 && !cf->name && *value)
			cf->name = strdup(value);
		else if (strcmp(key, "input") == 0 && !cf->input)
			cf->input = strdup(value);
	}
	fclose(f);
}

/* $XDG_x_HOME or $HOME/fallback, joined with tail. */
static char *
xdg_path(const char *var, const char *fallback, const char *tail)
{
	const char *base = getenv(var), *home = getenv("HOME");
	char buf[4096];
	if (base && base[0] == '/')
		snprintf(buf, sizeof buf, "%s/%s", base, tail);
	else if (home && *home)
		snprintf(buf, sizeof buf, "%s/%s/%s", home, fallback, tail);
	else
		return NULL;
	return strdup(buf);
}

int
cli_mkdir_parent(struct cli *c, const char *file)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s", file);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0777) != 0 && errno != EEXIST)
			return ntm_fail(&c->err, NTM_FAIL, MSG_MKDIR, buf, out_os_reason(errno));
		*p = '/';
	}
	return NTM_OK;
}

int
cli_resolve(struct cli *c, bool *is_default)
{
	struct config cf = {0};
	*is_default = false;
	if (c->db)
		cf.db = strdup(c->db);
	else if (getenv("NTM_DB") && *getenv("NTM_DB"))
		cf.db = strdup(getenv("NTM_DB"));
	if (getenv("NTM_USER") && *getenv("NTM_USER"))
		cf.name = strdup(getenv("NTM_USER"));
	char *user_cfg = xdg_path("XDG_CONFIG_HOME", ".config", "ntm/config");
	if (user_cfg)
		read_config(user_cfg, &cf);
	read_config("/etc/ntm/config", &cf);
	free(user_cfg);
	char *db = cf.db, *name = cf.name;
	free(c->input);
	c->input = cf.input;
	if (!db) {
		db = xdg_path("XDG_DATA_HOME", ".local/share", "ntm/ntm.db");
		*is_default = true;
	}
	free(c->db_path);      /* resolved again: a command that opens twice */
	free(c->person);
	c->db_path = db;
	c->person = name;
	if (!db)
		return ntm_fail(&c->err, NTM_FAIL, MSG_NO_HOME);
	return NTM_OK;
}

int
cli_open(struct cli *c, struct store **st)
{
	bool is_default;
	int rc = cli_resolve(c, &is_default);
	struct stat sb;
	/* The default file is made on first use, except for a viewer: a
	 * --read-only run writes nothing, not even a new file. */
	if (rc == NTM_OK && is_default && stat(c->db_path, &sb) != 0 &&
	    c->read_only)
		return ntm_fail(&c->err, NTM_FAIL, MSG_RO_NO_DEFAULT, out_safe(c->db_path));
	if (rc == NTM_OK && is_default && stat(c->db_path, &sb) != 0) {
		rc = cli_mkdir_parent(c, c->db_path);
		if (rc == NTM_OK)
			rc = cli_create_db(c, c->db_path, false, NULL);
		if (rc == NTM_OK)
			fprintf(stderr, MSG_CREATED "\n", out_safe(c->db_path));
	}
	if (rc != NTM_OK)
		return rc;
	struct store_options opt = {
		.read_only = c->read_only, .person = c->person,
		.busy_ms = getenv("NTM_BUSY_TIMEOUT_MS")
			? atoi(getenv("NTM_BUSY_TIMEOUT_MS")) : 0,
	};
	rc = store_open(st, c->db_path, &opt, &c->err);
	if (rc == NTM_OK) {
		rc = store_use_commune(*st, c->unit, &c->err);
		/* several communes, none named (or none yet in the level
		 * above's file): the full-screen program asks, the commands
		 * across communes read them all */
		c->commune_unpicked = rc != NTM_OK && c->pick_commune &&
			!c->unit && (rc == NTM_USAGE || store_is_district(*st));
		if (c->commune_unpicked)
			return NTM_OK;
		if (rc == NTM_OK && c->plan)
			rc = store_plan_select(*st, c->plan, &c->err);
		if (rc != NTM_OK) {
			store_close(*st);
			*st = NULL;
		}
	}
	return rc;
}
