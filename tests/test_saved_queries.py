"""Every saved query parses, runs on the seed graph, and answers what the two pages say.

The expected values were checked by hand against data/sources/bip-83616.txt (2017) and
data/sources/bip-27120.txt (2010).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.plugins.sparql import prepareQuery

from partnergraph.errors import QueryError
from partnergraph.query import load_saved_queries, run_query

ROOT = Path(__file__).resolve().parents[1]
QUERIES = load_saved_queries(ROOT / "queries")


def rows(store, name, **params):
    result = run_query(store, QUERIES[name], {k: str(v) for k, v in params.items()})
    return [{k: str(v) for k, v in row.items()} for row in result.rows]


def column(result, name):
    return [row.get(name) for row in result]


def test_there_are_at_least_fifteen_documented_queries():
    assert len(QUERIES) >= 15
    for query in QUERIES.values():
        assert query.title and query.description, query.name
        for param in query.parameters.values():
            assert param.default is not None and param.description, (query.name, param.name)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_parses_and_runs(seed_store, name):
    _settings, store = seed_store
    text = QUERIES[name].render()
    prepareQuery(text)  # rdflib's parser agrees with Oxigraph's
    assert len(run_query(store, QUERIES[name])) > 0, f"{name} found nothing in the seed graph"


def test_partner_countries(seed_store):
    result = rows(seed_store[1], "partner_countries")
    counts = {row["iso"]: int(row["events"]) for row in result}
    # DE: Paderborn, Bensheim, Rotary (Neuss), Berlin; NL: 2010 students, 2017 group, Utrecht
    assert counts == {"DE": 4, "NL": 3, "AT": 2, "CZ": 2, "BE": 1, "ES": 1, "FI": 1, "GE": 1, "SE": 1}
    assert column(result, "iso")[:2] == ["DE", "NL"]
    germany = result[0]
    assert (germany["name"], germany["incoming_events"], germany["outgoing_events"]) == ("Germany", "2", "2")
    assert rows(seed_store[1], "partner_countries", lang="pl")[0]["name"] == "Niemcy"


def test_countries_of_2010(seed_store):
    result = rows(seed_store[1], "events_per_year_country")
    assert sorted(r["iso"] for r in result if r["year"] == "2010") == [
        "AT",
        "BE",
        "CZ",
        "DE",
        "FI",
        "GE",
        "NL",
        "SE",
    ]
    assert sorted(r["iso"] for r in result if r["year"] == "2017") == ["DE", "ES", "NL"]


def test_events_on_homelessness(seed_store):
    result = rows(seed_store[1], "events_on_topic", topic="homelessness")
    assert column(result, "start") == [
        "2010-01-14",
        "2010-01-25",
        "2010-02-25",
        "2010-06-09",
        "2017-03-20",
        "2017-11-16",
    ]
    only_2017 = rows(seed_store[1], "events_on_topic", topic="homelessness", year_from=2017, year_to=2017)
    assert column(only_2017, "type") == ["Donation", "Conference"]
    assert rows(seed_store[1], "events_on_topic", topic="domestic_violence") == []


def test_incoming_and_outgoing_by_year(seed_store):
    result = {
        r["year"]: (int(r["incoming"]), int(r["outgoing"])) for r in rows(seed_store[1], "direction_by_year")
    }
    assert result == {"2010": (8, 3), "2017": (3, 2)}


def test_events_by_type(seed_store):
    result = {(r["type"], r["direction"]): int(r["events"]) for r in rows(seed_store[1], "events_by_type")}
    assert result == {
        ("StudyVisit", "incoming"): 8,
        ("StudyVisit", "outgoing"): 1,
        ("Conference", "outgoing"): 3,
        ("Meeting", "incoming"): 2,
        ("Meeting", "outgoing"): 1,
        ("Donation", "incoming"): 1,
    }


def test_units_hosting_visitors(seed_store):
    result = {(r["unit_name"], r["iso"]) for r in rows(seed_store[1], "units_hosting_visitors")}
    assert {
        ("Dział Pomocy Bezdomnym", "SE"),
        ("Dział Pomocy Bezdomnym", "BE"),
        ("Klub Integracji Społecznej", "FI"),
    } <= result
    assert ("Punkt Aktywności Lokalnej", "ES") in result


def test_organisations_by_country(seed_store):
    result = {
        r["name"]: (r.get("iso"), int(r["events"])) for r in rows(seed_store[1], "organisations_by_country")
    }
    assert result["Urząd Miasta Krakowa"] == ("PL", 4)  # URB-INCLUSION, Utrecht, Georgia, Bensheim
    assert result["Rotary Club Kaarst-Korschenbroich"] == ("DE", 1)
    assert result["Fachhochschule St. Pölten"] == ("AT", 1)


def test_projects_with_programmes_and_partner_cities(seed_store):
    result = {r["name"]: r for r in rows(seed_store[1], "projects_programmes")}
    urb = result["URB-INCLUSION"]
    assert (urb["programme_name"], urb["lead"]) == ("URBACT III", "Barcelona")
    assert set(urb["partner_cities"].split(", ")) == {
        "Barcelona",
        "Copenhagen",
        "Trikala",
        "Lyon",
        "Naples",
        "Turin",
        "Timișoara",
        "Glasgow",
        "Kraków",
    }
    assert result["Streetwork - skuteczny kontakt"]["events"] == "2"


def test_student_groups_and_schools(seed_store):
    result = rows(seed_store[1], "student_groups")
    assert {(r["start"], r.get("school"), r["iso"]) for r in result} == {
        ("2010-01-07", "Fachhochschule St. Pölten", "AT"),
        ("2010-01-25", "Karel de Grote - Hogeschool", "BE"),
        ("2010-02-18", "Reformed University", "NL"),
    }


def test_topics_by_country(seed_store):
    result = {(r["iso"], r["topic"]): int(r["events"]) for r in rows(seed_store[1], "topics_by_country")}
    assert result[("DE", "homelessness")] == 2  # the Rotary beds and the Berlin conference
    assert result[("DE", "older_people")] == 2  # the Rotary beds and the seniors' visit (Bensheim)
    assert result[("GE", "foster_care")] == 1


def test_people(seed_store):
    result = {r["name"]: r for r in rows(seed_store[1], "people")}
    assert set(result) == {"Jan Stapelmann", "Horst Heck"}
    assert "Rotary Club Kaarst-Korschenbroich" in result["Jan Stapelmann"]["organisations"]
    assert result["Horst Heck"]["countries"] == "DE"


def test_event_timeline(seed_store):
    result = rows(seed_store[1], "event_timeline")
    assert len(result) == 16
    assert (result[0]["start"], result[0]["title"]) == ("2010-01-07", "Wizyta studentów z Austrii")
    assert (result[-1]["start"], result[-1]["end"], result[-1]["place"]) == (
        "2017-11-16",
        "2017-11-17",
        "Berlin",
    )


def test_event_evidence_quotes_the_page(seed_store):
    """The offsets point into the page's text as extracted, which the graph keeps (schema:text)."""
    [text] = (
        seed_store[1]
        .select(
            "SELECT ?t WHERE { <https://w3id.org/partnergraph/id/source/bip-27120> <https://schema.org/text> ?t }"
        )
        .values("t")
    )
    page = str(text)
    result = rows(seed_store[1], "event_evidence", field="involvesCity")
    stockholm = [r for r in result if "Szwecji" in r["title"]]
    assert stockholm and "Sztokholm" in stockholm[0]["quote"]
    for row in result:
        if row.get("url", "").endswith("27120"):
            assert page[int(row["start"]) : int(row["end"])] == row["quote"]


def test_places_on_a_map(seed_store):
    result = {r["name"]: r for r in rows(seed_store[1], "places_map")}
    assert (result["Berlin"]["lat"], result["Berlin"]["long"]) == ("52.52437", "13.41053")
    assert result["Berlin"]["wkt"] == "POINT(13.41053 52.52437)"
    assert result["Kraków"]["iso"] == "PL"  # the location of incoming events


def test_co_occurring_partners(seed_store):
    result = {
        (r["a_name"], r["b_name"]): int(r["shared_events"])
        for r in rows(seed_store[1], "co_occurring_partners")
    }
    assert result[("Towarzystwo „Nasz Dom”", "Urząd Miasta Krakowa")] == 1
    assert result[("Ośrodek Interwencji Kryzysowej", "Urząd Miasta Krakowa")] == 1


def test_events_in_country(seed_store):
    result = rows(seed_store[1], "events_in_country", country="de")
    assert column(result, "start") == ["2010-05-07", "2010-09-30", "2017-03-20", "2017-11-16"]
    assert rows(seed_store[1], "events_in_country", country="JP") == []


def test_topics_ranked(seed_store):
    result = rows(seed_store[1], "topics_ranked")
    assert (result[0]["topic"], result[0]["events"], result[0]["topic_name"]) == (
        "homelessness",
        "6",
        "homelessness",
    )
    assert rows(seed_store[1], "topics_ranked", lang="pl")[0]["topic_name"] == "bezdomność"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"colour": "red"}, r"unknown parameter\(s\) colour"),
        ({"year_from": "last year"}, "expected a year"),
        ({"topic": "x y"}, "expected a topic id"),
    ],
)
def test_bad_parameters_are_refused_before_running(params, message):
    with pytest.raises(QueryError, match=message):
        QUERIES["events_on_topic"].render(params)


def test_a_parameter_value_cannot_inject_sparql():
    text = QUERIES["partner_countries"].render({"lang": 'en") } DROP ALL #'})
    prepareQuery(text)  # still one well-formed SELECT: the value became one string literal
    assert '"en\\") } DROP ALL #"' in text


@pytest.fixture(scope="module")
def rdflib_and_embedded(seed_settings):
    """The seed graph and 300 synthetic events (benchmarks/generate.py: events without cities,
    organisations or partner cities, which the seed pages lack), each in rdflib and in the embedded
    store."""
    import importlib.util
    import sys

    from rdflib import Dataset

    from partnergraph.store import EmbeddedStore

    spec = importlib.util.spec_from_file_location(
        "pg_benchmarks_generate", ROOT / "benchmarks" / "generate.py"
    )
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate
    spec.loader.exec_module(generate)
    graphs = [
        (seed_settings.dumps_dir / "partnergraph.nq").read_bytes(),
        generate.generate_nquads(300, seed=5),
    ]
    pairs = []
    for data in graphs:
        dataset = Dataset(default_union=True)
        dataset.parse(data=data, format="nquads")
        store = EmbeddedStore()
        store.load_nquads(data)
        pairs.append((dataset, store))
    return pairs


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_rdflib_gives_the_rows_of_the_embedded_store(rdflib_and_embedded, name):
    """Every saved query runs on rdflib too, with the same rows (no GROUP_CONCAT over an unbound
    OPTIONAL value, which rdflib refuses with NotBoundError)."""
    from test_remote_stores import answer_set

    from partnergraph.store import Rows

    text = QUERIES[name].render()
    for dataset, store in rdflib_and_embedded:
        result = dataset.query(text)
        names = [str(v) for v in result.vars]
        got = Rows(names, [{n: row[n] for n in names if row[n] is not None} for row in result])
        expected = store.select(text)
        assert len(got) == len(expected), name
        assert answer_set(got, text) == answer_set(expected, text), name


def test_topics_ranked_gives_years_of_dated_events_only():
    """A topic's first and last years come from its dated events; an undated event ("--MM-DD") counts
    but gives no year, and a topic with only undated events has none (on the embedded store and on
    rdflib alike)."""
    from rdflib import Dataset

    from partnergraph.store import EmbeddedStore

    pg, topic = "https://w3id.org/partnergraph/def/", "https://w3id.org/partnergraph/id/topic/"
    lines = []
    for n, (subject, start) in enumerate(
        [("mixed", "2015-03-01"), ("mixed", "--05-01"), ("mixed", "2019-01-02"), ("undated", "--07-01")]
    ):
        event, graph = f"<{pg}e{n}>", f"<{pg}g{n}>"
        lines += [
            f"{event} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{pg}Event> {graph} .",
            f"{event} <http://purl.org/dc/terms/subject> <{topic}{subject}> {graph} .",
            f'{event} <https://schema.org/startDate> "{start}" {graph} .',
        ]
    for subject in ("mixed", "undated"):
        lines.append(
            f'<{topic}{subject}> <http://www.w3.org/2004/02/skos/core#notation> "{subject}" <{pg}t> .'
        )
    data = "\n".join(sorted(lines)) + "\n"
    store = EmbeddedStore()
    store.load_nquads(data.encode())
    dataset = Dataset(default_union=True)
    dataset.parse(data=data, format="nquads")
    text = QUERIES["topics_ranked"].render()
    expected = [
        {"topic": "mixed", "events": "3", "first_year": "2015", "last_year": "2019"},
        {"topic": "undated", "events": "1"},
    ]
    assert [{k: str(v) for k, v in row.items()} for row in store.select(text).rows] == expected
    got = [{str(k): str(v) for k, v in row.asdict().items()} for row in dataset.query(text)]
    assert got == expected


@pytest.mark.parametrize("name, key", [("topics_ranked", ()), ("topics_by_country", ("iso",))])
def test_a_topic_is_one_row_with_two_names_in_a_language_or_two_codes(name, key):
    """A topic whose concept has two Polish names (a second source's, or a curated one beside the ontology's)
    and two codes (in a second scheme) is still one row, with the least of each (on the embedded store and
    on rdflib alike); its events counted once."""
    from rdflib import Dataset

    from partnergraph.store import EmbeddedStore

    pg, skos = "https://w3id.org/partnergraph/def/", "http://www.w3.org/2004/02/skos/core#"
    topic, graph = f"<{pg}topic/housing>", f"<{pg}g>"
    lines = [
        f'{topic} <{skos}notation> "housing" {graph} .',
        f'{topic} <{skos}notation> "mieszkalnictwo-2" <{pg}other-scheme> .',
        f'{topic} <{skos}prefLabel> "mieszkalnictwo"@pl {graph} .',
        f'{topic} <{skos}prefLabel> "mieszkania"@pl <{pg}other-scheme> .',
        f'{topic} <{skos}prefLabel> "housing"@en {graph} .',
        f'<{pg}country/de> <{pg}isoCode> "DE" {graph} .',
    ]
    for n in range(2):
        event = f"<{pg}e{n}>"
        lines += [
            f"{event} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{pg}Event> {graph} .",
            f"{event} <http://purl.org/dc/terms/subject> {topic} {graph} .",
            f"{event} <{pg}involvesCountry> <{pg}country/de> {graph} .",
            f'{event} <https://schema.org/startDate> "201{n}-03-01" {graph} .',
        ]
    data = "\n".join(sorted(lines)) + "\n"
    store = EmbeddedStore()
    store.load_nquads(data.encode())
    dataset = Dataset(default_union=True)
    dataset.parse(data=data, format="nquads")
    for lang, label in (("pl", "mieszkalnictwo"), ("en", "housing")):
        text = QUERIES[name].render({"lang": lang})
        expected = [{"topic": "housing", "topic_name": label, "events": "2", **{k: "DE" for k in key}}]
        got = [{k: str(v) for k, v in row.items() if k in expected[0]} for row in store.select(text).rows]
        assert got == expected, lang
        got = [
            {str(k): str(v) for k, v in row.asdict().items() if k in expected[0]}
            for row in dataset.query(text)
        ]
        assert got == expected, lang
