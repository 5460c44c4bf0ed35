"""Compact JSON-LD: made from the expanded JSON-LD that pyoxigraph writes (the web answers), or written
directly from a build's N-Quads (the dumps)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import pyoxigraph as ox

from ..rdf.vocab import PREFIXES

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_TYPE_TERM = f"<{RDF_TYPE}>".encode()
NAMED_GRAPH = re.compile(rb'<[^<>"{}|^`\\\x00-\x20]*>')


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

    def __init__(self, iris: Iterable[str]):
        schemes = {iri.split(":", 1)[0] for iri in iris}
        self.table = sorted(
            ((p, str(ns)) for p, ns in PREFIXES.items() if p not in schemes), key=lambda kv: -len(kv[1])
        )
        self.used: set[str] = set()
        self.shortened: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        found = self.shortened.get(iri)
        if found is None:
            found = self.shortened[iri] = _shorten(iri, self.table, self.used)
        return found

    def node_id(self, iri: str) -> str:
        return iri if iri.startswith("_:") else self(iri)

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


def write_compact_jsonld(nquads: bytes, out: BinaryIO) -> None:
    """The same compact JSON-LD as `compact_jsonld` gives, written to `out` from a build's N-Quads
    without building the expanded document (at 10^5 events, 4 M quads, that took most of `build`'s
    time). Every line of a build ends with its graph's IRI and no IRI or blank node label has a space,
    so a line's first two fields are its subject and predicate and its last two its graph and the
    final dot; the object, between them, is parsed by pyoxigraph, each distinct literal once. Quads are
    grouped by graph, subject and predicate in the order first met. IRIs, blank node labels and
    language tags are written between quotes as they are: none can hold a character that JSON
    escapes (a quote, a backslash, a control character)."""
    graphs: dict[bytes, dict] = {}  # graph -> subject -> predicate -> [object], as N-Quads terms
    for line in nquads.splitlines():
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
    if any(not NAMED_GRAPH.fullmatch(graph) for graph in graphs):
        raise ValueError("N-Quads for the JSON-LD dump: a line without a named graph")

    named: set[bytes] = set(graphs)  # every graph, subject and predicate; then the objects
    distinct: set[bytes] = set()
    for nodes in graphs.values():
        named.update(nodes)
        for properties in nodes.values():
            named.update(properties)
            for objects in properties.values():
                distinct.update(objects)
    literals = sorted(term for term in distinct if term.startswith(b'"'))
    statements = b"".join(b"<x:s> <x:p> " + term + b" .\n" for term in literals)
    parsed = [t.object for t in ox.parse(statements, ox.RdfFormat.N_TRIPLES)]
    named.update(distinct.difference(literals))

    def iri(term: bytes) -> str:  # `<iri>` or `_:label` as written in JSON-LD
        return term[1:-1].decode() if term.startswith(b"<") else term.decode()

    names = {iri(term) for term in named}
    names.update(x.datatype.value for x in parsed if not x.language and x.datatype.value != XSD_STRING)
    short = _Shortener(names)
    for name in names - {RDF_TYPE}:  # the prefixes used, for the context written first
        short.node_id(name)
    types = {o for n in graphs.values() for ps in n.values() for o in ps.get(RDF_TYPE_TERM, ())}
    if any(not o.startswith(b"<") for o in types):  # rdf:type is a key only for such a value
        short(RDF_TYPE)

    encoded = {term: _literal_json(literal, short) for term, literal in zip(literals, parsed, strict=True)}
    encoded.update((t, f'{{"@id":"{short.node_id(iri(t))}"}}') for t in distinct if t not in encoded)
    type_names = {t: f'"{short(iri(t))}"' for t in types if t.startswith(b"<")}  # the classes only
    keys = {}  # predicate -> its key

    def node(subject: bytes, properties: dict) -> str:
        parts = [f'"@id":"{short.node_id(iri(subject))}"']
        for predicate, objects in properties.items():
            key = keys.get(predicate)
            if key is None:
                key = keys[predicate] = short(iri(predicate))
            if predicate == RDF_TYPE_TERM and all(o in type_names for o in objects):
                parts.append(f'"@type":[{",".join(map(type_names.__getitem__, objects))}]')
            else:  # map over the dict's own lookup: no Python frame per object
                parts.append(f'"{key}":[{",".join(map(encoded.__getitem__, objects))}]')
        return "{" + ",".join(parts) + "}"

    context = json.dumps(short.context(), ensure_ascii=False, separators=(",", ":"))
    out.write(f'{{"@context":{context},"@graph":['.encode())
    for i, (graph, nodes) in enumerate(graphs.items()):  # a graph at a time: the whole text is 100s of MB
        written = ",".join(node(s, properties) for s, properties in nodes.items())
        item = f'{{"@id":"{short.node_id(iri(graph))}","@graph":[{written}]}}'
        out.write(("," if i else "").encode() + item.encode())
    out.write(b"]}")
