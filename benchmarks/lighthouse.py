"""Lighthouse scores of the portal's main pages (npm lighthouse 12.2.3 from the front-end's lock file, with
Debian's Chromium): performance, accessibility, best practices and SEO per page.

    python benchmarks/lighthouse.py                          # serves this project's build on a free port
    python benchmarks/lighthouse.py --url http://127.0.0.1:8000/

The issue's targets: 95 in accessibility, best practices and SEO, 90 in performance. Performance is
simulated on a throttled phone and depends on the machine's load: run it on an idle machine."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from screenshots import start_server

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "src/partnergraph/web/frontend/node_modules/.bin/lighthouse"
PAGES = ["", "partnergraph/id/country/de", "queries/partner_cities?run=1", "query", "map", "network"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def score(url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--output=json",
                f"--output-path={out}",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--only-categories=" + ",".join(CATEGORIES),
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            timeout=300,
        )
        report = json.loads(out.read_text())
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server (default: start one on this project)")
    args = parser.parse_args()
    process, url = (None, args.url) if args.url else start_server(ROOT)
    try:
        print(f"{'page':32} " + " ".join(f"{c:>14}" for c in CATEGORIES))
        for page in PAGES:
            scores = score(url + page)
            print(f"{'/' + page:32} " + " ".join(f"{scores[c]:>14}" for c in CATEGORIES))
    finally:
        if process is not None:
            process.terminate()
            process.wait(15)


if __name__ == "__main__":
    main()
