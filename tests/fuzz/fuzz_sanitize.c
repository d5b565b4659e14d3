/* libFuzzer target: the terminal sanitiser and the width functions. The
 * output must never hold a control character or invalid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int flags = 0; flags < 4; flags++) {
		char *out = text_sanitize((const char *)data, size, flags);
		if (!out)
			continue;
		int multiline = flags & TEXT_SAN_NEWLINES;
		if (text_check(out, multiline, NULL) != TEXT_OK)
			abort();
		if ((flags & TEXT_SAN_ASCII))
			for (const char *p = out; *p; p++)
				if ((unsigned char)*p >= 0x80)
					abort();
		char *fit = text_fit(out, (int)(size % 40), flags & 1, flags & 2);
		if (fit && text_width(fit) > (int)(size % 40))
			abort();
		free(fit);
		free(out);
	}
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	(void)text_width(s);
	(void)text_graphemes(s);
	free(text_ascii(s));
	free(text_fold(s));
	free(s);
	return 0;
}
