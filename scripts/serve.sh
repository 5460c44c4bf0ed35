#!/usr/bin/env bash
# The main job on a fresh machine: install, build the graph from data/ (only when it changed), serve it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/partnergraph serve "$@"
