/* The rule that ties a task's status to its progress: 100 % is done and
 * done is 100 %; a task with progress above 0 has started. */
#include <stdio.h>

#include "ntm/model.h"

/* User-visible texts of this file. */
#define MSG_FULL_NOT_DONE "tiến độ 100%% là đã hoàn thành: chọn trạng thái “%s” hoặc sửa tiến độ"
#define MSG_DONE_NOT_FULL "trạng thái “%s” cần tiến độ 100%%: sửa tiến độ hoặc chọn trạng thái khác"
#define MSG_NOT_STARTED   "nhiệm vụ “%s” thì tiến độ phải là 0%%: chọn trạng thái khác hoặc sửa tiến độ"

enum ntm_task_status
model_task_reconcile(enum ntm_task_status s, int progress)
{
	if (progress >= 100)
		return NTM_TASK_HOAN_THANH;
	if (progress > 0 && s == NTM_TASK_CHUA_BAT_DAU)
		return NTM_TASK_DANG_THUC_HIEN;
	if (s == NTM_TASK_HOAN_THANH)     /* under 100 %: not done after all */
		return NTM_TASK_DANG_THUC_HIEN;
	return s;
}

const char *
model_task_mismatch(enum ntm_task_status s, int progress, char *buf, int size)
{
	const char *done = model_task_status_label(NTM_TASK_HOAN_THANH);
	if (progress >= 100 && s != NTM_TASK_HOAN_THANH)
		snprintf(buf, (size_t)size, MSG_FULL_NOT_DONE, done);
	else if (progress < 100 && s == NTM_TASK_HOAN_THANH)
		snprintf(buf, (size_t)size, MSG_DONE_NOT_FULL, done);
	else if (progress > 0 && s == NTM_TASK_CHUA_BAT_DAU)
		snprintf(buf, (size_t)size, MSG_NOT_STARTED, model_task_status_label(s));
	else
		return NULL;
	return buf;
}
