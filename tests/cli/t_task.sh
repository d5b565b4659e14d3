# ntm task: list (text, JSON, CSV; by sector, status, overdue), add, edit,
# done, remove; an empty commune; the rules of the task forms (issue 11).

# tq SQL-COLUMNS NUMBER: columns of task #NUMBER of the 2024 plan.
tq() {
	q "SELECT $1 FROM task WHERE number = $2 AND plan_id = (SELECT id FROM plan WHERE year = 2024)"
}

case_task_list_text() {
	fresh_db
	expect_ok ntm task list
	expect_stdout_first "Kế hoạch 32/KH-UBND năm 2024: 70 nhiệm vụ"
	expect_stdout_match '^Số +Lĩnh vực +Trạng thái +Tiến độ +Hạn +Phụ trách +Nhiệm vụ$'
	expect_stdout_lines 72
	local title sector
	title=$(tq title 1)
	expect_stdout_match "^#1 +[^ ].* +chưa bắt đầu +0% +— +.*$title\$"
	expect_stdout_match '^#70 '
	expect_ok ntm task
	expect_stdout_lines 72
}

case_task_list_json() {
	fresh_db
	expect_ok ntm task list --format json
	/usr/bin/python3 -c 'import json, sys; assert len(json.load(open(sys.argv[1], encoding="utf-8"))) == 70' "$OUT" ||
		fail "task list JSON not read by /usr/bin/python3"
	expect_json 'len(d)' 70
	expect_json 'sorted(d[0].keys())' '["detail", "due", "from", "from_number", "issue", "note", "number", "overdue", "progress", "proposal", "responsible", "sector", "sector_name", "status", "status_label", "title"]'
	expect_json 'sorted(t["number"] for t in d) == list(range(1, 71))' true
	expect_json 'sorted(set(t["status"] for t in d))' '["chua_bat_dau"]'
	expect_json 'sorted(set(t["due"] for t in d))' '[null]'
	expect_json 'sorted(set(t["from"] for t in d))' '[null]'
	expect_json '[t["sector_name"] for t in d if t["sector"] == "giao_thong"][0]' "Giao thông"
	expect_json 'all(t["sector"].isascii() for t in d)' true
	expect_json 'd[0]["title"] == "'"$(tq title "$(jv 'd[0]["number"]')")"'"' true
}

case_task_list_filters() {
	fresh_db
	local gt
	gt=$(q "SELECT count(*) FROM task t JOIN sector s ON s.id = t.sector_id WHERE s.code = 'giao_thong'")
	expect_ok ntm task list --sector "giao thong" --format json
	expect_json 'len(d)' "$gt"
	expect_json 'sorted(set(t["sector"] for t in d))' '["giao_thong"]'
	expect_ok ntm task list --sector "Giao thông" --format json
	expect_json 'len(d)' "$gt"
	expect_ok ntm task list --sector giao_thong
	expect_stdout_first "Kế hoạch 32/KH-UBND năm 2024: $gt nhiệm vụ"
	expect_exit 2 ntm task list --sector "đường sá"
	expect_stderr_has "Giao thông"
	expect_ok ntm task edit 3 --status "đang thực hiện"
	expect_ok ntm task list --status "dang thuc hien" --format json
	expect_json '[t["number"] for t in d]' '[3]'
	expect_ok ntm task list --status dang_thuc_hien --format json
	expect_json '[t["number"] for t in d]' '[3]'
	expect_ok ntm task list --status "xong"
	expect_stdout_line "Không có nhiệm vụ nào khớp điều kiện đã cho."
	expect_exit 2 ntm task list --status "làm dở"
	expect_stderr_has "trạng thái “làm dở” không có; dùng: chua_bat_dau (chưa bắt đầu)"
}

case_task_list_overdue() {
	fresh_db
	expect_ok ntm task edit 2 --due 1/2/2020
	expect_ok ntm task edit 4 --due 2020-01-01
	expect_ok ntm task done 4
	expect_ok ntm task edit 5 --due 2099-12-31
	expect_ok ntm task list --overdue --format json
	expect_json '[(t["number"], t["due"], t["overdue"]) for t in d]' '[[2, "2020-02-01", true]]'
	expect_ok ntm task list --overdue
	expect_stdout_match '^#2 +.* 01/02/2020 quá hạn '
	expect_stdout_lines 3
	expect_ok ntm task list
	expect_stdout_match '^#5 +.* 31/12/2099 +'
	expect_stdout_not_has "31/12/2099 quá hạn"
}

case_task_list_csv() {
	fresh_db
	expect_ok ntm task edit 1 --responsible "$(printf '=cmd|x')" --due 2025-06-30
	expect_ok ntm task list --format csv
	expect_stdout_first "$(printf 'number,sector,sector_name,title,responsible,due,status,status_label,progress,overdue,from,from_number,detail,note,issue,proposal\r')"
	expect_stdout_lines 71
	python3 - "$OUT" >"$T/csv.txt" 2>&1 <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
print(len(rows) - 1, set(len(r) for r in rows))
r = [x for x in rows if x[0] == "1"][0]
print(r[4].startswith("="), r[5], r[6], r[7], r[8])
EOF
	expect_eq "CSV rows, fields" "$(sed -n 1p "$T/csv.txt")" "70 {16}"
	expect_eq "CSV #1 formula neutralised, due, status, progress" \
		"$(sed -n 2p "$T/csv.txt")" "False 2025-06-30 chua_bat_dau chưa bắt đầu 0"
}

case_task_add() {
	fresh_db
	expect_ok ntm task add --sector "giao thong" "Làm đường thôn Cự Đình" \
		--responsible "Ông Bình" --due 30/6/2025 --detail "Dài 500 m"
	expect_stdout_is "Đã thêm nhiệm vụ #71: Làm đường thôn Cự Đình"
	expect_db "SELECT s.code, t.title, t.responsible, t.due, t.detail, t.status, t.progress FROM task t JOIN sector s ON s.id = t.sector_id WHERE t.number = 71" \
		"giao_thong|Làm đường thôn Cự Đình|Ông Bình|2025-06-30|Dài 500 m|chua_bat_dau|0"
	expect_db "SELECT group_concat(DISTINCT verb) FROM audit" "task.add"
	expect_ok ntm task list --format json
	expect_json '[(t["sector"], t["due"], t["responsible"]) for t in d if t["number"] == 71]' \
		'[["giao_thong", "2025-06-30", "Ông Bình"]]'
}

case_task_add_refusals() {
	fresh_db
	expect_exit 2 ntm task add "Không có lĩnh vực"
	expect_stderr_has "--sector"
	expect_exit 2 ntm task add --sector "giao thong" Làm đường
	expect_stderr_has "ngoặc kép"
	expect_exit 2 ntm task add --sector "giao thong"
	expect_exit 2 ntm task add --sector "không có" "Việc"
	expect_stderr_has "Giao thông"
	expect_exit 2 ntm task add --sector "giao thong" "Việc" --due 31/2/2025
	expect_exit 2 ntm task add --sector "giao thong" ""
	expect_exit 2 ntm task add --sector "giao thong" "Việc" --progress 10
	expect_stderr_has "lệnh task add không dùng tùy chọn --progress"
	expect_db "SELECT count(*) FROM task" 70
	expect_db "SELECT count(*) FROM audit" 0
}

case_task_empty_commune() {
	expect_ok ntm init --empty --commune "Tân Lập"
	expect_exit 1 ntm task list
	expect_stderr_has "xã chưa có kế hoạch nào; tạo bằng: ntm plan new --year NĂM --number SỐ --title TÊN"
	expect_exit 1 ntm task list --format json
	expect_exit 1 ntm task add --sector "Giao thông" "Làm đường"
	expect_stderr_has "ntm plan new"
	expect_ok ntm plan new --year 2025 --number "01/KH-UBND" --title "Kế hoạch 2025"
	expect_ok ntm task add --sector "Giao thông" "Làm đường"
	expect_stdout_is "Đã thêm nhiệm vụ #1: Làm đường"
	expect_ok ntm task list --format json
	expect_json '[(t["number"], t["title"], t["sector"]) for t in d]' '[[1, "Làm đường", "giao_thong"]]'
	status_json
	expect_json 'd["tasks_total"]' 1
}

case_task_edit() {
	fresh_db
	expect_ok ntm task edit 12 --status "đang thực hiện" --progress 40
	expect_stdout_is "Đã sửa nhiệm vụ #12: đang thực hiện, 40%."
	expect_eq "#12" "$(tq 'status, progress' 12)" "dang_thuc_hien|40"
	expect_ok ntm task edit "#12" --progress 100%
	expect_stdout_is "Đã sửa nhiệm vụ #12: hoàn thành, 100%."
	expect_eq "#12" "$(tq 'status, progress' 12)" "hoan_thanh|100"
	expect_ok ntm task edit 13 --progress 30
	expect_eq "#13 progress makes it started" "$(tq 'status, progress' 13)" "dang_thuc_hien|30"
	expect_ok ntm task edit 13 --title "Tiêu đề mới" --responsible "Bà Hoa" --due 2025-03-01 \
		--detail "Chi tiết" --note "Ghi chú"
	expect_eq "#13" "$(tq 'title, responsible, due, detail, note' 13)" "Tiêu đề mới|Bà Hoa|2025-03-01|Chi tiết|Ghi chú"
	expect_ok ntm task edit 13 --no-due
	expect_eq "#13 due" "$(tq 'due IS NULL' 13)" 1
	expect_ok ntm task edit 13 --title "Tiêu đề mới"
	expect_stdout_is "Nhiệm vụ #13 đã như vậy; không có gì thay đổi."
	expect_db "SELECT count(DISTINCT action_id) FROM audit WHERE verb = 'task.edit'" 5
}

case_task_edit_refusals() {
	fresh_db
	# the rule of the forms: a status chosen against the progress is refused
	expect_ok ntm task edit 12 --status "đang thực hiện" --progress 30
	expect_exit 2 ntm task edit 12 --status "chưa bắt đầu" --progress 50
	expect_eq "#12 unchanged" "$(tq 'status, progress' 12)" "dang_thuc_hien|30"
	expect_exit 2 ntm task edit 12 --progress 150
	expect_stderr_has "--progress cần một số nguyên từ 0 đến 100, không phải “150”"
	expect_exit 2 ntm task edit 12 --progress abc
	expect_exit 2 ntm task edit 12 --status "làm dở"
	expect_exit 2 ntm task edit 12
	expect_stderr_has "không có gì để sửa"
	expect_exit 2 ntm task edit 12 --due 2025-01-01 --no-due
	expect_exit 2 ntm task edit x12 --title a
	expect_stderr_has "số nhiệm vụ “x12” không hợp lệ: viết 12 hoặc #12"
	expect_exit 2 ntm task edit 0 --title a
	expect_exit 1 ntm task edit 999 --title a
	expect_stderr_has "999"
	expect_exit 2 ntm task edit 12 --title ""
	expect_exit 2 ntm task edit 12 --sector "Điện"
	expect_stderr_has "lệnh task edit không dùng tùy chọn --sector"
	expect_db "SELECT count(DISTINCT action_id) FROM audit" 1
}

case_task_done() {
	fresh_db
	expect_ok ntm task done 7
	expect_stdout_is "Nhiệm vụ #7 đã hoàn thành (100%)."
	expect_eq "#7" "$(tq 'status, progress' 7)" "hoan_thanh|100"
	expect_db "SELECT group_concat(DISTINCT verb) FROM audit" "task.edit"
	expect_ok ntm task done "#7"
	expect_stdout_is "Nhiệm vụ #7 đã như vậy; không có gì thay đổi."
	status_json
	expect_json 'd["tasks_done"]' 1
	expect_exit 2 ntm task done
	expect_exit 2 ntm task done 7 8
	expect_exit 1 ntm task done 71
}

case_task_remove() {
	fresh_db
	local title
	title=$(tq title 70)
	expect_ok ntm task remove 70
	expect_stdout_is "Đã xóa nhiệm vụ #70: $title"
	expect_db "SELECT count(*) FROM task" 69
	expect_db "SELECT group_concat(DISTINCT verb) FROM audit" "task.delete"
	expect_exit 1 ntm task remove 70
	expect_stderr_has "70"
	# a number is never given twice
	expect_ok ntm task add --sector "Điện" "Việc mới"
	expect_stdout_is "Đã thêm nhiệm vụ #71: Việc mới"
}

case_task_unknown_subcommand() {
	fresh_db
	expect_exit 2 ntm task ad --sector x y
	expect_stderr_has "lệnh task không có “ad”; có phải ý bạn là add? dùng: list, add, edit, done, remove"
	expect_exit 2 ntm task list --format xml
	expect_exit 2 ntm task list extra
	expect_ok ntm help task
	expect_stdout_first "Cách dùng: ntm task [list] [--sector LĨNH_VỰC] [--status TRẠNG_THÁI]"
}

case_task_two_plans() {
	fresh_db
	expect_ok ntm plan copy 2024 --number "15/KH-UBND"
	expect_ok ntm task done 1 --plan 2024
	expect_db "SELECT p.year, t.status FROM task t JOIN plan p ON p.id = t.plan_id WHERE t.number = 1 ORDER BY p.year" \
		"2024|hoan_thanh
2025|chua_bat_dau"
	expect_ok ntm task add --sector "Y tế" "Việc năm 2025"
	expect_stdout_is "Đã thêm nhiệm vụ #71: Việc năm 2025"
	expect_db "SELECT p.year FROM task t JOIN plan p ON p.id = t.plan_id WHERE t.title = 'Việc năm 2025'" 2025
	expect_ok ntm task list --plan 2024
	expect_stdout_first "Kế hoạch 32/KH-UBND năm 2024: 70 nhiệm vụ"
	expect_ok ntm task list
	expect_stdout_first "Kế hoạch 15/KH-UBND năm 2025: 71 nhiệm vụ"
	expect_stdout_match '^#1 .* \(từ 32/KH-UBND #1\)$'
}

case_task_output_sanitised() {
	fresh_db
	# text from the file may hold anything (another program wrote it)
	sqlite3 "$NTM_DB" "UPDATE task SET title = 'Việc ' || char(27) || ']0;x' || char(7) || ' lạ', responsible = char(27) || '[31mĐỏ' WHERE number = 1"
	expect_ok ntm task list
	expect_stdout_match '^#1 '
	grep -q $'\033' "$OUT" && fail "task list printed a raw ESC"
	expect_ok ntm task list --format csv
	grep -q $'\033' "$OUT" && fail "task list --format csv printed a raw ESC"
	expect_ok ntm task list --format json
	expect_json '[t["responsible"] for t in d if t["number"] == 1] == ["\x1b[31mĐỏ"]' true
	expect_ok ntm task remove 1
	grep -q $'\033' "$OUT" && fail "task remove printed a raw ESC"
	expect_exit 2 ntm task edit "$(printf '\033[2J')" --title x
	grep -q $'\033' "$ERR" && fail "an error printed a raw ESC"
	return 0
}

case_task_read_only() {
	fresh_db
	expect_exit 1 ntm --read-only task done 1
	expect_exit 1 ntm --read-only task add --sector "Điện" "Việc"
	expect_ok ntm --read-only task list --overdue
	expect_db "SELECT count(*) FROM audit" 0
}

# a task's difficulties (vướng mắc) and proposal (đề xuất), issue 12
case_task_issue_proposal() {
	fresh_db
	expect_ok ntm task edit 3 --issue "Thiếu vốn đối ứng" --proposal "$(printf 'Đề nghị huyện\nhỗ trợ 50%%')"
	expect_stdout_is "Đã sửa nhiệm vụ #3: chưa bắt đầu, 0%."
	expect_eq "#3" "$(tq 'issue, proposal' 3)" "Thiếu vốn đối ứng|Đề nghị huyện
hỗ trợ 50%"
	expect_db "SELECT count(*) FROM audit WHERE verb = 'task.edit' AND json_extract(after, '$.issue') = 'Thiếu vốn đối ứng'" 1
	expect_ok ntm task list
	expect_stdout_match '^#3 '
	expect_stdout_line "     Vướng mắc: Thiếu vốn đối ứng"
	expect_stdout_line "     Đề xuất: Đề nghị huyện␊hỗ trợ 50%"
	expect_stdout_lines 74
	# found by search, accents optional (indexed since schema 6)
	expect_ok ntm search "von doi ung"
	expect_stdout_match "Thiếu vốn đối ứng"
	expect_ok ntm task list --format json
	expect_json '[(t["issue"], t["proposal"]) for t in d if t["number"] == 3]' \
		'[["Thiếu vốn đối ứng", "Đề nghị huyện\nhỗ trợ 50%"]]'
	expect_json 'sorted(set(t["issue"] for t in d if t["number"] != 3))' '[null]'
	expect_ok ntm task list --format csv
	python3 - "$OUT" >"$T/csv.txt" 2>&1 <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
r = [x for x in rows if x[0] == "3"][0]
print(rows[0][-2:], r[-2:])
EOF
	expect_eq "CSV issue, proposal" "$(cat "$T/csv.txt")" \
		"['issue', 'proposal'] ['Thiếu vốn đối ứng', 'Đề nghị huyện\\nhỗ trợ 50%']"
	# the same again changes nothing; "" clears one, the other stays
	expect_ok ntm task edit 3 --issue "Thiếu vốn đối ứng"
	expect_stdout_is "Nhiệm vụ #3 đã như vậy; không có gì thay đổi."
	expect_ok ntm task edit 3 --issue ""
	expect_eq "#3 cleared" "$(tq 'issue IS NULL, proposal IS NOT NULL' 3)" "1|1"
	expect_ok ntm task list
	expect_stdout_not_has "Vướng mắc"
	expect_stdout_has "Đề xuất: Đề nghị huyện"
	expect_ok ntm task add --sector "Điện" "Việc mới" --issue "Chưa có mặt bằng"
	expect_eq "#71" "$(tq 'issue, proposal IS NULL' 71)" "Chưa có mặt bằng|1"
	expect_exit 2 ntm task edit 3 --issue "$(printf 'a\001b')"
	expect_stderr_has "vướng mắc"
	expect_exit 2 ntm task done 3 --issue x
	expect_db "SELECT count(DISTINCT action_id) FROM audit" 3
}

# A text that starts with "-" and a digit is text, not a negative number:
# --issue "-2 triệu" was refused as "giá trị không được âm" (a new user).
case_task_text_starting_with_minus_digit() {
	fresh_db
	expect_ok ntm task edit 2 --issue "-2 triệu" --note "-5 hộ chưa đồng ý" \
		--title "-5 hộ" --proposal "-0,3 ha" --responsible "-1 người"
	expect_eq "#2" "$(tq 'issue, note, title, proposal, responsible' 2)" \
		"-2 triệu|-5 hộ chưa đồng ý|-5 hộ|-0,3 ha|-1 người"
	expect_ok ntm task edit 2 --iss "-3 tỷ" --detail "-4 km"
	expect_eq "#2 abbreviated" "$(tq 'issue, detail' 2)" "-3 tỷ|-4 km"
	expect_exit 2 ntm task edit 2 --progress -5
	expect_stderr_has "giá trị không được âm: -5"
	expect_exit 2 ntm task edit -2 --note "x"
	expect_stderr_has "giá trị không được âm: -2"
	expect_exit 2 ntm task list --limit -1
	expect_stderr_has "giá trị không được âm: -1"
	expect_eq "#2 unchanged" "$(tq 'issue, note' 2)" "-3 tỷ|-5 hộ chưa đồng ý"
}
