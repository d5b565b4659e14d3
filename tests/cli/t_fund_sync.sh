# Money travels (issue 15 with issues 13 and 14): entries made on a field
# copy reach the office and back with the same sums on both; the same
# task and source planned on both sides while apart waits as a conflict;
# a commune's money and its own sources come up to the level above, which
# reads them as the commune does and refuses to write money itself.

# fund_json DB: the summary's JSON of DB, one line, for comparing files.
fund_json() {
	ntm --db "$1" fund summary --format json | /usr/bin/python3 -c \
		'import json, sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))'
}

case_fund_travels_between_copies() {
	fresh_db
	expect_ok ntm status
	cp "$NTM_DB" lap.db
	expect_ok ntm --db lap.db sync status
	# the office plans and receives; the laptop pays and records work
	expect_ok ntm fund plan 1 --source "ngan sach tinh" 2 tỷ
	expect_ok ntm fund add 1 --kind received --source tinh 1 tỷ --date 2024-03-01
	expect_ok ntm --db lap.db fund add 1 --kind completed 700 triệu --date 2024-04-02
	expect_ok ntm --db lap.db fund source add "Quỹ vì người nghèo"
	expect_ok ntm --db lap.db fund add 2 --kind received --source "quy vi nguoi ngheo" \
		50 triệu --date 2024-04-03 --doc "05/PT"
	expect_ok ntm --db lap.db sync export --out lap.ntmsync
	expect_ok ntm sync apply lap.ntmsync
	expect_ok ntm sync export --out office.ntmsync
	expect_ok ntm --db lap.db sync apply office.ntmsync
	local a b
	a=$(fund_json "$NTM_DB")
	b=$(fund_json lap.db)
	expect_eq "summary on both copies" "$b" "$a"
	expect_ok ntm fund summary --format json
	expect_json "d['planned']" 2000000000
	expect_json "d['received']" 1050000000
	expect_json "d['completed']" 700000000
	expect_json "d['debt']" 700000000
	expect_db "SELECT count(*) FROM fund_entry" 3 lap.db
	expect_db "SELECT count(*) FROM fund_source WHERE name = 'Quỹ vì người nghèo'" 1
	# the laptop's payment then settles the debt on both
	expect_ok ntm --db lap.db fund add 1 --kind paid --source tinh 700 triệu --date 2024-05-01
	expect_ok ntm --db lap.db sync export --out lap2.ntmsync
	expect_ok ntm sync apply lap2.ntmsync
	expect_ok ntm fund summary --format json
	expect_json "d['debt']" 0
	expect_json "d['paid']" 700000000
}

case_fund_planned_on_both_sides_waits() {
	fresh_db
	expect_ok ntm status
	cp "$NTM_DB" lap.db
	expect_ok ntm --db lap.db sync status
	expect_ok ntm fund plan 3 --source ns_xa 100 triệu
	expect_ok ntm --db lap.db fund plan 3 --source ns_xa 120 triệu
	expect_ok ntm --db lap.db sync export --out lap.ntmsync
	expect_ok ntm sync apply lap.ntmsync
	expect_stdout_has "xung đột"
	# this copy keeps its amount until a person settles it
	expect_db "SELECT amount FROM fund_plan" 100000000
	expect_ok ntm sync conflicts --format json
	local n
	n=$(jv "d[0]['number']" 2>/dev/null || jv "d[0]['id']")
	expect_ok ntm sync resolve "$n" --take theirs
	expect_db "SELECT amount FROM fund_plan" 120000000
}

case_fund_at_the_level_above() {
	expect_ok ntm --db vh.db init
	expect_ok ntm --db vh.db fund cost 1 2,6 tỷ
	expect_ok ntm --db vh.db fund plan 1 --source tinh 2 tỷ
	expect_ok ntm --db vh.db fund source add "Quỹ vì người nghèo"
	expect_ok ntm --db vh.db fund add 1 --kind received --source "quỹ vì người nghèo" \
		300 triệu --date 2024-03-01
	expect_ok ntm --db vh.db fund add 1 --kind completed 500 triệu --date 2024-03-02
	expect_ok ntm --db d.db init --district "Văn Lâm" --province "Hưng Yên"
	expect_ok ntm --db vh.db sync export --all --out vh.ntmsync
	expect_ok ntm --db d.db sync apply vh.ntmsync
	expect_stdout_has "đã thêm Xã Việt Hưng vào tệp này"
	local mine theirs
	mine=$(fund_json vh.db)
	theirs=$(ntm --db d.db --unit "Việt Hưng" fund summary --format json |
		/usr/bin/python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))')
	expect_eq "the commune's money at the level above" "$theirs" "$mine"
	expect_db "SELECT count(*) FROM fund_source WHERE name = 'Quỹ vì người nghèo'" 1 d.db
	# a later ordinary export brings a payment
	expect_ok ntm --db vh.db fund add 1 --kind paid --source "quy vi nguoi ngheo" \
		200 triệu --date 2024-04-01
	expect_ok ntm --db vh.db sync export --out vh2.ntmsync
	expect_ok ntm --db d.db sync apply vh2.ntmsync
	expect_ok ntm --db d.db --unit "Việt Hưng" fund summary --format json
	expect_json "d['paid']" 200000000
	expect_json "d['debt']" 300000000
	# and the level above's list of communes shows it
	expect_ok ntm --db d.db status --all --format json
	expect_json "d[0]['fund_paid']" 200000000
	expect_json "d[0]['fund_debt']" 300000000
	expect_json "d[0]['fund_planned']" 2000000000
	expect_ok ntm --db d.db status --all --format csv
	expect_stdout_has ",fund_planned,fund_received,fund_paid,fund_completed,fund_debt"
	expect_stdout_has ",2000000000,300000000,200000000,500000000,300000000"
	expect_ok ntm --db d.db report --all --out d.xlsx
	/usr/bin/python3 - d.xlsx <<'PY' || fail "the district workbook's sheet Vốn"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Vốn"]
head = [c.value for c in ws[5]]
assert head == ["Xã", "Kế hoạch vốn", "Đã nhận", "Đã giải ngân", "% giải ngân",
                "Khối lượng hoàn thành", "Nợ đọng XDCB"], head
row = [c.value for c in ws[6]]
assert row == ["Việt Hưng", 2000000000, 300000000, 200000000, 10, 500000000,
               300000000], row
total = [c.value for c in ws[7]]
assert total[0] == "Tổng (1 xã)" and total[6] == 300000000, total
assert ws["B6"].number_format == "#,##0", ws["B6"].number_format
PY
	# the level above reads; it does not write money
	local before
	before=$(q "SELECT count(*) FROM fund_entry" d.db)
	expect_exit 1 ntm --db d.db --unit "Việt Hưng" fund add 1 --kind completed 1 tỷ
	expect_stderr_has "cấp trên"
	expect_db "SELECT count(*) FROM fund_entry" "$before" d.db
}

# One entry reversed on two copies apart meets as one row: a conflict
# for a person, never two reversals (money received below zero).
case_fund_reversed_on_both_copies() {
	fresh_db
	expect_ok ntm fund add 4 --kind received --source ns_tinh 1 tỷ --date 01/03/2024
	local id
	id=$(q "SELECT substr(id, 1, 8) FROM fund_entry")
	expect_ok ntm backup lap.db
	expect_ok ntm fund reverse "$id" --reason "văn phòng sửa"
	expect_ok ntm --db lap.db fund reverse "$id" --reason "máy xách tay sửa"
	expect_ok ntm --db lap.db sync export --out lap.ntmsync
	expect_ok ntm sync apply lap.ntmsync
	expect_stdout_has "1 xung đột mới"
	expect_db "SELECT count(*) FROM fund_entry WHERE reverses IS NOT NULL" 1
	expect_db "SELECT sum(amount) FROM fund_entry" 0
	expect_ok ntm sync conflicts
	expect_stdout_has "máy xách tay sửa"
	expect_ok ntm sync resolve 1 --take theirs
	expect_db "SELECT note FROM fund_entry WHERE reverses IS NOT NULL" "máy xách tay sửa"
	expect_db "SELECT sum(amount) FROM fund_entry" 0
}
