/* A fresh folder under /tmp for one test program's files, made before its
 * tests (group setup) and removed after them (group teardown). */
#ifndef NTM_TESTS_TMPDIR_H
#define NTM_TESTS_TMPDIR_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[64];

static inline int
make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/ntm-test-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static inline int
remove_dir(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

#endif
