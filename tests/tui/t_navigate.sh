# Moving around: the go-to palette, searching a tab, the arrow keys in both
# cursor modes, the hint bar, resizing the terminal.

case_palette_to_indicator() {
	start || return
	wait_for "Tiêu chí đạt" || return
	keys g
	wait_line 1 "Đi đến:" || return
	literal 12.2
	wait_for "chỉ tiêu  12.2" || return
	keys Enter
	wait_line 2 "Lao động" || return
	# the tab bar shows the tab, the header names it, 12.2 is selected
	expect_line 1 "Lao động"
	wait_selected "12.2" || return
	expect_selected "Tỷ lệ lao động qua đào tạo"
	# the detail pane describes it too
	expect_screen "12.2  Tỷ lệ lao động qua đào tạo"
	# the palette without marks: "giao thong" reaches the tab Giao thông
	goto "giao thong" || return
	wait_line 2 "Giao thông"
}

case_search_in_tab() {
	start || return
	wait_for "Tiêu chí đạt" || return
	goto "giao thong" || return
	wait_line 2 "Giao thông" || return
	local first second
	first=$(selected)
	keys /
	wait_for "Tìm:" || return
	literal duong
	wait_for "Tìm: duong" || return
	keys Enter
	wait_gone "Tìm: duong" || return
	poll "" _selected_has_duong ||
		fail_screen "after /duong the selected row should contain “Đường” (or “đường”)"
	second=$(selected)
	[ "$second" != "$first" ] ||
		fail_screen "/duong should move the selection to the next match, it stayed on \"$first\""
	keys n
	poll "" _selected_is_not "$second" ||
		fail_screen "n should move to the next match, the selection stayed on \"$second\""
	poll "" _selected_has_duong ||
		fail_screen "after n the selected row should contain “Đường” (or “đường”)"
	# N goes back
	keys N
	poll "" _selected_is "$second" || fail_screen "N should come back to \"$second\""
	# a search that finds nothing says so
	keys /
	wait_for "Tìm:" || return
	keys BSpace BSpace BSpace BSpace BSpace
	literal zzzkhongco
	keys Enter
	wait_for "Không thấy" || return
	[ "$(selected)" = "$second" ] ||
		fail_screen "a search that finds nothing should leave the selection on \"$second\""
}

_selected_has_duong() { selected | grep -Eq 'Đường|đường'; }
_selected_is_not() { [ "$(selected)" != "$1" ]; }
_selected_is() { [ "$(selected)" = "$1" ]; }

case_application_mode_arrows() {
	start || return
	wait_for "Tiêu chí đạt" || return
	goto "giao thong" || return
	wait_line 2 "Giao thông" || return
	wait_selected "2.1" || return
	# ESC O B (application mode, what xterm sends after smkx), ESC [ B
	# (normal mode, what many SSH clients send): both are ↓
	hexkeys 1b 4f 42
	wait_selected "2.2" || return
	hexkeys 1b 5b 42
	wait_selected "2.3" || return
	# and ↑ both ways
	hexkeys 1b 4f 41
	wait_selected "2.2" || return
	hexkeys 1b 5b 41
	wait_selected "2.1" || return
	# Home / End both ways too (ESC O F, ESC [ H)
	hexkeys 1b 4f 46
	poll "" _sel_not_code ||
		fail_screen "ESC O F (End) should select the last row, a task"
	hexkeys 1b 5b 48
	wait_selected "2.1"
	# the sequences were not taken as Esc + letters: nothing else happened
	expect_no_screen "Phím này không dùng"
	expect_alive
}

_sel_not_code() { ! selected | grep -Eq '^▸ [0-9]+\.[0-9]'; }

case_hint_bar_follows_selection() {
	start || return
	wait_for "Tiêu chí đạt" || return
	goto 12.2 || return
	wait_selected "12.2" || return
	wait_line 24 "t Mức KH" || return
	screen | sed -n 24p | grep -Fq "e Sửa" &&
		fail_screen "on an indicator the hint bar should not offer \"e Sửa\""
	# the first task of Lao động
	select_row "chưa bắt đầu" || return
	wait_line 24 "e Sửa" || return
	screen | sed -n 24p | grep -Fq "t Mức KH" &&
		fail_screen "on a task the hint bar should not offer \"t Mức KH\""
	expect_line 24 "d Xóa"
	# back on the indicator
	keys k
	wait_line 24 "t Mức KH"
}

case_resize() {
	ntm_ok set 12.2 86,5
	start || return
	wait_for "Tiêu chí đạt" || return
	goto 12.2 || return
	wait_selected "12.2" || return
	local d
	d=$(date +%d/%m/%Y)   # as officials write dates (issue 9)
	# 80 columns: no date column, short status words
	selected | grep -Fq "$d" && fail_screen "at 80 columns the row should not have the date column"
	resize 120 40 || return
	wait_line 40 "q Thoát" || return
	[ "$(widest)" -gt 80 ] || fail_screen "at 120×40 the screen should use more than 80 columns"
	wait_selected "$d" ||
		fail "at 120 columns the row of 12.2 should show the date of its value"
	screen | grep -Eq '^  12\.3 .*chưa đánh giá' ||
		fail_screen "at 120 columns 12.3 should have the full status word “chưa đánh giá”"
	expect_line 2 "Lao động"
	resize 50 15 || return
	wait_for "Cửa sổ quá nhỏ" || return
	expect_alive
	# keys are ignored while too small; nothing breaks
	keys j
	resize 80 24 || return
	wait_gone "Cửa sổ quá nhỏ" || return
	wait_line 1 "Lao động" || return
	expect_line 1 "Thu nhập"
	expect_line 2 "Lao động"
	expect_selected "12.2"
	expect_selected "86,5%"
	expect_line 24 "t Mức KH"
	expect_alive
}

case_resize_with_form_open() {
	start || return
	wait_for "Tiêu chí đạt" || return
	goto 12.2 || return
	wait_selected "12.2" || return
	keys Enter
	wait_for "Cập nhật giá trị" || return
	literal 55
	wait_for "Giá trị        55" || return
	resize 120 40 || return
	wait_for "Cập nhật giá trị" || return
	expect_screen "Giá trị        55"
	expect_screen "Ghi chú"
	resize 80 24 || return
	wait_for "Cập nhật giá trị" || return
	expect_screen "Giá trị        55"
	expect_alive
	# the form still works after the resizes
	literal 0
	wait_for "Giá trị        550" || return
	keys BSpace
	keys Enter
	wait_gone "Cập nhật giá trị" || return
	wait_selected "55%" || return
	expect_db "SELECT value FROM measurement" "55.0"
}

# A resize while a dialog is open: the dialog stays on the screen (it still
# takes the next key, so it must be seen).
case_resize_with_dialog_open() {
	local row id title
	row=$(q "SELECT t.id || '|' || t.title FROM task t JOIN sector s ON s.id = t.sector_id
		 WHERE s.code = 'giao_thong' ORDER BY t.ord, t.rowid LIMIT 1")
	id=${row%%|*}
	title=${row#*|}
	start || return
	wait_for "Tiêu chí đạt" || return
	# the help
	keys '?'
	wait_for "ntm — các phím" || return
	resize 100 30 || return
	poll 2 has "ntm — các phím" ||
		fail_screen "after a resize to 100×30 the help (still open: it takes the next key) is no longer shown"
	keys q
	wait_gone "ntm — các phím" || return
	wait_for "Tiêu chí đạt" || return
	# the go-to palette, something typed
	keys g
	wait_line 1 "Đi đến:" || return
	literal "giao"
	wait_line 1 "Đi đến: giao" || return
	resize 80 24 || return
	poll 2 _line_has 1 "Đi đến: giao" ||
		fail_screen "after a resize to 80×24 the go-to palette (still open, “giao” typed) is no longer shown"
	literal " thong"
	wait_line 1 "Đi đến: giao thong" || return
	keys Enter
	wait_line 2 "Giao thông" || return
	# the question before deleting a task
	select_row "${title:0:16}" || return
	keys d
	wait_for "Xóa nhiệm vụ “" || return
	resize 100 30 || return
	poll 2 has "Xóa nhiệm vụ “" ||
		fail_screen "after a resize to 100×30 the question “Xóa nhiệm vụ …?” is no longer shown, yet y still deletes"
	keys n
	wait_for "Không xóa" || return
	expect_db "SELECT count(*) FROM task WHERE id = '$id'" 1
	# the search prompt, something typed
	keys /
	wait_for "Tìm:" || return
	literal duong
	wait_for "Tìm: duong" || return
	resize 80 24 || return
	poll 2 has "Tìm: duong" ||
		fail_screen "after a resize to 80×24 the search prompt (still open, “duong” typed) is no longer shown"
	keys Escape
	wait_gone "Tìm: duong" || return
	expect_alive
}
