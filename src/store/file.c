/* The database file as a whole: a new file or a backup is made beside its
 * place and moved there only when complete, never over another file; a
 * file about to be replaced must be in use by nobody; an open store notices
 * when its file was replaced; a full disk is told from other I/O errors. */
#include "internal.h"
#include "msg.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

bool
store_disk_full(const char *path)
{
	char *copy = strdup(path);
	struct statvfs fs;
	bool full = copy && statvfs(dirname(copy), &fs) == 0 &&
		    (unsigned long long)fs.f_bavail * fs.f_frsize < 256 * 1024;
	free(copy);
	return full;
}

void
store_apply_umask(const char *path)
{
	mode_t mask = umask(0);
	umask(mask);
	chmod(path, 0666 & ~mask);
}

char *
store_temp_beside(const char *path)
{
	char *tmp = sqlite3_mprintf("%s.partial-XXXXXX", path);
	if (!tmp)
		return NULL;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		sqlite3_free(tmp);
		return NULL;
	}
	close(fd);
	return tmp;
}

void
store_remove_db_files(const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		char *p = sqlite3_mprintf("%s%s", path, suffix[i]);
		if (p)
			unlink(p);
		sqlite3_free(p);
	}
}

int
store_place(const char *tmp, const char *path)
{
	if (link(tmp, path) == 0) {
		unlink(tmp);
		return 0;
	}
	int err = errno;
	if (err == EEXIST)
		return err;
	/* A file system without hard links (a FAT USB stick): rename, after
	 * making sure nothing is there. */
	struct stat sb;
	if (stat(path, &sb) == 0)
		return EEXIST;
	return rename(tmp, path) == 0 ? 0 : errno;
}

/* Copies the open database from into a new file at path, whole or not at
 * all. */
int
store_copy_to(sqlite3 *from, const char *path, struct ntm_error *e)
{
	struct stat sb;
	if (stat(path, &sb) == 0)
		return ntm_fail(e, NTM_FAIL, MSG_BACKUP_TO, path, MSG_FILE_EXISTS);
	char *tmp = store_temp_beside(path);
	if (!tmp) {
		int err = errno;
		char why[512] = "";
		const char *r = store_file_reason(NULL, SQLITE_CANTOPEN, path, why,
						  sizeof why);
		return ntm_fail(e, NTM_FAIL, MSG_BACKUP_TO, path,
				r == why ? r : ntm_errno_text(err));
	}
	sqlite3 *to = NULL;
	int rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
		rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(to);
		if (b)
			sqlite3_backup_finish(b);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	sqlite3_close(to);
	int err = 0;
	if (rc == SQLITE_OK) {
		store_apply_umask(tmp);
		err = store_place(tmp, path);
	}
	if (rc == SQLITE_OK && err == 0) {
		sqlite3_free(tmp);
		return NTM_OK;
	}
	store_remove_db_files(tmp);
	sqlite3_free(tmp);
	if (err)
		return ntm_fail(e, NTM_FAIL, MSG_BACKUP_TO, path, ntm_errno_text(err));
	char why[512] = "";
	if ((rc & 0xff) == SQLITE_IOERR && store_disk_full(path))
		rc = SQLITE_FULL;
	return ntm_fail(e, NTM_FAIL, MSG_BACKUP_TO, path,
			store_file_reason(NULL, rc, path, why, sizeof why));
}

int
store_file_in_use(const char *path, struct ntm_error *e)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NTM_OK;    /* not a database we can open: nobody's */
	}
	/* Leaving WAL mode needs every other connection gone: if it works
	 * nobody has the file open (and the file is about to go anyway). */
	sqlite3_stmt *s = NULL;
	bool alone = false;
	if (sqlite3_prepare_v2(db, "PRAGMA journal_mode = DELETE", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		const char *mode = (const char *)sqlite3_column_text(s, 0);
		alone = mode && strcmp(mode, "delete") == 0;
	} else {
		int rc = sqlite3_errcode(db) & 0xff;
		alone = rc != SQLITE_BUSY && rc != SQLITE_LOCKED;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return alone ? NTM_OK : ntm_fail(e, NTM_FAIL, MSG_IN_USE, path);
}

void
store_remember_file(struct store *st)
{
	struct stat sb;
	if (stat(st->path, &sb) == 0) {
		st->file_ino = sb.st_ino;
		st->file_dev = sb.st_dev;
	}
}

bool
store_file_replaced(struct store *st)
{
	struct stat sb;
	if (st->file_ino == 0)
		return false;
	return stat(st->path, &sb) != 0 || sb.st_ino != st->file_ino ||
	       sb.st_dev != st->file_dev;
}
