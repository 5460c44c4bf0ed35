"""What every HTML page shares: the interface strings by key and the reused vocabularies' labels (msgids
of the message catalogs), the reader's language, and the Linker that turns IRIs under the dataset base
into hrefs (paths on the server, relative file names in the static site)."""

from __future__ import annotations

import functools
import os
import posixpath

from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS

from .. import iris
from ..rdf.vocab import GEO, OA, PREFIXES, SCHEMA, WGS
from .templating import N_

LANGS = ("en", "pl")


# labels of the reused vocabularies' properties, English msgids (the pg ontology's own labels come from the graph)
TERM_LABELS = {
    RDF.type: N_("type"),
    RDFS.label: N_("label"),
    SKOS.prefLabel: N_("preferred label"),
    SKOS.altLabel: N_("also known as"),
    SKOS.definition: N_("definition"),
    SKOS.inScheme: N_("in scheme"),
    SKOS.notation: N_("notation"),
    SCHEMA.name: N_("name"),
    SCHEMA.startDate: N_("start date"),
    SCHEMA.endDate: N_("end date"),
    SCHEMA.location: N_("location"),
    SCHEMA.containedInPlace: N_("in"),
    SCHEMA.url: N_("URL"),
    SCHEMA.funder: N_("funder"),
    DCTERMS.subject: N_("topic"),
    DCTERMS.identifier: N_("identifier"),
    DCTERMS.title: N_("title"),
    DCTERMS.date: N_("date"),
    DCTERMS.publisher: N_("publisher"),
    PROV.wasDerivedFrom: N_("derived from"),
    PROV.wasAttributedTo: N_("attributed to"),
    OWL.sameAs: N_("same as"),
    WGS.lat: N_("latitude"),
    WGS.long: N_("longitude"),
    GEO.hasGeometry: N_("geometry"),
    GEO.asWKT: N_("WKT"),
    FOAF.name: N_("full name"),
    FOAF.page: N_("page"),
    ORG.memberOf: N_("member of"),
    ORG.unitOf: N_("unit of"),
    ORG.subOrganizationOf: N_("part of"),
    # the ontology's and the taxonomies' own pages (were rdfs:range, skos:topConceptOf)
    RDFS.isDefinedBy: N_("defined by"),
    RDFS.domain: N_("applies to"),
    RDFS.range: N_("values of type"),
    RDFS.subClassOf: N_("subclass of"),
    RDFS.subPropertyOf: N_("narrower property of"),
    RDFS.comment: N_("comment"),
    RDFS.seeAlso: N_("see also"),
    OWL.equivalentClass: N_("same class as"),
    OWL.equivalentProperty: N_("same property as"),
    OWL.inverseOf: N_("inverse of"),
    OWL.disjointWith: N_("disjoint with"),
    OWL.versionIRI: N_("IRI of this version"),
    OWL.versionInfo: N_("version"),
    SKOS.topConceptOf: N_("top concept of"),
    SKOS.hasTopConcept: N_("top concepts"),
    SKOS.broader: N_("broader concept"),
    SKOS.narrower: N_("narrower concept"),
    SCHEMA.domainIncludes: N_("used for"),
    SCHEMA.text: N_("text"),
    SCHEMA.description: N_("description"),
    DCTERMS.relation: N_("related to"),
    DCTERMS.created: N_("created"),
    DCTERMS.creator: N_("creator"),
    DCTERMS.description: N_("description"),
    DCTERMS.license: N_("licence"),
    # the ontology's namespace (were shown as 'purl.org/vocab/vann/preferredNamespacePrefix')
    URIRef("http://purl.org/vocab/vann/preferredNamespacePrefix"): N_("preferred namespace prefix"),
    URIRef("http://purl.org/vocab/vann/preferredNamespaceUri"): N_("namespace IRI"),
    # a quotation's parts (its page, id/evidence/...)
    OA.hasBody: N_("the fact"),
    OA.bodyValue: N_("value"),
    OA.hasTarget: N_("quoted passage"),
    OA.hasSource: N_("source page"),
    OA.hasSelector: N_("where in the page"),
    OA.exact: N_("quoted words"),
    OA.start: N_("first character"),
    OA.end: N_("after the last character"),
    OA.motivatedBy: N_("purpose"),
    OA.identifying: N_("identifying a fact"),
    # the reused vocabularies' classes and datatypes a resource page names (were shown as org:Organization)
    ORG.Organization: N_("organisation"),
    ORG.FormalOrganization: N_("formal organisation"),
    ORG.OrganizationalUnit: N_("organisational unit"),
    FOAF.Person: N_("person"),
    GEO.Geometry: N_("geometry"),
    GEO.wktLiteral: N_("WKT"),
    SKOS.Concept: N_("concept"),
    SKOS.ConceptScheme: N_("concept scheme"),
    OWL.Ontology: N_("ontology"),
    OA.Annotation: N_("quotation from a source"),
    OA.SpecificResource: N_("passage of a source page"),
    OA.TextQuoteSelector: N_("quoted words"),
    OA.TextPositionSelector: N_("position in a page's text"),
    OWL.Class: N_("class"),
    OWL.ObjectProperty: N_("property linking resources"),
    OWL.DatatypeProperty: N_("property with a value"),
    OWL.AnnotationProperty: N_("annotation property"),
    OWL.FunctionalProperty: N_("property with one value"),
}

# the sites of the IRIs `owl:sameAs` links to, named for readers: "Wikidata Q183" rather than its IRI
SAME_AS_SITES = {
    "http://www.wikidata.org/entity/": "Wikidata",
    "https://www.wikidata.org/entity/": "Wikidata",
    "https://sws.geonames.org/": "GeoNames",
    "http://sws.geonames.org/": "GeoNames",
}


def same_as_name(iri) -> str:
    """'http://www.wikidata.org/entity/Q183' -> 'Wikidata Q183'; an IRI of another site without its scheme."""
    text = str(iri)
    for prefix, site in SAME_AS_SITES.items():
        if text.startswith(prefix) and text[len(prefix) :].strip("/"):
            return f"{site} {text[len(prefix) :].strip('/')}"
    return text.split("://", 1)[-1].rstrip("/")


_BY_LENGTH = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda kv: -len(kv[1]))


@functools.lru_cache(maxsize=4096)
def short_name(iri) -> str:
    """A prefixed name where a known prefix fits and what follows reads as a name ('pg:Event'), else the IRI
    (the ontology's version 'https://w3id.org/partnergraph/def/0.1.0' read as 'pg:0.1.0')."""
    text = str(iri)
    for prefix, ns in _BY_LENGTH:
        if text.startswith(ns) and text[len(ns) : len(ns) + 1].isalpha():
            return f"{prefix}:{text[len(ns) :]}"
    return text


def pick_lang(accept_language: str | None, requested: str | None) -> str:
    """?lang= first, else the first of en/pl named in Accept-Language (by q), else English."""
    if requested in LANGS:
        return requested
    best, best_q = "en", 0.0
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGS and q > best_q:
            best, best_q = primary, q
    return best


class Linker:
    """hrefs for IRIs under the dataset base and for the site's own pages.

    On the server an IRI's page is at its own path (`/partnergraph/id/city/berlin-de`); in the static site
    it is the file `partnergraph/id/city/berlin-de.html`, linked relatively from the page being written
    (`here`, a path relative to the site root)."""

    def __init__(self, static: bool = False, here: str = "", lang: str = "en", lang_in_links: bool = False):
        self.static, self.here, self.lang = static, here, lang
        self.lang_in_links = lang_in_links  # the server adds ?lang= when the language came from ?lang=
        self.known: set[str] | None = None  # when set, only these IRIs (without '#') get local links

    @property
    def html_suffix(self) -> str:
        """Static pages: English in X.html, Polish in X.pl.html."""
        return "html" if self.lang == "en" else f"{self.lang}.html"

    def _rel(self, target: str) -> str:
        if not self.static:
            return "/" + target
        start = posixpath.dirname(self.here) or "."
        return posixpath.relpath(target, start) if target else os.curdir + "/"

    def local_path(self, iri: str) -> str | None:
        """The site path (no leading slash) of an IRI under the base: 'partnergraph/id/city/berlin-de'."""
        if not iri.startswith(iris.BASE):
            return None
        rest = iri[len(iris.BASE) :].split("#", 1)[0]
        if ".." in rest.split("/"):
            return None
        return "partnergraph/" + rest

    def iri(self, iri, suffix: str | None = None) -> str:
        """The href of an IRI: its page (or its `suffix` format) when it is under the base, else itself."""
        text = str(iri)
        path = self.local_path(text)
        if path is None or (self.known is not None and text.split("#", 1)[0] not in self.known):
            return text
        fragment = "#" + text.split("#", 1)[1] if "#" in text else ""
        if self.static:
            path = (path + "index" if path.endswith("/") else path) + "." + (suffix or self.html_suffix)
            return self._rel(path) + fragment
        if suffix:
            path = (path + "index" if path.endswith("/") else path) + "." + suffix
        query = f"?lang={self.lang}" if self.lang_in_links and not suffix else ""
        return self._rel(path) + query + fragment

    def file(self, path: str) -> str:
        """A file of the site as it is (a dump, void.ttl), by its path from the site root."""
        if self.static and path.startswith("dumps/"):  # the static site keeps them in the namespace's folder
            path = "partnergraph/" + path
        return self._rel(path)

    def page(self, name: str) -> str:
        """One of the site's pages: '', 'queries', 'query', 'sparql', 'network', 'dataset', 'ontology'."""
        if self.static:
            target = f"{name or 'index'}.{self.html_suffix}"
            return self._rel(target)
        target = name
        query = f"?lang={self.lang}" if self.lang_in_links and name not in ("sparql",) else ""
        return self._rel(target) + query


def is_local(iri) -> bool:
    return isinstance(iri, URIRef) and str(iri).startswith(iris.BASE)
