# Starting and leaving the program: the first screen, terminals without
# colour or UTF-8, the help screen.

case_first_run() {
	start || return
	wait_for "Tiêu chí đạt" || return
	# the tab bar (line 1), the commune gauge, the hint bar (last line)
	expect_line 1 "Tổng quan"
	expect_line 1 "Quy hoạch"
	expect_line 1 "Giao thông"
	screen | grep -F "Tiêu chí đạt" | grep -Fq "0/19" ||
		fail_screen "the line \"Tiêu chí đạt\" should show 0/19"
	expect_line 24 "q Thoát"
	expect_no_screen "Cửa sổ quá nhỏ"
	# the first tab is active: its header names the commune
	expect_line 2 "Xã "
	keys q
	wait_exit || return
	[ "$EXIT_STATUS" = 0 ] || fail "q: exit status \"$EXIT_STATUS\", expected 0"
	[ ! -s "$T/ntm.stderr" ] || fail "stderr after q: $(head -c 300 "$T/ntm.stderr")"
	# looking wrote nothing
	expect_db "SELECT count(*) FROM audit" 0
}

# A terminal this machine has no description of (a new terminal over SSH,
# the static binary on a bare laptop): ncurses' initscr() would exit with
# "Error opening terminal"; ntm uses xterm-256color and says so.
case_term_unknown() {
	start TERM=no-such-terminal-x || return
	wait_for "Tiêu chí đạt" || return
	expect_line 1 "Tổng quan"
	expect_screen "“no-such-terminal-x”"
	expect_screen "đang dùng xterm-256color"
	keys Tab
	wait_line 2 "Quy hoạch"
	keys q
	wait_exit || return
	[ "$EXIT_STATUS" = 0 ] || fail "unknown TERM, q: exit status \"$EXIT_STATUS\", expected 0"
}

# TERM empty (or unset): the fallback, and the message says TERM is not set.
case_term_unset() {
	start TERM= || return
	wait_for "Tiêu chí đạt" || return
	expect_screen "Chưa đặt biến TERM: đang dùng xterm-256color."
	keys q
	wait_exit || return
}

# TERM=dumb cannot move the cursor: no screen drawn on one line, but a
# refusal that says why and what to use instead (run through script(1)
# for a terminal: the program exits before drawing anything).
case_term_dumb() {
	local out rc
	out=$(TERM=dumb script -qec "$(printf '%q --db %q' "$NTM" "$DB")" /dev/null 2>&1)
	rc=$?
	[ "$rc" -ne 0 ] || fail "TERM=dumb: exit status 0, expected a refusal"
	grep -Fq "terminal “dumb” (biến TERM) không di chuyển được con trỏ" <<<"$out" ||
		fail "TERM=dumb: said: $out"
	grep -Fq "TERM=xterm-256color" <<<"$out" || fail "TERM=dumb: no way out named: $out"
}

case_term_vt100() {
	start TERM=vt100 || return
	wait_for "Tiêu chí đạt" || return
	expect_line 1 "Tổng quan"
	expect_line 1 "Giao thông"
	screen | grep -F "Tiêu chí đạt" | grep -Fq "0/19" ||
		fail_screen "vt100: the line \"Tiêu chí đạt\" should show 0/19"
	expect_line 24 "q Thoát"
	has_colour && fail_screen "vt100 has no colours, yet the screen has some"
	# the keys still work: Tab to the next tab
	keys Tab
	wait_line 2 "Quy hoạch"
	keys q
	wait_exit || return
	[ "$EXIT_STATUS" = 0 ] || fail "vt100, q: exit status \"$EXIT_STATUS\", expected 0"
}

case_no_color() {
	start NO_COLOR=1 || return
	wait_for "Tiêu chí đạt" || return
	expect_line 1 "Tổng quan"
	expect_line 24 "q Thoát"
	has_colour && fail_screen "NO_COLOR=1: the screen should have no colours"
	# while without NO_COLOR the same terminal gets colours
	keys q
	wait_exit || return
	[ "$EXIT_STATUS" = 0 ] || fail "NO_COLOR, q: exit status \"$EXIT_STATUS\", expected 0"
	start || return
	wait_for "Tiêu chí đạt" || return
	has_colour || fail_screen "xterm-256color without NO_COLOR should have colours"
}

case_locale_c() {
	# something đạt, for a gauge with # in it
	ntm_ok set 12.2 86,5
	start LANG=C LC_ALL=C || return
	wait_for "Tieu chi dat" || return
	expect_line 1 "Tong quan"
	expect_line 1 "Giao thong"
	expect_no_screen "Tổng quan"
	expect_no_screen "Giao thông"
	# the one-time hint about the locale
	expect_screen "LANG=C.UTF-8"
	screen | grep -F "Tieu chi dat" | grep -Fq -- "--------------------" ||
		fail_screen "the gauge of \"Tieu chi dat\" should be drawn with -"
	# no byte outside ASCII anywhere
	if screen | LC_ALL=C grep -q '[^ -~]'; then
		fail_screen "LANG=C: the screen has characters outside ASCII"
	fi
	goto 12.2 || return
	wait_line 2 "Lao dong" || return
	screen | sed -n 2p | grep -Eq '#+-+' ||
		fail_screen "LANG=C: the gauge of Lao dong (1/4) should be #…-…"
	expect_selected "12.2"
	expect_selected "86,5%"
	# the hint was shown once: it is gone and does not come back
	expect_no_screen "LANG=C.UTF-8"
	local before
	before=$(screen)
	keys Tab
	wait_change "$before" || fail_screen "Tab changed nothing"
	keys '['
	wait_line 2 "Lao dong" || return
	expect_no_screen "LANG=C.UTF-8"
	keys q
	wait_exit
}

case_locale_c_utf8_flag() {
	start LANG=C LC_ALL=C -- --utf8 || return
	wait_for "Tiêu chí đạt" || return
	expect_line 1 "Tổng quan"
	expect_line 1 "Giao thông"
	expect_line 1 "Thủy lợi"
	expect_no_screen "Giao thong"
	expect_no_screen "LANG=C.UTF-8"
	screen | grep -F "Tiêu chí đạt" | grep -Fq "░░░░" ||
		fail_screen "--utf8: the gauges should be drawn with ░ and █"
	keys q
	wait_exit
}

case_help() {
	start || return
	wait_for "Tiêu chí đạt" || return
	keys '?'
	wait_for "ntm — các phím" || return
	expect_screen "Ctrl-R"
	expect_no_screen "Tiêu chí đạt"
	keys q
	wait_gone "ntm — các phím" || return
	wait_for "Tiêu chí đạt" || return
	expect_alive
	keys F1
	wait_for "ntm — các phím" || return
	expect_screen "Ctrl-R"
	keys q
	wait_gone "ntm — các phím" || return
	wait_for "Tiêu chí đạt" || return
	expect_line 1 "Tổng quan"
	expect_alive
	# the q that closed the help did not quit; this one does
	keys q
	wait_exit || return
	[ "$EXIT_STATUS" = 0 ] || fail "exit status \"$EXIT_STATUS\", expected 0"
}
