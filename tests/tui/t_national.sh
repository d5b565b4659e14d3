# The national target of an indicator entered in the program (T), with the
# decision it comes from: the criterion's status changes on screen, the
# source shows in the detail pane, u undoes it, a colleague's change in
# between is refused.

# Criterion 5 (Trường học) has one indicator, no national target known:
# with a value recorded it stays "chưa có mức cần đạt".
_crit5_has() { screen | grep -F "Tiêu chí 5. Trường học" | grep -Fq -- "$1"; }
wait_crit5() {
	poll "" _crit5_has "$1" ||
		fail_screen "the row of criterion 5 did not show \"$1\""
}

# national_form: the program on tab Giáo dục, indicator 5 selected (90%
# recorded), its national target form open.
national_form() {
	ntm_ok set 5 90 || return
	start || return
	wait_for "Tiêu chí đạt" || return
	goto "day hoc" || return
	wait_selected "Tỷ lệ trường học" || return
	wait_crit5 "chưa có mức cần đạt" || return
	keys T
	wait_for "Chỉ tiêu quốc gia — 5" || return
}

case_national_target_entered() {
	national_form || return
	# no source: refused in the form, nothing written
	literal "85"
	keys Tab Enter
	wait_for "cần căn cứ" || return
	expect_db "SELECT count(*) FROM audit WHERE verb = 'criteria.target'" 0
	literal "QĐ 318/QĐ-TTg"
	keys Enter
	wait_gone "Chỉ tiêu quốc gia — 5" || return
	wait_crit5 "đạt" || return
	_crit5_has "chưa" && fail_screen "criterion 5 should now be đạt"
	expect_selected "≥85%"
	wait_for "Chỉ tiêu quốc gia ≥ 85% — theo QĐ 318/QĐ-TTg" || return
	expect_screen "Đã nhập chỉ tiêu quốc gia cho 5."
	expect_line 2 "1/5 chỉ tiêu đạt"
	expect_db "SELECT target, target_source FROM indicator WHERE code = '5'" "85.0|QĐ 318/QĐ-TTg"
	expect_db "SELECT count(DISTINCT action_id) FROM audit WHERE verb = 'criteria.target'" 1
	expect_json 'ind("5")["national_source"]' "QĐ 318/QĐ-TTg"
	expect_json 'd["criteria_met"]' 1
	# undone: unknown again
	keys u
	wait_for "Đã hoàn tác" || return
	wait_crit5 "chưa có mức cần đạt" || return
	expect_no_screen "theo QĐ 318/QĐ-TTg"
	expect_db "SELECT target IS NULL, target_source IS NULL FROM indicator WHERE code = '5'" "1|1"
}

case_national_target_conflict() {
	national_form || return
	# a colleague enters it from the command line while the form is open
	ntm_ok criteria target 5 80 --source "QĐ của tỉnh"
	literal "85"
	keys Tab
	literal "QĐ 318/QĐ-TTg"
	keys Enter
	wait_for "vừa được" || return
	expect_screen "Chỉ tiêu quốc gia — 5"
	expect_db "SELECT target, target_source FROM indicator WHERE code = '5'" "80.0|QĐ của tỉnh"
	keys Escape
	wait_for "Bỏ những gì đã gõ?" || return
	keys y
	wait_gone "Chỉ tiêu quốc gia — 5" || return
	wait_crit5 "đạt" || return
	wait_for "Chỉ tiêu quốc gia ≥ 80% — theo QĐ của tỉnh" || return
}
