/* Unit tests of src/text/charset.c and vni.c: the 134 letters through every
 * encoding, the sample sentences of docs, errors with line and byte,
 * auto-detection on generated samples and on the tests/data/legacy files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "ntm/charset.h"

#define FIXTURES "tests/data/legacy/"

static const enum charset LEGACY[] = {
	CHARSET_TCVN3, CHARSET_VISCII, CHARSET_CP1258, CHARSET_VNI,
};
#define NLEGACY (sizeof LEGACY / sizeof LEGACY[0])

/* Lines of a 2024 plan of xã Việt Hưng (the seed text), 60–200 bytes. */
static const char *const SENTENCES[] = {
	"Căn cứ tình hình thực tế, UBND xã xây dựng kế hoạch triển khai thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2024 với nội dung cụ thể như sau:",
	"Chủ động trong công tác lãnh đạo, chỉ đạo, kiểm tra, giám sát và tổ chức thực hiện Chương trình MTQG xây dựng NTM trên địa bàn xã.",
	"Triển khai có hiệu quả các nội dung xây dựng NTM, hoàn thành và vượt các chỉ tiêu năm 2024 đã đề ra.",
	"Phấn đấu thôn Cự Đình, Thục Cầu được công nhận Khu dân cư NTM kiểu mẫu năm 2024.",
	"-Nâng cao chất lượng môi trường sống và cảnh quan môi trường nông thôn.",
	"Quan tâm, chú trọng xây dựng cảnh quan các trường học, lớp học sạch sẽ, thoáng mát; bố trí khoa học các thiết bị học tập và khu vệ sinh.",
	"an ninh chính trị-trật tự an toàn xã hội trên địa bàn, xây dựng thế trận quốc phòng toàn dân vững chắc.",
	"2.Thông tin, tuyên truyền về xây dựng NTM nâng cao, NTM kiểu mẫu.",
	"Khen thưởng kịp thời cho các thôn, tổ chức, cá nhân... có thành tích xuất sắc đóng góp lớn trong công cuộc xây dựng NTM nâng cao, kiểu mẫu.",
	"Đăng ký với UBND xã và xây dựng kế hoạch thực hiện thôn đạt chuẩn khu dân cư nông thôn mới kiểu mẫu.",
	"Phối hợp với các cấp đẩy nhanh tiến độ đấu giá đất để tạo nguồn xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu.",
	"CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH xây dựng nông thôn mới xã Việt Hưng năm 2024",
};
#define NSENTENCES (sizeof SENTENCES / sizeof SENTENCES[0])

static char *
encode(const char *utf8, enum charset to, size_t *n)
{
	struct charset_error err = {0};
	char *out = charset_encode(utf8, strlen(utf8), to, n, &err);

	if (!out)
		fail_msg("encoding “%s” to %s: %s", utf8, charset_name(to), err.reason);
	return out;
}

/* Decodes len bytes from `from` and compares with the expected UTF-8. */
static void
assert_decodes(const char *in, size_t len, enum charset from, const char *want)
{
	struct charset_error err = {0};
	size_t n = 0;
	char *out = charset_decode(in, len, from, NULL, &n, &err);

	if (!out)
		fail_msg("decoding from %s: %s", charset_name(from), err.reason);
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
	free(out);
}

static void
assert_round_trip(const char *utf8, enum charset c)
{
	size_t n;
	char *enc = encode(utf8, c, &n);

	assert_decodes(enc, n, c, utf8);
	free(enc);
}

/* ---- names ---------------------------------------------------------------- */

static void
test_names(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		enum charset c;
	} cases[] = {
		{"utf-8", CHARSET_UTF8}, {"UTF8", CHARSET_UTF8},
		{"tcvn3", CHARSET_TCVN3}, {"TCVN", CHARSET_TCVN3},
		{"VISCII", CHARSET_VISCII}, {"cp1258", CHARSET_CP1258},
		{"Windows-1258", CHARSET_CP1258}, {"vni", CHARSET_VNI},
		{"Auto", CHARSET_AUTO},
	};
	enum charset c = CHARSET_VNI;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_true(charset_parse(cases[i].name, &c));
		assert_int_equal(c, cases[i].c);
	}
	assert_false(charset_parse("latin1", &c));
	assert_false(charset_parse("", &c));
	assert_int_equal(c, CHARSET_AUTO);
	for (c = CHARSET_UTF8; c <= CHARSET_AUTO; c++) {
		enum charset back;
		assert_true(charset_parse(charset_name(c), &back));
		assert_int_equal(back, c);
	}
	assert_string_equal(charset_name(CHARSET_CP1258), "cp1258");
}

/* ---- the 134 letters ------------------------------------------------------ */

/* Builds the 134 letters from their parts: 12 vowels × 6 tones less the 6
 * plain ASCII vowels, plus đ; then the uppercase of each. */
static size_t
all_letters(char letters[][8])
{
	static const char *const vowels[] = {
		"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
	};
	static const char *const tones[] = {
		"", "\xcc\x81", "\xcc\x80", "\xcc\x89", "\xcc\x83", "\xcc\xa3",
	};
	size_t n = 0;

	for (size_t v = 0; v < 12; v++) {
		for (size_t t = 0; t < 6; t++) {
			char nfd[16];
			snprintf(nfd, sizeof nfd, "%s%s", vowels[v], tones[t]);
			if (strlen(nfd) == 1)
				continue;
			char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)nfd);
			assert_non_null(nfc);
			strcpy(letters[n++], nfc);
			free(nfc);
		}
	}
	strcpy(letters[n++], "đ");
	for (size_t i = 0, lower = n; i < lower; i++) {
		utf8proc_int32_t c;
		utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)letters[i], -1, &c);
		assert_true(len > 0);
		len = utf8proc_encode_char(utf8proc_toupper(c), (utf8proc_uint8_t *)letters[n]);
		letters[n++][len] = '\0';
	}
	return n;
}

static bool
in_vni_table(const char *letter)
{
	const char *utf8, *vni;

	for (size_t i = 0; charset_vni_letter(i, &utf8, &vni); i++)
		if (strcmp(utf8, letter) == 0)
			return true;
	return false;
}

static void
test_vni_table(void **state)
{
	(void)state;
	char letters[140][8];
	const char *lower, *lower_vni, *upper, *upper_vni;
	size_t n = all_letters(letters), rows = 0;

	assert_int_equal(n, 134);
	for (size_t i = 0; i < n; i++)
		assert_true(in_vni_table(letters[i]));
	/* rows alternate lowercase, uppercase; uppercase is the uppercase base
	 * and each byte above 0x7F minus 0x20 */
	while (charset_vni_letter(2 * rows, &lower, &lower_vni)) {
		assert_true(charset_vni_letter(2 * rows + 1, &upper, &upper_vni));
		assert_int_equal(strlen(lower_vni), strlen(upper_vni));
		for (size_t b = 0; lower_vni[b]; b++) {
			unsigned char l = (unsigned char)lower_vni[b];
			unsigned char u = (unsigned char)upper_vni[b];
			assert_int_equal(u, l >= 0x80 ? l - 0x20 : l - ('a' - 'A'));
		}
		rows++;
	}
	assert_int_equal(rows, 67);
}

static void
test_letters_round_trip(void **state)
{
	(void)state;
	char letters[140][8], all[140 * 9] = "";
	size_t n = all_letters(letters);

	for (size_t i = 0; i < n; i++) {
		for (size_t e = 0; e < NLEGACY; e++) {
			size_t len;
			char *enc = encode(letters[i], LEGACY[e], &len);
			/* TCVN5712-1 (VN1) and VISCII give every letter one byte */
			if (LEGACY[e] == CHARSET_TCVN3 || LEGACY[e] == CHARSET_VISCII)
				assert_int_equal(len, 1);
			assert_decodes(enc, len, LEGACY[e], letters[i]);
			free(enc);
		}
		assert_round_trip(letters[i], CHARSET_UTF8);
		strcat(all, letters[i]);
		strcat(all, i % 2 ? "\n" : " ");
	}
	for (size_t e = 0; e < NLEGACY; e++)
		assert_round_trip(all, LEGACY[e]);
}

/* ---- sample sentences (docs/vietnamese.md §1) ----------------------------- */

static void
test_samples(void **state)
{
	(void)state;
	const char *cong_hoa = "Cộng hòa xã hội chủ nghĩa Việt Nam";
	const char *tcvn = "C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC" "a Vi\xD6t Nam";
	const char *vni = "Co\xE4ng ho\xF8" "a xa\xF5 ho\xE4i chu\xFB ngh\xF3" "a Vie\xE4t Nam";
	const char *nong_thon = "Nông thôn mới Việt Hưng";

	assert_int_equal(strlen(nong_thon), 30);
	/* TCVN3 seen as Latin-1: Céng hoµ x· héi chñ nghÜa ViÖt Nam */
	assert_decodes(tcvn, strlen(tcvn), CHARSET_TCVN3,
		       "Cộng hoà xã hội chủ nghĩa Việt Nam");
	assert_decodes("N\xABng th\xABn m\xEDi Vi\xD6t H\xADng", 23, CHARSET_TCVN3, nong_thon);
	/* VNI seen as CP1252: Xin chaøo caùc baïn */
	assert_decodes("Xin cha\xF8o ca\xF9" "c ba\xEFn", 19, CHARSET_VNI, "Xin chào các bạn");
	assert_decodes(vni, strlen(vni), CHARSET_VNI, cong_hoa);
	for (size_t e = 0; e < NLEGACY; e++) {
		assert_round_trip(cong_hoa, LEGACY[e]);
		assert_round_trip(nong_thon, LEGACY[e]);
	}
	/* á = 61 F9, Á = 41 D9 */
	assert_decodes("a\xF9 A\xD9", 5, CHARSET_VNI, "á Á");
}

static void
test_tcvn_capitals(void **state)
{
	(void)state;
	/* VN3 has only Ă Â Ê Ô Ơ Ư Đ as capitals (A1–A7)… */
	assert_decodes("\xA1\xA2\xA3\xA4\xA5\xA6\xA7", 7, CHARSET_TCVN3, "ĂÂÊÔƠƯĐ");
	assert_decodes("\xA7\xE9" "c l\xCBp", 7, CHARSET_TCVN3, "Độc lập");
	/* …so text typed for an all-caps .VnTimeH font comes back lowercase */
	assert_decodes("C\xE9NG HO\xB5", 8, CHARSET_TCVN3, "CộNG HOà");
	/* glibc's VN1 has the other capitals, some at control bytes */
	assert_decodes("U\x14 BAN", 6, CHARSET_TCVN3, "UỶ BAN");
	/* and combining tone bytes B0–B4, composed or kept, then NFC */
	assert_decodes("a\xB3 x\xB3 \xA2\xB3", 8, CHARSET_TCVN3, "á x\xcc\x81 Ấ");
}

static void
test_control_bytes_are_letters(void **state)
{
	(void)state;
	size_t n;
	char *enc = encode("ẲẴỶỸỴ", CHARSET_VISCII, &n);

	assert_int_equal(n, 5);
	assert_memory_equal(enc, "\x02\x05\x14\x19\x1E", 5);
	free(enc);
	assert_decodes("\x02\x05\x14\x19\x1E", 5, CHARSET_VISCII, "ẲẴỶỸỴ");
	/* in the other encodings a control byte stays one */
	assert_decodes("a\x01" "b", 3, CHARSET_VNI, "a\x01" "b");
	assert_decodes("a\x01" "b", 3, CHARSET_CP1258, "a\x01" "b");
	/* NUL is data too */
	size_t len;
	char *out = charset_decode("a\0b", 3, CHARSET_VISCII, NULL, &len, NULL);
	assert_non_null(out);
	assert_int_equal(len, 3);
	assert_memory_equal(out, "a\0b", 4);
	free(out);
}

/* ---- NFD, BOM, CP1258 ----------------------------------------------------- */

static void
test_nfd_encodes(void **state)
{
	(void)state;
	const char *nfd = "Vie\xcc\x82\xcc\xa3t Nam";        /* ê then dot below */
	const char *odd = "Vie\xcc\xa3\xcc\x82t Nam";        /* the other order */
	static const char *const want[] = {
		"Vi\xD6t Nam", "Vi\xAEt Nam", "Vi\xEA\xF2t Nam", "Vie\xE4t Nam",
	};

	for (size_t e = 0; e < NLEGACY; e++) {
		size_t n1, n2;
		char *a = encode(nfd, LEGACY[e], &n1);
		char *b = encode(odd, LEGACY[e], &n2);

		assert_int_equal(n1, strlen(want[e]));
		assert_memory_equal(a, want[e], n1);
		assert_int_equal(n2, n1);
		assert_memory_equal(b, a, n1);
		assert_decodes(a, n1, LEGACY[e], "Việt Nam");
		free(a);
		free(b);
	}
	/* to UTF-8 the result is NFC */
	size_t n;
	char *u = encode(nfd, CHARSET_UTF8, &n);
	assert_string_equal(u, "Việt Nam");
	free(u);
}

static void
test_bom(void **state)
{
	(void)state;
	const char *in = "\xEF\xBB\xBFViệt Nam";
	enum charset got = CHARSET_VNI;
	size_t n;
	char *out = charset_decode(in, strlen(in), CHARSET_AUTO, &got, &n, NULL);

	assert_non_null(out);
	assert_int_equal(got, CHARSET_UTF8);
	assert_string_equal(out, "Việt Nam");
	free(out);
	assert_decodes(in, strlen(in), CHARSET_UTF8, "Việt Nam");
	out = encode(in, CHARSET_TCVN3, &n);
	assert_int_equal(n, 8);
	assert_memory_equal(out, "Vi\xD6t Nam", 8);
	free(out);
	/* a BOM alone, and nothing at all */
	assert_decodes("\xEF\xBB\xBF", 3, CHARSET_AUTO, "");
	assert_decodes("", 0, CHARSET_AUTO, "");
}

static void
test_cp1258_composed(void **state)
{
	(void)state;
	/* glibc writes tones as separate bytes and composes them when reading */
	size_t n;
	char *enc = encode("ả ấ", CHARSET_CP1258, &n);

	assert_int_equal(n, 5);
	assert_memory_equal(enc, "a\xD2 \xE2\xEC", 5);
	free(enc);
	assert_decodes("a\xD2 \xE2\xEC", 5, CHARSET_CP1258, "ả ấ");
	/* a tone byte after a consonant stays a combining mark */
	assert_decodes("x\xD2", 2, CHARSET_CP1258, "x\xcc\x89");
}

/* ---- errors ----------------------------------------------------------------- */

static void
assert_error_at(const struct charset_error *err, size_t line, size_t column,
		size_t offset)
{
	assert_non_null(err->reason);
	assert_int_equal(err->line, line);
	assert_int_equal(err->column, column);
	assert_int_equal(err->offset, offset);
}

static void
assert_decode_fails(const char *in, size_t len, enum charset from,
		    size_t line, size_t column, size_t offset)
{
	struct charset_error err = {0};
	size_t n = 99;

	assert_null(charset_decode(in, len, from, NULL, &n, &err));
	assert_int_equal(n, 99);
	assert_error_at(&err, line, column, offset);
}

static void
test_undecodable(void **state)
{
	(void)state;
	const char *bad = "dòng một\ndòng hai\nab\xFF" "cd\n";
	size_t before = strlen("dòng một\ndòng hai\n");

	assert_decode_fails(bad, strlen(bad), CHARSET_UTF8, 3, 3, before + 2);
	/* a cut sequence at the end, a surrogate, an overlong form */
	assert_decode_fails("Vi\xE1\xBB", 4, CHARSET_UTF8, 1, 3, 2);
	assert_decode_fails("x\xED\xA0\x80", 4, CHARSET_UTF8, 1, 2, 1);
	assert_decode_fails("ab\n\xC0\xAF", 5, CHARSET_UTF8, 2, 1, 3);
	/* a BOM counts in positions */
	assert_decode_fails("\xEF\xBB\xBF" "a\xFF", 5, CHARSET_UTF8, 1, 5, 4);
	/* bytes CP1258 leaves undefined; VNI reads CP1252, which lacks 0x8D */
	assert_decode_fails("Vi\xEA\xF2t\nab\x81", 9, CHARSET_CP1258, 2, 3, 8);
	assert_decode_fails("Vie\xE4t\n\n\x8D", 8, CHARSET_VNI, 3, 1, 7);
	/* a lone VNI modifier is just its CP1252 letter */
	assert_decodes("\xF8 b\xF9 \x80", 6, CHARSET_VNI, "ø bù €");

	struct charset_error err;
	assert_null(charset_decode("a", 1, (enum charset)42, NULL, NULL, &err));
	assert_int_equal(err.line, 0);
}

static void
assert_encode_fails(const char *utf8, enum charset to, size_t line,
		    size_t column, size_t offset)
{
	struct charset_error err = {0};
	size_t n = 99;

	assert_null(charset_encode(utf8, strlen(utf8), to, &n, &err));
	assert_int_equal(n, 99);
	assert_error_at(&err, line, column, offset);
}

static void
test_unrepresentable(void **state)
{
	(void)state;
	size_t n;
	char *out;

	assert_encode_fails("Giá 5 €", CHARSET_TCVN3, 1, 8, 7);
	assert_encode_fails("Giá 5 €", CHARSET_VISCII, 1, 8, 7);
	for (size_t e = 0; e < NLEGACY; e++)
		assert_encode_fails("một\nhai 中", LEGACY[e], 2, 5, 10);
	/* CP1258 and VNI (CP1252) have the euro sign */
	out = encode("5 €", CHARSET_CP1258, &n);
	assert_memory_equal(out, "5 \x80", n);
	free(out);
	out = encode("5 €", CHARSET_VNI, &n);
	assert_memory_equal(out, "5 \x80", n);
	free(out);
	/* VNI letters use the bytes of ø ñ ö, so those have no place in it */
	assert_encode_fails("Ørsted", CHARSET_VNI, 1, 1, 0);
	assert_encode_fails("año", CHARSET_VNI, 1, 2, 1);
	/* positions are in the input even when it is NFD */
	assert_encode_fails("Vie\xcc\x82\xcc\xa3t 中", CHARSET_TCVN3, 1, 10, 9);
	assert_encode_fails("e\xcc\x82\n\xcc\x82x\xcc\x82", CHARSET_TCVN3, 2, 1, 4);
	/* invalid UTF-8 input */
	assert_encode_fails("ok\nb\xFF", CHARSET_VNI, 2, 2, 4);

	struct charset_error err;
	assert_null(charset_encode("a", 1, CHARSET_AUTO, &n, &err));
	assert_int_equal(err.line, 0);
	assert_non_null(err.reason);
}

/* ---- syllables and detection ---------------------------------------------- */

static void
test_syllables(void **state)
{
	(void)state;
	static const char *const good[] = {
		"Việt", "người", "nghiêng", "quốc", "gì", "giữa", "khuya",
		"thuở", "khuỷu", "quỳnh", "ĐƯỜNG", "Hưng", "ấy", "oẳn", "xoong",
		"kiến", "hòa", "hoà", "yêu", "ạch",
	};
	static const char *const bad[] = {
		"hÖi", "ViƯt", "càt", "bắp̀", "ce", "ki\xcc\x81", "ngi",
		"ghà", "kà", "ing", "quu", "Ørsted", "xµ", "tiêú", "đ", "ñam",
		"ăn\xc3\xa2", "ViÖt",
	};

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!charset_is_syllable(good[i], strlen(good[i])))
			fail_msg("“%s” should be a syllable", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (charset_is_syllable(bad[i], strlen(bad[i])))
			fail_msg("“%s” should not be a syllable", bad[i]);
}

static void
assert_detects(const char *in, size_t len, enum charset want)
{
	enum charset got = charset_detect(in, len);

	if (got != want)
		fail_msg("detected %s instead of %s", charset_name(got), charset_name(want));
}

static void
test_detect_sentences(void **state)
{
	(void)state;
	char para[2048] = "";

	for (size_t s = 0; s < NSENTENCES; s++) {
		for (size_t e = 0; e < NLEGACY; e++) {
			size_t n;
			char *enc = encode(SENTENCES[s], LEGACY[e], &n);
			assert_detects(enc, n, LEGACY[e]);
			free(enc);
		}
		assert_detects(SENTENCES[s], strlen(SENTENCES[s]), CHARSET_UTF8);
		if (s < 3) {
			strcat(para, SENTENCES[s]);
			strcat(para, "\r\n");
		}
	}
	for (size_t e = 0; e < NLEGACY; e++) {
		size_t n;
		char *enc = encode(para, LEGACY[e], &n);
		assert_detects(enc, n, LEGACY[e]);
		free(enc);
	}
}

static void
test_detect_short(void **state)
{
	(void)state;
	const char *tcvn = "C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC" "a Vi\xD6t Nam";
	const char *vni = "Co\xE4ng ho\xF8" "a xa\xF5 ho\xE4i chu\xFB ngh\xF3" "a Vie\xE4t Nam";
	static const char *const short_lines[] = {
		"Cộng hòa xã hội chủ nghĩa Việt Nam",
		"Hỗ trợ các thôn đạt chuẩn nông thôn mới",
		"Nông thôn mới Việt Hưng",
	};

	assert_detects(tcvn, strlen(tcvn), CHARSET_TCVN3);
	assert_detects(vni, strlen(vni), CHARSET_VNI);
	assert_detects("Xin cha\xF8o ca\xF9" "c ba\xEFn", 19, CHARSET_VNI);
	for (size_t s = 0; s < sizeof short_lines / sizeof short_lines[0]; s++) {
		for (size_t e = 0; e < NLEGACY; e++) {
			size_t n;
			char *enc = encode(short_lines[s], LEGACY[e], &n);
			assert_detects(enc, n, LEGACY[e]);
			free(enc);
		}
	}
	/* ASCII, empty, NFD and text with a BOM are UTF-8 */
	assert_detects("Nong thon moi", 13, CHARSET_UTF8);
	assert_detects("", 0, CHARSET_UTF8);
	assert_detects("Vie\xcc\x82\xcc\xa3t", 8, CHARSET_UTF8);
	assert_detects("\xEF\xBB\xBF" "abc", 6, CHARSET_UTF8);
	/* valid UTF-8 without Vietnamese letters still wins over the legacy
	 * readings of its bytes */
	const char *punct = "2021 – 2025, “NTM”, 中文";
	assert_detects(punct, strlen(punct), CHARSET_UTF8);
}

/* ---- fixtures ----------------------------------------------------------------- */

static char *
read_fixture(const char *name, size_t *len)
{
	char path[256];
	FILE *f;
	char *data = malloc(1 << 16);

	snprintf(path, sizeof path, FIXTURES "%s", name);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (run the tests from the repository root)", path);
	assert_non_null(data);
	*len = fread(data, 1, (1 << 16) - 1, f);
	fclose(f);
	data[*len] = '\0';
	return data;
}

static void
test_fixtures(void **state)
{
	(void)state;
	static const struct {
		const char *file;
		enum charset c;
	} files[] = {
		{"paragraph.utf-8.txt", CHARSET_UTF8},
		{"paragraph.utf-8-bom.txt", CHARSET_UTF8},
		{"paragraph.utf-8-nfd.txt", CHARSET_UTF8},
		{"paragraph.tcvn3.txt", CHARSET_TCVN3},
		{"paragraph.viscii.txt", CHARSET_VISCII},
		{"paragraph.cp1258.txt", CHARSET_CP1258},
		{"paragraph.vni.txt", CHARSET_VNI},
	};
	size_t want_len;
	char *want = read_fixture("paragraph.utf-8.txt", &want_len);

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t len, n;
		enum charset got;
		char *data = read_fixture(files[i].file, &len);
		char *out = charset_decode(data, len, CHARSET_AUTO, &got, &n, NULL);

		assert_non_null(out);
		assert_int_equal(got, files[i].c);
		assert_int_equal(n, want_len);
		assert_memory_equal(out, want, n);
		if (files[i].c != CHARSET_UTF8) {
			/* and our encoder writes the very same bytes */
			char *enc = encode(want, files[i].c, &n);
			assert_int_equal(n, len);
			assert_memory_equal(enc, data, n);
			free(enc);
		}
		free(out);
		free(data);
	}
	free(want);
}

/* More than the detector samples (64 KiB), and more than the first guess
 * of the output buffer. */
static void
test_large(void **state)
{
	(void)state;
	size_t plen, tlen, n;
	char *para = read_fixture("paragraph.utf-8.txt", &plen);
	char *tcvn = read_fixture("paragraph.tcvn3.txt", &tlen);
	size_t times = 200;
	char *big = malloc(tlen * times), *want = malloc(plen * times + 1);
	enum charset got;

	assert_non_null(big);
	assert_non_null(want);
	for (size_t i = 0; i < times; i++) {
		memcpy(big + i * tlen, tcvn, tlen);
		memcpy(want + i * plen, para, plen);
	}
	want[plen * times] = '\0';
	char *out = charset_decode(big, tlen * times, CHARSET_AUTO, &got, &n, NULL);
	assert_non_null(out);
	assert_int_equal(got, CHARSET_TCVN3);
	assert_int_equal(n, plen * times);
	assert_string_equal(out, want);
	free(out);
	free(big);
	free(want);
	free(para);
	free(tcvn);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_vni_table),
		cmocka_unit_test(test_letters_round_trip),
		cmocka_unit_test(test_samples),
		cmocka_unit_test(test_tcvn_capitals),
		cmocka_unit_test(test_control_bytes_are_letters),
		cmocka_unit_test(test_nfd_encodes),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_cp1258_composed),
		cmocka_unit_test(test_undecodable),
		cmocka_unit_test(test_unrepresentable),
		cmocka_unit_test(test_syllables),
		cmocka_unit_test(test_detect_sentences),
		cmocka_unit_test(test_detect_short),
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_large),
	};
	return cmocka_run_group_tests_name("charset", tests, NULL, NULL);
}
