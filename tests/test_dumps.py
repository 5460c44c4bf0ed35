"""The dumps written from N-Quads by hand (the union as N-Triples, compact JSON-LD), on the literals and
terms that need care: every dump read back by rdflib and by pyoxigraph gives the same quads."""

from __future__ import annotations

import json
import os
import sys

import pyoxigraph as ox
import pytest
from conftest import synthetic_nquads
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from partnergraph.publish import DUMP_FORMATS, write_dumps
from partnergraph.publish.dumps import run_at_once

NQUADS = (
    "\n".join(
        sorted(
            [
                '<https://w3id.org/partnergraph/id/event/1> <http://www.w3.org/2000/01/rdf-schema#label> "a \\"quoted\\" name, a back\\\\slash,\\nnew line, tab\\t, zażółć" <https://w3id.org/partnergraph/graph/source/a> .',
                '<https://w3id.org/partnergraph/id/event/1> <http://www.w3.org/2000/01/rdf-schema#label> "Kraków"@pl <https://w3id.org/partnergraph/graph/source/a> .',
                '<https://w3id.org/partnergraph/id/event/1> <http://www.w3.org/2000/01/rdf-schema#label> "two  spaces <not an IRI> ." <https://w3id.org/partnergraph/graph/source/a> .',
                '<https://w3id.org/partnergraph/id/event/1> <https://w3id.org/partnergraph/def/year> "2015"^^<http://www.w3.org/2001/XMLSchema#gYear> <https://w3id.org/partnergraph/graph/source/a> .',
                "<https://w3id.org/partnergraph/id/event/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/partnergraph/def/StudyVisit> <https://w3id.org/partnergraph/graph/source/a> .",
                "<https://w3id.org/partnergraph/id/event/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/partnergraph/def/Event> <https://w3id.org/partnergraph/graph/source/a> .",
                "<https://w3id.org/partnergraph/id/event/1> <http://www.opengis.net/ont/geosparql#hasGeometry> <geo:50.06,19.94> <https://w3id.org/partnergraph/graph/source/a> .",
                "<https://w3id.org/partnergraph/id/event/1> <https://w3id.org/partnergraph/def/note> _:b1 <https://w3id.org/partnergraph/graph/source/b> .",
                '_:b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "not an IRI" <https://w3id.org/partnergraph/graph/source/b> .',
                '<https://w3id.org/partnergraph/id/city/krakow> <http://www.w3.org/2000/01/rdf-schema#label> "Kraków"@pl <https://w3id.org/partnergraph/graph/entities> .',
            ]
        )
    )
    + "\n"
)


@pytest.fixture(scope="module")
def dumps(tmp_path_factory):
    return write_dumps(NQUADS.encode("utf-8"), tmp_path_factory.mktemp("dumps") / "dumps")


def quads_of(path, fmt: str) -> set:
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}


def test_jsonld_dump_reads_back_to_the_same_quads_in_rdflib(dumps):
    assert len(quads_of(dumps["jsonld"], "json-ld")) == 10
    reference = Dataset()
    reference.parse(data=NQUADS, format="nquads")
    back = Dataset()
    back.parse(dumps["jsonld"], format="json-ld")
    # blank nodes get new labels: compare each graph up to them
    for name in ("source/a", "source/b", "entities"):
        iri = f"https://w3id.org/partnergraph/graph/{name}"
        assert isomorphic(back.graph(iri), reference.graph(iri)), name


def test_jsonld_dump_reads_back_in_pyoxigraph_and_is_compact(dumps):
    document = json.loads(dumps["jsonld"].read_text(encoding="utf-8"))
    assert document["@context"]["pg"] == "https://w3id.org/partnergraph/def/"
    assert "geo" not in document["@context"]  # the scheme of an IRI in the document
    graphs = {graph["@id"].rsplit("/", 1)[1]: graph["@graph"] for graph in document["@graph"]}
    assert graphs["a"][0]["@id"] == "pgid:event/1"
    assert graphs["a"][0]["@type"] == ["pg:Event", "pg:StudyVisit"]
    assert graphs["b"][1] == {"@id": "_:b1", "rdf:type": [{"@value": "not an IRI"}]}
    back = ox.parse(dumps["jsonld"].read_bytes(), ox.RdfFormat.JSON_LD)
    reference = ox.parse(NQUADS.encode("utf-8"), ox.RdfFormat.N_QUADS)
    named = {q for q in reference if not isinstance(q.subject, ox.BlankNode)}
    assert {q for q in back if not isinstance(q.subject, ox.BlankNode)} == named
    assert len(list(ox.parse(dumps["jsonld"].read_bytes(), ox.RdfFormat.JSON_LD))) == 10


def test_jsonld_dump_of_a_synthetic_dataset_parses_to_its_quads(tmp_path):
    """The JSON-LD dump is written by hand from the N-Quads lines (publish/jsonld.py), by a process of
    its own: two JSON-LD parsers, pyoxigraph's and rdflib's, read it back to exactly the quads of the
    N-Quads, on every kind of node of the real model (events, evidence, entities, registries, ontology)."""
    nquads = synthetic_nquads(60, seed=4, evidence_share=0.5)
    path = write_dumps(nquads, tmp_path / "dumps", in_process=True)["jsonld"]
    expected = set(ox.parse(nquads, ox.RdfFormat.N_QUADS))
    assert len(expected) > 3000
    assert set(ox.parse(path.read_bytes(), ox.RdfFormat.JSON_LD)) == expected
    assert quads_of(path, "json-ld") == set(Dataset().parse(data=nquads, format="nquads").quads())


def test_union_dumps_hold_every_triple_once(dumps):
    reference = Graph()
    for s, p, o, _g in Dataset().parse(data=NQUADS, format="nquads").quads((None, None, None, None)):
        reference.add((s, p, o))
    for suffix in ("nt", "ttl"):
        graph = Graph().parse(dumps[suffix], format=DUMP_FORMATS[suffix][1])
        assert len(graph) == 10 and isomorphic(graph, reference), suffix


def test_a_triple_in_several_graphs_is_once_in_the_union(tmp_path):
    """The union's N-Triples keep a triple once however many graphs hold it (sorted N-Quads put those
    lines next to each other, with other triples' lines around them)."""
    lines = NQUADS.splitlines()
    in_a = [line for line in lines if line.endswith("/graph/source/a> .")][:3]
    again = [line.replace("/graph/source/a>", f"/graph/source/{g}>") for g in "cd" for line in in_a]
    nquads = ("\n".join(sorted(lines + again)) + "\n").encode("utf-8")
    paths = write_dumps(nquads, tmp_path / "dumps")
    triples = paths["nt"].read_bytes().splitlines()
    assert len(triples) == len(set(triples)) == 10 and triples == sorted(triples)
    assert len(Graph().parse(paths["ttl"], format="turtle")) == 10


def test_dumps_written_by_a_process_of_their_own_are_the_same_bytes(dumps, tmp_path):
    """`build` writes the dumps in a separate Python process (publish/_dumps_worker.py): same files,
    same bytes as written in this process."""
    other = write_dumps(NQUADS.encode("utf-8"), tmp_path / "dumps", in_process=True)
    assert sorted(p.name for p in (tmp_path / "dumps").iterdir()) == sorted(p.name for p in other.values())
    for suffix, path in other.items():
        assert path.read_bytes() == dumps[suffix].read_bytes(), suffix


def test_a_failing_dump_process_leaves_the_previous_dumps(tmp_path):
    folder = tmp_path / "dumps"
    write_dumps(NQUADS.encode("utf-8"), folder, in_process=True)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(RuntimeError, match="writing the dumps in .* failed: .*"):
        write_dumps(b"<not> <n-quads\n", folder, in_process=True)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dumps"]  # no staging folder left


def test_the_first_dump_process_to_fail_ends_the_others_whichever_was_started_first(tmp_path):
    """The dumps' processes run at once: one that fails while one started before it still works stops
    that one and raises at once (not when the first listed ends: it would have written `done`)."""
    done = tmp_path / "done"
    slow = f"import pathlib, time; time.sleep(30); pathlib.Path({str(done)!r}).touch()"
    failing = "import sys; sys.exit('the second one failed')"
    commands = [[sys.executable, "-c", slow], [sys.executable, "-c", failing]]
    with pytest.raises(RuntimeError, match="^two processes failed: the second one failed$"):
        run_at_once(commands, dict(os.environ), "two processes")
    assert not done.exists()


GOOD_LINE = b'<http://example.org/s> <http://example.org/p> "v"@pl <http://example.org/g> .\n'


@pytest.mark.parametrize(
    "bad, error",
    [
        (b'<http://example.org/a{b}> <http://example.org/p> "v" <http://example.org/g> .', "Invalid IRI"),
        (b'<http://example.org/s> <p> "v" <http://example.org/g> .', "No scheme"),
        (
            b"<http://example.org/s> <http://example.org/p> <http://example.org/o o> <http://example.org/g> .",
            "Invalid IRI",
        ),
        (b'<http://example.org/s> <http://example.org/p> "v"^^<x y> <http://example.org/g> .', "Invalid IRI"),
        (b'<http://example.org/s> <http://example.org/p> "v" <http://example.org/g^> .', "Invalid IRI"),
        (
            b'<http://example.org/s> <http://example.org/p> "v"@pl-xxxxxxxxxx <http://example.org/g> .',
            "subtag",
        ),
    ],
)
def test_a_bad_term_stops_the_dumps_in_this_process_and_in_their_own(tmp_path, bad, error):
    """The TriG and Turtle dumps and the stores parse the N-Quads without checking IRIs and language
    tags; the JSON-LD dump checks every distinct term strictly, a build's one check, and its error
    names the line of the N-Quads."""
    nquads = GOOD_LINE + bad + b"\n"
    with pytest.raises(SyntaxError, match=f"(?s)line 2.*{error}|{error}.*line 2"):
        write_dumps(nquads, tmp_path / "here")
    with pytest.raises(RuntimeError, match=f"failed: .*{error}"):
        write_dumps(nquads, tmp_path / "there", in_process=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no staging folder left
