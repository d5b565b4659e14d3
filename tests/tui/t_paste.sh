# Pasting (bracketed paste, ESC[200~ … ESC[201~) into a form field: what is
# pasted stays text (issue 10, point 9).

PASTE_BEGIN="1b 5b 32 30 30 7e"
PASTE_END="1b 5b 32 30 31 7e"

# hex TEXT: the bytes of TEXT as hex pairs for hexkeys.
hex() {
	printf '%s' "$1" | od -An -tx1 | tr -s ' \n' '  '
}

# note_form: the form of 12.3 open, 40 typed, the note field focused.
note_form() {
	value_form 12.3 || return
	literal 40
	keys Tab Tab
	wait_for "[gõ thường]" || return
	literal "xy"
	wait_for "Ghi chú        xy" || return
}

# A DEL byte (0x7f, which ncurses makes KEY_BACKSPACE) inside a paste is
# text, dropped: it never erases what was typed or pasted before it; nor
# does any other key code (here ESC [ D, the left arrow) move the cursor.
case_paste_del_is_text() {
	note_form || return
	# one burst: the paste markers around a b DEL c d ← e
	# shellcheck disable=SC2046
	hexkeys $PASTE_BEGIN $(hex ab) 7f 7f 7f $(hex cd) 1b 5b 44 $(hex e) $PASTE_END
	wait_for "Ghi chú        xyabcde" || return
	keys Enter
	wait_gone "Cập nhật giá trị" || return
	expect_db "SELECT value, note FROM measurement" "40.0|xyabcde"
}

# Invalid UTF-8 inside a paste becomes U+FFFD, one per bad byte, and the
# rest of the paste is kept.
case_paste_invalid_bytes_kept() {
	note_form || return
	# shellcheck disable=SC2046
	hexkeys $PASTE_BEGIN $(hex ab) ff fe $(hex "cd đường") $PASTE_END
	wait_for "Ghi chú        xyab��cd đường" || return
	keys Enter
	wait_gone "Cập nhật giá trị" || return
	expect_db "SELECT hex(note) FROM measurement" \
		"$(printf 'xyab\xef\xbf\xbd\xef\xbf\xbdcd đường' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
}

# A lone lead byte followed by ASCII: the ASCII byte is not eaten with it.
case_paste_truncated_sequence() {
	note_form || return
	# shellcheck disable=SC2046
	hexkeys $PASTE_BEGIN $(hex ab) c3 $(hex "cd") e1 bb $(hex "ef") $PASTE_END
	wait_for "Ghi chú        xyab�cd" || return
	wait_for "ef" || return
	keys Enter
	wait_gone "Cập nhật giá trị" || return
	expect_db "SELECT note FROM measurement" "xyab�cd�ef"
}

# A paste at a question (y or c confirms) answers nothing: its y, even
# after an invalid byte, is text dropped; the question stays.
case_paste_at_question_answers_nothing() {
	local id
	id=$(first_task_id giao_thong)
	road_task || return
	keys d
	wait_for "Xóa nhiệm vụ “" || return
	# shellcheck disable=SC2046
	hexkeys $PASTE_BEGIN 79 ff $(hex "yyc y") $PASTE_END
	keys n
	wait_for "Không xóa" || return
	expect_db "SELECT count(*) FROM task WHERE id = '$id'" 1
	# outside a form and a question, a paste runs nothing either
	# shellcheck disable=SC2046
	hexkeys $PASTE_BEGIN ff $(hex "qd") $PASTE_END
	keys g
	wait_for "Đi đến:" || return
	expect_db "SELECT count(*) FROM task WHERE id = '$id'" 1
}

# A paste into the go-to palette is its text (a DEL in it dropped), never
# Enter: the palette stays open until Enter is pressed.
case_paste_into_palette() {
	start || return
	wait_for "Tiêu chí đạt" || return
	keys g
	wait_for "Đi đến:" || return
	# shellcheck disable=SC2046
	hexkeys $PASTE_BEGIN $(hex "thuy") 7f 0d $(hex "loi") $PASTE_END
	wait_for "Đi đến: thuy loi" || return
	keys Enter
	wait_line 2 "Thủy lợi" || return
}
