/* TCVN3, VISCII and CP1258 by tables of ours (legacy_tables.c, generated
 * from glibc iconv by tools/gen-legacy.c): the same bytes as iconv gives,
 * without the gconv modules a static binary cannot load. */
#include "legacy.h"

#include <stdlib.h>
#include <utf8proc.h>

struct legacy_table {
	const uint16_t *decode;
	const struct legacy_pair *compose;
	const size_t *compose_len;
	const struct legacy_code *encode;
	const size_t *encode_len;
};

#define TABLE(name)                                                     \
	{legacy_##name##_decode, legacy_##name##_compose,               \
	 &legacy_##name##_compose_len, legacy_##name##_encode,          \
	 &legacy_##name##_encode_len}

static const struct legacy_table TABLES[] = {
	[CHARSET_TCVN3] = TABLE(tcvn3),
	[CHARSET_VISCII] = TABLE(viscii),
	[CHARSET_CP1258] = TABLE(cp1258),
};

bool
legacy_handles(enum charset c)
{
	return (unsigned)c < sizeof TABLES / sizeof TABLES[0] &&
	       TABLES[c].decode != NULL;
}

static int
pair_cmp(const void *a, const void *b)
{
	const struct legacy_pair *x = a, *y = b;

	if (x->base != y->base)
		return x->base < y->base ? -1 : 1;
	return (x->mark > y->mark) - (x->mark < y->mark);
}

/* What glibc makes of base followed by mark, or 0: they stay two. */
static uint16_t
composed(const struct legacy_table *t, uint16_t base, uint16_t mark)
{
	const struct legacy_pair key = {base, mark, 0}, *hit;

	if (!base || !*t->compose_len)
		return 0;
	hit = bsearch(&key, t->compose, *t->compose_len, sizeof key, pair_cmp);
	return hit ? hit->composed : 0;
}

char *
legacy_decode(enum charset c, const char *in, size_t len, size_t *out_len,
	      size_t *bad)
{
	const unsigned char *p = (const unsigned char *)in;
	const struct legacy_table *t = &TABLES[c];
	size_t o = 0, held_at = 0;
	uint16_t held = 0;   /* the letter a mark may join, 0: none */
	char *out;

	*bad = SIZE_MAX;
	if (len > (SIZE_MAX - 1) / 3 || !(out = malloc(3 * len + 1)))
		return NULL;
	for (size_t i = 0; i < len; i++) {
		uint16_t cp = t->decode[p[i]], both = composed(t, held, cp);

		if (cp == 0 && p[i] != 0) {
			free(out);
			*bad = i;
			return NULL;
		}
		if (both)
			o = held_at;
		held = both ? 0 : cp;
		held_at = o;
		o += (size_t)utf8proc_encode_char(both ? both : cp,
						  (utf8proc_uint8_t *)out + o);
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

static int
code_cmp(const void *a, const void *b)
{
	const struct legacy_code *x = a, *y = b;

	return (x->cp > y->cp) - (x->cp < y->cp);
}

/* The entry of cp in t, or NULL. */
static const struct legacy_code *
find_code(const struct legacy_table *t, utf8proc_int32_t cp)
{
	const struct legacy_code key = {(uint16_t)cp, {0, 0}};

	return bsearch(&key, t->encode, *t->encode_len, sizeof key, code_cmp);
}

/* Writes the bytes of cp at out; their count, or -1 when cp has none. */
static int
encode_one(const struct legacy_table *t, utf8proc_int32_t cp, char *out)
{
	const struct legacy_code *code;

	if (cp >= LEGACY_DROPPED_FIRST && cp <= LEGACY_DROPPED_LAST)
		return 0;
	if (cp > 0xFFFF || !(code = find_code(t, cp)))
		return -1;
	out[0] = (char)code->bytes[0];
	if (!code->bytes[1])
		return 1;
	out[1] = (char)code->bytes[1];
	return 2;
}

char *
legacy_encode(enum charset c, const char *nfc, size_t len, size_t *out_len,
	      size_t *bad)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)nfc;
	size_t o = 0;
	char *out;

	*bad = SIZE_MAX;
	if (len > (SIZE_MAX - 1) / 2 || !(out = malloc(2 * len + 1)))
		return NULL;
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		int w = n > 0 ? encode_one(&TABLES[c], cp, out + o) : -1;

		if (w < 0) {
			free(out);
			*bad = i;
			return NULL;
		}
		o += (size_t)w;
		i += (size_t)n;
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}
