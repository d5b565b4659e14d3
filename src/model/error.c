/* ntm_error filling. */
#include "ntm/error.h"

#include <stdarg.h>
#include <errno.h>
#include <stdio.h>

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
ntm_errno_text(int err)
{
	switch (err) {
	case ENOENT: case ENOTDIR: return "thư mục không tồn tại";
	case EACCES: case EPERM: return "không có quyền ghi";
	case EROFS: return "ổ đĩa chỉ cho đọc";
	case ENOSPC: case EDQUOT: return "đĩa đầy";
	case EEXIST: return "tệp đã có";
	case EISDIR: return "đó là một thư mục";
	case ENAMETOOLONG: return "tên tệp quá dài";
	default: return "lỗi vào/ra của hệ thống";
	}
}
