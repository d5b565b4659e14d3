# ntm status: text, JSON and CSV; choosing the commune with --unit.

HEADER="Xã Việt Hưng (huyện Văn Lâm, tỉnh Hưng Yên) — Kế hoạch 32/KH-UBND năm 2024"

case_status_text_header() {
	fresh_db
	expect_ok ntm status
	expect_stdout_first "$HEADER"
	expect_stdout_nth 2 ""
	expect_stdout_line "Tiêu chí đạt    [░░░░░░░░░░░░░░░░░░░░] 0/19 (0%)"
	expect_stdout_line "Nhiệm vụ xong   [░░░░░░░░░░░░░░░░░░░░] 0/70 (0%)"
	expect_stdout_line "Cự Đình   [░░░░░░░░░░] 0/10 (0%)"
	expect_stdout_line "Thục Cầu  [░░░░░░░░░░] 0/10 (0%)"
}

case_status_text_village_gauge() {
	fresh_db
	expect_ok ntm checklist "Cự Đình" --done 1 --done 2 --done 3 --done 4 --done 5
	expect_ok ntm status
	expect_stdout_line "Cự Đình   [█████░░░░░] 5/10 (50%)"
}

case_status_text_empty_commune() {
	expect_ok ntm init --empty --commune "Thử"
	expect_ok ntm status
	expect_stdout_first "Xã Thử — chưa có kế hoạch"
	expect_stdout_line "Thôn (chưa có thôn nào)"
}

case_status_json_parses() {
	fresh_db
	status_json
	expect_json 'sorted(d.keys())' '["criteria", "criteria_met", "criteria_total", "fund", "plan", "sectors", "tasks_done", "tasks_total", "unit", "villages"]'
	expect_json "d['fund']" '{"cost": 0, "planned": 0, "received": 0, "paid": 0, "completed": 0, "debt": 0, "earlier_debt": 0, "disbursed_percent": null}'
	expect_json '[c["number"] for c in d["criteria"]]' "$(python3 -c 'print(list(range(1, 20)))')"
	expect_json 'sum(s["tasks_total"] for s in d["sectors"])' 70
	expect_json 'len(inds())' 66
}

case_status_csv() {
	fresh_db
	expect_ok ntm status --format csv
	expect_stdout_first "$(printf 'criterion,criterion_name,code,name,kind,comparator,target,plan_comparator,plan_target,value,as_of,status\r')"
	expect_stdout_lines 67
	local bare
	bare=$(grep -vc $'\r$' "$OUT")
	expect_eq "CSV lines not ending in CRLF" "$bare" 0
	python3 - "$OUT" >"$T/csv.txt" 2>&1 <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
print(len(rows) - 1, set(len(r) for r in rows))
r = [x for x in rows if x[2] == "12.2"][0]
print(r[7], r[8], r[9], r[11])
EOF
	expect_eq "CSV data rows, field counts" "$(sed -n 1p "$T/csv.txt")" "66 {12}"
	expect_eq "CSV 12.2 plan_comparator plan_target value status" "$(sed -n 2p "$T/csv.txt")" ">= 85  chua_danh_gia"
}

case_status_csv_value() {
	fresh_db
	expect_ok ntm set 12.2 86,5 --date 2024-06-30
	expect_ok ntm status --format csv
	python3 - "$OUT" >"$T/csv.txt" 2>&1 <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
r = [x for x in rows if x[2] == "12.2"][0]
print(r[0], r[9], r[10], r[11])
EOF
	expect_eq "CSV 12.2 criterion value as_of status" "$(cat "$T/csv.txt")" "12 86.5 2024-06-30 dat"
}

case_status_format_xml_refused() {
	fresh_db
	expect_exit 2 ntm status --format xml
	[ ! -s "$OUT" ] || fail "stdout should be empty"
}

case_unit_folded_name() {
	fresh_db
	expect_ok ntm --unit "viet hung" status
	expect_stdout_first "$HEADER"
	expect_ok ntm --unit "Việt Hưng" status --format json
	expect_json 'd["unit"]' "Việt Hưng"
	expect_ok ntm --unit "VIỆT HƯNG" set 12.2 50
}

case_unit_unknown() {
	fresh_db
	expect_exit 1 ntm --unit nowhere status
	expect_stderr_has "nowhere"
	expect_exit 1 ntm --unit nowhere set 12.2 50
	expect_db "SELECT count(*) FROM measurement" 0
}

case_status_gauges_in_c_locale() {
	# man ntm: without a UTF-8 locale the gauges use # and -; --utf8 asks
	# for the block characters anyway.
	fresh_db
	expect_ok ntm checklist "Cự Đình" --done 1 --done 2 --done 3 --done 4 --done 5
	LC_ALL=C expect_ok ntm status
	expect_stdout_first "$HEADER"
	expect_stdout_line "Tiêu chí đạt    [--------------------] 0/19 (0%)"
	expect_stdout_line "Cự Đình   [#####-----] 5/10 (50%)"
	LC_ALL=C expect_ok ntm --utf8 status
	expect_stdout_line "Cự Đình   [█████░░░░░] 5/10 (50%)"
}

case_unit_needed_with_two_communes() {
	fresh_db
	# Setup only: a second commune written with the sqlite3 shell (the
	# audit triggers stay silent outside an ntm action).
	sqlite3 "$NTM_DB" "INSERT INTO unit(id, level, name) VALUES ('x2', 'xa', 'Lạc Đạo')"
	# none named: every commune, one row each (ntm status --all)
	expect_ok ntm status
	expect_stdout_has "2 xã"
	expect_stdout_line "Lạc Đạo      0/19      0/55      0/0       0        0/0"
	expect_exit 2 ntm --plan 2024 status
	expect_stderr_has "--unit"
	expect_stderr_has "Lạc Đạo"
	expect_stderr_has "Việt Hưng"
	expect_ok ntm --unit "lac dao" status --format json
	expect_json 'd["unit"]' "Lạc Đạo"
	expect_json 'd["plan"]' null
	expect_ok ntm --unit "Việt Hưng" set 12.2 50
	expect_ok ntm --unit "Lạc Đạo" status --format json
	expect_json 'ind("12.2")["value"]' null
	expect_ok ntm --unit "Việt Hưng" status --format json
	expect_json 'ind("12.2")["value"]' 50
}

# A commune named with its own word is not called "Xã Xã …" (issue 9).
case_commune_named_as_such() {
	expect_ok ntm init --empty --commune "Xã Thử Nghiệm"
	expect_ok ntm status
	expect_stdout_first "Xã Thử Nghiệm — chưa có kế hoạch"
	expect_ok ntm init --force --empty --commune "Thử Nghiệm"
	expect_ok ntm status
	expect_stdout_first "Xã Thử Nghiệm — chưa có kế hoạch"
}
