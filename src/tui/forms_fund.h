/* The forms of tab Vốn: an entry of money (received, paid, work
 * completed), a task's planned capital from one source, its total cost,
 * and the reversal of an entry. Each names its task by number in the plan
 * in use (prefilled from the selection), keeps what was typed as a draft
 * when the session ends with it open, and is reopened from that draft. */
#ifndef NTM_TUI_FORMS_FUND_H
#define NTM_TUI_FORMS_FUND_H

#include <stdbool.h>
#include <stddef.h>

#include "draft.h"
#include "ntm/store.h"

struct app;

enum fund_form { FFORM_ENTRY, FFORM_PLAN, FFORM_COST, FFORM_COUNT };

/* Runs the form kind for task number (0: the field starts empty); filled
 * from the draft d when not NULL. */
void form_fund(struct app *a, enum fund_form kind, int number,
	       const struct draft *d);
/* Asks the reason (required) and reverses entry x. */
void form_fund_reverse(struct app *a, const struct store_fund_entry *x,
		       const struct draft *d);
/* A draft of one of these forms: opens it on tab Vốn and returns true;
 * false when the draft is of another kind (or its entry is gone). */
bool forms_fund_reopen(struct app *a, const struct draft *d);
/* In tab_fund.c: the tab's index, or -1. */
int fund_tab(struct app *a);
/* In tab_fund.c: a task's money in one line ("Vốn: kế hoạch 1,5 tỷ · đã
 * chi 800 tr · nợ 200 tr"), "" when it has none. */
void fund_task_line(const struct store_fund_task *m, char *buf, size_t size);
/* The question before deleting task t: "Xóa nhiệm vụ “…”?", naming its
 * money when it has some (entries and planned capital, with its debt). */
void fund_delete_question(struct app *a, const struct store_task *t, char *buf,
			  size_t size);

#endif
