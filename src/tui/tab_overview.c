/* Tab "Tổng quan": the commune gauge, a gauge per sector and per village,
 * tasks done and overdue, indicators with no target yet, and every
 * criterion with its status (Enter goes to it). */
#include "app.h"
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conflicts.h"
#include "forms_fund.h"
#include "ntm/text.h"
#include "plans.h"

/* User-visible texts of this file. */
#define TXT_TAB         "Tổng quan"
#define TXT_CRITERIA    "Tiêu chí đạt"
#define TXT_TASKS       "Nhiệm vụ xong"
#define TXT_OVERDUE     "Nhiệm vụ quá hạn"
#define TXT_NO_TARGET   "Chỉ tiêu chưa có mức cần đạt"
#define TXT_CRITERIA_19 "Các tiêu chí"
#define TXT_CRITERION   "%d. %s"
#define TXT_SECTORS     "Lĩnh vực"
#define TXT_VILLAGES    "Thôn (khu dân cư NTM kiểu mẫu)"
#define TXT_NO_VILLAGE  "Chưa có thôn nào: thêm ở thẻ Thôn (phím A)."
#define TXT_NO_VILLAGE_RO "Chưa có thôn nào."
#define TXT_NO_PLAN_ROW "Xã chưa có kế hoạch nên chưa có nhiệm vụ: nhấn L để lập kế hoạch."
#define TXT_NO_PLAN_RO  "Xã chưa có kế hoạch nên chưa có nhiệm vụ: nhiệm vụ đi kèm một kế hoạch."
#define TXT_PLAN        "%s — %s"
#define TXT_IND_MET     "chỉ tiêu đạt"
#define TXT_TASKS_DONE  "nhiệm vụ xong"
#define TXT_ITEMS_DONE  "việc đã xong"
#define TXT_JUMP        "Enter: đến thẻ %s"
#define TXT_CONFLICTS   "%s %d xung đột đồng bộ đang chờ — nhấn C để xem"
#define TXT_CONFLICTS_D "Enter hoặc C: màn Xung đột — giữ bên này hoặc lấy bên kia cho từng dòng."
#define TXT_UNEXPORTED  "Có %lld thay đổi chưa xuất từ %s — chạy ntm sync export để gửi về văn phòng"
#define TXT_UNEXP_SHORT "Có %lld thay đổi chưa xuất từ %s — chạy ntm sync export"
#define TXT_MONEY       "Giải ngân"
#define TXT_MONEY_LINE  "%d%% · nợ đọng %s"
#define TXT_MONEY_NONE  "chưa có kế hoạch vốn · nợ đọng %s"
#define TXT_MONEY_D     "Đã chi %s trên kế hoạch vốn %s · Enter: thẻ Vốn"
#define TXT_UNEXPORTED_D "Chạy ntm sync export để ghi các thay đổi ra tệp .ntmsync, rồi gửi tệp đó " \
			 "về văn phòng (USB, thư điện tử) để nhập bằng ntm sync apply."

enum { INFO_CRITERIA, INFO_TASKS, INFO_OVERDUE, INFO_NO_TARGET,
       INFO_CONFLICTS, INFO_UNEXPORTED, INFO_MONEY };

/* Local changes not exported for longer than this are recalled. */
enum { UNEXPORTED_DAYS = 3 };

/* What the tab fetches besides the report: the sync reminders. */
struct overview {
	int conflicts;                 /* waiting */
	long long unexported;          /* 0: nothing to recall */
	char since[17];                /* the oldest of them, local time */
	bool money;                    /* the plan has money: its sums */
	struct store_fund_sums sums;
};

enum { LABEL_W = 29 };

enum { COMMUNE_MIN = 24 };  /* the commune's name beside a long plan's */      /* "Chỉ tiêu chưa có mức cần đạt" whole */

static int
overdue_count(struct app *a)
{
	int n = 0;
	for (int i = 0; i < a->ntasks; i++)
		n += model_task_overdue(a->tasks[i].due, a->tasks[i].status, a->today);
	return n;
}

static int
no_target_count(struct app *a)
{
	int n = 0;
	for (int i = 0; i < a->rep.nind; i++)
		n += a->rep.ind[i].status == NTM_STATUS_CHUA_CO_CHI_TIEU;
	return n;
}

/* The conflicts waiting, and local changes not exported for days. */
static void
load_sync(struct app *a, struct overview *o)
{
	struct arena ar = {0};
	struct store_sync_status ss;
	*o = (struct overview){0};
	if (store_sync_conflict_count(a->st, &o->conflicts, NULL) != NTM_OK)
		o->conflicts = 0;
	if (store_sync_status(a->st, &ar, &ss, NULL) == NTM_OK && ss.unexported > 0) {
		time_t when = conflicts_local_time(ss.oldest_unexported, o->since);
		if (when && time(NULL) - when > UNEXPORTED_DAYS * 24 * 3600)
			o->unexported = ss.unexported;
	}
	arena_free(&ar);
}

/* The plan's money, when it has any. */
static void
load_money(struct app *a, struct overview *o)
{
	struct arena ar = {0};
	struct store_fund_summary m;
	if (a->rep.plan_number && store_fund_summary(a->st, &ar, &m, NULL) == NTM_OK &&
	    m.ntasks > 0) {
		o->money = true;
		o->sums = m.total;
	}
	arena_free(&ar);
}

static void
load(struct app *a, struct tab *t)
{
	struct overview *o = t->priv;
	load_sync(a, o);
	load_money(a, o);
	if (o->conflicts > 0)
		tab_add_row(t, (struct row){ROW_INFO, INFO_CONFLICTS, NULL, -1});
	if (o->unexported > 0)
		tab_add_row(t, (struct row){ROW_INFO, INFO_UNEXPORTED, NULL, -1});
	for (int i = INFO_CRITERIA; i <= INFO_NO_TARGET; i++)
		tab_add_row(t, (struct row){ROW_INFO, i, NULL, -1});
	if (o->money)
		tab_add_row(t, (struct row){ROW_INFO, INFO_MONEY, NULL, fund_tab(a)});
	if (!a->rep.plan_number)
		tab_add_row(t, (struct row){ROW_HEADER, 0,
			    app_view_only(a) ? TXT_NO_PLAN_RO : TXT_NO_PLAN_ROW, -1});
	tab_add_row(t, (struct row){ROW_HEADER, 0, TXT_SECTORS, -1});
	for (int i = 0; i < a->rep.nsectors; i++)
		tab_add_row(t, (struct row){ROW_SECTOR, i, NULL,
					    app_tab_of_sector(a, a->rep.sectors[i].code)});
	tab_add_row(t, (struct row){ROW_HEADER, 0, TXT_CRITERIA_19, -1});
	for (int i = 0; i < a->rep.ncrit; i++)
		tab_add_row(t, (struct row){ROW_CRITERION_LINK, i, NULL,
					    app_tab_of_sector(a, a->rep.crit[i].sector_code)});
	tab_add_row(t, (struct row){ROW_HEADER, 0, TXT_VILLAGES, -1});
	if (a->rep.nvillages == 0)
		tab_add_row(t, (struct row){ROW_HEADER, 0,
			    app_view_only(a) ? TXT_NO_VILLAGE_RO : TXT_NO_VILLAGE, -1});
	for (int i = 0; i < a->rep.nvillages; i++)
		tab_add_row(t, (struct row){ROW_VILLAGE, i, NULL, a->ntabs - 1});
}

static void
draw_header(struct app *a, struct tab *t, WINDOW *w)
{
	(void)t;
	char buf[1024], xa[256], plan[256];
	model_commune_phrase(a->rep.unit ? a->rep.unit : "?", xa, sizeof xa);
	/* the plan's name whole (shortened if need be); a long commune's
	 * name is what gets cut, down to COMMUNE_MIN columns */
	int xw = text_width(xa);
	int room = a->cols - 2 - 3 - (xw < COMMUNE_MIN ? xw : COMMUNE_MIN);
	if (!plans_shown_name(a, room > 10 ? room : 10, plan, sizeof plan))
		plans_shown_name(a, 200, plan, sizeof plan);
	int pw = text_width(plan);
	char *cut = text_fit(xa, a->cols - 2 - 3 - pw, a->ascii, false);
	snprintf(buf, sizeof buf, TXT_PLAN, cut ? cut : xa, plan);
	free(cut);
	draw_text(a, w, 0, 1, buf, a->cols - 2, ui_attr(a, UI_HEADER), false);
}

/* A sync reminder, the long form where it fits. */
static void
draw_sync(struct app *a, const struct overview *o, WINDOW *w, int y, int index,
	  int x)
{
	char buf[512], date[11];
	int width = a->cols - x - 1;
	if (index == INFO_CONFLICTS) {
		snprintf(buf, sizeof buf, TXT_CONFLICTS, glyph(a, "⚠", "!"), o->conflicts);
		draw_text(a, w, y, x, buf, width, ui_attr(a, UI_ERROR), false);
		return;
	}
	snprintf(date, sizeof date, "%.10s", o->since);
	snprintf(buf, sizeof buf, TXT_UNEXPORTED, o->unexported, date);
	if (text_width(buf) > width)
		snprintf(buf, sizeof buf, TXT_UNEXP_SHORT, o->unexported, date);
	draw_text(a, w, y, x, buf, width, ui_attr(a, UI_HEADER), false);
}

/* "Giải ngân  ████░░ 40% · nợ đọng 200 tr" */
static void
draw_money(struct app *a, const struct overview *o, WINDOW *w, int y, int x)
{
	char buf[256], debt[32];
	int pct = model_money_disbursed(o->sums.paid, o->sums.planned), bar = 20;
	draw_text(a, w, y, x, TXT_MONEY, LABEL_W, A_NORMAL, true);
	x += LABEL_W + 1;
	model_money_compact(o->sums.debt, debt, sizeof debt);
	if (pct >= 0) {
		gauge_bar((struct ntm_gauge){pct > 100 ? 100 : pct, 100}, bar, a->ascii,
			  buf, sizeof buf);
		wattron(w, ui_attr(a, UI_GAUGE_FILL));
		mvwaddstr(w, y, x, buf);
		wattroff(w, ui_attr(a, UI_GAUGE_FILL));
		x += bar + 1;
		snprintf(buf, sizeof buf, TXT_MONEY_LINE, pct, debt);
	} else {
		snprintf(buf, sizeof buf, TXT_MONEY_NONE, debt);
	}
	draw_text(a, w, y, x, buf, a->cols - x - 1,
		  o->sums.debt > 0 ? ui_attr(a, UI_STATUS_CHUA_DAT) : A_NORMAL, false);
}

static void
draw_info(struct app *a, WINDOW *w, int y, int index, int x)
{
	static const char *const labels[] = {TXT_CRITERIA, TXT_TASKS, TXT_OVERDUE,
					     TXT_NO_TARGET};
	draw_text(a, w, y, x, labels[index], LABEL_W, A_NORMAL, true);
	char buf[32];
	switch (index) {
	case INFO_CRITERIA:
		draw_gauge(a, w, y, x + LABEL_W + 1, a->rep.criteria, 20, true);
		break;
	case INFO_TASKS:
		draw_gauge(a, w, y, x + LABEL_W + 1, a->rep.tasks, 20, true);
		break;
	case INFO_OVERDUE:
		snprintf(buf, sizeof buf, "%d", overdue_count(a));
		draw_text(a, w, y, x + LABEL_W + 1, buf, 10,
			  overdue_count(a) ? ui_attr(a, UI_ERROR) : A_NORMAL, false);
		break;
	default:
		snprintf(buf, sizeof buf, "%d/%d", no_target_count(a), a->rep.nind);
		draw_text(a, w, y, x + LABEL_W + 1, buf, 10, A_NORMAL, false);
	}
}

static void
draw_row(struct app *a, struct tab *t, WINDOW *w, int y, const struct row *r,
	 bool selected)
{
	mvwaddstr(w, y, 0, selected ? glyph(a, "▸", ">") : " ");
	attr_t sel = selected ? ui_attr(a, UI_ROW_SELECTED) : A_NORMAL;
	int name_w = 22, bar = a->cols >= 100 ? 30 : 16;
	char count[320];
	switch (r->kind) {
	case ROW_INFO:
		if (r->index == INFO_MONEY)
			draw_money(a, t->priv, w, y, 2);
		else if (r->index >= INFO_CONFLICTS)
			draw_sync(a, t->priv, w, y, r->index, 2);
		else
			draw_info(a, w, y, r->index, 2);
		break;
	case ROW_HEADER:
		draw_text(a, w, y, 1, r->text, a->cols - 2, ui_attr(a, UI_HEADER), false);
		break;
	case ROW_SECTOR: {
		const struct store_sector *s = &a->rep.sectors[r->index];
		draw_text(a, w, y, 2, s->short_name, name_w, sel, true);
		int x = 2 + name_w + 1;
		x += draw_gauge(a, w, y, x, s->indicators, bar, false);
		snprintf(count, sizeof count, " %s · %d/%d %s", TXT_IND_MET,
			 s->tasks.done, s->tasks.total, TXT_TASKS_DONE);
		draw_text(a, w, y, x, count, a->cols - x - 1, A_NORMAL, false);
		break;
	}
	case ROW_CRITERION_LINK: {
		const struct store_criterion *c = &a->rep.crit[r->index];
		const char *st = model_status_label(c->status);
		int st_w = text_width(st);
		snprintf(count, sizeof count, TXT_CRITERION, c->number, c->name);
		draw_text(a, w, y, 2, count, a->cols - st_w - 5, sel, false);
		draw_text(a, w, y, a->cols - st_w - 2, st, st_w + 1,
			  status_attr(a, c->status), false);
		break;
	}
	case ROW_VILLAGE: {
		const struct store_village *v = &a->rep.villages[r->index];
		draw_text(a, w, y, 2, v->name, name_w, sel, true);
		int x = 2 + name_w + 1;
		x += draw_gauge(a, w, y, x, v->items, bar, false);
		draw_text(a, w, y, x + 1, TXT_ITEMS_DONE, a->cols - x - 2, A_NORMAL, false);
		break;
	}
	default:
		break;
	}
}

static void
draw_detail(struct app *a, struct tab *t, WINDOW *w, const struct row *r)
{
	(void)t;
	char buf[256];
	if (r->jump_tab >= 0 && r->jump_tab < a->ntabs) {
		snprintf(buf, sizeof buf, TXT_JUMP, a->tabs[r->jump_tab].label);
		draw_text(a, w, 1, 1, buf, a->cols - 2, ui_attr(a, UI_DIM), false);
	}
	if (r->kind == ROW_SECTOR)
		draw_wrapped(a, w, 2, 1, a->rep.sectors[r->index].name, a->cols - 2, 2, A_NORMAL);
	if (r->kind == ROW_INFO && r->index == INFO_MONEY) {
		const struct overview *o = t->priv;
		char p[32], q[32];
		snprintf(buf, sizeof buf, TXT_MONEY_D,
			 model_money_format(o->sums.paid, true, p, sizeof p),
			 model_money_format(o->sums.planned, true, q, sizeof q));
		draw_text(a, w, 2, 1, buf, a->cols - 2, A_NORMAL, false);
	} else if (r->kind == ROW_INFO && r->index >= INFO_CONFLICTS)
		draw_wrapped(a, w, 1, 1, r->index == INFO_CONFLICTS ? TXT_CONFLICTS_D
			     : TXT_UNEXPORTED_D, a->cols - 2, getmaxy(w) - 1, A_NORMAL);
}

static const char *
row_text(struct app *a, const struct row *r)
{
	if (r->kind == ROW_SECTOR)
		return a->rep.sectors[r->index].name;
	if (r->kind == ROW_VILLAGE)
		return a->rep.villages[r->index].name;
	if (r->kind == ROW_CRITERION_LINK)
		return a->rep.crit[r->index].name;
	return r->text ? r->text : "";
}

static const char *
row_key(struct app *a, const struct row *r)
{
	static char key[64];
	if (r->kind == ROW_SECTOR)
		return a->rep.sectors[r->index].code;
	if (r->kind == ROW_VILLAGE)
		return a->rep.villages[r->index].id;
	if (r->kind == ROW_CRITERION_LINK)
		snprintf(key, sizeof key, "crit-%d", a->rep.crit[r->index].number);
	else
		snprintf(key, sizeof key, "info-%d-%d", r->kind, r->index);
	return key;
}

/* A criterion's row in its sector tab (tab_sector's key of the row). */
static const char *
criterion_key(struct app *a, int c)
{
	static char key[64];
	const struct store_criterion *cr = &a->rep.crit[c];
	if (cr->count)               /* its first indicator, just below it */
		return a->rep.ind[cr->first].id;
	snprintf(key, sizeof key, "row-%d-%d", ROW_CRITERION, c);
	return key;
}

/* Enter on "overdue" or "no target yet": the first such row. */
static void
goto_first(struct app *a, int info)
{
	if (info == INFO_NO_TARGET) {
		for (int i = 0; i < a->rep.ncrit; i++) {
			const struct store_criterion *c = &a->rep.crit[i];
			for (int k = c->first; k < c->first + c->count; k++)
				if (a->rep.ind[k].status == NTM_STATUS_CHUA_CO_CHI_TIEU) {
					app_goto(a, app_tab_of_sector(a, c->sector_code),
						 a->rep.ind[k].id);
					return;
				}
		}
	}
	for (int i = 0; info == INFO_OVERDUE && i < a->ntasks; i++) {
		const struct store_task *t = &a->tasks[i];
		if (model_task_overdue(t->due, t->status, a->today)) {
			app_goto(a, app_tab_of_sector(a, t->sector_code), t->id);
			return;
		}
	}
}

static bool
on_action(struct app *a, struct tab *t, enum tui_action act, const struct row *r)
{
	(void)t;
	if (act != ACT_OPEN || !r)
		return false;
	if (r->kind == ROW_INFO && r->index == INFO_CONFLICTS)
		conflicts_show(a);
	else if (r->kind == ROW_INFO && r->index == INFO_MONEY)
		app_goto(a, r->jump_tab, NULL);
	else if (r->kind == ROW_INFO)
		goto_first(a, r->index);
	else if (r->kind == ROW_VILLAGE)
		app_goto(a, r->jump_tab, a->rep.villages[r->index].id);
	else if (r->kind == ROW_CRITERION_LINK)
		app_goto(a, r->jump_tab, criterion_key(a, r->index));
	else if (r->jump_tab >= 0)
		app_goto(a, r->jump_tab, NULL);
	return true;
}

/* Everything it shows is in the report: nothing of its own to free. */
static void
close_tab(struct app *a, struct tab *t)
{
	(void)a;
	(void)t;
}

/* Every row here only leads somewhere (Enter): a village or task row
 * offers no village or task keys, which work on their own tabs. */
static unsigned
context(struct app *a, struct tab *t)
{
	(void)a, (void)t;
	return CTX_LIST | CTX_OVERVIEW;
}

const struct tab_ops TAB_OVERVIEW = {
	.label = TXT_TAB, .private_size = sizeof(struct overview), .load = load, .close = close_tab, .draw_header = draw_header, .draw_row = draw_row,
	.draw_detail = draw_detail, .row_text = row_text, .row_key = row_key,
	.on_action = on_action, .context = context,
};
