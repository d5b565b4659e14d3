/* The form engine: labelled fields over the line editor model, drawn in a
 * box over the screen; Tab moves, Enter saves, Esc cancels (asking first
 * when something was typed), Ctrl-T cycles the input method. */
#ifndef NTM_TUI_FORM_H
#define NTM_TUI_FORM_H

#include <stdbool.h>

#include "draft.h"
#include "ntm/lineedit.h"

struct app;

enum { FORM_FIELDS = DRAFT_FIELDS };

enum field_kind { FIELD_TEXT, FIELD_CHOICE };

struct field {
	const char *label;
	enum field_kind kind;
	struct lineedit le;        /* FIELD_TEXT */
	const char *const *choices; /* FIELD_CHOICE: Space / ← → cycle */
	int nchoices, choice;       /* choice -1: none made yet ("chưa chọn") */
	char aside[160];           /* shown after the field: "hiện tại: 86%" */
};

struct form {
	char title[256];
	struct field f[FORM_FIELDS];
	int n, focus;
	char error[512];
	bool pasting;              /* inside a bracketed paste */
	char paste[4096];          /* its bytes not yet in the field */
	size_t paste_len;
	const char *kind;          /* for drafts: "value", "target", "task";
				    * NULL: no draft is kept */
	char key[64];              /* the row it edits, for drafts */
	char plan[64];             /* the plan it writes into ("": none) */
	/* Checks and saves; NULL on success, else why (shown in the form). */
	const char *(*save)(struct app *a, struct form *fm, void *ctx);
	/* When not NULL: field i's value was changed by a key (not by a
	 * draft), to let other fields follow it. */
	void (*changed)(struct form *fm, int i, void *ctx);
	void *ctx;
	const char *keys;          /* the keys line; NULL: Enter lưu … */
};

void form_init(struct form *fm, const char *title);
struct field *form_text(struct form *fm, const char *label, const char *value,
			size_t max_bytes);
/* choice -1: none made (shown as "chưa chọn", its value ""); Space or →
 * then picks the first, ← the last. */
struct field *form_choice(struct form *fm, const char *label,
			  const char *const *choices, int n, int choice);
/* Runs the form, filled first from the draft d when not NULL (what was
 * typed before the link dropped counts as typed); true when saved. When
 * the terminal hangs up with something typed, it is kept as a draft. */
bool form_run(struct app *a, struct form *fm, const struct draft *d);
/* The input method every text field starts with (a->ime), from the
 * config's `input =`; a value it does not know is said on the message
 * line. Ctrl-T in any field changes it for every field until changed. */
void form_input_setup(struct app *a);
/* From a form's save: shows why in the form and asks question on the
 * message line (confirm); true on y. */
bool form_ask(struct app *a, struct form *fm, const char *why, const char *question);
void form_free(struct form *fm);
/* The text of a field, NFC, newly allocated. */
char *form_value(const struct form *fm, int i);

#endif
