/* ntm fund: the money of the plan in use's tasks — planned capital by
 * source (plan), total cost (cost), entries of money received, paid out
 * and work completed (add), their corrections (reverse), and the sources
 * of capital. This file reads the arguments and says what was done; the
 * model reads amounts (model_money_parse) and the store applies every
 * rule (sources, dates, paying beyond what was received, versions).
 * Listings and sums are in fundout.c. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"

/* ---- reading the arguments (before the file is opened) ------------------- */

int
fund_read_words(struct ntm_error *e, char **words, int n, long long *out)
{
	char text[512] = "";
	size_t len = 0;
	for (int i = 0; i < n && len < sizeof text; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "%s%s",
					i ? " " : "", words[i]);
	enum ntm_money_parse r = len < sizeof text
		? model_money_parse(text, out) : NTM_MONEY_TOO_BIG;
	if (r != NTM_MONEY_OK)
		return ntm_fail(e, NTM_USAGE, MSG_FUND_BAD_AMOUNT, out_arg(text),
				model_money_reason(r));
	return NTM_OK;
}

/* The amount: the words from c->args[1] on, joined by spaces (the shell
 * split "250 triệu"), as the model reads it. */
static int
read_amount(struct cli *c, long long *out)
{
	if (c->nargs < 2)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_FUND_NEED_AMOUNT);
	return fund_read_words(&c->err, c->args + 1, c->nargs - 1, out);
}

/* TASK, then an amount or --clear (but not both). */
static int
check_amount_or_clear(struct cli *c)
{
	int n;
	long long amount;
	int rc = cli_task_number(c, c->args[0], &n);
	if (rc == NTM_OK && c->clear && c->nargs > 1)
		rc = ntm_fail(&c->err, NTM_USAGE, MSG_FUND_CLEAR_AMOUNT,
			      out_arg(c->args[1]));
	if (rc == NTM_OK && !c->clear)
		rc = read_amount(c, &amount);
	return rc;
}

static int
check_plan(struct cli *c)
{
	if (!c->source)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_FUND_NEED_SOURCE);
	return check_amount_or_clear(c);
}

/* "received (nhận vốn), paid (giải ngân), …" */
static const char *
kinds_text(void)
{
	static char buf[256];
	size_t len = 0;
	for (int k = 0; k < NTM_FUND_KIND_COUNT; k++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s (%s)",
					k ? ", " : "", model_fund_kind_code(k),
					model_fund_kind_label(k));
	return buf;
}

static int
check_add(struct cli *c)
{
	int n;
	long long amount;
	char date[11];
	if (!c->kind)
		return ntm_fail(&c->err, NTM_USAGE, MSG_FUND_NEED_KIND, kinds_text());
	if (model_fund_kind_read(c->kind) < 0)
		return ntm_fail(&c->err, NTM_USAGE, MSG_FUND_BAD_KIND,
				out_arg(c->kind), kinds_text());
	int rc = cli_task_number(c, c->args[0], &n);
	if (rc == NTM_OK)
		rc = read_amount(c, &amount);
	if (rc == NTM_OK && c->date)
		rc = cli_read_date(c, date);
	return rc;
}

static int
check_reverse(struct cli *c)
{
	if (!c->reason || !c->reason[strspn(c->reason, " \t\n")])
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_FUND_NEED_REASON);
	return NTM_OK;
}

static int
check_source(struct cli *c)
{
	if (strcmp(c->args[0], "add") != 0)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_FUND_SOURCE_SUB);
	return NTM_OK;
}

/* ---- writing ------------------------------------------------------------- */

/* "250.000.000 đ" (a small ring of buffers, for one message). */
static const char *
money(long long v)
{
	static char ring[4][48];
	static int next;
	char *buf = ring[next];
	next = (next + 1) % 4;
	return model_money_format(v, true, buf, sizeof ring[0]);
}

/* A write that changed nothing (the same amount again) leaves the
 * store's last action as it was before it. */
static bool
unchanged(struct store *st, const char *before)
{
	return strcmp(before, store_my_last_action(st)) == 0;
}

static int
run_plan(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_task t;
	struct store_fund_source s;
	long long amount = 0;
	char before[STORE_ID_LEN];
	memcpy(before, store_my_last_action(st), STORE_ID_LEN);
	int rc = cli_find_task(c, st, &a, &t);
	if (rc == NTM_OK)
		rc = store_fund_source_find(st, c->source, &a, &s, &c->err);
	if (rc == NTM_OK && c->clear)
		rc = store_fund_plan_clear(st, t.id, s.code, STORE_ANY_VERSION,
					   &c->err);
	else if (rc == NTM_OK && (rc = read_amount(c, &amount)) == NTM_OK)
		rc = store_fund_plan_set(st, t.id, s.code, amount,
					 STORE_ANY_VERSION, &c->err);
	if (rc == NTM_OK && unchanged(st, before))
		printf(MSG_FUND_SAME, t.number);
	else if (rc == NTM_OK && c->clear)
		printf(MSG_FUND_PLAN_CLEARED, t.number, out_safe(s.name));
	else if (rc == NTM_OK)
		printf(MSG_FUND_PLAN_SET, t.number, out_safe(s.name), money(amount));
	arena_free(&a);
	return rc;
}

static int
run_cost(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_task t;
	long long cost = -1;
	char before[STORE_ID_LEN];
	memcpy(before, store_my_last_action(st), STORE_ID_LEN);
	int rc = cli_find_task(c, st, &a, &t);
	if (rc == NTM_OK && !c->clear)
		rc = read_amount(c, &cost);
	if (rc == NTM_OK)
		rc = store_fund_cost_set(st, t.id, STORE_ANY_VERSION, cost, &c->err);
	if (rc == NTM_OK && unchanged(st, before))
		printf(MSG_FUND_SAME, t.number);
	else if (rc == NTM_OK && c->clear)
		printf(MSG_FUND_COST_CLEARED, t.number);
	else if (rc == NTM_OK)
		printf(MSG_FUND_COST_SET, t.number, money(cost));
	arena_free(&a);
	return rc;
}

/* A payment beyond what the task received from the source (by paying,
 * or by reversing money received): refused without --force (nothing
 * written), else *warning says so. */
static int
check_overdraw(struct cli *c, struct store *st, const struct store_fund_new *in,
	       struct arena *a, const char **warning)
{
	*warning = NULL;
	int rc = store_fund_overdraw(st, in, a, warning, &c->err);
	if (rc == NTM_OK && *warning && !in->force)
		rc = ntm_fail(&c->err, NTM_FAIL, MSG_FUND_OVERDRAW, *warning);
	return rc;
}

/* What was recorded, read back as the store keeps it. */
static void
say_added(const struct store_fund_entry *e, const char *warning)
{
	char dmy[11], from[256] = "";
	model_date_dmy(e->on_date, dmy);
	if (e->source_name)
		snprintf(from, sizeof from, TXT_FUND_FROM, out_safe(e->source_name));
	printf(MSG_FUND_ADDED, model_fund_kind_label(e->kind), money(e->amount),
	       e->task_number, from, dmy, e->id);
	if (warning)
		printf(MSG_FUND_FORCED, out_safe(warning));
}

static int
run_add(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_task t;
	struct store_fund_entry e;
	struct store_fund_new in = {
		.kind = (enum ntm_fund_kind)model_fund_kind_read(c->kind),
		.source = c->source, .on_date = c->date, .doc = c->doc,
		.note = c->note, .force = c->force,
	};
	const char *warning = NULL;
	char id[STORE_ID_LEN];
	int rc = cli_find_task(c, st, &a, &t);
	if (rc == NTM_OK)
		rc = read_amount(c, &in.amount);
	in.task_id = t.id;
	if (rc == NTM_OK)
		rc = check_overdraw(c, st, &in, &a, &warning);
	if (rc == NTM_OK)
		rc = store_fund_add(st, &in, id, &c->err);
	if (rc == NTM_OK)
		rc = store_fund_entry_find(st, id, &a, &e, &c->err);
	if (rc == NTM_OK)
		say_added(&e, warning);
	arena_free(&a);
	return rc;
}

static int
run_reverse(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_fund_entry e;
	char id[STORE_ID_LEN];
	const char *warning = NULL;
	int rc = store_fund_entry_find(st, c->args[0], &a, &e, &c->err);
	struct store_fund_new in = {.reverses = e.id, .note = c->reason,
				    .on_date = c->date, .force = c->force};
	if (rc == NTM_OK)
		rc = check_overdraw(c, st, &in, &a, &warning);
	if (rc == NTM_OK)
		rc = store_fund_add(st, &in, id, &c->err);
	if (rc == NTM_OK)
		printf(MSG_FUND_REVERSED, e.id, model_fund_kind_label(e.kind),
		       money(e.amount), e.task_number, id, out_safe(c->reason));
	if (rc == NTM_OK && warning)
		printf(MSG_FUND_FORCED, out_safe(warning));
	arena_free(&a);
	return rc;
}

static int
run_source_add(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_fund_source *s;
	int n = 0;
	char id[STORE_ID_LEN];
	int rc = store_fund_source_add(st, c->args[1], id, &c->err);
	if (rc == NTM_OK)
		rc = store_fund_sources(st, &a, &s, &n, &c->err);
	for (int i = 0; rc == NTM_OK && i < n; i++)
		if (strcmp(s[i].id, id) == 0)
			printf(MSG_FUND_SOURCE_ADDED, out_safe(s[i].name),
			       out_safe(s[i].code));
	arena_free(&a);
	return rc;
}

static const char TASK_AMOUNT[] = "NHIỆM_VỤ (5 hoặc #5) và SỐ_TIỀN "
	"(hoặc --clear)";
const struct cli_sub cli_fund_subs[] = {
	{"plan", 1, 64, TASK_AMOUNT, OPT_PLAN | OPT_SOURCE | OPT_CLEAR,
	 check_plan, run_plan},
	{"cost", 1, 64, TASK_AMOUNT, OPT_PLAN | OPT_CLEAR,
	 check_amount_or_clear, run_cost},
	{"add", 1, 64, "NHIỆM_VỤ (5 hoặc #5) và SỐ_TIỀN", OPT_PLAN |
	 OPT_KIND | OPT_SOURCE | OPT_DATE | OPT_DOC | OPT_NOTE | OPT_FORCE,
	 check_add, run_add},
	{"reverse", 1, 1, "MÃ_KHOẢN (8 chữ số mà ntm fund list in ra)",
	 OPT_PLAN | OPT_REASON | OPT_DATE | OPT_FORCE, check_reverse,
	 run_reverse},
	{"list", 0, 1, "nhiều nhất một NHIỆM_VỤ", OPT_PLAN | OPT_FORMAT |
	 OPT_AS_OF | OPT_SEP | OPT_NO_BOM, fund_check_list, fund_list},
	{"summary", 0, 0, "không tham số", OPT_PLAN | OPT_FORMAT | OPT_BY |
	 OPT_AS_OF | OPT_SEP | OPT_NO_BOM, fund_check_summary,
	 fund_summary},
	/* sources are the file's, not a plan's: --plan changes nothing */
	{"sources", 0, 0, "không tham số", OPT_PLAN, NULL, fund_sources},
	{"source", 2, 2, "add TÊN_NGUỒN (tên nhiều từ đặt trong ngoặc kép)",
	 OPT_PLAN, check_source, run_source_add},
};
const int cli_fund_nsubs = CLI_COUNT(cli_fund_subs);

int
cmd_fund(struct cli *c)
{
	if (c->nargs == 0) {
		fputs(USAGE_FUND, stdout);
		return NTM_OK;
	}
	return cli_run_sub(c, cli_fund_subs, cli_fund_nsubs);
}
