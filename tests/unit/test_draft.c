/* Unit tests of drafts on disk (src/tui/draft.c): what was typed comes
 * back whole, however long (issue 10: a 9 006-byte note came back as
 * 8 191 bytes). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/draft.h"

static void
test_long_fields_come_back_whole(void **state)
{
	(void)state;
	char dir[] = "/tmp/ntm-draft-XXXXXX";
	assert_non_null(mkdtemp(dir));
	setenv("XDG_STATE_HOME", dir, 1);
	struct app a = {0};
	a.opt.db_path = "/tmp/khong-co/ntm.db";

	/* a note of 10 000 Vietnamese letters over several lines */
	size_t n = 0, cap = 40000;
	char *note = malloc(cap);
	for (int i = 0; i < 10000; i++) {
		const char *piece = i % 100 == 99 ? "\n" : i % 7 ? "ệ" : "\\";
		size_t k = strlen(piece);
		memcpy(note + n, piece, k);
		n += k;
	}
	note[n] = '\0';
	struct draft d = {.n = 3};
	snprintf(d.kind, sizeof d.kind, "task");
	snprintf(d.key, sizeof d.key, "giao_thong");
	snprintf(d.title, sizeof d.title, "Nhiệm vụ mới");
	d.values[0] = "Bê tông hóa đường thôn";
	d.values[1] = "";
	d.values[2] = note;
	assert_true(draft_write(&a, &d));

	struct draft got;
	assert_true(draft_take(&a, &got));
	assert_string_equal(got.kind, "task");
	assert_string_equal(got.key, "giao_thong");
	assert_string_equal(got.title, "Nhiệm vụ mới");
	assert_int_equal(got.n, 3);
	assert_string_equal(got.values[0], "Bê tông hóa đường thôn");
	assert_string_equal(got.values[1], "");
	assert_int_equal(strlen(got.values[2]), strlen(note));
	assert_string_equal(got.values[2], note);
	draft_free(&got);
	/* taken: the next start finds none */
	assert_false(draft_take(&a, &got));
	free(note);
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_fields_come_back_whole),
	};
	return cmocka_run_group_tests_name("draft", tests, NULL, NULL);
}
