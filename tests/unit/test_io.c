/* Unit tests of src/io and the spreadsheet sanitiser: CSV cells, files
 * written whole or not at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ntm/io.h"
#include "ntm/text.h"

static void
assert_cell(const char *in, const char *want)
{
	char *got = text_cell_safe(in);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_cell_safe(void **state)
{
	(void)state;
	assert_cell("Cự Đình", "Cự Đình");
	assert_cell("=1+1", "'=1+1");
	assert_cell("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0");
	assert_cell("-2+3", "'-2+3");
	assert_cell("@SUM(A1)", "'@SUM(A1)");
	assert_cell("=", "'=");
	/* numbers keep their sign; a comparator that is not a formula stays */
	assert_cell("-12", "-12");
	assert_cell("-0,25", "-0,25");
	assert_cell("+3.5", "+3.5");
	assert_cell(">= 85", ">= 85");
	assert_cell("", "");
	/* controls shown, never obeyed; a leading tab or CR is no formula */
	assert_cell("\tx", "␉x");
	assert_cell("\r=1", "␍=1");
	assert_cell("a\x1b]0;t\x07", "a␛]0;t␇");
	assert_cell("dòng 1\ndòng 2", "dòng 1\ndòng 2");
	assert_cell("\xc2\x9b" "2J", "␛[2J");
	assert_cell("\xff", "\xef\xbf\xbd");
}

static char *
csv_of(const char *a, const char *b)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	io_csv_field(f, a, false);
	io_csv_field(f, b, true);
	fclose(f);
	return buf;
}

static void
test_csv_field(void **state)
{
	(void)state;
	char *s = csv_of("a, b", "say \"hi\"");
	assert_string_equal(s, "\"a, b\",\"say \"\"hi\"\"\"\r\n");
	free(s);
	s = csv_of(NULL, "=x\ny");
	assert_string_equal(s, ",\"'=x\ny\"\r\n");
	free(s);
}


static int
count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	static char buf[256];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void
test_atomic_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/ntm-io-XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/bao-cao.csv", dir);
	struct ntm_error e = {0};
	struct io_file f;

	/* committed: the file appears whole, no temporary left */
	mode_t old = umask(027);
	assert_int_equal(io_file_open(&f, path, &e), NTM_OK);
	fputs("một\n", f.f);
	assert_int_equal(io_file_commit(&f, &e), NTM_OK);
	umask(old);
	assert_string_equal(slurp(path), "một\n");
	assert_int_equal(count_entries(dir), 1);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0640);

	/* aborted: the old file stays as it was */
	assert_int_equal(io_file_open(&f, path, &e), NTM_OK);
	fputs("hai, dở dang", f.f);
	io_file_abort(&f);
	assert_string_equal(slurp(path), "một\n");
	assert_int_equal(count_entries(dir), 1);

	/* a missing folder is refused in Vietnamese, naming the file */
	char missing[96];
	snprintf(missing, sizeof missing, "%s/khong-co/x.csv", dir);
	assert_int_equal(io_file_open(&f, missing, &e), NTM_FAIL);
	assert_non_null(strstr(e.msg, missing));
	assert_non_null(strstr(e.msg, "không có tệp hoặc thư mục này"));

	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell_safe),
		cmocka_unit_test(test_csv_field),
		cmocka_unit_test(test_atomic_file),
	};
	return cmocka_run_group_tests_name("io", tests, NULL, NULL);
}
