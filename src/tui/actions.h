/* Every action of the full-screen program, declared once: the dispatcher,
 * the hint bar, the help screen and the man page's KEYS section all come
 * from this table. */
#ifndef NTM_TUI_ACTIONS_H
#define NTM_TUI_ACTIONS_H

/* Alt-↑ / Alt-↓ (xterm: ESC [ 1 ; 3 A / B), defined by the screen. */
enum { KEY_ALT_UP = 0x5003, KEY_ALT_DOWN = 0x5004 };

#include <stdbool.h>
#include <stdio.h>

/* Where an action applies (a bit set). */
enum {
	CTX_GLOBAL = 1 << 0,     /* everywhere outside text fields */
	CTX_LIST = 1 << 1,       /* any list */
	CTX_OVERVIEW = 1 << 2,
	CTX_INDICATOR = 1 << 3,  /* an indicator row is selected */
	CTX_TASK = 1 << 4,       /* a task row (or a sector's task list) */
	CTX_VILLAGE = 1 << 5,    /* the villages of tab Thôn */
	CTX_ITEM = 1 << 6,       /* a village's checklist */
	CTX_MATRIX = 1 << 7,     /* the villages × items matrix */
	CTX_VIEW = 1 << 8,       /* the full view of a row (v) */
	CTX_CONFLICT = 1 << 9,   /* the Xung đột screen (C) */
	/* A screen over the tabs (with CTX_CONFLICT): the tabs' global keys
	 * do not apply there, only the actions that name its context. */
	CTX_SCREEN = 1 << 10,
	CTX_DISTRICT = 1 << 11,  /* tab Huyện: the communes of the file */
	CTX_DMATRIX = 1 << 12,   /* tab Huyện's communes × criteria table */
	CTX_COMMUNE = 1 << 13,   /* a commune's tab, opened from tab Huyện */
	CTX_COMMUNE_HOME = 1 << 14, /* its Tổng quan */
	CTX_FUND = 1 << 15,      /* tab Vốn: the plan's money, by task */
	CTX_FUND_ENTRY = 1 << 16, /* tab Vốn: a task's entries (Enter) */
	/* Enter does nothing on the selected row: the hint bar leaves it out */
	CTX_NO_ENTER = 1 << 17,
	CTX_SECTOR = CTX_INDICATOR | CTX_TASK,
};

/* X(id, keys shown, key, alternative key, help text, hint text, contexts,
 *   edits the data, hint order: 0 never in the hint bar, 1 first; the keys
 *   every place shares come first, so moving between rows of different
 *   kinds repaints only the end of the hint bar). Where two actions share
 *   a key, the first that applies wins, in dispatch and in the hint bar. */
#define TUI_ACTIONS(X) \
	X(D_OPEN, "Enter", '\n', KEY_ENTER, "Mở xã đang chọn (ở danh sách hoặc ở bảng): các thẻ của xã hiện sau thẻ Huyện", "Mở xã", CTX_DISTRICT, false, 1) \
	X(OPEN, "Enter", '\n', KEY_ENTER, "Mở / cập nhật dòng đang chọn (chỉ tiêu: ghi giá trị; nhiệm vụ: sửa; tổng quan: đi đến)", "Mở/sửa", CTX_LIST, false, 1) \
	X(TARGET, "t", 't', 0, "Đặt mức cần đạt của kế hoạch cho chỉ tiêu đang chọn", "Mức KH", CTX_INDICATOR, true, 6) \
	X(NATIONAL, "T", 'T', 0, "Nhập mức cần đạt quốc gia của chỉ tiêu đang chọn, kèm căn cứ (số văn bản quy định nó)", NULL, CTX_INDICATOR, true, 0) \
	X(EDIT, "e", 'e', 0, "Sửa nhiệm vụ đang chọn", "Sửa", CTX_TASK, true, 6) \
	X(ADD, "a", 'a', 0, "Thêm nhiệm vụ vào lĩnh vực này", "Thêm", CTX_SECTOR, true, 7) \
	X(DELETE, "d", 'd', 0, "Xóa nhiệm vụ đang chọn (hỏi lại; y hoặc c để xác nhận)", "Xóa", CTX_TASK, true, 8) \
	X(NOTE, "E", 'E', 0, "Sửa ghi chú dài bằng trình soạn thảo ($VISUAL, $EDITOR)", "Ghi chú", CTX_TASK, true, 10) \
	X(GOTO, "g", 'g', 0, "Đi đến: thẻ, kế hoạch, tiêu chí, chỉ tiêu, thôn, nhiệm vụ (gõ để lọc, không dấu cũng được; nhiệm vụ theo số: #12)", "Đi đến", CTX_GLOBAL, false, 4) \
	X(PLAN, "P", 'P', 0, "Chọn kế hoạch để xem (kế hoạch các năm): nhiệm vụ, mức cần đạt và tiến độ của mọi thẻ theo kế hoạch đã chọn", NULL, CTX_GLOBAL, false, 0) \
	X(PLAN_NEW, "L", 'L', 0, "Lập kế hoạch năm sau từ kế hoạch đang xem (chuyển sang các nhiệm vụ chưa hoàn thành); xã chưa có kế hoạch: tạo kế hoạch đầu tiên", NULL, CTX_GLOBAL, true, 0) \
	X(REPORT, "X", 'X', 0, "Xuất báo cáo ra tệp (xlsx, docx, csv, md, txt) để gửi lên trên hoặc in; dùng được khi chỉ xem", NULL, CTX_GLOBAL, false, 0) \
	X(SEARCH, "/", '/', 0, "Tìm trong thẻ này (không dấu cũng được); n / N: kết quả sau / trước", "Tìm", CTX_GLOBAL, false, 5) \
	X(VIEW, "v", 'v', 0, "Xem đầy đủ dòng đang chọn: cả ghi chú, mọi giá trị đã ghi (cả giá trị đã rút lại), nội dung nhiệm vụ theo kế hoạch; dùng được khi chỉ xem", "Xem", CTX_SECTOR | CTX_ITEM, false, 5) \
	X(NEXT_MATCH, "n", 'n', 0, "Kết quả tìm sau", NULL, CTX_GLOBAL, false, 0) \
	X(PREV_MATCH, "N", 'N', 0, "Kết quả tìm trước", NULL, CTX_GLOBAL, false, 0) \
	X(CONFLICTS, "C", 'C', 0, "Xung đột đồng bộ: những dòng mà bản sao này và một bản sao khác cùng sửa (hiện ra sau ntm sync apply); giữ bên này hoặc lấy bên kia", "Xung đột", CTX_GLOBAL, false, 12) \
	X(UNDO, "u", 'u', 0, "Hoàn tác thao tác vừa làm trong phiên này", "Hoàn tác", CTX_GLOBAL | CTX_CONFLICT, true, 9) \
	X(REDO, "Ctrl-R", 0x12, 0, "Làm lại thao tác vừa hoàn tác", NULL, CTX_GLOBAL | CTX_CONFLICT, true, 0) \
	X(NEXT_TAB, "Tab ]", '\t', ']', "Sang thẻ sau", "Thẻ", CTX_GLOBAL, false, 11) \
	X(PREV_TAB, "Shift-Tab [", KEY_BTAB, '[', "Về thẻ trước", NULL, CTX_GLOBAL, false, 0) \
	X(UP, "↑ k", KEY_UP, 'k', "Lên một dòng", NULL, CTX_LIST, false, 0) \
	X(DOWN, "↓ j", KEY_DOWN, 'j', "Xuống một dòng", NULL, CTX_LIST, false, 0) \
	X(PAGE_UP, "PgUp", KEY_PPAGE, 0, "Lên một trang", NULL, CTX_LIST, false, 0) \
	X(PAGE_DOWN, "PgDn", KEY_NPAGE, 0, "Xuống một trang", NULL, CTX_LIST, false, 0) \
	X(HOME, "Home", KEY_HOME, 0, "Về dòng đầu", NULL, CTX_LIST, false, 0) \
	X(END, "End", KEY_END, 0, "Đến dòng cuối", NULL, CTX_LIST, false, 0) \
	X(FOCUS_IN, "→", KEY_RIGHT, 0, "Vào danh mục việc của thôn đang chọn (Enter cũng được)", NULL, CTX_VILLAGE, false, 0) \
	X(FOCUS_OUT, "← Esc", KEY_LEFT, 27, "Về danh sách thôn", NULL, CTX_ITEM, false, 0) \
	X(TICK, "Space", ' ', 0, "Đánh dấu xong / bỏ đánh dấu (ghi ngày và người làm)", "Xong", CTX_ITEM | CTX_MATRIX, true, 6) \
	X(DONE_ON, "x", 'x', 0, "Đánh dấu xong vào một ngày đã qua (việc làm xong từ trước)", NULL, CTX_ITEM, true, 0) \
	X(ITEM_ADD, "a", 'a', 0, "Thêm việc vào sau dòng đang chọn (có bộ gõ Telex/VNI)", "Thêm", CTX_ITEM, true, 7) \
	X(ITEM_EDIT, "e", 'e', 0, "Sửa tên việc", "Sửa", CTX_ITEM, true, 7) \
	X(ITEM_DELETE, "d", 'd', 0, "Xóa việc (hỏi lại; y hoặc c để xác nhận)", "Xóa", CTX_ITEM, true, 8) \
	X(ITEM_NOTE, "E", 'E', 0, "Ghi chú của việc bằng trình soạn thảo ($VISUAL, $EDITOR)", NULL, CTX_ITEM, true, 0) \
	X(ITEM_DOWN, "J Alt-↓", 'J', KEY_ALT_DOWN, "Chuyển việc xuống một bậc", NULL, CTX_ITEM, true, 0) \
	X(ITEM_UP, "K Alt-↑", 'K', KEY_ALT_UP, "Chuyển việc lên một bậc", NULL, CTX_ITEM, true, 0) \
	X(SORT, "s", 's', 0, "Thứ tự xem: như đã xếp → theo tên → việc chưa xong trước", "Thứ tự", CTX_ITEM, false, 11) \
	X(MATRIX, "m", 'm', 0, "Bảng thôn × việc theo mẫu (m lần nữa để trở lại)", "Bảng", CTX_VILLAGE | CTX_ITEM | CTX_MATRIX, false, 10) \
	X(COL_LEFT, "← h", KEY_LEFT, 'h', "Cột trước trong bảng", NULL, CTX_MATRIX | CTX_DMATRIX, false, 0) \
	X(COL_RIGHT, "→ l", KEY_RIGHT, 'l', "Cột sau trong bảng", NULL, CTX_MATRIX | CTX_DMATRIX, false, 0) \
	X(D_SORT, "s", 's', 0, "Thứ tự các xã: theo tiến độ (nhiều tiêu chí đạt trước) → theo tên → lâu chưa cập nhật trước", "Thứ tự", CTX_DISTRICT, false, 6) \
	X(D_MATRIX, "m", 'm', 0, "Bảng xã × tiêu chí (✓ đạt — + khi không có UTF-8, · chưa đạt, ? chưa đánh giá, ô trống: tiêu chí chưa có mức cần đạt; m lần nữa để trở lại); các xã theo thứ tự của danh sách", "Bảng", CTX_DISTRICT | CTX_DMATRIX, false, 7) \
	X(D_BACK, "H", 'H', 0, "Về thẻ Huyện (danh sách các xã); Tab sang lại các thẻ của xã đang mở", "Về huyện", CTX_COMMUNE, false, 2) \
	X(D_HOME, "Esc Backspace", 27, KEY_BACKSPACE, "Trên thẻ Tổng quan của xã: về thẻ Huyện", NULL, CTX_COMMUNE_HOME, false, 0) \
	X(V_ADD, "A", 'A', 0, "Thêm thôn (nhận đủ các việc theo mẫu)", "Thêm thôn", CTX_VILLAGE, true, 7) \
	X(V_RENAME, "R", 'R', 0, "Đổi tên thôn (tên cũ vẫn tìm được)", "Đổi tên", CTX_VILLAGE, true, 8) \
	X(V_DELETE, "D", 'D', 0, "Xóa thôn (hỏi lại, nói rõ số việc sẽ mất)", NULL, CTX_VILLAGE, true, 0) \
	X(V_TEMPLATE, "T", 'T', 0, "Thêm vào thôn các việc theo mẫu mà thôn còn thiếu", NULL, CTX_VILLAGE, true, 0) \
	X(F_ADD, "a", 'a', 0, "Ghi một khoản vốn cho nhiệm vụ đang chọn (hoặc nhiệm vụ theo số): nhận vốn, giải ngân hoặc khối lượng hoàn thành; số tiền gõ như 250 triệu, 1,5 tỷ, 250.000.000", "Ghi vốn", CTX_FUND | CTX_FUND_ENTRY, true, 4) \
	X(F_PLAN, "p", 'p', 0, "Kế hoạch vốn của nhiệm vụ từ một nguồn (để trống số tiền: bỏ kế hoạch vốn của nguồn đó)", "KH vốn", CTX_FUND | CTX_FUND_ENTRY, true, 4) \
	X(F_COST, "c", 'c', 0, "Tổng mức đầu tư (dự toán) của nhiệm vụ (để trống: bỏ)", "Tổng mức", CTX_FUND | CTX_FUND_ENTRY, true, 4) \
	X(F_REVERSE, "r d", 'r', 'd', "Đảo khoản đang chọn bằng một bút toán đảo, kèm lý do (bắt buộc; u để hoàn tác)", "Đảo", CTX_FUND_ENTRY, true, 4) \
	X(F_BACK, "← Esc", KEY_LEFT, 27, "Về danh sách của thẻ Vốn", NULL, CTX_FUND_ENTRY, false, 0) \
	X(RETRACT, "r", 'r', 0, "Rút lại giá trị mới nhất của chỉ tiêu (hỏi lại; u để hoàn tác)", NULL, CTX_VIEW, true, 0) \
	X(VIEW_CLOSE, "Esc q", 27, 'q', "Đóng màn xem đầy đủ", NULL, CTX_VIEW, false, 0) \
	X(TAKE_OURS, "o", 'o', 0, "Giữ bên này: xung đột đang chọn được giải quyết bằng giá trị của bản sao này (hỏi lại; y hoặc c để xác nhận; u để hoàn tác)", "Giữ bên này", CTX_CONFLICT, true, 1) \
	X(TAKE_THEIRS, "t", 't', 0, "Lấy bên kia: ghi giá trị của bản sao kia vào dòng này (hỏi lại; y hoặc c để xác nhận; u để hoàn tác)", "Lấy bên kia", CTX_CONFLICT, true, 1) \
	X(CONFLICTS_CLOSE, "Esc q", 27, 'q', "Đóng màn Xung đột", "Đóng", CTX_CONFLICT, false, 3) \
	X(HELP, "? F1", '?', KEY_F(1), "Trợ giúp (trang này)", "Trợ giúp", CTX_GLOBAL | CTX_CONFLICT, false, 2) \
	X(REPAINT, "Ctrl-L", 0x0c, 0, "Vẽ lại màn hình", NULL, CTX_GLOBAL, false, 0) \
	X(QUIT, "q", 'q', 0, "Thoát", "Thoát", CTX_GLOBAL, false, 3)

enum tui_action {
#define X(id, ...) ACT_##id,
	TUI_ACTIONS(X)
#undef X
	ACT_COUNT,
	ACT_NONE = -1,
};

struct tui_action_def {
	const char *keys, *help, *hint;
	int key, alt;
	unsigned ctx;
	bool edits;
	int hint_rank;
};

const struct tui_action_def *actions_def(enum tui_action a);
/* The action a key means in a context, or ACT_NONE. */
enum tui_action actions_for_key(int key, unsigned ctx);
/* The hint bar for a context, cut to width columns (UTF-8 or ASCII). */
void actions_hint(unsigned ctx, int width, bool ascii, bool read_only,
		  char *out, size_t size);
/* The help screen's lines, newly allocated, NULL-terminated; the texts
 * start at column 12 (a key wider than the column on a line of its own).
 * ascii: as drawn without UTF-8 (ASCII key names are longer: "Up k"). */
char **actions_help_lines(bool ascii);
void actions_free_lines(char **lines);
/* The title of the help's section for the keys of ctx (the most
 * particular one: not "Mọi nơi" nor "Trong danh sách"), as its line in
 * actions_help_lines starts; NULL when none. */
const char *actions_help_section(unsigned ctx);
/* The man page's KEYS section (roff), for the man page and its test. */
void actions_roff(FILE *f);

#endif
