/* Money: amounts in whole đồng as officials write and read them, the
 * debt and disbursement rules, and the kinds of money entries. */
#include "ntm/model.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

/* ---- reading ------------------------------------------------------------- */

static const struct {
	const char *word;
	long long unit;
} UNITS[] = {
	{"ty", 1000000000LL}, {"ti", 1000000000LL},
	{"trieu", 1000000LL}, {"tr", 1000000LL},
	{"nghin", 1000LL}, {"ngan", 1000LL}, {"ng", 1000LL}, {"k", 1000LL},
	{"vnd", 1}, {"dong", 1}, {"d", 1},
};

/* The unit word at *p (folded text), its length in *len; 0 when none. */
static long long
unit_at(const char *p, size_t *len)
{
	size_t n = 0;
	while (p[n] >= 'a' && p[n] <= 'z')
		n++;
	for (size_t i = 0; i < sizeof UNITS / sizeof *UNITS; i++)
		if (strlen(UNITS[i].word) == n && strncmp(p, UNITS[i].word, n) == 0) {
			*len = n;
			return UNITS[i].unit;
		}
	return 0;
}

/* The number written in digits and separators num (n bytes), with unit
 * (0: none given, worth 1), as whole đồng. */
static enum ntm_money_parse
number_value(const char *num, size_t n, long long unit, long long *out)
{
	char ip[24], fp[24];
	size_t ni = 0, nf = 0, seps = 0, last = n;
	char dec = 0;
	for (size_t i = 0; i < n; i++)
		if (num[i] == '.' || num[i] == ',') {
			seps++;
			last = i;
		}
	if (seps) {
		bool both = memchr(num, '.', n) && memchr(num, ',', n);
		size_t after = n - last - 1;
		if (both)
			dec = num[last];      /* "1.250,5" and "1,250.5" */
		else if (seps == 1 && after != 3)
			dec = num[last];      /* "1,5 tỷ", "1.5 tỷ", "1,5" */
		else if (seps == 1 && unit && num[last] == ',')
			dec = ',';            /* "1,250 tỷ": the decimal comma */
	}
	size_t groups = 0, glen = 0;
	bool in_frac = false;
	for (size_t i = 0; i < n; i++) {
		char c = num[i];
		if (c == dec && i == last) {
			in_frac = true;
			continue;
		}
		if (c == '.' || c == ',') {
			if (in_frac || (groups == 0 && (glen < 1 || glen > 3)) ||
			    (groups > 0 && glen != 3) || (dec && c == dec))
				return NTM_MONEY_BAD;
			groups++;
			glen = 0;
			continue;
		}
		if (in_frac) {
			if (nf + 1 >= sizeof fp)
				return NTM_MONEY_FRACTION;
			fp[nf++] = c;
		} else {
			if (ni + 1 >= sizeof ip)
				return NTM_MONEY_TOO_BIG;
			ip[ni++] = c;
			glen++;
		}
	}
	if ((groups > 0 && glen != 3) || ni == 0 || (in_frac && nf == 0))
		return NTM_MONEY_BAD;
	ip[ni] = fp[nf] = '\0';
	if (!unit)
		unit = 1;
	long long whole = 0, part = 0, scale = 1;
	for (size_t i = 0; i < ni; i++)
		if (__builtin_mul_overflow(whole, 10, &whole) ||
		    __builtin_add_overflow(whole, ip[i] - '0', &whole))
			return NTM_MONEY_TOO_BIG;
	while (nf > 0 && fp[nf - 1] == '0')
		fp[--nf] = '\0';      /* "1,50 tỷ" is "1,5 tỷ" */
	for (size_t i = 0; i < nf; i++) {
		if (scale >= unit)
			return NTM_MONEY_FRACTION;
		part = part * 10 + (fp[i] - '0');
		scale *= 10;
	}
	long long v;
	if (__builtin_mul_overflow(whole, unit, &v) ||
	    __builtin_add_overflow(v, part * (unit / scale), &v))
		return NTM_MONEY_TOO_BIG;
	*out = v;
	return NTM_MONEY_OK;
}

/* Digits with separators from p: thousands may be grouped by single
 * spaces too ("250 000 000"); the length taken is *len. */
static size_t
number_span(const char *p)
{
	size_t n = 0;
	for (;;) {
		if (isdigit((unsigned char)p[n]) ||
		    ((p[n] == '.' || p[n] == ',') && isdigit((unsigned char)p[n + 1])))
			n++;
		else if (p[n] == ' ' && n > 0 && isdigit((unsigned char)p[n - 1]) &&
			 isdigit((unsigned char)p[n + 1]) &&
			 isdigit((unsigned char)p[n + 2]) &&
			 isdigit((unsigned char)p[n + 3]) &&
			 !isdigit((unsigned char)p[n + 4]))
			n++;
		else
			return n;
	}
}

static enum ntm_money_parse
parse_folded(const char *p, long long *out)
{
	long long total = 0, last_unit = 0;
	bool any = false, plain = false;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t cl = 0;
		if (any && !isdigit((unsigned char)*p) && unit_at(p, &cl) == 1) {
			p += cl;               /* "1,5 tỷ đồng" */
			p += *p == '.';
			continue;
		}
		if (plain || !isdigit((unsigned char)*p))
			return NTM_MONEY_BAD;  /* "1 tỷ 500": 500 what? */
		size_t n = number_span(p);
		char num[64];
		size_t k = 0;
		for (size_t i = 0; i < n && k + 1 < sizeof num; i++)
			if (p[i] != ' ')
				num[k++] = p[i];
		if (n >= sizeof num)
			return NTM_MONEY_TOO_BIG;
		p += n;
		while (*p == ' ')
			p++;
		size_t ul = 0;
		long long unit = unit_at(p, &ul);
		p += ul;
		if (*p == '.' && unit)
			p++;                   /* "250 tr." */
		if (unit == 1)
			unit = 0;              /* "250.000 đ" names no multiple */
		if (!unit && last_unit)
			return NTM_MONEY_BAD;  /* "1 tỷ 2": 1,2 tỷ or 1 tỷ 2 đồng? */
		bool after_unit = last_unit != 0;
		long long above = last_unit;
		if (!unit)
			plain = true;
		else if (last_unit && unit >= last_unit)
			return NTM_MONEY_BAD;  /* "200 triệu 1 tỷ" */
		if (unit)
			last_unit = unit;
		long long v = 0;
		enum ntm_money_parse r = number_value(num, k, unit, &v);
		if (r != NTM_MONEY_OK)
			return r;
		if (after_unit && v >= above)
			return NTM_MONEY_BAD;  /* "1 tỷ 1500 triệu" */
		if (__builtin_add_overflow(total, v, &total))
			return NTM_MONEY_TOO_BIG;
		any = true;
	}
	if (!any)
		return NTM_MONEY_EMPTY;
	if (total > NTM_MONEY_MAX)
		return NTM_MONEY_TOO_BIG;
	*out = total;
	return NTM_MONEY_OK;
}

enum ntm_money_parse
model_money_parse(const char *s, long long *out)
{
	if (!s)
		return NTM_MONEY_EMPTY;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '-' || *s == '+' || strncmp(s, "\u2212", 3) == 0)
		return *s == '+' ? NTM_MONEY_BAD : NTM_MONEY_NEGATIVE;
	char *f = text_fold(s);
	if (!f)
		return NTM_MONEY_BAD;
	for (char *c = f; *c; c++)
		if (*c == '\t' || *c == '\n' || (unsigned char)*c == 0xa0)
			*c = ' ';
	enum ntm_money_parse r = parse_folded(f, out);
	free(f);
	return r;
}

const char *
model_money_reason(enum ntm_money_parse r)
{
	switch (r) {
	case NTM_MONEY_OK:
		return "";
	case NTM_MONEY_EMPTY:
		return "chưa nhập số tiền";
	case NTM_MONEY_NEGATIVE:
		return "số tiền không được âm (muốn sửa một khoản đã ghi thì ghi "
		       "bút toán đảo, kèm lý do)";
	case NTM_MONEY_FRACTION:
		return "số tiền tính bằng đồng, không có phần lẻ dưới một đồng";
	case NTM_MONEY_TOO_BIG:
		return "số tiền quá lớn (tối đa 1.000.000 tỷ đồng)";
	case NTM_MONEY_BAD:
		break;
	}
	return "không đọc được số tiền; viết như 250.000.000, 250 triệu, "
	       "1,5 tỷ hoặc 800 nghìn";
}

/* ---- writing ------------------------------------------------------------- */

const char *
model_money_format(long long v, bool with_unit, char *buf, size_t size)
{
	char digits[32];
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
				     : (unsigned long long)v;
	int n = snprintf(digits, sizeof digits, "%llu", u);
	char tmp[48];
	size_t k = 0;
	if (v < 0)
		tmp[k++] = '-';
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			tmp[k++] = '.';
		tmp[k++] = digits[i];
	}
	tmp[k] = '\0';
	snprintf(buf, size, "%s%s", tmp, with_unit ? " đ" : "");
	return buf;
}

const char *
model_money_compact(long long v, char *buf, size_t size)
{
	static const struct {
		long long unit;
		const char *word;
		int decimals;
	} U[] = {
		{1000000000LL, "tỷ", 2}, {1000000LL, "tr", 2}, {1000LL, "nghìn", 1},
	};
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
				     : (unsigned long long)v;
	const char *sign = v < 0 ? "-" : "";
	for (size_t i = 0; i < sizeof U / sizeof *U; i++) {
		unsigned long long step = (unsigned long long)U[i].unit /
					  (U[i].decimals == 2 ? 100 : 10);
		unsigned long long r = (u + step / 2) / step;  /* in steps */
		unsigned long long per = U[i].decimals == 2 ? 100 : 10;
		if (u < (unsigned long long)U[i].unit)
			continue;                  /* below one of this unit */
		if (i > 0 && r >= per * 1000) {
			/* 999,996 tr rounds to 1 tỷ, as 1,999 tỷ rounds to 2 */
			unsigned long long up = (unsigned long long)U[i - 1].unit;
			r = (u + up / 200) / (up / 100);
			char f[8] = "";
			if (r % 100) {
				snprintf(f, sizeof f, ",%02llu", r % 100);
				if (f[2] == '0')
					f[2] = '\0';
			}
			snprintf(buf, size, "%s%llu%s %s", sign, r / 100, f,
				 U[i - 1].word);
			return buf;
		}
		unsigned long long whole = r / per, frac = r % per;
		char w[32], f[8] = "";
		model_money_format((long long)whole, false, w, sizeof w);
		if (frac) {
			snprintf(f, sizeof f, U[i].decimals == 2 ? ",%02llu" : ",%llu",
				 frac);
			if (f[strlen(f) - 1] == '0')
				f[strlen(f) - 1] = '\0';
		}
		snprintf(buf, size, "%s%s%s %s", sign, w, f, U[i].word);
		return buf;
	}
	snprintf(buf, size, "%s%llu", sign, u);
	return buf;
}

/* ---- rules --------------------------------------------------------------- */

long long
model_money_debt(long long completed, long long paid)
{
	return completed > paid ? completed - paid : 0;
}

int
model_money_disbursed(long long paid, long long planned)
{
	if (planned <= 0)
		return -1;
	if (paid <= 0)
		return 0;
	int pct = (int)((double)paid * 100.0 / (double)planned + 0.5);
	/* rounded, as a spreadsheet shows it, but 100% only when all of it
	 * is paid, and something paid is never 0% */
	if (pct >= 100 && paid < planned)
		return 99;
	return pct < 1 ? 1 : pct;
}

const char *
model_money_brief(long long planned, long long paid, long long debt, char *buf,
		  size_t size)
{
	char p[24], d[24];
	int pct = model_money_disbursed(paid, planned);
	model_money_compact(debt, d, sizeof d);
	if (pct >= 0)
		snprintf(buf, size, "Giải ngân %d%% · nợ đọng %s", pct, d);
	else
		snprintf(buf, size, "Giải ngân %s · nợ đọng %s",
			 model_money_compact(paid, p, sizeof p), d);
	return buf;
}

/* ---- kinds of entries ---------------------------------------------------- */

static const struct {
	const char *code, *label, *alias;
} KIND[] = {
#define NTM_X(name, code, label, alias) {code, label, alias},
	NTM_FUND_KINDS(NTM_X)
#undef NTM_X
};

const char *
model_fund_kind_code(enum ntm_fund_kind k)
{
	return (int)k >= 0 && k < NTM_FUND_KIND_COUNT ? KIND[k].code : "";
}

const char *
model_fund_kind_label(enum ntm_fund_kind k)
{
	return (int)k >= 0 && k < NTM_FUND_KIND_COUNT ? KIND[k].label : "";
}

int
model_fund_kind_read(const char *s)
{
	char *f = s ? text_fold(s) : NULL;
	int found = -1;
	if (!f)
		return -1;
	for (int k = 0; found < 0 && k < NTM_FUND_KIND_COUNT; k++) {
		char *label = text_fold(KIND[k].label);
		if (strcmp(f, KIND[k].code) == 0 || strcmp(f, KIND[k].alias) == 0 ||
		    (label && strcmp(f, label) == 0))
			found = k;
		free(label);
	}
	if (found < 0 && (strcmp(f, "chi") == 0 || strcmp(f, "giai ngan") == 0))
		found = NTM_FUND_PAID;
	if (found < 0 && (strcmp(f, "thu") == 0 || strcmp(f, "nhan") == 0))
		found = NTM_FUND_RECEIVED;
	free(f);
	return found;
}
