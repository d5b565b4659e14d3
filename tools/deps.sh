#!/bin/sh
# Installs the Debian packages ntm needs that are missing, saying which.
# Usage: tools/deps.sh build|all   (build: to compile and run; all: + tests)
set -eu
# libxlsxwriter-dev and libzip-dev for their headers: ntm opens the
# libraries (libxlsxwriter4, libzip4, which they pull in) with dlopen only
# when a report or a spreadsheet needs them (src/io/lazylib.c).
build="gcc make pkg-config libncurses-dev libsqlite3-dev libutf8proc-dev libxlsxwriter-dev libzip-dev libexpat1-dev"
tests="libcmocka-dev tmux clang libclang-rt-dev groff sqlite3 util-linux python3 python3-openpyxl python3-docx dpkg-dev lintian binutils bash-completion"
want=$build
[ "${1:-all}" = all ] && want="$build $tests"

missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "ntm: thiếu các gói:$missing — hãy cài chúng (missing packages; install them)." >&2
	exit 1
fi
sudo=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null 2>&1 || {
		echo "ntm: cần quyền root để cài:$missing (need root or sudo)" >&2; exit 1; }
	sudo=sudo
fi
echo "ntm: đang cài các gói còn thiếu (installing missing packages):$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
