/* Every sentence the io layer says, in one place. */
#ifndef NTM_IO_MSG_H
#define NTM_IO_MSG_H

#define MSG_IO_FOLDER   "không ghi được vào thư mục của tệp %s: %s"
#define MSG_IO_WRITE    "không ghi được tệp %s: %s; tệp cũ (nếu có) vẫn nguyên"
#define MSG_IO_FULL     "không ghi được tệp %s: đĩa đầy; tệp cũ (nếu có) vẫn nguyên"
#define MSG_IO_MEMORY   "hết bộ nhớ khi ghi tệp %s"

#endif
