/* The input methods on whole texts: options, what makes a word, and
 * telex_convert, which renders every word of a typed text. */
#include "ntm/telex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct telex_options
telex_defaults(enum telex_method m)
{
	return (struct telex_options){
		.method = m, .style = TELEX_STYLE_OLD, .w_alone = true,
	};
}

bool
telex_is_word_key(const struct telex_options *o, char key, bool in_word)
{
	unsigned char c = (unsigned char)key;
	bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	bool digit = c >= '0' && c <= '9';

	if (!o)
		return false;
	switch (o->method) {
	case TELEX_TELEX:
		return letter;
	case TELEX_VNI:
		return letter || (in_word && digit);
	case TELEX_OFF:
	default:
		return false;
	}
}

/* Words are rendered on their own (telex_render takes any length, in
 * chunks); other bytes, non-ASCII included, are copied as they are. */
char *
telex_convert(const struct telex_options *o, const char *keys)
{
	size_t len = strlen(keys), size, j = 0;

	if (len > (SIZE_MAX - 1) / 4)
		return NULL;
	size = 4 * len + 1;
	char *out = malloc(size);
	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		size_t k = i;
		while (k < len && telex_is_word_key(o, keys[k], k > i))
			k++;
		if (k == i) {
			out[j++] = keys[i++];
			continue;
		}
		j += telex_render(o, keys + i, k - i, out + j, size - j);
		i = k;
	}
	out[j] = '\0';
	return out;
}
