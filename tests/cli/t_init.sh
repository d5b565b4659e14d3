# ntm init: the built-in data, --empty, --force, refusals, file modes.

case_init_creates_file() {
	expect_ok ntm init
	expect_stdout_is "Đã tạo $NTM_DB."
	[ -f "$NTM_DB" ] || fail "no file $NTM_DB"
	expect_ok ntm check
}

case_init_refuses_existing_file() {
	expect_ok ntm init
	expect_ok ntm set 12.2 50
	local before
	before=$(sum_of "$NTM_DB")
	expect_exit 1 ntm init
	expect_stderr_has "--force"
	expect_eq "checksum after refused init" "$(sum_of "$NTM_DB")" "$before"
	expect_db "SELECT count(*) FROM measurement" 1
}

case_init_force_recreates() {
	expect_ok ntm init
	expect_ok ntm set 12.2 50 --note "cũ"
	expect_ok ntm village add "Đình Dù"
	expect_ok ntm init --force
	expect_db "SELECT count(*) FROM measurement" 0
	expect_db "SELECT count(*) FROM unit WHERE name = 'Đình Dù'" 0
	expect_db "SELECT count(*) FROM audit" 0
	local left
	left=$(ls -A "$T" | grep -F '.new-')
	[ -z "$left" ] || fail "--force left $left behind"
	expect_ok ntm check
}

case_init_force_without_file() {
	expect_ok ntm init --force
	[ -f "$NTM_DB" ] || fail "no file $NTM_DB"
}

case_init_default_data() {
	expect_ok ntm init
	status_json
	expect_json 'd["criteria_total"]' 19
	expect_json 'len(d["criteria"])' 19
	expect_json 'd["unit"]' "Việt Hưng"
	expect_json 'd["plan"]["number"]' "32/KH-UBND"
	expect_json 'd["plan"]["year"]' 2024
	expect_json '[v["name"] for v in d["villages"]]' '["Cự Đình", "Thục Cầu"]'
	expect_json '[v["items_total"] for v in d["villages"]]' '[10, 10]'
	expect_json '[v["items_done"] for v in d["villages"]]' '[0, 0]'
	expect_json 'len([i for i in inds() if not i["plan_own"]])' 55
	expect_json 'len([i for i in inds() if i["plan_own"]])' 11
	expect_json 'd["tasks_total"]' 70
	expect_json 'd["tasks_done"]' 0
	expect_json 'd["criteria_met"]' 0
	expect_json 'ind("12.2")["plan_target"]' 85
	expect_json 'ind("12.2")["value"]' null
}

case_init_empty() {
	expect_ok ntm init --empty --commune "Xã Thử"
	expect_stdout_is "Đã tạo $NTM_DB (trống: chưa có kế hoạch, nhiệm vụ, thôn)."
	status_json
	expect_json 'd["plan"]' null
	expect_json 'd["unit"]' "Xã Thử"
	expect_json 'd["villages"]' '[]'
	expect_json 'd["criteria_total"]' 19
	expect_json 'd["tasks_total"]' 0
	expect_json 'len([i for i in inds() if i["plan_own"]])' 0
	expect_exit 0 ntm village list
	expect_stdout_lines 0
	expect_stderr_has "Xã chưa có thôn nào"
}

case_init_empty_default_name() {
	expect_ok ntm init --empty
	status_json
	expect_json 'isinstance(d["unit"], str) and len(d["unit"].strip()) > 0' true
	expect_json 'd["villages"]' '[]'
}

case_init_commune_needs_empty() {
	expect_exit 2 ntm init --commune "Xã Thử"
	expect_stderr_has "--commune"
	[ ! -e "$NTM_DB" ] || fail "init --commune without --empty created the file"
}

case_init_refuses_empty_commune_name() {
	expect_exit 2 ntm init --empty --commune ""
	[ ! -e "$NTM_DB" ] || fail "init --empty --commune \"\" created a database (commune named \"$(q 'SELECT name FROM unit' 2>/dev/null)\")"
	expect_exit 2 ntm --db "$T/blank.db" init --empty --commune "   "
	[ ! -e "$T/blank.db" ] || fail "init --empty --commune \"   \" created a database"
}

case_init_refuses_bad_commune_text() {
	expect_exit 2 ntm init --empty --commune "$(printf 'X\033[2Jã')"
	[ ! -e "$NTM_DB" ] || fail "a name with a control character created the file"
	expect_exit 2 ntm init --empty --commune "$(printf '\377')"
	[ ! -e "$NTM_DB" ] || fail "a name that is not UTF-8 created the file"
}

case_init_umask_002() {
	(umask 002 && ntm init >/dev/null 2>&1)
	expect_eq "mode of the new file (umask 002)" "$(stat -c %a "$NTM_DB" 2>&1)" 664
}

case_init_umask_022() {
	(umask 022 && ntm init >/dev/null 2>&1)
	expect_eq "mode of the new file (umask 022)" "$(stat -c %a "$NTM_DB" 2>&1)" 644
}

case_init_umask_077() {
	(umask 077 && ntm init >/dev/null 2>&1)
	expect_eq "mode of the new file (umask 077)" "$(stat -c %a "$NTM_DB" 2>&1)" 600
}

case_init_force_keeps_umask() {
	(umask 002 && ntm init >/dev/null 2>&1 && ntm init --force >/dev/null 2>&1)
	expect_eq "mode after init --force (umask 002)" "$(stat -c %a "$NTM_DB" 2>&1)" 664
}

case_init_db_option() {
	expect_ok ntm --db "$T/other.db" init
	[ -f "$T/other.db" ] || fail "--db other.db was not created"
	[ ! -e "$NTM_DB" ] || fail "\$NTM_DB was created although --db was given"
}
