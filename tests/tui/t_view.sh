# Daily use (issue 9): reading everything without leaving the program —
# the full view (v), the detail pane that grows with the window — the
# overview's criteria, the palette's ranking, dates as officials write
# them, and an 80-column task list that keeps its meaning.

LONG_NOTE="quý 1, theo báo cáo của phòng Lao động huyện gửi ngày 5/4; còn thiếu số liệu của thôn Thục Cầu vì trưởng thôn đi vắng, sẽ bổ sung sau đợt rà soát tháng 5 — hết ghi chú"

_view_up() { has "Xem đầy đủ"; }

# open_view: v on the selected row, the full view up.
open_view() {
	keys v
	poll "" _view_up || { fail_screen "v did not open the full view"; return 1; }
}

case_full_view_history_and_retract() {
	ntm_ok set 12.2 70 --date 2024-03-31 --note "$LONG_NOTE"
	NTM_USER="Trần Bình" ntm_ok set 12.2 8,65 --date 2024-06-30 --note "gõ nhầm"
	start NTM_USER="Nguyễn Văn An" || return
	wait_for "Tiêu chí đạt" || return
	goto 12.2 || return
	wait_selected "12.2" || return
	open_view || return
	# every value, dd/mm/yyyy, who, the whole note (its end too)
	wait_for "30/06/2024  8,65%  ghi bởi Trần Bình" || return
	expect_screen "31/03/2024  70%  ghi bởi"
	expect_screen "hết ghi chú"
	expect_screen "Mức cần đạt: quốc gia"
	# r asks; another key keeps it
	keys r
	wait_for "Rút lại 8,65% ngày 30/06/2024 của 12.2?" || return
	keys n
	wait_for "Không rút lại." || return
	expect_db "SELECT count(*) FROM measurement" "2"
	# y retracts: audited, the row marked, 70 is current again
	keys r
	wait_for "Rút lại 8,65%" || return
	keys y
	wait_for "đã rút lại ngày" || return
	expect_screen "Đã rút lại giá trị 8,65%"
	expect_db "SELECT count(*) FROM measurement" "1"
	expect_db "SELECT verb, count(*) FROM audit WHERE entity = 'measurement' AND after IS NULL" "retract|1"
	expect_screen "70%  ghi bởi"
	# u in the view undoes it
	keys u
	wait_gone "đã rút lại ngày" || return
	expect_db "SELECT count(*) FROM measurement" "2"
	# q closes it, the tab as it was
	keys q
	wait_gone "Xem đầy đủ" || return
	wait_selected "12.2" || return
	expect_alive
}

case_full_view_scrolls_and_resizes() {
	local i
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		ntm_ok set 12.2 "$((60 + i))" --date "2024-01-$(printf %02d "$i")" --note "đợt $i"
	done
	start || return
	wait_for "Tiêu chí đạt" || return
	goto 12.2 || return
	wait_selected "12.2" || return
	open_view || return
	wait_for "12/01/2024  72%" || return
	expect_no_screen "01/01/2024  61%"
	keys End
	wait_for "01/01/2024  61%" || return
	keys Home
	wait_for "12/01/2024  72%" || return
	keys PageDown
	wait_for "01/01/2024  61%" || return
	resize 120 40 || return
	wait_for "12/01/2024  72%" || return
	expect_screen "01/01/2024  61%"
	resize 80 24 || return
	keys Escape
	wait_gone "Xem đầy đủ" || return
	wait_selected "12.2" || return
	expect_alive
}

case_full_view_read_only() {
	ntm_ok set 12.2 86,5 --note "$LONG_NOTE"
	start --read-only || return
	wait_for "Tiêu chí đạt" || return
	goto 12.2 || return
	wait_selected "12.2" || return
	open_view || return
	wait_for "hết ghi chú" || return
	keys r
	wait_for "chỉ xem" || return
	expect_db "SELECT count(*) FROM measurement" "1"
	keys q
	wait_gone "Xem đầy đủ" || return
	expect_alive
}

case_full_view_task_and_item() {
	start || return
	wait_for "Tiêu chí đạt" || return
	goto 12.2 || return
	select_row "chưa bắt đầu" || return
	open_view || return
	wait_for "Xem đầy đủ — nhiệm vụ" || return
	expect_screen "Nội dung theo kế hoạch"
	expect_screen "Phụ trách: Công chức"
	keys q
	wait_gone "Xem đầy đủ" || return
	# a village item's whole note
	ntm_ok checklist "Thục Cầu" --done 1
	local id
	id=$(q "SELECT c.id FROM checklist_item c JOIN unit u ON u.id = c.unit_id WHERE u.name = 'Thục Cầu' ORDER BY c.ord LIMIT 1")
	sqlite3 "$DB" "UPDATE checklist_item SET note = '$LONG_NOTE' WHERE id = '$id'"
	to_village "thuc cau" || return
	open_view || return
	wait_for "Xem đầy đủ — việc của thôn" || return
	expect_screen "hết ghi chú"
	expect_screen "Xong ngày $(date +%d/%m/%Y)"
	keys Escape
	wait_gone "Xem đầy đủ" || return
	expect_alive
}

case_full_view_empty_file() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --empty
	start || return
	wait_for "chưa có kế hoạch" || return
	# an indicator with no value yet
	goto 1.1 || return
	wait_selected "1.1" || return
	open_view || return
	wait_for "Chưa có giá trị nào." || return
	keys r
	wait_for "chưa có giá trị nào để rút lại" || return
	keys q
	wait_gone "Xem đầy đủ" || return
	# a tab with nothing in it: v opens nothing and the program lives on
	goto "giai phap" || return
	wait_line 2 "Giải pháp" || return
	keys v
	poll "" has "không" || fail_screen "v on an empty tab should say why nothing opens"
	expect_no_screen "Xem đầy đủ"
	expect_alive
}

case_detail_grows_with_window() {
	ntm_ok set 12.2 70 --date 2024-03-31
	ntm_ok set 12.2 86,5 --note "$LONG_NOTE"
	start -x 120 -y 40 || return
	wait_for "Tiêu chí đạt" || return
	goto 12.2 || return
	wait_selected "12.2" || return
	# the note whole, and the value before it too, in the pane
	wait_for "hết ghi chú" || return
	expect_screen "Trước đó: 70% (31/03/2024)"
	expect_screen "tính đến $(date +%d/%m/%Y)"
}

case_overview_criteria() {
	start || return
	wait_for "Tiêu chí đạt" || return
	expect_screen "Chỉ tiêu chưa có mức cần đạt"
	select_row "19. Quốc phòng và An ninh" || return
	expect_selected "chưa"
	keys Enter
	wait_line 2 "QP–AN" || return
	wait_for "Tiêu chí 19. Quốc phòng và An ninh" || return
	wait_selected "19.1"
}

case_palette_exact_word_first() {
	start || return
	wait_for "Tiêu chí đạt" || return
	local q
	for q in thon thôn; do
		keys g
		poll "" _palette_open || { fail_screen "g did not open the palette"; return 1; }
		literal "$q"
		wait_line 1 "$q" || return
		[ "$(screen | grep -n -m1 'thẻ       Thôn' | cut -d: -f1)" -lt "$(screen | grep -n -m1 'thẻ       Giao thông' | cut -d: -f1)" ] ||
			fail_screen "typing $q, thẻ Thôn should come above thẻ Giao thông"
		selected | grep -Fq "thẻ       Thôn" || fail_screen "typing $q, thẻ Thôn should be the first choice"
		keys Escape
		wait_gone "Đi đến:" || return
	done
}

case_tasks_at_80_columns() {
	sqlite3 "$DB" "UPDATE task SET due = '2024-12-31' WHERE responsible = 'Công chức chuyên môn'"
	start || return
	wait_for "Tiêu chí đạt" || return
	goto 12.2 || return
	select_row "chưa bắt đầu" || return
	# the column tells who: the prefix Công chức shortened
	expect_selected "CC chuyên môn"
	expect_selected "31/12/2024"
	# the due date whole in the detail pane, whatever the length of the rest
	expect_screen "Hạn 31/12/2024"
	expect_no_screen "Công chức c…"
}
