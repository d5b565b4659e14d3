/* ntm init, log, backup and check. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "ntm/cli.h"
#include "ntm/io.h"
#include "ntm/plandoc.h"
#include "ntm/text.h"
#include "msg.h"

int
cli_create_db(struct cli *c, const char *path, bool empty, const char *commune)
{
	if (c->district || c->province)
		return store_create_district(path, c->district, c->province,
					     &c->err);
	struct arena a = {0};
	struct ntm_plan_doc plan;
	int rc = empty ? NTM_OK : io_plan_builtin(&a, &plan, &c->err);
	if (rc == NTM_OK)
		rc = store_create(path, empty, commune, empty ? NULL : &plan, &c->err);
	arena_free(&a);
	return rc;
}

/* --force: build the new file beside the old one, then swap them, so the
 * old file is untouched until the new one is complete. */
static int
init_force(struct cli *c)
{
	/* Never pull a file from under a session that has it open: it would
	 * go on writing into the deleted file. */
	int rc = store_file_in_use(c->db_path, &c->err);
	if (rc != NTM_OK)
		return rc;
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.new-%ld", c->db_path, (long)getpid());
	rc = cli_create_db(c, tmp, c->empty, c->commune);
	if (rc != NTM_OK)
		return rc;
	static const char *const sidecars[] = {"-wal", "-shm"};
	for (int i = 0; i < 2; i++) {
		char side[4200];
		snprintf(side, sizeof side, "%s%s", c->db_path, sidecars[i]);
		unlink(side);
	}
	if (rename(tmp, c->db_path) != 0) {
		unlink(tmp);
		return ntm_fail(&c->err, NTM_FAIL, MSG_FORCE_REMOVE, c->db_path,
				out_os_reason(errno));
	}
	return NTM_OK;
}

int
cmd_init(struct cli *c)
{
	bool is_default;
	if (c->read_only)
		return ntm_fail(&c->err, NTM_USAGE, MSG_INIT_RO);
	if (c->commune && !c->empty)
		return ntm_fail(&c->err, NTM_USAGE, MSG_OPT_NOT_HERE, "init",
				"commune (chỉ đi với --empty)", "init");
	if ((c->district || c->province) && (c->empty || c->commune))
		return ntm_fail(&c->err, NTM_USAGE, MSG_INIT_DISTRICT_ALONE);
	int rc = cli_resolve(c, &is_default);
	if (rc == NTM_OK && is_default)
		rc = cli_mkdir_parent(c, c->db_path);
	if (rc != NTM_OK)
		return rc;
	struct stat sb;
	bool exists = stat(c->db_path, &sb) == 0 && !S_ISDIR(sb.st_mode);
	rc = exists && c->force ? init_force(c)
		: cli_create_db(c, c->db_path, c->empty, c->commune);
	if (rc == NTM_OK)
		printf(MSG_INIT_DONE, c->db_path,
		       c->district || c->province ? MSG_INIT_DISTRICT
		       : c->empty ? MSG_INIT_EMPTY : "");
	return rc;
}

int
cmd_log(struct cli *c)
{
	struct store *st;
	c->pick_commune = true;   /* several communes, none named: every one */
	int rc = cli_open(c, &st);
	if (rc)
		return rc;
	struct arena a = {0};
	struct store_log_entry *x;
	int n = 0;
	rc = store_log(st, c->limit, &a, &x, &n, &c->err);
	if (rc == NTM_OK && n == 0)
		fputs(MSG_NO_LOG, stdout);
	for (int i = 0; rc == NTM_OK && i < n; i++) {
		char when[20];
		out_local_time(x[i].at, when);
		printf("%s  %s", when, out_safe(x[i].person ? x[i].person : x[i].os_user));
		if (x[i].person)
			printf(" (%s)", out_safe(x[i].os_user));
		if (x[i].replica)
			printf(MSG_LOG_FROM_COPY, out_safe(x[i].replica));
		if (x[i].held)
			fputs(MSG_LOG_HELD, stdout);
		if (x[i].described) {
			/* an undo names the action it undid, not its rows */
			printf("  %s\n", out_safe(x[i].described));
			continue;
		}
		printf("  %s  %s", model_verb_label(x[i].verb), out_safe(x[i].what));
		/* a 10 000-character note is cut here: the audit row has it all */
		char *cut = x[i].changes && *x[i].changes
			? text_fit(out_safe(x[i].changes), 240, false, false) : NULL;
		printf("  %s", cut ? cut : MSG_LOG_SAME);
		free(cut);
		if (x[i].more)
			printf(MSG_LOG_MORE, x[i].more);
		putchar('\n');
	}
	arena_free(&a);
	store_close(st);
	return rc;
}

/* Only the decision: src/main.c runs the full-screen program. */
int
cmd_ui(struct cli *c)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return ntm_fail(&c->err, NTM_USAGE, MSG_UI_NO_TTY);
	return CLI_OPEN_UI;
}

int
cmd_backup(struct cli *c)
{
	struct store *st;
	c->pick_commune = true;   /* the whole file, whatever its communes */
	int rc = cli_open(c, &st);
	if (rc)
		return rc;
	rc = store_backup(st, c->args[0], &c->err);
	if (rc == NTM_OK)
		printf(MSG_BACKUP_DONE, c->args[0]);
	store_close(st);
	return rc;
}

int
cmd_check(struct cli *c)
{
	struct store *st;
	c->pick_commune = true;  /* the whole file is checked: no commune needed */
	int rc = cli_open(c, &st);
	if (rc)
		return rc;
	struct arena a = {0};
	const char *report = NULL;
	rc = store_check(st, &a, &report, &c->err);
	if (rc == NTM_OK && report)
		rc = ntm_fail(&c->err, NTM_FAIL, MSG_CHECK_BAD, c->db_path, report);
	else if (rc == NTM_OK)
		printf(MSG_CHECK_OK, c->db_path);
	arena_free(&a);
	store_close(st);
	return rc;
}
