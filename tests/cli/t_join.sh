# Communes join the level above's file (issue 14): three communes made
# apart (the built-in plan; two from init --empty, one with a plan of its
# own, one with values and checklists only) send their first export with
# --all to a district file; each reads there exactly as in its own file;
# a later ordinary export updates only its commune; a file applied twice
# changes nothing; what cannot join is refused with nothing changed.

# make_communes: vh.db (the built-in plan), dd.db (Đình Dù: a plan of its
# own, a task, a value, a village with a ticked item), lh.db (Lạc Hồng:
# no plan; values and a village), d.db (the district, no commune yet).
make_communes() {
	expect_ok ntm --db vh.db init
	NTM_USER="Nguyễn Văn An" expect_ok ntm --db vh.db set 12.2 92 --date 1/6/2024
	expect_ok ntm --db dd.db init --empty --commune "Đình Dù"
	expect_ok ntm --db dd.db plan new --year 2025 --number "15/KH-UBND" \
		--title "Kế hoạch xây dựng NTM năm 2025"
	expect_ok ntm --db dd.db task add --sector "giao thong" \
		"Cứng hóa đường trục thôn" --due 2025-03-01
	expect_ok ntm --db dd.db village add "Thôn Đông"
	expect_ok ntm --db dd.db checklist "Thôn Đông" --done 1
	NTM_USER="Trần Thị Bình" expect_ok ntm --db dd.db set 12.2 80 --date 1/5/2025
	expect_ok ntm --db lh.db init --empty --commune "Lạc Hồng"
	expect_ok ntm --db lh.db village add "Thôn Tây"
	expect_ok ntm --db lh.db set 17.1 100 --date 2/5/2025
	expect_ok ntm --db d.db init --district "Văn Lâm" --province "Hưng Yên"
	expect_stdout_has "chưa có xã nào"
}

# export_all DB FILE
export_all() {
	expect_ok ntm --db "$1" sync export --all --out "$2"
	expect_stdout_has "$2"
}

# data DB: every row people keep, and the history, for comparing files.
data() {
	sqlite3 -readonly "$1" "SELECT name, level FROM unit ORDER BY id;
		SELECT * FROM plan ORDER BY id; SELECT * FROM task ORDER BY id;
		SELECT * FROM measurement ORDER BY id;
		SELECT * FROM checklist_item ORDER BY id;
		SELECT * FROM plan_target ORDER BY id;
		SELECT count(*) FROM audit"
}

case_three_communes_join() {
	make_communes
	export_all vh.db vh.ntmsync
	export_all dd.db dd.ntmsync
	export_all lh.db lh.ntmsync
	expect_ok ntm --db d.db sync apply vh.ntmsync dd.ntmsync lh.ntmsync
	expect_stdout_has "đã thêm Xã Việt Hưng vào tệp này"
	expect_stdout_has "đã thêm Xã Đình Dù vào tệp này"
	expect_stdout_has "đã thêm Xã Lạc Hồng vào tệp này"
	expect_db "SELECT count(*) FROM unit WHERE level = 'xa'" 3 d.db
	# every commune sits under the district
	expect_db "SELECT count(*) FROM unit c JOIN unit h ON h.id = c.parent_id
		WHERE c.level = 'xa' AND h.level = 'huyen'" 3 d.db
	expect_db "PRAGMA foreign_key_check" "" d.db
	# the shared rows are the district's own: no second set of criteria
	expect_db "SELECT count(*) FROM criteria_set" \
		"$(q 'SELECT count(*) FROM criteria_set' vh.db)" d.db
	expect_db "SELECT count(*) FROM indicator WHERE plan_id IS NULL" \
		"$(q 'SELECT count(*) FROM indicator WHERE plan_id IS NULL' vh.db)" d.db
	# each commune reads exactly as in its own file
	local db name
	for db in vh:"Việt Hưng" dd:"Đình Dù" lh:"Lạc Hồng"; do
		name=${db#*:}
		db=${db%%:*}.db
		expect_eq "status of $name" \
			"$(ntm --db d.db --unit "$name" status --format json)" \
			"$(ntm --db "$db" status --format json)"
		expect_eq "tasks of $name" \
			"$(ntm --db d.db --unit "$name" task list --format csv 2>&1)" \
			"$(ntm --db "$db" task list --format csv 2>&1)"
		expect_eq "villages of $name" \
			"$(ntm --db d.db --unit "$name" village list)" \
			"$(ntm --db "$db" village list)"
	done
	expect_ok ntm --db d.db --unit "Việt Hưng" status
	expect_stdout_first "Xã Việt Hưng (huyện Văn Lâm, tỉnh Hưng Yên) — Kế hoạch 32/KH-UBND năm 2024"
	# their history came with them, under their names
	expect_ok ntm --db d.db --unit "Đình Dù" log
	expect_stdout_has "Trần Thị Bình"
	expect_stdout_has "Cứng hóa đường trục thôn"
	expect_stdout_not_has "Nguyễn Văn An"
	# the level above's file sends nothing back to communes
	expect_exit 1 ntm --db d.db --unit "Đình Dù" sync export --out x.ntmsync
	expect_stderr_has "tệp của cấp trên"
	[ -e x.ntmsync ] && fail "a file was written"
	return 0
}

case_later_export_updates_its_commune() {
	make_communes
	export_all vh.db vh.ntmsync
	export_all dd.db dd.ntmsync
	expect_ok ntm --db d.db sync apply vh.ntmsync dd.ntmsync
	local vh_before
	vh_before=$(data d.db | grep -c .)
	local vh_status all_before
	vh_status=$(ntm --db d.db --unit "Việt Hưng" status --format json)
	all_before=$(ntm --db d.db status --all --format csv)
	# Đình Dù works on: a task done, a new value; an ordinary export
	expect_ok ntm --db dd.db task done 1
	NTM_USER="Trần Thị Bình" expect_ok ntm --db dd.db set 12.2 90 --date 1/7/2025
	expect_ok ntm --db dd.db sync export --out dd2.ntmsync
	expect_ok ntm --db d.db sync apply dd2.ntmsync
	expect_stdout_has "2 thay đổi mới"
	expect_eq "Đình Dù as in its file" \
		"$(ntm --db d.db --unit "Đình Dù" status --format json)" \
		"$(ntm --db dd.db status --format json)"
	expect_eq "Việt Hưng untouched" \
		"$(ntm --db d.db --unit "Việt Hưng" status --format json)" "$vh_status"
	expect_db "SELECT value FROM measurement m JOIN unit u ON u.id = m.unit_id
		WHERE u.name = 'Đình Dù' ORDER BY as_of DESC LIMIT 1" 90.0 d.db
	# status --all: Việt Hưng's row as it was, Đình Dù's moved on
	local all_after
	all_after=$(ntm --db d.db status --all --format csv)
	expect_eq "Việt Hưng's row" "$(grep "Việt Hưng" <<<"$all_after")" \
		"$(grep "Việt Hưng" <<<"$all_before")"
	[ "$(grep "Đình Dù" <<<"$all_after")" != "$(grep "Đình Dù" <<<"$all_before")" ] ||
		fail "Đình Dù's row did not change"
	expect_ok ntm --db d.db status --all --format json
	expect_json '[(r["unit"], r["tasks_done"], r["tasks_total"]) for r in d]' \
		'[["Đình Dù", 1, 1], ["Việt Hưng", 0, 70]]' 
	[ "$vh_before" -gt 0 ] || fail "no data"
}

case_same_file_twice_changes_nothing() {
	make_communes
	export_all dd.db dd.ntmsync
	expect_ok ntm --db d.db sync apply dd.ntmsync
	local before
	before=$(data d.db)
	expect_ok ntm --db d.db sync apply dd.ntmsync
	expect_stdout_has "không có gì mới"
	expect_eq "data after the second apply" "$(data d.db)" "$before"
	# the --all file again after an ordinary one: still nothing new
	expect_ok ntm --db dd.db set 17.1 100
	expect_ok ntm --db dd.db sync export --out dd2.ntmsync
	expect_ok ntm --db d.db sync apply dd2.ntmsync
	before=$(data d.db)
	expect_ok ntm --db d.db sync apply dd.ntmsync dd2.ntmsync
	expect_eq "data after both again" "$(data d.db)" "$before"
}

case_what_cannot_join() {
	make_communes
	# an ordinary export of a commune the district does not have yet
	expect_ok ntm --db lh.db sync export --out lh.ntmsync
	local sum
	sum=$(sum_of d.db)
	expect_exit 1 ntm --db d.db sync apply lh.ntmsync
	expect_stderr_has "Xã Lạc Hồng chưa có trong tệp này"
	expect_stderr_has "ntm sync export --all"
	expect_eq "district after the refusal" "$(sum_of d.db)" "$sum"
	# --dry-run says what would come, writes nothing
	export_all lh.db lh-all.ntmsync
	expect_ok ntm --db d.db sync apply --dry-run lh-all.ntmsync
	expect_stdout_has "đã thêm Xã Lạc Hồng"
	expect_stdout_has "thử, không ghi gì"
	expect_db "SELECT count(*) FROM unit WHERE level = 'xa'" 0 d.db
	# a commune's own file still takes no other commune's file
	sum=$(sum_of dd.db)
	expect_exit 1 ntm --db dd.db sync apply lh-all.ntmsync
	expect_stderr_has "Lạc Hồng"
	expect_eq "commune file after the refusal" "$(sum_of dd.db)" "$sum"
	# the --all file of format 2 starts as such; an ordinary one stays 1
	expect_eq "format of --all" "$(head -c 9 lh-all.ntmsync)" "NTMSYNC 2"
	expect_eq "format of a plain export" "$(head -c 9 lh.ntmsync)" "NTMSYNC 1"
}

case_merged_commune_goes_on_in_the_new_one() {
	make_communes
	export_all dd.db dd.ntmsync
	export_all lh.db lh.ntmsync
	expect_ok ntm --db d.db sync apply dd.ntmsync lh.ntmsync
	expect_ok ntm --db d.db unit merge "Đình Dù" "Lạc Hồng" --into "Đình Hồng"
	# the old commune's --all file again: nothing new, no second commune
	expect_ok ntm --db d.db sync apply dd.ntmsync
	expect_stdout_has "Xã Đình Dù đã gộp vào Xã Đình Hồng"
	expect_db "SELECT count(*) FROM unit WHERE level = 'xa'" 1 d.db
	expect_db "SELECT count(*) FROM unit WHERE level = 'thon'" 2 d.db
	# what the old commune does next goes to the merged one
	NTM_USER="Trần Thị Bình" expect_ok ntm --db dd.db set 17.1 100 --date 1/8/2025
	expect_ok ntm --db dd.db checklist "Thôn Đông" --done 2
	expect_ok ntm --db dd.db sync export --out dd2.ntmsync
	expect_ok ntm --db d.db sync apply dd2.ntmsync
	expect_stdout_has "2 thay đổi mới"
	expect_db "SELECT count(*) FROM measurement m JOIN unit u ON u.id = m.unit_id
		JOIN indicator i ON i.id = m.indicator_id WHERE u.name = 'Đình Hồng'
		AND i.code = '17.1'" 2 d.db
	expect_db "SELECT count(*) FROM checklist_item c JOIN unit v ON v.id =
		c.unit_id JOIN unit x ON x.id = v.parent_id WHERE x.name =
		'Đình Hồng' AND c.done = 1" 2 d.db
	expect_db "PRAGMA foreign_key_check" "" d.db
	expect_ok ntm --db d.db --unit "Đình Hồng" log
	expect_stdout_has "Trần Thị Bình"
	# a commune removed some other way stays removed
	sqlite3 d.db "UPDATE audit SET verb = 'village.remove' WHERE verb = 'unit.merge'"
	local sum
	sum=$(sum_of d.db)
	expect_exit 1 ntm --db d.db sync apply dd2.ntmsync
	expect_stderr_has "đã được gộp vào xã khác hoặc đã xóa"
	expect_eq "district after the refusal" "$(sum_of d.db)" "$sum"
}

case_level_above_only_reads() {
	make_communes
	export_all lh.db lh.ntmsync
	expect_ok ntm --db d.db sync apply lh.ntmsync
	local sum
	sum=$(sum_of d.db)
	expect_exit 1 ntm --db d.db --unit "Lạc Hồng" set 17.1 50
	expect_stderr_has "đây là tệp của cấp trên"
	expect_exit 1 ntm --db d.db --unit "Lạc Hồng" village add "Thôn Giả"
	expect_exit 1 ntm --db d.db --unit "Lạc Hồng" plan new --year 2026 \
		--number 1 --title "KH"
	expect_eq "district after the refusals" "$(sum_of d.db)" "$sum"
	# a commune's own file is not "merged" into a new name
	sum=$(sum_of lh.db)
	expect_exit 1 ntm --db lh.db unit merge "Lạc Hồng" --into "Lạc Hòa"
	expect_stderr_has "tệp này chỉ có một xã"
	expect_eq "commune file after the refusal" "$(sum_of lh.db)" "$sum"
	# the log of every commune without --unit; sync status says what it is
	expect_ok ntm --db d.db log
	expect_stdout_has "17.1"
	expect_ok ntm --db d.db sync status
	expect_stdout_has "Tệp của cấp trên"
	# a second commune of the same name is refused, named
	expect_ok ntm --db lh2.db init --empty --commune "Lạc Hồng"
	export_all lh2.db lh2.ntmsync
	expect_exit 1 ntm --db d.db sync apply lh2.ntmsync
	expect_stderr_has "tệp này đã có Xã Lạc Hồng"
	# a commune's plain export named before its --all file: applied after it
	expect_ok ntm --db dd.db sync export --out a-first.ntmsync
	export_all dd.db z-all.ntmsync
	expect_ok ntm --db d.db sync apply a-first.ntmsync z-all.ntmsync
	expect_stdout_has "đã thêm Xã Đình Dù"
}

case_pinned_plan_followed() {
	expect_ok ntm --db vh.db init
	expect_ok ntm --db vh.db plan copy 2024 --year 2025 --number "9/KH-UBND"
	expect_ok ntm --db vh.db plan use 2024
	export_all vh.db vh.ntmsync
	expect_ok ntm --db d.db init --district "Văn Lâm"
	expect_ok ntm --db d.db sync apply vh.ntmsync
	expect_eq "the plan the commune follows" \
		"$(ntm --db d.db --unit "Việt Hưng" status --format json)" \
		"$(ntm --db vh.db status --format json)"
	expect_ok ntm --db d.db status --all --format json
	expect_json 'd[0]["plan"]' "32/KH-UBND"
}

case_national_target_of_a_commune() {
	expect_ok ntm --db q.db init --empty --commune "Quang Minh"
	expect_ok ntm --db q.db criteria target 12.2 95 --source "QĐ 318/QĐ-TTg"
	expect_ok ntm --db q.db set 12.2 96
	export_all q.db q.ntmsync
	expect_ok ntm --db d.db init --district "Văn Lâm"
	expect_ok ntm --db d.db sync apply q.ntmsync
	expect_eq "the commune's national target read there too" \
		"$(ntm --db d.db --unit "Quang Minh" status --format json)" \
		"$(ntm --db q.db status --format json)"
	# another commune, another target, set after it joined: each reads
	# its own; the file's own stays unknown
	expect_ok ntm --db r.db init --empty --commune "Minh Hải"
	expect_ok ntm --db r.db set 12.2 96
	export_all r.db r.ntmsync
	expect_ok ntm --db d.db sync apply r.ntmsync
	expect_ok ntm --db r.db criteria target 12.2 98 --source "QĐ tỉnh"
	expect_ok ntm --db r.db sync export --out r2.ntmsync
	expect_ok ntm --db d.db sync apply r2.ntmsync
	expect_stdout_has "Không có xung đột nào đang chờ"
	local x
	for x in "Quang Minh:q" "Minh Hải:r"; do
		expect_eq "${x%%:*} as in its own file" \
			"$(ntm --db d.db --unit "${x%%:*}" status --format json)" \
			"$(ntm --db "${x##*:}.db" status --format json)"
	done
	expect_ok ntm --db d.db status --all --format json
	expect_json '[r["indicators_met"] for r in d]' '[0, 1]'
	expect_db "SELECT target FROM indicator WHERE code = '12.2' AND plan_id IS NULL" "" d.db
	# each commune's log has its own target, not the other's
	expect_ok ntm --db d.db --unit "Quang Minh" log
	expect_stdout_has "QĐ 318"
	expect_stdout_not_has "QĐ tỉnh"
}
