/* ntm sync: copies of the file that exchange their changes by small files
 * (export, apply), the conflicts waiting for a person (conflicts,
 * resolve) and where this copy stands (status). The work is the store's
 * (store_sync_*) and io's (io_sync_*: the file); this says it. The design
 * is in doc/sync.md. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "msg.h"
#include "ntm/io.h"
#include "ntm/syncdoc.h"
#include "ntm/text.h"

/* ---- small helpers ---------------------------------------------------------- */

/* The first 8 characters of a replica id, when they are hex digits (an
 * id read from a file is shown only if it looks like one). */
static const char *
short_id(const char *id, char buf[9])
{
	size_t n = 0;
	while (id && n < 8 && strchr("0123456789abcdefABCDEF", id[n]) && id[n])
		n++;
	memcpy(buf, id ? id : "", n);
	buf[n] = '\0';
	return n ? buf : "?";
}

/* A UTC ISO time as people read it, in local time: "29/11/2026 09:30"
 * (date_only: "29/11/2026"); "" for NULL. */
static const char *
local_dmy(const char *utc, char out[20], bool date_only)
{
	char local[20], dmy[11];
	if (!utc || !*utc) {
		out[0] = '\0';
		return out;
	}
	out_local_time(utc, local);   /* "2026-11-29 09:30" */
	char day[11];
	snprintf(day, sizeof day, "%.10s", local);
	model_date_dmy(day, dmy);
	if (date_only || strlen(local) <= 11)
		snprintf(out, 20, "%s", dmy);
	else
		snprintf(out, 20, "%s %.5s", dmy, local + 11);
	return out;
}

static bool
is_folder(const char *path)
{
	struct stat sb;
	return path && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* ---- lines that fit an 80-column terminal ----------------------------------- */

enum { COLS = 80 };

/* The end of the first line of s[at, len) that fits `room` columns: after
 * the last word that fits (a word wider than a line is broken between two
 * letters, never inside one). */
static size_t
line_end(const char *s, size_t len, size_t at, int room)
{
	size_t end = at, space = 0;
	int w = 0;
	while (end < len) {
		size_t next = text_next_grapheme(s, len, end);
		int cw = text_width_range(s, end, next);
		if (w + cw > room)
			break;
		if (s[end] == ' ')
			space = end;
		w += cw;
		end = next;
	}
	if (end < len && s[end] != ' ' && space > at)
		end = space;
	return end > at ? end : text_next_grapheme(s, len, at);
}

/* One line of text (no '\n'), wrapped at COLS columns at spaces, every
 * line after the first `indent` spaces in. */
static void
say_line(const char *s, size_t len, int indent)
{
	size_t at = 0;
	int lead = 0;
	do {
		size_t end = line_end(s, len, at, COLS - lead);
		printf("%*s%.*s\n", lead, "", (int)(end - at), s + at);
		at = end;
		while (at < len && s[at] == ' ')
			at++;
		lead = indent;
	} while (at < len);
}

static void say(int indent, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* printf, each line of the text wrapped to fit COLS columns (say_line). */
static void
say(int indent, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!text)
		return;
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n");
		say_line(p, len, indent);
		p += len + (p[len] == '\n');
	}
	free(text);
}

/* A path as it can be pasted into a shell: as it is when it holds only
 * letters, digits and ./_-+,:@%= ; else in single quotes, a ' inside as
 * '\'' . Sanitised first; a ring of buffers like out_safe. */
static const char *
shell_path(const char *path)
{
	enum { RING = 4 };
	static char *ring[RING];
	static int next;
	const char *s = out_safe(path);
	size_t n = strlen(s), quotes = 0;
	bool plain = n > 0;
	for (const char *p = s; *p; p++) {
		quotes += *p == '\'';
		plain = plain && (strchr("./_-+,:@%=", *p) ||
				  (*p >= '0' && *p <= '9') ||
				  ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'));
	}
	free(ring[next]);
	ring[next] = malloc(n + 3 * quotes + 3);
	char *out = ring[next];
	next = (next + 1) % RING;
	if (!out)
		return s;
	char *o = plain ? out : stpcpy(out, "'");
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			o = stpcpy(o, "'\\''");
		else
			*o++ = *p;
	}
	strcpy(o, plain ? "" : "'");
	return out;
}

/* "Text: ntm sync apply FILE" on one line when it fits COLS, else the
 * command on a line of its own (never wrapped: it is to be pasted into a
 * shell). */
static void
say_command(const char *text, const char *file)
{
	int w = text_width(text) + 1 + text_width(TXT_SYNC_APPLY_CMD) +
		text_width(file);
	printf("%s%s%s%s\n", text, w <= COLS ? " " : "\n  ", TXT_SYNC_APPLY_CMD,
	       file);
}

/* ---- export ----------------------------------------------------------------- */

/* The commune's name, for the default file name. */
static int
commune_name(struct store *st, struct arena *a, const char **out,
	     struct ntm_error *e)
{
	if (!store_commune_in_use(st)) {
		*out = "";     /* none chosen: the store says why it sends none */
		return NTM_OK;
	}
	struct store_report r;
	int rc = store_report_load(st, &r, e);
	if (rc != NTM_OK)
		return rc;
	*out = arena_strdup(a, r.unit ? r.unit : "");
	store_report_free(&r);
	return NTM_OK;
}

/* --out FILE as given; else the default name, in the folder --out names
 * or here. */
static int
export_path(struct cli *c, struct store *st, struct arena *a,
	    const char **path)
{
	if (c->out && !is_folder(c->out)) {
		*path = c->out;
		return NTM_OK;
	}
	const char *commune;
	int rc = commune_name(st, a, &commune, &c->err);
	if (rc != NTM_OK)
		return rc;
	char today[11];
	store_today(today);
	char *name = io_sync_default_name(commune, store_replica_id(st), today);
	if (!name)
		return ntm_fail(&c->err, NTM_FAIL, "%s", out_os_reason(ENOMEM));
	const char *dir = c->out ? c->out : "";
	bool slash = !*dir || dir[strlen(dir) - 1] == '/';
	size_t len = strlen(dir) + strlen(name) + 2;
	char *p = arena_alloc(a, len);
	snprintf(p, len, "%s%s%s", dir, slash ? "" : "/", name);
	free(name);
	*path = p;
	return NTM_OK;
}

static int
check_export(struct cli *c)
{
	if (c->out && !*c->out)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_SYNC_EMPTY_OUT);
	c->pick_commune = true;   /* the level above's file: refused below */
	return NTM_OK;
}

static int
sync_export(struct cli *c, struct store *st)
{
	struct arena a = {0};
	const char *path = NULL;
	struct io_sync_written w = {0};
	struct store_sync_export_opts o = {.all = c->all};
	int rc = export_path(c, st, &a, &path);
	if (rc == NTM_OK)
		rc = io_sync_export(st, &o, path, &w, &c->err);
	if (rc == NTM_OK && c->all)
		say(0, MSG_SYNC_WRITTEN_ALL, out_safe(path), w.records, w.bytes);
	else if (rc == NTM_OK && w.records == 0)
		say(0, MSG_SYNC_WRITTEN_NONE, out_safe(path));
	else if (rc == NTM_OK)
		say(0, MSG_SYNC_WRITTEN, w.records, out_safe(path), w.bytes);
	if (rc == NTM_OK)
		say_command(MSG_SYNC_WRITTEN_HINT, shell_path(path));
	arena_free(&a);
	return rc;
}

/* ---- apply ------------------------------------------------------------------ */

static void
say_applied(const struct cli *c, const char *path,
	    const struct store_sync_result *r)
{
	char id[9];
	const char *dry = c->dry_run ? MSG_SYNC_DRY : "";
	if (r->joined) {
		char name[300];
		model_commune_phrase(r->joined, name, sizeof name);
		say(2, MSG_SYNC_JOINED, out_safe(path), dry, out_safe(name),
		    r->rows);
	} else if (r->applied == 0)
		say(2, MSG_SYNC_NOTHING_NEW, out_safe(path), dry, r->known,
		    short_id(r->sender, id));
	else
		say(2, MSG_SYNC_APPLIED, out_safe(path), dry, r->applied, r->known,
		    short_id(r->sender, id), r->rows);
	if (r->merged_into[0]) {
		char old[300], now[300];
		model_commune_phrase(r->sender_commune ? r->sender_commune : "?",
				     old, sizeof old);
		model_commune_phrase(r->merged_into, now, sizeof now);
		say(4, MSG_SYNC_MERGED, out_safe(old), out_safe(now));
	}
	if (r->conflicts)
		say(4, MSG_SYNC_NEW_CONFLICTS, r->conflicts);
	if (r->closed)
		say(4, MSG_SYNC_CLOSED, r->closed);
	if (r->renumbered)
		say(4, MSG_SYNC_RENUMBERED, r->renumbered);
}

/* "a, b, c": the files args[from..to), for a message. */
static const char *
file_list(char **args, int from, int to, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = from; i < to && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					i > from ? ", " : "", out_arg(args[i]));
	return buf;
}

/* The refusal of file i, naming the files applied before it and those
 * never tried after it (one message: the command stops there). */
static int
refused(struct cli *c, int i, bool named)
{
	char why[sizeof c->err.msg], list[512];
	snprintf(why, sizeof why, "%s", c->err.msg);
	if (named)   /* io's message names the file already */
		ntm_fail(&c->err, NTM_FAIL, "%s", why);
	else
		ntm_fail(&c->err, NTM_FAIL, MSG_SYNC_REFUSED, out_arg(c->args[i]), why);
	if (i > 0 && !c->dry_run) {
		snprintf(why, sizeof why, "%s", c->err.msg);
		ntm_fail(&c->err, NTM_FAIL, MSG_SYNC_REFUSED_AFTER, why,
			 file_list(c->args, 0, i, list, sizeof list));
	}
	if (i + 1 < c->nargs) {
		snprintf(why, sizeof why, "%s", c->err.msg);
		ntm_fail(&c->err, NTM_FAIL, MSG_SYNC_NOT_TRIED, why,
			 file_list(c->args, i + 1, c->nargs, list, sizeof list));
	}
	return NTM_FAIL;
}

/* A folder given for a file: refused, with the command that applies the
 * sync files in it. */
static int
folder_refused(struct cli *c, int i)
{
	const char *dir = c->args[i];
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	char *bare = strndup(dir, n);
	ntm_fail(&c->err, NTM_FAIL, MSG_SYNC_FOLDER, out_arg(dir),
		 shell_path(bare ? bare : dir));
	free(bare);
	return refused(c, i, true);
}

/* One file: read and checked whole (io), then merged in one transaction
 * (the store). *added gains the conflicts it leaves waiting, less those
 * it settles. */
static int
apply_one(struct cli *c, struct store *st, int i, int *added)
{
	struct io_sync_file f;
	struct store_sync_result r = {0};
	if (is_folder(c->args[i]))
		return folder_refused(c, i);
	if (io_sync_read(c->args[i], &f, &c->err) != NTM_OK)
		return refused(c, i, true);
	int rc = store_sync_apply(st, f.h, f.recs, f.n, c->dry_run, &r, &c->err);
	if (rc == NTM_OK)
		say_applied(c, c->args[i], &r);
	*added += r.conflicts - r.closed;
	io_sync_free(&f);
	return rc == NTM_OK ? NTM_OK : refused(c, i, false);
}

/* The level above's file (several communes, or none yet): no commune
 * needs choosing to apply files, see conflicts or the status. */
static int
any_commune(struct cli *c)
{
	c->pick_commune = true;
	return NTM_OK;
}

/* What waits now; after --dry-run, what would wait (nothing was written:
 * the list as it is now says nothing of the files). */
/* Whether path starts as a file that carries a whole commune (format 2,
 * --all): read from its first line, the rest is io's to check. */
static bool
carries_commune(const char *path)
{
	char head[512];
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(head, 1, sizeof head - 1, f) : 0;
	if (f)
		fclose(f);
	head[n] = '\0';
	return strncmp(head, "NTMSYNC 2\n", 10) == 0 && strstr(head, "\nall 1\n");
}

/* Files that bring a commune first (in their order), then the others: a
 * commune's first plain export named before its --all file (the shell's
 * order of *.ntmsync) is not refused for that. */
static void
communes_first(struct cli *c)
{
	char **in = malloc(sizeof *in * (size_t)c->nargs);
	if (!in)
		return;
	memcpy(in, c->args, sizeof *in * (size_t)c->nargs);
	int k = 0;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < c->nargs; i++)
			if (carries_commune(in[i]) == (pass == 0))
				c->args[k++] = in[i];
	free(in);
}

static int
sync_apply(struct cli *c, struct store *st)
{
	int added = 0, waiting = 0;
	communes_first(c);
	for (int i = 0; i < c->nargs; i++)
		if (apply_one(c, st, i, &added) != NTM_OK)
			return NTM_FAIL;
	int rc = store_sync_conflict_count(st, &waiting, &c->err);
	if (rc == NTM_OK && c->dry_run)
		waiting += added;
	if (rc == NTM_OK && c->dry_run && waiting)
		say(0, MSG_SYNC_DRY_WAITING, waiting);
	else if (rc == NTM_OK && c->dry_run)
		fputs(MSG_SYNC_DRY_NO_WAITING, stdout);
	else if (rc == NTM_OK && waiting)
		say(0, MSG_SYNC_WAITING, waiting);
	else if (rc == NTM_OK)
		fputs(MSG_SYNC_NO_WAITING, stdout);
	return rc;
}

/* ---- conflicts -------------------------------------------------------------- */

static const char *
kind_words(const char *kind)
{
	if (kind && strcmp(kind, "delete") == 0)
		return TXT_SYNC_KIND_DELETE;
	if (kind && strcmp(kind, "unique") == 0)
		return TXT_SYNC_KIND_UNIQUE;
	if (kind && strcmp(kind, "parent") == 0)
		return TXT_SYNC_KIND_PARENT;
	return TXT_SYNC_KIND_EDIT;
}

static const char *
who(const char *s)
{
	return s && *s ? out_safe(s) : TXT_SYNC_UNKNOWN;
}

static void
conflict_text(const struct store_sync_conflict *x)
{
	char at[20], id[9];
	say(3, MSG_SYNC_CONFLICT, x->number, out_safe(x->noun), out_safe(x->title),
	    x->where ? " " : "", x->where ? out_safe(x->where) : "",
	    kind_words(x->kind));
	if (x->ours_who || x->ours_at)
		say(5, MSG_SYNC_OURS, out_safe(x->ours), who(x->ours_who),
		    local_dmy(x->ours_at, at, false));
	else
		say(5, MSG_SYNC_OURS_NONE, out_safe(x->ours));
	say(5, MSG_SYNC_THEIRS, out_safe(x->theirs), who(x->theirs_who),
	    local_dmy(x->theirs_at, at, false),
	    short_id(x->theirs_replica, id));
}

static void
conflict_json(const struct store_sync_conflict *x)
{
	printf("{\"id\":");
	out_json_string(stdout, x->id);
	printf(",\"number\":%d", x->number);
	const struct { const char *key, *value; } fields[] = {
		{"entity", x->entity}, {"noun", x->noun}, {"title", x->title},
		{"where", x->where},
		{"kind", x->kind}, {"ours", x->ours}, {"theirs", x->theirs},
		{"ours_who", x->ours_who}, {"ours_at", x->ours_at},
		{"theirs_who", x->theirs_who}, {"theirs_at", x->theirs_at},
		{"theirs_replica", x->theirs_replica},
		{"detected_at", x->detected_at},
	};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		out_json_field(stdout, fields[i].key, fields[i].value);
	printf(",\"version\":%d}", x->version);
}

static int
sync_conflicts(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_sync_conflict *x = NULL;
	int n = 0;
	int rc = store_sync_conflicts(st, &a, &x, &n, &c->err);
	if (rc == NTM_OK && c->format == FMT_JSON) {
		putchar('[');
		for (int i = 0; i < n; i++) {
			if (i)
				putchar(',');
			conflict_json(&x[i]);
		}
		puts("]");
	} else if (rc == NTM_OK && n == 0) {
		fputs(MSG_SYNC_NO_WAITING, stdout);
	} else if (rc == NTM_OK) {
		printf(MSG_SYNC_CONFLICTS_HEAD, n);
		for (int i = 0; i < n; i++)
			conflict_text(&x[i]);
		fputs(MSG_SYNC_CONFLICTS_FOOT, stdout);
	}
	arena_free(&a);
	return rc;
}

/* ---- resolve ---------------------------------------------------------------- */

/* --take: ours/theirs, or bên này/bên kia (with or without marks). */
static int
read_take(struct cli *c, bool *theirs)
{
	static const struct { const char *word; bool theirs; } words[] = {
		{"ours", false}, {"ben nay", false}, {"theirs", true},
		{"ben kia", true},
	};
	if (!c->take)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_SYNC_TAKE_NEED);
	char *folded = text_fold(c->take);
	for (size_t i = 0; folded && i < sizeof words / sizeof *words; i++)
		if (strcmp(folded, words[i].word) == 0) {
			*theirs = words[i].theirs;
			free(folded);
			return NTM_OK;
		}
	free(folded);
	return ntm_fail(&c->err, NTM_USAGE, MSG_SYNC_TAKE_BAD, out_arg(c->take));
}

static int
check_resolve(struct cli *c)
{
	bool theirs;
	c->pick_commune = true;   /* a conflict names its own rows */
	return read_take(c, &theirs);
}

/* The waiting conflict ID names, for the message (its number, or the
 * only one whose id begins with it); NULL: the store will say. */
static const struct store_sync_conflict *
named(const struct store_sync_conflict *x, int n, const char *id)
{
	const struct store_sync_conflict *found = NULL;
	char *end;
	long number = strtol(id, &end, 10);
	for (int i = 0; i < n; i++) {
		if (!*end && x[i].number == number)
			return &x[i];
		if (*id && strncmp(x[i].id, id, strlen(id)) == 0) {
			if (found)
				return NULL;
			found = &x[i];
		}
	}
	return found;
}

static int
sync_resolve(struct cli *c, struct store *st)
{
	bool theirs = false;
	struct arena a = {0};
	struct store_sync_conflict *x = NULL;
	int n = 0;
	const char *id = c->args[0];
	int rc = read_take(c, &theirs);
	if (rc == NTM_OK)
		rc = store_sync_conflicts(st, &a, &x, &n, &c->err);
	const struct store_sync_conflict *k = rc == NTM_OK ? named(x, n, id) : NULL;
	if (rc == NTM_OK)
		rc = store_sync_resolve(st, id, theirs, STORE_ANY_VERSION, &c->err);
	const char *kept = theirs ? TXT_SYNC_KEPT_THEIRS : TXT_SYNC_KEPT_OURS;
	if (rc == NTM_OK && k) {   /* what was kept first, whole on its line */
		printf(MSG_SYNC_RESOLVED, k->number, kept);
		say(4, MSG_SYNC_RESOLVED_ROW, out_safe(k->noun), out_safe(k->title),
		    out_safe(theirs ? k->theirs : k->ours));
	}
	else if (rc == NTM_OK)
		printf(MSG_SYNC_RESOLVED_PLAIN, out_arg(id), kept);
	if (rc == NTM_OK)
		fputs(MSG_SYNC_RESOLVED_UNDO, stdout);
	arena_free(&a);
	return rc;
}

/* ---- status ----------------------------------------------------------------- */

/* "  1a2b3c4d  đã có đến thay đổi N, đã xuất đến M", then what this copy
 * knows of it, on a line of its own below the numbers when both do not
 * fit COLS. */
static void
status_origin(const struct store_sync_origin *o)
{
	char at[20], id[9], head[160], tail[80] = "";
	snprintf(head, sizeof head, MSG_SYNC_ST_ORIGIN, short_id(o->replica, id),
		 o->seen, o->exported);
	if (o->self)
		snprintf(tail, sizeof tail, "%s", TXT_SYNC_ST_SELF);
	else if (o->heard_at)
		snprintf(tail, sizeof tail, TXT_SYNC_ST_HEARD,
			 local_dmy(o->heard_at, at, true));
	if (!*tail)
		puts(head);
	else if (text_width(head) + 2 + text_width(tail) <= COLS)
		printf("%s  %s\n", head, tail);
	else
		printf("%s\n%12s%s\n", head, "", tail);
}

static void
status_text(const struct store_sync_status *s, bool above)
{
	char at[20], id[9];
	printf(MSG_SYNC_ST_REPLICA, short_id(s->replica, id), out_safe(s->replica));
	if (above)
		fputs(MSG_SYNC_ST_ABOVE, stdout);
	else if (s->unexported && s->oldest_unexported)
		printf(MSG_SYNC_ST_UNEXPORTED, s->unexported,
		       local_dmy(s->oldest_unexported, at, false));
	else if (s->unexported)
		printf(MSG_SYNC_ST_UNEXPORTED_N, s->unexported);
	else
		fputs(MSG_SYNC_ST_ALL_EXPORTED, stdout);
	if (above)
		;    /* it never sends: no export to remember */
	else if (s->last_export)
		printf(MSG_SYNC_ST_LAST_EXPORT, local_dmy(s->last_export, at, false));
	else
		fputs(MSG_SYNC_ST_NEVER, stdout);
	if (s->norigins)
		fputs(MSG_SYNC_ST_ORIGINS, stdout);
	for (int i = 0; i < s->norigins; i++)
		status_origin(&s->origins[i]);
	if (s->conflicts)
		printf(MSG_SYNC_ST_CONFLICTS, s->conflicts);
	else
		fputs(MSG_SYNC_ST_NO_CONFLICTS, stdout);
}

static void
status_json(const struct store_sync_status *s)
{
	char id[9];
	printf("{\"replica\":");
	out_json_string(stdout, s->replica);
	out_json_field(stdout, "short", short_id(s->replica, id));
	printf(",\"unexported\":%lld", s->unexported);
	out_json_field(stdout, "oldest_unexported", s->oldest_unexported);
	out_json_field(stdout, "last_export", s->last_export);
	printf(",\"conflicts\":%d,\"origins\":[", s->conflicts);
	for (int i = 0; i < s->norigins; i++) {
		const struct store_sync_origin *o = &s->origins[i];
		printf("%s{\"replica\":", i ? "," : "");
		out_json_string(stdout, o->replica);
		out_json_field(stdout, "short", short_id(o->replica, id));
		printf(",\"self\":%s,\"seen\":%lld,\"exported\":%lld",
		       o->self ? "true" : "false", o->seen, o->exported);
		out_json_field(stdout, "heard_at", o->heard_at);
		putchar('}');
	}
	puts("]}");
}

static int
sync_status(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_sync_status s;
	int rc = store_sync_status(st, &a, &s, &c->err);
	if (rc == NTM_OK && c->format == FMT_JSON)
		status_json(&s);
	else if (rc == NTM_OK)
		status_text(&s, store_is_above(st));
	arena_free(&a);
	return rc;
}

const struct cli_sub cli_sync_subs[] = {
	{"export", 0, 0, "không tham số (--out TỆP hoặc THƯ_MỤC, --all)",
	 OPT_OUT | OPT_ALL, check_export, sync_export},
	{"apply", 1, 256, "một hoặc nhiều TỆP .ntmsync", OPT_DRY_RUN,
	 any_commune, sync_apply},
	{"conflicts", 0, 0, "không tham số", OPT_FORMAT, any_commune,
	 sync_conflicts},
	{"resolve", 1, 1, "SỐ của xung đột (hoặc mã của nó) và --take "
	 "ours|theirs", OPT_TAKE, check_resolve, sync_resolve},
	{"status", 0, 0, "không tham số", OPT_FORMAT, any_commune,
	 sync_status},
};
const int cli_sync_nsubs = CLI_COUNT(cli_sync_subs);

int
cmd_sync(struct cli *c)
{
	if (c->nargs == 0) {
		fputs(USAGE_SYNC, stdout);
		return NTM_OK;
	}
	return cli_run_sub(c, cli_sync_subs, cli_sync_nsubs);
}
