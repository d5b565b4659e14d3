/* ntm status: gauges and the state of every criterion and indicator. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"
#include "ntm/io.h"
#include "ntm/text.h"

enum { GAUGE_W = 20 };

static int
column_width(const char *title, const char *const *cells, int n)
{
	int w = text_width(title);
	for (int i = 0; i < n; i++) {
		int cw = text_width(cells[i]);
		if (cw > w)
			w = cw;
	}
	return w;
}

static void
print_header(FILE *f, const struct store_report *r)
{
	char xa[256];
	fputs(out_safe(model_commune_phrase(r->unit, xa, sizeof xa)), f);
	if (r->unit_info)
		fprintf(f, " (%s)", out_safe(r->unit_info));
	fputs(" — ", f);
	if (r->plan_number)
		fprintf(f, TXT_PLAN, out_safe(r->plan_number), r->plan_year);
	else
		fputs(TXT_NO_PLAN, f);
	fputs("\n\n", f);
	out_pad(f, TXT_CRITERIA, 16);
	out_gauge(f, r->criteria, GAUGE_W);
	fputc('\n', f);
	out_pad(f, TXT_TASKS, 16);
	out_gauge(f, r->tasks, GAUGE_W);
	fputc('\n', f);
}

/* The plan's money in one line, when it has any (issue 15), with the
 * debt left on the commune's earlier plans when there is some. */
static void
print_fund(FILE *f, const struct store_fund_summary *m)
{
	char line[256], brief[128], earlier[32];
	size_t len = 0;
	if (m->ntasks > 0)
		len = (size_t)snprintf(line, sizeof line, "%s",
				       model_money_brief(m->total.planned,
							 m->total.paid,
							 m->total.debt, brief,
							 sizeof brief));
	if (m->earlier_debt > 0 && len < sizeof line)
		snprintf(line + len, sizeof line - len, len ? TXT_FUND_EARLIER_MORE
			 : TXT_FUND_EARLIER_ONLY,
			 model_money_compact(m->earlier_debt, earlier,
					     sizeof earlier));
	if (m->ntasks > 0 || m->earlier_debt > 0) {
		out_pad(f, TXT_FUND, 16);
		fprintf(f, "%s\n", out_safe(line));
	}
	fputc('\n', f);
}

static void
json_fund(FILE *f, const struct store_fund_summary *m)
{
	const struct store_fund_sums *t = &m->total;
	int pct = model_money_disbursed(t->paid, t->planned);
	fprintf(f, ",\"fund\":{\"cost\":%lld,\"planned\":%lld,\"received\":%lld,"
		"\"paid\":%lld,\"completed\":%lld,\"debt\":%lld,"
		"\"earlier_debt\":%lld,\"disbursed_percent\":", m->cost,
		t->planned, t->received, t->paid, t->completed, t->debt,
		m->earlier_debt);
	if (pct >= 0)
		fprintf(f, "%d}", pct);
	else
		fputs("null}", f);
}

static void
print_sectors(FILE *f, const struct store_report *r)
{
	out_pad(f, TXT_SECTOR, 18);
	out_pad(f, TXT_SECTOR_IND, 16);
	fprintf(f, "%s\n", TXT_TASKS);
	for (int i = 0; i < r->nsectors; i++) {
		const struct store_sector *s = &r->sectors[i];
		char a[32], b[32];
		snprintf(a, sizeof a, "%d/%d", s->indicators.done, s->indicators.total);
		snprintf(b, sizeof b, "%d/%d", s->tasks.done, s->tasks.total);
		out_pad(f, out_safe(s->short_name), 18);
		out_pad(f, a, 16);
		fprintf(f, "%s\n", b);
	}
	fputc('\n', f);
	if (r->nvillages == 0) {
		fprintf(f, "%s %s\n\n", TXT_VILLAGE, TXT_NO_VILLAGES);
		return;
	}
	int w = text_width(TXT_VILLAGE);
	for (int i = 0; i < r->nvillages; i++)
		if (text_width(r->villages[i].name) > w)
			w = text_width(r->villages[i].name);
	out_pad(f, TXT_VILLAGE, w + 2);
	fprintf(f, "%s\n", TXT_VILLAGE_ITEMS);
	for (int i = 0; i < r->nvillages; i++) {
		out_pad(f, out_safe(r->villages[i].name), w + 2);
		out_gauge(f, r->villages[i].items, 10);
		fputc('\n', f);
	}
	fputc('\n', f);
}

/* The indicator table, columns sized to their widest cell. */
static void
print_indicators(FILE *f, const struct store_report *r, struct arena *a)
{
	enum { NCOL = 6 };
	const char *titles[NCOL] = {TXT_CODE, TXT_STATUS, TXT_VALUE, TXT_AS_OF,
				    TXT_NATIONAL, TXT_PLAN_TARGET};
	const char **cell[NCOL];
	for (int c = 0; c < NCOL; c++)
		cell[c] = arena_alloc(a, sizeof(char *) * (size_t)(r->nind + 1));
	for (int i = 0; i < r->nind; i++) {
		const struct store_indicator *x = &r->ind[i];
		char buf[128];
		cell[0][i] = x->code;
		cell[1][i] = model_status_label(x->status);
		out_value(buf, sizeof buf, x);
		cell[2][i] = arena_strdup(a, buf);
		cell[3][i] = x->as_of ? x->as_of : TXT_NONE;
		out_target(buf, sizeof buf, x->reading.kind, &x->reading.national);
		cell[4][i] = arena_strdup(a, buf);
		out_target(buf, sizeof buf, x->reading.kind, &x->reading.plan);
		cell[5][i] = arena_strdup(a, buf);
	}
	int w[NCOL];
	for (int c = 0; c < NCOL; c++)
		w[c] = column_width(titles[c], cell[c], r->nind) + 2;
	fputs("    ", f);
	for (int c = 0; c < NCOL; c++)
		out_pad(f, titles[c], w[c]);
	fprintf(f, "%s\n", TXT_NAME);
	for (int k = 0; k < r->ncrit; k++) {
		const struct store_criterion *cr = &r->crit[k];
		char head[512];
		snprintf(head, sizeof head, TXT_CRITERION, cr->number, out_safe(cr->name));
		out_pad(f, head, 4 + w[0] + w[1] + w[2] + w[3] + w[4] + w[5]);
		fprintf(f, "[%s]\n", model_status_label(cr->status));
		for (int i = cr->first; i < cr->first + cr->count; i++) {
			fputs("    ", f);
			for (int c = 0; c < NCOL; c++)
				out_pad(f, out_safe(cell[c][i]), w[c]);
			fprintf(f, "%s\n", out_safe(r->ind[i].name));
			if (r->ind[i].national_source) {
				out_pad(f, "", 4 + w[0]);
				fprintf(f, TXT_NATIONAL_SOURCE "\n",
					out_safe(r->ind[i].national_source));
			}
		}
	}
}

static void
json_gauge(FILE *f, const char *done_key, const char *total_key,
	   struct ntm_gauge g)
{
	fprintf(f, "\"%s\":%d,\"%s\":%d", done_key, g.done, total_key, g.total);
}

static void
json_indicator(FILE *f, const struct store_indicator *x)
{
	const struct ntm_reading *rd = &x->reading;
	fputs("{\"code\":", f);
	out_json_string(f, x->code);
	fputs(",\"name\":", f);
	out_json_string(f, x->name);
	fprintf(f, ",\"kind\":\"%s\",\"comparator\":\"%s\",\"target\":",
		model_kind_word(rd->kind), model_cmp_word(rd->national.cmp));
	out_json_number(f, rd->national.set, rd->national.value);
	fputs(",\"national_source\":", f);
	out_json_string(f, x->national_source);
	fputs(",\"plan_comparator\":", f);
	out_json_string(f, rd->plan.set ? model_cmp_word(rd->plan.cmp) : NULL);
	fputs(",\"plan_target\":", f);
	out_json_number(f, rd->plan.set, rd->plan.value);
	fputs(",\"value\":", f);
	out_json_number(f, rd->has_value, rd->value);
	fputs(",\"as_of\":", f);
	out_json_string(f, x->as_of);
	fputs(",\"unit\":", f);
	out_json_string(f, x->unit_label);
	fprintf(f, ",\"plan_own\":%s,\"source\":", x->plan_own ? "true" : "false");
	out_json_string(f, x->source);
	fprintf(f, ",\"status\":\"%s\"}", model_status_word(x->status));
}

/* plan_title: the plan in use's title (the report names its number). */
static void
print_json(FILE *f, const struct store_report *r, const char *plan_title,
	   const struct store_fund_summary *m)
{
	fputs("{\"unit\":", f);
	out_json_string(f, r->unit);
	fputs(",\"plan\":", f);
	if (r->plan_number) {
		fputs("{\"number\":", f);
		out_json_string(f, r->plan_number);
		fprintf(f, ",\"year\":%d,\"title\":", r->plan_year);
		out_json_string(f, plan_title);
		fputc('}', f);
	} else {
		fputs("null", f);
	}
	fputc(',', f);
	json_gauge(f, "criteria_met", "criteria_total", r->criteria);
	fputc(',', f);
	json_gauge(f, "tasks_done", "tasks_total", r->tasks);
	json_fund(f, m);
	fputs(",\"sectors\":[", f);
	for (int i = 0; i < r->nsectors; i++) {
		const struct store_sector *s = &r->sectors[i];
		fprintf(f, "%s{\"code\":", i ? "," : "");
		out_json_string(f, s->code);
		fputs(",\"name\":", f);
		out_json_string(f, s->short_name);
		fputc(',', f);
		json_gauge(f, "indicators_met", "indicators_total", s->indicators);
		fputc(',', f);
		json_gauge(f, "tasks_done", "tasks_total", s->tasks);
		fprintf(f, ",\"tasks_progress\":%d}", s->progress);
	}
	fputs("],\"criteria\":[", f);
	for (int k = 0; k < r->ncrit; k++) {
		const struct store_criterion *c = &r->crit[k];
		fprintf(f, "%s{\"number\":%d,\"name\":", k ? "," : "", c->number);
		out_json_string(f, c->name);
		fprintf(f, ",\"status\":\"%s\",\"indicators\":[",
			model_status_word(c->status));
		for (int i = c->first; i < c->first + c->count; i++) {
			if (i > c->first)
				fputc(',', f);
			json_indicator(f, &r->ind[i]);
		}
		fputs("]}", f);
	}
	fputs("],\"villages\":[", f);
	for (int i = 0; i < r->nvillages; i++) {
		fprintf(f, "%s{\"name\":", i ? "," : "");
		out_json_string(f, r->villages[i].name);
		fputc(',', f);
		json_gauge(f, "items_done", "items_total", r->villages[i].items);
		fputc('}', f);
	}
	fputs("]}\n", f);
}

static void
csv_number(char buf[32], bool set, double v)
{
	if (set)
		snprintf(buf, 32, "%.15g", v);
	else
		buf[0] = '\0';
}

static void
print_csv(FILE *f, const struct store_report *r)
{
	static const char *const head[] = {"criterion", "criterion_name", "code",
		"name", "kind", "comparator", "target", "plan_comparator",
		"plan_target", "value", "as_of", "status"};
	for (int i = 0; i < 12; i++)
		io_csv_field(f, head[i], i == 11);
	for (int k = 0; k < r->ncrit; k++) {
		const struct store_criterion *c = &r->crit[k];
		for (int i = c->first; i < c->first + c->count; i++) {
			const struct store_indicator *x = &r->ind[i];
			const struct ntm_reading *rd = &x->reading;
			char num[4][32];
			snprintf(num[0], 32, "%d", c->number);
			csv_number(num[1], rd->national.set, rd->national.value);
			csv_number(num[2], rd->plan.set, rd->plan.value);
			csv_number(num[3], rd->has_value, rd->value);
			const char *row[] = {num[0], c->name, x->code, x->name,
				model_kind_word(rd->kind), model_cmp_word(rd->national.cmp),
				num[1], rd->plan.set ? model_cmp_word(rd->plan.cmp) : "",
				num[2], num[3], x->as_of ? x->as_of : "",
				model_status_word(x->status)};
			for (int j = 0; j < 12; j++)
				io_csv_field(f, row[j], j == 11);
		}
	}
}

/* ---- every commune of the file (--all) ------------------------------------ */

int
cli_open_district(struct cli *c, struct store **st)
{
	if (c->seen & (OPT_UNIT | OPT_PLAN))
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_ALL_NOT_WITH);
	c->pick_commune = true;   /* none is picked: every one is read */
	return cli_open(c, st);
}

/* "Huyện Văn Lâm — 3 xã": whose communes these are. */
static void
print_district_head(FILE *f, const struct store_district *d)
{
	char title[512];
	fputs(out_safe(io_district_title(d, title, sizeof title)), f);
	fprintf(f, TXT_ALL_COUNT "\n\n", d->n);
}

/* The name column: the widest name, within [the total's label, 24]. */
static int
name_width(const struct store_district *d, const char *total)
{
	int w = text_width(total);
	for (int i = 0; i < d->n; i++) {
		int k = text_width(out_safe(d->rows[i].name));
		w = k > w ? k : w;
	}
	return (w > 24 ? 24 : w) + 2;
}

static void
pad_cut(FILE *f, const char *s, int width)
{
	char *cut = text_fit(out_safe(s), width - 2, false, false);
	out_pad(f, cut ? cut : "", width);
	free(cut);
}

static void
gauge_cell(FILE *f, struct ntm_gauge g, int width)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%d/%d", g.done, g.total);
	out_pad(f, buf, width);
}

static void
gauges_line(FILE *f, const char *name, int nw, const struct ntm_gauge *g,
	    int overdue)
{
	pad_cut(f, name, nw);
	for (int k = 0; k < 3; k++)
		gauge_cell(f, g[k], 10);
	char buf[16];
	snprintf(buf, sizeof buf, "%d", overdue);
	out_pad(f, buf, 9);
	gauge_cell(f, g[3], 0);
	fputc('\n', f);
}

static void
print_all_gauges(FILE *f, const struct store_district *d, int nw,
		 const char *total)
{
	const char *titles[] = {TXT_ALL_COMMUNE, TXT_ALL_CRITERIA,
		TXT_ALL_INDICATORS, TXT_ALL_TASKS, TXT_ALL_OVERDUE};
	const int widths[] = {nw, 10, 10, 10, 9};
	for (int k = 0; k < 5; k++)
		out_pad(f, titles[k], widths[k]);
	fprintf(f, "%s\n", TXT_ALL_VILLAGES);
	struct ntm_gauge sum[4] = {{0}};
	int overdue = 0;
	for (int i = 0; i < d->n; i++) {
		const struct store_commune_row *r = &d->rows[i];
		const struct ntm_gauge g[4] = {r->criteria, r->indicators,
					       r->tasks, r->villages};
		gauges_line(f, r->name, nw, g, r->overdue);
		for (int k = 0; k < 4; k++) {
			sum[k].done += g[k].done;
			sum[k].total += g[k].total;
		}
		overdue += r->overdue;
	}
	gauges_line(f, total, nw, sum, overdue);
}

static void
print_all_news(FILE *f, const struct store_district *d, int nw)
{
	fputc('\n', f);
	out_pad(f, TXT_ALL_COMMUNE, nw);
	out_pad(f, TXT_ALL_PLAN, 22);
	out_pad(f, TXT_ALL_UPDATED, 18);
	fprintf(f, "%s\n", TXT_ALL_BY);
	for (int i = 0; i < d->n; i++) {
		const struct store_commune_row *r = &d->rows[i];
		char plan[128], when[IO_DMY_HM_LEN];
		if (r->plan_number)
			snprintf(plan, sizeof plan, TXT_ALL_PLAN_OF,
				 r->plan_number, r->plan_year);
		else
			snprintf(plan, sizeof plan, "%s", TXT_NO_PLAN);
		io_local_dmy_hm(r->updated_at, when);
		pad_cut(f, r->name, nw);
		pad_cut(f, plan, 22);
		pad_cut(f, r->updated_at ? when : TXT_NONE, 18);
		char *who = text_fit(out_safe(r->updated_by ? r->updated_by
					      : TXT_NONE), 78 - nw - 40, false, false);
		fprintf(f, "%s\n", who ? who : "");
		free(who);
	}
}

static void
print_all_text(FILE *f, const struct store_district *d)
{
	print_district_head(f, d);
	if (d->n == 0) {
		fputs(MSG_ALL_NONE, f);
		return;
	}
	char total[64];
	snprintf(total, sizeof total, TXT_ALL_TOTAL, d->n);
	int nw = name_width(d, total);
	print_all_gauges(f, d, nw, total);
	print_all_news(f, d, nw);
}

static void
json_commune(FILE *f, const struct store_commune_row *r)
{
	fputs("{\"unit\":", f);
	out_json_string(f, r->name);
	out_json_field(f, "id", r->id);
	out_json_field(f, "plan", r->plan_number);
	fputs(",\"year\":", f);
	out_json_number(f, r->plan_number != NULL, r->plan_year);
	fputc(',', f);
	json_gauge(f, "criteria_met", "criteria_total", r->criteria);
	fputc(',', f);
	json_gauge(f, "indicators_met", "indicators_total", r->indicators);
	fputc(',', f);
	json_gauge(f, "tasks_done", "tasks_total", r->tasks);
	fprintf(f, ",\"overdue\":%d,", r->overdue);
	json_gauge(f, "villages_met", "villages_total", r->villages);
	fprintf(f, ",\"fund_planned\":%lld,\"fund_received\":%lld,"
		"\"fund_paid\":%lld,\"fund_completed\":%lld,\"fund_debt\":%lld",
		r->fund.planned, r->fund.received, r->fund.paid,
		r->fund.completed, r->fund.debt);
	out_json_field(f, "updated_at", r->updated_at);
	out_json_field(f, "updated_by", r->updated_by);
	fputs(",\"criteria\":[", f);
	for (int k = 0; k < r->ncrit; k++)
		fprintf(f, "%s\"%s\"", k ? "," : "",
			model_status_word((enum ntm_status)r->crit[k]));
	fputs("]}", f);
}

static int
status_all(struct cli *c)
{
	struct store *st;
	int rc = cli_open_district(c, &st);
	if (rc != NTM_OK)
		return rc;
	struct arena a = {0};
	struct store_district d;
	rc = store_district_load(st, &a, &d, &c->err);
	if (rc == NTM_OK && c->format == FMT_JSON) {
		fputc('[', stdout);
		for (int i = 0; i < d.n; i++) {
			fputs(i ? ",\n" : "", stdout);
			json_commune(stdout, &d.rows[i]);
		}
		fputs("]\n", stdout);
	} else if (rc == NTM_OK && c->format == FMT_CSV) {
		io_district_csv(stdout, &d);
	} else if (rc == NTM_OK) {
		print_all_text(stdout, &d);
	}
	arena_free(&a);
	store_close(st);
	return rc;
}

int
cmd_status(struct cli *c)
{
	if (c->all)
		return status_all(c);
	struct store *st;
	struct store_report r;
	/* several communes, none named (the level above's file): all */
	c->pick_commune = !(c->seen & (OPT_UNIT | OPT_PLAN));
	int rc = cli_open(c, &st);
	if (rc)
		return rc;
	if (c->commune_unpicked) {
		store_close(st);
		c->all = true;
		return status_all(c);
	}
	struct arena a = {0};
	struct store_plan plan;
	struct store_fund_summary m;
	rc = store_plan_in_use(st, &a, &plan, &c->err);
	if (rc == NTM_OK)
		rc = store_fund_summary(st, &a, &m, &c->err);
	if (rc == NTM_OK)
		rc = store_report_load(st, &r, &c->err);
	if (rc == NTM_OK) {
		if (c->format == FMT_JSON) {
			print_json(stdout, &r, plan.id[0] ? plan.title : NULL, &m);
		} else if (c->format == FMT_CSV) {
			print_csv(stdout, &r);
		} else {
			print_header(stdout, &r);
			print_fund(stdout, &m);
			print_sectors(stdout, &r);
			print_indicators(stdout, &r, &a);
		}
		store_report_free(&r);
	}
	arena_free(&a);
	store_close(st);
	return rc;
}
