#!/usr/bin/env bash
# Rebuilds packages/server/assets/fonts/ (the fonts the incident PDF export embeds) from Debian
# bookworm packages, so the shipped files can be traced to their source and checked. The server
# never downloads fonts or looks up system fonts at run time: it reads only this folder.
#
# Needs a Debian system with apt package lists (run `apt-get update` first) and dpkg-deb; it
# downloads the .deb files with `apt-get download` and unpacks them in a temporary folder, so
# nothing is installed. Ends by checking every file against SHA256SUMS: a different package
# version fails here instead of silently changing the PDFs.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/packages/server/assets/fonts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
# Pinned to the versions recorded in PROVENANCE.md.
apt-get download 'fonts-noto-core=20201225-1' 'fonts-droid-fallback=1:6.0.1r16-1.1'
for deb in ./*.deb; do dpkg-deb -x "$deb" x; done

noto=x/usr/share/fonts/truetype/noto
mkdir -p "$out"
# Latin, Greek and Cyrillic (regular and bold for headings), Hebrew, Arabic.
for f in NotoSans-Regular NotoSans-Bold NotoSansHebrew-Regular NotoSansArabic-Regular; do
  cp "$noto/$f.ttf" "$out/$f.ttf"
done
# Chinese, Japanese kana and Korean Hangul in one 4 MB file (the Noto CJK collections are 20+ MB each).
cp x/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf "$out/"

# Licences: Debian's copyright files as shipped, and the full licence texts.
cp x/usr/share/doc/fonts-noto-core/copyright "$out/copyright-fonts-noto-core"
cp x/usr/share/doc/fonts-droid-fallback/copyright "$out/copyright-fonts-droid-fallback"
# The OFL text is the stand-alone "License: OFL-1.1" paragraph of Debian's copyright file
# (indented one space, blank lines written as " .").
{
  printf 'SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007\n\n'
  awk '/^License: OFL-1.1$/ { on = 1; next } on && /^ / { sub(/^ /, ""); if ($0 == ".") $0 = ""; print; next } { on = 0 }' \
    "$out/copyright-fonts-noto-core"
} >"$out/OFL-1.1.txt"
cp /usr/share/common-licenses/Apache-2.0 "$out/Apache-2.0.txt"

cd "$out"
sha256sum --check --strict SHA256SUMS
echo "fonts rebuilt in $out"
