#!/usr/bin/env bash
# make package-check: the .deb through lintian, unpacked into a scratch root
# and run; the static binary run in a chroot that holds nothing but it, the
# terminal descriptions of a base system and /tmp — init, status, set,
# convert --from tcvn3, report --format md, a refused xlsx, sync export
# merged back into the office's file, and the full-screen program through
# tmux. Usage: tools/package-check.sh NTM_X.deb ntm-static, with
# NTM_VERSION and NTM_SCHEMA from the Makefile (make package-check).
set -euo pipefail
deb=$1 static=$2
top=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/ntm-pkg.XXXXXX")
tsock=$work/tmux.sock
cleanup() { tmux -S "$tsock" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
passed=0
ok() { passed=$((passed + 1)); printf '  ok     %s\n' "$1"; }
fail() { printf '  FAIL   %s\n' "$1" >&2; exit 1; }
has() { grep -qF -- "$2" <<<"$1" || fail "$3: thiếu «$2» trong: $1"; }

echo "== gói .deb: $deb =="
sha256sum --quiet -c "$deb.sha256" || fail "$deb.sha256 không khớp"
sha256sum --quiet -c "$static.sha256" || fail "$static.sha256 không khớp"
ok "mã kiểm tra .sha256 khớp với $deb và $static"
tags=$(lintian --no-tag-display-limit "$deb" 2>&1 | grep -E '^[EW]: ' || true)
[ -z "$tags" ] || fail "lintian: $tags"
ok "lintian: không có lỗi, không có cảnh báo"
dpkg-deb -x "$deb" "$work/deb"
for f in usr/bin/ntm usr/share/man/man1/ntm.1.gz usr/share/man/man5/ntm-plan.5.gz \
	 usr/share/man/man5/ntm-criteria.5.gz usr/share/doc/ntm/copyright \
	 usr/share/doc/ntm/changelog.gz usr/share/bash-completion/completions/ntm; do
	[ -f "$work/deb/$f" ] || fail "thiếu $f trong gói"
done
ok "gói có chương trình, trang man (gzip), copyright, changelog, completion"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libncursesw6 libsqlite3-0 libutf8proc2 libexpat1; do
	has "$depends" "$lib" "Depends"
done
ok "Depends tính từ chương trình: $depends"
version=${NTM_VERSION:?run by make package-check} schema=${NTM_SCHEMA:?run by make package-check}
out=$("$work/deb/usr/bin/ntm" --version)
[ "$out" = "ntm $version (lược đồ $schema)" ] ||
	fail "--version của gói: $out"
export NTM_DB=$work/deb.db
"$work/deb/usr/bin/ntm" init >/dev/null
has "$("$work/deb/usr/bin/ntm" status)" "Xã Việt Hưng" "status của gói"
th=$(zcat "$work/deb/usr/share/man/man1/ntm.1.gz" | grep '^\.TH NTM 1')
has "$th" "\"ntm $version\"" "trang man ntm.1"
ok "chương trình của gói chạy: $out"
unset NTM_DB

echo "== chương trình tĩnh: $static =="
! readelf -d "$static" 2>/dev/null | grep -q NEEDED || fail "$static cần thư viện động"
root=$work/root
mkdir -p "$root/tmp"
cp "$static" "$root/ntm"
for d in /lib/terminfo /usr/share/terminfo /etc/terminfo; do
	[ -d "$d" ] && mkdir -p "$root$(dirname "$d")" && cp -a "$d" "$root$d"
done
# As root, chroot; otherwise in a user namespace of our own. env -i
# empties PATH: the tools are named by their full path.
chroot=$(command -v chroot) unshare=$(command -v unshare)
jail=$chroot
[ "$(id -u)" = 0 ] || jail="$unshare -r $chroot"
in_root() {
	env -i TERM=screen LANG=C.UTF-8 HOME=/tmp LOGNAME=canbo NTM_DB=$NTM_DB \
		$jail "$root" /ntm "$@"
}
NTM_DB=/tmp/xa.db
ok "$(du -h "$static" | cut -f1) tĩnh, không cần thư viện nào; chroot: $(cd "$root" && find . -type f | wc -l) tệp"
in_root init >/dev/null
has "$(in_root status)" "Xã Việt Hưng" "status"
ok "init, status"
has "$(in_root set 2.1 80 --date 1/6/2024)" "Đã ghi 2.1 = 80%" "set"
has "$(sqlite3 "$root/tmp/xa.db" "SELECT value FROM measurement WHERE value = 80")" "80" "set: hàng"
ok "set 2.1 80 ghi vào tệp"
printf 'Xã Việt Hưng: đường giao thông nông thôn\n' | iconv -f UTF-8 -t TCVN5712-1 >"$root/tmp/cu.txt"
has "$(in_root convert --from tcvn3 /tmp/cu.txt)" "Xã Việt Hưng: đường giao thông nông thôn" "convert"
ok "convert --from tcvn3 không cần iconv của hệ thống"
in_root report --format md --out /tmp/bc.md >/dev/null
has "$(cat "$root/tmp/bc.md")" "Việt Hưng" "report md"
ok "report --format md"
set +e
refusal=$(in_root report --format xlsx --out /tmp/bc.xlsx 2>&1)
rc=$?
set -e
[ "$rc" -ne 0 ] && [ ! -e "$root/tmp/bc.xlsx" ] || fail "xlsx lẽ ra bị từ chối"
has "$refusal" "hãy dùng định dạng md, txt hoặc csv" "xlsx"
ok "report --format xlsx từ chối, nói vì sao: $refusal"

# The office's file (the .deb's program), copied to the laptop, edited
# there, and the laptop's changes merged back into the office's file.
office=$work/office.db
NTM_DB=$office "$work/deb/usr/bin/ntm" init >/dev/null
cp "$office" "$root/tmp/vp.db"
NTM_DB=/tmp/vp.db
in_root set 2.2 55 --date 1/7/2024 >/dev/null
mkdir -p "$root/tmp/usb"
in_root sync export --out /tmp/usb >/dev/null
NTM_DB=/tmp/xa.db
sf=$(ls "$root"/tmp/usb/*.ntmsync)
NTM_DB=$office "$work/deb/usr/bin/ntm" sync apply "$sf" >/dev/null
[ "$(sqlite3 "$office" "SELECT count(*) FROM measurement WHERE value = 55")" = 1 ] ||
	fail "sync: giá trị của máy thôn không về văn phòng"
ok "sync export ở máy thôn, sync apply ở văn phòng: 2.2 = 55 về tới"

# The full-screen program: no locale files in the chroot (marks dropped,
# and said), then with the C.UTF-8 locale every Debian has.
tui() {
	tmux -S "$tsock" new -d -x 80 -y 24 \
		"env -i TERM=screen LANG=C.UTF-8 HOME=/tmp NTM_DB=/tmp/xa.db $jail '$root' /ntm; echo ĐÃ-THOÁT; sleep 30"
}
wait_for() {
	for _ in $(seq 100); do
		screen=$(tmux -S "$tsock" capture-pane -p)
		grep -qF -- "$1" <<<"$screen" && return 0
		sleep 0.1
	done
	fail "màn hình không có «$1»: $screen"
}
tui
wait_for "Tieu chi dat"
wait_for "thieu locale UTF-8"
tmux -S "$tsock" send-keys q
wait_for "ĐÃ-THOÁT"
tmux -S "$tsock" kill-server
ok "toàn màn hình không có locale: chữ không dấu, nói vì sao, q thoát"
if [ -d /usr/lib/locale/C.utf8 ]; then
	mkdir -p "$root/usr/lib/locale"
	cp -a /usr/lib/locale/C.utf8 "$root/usr/lib/locale/"
	tui
	wait_for "Tiêu chí đạt"
	tmux -S "$tsock" send-keys Tab
	wait_for "Quy hoạch"
	tmux -S "$tsock" send-keys q
	wait_for "ĐÃ-THOÁT"
	tmux -S "$tsock" kill-server
	ok "toàn màn hình với locale C.UTF-8: có dấu, Tab, q thoát"
fi
echo "package-check: $passed ok"
