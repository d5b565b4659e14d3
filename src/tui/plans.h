/* The commune's plans in the full-screen program: the plan's name as the
 * headers show it, switching the plan every tab reads (tasks, gauges,
 * targets follow it), and the form that makes next year's plan from the
 * one in use, or a commune's first plan; its draft reopened. */
#ifndef NTM_TUI_PLANS_H
#define NTM_TUI_PLANS_H

#include <stdbool.h>
#include <stddef.h>

#include "draft.h"
#include "ntm/store.h"

struct app;

/* The plan's name in at most width columns, the longest that fits:
 * "Kế hoạch 32/KH-UBND năm 2024", "KH 32/KH-UBND năm 2024",
 * "KH 32/KH-UBND 2024", "KH 2024"; number NULL (no plan): "chưa có kế
 * hoạch", "chưa có KH". Its width, or 0 (out "") when none fits. */
int plans_name(const char *number, int year, int width, char *out, size_t size);
/* The same for the plan shown (a->rep); when another plan of the commune
 * has its year, the shortest form is its number ("15/KH-UBND"), so the
 * two can be told apart. */
int plans_shown_name(const struct app *a, int width, char *out, size_t size);
/* Reads the plan with this id from now on and reloads every tab, saying
 * which plan is shown; false (with the reason on the message line) when
 * it could not. */
bool plans_use(struct app *a, const char *plan_id);
/* Before a reload: a plan in use that is gone (an undone copy, a plan a
 * colleague removed) gives way to the commune's default plan, and that is
 * said (who removed it, what is shown now; a->plan_gone). */
void plans_check(struct app *a);
/* Key L: next year's plan made from the plan in use (store_plan_copy), or
 * the commune's first plan when it has none (store_plan_new); the new plan
 * is then shown. Filled from the draft d when not NULL. */
void form_plan(struct app *a, const struct draft *d);
/* A draft of that form: opens it and returns true; false for others. */
bool forms_plan_reopen(struct app *a, const struct draft *d);

#endif
