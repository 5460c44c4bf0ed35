"""What the server and the static site say about one IRI: its triples (with the `#` parts that hang off
it, such as a city's `#geometry`), the links pointing at it, labels for everything shown, and the
evidence (Web Annotations) that ties each fact of an event to the quoted text of its source page.

Every query here is bounded (one subject, VALUES lists, LIMITs), so it runs in the web process."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS

from ..iris import BASE, DEF, ID
from ..rdf.vocab import OA, SCHEMA, bind_prefixes

INVERSE_LIMIT = 1000
LABEL_PROPERTIES = (SKOS.prefLabel, RDFS.label, SCHEMA.name, FOAF.name, DCTERMS.title)
_FIELD, _EVIDENCE_OF, _CURATED = (URIRef(f"{DEF}{name}") for name in ("field", "evidenceOf", "curated"))
_FOLLOWED = frozenset((OA.hasTarget, OA.hasSelector))  # looked up once: a namespace attribute costs


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
    dates: dict[URIRef, str] = field(default_factory=dict)  # start dates of the events linking here

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

    def types(self) -> list[URIRef]:
        return sorted(o for s, p, o in self.triples if s == self.iri and p == RDF.type)


def _values(nodes) -> str:
    return " ".join(f"<{n}>" for n in sorted({str(n) for n in nodes}))


class _SparqlLookup:
    """Subject, object and label lookups through SPARQL (any store, remote endpoints included)."""

    def __init__(self, store):
        self.store = store

    def triples(self, subjects) -> list[tuple]:
        subjects = sorted(set(subjects))
        out = []
        for i in range(0, len(subjects), 400):
            query = f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {_values(subjects[i : i + 400])} }} ?s ?p ?o }}"
            out += [(r["s"], r["p"], r["o"]) for r in self.store.select(query).rows]
        return out

    def inverse(self, iri: str, limit: int) -> list[tuple]:
        rows = self.store.select(
            f"SELECT ?s ?p WHERE {{ ?s ?p <{iri}> . FILTER(!CONTAINS(STR(?s), '#') && "
            f"!STRSTARTS(STR(?s), '{ID}evidence/')) }} LIMIT {limit}"
        )
        return [(r["s"], r["p"]) for r in rows.rows]

    def values(self, subjects, prop) -> list[tuple]:
        subjects = sorted(set(subjects))
        out = []
        for i in range(0, len(subjects), 400):
            query = (
                f"SELECT ?s ?o WHERE {{ VALUES ?s {{ {_values(subjects[i : i + 400])} }} ?s <{prop}> ?o }}"
            )
            out += [(r["s"], r["o"]) for r in self.store.select(query).rows]
        return out

    def subjects(self, prop, obj, limit: int | None = None) -> list:
        query = f"SELECT DISTINCT ?a WHERE {{ ?a <{prop}> <{obj}> }}" + (f" LIMIT {limit}" if limit else "")
        return [r["a"] for r in self.store.select(query).rows]

    def labels(self, nodes) -> list[tuple]:
        iris = sorted(n for n in nodes if isinstance(n, URIRef))
        props = "|".join(f"<{p}>" for p in LABEL_PROPERTIES)
        out = []
        for i in range(0, len(iris), 400):
            query = f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {_values(iris[i : i + 400])} }} ?s {props} ?l }}"
            out += [(r["s"], r["l"]) for r in self.store.select(query).rows]
        return out

    def exists(self, docs) -> set[str]:
        docs = sorted(docs)
        found = set()
        for i in range(0, len(docs), 400):
            query = f"SELECT ?s WHERE {{ VALUES ?s {{ {_values(docs[i : i + 400])} }} FILTER EXISTS {{ ?s ?p ?o }} }}"
            found |= {str(r["s"]) for r in self.store.select(query).rows}
        return found


class _OxLookup:
    """The same lookups straight on pyoxigraph's indexes (the embedded store): no query planning."""

    def __init__(self, store):
        import pyoxigraph as ox

        from ..store.embedded import to_rdflib

        self.ox, self.store, self.term = ox, store.ox, to_rdflib

    def _node(self, node):
        return self.ox.NamedNode(str(node))

    def triples(self, subjects) -> list[tuple]:
        out = set()
        for s in set(subjects):
            for q in self.store.quads_for_pattern(self._node(s), None, None, None):
                out.add((s, self.term(q.predicate), self.term(q.object)))
        return list(out)

    def inverse(self, iri: str, limit: int) -> list[tuple]:
        out = set()
        for q in self.store.quads_for_pattern(None, None, self._node(iri), None):
            subject = q.subject.value
            if (
                "#" in subject
                or subject.startswith(f"{ID}evidence/")
                or not isinstance(q.subject, self.ox.NamedNode)
            ):
                continue
            out.add((URIRef(subject), URIRef(q.predicate.value)))
            if len(out) >= limit:
                break
        return list(out)

    def values(self, subjects, prop) -> list[tuple]:
        prop = self._node(prop)
        return [
            (s, self.term(q.object))
            for s in set(subjects)
            for q in self.store.quads_for_pattern(self._node(s), prop, None, None)
        ]

    def subjects(self, prop, obj, limit: int | None = None) -> list:
        out = []
        for q in self.store.quads_for_pattern(None, self._node(prop), self._node(obj), None):
            node = self.term(q.subject)
            if node not in out:
                out.append(node)
                if limit and len(out) >= limit:
                    break
        return out

    def labels(self, nodes) -> list[tuple]:
        out = set()
        props = [self._node(p) for p in LABEL_PROPERTIES]
        for n in nodes:
            if not isinstance(n, URIRef):
                continue
            subject = self._node(n)
            for p in props:
                for q in self.store.quads_for_pattern(subject, p, None, None):
                    out.add((n, self.term(q.object)))
        return list(out)

    def exists(self, docs) -> set[str]:
        return {d for d in docs if next(self.store.quads_for_pattern(self._node(d), None, None, None), None)}


def _lookup(store):
    from ..store import EmbeddedStore

    return (
        _OxLookup(store)
        if isinstance(store, EmbeddedStore) and store.ox is not None
        else _SparqlLookup(store)
    )


def describe(store, iri: str, def_ns: str, inverse_limit: int = INVERSE_LIMIT) -> Description:
    """Everything the pages and the RDF answers show about `iri`, with at most `inverse_limit` links to
    it (and quotes naming it)."""
    node = URIRef(iri)
    desc = Description(node)
    lookup = _lookup(store)
    # the subject and the '#' parts hanging off it (a city's geometry, an annotation's target and selectors)
    seen, frontier = set(), {node}
    while frontier and len(seen) < 200:
        seen |= frontier
        found = lookup.triples(frontier)
        frontier = set()
        for s, p, o in found:
            desc.triples.append((s, p, o))
            if isinstance(o, URIRef) and str(o).startswith(f"{iri}#") and o not in seen:
                frontier.add(o)
    desc.triples.sort()
    inverse = lookup.inverse(iri, inverse_limit + 1)
    desc.inverse = sorted(set(inverse))[:inverse_limit]
    desc.inverse_truncated = len(inverse) > inverse_limit
    if not desc.exists:
        return desc
    desc.evidence = list(_annotations(lookup, lookup.subjects(URIRef(f"{def_ns}evidenceOf"), node)).values())
    mentions = _annotations(lookup, lookup.subjects(OA.hasBody, node, inverse_limit))
    desc.mentions = sorted(mentions.values(), key=lambda e: (str(e.event), str(e.field), e.start or 0))
    nodes = {node} | {t[1] for t in desc.triples} | {t[2] for t in desc.triples if isinstance(t[2], URIRef)}
    nodes |= {s for s, _ in desc.inverse} | {p for _, p in desc.inverse}
    nodes |= {e.source for e in desc.evidence + desc.mentions if e.source}
    nodes |= {e.event for e in desc.mentions if e.event}
    desc.labels = _labels(lookup.labels(nodes))
    docs = {str(n).split("#", 1)[0] for n in nodes if isinstance(n, URIRef) and str(n).startswith(BASE)}
    desc.described = lookup.exists(docs)
    linking = {s for s, _ in desc.inverse}
    for s, o in lookup.values(linking, SCHEMA.startDate):  # so that the links can be listed by date
        desc.dates[s] = min(desc.dates.get(s, str(o)), str(o))
    return desc


def _annotations(lookup, found: list) -> dict[URIRef, Evidence]:
    """These Web Annotations read subject by subject: an annotation, its `#target` and its selectors."""
    props: dict = defaultdict(lambda: defaultdict(list))
    frontier = set(found)
    for _ in range(3):  # annotation -> target -> selectors
        if not frontier:
            break
        triples, frontier = lookup.triples(frontier), set()
        for s, p, o in sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
            props[s][p].append(o)
            if p in _FOLLOWED:
                frontier.add(o)
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


def _labels(pairs) -> dict[URIRef, dict[str, str]]:
    """(IRI, label literal) pairs -> IRI -> {language tag or "": label}; the smallest label per language."""
    labels: dict[URIRef, dict[str, str]] = defaultdict(dict)
    for node, label in sorted(pairs, key=lambda pair: (str(pair[0]), str(pair[1]))):
        lang = label.language if isinstance(label, Literal) and label.language else ""
        labels[node].setdefault(lang, str(label))
    return dict(labels)


def fetch_labels(store, nodes) -> dict[URIRef, dict[str, str]]:
    """IRI -> {language tag or "": label} for these nodes."""
    return _labels(_lookup(store).labels(nodes))
