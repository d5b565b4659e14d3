# ntm export and ntm import of money (issue 15, sheet Vốn): a total cost,
# planned capital from two sources, money received, paid, work completed
# and one reversed entry go out in a workbook and a CSV folder and come
# back the same into a fresh file and into an empty one; importing twice
# adds nothing; every refusal (unknown source, bad amount, future date,
# unknown task, payment beyond what was received, a reversal of nothing)
# is listed with its line and nothing is written.

SRC_TINH=00000000000000000000000000f00002
SRC_DAN=00000000000000000000000000f00008

# The built-in plan with money, written with the sqlite3 shell (outside
# any ntm action): task #5 costs 2,5 tỷ, plans 1,5 tỷ from the province
# and 1 tỷ from the people, received 800 tr, paid 500 tr and 100 tr (the
# latter reversed), work completed 900 tr; task #7 received 50 tr.
with_money() {
	fresh_db "${1:-$NTM_DB}"
	local db=${1:-$NTM_DB} t5 t7
	t5=$(q "SELECT id FROM task WHERE number = 5" "$db")
	t7=$(q "SELECT id FROM task WHERE number = 7" "$db")
	sqlite3 "$db" "
UPDATE task SET budget_planned = 2500000000 WHERE number = 5;
INSERT INTO fund_plan(id, task_id, source_id, amount) VALUES
 ('p1', '$t5', '$SRC_TINH', 1500000000), ('p2', '$t5', '$SRC_DAN', 1000000000);
INSERT INTO fund_entry(id, task_id, kind, source_id, amount, on_date, doc,
 note, reverses, recorded_by, recorded_at) VALUES
 ('e1', '$t5', 'received', '$SRC_TINH', 800000000, '2024-03-01', 'UNC 12', NULL, NULL, 'x', '2024-03-01T01:00:00Z'),
 ('e2', '$t5', 'paid', '$SRC_TINH', 500000000, '2024-04-01', 'PC 3', 'tạm ứng', NULL, 'x', '2024-04-01T01:00:00Z'),
 ('e3', '$t5', 'completed', NULL, 900000000, '2024-05-01', NULL, NULL, NULL, 'x', '2024-05-01T01:00:00Z'),
 ('e4', '$t5', 'paid', '$SRC_TINH', 100000000, '2024-05-02', 'PC 4', NULL, NULL, 'x', '2024-05-02T01:00:00Z'),
 ('e5', '$t5', 'paid', '$SRC_TINH', -100000000, '2024-05-03', 'PC 4', 'ghi nhầm', 'e4', 'x', '2024-05-03T01:00:00Z'),
 ('e6', '$t7', 'received', '$SRC_DAN', 50000000, '2024-02-01', NULL, NULL, NULL, 'x', '2024-02-01T01:00:00Z');" ||
		fail "could not write the money"
}

# money DB: every money row of the file, ids left out, sorted.
money() {
	q "SELECT 'entry', t.number, e.kind, s.code, e.amount, typeof(e.amount),
	   e.on_date, e.doc, e.note, (SELECT o.amount || ' ' || o.on_date FROM
	   fund_entry o WHERE o.id = e.reverses) FROM fund_entry e JOIN task t ON
	   t.id = e.task_id LEFT JOIN fund_source s ON s.id = e.source_id
	   UNION ALL SELECT 'plan', t.number, s.code, p.amount, typeof(p.amount),
	   NULL, NULL, NULL, NULL, NULL FROM fund_plan p JOIN task t ON t.id =
	   p.task_id JOIN fund_source s ON s.id = p.source_id
	   UNION ALL SELECT 'cost', number, budget_planned, NULL, NULL, NULL, NULL,
	   NULL, NULL, NULL FROM task WHERE budget_planned IS NOT NULL ORDER BY 1,
	   2, 3, 4, 5, 6, 7" "$1"
}

# same_money DB: DB holds the money $NTM_DB holds.
same_money() {
	local a b
	a=$(money "$NTM_DB")
	b=$(money "$1")
	[ -n "$a" ] && [ "$a" = "$b" ] || fail "the money differs: $(diff <(echo "$a") <(echo "$b") | head -c 600)"
}

# import FILE… must fail with the refusals on stderr, then one "ntm: " line.
expect_refused() {
	run ntm import "$@"
	expect_rc 2
	tail -n 1 "$ERR" | grep -q '^ntm: .* lỗi; chưa nhập gì$' ||
		fail "\`ntm import $*\`: last stderr line should be \"ntm: N lỗi; chưa nhập gì\" $(_ctx)"
}

# A money sheet in von.csv: the header, then the rows given.
von_csv() {
	{ echo "STT,Nhiệm vụ,Loại,Nguồn,Số tiền,Ngày,Số chứng từ,Ghi chú"; printf '%s\n' "$@"; } >von.csv
}

case_fund_export_rows() {
	with_money
	mkdir out
	expect_ok ntm export --out out
	local t5='"Xây mới, cải tạo rãnh thoát nước và chiếu sáng trên đường chính trong khu dân cư"'
	tail -c +4 out/von.csv | tr -d "\r" >von.txt
	expect_eq "von.csv" "$(cat von.txt)" "STT,Nhiệm vụ,Loại,Nguồn,Số tiền,Ngày,Số chứng từ,Ghi chú
5,$t5,tổng mức,,2500000000,,,
5,$t5,kế hoạch vốn,Ngân sách tỉnh,1500000000,,,
5,$t5,kế hoạch vốn,Nhân dân đóng góp,1000000000,,,
5,$t5,nhận vốn,Ngân sách tỉnh,800000000,2024-03-01,UNC 12,
5,$t5,giải ngân,Ngân sách tỉnh,500000000,2024-04-01,PC 3,tạm ứng
5,$t5,khối lượng hoàn thành,,900000000,2024-05-01,,
5,$t5,giải ngân,Ngân sách tỉnh,100000000,2024-05-02,PC 4,
5,$t5,giải ngân,Ngân sách tỉnh,-100000000,2024-05-03,PC 4,ghi nhầm
7,\"Nâng cấp hệ thống thủy lợi, chủ động tưới tiêu\",nhận vốn,Nhân dân đóng góp,50000000,2024-02-01,,"
	expect_ok ntm export --out all.xlsx
	/usr/bin/python3 - all.xlsx <<'EOF' || fail "the sheet Vốn is not as expected"
import sys, openpyxl
from datetime import datetime as D
wb = openpyxl.load_workbook(sys.argv[1])
v = wb["Vốn"]
assert [c.value for c in v[1]] == ["STT", "Nhiệm vụ", "Loại", "Nguồn", "Số tiền", "Ngày", "Số chứng từ", "Ghi chú"]
rows = [[c.value for c in r] for r in v.iter_rows(min_row=2)]
assert len(rows) == 9, rows
assert rows[0][2:5] == ["tổng mức", None, 2500000000], rows[0]
assert rows[7][2:] == ["giải ngân", "Ngân sách tỉnh", -100000000, D(2024, 5, 3), "PC 4", "ghi nhầm"], rows[7]
assert v["E2"].number_format == "#,##0" and v["F5"].is_date
EOF
}

# A file without money writes the header alone.
case_fund_export_none() {
	fresh_db
	mkdir out
	expect_ok ntm export --out out
	expect_eq "von.csv" "$(tail -c +4 out/von.csv | tr -d "\r")" \
		"STT,Nhiệm vụ,Loại,Nguồn,Số tiền,Ngày,Số chứng từ,Ghi chú"
	ntm init --empty --db empty.db >/dev/null 2>&1
	mkdir none
	expect_ok ntm --db empty.db export --out none
	[ "$(wc -l <none/von.csv)" = 1 ] || fail "a file without a plan has money rows"
}

case_fund_round_trip_xlsx() {
	with_money
	expect_ok ntm export --out all.xlsx
	fresh_db b.db
	expect_ok ntm --db b.db import all.xlsx
	same_money b.db
	# the audit holds every money row the import wrote, in one action
	expect_db "SELECT count(*) FROM audit WHERE entity IN ('fund_entry', 'fund_plan')" 8 b.db
	expect_db "SELECT count(DISTINCT action_id) FROM audit WHERE entity LIKE 'fund%'" 1 b.db
	# a second import adds nothing
	local audit
	audit=$(q "SELECT count(*) FROM audit" b.db)
	expect_ok ntm --db b.db import all.xlsx
	expect_stdout_has "Không có gì mới"
	expect_db "SELECT count(*) FROM audit" "$audit" b.db
	same_money b.db
	# undo takes the whole import back, money too
	expect_ok ntm --db b.db undo
	expect_db "SELECT count(*) FROM fund_entry" 0 b.db
	expect_db "SELECT count(*) FROM task WHERE budget_planned IS NOT NULL" 0 b.db
}

case_fund_round_trip_csv() {
	with_money
	mkdir out
	expect_ok ntm export --format csv --out out
	fresh_db b.db
	expect_ok ntm --db b.db import out
	same_money b.db
	expect_ok ntm --db b.db import out/von.csv
	same_money b.db
	# the workbook of the same file into the copy: nothing new either
	expect_ok ntm export --out all.xlsx
	expect_ok ntm --db b.db import all.xlsx
	expect_stdout_has "Không có gì mới"
	same_money b.db
}

# Into an empty file, with the plan and task sheets of the same export:
# the money rows name the tasks the same import adds.
case_fund_round_trip_empty() {
	with_money
	expect_ok ntm export --out all.xlsx
	expect_ok ntm init --empty --db e.db
	expect_ok ntm --db e.db import all.xlsx
	same_money e.db
	mkdir out
	expect_ok ntm export --format csv --out out
	expect_ok ntm init --empty --db f.db
	expect_ok ntm --db f.db import out/ke-hoach.csv out/nhiem-vu.csv out/von.csv
	same_money f.db
}

# A reversal listed before its entry (a sheet sorted by hand) still finds
# it; two identical entries are two.
case_fund_reversal_first_and_twins() {
	fresh_db
	von_csv "5,,nhận vốn,ns tinh,300 triệu,01/03/2024,,"  \
		"5,,giải ngân,Ngân sách tỉnh,-100 triệu,05/03/2024,PC 9,trả nhầm" \
		"5,,giải ngân,Ngân sách tỉnh,100 triệu,02/03/2024,PC 9," \
		"5,,giải ngân,Ngân sách tỉnh,50000000,03/03/2024,PC 10," \
		"5,,giải ngân,Ngân sách tỉnh,50000000,03/03/2024,PC 10,"
	expect_ok ntm import von.csv
	expect_db "SELECT count(*) FROM fund_entry" 5
	expect_db "SELECT r.note FROM fund_entry r JOIN fund_entry o ON o.id = r.reverses
		WHERE o.amount = 100000000 AND r.amount = -100000000" "trả nhầm"
	expect_db "SELECT count(*) FROM fund_entry WHERE amount = 50000000" 2
	expect_ok ntm import von.csv
	expect_db "SELECT count(*) FROM fund_entry" 5
	# a third twin in the file is one more
	echo "5,,giải ngân,Ngân sách tỉnh,50000000,03/03/2024,PC 10," >>von.csv
	expect_ok ntm import von.csv
	expect_db "SELECT count(*) FROM fund_entry WHERE amount = 50000000" 3
}

# Amounts and headers as officials write them; English names.
case_fund_forms() {
	fresh_db
	printf '%s\n' "task number,title,kind,source,amount,date,doc,note" \
		"#5,rãnh thoát nước,cost,,\"1,5 tỷ\",,," \
		"5,,planned,ngan sach tinh,1.200.000.000,,," \
		"5,,received,NS_TINH,250 triệu,$(date +%d/%m/%Y),UNC 1," \
		"5,,paid,tỉnh,800 nghìn,,," \
		"5,,hoan thanh,,2.5E+8,2024-06-01,,nghiệm thu đợt 1" >en.csv
	expect_ok ntm import en.csv
	expect_db "SELECT CAST(budget_planned AS INTEGER) FROM task WHERE number = 5" 1500000000
	expect_db "SELECT amount FROM fund_plan" 1200000000
	expect_db "SELECT kind, amount, on_date, coalesce(doc, '-') FROM fund_entry ORDER BY amount" \
"paid|800000|$(today)|-
received|250000000|$(today)|UNC 1
completed|250000000|2024-06-01|-"
	expect_db "SELECT note FROM fund_entry WHERE kind = 'completed'" "nghiệm thu đợt 1"
	# a planned amount changed, the cost the same: one change
	sed -i 's/1.200.000.000/"1,3 tỷ"/' en.csv
	expect_ok ntm import en.csv
	expect_db "SELECT amount || ' ' || version FROM fund_plan" "1300000000 2"
}

case_fund_refusals() {
	fresh_db
	von_csv "5,,nhận vốn,Ngân sách tỉnh,100 triệu,2024-03-01,," \
		"5,,nhận vốn,ngan sach tin,100 triệu,2024-03-01,," \
		"5,,giải ngân,Ngân sách tỉnh,một trăm,2024-03-02,," \
		"5,,giải ngân,Ngân sách tỉnh,10 triệu,2099-01-01,," \
		"999,,giải ngân,Ngân sách tỉnh,10 triệu,2024-03-02,," \
		"5,,giải ngân,Ngân sách tỉnh,150 triệu,2024-03-03,," \
		"5,,giải ngân,Ngân sách tỉnh,-7 triệu,2024-03-03,,nhầm" \
		"5,Đường trục xã,tổng mức,,1 tỷ,,," \
		"5,,tổng mức,Ngân sách tỉnh,1 tỷ,,," \
		"5,,kế hoạch vốn,,1 tỷ,,," \
		"5,,kế hoạch vốn,Ngân sách tỉnh,1 tỷ,2024-01-01,," \
		"5,,vay nợ,Ngân sách tỉnh,1 tỷ,,," \
		"5,,nhận vốn,Ngân sách tỉnh,0,,," \
		"5,,nhận vốn,Ngân sách tỉnh,-5 triệu,2024-03-03,,"
	expect_refused von.csv
	expect_stderr_has "von.csv:3: không có nguồn vốn “ngan sach tin”"
	expect_stderr_has "Ngân sách tỉnh"
	expect_stderr_has "von.csv:4: số tiền “một trăm”: không đọc được số tiền"
	expect_stderr_has "von.csv:5: ngày 01/01/2099 ở tương lai"
	expect_stderr_has "von.csv:6: kế hoạch đang dùng không có nhiệm vụ #999"
	expect_stderr_has "von.csv:7: giải ngân cộng dồn 150.000.000 đ từ Ngân sách tỉnh vượt số đã nhận 100.000.000 đ (vượt 50.000.000 đ); nếu đúng, nhập lại với --force"
	expect_stderr_has "von.csv:8: số tiền âm là bút toán đảo của một khoản đã ghi, nhưng không có khoản giải ngân 7.000.000 đ"
	expect_stderr_has "von.csv:9: nhiệm vụ #5 là “Xây mới, cải tạo rãnh thoát nước"
	expect_stderr_has "von.csv:10: tổng mức là của cả nhiệm vụ"
	expect_stderr_has "von.csv:11: cần nêu nguồn của kế hoạch vốn"
	expect_stderr_has "von.csv:12: “2024-01-01”: ngày, số chứng từ và ghi chú chỉ ghi cho khoản"
	expect_stderr_has "von.csv:13: loại “vay nợ” không có"
	expect_stderr_has "von.csv:14: số tiền phải lớn hơn 0"
	expect_stderr_has "von.csv:15: cần ghi lý do của bút toán đảo"
	expect_stderr_has "ntm: 13 lỗi; chưa nhập gì"
	expect_db "SELECT count(*) FROM fund_entry" 0
	expect_db "SELECT count(*) FROM audit" 0
	# a workbook's cell is named
	/usr/bin/python3 - bad.xlsx <<'EOF' || fail "openpyxl could not write the workbook"
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Vốn"
ws.append(["STT", "Loại", "Nguồn", "Số tiền", "Ghi chú"])
ws.append([5, "nhận vốn", "Ngân sách tỉnh", -3, "nhầm"])
wb.save(sys.argv[1])
EOF
	expect_refused bad.xlsx
	expect_stderr_has "bad.xlsx (trang Vốn) D2: số tiền âm là bút toán đảo"
}

# Paying beyond what was received is written with --force; an import
# without money rows for a plan-less file is refused, and on the level
# above's file.
case_fund_force_and_no_plan() {
	fresh_db
	von_csv "5,,giải ngân,Ngân sách tỉnh,10 triệu,2024-03-02,,"
	expect_refused von.csv
	expect_ok ntm import --force von.csv
	expect_db "SELECT amount FROM fund_entry" 10000000
	expect_ok ntm init --empty --db e.db
	expect_refused --db e.db von.csv
	expect_stderr_has "chưa có kế hoạch nào"
	expect_ok ntm init --district "Huyện Thử" --db d.db
	run ntm --db d.db import von.csv
	[ "$RC" != 0 ] || fail "an import into the district's file was accepted"
	expect_db "SELECT count(*) FROM fund_entry" 0 d.db
}

# A dry run lists the money changes and writes nothing.
case_fund_dry_run() {
	fresh_db
	von_csv "5,,tổng mức,,2 tỷ,,," "5,,kế hoạch vốn,Ngân sách tỉnh,1 tỷ,,," \
		"5,,nhận vốn,Ngân sách tỉnh,100 triệu,2024-03-01,UNC 1,"
	expect_ok ntm import --dry-run von.csv
	expect_stdout_has "đặt tổng mức của nhiệm vụ #5: 2.000.000.000 đ"
	expect_stdout_has "đặt kế hoạch vốn Ngân sách tỉnh của nhiệm vụ #5: 1.000.000.000 đ"
	expect_stdout_has "ghi nhận vốn 100.000.000 đ cho nhiệm vụ #5 ngày 01/03/2024"
	expect_db "SELECT count(*) FROM fund_entry" 0
	expect_db "SELECT count(*) FROM fund_plan" 0
	expect_db "SELECT count(*) FROM task WHERE budget_planned IS NOT NULL" 0
}

# fund_json DB: ntm fund summary and ntm fund list of DB as JSON, the
# entries without ids, who recorded them, or their order within a day.
fund_json() {
	{ ntm --db "$1" fund summary --format json; ntm --db "$1" fund list --format json; } |
		/usr/bin/python3 -c '
import sys, json
summary, entries = [json.loads(l) for l in sys.stdin.read().splitlines() if l.strip()]
for e in entries:
    e.pop("id"); e.pop("recorded_by")
    e["reverses"] = e["reverses"] is not None
    e["reversed_by"] = e["reversed_by"] is not None
entries.sort(key=lambda e: (e["task"], e["date"], e["kind"], e["amount"]))
print(json.dumps(summary, ensure_ascii=False, sort_keys=True))
print(json.dumps(entries, ensure_ascii=False, sort_keys=True))'
}

# The money made with ntm fund (the commands the finance officer uses),
# exported and imported: the same summary and list, into a fresh file and
# into an empty one with the plan and task sheets.
case_fund_cli_round_trip() {
	fresh_db
	expect_ok ntm fund cost 5 "2,5 tỷ"
	expect_ok ntm fund plan 5 --source "ngan sach tinh" 1,5 tỷ
	expect_ok ntm fund plan 5 --source "nhân dân" 1 tỷ
	expect_ok ntm fund add 5 --kind received --source ns_tinh 800 triệu --date 2024-03-01 --doc "UNC 12"
	expect_ok ntm fund add 5 --kind paid --source ns_tinh 500 triệu --date 2024-04-01 --doc "PC 3" --note "tạm ứng"
	expect_ok ntm fund add 5 --kind completed 900 triệu --date 2024-05-01
	expect_ok ntm fund add 7 --kind received --source "nhan dan" 50 triệu --date 2024-02-01
	expect_ok ntm fund add 7 --kind paid --source "nhan dan" 20 triệu --doc "PC 9"
	local id
	id=$(ntm fund list 7 --format json | /usr/bin/python3 -c 'import sys, json; print([e["id"] for e in json.load(sys.stdin) if e["kind"] == "paid"][0])')
	expect_ok ntm fund reverse "$id" --reason "ghi nhầm nhiệm vụ"
	fund_json "$NTM_DB" >a.json
	grep -q '"debt": 400000000' a.json || fail "the original has no debt: $(head -c 300 a.json)"
	expect_ok ntm export --out all.xlsx
	mkdir out
	expect_ok ntm export --out out
	fresh_db b.db
	expect_ok ntm --db b.db import all.xlsx
	fund_json b.db >b.json
	cmp -s a.json b.json || fail "fund differs after xlsx: $(diff a.json b.json | head -c 600)"
	expect_ok ntm --db b.db import out
	expect_ok ntm --db b.db import all.xlsx
	fund_json b.db >b2.json
	cmp -s a.json b2.json || fail "importing again changed the money: $(diff a.json b2.json | head -c 600)"
	expect_ok ntm init --empty --db e.db
	expect_ok ntm --db e.db import out/ke-hoach.csv out/nhiem-vu.csv out/von.csv
	fund_json e.db >e.json
	cmp -s a.json e.json || fail "fund differs in the empty file: $(diff a.json e.json | head -c 600)"
}
