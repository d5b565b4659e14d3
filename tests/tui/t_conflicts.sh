# The Xung đột screen: C (or "Xung đột" in the go-to palette) lists the
# conflicts `ntm sync apply` left waiting, the selected one's two sides in
# the detail pane; o keeps this copy's side, t takes the other's (asked
# first; u undoes it). With none waiting it says so and what the screen is
# for. Tổng quan says how many wait. It works on every kind of file,
# without UTF-8, read-only, at 80×24 and larger.

_conflicts_up() { has "Xung đột đồng bộ" || has "Xung dot dong bo"; }
_none_said() { has "Không có xung đột nào đang chờ." || has "Khong co xung dot nao dang cho."; }

# overview: waits for Tổng quan.
overview() { poll "" _overview_up || fail_screen "the overview did not appear"; }
# opened HOW: waits for the screen HOW opened.
opened() { poll "" _conflicts_up || fail_screen "$1 did not open the Xung đột screen"; }
# none_said: waits for the empty screen's words.
none_said() { poll "" _none_said || fail_screen "the empty screen did not say so"; }

# conflicts_screen [START_ARGS…]: starts the program and opens the screen (C).
conflicts_screen() {
	start "$@" && overview && keys C && opened C
}

# closes: Esc goes back to Tổng quan, the program alive.
closes() {
	keys "${1:-Escape}"
	wait_gone "Xung đột đồng bộ" || return
	overview || return
	expect_alive
}

case_conflicts_none() {
	conflicts_screen || return
	none_said || return
	expect_line 1 "Xung đột đồng bộ"
	expect_screen "Xung đột hiện ra ở đây sau ntm sync apply"
	# the hint bar names this screen's keys, not the tabs'
	expect_screen "o Giữ bên này  t Lấy bên kia  ? Trợ giúp  Esc Đóng  u Hoàn tác"
	expect_no_screen "g Đi đến"
	# settling nothing writes nothing and says why
	local actions
	actions=$(q "SELECT count(*) FROM audit")
	keys t
	wait_for "Không có xung đột nào đang chờ." || return
	expect_no_screen "y hoặc c"
	expect_db "SELECT count(*) FROM audit" "$actions"
	# a key of the tabs does nothing here; the program is still there
	keys g
	wait_for "Phím này không dùng ở đây" || return
	closes || return
	# Tổng quan says nothing of conflicts or changes to export
	expect_no_screen "xung đột đồng bộ đang chờ"
	expect_no_screen "thay đổi chưa xuất"
	closes_q_too
}

# q closes it as well.
closes_q_too() {
	keys C
	opened "C again" || return
	closes q
}

case_conflicts_palette() {
	start || return
	overview || return
	keys g
	poll "" _palette_open || { fail_screen "g did not open the palette"; return 1; }
	literal "xung dot"
	wait_for "Xung đột đồng bộ: giữ bên này hoặc lấy bên kia (phím C)" || return
	keys Enter
	opened "the palette's entry" || return
	none_said || return
	closes
}

# The help lists the key and the screen's keys; ? works on the screen.
case_conflicts_help() {
	conflicts_screen || return
	keys '?'
	wait_for "ntm — các phím" || return
	expect_screen "C         Xung đột đồng bộ"
	local i before
	for i in $(seq 1 30); do
		has "Màn Xung đột (phím C" && break
		before=$(screen)
		keys PageDown
		wait_change "$before" 1 || break
	done
	expect_screen "Màn Xung đột (phím C" || return
	keys q
	wait_gone "ntm — các phím" || return
	opened "closing the help"
}

# A file made by ntm init --empty: no plan, no village, no task.
case_conflicts_empty_file() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --empty || return
	conflicts_screen || return
	none_said || return
	closes
}

case_conflicts_ascii() {
	conflicts_screen LANG=C LC_ALL=C || return
	none_said || return
	expect_screen "Khong co xung dot nao dang cho."
	if screen | LC_ALL=C grep -q '[^ -~]'; then
		fail_screen "LANG=C: the screen has characters outside ASCII"
	fi
	closes
}

case_conflicts_read_only() {
	conflicts_screen -- --read-only || return
	none_said || return
	expect_line 1 "(chỉ xem)"
	# keys that write are not offered, and are refused with the reason
	expect_no_screen "Giữ bên này"
	keys o
	wait_for "Đang ở chế độ chỉ xem" || return
	closes
}

# Larger than 80×24: the key shows in the hint bar of the tabs too.
case_conflicts_wide() {
	start -x 120 -y 40 || return
	overview || return
	expect_line 40 "C Xung đột"
	keys C
	opened C || return
	none_said || return
	closes
}
