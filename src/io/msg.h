/* Every sentence the io layer says, in one place. */
#ifndef NTM_IO_MSG_H
#define NTM_IO_MSG_H

#define MSG_IO_FOLDER   "không ghi được vào thư mục của tệp %s: %s"
#define MSG_IO_WRITE    "không ghi được tệp %s: %s; tệp cũ (nếu có) vẫn nguyên"
#define MSG_IO_FULL     "không ghi được tệp %s: đĩa đầy; tệp cũ (nếu có) vẫn nguyên"
#define MSG_IO_MEMORY   "hết bộ nhớ khi ghi tệp %s"

/* ---- record text, both formats (records.c) ---- */
#define MSG_REC_AT       "%s:%d: %s"          /* file, line, what */
#define MSG_REC_NUL      "có byte 0 (NUL): đây không phải tệp văn bản"
#define MSG_REC_NO_COLON "dòng “%s” cần dạng “Khóa: giá trị” (dòng ghi chú bắt đầu bằng #)"
#define MSG_REC_SECTION_END "dòng tiêu đề “%s” cần dạng [Tên phần], đóng bằng “]”"
#define MSG_REC_CONT_NONE "dòng bắt đầu bằng dấu cách là dòng viết tiếp, nhưng không theo sau khóa nào"
#define MSG_REC_READ     "không đọc được %s: %s"  /* TXT_REC_FILE or TXT_IO_STDIN */
#define MSG_REC_TOO_BIG  "%s quá lớn (hơn %d MB)"
#define TXT_REC_FILE     "tệp “%s”"
/* What messages call "-", the standard input, where a file name goes. */
#define TXT_IO_STDIN     "đầu vào chuẩn"

/* ---- plan text (plantext.c; man 5 ntm-plan) ---- */

/* The words of the format: keys and sections as the writer writes them
 * (the reader also takes them without marks, in any case). */
#define TXT_PT_COMMENT   "# Kế hoạch xây dựng nông thôn mới — tệp văn bản của ntm (man 5 ntm-plan)"
#define TXT_PT_XA        "Xã"
#define TXT_PT_SO        "Số"
#define TXT_PT_NAM       "Năm"
#define TXT_PT_NGAY      "Ngày"
#define TXT_PT_TIEU_DE   "Tiêu đề"
#define TXT_PT_NGUOI_KY  "Người ký"
#define TXT_PT_BO        "Bộ tiêu chí"
#define TXT_PT_MA        "Mã"
#define TXT_PT_TEN       "Tên"
#define TXT_PT_LOAI      "Loại"
#define TXT_PT_SO_SANH   "So sánh"
#define TXT_PT_DON_VI    "Đơn vị"
#define TXT_PT_CHI_TIEU  "Chỉ tiêu"
#define TXT_PT_GHI_CHU   "Ghi chú"
#define TXT_PT_NHIEM_VU  "Nhiệm vụ"
#define TXT_PT_STT       "STT"
#define TXT_PT_PHU_TRACH "Phụ trách"
#define TXT_PT_HAN       "Hạn"
#define TXT_PT_TRANG_THAI "Trạng thái"
#define TXT_PT_TIEN_DO   "Tiến độ"
#define TXT_PT_CHI_TIET  "Chi tiết"
#define TXT_PT_CHUYEN_TU "Chuyển từ"
#define TXT_PT_SEC_HEAD  "đầu tệp (thông tin kế hoạch)"
#define TXT_PT_SEC_OWN   "Chỉ tiêu riêng"
#define TXT_PT_SEC_TARGET "Chỉ tiêu kế hoạch"
#define TXT_PT_SEC_TASK  "Lĩnh vực"

#define MSG_PT_KEY_UNKNOWN "không có khóa “%s” trong phần %s; các khóa ở đây: %s"
#define MSG_PT_KEY_ELSEWHERE "khóa “%s” không dùng trong phần %s; các khóa ở đây: %s"
#define MSG_PT_KEY_TWICE "khóa “%s” đã có ở dòng %d của bản ghi này; hãy để một dòng trống giữa hai bản ghi"
#define MSG_PT_KEY_MISSING "thiếu khóa “%s” (bản ghi bắt đầu ở dòng này)"
#define MSG_PT_HEAD_MISSING "phần đầu tệp thiếu khóa “%s”"
#define MSG_PT_FILE_EMPTY "tệp trống: không có kế hoạch nào; một kế hoạch bắt đầu bằng Số:, Năm: và Tiêu đề: (man 5 ntm-plan)"
#define MSG_PT_NO_HEAD   "tệp thiếu phần đầu (Số:, Năm:, Tiêu đề:) trước phần “%s”"
#define MSG_PT_EMPTY     "khóa “%s” không được để trống"
#define MSG_PT_CONT_SINGLE "khóa “%s” chỉ có một dòng; chỉ “Chi tiết” và “Ghi chú” được viết tiếp trên dòng sau (bắt đầu bằng dấu cách)"
#define MSG_PT_SECTION   "không có phần “%s”; các phần: [Chỉ tiêu riêng], [Chỉ tiêu kế hoạch], [Lĩnh vực: TÊN]"
#define MSG_PT_SECTOR_EMPTY "hãy ghi tên lĩnh vực, ví dụ [Lĩnh vực: Giao thông]"
#define MSG_PT_DATE      "ngày “%s”: %s"
#define MSG_PT_YEAR      "năm “%s” phải là một năm từ 2000 đến 2100"
#define MSG_PT_STT       "STT “%s” phải là số nguyên từ 1 đến %d"
#define MSG_PT_FROM      "“Chuyển từ: %s” cần dạng SỐ_KẾ_HOẠCH #STT, ví dụ 32/KH-UBND #5 (STT từ 1 đến %d)"
#define MSG_PT_PROGRESS  "tiến độ “%s” phải là số nguyên từ 0 đến 100"
#define MSG_PT_STATUS    "trạng thái “%s” không có; dùng một trong: %s"
#define MSG_PT_KIND      "loại “%s” không có; dùng: tỷ lệ, số hoặc đạt/không"
#define MSG_PT_CMP       "so sánh “%s” không hợp lệ; dùng một trong: ≥ >= ≤ <= = > <"
#define MSG_PT_TARGET    "chỉ tiêu “%s” không phải một so sánh với số (≥ 85, < 1, 76,5): %s"
#define MSG_PT_OWN_CODE  "mã chỉ tiêu riêng “%s” phải có dạng SỐ_TIÊU_CHÍ.TÊN, ví dụ 12.KH1"
#define MSG_PT_DUP_STT   "STT %d đã dùng cho nhiệm vụ ở dòng %d"
#define MSG_PT_DUP_CODE  "mã “%s” đã có ở dòng %d"
#define MSG_PT_STDOUT    "không ghi được ra đầu ra chuẩn: %s"
/* Criteria text (criteriatext.c): what follows "TỆP:DÒNG: ". */
#define SEC_SET_SHOWN         "[Bộ tiêu chí]"
#define SEC_CRIT_SHOWN        "[Tiêu chí]"
#define SEC_IND_SHOWN         "[Chỉ tiêu]"
#define MSG_CRIT_MISSING      "thiếu “%s:” trong bản ghi của mục %s"
#define MSG_CRIT_TWO_SETS     "một tệp chỉ mô tả một bộ tiêu chí (đã có ở dòng %d)"
#define MSG_CRIT_SET_CODE     "mã bộ tiêu chí “%s” không hợp lệ: chỉ gồm chữ không dấu, số và _ (ví dụ ntm_2026), tối đa 31 ký tự"
#define MSG_CRIT_LEVEL        "cấp “%s” không hợp lệ: dùng xã hoặc thôn"
#define MSG_CRIT_NUMBER       "số tiêu chí “%s” không hợp lệ: cần một số nguyên từ 1 đến 99"
#define MSG_CRIT_DUP_NUMBER   "tiêu chí %d đã có ở dòng %d"
#define MSG_CRIT_KIND         "loại “%s” không hợp lệ: dùng đạt (đạt/không đạt), tỷ lệ (phần trăm) hoặc số"
#define MSG_CRIT_CMP          "so sánh “%s” không hợp lệ: dùng >=, <=, =, > hoặc <"
#define MSG_CRIT_BOOL_CMP     "chỉ tiêu loại đạt chỉ so sánh bằng =, không phải “%s”"
#define MSG_CRIT_NEED_CMP     "chỉ tiêu %s thiếu “So sánh:” (>=, <=, =, > hoặc <)"
#define MSG_CRIT_TARGET       "chỉ tiêu “%s” không đọc được: %s"
#define MSG_CRIT_CMP_CLASH    "chỉ tiêu “%s” có phép so sánh khác “So sánh: %s”"
#define MSG_CRIT_IND_CODE     "mã chỉ tiêu “%s” không hợp lệ: bắt đầu bằng số tiêu chí, rồi .số hoặc .chữ (ví dụ 12.2), tối đa 31 ký tự"
#define MSG_CRIT_DUP_CODE     "mã chỉ tiêu %s đã có ở dòng %d"
#define MSG_CRIT_SECTION      "không có mục “[%s]”; dùng [Bộ tiêu chí], [Tiêu chí] hoặc [Chỉ tiêu]"
#define MSG_CRIT_NO_SECTION   "dòng này chưa thuộc mục nào: tệp bắt đầu bằng [Bộ tiêu chí]"
#define MSG_CRIT_KEY          "khóa “%s” không dùng trong mục %s; dùng: %s"
#define MSG_CRIT_DUP_KEY      "“%s:” đã có ở dòng %d trong bản ghi này (các bản ghi cách nhau một dòng trống)"
#define MSG_CRIT_NO_SET       "thiếu mục [Bộ tiêu chí] (Mã, Tên, Căn cứ)"
#define MSG_CRIT_NO_CRITERIA  "tệp không có tiêu chí nào (mục [Tiêu chí])"
#define MSG_CRIT_NO_OWNER     "chỉ tiêu %s thuộc tiêu chí %d, nhưng tệp không có tiêu chí đó"
#define MSG_CRIT_EMPTY        "tiêu chí %d không có chỉ tiêu nào (mục [Chỉ tiêu])"

/* ---- the written report (report.c and its writers) ---- */
#define MSG_REPORT_FORMAT        "định dạng báo cáo không hợp lệ; chọn: xlsx, docx, csv, md, txt"
#define MSG_REPORT_BINARY_STDOUT "báo cáo %s là tệp nhị phân, không in ra màn hình được: dùng --out TỆP"
#define MSG_REPORT_NOT_YET       "chưa ghi được báo cáo dạng %s trong bản này"
#define TXT_IO_STDOUT            "đầu ra chuẩn"

/* ---- spreadsheets in (sheetcsv.c, sheetxlsx.c) ---- */
#define MSG_SHEET_NOT_YET        "chưa đọc được tệp %s trong bản này"

#endif
