/* Every sentence the command line shows to people, in one place. */
#ifndef NTM_CLI_MSG_H
#define NTM_CLI_MSG_H

/* ntm --version: the program's version (Makefile VERSION, one place) and
 * the schema of the files it writes. */
#define TXT_VERSION_LINE "ntm %s (lược đồ %d)\n"

#define USAGE_MAIN \
"ntm — theo dõi Chương trình MTQG xây dựng nông thôn mới của xã\n" \
"\n" \
"Cách dùng: ntm [--db TỆP] [--unit XÃ] LỆNH [THAM SỐ…]\n" \
"Không có LỆNH: mở chương trình toàn màn hình (trên terminal), hoặc in\n" \
"tiến độ như ntm status (khi chuyển hướng đầu ra).\n" \
"\n" \
"Lệnh:\n" \
"  init       tạo cơ sở dữ liệu (kế hoạch 2024 của xã Việt Hưng, hoặc --empty)\n" \
"  status     tiến độ: tiêu chí, chỉ tiêu, lĩnh vực, thôn\n" \
"  set        ghi giá trị đo được của một chỉ tiêu (hoặc --retract)\n" \
"  target     đặt chỉ tiêu của kế hoạch cho một chỉ tiêu (hoặc --clear)\n" \
"  checklist  xem và sửa danh mục việc của một thôn; bảng thôn × mục (--matrix)\n" \
"  village    danh sách thôn; thêm, đổi tên, tên khác, xóa, áp dụng mẫu\n" \
"  plan       các kế hoạch của xã: xem, tạo, lập năm sau, chọn, sửa, xóa,\n" \
"             xuất, nhập\n" \
"  task       nhiệm vụ của kế hoạch: xem, thêm, sửa, xong, xóa\n" \
"  fund       vốn của nhiệm vụ: kế hoạch vốn, nhận, giải ngân, nợ đọng\n" \
"  log        nhật ký thay đổi: khi nào, ai, cái gì\n" \
"  backup     sao lưu cơ sở dữ liệu ra tệp khác\n" \
"  check      kiểm tra tính toàn vẹn của tệp\n" \
"  search     tìm (gõ không dấu cũng được)\n" \
"  telex      chuyển phím gõ Telex/VNI thành tiếng Việt\n" \
"  convert    chuyển văn bản mã cũ (TCVN3, VNI, VISCII, CP1258) sang UTF-8\n" \
"  criteria   bộ tiêu chí: xem, nhập bộ mới từ tệp, nhập chỉ tiêu quốc gia\n" \
"  report     báo cáo kết quả (xlsx, docx, csv, md, txt) gửi cấp trên\n" \
"  import     nhập bảng tính (.csv, .xlsx): giá trị, nhiệm vụ, danh mục thôn…\n" \
"  export     xuất dữ liệu của xã (kế hoạch đang dùng) ra bảng tính cho import\n" \
"  undo       hoàn tác thao tác mới nhất (chạy lần nữa: làm lại)\n" \
"  sync       đồng bộ bản sao ngoại tuyến: xuất, nhận, xem và giải quyết\n" \
"             xung đột, tình trạng\n" \
"  unit       gộp các xã đã sáp nhập thành một xã (unit merge)\n" \
"  help       hướng dẫn một lệnh: ntm help LỆNH\n" \
"\n" \
"Tùy chọn chung:\n" \
"  --db TỆP       tệp cơ sở dữ liệu (mặc định: $NTM_DB, tệp cấu hình, rồi\n" \
"                 ~/.local/share/ntm/ntm.db)\n" \
"  --unit XÃ      chọn xã khi tệp có nhiều xã (gõ không dấu cũng được)\n" \
"  --read-only    chỉ xem, không ghi gì\n" \
"  --plan KH      xem/sửa kế hoạch KH (năm hoặc số hiệu) thay cho kế hoạch\n" \
"                 mặc định: status, set, target, task, fund, report, search,\n" \
"                 import, export, plan list|export\n" \
"  --utf8         coi terminal là UTF-8 (khi LANG chưa đặt UTF-8)\n" \
"  -h, --help     hướng dẫn;  -V, --version  phiên bản\n" \
"\n" \
"Xem thêm: man ntm\n"

#define USAGE_INIT \
"Cách dùng: ntm init [--empty [--commune TÊN]] [--force] [--db TỆP]\n" \
"       ntm init --district TÊN [--province TÊN]   (tệp của cấp trên)\n" \
"Tạo cơ sở dữ liệu mới: các tiêu chí quốc gia, mẫu danh mục thôn và kế hoạch\n" \
"32/KH-UBND năm 2024 của xã Việt Hưng. --empty: không có kế hoạch, nhiệm vụ,\n" \
"thôn; chỉ một xã tên TÊN. --force: ghi đè tệp đã có.\n" \
"--district: tệp trống của huyện (hoặc tỉnh) để theo dõi mọi xã; các xã\n" \
"gửi vào bằng ntm sync export --all, rồi ntm sync apply TỆP… ở đây.\n"
#define USAGE_UNIT \
"Cách dùng: ntm unit merge XÃ_CŨ… --into XÃ_MỚI [--dry-run]\n" \
"Gộp các xã đã sáp nhập (cải cách 2025) trong một thao tác: mọi thôn (với\n" \
"danh mục việc), kế hoạch (với nhiệm vụ, chỉ tiêu), giá trị, tên khác và lịch\n" \
"sử của từng XÃ_CŨ chuyển sang XÃ_MỚI — một xã đã có trong tệp, hoặc tên một\n" \
"xã mới (tạo với huyện và thông tin của xã cũ đầu tiên). Tên xã gõ không dấu\n" \
"cũng được. Tên các xã cũ thành tên khác của XÃ_MỚI. Thôn (hoặc kế hoạch cùng\n" \
"năm và số) trùng tên với thôn đã có được đổi thành “TÊN (XÃ_CŨ)”, và được\n" \
"kể ra. --dry-run: chỉ cho biết sẽ làm gì, không ghi gì. Hoàn tác: ntm undo.\n"
#define USAGE_STATUS \
"Cách dùng: ntm status [--format text|json|csv] [--unit XÃ] [--plan KH]\n" \
"       ntm status --all [--format text|json|csv]   (mỗi xã của tệp một dòng)\n" \
"Tiến độ của xã theo một kế hoạch (mặc định: kế hoạch đã chọn bằng ntm plan\n" \
"use, nếu không thì kế hoạch mới nhất): số tiêu chí đạt, từng lĩnh vực, từng\n" \
"thôn, và trạng thái của mọi tiêu chí và chỉ tiêu.\n"
#define USAGE_SET \
"Cách dùng: ntm set MÃ GIÁ_TRỊ [--date NGÀY] [--note GHI_CHÚ] [--force]\n" \
"       ntm set MÃ --retract\n" \
"       (--plan KH: chỉ tiêu riêng của một kế hoạch khác kế hoạch mặc định)\n" \
"Ghi giá trị đo được cho chỉ tiêu MÃ (ví dụ 12.2), tính đến NGÀY (mặc định\n" \
"hôm nay; 2024-06-30 hoặc 30/6/2024). Số viết 86,5 hay 86.5 đều được;\n" \
"chỉ tiêu đạt/không: đạt, chưa đạt, 1, 0. Giá trị có dấu cách thì đặt trong\n" \
"ngoặc kép (\"chưa đạt\"). --retract rút lại giá trị mới nhất.\n" \
"Giá trị khác xa mức thường gặp của chỉ tiêu (0,865 khi chỉ tiêu là 85%, thu\n" \
"nhập 1.234,5 triệu đồng/người/năm) thường là gõ nhầm: lệnh báo và không ghi;\n" \
"--force ghi dù vậy.\n"
#define USAGE_TARGET \
"Cách dùng: ntm target MÃ GIÁ_TRỊ | ntm target MÃ --clear  [--plan KH]\n" \
"Đặt chỉ tiêu của kế hoạch cho chỉ tiêu MÃ, ví dụ: ntm target 12.2 85,\n" \
"ntm target 11 \"<1\". --clear bỏ chỉ tiêu của kế hoạch (dùng lại chỉ tiêu\n" \
"quốc gia).\n"
#define USAGE_CHECKLIST \
"Cách dùng: ntm checklist THÔN [--add TIÊU_ĐỀ] [--done MỤC] [--undone MỤC]\n" \
"                          [--note MỤC --text VĂN_BẢN] [--move MỤC --to VỊ_TRÍ]\n" \
"                          [--remove MỤC] [--sort order|title|undone]\n" \
"                          [--format text|json]\n" \
"       ntm checklist --matrix [--format text|csv|json]\n" \
"Danh mục việc của THÔN hướng tới khu dân cư NTM kiểu mẫu. MỤC là số thứ tự\n" \
"hoặc tiêu đề (gõ không dấu cũng được). Các thay đổi được làm lần lượt, mỗi\n" \
"thay đổi là một thao tác trong nhật ký:\n" \
"  --add TIÊU_ĐỀ [--after VỊ_TRÍ]  thêm mục (mặc định ở cuối; --after 0: đầu)\n" \
"  --done MỤC, --undone MỤC        đánh dấu xong (ngày, người) / bỏ đánh dấu\n" \
"  --note MỤC --text VĂN_BẢN       ghi chú của mục (--text \"\" xóa ghi chú)\n" \
"  --move MỤC --to VỊ_TRÍ          chuyển mục đến vị trí (1 là đầu)\n" \
"  --remove MỤC                    xóa mục\n" \
"Tiêu đề: một dòng, 1–200 ký tự, không trùng mục khác của thôn; ghi chú đến\n" \
"10 000 ký tự. --sort chỉ đổi thứ tự in ra: order (như đã xếp), title (theo\n" \
"tên), undone (chưa xong trước); số đầu dòng vẫn là vị trí đã xếp.\n" \
"--matrix: bảng các thôn × các mục theo mẫu (✓ hoặc x: xong; · hoặc .: chưa;\n" \
"-: thôn không có mục đó), tỷ lệ xong của từng thôn và từng mục.\n"
#define USAGE_VILLAGE \
"Cách dùng: ntm village list | add TÊN | rename TÊN TÊN_MỚI | alias TÊN TÊN_KHÁC\n" \
"                   | remove TÊN [--force] | template TÊN\n" \
"Các thôn của xã. Thôn mới nhận đủ các mục của mẫu danh mục. Đổi tên giữ tên\n" \
"cũ làm tên khác để vẫn tìm được. remove xóa thôn; thôn còn mục thì cần\n" \
"--force (xóa cả các mục và tên khác của thôn). template thêm vào cuối danh\n" \
"mục của thôn các mục của mẫu mà thôn chưa có.\n"
#define USAGE_PLAN \
"Cách dùng: ntm plan [list] [--format text|json]\n" \
"       ntm plan new --year NĂM --number SỐ --title TÊN [--date NGÀY]\n" \
"                    [--signer NGƯỜI_KÝ]\n" \
"       ntm plan copy TỪ --number SỐ [--year NĂM] [--date NGÀY] [--title TÊN]\n" \
"       ntm plan use KH | ntm plan use --clear\n" \
"       ntm plan edit KH [--number SỐ] [--year NĂM] [--date NGÀY | --no-date]\n" \
"                    [--title TÊN] [--signer NGƯỜI_KÝ]\n" \
"       ntm plan remove KH [--force]\n" \
"       ntm plan export [KH] [--out TỆP]\n" \
"       ntm plan import TỆP [--dry-run]\n" \
"Các kế hoạch của xã, mới nhất trước; dấu * đánh dấu kế hoạch mặc định (mọi\n" \
"lệnh dùng nó khi không có --plan). KH là năm (2024) hoặc số hiệu\n" \
"(32/KH-UBND; không phân biệt chữ hoa, dấu cách). NGÀY: 2024-03-12 hoặc\n" \
"12/3/2024 (ngày ban hành).\n" \
"  new     tạo kế hoạch trống (chưa có nhiệm vụ, chỉ tiêu kế hoạch)\n" \
"  copy    lập kế hoạch năm sau từ kế hoạch TỪ: chuyển sang các nhiệm vụ chưa\n" \
"          hoàn thành, chỉ tiêu kế hoạch và chỉ tiêu riêng; --year mặc định là\n" \
"          năm sau năm của TỪ, --title mặc định là tên cũ với năm mới\n" \
"  use     chọn kế hoạch mặc định (ghi trong tệp, cho mọi người dùng tệp);\n" \
"          --clear: bỏ chọn, dùng kế hoạch mới nhất\n" \
"  edit    sửa số hiệu, năm, ngày ban hành (--no-date: bỏ), tên, người ký\n" \
"  remove  xóa kế hoạch; còn nhiệm vụ thì cần --force (xóa cả nhiệm vụ, chỉ\n" \
"          tiêu kế hoạch và chỉ tiêu riêng của kế hoạch)\n" \
"  export  in kế hoạch dạng văn bản (man 5 ntm-plan), hoặc ghi vào TỆP\n" \
"  import  tạo kế hoạch từ TỆP văn bản (- : đầu vào chuẩn); --dry-run chỉ\n" \
"          kiểm tra, không ghi gì\n"
#define USAGE_TASK \
"Cách dùng: ntm task [list] [--sector LĨNH_VỰC] [--status TRẠNG_THÁI]\n" \
"                    [--overdue] [--format text|json|csv]\n" \
"       ntm task add --sector LĨNH_VỰC TIÊU_ĐỀ [--responsible NGƯỜI]\n" \
"                    [--due NGÀY] [--detail NỘI_DUNG] [--issue VƯỚNG_MẮC]\n" \
"                    [--proposal ĐỀ_XUẤT]\n" \
"       ntm task edit SỐ [--title TIÊU_ĐỀ] [--status TRẠNG_THÁI]\n" \
"                    [--progress PHẦN_TRĂM] [--responsible NGƯỜI]\n" \
"                    [--due NGÀY | --no-due] [--detail NỘI_DUNG] [--note GHI_CHÚ]\n" \
"                    [--issue VƯỚNG_MẮC] [--proposal ĐỀ_XUẤT]\n" \
"       ntm task done SỐ\n" \
"       ntm task remove SỐ [--force]\n" \
"Nhiệm vụ của kế hoạch mặc định (hoặc của --plan KH). SỐ là số của nhiệm vụ\n" \
"(12 hoặc #12). LĨNH_VỰC: mã, tên hoặc tên ngắn (giao_thong, \"Giao thông\",\n" \
"\"giao thong\"). TRẠNG_THÁI: chưa bắt đầu, đang thực hiện, hoàn thành, tạm\n" \
"dừng (gõ không dấu cũng được). NGÀY: 2024-06-30 hoặc 30/6/2024.\n" \
"Tiến độ 100% nghĩa là hoàn thành và ngược lại; done: đánh dấu hoàn thành.\n" \
"--overdue: chỉ các nhiệm vụ quá hạn (hạn trước hôm nay, chưa hoàn thành).\n" \
"--issue: khó khăn, vướng mắc của nhiệm vụ; --proposal: đề xuất, kiến nghị\n" \
"(báo cáo liệt kê theo lĩnh vực); \"\" xóa.\n" \
"Nhiệm vụ có vốn (kế hoạch vốn hoặc khoản đã ghi) chỉ xóa được với --force,\n" \
"xóa cả vốn của nó.\n"
#define USAGE_LOG \
"Cách dùng: ntm log [--limit N]\n" \
"Nhật ký thay đổi, mới nhất trước: khi nào (giờ địa phương), ai, làm gì,\n" \
"giá trị cũ → mới. Mặc định 20 thao tác.\n"
#define USAGE_BACKUP \
"Cách dùng: ntm backup TỆP\n" \
"Sao lưu trực tuyến cơ sở dữ liệu ra TỆP (không ghi đè tệp đã có).\n"
#define USAGE_CHECK \
"Cách dùng: ntm check\n" \
"Kiểm tra tính toàn vẹn và khóa ngoại; mã thoát 1 nếu có lỗi.\n"
#define USAGE_HELP "Cách dùng: ntm help [LỆNH]\n"
#define USAGE_SEARCH \
"Cách dùng: ntm search TỪ… [--format text|json] [--limit N]\n" \
"Tìm trong nhiệm vụ, chỉ tiêu, tiêu chí, việc của thôn và ghi chú; gõ không\n" \
"dấu cũng được (duong tìm ra đường). Kết quả đúng cả dấu được xếp trước.\n" \
"Từ kết thúc bằng * tìm theo tiền tố (nguy*). Mặc định 50 kết quả.\n"
#define USAGE_TELEX \
"Cách dùng: ntm telex [--vni] [--style old|new] [VĂN_BẢN…]\n" \
"Chuyển phím gõ kiểu Telex (hoặc VNI) thành tiếng Việt, cho terminal không có\n" \
"bộ gõ: ntm telex 'ddax kieemr tra' in ra “đã kiểm tra”. Không có VĂN_BẢN thì\n" \
"đọc từng dòng ở đầu vào chuẩn. --style old (mặc định): hòa, thủy; new: hoà, thuỷ.\n"
#define USAGE_CONVERT \
"Cách dùng: ntm convert [--from MÃ] [--to MÃ] [--verbose] [TỆP]\n" \
"Chuyển văn bản mã cũ (tcvn3, vni, viscii, cp1258) sang UTF-8 NFC hoặc ngược\n" \
"lại. --from mặc định auto (tự nhận biết), --to mặc định utf-8. Không có TỆP\n" \
"thì đọc đầu vào chuẩn. --verbose báo mã đã nhận ra.\n"

#define USAGE_CRITERIA_LIST "ntm criteria list [--format text|json]"
#define USAGE_CRITERIA_IMPORT "ntm criteria import TỆP [--dry-run]"
#define USAGE_CRITERIA_TARGET \
	"ntm criteria target MÃ GIÁ_TRỊ --source \"QĐ …\" | ntm criteria target MÃ --clear"
#define USAGE_CRITERIA \
"Cách dùng: " USAGE_CRITERIA_LIST "\n" \
"       " USAGE_CRITERIA_IMPORT "\n" \
"       " USAGE_CRITERIA_TARGET "\n" \
"Bộ tiêu chí mà kế hoạch của xã theo (bộ quốc gia của giai đoạn).\n" \
"  list    các bộ tiêu chí, số tiêu chí và chỉ tiêu; * là bộ của kế hoạch\n" \
"          đang dùng\n" \
"  import  nhập một bộ tiêu chí mới từ TỆP văn bản (man 5 ntm-criteria), tất\n" \
"          cả hoặc không gì; --dry-run chỉ kiểm tra, không ghi\n" \
"  target  chỉ tiêu quốc gia của chỉ tiêu MÃ trong bộ đang dùng, theo văn bản\n" \
"          có trong tay: GIÁ_TRỊ như 85, \">= 85\", \"<1\"; --source (bắt buộc)\n" \
"          là căn cứ, ví dụ \"QĐ 318/QĐ-TTg\". --clear: trở lại chưa có chỉ\n" \
"          tiêu. Chỉ tiêu của kế hoạch (ntm target) vẫn được dùng trước.\n"

#define MSG_NEGATIVE_ARG    "giá trị không được âm: %s"
#define MSG_UNKNOWN_CMD     "không có lệnh “%s”; xem: ntm --help"
#define MSG_UNKNOWN_CMD_NEAR "không có lệnh “%s”; có phải ý bạn là %s? xem: ntm --help"
#define MSG_QUOTE_VALUE     "giá trị có nhiều từ (“%s”) cần đặt trong ngoặc kép: ntm %s %s \"%s\""
#define MSG_UNKNOWN_OPT     "tùy chọn không hợp lệ hoặc thiếu giá trị: %s; xem: ntm --help"
#define MSG_UNKNOWN_SUB     "lệnh %s không có “%s”; dùng: %s; xem: ntm help %s"
#define MSG_UNKNOWN_SUB_NEAR "lệnh %s không có “%s”; có phải ý bạn là %s? dùng: %s; xem: ntm help %s"
#define MSG_OPT_NOT_HERE    "lệnh %s không dùng tùy chọn --%s; xem: ntm help %s"
#define MSG_ARGS_COUNT      "lệnh %s cần %s; xem: ntm help %s"
#define MSG_BAD_FORMAT      "định dạng “%s” không hỗ trợ; dùng: %s"
#define MSG_BAD_LIMIT       "--limit cần một số nguyên dương"
#define MSG_BAD_ARG         "tham số không hợp lệ: %s"
#define MSG_NO_HOME         "không biết thư mục nhà (HOME) để đặt cơ sở dữ liệu; dùng --db TỆP"
#define MSG_MKDIR           "không tạo được thư mục “%s”: %s"
#define MSG_RO_NO_DEFAULT "chưa có tệp dữ liệu %s; --read-only không tạo tệp mới: hãy chạy ntm init trước, hoặc chỉ tệp bằng --db"
#define MSG_CREATED         "ntm: đã tạo cơ sở dữ liệu mới %s với kế hoạch năm 2024 của xã Việt Hưng"
#define MSG_INIT_DONE       "Đã tạo %s%s.\n"
#define MSG_INIT_EMPTY      " (trống: chưa có kế hoạch, nhiệm vụ, thôn)"
#define MSG_INIT_DISTRICT   " (tệp của cấp trên, chưa có xã nào: mỗi xã chạy\n" \
	"ntm sync export --all rồi gửi tệp; ở đây chạy ntm sync apply TỆP…)"
#define MSG_INIT_DISTRICT_ALONE \
	"--district/--province tạo tệp của cấp trên, không đi cùng --empty " \
	"hay --commune"
#define MSG_FORCE_REMOVE    "không xóa được tệp cũ “%s”: %s"
#define MSG_BOTH_VALUE      "hãy cho GIÁ_TRỊ hoặc --%s, không cả hai"
#define MSG_NEED_VALUE      "thiếu GIÁ_TRỊ (hoặc --%s)"
#define MSG_BAD_DATE        "--date: %s"
#define MSG_BAD_VALUE       "giá trị “%s” cho chỉ tiêu %s: %s"
#define MSG_IMPLAUSIBLE     "%s — chưa ghi gì; nếu đúng là vậy, ghi bằng: ntm set %s \"%s\" --force"
#define MSG_SET_DONE        "Đã ghi %s = %s (tính đến %s).\n"
#define MSG_NO_CURRENT      "Hiện tại %s chưa có giá trị: %s\n"
#define MSG_CURRENT         "Hiện tại %s = %s (tính đến %s): %s\n"
#define MSG_RETRACT_DONE    "Đã rút lại giá trị mới nhất của %s.\n"
#define MSG_TARGET_DONE     "Chỉ tiêu kế hoạch của %s: %s — trạng thái: %s\n"
#define MSG_TARGET_CLEARED  "Đã bỏ chỉ tiêu kế hoạch của %s — trạng thái: %s\n"
#define MSG_LOOKALIKE       "Lưu ý: “%s” chỉ khác thôn “%s” ở dấu hoặc chữ hoa; nếu gõ nhầm, xóa bằng ntm village remove.\n"
#define MSG_VILLAGE_ADDED   "Đã thêm %s (%d mục theo mẫu).\n"
#define MSG_VILLAGE_RENAMED "Đã đổi tên %s thành %s (tên cũ vẫn tìm được).\n"
#define MSG_RENAME_SAME     "%s đã mang tên đó; không có gì thay đổi.\n"
#define MSG_ALIAS_ADDED     "%s có thêm tên khác: %s.\n"
#define MSG_CHECK_OK        "Tệp %s không có lỗi.\n"
#define MSG_CHECK_BAD       "tệp %s có lỗi:\n%s"
#define MSG_BACKUP_DONE     "Đã sao lưu vào %s.\n"
#define MSG_LOG_SAME        "(không đổi)"
#define MSG_LOG_FROM_COPY  " [từ bản sao %s]"
#define MSG_LOG_HELD       " [chưa áp dụng ở đây: đang chờ giải quyết xung đột]"
#define MSG_LOG_MORE        "  (+%d thay đổi kèm theo)"
#define MSG_BAD_STYLE       "--style chỉ nhận old hoặc new"
#define MSG_BAD_CHARSET     "không biết mã “%s”; dùng: utf-8, tcvn3, vni, viscii, cp1258, auto"
#define MSG_TO_AUTO         "--to không nhận auto"
#define MSG_READ_FAILED     "không đọc được “%s”: %s"
#define MSG_OS_ENOENT       "không có tệp này"
#define MSG_OS_EACCES       "không có quyền đọc"
#define MSG_OS_EISDIR       "đây là một thư mục"
#define MSG_OS_OTHER        "lỗi hệ thống (%s)"
#define MSG_DECODE_AT       "dòng %zu, byte %zu: %s"
#define MSG_DETECTED        "ntm: mã nhận ra: %s\n"
#define MSG_NO_HITS         "Không tìm thấy “%s”.\n"
#define MSG_NO_LOG          "Nhật ký trống.\n"
#define MSG_BAD_CONFIG      "tệp cấu hình %s, dòng %d: %s"
#define MSG_UI_NO_TTY       "chương trình toàn màn hình cần một terminal; khi chuyển hướng, dùng: ntm status"
#define MSG_INIT_RO         "ntm init tạo tệp mới nên không đi cùng --read-only"
#define MSG_TOO_MANY        "mỗi lần chạy chỉ nhận tối đa %d thay đổi danh mục"

/* ntm checklist and ntm village (village.c). A %s before "còn", after
 * "Đã thêm", … is a village phrase (model_village_phrase): "thôn Cự
 * Đình", or "Thôn Ngọc Quỳnh" as it is. */
#define MSG_VILLAGE_REMOVED "Đã xóa %s.\n"
#define MSG_VILLAGE_REMOVED_ITEMS "Đã xóa %s cùng %d mục của thôn.\n"
#define MSG_VILLAGE_NEEDS_FORCE "%s còn %d mục; thêm --force để xóa cả thôn và %d mục đó"
#define MSG_VILLAGE_TWIN_FORCE "“%s” trùng với %s đã có (khi bỏ dấu, chữ hoa và chữ Thôn/Khu/Xóm ở đầu); chưa thêm gì — nếu đúng là một thôn khác, thêm --force"
#define MSG_TEMPLATE_ADDED  "Đã thêm %d mục theo mẫu cho %s.\n"
#define MSG_TEMPLATE_NONE   "%s đã có đủ các mục theo mẫu; không thêm gì.\n"
#define MSG_BAD_SORT        "--sort chỉ nhận order (như đã xếp), title (theo tên) hoặc undone (chưa xong trước)"
#define MSG_DATE_NEEDS_DONE "--date của ntm checklist là ngày việc đã xong: chỉ dùng cùng --done"
#define MSG_BAD_AFTER       "--after cần một số thứ tự (0: lên đầu danh mục), không phải “%s”"
#define MSG_BAD_TO          "--to cần một số thứ tự từ 1 trở lên, không phải “%s”"
#define MSG_MOD_ORDER       "--%s phải đi ngay sau --%s"
#define MSG_MOD_MISSING     "--%s cần --%s ngay sau"
#define MSG_MATRIX_ALONE    "--matrix in bảng mọi thôn: không đi cùng tên thôn, --sort hay thay đổi danh mục"
#define MSG_CSV_MATRIX      "định dạng csv chỉ dùng với --matrix"
#define MSG_FORCE_REMOVE_ONLY "--force chỉ dùng với ntm village add và ntm village remove"
#define TXT_MATRIX_RATE     "Tỷ lệ"

/* ntm criteria (criteria.c). */
#define TXT_TARGET_ARGS     "MÃ và GIÁ_TRỊ (với --source), hoặc MÃ với --clear"
#define MSG_NEED_SOURCE     "chỉ tiêu quốc gia cần căn cứ: ntm criteria target %s \"%s\" --source \"QĐ …\" (số văn bản quy định nó); không ghi một con số mà không biết nó từ đâu"
#define MSG_CLEAR_SOURCE    "--clear bỏ chỉ tiêu quốc gia cùng căn cứ của nó: không đi cùng --source"
#define MSG_IMPORT_DONE     "Đã nhập %s: %d tiêu chí, %d chỉ tiêu.\n"
#define MSG_IMPORT_CHECKED  "%s hợp lệ: %d tiêu chí, %d chỉ tiêu; chưa ghi gì (--dry-run).\n"
#define MSG_NATIONAL_DONE   "Chỉ tiêu quốc gia của %s: %s — theo %s; trạng thái: %s\n"
#define MSG_NATIONAL_CLEARED "Đã bỏ chỉ tiêu quốc gia của %s — trạng thái: %s\n"
#define MSG_NATIONAL_SHARED "Lưu ý: chỉ tiêu quốc gia dùng chung cho cả %d xã trong tệp này.\n"
#define MSG_PLAN_WINS       "Lưu ý: kế hoạch đặt chỉ tiêu kế hoạch %s, được dùng trước chỉ tiêu quốc gia.\n"
#define TXT_SET_COUNTS      ": %d tiêu chí, %d chỉ tiêu (%d có chỉ tiêu quốc gia)\n"
#define TXT_SET_IN_USE      "(* bộ tiêu chí của kế hoạch đang dùng)\n"
#define TXT_NATIONAL_SOURCE "chỉ tiêu quốc gia theo %s"
/* ntm plan (plan.c). A plan in a sentence is "15/KH-UBND năm 2025". */
#define MSG_NO_PLAN         "xã chưa có kế hoạch nào; tạo bằng: ntm plan new --year NĂM --number SỐ --title TÊN, hoặc nhập: ntm plan import TỆP"
#define MSG_SUB_ARGS        "ntm %s %s cần %s; xem: ntm help %s"
#define MSG_BAD_YEAR        "--year cần một năm (ví dụ 2025), không phải “%s”"
#define MSG_PLAN_NEEDS      "ntm plan %s cần --%s (%s); xem: ntm help plan"
#define MSG_DATE_NO_DATE    "hãy cho --date NGÀY hoặc --no-date, không cả hai"
#define MSG_PLAN_NOTHING    "không có gì để sửa: cho ít nhất một trong --number, --year, --date, --no-date, --title, --signer"
#define MSG_USE_ARGS        "ntm plan use cần KH (năm hoặc số hiệu của kế hoạch), hoặc --clear để về kế hoạch mới nhất; xem: ntm help plan"
#define MSG_USE_BOTH        "ntm plan use nhận KH hoặc --clear, không cả hai; xem: ntm help plan"
#define MSG_PLAN_NEEDS_FORCE "kế hoạch %s năm %d còn %d nhiệm vụ; thêm --force để xóa cả kế hoạch, %d nhiệm vụ đó, chỉ tiêu kế hoạch và chỉ tiêu riêng của nó"
#define MSG_PLAN_CREATED    "Đã tạo kế hoạch %s năm %d (chưa có nhiệm vụ).\n"
#define MSG_PLAN_COPIED     "Đã lập kế hoạch %s năm %d từ %s: chuyển %d nhiệm vụ chưa hoàn thành, %d chỉ tiêu kế hoạch, %d chỉ tiêu riêng.\n"
#define MSG_PLAN_NOT_DEFAULT "Kế hoạch mặc định vẫn là %s năm %d; đổi bằng: ntm plan use %s (hoặc xem bằng --plan %s).\n"
#define MSG_PLAN_USED       "Từ nay mặc định dùng kế hoạch %s năm %d.\n"
#define MSG_PLAN_USE_CLEAR  "Đã bỏ chọn; mặc định dùng kế hoạch mới nhất: %s năm %d.\n"
#define MSG_PLAN_USE_NONE   "Đã bỏ chọn; xã chưa có kế hoạch nào.\n"
#define MSG_PLAN_EDITED     "Đã sửa kế hoạch %s năm %d.\n"
#define MSG_PLAN_SAME       "Kế hoạch %s năm %d đã như vậy; không có gì thay đổi.\n"
#define MSG_PLAN_REMOVED    "Đã xóa kế hoạch %s năm %d.\n"
#define MSG_PLAN_REMOVED_TASKS "Đã xóa kế hoạch %s năm %d cùng %d nhiệm vụ.\n"
#define MSG_PLAN_EXPORTED   "Đã xuất kế hoạch %s năm %d ra %s.\n"
#define MSG_PLAN_IMPORTED   "Đã nhập kế hoạch %s năm %d: %d nhiệm vụ, %d chỉ tiêu kế hoạch, %d chỉ tiêu riêng.\n"
#define MSG_PLAN_DRY_RUN    "Kế hoạch trong %s hợp lệ; chưa ghi gì. Khi nhập sẽ tạo: %d nhiệm vụ, %d chỉ tiêu kế hoạch, %d chỉ tiêu riêng.\n"
#define TXT_PLAN_YEAR       "Năm"
#define TXT_PLAN_NUMBER     "Số hiệu"
#define TXT_PLAN_ISSUED     "Ban hành"
#define TXT_PLAN_TITLE      "Tên kế hoạch"
#define TXT_PLAN_LEGEND     "* kế hoạch mặc định (đổi bằng ntm plan use)"
#define TXT_NO_PLANS        "Xã chưa có kế hoạch nào; tạo bằng: ntm plan new --year NĂM --number SỐ --title TÊN\n"

/* ntm task (task.c). */
#define MSG_BAD_TASK_NUMBER "số nhiệm vụ “%s” không hợp lệ: viết 12 hoặc #12"
#define MSG_BAD_STATUS      "trạng thái “%s” không có; dùng: %s"
#define MSG_BAD_PROGRESS    "--progress cần một số nguyên từ 0 đến 100, không phải “%s”"
#define MSG_DUE_NO_DUE      "hãy cho --due NGÀY hoặc --no-due, không cả hai"
#define MSG_TASK_NOTHING    "không có gì để sửa: cho ít nhất một trong --title, --status, --progress, --responsible, --due, --no-due, --detail, --note, --issue, --proposal"
#define MSG_TASK_NEEDS_SECTOR "ntm task add cần --sector LĨNH_VỰC (ví dụ --sector \"Giao thông\"); xem: ntm help task"
#define MSG_TASK_ADDED      "Đã thêm nhiệm vụ #%d: %s\n"
#define MSG_TASK_EDITED     "Đã sửa nhiệm vụ #%d: %s, %d%%.\n"
#define MSG_TASK_SAME       "Nhiệm vụ #%d đã như vậy; không có gì thay đổi.\n"
#define MSG_TASK_DONE       "Nhiệm vụ #%d đã hoàn thành (100%%).\n"
#define MSG_TASK_REMOVED    "Đã xóa nhiệm vụ #%d: %s\n"
#define MSG_TASK_HEADER     "Kế hoạch %s năm %d: %d nhiệm vụ\n"
#define MSG_TASK_NONE       "Không có nhiệm vụ nào%s.\n"
#define TXT_TASK_FILTERED   " khớp điều kiện đã cho"
#define TXT_TASK_NUMBER     "Số"
#define TXT_TASK_PROGRESS   "Tiến độ"
#define TXT_TASK_DUE        "Hạn"
#define TXT_TASK_RESPONSIBLE "Phụ trách"
#define TXT_TASK_TITLE      "Nhiệm vụ"
#define TXT_TASK_OVERDUE    "quá hạn"
#define TXT_TASK_FROM       " (từ %s #%d)"
#define TXT_TASK_ISSUE      "Vướng mắc"
#define TXT_TASK_PROPOSAL   "Đề xuất"

/* Report texts. */
#define TXT_PLAN            "Kế hoạch %s năm %d"
#define TXT_NO_PLAN         "chưa có kế hoạch"
#define TXT_CRITERIA        "Tiêu chí đạt"
#define TXT_TASKS           "Nhiệm vụ xong"
#define TXT_FUND            "Vốn"
#define TXT_SECTOR          "Lĩnh vực"
#define TXT_SECTOR_IND      "Chỉ tiêu đạt"
#define TXT_VILLAGE         "Thôn"
#define TXT_VILLAGE_ITEMS   "Việc đã xong"
#define TXT_NO_VILLAGES     "(chưa có thôn nào)"
#define TXT_CODE            "Mã"
#define TXT_STATUS          "Trạng thái"
#define TXT_VALUE           "Giá trị"
#define TXT_AS_OF           "Ngày"
#define TXT_NATIONAL        "CT quốc gia"
#define TXT_PLAN_TARGET     "CT kế hoạch"
#define TXT_NAME            "Tên"
#define TXT_CRITERION       "Tiêu chí %d. %s"
#define TXT_NONE            "—"

/* Kinds of search hits. */
#define HIT_LABEL_TASK      "nhiệm vụ"
#define HIT_LABEL_INDICATOR "chỉ tiêu"
#define HIT_LABEL_CRITERION "tiêu chí"
#define HIT_LABEL_ITEM      "việc của thôn"
#define HIT_LABEL_NOTE      "ghi chú"


/* ---- ntm report (report.c) ---- */
#define USAGE_REPORT \
"Cách dùng: ntm report [--format xlsx|docx|csv|md|txt] [--out TỆP] [--plan KH]\n" \
"                  [--as-of NGÀY] [--since NGÀY]\n" \
"                  [--table criteria|tasks|villages|changes|sources|sectors|\n" \
"                   debts] [--no-bom] [--sep ';']\n" \
"       ntm report --all [--format xlsx|csv] [--out TỆP]   (mọi xã của tệp)\n" \
"Báo cáo kết quả xây dựng nông thôn mới của xã: đầu báo cáo, tổng hợp, tiêu\n" \
"chí và chỉ tiêu (giá trị đầu kỳ và hiện tại), nhiệm vụ theo lĩnh vực, thôn,\n" \
"thay đổi trong kỳ, khó khăn và đề xuất.\n" \
"Định dạng: --format, nếu không thì theo đuôi tên tệp --out, nếu không nữa thì\n" \
"txt (đuôi khác, hoặc không đuôi, mà không có --format: bị từ chối). Không có\n" \
"--out: txt, md, csv in ra đầu ra chuẩn; xlsx, docx ghi vào thư mục hiện tại,\n" \
"tên bao-cao-ntm-<xã>-<ngày>.xlsx (thay tệp cũ cùng tên, có báo). --out là một\n" \
"thư mục: ghi tên đó vào thư mục ấy. Tệp được ghi trọn vẹn hoặc không ghi gì.\n" \
"--as-of: số liệu tính đến ngày này (mặc định hôm nay; 2024-06-30 hoặc\n" \
"30/6/2024); phần vốn: các khoản ghi đến ngày đó, kế hoạch vốn và tổng mức\n" \
"như hiện nay. --since: đầu kỳ (mặc định 1/1 năm của kế hoạch).\n" \
"Bảng csv: sources (nguồn vốn), sectors (vốn theo lĩnh vực), debts (nợ đọng).\n" \
"csv: một bảng (--table, mặc định criteria), UTF-8 có BOM trừ khi --no-bom,\n" \
"--sep ';' cho Excel đặt vùng Việt Nam (mặc định ',').\n"
#define MSG_REPORT_BAD_FORMAT "định dạng báo cáo “%s” không có; dùng xlsx, docx, csv, md hoặc txt"
#define MSG_REPORT_EXT_CLASH "--out %s có đuôi .%s nhưng --format là %s; hãy bỏ một trong hai hoặc cho khớp nhau"
#define MSG_REPORT_BAD_TABLE "bảng “%s” không có; dùng criteria, tasks, villages, changes, sources, sectors hoặc debts"
#define MSG_REPORT_BAD_SEP "--sep “%s” không dùng được; dùng ',' hoặc ';'"
#define MSG_REPORT_CSV_ONLY "--%s chỉ dùng với định dạng csv (đang là %s)"
#define MSG_REPORT_EMPTY_OUT "--out cần tên tệp (hoặc thư mục, hoặc - cho đầu ra chuẩn)"
#define MSG_REPORT_WRITTEN "Đã ghi báo cáo: %s\n"
#define MSG_REPORT_REPLACED "Đã ghi báo cáo (thay tệp cũ): %s\n"
#define MSG_REPORT_NO_EXT "--out %s: đuôi tên tệp không phải một định dạng báo cáo (.xlsx, .docx, .csv, .md, .txt); đặt đuôi ấy, hoặc chọn định dạng bằng --format"
#define MSG_REPORT_BINARY_DASH "báo cáo %s là tệp nhị phân, không in ra đầu ra chuẩn (--out -) được: dùng --out TỆP"

/* ntm import and ntm export (import.c) */
#define USAGE_IMPORT \
"Cách dùng: ntm import TỆP… [--kind LOẠI] [--encoding MÃ] [--sheet TRANG]\n" \
"                  [--dry-run] [--force]\n" \
"Nhập bảng tính vào xã: tệp .csv (theo đuôi tệp), bảng tính .xlsx, hoặc một\n" \
"thư mục (mọi tệp .csv trong đó). Loại của mỗi trang nhận ra từ dòng tiêu đề\n" \
"(tên cột có dấu hoặc không dấu, hoặc tên tiếng Anh):\n" \
"  plan          Số kế hoạch, Năm, Ngày ban hành, Tên kế hoạch, Người ký\n" \
"  targets       Mã chỉ tiêu, Chỉ tiêu kế hoạch (≥ 90, >= 90, 90)\n" \
"  measurements  Mã chỉ tiêu, Giá trị, Ngày, Ghi chú\n" \
"  tasks         STT, Lĩnh vực, Nhiệm vụ, Phụ trách, Hạn, Trạng thái, Tiến độ,\n" \
"                Vướng mắc, Đề xuất, Ghi chú, Nội dung\n" \
"  checklist     Thôn, Việc, Xong (x / để trống), Ngày, Ghi chú\n" \
"  fund          STT, Nhiệm vụ, Loại (tổng mức, kế hoạch vốn, nhận vốn, giải\n" \
"                ngân, khối lượng hoàn thành), Nguồn, Số tiền, Ngày,\n" \
"                Số chứng từ, Ghi chú\n" \
"Cột không thuộc loại của trang bị từ chối (sửa tên cột). Mọi dòng theo đúng\n" \
"quy tắc của ntm set, ntm task, ntm checklist; tất cả trong một thao tác: có\n" \
"lỗi thì không nhập gì và liệt kê mọi lỗi kèm dòng (CSV) hoặc ô (XLSX).\n" \
"Nhập lại cùng tệp không ghi gì thêm.\n" \
"  --kind LOẠI      chỉ nhận trang loại này\n" \
"  --encoding MÃ    mã chữ của tệp CSV: auto (mặc định), utf-8, tcvn3, vni,\n" \
"                   viscii, cp1258\n" \
"  --sheet TRANG    chỉ đọc trang này của bảng tính .xlsx\n" \
"  --dry-run        liệt kê những gì sẽ thay đổi, không ghi gì\n" \
"  --force          nhận cả giá trị bất thường (như ntm set --force) và\n" \
"                   giải ngân vượt số đã nhận (như ntm fund add --force)\n"
#define USAGE_EXPORT \
"Cách dùng: ntm export --out TỆP.xlsx | --out THƯ_MỤC --format csv [--plan KH]\n" \
"Xuất dữ liệu của xã đúng các cột ntm import đọc: MỘT kế hoạch, kế hoạch đang\n" \
"dùng (hoặc --plan) với chỉ tiêu kế hoạch và nhiệm vụ của nó (các kế hoạch khác\n" \
"không xuất: xuất từng kế hoạch bằng --plan), mọi giá trị đã ghi (không kể giá\n" \
"trị đã rút lại), danh mục việc của mọi thôn. Định dạng theo --format, hoặc\n" \
"csv khi --out là thư mục, hoặc theo đuôi tệp (.xlsx: mỗi loại một trang; đuôi\n" \
"khác bị từ chối). csv: THƯ_MỤC phải có sẵn, mỗi loại một tệp UTF-8\n" \
"(ke-hoach.csv, chi-tieu-ke-hoach.csv, gia-tri.csv, nhiem-vu.csv,\n" \
"danh-muc-thon.csv). Xuất rồi nhập vào một tệp trống cho cùng một tiến độ.\n"
#define MSG_SHEETS_KIND       "loại bảng “%s” không có; chọn: plan, targets, measurements, tasks, checklist, fund"
#define MSG_SHEETS_ENCODING   "mã chữ “%s” không có; chọn: auto, utf-8, tcvn3, vni, viscii, cp1258"
#define MSG_SHEETS_MORE       "và %d lỗi khác\n"
#define MSG_SHEETS_DRY_NONE   "Không có gì thay đổi (đã có đủ trong tệp dữ liệu).\n"
#define MSG_SHEETS_DRY_HEAD   "Sẽ thay đổi (chưa ghi gì, vì --dry-run):\n"
#define MSG_SHEETS_DONE       "Đã nhập %d dòng từ %d trang: %d kế hoạch, %d chỉ tiêu kế hoạch, %d giá trị, %d nhiệm vụ mới, %d nhiệm vụ sửa, %d thôn mới, %d mục mới, %d mục thay đổi, %d dòng vốn; %d dòng đã có sẵn.\n"
#define MSG_SHEETS_NOTHING_NEW "Không có gì mới: mọi dòng đã có sẵn (%d dòng); chưa ghi gì.\n"
#define MSG_SHEETS_NEW_DEFAULT "Kế hoạch %s là kế hoạch mới nhất của xã: từ nay ntm status và chương trình toàn màn hình dùng nó (chọn kế hoạch khác bằng ntm plan use).\n"
#define MSG_EXPORT_NEED_OUT   "cần --out: tệp .xlsx, hoặc thư mục có sẵn với --format csv"
#define MSG_EXPORT_EXT        "--out %s: xuất ra tệp .xlsx hoặc một thư mục (--format csv); đuôi .%s không dùng được"
#define MSG_EXPORT_FORMAT     "định dạng xuất “%s” không có; chọn: xlsx, csv"
#define MSG_EXPORT_DONE       "Đã xuất vào %s: %d kế hoạch, %d chỉ tiêu kế hoạch, %d giá trị, %d nhiệm vụ, %d mục của các thôn, %d dòng vốn.\n"

/* ntm undo (undo.c) */
#define USAGE_UNDO \
"Cách dùng: ntm undo\n" \
"Hoàn tác thao tác mới nhất ghi trong tệp dữ liệu (của bất kỳ ai: một lần\n" \
"nhập bảng tính, một giá trị, …), thành một thao tác mới trong nhật ký. Từ\n" \
"chối khi các dòng của thao tác đó đã bị sửa sau nó. Chạy lần nữa thì hoàn\n" \
"tác chính lần hoàn tác đó, tức là làm lại.\n"
#define MSG_UNDO_READ_ONLY  "không hoàn tác được khi chỉ xem (%s)"
#define MSG_UNDO_NOTHING    "nhật ký trống: chưa có thao tác nào để hoàn tác"
#define MSG_UNDO_DONE       "Đã %s.\n(ntm undo lần nữa sẽ làm lại.)\n"
#define MSG_UNDO_REDONE     "Đã %s.\n(ntm undo lần nữa sẽ hoàn tác lại.)\n"
#define MSG_UNDO_DONE_PLAIN "Đã hoàn tác.\n"

/* ntm sync (sync.c) */
#define USAGE_SYNC \
"Cách dùng: ntm sync export [--out TỆP|THƯ_MỤC] [--all]\n" \
"       ntm sync apply TỆP… [--dry-run]\n" \
"       ntm sync conflicts [--format text|json]\n" \
"       ntm sync resolve SỐ --take ours|theirs\n" \
"       ntm sync status [--format text|json]\n" \
"Các bản sao của tệp dữ liệu (máy ở văn phòng, máy mang xuống thôn) trao đổi\n" \
"thay đổi qua một tệp nhỏ .ntmsync (USB, thư điện tử), không cần máy chủ.\n" \
"  export     ghi các thay đổi bên kia chưa có vào tệp (mặc định\n" \
"             <xã>-<bản sao>-<ngày>.ntmsync ở thư mục hiện tại; --out THƯ_MỤC:\n" \
"             tên đó trong thư mục; --all: mọi thay đổi từ đầu)\n" \
"  apply      nhận các tệp .ntmsync của bản sao khác, mỗi tệp một lần ghi;\n" \
"             nhận lại một tệp không đổi gì; dừng ở tệp đầu tiên bị từ chối\n" \
"             (các tệp trước nó đã nhận); --dry-run: thử, không ghi gì\n" \
"  conflicts  các xung đột đang chờ: dòng bị sửa ở cả hai bên, hai giá trị,\n" \
"             ai sửa và khi nào\n" \
"  resolve    giải quyết xung đột SỐ: --take ours (giữ bên này, cũng viết\n" \
"             \"bên này\") hoặc --take theirs (lấy bên kia, \"bên kia\");\n" \
"             hoàn tác được bằng ntm undo\n" \
"  status     mã bản sao này, các bản sao đã nhận tệp và đến đâu, thay đổi\n" \
"             chưa xuất, xung đột đang chờ\n" \
"Không có gì bị ghi đè lặng lẽ: dòng bị sửa ở cả hai bên được giữ nguyên bên\n" \
"này và ghi thành xung đột chờ người quyết định.\n"
#define MSG_SYNC_EMPTY_OUT    "--out cần tên tệp hoặc thư mục"
#define MSG_SYNC_WRITTEN      "Đã ghi %lld thay đổi vào %s (%lld byte).\n"
#define MSG_SYNC_WRITTEN_ALL  "Đã ghi toàn bộ dữ liệu và lịch sử của xã vào %s (%lld thay đổi, %lld byte): đủ để tệp của cấp trên nhận xã lần đầu.\n"
#define MSG_SYNC_WRITTEN_NONE "Không có thay đổi mới; vẫn ghi %s\n(bên kia cần nó để biết bản sao này đã có những gì).\n"
#define MSG_SYNC_WRITTEN_HINT "Mang tệp sang bản sao kia và chạy:"   /* then the command */
#define TXT_SYNC_APPLY_CMD    "ntm sync apply "
#define MSG_SYNC_DRY          " (thử, không ghi gì)"
#define MSG_SYNC_APPLIED      "%s%s: %lld thay đổi mới, %lld đã có từ trước (từ bản sao %.8s); ghi %lld dòng.\n"
#define MSG_SYNC_JOINED       "%s%s: đã thêm %s vào tệp này (%lld dòng dữ liệu, cùng lịch sử); từ nay xã chỉ cần gửi tệp ntm sync export thường.\n"
#define MSG_SYNC_MERGED       "%s đã gộp vào %s (ntm unit merge): dữ liệu của xã cũ vào xã mới.\n"
#define MSG_SYNC_NOTHING_NEW  "%s%s: không có gì mới (%lld thay đổi đã có từ trước; từ bản sao %.8s).\n"
#define MSG_SYNC_NEW_CONFLICTS "  %d xung đột mới (bên này giữ giá trị của mình).\n"
#define MSG_SYNC_CLOSED       "  %d xung đột đã được giải quyết nhờ tệp này.\n"
#define MSG_SYNC_RENUMBERED   "  %d nhiệm vụ được đánh số lại (số đã có ở bên kia).\n"
#define MSG_SYNC_WAITING      "Có %d xung đột đang chờ: xem ntm sync conflicts,\ngiải quyết bằng ntm sync resolve SỐ --take ours|theirs.\n"
#define MSG_SYNC_DRY_WAITING  "Nếu áp dụng thật, sẽ có %d xung đột chờ giải quyết\n(xem và giải quyết bằng ntm sync conflicts, ntm sync resolve).\n"
#define MSG_SYNC_DRY_NO_WAITING "Nếu áp dụng thật, sẽ không có xung đột nào chờ giải quyết.\n"
#define MSG_SYNC_FOLDER       "“%s” là một thư mục, không phải tệp .ntmsync; để nhận mọi tệp đồng bộ trong đó: " TXT_SYNC_APPLY_CMD "%s/*.ntmsync"
#define MSG_SYNC_NO_WAITING   "Không có xung đột nào đang chờ.\n"
#define MSG_SYNC_REFUSED      "tệp %s bị từ chối: %s"
#define MSG_SYNC_REFUSED_AFTER "%s; đã nhận trước nó: %s"
#define MSG_SYNC_NOT_TRIED    "%s; chưa nhận (sau tệp bị từ chối): %s"
#define MSG_SYNC_CONFLICTS_HEAD "Xung đột đang chờ (%d):\n"
#define MSG_SYNC_CONFLICT     "\n%d. %s “%s”%s%s — %s\n"
#define MSG_SYNC_OURS         "   bên này: %s  (%s, %s)\n"
#define MSG_SYNC_THEIRS       "   bên kia: %s  (%s, %s; bản sao %.8s)\n"
#define MSG_SYNC_CONFLICTS_FOOT "\nGiải quyết: ntm sync resolve SỐ --take ours (giữ bên này)\n      hoặc ntm sync resolve SỐ --take theirs (lấy bên kia).\n"
#define TXT_SYNC_KIND_EDIT    "sửa ở cả hai bên"
#define TXT_SYNC_KIND_DELETE  "một bên xóa, một bên sửa"
#define TXT_SYNC_KIND_UNIQUE  "cùng tên được thêm ở cả hai bên"
#define TXT_SYNC_KIND_PARENT  "đi cùng một dòng đang chờ giải quyết"
#define MSG_SYNC_OURS_NONE    "   bên này: %s\n"
#define TXT_SYNC_UNKNOWN      "không rõ"
#define MSG_SYNC_TAKE_NEED    "ntm sync resolve cần --take ours (giữ bên này) hoặc --take theirs (lấy bên kia); xem: ntm help sync"
#define MSG_SYNC_TAKE_BAD     "--take “%s” không có; chọn: ours (bên này) hoặc theirs (bên kia)"
#define MSG_SYNC_RESOLVED     "Đã giải quyết xung đột %d: %s.\n"
#define MSG_SYNC_RESOLVED_ROW "  %s “%s”: %s\n"
#define MSG_SYNC_RESOLVED_PLAIN "Đã giải quyết xung đột %s: %s.\n"
#define TXT_SYNC_KEPT_OURS    "giữ bên này"
#define TXT_SYNC_KEPT_THEIRS  "lấy bên kia"
#define MSG_SYNC_RESOLVED_UNDO "(ntm undo hoàn tác lần giải quyết này; xung đột sẽ chờ lại.)\n"
#define MSG_SYNC_ST_REPLICA   "Bản sao này: %.8s (%s)\n"
#define MSG_SYNC_ST_UNEXPORTED_N "Thay đổi chưa xuất: %lld\n"
#define MSG_SYNC_ST_ABOVE "Tệp của cấp trên: nhận tệp đồng bộ của các xã, không xuất.\n"
#define MSG_SYNC_ST_UNEXPORTED "Thay đổi chưa xuất: %lld (từ %s)\n"
#define MSG_SYNC_ST_ALL_EXPORTED "Thay đổi chưa xuất: không có\n"
#define MSG_SYNC_ST_LAST_EXPORT "Lần xuất gần nhất: %s\n"
#define MSG_SYNC_ST_NEVER     "Lần xuất gần nhất: chưa xuất lần nào\n"
#define MSG_SYNC_ST_ORIGINS   "Các bản sao đã biết:\n"
#define MSG_SYNC_ST_ORIGIN    "  %.8s  đã có đến thay đổi %lld, đã xuất đến %lld"
#define TXT_SYNC_ST_SELF      "(bản sao này)"
#define TXT_SYNC_ST_HEARD     "nhận tệp lần cuối %s"
#define MSG_SYNC_ST_CONFLICTS "Xung đột đang chờ: %d (xem: ntm sync conflicts)\n"
#define MSG_SYNC_ST_NO_CONFLICTS "Xung đột đang chờ: không có\n"

/* ---- ntm unit merge (unit.c) ---- */
#define MSG_MERGE_NEED_INTO "thiếu --into XÃ_MỚI: xã nhận các xã cũ (một xã đã có, hoặc tên một xã mới)"
#define MSG_MERGE_DONE      "Đã gộp "
#define MSG_MERGE_WOULD     "Chạy thử, không ghi gì: sẽ gộp "
#define MSG_MERGE_INTO      " vào %s%s.\n"
#define TXT_MERGE_CREATED   " (xã mới)"
#define MSG_MERGE_VILLAGES  "  thôn: %d (cùng %d mục trong danh mục việc)\n"
#define MSG_MERGE_PLANS     "  kế hoạch: %d (cùng %d nhiệm vụ)\n"
#define MSG_MERGE_VALUES    "  giá trị chỉ tiêu: %d\n"
#define MSG_MERGE_ALIASES   "  tên khác của xã: %d\n"
#define MSG_MERGE_HISTORY   "  lịch sử: %d thao tác\n"
#define MSG_MERGE_RENAMES   "Đổi tên để không trùng:\n"
#define MSG_MERGE_RENAME_VILLAGE "  thôn “%s”"
#define MSG_MERGE_RENAME_ALIAS "  tên khác “%s” của một thôn"
#define MSG_MERGE_RENAME_PLAN "  kế hoạch %s năm %d"
#define MSG_MERGE_RENAME_TO " của %s → “%s”\n"
#define MSG_MERGE_MIXED     "Cần xem lại các chỉ tiêu có giá trị của nhiều xã (giá trị mới nhất được tính): "
#define MSG_MERGE_OLD_NAMES "Tên các xã cũ thành tên khác của %s: --unit với tên cũ vẫn tìm được xã này.\n"
#define MSG_MERGE_UNDO      "Hoàn tác: ntm undo\n"

/* Every commune of the file: ntm status --all, ntm report --all. */
#define MSG_ALL_NOT_WITH      "--all (mọi xã của tệp) không dùng cùng --unit hoặc --plan: bỏ --all để xem một xã, hoặc bỏ --unit/--plan để xem mọi xã"
#define MSG_ALL_NONE          "Tệp này chưa có xã nào. Để một xã tham gia: ở xã chạy\n  ntm sync export --all\nrồi mang tệp .ntmsync về đây và chạy\n  ntm sync apply TỆP\n"
#define MSG_ALL_REPORT_OPT    "ntm report --all không dùng --%s: báo cáo các xã tính đến hôm nay, theo kế hoạch đang dùng của từng xã"
#define TXT_ALL_COUNT         " — %d xã"
#define MSG_ALL_REPORT_FORMAT "ntm report --all viết xlsx (mặc định) hoặc csv (bảng tổng hợp), không viết %s"
#define TXT_ALL_COMMUNE       "Xã"
#define TXT_ALL_CRITERIA      "Tiêu chí"
#define TXT_ALL_INDICATORS    "Chỉ tiêu"
#define TXT_ALL_TASKS         "Nhiệm vụ"
#define TXT_ALL_OVERDUE       "Quá hạn"
#define TXT_ALL_VILLAGES      "Thôn đạt"
#define TXT_ALL_TOTAL         "Tổng (%d xã)"
#define TXT_ALL_PLAN          "Kế hoạch"
#define TXT_ALL_PLAN_OF       "%s năm %d"
#define TXT_ALL_UPDATED       "Cập nhật"
#define TXT_ALL_BY            "Người gửi"

/* ---- ntm fund (fund.c, fundout.c) ---- */
#define USAGE_FUND \
"Cách dùng: ntm fund plan NHIỆM_VỤ --source NGUỒN SỐ_TIỀN\n" \
"       ntm fund plan NHIỆM_VỤ --source NGUỒN --clear\n" \
"       ntm fund cost NHIỆM_VỤ SỐ_TIỀN | --clear\n" \
"       ntm fund add NHIỆM_VỤ --kind received|paid|completed [--source NGUỒN]\n" \
"                SỐ_TIỀN [--date NGÀY] [--doc SỐ_CHỨNG_TỪ] [--note GHI_CHÚ]\n" \
"                [--force]\n" \
"       ntm fund reverse MÃ_KHOẢN --reason LÝ_DO [--date NGÀY] [--force]\n" \
"       ntm fund list [NHIỆM_VỤ] [--as-of NGÀY] [--format text|json|csv]\n" \
"       ntm fund summary [--by source|sector|task] [--as-of NGÀY]\n" \
"                [--format text|json|csv] [--no-bom] [--sep ';']\n" \
"       ntm fund sources\n" \
"       ntm fund source add TÊN_NGUỒN\n" \
"Vốn của các nhiệm vụ trong kế hoạch đang dùng: tổng mức đầu tư (cost), kế\n" \
"hoạch vốn theo nguồn (plan), các khoản nhận vốn (received), giải ngân (paid)\n" \
"và giá trị khối lượng hoàn thành (completed). Nợ đọng = khối lượng hoàn thành\n" \
"trừ đã giải ngân, tính theo từng nhiệm vụ.\n" \
"NHIỆM_VỤ: số của nhiệm vụ (5 hoặc #5). SỐ_TIỀN viết như thường viết, không\n" \
"cần ngoặc kép: 250.000.000, 250 triệu, 1,5 tỷ, 800 nghìn. NGUỒN: tên hoặc mã,\n" \
"gõ không dấu cũng được (\"ngan sach tinh\", ns_tinh); xem: ntm fund sources.\n" \
"NGÀY: 2024-06-30 hoặc 30/6/2024, không sau hôm nay (mặc định: hôm nay).\n" \
"Giải ngân vượt số đã nhận từ nguồn đó thì không ghi, trừ khi có --force.\n" \
"--as-of NGÀY: chỉ tính các khoản ghi đến ngày đó (kế hoạch vốn và tổng mức\n" \
"như hiện nay). csv: UTF-8 có BOM (Excel đọc đúng tiếng Việt) trừ khi\n" \
"--no-bom; --sep ';' cho Excel đặt vùng Việt Nam (mặc định ',').\n" \
"Sửa một khoản đã ghi: ntm fund reverse MÃ_KHOẢN (mã 8 chữ số mà ntm fund list\n" \
"in ra) với lý do, ghi ngày hôm nay hoặc --date (không sớm hơn khoản bị sửa);\n" \
"hoặc ntm undo ngay sau khi ghi. Mỗi khoản chỉ đảo được một lần.\n" \
"Ví dụ:\n" \
"  ntm fund cost 5 1,2 tỷ\n" \
"  ntm fund plan 5 --source \"ngan sach tinh\" 800 triệu\n" \
"  ntm fund add 5 --kind received --source ns_tinh 500 triệu --doc \"UNC 12\"\n" \
"  ntm fund add 5 --kind paid --source ns_tinh 250 triệu --date 15/3/2024\n" \
"  ntm fund add 5 --kind completed 400 triệu\n" \
"  ntm fund reverse a1b2c3d4 --reason \"ghi nhầm số tiền\"\n" \
"  ntm fund summary --by sector\n"
#define MSG_FUND_NEED_AMOUNT  "thiếu SỐ_TIỀN (ví dụ 250 triệu); xem: ntm help fund"
#define MSG_FUND_CLEAR_AMOUNT "--clear bỏ số tiền đã đặt: không cho thêm SỐ_TIỀN (“%s”)"
#define MSG_FUND_BAD_AMOUNT   "số tiền “%s”: %s"
#define MSG_FUND_NEED_SOURCE  "ntm fund plan cần --source NGUỒN; xem: ntm fund sources"
#define MSG_FUND_NEED_KIND    "ntm fund add cần --kind: %s"
#define MSG_FUND_BAD_KIND     "loại “%s” không có; dùng: %s"
#define MSG_FUND_NEED_REASON  "ntm fund reverse cần --reason \"LÝ DO\": vì sao khoản này sai (ghi vào khoản đảo)"
#define MSG_FUND_BAD_BY       "--by “%s” không có; dùng: source (nguồn vốn), sector (lĩnh vực) hoặc task (nhiệm vụ)"
#define MSG_FUND_OVERDRAW     "%s — chưa ghi gì; nếu đúng là vậy, thêm --force để vẫn ghi"
#define MSG_FUND_SOURCE_SUB   "ntm fund source chỉ có: add TÊN_NGUỒN; xem danh sách: ntm fund sources"
#define MSG_FUND_PLAN_SET     "Đã đặt kế hoạch vốn của nhiệm vụ #%d từ %s: %s.\n"
#define MSG_FUND_PLAN_CLEARED "Đã bỏ kế hoạch vốn của nhiệm vụ #%d từ %s.\n"
#define MSG_FUND_COST_SET     "Đã đặt tổng mức đầu tư của nhiệm vụ #%d: %s.\n"
#define MSG_FUND_COST_CLEARED "Đã bỏ tổng mức đầu tư của nhiệm vụ #%d.\n"
#define MSG_FUND_SAME         "Nhiệm vụ #%d đã như vậy; không có gì thay đổi.\n"
#define MSG_FUND_ADDED        "Đã ghi %s %s cho nhiệm vụ #%d%s, ngày %s (mã %.8s).\n"
#define TXT_FUND_FROM         " từ %s"
#define MSG_FUND_FORCED       "Lưu ý: %s — vẫn ghi vì có --force.\n"
#define MSG_FUND_REVERSED     "Đã đảo khoản %.8s (%s %s của nhiệm vụ #%d) bằng khoản %.8s; lý do: %s\n"
#define MSG_FUND_SOURCE_ADDED "Đã thêm nguồn vốn “%s” (mã %s).\n"
#define MSG_FUND_NO_PLAN      "Xã chưa có kế hoạch nào, nên chưa có vốn để xem; tạo kế hoạch bằng: ntm plan new --year NĂM --number SỐ --title TÊN\n"
#define MSG_FUND_LIST_HEAD    "Kế hoạch %s năm %d: %d khoản vốn\n"
#define MSG_FUND_LIST_TASK    "Nhiệm vụ #%d — %s: %d khoản vốn\n"
#define MSG_FUND_LIST_NONE    "Chưa ghi khoản nào; ghi bằng: ntm fund add NHIỆM_VỤ --kind paid --source NGUỒN SỐ_TIỀN\n"
#define TXT_FUND_CODE         "Mã"
#define TXT_FUND_DATE         "Ngày"
#define TXT_FUND_TASK         "NV"
#define TXT_FUND_KIND         "Loại"
#define TXT_FUND_AMOUNT       "Số tiền"
#define TXT_FUND_SOURCE       "Nguồn"
#define TXT_FUND_DOC          "Chứng từ: "
#define TXT_FUND_NOTE         "Ghi chú: "
#define TXT_FUND_REVERSES     "đảo khoản "
#define TXT_FUND_REVERSED_BY  "đã đảo bởi khoản "
#define TXT_FUND_SEP          " · "
#define MSG_FUND_SUM_HEAD     "Vốn của kế hoạch %s năm %d (%d nhiệm vụ có vốn)\n"
#define TXT_FUND_COST         "Tổng mức đầu tư"
#define TXT_FUND_PLANNED      "Kế hoạch vốn"
#define TXT_FUND_RECEIVED     "Đã nhận"
#define TXT_FUND_PAID         "Đã giải ngân"
#define TXT_FUND_PERCENT      "Tỷ lệ giải ngân"
#define TXT_FUND_COMPLETED    "Khối lượng hoàn thành"
#define TXT_FUND_DEBT         "Nợ đọng"
#define TXT_FUND_BY_SOURCE    "Theo nguồn vốn:"
#define TXT_FUND_BY_SECTOR    "Theo lĩnh vực:"
#define TXT_FUND_BY_TASK      "Theo nhiệm vụ (nợ đọng nhiều nhất trước):"
#define TXT_FUND_COL_SOURCE   "Nguồn vốn"
#define TXT_FUND_COL_SECTOR   "Lĩnh vực"
#define TXT_FUND_COL_TASK     "Nhiệm vụ"
#define TXT_FUND_COL_PLANNED  "Kế hoạch"
#define TXT_FUND_COL_RECEIVED "Đã nhận"
#define TXT_FUND_COL_PAID     "Giải ngân"
#define TXT_FUND_COL_DONE     "Hoàn thành"
#define TXT_FUND_COL_DEBT     "Nợ đọng"
#define TXT_FUND_NO_LINES     "  (chưa có)\n"
#define TXT_FUND_SOURCES_HEAD "Nguồn vốn (%d):\n"

/* ---- money when removing, as of a day, earlier plans (issue 15 fixes) ---- */
#define MSG_TASK_HAS_MONEY    "nhiệm vụ #%d có %d khoản vốn (đã giải ngân %s, nợ đọng %s) và kế hoạch vốn %s; thêm --force để xóa cả vốn"
#define TXT_FUND_EARLIER_MORE " · nợ đọng các kế hoạch trước %s"
#define TXT_FUND_EARLIER_ONLY "Nợ đọng các kế hoạch trước %s"
#define TXT_FUND_EARLIER      "Nợ đọng các kế hoạch trước"
#define TXT_FUND_COST_UNSET   "chưa đặt"
#define MSG_FUND_BAD_AS_OF    "--as-of: %s"
#define TXT_FUND_LIST_AS_OF   "Các khoản ghi ngày %s trở về trước.\n"
#define TXT_FUND_SUM_AS_OF    "Tính đến ngày %s (kế hoạch vốn và tổng mức như hiện nay).\n"
#define MSG_PLAN_NEEDS_FORCE_FUND "kế hoạch %s năm %d còn %d nhiệm vụ, trong đó %d nhiệm vụ có vốn (kế hoạch vốn %s, đã giải ngân %s, nợ đọng %s); thêm --force để xóa cả kế hoạch, %d nhiệm vụ đó cùng vốn của chúng, chỉ tiêu kế hoạch và chỉ tiêu riêng của nó"

/* ntm village list on a commune without villages */
#define MSG_NO_VILLAGES     "Xã chưa có thôn nào; thêm bằng: ntm village add TÊN"

#endif
