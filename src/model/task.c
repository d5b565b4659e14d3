/* The rule that keeps a task's status and its progress in agreement, one
 * function the store applies to every add and edit, whoever calls (the
 * full-screen task form, an import), and the task form uses as the
 * officer types; and the form "32/KH-UBND #5" that says where a
 * carried-over task came from. */
#include "ntm/model.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define MSG_FULL_NOT_DONE \
	"tiến độ 100% nghĩa là đã hoàn thành; hãy chọn trạng thái hoàn thành, " \
	"hoặc hạ tiến độ dưới 100% nếu việc chưa xong"
#define MSG_DONE_NOT_FULL \
	"trạng thái hoàn thành nghĩa là tiến độ 100%; hãy đặt tiến độ 100, " \
	"hoặc chọn trạng thái khác nếu việc chưa xong"
#define MSG_STARTED_NOT_STARTED \
	"trạng thái chưa bắt đầu nghĩa là tiến độ 0%; hãy đặt tiến độ về 0, " \
	"hoặc chọn trạng thái đang thực hiện"

const char *
model_task_reconcile(enum ntm_task_status *status, bool status_given,
		     int *progress, bool progress_given)
{
	if (*status == NTM_TASK_HOAN_THANH) {
		if (progress_given && *progress < 100) {
			if (status_given)
				return MSG_DONE_NOT_FULL;
			/* progress lowered on a finished task: not done after all */
			*status = NTM_TASK_DANG_THUC_HIEN;
			return NULL;
		}
		*progress = 100;   /* a finished task never shows less */
		return NULL;
	}
	if (!status_given && !progress_given)
		return NULL;       /* an edit of other fields leaves them be */
	if (*progress >= 100) {
		if (status_given)
			return MSG_FULL_NOT_DONE;
		*status = NTM_TASK_HOAN_THANH;
		*progress = 100;
	} else if (*progress > 0 && *status == NTM_TASK_CHUA_BAT_DAU) {
		if (status_given)
			return MSG_STARTED_NOT_STARTED;
		*status = NTM_TASK_DANG_THUC_HIEN;
	}
	return NULL;
}

bool
model_carried_parse(const char *s, size_t *plan_len, int *number)
{
	const char *hash = s ? strrchr(s, '#') : NULL;
	if (!hash)
		return false;
	const char *d = hash + 1;
	d += strspn(d, " \t");
	size_t digits = strspn(d, "0123456789");
	if (digits == 0 || digits > 6 || d[digits + strspn(d + digits, " \t")])
		return false;
	size_t len = (size_t)(hash - s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	*number = atoi(d);
	*plan_len = len;
	return len > 0 && *number > 0;
}
