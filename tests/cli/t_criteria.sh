# ntm criteria: the sets (list), a new set from a text file (import), and
# the national target of an indicator with its source (target).

# set.txt: a small valid set of three criteria (sectors by name, code and
# folded short name; ASCII keys on the last records).
write_set() {
	cat >set.txt <<'TXT'
# Bộ tiêu chí thử (dữ liệu kiểm thử)
[Bộ tiêu chí]
Mã: ntm_2026
Tên: Bộ tiêu chí thử giai đoạn 2026–2030
Cấp: xã
Căn cứ: QĐ thử 1/QĐ-TEST

[Tiêu chí]
Số: 1
Tên: Quy hoạch
Lĩnh vực: Quy hoạch

Số: 2
Tên: Giao thông
Lĩnh vực: giao_thong

So: 3
Ten: Lao động
Linh vuc: lao dong

[Chỉ tiêu]
Mã: 1.1
Tên: Có quy hoạch chung được duyệt
Loại: đạt

Mã: 2.1
Tên: Đường xã được bê tông hóa,
  ô tô đi lại quanh năm
Loại: tỷ lệ
Chỉ tiêu: >= 100
Đơn vị: %

Ma: 3.1
Ten: Lao động qua đào tạo
Loai: ty le
So sanh: >=
Don vi: %
TXT
}

case_criteria_list() {
	fresh_db
	expect_ok ntm criteria list
	expect_stdout_line "* ntm — Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025 (QĐ 318/QĐ-TTg ngày 08/3/2022): 19 tiêu chí, 55 chỉ tiêu (32 có chỉ tiêu quốc gia)"
	expect_ok ntm criteria list --format json
	expect_json 'd[0]["code"]' ntm
	expect_json 'd[0]["in_use"]' true
	expect_json 'd[0]["criteria"]' 19
	expect_json 'd[1]["in_use"]' false
	expect_exit 2 ntm criteria list --format csv
	expect_stderr_has "định dạng “csv” không hỗ trợ"
	expect_exit 2 ntm criteria list extra
	expect_stderr_has "ntm criteria list cần không tham số; xem: ntm help criteria"
	expect_exit 2 ntm criteria show
	expect_stderr_has "lệnh criteria không có “show”; dùng: list, import, target"
	expect_exit 2 ntm criteria lsit
	expect_stderr_has "có phải ý bạn là list?"
}

case_criteria_import() {
	fresh_db
	write_set
	expect_ok ntm criteria import set.txt --dry-run
	expect_stdout_line "set.txt hợp lệ: 3 tiêu chí, 3 chỉ tiêu; chưa ghi gì (--dry-run)."
	expect_db "SELECT count(*) FROM criteria_set" 2
	expect_db "SELECT count(*) FROM audit" 0
	expect_ok ntm criteria import set.txt
	expect_stdout_line "Đã nhập set.txt: 3 tiêu chí, 3 chỉ tiêu."
	expect_db "SELECT level, source FROM criteria_set WHERE code = 'ntm_2026'" "xa|QĐ thử 1/QĐ-TEST"
	expect_db "SELECT i.name, i.target, i.comparator, i.source FROM indicator i JOIN criterion c ON c.id = i.criterion_id JOIN criteria_set s ON s.id = c.set_id WHERE s.code = 'ntm_2026' AND i.code = '2.1'" "Đường xã được bê tông hóa, ô tô đi lại quanh năm|100.0|>=|QĐ thử 1/QĐ-TEST"
	expect_db "SELECT s.code FROM criterion c JOIN sector s ON s.id = c.sector_id JOIN criteria_set cs ON cs.id = c.set_id WHERE cs.code = 'ntm_2026' ORDER BY c.number" "quy_hoach
giao_thong
lao_dong"
	expect_db "SELECT count(DISTINCT action_id) FROM audit WHERE verb = 'criteria.import'" 1
	# the same code again is refused with its line
	expect_exit 1 ntm criteria import set.txt
	expect_stderr_has "ntm: set.txt:3: đã có bộ tiêu chí mã “ntm_2026”"
	# the plan still follows ntm: its indicators, not the new ones
	status_json
	expect_json 'd["criteria_total"]' 19
	expect_ok ntm criteria list
	expect_stdout_line "  ntm_2026 — Bộ tiêu chí thử giai đoạn 2026–2030 (QĐ thử 1/QĐ-TEST): 3 tiêu chí, 3 chỉ tiêu (2 có chỉ tiêu quốc gia)"
}

case_criteria_plan_follows_set() {
	fresh_db
	write_set
	expect_ok ntm set 12.2 80
	expect_ok ntm criteria import set.txt
	sqlite3 "$NTM_DB" "UPDATE plan SET set_id = (SELECT id FROM criteria_set WHERE code = 'ntm_2026')"
	status_json
	expect_json 'd["criteria_total"]' 3
	expect_json 'len(inds())' 3
	expect_json 'ind("2.1")["target"]' 100
	expect_ok ntm criteria list --format json
	expect_json '[s["code"] for s in d if s["in_use"]]' '["ntm_2026"]'
	# a code of the other set is not found; the old value stays with its row
	expect_exit 1 ntm set 12.2 85
	expect_stderr_has "không có chỉ tiêu mã “12.2”"
	expect_db "SELECT count(*) FROM measurement m JOIN indicator i ON i.id = m.indicator_id WHERE i.code = '12.2'" 1
	expect_ok ntm set 3.1 60
	expect_ok ntm criteria target 3.1 50 --source "QĐ thử 2"
	expect_stdout_line "Chỉ tiêu quốc gia của 3.1: ≥ 50% — theo QĐ thử 2; trạng thái: đạt"
	expect_ok ntm search "dao tao"
	expect_stdout_has "3.1 Lao động qua đào tạo"
	expect_stdout_not_has "12.2"
}

# refused_change SED MESSAGE [OPTION…]: set.txt edited by SED is refused
# (exit 2) with MESSAGE (the case checks that nothing was written).
refused_change() {
	sed "$1" set.txt >bad.txt
	expect_exit 2 ntm criteria import bad.txt "${@:3}"
	expect_stderr_has "$2"
}

case_criteria_import_refusals() {
	fresh_db
	write_set
	refused_change 's/^Lĩnh vực: giao_thong/Lĩnh vực: Thủy sản/' \
		"ntm: bad.txt:15: không có lĩnh vực “Thủy sản”"
	refused_change 's/^Loai: ty le/Loai: chữ/' \
		"ntm: bad.txt:35: loại “chữ” không hợp lệ"
	refused_change 's/^Ma: 3.1/Ma: 2.1/' \
		"ntm: bad.txt:33: mã chỉ tiêu 2.1 đã có ở dòng 26"
	refused_change 's/^Cấp: xã/Màu: xanh/' \
		"ntm: bad.txt:5: khóa “Màu” không dùng trong mục [Bộ tiêu chí]" --dry-run
	refused_change 's/^So sanh: >=/So sanh: ~/' \
		"ntm: bad.txt:36: so sánh “~” không hợp lệ"
	refused_change 's/^So: 3/So: 100/' \
		"ntm: bad.txt:17: số tiêu chí “100” không hợp lệ"
	# a hostile byte in a message is shown inert
	printf '[Bộ tiêu chí]\nMã\033[2J: x\n' >bad.txt
	expect_exit 2 ntm criteria import bad.txt
	expect_stderr_not_has $'\033'
	expect_exit 1 ntm criteria import missing.txt
	expect_stderr_has "không đọc được tệp “missing.txt”"
	expect_exit 2 ntm criteria import set.txt --source x
	expect_stderr_has "lệnh criteria import không dùng tùy chọn --source"
	expect_db "SELECT count(*) FROM criteria_set" 2
	expect_db "SELECT count(*) FROM audit" 0
}

case_criteria_target() {
	fresh_db
	expect_ok ntm set 2.1 95
	status_json
	expect_json 'ind("2.1")["status"]' chua_co_chi_tieu
	expect_json 'ind("2.1")["national_source"]' null
	expect_exit 2 ntm criteria target 2.1 90
	expect_stderr_has "chỉ tiêu quốc gia cần căn cứ"
	expect_exit 2 ntm criteria target 2.1 --source "QĐ 1"
	expect_stderr_has "ntm criteria target cần MÃ và GIÁ_TRỊ (với --source), hoặc MÃ với --clear"
	expect_exit 2 ntm criteria target 2.1 90 --clear
	expect_stderr_has "ntm criteria target cần MÃ và GIÁ_TRỊ"
	expect_exit 2 ntm criteria target 2.1 90 --source ""
	expect_stderr_has "chỉ tiêu quốc gia cần căn cứ"
	expect_exit 2 ntm criteria target 2.1 "9O" --source "QĐ 1"
	expect_stderr_has "giá trị “9O” cho chỉ tiêu 2.1"
	expect_db "SELECT count(*) FROM audit WHERE verb = 'criteria.target'" 0
	expect_ok ntm criteria target 2.1 90 --source "QĐ 318/QĐ-TTg"
	expect_stdout_line "Chỉ tiêu quốc gia của 2.1: ≥ 90% — theo QĐ 318/QĐ-TTg; trạng thái: đạt"
	expect_db "SELECT i.target, i.comparator, i.target_source, i.version FROM indicator i JOIN criterion c ON c.id = i.criterion_id JOIN criteria_set s ON s.id = c.set_id AND s.code = 'ntm' WHERE i.code = '2.1'" "90.0|>=|QĐ 318/QĐ-TTg|2"
	status_json
	expect_json 'ind("2.1")["national_source"]' "QĐ 318/QĐ-TTg"
	expect_json 'ind("2.1")["target"]' 90
	expect_json 'ind("2.1")["status"]' dat
	expect_ok ntm status
	expect_stdout_has "chỉ tiêu quốc gia theo QĐ 318/QĐ-TTg"
	# a plan target still wins
	expect_ok ntm target 2.1 99
	expect_ok ntm criteria target 2.1 "> 80" --source "QĐ 2"
	expect_stdout_line "Lưu ý: kế hoạch đặt chỉ tiêu kế hoạch ≥ 99%, được dùng trước chỉ tiêu quốc gia."
	status_json
	expect_json 'ind("2.1")["comparator"]' ">"
	expect_json 'ind("2.1")["status"]' chua_dat
	expect_ok ntm log --limit 1
	expect_stdout_has "chỉ tiêu quốc gia"
	expect_stdout_has "căn cứ: QĐ 318/QĐ-TTg → QĐ 2"
	expect_exit 2 ntm criteria target 2.1 --clear --source x
	expect_stderr_has "--clear bỏ chỉ tiêu quốc gia"
	expect_ok ntm criteria target 2.1 --clear
	expect_stdout_line "Đã bỏ chỉ tiêu quốc gia của 2.1 — trạng thái: chưa đạt"
	expect_exit 1 ntm criteria target 2.1 --clear
	expect_stderr_has "chỉ tiêu 2.1 chưa có chỉ tiêu quốc gia để bỏ"
	expect_exit 2 ntm criteria target 12.KH1 70 --source "QĐ 1"
	expect_stderr_has "là chỉ tiêu riêng của kế hoạch"
	expect_exit 1 ntm criteria target 99.9 70 --source "QĐ 1"
	expect_stderr_has "không có chỉ tiêu mã “99.9”"
	expect_exit 2 ntm criteria target 2.1 70 --dry-run
	expect_stderr_has "lệnh criteria target không dùng tùy chọn --dry-run"
	expect_exit 2 ntm status --source x
	expect_stderr_has "lệnh status không dùng tùy chọn --source"
}

case_criteria_help() {
	expect_ok ntm help criteria
	expect_stdout_has "ntm criteria import TỆP [--dry-run]"
	expect_ok ntm --help
	expect_stdout_has "  criteria   bộ tiêu chí"
}

# The example of man 5 ntm-criteria is a file that imports.
case_criteria_man_example() {
	fresh_db
	sed -n '/^\.EX/,/^\.EE/p' "$TESTS_LIB/../../man/ntm-criteria.5" |
		sed '1d;/^\.EE/,$d' | sed 's/\\-/-/g; s/\\(en/–/g' >nc.txt
	expect_ok ntm criteria import nc.txt
	expect_stdout_line "Đã nhập nc.txt: 2 tiêu chí, 3 chỉ tiêu."
	expect_db "SELECT count(*) FROM indicator i JOIN criterion c ON c.id = i.criterion_id JOIN criteria_set s ON s.id = c.set_id WHERE s.code = 'ntm_nc' AND i.target IS NULL" 1
}

# A national target is one for every commune of the file: said when the
# file holds several.
case_criteria_target_shared_by_communes() {
	expect_ok ntm init --empty --commune "Tân Lập"
	sqlite3 "$NTM_DB" "INSERT INTO unit(id, level, name) VALUES (lower(hex(randomblob(16))), 'xa', 'Hòa Bình')"
	expect_ok ntm --unit "Tân Lập" criteria target 2.1 ">= 70" --source "QĐ 1/QĐ-UBND"
	expect_stdout_line "Lưu ý: chỉ tiêu quốc gia dùng chung cho cả 2 xã trong tệp này."
	expect_ok ntm --unit "Hòa Bình" status --format json
	expect_stdout_match '"national_source": *"QĐ 1/QĐ-UBND"'
}
