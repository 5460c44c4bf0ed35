"""`partnergraph query NAME` at a saved query's defaults prints the answer the build kept
(build/answers/NAME.json, query/answers.py) instead of running it on the store: the same text as the
store's own answer, for every saved query; other parameter values run on the store."""

from __future__ import annotations

import json

import pytest
from conftest import copy_built, run_partnergraph

from partnergraph.query import format_rows, load_saved_queries, run_query
from partnergraph.query.answers import FOLDER


@pytest.fixture(scope="module")
def built(seed_settings, tmp_path_factory):
    return copy_built(seed_settings, tmp_path_factory.mktemp("kept"))


def query(settings, *args: str) -> str:
    done = run_partnergraph(settings.root, "query", *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("fmt", ["csv"])
def test_every_saved_query_prints_what_the_store_answers(built, seed_store, fmt):
    _, store = seed_store  # the same build, read from the store on disk
    for name, saved in load_saved_queries(built.queries_dir).items():
        if saved.text.lstrip().upper().startswith(("CONSTRUCT", "ASK", "DESCRIBE")):
            continue
        expected = format_rows(run_query(store, saved, plain=True), fmt)
        assert query(built, name, "--format", fmt) == expected.replace("\r\n", "\n"), name  # text mode


def test_the_kept_answer_is_what_query_prints_at_the_defaults_only(built):
    path = built.build_dir / FOLDER / "partner_countries.json"
    original = path.read_text(encoding="utf-8")
    assert "Germany" in query(built, "partner_countries", "--format", "csv")
    data = json.loads(original)
    for variant in data["variants"]:
        for row in variant["bindings"]:
            if row.get("name", {}).get("value") == "Germany":
                row["name"]["value"] = "Germany (kept)"
    try:
        path.write_text(json.dumps(data), encoding="utf-8")  # a kept answer no store would give
        assert "Germany (kept)" in query(built, "partner_countries", "--format", "csv")
        assert "Germany (kept)" in query(built, "partner_countries", "--param", "lang=en")  # the same text
        assert "Niemcy" in query(built, "partner_countries", "--param", "lang=pl")
        path.unlink()  # no answer kept: run on the store
        assert "Germany (kept)" not in query(built, "partner_countries") and "Germany" in query(
            built, "partner_countries"
        )
    finally:
        path.write_text(original, encoding="utf-8")


def test_a_kept_answer_is_printed_without_opening_the_store(seed_settings, tmp_path):
    # the store's folder emptied: what the build kept still answers (opening a store costs about as much
    # as Python's start-up: benchmarks/startup.py), while a query the build did not keep needs the store
    settings = copy_built(seed_settings, tmp_path)
    store = settings.store_dir
    store.rename(tmp_path / "store-aside")
    store.mkdir()
    assert "Germany" in query(settings, "partner_countries", "--format", "csv")
    done = run_partnergraph(settings.root, "query", "events_in_country", "--param", "country=FR")
    assert done.returncode != 0
