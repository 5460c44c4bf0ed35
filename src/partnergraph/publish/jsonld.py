"""Compact JSON-LD: made from the expanded JSON-LD that pyoxigraph writes (the web answers), or written
directly from a build's N-Quads (the dumps)."""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from ..rdf.vocab import PREFIXES

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_TYPE_TERM = f"<{RDF_TYPE}>".encode()
_NO_GRAPH = "N-Quads for the JSON-LD dump: a line without a named graph"


def _nodes(items: list[dict]) -> Iterator[dict]:
    """Every node object, those inside named graphs (`@graph`) too."""
    for node in items:
        yield node
        yield from _nodes(node.get("@graph", []))


def _shorten(iri: str, table: list[tuple[str, str]], used: set[str]) -> str:
    """`prefix:name` for the first (longest) namespace of `table` the IRI is in, noted in `used`."""
    for prefix, ns in table:
        rest = iri[len(ns) :]
        if iri.startswith(ns) and rest and not rest.startswith("//"):
            used.add(prefix)
            return f"{prefix}:{rest}"
    return iri


class _Shortener:
    """IRIs as `prefix:name` with the project's prefixes, each IRI looked up once (the same IRIs recur
    on every node). A prefix that is also the scheme of an IRI in the document (`geo:` URIs) is left
    out, so that no IRI can be read as another."""

    def __init__(self, iris: Iterable[str] = (), schemes: set[str] | None = None):
        schemes = {iri.split(":", 1)[0] for iri in iris} if schemes is None else schemes
        self.table = sorted(
            ((p, str(ns)) for p, ns in PREFIXES.items() if p not in schemes), key=lambda kv: -len(kv[1])
        )
        # the table's first namespace an IRI starts with, found in C (alternatives are tried in order)
        self.first = re.compile("|".join(f"({re.escape(ns)})" for _, ns in self.table)).match
        self.first_in_term = re.compile(
            b"<(?:%s)" % b"|".join(b"(%s)" % re.escape(ns.encode()) for _, ns in self.table)
        ).match
        self.used: set[str] = set()
        self.shortened: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        found = self.shortened.get(iri)
        if found is None:
            found = self.shortened[iri] = self._shorten(iri)
        return found

    def _shorten(self, iri: str) -> str:
        match = self.first(iri)
        if match is None:
            return iri
        rest = iri[match.end() :]
        if not rest or rest.startswith("//"):  # rare: a later, shorter namespace may fit
            return _shorten(iri, self.table, self.used)
        prefix = self.table[match.lastindex - 1][0]
        self.used.add(prefix)
        return f"{prefix}:{rest}"

    def node_id(self, iri: str) -> str:
        return iri if iri.startswith("_:") else self(iri)

    def term(self, term: bytes) -> bytes:
        """An IRI or blank node as N-Quads write it (`<iri>`, `_:label`), as JSON-LD writes it (UTF-8)."""
        if not term.startswith(b"<"):
            return term
        match = self.first_in_term(term)
        if match is not None:
            rest = term[match.end() : -1]
            if rest and not rest.startswith(b"//"):
                prefix = self.table[match.lastindex - 1][0]
                self.used.add(prefix)
                return prefix.encode() + b":" + rest
        return self(term[1:-1].decode()).encode()

    def context(self) -> dict[str, str]:
        return {p: str(ns) for p, ns in PREFIXES.items() if p in self.used}


def compact_jsonld(expanded: bytes) -> bytes:
    """Expanded JSON-LD (a list of node objects, named graphs as `{"@id": g, "@graph": [...]}`) made
    compact: a `@context` with the project's prefixes (those the document uses), IRIs as `prefix:name`,
    rdf:type as `@type`. Any JSON-LD processor expands it back to the same quads."""
    items = json.loads(expanded)
    iris = set()
    for node in _nodes(items):
        iris.add(node["@id"])
        for key, values in node.items():
            if key == "@graph":
                continue
            iris.add(key)
            iris.update(v.get("@id") or v.get("@type") or "" for v in values if isinstance(v, dict))
    short = _Shortener(iris)

    def value(v: dict) -> dict:
        if "@id" in v:
            return {"@id": short.node_id(v["@id"])}
        return {k: short(x) if k == "@type" else x for k, x in v.items()}

    def compact(node: dict) -> dict:
        out = {"@id": short.node_id(node["@id"])}
        for key, values in node.items():
            if key == "@id":
                continue
            if key == "@graph":
                out["@graph"] = [compact(n) for n in values]
            elif key == RDF_TYPE and all("@id" in v and not v["@id"].startswith("_:") for v in values):
                out["@type"] = [short(v["@id"]) for v in values]
            else:
                out[short(key)] = [value(v) for v in values]
        return out

    graph = [compact(node) for node in items]
    document = {"@context": short.context(), "@graph": graph}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _literal_json(literal: ox.Literal, short: _Shortener) -> str:
    value = json.dumps(literal.value, ensure_ascii=False)
    if literal.language:
        return f'{{"@value":{value},"@language":"{literal.language}"}}'
    if literal.datatype.value == XSD_STRING:
        return f'{{"@value":{value}}}'
    return f'{{"@value":{value},"@type":"{short(literal.datatype.value)}"}}'


def _strictly_parsed(literals: list[bytes], names: set[bytes], nquads: Path) -> list[ox.Literal]:
    """The literals parsed, and every IRI and blank node label checked, by pyoxigraph's strict parser
    (IRIs and language tags checked), each distinct term once: a build's one strict check of its
    N-Quads, which its stores and other dumps parse without it (`lenient`; at 10^4 events a whole
    strict parse costs 1.4 s of CPU, a lenient one 0.5 s, this check 0.1 s). Each term must be one
    valid term: a field cut at a space inside an IRI fails too. On a failure the N-Quads are parsed
    strictly whole, so that the error names their line."""
    statements = b"".join(b"<x:s> <x:p> " + term + b" .\n" for term in chain(literals, names))
    try:
        terms = [t.object for t in ox.parse(statements, ox.RdfFormat.N_TRIPLES)]
    except SyntaxError:
        deque(ox.parse(path=nquads, format=ox.RdfFormat.N_QUADS), maxlen=0)  # raises the error where it is
        raise ValueError(_NO_GRAPH) from None  # valid N-Quads cut wrong: a triple without a graph
    return terms[: len(literals)]


def write_compact_jsonld(nquads: Path, out: BinaryIO) -> None:
    """The same compact JSON-LD as `compact_jsonld` gives, written to `out` from a build's N-Quads
    file without building the expanded document (at 10^5 events, 4 M quads, that took most of `build`'s
    time). The file is read a line at a time, not whole: each line's text is let go once its terms
    are kept, and its memory serves the next (3x10^4 events: 342,000 -> 179,000 page faults, a fault
    costing some microseconds in a virtual machine; 7.1-8.0 -> 6.0 s of CPU).

    Every line of a build ends with its graph's IRI and no IRI or blank node label has a space, so a
    line's first two fields are its subject and predicate and its last two its graph and the final
    dot; the object, between them, is parsed by pyoxigraph, each distinct literal once, and every term
    is checked strictly (`_strictly_parsed`: bad N-Quads stop a build here). Quads are grouped by
    graph, subject and predicate in the order first met. IRIs, blank node labels and language tags
    are written between quotes as they are: none can hold a character that JSON escapes (a quote, a
    backslash, a control character)."""
    graphs: dict[bytes, dict] = {}  # graph -> subject -> predicate -> [object], as N-Quads terms
    with nquads.open("rb") as lines:
        for line in lines:
            if not line.strip():
                continue
            subject, predicate, rest = line.split(b" ", 2)
            obj, graph, _dot = rest.rsplit(b" ", 2)
            nodes = graphs.get(graph)
            if nodes is None:
                nodes = graphs[graph] = {}
            properties = nodes.get(subject)
            if properties is None:
                properties = nodes[subject] = {}
            objects = properties.get(predicate)
            if objects is None:
                properties[predicate] = [obj]
            else:
                objects.append(obj)
    named: set[bytes] = set(graphs)  # every graph, subject and predicate; then the objects
    distinct: set[bytes] = set()
    for nodes in graphs.values():
        named.update(nodes)
        for properties in nodes.values():
            named.update(properties)
            distinct.update(chain.from_iterable(properties.values()))
    literals = sorted(term for term in distinct if term.startswith(b'"'))
    named.update(distinct.difference(literals))
    parsed = _strictly_parsed(literals, named, nquads)
    if any(not graph.startswith(b"<") for graph in graphs):  # a literal or blank node (checked above)
        raise ValueError(_NO_GRAPH)

    datatypes = {x.datatype.value for x in parsed if not x.language and x.datatype.value != XSD_STRING}
    schemes = {term[1 : term.find(b":")].decode() for term in named if term.startswith(b"<")}
    short = _Shortener(schemes=schemes | {datatype.split(":", 1)[0] for datatype in datatypes})
    # the text of every name, once, as UTF-8 bytes (joined and written for less than as str); rdf:type
    # too only where it is not the key `@type` (the prefixes used must be known before the context is
    # written, first)
    types = {o for n in graphs.values() for ps in n.values() for o in ps.get(RDF_TYPE_TERM, ())}
    written = {term: short.term(term) for term in named if term != RDF_TYPE_TERM}
    for datatype in datatypes:
        short(datatype)
    elsewhere = RDF_TYPE_TERM in distinct or any(RDF_TYPE_TERM in nodes for nodes in graphs.values())
    if elsewhere or any(not o.startswith(b"<") for o in types):
        written[RDF_TYPE_TERM] = short.term(RDF_TYPE_TERM)

    encoded = {
        term: _literal_json(literal, short).encode() for term, literal in zip(literals, parsed, strict=True)
    }
    encoded.update((t, b'{"@id":"' + written[t] + b'"}') for t in distinct if t not in encoded)
    type_names = {t: b'"' + written[t] + b'"' for t in types if t.startswith(b"<")}  # the classes only
    is_class = type_names.__contains__
    keys = {}  # predicate -> `"key":[`

    def node(subject: bytes, properties: dict) -> bytes:
        parts = [b'{"@id":"' + written[subject] + b'"']
        for predicate, objects in properties.items():
            if predicate == RDF_TYPE_TERM and all(map(is_class, objects)):
                parts.append(b'"@type":[' + b",".join(map(type_names.__getitem__, objects)) + b"]")
                continue
            key = keys.get(predicate)
            if key is None:
                key = keys[predicate] = b'"' + written[predicate] + b'":['
            # map over the dict's own lookup: no Python frame per object
            parts.append(key + b",".join(map(encoded.__getitem__, objects)) + b"]")
        return b",".join(parts) + b"}"

    context = json.dumps(short.context(), ensure_ascii=False, separators=(",", ":"))
    out.write(f'{{"@context":{context},"@graph":['.encode())
    for i, (graph, nodes) in enumerate(graphs.items()):  # a graph at a time: the whole text is 100s of MB
        out.write((b"," if i else b"") + b'{"@id":"' + written[graph] + b'","@graph":[')
        out.write(b",".join(map(node, nodes, nodes.values())))
        out.write(b"]}")
    out.write(b"]}")
