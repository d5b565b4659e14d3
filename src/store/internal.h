/* Shared by the files of src/store only. */
#ifndef NTM_STORE_INTERNAL_H
#define NTM_STORE_INTERNAL_H

/* Debian's libsqlite3 is built with the session extension (sync.c). */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <sys/types.h>
#include <time.h>

#include "ntm/store.h"

struct store {
	sqlite3 *db;
	char *path;
	const char *ro_reason;       /* NULL when writable */
	char commune_id[STORE_ID_LEN];
	char *commune_name;
	char *plan_id;               /* the commune's latest plan, or NULL */
	char *person;
	char my_action[STORE_ID_LEN];  /* this connection's last committed action */
	char pending_action[STORE_ID_LEN];
	char os_user[64];
	int busy_ms;
	/* Waiting for a lock (wait.c): the front end's say, since when, and
	 * whether it gave up (then the failure says so). */
	store_wait_fn wait_fn;
	void *wait_ctx;
	struct timespec wait_from;
	bool gave_up;
	/* A viewer reading the file as immutable (nobody had it open), the
	 * file's size and time then, and how often it was opened again. */
	bool immutable;
	struct timespec file_mtime;
	long long file_size;
	int reopened;
	/* The file opened (file.c): a different inode means it was replaced. */
	ino_t file_ino;
	dev_t file_dev;
	/* Sync (sync.c): this copy's replica id, the session recording the
	 * action under way, and rows it declares deleted without writing
	 * (a settled conflict), as a JSON array. */
	char replica[STORE_ID_LEN];
	char copied_from[STORE_ID_LEN];   /* the copy this file was made from */
	long long copied_upto;            /* … and how far it had seen itself */
	bool sync_copy;                   /* a copy not given its own id yet */
	struct store_stmt_cache *cache;   /* stmtcache.c */
	struct sqlite3_session *session;
	char *sync_extra;
};

/* Embedded SQL (build/gen/embedded.c). */
extern const char schema_v1_sql[], schema_v2_sql[], schema_v3_sql[],
	schema_v4_sql[], schema_v5_sql[], schema_v6_sql[], schema_v7_sql[], schema_v8_sql[],
	schema_v9_sql[],
	seed_base_sql[],
	seed_commune_viet_hung_sql[];

/* Reads the commune's default plan (plans.c): remembered, else newest;
 * none leaves st->plan_id NULL. */
int store_plan_load_default(struct store *st, struct ntm_error *e);
/* A number for a new task of the plan: wanted when no task of the plan
 * has it (an import's STT), else (or wanted 0) one more than any number
 * the plan ever gave (task_counter: a removed task's number is never
 * given again). The counter moves on either way. In the caller's
 * transaction. */
int store_task_take_number(struct store *st, const char *plan_id, int wanted,
			   int *out, struct ntm_error *e);

/* The id and code of the sector a person named by code, name or short
 * name (accents, case and '_' optional; task.c); an unknown one is
 * refused (NTM_USAGE) listing the sectors. */
int store_sector_lookup(struct store *st, const char *name, struct arena *a,
			const char **id, const char **code, struct ntm_error *e);
/* A new task's fields checked as store_task_add checks them (limits,
 * dates, status words, the model's status/progress rule), the task as it
 * would be stored in out (strings in a); NTM_USAGE with the reason. */
int store_task_check_new(struct arena *a, const struct store_task_edit *in,
			 struct store_task *out, struct ntm_error *e);

/* A plan's fields as given, checked (plans.c): NULL is "not given". */
struct store_plan_clean {
	int year;
	const char *number, *issued_on, *title, *signer, *set_id;
};
/* Checks the fields of in (creating: year, number and title required,
 * the criteria set found) by the rules of every plan. */
int store_plan_clean_fields(struct store *st, struct arena *a,
			    const struct store_plan_fields *in, bool creating,
			    struct store_plan_clean *out, struct ntm_error *e);
/* Refused (NTM_FAIL, naming it) when a plan of the commune other than
 * self_id (may be NULL) has this year and number (folded, spaces
 * ignored). */
int store_plan_unique(struct store *st, struct arena *a, const char *commune_id,
		      int year, const char *number, const char *self_id,
		      struct ntm_error *e);
/* The id of the criteria set with this code (case ignored; NULL: "ntm");
 * an unknown one is refused (NTM_USAGE) listing the sets. */
int store_criteria_set_find(struct store *st, const char *code,
			    struct arena *a, const char **id, struct ntm_error *e);

/* A fresh random 128-bit id as 32 lower-case hex digits (getrandom). */
void store_new_id(char out[STORE_ID_LEN]);

/* ---- waiting for a lock (wait.c) ---- */

/* The busy handler of the connection (instead of sqlite3_busy_timeout). */
void store_wait_install(struct store *st);
/* The failure of a write that found the file locked: given up, or waited
 * for busy_ms in vain. */
int store_busy_fail(struct store *st, struct ntm_error *e);

/* ---- the file as a whole (file.c) ---- */

/* True when the folder of path has almost no space left (under 256 KiB
 * for an ordinary user): an I/O error there is a full disk. */
bool store_disk_full(const char *path);
/* Permissions as the umask allows (SQLite's own default is 0644). */
void store_apply_umask(const char *path);
/* A new empty file "PATH.partial-XXXXXX" beside path (sqlite3_free it),
 * or NULL with errno set. */
char *store_temp_beside(const char *path);
/* Removes a database file and its -wal, -shm and -journal. */
void store_remove_db_files(const char *path);
/* Moves the finished file tmp to path unless something is there already
 * (EEXIST); 0 or an errno. */
int store_place(const char *tmp, const char *path);
/* Copies the open database into a new file at path, whole or not at all. */
int store_copy_to(sqlite3 *from, const char *path, struct ntm_error *e);
/* Remembers the inode of the open file; store_file_replaced() is true
 * once path names another file (or none). */
void store_remember_file(struct store *st);
/* Why SQLite failed (rc) on the file at path, in Vietnamese: a missing
 * folder, a folder one may not write, the OS error behind it, or what the
 * code means; SQLite's English only in parentheses for an unknown code.
 * db may be NULL. Written into buf (or a constant), returned. */
const char *store_file_reason(sqlite3 *db, int rc, const char *path,
			      char *buf, size_t size);

/* Turns an SQLite failure into a Vietnamese message; returns NTM_FAIL. */
int store_sql_fail(struct store *st, struct ntm_error *e, int rc);

/* Prepares sql; on failure fills e. */
int store_prepare(struct store *st, const char *sql, sqlite3_stmt **stmt,
		  struct ntm_error *e);

/* Runs a prepared statement to its end and finalizes it. */
int store_step_done(struct store *st, sqlite3_stmt *s, struct ntm_error *e);

/* Runs sql with text parameters ?1 and ?2 (NULL binds NULL; the
 * statement may use only ?1). */
int store_exec_text(struct store *st, const char *sql, const char *p1,
		    const char *p2, struct ntm_error *e);

/* Runs every statement of sql, ?1… bound to args (text, or a number
 * when is_num) where a statement uses them. */
struct store_arg {
	const char *text;
	long long num;
	bool is_num;
};
int store_exec_script(struct store *st, const char *sql,
		      const struct store_arg *args, int nargs,
		      struct ntm_error *e);

/* Binds text, NULL for a NULL pointer. */
void store_bind_text(sqlite3_stmt *s, int i, const char *text);
const char *store_col_text(sqlite3_stmt *s, int i);

/* The work of one user action, run inside its transaction: reads, checks
 * (versions, existence) and writes; NTM_OK or a failure with e filled. */
typedef int store_work_fn(struct store *st, void *ctx, struct ntm_error *e);

/* Runs one user action, the only way the store writes for a person:
 * BEGIN IMMEDIATE, the audit context (verb, who) in action_ctx, the work;
 * then a failure rolls back, a success that wrote no audit row rolls back
 * too and succeeds (no empty action, store_my_last_action() unchanged),
 * and anything else commits and becomes this connection's last action.
 * Whether something was written is read from the audit rows themselves,
 * so no work function can forget to say so. */
int store_action_run(struct store *st, enum ntm_verb verb, store_work_fn *work,
		     void *ctx, struct ntm_error *e);
/* Whether an action of verb may write here: refused (NTM_FAIL, the
 * reason) on a file opened to read, and on the level above's file but
 * for what the level above does itself. store_action_run asks it first;
 * a check that precedes a write (an overdraw warning) asks it too. */
int store_may_write(struct store *st, enum ntm_verb verb, struct ntm_error *e);
/* Copies what the -wal holds into the file (after a commit; never waits). */
void store_checkpoint(struct store *st);

/* The work of store_plan_import inside the caller's transaction, for the
 * commune commune_id: every check, then the rows (plandoc.c). The seed
 * calls it with no action under way, so nothing is audited. */
struct ntm_plan_doc;
int store_plan_import_into(struct store *st, const char *commune_id,
			   const struct ntm_plan_doc *d, const char *file,
			   struct store_import_summary *sum, struct ntm_error *e);

/* Creates the audit triggers for every edited table (in a migration). */
int store_audit_install(sqlite3 *db, char **errmsg);

/* The title a deleted row of `entity` had, from its audit row, or NULL
 * when ntm never saw it deleted. */
const char *store_deleted_title(struct store *st, const char *entity,
				const char *id, struct arena *a);

/* Creates the search index triggers and fills the index (a migration). */
int store_search_install(sqlite3 *db, char **errmsg);
/* Schema 6's generated parts: the audit triggers again (they name every
 * column), the audit rows' commune, and the index of a task's issue and
 * proposal. */
int store_schema6_install(sqlite3 *db, char **errmsg);
/* audit.unit_id of the rows already there, and the trigger that writes it
 * for every new audit row (part of schema 6). */
int store_audit_commune_install(sqlite3 *db, char **errmsg);
/* Schema 9's generated part: the audit triggers of the money tables, and
 * the trigger above again (it knows their rows' commune). */
int store_schema9_install(sqlite3 *db, char **errmsg);

/* Registers ntm_id(), ntm_fold(), ntm_place(), ntm_plan_key() and ntm_show() on a
 * connection. */
int store_register_functions(sqlite3 *db);

/* Validates text for storage (UTF-8, controls) and returns its NFC copy
 * in a, or NULL with e filled; `what` names the field in the message. */
const char *store_clean_text(struct arena *a, const char *s, bool multiline,
			     const char *what, struct ntm_error *e);

/* Characters (code points) in UTF-8 s. */
size_t store_chars(const char *s);
/* One line of text for storage: clean (store_clean_text), without
 * surrounding spaces, at most max characters; "" is allowed. */
/* The limits of text people type, one per kind, whoever calls. */
enum {
	STORE_MAX_NOTE = 10000,     /* every note: values, tasks, items */
	STORE_MAX_PERSON = 100,     /* a person's name (NTM_USER, name =) */
	STORE_MAX_PLACE = 100,      /* a commune or village name */
	STORE_MAX_PLAN_NUMBER = 50, /* "32/KH-UBND" */
	STORE_MAX_PLAN_TITLE = 500,
	STORE_MAX_TASK_TITLE = 300,
	STORE_MAX_RESPONSIBLE = 200,
	STORE_MAX_CODE = 30,        /* an indicator's code */
	STORE_MAX_INDICATOR = 500,  /* an indicator's name */
	STORE_MAX_UNIT_LABEL = 50,  /* "%", "triệu đồng/người/năm" */
};
/* A note (or a task's detail: `what` names it): several lines, NFC, at
 * most STORE_MAX_NOTE characters; blanks only is "" (no note). NULL with
 * e filled when refused. */
const char *store_clean_note(struct arena *a, const char *s, const char *what,
			     struct ntm_error *e);
const char *store_clean_line(struct arena *a, const char *s, int max,
			     const char *what, struct ntm_error *e);

/* A date a person typed (2024-03-12 or 12/3/2024; a real calendar
 * date) as YYYY-MM-DD, "" for "" (none), or NULL with e filled, `what`
 * naming the field. */
const char *store_clean_date(struct arena *a, const char *s, const char *what,
			     struct ntm_error *e);

/* A name among those looked up, and its distance to what was typed; of
 * is the unit's own name when name is one of its aliases, else NULL. */
struct store_candidate {
	const char *id, *name, *of;
	int dist;
};
/* "; gần giống: A, B (tên khác của C)" for the candidates closest to
 * query, or "". */
const char *store_nearest(struct arena *a, struct store_candidate *c, int n,
			  const char *query);

/* Name lookup shared by communes and villages: rows are (id, name, of)
 * from `sql` with ?1 bound to `param`, of being the unit's own name on
 * the rows of its aliases (NULL on its own). Exact NFC match wins, then a single
 * folded match; several folded matches or none are refused, naming them
 * or the nearest names; `what` says what was looked for ("thôn"). */
int store_find_name(struct store *st, const char *sql, const char *param,
		    const char *query, const char *what, struct arena *a,
		    char id[STORE_ID_LEN], const char **name, struct ntm_error *e);


/* ---- carried-over tasks (planread.c) ---- */

/* Where a task came from, read from three columns from col on: the
 * earlier plan's number and the task's number there (through the
 * carried_from link), then carried_from_text ("32/KH-UBND #5"), used
 * when the link finds nothing. NULL and 0 when neither says. */
void store_carried(sqlite3_stmt *s, int col, struct arena *a,
		   const char **plan, int *number);

/* ---- the log and the written report (log.c, report.c, reportdoc.c) ---- */

/* store_log over the audit rows written from from_at (included) to to_at
 * (excluded), UTC in the audit's format (store_audit_utc); from_at NULL:
 * every row. The newest `limit` actions (by time), newest first; only the
 * actions of the commune in use (SQL_AUDIT_MINE); *total (unless NULL)
 * counts all of them, those beyond the limit too. */
int store_log_period(struct store *st, int limit, const char *from_at,
		     const char *to_at, struct arena *a,
		     struct store_log_entry **out, int *n, int *total,
		     struct ntm_error *e);
/* The audit's UTC time ("2024-03-05T17:00:00.000Z") of midnight starting
 * the local day iso, plus `days`; "" for a bad day. */
void store_audit_utc(const char *iso, int days, char out[32]);
/* The commune id to filter the audit with (SQL_AUDIT_MINE): the commune
 * in use (in a file of one commune every row is its own or shared);
 * NULL, every commune's, when none is in use (the level above's file). */
const char *store_audit_commune(struct store *st);

/* The commune an audit row (alias prefix a, e.g. "a.": never "", the
 * subqueries read the audit too) belongs to, as an
 * SQL expression, from its entity: a value's unit; a plan's unit; a task,
 * a plan's target or a plan's own indicator through its plan; a checklist
 * item or an alias through its unit (a village's commune); a commune unit
 * itself, a village its parent. A row gone since is read from its latest
 * audit image. NULL: shared data (criteria sets, national targets,
 * templates, sectors), every commune's. */
#define SQL_PLAN_COMMUNE(p) \
	"coalesce((SELECT unit_id FROM plan WHERE id = " p "), (SELECT " \
	"json_extract(coalesce(after, before), '$.unit_id') FROM audit WHERE " \
	"entity = 'plan' AND entity_id = " p " ORDER BY seq DESC LIMIT 1))"
#define SQL_UNIT_COMMUNE(u) \
	"coalesce((SELECT CASE WHEN level = 'xa' THEN id ELSE parent_id END " \
	"FROM unit WHERE id = " u "), (SELECT CASE WHEN json_extract(" \
	"coalesce(after, before), '$.level') = 'xa' THEN entity_id ELSE " \
	"json_extract(coalesce(after, before), '$.parent_id') END FROM audit " \
	"WHERE entity = 'unit' AND entity_id = " u " ORDER BY seq DESC LIMIT 1))"
/* A task's commune, through its plan (a task gone since: its latest
 * audit image). */
#define SQL_TASK_COMMUNE(t) SQL_PLAN_COMMUNE("coalesce((SELECT plan_id FROM " \
	"task WHERE id = " t "), (SELECT json_extract(coalesce(after, before), " \
	"'$.plan_id') FROM audit WHERE entity = 'task' AND entity_id = " t \
	" ORDER BY seq DESC LIMIT 1))")
#define SQL_AUDIT_FIELD(a, f) \
	"json_extract(coalesce(" a "after, " a "before), '$." f "')"
#define SQL_AUDIT_COMMUNE(a) \
	"(CASE " a "entity " \
	"WHEN 'measurement' THEN " SQL_AUDIT_FIELD(a, "unit_id") " " \
	"WHEN 'plan' THEN " SQL_AUDIT_FIELD(a, "unit_id") " " \
	"WHEN 'task' THEN " SQL_PLAN_COMMUNE(SQL_AUDIT_FIELD(a, "plan_id")) " " \
	"WHEN 'plan_target' THEN " SQL_PLAN_COMMUNE(SQL_AUDIT_FIELD(a, "plan_id")) " " \
	"WHEN 'indicator' THEN " SQL_PLAN_COMMUNE(SQL_AUDIT_FIELD(a, "plan_id")) " " \
	"WHEN 'fund_plan' THEN " SQL_TASK_COMMUNE(SQL_AUDIT_FIELD(a, "task_id")) " " \
	"WHEN 'fund_entry' THEN " SQL_TASK_COMMUNE(SQL_AUDIT_FIELD(a, "task_id")) " " \
	"WHEN 'checklist_item' THEN " SQL_UNIT_COMMUNE(SQL_AUDIT_FIELD(a, "unit_id")) " " \
	"WHEN 'unit_alias' THEN " SQL_UNIT_COMMUNE(SQL_AUDIT_FIELD(a, "unit_id")) " " \
	"WHEN 'unit' THEN CASE WHEN " SQL_AUDIT_FIELD(a, "level") " = 'xa' THEN " \
	a "entity_id WHEN " SQL_AUDIT_FIELD(a, "level") " = 'thon' THEN " \
	SQL_AUDIT_FIELD(a, "parent_id") " END END)"
/* True for an audit row of the commune param (an SQL parameter) or of
 * shared data; audit.unit_id holds SQL_AUDIT_COMMUNE as it was when the
 * row was written (store_audit_commune_install). Two terms the planner
 * reads from the index audit_unit_at, each with its own range of time. */
/* The national target columns of indicator i as commune u reads them (a
 * join of sync_target nt on both): its own in the level above's file,
 * else the file's. */
#define SQL_NATIONAL_JOIN(i, u) \
	" LEFT JOIN sync_target nt ON nt.indicator_id = " i ".id AND " \
	"nt.unit_id = " u " "
#define SQL_NATIONAL(i, col) \
	"(CASE WHEN nt.unit_id IS NULL THEN " i "." col " ELSE nt." col " END)"

#define SQL_AUDIT_MINE(a, param) \
	"(" param " IS NULL OR " a "unit_id = " param " OR " a "unit_id IS NULL)"

/* A read in one snapshot: begin (a savepoint, a transaction of its own or
 * nested in the caller's), then end with the read's result rc; a failure
 * of either is an error of the store (NTM_FAIL in e). */
int store_snapshot_begin(struct store *st, struct ntm_error *e);
int store_snapshot_end(struct store *st, int rc, struct ntm_error *e);
/* The status report's parts, read in the caller's transaction, with the
 * values recorded up to the day upto (ISO; NULL: all); strings in a. */
int store_report_read(struct store *st, const char *upto, struct arena *a,
		      struct store_report *r, struct ntm_error *e);
/* The indicators of the set in use as the report reads them, each with
 * its latest value up to the day upto (NULL: the latest of all). */
int store_report_indicators(struct store *st, const char *upto,
			    struct arena *a, struct store_indicator **out,
			    int *n, struct ntm_error *e);

/* ---- criteria sets (criteria.c) ---- */

/* The id of the criteria set the plan ?N follows, as an SQL expression:
 * plan.set_id, else (no plan, a plan from before sets, a set undone) the
 * national set 'ntm'. Every query of criteria and indicators uses it. */
#define SQL_SET_OF_PLAN(n) \
	"coalesce((SELECT cs.id FROM plan p JOIN criteria_set cs ON cs.id = " \
	"p.set_id WHERE p.id = " n "), " \
	"(SELECT id FROM criteria_set WHERE code = 'ntm'))"


/* ---- villages (village.c), for an import ---- */

/* Adds the village `name` (clean already) with the template's items in
 * the caller's transaction, refused as store_village_add refuses (a name
 * taken; a look-alike unless force); id receives its id. */
int store_village_insert(struct store *st, struct arena *a, const char *name,
			 bool force, char id[STORE_ID_LEN], struct ntm_error *e);


/* ---- rows an import writes in its own action (import.c) ---- */

/* Inserts the plan f describes (checked by store_plan_clean_fields,
 * creating) into the commune, refused when it is not unique (plans.c). */
int store_plan_insert(struct store *st, struct arena *a,
		      const struct store_plan_clean *f, char id[STORE_ID_LEN],
		      struct ntm_error *e);
/* Records a value (date and note clean already) in the caller's
 * transaction (indicator.c). */
int store_measurement_insert(struct store *st, const char *indicator_id,
			     double value, const char *as_of, const char *note,
			     struct ntm_error *e);

/* ---- money (fund.c, importfund.c) ---- */

/* The id of the entry reversing entry x (an SQL expression): its id with
 * the halves swapped, the same on every copy, so that one entry reversed
 * on two copies apart meets as one row (a conflict if they differ), never
 * as two reversals. */
/* An amount a person gave: 0..NTM_MONEY_MAX, above 0 unless zero_ok;
 * NTM_USAGE with the model's reason otherwise. */
int store_fund_check_amount(long long v, bool zero_ok, struct ntm_error *e);

/* A money row (its JSON image img) in words: its task "#5 Cứng hóa…"
 * (a task removed since: from its latest audit image) and its source,
 * "#5 Cứng hóa… — Ngân sách tỉnh". */
#define SQL_TASK_LABEL(t) "coalesce((SELECT '#' || number || ' ' || title " \
	"FROM task WHERE id = " t "), (SELECT '#' || json_extract(coalesce(" \
	"after, before), '$.number') || ' ' || json_extract(coalesce(after, " \
	"before), '$.title') FROM audit WHERE entity = 'task' AND entity_id = " \
	t " ORDER BY seq DESC LIMIT 1))"
#define SQL_FUND_LABEL(img) "(" SQL_TASK_LABEL("json_extract(" img \
	", '$.task_id')") " || coalesce(' — ' || (SELECT name FROM fund_source " \
	"WHERE id = json_extract(" img ", '$.source_id')), ''))"

/* Whether the audit row a. (alias with its dot) was written by a change
 * that came from the copy origin: the log and a conflict's own side leave
 * those out (they came with the other side's file). */
#define SQL_AUDIT_FROM_COPY(a, origin) \
	"EXISTS (SELECT 1 FROM sync_change x WHERE x.action_id = " a \
	"action_id AND x.origin = " origin ")"
/* The sum of the money entries (alias prefix e: "" or "e.") of one kind
 * ('received', 'paid', 'completed'), 0 when none: every sum of money
 * reads them so. */
#define SQL_FUND_SUM(e, kind) "coalesce(sum(CASE " e "kind WHEN '" kind \
	"' THEN " e "amount END), 0)"

#define SQL_REVERSAL_ID(x) "(substr(" x ", 17) || substr(" x ", 1, 16))"

/* ---- sync (sync.c, syncapply.c, syncconflict.c) ---- */

/* The tables people edit: audited, and synced between copies. */
extern const char *const store_synced_tables[];
extern const int store_nsynced_tables;
/* A commune joining the level above's file (syncjoin.c): the snapshot an
 * --all export carries (in a), and taking it whole where the commune is
 * not yet (inside store_sync_apply's transaction). */
int store_sync_snapshot(struct store *st, struct arena *a, const char **json,
			size_t *len, struct ntm_error *e);
int store_sync_join(struct store *st, const struct ntm_sync_header *h,
		    struct store_sync_result *out, struct ntm_error *e);

/* True when table is one of them. */
bool store_table_synced(const char *table);
/* Schema 7's generated part: a fresh replica id for the file. */
int store_sync_install(sqlite3 *db, char **errmsg);
/* At open: reads the replica id, and notes (writing nothing) whether the
 * file is a copy (another device or inode than the one it recorded). */
int store_sync_open(struct store *st, struct ntm_error *e);
/* In a write transaction: a copy takes its own id (store_sync_claimed
 * once the transaction commits); store_sync_claim_now in a transaction
 * of its own (before an export, a status). */
int store_sync_claim(struct store *st, struct ntm_error *e);
void store_sync_claimed(struct store *st);
int store_sync_claim_now(struct store *st, struct ntm_error *e);
/* st->replica (and copied_from) read again from the file. */
void store_sync_reload_id(struct store *st);
/* Around the work of an action (audit.c): a session on the synced
 * tables; at the end, in the action's transaction, the changeset kept
 * as this copy's next change (nothing when it is empty and declares
 * nothing), the rows' last change, the audit rows' replica. */
int store_sync_capture_begin(struct store *st, struct ntm_error *e);
int store_sync_capture_end(struct store *st, const char *action_id,
			   struct ntm_error *e);
void store_sync_capture_abort(struct store *st);
/* Declares, in the action under way, that row id of entity is deleted
 * (a conflict settled for "deleted"): travels as a change with no data. */
int store_sync_declare_deleted(struct store *st, const char *entity,
			       const char *id, struct ntm_error *e);
/* Sets a row's dots: ?1 entity, ?2 row id, ?3 dots. */
extern const char store_sql_row_dots[];
/* "r:s,r:s": this copy's vector now (every origin and how far seen). */
char *store_sync_vector(struct store *st);
/* How far vector v (as above) has seen replica r; 0 when not at all. */
long long store_sync_vector_get(const char *v, const char *r);
/* Whether dots ("r:s,…": the changes a row holds) are all seen by v. */
bool store_sync_vector_covers(const char *v, const char *dots);
/* The fields that differ between two row images of entity, each side in
 * people's words (log.c): "tiêu đề: A; tiến độ: 40%"; with whole (two
 * rows, not two versions of one) or one image missing (NULL), each row
 * as a whole: every field people wrote. */
int store_images_in_words(struct store *st, const char *entity,
			  const char *ours, const char *theirs, bool whole,
			  struct arena *a, const char **ours_words,
			  const char **theirs_words);

/* ---- statements built from a table's columns (rowsql.c) ---- */

/* For undo and sync, which write rows of any edited table from their
 * JSON images (as the audit triggers make them). */
struct store_row_sql {
	const char *entity;
	const char *columns; /* ",id,name,…,": its columns */
	const char *image;   /* the row's JSON image; ?1 = id */
	const char *insert;  /* a row from an image ?1 */
	const char *update;  /* row ?2 set to image ?1, version + 1 */
	const char *remove;  /* row ?2 deleted */
	const char *children;  /* 1 when a row refers to row ?1 (a foreign
	                        * key of any table), else none; NULL: no table
	                        * refers to it */
	const char *repoint;   /* "UPDATE child SET col = ?2 WHERE col = ?1;"
	                        * for every such key (NULL: none) */
};
struct store_row_sqls {
	struct store_row_sql *t;
	size_t n, cap;
};
/* The statements of entity, built once into c (strings in a); an
 * unknown table is refused. */
int store_row_sql(struct store *st, struct arena *a, struct store_row_sqls *c,
		  const char *entity, const struct store_row_sql **out,
		  struct ntm_error *e);
/* "UPDATE entity SET … WHERE id = ?2" setting, from image ?1, only the
 * columns whose value differs from cur (an update trigger of a column
 * not changed, the search index's, does not fire); NULL when none does. */
const char *store_row_put(struct store *st, struct arena *a,
			  const struct store_row_sql *t, const char *cur,
			  const char *image);
/* Runs one of those statements (or a put; NULL: nothing to do) with the
 * image ?1 and the row's id ?2: NTM_OK, NTM_FAIL (e filled) when it cannot
 * be prepared, else SQLite's code (a constraint: the caller says why). */
int store_row_run(struct store *st, const char *sql, const char *image,
		  const char *id, struct ntm_error *e);
/* The row's current image (NULL: not there), in a. */
int store_row_image(struct store *st, struct arena *a,
		    const struct store_row_sql *t, const char *id,
		    const char **image, struct ntm_error *e);
/* Two images equal but for `version`. */
bool store_same_but_version(struct store *st, const char *x, const char *y);
/* Installs the audit triggers of one table (audit.c). */
int store_audit_install_table(sqlite3 *db, const char *table, char **errmsg);

/* What a message calls a row: a noun ("thôn") and a label ("Cự Đình"),
 * from its JSON image (undo.c). */
void store_describe_row(struct store *st, struct arena *a, const char *entity,
			const char *id, const char *image, const char **noun,
			const char **label);

/* The first 8 digits of replica (in a) when it is another copy's than
 * this one, and not the one it was copied from up to the copy (seq: the
 * change's number in its origin; 0: unknown), else NULL (sync.c). */
const char *store_other_replica(struct store *st, const char *replica,
				long long seq, struct arena *a);

/* ---- statements prepared once (stmtcache.c) ---- */

/* The statement of sql, prepared once per connection and reset for
 * reuse: never finalize it, and finish with it (reset, or
 * store_cached_done) before asking for the same text again. */
int store_cached(struct store *st, const char *sql, sqlite3_stmt **out,
		 struct ntm_error *e);
/* Steps it to its end and resets it. */
int store_cached_done(struct store *st, sqlite3_stmt *s, struct ntm_error *e);
void store_cache_free(struct store *st);

/* Tasks of this copy that share their number within a plan with a task
 * of smaller id get new numbers, in the caller's action (syncmerge.c);
 * *n counts them. */
int store_sync_renumber_losers(struct store *st, int *n, struct ntm_error *e);

/* The id of our row holding a unique key the image also has (a title
 * added on both sides), or NULL (syncapply.c). */
const char *store_sync_unique_holder(struct store *st, struct arena *a,
				     const char *entity, const char *image);

/* ---- a copy overwritten by an old backup (syncrestore.c) ---- */

struct ntm_sync_record;
/* Whether a record this copy knows by its number is the change it knows
 * (the same action id). */
bool store_sync_same_change(struct store *st, const struct ntm_sync_record *r);
/* This copy's own changes from s0 on (numbers another copy holds for
 * other changes: this file was overwritten by an older backup) move to a
 * new replica id, in the caller's transaction; st->replica is the new
 * id (read it again from the file if the transaction rolls back). */
int store_sync_relabel(struct store *st, long long s0, struct ntm_error *e);

#endif
