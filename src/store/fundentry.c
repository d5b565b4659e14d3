/* Money: entries of money received, paid out and work completed, and the
 * reversing entries that correct them; each one audited action, the
 * rules checked again inside its transaction. */
#include "internal.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>

struct entry_action {
	struct arena a;
	struct store_fund_new in;
	struct store_fund_source src;
	bool has_source;
	const char *date, *doc, *note, *reverses;
	char *new_id;
	const char *warning;         /* overdraw, filled by the check */
};

/* What task_id has of source: received and paid, in the transaction. */
static int
sums_of(struct store *st, const char *task_id, const char *source_id,
	long long *received, long long *paid, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT " SQL_FUND_SUM("", "received") ", "
			  SQL_FUND_SUM("", "paid") " FROM fund_entry WHERE "
			  "task_id = ?1 AND source_id = ?2", &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, task_id);
	store_bind_text(s, 2, source_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*received = sqlite3_column_int64(s, 0);
		*paid = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? NTM_OK : store_sql_fail(st, e, rc);
}

/* Paying out more than was received from a source, by a payment or by
 * reversing money received: x->warning says so with the figures. */
static int
overdraw_check(struct store *st, struct entry_action *x, struct ntm_error *e)
{
	long long received = 0, paid = 0;
	x->warning = NULL;
	bool pays = x->in.kind == NTM_FUND_PAID && !x->reverses;
	bool unreceives = x->in.kind == NTM_FUND_RECEIVED && x->reverses;
	if (!x->has_source || !(pays || unreceives))
		return NTM_OK;
	if (sums_of(st, x->in.task_id, x->src.id, &received, &paid, e))
		return NTM_FAIL;
	if (pays)
		paid += x->in.amount;
	else
		received -= x->in.amount;
	if (paid <= received)
		return NTM_OK;
	char r[40], p[40], w[40], buf[700];
	model_money_format(received, true, r, sizeof r);
	model_money_format(paid, true, p, sizeof p);
	model_money_format(paid - received, true, w, sizeof w);
	snprintf(buf, sizeof buf, pays ? MSG_FUND_OVERDRAW
		 : MSG_FUND_REVERSE_OVERDRAW, p, x->src.name, r, w);
	x->warning = arena_strdup(&x->a, buf);
	return NTM_OK;
}

/* The entry being reversed, as it is now: refused when it is gone, is a
 * reversal itself, or was reversed already. */
static int
reversed_entry(struct store *st, struct entry_action *x,
	       struct store_fund_entry *cur, struct ntm_error *e)
{
	int rc = store_fund_entry_find(st, x->in.reverses, &x->a, cur, e);
	if (rc != NTM_OK)
		return rc;
	char amount[40], day[11];
	model_money_format(cur->amount, true, amount, sizeof amount);
	model_date_dmy(cur->on_date, day);
	if (cur->reverses)
		return ntm_fail(e, NTM_FAIL, MSG_FUND_REVERSE_REVERSAL, amount);
	if (cur->reversed_by)
		return ntm_fail(e, NTM_FAIL, MSG_FUND_REVERSED, amount, day);
	return NTM_OK;
}

/* A reversal takes its task, kind, source, amount and document from the
 * entry it corrects; its day is not before that entry's. */
static int
clean_reversal(struct store *st, struct entry_action *x, struct ntm_error *e)
{
	struct store_fund_entry cur;
	int rc = reversed_entry(st, x, &cur, e);
	if (rc != NTM_OK)
		return rc;
	char day[11], was[11];
	model_date_dmy(x->date, day);
	model_date_dmy(cur.on_date, was);
	if (strcmp(x->date, cur.on_date) < 0)
		return ntm_fail(e, NTM_USAGE, MSG_FUND_REVERSE_EARLY, day, was);
	if (!*x->note)
		return ntm_fail(e, NTM_USAGE, "%s", MSG_FUND_NEED_REASON);
	x->reverses = arena_strdup(&x->a, cur.id);
	x->in.task_id = arena_strdup(&x->a, cur.task_id);
	x->in.kind = cur.kind;
	x->in.amount = cur.amount;
	x->doc = cur.doc ? cur.doc : "";
	x->has_source = cur.source_code != NULL;
	return x->has_source
		? store_fund_source_find(st, cur.source_code, &x->a, &x->src, e)
		: NTM_OK;
}

/* The fields of a new entry checked: kind, amount, date (not after
 * today), source (required for money received or paid), texts; a
 * reversal's from its entry. */
static int
clean_entry(struct store *st, struct entry_action *x, struct ntm_error *e)
{
	const struct store_fund_new *in = &x->in;
	char today[11];
	store_today(today);
	x->date = in->on_date && *in->on_date
		? store_clean_date(&x->a, in->on_date, WHAT_FUND_DATE, e) : today;
	if (!x->date)
		return NTM_USAGE;
	char day[11], now[11];
	model_date_dmy(x->date, day);
	model_date_dmy(today, now);
	if (strcmp(x->date, today) > 0)
		return ntm_fail(e, NTM_USAGE, MSG_FUND_FUTURE, day, now);
	x->date = arena_strdup(&x->a, x->date);
	x->doc = store_clean_line(&x->a, in->doc ? in->doc : "", 100,
				  WHAT_FUND_DOC, e);
	x->note = x->doc ? store_clean_note(&x->a, in->note ? in->note : "",
					    in->reverses ? WHAT_FUND_REASON
					    : WHAT_NOTE, e) : NULL;
	if (!x->doc || !x->note)
		return NTM_USAGE;
	if (in->reverses)
		return clean_reversal(st, x, e);
	if ((int)in->kind < 0 || in->kind >= NTM_FUND_KIND_COUNT)
		return ntm_fail(e, NTM_USAGE, "%s", MSG_FUND_KIND);
	int rc = store_fund_check_amount(in->amount, false, e);
	if (rc != NTM_OK)
		return rc;
	bool want = in->source && *in->source;
	if (!want && in->kind != NTM_FUND_COMPLETED)
		return ntm_fail(e, NTM_USAGE, "%s", MSG_FUND_NEED_SOURCE);
	x->has_source = want;
	return want ? store_fund_source_find(st, in->source, &x->a, &x->src, e)
		    : NTM_OK;
}

static int
insert_entry(struct store *st, struct entry_action *x, struct ntm_error *e)
{
	char id[STORE_ID_LEN];
	store_new_id(id);
	struct store_arg args[] = {
		{.text = id}, {.text = x->in.task_id},
		{.text = model_fund_kind_code(x->in.kind)},
		{.text = x->has_source ? x->src.id : NULL},
		{.num = x->reverses ? -x->in.amount : x->in.amount, .is_num = true},
		{.text = x->date}, {.text = *x->doc ? x->doc : NULL},
		{.text = *x->note ? x->note : NULL}, {.text = x->reverses},
		{.text = st->person ? st->person : st->os_user},
	};
	int rc = store_exec_script(st, "INSERT INTO fund_entry(id, task_id, "
				   "kind, source_id, amount, on_date, doc, note, "
				   "reverses, recorded_by, recorded_at) VALUES "
				   "(coalesce(" SQL_REVERSAL_ID("?9") ", ?1), ?2, "
				   "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
				   "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
				   args, 10, e);
	if (rc == NTM_OK && x->new_id && x->reverses)
		snprintf(x->new_id, STORE_ID_LEN, "%.16s%.16s", x->reverses + 16,
			 x->reverses);
	else if (rc == NTM_OK && x->new_id)
		snprintf(x->new_id, STORE_ID_LEN, "%s", id);
	return rc;
}

static int
add_work(struct store *st, void *ctx, struct ntm_error *e)
{
	struct entry_action *x = ctx;
	struct store_task t;
	struct store_fund_entry cur;
	int rc = store_task_get(st, x->in.task_id, &x->a, &t, e);
	/* the entry may have been reversed since the fields were checked */
	if (rc == NTM_OK && x->reverses)
		rc = reversed_entry(st, x, &cur, e);
	if (rc == NTM_OK)
		rc = overdraw_check(st, x, e);
	if (rc == NTM_OK && x->warning && !x->in.force)
		rc = ntm_fail(e, NTM_FAIL, "%s", x->warning);
	return rc == NTM_OK ? insert_entry(st, x, e) : rc;
}

int
store_fund_overdraw(struct store *st, const struct store_fund_new *in,
		    struct arena *a, const char **warning, struct ntm_error *e)
{
	struct entry_action x = {.in = *in};
	*warning = NULL;
	/* the level above's file, a viewer: said before any figure */
	int rc = store_may_write(st, in->reverses ? NTM_VERB_FUND_REVERSE
				 : NTM_VERB_FUND_ADD, e);
	if (rc == NTM_OK)
		rc = clean_entry(st, &x, e);
	if (rc == NTM_OK)
		rc = overdraw_check(st, &x, e);
	if (rc == NTM_OK && x.warning)
		*warning = arena_strdup(a, x.warning);
	arena_free(&x.a);
	return rc;
}

int
store_fund_add(struct store *st, const struct store_fund_new *in,
	       char new_id[STORE_ID_LEN], struct ntm_error *e)
{
	struct entry_action x = {.in = *in, .new_id = new_id};
	int rc = clean_entry(st, &x, e);
	if (rc == NTM_OK)
		rc = store_action_run(st, in->reverses ? NTM_VERB_FUND_REVERSE
				      : NTM_VERB_FUND_ADD, add_work, &x, e);
	arena_free(&x.a);
	return rc;
}

int
store_fund_reverse(struct store *st, const char *entry_id, const char *reason,
		   char new_id[STORE_ID_LEN], struct ntm_error *e)
{
	struct store_fund_new in = {.reverses = entry_id,
				    .note = reason ? reason : ""};
	return store_fund_add(st, &in, new_id, e);
}
