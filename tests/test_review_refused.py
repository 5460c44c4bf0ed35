"""A correction the graph refuses holds back no other: the review's update keeps its event as extracted,
applies every other correction, and names the refused one (status line, the event's card, the API's answer,
in Polish and English) until a correction of it is saved that the graph takes. The real review process and a
real HTTP client; the correction is refused because its city left data/reference/places.csv (a hand edit):
its value no longer exists."""

from __future__ import annotations

import re

import httpx
from conftest import copy_built
from test_review import CARD, PAGE, Reviewed
from test_review_retry import OTHER, curated_events

LOCATION = "<https://schema.org/location>"
GRAZ = "<https://w3id.org/partnergraph/id/city/graz-at>"
NO_LATITUDE = "City has no latitude"


def cards(client: httpx.Client, url: str, page: str) -> list[tuple[str, str]]:
    return re.findall(CARD, client.get(url + f"page/{page}").text)


def save(client: httpx.Client, url: str, token: str, body: dict) -> dict:
    """One correction; the answer once the graph has taken (or refused) it."""
    answer = client.post(url + "api/correct?wait=240", json=body, headers={"X-Review-Token": token})
    assert answer.status_code == 200, answer.text
    return answer.json()["status"]


def locations(dump: str, event: str) -> set[str]:
    return {
        line.split(" ")[2]
        for line in dump.splitlines()
        if line.startswith(f"<https://w3id.org/partnergraph/id/event/{event}> {LOCATION} ")
    }


def test_a_refused_correction_is_reported_and_later_corrections_still_apply(seed_settings, tmp_path):
    """Before: every later update failed ("graph not updated for: bip-83616, bip-27120"), on every page, until
    a person found and removed the correction by hand; the accepted cards below never reached the graph."""
    project = copy_built(seed_settings, tmp_path / "project")
    places = project.reference_dir / "places.csv"
    registry_before = places.read_text(encoding="utf-8")
    dump = project.dumps_dir / "partnergraph.nq"
    app = Reviewed(project.root)
    try:
        with httpx.Client(timeout=300, headers={"Accept-Language": "en"}) as client:
            token = app.token(client)
            (moved, version), (accepted, accepted_version) = cards(client, app.url, PAGE)[:2]
            extracted_location = locations(dump.read_text(encoding="utf-8"), moved)
            body = {"op": "set", "event": moved, "field": "location", "value": "Graz", "version": version}
            status = save(client, app.url, token, body)
            assert status["graph"] == "current" and status["refused"] == [], status
            assert locations(dump.read_text(encoding="utf-8"), moved) == {GRAZ}

            places.write_text(registry_before, encoding="utf-8")  # a hand edit takes Graz out again
            body = {"op": "accept_event", "event": accepted, "version": accepted_version}
            status = save(client, app.url, token, body)
            assert status["graph"] == "current" and status["failed"] == [], status
            [refused] = status["refused"]
            assert (refused["page"], refused["event"]) == (PAGE, moved), refused
            assert any(NO_LATITUDE in p and "graz-at" in p for p in refused["problems"]), refused
            assert moved in status["message"] and "refuses" in status["message"], status
            text = dump.read_text(encoding="utf-8")
            assert accepted in curated_events(text)  # the later correction is in the graph
            assert locations(text, moved) == extracted_location  # the refused event as extracted
            assert GRAZ not in text

            other, other_version = cards(client, app.url, OTHER)[0]  # another page's correction too
            status = save(
                client, app.url, token, {"op": "accept_event", "event": other, "version": other_version}
            )
            assert status["graph"] == "current" and [r["event"] for r in status["refused"]] == [moved]
            assert other in curated_events(dump.read_text(encoding="utf-8"))
            assert "city: Graz" in project.curation_file.read_text(encoding="utf-8")  # kept as written

            english = client.get(app.url + f"page/{PAGE}?lang=en").text
            assert "corrections the graph refuses, left out of it" in english
            card = english[english.index(f'data-event="{moved}"') :]
            card = card[: card.index("</article>")]
            assert "The graph refuses this event" in card and NO_LATITUDE in card, card
            polish = client.get(app.url + f"page/{PAGE}?lang=pl").text
            assert "korekty, których graf nie przyjmuje" in polish
            assert "Graf nie przyjmuje korekt tego wydarzenia" in polish
            answer = client.get(app.url + "api/status", headers={"Accept-Language": "pl"}).json()
            assert "korekty, których graf nie przyjmuje" in answer["message"] and moved in answer["message"]

            version = dict(cards(client, app.url, PAGE))[moved]  # the person picks the city again
            body = {"op": "set", "event": moved, "field": "location", "value": "Wiedeń", "version": version}
            status = save(client, app.url, token, body)
            assert status["graph"] == "current" and status["refused"] == [], status
            assert "message" not in status
            vienna = locations(dump.read_text(encoding="utf-8"), moved)
            assert vienna == {"<https://w3id.org/partnergraph/id/city/vienna-at>"}, vienna
            assert "The graph refuses" not in client.get(app.url + f"page/{PAGE}?lang=en").text
    finally:
        app.stop()


def test_a_refused_correction_is_forgotten_from_its_card_in_chromium(browser, seed_settings, tmp_path):
    """The card of an event whose corrections the graph refuses has a button to forget them (keyboard and
    mouse, pl/en, after a confirmation): curation.yaml then holds what the graph holds, the event as
    extracted, and the refusal is gone. Dismissing the confirmation changes nothing. Before: no such button;
    only a hand edit of curation.yaml cleared it."""
    project = copy_built(seed_settings, tmp_path / "project")
    event = f"{PAGE}/udzial-przedstawicieli-mops-w-spotkaniach-w-ramach-projektu"
    project.curation_file.write_text(f"{event}:\n  set: {{type: null}}\n", encoding="utf-8")
    app = Reviewed(project.root)  # the build at its start leaves the correction out, and says so
    try:
        with httpx.Client(timeout=300) as client:
            english = client.get(app.url + f"page/{PAGE}?lang=en").text
            assert "Forget this event&#39;s corrections" in english, english
        tab = browser.new_page(viewport={"width": 390, "height": 900})
        problems: list[str] = []
        tab.on("pageerror", lambda e: problems.append(str(e)))
        dialogs: list[str] = []
        answers = iter([False, True])  # dismissed first, then accepted

        def answer(dialog) -> None:
            dialogs.append(dialog.message)
            (dialog.accept if next(answers) else dialog.dismiss)()

        tab.on("dialog", answer)
        tab.goto(f"{app.url}page/{PAGE}?lang=pl")
        card = tab.locator(f'.card[data-event="{event}"]')
        button = card.locator('button[data-op="forget_refused"]')
        assert button.inner_text() == "Zapomnij korekty tego wydarzenia"
        before = project.curation_file.read_bytes()
        button.click()
        assert dialogs and event in dialogs[0] and "Zapomnieć" in dialogs[0], dialogs
        assert project.curation_file.read_bytes() == before  # dismissed: nothing written

        button.focus()  # by keyboard: Enter on the focused button
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert len(dialogs) == 2
        assert event not in project.curation_file.read_text(encoding="utf-8")
        with httpx.Client(timeout=300) as client:
            app.wait_for_graph(client)
            assert client.get(app.url + "api/status").json()["refused"] == []
        tab.goto(f"{app.url}page/{PAGE}?lang=en")
        assert tab.locator('button[data-op="forget_refused"]').count() == 0
        assert "The graph refuses" not in tab.locator(f'.card[data-event="{event}"]').inner_text()
        assert problems == []
        tab.close()
    finally:
        app.stop()
