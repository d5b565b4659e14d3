# Where the database is and who is working: --db, $NTM_DB, the config file
# ($XDG_CONFIG_HOME/ntm/config), the default $XDG_DATA_HOME/ntm/ntm.db.

# config LINES…: writes the user's config file.
config() {
	mkdir -p "$XDG_CONFIG_HOME/ntm"
	printf '%s\n' "$@" >"$XDG_CONFIG_HOME/ntm/config"
}

case_config_db_and_name() {
	unset NTM_DB
	config "db = ~/office.db" "name = Trần Thị Bình"
	expect_ok ntm init
	expect_stdout_is "Đã tạo $HOME/office.db."
	[ -f "$HOME/office.db" ] || fail "no $HOME/office.db"
	expect_ok ntm set 12.2 50
	expect_db "SELECT person, os_user FROM audit" "Trần Thị Bình|$(me)" "$HOME/office.db"
	expect_db "SELECT recorded_by FROM measurement" "Trần Thị Bình" "$HOME/office.db"
	expect_ok ntm log
	expect_stdout_has "Trần Thị Bình ($(me))"
}

case_config_comments_and_blanks() {
	unset NTM_DB
	config "# văn phòng UBND xã" "" "   db=~/office.db   " "; ghi chú" "name=Trần Thị Bình"
	expect_ok ntm init
	[ -f "$HOME/office.db" ] || fail "no $HOME/office.db"
	expect_ok ntm set 12.2 50
	expect_db "SELECT person FROM audit" "Trần Thị Bình" "$HOME/office.db"
}

case_config_db_option_overrides() {
	unset NTM_DB
	config "db = ~/office.db"
	expect_ok ntm --db "$T/other.db" init
	[ -f "$T/other.db" ] || fail "--db other.db was not created"
	[ ! -e "$HOME/office.db" ] || fail "the config's file was created although --db was given"
}

case_config_env_overrides() {
	config "db = ~/office.db"
	NTM_DB=$T/env.db expect_ok ntm init
	[ -f "$T/env.db" ] || fail "\$NTM_DB env.db was not created"
	[ ! -e "$HOME/office.db" ] || fail "the config's file was created although \$NTM_DB was set"
	NTM_DB=$T/env.db expect_ok ntm set 12.2 50
	expect_db "SELECT count(*) FROM measurement" 1 "$T/env.db"
}

case_config_ntm_user_overrides_name() {
	unset NTM_DB
	config "db = ~/office.db" "name = Trần Thị Bình"
	expect_ok ntm init
	NTM_USER="Nguyễn Văn An" expect_ok ntm set 12.2 50
	expect_db "SELECT person FROM audit" "Nguyễn Văn An" "$HOME/office.db"
}

case_config_xdg_fallback_to_home() {
	unset NTM_DB XDG_CONFIG_HOME
	mkdir -p "$HOME/.config/ntm"
	printf 'db = ~/office.db\n' >"$HOME/.config/ntm/config"
	expect_ok ntm init
	[ -f "$HOME/office.db" ] || fail "\$HOME/.config/ntm/config was not read"
}

case_default_path_created_by_status() {
	unset NTM_DB
	export XDG_DATA_HOME=$T/data/deep/share
	local db=$XDG_DATA_HOME/ntm/ntm.db
	expect_exit 0 ntm status
	[ -f "$db" ] || fail "$db was not created"
	expect_stdout_first "Xã Việt Hưng (huyện Văn Lâm, tỉnh Hưng Yên) — Kế hoạch 32/KH-UBND năm 2024"
	expect_eq "stderr lines" "$(wc -l <"$ERR")" 1
	expect_stderr_has "ntm: đã tạo cơ sở dữ liệu mới $db"
	expect_ok ntm status
	expect_stdout_first "Xã Việt Hưng (huyện Văn Lâm, tỉnh Hưng Yên) — Kế hoạch 32/KH-UBND năm 2024"
	expect_db "SELECT count(*) FROM plan WHERE number = '32/KH-UBND' AND year = 2024" 1 "$db"
}

case_default_path_created_by_set() {
	unset NTM_DB
	local db=$XDG_DATA_HOME/ntm/ntm.db
	expect_exit 0 ntm set 12.2 50
	expect_stderr_has "đã tạo cơ sở dữ liệu mới"
	expect_db "SELECT count(*) FROM measurement" 1 "$db"
}

case_default_path_home_fallback() {
	unset NTM_DB XDG_DATA_HOME
	expect_exit 0 ntm status
	[ -f "$HOME/.local/share/ntm/ntm.db" ] || fail "\$HOME/.local/share/ntm/ntm.db was not created"
}

case_default_path_init() {
	unset NTM_DB
	export XDG_DATA_HOME=$T/fresh/share
	expect_ok ntm init
	[ -f "$XDG_DATA_HOME/ntm/ntm.db" ] || fail "init did not create $XDG_DATA_HOME/ntm/ntm.db"
	expect_ok ntm status
}

case_default_path_not_created_on_usage_error() {
	unset NTM_DB
	expect_exit 2 ntm set 12.2 abc --date 2024-02-30
	expect_exit 2 ntm nosuch
	[ ! -e "$XDG_DATA_HOME/ntm" ] || fail "a usage error created $XDG_DATA_HOME/ntm"
}

case_default_path_relative_xdg_ignored() {
	# man ntm: XDG_DATA_HOME must be absolute, else ~/.local/share is used.
	unset NTM_DB
	export XDG_DATA_HOME=relative/share
	expect_exit 0 ntm status
	[ -f "$HOME/.local/share/ntm/ntm.db" ] || fail "\$HOME/.local/share/ntm/ntm.db was not created"
	[ ! -e "$T/relative" ] || fail "a relative XDG_DATA_HOME was used"
}
