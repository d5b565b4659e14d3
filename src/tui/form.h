/* The form engine: labelled fields over the line editor model, drawn in a
 * box over the screen; Tab moves, Enter saves, Esc cancels (asking first
 * when something was typed), Ctrl-T cycles the input method. */
#ifndef NTM_TUI_FORM_H
#define NTM_TUI_FORM_H

#include "app.h"
#include "ntm/lineedit.h"

enum { FORM_FIELDS = 8 };

enum field_kind { FIELD_TEXT, FIELD_CHOICE };

struct field {
	const char *label;
	enum field_kind kind;
	struct lineedit le;        /* FIELD_TEXT */
	const char *const *choices; /* FIELD_CHOICE: Space / ← → cycle */
	int nchoices, choice;
	char aside[160];           /* shown after the field: "hiện tại: 86%" */
};

struct form {
	char title[256];
	struct field f[FORM_FIELDS];
	int n, focus;
	char error[512];
	bool pasting;              /* inside a bracketed paste */
	const char *kind;          /* for drafts: "value", "target", "task" */
	char key[64];              /* the row it edits, for drafts */
	/* Checks and saves; NULL on success, else why (shown in the form). */
	const char *(*save)(struct app *a, struct form *fm, void *ctx);
	void *ctx;
};

void form_init(struct form *fm, const char *title);
struct field *form_text(struct form *fm, const char *label, const char *value,
			size_t max_bytes);
struct field *form_choice(struct form *fm, const char *label,
			  const char *const *choices, int n, int choice);
/* Runs the form; true when saved. */
bool form_run(struct app *a, struct form *fm);
void form_free(struct form *fm);
/* The text of a field, NFC, newly allocated. */
char *form_value(const struct form *fm, int i);

/* Drafts: what was typed when the link dropped, offered at next start. */
void draft_save(struct app *a, const struct form *fm);
void draft_offer(struct app *a);
/* Puts the values of a draft being reopened into the form (form_run). */
bool draft_apply(struct form *fm);

#endif
