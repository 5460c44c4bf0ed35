"""What the server and the static site say about one IRI: its triples (with the `#` parts that hang off
it, such as a city's `#geometry`), the links pointing at it, labels for everything shown, and the
evidence (Web Annotations) that ties each fact of an event to the quoted text of its source page.

Every query here is bounded (one subject, VALUES lists, LIMITs), so it runs in the web process."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS

from ..rdf.vocab import OA, SCHEMA, bind_prefixes

INVERSE_LIMIT = 1000
LABEL_PROPERTIES = (SKOS.prefLabel, RDFS.label, SCHEMA.name, FOAF.name, DCTERMS.title)
_PREFIXES = f"PREFIX oa: <{OA}>\nPREFIX pg: <{{def_ns}}>\n"


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
    prefixes = _PREFIXES.format(def_ns=def_ns)
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
        f"{prefixes}SELECT ?s ?p WHERE {{ ?s ?p <{iri}> . FILTER(!CONTAINS(STR(?s), '#')) "
        f"FILTER NOT EXISTS {{ ?s a oa:Annotation }} }} LIMIT {INVERSE_LIMIT + 1}"
    )
    desc.inverse = sorted({(r["s"], r["p"]) for r in rows.rows})[:INVERSE_LIMIT]
    desc.inverse_truncated = len(rows.rows) > INVERSE_LIMIT
    if not desc.exists:
        return desc
    selector = (
        "OPTIONAL { ?a oa:hasTarget ?t . ?t oa:hasSource ?source ; oa:hasSelector ?q . ?q oa:exact ?quote . "
        "OPTIONAL { ?t oa:hasSelector ?pos . ?pos oa:start ?start ; oa:end ?end } } "
        "OPTIONAL { ?a pg:curated ?curated }"
    )
    rows = store.select(
        f"{prefixes}SELECT ?field ?value ?quote ?start ?end ?source ?curated WHERE {{ "
        f"?a pg:evidenceOf <{iri}> ; pg:field ?field . "
        f"OPTIONAL {{ ?a oa:hasBody ?value }} OPTIONAL {{ ?a oa:bodyValue ?value }} {selector} }}"
    )
    desc.evidence = [_evidence(r) for r in rows.rows]
    rows = store.select(
        f"{prefixes}SELECT ?event ?field ?quote ?start ?end ?source ?curated WHERE {{ "
        f"?a oa:hasBody <{iri}> ; pg:evidenceOf ?event ; pg:field ?field . {selector} }} "
        f"LIMIT {INVERSE_LIMIT}"
    )
    desc.mentions = [_evidence(r, event=r.get("event")) for r in rows.rows]
    desc.mentions.sort(key=lambda e: (str(e.event), str(e.field), e.start or 0))
    nodes = {node} | {t[1] for t in desc.triples} | {t[2] for t in desc.triples if isinstance(t[2], URIRef)}
    nodes |= {s for s, _ in desc.inverse} | {p for _, p in desc.inverse}
    nodes |= {e.source for e in desc.evidence + desc.mentions if e.source}
    desc.labels = fetch_labels(store, nodes)
    return desc


def _evidence(row: dict, event=None) -> Evidence:
    start, end = row.get("start"), row.get("end")
    return Evidence(
        field=row["field"],
        value=row.get("value"),
        quote=str(row["quote"]) if row.get("quote") is not None else None,
        start=int(start) if start is not None else None,
        end=int(end) if end is not None else None,
        source=row.get("source"),
        curated=bool(row.get("curated") is not None and row["curated"].toPython() is True),
        event=event,
    )


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
