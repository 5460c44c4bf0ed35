"""Lighthouse scores of the portal's main pages (npm lighthouse 12.2.3 from the front-end's lock file, with
Debian's Chromium): performance, accessibility, best practices and SEO per page.

    python benchmarks/lighthouse.py                          # serves this project's build on a free port
    python benchmarks/lighthouse.py --url http://127.0.0.1:8000/
    python benchmarks/lighthouse.py map network              # only these pages

The issue's targets: 95 in accessibility, best practices and SEO, 90 in performance. Performance is
simulated on a throttled phone and depends on the machine's load: run it on an idle machine."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from screenshots import serving

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "src/partnergraph/web/frontend/node_modules/.bin/lighthouse"
PAGES = ["", "partnergraph/id/country/de", "queries/partner_cities?run=1", "query", "map", "network"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}  # the bar
METRICS = {  # what the performance score is made of (simulated on a throttled phone)
    "FCP s": ("first-contentful-paint", 1000),
    "LCP s": ("largest-contentful-paint", 1000),
    "TBT ms": ("total-blocking-time", 1),
    "CLS": ("cumulative-layout-shift", 1),
}


def score(url: str, categories: tuple[str, ...] = CATEGORIES) -> dict[str, float]:
    """Lighthouse's scores of `url` in `categories` (and the performance metrics when performance is one)."""
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
                "--only-categories=" + ",".join(categories),
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            timeout=300,
        )
        report = json.loads(out.read_text())
    scores = {name: round(report["categories"][name]["score"] * 100) for name in categories}
    for name, (audit, unit) in METRICS.items():
        if "performance" in categories:
            scores[name] = round(report["audits"][audit]["numericValue"] / unit, 2)
    failed = [
        audit["id"]
        for audit in report["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") == "binary"
    ]
    return scores | {"failed": failed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server (default: start one on this project)")
    parser.add_argument("pages", nargs="*", help="paths to score (default: the six main pages)")
    args = parser.parse_args()
    with serving(args.url, ROOT) as url:
        columns = (*CATEGORIES, *METRICS)
        print(f"{'page':32} " + " ".join(f"{c:>14}" for c in columns) + "  failed audits")
        for page in args.pages or PAGES:
            scores = score(url + page)
            print(
                f"{'/' + page:32} " + " ".join(f"{scores[c]:>14}" for c in columns),
                " ".join(scores["failed"]),
                flush=True,
            )


if __name__ == "__main__":
    main()
