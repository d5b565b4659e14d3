/* ntm task: the tasks of the plan in use — list (text, JSON, CSV), add,
 * edit, done, remove. A task is named by its number (12 or #12); the
 * store applies the rules (status and progress agree, dates, versions),
 * as it does for the full-screen forms. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"
#include "ntm/io.h"
#include "ntm/text.h"

/* ---- checks made before the file is opened ---------------------------------- */

int
cli_task_number(struct cli *c, const char *s, int *out)
{
	const char *d = s[0] == '#' ? s + 1 : s;
	size_t n = strlen(d);
	if (n == 0 || n > 9 || strspn(d, "0123456789") != n || atoi(d) <= 0)
		return ntm_fail(&c->err, NTM_USAGE, MSG_BAD_TASK_NUMBER, out_arg(s));
	*out = atoi(d);
	return NTM_OK;
}

static int
check_status(struct cli *c)
{
	enum ntm_task_status s;
	char all[512];
	if (!c->status || model_task_status_read(c->status, &s))
		return NTM_OK;
	model_task_status_list(all, sizeof all);
	return ntm_fail(&c->err, NTM_USAGE, MSG_BAD_STATUS, out_arg(c->status), all);
}

/* --progress: 0..100, a % after it allowed. */
static int
read_progress(struct cli *c, int *out)
{
	*out = STORE_PROGRESS_KEEP;
	if (!c->progress)
		return NTM_OK;
	size_t n = strlen(c->progress);
	if (n && c->progress[n - 1] == '%')
		n--;
	if (n == 0 || n > 3 || strspn(c->progress, "0123456789") != n ||
	    atoi(c->progress) > 100)
		return ntm_fail(&c->err, NTM_USAGE, MSG_BAD_PROGRESS,
				out_arg(c->progress));
	*out = atoi(c->progress);
	return NTM_OK;
}

/* The edit the options ask for. */
static int
read_edit(struct cli *c, struct store_task_edit *t)
{
	*t = (struct store_task_edit){
		.title = c->title, .responsible = c->responsible,
		.due = c->no_due ? "" : c->due, .note = c->note,
		.status = c->status, .detail = c->detail,
		.issue = c->issue, .proposal = c->proposal,
	};
	if (c->due && c->no_due)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_DUE_NO_DUE);
	int rc = check_status(c);
	if (rc == NTM_OK)
		rc = read_progress(c, &t->progress);
	/* Both typed: both were chosen, so a pair the model's rule does not
	 * allow is refused, not quietly mended (a form passes every field,
	 * the store only knows what changed). */
	enum ntm_task_status st;
	int pct = t->progress;
	const char *why = rc == NTM_OK && c->status && c->progress &&
		model_task_status_read(c->status, &st)
		? model_task_reconcile(&st, true, &pct, true) : NULL;
	if (why)
		rc = ntm_fail(&c->err, NTM_USAGE, "%s", why);
	return rc;
}

static int
check_list(struct cli *c)
{
	return check_status(c);
}

static int
check_add(struct cli *c)
{
	struct store_task_edit t;
	if (!c->sector)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_TASK_NEEDS_SECTOR);
	return read_edit(c, &t);
}

static int
check_edit(struct cli *c)
{
	struct store_task_edit t;
	int n;
	int rc = cli_task_number(c, c->args[0], &n);
	if (rc == NTM_OK)
		rc = read_edit(c, &t);
	if (rc == NTM_OK && !t.title && !t.responsible && !t.due && !t.note &&
	    !t.status && !t.detail && !t.issue && !t.proposal &&
	    t.progress == STORE_PROGRESS_KEEP)
		rc = ntm_fail(&c->err, NTM_USAGE, "%s", MSG_TASK_NOTHING);
	return rc;
}

static int
check_number(struct cli *c)
{
	int n;
	return cli_task_number(c, c->args[0], &n);
}

/* ---- list ---------------------------------------------------------------- */

/* What a listing shows beside the tasks. */
struct listing {
	struct store_report r;       /* sector names, the plan */
	char today[11];
	enum ntm_task_status status; /* --status */
};

static const char *
sector_name(const struct store_report *r, const char *code, bool short_name)
{
	for (int i = 0; i < r->nsectors; i++)
		if (strcmp(r->sectors[i].code, code) == 0)
			return short_name ? r->sectors[i].short_name : r->sectors[i].name;
	return code;
}

static bool
wanted(const struct cli *c, const struct listing *l, const struct store_task *t)
{
	if (c->status && t->status != l->status)
		return false;
	return !c->overdue || model_task_overdue(t->due, t->status, l->today);
}

static void
task_json(const struct listing *l, const struct store_task *t)
{
	fprintf(stdout, "{\"number\":%d,\"sector\":", t->number);
	out_json_string(stdout, t->sector_code);
	fputs(",\"sector_name\":", stdout);
	out_json_string(stdout, sector_name(&l->r, t->sector_code, false));
	fputs(",\"title\":", stdout);
	out_json_string(stdout, t->title);
	fputs(",\"responsible\":", stdout);
	out_json_string(stdout, t->responsible && *t->responsible ? t->responsible : NULL);
	fputs(",\"due\":", stdout);
	out_json_string(stdout, t->due && *t->due ? t->due : NULL);
	printf(",\"status\":\"%s\",\"status_label\":\"%s\",\"progress\":%d,"
	       "\"overdue\":%s,\"from\":", model_task_status_code(t->status),
	       model_task_status_label(t->status), t->progress,
	       model_task_overdue(t->due, t->status, l->today) ? "true" : "false");
	out_json_string(stdout, t->from_plan);
	fputs(",\"from_number\":", stdout);
	if (t->from_plan)
		printf("%d", t->from_number);
	else
		fputs("null", stdout);
	fputs(",\"detail\":", stdout);
	out_json_string(stdout, t->detail && *t->detail ? t->detail : NULL);
	fputs(",\"note\":", stdout);
	out_json_string(stdout, t->note && *t->note ? t->note : NULL);
	fputs(",\"issue\":", stdout);
	out_json_string(stdout, t->issue && *t->issue ? t->issue : NULL);
	fputs(",\"proposal\":", stdout);
	out_json_string(stdout, t->proposal && *t->proposal ? t->proposal : NULL);
	putchar('}');
}

static void
task_csv(const struct listing *l, const struct store_task *t)
{
	char num[16], pct[16], from[16] = "";
	snprintf(num, sizeof num, "%d", t->number);
	snprintf(pct, sizeof pct, "%d", t->progress);
	if (t->from_plan)
		snprintf(from, sizeof from, "%d", t->from_number);
	const char *row[] = {num, t->sector_code,
		sector_name(&l->r, t->sector_code, false), t->title,
		t->responsible, t->due, model_task_status_code(t->status),
		model_task_status_label(t->status), pct,
		model_task_overdue(t->due, t->status, l->today) ? "1" : "0",
		t->from_plan, from, t->detail, t->note, t->issue, t->proposal};
	enum { N = sizeof row / sizeof *row };
	for (int i = 0; i < N; i++)
		io_csv_field(stdout, row[i], i == N - 1);
}

static void
csv_head(void)
{
	static const char *const head[] = {"number", "sector", "sector_name",
		"title", "responsible", "due", "status", "status_label", "progress",
		"overdue",
		"from", "from_number", "detail", "note", "issue", "proposal"};
	enum { N = sizeof head / sizeof *head };
	for (int i = 0; i < N; i++)
		io_csv_field(stdout, head[i], i == N - 1);
}

/* The text table: columns number, sector, status, progress, due,
 * responsible sized to their widest cell, the title last. */
enum { COL_NUM, COL_SECTOR, COL_STATUS, COL_PROGRESS, COL_DUE, COL_WHO, NCOL };

static void
text_cells(const struct listing *l, const struct store_task *t,
	   struct arena *a, const char **cell)
{
	char buf[64], dmy[11];
	snprintf(buf, sizeof buf, "#%d", t->number);
	cell[COL_NUM] = arena_strdup(a, buf);
	cell[COL_SECTOR] = arena_strdup(a, out_safe(sector_name(&l->r,
		t->sector_code, true)));
	cell[COL_STATUS] = model_task_status_label(t->status);
	snprintf(buf, sizeof buf, "%d%%", t->progress);
	cell[COL_PROGRESS] = arena_strdup(a, buf);
	model_date_dmy(t->due, dmy);
	snprintf(buf, sizeof buf, "%s%s%s", *dmy ? out_safe(dmy) : TXT_NONE,
		 model_task_overdue(t->due, t->status, l->today) ? " " : "",
		 model_task_overdue(t->due, t->status, l->today) ? TXT_TASK_OVERDUE : "");
	cell[COL_DUE] = arena_strdup(a, buf);
	cell[COL_WHO] = arena_strdup(a, t->responsible && *t->responsible
				     ? out_safe(t->responsible) : TXT_NONE);
}

/* A task's optional text on a line of its own under its row, past the
 * number column (line breaks shown inert). */
static void
more_line(const int *w, const char *label, const char *s)
{
	if (s && *s)
		printf("%*s%s: %s\n", w[COL_NUM] + 2, "", label, out_safe(s));
}

static void
list_text(const struct listing *l, const struct store_task **t, int n,
	  struct arena *a)
{
	static const char *const titles[NCOL] = {TXT_TASK_NUMBER, TXT_SECTOR,
		TXT_STATUS, TXT_TASK_PROGRESS, TXT_TASK_DUE, TXT_TASK_RESPONSIBLE};
	const char **cell = arena_alloc(a, sizeof *cell * NCOL * (size_t)(n + 1));
	int w[NCOL];
	for (int k = 0; k < NCOL; k++)
		w[k] = text_width(titles[k]);
	for (int i = 0; i < n; i++) {
		text_cells(l, t[i], a, cell + i * NCOL);
		for (int k = 0; k < NCOL; k++)
			if (text_width(cell[i * NCOL + k]) > w[k])
				w[k] = text_width(cell[i * NCOL + k]);
	}
	for (int k = 0; k < NCOL; k++)
		out_pad(stdout, titles[k], w[k] + 2);
	puts(TXT_TASK_TITLE);
	for (int i = 0; i < n; i++) {
		for (int k = 0; k < NCOL; k++)
			out_pad(stdout, cell[i * NCOL + k], w[k] + 2);
		fputs(out_safe(t[i]->title), stdout);
		if (t[i]->from_plan)
			printf(TXT_TASK_FROM, out_safe(t[i]->from_plan),
			       t[i]->from_number);
		putchar('\n');
		more_line(w, TXT_TASK_ISSUE, t[i]->issue);
		more_line(w, TXT_TASK_PROPOSAL, t[i]->proposal);
	}
}

static void
print_list(struct cli *c, const struct listing *l, const struct store_task **t,
	   int n, struct arena *a)
{
	if (c->format == FMT_JSON) {
		putchar('[');
		for (int i = 0; i < n; i++) {
			fputs(i ? "," : "", stdout);
			task_json(l, t[i]);
		}
		puts("]");
	} else if (c->format == FMT_CSV) {
		csv_head();
		for (int i = 0; i < n; i++)
			task_csv(l, t[i]);
	} else {
		printf(MSG_TASK_HEADER, out_safe(l->r.plan_number), l->r.plan_year, n);
		if (n == 0)
			printf(MSG_TASK_NONE, c->sector || c->status || c->overdue
			       ? TXT_TASK_FILTERED : "");
		else
			list_text(l, t, n, a);
	}
}

static int
task_list(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct listing l = {0};
	struct store_plan p;
	struct store_task *all;
	const char *code = NULL;
	int n = 0;
	store_today(l.today);
	if (c->status)
		model_task_status_read(c->status, &l.status);
	int rc = cli_need_plan(c, st, &a, &p);
	if (rc == NTM_OK && c->sector)
		rc = store_sector_find(st, c->sector, &a, &code, &c->err);
	if (rc == NTM_OK)
		rc = store_tasks(st, code, &a, &all, &n, &c->err);
	if (rc == NTM_OK)
		rc = store_report_load(st, &l.r, &c->err);
	if (rc != NTM_OK) {
		arena_free(&a);
		return rc;
	}
	const struct store_task **shown = arena_alloc(&a, sizeof *shown * (size_t)(n + 1));
	int k = 0;
	for (int i = 0; i < n; i++)
		if (wanted(c, &l, &all[i]))
			shown[k++] = &all[i];
	print_list(c, &l, shown, k, &a);
	store_report_free(&l.r);
	arena_free(&a);
	return rc;
}

/* ---- add, edit, done, remove ----------------------------------------------- */

static int
task_add(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_plan p;
	struct store_task_edit e;
	struct store_task t;
	char id[STORE_ID_LEN];
	int rc = cli_need_plan(c, st, &a, &p);
	if (rc == NTM_OK)
		rc = read_edit(c, &e);
	if (rc == NTM_OK) {
		e.title = c->args[0];
		rc = store_task_add(st, c->sector, &e, id, &c->err);
	}
	if (rc == NTM_OK)
		rc = store_task_get(st, id, &a, &t, &c->err);
	if (rc == NTM_OK)
		printf(MSG_TASK_ADDED, t.number, out_safe(t.title));
	arena_free(&a);
	return rc;
}

int
cli_find_task(struct cli *c, struct store *st, struct arena *a,
	      struct store_task *t)
{
	struct store_plan p;
	int number = 0;
	*t = (struct store_task){0};
	int rc = cli_task_number(c, c->args[0], &number);
	if (rc == NTM_OK)
		rc = cli_need_plan(c, st, a, &p);
	if (rc == NTM_OK)
		rc = store_task_by_number(st, number, a, t, &c->err);
	return rc;
}

/* Reads the task by number and writes with the version read, in one
 * call: nothing shown can be stale. done is an edit too (hoàn thành, 100). */
static int
edit_task(struct cli *c, struct store *st, const struct store_task_edit *e,
	  bool done)
{
	struct arena a = {0};
	struct store_task t;
	char before[STORE_ID_LEN];
	memcpy(before, store_my_last_action(st), STORE_ID_LEN);
	int rc = cli_find_task(c, st, &a, &t);
	int number = t.number;
	if (rc == NTM_OK)
		rc = store_task_update(st, t.id, t.version, e, &c->err);
	if (rc == NTM_OK)
		rc = store_task_get(st, t.id, &a, &t, &c->err);
	if (rc == NTM_OK && strcmp(before, store_my_last_action(st)) == 0)
		printf(MSG_TASK_SAME, number);
	else if (rc == NTM_OK && done)
		printf(MSG_TASK_DONE, number);
	else if (rc == NTM_OK)
		printf(MSG_TASK_EDITED, number, model_task_status_label(t.status),
		       t.progress);
	arena_free(&a);
	return rc;
}

static int
task_edit(struct cli *c, struct store *st)
{
	struct store_task_edit e;
	int rc = read_edit(c, &e);
	return rc == NTM_OK ? edit_task(c, st, &e, false) : rc;
}

static int
task_done(struct cli *c, struct store *st)
{
	struct store_task_edit e = {
		.status = model_task_status_code(NTM_TASK_HOAN_THANH),
		.progress = 100,
	};
	return edit_task(c, st, &e, true);
}

/* A task with money (planned capital or an entry) goes only with
 * --force, the refusal naming what goes with it. */
static int
check_money(struct cli *c, struct store *st, const struct store_task *t,
	    struct arena *a)
{
	struct store_fund_task m;
	char paid[48], debt[48], planned[48];
	int rc = store_fund_task(st, t->id, a, &m, &c->err);
	if (rc != NTM_OK || c->force || (m.nplanned == 0 && m.nentries == 0))
		return rc;
	return ntm_fail(&c->err, NTM_FAIL, MSG_TASK_HAS_MONEY, t->number,
			m.nentries,
			model_money_format(m.sums.paid, true, paid, sizeof paid),
			model_money_format(m.sums.debt, true, debt, sizeof debt),
			model_money_format(m.sums.planned, true, planned,
					   sizeof planned));
}

static int
task_remove(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_task t;
	int rc = cli_find_task(c, st, &a, &t);
	if (rc == NTM_OK)
		rc = check_money(c, st, &t, &a);
	if (rc == NTM_OK)
		rc = store_task_delete(st, t.id, t.version, &c->err);
	if (rc == NTM_OK)
		printf(MSG_TASK_REMOVED, t.number, out_safe(t.title));
	arena_free(&a);
	return rc;
}

static const char SO[] = "SỐ của nhiệm vụ (12 hoặc #12)";
const struct cli_sub cli_task_subs[] = {
	{"list", 0, 0, "không tham số", OPT_FORMAT | OPT_PLAN | OPT_SECTOR |
	 OPT_STATUS | OPT_OVERDUE, check_list, task_list},
	{"add", 1, 1, "--sector LĨNH_VỰC và một TIÊU_ĐỀ (nhiều từ thì đặt "
	 "trong ngoặc kép)", OPT_PLAN | OPT_SECTOR | OPT_RESPONSIBLE |
	 OPT_DUE | OPT_DETAIL | OPT_ISSUE | OPT_PROPOSAL, check_add, task_add},
	{"edit", 1, 1, SO, OPT_PLAN | OPT_TITLE | OPT_STATUS | OPT_PROGRESS |
	 OPT_RESPONSIBLE | OPT_DUE | OPT_NO_DUE | OPT_DETAIL | OPT_NOTE |
	 OPT_ISSUE | OPT_PROPOSAL, check_edit, task_edit},
	{"done", 1, 1, SO, OPT_PLAN, check_number, task_done},
	{"remove", 1, 1, SO, OPT_PLAN | OPT_FORCE, check_number,
	 task_remove},
};
const int cli_task_nsubs = CLI_COUNT(cli_task_subs);

int
cmd_task(struct cli *c)
{
	return cli_run_sub(c, cli_task_subs, cli_task_nsubs);
}
