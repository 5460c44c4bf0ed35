"""A fourth probe set, on how a page is cut into events and how they are dated and typed: a city portal's list of
teasers (one a call for applications), a news article with a 'Zobacz także' block in mid-text, a chronicle with
'Data:'/'Miejsce:' lines under its headings, a report's table flattened to text, month-only donations, an article
with 'Dzień pierwszy'/'Dzień drugi' subheadings, a blog's month archive of two posts, duration phrases, the home's
own councillors at a visit, a delegation listed by roles. Written with gold by ../shared/eval/GOLD-CONVENTIONS.md
before the rules below, and scored as `extract_set.py` scores them."""

from __future__ import annotations

import json
from pathlib import Path

from partnergraph.extract import extract_document
from partnergraph.sources import read_page

PROBES = Path(__file__).parent / "data" / "events-probe4"
MANIFEST = json.loads((PROBES / "manifest.json").read_text(encoding="utf-8"))


def test_the_probe_pages_score_above_their_floor(registries, score, tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred").mkdir()
    for entry in MANIFEST:
        stem = Path(entry["file"]).stem
        gold = (PROBES / f"{stem}.json").read_text(encoding="utf-8")
        (tmp_path / "gold" / f"{stem}.json").write_text(gold, encoding="utf-8")
        page = read_page(
            PROBES / entry["file"],
            url=entry.get("url"),
            year=entry.get("year"),
            home=entry.get("home"),
            home_city=entry.get("home_city"),
        )
        doc = extract_document(page, registries)
        (tmp_path / "pred" / f"{stem}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    events_f1, macro, table = score.score(
        score.load(tmp_path / "gold"), score.load(tmp_path / "pred"), verbose=False
    )
    # before the rules of this set: events F1 0.812, fields macro 0.641
    assert events_f1 >= 0.81
    assert macro >= 0.64, {f: round(v[2], 3) for f, v in table.items() if v[2] < 1}
