"""The RDF graph (read through SPARQL, from any store) as a networkx graph of events and what they involve.

Nodes are keyed by IRI and carry `kind` (one of KINDS), `label_pl`, `label_en`; events also carry their
dates (`start`, `end` as stated, `year_from`, `year_to`), `type`, `direction`, `participants` (taxonomy
ids), `topics` and `countries` (for filtering), `text` (the section of the page) and `source`. Edges join
an event to what it involves (`relation` = the property's local name, `quote` = the evidence text) and,
among the nodes already there, a city to its country, an organisation to the country it is based in, and
a project to its programme. An event's location is not an edge: it is Kraków for most incoming events
and would only add a hub that says nothing.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict

from .. import iris
from ..errors import PartnergraphError
from ..store import EmbeddedStore, Store

log = logging.getLogger(__name__)

PG = str(iris.DEF)
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
OA = "http://www.w3.org/ns/oa#"

# property -> kind of the node it points to
LINK_KINDS = {
    PG + "involvesCity": "city",
    PG + "involvesCountry": "country",
    PG + "involvesOrganisation": "organisation",
    PG + "involvesPerson": "person",
    PG + "involvesUnit": "unit",
    PG + "partOfProject": "project",
    PG + "fundedByProgramme": "programme",
    DCTERMS + "subject": "topic",
}
# structural properties between non-event nodes (kept when both ends are in the graph)
STRUCTURE = (SCHEMA + "containedInPlace", PG + "basedIn", PG + "fundedByProgramme")
KINDS = ("event", "unit", "organisation", "person", "city", "country", "project", "programme", "topic")
# taxonomy field -> the IRI path of its scheme
SCHEMES = {"type": "event-type", "direction": "direction", "participants": "participants", "topic": "topic"}

PREFIXES = f"""PREFIX pg: <{PG}>
PREFIX schema: <{SCHEMA}>
PREFIX dcterms: <{DCTERMS}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX oa: <{OA}>
"""
_LINK_VALUES = " ".join(f"<{p}>" for p in LINK_KINDS)

EVENTS_QUERY = (
    PREFIXES
    + """SELECT ?e ?title ?start ?end ?type ?direction ?participants ?text ?source ?url WHERE {
  ?e a pg:Event .
  OPTIONAL { ?e schema:name ?title }
  OPTIONAL { ?e schema:startDate ?start }
  OPTIONAL { ?e schema:endDate ?end }
  OPTIONAL { ?e pg:eventType ?type }
  OPTIONAL { ?e pg:direction ?direction }
  OPTIONAL { ?e pg:participantKind ?participants }
  OPTIONAL { ?e pg:sectionText ?text }
  OPTIONAL { ?e prov:wasDerivedFrom ?source OPTIONAL { ?source schema:url ?url } }
}"""
)
LINKS_QUERY = PREFIXES + f"SELECT ?e ?p ?o WHERE {{ VALUES ?p {{ {_LINK_VALUES} }} ?e a pg:Event ; ?p ?o . }}"
LABELS_QUERY = (
    PREFIXES
    + f"""SELECT DISTINCT ?o ?label WHERE {{
  {{ VALUES ?p {{ {_LINK_VALUES} }} ?e a pg:Event ; ?p ?o . }}
  UNION {{ ?o skos:inScheme ?scheme }}
  ?o rdfs:label|skos:prefLabel|foaf:name ?label .
}}"""
)
EVIDENCE_QUERY = (
    PREFIXES
    + """SELECT ?e ?body ?exact WHERE {
  ?a pg:evidenceOf ?e ; oa:hasBody ?body ; oa:hasTarget/oa:hasSelector/oa:exact ?exact .
}"""
)
STRUCTURE_QUERY = (
    PREFIXES
    + "SELECT ?s ?p ?o WHERE { VALUES ?p { "
    + " ".join(f"<{p}>" for p in STRUCTURE)
    + " } ?s ?p ?o . FILTER NOT EXISTS { ?s a pg:Event } }"
)

YEAR = re.compile(r"^(\d{4})")


class NetworkError(PartnergraphError):
    """The network cannot be made as asked (an unknown focus node, an empty graph, a bad format)."""


def local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/"))[-1]


def concept_id(iri: str | None) -> str | None:
    """The taxonomy id of a concept IRI (its last path segment), e.g. ...def/topic/homelessness."""
    return local_name(iri) if iri else None


def year_of(value: str | None) -> int | None:
    """The year of an ISO date at any stated precision; None for --MM-DD and --MM."""
    match = YEAR.match(value or "")
    return int(match.group(1)) if match else None


def _pick_labels(found: dict[str, list[str]], fallback: str) -> tuple[str, str]:
    """(Polish, English) label from the labels by language tag ('' = no tag), falling back across."""

    def first(*langs: str) -> str | None:
        for lang in langs:
            if found.get(lang):
                return min(found[lang])
        return None

    return (first("pl", "", "en") or fallback, first("en", "", "pl") or fallback)


def _select(store: Store, query: str) -> list[dict[str, str]]:
    """SELECT rows as plain strings (the lexical form of a literal, an IRI's text); a literal's language
    tag, if any, under the variable's name + '@'. On the embedded store this reads pyoxigraph's terms
    directly, which halves the time of making rdflib terms first; any other store goes through select."""
    out = []
    if isinstance(store, EmbeddedStore):
        import pyoxigraph as ox

        result = store.raw_query(query)
        names = [v.value for v in result.variables]
        for solution in result:
            row = {}
            for name in names:
                term = solution[name]
                if term is not None:
                    row[name] = term.value
                    if isinstance(term, ox.Literal) and term.language:
                        row[name + "@"] = term.language
            out.append(row)
        return out
    for found in store.select(query).rows:
        row = {}
        for name, term in found.items():
            row[name] = str(term)
            if getattr(term, "language", None):
                row[name + "@"] = term.language
        out.append(row)
    return out


def build_network(store: Store):
    """Read the events and what they involve from the store into an undirected networkx.Graph."""
    import networkx as nx

    labels: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in _select(store, LABELS_QUERY):
        labels[row["o"]][row.get("label@", "")].append(row["label"])

    graph = nx.Graph()
    for row in _select(store, EVENTS_QUERY):
        iri = row["e"]
        if iri in graph:  # a second value of a property: keep the first
            continue
        title = row.get("title") or local_name(iri)
        start = row.get("start")
        end = row.get("end") or start
        graph.add_node(
            iri,
            kind="event",
            label_pl=title,
            label_en=title,  # titles are written in Polish only
            start=start,
            end=end,
            year_from=year_of(start),
            year_to=year_of(end) or year_of(start),
            type=concept_id(row.get("type")),
            direction=concept_id(row.get("direction")),
            participants=concept_id(row.get("participants")),
            text=row.get("text", ""),
            source=row.get("url") or row.get("source") or "",
            topics=[],
            countries=[],
        )

    quotes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in _select(store, EVIDENCE_QUERY):
        quotes[(row["e"], row["body"])].append(row["exact"])

    for row in _select(store, LINKS_QUERY):
        event, prop, target = row["e"], row["p"], row["o"]
        if event not in graph:
            continue
        kind = LINK_KINDS[prop]
        if target not in graph:
            label_pl, label_en = _pick_labels(labels.get(target, {}), local_name(target))
            graph.add_node(target, kind=kind, label_pl=label_pl, label_en=label_en)
        elif graph.nodes[target]["kind"] != kind:
            continue  # the same IRI reached as two kinds: keep the first
        quote = " … ".join(sorted(set(quotes.get((event, target), []))))
        graph.add_edge(event, target, relation=local_name(prop), quote=quote)
        if kind == "topic":
            graph.nodes[event]["topics"].append(local_name(target))
        elif kind == "country":
            graph.nodes[event]["countries"].append(local_name(target))

    for row in _select(store, STRUCTURE_QUERY):
        source, target = row["s"], row["o"]
        if source in graph and target in graph and not graph.has_edge(source, target):
            graph.add_edge(source, target, relation=local_name(row["p"]), quote="")

    for _, data in graph.nodes(data=True):
        if data["kind"] == "event":
            data["topics"].sort()
            data["countries"].sort()
    graph.graph["concepts"] = _concept_labels(labels)
    log.info("network: %d nodes, %d edges", graph.number_of_nodes(), graph.number_of_edges())
    return graph


def _concept_labels(labels) -> dict[str, dict[str, tuple[str, str]]]:
    """Labels of the taxonomy concepts by field: {'type': {'StudyVisit': ('wizyta studyjna', ...)}}."""
    out: dict[str, dict[str, tuple[str, str]]] = {field: {} for field in SCHEMES}
    for iri, found in labels.items():
        for field, path in SCHEMES.items():
            prefix = f"{PG}{path}/"
            if iri.startswith(prefix) and "/" not in iri[len(prefix) :]:
                out[field][iri[len(prefix) :]] = _pick_labels(found, iri[len(prefix) :])
    return out


def resolve_node(graph, name: str) -> str:
    """A node of the graph from its IRI, or from the part of it after the base ('id/country/de')."""
    for candidate in (name, iris.BASE + name.lstrip("/"), iris.BASE + "id/" + name.lstrip("/")):
        if candidate in graph:
            return candidate
    raise NetworkError(
        f"{name!r} is not a node of the network; give an IRI such as {iris.BASE}id/country/de "
        "(or the part after the base, e.g. id/country/de)"
    )


def focus_network(graph, focus: str, depth: int = 2):
    """The nodes within `depth` steps of `focus` (an IRI or 'id/kind/key'), with their edges."""
    import networkx as nx

    if depth < 0:
        raise NetworkError(f"--depth must be 0 or more, not {depth}")
    node = resolve_node(graph, focus)
    sub = nx.ego_graph(graph, node, radius=depth).copy()
    sub.graph.update(graph.graph)
    sub.graph["focus"] = node
    return sub
