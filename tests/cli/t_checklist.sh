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

# ---- the checklist editor: order, positions, notes, the matrix -------------

# cd_order: the titles of Cự Đình in the arranged order, on one line.
cd_order() {
	q "SELECT group_concat(title, '|') FROM (SELECT title FROM checklist_item WHERE unit_id = (SELECT id FROM unit WHERE name = '$CD') ORDER BY ord, title)"
}

case_checklist_sort_title() {
	fresh_db
	local before
	before=$(cd_order)
	expect_ok ntm checklist "$CD" --sort title
	expect_stdout_is "Cự Đình: 0/10
7. [ ] Chỉnh trang cảnh quan, trồng hoa, cây xanh
3. [ ] Cơ sở vật chất (nhà văn hóa thôn)
10. [ ] Đảm bảo an ninh, trật tự
8. [ ] Đăng ký và có kế hoạch thực hiện thôn đạt chuẩn KDC NTM kiểu mẫu
1. [ ] Đường giao thông trong thôn
6. [ ] Ít nhất 01 đường hoa tiêu biểu
9. [ ] Lấy ý kiến sự hài lòng của người dân (MTTQ)
2. [ ] Rãnh thoát nước
4. [ ] Trang thiết bị nhà văn hóa
5. [ ] Vệ sinh môi trường, thu gom rác (tổ tự quản)"
	# sorting a listing never changes the arranged order
	expect_eq "arranged order after --sort" "$(cd_order)" "$before"
	expect_db "SELECT count(*) FROM audit" 0
	expect_ok ntm checklist "$CD"
	expect_stdout_nth 2 "1. [ ] Đường giao thông trong thôn"
}

case_checklist_sort_undone() {
	fresh_db
	# N is the arranged position, whatever the order shown
	expect_ok ntm checklist "$CD" --sort undone --done 1 --done 3
	expect_stdout_nth 2 "2. [ ] Rãnh thoát nước"
	expect_stdout_nth 9 "10. [ ] Đảm bảo an ninh, trật tự"
	expect_stdout_nth 10 "1. [x] Đường giao thông trong thôn"
	expect_stdout_nth 11 "3. [x] Cơ sở vật chất (nhà văn hóa thôn)"
	expect_ok ntm checklist "$CD" --sort undone --done 2
	expect_stdout_nth 2 "4. [ ] Trang thiết bị nhà văn hóa"
	expect_stdout_nth 9 "1. [x] Đường giao thông trong thôn"
	expect_stdout_nth 10 "2. [x] Rãnh thoát nước"
	expect_stdout_nth 11 "3. [x] Cơ sở vật chất (nhà văn hóa thôn)"
	expect_ok ntm checklist "$CD" --sort order
	expect_stdout_nth 2 "1. [x] Đường giao thông trong thôn"
	expect_stdout_nth 5 "4. [ ] Trang thiết bị nhà văn hóa"
}

case_checklist_sort_json() {
	fresh_db
	expect_ok ntm checklist "$CD" --sort title --format json
	expect_json 'd["items"][0]["title"]' "Chỉnh trang cảnh quan, trồng hoa, cây xanh"
	expect_json 'd["items"][0]["pos"]' 7
	expect_json '[i["pos"] for i in d["items"]]' "[7, 3, 10, 8, 1, 6, 9, 2, 4, 5]"
}

case_checklist_sort_bad() {
	fresh_db
	expect_exit 2 ntm checklist "$CD" --sort name --done 1
	expect_stderr_has "--sort"
	expect_stderr_has "undone"
	expect_exit 2 ntm checklist "$CD" --sort
	expect_db "SELECT count(*) FROM audit" 0
}

case_checklist_add_after() {
	fresh_db
	expect_ok ntm checklist "$CD" --add "Cổng làng" --after 0
	expect_stdout_nth 2 "1. [ ] Cổng làng"
	expect_stdout_nth 3 "2. [ ] Đường giao thông trong thôn"
	expect_stdout_lines 12
	expect_ok ntm checklist "$CD" --add "Sân chơi" --after 3
	expect_stdout_nth 4 "3. [ ] Rãnh thoát nước"
	expect_stdout_nth 5 "4. [ ] Sân chơi"
	expect_stdout_nth 6 "5. [ ] Cơ sở vật chất (nhà văn hóa thôn)"
	expect_ok ntm checklist "$CD" --add "Nhà vệ sinh" --after 99
	expect_stdout_nth 14 "13. [ ] Nhà vệ sinh"
	expect_ok ntm checklist "$CD" --add "Bãi đỗ xe"
	expect_stdout_nth 15 "14. [ ] Bãi đỗ xe"
	# one action per --add, the new item's row first; ord is 1..n
	expect_db "SELECT count(DISTINCT action_id) FROM audit WHERE verb = 'checklist.add'" 4
	expect_db "SELECT json_extract(after, '\$.title') FROM audit WHERE before IS NULL ORDER BY seq LIMIT 1" "Cổng làng"
	expect_db "SELECT group_concat(ord, ',') FROM (SELECT ord FROM checklist_item WHERE unit_id = (SELECT id FROM unit WHERE name = '$CD') ORDER BY ord)" "1,2,3,4,5,6,7,8,9,10,11,12,13,14"
	expect_db "SELECT count(*) FROM checklist_item WHERE title = 'Sân chơi' AND template_id IS NULL AND version = 1" 1
}

case_checklist_add_after_refused() {
	fresh_db
	expect_exit 2 ntm checklist "$CD" --add "Cổng làng" --after x
	expect_stderr_has "“x”"
	expect_exit 2 ntm checklist "$CD" --add "Cổng làng" --after -1
	expect_exit 2 ntm checklist "$CD" --after 2
	expect_stdout_lines 0
	expect_exit 2 ntm checklist "$CD" --done 1 --after 2
	expect_stderr_has "--after phải đi ngay sau --add"
	expect_exit 2 ntm checklist "$CD" --add "A" --after 1 --after 2
	expect_db "SELECT count(*) FROM audit" 0
	expect_db "SELECT count(*) FROM checklist_item" 20
}

case_checklist_title_length() {
	fresh_db
	local t200 t201
	t200=$(python3 -c 'print("ệ" * 200)')
	t201=$(python3 -c 'print("ệ" * 201)')
	expect_exit 2 ntm checklist "$CD" --add "$t201"
	expect_stderr_has "200"
	expect_db "SELECT count(*) FROM audit" 0
	expect_ok ntm checklist "$CD" --add "$t200"
	expect_stdout_line "11. [ ] $t200"
	expect_ok ntm checklist "$CD" --add "  Cổng làng  "
	expect_stdout_line "12. [ ] Cổng làng"
	expect_exit 1 ntm checklist "$CD" --add "Cổng làng"
	expect_stderr_has "thôn Cự Đình đã có mục “Cổng làng” (số 12)"
}

case_checklist_duplicate_message() {
	fresh_db
	expect_exit 1 ntm checklist "$CD" --add "Rãnh thoát nước"
	expect_stderr_has "ntm: thôn Cự Đình đã có mục “Rãnh thoát nước” (số 2)"
	expect_db "SELECT count(*) FROM audit" 0
}

case_checklist_note() {
	fresh_db
	expect_ok ntm checklist "$CD" --note 2 --text "Đã nạo vét 300 m" --format json
	expect_json 'd["items"][1]["note"]' "Đã nạo vét 300 m"
	expect_json 'd["items"][0]["note"]' null
	expect_db "SELECT verb, json_extract(after, '\$.note'), json_extract(after, '\$.version') FROM audit" "checklist.note|Đã nạo vét 300 m|2"
	# by title, several lines
	expect_ok ntm checklist "$CD" --note "ranh thoat nuoc" --text "$(printf 'Dòng 1\nDòng 2')" --format json
	expect_json 'd["items"][1]["note"]' "$(printf 'Dòng 1\nDòng 2')"
	# "" clears
	expect_ok ntm checklist "$CD" --note 2 --text ""
	expect_stdout_first "Cự Đình: 0/10"
	expect_db "SELECT count(*) FROM checklist_item WHERE note IS NOT NULL" 0
	expect_db "SELECT count(*) FROM audit WHERE verb = 'checklist.note'" 3
	# the same note again writes nothing
	expect_ok ntm checklist "$CD" --note 2 --text ""
	expect_db "SELECT count(*) FROM audit" 3
}

case_checklist_note_length() {
	fresh_db
	local n10000 n10001
	n10000=$(python3 -c 'print("ư" * 10000)')
	n10001=$(python3 -c 'print("ư" * 10001)')
	expect_exit 2 ntm checklist "$CD" --note 1 --text "$n10001"
	expect_stderr_has "10000"
	expect_exit 2 ntm checklist "$CD" --note 1 --text "$(printf 'a\033[2Jb')"
	expect_db "SELECT count(*) FROM audit" 0
	expect_ok ntm checklist "$CD" --note 1 --text "$n10000"
	expect_db "SELECT length(note) FROM checklist_item WHERE note IS NOT NULL" 10000
}

case_checklist_note_refused() {
	fresh_db
	expect_exit 2 ntm checklist "$CD" --note 2
	expect_stderr_has "--note MỤC cần --text"
	expect_exit 2 ntm checklist "$CD" --text "abc"
	expect_stderr_has "--text phải đi ngay sau --note"
	expect_exit 2 ntm checklist "$CD" --note 2 --done 1 --text "abc"
	expect_exit 1 ntm checklist "$CD" --note 11 --text "abc"
	expect_stderr_has "thôn Cự Đình chỉ có 10 mục; không có mục số 11"
	expect_exit 1 ntm checklist "$CD" --note "không có" --text "abc"
	expect_db "SELECT count(*) FROM audit" 0
}

case_checklist_move() {
	fresh_db
	expect_ok ntm checklist "$CD" --move 10 --to 1
	expect_stdout_nth 2 "1. [ ] Đảm bảo an ninh, trật tự"
	expect_stdout_nth 3 "2. [ ] Đường giao thông trong thôn"
	expect_stdout_lines 11
	expect_db "SELECT count(DISTINCT action_id), min(verb), max(verb) FROM audit" "1|checklist.move|checklist.move"
	expect_db "SELECT json_extract(after, '\$.title') FROM audit ORDER BY seq LIMIT 1" "Đảm bảo an ninh, trật tự"
	expect_db "SELECT count(*) FROM checklist_item WHERE version <> 1" 0
	# clamped to the last place; by title
	expect_ok ntm checklist "$CD" --move "duong giao thong trong thon" --to 99
	expect_stdout_nth 11 "10. [ ] Đường giao thông trong thôn"
	expect_db "SELECT group_concat(ord, ',') FROM (SELECT ord FROM checklist_item WHERE unit_id = (SELECT id FROM unit WHERE name = '$CD') ORDER BY ord)" "1,2,3,4,5,6,7,8,9,10"
	# to where it is: nothing written
	local rows
	rows=$(q "SELECT count(*) FROM audit")
	expect_ok ntm checklist "$CD" --move 10 --to 10
	expect_db "SELECT count(*) FROM audit" "$rows"
	# a tick follows the item, not the place
	expect_ok ntm checklist "$CD" --done 1 --move 1 --to 3
	expect_stdout_nth 4 "3. [x] Đảm bảo an ninh, trật tự"
}

case_checklist_move_refused() {
	fresh_db
	expect_exit 2 ntm checklist "$CD" --move 1
	expect_stderr_has "--move MỤC cần --to"
	expect_exit 2 ntm checklist "$CD" --move 1 --to 0
	expect_stderr_has "“0”"
	expect_exit 2 ntm checklist "$CD" --move 1 --to abc
	expect_exit 2 ntm checklist "$CD" --to 2
	expect_exit 2 ntm checklist "$CD" --move 1 --to 2 --to 3
	expect_exit 1 ntm checklist "$CD" --move 99 --to 1
	expect_stderr_has "99"
	expect_db "SELECT count(*) FROM audit" 0
}

case_checklist_tick_audit() {
	fresh_db
	NTM_USER="Trần Bình" expect_ok ntm checklist "$CD" --done 4
	expect_db "SELECT verb, person, os_user FROM audit" "checklist.done|Trần Bình|$(me)"
	expect_db "SELECT done_by, done_on FROM checklist_item WHERE done = 1" "Trần Bình|$(today)"
	expect_ok ntm checklist "$CD" --undone 4
	expect_db "SELECT group_concat(verb, ',') FROM (SELECT verb FROM audit ORDER BY seq)" "checklist.done,checklist.undone"
}

case_checklist_read_only_refused() {
	fresh_db
	expect_exit 1 ntm --read-only checklist "$CD" --note 1 --text "x"
	expect_exit 1 ntm --read-only checklist "$CD" --move 1 --to 2
	expect_exit 1 ntm --read-only checklist "$CD" --add "x" --after 0
	expect_db "SELECT count(*) FROM audit" 0
}

case_checklist_matrix_text() {
	fresh_db
	expect_ok ntm checklist "$CD" --done 1 --done 3
	expect_ok ntm checklist --matrix
	expect_stdout_is "Thôn          1    2    3    4    5    6    7    8    9   10  Tỷ lệ
Cự Đình       ✓    ·    ✓    ·    ·    ·    ·    ·    ·    ·    20%
Thục Cầu      ·    ·    ·    ·    ·    ·    ·    ·    ·    ·     0%
Tỷ lệ       50%   0%  50%   0%   0%   0%   0%   0%   0%   0%

1. Đường giao thông trong thôn
2. Rãnh thoát nước
3. Cơ sở vật chất (nhà văn hóa thôn)
4. Trang thiết bị nhà văn hóa
5. Vệ sinh môi trường, thu gom rác (tổ tự quản)
6. Ít nhất 01 đường hoa tiêu biểu
7. Chỉnh trang cảnh quan, trồng hoa, cây xanh
8. Đăng ký và có kế hoạch thực hiện thôn đạt chuẩn KDC NTM kiểu mẫu
9. Lấy ý kiến sự hài lòng của người dân (MTTQ)
10. Đảm bảo an ninh, trật tự"
}

case_checklist_matrix_ascii() {
	fresh_db
	expect_ok ntm checklist "$CD" --done 2
	LC_ALL=C expect_ok ntm checklist --matrix
	expect_stdout_nth 2 "Cự Đình       .    x    .    .    .    .    .    .    .    .    10%"
	LC_ALL=C expect_ok ntm --utf8 checklist --matrix
	expect_stdout_nth 2 "Cự Đình       ·    ✓    ·    ·    ·    ·    ·    ·    ·    ·    10%"
}

# A village lacking a template item, a hand-made item (no column), a
# new village: cells "-", JSON null, CSV empty; the percent counts the
# cells a village has.
matrix_setup() {
	fresh_db
	expect_ok ntm checklist "$CD" --remove 10 --add "Cổng làng" --done 1
	expect_ok ntm village add "An Lạc"
}

case_checklist_matrix_lacking() {
	matrix_setup
	expect_ok ntm checklist --matrix
	expect_stdout_nth 2 "An Lạc        ·    ·    ·    ·    ·    ·    ·    ·    ·    ·     0%"
	expect_stdout_nth 3 "Cự Đình       ✓    ·    ·    ·    ·    ·    ·    ·    ·    -    11%"
	expect_stdout_nth 5 "Tỷ lệ       33%   0%   0%   0%   0%   0%   0%   0%   0%   0%"
	expect_stdout_not_has "Cổng làng"
	expect_stdout_lines 16
	expect_ok ntm village template "$CD"
	expect_ok ntm checklist --matrix
	expect_stdout_nth 3 "Cự Đình       ✓    ·    ·    ·    ·    ·    ·    ·    ·    ·    10%"
}

case_checklist_matrix_json() {
	matrix_setup
	expect_ok ntm checklist --matrix --format json
	expect_json 'len(d["items"])' 10
	expect_json 'd["items"][9]' "Đảm bảo an ninh, trật tự"
	expect_json '[v["name"] for v in d["villages"]]' '["An Lạc", "Cự Đình", "Thục Cầu"]'
	expect_json 'd["villages"][1]["done"]' "[true, false, false, false, false, false, false, false, false, null]"
	expect_json 'd["villages"][1]["percent"]' 11
	expect_json 'd["villages"][0]["percent"]' 0
	expect_json 'd["column_percent"]' "[33, 0, 0, 0, 0, 0, 0, 0, 0, 0]"
}

case_checklist_matrix_csv() {
	matrix_setup
	expect_ok ntm checklist --matrix --format csv
	expect_stdout_first "$(printf 'village,Đường giao thông trong thôn,Rãnh thoát nước,Cơ sở vật chất (nhà văn hóa thôn),Trang thiết bị nhà văn hóa,"Vệ sinh môi trường, thu gom rác (tổ tự quản)",Ít nhất 01 đường hoa tiêu biểu,"Chỉnh trang cảnh quan, trồng hoa, cây xanh",Đăng ký và có kế hoạch thực hiện thôn đạt chuẩn KDC NTM kiểu mẫu,Lấy ý kiến sự hài lòng của người dân (MTTQ),"Đảm bảo an ninh, trật tự",percent\r')"
	expect_stdout_line "$(printf 'Cự Đình,1,0,0,0,0,0,0,0,0,,11\r')"
	expect_stdout_line "$(printf 'An Lạc,0,0,0,0,0,0,0,0,0,0,0\r')"
	expect_stdout_lines 4
	python3 - "$OUT" >"$T/csv.txt" 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
print(len(rows), set(len(r) for r in rows), rows[2][0], rows[2][10])
PY
	expect_eq "CSV rows, field counts, row 2" "$(cat "$T/csv.txt")" "4 {12} Cự Đình "
}

case_checklist_matrix_refused() {
	fresh_db
	expect_exit 2 ntm checklist --matrix "$CD"
	expect_stderr_has "--matrix"
	expect_exit 2 ntm checklist --matrix --done 1
	expect_exit 2 ntm checklist --matrix --sort title
	expect_exit 2 ntm checklist --matrix --format xml
	expect_exit 2 ntm checklist
	expect_stderr_has "--matrix"
	expect_exit 2 ntm checklist "$CD" --format csv
	expect_stderr_has "csv"
	expect_db "SELECT count(*) FROM audit" 0
}

case_checklist_matrix_empty_commune() {
	expect_ok ntm init --empty --commune "Thử"
	expect_ok ntm checklist --matrix --format json
	expect_json 'd["villages"]' "[]"
	expect_json 'len(d["items"])' 10
	expect_ok ntm checklist --matrix
	expect_stdout_nth 2 "(chưa có thôn nào)"
}

case_checklist_help() {
	expect_ok ntm help checklist
	expect_stdout_has "--note MỤC --text VĂN_BẢN"
	expect_stdout_has "--move MỤC --to VỊ_TRÍ"
	expect_stdout_has "--after VỊ_TRÍ"
	expect_stdout_has "--sort order|title|undone"
	expect_stdout_has "ntm checklist --matrix [--format text|csv|json]"
}

# An item named by words that only one title has once folded is taken
# (issue 9: this was a mere suggestion before); words several titles have
# are refused, naming them; words none has are refused.
case_checklist_item_by_words() {
	fresh_db
	expect_ok ntm checklist "Thục Cầu" --done "ve sinh"
	expect_stdout_has "[x] Vệ sinh môi trường, thu gom rác (tổ tự quản)"
	expect_ok ntm checklist "Thục Cầu" --done "co so vat chat"
	expect_stdout_has "[x] Cơ sở vật chất (nhà văn hóa thôn)"
	expect_db "SELECT count(*) FROM checklist_item WHERE done = 1" "2"
	expect_exit 1 ntm checklist "Thục Cầu" --done "nha van hoa"
	expect_stderr_has "3. Cơ sở vật chất (nhà văn hóa thôn), 4. Trang thiết bị nhà văn hóa"
	expect_exit 1 ntm checklist "Thục Cầu" --done "san bong"
	expect_stderr_has "không có mục nào khớp với “san bong”"
	expect_exit 1 ntm checklist "Thục Cầu" --done "-"
	expect_stderr_has "không có mục nào khớp với “-”"
	expect_db "SELECT count(*) FROM checklist_item WHERE done = 1" "2"
}

# --done ITEM --date DATE: work finished earlier is dated when it was done.
case_checklist_done_on_date() {
	fresh_db
	expect_ok ntm checklist "Thục Cầu" --done "co so vat chat" --date 5/3/2024
	expect_db "SELECT done_on FROM checklist_item WHERE title LIKE 'Cơ sở%' AND done = 1" "2024-03-05"
	expect_ok ntm checklist "Thục Cầu" --done 1 --date 2024-02-01 --format json
	expect_json 'd["items"][0]["done_on"]' "2024-02-01"
	# a done item given another date takes it; the same date writes nothing
	expect_ok ntm checklist "Thục Cầu" --done 1 --date 3/2/2024
	expect_db "SELECT done_on FROM checklist_item WHERE ord = 1 AND done = 1 AND unit_id = (SELECT id FROM unit WHERE name = 'Thục Cầu')" "2024-02-03"
	local n
	n=$(q "SELECT count(*) FROM audit")
	expect_ok ntm checklist "Thục Cầu" --done 1 --date 2024-02-03
	expect_db "SELECT count(*) FROM audit" "$n"
	# not in the future, a real date, and only with --done
	expect_exit 2 ntm checklist "Thục Cầu" --done 2 --date 2999-01-01
	expect_stderr_has "--date"
	expect_exit 2 ntm checklist "Thục Cầu" --done 2 --date 31/2/2024
	expect_exit 2 ntm checklist "Thục Cầu" --undone 1 --date 2024-02-01
	expect_stderr_has "--done"
	expect_db "SELECT count(*) FROM audit" "$n"
}
