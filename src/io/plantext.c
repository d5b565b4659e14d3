/* Plan text (man 5 ntm-plan): the reader, which refuses the first thing
 * wrong as "FILE:LINE: …" and gives nothing else, and the writer, whose
 * output the reader takes back to the same document, byte for byte the
 * same when written again. The lines are read by records.c (records of
 * "Key: value" lines, sections, continuation lines); only the keys
 * Chi tiết, Ghi chú, Vướng mắc and Đề xuất go on over several lines. A carried-over task
 * says where it came from ("Chuyển từ: 32/KH-UBND #5"). What the file names
 * (sectors, indicator codes, the commune) is checked by the store. */
#include "msg.h"
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/model.h"
#include "ntm/plandoc.h"
#include "ntm/store.h"
#include "ntm/text.h"

extern const char builtin_plan_2024_txt[];   /* build/gen/embedded.c */

enum { MAX_NUMBER = 999999 };

enum sec { SEC_HEAD, SEC_OWN, SEC_TARGET, SEC_TASK, SEC_COUNT };

enum key {
	K_XA, K_SO, K_NAM, K_NGAY, K_TIEU_DE, K_NGUOI_KY, K_BO,
	K_MA, K_TEN, K_LOAI, K_SO_SANH, K_DON_VI, K_CHI_TIEU, K_GHI_CHU,
	K_NHIEM_VU, K_STT, K_PHU_TRACH, K_HAN, K_TRANG_THAI, K_TIEN_DO,
	K_CHI_TIET, K_CHUYEN_TU, K_VUONG_MAC, K_DE_XUAT, K_COUNT
};

#define IN(s) (1u << (s))
static const struct key_def {
	const char *name;
	unsigned in;                 /* sections it belongs to */
	bool multi;                  /* may go on over several lines */
} KEYS[K_COUNT] = {
	[K_XA] = {TXT_PT_XA, IN(SEC_HEAD), false},
	[K_SO] = {TXT_PT_SO, IN(SEC_HEAD), false},
	[K_NAM] = {TXT_PT_NAM, IN(SEC_HEAD), false},
	[K_NGAY] = {TXT_PT_NGAY, IN(SEC_HEAD), false},
	[K_TIEU_DE] = {TXT_PT_TIEU_DE, IN(SEC_HEAD), false},
	[K_NGUOI_KY] = {TXT_PT_NGUOI_KY, IN(SEC_HEAD), false},
	[K_BO] = {TXT_PT_BO, IN(SEC_HEAD), false},
	[K_MA] = {TXT_PT_MA, IN(SEC_OWN) | IN(SEC_TARGET), false},
	[K_TEN] = {TXT_PT_TEN, IN(SEC_OWN), false},
	[K_LOAI] = {TXT_PT_LOAI, IN(SEC_OWN), false},
	[K_SO_SANH] = {TXT_PT_SO_SANH, IN(SEC_OWN), false},
	[K_DON_VI] = {TXT_PT_DON_VI, IN(SEC_OWN), false},
	[K_CHI_TIEU] = {TXT_PT_CHI_TIEU, IN(SEC_TARGET), false},
	[K_GHI_CHU] = {TXT_PT_GHI_CHU, IN(SEC_TARGET) | IN(SEC_TASK), true},
	[K_NHIEM_VU] = {TXT_PT_NHIEM_VU, IN(SEC_TASK), false},
	[K_STT] = {TXT_PT_STT, IN(SEC_TASK), false},
	[K_PHU_TRACH] = {TXT_PT_PHU_TRACH, IN(SEC_TASK), false},
	[K_HAN] = {TXT_PT_HAN, IN(SEC_TASK), false},
	[K_TRANG_THAI] = {TXT_PT_TRANG_THAI, IN(SEC_TASK), false},
	[K_TIEN_DO] = {TXT_PT_TIEN_DO, IN(SEC_TASK), false},
	[K_CHI_TIET] = {TXT_PT_CHI_TIET, IN(SEC_TASK), true},
	[K_CHUYEN_TU] = {TXT_PT_CHUYEN_TU, IN(SEC_TASK), false},
	[K_VUONG_MAC] = {TXT_PT_VUONG_MAC, IN(SEC_TASK), true},
	[K_DE_XUAT] = {TXT_PT_DE_XUAT, IN(SEC_TASK), true},
};

static const char *const SEC_NAME[SEC_COUNT] = {
	TXT_PT_SEC_HEAD, "[" TXT_PT_SEC_OWN "]", "[" TXT_PT_SEC_TARGET "]",
	"[" TXT_PT_SEC_TASK ": …]",
};

struct reader {
	struct rec_reader lex;
	struct arena *a;
	struct ntm_plan_doc *d;
	enum sec sec;
	const char *sector;          /* the section's, as written */
	/* the record being read (the head: the whole head) */
	int first;                   /* its first line; 0: none yet */
	const char *val[K_COUNT];
	int at[K_COUNT];
	size_t cap_own, cap_targets, cap_tasks;
};

#define fail(r, line, ...) rec_fail(&(r)->lex, line, __VA_ARGS__)
#define shown(r, s) rec_shown((r)->a, s)

/* A whole number of digits only, 0..max. */
static bool
parse_int(const char *s, int max, int *out)
{
	long v = 0;
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > max)
			return false;
		v = v * 10 + (*s - '0');
	}
	if (v > max)
		return false;
	*out = (int)v;
	return true;
}

/* ---- the values of a record ---------------------------------------------- */

/* One line of value: NFC, blanks around dropped; NULL when the key is
 * absent, "" when it is empty. */
static const char *
line_value(struct reader *r, enum key k)
{
	return r->val[k] ? rec_trimmed(r->a, r->val[k], strlen(r->val[k])) : NULL;
}

/* A value of several lines as written; NULL when absent or blank. */
static const char *
text_value(struct reader *r, enum key k)
{
	const char *v = r->val[k];
	return v && v[strspn(v, " \t\n")] ? v : NULL;
}

/* A value that must be there and not be empty. */
static int
need(struct reader *r, enum key k, const char **out)
{
	*out = line_value(r, k);
	if (!*out && r->sec == SEC_HEAD)
		return fail(r, r->first ? r->first : 1, MSG_PT_HEAD_MISSING,
			    KEYS[k].name);
	if (!*out)
		return fail(r, r->first, MSG_PT_KEY_MISSING, KEYS[k].name);
	if (!**out)
		return fail(r, r->at[k], MSG_PT_EMPTY, KEYS[k].name);
	return NTM_OK;
}

/* An optional value: NULL when absent or empty. */
static const char *
optional(struct reader *r, enum key k)
{
	const char *v = line_value(r, k);
	return v && *v ? v : NULL;
}

/* An optional date, as YYYY-MM-DD in *iso. */
static int
date_value(struct reader *r, enum key k, const char **iso)
{
	const char *v = optional(r, k);
	*iso = NULL;
	if (!v)
		return NTM_OK;
	struct ntm_date d;
	const char *why = model_parse_date(v, &d);
	if (why)
		return fail(r, r->at[k], MSG_PT_DATE, shown(r, v), why);
	char *out = arena_alloc(r->a, 11);
	model_format_date(d, out);
	*iso = out;
	return NTM_OK;
}

/* ---- records ----------------------------------------------------------------- */

/* The head, at the first section (it) or at the end (it NULL). */
static int
finish_head(struct reader *r, const struct rec_item *it)
{
	struct ntm_plan_doc *d = r->d;
	const char *year;
	if (r->first == 0 && it)
		return fail(r, it->line, MSG_PT_NO_HEAD, shown(r, it->text));
	if (r->first == 0)
		return fail(r, 1, "%s", MSG_PT_FILE_EMPTY);
	if (need(r, K_SO, &d->number) || need(r, K_NAM, &year) ||
	    need(r, K_TIEU_DE, &d->title))
		return NTM_USAGE;
	if (!parse_int(year, 2100, &d->year) || d->year < 2000)
		return fail(r, r->at[K_NAM], MSG_PT_YEAR, shown(r, year));
	if (date_value(r, K_NGAY, &d->issued_on))
		return NTM_USAGE;
	d->commune = optional(r, K_XA);
	d->signer = optional(r, K_NGUOI_KY);
	d->criteria_set = optional(r, K_BO);
	d->line_commune = r->at[K_XA];
	d->line_number = r->at[K_SO];
	d->line_title = r->at[K_TIEU_DE];
	d->line_signer = r->at[K_NGUOI_KY];
	d->line_set = r->at[K_BO];
	return NTM_OK;
}

/* A code not used twice in its section (compared folded). */
static int
unique_code(struct reader *r, const char *code)
{
	const struct ntm_plan_doc *d = r->d;
	bool own = r->sec == SEC_OWN;
	int n = own ? d->nown : d->ntargets;
	for (int i = 0; i < n; i++) {
		const char *c = own ? d->own[i].code : d->targets[i].code;
		if (rec_same(r->a, c, code))
			return fail(r, r->at[K_MA], MSG_PT_DUP_CODE, shown(r, code),
				    own ? d->own[i].line : d->targets[i].line);
	}
	return NTM_OK;
}

static int
finish_own(struct reader *r)
{
	struct ntm_doc_indicator x = {.line = r->first};
	const char *kind, *cmp;
	if (need(r, K_MA, &x.code) || need(r, K_TEN, &x.name) ||
	    need(r, K_LOAI, &kind) || need(r, K_SO_SANH, &cmp) ||
	    unique_code(r, x.code))
		return NTM_USAGE;
	size_t digits = strspn(x.code, "0123456789");
	if (digits == 0 || x.code[digits] != '.' || !x.code[digits + 1])
		return fail(r, r->at[K_MA], MSG_PT_OWN_CODE, shown(r, x.code));
	if (!model_kind_read(kind, &x.kind))
		return fail(r, r->at[K_LOAI], MSG_PT_KIND, shown(r, kind));
	if (!model_cmp_parse(cmp, &x.cmp))
		return fail(r, r->at[K_SO_SANH], MSG_PT_CMP, shown(r, cmp));
	x.unit_label = optional(r, K_DON_VI);
	struct ntm_plan_doc *d = r->d;
	d->own = arena_grow(r->a, d->own, (size_t)d->nown, &r->cap_own, sizeof x);
	d->own[d->nown++] = x;
	return NTM_OK;
}

/* "≥ 85", ">= 85", "85%", "< 1", "76,5", "đạt": the comparator, whether
 * it was written, the value. */
static const char *
target_value(const char *v, struct ntm_doc_target *t)
{
	static const enum ntm_kind kinds[] = {
		NTM_KIND_PERCENT, NTM_KIND_NUMBER, NTM_KIND_BOOL,
	};
	const char *first = NULL;
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		enum ntm_cmp a = NTM_CMP_GE, b = NTM_CMP_LT;
		const char *why = model_parse_target(kinds[i], v, &a, &t->value);
		if (!why && !model_parse_target(kinds[i], v, &b, &t->value)) {
			t->cmp = a;
			t->cmp_default = a != b;
			return NULL;
		}
		if (!first || (i == 1 && !strchr(v, '%')))
			first = why;
	}
	return first;
}

static int
finish_target(struct reader *r)
{
	struct ntm_doc_target x = {.line = r->first, .line_value = r->at[K_CHI_TIEU]};
	const char *target;
	if (need(r, K_MA, &x.code) || need(r, K_CHI_TIEU, &target) ||
	    unique_code(r, x.code))
		return NTM_USAGE;
	const char *why = target_value(target, &x);
	if (why)
		return fail(r, r->at[K_CHI_TIEU], MSG_PT_TARGET, shown(r, target), why);
	x.note = text_value(r, K_GHI_CHU);
	struct ntm_plan_doc *d = r->d;
	d->targets = arena_grow(r->a, d->targets, (size_t)d->ntargets,
				&r->cap_targets, sizeof x);
	d->targets[d->ntargets++] = x;
	return NTM_OK;
}

static int
task_number(struct reader *r, struct ntm_doc_task *t)
{
	const char *v = optional(r, K_STT);
	if (!v)
		return NTM_OK;
	if (*v == '#')
		v++;
	if (!parse_int(v, MAX_NUMBER, &t->number) || t->number == 0)
		return fail(r, r->at[K_STT], MSG_PT_STT, shown(r, v), MAX_NUMBER);
	for (int i = 0; i < r->d->ntasks; i++)
		if (r->d->tasks[i].number == t->number)
			return fail(r, r->at[K_STT], MSG_PT_DUP_STT, t->number,
				    r->d->tasks[i].line);
	return NTM_OK;
}

/* Status and progress, kept in agreement as store_task_add keeps them. */
static int
task_state(struct reader *r, struct ntm_doc_task *t)
{
	const char *st = optional(r, K_TRANG_THAI), *pr = optional(r, K_TIEN_DO);
	t->status = NTM_TASK_CHUA_BAT_DAU;
	if (st && !model_task_status_read(st, &t->status)) {
		char list[256];
		model_task_status_list(list, sizeof list);
		return fail(r, r->at[K_TRANG_THAI], MSG_PT_STATUS, shown(r, st), list);
	}
	if (pr) {
		size_t len = strlen(pr);
		const char *digits = len > 1 && pr[len - 1] == '%'
			? rec_trimmed(r->a, pr, len - 1) : pr;
		if (!parse_int(digits, 100, &t->progress))
			return fail(r, r->at[K_TIEN_DO], MSG_PT_PROGRESS, shown(r, pr));
	}
	const char *why = model_task_reconcile(&t->status,
		st && t->status != NTM_TASK_CHUA_BAT_DAU, &t->progress,
		pr && t->progress != 0);
	if (why)
		return fail(r, pr ? r->at[K_TIEN_DO] : r->at[K_TRANG_THAI], "%s", why);
	return NTM_OK;
}

/* "Chuyển từ: 32/KH-UBND #5": the earlier plan's number and the task's. */
static int
task_from(struct reader *r, struct ntm_doc_task *t)
{
	const char *v = optional(r, K_CHUYEN_TU);
	size_t len;
	t->line_from = r->at[K_CHUYEN_TU];
	if (!v)
		return NTM_OK;
	if (!model_carried_parse(v, &len, &t->from_number))
		return fail(r, t->line_from, MSG_PT_FROM, shown(r, v), MAX_NUMBER);
	t->from_plan = rec_trimmed(r->a, v, len);
	return NTM_OK;
}

static int
finish_task(struct reader *r)
{
	struct ntm_doc_task x = {.line = r->first, .sector = r->sector};
	if (need(r, K_NHIEM_VU, &x.title) || task_number(r, &x) ||
	    task_from(r, &x) || date_value(r, K_HAN, &x.due) || task_state(r, &x))
		return NTM_USAGE;
	x.responsible = optional(r, K_PHU_TRACH);
	x.line_title = r->at[K_NHIEM_VU];
	x.line_responsible = r->at[K_PHU_TRACH];
	x.line_due = r->at[K_HAN];
	x.line_detail = r->at[K_CHI_TIET];
	x.line_note = r->at[K_GHI_CHU];
	x.line_issue = r->at[K_VUONG_MAC];
	x.line_proposal = r->at[K_DE_XUAT];
	x.line_state = r->at[K_TRANG_THAI] ? r->at[K_TRANG_THAI] : r->at[K_TIEN_DO];
	x.detail = text_value(r, K_CHI_TIET);
	x.note = text_value(r, K_GHI_CHU);
	x.issue = text_value(r, K_VUONG_MAC);
	x.proposal = text_value(r, K_DE_XUAT);
	struct ntm_plan_doc *d = r->d;
	d->tasks = arena_grow(r->a, d->tasks, (size_t)d->ntasks, &r->cap_tasks,
			      sizeof x);
	d->tasks[d->ntasks++] = x;
	return NTM_OK;
}

static void
clear_record(struct reader *r)
{
	memset(r->val, 0, sizeof r->val);
	memset(r->at, 0, sizeof r->at);
	r->first = 0;
}

/* A blank line, a section or the end: the record read so far is done.
 * The head is one record however many blank lines it holds. */
static int
end_record(struct reader *r)
{
	static int (*const finish[SEC_COUNT])(struct reader *) = {
		NULL, finish_own, finish_target, finish_task,
	};
	if (r->sec == SEC_HEAD || r->first == 0)
		return NTM_OK;
	int rc = finish[r->sec](r);
	clear_record(r);
	return rc;
}

/* ---- lines ------------------------------------------------------------------- */

static const char *
section_keys(struct reader *r, enum sec s)
{
	char *list = "";
	for (int k = 0; k < K_COUNT; k++)
		if (KEYS[k].in & IN(s)) {
			size_t have = strlen(list), add = strlen(KEYS[k].name);
			char *next = arena_alloc(r->a, have + add + 3);
			snprintf(next, have + add + 3, "%s%s%s", list,
				 have ? ", " : "", KEYS[k].name);
			list = next;
		}
	return list;
}

static int
section(struct reader *r, const struct rec_item *it)
{
	if (r->sec == SEC_HEAD && finish_head(r, it))
		return NTM_USAGE;
	clear_record(r);
	const char *inner = it->text, *colon = strchr(inner, ':');
	if (rec_same(r->a, inner, TXT_PT_SEC_OWN)) {
		r->sec = SEC_OWN;
	} else if (rec_same(r->a, inner, TXT_PT_SEC_TARGET)) {
		r->sec = SEC_TARGET;
	} else if (colon && rec_same(r->a, rec_trimmed(r->a, inner,
			(size_t)(colon - inner)), TXT_PT_SEC_TASK)) {
		r->sec = SEC_TASK;
		r->sector = rec_trimmed(r->a, colon + 1, strlen(colon + 1));
		if (!*r->sector)
			return fail(r, it->line, "%s", MSG_PT_SECTOR_EMPTY);
	} else {
		return fail(r, it->line, MSG_PT_SECTION, shown(r, inner));
	}
	return NTM_OK;
}

static int
field(struct reader *r, const struct rec_item *it)
{
	int k = it->k;
	if (k < 0)
		return fail(r, it->line, MSG_PT_KEY_UNKNOWN, shown(r, it->key),
			    SEC_NAME[r->sec], section_keys(r, r->sec));
	if (!(KEYS[k].in & IN(r->sec)))
		return fail(r, it->line, MSG_PT_KEY_ELSEWHERE, shown(r, it->key),
			    SEC_NAME[r->sec], section_keys(r, r->sec));
	if (r->val[k])
		return fail(r, it->line, MSG_PT_KEY_TWICE, KEYS[k].name, r->at[k]);
	if (it->more && !KEYS[k].multi)
		return fail(r, it->more, MSG_PT_CONT_SINGLE, KEYS[k].name);
	if (r->first == 0)
		r->first = it->line;
	r->val[k] = it->text;
	r->at[k] = it->line;
	return NTM_OK;
}

static int
on_item(void *ctx, const struct rec_item *it)
{
	struct reader *r = ctx;
	switch (it->what) {
	case REC_SECTION:
		return section(r, it);
	case REC_FIELD:
		return field(r, it);
	case REC_END:
		return end_record(r);
	default:
		return r->sec == SEC_HEAD ? finish_head(r, NULL) : NTM_OK;
	}
}

int
io_plan_parse(const char *name, const char *text, size_t len, struct arena *a,
	      struct ntm_plan_doc *d, struct ntm_error *e)
{
	const char *names[K_COUNT];
	for (int k = 0; k < K_COUNT; k++)
		names[k] = KEYS[k].name;
	struct reader r = {.lex = {.name = name, .a = a, .e = e, .keys = names,
				   .nkeys = K_COUNT}, .a = a, .d = d};
	*d = (struct ntm_plan_doc){0};
	return rec_read(&r.lex, text, len, on_item, &r);
}

int
io_plan_read_file(const char *path, struct arena *a, struct ntm_plan_doc *d,
		  struct ntm_error *e)
{
	size_t len;
	char *text = io_read_whole(path, &len, e);
	if (!text)
		return NTM_FAIL;
	int rc = io_plan_parse(io_file_shown(path), text, len, a, d, e);
	free(text);
	return rc;
}

int
io_plan_builtin(struct arena *a, struct ntm_plan_doc *d, struct ntm_error *e)
{
	return io_plan_parse("plan-2024.txt", builtin_plan_2024_txt,
			     strlen(builtin_plan_2024_txt), a, d, e);
}
