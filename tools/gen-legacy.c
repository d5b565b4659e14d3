/* gen-legacy — writes src/text/legacy_tables.c, the TCVN3, VISCII and
 * CP1258 tables of src/text/legacy.c, by asking glibc iconv (TCVN5712-1,
 * VISCII, CP1258). Run once by hand, when glibc's tables are to be taken
 * again; not part of `make`:
 *
 *   cc -std=c11 -O2 -Wall -o /tmp/gen-legacy tools/gen-legacy.c
 *   /tmp/gen-legacy > src/text/legacy_tables.c
 *
 * Decoding: what each single byte gives, converted alone (a combining byte
 * alone gives its combining mark), and the pairs glibc composes when a
 * combining byte follows a letter: {letter, mark, composed}. Not all are
 * canonical (glibc makes Ó + ◌̃ into Ṍ, which is Õ + ◌́), so NFC alone
 * would not give the same text. Every other pair of bytes must give the
 * two code points one after the other; this checks it.
 * Encoding: every code point 0..0x10FFFF that iconv encodes, with its one
 * or two bytes (CP1258 and TCVN decompose some letters: Ạ = A + 0xF2).
 * glibc drops the tag characters U+E0000..U+E007F (it writes nothing for
 * them); legacy.c does the same, and this checks they are all it drops. */
#include <errno.h>
#include <gnu/libc-version.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *iconv_name, *c_name;
} ENCODINGS[] = {
	{"TCVN5712-1", "tcvn3"},
	{"VISCII", "viscii"},
	{"CP1258", "cp1258"},
};

static iconv_t
open_or_die(const char *to, const char *from)
{
	iconv_t cd = iconv_open(to, from);

	if (cd == (iconv_t)-1) {
		fprintf(stderr, "gen-legacy: iconv_open %s -> %s: %s\n", from, to,
			strerror(errno));
		exit(1);
	}
	return cd;
}

/* Converts n bytes with cd (reset first, flushed after); the byte count
 * written to out, or -1 when iconv refuses. */
static long
convert(iconv_t cd, const char *in, size_t n, char *out, size_t room)
{
	char *ip = (char *)in, *op = out;
	size_t left = n, space = room;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &left, &op, &space) == (size_t)-1 || left)
		return -1;
	if (iconv(cd, NULL, NULL, &op, &space) == (size_t)-1)
		return -1;
	return (long)(op - out);
}

/* The one code point of a UCS-4 result, or -1. */
static long
single_code_point(const unsigned char *u, long n)
{
	if (n != 4)
		return -1;
	return (long)u[0] << 24 | (long)u[1] << 16 | (long)u[2] << 8 | u[3];
}

static void
put_ucs4(unsigned char *u, uint32_t cp)
{
	u[0] = (unsigned char)(cp >> 24);
	u[1] = (unsigned char)(cp >> 16);
	u[2] = (unsigned char)(cp >> 8);
	u[3] = (unsigned char)cp;
}

static void
write_decode(const char *iconv_name, const char *c_name)
{
	iconv_t cd = open_or_die("UCS-4BE", iconv_name);

	printf("const uint16_t legacy_%s_decode[256] = {\n", c_name);
	for (int b = 0; b < 256; b++) {
		char in = (char)b;
		unsigned char out[16];
		long cp = single_code_point(out, convert(cd, &in, 1, (char *)out,
							 sizeof out));

		if (cp < 0 || cp > 0xFFFF || (cp == 0 && b != 0)) {
			if (cp != -1) {
				fprintf(stderr, "gen-legacy: %s byte %02X gives %lX\n",
					iconv_name, b, cp);
				exit(1);
			}
			cp = 0;
		}
		printf("%s0x%04lX,%s", b % 8 ? " " : "\t", cp,
		       b % 8 == 7 ? "\n" : "");
	}
	printf("};\n\n");
	iconv_close(cd);
}

/* The code points iconv gives for n bytes (at most 4), or -1. */
static int
decode_bytes(iconv_t cd, const char *in, size_t n, long cps[4])
{
	unsigned char out[32];
	long len = convert(cd, in, n, (char *)out, sizeof out);

	if (len < 0 || len % 4 || len > 16)
		return -1;
	for (long i = 0; i < len / 4; i++)
		cps[i] = single_code_point(out + 4 * i, 4);
	return (int)(len / 4);
}

struct pair {
	long base, mark, composed;
};

static int
pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->base != y->base)
		return x->base < y->base ? -1 : 1;
	return (x->mark > y->mark) - (x->mark < y->mark);
}

static void
write_pairs(const char *c_name, struct pair *pairs, size_t count)
{
	qsort(pairs, count, sizeof pairs[0], pair_cmp);
	printf("const struct legacy_pair legacy_%s_compose[] = {\n", c_name);
	for (size_t i = 0; i < count; i++)
		printf("%s{0x%04lX, 0x%04lX, 0x%04lX},%s", i % 3 ? " " : "\t",
		       pairs[i].base, pairs[i].mark, pairs[i].composed,
		       i % 3 == 2 ? "\n" : "");
	if (!count)
		printf("\t{0, 0, 0},\n");
	printf("%s};\nconst size_t legacy_%s_compose_len = %zu;\n\n",
	       count % 3 ? "\n" : "", c_name, count);
}

static void
write_compose(const char *iconv_name, const char *c_name)
{
	iconv_t cd = open_or_die("UCS-4BE", iconv_name);
	static struct pair pairs[256 * 256];
	size_t count = 0;

	for (int a = 0; a < 256; a++) {
		for (int b = 0; b < 256; b++) {
			char in[2] = {(char)a, (char)b};
			long one[4], two[4], both[4];
			int n = decode_bytes(cd, in, 2, both);

			if (n < 0)
				continue;
			if (decode_bytes(cd, in, 1, one) != 1 ||
			    decode_bytes(cd, in + 1, 1, two) != 1 ||
			    (n == 2 && (both[0] != one[0] || both[1] != two[0])) ||
			    n > 2 || both[0] > 0xFFFF) {
				fprintf(stderr, "gen-legacy: %s bytes %02X %02X\n",
					iconv_name, a, b);
				exit(1);
			}
			if (n == 2)
				continue;
			pairs[count++] = (struct pair){one[0], two[0], both[0]};
		}
	}
	write_pairs(c_name, pairs, count);
	iconv_close(cd);
}

static void
write_encode(const char *iconv_name, const char *c_name)
{
	iconv_t cd = open_or_die(iconv_name, "UCS-4BE");
	size_t count = 0;

	printf("const struct legacy_code legacy_%s_encode[] = {\n", c_name);
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		unsigned char in[4], out[16];
		long n;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		put_ucs4(in, cp);
		n = convert(cd, (char *)in, 4, (char *)out, sizeof out);
		if (n < 0)
			continue;
		if (n == 0 && cp >= 0xE0000 && cp <= 0xE007F)
			continue;
		if (n < 1 || n > 2 || cp > 0xFFFF || (n == 2 && out[1] == 0)) {
			fprintf(stderr, "gen-legacy: %s U+%04X gives %ld bytes\n",
				iconv_name, (unsigned)cp, n);
			exit(1);
		}
		printf("%s{0x%04X, {0x%02X, 0x%02X}},%s", count % 4 ? " " : "\t",
		       (unsigned)cp, out[0], n == 2 ? out[1] : 0,
		       count % 4 == 3 ? "\n" : "");
		count++;
	}
	printf("%s};\nconst size_t legacy_%s_encode_len = %zu;\n\n",
	       count % 4 ? "\n" : "", c_name, count);
	iconv_close(cd);
}

int
main(void)
{
	printf("/* Generated by tools/gen-legacy.c from glibc %s iconv: do not"
	       " edit.\n", gnu_get_libc_version());
	printf(" * Decoding: byte -> code point (0: not in the encoding, but for\n"
	       " * byte 0). Composing: {letter, mark, what glibc makes of them},\n"
	       " * sorted by letter, then mark. Encoding: code point -> 1 or 2\n"
	       " * bytes (second 0: one byte), sorted by code point. */\n"
	       "#include \"legacy.h\"\n\n");
	for (size_t i = 0; i < sizeof ENCODINGS / sizeof ENCODINGS[0]; i++) {
		write_decode(ENCODINGS[i].iconv_name, ENCODINGS[i].c_name);
		write_compose(ENCODINGS[i].iconv_name, ENCODINGS[i].c_name);
		write_encode(ENCODINGS[i].iconv_name, ENCODINGS[i].c_name);
	}
	return 0;
}
