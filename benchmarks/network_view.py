"""Benchmark of the network page: generation time, file size, and time until the layout is stable and the
page answers a filter in headless Chromium, for synthetic graphs of about 1k, 5k and 20k nodes.

    python benchmarks/network_view.py                      # about 1k, 5k and 20k nodes
    python benchmarks/network_view.py --events 250 1850    # choose the sizes by events instead

The graphs come from benchmarks/generate.py (the graph-core generator, the real graph's model); a graph
of N events has about 1.4 N to 4 N nodes, so each node target is reached with a number of events read
off that curve, and the node count actually reached is printed. Each graph is loaded into an in-memory
embedded store, and the page is made from the store as `partnergraph view` makes it:
  network  SPARQL -> networkx (build_network)
  layout   compute_layout (networkx spring layout; above 1,500 nodes a skeleton plus placement)
  render   page data, template, inlined vis-network
In Chromium (Debian's /usr/bin/chromium, every request outside the file refused; the median of --runs
page loads):
  stable   from the start of navigation to vis-network's first complete drawing; the layout is computed
           beforehand and physics is off, so nothing moves after that (the page answers from then on)
  edges    until every edge is drawn too: above 20,000 edges the page draws its nodes first and adds
           the edges 30,000 at a time (vis-network spends about 80 µs on each edge it is given)
  filter   choosing a country in the filter until the redraw is done
  search   typing a name in the search box until the redraw is done (includes the 120 ms debounce)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# events that give about this many nodes with generate.py (read off its curve: 300 -> 1.2k, 1500 -> 4.3k,
# 6000 -> 11.4k, 12500 -> 18.7k nodes)
EVENTS_FOR_NODES = {1000: 250, 5000: 1850, 20000: 14000}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def measure_page(browser, path: Path) -> dict:
    url = path.as_uri()
    refused: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()

    def route(r):
        if r.request.url == url:
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    started = time.perf_counter()
    page.goto(url, timeout=600_000)
    page.wait_for_function(
        "() => document.documentElement.dataset.ready === '1'", timeout=600_000, polling=20
    )
    wall = time.perf_counter() - started
    stable = page.evaluate("window.pgReadyAt") / 1000
    page.wait_for_function(
        "() => document.documentElement.dataset.edges === '1'", timeout=600_000, polling=20
    )
    all_edges = page.evaluate("window.pgEdgesAt") / 1000
    drawn = page.evaluate("pgNetwork.body.nodeIndices.length")
    timed_redraw = """async ([selector, value, isSelect]) => {
        const el = document.querySelector(selector);
        const done = new Promise(resolve => pgNetwork.once('afterDrawing', resolve));
        const t0 = performance.now();
        if (isSelect) { el.value = value; el.dispatchEvent(new Event('change')); }
        else { el.value = value; el.dispatchEvent(new Event('input')); }
        await done;
        return [performance.now() - t0, window.pgVisible];
    }"""
    country = page.evaluate("document.querySelector('#pg-country').options[1].value")
    filter_ms, filtered = page.evaluate(timed_redraw, ["#pg-country", country, True])
    page.evaluate(timed_redraw, ["#pg-country", "-1", True])
    label = page.evaluate("JSON.parse(document.getElementById('pg-data').textContent).nodes[0].l.slice(0, 6)")
    search_ms, found = page.evaluate(timed_redraw, ["#pg-search", label, False])
    context.close()
    return {
        "wall": wall,
        "stable": stable,
        "edges": all_edges,
        "drawn": drawn,
        "filter_ms": filter_ms,
        "filtered": filtered,
        "search_ms": search_ms,
        "found": found,
        "refused": refused,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nodes", type=int, nargs="*", default=sorted(EVENTS_FOR_NODES))
    parser.add_argument("--events", type=int, nargs="*", help="sizes by number of events instead")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=3, help="page loads per size (the median is shown)")
    parser.add_argument("--keep", metavar="DIR", help="keep the pages in this folder")
    args = parser.parse_args(argv)

    from generate import generate_nquads
    from playwright.sync_api import sync_playwright

    from partnergraph.network import build_network, compute_layout
    from partnergraph.store import EmbeddedStore
    from partnergraph.views import render_network

    sizes = args.events or [EVENTS_FOR_NODES.get(n, max(50, n // 3)) for n in args.nodes]
    folder = Path(args.keep or tempfile.mkdtemp(prefix="pg-network-view-"))
    folder.mkdir(parents=True, exist_ok=True)
    header = (
        f"{'events':>7} {'nodes':>7} {'edges':>7} | {'network':>8} {'layout':>7} {'render':>7} {'total':>7} "
        f"{'size MB':>8} | {'stable':>7} {'edges':>7} {'filter':>8} {'search':>8}  requests/errors"
    )
    print(header)
    print("-" * len(header))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for n_events in sizes:
            store = EmbeddedStore()
            store.load_nquads(generate_nquads(n_events, seed=args.seed))
            t0 = time.perf_counter()
            graph = build_network(store)
            t1 = time.perf_counter()
            positions = compute_layout(graph)
            t2 = time.perf_counter()
            page = render_network(graph, lang="en", link_base=None, positions=positions)
            t3 = time.perf_counter()
            path = folder / f"network-{n_events}.html"
            path.write_text(page, encoding="utf-8")
            runs = [measure_page(browser, path) for _ in range(max(1, args.runs))]
            assert all(r["drawn"] == len(graph) for r in runs), [r["drawn"] for r in runs]
            result = {
                k: statistics.median(r[k] for r in runs)
                for k in ("stable", "edges", "filter_ms", "search_ms")
            }
            result["refused"] = [u for r in runs for u in r["refused"]]
            result["errors"] = [e for r in runs for e in r["errors"]]
            print(
                f"{n_events:>7} {len(graph):>7} {graph.number_of_edges():>7} | "
                f"{t1 - t0:>7.2f}s {t2 - t1:>6.2f}s {t3 - t2:>6.2f}s {t3 - t0:>6.2f}s "
                f"{path.stat().st_size / 1e6:>8.2f} | "
                f"{result['stable']:>6.2f}s {result['edges']:>6.2f}s {result['filter_ms']:>6.0f}ms "
                f"{result['search_ms']:>6.0f}ms  {len(result['refused'])}/{len(result['errors'])}",
                flush=True,
            )
        browser.close()
    if not args.keep:
        for path in folder.glob("*.html"):
            path.unlink()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
