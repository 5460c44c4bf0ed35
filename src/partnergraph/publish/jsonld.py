"""Compact JSON-LD from the expanded JSON-LD that pyoxigraph writes, for the dumps and the web answers."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..rdf.vocab import PREFIXES

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


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


def compact_jsonld(expanded: bytes) -> bytes:
    """Expanded JSON-LD (a list of node objects, named graphs as `{"@id": g, "@graph": [...]}`) made
    compact: a `@context` with the project's prefixes (those the document uses), IRIs as `prefix:name`,
    rdf:type as `@type`. Any JSON-LD processor expands it back to the same quads. A prefix that is also
    the scheme of an IRI in the document (`geo:` URIs) is left out, so that no IRI can be read as another."""
    items = json.loads(expanded)
    iris = set()
    for node in _nodes(items):
        iris.add(node["@id"])
        for key, values in node.items():
            if key == "@graph":
                continue
            iris.add(key)
            iris.update(v.get("@id") or v.get("@type") or "" for v in values if isinstance(v, dict))
    schemes = {iri.split(":", 1)[0] for iri in iris}
    table = sorted(
        ((p, str(ns)) for p, ns in PREFIXES.items() if p not in schemes), key=lambda kv: -len(kv[1])
    )
    used: set[str] = set()
    shortened: dict[str, str] = {}  # the same IRIs recur on every node: each is looked up once

    def short(iri: str) -> str:
        found = shortened.get(iri)
        if found is None:
            found = shortened[iri] = _shorten(iri, table, used)
        return found

    def node_id(iri: str) -> str:
        return iri if iri.startswith("_:") else short(iri)

    def value(v: dict) -> dict:
        if "@id" in v:
            return {"@id": node_id(v["@id"])}
        return {k: short(x) if k == "@type" else x for k, x in v.items()}

    def compact(node: dict) -> dict:
        out = {"@id": node_id(node["@id"])}
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
    context = {p: str(ns) for p, ns in PREFIXES.items() if p in used}
    document = {"@context": context, "@graph": graph}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
