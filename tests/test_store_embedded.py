"""EmbeddedStore's conversion of pyoxigraph results to rdflib terms (memoised, with fast constructors)
gives exactly the terms rdflib's own constructors give; its row limit; the web pool's cap on top of it."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from partnergraph.errors import QueryError
from partnergraph.query import load_saved_queries
from partnergraph.store import EmbeddedStore, Store
from partnergraph.web._pool import ResultCapError, _run_in_store

ROOT = Path(__file__).resolve().parents[1]
QUERIES = load_saved_queries(ROOT / "queries")
XSD = "http://www.w3.org/2001/XMLSchema#"
EX = "http://example.org/"


def naive(term):
    """A pyoxigraph term converted by rdflib's public constructors, one at a time."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD + "string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def naive_rows(store: EmbeddedStore, query: str) -> list[dict]:
    result = store.raw_query(query)
    names = [v.value for v in result.variables]
    return [{n: naive(solution[n]) for n in names if solution[n] is not None} for solution in result]


def describe(term) -> tuple:
    """Everything that tells two rdflib terms apart, `==` being too lenient (it compares values)."""
    if isinstance(term, Literal):
        return (type(term), str(term), term.language, term.datatype, term.value, term.ill_typed, hash(term))
    return (type(term), str(term), hash(term))


def assert_same_rows(got: list[dict], expected: list[dict]) -> None:
    assert len(got) == len(expected)
    for row, want in zip(got, expected, strict=True):
        assert row.keys() == want.keys()
        for name in want:
            assert describe(row[name]) == describe(want[name]), name


@pytest.fixture
def kinds() -> EmbeddedStore:
    """An in-memory store holding every kind of term: IRIs, blank nodes, plain, language-tagged and
    typed literals (canonical, non-canonical, ill-typed, normalised string types, unknown datatype)."""
    store = EmbeddedStore()
    store.load_nquads(
        f"""
<{EX}a> <{EX}p> "plain" .
<{EX}a> <{EX}p> "explicit string"^^<{XSD}string> .
<{EX}a> <{EX}p> "Kraków"@pl .
<{EX}a> <{EX}p> "colour"@en-GB .
<{EX}a> <{EX}p> "2010"^^<{XSD}integer> .
<{EX}a> <{EX}p> "007"^^<{XSD}integer> .
<{EX}a> <{EX}p> "abc"^^<{XSD}integer> .
<{EX}a> <{EX}p> "2017-05"^^<{XSD}gYearMonth> .
<{EX}a> <{EX}p> "2017-05-04"^^<{XSD}date> .
<{EX}a> <{EX}p> "1.50"^^<{XSD}decimal> .
<{EX}a> <{EX}p> "true"^^<{XSD}boolean> .
<{EX}a> <{EX}p> "  two\\tspaces  "^^<{XSD}normalizedString> .
<{EX}a> <{EX}p> "POINT(19.9 50.1)"^^<http://www.opengis.net/ont/geosparql#wktLiteral> .
<{EX}a> <{EX}p> "line\\nbreak \\"quoted\\"" <{EX}g> .
<{EX}a> <{EX}p> _:b1 <{EX}g> .
_:b1 <{EX}q> <{EX}a> <{EX}g> .
""".encode()
    )
    return store


ALL = f"SELECT ?s ?p ?o ?none WHERE {{ ?s ?p ?o OPTIONAL {{ ?o <{EX}nothing> ?none }} }} ORDER BY STR(?o)"


def test_every_kind_of_term_converts_as_rdflib_would(kinds):
    rows = kinds.select(ALL)
    assert_same_rows(rows.rows, naive_rows(kinds, ALL))
    objects = [row["o"] for row in rows.rows]
    assert Literal("Kraków", lang="pl") in objects and Literal("colour", lang="en-gb") in objects
    assert any(isinstance(o, BNode) for o in objects)
    assert all("none" not in row for row in rows.rows)  # unbound: absent from the row
    assert rows.variables == ["s", "p", "o", "none"] and not rows.truncated


def test_repeated_terms_are_one_object(kinds):
    rows = kinds.select(ALL).rows
    assert len({id(row["p"]) for row in rows if row["p"] == URIRef(f"{EX}p")}) == 1


def test_saved_queries_give_the_rows_of_naive_conversion(seed_store):
    _settings, store = seed_store
    kinds = set()
    for query in QUERIES.values():
        text = query.render()
        rows = store.select(text)
        expected = naive_rows(store, text)
        assert_same_rows(rows.rows, expected)
        assert not rows.truncated
        for row in rows.rows:
            kinds |= {"unbound" for name in rows.variables if name not in row}
            for term in row.values():
                if isinstance(term, Literal):
                    kinds.add("lang" if term.language else "typed" if term.datatype else "plain")
    assert kinds >= {"lang", "typed", "plain", "unbound"}


def test_rows_as_strings_are_the_texts_of_the_terms(kinds):
    """select_strings (the search documents' reads): the embedded store gives each term's text as held
    (`.value`), as every other store's str() of its rdflib term does (Store.select_strings) but for the
    typed literals rdflib normalises; None where unbound."""
    query = ALL.replace("?none WHERE", "?none (LANG(?o) AS ?lang) WHERE")
    rows = list(kinds.select_strings(query))
    generic = list(Store.select_strings(kinds, query))
    assert len(rows) == len(generic) == len(kinds.select(ALL))
    differ = {(row[2], other[2]) for row, other in zip(rows, generic, strict=True) if row != other}
    assert differ == {("  two\tspaces  ", "  two spaces  ")}
    assert all(len(row) == 5 and row[3] is None for row in rows)
    objects = {row[2]: row[4] for row in rows}
    assert objects["Kraków"] == "pl" and objects["colour"] == "en-gb" and objects["2017-05-04"] == ""
    assert objects['line\nbreak "quoted"'] == "" and f"{EX}a" in objects


def test_select_stops_at_the_limit(kinds):
    everything = kinds.select(ALL)
    n = len(everything)
    cut = kinds.select(ALL, limit=3)
    assert len(cut) == 3 and cut.truncated
    assert_same_rows(cut.rows, everything.rows[:3])
    exact = kinds.select(ALL, limit=n)
    assert len(exact) == n and not exact.truncated
    assert not kinds.select(ALL, limit=n + 1).truncated


def test_select_refuses_other_forms(kinds):
    with pytest.raises(QueryError, match="expected a SELECT query"):
        kinds.select("ASK { ?s ?p ?o }")


def test_construct_gives_the_triples_of_naive_conversion(kinds):
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    graph = kinds.construct(query)
    expected = {tuple(naive(t) for t in triple) for triple in kinds.raw_query(query)}
    assert {tuple(map(describe, t)) for t in graph} == {tuple(map(describe, t)) for t in expected}


def test_pool_cap_on_the_embedded_store(kinds):
    n = len(kinds.select(ALL))
    answer = _run_in_store(kinds, ALL, n)
    assert answer.form == "select" and len(answer.rows) == n
    with pytest.raises(ResultCapError, match=f"^the query has more than {n - 1} results; add a LIMIT$"):
        _run_in_store(kinds, ALL, n - 1)
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    triples = _run_in_store(kinds, construct, 100).triples
    assert len(triples) == len(list(kinds.raw_query(construct)))
    with pytest.raises(ResultCapError, match="^the query has more than 2 triples; add a LIMIT$"):
        _run_in_store(kinds, construct, 2)
    assert _run_in_store(kinds, "ASK { ?s ?p ?o }", 1).boolean is True


def test_fast_literals_are_in_use_with_this_rdflib():
    """The fast path builds Literals by setting their slots; a new rdflib with other slots turns it
    off (correct, but slow): this says so, so that `_text_literal` gets looked at again."""
    from partnergraph.store import embedded

    assert embedded._FAST_LITERALS


def test_a_copy_in_memory_holds_the_same_quads_and_answers_alike(seed_store):
    settings, store = seed_store
    memory = EmbeddedStore.copied_into_memory(settings.store_dir)
    assert set(memory.ox) == set(store.ox) and len(memory) > 1000
    assert "copied into memory" in memory.description
    for name, saved in QUERIES.items():
        query = saved.render()
        assert unordered_lists(memory.select(query).rows) == unordered_lists(store.select(query).rows), name


def unordered_lists(rows: list[dict]) -> list[dict]:
    """Rows with each text as the sorted list of its words: a GROUP_CONCAT ("a; b", "x, y", "DE NL")
    leaves the order of a group's values open, and Oxigraph's differs between a store on disk and one
    in memory."""
    return [{k: tuple(sorted(re.split(r"[;,]? ", v))) for k, v in row.items()} for row in rows]
