#!/bin/sh
# Builds ./ntm_VERSION_ARCH.deb from a built ./ntm with dpkg-deb: the
# files `make install` puts under /usr, the man pages gzipped (-9n), the
# copyright and changelog, md5sums, and a Depends line computed from the
# binary by dpkg-shlibdeps. libxlsxwriter and libzip are opened with
# dlopen (src/io/lazylib.c), which dpkg-shlibdeps cannot see: the packages
# holding the libraries ntm would open are Recommended, found with dpkg -S.
# Usage (from the Makefile): tools/mkdeb.sh VERSION MAKE XLSX_SONAME ZIP_SONAME
# where MAKE is the make command line the package's binary was built by.
set -eu
version=$1
make_cmd=$2
shift 2
arch=$(dpkg --print-architecture)
work=build/deb
root=$work/root
deb=ntm_${version}_${arch}.deb

rm -rf "$work"
mkdir -p "$root/DEBIAN" "$work/debian"
eval "$make_cmd install DESTDIR=\"\$PWD/\$root\" PREFIX=/usr" >/dev/null
strip --remove-section=.comment --remove-section=.note --strip-unneeded \
	"$root/usr/bin/ntm"
gzip -9n "$root"/usr/share/man/man*/*
doc=$root/usr/share/doc/ntm
install -d "$doc"
install -m 644 share/deb/copyright "$doc/copyright"
gzip -9nc share/deb/changelog >"$doc/changelog.gz"
chmod 644 "$doc/changelog.gz"

# dpkg-shlibdeps reads debian/control of the folder it runs in.
printf 'Source: ntm\n\nPackage: ntm\nArchitecture: any\n' >"$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O -e root/usr/bin/ntm 2>/dev/null |
	sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "mkdeb: dpkg-shlibdeps found nothing" >&2; exit 1; }

# The packages of the libraries ntm opens with dlopen, as installed here.
recommends=
for soname in "$@"; do
	file=$(ldconfig -p | awk -v s="$soname" '$1 == s { print $NF; exit }')
	[ -n "$file" ] || { echo "mkdeb: $soname is not installed" >&2; exit 1; }
	pkg=$(dpkg -S "$(readlink -f "$file")" 2>/dev/null | head -1 | cut -d: -f1)
	[ -n "$pkg" ] || pkg=$(dpkg -S "$file" | head -1 | cut -d: -f1)
	recommends="${recommends:+$recommends, }$pkg"
done

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
    -e "s/@DEPENDS@/$depends/" -e "s/@RECOMMENDS@/$recommends/" \
    share/deb/control.in >"$root/DEBIAN/control"
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) \
	>"$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
find "$root" -type d -exec chmod 755 {} +
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
sha256sum "$deb" >"$deb.sha256"
echo "Đã ghi $deb và $deb.sha256 (mã kiểm tra: sha256sum -c $deb.sha256)"
cat "$deb.sha256"
