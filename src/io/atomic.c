/* Files written whole or not at all: a temporary file beside the target,
 * flushed and synced, then renamed over it (rename is atomic within one
 * file system), then the folder synced so the rename survives a power
 * cut. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "ntm/io.h"

static char *
folder_of(const char *path)
{
	char *copy = strdup(path);
	if (!copy)
		return NULL;
	char *dir = strdup(dirname(copy));
	free(copy);
	return dir;
}

static void
sync_folder(const char *path)
{
	char *dir = folder_of(path);
	if (!dir)
		return;
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

static void
release(struct io_file *f)
{
	free(f->path);
	free(f->tmp);
	f->path = f->tmp = NULL;
	f->f = NULL;
}

/* Whether path is an SQLite database (its 16-byte header): what a report
 * or an export must never replace, least of all the file being read. */
static bool
is_database(const char *path)
{
	static const char HEADER[16] = "SQLite format 3";
	char got[16];
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return false;
	struct stat sb;
	bool db = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
		  read(fd, got, sizeof got) == (ssize_t)sizeof got &&
		  memcmp(got, HEADER, sizeof got) == 0;
	close(fd);
	return db;
}

int
io_file_open(struct io_file *out, const char *path, struct ntm_error *e)
{
	*out = (struct io_file){0};
	if (is_database(path))
		return ntm_fail(e, NTM_FAIL, MSG_IO_DATABASE, path);
	size_t n = strlen(path);
	out->path = strdup(path);
	out->tmp = malloc(n + 16);
	if (!out->path || !out->tmp) {
		release(out);
		return ntm_fail(e, NTM_FAIL, MSG_IO_MEMORY, path);
	}
	snprintf(out->tmp, n + 16, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(out->tmp);
	if (fd < 0) {
		int err = errno;
		release(out);
		return ntm_fail(e, NTM_FAIL, MSG_IO_FOLDER, path, ntm_errno_text(err));
	}
	mode_t mask = umask(0);
	umask(mask);
	out->mode = 0666 & ~(int)mask;
	out->f = fdopen(fd, "wb");
	if (!out->f) {
		close(fd);
		unlink(out->tmp);
		release(out);
		return ntm_fail(e, NTM_FAIL, MSG_IO_MEMORY, path);
	}
	return NTM_OK;
}

int
io_file_commit(struct io_file *f, struct ntm_error *e)
{
	int err = 0;
	if (ferror(f->f) || fflush(f->f) != 0 || fsync(fileno(f->f)) != 0)
		err = errno ? errno : EIO;
	if (!err && fchmod(fileno(f->f), (mode_t)f->mode) != 0)
		err = errno;
	if (fclose(f->f) != 0 && !err)
		err = errno ? errno : EIO;
	f->f = NULL;
	if (!err && rename(f->tmp, f->path) != 0)
		err = errno;
	if (err) {
		unlink(f->tmp);
		int rc = err == ENOSPC || err == EDQUOT
			 ? ntm_fail(e, NTM_FAIL, MSG_IO_FULL, f->path)
			 : ntm_fail(e, NTM_FAIL, MSG_IO_WRITE, f->path, ntm_errno_text(err));
		release(f);
		return rc;
	}
	sync_folder(f->path);
	release(f);
	return NTM_OK;
}

void
io_file_abort(struct io_file *f)
{
	if (f->f)
		fclose(f->f);
	if (f->tmp)
		unlink(f->tmp);
	release(f);
}
