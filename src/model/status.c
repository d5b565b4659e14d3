/* Indicator and criterion status, gauges. */
#include "ntm/model.h"

#include <math.h>

static const char *const STATUS_WORD[] = {
	[NTM_STATUS_CHUA_CO_CHI_TIEU] = "chua_co_chi_tieu",
	[NTM_STATUS_CHUA_DANH_GIA] = "chua_danh_gia",
	[NTM_STATUS_DAT] = "dat",
	[NTM_STATUS_CHUA_DAT] = "chua_dat",
};

/* User-visible texts of this file. */
static const char *const STATUS_LABEL[] = {
	[NTM_STATUS_CHUA_CO_CHI_TIEU] = "chưa có mức cần đạt",
	[NTM_STATUS_CHUA_DANH_GIA] = "chưa đánh giá",
	[NTM_STATUS_DAT] = "đạt",
	[NTM_STATUS_CHUA_DAT] = "chưa đạt",
};

const char *
model_status_word(enum ntm_status s)
{
	return STATUS_WORD[s];
}

const char *
model_status_label(enum ntm_status s)
{
	return STATUS_LABEL[s];
}

bool
model_cmp_holds(enum ntm_cmp cmp, double value, double target)
{
	/* Values are typed with at most a few decimals: compare with a
	 * tolerance so that 0.1 + 0.2 meets 0.3. */
	const double eps = 1e-9 * fmax(1.0, fabs(target));
	switch (cmp) {
	case NTM_CMP_GE: return value >= target - eps;
	case NTM_CMP_LE: return value <= target + eps;
	case NTM_CMP_EQ: return fabs(value - target) <= eps;
	case NTM_CMP_GT: return value > target + eps;
	case NTM_CMP_LT: return value < target - eps;
	}
	return false;
}

const struct ntm_target *
model_effective_target(const struct ntm_reading *r)
{
	if (r->plan.set)
		return &r->plan;
	if (r->national.set)
		return &r->national;
	return 0;
}

enum ntm_status
model_indicator_status(const struct ntm_reading *r)
{
	const struct ntm_target *t = model_effective_target(r);

	if (!t)
		return NTM_STATUS_CHUA_CO_CHI_TIEU;
	if (!r->has_value)
		return NTM_STATUS_CHUA_DANH_GIA;
	return model_cmp_holds(t->cmp, r->value, t->value)
		? NTM_STATUS_DAT : NTM_STATUS_CHUA_DAT;
}

enum ntm_status
model_criterion_status(const enum ntm_status *s, int n)
{
	int count[4] = {0};

	for (int i = 0; i < n; i++)
		count[s[i]]++;
	if (n > 0 && count[NTM_STATUS_DAT] == n)
		return NTM_STATUS_DAT;
	if (count[NTM_STATUS_CHUA_DAT])
		return NTM_STATUS_CHUA_DAT;
	if (count[NTM_STATUS_CHUA_DANH_GIA])
		return NTM_STATUS_CHUA_DANH_GIA;
	return NTM_STATUS_CHUA_CO_CHI_TIEU;
}

int
model_gauge_percent(struct ntm_gauge g)
{
	if (g.total <= 0)
		return 0;
	return (int)((100L * g.done + g.total / 2) / g.total);
}
