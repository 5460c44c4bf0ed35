"""Is the confidence of extracted values honest enough to order a review queue?

    python benchmarks/confidence_honesty.py [--set NAME=MANIFEST_OR_FOLDER:GOLD ...] [--share 0.2]

For every development set (default: the two seed pages with ../shared/eval/gold, and
../shared/eval/dev-other with its gold) every page is extracted (with the manifest's url, year, home
and home_city), events are paired with the gold by title as ../shared/eval/score.py pairs them, and each
value of each scored field is judged right (the gold has it) or wrong (it does not; every value of an
invented event is wrong). Values are sorted by confidence; the script prints the share of wrong values
among the least confident `share` of them and among the rest, per set and overall, and the wrong
share per confidence band. Honest means: far more wrong values at the bottom than above it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def load_score():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages_of(source: Path) -> list[tuple[Path, dict]]:
    """(page, manifest entry) of a manifest file or of every .txt/.html page of a folder."""
    if source.is_file():
        return [(source.parent / e["file"], e) for e in json.loads(source.read_text(encoding="utf-8"))]
    return [(p, {}) for p in sorted([*source.glob("*.txt"), *source.glob("*.html")])]


def title_similarity(score, gold: dict, pred: dict) -> float:
    s = score.similar(gold["title"], pred["title"])
    return s if s >= score.TITLE_MATCH else 0


def judged_values(source: Path, gold_dir: Path, score, registries) -> list[tuple[float, bool, str]]:
    """(confidence, wrong, field) of every value extracted from the set's pages."""
    from partnergraph.extract import extract_document
    from partnergraph.sources import read_page

    out = []
    for path, entry in pages_of(source):
        gold_path = gold_dir / f"{path.stem}.json"
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["events"]
        page = read_page(
            path,
            url=entry.get("url"),
            year=entry.get("year"),
            home=entry.get("home"),
            home_city=entry.get("home_city"),
        )
        pred = extract_document(page, registries)["events"]
        pairs = {j: i for i, j in score.pair_up(gold, pred, lambda g, p: title_similarity(score, g, p))}
        for j, ev in enumerate(pred):
            g = gold[pairs[j]] if j in pairs else None
            for field in score.FIELDS:
                items = score.items(ev, field)
                confidences = ev.get("confidence", {}).get(field)
                if not isinstance(confidences, list):
                    confidences = [confidences] * len(items)
                remaining = list(score.items(g, field)) if g is not None else []
                for item, conf in zip(items, confidences, strict=False):
                    hit = next((x for x in remaining if score.items_match(field, x, item)), None)
                    if hit is not None:
                        remaining.remove(hit)
                    out.append((conf if conf is not None else 0.5, hit is None, field))
    return out


def report(name: str, values: list[tuple[float, bool, str]], share: float) -> None:
    if not values:
        print(f"{name}: no values")
        return
    ranked = sorted(values, key=lambda v: v[0])
    k = max(1, round(len(ranked) * share))
    low, rest = ranked[:k], ranked[k:]
    wrong = lambda vs: sum(w for _, w, _ in vs) / len(vs) if vs else 0.0  # noqa: E731
    print(
        f"{name}: {len(values)} values, {sum(w for _, w, _ in values)} wrong; wrong among the "
        f"{share:.0%} least confident: {wrong(low):.1%} (n={len(low)}), among the rest: {wrong(rest):.1%} "
        f"(n={len(rest)})"
    )
    for lo, hi in ((0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)):
        band = [v for v in values if lo <= v[0] < hi]
        if band:
            print(f"    confidence {lo:.2f}-{min(hi, 1):.2f}: {len(band):4d} values, {wrong(band):.1%} wrong")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--set",
        action="append",
        metavar="NAME=PAGES:GOLD",
        help="a set: a manifest.json or a folder of pages, and its gold folder",
    )
    ap.add_argument("--share", type=float, default=0.2, help="the bottom share to compare (default 0.2)")
    args = ap.parse_args()
    sets = args.set or [
        f"seeds={EVAL.parent / 'seeds'}:{EVAL / 'gold'}",
        f"dev-other={EVAL / 'dev-other' / 'pages' / 'manifest.json'}:{EVAL / 'dev-other' / 'gold'}",
    ]
    from partnergraph.reference import load_registries

    registries = load_registries(ROOT / "data" / "reference")
    score = load_score()
    everything = []
    for spec in sets:
        name, _, rest = spec.partition("=")
        pages, _, gold = rest.rpartition(":")
        values = judged_values(Path(pages), Path(gold), score, registries)
        report(name, values, args.share)
        everything += values
    report("all", everything, args.share)


if __name__ == "__main__":
    main()
