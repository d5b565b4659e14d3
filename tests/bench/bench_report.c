/* make bench: the written report of a district-scale file (25 communes'
 * worth) built in memory — 19 criteria with 1 520 indicators, 2 000 tasks
 * in 8 sectors, 300 villages of 30 checklist items, 20 000 changes — and
 * written as xlsx and docx through io_report_write (the atomic file
 * included). Prints figures; asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "ntm/arena.h"
#include "ntm/io.h"
#include "ntm/reportdoc.h"

enum {
	NCRIT = 19, PER_CRIT = 80, NSECTORS = 8, NTASKS = 2000,
	NVILLAGES = 300, NITEMS = 30, NCHANGES = 20000,
};

/* prefix, n, then suffix, in a. */
static const char *
fmt(struct arena *a, const char *prefix, int n, const char *suffix)
{
	char buf[160];
	snprintf(buf, sizeof buf, "%s%d%s", prefix, n, suffix);
	return arena_strdup(a, buf);
}

static const char *
iso(struct arena *a, int k)
{
	char buf[16];
	snprintf(buf, sizeof buf, "2024-%02d-%02d", 1 + k % 12, 1 + k % 28);
	return arena_strdup(a, buf);
}

static void
big_criteria(struct arena *a, struct ntm_report_doc *d)
{
	d->ncrit = NCRIT;
	d->nind = NCRIT * PER_CRIT;
	d->crit = arena_alloc(a, sizeof *d->crit * NCRIT);
	d->ind = arena_alloc(a, sizeof *d->ind * (size_t)d->nind);
	for (int c = 0; c < NCRIT; c++) {
		d->crit[c] = (struct ntm_report_criterion){
			c + 1, fmt(a, "Tiêu chí số ", c + 1, " về xây dựng nông thôn mới"),
			NULL, c % 2 ? NTM_STATUS_DAT : NTM_STATUS_CHUA_DAT,
			{PER_CRIT / 2, PER_CRIT}, c * PER_CRIT, PER_CRIT};
		for (int i = 0; i < PER_CRIT; i++) {
			int k = c * PER_CRIT + i;
			d->ind[k] = (struct ntm_report_indicator){
				.code = fmt(a, "", k, ""), .kind = NTM_KIND_PERCENT,
				.name = fmt(a, "Tỷ lệ hộ gia đình đạt chuẩn của xã số ", i, ""),
				.national = {true, NTM_CMP_GE, 90},
				.has_start = true, .start = 70 + k % 20,
				.start_on = "2024-01-01", .has_value = true,
				.value = 80 + k % 20, .value_on = iso(a, k),
				.note = "Báo cáo của thôn, đã kiểm tra",
				.status = k % 3 ? NTM_STATUS_DAT : NTM_STATUS_CHUA_DAT};
		}
	}
}

static void
big_tasks(struct arena *a, struct ntm_report_doc *d)
{
	d->nsectors = NSECTORS;
	d->sectors = arena_alloc(a, sizeof *d->sectors * NSECTORS);
	for (int s = 0; s < NSECTORS; s++)
		d->sectors[s] = (struct ntm_report_sector){
			fmt(a, "LV", s, ""), fmt(a, "Lĩnh vực số ", s, ""),
			fmt(a, "LV ", s, ""), {10, NTASKS / NSECTORS}, 50,
			s * (NTASKS / NSECTORS), NTASKS / NSECTORS};
	d->ntasks = NTASKS;
	d->tasks = arena_alloc(a, sizeof *d->tasks * NTASKS);
	for (int t = 0; t < NTASKS; t++)
		d->tasks[t] = (struct ntm_report_task){
			t + 1, fmt(a, "Nâng cấp, cải tạo đường giao thông nội đồng số ", t, ""),
			"Ban quản lý xây dựng nông thôn mới xã", iso(a, t),
			(enum ntm_task_status)(t % NTM_TASK_STATUS_COUNT), t % 101,
			t % 7 == 0, NULL, t % 5 ? NULL : "Đã khảo sát hiện trạng",
			t % 9 ? NULL : "Thiếu kinh phí đối ứng của nhân dân",
			t % 9 ? NULL : "Đề nghị huyện hỗ trợ xi măng"};
}

static void
big_villages(struct arena *a, struct ntm_report_doc *d)
{
	const char **items = arena_alloc(a, sizeof *items * NITEMS);
	for (int i = 0; i < NITEMS; i++)
		items[i] = fmt(a, "Việc số ", i, " của thôn kiểu mẫu");
	d->nvillages = NVILLAGES;
	d->villages = arena_alloc(a, sizeof *d->villages * NVILLAGES);
	for (int v = 0; v < NVILLAGES; v++) {
		int missing = v % (NITEMS / 2);
		d->villages[v] = (struct ntm_report_village){
			fmt(a, "Thôn ", v, ""), {NITEMS - missing, NITEMS},
			items + NITEMS - missing, missing};
	}
	d->nchanges = NCHANGES;
	d->changes = arena_alloc(a, sizeof *d->changes * NCHANGES);
	for (int h = 0; h < NCHANGES; h++)
		d->changes[h] = (struct ntm_report_change){
			iso(a, h / 100), "08:15", "Nguyễn Văn An (xa01)",
			fmt(a, "Giá trị chỉ tiêu ", h % 1520, ""), fmt(a, "", h % 100, "%"),
			fmt(a, "", h % 100 + 1, "%")};
}

static void
one(const struct ntm_report_doc *d, enum io_report_format f, const char *dir)
{
	char path[96];
	snprintf(path, sizeof path, "%s/report.%s", dir, io_report_format_word(f));
	struct io_report_opts o = {.format = f};
	struct ntm_error e = {0};
	double t0 = bench_now();
	clock_t c0 = clock();
	int rc = io_report_write(d, &o, path, &e);
	clock_t c1 = clock();
	double t1 = bench_now();
	struct stat sb;
	if (rc != NTM_OK)
		printf("report %s: not written (%s)\n", io_report_format_word(f), e.msg);
	else
		printf("report %s: %.0f ms (processor %.0f ms), %.0f kB "
		       "(aim ≤ 1000 ms)\n", io_report_format_word(f),
		       (t1 - t0) * 1e3, (double)(c1 - c0) * 1e3 / CLOCKS_PER_SEC,
		       stat(path, &sb) == 0 ? sb.st_size / 1e3 : 0.0);
	unlink(path);
}

int
main(void)
{
	struct arena a = {0};
	struct ntm_report_doc d = {0};
	d.head = (struct ntm_report_head){
		.commune = "Việt Hưng", .plan_number = "32/KH-UBND",
		.plan_issued_on = "2024-03-12", .plan_year = 2024,
		.as_of = "2024-12-31", .since = "2024-01-01",
		.written_on = "2025-01-02", .author = "Nguyễn Văn An"};
	big_criteria(&a, &d);
	big_tasks(&a, &d);
	big_villages(&a, &d);
	char dir[] = "/tmp/ntm-bench-report-XXXXXX";
	if (!mkdtemp(dir))
		return 1;
	printf("report: %d indicators, %d tasks, %d villages, %d changes\n",
	       d.nind, d.ntasks, d.nvillages, d.nchanges);
	one(&d, IO_REPORT_XLSX, dir);
	one(&d, IO_REPORT_DOCX, dir);
	arena_free(&a);
	return rmdir(dir) == 0 ? 0 : 1;
}
