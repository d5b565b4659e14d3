/* The national target form (T on an indicator): a target an official
 * reads in a decision, with that decision as its source; checked against
 * the indicator's version when saved. */
#include "forms_target.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"

/* User-visible texts of this file. */
#define TXT_NAT_TITLE    "Chỉ tiêu quốc gia — %s %s"
#define TXT_F_NAT        "Chỉ tiêu quốc gia"
#define TXT_F_SOURCE     "Căn cứ"
#define TXT_NAT_ASIDE    "ví dụ ≥ 85 hoặc < 1; để trống để bỏ"
#define TXT_SOURCE_ASIDE "số văn bản quy định, ví dụ QĐ 318/QĐ-TTg"
#define TXT_NAT_LINE     "Chỉ tiêu quốc gia %s — theo %s"
#define TXT_NAT_SAVED    "Đã nhập chỉ tiêu quốc gia cho %s. u để hoàn tác."
#define TXT_NAT_CLEARED  "Đã bỏ chỉ tiêu quốc gia của %s. u để hoàn tác."

void
national_text(const struct store_indicator *x, char *buf, size_t size)
{
	char t[64];
	buf[0] = '\0';
	if (!x->national_source || !x->reading.national.set)
		return;
	model_format_target(x->reading.kind, &x->reading.national, " ", t, sizeof t);
	snprintf(buf, size, TXT_NAT_LINE, t, x->national_source);
}

struct national_ctx {
	char code[32];
	int version;                 /* the indicator's, when the form opened */
	char why[1024];
};

static const char *
save_national(struct app *a, struct form *fm, void *ctx)
{
	struct national_ctx *c = ctx;
	struct ntm_error e = {0};
	struct store_indicator_ref ref;
	char *target = form_value(fm, 0), *source = form_value(fm, 1);
	const char *p = target ? target + strspn(target, " ") : "";
	const char *err = NULL;
	int rc = store_indicator_find(a->st, c->code, &ref, &e);
	if (rc == NTM_OK && !*p) {
		rc = store_national_target_clear(a->st, &ref, c->version, &e);
		if (rc == NTM_OK)
			app_message(a, false, TXT_NAT_CLEARED, ref.code);
	} else if (rc == NTM_OK) {
		enum ntm_cmp cmp = ref.cmp;
		double v;
		err = model_parse_target(ref.kind, p, &cmp, &v);
		if (!err)
			rc = store_national_target_set(a->st, &ref, c->version, cmp,
						       v, source ? source : "", &e);
		if (!err && rc == NTM_OK)
			app_message(a, false, TXT_NAT_SAVED, ref.code);
	}
	if (!err && rc != NTM_OK) {
		snprintf(c->why, sizeof c->why, "%s", e.msg);
		err = c->why;
	}
	if (!err)
		app_edited(a);
	free(target);
	free(source);
	return err;
}

void
form_national_target(struct app *a, const struct store_indicator *x,
		     const struct draft *d)
{
	struct form fm;
	char title[640], now[64] = "";
	snprintf(title, sizeof title, TXT_NAT_TITLE, x->code, x->name);
	form_init(&fm, title);
	if (x->reading.national.set)
		model_format_target(x->reading.kind, &x->reading.national, " ",
				    now, sizeof now);
	struct field *f = form_text(&fm, TXT_F_NAT, now, 40);
	snprintf(f->aside, sizeof f->aside, "%s", TXT_NAT_ASIDE);
	f = form_text(&fm, TXT_F_SOURCE, x->national_source ? x->national_source : "", 600);
	snprintf(f->aside, sizeof f->aside, "%s", TXT_SOURCE_ASIDE);
	struct national_ctx c = {.version = x->version};
	snprintf(c.code, sizeof c.code, "%s", x->code);
	fm.save = save_national;
	fm.ctx = &c;
	fm.kind = "national";
	snprintf(fm.key, sizeof fm.key, "%s", x->id);
	form_run(a, &fm, d);
	form_free(&fm);
}
