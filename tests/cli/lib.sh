# Helpers for the command-line tests (bash). Sourced by run.sh before each
# tests/cli/t_*.sh file.
#
# A test case is a function named case_NAME in a t_*.sh file. run.sh calls
# each one in a subshell whose current directory is a fresh temporary
# directory $T (removed afterwards), with
#   NTM_DB=$T/ntm.db (not created: call fresh_db or ntm init)
#   HOME=$T/home  XDG_CONFIG_HOME=$T/home/.config  XDG_DATA_HOME=$T/home/.local/share
#   LC_ALL=C.UTF-8  TZ=UTC  and NTM_USER, NTM_BUSY_TIMEOUT_MS unset.
# Assertions record failures with `fail`; a case passes when it recorded
# none. Assertions never write to a database: queries go through
# `sqlite3 -readonly` (only a few cases prepare a file with the sqlite3
# shell, e.g. PRAGMA user_version = 99, outside any ntm action, so the audit
# triggers stay silent).

# The shared helpers (tests/lib), also when a case runs in a clean shell.
: "${TESTS_LIB:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../lib" && pwd)}"

# ---- running ntm -----------------------------------------------------------

# ntm ARGS…: the program under test (killed if it hangs for 30 s).
ntm() {
	if [ -n "${TIMEOUT_CMD:-}" ]; then
		$TIMEOUT_CMD "$NTM" "$@"
	else
		"$NTM" "$@"
	fi
}

# run CMD…: runs CMD; stdout in $OUT, stderr in $ERR, exit code in $RC.
run() {
	LAST_CMD="$*"
	"$@" >"$OUT" 2>"$ERR"
	RC=$?
	return 0
}

# ---- recording -------------------------------------------------------------

# fail [NAME] WHY: records a failure of the current case.
fail() {
	local name=$CASE why
	if [ $# -ge 2 ]; then name=$1; why=$2; else why=$1; fi
	printf '%s: %s\n' "$name" "$why" >>"$CASE_FAILS"
	return 1
}

# ok NAME: notes a check that passed (shown with NTM_CLI_VERBOSE=1).
ok() {
	[ "${NTM_CLI_VERBOSE:-0}" = 1 ] && printf '%s: ok\n' "$1" >>"$CASE_OKS"
	return 0
}

# Context for a failure message: the last command, its code and stderr.
_ctx() {
	local e
	e=$(head -c 400 "$ERR" 2>/dev/null | tr '\n' '|')
	printf '[`%s` exit %s; stderr: %s]' "$LAST_CMD" "$RC" "${e:-(empty)}"
}

# ---- exit codes and stderr -------------------------------------------------

# expect_exit CODE CMD…: runs CMD and wants exit CODE. A failure (CODE > 0)
# must print exactly one line on stderr, starting with "ntm: ".
expect_exit() {
	local want=$1
	shift
	run "$@"
	if [ "$RC" != "$want" ]; then
		fail "\`$*\`: exit $RC, expected $want $(_ctx)"
		return 1
	fi
	if [ "$want" != 0 ]; then
		local n first
		n=$(wc -l <"$ERR")
		first=$(head -n 1 "$ERR")
		case $first in
		"ntm: "?*) ;;
		*) fail "\`$*\`: stderr should be one line \"ntm: …\", got: $(head -c 300 "$ERR")"; return 1 ;;
		esac
		[ "$n" = 1 ] || { fail "\`$*\`: stderr has $n lines, expected 1 $(_ctx)"; return 1; }
	fi
	return 0
}

# expect_ok CMD…: exit 0 and nothing on stderr.
expect_ok() {
	expect_exit 0 "$@" || return 1
	[ ! -s "$ERR" ] || { fail "\`$*\`: unexpected stderr: $(head -c 300 "$ERR")"; return 1; }
}

# expect_rc CODE: the exit code of the last `run`.
expect_rc() {
	[ "$RC" = "$1" ] || fail "exit $RC, expected $1 $(_ctx)"
}

# expect_stderr_has TEXT: stderr contains TEXT (fixed string).
expect_stderr_has() {
	grep -Fq -- "$1" "$ERR" || fail "stderr lacks \"$1\" $(_ctx)"
}

# expect_stderr_match ERE: stderr matches the extended regexp.
expect_stderr_match() {
	grep -Eq -- "$1" "$ERR" || fail "stderr does not match /$1/ $(_ctx)"
}

expect_stderr_not_has() {
	! grep -Fq -- "$1" "$ERR" || fail "stderr should not contain \"$1\" $(_ctx)"
}

expect_stderr_empty() {
	[ ! -s "$ERR" ] || fail "stderr should be empty $(_ctx)"
}

# ---- stdout ----------------------------------------------------------------

# expect_stdout_line LINE: some line of stdout is exactly LINE.
expect_stdout_line() {
	grep -Fxq -- "$1" "$OUT" ||
		fail "\`$LAST_CMD\`: no stdout line \"$1\"; stdout began: $(head -n 3 "$OUT" | tr '\n' '|')"
}

# expect_no_stdout_line LINE
expect_no_stdout_line() {
	! grep -Fxq -- "$1" "$OUT" || fail "\`$LAST_CMD\`: stdout should not have the line \"$1\""
}

# expect_stdout_first LINE: the first line of stdout is exactly LINE.
expect_stdout_first() {
	local got
	got=$(head -n 1 "$OUT")
	[ "$got" = "$1" ] || fail "\`$LAST_CMD\`: first line \"$got\", expected \"$1\""
}

# expect_stdout_nth N LINE
expect_stdout_nth() {
	local got
	got=$(sed -n "$1p" "$OUT")
	[ "$got" = "$2" ] || fail "\`$LAST_CMD\`: line $1 is \"$got\", expected \"$2\""
}

# expect_stdout_lines N: stdout has exactly N lines.
expect_stdout_lines() {
	local n
	n=$(wc -l <"$OUT")
	[ "$n" = "$1" ] || fail "\`$LAST_CMD\`: $n stdout lines, expected $1"
}

expect_stdout_has() {
	grep -Fq -- "$1" "$OUT" || fail "\`$LAST_CMD\`: stdout lacks \"$1\""
}

expect_stdout_not_has() {
	! grep -Fq -- "$1" "$OUT" || fail "\`$LAST_CMD\`: stdout should not contain \"$1\""
}

expect_stdout_match() {
	grep -Eq -- "$1" "$OUT" || fail "\`$LAST_CMD\`: stdout does not match /$1/"
}

# expect_stdout_is TEXT: the whole stdout is TEXT (one trailing newline).
expect_stdout_is() {
	local want got
	want=$(printf '%s\n' "$1" | od -An -c | tr -s ' \n' ' ')
	got=$(od -An -c <"$OUT" | tr -s ' \n' ' ')
	[ "$got" = "$want" ] || fail "\`$LAST_CMD\`: stdout is \"$(head -c 300 "$OUT")\", expected \"$1\""
}

# ---- values ----------------------------------------------------------------

# expect_eq WHAT GOT WANT
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: got \"$2\", expected \"$3\""
}

# ---- the database ----------------------------------------------------------

# fresh_db [PATH]: a database as `ntm init` makes it (a copy of the run's
# template), at PATH or $NTM_DB.
fresh_db() {
	cp "$TEMPLATE_DB" "${1:-$NTM_DB}"
}

# q SQL [DB]: a read-only query; prints the result.
q() {
	sqlite3 -readonly "${2:-$NTM_DB}" "$1" 2>&1
}

# expect_db SQL WANT [DB]: the query's output equals WANT.
expect_db() {
	local got
	got=$(q "$1" "${3:-$NTM_DB}")
	[ "$got" = "$2" ] || fail "SQL \`$1\`: got \"$got\", expected \"$2\""
}

# measurements: the number of rows in the measurement table.
measurements() {
	q 'SELECT count(*) FROM measurement' "${1:-$NTM_DB}"
}

# sum_of FILE: a checksum of the file's bytes.
sum_of() {
	cksum <"$1" 2>/dev/null || echo missing
}

# ---- JSON ------------------------------------------------------------------

# jv EXPR: evaluates a Python expression over the JSON on stdout (as d);
# ind("12.2") is that indicator's object. Strings print as they are,
# anything else as JSON (null, true, 86.5).
jv() {
	python3 "$TESTS_LIB/jsonq.py" "$OUT" "$1"
}

# expect_json EXPR WANT: over the last stdout.
expect_json() {
	local got
	got=$(jv "$1")
	[ "$got" = "$2" ] || fail "JSON $1: got \"$got\", expected \"$2\""
}

# status_json: runs `ntm status --format json` (must succeed).
status_json() {
	expect_ok ntm status --format json "$@"
}

# ---- misc ------------------------------------------------------------------

today() { date +%Y-%m-%d; }
# Today as messages write it: dd/mm/yyyy.
today_dmy() { date +%d/%m/%Y; }

me() { id -un; }

# nfd TEXT: TEXT in Unicode normalization form D (decomposed).
nfd() {
	python3 -c 'import sys, unicodedata; sys.stdout.write(unicodedata.normalize("NFD", sys.argv[1]))' "$1"
}

# wait_for FILE [SECONDS]: waits until FILE exists (default 5 s).
wait_for() {
	local i=0 n=$(( ${2:-5} * 20 ))
	while [ ! -e "$1" ] && [ $i -lt $n ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ -e "$1" ]
}

# hold_write_lock DB SECONDS READY: another process holds a write
# transaction on DB; READY is created once it does. Sets HOLDER_PID.
hold_write_lock() {
	python3 "$TESTS_LIB/hold_lock.py" "$1" "$2" "$3" &
	HOLDER_PID=$!
}
