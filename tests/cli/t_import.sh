# ntm import and ntm export (issue 12): CSV in TCVN3 with ';', a CSV with
# an error on one line (named, nothing imported), a workbook written by
# openpyxl, a dry run, and export → import into an empty file giving the
# same status (workbook and CSV folder).

# import FILE… must fail with the refusals on stderr, then one "ntm: " line.
expect_refused() {
	run ntm import "$@"
	expect_rc 2
	tail -n 1 "$ERR" | grep -q '^ntm: .* lỗi; chưa nhập gì$' ||
		fail "\`ntm import $*\`: last stderr line should be \"ntm: N lỗi; chưa nhập gì\" $(_ctx)"
}

# The built-in plan after a few changes: values (one retracted), a task
# done, an item ticked with its date.
worked_on() {
	fresh_db
	expect_ok ntm set 12.2 80 --date 2024-02-01
	expect_ok ntm set 12.2 86,5 --date 2024-03-01 --note "báo cáo quý I"
	expect_ok ntm set 2.1 55 --date 2024-03-02
	expect_ok ntm set 2.1 --retract
	expect_ok ntm task done 1
	expect_ok ntm task edit 5 --progress 40 --issue "thiếu vốn" --proposal "xin hỗ trợ" \
		--detail "$(printf 'Dòng một\ndòng hai')"
	expect_ok ntm checklist "Cự Đình" --done 1 --date 2024-04-01
}

# status of both files equal (text and JSON)
same_status() {
	ntm status --format json >a.json 2>&1
	ntm --db "$1" status --format json >b.json 2>&1
	cmp -s a.json b.json || fail "status differs after the round trip: $(diff a.json b.json | head -c 400)"
	# (the commune's own description, "huyện …, tỉnh …", is the file's, not
	# the programme's: not exported)
	ntm status | tail -n +2 >a.txt 2>&1
	ntm --db "$1" status | tail -n +2 >b.txt 2>&1
	cmp -s a.txt b.txt || fail "status text differs: $(diff a.txt b.txt | head -c 400)"
	ntm checklist --matrix >a.txt 2>&1
	ntm --db "$1" checklist --matrix >b.txt 2>&1
	cmp -s a.txt b.txt || fail "checklist matrix differs: $(diff a.txt b.txt | head -c 400)"
}

case_export_import_xlsx_round_trip() {
	worked_on
	expect_ok ntm export --out all.xlsx
	expect_stdout_has "Đã xuất vào all.xlsx"
	/usr/bin/python3 - all.xlsx <<'EOF' || fail "the workbook is not as import reads it"
import sys, openpyxl
from datetime import datetime as D
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Kế hoạch", "Chỉ tiêu KH", "Giá trị", "Nhiệm vụ", "Danh mục thôn", "Vốn"], wb.sheetnames
v = wb["Giá trị"]
assert v.freeze_panes == "A2" and v["A1"].font.b
rows = [[c.value for c in r] for r in v.iter_rows(min_row=2)]
# dates are real dates, shown dd/mm/yyyy
assert ["12.2", 80, D(2024, 2, 1), None] in rows, rows
assert ["12.2", 86.5, D(2024, 3, 1), "báo cáo quý I"] in rows, rows
assert v["C2"].is_date and v["C2"].number_format == "dd/mm/yyyy", v["C2"].number_format
k = wb["Danh mục thôn"]
assert any(r[3].value == D(2024, 4, 1) for r in k.iter_rows(min_row=2)), "the item's done date"
assert not any(r[0] == "2.1" and r[1] == 55 for r in rows), "a retracted value was exported"
t = wb["Nhiệm vụ"]
assert t["A2"].value == 1 and t["F2"].value == "hoàn thành" and t["G2"].value == 100
EOF
	expect_ok ntm --db copy.db init --empty --commune "Việt Hưng"
	expect_ok ntm --db copy.db import all.xlsx
	expect_stdout_has "70 nhiệm vụ mới"
	same_status copy.db
	expect_db "SELECT issue, proposal, progress FROM task WHERE number = 5" \
		"thiếu vốn|xin hỗ trợ|40" copy.db
	expect_db "SELECT detail FROM task WHERE number = 5" "$(printf 'Dòng một\ndòng hai')" copy.db
	# a second import changes nothing and writes no action
	local actions
	actions=$(q 'SELECT count(DISTINCT action_id) FROM audit' copy.db)
	expect_ok ntm --db copy.db import all.xlsx
	expect_stdout_has "Không có gì mới: mọi dòng đã có sẵn"
	expect_db 'SELECT count(DISTINCT action_id) FROM audit' "$actions" copy.db
}

case_export_import_csv_round_trip() {
	worked_on
	mkdir out
	expect_ok ntm export --format csv --out out
	for f in ke-hoach chi-tieu-ke-hoach gia-tri nhiem-vu danh-muc-thon; do
		[ -s "out/$f.csv" ] || fail "out/$f.csv missing"
	done
	head -c 3 out/gia-tri.csv | od -An -tx1 | grep -q 'ef bb bf' || fail "no BOM in gia-tri.csv"
	grep -q $'\r$' out/nhiem-vu.csv || fail "CSV rows should end with CRLF"
	expect_ok ntm --db copy.db init --empty --commune "Việt Hưng"
	expect_ok ntm --db copy.db import out
	same_status copy.db
	expect_db "SELECT detail FROM task WHERE number = 5" "$(printf 'Dòng một\ndòng hai')" copy.db
	# a folder is CSV without --format
	rm out/*.csv
	expect_ok ntm export --out out
	[ -s out/nhiem-vu.csv ] || fail "export --out FOLDER should write CSV files"
	# into a folder that does not exist: refused, nothing written
	expect_exit 2 ntm export --format csv --out missing
	expect_stderr_has "missing"
	[ ! -e missing ] || fail "export made the missing folder"
	expect_exit 1 ntm export --out missing/all.xlsx
	[ ! -e missing ] || fail "export made the missing folder"
}

case_csv_tcvn3_semicolon() {
	fresh_db
	printf 'Mã chỉ tiêu;Giá trị;Ngày;Ghi chú\r\n12.2;86,5;01/03/2024;Báo cáo của thôn Cự Đình\r\n' >utf8.csv
	ntm convert --to tcvn3 utf8.csv >tcvn3.csv 2>/dev/null || fail "ntm convert --to tcvn3 failed"
	cmp -s utf8.csv tcvn3.csv && fail "the TCVN3 file should differ from UTF-8"
	expect_ok ntm import --encoding tcvn3 tcvn3.csv
	expect_db "SELECT value, as_of, note FROM measurement m JOIN indicator i ON i.id = m.indicator_id WHERE i.code = '12.2'" \
		"86.5|2024-03-01|Báo cáo của thôn Cự Đình"
	expect_db "SELECT count(*) FROM audit WHERE entity = 'measurement'" 1
	expect_ok ntm log --limit 1
	expect_stdout_has "nhập bảng tính"
	# the encoding told from the bytes
	fresh_db auto.db
	expect_ok ntm --db auto.db import tcvn3.csv
	expect_db "SELECT note FROM measurement" "Báo cáo của thôn Cự Đình" auto.db
}

case_csv_error_on_one_line() {
	fresh_db
	printf 'STT,Lĩnh vực,Nhiệm vụ,Tiến độ\n,Giao thông,Làm đường mới,10\n,Giao thong,Sửa cầu,abc\n,Điện,Kéo điện,20\n' >nv.csv
	local before
	before=$(q 'SELECT count(*) FROM audit')
	expect_refused nv.csv
	expect_stderr_has 'nv.csv:3: tiến độ “abc”'
	[ "$(grep -c 'nv.csv:' "$ERR")" = 1 ] || fail "only line 3 is wrong $(_ctx)"
	expect_db "SELECT count(*) FROM task WHERE title IN ('Làm đường mới', 'Kéo điện')" 0
	expect_db 'SELECT count(*) FROM audit' "$before"
	# every error listed, not just the first
	printf 'Mã chỉ tiêu,Giá trị,Ngày\n99.9,1,\n12.2,nhiều,2024-03-01\n12.2,80,2024-03-05\n' >gt.csv
	expect_refused gt.csv
	expect_stderr_has 'gt.csv:2: '
	expect_stderr_has 'gt.csv:3: '
	expect_stderr_not_has 'gt.csv:4'
	expect_db 'SELECT count(*) FROM measurement' 0
	# an unknown column is refused, naming it
	printf 'Mã chỉ tiêu,Giá trị,Nguoi nhap\n12.2,80,An\n' >typo.csv
	expect_refused typo.csv
	expect_stderr_has 'typo.csv:1: cột “Nguoi nhap”'
}

case_xlsx_by_openpyxl_and_dry_run() {
	fresh_db
	/usr/bin/python3 - book.xlsx <<'EOF' || fail "openpyxl could not write the workbook"
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Số liệu"
ws.append(["ma chi tieu", "gia tri", "ngay", "ghi chu"])
ws.append(["12.2", 88, datetime.date(2024, 3, 5), "từ openpyxl"])
t = wb.create_sheet("Thôn")
t.append(["Thôn", "Việc", "Xong", "Ngày"])
t.append(["Thục Cầu", "Rãnh thoát nước", "x", "2024-03-06"])
t.append(["Thôn Mới", "Sân chơi cho trẻ", "", None])
wb.save(sys.argv[1])
EOF
	local before
	before=$(q 'SELECT count(*) FROM audit')
	expect_ok ntm import --dry-run book.xlsx
	expect_stdout_has "ghi 12.2 = 88% ngày 05/03/2024"
	expect_stdout_has "đánh dấu xong “Rãnh thoát nước” ở thôn Thục Cầu ngày 06/03/2024"
	expect_stdout_has "thêm thôn Thôn Mới"
	expect_stdout_has "thêm mục “Sân chơi cho trẻ” ở Thôn Mới"
	expect_db 'SELECT count(*) FROM audit' "$before"
	expect_db "SELECT count(*) FROM unit WHERE name = 'Thôn Mới'" 0
	expect_ok ntm import book.xlsx
	expect_db "SELECT value, as_of FROM measurement" "88.0|2024-03-05"
	expect_db "SELECT count(*) FROM checklist_item i JOIN unit u ON u.id = i.unit_id WHERE u.name = 'Thôn Mới'" 1
	expect_ok ntm log --limit 1
	expect_stdout_has "nhập bảng tính"
	# a cell named in the refusal
	/usr/bin/python3 - bad.xlsx <<'EOF'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Nhiệm vụ"
ws.append(["STT", "Lĩnh vực", "Nhiệm vụ", "Hạn"])
ws.append([None, "Điện", "Việc X", "31/02/2024"])
wb.save(sys.argv[1])
EOF
	expect_refused bad.xlsx
	expect_stderr_has "bad.xlsx (trang Nhiệm vụ) D2: "
	# --read-only: a write, refused
	expect_exit 1 ntm --read-only import book.xlsx
	expect_stderr_has "chỉ xem"
}

# A title a spreadsheet would run as a formula is written with a leading '
# (text_cell_safe); import drops it again, so the titles come back as
# they were, also one that starts with ' itself.
case_formula_like_titles_round_trip() {
	fresh_db
	local t
	for t in "=SUM(A1:A3) kinh phí" "+84 đường dây nóng" "@thôn Cự Đình" \
		 "'=giữ dấu nháy" "'ghi chú"; do
		expect_ok ntm task add --sector "giao thong" "$t"
	done
	expect_ok ntm task add --sector "giao thong" -- "-Làm đường"
	q "SELECT title FROM task ORDER BY title" >want.txt
	grep -qx -- "-Làm đường" want.txt || fail "the task \"-Làm đường\" was not added"
	expect_ok ntm export --out all.xlsx
	/usr/bin/python3 - all.xlsx <<'PY' || fail "the workbook should hold the titles neutralised"
import sys, openpyxl
t = [r[2].value for r in openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"].iter_rows(min_row=2)]
assert "'=SUM(A1:A3) kinh phí" in t and "'-Làm đường" in t and "''=giữ dấu nháy" in t, t
assert "'ghi chú" in t, t
PY
	mkdir out
	expect_ok ntm export --format csv --out out
	grep -q "^[0-9]*,Giao thông,'=SUM(A1:A3) kinh phí," out/nhiem-vu.csv ||
		fail "the CSV should hold the title neutralised: $(grep SUM out/nhiem-vu.csv)"
	local from
	for from in all.xlsx out; do
		rm -f copy.db
		expect_ok ntm --db copy.db init --empty --commune "Việt Hưng"
		expect_ok ntm --db copy.db import "$from"
		q "SELECT title FROM task ORDER BY title" copy.db >got.txt
		cmp -s want.txt got.txt || fail "titles after export → import of $from: $(diff want.txt got.txt)"
	done
}

# The CSV folder is written all or nothing: when the third file cannot be
# written (a folder has its name), the others are left as they were (the
# same files: not replaced) and no temporary file stays behind.
case_export_csv_folder_all_or_nothing() {
	worked_on
	mkdir out
	expect_ok ntm export --format csv --out out
	rm out/gia-tri.csv
	mkdir out/gia-tri.csv
	local f before after
	before=$(for f in out/*.csv; do stat -c '%n %i %s' "$f"; done)
	expect_ok ntm set 12.2 90 --date 2024-05-01
	expect_ok ntm task edit 5 --progress 60
	expect_exit 1 ntm export --format csv --out out
	expect_stderr_has "out/gia-tri.csv"
	after=$(for f in out/*.csv; do stat -c '%n %i %s' "$f"; done)
	[ "$before" = "$after" ] || fail "files changed by a failed export: $before / $after"
	[ "$(ls -A out | wc -l)" = 6 ] || fail "temporary files left: $(ls -A out)"
	[ -z "$(ls -A out/gia-tri.csv)" ] || fail "the folder gia-tri.csv was written into"
	# once the name is free, every file is written
	rmdir out/gia-tri.csv
	expect_ok ntm export --format csv --out out
	grep -q "^12.2,90,2024-05-01," out/gia-tri.csv || fail "the new value is not exported"
	grep -q ",60," out/nhiem-vu.csv || fail "the new progress is not exported"
}

# Spreadsheets as officials make them: a title block above the header, an
# STT column, units in the header, percent cells, float noise.
case_xlsx_title_block_percent_stt() {
	fresh_db
	/usr/bin/python3 - titled.xlsx <<'EOF' || fail "openpyxl could not write the workbook"
import sys, datetime, openpyxl
from openpyxl import Workbook
wb = Workbook(); ws = wb.active; ws.title = "Giá trị"
ws.append(["UBND XÃ VIỆT HƯNG"])
ws.merge_cells("A1:D1")
ws.append(["BẢNG SỐ LIỆU CHỈ TIÊU NÔNG THÔN MỚI"])
ws.append([])
ws.append(["STT", "Mã chỉ tiêu", "Giá trị (%)", "Ngày", "Ghi chú"])
ws.append([1, "12.2", 0.87, datetime.date(2024, 3, 5), "phần trăm"])
ws["C5"].number_format = "0%"
ws.append([2, "2.1", 86.49999999999999, datetime.date(2024, 3, 6), "số lẻ"])
ws.append([3, "17.1", 0.865, datetime.date(2024, 3, 7), "phần trăm tự định dạng"])
ws["C7"].number_format = '0.0" phần"%'
t = wb.create_sheet("Nhiệm vụ")
t.append(["Số TT", "Lĩnh vực", "Nhiệm vụ", "Tiến độ (%)"])
t.append([1, "Quy hoạch", "Làm đường trục thôn", 0.3])
t["D2"].number_format = "0%"
t.append([2, "Quy hoạch", "Kéo điện", 30.000000000000004])
wb.save(sys.argv[1])
EOF
	expect_ok ntm import titled.xlsx
	expect_stderr_not_has "--force"
	expect_db "SELECT i.code, m.value FROM measurement m JOIN indicator i ON i.id = m.indicator_id ORDER BY i.code" \
		"12.2|87.0
17.1|86.5
2.1|86.5"
	expect_db "SELECT progress FROM task WHERE title = 'Làm đường trục thôn'" 30
	expect_db "SELECT progress FROM task WHERE title = 'Kéo điện'" 30
}

# Cells typed with the .VnTime font (TCVN3 bytes held as Latin-1
# characters): --encoding tcvn3, and told from the header by itself.
case_xlsx_tcvn3_font() {
	fresh_db
	/usr/bin/python3 - old.xlsx <<'EOF' || fail "openpyxl could not write the workbook"
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
# "Mã chỉ tiêu", "Giá trị", "Ghi chú", "Việt Hưng" in TCVN3 (ABC) bytes
ws.append([b"M\xb7 ch\xd8 ti\xaau".decode("latin-1"),
           b"Gi\xb8 tr\xde".decode("latin-1"),
           b"Ghi ch\xf3".decode("latin-1")])
ws.append(["12.2", 80, b"Vi\xd6t H\xadng".decode("latin-1")])
wb.save(sys.argv[1])
EOF
	expect_ok ntm import old.xlsx
	expect_db "SELECT note FROM measurement" "Việt Hưng"
	fresh_db
	expect_ok ntm import --encoding tcvn3 old.xlsx
	expect_db "SELECT note FROM measurement" "Việt Hưng"
	fresh_db
	expect_refused --encoding utf-8 old.xlsx
	expect_db "SELECT count(*) FROM measurement" 0
}

# What a file is is told by its content; --sheet only for workbooks; the
# CSV messages name the file and say what is wrong with a line.
case_csv_by_content_and_messages() {
	fresh_db
	printf 'Mã chỉ tiêu,Giá trị,Ghi chú\n12.2,80,An\n' >data.txt
	expect_ok ntm import data.txt
	expect_db "SELECT value FROM measurement" "80.0"
	fresh_db
	cp data.txt data.csv
	expect_exit 2 ntm import --sheet "Giá trị" data.csv
	expect_stderr_has "data.csv là tệp CSV: --sheet chỉ dùng cho bảng tính .xlsx"
	: >empty.csv
	expect_exit 2 ntm import empty.csv
	expect_stderr_has "tệp empty.csv không có dòng dữ liệu nào"
	printf 'STT,Mã chỉ tiêu,Giá trị,Ghi chú\n1,12.2,80,An\n2,2.1,55,Bình, Cường\n3,2.4,81,\n' >wide.csv
	expect_refused wide.csv
	expect_stderr_has "wide.csv:3: dòng 3 có 5 ô, dòng tiêu đề có 4 — có dấu phẩy không nằm trong ngoặc kép?"
	[ "$(grep -c 'wide.csv:' "$ERR")" = 1 ] || fail "only line 3 is wrong $(_ctx)"
	expect_db "SELECT count(*) FROM measurement" 0
	# the title block of a CSV, the header's unit, a checklist's STT
	printf 'UBND XÃ VIỆT HƯNG\nDANH MỤC THÔN\n\nTT;Thôn;Việc;Xong\n1;Cự Đình;Rãnh thoát nước;x\n' >thon.csv
	expect_ok ntm import thon.csv
	expect_db "SELECT count(*) FROM unit WHERE name = 'Cự Đình'" 1
}
# ntm undo: the last action in the file (an import) undone from the command
# line, a second undo redoes it; refused with --read-only and when a row
# of the action changed since (outside ntm).
case_undo_import_from_command_line() {
	worked_on
	expect_ok ntm export --out all.xlsx
	expect_ok ntm --db copy.db init --empty --commune "Việt Hưng"
	expect_ok ntm --db copy.db import all.xlsx
	expect_ok ntm --db copy.db undo
	expect_stdout_has "Đã hoàn tác: nhập bảng tính “32/KH-UBND”."
	expect_stdout_has "ntm undo lần nữa sẽ làm lại"
	expect_db 'SELECT count(*) FROM task' 0 copy.db
	expect_db 'SELECT count(*) FROM measurement' 0 copy.db
	expect_ok ntm --db copy.db undo
	expect_stdout_has "Đã làm lại: nhập bảng tính “32/KH-UBND”."
	expect_db 'SELECT count(*) FROM task' 70 copy.db
	same_status copy.db
	local actions
	actions=$(q 'SELECT count(DISTINCT action_id) FROM audit' copy.db)
	expect_exit 2 ntm --db copy.db --read-only undo
	expect_stderr_has "không hoàn tác được khi chỉ xem"
	sqlite3 copy.db "UPDATE task SET progress = 3, version = version + 1 WHERE number = 1"
	expect_exit 1 ntm --db copy.db undo
	expect_stderr_has "đã được sửa ngoài ntm"
	expect_db 'SELECT count(DISTINCT action_id) FROM audit' "$actions" copy.db
	expect_db 'SELECT count(*) FROM task' 70 copy.db
	# an empty log: nothing to undo
	expect_ok ntm --db empty.db init --empty --commune "Việt Hưng"
	expect_exit 1 ntm --db empty.db undo
	expect_stderr_has "chưa có thao tác nào"
}

# export --out with another extension than .xlsx is refused (an A.docx
# would be a workbook); ntm check needs no commune on a file with two.
case_export_extension_and_check_two_communes() {
	fresh_db
	expect_exit 2 ntm export --out A.docx
	expect_stderr_has "đuôi .docx không dùng được"
	[ ! -e A.docx ] || fail "A.docx was written"
	expect_ok ntm export --out A.XLSX
	[ -s A.XLSX ] || fail "A.XLSX not written"
	expect_ok ntm --db two.db init --empty --commune "Việt Hưng"
	sqlite3 two.db "INSERT INTO unit(id, parent_id, level, name) SELECT 'x2', parent_id, level, 'Xã Khác' FROM unit WHERE level = 'xa'" ||
		fail "could not add a second commune"
	expect_ok ntm --db two.db status
	expect_stdout_has "Xã Khác"
	expect_ok ntm --db two.db check
	expect_stdout_has "không có lỗi"
}

# A village an import makes holds the file's items in the file's order
# (not the template: an item removed stays removed, a moved one stays
# where it was moved); the template link of an item is kept (the matrix).
# An existing village keeps its items, new titles appended. A village
# name with blanks around it, or "Thôn …", finds its village.
case_village_items_round_trip() {
	fresh_db
	expect_ok ntm checklist "Cự Đình" --remove 3
	expect_ok ntm checklist "Cự Đình" --move 5 --to 1
	expect_ok ntm checklist "Cự Đình" --add "Việc riêng của thôn"
	expect_ok ntm export --out all.xlsx
	expect_ok ntm --db copy.db init --empty --commune "Việt Hưng"
	expect_ok ntm --db copy.db import all.xlsx
	expect_stdout_has "2 thôn mới, 20 mục mới, 0 mục thay đổi, 0 dòng vốn; 0 dòng đã có sẵn"
	local want got
	want=$(q "SELECT i.title, i.template_id IS NOT NULL FROM checklist_item i JOIN unit u ON u.id = i.unit_id WHERE u.name = 'Cự Đình' ORDER BY i.ord")
	got=$(q "SELECT i.title, i.template_id IS NOT NULL FROM checklist_item i JOIN unit u ON u.id = i.unit_id WHERE u.name = 'Cự Đình' ORDER BY i.ord" copy.db)
	[ "$want" = "$got" ] || fail "Cự Đình's items after the round trip: $(diff <(echo "$want") <(echo "$got"))"
	ntm checklist --matrix >a.txt 2>&1
	ntm --db copy.db checklist --matrix >b.txt 2>&1
	cmp -s a.txt b.txt || fail "checklist matrix differs: $(diff a.txt b.txt | head -c 400)"
	# blanks around the name, and "Thôn …": the same village, a new item
	# appended to its own
	printf 'Thôn,Việc,Xong\n"Cự Đình ",Việc thêm 1,\nThôn Cự Đình,Việc thêm 2,x\n' >more.csv
	expect_ok ntm --db copy.db import more.csv
	expect_stdout_has "0 thôn mới, 2 mục mới"
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon'" 2 copy.db
	expect_db "SELECT title FROM checklist_item i JOIN unit u ON u.id = i.unit_id WHERE u.name = 'Cự Đình' ORDER BY i.ord DESC LIMIT 2" \
		"$(printf 'Việc thêm 2\nViệc thêm 1')" copy.db
	# "Thôn Đại Từ" is a new village, with only the file's item
	printf 'Thôn,Việc\nThôn Đại Từ,Đường làng\n' >new.csv
	expect_ok ntm --db copy.db import new.csv
	expect_db "SELECT count(*) FROM checklist_item i JOIN unit u ON u.id = i.unit_id WHERE u.name = 'Thôn Đại Từ'" 1 copy.db
}

# What an import says: nothing new said so; a dry run names the fields a
# task edit changes and the notes it sets; a future done date in the
# words of a checklist; a plan of a newer year said to be the one in use.
case_import_messages() {
	fresh_db
	expect_ok ntm export --out all.xlsx
	expect_ok ntm import all.xlsx
	expect_stdout_has "Không có gì mới: mọi dòng đã có sẵn"
	expect_stdout_not_has "Đã nhập"
	local sector item
	sector=$(q "SELECT s.name FROM task t JOIN sector s ON s.id = t.sector_id WHERE t.number = 5")
	item=$(q "SELECT i.title FROM checklist_item i JOIN unit u ON u.id = i.unit_id WHERE u.name = 'Cự Đình' ORDER BY i.ord LIMIT 1")
	printf "STT,Lĩnh vực,Nhiệm vụ,Tiến độ,Hạn\n5,%s,,40,30/06/2024\n" "$sector" >nv.csv
	printf 'Thôn,Việc,Ghi chú\nCự Đình,%s,đã nghiệm thu\n' "$item" >thon.csv
	expect_ok ntm import --dry-run nv.csv thon.csv
	expect_stdout_match "sửa nhiệm vụ #5 “.*”: .*tiến độ 0 → 40%"
	expect_stdout_match "sửa nhiệm vụ #5 .*hạn .* → 30/06/2024"
	expect_stdout_has "ghi chú “đã nghiệm thu” cho mục “$item” ở thôn Cự Đình"
	printf 'Thôn,Việc,Xong,Ngày\nCự Đình,%s,x,01/01/2099\n' "$item" >future.csv
	expect_refused future.csv
	expect_stderr_has "ngày xong 01/01/2099 ở tương lai"
	expect_stderr_not_has "giá trị phải"
	printf 'Mã chỉ tiêu,Giá trị,Ngày\n12.2,80,2099-01-31\n' >gt.csv
	expect_refused gt.csv
	expect_stderr_has "gt.csv:2: ngày 31/01/2099 ở tương lai; giá trị phải tính đến hôm nay"
	printf 'Số kế hoạch,Năm\n15/KH-UBND,2025\n' >kh.csv
	expect_ok ntm import kh.csv
	expect_stdout_has "Kế hoạch 15/KH-UBND năm 2025 là kế hoạch mới nhất của xã"
	# a plan that is not the newest is not said to be in use
	printf 'Số kế hoạch,Năm\n9/KH-UBND,2023\n' >old.csv
	expect_ok ntm import old.csv
	expect_stdout_not_has "mới nhất"
}

# A task's sector is not changed by an import: a row naming task #5 under
# another sector is refused, saying so, and nothing is written.
case_task_sector_change_refused() {
	fresh_db
	local sector
	sector=$(q "SELECT s.name FROM task t JOIN sector s ON s.id = t.sector_id WHERE t.number = 5")
	[ "$sector" != "Điện" ] || fail "task 5 is in Điện already"
	printf 'STT,Lĩnh vực,Nhiệm vụ,Tiến độ\n5,Điện,,40\n' >nv.csv
	expect_refused nv.csv
	expect_stderr_has "nv.csv:2: nhiệm vụ #5 thuộc lĩnh vực $sector, không phải “Điện”"
	expect_db "SELECT progress FROM task WHERE number = 5" 0
	# the same sector, written without marks: accepted
	printf 'STT,Lĩnh vực,Nhiệm vụ,Tiến độ\n5,%s,,40\n' "$sector" >ok.csv
	expect_ok ntm import ok.csv
	expect_db "SELECT progress FROM task WHERE number = 5" 40
}

# Two rows of one import about one thing that say different things are
# refused, naming both rows (last wins would drop one unseen); the same
# row twice is fine. A value corrected on its own day exports once (the
# round trip holds).
case_contradicting_rows_refused() {
	fresh_db
	printf 'STT,Lĩnh vực,Nhiệm vụ,Tiến độ\n3,,,10\n,Giao thông,Làm đường,20\n3,,,30\n' >nv.csv
	local sector
	sector=$(q "SELECT s.name FROM task t JOIN sector s ON s.id = t.sector_id WHERE t.number = 3")
	printf 'STT,Lĩnh vực,Nhiệm vụ,Tiến độ\n3,%s,,10\n,Giao thông,Làm đường,20\n3,%s,,30\n' "$sector" "$sector" >nv.csv
	expect_refused nv.csv
	expect_stderr_has "nv.csv:4: dòng này và nv.csv:2 nói về cùng một việc nhưng khác nhau ở cột Tiến độ"
	expect_db "SELECT count(*) FROM task WHERE title = 'Làm đường'" 0
	printf 'Thôn,Việc,Xong\nCự Đình,Việc A,x\nCu Dinh,viec a,\n' >thon.csv
	expect_refused thon.csv
	expect_stderr_has "thon.csv:3: dòng này và thon.csv:2 nói về cùng một việc nhưng khác nhau ở cột Xong"
	printf 'Mã chỉ tiêu,Giá trị,Ngày\n12.2,80,2024-03-01\n12.2,85,01/03/2024\n12.2,85,2024-03-02\n' >gt.csv
	expect_refused gt.csv
	expect_stderr_has "gt.csv:3: dòng này và gt.csv:2 nói về cùng một việc nhưng khác nhau ở cột Giá trị"
	expect_stderr_not_has "gt.csv:4"
	# the same row twice: imported once
	printf 'Mã chỉ tiêu,Giá trị,Ngày\n12.2,80,2024-03-01\n12.2,80,01/03/2024\n' >twice.csv
	expect_ok ntm import twice.csv
	expect_db "SELECT count(*) FROM measurement" 1
	# a correction the same day: only the latest is exported
	expect_ok ntm set 12.2 82 --date 2024-03-01
	expect_ok ntm export --out all.xlsx
	expect_ok ntm --db copy.db init --empty --commune "Việt Hưng"
	expect_ok ntm --db copy.db import all.xlsx
	same_status copy.db
}

# A code cell a spreadsheet made a number (17.1) may have been "17.10":
# refused when the set has both, asking for a text column; 12.2 as a
# number is only 12.2.
case_number_code_ambiguous() {
	fresh_db
	/usr/bin/python3 - num.xlsx <<'PY' || fail "openpyxl could not write the workbook"
import sys, openpyxl
wb = openpyxl.Workbook()
wb.active.title = "Giá trị"
for row in (["Mã chỉ tiêu", "Giá trị", "Ngày"], [12.2, 80, "2024-03-01"],
            [17.1, 90, "2024-03-01"], ["17.10", 1, "2024-03-01"]):
    wb.active.append(row)
wb.save(sys.argv[1])
PY
	expect_refused num.xlsx
	expect_stderr_has "num.xlsx (trang Giá trị) A3: ô mã chỉ tiêu là số 17.1, có thể là một trong các mã 17.1, 17.10"
	expect_stderr_has "Văn bản (Text)"
	expect_stderr_not_has "A2:"
	expect_stderr_not_has "A4:"
	expect_db "SELECT count(*) FROM measurement" 0
}
