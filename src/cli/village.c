/* ntm checklist and ntm village. */
#include <string.h>

#include "cli.h"
#include "msg.h"

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

static int
apply_change(struct store *st, const char *vid, const struct cli_change *ch,
	     struct ntm_error *e)
{
	switch (ch->opt) {
	case 'a': return store_item_add(st, vid, ch->arg, e);
	case 'd': return store_item_set_done(st, vid, ch->arg, true, e);
	case 'u': return store_item_set_done(st, vid, ch->arg, false, e);
	default:  return store_item_remove(st, vid, ch->arg, e);
	}
}

int
cmd_checklist(struct cli *c)
{
	struct store *st;
	int rc = cli_open(c, &st);
	if (rc)
		return rc;
	struct arena a = {0};
	struct store_village v;
	rc = store_village_find(st, c->args[0], &a, &v, &c->err);
	for (int i = 0; rc == NTM_OK && i < c->nchanges; i++)
		rc = apply_change(st, v.id, &c->changes[i], &c->err);
	struct store_item *it;
	int n = 0;
	if (rc == NTM_OK)
		rc = store_checklist(st, v.id, &a, &it, &n, &c->err);
	if (rc == NTM_OK) {
		if (c->format == FMT_JSON)
			print_items_json(&v, it, n);
		else
			print_items_text(&v, it, n);
	}
	arena_free(&a);
	store_close(st);
	return rc;
}

static int
village_list(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_village *v;
	int n = 0;
	int rc = store_villages(st, &a, &v, &n, &c->err);
	for (int i = 0; rc == NTM_OK && i < n; i++)
		puts(out_safe(v[i].name));
	arena_free(&a);
	return rc;
}

static int
village_added(struct cli *c, struct store *st, const char *name)
{
	struct arena a = {0};
	struct store_village v;
	int rc = store_village_find(st, name, &a, &v, &c->err);
	if (rc == NTM_OK)
		printf(MSG_VILLAGE_ADDED, out_safe(v.name), v.items.total);
	arena_free(&a);
	return rc;
}

static int
village_rename(struct cli *c, struct store *st)
{
	struct arena a = {0};
	struct store_village old, now;
	int rc = store_village_find(st, c->args[1], &a, &old, &c->err);
	if (rc == NTM_OK)
		rc = store_village_rename(st, c->args[1], c->args[2], &c->err);
	if (rc == NTM_OK)
		rc = store_village_find(st, c->args[2], &a, &now, &c->err);
	if (rc == NTM_OK)
		printf(MSG_VILLAGE_RENAMED, out_safe(old.name), out_safe(now.name));
	arena_free(&a);
	return rc;
}

int
cmd_village(struct cli *c)
{
	static const struct { const char *name; int nargs; } subs[] = {
		{"list", 1}, {"add", 2}, {"rename", 3}, {"alias", 3},
	};
	const char *sub = c->nargs ? c->args[0] : "list";
	int which = -1;
	for (int i = 0; i < 4; i++)
		if (strcmp(sub, subs[i].name) == 0)
			which = i;
	if (which < 0 || (c->nargs > 0 && c->nargs != subs[which].nargs))
		return ntm_fail(&c->err, NTM_USAGE, MSG_ARGS_COUNT, "village",
				"list, add TÊN, rename TÊN TÊN_MỚI hoặc alias TÊN TÊN_KHÁC",
				"village");
	struct store *st;
	int rc = cli_open(c, &st);
	if (rc)
		return rc;
	switch (which) {
	case 0:
		rc = village_list(c, st);
		break;
	case 1:
		rc = store_village_add(st, c->args[1], &c->err);
		if (rc == NTM_OK)
			rc = village_added(c, st, c->args[1]);
		break;
	case 2:
		rc = village_rename(c, st);
		break;
	default:
		rc = store_village_alias(st, c->args[1], c->args[2], &c->err);
		if (rc == NTM_OK)
			printf(MSG_ALIAS_ADDED, c->args[1], c->args[2]);
	}
	store_close(st);
	return rc;
}
