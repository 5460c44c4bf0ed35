"""A town named in data/curation.yaml is named by its GeoNames id: two towns of one country may share a name
(Münster in Westphalia, 308,258 people, GeoNames 2867543; Münster in Hesse, 14,018 people, 2867548). The
review records the id of the town the person picked; a hand-written correction that names such a town
without its id is not applied, and says so (`build`: one line; the review: pl/en, with Forget). Real
review processes and the real CLI."""

from __future__ import annotations

import re

import httpx
from conftest import copy_built, run_partnergraph
from test_review import CARD, PAGE, Reviewed, assert_a_fresh_build_gives_the_same_dump
from test_review_refused import locations, save

BIG, SMALL = 2867543, 2867548  # the two Münsters of Germany
BIG_IRI = "<https://w3id.org/partnergraph/id/city/munster-de>"
SMALL_IRI = f"<https://w3id.org/partnergraph/id/city/munster-de-{SMALL}>"
SMALL_ROW = f"Münster,Münster,DE,{SMALL},,49.92278,8.86778\n"  # Hesse's, registered first


def cards(client: httpx.Client, url: str) -> list[tuple[str, str]]:
    return re.findall(CARD, client.get(url + f"page/{PAGE}").text)


def test_the_town_picked_is_the_town_in_the_graph(seed_settings, tmp_path):
    """Before: the curation said only 'Münster, DE' and places.csv one Münster per country, so picking
    Westphalia's Münster after Hesse's put Hesse's (city/munster-de-2867548) on the second event too."""
    project = copy_built(seed_settings, tmp_path / "project")
    dump = project.dumps_dir / "partnergraph.nq"
    app = Reviewed(project.root)
    try:
        with httpx.Client(timeout=300, headers={"Accept-Language": "en"}) as client:
            token = app.token(client)
            (small_event, small_version), (big_event, big_version) = cards(client, app.url)[:2]
            before = project.curation_file.read_bytes()
            body = {"op": "set", "event": small_event, "field": "location", "value": "Münster"}
            named = client.post(
                app.url + "api/correct",
                json=body | {"version": small_version},
                headers={"X-Review-Token": token},
            )
            assert named.status_code == 400, named.text  # which Münster? not the most populous by default
            assert f"GeoNames {BIG}" in named.json()["error"] and f"GeoNames {SMALL}" in named.json()["error"]
            assert project.curation_file.read_bytes() == before

            found = client.get(app.url + "api/cities", params={"q": "Münster", "lang": "pl"}).json()
            assert {(c["geonames_id"], c["country_name"], c["population"]) for c in found} >= {
                (BIG, "Niemcy", 308258),
                (SMALL, "Niemcy", 14018),
            }

            status = save(client, app.url, token, body | {"version": small_version, "geonames_id": SMALL})
            assert status["graph"] == "current" and status["refused"] == [], status
            body = {"op": "set", "event": big_event, "field": "location", "value": "Münster"}
            status = save(client, app.url, token, body | {"version": big_version, "geonames_id": BIG})
            assert status["graph"] == "current" and status["refused"] == [], status

            text = dump.read_text(encoding="utf-8")
            assert locations(text, small_event) == {SMALL_IRI}
            assert locations(text, big_event) == {BIG_IRI}
            curation = project.curation_file.read_text(encoding="utf-8")
            assert f"geonames_id: {SMALL}" in curation and f"geonames_id: {BIG}" in curation
            places = (project.reference_dir / "places.csv").read_text(encoding="utf-8").splitlines()
            assert sorted(row.split(",")[3] for row in places if row.startswith("Münster,")) == [
                str(BIG),
                str(SMALL),
            ]
    finally:
        app.stop()
    assert_a_fresh_build_gives_the_same_dump(project.root, tmp_path / "fresh")


def test_a_town_named_without_its_id_is_reported_not_guessed(seed_settings, tmp_path):
    """Before: with Hesse's Münster in places.csv, a hand-written 'city: Münster, country: DE' became that
    town, silently (city/munster-de-2867548 in the graph)."""
    project = copy_built(seed_settings, tmp_path / "project")
    dump = project.dumps_dir / "partnergraph.nq"
    event = next(  # an event of the page with an extracted location
        line.split(">", 1)[0].rsplit("/event/", 1)[1]
        for line in dump.read_text(encoding="utf-8").splitlines()
        if f"/event/{PAGE}/" in line.split(" ", 1)[0] and " <https://schema.org/location> " in line
    )
    extracted = locations(dump.read_text(encoding="utf-8"), event)
    with (project.reference_dir / "places.csv").open("a", encoding="utf-8") as f:
        f.write(SMALL_ROW)
    project.curation_file.write_text(
        f"{event}:\n  set: {{location: {{city: Münster, country: DE}}}}\n", encoding="utf-8"
    )

    built = run_partnergraph(project.root, "build")
    assert built.returncode == 0, built.stderr
    [line] = [x for x in built.stdout.splitlines() if "Münster" in x]
    assert line.strip() == (
        f"{event}: set location 'Münster': several towns of DE have this name: say which by its "
        "geonames_id (`partnergraph review` lists them)"
    ), built.stdout
    text = dump.read_text(encoding="utf-8")
    assert locations(text, event) == extracted  # not applied: as extracted
    assert f"<https://schema.org/location> {SMALL_IRI}" not in text  # no event is in Hesse's Münster

    app = Reviewed(project.root)
    try:
        with httpx.Client(timeout=300) as client:
            english = client.get(app.url + f"page/{PAGE}?lang=en").text
            assert f"The corrections of {event} name the city “Münster” without saying which" in english
            polish = client.get(app.url + f"page/{PAGE}?lang=pl").text
            assert f"Korekty {event} podają miasto „Münster”, nie mówiąc, które" in polish
            forget = re.search(
                r'<button type="button" data-op="forget"[^>]*data-kind="shared_name"[^>]*>', polish
            )
            attrs = dict(re.findall(r'data-(\w+)="([^"]*)"', forget.group(0)))
            body = {k: attrs[k] for k in ("op", "event", "kind", "field", "key", "version")}
            answer = client.post(
                app.url + "api/correct", json=body, headers={"X-Review-Token": app.token(client)}
            )
            assert answer.status_code == 200, answer.text
            assert "Münster" not in project.curation_file.read_text(encoding="utf-8")
            assert "shared_name" not in client.get(app.url + f"page/{PAGE}").text
    finally:
        app.stop()
