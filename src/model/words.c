/* The words of the domain, declared once in model.h (X-macros): task
 * statuses with their codes and labels, the overdue rule, audit verbs,
 * and how a village's name is said in a sentence. */
#include "ntm/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

static const struct {
	const char *code, *label, *short_label;
} TASK_STATUS[] = {
#define NTM_X(name, code, label, short_label) {code, label, short_label},
	NTM_TASK_STATUSES(NTM_X)
#undef NTM_X
};

static const char *const TASK_LABELS[] = {
#define NTM_X(name, code, label, short_label) label,
	NTM_TASK_STATUSES(NTM_X)
#undef NTM_X
};

static const struct {
	const char *code, *label;
} VERB[] = {
#define NTM_X(name, code, label) {code, label},
	NTM_VERBS(NTM_X)
#undef NTM_X
};

static enum ntm_task_status
known(enum ntm_task_status s)
{
	return (int)s >= 0 && s < NTM_TASK_STATUS_COUNT ? s : NTM_TASK_CHUA_BAT_DAU;
}

const char *
model_task_status_code(enum ntm_task_status s)
{
	return TASK_STATUS[known(s)].code;
}

const char *
model_task_status_label(enum ntm_task_status s)
{
	return TASK_STATUS[known(s)].label;
}

const char *
model_task_status_short(enum ntm_task_status s)
{
	return TASK_STATUS[known(s)].short_label;
}

const char *const *
model_task_status_labels(void)
{
	return TASK_LABELS;
}

bool
model_task_status_parse(const char *code, enum ntm_task_status *out)
{
	for (int i = 0; code && i < NTM_TASK_STATUS_COUNT; i++)
		if (strcmp(code, TASK_STATUS[i].code) == 0) {
			*out = (enum ntm_task_status)i;
			return true;
		}
	return false;
}

/* Folded, with '_' read as a space: "dang_thuc_hien", "Đang thực hiện"
 * and "dang thuc hien" meet. */
static char *
status_key(const char *s)
{
	char *f = text_fold(s);
	for (char *p = f; p && *p; p++)
		if (*p == '_')
			*p = ' ';
	return f;
}

bool
model_task_status_read(const char *typed, enum ntm_task_status *out)
{
	if (model_task_status_parse(typed, out))
		return true;
	char *want = typed ? status_key(typed) : NULL;
	bool found = false;
	for (int i = 0; want && !found && i < NTM_TASK_STATUS_COUNT; i++) {
		const char *words[] = {TASK_STATUS[i].code, TASK_STATUS[i].label,
				       TASK_STATUS[i].short_label};
		for (int w = 0; !found && w < 3; w++) {
			char *k = status_key(words[w]);
			if (k && strcmp(k, want) == 0) {
				*out = (enum ntm_task_status)i;
				found = true;
			}
			free(k);
		}
	}
	free(want);
	return found;
}

void
model_task_status_list(char *buf, int size)
{
	int n = 0;
	buf[0] = '\0';
	for (int i = 0; i < NTM_TASK_STATUS_COUNT && n >= 0 && n < size; i++)
		n += snprintf(buf + n, (size_t)(size - n), "%s%s (%s)", i ? ", " : "",
			      TASK_STATUS[i].code, TASK_STATUS[i].label);
}

bool
model_task_overdue(const char *due, enum ntm_task_status s, const char *today)
{
	return due && *due && today && strcmp(due, today) < 0 &&
	       s != NTM_TASK_HOAN_THANH;
}

const char *
model_verb_code(enum ntm_verb v)
{
	return (int)v >= 0 && v < NTM_VERB_COUNT ? VERB[v].code : "";
}

const char *
model_verb_label(const char *code)
{
	for (int i = 0; code && i < NTM_VERB_COUNT; i++)
		if (strcmp(code, VERB[i].code) == 0)
			return VERB[i].label;
	return code ? code : "";
}

/* ---- names of villages --------------------------------------------------- */

/* Words a village's own name may start with (case-insensitive, marks
 * kept: "Bàn Thạch" is not "Bản …"). */
static const char *const SETTLEMENT_WORDS[] = {
	"thôn", "khu", "xóm", "ấp", "làng", "bản", "buôn", "sóc", "khóm",
	"tổ dân phố", "tổ", "đội", "plei", "phum",
};

/* The same without marks, dropped before names are compared: "Thôn Cự
 * Đình", "thon cu dinh" and "Cự Đình" name one place. */
static const char *const SETTLEMENT_FOLDED[] = {
	"thon", "khu", "xom", "ap", "lang", "buon", "khom",
};

static size_t
word_prefix(const char *s, const char *w)
{
	size_t n = strlen(w);
	return strncmp(s, w, n) == 0 && s[n] == ' ' && s[n + 1] ? n + 1 : 0;
}

/* Whether name starts (any case) with one of the n words. */
static bool
starts_with_one(const char *name, const char *const *words, size_t n)
{
	char *lower = name ? text_casefold(name) : NULL;
	bool found = false;
	for (size_t i = 0; lower && !found && i < n; i++)
		found = word_prefix(lower, words[i]) > 0;
	free(lower);
	return found;
}

bool
model_village_named_as_such(const char *name)
{
	return starts_with_one(name, SETTLEMENT_WORDS,
			       sizeof SETTLEMENT_WORDS / sizeof *SETTLEMENT_WORDS);
}

const char *
model_village_phrase(const char *name, bool capital, char *buf, int size)
{
	if (!name)
		name = "";
	if (model_village_named_as_such(name))
		snprintf(buf, (size_t)size, "%s", name);
	else
		snprintf(buf, (size_t)size, "%s %s", capital ? "Thôn" : "thôn", name);
	return buf;
}

/* Words a commune's name may start with that say what it is itself. */
static const char *const COMMUNE_WORDS[] = {"xã", "phường", "thị trấn"};

const char *
model_commune_phrase(const char *name, char *buf, int size)
{
	bool named = starts_with_one(name, COMMUNE_WORDS,
				     sizeof COMMUNE_WORDS / sizeof *COMMUNE_WORDS);
	snprintf(buf, (size_t)size, "%s%s", named ? "" : "Xã ", name ? name : "");
	return buf;
}

char *
model_village_key(const char *name)
{
	char *f = text_fold(name ? name : "");
	if (!f)
		return NULL;
	for (size_t i = 0; i < sizeof SETTLEMENT_FOLDED / sizeof *SETTLEMENT_FOLDED; i++) {
		size_t n = word_prefix(f, SETTLEMENT_FOLDED[i]);
		if (n) {
			memmove(f, f + n, strlen(f + n) + 1);
			break;
		}
	}
	return f;
}

const char *
model_plan_default_title(const char *commune, int year, char *buf, int size)
{
	const char *name = commune ? commune : "";
	bool named = starts_with_one(name, COMMUNE_WORDS,
				     sizeof COMMUNE_WORDS / sizeof *COMMUNE_WORDS);
	snprintf(buf, (size_t)size, "Kế hoạch xây dựng nông thôn mới %s%s năm %d",
		 named ? "" : "xã ", name, year);
	return buf;
}

char *
model_plan_number_key(const char *number)
{
	char *f = text_fold(number ? number : "");
	size_t k = 0;
	for (const char *p = f; f && *p; p++)
		if (*p != ' ' && *p != '\t')
			f[k++] = *p;
	if (f)
		f[k] = '\0';
	return f;
}

/* Folded words a commune's name may start with. */
static const char *const COMMUNE_FOLDED[] = {"xa", "phuong", "thi tran"};

char *
model_place_key(const char *name)
{
	char *f = model_village_key(name);
	for (size_t i = 0; f && i < sizeof COMMUNE_FOLDED / sizeof *COMMUNE_FOLDED; i++) {
		size_t n = word_prefix(f, COMMUNE_FOLDED[i]);
		if (n) {
			memmove(f, f + n, strlen(f + n) + 1);
			break;
		}
	}
	return f;
}

const char *
model_plan_title_for_year(const char *title, int old_year, int year, char *buf,
			  int size)
{
	char from[16];
	const char *t = title ? title : "";
	snprintf(from, sizeof from, "%d", old_year);
	const char *at = strstr(t, from);
	if (!at)
		snprintf(buf, (size_t)size, "%s", t);
	else
		snprintf(buf, (size_t)size, "%.*s%d%s", (int)(at - t), t, year,
			 at + strlen(from));
	return buf;
}

/* ---- changes in people's words ---- */

const char *
model_field_label(const char *key)
{
	static const struct { const char *word, *text; } words[] = {
#define NTM_X(word, text) {word, text},
		NTM_FIELD_WORDS(NTM_X)
#undef NTM_X
	};
	for (size_t i = 0; key && i < sizeof words / sizeof *words; i++)
		if (strcmp(key, words[i].word) == 0)
			return words[i].text;
	return key ? key : "";
}

static bool
is_key(const char *key, const char *const *keys, size_t n)
{
	for (size_t i = 0; key && i < n; i++)
		if (strcmp(key, keys[i]) == 0)
			return true;
	return false;
}

void
model_field_value(const char *key, const char *text, bool is_null, double v,
		  int kind, char *buf, size_t size)
{
	static const char *const dates[] = {"as_of", "due", "done_on", "issued_on",
					    "on_date"};
	static const char *const money[] = {"amount", "budget_planned"};
	static const char *const values[] = {"value", "target"};
	enum ntm_task_status s;
	char day[11];
	if (text && key && strcmp(key, "status") == 0 &&
	    model_task_status_parse(text, &s))
		snprintf(buf, size, "%s", model_task_status_label(s));
	else if (text && key && strcmp(key, "kind") == 0 &&
		 model_fund_kind_read(text) >= 0)
		snprintf(buf, size, "%s",
			 model_fund_kind_label((enum ntm_fund_kind)model_fund_kind_read(text)));
	else if (text && key && strcmp(key, "state") == 0)
		snprintf(buf, size, "%s", strcmp(text, "waiting") == 0
			 ? NTM_WORD_WAITING : strcmp(text, "resolved") == 0
			 ? NTM_WORD_RESOLVED : NTM_WORD_CLOSED);
	else if (text && is_key(key, dates, sizeof dates / sizeof *dates)) {
		model_date_dmy(text, day);
		snprintf(buf, size, "%s", day);
	} else if (text)
		snprintf(buf, size, "%s", text);
	else if (is_null)
		snprintf(buf, size, "%s", NTM_WORD_NONE);
	else if (key && strcmp(key, "done") == 0)
		snprintf(buf, size, "%s", v != 0 ? NTM_WORD_DONE : NTM_WORD_NOT_DONE);
	else if (key && strcmp(key, "progress") == 0)
		snprintf(buf, size, "%g%%", v);
	else if (is_key(key, money, sizeof money / sizeof *money))
		model_money_format((long long)v, true, buf, size);
	else if (kind >= 0 && is_key(key, values, sizeof values / sizeof *values))
		model_format_quantity((enum ntm_kind)kind, v, buf, (int)size);
	else
		model_format_value(NTM_KIND_NUMBER, v, buf, (int)size);
}
