"""Screenshots of the portal for anyone to look at: home, a country, the map and the network, in Polish
and English, at a desktop width and at a phone's 390 px.

    python benchmarks/screenshots.py                      # serves this project's build on a free port
    python benchmarks/screenshots.py --url http://127.0.0.1:8000/ --out docs/screenshots
    python benchmarks/screenshots.py --every --width 390 --out /tmp/shots   # every kind of page, a phone

Writes <page>-<lang>-<width>.png into --out (default docs/screenshots) and prints each file's name and the
time the page took to settle."""

from __future__ import annotations

import argparse
import contextlib
import re
import subprocess
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PAGES = {
    "home": "",
    "country": "partnergraph/id/country/de",
    "map": "map",
    "network": "network",
}
EVERY = {  # --every: one page of each kind the portal has
    **PAGES,
    "browse": "browse",
    "events": "browse/events",
    "cities": "browse/cities",
    "search": "search?q=Berlinie",
    "charts": "charts",
    "query": "query",
    "queries": "queries",
    "saved-query": "queries/events_on_topic?topic=homelessness&run=1",
    "event": "partnergraph/id/event/bip-83616/wizyta-grupy-z-holandii-w-miejskim-osrodku-pomocy",
    "city": "partnergraph/id/city/helsinki-fi",
    "organisation": "partnergraph/id/organisation/european-social-network",
    "dataset": "dataset",
    "dumps": "dumps/",
    "ontology": "ontology",
    "not-found": "no-such-page",
}
WIDTHS = (1280, 390)


def start_server(root: Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "partnergraph.cli", "serve", "--root", str(root), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    for line in process.stdout:
        match = re.search(r"serving at (http://\S+/)", line)
        if match:
            return process, match.group(1)
    raise SystemExit("partnergraph serve did not start")


@contextlib.contextmanager
def serving(url: str | None, root: Path):
    """The address to measure: `url` when given, else a server started on `root` (stopped at the end)."""
    if url:
        yield url
        return
    process, url = start_server(root)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(15)


def draw_every_chart(page, seconds: float = 15) -> None:
    """Scroll down the page and back: its charts are drawn as they come into view (a full-page shot
    taken at once showed them empty), then wait until each one is drawn."""
    page.evaluate(
        """async () => { for (let y = 0; y < document.body.scrollHeight; y += 300) {
            window.scrollTo(0, y); await new Promise(r => setTimeout(r, 40)); } window.scrollTo(0, 0); }"""
    )
    undrawn = "() => [...document.querySelectorAll('.chart[data-spec]')].filter(c => !c.dataset.drawn).length"
    deadline = time.monotonic() + seconds
    while page.evaluate(undrawn) and time.monotonic() < deadline:
        page.wait_for_timeout(100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server (default: start one on this project)")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--root", default=".")
    parser.add_argument("--every", action="store_true", help="every kind of page, not only the four")
    parser.add_argument("--width", type=int, action="append", help="only this width (repeatable)")
    args = parser.parse_args()
    pages = EVERY if args.every else PAGES
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with serving(args.url, Path(args.root).resolve()) as url:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for width in args.width or WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                for name, path in pages.items():
                    for lang in ("pl", "en"):
                        sep = "&" if "?" in path else "?"
                        start = time.perf_counter()
                        page.goto(f"{url}{path}{sep}lang={lang}", wait_until="networkidle")
                        draw_every_chart(page)
                        page.wait_for_timeout(300)  # charts and the network settle
                        took = time.perf_counter() - start
                        target = out / f"{name}-{lang}-{width}.png"
                        page.screenshot(path=str(target), full_page=name != "network")
                        print(f"{target}  {took:.2f} s")
                context.close()
            browser.close()


if __name__ == "__main__":
    main()
