/* Plan text (man 5 ntm-plan) written: a plan document as the reader
 * (plantext.c) takes it back, every field that is set in one fixed order,
 * one [Lĩnh vực: …] section per run of tasks of a sector; and the two
 * entry points that join the text to the store (import, export). */
#include "msg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/model.h"
#include "ntm/plandoc.h"
#include "ntm/store.h"

/* key: value, the value's further lines as continuation lines: one space
 * first, an empty line or a line of dots with one more dot. A value whose
 * first line is empty or starts with a blank goes whole on the lines
 * after "key:". NULL or "" writes nothing. */
static void
put(FILE *f, const char *key, const char *v)
{
	if (!v || !*v)
		return;
	const char *nl = strchr(v, '\n');
	if (v[0] == ' ' || v[0] == '\t' || nl == v) {
		fprintf(f, "%s:\n", key);
	} else {
		size_t len = nl ? (size_t)(nl - v) : strlen(v);
		fprintf(f, "%s: %.*s\n", key, (int)len, v);
		if (!nl)
			return;
		v = nl + 1;
	}
	for (;;) {
		nl = strchr(v, '\n');
		size_t len = nl ? (size_t)(nl - v) : strlen(v);
		bool dots = strspn(v, ".") >= len;
		fprintf(f, " %s%.*s\n", dots ? "." : "", (int)len, v);
		if (!nl)
			return;
		v = nl + 1;
	}
}

static void
put_int(FILE *f, const char *key, int v)
{
	char buf[16];
	snprintf(buf, sizeof buf, "%d", v);
	put(f, key, buf);
}

static void
put_date(FILE *f, const char *key, const char *iso)
{
	char buf[11];
	if (!iso)
		return;
	model_date_dmy(iso, buf);
	put(f, key, buf);
}

static void
put_own(FILE *f, const struct ntm_doc_indicator *x)
{
	put(f, TXT_PT_MA, x->code);
	put(f, TXT_PT_TEN, x->name);
	put(f, TXT_PT_LOAI, model_kind_label(x->kind));
	put(f, TXT_PT_SO_SANH, model_cmp_symbol(x->cmp));
	put(f, TXT_PT_DON_VI, x->unit_label);
}

static void
put_target(FILE *f, const struct ntm_doc_target *x)
{
	char num[48], target[64];
	model_format_value(NTM_KIND_NUMBER, x->value, num, sizeof num);
	if (x->cmp_default)
		snprintf(target, sizeof target, "%s", num);
	else
		snprintf(target, sizeof target, "%s %s", model_cmp_symbol(x->cmp), num);
	put(f, TXT_PT_MA, x->code);
	put(f, TXT_PT_CHI_TIEU, target);
	put(f, TXT_PT_GHI_CHU, x->note);
}

static void
put_task(FILE *f, const struct ntm_doc_task *x)
{
	put(f, TXT_PT_NHIEM_VU, x->title);
	if (x->number > 0)
		put_int(f, TXT_PT_STT, x->number);
	if (x->from_plan) {
		size_t size = strlen(x->from_plan) + 16;
		char *from = malloc(size);
		if (from)
			snprintf(from, size, "%s #%d", x->from_plan, x->from_number);
		put(f, TXT_PT_CHUYEN_TU, from);
		free(from);
	}
	put(f, TXT_PT_PHU_TRACH, x->responsible);
	put_date(f, TXT_PT_HAN, x->due);
	if (x->status != NTM_TASK_CHUA_BAT_DAU)
		put(f, TXT_PT_TRANG_THAI, model_task_status_label(x->status));
	if (x->progress != 0)
		put_int(f, TXT_PT_TIEN_DO, x->progress);
	put(f, TXT_PT_CHI_TIET, x->detail);
	put(f, TXT_PT_GHI_CHU, x->note);
	put(f, TXT_PT_VUONG_MAC, x->issue);
	put(f, TXT_PT_DE_XUAT, x->proposal);
}

void
io_plan_write(FILE *f, const struct ntm_plan_doc *d)
{
	fprintf(f, "%s\n", TXT_PT_COMMENT);
	put(f, TXT_PT_XA, d->commune);
	put(f, TXT_PT_SO, d->number);
	put_int(f, TXT_PT_NAM, d->year);
	put_date(f, TXT_PT_NGAY, d->issued_on);
	put(f, TXT_PT_TIEU_DE, d->title);
	put(f, TXT_PT_NGUOI_KY, d->signer);
	put(f, TXT_PT_BO, d->criteria_set);
	for (int i = 0; i < d->nown; i++) {
		fprintf(f, i ? "\n" : "\n[%s]\n", TXT_PT_SEC_OWN);
		put_own(f, &d->own[i]);
	}
	for (int i = 0; i < d->ntargets; i++) {
		fprintf(f, i ? "\n" : "\n[%s]\n", TXT_PT_SEC_TARGET);
		put_target(f, &d->targets[i]);
	}
	for (int i = 0; i < d->ntasks; i++) {
		const char *sector = d->tasks[i].sector;
		if (i == 0 || strcmp(sector, d->tasks[i - 1].sector) != 0)
			fprintf(f, "\n[%s: %s]\n", TXT_PT_SEC_TASK, sector);
		else
			fputc('\n', f);
		put_task(f, &d->tasks[i]);
	}
}

int
io_plan_import(struct store *st, const char *path, bool dry_run,
	       struct store_import_summary *sum, struct ntm_error *e)
{
	struct arena a = {0};
	struct ntm_plan_doc d;
	int rc = io_plan_read_file(path, &a, &d, e);
	if (rc == NTM_OK)
		rc = store_plan_import(st, &d, io_file_shown(path), dry_run, sum, e);
	arena_free(&a);
	return rc;
}

static int
write_stdout(const struct ntm_plan_doc *d, struct ntm_error *e)
{
	errno = 0;
	io_plan_write(stdout, d);
	if (fflush(stdout) != 0 || ferror(stdout))
		return ntm_fail(e, NTM_FAIL, MSG_PT_STDOUT,
				ntm_errno_text(errno ? errno : EIO));
	return NTM_OK;
}

int
io_plan_export(struct store *st, const char *plan_id, const char *path,
	       struct ntm_error *e)
{
	struct arena a = {0};
	struct ntm_plan_doc d;
	struct io_file out;
	int rc = store_plan_read(st, plan_id, &a, &d, e);
	if (rc == NTM_OK && strcmp(path, "-") == 0) {
		rc = write_stdout(&d, e);
	} else if (rc == NTM_OK && (rc = io_file_open(&out, path, e)) == NTM_OK) {
		io_plan_write(out.f, &d);
		rc = io_file_commit(&out, e);
	}
	arena_free(&a);
	return rc;
}
