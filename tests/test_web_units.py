"""The web app's pure parts: content negotiation, query forms, IRI paths, links, languages, escaping."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from partnergraph import iris
from partnergraph.web import mime
from partnergraph.web._html import Linker, pick_lang
from partnergraph.web._pool import query_form
from partnergraph.web.pages import render_term
from partnergraph.web.resources import split_path

R = mime.RESULT_FORMATS
G = mime.GRAPH_FORMATS


@pytest.mark.parametrize(
    "accept, offers, expected",
    [
        (None, R, "json"),
        ("", G, "turtle"),
        ("*/*", G, "turtle"),
        ("application/sparql-results+xml", R, "xml"),
        ("application/json", R, "json"),
        ("application/json", G, "jsonld"),
        ("application/xml", G, "rdfxml"),
        ("text/csv;q=0.4, text/tab-separated-values;q=0.6", R, "tsv"),
        ("text/*;q=0.9, text/csv;q=0.2", R, "tsv"),  # the specific range wins for csv
        ("text/*", R, "csv"),  # a wildcard matches canonical types, not aliases such as text/javascript
        ("application/ld+json;q=0.5, text/turtle;q=0.5", G, "turtle"),  # tie: the server's order
        ("application/ld+json;q=0.5,text/turtle;q=0.4", G, "jsonld"),
        ("TEXT/TURTLE", G, "turtle"),
        ("text/turtle;charset=utf-8;q=0.8, application/n-triples;q=0.9", G, "nt"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", (mime.HTML,) + G, "html"),
        ("application/rdf+xml, */*;q=0.1", (mime.HTML,) + G, "rdfxml"),
        ("text/turtle;q=0, */*", G, "nt"),
        ("image/png", G, None),
        ("text/turtle;q=0", G, None),
        ("text/turtle;q=bogus", G, None),
    ],
)
def test_negotiate(accept, offers, expected):
    chosen = mime.negotiate(accept, offers)
    assert (chosen.name if chosen else None) == expected


@pytest.mark.parametrize(
    "value, offers, expected",
    [
        ("json", R, "json"),
        ("json", G, "jsonld"),
        ("xml", R, "xml"),
        ("xml", G, "rdfxml"),
        ("rdf+xml", G, "rdfxml"),
        ("json-ld", G, "jsonld"),
        ("ttl", G, "turtle"),
        ("n3", G, "turtle"),
        ("text/tab-separated-values", R, "tsv"),
        ("TSV", R, "tsv"),
        ("yaml", R, None),
    ],
)
def test_format_by_name(value, offers, expected):
    chosen = mime.format_by_name(value, offers)
    assert (chosen.name if chosen else None) == expected


def test_every_format_has_one_suffix_and_a_media_type():
    suffixes = [f.suffix for f in mime.FORMATS]
    assert len(suffixes) == len(set(suffixes))
    assert {f.name for f in G} == {"turtle", "nt", "jsonld", "rdfxml"}
    assert {f.media_type for f in R} == {
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    }


@pytest.mark.parametrize(
    "query, form",
    [
        ("SELECT * WHERE { ?s ?p ?o }", "select"),
        ("PREFIX ask: <http://example.org/construct#>\n# DELETE in a comment\nSELECT ?x {}", "select"),
        ("prefix ask: <http://example.org/>\nselect ?x {}", "select"),
        ('SELECT ("INSERT DATA" AS ?x) {}', "select"),
        ("BASE <http://x/> ASK { ?s ?p ?o }", "ask"),
        ("construct { ?s ?p ?o } where { ?s ?p ?o }", "construct"),
        ("DESCRIBE <http://example.org/x>", "describe"),
        ("INSERT DATA { <a:b> <a:c> <a:d> }", "insert"),
        ("PREFIX x: <http://select.org/> DELETE WHERE { ?s ?p ?o }", "delete"),
        ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "with"),
        ("LOAD <http://example.org/data.ttl>", "load"),
        ("CLEAR ALL", "clear"),
        ("", ""),
    ],
)
def test_query_form(query, form):
    assert query_form(query) == form


@pytest.mark.parametrize(
    "rest, expected",
    [
        ("id/city/berlin-de", ("id/city/berlin-de", None)),
        ("id/city/berlin-de.ttl", ("id/city/berlin-de", "turtle")),
        ("id/city/berlin-de.rdf", ("id/city/berlin-de", "rdfxml")),
        ("def/index.jsonld", ("def/", "jsonld")),
        ("def/", ("def/", None)),
        ("def/0.1.0", ("def/0.1.0", None)),  # a dot that is not a format suffix stays in the IRI
        ("id/../../etc/passwd", None),
        ("id/./x", None),
        ("id/x y", None),
        ("id/<x>", None),
    ],
)
def test_split_path(rest, expected):
    found = split_path(rest)
    assert (
        (found and (found[0], found[1].name if found[1] else None)) == expected if expected else found is None
    )


def test_linker_on_the_server_and_in_the_static_site():
    city = iris.BASE + "id/city/berlin-de"
    server = Linker(lang="pl", lang_in_links=True)
    assert server.iri(city) == "/partnergraph/id/city/berlin-de?lang=pl"
    assert server.iri(city + "#geometry") == "/partnergraph/id/city/berlin-de?lang=pl#geometry"
    assert server.iri(city, suffix="ttl") == "/partnergraph/id/city/berlin-de.ttl"
    assert server.iri(str(iris.DEF), suffix="nt") == "/partnergraph/def/index.nt"
    assert server.iri("https://sws.geonames.org/2950159/") == "https://sws.geonames.org/2950159/"
    assert server.page("sparql") == "/sparql"
    static = Linker(static=True, here="partnergraph/id/event/bip-1/visit.html")
    assert static.iri(city) == "../../city/berlin-de.html"
    assert static.iri(str(iris.DEF)) == "../../../def/index.html"
    assert static.page("network") == "../../../../network.html"
    polish = Linker(static=True, here="index.pl.html", lang="pl")
    assert polish.iri(city) == "partnergraph/id/city/berlin-de.pl.html"
    assert Linker().iri(iris.BASE + "id/../x") == iris.BASE + "id/../x"  # never a local path with '..'


@pytest.mark.parametrize(
    "header, requested, expected",
    [
        (None, None, "en"),
        ("pl-PL,pl;q=0.9,en-US;q=0.8", None, "pl"),
        ("de-DE,de;q=0.9,en;q=0.5,pl;q=0.4", None, "en"),
        ("pl;q=0.3, en;q=0.7", None, "en"),
        ("pl", "en", "en"),
        ("en", "pl", "pl"),
        ("en", "xx", "en"),
        ("fr", None, "en"),
    ],
)
def test_pick_lang(header, requested, expected):
    assert pick_lang(header, requested) == expected


def test_terms_are_escaped():
    linker = Linker()
    nasty = '<img src=x onerror="alert(1)">'
    html = render_term(Literal(nasty, lang="en"), {}, "en", linker)
    assert "<img" not in html and "&lt;img" in html
    html = render_term(URIRef('http://example.org/"><script>'), {}, "en", linker)
    assert "<script>" not in html
    html = render_term(
        URIRef(iris.BASE + "id/city/x"), {URIRef(iris.BASE + "id/city/x"): {"en": nasty}}, "en", linker
    )
    assert "<img" not in html
