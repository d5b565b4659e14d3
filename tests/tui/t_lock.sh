# Waiting for a lock another process holds (issue 10, point 13): the
# program says it is waiting, Esc gives up with nothing written and the
# form still open, and a lock released in time lets the save go through.

# hold_lock SECONDS: another process holds a write transaction on the
# database for SECONDS; returns once it does (HOLDER_PID is its pid).
hold_lock() {
	rm -f "$T/locked"
	python3 "$TESTS_LIB/hold_lock.py" "$DB" "$1" "$T/locked" &
	HOLDER_PID=$!
	local i=0
	while [ ! -e "$T/locked" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	[ -e "$T/locked" ] || fail "the lock holder did not start"
}

# value_typed: the form of 12.2 open with 86,5 typed.
value_typed() {
	value_form 12.2 || return
	literal "86,5"
	wait_for "Giá trị        86,5" || return
}

case_lock_wait_given_up() {
	value_typed || return
	hold_lock 4 || return
	keys Enter
	wait_for "Đang chờ tệp được giải phóng… (Esc để thôi)" 2 || return
	keys Escape
	wait_for "đã thôi chờ tệp đang bị một người/chương trình khác ghi" 2 || return
	# the form is still open, with what was typed
	expect_screen "Cập nhật giá trị — 12.2"
	expect_screen "Giá trị        86,5"
	expect_db "SELECT count(*) FROM measurement" 0
	wait "$HOLDER_PID"
	expect_db "SELECT count(*) FROM measurement" 0
	# once the lock is gone, Enter saves
	keys Enter
	wait_gone "Cập nhật giá trị" || return
	expect_db "SELECT value FROM measurement" "86.5"
}

case_lock_released_in_time() {
	value_typed || return
	hold_lock 1.5 || return
	keys Enter
	wait_for "Đang chờ tệp được giải phóng" 2 || return
	wait_gone "Cập nhật giá trị" 5 || return
	wait_for "Đã ghi 12.2 = 86,5" || return
	expect_db "SELECT value FROM measurement" "86.5"
	wait "$HOLDER_PID"
}
