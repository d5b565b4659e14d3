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

_tabs_up() { has "Tổng quan" || has "Tong quan"; }

# closes [KEY]: Esc (or KEY) goes back to the tabs, the program alive.
closes() {
	keys "${1:-Escape}"
	wait_gone "Xung đột đồng bộ" || return
	poll "" _tabs_up || fail_screen "${1:-Escape} did not go back to the tabs" || return
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

# ---- with a conflict waiting (the store's sync engine) ------------------------

# laptop_ok ARGS…: `ntm ARGS…` on a laptop's copy of the file
# ($T/laptop.db, made with cp) as Trần Thị Bình; it must succeed (like
# ntm_ok: $OUT, $ERR, $RC).
LAPTOP_WHO="Trần Thị Bình"
laptop_ok() { DB=$T/laptop.db NTM_USER=$LAPTOP_WHO ntm_ok "$@"; }

# conflict_made: a real conflict, as two copies make it. The office's file
# ($DB) is copied to a laptop; task #1 is edited on both (the office's
# title OURS by Nguyễn Văn An, the laptop's THEIRS by Trần Thị Bình); the
# laptop's changes, exported with `ntm sync export`, are applied here with
# `ntm sync apply`: the office keeps its title, the conflict waits.
OURS="Kiên cố hóa kênh mương (văn phòng)"
THEIRS="Kiên cố hóa kênh mương (ngoài thôn)"
conflict_made() {
	ntm_ok sync status || return
	cp "$DB" "$T/laptop.db"
	laptop_ok task edit 1 --title "$THEIRS" || return
	NTM_USER="Nguyễn Văn An" ntm_ok task edit 1 --title "$OURS" || return
	[ "$(q "SELECT value FROM meta WHERE key = 'replica_id'")" != \
	  "$(sqlite3 -readonly "$T/laptop.db" "SELECT value FROM meta WHERE key = 'replica_id'")" ] ||
		{ fail "the laptop's copy kept the office's replica id"; return 1; }
	laptop_ok sync export --out "$T/laptop.ntmsync" || return
	ntm_ok sync apply "$T/laptop.ntmsync" || return
	grep -Fq "1 xung đột mới" "$OUT" ||
		fail "sync apply did not record the conflict: $(head -c 300 "$OUT" | tr '\n' '|')"
	expect_db "SELECT count(*) FROM sync_conflict WHERE state = 'waiting'" 1
	[ "$(_task1)" = "$OURS" ] || fail "the office's task #1 is “$(_task1)” after apply"
}

_task1() { q "SELECT title FROM task WHERE number = 1"; }

case_conflicts_settle_theirs_undo() {
	conflict_made || return
	start || return
	overview || return
	expect_line 3 "⚠ 1 xung đột đồng bộ đang chờ — nhấn C để xem"
	keys C && opened C || return
	expect_line 1 "Xung đột đồng bộ — 1 đang chờ"
	expect_selected "#1   nhiệm vụ “$OURS”"
	expect_selected "hai bên cùng sửa"
	# both sides, each with who and when (dd/mm/yyyy hh:mm)
	expect_screen "Bên này — Nguyễn Văn An"
	expect_screen ", $(date +%d/%m/%Y) "
	expect_screen "Bên kia — Trần Thị Bình"
	[ "$(screen | grep -c ", $(date +%d/%m/%Y) [0-9][0-9]:[0-9][0-9]")" -ge 2 ] ||
		fail_screen "both sides should say when (today, hh:mm)"
	expect_screen "$THEIRS"
	# asked first: another key keeps it waiting
	keys t
	wait_for "Lấy bên kia cho nhiệm vụ" || return
	keys n
	wait_for "Chưa giải quyết: xung đột #1 vẫn chờ." || return
	[ "$(_task1)" = "$OURS" ] || fail "task #1 changed without a yes: $(_task1)"
	keys t
	wait_for "y hoặc c: lấy" || return
	keys y
	wait_for "Đã giải quyết xung đột #1: lấy bên kia. u để hoàn tác." || return
	none_said || return
	[ "$(_task1)" = "$THEIRS" ] || fail "task #1 is “$(_task1)”, not the other side's title"
	expect_db "SELECT count(*) FROM sync_conflict WHERE state = 'waiting'" 0
	ntm_ok sync conflicts
	grep -Fxq "Không có xung đột nào đang chờ." "$OUT" ||
		fail "sync conflicts after t y: $(head -c 200 "$OUT" | tr '\n' '|')"
	# the task shows the other side's title in its tab
	closes || return
	expect_no_screen "xung đột đồng bộ đang chờ"
	goto "ngoai thon" || return
	wait_selected "#1  Kiên cố hóa" || return
	expect_screen "$THEIRS"             # whole in the detail pane
	# u brings it back: our title, the conflict waiting again
	keys C && opened "C again" || return
	none_said || return
	keys u
	wait_for "nhiệm vụ “$OURS”" || return
	[ "$(_task1)" = "$OURS" ] || fail "after u, task #1 is “$(_task1)”"
	expect_db "SELECT count(*) FROM sync_conflict WHERE state = 'waiting'" 1
	expect_selected "nhiệm vụ “$OURS”"
	closes || return
	goto "tong quan" || return
	wait_line 3 "⚠ 1 xung đột đồng bộ đang chờ — nhấn C để xem"
}

# o keeps this side, from the overview's line (Enter); read-only lists it
# and refuses to settle. The settlement travels: exported from the office
# and applied on the laptop, nothing waits there and its task #1 has the
# office's title.
case_conflicts_keep_ours() {
	conflict_made || return
	start -- --read-only || return
	overview || return
	keys Enter && opened "Enter on the overview's line" || return
	expect_selected "nhiệm vụ “$OURS”"
	keys o
	wait_for "Đang ở chế độ chỉ xem" || return
	expect_db "SELECT count(*) FROM sync_conflict WHERE state = 'waiting'" 1
	start LANG=C LC_ALL=C || return
	overview || return
	expect_line 3 "! 1 xung dot dong bo dang cho - nhan C de xem"
	keys C && opened C || return
	keys o
	wait_for "y hoac c: giu" || return
	keys c
	wait_for "Da giai quyet xung dot #1: giu ben nay." || return
	[ "$(_task1)" = "$OURS" ] || fail "task #1 is “$(_task1)” after keeping ours"
	expect_db "SELECT count(*) FROM sync_conflict WHERE state = 'waiting'" 0
	ntm_ok sync export --out "$T/office.ntmsync" || return
	laptop_ok sync apply "$T/office.ntmsync" || return
	laptop_ok sync conflicts || return
	grep -Fxq "Không có xung đột nào đang chờ." "$OUT" ||
		fail "the laptop has conflicts waiting: $(head -c 300 "$OUT" | tr '\n' '|')"
	laptop_ok task list || return
	grep '^#1 ' "$OUT" | grep -Fq "  $OURS" ||
		fail "the laptop's task #1 is not the office's: $(grep '^#1 ' "$OUT")"
	[ "$(sqlite3 -readonly "$T/laptop.db" "SELECT title FROM task WHERE number = 1")" = "$OURS" ] ||
		fail "the laptop's task #1 row is not the office's title"
}

# Changes made here and not exported for more than 3 days are recalled.
case_conflicts_unexported() {
	ntm_ok task edit 2 --progress 10 || return
	sqlite3 "$DB" "UPDATE sync_change SET at = '2020-01-02T03:00:00Z'" ||
		{ fail "could not age the change"; return 1; }
	start || return
	overview || return
	expect_screen "Có 1 thay đổi chưa xuất từ 02/01/2020 — chạy ntm sync export"
	start -x 100 -y 30 || return
	overview || return
	expect_screen "Có 1 thay đổi chưa xuất từ 02/01/2020 — chạy ntm sync export để gửi về văn phòng"
}

# At 80×24 the question on a long title is cut in its title: the keys
# part ("y hoặc c: lấy; phím khác: thôi") always shows.
case_conflicts_question_fits_80() {
	local long
	long=$(python3 -c 'print(("Xây dựng đường giao thông nông thôn liên thôn " * 6)[:200])')
	local OURS="$long (văn phòng)" THEIRS="$long (ngoài thôn)"
	conflict_made || return
	start || return
	overview || return
	keys C && opened C || return
	keys t
	wait_for "y hoặc c: lấy; phím khác: thôi" || return
	expect_screen "Lấy bên kia cho nhiệm vụ “Xây"
	expect_screen "…” (xung đột #1)?"
	keys n
	wait_for "Chưa giải quyết: xung đột #1 vẫn chờ." || return
	keys o
	wait_for "y hoặc c: giữ; phím khác: thôi" || return
	keys n
}
