# ntm unit merge: communes merged by the 2025 reform keep every village,
# task, value and history entry under the merged commune; undo restores
# them; refusals and dry runs write nothing.

# Three communes in one file: Việt Hưng (the built-in plan), and Lạc Đạo
# and Tân Quang written with the sqlite3 shell (setup only: the audit
# triggers stay silent outside an ntm action), then given villages, a
# plan with tasks, values and checklist ticks through ntm.
three_communes() {
	fresh_db
	sqlite3 "$NTM_DB" "INSERT INTO unit(id, parent_id, level, name, info)
		SELECT 'ld', parent_id, 'xa', 'Lạc Đạo', 'huyện Văn Lâm' FROM unit
		WHERE name = 'Việt Hưng';
		INSERT INTO unit(id, level, name) VALUES ('tq', 'xa', 'Tân Quang')"
	local u
	for u in "Lạc Đạo" "Tân Quang"; do
		expect_ok ntm --unit "$u" village add "Thôn 1"
		expect_ok ntm --unit "$u" village add "Đông $u"
		expect_ok ntm --unit "$u" plan new --year 2024 --number "32/KH-UBND" --title "Kế hoạch $u"
		expect_ok ntm --unit "$u" task add --sector giao_thong "Đường của $u"
		expect_ok ntm --unit "$u" task add --sector thuy_loi "Kênh của $u"
		expect_ok ntm --unit "$u" set 12.2 40 --date 2024-05-01
		expect_ok ntm --unit "$u" checklist "Thôn 1" --done 1
	done
	expect_ok ntm --unit "Tân Quang" set 17.1 1 --date 2024-06-01
	expect_ok ntm --unit "Tân Quang" village alias "Đông Tân Quang" "Xóm Đông"
}

# n SQL: a count.
n() { q "$1"; }

# dump: every row people edit, without version (an undo bumps it).
dump() {
	local t cols
	for t in unit unit_alias plan task measurement checklist_item plan_target indicator; do
		cols=$(q "SELECT group_concat(name) FROM pragma_table_info('$t') WHERE name <> 'version'")
		echo "== $t"
		q "SELECT $cols FROM $t ORDER BY id"
	done
}

case_merge_into_new_commune() {
	three_communes
	local villages items tasks values plans ld_actions tq_actions
	villages=$(n "SELECT count(*) FROM unit WHERE parent_id IN ('ld', 'tq')")
	items=$(n "SELECT count(*) FROM checklist_item WHERE unit_id IN (SELECT id FROM unit WHERE parent_id IN ('ld', 'tq'))")
	tasks=$(n "SELECT count(*) FROM task WHERE plan_id IN (SELECT id FROM plan WHERE unit_id IN ('ld', 'tq'))")
	values=$(n "SELECT count(*) FROM measurement WHERE unit_id IN ('ld', 'tq')")
	plans=$(n "SELECT count(*) FROM plan WHERE unit_id IN ('ld', 'tq')")
	ld_actions=$(n "SELECT count(DISTINCT action_id) FROM audit WHERE unit_id = 'ld'")
	tq_actions=$(n "SELECT count(DISTINCT action_id) FROM audit WHERE unit_id = 'tq'")
	expect_eq villages "$villages" 4
	expect_eq tasks "$tasks" 4
	expect_ok ntm unit merge "Lạc Đạo" "Tân Quang" --into "Hòa Bình"
	expect_stdout_first "Đã gộp Xã Lạc Đạo, Xã Tân Quang vào Xã Hòa Bình (xã mới)."
	expect_stdout_line "  thôn: $villages (cùng $items mục trong danh mục việc)"
	expect_stdout_line "  kế hoạch: $plans (cùng $tasks nhiệm vụ)"
	expect_stdout_line "  giá trị chỉ tiêu: $values"
	expect_stdout_line "  lịch sử: $((ld_actions + tq_actions)) thao tác"
	expect_stdout_line "  thôn “Thôn 1” của Xã Tân Quang → “Thôn 1 (Tân Quang)”"
	expect_stdout_line "  kế hoạch 32/KH-UBND năm 2024 của Xã Tân Quang → “32/KH-UBND (Tân Quang)”"
	expect_stdout_has "(giá trị mới nhất được tính): 12.2"
	# the new commune: parent and info of the first old one
	expect_db "SELECT count(*) FROM unit WHERE level = 'xa' AND name = 'Hòa Bình'
		AND info = 'huyện Văn Lâm' AND parent_id IS (SELECT parent_id FROM unit WHERE name = 'Việt Hưng')" 1
	expect_db "SELECT count(*) FROM unit WHERE id IN ('ld', 'tq')" 0
	local hb="(SELECT id FROM unit WHERE name = 'Hòa Bình')"
	expect_db "SELECT count(*) FROM unit WHERE parent_id = $hb" "$villages"
	expect_db "SELECT count(*) FROM checklist_item WHERE unit_id IN (SELECT id FROM unit WHERE parent_id = $hb)" "$items"
	expect_db "SELECT count(*) FROM task WHERE plan_id IN (SELECT id FROM plan WHERE unit_id = $hb)" "$tasks"
	expect_db "SELECT count(*) FROM measurement WHERE unit_id = $hb" "$values"
	expect_db "SELECT group_concat(name, '|') FROM (SELECT name FROM unit_alias WHERE unit_id = $hb ORDER BY name)" "Lạc Đạo|Tân Quang"
	expect_db "SELECT count(*) FROM audit WHERE unit_id IN ('ld', 'tq')" 0
	expect_db "SELECT count(DISTINCT action_id) FROM audit WHERE unit_id = $hb" "$((ld_actions + tq_actions + 1))"
	# the other name of a village came along
	expect_db "SELECT count(*) FROM unit_alias a JOIN unit u ON u.id = a.unit_id WHERE a.name = 'Xóm Đông' AND u.parent_id = $hb" 1
	expect_ok ntm --unit "Hòa Bình" village list
	expect_stdout_is "Đông Lạc Đạo
Đông Tân Quang
Thôn 1
Thôn 1 (Tân Quang)"
	expect_ok ntm --unit "Hòa Bình" checklist "Thôn 1 (Tân Quang)"
	expect_stdout_first "Thôn 1 (Tân Quang): 1/10"
	expect_ok ntm --unit "Hòa Bình" task list --plan "32/KH-UBND (Tân Quang)"
	expect_stdout_has "Đường của Tân Quang"
	expect_stdout_has "Kênh của Tân Quang"
	expect_ok ntm --unit "Hòa Bình" task list --plan "32/KH-UBND"
	expect_stdout_has "Đường của Lạc Đạo"
	# an old name finds the merged commune
	expect_ok ntm --unit "Lạc Đạo" status --format json
	expect_json 'd["unit"]' "Hòa Bình"
	expect_json 'ind("17.1")["value"]' 1
	expect_ok ntm --unit "Hòa Bình" log --limit 100
	expect_stdout_has "gộp xã"
	expect_stdout_has "Kế hoạch Lạc Đạo"
	expect_stdout_has "Kế hoạch Tân Quang"
	expect_stdout_has "Đông Tân Quang"
}

case_merge_into_existing_commune() {
	three_communes
	expect_ok ntm --unit "Lạc Đạo" village add "Cự Đình"
	local vh_villages ld_villages vh_values ld_values
	vh_villages=$(n "SELECT count(*) FROM unit u JOIN unit c ON c.id = u.parent_id WHERE c.name = 'Việt Hưng'")
	ld_villages=$(n "SELECT count(*) FROM unit WHERE parent_id = 'ld'")
	vh_values=$(n "SELECT count(*) FROM measurement m JOIN unit c ON c.id = m.unit_id WHERE c.name = 'Việt Hưng'")
	ld_values=$(n "SELECT count(*) FROM measurement WHERE unit_id = 'ld'")
	expect_ok ntm --unit "Việt Hưng" set 12.2 70 --date 2024-01-01
	vh_values=$((vh_values + 1))
	expect_ok ntm unit merge "lac dao" --into "viet hung"
	expect_stdout_first "Đã gộp Xã Lạc Đạo vào Xã Việt Hưng."
	expect_stdout_line "  thôn “Cự Đình” của Xã Lạc Đạo → “Cự Đình (Lạc Đạo)”"
	expect_stdout_line "  kế hoạch 32/KH-UBND năm 2024 của Xã Lạc Đạo → “32/KH-UBND (Lạc Đạo)”"
	expect_stdout_has "(giá trị mới nhất được tính): 12.2"
	expect_db "SELECT count(*) FROM unit u JOIN unit c ON c.id = u.parent_id WHERE c.name = 'Việt Hưng'" "$((vh_villages + ld_villages))"
	expect_db "SELECT count(*) FROM measurement m JOIN unit c ON c.id = m.unit_id WHERE c.name = 'Việt Hưng'" "$((vh_values + ld_values))"
	expect_db "SELECT count(*) FROM unit WHERE level = 'xa'" 2
	# both 12.2 values stay; the latest (2024-05-01, Lạc Đạo's) counts
	expect_ok ntm --unit "Việt Hưng" status --format json
	expect_json 'ind("12.2")["value"]' 40
	expect_ok ntm --unit "Việt Hưng" village list
	expect_stdout_line "Cự Đình"
	expect_stdout_line "Cự Đình (Lạc Đạo)"
	expect_stdout_line "Đông Lạc Đạo"
	# the built-in plan stays the one in use (the newest by issue date)
	expect_ok ntm --unit "Việt Hưng" plan list
	expect_stdout_has "32/KH-UBND (Lạc Đạo)"
}

case_merge_undo_restores_both() {
	three_communes
	local before after
	before=$(dump)
	local log_ld
	log_ld=$(ntm --unit "Lạc Đạo" log --limit 100 | wc -l)
	expect_ok ntm unit merge "Lạc Đạo" "Tân Quang" --into "Hòa Bình"
	expect_ok ntm --unit "Hòa Bình" undo
	expect_stdout_has "gộp xã"
	after=$(dump)
	[ "$before" = "$after" ] || fail "undo: rows differ: $(diff <(echo "$before") <(echo "$after") | head -5 | tr '\n' '|')"
	expect_db "SELECT count(*) FROM unit WHERE name = 'Hòa Bình'" 0
	expect_ok ntm --unit "Lạc Đạo" village list
	expect_stdout_is "Đông Lạc Đạo
Thôn 1"
	# redo merges again
	expect_ok ntm --unit "Lạc Đạo" undo
	expect_db "SELECT count(*) FROM unit WHERE id IN ('ld', 'tq')" 0
	expect_db "SELECT count(*) FROM unit u JOIN unit c ON c.id = u.parent_id WHERE c.name = 'Hòa Bình'" 4
	[ "$log_ld" -gt 5 ] || fail "Lạc Đạo's log had $log_ld lines"
}

case_merge_dry_run_writes_nothing() {
	three_communes
	local s
	s=$(sum_of "$NTM_DB")
	expect_ok ntm unit merge "Lạc Đạo" "Tân Quang" --into "Hòa Bình" --dry-run
	expect_stdout_first "Chạy thử, không ghi gì: sẽ gộp Xã Lạc Đạo, Xã Tân Quang vào Xã Hòa Bình (xã mới)."
	expect_stdout_line "  thôn “Thôn 1” của Xã Tân Quang → “Thôn 1 (Tân Quang)”"
	expect_stdout_not_has "ntm undo"
	expect_eq "file" "$(sum_of "$NTM_DB")" "$s"
	expect_db "SELECT count(*) FROM unit WHERE id IN ('ld', 'tq')" 2
	expect_db "SELECT count(*) FROM audit WHERE verb = 'unit.merge'" 0
}

case_merge_refusals_write_nothing() {
	three_communes
	local s
	s=$(sum_of "$NTM_DB")
	expect_exit 1 ntm unit merge "Lạc Đạo" "Không Có" --into "Hòa Bình"
	expect_stderr_has "“Không Có”"
	expect_exit 1 ntm unit merge "Lạc Đạo" "lac dao" --into "Hòa Bình"
	expect_stderr_has "xã Lạc Đạo được nêu hai lần"
	expect_exit 1 ntm unit merge "Lạc Đạo" "Tân Quang" --into "tan quang"
	expect_stderr_has "xã Tân Quang vừa là xã cũ vừa là xã gộp vào"
	expect_exit 1 ntm unit merge "Cự Đình" --into "Việt Hưng"
	expect_stderr_has "“Cự Đình” là thôn của xã Việt Hưng, không phải xã"
	expect_exit 2 ntm unit merge "Lạc Đạo"
	expect_stderr_has "--into"
	expect_exit 2 ntm unit merge --into "Hòa Bình"
	expect_exit 2 ntm unit split "Lạc Đạo" --into "Hòa Bình"
	expect_stderr_has "merge"
	expect_eq "file" "$(sum_of "$NTM_DB")" "$s"
	expect_db "SELECT count(*) FROM unit WHERE level = 'xa'" 3
}

case_merge_read_only_refused() {
	three_communes
	local s
	s=$(sum_of "$NTM_DB")
	expect_exit 1 ntm --read-only unit merge "Lạc Đạo" --into "Tân Quang"
	expect_eq "file" "$(sum_of "$NTM_DB")" "$s"
}

case_merge_district_file() {
	expect_ok ntm init --district "Văn Lâm" --province "Hưng Yên"
	expect_exit 1 ntm unit merge "A" --into "C"
	expect_stderr_has "không có xã “A”"
	expect_exit 1 ntm unit merge "Văn Lâm" --into "C"
	sqlite3 "$NTM_DB" "INSERT INTO unit(id, parent_id, level, name) SELECT 'a', id, 'xa', 'Lạc Hồng' FROM unit WHERE level = 'huyen';
		INSERT INTO unit(id, parent_id, level, name) SELECT 'b', id, 'xa', 'Lạc Đạo' FROM unit WHERE level = 'huyen'"
	expect_exit 1 ntm unit merge "Văn Lâm" --into "C"
	expect_stderr_has "“Văn Lâm” là huyện, không phải xã"
	expect_ok ntm --unit "Lạc Hồng" village add "Thôn 1"
	expect_ok ntm --unit "Lạc Đạo" village add "Thôn 1"
	expect_ok ntm unit merge "Lạc Hồng" "Lạc Đạo" --into "Như Quỳnh"
	expect_db "SELECT p.level FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.name = 'Như Quỳnh'" huyen
	expect_ok ntm --unit "Như Quỳnh" village list
	expect_stdout_is "Thôn 1
Thôn 1 (Lạc Đạo)"
	expect_ok ntm status --all --format json
}
