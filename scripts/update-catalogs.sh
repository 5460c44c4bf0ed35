#!/usr/bin/env bash
# Extract the interface strings (every Python module and template of web/, views/ and review/, and the saved
# queries' texts; babel.cfg) into web/locale/messages.pot and merge them into the Polish and English catalogs;
# then write the new Polish strings in src/partnergraph/web/locale/pl/LC_MESSAGES/messages.po
# (tests/test_catalogs.py fails on an empty or fuzzy one).
# `--check` changes nothing: it exits 1 if the catalogs differ from what the extraction gives (tests run it).
set -euo pipefail
cd "$(dirname "$0")/../src/partnergraph/web"
pybabel=${PYBABEL:-../../../.venv/bin/pybabel}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r locale "$work/locale"
$pybabel extract -F babel.cfg -k N_ -k gettext:2 -k t --no-location --sort-output --omit-header \
  --ignore-dirs ".* _* node_modules" --project partnergraph -o "$work/locale/messages.pot" \
  . ../views ../review ../../../queries 2>/dev/null
$pybabel update -i "$work/locale/messages.pot" -d "$work/locale" -D messages --no-fuzzy-matching \
  --ignore-obsolete -w 110 2>/dev/null
if [[ "${1:-}" == "--check" ]]; then
  # the update stamps the time of the extraction in each catalog's header: not a difference
  if ! diff -r -u -I '^"POT-Creation-Date: ' locale "$work/locale"; then
    echo "update-catalogs: the catalogs in locale/ are not what the extraction gives: run scripts/update-catalogs.sh" >&2
    exit 1
  fi
else
  cp -r "$work/locale/." locale/
fi
