/* Reading and writing the values, targets, comparators and dates that
 * people type, the Vietnamese way (decimal comma, d/m/yyyy). */
#include "ntm/model.h"
#include "ntm/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* User-visible texts of this file. */
#define MSG_EMPTY       "chưa nhập giá trị"
#define MSG_NOT_NUMBER  "giá trị phải là một số, ví dụ 86,5"
#define MSG_NEGATIVE    "giá trị không được âm"
#define MSG_PERCENT     "tỷ lệ phải nằm trong khoảng 0–100"
#define MSG_PCT_SIGN    "chỉ tiêu này không tính theo %"
#define MSG_BOOL        "giá trị phải là “đạt” hoặc “chưa đạt” (hoặc 1 / 0)"
#define MSG_DATE_FORM   "ngày phải viết dạng NĂM-THÁNG-NGÀY (2024-03-12) hoặc ngày/tháng/năm (12/3/2024)"
#define MSG_DATE_REAL   "ngày này không có trên lịch"
#define MSG_TOO_LONG    "số quá dài"
#define MSG_DECIMALS    "tối đa 4 chữ số sau dấu phẩy"
#define MSG_THOUSANDS_SHORT "không rõ là số nghìn hay số thập phân (ví dụ 1.000): hãy viết 1000, hoặc 1,5"
#define MSG_DATE_FUTURE "ngày %s ở tương lai; giá trị phải tính đến hôm nay hoặc trước đó"
#define MSG_TARGET_FORM "phép so sánh viết chưa đúng; các dạng được nhận: 85, >=85, ≥ 85, <=1,5, >85, <1, =1"
#define LABEL_DAT       "đạt"
#define LABEL_CHUA_DAT  "chưa đạt"

enum { MAX_DECIMALS = 4 };

static const char *const KIND_WORD[] = {
	[NTM_KIND_BOOL] = "bool", [NTM_KIND_PERCENT] = "percent",
	[NTM_KIND_NUMBER] = "number",
};
static const char *const CMP_WORD[] = {
	[NTM_CMP_GE] = ">=", [NTM_CMP_LE] = "<=", [NTM_CMP_EQ] = "=",
	[NTM_CMP_GT] = ">", [NTM_CMP_LT] = "<",
};
static const char *const CMP_SYMBOL[] = {
	[NTM_CMP_GE] = "≥", [NTM_CMP_LE] = "≤", [NTM_CMP_EQ] = "=",
	[NTM_CMP_GT] = ">", [NTM_CMP_LT] = "<",
};

/* What a person writes for a kind (a file, a form): the word first of
 * each kind is the one written back. */
static const struct { const char *word; enum ntm_kind kind; } KIND_TYPED[] = {
	{"tỷ lệ", NTM_KIND_PERCENT}, {"số", NTM_KIND_NUMBER},
	{"đạt/không", NTM_KIND_BOOL}, {"tỉ lệ", NTM_KIND_PERCENT},
	{"phần trăm", NTM_KIND_PERCENT}, {"%", NTM_KIND_PERCENT},
	{"số lượng", NTM_KIND_NUMBER}, {"đạt / không", NTM_KIND_BOOL},
	{"đạt/không đạt", NTM_KIND_BOOL}, {"đạt", NTM_KIND_BOOL},
};

const char *model_kind_word(enum ntm_kind k) { return KIND_WORD[k]; }
const char *model_cmp_word(enum ntm_cmp c) { return CMP_WORD[c]; }
const char *model_cmp_symbol(enum ntm_cmp c) { return CMP_SYMBOL[c]; }

bool
model_kind_parse(const char *s, enum ntm_kind *out)
{
	for (int k = 0; k < 3; k++)
		if (strcmp(s, KIND_WORD[k]) == 0) {
			*out = (enum ntm_kind)k;
			return true;
		}
	return false;
}

bool
model_kind_read(const char *typed, enum ntm_kind *out)
{
	char *want = typed ? text_fold(typed) : NULL;
	bool found = want && model_kind_parse(want, out);
	for (size_t i = 0; want && !found && i < sizeof KIND_TYPED / sizeof
	     *KIND_TYPED; i++) {
		char *f = text_fold(KIND_TYPED[i].word);
		if (f && strcmp(f, want) == 0) {
			*out = KIND_TYPED[i].kind;
			found = true;
		}
		free(f);
	}
	free(want);
	return found;
}

const char *
model_kind_label(enum ntm_kind k)
{
	for (size_t i = 0; i < sizeof KIND_TYPED / sizeof *KIND_TYPED; i++)
		if (KIND_TYPED[i].kind == k)
			return KIND_TYPED[i].word;
	return KIND_WORD[k];
}

/* Length of a comparator at the start of s (ASCII or ≥ ≤), 0 if none. */
static size_t
cmp_prefix(const char *s, enum ntm_cmp *out)
{
	static const struct { const char *text; enum ntm_cmp cmp; } forms[] = {
		{">=", NTM_CMP_GE}, {"<=", NTM_CMP_LE}, {"≥", NTM_CMP_GE},
		{"≤", NTM_CMP_LE}, {"=", NTM_CMP_EQ}, {">", NTM_CMP_GT},
		{"<", NTM_CMP_LT},
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		size_t n = strlen(forms[i].text);
		if (strncmp(s, forms[i].text, n) == 0) {
			*out = forms[i].cmp;
			return n;
		}
	}
	return 0;
}

bool
model_cmp_parse(const char *s, enum ntm_cmp *out)
{
	enum ntm_cmp c;
	size_t n = cmp_prefix(s, &c);

	if (n == 0 || s[n] != '\0')
		return false;
	*out = c;
	return true;
}

static const char *
skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Copies s without surrounding blanks into buf (size n). */
static void
trim_copy(const char *s, char *buf, size_t n)
{
	s = skip_space(s);
	size_t len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= n)
		len = n - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
}

static const char *
parse_bool(const char *s, double *out)
{
	static const char *const yes[] = {"dat", "co", "1", "x", "yes", "true"};
	static const char *const no[] = {"chua dat", "khong dat", "khong", "0",
					 "no", "false"};
	char *f = text_fold(s);
	const char *err = MSG_BOOL;

	for (size_t i = 0; f && i < sizeof yes / sizeof yes[0]; i++)
		if (strcmp(f, yes[i]) == 0) {
			*out = 1;
			err = NULL;
		}
	for (size_t i = 0; f && i < sizeof no / sizeof no[0]; i++)
		if (strcmp(f, no[i]) == 0) {
			*out = 0;
			err = NULL;
		}
	free(f);
	return err;
}

/* Digits with at most one decimal separator ('.' or ','), no exponent,
 * so NaN, infinity and 1e9 are all refused. The digits are handed to
 * strtod with a '.' (LC_NUMERIC stays "C"), so 0,3 is the double nearest
 * 0.3, exactly as SQLite would read it. */
static const char *
parse_decimal(const char *s, double *out)
{
	char buf[40];
	size_t n = 0;
	int ndigits = 0, nfrac = 0, whole_nonzero = 0;
	bool sep = false;

	if (*s == '-' || *s == '+')
		buf[n++] = *s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (++ndigits > 15)
				return MSG_TOO_LONG;
			nfrac += sep;
			whole_nonzero |= !sep && *s != '0';
			buf[n++] = *s;
		} else if ((*s == ',' || *s == '.') && !sep) {
			sep = true;
			buf[n++] = '.';
		} else {
			return MSG_NOT_NUMBER;
		}
	}
	buf[n] = '\0';
	if (ndigits == 0)
		return MSG_NOT_NUMBER;
	/* Shown with up to MAX_DECIMALS: a value that would show as another
	 * (0,000000001 as 0) is refused, not silently rounded. */
	if (nfrac > MAX_DECIMALS)
		return MSG_DECIMALS;
	/* "1.000" or "2,500": a thousands separator, or a decimal? Refuse
	 * rather than guess: the two readings differ a thousandfold. */
	if (sep && whole_nonzero && nfrac == 3)
		return MSG_THOUSANDS_SHORT;
	*out = strtod(buf, NULL);
	return NULL;
}

const char *
model_parse_value(enum ntm_kind kind, const char *s, double *out)
{
	char buf[64];
	trim_copy(s, buf, sizeof buf);
	size_t len = strlen(buf);

	if (len == 0)
		return MSG_EMPTY;
	if (kind == NTM_KIND_BOOL)
		return parse_bool(buf, out);
	if (buf[len - 1] == '%') {
		if (kind != NTM_KIND_PERCENT)
			return MSG_PCT_SIGN;
		buf[--len] = '\0';
		trim_copy(buf, buf, sizeof buf);
	}
	double v;
	const char *err = parse_decimal(buf, &v);
	if (err)
		return err;
	if (v < 0)
		return MSG_NEGATIVE;
	if (kind == NTM_KIND_PERCENT && v > 100)
		return MSG_PERCENT;
	*out = v;
	return NULL;
}

const char *
model_parse_target(enum ntm_kind kind, const char *s, enum ntm_cmp *cmp,
		   double *value)
{
	s = skip_space(s);
	enum ntm_cmp c = *cmp;
	s += cmp_prefix(s, &c);
	const char *err = model_parse_value(kind, s, value);
	if (!err)
		*cmp = kind == NTM_KIND_BOOL ? NTM_CMP_EQ : c;
	/* "=>85", ">>85", "85>=": a comparison typed wrong, not a bad number */
	else if (kind != NTM_KIND_BOOL && (strpbrk(s, "<>=") || strstr(s, "≥") ||
					   strstr(s, "≤")))
		err = MSG_TARGET_FORM;
	return err;
}

void
model_format_value(enum ntm_kind kind, double v, char *buf, int size)
{
	if (kind == NTM_KIND_BOOL) {
		snprintf(buf, (size_t)size, "%s", v >= 0.5 ? LABEL_DAT : LABEL_CHUA_DAT);
		return;
	}
	snprintf(buf, (size_t)size, "%.*f", MAX_DECIMALS, v);
	char *dot = strchr(buf, '.');
	if (!dot)
		return;
	char *end = buf + strlen(buf) - 1;
	while (end > dot && *end == '0')
		*end-- = '\0';
	if (end == dot)
		*end = '\0';
	else
		*dot = ',';  /* Vietnamese decimal comma */
}

const char *
model_unit_suffix(enum ntm_kind kind)
{
	return kind == NTM_KIND_PERCENT ? "%" : "";
}

void
model_format_quantity(enum ntm_kind kind, double v, char *buf, int size)
{
	char num[48];
	model_format_value(kind, v, num, sizeof num);
	snprintf(buf, (size_t)size, "%s%s", num, model_unit_suffix(kind));
}

void
model_format_target(enum ntm_kind kind, const struct ntm_target *t,
		    const char *sep, char *buf, int size)
{
	char v[72];
	model_format_quantity(kind, t->value, v, sizeof v);
	if (kind == NTM_KIND_BOOL)
		snprintf(buf, (size_t)size, "%s", v);
	else
		snprintf(buf, (size_t)size, "%s%s%s", model_cmp_symbol(t->cmp),
			 sep ? sep : "", v);
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Reads an unsigned number of 1..max digits; returns chars read or 0. */
static int
read_num(const char *s, int max, int *out)
{
	int n = 0, v = 0;
	while (n < max && s[n] >= '0' && s[n] <= '9')
		v = v * 10 + (s[n++] - '0');
	*out = v;
	return n;
}

const char *
model_parse_date(const char *s, struct ntm_date *out)
{
	char buf[32];
	trim_copy(s, buf, sizeof buf);
	struct ntm_date d;
	int a, b, c, n1, n2, n3;
	const char *p = buf;

	n1 = read_num(p, 4, &a);
	if (n1 == 4 && p[4] == '-') {              /* 2024-03-12 */
		n2 = read_num(p + 5, 2, &b);
		if (n2 != 2 || p[7] != '-')
			return MSG_DATE_FORM;
		n3 = read_num(p + 8, 2, &c);
		if (n3 != 2 || p[10] != '\0')
			return MSG_DATE_FORM;
		d = (struct ntm_date){a, b, c};
	} else if (n1 >= 1 && n1 <= 2 && p[n1] == '/') { /* 12/3/2024 */
		p += n1 + 1;
		n2 = read_num(p, 2, &b);
		if (n2 == 0 || p[n2] != '/')
			return MSG_DATE_FORM;
		p += n2 + 1;
		n3 = read_num(p, 4, &c);
		if (n3 != 4 || p[4] != '\0')
			return MSG_DATE_FORM;
		d = (struct ntm_date){c, b, a};
	} else {
		return MSG_DATE_FORM;
	}
	if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 ||
	    d.day < 1 || d.day > days_in_month(d.year, d.month))
		return MSG_DATE_REAL;
	*out = d;
	return NULL;
}

void
model_format_date(struct ntm_date d, char buf[11])
{
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u,
		 (unsigned)d.month % 100u, (unsigned)d.day % 100u);
}

void
model_date_dmy(const char *iso, char buf[11])
{
	struct ntm_date d;
	if (!iso || iso[0] < '0' || iso[0] > '9' || model_parse_date(iso, &d)) {
		snprintf(buf, 11, "%s", iso ? iso : "");
		return;
	}
	snprintf(buf, 11, "%02u/%02u/%04u", (unsigned)d.day % 100u,
		 (unsigned)d.month % 100u, (unsigned)d.year % 10000u);
}

int
model_measurement_date(const char *s, const char *today, char out[11],
		       struct ntm_error *e)
{
	struct ntm_date d;
	const char *why = model_parse_date(s ? s : "", &d);
	if (why)
		return ntm_fail(e, NTM_USAGE, "%s", why);
	model_format_date(d, out);
	if (today && strcmp(out, today) > 0)
		return ntm_fail(e, NTM_USAGE, MSG_DATE_FUTURE, out);
	return NTM_OK;
}
