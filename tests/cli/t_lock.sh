# Another writer holding the database; ntm killed in the middle of writing.

# lock_db SECONDS: holds a write lock on $NTM_DB from another process.
lock_db() {
	hold_write_lock "$NTM_DB" "$1" "$T/locked"
	wait_for "$T/locked" 10 || { fail "the other process did not take the lock"; return 1; }
}

unlock_db() {
	kill "$HOLDER_PID" 2>/dev/null
	wait "$HOLDER_PID" 2>/dev/null
	return 0
}

case_lock_write_refused() {
	fresh_db
	lock_db 10 || return
	local t0 t1
	t0=$(date +%s)
	NTM_BUSY_TIMEOUT_MS=300 expect_exit 1 ntm set 12.2 80
	t1=$(date +%s)
	expect_stderr_has "đang bị"
	[ $((t1 - t0)) -le 3 ] || fail "ntm waited $((t1 - t0)) s with NTM_BUSY_TIMEOUT_MS=300"
	NTM_BUSY_TIMEOUT_MS=300 expect_exit 1 ntm checklist "Cự Đình" --done 1
	expect_stderr_has "đang bị"
	unlock_db
	expect_db "SELECT count(*) FROM measurement" 0
	expect_db "SELECT count(*) FROM audit" 0
	expect_db "SELECT count(*) FROM action_ctx" 0
	expect_ok ntm set 12.2 80
	expect_db "SELECT count(*) FROM measurement" 1
}

case_lock_message_states_timeout() {
	fresh_db
	lock_db 10 || return
	NTM_BUSY_TIMEOUT_MS=300 expect_exit 1 ntm set 12.2 80
	unlock_db
	# The wait was 0,3 s: not "0 giây"; and numbers are written the
	# Vietnamese way everywhere (man ntm: 86,5), so "0,3 giây".
	expect_stderr_not_has "quá 0 giây"
	expect_stderr_has "0,3 giây"
}

case_lock_waits_for_short_lock() {
	fresh_db
	lock_db 1 || return
	NTM_BUSY_TIMEOUT_MS=5000 expect_ok ntm set 12.2 80
	unlock_db
	expect_db "SELECT count(*) FROM measurement" 1
}

case_lock_readers_not_blocked() {
	fresh_db
	lock_db 10 || return
	NTM_BUSY_TIMEOUT_MS=300 expect_ok ntm status
	expect_stdout_first "Xã Việt Hưng (huyện Văn Lâm, tỉnh Hưng Yên) — Kế hoạch 32/KH-UBND năm 2024"
	NTM_BUSY_TIMEOUT_MS=300 expect_ok ntm checklist "Cự Đình"
	NTM_BUSY_TIMEOUT_MS=300 expect_ok ntm log
	unlock_db
}

case_lock_sqlite3_shell() {
	# The same with the sqlite3 shell as the other writer; it holds the
	# lock until its input (a FIFO) is closed.
	fresh_db
	mkfifo "$T/fifo" || { fail "mkfifo failed"; return; }
	sqlite3 "$NTM_DB" <"$T/fifo" >"$T/shell.out" 2>&1 &
	local shell=$!
	exec 3>"$T/fifo"
	echo 'BEGIN IMMEDIATE; SELECT 1;' >&3
	local i=0
	while [ ! -s "$T/shell.out" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	NTM_BUSY_TIMEOUT_MS=300 expect_exit 1 ntm set 12.2 80
	expect_stderr_has "đang bị"
	exec 3>&-
	wait "$shell" 2>/dev/null
	expect_db "SELECT count(*) FROM measurement" 0
	expect_ok ntm set 12.2 80
}

case_crash_safety() {
	fresh_db
	# A loop of writers in its own process group, killed with SIGKILL.
	command -v setsid >/dev/null 2>&1 || { fail "setsid is needed"; return; }
	: >"$T/ok.txt"
	NTM_DB=$NTM_DB setsid sh -c '
		i=0
		while :; do
			i=$((i + 1))
			"$0" set 12.2 $((i % 100)) --note "i$i" >/dev/null 2>&1 && echo "$i" >>"$1"
		done' "$NTM" "$T/ok.txt" &
	local loop=$!
	sleep 1
	kill -9 -- -"$loop" 2>/dev/null || kill -9 "$loop"
	wait "$loop" 2>/dev/null
	local n
	n=$(wc -l <"$T/ok.txt")
	[ "$n" -gt 0 ] || fail "no ntm set succeeded in 1 s"
	expect_ok ntm check
	expect_stdout_has "không có lỗi"
	local missing
	missing=$(for i in $(cat "$T/ok.txt"); do
		echo "SELECT 'missing i$i' WHERE NOT EXISTS (SELECT 1 FROM measurement WHERE note = 'i$i');"
	done | sqlite3 -readonly "$NTM_DB" 2>&1 | head -n 5)
	[ -z "$missing" ] || fail "values whose ntm set returned 0 are not in the database: $missing"
	expect_db "SELECT count(*) FROM action_ctx" 0
	expect_db "SELECT count(*) FROM measurement m WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.entity_id = m.id)" 0
	expect_ok ntm set 12.2 50
	expect_ok ntm check
}

case_concurrent_writers() {
	# Two writers at once: each waits for the other, nothing is lost.
	fresh_db
	local w
	for w in a b; do
		(
			i=0
			while [ $i -lt 15 ]; do
				i=$((i + 1))
				"$NTM" set 12.2 "$i" --note "$w$i" >/dev/null 2>>"$T/err.$w" || echo "$w$i" >>"$T/failed"
			done
		) &
	done
	wait
	[ ! -s "$T/failed" ] || fail "some concurrent ntm set failed: $(tr '\n' ' ' <"$T/failed") $(head -c 200 "$T/err.a" "$T/err.b")"
	expect_db "SELECT count(*), count(DISTINCT seq) FROM measurement" "30|30"
	expect_db "SELECT count(*), count(DISTINCT seq), count(DISTINCT action_id) FROM audit" "30|30|30"
	expect_ok ntm check
}
