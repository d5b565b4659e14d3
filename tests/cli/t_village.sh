# ntm village: list, add, rename, alias; names that differ only in marks.

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
	expect_ok ntm village add "Bà"
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
	expect_ok ntm village list
	expect_stdout_lines 0
	expect_exit 1 ntm checklist "Cự Đình"
	expect_ok ntm village add "Cự Đình"
	expect_stdout_is "Đã thêm thôn Cự Đình (10 mục theo mẫu)."
}
