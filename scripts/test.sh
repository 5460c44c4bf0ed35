#!/usr/bin/env bash
# Every test on a fresh machine: install everything the tests need (nothing is skipped), lint, run pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
.venv/bin/ruff check src tests benchmarks
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
