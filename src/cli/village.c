/* ntm checklist and ntm village. */
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"
#include "ntm/io.h"
#include "ntm/text.h"

enum { MAX_POS = 1000000, MATRIX_CELL_W = 5 };

/* One change asked of ntm checklist, its modifier joined: --add TITLE
 * [--after POS], --note ITEM --text TEXT, --move ITEM --to POS. */
struct op {
	char opt;                /* 'a', 'd', 'u', 'r', 'n', 'm' */
	const char *arg, *text;
	int pos;                 /* --after (-1: last) or --to */
};

struct checklist_args {
	struct op ops[sizeof ((struct cli *)0)->changes /
		      sizeof ((struct cli *)0)->changes[0]];
	int nops;
	enum store_item_order order;
	bool sorted, matrix;
	char date[11];           /* --date of the --done changes, or "" */
};

/* ---- the listing of one village ------------------------------------------ */

static void
print_items_text(const struct store_village *v, const struct store_item *it, int n)
{
	int done = 0;
	for (int i = 0; i < n; i++)
		done += it[i].done;
	printf("%s: %d/%d\n", out_safe(v->name), done, n);
	for (int i = 0; i < n; i++)
		printf("%d. [%c] %s\n", it[i].pos, it[i].done ? 'x' : ' ', out_safe(it[i].title));
}

static void
print_items_json(const struct store_village *v, const struct store_item *it, int n)
{
	int done = 0;
	for (int i = 0; i < n; i++)
		done += it[i].done;
	fputs("{\"village\":", stdout);
	out_json_string(stdout, v->name);
	printf(",\"items_done\":%d,\"items_total\":%d,\"items\":[", done, n);
	for (int i = 0; i < n; i++) {
		printf("%s{\"pos\":%d,\"title\":", i ? "," : "", it[i].pos);
		out_json_string(stdout, it[i].title);
		printf(",\"done\":%s,\"done_on\":", it[i].done ? "true" : "false");
		out_json_string(stdout, it[i].done_on);
		fputs(",\"done_by\":", stdout);
		out_json_string(stdout, it[i].done_by);
		fputs(",\"note\":", stdout);
		out_json_string(stdout, it[i].note);
		printf(",\"from_template\":%s}", it[i].from_template ? "true" : "false");
	}
	puts("]}");
}

/* ---- the command line of ntm checklist ------------------------------------- */

/* A position: digits only; larger than MAX_POS is MAX_POS (clamped later). */
static bool
parse_pos(const char *s, int min, int *out)
{
	if (!s || !*s || strspn(s, "0123456789") != strlen(s))
		return false;
	long v = strlen(s) > 7 ? MAX_POS : strtol(s, NULL, 10);
	*out = v > MAX_POS ? MAX_POS : (int)v;
	return *out >= min;
}

static int
parse_sort(struct cli *c, const char *s, struct checklist_args *p)
{
	static const char *const names[] = {"order", "title", "undone"};
	static const enum store_item_order orders[] = {
		ITEMS_ARRANGED, ITEMS_BY_TITLE, ITEMS_UNDONE_FIRST,
	};
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			p->order = orders[i];
			p->sorted = true;
			return NTM_OK;
		}
	return ntm_fail(&c->err, NTM_USAGE, MSG_BAD_SORT);
}

/* Joins a modifier (--after, --text, --to) to the change before it. */
static int
parse_modifier(struct cli *c, const struct cli_change *ch,
	       struct checklist_args *p)
{
	static const struct { char mod, owner; const char *name, *owner_name; }
	mods[] = {
		{'A', 'a', "after", "add TIÊU_ĐỀ"},
		{'T', 'n', "text", "note MỤC"},
		{'2', 'm', "to", "move MỤC"},
	};
	int k = ch->opt == 'A' ? 0 : ch->opt == 'T' ? 1 : 2;
	struct op *o = p->nops ? &p->ops[p->nops - 1] : NULL;
	if (!o || o->opt != mods[k].owner || o->text)
		return ntm_fail(&c->err, NTM_USAGE, MSG_MOD_ORDER, mods[k].name,
				mods[k].owner_name);
	o->text = ch->arg;
	if (ch->opt == 'A' && !parse_pos(ch->arg, 0, &o->pos))
		return ntm_fail(&c->err, NTM_USAGE, MSG_BAD_AFTER, ch->arg);
	if (ch->opt == '2' && !parse_pos(ch->arg, 1, &o->pos))
		return ntm_fail(&c->err, NTM_USAGE, MSG_BAD_TO, ch->arg);
	return NTM_OK;
}

/* Every --note has its --text and every --move its --to. */
static int
check_pairs(struct cli *c, const struct checklist_args *p)
{
	for (int i = 0; i < p->nops; i++) {
		if (p->ops[i].opt == 'n' && !p->ops[i].text)
			return ntm_fail(&c->err, NTM_USAGE, MSG_MOD_MISSING,
					"note MỤC", "text VĂN_BẢN");
		if (p->ops[i].opt == 'm' && !p->ops[i].text)
			return ntm_fail(&c->err, NTM_USAGE, MSG_MOD_MISSING,
					"move MỤC", "to VỊ_TRÍ");
	}
	return NTM_OK;
}

/* --date dates the --done changes: work finished earlier. */
static int
parse_done_date(struct cli *c, struct checklist_args *p)
{
	bool done = false;
	for (int i = 0; i < p->nops; i++)
		done |= p->ops[i].opt == 'd';
	if (!done)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_DATE_NEEDS_DONE);
	return cli_read_date(c, p->date);
}

/* All of the command line is checked before anything is opened. */
static int
parse_checklist(struct cli *c, struct checklist_args *p)
{
	*p = (struct checklist_args){.order = ITEMS_ARRANGED};
	int rc = NTM_OK;
	for (int i = 0; rc == NTM_OK && i < c->nchanges; i++) {
		const struct cli_change *ch = &c->changes[i];
		if (ch->opt == 'S')
			rc = parse_sort(c, ch->arg, p);
		else if (ch->opt == 'M')
			p->matrix = true;
		else if (strchr("AT2", ch->opt))
			rc = parse_modifier(c, ch, p);
		else
			p->ops[p->nops++] = (struct op){ch->opt, ch->arg, NULL, -1};
	}
	if (rc == NTM_OK)
		rc = check_pairs(c, p);
	if (rc == NTM_OK && c->date)
		rc = parse_done_date(c, p);
	if (rc == NTM_OK && p->matrix && (c->nargs || p->nops || p->sorted))
		rc = ntm_fail(&c->err, NTM_USAGE, MSG_MATRIX_ALONE);
	if (rc == NTM_OK && !p->matrix && c->nargs != 1)
		rc = ntm_fail(&c->err, NTM_USAGE, MSG_ARGS_COUNT, "checklist",
			      "tên THÔN (hoặc --matrix)", "checklist");
	if (rc == NTM_OK && !p->matrix && c->format == FMT_CSV)
		rc = ntm_fail(&c->err, NTM_USAGE, MSG_CSV_MATRIX);
	return rc;
}

/* --note and --move name the item by position or title. */
static int
apply_by_item(struct store *st, const char *vid, const struct op *o,
	      struct ntm_error *e)
{
	struct arena a = {0};
	struct store_item it;
	int rc = store_item_resolve(st, vid, o->arg, &a, &it, e);
	if (rc == NTM_OK && o->opt == 'n')
		rc = store_item_set_note(st, it.id, it.version, o->text, e);
	else if (rc == NTM_OK)
		rc = store_item_move(st, it.id, o->pos, e);
	arena_free(&a);
	return rc;
}

static int
apply_change(struct store *st, const char *vid, const struct op *o,
	     const char *date, struct ntm_error *e)
{
	switch (o->opt) {
	case 'a': return store_item_insert(st, vid, o->arg, o->pos, NULL, e);
	case 'd': return store_item_set_done(st, vid, o->arg, true,
					     *date ? date : NULL, e);
	case 'u': return store_item_set_done(st, vid, o->arg, false, NULL, e);
	case 'r': return store_item_remove(st, vid, o->arg, e);
	default:  return apply_by_item(st, vid, o, e);
	}
}

static int
checklist_village(struct cli *c, struct store *st, const struct checklist_args *p)
{
	struct arena a = {0};
	struct store_village v;
	int rc = store_village_find(st, c->args[0], &a, &v, &c->err);
	for (int i = 0; rc == NTM_OK && i < p->nops; i++)
		rc = apply_change(st, v.id, &p->ops[i], p->date, &c->err);
	struct store_item *it;
	int n = 0;
	if (rc == NTM_OK)
		rc = store_checklist(st, v.id, &a, &it, &n, &c->err);
	if (rc == NTM_OK) {
		store_items_sort(it, n, p->order);
		if (c->format == FMT_JSON)
			print_items_json(&v, it, n);
		else
			print_items_text(&v, it, n);
	}
	arena_free(&a);
	return rc;
}

/* ---- the matrix ------------------------------------------------------------ */

static int
name_width(const struct store_matrix *m)
{
	int w = text_width(TXT_VILLAGE);
	if (text_width(TXT_MATRIX_RATE) > w)
		w = text_width(TXT_MATRIX_RATE);
	for (int v = 0; v < m->nvillages; v++)
		if (text_width(out_safe(m->villages[v].name)) > w)
			w = text_width(out_safe(m->villages[v].name));
	return w + 2;
}

static void
matrix_row_text(const struct store_matrix *m, int v, int w, bool utf8)
{
	out_pad(stdout, out_safe(m->villages[v].name), w);
	for (int i = 0; i < m->nitems; i++) {
		signed char d = m->done[v * m->nitems + i];
		printf("%*s%s", MATRIX_CELL_W - 1, "",
		       d < 0 ? "-" : d ? (utf8 ? "✓" : "x") : (utf8 ? "·" : "."));
	}
	printf("  %4d%%\n", model_gauge_percent(m->row_gauge[v]));
}

/* Villages as rows, template items as numbered columns, then the legend. */
static void
matrix_text(const struct store_matrix *m)
{
	bool utf8 = out_utf8 || strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	int w = name_width(m);
	out_pad(stdout, TXT_VILLAGE, w);
	for (int i = 0; i < m->nitems; i++)
		printf("%*d", MATRIX_CELL_W, i + 1);
	printf("  %s\n", TXT_MATRIX_RATE);
	for (int v = 0; v < m->nvillages; v++)
		matrix_row_text(m, v, w, utf8);
	if (m->nvillages == 0)
		printf("%s\n", TXT_NO_VILLAGES);
	out_pad(stdout, TXT_MATRIX_RATE, w);
	for (int i = 0; i < m->nitems; i++)
		printf("%*d%%", MATRIX_CELL_W - 1, model_gauge_percent(m->col_gauge[i]));
	puts("");
	puts("");
	for (int i = 0; i < m->nitems; i++)
		printf("%d. %s\n", i + 1, out_safe(m->titles[i]));
}

static void
matrix_csv(const struct store_matrix *m)
{
	io_csv_field(stdout, "village", false);
	for (int i = 0; i < m->nitems; i++)
		io_csv_field(stdout, m->titles[i], false);
	io_csv_field(stdout, "percent", true);
	for (int v = 0; v < m->nvillages; v++) {
		io_csv_field(stdout, m->villages[v].name, false);
		for (int i = 0; i < m->nitems; i++) {
			signed char d = m->done[v * m->nitems + i];
			io_csv_field(stdout, d < 0 ? NULL : d ? "1" : "0", false);
		}
		char pct[16];
		snprintf(pct, sizeof pct, "%d", model_gauge_percent(m->row_gauge[v]));
		io_csv_field(stdout, pct, true);
	}
}

static void
matrix_json(const struct store_matrix *m)
{
	fputs("{\"items\":[", stdout);
	for (int i = 0; i < m->nitems; i++) {
		fputs(i ? "," : "", stdout);
		out_json_string(stdout, m->titles[i]);
	}
	fputs("],\"villages\":[", stdout);
	for (int v = 0; v < m->nvillages; v++) {
		fputs(v ? ",{\"name\":" : "{\"name\":", stdout);
		out_json_string(stdout, m->villages[v].name);
		fputs(",\"done\":[", stdout);
		for (int i = 0; i < m->nitems; i++) {
			signed char d = m->done[v * m->nitems + i];
			printf("%s%s", i ? "," : "", d < 0 ? "null" : d ? "true" : "false");
		}
		printf("],\"percent\":%d}", model_gauge_percent(m->row_gauge[v]));
	}
	fputs("],\"column_percent\":[", stdout);
	for (int i = 0; i < m->nitems; i++)
		printf("%s%d", i ? "," : "", model_gauge_percent(m->col_gauge[i]));
	puts("]}");
}

static int
checklist_matrix(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_matrix m;
	int rc = store_matrix(st, &a, &m, &c->err);
	if (rc == NTM_OK && c->format == FMT_JSON)
		matrix_json(&m);
	else if (rc == NTM_OK && c->format == FMT_CSV)
		matrix_csv(&m);
	else if (rc == NTM_OK)
		matrix_text(&m);
	arena_free(&a);
	return rc;
}

int
cmd_checklist(struct cli *c)
{
	struct checklist_args p;
	int rc = parse_checklist(c, &p);
	if (rc != NTM_OK)
		return rc;
	struct store *st;
	rc = cli_open(c, &st);
	if (rc)
		return rc;
	rc = p.matrix ? checklist_matrix(c, st) : checklist_village(c, st, &p);
	store_close(st);
	return rc;
}

/* ---- ntm village ------------------------------------------------------------ */

static int
village_list(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_village *v;
	int n = 0;
	int rc = store_villages(st, &a, &v, &n, &c->err);
	for (int i = 0; rc == NTM_OK && i < n; i++)
		puts(out_safe(v[i].name));
	/* said on stderr: the list itself (stdout) stays one name a line */
	if (rc == NTM_OK && n == 0)
		fputs(MSG_NO_VILLAGES "\n", stderr);
	arena_free(&a);
	return rc;
}

/* "thôn Cự Đình", "Thôn Ngọc Quỳnh" (model_village_phrase), safe to print. */
static const char *
phrase(const char *name, bool capital)
{
	char buf[512];
	return out_safe(model_village_phrase(name, capital, buf, sizeof buf));
}

/* Names that differ only in marks are allowed (Ba, Bà) but easy to make
 * by mistake when typing without accents: say so. */
static void
warn_lookalike(struct store *st, const struct store_village *v, struct arena *a)
{
	const char *other = store_village_lookalike(st, v->id, a);
	if (other)
		printf(MSG_LOOKALIKE, out_safe(v->name), out_safe(other));
}

/* A name that looks like another village's (Thôn Cự Đình, cu dinh beside
 * Cự Đình) is most often that village typed again: only with --force. */
static int
village_add(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_village v;
	const char *twin = c->force ? NULL
		: store_village_twin(st, c->args[1], NULL, &a);
	int rc = twin ? ntm_fail(&c->err, NTM_FAIL, MSG_VILLAGE_TWIN_FORCE,
				 out_arg(c->args[1]), phrase(twin, false))
		: store_village_add(st, c->args[1], c->force, &c->err);
	if (rc == NTM_OK)
		rc = store_village_find(st, c->args[1], &a, &v, &c->err);
	if (rc == NTM_OK) {
		printf(MSG_VILLAGE_ADDED, phrase(v.name, false), v.items.total);
		warn_lookalike(st, &v, &a);
	}
	arena_free(&a);
	return rc;
}

static int
village_rename(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_village old, now;
	char before[STORE_ID_LEN];
	memcpy(before, store_my_last_action(st), STORE_ID_LEN);
	int rc = store_village_find(st, c->args[1], &a, &old, &c->err);
	if (rc == NTM_OK)
		/* one call reads and writes: no version to check */
		rc = store_village_rename(st, c->args[1], STORE_ANY_VERSION,
					  c->args[2], &c->err);
	if (rc == NTM_OK)
		rc = store_village_find(st, c->args[2], &a, &now, &c->err);
	if (rc == NTM_OK && strcmp(before, store_my_last_action(st)) == 0) {
		printf(MSG_RENAME_SAME, phrase(now.name, true));
	} else if (rc == NTM_OK) {
		printf(MSG_VILLAGE_RENAMED, phrase(old.name, false), out_safe(now.name));
		warn_lookalike(st, &now, &a);
	}
	arena_free(&a);
	return rc;
}

static int
village_alias(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_village v;
	int rc = store_village_alias(st, c->args[1], c->args[2], &c->err);
	if (rc == NTM_OK)
		rc = store_village_find(st, c->args[1], &a, &v, &c->err);
	if (rc == NTM_OK)
		printf(MSG_ALIAS_ADDED, phrase(v.name, true), out_safe(c->args[2]));
	arena_free(&a);
	return rc;
}

/* A village with items goes only with --force (the store checks again
 * inside its transaction). */
static int
village_remove(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_village v;
	int rc = store_village_find(st, c->args[1], &a, &v, &c->err);
	if (rc == NTM_OK && !c->force && v.items.total > 0)
		rc = ntm_fail(&c->err, NTM_FAIL, MSG_VILLAGE_NEEDS_FORCE,
			      phrase(v.name, false), v.items.total, v.items.total);
	if (rc == NTM_OK)
		rc = store_village_remove(st, v.name, c->force, &c->err);
	if (rc == NTM_OK && v.items.total > 0)
		printf(MSG_VILLAGE_REMOVED_ITEMS, phrase(v.name, false), v.items.total);
	else if (rc == NTM_OK)
		printf(MSG_VILLAGE_REMOVED, phrase(v.name, false));
	arena_free(&a);
	return rc;
}

static int
village_template(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_village v;
	int added = 0;
	int rc = store_village_find(st, c->args[1], &a, &v, &c->err);
	if (rc == NTM_OK)
		rc = store_village_apply_template(st, v.id, &added, &c->err);
	if (rc == NTM_OK && added > 0)
		printf(MSG_TEMPLATE_ADDED, added, phrase(v.name, false));
	else if (rc == NTM_OK)
		printf(MSG_TEMPLATE_NONE, phrase(v.name, true));
	arena_free(&a);
	return rc;
}

int
cmd_village(struct cli *c)
{
	static const struct {
		const char *name;
		int nargs;
		int (*run)(struct cli *, struct store *);
	} subs[] = {
		{"list", 1, village_list}, {"add", 2, village_add},
		{"rename", 3, village_rename}, {"alias", 3, village_alias},
		{"remove", 2, village_remove}, {"template", 2, village_template},
	};
	const char *sub = c->nargs ? c->args[0] : "list";
	int which = -1;
	for (int i = 0; i < (int)(sizeof subs / sizeof *subs); i++)
		if (strcmp(sub, subs[i].name) == 0)
			which = i;
	if (which < 0 || (c->nargs > 0 && c->nargs != subs[which].nargs))
		return ntm_fail(&c->err, NTM_USAGE, MSG_ARGS_COUNT, "village",
				"list, add TÊN, rename TÊN TÊN_MỚI, alias TÊN "
				"TÊN_KHÁC, remove TÊN hoặc template TÊN", "village");
	if (c->force && subs[which].run != village_remove &&
	    subs[which].run != village_add)
		return ntm_fail(&c->err, NTM_USAGE, "%s", MSG_FORCE_REMOVE_ONLY);
	struct store *st;
	int rc = cli_open(c, &st);
	if (rc)
		return rc;
	rc = subs[which].run(c, st);
	store_close(st);
	return rc;
}
