/* Shared by charset.c and syllable.c: what the encoding detector asks of
 * Vietnamese spelling besides charset_is_syllable(). */
#ifndef NTM_TEXT_SYLLABLE_H
#define NTM_TEXT_SYLLABLE_H

#include <stdbool.h>
#include <utf8proc.h>

/* A Vietnamese letter (any case, any tone) or a mark Vietnamese uses. */
bool syllable_letter_or_mark(utf8proc_int32_t c);

#endif
