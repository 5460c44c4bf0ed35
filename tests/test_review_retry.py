"""A page whose graph update failed after a review save is tried again with the next save, and the queue's
status names it until it succeeds. The real review process; the update fails because the test holds the
embedded store open for writing, as another process would."""

from __future__ import annotations

import re
import time

import httpx
import pyoxigraph as ox
from conftest import copy_built, run_partnergraph
from test_review import CARD, PAGE, Reviewed

OTHER = "bip-27120"
CURATED = "<https://w3id.org/partnergraph/def/curated>"


def curated_events(dump: str) -> set[str]:
    """The events with a value marked checked by a person in the dump (evidence/<event id>/<field>/<n>)."""
    found = re.findall(
        r"<https://w3id\.org/partnergraph/id/evidence/([^>]+)/\w+/\d+> " + re.escape(CURATED), dump
    )
    return set(found)


def wait_for(client: httpx.Client, url: str, state: str, seconds: float = 180) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = client.get(url + "api/status").json()
        if status["graph"] == state:
            return status
        time.sleep(0.3)
    raise AssertionError(f"the graph did not become {state!r}: {status}")


def accept_first_card(client: httpx.Client, url: str, page: str, token: str) -> str:
    html = client.get(url + f"page/{page}").text
    event, version = re.findall(CARD, html)[0]
    body = {"op": "accept_event", "event": event, "version": version}
    answer = client.post(url + "api/correct", json=body, headers={"X-Review-Token": token})
    assert answer.status_code == 200, answer.text
    return event


def test_a_failed_update_is_shown_and_tried_again_with_the_next_save(seed_settings, tmp_path):
    """Before: the failed page was dropped; the next save updated only its own page, so the first page's
    accepted values never reached the graph and the status said "up to date"."""
    built_copy = copy_built(seed_settings, tmp_path / "project")
    app = Reviewed(built_copy.root)
    dump = built_copy.dumps_dir / "partnergraph.nq"
    try:
        with httpx.Client(timeout=60, headers={"Accept-Language": "en"}) as client:
            token = app.token(client)
            holder = ox.Store(str(built_copy.store_dir))  # the update cannot open the store for writing
            try:
                first = accept_first_card(client, app.url, PAGE, token)
                status = wait_for(client, app.url, "failed")
                assert status["failed"] == [PAGE] and status["error"], status
                queue = client.get(app.url + "?lang=en").text
                assert f"graph not updated for: {PAGE}" in queue
                polish = client.get(app.url + "?lang=pl").text
                assert f"graf nie został zaktualizowany dla: {PAGE}" in polish
            finally:
                del holder
            assert first not in curated_events(dump.read_text(encoding="utf-8"))

            second = accept_first_card(client, app.url, OTHER, token)  # the next save: both pages now
            status = wait_for(client, app.url, "current")
            assert status["failed"] == [] and status["error"] is None, status
            assert {first, second} <= curated_events(dump.read_text(encoding="utf-8"))
            assert "graph up to date" in client.get(app.url + "?lang=en").text
            assert not (built_copy.build_dir / "review-failed.json").exists()
    finally:
        app.stop()


def test_a_review_whose_build_fails_at_start_opens_and_the_fix_updates_every_page(seed_settings, tmp_path):
    """A correction the graph refuses (here written by hand: an event without a type) no longer stops the
    review at start: its build puts that event in as extracted, the review names the refused correction and
    the broken rule (from the build's report), and the save that fixes the correction takes it in.
    Before: `partnergraph review` exited with the SHACL error; then every page waited for the fix."""
    project = copy_built(seed_settings, tmp_path / "project")
    event = f"{PAGE}/udzial-przedstawicieli-mops-w-spotkaniach-w-ramach-projektu"
    project.curation_file.write_text(f"{event}:\n  set: {{type: null}}\n", encoding="utf-8")
    app = Reviewed(project.root)
    try:
        assert "the graph was not rebuilt" not in "".join(app.output)  # the build left the correction out
        with httpx.Client(timeout=60, headers={"Accept-Language": "en"}) as client:
            status = wait_for(client, app.url, "current")
            assert status["failed"] == [] and status["error"] is None, status
            assert [(r["page"], r["event"]) for r in status["refused"]] == [(PAGE, event)], status
            assert "Event has no type" in status["refused"][0]["problems"][0], status
            token = app.token(client)
            version = dict(re.findall(CARD, client.get(app.url + f"page/{PAGE}").text))[event]
            body = {"op": "set", "event": event, "field": "type", "value": "Meeting", "version": version}
            answer = client.post(app.url + "api/correct", json=body, headers={"X-Review-Token": token})
            assert answer.status_code == 200, answer.text
            status = wait_for(client, app.url, "current")
            assert status["failed"] == [] and status["error"] is None and status["refused"] == [], status
    finally:
        app.stop()
    dump = project.dumps_dir / "partnergraph.nq"
    meeting = "<https://w3id.org/partnergraph/def/event-type/Meeting>"
    assert f"<https://w3id.org/partnergraph/id/event/{event}> " in dump.read_text(encoding="utf-8")
    assert any(event in line and meeting in line for line in dump.read_text(encoding="utf-8").splitlines())
    listing = run_partnergraph(project.root, "sources")
    assert listing.returncode == 0 and "out of date" not in listing.stdout, listing.stdout  # state written
