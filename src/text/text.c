/* UTF-8 validation, NFC, folding and width on top of utf8proc. */
#include "ntm/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* User-visible texts of this module. */
static const char *const MSG_PROBLEM[] = {
	[TEXT_OK] = "văn bản hợp lệ",
	[TEXT_BAD_UTF8] = "văn bản không phải UTF-8 hợp lệ",
	[TEXT_CONTROL] = "văn bản chứa ký tự điều khiển",
	[TEXT_NO_MEMORY] = "không đủ bộ nhớ",
};

const char *
text_problem_message(enum text_problem p)
{
	return MSG_PROBLEM[p];
}

static bool
is_control(utf8proc_int32_t c, bool multiline)
{
	if (multiline && (c == '\n' || c == '\t'))
		return false;
	return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

enum text_problem
text_check(const char *s, bool multiline, size_t *offset)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t len = strlen(s), i = 0;

	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
		enum text_problem bad = TEXT_OK;

		if (n < 0)
			bad = TEXT_BAD_UTF8;
		else if (is_control(c, multiline))
			bad = TEXT_CONTROL;
		if (bad != TEXT_OK) {
			if (offset)
				*offset = i;
			return bad;
		}
		i += (size_t)n;
	}
	return TEXT_OK;
}

char *
text_nfc(const char *s)
{
	if (text_check(s, true, NULL) == TEXT_BAD_UTF8)
		return NULL;
	return (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
}

char *
text_clean(const char *s, bool multiline, enum text_problem *problem,
	   size_t *offset)
{
	enum text_problem p = text_check(s, multiline, offset);
	char *out = NULL;

	if (p == TEXT_OK) {
		out = text_nfc(s);
		if (!out)
			p = TEXT_NO_MEMORY;
	}
	if (problem)
		*problem = p;
	return out;
}

/* utf8proc custom mapping: đ/Đ have no decomposition, so map them here. */
static utf8proc_int32_t
fold_dd(utf8proc_int32_t c, void *data)
{
	(void)data;
	return (c == 0x0110 || c == 0x0111) ? 'd' : c;
}

char *
text_fold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_option_t opt = UTF8PROC_NULLTERM | UTF8PROC_STABLE |
		UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK;

	if (utf8proc_map_custom((const utf8proc_uint8_t *)s, 0, &out, opt,
				fold_dd, NULL) < 0)
		return NULL;
	return (char *)out;
}

char *
text_casefold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out, UTF8PROC_NULLTERM |
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0)
		return NULL;
	return (char *)out;
}

int
text_distance(const char *a, const char *b)
{
	char *fa = text_fold(a), *fb = text_fold(b);
	int result = 255;

	if (fa && fb) {
		size_t la = strlen(fa), lb = strlen(fb);
		if (la < 64 && lb < 64) {
			int row[65];
			for (size_t j = 0; j <= lb; j++)
				row[j] = (int)j;
			for (size_t i = 1; i <= la; i++) {
				int diag = row[0];
				row[0] = (int)i;
				for (size_t j = 1; j <= lb; j++) {
					int up = row[j];
					int cost = fa[i - 1] == fb[j - 1] ? 0 : 1;
					int best = diag + cost;
					if (row[j] + 1 < best)
						best = row[j] + 1;
					if (row[j - 1] + 1 < best)
						best = row[j - 1] + 1;
					row[j] = best;
					diag = up;
				}
			}
			result = row[lb] < 255 ? row[lb] : 255;
		}
	}
	free(fa);
	free(fb);
	return result;
}
