/* Plausibility of a value about to be recorded: a value far from what the
 * indicator usually holds is most often a slip (0,865 typed for 86,5 %, a
 * yearly income in đồng or thousands instead of millions). It is a
 * warning, never a refusal: the person confirms and the value is kept. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ntm/model.h"

#define MSG_FRACTION  "%s%% rất nhỏ so với %s%%: có phải ý bạn là %s%%?"
#define MSG_FAR       "%s khác xa %s %s (chênh hơn %d lần)"
#define MSG_RANGE     "%s %s nằm ngoài khoảng thường gặp (%s–%s %s)"
#define MSG_TARGET    "mức cần đạt"
#define MSG_PREVIOUS  "giá trị trước"

enum { FAR = 10 };   /* ten times more or less than the reference */

/* Usual ranges by unit, for indicators that may have no target yet:
 * bounds against slips of the order of magnitude, not targets. */
static const struct {
	const char *unit;
	double lo, hi;
} USUAL[] = {
	{"triệu đồng/người/năm", 5, 500},
	{"m²/người", 0.1, 1000},
};

static void
num(double v, char *buf, int size)
{
	model_format_value(NTM_KIND_NUMBER, v, buf, size);
}

/* The value to compare with: the effective target, else the last value. */
static bool
reference(const struct ntm_reading *r, double *ref, const char **what)
{
	const struct ntm_target *t = model_effective_target(r);
	if (t && t->value > 0) {
		*ref = t->value;
		*what = MSG_TARGET;
		return true;
	}
	if (r->has_value && r->value > 0) {
		*ref = r->value;
		*what = MSG_PREVIOUS;
		return true;
	}
	return false;
}

static const char *
check_percent(const struct ntm_reading *r, double v, char *buf, int size)
{
	double ref;
	const char *what;
	if (!(v > 0 && v < 1) || !reference(r, &ref, &what) || ref < FAR)
		return NULL;
	char a[32], b[32], c[32];
	num(v, a, sizeof a);
	num(ref, b, sizeof b);
	num(v * 100, c, sizeof c);
	snprintf(buf, (size_t)size, MSG_FRACTION, a, b, c);
	return buf;
}

static const char *
check_number(const struct ntm_reading *r, const char *unit, double v,
	     char *buf, int size)
{
	char a[32], b[32], d[32];
	for (size_t i = 0; unit && i < sizeof USUAL / sizeof *USUAL; i++)
		if (strcmp(unit, USUAL[i].unit) == 0 &&
		    (v < USUAL[i].lo || v > USUAL[i].hi)) {
			num(v, a, sizeof a);
			num(USUAL[i].lo, b, sizeof b);
			num(USUAL[i].hi, d, sizeof d);
			snprintf(buf, (size_t)size, MSG_RANGE, a, unit, b, d, unit);
			return buf;
		}
	double ref;
	const char *what;
	if (v <= 0 || !reference(r, &ref, &what) ||
	    (v <= ref * FAR && v * FAR >= ref))
		return NULL;
	num(v, a, sizeof a);
	num(ref, b, sizeof b);
	snprintf(buf, (size_t)size, MSG_FAR, a, what, b, FAR);
	return buf;
}

const char *
model_implausible(const struct ntm_reading *r, const char *unit, double v,
		  char *buf, int size)
{
	if (r->kind == NTM_KIND_PERCENT)
		return check_percent(r, v, buf, size);
	if (r->kind == NTM_KIND_NUMBER)
		return check_number(r, unit, v, buf, size);
	return NULL;
}
