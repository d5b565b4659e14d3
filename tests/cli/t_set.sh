# ntm set: reading values the Vietnamese way, refusals, the latest value,
# --retract.

# latest: the value of the measurement recorded last.
latest() {
	q "SELECT value FROM measurement ORDER BY seq DESC LIMIT 1"
}

# refused VALUE…: `ntm set 12.2 VALUE…` exits 2 and writes nothing.
refused() {
	expect_exit 2 ntm set "$@"
	expect_db "SELECT count(*) FROM measurement" 0
	expect_db "SELECT count(*) FROM audit" 0
}

case_set_decimal_comma() {
	fresh_db
	local d
	d=$(today_dmy)
	expect_ok ntm set 12.2 86,5
	expect_stdout_line "Đã ghi 12.2 = 86,5% (tính đến $d)."
	expect_stdout_line "Hiện tại 12.2 = 86,5% (tính đến $d): đạt"
	expect_db "SELECT value, as_of FROM measurement" "86.5|$(today)"
	status_json
	expect_json 'ind("12.2")["value"]' 86.5
	expect_json 'ind("12.2")["as_of"]' "$(today)"
	expect_json 'ind("12.2")["plan_target"]' 85
	expect_json 'ind("12.2")["status"]' dat
}

case_set_decimal_point() {
	fresh_db
	expect_ok ntm set 12.2 86.5
	expect_db "SELECT value FROM measurement" 86.5
}

case_set_percent_sign() {
	fresh_db
	expect_ok ntm set 12.2 86,5%
	expect_db "SELECT value FROM measurement" 86.5
	expect_ok ntm set 12.2 "86.5 %"
	expect_db "SELECT count(*), min(value), max(value) FROM measurement" "2|86.5|86.5"
}

case_set_below_plan_target() {
	fresh_db
	expect_ok ntm set 12.2 84
	expect_stdout_line "Hiện tại 12.2 = 84% (tính đến $(today_dmy)): chưa đạt"
	status_json
	expect_json 'ind("12.2")["value"]' 84
	expect_json 'ind("12.2")["status"]' chua_dat
}

case_set_bool_yes_words() {
	fresh_db
	local w
	for w in "đạt" "dat" "có" "1" "x" "Đạt" "X"; do
		expect_ok ntm set 1.1 0
		expect_ok ntm set 1.1 "$w"
		expect_eq "value of \`set 1.1 $w\`" "$(latest)" 1.0
	done
	status_json
	expect_json 'ind("1.1")["value"]' 1
	expect_json 'ind("1.1")["status"]' dat
}

case_set_bool_no_words() {
	fresh_db
	local w
	for w in "chưa đạt" "không" "0" "chua dat" "Chưa Đạt" "không đạt"; do
		expect_ok ntm set 1.1 1
		expect_ok ntm set 1.1 "$w"
		expect_eq "value of \`set 1.1 $w\`" "$(latest)" 0.0
	done
	status_json
	expect_json 'ind("1.1")["value"]' 0
	expect_json 'ind("1.1")["status"]' chua_dat
}

case_set_bool_decomposed_input() {
	fresh_db
	expect_ok ntm set 1.1 "$(nfd 'chưa đạt')"
	expect_eq "value of NFD “chưa đạt”" "$(latest)" 0.0
	expect_ok ntm set 1.1 "$(nfd 'đạt')"
	expect_eq "value of NFD “đạt”" "$(latest)" 1.0
}

case_set_bool_refuses_other() {
	fresh_db
	expect_exit 2 ntm set 1.1 2
	expect_exit 2 ntm set 1.1 "hơi đạt"
	expect_db "SELECT count(*) FROM measurement" 0
}

case_set_code_case_insensitive() {
	fresh_db
	expect_ok ntm set 12.kh1 50
	expect_stdout_has "12.KH1"
	expect_db "SELECT i.code, m.value FROM measurement m JOIN indicator i ON i.id = m.indicator_id" "12.KH1|50.0"
}

case_set_number_kind() {
	fresh_db
	expect_ok ntm set 10 "72,3"
	expect_db "SELECT value FROM measurement" 72.3
	expect_exit 2 ntm set 10 50%
	expect_db "SELECT count(*) FROM measurement" 1
}

case_set_refuses_text() {
	fresh_db
	refused 12.2 abc
	expect_stderr_has "abc"
}

case_set_refuses_empty() {
	fresh_db
	refused 12.2 ""
}

case_set_refuses_over_100_percent() {
	fresh_db
	refused 12.2 101
	refused 12.2 100,01
	expect_ok ntm set 12.2 100
}

case_set_refuses_negative() {
	fresh_db
	refused 12.2 -- -1
	expect_stderr_has "âm"
	refused 12.2 -1
	refused 10 -- -0,5
}

case_set_refuses_nan_inf() {
	fresh_db
	refused 12.2 nan
	refused 12.2 NaN
	refused 12.2 inf
	refused 12.2 infinity
}

case_set_refuses_exponent() {
	fresh_db
	refused 12.2 1e5
	refused 10 1e5
	refused 12.2 0x10
	refused 12.2 "86,5,1"
}

case_set_refuses_impossible_dates() {
	fresh_db
	refused 12.2 50 --date 2024-02-30
	expect_stderr_has "--date"
	refused 12.2 50 --date 2023-13-01
	refused 12.2 50 --date 2023-02-29
	refused 12.2 50 --date 31/4/2024
	refused 12.2 50 --date yesterday
}

case_set_accepts_leap_day() {
	fresh_db
	expect_ok ntm set 12.2 50 --date 2024-02-29
	expect_db "SELECT as_of FROM measurement" 2024-02-29
}

case_set_refuses_future_date() {
	fresh_db
	local tomorrow
	tomorrow=$(python3 -c 'import datetime; print(datetime.date.today() + datetime.timedelta(days=1))')
	refused 12.2 50 --date "$tomorrow"
	expect_stderr_has "$tomorrow"
	refused 12.2 50 --date 2200-01-01
	expect_ok ntm set 12.2 50 --date "$(today)"
}

case_set_refuses_invalid_utf8_note() {
	fresh_db
	refused 12.2 50 --note "$(printf '\377')"
	refused 12.2 50 --note "$(printf 'ab\300\257')"
}

case_set_refuses_control_char_note() {
	fresh_db
	refused 12.2 50 --note "$(printf 'a\033[2Jb')"
	# a CR is a line end (text pasted from Windows or an old Mac), kept as LF
	expect_ok ntm set 12.2 51 --note "$(printf 'a\r\nb\rc')"
	expect_db "SELECT hex(note) FROM measurement WHERE value = 51" "610A620A63"
}

case_set_note_multiline_and_nfc() {
	fresh_db
	expect_ok ntm set 12.2 50 --note "$(nfd 'Báo cáo quý II')"
	expect_db "SELECT note FROM measurement" "Báo cáo quý II"
}

case_set_unknown_code() {
	fresh_db
	expect_exit 1 ntm set 12.9 50
	expect_stderr_has "12.9"
	expect_stderr_has "gần giống"
	expect_stderr_has "12.1"
	expect_db "SELECT count(*) FROM measurement" 0
}

case_set_date_day_month_year() {
	fresh_db
	expect_ok ntm set 12.2 50 --date 30/6/2024
	expect_stdout_line "Đã ghi 12.2 = 50% (tính đến 30/06/2024)."
	expect_db "SELECT as_of FROM measurement" 2024-06-30
	expect_ok ntm set 12.2 51 --date 01/02/2024
	expect_db "SELECT as_of FROM measurement ORDER BY seq DESC LIMIT 1" 2024-02-01
	expect_ok ntm set 12.2 52 --date 30/06/2024
	expect_db "SELECT as_of FROM measurement ORDER BY seq DESC LIMIT 1" 2024-06-30
}

case_set_older_date_does_not_become_current() {
	fresh_db
	expect_ok ntm set 12.2 70 --date 2024-06-30
	expect_ok ntm set 12.2 90 --date 2024-01-15
	expect_stdout_line "Hiện tại 12.2 = 70% (tính đến 30/06/2024): chưa đạt"
	status_json
	expect_json 'ind("12.2")["value"]' 70
	expect_json 'ind("12.2")["as_of"]' 2024-06-30
	expect_db "SELECT count(*) FROM measurement" 2
}

case_set_same_date_later_recorded_wins() {
	fresh_db
	expect_ok ntm set 12.2 80 --date 2024-05-01
	expect_ok ntm set 12.2 70 --date 2024-05-01
	status_json
	expect_json 'ind("12.2")["value"]' 70
	expect_ok ntm set 12.2 75 --date 2024-05-01
	status_json
	expect_json 'ind("12.2")["value"]' 75
}

case_set_retract_latest() {
	fresh_db
	expect_ok ntm set 12.2 70 --date 2024-05-01
	expect_ok ntm set 12.2 80 --date 2024-06-01
	local gone
	gone=$(q "SELECT id FROM measurement WHERE value = 80")
	expect_ok ntm set 12.2 --retract
	expect_stdout_line "Đã rút lại giá trị mới nhất của 12.2."
	expect_stdout_line "Hiện tại 12.2 = 70% (tính đến 01/05/2024): chưa đạt"
	expect_db "SELECT count(*) FROM measurement WHERE id = '$gone'" 0
	expect_db "SELECT count(*) FROM measurement" 1
	expect_db "SELECT verb, entity, entity_id, json_extract(before, '\$.value'), after IS NULL FROM audit WHERE verb = 'retract'" "retract|measurement|$gone|80.0|1"
	status_json
	expect_json 'ind("12.2")["value"]' 70
}

case_set_retract_by_date_not_by_recording() {
	fresh_db
	expect_ok ntm set 12.2 80 --date 2024-06-01
	expect_ok ntm set 12.2 70 --date 2024-05-01
	expect_ok ntm set 12.2 --retract
	expect_db "SELECT value FROM measurement" 70.0
}

case_set_retract_none() {
	fresh_db
	expect_exit 1 ntm set 12.2 --retract
	expect_stderr_has "12.2"
	expect_db "SELECT count(*) FROM audit" 0
}

case_set_retract_with_value_refused() {
	fresh_db
	expect_ok ntm set 12.2 50
	expect_exit 2 ntm set 12.2 60 --retract
	expect_db "SELECT count(*) FROM measurement" 1
}

case_set_recorded_by() {
	fresh_db
	expect_ok ntm set 12.2 50
	expect_db "SELECT recorded_by FROM measurement" "$(me)"
	NTM_USER="Nguyễn Văn An" expect_ok ntm set 12.2 60
	expect_db "SELECT recorded_by FROM measurement WHERE value = 60" "Nguyễn Văn An"
}

case_set_refuses_thousands_separator() {
	# man ntm: 1.000 or 2,500 (three digits after the mark) are refused as
	# ambiguous.
	fresh_db
	refused 10 1.000
	refused 10 2,500
	# (1,5 triệu đồng is far below the usual range: --force, issue 9)
	expect_ok ntm set 10 "1,5" --force
	expect_db "SELECT value FROM measurement" 1.5
}

case_set_today_is_local_date() {
	# "Today" (the default date and the limit of --date) is the local date.
	# POSIX TZ strings: no tzdata needed. UTC+14 is always a day or two
	# ahead of UTC-12.
	fresh_db
	local ahead
	ahead=$(TZ=AAA-14 date +%Y-%m-%d)
	TZ=AAA-14 expect_ok ntm set 12.2 50
	expect_db "SELECT as_of FROM measurement" "$ahead"
	TZ=BBB+12 expect_exit 2 ntm set 12.2 60 --date "$ahead"
	TZ=AAA-14 expect_ok ntm set 12.2 60 --date "$ahead"
	expect_db "SELECT count(*) FROM measurement" 2
}

case_set_value_stored_exactly() {
	# The stored REAL is the number typed (the double nearest to it), so
	# SQL on the file, e.g. WHERE value = 0.3, finds it.
	fresh_db
	local v
	# (a percentage under 1 is implausible beside 85 %: --force, issue 9)
	for v in 0,3 0.7 86,5 33,33 1,1; do
		expect_ok ntm set 12.2 "$v" --force
		expect_db "SELECT value = ${v/,/.} FROM measurement ORDER BY seq DESC LIMIT 1" 1
	done
}

# A negative value looks like an option to the parser: the message says
# what is wrong with it instead.
case_set_negative_value_message() {
	fresh_db
	expect_exit 2 ntm set 12.2 -5
	expect_stderr_has "giá trị không được âm: -5"
	[ "$(measurements)" = 0 ] || fail "a row was written"
}

# A value of several words typed without quotes: say to quote it, not that
# a value is missing or an argument unknown (issue 9).
case_set_unquoted_words() {
	fresh_db
	refused 15.2 chưa đạt
	expect_stderr_has "ngoặc kép"
	expect_stderr_has 'ntm set 15.2 "chưa đạt"'
	expect_stderr_not_has "thiếu"
}

# A value far outside the indicator's usual range is most often a slip: it
# is not recorded without --force, and the warning says how (issue 9).
case_set_implausible_needs_force() {
	fresh_db
	expect_exit 1 ntm set 12.2 0,865
	expect_stderr_has "0,865% rất nhỏ so với 85%: có phải ý bạn là 86,5%?"
	expect_stderr_has 'ntm set 12.2 "0,865" --force'
	expect_db "SELECT count(*) FROM measurement" 0
	expect_db "SELECT count(*) FROM audit" 0
	expect_exit 1 ntm set 10 "1234,5"
	expect_stderr_has "triệu đồng/người/năm"
	expect_db "SELECT count(*) FROM measurement" 0
	expect_ok ntm set 12.2 0,865 --force
	expect_stdout_line "Đã ghi 12.2 = 0,865% (tính đến $(today_dmy))."
	expect_db "SELECT value FROM measurement" 0.865
	# a usual value goes through as before
	expect_ok ntm set 10 55
	expect_db "SELECT count(*) FROM measurement" 2
	expect_ok ntm help set
	expect_stdout_has "--force"
}
