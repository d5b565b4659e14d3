# The written report from the full-screen program: X (or "Xuất báo cáo" in
# the go-to palette) opens a form (format, as-of date, file name in the
# current folder); Enter writes the file and the message line says where;
# Esc writes nothing; an existing file is replaced only when asked; it
# works read-only and on an empty file, and without UTF-8. The case runs
# in $T, so the default name lands there.

_report_up() { has "Xuất báo cáo —" || has "Xuat bao cao -"; }

# report_form [START_ARGS…]: starts the program and opens the form (X).
report_form() {
	start "$@" || return
	poll "" _overview_up || { fail_screen "the overview did not appear"; return 1; }
	keys X
	poll "" _report_up || { fail_screen "X did not open the report form"; return 1; }
}

# name FORMAT [COMMUNE]: the default file name of today's report.
name() {
	echo "bao-cao-ntm-${2:-viet-hung}-$(today).$1"
}

# pick FORMAT: Space until the format field shows FORMAT (focus on it).
pick() {
	local i=0 before
	while ! has "‹ $1 ›" && ! has "< $1 >"; do
		[ $i -ge 5 ] && { fail_screen "the format $1 was not offered"; return 1; }
		before=$(screen)
		keys Space
		wait_change "$before" 1
		i=$((i + 1))
	done
}

_said_written() { screen | grep -F "Đã ghi báo cáo: " | grep -Fq -- "/$1"; }

# written FILE: the message line names the file (its folder may be cut on
# a narrow line, never its name), and the file holds the report.
written() {
	poll 5 _said_written "$1" ||
		{ fail_screen "the message line did not say “Đã ghi báo cáo: …/$1”"; return 1; }
	wait_gone "Xuất báo cáo —" || return
	[ -s "$T/$1" ] || { fail "$T/$1 is missing or empty"; return 1; }
	grep -q -e "BÁO CÁO" -e "Việt Hưng" -e "Tân Lập" "$T/$1" ||
		fail "$1 holds neither “BÁO CÁO” nor the commune's name: $(head -c 200 "$T/$1")"
}

# no_reports: nothing named bao-cao-* was written in $T.
no_reports() {
	local left
	left=$(cd "$T" && ls bao-cao-* 2>/dev/null)
	[ -z "$left" ] || fail "files were written: $left"
}

case_report_md() {
	local actions
	actions=$(q "SELECT count(*) FROM audit")
	report_form || return
	expect_screen "Xuất báo cáo — Xã Việt Hưng, Kế hoạch 32/KH-UBND năm 2024"
	expect_screen "Định dạng      ‹ xlsx ›"
	expect_screen "Tính đến ngày  $(date +%d/%m/%Y)"
	expect_screen "Tệp            $(name xlsx)"
	expect_screen "(Space / ← → để chọn)  Excel, mỗi phần một trang"
	expect_screen "trong thư mục $T"
	expect_screen "Enter ghi báo cáo · Tab ô sau · Esc hủy"
	pick md || return
	wait_for "Tệp            $(name md)" || return
	expect_screen "văn bản Markdown"
	keys Enter
	written "$(name md)" || return
	expect_screen "Đã ghi báo cáo: $T/$(name md)"
	# a report changes nothing in the database: no action, nothing to undo
	expect_db "SELECT count(*) FROM audit" "$actions"
	keys u
	wait_for "Không còn thao tác nào để hoàn tác" || return
}

# The palette's entry opens the same form; txt at a bigger size.
case_report_palette_wide() {
	start -x 140 -y 40 || return
	poll "" _overview_up || { fail_screen "the overview did not appear"; return 1; }
	keys g
	poll "" _palette_open || { fail_screen "g did not open the palette"; return 1; }
	literal "xuat bao cao"
	wait_for "Xuất báo cáo: xlsx, docx, csv, md, txt (phím X)" || return
	keys Enter
	poll "" _report_up || { fail_screen "the palette's entry did not open the form"; return 1; }
	pick txt || return
	wait_for "Tệp            $(name txt)" || return
	keys Enter
	written "$(name txt)"
}

# Esc closes the form and writes nothing; after a change it asks first.
case_report_cancel() {
	report_form || return
	keys Escape
	wait_gone "Xuất báo cáo —" || return
	keys X
	poll "" _report_up || { fail_screen "X did not open the form again"; return 1; }
	pick md || return
	keys Escape
	wait_for "Bỏ những gì đã gõ?" || return
	keys y
	wait_gone "Xuất báo cáo —" || return
	expect_alive
	no_reports
}

# The name follows the date while it is the one filled in; a name of the
# person's own takes the format's extension, and a future date is
# refused with the model's reason, nothing written, the form kept.
case_report_name_follows() {
	report_form || return
	keys Tab
	for _ in 1 2 3 4 5 6 7 8 9 10; do keys BSpace; done
	literal "1/2/2024"
	wait_for "Tệp            bao-cao-ntm-viet-hung-2024-02-01.xlsx" || return
	keys Tab Tab
	for _ in $(seq 1 45); do keys BSpace; done
	literal "tong-hop.docx"
	wait_for "Tệp            tong-hop.docx" || return
	keys BTab BTab BTab
	pick md || return
	wait_for "Tệp            tong-hop.md" || return
	keys Tab
	for _ in 1 2 3 4 5 6 7 8 9 10; do keys BSpace; done
	literal "1/1/$(( $(date +%Y) + 1 ))"
	keys Enter
	wait_for "ở tương lai" || return
	expect_screen "Xuất báo cáo —"
	expect_screen "tong-hop.md"
	no_reports
	[ ! -e "$T/tong-hop.md" ] || fail "a report was written for a future date"
	for _ in $(seq 1 12); do keys BSpace; done
	literal "1/2/2024"
	keys Enter
	written "tong-hop.md"
}

# An existing file: asked first; n keeps it, y replaces it.
case_report_overwrite() {
	printf 'old\n' >"$T/$(name md)"
	report_form || return
	pick md || return
	keys Enter
	wait_for "Ghi đè tệp" || return
	keys n
	wait_for "Chưa ghi: tệp" || return
	expect_screen "Xuất báo cáo —"
	[ "$(cat "$T/$(name md)")" = old ] || fail "the file was replaced though n was pressed"
	keys Enter
	wait_for "Ghi đè tệp" || return
	keys y
	written "$(name md)"
}

# Read-only: X is not an edit, the report is written.
case_report_read_only() {
	report_form -- --read-only || return
	pick md || return
	keys Enter
	written "$(name md)"
}

# A file made by `ntm init --empty`: no plan, no village, no value.
case_report_empty() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --empty --commune "Tân Lập" || return
	report_form || return
	expect_screen "Xuất báo cáo — Xã Tân Lập, chưa có kế hoạch"
	expect_screen "$(name xlsx tan-lap)"
	pick txt || return
	keys Enter
	written "$(name txt tan-lap)"
}

# Without UTF-8 the form reads in plain letters.
case_report_locale_c() {
	report_form LANG=C LC_ALL=C || return
	expect_screen "Xuat bao cao - Xa Viet Hung"
	expect_screen "Dinh dang      < xlsx >"
	expect_screen "Tep            $(name xlsx)"
	if screen | LC_ALL=C grep -q '[^ -~]'; then
		fail_screen "LANG=C: the screen has characters outside ASCII"
	fi
	keys Space Space Space
	wait_for "< md >" || return
	keys Enter
	wait_for "Da ghi bao cao: $T/$(name md)" 5 || return
	[ -s "$T/$(name md)" ] || fail "the report was not written"
}

# A folder typed as the file gets the default name inside it ("~/" is the
# home folder).
case_report_into_folder() {
	report_form || return
	pick md || return
	keys Tab Tab Tab
	for _ in $(seq 1 45); do keys BSpace; done
	literal "~/"
	wait_for "Tệp            ~/" || return
	keys Enter
	poll 5 _said_written "home/$(name md)" ||
		{ fail_screen "the report did not go into the home folder"; return; }
	[ -s "$HOME/$(name md)" ] || fail "$HOME/$(name md) is missing or empty"
	no_reports
}

# What was typed survives a dropped connection: the form reopens with it
# at the next start, and writes.
case_report_draft() {
	report_form || return
	pick txt || return
	wait_for "Tệp            $(name txt)" || return
	hangup || return
	start || return
	wait_for "Mở lại bản nháp chưa lưu" || return
	keys y
	poll "" _report_up || { fail_screen "the draft did not reopen the report form"; return 1; }
	expect_screen "Định dạng      ‹ txt ›"
	expect_screen "Tệp            $(name txt)"
	keys Space
	wait_for "Tệp            $(name xlsx)" || return
	keys Escape
	wait_for "Bỏ những gì đã gõ?" || return
	keys y
	wait_gone "Xuất báo cáo —" || return
	no_reports
}

# A file of two communes: tab Huyện first (X there asks for a commune),
# then the report is the commune opened's.
case_report_two_communes() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --empty --commune "Tân Lập" || return
	sqlite3 "$DB" "INSERT INTO unit(id, level, name)
		VALUES (lower(hex(randomblob(16))), 'xa', 'Xã B')" || return
	start || return
	wait_for "Các xã của tệp — 2 xã" || return
	keys X
	wait_for "Chọn một xã rồi Enter để mở nó trước đã." || return
	expect_alive || return
	expect_no_screen "Xuất báo cáo"
	expect_selected "Tân Lập"
	keys Enter
	wait_line 2 "Xã Tân Lập — chưa có kế hoạch" || return
	keys X
	poll "" _report_up || { fail_screen "X did not open the report form"; return 1; }
	expect_screen "Tệp            $(name xlsx tan-lap)"
	pick md || return
	keys Enter
	written "$(name md tan-lap)"
}

# Esc on "Bỏ những gì đã gõ?" dismisses the question: it leaves the screen
# (it stayed on the message line, and a y then typed "y" into the field:
# x.csvy, found by a new user). The form engine's, so every form's.
case_report_discard_question_goes() {
	report_form || return
	keys Tab Tab Tab
	literal "x"
	wait_for "Tệp            $(name xlsx)x" || return
	keys Escape
	wait_for "Bỏ những gì đã gõ?" || return
	keys Escape
	wait_gone "Bỏ những gì đã gõ?" || return
	expect_screen "Xuất báo cáo —"
	expect_screen "Tệp            $(name xlsx)x"
	keys Escape
	wait_for "Bỏ những gì đã gõ?" || return
	keys y
	wait_gone "Xuất báo cáo —" || return
	no_reports
}

# The line under the file name follows the folder typed (it kept saying
# the current folder); a missing folder is said; a future as-of date is
# refused in dd/mm/yyyy like the command line, by the store's rule.
case_report_folder_hint_and_future() {
	mkdir -p "$T/sub"
	report_form || return
	pick md || return
	keys Tab Tab Tab
	for _ in $(seq 1 45); do keys BSpace; done
	literal "$T/sub/r.md"
	wait_for "trong thư mục $T/sub" || return
	literal "x"
	keys BSpace
	for _ in $(seq 1 8); do keys BSpace; done
	literal "nope/r.md"
	wait_for "thư mục $T/nope không có" || return
	for _ in $(seq 1 9); do keys BSpace; done
	literal "sub/r.md"
	wait_for "trong thư mục $T/sub" || return
	keys BTab BTab
	for _ in 1 2 3 4 5 6 7 8 9 10; do keys BSpace; done
	local next=$(( $(date +%Y) + 1 ))
	literal "1/1/$next"
	keys Enter
	wait_for "ngày tính đến 01/01/$next ở tương lai" || return
	expect_no_screen "$next-01-01"
	[ ! -e "$T/sub/r.md" ] || fail "a report was written for a future date"
}

# "Từ ngày": empty is 1 January of the plan's year; a start typed is the
# report's period; a start after the end is refused, nothing written.
case_report_since() {
	report_form || return
	expect_screen "Từ ngày"
	expect_screen "đầu kỳ; để trống: 1/1 năm của kế hoạch"
	pick md || return
	keys Tab
	for _ in 1 2 3 4 5 6 7 8 9 10; do keys BSpace; done
	literal "30/6/2024"
	keys Tab
	literal "1/7/2024"
	keys Enter
	wait_for "ngày đầu kỳ" || return
	no_reports
	for _ in 1 2 3 4 5 6 7 8 9 10; do keys BSpace; done
	literal "1/3/2024"
	keys Enter
	written "bao-cao-ntm-viet-hung-2024-06-30.md" || return
	grep -q "01/03/2024" "$T/bao-cao-ntm-viet-hung-2024-06-30.md" ||
		fail "the report does not name its start 01/03/2024: $(head -c 600 "$T/bao-cao-ntm-viet-hung-2024-06-30.md")"
}
