"""The map as a person sees it: a sea around the countries (the map page's Vega map and the small map of a
country's page), years chosen and shown from the first to the last without gaps, and the cities named in the
reader's language. A real `serve` on the seed build (events in 2010 and 2017 only), headless Chromium,
colours read from the screen's pixels."""

from __future__ import annotations

import base64
import csv
import io
import json
import re

from test_portal import CIRCLES, wait_until
from test_web import open_page

from partnergraph.aggregates import load_aggregates
from partnergraph.web.portal.charts import basemap
from partnergraph.web.portal.viz import project
from partnergraph.web.templating import STATIC

SEA_POINT = (-20.0, 45.0)  # the Atlantic west of France
LAND_POINT = (45.0, 55.0)  # Russia east of Moscow: no partner city near
NORTH_SEA = (3.0, 55.5)


def colours() -> dict[str, tuple[int, int, int]]:
    """The sea's and the land's colours as frontend/build.mjs wrote them."""
    shapes = json.loads((STATIC / "dist" / "basemap-shapes.json").read_text(encoding="utf-8"))
    rgb = lambda h: tuple(int(h[i : i + 2], 16) for i in (1, 3, 5))  # noqa: E731
    return {"sea": rgb(shapes["sea"]), "land": rgb(shapes["land"])}


def pixels(browser, page, points: list[tuple[float, float]]) -> list[tuple[int, int, int]]:
    """The colours on `page`'s screen at `points` (CSS px of the viewport), from a screenshot decoded on
    a blank page (the site's CSP allows no data: images)."""
    png = base64.b64encode(page.screenshot()).decode()
    blank = browser.new_page()
    try:
        return [
            tuple(c)
            for c in blank.evaluate(
                """async ([png, points]) => {
                const img = new Image(); img.src = 'data:image/png;base64,' + png; await img.decode();
                const canvas = document.createElement('canvas');
                canvas.width = img.width; canvas.height = img.height;
                const g = canvas.getContext('2d'); g.drawImage(img, 0, 0);
                return points.map(([x, y]) => Array.from(g.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)));
            }""",
                [png, points],
            )
        ]
    finally:
        blank.close()


def near(colour, expected, slack: int = 6) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(colour, expected, strict=True))


def test_the_map_has_a_sea_and_countries_in_their_colours(browser, server):
    page, problems = open_page(browser, server.url + "map?lang=en")
    page.wait_for_selector("#viz-map svg")
    wait_until(page, f"() => ({CIRCLES})() > 0")
    # the basemap's corner on the screen: the sea's rectangle is the basemap, centred on the plot
    box = page.locator("#viz-map svg .sea path").bounding_box()
    base = basemap()
    assert (round(box["width"]), round(box["height"])) == (base["width"], base["height"])
    points = [project(*SEA_POINT, base), project(*LAND_POINT, base)]
    sea, land = pixels(browser, page, [(box["x"] + x, box["y"] + y) for x, y in points])
    expected = colours()
    assert near(sea, expected["sea"]) and near(land, expected["land"]), (sea, land)
    assert sum(land) - sum(sea) > 40  # the sea reads darker than the land, not white like the page
    assert problems == []
    page.close()


def test_a_countrys_small_map_has_the_sea_too(browser, server):
    page, problems = open_page(browser, server.url + "partnergraph/id/country/de?lang=pl")
    svg = page.locator(".place-map svg")
    svg.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.place-map svg image').getBBox().width > 0")
    page.wait_for_timeout(200)  # the basemap image decoded and painted
    left, top, width, _height = map(float, svg.get_attribute("viewBox").split())
    box = svg.bounding_box()
    scale = box["width"] / width
    x, y = project(*NORTH_SEA, basemap())
    (sea,) = pixels(browser, page, [(box["x"] + (x - left) * scale, box["y"] + (y - top) * scale)])
    assert near(sea, colours()["sea"]), sea
    assert problems == []
    page.close()


def test_the_year_filters_offer_every_year_from_the_first_to_the_last(client):
    """The seed has events in 2010 and 2017: the map's choices run 2010, 2011, ... 2017."""
    html = client.get("/map", params={"lang": "en"}).text
    for name in ("from", "to"):
        select = re.search(rf'<select name="{name}">(.*?)</select>', html, re.S).group(1)
        years = [int(y) for y in re.findall(r"<option[^>]*>(\d{4})</option>", select)]
        assert years == list(range(2010, 2018)), name
    assert re.search(r'name="from">.*?<option selected>2010<', html, re.S)
    assert re.search(r'name="to">.*?<option selected>2017<', html, re.S)


def year_labels(page, chart: str) -> list[str]:
    """The year axis's labels (the events axis counts 0 to 10)."""
    shown = page.eval_on_selector_all(
        f"{chart} svg .role-axis-label text", "els => els.map(e => e.textContent)"
    )
    return [label for label in shown if re.fullmatch(r"\d{4}", label)]


def test_the_per_year_charts_run_through_the_years_without_events(browser, server, client):
    """Years between without events are on the axis at 0 (2010 was next to 2017), on /charts and on the
    map page's chart, also after a filter; the chart's data gives them as 0."""
    data = client.get("/charts/per-year-direction.json").json()
    assert sorted({r["year"] for r in data}) == list(range(2010, 2018))
    assert {r["events"] for r in data if r["year"] in range(2011, 2017)} == {0}
    page, problems = open_page(browser, server.url + "charts?lang=pl")
    chart = "#viz-per-year-type"
    page.locator(chart).scroll_into_view_if_needed()
    page.wait_for_selector(f"{chart} svg .mark-rect path")
    assert year_labels(page, chart) == [str(y) for y in range(2010, 2018)]
    page.close()
    page, problems2 = open_page(browser, server.url + "map?lang=en")
    chart = "#viz-per-year-direction"
    page.locator(chart).scroll_into_view_if_needed()
    page.wait_for_selector(f"{chart} svg .mark-rect path")
    drawn = page.locator(f"{chart} .chart").get_attribute("data-drawn")
    assert year_labels(page, chart) == [str(y) for y in range(2010, 2018)]
    page.select_option("select[name=direction]", "outgoing")
    wait_until(page, f"() => document.querySelector('{chart} .chart').dataset.drawn !== '{drawn}'")
    shown = [int(y) for y in year_labels(page, chart)]
    assert shown == list(range(shown[0], shown[-1] + 1)) and len(shown) > 2
    assert problems == [] and problems2 == []
    page.close()


def city_names(seed_store) -> dict[str, dict[str, str]]:
    """city IRI -> {"pl": name, "en": name} of the cities with coordinates, as the build counted them."""
    settings, _store = seed_store
    cities = load_aggregates(settings.build_dir)["cities"]
    return {c["iri"]: c["label"] for c in cities if c["lat"] is not None}


def test_the_map_names_the_cities_in_the_readers_language(browser, server, seed_store):
    """The circles of /map (their tooltips' names) and its list of cities, in Polish on a Polish page."""
    names = city_names(seed_store)
    assert any(n["pl"] != n["en"] for n in names.values())  # the seed has Antwerpia/Antwerp, Wiedeń/Vienna
    for lang in ("pl", "en"):
        page, problems = open_page(browser, server.url + f"map?lang={lang}")
        page.wait_for_selector("#viz-map svg")
        wait_until(page, f"() => ({CIRCLES})() > 0")
        circles = page.evaluate(
            """() => { const names = []; (function walk(item) {
            if (item.marktype === 'symbol' && item.role === 'mark') item.items.forEach(i => names.push(i.datum.name));
            (item.items || []).forEach(walk); })(document.querySelector('#viz-map .chart')._view.scenegraph().root);
            return names; }"""
        )
        listed = page.locator("#map-cities tbody td:first-child").all_inner_texts()
        other = "en" if lang == "pl" else "pl"
        differ = [n for n in names.values() if n[other] != n[lang]]
        assert set(circles) == set(listed) and set(listed) <= {n[lang] for n in names.values()}, lang
        assert {n[lang] for n in differ} & set(listed) and not {n[other] for n in differ} & set(listed)
        assert problems == []
        page.close()


def test_places_map_answers_name_the_cities_in_the_pages_language(browser, server, client, seed_store):
    """The saved query `places_map` on a Polish page: its table and its CSV name the cities in Polish (were
    English: "Antwerp" beside "Antwerpia"); on an English page in English."""
    names = city_names(seed_store)
    for lang in ("pl", "en"):
        other = "en" if lang == "pl" else "pl"
        download = client.get("/queries/places_map", params={"lang": lang, "format": "csv"})
        rows = list(csv.DictReader(io.StringIO(download.content.decode("utf-8-sig"))))
        assert {r["city"]: r["name"] for r in rows} == {iri: n[lang] for iri, n in names.items()}, lang
        page, problems = open_page(browser, server.url + f"queries/places_map?lang={lang}&run=1")
        shown = {cell.strip() for cell in page.locator("main table td").all_inner_texts()}
        for n in names.values():
            assert n[lang] in shown
            if n[other] != n[lang]:
                assert n[other] not in shown, (lang, n)
        assert problems == []
        page.close()
