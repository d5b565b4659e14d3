#!/usr/bin/env bash
# Runs the command-line tests: every case_* function of tests/cli/t_*.sh,
# each in a fresh temporary directory. Usage:
#   NTM=/abs/path/to/ntm tests/cli/run.sh [t_FILE.sh[:CASE_REGEX]]…
# Environment: NTM_CLI_JOBS (files run at once; default: number of CPUs),
# NTM_CLI_VERBOSE=1 (list passing cases too). Ends with the one line
#   cli: N passed, M failed
# and exits 1 when M > 0. Safe to run several times at once: every path is
# made by mktemp.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
# Shared by both suites: the JSON query helper and the report.
export TESTS_LIB=$(cd "$HERE/../lib" && pwd)
# shellcheck source=../lib/report.sh
. "$TESTS_LIB/report.sh"

if [ -z "${NTM:-}" ]; then
	echo "run.sh: set NTM to the ntm program (NTM=/abs/path/to/ntm)" >&2
	echo "cli: 0 passed, 1 failed"
	exit 1
fi
case $NTM in /*) ;; *) NTM=$PWD/$NTM ;; esac
for tool in sqlite3 python3 cksum mktemp; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "run.sh: the tests need $tool" >&2
		echo "cli: 0 passed, 1 failed"
		exit 1
	fi
done
if [ ! -x "$NTM" ]; then
	echo "run.sh: $NTM is not an executable file" >&2
	echo "cli: 0 passed, 1 failed"
	exit 1
fi

TMPBASE=${TMPDIR:-/tmp}
RUN=$(mktemp -d "$TMPBASE/ntm-cli-run.XXXXXX") || exit 1
cleanup() {
	[ -d "$RUN" ] && chmod -R u+rwX "$RUN" 2>/dev/null
	rm -rf "$RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

TIMEOUT_CMD=
command -v timeout >/dev/null 2>&1 && TIMEOUT_CMD="timeout -k 5 30"
export NTM TIMEOUT_CMD

# One database made by `ntm init`, copied by fresh_db.
TEMPLATE_DB=$RUN/template.db
if ! (unset NTM_DB NTM_USER; HOME=$RUN XDG_CONFIG_HOME=$RUN/none \
      XDG_DATA_HOME=$RUN/none LC_ALL=C.UTF-8 TZ=UTC \
      "$NTM" --db "$TEMPLATE_DB" init >/dev/null 2>"$RUN/template.err"); then
	echo "run.sh: \`ntm init\` failed: $(cat "$RUN/template.err")" >&2
	echo "(cases that need a database will fail)" >&2
fi

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
		if [ ! -e "$HERE/$f" ]; then
			echo "run.sh: no test file $a" >&2
			echo "cli: 0 passed, 1 failed"
			exit 1
		fi
		FILES+=("$f")
		FILTERS+=("$filter")
	done
fi

# ---- running one case ------------------------------------------------------

# run_case FILE NAME: prints "PASS FILE NAME" or "FAIL FILE NAME" + details.
run_case() {
	local file=$1 name=$2 T fails oks
	fails=$RUN/$file.$name.fails
	oks=$RUN/$file.$name.oks
	: >"$fails"
	: >"$oks"
	T=$(mktemp -d "$TMPBASE/ntm-cli.XXXXXX") || {
		printf 'FAIL %s %s\n    cannot make a temporary directory\n' "$file" "$name"
		return
	}
	(
		cd "$T" || exit 1
		mkdir -p home/.config home/.local/share
		export HOME=$T/home XDG_CONFIG_HOME=$T/home/.config \
		       XDG_DATA_HOME=$T/home/.local/share NTM_DB=$T/ntm.db \
		       LC_ALL=C.UTF-8 TZ=UTC
		unset NTM_USER NTM_BUSY_TIMEOUT_MS LANG LANGUAGE
		T=$T OUT=$T/.out ERR=$T/.err RC= LAST_CMD=
		CASE=${name#case_} CASE_FAILS=$fails CASE_OKS=$oks
		: >"$OUT"
		: >"$ERR"
		"$name"
	) </dev/null >"$RUN/$file.$name.log" 2>&1
	# A case may have left read-only folders behind.
	chmod -R u+rwX "$T" 2>/dev/null
	rm -rf "$T"
	if [ -s "$fails" ]; then
		printf 'FAIL %s %s\n' "$file" "${name#case_}"
		sed 's/^/    /' "$fails"
		if [ -s "$RUN/$file.$name.log" ]; then
			echo "    (case output:)"
			head -n 10 "$RUN/$file.$name.log" | sed 's/^/      /'
		fi
	else
		printf 'PASS %s %s\n' "$file" "${name#case_}"
		sed 's/^/    /' "$oks"
	fi
}

# run_file FILE FILTER: every case of FILE (matching FILTER), in order.
run_file() {
	local file=$1 filter=$2 name
	if ! bash -n "$HERE/$file" 2>"$RUN/$file.syntax"; then
		printf 'FAIL %s (file)\n' "$file"
		sed 's/^/    /' "$RUN/$file.syntax"
		return
	fi
	# shellcheck source=lib.sh
	. "$HERE/lib.sh"
	# shellcheck disable=SC1090
	. "$HERE/$file"
	for name in $(sed -n 's/^\(case_[A-Za-z0-9_]*\) *().*/\1/p' "$HERE/$file"); do
		if [ -n "$filter" ] && ! printf '%s\n' "${name#case_}" | grep -Eq -- "$filter"; then
			continue
		fi
		run_case "$file" "$name"
	done
}

export TEMPLATE_DB RUN TMPBASE HERE

JOBS=${NTM_CLI_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
[ "$JOBS" -ge 1 ] 2>/dev/null || JOBS=2
start=$(date +%s)
running=0
for i in "${!FILES[@]}"; do
	run_file "${FILES[$i]}" "${FILTERS[$i]}" >"$RUN/${FILES[$i]}.out" 2>&1 &
	running=$((running + 1))
	if [ "$running" -ge "$JOBS" ]; then
		wait -n
		running=$((running - 1))
	fi
done
wait

# ---- report ----------------------------------------------------------------

outs=()
for f in "${FILES[@]}"; do
	outs+=("$RUN/$f.out")
done
report cli "${NTM_CLI_VERBOSE:-0}" 0 "$start" "${outs[@]}"
