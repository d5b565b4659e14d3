# The command line itself: help, version, unknown commands and options.

MAIN_USAGE_FIRST="ntm — theo dõi Chương trình MTQG xây dựng nông thôn mới của xã"

case_help_long_option() {
	expect_ok ntm --help
	expect_stdout_first "$MAIN_USAGE_FIRST"
	expect_stdout_line "Lệnh:"
	expect_stdout_line "Cách dùng: ntm [--db TỆP] [--unit XÃ] LỆNH [THAM SỐ…]"
}

case_help_short_option() {
	expect_ok ntm -h
	expect_stdout_first "$MAIN_USAGE_FIRST"
	expect_stdout_line "Lệnh:"
}

case_help_command_without_topic() {
	expect_ok ntm help
	expect_stdout_first "$MAIN_USAGE_FIRST"
	expect_stdout_line "Tùy chọn chung:"
}

case_help_does_not_touch_database() {
	expect_ok ntm --help
	[ ! -e "$NTM_DB" ] || fail "--help created $NTM_DB"
	[ ! -e "$XDG_DATA_HOME/ntm" ] || fail "--help created $XDG_DATA_HOME/ntm"
}

# The version is the Makefile's (one place), with the schema of the files
# it writes: the one a file made by init has.
case_version() {
	local version schema
	version=$(sed -n 's/^VERSION *:= *//p' "$TESTS_LIB/../../Makefile")
	expect_ok ntm init
	schema=$(q "PRAGMA user_version")
	expect_ok ntm --version
	expect_stdout_lines 1
	expect_stdout_is "ntm $version (lược đồ $schema)"
	expect_ok ntm -V
	expect_stdout_is "ntm $version (lược đồ $schema)"
}

case_help_set() {
	expect_ok ntm help set
	expect_stdout_first "Cách dùng: ntm set MÃ GIÁ_TRỊ [--date NGÀY] [--note GHI_CHÚ] [--force]"
	expect_stdout_nth 2 "       ntm set MÃ --retract"
	expect_stdout_has "30/6/2024"
}

case_help_option_after_command() {
	expect_ok ntm set --help
	expect_stdout_first "Cách dùng: ntm set MÃ GIÁ_TRỊ [--date NGÀY] [--note GHI_CHÚ] [--force]"
	expect_ok ntm checklist --help
	expect_stdout_first "Cách dùng: ntm checklist THÔN [--add TIÊU_ĐỀ] [--done MỤC] [--undone MỤC]"
}

case_help_every_command() {
	local c
	for c in init status set target checklist village log backup check help; do
		expect_ok ntm help "$c"
		expect_stdout_match "^Cách dùng: ntm $c"
	done
}

case_help_unknown_topic() {
	expect_exit 2 ntm help nosuch
	expect_stderr_has "nosuch"
	[ ! -s "$OUT" ] || fail "help nosuch printed on stdout"
}

case_unknown_command() {
	fresh_db
	expect_exit 2 ntm nosuch
	expect_stderr_has "không có lệnh “nosuch”"
}

# A mistyped command suggests the nearest one (issue 9).
case_unknown_command_suggests() {
	fresh_db
	expect_exit 2 ntm stauts
	expect_stderr_has "không có lệnh “stauts”; có phải ý bạn là status?"
	expect_exit 2 ntm chekclist
	expect_stderr_has "có phải ý bạn là checklist?"
	expect_exit 2 ntm help vilage
	expect_stderr_has "có phải ý bạn là village?"
	expect_exit 2 ntm zzzzzzzz
	expect_stderr_not_has "có phải"
	expect_db "SELECT count(*) FROM audit" 0
}

case_unknown_option() {
	fresh_db
	expect_exit 2 ntm --bogus
	expect_stderr_has "--bogus"
	expect_exit 2 ntm status --bogus
	expect_stderr_has "--bogus"
}

case_option_missing_value() {
	fresh_db
	expect_exit 2 ntm set 12.2 50 --note
	expect_exit 2 ntm status --format
	expect_db "SELECT count(*) FROM measurement" 0
}

case_option_not_for_command() {
	fresh_db
	expect_exit 2 ntm log --date 2024-01-01
	expect_stderr_has "--date"
	expect_stderr_has "log"
	expect_exit 2 ntm status --note x
	expect_stderr_has "--note"
	expect_exit 2 ntm set 12.2 50 --limit 3
	expect_stderr_has "--limit"
	expect_db "SELECT count(*) FROM measurement" 0
}

case_wrong_argument_count() {
	fresh_db
	expect_exit 2 ntm set
	expect_exit 2 ntm set 12.2 50 60
	expect_exit 2 ntm status extra
	expect_exit 2 ntm checklist
	expect_exit 2 ntm backup
	expect_exit 2 ntm village add
	expect_exit 2 ntm village frobnicate
	expect_db "SELECT count(*) FROM measurement" 0
}

case_bad_limit() {
	fresh_db
	expect_exit 2 ntm log --limit 0
	expect_stderr_has "--limit"
	expect_exit 2 ntm log --limit abc
	expect_exit 2 ntm log --limit -3
}

case_status_is_default_command() {
	fresh_db
	expect_ok ntm
	expect_stdout_first "Xã Việt Hưng (huyện Văn Lâm, tỉnh Hưng Yên) — Kế hoạch 32/KH-UBND năm 2024"
}

case_bad_format() {
	fresh_db
	expect_exit 2 ntm status --format xml
	expect_stderr_has "xml"
	expect_exit 2 ntm checklist "Cự Đình" --format csv
	expect_stderr_has "csv"
}

case_option_forms_and_places() {
	fresh_db "$T/x.db"
	expect_ok ntm --db="$T/x.db" status --format=json
	expect_json 'd["unit"]' "Việt Hưng"
	expect_ok ntm status --db "$T/x.db" --format csv
	expect_stdout_lines 67
	expect_ok ntm set 12.2 --db "$T/x.db" 50 --note="giữa các tham số"
	expect_db "SELECT value, note FROM measurement" "50.0|giữa các tham số" "$T/x.db"
}
