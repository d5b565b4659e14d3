# Tab Vốn: the plan's money (issue 15). Opened from the palette and with
# Tab; an entry added through its form (the amount shown parsed while
# typed, the totals changed on screen, the row in the database); a payment
# beyond what was received asks first (refused: nothing written;
# confirmed: written); a planned amount; undo; a task's entries after
# Enter and the reversal of one; an empty file and the level above's file
# say why there is no money; 80×24, 140×40 and LANG=C.

# fund_tab [START_ARGS…]: starts the program on tab Vốn.
fund_tab() {
	start "$@" || return
	wait_for "Tiêu chí đạt" || return
	goto "von" || return
	wait_line 2 "Vốn"
}

# add_entry TASK KIND_PRESSES SOURCE_PRESSES AMOUNT: from tab Vốn, the
# entry form for task #TASK, its kind chosen with KIND_PRESSES Spaces (0:
# nhận vốn, 1: giải ngân), its source with SOURCE_PRESSES (1: Ngân sách
# Trung ương), AMOUNT typed; waits for the amount shown parsed. Not saved.
add_entry() {
	local i
	keys a
	wait_for "Ghi khoản vốn" || return
	# a task selected fills the number and starts on the kind
	if has "Nhiệm vụ số  $1"; then :; else literal "$1"; keys Tab; fi
	for ((i = 0; i < $2; i++)); do keys Space; done
	keys Tab
	for ((i = 0; i < $3; i++)); do keys Space; done
	keys Tab
	literal "$4"
}

entries() { q "SELECT count(*) FROM fund_entry"; }

case_fund_palette_and_tab_keys() {
	fund_tab || return
	expect_screen "Kế hoạch này chưa ghi vốn cho nhiệm vụ nào."
	expect_screen "Nhấn a để ghi khoản vốn đầu tiên"
	# Tab from the last sector's tab comes here, then to Thôn
	goto "giai phap" || return
	wait_line 2 "Giải pháp" || return
	keys Tab
	wait_for "Kế hoạch này chưa ghi vốn" || return
	keys Tab
	wait_for "Thôn — danh mục" || return
	keys BTab
	wait_for "Kế hoạch này chưa ghi vốn"
}

case_fund_add_entry() {
	fund_tab || return
	add_entry 5 0 1 "250 triệu" || return
	wait_for "= 250.000.000 đ" || return
	expect_db "SELECT count(*) FROM fund_entry" 0
	keys Enter
	wait_for "Đã ghi nhận vốn 250.000.000 đ cho #5" || return
	expect_db "SELECT kind || ' ' || amount FROM fund_entry" "received 250000000"
	# the totals and the source's line on screen
	wait_for "Đã nhận                250.000.000 đ  Đã giải ngân" || return
	expect_screen "Ngân sách Trung ương"
	expect_selected "#5 "
}

case_fund_amount_refused_in_form() {
	fund_tab || return
	add_entry 5 0 1 "-5 triệu" || return
	poll "" has "= " && fail_screen "a negative amount should not show a parsed number"
	keys Enter
	wait_for "Ghi khoản vốn" || return
	expect_db "SELECT count(*) FROM fund_entry" 0
}

case_fund_overdraw_confirmation() {
	fund_tab || return
	add_entry 5 0 1 "250 triệu" || return
	keys Enter
	wait_for "Đã ghi nhận vốn" || return
	add_entry 5 1 1 "300 triệu" || return
	wait_for "= 300.000.000 đ" || return
	keys Enter
	wait_for "Vẫn ghi khoản giải ngân này?" || return
	expect_screen "vượt"
	keys n
	wait_for "Chưa ghi gì" || return
	expect_db "SELECT count(*) FROM fund_entry WHERE kind = 'paid'" 0
	# what was typed is still there
	expect_screen "300 triệu"
	keys Enter
	wait_for "Vẫn ghi khoản giải ngân này?" || return
	keys y
	wait_for "Đã ghi giải ngân 300.000.000 đ cho #5" || return
	expect_db "SELECT amount FROM fund_entry WHERE kind = 'paid'" 300000000
}

case_fund_planned_and_undo() {
	fund_tab || return
	add_entry 5 0 1 "250 triệu" || return
	keys Enter
	wait_for "Đã ghi nhận vốn" || return
	keys p
	wait_for "Kế hoạch vốn theo nguồn — #5" || return
	keys Space Space          # Ngân sách tỉnh
	wait_for "Ngân sách tỉnh" || return
	keys Tab
	literal "1,5 tỷ"
	wait_for "= 1.500.000.000 đ" || return
	keys Enter
	wait_for "Đã đặt kế hoạch vốn 1.500.000.000 đ cho #5" || return
	expect_db "SELECT s.code || ' ' || p.amount FROM fund_plan p JOIN fund_source s
		   ON s.id = p.source_id" "ns_tinh 1500000000"
	wait_for "Giải ngân 0%" || return
	keys u
	wait_for "Đã hoàn tác" || return
	expect_db "SELECT count(*) FROM fund_plan" 0
	keys u
	wait_for "Đã hoàn tác" || return
	expect_db "SELECT count(*) FROM fund_entry" 0
	wait_for "Kế hoạch này chưa ghi vốn"
}

case_fund_entries_and_reversal() {
	fund_tab || return
	add_entry 5 0 1 "250 triệu" || return
	keys Enter
	wait_for "Đã ghi nhận vốn" || return
	keys Enter
	wait_for "Các khoản — #5" || return
	wait_selected "nhận vốn" || return
	expect_screen "ghi bởi"
	expect_screen "nhận vốn · Ngân sách Trung ương · 250.000.000 đ"
	keys r
	wait_for "Đảo khoản nhận vốn" || return
	keys Enter
	wait_for "Cần ghi lý do đảo khoản." || return
	literal "ghi nhầm"
	keys Enter
	wait_for "Đã đảo khoản" || return
	expect_db "SELECT amount || ' ' || note FROM fund_entry WHERE reverses IS NOT NULL" \
		"-250000000 ghi nhầm"
	wait_for "Đã đảo bằng khoản" || return
	keys Escape
	wait_gone "Các khoản — #5"
}

case_fund_sector_and_overview_lines() {
	fund_tab || return
	add_entry 5 0 1 "250 triệu" || return
	keys Enter
	wait_for "Đã ghi nhận vốn" || return
	goto "#5" || return
	wait_for "Vốn: kế hoạch 0 · đã chi 0 · nợ 0" || return
	goto "tong quan" || return
	wait_for "Giải ngân" || return
	expect_screen "nợ đọng"
}

case_fund_empty_file() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --empty || return
	start || return
	goto "von" || return
	wait_for "Xã chưa có kế hoạch nên chưa có vốn" || return
	keys a
	wait_line 23 "Xã chưa có kế hoạch nên chưa có vốn" || return
	expect_alive
}

case_fund_district() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --district "Văn Lâm" --province "Hưng Yên" || return
	NTM_DB= ntm --db "$T/vh.db" init || return
	NTM_DB= ntm --db "$T/vh.db" sync export --all --out "$T/vh.ntmsync" || return
	ntm_ok sync apply "$T/vh.ntmsync" || return
	start || return
	wait_for "H: về Huyện" || return   # its one commune open
	goto "von" || return
	wait_for "Kế hoạch này chưa ghi vốn" || return
	expect_no_screen "Nhấn a để ghi"  # only read here
	keys a
	wait_for "Tệp của cấp trên: chỉ xem" || return
	expect_db "SELECT count(*) FROM fund_entry" 0
	expect_alive
}

case_fund_district_no_commune() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --district "Văn Lâm" --province "Hưng Yên" || return
	start || return
	wait_for "Huyện Văn Lâm — 0 xã" || return
	# no commune open: no tab Vốn among the district's own
	keys g
	poll "" _palette_open || return
	literal "von"
	wait_for "(không có gì khớp)" || return
	keys Escape
	expect_alive
}

case_fund_sizes_and_ascii() {
	fund_tab -x 140 -y 40 || return
	add_entry 5 0 1 "250 triệu" || return
	keys Enter
	wait_for "Đã ghi nhận vốn" || return
	# wide: the source's amount in full; narrow: compact
	wait_for "Ngân sách Trung ương                                                                            0 đ      250.000.000 đ" || return
	resize 80 24 || return
	wait_for "250 tr" || return
	expect_alive
	start LANG=C LC_ALL=C || return
	wait_for "Tieu chi dat" || return
	goto "von" || return
	wait_line 2 "Von" || return
	wait_for "Da nhan                250.000.000 d  Da giai ngan" || return
	expect_screen "Ngan sach Trung uong"
	expect_alive
}

# The terminal gone with the entry form open: what was typed comes back
# at the next start, in the same form, and saves.
case_fund_draft() {
	fund_tab || return
	add_entry 5 0 1 "7 triệu" || return
	wait_for "= 7.000.000 đ" || return
	hangup || return
	grep -Fqs -- "7 triệu" "$HOME/.local/state/ntm/"draft-* ||
		{ fail "no draft after a hang-up in the entry form"; return 1; }
	start || return
	wait_for "Mở lại bản nháp chưa lưu" || return
	keys y
	wait_for "┌─Ghi khoản vốn" || return
	expect_screen "Số tiền      7 triệu"
	expect_screen "= 7.000.000 đ"
	keys Enter
	wait_for "Đã ghi nhận vốn 7.000.000 đ cho #5" || return
	expect_db "SELECT amount FROM fund_entry" 7000000
}

# p starts from the planned amount of the source chosen (follows ← →);
# emptied on a source with a plan, it asks before clearing (n: kept).
# The totals at 80×24 show amounts of a tỷ and more in full.
case_fund_plan_prefilled_and_clear_asks() {
	ntm_ok fund plan --source ns_tinh 5 "1,5 tỷ" || return
	fund_tab || return
	wait_for "Kế hoạch vốn         1.500.000.000 đ" || return
	expect_selected "#5 "
	keys p
	wait_for "Kế hoạch vốn theo nguồn — #5" || return
	keys Space                # Ngân sách Trung ương: no plan
	wait_for "nguồn này chưa có kế hoạch vốn" || return
	keys Space                # Ngân sách tỉnh
	wait_for "Số tiền      1.500.000.000" || return
	expect_screen "= 1.500.000.000 đ"
	keys Left                 # back: its amount goes
	wait_gone "Số tiền      1.500.000.000" || return
	keys Right
	wait_for "Số tiền      1.500.000.000" || return
	keys Tab C-u
	wait_gone "Số tiền      1.500.000.000" || return
	keys Enter
	wait_for "Bỏ kế hoạch vốn Ngân sách tỉnh của #5? y: bỏ; phím khác: thôi" || return
	keys n
	wait_for "Chưa bỏ gì" || return
	expect_db "SELECT amount FROM fund_plan" 1500000000
	keys Enter
	wait_for "Bỏ kế hoạch vốn Ngân sách tỉnh của #5?" || return
	keys y
	wait_for "Đã bỏ kế hoạch vốn từ Ngân sách tỉnh của #5" || return
	expect_db "SELECT count(*) FROM fund_plan" 0
}

# Deleting a task with money says so in the question.
case_fund_delete_task_names_money() {
	ntm_ok fund add --kind received --source ns_trung_uong 5 "250 triệu" || return
	ntm_ok fund add --kind completed 5 "300 triệu" || return
	start || return
	wait_for "Tiêu chí đạt" || return
	goto "#5" || return
	wait_selected "#5  Xây mới" || return
	keys d
	wait_for "Xóa #5 cùng 2 khoản vốn (nợ đọng 300 tr)? y hoặc c: xóa cả vốn" || return
	keys n
	wait_for "Không xóa." || return
	expect_db "SELECT count(*) FROM task WHERE number = 5" 1
	expect_db "SELECT count(*) FROM fund_entry" 2
}

# Reversing money received that was paid out asks as a payment beyond
# it does (n: nothing written; y: the reversal with its reason). The
# entries' amount column keeps one form ("-1.500.000.000 đ" in full).
case_fund_reverse_receipt_asks() {
	ntm_ok fund add --kind received --source ns_tinh 5 "1,5 tỷ" || return
	ntm_ok fund add --kind paid --source ns_tinh 5 "1,2 tỷ" || return
	fund_tab || return
	keys Enter
	wait_for "Các khoản — #5" || return
	select_row "nhận vốn" || return
	keys r
	wait_for "Đảo khoản nhận vốn 1.500.000.000 đ" || return
	literal "ghi nhầm nguồn"
	keys Enter
	wait_for "Vẫn đảo khoản này?" || return
	keys n
	wait_for "Chưa đảo gì" || return
	expect_db "SELECT count(*) FROM fund_entry WHERE reverses IS NOT NULL" 0
	keys Enter
	wait_for "Vẫn đảo khoản này?" || return
	keys y
	wait_for "Đã đảo khoản" || return
	expect_db "SELECT amount || ' ' || note FROM fund_entry WHERE reverses IS NOT NULL" \
		"-1500000000 ghi nhầm nguồn"
	wait_for "-1.500.000.000 đ" || return
	expect_screen " 1.200.000.000 đ"
	expect_no_screen "-1,5 tỷ"
	# reversing it again: refused without suggesting u
	select_row "nhận vốn" k || return
	keys r
	wait_for "Khoản này đã được đảo rồi (bằng khoản" || return
	expect_no_screen "u để hoàn tác lần đảo"
}

# Two people on one file: the second saves a planned amount while the
# first has the form open; the first is told the new value and Enter
# again saves over it.
case_fund_plan_two_sessions() {
	local first=$SESSION second=${SESSION}-2
	fund_tab || return
	keys p
	wait_for "Kế hoạch vốn theo nguồn" || return
	literal "5"
	wait_for "Kế hoạch vốn theo nguồn — #5" || return
	keys Tab Space Space
	wait_for "nguồn này chưa có kế hoạch vốn" || return
	keys Tab
	literal "2 tỷ"
	wait_for "= 2.000.000.000 đ" || return
	SESSION=$second
	fund_tab || { SESSION=$first; return 1; }
	keys p
	wait_for "Kế hoạch vốn theo nguồn" || { SESSION=$first; return 1; }
	literal "5"
	keys Tab Space Space Tab
	literal "3 tỷ"
	keys Enter
	wait_for "Đã đặt kế hoạch vốn 3.000.000.000 đ cho #5" || { SESSION=$first; return 1; }
	tm kill-session -t "$second" >/dev/null 2>&1
	SESSION=$first
	expect_db "SELECT amount FROM fund_plan" 3000000000
	keys Enter
	wait_for "vừa được đổi thành 3.000.000.000 đ" || return
	expect_db "SELECT amount FROM fund_plan" 3000000000
	keys Enter
	wait_for "Đã đặt kế hoạch vốn 2.000.000.000 đ cho #5" || return
	expect_db "SELECT amount FROM fund_plan" 2000000000
}

# Undoing a total cost (a column of the task) stays on tab Vốn.
case_fund_undo_stays() {
	fund_tab || return
	keys c
	wait_for "Tổng mức đầu tư (dự toán)" || return
	literal "5"
	keys Tab
	literal "2 tỷ"
	wait_for "= 2.000.000.000 đ" || return
	wait_for "Tổng mức đầu tư (dự toán) — #5" || return
	keys Enter
	wait_for "Đã đặt tổng mức 2.000.000.000 đ cho #5" || return
	keys u
	wait_for "Đã hoàn tác" || return
	wait_line 2 "Vốn" || return
	expect_db "SELECT budget_planned IS NULL FROM task WHERE number = 5" 1
}

# Live checks in the entry form: amount 0, a task not in the plan, a date
# that is none.
case_fund_entry_live_checks() {
	fund_tab || return
	keys a
	wait_for "Ghi khoản vốn" || return
	literal "999"
	wait_for "không có nhiệm vụ #999" || return
	keys C-u
	literal "5"
	wait_for "Ghi khoản vốn — #5" || return
	keys Tab Tab Tab
	literal "0"
	wait_for "số tiền phải lớn hơn 0" || return
	keys Tab C-u
	literal "31/02/2024"
	wait_for "ngày này không có trên lịch" || return
}
