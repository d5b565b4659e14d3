/* ntm set and ntm target: measurements and plan targets. */
#include <string.h>

#include "cli.h"
#include "msg.h"

/* The indicator as the report now shows it, for the confirmation. */
static int
describe(struct cli *c, struct store *st, const char *id,
	 void (*print)(const struct store_indicator *, void *), void *data)
{
	struct arena a = {0};
	struct store_indicator x;
	int rc = store_indicator_get(st, id, &a, &x, &c->err);
	if (rc == NTM_OK)
		print(&x, data);
	arena_free(&a);
	return rc;
}

/* A value far from what the indicator usually holds (model_implausible)
 * is recorded only with --force: most often it is a slip (0,865 for
 * 86,5 %). */
static int
check_plausible(struct cli *c, struct store *st,
		const struct store_indicator_ref *ind, double v)
{
	if (c->force)
		return NTM_OK;
	struct arena a = {0};
	struct store_indicator x;
	char why[512];
	int rc = store_indicator_get(st, ind->id, &a, &x, &c->err);
	const char *warn = rc == NTM_OK
		? model_implausible(&x.reading, x.unit_label, v, why, sizeof why) : NULL;
	if (warn)
		rc = ntm_fail(&c->err, NTM_FAIL, MSG_IMPLAUSIBLE, warn, ind->code,
			      out_arg(c->args[1]));
	arena_free(&a);
	return rc;
}

/* "Hiện tại 12.2 = 86,5% (tính đến …): đạt" */
static void
print_current(const struct store_indicator *x, void *data)
{
	(void)data;
	char v[64];
	if (!x->reading.has_value) {
		printf(MSG_NO_CURRENT, x->code, model_status_label(x->status));
		return;
	}
	char dmy[11];
	out_value(v, sizeof v, x);
	model_date_dmy(x->as_of, dmy);
	printf(MSG_CURRENT, x->code, v, x->as_of ? dmy : TXT_NONE,
	       model_status_label(x->status));
}

static void
print_target(const struct store_indicator *x, void *data)
{
	(void)data;
	char t[64];
	if (!x->reading.plan.set) {
		printf(MSG_TARGET_CLEARED, x->code, model_status_label(x->status));
		return;
	}
	out_target(t, sizeof t, x->reading.kind, &x->reading.plan);
	printf(MSG_TARGET_DONE, x->code, t, model_status_label(x->status));
}

int
cli_read_date(struct cli *c, char buf[11])
{
	struct ntm_error why = {0};
	char today[11];
	store_today(today);
	if (model_measurement_date(c->date, today, buf, &why) == NTM_OK)
		return NTM_OK;
	return ntm_fail(&c->err, NTM_USAGE, MSG_BAD_DATE, why.msg);
}

int
cmd_set(struct cli *c)
{
	if (c->retract == (c->nargs == 2))
		return ntm_fail(&c->err, NTM_USAGE, c->retract ? MSG_BOTH_VALUE : MSG_NEED_VALUE,
				"retract");
	char date[11] = "";
	if (c->date && cli_read_date(c, date))
		return NTM_USAGE;
	struct store *st;
	struct store_indicator_ref ind;
	int rc = cli_open(c, &st);
	if (rc)
		return rc;
	rc = store_indicator_find(st, c->args[0], &ind, &c->err);
	if (rc == NTM_OK && c->retract) {
		rc = store_measurement_retract(st, &ind, &c->err);
		if (rc == NTM_OK) {
			printf(MSG_RETRACT_DONE, ind.code);
			rc = describe(c, st, ind.id, print_current, NULL);
		}
	} else if (rc == NTM_OK) {
		double v;
		const char *err = model_parse_value(ind.kind, c->args[1], &v);
		if (err)
			rc = ntm_fail(&c->err, NTM_USAGE, MSG_BAD_VALUE, c->args[1],
				      ind.code, err);
		if (rc == NTM_OK)
			rc = check_plausible(c, st, &ind, v);
		if (rc == NTM_OK)
			rc = store_measurement_add(st, &ind, v, *date ? date : NULL,
						   c->note, &c->err);
		if (rc == NTM_OK) {
			char shown[64];
			model_format_quantity(ind.kind, v, shown, sizeof shown);
			char dmy[11];
			if (!*date)
				store_today(date);
			model_date_dmy(date, dmy);
			printf(MSG_SET_DONE, ind.code, shown, dmy);
			rc = describe(c, st, ind.id, print_current, NULL);
		}
	}
	store_close(st);
	return rc;
}

/* Reads and writes in one call, so nothing shown can be stale: no version
 * to check (STORE_ANY_VERSION). */
int
cmd_target(struct cli *c)
{
	if (c->clear == (c->nargs == 2))
		return ntm_fail(&c->err, NTM_USAGE, c->clear ? MSG_BOTH_VALUE : MSG_NEED_VALUE,
				"clear");
	struct store *st;
	struct store_indicator_ref ind;
	int rc = cli_open(c, &st);
	if (rc)
		return rc;
	rc = store_indicator_find(st, c->args[0], &ind, &c->err);
	if (rc == NTM_OK && c->clear) {
		rc = store_target_clear(st, &ind, STORE_ANY_VERSION, &c->err);
	} else if (rc == NTM_OK) {
		enum ntm_cmp cmp = ind.cmp;
		double v;
		const char *err = model_parse_target(ind.kind, c->args[1], &cmp, &v);
		if (err)
			rc = ntm_fail(&c->err, NTM_USAGE, MSG_BAD_VALUE, c->args[1],
				      ind.code, err);
		if (rc == NTM_OK)
			rc = store_target_set(st, &ind, STORE_ANY_VERSION, cmp, v,
					      &c->err);
	}
	if (rc == NTM_OK)
		rc = describe(c, st, ind.id, print_target, NULL);
	store_close(st);
	return rc;
}
