/* Plan text (man 5 ntm-plan): the reader, which refuses the first thing
 * wrong as "FILE:LINE: …" and gives nothing else, and the writer, whose
 * output the reader takes back to the same document, byte for byte the
 * same when written again. Records of "Key: value" lines separated by
 * blank lines, sections in brackets, '#' comment lines; a line starting
 * with a space or tab goes on with the value above (one blank dropped,
 * " ." an empty line, a line of dots loses one dot). Keys are compared
 * folded (accents and case optional). What the file names (sectors,
 * indicator codes, the commune) is checked by the store. */
#include "msg.h"

#include <errno.h>
#include <stdarg.h>
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

enum { MAX_FILE_MB = 16, MAX_SHOWN = 60, MAX_NUMBER = 999999 };

enum sec { SEC_HEAD, SEC_OWN, SEC_TARGET, SEC_TASK, SEC_COUNT };

enum key {
	K_XA, K_SO, K_NAM, K_NGAY, K_TIEU_DE, K_NGUOI_KY, K_BO,
	K_MA, K_TEN, K_LOAI, K_SO_SANH, K_DON_VI, K_CHI_TIEU, K_GHI_CHU,
	K_NHIEM_VU, K_STT, K_PHU_TRACH, K_HAN, K_TRANG_THAI, K_TIEN_DO,
	K_CHI_TIET, K_COUNT
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
};

static const char *const SEC_NAME[SEC_COUNT] = {
	TXT_PT_SEC_HEAD, "[" TXT_PT_SEC_OWN "]", "[" TXT_PT_SEC_TARGET "]",
	"[" TXT_PT_SEC_TASK ": …]",
};

struct reader {
	const char *name;
	struct arena *a;
	struct ntm_plan_doc *d;
	struct ntm_error *e;
	const char *folded[K_COUNT];
	enum sec sec;
	const char *sector;          /* the section's, as written */
	int line;
	/* the record being read (the head: the whole head) */
	int first;                   /* its first line; 0: none yet */
	const char *val[K_COUNT];
	int at[K_COUNT];
	int last;                    /* the key of the line above; -1: none */
	bool bare;                   /* that key had nothing on its own line */
	size_t cap_own, cap_targets, cap_tasks;
};

/* ---- small helpers ----------------------------------------------------- */

static int __attribute__((format(printf, 3, 4)))
fail(struct reader *r, int line, const char *fmt, ...)
{
	char what[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	return ntm_fail(r->e, NTM_USAGE, MSG_PT_AT, r->name, line, what);
}

/* s cut to MAX_SHOWN characters with "…", for echoing in a message. */
static const char *
shown(struct reader *r, const char *s)
{
	size_t chars = 0, i = 0;
	for (; s[i] && chars <= MAX_SHOWN; i++)
		chars += ((unsigned char)s[i] & 0xc0) != 0x80;
	if (!s[i] && chars <= MAX_SHOWN)
		return s;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	char *out = arena_alloc(r->a, i + sizeof "…");
	memcpy(out, s, i);
	memcpy(out + i, "…", sizeof "…");
	return out;
}

static char *
copy_span(struct arena *a, const char *s, size_t len)
{
	char *out = arena_alloc(a, len + 1);
	memcpy(out, s, len);
	return out;
}

/* s without blanks around it, in a. */
static const char *
trimmed(struct arena *a, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return copy_span(a, s, len);
}

static const char *
nfc(struct arena *a, const char *s)
{
	char *n = text_nfc(s);
	const char *out = n ? arena_strdup(a, n) : s;
	free(n);
	return out;
}

/* The folded form of s (accents, case dropped), in a. */
static const char *
folded(struct arena *a, const char *s)
{
	char *f = text_fold(s);
	const char *out = arena_strdup(a, f ? f : s);
	free(f);
	return out;
}

static bool
same_folded(struct arena *a, const char *x, const char *y)
{
	return strcmp(folded(a, x), folded(a, y)) == 0;
}

static bool
all_dots(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != '.')
			return false;
	return true;
}

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
	return r->val[k] ? nfc(r->a, trimmed(r->a, r->val[k])) : NULL;
}

/* A value of several lines as written (NFC); NULL when absent or blank. */
static const char *
text_value(struct reader *r, enum key k)
{
	const char *v = r->val[k];
	if (!v || v[strspn(v, " \t\n")] == '\0')
		return NULL;
	return nfc(r->a, v);
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

static int
finish_head(struct reader *r)
{
	struct ntm_plan_doc *d = r->d;
	const char *year;
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

static int
kind_value(struct reader *r, const char *v, enum ntm_kind *out)
{
	static const struct { const char *word; enum ntm_kind kind; } words[] = {
		{"ty le", NTM_KIND_PERCENT}, {"phan tram", NTM_KIND_PERCENT},
		{"%", NTM_KIND_PERCENT}, {"so", NTM_KIND_NUMBER},
		{"so luong", NTM_KIND_NUMBER}, {"dat/khong", NTM_KIND_BOOL},
		{"dat / khong", NTM_KIND_BOOL}, {"dat", NTM_KIND_BOOL},
	};
	const char *f = folded(r->a, v);
	if (model_kind_parse(f, out))
		return NTM_OK;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(f, words[i].word) == 0) {
			*out = words[i].kind;
			return NTM_OK;
		}
	return fail(r, r->at[K_LOAI], MSG_PT_KIND, shown(r, v));
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
		if (same_folded(r->a, c, code))
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
	if (kind_value(r, kind, &x.kind))
		return NTM_USAGE;
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
	struct ntm_doc_target x = {.line = r->first};
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
		return fail(r, r->at[K_STT], MSG_PT_STT, shown(r, v));
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
			? trimmed(r->a, copy_span(r->a, pr, len - 1)) : pr;
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

static int
finish_task(struct reader *r)
{
	struct ntm_doc_task x = {.line = r->first, .sector = r->sector};
	if (need(r, K_NHIEM_VU, &x.title) || task_number(r, &x) ||
	    date_value(r, K_HAN, &x.due) || task_state(r, &x))
		return NTM_USAGE;
	x.responsible = optional(r, K_PHU_TRACH);
	x.detail = text_value(r, K_CHI_TIET);
	x.note = text_value(r, K_GHI_CHU);
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
	r->last = -1;
}

/* A blank line, a section or the end: the record read so far is done.
 * The head is one record however many blank lines it holds. */
static int
end_record(struct reader *r)
{
	static int (*const finish[SEC_COUNT])(struct reader *) = {
		NULL, finish_own, finish_target, finish_task,
	};
	r->last = -1;
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
section(struct reader *r, char *s)
{
	if (end_record(r))
		return NTM_USAGE;
	if (r->sec == SEC_HEAD && finish_head(r))
		return NTM_USAGE;
	clear_record(r);
	const char *t = trimmed(r->a, s);
	size_t len = strlen(t);
	if (t[len - 1] != ']')
		return fail(r, r->line, MSG_PT_SECTION_END, shown(r, t));
	const char *inner = trimmed(r->a, copy_span(r->a, t + 1, len - 2));
	const char *colon = strchr(inner, ':');
	if (same_folded(r->a, inner, TXT_PT_SEC_OWN)) {
		r->sec = SEC_OWN;
	} else if (same_folded(r->a, inner, TXT_PT_SEC_TARGET)) {
		r->sec = SEC_TARGET;
	} else if (colon && same_folded(r->a, copy_span(r->a, inner,
			(size_t)(colon - inner)), TXT_PT_SEC_TASK)) {
		r->sec = SEC_TASK;
		r->sector = nfc(r->a, trimmed(r->a, colon + 1));
		if (!*r->sector)
			return fail(r, r->line, "%s", MSG_PT_SECTOR_EMPTY);
	} else {
		return fail(r, r->line, MSG_PT_SECTION, shown(r, inner));
	}
	return NTM_OK;
}

static int
key_line(struct reader *r, char *s)
{
	char *colon = strchr(s, ':');
	if (!colon)
		return fail(r, r->line, MSG_PT_NO_COLON, shown(r, s));
	const char *name = trimmed(r->a, copy_span(r->a, s, (size_t)(colon - s)));
	const char *f = folded(r->a, name);
	int k = 0;
	while (k < K_COUNT && strcmp(f, r->folded[k]) != 0)
		k++;
	if (k == K_COUNT)
		return fail(r, r->line, MSG_PT_KEY_UNKNOWN, shown(r, name),
			    SEC_NAME[r->sec], section_keys(r, r->sec));
	if (!(KEYS[k].in & IN(r->sec)))
		return fail(r, r->line, MSG_PT_KEY_ELSEWHERE, shown(r, name),
			    SEC_NAME[r->sec], section_keys(r, r->sec));
	if (r->val[k])
		return fail(r, r->line, MSG_PT_KEY_TWICE, KEYS[k].name, r->at[k]);
	if (r->first == 0)
		r->first = r->line;
	const char *v = colon + 1;
	v += strspn(v, " \t");
	r->val[k] = arena_strdup(r->a, v);
	r->at[k] = r->line;
	r->last = k;
	r->bare = *v == '\0';
	return NTM_OK;
}

/* A line starting with a space or tab: the value above goes on. */
static int
continuation(struct reader *r, const char *s)
{
	if (r->last < 0)
		return fail(r, r->line, "%s", MSG_PT_CONT_NONE);
	if (!KEYS[r->last].multi)
		return fail(r, r->line, MSG_PT_CONT_SINGLE, KEYS[r->last].name);
	size_t len = strlen(s);
	if (len > 0 && all_dots(s, len))
		s++, len--;
	const char *old = r->val[r->last];
	if (r->bare) {
		r->val[r->last] = copy_span(r->a, s, len);
		r->bare = false;
		return NTM_OK;
	}
	size_t have = strlen(old);
	char *v = arena_alloc(r->a, have + len + 2);
	memcpy(v, old, have);
	v[have] = '\n';
	memcpy(v + have + 1, s, len);
	r->val[r->last] = v;
	return NTM_OK;
}

static int
read_line(struct reader *r, char *s)
{
	if (s[0] == '#')
		return NTM_OK;
	if (s[strspn(s, " \t")] == '\0')
		return end_record(r);
	if (s[0] == ' ' || s[0] == '\t')
		return continuation(r, s + 1);
	if (s[0] == '[')
		return section(r, s);
	return key_line(r, s);
}

/* ---- the whole text ------------------------------------------------------------ */

static int
line_of(const char *s, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

/* The text without BOM, CRLF as LF, NUL-terminated, checked: UTF-8 with
 * no control character but tab and newline. */
static int
prepare(struct reader *r, const char *text, size_t len, char **out)
{
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	char *buf = arena_alloc(r->a, len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (!(text[i] == '\r' && i + 1 < len && text[i + 1] == '\n'))
			buf[n++] = text[i];
	buf[n] = '\0';
	if (strlen(buf) != n)
		return fail(r, line_of(buf, strlen(buf)), "%s", MSG_PT_NUL);
	size_t off = 0;
	enum text_problem p = text_check(buf, true, &off);
	if (p != TEXT_OK)
		return fail(r, line_of(buf, off), "%s", text_problem_message(p));
	*out = buf;
	return NTM_OK;
}

int
io_plan_parse(const char *name, const char *text, size_t len, struct arena *a,
	      struct ntm_plan_doc *d, struct ntm_error *e)
{
	struct reader r = {.name = name, .a = a, .d = d, .e = e, .last = -1};
	*d = (struct ntm_plan_doc){0};
	for (int k = 0; k < K_COUNT; k++)
		r.folded[k] = folded(a, KEYS[k].name);
	char *buf = NULL;
	if (prepare(&r, text, len, &buf))
		return NTM_USAGE;
	for (char *s = buf; s;) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		r.line++;
		if (read_line(&r, s))
			return NTM_USAGE;
		s = nl ? nl + 1 : NULL;
	}
	if (end_record(&r) || (r.sec == SEC_HEAD && finish_head(&r)))
		return NTM_USAGE;
	return NTM_OK;
}

int
io_plan_read_file(const char *path, struct arena *a, struct ntm_plan_doc *d,
		  struct ntm_error *e)
{
	bool std = strcmp(path, "-") == 0;
	FILE *f = std ? stdin : fopen(path, "rb");
	if (!f)
		return ntm_fail(e, NTM_FAIL, MSG_PT_READ, path, ntm_errno_text(errno));
	size_t cap = 1 << 16, len = 0, max = (size_t)MAX_FILE_MB << 20;
	char *buf = malloc(cap);
	while (buf && len <= max) {
		if (len == cap) {
			char *more = realloc(buf, cap *= 2);
			if (!more)
				break;
			buf = more;
		}
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	int err = ferror(f) ? errno : 0, rc;
	if (!std)
		fclose(f);
	if (!buf || err)
		rc = ntm_fail(e, NTM_FAIL, MSG_PT_READ, path, ntm_errno_text(buf ? err : ENOMEM));
	else if (len > max)
		rc = ntm_fail(e, NTM_FAIL, MSG_PT_TOO_BIG, path, MAX_FILE_MB);
	else
		rc = io_plan_parse(path, buf, len, a, d, e);
	free(buf);
	return rc;
}

int
io_plan_builtin(struct arena *a, struct ntm_plan_doc *d, struct ntm_error *e)
{
	return io_plan_parse("plan-2024.txt", builtin_plan_2024_txt,
			     strlen(builtin_plan_2024_txt), a, d, e);
}
