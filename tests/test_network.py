"""partnergraph.network and `partnergraph network`: the seed graph as a network, its hubs (checked by hand
against the two pages in data/sources), communities, projections, GEXF/GraphML round trips, focus, layout.
"""

from __future__ import annotations

import json
import math
import random
import urllib.request

import networkx as nx
import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD
from servers import start_oxigraph

from partnergraph import iris
from partnergraph.cli import main
from partnergraph.namespace import PG
from partnergraph.network import (
    NetworkError,
    build_network,
    compute_layout,
    detect_communities,
    event_counts,
    focus_network,
    network_stats,
    project,
    write_network,
)
from partnergraph.network.export import spell_end, spell_start
from partnergraph.network.graph import year_of
from partnergraph.store import EmbeddedStore, RemoteStore
from partnergraph.views import render_network_page

SCHEMA_NAME = URIRef("https://schema.org/name")
SCHEMA_START = URIRef("https://schema.org/startDate")
SCHEMA_END = URIRef("https://schema.org/endDate")
GERMANY = str(iris.country_iri("de"))
NETHERLANDS = str(iris.country_iri("nl"))
UMK = str(iris.named_iri("organisation", "Urząd Miasta Krakowa"))
HOMELESSNESS = str(iris.concept_iri("topics", "homelessness"))

# Read by hand from data/sources: the events that involve Germany (Paderborn, Bensheim, Neuss, Berlin),
# the Netherlands (students 2010, group 2017, Utrecht) and Urząd Miasta Krakowa (Georgian delegation
# in the city office, Horst Heck in its foreign-cooperation office, URB-INCLUSION seminar, Utrecht).
GERMANY_EVENTS = ("Paderborn", "Horst Heck z Bensheim", "Rotary Club Kaarst-Korschenbroich", "w Berlinie")
NETHERLANDS_EVENTS = ("Wizyta studentów z Holandii", "Wizyta grupy z Holandii", "Utrechcie")
UMK_EVENTS = ("delegacji rządowej z Gruzji", "Horst Heck", "URB-INCLUSION", "Utrechcie")
# Homelessness by hand: the Czech streetworkers, the Swedish youth and the Belgian students (Dział
# Pomocy Bezdomnym), the Czech conference (osób bezdomnych), the Rotary beds (bezdomnym), Berlin
# (Wohnungslosenhilfe).
HOMELESSNESS_EVENTS = 6


@pytest.fixture(scope="module")
def seed(seed_store):
    settings, store = seed_store
    return settings, store, build_network(store)


def titles_of_events(graph, node):
    return sorted(graph.nodes[n]["label_pl"] for n in graph[node] if graph.nodes[n]["kind"] == "event")


def test_seed_network_has_typed_nodes_with_both_labels(seed):
    _, _, graph = seed
    kinds = {kind for _, kind in graph.nodes(data="kind")}
    assert {"event", "unit", "organisation", "city", "country", "project", "programme", "topic"} <= kinds
    assert graph.nodes[GERMANY]["label_en"] == "Germany"
    assert graph.nodes[GERMANY]["label_pl"] == "Niemcy"
    assert graph.nodes[HOMELESSNESS]["label_pl"] == "bezdomność"
    for node, data in graph.nodes(data=True):
        assert data["label_pl"] and data["label_en"], node
        if data["kind"] == "event":
            assert data["start"] and data["year_from"] in (2010, 2017), node
            assert data["type"] in ("StudyVisit", "Conference", "Meeting", "Donation"), node
            assert data["direction"] in ("incoming", "outgoing"), node
        else:  # every entity is in the network because an event involves it
            assert any(graph.nodes[n]["kind"] == "event" for n in graph[node]), node


def test_seed_hubs_are_the_ones_read_by_hand(seed):
    _, _, graph = seed
    stats = network_stats(graph)
    countries = stats["most_events"]["country"]
    assert [(r["label"], r["value"]) for r in countries[:2]] == [("Germany", 4), ("Netherlands", 3)]
    assert countries[2]["value"] < 3
    organisations = stats["most_events"]["organisation"]
    assert (organisations[0]["label"], organisations[0]["value"]) == ("Urząd Miasta Krakowa", 4)
    assert organisations[1]["value"] < 4
    assert (stats["most_events"]["topic"][0]["label"], stats["most_events"]["topic"][0]["value"]) == (
        "homelessness",
        HOMELESSNESS_EVENTS,
    )
    for node, expected in ((GERMANY, GERMANY_EVENTS), (NETHERLANDS, NETHERLANDS_EVENTS), (UMK, UMK_EVENTS)):
        titles = titles_of_events(graph, node)
        assert len(titles) == len(expected), titles
        for fragment in expected:
            assert sum(fragment in t for t in titles) == 1, (fragment, titles)
    assert stats["degree"][0]["label"] == "Germany"
    assert stats["nodes"] == graph.number_of_nodes() and stats["edges"] == graph.number_of_edges()


def test_event_counts_match_a_sparql_count(seed):
    _, store, graph = seed
    rows = store.select(
        f"""SELECT ?o (COUNT(DISTINCT ?e) AS ?n) WHERE {{
          ?e a <{PG.Event}> ; <{PG.involvesCountry}> ?o }} GROUP BY ?o"""
    ).rows
    counts = event_counts(graph)
    assert rows and {str(r["o"]): int(r["n"]) for r in rows} == {
        n: c for n, c in counts.items() if graph.nodes[n]["kind"] == "country"
    }


def test_louvain_communities_are_a_stable_partition(seed):
    _, _, graph = seed
    first, second = detect_communities(graph), detect_communities(graph)
    assert first == second
    assert set().union(*first) == set(graph) and sum(map(len, first)) == len(graph)
    assert 1 < len(first) < len(graph)


def test_projections_count_shared_events(seed):
    _, _, graph = seed
    country_topic = project(graph, "country", "topic")
    # by hand: Germany and homelessness share the Rotary donation and the Berlin conference
    assert country_topic[GERMANY][HOMELESSNESS]["weight"] == 2
    assert all(country_topic.nodes[n]["kind"] in ("country", "topic") for n in country_topic)
    orgs = project(graph, "organisation", "organisation")
    for a, b, weight in orgs.edges(data="weight"):
        shared = set(graph[a]) & set(graph[b])
        assert weight == sum(graph.nodes[n]["kind"] == "event" for n in shared)


def test_cli_stats_table_and_json(seed, capsys):
    settings, _, _ = seed
    assert main(["network", "stats", "--root", str(settings.root)]) == 0
    table = capsys.readouterr().out
    assert "country: most events" in table and "Germany" in table and "Urząd Miasta Krakowa" in table
    assert main(["network", "stats", "--format", "json", "--top", "2", "--root", str(settings.root)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["label"] for r in data["most_events"]["country"]] == ["Germany", "Netherlands"]
    assert main(["network", "stats", "--lang", "pl", "--format", "json", "--root", str(settings.root)]) == 0
    assert json.loads(capsys.readouterr().out)["most_events"]["country"][0]["label"] == "Niemcy"


def test_cli_stats_through_a_real_sparql_endpoint(seed, tmp_path, capsys):
    settings, _, _ = seed
    server = start_oxigraph(tmp_path / "ox")
    try:
        request = urllib.request.Request(
            server.graph_store_url,
            data=(settings.dumps_dir / "partnergraph.nq").read_bytes(),
            headers={"Content-Type": "application/n-quads"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status in (200, 201, 204)
        remote = build_network(RemoteStore(server.query_url))
        remote_page = render_network_page(RemoteStore(server.query_url), lang="pl")
        assert main(["network", "stats", "--format", "json", "--endpoint", server.query_url]) == 0
    finally:
        server.stop()
    local = build_network(seed[1])
    assert set(remote.nodes) == set(local.nodes) and set(remote.edges) == {tuple(e) for e in local.edges}
    assert dict(remote.nodes(data=True)) == dict(local.nodes(data=True))
    data = json.loads(capsys.readouterr().out)
    assert data == network_stats(local)
    assert remote_page == render_network_page(seed[1], lang="pl")  # the same page, byte for byte


def test_gexf_export_round_trips_nodes_edges_and_dates(seed, tmp_path, capsys):
    settings, _, graph = seed
    out = tmp_path / "seed.gexf"
    assert (
        main(["network", "export", "--format", "gexf", "--out", str(out), "--root", str(settings.root)]) == 0
    )
    assert str(out) in capsys.readouterr().out
    back = nx.read_gexf(out)
    assert back.graph["mode"] == "dynamic"
    assert set(back.nodes) == set(graph.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in graph.edges}
    for node, data in graph.nodes(data=True):
        if data["kind"] == "event":
            assert back.nodes[node]["start"] == spell_start(data["start"]), node
            assert back.nodes[node]["end"] == spell_end(data["end"]), node
            assert back.nodes[node]["date_start"] == data["start"]
    utrecht = next(n for n, d in graph.nodes(data=True) if "Utrechcie" in d["label_pl"])
    assert graph.nodes[utrecht]["start"] == "2017-05"  # the page says only "W maju 2017"
    assert (back.nodes[utrecht]["start"], back.nodes[utrecht]["end"]) == ("2017-05-01", "2017-05-31")
    # an entity lives from its first event to its last; an edge has its event's dates
    assert (back.nodes[GERMANY]["start"], back.nodes[GERMANY]["end"]) == ("2010-05-07", "2017-11-17")
    edge = back.edges[utrecht, NETHERLANDS]
    assert (edge["start"], edge["end"]) == ("2017-05-01", "2017-05-31")
    assert back.nodes[GERMANY]["label"] == "Germany" and back.nodes[GERMANY]["kind"] == "country"


def test_graphml_export_round_trips(seed, tmp_path):
    _, _, graph = seed
    path = write_network(graph, "graphml", tmp_path / "deep" / "seed.graphml", lang="pl")
    back = nx.read_graphml(path)
    assert set(back.nodes) == set(graph.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in graph.edges}
    assert back.nodes[GERMANY]["label"] == "Niemcy"
    event = next(n for n, d in graph.nodes(data=True) if d["kind"] == "event")
    assert back.nodes[event]["date_start"] == graph.nodes[event]["start"]
    with pytest.raises(NetworkError, match="gexf, graphml"):
        write_network(graph, "dot", tmp_path / "x.dot")


def test_focus_keeps_the_neighbourhood(seed, capsys):
    _, _, graph = seed
    sub = focus_network(graph, "id/country/de", depth=1)
    assert sub.graph["focus"] == GERMANY
    assert set(sub.nodes) == {GERMANY, *graph[GERMANY]}
    assert len(titles_of_events(sub, GERMANY)) == 4
    assert set(focus_network(graph, GERMANY, depth=0).nodes) == {GERMANY}
    wider = focus_network(graph, "country/de", depth=2)
    assert set(sub.nodes) < set(wider.nodes)
    with pytest.raises(NetworkError, match="not a node"):
        focus_network(graph, "id/country/zz")


def test_cli_reports_an_unknown_focus(seed, tmp_path, capsys):
    settings, _, _ = seed
    out = tmp_path / "page.html"
    code = main(["view", "--focus", "id/country/zz", "--out", str(out), "--root", str(settings.root)])
    assert code == 2 and not out.exists()
    assert "not a node of the network" in capsys.readouterr().err
    assert main(["view", "--depth", "1", "--root", str(settings.root)]) == 2
    assert "--depth needs --focus" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2017-03-20", "2017-03-20", "2017-03-20"),
        ("2017-05", "2017-05-01", "2017-05-31"),
        ("2016-02", "2016-02-01", "2016-02-29"),
        ("2010", "2010-01-01", "2010-12-31"),
        ("--05-12", None, None),
        (None, None, None),
    ],
)
def test_spells_widen_a_date_to_whole_days(value, start, end):
    assert spell_start(value) == start and spell_end(value) == end
    assert year_of(value) == (int(value[:4]) if start else None)


def _tiny_store(events: int = 3) -> EmbeddedStore:
    """A hand-made graph: events, a country and an organisation with only an untagged label."""
    dataset = Dataset()
    graph = dataset.graph(iris.source_graph("tiny"))
    org = iris.named_iri("organisation", "Only Untagged")
    graph.add((org, RDFS.label, Literal("Only Untagged")))
    for i in range(events):
        event = iris.entity_iri("event", f"tiny/e{i}")
        graph.add((event, RDF.type, PG.Event))
        graph.add((event, SCHEMA_NAME, Literal(f"Wydarzenie {i}", lang="pl")))
        graph.add((event, SCHEMA_START, Literal(f"201{i}-0{i + 1}", datatype=XSD.gYearMonth)))
        graph.add((event, PG.involvesOrganisation, org))
        graph.add((event, DCTERMS.subject, iris.concept_iri("topics", "housing")))
    store = EmbeddedStore()
    store.load_nquads(dataset.serialize(format="nquads").encode())
    return store


def test_labels_fall_back_across_languages_and_to_the_iri():
    graph = build_network(_tiny_store())
    org = str(iris.named_iri("organisation", "Only Untagged"))
    assert graph.nodes[org]["label_pl"] == graph.nodes[org]["label_en"] == "Only Untagged"
    topic = str(iris.concept_iri("topics", "housing"))  # no ontology loaded: no label at all
    assert graph.nodes[topic]["label_en"] == "housing"
    event = str(iris.entity_iri("event", "tiny/e1"))
    assert graph.nodes[event]["start"] == graph.nodes[event]["end"] == "2011-02"
    assert graph.nodes[event]["topics"] == ["housing"]
    assert event_counts(graph)[org] == 3


def test_large_graph_layout_places_every_node_the_same_way_each_time():
    graph = nx.Graph()
    for i in range(400):  # events joined to a few hubs, plus two small separate components
        graph.add_edge(f"e{i}", f"hub{i % 7}")
        graph.add_edge(f"e{i}", f"leaf{i}")
    graph.add_edge("x1", "x2")
    graph.add_node("alone")
    first = compute_layout(graph, skeleton=100)
    assert set(first) == set(graph)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in first.values())
    assert compute_layout(graph, skeleton=100) == first
    shuffled = nx.Graph()
    edges = list(graph.edges)
    random.Random(1).shuffle(edges)
    shuffled.add_edges_from(edges)
    shuffled.add_node("alone")
    assert compute_layout(shuffled, skeleton=100) == first
    assert len({(round(x, 6), round(y, 6)) for x, y in first.values()}) == len(graph)
    small = compute_layout(nx.path_graph(5))
    assert len(small) == 5


def test_an_empty_store_gives_an_empty_network_that_still_exports(tmp_path):
    graph = build_network(EmbeddedStore())
    assert len(graph) == 0
    stats = network_stats(graph)
    assert stats["nodes"] == 0 and stats["most_events"] == {} and stats["communities"]["count"] == 0
    for fmt in ("gexf", "graphml"):
        path = write_network(graph, fmt, tmp_path / f"empty.{fmt}")
        back = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
        assert len(back) == 0
