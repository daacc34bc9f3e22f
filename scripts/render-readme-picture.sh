#!/usr/bin/env bash
# Renders the README picture from a real refresh of the example tracker: LibreOffice opens
# the refreshed workbook and prints it to PDF; the top of the "Pathway plan summary" page
# becomes docs/pathway-plan-summary.png. Needs libreoffice-calc-nogui and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm run -s flags -- refresh examples/tracker.xlsx --as-of 2026-11-23 --out "$work/tracker-flags.xlsx" >/dev/null
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/tracker-flags.xlsx" >/dev/null
# (each page's text is read whole first: with pipefail, `pdftotext | head` fails when head
# stops reading early, which made the search miss the page now and then)
page=$(for p in $(seq 1 "$(pdfinfo "$work/tracker-flags.pdf" | awk '/^Pages:/ {print $2}')"); do
  text=$(pdftotext -f "$p" -l "$p" "$work/tracker-flags.pdf" -)
  if head -3 <<<"$text" | grep -q 'Pathway plan summary'; then echo "$p"; break; fi
done)
if [ -z "$page" ]; then echo "no page starts with 'Pathway plan summary'" >&2; exit 1; fi
pdftoppm -png -r 300 -f "$page" -l "$page" -x 100 -y 130 -W 1750 -H 650 -singlefile "$work/tracker-flags.pdf" docs/pathway-plan-summary
echo "docs/pathway-plan-summary.png from page $page"
