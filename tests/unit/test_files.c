/* Unit tests of the database file as a whole (src/store/file.c): a store
 * whose file was replaced writes nothing more; a file in use is not to be
 * replaced. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <unistd.h>

#include "fixture.h"

static void
test_replaced_file_refuses_writes(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	struct store_indicator_ref ind;
	assert_int_equal(store_indicator_find(f->st, "12.2", &ind, &e), NTM_OK);
	assert_false(store_file_replaced(f->st));
	assert_int_equal(store_measurement_add(f->st, &ind, 60, "2024-05-01", NULL, &e), NTM_OK);

	/* another ntm init --force puts a new file in its place */
	char other[160];
	snprintf(other, sizeof other, "%s/other.db", f->dir);
	assert_int_equal(store_create(other, true, "Xã Mới", NULL, &e), NTM_OK);
	assert_int_equal(rename(other, f->path), 0);

	assert_true(store_file_replaced(f->st));
	assert_int_equal(store_measurement_add(f->st, &ind, 61, "2024-05-02", NULL, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "đã bị thay bằng tệp khác"));
}

static void
test_file_in_use(void **state)
{
	struct fixture *f = *state;
	struct ntm_error e = {0};
	/* the fixture's own connection has it open */
	assert_int_equal(store_file_in_use(f->path, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, "đang được mở ở nơi khác"));
	store_close(f->st);
	f->st = NULL;
	assert_int_equal(store_file_in_use(f->path, &e), NTM_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_replaced_file_refuses_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_in_use, setup, teardown),
	};
	return cmocka_run_group_tests_name("files", tests, NULL, NULL);
}
