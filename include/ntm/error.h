/* error — how every layer reports a failure: an exit class and one
 * Vietnamese sentence for the user. Layers fill it, front ends print it. */
#ifndef NTM_ERROR_H
#define NTM_ERROR_H

enum ntm_exit {
	NTM_OK = 0,
	NTM_FAIL = 1,   /* anything that went wrong at run time */
	NTM_USAGE = 2,  /* the command line was wrong */
};

struct ntm_error {
	enum ntm_exit code;
	char msg[1024];
};

/* Sets e (may be NULL) and returns code, so callers can write
 * `return ntm_fail(e, NTM_FAIL, "…", …);`. */
int ntm_fail(struct ntm_error *e, enum ntm_exit code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The OS error err (an errno value) as a short Vietnamese phrase ("không
 * có quyền", "đĩa đầy"), or NULL when it is none of the common ones. */
const char *ntm_os_reason(int err);
/* The same, never NULL: a generic phrase for the uncommon ones. */
const char *ntm_errno_text(int err);

#endif
