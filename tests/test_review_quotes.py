"""Evidence a person adds by selecting text in `partnergraph review` (issue 14) is kept as offsets and
the text they quote; when the page changes, the quote is found again and the evidence moves with it, and
a quote no longer on the page is reported in the review (the value kept, pointing at no other text).
Through a real review process and its HTTP API, with the page file edited between two runs."""

from __future__ import annotations

import html as html_lib
import re

import httpx
import pytest
from conftest import copy_built
from test_review import EVENT, MISSED, PAGE, Reviewed, page_cards

from partnergraph.curate import read_curation
from partnergraph.sources import read_page

MARK = re.compile(r'<mark class="f-[\w-]+" data-o="(\d+)" data-v="([^"]*)">([^<]*)</mark>')


@pytest.fixture
def built_copy(seed_settings, tmp_path):
    return copy_built(seed_settings, tmp_path / "project")


def run_review(root, action):
    """`action(client, url, post)` against a review process of `root`, stopped afterwards."""
    app = Reviewed(root)
    try:
        with httpx.Client(timeout=60, headers={"Accept-Language": "en"}) as client:
            token = app.token(client)

            def post(body: dict) -> httpx.Response:
                if "event" in body:
                    body["version"] = dict(page_cards(client, app.url))[body["event"]]
                return client.post(app.url + "api/correct", json=body, headers={"X-Review-Token": token})

            return action(client, app.url, post)
    finally:
        app.stop()


def marks_of(client, url) -> list[tuple[int, str]]:
    """(offset, text) of the page view's highlight of each of the group event's organisations (a
    highlight is cut into segments where other values' highlights begin or end)."""
    page = client.get(url + f"page/{PAGE}").text
    spans: dict[str, tuple[int, str]] = {}
    for offset, values, text in MARK.findall(page):
        for value in values.split():
            if value.startswith(EVENT["group"] + "|organisations|"):
                first, joined = spans.get(value, (int(offset), ""))
                spans[value] = (first, joined + html_lib.unescape(text))
    return list(spans.values())


def test_an_added_value_follows_its_quote_and_a_lost_quote_is_reported(built_copy):
    source = built_copy.sources_dir / f"{PAGE}.txt"
    text = read_page(source).text
    start = text.index(MISSED)

    def add(client, url, post):
        body = {"op": "add", "event": EVENT["group"], "field": "organisations", "value": MISSED}
        assert post(body | {"at": [start, start + len(MISSED)]}).status_code == 200
        return marks_of(client, url)

    assert (start, MISSED) in run_review(built_copy.root, add)
    item = read_curation(built_copy.curation_file)[EVENT["group"]]["add"]["organisations"][0]
    assert item == {"name": MISSED, "at": [start, start + len(MISSED)], "quote": MISSED}

    # the page changes above the quoted text: the evidence is found where the text now is
    raw = source.read_text(encoding="utf-8")
    heading = "Wizyta grupy z Holandii w Miejskim"
    inserted = "Grupa przyjechała na zaproszenie Ośrodka. "
    body_at = raw.index("\n", raw.index(heading)) + 1
    while raw[body_at] in " \n":
        body_at += 1
    source.write_text(raw[:body_at] + inserted + raw[body_at:], encoding="utf-8")
    moved = read_page(source).text.index(MISSED)
    assert moved > start

    def look(client, url, post):
        return marks_of(client, url), client.get(url + f"page/{PAGE}").text

    marks, page = run_review(built_copy.root, look)
    assert (moved, MISSED) in marks and all(t == MISSED for _, t in marks if _ in (start, moved))
    assert "no longer on the page" not in page

    # the quoted words are gone: reported, the value kept without evidence, never on other text
    source.write_text(source.read_text(encoding="utf-8").replace(MISSED, "innej uczelni"), encoding="utf-8")

    def forget(client, url, post):
        page = client.get(url + f"page/{PAGE}").text
        report = f"The text that organisation “{MISSED}” was added from is no longer on the page"
        assert report in html_lib.unescape(page), page
        marks = marks_of(client, url)
        answer = post(
            {
                "op": "forget",
                "event": EVENT["group"],
                "kind": "unlocated",
                "field": "organisations",
                "key": MISSED,
            }
        )
        assert answer.status_code == 200, answer.text
        return marks, client.get(url + f"page/{PAGE}").text

    marks, after = run_review(built_copy.root, forget)
    assert all(t != "innej uczelni" and t != MISSED for _, t in marks), marks
    assert "no longer on the page" not in after and MISSED in after  # still a value of the event
    item = read_curation(built_copy.curation_file)[EVENT["group"]]["add"]["organisations"][0]
    assert item in ({"name": MISSED}, MISSED)


def test_the_queue_names_an_event_whose_corrections_apply_to_nothing_and_its_likely_new_id(built_copy):
    """A title changed on the page gives the event a new id: its corrections no longer apply. The queue
    says which event lost them and which event of the page is most likely the same one renamed."""
    built_copy.curation_file.write_text(
        f"{EVENT['group']}:\n  accept: {{type: StudyVisit}}\n", encoding="utf-8"
    )
    source = built_copy.sources_dir / f"{PAGE}.txt"
    heading = "Wizyta grupy z Holandii w Miejskim"
    raw = source.read_text(encoding="utf-8")
    source.write_text(raw.replace(heading, "Wizyta grupy studentów z Holandii w Miejskim"), encoding="utf-8")
    renamed = f"{PAGE}/wizyta-grupy-studentow-z-holandii-w-miejskim-osrodku"

    def queues(client, url, post):
        ids = [event for event, _ in page_cards(client, url)]
        return ids, [html_lib.unescape(client.get(url, params={"lang": lang}).text) for lang in ("en", "pl")]

    ids, (en, pl) = run_review(built_copy.root, queues)
    assert renamed in ids and EVENT["group"] not in ids
    assert f"the corrections of {EVENT['group']} apply to nothing" in en
    assert f"(renamed? now perhaps {renamed})" in en
    assert f"poprawki wydarzenia {EVENT['group']} nie dotyczą niczego" in pl
    assert f"(zmieniony tytuł? teraz może {renamed})" in pl
    assert en.count("now perhaps") == 1  # no guess for the other events


def test_corrections_go_over_only_to_an_event_of_the_page_without_its_own_and_only_from_a_fresh_tab(
    built_copy,
):
    """The carry-over (one click in the browser when the likeliest event is the one: test_review_ui) as the
    API sees it: to an event with corrections of its own, to another page's, or from a tab that saw other
    corrections, it is refused and nothing changes."""
    curation = f"{EVENT['group']}:\n  accept: {{type: StudyVisit}}\n{EVENT['donation']}:\n  delete: true\n"
    built_copy.curation_file.write_text(curation, "utf-8")
    source = built_copy.sources_dir / f"{PAGE}.txt"
    raw = source.read_text(encoding="utf-8")
    heading = "Wizyta grupy z Holandii w Miejskim"
    source.write_text(raw.replace(heading, "Wizyta grupy studentów z Holandii w Miejskim"), encoding="utf-8")
    renamed = f"{PAGE}/wizyta-grupy-studentow-z-holandii-w-miejskim-osrodku"
    before = built_copy.curation_file.read_bytes()

    def carry(client, url, post):
        page = client.get(url + f"page/{PAGE}", params={"lang": "en"}).text
        token = re.search(r'name="review-token" content="([^"]+)"', page).group(1)
        form = re.search(r'<form class="carry" data-event="([^"]+)" data-version="(\w+)"', page)
        assert form.group(1) == EVENT["group"]
        assert re.search(f'<option value="{renamed}" selected>', page)  # the likeliest
        body = {"op": "carry_over", "event": EVENT["group"], "into": renamed, "version": form.group(2)}

        def send(changes: dict) -> httpx.Response:
            return client.post(url + "api/correct", json=body | changes, headers={"X-Review-Token": token})

        # an event with corrections of its own, an event of another page: not the person's to pick there
        refused = [send({"into": EVENT["donation"]}), send({"into": "bip-27120/x"})]
        stale = send({"version": "0" * 12})
        unchanged = built_copy.curation_file.read_bytes()
        return refused, stale, unchanged, send({})

    refused, stale, unchanged, done = run_review(built_copy.root, carry)
    for answer in refused:
        assert answer.status_code == 400 and "no such correction" in answer.json()["error"]
    assert stale.status_code == 409 and "another tab" in stale.json()["error"]
    assert unchanged == before
    assert done.status_code == 200
    assert read_curation(built_copy.curation_file) == {
        renamed: {"accept": {"type": "StudyVisit"}},
        EVENT["donation"]: {"delete": True},
    }
