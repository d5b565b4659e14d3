/* model — plain structs and the pure rules of the NTM programme: how an
 * indicator's status follows from its targets and latest value, how a
 * criterion's follows from its indicators, gauge arithmetic, how the
 * values and dates that people type are read and shown, and the domain's
 * words (task statuses, audit verbs), each declared once here and used by
 * the store and every front end. No I/O, no SQL, no curses. */
#ifndef NTM_MODEL_H
#define NTM_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "ntm/error.h"

enum ntm_kind { NTM_KIND_BOOL, NTM_KIND_PERCENT, NTM_KIND_NUMBER };

enum ntm_cmp { NTM_CMP_GE, NTM_CMP_LE, NTM_CMP_EQ, NTM_CMP_GT, NTM_CMP_LT };

enum ntm_status {
	NTM_STATUS_CHUA_CO_CHI_TIEU, /* no target at all */
	NTM_STATUS_CHUA_DANH_GIA,    /* no measurement */
	NTM_STATUS_DAT,
	NTM_STATUS_CHUA_DAT,
};

/* A target: a comparator and a value. */
struct ntm_target {
	bool set;
	enum ntm_cmp cmp;
	double value;
};

/* What the status rule needs to know of one indicator. */
struct ntm_reading {
	enum ntm_kind kind;
	struct ntm_target national;
	struct ntm_target plan;   /* the plan's own; wins where set */
	bool has_value;
	double value;
};

/* Done out of total, for every progress gauge. */
struct ntm_gauge {
	int done;
	int total;
};

/* A calendar date. */
struct ntm_date {
	int year, month, day;
};

enum ntm_status model_indicator_status(const struct ntm_reading *r);
const struct ntm_target *model_effective_target(const struct ntm_reading *r);
bool model_cmp_holds(enum ntm_cmp cmp, double value, double target);

/* Criterion status from its indicators' statuses: đạt when all are. */
enum ntm_status model_criterion_status(const enum ntm_status *s, int n);

/* Whole percent of a gauge, 0 when empty. */
int model_gauge_percent(struct ntm_gauge g);

/* ASCII word ("dat", "chua_dat", …) and Vietnamese label ("đạt", …). */
const char *model_status_word(enum ntm_status s);
const char *model_status_label(enum ntm_status s);

bool model_kind_parse(const char *s, enum ntm_kind *out);
const char *model_kind_word(enum ntm_kind k);  /* "bool", "percent", … */
/* A kind as people write it, accents and case optional: tỷ lệ (tỉ lệ,
 * phần trăm, %, percent), số (số lượng, number), đạt/không (đạt, đạt/không
 * đạt, bool). */
bool model_kind_read(const char *typed, enum ntm_kind *out);
/* The word written for a kind in a file: "tỷ lệ", "số", "đạt/không". */
const char *model_kind_label(enum ntm_kind k);
bool model_cmp_parse(const char *s, enum ntm_cmp *out);
const char *model_cmp_word(enum ntm_cmp c);  /* ">=", "<", … */
const char *model_cmp_symbol(enum ntm_cmp c); /* "≥", "<", … */

/* Reads a value typed for an indicator of this kind: "86,5", "86.5" and
 * "86,5%" are 86.5; bool takes đạt/dat/có/1/x and chưa đạt/không/0.
 * Returns NULL and sets *out, or returns a Vietnamese reason. */
const char *model_parse_value(enum ntm_kind kind, const char *s, double *out);

/* Reads a target "85", ">= 85", "<1%", "≥ 76,5": the comparator defaults
 * to *cmp as given. Returns NULL on success or a Vietnamese reason. */
const char *model_parse_target(enum ntm_kind kind, const char *s,
			       enum ntm_cmp *cmp, double *value);

/* A warning (written into buf, returned) when value v is far from what
 * the indicator usually holds — a percentage under 1 where the target or
 * the last value is 10 or more (0,865 for 86,5), a number more than ten
 * times above or below its target or last value, or outside the usual
 * range of its unit (income in triệu đồng/người/năm) — else NULL. r gives
 * the targets and the current value; unit is the indicator's unit label. */
const char *model_implausible(const struct ntm_reading *r, const char *unit,
			      double v, char *buf, int size);

/* Formats a value for people: "86,5" (up to 4 decimals, as many as
 * model_parse_value accepts), "đạt"/"chưa đạt" for bool. */
void model_format_value(enum ntm_kind kind, double v, char *buf, int size);
/* The unit a value of this kind is shown with: "%" for percent, else "". */
const char *model_unit_suffix(enum ntm_kind kind);
/* A value with its unit: "86,5%", "12", "đạt". */
void model_format_quantity(enum ntm_kind kind, double v, char *buf, int size);
/* A target with its comparator and unit: "≥85%" (sep "") or "≥ 85%"
 * (sep " "); bool targets are the bare word ("đạt"). */
void model_format_target(enum ntm_kind kind, const struct ntm_target *t,
			 const char *sep, char *buf, int size);

/* Reads YYYY-MM-DD, refusing dates that do not exist. NULL on success. */
const char *model_parse_date(const char *s, struct ntm_date *out);
void model_format_date(struct ntm_date d, char buf[11]);
/* A date as officials write it, for screens: "2024-03-12" → "12/03/2024".
 * Anything that is not a date (NULL, "", text) is copied as it is (NULL
 * as ""). ISO stays for files (JSON, CSV). */
void model_date_dmy(const char *iso, char buf[11]);

/* The date rules of a measurement: a real calendar date (as
 * model_parse_date reads it) that is not after today (YYYY-MM-DD). Fills
 * out with YYYY-MM-DD, or returns NTM_USAGE with a Vietnamese reason. */
int model_measurement_date(const char *s, const char *today, char out[11],
			   struct ntm_error *e);

/* ---- the words of the domain -------------------------------------------- */

/* Task statuses: name, ASCII code as stored, Vietnamese label, short label
 * (for narrow columns). */
#define NTM_TASK_STATUSES(X) \
	X(CHUA_BAT_DAU, "chua_bat_dau", "chưa bắt đầu", "chưa làm") \
	X(DANG_THUC_HIEN, "dang_thuc_hien", "đang thực hiện", "đang làm") \
	X(HOAN_THANH, "hoan_thanh", "hoàn thành", "xong") \
	X(TAM_DUNG, "tam_dung", "tạm dừng", "dừng")

enum ntm_task_status {
#define NTM_X(name, code, label, short_label) NTM_TASK_##name,
	NTM_TASK_STATUSES(NTM_X)
#undef NTM_X
	NTM_TASK_STATUS_COUNT
};

const char *model_task_status_code(enum ntm_task_status s);
const char *model_task_status_label(enum ntm_task_status s);
const char *model_task_status_short(enum ntm_task_status s);
/* The labels in enum order (NTM_TASK_STATUS_COUNT of them), for a choice. */
const char *const *model_task_status_labels(void);
/* Reads an ASCII code; false when it is none of them. */
bool model_task_status_parse(const char *code, enum ntm_task_status *out);
/* Reads a status as a person types it: the code, the label or the short
 * label, accents, case and '_' optional ("đang thực hiện", "dang thuc
 * hien", "dang_thuc_hien", "xong"); false when it is none of them. */
bool model_task_status_read(const char *typed, enum ntm_task_status *out);
/* "chua_bat_dau (chưa bắt đầu), …": every code with its label. */
void model_task_status_list(char *buf, int size);
/* A task is overdue when it has a due date (YYYY-MM-DD, NULL or "": none)
 * before today and is not done. */
bool model_task_overdue(const char *due, enum ntm_task_status s,
			const char *today);
/* Keeps a task's status and progress in agreement (task.c), the one rule
 * the store applies to every add and edit and the task form follows as
 * the officer types: status hoàn thành means progress 100 (a progress
 * lowered under 100 without choosing the status reopens the task as đang
 * thực hiện); progress 100 means hoàn thành, and progress above 0 with
 * chưa bắt đầu means đang thực hiện — unless the same edit chose that
 * other status itself, which is refused. *status and *progress hold the
 * task as the edit would leave it; status_given / progress_given say
 * whether the edit chose them (a form passing a field unchanged did not);
 * with neither, nothing is touched. Returns NULL with the values to
 * store, or a Vietnamese reason for refusing the edit. */
const char *model_task_reconcile(enum ntm_task_status *status, bool status_given,
				 int *progress, bool progress_given);

/* Where a carried-over task came from, as plan text and the store keep it
 * when the earlier plan is not in the file: "32/KH-UBND #5", the earlier
 * plan's number, then '#' and the task's number there (1..999999).
 * *plan_len is the length of the plan's number (blanks before '#' not
 * counted); false when s is not of that form. */
bool model_carried_parse(const char *s, size_t *plan_len, int *number);

/* Audit verbs: name, code as stored in the audit table (the verb of a
 * user action), Vietnamese label for the log. */
#define NTM_VERBS(X) \
	X(SET, "set", "ghi giá trị") \
	X(RETRACT, "retract", "rút lại giá trị") \
	X(TARGET, "target", "chỉ tiêu kế hoạch") \
	X(VILLAGE_ADD, "village.add", "thêm thôn") \
	X(VILLAGE_RENAME, "village.rename", "đổi tên thôn") \
	X(VILLAGE_ALIAS, "village.alias", "thêm tên khác") \
	X(VILLAGE_REMOVE, "village.remove", "xóa thôn") \
	X(VILLAGE_TEMPLATE, "village.template", "thêm mục theo mẫu") \
	X(ITEM_ADD, "checklist.add", "thêm mục") \
	X(ITEM_DONE, "checklist.done", "đánh dấu xong") \
	X(ITEM_UNDONE, "checklist.undone", "bỏ đánh dấu") \
	X(ITEM_REMOVE, "checklist.remove", "xóa mục") \
	X(ITEM_TITLE, "checklist.title", "sửa tiêu đề mục") \
	X(ITEM_NOTE, "checklist.note", "ghi chú mục") \
	X(ITEM_MOVE, "checklist.move", "chuyển mục") \
	X(TASK_ADD, "task.add", "thêm nhiệm vụ") \
	X(TASK_EDIT, "task.edit", "sửa nhiệm vụ") \
	X(TASK_DELETE, "task.delete", "xóa nhiệm vụ") \
	X(PLAN_NEW, "plan.new", "tạo kế hoạch") \
	X(PLAN_COPY, "plan.copy", "lập kế hoạch năm sau") \
	X(PLAN_EDIT, "plan.edit", "sửa kế hoạch") \
	X(PLAN_REMOVE, "plan.remove", "xóa kế hoạch") \
	X(PLAN_IMPORT, "plan.import", "nhập kế hoạch") \
	X(CRITERIA_IMPORT, "criteria.import", "nhập bộ tiêu chí") \
	X(CRITERIA_TARGET, "criteria.target", "chỉ tiêu quốc gia") \
	X(UNDO, "undo", "hoàn tác") \
	X(REDO, "redo", "làm lại") \
	X(IMPORT, "import", "nhập bảng tính") \
	X(RESOLVE, "sync.resolve", "giải quyết xung đột") \
	X(RENUMBER, "sync.renumber", "đánh lại số nhiệm vụ") \
	X(UNIT_MERGE, "unit.merge", "gộp xã") \
	X(FUND_PLAN, "fund.plan", "kế hoạch vốn") \
	X(FUND_ADD, "fund.add", "ghi khoản vốn") \
	X(FUND_REVERSE, "fund.reverse", "bút toán đảo") \
	X(FUND_COST, "fund.cost", "tổng mức đầu tư") \
	X(FUND_SOURCE, "fund.source", "thêm nguồn vốn")

/* Villages' names in sentences (words.c). A name that starts with a word
 * for a settlement (Thôn, Khu, Xóm, Ấp, Làng, Bản, Tổ dân phố…) says
 * what it is itself. */
bool model_village_named_as_such(const char *name);
/* "thôn Cự Đình" ("Thôn Cự Đình" when capital: at the start of a
 * sentence), but "Thôn Ngọc Quỳnh" and "Khu 3" as they are, never
 * "thôn Thôn Ngọc Quỳnh". Written into buf, returned. */
/* "Xã Việt Hưng" for a commune named "Việt Hưng", but "Xã Việt Hưng",
 * "Phường 3" and "Thị trấn Như Quỳnh" as they are: never "Xã Xã …". */
const char *model_commune_phrase(const char *name, char *buf, int size);
const char *model_village_phrase(const char *name, bool capital, char *buf,
				 int size);
/* A plan's title for another year: its first "2024" (old_year) becomes
 * "2025" (year), as next year's plan is titled; a title without the old
 * year stays as it is. Written into buf, returned. */
const char *model_plan_title_for_year(const char *title, int old_year, int year,
				      char *buf, int size);
/* The key two villages' names are compared by: folded (text_fold), a
 * leading Thôn/Khu/Xóm/Ấp/Làng… dropped, so "Thôn Cự Đình", "cu dinh"
 * and "Cự Đình" share one. Allocated (free it); NULL without memory. */
char *model_village_key(const char *name);
/* The key a place is looked up by, as people name it: model_village_key
 * with a leading Xã/Phường/Thị trấn dropped too, so "B", "xa b" and
 * "Xã B" find the commune "Xã B". Allocated; NULL without memory. */
char *model_place_key(const char *name);
/* The key two plan numbers are compared by: folded, blanks dropped, so
 * "32/KH-UBND" and "32/kh - ubnd" are one plan. Allocated; NULL
 * without memory. */
char *model_plan_number_key(const char *number);
/* The title a commune's first plan is offered: "Kế hoạch xây dựng nông
 * thôn mới xã Tân Lập năm 2026" (the commune's name as it says itself
 * when it starts with Xã/Phường/Thị trấn). Written into buf, returned. */
const char *model_plan_default_title(const char *commune, int year, char *buf,
				     int size);

/* ==== money (money.c) ======================================================
 * Amounts are whole đồng, kept as integers. */

/* The largest amount one entry may hold: 10^15 đồng (a million tỷ), far
 * beyond any commune's works, and sums of many stay exact in a double. */
#define NTM_MONEY_MAX 1000000000000000LL

enum ntm_money_parse {
	NTM_MONEY_OK = 0,
	NTM_MONEY_EMPTY,      /* nothing typed */
	NTM_MONEY_NEGATIVE,   /* a minus sign: corrections are reversing entries */
	NTM_MONEY_BAD,        /* not an amount */
	NTM_MONEY_FRACTION,   /* less than one đồng left over ("1,5" đồng) */
	NTM_MONEY_TOO_BIG,    /* above NTM_MONEY_MAX */
};
/* An amount as officials write it: "250.000.000", "250000000",
 * "250 000 000", "250 triệu", "250tr", "1,5 tỷ", "1.5 tỷ", "800 nghìn",
 * "800 ngàn", "800k", "1 tỷ 200 triệu", with or without "đ"/"đồng"/"VNĐ",
 * accents optional. A comma is a decimal comma before a unit ("1,5 tỷ");
 * dots group thousands unless a single dot before a unit is followed by
 * other than three digits ("1.5 tỷ" but "1.500 tỷ"). Zero is an amount. */
enum ntm_money_parse model_money_parse(const char *s, long long *out);
/* Why an amount was refused, in Vietnamese ("" for NTM_MONEY_OK). */
const char *model_money_reason(enum ntm_money_parse r);
/* "1.250.000.000 đ" (v may be negative: "-5.000.000 đ"); with_unit false
 * leaves out " đ". Written into buf, returned. */
const char *model_money_format(long long v, bool with_unit, char *buf,
			       size_t size);
/* For narrow columns, at most 9 characters: "1,25 tỷ", "250 tr",
 * "800 nghìn", "0"; rounded to two decimals. */
const char *model_money_compact(long long v, char *buf, size_t size);
/* Outstanding debt of works (nợ đọng): value of completed work not yet
 * paid, never below zero. */
long long model_money_debt(long long completed, long long paid);
/* The share disbursed (giải ngân) in percent, paid of planned capital,
 * rounded (66,7% is 67%) but 100 only when all is paid and 1 at least
 * when anything is; -1 when nothing is planned (no share to show). */
int model_money_disbursed(long long paid, long long planned);

/* The money of a plan or a task in one phrase, for a summary line:
 * "Giải ngân 40% · nợ đọng 300 tr" ("Giải ngân 800 tr" when nothing is
 * planned; amounts compact). Written into buf, returned. */
const char *model_money_brief(long long planned, long long paid,
			      long long debt, char *buf, size_t size);

/* What a money entry records. */
#define NTM_FUND_KINDS(X) \
	X(RECEIVED, "received", "nhận vốn", "nhan von") \
	X(PAID, "paid", "giải ngân", "giai ngan") \
	X(COMPLETED, "completed", "khối lượng hoàn thành", "hoan thanh")
enum ntm_fund_kind {
#define NTM_X(name, code, label, alias) NTM_FUND_##name,
	NTM_FUND_KINDS(NTM_X)
#undef NTM_X
	NTM_FUND_KIND_COUNT
};
const char *model_fund_kind_code(enum ntm_fund_kind k);
const char *model_fund_kind_label(enum ntm_fund_kind k);
/* A kind as typed: its code, label or alias (accents, case optional), or
 * "chi"/"thu"; -1 when none. */
int model_fund_kind_read(const char *s);

enum ntm_verb {
#define NTM_X(name, code, label) NTM_VERB_##name,
	NTM_VERBS(NTM_X)
#undef NTM_X
	NTM_VERB_COUNT
};

const char *model_verb_code(enum ntm_verb v);
/* The label of a stored verb code; the code itself when unknown. */
const char *model_verb_label(const char *code);

/* Columns of audited rows in people's words, for the log and the report:
 * column name, Vietnamese word. */
#define NTM_FIELD_WORDS(X) \
	X("status", "trạng thái") X("progress", "tiến độ") X("title", "tiêu đề") \
	X("note", "ghi chú") X("value", "giá trị") X("as_of", "tính đến") \
	X("comparator", "so sánh") X("done_on", "ngày xong") \
	X("done_by", "người làm") X("done", "xong") X("ord", "thứ tự") \
	X("name", "tên") X("responsible", "phụ trách") X("due", "hạn") \
	X("detail", "nội dung") X("target", "chỉ tiêu") \
	X("target_source", "căn cứ") X("issue", "vướng mắc") \
	X("proposal", "đề xuất") X("number", "số") X("year", "năm") \
	X("issued_on", "ngày ban hành") X("signer", "người ký") \
	X("unit_label", "đơn vị") X("state", "xung đột") \
	X("amount", "số tiền") X("on_date", "ngày") X("doc", "chứng từ") \
	X("kind", "loại") X("budget_planned", "tổng mức")
/* The words of a change's values (model_field_value). */
#define NTM_WORD_DONE      "xong"
#define NTM_WORD_NOT_DONE  "chưa xong"
#define NTM_WORD_NONE      "—"
#define NTM_WORD_ON_DAY    "ngày"
/* A sync conflict's state (its column "state"). */
#define NTM_WORD_WAITING   "đang chờ"
#define NTM_WORD_RESOLVED  "đã giải quyết"
#define NTM_WORD_CLOSED    "tự khép (hai bên đã như nhau)"
/* A column's name in people's words (NTM_FIELD_WORDS), or the name as it
 * is when it has none. */
const char *model_field_label(const char *key);
/* One value of column key as people read it: a task status's label, a
 * done flag "xong"/"chưa xong", a date dd/mm/yyyy, an indicator's value
 * or target by the indicator's kind (kind < 0: unknown: a plain number),
 * a progress with %, a number the Vietnamese way (86,5); other text as it
 * is (user text is never rewritten). text: the value when it is text;
 * NULL: the number v, or nothing ("—") when is_null. */
void model_field_value(const char *key, const char *text, bool is_null,
		       double v, int kind, char *buf, size_t size);

#endif
