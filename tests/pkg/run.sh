#!/usr/bin/env bash
# make install-tests (part of make check): make install DESTDIR=… puts
# every file where it belongs, under PREFIX=/usr/local and /usr, and make
# uninstall takes them all away; make dist writes ntm-VERSION.tar.gz, which
# unpacks and builds with make. Run from the top folder, after make, with
# NTM_VERSION and NTM_SCHEMA from the Makefile (make install-tests).
set -euo pipefail
top=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/ntm-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
version=${NTM_VERSION:?run by make install-tests} schema=${NTM_SCHEMA:?run by make install-tests}
passed=0
ok() { passed=$((passed + 1)); printf '  ok     %s\n' "$1"; }
fail() { printf '  FAIL   %s\n' "$1" >&2; echo "install-tests: $passed ok, 1 failed"; exit 1; }

FILES="bin/ntm share/man/man1/ntm.1 share/man/man5/ntm-plan.5
share/man/man5/ntm-criteria.5 share/bash-completion/completions/ntm"

for prefix in /usr/local /usr; do
	dest=$work/dest${prefix//\//-}
	make --no-print-directory -s install DESTDIR="$dest" PREFIX="$prefix" >/dev/null
	for f in $FILES; do
		[ -f "$dest$prefix/$f" ] || fail "install PREFIX=$prefix: thiếu $prefix/$f"
	done
	n=$(cd "$dest" && find . -type f | wc -l)
	[ "$n" -eq 5 ] || fail "install PREFIX=$prefix: $n tệp, cần 5: $(cd "$dest" && find . -type f)"
	[ "$(stat -c %a "$dest$prefix/bin/ntm")" = 755 ] || fail "bin/ntm không phải 755"
	[ "$(stat -c %a "$dest$prefix/share/man/man1/ntm.1")" = 644 ] || fail "ntm.1 không phải 644"
	grep -q "^\.TH NTM 1 .*\"ntm $version\"" "$dest$prefix/share/man/man1/ntm.1" ||
		fail "ntm.1 không mang phiên bản $version"
	! grep -q '@[A-Z]*@' "$dest$prefix/share/man/man1/ntm.1" ||
		fail "ntm.1 còn chỗ chưa thay: $(grep -o '@[A-Z]*@' "$dest$prefix/share/man/man1/ntm.1" | head -1)"
	grep -q "(lược đồ $schema)" "$dest$prefix/share/man/man1/ntm.1" ||
		fail "ntm.1 không ghi lược đồ $schema"
	out=$("$dest$prefix/bin/ntm" --version)
	case $out in "ntm $version (lược đồ "*) ;; *) fail "--version: $out" ;; esac
	cmp -s share/bash-completion/completions/ntm "$dest$prefix/share/bash-completion/completions/ntm" ||
		fail "completion khác bản gốc"
	ok "make install DESTDIR PREFIX=$prefix: $n tệp đúng chỗ, đúng quyền"
	make --no-print-directory -s uninstall DESTDIR="$dest" PREFIX="$prefix" >/dev/null
	left=$(cd "$dest" && find . -type f)
	[ -z "$left" ] || fail "uninstall còn để lại: $left"
	ok "make uninstall DESTDIR PREFIX=$prefix: không còn tệp nào"
done

if git rev-parse --verify -q HEAD >/dev/null 2>&1; then
	make --no-print-directory -s dist >/dev/null
	tarball=ntm-$version.tar.gz
	[ -f "$tarball" ] || fail "make dist không ghi $tarball"
	mv "$tarball" "$work/"
	tar -xzf "$work/$tarball" -C "$work"
	src=$work/ntm-$version
	for f in Makefile README.md src/main.c man/ntm.1 share/ntm/base.sql \
		 share/bash-completion/completions/ntm tools/mkdeb.sh; do
		[ -f "$src/$f" ] || fail "$tarball thiếu $f"
	done
	[ ! -e "$src/.git" ] || fail "$tarball có .git"
	(cd "$src" && make --no-print-directory -s -j2 >"$work/build.log" 2>&1) ||
		fail "$tarball không dựng được: $(tail -5 "$work/build.log")"
	out=$("$src/ntm" --version)
	[ "$out" = "$("$top/ntm" --version)" ] || fail "bản dựng từ $tarball: $out"
	ok "make dist: $tarball ($(du -k "$work/$tarball" | cut -f1) KiB) giải nén và dựng được, $out"
else
	echo "  bỏ qua make dist: không phải bản git (skipped: not a git checkout)"
fi
echo "install-tests: $passed ok, 0 failed"
