# ntm report (issue 12): the choice of format and destination, the dates
# of the period, what is refused before anything is written, on the
# built-in file, an empty file and a commune without a plan; every format
# written and read back by a real reader (openpyxl, python-docx, expat via
# Python's XML parser, the csv module).

# files in the current folder besides the database and the test's own
files_here() {
	find . -mindepth 1 -maxdepth 1 ! -name 'ntm.db*' ! -name '.out' \
		! -name '.err' ! -name home -printf '%f\n' | sort
}

expect_nothing_written() {
	local got
	got=$(files_here)
	[ -z "$got" ] || fail "\`$LAST_CMD\`: files left in the folder: $got"
}

# the database is left as it was, whatever the report did
expect_db_untouched() {
	expect_eq "database checksum after \`$LAST_CMD\`" "$(sum_of "$NTM_DB")" "$1"
}

case_report_unknown_format() {
	fresh_db
	expect_exit 2 ntm report --format pdf
	expect_stderr_has "định dạng báo cáo “pdf” không có"
	expect_stderr_has "xlsx, docx, csv, md hoặc txt"
	expect_exit 2 ntm report --format json
	expect_nothing_written
}

case_report_out_missing_folder() {
	fresh_db
	expect_exit 1 ntm report --out nope/bao-cao.md
	expect_stderr_has "nope/bao-cao.md"
	expect_stderr_has "không có tệp hoặc thư mục"
	[ ! -e nope ] || fail "the missing folder was created"
	expect_exit 1 ntm report --format xlsx --out nope/deeper/b.xlsx
	[ ! -e nope ] || fail "the missing folder was created"
	expect_nothing_written
}

case_report_extension_contradicts_format() {
	fresh_db
	expect_exit 2 ntm report --out a.xlsx --format docx
	expect_stderr_has "--out a.xlsx có đuôi .xlsx nhưng --format là docx"
	expect_exit 2 ntm report --out a.md --format csv
	expect_exit 2 ntm report --out ""
	expect_stderr_has "--out cần tên tệp"
	expect_nothing_written
}

case_report_since_after_as_of() {
	fresh_db
	local sum
	sum=$(sum_of "$NTM_DB")
	expect_exit 2 ntm report --as-of 1/3/2024 --since 2024-03-02
	expect_stderr_has "ngày đầu kỳ 02/03/2024 sau ngày tính đến 01/03/2024"
	expect_nothing_written
	expect_db_untouched "$sum"
}

case_report_future_as_of() {
	fresh_db
	expect_exit 2 ntm report --as-of 2199-01-01
	expect_stderr_has "ngày tính đến 01/01/2199 ở tương lai"
	expect_stderr_has "hôm nay ($(today_dmy))"
	expect_exit 2 ntm report --since 1/1/2199
	expect_stderr_has "ngày đầu kỳ 01/01/2199 ở tương lai"
	expect_exit 2 ntm report --as-of 31/2/2024
	expect_stderr_has "ngày tính đến “31/2/2024”"
	expect_exit 2 ntm report --format xlsx --as-of hôm-qua
	expect_nothing_written
}

case_report_csv_options() {
	fresh_db
	expect_exit 2 ntm report --format csv --sep x
	expect_stderr_has "--sep “x” không dùng được"
	expect_exit 2 ntm report --format csv --sep tab
	expect_exit 2 ntm report --format csv --table bogus
	expect_stderr_has "bảng “bogus” không có"
	expect_exit 2 ntm report --sep ';'
	expect_stderr_has "--sep chỉ dùng với định dạng csv (đang là txt)"
	expect_exit 2 ntm report --format md --no-bom
	expect_stderr_has "--no-bom chỉ dùng với định dạng csv (đang là md)"
	expect_exit 2 ntm report --out r.xlsx --table tasks
	expect_stderr_has "--table chỉ dùng với định dạng csv (đang là xlsx)"
	expect_exit 2 ntm report extra
	expect_nothing_written
}

case_report_help() {
	expect_ok ntm help report
	expect_stdout_has "Cách dùng: ntm report [--format xlsx|docx|csv|md|txt]"
	expect_stdout_has "bao-cao-ntm-<xã>-<ngày>.xlsx"
	expect_ok ntm --help
	expect_stdout_match '^  report +báo cáo'
	expect_ok ntm report --help
	expect_stdout_has "--as-of"
}

# a report reads only: with --read-only it is refused or written for the
# same reasons, and the file is never changed
case_report_read_only() {
	fresh_db
	expect_ok ntm set 12.2 80 --date 2024-06-30
	local sum audit
	sum=$(sum_of "$NTM_DB")
	audit=$(q 'SELECT count(*) FROM audit')
	expect_exit 2 ntm --read-only report --as-of 2199-01-01
	expect_stderr_has "ở tương lai"
	expect_stderr_not_has "chỉ xem"
	expect_exit 1 ntm --read-only report --out nope/r.txt
	expect_stderr_has "nope/r.txt"
	expect_db_untouched "$sum"
	expect_db "SELECT count(*) FROM audit" "$audit"
}

# ntm init --empty: no plan, no villages; the period's dates still checked
case_report_empty_file() {
	expect_ok ntm init --empty --commune "Tân Lập"
	expect_exit 2 ntm report --as-of 1/3/2025 --since 2/3/2025
	expect_stderr_has "ngày đầu kỳ 02/03/2025 sau ngày tính đến 01/03/2025"
	expect_exit 2 ntm report --format pdf
	expect_nothing_written
}

# the built-in commune once its only plan is removed
case_report_commune_without_plan() {
	fresh_db
	expect_ok ntm plan remove 2024 --force
	expect_db "SELECT count(*) FROM plan" 0
	expect_exit 2 ntm report --as-of 2199-01-01
	expect_stderr_has "ở tương lai"
	expect_exit 1 ntm report --plan 2024
	expect_stderr_has "chưa có kế hoạch nào"
	expect_nothing_written
}

# ---- the formats -----------------------------------------------------------

# The default name in the current folder, printed; --as-of names the file's date; --out a
# folder puts the default name there.
case_report_xlsx_default_name() {
	fresh_db
	local name=bao-cao-ntm-viet-hung-$(today).xlsx
	expect_ok ntm report --format xlsx
	expect_stdout_is "Đã ghi báo cáo: $name"
	[ -s "$name" ] || fail "$name not written"
	expect_eq "files here" "$(files_here)" "$name"
	expect_ok ntm report --format xlsx --as-of 31/12/2024
	[ -s bao-cao-ntm-viet-hung-2024-12-31.xlsx ] || fail "the as-of date is not in the name"
	mkdir out
	expect_ok ntm report --format xlsx --out out
	expect_stdout_is "Đã ghi báo cáo: out/$name"
	[ -s "out/$name" ] || fail "out/$name not written"
	expect_ok ntm --read-only report --out r.xlsx
	[ -s r.xlsx ] || fail "r.xlsx not written with --read-only"
}

# Text to standard output, an empty file and a commune without a plan.
case_report_text_builtin() {
	fresh_db
	expect_ok ntm set 12.2 90 --date 2024-06-30
	expect_ok ntm report --as-of 2024-12-31
	expect_stdout_has "Việt Hưng"
	expect_stdout_has "12.2"
	expect_nothing_written
	expect_ok ntm report --out r.md
	expect_stdout_is "Đã ghi báo cáo: r.md"
	[ -s r.md ] || fail "r.md not written"
}

case_report_text_empty_file() {
	expect_ok ntm init --empty --commune "Tân Lập"
	expect_ok ntm report
	expect_stdout_has "Tân Lập"
	expect_ok ntm report --format md
}

case_report_text_without_plan() {
	fresh_db
	expect_ok ntm plan remove 2024 --force
	expect_ok ntm report
	expect_stdout_has "Việt Hưng"
}

# ---- read back by real readers ---------------------------------------------

PY=/usr/bin/python3
readback() { "$PY" "$TESTS_LIB/readback.py" "$@" 2>&1; }

# A task title with control characters and markup, as a file edited
# outside ntm may hold: every format must stay valid and show none.
evil_title() {
	sqlite3 "$NTM_DB" "UPDATE task SET title = 'Đường ' || char(1) || char(27) || '[31m <&> \"x\" ]]>' WHERE number = 3"
}

case_report_xlsx_read_back() {
	fresh_db
	expect_ok ntm set 12.2 90 --date 2024-06-30
	evil_title
	expect_ok ntm report --out r.xlsx --as-of 2024-12-31
	local got
	got=$(readback xlsx r.xlsx 12.2)
	expect_eq "sheets" "$(printf '%s\n' "$got" | grep '^sheets:')" \
		"sheets: Tổng hợp|Tiêu chí|Nhiệm vụ|Thôn|Thay đổi"
	# the 12.2 row: the criterion a number, 90 % the number 0.9 shown as a
	# percentage, the status a word, the date a real date
	expect_eq "12.2 row" "$(printf '%s\n' "$got" | grep '^row Tiêu chí:')" \
		"row Tiêu chí: 12:n:General|12.2:s:General|Tỷ lệ lao động qua đào tạo:s:General|%:s:General|≥ 85%:s:General|0.9:n:0%|đạt:s:General|2024-06-30 00:00:00:d:dd/mm/yyyy"
	printf '%s\n' "$got" | grep -q '^header Tiêu chí: Tiêu chí|Mã|.*(frozen A6, filter A5:K' ||
		fail "criteria header not bold, frozen and filtered: $got"
	printf '%s\n' "$got" | grep -q 'control character' &&
		fail "a control character reached a cell: $got"
	return 0
}

case_report_docx_read_back() {
	fresh_db
	expect_ok ntm set 12.2 90 --date 2024-06-30
	evil_title
	expect_ok ntm report --out r.docx --as-of 2024-12-31
	local parts text
	parts=$(readback parts r.docx)
	expect_eq "XML parts" "$(printf '%s\n' "$parts" | grep -vc '^ok ')" "0"
	printf '%s\n' "$parts" | grep -qx 'ok word/document.xml' || fail "no document part: $parts"
	text=$(readback docx r.docx)
	for want in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" \
		"p: BÁO CÁO" "Kế hoạch số 32/KH-UBND ngày 12/3/2024" "Nơi nhận:" \
		"page: 210x297 mm, left 30 mm" "row: 12.2 | Tỷ lệ lao động qua đào tạo"; do
		printf '%s\n' "$text" | grep -qF "$want" || fail "docx lacks “$want”"
	done
	# a row per criterion: its number, its name, its indicators đạt
	expect_eq "criterion rows" "$(printf '%s\n' "$text" |
		grep -cE '^row: ([1-9]|1[0-9]) \| .* \| đạt [0-9]+/[0-9]+ \| ')" "19"
	printf '%s\n' "$text" | grep -qF 'Đường [31m <&> "x" ]]>' ||
		fail "the task title with control characters is not shown clean"
}

case_report_csv_bom_and_sep() {
	fresh_db
	expect_ok ntm set 12.2 90,5 --date 2024-06-30
	expect_ok ntm report --format csv --out c.csv
	expect_eq "BOM" "$(head -c 3 c.csv | od -An -tx1 | tr -d ' ')" "efbbbf"
	expect_ok ntm report --format csv --no-bom --sep ';' --out d.csv
	expect_eq "no BOM" "$(head -c 4 d.csv)" "Tiê"
	"$PY" - d.csv >out.txt <<'PYEOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline=""), delimiter=";"))
print(len(rows[0]), [r[7] for r in rows if r[1] == "12.2"][0])
PYEOF
	expect_eq "12.2 in d.csv" "$(cat out.txt)" "11 90,5"
}

case_report_md_width() {
	fresh_db
	expect_ok ntm task edit 3 --issue "$(printf 'Thiếu kinh phí đối ứng rất dài %.0s' 1 2 3 4 5 6)"
	for f in md txt; do
		expect_ok ntm report --format $f
		"$PY" - "$OUT" >w.txt <<'PYEOF'
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
print(max(width(l) for l in lines) <= 80, len(lines) > 100)
PYEOF
		expect_eq "$f lines within 80 columns" "$(cat w.txt)" "True True"
		expect_stdout_has "Thiếu kinh phí đối ứng"
	done
}

# A report (or an export) never replaces a database: not the open one, by
# its name or through a link, not with --read-only (found by a new user).
case_report_never_over_database() {
	fresh_db
	local sum
	sum=$(cksum <"$NTM_DB")
	expect_exit 1 ntm report --format txt --out "$NTM_DB"
	expect_stderr_has "là một cơ sở dữ liệu"
	ln -s "$NTM_DB" link.db
	expect_exit 1 ntm --read-only --db link.db report --format xlsx --out ntm.db
	expect_exit 1 ntm export --format xlsx --out "$NTM_DB"
	expect_eq "database untouched" "$(cksum <"$NTM_DB")" "$sum"
	expect_ok ntm status
}

# Markdown loses nothing (found by a new user: 158 cells cut with "…",
# no plan target, no start value, no task status): the tables as lists.
case_report_md_whole() {
	fresh_db
	expect_ok ntm task edit 2 --status tam_dung --note "Chờ kinh phí của huyện"
	expect_ok ntm report --format md
	expect_stdout_not_has "…"
	expect_stdout_not_has "| Mã"
	expect_stdout_has "**2. Giao thông** — đạt 0/4: chưa đánh giá"
	expect_stdout_has "- \`2.4\` Đường trục chính nội đồng"
	expect_stdout_has "KH ≥ 50%"
	expect_stdout_has "đầu kỳ —"
	expect_stdout_has "— tạm dừng; tiến độ 0%"
	expect_stdout_has "  - Ghi chú: Chờ kinh phí của huyện"
	expect_stdout_has "chưa có mức cần"
	expect_ok ntm report --format txt
	expect_stdout_match "^6\.KH1  "
	expect_stdout_has "     Ghi chú: Chờ kinh phí của huyện"
}


# --out a.pdf or a name without extension and no --format: the text report
# was written under that name; now refused, naming the formats and --format
# (found by a new user). With --format the name is the person's choice.
case_report_out_unknown_extension() {
	fresh_db
	expect_exit 2 ntm report --out a.pdf
	expect_stderr_has "--out a.pdf: đuôi tên tệp không phải một định dạng báo cáo (.xlsx, .docx, .csv, .md, .txt)"
	expect_stderr_has "--format"
	expect_exit 2 ntm report --out noext
	expect_stderr_has "--out noext: đuôi tên tệp"
	expect_exit 2 ntm report --out "$NTM_DB"
	expect_stderr_has "đuôi tên tệp không phải một định dạng báo cáo"
	expect_nothing_written
	expect_ok ntm report --format md --out noext
	expect_stdout_is "Đã ghi báo cáo: noext"
	head -n 1 noext | grep -q '^# ' || fail "noext is not the markdown report"
}

# --format xlsx --out - wrote the default file; binary is refused on stdout.
case_report_binary_to_dash_refused() {
	fresh_db
	expect_exit 2 ntm report --format xlsx --out -
	expect_stderr_has "báo cáo xlsx là tệp nhị phân, không in ra đầu ra chuẩn (--out -) được"
	[ ! -s "$OUT" ] || fail "something went to the standard output"
	expect_exit 2 ntm report --format docx --out -
	expect_nothing_written
	expect_ok ntm report --format md --out -
	expect_stdout_has "Việt Hưng"
	expect_nothing_written
}

# The default name already here (or in the folder --out names) is replaced,
# and the printed line says so; a name the person gave is not remarked on.
case_report_default_name_replaced_said() {
	fresh_db
	local name=bao-cao-ntm-viet-hung-$(today).docx
	expect_ok ntm report --format docx
	expect_stdout_is "Đã ghi báo cáo: $name"
	echo old >"$name"
	expect_ok ntm report --format docx
	expect_stdout_is "Đã ghi báo cáo (thay tệp cũ): $name"
	[ "$(head -c 2 "$name")" = PK ] || fail "$name was not replaced by the docx"
	mkdir out
	expect_ok ntm report --format docx --out out
	expect_stdout_is "Đã ghi báo cáo: out/$name"
	expect_ok ntm report --format docx --out out/
	expect_stdout_is "Đã ghi báo cáo (thay tệp cũ): out/$name"
	expect_ok ntm report --out "$name"
	expect_stdout_is "Đã ghi báo cáo: $name"
}

# libxlsxwriter and libzip are opened only when a report needs them: with
# a broken copy of each first on the library path, ntm still starts and
# writes md, txt and csv, and xlsx, docx, an xlsx import and an xlsx export
# are refused naming the Debian package, with nothing written.
case_report_without_office_libs() {
	fresh_db
	mkdir nolib
	: >nolib/libzip.so.4
	: >nolib/libxlsxwriter.so.4
	nolib() { LD_LIBRARY_PATH=$PWD/nolib "$@"; }
	expect_ok nolib ntm --version
	for f in md txt csv; do
		expect_ok nolib ntm report --format $f --out r.$f
		[ -s r.$f ] || fail "$f: no report written"
	done
	expect_exit 1 nolib ntm report --out r.docx
	expect_stderr_has "cần thư viện libzip.so.4 (gói Debian libzip4) để ghi tệp docx và đọc tệp xlsx nhưng không nạp được"
	expect_stderr_has "md, txt, csv vẫn dùng được"
	expect_exit 1 nolib ntm report --format xlsx
	expect_stderr_has "cần thư viện libxlsxwriter.so.4 (gói Debian libxlsxwriter4) để ghi tệp xlsx"
	expect_exit 1 nolib ntm export --out all.xlsx
	expect_stderr_has "gói Debian libxlsxwriter4"
	expect_ok ntm export --out all.xlsx
	expect_exit 1 nolib ntm import all.xlsx
	expect_stderr_has "gói Debian libzip4"
	expect_eq "files left" "$(ls | tr '\n' ' ')" "all.xlsx home nolib ntm.db r.csv r.md r.txt "
	expect_ok ntm report --out r.docx
	expect_ok ntm import --dry-run all.xlsx
}
