/* Criteria text (man 5 ntm-criteria): a national criteria set as an
 * official writes it, in the family of the plan text — records of
 * `Key: value` lines separated by blank lines, `#` comments, `[Section]`
 * headers, Vietnamese keys with their ASCII spellings (compared folded),
 * indented lines continuing a value (joined with a space: every value is
 * one line), all read by records.c. Three sections: [Bộ tiêu chí] (one
 * record, the set), [Tiêu chí] (a record per criterion), [Chỉ tiêu] (a
 * record per indicator, whose code names its criterion). The reader
 * checks the text; the store checks what needs the database (sectors, a
 * set already present). The first problem is refused as "FILE:LINE: …". */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "msg.h"
#include "records.h"
#include "ntm/arena.h"
#include "ntm/criteriadoc.h"
#include "ntm/io.h"
#include "ntm/model.h"
#include "ntm/store.h"
#include "ntm/text.h"

enum section { SEC_NONE, SEC_SET, SEC_CRITERION, SEC_INDICATOR };

/* Every key, by the section it belongs to. */
enum key {
	K_CODE, K_NAME, K_LEVEL, K_BASIS,                 /* set */
	K_NUMBER, K_GROUP, K_SECTOR,                       /* criterion */
	K_KIND, K_CMP, K_TARGET, K_UNIT, K_SOURCE,         /* indicator */
	K_COUNT
};

static const struct key_def {
	const char *shown;
	unsigned sections;           /* 1 << enum section */
} KEYS[K_COUNT] = {
	[K_CODE] = {"Mã", 1u << SEC_SET | 1u << SEC_INDICATOR},
	[K_NAME] = {"Tên", 1u << SEC_SET | 1u << SEC_CRITERION | 1u << SEC_INDICATOR},
	[K_LEVEL] = {"Cấp", 1u << SEC_SET},
	[K_BASIS] = {"Căn cứ", 1u << SEC_SET},
	[K_NUMBER] = {"Số", 1u << SEC_CRITERION},
	[K_GROUP] = {"Nhóm", 1u << SEC_CRITERION},
	[K_SECTOR] = {"Lĩnh vực", 1u << SEC_CRITERION},
	[K_KIND] = {"Loại", 1u << SEC_INDICATOR},
	[K_CMP] = {"So sánh", 1u << SEC_INDICATOR},
	[K_TARGET] = {"Chỉ tiêu", 1u << SEC_INDICATOR},
	[K_UNIT] = {"Đơn vị", 1u << SEC_INDICATOR},
	[K_SOURCE] = {"Nguồn", 1u << SEC_INDICATOR},
};

static const struct {
	const char *shown;
	enum section sec;
} SECTIONS[] = {
	{"Bộ tiêu chí", SEC_SET}, {"Tiêu chí", SEC_CRITERION},
	{"Chỉ tiêu", SEC_INDICATOR},
};

/* The record being read: its fields (NULL: absent) and their lines. */
struct record {
	int line;                    /* of its first field; 0: empty */
	const char *value[K_COUNT];
	int at[K_COUNT];
};

struct reader {
	struct rec_reader lex;
	struct arena *a;
	struct ntm_criteria_doc *d;
	enum section sec;
	int line_sec;                /* of the [Bộ tiêu chí] header */
	struct record r;
	size_t cap_crit, cap_ind;
};

#define refuse(x, line, ...) rec_fail(&(x)->lex, line, __VA_ARGS__)

static const char *
section_shown(enum section s)
{
	return s == SEC_SET ? SEC_SET_SHOWN : s == SEC_CRITERION
		? SEC_CRIT_SHOWN : SEC_IND_SHOWN;
}

/* "Số, Tên, Nhóm, Lĩnh vực": the keys of a section. */
static const char *
keys_of(struct reader *x, enum section s)
{
	char buf[256] = "";
	size_t n = 0;
	for (size_t i = 0; i < sizeof KEYS / sizeof *KEYS; i++)
		if (KEYS[i].sections & 1u << s)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
					      n ? ", " : "", KEYS[i].shown);
	return arena_strdup(x->a, buf);
}

/* ---- one record, checked and added to the document ------------------------- */

static bool
ascii_code(const char *s, bool dots)
{
	if (!*s)
		return false;       /* its length is the store's to check */
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || (dots && *p == '.')))
			return false;
	return true;
}

/* The required fields of the record, in the order given; the first one
 * missing is refused at the record's first line. */
static int
require(struct reader *x, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	int rc = NTM_OK;
	for (int i = 0; i < n && rc == NTM_OK; i++) {
		enum key k = va_arg(ap, enum key);
		if (!x->r.value[k] || !*x->r.value[k])
			rc = refuse(x, x->r.line, MSG_CRIT_MISSING, KEYS[k].shown,
				    section_shown(x->sec));
	}
	va_end(ap);
	return rc;
}

static int
add_set(struct reader *x)
{
	struct record *r = &x->r;
	struct ntm_criteria_doc *d = x->d;
	if (d->code)
		return refuse(x, r->line, MSG_CRIT_TWO_SETS, d->line_code);
	if (require(x, 3, K_CODE, K_NAME, K_BASIS))
		return NTM_USAGE;
	if (!ascii_code(r->value[K_CODE], false))
		return refuse(x, r->at[K_CODE], MSG_CRIT_SET_CODE, r->value[K_CODE]);
	d->level = "xa";
	if (r->value[K_LEVEL] && rec_same(x->a, r->value[K_LEVEL], "thôn"))
		d->level = "thon";
	else if (r->value[K_LEVEL] && !rec_same(x->a, r->value[K_LEVEL], "xã"))
		return refuse(x, r->at[K_LEVEL], MSG_CRIT_LEVEL, r->value[K_LEVEL]);
	d->code = r->value[K_CODE];
	d->line_code = r->at[K_CODE];
	d->name = r->value[K_NAME];
	d->source = r->value[K_BASIS];
	return NTM_OK;
}

static int
add_criterion(struct reader *x)
{
	struct record *r = &x->r;
	if (require(x, 3, K_NUMBER, K_NAME, K_SECTOR))
		return NTM_USAGE;
	char *end;
	long num = strtol(r->value[K_NUMBER], &end, 10);
	if (*end || end == r->value[K_NUMBER] || num < 1 || num > 99)
		return refuse(x, r->at[K_NUMBER], MSG_CRIT_NUMBER, r->value[K_NUMBER]);
	for (int i = 0; i < x->d->ncrit; i++)
		if (x->d->crit[i].number == num)
			return refuse(x, r->at[K_NUMBER], MSG_CRIT_DUP_NUMBER,
				      (int)num, x->d->crit[i].line);
	x->d->crit = arena_grow(x->a, x->d->crit, (size_t)x->d->ncrit,
				&x->cap_crit, sizeof *x->d->crit);
	x->d->crit[x->d->ncrit++] = (struct ntm_doc_criterion){
		.line = r->line, .number = (int)num, .name = r->value[K_NAME],
		.group = r->value[K_GROUP], .sector = r->value[K_SECTOR],
		.line_sector = r->at[K_SECTOR]};
	return NTM_OK;
}

/* Kind, comparator and target of the indicator in the record. */
static int
read_measure(struct reader *x, struct ntm_doc_crit_indicator *ind)
{
	struct record *r = &x->r;
	const char *cmp_text = r->value[K_CMP], *target = r->value[K_TARGET];
	if (!model_kind_read(r->value[K_KIND], &ind->kind))
		return refuse(x, r->at[K_KIND], MSG_CRIT_KIND, r->value[K_KIND]);
	bool have_cmp = cmp_text && *cmp_text;
	ind->cmp = ind->kind == NTM_KIND_BOOL ? NTM_CMP_EQ : NTM_CMP_GE;
	if (have_cmp && !model_cmp_parse(cmp_text, &ind->cmp))
		return refuse(x, r->at[K_CMP], MSG_CRIT_CMP, cmp_text);
	if (have_cmp && ind->kind == NTM_KIND_BOOL && ind->cmp != NTM_CMP_EQ)
		return refuse(x, r->at[K_CMP], MSG_CRIT_BOOL_CMP, cmp_text);
	/* A yes/no indicator is met when đạt: that is no number invented. */
	if (ind->kind == NTM_KIND_BOOL && (!target || !*target))
		ind->target = (struct ntm_target){true, NTM_CMP_EQ, 1};
	if (!target || !*target) {
		if (!have_cmp && ind->kind != NTM_KIND_BOOL)
			return refuse(x, r->line, MSG_CRIT_NEED_CMP, ind->code);
		return NTM_OK;
	}
	const char *t = target + strspn(target, " \t");
	bool own_cmp = strchr("<>=", *t) || strncmp(t, "≥", 3) == 0 ||
		       strncmp(t, "≤", 3) == 0;
	enum ntm_cmp c = ind->cmp;
	const char *why = model_parse_target(ind->kind, target, &c, &ind->target.value);
	if (why)
		return refuse(x, r->at[K_TARGET], MSG_CRIT_TARGET, target, why);
	if (own_cmp && have_cmp && c != ind->cmp)
		return refuse(x, r->at[K_TARGET], MSG_CRIT_CMP_CLASH, target, cmp_text);
	if (!own_cmp && !have_cmp && ind->kind != NTM_KIND_BOOL)
		return refuse(x, r->line, MSG_CRIT_NEED_CMP, ind->code);
	ind->cmp = c;
	ind->target.set = true;
	ind->target.cmp = c;
	return NTM_OK;
}

static int
add_indicator(struct reader *x)
{
	struct record *r = &x->r;
	if (require(x, 3, K_CODE, K_NAME, K_KIND))
		return NTM_USAGE;
	const char *code = r->value[K_CODE];
	if (!ascii_code(code, true) || code[0] < '1' || code[0] > '9')
		return refuse(x, r->at[K_CODE], MSG_CRIT_IND_CODE, code);
	for (int i = 0; i < x->d->nind; i++)
		if (strcasecmp(code, x->d->ind[i].code) == 0)
			return refuse(x, r->at[K_CODE], MSG_CRIT_DUP_CODE, code,
				      x->d->ind[i].line);
	struct ntm_doc_crit_indicator ind = {
		.line = r->line, .code = code, .name = r->value[K_NAME],
		.criterion = atoi(code), .unit_label = r->value[K_UNIT],
		.source = r->value[K_SOURCE]};
	if (read_measure(x, &ind))
		return NTM_USAGE;
	x->d->ind = arena_grow(x->a, x->d->ind, (size_t)x->d->nind, &x->cap_ind,
			       sizeof *x->d->ind);
	x->d->ind[x->d->nind++] = ind;
	return NTM_OK;
}

/* The record just ended (a blank line, a header, the end of the file). */
static int
end_record(struct reader *x)
{
	if (!x->r.line)
		return NTM_OK;
	int rc = x->sec == SEC_SET ? add_set(x)
		: x->sec == SEC_CRITERION ? add_criterion(x) : add_indicator(x);
	x->r = (struct record){0};
	return rc;
}

/* ---- lines ------------------------------------------------------------------ */

/* A value as one clean line of NFC text: its lines trimmed, the empty ones
 * dropped, the others joined with a space. */
static const char *
one_line(struct reader *x, int line, const char *v)
{
	char *joined = arena_alloc(x->a, strlen(v) + 1);
	size_t n = 0;
	for (const char *p = v, *nl; p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		const char *t = rec_trimmed(x->a, p, nl ? (size_t)(nl - p) : strlen(p));
		if (*t)
			n += (size_t)sprintf(joined + n, "%s%s", n ? " " : "", t);
	}
	enum text_problem p;
	char *c = text_clean(joined, false, &p, NULL);
	if (!c) {
		refuse(x, line, "%s", text_problem_message(p));
		return NULL;
	}
	const char *out = arena_strdup(x->a, rec_trimmed(x->a, c, strlen(c)));
	free(c);
	return out;
}

static int
header(struct reader *x, const struct rec_item *it)
{
	for (size_t i = 0; i < sizeof SECTIONS / sizeof *SECTIONS; i++)
		if (rec_same(x->a, it->text, SECTIONS[i].shown)) {
			x->sec = SECTIONS[i].sec;
			if (x->sec == SEC_SET)
				x->line_sec = it->line;
			return NTM_OK;
		}
	return refuse(x, it->line, MSG_CRIT_SECTION, it->text);
}

static int
field(struct reader *x, const struct rec_item *it)
{
	if (x->sec == SEC_NONE)
		return refuse(x, it->line, MSG_CRIT_NO_SECTION);
	if (it->k < 0 || !(KEYS[it->k].sections & 1u << x->sec))
		return refuse(x, it->line, MSG_CRIT_KEY, it->key,
			      section_shown(x->sec), keys_of(x, x->sec));
	if (x->r.value[it->k])
		return refuse(x, it->line, MSG_CRIT_DUP_KEY, KEYS[it->k].shown,
			      x->r.at[it->k]);
	const char *value = one_line(x, it->line, it->text);
	if (!value)
		return NTM_USAGE;
	if (!x->r.line)
		x->r.line = it->line;
	x->r.value[it->k] = value;
	x->r.at[it->k] = it->line;
	return NTM_OK;
}

/* The whole: a set, criteria, each with an indicator, each indicator's
 * criterion in the file. */
static int
check_whole(struct reader *x, int last_line)
{
	struct ntm_criteria_doc *d = x->d;
	if (!d->code)
		return refuse(x, x->line_sec ? x->line_sec : 1, MSG_CRIT_NO_SET);
	if (d->ncrit == 0)
		return refuse(x, last_line, MSG_CRIT_NO_CRITERIA);
	for (int k = 0; k < d->ncrit; k++) {
		bool any = false;
		for (int i = 0; i < d->nind && !any; i++)
			any = d->ind[i].criterion == d->crit[k].number;
		if (!any)
			return refuse(x, d->crit[k].line, MSG_CRIT_EMPTY,
				      d->crit[k].number);
	}
	for (int i = 0; i < d->nind; i++) {
		bool found = false;
		for (int k = 0; k < d->ncrit && !found; k++)
			found = d->crit[k].number == d->ind[i].criterion;
		if (!found)
			return refuse(x, d->ind[i].line, MSG_CRIT_NO_OWNER,
				      d->ind[i].code, d->ind[i].criterion);
	}
	return NTM_OK;
}

static int
on_item(void *ctx, const struct rec_item *it)
{
	struct reader *x = ctx;
	switch (it->what) {
	case REC_SECTION:
		return header(x, it);
	case REC_FIELD:
		return field(x, it);
	case REC_END:
		return end_record(x);
	default:
		return check_whole(x, it->line ? it->line : 1);
	}
}

int
io_criteria_parse(const char *name, const char *text, size_t len,
		  struct arena *a, struct ntm_criteria_doc *d,
		  struct ntm_error *e)
{
	const char *names[K_COUNT];
	for (int k = 0; k < K_COUNT; k++)
		names[k] = KEYS[k].shown;
	struct reader x = {.lex = {.name = name, .a = a, .e = e, .keys = names,
				   .nkeys = K_COUNT}, .a = a, .d = d};
	*d = (struct ntm_criteria_doc){0};
	return rec_read(&x.lex, text, len, on_item, &x);
}

/* ---- the file --------------------------------------------------------------- */

int
io_criteria_import(struct store *st, const char *path, bool dry_run,
		   int *criteria, int *indicators, struct ntm_error *e)
{
	size_t len;
	char *text = io_read_whole(path, &len, e);
	if (!text)
		return NTM_FAIL;
	struct arena a = {0};
	struct ntm_criteria_doc d;
	int rc = io_criteria_parse(io_file_shown(path), text, len, &a, &d, e);
	free(text);
	if (rc == NTM_OK)
		rc = store_criteria_import(st, &d, io_file_shown(path), dry_run, criteria,
					   indicators, e);
	arena_free(&a);
	return rc;
}
