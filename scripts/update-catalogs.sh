#!/usr/bin/env bash
# Extract the interface strings (portal templates and views, the older pages, the network view, the review) into web/locale/messages.pot and merge
# them into the Polish and English catalogs; then write the new Polish strings in
# src/partnergraph/web/locale/pl/LC_MESSAGES/messages.po (tests/test_portal.py fails on an empty one).
set -euo pipefail
cd "$(dirname "$0")/../src/partnergraph/web"
pybabel=../../../.venv/bin/pybabel
$pybabel extract -F babel.cfg -k N_ -k gettext:2 -k t --no-location --sort-output --omit-header \
  --project partnergraph -o locale/messages.pot . ../views ../review ../../../queries >/dev/null
$pybabel update -i locale/messages.pot -d locale -D messages --no-fuzzy-matching --ignore-obsolete -w 110
