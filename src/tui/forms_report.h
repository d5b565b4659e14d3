/* The written report from the full-screen program (key X, "Xuất báo cáo"
 * in the go-to palette): a small form (format, as-of date, file name) that
 * loads the report (store_report_doc) and writes it (io_report_write). It
 * changes nothing in the database, so it works read-only too. */
#ifndef NTM_TUI_FORMS_REPORT_H
#define NTM_TUI_FORMS_REPORT_H

#include <stdbool.h>

#include "draft.h"

struct app;

/* Opens the form, filled from the draft d when not NULL; on Enter the
 * report is written and the message line says where (the full path), or
 * the form stays open with why it was not. */
void form_report(struct app *a, const struct draft *d);
/* A draft of that form: opens it and returns true; false for others. */
bool forms_report_reopen(struct app *a, const struct draft *d);

#endif
