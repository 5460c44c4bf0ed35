#!/usr/bin/env bash
# Install what partnergraph needs into .venv (created if missing). With --test, also the test tools and
# the system packages the tests drive for real: Chromium and ChromeDriver, Virtuoso, raptor2's rapper.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--test" ]]; then
  packages=(chromium chromium-driver virtuoso-opensource raptor2-utils)
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  command -v java >/dev/null || missing+=(default-jre-headless)  # the Nu HTML checker (vnu-jar)
  if ((${#missing[@]})); then
    echo "installing system packages: ${missing[*]}"
    sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  extras=".[test]"
else
  extras="."
fi

[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e "$extras"

# the portal's front-end: npm packages from the lock file, bundled by esbuild into web/static/dist
frontend=src/partnergraph/web/frontend
if ! command -v npm >/dev/null; then
  echo "installing system packages: nodejs npm"
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if [[ ! -d $frontend/node_modules ]] || [[ $frontend/package-lock.json -nt $frontend/node_modules/.package-lock.json ]]; then
  (cd "$frontend" && npm ci --no-audit --no-fund --loglevel=error)
fi
# build.mjs asks the package (with this Python) for the charts it compiles to Vega
python="$PWD/.venv/bin/python"
(cd "$frontend" && PYTHON="$python" node build.mjs >/dev/null)
