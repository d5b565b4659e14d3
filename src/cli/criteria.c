/* ntm criteria: the criteria sets (list), a new national set from a text
 * file (import), and the national target of an indicator entered by an
 * official with the decision it comes from (target). */
#include "cli.h"
#include "msg.h"
#include "ntm/io.h"

static void
print_sets_json(const struct store_criteria_set *x, int n)
{
	fputs("[", stdout);
	for (int i = 0; i < n; i++) {
		fputs(i ? ",{\"code\":" : "{\"code\":", stdout);
		out_json_string(stdout, x[i].code);
		out_json_field(stdout, "name", x[i].name);
		out_json_field(stdout, "level", x[i].level);
		out_json_field(stdout, "source", x[i].source);
		printf(",\"criteria\":%d,\"indicators\":%d,\"targets\":%d,"
		       "\"in_use\":%s}", x[i].criteria, x[i].indicators,
		       x[i].targets, x[i].in_use ? "true" : "false");
	}
	fputs("]\n", stdout);
}

static int
list(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_criteria_set *x;
	int n = 0;
	int rc = store_criteria_sets(st, &a, &x, &n, &c->err);
	if (rc == NTM_OK && c->format == FMT_JSON) {
		print_sets_json(x, n);
	} else if (rc == NTM_OK) {
		for (int i = 0; i < n; i++) {
			printf("%s %s — %s", x[i].in_use ? "*" : " ",
			       out_safe(x[i].code), out_safe(x[i].name));
			if (x[i].source)
				printf(" (%s)", out_safe(x[i].source));
			printf(TXT_SET_COUNTS, x[i].criteria, x[i].indicators,
			       x[i].targets);
		}
		fputs(TXT_SET_IN_USE, stdout);
	}
	arena_free(&a);
	return rc;
}

static int
import(struct cli *c, struct store *st)
{
	int ncrit = 0, nind = 0;
	bool dry = c->dry_run;
	int rc = io_criteria_import(st, c->args[0], dry, &ncrit, &nind, &c->err);
	if (rc == NTM_OK)
		printf(dry ? MSG_IMPORT_CHECKED : MSG_IMPORT_DONE,
		       out_arg(c->args[0]), ncrit, nind);
	return rc;
}

/* The national target now, its source, and the status it gives. */
static int
print_national(struct cli *c, struct store *st, const char *id)
{
	struct arena a = {0};
	struct store_indicator x;
	char t[64];
	int rc = store_indicator_get(st, id, &a, &x, &c->err);
	if (rc == NTM_OK && !x.reading.national.set) {
		printf(MSG_NATIONAL_CLEARED, out_safe(x.code), model_status_label(x.status));
	} else if (rc == NTM_OK) {
		out_target(t, sizeof t, x.reading.kind, &x.reading.national);
		printf(MSG_NATIONAL_DONE, out_safe(x.code), t,
		       x.national_source ? out_safe(x.national_source) : TXT_NONE,
		       model_status_label(x.status));
	}
	if (rc == NTM_OK && x.reading.plan.set) {
		out_target(t, sizeof t, x.reading.kind, &x.reading.plan);
		printf(MSG_PLAN_WINS, t);
	}
	/* national: one target for every commune the file holds */
	const char **names;
	int n = 0;
	if (rc == NTM_OK && store_communes(st, &a, &names, &n, NULL) == NTM_OK &&
	    n > 1)
		printf(MSG_NATIONAL_SHARED, n);
	arena_free(&a);
	return rc;
}

/* Reads and writes in one call: no version to check (STORE_ANY_VERSION). */
static int
target(struct cli *c, struct store *st)
{
	struct store_indicator_ref ind;
	int rc = store_indicator_find(st, c->args[0], &ind, &c->err);
	if (rc == NTM_OK && c->clear) {
		rc = store_national_target_clear(st, &ind, STORE_ANY_VERSION, &c->err);
	} else if (rc == NTM_OK) {
		enum ntm_cmp cmp = ind.cmp;
		double v;
		const char *err = model_parse_target(ind.kind, c->args[1], &cmp, &v);
		if (err)
			return ntm_fail(&c->err, NTM_USAGE, MSG_BAD_VALUE,
					out_arg(c->args[1]), ind.code, err);
		rc = store_national_target_set(st, &ind, STORE_ANY_VERSION, cmp, v,
					       c->source, &c->err);
	}
	return rc == NTM_OK ? print_national(c, st, ind.id) : rc;
}

/* Refusals of target that need no file: MÃ alone with --clear, MÃ and
 * GIÁ_TRỊ with its source otherwise. */
static int
check_target(struct cli *c)
{
	if (c->nargs != (c->clear ? 1 : 2))
		return ntm_fail(&c->err, NTM_USAGE, MSG_SUB_ARGS, c->cmd, "target",
				TXT_TARGET_ARGS, c->cmd);
	if (c->clear && c->source)
		return ntm_fail(&c->err, NTM_USAGE, MSG_CLEAR_SOURCE);
	if (!c->clear && (!c->source || !*c->source))
		return ntm_fail(&c->err, NTM_USAGE, MSG_NEED_SOURCE,
				out_arg(c->args[0]), out_arg(c->args[1]));
	return NTM_OK;
}

const struct cli_sub cli_criteria_subs[] = {
	{"list", 0, 0, "không tham số", OPT_FORMAT | OPT_PLAN, NULL, list},
	{"import", 1, 1, "một TỆP", OPT_DRY_RUN, NULL, import},
	{"target", 1, 2, TXT_TARGET_ARGS, OPT_SOURCE | OPT_CLEAR | OPT_PLAN,
	 check_target, target},
};
const int cli_criteria_nsubs = CLI_COUNT(cli_criteria_subs);

int
cmd_criteria(struct cli *c)
{
	return cli_run_sub(c, cli_criteria_subs, cli_criteria_nsubs);
}
