"""The review's entity decisions: how long "these two names are one organisation" and "this organisation
is new" take, from the request to the graph being current again, on the seed corpus and on larger ones.

    python benchmarks/review_entity.py [--extra DIR ...] [--repeat 2]

A project copy (data/, ontology/, queries/) in a temporary folder, with the pages of each `--extra` folder
(a folder with a manifest.json, e.g. ../shared/eval/dev-other/pages) added to its corpus, is built once;
the review application is made in this process, and each decision is applied as its request does
(`apply_entity`), then the graph updater is waited for. Prints, per decision: the request's time (what
the person waits for before the page reloads), the graph update's time, and how many pages each touched.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MERGE = ("Rada Dzielnicy IV", "Rada Dzielnicy IV Prądnik Biały")  # two names of one body on a seed page
NEW = "Konsul Honorowy RP w Holandii"


def make_project(folder: Path, extras: list[Path], leave_out: set[str]) -> Path:
    for name in ("data", "ontology", "queries"):
        shutil.copytree(ROOT / name, folder / name)
    sources = folder / "data" / "sources"
    manifest = json.loads((sources / "manifest.json").read_text(encoding="utf-8"))
    for extra in extras:
        for entry in json.loads((extra / "manifest.json").read_text(encoding="utf-8")):
            if entry["file"] in leave_out:
                continue
            shutil.copy(extra / entry["file"], sources / entry["file"])
            manifest.append({k: v for k, v in entry.items() if k != "notes"})
    (sources / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extra", type=Path, action="append", default=[], help="a folder of pages to add")
    parser.add_argument(
        "--leave-out", action="append", default=[], help="a file of an --extra folder not to add"
    )
    parser.add_argument(
        "--repeat", type=int, default=2, help="fresh projects to measure (best is printed too)"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    from partnergraph.build import build
    from partnergraph.review import registry_file
    from partnergraph.review.app import apply_entity, create_app
    from partnergraph.settings import Settings

    results: dict[str, list[tuple[float, float]]] = {}
    touched: dict[str, int] = {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(make_project(Path(tmp), args.extra, set(args.leave_out)))
            build(settings)
            started = time.perf_counter()
            app = create_app(settings)
            review = app.state.review
            opened = time.perf_counter() - started
            pages = len(review.corpus.texts)
            for name, body in (
                ("merge", {"op": "merge", "name": MERGE[0], "into": MERGE[1]}),
                ("new_org", {"op": "new_org", "name": NEW, "kind": "consulate", "country": "NL"}),
            ):
                body["version"] = registry_file.version(settings.reference_dir)
                t0 = time.perf_counter()
                with review.write_lock:
                    touched_now = len(apply_entity(review, body).get("pages", review.corpus.texts))
                t1 = time.perf_counter()
                if not review.updater.wait(1800):
                    sys.exit("the graph update did not finish in 30 minutes")
                t2 = time.perf_counter()
                if review.updater.error:
                    sys.exit(f"the graph update failed: {review.updater.error}")
                results.setdefault(name, []).append((t1 - t0, t2 - t1))
                touched[name] = touched_now
    print(f"{pages} pages; the review opened in {opened:.1f} s")
    for name, runs in results.items():
        request = min(r for r, _ in runs)
        graph = min(g for _, g in runs)
        print(
            f"{name:8} {touched[name]:3} page(s) remade, request {request:6.2f} s, graph update {graph:6.2f} s (best of {len(runs)}; all: "
            + ", ".join(f"{r:.2f}+{g:.2f}" for r, g in runs)
            + ")"
        )


if __name__ == "__main__":
    main()
