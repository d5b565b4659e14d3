/* ntm undo: the most recent action recorded in the file, by anyone,
 * undone as a new action (store_undo); undoing an undo redoes. */
#include <string.h>

#include "cli.h"
#include "msg.h"

int
cmd_undo(struct cli *c)
{
	struct store *st;
	c->pick_commune = true;   /* the level above's: its own last action */
	int rc = cli_open(c, &st);
	if (rc != NTM_OK)
		return rc;
	char last[STORE_ID_LEN], done[STORE_ID_LEN];
	struct arena a = {0};
	const char *what = NULL;
	if (store_read_only(st))
		rc = ntm_fail(&c->err, NTM_USAGE, MSG_UNDO_READ_ONLY,
			      store_read_only_reason(st) ? store_read_only_reason(st)
			      : "--read-only");
	else if (store_last_action(st, last, NULL) != NTM_OK)
		rc = ntm_fail(&c->err, NTM_FAIL, "%s", MSG_UNDO_NOTHING);
	else
		rc = store_undo(st, last, done, &c->err);
	const char *redo = model_verb_label(model_verb_code(NTM_VERB_REDO));
	if (rc == NTM_OK &&
	    store_action_describe(st, done, &a, &what, NULL) == NTM_OK)
		printf(strncmp(what, redo, strlen(redo)) == 0 ? MSG_UNDO_REDONE
		       : MSG_UNDO_DONE, out_safe(what));
	else if (rc == NTM_OK)
		printf("%s", MSG_UNDO_DONE_PLAIN);
	arena_free(&a);
	store_close(st);
	return rc;
}
