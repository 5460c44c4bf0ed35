"""What the server and the static site say about one IRI: its triples (with the `#` parts that hang off
it, such as a city's `#geometry`), the links pointing at it, labels for everything shown, and the
evidence (Web Annotations) that ties each fact of an event to the quoted text of its source page.

Every query here is bounded (one subject, VALUES lists, LIMITs), so it runs in the web process."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS

from ..iris import DEF, ID
from ..rdf.vocab import OA, SCHEMA, bind_prefixes

INVERSE_LIMIT = 1000
LABEL_PROPERTIES = (SKOS.prefLabel, RDFS.label, SCHEMA.name, FOAF.name, DCTERMS.title)
_FIELD, _EVIDENCE_OF, _CURATED = (URIRef(f"{DEF}{name}") for name in ("field", "evidenceOf", "curated"))


@dataclass
class Evidence:
    field: URIRef  # the property of the fact
    value: object  # the value of the fact (IRI or literal text)
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    source: URIRef | None = None
    curated: bool = False
    event: URIRef | None = None


@dataclass
class Description:
    iri: URIRef
    triples: list[tuple] = field(default_factory=list)  # the subject's and its '#' parts' triples
    inverse: list[tuple] = field(default_factory=list)  # (subject, property) linking to the IRI
    inverse_truncated: bool = False
    evidence: list[Evidence] = field(default_factory=list)  # of this event's facts
    mentions: list[Evidence] = field(default_factory=list)  # quotes naming this resource in events
    labels: dict[URIRef, dict[str, str]] = field(default_factory=dict)  # IRI -> language -> label
    described: set[str] = field(default_factory=set)  # the linked IRIs under the base that have a page

    @property
    def exists(self) -> bool:
        return bool(self.triples or self.inverse)

    def graph(self) -> Graph:
        """The RDF answer: the triples about the IRI and the links pointing at it."""
        graph = Graph()
        bind_prefixes(graph)
        for triple in self.triples:
            graph.add(triple)
        for s, p in self.inverse:
            graph.add((s, p, self.iri))
        return graph

    def label(self, node, lang: str = "en") -> str | None:
        labels = self.labels.get(node) or {}
        for key in (lang, "en" if lang != "en" else "pl", ""):
            if key in labels:
                return labels[key]
        return next(iter(labels.values()), None)

    def types(self) -> list[URIRef]:
        return sorted(o for s, p, o in self.triples if s == self.iri and p == RDF.type)


def _values(nodes) -> str:
    return " ".join(f"<{n}>" for n in sorted({str(n) for n in nodes}))


def describe(store, iri: str, def_ns: str) -> Description:
    """Everything the pages and the RDF answers show about `iri`."""
    node = URIRef(iri)
    desc = Description(node)
    # the subject and the '#' parts hanging off it (a city's geometry, an annotation's target and selectors)
    seen, frontier = set(), {node}
    while frontier and len(seen) < 200:
        seen |= frontier
        rows = store.select(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {_values(frontier)} }} ?s ?p ?o }}")
        frontier = set()
        for row in rows.rows:
            desc.triples.append((row["s"], row["p"], row["o"]))
            o = row["o"]
            if isinstance(o, URIRef) and str(o).startswith(f"{iri}#") and o not in seen:
                frontier.add(o)
    desc.triples.sort()
    rows = store.select(
        f"SELECT ?s ?p WHERE {{ ?s ?p <{iri}> . FILTER(!CONTAINS(STR(?s), '#') && "
        f"!STRSTARTS(STR(?s), '{ID}evidence/')) }} LIMIT {INVERSE_LIMIT + 1}"
    )
    desc.inverse = sorted({(r["s"], r["p"]) for r in rows.rows})[:INVERSE_LIMIT]
    desc.inverse_truncated = len(rows.rows) > INVERSE_LIMIT
    if not desc.exists:
        return desc
    evidence = _annotations(store, f"?a <{def_ns}evidenceOf> <{iri}>")
    desc.evidence = [ev for ev in evidence.values()]
    mentions = _annotations(store, f"?a <{OA.hasBody}> <{iri}>", limit=INVERSE_LIMIT)
    desc.mentions = sorted(mentions.values(), key=lambda e: (str(e.event), str(e.field), e.start or 0))
    nodes = {node} | {t[1] for t in desc.triples} | {t[2] for t in desc.triples if isinstance(t[2], URIRef)}
    nodes |= {s for s, _ in desc.inverse} | {p for _, p in desc.inverse}
    nodes |= {e.source for e in desc.evidence + desc.mentions if e.source}
    desc.labels = fetch_labels(store, nodes)
    desc.described = fetch_described(store, nodes | {e.event for e in desc.mentions if e.event})
    return desc


def _annotations(store, pattern: str, limit: int | None = None) -> dict[URIRef, Evidence]:
    """The Web Annotations matching `pattern` (on ?a), read subject by subject: an annotation, its
    `#target` and its selectors. (Plain subject lookups: far faster than one query with OPTIONALs.)"""
    rows = store.select(f"SELECT DISTINCT ?a WHERE {{ {pattern} }}" + (f" LIMIT {limit}" if limit else ""))
    found = [r["a"] for r in rows.rows]
    props: dict = defaultdict(lambda: defaultdict(list))
    frontier = set(found)
    for _ in range(3):  # annotation -> target -> selectors
        if not frontier:
            break
        batch, frontier = sorted(frontier), set()
        for i in range(0, len(batch), 400):
            triples = store.select(
                f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {_values(batch[i : i + 400])} }} ?s ?p ?o }}"
            )
            for row in triples.rows:
                props[row["s"]][row["p"]].append(row["o"])
                if row["p"] in (OA.hasTarget, OA.hasSelector):
                    frontier.add(row["o"])
    out = {}
    for a in found:
        own = props[a]
        if not own.get(_FIELD):
            continue
        ev = Evidence(field=own[_FIELD][0], value=(own.get(OA.hasBody) or own.get(OA.bodyValue) or [None])[0])
        ev.event = (own.get(_EVIDENCE_OF) or [None])[0]
        curated = own.get(_CURATED) or []
        ev.curated = any(c.toPython() is True for c in curated if isinstance(c, Literal))
        for target in own.get(OA.hasTarget, []):
            ev.source = (props[target].get(OA.hasSource) or [None])[0]
            for selector in props[target].get(OA.hasSelector, []):
                sel = props[selector]
                if sel.get(OA.exact):
                    ev.quote = str(sel[OA.exact][0])
                if sel.get(OA.start) and sel.get(OA.end):
                    ev.start, ev.end = int(sel[OA.start][0]), int(sel[OA.end][0])
        out[a] = ev
    return out


def fetch_labels(store, nodes) -> dict[URIRef, dict[str, str]]:
    """IRI -> {language tag or "": label}, from the label properties, in batches."""
    iris = sorted(n for n in nodes if isinstance(n, URIRef))
    labels: dict[URIRef, dict[str, str]] = defaultdict(dict)
    props = "|".join(f"<{p}>" for p in LABEL_PROPERTIES)
    for i in range(0, len(iris), 400):
        rows = store.select(
            f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {_values(iris[i : i + 400])} }} ?s {props} ?l }}"
        )
        for row in sorted(rows.rows, key=lambda r: (str(r["s"]), str(r["l"]))):
            label = row["l"]
            lang = label.language if isinstance(label, Literal) and label.language else ""
            labels[row["s"]].setdefault(lang, str(label))
    return dict(labels)


def fetch_described(store, nodes) -> set[str]:
    """Which of these IRIs under the base (without their '#' part) are subjects in the store."""
    from .. import iris

    docs = sorted(
        {str(n).split("#", 1)[0] for n in nodes if isinstance(n, URIRef) and str(n).startswith(iris.BASE)}
    )
    found = set()
    for i in range(0, len(docs), 400):
        rows = store.select(
            f"SELECT ?s WHERE {{ VALUES ?s {{ {_values(docs[i : i + 400])} }} FILTER EXISTS {{ ?s ?p ?o }} }}"
        )
        found |= {str(r["s"]) for r in rows.rows}
    return found
