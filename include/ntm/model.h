/* model — plain structs and the pure rules of the NTM programme: how an
 * indicator's status follows from its targets and latest value, how a
 * criterion's follows from its indicators, gauge arithmetic, and how the
 * values and dates that people type are read. No I/O, no SQL, no curses. */
#ifndef NTM_MODEL_H
#define NTM_MODEL_H

#include <stdbool.h>

enum ntm_kind { NTM_KIND_BOOL, NTM_KIND_PERCENT, NTM_KIND_NUMBER };

enum ntm_cmp { NTM_CMP_GE, NTM_CMP_LE, NTM_CMP_EQ, NTM_CMP_GT, NTM_CMP_LT };

enum ntm_status {
	NTM_STATUS_CHUA_CO_CHI_TIEU, /* no target at all */
	NTM_STATUS_CHUA_DANH_GIA,    /* no measurement */
	NTM_STATUS_DAT,
	NTM_STATUS_CHUA_DAT,
};

/* A target: a comparator and a value. */
struct ntm_target {
	bool set;
	enum ntm_cmp cmp;
	double value;
};

/* What the status rule needs to know of one indicator. */
struct ntm_reading {
	enum ntm_kind kind;
	struct ntm_target national;
	struct ntm_target plan;   /* the plan's own; wins where set */
	bool has_value;
	double value;
};

/* Done out of total, for every progress gauge. */
struct ntm_gauge {
	int done;
	int total;
};

/* A calendar date. */
struct ntm_date {
	int year, month, day;
};

enum ntm_status model_indicator_status(const struct ntm_reading *r);
const struct ntm_target *model_effective_target(const struct ntm_reading *r);
bool model_cmp_holds(enum ntm_cmp cmp, double value, double target);

/* Criterion status from its indicators' statuses: đạt when all are. */
enum ntm_status model_criterion_status(const enum ntm_status *s, int n);

/* Whole percent of a gauge, 0 when empty. */
int model_gauge_percent(struct ntm_gauge g);

/* ASCII word ("dat", "chua_dat", …) and Vietnamese label ("đạt", …). */
const char *model_status_word(enum ntm_status s);
const char *model_status_label(enum ntm_status s);

bool model_kind_parse(const char *s, enum ntm_kind *out);
const char *model_kind_word(enum ntm_kind k);
bool model_cmp_parse(const char *s, enum ntm_cmp *out);
const char *model_cmp_word(enum ntm_cmp c);  /* ">=", "<", … */
const char *model_cmp_symbol(enum ntm_cmp c); /* "≥", "<", … */

/* Reads a value typed for an indicator of this kind: "86,5", "86.5" and
 * "86,5%" are 86.5; bool takes đạt/dat/có/1/x and chưa đạt/không/0.
 * Returns NULL and sets *out, or returns a Vietnamese reason. */
const char *model_parse_value(enum ntm_kind kind, const char *s, double *out);

/* Reads a target "85", ">= 85", "<1%", "≥ 76,5": the comparator defaults
 * to *cmp as given. Returns NULL on success or a Vietnamese reason. */
const char *model_parse_target(enum ntm_kind kind, const char *s,
			       enum ntm_cmp *cmp, double *value);

/* A warning (written into buf, returned) when value v is far from what
 * the indicator usually holds — a percentage under 1 where the target or
 * the last value is 10 or more (0,865 for 86,5), a number more than ten
 * times above or below its target or last value, or outside the usual
 * range of its unit (income in triệu đồng/người/năm) — else NULL. r gives
 * the targets and the current value; unit is the indicator's unit label. */
const char *model_implausible(const struct ntm_reading *r, const char *unit,
			      double v, char *buf, int size);

/* Formats a value for people: "86,5" (up to 4 decimals, as many as
 * model_parse_value accepts), "đạt"/"chưa đạt" for bool. */
void model_format_value(enum ntm_kind kind, double v, char *buf, int size);

/* Reads YYYY-MM-DD, refusing dates that do not exist. NULL on success. */
const char *model_parse_date(const char *s, struct ntm_date *out);
void model_format_date(struct ntm_date d, char buf[11]);

#endif
