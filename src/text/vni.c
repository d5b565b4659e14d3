/* VNI: CP1252 bytes that the VNI-Windows fonts draw as Vietnamese letters.
 * glibc has no converter for it, so the 134 letters are a table of ours.
 * A toned vowel is an ASCII vowel plus one modifier byte; ơ ư đ, the toned
 * i's and ỵ are single bytes. Uppercase = uppercase base + byte - 0x20. */
#include "ntm/charset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

struct vni_letter {
	const char *lower, *lower_vni, *upper, *upper_vni;
};

/* Lowercase modifier bytes (VNI-Windows):
 *               none  sắc  huyền  hỏi  ngã  nặng
 * a e o u y      –    F9    F8    FB   F5    EF
 * â ê ô          E2   E1    E0    E5   E3    E4
 * ă              EA   E9    E8    FA   FC    EB
 * ơ (F4) and ư (F6) take the first row; i's and ỵ are single bytes. */
static const struct vni_letter VNI_LETTERS[] = {
	{"á", "a\xF9",     "Á", "A\xD9"},
	{"à", "a\xF8",     "À", "A\xD8"},
	{"ả", "a\xFB",     "Ả", "A\xDB"},
	{"ã", "a\xF5",     "Ã", "A\xD5"},
	{"ạ", "a\xEF",     "Ạ", "A\xCF"},
	{"ă", "a\xEA",     "Ă", "A\xCA"},
	{"ắ", "a\xE9",     "Ắ", "A\xC9"},
	{"ằ", "a\xE8",     "Ằ", "A\xC8"},
	{"ẳ", "a\xFA",     "Ẳ", "A\xDA"},
	{"ẵ", "a\xFC",     "Ẵ", "A\xDC"},
	{"ặ", "a\xEB",     "Ặ", "A\xCB"},
	{"â", "a\xE2",     "Â", "A\xC2"},
	{"ấ", "a\xE1",     "Ấ", "A\xC1"},
	{"ầ", "a\xE0",     "Ầ", "A\xC0"},
	{"ẩ", "a\xE5",     "Ẩ", "A\xC5"},
	{"ẫ", "a\xE3",     "Ẫ", "A\xC3"},
	{"ậ", "a\xE4",     "Ậ", "A\xC4"},
	{"đ", "\xF1",      "Đ", "\xD1"},
	{"é", "e\xF9",     "É", "E\xD9"},
	{"è", "e\xF8",     "È", "E\xD8"},
	{"ẻ", "e\xFB",     "Ẻ", "E\xDB"},
	{"ẽ", "e\xF5",     "Ẽ", "E\xD5"},
	{"ẹ", "e\xEF",     "Ẹ", "E\xCF"},
	{"ê", "e\xE2",     "Ê", "E\xC2"},
	{"ế", "e\xE1",     "Ế", "E\xC1"},
	{"ề", "e\xE0",     "Ề", "E\xC0"},
	{"ể", "e\xE5",     "Ể", "E\xC5"},
	{"ễ", "e\xE3",     "Ễ", "E\xC3"},
	{"ệ", "e\xE4",     "Ệ", "E\xC4"},
	{"í", "\xED",      "Í", "\xCD"},
	{"ì", "\xEC",      "Ì", "\xCC"},
	{"ỉ", "\xE6",      "Ỉ", "\xC6"},
	{"ĩ", "\xF3",      "Ĩ", "\xD3"},
	{"ị", "\xF2",      "Ị", "\xD2"},
	{"ó", "o\xF9",     "Ó", "O\xD9"},
	{"ò", "o\xF8",     "Ò", "O\xD8"},
	{"ỏ", "o\xFB",     "Ỏ", "O\xDB"},
	{"õ", "o\xF5",     "Õ", "O\xD5"},
	{"ọ", "o\xEF",     "Ọ", "O\xCF"},
	{"ô", "o\xE2",     "Ô", "O\xC2"},
	{"ố", "o\xE1",     "Ố", "O\xC1"},
	{"ồ", "o\xE0",     "Ồ", "O\xC0"},
	{"ổ", "o\xE5",     "Ổ", "O\xC5"},
	{"ỗ", "o\xE3",     "Ỗ", "O\xC3"},
	{"ộ", "o\xE4",     "Ộ", "O\xC4"},
	{"ơ", "\xF4",      "Ơ", "\xD4"},
	{"ớ", "\xF4\xF9",  "Ớ", "\xD4\xD9"},
	{"ờ", "\xF4\xF8",  "Ờ", "\xD4\xD8"},
	{"ở", "\xF4\xFB",  "Ở", "\xD4\xDB"},
	{"ỡ", "\xF4\xF5",  "Ỡ", "\xD4\xD5"},
	{"ợ", "\xF4\xEF",  "Ợ", "\xD4\xCF"},
	{"ú", "u\xF9",     "Ú", "U\xD9"},
	{"ù", "u\xF8",     "Ù", "U\xD8"},
	{"ủ", "u\xFB",     "Ủ", "U\xDB"},
	{"ũ", "u\xF5",     "Ũ", "U\xD5"},
	{"ụ", "u\xEF",     "Ụ", "U\xCF"},
	{"ư", "\xF6",      "Ư", "\xD6"},
	{"ứ", "\xF6\xF9",  "Ứ", "\xD6\xD9"},
	{"ừ", "\xF6\xF8",  "Ừ", "\xD6\xD8"},
	{"ử", "\xF6\xFB",  "Ử", "\xD6\xDB"},
	{"ữ", "\xF6\xF5",  "Ữ", "\xD6\xD5"},
	{"ự", "\xF6\xEF",  "Ự", "\xD6\xCF"},
	{"ý", "y\xF9",     "Ý", "Y\xD9"},
	{"ỳ", "y\xF8",     "Ỳ", "Y\xD8"},
	{"ỷ", "y\xFB",     "Ỷ", "Y\xDB"},
	{"ỹ", "y\xF5",     "Ỹ", "Y\xD5"},
	{"ỵ", "\xEE",      "Ỵ", "\xCE"},
};

#define VNI_ROWS  (sizeof VNI_LETTERS / sizeof VNI_LETTERS[0])
#define VNI_BASES 16       /* a e o u y ơ ư, both cases: 14 in use */

/* CP1252 0x80–0x9F; 0 marks the five bytes it leaves undefined. */
static const uint16_t CP1252_HIGH[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Both directions of the table, built per call (a few hundred stores). */
struct vni_map {
	uint16_t one[256];               /* byte → one-byte letter */
	uint8_t slot[256];               /* base byte → row of two[], 0: none */
	uint16_t two[VNI_BASES][256];    /* base, modifier → letter */
	uint8_t nslots;
	bool reserved[256];              /* bytes ≥ 0x80 the letters use */
	const char *latin[0x1B1 - 0xC0]; /* U+00C0–U+01B0 → VNI bytes */
	const char *ext[0x1EFA - 0x1EA0];/* U+1EA0–U+1EF9 → VNI bytes */
};

bool
charset_vni_letter(size_t i, const char **utf8, const char **vni)
{
	if (i >= 2 * VNI_ROWS)
		return false;
	const struct vni_letter *l = &VNI_LETTERS[i / 2];
	*utf8 = i % 2 ? l->upper : l->lower;
	*vni = i % 2 ? l->upper_vni : l->lower_vni;
	return true;
}

static const char **
map_slot_of(struct vni_map *m, utf8proc_int32_t cp)
{
	if (cp >= 0xC0 && cp <= 0x1B0)
		return &m->latin[cp - 0xC0];
	if (cp >= 0x1EA0 && cp <= 0x1EF9)
		return &m->ext[cp - 0x1EA0];
	return NULL;
}

static void
map_add(struct vni_map *m, utf8proc_int32_t cp, const char *vni)
{
	const unsigned char *b = (const unsigned char *)vni;
	const char **enc = map_slot_of(m, cp);

	if (enc)
		*enc = vni;
	for (size_t i = 0; b[i]; i++)
		if (b[i] >= 0x80)
			m->reserved[b[i]] = true;
	if (b[1] == '\0') {
		m->one[b[0]] = (uint16_t)cp;
		return;
	}
	if (!m->slot[b[0]]) {
		if (m->nslots + 1 >= VNI_BASES)
			return;
		m->slot[b[0]] = ++m->nslots;
	}
	m->two[m->slot[b[0]]][b[1]] = (uint16_t)cp;
}

static void
map_build(struct vni_map *m)
{
	const char *utf8, *vni;

	memset(m, 0, sizeof *m);
	for (size_t i = 0; charset_vni_letter(i, &utf8, &vni); i++) {
		utf8proc_int32_t cp;
		utf8proc_iterate((const utf8proc_uint8_t *)utf8, -1, &cp);
		map_add(m, cp, vni);
	}
}

/* Reads one character at p (left > 0 bytes): a two-byte letter, a
 * one-byte letter, else CP1252. Returns the bytes used, 0 if undefined. */
static size_t
decode_one(const struct vni_map *m, const unsigned char *p, size_t left,
	   utf8proc_int32_t *cp)
{
	uint8_t s = m->slot[p[0]];

	if (s && left > 1 && m->two[s][p[1]]) {
		*cp = m->two[s][p[1]];
		return 2;
	}
	if (m->one[p[0]]) {
		*cp = m->one[p[0]];
		return 1;
	}
	if (p[0] >= 0x80 && p[0] < 0xA0) {
		*cp = CP1252_HIGH[p[0] - 0x80];
		return *cp ? 1 : 0;
	}
	*cp = p[0];
	return 1;
}

char *
charset_vni_decode(const char *in, size_t len, size_t *out_len, size_t *bad,
		   size_t *strays)
{
	const unsigned char *p = (const unsigned char *)in;
	struct vni_map m;
	char *out;
	size_t o = 0;

	*bad = SIZE_MAX;
	if (len > (SIZE_MAX - 1) / 3 || !(out = malloc(3 * len + 1)))
		return NULL;
	map_build(&m);
	if (strays)
		*strays = 0;
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		size_t used = decode_one(&m, p + i, len - i, &cp);

		if (!used) {
			free(out);
			*bad = i;
			return NULL;
		}
		if (strays && used == 1 && m.reserved[p[i]] && !m.one[p[i]])
			++*strays;
		o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + o);
		i += used;
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* The CP1252 byte of cp, or -1. */
static int
cp1252_byte(utf8proc_int32_t cp)
{
	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	for (int i = 0; i < 32; i++)
		if (CP1252_HIGH[i] && CP1252_HIGH[i] == cp)
			return 0x80 + i;
	return -1;
}

/* Writes the VNI bytes of cp at out; returns their count, 0 if cp has
 * none. A CP1252 byte the letters use (ø, ñ, ö…) would come back as part
 * of a letter, so such characters have no representation. */
static size_t
encode_one(struct vni_map *m, utf8proc_int32_t cp, char *out)
{
	const char **enc = map_slot_of(m, cp);
	int b;

	if (enc && *enc) {
		size_t n = strlen(*enc);
		memcpy(out, *enc, n);
		return n;
	}
	b = cp1252_byte(cp);
	if (b < 0 || m->reserved[b])
		return 0;
	out[0] = (char)b;
	return 1;
}

char *
charset_vni_encode(const char *nfc, size_t len, size_t *out_len, size_t *bad)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)nfc;
	struct vni_map m;
	char *out;
	size_t o = 0;

	*bad = SIZE_MAX;
	if (len > (SIZE_MAX - 1) / 2 || !(out = malloc(2 * len + 1)))
		return NULL;
	map_build(&m);
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		size_t w = n > 0 ? encode_one(&m, cp, out + o) : 0;

		if (!w) {
			free(out);
			*bad = i;
			return NULL;
		}
		o += w;
		i += (size_t)n;
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}
