# ntm village: list, add, rename, alias; names that differ only in marks.

CD="Cự Đình"

case_village_list() {
	fresh_db
	expect_ok ntm village list
	expect_stdout_is "Cự Đình
Thục Cầu"
	expect_ok ntm village
	expect_stdout_is "Cự Đình
Thục Cầu"
}

case_village_add() {
	fresh_db
	expect_ok ntm village add "Đình Dù"
	expect_stdout_is "Đã thêm thôn Đình Dù (10 mục theo mẫu)."
	expect_ok ntm village list
	expect_stdout_is "Cự Đình
Đình Dù
Thục Cầu"
	expect_ok ntm checklist "Đình Dù"
	expect_stdout_first "Đình Dù: 0/10"
	expect_stdout_nth 2 "1. [ ] Đường giao thông trong thôn"
	status_json
	expect_json '[v["items_total"] for v in d["villages"] if v["name"] == "Đình Dù"]' '[10]'
}

case_village_add_nfc() {
	fresh_db
	expect_ok ntm village add "$(nfd 'Đình Dù')"
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon' AND name = 'Đình Dù'" 1
}

case_village_add_duplicate() {
	fresh_db
	expect_exit 1 ntm village add "Cự Đình"
	expect_stderr_has "Cự Đình"
	expect_exit 1 ntm village add "$(nfd 'Cự Đình')"
	expect_exit 1 ntm village add "Cự Đinh"
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon'" 2
	expect_db "SELECT count(*) FROM audit" 0
}

case_village_add_bad_name() {
	fresh_db
	expect_exit 2 ntm village add ""
	expect_exit 2 ntm village add "   "
	expect_exit 2 ntm village add "$(printf 'a\nb')"
	expect_exit 2 ntm village add "$(printf '\377')"
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon'" 2
}

case_village_names_differing_in_marks() {
	fresh_db
	expect_ok ntm village add "Ba"
	# a look-alike is confirmed with --force (issue 9)
	expect_exit 1 ntm village add "Bà"
	expect_ok ntm village add "Bà" --force
	expect_ok ntm village list
	expect_stdout_line "Ba"
	expect_stdout_line "Bà"
	expect_stdout_lines 4
	expect_ok ntm checklist "Ba"
	expect_stdout_first "Ba: 0/10"
	expect_ok ntm checklist "Bà"
	expect_stdout_first "Bà: 0/10"
	expect_exit 1 ntm checklist "ba"
	expect_stderr_has "Ba,"
	expect_stderr_has "Bà"
	expect_ok ntm checklist "Bà" --done 1
	expect_ok ntm checklist "Ba"
	expect_stdout_first "Ba: 0/10"
}

case_village_rename() {
	fresh_db
	expect_ok ntm village rename "Thục Cầu" "Thục Cầu Mới"
	expect_stdout_is "Đã đổi tên thôn Thục Cầu thành Thục Cầu Mới (tên cũ vẫn tìm được)."
	expect_ok ntm village list
	expect_stdout_is "Cự Đình
Thục Cầu Mới"
	expect_ok ntm checklist "Thục Cầu"
	expect_stdout_first "Thục Cầu Mới: 0/10"
	expect_ok ntm checklist "Thục Cầu Mới"
	expect_stdout_first "Thục Cầu Mới: 0/10"
}

case_village_rename_keeps_items() {
	fresh_db
	expect_ok ntm checklist "Thục Cầu" --done 3
	expect_ok ntm village rename "Thục Cầu" "Thục Cầu Mới"
	expect_ok ntm checklist "Thục Cầu Mới"
	expect_stdout_first "Thục Cầu Mới: 1/10"
	expect_stdout_line "3. [x] Cơ sở vật chất (nhà văn hóa thôn)"
}

case_village_rename_to_taken_name() {
	fresh_db
	expect_exit 1 ntm village rename "Thục Cầu" "Cự Đình"
	expect_exit 1 ntm village rename "Thục Cầu" "Cự Đinh"
	expect_exit 1 ntm village rename "Nơi Khác" "Mới"
	expect_db "SELECT group_concat(name, ',') FROM (SELECT name FROM unit WHERE level = 'thon' ORDER BY ord)" "Cự Đình,Thục Cầu"
	expect_db "SELECT count(*) FROM audit" 0
}

case_village_alias() {
	fresh_db
	expect_ok ntm village alias "Cự Đình" "Cự Đình Cũ"
	expect_stdout_is "Thôn Cự Đình có thêm tên khác: Cự Đình Cũ."
	expect_ok ntm checklist "Cự Đình Cũ"
	expect_stdout_first "Cự Đình: 0/10"
	expect_ok ntm village list
	expect_stdout_lines 2
	expect_db "SELECT count(*) FROM audit WHERE verb = 'village.alias' AND entity = 'unit_alias'" 1
}

case_village_alias_taken() {
	fresh_db
	expect_exit 1 ntm village alias "Thục Cầu" "Cự Đình"
	expect_exit 1 ntm village alias "Thục Cầu" "Cự Đinh"
	expect_db "SELECT count(*) FROM unit_alias" 1
}

case_village_empty_commune() {
	expect_ok ntm init --empty --commune "Thử"
	# the list is empty and the reason is said beside it (stderr)
	expect_exit 0 ntm village list
	expect_stdout_lines 0
	expect_stderr_has "Xã chưa có thôn nào; thêm bằng: ntm village add TÊN"
	expect_exit 1 ntm checklist "Cự Đình"
	expect_ok ntm village add "Cự Đình"
	expect_stdout_is "Đã thêm thôn Cự Đình (10 mục theo mẫu)."
}

# ---- remove and template ----------------------------------------------------

case_village_remove_refused() {
	fresh_db
	expect_exit 1 ntm village remove "Cự Đình"
	expect_stdout_lines 0
	[ "$(cat "$ERR")" = "ntm: thôn Cự Đình còn 10 mục; thêm --force để xóa cả thôn và 10 mục đó" ] ||
		fail "stderr: $(cat "$ERR")"
	expect_exit 1 ntm village remove "Nơi Khác" --force
	expect_stderr_has "Nơi Khác"
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon'" 2
	expect_db "SELECT count(*) FROM checklist_item" 20
	expect_db "SELECT count(*) FROM audit" 0
}

case_village_remove_force() {
	fresh_db
	expect_ok ntm checklist "$CD" --done 1 --note 2 --text "Ghi chú"
	expect_ok ntm village remove "cu dinh" --force
	expect_stdout_is "Đã xóa thôn Cự Đình cùng 10 mục của thôn."
	expect_ok ntm village list
	expect_stdout_is "Thục Cầu"
	expect_db "SELECT count(*) FROM unit WHERE name = 'Cự Đình'" 0
	expect_db "SELECT count(*) FROM checklist_item" 10
	expect_db "SELECT count(*) FROM unit_alias" 0
	# one action: the ten items, the alias, the village
	expect_db "SELECT count(*), count(DISTINCT action_id) FROM audit WHERE verb = 'village.remove'" "12|1"
	expect_db "SELECT group_concat(entity, ',') FROM (SELECT DISTINCT entity FROM audit WHERE verb = 'village.remove' ORDER BY seq)" "checklist_item,unit_alias,unit"
	expect_db "SELECT count(*) FROM audit WHERE verb = 'village.remove' AND after IS NOT NULL" 0
	expect_exit 1 ntm checklist "Cự Đình"
	expect_exit 1 ntm checklist "Cự Đinh"
	expect_ok ntm checklist --matrix --format json
	expect_json '[v["name"] for v in d["villages"]]' '["Thục Cầu"]'
}

case_village_remove_empty() {
	fresh_db
	expect_ok ntm village add "Đình Dù"
	local i
	for i in 1 2 3 4 5 6 7 8 9 10; do
		expect_ok ntm checklist "Đình Dù" --remove 1
	done
	expect_ok ntm village remove "Đình Dù"
	expect_stdout_is "Đã xóa thôn Đình Dù."
	expect_db "SELECT count(*) FROM unit WHERE name = 'Đình Dù'" 0
	expect_db "SELECT count(*) FROM audit WHERE verb = 'village.remove'" 1
}

case_village_force_only_remove() {
	fresh_db
	expect_exit 2 ntm village rename "$CD" "Đình Dù" --force
	expect_stderr_has "--force"
	expect_exit 2 ntm village template "$CD" --force
	expect_exit 2 ntm status --force
	expect_db "SELECT count(*) FROM audit" 0
}

case_village_remove_usage() {
	fresh_db
	expect_exit 2 ntm village remove
	expect_stderr_has "remove TÊN"
	expect_exit 2 ntm village remove "Cự Đình" "Thục Cầu"
	expect_exit 2 ntm village template
	expect_exit 2 ntm village delete "Cự Đình"
	expect_db "SELECT count(*) FROM audit" 0
}

case_village_template() {
	fresh_db
	expect_ok ntm village template "$CD"
	expect_stdout_is "Thôn Cự Đình đã có đủ các mục theo mẫu; không thêm gì."
	expect_db "SELECT count(*) FROM audit" 0
	expect_ok ntm checklist "$CD" --remove 2 --remove "Trang thiết bị nhà văn hóa" --add "Cổng làng"
	expect_ok ntm village template "cu dinh"
	expect_stdout_is "Đã thêm 2 mục theo mẫu cho thôn Cự Đình."
	expect_ok ntm checklist "$CD"
	expect_stdout_first "Cự Đình: 0/11"
	expect_stdout_nth 10 "9. [ ] Cổng làng"
	expect_stdout_nth 11 "10. [ ] Rãnh thoát nước"
	expect_stdout_nth 12 "11. [ ] Trang thiết bị nhà văn hóa"
	expect_db "SELECT count(*), count(DISTINCT action_id) FROM audit WHERE verb = 'village.template'" "2|1"
	expect_db "SELECT count(*) FROM checklist_item i JOIN unit u ON u.id = i.unit_id WHERE u.name = '$CD' AND i.template_id IS NOT NULL" 10
	# again: nothing lacking, nothing written
	local rows
	rows=$(q "SELECT count(*) FROM audit")
	expect_ok ntm village template "$CD"
	expect_stdout_is "Thôn Cự Đình đã có đủ các mục theo mẫu; không thêm gì."
	expect_db "SELECT count(*) FROM audit" "$rows"
}

case_village_template_title_taken() {
	# An item of the template removed, then added again by hand: its title
	# is used, so the template does not add it twice.
	fresh_db
	expect_ok ntm checklist "$CD" --remove "Rãnh thoát nước" --add "Rãnh thoát nước"
	expect_ok ntm village template "$CD"
	expect_stdout_is "Thôn Cự Đình đã có đủ các mục theo mẫu; không thêm gì."
	expect_db "SELECT count(*) FROM checklist_item WHERE title = 'Rãnh thoát nước'" 2
	expect_exit 1 ntm village template "Nơi Khác"
}

case_village_help() {
	expect_ok ntm help village
	expect_stdout_has "remove TÊN [--force]"
	expect_stdout_has "template TÊN"
	expect_ok ntm help
	expect_stdout_has "xóa, áp dụng mẫu"
}

# A name that differs from another village's only in marks or case is a
# distinct village (Ba, Bà), but typed without accents it is likely a
# mistake: the command refuses it without --force (issue 9), and with
# --force adds it and says so.
case_village_add_lookalike_warns() {
	fresh_db
	expect_exit 1 ntm village add "thuc cau"
	expect_stderr_has "thôn Thục Cầu"
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon'" "2"
	expect_ok ntm village add "thuc cau" --force
	expect_stdout_line "Đã thêm thôn thuc cau (10 mục theo mẫu)."
	expect_stdout_has "Lưu ý: “thuc cau” chỉ khác thôn “Thục Cầu”"
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon'" "3"
	expect_ok ntm village add "Đình Dù"
	expect_stdout_not_has "Lưu ý"
}

# ---- issue 9: messages a real person meets -----------------------------------

# A name that already says what it is (Thôn, Khu, Xóm…) is not preceded by
# "thôn" again.
case_village_phrase_no_double_thon() {
	fresh_db
	expect_ok ntm village add "Thôn Ngọc Quỳnh"
	expect_stdout_is "Đã thêm Thôn Ngọc Quỳnh (10 mục theo mẫu)."
	expect_ok ntm village template "Thôn Ngọc Quỳnh"
	expect_stdout_is "Thôn Ngọc Quỳnh đã có đủ các mục theo mẫu; không thêm gì."
	expect_exit 1 ntm village remove "Thôn Ngọc Quỳnh"
	expect_stderr_has "ntm: Thôn Ngọc Quỳnh còn 10 mục"
	expect_stderr_not_has "thôn Thôn"
	expect_ok ntm village add "Khu 3"
	expect_stdout_is "Đã thêm Khu 3 (10 mục theo mẫu)."
	expect_exit 1 ntm checklist "Khu 3" --done 42
	expect_stderr_has "ntm: Khu 3 chỉ có 10 mục"
}

# A rename to the name the village has says nothing changed.
case_village_rename_same_name() {
	fresh_db
	expect_ok ntm village rename "$CD" "$CD"
	expect_stdout_is "Thôn Cự Đình đã mang tên đó; không có gì thay đổi."
	expect_db "SELECT count(*) FROM audit" 0
}

# A name equal to another village's once folded and without a leading
# Thôn/Khu/Xóm is refused without --force, naming the village.
case_village_add_twin_needs_force() {
	fresh_db
	local w
	for w in "Thôn Cự Đình" "cu dinh" "XÓM CỰ ĐÌNH"; do
		expect_exit 1 ntm village add "$w"
		expect_stderr_has "thôn Cự Đình đã có"
		expect_stderr_has "--force"
	done
	expect_db "SELECT count(*) FROM audit" 0
	expect_ok ntm village add "Thôn Cự Đình" --force
	expect_stdout_has "Đã thêm Thôn Cự Đình (10 mục theo mẫu)."
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon'" 3
	# the same name exactly is another refusal: it is taken
	expect_exit 1 ntm village add "$CD" --force
	expect_stderr_has "đã có thôn “Cự Đình”"
}

# Aliases in suggestions are marked as another name of a village.
case_village_suggest_marks_aliases() {
	fresh_db
	expect_ok ntm village alias "Thục Cầu" "Thục Cầu Cũ"
	expect_stdout_is "Thôn Thục Cầu có thêm tên khác: Thục Cầu Cũ."
	expect_exit 1 ntm checklist "Thục Cầu C"
	expect_stderr_has "gần giống: Thục Cầu Cũ (tên khác của Thục Cầu), Thục Cầu"
}

# A village's old name still finds it: a new village under that name would
# be reached by neither name with certainty (found by a new user).
case_village_add_beside_an_old_name() {
	fresh_db
	expect_ok ntm village rename "Cự Đình" "Cự Đình Đông"
	expect_exit 1 ntm village add "Thôn Cự Đình"
	expect_stderr_has "tên khác của Cự Đình Đông"
	expect_stderr_has "--force"
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon'" 2
}
