/* The national target of an indicator, entered by an official with the
 * decision it comes from (its source), and the line that shows them. */
#ifndef NTM_TUI_FORMS_TARGET_H
#define NTM_TUI_FORMS_TARGET_H

#include <stddef.h>

#include "draft.h"
#include "ntm/store.h"

struct app;

/* "Chỉ tiêu quốc gia ≥ 85% — theo QĐ 318/QĐ-TTg" when an official
 * entered the national target with its source, else "". */
void national_text(const struct store_indicator *x, char *buf, size_t size);
/* The form: the national target and its source, saved only if the
 * indicator is still at the version shown (else the form says who
 * changed it); an empty target clears it. */
void form_national_target(struct app *a, const struct store_indicator *x,
			  const struct draft *d);

#endif
