# ntm plan: list, new, copy, use, edit, remove, export, import; the global
# --plan; ntm status naming the plan (issue 11).

PLAN24="32/KH-UBND"
TITLE25="Kế hoạch xây dựng NTM năm 2025"

# an empty commune with one plan of 2025, no tasks
empty_with_plan() {
	expect_ok ntm init --empty --commune "Tân Lập"
	expect_ok ntm plan new --year 2025 --number "01/KH-UBND" --date 15/1/2025 \
		--title "$TITLE25" --signer "Nguyễn Văn A"
}

# the built-in plan, task #1 done, then copied into 2025
copied() {
	fresh_db
	expect_ok ntm task done 1
	expect_ok ntm plan copy 2024 --number "15/KH-UBND" --date 2025-01-10
}

case_plan_list_builtin() {
	fresh_db
	expect_ok ntm plan list
	expect_stdout_match '^\* 2024  32/KH-UBND +12/03/2024 +0/70 +Kế hoạch'
	expect_stdout_line "* kế hoạch mặc định (đổi bằng ntm plan use)"
	expect_ok ntm plan
	expect_stdout_match '^\* 2024  32/KH-UBND'
	expect_ok ntm plan list --format json
	/usr/bin/python3 -c 'import json, sys; assert json.load(open(sys.argv[1], encoding="utf-8"))[0]["year"] == 2024' "$OUT" ||
		fail "plan list JSON not read by /usr/bin/python3"
	expect_json 'len(d)' 1
	expect_json 'd[0]["number"]' "$PLAN24"
	expect_json 'd[0]["year"]' 2024
	expect_json 'd[0]["issued_on"]' 2024-03-12
	expect_json 'd[0]["current"]' true
	expect_json 'd[0]["tasks_total"]' 70
	expect_json 'd[0]["tasks_done"]' 0
	expect_json 'd[0]["criteria_set"]' ntm
	expect_json 'd[0]["title"] == "'"$(q 'SELECT title FROM plan')"'"' true
}

case_plan_list_empty_commune() {
	expect_ok ntm init --empty --commune "Tân Lập"
	expect_ok ntm plan list
	expect_stdout_first "Xã chưa có kế hoạch nào; tạo bằng: ntm plan new --year NĂM --number SỐ --title TÊN"
	expect_ok ntm plan list --format json
	expect_stdout_is "[]"
}

case_status_empty_commune_names_no_plan() {
	expect_ok ntm init --empty --commune "Tân Lập"
	expect_ok ntm status
	expect_stdout_first "Xã Tân Lập — chưa có kế hoạch"
	status_json
	expect_json 'd["plan"]' null
}

case_plan_new_in_empty_commune() {
	empty_with_plan
	expect_stdout_is "Đã tạo kế hoạch 01/KH-UBND năm 2025 (chưa có nhiệm vụ)."
	expect_db "SELECT year, number, issued_on, title, signer FROM plan" \
		"2025|01/KH-UBND|2025-01-15|$TITLE25|Nguyễn Văn A"
	expect_db "SELECT group_concat(DISTINCT verb) FROM audit WHERE entity = 'plan'" "plan.new"
	expect_ok ntm status
	expect_stdout_first "Xã Tân Lập — Kế hoạch 01/KH-UBND năm 2025"
	status_json
	expect_json 'd["plan"]' '{"number": "01/KH-UBND", "year": 2025, "title": "'"$TITLE25"'"}'
	expect_ok ntm task list
	expect_stdout_first "Kế hoạch 01/KH-UBND năm 2025: 0 nhiệm vụ"
	expect_stdout_line "Không có nhiệm vụ nào."
}

case_plan_new_refusals() {
	expect_ok ntm init --empty --commune "Tân Lập"
	expect_exit 2 ntm plan new --number "01/KH-UBND" --title "KH"
	expect_stderr_has "--year"
	expect_exit 2 ntm plan new --year 2025 --title "KH"
	expect_stderr_has "--number"
	expect_exit 2 ntm plan new --year 2025 --number 1
	expect_stderr_has "--title"
	expect_exit 2 ntm plan new --year 20x5 --number 1 --title "KH"
	expect_stderr_has "--year cần một năm (ví dụ 2025), không phải “20x5”"
	expect_exit 2 ntm plan new --year 2025 --number 1 --title "KH" --force
	expect_stderr_has "lệnh plan new không dùng tùy chọn --force"
	expect_exit 2 ntm plan new --year 2025 --number 1 --title "KH" --date 1/1/2025 --no-date
	expect_exit 2 ntm plan new extra --year 2025 --number 1 --title "KH"
	expect_exit 2 ntm plan new --year 1850 --number 1 --title "KH"
	expect_exit 2 ntm plan new --year 2025 --number 1 --title "KH" --date 31/2/2025
	expect_db "SELECT count(*) FROM plan" 0
	expect_db "SELECT count(*) FROM audit" 0
}

case_plan_new_duplicate_refused() {
	fresh_db
	expect_exit 1 ntm plan new --year 2024 --number "32/kh-ubnd" --title "Lần nữa"
	expect_stderr_has "32/KH-UBND"
	expect_db "SELECT count(*) FROM plan" 1
	# another number in the same year is another plan
	expect_ok ntm plan new --year 2024 --number "40/KH-UBND" --title "Bổ sung"
	expect_stdout_line "Đã tạo kế hoạch 40/KH-UBND năm 2024 (chưa có nhiệm vụ)."
	expect_db "SELECT count(*) FROM plan" 2
	# a year with two plans is named by number
	expect_exit 2 ntm status --plan 2024
	expect_stderr_has "32/KH-UBND"
	expect_stderr_has "40/KH-UBND"
}

case_plan_new_older_year_not_default() {
	fresh_db
	expect_ok ntm plan new --year 2023 --number "5/KH-UBND" --title "Năm 2023"
	expect_stdout_line "Kế hoạch mặc định vẫn là 32/KH-UBND năm 2024; đổi bằng: ntm plan use 5/KH-UBND (hoặc xem bằng --plan 5/KH-UBND)."
	expect_ok ntm plan list
	expect_stdout_match '^\* 2024'
	expect_stdout_match '^  2023  5/KH-UBND'
}

case_plan_copy_carries_unfinished() {
	copied
	local total open targets own
	total=$(q "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024")
	open=$(q "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024 AND t.status <> 'hoan_thanh'")
	targets=$(q "SELECT count(*) FROM plan_target t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024")
	own=$(q "SELECT count(*) FROM indicator i JOIN plan p ON p.id = i.plan_id WHERE p.year = 2024")
	expect_eq "open tasks of 2024" "$open" 69
	expect_stdout_first "Đã lập kế hoạch 15/KH-UBND năm 2025 từ 32/KH-UBND: chuyển $open nhiệm vụ chưa hoàn thành, $targets chỉ tiêu kế hoạch, $own chỉ tiêu riêng."
	expect_db "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2025" "$open"
	expect_db "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024" "$total"
	expect_db "SELECT issued_on FROM plan WHERE year = 2025" 2025-01-10
	expect_db "SELECT group_concat(DISTINCT verb) FROM audit WHERE verb LIKE 'plan.%'" "plan.copy"
	# the new one is the newest: every command reads it by default
	expect_ok ntm status
	expect_stdout_match '^Xã Việt Hưng .* — Kế hoạch 15/KH-UBND năm 2025$'
	expect_ok ntm task list --format json
	expect_json 'len(d)' "$open"
	expect_json 'sorted(set(t["from"] for t in d))' '["32/KH-UBND"]'
	expect_json 'all(isinstance(t["from_number"], int) and t["from_number"] > 1 for t in d)' true
	local first
	first=$(q "SELECT title FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2024 AND t.number = 1")
	expect_json "[t for t in d if t['title'] == '''$first''']" "[]"
	# the old one stays viewable
	expect_ok ntm task list --plan 2024 --format json
	expect_json 'len(d)' "$total"
	expect_json 'sorted(set(t["from"] for t in d))' '[null]'
	expect_json '[t["status"] for t in d if t["number"] == 1]' '["hoan_thanh"]'
	expect_ok ntm status --plan 2024
	expect_stdout_match '— Kế hoạch 32/KH-UBND năm 2024$'
	expect_ok ntm status --plan "15/kh-ubnd" --format json
	expect_json 'd["plan"]["year"]' 2025
	expect_json 'd["tasks_total"]' "$open"
	expect_ok ntm plan list --format json
	expect_json '[(p["year"], p["current"]) for p in d]' '[[2025, true], [2024, false]]'
	expect_json 'd[0]["title"]' "$(q 'SELECT replace(title, "2024", "2025") FROM plan WHERE year = 2024')"
}

case_plan_copy_title_year_and_refusals() {
	fresh_db
	expect_exit 2 ntm plan copy 2024
	expect_stderr_has "--number"
	expect_exit 2 ntm plan copy --number 1
	expect_exit 2 ntm plan copy 2019 --number "1/KH"
	expect_stderr_has "32/KH-UBND"
	expect_exit 1 ntm plan copy 2024 --number "32/KH-UBND" --year 2024
	expect_db "SELECT count(*) FROM plan" 1
	expect_ok ntm plan copy "32/KH-UBND" --number "2/KH" --year 2026 --title "Kế hoạch riêng"
	expect_stdout_match '^Đã lập kế hoạch 2/KH năm 2026 từ 32/KH-UBND: chuyển 70 nhiệm vụ'
	expect_db "SELECT title FROM plan WHERE year = 2026" "Kế hoạch riêng"
}

case_plan_use_remembered() {
	copied
	expect_ok ntm plan use 2024
	expect_stdout_is "Từ nay mặc định dùng kế hoạch 32/KH-UBND năm 2024."
	expect_ok ntm status
	expect_stdout_match '— Kế hoạch 32/KH-UBND năm 2024$'
	expect_ok ntm task list
	expect_stdout_first "Kế hoạch 32/KH-UBND năm 2024: 70 nhiệm vụ"
	expect_ok ntm plan list --format json
	expect_json '[(p["year"], p["current"]) for p in d]' '[[2025, false], [2024, true]]'
	# a preference: not in the audit log
	expect_db "SELECT count(*) FROM audit WHERE entity = 'plan_choice'" 0
	# --plan still picks another for one command
	expect_ok ntm --plan 2025 status
	expect_stdout_match '— Kế hoạch 15/KH-UBND năm 2025$'
	expect_ok ntm plan use --clear
	expect_stdout_is "Đã bỏ chọn; mặc định dùng kế hoạch mới nhất: 15/KH-UBND năm 2025."
	expect_ok ntm status
	expect_stdout_match '— Kế hoạch 15/KH-UBND năm 2025$'
}

case_plan_use_refusals() {
	fresh_db
	expect_exit 1 ntm --read-only plan use 2024
	expect_exit 1 ntm --read-only plan new --year 2025 --number 1 --title "KH"
	expect_db "SELECT count(*) FROM plan_choice" 0
	expect_exit 2 ntm plan use
	expect_stderr_has "--clear"
	expect_exit 2 ntm plan use 2024 --clear
	expect_exit 2 ntm plan use 2030
	expect_stderr_has "32/KH-UBND"
	expect_exit 2 ntm plan use 2024 2025
}

case_plan_edit() {
	fresh_db
	expect_ok ntm plan edit 2024 --title "Kế hoạch mới" --signer "Trần Thị B"
	expect_stdout_is "Đã sửa kế hoạch 32/KH-UBND năm 2024."
	expect_db "SELECT title, signer FROM plan" "Kế hoạch mới|Trần Thị B"
	expect_db "SELECT group_concat(DISTINCT verb) FROM audit WHERE entity = 'plan'" "plan.edit"
	expect_ok ntm plan edit "32/KH-UBND" --no-date --number "33/KH-UBND"
	expect_stdout_is "Đã sửa kế hoạch 33/KH-UBND năm 2024."
	expect_db "SELECT number, issued_on IS NULL FROM plan" "33/KH-UBND|1"
	expect_ok ntm plan edit 2024 --title "Kế hoạch mới"
	expect_stdout_is "Kế hoạch 33/KH-UBND năm 2024 đã như vậy; không có gì thay đổi."
	expect_exit 2 ntm plan edit 2024
	expect_stderr_has "không có gì để sửa"
	expect_exit 2 ntm plan edit 2024 --date 1/1/2024 --no-date
	expect_exit 2 ntm plan edit --title X
	expect_exit 2 ntm plan edit 2024 --title "$(printf 'a\nb')"
	expect_db "SELECT title FROM plan" "Kế hoạch mới"
}

case_plan_remove_needs_force() {
	fresh_db
	expect_exit 1 ntm plan remove 2024
	expect_stderr_has "kế hoạch 32/KH-UBND năm 2024 còn 70 nhiệm vụ; thêm --force"
	expect_db "SELECT count(*) FROM plan" 1
	expect_db "SELECT count(*) FROM task" 70
	expect_ok ntm plan remove 2024 --force
	expect_stdout_is "Đã xóa kế hoạch 32/KH-UBND năm 2024 cùng 70 nhiệm vụ."
	expect_db "SELECT count(*) FROM plan" 0
	expect_db "SELECT count(*) FROM task" 0
	expect_ok ntm status
	expect_stdout_match '— chưa có kế hoạch$'
	expect_exit 1 ntm task list
	expect_stderr_has "xã chưa có kế hoạch nào; tạo bằng: ntm plan new"
}

case_plan_remove_empty_plan() {
	empty_with_plan
	expect_ok ntm plan remove 2025
	expect_stdout_is "Đã xóa kế hoạch 01/KH-UBND năm 2025."
	expect_db "SELECT count(*) FROM plan" 0
	expect_exit 2 ntm plan remove
	expect_exit 2 ntm plan remove 2025 --title x
}

case_plan_unknown_subcommand() {
	fresh_db
	expect_exit 2 ntm plan lits
	expect_stderr_has "lệnh plan không có “lits”; có phải ý bạn là list? dùng: list, new, copy, use, edit, remove, export, import"
	expect_exit 2 ntm plan zzzzzz
	expect_stderr_not_has "có phải"
	expect_exit 2 ntm plan list extra
	expect_exit 2 ntm plan list --format csv
	expect_exit 2 ntm log --plan 2024
	expect_stderr_has "lệnh log không dùng tùy chọn --plan"
}

case_plan_help() {
	expect_ok ntm help plan
	expect_stdout_first "Cách dùng: ntm plan [list] [--format text|json]"
	expect_stdout_has "ntm plan copy TỪ --number SỐ"
	expect_ok ntm plan --help
	expect_stdout_first "Cách dùng: ntm plan [list] [--format text|json]"
	expect_ok ntm help
	expect_stdout_has "  plan       các kế hoạch của xã"
	expect_stdout_has "  --plan KH"
}

case_global_plan_unknown() {
	fresh_db
	expect_exit 2 ntm status --plan 2030
	expect_stderr_has "32/KH-UBND"
	expect_exit 2 ntm task list --plan "99/XX"
	expect_ok ntm target 12.2 90 --plan 2024
	expect_db "SELECT count(*) FROM audit WHERE verb = 'target'" 1
}

case_target_follows_plan() {
	copied
	expect_ok ntm target 12.2 95 --plan 2024
	expect_ok ntm status --plan 2024 --format json
	expect_json 'ind("12.2")["plan_target"]' 95
	expect_ok ntm status --format json
	expect_json 'ind("12.2")["plan_target"]' 85
}

case_plan_output_sanitised() {
	fresh_db
	sqlite3 "$NTM_DB" "UPDATE plan SET title = 'Kế hoạch ' || char(27) || '[2Jxấu'"
	expect_ok ntm plan list
	grep -q $'\033' "$OUT" && fail "plan list printed a raw ESC"
	expect_ok ntm plan list --format json
	expect_json 'd[0]["title"]' "$(printf 'Kế hoạch \033[2Jxấu')"
	expect_exit 2 ntm status --plan "$(printf '\033[31m')"
	grep -q $'\033' "$ERR" && fail "an error printed a raw ESC"
	return 0
}

case_plan_export_import_refusals() {
	expect_ok ntm init --empty --commune "Tân Lập"
	expect_exit 1 ntm plan export
	expect_stderr_has "xã chưa có kế hoạch nào; tạo bằng: ntm plan new"
	fresh_db
	expect_exit 2 ntm plan export 2030
	expect_stderr_has "32/KH-UBND"
	expect_exit 2 ntm plan export 2024 2025
	expect_exit 2 ntm plan export --dry-run
	expect_stderr_has "lệnh plan export không dùng tùy chọn --dry-run"
	expect_exit 2 ntm plan import
	expect_exit 2 ntm plan import "$T/plan.txt" --out x
	expect_stderr_has "lệnh plan import không dùng tùy chọn --out"
	expect_exit 1 ntm plan import "$T/nosuch.txt" --dry-run
	expect_db "SELECT count(*) FROM plan" 1
	expect_db "SELECT count(*) FROM audit" 0
}

# A plan exported from one file and imported into an empty commune of the
# same name: the same plan (man 5 ntm-plan).
case_plan_export_import() {
	fresh_db
	expect_ok ntm plan export
	cp "$OUT" "$T/plan.txt"
	expect_stdout_has "32/KH-UBND"
	expect_ok ntm plan export 2024 --out "$T/out.txt"
	expect_stdout_is "Đã xuất kế hoạch 32/KH-UBND năm 2024 ra $T/out.txt."
	cmp -s "$T/plan.txt" "$T/out.txt" || fail "export to stdout and to --out differ"
	expect_ok ntm init --empty --commune "Việt Hưng" --force
	expect_ok ntm plan import "$T/plan.txt" --dry-run
	expect_stdout_match "^Kế hoạch trong .*plan.txt hợp lệ; chưa ghi gì. Khi nhập sẽ tạo: 70 nhiệm vụ, "
	expect_db "SELECT count(*) FROM plan" 0
	expect_ok ntm plan import "$T/plan.txt"
	expect_stdout_match "^Đã nhập kế hoạch 32/KH-UBND năm 2024: 70 nhiệm vụ, "
	expect_db "SELECT count(*) FROM task" 70
	expect_exit 1 ntm plan import "$T/plan.txt"
	expect_db "SELECT count(*) FROM plan" 1
	expect_exit 1 ntm plan import "$T/nosuch.txt"
	expect_exit 2 ntm plan import
}

# Carried-over tasks keep where they came from through export → import
# into a fresh file → export ("Chuyển từ: 32/KH-UBND #N", man 5 ntm-plan).
case_plan_export_import_carried() {
	copied
	local n
	n=$(q "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2025")
	expect_ok ntm plan export 2025 --out "$T/2025.txt"
	expect_eq "Chuyển từ lines" "$(grep -c '^Chuyển từ: 32/KH-UBND #[0-9]*$' "$T/2025.txt")" "$n"
	grep -q '^Chuyển từ: 32/KH-UBND #1$' "$T/2025.txt" && fail "task #1 was done, not carried"
	expect_ok ntm init --empty --commune "Việt Hưng" --force
	expect_ok ntm plan import "$T/2025.txt"
	expect_db "SELECT count(*) FROM task WHERE carried_from IS NULL AND carried_from_text LIKE '32/KH-UBND #%'" "$n"
	expect_ok ntm task list --format json
	expect_json 'len(d)' "$n"
	expect_json 'sorted(set(t["from"] for t in d))' '["32/KH-UBND"]'
	expect_json 'sorted(t["from_number"] for t in d) == list(range(2, 71))' true
	expect_ok ntm task list
	expect_stdout_has "(từ 32/KH-UBND #2)"
	expect_ok ntm plan export 2025 --out "$T/again.txt"
	cmp -s "$T/2025.txt" "$T/again.txt" || fail "export → import → export changed the text"
	# with the earlier plan in the file, the import links the tasks
	fresh_db
	expect_ok ntm plan import - < "$T/2025.txt"
	expect_db "SELECT count(*) FROM task t JOIN task f ON f.id = t.carried_from JOIN plan p ON p.id = f.plan_id WHERE p.year = 2024 AND f.number > 1 AND t.carried_from_text IS NULL" "$n"
	expect_ok ntm plan export 2025 --out "$T/linked.txt"
	cmp -s "$T/2025.txt" "$T/linked.txt" || fail "a linked import exports other text"
	# standard input is named as such in messages
	printf 'Số: 1\n' | expect_exit 2 ntm plan import -
	expect_stderr_has "ntm: đầu vào chuẩn:1: phần đầu tệp thiếu khóa “Năm”"
}

# A file with two communes: every command asks which (--unit), a commune
# is found by its name with or without "Xã", and plans stay apart.
case_two_communes() {
	expect_ok ntm init --empty --commune "Tân Lập"
	sqlite3 "$NTM_DB" "INSERT INTO unit(id, level, name) VALUES (lower(hex(randomblob(16))), 'xa', 'Xã Hòa Bình')"
	expect_exit 2 ntm plan list
	expect_stderr_has "tệp có nhiều xã, hãy chọn bằng --unit: Tân Lập, Xã Hòa Bình"
	expect_ok ntm --unit "hoa binh" plan new --year 2026 --number 1/KH-UBND --title "Kế hoạch năm 2026"
	expect_ok ntm --unit "Xã Hòa Bình" status
	expect_stdout_first "Xã Hòa Bình — Kế hoạch 1/KH-UBND năm 2026"
	expect_ok ntm --unit "xa tan lap" status
	expect_stdout_first "Xã Tân Lập — chưa có kế hoạch"
}

# A task's Vướng mắc and Đề xuất (issue 12) go through plan copy, export
# → import into a fresh file → export, the same bytes.
case_plan_export_import_issue() {
	fresh_db
	expect_ok ntm task edit 2 --issue "$(printf 'Thiếu vốn\ndòng 2')" --proposal "Xin hỗ trợ"
	expect_ok ntm plan copy 2024 --number "15/KH-UBND" --date 2025-01-10
	expect_ok ntm plan export 2025 --out "$T/2025.txt"
	grep -q -x 'Vướng mắc: Thiếu vốn' "$T/2025.txt" || fail "no Vướng mắc line"
	grep -q -x ' dòng 2' "$T/2025.txt" || fail "no continuation line"
	grep -q -x 'Đề xuất: Xin hỗ trợ' "$T/2025.txt" || fail "no Đề xuất line"
	expect_ok ntm init --empty --commune "Việt Hưng" --force
	expect_ok ntm plan import "$T/2025.txt"
	expect_db "SELECT number, issue, proposal FROM task WHERE issue IS NOT NULL OR proposal IS NOT NULL" "2|Thiếu vốn
dòng 2|Xin hỗ trợ"
	expect_ok ntm plan export 2025 --out "$T/again.txt"
	cmp -s "$T/2025.txt" "$T/again.txt" || fail "export → import → export changed the text"
}
