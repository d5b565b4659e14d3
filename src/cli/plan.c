/* ntm plan: the plans of the commune — list, new, copy (next year's plan
 * from an earlier one), use (the default one), edit, remove, export and
 * import as plan text (man 5 ntm-plan). A plan is named as a person types
 * it, a year or a number (store_plan_find). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"
#include "ntm/io.h"
#include "ntm/text.h"

int
cli_need_plan(struct cli *c, struct store *st, struct arena *a,
	      struct store_plan *out)
{
	int rc = store_plan_in_use(st, a, out, &c->err);
	if (rc == NTM_OK && out->id[0] == '\0')
		rc = ntm_fail(&c->err, NTM_FAIL, "%s", MSG_NO_PLAN);
	return rc;
}

/* The plan with this id as store_plans lists it (current, counts). */
static int
plan_by_id(struct cli *c, struct store *st, const char *id, struct arena *a,
	   struct store_plan *out)
{
	struct store_plan *p;
	int n = 0;
	int rc = store_plans(st, a, &p, &n, &c->err);
	for (int i = 0; rc == NTM_OK && i < n; i++)
		if (strcmp(p[i].id, id) == 0) {
			*out = p[i];
			return NTM_OK;
		}
	return rc == NTM_OK ? ntm_fail(&c->err, NTM_FAIL, "%s", MSG_NO_PLAN) : rc;
}

/* After a plan is made: which one every command shows when it is not
 * that one. */
static void
say_default(struct cli *c, struct store *st, const struct store_plan *made,
	    struct arena *a)
{
	struct store_plan *p;
	int n = 0;
	if (made->current || store_plans(st, a, &p, &n, &c->err) != NTM_OK)
		return;
	for (int i = 0; i < n; i++)
		if (p[i].current)
			printf(MSG_PLAN_NOT_DEFAULT, out_safe(p[i].number), p[i].year,
			       out_safe(made->number), out_safe(made->number));
}

/* ---- checks made before the file is opened ---------------------------------- */

/* --year: digits (the store checks the range); 0 when not given. */
static int
read_year(struct cli *c, int *year)
{
	*year = 0;
	if (!c->year)
		return NTM_OK;
	size_t n = strlen(c->year);
	if (n == 0 || n > 6 || strspn(c->year, "0123456789") != n)
		return ntm_fail(&c->err, NTM_USAGE, MSG_BAD_YEAR, out_arg(c->year));
	*year = atoi(c->year);
	return NTM_OK;
}

/* What --year, --number, --date/--no-date, --title, --signer give. */
static int
read_fields(struct cli *c, struct store_plan_fields *f)
{
	*f = (struct store_plan_fields){
		.number = c->number, .title = c->title, .signer = c->signer,
		.issued_on = c->no_date ? "" : c->date,
	};
	if (c->date && c->no_date)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_DATE_NO_DATE);
	return read_year(c, &f->year);
}

static int
need_option(struct cli *c, const char *sub, const char *value,
	    const char *opt, const char *example)
{
	if (value)
		return NTM_OK;
	return ntm_fail(&c->err, NTM_USAGE, MSG_PLAN_NEEDS, sub, opt, example);
}

static int
check_new(struct cli *c)
{
	struct store_plan_fields f;
	int rc = read_fields(c, &f);
	if (rc == NTM_OK)
		rc = need_option(c, "new", c->year, "year NĂM", "ví dụ --year 2025");
	if (rc == NTM_OK)
		rc = need_option(c, "new", c->number, "number SỐ",
				 "số hiệu, ví dụ --number \"15/KH-UBND\"");
	if (rc == NTM_OK)
		rc = need_option(c, "new", c->title, "title TÊN",
				 "tên của kế hoạch");
	return rc;
}

static int
check_copy(struct cli *c)
{
	struct store_plan_fields f;
	int rc = read_fields(c, &f);
	if (rc == NTM_OK)
		rc = need_option(c, "copy", c->number, "number SỐ",
				 "số hiệu của kế hoạch mới, ví dụ --number \"15/KH-UBND\"");
	return rc;
}

static int
check_use(struct cli *c)
{
	if (c->clear && c->nargs == 1)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_USE_BOTH);
	if (!c->clear && c->nargs != 1)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_USE_ARGS);
	return NTM_OK;
}

static int
check_edit(struct cli *c)
{
	struct store_plan_fields f;
	int rc = read_fields(c, &f);
	if (rc == NTM_OK && !f.year && !f.number && !f.issued_on && !f.title &&
	    !f.signer)
		rc = ntm_fail(&c->err, NTM_USAGE, "%s", MSG_PLAN_NOTHING);
	return rc;
}

/* ---- list ---------------------------------------------------------------- */

static void
list_json(const struct store_plan *p, int n)
{
	putchar('[');
	for (int i = 0; i < n; i++) {
		fputs(i ? ",{\"number\":" : "{\"number\":", stdout);
		out_json_string(stdout, p[i].number);
		printf(",\"year\":%d,\"issued_on\":", p[i].year);
		out_json_string(stdout, p[i].issued_on);
		out_json_field(stdout, "title", p[i].title);
		out_json_field(stdout, "signer", p[i].signer);
		out_json_field(stdout, "criteria_set", p[i].criteria_set);
		printf(",\"current\":%s,\"in_use\":%s,\"tasks_total\":%d,"
		       "\"tasks_done\":%d}", p[i].current ? "true" : "false",
		       p[i].in_use ? "true" : "false", p[i].tasks_total,
		       p[i].tasks_done);
	}
	puts("]");
}

static int
widest(const char *title, const char *const *cells, int n)
{
	int w = text_width(title);
	for (int i = 0; i < n; i++)
		if (text_width(cells[i]) > w)
			w = text_width(cells[i]);
	return w + 2;
}

/* "* 2024  32/KH-UBND  12/03/2024  23/93  Kế hoạch …" */
static void
list_text(const struct store_plan *p, int n, struct arena *a)
{
	const char **num = arena_alloc(a, sizeof *num * (size_t)(n + 1));
	const char **issued = arena_alloc(a, sizeof *issued * (size_t)(n + 1));
	const char **tasks = arena_alloc(a, sizeof *tasks * (size_t)(n + 1));
	for (int i = 0; i < n; i++) {
		char buf[32];
		num[i] = arena_strdup(a, out_safe(p[i].number));
		model_date_dmy(p[i].issued_on, buf);
		issued[i] = arena_strdup(a, p[i].issued_on ? out_safe(buf) : TXT_NONE);
		snprintf(buf, sizeof buf, "%d/%d", p[i].tasks_done, p[i].tasks_total);
		tasks[i] = arena_strdup(a, buf);
	}
	int wn = widest(TXT_PLAN_NUMBER, num, n);
	int wi = widest(TXT_PLAN_ISSUED, issued, n);
	int wt = widest(TXT_TASKS, tasks, n);
	fputs("  ", stdout);
	out_pad(stdout, TXT_PLAN_YEAR, 6);
	out_pad(stdout, TXT_PLAN_NUMBER, wn);
	out_pad(stdout, TXT_PLAN_ISSUED, wi);
	out_pad(stdout, TXT_TASKS, wt);
	puts(TXT_PLAN_TITLE);
	for (int i = 0; i < n; i++) {
		printf("%s %-4d  ", p[i].current ? "*" : " ", p[i].year);
		out_pad(stdout, num[i], wn);
		out_pad(stdout, issued[i], wi);
		out_pad(stdout, tasks[i], wt);
		puts(out_safe(p[i].title));
	}
	printf("\n%s\n", TXT_PLAN_LEGEND);
}

static int
plan_list(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_plan *p;
	int n = 0;
	int rc = store_plans(st, &a, &p, &n, &c->err);
	if (rc == NTM_OK && c->format == FMT_JSON)
		list_json(p, n);
	else if (rc == NTM_OK && n == 0)
		fputs(TXT_NO_PLANS, stdout);
	else if (rc == NTM_OK)
		list_text(p, n, &a);
	arena_free(&a);
	return rc;
}

/* ---- new, copy ------------------------------------------------------------- */

static int
plan_new(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_plan_fields f;
	struct store_plan made;
	char id[STORE_ID_LEN];
	char today[11];
	int rc = read_fields(c, &f);
	if (!f.issued_on) {            /* as the full-screen form: today */
		store_today(today);
		f.issued_on = today;
	}
	if (rc == NTM_OK)
		rc = store_plan_new(st, &f, id, &c->err);
	if (rc == NTM_OK)
		rc = plan_by_id(c, st, id, &a, &made);
	if (rc == NTM_OK) {
		printf(MSG_PLAN_CREATED, out_safe(made.number), made.year);
		say_default(c, st, &made, &a);
	}
	arena_free(&a);
	return rc;
}

/* The plan targets and own indicators of the plan `which` names: what a
 * copy of it carries over. */
static int
count_targets(struct cli *c, struct store *st, const char *which, int *targets,
	      int *own)
{
	struct store_report r;
	*targets = *own = 0;
	int rc = store_plan_select(st, which, &c->err);
	if (rc == NTM_OK)
		rc = store_report_load(st, &r, &c->err);
	if (rc != NTM_OK)
		return rc;
	for (int i = 0; i < r.nind; i++) {
		*targets += r.ind[i].reading.plan.set;
		*own += r.ind[i].plan_own;
	}
	store_report_free(&r);
	return store_plan_select(st, c->plan, &c->err);
}

/* "chuyển 70 nhiệm vụ chưa hoàn thành, 17 chỉ tiêu kế hoạch, 11 chỉ tiêu
 * riêng". */
static int
plan_copy(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_plan_fields f;
	struct store_plan from, made;
	char id[STORE_ID_LEN];
	int carried = 0, targets = 0, own = 0;
	char today[11];
	int rc = read_fields(c, &f);
	if (!f.issued_on) {            /* as the full-screen form: today */
		store_today(today);
		f.issued_on = today;
	}
	if (rc == NTM_OK)
		rc = store_plan_find(st, c->args[0], &a, &from, &c->err);
	if (rc == NTM_OK && !f.year)
		f.year = from.year + 1;
	if (rc == NTM_OK)
		rc = store_plan_copy(st, c->args[0], &f, id, &carried, &c->err);
	/* what the new plan holds now: what the copy wrote */
	if (rc == NTM_OK)
		rc = count_targets(c, st, id, &targets, &own);
	if (rc == NTM_OK)
		rc = plan_by_id(c, st, id, &a, &made);
	if (rc == NTM_OK) {
		printf(MSG_PLAN_COPIED, out_safe(made.number), made.year,
		       out_safe(from.number), carried, targets, own);
		say_default(c, st, &made, &a);
	}
	arena_free(&a);
	return rc;
}

/* ---- use, edit, remove ----------------------------------------------------- */

static int
plan_use(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_plan p;
	int rc = store_plan_remember(st, c->clear ? NULL : c->args[0], &c->err);
	if (rc == NTM_OK)
		rc = store_plan_in_use(st, &a, &p, &c->err);
	if (rc == NTM_OK && !c->clear)
		printf(MSG_PLAN_USED, out_safe(p.number), p.year);
	else if (rc == NTM_OK && p.id[0])
		printf(MSG_PLAN_USE_CLEAR, out_safe(p.number), p.year);
	else if (rc == NTM_OK)
		fputs(MSG_PLAN_USE_NONE, stdout);
	arena_free(&a);
	return rc;
}

/* Reads and writes in one call: the version read is the one checked. */
static int
plan_edit(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_plan_fields f;
	struct store_plan p, now;
	char before[STORE_ID_LEN];
	memcpy(before, store_my_last_action(st), STORE_ID_LEN);
	int rc = read_fields(c, &f);
	if (rc == NTM_OK)
		rc = store_plan_find(st, c->args[0], &a, &p, &c->err);
	if (rc == NTM_OK)
		rc = store_plan_edit(st, p.id, p.version, &f, &c->err);
	if (rc == NTM_OK)
		rc = plan_by_id(c, st, p.id, &a, &now);
	if (rc == NTM_OK && strcmp(before, store_my_last_action(st)) == 0)
		printf(MSG_PLAN_SAME, out_safe(now.number), now.year);
	else if (rc == NTM_OK)
		printf(MSG_PLAN_EDITED, out_safe(now.number), now.year);
	arena_free(&a);
	return rc;
}

/* The refusal to remove plan p, which has tasks, without --force: it
 * names the money of its tasks when they have any (read by selecting p
 * on this connection for a moment, then the plan asked for again). */
static int
refuse_remove(struct cli *c, struct store *st, const struct store_plan *p,
	      struct arena *a)
{
	struct store_fund_summary m = {0};
	struct ntm_error ignored = {0};
	char planned[48], paid[48], debt[48];
	if (store_plan_select(st, p->id, &ignored) == NTM_OK &&
	    store_fund_summary(st, a, &m, &ignored) != NTM_OK)
		m.ntasks = 0;
	store_plan_select(st, c->plan, &ignored);
	if (m.ntasks == 0)
		return ntm_fail(&c->err, NTM_FAIL, MSG_PLAN_NEEDS_FORCE,
				out_safe(p->number), p->year, p->tasks_total,
				p->tasks_total);
	return ntm_fail(&c->err, NTM_FAIL, MSG_PLAN_NEEDS_FORCE_FUND,
			out_safe(p->number), p->year, p->tasks_total, m.ntasks,
			model_money_format(m.total.planned, true, planned,
					   sizeof planned),
			model_money_format(m.total.paid, true, paid, sizeof paid),
			model_money_format(m.total.debt, true, debt, sizeof debt),
			p->tasks_total);
}

/* A plan with tasks goes only with --force (the store checks again inside
 * its transaction). */
static int
plan_remove(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_plan p;
	int rc = store_plan_find(st, c->args[0], &a, &p, &c->err);
	if (rc == NTM_OK && !c->force && p.tasks_total > 0)
		rc = refuse_remove(c, st, &p, &a);
	if (rc == NTM_OK)
		rc = store_plan_remove(st, p.id, p.version, c->force, &c->err);
	if (rc == NTM_OK && p.tasks_total > 0)
		printf(MSG_PLAN_REMOVED_TASKS, out_safe(p.number), p.year,
		       p.tasks_total);
	else if (rc == NTM_OK)
		printf(MSG_PLAN_REMOVED, out_safe(p.number), p.year);
	arena_free(&a);
	return rc;
}

/* ---- export, import -------------------------------------------------------- */

static int
plan_export(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_plan p;
	int rc = c->nargs ? store_plan_find(st, c->args[0], &a, &p, &c->err)
		: cli_need_plan(c, st, &a, &p);
	if (rc == NTM_OK)
		rc = io_plan_export(st, p.id, c->out ? c->out : "-", &c->err);
	if (rc == NTM_OK && c->out && strcmp(c->out, "-") != 0)
		printf(MSG_PLAN_EXPORTED, out_safe(p.number), p.year,
		       out_safe(c->out));
	arena_free(&a);
	return rc;
}

static int
plan_import(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_import_summary sum = {0};
	struct store_plan made;
	int rc = io_plan_import(st, c->args[0], c->dry_run, &sum, &c->err);
	if (rc == NTM_OK && c->dry_run) {
		printf(MSG_PLAN_DRY_RUN, out_safe(io_file_shown(c->args[0])), sum.tasks,
		       sum.targets, sum.own);
	} else if (rc == NTM_OK) {
		rc = plan_by_id(c, st, sum.plan_id, &a, &made);
		if (rc == NTM_OK) {
			printf(MSG_PLAN_IMPORTED, out_safe(made.number), made.year,
			       sum.tasks, sum.targets, sum.own);
			say_default(c, st, &made, &a);
		}
	}
	arena_free(&a);
	return rc;
}

static const char KH[] = "KH (năm hoặc số hiệu của kế hoạch)";
const struct cli_sub cli_plan_subs[] = {
	{"list", 0, 0, "không tham số", OPT_FORMAT | OPT_PLAN, NULL,
	 plan_list},
	{"new", 0, 0, "--year, --number và --title (không tham số khác)",
	 OPT_YEAR | OPT_NUMBER | OPT_DATE | OPT_TITLE | OPT_SIGNER,
	 check_new, plan_new},
	{"copy", 1, 1, "TỪ (năm hoặc số hiệu của kế hoạch cũ)",
	 OPT_YEAR | OPT_NUMBER | OPT_DATE | OPT_TITLE | OPT_SIGNER,
	 check_copy, plan_copy},
	{"use", 0, 1, KH, OPT_CLEAR, check_use, plan_use},
	{"edit", 1, 1, KH, OPT_YEAR | OPT_NUMBER | OPT_DATE | OPT_NO_DATE |
	 OPT_TITLE | OPT_SIGNER, check_edit, plan_edit},
	{"remove", 1, 1, KH, OPT_FORCE, NULL, plan_remove},
	{"export", 0, 1, "nhiều nhất một KH", OPT_OUT | OPT_PLAN, NULL,
	 plan_export},
	{"import", 1, 1, "một TỆP (- : đầu vào chuẩn)", OPT_DRY_RUN, NULL,
	 plan_import},
};
const int cli_plan_nsubs = CLI_COUNT(cli_plan_subs);

int
cmd_plan(struct cli *c)
{
	return cli_run_sub(c, cli_plan_subs, cli_plan_nsubs);
}
