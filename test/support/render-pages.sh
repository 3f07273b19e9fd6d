#!/bin/sh
# Renders every output of every sample to PDF and PNG pages, so a person can look at what a clerk
# would print, and prints figures for each PDF (pages, median type height, pages without a page
# number, blank pages, text beyond the edge): test/support/render-pages.sh [out folder].
# Per sample: the 通报 workbook of a re-run after one score changed (every sheet, 变更 included)
# and its docx, the forms of `score template` and `score template --by-department`, two 反馈单,
# and the files of `score init --preset`. DPI=… sets the PNGs' resolution (default 50), PAGES=1
# lists every page's figures, SAMPLES="a b" renders only those samples (LibreOffice is slow on a
# busy machine). Needs LibreOffice (soffice) and poppler; says so and stops without.
# Without Carlito (Calibri's metrics, the workbooks' default font) LibreOffice draws columns wider than Excel and WPS do.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-/tmp/score-pages}
dpi=${DPI:-50}
for tool in soffice pdftoppm pdftotext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "未找到 $tool，跳过渲染（apt-get install -y libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-crosextra-carlito）" >&2
    exit 0
  fi
done
fc-match Calibri 2>/dev/null | grep -q Carlito || echo "提示：未安装 Carlito 字体（fonts-crosextra-carlito），列宽会比 Excel、WPS 中宽" >&2
[ -f "$root/dist/cli/main.js" ] || (cd "$root" && npm run build >/dev/null)
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
score() { node "$root/bin/score.js" "$@" >"$work/last.log" 2>&1 || { echo "score $*: 失败" >&2; cat "$work/last.log" >&2; }; }
# A profile of its own, so a running LibreOffice of the user's is neither needed nor disturbed.
profile="file://$work/profile"
mkdir -p "$work/in" "$work/pdf"
queue() { # file, name of the pages: copied under that name, to be converted all at once
  if [ -f "$1" ]; then cp "$1" "$work/in/$2.${1##*.}"; else echo "$2: 没有生成 $1" >&2; fi
}
for dir in "$root"/samples/*/; do
  name=$(basename "$dir")
  case " ${SAMPLES:-$name} " in *" $name "*) ;; *) continue ;; esac
  s="$work/$name"
  mkdir -p "$s" && cp "$dir"/annual.xlsx "$dir"/*.yaml "$s"/ && cp "$dir"/*.txt "$s"/ 2>/dev/null || true
  score "$s/annual.xlsx" --feedback "$s/反馈单"
  node "$root/test/support/lower-score.mjs" "$s/annual.xlsx"
  score "$s/annual.xlsx"
  queue "$s/annual.通报.xlsx" "$name.通报-xlsx"
  queue "$s/annual.通报.docx" "$name.通报-docx"
  for f in $(ls "$s/反馈单"/*.xlsx | head -2); do queue "$f" "$name.$(basename "${f%.xlsx}")"; done
  score template "$s/annual.xlsx" -o "$s/form"
  for f in "$s"/form/*.xlsx; do queue "$f" "$name.form.$(basename "${f%.xlsx}")"; done
  score template "$s/annual.xlsx" --by-department -o "$s/forms"
  for f in "$s"/forms/*.xlsx; do queue "$f" "$name.forms.$(basename "${f%.xlsx}")"; done
  score init "$s/init" --preset "$name"
  for f in "$s"/init/*.xlsx; do queue "$f" "$name.init.$(basename "${f%.xlsx}")"; done
done
# One LibreOffice for every file: starting it is most of the time a file takes.
soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/pdf" "$work"/in/* >/dev/null 2>&1
for f in "$work"/in/*; do
  pages=$(basename "${f%.*}")
  pdf="$work/pdf/$(basename "${f%.*}").pdf"
  [ -f "$pdf" ] || { echo "$pages: LibreOffice 未能转换" >&2; continue; }
  mv "$pdf" "$out/$pages.pdf"
  pdftoppm -r "$dpi" -png "$out/$pages.pdf" "$out/$pages"
  node "$root/test/support/page-stats.mjs" "$out/$pages.pdf"
done
echo "页面在 $out"
