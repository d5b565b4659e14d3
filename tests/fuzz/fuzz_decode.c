/* libFuzzer target: the legacy-encoding decoder and encoder. The first
 * byte picks the encoding; whatever decodes must encode back without
 * crashing, and decoded text is always valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>

#include "ntm/charset.h"
#include "ntm/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	enum charset from = (enum charset)(data[0] % 6);
	size_t len = 0, elen = 0;
	struct charset_error err;
	char *utf8 = charset_decode((const char *)data + 1, size - 1, from, NULL,
				    &len, &err);
	if (utf8) {
		if (text_check(utf8, true, NULL) == TEXT_BAD_UTF8)
			abort();
		char *back = charset_encode(utf8, len, (enum charset)(data[0] % 5),
					    &elen, &err);
		free(back);
	}
	free(utf8);
	return 0;
}
