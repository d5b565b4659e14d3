/* make bench: the full-screen program through a pseudo-terminal at 80×24,
 * on the built-in database and on a generated district (25 communes × 12
 * villages, 5 years of monthly measurements, 1 000 000 audit rows): time
 * to the first complete screen, bytes and time per selection move and per
 * tab switch, peak memory. Then the district view (tab Huyện, no --unit)
 * of that district and of one of 300 communes of the same shape (one year
 * of measurements, 200 000 audit rows): first screen, selection moves,
 * peak memory. Prints figures; asserts nothing (not a timed test). Needs
 * ./ntm (make); says so and returns 0 without it.
 *
 * NTM_BENCH_KEEP=1 keeps the temporary folder (and the district database);
 * NTM_BENCH_DISTRICT=FILE measures that district database (one kept
 * before) instead of generating one; NTM_BENCH_VERBOSE=1 also prints
 * every key's figures and, escaped, the biggest response of each kind. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "ntm/io.h"
#include "ntm/plandoc.h"
#include "ntm/store.h"

enum {
	COMMUNES = 25, PROVINCE_COMMUNES = 300, VILLAGES = 12, MONTHS = 60, AUDIT_ROWS = 1000000,
	SESSION_MS = 10000,     /* the child is killed after this */
	FIRST_QUIET_MS = 150,   /* silence that ends the first screen */
	KEY_QUIET_MS = 40,      /* silence that ends a key's response */
	KEY_WAIT_MS = 500,      /* no byte within this: the key did nothing */
	MOVES = 20, MAX_MOVE_KEYS = 40, TAB_KEYS = 10,
	FIRST_RUNS = 3,         /* starts measured for the first screen */
	/* the aims */
	FIRST_AIM_MS = 50, MOVE_AIM_MS = 2, MOVE_AIM_BYTES = 400,
	TAB_AIM_BYTES = 2500, MEMORY_AIM_BYTES = 10000000,
};

static bool
env_set(const char *name)
{
	const char *v = getenv(name);
	return v && *v && strcmp(v, "0") != 0;
}

/* ==== the district database ============================================== */

/* Months of measurements per commune: five years for the 25 communes, one
 * for a province's 300 (the same shape per commune otherwise; the
 * generation stays within a few tens of seconds). */
static int months = MONTHS;
/* Audit rows: 1 000 000 for the 25 communes; for the 300, fewer (their
 * writing is most of the generation's time), enough for every commune. */
static long audit_rows = AUDIT_ROWS;

/* A fixed-seed generator: the same district every run. */
static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t
rng(void)
{
	uint64_t x = rng_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545f4914f6cdd1du;
}

static int
rng_below(int n)
{
	return (int)(rng() % (uint64_t)n);
}

/* 32 lowercase hex digits, like lower(hex(randomblob(16))). */
static void
rng_id(char out[STORE_ID_LEN])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t a = rng(), b = rng();
	for (int i = 0; i < 16; i++) {
		out[i] = hex[(a >> (4 * i)) & 15];
		out[16 + i] = hex[(b >> (4 * i)) & 15];
	}
	out[32] = '\0';
}

static int
gen_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK)
		return 0;
	fprintf(stderr, "bench_tui: SQL: %s\n", err ? err : sqlite3_errmsg(db));
	sqlite3_free(err);
	return -1;
}

static int
gen_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **s)
{
	if (sqlite3_prepare_v2(db, sql, -1, s, NULL) == SQLITE_OK)
		return 0;
	fprintf(stderr, "bench_tui: SQL: %s\n", sqlite3_errmsg(db));
	return -1;
}

/* Units, plans (with the plan's own indicators and targets), villages
 * and their checklists: plain SQL. Xã 01 exists already (store_create). */
static const char GEN_UNITS_SQL[] =
	"INSERT INTO unit(id, parent_id, level, name, info, ord) VALUES "
	"  (lower(hex(randomblob(16))), NULL, 'huyen', 'Huyện Thử Nghiệm', "
	"   'tỉnh Hưng Yên', 0);"
	"UPDATE unit SET parent_id = (SELECT id FROM unit WHERE level = 'huyen'), "
	"  info = 'huyện Thử Nghiệm, tỉnh Hưng Yên', ord = 1 WHERE level = 'xa';"
	"WITH RECURSIVE n(k) AS (SELECT 2 UNION ALL SELECT k + 1 FROM n "
	"  WHERE k < (SELECT n FROM gen_communes)) "
	"INSERT INTO unit(id, parent_id, level, name, info, ord) "
	"SELECT lower(hex(randomblob(16))), (SELECT id FROM unit WHERE level = 'huyen'), "
	"  'xa', printf('Xã %02d', k), 'huyện Thử Nghiệm, tỉnh Hưng Yên', k FROM n;"
	"WITH v(ord, name) AS (VALUES (1, 'Cự Đình'), (2, 'Thục Cầu'), "
	"  (3, 'Đông Mai'), (4, 'Tây Sơn'), (5, 'Phú Thịnh'), (6, 'An Lạc'), "
	"  (7, 'Bình Minh'), (8, 'Hòa Bình'), (9, 'Tân Tiến'), "
	"  (10, 'Quyết Thắng'), (11, 'Đoàn Kết'), (12, 'Thắng Lợi')) "
	"INSERT INTO unit(id, parent_id, level, name, ord) "
	"SELECT lower(hex(randomblob(16))), u.id, 'thon', v.name, v.ord "
	"FROM unit u, v WHERE u.level = 'xa' ORDER BY u.ord, v.ord;"
	"INSERT INTO plan(id, unit_id, year, number, issued_on, title, signer) "
	"SELECT lower(hex(randomblob(16))), id, 2024, printf('%d/KH-UBND', 20 + ord), "
	"  '2024-03-12', 'Kế hoạch triển khai thực hiện Chương trình mục tiêu quốc "
	"gia xây dựng nông thôn mới ' || name || ' năm 2024', 'Đặng Hồng Quân' "
	"FROM unit WHERE level = 'xa' ORDER BY ord;"
	/* each plan's own indicators; codes are unique per criterion, so the
	 * other communes' copies carry their number */
	"WITH v(criterion, k, kind, unit_label, name) AS (VALUES "
	"  (12, 1, 'percent', '%', 'Tỷ lệ lao động làm việc trong các ngành kinh tế chủ lực trên địa bàn'), "
	"  (18, 1, 'percent', '%', 'Tỷ lệ mâu thuẫn, tranh chấp, vi phạm thuộc phạm vi hòa giải được hòa giải thành'), "
	"  (18, 2, 'percent', '%', 'Tỷ lệ người dân thuộc đối tượng được trợ giúp pháp lý khi có yêu cầu'), "
	"  (18, 3, 'number', 'mô hình', 'Số mô hình điển hình về phổ biến, giáo dục pháp luật, hòa giải cơ sở hoạt động hiệu quả'), "
	"  (8, 1, 'bool', NULL, 'Duy trì dịch vụ công trực tuyến mức độ 3 trở lên'), "
	"  (13, 1, 'number', 'HTX', 'Số hợp tác xã có liên kết sản xuất – tiêu thụ sản phẩm'), "
	"  (6, 1, 'number', 'thôn', 'Số thôn chưa có nhà văn hóa độc lập được xây mới nhà văn hóa'), "
	"  (14, 1, 'percent', '%', 'Tỷ lệ trẻ mẫu giáo 5 tuổi đến trường'), "
	"  (14, 2, 'percent', '%', 'Tỷ lệ trẻ 6 tuổi vào lớp 1'), "
	"  (17, 1, 'percent', '%', 'Tỷ lệ rác thải sinh hoạt được xử lý đúng quy định'), "
	"  (9, 1, 'percent', '%', 'Tỷ lệ nhà ở đạt chuẩn theo quy định của Bộ Xây dựng')) "
	"INSERT INTO indicator(id, criterion_id, code, name, kind, comparator, "
	"  target, unit_label, source, verified, plan_id, ord) "
	"SELECT lower(hex(randomblob(16))), "
	"  (SELECT c.id FROM criterion c JOIN criteria_set cs ON cs.id = c.set_id "
	"    WHERE cs.code = 'ntm' AND c.number = v.criterion), "
	"  v.criterion || '.KH' || v.k || CASE WHEN u.ord = 1 THEN '' "
	"    ELSE printf('-%02d', u.ord) END, "
	"  v.name, v.kind, CASE v.kind WHEN 'bool' THEN '=' ELSE '>=' END, NULL, "
	"  v.unit_label, 'Kế hoạch ' || p.number, 1, p.id, 100 + v.k "
	"FROM v, plan p JOIN unit u ON u.id = p.unit_id ORDER BY u.ord;"
	"INSERT INTO plan_target(id, plan_id, indicator_id, comparator, value, note) "
	"SELECT lower(hex(randomblob(16))), p.id, i.id, '>=', 80 + abs(random()) % 20, "
	"  'Chỉ tiêu của kế hoạch năm 2024' "
	"FROM plan p JOIN indicator i ON i.plan_id IS NULL OR i.plan_id = p.id "
	"JOIN criterion c ON c.id = i.criterion_id "
	"JOIN criteria_set cs ON cs.id = c.set_id AND cs.code = 'ntm' "
	"WHERE i.kind = 'percent';"
	"INSERT INTO checklist_item(id, unit_id, template_id, title, done, "
	"  done_on, done_by, ord) "
	"SELECT lower(hex(randomblob(16))), u.id, t.id, t.title, d, "
	"  CASE d WHEN 1 THEN '2023-06-15' END, "
	"  CASE d WHEN 1 THEN 'Trần Thị Bình' END, t.ord "
	"FROM (SELECT u.*, abs(random()) % 10 < 4 AS d FROM unit u "
	"      WHERE u.level = 'thon') u "
	"JOIN checklist_template t "
	"  ON t.set_id = (SELECT id FROM criteria_set WHERE code = 'kdc_km') "
	"ORDER BY u.rowid, t.ord;";

/* Tasks per sector in the order of the tabs: the shape of Việt Hưng's
 * 2024 plan (70 tasks). */
static const struct { const char *code; int n; } TASKS_PER_SECTOR[] = {
	{"quy_hoach", 3}, {"giao_thong", 3}, {"thuy_loi", 2}, {"dien", 4},
	{"giao_duc", 5}, {"van_hoa", 8}, {"thuong_mai", 2}, {"tt_tt", 4},
	{"nha_o", 1}, {"thu_nhap_ngheo", 3}, {"lao_dong", 1}, {"san_xuat", 7},
	{"y_te", 4}, {"moi_truong", 8}, {"htct_phap_luat", 5}, {"qp_an", 4},
	{"giai_phap", 6},
};

static const char *const TASK_VERBS[] = {
	"Cải tạo, nâng cấp", "Xây mới", "Duy trì", "Rà soát, bổ sung",
	"Tuyên truyền, vận động về", "Hoàn thiện", "Kiểm tra, giám sát",
	"Huy động nguồn lực cho",
};
static const char *const TASK_THINGS[] = {
	"đường trục thôn", "rãnh thoát nước khu dân cư", "nhà văn hóa thôn",
	"hệ thống chiếu sáng đường làng", "kênh mương nội đồng", "trạm y tế xã",
	"điểm thu gom rác thải sinh hoạt", "trường mầm non", "chợ nông thôn",
	"hệ thống truyền thanh cơ sở", "mô hình sản xuất liên kết",
	"đường hoa tiêu biểu, cây xanh",
};
static const char *const RESPONSIBLE[] = {
	"Công chức chuyên môn", "Công chức địa chính phụ trách NTM",
	"Ủy ban MTTQ và các hội, đoàn thể", "Các thôn",
	"Công chức Tài chính – Kế toán",
};
static const char *const STATUSES[] = {
	"chua_bat_dau", "dang_thuc_hien", "dang_thuc_hien", "hoan_thanh",
	"hoan_thanh", "tam_dung",
};
static const char *const PEOPLE[] = {
	"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung",
	"Hoàng Văn Em", "Đặng Hồng Quân",
};

static int
gen_tasks(sqlite3 *db)
{
	sqlite3_stmt *plans, *ins;
	if (gen_prepare(db, "SELECT p.id, u.name FROM plan p JOIN unit u ON "
			"u.id = p.unit_id ORDER BY u.ord", &plans))
		return -1;
	if (gen_prepare(db, "INSERT INTO task(id, plan_id, sector_id, title, "
			"detail, responsible, due, status, progress, ord) VALUES "
			"(lower(hex(randomblob(16))), ?1, (SELECT id FROM sector "
			"WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &ins)) {
		sqlite3_finalize(plans);
		return -1;
	}
	int rc = 0;
	while (rc == 0 && sqlite3_step(plans) == SQLITE_ROW) {
		const char *plan = (const char *)sqlite3_column_text(plans, 0);
		const char *commune = (const char *)sqlite3_column_text(plans, 1);
		for (size_t s = 0; s < sizeof TASKS_PER_SECTOR / sizeof *TASKS_PER_SECTOR; s++)
			for (int k = 1; rc == 0 && k <= TASKS_PER_SECTOR[s].n; k++) {
				char title[256], detail[512], due[32];
				const char *verb = TASK_VERBS[rng_below(8)];
				const char *thing = TASK_THINGS[rng_below(12)];
				snprintf(title, sizeof title, "%s %s%s", verb, thing,
					 rng_below(3) ? "" : " giai đoạn 2024–2025");
				snprintf(detail, sizeof detail,
					 "%s %s trên địa bàn %s, bảo đảm đúng quy định, "
					 "phục vụ tốt nhu cầu đi lại, sản xuất và đời sống "
					 "của người dân.", verb, thing, commune);
				const char *status = STATUSES[rng_below(6)];
				int progress = strcmp(status, "hoan_thanh") == 0 ? 100
					: strcmp(status, "chua_bat_dau") == 0 ? 0
					: 10 * (1 + rng_below(9));
				snprintf(due, sizeof due, "2024-%02d-%02d",
					 1 + rng_below(12), 1 + rng_below(28));
				sqlite3_bind_text(ins, 1, plan, -1, SQLITE_STATIC);
				sqlite3_bind_text(ins, 2, TASKS_PER_SECTOR[s].code, -1, SQLITE_STATIC);
				sqlite3_bind_text(ins, 3, title, -1, SQLITE_STATIC);
				sqlite3_bind_text(ins, 4, detail, -1, SQLITE_STATIC);
				sqlite3_bind_text(ins, 5, RESPONSIBLE[rng_below(5)], -1, SQLITE_STATIC);
				if (rng_below(4))
					sqlite3_bind_text(ins, 6, due, -1, SQLITE_STATIC);
				else
					sqlite3_bind_null(ins, 6);
				sqlite3_bind_text(ins, 7, status, -1, SQLITE_STATIC);
				sqlite3_bind_int(ins, 8, progress);
				sqlite3_bind_int(ins, 9, k);
				if (sqlite3_step(ins) != SQLITE_DONE) {
					fprintf(stderr, "bench_tui: task: %s\n", sqlite3_errmsg(db));
					rc = -1;
				}
				sqlite3_reset(ins);
			}
	}
	sqlite3_finalize(plans);
	sqlite3_finalize(ins);
	return rc;
}

/* Every indicator each commune sees (national and its plan's own),
 * measured on the 25th of every month of 2020–2024; seq in that order. */
static int
gen_measurements(sqlite3 *db, int *count)
{
	sqlite3_stmt *q, *ins;
	if (gen_prepare(db, "SELECT u.id, i.id, i.kind FROM unit u "
			"JOIN plan p ON p.unit_id = u.id "
			"JOIN indicator i ON i.plan_id IS NULL OR i.plan_id = p.id "
			"JOIN criterion c ON c.id = i.criterion_id "
			"JOIN criteria_set cs ON cs.id = c.set_id AND cs.code = 'ntm' "
			"WHERE u.level = 'xa' ORDER BY u.ord, c.number, i.ord", &q))
		return -1;
	struct pair { char unit[STORE_ID_LEN], ind[STORE_ID_LEN]; char kind; } *p = NULL;
	size_t n = 0, cap = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 2048;
			struct pair *grown = realloc(p, cap * sizeof *p);
			if (!grown)
				break;
			p = grown;
		}
		snprintf(p[n].unit, STORE_ID_LEN, "%s", sqlite3_column_text(q, 0));
		snprintf(p[n].ind, STORE_ID_LEN, "%s", sqlite3_column_text(q, 1));
		p[n].kind = (char)sqlite3_column_text(q, 2)[0];
		n++;
	}
	sqlite3_finalize(q);
	if (gen_prepare(db, "INSERT INTO measurement(id, indicator_id, unit_id, "
			"value, as_of, note, recorded_by, recorded_at, seq) VALUES "
			"(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &ins)) {
		free(p);
		return -1;
	}
	int rc = 0;
	long seq = 0;
	for (int m = 0; rc == 0 && m < months; m++) {
		char as_of[32], at[48], note[96];
		/* the last months of the five years */
		int year = 2020 + (m + MONTHS - months) / 12, month = m % 12 + 1;
		snprintf(as_of, sizeof as_of, "%04d-%02d-25", year, month);
		snprintf(note, sizeof note, "Số liệu báo cáo tháng %02d/%04d", month, year);
		double trend = (double)(m + MONTHS - months) / (MONTHS - 1);
		for (size_t i = 0; rc == 0 && i < n; i++) {
			char id[STORE_ID_LEN];
			double v;
			rng_id(id);
			if (p[i].kind == 'b')
				v = rng_below(100) < 40 + 55 * trend;
			else if (p[i].kind == 'p')
				v = (int)(10 * (40 + 55 * trend + rng_below(100) / 10.0 - 5)) / 10.0;
			else
				v = m / 12 + rng_below(3);
			v = v > 100 ? 100 : v;
			snprintf(at, sizeof at, "%04d-%02d-26T%02d:%02d:%02dZ", year, month,
				 1 + rng_below(10), rng_below(60), rng_below(60));
			sqlite3_bind_text(ins, 1, id, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 2, p[i].ind, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 3, p[i].unit, -1, SQLITE_STATIC);
			sqlite3_bind_double(ins, 4, v);
			sqlite3_bind_text(ins, 5, as_of, -1, SQLITE_STATIC);
			if (seq % 25 == 0)   /* a few notes, which are searchable */
				sqlite3_bind_text(ins, 6, note, -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(ins, 6);
			sqlite3_bind_text(ins, 7, "canbo", -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 8, at, -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 9, ++seq);
			if (sqlite3_step(ins) != SQLITE_DONE) {
				fprintf(stderr, "bench_tui: measurement: %s\n", sqlite3_errmsg(db));
				rc = -1;
			}
			sqlite3_reset(ins);
		}
	}
	sqlite3_finalize(ins);
	free(p);
	*count = (int)seq;
	return rc;
}

/* Whole-row JSON images (before, after) of existing rows, for audit rows
 * that read like the ones the triggers write; commune is the unit's ord. */
struct image {
	char id[STORE_ID_LEN];
	char *before, *after;
	int commune;
};

static struct image *
gen_images(sqlite3 *db, const char *sql, size_t *n)
{
	sqlite3_stmt *s;
	struct image *im = NULL;
	size_t cap = 0;
	*n = 0;
	if (gen_prepare(db, sql, &s))
		return NULL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 4096;
			struct image *grown = realloc(im, cap * sizeof *im);
			if (!grown)
				break;
			im = grown;
		}
		struct image *x = &im[(*n)++];
		snprintf(x->id, STORE_ID_LEN, "%s", sqlite3_column_text(s, 0));
		x->before = sqlite3_column_type(s, 1) == SQLITE_NULL ? NULL
			: strdup((const char *)sqlite3_column_text(s, 1));
		x->after = strdup((const char *)sqlite3_column_text(s, 2));
		x->commune = sqlite3_column_int(s, 3);
	}
	sqlite3_finalize(s);
	return im;
}

static void
free_images(struct image *im, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(im[i].before);
		free(im[i].after);
	}
	free(im);
}

static const char IMG_MEASUREMENT[] =
	"SELECT m.id, NULL, json_object('id', m.id, 'indicator_id', m.indicator_id, "
	"  'unit_id', m.unit_id, 'value', m.value, 'as_of', m.as_of, 'note', m.note, "
	"  'recorded_by', m.recorded_by, 'recorded_at', m.recorded_at, 'seq', m.seq, "
	"  'version', m.version), u.ord "
	"FROM measurement m JOIN unit u ON u.id = m.unit_id ORDER BY m.seq";
static const char IMG_TASK[] =
	"SELECT id, j, json_set(j, '$.progress', min(progress + 10, 100), "
	"  '$.version', version + 1), c FROM (SELECT t.id, t.progress, t.version, "
	"  json_object('id', t.id, 'plan_id', t.plan_id, 'sector_id', t.sector_id, "
	"  'title', t.title, 'detail', t.detail, 'responsible', t.responsible, "
	"  'due', t.due, 'status', t.status, 'progress', t.progress, "
	"  'budget_planned', t.budget_planned, 'budget_spent', t.budget_spent, "
	"  'note', t.note, 'ord', t.ord, 'version', t.version) AS j, u.ord AS c "
	"  FROM task t JOIN plan p ON p.id = t.plan_id "
	"  JOIN unit u ON u.id = p.unit_id ORDER BY t.rowid)";
static const char IMG_ITEM[] =
	"SELECT id, j, json_set(j, '$.done', 1, '$.done_on', '2023-06-15', "
	"  '$.done_by', 'Trần Thị Bình', '$.version', version + 1), c FROM ("
	"  SELECT i.id, i.version, json_object('id', i.id, 'unit_id', i.unit_id, "
	"  'template_id', i.template_id, 'title', i.title, 'done', 0, "
	"  'done_on', NULL, 'done_by', NULL, 'note', i.note, 'ord', i.ord, "
	"  'version', i.version) AS j, x.ord AS c "
	"  FROM checklist_item i JOIN unit v ON v.id = i.unit_id "
	"  JOIN unit x ON x.id = v.parent_id ORDER BY i.rowid)";

/* 1 000 000 audit rows over five years: every measurement's insert, the
 * rest task edits and checklist ticks, one row per action. */
static int
gen_audit(sqlite3 *db)
{
	size_t nm, nt, ni;
	struct image *m = gen_images(db, IMG_MEASUREMENT, &nm);
	struct image *t = gen_images(db, IMG_TASK, &nt);
	struct image *it = gen_images(db, IMG_ITEM, &ni);
	sqlite3_stmt *ins = NULL;
	int rc = !m || !t || !it || !nm || !nt || !ni ? -1 : 0;
	if (rc == 0)
		rc = gen_prepare(db, "INSERT INTO audit(id, seq, action_id, verb, at, "
				 "os_user, person, entity, entity_id, before, after) "
				 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", &ins);
	const time_t start = 1577836800;     /* 2020-01-01T00:00:00Z */
	const double step = 5 * 365.25 * 86400 / audit_rows;
	size_t next_m = 0;
	for (long i = 0; rc == 0 && i < audit_rows; i++) {
		char id[STORE_ID_LEN], action[STORE_ID_LEN], at[32], user[16];
		const struct image *x;
		const char *verb, *entity;
		if (i % 10 == 0 && next_m < nm) {
			x = &m[next_m++];
			verb = "set";
			entity = "measurement";
		} else if (rng_below(2)) {
			x = &t[rng_below((int)nt)];
			verb = "task.edit";
			entity = "task";
		} else {
			x = &it[rng_below((int)ni)];
			verb = "checklist.done";
			entity = "checklist_item";
		}
		rng_id(id);
		rng_id(action);
		time_t when = start + (time_t)(i * step);
		struct tm tm;
		gmtime_r(&when, &tm);
		strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
		snprintf(user, sizeof user, "canbo%02d", x->commune % 100);
		int who = rng_below(8);
		sqlite3_bind_text(ins, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 2, i + 1);
		sqlite3_bind_text(ins, 3, action, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 4, verb, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 5, at, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 6, user, -1, SQLITE_STATIC);
		if (who < 6)
			sqlite3_bind_text(ins, 7, PEOPLE[who], -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, 7);
		sqlite3_bind_text(ins, 8, entity, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 9, x->id, -1, SQLITE_STATIC);
		if (x->before)
			sqlite3_bind_text(ins, 10, x->before, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, 10);
		sqlite3_bind_text(ins, 11, x->after, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			fprintf(stderr, "bench_tui: audit: %s\n", sqlite3_errmsg(db));
			rc = -1;
		}
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	free_images(m, nm);
	free_images(t, nt);
	free_images(it, ni);
	return rc;
}

static long long
count_rows(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	long long n = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

static long long
file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
}

/* Builds the district database of n communes at path; 0 on success. */
static int
gen_district(const char *path, int communes)
{
	struct ntm_error e = {0};
	double t0 = bench_now();
	if (store_create(path, true, "Xã 01", NULL, &e) != NTM_OK) {
		fprintf(stderr, "bench_tui: store_create: %s\n", e.msg);
		return -1;
	}
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_tui: %s: %s\n", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	long long version = count_rows(db, "PRAGMA user_version");
	char *n_sql = sqlite3_mprintf("CREATE TEMP TABLE gen_communes(n); "
				      "INSERT INTO gen_communes VALUES (%d)", communes);
	months = communes > COMMUNES ? 12 : MONTHS;
	audit_rows = communes > COMMUNES ? AUDIT_ROWS / 5 : AUDIT_ROWS;
	int nmeas = 0, rc = gen_exec(db, "PRAGMA journal_mode = OFF; "
				     "PRAGMA synchronous = OFF; "
				     "PRAGMA cache_size = -262144; "
				     "PRAGMA temp_store = MEMORY; BEGIN");
	if (rc == 0)
		rc = gen_exec(db, n_sql);
	sqlite3_free(n_sql);
	if (rc == 0)
		rc = gen_exec(db, GEN_UNITS_SQL);
	if (rc == 0)
		rc = gen_tasks(db);
	double t1 = bench_now();
	if (rc == 0)
		rc = gen_measurements(db, &nmeas);
	double t2 = bench_now();
	if (rc == 0)
		rc = gen_audit(db);
	double t3 = bench_now();
	if (rc == 0)
		rc = gen_exec(db, "COMMIT");
	if (rc != 0)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	/* back to what ntm sets, so the file is as ntm leaves it */
	if (rc == 0)
		rc = gen_exec(db, "PRAGMA journal_mode = WAL");
	double t4 = bench_now();
	if (rc == 0) {
		printf("district: %lld communes, %lld villages, %lld tasks, "
		       "%lld indicators, %d measurements, %lld checklist items, "
		       "%lld audit rows\n",
		       count_rows(db, "SELECT count(*) FROM unit WHERE level = 'xa'"),
		       count_rows(db, "SELECT count(*) FROM unit WHERE level = 'thon'"),
		       count_rows(db, "SELECT count(*) FROM task"),
		       count_rows(db, "SELECT count(*) FROM indicator"), nmeas,
		       count_rows(db, "SELECT count(*) FROM checklist_item"),
		       count_rows(db, "SELECT count(*) FROM audit"));
		long long v2 = count_rows(db, "PRAGMA user_version");
		printf("district: generated in %.1f s (units, plans, tasks %.1f s; "
		       "measurements %.1f s; audit %.1f s; commit and WAL %.1f s); "
		       "user_version %lld%s\n", t4 - t0, t1 - t0, t2 - t1, t3 - t2,
		       t4 - t3, v2, v2 == version ? " as created" : " CHANGED");
	}
	sqlite3_close(db);
	if (rc == 0)
		printf("district: %s is %.1f MB\n", path, file_size(path) / 1e6);
	return rc;
}

/* ==== the terminal session ================================================ */

struct session {
	pid_t pid;
	int fd;
	double t0, deadline;
	char *out;              /* everything ntm wrote */
	size_t len, cap;
	bool eof, killed;
	int status;
	struct rusage ru;
	bool reaped;
};

static void
session_kill(struct session *s)
{
	if (s->pid > 0 && !s->reaped && !s->killed) {
		/* forkpty made the child the leader of its own process group:
		 * whatever it started goes with it */
		kill(-s->pid, SIGKILL);
		kill(s->pid, SIGKILL);
		s->killed = true;
	}
}

/* Reads what arrives within wait_ms: bytes read, 0 when nothing came,
 * -1 when the terminal closed (or the session ran out of time). */
static long
pump(struct session *s, int wait_ms)
{
	if (s->eof)
		return -1;
	double left = (s->deadline - bench_now()) * 1e3;
	if (left <= 0) {
		session_kill(s);
		s->eof = true;
		return -1;
	}
	if (wait_ms > left)
		wait_ms = (int)left + 1;
	struct pollfd p = {.fd = s->fd, .events = POLLIN};
	int r = poll(&p, 1, wait_ms < 0 ? 0 : wait_ms);
	if (r <= 0)
		return 0;
	char buf[65536];
	ssize_t n = read(s->fd, buf, sizeof buf);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n <= 0) {           /* EIO: the child closed the terminal */
		s->eof = true;
		return -1;
	}
	if (s->len + (size_t)n + 1 > s->cap) {
		size_t cap = (s->cap ? 2 * s->cap : 1 << 16) + (size_t)n;
		char *grown = realloc(s->out, cap);
		if (!grown)
			return (long)n;     /* counted, not kept */
		s->out = grown;
		s->cap = cap;
	}
	memcpy(s->out + s->len, buf, (size_t)n);
	s->len += (size_t)n;
	s->out[s->len] = '\0';
	return (long)n;
}

static bool
contains(const char *hay, size_t len, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= len; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return true;
	return false;
}

static int
session_start(struct session *s, const char *dir, const char *db,
	      const char *unit)
{
	memset(s, 0, sizeof *s);
	struct winsize ws = {.ws_row = 24, .ws_col = 80};
	fflush(stdout);
	fflush(stderr);
	s->t0 = bench_now();
	s->deadline = s->t0 + SESSION_MS / 1e3;
	s->pid = forkpty(&s->fd, NULL, NULL, &ws);
	if (s->pid < 0) {
		printf("bench_tui: forkpty: %s\n", strerror(errno));
		return -1;
	}
	if (s->pid == 0) {
		char path[4200];
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		setenv("HOME", dir, 1);
		static const char *const xdg[][2] = {
			{"XDG_CONFIG_HOME", "config"}, {"XDG_DATA_HOME", "data"},
			{"XDG_STATE_HOME", "state"}, {"XDG_CACHE_HOME", "cache"},
		};
		for (size_t i = 0; i < sizeof xdg / sizeof *xdg; i++) {
			snprintf(path, sizeof path, "%s/%s", dir, xdg[i][1]);
			setenv(xdg[i][0], path, 1);
		}
		static const char *const drop[] = {
			"NO_COLOR", "NTM_DB", "NTM_USER", "NTM_BUSY_TIMEOUT_MS",
			"LINES", "COLUMNS", "TERMINFO", "VISUAL", "EDITOR",
		};
		for (size_t i = 0; i < sizeof drop / sizeof *drop; i++)
			unsetenv(drop[i]);
		if (unit)
			execl("./ntm", "ntm", "--db", db, "--unit", unit, (char *)NULL);
		else        /* the district view: tab Huyện */
			execl("./ntm", "ntm", "--db", db, (char *)NULL);
		fprintf(stderr, "cannot run ./ntm: %s\r\n", strerror(errno));
		_exit(127);
	}
	return 0;
}

/* Sends q (unless the child is gone), waits for the exit and its
 * resource usage; kills the child at the session's deadline. */
static void
session_end(struct session *s, bool send_quit)
{
	if (send_quit && !s->eof && write(s->fd, "q", 1) != 1)
		session_kill(s);
	while (!s->reaped) {
		pid_t r = wait4(s->pid, &s->status, WNOHANG, &s->ru);
		if (r == s->pid || (r < 0 && errno != EINTR)) {
			s->reaped = true;
		} else if (s->killed || bench_now() > s->deadline) {
			session_kill(s);
			while (wait4(s->pid, &s->status, 0, &s->ru) < 0 && errno == EINTR)
				;
			s->reaped = true;
		} else if (pump(s, 20) < 0) {
			/* the terminal is closed: the child is on its way out */
			struct timespec ts = {0, 2000000};
			nanosleep(&ts, NULL);
		}
	}
	close(s->fd);
	free(s->out);
	s->out = NULL;
}

/* What ntm wrote, readable: the first error-looking text of a failed start. */
static void
print_plain(const char *label, const char *p, size_t len)
{
	printf("%s", label);
	size_t shown = 0;
	for (size_t i = 0; i < len && shown < 400; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == 0x1b) {        /* skip a CSI or a two-byte sequence */
			if (i + 1 < len && p[i + 1] == '[') {
				i += 2;
				while (i < len && !(p[i] >= 0x40 && p[i] <= 0x7e))
					i++;
			} else {
				i++;
			}
			continue;
		}
		if (c == '\r' || c == '\n')
			c = ' ';
		if (c >= 0x20) {
			putchar(c);
			shown++;
		}
	}
	putchar('\n');
}

/* The bytes of one response, escapes visible (NTM_BENCH_VERBOSE). */
static void
print_escaped(const char *label, const char *p, size_t len)
{
	printf("%s (%zu bytes):\n    ", label, len);
	int col = 4;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == 0x1b) {
			col += printf("\\e");
		} else if (c < 0x20 || c == 0x7f) {
			col += printf("\\x%02x", c);
		} else {
			putchar(c);
			col += c < 0x80 || (c & 0xc0) == 0xc0;  /* one per character */
		}
		if (col >= 76 && (c == 0x1b || (i + 1 < len && p[i + 1] == 0x1b))) {
			printf("\n    ");
			col = 4;
		}
	}
	putchar('\n');
}

struct response {
	char key;
	long bytes;
	double first_ms, last_ms;       /* after the key was sent; -1: none */
	size_t at;                      /* where it starts in session.out */
};

/* Sends a key, then reads until quiet_ms pass without output (or no byte
 * at all within KEY_WAIT_MS: the key changed nothing on screen). */
static struct response
send_key(struct session *s, const char *key)
{
	struct response r = {key[0], 0, -1, -1, s->len};
	double t = bench_now();
	if (write(s->fd, key, strlen(key)) != (ssize_t)strlen(key))
		return r;
	for (;;) {
		int wait = r.bytes ? KEY_QUIET_MS
			: (int)((t + KEY_WAIT_MS / 1e3 - bench_now()) * 1e3);
		if (!r.bytes && wait <= 0)
			break;
		long n = pump(s, wait);
		if (n < 0 || (n == 0 && r.bytes))
			break;
		if (n == 0)
			continue;
		double at = (bench_now() - t) * 1e3;
		if (!r.bytes)
			r.first_ms = at;
		r.bytes += n;
		r.last_ms = at;
	}
	return r;
}

/* Each key's bytes and times, and the biggest response escaped
 * (NTM_BENCH_VERBOSE). */
static void
show_keys(const char *name, const char *what, const struct session *s,
	  const struct response *r, int n)
{
	int big = -1;
	printf("%s, %s (key bytes first/last ms):", name, what);
	for (int i = 0; i < n; i++) {
		printf("%s%s %ld %.2f/%.2f", i % 6 ? "  " : "\n    ",
		       r[i].key == '\t' ? "Tab" : (char[2]){r[i].key, 0},
		       r[i].bytes, r[i].first_ms, r[i].last_ms);
		if (r[i].bytes && (big < 0 || r[i].bytes > r[big].bytes))
			big = i;
	}
	putchar('\n');
	if (big >= 0 && s->out) {
		char label[160];
		snprintf(label, sizeof label, "%s, the biggest of the %s (key %d)",
			 name, what, big + 1);
		print_escaped(label, s->out + r[big].at, (size_t)r[big].bytes);
	}
}

/* ==== figures ================================================================ */

struct stats { int n; double min, median, max; };

static struct stats
stats_of(double *v, int n)
{
	struct stats s = {n, 0, 0, 0};
	if (n == 0)
		return s;
	qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
	s.min = v[0];
	s.max = v[n - 1];
	s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	return s;
}

struct keys {
	int sent, silent;               /* keys sent; keys with no output */
	int over;                       /* responses over the aim in bytes */
	struct stats bytes, first, last;
};

static struct keys
keys_of(const struct response *r, int n, long aim_bytes)
{
	double b[64], f[64], l[64];
	int k = 0, silent = 0, over = 0;
	for (int i = 0; i < n && k < 64; i++) {
		over += r[i].bytes > aim_bytes;
		if (r[i].bytes == 0) {
			silent++;
			continue;
		}
		b[k] = (double)r[i].bytes;
		f[k] = r[i].first_ms;
		l[k] = r[i].last_ms;
		k++;
	}
	struct keys out = {n, silent, over, stats_of(b, k), stats_of(f, k),
			   stats_of(l, k)};
	return out;
}

struct run {
	const char *name;
	char why[256];
	bool saw_hint, ascii_hint;
	double first_ms[FIRST_RUNS];        /* first screen, each session */
	int nfirst;
	struct stats first;
	long first_screen_bytes;
	struct keys moves, tabs;
	long maxrss_kib;
};

/* Waits for the first complete screen: the hint bar's last item has been
 * drawn, then FIRST_QUIET_MS of silence. *ms is the time from fork to the
 * last byte of that burst; false when ntm exited or hung. */
static bool
first_screen(struct session *s, struct run *run, double *ms)
{
	double last = -1;
	bool seen = false;
	while (!s->eof) {
		long n = pump(s, seen ? FIRST_QUIET_MS : 100);
		if (n > 0) {
			last = bench_now();
			if (!seen && contains(s->out, s->len, "Thoat"))
				run->ascii_hint = seen = true;
			if (!seen)
				seen = contains(s->out, s->len, "Thoát");
		} else if (n == 0 && seen) {
			break;
		}
	}
	if (seen) {
		*ms = (last - s->t0) * 1e3;
		return true;
	}
	if (s->killed)
		snprintf(run->why, sizeof run->why,
			 "no complete screen within %d s: killed", SESSION_MS / 1000);
	else
		snprintf(run->why, sizeof run->why, "ntm exited before drawing a screen");
	printf("%s: %s\n", run->name, run->why);
	if (s->len)
		print_plain("    ntm wrote: ", s->out, s->len);
	session_end(s, false);
	if (s->reaped && WIFEXITED(s->status))
		printf("    its exit status: %d\n", WEXITSTATUS(s->status));
	return false;
}

/* The session of the figures: first screen, Tab once, 20 selection moves,
 * 10 tab switches, q; then FIRST_RUNS - 1 more starts for the first
 * screen alone. */
static void
measure(struct run *run, const char *dir, const char *db, const char *unit)
{
	struct session s;
	double ms;
	if (session_start(&s, dir, db, unit)) {
		snprintf(run->why, sizeof run->why, "forkpty failed");
		return;
	}
	if (!first_screen(&s, run, &ms))
		return;
	run->saw_hint = true;
	run->first_ms[run->nfirst++] = ms;
	run->first_screen_bytes = (long)s.len;

	if (unit)                          /* tab Huyện: the list itself */
		send_key(&s, "\t");        /* to the second tab */
	/* 20 moves of the selection: j, and k back up once j reaches the end
	 * of the list (a key that draws nothing moved nothing) */
	struct response mv[MAX_MOVE_KEYS];
	int nmv = 0, moved = 0;
	const char *dir_key = "j";
	while (moved < MOVES && nmv < MAX_MOVE_KEYS && !s.eof) {
		mv[nmv] = send_key(&s, dir_key);
		if (mv[nmv].bytes)
			moved++;
		else
			dir_key = dir_key[0] == 'j' ? "k" : "j";
		nmv++;
	}
	struct response tb[TAB_KEYS];
	int ntb = 0;
	for (; ntb < TAB_KEYS && !s.eof; ntb++)
		tb[ntb] = send_key(&s, "\t");
	if (env_set("NTM_BENCH_VERBOSE")) {
		show_keys(run->name, "selection moves", &s, mv, nmv);
		show_keys(run->name, "tab switches", &s, tb, ntb);
	}
	run->moves = keys_of(mv, nmv, MOVE_AIM_BYTES);
	run->tabs = keys_of(tb, ntb, TAB_AIM_BYTES);
	bool lost = s.eof;
	session_end(&s, true);
	run->maxrss_kib = s.ru.ru_maxrss;
	if (s.killed)
		snprintf(run->why, sizeof run->why, "killed after %d s", SESSION_MS / 1000);
	else if (lost)
		snprintf(run->why, sizeof run->why, "ntm closed the terminal before q");
	else if (!WIFEXITED(s.status) || WEXITSTATUS(s.status) != 0)
		snprintf(run->why, sizeof run->why, "ntm ended with status %d after q",
			 WIFEXITED(s.status) ? WEXITSTATUS(s.status) : -1);

	bool killed = s.killed;
	while (!killed && run->nfirst < FIRST_RUNS &&
	       session_start(&s, dir, db, unit) == 0) {
		if (!first_screen(&s, run, &ms))
			break;
		run->first_ms[run->nfirst++] = ms;
		session_end(&s, true);
		killed = s.killed;
	}
	double copy[FIRST_RUNS];
	memcpy(copy, run->first_ms, sizeof copy);
	run->first = stats_of(copy, run->nfirst);
}

/* ==== the table ============================================================== */

/* Prints s in width columns, right- or left-aligned: every character of
 * the table is one column wide, so columns are UTF-8 lead bytes. */
static void
put_cell(const char *s, int width, bool right)
{
	int cols = 0;
	for (const char *p = s; *p; p++)
		cols += ((unsigned char)*p & 0xc0) != 0x80;
	if (right)
		printf("%*s%s", width > cols ? width - cols : 0, "", s);
	else
		printf("%s%*s", s, width > cols ? width - cols : 0, "");
}

static void
row(const char *what, const char *a, const char *b, const char *aim,
    const char *met)
{
	printf("  ");
	put_cell(what, 33, false);
	put_cell(a, 21, true);
	put_cell(b, 21, true);
	printf("   ");
	put_cell(aim, 20, false);
	printf("%s\n", met);
}

static const char *
verdict(bool have, bool met)
{
	return !have ? "" : met ? "met" : "NOT MET";
}

enum figure {
	F_MOVE_BYTES, F_MOVE_TIMES, F_MOVE_OVER, F_TAB_BYTES, F_TAB_TIMES,
	F_TAB_OVER, F_RSS_KIB, F_RSS_MIB,
};

/* One figure of both runs; "—" for a run that does not have it. */
static void
cells(char c[2][64], const struct run *r[2], enum figure f)
{
	for (int i = 0; i < 2; i++) {
		const struct run *x = r[i];
		bool tabs = f == F_TAB_BYTES || f == F_TAB_TIMES || f == F_TAB_OVER;
		const struct keys *k = tabs ? &x->tabs : &x->moves;
		bool have = f == F_RSS_KIB || f == F_RSS_MIB ? x->maxrss_kib > 0
			: x->saw_hint && k->bytes.n > 0;
		if (!have) {
			snprintf(c[i], 64, "—");
			continue;
		}
		switch (f) {
		case F_MOVE_BYTES: case F_TAB_BYTES:
			snprintf(c[i], 64, "%.0f/%.0f/%.0f B", k->bytes.min,
				 k->bytes.median, k->bytes.max);
			break;
		case F_MOVE_TIMES: case F_TAB_TIMES:
			snprintf(c[i], 64, "%.2f / %.2f ms", k->first.median,
				 k->last.median);
			break;
		case F_MOVE_OVER: case F_TAB_OVER:
			snprintf(c[i], 64, "%d of %d", k->over, k->sent - k->silent);
			break;
		case F_RSS_KIB:
			snprintf(c[i], 64, "%ld KiB", x->maxrss_kib);
			break;
		case F_RSS_MIB:
			snprintf(c[i], 64, "%.1f MiB", x->maxrss_kib / 1024.0);
			break;
		}
	}
}

static void
print_table(const struct run *d, const struct run *x)
{
	const struct run *r[2] = {d, x};
	char c[2][64];
	bool both = d->saw_hint && x->saw_hint;

	printf("\nntm's full-screen program at 80×24 (TERM=xterm-256color, C.UTF-8):\n");
	row("", d->name, x->name, "aim", "");
	for (int i = 0; i < 2; i++)
		snprintf(c[i], 64, r[i]->saw_hint ? "%.1f ms" : "—", r[i]->first.median);
	row("first complete screen, median", c[0], c[1], "≤ 50 ms (district)",
	    verdict(x->saw_hint, x->first.median <= FIRST_AIM_MS));
	for (int i = 0; i < 2; i++)
		snprintf(c[i], 64, r[i]->saw_hint ? "%.1f–%.1f ms (%d)" : "—",
			 r[i]->first.min, r[i]->first.max, r[i]->first.n);
	row("  min–max (starts)", c[0], c[1], "", "");
	for (int i = 0; i < 2; i++)
		snprintf(c[i], 64, r[i]->saw_hint ? "%ld B" : "—",
			 r[i]->first_screen_bytes);
	row("  bytes of the first screen", c[0], c[1], "", "");

	cells(c, r, F_MOVE_BYTES);
	row("selection move: bytes min/med/max", c[0], c[1], "≤ 400 B each",
	    verdict(both, d->moves.over == 0 && x->moves.over == 0 &&
		    d->moves.bytes.n && x->moves.bytes.n));
	cells(c, r, F_MOVE_OVER);
	row("  moves over 400 B", c[0], c[1], "", "");
	cells(c, r, F_MOVE_TIMES);
	row("  median to first / last byte", c[0], c[1], "≤ 2 ms",
	    verdict(both, d->moves.last.median <= MOVE_AIM_MS &&
		    x->moves.last.median <= MOVE_AIM_MS));
	for (int i = 0; i < 2; i++)
		snprintf(c[i], 64, "%d (%d silent)", r[i]->moves.sent, r[i]->moves.silent);
	row("  keys sent (j, k after the end)", c[0], c[1], "", "");

	cells(c, r, F_TAB_BYTES);
	row("tab switch: bytes min/med/max", c[0], c[1], "≤ 2 500 B each",
	    verdict(both, d->tabs.over == 0 && x->tabs.over == 0 &&
		    d->tabs.bytes.n && x->tabs.bytes.n));
	cells(c, r, F_TAB_OVER);
	row("  switches over 2 500 B", c[0], c[1], "", "");
	cells(c, r, F_TAB_TIMES);
	row("  median to first / last byte", c[0], c[1], "", "");

	cells(c, r, F_RSS_KIB);
	row("peak memory (ru_maxrss)", c[0], c[1], "≤ 10 MB",
	    verdict(d->maxrss_kib > 0 && x->maxrss_kib > 0,
		    d->maxrss_kib * 1024.0 <= MEMORY_AIM_BYTES &&
		    x->maxrss_kib * 1024.0 <= MEMORY_AIM_BYTES));
	cells(c, r, F_RSS_MIB);
	row("", c[0], c[1], "(10 MB = 9 766 KiB)", "");
	for (int i = 0; i < 2; i++) {
		if (r[i]->why[0])
			printf("  note (%s): %s\n", r[i]->name, r[i]->why);
		if (r[i]->ascii_hint)
			printf("  note (%s): the hint bar came without marks (\"Thoat\"): "
			       "ntm did not see a UTF-8 locale\n", r[i]->name);
	}
}

/* The district view (tab Huyện, no --unit) of the district of 25 communes
 * and of 300: first screen, selection moves, peak memory (issue 14). */
/* ./ntm with argv, its output discarded: the milliseconds from fork to
 * its exit, or -1 when it failed. */
static double
run_ntm(char *const argv[])
{
	fflush(stdout);
	double t0 = bench_now();
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execv("./ntm", argv);
		_exit(127);
	}
	int status = 0;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	double ms = (bench_now() - t0) * 1e3;
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ms : -1;
}

/* `ntm status --all --format json` on a district file: the median of 5
 * runs from fork to exit, -1 when one failed. */
static double
time_status_all(const char *db)
{
	double t[5];
	char *const argv[] = {"ntm", "--db", (char *)db, "--read-only", "status",
			      "--all", "--format", "json", NULL};
	for (int i = 0; i < 5; i++)
		if ((t[i] = run_ntm(argv)) < 0)
			return -1;
	for (int i = 1; i < 5; i++)
		for (int j = i; j > 0 && t[j] < t[j - 1]; j--) {
			double x = t[j];
			t[j] = t[j - 1];
			t[j - 1] = x;
		}
	return t[2];
}

static void
measure_views(const char *dir, const char *district, const char *province)
{
	struct run v[2] = {{.name = "district 25"}, {.name = "district 300"}};
	const char *db[2] = {district, province};
	static const double first_aim[2] = {50, 200};
	printf("\nntm's district view (tab Huyện, no --unit) at 80×24:\n");
	row("", v[0].name, v[1].name, "aim", "");
	for (int i = 0; i < 2; i++)
		if (file_size(db[i]) > 0)
			measure(&v[i], dir, db[i], NULL);
	char c[2][64];
	for (int i = 0; i < 2; i++)
		snprintf(c[i], 64, v[i].saw_hint ? "%.1f ms" : "—", v[i].first.median);
	row("first district screen, median", c[0], c[1], "≤ 50 / ≤ 200 ms",
	    verdict(v[0].saw_hint && v[1].saw_hint,
		    v[0].first.median <= first_aim[0] &&
		    v[1].first.median <= first_aim[1]));
	const struct run *r[2] = {&v[0], &v[1]};
	cells(c, r, F_MOVE_BYTES);
	row("selection move: bytes min/med/max", c[0], c[1], "≤ 400 B each",
	    verdict(v[0].saw_hint && v[1].saw_hint,
		    v[0].moves.over == 0 && v[1].moves.over == 0));
	cells(c, r, F_MOVE_OVER);
	row("  moves over 400 B (scrolls too)", c[0], c[1], "", "");
	double js[2] = {-1, -1};
	for (int i = 0; i < 2; i++) {
		if (file_size(db[i]) > 0)
			js[i] = time_status_all(db[i]);
		snprintf(c[i], 64, js[i] >= 0 ? "%.0f ms" : "—", js[i]);
	}
	row("status --all --format json, median", c[0], c[1], "≤ 200 ms (300)",
	    verdict(js[1] >= 0, js[1] <= 200));
	cells(c, r, F_RSS_MIB);
	row("peak memory (ru_maxrss)", c[0], c[1], "≤ 20 MB",
	    verdict(v[0].maxrss_kib > 0 && v[1].maxrss_kib > 0,
		    v[1].maxrss_kib * 1024.0 <= 20e6 && v[0].maxrss_kib * 1024.0 <= 20e6));
	for (int i = 0; i < 2; i++)
		if (v[i].why[0])
			printf("  note (%s): %s\n", v[i].name, v[i].why);
}

/* ==== the temporary folder =================================================== */

static void
remove_tree(const char *path)
{
	DIR *d = opendir(path);
	if (d) {
		struct dirent *de;
		while ((de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			char sub[4200];
			snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
			struct stat sb;
			if (lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode))
				remove_tree(sub);
			else
				unlink(sub);
		}
		closedir(d);
		rmdir(path);
	}
}

/* `ntm report` of a commune of the district file, each format that leaves
 * the program, timed from fork to exit (issue 12: aim under 1 s each). */
static void
time_reports(const char *dir, const char *db, const char *unit)
{
	static const char *const FORMATS[] = {"xlsx", "docx", "md"};
	for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++) {
		char out[4300];
		snprintf(out, sizeof out, "%s/report.%s", dir, FORMATS[i]);
		char *const argv[] = {"ntm", "--db", (char *)db, "--unit",
				      (char *)unit, "--read-only", "report",
				      "--as-of", "2024-12-31", "--out", out, NULL};
		double ms = run_ntm(argv);
		if (ms >= 0)
			printf("report of %s, district db, %s: %.0f ms, %.0f kB "
			       "(aim ≤ 1000 ms)\n", unit, FORMATS[i], ms,
			       file_size(out) / 1e3);
		else
			printf("report of %s, district db, %s: failed\n", unit,
			       FORMATS[i]);
	}
}

/* Creates both databases in a child process, so that none of the
 * generator's memory is in this process (and so in the ru_maxrss that
 * ntm inherits from it through fork and exec). */
static int
make_databases(const char *def, const char *district, const char *province,
	       bool *have_district)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		struct ntm_error e = {0};
		struct arena a = {0};
		struct ntm_plan_doc plan;
		int rc = 0;
		if (io_plan_builtin(&a, &plan, &e) != NTM_OK ||
		    store_create(def, false, NULL, &plan, &e) != NTM_OK) {
			printf("default: store_create: %s\n", e.msg);
			rc = 1;
		} else {
			printf("default: the built-in database (ntm init), %.1f kB\n",
			       file_size(def) / 1e3);
		}
		const char *given = getenv("NTM_BENCH_DISTRICT");
		if (rc == 0 && given && *given && file_size(given) < 0)
			printf("district: %s (NTM_BENCH_DISTRICT) does not exist\n", given);
		else if (rc == 0 && given && *given)
			printf("district: %s (NTM_BENCH_DISTRICT), %.1f MB\n", given,
			       file_size(given) / 1e6);
		else if (rc == 0 && gen_district(district, COMMUNES) != 0)
			rc = 2;
		if (rc == 0 && gen_district(province, PROVINCE_COMMUNES) != 0)
			printf("district of %d communes: not generated\n", PROVINCE_COMMUNES);
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	int rc = WIFEXITED(status) ? WEXITSTATUS(status) : 3;
	*have_district = rc == 0;
	return rc == 1 || rc == 3 ? -1 : 0;
}

int
main(void)
{
	if (access("./ntm", X_OK) != 0) {
		printf("tui: ./ntm not found (build it with make, run from the "
		       "repository's root): nothing measured\n");
		return 0;
	}
	signal(SIGPIPE, SIG_IGN);
	const char *tmp = getenv("TMPDIR");
	char dir[4096], def[4200], district[4200], province[4200];
	snprintf(dir, sizeof dir, "%s/ntm-bench-tui-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		printf("tui: mkdtemp: %s\n", strerror(errno));
		return 0;
	}
	snprintf(def, sizeof def, "%s/default.db", dir);
	snprintf(district, sizeof district, "%s/district.db", dir);
	snprintf(province, sizeof province, "%s/district300.db", dir);
	bool have_district = false;
	struct run d = {.name = "default db"}, x = {.name = "district db"};
	if (make_databases(def, district, province, &have_district) == 0) {
		struct rusage self;
		getrusage(RUSAGE_SELF, &self);
		printf("tui: first screen = from fork to the last byte of the burst "
		       "that draws the hint bar's last item (\"Thoát\"), ended by "
		       "%d ms of silence\n", FIRST_QUIET_MS);
		printf("tui: a key's response ends after %d ms of silence; a key with "
		       "no byte within %d ms drew nothing (the end of the list: the "
		       "moves then go back up with k)\n", KEY_QUIET_MS, KEY_WAIT_MS);
		printf("tui: this process's own peak RSS is %ld KiB (the anonymous "
		       "part of it at fork is a floor under ntm's ru_maxrss)\n",
		       self.ru_maxrss);
		measure(&d, dir, def, "Việt Hưng");
		if (have_district)
			measure(&x, dir, getenv("NTM_BENCH_DISTRICT") &&
				*getenv("NTM_BENCH_DISTRICT") ? getenv("NTM_BENCH_DISTRICT")
				: district, "Xã 01");
		else
			snprintf(x.why, sizeof x.why, "the district database was not generated");
		if (d.saw_hint || x.saw_hint)
			print_table(&d, &x);
		if (have_district)
			measure_views(dir, getenv("NTM_BENCH_DISTRICT") &&
				      *getenv("NTM_BENCH_DISTRICT")
				      ? getenv("NTM_BENCH_DISTRICT") : district, province);
		if (have_district)
			time_reports(dir, getenv("NTM_BENCH_DISTRICT") &&
				     *getenv("NTM_BENCH_DISTRICT")
				     ? getenv("NTM_BENCH_DISTRICT") : district, "Xã 01");
	} else {
		printf("tui: the default database could not be created: nothing measured\n");
	}
	if (env_set("NTM_BENCH_KEEP"))
		printf("tui: kept %s\n", dir);
	else
		remove_tree(dir);
	return 0;
}
