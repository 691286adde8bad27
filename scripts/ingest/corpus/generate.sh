#!/usr/bin/env bash
# Regenerates the producer corpus in test/fixtures/ingest/corpus/ from its rows.json (see the README there).
# Needs (not needed to run the tests: the corpus is committed):
#   apt-get install -y python3-openpyxl python3-xlsxwriter gnumeric libreoffice-calc-nogui
#   SheetJS: installed here into a temp dir (never into the project's package.json)
# Usage: scripts/ingest/corpus/generate.sh   (from anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
corpus="$root/test/fixtures/ingest/corpus"
python=/usr/bin/python3 # Debian's, with python3-openpyxl and python3-xlsxwriter (a pyenv shim on PATH would lack them)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in "$python" soffice ssconvert node npm unzip; do
  command -v "$tool" > /dev/null || { echo "missing: $tool (see the header of $0)" >&2; exit 1; }
done

cd "$here"
"$python" openpyxl_corpus.py
"$python" xlsxwriter_corpus.py

npm install --silent --no-save --prefix "$work/sheetjs" xlsx > /dev/null
TZ=UTC node sheetjs.mjs "$work/sheetjs/node_modules/xlsx"

(cd "$root" && npx tsx scripts/ingest/corpus/exceljs.ts)
echo "exceljs $(cd "$root" && node -p "require('exceljs/package.json').version")" >&2

# LibreOffice re-saves openpyxl's workbook ("Notes" first); Gnumeric re-saves XlsxWriter's ("Summary" first).
cp "$corpus/openpyxl-absolute-parts.xlsx" "$work/libreoffice.xlsx"
soffice --headless "-env:UserInstallation=file://$work/lo-profile" --convert-to 'xlsx:Calc MS Excel 2007 XML' \
  --outdir "$work/out" "$work/libreoffice.xlsx" > /dev/null 2>&1
cp "$work/out/libreoffice.xlsx" "$corpus/libreoffice.xlsx"
soffice --version >&2
ssconvert -T Gnumeric_Excel:xlsx2 "$corpus/xlsxwriter-shared-strings.xlsx" "$corpus/gnumeric.xlsx" 2> /dev/null
ssconvert --version | head -1 >&2

"$python" postprocess.py

# What each file holds: part names in the workbook's relationships, string and date cell kinds, sheet order.
for file in "$corpus"/*.xlsx "$corpus"/../broken/*.xlsx; do
  echo "$(basename "$file"):"
  echo "  targets: $(unzip -p "$file" xl/_rels/workbook.xml.rels | grep -o 'Target="[^"]*worksheets[^"]*"' | tr '\n' ' ')"
  echo "  sheets:  $(unzip -p "$file" xl/workbook.xml | grep -o '<sheet [^>]*name="[^"]*"' | sed 's/.*name=//' | tr '\n' ' ')"
  echo "  cells:   $(unzip -p "$file" 'xl/worksheets/*.xml' 2> /dev/null | grep -o ' t="[a-zA-Z]*"' | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
done
