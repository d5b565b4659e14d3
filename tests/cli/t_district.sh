# The level above: ntm status --all and ntm report --all over every commune
# of a file (issue 14). Each commune is made in its own file with its own
# commands and joins the district file the real way: ntm sync export
# --all there, ntm sync apply here (the level above's file only reads a
# commune's data: doc/district.md).

# OWN[NAME]: the commune's own file, for comparing with its own status.
declare -A OWN=()

# commune DB NAME: a commune's own file (ntm init --empty --commune).
commune() {
	expect_ok ntm --db "$1" init --empty --commune "$2"
	OWN[$2]=$1
}

# join DB…: each commune's first export (--all) applied to $NTM_DB.
join() {
	local db files=()
	for db in "$@"; do
		expect_ok ntm --db "$db" sync export --all --out "$db.ntmsync"
		files+=("$db.ntmsync")
	done
	expect_ok ntm sync apply "${files[@]}"
}

# send DB: a later ordinary export of the commune, applied to $NTM_DB.
send() {
	expect_ok ntm --db "$1" sync export --out "$1.later.ntmsync"
	expect_ok ntm sync apply "$1.later.ntmsync"
}

# district_file: `ntm init --district` with three communes: Lạc Đạo (a
# plan, two tasks, one overdue, two villages, one meeting its checklist,
# a value; Thôn Hai has the template's items), Như Quỳnh (no plan, a value) and Việt Hưng (nothing).
district_file() {
	ntm init --district "Văn Lâm" --province "Hưng Yên" >/dev/null 2>&1 ||
		fail "ntm init --district failed"
	commune lac.db "Lạc Đạo"
	local L=(--db lac.db)
	expect_ok ntm "${L[@]}" plan new --year 2024 --number 5/KH-UBND \
		--title "Kế hoạch năm 2024"
	expect_ok ntm "${L[@]}" task add --sector giao_thong "Làm đường trục xã" \
		--due 2024-01-31
	expect_ok ntm "${L[@]}" task add --sector y_te "Sửa trạm y tế"
	expect_ok ntm "${L[@]}" task edit 2 --status hoan_thanh
	# Thôn Một without the template's items (ntm village add gives them:
	# removed, then one of its own, done)
	expect_ok ntm "${L[@]}" village add "Thôn Một"
	expect_ok ntm "${L[@]}" checklist "Thôn Một" --remove 1 --remove 1 --remove 1 \
		--remove 1 --remove 1 --remove 1 --remove 1 --remove 1 --remove 1 --remove 1
	expect_ok ntm "${L[@]}" village add "Thôn Hai"
	expect_ok ntm "${L[@]}" checklist "Thôn Một" --add "Đường làng" --done 1
	expect_ok ntm "${L[@]}" checklist "Thôn Hai" --add "Nhà văn hóa"
	expect_ok ntm "${L[@]}" set 1.1 đạt --date 2024-05-01
	commune nhu.db "Như Quỳnh"
	expect_ok ntm --db nhu.db set 12.2 50 --date 2024-05-02
	commune viet.db "Việt Hưng"
	join viet.db lac.db nhu.db
	expect_db "SELECT count(*) FROM unit WHERE level = 'xa'" 3
}

# all_json: ntm status --all --format json into $OUT (must succeed).
all_json() {
	expect_ok ntm status --all --format json
}

# same_as_own: every commune's row of status --all equals what its own
# `ntm --unit X status` says (gauges and every criterion's status).
same_as_own() {
	all_json
	cp "$OUT" all.json
	local n name
	n=$(jv 'len(d)')
	for ((i = 0; i < n; i++)); do
		run python3 -c 'import json,sys; print(json.load(open("all.json"))[int(sys.argv[1])]["unit"])' "$i"
		name=$(cat "$OUT")
		expect_ok ntm --unit "$name" status --format json
		cp "$OUT" one.json
		# in the district file exactly as in the commune's own
		[ -n "${OWN[$name]:-}" ] &&
			expect_eq "$name: status as in its own file" "$(cat one.json)" \
				"$(ntm --db "${OWN[$name]}" status --format json)"
		python3 - all.json one.json "$i" <<'EOF' || fail "status --all row $i ($name) differs from its own status"
import json, sys
row = json.load(open(sys.argv[1]))[int(sys.argv[3])]
own = json.load(open(sys.argv[2]))
ind = [i for c in own["criteria"] for i in c["indicators"]]
want = {
    "unit": own["unit"],
    "criteria_met": own["criteria_met"], "criteria_total": own["criteria_total"],
    "tasks_done": own["tasks_done"], "tasks_total": own["tasks_total"],
    "indicators_met": sum(i["status"] == "dat" for i in ind),
    "indicators_total": len(ind),
    "villages_total": len(own["villages"]),
    "villages_met": sum(v["items_total"] > 0 and v["items_done"] == v["items_total"]
                        for v in own["villages"]),
    "plan": own["plan"]["number"] if own["plan"] else None,
    "criteria": [c["status"] for c in own["criteria"]],
}
got = {k: row[k] for k in want}
if got != want:
    print("got ", got, "\nwant", want, file=sys.stderr)
    sys.exit(1)
EOF
	done
}

case_zero_communes() {
	expect_ok ntm init --district "Văn Lâm" --province "Hưng Yên"
	expect_ok ntm status --all
	expect_stdout_first "Huyện Văn Lâm — 0 xã"
	expect_stdout_has "chưa có xã nào"
	expect_stdout_line "  ntm sync export --all"
	expect_stdout_line "  ntm sync apply TỆP"
	all_json
	expect_stdout_is "[]"
	expect_ok ntm status --all --format csv
	expect_eq "$(wc -l <"$OUT" | tr -d ' ')" 1
	expect_stdout_has "unit,plan,year,criteria_met,criteria_total,"
	expect_ok ntm report --all --out z.xlsx
	/usr/bin/python3 - z.xlsx <<'EOF' || fail "the empty district's workbook"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Tổng hợp", "Tiêu chí", "Nhiệm vụ", "Vốn"], wb.sheetnames
ws = wb["Tổng hợp"]
assert ws["A2"].value == "Huyện Văn Lâm", ws["A2"].value
assert ws["A6"].value == "Tổng (0 xã)", ws["A6"].value
EOF
}

# The built-in plan's commune and a second one added by hand.
case_one_and_two_communes() {
	fresh_db
	all_json
	expect_json 'len(d)' 1
	expect_json 'd[0]["unit"]' "Việt Hưng"
	expect_json 'd[0]["plan"]' "32/KH-UBND"
	expect_json 'd[0]["year"]' 2024
	expect_json 'd[0]["criteria_total"]' 19
	same_as_own
	sqlite3 "$NTM_DB" "INSERT INTO unit(id, level, name) VALUES ('x2', 'xa', 'Lạc Đạo')"
	expect_ok ntm --unit "Lạc Đạo" set 12.2 50
	all_json
	expect_json '[r["unit"] for r in d]' '["Lạc Đạo", "Việt Hưng"]'
	expect_json 'd[0]["plan"]' null
	expect_json 'd[0]["year"]' null
	same_as_own
	expect_ok ntm status --all
	expect_stdout_first "Các xã trong tệp — 2 xã"
}

case_three_communes() {
	district_file
	all_json
	expect_json '[r["unit"] for r in d]' '["Lạc Đạo", "Như Quỳnh", "Việt Hưng"]'
	expect_json 'd[0]["plan"]' "5/KH-UBND"
	expect_json 'd[0]["tasks_done"]' 1
	expect_json 'd[0]["tasks_total"]' 2
	expect_json 'd[0]["overdue"]' 1
	expect_json 'd[0]["villages_met"]' 1
	expect_json 'd[0]["villages_total"]' 2
	expect_json 'd[0]["criteria_total"]' 19
	expect_json 'len(d[0]["criteria"])' 19
	expect_json 'd[0]["updated_by"] is not None and d[0]["updated_at"].endswith("Z")' true
	expect_json 'd[1]["tasks_total"]' 0
	# never changed since it joined: the day it came, nobody named
	expect_json 'd[2]["updated_at"].endswith("Z") and d[2]["updated_by"] is None' true
	expect_json 'd[2]["villages_total"]' 0
	same_as_own
	# the text table: a row per commune and the total, in 80 columns
	expect_ok ntm status --all
	expect_stdout_first "Huyện Văn Lâm — 3 xã"
	expect_stdout_match '^Lạc Đạo +[0-9]+/19 +[0-9]+/[0-9]+ +1/2 +1 +1/2$'
	expect_stdout_match '^Tổng \(3 xã\) '
	expect_stdout_match '^Lạc Đạo +5/KH-UBND năm 2024 +[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2} '
	expect_stdout_match '^Việt Hưng +chưa có kế hoạch +[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9:]{5} +—$'
	local wide
	wide=$(python3 -c 'import sys,unicodedata
print(max(len(unicodedata.normalize("NFC", l.rstrip("\n"))) for l in open(sys.argv[1], encoding="utf-8")))' "$OUT")
	[ "$wide" -le 80 ] || fail "a line of status --all is $wide columns wide"
	# a later change in one commune moves only its row
	cp "$OUT" before.txt
	expect_ok ntm --db viet.db set 12.2 70
	send viet.db
	expect_ok ntm status --all
	diff before.txt "$OUT" | grep '^[<>]' | grep -v 'Việt Hưng\|Tổng' &&
		fail "rows of other communes changed"
	expect_stdout_match '^Việt Hưng +chưa có kế hoạch +[0-9]{2}/'
}

case_csv() {
	district_file
	expect_ok ntm status --all --format csv
	expect_stdout_has $'unit,plan,year,criteria_met,criteria_total,indicators_met,indicators_total,tasks_done,tasks_total,overdue,villages_met,villages_total,updated_at,updated_by,fund_planned,fund_received,fund_paid,fund_completed,fund_debt\r'
	expect_stdout_match $'^Lạc Đạo,5/KH-UBND,2024,[0-9]+,19,[0-9]+,[0-9]+,1,2,1,1,2,20[0-9-]+T[0-9:.]+Z,[^,]+,0,0,0,0,0\r$'
	expect_stdout_match $'^Việt Hưng,,,[0-9]+,19,[0-9]+,[0-9]+,0,0,0,0,0,20[0-9-]+T[0-9:]+Z,,0,0,0,0,0\r$'
	expect_eq "csv lines" "$(wc -l <"$OUT" | tr -d ' ')" 4
}

case_refused_with_unit_or_plan() {
	district_file
	expect_exit 2 ntm --unit "Lạc Đạo" status --all
	expect_stderr_has "--all (mọi xã của tệp) không dùng cùng --unit hoặc --plan"
	expect_exit 2 ntm status --all --plan 2024
	expect_stderr_has "--unit hoặc --plan"
	expect_exit 2 ntm report --all --unit "Lạc Đạo"
	expect_exit 2 ntm report --all --format md
	expect_stderr_has "xlsx (mặc định) hoặc csv"
	expect_exit 2 ntm report --all --as-of 2024-01-01
	expect_stderr_has "không dùng --as-of"
}

# Names that are escape sequences or formulas reach no terminal or
# spreadsheet as such.
case_sanitised() {
	district_file
	sqlite3 "$NTM_DB" "INSERT INTO unit(id, level, name) VALUES
		('e1', 'xa', 'Đỏ' || char(27) || '[31m'), ('e2', 'xa', '=1+2')"
	expect_ok ntm status --all
	grep -q $'\033' "$OUT" && fail "an escape sequence reached the terminal"
	expect_stdout_match '^=1\+2 '
	all_json
	expect_json '[r["unit"] for r in d if r["id"] == "e1"]' '["Đỏ\u001b[31m"]'
	expect_ok ntm status --all --format csv
	grep -q $'\033' "$OUT" && fail "an escape sequence reached the CSV"
	expect_stdout_match "^'=1\+2,"
	expect_ok ntm report --all --out s.xlsx
	/usr/bin/python3 - s.xlsx <<'EOF' || fail "the workbook's names are not safe"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Tổng hợp"]
names = [r[0] for r in ws.iter_rows(min_row=6, values_only=True)]
assert "'=1+2" in names, names
assert not any("\x1b" in (n or "") for n in names), names
EOF
}

case_report_all_xlsx() {
	district_file
	expect_ok ntm report --all
	local f="bao-cao-ntm-huyen-van-lam-$(today).xlsx"
	expect_stdout_line "Đã ghi báo cáo: $f"
	/usr/bin/python3 - "$f" <<'EOF' || fail "the workbook read back"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Tổng hợp", "Tiêu chí", "Nhiệm vụ", "Vốn"], wb.sheetnames
s = wb["Tổng hợp"]
assert s["A1"].value.startswith("TỔNG HỢP"), s["A1"].value
assert s["A2"].value == "Huyện Văn Lâm", s["A2"].value
head = [c.value for c in s[5]]
assert head[:4] == ["Xã", "Kế hoạch", "Năm", "Tiêu chí đạt"], head
row = [c.value for c in s[6]]
assert row[0] == "Lạc Đạo" and row[1] == "5/KH-UBND" and row[2] == 2024, row
assert row[4] == 19 and row[7:12] == [1, 2, 1, 1, 2], row
assert s["A9"].value == "Tổng (3 xã)" and s["I9"].value == 2, s["A9"].value
c = wb["Tiêu chí"]
head = [x.value for x in c[5]]
assert head[0] == "Xã" and head[1] == "TC 1" and head[19] == "TC 19", head
assert head[20] == "Tiêu chí đạt", head
for r in range(6, 9):
    cells = [c.cell(r, k).value for k in range(2, 21)]
    assert all(v in ("Đạt", "Chưa") for v in cells), cells
    assert cells.count("Đạt") == c.cell(r, 21).value, (cells, c.cell(r, 21).value)
count = [c.cell(9, k).value for k in range(2, 21)]
assert c.cell(9, 1).value == "Số xã đạt"
assert count == [sum(c.cell(r, k).value == "Đạt" for r in range(6, 9))
                 for k in range(2, 21)], count
t = wb["Nhiệm vụ"]
rows = [[x.value for x in r] for r in t.iter_rows(min_row=6)]
assert rows == [["Lạc Đạo", "Giao thông", 0, 1, 1],
                ["Lạc Đạo", "Y tế", 1, 1, 0]], rows
EOF
	# the csv of the summary, and a folder as --out
	expect_ok ntm report --all --format csv
	expect_stdout_match '^Lạc Đạo,5/KH-UBND,2024,'
	mkdir out
	expect_ok ntm report --all --out out
	[ -f "out/$f" ] || fail "no out/$f"
}
