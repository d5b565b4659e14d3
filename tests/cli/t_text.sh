# Vietnamese-text tools: ntm telex, ntm convert, ntm search; the sanitiser
# on command-line output; Vietnamese order of names.

case_telex_arguments() {
	expect_ok ntm telex 'ddax kieemr tra'
	expect_stdout_is "đã kiểm tra"
	expect_ok ntm telex Vieetj Nam
	expect_stdout_is "Việt Nam"
	expect_ok ntm telex 'dduwowngf hoa tieeu bieeur'
	expect_stdout_is "đường hoa tiêu biểu"
}

case_telex_style_and_vni() {
	expect_ok ntm telex hoaf thuyr
	expect_stdout_is "hòa thủy"
	expect_ok ntm telex --style new hoaf thuyr
	expect_stdout_is "hoà thuỷ"
	expect_ok ntm telex --vni 'Vie65t Nam na8m 2024'
	expect_stdout_is "Việt Nam năm 2024"
	expect_exit 2 ntm telex --style mixed abc
	expect_stderr_has "--style"
}

case_telex_stdin_lines() {
	run sh -c "printf 'nguoiwf\nnuwowcs ddaapj\n' | \"$NTM\" telex"
	expect_rc 0
	expect_stdout_is "người
nước đập"
}

case_telex_feeds_a_note() {
	fresh_db
	expect_ok ntm set 12.2 86 --note "$(ntm telex 'ddax kieemr tra')"
	expect_db "SELECT note FROM measurement" "đã kiểm tra"
}

# The same paragraph in every encoding decodes to the same UTF-8.
case_convert_roundtrip_every_encoding() {
	printf 'Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n' >utf8.txt
	for enc in tcvn3 vni viscii cp1258; do
		expect_ok ntm convert --to "$enc" utf8.txt
		cp "$OUT" "legacy.$enc"
		expect_ok ntm convert --from "$enc" "legacy.$enc"
		cmp -s "$OUT" utf8.txt || fail "$enc: decoded text differs: $(head -c 200 "$OUT")"
		run ntm convert --verbose "legacy.$enc"
		expect_rc 0
		cmp -s "$OUT" utf8.txt || fail "auto $enc: decoded text differs: $(head -c 200 "$OUT")"
		expect_stderr_has "$enc"
	done
}

case_convert_vni_sample() {
	printf 'Xin cha\370o ca\371c ba\357n\n' >vni.txt
	expect_ok ntm convert --from vni vni.txt
	expect_stdout_is "Xin chào các bạn"
}

case_convert_stdin_bom_nfc() {
	run sh -c "printf '\357\273\277Vie\314\202\314\243t\n' | \"$NTM\" convert --from utf-8"
	expect_rc 0
	expect_stdout_is "Việt"
}

case_convert_refuses_bad_input() {
	printf 'dòng một\nhai \377 ba\n' >bad.txt
	expect_exit 1 ntm convert --from utf-8 bad.txt
	expect_stderr_has "dòng 2, byte 5"
	[ ! -s "$OUT" ] || fail "partial output on failure"
	printf 'Việt\nab 中\n' >cjk.txt
	expect_exit 1 ntm convert --from utf-8 --to tcvn3 cjk.txt
	expect_stderr_has "dòng 2, byte 4"
	[ ! -s "$OUT" ] || fail "partial output on failure"
	expect_exit 2 ntm convert --from latin9 bad.txt
	expect_exit 2 ntm convert --to auto bad.txt
	expect_exit 1 ntm convert no-such-file.txt
}

case_search_folded() {
	fresh_db
	expect_ok ntm search duong
	expect_stdout_match '^nhiệm vụ +Giao thông +Cải tạo'
	expect_stdout_match '^việc của thôn +Cự Đình +Đường giao thông trong thôn'
	expect_ok ntm search nha van hoa
	expect_stdout_has "nhà văn hóa"
	expect_ok ntm search NƯỚC
	expect_stdout_has "Rãnh thoát nước"
}

case_search_json_and_limit() {
	fresh_db
	expect_ok ntm search duong --format json --limit 3
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==3, d; assert set(d[0])>={"kind","where","text"}, d[0]' "$OUT" ||
		fail "search json: $(head -c 300 "$OUT")"
}

case_search_exact_first_and_notes() {
	fresh_db
	expect_ok ntm checklist "Thục Cầu" --add "Ngõ ông Dương"
	expect_ok ntm search Dương
	expect_stdout_match '^việc của thôn +Thục Cầu +Ngõ ông Dương$'
	expect_stdout_nth 1 "$(head -n 1 "$OUT")"
	first=$(head -n 1 "$OUT")
	case $first in *"Ngõ ông Dương") ;; *) fail "exact match not first: $first" ;; esac
	expect_ok ntm set 12.2 80 --note "Số liệu phòng Lao động – Thương binh"
	expect_ok ntm search thuong binh
	expect_stdout_match '^ghi chú +12\.2 +Số liệu phòng Lao động – Thương binh$'
}

case_search_nothing() {
	fresh_db
	expect_ok ntm search xyzzy
	expect_stdout_is "Không tìm thấy “xyzzy”."
	expect_exit 2 ntm search '  '
}

# A title holding terminal escapes (written by another program) cannot
# reach the terminal through ntm's output.
case_output_is_sanitised() {
	fresh_db
	sqlite3 "$NTM_DB" "UPDATE checklist_item SET title = 'A' || char(27) || ']0;pwned' || char(7) || 'B' || char(27) || '[2J' WHERE ord = 1" ||
		fail "could not plant the title"
	expect_ok ntm checklist "Cự Đình"
	expect_stdout_nth 2 "1. [ ] A␛]0;pwned␇B␛[2J"
	if grep -q "$(printf '\033')" "$OUT"; then fail "ESC reached stdout"; fi
	expect_ok ntm checklist "Cự Đình" --format json
	expect_stdout_has 'A\u001b]0;pwned\u0007B\u001b[2J'
}

case_village_list_vietnamese_order() {
	fresh_db
	for v in "Đình Dù" "An Lạc" "Bà" "Ấp Mới" "Ông Tố"; do
		expect_ok ntm village add "$v"
	done
	expect_ok ntm village add "Ba" --force   # beside Bà (issue 9)
	expect_ok ntm village list
	expect_stdout_is "An Lạc
Ấp Mới
Ba
Bà
Cự Đình
Đình Dù
Ông Tố
Thục Cầu"
}

# CSV carries no control character and no cell a spreadsheet would run as
# a formula (issue 10: a planted ESC ] 0 ; … BEL changed the terminal's
# title through `status --format csv`).
case_csv_is_sanitised() {
	fresh_db
	sqlite3 "$NTM_DB" "UPDATE checklist_template SET title = '=HYPERLINK(\"x\")' || char(27) || ']0;pwned' || char(7) WHERE ord = 1;
		UPDATE indicator SET name = '@SUM(A1)' || char(27) || '[2J' WHERE code = '12.2'" ||
		fail "could not plant the text"
	expect_ok ntm checklist --matrix --format csv
	if grep -q "$(printf '\033\\|\007')" "$OUT"; then fail "a control character in the matrix CSV"; fi
	cp "$OUT" "$T/matrix.csv"
	expect_ok ntm status --format csv
	if grep -q "$(printf '\033')" "$OUT"; then fail "ESC in the status CSV"; fi
	/usr/bin/python3 - "$T/matrix.csv" "$OUT" >"$T/cells.txt" 2>&1 <<'PY'
import csv, sys
m = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
s = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
print([c for c in m[0] if "HYPERLINK" in c][0])
print([r[3] for r in s if r[2] == "12.2"][0])
print(sorted({r[5] for r in s[1:] if r[4] == "bool"} | {r[5] for r in s[1:] if r[2] == "12.2"}))
PY
	cat >"$T/want.txt" <<'WANT'
'=HYPERLINK("x")␛]0;pwned␇
'@SUM(A1)␛[2J
["'=", '>=']
WANT
	expect_eq "neutralised cells" "$(cat "$T/cells.txt")" "$(cat "$T/want.txt")"
}

# Invisible characters never make two names that look identical (issue 10).
case_invisible_characters_in_names() {
	fresh_db
	expect_exit 1 ntm village add $'Cự\u200b Đình'
	expect_stderr_has "đã có thôn “Cự Đình”"
	expect_exit 1 ntm village add $'Cự\u00a0Đình\ufeff'
	expect_ok ntm checklist "Cự Đình" --add $'Sân\u2060 chơi\u00a0trẻ em'
	expect_db "SELECT count(*) FROM checklist_item WHERE title = 'Sân chơi trẻ em'" 1
	expect_exit 1 ntm checklist "Cự Đình" --add $'Sân chơi\u200d trẻ em'
	expect_exit 2 ntm village add $'Thôn \u202eMới'
	expect_stderr_has "bidi"
	expect_ok ntm village list
	expect_stdout_is "Cự Đình
Thục Cầu"
}
