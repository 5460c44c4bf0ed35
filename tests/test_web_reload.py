"""A running `partnergraph serve` shows a new build without a restart: after `partnergraph add` (the
store updated in place) and after `partnergraph build` (the store folder swapped), and never a store
caught half-way through a build."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import httpx
import pytest
from conftest import copy_built, run_partnergraph
from test_web import Served

import partnergraph.store
from partnergraph import iris
from partnergraph._atomic import write_atomic
from partnergraph.settings import Settings
from partnergraph.web.app import WebConfig, WebState

PAGE = Path(__file__).parent / "data" / "bulletin" / "wspolpraca-2019.html"
NEW_EVENT = f"{iris.BASE}id/event/bip-90417/wizyta-delegacji-ze-lwowa-w-miejskim-osrodku-pomocy"
NEW_EVENTS = (
    f"SELECT (COUNT(?e) AS ?n) WHERE {{ ?e a <{iris.DEF}Event> "
    f"FILTER(STRSTARTS(STR(?e), '{iris.BASE}id/event/bip-90417/')) }}"
)
STUDENTS = f"ASK {{ <{NEW_EVENT}> <{iris.DEF}participantKind> <{iris.DEF}participants/students> }}"
AUSTRIA = "/partnergraph/id/country/at"  # a page that was there before: the new page adds a Vienna event


@pytest.fixture
def built_copy(seed_settings, tmp_path) -> Settings:
    return copy_built(seed_settings, tmp_path / "project")


def run_cli(settings: Settings, *args: str) -> str:
    result = run_partnergraph(settings.root, *args, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def poll(check, what: str, seconds: float = 60):
    """check() until it returns something true; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        found = check()
        if found:
            return found
        assert time.monotonic() < deadline, f"after {seconds:g} s still not: {what}"
        time.sleep(0.2)


def test_serve_shows_the_graph_after_add_and_after_build(built_copy, tmp_path):
    served = Served(built_copy.root, "--workers", "2")
    try:
        with httpx.Client(base_url=served.url, timeout=30) as client:

            def new_events() -> int:
                response = client.get("/sparql", params={"query": NEW_EVENTS, "format": "json"})
                assert response.status_code == 200, response.text
                return int(response.json()["results"]["bindings"][0]["n"]["value"])

            def triples() -> int:
                response = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
                return int(response.text.split("void:triples ", 1)[1].split()[0])

            def event_page() -> httpx.Response:
                return client.get(
                    "/partnergraph/" + NEW_EVENT[len(iris.BASE) :], headers={"Accept": "text/html"}
                )

            # what the server knows before; every answer is now in its caches
            assert new_events() == 0
            assert event_page().status_code == 404
            assert "bip-90417" not in client.get(AUSTRIA, headers={"Accept": "text/html"}).text
            before = triples()

            saved = tmp_path / "strona.html"
            shutil.copyfile(PAGE, saved)
            # incrementally, or in full when a source file changed since the seed build
            assert "added     bip-90417" in run_cli(built_copy, "add", str(saved))

            poll(lambda: new_events() == 3, "the three new events in /sparql")
            page = event_page()
            assert page.status_code == 200 and "Wizyta delegacji ze Lwowa" in page.text
            assert "/partnergraph/id/source/bip-90417" in page.text
            austria = client.get(AUSTRIA, headers={"Accept": "text/html"}).text
            assert "/partnergraph/id/event/bip-90417/" in austria  # inverse links, recomputed
            assert triples() > before + 100  # the dataset statistics too
            saved_query = client.get("/queries/event_timeline", params={"run": "1"})
            assert "Wizyta delegacji ze Lwowa" in saved_query.text

            # a full build swaps the store folder
            assert (
                client.get("/sparql", params={"query": STUDENTS, "format": "json"}).json()["boolean"] is False
            )
            built_copy.curation_file.write_text(
                f"{NEW_EVENT[len(iris.ID) + len('event/') :]}:\n  set: {{participants: students}}\n",
                encoding="utf-8",
            )
            run_cli(built_copy, "build")
            poll(
                lambda: client.get("/sparql", params={"query": STUDENTS, "format": "json"}).json()["boolean"],
                "the curated participants after the build",
            )
            assert "participants/students" in event_page().text
            assert new_events() == 3
        assert served.alive()
    finally:
        served.stop()


def test_a_build_caught_half_way_is_not_served(built_copy, monkeypatch):
    """While an update runs (no state.json), or when the build changes while the store is being opened,
    the server keeps the store it has; once the build is finished it switches, workers too."""
    state = WebState(built_copy, WebConfig(workers=1, cache=16))
    state.open()
    state_file = built_copy.build_dir / "state.json"
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{iris.DEF}curated> ?o }}"
    try:
        old = state.store
        assert state.reload() is False  # nothing has changed
        assert int(state.pool.run(count).rows[0]["n"]) == 0

        state_file.unlink()  # an update in progress
        assert state.reload() is False and state.store is old

        real = partnergraph.store.EmbeddedStore

        def opened_while_the_next_build_ends(*args, **kwargs):
            store = real(*args, **kwargs)
            write_atomic(state_file, json.dumps({"input_hash": "the next one"}))
            return store

        write_atomic(state_file, json.dumps({"input_hash": "finished"}))
        monkeypatch.setattr(partnergraph.store, "EmbeddedStore", opened_while_the_next_build_ends)
        assert state.reload() is False and state.store is old
        monkeypatch.undo()

        # a finished build: a curated value in the store, which the old workers cannot see
        store = real(built_copy.store_dir)
        store.ox.update(f"INSERT DATA {{ GRAPH <urn:x> {{ <urn:a> <{iris.DEF}curated> true }} }}")
        store.ox.flush()
        store.close()
        del store
        write_atomic(state_file, json.dumps({"input_hash": "updated"}))
        assert state.reload() is True and state.store is not old
        assert int(state.pool.run(count).rows[0]["n"]) == 1  # a fresh worker; the old answer dropped
        assert state.reload() is False
    finally:
        state.close()
