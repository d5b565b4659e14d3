# The audit trail (table audit) and ntm log.

case_audit_set_row() {
	fresh_db
	NTM_USER="Nguyễn Văn An" expect_ok ntm set 12.2 86,5 --note "đo lại"
	expect_db "SELECT count(*) FROM audit" 1
	expect_db "SELECT verb, entity, os_user, person FROM audit" "set|measurement|$(me)|Nguyễn Văn An"
	expect_db "SELECT before IS NULL, json_extract(after, '\$.value'), json_extract(after, '\$.note') FROM audit" "1|86.5|đo lại"
	expect_db "SELECT a.entity_id = m.id, json_extract(a.after, '\$.as_of') = m.as_of FROM audit a, measurement m" "1|1"
	expect_db "SELECT count(*) FROM action_ctx" 0
}

case_audit_at_is_utc_iso() {
	fresh_db
	local before after at
	before=$(date -u +%s)
	TZ=ICT-7 expect_ok ntm set 12.2 50
	after=$(date -u +%s)
	at=$(q "SELECT at FROM audit")
	printf '%s\n' "$at" | grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$' ||
		fail "audit.at \"$at\" is not ISO 8601 UTC ending in Z"
	local t
	t=$(python3 -c 'import sys, datetime; print(int(datetime.datetime.strptime(sys.argv[1][:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc).timestamp()))' "$at" 2>/dev/null)
	if [ -z "$t" ] || [ "$t" -lt $((before - 2)) ] || [ "$t" -gt $((after + 2)) ]; then
		fail "audit.at $at is not the UTC time of the command"
	fi
	q "SELECT recorded_at FROM measurement" | grep -Eq 'T.*Z$' ||
		fail "measurement.recorded_at is not ISO UTC: $(q 'SELECT recorded_at FROM measurement')"
}

case_log_shows_local_time() {
	fresh_db
	expect_ok ntm set 12.2 50
	local at want
	at=$(q "SELECT at FROM audit")
	want=$(TZ=ICT-7 python3 -c 'import sys, datetime, time; time.tzset(); t = datetime.datetime.strptime(sys.argv[1][:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc); print(t.astimezone().strftime("%Y-%m-%d %H:%M"))' "$at")
	TZ=ICT-7 expect_ok ntm log
	expect_stdout_match "^$want  "
}

case_audit_one_action_per_command() {
	fresh_db
	expect_ok ntm set 12.2 50
	expect_ok ntm set 12.2 60
	expect_db "SELECT count(*), count(DISTINCT action_id) FROM audit" "2|2"
	expect_ok ntm village add "Đình Dù"
	expect_db "SELECT count(*), count(DISTINCT action_id) FROM audit WHERE verb = 'village.add'" "11|1"
	expect_db "SELECT group_concat(DISTINCT entity) FROM audit WHERE verb = 'village.add'" "unit,checklist_item"
	expect_ok ntm village rename "Thục Cầu" "Thục Cầu Mới"
	expect_db "SELECT count(*) > 1, count(DISTINCT action_id) FROM audit WHERE verb = 'village.rename'" "1|1"
}

case_audit_checklist_changes_in_order() {
	# Documented (man ntm, checklist): the changes run in command-line
	# order, each one its own entry; a failing change stops the rest and
	# keeps those before it.
	fresh_db
	expect_ok ntm checklist "Cự Đình" --done 1 --done 2 --add "Đường hoa"
	expect_db "SELECT count(*) FROM audit" 3
	expect_db "SELECT group_concat(verb, ',') FROM (SELECT verb FROM audit ORDER BY seq)" "checklist.done,checklist.done,checklist.add"
	expect_exit 1 ntm checklist "Cự Đình" --done 3 --done 99 --done 4
	expect_stderr_has "99"
	expect_db "SELECT group_concat(done, '') FROM (SELECT done FROM checklist_item WHERE unit_id = (SELECT id FROM unit WHERE name = 'Cự Đình') ORDER BY ord)" "11100000000"
	expect_db "SELECT count(*) FROM audit" 4
}

case_audit_person_null_without_name() {
	fresh_db
	expect_ok ntm set 12.2 50
	expect_db "SELECT person IS NULL, os_user FROM audit" "1|$(me)"
}

case_audit_nothing_on_refusal() {
	fresh_db
	expect_exit 2 ntm set 12.2 abc
	expect_exit 1 ntm set 12.9 5
	expect_exit 1 ntm checklist "Cự Đình" --done 99
	expect_exit 1 ntm village add "Cự Đình"
	expect_exit 1 ntm checklist "Cự Đình" --add "Rãnh thoát nước"
	expect_db "SELECT count(*) FROM audit" 0
}

case_audit_checklist_images() {
	fresh_db
	expect_ok ntm checklist "Cự Đình" --done 1
	expect_db "SELECT verb, entity, json_extract(before, '\$.done'), json_extract(after, '\$.done'), json_extract(after, '\$.done_on') FROM audit" "checklist.done|checklist_item|0|1|$(today)"
}

case_log_newest_first() {
	fresh_db
	NTM_USER="Nguyễn Văn An" expect_ok ntm set 12.2 86,5
	expect_ok ntm target 12.2 90
	expect_ok ntm log
	expect_stdout_lines 2
	local first second
	first=$(sed -n 1p "$OUT")
	second=$(sed -n 2p "$OUT")
	case $first in *"chỉ tiêu kế hoạch"*) ;; *) fail "log line 1 should be the target change: $first" ;; esac
	case $second in *"ghi giá trị"*) ;; *) fail "log line 2 should be the set: $second" ;; esac
	case $second in *"Nguyễn Văn An ($(me))"*) ;; *) fail "log line 2 should name the person: $second" ;; esac
	case $second in *"12.2"*86[.,]5*) ;; *) fail "log line 2 should show 12.2 and 86,5: $second" ;; esac
}

case_log_limit() {
	fresh_db
	expect_ok ntm set 12.2 50
	expect_ok ntm set 12.2 60
	expect_ok ntm set 12.2 70
	expect_ok ntm log --limit 1
	expect_stdout_lines 1
	expect_stdout_has "70"
	expect_ok ntm log
	expect_stdout_lines 3
}

case_log_empty() {
	fresh_db
	expect_ok ntm log
	expect_stdout_is "Nhật ký trống."
}

case_log_default_twenty() {
	fresh_db
	local i
	for i in $(seq 1 22); do ntm set 12.2 "$i" >/dev/null 2>&1; done
	expect_ok ntm log
	expect_stdout_lines 20
}

# A file of two communes: the log and the report of one never show the
# other's changes (the audit rows carry no commune: it comes from each
# row's entity); the criteria, shared, are every commune's.
case_log_and_report_of_one_commune() {
	fresh_db
	sqlite3 "$NTM_DB" "INSERT INTO unit(id, level, name) VALUES (lower(hex(randomblob(16))), 'xa', 'Xã B')"
	expect_ok ntm village add --unit 'Xã B' 'Thôn Bí Mật Của B'
	expect_ok ntm village add --unit 'Việt Hưng' 'Thôn Mới Của A'
	expect_ok ntm log --unit 'Việt Hưng'
	expect_stdout_has 'Thôn Mới Của A'
	expect_stdout_not_has 'Bí Mật'
	expect_ok ntm log --unit 'Xã B'
	expect_stdout_has 'Thôn Bí Mật Của B'
	expect_stdout_not_has 'Mới Của A'
	expect_ok ntm report --unit 'Việt Hưng' --format md
	expect_stdout_has 'Thôn Mới Của A'
	expect_stdout_not_has 'Bí Mật'
}
