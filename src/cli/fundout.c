/* ntm fund list, summary and sources: the money of the plan in use as
 * text (80 columns), JSON and CSV. The sums are the store's
 * (store_fund_summary), the share disbursed and the way amounts read are
 * the model's; nothing here adds up money itself. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"
#include "ntm/io.h"
#include "ntm/text.h"

enum { SCREEN = 80 };

/* s right-aligned in width columns. */
static void
pad_left(const char *s, int width)
{
	for (int w = text_width(s); w < width; w++)
		putchar(' ');
	fputs(s, stdout);
}

/* s (from the file) sanitised and cut to width columns, then padded. */
static void
put_cut(const char *s, int width, bool pad)
{
	char *cut = text_fit(out_safe(s), width, false, pad);
	fputs(cut ? cut : "", stdout);
	free(cut);
}

static void
json_int(const char *key, long long v)
{
	printf(",\"%s\":%lld", key, v);
}

/* CSV as the report writes it (io_csv_field_sep): the separator --sep
 * gives (',' or ';'), UTF-8 with a byte order mark unless --no-bom, so
 * Excel on Windows reads Vietnamese. */
static char csv_sep = ',';

static void
csv_begin(const struct cli *c)
{
	csv_sep = c->sep ? c->sep[0] : ',';
	if (!c->no_bom)
		fputs("\xef\xbb\xbf", stdout);
}

static void
csv_field(const char *s, bool last)
{
	io_csv_field_sep(stdout, s, csv_sep, last);
}

static void
csv_int(long long v, bool last)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	csv_field(buf, last);
}

static void
csv_row(const char *const *cells, int n)
{
	for (int i = 0; i < n; i++)
		csv_field(cells[i], i == n - 1);
}

/* --as-of as ISO in day (not after today), "" when not given. */
static int
as_of_day(struct cli *c, char day[11])
{
	struct ntm_error why = {0};
	char today[11];
	day[0] = '\0';
	if (!c->as_of)
		return NTM_OK;
	store_today(today);
	if (model_measurement_date(c->as_of, today, day, &why) == NTM_OK)
		return NTM_OK;
	return ntm_fail(&c->err, NTM_USAGE, MSG_FUND_BAD_AS_OF, why.msg);
}

/* What list and summary check before the file is opened: --as-of, and
 * --sep and --no-bom (CSV only). */
static int
check_reading(struct cli *c)
{
	char day[11];
	int rc = cli_csv_options(c, c->format == FMT_CSV,
				 c->format_name ? c->format_name : "text");
	return rc == NTM_OK ? as_of_day(c, day) : rc;
}

/* "Tính đến ngày 30/06/2024 …" under the heading, when --as-of says. */
static void
say_as_of(const char *day, bool summary)
{
	char dmy[11];
	if (!*day)
		return;
	model_date_dmy(day, dmy);
	printf(summary ? TXT_FUND_SUM_AS_OF : TXT_FUND_LIST_AS_OF, dmy);
}

/* The plan in use (p->id empty when the commune has none). */
static int
plan_in_use(struct cli *c, struct store *st, struct arena *a,
	    struct store_plan *p)
{
	return store_plan_in_use(st, a, p, &c->err);
}

/* ---- list ---------------------------------------------------------------- */

static void
entry_json(const struct store_fund_entry *e)
{
	printf("{\"id\":");
	out_json_string(stdout, e->id);
	printf(",\"task\":%d,\"kind\":\"%s\"", e->task_number,
	       model_fund_kind_code(e->kind));
	out_json_field(stdout, "source", e->source_code);
	out_json_field(stdout, "source_name", e->source_name);
	json_int("amount", e->amount);
	out_json_field(stdout, "date", e->on_date);
	out_json_field(stdout, "doc", e->doc);
	out_json_field(stdout, "note", e->note);
	out_json_field(stdout, "reverses", e->reverses);
	out_json_field(stdout, "reversed_by", e->reversed_by);
	out_json_field(stdout, "recorded_by", e->recorded_by);
	putchar('}');
}

static const char *const ENTRY_HEAD[] = {"id", "task", "kind", "source",
	"source_name", "amount", "date", "doc", "note", "reverses",
	"reversed_by", "recorded_by"};
enum { ENTRY_COLS = sizeof ENTRY_HEAD / sizeof *ENTRY_HEAD };

static void
entry_csv(const struct store_fund_entry *e)
{
	char task[16], amount[32];
	snprintf(task, sizeof task, "%d", e->task_number);
	snprintf(amount, sizeof amount, "%lld", e->amount);
	const char *row[ENTRY_COLS] = {e->id, task, model_fund_kind_code(e->kind),
		e->source_code, e->source_name, amount, e->on_date, e->doc,
		e->note, e->reverses, e->reversed_by, e->recorded_by};
	csv_row(row, ENTRY_COLS);
}

/* The text table: code, date, task, kind, amount (right-aligned), and
 * the source in what is left of 80 columns; the document, the note and
 * the reversals on a line of their own under it. */
enum { E_CODE, E_DATE, E_TASK, E_KIND, E_AMOUNT, NE };

static void
entry_cells(const struct store_fund_entry *e, struct arena *a, const char **cell)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%.8s", e->id);
	cell[E_CODE] = arena_strdup(a, buf);
	model_date_dmy(e->on_date, buf);
	cell[E_DATE] = arena_strdup(a, out_safe(buf));
	snprintf(buf, sizeof buf, "#%d", e->task_number);
	cell[E_TASK] = arena_strdup(a, buf);
	cell[E_KIND] = model_fund_kind_label(e->kind);
	cell[E_AMOUNT] = arena_strdup(a, model_money_format(e->amount, true, buf,
							    sizeof buf));
}

/* "Chứng từ: … · Ghi chú: … · đã đảo bởi khoản …" under the entry's
 * row, cut to the screen (JSON and CSV give it whole), or nothing. */
static void
entry_more(const struct store_fund_entry *e, int indent)
{
	char line[1024] = "";
	size_t len = 0;
	const char *sep = "";
	const char *label[] = {TXT_FUND_DOC, TXT_FUND_NOTE, TXT_FUND_REVERSES,
		TXT_FUND_REVERSED_BY};
	const char *arg[] = {e->doc, e->note, e->reverses, e->reversed_by};
	const int most[] = {400, 400, 8, 8};   /* an id: its code */
	for (int i = 0; i < 4 && len < sizeof line; i++) {
		if (!arg[i])
			continue;
		len += (size_t)snprintf(line + len, sizeof line - len, "%s%s%.*s",
					sep, label[i], most[i], arg[i]);
		sep = TXT_FUND_SEP;
	}
	if (!*line)
		return;
	printf("%*s", indent, "");
	put_cut(line, SCREEN - indent, false);
	putchar('\n');
}

static void
list_text(const struct store_fund_entry *e, int n, struct arena *a)
{
	static const char *const titles[NE] = {TXT_FUND_CODE, TXT_FUND_DATE,
		TXT_FUND_TASK, TXT_FUND_KIND, TXT_FUND_AMOUNT};
	const char **cell = arena_alloc(a, sizeof *cell * NE * (size_t)(n + 1));
	int w[NE], used = 0;
	for (int k = 0; k < NE; k++)
		w[k] = text_width(titles[k]);
	for (int i = 0; i < n; i++) {
		entry_cells(&e[i], a, cell + i * NE);
		for (int k = 0; k < NE; k++)
			if (text_width(cell[i * NE + k]) > w[k])
				w[k] = text_width(cell[i * NE + k]);
	}
	for (int k = 0; k < NE; k++)
		used += w[k] + 2;
	int rest = SCREEN - used > 10 ? SCREEN - used : 10;
	for (int k = 0; k < E_AMOUNT; k++)
		out_pad(stdout, titles[k], w[k] + 2);
	pad_left(titles[E_AMOUNT], w[E_AMOUNT]);
	printf("  %s\n", TXT_FUND_SOURCE);
	for (int i = 0; i < n; i++) {
		for (int k = 0; k < E_AMOUNT; k++)
			out_pad(stdout, cell[i * NE + k], w[k] + 2);
		pad_left(cell[i * NE + E_AMOUNT], w[E_AMOUNT]);
		if (e[i].source_name) {
			fputs("  ", stdout);
			put_cut(e[i].source_name, rest, false);
		}
		putchar('\n');
		entry_more(&e[i], w[E_CODE] + 2);
	}
}

static void
print_entries(struct cli *c, const struct store_plan *p,
	      const struct store_task *t, const struct store_fund_entry *e,
	      int n, const char *day, struct arena *a)
{
	if (c->format == FMT_JSON) {
		putchar('[');
		for (int i = 0; i < n; i++) {
			fputs(i ? "," : "", stdout);
			entry_json(&e[i]);
		}
		puts("]");
	} else if (c->format == FMT_CSV) {
		csv_begin(c);
		csv_row(ENTRY_HEAD, ENTRY_COLS);
		for (int i = 0; i < n; i++)
			entry_csv(&e[i]);
	} else if (!p->id[0]) {
		fputs(MSG_FUND_NO_PLAN, stdout);
	} else {
		char *title = t ? text_fit(out_safe(t->title), SCREEN / 2, false,
					   false) : NULL;
		if (t)
			printf(MSG_FUND_LIST_TASK, t->number, title ? title : "", n);
		else
			printf(MSG_FUND_LIST_HEAD, out_safe(p->number), p->year, n);
		free(title);
		say_as_of(day, false);
		if (n == 0)
			fputs(MSG_FUND_LIST_NONE, stdout);
		else
			list_text(e, n, a);
	}
}

int
fund_list(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_plan p;
	struct store_task t = {0};
	struct store_fund_entry *e = NULL;
	int n = 0;
	bool one = c->nargs == 1;
	char day[11];
	int rc = as_of_day(c, day);
	if (rc == NTM_OK)
		rc = plan_in_use(c, st, &a, &p);
	if (rc == NTM_OK && one)
		rc = cli_find_task(c, st, &a, &t);
	if (rc == NTM_OK && p.id[0])
		rc = store_fund_entries(st, one ? t.id : NULL, &a, &e, &n, &c->err);
	/* --as-of: the entries dated up to that day (in date order) */
	while (rc == NTM_OK && *day && n > 0 && strcmp(e[n - 1].on_date, day) > 0)
		n--;
	if (rc == NTM_OK)
		print_entries(c, &p, one ? &t : NULL, e, n, day, &a);
	arena_free(&a);
	return rc;
}

/* ---- summary ------------------------------------------------------------- */

enum fund_by { BY_SOURCE, BY_SECTOR, BY_TASK, BY_COUNT };

/* --by as typed: the code, or its Vietnamese words (accents optional). */
static int
read_by(const char *s)
{
	static const char *const words[BY_COUNT][3] = {
		{"source", "nguon", "nguon von"},
		{"sector", "linh vuc", "nganh"},
		{"task", "nhiem vu", "cong trinh"},
	};
	char *f = text_fold(s ? s : "source");
	int found = -1;
	for (int i = 0; f && i < BY_COUNT; i++)
		for (int k = 0; k < 3; k++)
			if (strcmp(f, words[i][k]) == 0)
				found = i;
	free(f);
	return found;
}

int
fund_check_list(struct cli *c)
{
	int n;
	int rc = c->nargs ? cli_task_number(c, c->args[0], &n) : NTM_OK;
	return rc == NTM_OK ? check_reading(c) : rc;
}

int
fund_check_summary(struct cli *c)
{
	if (read_by(c->by) < 0)
		return ntm_fail(&c->err, NTM_USAGE, MSG_FUND_BAD_BY, out_arg(c->by));
	return check_reading(c);
}

static void
sums_json(const struct store_fund_sums *s)
{
	json_int("planned", s->planned);
	json_int("received", s->received);
	json_int("paid", s->paid);
	json_int("completed", s->completed);
	json_int("debt", s->debt);
}

/* A task's title alone, as the task has it. */
static const char *
task_title(struct store *st, const struct store_fund_line *l, struct arena *a)
{
	struct store_task t;
	struct ntm_error e = {0};
	if (store_task_get(st, l->task_id, a, &t, &e) == NTM_OK)
		return t.title;
	return l->label;
}

static void
lines_json(struct store *st, const char *name, enum fund_by by,
	   const struct store_fund_line *l, int n, struct arena *a)
{
	static const char *const key[BY_COUNT] = {"source", "sector", "task"};
	printf(",\"%s\":[", name);
	for (int i = 0; i < n; i++) {
		putchar('{');
		if (by == BY_TASK) {
			printf("\"task\":%d", l[i].task_number);
			out_json_field(stdout, "title", task_title(st, &l[i], a));
			fputs(",\"cost\":", stdout);
			if (l[i].cost >= 0)
				printf("%lld", l[i].cost);
			else
				fputs("null", stdout);
		} else {
			printf("\"%s\":", key[by]);
			out_json_string(stdout, l[i].key);
			out_json_field(stdout, "name", l[i].label);
		}
		sums_json(&l[i].sums);
		fputs(i == n - 1 ? "}" : "},", stdout);
	}
	putchar(']');
}

static void
summary_json(struct store *st, const struct store_fund_summary *s,
	     struct arena *a)
{
	int pct = model_money_disbursed(s->total.paid, s->total.planned);
	printf("{\"cost\":%lld", s->cost);
	sums_json(&s->total);
	json_int("earlier_debt", s->earlier_debt);
	if (pct >= 0)
		json_int("disbursed_percent", pct);
	else
		fputs(",\"disbursed_percent\":null", stdout);
	printf(",\"tasks\":%d", s->ntasks);
	lines_json(st, "by_source", BY_SOURCE, s->by_source, s->nsource, a);
	lines_json(st, "by_sector", BY_SECTOR, s->by_sector, s->nsector, a);
	lines_json(st, "by_task", BY_TASK, s->by_task, s->ntask, a);
	puts("}");
}

/* The summary's lines of one grouping. */
static const struct store_fund_line *
lines_by(const struct store_fund_summary *s, enum fund_by by, int *n)
{
	*n = by == BY_SOURCE ? s->nsource : by == BY_SECTOR ? s->nsector
		: s->ntask;
	return by == BY_SOURCE ? s->by_source : by == BY_SECTOR ? s->by_sector
		: s->by_task;
}

static void
summary_csv(struct cli *c, struct store *st, enum fund_by by,
	    const struct store_fund_summary *s, struct arena *a)
{
	static const char *const head[] = {"planned", "received", "paid",
		"completed", "debt"};
	int n;
	const struct store_fund_line *l = lines_by(s, by, &n);
	const char *first[BY_COUNT][3] = {{"source", "name", NULL},
		{"sector", "name", NULL}, {"task", "title", "cost"}};
	csv_begin(c);
	for (int k = 0; k < 3 && first[by][k]; k++)
		csv_field(first[by][k], false);
	csv_row(head, 5);
	for (int i = 0; i < n; i++) {
		const struct store_fund_sums *m = &l[i].sums;
		csv_field(l[i].key, false);
		csv_field(by == BY_TASK ? task_title(st, &l[i], a) : l[i].label,
			  false);
		if (by == BY_TASK && l[i].cost >= 0)
			csv_int(l[i].cost, false);
		else if (by == BY_TASK)
			csv_field("", false);
		csv_int(m->planned, false);
		csv_int(m->received, false);
		csv_int(m->paid, false);
		csv_int(m->completed, false);
		csv_int(m->debt, true);
	}
}

/* "Kế hoạch vốn           800.000.000 đ" */
static void
total_line(const char *label, const char *value)
{
	out_pad(stdout, label, 28);
	pad_left(value, 20);
	putchar('\n');
}

static void
totals_text(const struct store_fund_summary *s)
{
	char buf[48];
	int pct = model_money_disbursed(s->total.paid, s->total.planned);
	bool any_cost = false;
	for (int i = 0; i < s->ntask; i++)
		any_cost = any_cost || s->by_task[i].cost >= 0;
	total_line(TXT_FUND_COST, any_cost ? model_money_format(s->cost, true, buf,
								sizeof buf)
		   : TXT_FUND_COST_UNSET);
	total_line(TXT_FUND_PLANNED, model_money_format(s->total.planned, true, buf,
							sizeof buf));
	total_line(TXT_FUND_RECEIVED, model_money_format(s->total.received, true,
							 buf, sizeof buf));
	total_line(TXT_FUND_PAID, model_money_format(s->total.paid, true, buf,
						     sizeof buf));
	if (pct >= 0)
		snprintf(buf, sizeof buf, "%d%%", pct);
	else
		snprintf(buf, sizeof buf, "%s", TXT_NONE);
	total_line(TXT_FUND_PERCENT, buf);
	total_line(TXT_FUND_COMPLETED, model_money_format(s->total.completed, true,
							  buf, sizeof buf));
	total_line(TXT_FUND_DEBT, model_money_format(s->total.debt, true, buf,
						     sizeof buf));
	if (s->earlier_debt > 0)
		total_line(TXT_FUND_EARLIER, model_money_format(s->earlier_debt,
								true, buf,
								sizeof buf));
}

/* The grouping's table: the label in what the compact amounts of 10
 * columns leave of 80 (by source: planned, received and paid — completed
 * work and its debt seldom name a source; by sector and task: those
 * five); lines with no money at all are left out. */
enum { AMOUNT_COL = 10 };

static bool
has_money(const struct store_fund_sums *m)
{
	return m->planned || m->received || m->paid || m->completed || m->debt;
}

/* A line's label in the table: "#5 Làm đường…" for a task. */
static const char *
line_label(struct store *st, enum fund_by by, const struct store_fund_line *l,
	   struct arena *a)
{
	if (by != BY_TASK)
		return l->label;
	const char *title = task_title(st, l, a);
	size_t size = strlen(title) + 16;
	char *s = arena_alloc(a, size);
	snprintf(s, size, "#%d %s", l->task_number, title);
	return s;
}

static void
table_text(struct store *st, enum fund_by by, const struct store_fund_summary *s,
	   struct arena *a)
{
	static const char *const title[BY_COUNT] = {TXT_FUND_BY_SOURCE,
		TXT_FUND_BY_SECTOR, TXT_FUND_BY_TASK};
	static const char *const col[BY_COUNT] = {TXT_FUND_COL_SOURCE,
		TXT_FUND_COL_SECTOR, TXT_FUND_COL_TASK};
	static const char *const head[] = {TXT_FUND_COL_PLANNED,
		TXT_FUND_COL_RECEIVED, TXT_FUND_COL_PAID, TXT_FUND_COL_DONE,
		TXT_FUND_COL_DEBT};
	int shown = 0, n;
	int ncols = by == BY_SOURCE ? 3 : 5;
	int label_col = SCREEN - ncols * (AMOUNT_COL + 1);
	const struct store_fund_line *l = lines_by(s, by, &n);
	printf("\n%s\n", title[by]);
	out_pad(stdout, col[by], label_col);
	for (int k = 0; k < ncols; k++) {
		putchar(' ');
		pad_left(head[k], AMOUNT_COL);
	}
	putchar('\n');
	for (int i = 0; i < n; i++) {
		const struct store_fund_sums *m = &l[i].sums;
		long long v[5] = {m->planned, m->received, m->paid, m->completed,
			m->debt};
		char buf[32];
		if (!has_money(m) && by != BY_TASK)
			continue;
		shown++;
		put_cut(line_label(st, by, &l[i], a), label_col, true);
		for (int k = 0; k < ncols; k++) {
			putchar(' ');
			pad_left(model_money_compact(v[k], buf, sizeof buf), AMOUNT_COL);
		}
		putchar('\n');
	}
	if (!shown)
		fputs(TXT_FUND_NO_LINES, stdout);
}

int
fund_summary(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_plan p;
	struct store_fund_summary s;
	enum fund_by by = (enum fund_by)read_by(c->by);
	char day[11];
	int rc = as_of_day(c, day);
	if (rc == NTM_OK)
		rc = plan_in_use(c, st, &a, &p);
	if (rc == NTM_OK)
		rc = store_fund_summary_upto(st, *day ? day : NULL, &a, &s,
					     &c->err);
	if (rc != NTM_OK) {
		arena_free(&a);
		return rc;
	}
	if (c->format == FMT_JSON) {
		summary_json(st, &s, &a);
	} else if (c->format == FMT_CSV) {
		summary_csv(c, st, by, &s, &a);
	} else if (!p.id[0]) {
		fputs(MSG_FUND_NO_PLAN, stdout);
	} else {
		printf(MSG_FUND_SUM_HEAD, out_safe(p.number), p.year, s.ntasks);
		say_as_of(day, true);
		totals_text(&s);
		table_text(st, by, &s, &a);
	}
	arena_free(&a);
	return rc;
}

/* ---- sources ------------------------------------------------------------- */

int
fund_sources(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_fund_source *s;
	int n = 0, w = 0;
	int rc = store_fund_sources(st, &a, &s, &n, &c->err);
	for (int i = 0; rc == NTM_OK && i < n; i++)
		if (text_width(out_safe(s[i].code)) > w)
			w = text_width(out_safe(s[i].code));
	if (rc == NTM_OK)
		printf(TXT_FUND_SOURCES_HEAD, n);
	for (int i = 0; rc == NTM_OK && i < n; i++) {
		fputs("  ", stdout);
		out_pad(stdout, out_safe(s[i].code), w + 2);
		puts(out_safe(s[i].name));
	}
	arena_free(&a);
	return rc;
}
