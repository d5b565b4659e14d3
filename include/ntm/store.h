/* store — the only module that speaks SQL. Opens and migrates the database,
 * loads the built-in data, answers queries scoped to one commune, and runs
 * every change as one audited transaction per user action. It never prompts
 * and never prints: failures come back as an ntm_error.
 *
 * This one header is the store's public face, one section per entity, each
 * named with the source file that implements it; nothing is declared twice.
 *
 * Rules shared by every edit below:
 * - One call is one user action (audit.c's store_action_run): one
 *   transaction, its audit rows, undone as a whole by store_undo. A call
 *   that changes nothing succeeds and writes no action at all:
 *   store_my_last_action() stays as it was.
 * - Conflicts: every editable row has a `version`; an edit names the version
 *   its caller read and is refused (NTM_FAIL) naming who changed the row and
 *   when if it moved on. STORE_ANY_VERSION skips the check: the command line
 *   passes it where one call reads and writes (ntm target, ntm village
 *   rename), so nothing it shows can be stale. Measurements are append-only
 *   (added, retracted, never edited): their token is the id of the latest
 *   value seen (store_measurement_add_checked).
 * - The domain's rules (task statuses, dates of measurements, …) are the
 *   model's and are enforced here, whoever calls. */
#ifndef NTM_STORE_H
#define NTM_STORE_H

#include <stdbool.h>

#include "ntm/arena.h"
#include "ntm/error.h"
#include "ntm/model.h"

#define STORE_SCHEMA_VERSION 9
#define STORE_ID_LEN 33          /* 32 hex digits and a NUL */
#define STORE_ANY_VERSION (-1)   /* an edit that checks no version */

struct store;

struct store_options {
	bool read_only;       /* asked for by the user */
	const char *person;   /* the configured name, may be NULL */
	int busy_ms;          /* 0: the default, 5000 */
};

/* ==== opening (db.c) ======================================================= */

/* Today's date in local time, YYYY-MM-DD: the default date of a record. */
void store_today(char out[11]);

/* ---- opening ------------------------------------------------------------ */

/* While a write waits for another process's lock (up to the busy
 * timeout), fn is called every few milliseconds with the time waited so
 * far (first: the first call of this wait); it returns true to go on
 * waiting, false to give up, the write then failing with nothing written
 * and a message that says so. fn NULL: just wait. */
typedef bool (*store_wait_fn)(void *ctx, int waited_ms, bool first);
void store_set_wait(struct store *st, store_wait_fn fn, void *ctx);

/* Opens an existing ntm database, migrating it if older (after a backup
 * beside it). Falls back to read-only when the OS does not allow writing. */
int store_open(struct store **out, const char *path,
	       const struct store_options *opt, struct ntm_error *e);

/* Creates a new database at path (which must not exist): the built-in
 * criteria and template, plus the commune of Việt Hưng with its villages
 * and the plan document `plan` (io_plan_builtin(); NULL: no plan),
 * imported unaudited, unless `empty`, in which case one commune named
 * `commune` is created. */
struct ntm_plan_doc;
int store_create(const char *path, bool empty, const char *commune,
		 const struct ntm_plan_doc *plan, struct ntm_error *e);

/* Creates an empty file for the level above at path: the built-in
 * criteria and template, a district unit (under a province unit when
 * province is given; a province alone when district is NULL), and no
 * commune: communes join by ntm sync apply. */
int store_create_district(const char *path, const char *district,
			  const char *province, struct ntm_error *e);

/* NTM_OK when no other process has the database at path open (a file
 * about to be replaced by ntm init --force), else NTM_FAIL saying so. */
int store_file_in_use(const char *path, struct ntm_error *e);
/* True once the file this store opened was replaced or removed (another
 * ntm init --force): the store then refuses every write. */
bool store_file_replaced(struct store *st);

void store_close(struct store *st);
bool store_read_only(const struct store *st);
/* Why the store is read-only (a Vietnamese phrase), or NULL. */
const char *store_read_only_reason(const struct store *st);

/* PRAGMA data_version: changes when another connection (a colleague, a
 * script) commits to the file; a screen polls it to stay current. */
int store_data_version(struct store *st);

/* ==== indicators and measurements (indicator.c) ============================ */

struct store_indicator_ref {
	char id[STORE_ID_LEN];
	char code[32];
	char name[512];
	enum ntm_kind kind;
	enum ntm_cmp cmp;           /* the national comparator */
};

/* Finds an indicator by code, case-insensitively; an unknown code gets a
 * message naming the nearest codes. */
int store_indicator_find(struct store *st, const char *code,
			 struct store_indicator_ref *out, struct ntm_error *e);

/* A measurement's date is the model's (model_measurement_date): a real
 * date, not in the future (NTM_USAGE otherwise); NULL is today. */
int store_measurement_add(struct store *st, const struct store_indicator_ref *ind,
			  double value, const char *as_of, const char *note,
			  struct ntm_error *e);
/* Retracts the latest measurement (an audited delete). */
int store_measurement_retract(struct store *st,
			      const struct store_indicator_ref *ind,
			      struct ntm_error *e);
/* The same, only if the latest measurement is still expected_latest_id
 * (what the person saw and confirmed), checked in the same transaction;
 * else NTM_FAIL naming who recorded a newer value or retracted it. */
int store_measurement_retract_checked(struct store *st,
				      const struct store_indicator_ref *ind,
				      const char *expected_latest_id,
				      struct ntm_error *e);
/* The id of the indicator's current measurement in the commune (greatest
 * as_of, then seq), or *id = NULL when it has none. */
int store_latest_measurement(struct store *st, const char *indicator_id,
			     struct arena *a, const char **id,
			     struct ntm_error *e);
/* NTM_OK when the indicator's latest measurement is still
 * expected_latest_id (NULL: there was none), else NTM_FAIL naming who
 * recorded a newer value or retracted it. */
int store_measurement_expect_latest(struct store *st,
				    const struct store_indicator_ref *ind,
				    const char *expected_latest_id,
				    struct ntm_error *e);
/* Records a value only if the indicator's latest measurement is still
 * `expected_latest_id` (NULL: there was none), checked in the same
 * transaction: a colleague's newer value is never hidden. */
int store_measurement_add_checked(struct store *st,
				  const struct store_indicator_ref *ind,
				  const char *expected_latest_id, double value,
				  const char *as_of, const char *note,
				  struct ntm_error *e);

/* One recorded value of an indicator. */
struct store_value {
	char id[STORE_ID_LEN];
	double value;
	const char *as_of, *note, *recorded_by, *recorded_at;
	/* store_history_all only: retracted (an audited delete), by whom
	 * ("person" or the OS user) and on which local date (YYYY-MM-DD) */
	bool retracted;
	const char *retracted_by, *retracted_on;
};

/* The latest `limit` values of an indicator in the commune, newest first
 * (by as_of, then order of recording). */
int store_history(struct store *st, const char *indicator_id, int limit,
		  struct arena *a, struct store_value **out, int *n,
		  struct ntm_error *e);
/* Every value of an indicator in the commune, newest first as above,
 * the retracted ones too (read from their audit rows, marked retracted). */
int store_history_all(struct store *st, const char *indicator_id,
		      struct arena *a, struct store_value **out, int *n,
		      struct ntm_error *e);

/* ==== the commune and its plan, the plan's targets (plan.c) ================= */

/* Picks the commune every query is scoped to: by name (exact, then folded,
 * aliases too), or the only one when name is NULL; its plan in use is the
 * one remembered by store_plan_remember, else its newest (by year, then
 * issue date). */
int store_use_commune(struct store *st, const char *name, struct ntm_error *e);
/* The names of the file's communes, in Vietnamese order (in a). */
int store_communes(struct store *st, struct arena *a, const char ***names,
		   int *n, struct ntm_error *e);

/* The same, by the commune's id (two communes of a province may share a
 * name); an id that is no commune is NTM_FAIL. */
int store_use_commune_id(struct store *st, const char *id,
			 struct ntm_error *e);

/* ==== the level above: every commune of the file (district.c) ============= */

/* The most criteria a row keeps the status of (the national set has 19). */
#define STORE_DISTRICT_CRITERIA 32

/* One commune as the level above follows it: its plan in use, its gauges
 * (the same rules as its own Tổng quan), and its newest data. */
/* Sums of money: of the plan, of a source, a sector or a task. */
struct store_fund_sums {
	long long planned, received, paid, completed;
	long long debt;         /* model_money_debt(completed, paid), summed
	                         * task by task (one task's overpayment never
	                         * hides another's debt) */
};

struct store_commune_row {
	char id[STORE_ID_LEN];
	const char *name, *info;
	char plan_id[STORE_ID_LEN]; /* its plan in use; "": none */
	const char *plan_number;    /* NULL: the commune has no plan */
	int plan_year;
	struct ntm_gauge criteria;  /* đạt / in its set */
	struct ntm_gauge indicators;
	struct ntm_gauge tasks;     /* done / all, of its plan in use */
	int overdue;                /* tasks past due today, not done */
	struct ntm_gauge villages;  /* meeting the checklist / all */
	const char *updated_at;     /* its newest audit row, UTC ISO, else
	                             * received_at; NULL */
	const char *received_at;    /* its last sync file applied here */
	const char *updated_by;     /* who wrote it (person, else OS user) */
	int ncrit;                  /* criteria of its set, numbers 1..ncrit */
	unsigned char crit[STORE_DISTRICT_CRITERIA]; /* enum ntm_status */
	struct store_fund_sums fund; /* its plan in use's money */
	/* Its plan's tasks by sector: one per store_district.sectors. */
	struct store_sector_tasks {
		struct ntm_gauge tasks;     /* done / all */
		int overdue;
	} *sectors;
};

/* A sector (a tab) as the district's rows count their tasks by it. */
struct store_district_sector {
	char id[STORE_ID_LEN];
	const char *code, *name;    /* name: the tab's short name */
};

struct store_district {
	const char *name;           /* the district's or province's; NULL */
	const char *level;          /* "huyen", "tinh", NULL: communes only */
	struct store_commune_row *rows; /* in Vietnamese order of names */
	int n;
	struct store_district_sector *sectors;  /* in the tabs' order */
	int nsectors;
};

/* The name of the commune in use, NULL when none is (a file of several
 * communes, none chosen). */
const char *store_commune_in_use(const struct store *st);

/* True when the file is the level above's own (it has a district or
 * province unit: ntm init --district): communes join it by ntm sync, and
 * their data is only read there (merged, conflicts settled). */
bool store_is_above(struct store *st);

/* True when the file is kept by the level above: it has a district or
 * province unit (ntm init --district), or more than one commune. */
bool store_is_district(struct store *st);
/* Every commune of the file, read in one snapshot by a few queries over
 * all communes (not commune by commune: 300 communes in tens of
 * milliseconds); strings in a. A file with no commune gives n == 0. The
 * commune in use is unchanged. */
int store_district_load(struct store *st, struct arena *a,
			struct store_district *out, struct ntm_error *e);

/* Sets or (clear) removes the current plan's target for an indicator.
 * expected_version is store_indicator.target_version as read (0: none was
 * set), or STORE_ANY_VERSION. Setting the same target writes nothing;
 * clearing none is refused. */
int store_target_set(struct store *st, const struct store_indicator_ref *ind,
		     int expected_version, enum ntm_cmp cmp, double value,
		     struct ntm_error *e);
int store_target_clear(struct store *st, const struct store_indicator_ref *ind,
		       int expected_version, struct ntm_error *e);

/* ==== plans of the commune (plans.c) ======================================= */

/* A commune has plans of any year, each one (year, number) once; tasks,
 * plan targets and plan-own indicators belong to a plan, measurements
 * never do (years compare). Tasks, targets, the report and search always
 * read the plan in use (store_plan_select). */
struct store_plan {
	char id[STORE_ID_LEN];
	const char *number;          /* "32/KH-UBND" */
	int year;
	const char *issued_on;       /* YYYY-MM-DD, or NULL */
	const char *title, *signer;  /* signer may be NULL */
	const char *criteria_set;    /* the code of the set it follows: "ntm" */
	const char *criteria_set_name;
	int version;                 /* give it back to edit/remove */
	bool current;                /* shown by default: remembered, else newest */
	bool in_use;                 /* the one this store reads now */
	int tasks_total, tasks_done;
};

/* Every plan of the commune, newest first (year, then issue date). */
int store_plans(struct store *st, struct arena *a, struct store_plan **out,
		int *n, struct ntm_error *e);
/* The plan in use; NTM_OK with out->id[0] == '\0' when the commune has
 * none. A plan removed meanwhile (by a colleague, by undoing its copy)
 * gives way to the default, read from then on: call it after every
 * reload. */
int store_plan_in_use(struct store *st, struct arena *a,
		      struct store_plan *out, struct ntm_error *e);
/* A plan of the commune named as a person types it: a year ("2024") or a
 * number ("32/KH-UBND", case and spaces ignored); or by its id. A year with several
 * plans is refused naming them; an unknown one names the plans there are
 * (or says the commune has none). */
int store_plan_find(struct store *st, const char *which, struct arena *a,
		    struct store_plan *out, struct ntm_error *e);
/* Reads another plan from now on (as store_plan_find names it); NULL goes
 * back to the default. Only this connection: nothing is written. */
int store_plan_select(struct store *st, const char *which,
		      struct ntm_error *e);
/* Makes a plan the commune's default in the file (ntm plan use) and reads
 * it; NULL forgets the choice (the newest again). A preference, neither
 * audited nor undone. */
int store_plan_remember(struct store *st, const char *which,
			struct ntm_error *e);

/* What a person gives for a plan. For edit, NULL (and year 0) leaves a
 * field as it is and "" clears signer or issued_on. number is one line
 * of up to 50 characters, title up to 500, signer a person's name;
 * issued_on takes 2024-03-12 or 12/3/2024 (a real date); year 2000..2100. */
struct store_plan_fields {
	int year;
	const char *number, *issued_on, *title, *signer;
	const char *criteria_set;    /* new only: a set's code; NULL: "ntm" */
};

/* A new empty plan (no tasks, no targets) of the commune; year, number
 * and title are required. The same year and number (compared folded) as
 * a plan the commune has is refused naming it. new_id may be NULL. */
int store_plan_new(struct store *st, const struct store_plan_fields *f,
		   char new_id[STORE_ID_LEN], struct ntm_error *e);
/* Next year's plan from the plan `from` names (store_plan_find): its
 * criteria set, its plan targets and its own indicators (new rows of the
 * new plan, same codes) are copied; every task not hoàn thành is carried
 * over with its sector, title, responsible, detail, note, issue,
 * proposal, status and progress, numbered anew, and linked to the task it came from; its due
 * date was the old plan's and is not carried (the new plan sets its own). title
 * NULL: the old title with its year replaced by the new one. *carried
 * (may be NULL) gets the count of tasks carried over. One action. */
int store_plan_copy(struct store *st, const char *from,
		    const struct store_plan_fields *f, char new_id[STORE_ID_LEN],
		    int *carried, struct ntm_error *e);
/* Refused (NTM_FAIL, naming who changed it) when the plan is no longer at
 * expected_version (STORE_ANY_VERSION: any). */
int store_plan_edit(struct store *st, const char *plan_id, int expected_version,
		    const struct store_plan_fields *f, struct ntm_error *e);
/* Removes a plan with its tasks, targets and own indicators (measurements
 * of those go too, as ON DELETE CASCADE says). Refused while it has tasks
 * unless force, saying how many. The store then reads the default plan. */
int store_plan_remove(struct store *st, const char *plan_id,
		      int expected_version, bool force, struct ntm_error *e);

/* ---- a whole plan as data (plandoc.c) ---- */

struct ntm_plan_doc;
struct store_import_summary {
	int tasks, targets, own;      /* what was (or would be) created */
	char plan_id[STORE_ID_LEN];   /* the new plan ("" on a dry run) */
};
/* Creates the plan d describes in the commune, all or nothing, as one
 * audited action (verb plan.import); dry_run checks everything and writes
 * nothing. Refusals name `file` and the line (d's line fields): "TỆP:12:
 * lĩnh vực “Giao thong” không có; …" — an unknown sector, indicator or
 * criteria set, a commune other than the one in use, a duplicate plan, a
 * duplicate task number, a bad field (the store's usual limits). */
int store_plan_import(struct store *st, const struct ntm_plan_doc *d,
		      const char *file, bool dry_run,
		      struct store_import_summary *sum, struct ntm_error *e);
/* The plan (its id) as a document for the writer: sectors by their
 * names, tasks in the order shown (sector, then place), targets and own
 * indicators by code in the set's order; strings in a. */
int store_plan_read(struct store *st, const char *plan_id, struct arena *a,
		    struct ntm_plan_doc *out, struct ntm_error *e);

/* ---- sectors ---- */

/* A sector named by its code, its name or its short name (the tab's
 * label), accents, case and '_' optional ("giao thong", "Giao thông",
 * "giao_thong", "TT&TT"); *code gets its code (in a). An unknown one is
 * refused (NTM_USAGE) listing the sectors. */
int store_sector_find(struct store *st, const char *name, struct arena *a,
		      const char **code, struct ntm_error *e);

/* ==== the status report (report.c) ======================================== */

struct store_indicator {
	char id[STORE_ID_LEN];
	const char *code, *name, *unit_label, *source;
	bool verified, plan_own;
	int criterion;              /* the criterion's number */
	struct ntm_reading reading; /* targets and latest value */
	const char *as_of;          /* date of the latest value, or NULL */
	const char *note;
	enum ntm_status status;
	int target_version;         /* of the plan's target; 0: none set */
	const char *national_source; /* store_national_target_set's, or NULL */
	int version;                /* of the indicator row, for that call */
};

struct store_criterion {
	int number;
	const char *name, *group, *sector_code;
	int first, count;           /* its slice of the indicators */
	enum ntm_status status;
};

struct store_sector {
	const char *code, *name, *short_name;
	struct ntm_gauge indicators; /* đạt / all */
	struct ntm_gauge tasks;      /* done / all */
	int progress;                /* mean progress of tasks, % */
};

struct store_village {
	char id[STORE_ID_LEN];
	const char *name;
	struct ntm_gauge items;
	int version;                /* give it back to store_village_rename */
};

struct store_report {
	struct arena arena;
	const char *unit, *unit_info;
	const char *plan_number;    /* NULL when the commune has no plan */
	int plan_year;
	struct ntm_gauge criteria;  /* criteria đạt / in the set */
	struct ntm_gauge tasks;
	struct store_criterion *crit;
	int ncrit;
	struct store_indicator *ind;
	int nind;
	struct store_sector *sectors;
	int nsectors;
	struct store_village *villages;
	int nvillages;
};

int store_report_load(struct store *st, struct store_report *r,
		      struct ntm_error *e);
/* One indicator of the commune as the report shows it (its targets and
 * latest value in reading, its unit label, status), read by the report's
 * own query; strings in a. What model_implausible needs before a value is
 * recorded. An id that is no indicator of the set is NTM_FAIL. */
int store_indicator_get(struct store *st, const char *indicator_id,
			struct arena *a, struct store_indicator *out,
			struct ntm_error *e);
void store_report_free(struct store_report *r);

/* ==== the written report (reportdoc.c) ===================================== */

/* Everything the written report holds (reportdoc.h), for the commune and
 * plan in use, read in one snapshot; strings in a. as_of (values recorded
 * up to that date; overdue as of it) is ISO or 12/3/2024, NULL: today;
 * since (start of the period: the value "đầu kỳ" and the changes listed)
 * likewise, NULL: 1 January of the plan's year (of as_of's year without a
 * plan). A bad date, a date in the future or since after as_of is refused
 * (NTM_USAGE) in Vietnamese. A commune without a plan gives a report
 * without tasks (head.plan_number NULL); nothing is ever written. */
struct ntm_report_doc;
int store_report_doc(struct store *st, const char *as_of, const char *since,
		     struct arena *a, struct ntm_report_doc *out,
		     struct ntm_error *e);

/* ==== criteria sets (criteria.c) ========================================== */

/* A plan follows a criteria set; every query of criteria and indicators
 * reads the set of the plan in use ("ntm" when the commune has none). */
struct store_criteria_set {
	const char *code, *name, *level, *source;
	int criteria, indicators, targets;  /* targets: national ones known */
	bool in_use;                        /* the plan in use follows it */
};
int store_criteria_sets(struct store *st, struct arena *a,
			struct store_criteria_set **out, int *n,
			struct ntm_error *e);
/* Creates the set d describes, all or nothing, one audited action
 * (criteria.import); dry_run only checks. An unknown sector or a set code
 * already present is refused as "FILE:LINE: …". Counts may be NULL. */
struct ntm_criteria_doc;
int store_criteria_import(struct store *st, const struct ntm_criteria_doc *d,
			  const char *file, bool dry_run, int *criteria,
			  int *indicators, struct ntm_error *e);
/* The national target of an indicator of the set in use, with the
 * decision it comes from (source: one line, required), one audited action
 * (criteria.target) checked against expected_version (store_indicator.
 * version, or STORE_ANY_VERSION); the same again writes nothing. A plan's
 * own target still wins. Clearing makes it unknown again. */
int store_national_target_set(struct store *st,
			      const struct store_indicator_ref *ind,
			      int expected_version, enum ntm_cmp cmp,
			      double value, const char *source,
			      struct ntm_error *e);
int store_national_target_clear(struct store *st,
				const struct store_indicator_ref *ind,
				int expected_version, struct ntm_error *e);

/* ==== tasks (task.c) ======================================================= */

/* Tasks of the commune's current plan; statuses are the model's
 * (enum ntm_task_status, stored as its ASCII code). */
struct store_task {
	char id[STORE_ID_LEN];
	int number;                  /* #N within its plan, never given twice */
	const char *sector_code, *title, *detail, *responsible, *due, *note;
	/* Its difficulties (vướng mắc) and the proposal that goes with them
	 * (đề xuất): note-like texts, NULL when empty. */
	const char *issue, *proposal;
	/* Carried over (store_plan_copy): the earlier plan's number and the
	 * task's number there; NULL and 0 otherwise (or once that plan is
	 * removed). */
	const char *from_plan;
	int from_number;
	enum ntm_task_status status;
	int progress;                /* 0..100 */
	int version;                 /* give it back to update/delete */
	/* The latest audited change of this task: "Trần Bình (root)" and
	 * "09:14 29/11/2026" in local time; NULL when never edited in ntm. */
	const char *changed_by, *changed_at;
};

/* Ordered by sector, then by the task's place in its sector. */
int store_tasks(struct store *st, const char *sector_code /* NULL: all */,
		struct arena *a, struct store_task **out, int *n,
		struct ntm_error *e);
int store_task_get(struct store *st, const char *id, struct arena *a,
		   struct store_task *out, struct ntm_error *e);
/* The task #number of the plan in use; an unknown number is refused
 * (NTM_FAIL) saying so, and who removed it when ntm saw it go. */
int store_task_by_number(struct store *st, int number, struct arena *a,
			 struct store_task *out, struct ntm_error *e);

/* progress = STORE_PROGRESS_KEEP leaves it unchanged (0 for a new task):
 * set it explicitly, a zeroed struct means "progress 0". */
#define STORE_PROGRESS_KEEP (-1)

/* A NULL field is left unchanged (update) or takes its default (add);
 * "" clears responsible, due and note. title is required for add. Text
 * is stored NFC; spaces around title and responsible are dropped. due
 * accepts 2024-03-12 and 12/3/2024 and is stored as YYYY-MM-DD; status
 * is as model_task_status_read reads it; detail, issue (vướng mắc) and
 * proposal (đề xuất) are note-like texts ("" clears). Status and
 * progress follow the model's rule (model_task_reconcile): hoan_thanh
 * has progress 100 whatever was asked, progress 100 makes the task
 * hoan_thanh and progress above 0 makes chua_bat_dau dang_thuc_hien,
 * unless the edit chose that other status (a value the task did not
 * have; a new task has chua_bat_dau, 0) — refused with the reason.
 * Invalid fields are refused with NTM_USAGE, nothing written. */
struct store_task_edit {
	const char *title, *responsible, *due, *note, *status, *detail;
	int progress;                /* 0..100 or STORE_PROGRESS_KEEP */
	const char *issue, *proposal;
};

/* Appends a task to its sector (named as store_sector_find reads it; an
 * unknown one is refused with NTM_USAGE, listing the sectors) with the
 * plan's next number; new_id (may be NULL) receives its id. */
int store_task_add(struct store *st, const char *sector_code,
		   const struct store_task_edit *t, char new_id[STORE_ID_LEN],
		   struct ntm_error *e);
/* Both refuse (NTM_FAIL) when the task's version is no longer
 * expected_version or the task is gone, naming who changed it. An update
 * that changes nothing succeeds without writing an action. */
int store_task_update(struct store *st, const char *id, int expected_version,
		      const struct store_task_edit *t, struct ntm_error *e);
int store_task_delete(struct store *st, const char *id, int expected_version,
		      struct ntm_error *e);

/* ==== villages (village.c) ================================================= */

/* The commune's villages, in Vietnamese order, with their gauges. */
int store_villages(struct store *st, struct arena *a,
		   struct store_village **out, int *n, struct ntm_error *e);
/* Finds a village of the commune by name or alias (exact, then folded). */
int store_village_find(struct store *st, const char *name, struct arena *a,
		       struct store_village *out, struct ntm_error *e);
/* Adds a village with the template's items. A name another village
 * already has (or as alias) is refused; one that only looks like another
 * village's (the same model_village_key: "Thôn Cự Đình", "cu dinh" beside
 * "Cự Đình") is refused too (NTM_FAIL) unless force: it is most often
 * the same village typed again. */
int store_village_add(struct store *st, const char *name, bool force,
		      struct ntm_error *e);
/* The village of the commune (not self_id, which may be NULL) whose name
 * has the same model_village_key as name, or NULL; NULL too when a
 * village already has exactly that name or alias (refused as taken). */
const char *store_village_twin(struct store *st, const char *name,
			       const char *self_id, struct arena *a);
/* Another village of the commune whose name differs from this one's only
 * in marks or case ("thuc cau" beside "Thục Cầu"), or NULL: names that
 * differ in marks are distinct villages (Ba, Bà), so this is for a word of
 * warning after an add or a rename. */
const char *store_village_lookalike(struct store *st, const char *village_id,
				    struct arena *a);
/* Refused (NTM_FAIL, naming who changed it) when the village is no longer
 * at expected_version (STORE_ANY_VERSION: any); the old name stays as an
 * alias. The same name again writes nothing. */
int store_village_rename(struct store *st, const char *name,
			 int expected_version, const char *new_name,
			 struct ntm_error *e);
int store_village_alias(struct store *st, const char *name, const char *alias,
			struct ntm_error *e);

/* Removes a village (found by name, as store_village_find does). While it
 * has items and !force it is refused (NTM_FAIL) with their count; with
 * force, its items, aliases and itself go in one action. */
int store_village_remove(struct store *st, const char *name, bool force,
			 struct ntm_error *e);
/* The same, removing only if the village has exactly expected_items items
 * when the action runs (what the person confirmed; -1: any number): an
 * item a colleague added since the question is never deleted unseen. */
int store_village_remove_counted(struct store *st, const char *name,
				 int expected_items, struct ntm_error *e);
/* Appends, in template order, the template items the village lacks: those
 * whose template_id it has no item for and whose title no item of it
 * uses. *added (may be NULL) gets the count; 0 added is OK, no action. */
int store_village_apply_template(struct store *st, const char *village_id,
				 int *added, struct ntm_error *e);

/* Villages × template items. Percentages count the cells a village has
 * (done / not -1), as model_gauge_percent does: 0 when there are none. */
struct store_matrix {
	int nvillages, nitems;
	struct store_village *villages;         /* Vietnamese order */
	const char **titles;                    /* template items, template order */
	const char **template_ids;
	signed char *done;                      /* [v * nitems + i]: 1 done, 0 not, -1 the village lacks it */
	const char **item_ids;                  /* [v * nitems + i], NULL where -1 */
	struct ntm_gauge *row_gauge;            /* [v]: its template items done / has */
	struct ntm_gauge *col_gauge;            /* [i]: villages done / having it */
};
/* Read in one snapshot; everything lives in a. */
int store_matrix(struct store *st, struct arena *a, struct store_matrix *m,
		 struct ntm_error *e);

/* ==== village checklists (checklist.c) ===================================== */

struct store_item {
	char id[STORE_ID_LEN];
	int pos;                    /* 1-based position in the arranged order */
	const char *title;
	bool done;
	const char *done_on, *done_by, *note;
	bool from_template;
	int version;                /* give it back to retitle/set_note/delete */
	const char *template_id;    /* NULL: added by hand */
};

int store_checklist(struct store *st, const char *village_id, struct arena *a,
		    struct store_item **out, int *n, struct ntm_error *e);
int store_item_add(struct store *st, const char *village_id, const char *title,
		   struct ntm_error *e);
/* ITEM is as store_item_resolve reads it. set_done succeeds without
 * writing when the item is already so (the caller read it in the same
 * call); by id, store_item_tick audits both. date (done only; NULL:
 * today) is when the work was finished, as store_item_tick_on takes it. */
int store_item_set_done(struct store *st, const char *village_id,
			const char *item, bool done, const char *date,
			struct ntm_error *e);
int store_item_remove(struct store *st, const char *village_id,
		      const char *item, struct ntm_error *e);

/* Rules for every edit below: an item title is one line of 1..200
 * characters (NFC, no control characters, spaces around it dropped); two
 * items of one village never have the same title (compared exactly after
 * NFC; the refusal names the item and its number). A note may span lines,
 * up to 10 000 characters; "" (or blanks only) clears it. Each call is one
 * audited action, undone by store_undo. Reordering (move, insert in the
 * middle) changes ord only and does not bump version: version guards an item's content (title, note,
 * done), so an editor left open is not refused because a colleague
 * reordered the list. */

/* The item with this id, its pos being its place in its village's
 * arranged order. An item deleted meanwhile is refused (NTM_FAIL) naming
 * who deleted it. */
int store_item_get(struct store *st, const char *item_id, struct arena *a,
		   struct store_item *out, struct ntm_error *e);
/* ITEM as a person types it: a position ("3"), a title (exact after NFC,
 * else folded), or words that only one item's title has once folded
 * ("co so vat chat" for "Cơ sở vật chất (nhà văn hóa thôn)"); an unknown
 * one is refused, an ambiguous one naming the candidates. */
int store_item_resolve(struct store *st, const char *village_id,
		       const char *item, struct arena *a, struct store_item *out,
		       struct ntm_error *e);
/* Adds a hand-made item after position after_pos (0: first; -1 or more
 * than the count: last); new_id (may be NULL) receives its id. */
int store_item_insert(struct store *st, const char *village_id,
		      const char *title, int after_pos, char new_id[STORE_ID_LEN],
		      struct ntm_error *e);
/* Ticks (done: today, by the configured person, else the OS user) or
 * unticks. No version asked: two people ticking alike both succeed, and
 * the second still writes an audited action (a row whose before equals
 * its after; the first ticker's date and name stay). An item deleted
 * meanwhile is refused naming who deleted it. */
int store_item_tick(struct store *st, const char *item_id, bool done,
		    struct ntm_error *e);
/* The same, a done item dated `date` (2024-03-12 or 12/3/2024, not in the
 * future: the model's rules for a measurement's date, NTM_USAGE
 * otherwise) for work finished earlier; NULL is today. Ticking a done
 * item with another date changes its date. date is ignored when
 * unticking. */
int store_item_tick_on(struct store *st, const char *item_id, bool done,
		       const char *date, struct ntm_error *e);
/* These three refuse (NTM_FAIL) when the item is no longer at
 * expected_version or is gone, naming who changed or deleted it. */
int store_item_retitle(struct store *st, const char *item_id,
		       int expected_version, const char *title,
		       struct ntm_error *e);
int store_item_set_note(struct store *st, const char *item_id,
			int expected_version, const char *note /* "" clears */,
			struct ntm_error *e);
int store_item_delete(struct store *st, const char *item_id,
		      int expected_version, struct ntm_error *e);
/* Moves an item to position to_pos (1-based, clamped to 1..n) and numbers
 * the village's items 1..n, in one action. */
int store_item_move(struct store *st, const char *item_id, int to_pos,
		    struct ntm_error *e);

enum store_item_order { ITEMS_ARRANGED, ITEMS_BY_TITLE, ITEMS_UNDONE_FIRST };
/* Sorts a listing in place, stably; pos keeps each item's arranged
 * position, so sorting never changes the arrangement. By title is the
 * Vietnamese order (collate.h); undone first keeps the arranged order
 * within each group. */
void store_items_sort(struct store_item *items, int n, enum store_item_order o);

/* ==== search (search.c) ==================================================== */

enum store_hit_kind {
	HIT_TASK, HIT_INDICATOR, HIT_CRITERION, HIT_ITEM, HIT_NOTE,
};

struct store_hit {
	enum store_hit_kind kind;
	const char *where;          /* sector or village */
	const char *text;           /* as stored */
	const char *entity, *ref;   /* the row it comes from */
	bool exact;                 /* the query's diacritics match too */
};

/* Accent-insensitive full-text search over tasks, indicators, criteria,
 * checklist items and notes of the commune; hits whose diacritics match
 * the query exactly come first, then by relevance. A word ending in *
 * matches as a prefix. */
int store_search(struct store *st, const char *query, int limit,
		 struct arena *a, struct store_hit **out, int *n,
		 struct ntm_error *e);

/* ==== the audit trail and log, backup, check (audit.c, log.c) ============= */

/* Who made the latest audited change to row `id` of table `entity`:
 * *who is "person (os_user)" or "os_user", *when_local "HH:MM dd/mm/yyyy"
 * in local time (both in a); both NULL when no audit row names the row
 * (built-in data, or a change made outside ntm). */
int store_last_change(struct store *st, const char *entity, const char *id,
		      struct arena *a, const char **who, const char **when_local,
		      struct ntm_error *e);
/* The same for a message: "Trần Bình (root) <verb> lúc 09:14 29/11/2026",
 * or "<verb> ngoài ntm" when unknown. Never NULL. */
const char *store_last_change_text(struct store *st, const char *entity,
				   const char *id, const char *verb,
				   struct arena *a);

struct store_log_entry {
	const char *at;             /* UTC, ISO 8601 */
	const char *os_user, *person, *verb, *entity, *what, *changes;
	int more;                   /* further rows the same action wrote */
	/* An undo or redo in words, as store_action_describe gives it
	 * ("hoàn tác: thêm mục “Sân chơi” ở thôn Cự Đình"); NULL for
	 * other actions. */
	const char *described;
	const char *action_id;
	/* The first 8 digits of the copy the action was made on, when it
	 * came from another copy (ntm sync apply); NULL for this copy's own
	 * (and for what the copy this file was copied from did before). */
	const char *replica;
	/* Made on another copy and held back here: a conflict waits on it
	 * (ntm sync conflicts); this copy kept its own value meanwhile. */
	bool held;
	/* `changes`, before and after are in people's words already (only
	 * column names and enumerated values translated, user text never):
	 * changes "trạng thái: chưa bắt đầu → hoàn thành; tiến độ: 0% →
	 * 100%" or "+ 12.2 = 85% (ngày 30/06/2024)"; before and after the
	 * changed columns on each side ("trạng thái: chưa bắt đầu; tiến độ:
	 * 0%"), or the row inserted (before NULL) or deleted (after NULL)
	 * in a few words ("12.2 = 85% (ngày 30/06/2024)", a title, a name).
	 * Only the actions of the commune in use (and of shared data). */
	const char *before, *after;
};

/* The last `limit` user actions, newest first, one entry each. */
int store_log(struct store *st, int limit, struct arena *a,
	      struct store_log_entry **out, int *n, struct ntm_error *e);
/* One action in one line, in a: its verb and what it was about ("thêm
 * mục “Sân chơi” ở thôn Cự Đình", "ghi giá trị 12.2"); an undo or redo
 * names the action it undid, not the rows it wrote ("hoàn tác: thêm mục
 * “Sân chơi” ở thôn Cự Đình"), for a message after `u` and for the log.
 * An unknown action id is NTM_FAIL. */
int store_action_describe(struct store *st, const char *action_id,
			  struct arena *a, const char **text,
			  struct ntm_error *e);
/* Where the row an action was about lives, for a screen to go there: an
 * indicator (entity "indicator": a value or a target of it), a task with
 * its sector's code, a village ("unit") or an item ("checklist_item")
 * with its village. An unknown action id is NTM_FAIL. */
struct store_place {
	char entity[32];
	char id[STORE_ID_LEN];
	char sector_code[32];        /* a task's */
	char village_id[STORE_ID_LEN];
};
int store_action_place(struct store *st, const char *action_id,
		       struct store_place *out, struct ntm_error *e);
int store_backup(struct store *st, const char *path, struct ntm_error *e);
/* Integrity and foreign keys; problems are listed one per line in *report
 * (allocated in a), which is NULL when all is well. */
int store_check(struct store *st, struct arena *a, const char **report,
		struct ntm_error *e);

/* ==== undo (undo.c) ======================================================== */

/* The id of the last action this connection committed ("" when none):
 * what an undo stack should push after an edit (a colleague's action that
 * committed in between is never taken for one's own). An edit that changed
 * nothing leaves it as it was: compare it before and after an edit to know
 * whether to push. */
const char *store_my_last_action(const struct store *st);
/* The id of the most recent action in the audit log (greatest seq) made
 * on this copy, by anyone (not one received from another copy: ntm sync
 * apply); NTM_FAIL when there is none. */
int store_last_action(struct store *st, char action_id[STORE_ID_LEN],
		      struct ntm_error *e);
/* Undoes one action as a new audited action (verb "undo") whose id goes
 * to new_action_id; undoing that action redoes the first. Every row the
 * action touched must still be as the action left it, else nothing is
 * written and the message names who changed it since. Updated rows get
 * their earlier values back with version = current + 1; deleted rows come
 * back whole, with their old id. */
int store_undo(struct store *st, const char *action_id,
	       char new_action_id[STORE_ID_LEN], struct ntm_error *e);


/* ==== sync: copies that merge (sync.c, syncexport.c, syncapply.c,
 * syncconflict.c; the design is in doc/sync.md) ============================ */

struct ntm_sync_header;
struct ntm_sync_record;

/* This copy's replica id (32 hex digits). A copy of the file made by any
 * means (cp, ntm backup) is given a new one at its first write (an edit,
 * an export, a status, this call when writable): the file remembers its
 * device and inode; opening it writes nothing. */
const char *store_replica_id(struct store *st);

/* One origin and how far this copy has seen its changes. */
struct store_sync_origin {
	char replica[STORE_ID_LEN];
	long long seen;              /* its last change applied here */
	long long exported;          /* … and sent on by an export */
	const char *heard_at;        /* NULL, or when a file of it was applied
	                              * (UTC ISO) */
	bool self;                   /* this copy */
};
struct store_sync_status {
	char replica[STORE_ID_LEN];
	struct store_sync_origin *origins;   /* self first */
	int norigins;
	long long unexported;        /* changes not exported yet: made here,
	                              * or received here to pass on */
	const char *oldest_unexported;  /* UTC ISO of the oldest made here, NULL */
	const char *last_export;     /* UTC ISO, NULL: never */
	int conflicts;               /* waiting */
};
int store_sync_status(struct store *st, struct arena *a,
		      struct store_sync_status *out, struct ntm_error *e);

/* Options of an export. */
struct store_sync_export_opts {
	bool all;                    /* every change from the first */
};
/* Called once with the header, then once per record (header NULL); a
 * failure stops the export and is returned. */
typedef int store_sync_emit_fn(void *ctx, const struct ntm_sync_header *h,
			       const struct ntm_sync_record *r,
			       struct ntm_error *e);
/* Reads, in one snapshot, the changes the other copies have not seen
 * (those after what was last exported, and after what the copies heard
 * from have seen), or every change (all), and hands them to emit in the
 * order they were applied here. Writes nothing: once the file is safely
 * written, store_sync_exported(h) records it. */
int store_sync_export(struct store *st, const struct store_sync_export_opts *o,
		      store_sync_emit_fn *emit, void *ctx, struct ntm_error *e);
int store_sync_exported(struct store *st, const struct ntm_sync_header *h,
			struct ntm_error *e);

/* What applying one file did (or, dry_run, would do). */
struct store_sync_result {
	long long records;           /* in the file */
	long long applied;           /* new here */
	long long known;             /* seen already: skipped */
	long long rows;              /* rows written */
	int conflicts;               /* new conflicts waiting */
	int closed;                  /* conflicts settled by what came */
	int renumbered;              /* tasks given a new number (#N taken) */
	/* This file had been overwritten by an older backup: its changes made
	 * since were given a new replica id, and those the backup had lost
	 * came back with the file. */
	bool relabeled;
	const char *sender;          /* the sending replica's id */
	const char *sender_commune;  /* the commune the file says it is of */
	/* The file brought a commune this file did not have (an --all file
	 * applied to the level above's file): its name. NULL: none. */
	const char *joined;
	/* The file's commune was merged here into this one (ntm unit
	 * merge): its changes went to it, named here ("": not so). */
	char merged_into[256];
};
/* Merges the records of one file in ONE transaction: changes already
 * seen are skipped; a change whose origin had seen this copy's version of
 * a row is applied; one made without seeing it is a conflict, recorded
 * (this copy keeps its value) unless both sides agree. Refused with
 * nothing written (NTM_FAIL, Vietnamese): a newer format or schema,
 * another commune, changes missing before the file's first (an export
 * this copy never got). dry_run: everything, then rolled back. */
int store_sync_apply(struct store *st, const struct ntm_sync_header *h,
		     const struct ntm_sync_record *recs, long long n,
		     bool dry_run, struct store_sync_result *out,
		     struct ntm_error *e);

/* A conflict waiting for a person. */
struct store_sync_conflict {
	char id[STORE_ID_LEN];       /* short ids are accepted by resolve */
	int number;                  /* 1, 2, …: what people type */
	const char *entity;          /* table: "task", "checklist_item", … */
	const char *noun;            /* "nhiệm vụ", "mục", "thôn", … */
	const char *title;           /* the row in a few words */
	const char *where;           /* "ở thôn Cự Đình" for an item, or NULL */
	/* "edit", "delete", "unique", or "parent": their row hangs on a row
	 * that is not here (a task of a plan that waits itself) */
	const char *kind;
	/* Each side in people's words ("tiêu đề: …; tiến độ: 40%", or
	 * "(đã xoá)"), the fields that differ only. */
	const char *ours, *theirs;
	const char *ours_who, *ours_at;      /* at: UTC ISO */
	const char *theirs_who, *theirs_at;
	const char *theirs_replica;
	const char *detected_at;
	int version;                 /* of the conflict, for resolve */
};
int store_sync_conflicts(struct store *st, struct arena *a,
			 struct store_sync_conflict **out, int *n,
			 struct ntm_error *e);
int store_sync_conflict_count(struct store *st, int *n, struct ntm_error *e);
/* Settles one waiting conflict (id, its number, or a unique prefix of
 * its id) as one audited action (verb "resolve"): take_theirs writes
 * their side, else this copy's side stays; either way the decision is a
 * change that has seen both, and supersedes the conflict on every copy
 * it reaches. expected_version: STORE_ANY_VERSION or the version read.
 * Undone by store_undo (the conflict waits again). */
int store_sync_resolve(struct store *st, const char *id, bool take_theirs,
		       int expected_version, struct ntm_error *e);

/* ==== spreadsheets in (import.c) =========================================== */

/* What a row of an imported sheet is (the kinds, in the order an import
 * applies them) and the fields it may carry. */
enum store_row_kind {
	STORE_ROW_PLAN, STORE_ROW_TARGET, STORE_ROW_VALUE, STORE_ROW_TASK,
	STORE_ROW_ITEM, STORE_ROW_FUND, STORE_ROW_KINDS
};
enum store_field {
	SF_NUMBER, SF_YEAR, SF_ISSUED, SF_TITLE, SF_SIGNER,  /* plan */
	SF_CODE, SF_TARGET, SF_VALUE, SF_DATE, SF_NOTE,      /* targets, values */
	SF_IND_NAME, SF_KIND, SF_UNIT,       /* a plan's own indicator */
	SF_STT, SF_SECTOR, SF_RESPONSIBLE, SF_DUE, SF_STATUS, /* tasks */
	SF_PROGRESS, SF_ISSUE, SF_PROPOSAL,
	SF_VILLAGE, SF_ITEM, SF_DONE,                        /* checklists */
	SF_DETAIL,                           /* a task's Nội dung */
	SF_SOURCE, SF_AMOUNT, SF_DOC,        /* money (with SF_STT, SF_KIND…) */
	SF_COUNT
};
/* One row as written: f[field] NULL when the sheet has no such column,
 * "" for an empty cell (a task's empty cell keeps what the task has; an
 * item's empty Xong means not done). SF_TITLE is a plan's title or a
 * task's, SF_ITEM an item's; SF_DATE a value's date, an item's done
 * date or a money entry's date. A money row (STORE_ROW_FUND): SF_STT the
 * task's number, SF_TITLE its title (checked loosely), SF_KIND what it
 * is (tổng mức, kế hoạch vốn, or an entry's kind), SF_SOURCE, SF_AMOUNT,
 * SF_DATE, SF_DOC, SF_NOTE. */
struct store_import_row {
	enum store_row_kind kind;
	const char *f[SF_COUNT];
};
/* A refused row: its index in the batch, the field at fault (-1: the
 * row as a whole) and why, in Vietnamese. */
struct store_import_error {
	int row, field;
	const char *msg;
};
struct store_import_result {
	int plans, targets, values, tasks_added, tasks_updated;
	int villages, items_added, items_changed;
	/* money: total costs and planned capital set, entries added
	 * (reversing ones too) */
	int fund_costs, fund_plans, fund_entries;
	int same;                    /* rows already so: nothing to write */
	const char **changes;        /* one line per change, in order */
	int nchanges;
	struct store_import_error *errors;
	int nerrors;
	/* A plan the import added that is now the commune's default (the
	 * newest, none chosen by ntm plan use): "15/KH-UBND năm 2025", or
	 * NULL; status and the screens show it from now on. */
	const char *new_default;
};
/* Applies the rows to the commune in use, kind by kind (plan, targets,
 * values, tasks, checklists), in ONE audited action (verb import): every
 * row is checked by the rules of ntm set, the task and checklist
 * commands, and every refusal is collected in out->errors; any error
 * (or dry_run) writes nothing. A value already recorded (indicator,
 * date, value) is skipped; a task row updates the plan's task of its STT,
 * else the one of its sector with the same title, else adds one (with
 * that STT when free); an unknown village (none of that name, alias or
 * model_village_key) is added with no items but the file's, an unknown
 * item is appended. Targets and tasks go to the plan a
 * plan row names, else to the plan in use (none: refused). An
 * implausible value (model_implausible) is refused unless force. A
 * target row whose code the set lacks, with a name and a kind, adds the
 * plan's own indicator (as plan text's [Chỉ tiêu riêng] does). Money rows
 * (after the tasks, so they may name tasks the same import adds) set a
 * task's total cost or its planned capital from a source, or add an
 * entry by the rules of store_fund_add (payment beyond what was received
 * from the source refused unless force, counting earlier rows); an entry
 * already there (task, kind, source, amount, date, document number) is
 * skipped, and a negative amount is the reversal of a matching entry not
 * reversed yet (applied after the other money rows; Ghi chú its reason).
 * NTM_USAGE with e saying how many errors; strings in a. */
int store_import(struct store *st, const struct store_import_row *rows, int n,
		 bool dry_run, bool force, struct arena *a,
		 struct store_import_result *out, struct ntm_error *e);

/* ==== merged communes (unitmerge.c) ======================================== */

/* A name a merge changed to keep names unique in the merged commune: a
 * village (or a village's other name) whose name another village there
 * has (compared as model_village_key compares them), or a plan whose year
 * and number another plan there has (folded, blanks ignored). The moving
 * one gets " (OLD)" appended, OLD its old commune's name. */
enum store_merge_kind { MERGE_VILLAGE, MERGE_VILLAGE_ALIAS, MERGE_PLAN };
struct store_merge_rename {
	enum store_merge_kind kind;
	const char *commune;         /* the old commune it came from */
	const char *from, *to;
	int year;                    /* a plan's */
};
struct store_merge_result {
	const char *into;            /* the merged commune's name */
	bool created;                /* made by the merge */
	const char **from;           /* the old communes, as named in the file */
	int nfrom;
	int villages, items, plans, tasks, values, aliases;
	int actions;                 /* of their history (ntm log), moved */
	struct store_merge_rename *renames;
	int nrenames;
	/* Codes of indicators with values from more than one of the communes
	 * (the merged one included when it existed): the latest (as_of, seq)
	 * counts now, from whichever commune it came; worth checking. */
	const char **mixed;
	int nmixed;
};
/* Merges the communes named olds (as --unit names them: exact, folded,
 * other names) into the commune `into`: an existing one, else a new
 * commune of that name with the parent and info of the first old one.
 * Every record moves, in ONE audited action (verb unit.merge, undone by
 * store_undo): villages with their checklists, plans with their tasks,
 * targets and own indicators, measurements, other names; the history
 * (audit.unit_id) follows, so ntm log of the merged commune shows it.
 * Each old commune's row then goes and its name becomes another name of
 * the merged one. Refused (NTM_FAIL, nothing written) naming the name: an
 * unknown or ambiguous one, one that is no commune, one given twice, an
 * old one that is also `into`. dry_run: everything, then rolled back.
 * The commune in use, when merged, becomes the merged one. Strings in a. */
int store_unit_merge(struct store *st, const char *const *olds, int nold,
		     const char *into, bool dry_run, struct arena *a,
		     struct store_merge_result *out, struct ntm_error *e);
/* After store_undo (undo_id: the undo's own action) undid a merge, or
 * redid one: puts the history rows (audit.unit_id) of the communes back
 * with the communes their rows belong to now. Call it in the undo's
 * transaction; any other undo is left alone. */
int store_unit_merge_history(struct store *st, const char *undo_id,
			     struct ntm_error *e);

/* ==== money (fund.c, fundread.c) ===========================================
 * The money of the plan in use's tasks: a task's total cost (tổng mức,
 * dự toán), its planned capital by source (kế hoạch vốn), and dated
 * entries of money received, paid out (giải ngân) and work completed
 * (giá trị khối lượng hoàn thành). Amounts are whole đồng, never negative
 * as typed (model_money_parse); an entry is corrected by a reversing
 * entry (store_fund_reverse) or undone. Every write is one audited,
 * undoable action, and refused on the level above's file. */

/* A source of capital (Ngân sách tỉnh…), data people extend. */
struct store_fund_source {
	char id[STORE_ID_LEN];
	const char *code, *name;
	int ord, version;
};
/* Every source, in their order. */
int store_fund_sources(struct store *st, struct arena *a,
		       struct store_fund_source **out, int *n,
		       struct ntm_error *e);
/* The source named by code or name, accents, case and '_' optional
 * ("ngan sach tinh", "ns_tinh", "tỉnh" when it names one source alone);
 * an unknown or ambiguous one is refused (NTM_USAGE) naming the nearest
 * and listing the sources. */
int store_fund_source_find(struct store *st, const char *name, struct arena *a,
			   struct store_fund_source *out, struct ntm_error *e);
/* Adds a source (a name, not one there already by its folded form);
 * new_id (may be NULL) receives its id. */
int store_fund_source_add(struct store *st, const char *name,
			  char new_id[STORE_ID_LEN], struct ntm_error *e);

/* One entry. amount is negative only on a reversing entry. */
struct store_fund_entry {
	char id[STORE_ID_LEN];
	char task_id[STORE_ID_LEN];
	int task_number;
	const char *task_title;
	enum ntm_fund_kind kind;
	const char *source_code, *source_name;  /* NULL: no source given */
	long long amount;
	const char *on_date;                    /* YYYY-MM-DD */
	const char *doc, *note;                 /* NULL when empty */
	/* A reversing entry: the id of the entry it corrects; an entry
	 * corrected: the id of the reversing one. NULL otherwise. */
	const char *reverses, *reversed_by;
	const char *recorded_by, *recorded_at;  /* who, and when (local,
	                                         * "09:14 29/11/2026") */
	int version;
};
/* Entries of one task (task_id) or of every task of the plan in use
 * (NULL), by date, then by when recorded. */
int store_fund_entries(struct store *st, const char *task_id, struct arena *a,
		       struct store_fund_entry **out, int *n,
		       struct ntm_error *e);
/* The entry whose id starts with prefix (at least 4 hex digits, as lists
 * show 8) among the plan in use's; unknown or ambiguous: refused. */
int store_fund_entry_find(struct store *st, const char *prefix,
			  struct arena *a, struct store_fund_entry *out,
			  struct ntm_error *e);

/* A line of the summary: key is a source's code, a sector's code, or a
 * task's number as text; label its name ("#5 Cứng hoá đường…" for a
 * task). */
struct store_fund_line {
	const char *key, *label;
	struct store_fund_sums sums;
	long long cost;         /* tasks: its total cost; -1 when not set */
	int task_number;        /* tasks: #N; else 0 */
	const char *sector_code, *sector_name;  /* tasks: its sector */
	char task_id[STORE_ID_LEN];
	int task_version;       /* tasks: give it to store_fund_cost_set */
};
struct store_fund_summary {
	struct store_fund_sums total;
	/* Debt left on the works of the commune's earlier plans (of an
	 * earlier year than the plan in use), counted task by task: the
	 * commune still owes it (paid from those plans' lines). */
	long long earlier_debt;
	long long cost;         /* sum of the tasks' total costs set */
	int ntasks;             /* tasks with any money (cost, plan, entry) */
	/* Every source (those with nothing too), every sector with money,
	 * and the tasks with money, greatest debt first, then by number. */
	struct store_fund_line *by_source, *by_sector, *by_task;
	int nsource, nsector, ntask;
};
/* The plan in use's money (zeros and no task without a plan). */
int store_fund_summary(struct store *st, struct arena *a,
		       struct store_fund_summary *out, struct ntm_error *e);
/* The same with only the entries dated up to the day upto (ISO; NULL:
 * all), for a report as of that day; planned capital and total costs
 * are not dated, so they are as they stand. */
int store_fund_summary_upto(struct store *st, const char *upto,
			    struct arena *a, struct store_fund_summary *out,
			    struct ntm_error *e);

/* A task's planned capital from one source. */
struct store_fund_planned {
	const char *source_code, *source_name;
	long long amount;
	int version;            /* give it back to set/clear */
};
/* One task's money: its sums, total cost (-1: not set), planned capital
 * by source and entries (newest last). */
struct store_fund_task {
	struct store_fund_sums sums;
	long long cost;
	int task_version;
	struct store_fund_planned *planned;
	int nplanned;
	struct store_fund_entry *entries;
	int nentries;
};
int store_fund_task(struct store *st, const char *task_id, struct arena *a,
		    struct store_fund_task *out, struct ntm_error *e);

/* Sets the capital task_id plans from source (named as
 * store_fund_source_find reads it) to amount (>= 0). expected_version:
 * the planned row's version as read, 0 when it had none,
 * STORE_ANY_VERSION from the command line; a row changed meanwhile is
 * refused naming who changed it. The same amount writes nothing. */
int store_fund_plan_set(struct store *st, const char *task_id,
			const char *source, long long amount,
			int expected_version, struct ntm_error *e);
/* Removes it (refused when there is none). */
int store_fund_plan_clear(struct store *st, const char *task_id,
			  const char *source, int expected_version,
			  struct ntm_error *e);
/* Sets a task's total cost (cost < 0 clears it); expected_version is
 * the task's. */
int store_fund_cost_set(struct store *st, const char *task_id,
			int expected_version, long long cost,
			struct ntm_error *e);

/* A new entry. */
struct store_fund_new {
	const char *task_id;
	enum ntm_fund_kind kind;
	const char *source;     /* as typed; required but for completed */
	long long amount;       /* > 0 */
	const char *on_date;    /* as typed (store_clean_date's forms);
	                         * NULL or "": today */
	const char *doc, *note; /* may be NULL */
	bool force;             /* record a payment beyond what was received */
	/* A reversing entry: the id (or the first 4+ digits) of the entry it
	 * corrects; its task, kind, source and amount are then the entry's
	 * (those above are ignored), note is the reason (required), on_date
	 * may not be before the entry's. Reversing money received below what
	 * was paid from it warns as a payment beyond it does. */
	const char *reverses;
};
/* Whether paying amount from source on task_id would pay out more than
 * that task received from that source: *warning (in a) says so, in
 * Vietnamese with the figures, else NULL. For the form's confirmation. */
int store_fund_overdraw(struct store *st, const struct store_fund_new *in,
			struct arena *a, const char **warning,
			struct ntm_error *e);
/* Records an entry: refused (NTM_USAGE) for an amount of 0 or less or
 * above NTM_MONEY_MAX, a date after today, no source for money received
 * or paid, an unknown source; refused (NTM_FAIL) with the warning above
 * unless force. new_id (may be NULL) receives its id. */
int store_fund_add(struct store *st, const struct store_fund_new *in,
		   char new_id[STORE_ID_LEN], struct ntm_error *e);
/* Corrects entry_id by a reversing entry dated today, with the reason
 * as its note: store_fund_add with .reverses (and not forced). Refused
 * for a reversing entry, an entry reversed already, or one gone. */
int store_fund_reverse(struct store *st, const char *entry_id,
		       const char *reason, char new_id[STORE_ID_LEN],
		       struct ntm_error *e);

/* ==== completion (complete.c) ============================================== */

/* What a word of a command line may be, for the shell's completion. */
enum store_word_kind {
	STORE_WORD_SECTOR,      /* sector codes: giao_thong */
	STORE_WORD_INDICATOR,   /* the commune's indicator codes: 2.1, 6.KH1 */
	STORE_WORD_VILLAGE,     /* the commune's villages, names as stored */
	STORE_WORD_PLAN,        /* its plans' numbers, and each year that has
	                         * one plan only, newest first */
	STORE_WORD_TASK,        /* the task numbers of the plan in use */
	STORE_WORD_TASK_OPEN,   /* those of its tasks not done (hoan_thanh) */
	STORE_WORD_SOURCE,      /* the codes of the sources of capital */
	STORE_WORD_COMMUNE,     /* the communes of the file */
};
/* The words of that kind (in a), in the order the program lists them; a
 * store with no commune picked (the level above's file) has none but
 * communes. Reads only: open the store read-only for it. */
int store_words(struct store *st, enum store_word_kind kind, struct arena *a,
		const char ***out, int *n, struct ntm_error *e);

#endif
