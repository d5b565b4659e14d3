/* Every sentence the io layer says, in one place. */
#ifndef NTM_IO_MSG_H
#define NTM_IO_MSG_H

#define MSG_IO_FOLDER   "không ghi được vào thư mục của tệp %s: %s"
#define MSG_IO_WRITE    "không ghi được tệp %s: %s; tệp cũ (nếu có) vẫn nguyên"
#define MSG_IO_FULL     "không ghi được tệp %s: đĩa đầy; tệp cũ (nếu có) vẫn nguyên"
#define MSG_IO_MEMORY   "hết bộ nhớ khi ghi tệp %s"

/* Criteria text (criteriatext.c): what follows "TỆP:DÒNG: ". */
#define SEC_SET_SHOWN         "[Bộ tiêu chí]"
#define SEC_CRIT_SHOWN        "[Tiêu chí]"
#define SEC_IND_SHOWN         "[Chỉ tiêu]"
#define MSG_CRIT_READ         "không đọc được “%s”: %s"
#define MSG_CRIT_BINARY       "tệp có byte NUL: không phải văn bản"
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
#define MSG_CRIT_BAD_HEADER   "dòng tiêu đề mục “%s” cần dạng [Tên mục]"
#define MSG_CRIT_SECTION      "không có mục “[%s]”; dùng [Bộ tiêu chí], [Tiêu chí] hoặc [Chỉ tiêu]"
#define MSG_CRIT_NO_COLON     "dòng “%s” cần dạng Khóa: giá trị (dòng ghi chú bắt đầu bằng #)"
#define MSG_CRIT_NO_SECTION   "dòng này chưa thuộc mục nào: tệp bắt đầu bằng [Bộ tiêu chí]"
#define MSG_CRIT_KEY          "khóa “%s” không dùng trong mục %s; dùng: %s"
#define MSG_CRIT_DUP_KEY      "“%s:” đã có ở dòng %d trong bản ghi này (các bản ghi cách nhau một dòng trống)"
#define MSG_CRIT_STRAY_INDENT "dòng thụt đầu dòng nối tiếp giá trị của dòng trên, nhưng trên nó không có khóa nào"
#define MSG_CRIT_NO_SET       "thiếu mục [Bộ tiêu chí] (Mã, Tên, Căn cứ)"
#define MSG_CRIT_NO_CRITERIA  "tệp không có tiêu chí nào (mục [Tiêu chí])"
#define MSG_CRIT_NO_OWNER     "chỉ tiêu %s thuộc tiêu chí %d, nhưng tệp không có tiêu chí đó"
#define MSG_CRIT_EMPTY        "tiêu chí %d không có chỉ tiêu nào (mục [Chỉ tiêu])"

#endif
