#!/usr/bin/env bash
# Crash loop: kill -9 ntm while it writes, round after round, then check
# that every write ntm acknowledged (exit 0) is in the file and that the
# file is whole. Usage:
#   NTM=/abs/path/to/ntm tests/crash/crashloop.sh [ROUNDS]
# ROUNDS defaults to $NTM_CRASH_ROUNDS or 10 (make check runs a few; run
# hundreds by hand). Each round starts two writers (values, checklist
# items) on one file, lets them run 20–300 ms, then kills every ntm process
# it started with SIGKILL, mid-write or not. Ends with
#   crash: N passed, M failed
# (one case per round plus the final check) and the figures.
set -u

[ -n "${NTM:-}" ] || { echo "set NTM to the ntm program"; echo "crash: 0 passed, 1 failed"; exit 1; }
ROUNDS=${1:-${NTM_CRASH_ROUNDS:-10}}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
T=$(mktemp -d "${TMPDIR:-/tmp}/ntm-crash.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
export NTM_DB=$T/ntm.db HOME=$T XDG_CONFIG_HOME=$T/none XDG_DATA_HOME=$T/none \
       LC_ALL=C.UTF-8 TZ=UTC
unset NTM_USER
"$NTM" init >/dev/null || { echo "crash: 0 passed, 1 failed"; exit 1; }

ACK=$T/ack
: >"$ACK"
passed=0 failed=0 start=$(date +%s%N)

# writer KIND ROUND: writes until killed; an acknowledged write is logged
# as "KIND<TAB>KEY" once ntm has exited 0.
writer() {
	local kind=$1 round=$2 i=0 key
	while :; do
		i=$((i + 1))
		key="r$round-$kind-$i"
		case $kind in
		value) "$NTM" set 12.2 "$((i % 90 + 5))" --note "$key" >/dev/null 2>&1 ;;
		item) "$NTM" checklist "Cự Đình" --add "Mục $key" >/dev/null 2>&1 ;;
		esac && printf '%s\t%s\n' "$kind" "$key" >>"$ACK"
	done
}

for round in $(seq 1 "$ROUNDS"); do
	writer value "$round" & w1=$!
	writer item "$round" & w2=$!
	sleep "0.$(printf '%03d' $((RANDOM % 280 + 20)))"
	# The writers first (no new ntm starts), then every ntm they started.
	kill -STOP "$w1" "$w2" 2>/dev/null
	pkill -KILL -P "$w1" 2>/dev/null; pkill -KILL -P "$w2" 2>/dev/null
	kill -KILL "$w1" "$w2" 2>/dev/null
	wait "$w1" "$w2" 2>/dev/null
	if "$NTM" check >/dev/null 2>"$T/check.err"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL round $round: ntm check: $(cat "$T/check.err")"
	fi
done

# Every acknowledged write must be there.
"$PY" - "$NTM_DB" "$ACK" >"$T/lost" <<'PY'
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
notes = {r[0] for r in db.execute("SELECT note FROM measurement WHERE note IS NOT NULL")}
titles = {r[0] for r in db.execute("SELECT title FROM checklist_item")}
lost = 0
acked = 0
for line in open(sys.argv[2], encoding="utf-8"):
    kind, key = line.rstrip("\n").split("\t")
    acked += 1
    if (kind == "value" and key not in notes) or (kind == "item" and "Mục " + key not in titles):
        lost += 1
        print("lost", kind, key)
print("acked", acked, "lost", lost)
PY
acked=$(awk '/^acked/{print $2}' "$T/lost")
lost=$(awk '/^acked/{print $4}' "$T/lost")
if [ -n "$lost" ] && [ "$lost" -eq 0 ]; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	echo "FAIL acknowledged writes lost:"; head -20 "$T/lost"
fi
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "crash loop: $ROUNDS rounds of kill -9, ${acked:-0} acknowledged writes, ${lost:-?} lost, ${ms} ms"
echo "crash: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
