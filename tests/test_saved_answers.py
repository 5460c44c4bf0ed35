"""The saved queries' answers kept with the build (build/answers/, query/answers.py): the rows the query
gives live, term for term, on the seed graph and on 300 synthetic events; written by `build` and
remade by `add`; found only for the query text they were made from; served by the saved-query pages."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from conftest import copy_built
from conftest import synthetic_store as make_synthetic_store
from test_web import Served

from partnergraph.corpus import add_pages
from partnergraph.query import answers as kept
from partnergraph.query import load_saved_queries
from partnergraph.query.answers import FOLDER, find_answer, variants, write_answers
from partnergraph.store import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]
QUERIES = load_saved_queries(ROOT / "queries")
PAGE = Path(__file__).parent / "data" / "bulletin" / "wspolpraca-2019.html"


def as_text(variables, rows) -> tuple:
    """Rows with each term as N-Triples text (type, language and datatype count), in order."""
    return tuple(variables), [{k: v.n3() for k, v in row.items()} for row in rows]


def assert_kept_equals_live(store, build_dir: Path) -> int:
    """Every saved query at each of its default variants: the kept answer is the live one. Returns how
    many answers were compared."""
    compared = 0
    for name, saved in QUERIES.items():
        for values in variants(saved):
            text = saved.render(values)
            found = find_answer(build_dir, saved, text)
            assert found is not None, (name, values)
            live = store.select(text)
            if isinstance(found, int):
                assert len(live) > found
                continue
            assert as_text(*found) == as_text(live.variables, live.rows), (name, values)
            compared += 1
    return compared


@pytest.fixture(scope="module")
def synthetic_store():
    """300 synthetic events in the real model (benchmarks/generate.py), in a store in memory."""
    return make_synthetic_store(300, seed=5)


def test_build_keeps_every_saved_querys_answer_at_its_defaults(seed_store):
    settings, store = seed_store
    assert (settings.build_dir / FOLDER).is_dir()
    compared = assert_kept_equals_live(store, settings.build_dir)
    with_lang = [n for n, q in QUERIES.items() if "lang" in q.parameters]
    assert with_lang and compared >= len(QUERIES) + len(with_lang) - 2  # both languages of each


def test_kept_answers_of_300_synthetic_events_are_the_live_rows(synthetic_store, tmp_path):
    seconds = write_answers(synthetic_store, ROOT / "queries", tmp_path)
    assert set(seconds) == set(QUERIES)
    assert assert_kept_equals_live(synthetic_store, tmp_path) >= len(QUERIES)


def test_an_answer_is_found_only_for_the_text_it_was_made_from(seed_store, tmp_path):
    settings, _store = seed_store
    saved = QUERIES["events_by_type"]
    assert find_answer(settings.build_dir, saved, saved.render({})) is not None
    assert find_answer(settings.build_dir, saved, saved.render({"year_from": "2011"})) is None
    edited = saved.text.replace("SELECT", "SELECT DISTINCT", 1)
    assert find_answer(settings.build_dir, saved, edited) is None
    assert find_answer(tmp_path, saved, saved.render({})) is None  # no file: run live


def test_an_answer_over_the_row_limit_is_kept_as_that_fact(seed_store, tmp_path, monkeypatch):
    _settings, store = seed_store
    monkeypatch.setattr(kept, "MAX_ROWS", 2)
    write_answers(store, ROOT / "queries", tmp_path)
    saved = QUERIES["partner_countries"]
    assert find_answer(tmp_path, saved, saved.render({"lang": "pl"})) == 2
    data = json.loads((tmp_path / FOLDER / "partner_countries.json").read_text(encoding="utf-8"))
    assert all("bindings" not in v for v in data["variants"])


def test_add_remakes_the_kept_answers(seed_settings, tmp_path, monkeypatch):
    monkeypatch.delenv("PARTNERGRAPH_BUILD", raising=False)
    settings = copy_built(seed_settings, tmp_path / "project")
    saved = QUERIES["direction_by_year"]
    before = find_answer(settings.build_dir, saved, saved.render({}))
    report = add_pages(settings, [str(PAGE)], year=2019)
    assert report.graph == "incremental"
    after = find_answer(settings.build_dir, saved, saved.render({}))
    assert after != before and "2019" in {str(row["year"]) for row in after[1]}
    with EmbeddedStore(settings.store_dir, read_only=True) as store:
        assert_kept_equals_live(store, settings.build_dir)


def test_the_saved_query_page_serves_the_kept_answer_and_runs_other_values(seed_settings, tmp_path):
    """With the answer cache off: the page at its defaults shows what the build kept (changed here to
    a number the graph does not have, so that only the kept file can show it); other values run."""
    settings = copy_built(seed_settings, tmp_path / "project")
    path = settings.build_dir / FOLDER / "partner_countries.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    english = next(v for v in data["variants"] if '"en"' in v["key"])
    english["bindings"][0]["events"]["value"] = "987"
    path.write_text(json.dumps(data), encoding="utf-8")
    served = Served(settings.root, "--cache", "0")
    try:
        page = httpx.get(served.url + "queries/partner_countries?run=1&lang=en", timeout=30)
        assert page.status_code == 200 and ">987<" in page.text
        rows = httpx.get(served.url + "queries/partner_countries?lang=en&format=json", timeout=30).json()
        assert rows["results"]["bindings"][0]["events"]["value"] == "987"
        polish = httpx.get(served.url + "queries/partner_countries?run=1&lang=pl", timeout=30)
        assert polish.status_code == 200 and ">987<" not in polish.text
        live = httpx.get(served.url + "queries/events_by_type?year_from=2011&format=json", timeout=30)
        with EmbeddedStore(settings.store_dir, read_only=True) as store:
            expected = store.select(QUERIES["events_by_type"].render({"year_from": "2011"}))
        assert [b["events"]["value"] for b in live.json()["results"]["bindings"]] == [
            str(r["events"]) for r in expected.rows
        ]
    finally:
        served.stop()
