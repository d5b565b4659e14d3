/* The national target form (T on an indicator): a target an official
 * reads in a decision, with that decision as its source; checked against
 * the indicator's version when saved. */
#include "forms_target.h"

#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "form.h"
#include "forms.h"

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

static void
add_source(struct form *fm, const struct store_indicator *x)
{
	struct field *f = form_text(fm, TXT_F_SOURCE,
				    x->national_source ? x->national_source : "", 600);
	snprintf(f->aside, sizeof f->aside, "%s", TXT_SOURCE_ASIDE);
}

/* The target with the source in field 1, or cleared with its source. */
static int
write_national(struct app *a, struct form *fm, const struct target_entry *t,
	       struct ntm_error *e)
{
	int rc;
	if (t->clear) {
		rc = store_national_target_clear(a->st, t->ref, t->version, e);
	} else {
		char *source = form_value(fm, 1);
		rc = store_national_target_set(a->st, t->ref, t->version, t->cmp,
					       t->value, source ? source : "", e);
		free(source);
	}
	if (rc == NTM_OK)
		app_message(a, false, t->clear ? TXT_NAT_CLEARED : TXT_NAT_SAVED,
			    t->ref->code);
	return rc;
}

void
form_national_target(struct app *a, const struct store_indicator *x,
		     const struct draft *d)
{
	char title[256], now[64] = "";
	snprintf(title, sizeof title, TXT_NAT_TITLE, x->code, x->name);
	if (x->reading.national.set)
		model_format_target(x->reading.kind, &x->reading.national, " ",
				    now, sizeof now);
	const struct target_form tf = {
		.title = title, .label = TXT_F_NAT, .now = now,
		.aside = TXT_NAT_ASIDE, .version = x->version, .kind = "national",
		.write = write_national, .more = add_source,
	};
	form_target(a, x, &tf, d);
}
