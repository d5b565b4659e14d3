# Shared by tests/cli/run.sh and tests/tui/run.sh: tallies the PASS/FAIL
# lines of the cases' output files, prints the failures (or everything when
# verbose) and the closing line "NAME: N passed, M failed".
# report NAME VERBOSE EXTRA_FAILED START FILE…; returns non-zero on failures.
report() {
	local name=$1 verbose=$2 failed=$3 start=$4 passed=0 out p n
	shift 4
	for out in "$@"; do
		[ -e "$out" ] || continue
		p=$(grep -c '^PASS ' "$out")
		n=$(grep -c '^FAIL ' "$out")
		passed=$((passed + p))
		failed=$((failed + n))
		if [ "$verbose" = 1 ]; then
			cat "$out"
		else
			# Failures with their details; stray output (not PASS lines) too.
			awk '/^PASS /{show=0; next} /^FAIL /{show=1} show || !/^    /' "$out"
		fi
	done
	[ "$verbose" = 1 ] && echo "($(( $(date +%s) - start ))s)"
	echo "$name: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
