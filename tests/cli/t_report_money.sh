# ntm report's money part (issue 15): the plan's capital by source, by
# sector and the tasks with the greatest debt, in every format, read back
# by real readers; no part when the plan has no money; every kind of file.
# The money is written with sqlite3 as a file edited by `ntm fund` holds it
# (schema 9: fund_plan, fund_entry, task.budget_planned).

PY=/usr/bin/python3
PART="Huy động và giải ngân nguồn vốn"
NS_TINH=00000000000000000000000000f00002
NS_XA=00000000000000000000000000f00004
NHAN_DAN=00000000000000000000000000f00008

task_id() { q "SELECT id FROM task WHERE number = $1 AND plan_id = (SELECT id FROM plan LIMIT 1)"; }

# Task 4 (Giao thông): total cost 5 tỷ, planned 3 tỷ (tỉnh) + 500 triệu
# (nhân dân), received 2 tỷ, paid 1,5 tỷ (tỉnh), completed 1,8 tỷ; task 1
# (Quy hoạch): planned 200 triệu (xã), completed 50 triệu; task 5 (Giao
# thông): completed 12.345.678. Debts: #4 300 triệu, #1 50 triệu, #5
# 12.345.678.
add_money() {
	local t1 t4 t5
	t1=$(task_id 1) t4=$(task_id 4) t5=$(task_id 5)
	sqlite3 "$NTM_DB" "UPDATE task SET budget_planned = 5000000000 WHERE id = '$t4';
INSERT INTO fund_plan(id, task_id, source_id, amount) VALUES
 ('p1', '$t4', '$NS_TINH', 3000000000), ('p2', '$t4', '$NHAN_DAN', 500000000),
 ('p3', '$t1', '$NS_XA', 200000000);
INSERT INTO fund_entry(id, task_id, kind, source_id, amount, on_date) VALUES
 ('e1', '$t4', 'received', '$NS_TINH', 2000000000, '2024-03-01'),
 ('e2', '$t4', 'paid', '$NS_TINH', 1500000000, '2024-04-01'),
 ('e3', '$t4', 'completed', NULL, 1800000000, '2024-04-01'),
 ('e4', '$t1', 'completed', NULL, 50000000, '2024-05-01'),
 ('e5', '$t5', 'completed', '$NS_XA', 12345678, '2024-05-01');" ||
		fail "could not add money"
}

csv_table() {
	expect_ok ntm report --format csv --no-bom --table "$1"
	tr -d '\r' <"$OUT"
}

case_report_money_none_no_part() {
	fresh_db
	for f in txt md; do
		expect_ok ntm report --format $f
		expect_stdout_not_has "$PART"
		expect_stdout_not_has "Vốn theo nguồn"
	done
	expect_stdout_has "## VI. Thay đổi trong kỳ"
	expect_eq "sources csv" "$(csv_table sources)" \
		"Mã nguồn,Nguồn vốn,Kế hoạch vốn (đồng),Đã nhận (đồng),Đã giải ngân (đồng),Tỷ lệ giải ngân"
	expect_eq "debts csv lines" "$(csv_table "nợ đọng" | wc -l)" 1
	# a plan amount of 0 is no money either
	sqlite3 "$NTM_DB" "INSERT INTO fund_plan(id, task_id, source_id, amount) VALUES ('p0', '$(task_id 2)', '$NS_XA', 0)"
	expect_ok ntm report --out r.xlsx
	expect_ok ntm report --out r.docx
	"$PY" - <<'PYEOF' >got.txt
import openpyxl, docx
print("|".join(openpyxl.load_workbook("r.xlsx").sheetnames))
ws = openpyxl.load_workbook("r.xlsx")["Tổng hợp"]
print(any("vốn" in str(c.value) for r in ws.iter_rows() for c in r))
d = docx.Document("r.docx")
print([p.text for p in d.paragraphs if p.style.name == "Heading 2"][-2:])
PYEOF
	expect_eq "no money in xlsx and docx" "$(cat got.txt)" \
"Tổng hợp|Tiêu chí|Nhiệm vụ|Thôn|Thay đổi
False
['4. Xây dựng khu dân cư NTM kiểu mẫu', '5. Thay đổi trong kỳ']"
}

case_report_money_text() {
	fresh_db
	add_money
	expect_ok ntm report --format txt
	expect_stdout_line "VI. $PART"
	expect_stdout_line "VII. Thay đổi trong kỳ"
	expect_stdout_line "VIII. Khó khăn, vướng mắc và đề xuất"
	tr '\n' ' ' <"$OUT" | tr -s ' ' >flat.txt
	grep -qF "Tổng mức đầu tư 5.000.000.000 đ (3 công trình, nhiệm vụ có vốn): kế hoạch vốn 3.700.000.000 đ; đã nhận 2.000.000.000 đ; đã giải ngân 1.500.000.000 đ, đạt 41% kế hoạch vốn; giá trị khối lượng hoàn thành 1.862.345.678 đ; nợ đọng xây dựng cơ bản 362.345.678 đ." flat.txt ||
		fail "the totals' sentence: $(grep -o 'Tổng mức.\{0,400\}' flat.txt)"
	expect_stdout_match "^Ngân sách tỉnh +3\.000\.000\.000 +2\.000\.000\.000 +1\.500\.000\.000 +50%$"
	expect_stdout_match "^Tổng cộng +3\.700\.000\.000 +2\.000\.000\.000 +1\.500\.000\.000 +41%$"
	expect_stdout_match "^Giao thông +3\.500\.000\.000 +1\.500\.000\.000 +1\.812\.345\.678 +312\.345\.678$"
	expect_stdout_match "^ +4 +Cải tạo, nâng cấp các .* 1\.800\.000\.000 +1\.500\.000\.000 +300\.000\.000$"
	# the sources with nothing are not listed; the debts greatest first
	expect_stdout_not_has "Con em xa quê"
	grep -nE '^ +[0-9]+  ' "$OUT" | sed -n '/300\.000\.000$/,$p' | awk '{print $2}' |
		head -3 | tr '\n' ' ' >order.txt
	expect_eq "debt order" "$(cat order.txt)" "4 1 5 "
	"$PY" -c 'import sys; print(max(len(l) for l in open(sys.argv[1], encoding="utf-8").read().split("\n")) <= 80)' "$OUT" >w.txt
	expect_eq "lines within 80 columns" "$(cat w.txt)" "True"
	expect_ok ntm report --format md
	expect_stdout_line "## VI. $PART"
	expect_stdout_has "- **Ngân sách tỉnh** — Kế hoạch vốn (đồng): 3.000.000.000; Đã nhận (đồng):"
	expect_stdout_has "- **#1** Rà soát, điều chỉnh quy hoạch NTM — Khối lượng hoàn"
}

case_report_money_csv() {
	fresh_db
	add_money
	expect_eq "sources" "$(csv_table sources)" \
"Mã nguồn,Nguồn vốn,Kế hoạch vốn (đồng),Đã nhận (đồng),Đã giải ngân (đồng),Tỷ lệ giải ngân
ns_tinh,Ngân sách tỉnh,3000000000,2000000000,1500000000,50
ns_xa,Ngân sách xã (cả tiền đấu giá quyền sử dụng đất),200000000,0,0,0
nhan_dan,Nhân dân đóng góp,500000000,0,0,0
,Tổng cộng,3700000000,2000000000,1500000000,40.5405"
	expect_eq "sectors" "$(csv_table "von theo linh vuc")" \
"Mã lĩnh vực,Lĩnh vực,Kế hoạch vốn (đồng),Đã giải ngân (đồng),Khối lượng hoàn thành (đồng),Nợ đọng (đồng),Tỷ lệ giải ngân
quy_hoach,Quy hoạch,200000000,0,50000000,50000000,0
giao_thong,Giao thông,3500000000,1500000000,1812345678,312345678,42.8571
,Tổng cộng,3700000000,1500000000,1862345678,362345678,40.5405"
	expect_ok ntm report --format csv --no-bom --sep ';' --table debts
	expect_eq "debts" "$(tr -d '\r' <"$OUT")" \
"Số NV;Công trình, nhiệm vụ;Khối lượng hoàn thành (đồng);Đã giải ngân (đồng);Nợ đọng (đồng)
4;Cải tạo, nâng cấp các tuyến đường xuống cấp, nhỏ hẹp;1800000000;1500000000;300000000
1;Rà soát, điều chỉnh quy hoạch NTM;50000000;0;50000000
5;Xây mới, cải tạo rãnh thoát nước và chiếu sáng trên đường chính trong khu dân cư;12345678;0;12345678"
	expect_ok ntm report --format csv --table sectors --sep ';' --no-bom
	expect_stdout_has "giao_thong;Giao thông;3500000000;1500000000;1812345678;312345678;42,8571"
	expect_exit 2 ntm report --format csv --table money
	expect_stderr_has "money"
}

case_report_money_xlsx() {
	fresh_db
	add_money
	expect_ok ntm report --out r.xlsx
	"$PY" - <<'PYEOF' >got.txt
import openpyxl
wb = openpyxl.load_workbook("r.xlsx")
print("|".join(wb.sheetnames))
def row(ws, first):
    for r in ws.iter_rows():
        if r[0].value == first or (len(r) > 1 and r[1].value == first):
            return "|".join("%s:%s" % (c.value, c.number_format) for c in r
                            if c.value is not None)
s = wb["Tổng hợp"]
for label in ("Huy động và giải ngân nguồn vốn", "Tổng mức đầu tư (đồng)",
              "Tỷ lệ giải ngân", "Nợ đọng xây dựng cơ bản (đồng)"):
    print(row(s, label))
print(row(wb["Nguồn vốn"], "ns_tinh"))
print(row(wb["Nguồn vốn"], "Tổng cộng"), wb["Nguồn vốn"]["B9"].font.b)
print(row(wb["Vốn theo lĩnh vực"], "giao_thong"))
print(row(wb["Nợ đọng"], 4))
PYEOF
	expect_eq "xlsx" "$(cat got.txt)" \
"Tổng hợp|Tiêu chí|Nhiệm vụ|Thôn|Thay đổi|Nguồn vốn|Vốn theo lĩnh vực|Nợ đọng
Huy động và giải ngân nguồn vốn:General
Tổng mức đầu tư (đồng):General|5000000000:#,##0
Tỷ lệ giải ngân:General|0.4054054054054054:0.0%
Nợ đọng xây dựng cơ bản (đồng):General|362345678:#,##0
ns_tinh:General|Ngân sách tỉnh:General|3000000000:#,##0|2000000000:#,##0|1500000000:#,##0|0.5:0%
Tổng cộng:General|3700000000:#,##0|2000000000:#,##0|1500000000:#,##0|0.4054054054054054:0.0% True
giao_thong:General|Giao thông:General|3500000000:#,##0|1500000000:#,##0|1812345678:#,##0|312345678:#,##0|0.4285714285714285:0.0%
4:General|Cải tạo, nâng cấp các tuyến đường xuống cấp, nhỏ hẹp:General|1800000000:#,##0|1500000000:#,##0|300000000:#,##0"
}

case_report_money_docx() {
	fresh_db
	add_money
	expect_ok ntm report --out r.docx
	"$PY" "$TESTS_LIB/readback.py" docx r.docx >got.txt 2>&1
	# (readback.py writes a row's cells once each: "50.000.000 | 50.000.000"
	# is one cell)
	for want in "p: 5. $PART" "p: 6. Thay đổi trong kỳ" "p: a) Vốn theo nguồn" \
		"p: b) Vốn theo lĩnh vực" "p: c) Công trình, nhiệm vụ còn nợ đọng nhiều nhất" \
		"p: Tổng mức đầu tư 5.000.000.000 đ (3 công trình, nhiệm vụ có vốn): kế hoạch vốn 3.700.000.000 đ;" \
		"row: Nguồn vốn | Kế hoạch vốn (đồng) | Đã nhận (đồng) | Đã giải ngân (đồng) | Tỷ lệ giải ngân" \
		"row: Tổng cộng | 3.700.000.000 | 2.000.000.000 | 1.500.000.000 | 41%" \
		"row: Quy hoạch | 200.000.000 | 0 | 50.000.000 | 0%" \
		"row: 5 | Xây mới, cải tạo rãnh thoát nước và chiếu sáng trên đường chính trong khu dân cư | 12.345.678 | 0"; do
		grep -qF -- "$want" got.txt || fail "docx lacks “$want”"
	done
}

# More than ten tasks with a debt: ten listed, the others counted; an
# earlier as-of day says planned capital and costs are as they stand.
case_report_money_many_debts_and_as_of() {
	fresh_db
	sqlite3 "$NTM_DB" "INSERT INTO fund_entry(id, task_id, kind, amount, on_date)
SELECT 'c' || number, id, 'completed', 1000000 * number, '2024-02-01' FROM task
WHERE number BETWEEN 1 AND 13"
	expect_ok ntm report --format md --as-of 2024-12-31
	expect_stdout_has "… và 3 công trình, nhiệm vụ khác còn nợ đọng."
	tr '\n' ' ' <"$OUT" | grep -qF "Kế hoạch vốn và tổng mức đầu tư là số hiện có ngày lập báo cáo ($(today_dmy))." ||
		fail "md lacks the sentence on planned capital as it stands"
	expect_stdout_not_has "Số liệu vốn tính đến ngày lập báo cáo"
	sed -n "/^## VI\. $PART/,/^## VII/p" "$OUT" >part.txt
	expect_eq "debts listed in md" "$(grep -o '^- \*\*#[0-9]*' part.txt | tr '\n' ' ')" \
		"- **#13 - **#12 - **#11 - **#10 - **#9 - **#8 - **#7 - **#6 - **#5 - **#4 "
	expect_eq "debts listed" "$(csv_table debts | tail -n +2 | wc -l)" 10
	expect_ok ntm report --out r.xlsx
	"$PY" -c 'import openpyxl; ws = openpyxl.load_workbook("r.xlsx")["Nợ đọng"]; print([c.value for r in ws.iter_rows() for c in r if isinstance(c.value, str) and "khác" in c.value])' >got.txt
	expect_eq "xlsx note" "$(cat got.txt)" "['… và 3 công trình, nhiệm vụ khác còn nợ đọng.']"
}

# Names as a file edited elsewhere may hold them: nothing reaches a
# terminal or a spreadsheet as a command.
case_report_money_sanitised() {
	fresh_db
	add_money
	sqlite3 "$NTM_DB" "UPDATE fund_source SET name = '=Tỉnh' || char(27) || '[31m' WHERE id = '$NS_TINH';
UPDATE task SET title = 'Đường ' || char(1) || char(27) || ']0;x' || char(7) || ' <&>' WHERE number = 4"
	expect_ok ntm report --format txt
	if grep -q $'\x1b\|\x01\|\x07' "$OUT"; then fail "a control character reached the text"; fi
	expect_stdout_has "=Tỉnh"
	expect_ok ntm report --format csv --no-bom --table sources
	expect_stdout_has "'=Tỉnh"
	expect_ok ntm report --out r.docx
	"$PY" "$TESTS_LIB/readback.py" parts r.docx >parts.txt 2>&1
	expect_eq "docx parts not ok" "$(grep -vc '^ok ' parts.txt)" 0
	expect_ok ntm report --out r.xlsx
	"$PY" "$TESTS_LIB/readback.py" xlsx r.xlsx x >got.txt 2>&1
	grep -q 'control character' got.txt && fail "a control character reached a cell: $(cat got.txt)"
	return 0
}

# An empty file and a commune without a plan have no money part; a file
# with two communes shows the chosen one's; the district file has none.
case_report_money_kinds_of_file() {
	expect_ok ntm init --empty --commune "Tân Lập"
	for f in txt md csv; do
		expect_ok ntm report --format $f
	done
	expect_ok ntm report --format csv --table sources --no-bom
	expect_eq "sources csv of an empty file" "$(tr -d '\r' <"$OUT" | wc -l)" 1
	expect_ok ntm report --format md
	expect_stdout_not_has "$PART"
	expect_ok ntm report --out e.docx
	expect_ok ntm report --out e.xlsx
	fresh_db
	add_money
	sqlite3 "$NTM_DB" "INSERT INTO unit(id, level, name) VALUES ('x2', 'xa', 'Lạc Đạo')"
	expect_ok ntm --unit "lac dao" report --format md
	expect_stdout_not_has "$PART"
	expect_ok ntm --unit "viet hung" report --format md
	expect_stdout_has "## VI. $PART"
	expect_ok ntm --unit "viet hung" plan remove 2024 --force
	expect_ok ntm --unit "viet hung" report --format md
	expect_stdout_not_has "$PART"
	expect_ok ntm --db d.db init --district "Văn Lâm"
	expect_exit 1 ntm --db d.db report
	expect_stderr_has "chưa có xã nào"
}
