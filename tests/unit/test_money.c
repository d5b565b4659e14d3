/* Unit tests of src/model/money.c: every form of amount officials write,
 * the refusals, overflow, the display forms and the rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ntm/model.h"

static long long
parsed(const char *s)
{
	long long v = -12345;
	enum ntm_money_parse r = model_money_parse(s, &v);
	if (r != NTM_MONEY_OK) {
		print_error("'%s' refused (%d)\n", s, (int)r);
		fail();
	}
	return v;
}

static void
test_accepted_forms(void **state)
{
	(void)state;
	assert_int_equal(parsed("250.000.000"), 250000000);
	assert_int_equal(parsed("250000000"), 250000000);
	assert_int_equal(parsed("250 000 000"), 250000000);
	assert_int_equal(parsed("250,000,000"), 250000000);
	assert_int_equal(parsed("250 triệu"), 250000000);
	assert_int_equal(parsed("250 trieu"), 250000000);
	assert_int_equal(parsed("250tr"), 250000000);
	assert_int_equal(parsed("250 tr."), 250000000);
	assert_int_equal(parsed("1,5 tỷ"), 1500000000);
	assert_int_equal(parsed("1.5 tỷ"), 1500000000);
	assert_int_equal(parsed("1,5 tỉ"), 1500000000);
	assert_int_equal(parsed("1,25 ty"), 1250000000);
	assert_int_equal(parsed("1.500 tỷ"), 1500000000000LL);
	assert_int_equal(parsed("1,250 tỷ"), 1250000000);
	assert_int_equal(parsed("1.250,5 triệu"), 1250500000);
	assert_int_equal(parsed("800 nghìn"), 800000);
	assert_int_equal(parsed("800 ngàn"), 800000);
	assert_int_equal(parsed("800k"), 800000);
	assert_int_equal(parsed("1 tỷ 200 triệu"), 1200000000);
	assert_int_equal(parsed("2 tỷ 350 triệu 500 nghìn"), 2350500000LL);
	assert_int_equal(parsed("1 tỷ 999 triệu"), 1999000000LL);
	assert_int_equal(parsed("250.000.000 đ"), 250000000);
	assert_int_equal(parsed("250.000.000đ"), 250000000);
	assert_int_equal(parsed("250.000.000 đồng"), 250000000);
	assert_int_equal(parsed("250.000.000 VNĐ"), 250000000);
	assert_int_equal(parsed("1,5 tỷ đồng"), 1500000000);
	assert_int_equal(parsed("  42  "), 42);
	assert_int_equal(parsed("0"), 0);
	assert_int_equal(parsed("1.000.000.000.000.000"), NTM_MONEY_MAX);
}

static void
refused(const char *s, enum ntm_money_parse want)
{
	long long v = 7;
	enum ntm_money_parse r = model_money_parse(s, &v);
	if (r != want) {
		print_error("'%s' gave %d, wanted %d\n", s, (int)r, (int)want);
		fail();
	}
	assert_int_equal(v, 7);      /* nothing written on refusal */
	assert_true(model_money_reason(r)[0] != '\0');
}

static void
test_refusals(void **state)
{
	(void)state;
	refused("", NTM_MONEY_EMPTY);
	refused("   ", NTM_MONEY_EMPTY);
	refused(NULL, NTM_MONEY_EMPTY);
	refused("-5.000", NTM_MONEY_NEGATIVE);
	refused("\u2212" "5", NTM_MONEY_NEGATIVE);
	refused("abc", NTM_MONEY_BAD);
	refused("1 tỷ 2", NTM_MONEY_BAD);
	refused("200 triệu 1 tỷ", NTM_MONEY_BAD);
	refused("1 tỷ 1500 triệu", NTM_MONEY_BAD);
	refused("1 tỷ 1000 triệu", NTM_MONEY_BAD);
	refused("5 đô", NTM_MONEY_BAD);
	refused("12.34.567", NTM_MONEY_BAD);
	refused("1,5", NTM_MONEY_FRACTION);
	refused("250.5", NTM_MONEY_FRACTION);
	refused("0,0000000001 tỷ", NTM_MONEY_FRACTION);
	refused("1.000.000.000.000.001", NTM_MONEY_TOO_BIG);
	refused("99999999999999999999999", NTM_MONEY_TOO_BIG);
	refused("9223372036854775808", NTM_MONEY_TOO_BIG);
	refused("10000000 tỷ", NTM_MONEY_TOO_BIG);
	refused("9999999999 tỷ", NTM_MONEY_TOO_BIG);
	assert_string_equal(model_money_reason(NTM_MONEY_OK), "");
}

static void
test_display(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(model_money_format(1250000000, true, b, sizeof b),
			    "1.250.000.000 đ");
	assert_string_equal(model_money_format(0, true, b, sizeof b), "0 đ");
	assert_string_equal(model_money_format(999, false, b, sizeof b), "999");
	assert_string_equal(model_money_format(-5000000, true, b, sizeof b),
			    "-5.000.000 đ");
	assert_string_equal(model_money_compact(1250000000, b, sizeof b), "1,25 tỷ");
	assert_string_equal(model_money_compact(250000000, b, sizeof b), "250 tr");
	assert_string_equal(model_money_compact(1500000, b, sizeof b), "1,5 tr");
	assert_string_equal(model_money_compact(800000, b, sizeof b), "800 nghìn");
	assert_string_equal(model_money_compact(999994000, b, sizeof b), "999,99 tr");
	assert_string_equal(model_money_compact(999996000, b, sizeof b), "1 tỷ");
	assert_string_equal(model_money_compact(999999, b, sizeof b), "1 tr");
	assert_string_equal(model_money_compact(1999999999, b, sizeof b), "2 tỷ");
	assert_string_equal(model_money_compact(1500000000000LL, b, sizeof b),
			    "1.500 tỷ");
	assert_string_equal(model_money_compact(500, b, sizeof b), "500");
	assert_string_equal(model_money_compact(-250000000, b, sizeof b), "-250 tr");
	assert_string_equal(model_money_brief(2000000000, 800000000, 300000000, b,
					      sizeof b), "Giải ngân 40% · nợ đọng 300 tr");
	assert_string_equal(model_money_brief(0, 800000000, 0, b, sizeof b),
			    "Giải ngân 800 tr · nợ đọng 0");
}

static void
test_rules(void **state)
{
	(void)state;
	assert_int_equal(model_money_debt(300, 100), 200);
	assert_int_equal(model_money_debt(100, 300), 0);
	assert_int_equal(model_money_disbursed(50, 200), 25);
	assert_int_equal(model_money_disbursed(200, 200), 100);
	assert_int_equal(model_money_disbursed(2, 3), 67);
	assert_int_equal(model_money_disbursed(2999999999LL, 3000000000LL), 99);
	assert_int_equal(model_money_disbursed(1, 1000), 1);
	assert_int_equal(model_money_disbursed(0, 200), 0);
	assert_int_equal(model_money_disbursed(300, 200), 150);
	assert_int_equal(model_money_disbursed(10, 0), -1);
	assert_int_equal(model_fund_kind_read("paid"), NTM_FUND_PAID);
	assert_int_equal(model_fund_kind_read("Giải ngân"), NTM_FUND_PAID);
	assert_int_equal(model_fund_kind_read("nhan von"), NTM_FUND_RECEIVED);
	assert_int_equal(model_fund_kind_read("completed"), NTM_FUND_COMPLETED);
	assert_int_equal(model_fund_kind_read("hoàn thành"), NTM_FUND_COMPLETED);
	assert_int_equal(model_fund_kind_read("spent"), -1);
	assert_string_equal(model_fund_kind_code(NTM_FUND_RECEIVED), "received");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepted_forms),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_display),
		cmocka_unit_test(test_rules),
	};
	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
