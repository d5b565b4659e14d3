/* Opening, creating and migrating the database file. */
#include "internal.h"
#include "msg.h"

#include <errno.h>
#include <libgen.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ntm/collate.h"
#include "ntm/text.h"

enum { DEFAULT_BUSY_MS = 5000 };

static const struct migration {
	int version;
	const char *sql;
	int (*then)(sqlite3 *db, char **errmsg);  /* generated parts */
} MIGRATIONS[] = {
	{1, schema_v1_sql, store_audit_install},
	{2, schema_v2_sql, store_search_install},
	{3, schema_v3_sql, NULL},
	{4, schema_v4_sql, NULL},
	{5, schema_v5_sql, store_audit_install},
	{6, schema_v6_sql, store_schema6_install},
	{7, schema_v7_sql, store_sync_install},
	{8, schema_v8_sql, NULL},
	{9, schema_v9_sql, store_schema9_install},
};

void
store_new_id(char out[STORE_ID_LEN])
{
	unsigned char raw[16];
	size_t got = 0;

	while (got < sizeof raw) {
		ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
		if (n < 0 && errno != EINTR)
			abort();    /* no entropy at all: nothing sane to do */
		if (n > 0)
			got += (size_t)n;
	}
	for (int i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
}

void
store_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* SQLite's result code, and the OS error behind it, as a Vietnamese
 * reason; SQLite's English only in parentheses for a code none of these
 * covers. */
static const char *
sql_reason(sqlite3 *db, int rc, char *buf, size_t size)
{
	int sys = db ? sqlite3_system_errno(db) : 0;
	const char *os = sys ? ntm_os_reason(sys) : NULL;
	switch (rc & 0xff) {
	case SQLITE_CANTOPEN: return os ? os : MSG_R_CANTOPEN;
	case SQLITE_IOERR: return os ? os : MSG_R_IO;
	case SQLITE_PERM: case SQLITE_AUTH: return MSG_R_PERM;
	case SQLITE_READONLY: return MSG_R_READONLY;
	case SQLITE_FULL: return MSG_R_FULL;
	case SQLITE_NOTADB: return MSG_R_NOTADB;
	case SQLITE_CORRUPT: return MSG_R_CORRUPT;
	case SQLITE_BUSY: case SQLITE_LOCKED: return MSG_R_BUSY;
	case SQLITE_NOMEM: return MSG_R_NOMEM;
	default:
		snprintf(buf, size, MSG_R_UNKNOWN, db && sqlite3_errcode(db) == rc
			 ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		return buf;
	}
}

const char *
store_file_reason(sqlite3 *db, int rc, const char *path, char *buf,
		  size_t size)
{
	char *copy = strdup(path ? path : "");
	const char *dir = copy ? dirname(copy) : ".";
	struct stat sb;
	const char *out = NULL;
	buf[0] = '\0';
	if ((rc & 0xff) == SQLITE_CANTOPEN && stat(path, &sb) != 0) {
		if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
			snprintf(buf, size, MSG_NO_FOLDER, dir);
		else if (access(dir, W_OK) != 0)
			snprintf(buf, size, MSG_R_FOLDER_PERM, dir);
		out = *buf ? buf : NULL;
	}
	free(copy);
	return out ? out : sql_reason(db, rc, buf, size);
}

int
store_sql_fail(struct store *st, struct ntm_error *e, int rc)
{
	int base = rc & 0xff;
	if (base == SQLITE_IOERR && st->path && store_disk_full(st->path))
		base = SQLITE_FULL;
	if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
		return store_busy_fail(st, e);
	if (base == SQLITE_FULL)
		return ntm_fail(e, NTM_FAIL, MSG_FULL);
	if (base == SQLITE_READONLY)
		return ntm_fail(e, NTM_FAIL, MSG_READ_ONLY,
				st->ro_reason ? st->ro_reason : MSG_RO_FILE);
	char why[512] = "";
	return ntm_fail(e, NTM_FAIL, MSG_SQL, st->path ? st->path : "?",
			store_file_reason(st->db, rc, st->path, why, sizeof why));
}

int
store_prepare(struct store *st, const char *sql, sqlite3_stmt **stmt,
	      struct ntm_error *e)
{
	int rc = sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL);
	return rc == SQLITE_OK ? NTM_OK : store_sql_fail(st, e, rc);
}

int
store_step_done(struct store *st, sqlite3_stmt *s, struct ntm_error *e)
{
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, rc);
}

int
store_exec_text(struct store *st, const char *sql, const char *p1,
		const char *p2, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, e))
		return NTM_FAIL;
	store_bind_text(s, 1, p1);
	if (sqlite3_bind_parameter_count(s) > 1)
		store_bind_text(s, 2, p2);
	return store_step_done(st, s, e);
}

int
store_exec_script(struct store *st, const char *sql,
		  const struct store_arg *args, int nargs, struct ntm_error *e)
{
	const char *tail = sql;
	while (tail && *tail) {
		sqlite3_stmt *s;
		int rc = sqlite3_prepare_v2(st->db, tail, -1, &s, &tail);
		if (rc != SQLITE_OK)
			return store_sql_fail(st, e, rc);
		if (!s)
			break;
		for (int i = 0; i < nargs; i++) {
			char name[16];
			snprintf(name, sizeof name, "?%d", i + 1);
			int at = sqlite3_bind_parameter_index(s, name);
			if (at > 0 && args[i].is_num)
				sqlite3_bind_int64(s, at, args[i].num);
			else if (at > 0)
				store_bind_text(s, at, args[i].text);
		}
		if (store_step_done(st, s, e))
			return NTM_FAIL;
	}
	return NTM_OK;
}

void
store_bind_text(sqlite3_stmt *s, int i, const char *text)
{
	if (text)
		sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

const char *
store_col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* ---- SQL functions -------------------------------------------------------- */

static void
fn_id(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc, (void)argv;
	char id[STORE_ID_LEN];
	store_new_id(id);
	sqlite3_result_text(ctx, id, -1, SQLITE_TRANSIENT);
}

static void
fn_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	char *f = text_fold(s);
	if (f)
		sqlite3_result_text(ctx, f, -1, free);
	else
		sqlite3_result_text(ctx, s, -1, SQLITE_TRANSIENT);
}

/* ntm_place(x), ntm_plan_key(x): the key a name is compared by, from
 * the model (model_place_key, model_plan_number_key: the user data). */
static void
fn_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char *(*key)(const char *) = (char *(*)(const char *))sqlite3_user_data(ctx);
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	char *k = s ? key(s) : NULL;
	if (k)
		sqlite3_result_text(ctx, k, -1, free);
	else
		sqlite3_result_null(ctx);
}

/* ntm_show(x): a number written the Vietnamese way (86,5), text as is. */
static void
fn_show(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int type = sqlite3_value_type(argv[0]);
	if (type == SQLITE_INTEGER || type == SQLITE_FLOAT) {
		char buf[64];
		model_format_value(NTM_KIND_NUMBER, sqlite3_value_double(argv[0]),
				   buf, sizeof buf);
		sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_result_value(ctx, argv[0]);
	}
}

static int
collation_vietnamese(void *data, int alen, const void *a, int blen, const void *b)
{
	(void)data;
	return collate_compare(a, (size_t)alen, b, (size_t)blen);
}

int
store_register_functions(sqlite3 *db)
{
	int rc = sqlite3_create_function(db, "ntm_id", 0, SQLITE_UTF8, NULL,
					 fn_id, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "ntm_fold", 1,
			SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
			NULL, fn_fold, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "ntm_place", 1,
			SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
			(void *)model_place_key, fn_key, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "ntm_plan_key", 1,
			SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
			(void *)model_plan_number_key, fn_key, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "ntm_show", 1,
			SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
			NULL, fn_show, NULL, NULL);
	/* Used in queries only, never declared on a column: a plain sqlite3
	 * shell must still be able to check the file. */
	if (rc == SQLITE_OK)
		rc = sqlite3_create_collation(db, "VIETNAMESE", SQLITE_UTF8, NULL,
					      collation_vietnamese);
	return rc;
}

/* ---- opening -------------------------------------------------------------- */

static int
check_path(const char *path, bool must_exist, struct ntm_error *e)
{
	struct stat sb;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return ntm_fail(e, NTM_FAIL, MSG_IS_DIR, path);
		if (!must_exist)
			return ntm_fail(e, NTM_FAIL, MSG_EXISTS, path);
		return NTM_OK;
	}
	char *copy = strdup(path);
	const char *dir = copy ? dirname(copy) : ".";
	int rc = NTM_OK;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		rc = ntm_fail(e, NTM_FAIL, MSG_NO_FOLDER, dir);
	else if (must_exist)
		rc = ntm_fail(e, NTM_FAIL, MSG_NO_FILE, path, path);
	free(copy);
	return rc;
}

/* Why the OS will not let us write, or NULL. */
static const char *
os_read_only_reason(const char *path)
{
	if (access(path, W_OK) != 0)
		return MSG_RO_FILE;
	char *copy = strdup(path);
	bool dir_ok = copy && access(dirname(copy), W_OK) == 0;
	free(copy);
	return dir_ok ? NULL : MSG_RO_FOLDER;
}

/* The OS user's login name into buf. A static binary (make static) cannot
 * use glibc's user database (its NSS modules are loaded at run time), so it
 * reads /etc/passwd itself, then the login's environment. */
static const char *
os_user_name(char *buf, size_t size)
{
#ifdef NTM_STATIC
	FILE *f = fopen("/etc/passwd", "r");
	char line[1024];
	unsigned long me = (unsigned long)geteuid();
	while (f && fgets(line, sizeof line, f)) {
		/* name:password:uid:… */
		char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
		char *end;
		if (!c2 || c1 == line)
			continue;
		unsigned long uid = strtoul(c2 + 1, &end, 10);
		if (end != c2 + 1 && *end == ':' && uid == me) {
			snprintf(buf, size, "%.*s", (int)(c1 - line), line);
			fclose(f);
			return buf;
		}
	}
	if (f)
		fclose(f);
	const char *name = getenv("LOGNAME");
	if (!name || !*name)
		name = getenv("USER");
	snprintf(buf, size, "%s", name && *name ? name : "?");
#else
	struct passwd *pw = getpwuid(geteuid());
	snprintf(buf, size, "%s", pw ? pw->pw_name : "?");
#endif
	return buf;
}

/* Who acts: the OS user, and the configured person's name (NTM_USER or
 * name = in the config), which goes into every audit row: one line of at
 * most STORE_MAX_PERSON characters. */
static int
fill_identity(struct store *st, const struct store_options *opt,
	      struct ntm_error *e)
{
	os_user_name(st->os_user, sizeof st->os_user);
	st->busy_ms = opt && opt->busy_ms > 0 ? opt->busy_ms : DEFAULT_BUSY_MS;
	if (!opt || !opt->person || !*opt->person)
		return NTM_OK;
	struct arena a = {0};
	const char *p = store_clean_line(&a, opt->person, STORE_MAX_PERSON,
					 WHAT_PERSON, e);
	if (p && *p)
		st->person = strdup(p);
	arena_free(&a);
	return p ? NTM_OK : NTM_FAIL;
}

static int
exec(struct store *st, const char *sql, struct ntm_error *e)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? NTM_OK : store_sql_fail(st, e, rc);
}

static int
int_query(struct store *st, const char *sql, int *out, struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, sql, &s, e))
		return NTM_FAIL;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? NTM_OK : store_sql_fail(st, e, rc);
}

static int
open_connection(struct store *st, bool ro, bool immutable, struct ntm_error *e)
{
	char *uri = sqlite3_mprintf("file:%s%s", st->path,
				    immutable ? "?immutable=1" : "");
	int flags = (ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		    SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW * 0;
	/* Escape URI specials in the file name by opening through a
	 * plain path when no parameter is needed. */
	int rc = immutable
		? sqlite3_open_v2(uri, &st->db, flags, NULL)
		: sqlite3_open_v2(st->path, &st->db, flags & ~SQLITE_OPEN_URI, NULL);
	sqlite3_free(uri);
	if (rc != SQLITE_OK) {
		char why[512] = "";
		ntm_fail(e, NTM_FAIL, MSG_CANT_OPEN, st->path,
			 store_file_reason(st->db, rc, st->path, why, sizeof why));
		sqlite3_close(st->db);
		st->db = NULL;
		return NTM_FAIL;
	}
	store_wait_install(st);          /* waits up to busy_ms */
	sqlite3_extended_result_codes(st->db, 1);
	store_register_functions(st->db);
	return NTM_OK;
}

/* A file whose making stopped half way (an ntm older than atomic
 * creation, killed during init): ntm's first tables, no version yet. */
static bool
half_made(struct store *st)
{
	int n = 0;
	return int_query(st, "SELECT count(*) FROM sqlite_master WHERE name IN "
			 "('unit', 'meta', 'audit')", &n, NULL) == NTM_OK && n > 0;
}

/* Reads the schema version; distinguishes "not SQLite", "not ours" and
 * "half made". */
static int
read_version(struct store *st, int *version, struct ntm_error *e)
{
	int tables = 0;
	int rc = sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_master",
			      NULL, NULL, NULL);
	if ((rc & 0xff) == SQLITE_NOTADB)
		return ntm_fail(e, NTM_FAIL, MSG_NOT_DB, st->path);
	if (rc != SQLITE_OK)
		return store_sql_fail(st, e, rc);
	if (int_query(st, "PRAGMA user_version", version, e) ||
	    int_query(st, "SELECT count(*) FROM sqlite_master", &tables, e))
		return NTM_FAIL;
	if (tables == 0 || (*version == 0 && half_made(st)))
		return ntm_fail(e, NTM_FAIL, MSG_HALF_MADE, st->path, st->path);
	if (*version == 0)
		return ntm_fail(e, NTM_FAIL, MSG_NOT_NTM, st->path);
	return NTM_OK;
}

static int
migrate(struct store *st, int from, struct ntm_error *e)
{
	if (from > 0) {
		char date[11];
		store_today(date);
		char *bak = sqlite3_mprintf("%s.bak-v%d-%s", st->path, from, date);
		struct ntm_error why = {0};
		int rc = store_copy_to(st->db, bak, &why);
		sqlite3_free(bak);
		if (rc != NTM_OK)
			return ntm_fail(e, NTM_FAIL, MSG_BACKUP_FAILED, why.msg);
	}
	for (size_t i = 0; i < sizeof MIGRATIONS / sizeof MIGRATIONS[0]; i++) {
		const struct migration *m = &MIGRATIONS[i];
		if (m->version <= from)
			continue;
		char *err = NULL, pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", m->version);
		if (exec(st, "BEGIN IMMEDIATE", e))
			return NTM_FAIL;
		int rc = sqlite3_exec(st->db, m->sql, NULL, NULL, &err);
		if (rc == SQLITE_OK && m->then)
			rc = m->then(st->db, &err);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(st->db, pragma, NULL, NULL, &err);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, &err);
		if (rc != SQLITE_OK) {
			char why[512] = "";
			ntm_fail(e, NTM_FAIL, MSG_MIGRATE, st->path, m->version,
				 store_file_reason(st->db, rc, st->path, why, sizeof why));
			sqlite3_free(err);
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return NTM_FAIL;
		}
	}
	return NTM_OK;
}

static int
set_pragmas(struct store *st, struct ntm_error *e)
{
	if (exec(st, "PRAGMA foreign_keys = ON", e))
		return NTM_FAIL;
	if (st->ro_reason)
		return NTM_OK;
	return exec(st, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", e);
}

/* The -wal or -shm file beside the database (nonempty: with content). */
static bool
sidecar(const char *path, const char *suffix, bool nonempty)
{
	char *side = sqlite3_mprintf("%s%s", path, suffix);
	struct stat sb;
	bool there = side && stat(side, &sb) == 0 && (!nonempty || sb.st_size > 0);
	sqlite3_free(side);
	return there;
}

/* No connection has the file open: no -shm, and no -wal holding changes. */
static bool
quiet_file(const char *path)
{
	return !sidecar(path, "-shm", false) && !sidecar(path, "-wal", true);
}

static void
remember_file(struct store *st)
{
	struct stat sb;
	if (stat(st->path, &sb) == 0) {
		st->file_mtime = sb.st_mtim;
		st->file_size = sb.st_size;
	}
}

/* A viewer never writes, not even the -wal and -shm files a WAL reader
 * makes: when no writer has the file open it is read as immutable, and
 * store_data_version() reopens it when a writer comes. Otherwise it
 * shares the writer's -wal and -shm. A reader that cannot use them (a
 * folder it cannot write, a full disk) falls back to immutable when no
 * -wal holds changes. */
static int
open_read_only(struct store *st, int *version, struct ntm_error *e)
{
	st->immutable = quiet_file(st->path);
	remember_file(st);
	if (open_connection(st, true, st->immutable, e))
		return NTM_FAIL;
	int rc = sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_master",
			      NULL, NULL, NULL);
	int base = rc & 0xff;
	bool cannot_share = base == SQLITE_READONLY || base == SQLITE_CANTOPEN ||
			    (base == SQLITE_IOERR && store_disk_full(st->path));
	if (!st->immutable && cannot_share) {
		if (sidecar(st->path, "-wal", true))
			return store_sql_fail(st, e, rc);
		sqlite3_close(st->db);
		st->db = NULL;
		st->immutable = true;
		if (open_connection(st, true, true, e))
			return NTM_FAIL;
	}
	return read_version(st, version, e);
}

/* With the disk full a WAL reader cannot grow its -shm file and every
 * read fails with an I/O error. A reader alone can keep its wal-index in
 * memory instead (exclusive locking mode, set before the first read): the
 * file opens for reading, and writes are refused as "đĩa đầy". */
static int
open_disk_full(struct store *st, int *version, struct ntm_error *e)
{
	sqlite3_close(st->db);
	st->db = NULL;
	if (open_connection(st, false, false, e) ||
	    exec(st, "PRAGMA locking_mode = EXCLUSIVE; PRAGMA query_only = 1", e) ||
	    read_version(st, version, e))
		return NTM_FAIL;
	st->ro_reason = MSG_RO_DISK_FULL;
	return NTM_OK;
}

static int
open_writable(struct store *st, int *version, struct ntm_error *e)
{
	if (open_connection(st, false, false, e))
		return NTM_FAIL;
	int rc = read_version(st, version, e);
	if (rc != NTM_OK && store_disk_full(st->path)) {
		struct ntm_error first = *e;
		rc = open_disk_full(st, version, e);
		if (rc != NTM_OK)
			*e = first;
	}
	return rc;
}

int
store_open(struct store **out, const char *path,
	   const struct store_options *opt, struct ntm_error *e)
{
	*out = NULL;
	if (check_path(path, true, e))
		return NTM_FAIL;
	struct store *st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		return ntm_fail(e, NTM_FAIL, "%s", text_problem_message(TEXT_NO_MEMORY));
	}
	if (fill_identity(st, opt, e)) {
		store_close(st);
		return NTM_FAIL;
	}
	st->ro_reason = opt && opt->read_only ? MSG_RO_ASKED : os_read_only_reason(path);

	int version = 0, rc;
	if (st->ro_reason)
		rc = open_read_only(st, &version, e);
	else
		rc = open_writable(st, &version, e);
	if (rc == NTM_OK && version > STORE_SCHEMA_VERSION)
		rc = ntm_fail(e, NTM_FAIL, MSG_NEWER, path, version,
			      STORE_SCHEMA_VERSION);
	if (rc == NTM_OK && version < STORE_SCHEMA_VERSION)
		rc = st->ro_reason
			? ntm_fail(e, NTM_FAIL, MSG_NEED_UPGRADE, path, STORE_SCHEMA_VERSION)
			: migrate(st, version, e);
	if (rc == NTM_OK)
		rc = set_pragmas(st, e);
	if (rc == NTM_OK)
		rc = store_sync_open(st, e);
	if (rc == NTM_OK)
		store_remember_file(st);
	if (rc != NTM_OK) {
		store_close(st);
		return NTM_FAIL;
	}
	*out = st;
	return NTM_OK;
}

void
store_close(struct store *st)
{
	if (!st)
		return;
	store_sync_capture_abort(st);
	store_cache_free(st);
	sqlite3_close(st->db);
	free(st->path);
	free(st->commune_name);
	free(st->plan_id);
	free(st->person);
	free(st);
}

/* An immutable viewer sees no change by itself: when the file changed
 * (a writer came and went: new size or time) or a writer holds it (its
 * -wal has content), open it again; the count moves on so the screen
 * reloads. */
static void
reopen_if_changed(struct store *st)
{
	struct stat sb;
	if (stat(st->path, &sb) != 0)
		return;
	bool changed = sb.st_size != st->file_size ||
		       sb.st_mtim.tv_sec != st->file_mtime.tv_sec ||
		       sb.st_mtim.tv_nsec != st->file_mtime.tv_nsec;
	if (!changed && !sidecar(st->path, "-wal", true))
		return;
	sqlite3 *old = st->db;
	bool was = st->immutable;
	st->db = NULL;
	st->immutable = quiet_file(st->path);
	remember_file(st);
	if (open_connection(st, true, st->immutable, NULL) != NTM_OK) {
		st->db = old;
		st->immutable = was;
		return;
	}
	store_cache_free(st);     /* statements of the old connection */
	sqlite3_close(old);
	st->reopened++;
}

int
store_data_version(struct store *st)
{
	if (st->immutable)
		reopen_if_changed(st);
	int v = 0;
	int_query(st, "PRAGMA data_version", &v, NULL);
	return v + (st->reopened << 20);
}

bool
store_read_only(const struct store *st)
{
	return st->ro_reason != NULL;
}

const char *
store_read_only_reason(const struct store *st)
{
	return st->ro_reason;
}

/* ---- creating ------------------------------------------------------------- */

/* The plan of the default file, imported unaudited into its only
 * commune (the one the seed SQL made). */
static int
seed_plan(struct store *st, const struct ntm_plan_doc *plan,
	  struct ntm_error *e)
{
	sqlite3_stmt *s;
	if (store_prepare(st, "SELECT id FROM unit WHERE level = 'xa' "
			  "ORDER BY ord LIMIT 1", &s, e))
		return NTM_FAIL;
	char id[STORE_ID_LEN] = "";
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(id, sizeof id, "%s", store_col_text(s, 0));
	sqlite3_finalize(s);
	return store_plan_import_into(st, id, plan, "plan-2024.txt", NULL, e);
}

/* What a new file starts with: the built-in commune and plan, one empty
 * commune, or (district set) the units of the level above. */
struct seed_args {
	bool empty;
	const char *commune;
	const struct ntm_plan_doc *plan;
	const char *district, *province;  /* cleaned; either may be NULL */
};

/* A unit of the level above: ?1 level, ?2 name, ?3 the province's level
 * as parent (NULL: none). */
static int
seed_unit(struct store *st, const char *level, const char *name,
	  const char *parent_level, struct ntm_error *e)
{
	sqlite3_stmt *s;
	int rc = store_prepare(st, "INSERT INTO unit(id, parent_id, level, name) "
			       "VALUES (ntm_id(), (SELECT id FROM unit WHERE "
			       "level = ?3), ?1, ?2)", &s, e);
	if (rc == NTM_OK) {
		store_bind_text(s, 1, level);
		store_bind_text(s, 2, name);
		store_bind_text(s, 3, parent_level);
		int r = sqlite3_step(s);
		rc = r == SQLITE_DONE ? NTM_OK : store_sql_fail(st, e, r);
		sqlite3_finalize(s);
	}
	return rc;
}

static int
seed(struct store *st, const struct seed_args *x, struct ntm_error *e)
{
	if (exec(st, "BEGIN IMMEDIATE", e))
		return NTM_FAIL;
	int rc = exec(st, seed_base_sql, e);
	if (rc == NTM_OK && (x->district || x->province)) {
		if (x->province)
			rc = seed_unit(st, "tinh", x->province, NULL, e);
		if (rc == NTM_OK && x->district)
			rc = seed_unit(st, "huyen", x->district, "tinh", e);
	} else if (rc == NTM_OK && !x->empty) {
		rc = exec(st, seed_commune_viet_hung_sql, e);
		if (rc == NTM_OK && x->plan)
			rc = seed_plan(st, x->plan, e);
	} else if (rc == NTM_OK) {
		rc = seed_unit(st, "xa", x->commune, NULL, e);
	}
	if (rc == NTM_OK)
		rc = exec(st, "INSERT INTO meta(key, value) VALUES "
			  "('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", e);
	if (rc == NTM_OK)
		return exec(st, "COMMIT", e);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return NTM_FAIL;
}

/* A place's name as the file keeps it (one clean line), strdup'ed; NULL
 * after saying why. */
static char *
clean_name(const char *given, struct ntm_error *e)
{
	struct arena a = {0};
	const char *clean = store_clean_line(&a, given, STORE_MAX_PLACE,
					     WHAT_NAME, e);
	char *name = clean && *clean ? strdup(clean) : NULL;
	arena_free(&a);
	if (!name && clean)
		ntm_fail(e, NTM_USAGE, MSG_EMPTY_NAME);
	return name;
}

static int create(const char *path, struct seed_args *x, struct ntm_error *e);

int
store_create(const char *path, bool empty, const char *commune,
	     const struct ntm_plan_doc *plan, struct ntm_error *e)
{
	char *name = clean_name(commune ? commune : MSG_DEFAULT_COMMUNE, e);
	if (!name)
		return NTM_USAGE;
	struct seed_args x = {.empty = empty, .commune = name, .plan = plan};
	int rc = create(path, &x, e);
	free(name);
	return rc;
}

int
store_create_district(const char *path, const char *district,
		      const char *province, struct ntm_error *e)
{
	char *d = district ? clean_name(district, e) : NULL;
	char *p = province && (d || !district) ? clean_name(province, e) : NULL;
	int rc = NTM_USAGE;
	if ((d || !district) && (p || !province) && (d || p)) {
		struct seed_args x = {.empty = true, .district = d, .province = p};
		rc = create(path, &x, e);
	} else if (!district && !province) {
		rc = ntm_fail(e, NTM_USAGE, MSG_EMPTY_NAME);
	}
	free(d);
	free(p);
	return rc;
}

static int
create(const char *path, struct seed_args *x, struct ntm_error *e)
{
	if (check_path(path, false, e))
		return NTM_FAIL;
	/* Made whole beside its place, then moved there: a run killed half
	 * way leaves only a "….partial-XXXXXX" file, never a broken PATH. */
	char *tmp = store_temp_beside(path);
	if (!tmp) {
		int err = errno;
		return ntm_fail(e, NTM_FAIL, MSG_CANT_CREATE, path, ntm_errno_text(err));
	}
	struct store st = {.path = tmp, .busy_ms = DEFAULT_BUSY_MS};
	int rc = sqlite3_open_v2(tmp, &st.db, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		char why[512] = "";
		rc = ntm_fail(e, NTM_FAIL, MSG_CANT_CREATE, path,
			      store_file_reason(st.db, rc, path, why, sizeof why));
	} else {
		sqlite3_extended_result_codes(st.db, 1);
		store_register_functions(st.db);
		rc = exec(&st, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
			  " PRAGMA foreign_keys = ON", e);
		if (rc == NTM_OK)
			rc = migrate(&st, 0, e);
		if (rc == NTM_OK)
			rc = seed(&st, x, e);
	}
	sqlite3_close(st.db);    /* the last connection: -wal and -shm go */
	int err = 0;
	if (rc == NTM_OK) {
		store_apply_umask(tmp);
		err = store_place(tmp, path);
		if (err)
			rc = err == EEXIST ? ntm_fail(e, NTM_FAIL, MSG_EXISTS, path)
			     : ntm_fail(e, NTM_FAIL, MSG_CANT_CREATE, path, ntm_errno_text(err));
	} else if (e->msg[0] == '\0') {
		ntm_fail(e, NTM_FAIL, MSG_CANT_CREATE, path, "?");
	}
	if (rc != NTM_OK)
		store_remove_db_files(tmp);
	sqlite3_free(tmp);
	return rc;
}
