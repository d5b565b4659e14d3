/* libFuzzer target: the Telex/VNI engine on arbitrary keys. The first
 * byte picks method, style and the lone-w option. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/telex.h"
#include "ntm/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct telex_options o = telex_defaults((enum telex_method)(data[0] % 3));
	o.style = (data[0] >> 2) & 1 ? TELEX_STYLE_NEW : TELEX_STYLE_OLD;
	o.w_alone = (data[0] >> 3) & 1;
	char *keys = malloc(size);
	memcpy(keys, data + 1, size - 1);
	keys[size - 1] = '\0';
	char *out = telex_convert(&o, keys);
	if (out && text_check(out, true, NULL) == TEXT_BAD_UTF8 &&
	    text_check(keys, true, NULL) != TEXT_BAD_UTF8)
		abort();
	char word[1024];
	size_t n = size - 1 < 200 ? size - 1 : 200;
	telex_render(&o, keys, n, word, sizeof word);
	char raw[64];
	telex_unrender(&o, word, raw, sizeof raw);
	free(out);
	free(keys);
	return 0;
}
