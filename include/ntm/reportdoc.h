/* reportdoc — the written report as data: everything `ntm report` and the
 * full-screen program's "Xuất báo cáo" put in a document, read by the
 * store in one snapshot (store_report_doc) and written by the io layer in
 * any format (io_report_write). Strings are UTF-8 NFC as stored, never
 * sanitised here: every writer makes them safe for its own format. Dates
 * are ISO (YYYY-MM-DD) unless said otherwise; writers show dd/mm/yyyy. */
#ifndef NTM_REPORTDOC_H
#define NTM_REPORTDOC_H

#include <stdbool.h>

#include "ntm/model.h"

/* 1. Header. */
struct ntm_report_head {
	const char *commune;          /* "Việt Hưng" */
	const char *commune_info;     /* district/province line, or NULL */
	const char *plan_number;      /* "32/KH-UBND"; NULL: the commune has no plan */
	const char *plan_title;
	const char *plan_issued_on;   /* ISO or NULL */
	const char *plan_signer;      /* or NULL */
	int plan_year;                /* 0 without a plan */
	/* The day the report is as of (ISO). It covers: the indicators'
	 * values (the latest dated on or before it), the checklist items
	 * (done only when ticked on or before it: done_on), the tasks'
	 * status and progress (reconstructed from the audit log: the
	 * image of the task's last change before the day's end, else the
	 * one before its first change after; a task added after it is
	 * left out, one never changed in ntm is as it is now), overdue
	 * (due before it, not done then), and the changes listed. Titles,
	 * people, dues, notes, villages and the plan are as they are now. */
	const char *as_of;
	const char *since;            /* start of the period (ISO): by default
				       * 1 January of the plan's year (of
				       * as_of's year without a plan, or when
				       * that would come after as_of) */
	const char *written_on;       /* today, ISO */
	const char *author;           /* the configured person, else the OS user */
};

/* 2. Summary. */
struct ntm_report_summary {
	struct ntm_gauge criteria;    /* criteria đạt / in the set (19) */
	struct ntm_gauge indicators;  /* indicators đạt / all */
	int tasks_total, tasks_done, tasks_doing, tasks_waiting, tasks_paused;
	int tasks_overdue;            /* not done, due before as_of */
	struct ntm_gauge villages;    /* villages with every item done (and at
				       * least one item) / all */
	struct ntm_gauge items;       /* checklist items done / all */
	int progress;                 /* the commune gauge, %: criteria đạt / all */
};

/* 3. Criteria and indicators. */
struct ntm_report_indicator {
	const char *code, *name, *unit_label;   /* unit_label may be NULL */
	enum ntm_kind kind;
	bool plan_own;                /* an indicator of the plan itself */
	struct ntm_target national;   /* national target; .set false: unknown */
	const char *national_source;  /* the decision it comes from, or NULL */
	struct ntm_target plan;       /* the plan's target, or .set false */
	bool has_start;               /* a value at the start of the period:
				       * the latest dated before since (one
				       * dated since itself is a change of
				       * the period, not its start) */
	double start;
	const char *start_on;         /* its date (ISO) */
	bool has_value;               /* the latest value dated on or before
				       * as_of (a later one is not counted) */
	double value;
	const char *value_on;         /* its date (ISO) */
	const char *note;             /* the value's source note, or NULL */
	enum ntm_status status;       /* of the latest value against the targets */
};

struct ntm_report_criterion {
	int number;
	const char *name;
	const char *group;            /* the criterion's group, or NULL */
	enum ntm_status status;
	struct ntm_gauge indicators;  /* its indicators đạt / all */
	int first, count;             /* its slice of doc->ind */
};

/* 4 and 7. Tasks by sector (sector order, then the task's place). A
 * commune without a plan has neither tasks nor sectors (nsectors 0); with
 * a plan every sector is listed, those without tasks too (count 0). */
struct ntm_report_task {
	int number;                   /* #N */
	const char *title, *responsible, *due /* ISO or NULL */;
	enum ntm_task_status status;
	int progress;                 /* 0..100 */
	bool overdue;                 /* as of the report's date, from the
				       * status then */
	const char *detail, *note;    /* or NULL */
	const char *issue;            /* vướng mắc, or NULL */
	const char *proposal;         /* đề xuất, or NULL */
};

struct ntm_report_sector {
	const char *code, *name, *short_name;
	struct ntm_gauge tasks;       /* done / all */
	int progress;                 /* mean progress of its tasks, % */
	int first, count;             /* its slice of doc->tasks */
};

/* 5. Villages toward khu dân cư NTM kiểu mẫu (Vietnamese order). */
struct ntm_report_village {
	const char *name;
	struct ntm_gauge items;       /* done / all */
	const char **missing;         /* titles of the items not done */
	int nmissing;
};

/* 6. Changes in the period, from the audit log, oldest first: one per
 * action written from since 00:00 to as_of 23:59:59 local time, in the
 * log's words (ntm log); at most 2000, the newest, the older ones counted
 * in changes_left_out. */
struct ntm_report_change {
	const char *day;              /* local date, ISO: the group */
	const char *time;             /* local "HH:MM" */
	const char *who;              /* "Trần Bình (root)" or the OS user */
	const char *what;             /* the action in words, as
				       * store_action_describe says it */
	/* What the row held before and after: the changed fields in
	 * people's words ("trạng thái: chưa bắt đầu; tiến độ: 0%" →
	 * "trạng thái: hoàn thành; tiến độ: 100%"; only column names and
	 * enumerated values translated, user text as typed; dates
	 * dd/mm/yyyy, bool values đạt/chưa đạt, ticks xong/chưa xong), or
	 * a row added (before NULL) or removed (after NULL) in a few words
	 * ("12.2 = 85% (ngày 30/06/2024)", a title, a name). */
	const char *before, *after;
};

/* 8. Money of the plan's works (huy động và giải ngân nguồn vốn, the
 * plan's III.4 and IV.2), from store_fund_summary_upto: the entries
 * (received, paid, completed) dated up to as_of; planned capital and
 * total costs are not dated, so they are as they stand when the report
 * is written. Amounts are whole đồng. */
struct ntm_report_money_sums {
	long long planned;            /* kế hoạch vốn */
	long long received;           /* vốn đã nhận */
	long long paid;               /* đã giải ngân */
	long long completed;          /* giá trị khối lượng hoàn thành */
	long long debt;               /* nợ đọng: model_money_debt, summed
				       * task by task */
};

struct ntm_report_money_line {
	const char *code;             /* the source's or sector's code; NULL
				       * for a task */
	const char *name;             /* its name; a task's title */
	int task_number;              /* a task: #N, else 0 */
	struct ntm_report_money_sums sums;
};

enum { NTM_REPORT_MAX_DEBTS = 10 };

struct ntm_report_money {
	bool has;                     /* any amount (a total cost, planned
				       * capital, an entry, an earlier plans'
				       * debt): false, no part */
	long long cost;               /* tổng mức đầu tư: the tasks' total
				       * costs set */
	struct ntm_report_money_sums total;
	int ntasks;                   /* tasks with any money */
	long long earlier_debt;       /* debt left on the works of the
				       * commune's earlier-year plans */
	/* The sources with any planned, received or paid money, in the
	 * sources' order; the sectors with money, in the sectors' order;
	 * the tasks with a debt, greatest first, at most
	 * NTM_REPORT_MAX_DEBTS (ndebts_all counts them all). */
	struct ntm_report_money_line *sources, *sectors, *debts;
	int nsources, nsectors, ndebts, ndebts_all;
};

struct ntm_report_doc {
	struct ntm_report_head head;
	struct ntm_report_summary sum;
	struct ntm_report_criterion *crit;
	int ncrit;
	struct ntm_report_indicator *ind;
	int nind;
	struct ntm_report_sector *sectors;
	int nsectors;
	struct ntm_report_task *tasks;
	int ntasks;
	struct ntm_report_village *villages;
	int nvillages;
	struct ntm_report_change *changes;
	int nchanges;
	int changes_left_out;         /* beyond the cap, counted not listed */
	struct ntm_report_money money;
};

#endif
