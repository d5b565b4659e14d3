/* The program's forms and edits outside the tabs' own: a value for an
 * indicator, the plan's target, a task (add, edit, delete), a long note in
 * $EDITOR; reopening a draft left by a dropped connection. A draft, when
 * given, fills the form it belongs to. */
#ifndef NTM_TUI_FORMS_H
#define NTM_TUI_FORMS_H

#include "draft.h"
#include "ntm/store.h"

struct app;
struct form;

/* What a target form saves: cleared when its first field was left
 * empty, else the comparison and value typed. */
struct target_entry {
	const struct store_indicator_ref *ref;
	int version;                 /* of the target the form showed */
	bool clear;
	enum ntm_cmp cmp;
	double value;
};

/* A target form (the plan's, the national one): field 0 is the target,
 * more adds the form's other fields (NULL: none); write writes t and says
 * so on the message line (NTM_OK, else why in e, and the form stays). */
struct target_form {
	const char *title, *label, *now, *aside;
	int version;
	const char *kind;            /* of its drafts */
	int (*write)(struct app *a, struct form *fm, const struct target_entry *t,
		     struct ntm_error *e);
	void (*more)(struct form *fm, const struct store_indicator *x);
};
void form_target(struct app *a, const struct store_indicator *x,
		 const struct target_form *tf, const struct draft *d);

void form_indicator_value(struct app *a, const struct store_indicator *x,
			  const struct draft *d);
void form_indicator_target(struct app *a, const struct store_indicator *x,
			   const struct draft *d);
void form_task(struct app *a, const struct store_task *t, const char *sector,
	       const struct draft *d);
void task_delete(struct app *a, const struct store_task *t);
void note_in_editor(struct app *a, const struct store_task *t);
void item_note_in_editor(struct app *a, const struct store_item *it);
/* Ticks a checklist item as done on a day the officer types (work
 * finished earlier), today by default. */
void form_item_done_on(struct app *a, const struct store_item *it,
		       const char *village_phrase, const struct draft *d);
/* At start: offers the draft waiting for this user, reopening its form. */
void forms_offer_draft(struct app *a);

#endif
