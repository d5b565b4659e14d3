/* ntm unit merge OLD… --into NEW: communes merged by the 2025 reform
 * (store_unit_merge), one audited action, or a dry run that writes
 * nothing. */
#include "cli.h"
#include "msg.h"

enum { PHRASE = 256 };

static void
print_communes(const struct store_merge_result *r)
{
	char xa[PHRASE];
	for (int i = 0; i < r->nfrom; i++)
		printf("%s%s", i ? ", " : "",
		       out_safe(model_commune_phrase(r->from[i], xa, sizeof xa)));
}

static void
print_counts(const struct store_merge_result *r)
{
	printf(MSG_MERGE_VILLAGES, r->villages, r->items);
	printf(MSG_MERGE_PLANS, r->plans, r->tasks);
	printf(MSG_MERGE_VALUES, r->values);
	printf(MSG_MERGE_ALIASES, r->aliases);
	printf(MSG_MERGE_HISTORY, r->actions);
}

static void
print_renames(const struct store_merge_result *r)
{
	if (r->nrenames)
		fputs(MSG_MERGE_RENAMES, stdout);
	for (int i = 0; i < r->nrenames; i++) {
		const struct store_merge_rename *n = &r->renames[i];
		char xa[PHRASE];
		if (n->kind == MERGE_PLAN)
			printf(MSG_MERGE_RENAME_PLAN, out_safe(n->from), n->year);
		else
			printf(n->kind == MERGE_VILLAGE ? MSG_MERGE_RENAME_VILLAGE
			       : MSG_MERGE_RENAME_ALIAS, out_safe(n->from));
		printf(MSG_MERGE_RENAME_TO, out_safe(model_commune_phrase(n->commune,
		       xa, sizeof xa)), out_safe(n->to));
	}
}

static void
print_mixed(const struct store_merge_result *r)
{
	if (!r->nmixed)
		return;
	fputs(MSG_MERGE_MIXED, stdout);
	for (int i = 0; i < r->nmixed; i++)
		printf("%s%s", i ? ", " : "", out_safe(r->mixed[i]));
	fputs("\n", stdout);
}

static void
print_result(const struct store_merge_result *r, bool dry)
{
	char xa[PHRASE];
	fputs(dry ? MSG_MERGE_WOULD : MSG_MERGE_DONE, stdout);
	print_communes(r);
	printf(MSG_MERGE_INTO, out_safe(model_commune_phrase(r->into, xa, sizeof xa)),
	       r->created ? TXT_MERGE_CREATED : "");
	print_counts(r);
	print_renames(r);
	print_mixed(r);
	if (!dry) {
		printf(MSG_MERGE_OLD_NAMES, out_safe(r->into));
		fputs(MSG_MERGE_UNDO, stdout);
	}
}

static int
check_merge(struct cli *c)
{
	if (!c->into)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_MERGE_NEED_INTO);
	return NTM_OK;
}

static int
run_merge(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_merge_result r;
	int rc = store_unit_merge(st, (const char *const *)c->args, c->nargs,
				  c->into, c->dry_run, &a, &r, &c->err);
	if (rc == NTM_OK)
		print_result(&r, c->dry_run);
	arena_free(&a);
	return rc;
}

const struct cli_sub cli_unit_subs[] = {
	{"merge", 1, 63, "XÃ_CŨ… --into XÃ_MỚI", OPT_INTO | OPT_DRY_RUN,
	 check_merge, run_merge},
};
const int cli_unit_nsubs = CLI_COUNT(cli_unit_subs);

int
cmd_unit(struct cli *c)
{
	if (!c->nargs)
		return ntm_fail(&c->err, NTM_USAGE, "%s", USAGE_UNIT);
	/* a file of several communes: none needs to be in use */
	c->pick_commune = true;
	return cli_run_sub(c, cli_unit_subs, cli_unit_nsubs);
}
