# Helpers for the end-to-end tests of the full-screen program (bash).
# Sourced by run.sh in a fresh bash for each case_NAME of tests/tui/t_*.sh.
#
# Each case runs in its own temporary directory $T (removed afterwards):
#   DB=$T/ntm.db, made by `$NTM init --db "$DB"` before the case starts
#   HOME=$T/home, XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME,
#   XDG_CACHE_HOME under it; LC_ALL=C.UTF-8; TZ=UTC; NTM_USER, NTM_DB,
#   NO_COLOR, LANG, LANGUAGE, TMUX unset
# and its own tmux server on the socket $SOCK ($T/tmux.sock; config
# $T/tmux.conf: no status line, so the pane is exactly the window's size,
# and no user or system tmux configuration). run.sh kills that server and
# the program when the case ends, however it ends.
#
# The program runs in the tmux session "ntm" (see `start`), with
# TERM=xterm-256color unless the case gives another. Assertions record
# failures with `fail` (the screen is appended to the message when it
# helps); a case passes when it recorded none. Waiting is always polling
# (`wait_for`), never fixed sleeps.

# The shared helpers (tests/lib), also when a case runs in a clean shell.
: "${TESTS_LIB:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../lib" && pwd)}"

SESSION=ntm
POLL=0.05               # seconds between two looks at the screen
DEFAULT_WAIT=3          # seconds wait_for waits by default

# ---- recording ---------------------------------------------------------------

# fail WHY: records a failure of the current case.
fail() {
	printf '%s: %s\n' "$CASE" "$1" >>"$CASE_FAILS"
	return 1
}

# fail_screen WHY: a failure, with the screen as it is now.
fail_screen() {
	fail "$1"
	{
		echo "    --- screen ($(pane_size)) ---"
		screen | sed 's/^/    |/'
		echo "    ---"
	} >>"$CASE_FAILS"
	return 1
}

# ok WHAT: notes a check that passed (shown with NTM_TUI_VERBOSE=1).
ok() {
	[ "${NTM_TUI_VERBOSE:-0}" = 1 ] && printf '%s: ok\n' "$1" >>"$CASE_OKS"
	return 0
}

# step WHAT: a note in the case log (shown when the case fails).
step() {
	printf '[%s] %s\n' "$(date +%T.%N | cut -c1-12)" "$*" >>"$CASE_LOG"
}

# ---- tmux ----------------------------------------------------------------------

# tm ARGS…: tmux on this case's own server.
tm() {
	tmux -S "$SOCK" -f "$TCONF" "$@"
}

# start [-x COLS] [-y ROWS] [-s] [VAR=VALUE…] [--] [ARGS…]: runs
# `$NTM --db "$DB" ARGS…` in a new detached tmux session of COLS×ROWS
# (80×24), with the variables given added to the environment (TERM is
# xterm-256color unless given); -s: in a session of its own (setsid -w),
# so that no SIGHUP comes when the terminal goes away. Waits until the program has drawn
# something. The program's pid goes to $T/ntm.pid, its stderr to
# $T/ntm.stderr, its exit status (once it exits) to $T/ntm.rc. Starting
# again replaces the session (same database, same HOME).
start() {
	local cols=80 rows=24 v setsid=
	local -a envs=("TERM=xterm-256color")
	while [ $# -gt 0 ]; do
		case $1 in
		-s) setsid=" setsid -w"; shift ;;
		-x) cols=$2; shift 2 ;;
		-y) rows=$2; shift 2 ;;
		--) shift; break ;;
		[A-Za-z_]*=*) envs+=("$1"); shift ;;
		*) break ;;
		esac
	done
	# The program runs in a subshell that writes its pid and execs it; the
	# script waits for it and writes its exit status to $T/ntm.rc.
	{
		echo '#!/usr/bin/env bash'
		printf '( echo $BASHPID >%q; exec%s env' "$T/ntm.pid" "$setsid"
		for v in "${envs[@]}"; do printf ' %q' "$v"; done
		printf ' %q --db %q' "$NTM" "$DB"
		for v in "$@"; do printf ' %q' "$v"; done
		printf ' 2>>%q )\n' "$T/ntm.stderr"
		printf 'echo $? >%q\n' "$T/ntm.rc"
	} >"$T/run-ntm"
	chmod +x "$T/run-ntm"
	rm -f "$T/ntm.pid" "$T/ntm.rc"
	# a session of an earlier start (its pane dead, or hung up) goes first
	tm kill-session -t "$SESSION" >/dev/null 2>&1
	step "start ${envs[*]} -- $* (${cols}x${rows})"
	if ! tm new-session -d -s "$SESSION" -x "$cols" -y "$rows" "$T/run-ntm" 2>>"$CASE_LOG"; then
		fail "tmux could not start a session"
		return 1
	fi
	# the program is up once it has drawn something
	poll "" _drawn && return 0
	fail_screen "the program drew nothing within ${DEFAULT_WAIT}s (exit status: $(cat "$T/ntm.rc" 2>/dev/null || echo "none, still running"); stderr: $(head -c 300 "$T/ntm.stderr" 2>/dev/null | tr '\n' '|'))"
}

_drawn() { [ -n "$(screen | tr -d ' \n')" ]; }

# keys KEY…: tmux send-keys (key names: Enter Tab BSpace Escape C-r Up
# End F1 …). `keys -l TEXT` sends TEXT literally.
keys() {
	step "keys $*"
	tm send-keys -t "$SESSION" "$@"
}

# literal TEXT: types TEXT as it is (tmux send-keys -l).
literal() {
	step "literal $1"
	tm send-keys -t "$SESSION" -l -- "$1"
}

# hexkeys HH…: sends raw bytes, e.g. `hexkeys 1b 4f 42` (ESC O B).
hexkeys() {
	step "hexkeys $*"
	tm send-keys -t "$SESSION" -H "$@"
}

# screen: the screen as text (one line per row, trailing blanks cut).
screen() {
	tm capture-pane -p -t "$SESSION" 2>/dev/null
}

# screen_sgr: the screen with its attributes as escape sequences.
screen_sgr() {
	tm capture-pane -p -e -t "$SESSION" 2>/dev/null
}

_size_is() { [ "$(pane_size)" = "$1" ]; }

pane_size() {
	tm display-message -p -t "$SESSION" '#{pane_width}x#{pane_height}' 2>/dev/null ||
		echo "no pane"
}

# has TEXT: the screen contains TEXT (fixed string).
has() {
	screen | grep -Fq -- "$1"
}

# selected: the selected row, the first line marked ▸ (> without UTF-8).
selected() {
	screen | grep -m1 -E '^(▸|> )'
}

# poll SECONDS CMD…: runs CMD every $POLL seconds until it succeeds
# (true) or SECONDS have passed (false). SECONDS empty: $DEFAULT_WAIT.
poll() {
	local secs=${1:-$DEFAULT_WAIT} i=0 n
	shift
	n=$(awk "BEGIN{print int($secs/$POLL)}")
	while :; do
		"$@" && return 0
		[ $i -ge "$n" ] && return 1
		sleep "$POLL"
		i=$((i + 1))
	done
}

_lacks() { ! has "$1"; }
_sel_has() { selected | grep -Fq -- "$1"; }
_line_has() { screen | sed -n "${1}p" | grep -Fq -- "$2"; }
_differs() { [ "$(screen)" != "$1" ]; }

# wait_for TEXT [SECONDS]: waits until the screen contains TEXT (default
# 3 s); fails with the screen when it does not.
wait_for() {
	poll "${2:-}" has "$1" ||
		fail_screen "the screen did not show \"$1\" within ${2:-$DEFAULT_WAIT}s"
}

# wait_gone TEXT [SECONDS]: waits until TEXT is no longer on the screen.
wait_gone() {
	poll "${2:-}" _lacks "$1" ||
		fail_screen "\"$1\" stayed on the screen for ${2:-$DEFAULT_WAIT}s"
}

# wait_selected TEXT [SECONDS]: waits until the selected row contains TEXT.
wait_selected() {
	poll "${2:-}" _sel_has "$1" ||
		fail_screen "the selected row (▸) did not become one with \"$1\" within ${2:-$DEFAULT_WAIT}s"
}

# wait_line N TEXT [SECONDS]: waits until line N contains TEXT.
wait_line() {
	poll "${3:-}" _line_has "$1" "$2" ||
		fail_screen "line $1 did not show \"$2\" within ${3:-$DEFAULT_WAIT}s"
}

# wait_change BEFORE [SECONDS]: waits until the screen differs from BEFORE
# (no failure recorded: the caller says what it expected).
wait_change() {
	poll "${2:-}" _differs "$1"
}

# expect_screen TEXT: the screen contains TEXT now.
expect_screen() {
	has "$1" && return 0
	fail_screen "the screen should show \"$1\""
}

# expect_no_screen TEXT: the screen does not contain TEXT now.
expect_no_screen() {
	has "$1" || return 0
	fail_screen "the screen should not show \"$1\""
}

# expect_line N TEXT: line N of the screen (from 1) contains TEXT.
expect_line() {
	screen | sed -n "${1}p" | grep -Fq -- "$2" && return 0
	fail_screen "line $1 should contain \"$2\", it is \"$(screen | sed -n "${1}p")\""
}

# expect_selected TEXT: the selected row (▸) contains TEXT.
expect_selected() {
	selected | grep -Fq -- "$1" && return 0
	fail_screen "the selected row (▸) should contain \"$1\", it is \"$(selected)\""
}

# select_row TEXT [KEY] [MAX]: presses KEY (j) until the selected row
# contains TEXT, at most MAX (40) times.
select_row() {
	local key=${2:-j} max=${3:-40} i=0 before
	while [ $i -lt "$max" ]; do
		selected | grep -Fq -- "$1" && return 0
		before=$(screen)
		keys "$key"
		if ! wait_change "$before" 1; then
			fail_screen "pressing $key to reach a row with \"$1\" changed nothing"
			return 1
		fi
		i=$((i + 1))
	done
	selected | grep -Fq -- "$1" && return 0
	fail_screen "no row with \"$1\" after pressing $key $max times"
}

# goto WHAT: the go-to palette (g), WHAT typed, Enter. (Its prompt is
# "Di den: " without UTF-8.)
_palette_open() { _line_has 1 "Đi đến:" || _line_has 1 "Di den:"; }
# value_form CODE: starts the program and opens the value form of the
# indicator CODE (its row selected, Enter).
value_form() {
	start || return
	wait_for "Tiêu chí đạt" || return
	goto "$1" || return
	wait_selected "$1" || return
	keys Enter
	wait_for "Cập nhật giá trị — $1"
}

goto() {
	keys g
	poll "" _palette_open || { fail_screen "g did not open the palette"; return 1; }
	literal "$1"
	wait_line 1 "$1" || return 1
	keys Enter
	wait_gone ": $1"
}

# resize COLS ROWS: resizes the window and waits until the pane has.
resize() {
	step "resize $1x$2"
	tm resize-window -t "$SESSION" -x "$1" -y "$2"
	poll "" _size_is "$1x$2" || fail "the pane did not become $1x$2 (it is $(pane_size))"
}

# open_task_form TITLE: from the start, the form adding a task in Giao
# thông, TITLE typed in it.
open_task_form() {
	wait_for "Tiêu chí đạt" || return
	goto "giao thong" || return
	wait_line 2 "Giao thông" || return
	select_row "chưa bắt đầu" || return
	keys a
	wait_for "Thêm nhiệm vụ — Giao thông" || return
	literal "$1"
	wait_for "Tên nhiệm vụ  $1" || return
}

# ---- the program's process ---------------------------------------------------

_pid_gone() {
	! kill -0 "$1" 2>/dev/null || grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null
}
_exited() { [ -s "$T/ntm.rc" ]; }

ntm_pid() {
	cat "$T/ntm.pid" 2>/dev/null
}

# alive: the program is still running.
alive() {
	local pid
	pid=$(ntm_pid)
	[ -n "$pid" ] && ! _pid_gone "$pid" && ! _exited
}

expect_alive() {
	alive && return 0
	fail_screen "the program is no longer running (exit status $(cat "$T/ntm.rc" 2>/dev/null); stderr: $(head -c 300 "$T/ntm.stderr" 2>/dev/null | tr '\n' '|'))"
}

# wait_exit [SECONDS]: waits until the program has exited; its exit status
# goes to $EXIT_STATUS.
wait_exit() {
	EXIT_STATUS=
	if poll "${1:-}" _exited; then
		EXIT_STATUS=$(cat "$T/ntm.rc")
		return 0
	fi
	fail_screen "the program did not exit within ${1:-$DEFAULT_WAIT}s ($(_proc_state "$(ntm_pid)"))"
}

# _proc_state PID: what a process is doing, for failure messages.
_proc_state() {
	local st wchan sys
	st=$(grep '^State' "/proc/$1/status" 2>/dev/null | tr -s '\t ' ' ')
	wchan=$(cat "/proc/$1/wchan" 2>/dev/null)
	sys=$(cut -d' ' -f1 "/proc/$1/syscall" 2>/dev/null)
	printf 'pid %s %s, wchan %s, syscall %s' "$1" "${st:-gone}" "${wchan:-?}" "${sys:-?}"
}

# hangup: closes the terminal under the program (tmux kill-session: the
# pty goes away and the program gets SIGHUP), and waits until it is gone.
hangup() {
	local pid
	pid=$(ntm_pid)
	step "kill-session"
	tm kill-session -t "$SESSION"
	poll 5 _pid_gone "$pid" && return 0
	fail "the program did not end within 5s of its terminal closing ($(_proc_state "$pid"))"
}

# ---- the command line, the database, JSON -----------------------------------

# ntm ARGS…: the command-line program on this case's database; stdout in
# $OUT, stderr in $ERR, exit code in $RC.
ntm() {
	step "ntm $*"
	if command -v timeout >/dev/null 2>&1; then
		timeout -k 5 30 "$NTM" --db "$DB" "$@" >"$OUT" 2>"$ERR"
	else
		"$NTM" --db "$DB" "$@" >"$OUT" 2>"$ERR"
	fi
	RC=$?
	return 0
}

# ntm_ok ARGS…: ntm that must succeed.
ntm_ok() {
	ntm "$@"
	[ "$RC" = 0 ] && return 0
	fail "\`ntm $*\` exited $RC: $(head -c 300 "$ERR" | tr '\n' '|')"
}

# q SQL: a read-only query on the database.
q() {
	sqlite3 -readonly "$DB" "$1" 2>&1
}

# expect_db SQL WANT: the query's output equals WANT.
expect_db() {
	local got
	got=$(q "$1")
	[ "$got" = "$2" ] && return 0
	fail "SQL \`$1\`: got \"$got\", expected \"$2\""
}

# measurements: the number of recorded values.
measurements() {
	q 'SELECT count(*) FROM measurement'
}

# status_json [EXPR]: `ntm status --format json` into $T/status.json;
# with EXPR, prints `json EXPR` over it.
status_json() {
	ntm status --format json
	cp "$OUT" "$T/status.json"
	if [ "$RC" != 0 ]; then
		fail "\`ntm status --format json\` exited $RC: $(head -c 300 "$ERR" | tr '\n' '|')"
		return 1
	fi
	[ $# -eq 0 ] || json "$1"
}

# json EXPR: a Python expression over the last status_json (as d), through
# the shared tests/lib/jsonq.py (ind("12.2"), sector("Lao động")…).
json() {
	python3 "$TESTS_LIB/jsonq.py" "$T/status.json" "$1"
}

# expect_json EXPR WANT: runs status_json, then EXPR must print WANT.
expect_json() {
	status_json || return 1
	local got
	got=$(json "$1")
	[ "$got" = "$2" ] && return 0
	fail "JSON $1: got \"$got\", expected \"$2\""
}

# first_task_id SECTOR_CODE: the id of the sector's first task.
first_task_id() {
	q "SELECT t.id FROM task t JOIN sector s ON s.id = t.sector_id
	   WHERE s.code = '$1' ORDER BY t.ord, t.rowid LIMIT 1"
}

# road_task [START_ARGS…]: starts the program, goes to the tab Giao thông
# and selects its first task (“Cải tạo, nâng cấp …”).
road_task() {
	start "$@" || return
	wait_for "Tiêu chí đạt" || return
	goto "giao thong" || return
	wait_line 2 "Giao thông" || return
	select_row "Cải tạo, nâng cấp"
}

# ---- misc ----------------------------------------------------------------------

today() { date +%Y-%m-%d; }

# has_colour: the screen uses colours (SGR 30–37, 40–47, 90–107, 38, 48).
has_colour() {
	screen_sgr | python3 -c '
import re, sys
for m in re.finditer(r"\x1b\[([0-9;:]*)m", sys.stdin.read()):
    for p in m.group(1).replace(":", ";").split(";"):
        if p.isdigit() and (30 <= int(p) <= 37 or 40 <= int(p) <= 47 or
                            90 <= int(p) <= 107 or int(p) in (38, 48)):
            sys.exit(0)
sys.exit(1)'
}

# widest: the width in columns of the widest line on the screen.
widest() {
	screen | python3 -c '
import sys, unicodedata
w = 0
for line in sys.stdin.read().split("\n"):
    w = max(w, sum(2 if unicodedata.east_asian_width(c) in "WF" else
                   0 if unicodedata.combining(c) else 1 for c in line))
print(w)'
}

# ---- tab Thôn: two panes (villages │ checklist) and the matrix --------------

# item_selected: the selected row of the checklist (right pane, "│ ▸",
# "| >" without UTF-8), from the box on.
item_selected() {
	screen | sed -n -E 's/^.*(│ ▸|\| >)//p' | head -n 1
}

_item_sel_has() { item_selected | grep -Fq -- "$1"; }

# wait_item_selected TEXT [SECONDS]: waits until the checklist's selected
# row contains TEXT.
wait_item_selected() {
	poll "${2:-}" _item_sel_has "$1" ||
		fail_screen "the checklist's selected row did not become one with \"$1\" within ${2:-$DEFAULT_WAIT}s (it is \"$(item_selected)\")"
}

# item_line TITLE: the screen line (from 1) of the checklist row whose
# title is exactly TITLE (not cut); empty when none.
item_line() {
	screen | awk -v t="] $1" '{
		n = length($0); m = length(t)
		if (n >= m && substr($0, n - m + 1) == t) { print NR; exit }
	}'
}

# village_line NAME: the left pane (villages) of the first line whose
# left pane contains NAME.
village_line() {
	screen | sed -E 's/(│|\|) .*$//; s/(│|\|)$//' | grep -F -m1 -- "$1"
}

# village_lineno NAME: the screen line (from 1) of that village.
village_lineno() {
	screen | sed -E 's/(│|\|) .*$//; s/(│|\|)$//' | grep -Fn -m1 -- "$1" | cut -d: -f1
}

_village_has() { village_line "$1" | grep -Fq -- "$2"; }

# wait_village NAME TEXT [SECONDS]: waits until the villages pane's row of
# NAME contains TEXT (e.g. its gauge "1/10").
wait_village() {
	poll "${3:-}" _village_has "$1" "$2" ||
		fail_screen "the villages pane's row \"$1\" did not show \"$2\" within ${3:-$DEFAULT_WAIT}s (it is \"$(village_line "$1")\")"
}

# matrix_cells NAME: the cells of NAME's row of the matrix, one glyph each,
# separated by spaces (✓ · or x .).
matrix_cells() {
	screen | grep -F -m1 -- " $1 " | awk '{
		out = ""
		for (i = 1; i <= NF; i++)
			if ($i == "✓" || $i == "·" || $i == "x" || $i == ".")
				out = out (out == "" ? "" : " ") $i
		print out
	}'
}

# to_village NAME [START_ARGS…]: starts the program (start START_ARGS…),
# then the palette to NAME (typed without marks): the tab Thôn opens with
# the focus in that village's checklist.
_villages_tab() { has "Thôn — danh mục" || has "Thon - danh muc"; }
_overview_up() { has "Tiêu chí đạt" || has "Tieu chi dat"; }
to_village() {
	local name=$1
	shift
	start "$@" || return
	poll "" _overview_up || { fail_screen "the overview did not appear"; return 1; }
	goto "$name" || return
	poll "" _villages_tab || { fail_screen "the palette to \"$name\" did not open the tab Thôn"; return 1; }
}

# iq VILLAGE TITLE COLUMNS: SQL selecting COLUMNS of the checklist item
# TITLE of VILLAGE (c is the item, u the village).
iq() {
	printf "SELECT %s FROM checklist_item c JOIN unit u ON u.id = c.unit_id WHERE u.name = '%s' AND c.title = '%s'" "$3" "$1" "$2"
}

# checklist_json VILLAGE EXPR: `ntm checklist VILLAGE --format json`, then
# the Python expression EXPR over it (as d) printed like `json` does.
checklist_json() {
	ntm checklist "$1" --format json
	if [ "$RC" != 0 ]; then
		echo "<ntm checklist exited $RC: $(head -c 200 "$ERR" | tr '\n' '|')>"
		return 0
	fi
	python3 "$TESTS_LIB/jsonq.py" "$OUT" "$2"
}

# expect_checklist VILLAGE EXPR WANT: checklist_json's answer is WANT.
expect_checklist() {
	local got
	got=$(checklist_json "$1" "$2")
	[ "$got" = "$3" ] && return 0
	fail "ntm checklist \"$1\" --format json: $2 is \"$got\", expected \"$3\""
}
