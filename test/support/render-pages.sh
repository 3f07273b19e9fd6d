#!/bin/sh
# Renders every output of every sample (and the entry forms of one sample) to PDF and PNG pages,
# so a person can look at what a clerk would print: test/support/render-pages.sh [out folder].
# Needs LibreOffice (soffice) and poppler (pdftoppm); says so and stops when they are missing.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-/tmp/score-pages}
for tool in soffice pdftoppm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "未找到 $tool，跳过渲染（apt-get install -y libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-noto-cjk）" >&2
    exit 0
  fi
done
[ -f "$root/dist/cli/main.js" ] || (cd "$root" && npm run build >/dev/null)
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
# A profile of its own, so a running LibreOffice of the user's is neither needed nor disturbed.
profile="file://$work/profile"
render() { # file, name of the pages
  soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/pdf" "$1" >/dev/null 2>&1
  pdf="$work/pdf/$(basename "${1%.*}").pdf"
  mv "$pdf" "$out/$2.pdf"
  pdftoppm -r 50 -png "$out/$2.pdf" "$out/$2"
  echo "$2: $(ls "$out/$2"-*.png | wc -l) 页"
}
for dir in "$root"/samples/*/; do
  name=$(basename "$dir")
  cp -r "$dir" "$work/$name"
  node "$root/bin/score.js" "$work/$name/annual.xlsx" >/dev/null 2>&1 || true
  for f in "$work/$name"/annual.通报.xlsx "$work/$name"/annual.通报.docx; do
    [ -f "$f" ] && render "$f" "$name.${f##*.}"
  done
done
node "$root/bin/score.js" template "$work/zhengding/annual.xlsx" --by-department -o "$work/forms" >/dev/null 2>&1 || true
for f in "$work"/forms/*.xlsx; do
  render "$f" "form-$(basename "${f%.xlsx}")"
done
rm -rf "$work"
echo "页面在 $out"
