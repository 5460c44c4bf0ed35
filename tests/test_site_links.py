"""Two small faults of the portal found by a person (issue 13): the map's size legend showed "0" as a
class of events (a city with no event is never drawn), and the ontology page linked to `#0.1.0`, an
anchor that is nowhere on the page (its version IRI). Checked in headless Chromium and over real HTTP
against a `partnergraph serve` process."""

from __future__ import annotations

import re

from test_web import open_page

SERVE_OPTIONS = ()


def test_the_maps_size_legend_starts_at_one_event(browser, server):
    for lang in ("en", "pl"):
        page, problems = open_page(browser, server.url + f"map?lang={lang}")
        labels = page.locator("#viz-map svg .role-legend-label text")
        labels.first.wait_for()
        texts = [t.strip() for t in labels.all_text_contents()]
        assert texts and all(re.fullmatch(r"[1-9][0-9]*", t) for t in texts), texts
        assert problems == []
        page.close()


def test_every_link_within_the_ontology_page_has_its_anchor(client):
    for lang in ("en", "pl"):
        page = client.get("/ontology", params={"lang": lang})
        assert page.status_code == 200
        ids = set(re.findall(r'\bid="([^"]+)"', page.text))
        targets = set(re.findall(r'\bhref="#([^"]*)"', page.text))
        assert targets and targets <= ids, sorted(targets - ids)
        # the version IRI links to itself, which the server answers
        assert 'href="https://w3id.org/partnergraph/def/0.1.0"' in page.text
        version = client.get("/partnergraph/def/0.1.0", headers={"Accept": "text/turtle"})
        assert version.status_code == 200
