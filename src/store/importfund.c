/* ntm import's money rows (sheet Vốn): a task's total cost, its planned
 * capital from a source, and entries of money received, paid out and
 * work completed, by the rules of fund.c (store_fund_add): whole đồng
 * 0..NTM_MONEY_MAX (an entry above 0), a date not after today, a source
 * found by store_fund_source_find and required for money received or
 * paid, and no payment beyond what the task received from that source
 * unless the import is forced. An entry already there (task, kind,
 * source, amount, date, document number) is skipped, as many times as it
 * is there, so that a workbook imported twice adds nothing; a negative
 * amount reverses a matching entry not reversed yet, after every other
 * money row (a sheet sorted by date may list the reversal first). */
#include "import.h"
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

/* What a money row sets, besides the entries' kinds (enum ntm_fund_kind). */
enum { FUND_COST = -2, FUND_PLAN = -1, FUND_UNKNOWN = -3 };

/* One money row, checked. */
struct fund_in {
	char task_id[STORE_ID_LEN];
	int number;                 /* the task's #N */
	int what;                   /* FUND_COST, FUND_PLAN or a kind */
	struct store_fund_source src;
	bool has_source;
	long long amount;           /* < 0: a reversing entry */
	const char *date, *doc, *note;
};

/* ---- what the money rows have seen ------------------------------------- */

/* The entries read so far, by key, with how many rows had it (an open
 * hash: thousands of rows are one look-up each), and the sources found
 * by the names written. */
struct imp_fund {
	struct seen {
		const char *key;
		int rows;
	} *seen;
	size_t cap;                  /* a power of two, twice the rows */
	struct named {
		const char *name;
		struct store_fund_source src;
	} *named;
	int nnamed;
	size_t cap_named;
};

static struct seen *
seen_slot(struct imp_fund *m, const char *key)
{
	size_t h = 2166136261u;
	for (const unsigned char *c = (const unsigned char *)key; *c; c++)
		h = (h ^ *c) * 16777619u;
	for (h &= m->cap - 1; m->seen[h].key && strcmp(m->seen[h].key, key) != 0;
	     h = (h + 1) & (m->cap - 1))
		;
	return &m->seen[h];
}

/* The source named (store_fund_source_find once per name written). */
static int
source_named(struct store *st, struct imp *x, const char *name,
	     struct store_fund_source *out, struct ntm_error *e)
{
	struct imp_fund *m = x->fund;
	for (int k = 0; k < m->nnamed; k++)
		if (strcmp(m->named[k].name, name) == 0) {
			*out = m->named[k].src;
			return NTM_OK;
		}
	int rc = store_fund_source_find(st, name, x->a, out, e);
	if (rc != NTM_OK)
		return rc;
	m->named = arena_grow(x->a, m->named, (size_t)m->nnamed, &m->cap_named,
			      sizeof *m->named);
	m->named[m->nnamed++] = (struct named){arena_strdup(x->a, name), *out};
	return NTM_OK;
}

/* ---- reading a row ----------------------------------------------------- */

/* Whether folded s is one of the '|'-separated words. */
static bool
one_of(const char *s, const char *words)
{
	size_t n = strlen(s);
	for (const char *w = words; *w; w += strcspn(w, "|") + (w[strcspn(w, "|")] != 0))
		if (strcspn(w, "|") == n && strncmp(w, s, n) == 0)
			return true;
	return false;
}

/* Loại as written: tổng mức, kế hoạch vốn (accents and case optional,
 * English too), or an entry's kind (model_fund_kind_read). */
static int
read_what(const char *s)
{
	char *f = text_fold(s);
	int what = FUND_UNKNOWN;
	if (f && one_of(f, TXT_IMPF_COST_WORDS))
		what = FUND_COST;
	else if (f && one_of(f, TXT_IMPF_PLAN_WORDS))
		what = FUND_PLAN;
	else if (model_fund_kind_read(s) >= 0)
		what = model_fund_kind_read(s);
	free(f);
	return what;
}

/* An amount as officials write it (model_money_parse), a minus sign
 * before it for a reversal, or a workbook's number ("2.5E+8"). */
static bool
read_amount(struct imp *x, int i, const char *s, long long *out)
{
	const char *p = s + strspn(s, " ");
	bool minus = *p == '-';
	enum ntm_money_parse r = model_money_parse(p + minus, out);
	char *end;
	double v = strtod(p + minus, &end);
	bool plain = strspn(p + minus, "0123456789.eE+") == strlen(p + minus);
	if (r != NTM_MONEY_OK && r != NTM_MONEY_TOO_BIG && plain && end != p + minus &&
	    !*end && v >= 0 && v <= (double)NTM_MONEY_MAX && v == (double)(long long)v) {
		*out = (long long)v;
		r = NTM_MONEY_OK;
	}
	if (r != NTM_MONEY_OK)
		return imp_bad(x, i, SF_AMOUNT, MSG_IMPF_AMOUNT, s,
			       model_money_reason(r));
	if (minus)
		*out = -*out;
	return true;
}

/* s folded without blanks and punctuation (NULL when s is none). */
static char *
squeezed(const char *s)
{
	char *f = text_fold(s), *o = f;
	for (const char *c = f; c && *c; c++)
		if (!strchr(" \t,.;:-()\"'", *c))
			*o++ = *c;
	if (o)
		*o = '\0';
	return f;
}

/* Two titles alike: one holds the other, squeezed. */
static bool
alike(const char *p, const char *q)
{
	char *a = squeezed(p), *b = squeezed(q);
	bool yes = a && b && (strstr(a, b) || strstr(b, a));
	free(a);
	free(b);
	return yes;
}

/* The task of the row's STT (#N or N) in the plan; its title, if given,
 * checked loosely against the task's. */
static bool
task_of(struct store *st, struct imp *x, int i, struct fund_in *in)
{
	const char *const *f = x->rows[i].f;
	if (imp_blank(f[SF_STT]))
		return imp_bad(x, i, SF_STT, MSG_IMP_NEEDS, TXT_IMPF_STT);
	const char *stt = f[SF_STT] + strspn(f[SF_STT], " ");
	if (!imp_int(stt + (*stt == '#'), 1, 999999, &in->number))
		return imp_bad(x, i, SF_STT, MSG_IMP_STT, f[SF_STT]);
	char number[16];
	snprintf(number, sizeof number, "%d", in->number);
	sqlite3_stmt *s = imp_cached(st, NULL, "SELECT id, title FROM task WHERE "
				      "plan_id = ?1 AND number = ?2", 2,
				      x->plan_id, number);
	bool found = s && sqlite3_step(s) == SQLITE_ROW;
	const char *title = found ? arena_strdup(x->a, store_col_text(s, 1)) : NULL;
	if (found)
		snprintf(in->task_id, sizeof in->task_id, "%s", store_col_text(s, 0));
	sqlite3_reset(s);
	if (!found)
		return imp_bad(x, i, SF_STT, MSG_IMPF_NO_TASK, in->number);
	if (imp_given(f[SF_TITLE]) && !alike(f[SF_TITLE], title))
		return imp_bad(x, i, SF_TITLE, MSG_IMPF_TITLE, in->number, title,
			       f[SF_TITLE]);
	return true;
}

/* Ngày, Số chứng từ and Ghi chú belong to entries only. */
static bool
no_entry_fields(struct imp *x, int i)
{
	static const enum store_field only[] = {SF_DATE, SF_DOC, SF_NOTE};
	for (int k = 0; k < 3; k++)
		if (imp_given(x->rows[i].f[only[k]]))
			return imp_bad(x, i, only[k], MSG_IMPF_ENTRY_ONLY,
				       x->rows[i].f[only[k]]);
	return true;
}

/* An entry's date (empty: today; not after today), document number and
 * note; a reversal's note is its reason, required. */
static bool
entry_fields(struct imp *x, int i, struct fund_in *in)
{
	const char *const *f = x->rows[i].f;
	struct ntm_error re = {0};
	in->date = imp_given(f[SF_DATE])
		? store_clean_date(x->a, f[SF_DATE], WHAT_FUND_DATE, &re) : x->today;
	if (!in->date)
		return imp_bad(x, i, SF_DATE, "%s", re.msg);
	char dmy[11], today[11];
	model_date_dmy(in->date, dmy);
	model_date_dmy(x->today, today);
	if (strcmp(in->date, x->today) > 0)
		return imp_bad(x, i, SF_DATE, MSG_FUND_FUTURE, dmy, today);
	in->doc = store_clean_line(x->a, f[SF_DOC] ? f[SF_DOC] : "", 100,
				   WHAT_FUND_DOC, &re);
	if (!in->doc)
		return imp_bad(x, i, SF_DOC, "%s", re.msg);
	in->note = store_clean_note(x->a, f[SF_NOTE] ? f[SF_NOTE] : "", WHAT_NOTE,
				    &re);
	if (!in->note)
		return imp_bad(x, i, SF_NOTE, "%s", re.msg);
	if (in->amount < 0 && !*in->note)
		return imp_bad(x, i, SF_NOTE, "%s", MSG_FUND_NEED_REASON);
	return true;
}

/* Nguồn: none for a total cost, required for planned capital and money
 * received or paid, optional for work completed. */
static bool
source_of(struct store *st, struct imp *x, int i, struct fund_in *in)
{
	const char *name = imp_given(x->rows[i].f[SF_SOURCE]);
	struct ntm_error re = {0};
	if (in->what == FUND_COST)
		return name ? imp_bad(x, i, SF_SOURCE, MSG_IMPF_COST_SOURCE, name)
			: true;
	if (!name && in->what != NTM_FUND_COMPLETED)
		return imp_bad(x, i, SF_SOURCE, "%s", in->what == FUND_PLAN
			       ? MSG_IMPF_PLAN_SOURCE : MSG_FUND_NEED_SOURCE);
	in->has_source = name != NULL;
	if (name && source_named(st, x, name, &in->src, &re))
		return imp_bad(x, i, SF_SOURCE, "%s", re.msg);
	return true;
}

/* Row i checked into in: false after a refusal. */
static bool
read_row(struct store *st, struct imp *x, int i, struct fund_in *in)
{
	const char *const *f = x->rows[i].f;
	*in = (struct fund_in){0};
	if (!imp_need_plan(st, x, i) || !task_of(st, x, i, in))
		return false;
	if (imp_blank(f[SF_KIND]))
		return imp_bad(x, i, SF_KIND, MSG_IMP_NEEDS, TXT_IMPF_KIND);
	if ((in->what = read_what(f[SF_KIND])) == FUND_UNKNOWN)
		return imp_bad(x, i, SF_KIND, MSG_IMPF_KIND, f[SF_KIND]);
	if (imp_blank(f[SF_AMOUNT]))
		return imp_bad(x, i, SF_AMOUNT, MSG_IMP_NEEDS, TXT_IMPF_AMOUNT);
	if (!read_amount(x, i, f[SF_AMOUNT], &in->amount))
		return false;
	bool entry = in->what >= 0;
	if (in->amount < 0 && !entry)
		return imp_bad(x, i, SF_AMOUNT, MSG_IMPF_AMOUNT, f[SF_AMOUNT],
			       model_money_reason(NTM_MONEY_NEGATIVE));
	if (in->amount == 0 && entry)
		return imp_bad(x, i, SF_AMOUNT, "%s", MSG_FUND_ZERO);
	if (!source_of(st, x, i, in))
		return false;
	return entry ? entry_fields(x, i, in) : no_entry_fields(x, i);
}

/* ---- writes ------------------------------------------------------------ */

/* The text of a number, in the import's arena (for imp_prepare). */
static const char *
num(struct imp *x, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	return arena_strdup(x->a, buf);
}

/* Runs s (cached, bound; re: why it is NULL); how many rows it changed,
 * -1 after a refusal of row i. */
static int
run(struct store *st, struct imp *x, int i, sqlite3_stmt *s,
    const struct ntm_error *re)
{
	struct ntm_error e = {0};
	if (!s)
		return imp_bad(x, i, -1, "%s", re->msg), -1;
	int rc = sqlite3_step(s), changed = sqlite3_changes(st->db);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_sql_fail(st, &e, rc);
		return imp_bad(x, i, -1, "%s", e.msg), -1;
	}
	return changed;
}

/* A task's total cost, or its planned capital from a source, set (the
 * same amount: nothing to write). */
static void
set_amount(struct store *st, struct imp *x, int i, const struct fund_in *in)
{
	struct ntm_error re = {0};
	bool cost = in->what == FUND_COST;
	sqlite3_stmt *s = cost
		? imp_cached(st, &re, "UPDATE task SET budget_planned = CAST(?2 AS "
			      "INTEGER), version = version + 1 WHERE id = ?1 AND "
			      "budget_planned IS NOT CAST(?2 AS INTEGER)", 2,
			      in->task_id, num(x, in->amount))
		: imp_cached(st, &re, "INSERT INTO fund_plan(id, task_id, amount, "
			      "source_id) VALUES (ntm_id(), ?1, CAST(?2 AS INTEGER), "
			      "?3) ON CONFLICT (task_id, source_id) DO UPDATE SET "
			      "amount = excluded.amount, version = version + 1 WHERE "
			      "amount <> excluded.amount", 3, in->task_id,
			      num(x, in->amount), in->src.id);
	int changed = run(st, x, i, s, &re);
	char shown[40];
	model_money_format(in->amount, true, shown, sizeof shown);
	if (changed == 0)
		x->out->same++;
	if (changed <= 0)
		return;
	if (cost) {
		x->out->fund_costs++;
		imp_change(x, TXT_IMPF_COST_SET, in->number, shown);
	} else {
		x->out->fund_plans++;
		imp_change(x, TXT_IMPF_PLAN_SET, in->src.name, in->number, shown);
	}
}

/* Whether the entry is there already: as many entries alike as this
 * import has had rows alike before it, and one more. */
static bool
already_there(struct store *st, struct imp *x, const struct fund_in *in)
{
	const char *kind = model_fund_kind_code((enum ntm_fund_kind)in->what);
	const char *source = in->has_source ? in->src.id : NULL;
	const char *doc = *in->doc ? in->doc : NULL;
	char key[512];
	snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%lld\x1f%s\x1f%s", in->task_id,
		 kind, source ? source : "", in->amount, in->date, doc ? doc : "");
	struct seen *slot = seen_slot(x->fund, key);
	if (!slot->key)
		slot->key = arena_strdup(x->a, key);
	int before = slot->rows++;
	sqlite3_stmt *s = imp_cached(st, NULL, "SELECT count(*) FROM fund_entry "
				      "WHERE task_id = ?1 AND kind = ?2 AND source_id "
				      "IS ?3 AND amount = CAST(?4 AS INTEGER) AND "
				      "on_date = ?5 AND doc IS ?6", 6, in->task_id,
				      kind, source, num(x, in->amount), in->date, doc);
	int there = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_reset(s);
	return there > before;
}

/* Refused, as store_fund_add refuses it, when paying this from the source
 * pays out more than the task received from it (this import's earlier
 * rows counted), unless forced. */
static bool
within_received(struct store *st, struct imp *x, int i, const struct fund_in *in)
{
	if (x->force || in->what != NTM_FUND_PAID || !in->has_source)
		return true;
	sqlite3_stmt *s = imp_cached(st, NULL, "SELECT " SQL_FUND_SUM("",
				      "received") ", " SQL_FUND_SUM("", "paid")
				      " FROM fund_entry WHERE task_id = ?1 AND "
				      "source_id = ?2", 2, in->task_id, in->src.id);
	long long received = 0, paid = 0;
	if (s && sqlite3_step(s) == SQLITE_ROW) {
		received = sqlite3_column_int64(s, 0);
		paid = sqlite3_column_int64(s, 1) + in->amount;
	}
	sqlite3_reset(s);
	if (paid <= received)
		return true;
	char r[40], p[40], w[40], why[700];
	snprintf(why, sizeof why, MSG_FUND_OVERDRAW,
		 model_money_format(paid, true, p, sizeof p), in->src.name,
		 model_money_format(received, true, r, sizeof r),
		 model_money_format(paid - received, true, w, sizeof w));
	return imp_bad(x, i, SF_AMOUNT, MSG_IMP_IMPLAUSIBLE, why);
}

/* The entry written (reverses: the id of the entry it corrects). */
static bool
insert_entry(struct store *st, struct imp *x, int i, const struct fund_in *in,
	     const char *reverses)
{
	struct ntm_error re = {0};
	const char *text[] = {in->task_id,
			      model_fund_kind_code((enum ntm_fund_kind)in->what),
			      in->has_source ? in->src.id : NULL, num(x, in->amount),
			      in->date, *in->doc ? in->doc : NULL,
			      *in->note ? in->note : NULL, reverses,
			      st->person ? st->person : st->os_user};
	sqlite3_stmt *s = imp_cached(st, &re, "INSERT INTO fund_entry(id, task_id, "
				      "kind, source_id, amount, on_date, doc, note, "
				      "reverses, recorded_by, recorded_at) VALUES "
				      "(coalesce(" SQL_REVERSAL_ID("?8") ", ntm_id()), "
				      "?1, ?2, ?3, CAST(?4 AS INTEGER), ?5, "
				      "?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', "
				      "'now'))", 9, text[0], text[1], text[2], text[3],
				      text[4], text[5], text[6], text[7], text[8]);
	if (run(st, x, i, s, &re) < 0)
		return false;
	char shown[40], dmy[11];
	model_date_dmy(in->date, dmy);
	model_money_format(in->amount < 0 ? -in->amount : in->amount, true, shown,
			   sizeof shown);
	x->out->fund_entries++;
	if (reverses)
		imp_change(x, TXT_IMPF_REVERSE, model_fund_kind_label(
				   (enum ntm_fund_kind)in->what), shown, in->number,
			   dmy, in->note);
	else
		imp_change(x, TXT_IMPF_ENTRY, model_fund_kind_label(
				   (enum ntm_fund_kind)in->what), shown, in->number,
			   dmy);
	return true;
}

static void
add_entry(struct store *st, struct imp *x, int i, const struct fund_in *in)
{
	if (already_there(st, x, in))
		x->out->same++;
	else if (within_received(st, x, i, in))
		insert_entry(st, x, i, in, NULL);
}

/* A negative amount: the reversal of the earliest entry of the task with
 * the same kind, source, amount and document number, dated that day or
 * before, that is neither reversed nor a reversal. */
static void
reverse_entry(struct store *st, struct imp *x, int i, const struct fund_in *in)
{
	if (already_there(st, x, in)) {
		x->out->same++;
		return;
	}
	const char *source = in->has_source ? in->src.id : NULL;
	sqlite3_stmt *s = imp_cached(st, NULL, "SELECT id FROM fund_entry e WHERE "
				      "task_id = ?1 AND kind = ?2 AND source_id IS ?3 "
				      "AND amount = CAST(?4 AS INTEGER) AND doc IS ?5 "
				      "AND on_date <= ?6 AND reverses IS NULL AND NOT "
				      "EXISTS (SELECT 1 FROM fund_entry r WHERE "
				      "r.reverses = e.id) ORDER BY on_date, "
				      "recorded_at, rowid LIMIT 1", 6, in->task_id,
				      model_fund_kind_code((enum ntm_fund_kind)in->what),
				      source, num(x, -in->amount),
				      *in->doc ? in->doc : NULL, in->date);
	const char *id = s && sqlite3_step(s) == SQLITE_ROW
		? arena_strdup(x->a, store_col_text(s, 0)) : NULL;
	sqlite3_reset(s);
	char shown[40], dmy[11];
	model_date_dmy(in->date, dmy);
	if (!id)
		imp_bad(x, i, SF_AMOUNT, MSG_IMPF_NO_MATCH,
			model_fund_kind_label((enum ntm_fund_kind)in->what),
			model_money_format(-in->amount, true, shown, sizeof shown),
			in->number, dmy);
	else
		insert_entry(st, x, i, in, id);
}

/* A total cost, or a planned amount from a source, that an earlier row
 * (ok) of the import set to another amount: refused (which would win?). */
static bool
set_twice(struct imp *x, int i, const struct fund_in *in, const bool *ok)
{
	const struct fund_in *now = &in[i];
	for (int j = 0; j < i; j++)
		if (ok[j] && in[j].what == now->what &&
		    strcmp(in[j].task_id, now->task_id) == 0 &&
		    (now->what == FUND_COST || strcmp(in[j].src.id, now->src.id) == 0) &&
		    in[j].amount != now->amount) {
			char was[40], what[300];
			snprintf(what, sizeof what, now->what == FUND_COST
				 ? TXT_IMPF_COST_OF : TXT_FUND_PLAN_OF,
				 now->what == FUND_COST ? "" : now->src.name, now->number);
			return !imp_bad(x, i, SF_AMOUNT, MSG_IMPF_TWICE, what,
					model_money_format(in[j].amount, true, was,
							   sizeof was));
		}
	return false;
}

void
imp_fund_rows(struct store *st, struct imp *x)
{
	size_t n = (size_t)(x->n ? x->n : 1);
	struct fund_in *in = arena_alloc(x->a, sizeof *in * n);
	bool *later = arena_alloc(x->a, n), *ok = arena_alloc(x->a, n);
	struct imp_fund m = {.cap = 2};
	while (m.cap < 2 * n)
		m.cap *= 2;
	m.seen = arena_alloc(x->a, sizeof *m.seen * m.cap);
	memset(m.seen, 0, sizeof *m.seen * m.cap);
	x->fund = &m;
	for (int i = 0; i < x->n; i++) {
		later[i] = false;
		ok[i] = x->rows[i].kind == STORE_ROW_FUND && read_row(st, x, i, &in[i]);
		if (!ok[i] || (in[i].what < 0 && set_twice(x, i, in, ok)))
			continue;
		if (in[i].what < 0)
			set_amount(st, x, i, &in[i]);
		else if (in[i].amount > 0)
			add_entry(st, x, i, &in[i]);
		else
			later[i] = true;
	}
	for (int i = 0; i < x->n; i++)
		if (later[i])
			reverse_entry(st, x, i, &in[i]);
	x->fund = NULL;
}
