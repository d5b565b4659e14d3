/* The forms of tab Vốn: an entry, a planned amount, a total cost, the
 * reversal of an entry; their drafts and their reopening. Amounts are read
 * and shown by the model (model_money_parse, model_money_format); every
 * rule (a payment beyond what was received, a date in the future, an
 * unknown source) is the store's, said in the form. */
#include "forms_fund.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "screen.h"

/* User-visible texts of this file. */
#define TXT_T_ENTRY      "Ghi khoản vốn"
#define TXT_T_PLAN       "Kế hoạch vốn theo nguồn"
#define TXT_T_COST       "Tổng mức đầu tư (dự toán)"
#define TXT_T_OF         "%s — #%d %s"
#define TXT_T_REVERSE    "Đảo khoản %s %s ngày %s — #%d"
#define TXT_F_TASK       "Nhiệm vụ số"
#define TXT_F_KIND       "Loại"
#define TXT_F_SOURCE     "Nguồn vốn"
#define TXT_F_AMOUNT     "Số tiền"
#define TXT_F_DATE       "Ngày"
#define TXT_F_DOC        "Số chứng từ"
#define TXT_F_NOTE       "Ghi chú"
#define TXT_F_REASON     "Lý do"
#define TXT_A_TASK       "số #N của nhiệm vụ trong kế hoạch đang xem"
#define TXT_A_TASK_IS    "#%d %s"
#define TXT_A_AMOUNT     "ví dụ 250 triệu, 1,5 tỷ, 250.000.000"
#define TXT_A_CLEAR      "để trống: bỏ"
#define TXT_A_PARSED     "= %s"
#define TXT_A_DATE       "ngày/tháng/năm, không sau hôm nay"
#define TXT_A_PLANNED    "kế hoạch vốn hiện tại: %s"
#define TXT_A_NOT_PLANNED "nguồn này chưa có kế hoạch vốn"
#define TXT_A_SOURCE_DONE "không bắt buộc với khối lượng hoàn thành"
#define TXT_A_REASON     "bắt buộc: vì sao khoản này sai"
#define TXT_NO_TASK      "Chưa có số nhiệm vụ: gõ số #N của nhiệm vụ (thấy ở thẻ lĩnh vực hoặc g rồi #)."
#define TXT_BAD_TASK     "Không có nhiệm vụ số “%s” trong kế hoạch đang xem."
#define TXT_NO_SOURCE    "Chọn nguồn vốn (Space hoặc ← →)."
#define TXT_NO_REASON    "Cần ghi lý do đảo khoản."
#define TXT_FORCE_Q      "Vẫn ghi khoản giải ngân này? y hoặc c: ghi; phím khác: trở lại mẫu"
#define TXT_NOT_FORCED   "Chưa ghi gì. Sửa số tiền hoặc nguồn, hoặc Enter rồi y để vẫn ghi."
#define TXT_ADDED        "Đã ghi %s %s cho #%d. u để hoàn tác."
#define TXT_PLANNED      "Đã đặt kế hoạch vốn %s cho #%d. u để hoàn tác."
#define TXT_UNPLANNED    "Đã bỏ kế hoạch vốn từ %s của #%d. u để hoàn tác."
#define TXT_COST_SET     "Đã đặt tổng mức %s cho #%d. u để hoàn tác."
#define TXT_COST_CLEARED "Đã bỏ tổng mức của #%d. u để hoàn tác."
#define TXT_REVERSED     "Đã đảo khoản (bút toán đảo ghi hôm nay). u để hoàn tác."
#define TXT_DELETE_ASK   "Xóa nhiệm vụ “%s”? y hoặc c: xóa; phím khác: thôi"
#define TXT_DELETE_MONEY "Xóa #%d cùng %d khoản vốn (nợ đọng %s)? y hoặc c: xóa cả vốn; phím khác: thôi"
#define TXT_A_NO_TASK    "không có nhiệm vụ #%s"
#define TXT_A_FUTURE     "ngày này sau hôm nay: chưa ghi được"
#define TXT_A_ZERO       "số tiền phải lớn hơn 0"
#define TXT_CLEAR_WHY    "Số tiền để trống: bỏ kế hoạch vốn của nguồn này."
#define TXT_CLEAR_Q      "Bỏ kế hoạch vốn %s của #%d? y: bỏ; phím khác: thôi"
#define TXT_NOT_CLEARED  "Chưa bỏ gì. Gõ số tiền để sửa kế hoạch vốn, hoặc Esc để thôi."
#define TXT_STALE        "Số này vừa được đổi thành %s (%s). Enter lần nữa: lưu số bạn gõ đè lên."
#define TXT_STALE_NONE   "không còn"
#define TXT_FORCE_REV_Q  "Vẫn đảo khoản này? y hoặc c: đảo; phím khác: trở lại mẫu"
#define TXT_NOT_FORCED_R "Chưa đảo gì. Esc để thôi, hoặc Enter rồi y để vẫn đảo."

/* The drafts' kinds, by enum fund_form, and the reversal's. */
static const char *const KINDS[FFORM_COUNT] = {"fund_entry", "fund_plan", "fund_cost"};
static const char KIND_REVERSE[] = "fund_reverse";
/* The key of their drafts: never a task's id (forms.c reopens a task's
 * form for a draft keyed by one); the task is the form's first field. */
static const char DRAFT_KEY[] = "fund";

enum { F_TASK = 0 };
/* The entry form's fields, after the task. */
enum { E_KIND = 1, E_SOURCE, E_AMOUNT, E_DATE, E_DOC, E_NOTE };

struct fctx {
	enum fund_form kind;
	int source_f, amount_f;         /* their fields (-1: none) */
	struct arena ar;
	const char **sources;           /* the sources' names, the choices */
	int nsources;
	const char *kinds[NTM_FUND_KIND_COUNT];
	/* the task the form opened on, as read then: the versions saved */
	char task_id[STORE_ID_LEN];
	struct store_fund_task money;
	bool has_money;
	char why[1100 + sizeof ((struct ntm_error *)0)->msg];
};

/* ---- the task and the amount, as typed ------------------------------------ */

/* The task numbered as in text ("12", "#12") in the plan in use. */
static const struct store_task *
task_of(struct app *a, const char *text, struct fctx *c, const char **why)
{
	while (isspace((unsigned char)*text))
		text++;
	const char *p = *text == '#' ? text + 1 : text;
	char *end;
	long n = strtol(p, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (!*text) {
		*why = TXT_NO_TASK;
		return NULL;
	}
	for (int i = 0; p != end && !*end && i < a->ntasks; i++)
		if (a->tasks[i].number == n)
			return &a->tasks[i];
	snprintf(c->why, sizeof c->why, TXT_BAD_TASK, text);
	*why = c->why;
	return NULL;
}

static const struct store_task *
task_by_number(struct app *a, int number)
{
	for (int i = 0; number > 0 && i < a->ntasks; i++)
		if (a->tasks[i].number == number)
			return &a->tasks[i];
	return NULL;
}

/* The planned row of source (a name as chosen) in what the form read. */
static const struct store_fund_planned *
planned_of(const struct fctx *c, const char *task_id, const char *source)
{
	if (!c->has_money || strcmp(task_id, c->task_id) != 0 || !source)
		return NULL;
	for (int i = 0; i < c->money.nplanned; i++)
		if (strcmp(c->money.planned[i].source_name, source) == 0)
			return &c->money.planned[i];
	return NULL;
}

/* Field i's text as it is now (not committed): for the asides. */
static const char *
now_text(const struct form *fm, int i)
{
	return lineedit_text(&fm->f[i].le);
}

static void
amount_aside(struct form *fm, struct fctx *c)
{
	struct field *f = &fm->f[c->amount_f];
	long long v;
	char buf[64];
	enum ntm_money_parse r = model_money_parse(now_text(fm, c->amount_f), &v);
	if (r == NTM_MONEY_EMPTY)
		snprintf(f->aside, sizeof f->aside, "%s",
			 c->kind == FFORM_ENTRY ? TXT_A_AMOUNT : TXT_A_CLEAR);
	else if (r != NTM_MONEY_OK)
		snprintf(f->aside, sizeof f->aside, "%s", model_money_reason(r));
	else if (v == 0 && c->kind == FFORM_ENTRY)
		snprintf(f->aside, sizeof f->aside, "%s", TXT_A_ZERO);
	else
		snprintf(f->aside, sizeof f->aside, TXT_A_PARSED,
			 model_money_format(v, true, buf, sizeof buf));
}

/* The source field's aside: the capital the task plans from it. */
static void
source_aside(struct app *a, struct form *fm, struct fctx *c)
{
	struct field *f = &fm->f[c->source_f];
	f->aside[0] = '\0';
	if (c->kind == FFORM_ENTRY) {
		if (fm->f[E_KIND].choice == NTM_FUND_COMPLETED)
			snprintf(f->aside, sizeof f->aside, "%s", TXT_A_SOURCE_DONE);
		return;
	}
	const char *why;
	const struct store_task *t = task_of(a, now_text(fm, F_TASK), c, &why);
	if (!t || f->choice < 0)
		return;
	const struct store_fund_planned *p = planned_of(c, t->id, f->choices[f->choice]);
	char buf[64];
	if (p)
		snprintf(f->aside, sizeof f->aside, TXT_A_PLANNED,
			 model_money_format(p->amount, true, buf, sizeof buf));
	else if (c->has_money && strcmp(t->id, c->task_id) == 0)
		snprintf(f->aside, sizeof f->aside, "%s", TXT_A_NOT_PLANNED);
}

static void
task_aside(struct app *a, struct form *fm, struct fctx *c)
{
	const char *why;
	const struct store_task *t = task_of(a, now_text(fm, F_TASK), c, &why);
	struct field *f = &fm->f[F_TASK];
	const char *text = now_text(fm, F_TASK);
	while (isspace((unsigned char)*text) || *text == '#')
		text++;
	if (t)
		snprintf(f->aside, sizeof f->aside, TXT_A_TASK_IS, t->number, t->title);
	else if (*text)
		snprintf(f->aside, sizeof f->aside, TXT_A_NO_TASK, text);
	else
		snprintf(f->aside, sizeof f->aside, "%s", TXT_A_TASK);
}

/* The entry form's date: what is wrong with it, live. */
static void
date_aside(struct form *fm)
{
	struct field *f = &fm->f[E_DATE];
	char today[11], iso[11];
	struct ntm_date d;
	const char *why = model_parse_date(now_text(fm, E_DATE), &d);
	store_today(today);
	if (!why) {
		model_format_date(d, iso);
		why = strcmp(iso, today) > 0 ? TXT_A_FUTURE : TXT_A_DATE;
	}
	snprintf(f->aside, sizeof f->aside, "%s", why);
}

/* The form's title: its kind, and the task it names now. */
static void
set_title(struct form *fm, const struct fctx *c, const struct store_task *t)
{
	static const char *const titles[FFORM_COUNT] = {TXT_T_ENTRY, TXT_T_PLAN, TXT_T_COST};
	if (t)
		snprintf(fm->title, sizeof fm->title, TXT_T_OF, titles[c->kind], t->number,
			 t->title);
	else
		snprintf(fm->title, sizeof fm->title, "%s", titles[c->kind]);
}

/* The task's money as read now (c->money), into c's arena. */
static void
read_money(struct app *a, struct fctx *c, const struct store_task *t)
{
	c->has_money = t && store_fund_task(a->st, t->id, &c->ar, &c->money, NULL) == NTM_OK;
	snprintf(c->task_id, sizeof c->task_id, "%s", c->has_money ? t->id : "");
}

/* The task typed: the title names it, its money is read. */
static void
follow_task(struct app *a, struct form *fm, struct fctx *c)
{
	const char *why;
	const struct store_task *t = task_of(a, now_text(fm, F_TASK), c, &why);
	set_title(fm, c, t);
	if (t && strcmp(t->id, c->task_id) != 0)
		read_money(a, c, t);
}

/* The amount the task has now (its total cost, or what it plans from the
 * source chosen), as text to edit; "" when none. */
static void
current_amount(struct app *a, struct form *fm, struct fctx *c, char *buf, size_t size)
{
	const char *why;
	const struct store_task *t = task_of(a, now_text(fm, F_TASK), c, &why);
	buf[0] = '\0';
	if (!t || !c->has_money || strcmp(t->id, c->task_id) != 0)
		return;
	if (c->kind == FFORM_COST) {
		if (c->money.cost >= 0)
			model_money_format(c->money.cost, false, buf, size);
		return;
	}
	struct field *sf = &fm->f[c->source_f];
	const struct store_fund_planned *p =
		sf->choice < 0 ? NULL : planned_of(c, t->id, sf->choices[sf->choice]);
	if (p)
		model_money_format(p->amount, false, buf, size);
}

static struct app *changed_app;   /* the form's changed hook has no app */

static void
asides(struct app *a, struct form *fm, struct fctx *c)
{
	task_aside(a, fm, c);
	if (c->source_f >= 0)
		source_aside(a, fm, c);
	amount_aside(fm, c);
	if (c->kind == FFORM_ENTRY)
		date_aside(fm);
}

static void
changed(struct form *fm, int i, void *ctx)
{
	struct fctx *c = ctx;
	struct app *a = changed_app;
	if (i == F_TASK)
		follow_task(a, fm, c);
	/* p and c start from the amount there is, as the source or the task
	 * changes */
	if (c->kind != FFORM_ENTRY && (i == F_TASK || i == c->source_f)) {
		char buf[64];
		current_amount(a, fm, c, buf, sizeof buf);
		lineedit_set(&fm->f[c->amount_f].le, buf);
	}
	asides(a, fm, c);
}

/* ---- saving ------------------------------------------------------------------ */

static const char *
store_failed(struct fctx *c, const struct ntm_error *e)
{
	snprintf(c->why, sizeof c->why, "%s", e->msg);
	return c->why;
}

/* The amount typed; *why when refused (an empty one is refused too when
 * the form needs one). */
static bool
amount_of(struct form *fm, struct fctx *c, bool need, long long *v, const char **why)
{
	char *text = form_value(fm, c->amount_f);
	enum ntm_money_parse r = model_money_parse(text ? text : "", v);
	free(text);
	if (r == NTM_MONEY_EMPTY && !need) {
		*v = -1;
		return true;
	}
	if (r != NTM_MONEY_OK)
		*why = model_money_reason(r);
	return r == NTM_MONEY_OK;
}

/* A payment beyond what the task received from its source (or a
 * reversal of money received leaving it so): asks question; false (*why
 * said, in buf or not_forced) when the officer does not confirm. */
static bool
confirm_overdraw(struct app *a, struct form *fm, struct store_fund_new *in,
		 const char *question, const char *not_forced, char *buf,
		 size_t size, const char **why)
{
	struct arena ar = {0};
	const char *warning = NULL;
	struct ntm_error e = {0};
	bool go = true;
	if (store_fund_overdraw(a->st, in, &ar, &warning, &e) != NTM_OK) {
		snprintf(buf, size, "%s", e.msg);
		*why = buf;
		go = false;
	} else if (warning) {
		go = in->force = form_ask(a, fm, warning, question);
		if (!go)
			*why = not_forced;
	}
	arena_free(&ar);
	return go;
}

/* After the store refused a write: when the row (the planned amount of
 * source, or the task's total cost: source NULL) changed since the form
 * read it, the form reads it again, so that Enter again saves over it,
 * and says what it is now; else the store's reason. */
static const char *
refused(struct app *a, struct fctx *c, const struct store_task *t, const char *source,
	int version, const struct ntm_error *e)
{
	char msg[sizeof e->msg], now[64];
	snprintf(msg, sizeof msg, "%s", e->msg);
	read_money(a, c, t);
	if (!c->has_money)
		return store_failed(c, e);
	const struct store_fund_planned *p = source ? planned_of(c, t->id, source) : NULL;
	int v = source ? (p ? p->version : 0) : c->money.task_version;
	long long x = source ? (p ? p->amount : -1) : c->money.cost;
	if (v == version)
		return store_failed(c, e);
	if (x < 0)
		snprintf(now, sizeof now, "%s", TXT_STALE_NONE);
	else
		model_money_format(x, true, now, sizeof now);
	snprintf(c->why, sizeof c->why, TXT_STALE, now, msg);
	return c->why;
}

static const char *
save_entry(struct app *a, struct form *fm, struct fctx *c, const struct store_task *t)
{
	const char *why = NULL;
	long long amount;
	if (!amount_of(fm, c, true, &amount, &why))
		return why;
	char *source = form_value(fm, E_SOURCE), *date = form_value(fm, E_DATE);
	char *doc = form_value(fm, E_DOC), *note = form_value(fm, E_NOTE);
	struct store_fund_new in = {
		.task_id = t->id, .kind = (enum ntm_fund_kind)fm->f[E_KIND].choice,
		.source = source && *source ? source : NULL, .amount = amount,
		.on_date = date, .doc = doc && *doc ? doc : NULL,
		.note = note && *note ? note : NULL,
	};
	struct ntm_error e = {0};
	if (confirm_overdraw(a, fm, &in, TXT_FORCE_Q, TXT_NOT_FORCED, c->why,
			     sizeof c->why, &why)) {
		if (store_fund_add(a->st, &in, NULL, &e) != NTM_OK) {
			why = store_failed(c, &e);
		} else {
			char buf[64];
			app_edited(a);
			app_message(a, false, TXT_ADDED, c->kinds[in.kind],
				    model_money_format(amount, true, buf, sizeof buf), t->number);
		}
	}
	free(source), free(date), free(doc), free(note);
	return why;
}

static const char *
save_plan(struct app *a, struct form *fm, struct fctx *c, const struct store_task *t)
{
	const char *why = NULL;
	long long amount;
	struct field *sf = &fm->f[c->source_f];
	if (sf->choice < 0)
		return TXT_NO_SOURCE;
	if (!amount_of(fm, c, false, &amount, &why))
		return why;
	const char *source = sf->choices[sf->choice];
	const struct store_fund_planned *p = planned_of(c, t->id, source);
	int version = p ? p->version : c->has_money && strcmp(t->id, c->task_id) == 0
		? 0 : STORE_ANY_VERSION;
	if (amount < 0 && p) {
		char q[512];
		snprintf(q, sizeof q, TXT_CLEAR_Q, source, t->number);
		if (!form_ask(a, fm, TXT_CLEAR_WHY, q))
			return TXT_NOT_CLEARED;
	}
	struct ntm_error e = {0};
	int rc = amount < 0 ? store_fund_plan_clear(a->st, t->id, source, version, &e)
		: store_fund_plan_set(a->st, t->id, source, amount, version, &e);
	if (rc != NTM_OK)
		return version == STORE_ANY_VERSION ? store_failed(c, &e)
			: refused(a, c, t, source, version, &e);
	char buf[64];
	app_edited(a);
	if (amount < 0)
		app_message(a, false, TXT_UNPLANNED, source, t->number);
	else
		app_message(a, false, TXT_PLANNED,
			    model_money_format(amount, true, buf, sizeof buf), t->number);
	return NULL;
}

static const char *
save_cost(struct app *a, struct form *fm, struct fctx *c, const struct store_task *t)
{
	const char *why = NULL;
	long long cost;
	if (!amount_of(fm, c, false, &cost, &why))
		return why;
	bool same = c->has_money && strcmp(t->id, c->task_id) == 0;
	int version = same ? c->money.task_version : t->version;
	struct ntm_error e = {0};
	if (store_fund_cost_set(a->st, t->id, version, cost, &e) != NTM_OK)
		return refused(a, c, t, NULL, version, &e);
	char buf[64];
	app_edited(a);
	if (cost < 0)
		app_message(a, false, TXT_COST_CLEARED, t->number);
	else
		app_message(a, false, TXT_COST_SET,
			    model_money_format(cost, true, buf, sizeof buf), t->number);
	return NULL;
}

static const char *
save(struct app *a, struct form *fm, void *ctx)
{
	struct fctx *c = ctx;
	char *text = form_value(fm, F_TASK);
	const char *why = NULL;
	const struct store_task *t = task_of(a, text ? text : "", c, &why);
	free(text);
	if (!t)
		return why;
	/* a->tasks is reloaded by the save: the task copied first */
	struct store_task task = *t;
	switch (c->kind) {
	case FFORM_ENTRY: return save_entry(a, fm, c, &task);
	case FFORM_PLAN: return save_plan(a, fm, c, &task);
	default: return save_cost(a, fm, c, &task);
	}
}

/* ---- the forms ------------------------------------------------------------------ */

/* The sources' names (the choices) and the task's money as read now. */
static void
read_for_form(struct app *a, struct fctx *c, const struct store_task *t)
{
	struct store_fund_source *src = NULL;
	int n = 0;
	if (store_fund_sources(a->st, &c->ar, &src, &n, NULL) != NTM_OK)
		n = 0;
	c->sources = n ? arena_alloc(&c->ar, sizeof *c->sources * (size_t)n) : NULL;
	for (int i = 0; c->sources && i < n; i++)
		c->sources[i] = src[i].name;
	c->nsources = c->sources ? n : 0;
	for (int k = 0; k < NTM_FUND_KIND_COUNT; k++)
		c->kinds[k] = model_fund_kind_label((enum ntm_fund_kind)k);
	read_money(a, c, t);
}

static void
add_fields(struct app *a, struct form *fm, struct fctx *c, const struct store_task *t)
{
	char num[16] = "", amount[64] = "", date[11], today[11];
	if (t)
		snprintf(num, sizeof num, "%d", t->number);
	form_text(fm, TXT_F_TASK, num, 12);
	c->source_f = c->amount_f = -1;
	if (c->kind == FFORM_ENTRY)
		form_choice(fm, TXT_F_KIND, c->kinds, NTM_FUND_KIND_COUNT, NTM_FUND_RECEIVED);
	if (c->kind != FFORM_COST) {
		c->source_f = fm->n;
		form_choice(fm, TXT_F_SOURCE, c->sources, c->nsources, -1);
	}
	if (c->kind == FFORM_COST && c->has_money && c->money.cost >= 0)
		model_money_format(c->money.cost, false, amount, sizeof amount);
	c->amount_f = fm->n;
	form_text(fm, TXT_F_AMOUNT, amount, 64);
	if (c->kind != FFORM_ENTRY)
		return;
	store_today(today);
	model_date_dmy(today, date);
	snprintf(form_text(fm, TXT_F_DATE, date, 12)->aside, sizeof fm->f[0].aside,
		 "%s", TXT_A_DATE);
	form_text(fm, TXT_F_DOC, "", 200);
	form_text(fm, TXT_F_NOTE, "", 800);
	(void)a;
}

void
form_fund(struct app *a, enum fund_form kind, int number, const struct draft *d)
{
	struct fctx c = {.kind = kind};
	const struct store_task *t = task_by_number(a, number);
	read_for_form(a, &c, t);
	struct form fm;
	form_init(&fm, "");
	set_title(&fm, &c, t);
	add_fields(a, &fm, &c, t);
	fm.focus = t ? 1 : 0;       /* the task given: what comes next */
	fm.save = save;
	fm.changed = changed;
	fm.ctx = &c;
	fm.kind = KINDS[kind];
	snprintf(fm.key, sizeof fm.key, "%s", DRAFT_KEY);
	snprintf(fm.plan, sizeof fm.plan, "%s", a->plan_id);
	/* what a draft brings back is shown parsed too */
	for (int i = 0; d && i < d->n && i < fm.n; i++)
		if (d->values[i] && fm.f[i].kind == FIELD_TEXT)
			lineedit_set(&fm.f[i].le, d->values[i]);
	changed_app = a;
	follow_task(a, &fm, &c);
	asides(a, &fm, &c);
	form_run(a, &fm, d);
	form_free(&fm);
	arena_free(&c.ar);
}

/* ---- reversing an entry ------------------------------------------------------- */

struct rctx {
	char id[STORE_ID_LEN];
	char why[1024];
};

static const char *
save_reverse(struct app *a, struct form *fm, void *ctx)
{
	struct rctx *c = ctx;
	char *reason = form_value(fm, 0);
	const char *why = NULL;
	struct ntm_error e = {0};
	struct store_fund_new in = {.reverses = c->id, .note = reason};
	if (!reason || !*reason) {
		why = TXT_NO_REASON;
	} else if (!confirm_overdraw(a, fm, &in, TXT_FORCE_REV_Q, TXT_NOT_FORCED_R,
				     c->why, sizeof c->why, &why)) {
		/* why said */
	} else if (store_fund_add(a->st, &in, NULL, &e) != NTM_OK) {
		snprintf(c->why, sizeof c->why, "%s", e.msg);
		why = c->why;
	} else {
		app_edited(a);
		app_message(a, false, "%s", TXT_REVERSED);
	}
	free(reason);
	return why;
}

void
form_fund_reverse(struct app *a, const struct store_fund_entry *x,
		  const struct draft *d)
{
	char title[512], amount[64], date[11];
	struct rctx c;
	snprintf(c.id, sizeof c.id, "%s", x->id);
	model_date_dmy(x->on_date, date);
	snprintf(title, sizeof title, TXT_T_REVERSE, model_fund_kind_label(x->kind),
		 model_money_format(x->amount, true, amount, sizeof amount), date,
		 x->task_number);
	struct form fm;
	form_init(&fm, title);
	snprintf(form_text(&fm, TXT_F_REASON, "", 800)->aside, sizeof fm.f[0].aside,
		 "%s", TXT_A_REASON);
	fm.save = save_reverse;
	fm.ctx = &c;
	fm.kind = KIND_REVERSE;
	snprintf(fm.key, sizeof fm.key, "%s", x->id);
	snprintf(fm.plan, sizeof fm.plan, "%s", a->plan_id);
	form_run(a, &fm, d);
	form_free(&fm);
}

/* ---- deleting a task with money ------------------------------------------- */

void
fund_delete_question(struct app *a, const struct store_task *t, char *buf, size_t size)
{
	struct arena ar = {0};
	struct store_fund_task m;
	char debt[64];
	if (store_fund_task(a->st, t->id, &ar, &m, NULL) == NTM_OK &&
	    m.nentries + m.nplanned > 0)
		snprintf(buf, size, TXT_DELETE_MONEY, t->number, m.nentries + m.nplanned,
			 model_money_compact(m.sums.debt, debt, sizeof debt));
	else
		snprintf(buf, size, TXT_DELETE_ASK, t->title);
	arena_free(&ar);
}

/* ---- reopening a draft --------------------------------------------------------- */

bool
forms_fund_reopen(struct app *a, const struct draft *d)
{
	int kind = -1, tab = fund_tab(a);
	for (int k = 0; k < FFORM_COUNT; k++)
		if (strcmp(d->kind, KINDS[k]) == 0)
			kind = k;
	bool reverse = strcmp(d->kind, KIND_REVERSE) == 0;
	if ((kind < 0 && !reverse) || tab < 0)
		return false;
	struct arena ar = {0};
	struct store_fund_entry x;
	if (reverse && store_fund_entry_find(a->st, d->key, &ar, &x, NULL) != NTM_OK) {
		arena_free(&ar);
		return false;
	}
	app_goto(a, tab, NULL);
	screen_draw(a);
	if (reverse)
		form_fund_reverse(a, &x, d);
	else
		form_fund(a, (enum fund_form)kind, 0, d);
	arena_free(&ar);
	return true;
}
