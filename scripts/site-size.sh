#!/usr/bin/env bash
# The size of the built site in pkg/: each file raw and gzip -9, and the total a browser
# downloads on first visit (gzip). Run after `trunk build --release` (./dev size does both).
set -euo pipefail
cd "$(dirname "$0")/../pkg"
total_raw=0; total_gz=0
printf '%-44s %10s %10s\n' file bytes gzip
# The one-file build and pdf.js with its character maps and fonts (fetched only when a PDF
# needs them) are reported apart.
for f in $(find . -type f ! -name assessment-lens.html ! -name 'pdf*.mjs' ! -path './cmaps/*' ! -path './standard_fonts/*' | sort); do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "${f#./}" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' total "$total_raw" "$total_gz"
pdf_raw=0; pdf_gz=0
for f in pdf.min.mjs pdf.worker.min.mjs $(find cmaps standard_fonts -type f 2>/dev/null); do
  [ -f "$f" ] || continue
  pdf_raw=$((pdf_raw + $(stat -c %s "$f"))); pdf_gz=$((pdf_gz + $(gzip -9 -c "$f" | wc -c)))
done
printf 'PDF support (pdf.js, its character maps and fonts, on demand): %d bytes, %d gzip\n' "$pdf_raw" "$pdf_gz"
if [ -f assessment-lens.html ]; then
  printf 'one-file build (assessment-lens.html): %d bytes, %d gzip\n' "$(stat -c %s assessment-lens.html)" "$(gzip -9 -c assessment-lens.html | wc -c)"
fi
# The official children's social care figures embedded in the wasm (issue 18), made from the CSVs.
data=../src/analysis/context/england.tsv
if [ -f "$data" ]; then
  printf 'embedded official figures (src/analysis/context/england.tsv, inside the wasm): %d bytes, %d gzip\n' "$(stat -c %s "$data")" "$(gzip -9 -c "$data" | wc -c)"
fi
awk -v r="$total_raw" -v g="$total_gz" 'BEGIN { printf "site: %.0f KiB raw, %.0f KiB gzip\n", r / 1024, g / 1024 }'
