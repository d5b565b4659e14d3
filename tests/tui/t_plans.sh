# Plans in the full-screen program: the header names the plan in use,
# L makes next year's plan (unfinished tasks carried over, numbered, their
# origin shown) or a commune's first, the palette (g) and P switch plans,
# and every tab follows.

_plan_form_up() { has "Lập kế hoạch năm sau" || has "Tạo kế hoạch đầu tiên"; }

# new_plan NUMBER: L, NUMBER typed in the focused field (Số kế hoạch).
new_plan() {
	keys L
	poll "" _plan_form_up || { fail_screen "L did not open the plan form"; return 1; }
	literal "$1"
	wait_for "Số kế hoạch    $1"
}

# the 2024 plan with its first road task done (a fixture: the CLI has no
# task command yet), so that 69 of its 70 tasks are carried over
one_task_done() {
	sqlite3 "$DB" "UPDATE task SET status = 'hoan_thanh', progress = 100
		WHERE id = '$(first_task_id giao_thong)'" ||
		fail "could not prepare the fixture"
}

case_next_year_plan() {
	one_task_done || return
	start || return
	wait_for "Tiêu chí đạt" || return
	expect_line 2 "Xã Việt Hưng — Kế hoạch 32/KH-UBND năm 2024"
	select_row "Nhiệm vụ xong" || return
	expect_selected "1/70"
	new_plan "15/KH-UBND" || return
	expect_screen "Lập kế hoạch năm sau — từ kế hoạch 32/KH-UBND năm 2024"
	expect_screen "Năm            2025"
	expect_screen "Ngày ban hành  $(date +%d/%m/%Y)"
	keys Enter
	wait_line 2 "Xã Việt Hưng — Kế hoạch 15/KH-UBND năm 2025" || return
	expect_screen "Đã lập KH 15/KH-UBND năm 2025 (69 nhiệm vụ chuyển sang"
	expect_selected "0/69"
	expect_db "SELECT year || ' ' || number || ' ' || issued_on FROM plan ORDER BY year" \
		"2024 32/KH-UBND 2024-03-12
2025 15/KH-UBND $(today)"
	expect_db "SELECT count(*) FROM plan WHERE year = 2025 AND title LIKE '%2025%'
		AND title NOT LIKE '%2024%'" 1
	expect_db "SELECT count(*) FROM task t JOIN plan p ON p.id = t.plan_id
		WHERE p.year = 2025 AND t.carried_from IS NOT NULL" 69
	# a carried-over task: its new number, and where it came from
	goto "giao thong" || return
	wait_line 2 "KH 2025" || return
	expect_line 2 "0/2 nhiệm vụ xong"
	select_row "Xây mới, cải tạo" || return
	expect_selected "#4"
	wait_for "Chuyển từ KH 32/KH-UBND (#5)" || return
	keys v
	wait_for "Chuyển từ kế hoạch 32/KH-UBND (nhiệm vụ #5 ở đó)" || return
	expect_screen "Nhiệm vụ #4 của kế hoạch"
	keys Escape
	wait_gone "Xem đầy đủ" || return
	expect_no_screen "Cải tạo, nâng cấp"
	# the palette lists both plans (below the tabs: filtered to plans, so
	# that they show at 80x24); choosing 2024 shows 2024 everywhere
	keys g
	literal "ke hoach"
	wait_for "Kế hoạch 32/KH-UBND năm 2024" || return
	expect_screen "Kế hoạch 15/KH-UBND năm 2025 (đang xem)"
	keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	wait_line 1 "Đi đến:" || return
	literal "32/kh-ubnd nam 2024"
	wait_line 1 "32/kh-ubnd nam 2024" || return
	keys Enter
	wait_line 2 "KH 2024" || return
	expect_line 2 "1/3 nhiệm vụ xong"
	expect_screen "Đang xem kế hoạch 32/KH-UBND năm 2024"
	expect_screen "#4  Cải tạo, nâng cấp"
	# / finds a task by its number
	keys /
	literal "#6"
	keys Enter
	wait_selected "#6  Xây dựng, nâng cấp" || return
	expect_no_screen "Chuyển từ KH"
	goto "tong quan" || return
	wait_line 2 "Kế hoạch 32/KH-UBND năm 2024" || return
	select_row "Nhiệm vụ xong" k || return
	expect_selected "1/70"
	# P lists the plans only
	keys P
	wait_for "Chọn kế hoạch:" || return
	expect_screen "Kế hoạch 32/KH-UBND năm 2024 (đang xem)"
	expect_no_screen "Giao thông"
	literal "2025"
	wait_line 1 "2025" || return
	keys Enter
	wait_line 2 "Kế hoạch 15/KH-UBND năm 2025" || return
	# undoing the copy removes the plan: the default one is shown again
	keys u
	wait_line 2 "32/KH-UBND năm 2024" || return
	expect_screen "Đã hoàn tác: lập kế hoạch năm sau"
	expect_db "SELECT count(*) FROM plan" 1
	expect_db "SELECT count(*) FROM task" 70
	keys q
	wait_exit || return
	[ ! -s "$T/ntm.stderr" ] || fail "stderr: $(head -c 300 "$T/ntm.stderr")"
}

# Refusals show in the form, which keeps what was typed; a dropped
# connection keeps it as a draft, reopened at the next start.
case_plan_form_refusals_and_draft() {
	start || return
	wait_for "Tiêu chí đạt" || return
	new_plan "32/KH-UBND" || return
	keys BTab
	keys BSpace BSpace BSpace BSpace
	literal "2024"
	wait_for "Năm            2024" || return
	keys Enter
	wait_for "đã có kế hoạch 32/KH-UBND năm 2024" || return
	expect_screen "Số kế hoạch    32/KH-UBND"
	keys BSpace BSpace BSpace BSpace
	literal "hai"
	keys Enter
	wait_for "năm phải là một số" || return
	expect_screen "Năm            hai"
	expect_db "SELECT count(*) FROM plan" 1
	hangup || return
	start || return
	wait_for "Mở lại bản nháp" || return
	keys y
	wait_for "Lập kế hoạch năm sau" || return
	expect_screen "Năm            hai"
	expect_screen "Số kế hoạch    32/KH-UBND"
	keys Escape
	poll 1 has "Bỏ những gì đã gõ" && keys y
	wait_gone "Lập kế hoạch năm sau" || return
	expect_db "SELECT count(*) FROM plan" 1
}

# A commune made with init --empty: the first plan, then its first task #1.
case_empty_commune_first_plan() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --empty --commune "Tân Lập" || return
	start || return
	wait_for "Tiêu chí đạt" || return
	expect_line 2 "Xã Tân Lập — chưa có kế hoạch"
	expect_screen "Xã chưa có kế hoạch nên chưa có nhiệm vụ: nhấn L để lập kế hoạch."
	goto "giao thong" || return
	wait_line 2 "Giao thông" || return
	keys a
	wait_line 23 "nhấn L để lập kế hoạch" || return
	new_plan "05/KH-UBND" || return
	expect_screen "Tạo kế hoạch đầu tiên — Xã Tân Lập"
	expect_screen "Năm            $(date +%Y)"
	# a title is offered, in the commune's words and year
	expect_screen "Tiêu đề        Kế hoạch xây dựng nông thôn mới xã Tân Lập năm $(date +%Y)"
	keys Enter
	wait_line 2 "KH $(date +%Y)" || return
	expect_screen "Đã tạo kế hoạch 05/KH-UBND năm $(date +%Y)"
	expect_db "SELECT number || '|' || title FROM plan" \
		"05/KH-UBND|Kế hoạch xây dựng nông thôn mới xã Tân Lập năm $(date +%Y)"
	keys a
	wait_for "Thêm nhiệm vụ — Giao thông" || return
	literal "Làm đường thôn Đông"
	keys Enter
	wait_selected "Làm đường thôn Đông" || return
	expect_selected "#1"
	expect_db "SELECT number || '|' || title FROM task" "1|Làm đường thôn Đông"
	goto "tong quan" || return
	wait_line 2 "Xã Tân Lập — Kế hoạch 05/KH-UBND năm $(date +%Y)" || return
}

# The header at 80 and 120 columns, never wider than the window.
case_header_widths() {
	start -x 120 -y 40 || return
	wait_for "Tiêu chí đạt" || return
	expect_line 2 "Xã Việt Hưng — Kế hoạch 32/KH-UBND năm 2024"
	goto "giao thong" || return
	wait_line 2 "Kế hoạch 32/KH-UBND năm 2024" || return
	[ "$(widest)" -le 120 ] || fail_screen "a line is wider than 120 columns"
	resize 80 24 || return
	wait_line 2 "KH 2024" || return
	expect_no_screen "Kế hoạch 32/KH-UBND năm 2024"
	[ "$(widest)" -le 80 ] || fail_screen "a line is wider than 80 columns"
}

# A long commune name and plan number at 80 columns: the plan's name is
# shortened, never lost; the commune's is what gets cut.
case_header_long_names() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --empty --commune "Thị trấn Nông trường Mộc Châu Sơn La Tây Bắc" || return
	start || return
	wait_for "Tiêu chí đạt" || return
	new_plan "123/KH-BCĐ-NTM-UBND-HUYỆN" || return
	keys Tab Tab
	literal "Kế hoạch"
	keys Enter
	wait_line 2 "Kế hoạch 123/KH-BCĐ-NTM-UBND-HUYỆN năm $(date +%Y)" || return
	expect_line 2 "Thị trấn Nông trường"
	[ "$(widest)" -le 80 ] || fail_screen "a line is wider than 80 columns"
}

# Without UTF-8 the header is in plain letters.
case_header_locale_c() {
	start LANG=C LC_ALL=C || return
	wait_for "Tieu chi dat" || return
	expect_line 2 "Xa Viet Hung - Ke hoach 32/KH-UBND nam 2024"
	keys P
	wait_for "Chon ke hoach:" || return
	expect_screen "Ke hoach 32/KH-UBND nam 2024 (dang xem)"
	if screen | LC_ALL=C grep -q '[^ -~]'; then
		fail_screen "LANG=C: the screen has characters outside ASCII"
	fi
	keys Escape
	wait_gone "Chon ke hoach:" || return
}

# A draft of a task form keeps the plan it was typed for: reopened from
# another plan, that plan is shown again and the task goes into it.
case_draft_keeps_its_plan() {
	ntm_ok plan copy 2024 --number 15/KH-UBND || return
	start || return
	open_task_form "Draft task X" || return
	hangup || return
	start --plan 2024 || return
	wait_for "Mở lại bản nháp chưa lưu (kế hoạch 15/KH-UBND năm 2025)" || return
	keys y
	wait_for "Thêm nhiệm vụ — Giao thông" || return
	expect_screen "Bản nháp thuộc kế hoạch 15/KH-UBND năm 2025: đang xem kế hoạch đó"
	expect_screen "Tên nhiệm vụ  Draft task X"
	keys Enter
	wait_for "Đã lưu nhiệm vụ #71." || return     # the new task's number
	expect_db "SELECT p.year FROM task t JOIN plan p ON p.id = t.plan_id
		WHERE t.title = 'Draft task X'" 2025
}

# The draft's plan removed meanwhile: the text stays, and it goes into
# the plan shown only when the person asks again.
case_draft_plan_gone() {
	ntm_ok plan copy 2024 --number 15/KH-UBND || return
	start || return
	open_task_form "Draft task Y" || return
	hangup || return
	ntm_ok plan remove 2025 --force || return
	start || return
	wait_for "Mở lại bản nháp chưa lưu (của một kế hoạch đã bị xóa)" || return
	keys y
	wait_for "Tên nhiệm vụ  Draft task Y" || return
	keys Enter
	wait_for "gõ cho một kế hoạch đã bị xóa" || return
	expect_db "SELECT count(*) FROM task WHERE title = 'Draft task Y'" 0
	keys Enter
	wait_for "Đã lưu nhiệm vụ" || return
	expect_db "SELECT p.year FROM task t JOIN plan p ON p.id = t.plan_id
		WHERE t.title = 'Draft task Y'" 2024
}

# L from an older plan: the year offered is the first without a plan; a
# year that has one is said under the field; two plans of one year are
# told apart by their numbers in the sector tabs.
case_next_plan_year_taken() {
	ntm_ok plan copy 2024 --number 15/KH-UBND || return
	start -x 90 --plan 2024 || return
	wait_for "Tiêu chí đạt" || return
	new_plan "16/KH-UBND" || return
	expect_screen "Năm            2026"
	expect_no_screen "Xã đã có kế hoạch"
	keys BTab BSpace BSpace BSpace BSpace
	literal "2025"
	wait_for "Xã đã có kế hoạch năm 2025: 15/KH-UBND" || return
	keys Tab
	wait_for "Xã đã có kế hoạch năm 2025: 15/KH-UBND" || return
	keys Enter
	wait_for "Đã lập KH 16/KH-UBND năm 2025" || return
	expect_db "SELECT count(*) FROM plan WHERE year = 2025" 2
	goto "giao thong" || return
	wait_line 2 "Giao thông" || return
	expect_line 2 "16/KH-UBND"
	expect_no_screen "KH 2025"
}

# The plan on screen removed by a colleague: said, with who, and which
# plan is shown now.
case_plan_removed_by_colleague() {
	ntm_ok plan copy 2024 --number 15/KH-UBND || return
	start -x 120 || return
	wait_line 2 "Kế hoạch 15/KH-UBND năm 2025" || return
	NTM_USER="Trần Bình" ntm_ok plan remove 2025 --force || return
	wait_for "Kế hoạch 15/KH-UBND năm 2025 vừa bị xóa: đang xem 32/KH-UBND năm 2024 (Trần" 5 || return
	expect_line 2 "Kế hoạch 32/KH-UBND năm 2024"
	expect_no_screen "Dữ liệu vừa được người khác thay đổi"
}

# Palettes with no match: the rows of the last hits are cleared; the
# filter reads the plans' names, not the screen's own "(đang xem)".
case_palette_no_match() {
	start || return
	wait_for "Tiêu chí đạt" || return
	keys g
	wait_for "Đi đến:" || return
	literal "x"
	wait_for "thẻ       Sản xuất" || return
	literal "q"
	wait_for "(không có gì khớp)" || return
	expect_line 3 "  (không có gì khớp)"
	[ "$(screen | sed -n 3p)" = "  (không có gì khớp)" ] ||
		fail_screen "line 3 should be only \"  (không có gì khớp)\""
	[ -z "$(screen | sed -n '4,20p' | tr -d ' \n')" ] ||
		fail_screen "rows of the last hits stayed under \"(không có gì khớp)\""
	keys Escape
	wait_gone "Đi đến:" || return
	keys P
	wait_for "Kế hoạch 32/KH-UBND năm 2024 (đang xem)" || return
	literal "dang xem"
	wait_line 1 "dang xem" || return
	poll 1 has "Kế hoạch 32/KH-UBND năm 2024" &&
		fail_screen "\"dang xem\" should not find the plan by the screen's own label"
	keys Escape
}

# ? and F1 open help from the full view too; F1 in the L form opens help
# and types nothing (Esc then closes the form without asking).
case_help_from_view_and_plan_form() {
	road_task || return
	keys v
	wait_for "Xem đầy đủ" || return
	keys F1
	wait_for "ntm — các phím" || return
	keys q
	wait_for "Xem đầy đủ" || return
	keys ?
	wait_for "ntm — các phím" || return
	keys Escape
	wait_for "Xem đầy đủ" || return
	keys Escape
	wait_gone "Xem đầy đủ" || return
	keys L
	poll "" _plan_form_up || { fail_screen "L did not open the plan form"; return 1; }
	keys F1
	wait_for "ntm — các phím" || return
	keys q
	poll "" _plan_form_up || { fail_screen "the plan form did not come back after help"; return 1; }
	keys Escape
	wait_gone "Lập kế hoạch năm sau" || return
	expect_no_screen "Bỏ những gì đã gõ"
}

# A file with two communes and no --unit: the command line refuses naming
# --unit; the full-screen program shows them on tab Huyện, Enter opens one.
case_two_communes_pick() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	ntm_ok init --empty --commune A || return
	sqlite3 "$DB" "INSERT INTO unit(id, level, name)
		VALUES (lower(hex(randomblob(16))), 'xa', 'Xã B')" || return
	ntm status      # none named: every commune (ntm status --all)
	[ "$RC" = 0 ] && grep -Fq "Xã B" "$OUT" ||
		fail "ntm status without --unit: exit $RC, stdout $(head -c 200 "$OUT")"
	start || return
	wait_for "Các xã của tệp — 2 xã" || return
	expect_selected "A"
	expect_screen "Xã B"
	keys Down
	wait_selected "Xã B" || return
	keys Enter
	wait_line 2 "Xã B — chưa có kế hoạch" || return
	keys q
	wait_exit || return
	[ "$EXIT_STATUS" = 0 ] || fail "q on a commune's tab: exit status $EXIT_STATUS"
}
