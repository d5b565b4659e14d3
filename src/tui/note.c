/* A long note in $VISUAL / $EDITOR, for a task or a checklist item. What
 * the officer wrote is never lost: when saving is refused because a
 * colleague changed the row meanwhile, the editor can be opened again on
 * the officer's text (the row read again, so saving then overwrites the
 * colleague's version knowingly), or the file is left where it is and
 * the message line says where. */
#include "forms.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app.h"
#include "dialogs.h"
#include "screen.h"

#define TXT_EDITOR_FAIL "Không chạy được trình soạn thảo “%s”: %s"
#define TXT_NOTE_SAVED  "Đã lưu ghi chú."
#define TXT_NOTE_SAME   "Ghi chú không đổi."
#define TXT_NOTE_RETRY  "“%s” vừa bị sửa. Lưu đè ghi chú của bạn? y: mở lại; phím khác: giữ tệp"
#define TXT_NOTE_KEPT   "Ghi chú của bạn chưa lưu, vẫn còn ở tệp %s — %s"
#define TXT_EXIT_NONZERO "mã thoát khác 0"
#define TXT_NO_EDITOR   "Không có trình soạn thảo “%s”: hãy đặt EDITOR là trình có trên máy (nano, vi…)."

/* The row the note belongs to. */
struct note_row {
	bool item;                 /* else a task */
	char id[STORE_ID_LEN];
	char title[256];
	int version;
};

static char *
read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = calloc(1, 65536);
	size_t n = buf ? fread(buf, 1, 65535, f) : 0;
	fclose(f);
	while (buf && n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return buf;
}

static const char *
editor(void)
{
	/* $VISUAL, $EDITOR, else Debian's choice (nano unless the user chose
	 * otherwise), else nano, else vi */
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = access("/usr/bin/sensible-editor", X_OK) == 0 ? "sensible-editor"
			: access("/usr/bin/nano", X_OK) == 0 ? "nano" : "vi";
	return ed;
}

static int
run_editor(const char *path)
{
	const char *ed = editor();
	def_prog_mode();
	endwin();
	char *cmd = malloc(strlen(ed) + strlen(path) + 8);
	sprintf(cmd, "%s '%s'", ed, path);
	int rc = system(cmd);
	free(cmd);
	reset_prog_mode();
	refresh();
	return rc;
}

/* The note as the editor left it in path (newly allocated), or NULL with
 * the failure said. */
static char *
edited(struct app *a, const char *path)
{
	int rc = run_editor(path);
	char *text = read_file(path);
	a->full_redraw = true;
	if (rc != -1 && WIFEXITED(rc) && WEXITSTATUS(rc) == 127) {
		/* the shell found no such command */
		app_message(a, true, TXT_NO_EDITOR, editor());
		free(text);
		return NULL;
	}
	if (rc != 0 || !text) {
		app_message(a, true, TXT_EDITOR_FAIL, editor(),
			    rc != 0 ? TXT_EXIT_NONZERO : strerror(errno));
		free(text);
		return NULL;
	}
	return text;
}

static int
save(struct app *a, const struct note_row *r, const char *text, struct ntm_error *e)
{
	if (r->item)
		return store_item_set_note(a->st, r->id, r->version, text, e);
	struct store_task_edit ed = {.note = text, .progress = STORE_PROGRESS_KEEP};
	return store_task_update(a->st, r->id, r->version, &ed, e);
}

/* Reads the row again: its version and note now (newly allocated, "" for
 * none); NULL when it is gone. */
static char *
reread(struct app *a, struct note_row *r)
{
	struct arena ar = {0};
	struct ntm_error e = {0};
	char *note = NULL;
	if (r->item) {
		struct store_item it;
		if (store_item_get(a->st, r->id, &ar, &it, &e) == NTM_OK) {
			r->version = it.version;
			note = strdup(it.note ? it.note : "");
		}
	} else {
		struct store_task t;
		if (store_task_get(a->st, r->id, &ar, &t, &e) == NTM_OK) {
			r->version = t.version;
			note = strdup(t.note ? t.note : "");
		}
	}
	arena_free(&ar);
	return note;
}

static void
edit_note(struct app *a, struct note_row *r, const char *current)
{
	char path[] = "/tmp/ntm-note-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		app_message(a, true, TXT_EDITOR_FAIL, "mkstemp", strerror(errno));
		return;
	}
	fprintf(f, "%s\n", current ? current : "");
	fclose(f);
	char *base = strdup(current ? current : "");
	for (;;) {
		char *text = edited(a, path);
		if (!text)
			break;                 /* said; the file goes */
		if (base && strcmp(text, base) == 0) {
			app_message(a, false, "%s", TXT_NOTE_SAME);
			free(text);
			break;
		}
		struct ntm_error e = {0};
		int rc = save(a, r, text, &e);
		free(text);
		if (rc == NTM_OK) {
			app_message(a, false, "%s", TXT_NOTE_SAVED);
			app_edited(a);
			break;
		}
		/* refused: the officer's text stays in the file */
		app_reload(a);
		screen_draw(a);
		int seen = r->version;
		char *now = reread(a, r);
		char q[1024];
		snprintf(q, sizeof q, TXT_NOTE_RETRY, r->title);
		if (now && r->version != seen && confirm(a, q)) {
			free(base);
			base = now;            /* the colleague's note, now the base */
			continue;
		}
		free(now);
		app_message(a, true, TXT_NOTE_KEPT, path, e.msg);
		free(base);
		return;                        /* the file stays */
	}
	free(base);
	unlink(path);
}

void
note_in_editor(struct app *a, const struct store_task *t)
{
	struct note_row r = {.item = false, .version = t->version};
	snprintf(r.id, sizeof r.id, "%s", t->id);
	snprintf(r.title, sizeof r.title, "%s", t->title);
	edit_note(a, &r, t->note);
}

void
item_note_in_editor(struct app *a, const struct store_item *it)
{
	struct note_row r = {.item = true, .version = it->version};
	snprintf(r.id, sizeof r.id, "%s", it->id);
	snprintf(r.title, sizeof r.title, "%s", it->title);
	edit_note(a, &r, it->note);
}
