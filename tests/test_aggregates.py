"""The portal's aggregates (build/aggregates.json) give the answers the saved queries give live, on the
seed graph and on a synthetic graph of 300 events (many organisations, persons, cities and years);
`build` and `add` write them; compaction leaves the store's data as it was."""

from __future__ import annotations

import json
import shutil
from collections import Counter, defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import synthetic_store as make_synthetic_store

from partnergraph.aggregates import FILE_NAME, VERSION, compute_aggregates, load_aggregates
from partnergraph.build import build, is_current
from partnergraph.corpus import add_pages
from partnergraph.errors import StoreError
from partnergraph.query import load_saved_queries, run_query
from partnergraph.settings import Settings
from partnergraph.store import EmbeddedStore, Store

ROOT = Path(__file__).resolve().parents[1]
QUERIES = load_saved_queries(ROOT / "queries")
PAGE = Path(__file__).parent / "data" / "bulletin" / "wspolpraca-2019.html"
# list -> the SPARQL path from an event to the things it lists
PATHS = {
    "organisations": "pg:involvesOrganisation",
    "countries": "pg:involvesCountry",
    "cities": "pg:involvesCity|schema:location",
    "persons": "pg:involvesPerson",
    "projects": "pg:partOfProject",
    "programmes": "pg:fundedByProgramme|pg:partOfProject/pg:fundedByProgramme",
    "topics": "dcterms:subject",
    "units": "pg:involvesUnit",
}


def live(store, name, **params) -> list[dict[str, str]]:
    result = run_query(store, QUERIES[name], {k: str(v) for k, v in params.items()})
    return [{k: str(v) for k, v in row.items()} for row in result.rows]


@pytest.fixture(scope="module")
def synthetic_store():
    """300 synthetic events in the real model (benchmarks/generate.py), in a store in memory."""
    return make_synthetic_store(300, seed=3)


@pytest.fixture(scope="module", params=["seed", "synthetic"])
def graph(request, seed_store, synthetic_store):
    """(store, its aggregates) for the seed graph and the synthetic one."""
    store = seed_store[1] if request.param == "seed" else synthetic_store
    return store, compute_aggregates(store)


def test_countries_are_partner_countries(graph):
    store, agg = graph
    for lang in ("en", "pl"):
        expected = [
            (r["iso"], r.get("name"), int(r["events"]), int(r["incoming_events"]), int(r["outgoing_events"]))
            for r in live(store, "partner_countries", lang=lang)
        ]
        got = [
            (c["iso"], c["label"][lang], c["events"], c["incoming"], c["outgoing"]) for c in agg["countries"]
        ]
        assert sorted(got) == sorted(expected)
    assert agg["top_countries"] == agg["countries"][:10]
    assert [c["events"] for c in agg["countries"]] == sorted(
        (c["events"] for c in agg["countries"]), reverse=True
    )


def test_organisations_are_organisations_by_country(graph):
    store, agg = graph
    expected = {
        (r["organisation"], r["name"], r.get("iso"), int(r["events"]))
        for r in live(store, "organisations_by_country")
    }
    got = {(o["iri"], o["label"]["pl"], o["country"], o["events"]) for o in agg["organisations"]}
    assert got == expected and len(agg["organisations"]) == len(expected)


def test_cities_are_places_map(graph):
    store, agg = graph
    for lang in ("en", "pl"):
        expected = {
            (r["city"], r.get("name"), r["iso"], float(r["lat"]), float(r["long"]), int(r["events"]))
            for r in live(store, "places_map", lang=lang)
        }
        got = {
            (c["iri"], c["label"][lang], c["country"], c["lat"], c["lon"], c["events"])
            for c in agg["cities"]
            if c["lat"] is not None
        }
        assert got == expected, lang


def test_topics_are_topics_ranked(graph):
    store, agg = graph
    for lang in ("en", "pl"):
        expected = {
            (r["topic"], r["topic_name"], int(r["events"]), r.get("first_year"), r.get("last_year"))
            for r in live(store, "topics_ranked", lang=lang)
        }
        got = {
            (
                t["notation"],
                t["label"][lang],
                t["events"],
                *(str(y) if y else None for y in (t["first_year"], t["last_year"])),
            )
            for t in agg["topics"]
        }
        assert got == expected


def test_year_series_are_the_saved_queries(graph):
    store, agg = graph
    by_direction = defaultdict(Counter)
    for row in agg["per_year_direction"]:
        by_direction[row["year"]][row["direction"]] += row["events"]
    expected = {
        int(r["year"]): (int(r["incoming"]), int(r["outgoing"]), int(r["events"]))
        for r in live(store, "direction_by_year")
    }
    assert {
        year: (c["incoming"], c["outgoing"], sum(c.values())) for year, c in by_direction.items()
    } == expected
    assert {f["value"]: f["events"] for f in agg["facets"]["years"]} == {y: v[2] for y, v in expected.items()}

    per_type = Counter()
    for row in agg["per_year_type"]:
        per_type[row["type"]] += row["events"]
    expected_types = Counter()
    for r in live(store, "events_by_type", year_from=1000, year_to=9999):
        expected_types[r["type"]] += int(r["events"])
    assert per_type == expected_types


def test_events_list_is_the_timeline(graph):
    store, agg = graph
    expected = {
        (r["event"], r["title"], r.get("start"), r.get("end"), r["type"], r["direction"])
        for r in live(store, "event_timeline")
    }
    got = {(e["iri"], e["title"], e["start"], e["end"], e["type"], e["direction"]) for e in agg["events"]}
    assert got == expected and len(agg["events"]) == len(expected) == agg["totals"]["events"]
    # countries of each event: counted per year and country they give events_per_year_country
    per_year_country = Counter((e["year"], iso) for e in agg["events"] if e["year"] for iso in e["countries"])
    assert per_year_country == Counter(
        {(int(r["year"]), r["iso"]): int(r["events"]) for r in live(store, "events_per_year_country")}
    )
    # topics of each event: the events on a topic
    for topic in agg["facets"]["topics"][:3]:
        expected_events = {
            r["event"]
            for r in live(store, "events_on_topic", topic=topic["value"], year_from=1000, year_to=9999)
        }
        assert {
            e["iri"] for e in agg["events"] if topic["value"] in e["topics"] and e["year"]
        } == expected_events
    years = [(e["year"] is None, e["start"] or "") for e in agg["events"]]
    assert years == sorted(years)


def test_projects_and_persons_are_the_saved_queries(graph):
    store, agg = graph
    expected = {(r["project"], int(r["events"])) for r in live(store, "projects_programmes")}
    assert {(p["iri"], p["events"]) for p in agg["projects"]} == expected
    people = defaultdict(set)
    for r in live(store, "people"):
        people[(r["person"], r["name"])].add(r["event"])
    assert {(p["iri"], p["label"]["en"], p["events"]) for p in agg["persons"]} == {
        (iri, name, len(events)) for (iri, name), events in people.items()
    }
    assert agg["totals"]["persons"] == len(people) and agg["totals"]["projects"] == len(expected)


def test_units_and_facets_count_events(graph):
    store, agg = graph
    visits = {(r["unit"], r["iso"]): int(r["visits"]) for r in live(store, "units_hosting_visitors")}
    incoming = Counter(
        (unit, iso)
        for e in agg["events"]
        if e["direction"] == "incoming"
        for unit in e["units"]
        for iso in e["countries"]
    )
    assert visits == incoming
    units = Counter(u for e in agg["events"] for u in e["units"])
    assert {f["value"]: f["events"] for f in agg["facets"]["units"]} == units
    types = Counter(e["type"] for e in agg["events"])
    assert {f["value"]: f["events"] for f in agg["facets"]["types"]} == types
    assert all(f["label"]["pl"] and f["label"]["en"] for f in agg["facets"]["types"])
    totals = agg["totals"]
    assert totals["pages"] == len(agg["pages"]) == len({e["page"] for e in agg["events"]})
    assert sum(p["events"] for p in agg["pages"]) == totals["events"]


class SparqlOnly(Store):
    """A store that answers SPARQL and nothing else, as a remote one does: Store.statements is then
    a SELECT, where the embedded store reads its index."""

    def __init__(self, store):
        self.select = store.select


def test_aggregates_are_the_same_through_sparql(graph):
    store, agg = graph
    assert compute_aggregates(SparqlOnly(store)) == agg


def test_first_and_last_years_of_every_list_come_from_its_events(graph):
    """Each thing's first and last year: the years of the events linking to it, read link by link."""
    store, agg = graph
    years = {e["iri"]: e["year"] for e in agg["events"]}
    for name in (
        "organisations",
        "countries",
        "cities",
        "persons",
        "projects",
        "programmes",
        "units",
        "topics",
    ):
        path = PATHS[name]
        links = store.select(
            "PREFIX pg: <https://w3id.org/partnergraph/def/> PREFIX schema: <https://schema.org/> "
            "PREFIX dcterms: <http://purl.org/dc/terms/> "
            f"SELECT ?e ?item WHERE {{ ?e a pg:Event ; {path} ?item . "
            f"{'?item a pg:City' if name == 'cities' else ''} }}"
        ).rows
        seen = defaultdict(set)
        for row in links:
            if years.get(str(row["e"])):
                seen[str(row["item"])].add(years[str(row["e"])])
        got = {x["iri"]: (x["first_year"], x["last_year"]) for x in agg[name]}
        assert got == {iri: (min(seen[iri]), max(seen[iri])) if seen[iri] else (None, None) for iri in got}, (
            name
        )
        assert set(seen) <= set(got), name


def test_countries_by_iso_names_every_country(graph):
    store, agg = graph
    rows = store.select(
        "SELECT ?c ?iso WHERE { ?c a <https://w3id.org/partnergraph/def/Country> ; "
        "<https://w3id.org/partnergraph/def/isoCode> ?iso }"
    ).rows
    assert {iso: c["iri"] for iso, c in agg["countries_by_iso"].items()} == {
        str(r["iso"]): str(r["c"]) for r in rows
    }
    assert agg["countries_by_iso"]["DE"]["label"] == {"pl": "Niemcy", "en": "Germany"}
    assert {c["iso"] for c in agg["countries"]} <= set(agg["countries_by_iso"])


# ---- written by build and add, read by load_aggregates ------------------------------------------------


@pytest.fixture
def built(seed_settings, tmp_path) -> Settings:
    """A copy of the project with the session's seed build."""
    root = tmp_path / "project"
    for name in ("data", "ontology", "queries"):
        shutil.copytree(seed_settings.root / name, root / name)
    shutil.copytree(seed_settings.build_dir, root / "build", ignore=shutil.ignore_patterns(".*"))
    return Settings(root)


def test_build_writes_the_aggregates_of_its_store_and_add_updates_them(built, monkeypatch):
    monkeypatch.delenv("PARTNERGRAPH_BUILD", raising=False)
    on_disk = load_aggregates(built.build_dir)
    with EmbeddedStore(built.store_dir, read_only=True) as store:
        assert on_disk == compute_aggregates(store)
    assert load_aggregates(built.build_dir) is on_disk  # read once while the file stays the same
    if not is_current(built):
        build(built)
    before = load_aggregates(built.build_dir)

    report = add_pages(built, [str(PAGE)], year=2019)
    assert report.graph == "incremental"
    after = load_aggregates(built.build_dir)
    with EmbeddedStore(built.store_dir, read_only=True) as store:
        assert after == compute_aggregates(store)
    assert after["totals"]["events"] == before["totals"]["events"] + 3
    assert after["totals"]["pages"] == before["totals"]["pages"] + 1
    assert 2019 in {f["value"] for f in after["facets"]["years"]}


def test_a_build_without_aggregates_is_not_current(built):
    (built.build_dir / FILE_NAME).unlink()
    assert not is_current(built)


@pytest.mark.parametrize("content", [None, "{not json", '{"version": 0}'])
def test_missing_or_broken_aggregates_are_a_one_line_error(tmp_path, content):
    if content is not None:
        (tmp_path / FILE_NAME).write_text(content, encoding="utf-8")
    with pytest.raises(StoreError, match="run `partnergraph build`") as info:
        load_aggregates(tmp_path)
    assert "\n" not in str(info.value) and str(tmp_path / FILE_NAME) in str(info.value)


def test_the_aggregates_file_is_compact_json_in_utf8(built):
    text = (built.build_dir / FILE_NAME).read_text(encoding="utf-8")
    assert "Niemcy" in text and "\n" not in text
    assert json.loads(text)["version"] == VERSION


# ---- compaction --------------------------------------------------------------------------------------------


def test_compaction_leaves_every_quad_as_it_was(seed_settings, tmp_path):
    data = (seed_settings.dumps_dir / "partnergraph.nq").read_bytes()
    store = EmbeddedStore(tmp_path / "store")
    store.load_nquads(data)
    store.replace_graph(  # a change on top of the bulk load, as `add` makes
        "https://w3id.org/partnergraph/graph/test",
        b"<urn:a> <urn:b> <urn:c> <https://w3id.org/partnergraph/graph/test> .\n",
    )
    before = set(store.ox.quads_for_pattern(None, None, None, None))
    store.compact()
    store.close()
    del store
    reopened = EmbeddedStore(tmp_path / "store", read_only=True)
    after = set(reopened.ox.quads_for_pattern(None, None, None, None))
    assert after == before
    assert len(after) == data.count(b"\n") + 1
    assert (
        ox.Quad(
            ox.NamedNode("urn:a"),
            ox.NamedNode("urn:b"),
            ox.NamedNode("urn:c"),
            ox.NamedNode("https://w3id.org/partnergraph/graph/test"),
        )
        in after
    )
