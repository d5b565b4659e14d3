# Faults around the file itself (issue 10): a viewer that writes nothing,
# a first init cut short, a full disk, a file replaced while in use.

# hold_open DB SECONDS READY: another process keeps DB open (idle, in WAL
# mode); READY is created once it does. Sets HOLDER_PID.
hold_open() {
	python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("SELECT count(*) FROM unit").fetchall()
open(sys.argv[3], "w").close()
time.sleep(float(sys.argv[2]))
' "$1" "$2" "$3" &
	HOLDER_PID=$!
}

case_read_only_creates_no_default_file() {
	unset NTM_DB
	expect_exit 1 ntm --read-only status
	expect_stderr_has "--read-only không tạo tệp mới"
	expect_stderr_has "ntm init"
	[ ! -e "$XDG_DATA_HOME/ntm/ntm.db" ] || fail "the default file was created"
	[ ! -d "$XDG_DATA_HOME/ntm" ] || fail "the default folder was created"
}

case_read_only_leaves_no_wal_or_shm() {
	fresh_db
	expect_ok ntm --read-only status
	expect_ok ntm --read-only checklist "Cự Đình"
	expect_ok ntm --read-only log
	for s in -wal -shm; do
		[ ! -e "$NTM_DB$s" ] || fail "--read-only left $NTM_DB$s"
	done
	# and sees a writer's committed change while the writer is still there
	hold_open "$NTM_DB" 5 "$T/ready"
	wait_for "$T/ready" || fail "holder did not start"
	expect_ok ntm set 12.2 61
	expect_ok ntm --read-only status --format json
	expect_stdout_has '"code":"12.2"'
	expect_stdout_has '61'
	kill "$HOLDER_PID" 2>/dev/null; wait "$HOLDER_PID" 2>/dev/null
}

case_half_made_file_says_how_to_recover() {
	: >"$NTM_DB"
	expect_exit 1 ntm status
	expect_stderr_has "chưa được tạo xong"
	expect_stderr_has "ntm init --force"
	expect_ok ntm init --force
	expect_ok ntm status
}

# kill -9 of a first init at random moments: afterwards the file is either
# absent or whole, never half made.
case_interrupted_init_leaves_nothing_half_made() {
	local i
	for i in 1 2 3 4 5 6; do
		rm -f "$NTM_DB" "$NTM_DB".partial-*
		"$NTM" init >/dev/null 2>&1 & local pid=$!
		sleep "0.0$((RANDOM % 9))"
		kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
		if [ -e "$NTM_DB" ]; then
			expect_ok ntm check
		fi
	done
}

case_init_force_refused_while_open() {
	fresh_db
	expect_ok ntm set 12.2 70
	hold_open "$NTM_DB" 10 "$T/ready"
	wait_for "$T/ready" || fail "holder did not start"
	expect_exit 1 ntm init --force
	expect_stderr_has "đang được mở ở nơi khác"
	expect_db "SELECT count(*) FROM measurement" 1
	kill "$HOLDER_PID" 2>/dev/null; wait "$HOLDER_PID" 2>/dev/null
	expect_ok ntm init --force
	expect_db "SELECT count(*) FROM measurement" 0
}

case_backup_honours_umask_and_is_whole() {
	fresh_db
	(umask 027; "$NTM" backup "$T/b.db") || fail "backup failed"
	[ "$(stat -c %a "$T/b.db")" = 640 ] || fail "backup mode $(stat -c %a "$T/b.db"), expected 640"
	expect_exit 1 ntm backup "$T/missing/b.db"
	expect_stderr_has "thư mục “$T/missing” không tồn tại"
	ls "$T"/missing* >/dev/null 2>&1 && fail "a partial backup was left"
	return 0
}

# Needs root to mount a small tmpfs; skipped (passes) elsewhere.
case_disk_full_reads_still_work() {
	[ "$(id -u)" = 0 ] || return 0
	mkdir "$T/small"
	mount -t tmpfs -o size=640k tmpfs "$T/small" 2>/dev/null || return 0
	fresh_db "$T/small/a.db"
	dd if=/dev/zero of="$T/small/fill" bs=1k count=2000 2>/dev/null
	local db=$T/small/a.db
	expect_ok ntm --db "$db" status
	expect_stdout_has "Việt Hưng"
	expect_ok ntm --db "$db" --read-only status
	expect_ok ntm --db "$db" check
	expect_exit 1 ntm --db "$db" set 12.2 50
	expect_stderr_has "đĩa đầy"
	expect_stderr_not_has "I/O"
	expect_exit 1 ntm --db "$db" backup "$T/small/b.db"
	expect_stderr_has "đĩa đầy"
	[ ! -e "$T/small/b.db" ] || fail "a partial backup was left on the full disk"
	umount "$T/small"
}

# One limit per kind of text, in the store, whoever calls (issue 10).
case_length_limits() {
	fresh_db
	local long
	long=$(head -c 10001 /dev/zero | tr '\0' 'a')
	expect_exit 2 ntm set 12.2 50 --note "$long"
	expect_stderr_has "10000"
	expect_db "SELECT count(*) FROM measurement" 0
	expect_ok ntm set 12.2 50 --note "${long:1}"
	NTM_USER=$(head -c 101 /dev/zero | tr '\0' 'b') expect_exit 1 ntm set 12.2 51
	expect_stderr_has "NTM_USER"
	NTM_USER=$'An\e]0;x\a' expect_exit 1 ntm set 12.2 51
	expect_stderr_has "NTM_USER"
	expect_db "SELECT count(*) FROM measurement" 1
	# a huge argument is cut in the message, never echoed whole
	expect_exit 1 ntm checklist "$(head -c 130000 /dev/zero | tr '\0' x)"
	[ "$(wc -c <"$ERR")" -lt 2000 ] || fail "the message echoed $(wc -c <"$ERR") bytes"
	expect_stderr_has "…"
	NTM_USER="Nguyễn Văn An" expect_ok ntm set 12.2 52
	expect_db "SELECT count(*) FROM audit WHERE person = 'Nguyễn Văn An'" 1
}

# Error messages echo what was typed through the sanitiser (issue 10).
case_errors_echo_arguments_safely() {
	fresh_db
	expect_exit 1 ntm status --db "$T/x$(printf '\033]0;pwn\007').db"
	expect_stderr_has "␛]0;pwn␇"
	expect_exit 2 ntm status --format "x$(printf '\033[2J')"
	expect_stderr_has "␛[2J"
	expect_exit 2 ntm help "st$(printf '\033[2J')"
	for f in "$ERR"; do
		if grep -q "$(printf '\033')" "$f"; then fail "ESC reached stderr"; fi
	done
	# -inf and -1e309 are bad values, not unknown options
	expect_exit 2 ntm set 10 -inf
	expect_stderr_has "giá trị không được âm: -inf"
	expect_exit 2 ntm set 10 -1e309
	expect_stderr_has "-1e309"
	expect_stderr_not_has "tùy chọn"
	expect_db "SELECT count(*) FROM measurement" 0
}
