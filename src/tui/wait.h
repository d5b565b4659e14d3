/* Waiting for another process's lock in the full-screen program: the
 * store's wait callback says “Đang chờ…” and lets Esc give up. */
#ifndef NTM_TUI_WAIT_H
#define NTM_TUI_WAIT_H

struct app;

void wait_setup(struct app *a);

#endif
