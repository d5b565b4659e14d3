# ntm checklist: a village's items toward "khu dân cư NTM kiểu mẫu".

CD="Cự Đình"

case_checklist_show() {
	fresh_db
	expect_ok ntm checklist "$CD"
	expect_stdout_is "Cự Đình: 0/10
1. [ ] Đường giao thông trong thôn
2. [ ] Rãnh thoát nước
3. [ ] Cơ sở vật chất (nhà văn hóa thôn)
4. [ ] Trang thiết bị nhà văn hóa
5. [ ] Vệ sinh môi trường, thu gom rác (tổ tự quản)
6. [ ] Ít nhất 01 đường hoa tiêu biểu
7. [ ] Chỉnh trang cảnh quan, trồng hoa, cây xanh
8. [ ] Đăng ký và có kế hoạch thực hiện thôn đạt chuẩn KDC NTM kiểu mẫu
9. [ ] Lấy ý kiến sự hài lòng của người dân (MTTQ)
10. [ ] Đảm bảo an ninh, trật tự"
}

case_checklist_folded_name() {
	fresh_db
	expect_ok ntm checklist "cu dinh"
	expect_stdout_first "Cự Đình: 0/10"
	expect_ok ntm checklist "CỰ ĐÌNH"
	expect_stdout_first "Cự Đình: 0/10"
	expect_ok ntm checklist "$(nfd "$CD")"
	expect_stdout_first "Cự Đình: 0/10"
}

case_checklist_alias() {
	fresh_db
	expect_ok ntm checklist "Cự Đinh"
	expect_stdout_first "Cự Đình: 0/10"
}

case_checklist_done_by_position() {
	fresh_db
	expect_ok ntm checklist "$CD" --done 1
	expect_stdout_first "Cự Đình: 1/10"
	expect_stdout_nth 2 "1. [x] Đường giao thông trong thôn"
	expect_stdout_nth 3 "2. [ ] Rãnh thoát nước"
	expect_db "SELECT done, done_on FROM checklist_item WHERE title = 'Đường giao thông trong thôn' AND unit_id = (SELECT id FROM unit WHERE name = '$CD')" "1|$(today)"
	expect_ok ntm checklist "Thục Cầu"
	expect_stdout_first "Thục Cầu: 0/10"
}

case_checklist_done_by_title() {
	fresh_db
	expect_ok ntm checklist "$CD" --done "Rãnh thoát nước"
	expect_stdout_first "Cự Đình: 1/10"
	expect_stdout_line "2. [x] Rãnh thoát nước"
	expect_ok ntm checklist "$CD" --done "trang thiet bi nha van hoa"
	expect_stdout_line "4. [x] Trang thiết bị nhà văn hóa"
	expect_ok ntm checklist "$CD" --done "$(nfd 'Đảm bảo an ninh, trật tự')"
	expect_stdout_line "10. [x] Đảm bảo an ninh, trật tự"
	expect_stdout_first "Cự Đình: 3/10"
}

case_checklist_undone() {
	fresh_db
	expect_ok ntm checklist "$CD" --done 1
	expect_ok ntm checklist "$CD" --undone 1
	expect_stdout_first "Cự Đình: 0/10"
	expect_stdout_nth 2 "1. [ ] Đường giao thông trong thôn"
	expect_db "SELECT count(*) FROM checklist_item WHERE done = 1 OR done_on IS NOT NULL OR done_by IS NOT NULL" 0
}

case_checklist_done_twice_is_quiet() {
	fresh_db
	expect_ok ntm checklist "$CD" --done 1
	expect_ok ntm checklist "$CD" --done 1
	expect_stdout_first "Cự Đình: 1/10"
	expect_db "SELECT count(*) FROM audit" 1
}

case_checklist_add() {
	fresh_db
	expect_ok ntm checklist "$CD" --add "Đường hoa"
	expect_stdout_first "Cự Đình: 0/11"
	expect_stdout_nth 12 "11. [ ] Đường hoa"
	expect_stdout_lines 12
	expect_db "SELECT count(*) FROM checklist_item WHERE title = 'Đường hoa' AND template_id IS NULL" 1
	expect_ok ntm checklist "Thục Cầu"
	expect_stdout_first "Thục Cầu: 0/10"
}

case_checklist_add_duplicate() {
	fresh_db
	expect_ok ntm checklist "$CD" --add "Đường hoa"
	expect_exit 1 ntm checklist "$CD" --add "Đường hoa"
	expect_stderr_has "Đường hoa"
	expect_stderr_has "11"
	expect_exit 1 ntm checklist "$CD" --add "$(nfd 'Rãnh thoát nước')"
	expect_stderr_has "Rãnh thoát nước"
	expect_stderr_has "2"
	expect_db "SELECT count(*) FROM checklist_item WHERE unit_id = (SELECT id FROM unit WHERE name = '$CD')" 11
}

case_checklist_add_bad_title() {
	fresh_db
	expect_exit 2 ntm checklist "$CD" --add ""
	expect_exit 2 ntm checklist "$CD" --add "$(printf 'a\033[2Jb')"
	expect_db "SELECT count(*) FROM checklist_item WHERE unit_id = (SELECT id FROM unit WHERE name = '$CD')" 10
}

case_checklist_remove() {
	fresh_db
	expect_ok ntm checklist "$CD" --add "Đường hoa"
	expect_ok ntm checklist "$CD" --remove 11
	expect_stdout_first "Cự Đình: 0/10"
	expect_stdout_lines 11
	expect_db "SELECT count(*) FROM checklist_item WHERE title = 'Đường hoa'" 0
	expect_db "SELECT verb, before IS NOT NULL, after IS NULL FROM audit WHERE verb = 'checklist.remove'" "checklist.remove|1|1"
}

case_checklist_remove_by_title_renumbers() {
	fresh_db
	expect_ok ntm checklist "$CD" --remove "Rãnh thoát nước"
	expect_stdout_first "Cự Đình: 0/9"
	expect_stdout_nth 3 "2. [ ] Cơ sở vật chất (nhà văn hóa thôn)"
}

case_checklist_item_out_of_range() {
	fresh_db
	expect_exit 1 ntm checklist "$CD" --done 99
	expect_stderr_has "99"
	expect_exit 1 ntm checklist "$CD" --remove 0
	expect_exit 1 ntm checklist "$CD" --undone 11
	expect_exit 1 ntm checklist "$CD" --done "Không có mục này"
	expect_db "SELECT count(*) FROM audit" 0
}

case_checklist_json() {
	fresh_db
	expect_ok ntm checklist "$CD" --format json
	expect_json 'd["village"]' "Cự Đình"
	expect_json 'd["items_total"]' 10
	expect_json 'd["items"][0]["done_on"]' null
	expect_ok ntm checklist "$CD" --done 1 --format json
	expect_json 'd["items_done"]' 1
	expect_json 'd["items"][0]["pos"]' 1
	expect_json 'd["items"][0]["title"]' "Đường giao thông trong thôn"
	expect_json 'd["items"][0]["done"]' true
	expect_json 'd["items"][0]["done_on"]' "$(today)"
	expect_json 'd["items"][0]["done_by"]' "$(me)"
	expect_json 'd["items"][0]["from_template"]' true
	expect_json 'd["items"][1]["done"]' false
	expect_json 'd["items"][1]["done_by"]' null
}

case_checklist_done_by_names_person() {
	fresh_db
	NTM_USER="Nguyễn Văn An" expect_ok ntm checklist "$CD" --done 1 --format json
	expect_json 'd["items"][0]["done_by"]' "Nguyễn Văn An"
}

case_checklist_unknown_village() {
	fresh_db
	expect_exit 1 ntm checklist "Cự Đìn"
	expect_stderr_has "gần giống"
	expect_stderr_has "Cự Đình"
	expect_exit 1 ntm checklist "Hà Nội"
	expect_stderr_has "Hà Nội"
	expect_exit 1 ntm checklist "Cự Đìn" --done 1
	expect_db "SELECT count(*) FROM audit" 0
}

case_checklist_add_then_done_by_folded_title() {
	# The example of man ntm.
	fresh_db
	expect_ok ntm checklist "Thục Cầu" --add "Sân chơi thiếu nhi" --done "san choi thieu nhi"
	expect_stdout_first "Thục Cầu: 1/11"
	expect_stdout_line "11. [x] Sân chơi thiếu nhi"
}

case_checklist_json_escapes() {
	fresh_db
	local title='Nhà "văn hóa" \ mới, số 2'
	expect_ok ntm checklist "$CD" --add "$title" --format json
	expect_json 'd["items"][10]["title"]' "$title"
	expect_json 'd["items"][10]["from_template"]' false
}
