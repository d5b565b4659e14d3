/* The forms of the program: a value for an indicator, the plan's target,
 * a task; deleting a task; the draft kept when the connection dropped,
 * reopened in its form. (A long note in $EDITOR: note.c.) */
#include "forms.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app.h"
#include "dialogs.h"
#include "form.h"
#include "forms_report.h"
#include "forms_target.h"
#include "forms_fund.h"
#include "forms_village.h"
#include "plans.h"
#include "ntm/text.h"
#include "screen.h"

/* User-visible texts of this file. */
#define TXT_VALUE_TITLE   "Cập nhật giá trị — %s %s"
#define TXT_TARGET_TITLE  "Chỉ tiêu của kế hoạch — %s %s"
#define TXT_TASK_TITLE    "Sửa nhiệm vụ #%d — %s"
#define TXT_TASK_NEW      "Thêm nhiệm vụ — %s"
#define TXT_F_VALUE       "Giá trị"
#define TXT_F_DATE        "Tính đến ngày"
#define TXT_F_NOTE        "Ghi chú"
#define TXT_F_TARGET      "Chỉ tiêu"
#define TXT_F_TITLE       "Tên nhiệm vụ"
#define TXT_F_STATUS      "Trạng thái"
#define TXT_F_PROGRESS    "Tiến độ (%)"
#define TXT_F_RESP        "Phụ trách"
#define TXT_F_DUE         "Hạn"
#define TXT_F_ISSUE       "Vướng mắc"
#define TXT_F_PROPOSAL    "Đề xuất"
#define TXT_CURRENT       "hiện tại: %s (%s)"
#define TXT_NO_CURRENT    "chưa có giá trị"
#define TXT_TARGET_ASIDE  "ví dụ ≥ 85 hoặc < 1; để trống để bỏ (dùng chỉ tiêu quốc gia %s)"
#define TXT_SAVED_VALUE   "Đã ghi %s = %s."
#define TXT_SAVED_TARGET  "Đã đặt chỉ tiêu kế hoạch cho %s."
#define TXT_CLEARED       "Đã bỏ chỉ tiêu kế hoạch của %s."
#define TXT_SAVED_TASK    "Đã lưu nhiệm vụ #%d."
#define TXT_DELETED       "Đã xóa nhiệm vụ. u để hoàn tác."
#define TXT_KEPT          "Không xóa."
#define TXT_PROGRESS_BAD  "tiến độ phải là số nguyên từ 0 đến 100"
#define TXT_CHOOSE        "Hãy chọn đạt hoặc chưa đạt (phím cách)"
#define TXT_ODD_ASK       "Vẫn ghi giá trị này? y hoặc c: ghi; phím khác: sửa lại"
#define TXT_NONE          "—"
#define TXT_DONE_ON_TITLE "Xong vào ngày — “%s”, %s"
#define TXT_F_DONE_ON     "Xong ngày"
#define TXT_DONE_ON_ASIDE "ngày/tháng/năm, không sau hôm nay"
#define TXT_DONE_ON_SAVED "Đã đánh dấu xong ngày %s."
#define TXT_LAST_CHANGE   "sửa lần cuối: %s, %s"
#define TXT_MULTILINE     "ghi chú nhiều dòng: để nguyên thì giữ nguyên; sửa đầy đủ bằng phím E"
#define TXT_MULTILINE_ANY "nhiều dòng, hiện trên một dòng: để nguyên thì giữ nguyên"
#define TXT_THEIRS        "bản mới: %s"
#define TXT_TASK_CONFLICT "%s vừa sửa nhiệm vụ này (%s; bản mới ghi dưới mỗi ô). Enter: lưu giá trị của bạn đè lên; Esc: thôi."
#define TXT_SOMEONE       "Người khác"
#define TXT_OTHER_FIELDS  "các mục khác"
#define TXT_DRAFT_ASK     "Mở lại bản nháp chưa lưu? y: mở; phím khác: bỏ — “%s”"
#define TXT_DRAFT_ASK_KH  "Mở lại bản nháp chưa lưu (kế hoạch %s năm %d)? y: mở; phím khác: bỏ — “%s”"
#define TXT_DRAFT_ASK_NO  "Mở lại bản nháp chưa lưu (của một kế hoạch đã bị xóa)? y: mở; phím khác: bỏ — “%s”"
#define TXT_DRAFT_PLAN    "Bản nháp thuộc kế hoạch %s năm %d: đang xem kế hoạch đó."
#define TXT_DRAFT_NO_PLAN "Kế hoạch của bản nháp đã bị xóa: chưa lưu vào kế hoạch nào."
#define TXT_OTHER_PLAN    "Bản nháp này gõ cho một kế hoạch đã bị xóa, không phải kế hoạch đang xem. Enter lần nữa: lưu vào %s năm %d; Esc: thôi."
#define TXT_DRAFT_GONE    "Bản nháp không còn dùng được (dòng đã bị xóa); đã bỏ."

static const char *const BOOL_CHOICES[] = {"đạt", "chưa đạt"};

/* Reasons are kept here so a form can show them after it returns. */
static char why[1024];

static const char *
failed(const struct ntm_error *e)
{
	snprintf(why, sizeof why, "%s", e->msg);
	return why;
}

/* ---- a value for an indicator ------------------------------------------- */

struct value_ctx {
	const struct store_indicator *x;
	char code[32];
	const char *latest;       /* the measurement shown when the form opened */
	struct arena arena;
};

static const char *
check_date(const char *text, char out[11])
{
	struct ntm_error e = {0};
	char today[11];
	store_today(today);
	return model_measurement_date(text, today, out, &e) ? failed(&e) : NULL;
}

/* The indicator as last loaded (the form's may be older), or NULL. */
static const struct store_indicator *
loaded(struct app *a, const char *code)
{
	for (int i = 0; i < a->rep.nind; i++)
		if (strcmp(a->rep.ind[i].code, code) == 0)
			return &a->rep.ind[i];
	return NULL;
}

static void
current_aside(struct app *a, struct value_ctx *c, struct field *f)
{
	char v[64];
	const struct store_indicator *x = loaded(a, c->code);
	if (!x || !x->reading.has_value) {
		snprintf(f->aside, sizeof f->aside, "%s", TXT_NO_CURRENT);
		return;
	}
	char date[11];
	model_format_quantity(x->reading.kind, x->reading.value, v, sizeof v);
	model_date_dmy(x->as_of, date);
	snprintf(f->aside, sizeof f->aside, TXT_CURRENT, v, date);
}

/* A value far from the indicator's usual range is recorded only after the
 * person confirms; NULL to go on, else the warning (the form stays). */
static const char *
check_plausible(struct app *a, struct form *fm, const char *code, double v)
{
	const struct store_indicator *x = loaded(a, code);
	if (!x || !model_implausible(&x->reading, x->unit_label, v, why, sizeof why))
		return NULL;
	return form_ask(a, fm, why, TXT_ODD_ASK) ? NULL : why;
}

static const char *
save_value(struct app *a, struct form *fm, void *ctx)
{
	struct value_ctx *c = ctx;
	struct ntm_error e = {0};
	struct store_indicator_ref ref;
	if (store_indicator_find(a->st, c->code, &ref, &e))
		return failed(&e);
	if (fm->f[0].kind == FIELD_CHOICE && fm->f[0].choice < 0) {
		fm->focus = 0;
		return TXT_CHOOSE;
	}
	char *val = form_value(fm, 0), *date = form_value(fm, 1), *note = form_value(fm, 2);
	double v = 0;
	char iso[11] = "";
	const char *err = model_parse_value(ref.kind, val ? val : "", &v);
	if (!err)
		err = check_date(date ? date : "", iso);
	if (!err)
		err = check_plausible(a, fm, c->code, v);
	if (!err && store_measurement_add_checked(a->st, &ref, c->latest, v, iso,
						  note && *note ? note : NULL, &e)) {
		err = failed(&e);
		app_reload(a);             /* show the colleague's newer value */
		current_aside(a, c, &fm->f[0]);
		store_latest_measurement(a->st, ref.id, &c->arena, &c->latest, &e);
	}
	if (!err) {
		char shown[64];
		model_format_quantity(ref.kind, v, shown, sizeof shown);
		app_message(a, false, TXT_SAVED_VALUE, ref.code, shown);
		app_edited(a);
	}
	free(val);
	free(date);
	free(note);
	return err;
}

void
form_indicator_value(struct app *a, const struct store_indicator *x,
		     const struct draft *d)
{
	struct form fm;
	struct value_ctx c = {.x = x};
	char title[256], iso[11], today[11];
	snprintf(c.code, sizeof c.code, "%s", x->code);
	snprintf(title, sizeof title, TXT_VALUE_TITLE, x->code, x->name);
	form_init(&fm, title);
	struct ntm_error e = {0};
	store_latest_measurement(a->st, x->id, &c.arena, &c.latest, &e);
	store_today(iso);
	model_date_dmy(iso, today);
	struct field *f = x->reading.kind == NTM_KIND_BOOL
		? form_choice(&fm, TXT_F_VALUE, BOOL_CHOICES, 2, -1)
		: form_text(&fm, TXT_F_VALUE, NULL, 40);
	current_aside(a, &c, f);
	form_text(&fm, TXT_F_DATE, today, 20);
	form_text(&fm, TXT_F_NOTE, NULL, 4000);
	fm.save = save_value;
	fm.ctx = &c;
	fm.kind = "value";
	snprintf(fm.key, sizeof fm.key, "%s", x->id);
	form_run(a, &fm, d);
	form_free(&fm);
	arena_free(&c.arena);
}

/* ---- the plan's target ---------------------------------------------------- */

struct target_ctx {
	const struct target_form *tf;
	char code[32];
};

/* Field 0 left empty clears the target, else it is read by the model's
 * rule for the indicator's kind; tf->write writes it. */
static const char *
save_target(struct app *a, struct form *fm, void *ctx)
{
	const struct target_ctx *c = ctx;
	struct ntm_error e = {0};
	struct store_indicator_ref ref;
	if (store_indicator_find(a->st, c->code, &ref, &e))
		return failed(&e);
	struct target_entry t = {.ref = &ref, .version = c->tf->version,
				 .cmp = ref.cmp};
	char *text = form_value(fm, 0);
	const char *p = text ? text + strspn(text, " ") : "";
	const char *err = NULL;
	t.clear = !*p;
	if (!t.clear)
		err = model_parse_target(ref.kind, p, &t.cmp, &t.value);
	if (!err && c->tf->write(a, fm, &t, &e))
		err = failed(&e);
	if (!err)
		app_edited(a);
	free(text);
	return err;
}

void
form_target(struct app *a, const struct store_indicator *x,
	    const struct target_form *tf, const struct draft *d)
{
	struct form fm;
	form_init(&fm, tf->title);
	struct field *f = form_text(&fm, tf->label, tf->now, 40);
	snprintf(f->aside, sizeof f->aside, "%s", tf->aside);
	if (tf->more)
		tf->more(&fm, x);
	struct target_ctx c = {.tf = tf};
	snprintf(c.code, sizeof c.code, "%s", x->code);
	fm.save = save_target;
	fm.ctx = &c;
	fm.kind = tf->kind;
	snprintf(fm.key, sizeof fm.key, "%s", x->id);
	form_run(a, &fm, d);
	form_free(&fm);
}

static int
write_plan_target(struct app *a, struct form *fm, const struct target_entry *t,
		  struct ntm_error *e)
{
	(void)fm;
	int rc = t->clear
		? store_target_clear(a->st, t->ref, t->version, e)
		: store_target_set(a->st, t->ref, t->version, t->cmp, t->value, e);
	if (rc == NTM_OK)
		app_message(a, false, t->clear ? TXT_CLEARED : TXT_SAVED_TARGET,
			    t->ref->code);
	return rc;
}

static void
target_text(const struct store_indicator *x, const struct ntm_target *t,
	    char *buf, size_t size)
{
	char v[32];
	if (!t->set) {
		snprintf(buf, size, "%s", "");
		return;
	}
	model_format_value(x->reading.kind, t->value, v, sizeof v);
	if (x->reading.kind == NTM_KIND_BOOL)
		snprintf(buf, size, "%s", v);
	else
		snprintf(buf, size, "%s %s", model_cmp_symbol(t->cmp), v);
}

void
form_indicator_target(struct app *a, const struct store_indicator *x,
		      const struct draft *d)
{
	char title[256], now[64], nat[64], aside[160];
	snprintf(title, sizeof title, TXT_TARGET_TITLE, x->code, x->name);
	target_text(x, &x->reading.plan, now, sizeof now);
	target_text(x, &x->reading.national, nat, sizeof nat);
	snprintf(aside, sizeof aside, TXT_TARGET_ASIDE, *nat ? nat : TXT_NONE);
	const struct target_form tf = {
		.title = title, .label = TXT_F_TARGET, .now = now, .aside = aside,
		.version = x->target_version, .kind = "target",
		.write = write_plan_target,
	};
	form_target(a, x, &tf, d);
}

/* ---- tasks ----------------------------------------------------------------- */

/* The task form's fields. */
enum {
	TF_TITLE, TF_STATUS, TF_PROGRESS, TF_RESP, TF_DUE, TF_NOTE, TF_ISSUE,
	TF_PROPOSAL, TF_COUNT
};

struct task_ctx {
	char id[STORE_ID_LEN];     /* empty: a new task */
	enum ntm_task_status base; /* the status when the form opened */
	bool status_chosen;        /* changed by the person in this form */
	int version;
	int number;                /* #N; 0 for a new task until saved */
	char sector[32];
	char plan[64];             /* the plan it was typed for */
	/* A multi-line note, issue or proposal shows on one line; left as
	 * shown, it is kept (NULL: the field is not such a text). */
	char *shown[TF_COUNT];
	/* The task's values as the form showed them at first (then as a
	 * colleague's change made them): what a conflict compares. */
	char *orig[TF_COUNT];
};

/* The task's values as its form shows them, newly allocated. */
static void
task_fields(const struct store_task *t, char *out[TF_COUNT])
{
	char progress[8], due[11] = "";
	snprintf(progress, sizeof progress, "%d", t->progress);
	if (t->due)
		model_date_dmy(t->due, due);
	out[TF_TITLE] = strdup(t->title ? t->title : "");
	out[TF_STATUS] = strdup(model_task_status_labels()[t->status]);
	out[TF_PROGRESS] = strdup(progress);
	out[TF_RESP] = strdup(t->responsible ? t->responsible : "");
	out[TF_DUE] = strdup(due);
	out[TF_NOTE] = strdup(t->note ? t->note : "");
	out[TF_ISSUE] = strdup(t->issue ? t->issue : "");
	out[TF_PROPOSAL] = strdup(t->proposal ? t->proposal : "");
}

static const char *
read_progress(const char *text, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);
	while (*end == ' ' || *end == '%')
		end++;
	if (!*text || *end || v < 0 || v > 100)
		return TXT_PROGRESS_BAD;
	*out = (int)v;
	return NULL;
}

/* The status follows the progress as it is typed (100 → hoàn thành…),
 * unless the person chose the status in this form. */
static void
task_changed(struct form *fm, int i, void *ctx)
{
	struct task_ctx *c = ctx;
	int progress;
	if (i == TF_STATUS)
		c->status_chosen = true;
	if (i != TF_PROGRESS || c->status_chosen)
		return;
	char *text = form_value(fm, TF_PROGRESS);
	if (text && !read_progress(text, &progress)) {
		enum ntm_task_status s = c->base;
		model_task_reconcile(&s, false, &progress, true);
		fm->f[TF_STATUS].choice = (int)s;
	}
	free(text);
}

/* After a refusal: when a colleague changed the task meanwhile, their
 * values show under the fields they changed, the message says who and
 * which, and their version becomes the form's base, so that Enter again
 * saves the officer's values over it (knowingly); NULL when it was no
 * such change. */
static const char *
task_conflict(struct app *a, struct form *fm, struct task_ctx *c)
{
	struct arena ar = {0};
	struct store_task t;
	const char *out = NULL;
	if (c->orig[0] && store_task_get(a->st, c->id, &ar, &t, NULL) == NTM_OK &&
	    t.version != c->version) {
		char *now[TF_COUNT], names[256] = "";
		task_fields(&t, now);
		for (int i = 0; i < TF_COUNT; i++) {
			if (now[i] && c->orig[i] && strcmp(now[i], c->orig[i]) != 0) {
				size_t n = strlen(names);
				snprintf(names + n, sizeof names - n, "%s%s", n ? ", " : "",
					 fm->f[i].label);
				snprintf(fm->f[i].aside, sizeof fm->f[i].aside, TXT_THEIRS, now[i]);
			}
			free(c->orig[i]);
			c->orig[i] = now[i];
		}
		c->version = t.version;
		c->base = t.status;
		snprintf(why, sizeof why, TXT_TASK_CONFLICT,
			 t.changed_by ? t.changed_by : TXT_SOMEONE,
			 names[0] ? names : TXT_OTHER_FIELDS);
		out = why;
	}
	arena_free(&ar);
	return out;
}

/* Field i still shows the multi-line text as the form showed it. */
static bool
kept_shown(const struct task_ctx *c, char *const *v, int i)
{
	return c->shown[i] && v[i] && strcmp(v[i], c->shown[i]) == 0;
}

/* A note-like field; a multi-line text shows on one line, said aside. */
static void
note_field(struct form *fm, struct task_ctx *c, int i, const char *label,
	   const char *text, const char *aside)
{
	struct field *f = form_text(fm, label, text, 40004);
	if (text && strchr(text, '\n')) {
		c->shown[i] = strdup(lineedit_text(&f->le));
		snprintf(f->aside, sizeof f->aside, "%s", aside);
	}
}

static const char *
save_task(struct app *a, struct form *fm, void *ctx)
{
	struct task_ctx *c = ctx;
	char *v[TF_COUNT];
	for (int i = 0; i < TF_COUNT; i++)
		v[i] = form_value(fm, i);
	enum ntm_task_status status = (enum ntm_task_status)fm->f[TF_STATUS].choice;
	struct store_task_edit ed = {
		.title = v[TF_TITLE], .status = model_task_status_code(status),
		.responsible = v[TF_RESP], .due = v[TF_DUE], .note = v[TF_NOTE],
		.issue = v[TF_ISSUE], .proposal = v[TF_PROPOSAL],
	};
	/* an untouched multi-line text: unchanged */
	ed.note = kept_shown(c, v, TF_NOTE) ? NULL : ed.note;
	ed.issue = kept_shown(c, v, TF_ISSUE) ? NULL : ed.issue;
	ed.proposal = kept_shown(c, v, TF_PROPOSAL) ? NULL : ed.proposal;
	/* A contradicting status and progress is refused by the store, with
	 * the model's reason, like any other refusal: the form stays open. */
	const char *err = read_progress(v[TF_PROGRESS] ? v[TF_PROGRESS] : "", &ed.progress);
	if (!err && strcmp(c->plan, a->plan_id) != 0) {
		/* a draft's plan is gone: into this one only when asked again */
		snprintf(why, sizeof why, TXT_OTHER_PLAN, a->rep.plan_number,
			 a->rep.plan_year);
		snprintf(c->plan, sizeof c->plan, "%s", a->plan_id);
		err = why;
	}
	struct ntm_error e = {0};
	char new_id[STORE_ID_LEN] = "";
	if (!err && (c->id[0] ? store_task_update(a->st, c->id, c->version, &ed, &e)
			      : store_task_add(a->st, c->sector, &ed, new_id, &e))) {
		err = failed(&e);
		app_reload(a);
		const char *theirs = c->id[0] ? task_conflict(a, fm, c) : NULL;
		err = theirs ? theirs : err;
	}
	if (!err) {
		struct arena ar = {0};
		struct store_task saved;
		if (new_id[0] && store_task_get(a->st, new_id, &ar, &saved, NULL) == NTM_OK)
			c->number = saved.number;
		arena_free(&ar);
		app_message(a, false, TXT_SAVED_TASK, c->number);
		if (new_id[0])
			snprintf(a->select_after, sizeof a->select_after, "%s", new_id);
		app_edited(a);
	}
	for (int i = 0; i < TF_COUNT; i++)
		free(v[i]);
	return err;
}

void
form_task(struct app *a, const struct store_task *t, const char *sector,
	  const struct draft *d)
{
	struct form fm;
	struct task_ctx c = {0};
	char title[256], progress[8];
	snprintf(c.sector, sizeof c.sector, "%s", sector);
	/* a draft keeps the plan it was typed for */
	snprintf(c.plan, sizeof c.plan, "%s", d && d->plan[0] ? d->plan : a->plan_id);
	if (t) {
		snprintf(c.id, sizeof c.id, "%s", t->id);
		c.version = t->version;
		c.number = t->number;
		c.base = t->status;
		task_fields(t, c.orig);
		snprintf(title, sizeof title, TXT_TASK_TITLE, t->number, t->title);
	} else {
		int tab = app_tab_of_sector(a, sector);
		snprintf(title, sizeof title, TXT_TASK_NEW, tab >= 0 ? a->tabs[tab].label : sector);
	}
	form_init(&fm, title);
	snprintf(progress, sizeof progress, "%d", t ? t->progress : 0);
	form_text(&fm, TXT_F_TITLE, t ? t->title : NULL, 1200);
	form_choice(&fm, TXT_F_STATUS, model_task_status_labels(),
		    NTM_TASK_STATUS_COUNT, t ? (int)t->status : 0);
	form_text(&fm, TXT_F_PROGRESS, progress, 8);
	form_text(&fm, TXT_F_RESP, t ? t->responsible : NULL, 800);
	char due[11];
	model_date_dmy(t ? t->due : NULL, due);
	form_text(&fm, TXT_F_DUE, t && t->due ? due : NULL, 20);
	note_field(&fm, &c, TF_NOTE, TXT_F_NOTE, t ? t->note : NULL, TXT_MULTILINE);
	note_field(&fm, &c, TF_ISSUE, TXT_F_ISSUE, t ? t->issue : NULL,
		   TXT_MULTILINE_ANY);
	note_field(&fm, &c, TF_PROPOSAL, TXT_F_PROPOSAL, t ? t->proposal : NULL,
		   TXT_MULTILINE_ANY);
	if (t && t->changed_by)
		snprintf(fm.f[0].aside, sizeof fm.f[0].aside, TXT_LAST_CHANGE, t->changed_by,
			 t->changed_at ? t->changed_at : "");
	fm.save = save_task;
	fm.changed = task_changed;
	fm.ctx = &c;
	fm.kind = "task";
	snprintf(fm.key, sizeof fm.key, "%s", t ? t->id : sector);
	snprintf(fm.plan, sizeof fm.plan, "%s", c.plan);
	form_run(a, &fm, d);
	form_free(&fm);
	for (int i = 0; i < TF_COUNT; i++) {
		free(c.orig[i]);
		free(c.shown[i]);
	}
}

void
task_delete(struct app *a, const struct store_task *t)
{
	char q[1024];
	fund_delete_question(a, t, q, sizeof q);
	if (!confirm(a, q)) {
		app_message(a, false, "%s", TXT_KEPT);
		return;
	}
	struct ntm_error e = {0};
	if (store_task_delete(a->st, t->id, t->version, &e)) {
		app_message(a, true, "%s", e.msg);
		app_reload(a);
		return;
	}
	app_message(a, false, "%s", TXT_DELETED);
	app_edited(a);
}

/* ---- a checklist item done on a given day --------------------------------- */

static const char *
save_done_on(struct app *a, struct form *fm, void *ctx)
{
	const char *id = ctx;
	char *text = form_value(fm, 0);
	struct ntm_error e = {0};
	const char *err = NULL;
	if (store_item_tick_on(a->st, id, true, text ? text : "", &e) != NTM_OK) {
		err = failed(&e);
	} else {
		app_message(a, false, TXT_DONE_ON_SAVED, text);
		app_edited(a);
	}
	free(text);
	return err;
}

void
form_item_done_on(struct app *a, const struct store_item *it,
		  const char *village_phrase, const struct draft *d)
{
	struct form fm;
	char title[512], today[11], shown[11];
	snprintf(title, sizeof title, TXT_DONE_ON_TITLE, it->title, village_phrase);
	form_init(&fm, title);
	store_today(today);
	model_date_dmy(it->done && it->done_on ? it->done_on : today, shown);
	struct field *f = form_text(&fm, TXT_F_DONE_ON, shown, 12);
	snprintf(f->aside, sizeof f->aside, "%s", TXT_DONE_ON_ASIDE);
	char id[STORE_ID_LEN];
	snprintf(id, sizeof id, "%s", it->id);
	fm.save = save_done_on;
	fm.ctx = id;
	fm.kind = "done_on";
	snprintf(fm.key, sizeof fm.key, "%s", it->id);
	form_run(a, &fm, d);
	form_free(&fm);
}

/* ---- the draft of a dropped connection ---------------------------------- */

/* Opens the form the draft belongs to; false when its row is gone. */
static bool
reopen(struct app *a, const struct draft *d)
{
	for (int i = 0; i < a->rep.nind; i++)
		if (strcmp(a->rep.ind[i].id, d->key) == 0) {
			app_goto(a, app_tab_of_indicator(a, d->key), d->key);
			screen_draw(a);
			if (strcmp(d->kind, "value") == 0)
				form_indicator_value(a, &a->rep.ind[i], d);
			else if (strcmp(d->kind, "national") == 0)
				form_national_target(a, &a->rep.ind[i], d);
			else
				form_indicator_target(a, &a->rep.ind[i], d);
			return true;
		}
	for (int i = 0; i < a->ntasks; i++)
		if (strcmp(a->tasks[i].id, d->key) == 0) {
			app_goto(a, app_tab_of_sector(a, a->tasks[i].sector_code), d->key);
			screen_draw(a);
			form_task(a, &a->tasks[i], a->tasks[i].sector_code, d);
			return true;
		}
	if (strcmp(d->kind, "task") == 0 && app_tab_of_sector(a, d->key) >= 0) {
		app_goto(a, app_tab_of_sector(a, d->key), NULL);
		screen_draw(a);
		form_task(a, NULL, d->key, d);
		return true;
	}
	return forms_plan_reopen(a, d) || forms_village_reopen(a, d) ||
	       forms_report_reopen(a, d) || forms_fund_reopen(a, d);
}

/* The plan a draft was typed for is shown before its form opens (the
 * plan is said); one gone leaves the plan shown, and the form refuses
 * to save into it until asked again. */
static void
draft_plan(struct app *a, const struct draft *d, bool found)
{
	if (!d->plan[0] || strcmp(d->plan, a->plan_id) == 0)
		return;
	if (found && store_plan_select(a->st, d->plan, NULL) == NTM_OK) {
		app_reload(a);
		app_message(a, false, TXT_DRAFT_PLAN, a->rep.plan_number,
			    a->rep.plan_year);
	} else {
		app_message(a, true, "%s", TXT_DRAFT_NO_PLAN);
	}
}

void
forms_offer_draft(struct app *a)
{
	struct draft d;
	if (!draft_take(a, &d))
		return;
	char q[1024];
	struct arena ar = {0};
	struct store_plan p;
	bool found = d.plan[0] &&
		store_plan_find(a->st, d.plan, &ar, &p, NULL) == NTM_OK;
	/* the plan is named when it is not the one shown (80 columns keep
	 * the form's title whole otherwise) */
	if (found && strcmp(d.plan, a->plan_id) != 0)
		snprintf(q, sizeof q, TXT_DRAFT_ASK_KH, p.number, p.year, d.title);
	else
		snprintf(q, sizeof q, d.plan[0] && !found ? TXT_DRAFT_ASK_NO : TXT_DRAFT_ASK,
			 d.title);
	arena_free(&ar);
	screen_draw(a);
	bool yes = confirm(a, q);
	a->msg[0] = '\0';
	if (yes)
		draft_plan(a, &d, found);
	if (yes && !reopen(a, &d))
		app_message(a, true, "%s", TXT_DRAFT_GONE);
	draft_free(&d);
}
