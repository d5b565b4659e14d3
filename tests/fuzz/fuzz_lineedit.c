/* libFuzzer target: the line editor driven by a stream of keys. Bytes
 * 0xF0–0xF8 are the editing keys, 0x80–0xEF code points from an external
 * input method, the rest ASCII. The text must stay valid UTF-8 and the
 * cursor on a grapheme boundary inside it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/lineedit.h"
#include "ntm/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int32_t FOREIGN[] = {0x1ec7, 0x00ea, 0x01b0, 0x0111, 0x0300,
				  0x0323, 0x8d8a, 0x1f468, 0x200d};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lineedit e;
	lineedit_init(&e, NULL, size % 2 ? 64 : 0);
	for (size_t i = 0; i < size; i++) {
		uint8_t b = data[i];
		int32_t key = b;
		if (b >= 0xf0 && b <= 0xf8)
			key = -(int32_t)(b - 0xef);
		else if (b >= 0x80)
			key = FOREIGN[b % (sizeof FOREIGN / sizeof *FOREIGN)];
		lineedit_key(&e, key);
		const char *t = lineedit_text(&e);
		if (e.cursor > e.len || strlen(t) != e.len ||
		    text_check(t, false, NULL) == TEXT_BAD_UTF8)
			abort();
		size_t first;
		int col;
		lineedit_view(&e, 10, &first, &col);
		if (col < 0 || col > 10 || first > e.len)
			abort();
	}
	free(lineedit_commit(&e));
	lineedit_free(&e);
	return 0;
}
