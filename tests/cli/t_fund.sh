# ntm fund: the money of the plan's tasks (issue 15) — planned capital by
# source, total cost, entries received/paid/completed, reversing entries,
# the sources; list and summary as text, JSON and CSV; the refusals; undo;
# every kind of file (built-in plan, --empty, several communes, district).

# entries: the number of rows in fund_entry.
entries() { q 'SELECT count(*) FROM fund_entry' "${1:-$NTM_DB}"; }

# cost_of N: task #N's total cost (budget_planned, a REAL column since
# schema 1) in the 2024 plan, as an integer.
cost_of() {
	q "SELECT ifnull(CAST(budget_planned AS INTEGER), 'null') FROM task WHERE number = $1 AND
		plan_id = (SELECT id FROM plan WHERE year = 2024)"
}

# code_of KIND AMOUNT: the 8-digit code of the entry of that kind and amount.
code_of() {
	q "SELECT substr(id, 1, 8) FROM fund_entry WHERE kind = '$1' AND amount = $2"
}

# A known series: #5 (giao_thong) plans 800 tr from the province and
# 200 tr from the commune, costs 1,2 tỷ, received 500 tr, paid 300 tr,
# completed 400 tr (debt 100 tr); #7 (thuy_loi) received and paid 100 tr
# from the district, completed 50 tr (overpaid: debt 0, never -50).
series() {
	expect_ok ntm fund cost 5 1,2 tỷ
	expect_ok ntm fund plan 5 --source "ngan sach tinh" 800 triệu
	expect_ok ntm fund plan "#5" --source ns_xa 200tr
	expect_ok ntm fund add 5 --kind received --source ns_tinh 500 triệu --date 2024-03-01
	expect_ok ntm fund add 5 --kind paid --source ns_tinh 300.000.000 --date 2024-04-01
	expect_ok ntm fund add 5 --kind completed 400 triệu --date 2024-05-01
	expect_ok ntm fund add 7 --kind received --source "ngân sách huyện" 100 triệu
	expect_ok ntm fund add 7 --kind paid --source ns_huyen 100000000
	expect_ok ntm fund add 7 --kind completed 50 triệu
}

# expect_fits_80 WHAT: no line of stdout is wider than 80 columns (the
# text has no wide characters: one code point, one column).
expect_fits_80() {
	/usr/bin/python3 -c 'import sys; sys.exit(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")) > 80)' "$OUT" ||
		fail "$1 wider than 80 columns"
}

case_fund_help() {
	fresh_db
	expect_ok ntm fund
	expect_stdout_first "Cách dùng: ntm fund plan NHIỆM_VỤ --source NGUỒN SỐ_TIỀN"
	expect_stdout_line "  ntm fund add 5 --kind paid --source ns_tinh 250 triệu --date 15/3/2024"
	local lines
	lines=$(wc -l <"$OUT")
	expect_ok ntm fund --help
	expect_stdout_lines "$lines"
	expect_ok ntm help fund
	expect_stdout_first "Cách dùng: ntm fund plan NHIỆM_VỤ --source NGUỒN SỐ_TIỀN"
	expect_ok ntm help
	expect_stdout_match '^  fund +vốn của nhiệm vụ'
	expect_exit 2 ntm fund lst
	expect_stderr_has "có phải ý bạn là list?"
	expect_db "SELECT count(*) FROM audit" 0
}

case_fund_amount_forms() {
	fresh_db
	local form want
	while IFS='|' read -r form want; do
		# shellcheck disable=SC2086 # the words unquoted, as people type them
		expect_ok ntm fund cost 5 $form
		expect_eq "cost \"$form\"" "$(cost_of 5)" "$want"
	done <<'EOF'
250.000.000|250000000
1|1
250000000 đ|250000000
250 000 000|250000000
250 triệu|250000000
1,5 tỷ|1500000000
1.5 tỷ|1500000000
800 nghìn|800000
800 ngàn|800000
250tr|250000000
800k|800000
1 tỷ 200 triệu|1200000000
2 ty|2000000000
EOF
	expect_ok ntm fund cost 5 "1,25 tỷ"
	expect_stdout_is "Đã đặt tổng mức đầu tư của nhiệm vụ #5: 1.250.000.000 đ."
	expect_ok ntm fund cost 5 1.250.000.000
	expect_stdout_is "Nhiệm vụ #5 đã như vậy; không có gì thay đổi."
	expect_ok ntm fund cost 5 --clear
	expect_stdout_is "Đã bỏ tổng mức đầu tư của nhiệm vụ #5."
	expect_eq "cost cleared" "$(cost_of 5)" null
	expect_db "SELECT count(DISTINCT action_id) FROM audit WHERE verb = 'fund.cost'" 11
}

case_fund_amount_refusals() {
	fresh_db
	expect_exit 2 ntm fund add 5 --kind paid --source ns_tinh -5 triệu
	expect_stderr_has "số tiền “-5 triệu”: số tiền không được âm"
	expect_stderr_has "bút toán đảo"
	expect_stderr_not_has "giá trị không được âm"
	expect_exit 2 ntm fund add 5 --kind paid --source ns_tinh -- -5 tr
	expect_stderr_has "số tiền “-5 tr”: số tiền không được âm"
	expect_stderr_has "bút toán đảo"
	expect_exit 2 ntm fund add 5 --kind paid --source ns_tinh 5 quả
	expect_stderr_has "số tiền “5 quả”: không đọc được số tiền"
	expect_exit 2 ntm fund add 5 --kind paid --source ns_tinh 1,5
	expect_stderr_has "phần lẻ dưới một đồng"
	expect_exit 2 ntm fund add 5 --kind paid --source ns_tinh 2000000 tỷ
	expect_stderr_has "quá lớn"
	expect_exit 2 ntm fund add 5 --kind paid --source ns_tinh
	expect_stderr_has "thiếu SỐ_TIỀN"
	expect_exit 2 ntm fund cost 5 abc
	expect_exit 2 ntm fund cost 5 --clear 5 tr
	expect_stderr_has "--clear"
	expect_exit 2 ntm fund plan 5 --source ns_tinh -- -1
	expect_exit 2 ntm fund cost x 5 tr
	expect_stderr_has "số nhiệm vụ “x” không hợp lệ"
	expect_exit 1 ntm fund cost 999 5 tr
	expect_eq "entries" "$(entries)" 0
	expect_db "SELECT count(*) FROM fund_plan" 0
	expect_db "SELECT count(*) FROM audit" 0
	expect_eq "cost untouched" "$(cost_of 5)" null
}

case_fund_plan() {
	fresh_db
	expect_ok ntm fund plan 5 --source "ngan sach tinh" 800 triệu
	expect_stdout_is "Đã đặt kế hoạch vốn của nhiệm vụ #5 từ Ngân sách tỉnh: 800.000.000 đ."
	expect_db "SELECT s.code, p.amount FROM fund_plan p JOIN fund_source s ON s.id = p.source_id" "ns_tinh|800000000"
	expect_ok ntm fund plan 5 --source ns_tinh 800.000.000
	expect_stdout_is "Nhiệm vụ #5 đã như vậy; không có gì thay đổi."
	expect_ok ntm fund plan 5 --source "Ngân sách tỉnh" 900 triệu
	expect_db "SELECT amount FROM fund_plan" 900000000
	expect_exit 2 ntm fund plan 5 900 triệu
	expect_stderr_has "cần --source"
	expect_exit 2 ntm fund plan 5 --source "ngan sach tinhh" 1 tỷ
	expect_stderr_has "Ngân sách tỉnh"
	expect_ok ntm fund plan 5 --source ns_tinh --clear
	expect_stdout_is "Đã bỏ kế hoạch vốn của nhiệm vụ #5 từ Ngân sách tỉnh."
	expect_db "SELECT count(*) FROM fund_plan" 0
	expect_exit 1 ntm fund plan 5 --source ns_tinh --clear
	expect_db "SELECT count(DISTINCT action_id) FROM audit WHERE verb = 'fund.plan'" 3
}

case_fund_add() {
	fresh_db
	expect_ok ntm fund add 5 --kind received --source ns_tinh 500 triệu --doc "UNC 12" \
		--note "đợt 1" --date 15/3/2024
	expect_stdout_match '^Đã ghi nhận vốn 500\.000\.000 đ cho nhiệm vụ #5 từ Ngân sách tỉnh, ngày 15/03/2024 \(mã [0-9a-f]{8}\)\.$'
	expect_db "SELECT kind, amount, on_date, doc, note, s.code FROM fund_entry e
		JOIN fund_source s ON s.id = e.source_id" "received|500000000|2024-03-15|UNC 12|đợt 1|ns_tinh"
	local code
	code=$(code_of received 500000000)
	expect_stdout_has "(mã $code)"
	# no --date: today; kinds in Vietnamese too
	expect_ok ntm fund add 5 --kind "giải ngân" --source ns_tinh 100 triệu
	expect_stdout_has "ngày $(today_dmy)"
	expect_db "SELECT kind, on_date FROM fund_entry WHERE amount = 100000000" "paid|$(today)"
	expect_ok ntm fund add 5 --kind "hoan thanh" 80 triệu
	expect_stdout_match '^Đã ghi khối lượng hoàn thành 80\.000\.000 đ cho nhiệm vụ #5, ngày '
	expect_ok ntm fund add 5 --kind "nhận vốn" --source ns_xa 1 triệu
	expect_db "SELECT group_concat(kind, ',') FROM (SELECT kind FROM fund_entry ORDER BY amount)" \
		"received,completed,paid,received"
	expect_db "SELECT count(DISTINCT action_id) FROM audit WHERE verb = 'fund.add'" 4
}

case_fund_add_refusals() {
	fresh_db
	expect_exit 2 ntm fund add 5 --source ns_tinh 5 triệu
	expect_stderr_has "cần --kind: received (nhận vốn), paid (giải ngân), completed (khối lượng hoàn thành)"
	expect_exit 2 ntm fund add 5 --kind spent --source ns_tinh 5 triệu
	expect_stderr_has "loại “spent” không có"
	expect_exit 2 ntm fund add 5 --kind paid --source ns_tinh 5 triệu --date 2099-01-01
	expect_stderr_has "tương lai"
	expect_exit 2 ntm fund add 5 --kind paid --source "ngan sach tinhh" 5 triệu
	expect_stderr_has "không có nguồn vốn “ngan sach tinhh”; gần giống: Ngân sách tỉnh"
	expect_exit 2 ntm fund add 5 --kind paid 5 triệu
	expect_stderr_has "cần nêu nguồn vốn"
	expect_exit 2 ntm fund add 5 --kind received --source ns_tinh 0
	expect_exit 1 ntm fund add 999 --kind completed 5 triệu
	expect_exit 2 ntm fund add 5 --kind paid --source ns_tinh 5 triệu --reason x
	expect_stderr_has "--reason"
	expect_eq "entries" "$(entries)" 0
	expect_db "SELECT count(*) FROM audit" 0
}

case_fund_paid_beyond_received() {
	fresh_db
	expect_ok ntm fund add 5 --kind received --source ns_tinh 500 triệu
	expect_exit 1 ntm fund add 5 --kind paid --source ns_tinh 600 triệu
	expect_stderr_has "vượt số đã nhận 500.000.000 đ"
	expect_stderr_has "chưa ghi gì; nếu đúng là vậy, thêm --force để vẫn ghi"
	expect_eq "nothing recorded" "$(entries)" 1
	expect_exit 1 ntm fund add 7 --kind paid --source ns_tinh 1 triệu
	expect_eq "nothing received for #7" "$(entries)" 1
	expect_ok ntm fund add 5 --kind paid --source ns_tinh 600 triệu --force
	expect_stdout_match '^Đã ghi giải ngân 600\.000\.000 đ cho nhiệm vụ #5 '
	expect_stdout_match '^Lưu ý: .*vượt.* — vẫn ghi vì có --force\.$'
	expect_eq "recorded with --force" "$(entries)" 2
	expect_db "SELECT amount FROM fund_entry WHERE kind = 'paid'" 600000000
	# within what was received: no warning
	expect_ok ntm fund add 5 --kind received --source ns_tinh 200 triệu
	expect_ok ntm fund add 5 --kind paid --source ns_tinh 100 triệu
	expect_stdout_not_has "Lưu ý"
}

case_fund_summary_json() {
	fresh_db
	series
	expect_ok ntm fund summary --format json
	/usr/bin/python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$OUT" ||
		fail "summary JSON not read by /usr/bin/python3"
	expect_json '[d[k] for k in ("planned", "received", "paid", "completed", "debt", "cost")]' \
		'[1000000000, 600000000, 400000000, 450000000, 100000000, 1200000000]'
	expect_json 'd["disbursed_percent"]' 40
	expect_json 'all(type(d[k]) is int for k in ("planned", "received", "paid", "completed", "debt", "cost"))' true
	expect_json 'sorted(d.keys())' '["by_sector", "by_source", "by_task", "completed", "cost", "debt", "disbursed_percent", "earlier_debt", "paid", "planned", "received", "tasks"]'
	expect_json 'len(d["by_source"])' 10
	expect_json 'sorted(d["by_source"][0].keys())' '["completed", "debt", "name", "paid", "planned", "received", "source"]'
	expect_json '[(s["planned"], s["received"], s["paid"]) for s in d["by_source"] if s["source"] == "ns_tinh"]' \
		'[[800000000, 500000000, 300000000]]'
	expect_json '[s["name"] for s in d["by_source"] if s["source"] == "ns_tinh"][0]' "Ngân sách tỉnh"
	expect_json '[(s["planned"], s["received"], s["paid"]) for s in d["by_source"] if s["source"] == "ns_huyen"]' \
		'[[0, 100000000, 100000000]]'
	expect_json '[(s["source"], s["planned"]) for s in d["by_source"] if s["source"] == "ns_xa"]' '[["ns_xa", 200000000]]'
	expect_json '[(t["task"], t["cost"], t["planned"], t["received"], t["paid"], t["completed"], t["debt"]) for t in d["by_task"]]' \
		'[[5, 1200000000, 1000000000, 500000000, 300000000, 400000000, 100000000], [7, null, 0, 100000000, 100000000, 50000000, 0]]'
	expect_json 'd["by_task"][0]["title"] == "'"$(q "SELECT title FROM task WHERE number = 5")"'"' true
	expect_json 'sorted((s["sector"], s["paid"], s["debt"]) for s in d["by_sector"])' \
		'[["giao_thong", 300000000, 100000000], ["thuy_loi", 100000000, 0]]'
	expect_json '[s["name"] for s in d["by_sector"] if s["sector"] == "giao_thong"][0]' "Giao thông"
	expect_json 'd["tasks"]' 2
	# --by changes only the text and CSV: the JSON has every grouping
	expect_ok ntm fund summary --format json --by task
	expect_json 'len(d["by_source"]), len(d["by_task"]), len(d["by_sector"])' '[10, 2, 2]'
}

case_fund_summary_text_csv() {
	fresh_db
	series
	expect_ok ntm fund summary
	expect_stdout_first "Vốn của kế hoạch 32/KH-UBND năm 2024 (2 nhiệm vụ có vốn)"
	expect_stdout_match '^Tổng mức đầu tư +1\.200\.000\.000 đ$'
	expect_stdout_match '^Kế hoạch vốn +1\.000\.000\.000 đ$'
	expect_stdout_match '^Đã nhận +600\.000\.000 đ$'
	expect_stdout_match '^Đã giải ngân +400\.000\.000 đ$'
	expect_stdout_match '^Tỷ lệ giải ngân +40%$'
	expect_stdout_match '^Khối lượng hoàn thành +450\.000\.000 đ$'
	expect_stdout_match '^Nợ đọng +100\.000\.000 đ$'
	expect_stdout_line "Theo nguồn vốn:"
	expect_stdout_match '^Ngân sách tỉnh +800 tr +500 tr +300 tr$'
	grep -q '^Nguồn vốn .*Hoàn thành' "$OUT" && fail "by source shows Hoàn thành"
	expect_stdout_not_has "Vốn tín dụng"
	expect_fits_80 "summary text"
	expect_ok ntm fund summary --by task
	expect_stdout_line "Theo nhiệm vụ (nợ đọng nhiều nhất trước):"
	expect_stdout_match '^#5 .* +1 tỷ +500 tr +300 tr +400 tr +100 tr$'
	expect_stdout_match '^#7 .* +0 +100 tr +100 tr +50 tr +0$'
	expect_ok ntm fund summary --by "lĩnh vực"
	expect_stdout_match '^Giao thông +1 tỷ +500 tr +300 tr +400 tr +100 tr$'
	expect_exit 2 ntm fund summary --by thôn
	expect_stderr_has "--by “thôn” không có"
	expect_ok ntm fund summary --format csv
	expect_stdout_first $'\xef\xbb\xbfsource,name,planned,received,paid,completed,debt\r'
	expect_stdout_line $'ns_tinh,Ngân sách tỉnh,800000000,500000000,300000000,0,0\r'
	expect_stdout_lines 11
	expect_ok ntm fund summary --format csv --by task
	expect_stdout_first $'\xef\xbb\xbftask,title,cost,planned,received,paid,completed,debt\r'
	expect_stdout_match $'^7,.*,,0,100000000,100000000,50000000,0\r$'
	expect_ok ntm fund summary --format csv --by sector
	expect_stdout_line $'giao_thong,Giao thông,1000000000,500000000,300000000,400000000,100000000\r'
}

case_fund_list() {
	fresh_db
	series
	local paid
	paid=$(code_of paid 300000000)
	expect_ok ntm fund list
	expect_stdout_first "Kế hoạch 32/KH-UBND năm 2024: 6 khoản vốn"
	expect_stdout_match '^Mã +Ngày +NV +Loại +Số tiền +Nguồn$'
	expect_stdout_match "^$paid  01/04/2024  #5  giải ngân +300\\.000\\.000 đ  Ngân sách tỉnh\$"
	expect_fits_80 "list text"
	expect_ok ntm fund list 7
	expect_stdout_match '^Nhiệm vụ #7 — .*: 3 khoản vốn$'
	expect_stdout_not_has "#5"
	expect_ok ntm fund list 12
	expect_stdout_line "Chưa ghi khoản nào; ghi bằng: ntm fund add NHIỆM_VỤ --kind paid --source NGUỒN SỐ_TIỀN"
	expect_ok ntm fund list --format json
	expect_json 'len(d)' 6
	expect_json 'sorted(d[0].keys())' '["amount", "date", "doc", "id", "kind", "note", "recorded_by", "reversed_by", "reverses", "source", "source_name", "task"]'
	expect_json '[(e["task"], e["kind"], e["source"], e["amount"], e["date"]) for e in d if e["id"].startswith("'"$paid"'")]' \
		'[[5, "paid", "ns_tinh", 300000000, "2024-04-01"]]'
	expect_json '[e["source"] for e in d if e["kind"] == "completed"]' '[null, null]'
	expect_json 'sorted(set(e["recorded_by"] for e in d))' "[\"$(me)\"]"
	expect_ok ntm fund list 5 --format csv
	expect_stdout_first $'\xef\xbb\xbfid,task,kind,source,source_name,amount,date,doc,note,reverses,reversed_by,recorded_by\r'
	expect_stdout_lines 4
	expect_stdout_match "^$paid[0-9a-f]{24},5,paid,ns_tinh,Ngân sách tỉnh,300000000,2024-04-01,,,,,"
	expect_exit 2 ntm fund list 5 7
	expect_exit 2 ntm fund list --by task
}

case_fund_output_sanitised() {
	fresh_db
	# control characters are refused where they enter: nothing written
	expect_exit 2 ntm fund add 5 --kind completed 1 triệu --doc $'A\e[31mB'
	expect_eq "nothing recorded" "$(entries)" 0
	local long
	long=$(printf 'nghiệm thu %.0s' $(seq 1 20))
	expect_ok ntm fund add 5 --kind completed 1 triệu --doc "=1+2" --note "$long"
	expect_ok ntm fund list
	expect_stdout_match '^          Chứng từ: =1\+2 · Ghi chú: nghiệm thu .*…$'
	expect_fits_80 "list with a long note"
	expect_ok ntm fund list --format csv
	expect_stdout_not_has ",=1+2,"
	expect_stdout_has "$long"
	expect_ok ntm fund list --format json
	expect_json 'd[0]["doc"]' "=1+2"
	expect_json 'd[0]["note"]' "$long"
}

case_fund_reverse() {
	fresh_db
	series
	local paid rev
	paid=$(code_of paid 300000000)
	expect_exit 2 ntm fund reverse "$paid"
	expect_stderr_has "cần --reason"
	expect_exit 2 ntm fund reverse "$paid" --reason "  "
	expect_ok ntm fund reverse "$paid" --reason "ghi nhầm số tiền"
	expect_stdout_match "^Đã đảo khoản $paid \\(giải ngân 300\\.000\\.000 đ của nhiệm vụ #5\\) bằng khoản [0-9a-f]{8}; lý do: ghi nhầm số tiền\$"
	expect_db "SELECT amount, note, on_date FROM fund_entry WHERE reverses LIKE '$paid%'" "-300000000|ghi nhầm số tiền|$(today)"
	rev=$(code_of paid -300000000)
	expect_ok ntm fund list 5
	expect_stdout_match "^$rev  .*  #5  giải ngân +-300\\.000\\.000 đ  Ngân sách tỉnh\$"
	expect_stdout_line "          Ghi chú: ghi nhầm số tiền · đảo khoản $paid"
	expect_stdout_line "          đã đảo bởi khoản $rev"
	expect_ok ntm fund summary --format json
	expect_json '[d["paid"], d["debt"], d["disbursed_percent"]]' '[100000000, 400000000, 10]'
	expect_json '[t["debt"] for t in d["by_task"] if t["task"] == 5]' '[400000000]'
	expect_exit 1 ntm fund reverse "$paid" --reason "lần nữa"
	expect_exit 1 ntm fund reverse "$rev" --reason "đảo bút toán đảo"
	expect_exit 1 ntm fund reverse 0000ffff --reason x
	expect_stderr_has "không có khoản vốn mã “0000ffff”"
	expect_eq "entries" "$(entries)" 7
}

case_fund_undo_and_log() {
	fresh_db
	expect_ok ntm fund add 5 --kind completed 5 triệu
	expect_eq "entry recorded" "$(entries)" 1
	expect_ok ntm log --limit 1
	expect_stdout_has "ghi khoản vốn"
	expect_ok ntm undo
	expect_stdout_has "ghi khoản vốn"
	expect_eq "entry undone" "$(entries)" 0
	expect_ok ntm undo
	expect_eq "entry redone" "$(entries)" 1
	expect_ok ntm fund cost 5 1 tỷ
	expect_ok ntm undo
	expect_eq "cost undone" "$(cost_of 5)" null
	expect_ok ntm fund plan 5 --source ns_tinh 1 tỷ
	expect_ok ntm undo
	expect_db "SELECT count(*) FROM fund_plan" 0
}

# The command line writes with STORE_ANY_VERSION: a row changed since
# (here the task, by another command) is no reason to refuse.
case_fund_any_version() {
	fresh_db
	expect_ok ntm fund cost 5 1 tỷ
	expect_ok ntm task edit 5 --progress 30
	expect_ok ntm fund cost 5 2 tỷ
	expect_eq "cost" "$(cost_of 5)" 2000000000
	expect_ok ntm fund plan 5 --source ns_tinh 1 tỷ
	expect_ok ntm fund plan 5 --source ns_tinh 2 tỷ
	expect_db "SELECT amount, version FROM fund_plan" "2000000000|2"
}

case_fund_sources() {
	fresh_db
	expect_ok ntm fund sources
	expect_stdout_first "Nguồn vốn (10):"
	expect_stdout_line "  ns_tinh        Ngân sách tỉnh"
	expect_stdout_line "  khac           Nguồn khác"
	expect_ok ntm fund source add "Quỹ đất dịch vụ"
	expect_stdout_match '^Đã thêm nguồn vốn “Quỹ đất dịch vụ” \(mã [a-z_]+\)\.$'
	expect_ok ntm fund sources
	expect_stdout_first "Nguồn vốn (11):"
	expect_stdout_match '^  [a-z_]+ +Quỹ đất dịch vụ$'
	expect_ok ntm fund plan 5 --source "quy dat dich vu" 10 triệu
	expect_stdout_has "từ Quỹ đất dịch vụ"
	expect_exit 1 ntm fund source add "Ngân sách tỉnh"
	expect_exit 2 ntm fund source remove x
	expect_stderr_has "chỉ có: add"
	expect_exit 2 ntm fund source add Quỹ đất
	expect_db "SELECT count(*) FROM fund_source" 11
}

case_fund_empty_file() {
	expect_ok ntm init --empty --commune "Tân Lập"
	expect_ok ntm fund list
	expect_stdout_first "Xã chưa có kế hoạch nào, nên chưa có vốn để xem; tạo kế hoạch bằng: ntm plan new --year NĂM --number SỐ --title TÊN"
	expect_ok ntm fund summary
	expect_stdout_has "Xã chưa có kế hoạch nào"
	expect_ok ntm fund list --format json
	expect_stdout_is "[]"
	expect_ok ntm fund summary --format json
	expect_json '[d["planned"], d["paid"], d["debt"], d["disbursed_percent"], d["by_task"], d["by_sector"]]' \
		'[0, 0, 0, null, [], []]'
	expect_ok ntm fund summary --format csv --by task
	expect_stdout_lines 1
	expect_ok ntm fund sources
	expect_stdout_first "Nguồn vốn (10):"
	expect_exit 1 ntm fund add 1 --kind completed 5 triệu
	expect_stderr_has "xã chưa có kế hoạch nào"
	expect_exit 1 ntm fund list 1
	expect_ok ntm plan new --year 2025 --number "01/KH-UBND" --title "Kế hoạch 2025"
	expect_ok ntm task add --sector "Giao thông" "Làm đường"
	expect_ok ntm fund add 1 --kind completed 5 triệu
	expect_ok ntm fund summary --format json
	expect_json '[d["completed"], d["debt"]]' '[5000000, 5000000]'
}

case_fund_several_communes() {
	fresh_db
	sqlite3 "$NTM_DB" "INSERT INTO unit(id, level, name) VALUES ('tq', 'xa', 'Tân Quang')"
	expect_ok ntm --unit "Tân Quang" plan new --year 2024 --number 7/KH-UBND --title "Kế hoạch"
	expect_ok ntm --unit "Tân Quang" task add --sector giao_thong "Đường thôn"
	expect_ok ntm --unit "tan quang" fund add 1 --kind completed 7 triệu
	expect_ok ntm --unit "Việt Hưng" fund add 1 --kind completed 3 triệu
	expect_ok ntm --unit "Tân Quang" fund summary --format json
	expect_json '[d["completed"], [t["title"] for t in d["by_task"]]]' '[7000000, ["Đường thôn"]]'
	expect_ok ntm --unit "Việt Hưng" fund list --format json
	expect_json '[e["amount"] for e in d]' '[3000000]'
	expect_exit 2 ntm fund list
}

case_fund_district_file() {
	expect_ok ntm init --district "Văn Lâm" --province "Hưng Yên"
	expect_exit 1 ntm fund summary
	expect_stderr_has "chưa có xã nào"
	expect_exit 1 ntm fund add 1 --kind completed 5 triệu
	expect_exit 1 ntm fund source add "Quỹ"
	# a commune joined: its money reads, writes are refused by the store
	expect_ok ntm --db lac.db init --empty --commune "Lạc Đạo"
	expect_ok ntm --db lac.db plan new --year 2024 --number 5/KH-UBND --title "Kế hoạch"
	expect_ok ntm --db lac.db task add --sector giao_thong "Làm đường"
	expect_ok ntm --db lac.db fund add 1 --kind completed 9 triệu
	expect_ok ntm --db lac.db sync export --all --out lac.ntmsync
	expect_ok ntm sync apply lac.ntmsync
	expect_ok ntm --unit "Lạc Đạo" fund summary --format json
	expect_json '[d["completed"], d["debt"], [t["title"] for t in d["by_task"]]]' \
		'[9000000, 9000000, ["Làm đường"]]'
	expect_ok ntm --unit "Lạc Đạo" fund list
	expect_stdout_first "Kế hoạch 5/KH-UBND năm 2024: 1 khoản vốn"
	expect_stdout_match '^[0-9a-f]{8}  .*  #1  khối lượng hoàn thành +9\.000\.000 đ$'
	local before
	before=$(q "SELECT count(*) FROM audit")
	expect_exit 1 ntm --unit "Lạc Đạo" fund add 1 --kind completed 5 triệu
	expect_stderr_match 'cấp trên|chỉ xem'
	expect_exit 1 ntm --unit "Lạc Đạo" fund cost 1 5 triệu
	expect_exit 1 ntm --unit "Lạc Đạo" fund source add "Quỹ"
	expect_exit 1 ntm --unit "Lạc Đạo" fund plan 1 --source ns_tinh 5 triệu
	expect_eq "entries" "$(entries)" 1
	expect_db "SELECT count(*) FROM audit" "$before"
}

case_fund_read_only() {
	fresh_db
	expect_ok ntm fund add 5 --kind completed 1 triệu
	expect_exit 1 ntm --read-only fund add 5 --kind completed 2 triệu
	expect_stderr_has "chỉ xem"
	expect_exit 1 ntm --read-only fund cost 5 1 tỷ
	expect_ok ntm --read-only fund summary --format json
	expect_json 'd["completed"]' 1000000
	expect_eq "entries" "$(entries)" 1
	expect_eq "cost" "$(cost_of 5)" null
}
