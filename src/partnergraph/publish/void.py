"""The dataset's description in VoID and DCAT: size, entities per class, licence, publisher, the dumps
with their links, media types and sizes, and the SPARQL endpoint. The server answers it at
`/.well-known/void` and `/dataset`; `partnergraph publish` writes it into the static site.

The dataset is `{BASE}dataset`; links to dumps and the endpoint are made from `site_url`, the address
the publication is served from (the server's own address, or the static site's)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, VOID, XSD

from .. import __version__, iris
from ..rdf.vocab import bind_prefixes
from .dumps import DUMP_FORMATS, DUMP_NAME

LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
PUBLISHER_NAME = "partnergraph"
SD = "http://www.w3.org/ns/sparql-service-description#"
MEDIA_TYPE_IRI = "https://www.iana.org/assignments/media-types/"
TITLE = {
    "en": "partnergraph: international cooperation of MOPS Kraków",
    "pl": "partnergraph: współpraca międzynarodowa MOPS Kraków",
}
DESCRIPTION = {
    "en": "Study visits, conferences, meetings and donations of the Municipal Social Welfare Centre in "
    "Kraków (MOPS) with their partner cities, countries, organisations, projects and programmes, extracted "
    "from its published bulletin pages; every fact links to the quoted text it came from. Place data "
    "from GeoNames (CC BY 4.0).",
    "pl": "Wizyty studyjne, konferencje, spotkania i darowizny Miejskiego Ośrodka Pomocy Społecznej w "
    "Krakowie (MOPS) z miastami, państwami, organizacjami, projektami i programami partnerskimi, "
    "wyodrębnione "
    "z opublikowanych stron biuletynu; każda informacja wskazuje cytat, z którego pochodzi. Dane o miejscach "
    "z GeoNames (CC BY 4.0).",
}


def dataset_iri() -> URIRef:
    return URIRef(iris.BASE + "dataset")


@dataclass
class Dump:
    name: str  # file name, e.g. partnergraph.ttl
    media_type: str
    size: int


@dataclass
class DatasetStats:
    triples: int = 0
    entities: int = 0
    properties: int = 0
    classes: dict[str, int] = field(default_factory=dict)  # class IRI -> number of instances
    sources: list[str] = field(default_factory=list)  # the source pages' URLs
    example: str | None = None
    dumps: list[Dump] = field(default_factory=list)
    modified: str | None = None  # date of the build


def _count(store, query: str) -> int:
    rows = store.select(query)
    return int(rows.rows[0]["n"]) if rows.rows and "n" in rows.rows[0] else 0


def dataset_stats(store, dumps_dir: str | Path | None = None) -> DatasetStats:
    """Count what the store holds and list the dump files found in `dumps_dir`."""
    stats = DatasetStats()
    stats.triples = _count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    stats.entities = _count(
        store,
        f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), '{iris.ID}')) }}",
    )
    stats.properties = _count(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }")
    rows = store.select("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    stats.classes = {str(r["c"]): int(r["n"]) for r in sorted(rows.rows, key=lambda r: str(r["c"]))}
    rows = store.select(
        f"SELECT DISTINCT ?url WHERE {{ ?page a <{iris.DEF}SourcePage> ; <https://schema.org/url> ?url }}"
    )
    stats.sources = sorted(str(r["url"]) for r in rows.rows)
    rows = store.select(f"SELECT ?e WHERE {{ ?e a <{iris.DEF}Event> }} ORDER BY ?e LIMIT 1")
    stats.example = str(rows.rows[0]["e"]) if rows.rows else None
    if dumps_dir is not None:
        folder = Path(dumps_dir)
        for suffix, spec in DUMP_FORMATS.items():
            media_type = spec[-1]  # the media type is the last item of each entry
            path = folder / f"{DUMP_NAME}.{suffix}"
            if path.is_file():
                stats.dumps.append(Dump(path.name, media_type, path.stat().st_size))
        state = folder.parent / "state.json"
        stamp = state if state.is_file() else folder
        if stamp.exists():
            stats.modified = dt.date.fromtimestamp(stamp.stat().st_mtime).isoformat()
    return stats


FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
FILE_TYPES = {
    "application/n-quads": "RDF_N_QUADS",
    "application/trig": "RDF_TRIG",
    "text/turtle": "RDF_TURTLE",
    "application/n-triples": "RDF_N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
}
PUBLISHER = URIRef(iris.BASE + "id/agent/partnergraph")


def publisher_graph() -> Graph:
    """What the dataset's publisher IRI says of itself (served when the IRI is dereferenced)."""
    graph = Graph()
    graph.add((PUBLISHER, RDF.type, FOAF.Agent))
    graph.add((PUBLISHER, FOAF.name, Literal(PUBLISHER_NAME)))
    return graph


def void_graph(
    stats: DatasetStats, site_url: str, sparql_url: str | None = None, landing_page: str | None = None
) -> Graph:
    """The VoID + DCAT description. `site_url` ends with '/'; dumps are at `{site_url}dumps/<file>`, the
    landing page at `landing_page` (default `{site_url}dataset`)."""
    graph = Graph()
    bind_prefixes(graph)
    graph.bind("sd", SD)
    ds = dataset_iri()
    add = graph.add
    add((ds, RDF.type, VOID.Dataset))
    add((ds, RDF.type, DCAT.Dataset))
    for lang in ("en", "pl"):
        add((ds, DCTERMS.title, Literal(TITLE[lang], lang=lang)))
        add((ds, DCTERMS.description, Literal(DESCRIPTION[lang], lang=lang)))
    add((ds, DCTERMS.license, LICENCE))
    # DCAT-AP's range shapes want every linked resource typed with its range class
    add((LICENCE, RDF.type, DCTERMS.LicenseDocument))
    add((ds, DCTERMS.publisher, PUBLISHER))
    graph += publisher_graph()
    add((ds, OWL.versionInfo, Literal(__version__)))  # dct:hasVersion links to another dcat:Dataset
    if stats.modified:
        add((ds, DCTERMS.modified, Literal(stats.modified, datatype=XSD.date)))
    for keyword in ("international cooperation", "social welfare", "Kraków", "study visit"):
        add((ds, DCAT.keyword, Literal(keyword, lang="en")))
    page = URIRef(landing_page or site_url + "dataset")
    add((ds, DCAT.landingPage, page))
    add((page, RDF.type, FOAF.Document))
    add((ds, VOID.uriSpace, Literal(str(iris.ID))))
    add((ds, VOID.vocabulary, URIRef(str(iris.DEF))))
    for ns in (
        "https://schema.org/",
        "http://www.w3.org/ns/org#",
        "http://www.w3.org/ns/oa#",
        "http://www.w3.org/ns/prov#",
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.opengis.net/ont/geosparql#",
        "http://www.w3.org/2003/01/geo/wgs84_pos#",
        "http://xmlns.com/foaf/0.1/",
        "http://purl.org/dc/terms/",
        "http://semanticweb.cs.vu.nl/2009/11/sem/",
    ):
        add((ds, VOID.vocabulary, URIRef(ns)))
    add((ds, VOID.triples, Literal(stats.triples, datatype=XSD.integer)))
    add((ds, VOID.entities, Literal(stats.entities, datatype=XSD.integer)))
    add((ds, VOID.properties, Literal(stats.properties, datatype=XSD.integer)))
    add((ds, VOID.classes, Literal(len(stats.classes), datatype=XSD.integer)))
    if stats.example:
        add((ds, VOID.exampleResource, URIRef(stats.example)))
    for url in stats.sources:  # web pages, not the dcat:Dataset dct:source would name
        add((ds, PROV.wasDerivedFrom, URIRef(url)))
    for cls, count in stats.classes.items():
        part = URIRef(f"{ds}#class-{_fragment(cls)}")
        add((ds, VOID.classPartition, part))
        add((part, VOID["class"], URIRef(cls)))
        add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    for dump in stats.dumps:
        url = URIRef(f"{site_url}dumps/{dump.name}")
        add((ds, VOID.dataDump, url))
        dist = URIRef(f"{ds}#dump-{dump.name.rsplit('.', 1)[-1]}")
        add((ds, DCAT.distribution, dist))
        add((dist, RDF.type, DCAT.Distribution))
        add((dist, DCAT.downloadURL, url))
        add((dist, DCAT.accessURL, url))
        media_type = URIRef(MEDIA_TYPE_IRI + dump.media_type)
        add((dist, DCAT.mediaType, media_type))
        add((media_type, RDF.type, DCTERMS.MediaType))
        if dump.media_type in FILE_TYPES:  # DCAT-AP: a dct:MediaTypeOrExtent from the EU vocabulary
            file_type = URIRef(FILE_TYPE + FILE_TYPES[dump.media_type])
            add((dist, DCTERMS["format"], file_type))
            add((file_type, RDF.type, DCTERMS.MediaTypeOrExtent))
        # DCAT-AP 2.1.1's range, from the lexical form: a Python int under xsd:decimal is written as one,
        # but a SHACL check of this graph itself finds no decimal in it
        add((dist, DCAT.byteSize, Literal(str(dump.size), datatype=XSD.decimal)))
        add((dist, DCTERMS.license, LICENCE))
        add((dist, DCTERMS.title, Literal(dump.name)))
    if sparql_url:
        endpoint = URIRef(sparql_url)
        add((ds, VOID.sparqlEndpoint, endpoint))
        service = URIRef(f"{ds}#sparql")
        add((ds, DCAT.distribution, URIRef(f"{ds}#sparql-distribution")))
        add((URIRef(f"{ds}#sparql-distribution"), RDF.type, DCAT.Distribution))
        add((URIRef(f"{ds}#sparql-distribution"), DCAT.accessService, service))
        add((URIRef(f"{ds}#sparql-distribution"), DCAT.accessURL, endpoint))
        add((service, RDF.type, DCAT.DataService))
        for lang, title in (
            ("en", "SPARQL endpoint of partnergraph"),
            ("pl", "Punkt dostępowy SPARQL partnergraph"),
        ):
            add((service, DCTERMS.title, Literal(title, lang=lang)))
        add((service, DCAT.endpointURL, endpoint))
        add((service, DCAT.servesDataset, ds))
        add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    return graph


def _fragment(iri: str) -> str:
    """'https://schema.org/Event' -> 'schema-Event' (the prefix keeps schema:Event and sem:Event apart)."""
    from ..rdf.vocab import PREFIXES

    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(ns)) and len(iri) > len(str(ns)):
            iri = f"{prefix}-{iri[len(str(ns)) :]}"
            break
    return "".join(c if c.isalnum() else "-" for c in iri)


__all__ = ["DatasetStats", "Dump", "dataset_iri", "dataset_stats", "void_graph"]
