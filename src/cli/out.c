/* Output helpers: aligned text, JSON values, gauges, times. */
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "msg.h"
#include "ntm/text.h"

bool out_utf8;

const char *
out_safe(const char *s)
{
	enum { RING = 8 };
	static char *ring[RING];
	static int next;
	if (!s)
		return "";
	free(ring[next]);
	ring[next] = text_sanitize(s, strlen(s), 0);
	const char *out = ring[next] ? ring[next] : "";
	next = (next + 1) % RING;
	return out;
}

const char *
out_arg(const char *s)
{
	enum { RING = 4, WIDTH = 80 };
	static char *ring[RING];
	static int next;
	free(ring[next]);
	ring[next] = text_fit(out_safe(s), WIDTH, false, false);
	const char *out = ring[next] ? ring[next] : "";
	next = (next + 1) % RING;
	return out;
}

const char *
out_os_reason(int err)
{
	static char buf[256];
	const char *why = ntm_os_reason(err);
	if (why)
		return why;
	snprintf(buf, sizeof buf, MSG_OS_OTHER, strerror(err));
	return buf;
}

void
out_pad(FILE *f, const char *s, int width)
{
	fputs(s, f);
	for (int w = text_width(s); w < width; w++)
		fputc(' ', f);
}

void
out_json_string(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	char *fixed = NULL;   /* JSON must be valid UTF-8 */
	if (text_check(s, true, NULL) == TEXT_BAD_UTF8)
		s = fixed = text_sanitize(s, strlen(s), TEXT_SAN_NEWLINES);
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0)
			fprintf(f, "\\u%04x", *++p);   /* a C1 control */
		else
			fputc(*p, f);
	}
	fputc('"', f);
	free(fixed);
}

void
out_json_field(FILE *f, const char *key, const char *s)
{
	fprintf(f, ",\"%s\":", key);
	out_json_string(f, s);
}

void
out_json_number(FILE *f, bool set, double v)
{
	if (set)
		fprintf(f, "%.15g", v);
	else
		fputs("null", f);
}

/* [████░░░░] in a UTF-8 locale, [####----] elsewhere. */
void
out_gauge(FILE *f, struct ntm_gauge g, int width)
{
	bool utf8 = out_utf8 || strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	int fill = g.total > 0 ? (int)((long)width * g.done / g.total) : 0;
	fputc('[', f);
	for (int i = 0; i < width; i++)
		fputs(i < fill ? (utf8 ? "█" : "#") : (utf8 ? "░" : "-"), f);
	fprintf(f, "] %d/%d (%d%%)", g.done, g.total, model_gauge_percent(g));
}

void
out_target(char *buf, int size, enum ntm_kind k, const struct ntm_target *t)
{
	if (!t || !t->set) {
		snprintf(buf, (size_t)size, "%s", TXT_NONE);
		return;
	}
	model_format_target(k, t, " ", buf, size);
}

void
out_value(char *buf, int size, const struct store_indicator *x)
{
	if (x->reading.has_value)
		model_format_quantity(x->reading.kind, x->reading.value, buf, size);
	else
		snprintf(buf, (size_t)size, "%s", TXT_NONE);
}

/* "2026-11-29T02:30:00.123Z" → "2026-11-29 09:30" in local time. */
void
out_local_time(const char *utc, char out[20])
{
	struct tm tm = {0};
	snprintf(out, 20, "%s", utc ? utc : "");
	if (!utc || !strptime(utc, "%Y-%m-%dT%H:%M:%S", &tm))
		return;
	time_t t = timegm(&tm);
	struct tm local;
	localtime_r(&t, &local);
	strftime(out, 20, "%Y-%m-%d %H:%M", &local);
}
