# Tab Huyện: the level above's file (ntm init --district) with three
# communes joined by their sync files — one with the built-in plan (Việt
# Hưng), one with a plan of its own and two tasks (Lạc Đạo), one with no
# plan (Đình Dù). The rows and
# their figures, the three orders, the communes × criteria table, Enter
# into a commune and back (H, Esc, Backspace), the palette's communes, a
# file with no commune yet, a read-only viewer refreshing after another
# process writes, 80×24 and larger, LANG=C.

# on FILE ARGS…: ntm on a commune's own file ($T/FILE) that must succeed.
on() {
	local f=$T/$1
	shift
	DB=$f ntm_ok "$@"
}

# join FILE…: each commune's first export (--all) applied to $DB, the way
# communes join the level above's file (it takes no edit of their data).
join() {
	local f files=()
	for f in "$@"; do
		on "$f" sync export --all --out "$T/$f.ntmsync" || return
		files+=("$T/$f.ntmsync")
	done
	ntm_ok sync apply "${files[@]}"
}

# make_district: the district file of the cases, in $DB. Each commune is
# made in its own file (vh.db, ld.db, dd.db) with its own commands.
make_district() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --district "Văn Lâm" --province "Hưng Yên" || return
	on vh.db init || return            # the built-in plan: Việt Hưng
	on ld.db init --empty --commune "Lạc Đạo" || return
	on ld.db plan new --year 2024 --number 5/KH-UBND \
		--title "Kế hoạch xây dựng nông thôn mới xã Lạc Đạo năm 2024" || return
	on ld.db task add --sector giao_thong "Làm đường trục xã" \
		--due 2024-05-01 || return
	on ld.db task add --sector dien "Thay đèn đường" || return
	on ld.db task edit 2 --status hoan_thanh || return
	on ld.db set 7 1 || return
	on dd.db init --empty --commune "Đình Dù" || return
	join vh.db ld.db dd.db || return
	# Setup only: when the two communes unchanged since they joined were
	# heard from, in the past (the order by staleness does not hang on
	# the second the files were applied)
	sqlite3 "$DB" "UPDATE sync_heard SET heard_at = CASE (SELECT name FROM
		unit WHERE id = unit_id) WHEN 'Đình Dù' THEN '2020-01-01T08:00:00Z'
		WHEN 'Việt Hưng' THEN '2020-02-01T08:00:00Z' ELSE heard_at END"
}

# row_of NAME: the screen line number of the commune's row (first match).
row_of() {
	screen | grep -n -F -m1 -- " $1 " | cut -d: -f1
}

# order_is A B C: the communes' rows are on the screen in this order.
_order_is() {
	local a b c
	a=$(row_of "$1") b=$(row_of "$2") c=$(row_of "$3")
	[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ "$a" -lt "$b" ] && [ "$b" -lt "$c" ]
}
order_is() {
	poll "" _order_is "$@" ||
		fail_screen "the communes should be in the order $1, $2, $3"
}

district_start() {
	make_district || return
	start "$@" || return
	wait_for "Huyện Văn Lâm — 3 xã" || return
}

case_district_rows_and_orders() {
	district_start || return
	expect_line 1 "Huyện"
	expect_screen "thứ tự: theo tiến độ (s đổi)"
	expect_screen "Tiêu chí   Nhiệm vụ Quá hạn Thôn   Cập nhật   Người gửi"
	screen | grep -F " Lạc Đạo " | grep -Eq '1/19 +1/2 +1 +0/0 +'"$(date +%d/%m/%Y)" ||
		fail_screen "Lạc Đạo's row: 1/19 criteria, 1/2 tasks, 1 overdue, today's date"
	screen | grep -F " Việt Hưng " | grep -Fq "0/70" ||
		fail_screen "Việt Hưng's row should show its 70 tasks"
	screen | grep -F " Đình Dù " | grep -Fq "chưa có kế hoạch" ||
		fail_screen "Đình Dù's row should say it has no plan"
	order_is "Lạc Đạo" "Việt Hưng" "Đình Dù" || return
	expect_selected "Lạc Đạo"
	expect_screen "Xã Lạc Đạo — Kế hoạch 5/KH-UBND năm 2024"
	expect_screen "s Thứ tự"
	keys s
	wait_for "thứ tự: theo tên" || return
	order_is "Đình Dù" "Lạc Đạo" "Việt Hưng" || return
	expect_selected "Lạc Đạo"      # the same commune stays selected
	keys s
	wait_for "thứ tự: lâu chưa cập nhật trước" || return
	order_is "Đình Dù" "Việt Hưng" "Lạc Đạo" || return
	screen | grep -F " Đình Dù " | grep -Eq "01/01/2020 *$" ||
		fail_screen "Đình Dù, unchanged since it joined: that day, nobody named"
	keys s
	wait_for "thứ tự: theo tiến độ" || return
	keys '?'
	wait_for "ntm — các phím" || return
	local i before
	for i in 1 2 3 4 5 6 7 8; do
		has "Thẻ Huyện — các xã của tệp cấp trên" && break
		before=$(screen)
		keys NPage
		wait_change "$before"
	done
	wait_for "Thẻ Huyện — các xã của tệp cấp trên" || return
	keys q
	wait_gone "Thẻ Huyện — các xã" || return
	expect_alive
}

case_district_matrix() {
	district_start || return
	keys m
	wait_for "bảng xã × tiêu chí" || return
	expect_screen "  1   2   3"
	expect_screen "m Bảng"
	wait_for "Xã Lạc Đạo — tiêu chí 1:" || return
	keys l l l l l l
	wait_for "Xã Lạc Đạo — tiêu chí 7: đạt" || return
	matrix_cells "Lạc Đạo" | grep -Fq "✓" ||
		fail_screen "Lạc Đạo's matrix row should show ✓ for criterion 7"
	# the legend explains every mark, blank cells too
	expect_screen "✓ đạt, · chưa đạt, ? chưa đánh giá, trống: chưa có mức cần đạt"
	keys j
	wait_for "Xã Việt Hưng — tiêu chí 7: chưa đánh giá" || return
	keys End
	wait_for "tiêu chí 19:" || return
	expect_screen "‹"
	# Enter opens the commune of the row
	keys Enter
	wait_line 2 "Xã Việt Hưng — Kế hoạch 32/KH-UBND năm 2024" || return
	keys H
	wait_for "bảng xã × tiêu chí" || return
	keys m
	wait_for "thứ tự: theo tiến độ" || return
	expect_selected "Việt Hưng"
}

case_district_enter_and_back() {
	district_start || return
	select_row "Việt Hưng" || return
	keys Enter
	wait_line 2 "Xã Việt Hưng — Kế hoạch 32/KH-UBND năm 2024" || return
	expect_line 2 "Xã Việt Hưng · H: về Huyện"
	expect_line 1 "Tổng quan"
	expect_screen "H Về huyện"
	expect_screen "Nhiệm vụ xong                 ░░░░░░░░░░░░░░░░░░░░ 0/70"
	keys Escape
	wait_for "đang mở: Xã Việt Hưng" || return
	expect_selected "Việt Hưng"
	keys Tab
	wait_line 2 "Xã Việt Hưng — Kế hoạch 32/KH-UBND năm 2024" || return
	keys Tab
	wait_line 2 "Xã Việt Hưng · H: về Huyện" || return
	keys BSpace                 # not on Tổng quan: Backspace is no key here
	wait_for "Phím này không dùng ở đây" || return
	keys H
	wait_for "Huyện Văn Lâm — 3 xã" || return
	select_row "Đình Dù" || return
	keys Enter
	wait_line 2 "Xã Đình Dù — chưa có kế hoạch" || return
	keys BSpace
	wait_for "đang mở: Xã Đình Dù" || return
	expect_alive
}

case_district_palette() {
	district_start || return
	keys g
	poll "" _palette_open || { fail_screen "g did not open the palette"; return 1; }
	literal "dinh du"
	wait_for "xã        Đình Dù" || return
	keys Enter
	wait_line 2 "Xã Đình Dù — chưa có kế hoạch" || return
	keys g
	poll "" _palette_open || { fail_screen "g did not open the palette"; return 1; }
	literal "Lạc Đạo"
	wait_for "xã        Lạc Đạo" || return
	keys Enter
	wait_line 2 "Xã Lạc Đạo — Kế hoạch 5/KH-UBND năm 2024" || return
}

case_district_no_commune() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --district "Văn Lâm" --province "Hưng Yên" || return
	start || return
	wait_for "Huyện Văn Lâm — 0 xã" || return
	expect_screen "Chưa có xã nào gửi số liệu lên tệp này."
	expect_screen "ntm sync export --all"
	expect_screen "ntm sync apply TỆP…"
	keys j Enter m
	wait_for "Chưa có xã nào nên bảng trống" || return
	keys m s X g
	poll "" _palette_open || { fail_screen "g did not open the palette"; return 1; }
	keys Escape
	wait_for "Huyện Văn Lâm — 0 xã" || return
	expect_alive || return
	keys q
	wait_exit || return
	[ "$EXIT_STATUS" = 0 ] || fail "q: exit status $EXIT_STATUS"
}

# A province's file alone: tab Tỉnh.
case_district_province_only() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --province "Hưng Yên" || return
	start || return
	wait_for "Tỉnh Hưng Yên — 0 xã" || return
	expect_line 1 "Tỉnh"
}

case_district_read_only_refresh() {
	district_start -- --read-only || return
	keys s s
	wait_for "thứ tự: lâu chưa cập nhật trước" || return
	select_row "Đình Dù" k || return
	order_is "Đình Dù" "Việt Hưng" "Lạc Đạo" || return
	# another process writes: a later export of Đình Dù applied
	NTM_USER="Nguyễn Thị Hoa" on dd.db set 7 1 || return
	on dd.db sync export --out "$T/dd2.ntmsync" || return
	ntm_ok sync apply "$T/dd2.ntmsync" || return
	# within about a second, without a key
	poll 3 _order_is "Việt Hưng" "Lạc Đạo" "Đình Dù" ||
		{ fail_screen "the viewer did not refresh after another process wrote"; return 1; }
	expect_selected "Đình Dù"
	screen | grep -F " Đình Dù " | grep -Fq "$(date +%d/%m/%Y) Nguyễn Thị Hoa" ||
		fail_screen "Đình Dù's row should show today and who sent it"
	screen | grep -F " Đình Dù " | grep -Fq "1/19" ||
		fail_screen "Đình Dù's row should show 1/19 criteria"
}

case_district_wide_and_ascii() {
	district_start -x 140 -y 40 || return
	screen | grep -F " Lạc Đạo " | grep -Fq "1/19" ||
		fail_screen "at 140×40 Lạc Đạo's row shows its gauge"
	resize 80 24 || return
	wait_for "Huyện Văn Lâm — 3 xã" || return
	start LANG=C LC_ALL=C || return
	wait_for "Huyen Van Lam - 3 xa" || return
	expect_screen "chua co ke hoach"
	screen | LC_ALL=C grep -q '[^ -~]' &&
		fail_screen "without UTF-8 the screen should be plain ASCII"
	keys m
	wait_for "bang xa x tieu chi" || return
	# đạt is + without UTF-8 ("x" reads like "failed"), and the legend says so
	screen | grep -F -m1 " Lac Dao " | grep -Eq '^ Lac Dao +([.?] +| {3})*\+ ' ||
		fail_screen "the ASCII matrix row of Lac Dao should show + for criterion 7"
	screen | grep -F -m1 " Lac Dao " | grep -Fq " x " &&
		fail_screen "the ASCII matrix should not mark đạt with x"
	expect_screen "+ dat, . chua dat, ? chua danh gia, trong: chua co muc can dat"
	screen | LC_ALL=C grep -q '[^ -~]' &&
		fail_screen "without UTF-8 the matrix should be plain ASCII"
	keys m Enter
	wait_line 2 "Xa Lac Dao - Ke hoach 5/KH-UBND nam 2024" || return
	expect_alive
}

# The matrix follows the list's order, and m keeps the same commune
# selected (by its id) both ways, whatever the order.
case_district_matrix_order() {
	district_start || return
	select_row "Đình Dù" || return           # the last, by progress
	keys m
	wait_for "Xã Đình Dù — tiêu chí 1:" || return
	order_is "Lạc Đạo" "Việt Hưng" "Đình Dù" || return
	keys s                                   # by name, in the matrix too
	wait_for "Xã Đình Dù — tiêu chí 1:" || return
	order_is "Đình Dù" "Lạc Đạo" "Việt Hưng" || return
	keys j
	wait_for "Xã Lạc Đạo — tiêu chí 1:" || return
	keys m
	wait_for "thứ tự: theo tên" || return
	expect_selected "Lạc Đạo"
	order_is "Đình Dù" "Lạc Đạo" "Việt Hưng" || return
	keys s s m                               # by progress again
	wait_for "Xã Lạc Đạo — tiêu chí 1:" || return
	order_is "Lạc Đạo" "Việt Hưng" "Đình Dù" || return
	keys j m
	wait_for "thứ tự: theo tiến độ" || return
	expect_selected "Việt Hưng"
}

# A long commune's name: the matrix's names column widens with the room
# a wide screen gives (at 80 columns it is cut, like the list's).
case_district_matrix_wide_names() {
	local long="Thị trấn Như Quỳnh mở rộng"
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --district "Văn Lâm" || return
	on tt.db init --empty --commune "$long" || return
	on ld.db init --empty --commune "Lạc Đạo" || return
	join tt.db ld.db || return
	start -x 120 -y 40 || return
	wait_for "Huyện Văn Lâm — 2 xã" || return
	expect_screen " $long "
	keys m
	wait_for "bảng xã × tiêu chí" || return
	expect_screen " $long "
	screen | grep -Fq "  1   2   3" || fail_screen "the matrix's column numbers"
	screen | grep -Eq "  18  19( |$)" || fail_screen "at 120 columns all 19 criteria show"
	resize 80 24 || return
	wait_for "bảng xã × tiêu chí" || return
	expect_no_screen " $long "
}

# 80×24, a commune open: the header says the order and the commune whole
# (shorter words when the long ones do not fit); the footer of tab Huyện
# says what Enter does there.
case_district_narrow_header() {
	district_start || return
	expect_screen "Enter Mở xã"
	expect_no_screen "Mở/sửa"
	select_row "Việt Hưng" || return
	keys Enter
	wait_line 2 "Xã Việt Hưng — Kế hoạch 32/KH-UBND năm 2024" || return
	keys H s s
	wait_for "lâu chưa cập nhật" || return
	expect_line 2 "Huyện Văn Lâm — 3 xã · lâu chưa cập nhật (s) · mở: Xã Việt Hưng"
	keys m
	wait_for "bảng xã × tiêu chí" || return
	expect_line 2 "Huyện Văn Lâm — bảng xã × tiêu chí (m trở lại) · đang mở: Xã Việt Hưng"
	expect_screen "Enter Mở xã"
}

# A commune opened on the level above's file reads like a read-only
# session: no edit keys in the footer, an edit key says why and changes
# nothing; the conflicts screen still opens with its keys.
case_district_commune_view_only() {
	district_start || return
	select_row "Lạc Đạo" || return
	keys Enter
	wait_line 2 "Xã Lạc Đạo — Kế hoạch 5/KH-UBND năm 2024" || return
	expect_screen "CHỈ XEM"
	local before
	before=$(q "SELECT count(*) FROM audit")
	keys Tab                                 # a sector tab
	wait_for "Quy hoạch" || return
	goto "giao thong" || return
	expect_no_screen "a Thêm"
	expect_no_screen "Hoàn tác"
	keys a
	wait_for "Tệp của cấp trên: chỉ xem; dữ liệu do xã gửi lên." || return
	keys Enter
	wait_for "Tệp của cấp trên: chỉ xem; dữ liệu do xã gửi lên." || return
	keys L
	wait_for "Tệp của cấp trên: chỉ xem; dữ liệu do xã gửi lên." || return
	expect_db "SELECT count(*) FROM audit" "$before"
	keys C
	wait_for "Xung đột" || return
	expect_no_screen "CHỈ XEM"
	keys Escape
	expect_alive
}
