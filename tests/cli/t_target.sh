# ntm target: the plan's own target for an indicator, and --clear.

case_target_set_changes_status() {
	fresh_db
	expect_ok ntm set 12.2 86,5
	status_json
	expect_json 'ind("12.2")["status"]' dat
	expect_ok ntm target 12.2 90
	expect_stdout_line "Chỉ tiêu kế hoạch của 12.2: ≥ 90% — trạng thái: chưa đạt"
	status_json
	expect_json 'ind("12.2")["plan_target"]' 90
	expect_json 'ind("12.2")["plan_comparator"]' ">="
	expect_json 'ind("12.2")["status"]' chua_dat
	expect_db "SELECT count(*) FROM plan_target pt JOIN indicator i ON i.id = pt.indicator_id WHERE i.code = '12.2'" 1
}

case_target_decimal_comma() {
	fresh_db
	expect_ok ntm target 12.2 "87,5"
	status_json
	expect_json 'ind("12.2")["plan_target"]' 87.5
}

case_target_comparator() {
	fresh_db
	expect_ok ntm target 11 "<1"
	status_json
	expect_json 'ind("11")["plan_comparator"]' "<"
	expect_json 'ind("11")["plan_target"]' 1
	expect_ok ntm target 11 "≤ 2"
	expect_stdout_line "Chỉ tiêu kế hoạch của 11: ≤ 2% — trạng thái: chưa đánh giá"
	status_json
	expect_json 'ind("11")["plan_comparator"]' "<="
	expect_json 'ind("11")["plan_target"]' 2
	expect_ok ntm set 11 1,5
	status_json
	expect_json 'ind("11")["status"]' dat
}

case_target_clear() {
	fresh_db
	expect_ok ntm target 12.2 --clear
	expect_stdout_has "Đã bỏ chỉ tiêu kế hoạch của 12.2"
	status_json
	expect_json 'ind("12.2")["plan_target"]' null
	expect_json 'ind("12.2")["plan_comparator"]' null
	expect_db "SELECT count(*) FROM plan_target pt JOIN indicator i ON i.id = pt.indicator_id WHERE i.code = '12.2'" 0
}

case_target_clear_twice() {
	fresh_db
	expect_ok ntm target 12.2 --clear
	local n
	n=$(q "SELECT count(*) FROM audit")
	expect_exit 1 ntm target 12.2 --clear
	expect_db "SELECT count(*) FROM audit" "$n"
}

case_target_value_and_clear_refused() {
	fresh_db
	expect_exit 2 ntm target 12.2 90 --clear
	expect_stderr_has "--clear"
	expect_exit 2 ntm target 12.2
	status_json
	expect_json 'ind("12.2")["plan_target"]' 85
	expect_db "SELECT count(*) FROM audit" 0
}

case_target_bad_value() {
	fresh_db
	expect_exit 2 ntm target 12.2 abc
	expect_exit 2 ntm target 12.2 150
	expect_exit 1 ntm target 12.9 50
	expect_stderr_has "12.1"
	expect_db "SELECT count(*) FROM audit" 0
}

case_target_without_plan() {
	expect_ok ntm init --empty --commune "Thử"
	expect_exit 1 ntm target 12.2 90
	expect_stderr_has "chưa có kế hoạch"
	expect_db "SELECT count(*) FROM plan_target" 0
}

case_target_audited() {
	fresh_db
	NTM_USER="Lê Văn Cường" expect_ok ntm target 12.2 90
	expect_db "SELECT verb, entity, person, json_extract(before, '\$.value'), json_extract(after, '\$.value') FROM audit" "target|plan_target|Lê Văn Cường|85.0|90.0"
}

# A comparison typed wrong is explained with the forms that are accepted
# (issue 9), not called "not a number".
case_target_malformed_comparison() {
	fresh_db
	local t
	for t in "=>85" ">>85" "85>=" "≥≥ 85"; do
		expect_exit 2 ntm target 12.2 "$t"
		expect_stderr_has "các dạng được nhận: 85, >=85, ≥ 85, <=1,5, >85, <1, =1"
	done
	expect_exit 2 ntm target 12.2 abc
	expect_stderr_not_has "các dạng"
	expect_db "SELECT count(*) FROM audit" 0
}
