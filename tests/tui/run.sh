#!/usr/bin/env bash
# Runs the end-to-end tests of the full-screen program: every case_* function
# of tests/tui/t_*.sh, each in a fresh temporary directory with its own tmux
# server and its own database. Usage:
#   NTM=/abs/path/to/ntm tests/tui/run.sh [t_FILE.sh[:CASE_REGEX]]…
# Environment: NTM_TUI_JOBS (cases run at once; default: CPUs + 2, at most
# 8), NTM_TUI_VERBOSE=1 (list passing cases too, and the time taken),
# NTM_TUI_CASE_TIMEOUT (seconds before a case is stopped; default 60).
# Ends with the one line
#   tui: N passed, M failed
# and exits 1 when M > 0. Safe to run several times at once, and beside the
# user's own tmux: every path is made by mktemp and every case talks to its
# own tmux server through a socket in its own directory.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
# Shared by both suites: the JSON query helper and the report.
export TESTS_LIB=$(cd "$HERE/../lib" && pwd)
# shellcheck source=../lib/report.sh
. "$TESTS_LIB/report.sh"

die() {
	echo "run.sh: $*" >&2
	echo "tui: 0 passed, 1 failed"
	exit 1
}

[ -n "${NTM:-}" ] || die "set NTM to the ntm program (NTM=/abs/path/to/ntm)"
case $NTM in /*) ;; *) NTM=$PWD/$NTM ;; esac
[ -x "$NTM" ] || die "$NTM is not an executable file"
for tool in tmux sqlite3 python3 mktemp awk; do
	command -v "$tool" >/dev/null 2>&1 || die "the tests need $tool"
done

TMPBASE=${TMPDIR:-/tmp}
RUN=$(mktemp -d "$TMPBASE/ntm-tui-run.XXXXXX") || exit 1
cleanup() {
	rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- which cases -----------------------------------------------------------

declare -a FILES=() FILTERS=()
if [ $# -eq 0 ]; then
	for f in "$HERE"/t_*.sh; do
		[ -e "$f" ] && FILES+=("$(basename "$f")") && FILTERS+=("")
	done
else
	for a in "$@"; do
		f=${a%%:*}
		filter=
		[ "$f" != "$a" ] && filter=${a#*:}
		f=$(basename "$f")
		[ -e "$HERE/$f" ] || f=t_$f.sh
		[ -e "$HERE/$f" ] || die "no test file $a"
		FILES+=("$f")
		FILTERS+=("$filter")
	done
fi

declare -a CASES=()        # "FILE NAME"
syntax_errors=0
for i in "${!FILES[@]}"; do
	f=${FILES[$i]}
	if ! bash -n "$HERE/$f" 2>"$RUN/$f.syntax"; then
		printf 'FAIL %s (file)\n' "$f"
		sed 's/^/    /' "$RUN/$f.syntax"
		syntax_errors=$((syntax_errors + 1))
		continue
	fi
	for name in $(sed -n 's/^\(case_[A-Za-z0-9_]*\) *().*/\1/p' "$HERE/$f"); do
		if [ -n "${FILTERS[$i]}" ] &&
		   ! printf '%s\n' "${name#case_}" | grep -Eq -- "${FILTERS[$i]}"; then
			continue
		fi
		CASES+=("$f $name")
	done
done

# ---- running one case ------------------------------------------------------

# The body of a case, run by a fresh bash in the case's directory.
CASE_BODY='
. "$HERE/lib.sh"
. "$HERE/$FILE"
if ! "$NTM" init --db "$DB" >"$T/init.out" 2>&1; then
	fail "\`ntm init --db $DB\` failed: $(head -c 300 "$T/init.out")"
	exit 0
fi
"$NAME"
exit 0
'

# run_case FILE NAME: prints "PASS FILE NAME" or "FAIL FILE NAME" + details.
run_case() {
	local file=$1 name=$2 T base sock
	base=$RUN/$file.$name
	: >"$base.fails"
	: >"$base.oks"
	: >"$base.log"
	T=$(mktemp -d "$TMPBASE/ntm-tui.XXXXXX") || {
		printf 'FAIL %s %s\n    cannot make a temporary directory\n' "$file" "${name#case_}"
		return
	}
	sock=$T/tmux.sock
	if [ ${#sock} -gt 100 ]; then      # a socket path has ~108 bytes at most
		sock=$(mktemp -u /tmp/ntm-tui-sock.XXXXXX)
	fi
	mkdir -p "$T/home/.config" "$T/home/.local/share" "$T/home/.local/state" \
		 "$T/home/.cache"
	cat >"$T/tmux.conf" <<'EOF'
set -g status off
set -g remain-on-exit on
set -g history-limit 100
set -sg escape-time 0
EOF
	local started=$SECONDS timed_out=
	(
		cd "$T" || exit 1
		unset NTM_USER NTM_DB NTM_BUSY_TIMEOUT_MS NO_COLOR LANG LANGUAGE TMUX \
		      TMUX_PANE VISUAL LC_CTYPE LC_MESSAGES COLUMNS LINES
		export HOME=$T/home XDG_CONFIG_HOME=$T/home/.config \
		       XDG_DATA_HOME=$T/home/.local/share \
		       XDG_STATE_HOME=$T/home/.local/state \
		       XDG_CACHE_HOME=$T/home/.cache LC_ALL=C.UTF-8 TZ=UTC \
		       EDITOR=false TERM=xterm-256color
		export T NTM HERE FILE=$file NAME=$name DB=$T/ntm.db SOCK=$sock \
		       TCONF=$T/tmux.conf OUT=$T/.out ERR=$T/.err CASE=${name#case_} \
		       CASE_FAILS=$base.fails CASE_OKS=$base.oks CASE_LOG=$base.log
		if command -v timeout >/dev/null 2>&1; then
			exec timeout -k 5 "${NTM_TUI_CASE_TIMEOUT:-60}" bash -c "$CASE_BODY"
		else
			exec bash -c "$CASE_BODY"
		fi
	) </dev/null >>"$base.log" 2>&1
	[ $? = 124 ] && timed_out=1
	# Whatever happened, the case's tmux server and program go.
	local pid
	pid=$(cat "$T/ntm.pid" 2>/dev/null)
	tmux -S "$sock" kill-server >/dev/null 2>&1
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid" 2>/dev/null
		sleep 0.2
		kill -9 "$pid" 2>/dev/null
	fi
	rm -f "$sock"
	[ -n "$timed_out" ] &&
		printf '%s: stopped after %ss\n' "${name#case_}" "${NTM_TUI_CASE_TIMEOUT:-60}" >>"$base.fails"
	local took=$((SECONDS - started))
	chmod -R u+rwX "$T" 2>/dev/null
	rm -rf "$T"
	if [ -s "$base.fails" ]; then
		printf 'FAIL %s %s (%ss)\n' "$file" "${name#case_}" "$took"
		sed 's/^/    /' "$base.fails"
		if [ -s "$base.log" ]; then
			echo "    (case log, last lines:)"
			tail -n 15 "$base.log" | sed 's/^/      /'
		fi
	else
		printf 'PASS %s %s (%ss)\n' "$file" "${name#case_}" "$took"
		sed 's/^/    /' "$base.oks"
	fi
}

export HERE NTM CASE_BODY

JOBS=${NTM_TUI_JOBS:-}
if [ -z "$JOBS" ]; then
	JOBS=$(( $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2) + 2 ))
	[ "$JOBS" -gt 8 ] && JOBS=8
fi
[ "$JOBS" -ge 1 ] 2>/dev/null || JOBS=2
start=$(date +%s)
running=0
for i in "${!CASES[@]}"; do
	set -- ${CASES[$i]}
	run_case "$1" "$2" >"$RUN/out.$(printf %04d "$i")" 2>&1 &
	running=$((running + 1))
	if [ "$running" -ge "$JOBS" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait

# ---- report ----------------------------------------------------------------

outs=()
for i in "${!CASES[@]}"; do
	outs+=("$RUN/out.$(printf %04d "$i")")
done
report tui "${NTM_TUI_VERBOSE:-0}" "$syntax_errors" "$start" "${outs[@]}"
