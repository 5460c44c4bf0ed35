"""`partnergraph review`: a real review process on a free port, driven by httpx and by headless Chromium.

The corrections land in a copy of data/ (tmp_path); the graph, `partnergraph query`, the public pages
of `partnergraph serve` and a build from scratch must all agree with them."""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import copy_built, copy_project, run_partnergraph

from partnergraph.curate import read_curation
from partnergraph.settings import Settings
from partnergraph.sources import read_page

PAGE = "bip-83616"
CARD = r'<article class="card[^"]*" id="e-\d+" data-event="([^"]+)" data-version="([^"]+)"'


class Reviewed:
    """A `partnergraph review --port 0 --no-browser` process; `url` read from the line it prints."""

    def __init__(self, root: Path, timeout: float = 240):
        env = {k: v for k, v in os.environ.items() if k != "PARTNERGRAPH_BUILD"}
        command = [sys.executable, "-m", "partnergraph.cli", "review", "--root", str(root), "--port", "0"]
        self.process = subprocess.Popen(
            [*command, "--no-browser"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            start_new_session=True,
        )
        self.output: list[str] = []
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("partnergraph review exited:\n" + "".join(self.output))
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            if match := re.search(r"review at (http://\S+/)", line):
                self.url = match.group(1)
                return
        self.kill()
        raise RuntimeError("partnergraph review printed no URL:\n" + "".join(self.output))

    def _read(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)
            self.lines.put(line)

    def token(self, client: httpx.Client) -> str:
        html = client.get(self.url).text
        return re.search(r'name="review-token" content="([^"]+)"', html).group(1)

    def wait_for_graph(self, client: httpx.Client, seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            status = client.get(self.url + "api/status").json()
            assert status["error"] is None, status
            if status["graph"] == "current":
                return
            time.sleep(0.3)
        raise AssertionError("the graph was not updated in time")

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def built_copy(seed_settings, tmp_path) -> Settings:
    return copy_built(seed_settings, tmp_path / "project")


@pytest.fixture
def reviewed(built_copy):
    app = Reviewed(built_copy.root)
    yield app
    app.stop()


def page_cards(client: httpx.Client, url: str) -> list[tuple[str, str]]:
    """(event id, version) of each card of the seed page, as the page view renders them."""
    html = client.get(url + f"page/{PAGE}").text
    return re.findall(CARD, html)


def test_queue_page_view_token_and_stale_tab(reviewed, built_copy):
    with httpx.Client(timeout=60) as client:
        queue_html = client.get(reviewed.url, params={"lang": "en"}).text
        assert "Queue" in queue_html and f"/page/{PAGE}" in queue_html
        confidences = [
            float(x) for x in re.findall(r"<tr class=\"value[^>]*>\s*<td>([\d.]+)</td>", queue_html)
        ]
        assert confidences and confidences == sorted(confidences)  # doubtful first
        polish = client.get(reviewed.url, params={"lang": "pl", "field": "cities"}).text
        assert "Kolejka" in polish and 'class="chip f-cities"' in polish and "f-organisations" not in polish
        assert client.get(reviewed.url + "page/nope").status_code == 404

        cards = page_cards(client, reviewed.url)
        assert len(cards) == 5
        (event, version), token = cards[0], reviewed.token(client)
        before = built_copy.curation_file.read_bytes()
        body = {"op": "accept_event", "event": event, "version": version}
        refused = client.post(reviewed.url + "api/correct", json=body)
        assert refused.status_code == 403 and "token" in refused.json()["error"]
        other_site = client.post(reviewed.url + "api/correct", json=body, headers={"X-Review-Token": "guess"})
        assert other_site.status_code == 403
        assert built_copy.curation_file.read_bytes() == before

        headers = {"X-Review-Token": token, "Accept-Language": "en"}
        assert client.post(reviewed.url + "api/correct", json=body, headers=headers).json()["ok"]
        stale_tab = client.post(
            reviewed.url + "api/correct?lang=en", json=body | {"op": "delete"}, headers=headers
        )
        assert stale_tab.status_code == 409
        assert "changed in another tab" in stale_tab.json()["error"]
        corrections = read_curation(built_copy.curation_file)
        assert list(corrections) == [event] and set(corrections[event]) == {"accept"}
        assert built_copy.curation_file.read_text().startswith("# Hand corrections")  # comments kept
        reviewed.wait_for_graph(client)

        # a correction whose value extraction no longer gives is shown, not dropped
        with built_copy.curation_file.open("a", encoding="utf-8") as f:
            f.write(f"{cards[1][0]}:\n  accept: {{organisations: [Nobody]}}\n")
        html = client.get(reviewed.url + f"page/{PAGE}?lang=en").text
        assert "Accepted organisation “Nobody” is no longer extracted" in html


# --- a whole review in headless Chromium ---------------------------------------------------------------

EVENT = {  # the seed page's events, by what the script does to them
    "project": f"{PAGE}/udzial-przedstawicieli-mops-w-spotkaniach-w-ramach-projektu",
    "group": f"{PAGE}/wizyta-grupy-z-holandii-w-miejskim-osrodku-pomocy",
    "donation": f"{PAGE}/wspolpraca-z-rotary-club-kaarst-korschenbroich-w-neuss",
    "utrecht": f"{PAGE}/wizyta-studyjna-w-utrechcie-przedstawiciela-mops",
    "berlin": f"{PAGE}/udzial-przedstawiciela-mops-w-konferencji-w-berlinie",
}
MISSED = "szkoły zarządzania służbą zdrowia"  # an organisation extraction did not see
RADA, RADA_FULL = "Rada Dzielnicy IV", "Rada Dzielnicy IV Prądnik Biały"  # two names, one body


class Person:
    """One browser tab that counts the clicks (and drags) a person would make."""

    def __init__(self, browser, url: str):
        self.tab = browser.new_page(viewport={"width": 1280, "height": 900})
        self.problems: list[str] = []
        self.tab.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.tab.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        self.clicks = 0
        self.tab.goto(url)

    def card(self, event_id: str):
        return self.tab.locator(f'.card[data-event="{event_id}"]')

    def value(self, event_id: str, field: str, key: str):
        return self.card(event_id).locator(f'.value[data-field="{field}"][data-key="{key}"]')

    def click(self, locator, reloads: bool = False) -> None:
        """A click; `reloads` when it saves a correction (the page reloads with it)."""
        self.clicks += 1
        if reloads:
            # a new document (not the URL's own history change); the page reloads once the save is
            # answered (a merge re-extracts the pages that name the body first), which on this shared
            # machine under load can take longer than Playwright's 30 s default
            with self.tab.expect_event("load", timeout=120_000):
                locator.click()
        else:
            locator.click()

    def select(self, start: int, end: int) -> None:
        """Drag the mouse over characters start..end of the page's text."""
        box = self.tab.evaluate(
            """([start, end]) => {
                const text = document.getElementById('text');
                const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
                const at = (offset) => { let seen = 0, node;
                    while ((node = walker.nextNode())) {
                        if (seen + node.length > offset) return [node, offset - seen];
                        seen += node.length; } };
                const range = document.createRange();
                const [a, ai] = at(start); range.setStart(a, ai); range.setEnd(a, ai + 1);
                range.startContainer.parentElement.scrollIntoView({block: 'center'});
                const first = range.getBoundingClientRect();
                walker.currentNode = text;
                const [b, bi] = at(end - 1); range.setStart(b, bi); range.setEnd(b, bi + 1);
                const last = range.getBoundingClientRect();
                return [first.left + 1, first.top + first.height / 2, last.right - 1, last.top + last.height / 2];
            }""",
            [start, end],
        )
        self.clicks += 1
        self.tab.mouse.move(box[0], box[1])
        self.tab.mouse.down()
        self.tab.mouse.move(box[2], box[3], steps=5)
        self.tab.mouse.up()


def run_cli(root: Path, *args: str, stdin: str | None = None) -> str:
    result = run_partnergraph(root, *args, input=stdin)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def assert_a_fresh_build_gives_the_same_dump(root: Path, folder: Path) -> Path:
    """A build from scratch in `folder`, of the project's sources with the review's data files (curation and
    registries), writes the dump that the review's incremental updates left in `root`; returns `folder`."""
    fresh = copy_project(folder)
    for name in ("curation.yaml", "reference/organisations.csv", "reference/places.csv"):
        shutil.copy(root / "data" / name, fresh / "data" / name)
    run_cli(fresh, "build")
    dump = Path("build/dumps/partnergraph.nq")
    assert (fresh / dump).read_bytes() == (root / dump).read_bytes()
    return fresh


def labels_of(root: Path, event_id: str) -> str:
    """`partnergraph query`: the labels of everything the event links to, as CSV."""
    query = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        f"SELECT ?label WHERE {{ <https://w3id.org/partnergraph/id/event/{event_id}> ?p ?x . "
        "?x rdfs:label ?label } ORDER BY ?label"
    )
    return run_cli(root, "query", "-", "--format", "csv", stdin=query)


def test_a_whole_review_in_chromium(browser, reviewed, built_copy, tmp_path):
    root = built_copy.root
    text = read_page(root / "data" / "sources" / f"{PAGE}.txt").text  # what the evidence offsets count
    person = Person(browser, reviewed.url + "?lang=pl")
    person.click(person.tab.locator(f'a[href="/page/{PAGE}"]'))
    person.tab.wait_for_selector("#text mark")
    other_tab = Person(browser, f"{reviewed.url}page/{PAGE}?lang=pl")  # a second tab, soon stale

    # accept one value; the second tab's edit of the same event is refused with a message
    title = person.card(EVENT["project"]).locator('.value[data-field="title"]')
    person.click(title.locator('button[data-op="accept"]'), reloads=True)
    assert "state-reviewed" in person.card(EVENT["project"]).locator(
        '.value[data-field="title"]'
    ).get_attribute("class")
    other_tab.card(EVENT["project"]).locator('button[data-op="accept_event"]').click()
    other_tab.tab.wait_for_selector("#message:not([hidden])")
    assert "innej karcie" in other_tab.tab.inner_text("#message")
    other_tab.tab.close()

    # clicking a value shows its span in the text
    person.click(person.value(EVENT["donation"], "cities", "Neuss").locator(".val"))
    assert person.tab.locator("#text mark.current").first.inner_text() == "Neuss"

    # correct a city: Neuss -> Kaarst, picked from the gazetteer
    neuss = person.value(EVENT["donation"], "cities", "Neuss")
    person.click(neuss.locator('button[data-op="change"]'))
    neuss.locator('input[name="q"]').fill("Kaarst")
    person.click(neuss.locator('button[type="submit"]'))
    person.click(neuss.locator(".cities button").first, reloads=True)
    assert person.value(EVENT["donation"], "cities", "Kaarst").count() == 1

    # delete an invented event
    person.click(person.card(EVENT["utrecht"]).locator('button[data-op="delete"]'), reloads=True)
    assert "deleted" in person.card(EVENT["utrecht"]).get_attribute("class")

    # add a missed organisation from a selected span
    start = text.index(MISSED)
    person.select(start, start + len(MISSED))
    person.tab.wait_for_selector("#selbar:not([hidden])")
    person.click(person.tab.locator('#selbar button[data-add="organisations"]'), reloads=True)
    assert person.value(EVENT["group"], "organisations", MISSED).count() == 1

    # merge two names: the district council by its number and by its full name
    oik = person.value(EVENT["project"], "organisations", RADA)
    person.click(oik.locator('button[data-op="same"]'))
    oik.locator('input[name="into"]').fill(RADA_FULL)
    person.click(oik.locator('button[type="submit"]'), reloads=True)
    assert person.value(EVENT["project"], "organisations", RADA_FULL).count() == 1

    # everything else is right: one click per event card
    while (accept := person.tab.locator('button[data-op="accept_event"]')).count():
        person.click(accept.first, reloads=True)
    assert person.tab.locator(".counts .done").count() == 1
    assert person.problems == []
    person.tab.close()

    # curation.yaml holds exactly those corrections
    corrections = read_curation(built_copy.curation_file)
    assert set(corrections) == set(EVENT.values())
    assert corrections[EVENT["utrecht"]] == {"delete": True}
    donation = corrections[EVENT["donation"]]
    assert donation["remove"] == {"cities": ["Neuss"]}
    assert donation["add"] == {"cities": [{"name": "Kaarst", "country": "DE", "geonames_id": 2894375}]}
    group = corrections[EVENT["group"]]
    span = [start, start + len(MISSED)]  # with the text there, by which it is found again (curate.locate)
    assert group["add"] == {"organisations": [{"name": MISSED, "at": span, "quote": MISSED}]}
    assert RADA_FULL in corrections[EVENT["project"]]["accept"]["organisations"]
    for event_id, actions in corrections.items():
        if event_id != EVENT["utrecht"]:
            assert set(actions) <= {"accept", "add", "remove"} and "accept" in actions
    assert f"{RADA_FULL},{RADA}," in (root / "data/reference/organisations.csv").read_text(encoding="utf-8")
    assert "Kaarst,Kaarst,DE,2894375," in (root / "data/reference/places.csv").read_text(encoding="utf-8")

    with httpx.Client(timeout=60) as client:
        reviewed.wait_for_graph(client)
    reviewed.stop()

    # `partnergraph query` sees them
    assert MISSED in labels_of(root, EVENT["group"])
    donation_labels = labels_of(root, EVENT["donation"])
    assert "Kaarst" in donation_labels and "Neuss" not in donation_labels
    assert RADA_FULL in labels_of(root, EVENT["project"])
    assert labels_of(root, EVENT["utrecht"]).strip() == "label"  # the header only: no such event

    # the public page shows them as checked by a person; serve takes no corrections
    from test_web import Served

    served = Served(root)
    try:
        html = httpx.get(f"{served.url}partnergraph/id/event/{EVENT['group']}?lang=en", timeout=30).text
        assert MISSED in html and "checked by a person" in html
        assert httpx.post(served.url + "api/correct", json={}, timeout=30).status_code in (404, 405)
    finally:
        served.stop()

    fresh = assert_a_fresh_build_gives_the_same_dump(root, tmp_path / "fresh")
    assert run_cli(fresh, "build") is not None


def test_every_kind_of_correction_over_http(reviewed, built_copy):
    """Type, direction, participants, dates, title, a missed event from a span, a new organisation;
    values outside a field's vocabulary are refused and change nothing."""
    text = read_page(built_copy.root / "data" / "sources" / f"{PAGE}.txt").text
    with httpx.Client(timeout=60, headers={"Accept-Language": "en"}) as client:
        token = reviewed.token(client)

        def post(path: str, body: dict, status: int = 200) -> dict:
            if "event" in body:
                body["version"] = dict(page_cards(client, reviewed.url))[body["event"]]
            response = client.post(reviewed.url + path, json=body, headers={"X-Review-Token": token})
            assert response.status_code == status, response.text
            return response.json()

        event = EVENT["group"]
        for field, value in [
            ("type", "Meeting"),
            ("direction", "incoming"),
            ("participants", "students"),
            ("start", "2017-02-07"),
            ("end", "2017-02-08"),
            ("title", "Wizyta studentów z Holandii"),
        ]:
            post("api/correct", {"op": "set", "event": event, "field": field, "value": value})
        html = client.get(reviewed.url + f"page/{PAGE}").text
        assert f'data-v="{EVENT["berlin"]}|participants|new"' in html  # a field it lacks can be set
        before = built_copy.curation_file.read_bytes()
        for field, value in [("type", "Picnic"), ("start", "7 lutego"), ("countries", "XX")]:
            op = "add" if field == "countries" else "set"
            refused = post("api/correct", {"op": op, "event": event, "field": field, "value": value}, 400)
            assert "not a valid" in refused["error"]
        assert built_copy.curation_file.read_bytes() == before

        start = text.index("Wizyta studyjna w Utrechcie")
        post("api/correct", {"op": "create", "page": PAGE, "at": [start, start + 60]})
        before_registry = (built_copy.reference_dir / "organisations.csv").read_bytes()
        html = client.get(reviewed.url + f"page/{PAGE}").text
        version = re.search(r'data-registry-version="([^"]+)"', html).group(1)
        new_org = {
            "op": "new_org",
            "name": "Konsul Honorowy RP w Holandii",
            "kind": "consulate",
            "country": "NL",
        }
        stale = post("api/entity", new_org | {"version": "old"}, 409)
        assert "registry" in stale["error"]
        assert (built_copy.reference_dir / "organisations.csv").read_bytes() == before_registry
        post("api/entity", new_org | {"version": version})
        reviewed.wait_for_graph(client)

    corrections = read_curation(built_copy.curation_file)
    assert corrections[event]["set"] == {
        "type": "Meeting",
        "direction": "incoming",
        "participants": "students",
        "start": "2017-02-07",
        "end": "2017-02-08",
        "title": "Wizyta studentów z Holandii",
    }
    [created] = [k for k, v in corrections.items() if "create" in v]
    assert (
        corrections[created]["create"]
        == {
            "title": "Wizyta studyjna w Utrechcie przedstawiciela MOPS",  # the selection's first line
            "at": [start, start + 60],
            "quote": text[start : start + 60],
            "type": "StudyVisit",  # the extractor's rules on the span
            "direction": "incoming",
        }
    )
    assert "Konsul Honorowy RP w Holandii,,NL,consulate," in (
        built_copy.reference_dir / "organisations.csv"
    ).read_text(encoding="utf-8")
    report = json.loads((built_copy.build_dir / "report.json").read_text())
    assert (
        report["stale_curations"] == []
        and created in json.dumps(report["pages"])
        or report["pages"][PAGE] == 6
    )


def save_accepts(url: str, token: str, values, saved: list, stop: threading.Event) -> None:
    """Accept the values one save at a time, recording each save the review answered."""
    with httpx.Client(timeout=30) as client:
        for event_id, field, key in values:
            if stop.is_set():
                return
            try:
                html = client.get(url + "page/bip-27120").text
                version = dict(re.findall(CARD, html))[event_id]
                body = {"op": "accept", "event": event_id, "field": field, "key": key, "version": version}
                answer = client.post(url + "api/correct", json=body, headers={"X-Review-Token": token})
            except httpx.HTTPError:
                return
            if answer.status_code == 200:
                saved.append((event_id, field, key))


def test_a_kill_during_saves_leaves_curation_before_or_after(built_copy):
    """SIGKILL while a client saves correction after correction: the file is always a whole YAML
    document with the corrections of the answered saves, plus at most the one in flight."""
    for trial in range(2):
        app = Reviewed(built_copy.root)
        saved, stop = [], threading.Event()
        with httpx.Client(timeout=30) as client:
            token = app.token(client)
            html = client.get(app.url + "page/bip-27120").text
        values = re.findall(r'data-v="([^"|]+)\|(\w+)\|\d+" data-field="\w+" data-key="([^"]*)"', html)
        worker = threading.Thread(target=save_accepts, args=(app.url, token, values, saved, stop))
        worker.start()
        deadline = time.monotonic() + 120
        while len(saved) < 3 + 2 * trial and time.monotonic() < deadline:  # a few saves answered first
            time.sleep(0.02)
        time.sleep(0.05 * trial)  # then somewhere inside the next save
        app.kill()
        stop.set()
        worker.join(30)
        assert len(saved) > 2, app.output
        accepted = read_curation(built_copy.curation_file)  # a whole document: it parses
        count = sum(
            len(v) if isinstance(v, list) else 1
            for actions in accepted.values()
            for v in (actions.get("accept") or {}).values()
        )
        assert count in (len(saved), len(saved) + 1)  # before or after the save in flight
        built_copy.curation_file.write_text("{}\n")  # the next trial starts afresh


def test_both_seed_pages_reviewed_in_fewer_clicks_than_values(browser, reviewed):
    """From the queue to "all reviewed" on both seed pages: open a page, accept each event card in one
    click, back to the queue. Prints the count (the issue asks for it)."""
    person = Person(browser, reviewed.url + "?lang=en")
    pages = person.tab.locator("table.pages tbody tr")
    values = sum(int(row.locator("td").first.inner_text()) for row in pages.all())
    for source_id in [row.get_attribute("data-page") for row in pages.all()]:
        person.click(person.tab.locator(f'table.pages a[href="/page/{source_id}"]'), reloads=True)
        while (accept := person.tab.locator('button[data-op="accept_event"]')).count():
            person.click(accept.first, reloads=True)
        assert person.tab.locator(".counts .done").count() == 1
        person.click(person.tab.locator('header nav a[href="/"]'), reloads=True)
    assert person.tab.locator("table.pages .done").count() == pages.count() == 2
    assert person.tab.locator("table.queue").count() == 0  # nothing open is left in the queue
    assert person.problems == []
    print(f"\nreviewed {values} values on {pages.count()} pages in {person.clicks} clicks")
    assert person.clicks < values


def test_merge_and_split_events_over_http(reviewed, built_copy):
    text = read_page(built_copy.root / "data" / "sources" / f"{PAGE}.txt").text
    with httpx.Client(timeout=60) as client:
        token = reviewed.token(client)

        def post(body: dict) -> None:
            versions = dict(page_cards(client, reviewed.url))
            body["version"] = versions[body["event"]]
            if "into" in body:
                body["into_version"] = versions[body["into"]]
            response = client.post(reviewed.url + "api/correct", json=body, headers={"X-Review-Token": token})
            assert response.status_code == 200, response.text

        # the Berlin conference is the Utrecht visit (for the test): one event
        post({"op": "merge_events", "event": EVENT["berlin"], "into": EVENT["utrecht"]})
        # the donor's part of the donation is an event of its own
        donor = (
            "Rotary Club Kaarst-Korschenbroich w Neuss w Niemczech reprezentowany przez Pana Jana Stapelmanna"
        )
        start = text.index(donor)
        post({"op": "split", "event": EVENT["donation"], "at": [start, start + len(donor)]})
        reviewed.wait_for_graph(client)
        html = client.get(reviewed.url + f"page/{PAGE}").text

    corrections = read_curation(built_copy.curation_file)
    assert corrections[EVENT["berlin"]] == {"delete": True}
    moved = corrections[EVENT["utrecht"]]["add"]
    assert (
        moved["cities"][0]["name"] == "Berlin" and moved["cities"][0]["quote"] == "Berlinie"
    )  # as the page writes it
    assert "Bundesarbeitsgemeinschaft Wohnungslosenhilfe e. V." in [o["name"] for o in moved["organisations"]]
    [split] = [k for k, v in corrections.items() if "create" in v]
    assert corrections[split]["create"]["quote"] == donor
    assert corrections[split]["add"]["persons"][0]["name"] == "Jan Stapelmann"
    assert "Jan Stapelmann" in corrections[EVENT["donation"]]["remove"]["persons"]
    assert f'data-event="{split}"' in html and 'class="card deleted"' in html
    report = json.loads((built_copy.build_dir / "report.json").read_text())
    assert report["stale_curations"] == []


def test_keyboard_and_a_phone_screen(browser, reviewed, built_copy):
    """j / k move through the values, a accepts one, A the whole card; at 390 px nothing scrolls sideways."""
    tab = browser.new_page(viewport={"width": 390, "height": 800})
    tab.goto(f"{reviewed.url}page/{PAGE}?lang=en")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    assert tab.locator("h1").count() == 1 and "Accept all" in tab.inner_text(".card")
    tab.keyboard.press("j")
    tab.keyboard.press("j")
    tab.keyboard.press("k")
    first = tab.locator(".value").first
    assert tab.evaluate("document.activeElement.dataset.v") == first.get_attribute("data-v")
    with tab.expect_event("load"):
        tab.keyboard.press("a")
    assert "state-reviewed" in tab.locator(".value").first.get_attribute("class")
    assert tab.evaluate("document.activeElement.dataset.v") == first.get_attribute("data-v")  # still there
    with tab.expect_event("load"):
        tab.keyboard.press("Shift+A")
    card = tab.locator(".card").first
    assert card.locator(".value.state-open").count() == 0
    accepted = read_curation(built_copy.curation_file)[card.get_attribute("data-event")]["accept"]
    assert len(accepted) >= 5
    missing = tab.locator(f'.card[data-event="{EVENT["berlin"]}"] .value.missing[data-field="participants"]')
    missing.locator('button[data-op="change"]').click()  # a field extraction left empty
    missing.locator("select").select_option("professionals")
    with tab.expect_event("load"):
        missing.locator('button[type="submit"]').click()
    assert read_curation(built_copy.curation_file)[EVENT["berlin"]] == {
        "set": {"participants": "professionals"}
    }
    tab.goto(reviewed.url + "?lang=en")  # the queue: Enter opens the focused value's page
    tab.locator("table.queue tr.value").first.focus()
    with tab.expect_event("load"):
        tab.keyboard.press("Enter")
    assert "/page/" in tab.url and "#v=" in tab.url
    assert tab.evaluate("document.activeElement.classList.contains('value')")
    tab.close()


def _leaves(strings: dict) -> list[str]:
    return [s for v in strings.values() for s in (_leaves(v) if isinstance(v, dict) else [v])]


def test_the_review_in_polish_shows_its_strings_from_the_catalog_and_no_english(reviewed):
    """The review's strings live in the portal's catalogs (web/locale); in ?lang=pl its queue and a page
    view show their Polish and none of the English labels and sentences that have another Polish."""
    from partnergraph.review.messages import MESSAGES, messages

    english, polish = _leaves(MESSAGES), _leaves(messages("pl"))
    pairs = list(zip(english, polish, strict=True))
    assert len(pairs) > 70 and sum(e != p for e, p in pairs) > 70
    wanted = {e for e, p in pairs if e != p and e not in polish and (" " in e or e[0].isupper())}
    wanted.discard(MESSAGES["lang_other"])  # "Polski", the link to Polish, is also a word of the page's text
    for path in ("", f"page/{PAGE}"):
        html = httpx.get(f"{reviewed.url}{path}?lang=pl", timeout=30).text
        shown = re.sub(r"<[^>]*>", " ", html) + " ".join(re.findall(r'(?:title|aria-label)="([^"]*)"', html))
        assert messages("pl")["queue"] in shown and messages("pl")["app_title"] in shown
        confidences = re.findall(r'(?:<td>|class="conf"[^>]*>)(\d[.,]\d\d)<', html)
        assert confidences and all("," in c for c in confidences), confidences[:3]  # 0,45, not 0.45
        left = sorted(e for e in wanted if re.search(rf"(?<!\w){re.escape(e)}(?!\w)", shown))
        assert left == [], path


def test_an_entity_decision_remakes_only_the_pages_that_name_the_body(reviewed, built_copy, tmp_path):
    """A merge, a new organisation and a new city each re-extract the pages that name the body (by its
    names in the text, in what was extracted, in the corrections) and update the graph incrementally:
    the other page's graph is left as it was, and a build from scratch gives the same dump."""
    from partnergraph.incremental import mtime_iso

    report_file = built_copy.build_dir / "report.json"
    built = mtime_iso(report_file)  # when the seed build made every page's graph
    with httpx.Client(timeout=60, headers={"Accept-Language": "en"}) as client:
        token = reviewed.token(client)
        headers = {"X-Review-Token": token}

        def version() -> str:
            html = client.get(reviewed.url + f"page/{PAGE}").text
            return re.search(r'data-registry-version="([^"]+)"', html).group(1)

        merge = {"op": "merge", "name": RADA, "into": RADA_FULL, "page": PAGE, "version": version()}
        answer = client.post(reviewed.url + "api/entity", json=merge, headers=headers).json()
        assert answer["pages"] == [PAGE], answer
        new_org = {"op": "new_org", "name": "Stowarzyszenie Nikogo", "kind": "ngo", "version": version()}
        answer = client.post(reviewed.url + "api/entity", json=new_org, headers=headers).json()
        assert answer["pages"] == [], answer  # no page names it
        reviewed.wait_for_graph(client)
        html = client.get(reviewed.url + f"page/{PAGE}").text
        assert f'data-key="{RADA_FULL}"' in html and f'data-key="{RADA}"' not in html
        # a city new to places.csv, picked from the gazetteer
        card_version = dict(page_cards(client, reviewed.url))[EVENT["donation"]]
        body = {"op": "add", "event": EVENT["donation"], "field": "cities", "value": "Kaarst"}
        answer = client.post(
            reviewed.url + "api/correct", json=body | {"version": card_version}, headers=headers
        )
        assert answer.status_code == 200, answer.text
        reviewed.wait_for_graph(client)
    reviewed.stop()

    after = json.loads(report_file.read_text())
    assert after["rebuilt"] is False  # not a full build
    other = "bip-27120"
    assert after["built_at"][other] == built
    assert after["built_at"][PAGE] != after["built_at"][other]
    root = built_copy.root
    assert "Stowarzyszenie Nikogo" in labels_of_all(root)

    assert_a_fresh_build_gives_the_same_dump(root, tmp_path / "fresh")


def labels_of_all(root: Path) -> str:
    """`partnergraph query`: every label of the graph, as CSV."""
    query = "SELECT ?label WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label"
    return run_cli(root, "query", "-", "--format", "csv", stdin=query)
