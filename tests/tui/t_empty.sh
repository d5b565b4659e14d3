# Files with little or nothing in them (bug: the program crashed in
# screen_draw on every file made by `ntm init --empty`): no plan, no
# village, no task, no value. The program opens, every tab says in
# Vietnamese what is missing (and, where a key adds it, which key), and no
# key on an empty list ends it.

# empty_db: replaces the case's database by an empty one.
empty_db() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --empty
}

_help_up() { has "ntm — các phím"; }
_form_up() { has "Esc hủy"; }
_probe_done() { _help_up || _form_up; }

# probe KEY: presses KEY, then ? to learn when KEY was handled: the help
# screen opens once it was; a form KEY opened is closed again (Esc, and y
# when it asks whether to drop what ? typed). The program must be alive.
probe() {
	keys "$1" '?'
	if ! poll "" _probe_done; then
		fail_screen "after $1 then ?, neither the help screen nor a form showed"
		return 1
	fi
	if _form_up; then
		keys Escape
		poll 1 has "Bỏ những gì đã gõ" && keys y
		wait_gone "Esc hủy" || return 1
	else
		keys q
		wait_gone "ntm — các phím" || return 1
	fi
}

_line2_is_not() { [ "$(screen | sed -n 2p)" != "$1" ]; }

# walk_tabs: every tab from Tổng quan on (Tab), the program alive on each;
# on Tổng quan, the first sector tab and the three tabs whose list is empty
# (Giải pháp, Vốn, Thôn) Enter, a and Space too. Ends back on Tổng quan. Line 2
# of each tab goes to $T/tabs.
walk_tabs() {
	local i line
	: >"$T/tabs"
	for i in $(seq 1 20); do
		line=$(screen | sed -n 2p)
		echo "$line" >>"$T/tabs"
		case $i in
		1 | 2 | 18 | 19 | 20)
			probe Enter || return
			probe a || return
			probe Space || return
			probe Escape || return   # Thôn: back to the villages
			;;
		esac
		keys Tab
		poll "" _line2_is_not "$line" ||
			{ fail_screen "Tab did not change tab after tab $i"; return 1; }
	done
	wait_line 2 "Xã " || return
	expect_alive
}

# palette_and_help [UNDO_SAYS]: the palette lists what there is, the help
# opens, u says UNDO_SAYS (nothing to undo).
palette_and_help() {
	keys g
	poll "" _palette_open || { fail_screen "g did not open the palette"; return 1; }
	literal "giai phap"
	wait_for "Giải pháp" || return
	keys Escape
	wait_gone "Đi đến:" || return
	keys F1
	wait_for "ntm — các phím" || return
	keys q
	wait_gone "ntm — các phím" || return
	keys u
	wait_for "${1:-Không còn thao tác nào để hoàn tác}" || return
	expect_alive
}

case_empty_file() {
	empty_db || return
	start || return
	wait_for "Tiêu chí đạt" || return
	expect_line 2 "chưa có kế hoạch"
	expect_screen "Xã chưa có kế hoạch nên chưa có nhiệm vụ: nhấn L để lập kế hoạch."
	keys End
	wait_for "Chưa có thôn nào: thêm ở thẻ Thôn (phím A)." || return
	keys Home
	wait_selected "Tiêu chí đạt" || return
	walk_tabs || return
	grep -Fq "Giải pháp" "$T/tabs" || fail "the walk did not pass the tab Giải pháp"
	grep -Fq "Thôn — danh mục" "$T/tabs" || fail "the walk did not pass the tab Thôn"
	palette_and_help || return
	# a on an indicator says why no task can be added, and opens no form
	goto "quy hoach" || return
	wait_line 2 "Quy hoạch" || return
	keys a
	wait_line 23 "Xã chưa có kế hoạch" || return
	expect_no_screen "Thêm nhiệm vụ —"
	# t likewise: no plan, no plan target; no form that fails on Enter
	keys t
	wait_line 23 "chưa đặt được mức cần đạt của kế hoạch" || return
	expect_no_screen "Enter lưu"
	# the tab Giải pháp (no indicator) says why it has no task
	goto "giai phap" || return
	wait_line 2 "Giải pháp" || return
	expect_screen "Xã chưa có kế hoạch nên chưa có nhiệm vụ"
	# the tab Vốn says why there is no money
	keys Tab
	wait_for "Xã chưa có kế hoạch nên chưa có vốn" || return
	# the tab Thôn names the key that adds a village, and the matrix says
	# it is empty
	keys Tab
	wait_for "Chưa có thôn nào. Nhấn A để thêm thôn." || return
	keys m
	wait_for "Chưa có thôn nào nên bảng trống. Nhấn m để trở lại danh sách thôn." || return
	keys Space
	keys m
	wait_for "Chưa có thôn nào. Nhấn A để thêm thôn." || return
	# A works: the village added has the template's items
	keys A
	wait_for "Thêm thôn" || return
	literal "Thôn Mới"
	keys Enter
	wait_village "Thôn Mới" "0/10" || return
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon'" 1
	expect_no_screen "Chưa có thôn nào"
	keys q
	wait_exit || return
	[ "$EXIT_STATUS" = 0 ] || fail "q: exit status \"$EXIT_STATUS\", expected 0"
	[ ! -s "$T/ntm.stderr" ] || fail "stderr: $(head -c 300 "$T/ntm.stderr")"
}

case_empty_file_read_only() {
	empty_db || return
	start -- --read-only || return
	wait_for "Tiêu chí đạt" || return
	expect_screen "CHỈ XEM"
	expect_no_screen "nhấn L"
	expect_screen "Xã chưa có kế hoạch nên chưa có nhiệm vụ"
	keys End
	wait_for "Chưa có thôn nào." || return
	# no key is named that does not work here
	expect_no_screen "phím A"
	keys Home
	wait_selected "Tiêu chí đạt" || return
	walk_tabs || return
	palette_and_help "Đang ở chế độ chỉ xem" || return
	keys '['                 # from Tổng quan back to the last tab, Thôn
	wait_for "Chưa có thôn nào (đang chỉ xem nên không thêm được)." || return
	expect_no_screen "Nhấn A"
	keys A
	wait_for "chỉ xem" || return
	expect_no_screen "Tên thôn"
	goto "giai phap" || return
	wait_line 2 "Giải pháp" || return
	expect_screen "Xã chưa có kế hoạch nên chưa có nhiệm vụ"
	expect_db "SELECT count(*) FROM audit" 0
	keys q
	wait_exit || return
	[ "$EXIT_STATUS" = 0 ] || fail "q: exit status \"$EXIT_STATUS\", expected 0"
}

case_empty_file_one_village() {
	empty_db || return
	ntm_ok village add "Cự Đình"
	start || return
	wait_for "Tiêu chí đạt" || return
	expect_screen "Xã chưa có kế hoạch nên chưa có nhiệm vụ"
	keys End
	wait_selected "Cự Đình" || return
	expect_no_screen "Chưa có thôn nào"
	keys Home
	wait_selected "Tiêu chí đạt" || return
	walk_tabs || return
	# the walk ticked the first item (Space in the checklist): u undoes it
	palette_and_help "Đã hoàn tác" || return
	expect_db "SELECT count(*) FROM checklist_item WHERE done = 1" 0
	# the village's checklist: tick, undo
	goto "cu dinh" || return
	wait_item_selected "Đường giao thông trong thôn" || return
	keys Space
	wait_village "Cự Đình" "1/10" || return
	expect_db "SELECT count(*) FROM checklist_item WHERE done = 1" 1
	keys u
	wait_village "Cự Đình" "0/10" || return
	expect_db "SELECT count(*) FROM checklist_item WHERE done = 1" 0
	# the matrix has its row
	keys m
	wait_for "Bảng thôn × việc" || return
	[ "$(matrix_cells "Cự Đình")" = "· · · · · · · · · ·" ] ||
		fail_screen "the matrix row of Cự Đình should be ten ·"
	keys q
	wait_exit || return
	[ "$EXIT_STATUS" = 0 ] || fail "q: exit status \"$EXIT_STATUS\", expected 0"
}
