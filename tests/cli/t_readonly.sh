# A database the user may read but not write. Under root (as in CI) ntm
# runs as nobody (setpriv or runuser) on a root-owned copy in a root-owned
# folder; otherwise the file and folder are made read-only with chmod.

# ro_setup: copies a database with one value into $RO/a.db, where the test
# user can read but not write; sets RO, RODB, AS (the command prefix that
# runs as that user) and RONTM (a binary that user can run). Fails the case
# (returns 1) when there is no way to do it.
ro_setup() {
	local base=$T
	RONTM=$NTM
	AS=
	if [ "$(id -u)" = 0 ]; then
		if command -v setpriv >/dev/null 2>&1; then
			AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
		elif command -v runuser >/dev/null 2>&1; then
			AS="runuser -u nobody --"
		else
			fail "running as root without setpriv or runuser: cannot test as an ordinary user"
			return 1
		fi
		chmod 755 "$T"
		if ! $AS test -x "$T"; then
			# $TMPDIR is not open to others: use a folder of our own in /tmp.
			base=$(mktemp -d /tmp/ntm-cli-ro.XXXXXX) || return 1
			chmod 755 "$base"
			RO_EXTRA=$base
		fi
		mkdir -p "$base/bin"
		cp "$NTM" "$base/bin/ntm"
		chmod 755 "$base/bin" "$base/bin/ntm"
		RONTM=$base/bin/ntm
	fi
	RO=$base/ro
	RODB=$RO/a.db
	mkdir "$RO"
	fresh_db "$RODB"
	ntm --db "$RODB" set 12.2 50 >/dev/null 2>&1 || { fail "could not prepare $RODB"; return 1; }
	if [ "$(id -u)" = 0 ]; then
		chmod 755 "$RO"
		chmod 644 "$RODB"
		$AS test -r "$RODB" || { fail "the test user cannot read $RODB"; return 1; }
		! $AS test -w "$RODB" || { fail "the test user can write $RODB"; return 1; }
	else
		chmod a-w "$RODB" "$RO"
	fi
	# Reading must not depend on files a writer left: none are here.
	[ ! -e "$RODB-wal" ] && [ ! -e "$RODB-shm" ] || { fail "-wal/-shm left by the setup"; return 1; }
	RO_SUM=$(sum_of "$RODB")
	return 0
}

ro_cleanup() {
	chmod -R u+w "$RO" 2>/dev/null
	[ -n "${RO_EXTRA:-}" ] && rm -rf "$RO_EXTRA"
	return 0
}

# as_user ARGS…: ntm as the test user, on the read-only database.
as_user() {
	$AS "$RONTM" --db "$RODB" "$@"
}

case_readonly_user_can_read() {
	ro_setup || return
	expect_ok as_user status
	expect_stdout_first "Xã Việt Hưng (huyện Văn Lâm, tỉnh Hưng Yên) — Kế hoạch 32/KH-UBND năm 2024"
	expect_ok as_user status --format json
	expect_json 'ind("12.2")["value"]' 50
	expect_ok as_user checklist "Cự Đình"
	expect_stdout_first "Cự Đình: 0/10"
	expect_ok as_user log
	expect_stdout_lines 1
	expect_ok as_user village list
	expect_stdout_lines 2
	expect_eq "checksum after reading" "$(sum_of "$RODB")" "$RO_SUM"
	ro_cleanup
}

case_readonly_user_cannot_write() {
	ro_setup || return
	expect_exit 1 as_user set 12.2 80
	expect_stderr_has "chỉ xem"
	expect_exit 1 as_user checklist "Cự Đình" --done 1
	expect_stderr_has "chỉ xem"
	expect_exit 1 as_user village add "Đình Dù"
	expect_stderr_has "chỉ xem"
	expect_eq "checksum after refused writes" "$(sum_of "$RODB")" "$RO_SUM"
	ro_cleanup
	expect_db "SELECT count(*) FROM measurement" 1 "$RODB"
	expect_db "SELECT count(*) FROM checklist_item WHERE done = 1" 0 "$RODB"
}

case_readonly_file_in_writable_folder() {
	ro_setup || return
	# The folder is writable, the file is not.
	if [ "$(id -u)" = 0 ]; then chmod 1777 "$RO"; else chmod u+w "$RO"; fi
	expect_ok as_user status
	expect_stdout_first "Xã Việt Hưng (huyện Văn Lâm, tỉnh Hưng Yên) — Kế hoạch 32/KH-UBND năm 2024"
	expect_exit 1 as_user set 12.2 80
	expect_stderr_has "chỉ xem"
	expect_eq "checksum after refused write" "$(sum_of "$RODB")" "$RO_SUM"
	ro_cleanup
	expect_db "SELECT count(*) FROM measurement" 1 "$RODB"
}

case_readonly_user_reads_beside_leftover_files() {
	# The owner looked with --read-only, which leaves an empty -wal and a
	# -shm the test user cannot write; reading must still work.
	ro_setup || return
	[ "$(id -u)" = 0 ] && ntm --db "$RODB" --read-only status >/dev/null 2>&1
	[ "$(id -u)" = 0 ] && chmod 644 "$RODB"-* 2>/dev/null
	expect_ok as_user status
	expect_stdout_first "Xã Việt Hưng (huyện Văn Lâm, tỉnh Hưng Yên) — Kế hoạch 32/KH-UBND năm 2024"
	expect_ok as_user checklist "Cự Đình"
	expect_exit 1 as_user set 12.2 80
	expect_stderr_has "chỉ xem"
	ro_cleanup
	expect_db "SELECT count(*) FROM measurement" 1 "$RODB"
}
