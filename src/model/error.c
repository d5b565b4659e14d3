/* ntm_error filling. */
#include "ntm/error.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* What the OS says, in Vietnamese (strerror is English in most locales). */
#define MSG_OS_NOENT   "không có tệp hoặc thư mục này"
#define MSG_OS_ACCES   "không có quyền"
#define MSG_OS_ROFS    "ổ đĩa chỉ cho đọc"
#define MSG_OS_NOSPC   "đĩa đầy"
#define MSG_OS_ISDIR   "đây là một thư mục"
#define MSG_OS_NOTDIR  "một phần của đường dẫn không phải thư mục"
#define MSG_OS_EXIST   "tệp đã có"
#define MSG_OS_IO      "lỗi đọc/ghi đĩa"
#define MSG_OS_NOMEM   "hết bộ nhớ"
#define MSG_OS_NAMELEN "tên tệp quá dài"
#define MSG_OS_BUSY    "tệp đang bị chương trình khác dùng"
#define MSG_OS_OTHER   "lỗi vào/ra của hệ thống"

int
ntm_fail(struct ntm_error *e, enum ntm_exit code, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
		e->code = code;
	}
	return code;
}

const char *
ntm_os_reason(int err)
{
	switch (err) {
	case ENOENT: return MSG_OS_NOENT;
	case EACCES: case EPERM: return MSG_OS_ACCES;
	case EROFS: return MSG_OS_ROFS;
	case ENOSPC: case EDQUOT: return MSG_OS_NOSPC;
	case EISDIR: return MSG_OS_ISDIR;
	case ENOTDIR: return MSG_OS_NOTDIR;
	case EEXIST: return MSG_OS_EXIST;
	case EIO: return MSG_OS_IO;
	case ENOMEM: return MSG_OS_NOMEM;
	case ENAMETOOLONG: return MSG_OS_NAMELEN;
	case EBUSY: case ETXTBSY: case EAGAIN: return MSG_OS_BUSY;
	default: return NULL;
	}
}

const char *
ntm_errno_text(int err)
{
	const char *r = ntm_os_reason(err);
	return r ? r : MSG_OS_OTHER;
}
