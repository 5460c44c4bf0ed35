"""The page frame shared by every HTML page: escaping, the inline stylesheet, navigation, the two
languages' interface strings, and the Linker that turns IRIs under the dataset base into hrefs (paths
on the server, relative file names in the static site)."""

from __future__ import annotations

import functools
import os
import posixpath
from html import escape

from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS

from .. import iris
from ..rdf.vocab import GEO, PREFIXES, SCHEMA, WGS
from .mime import GRAPH_FORMATS

LANGS = ("en", "pl")


UI = {
    "en": {
        "home": "partnergraph",
        "queries": "Saved queries",
        "adhoc": "SPARQL query",
        "sparql": "SPARQL endpoint",
        "network": "Network",
        "dataset": "Dataset",
        "ontology": "Ontology",
        "properties": "Properties",
        "inverse": "Links to this resource",
        "evidence": "from the source",
        "mentions": "Quoted in the sources",
        "source": "source page",
        "chars": "characters",
        "curated": "checked by a person",
        "sameas": "Same as",
        "coordinates": "Coordinates",
        "map": "map",
        "formats": "This description as",
        "types": "Type",
        "iri": "IRI",
        "run": "Run",
        "results": "Results",
        "rows": "rows",
        "download": "Download",
        "query": "Query",
        "truncated": "only the first {n} are shown",
        "notfound": "Not found",
        "error": "Error",
        "parameters": "Parameters",
        "triples": "triples",
        "entities": "Entities per class",
        "dumps": "Dumps",
        "licence": "Licence",
        "publisher": "Publisher",
        "class": "class",
        "count": "count",
        "file": "file",
        "size": "size",
        "yes": "yes",
        "no": "no",
        "other": "In another language",
        "about": "international cooperation of MOPS Kraków as linked open data",
        "try": "Try",
    },
    "pl": {
        "home": "partnergraph",
        "queries": "Zapisane zapytania",
        "adhoc": "Zapytanie SPARQL",
        "sparql": "Punkt dostępu SPARQL",
        "network": "Sieć",
        "dataset": "Zbiór danych",
        "ontology": "Ontologia",
        "properties": "Właściwości",
        "inverse": "Odnośniki do tego zasobu",
        "evidence": "ze źródła",
        "mentions": "Cytaty ze źródeł",
        "source": "strona źródłowa",
        "chars": "znaki",
        "curated": "sprawdzone przez człowieka",
        "sameas": "To samo co",
        "coordinates": "Współrzędne",
        "map": "mapa",
        "formats": "Ten opis jako",
        "types": "Typ",
        "iri": "IRI",
        "run": "Uruchom",
        "results": "Wyniki",
        "rows": "wierszy",
        "download": "Pobierz",
        "query": "Zapytanie",
        "truncated": "pokazano tylko pierwsze {n}",
        "notfound": "Nie znaleziono",
        "error": "Błąd",
        "parameters": "Parametry",
        "triples": "trójek",
        "entities": "Obiekty według klas",
        "dumps": "Zrzuty danych",
        "licence": "Licencja",
        "publisher": "Wydawca",
        "class": "klasa",
        "count": "liczba",
        "file": "plik",
        "size": "rozmiar",
        "yes": "tak",
        "no": "nie",
        "other": "W innym języku",
        "about": "współpraca międzynarodowa MOPS Kraków jako otwarte dane powiązane",
        "try": "Wypróbuj",
    },
}

# labels of the reused vocabularies' properties (the pg ontology's own labels come from the graph)
TERM_LABELS = {
    RDF.type: ("type", "typ"),
    RDFS.label: ("label", "etykieta"),
    SKOS.prefLabel: ("preferred label", "etykieta preferowana"),
    SKOS.altLabel: ("also known as", "inne nazwy"),
    SKOS.definition: ("definition", "definicja"),
    SKOS.inScheme: ("in scheme", "w schemacie"),
    SKOS.notation: ("notation", "notacja"),
    SCHEMA.name: ("name", "nazwa"),
    SCHEMA.startDate: ("start date", "data rozpoczęcia"),
    SCHEMA.endDate: ("end date", "data zakończenia"),
    SCHEMA.location: ("location", "miejsce"),
    SCHEMA.containedInPlace: ("in", "położone w"),
    SCHEMA.url: ("URL", "adres"),
    SCHEMA.funder: ("funder", "fundator"),
    DCTERMS.subject: ("topic", "temat"),
    DCTERMS.identifier: ("identifier", "identyfikator"),
    DCTERMS.title: ("title", "tytuł"),
    DCTERMS.date: ("date", "data"),
    DCTERMS.publisher: ("publisher", "wydawca"),
    PROV.wasDerivedFrom: ("derived from", "pochodzi z"),
    PROV.wasAttributedTo: ("attributed to", "przypisane"),
    OWL.sameAs: ("same as", "to samo co"),
    WGS.lat: ("latitude", "szerokość geograficzna"),
    WGS.long: ("longitude", "długość geograficzna"),
    GEO.hasGeometry: ("geometry", "geometria"),
    GEO.asWKT: ("WKT", "WKT"),
    FOAF.name: ("name", "imię i nazwisko"),
    FOAF.page: ("page", "strona"),
    ORG.memberOf: ("member of", "członek"),
    ORG.unitOf: ("unit of", "jednostka"),
    ORG.subOrganizationOf: ("part of", "część"),
}


def esc(value) -> str:
    return escape(str(value), quote=True)


_BY_LENGTH = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda kv: -len(kv[1]))


@functools.lru_cache(maxsize=4096)
def short_name(iri) -> str:
    """A prefixed name where a known prefix fits, else the IRI."""
    text = str(iri)
    for prefix, ns in _BY_LENGTH:
        if text.startswith(ns) and len(text) > len(ns):
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
            suffix = "html" if name == "ontology" else self.html_suffix  # the ontology docs are English
            target = f"{name or 'index'}.{suffix}"
            return self._rel(target)
        target = name
        query = f"?lang={self.lang}" if self.lang_in_links and name not in ("sparql",) else ""
        return self._rel(target) + query


def layout(
    title: str,
    body: str,
    *,
    lang: str,
    linker: Linker,
    other_lang_href: str | None = None,
    head: str = "",
    nav: str | None = None,
) -> str:
    """A page of the older renderers (`body` already escaped) in the portal's frame (templates/base.html)."""
    from .templating import markup, render

    return render(
        "page.html",
        lang,
        title=title,
        body=markup(body),
        head=markup(head),
        linker=linker,
        other_lang_href=other_lang_href,
        nav=nav,
    )


def alternate_links(linker: Linker, iri: str) -> tuple[str, str]:
    """(<link rel=alternate> tags for the head, a visible list) for every RDF format of a description."""
    head, visible = [], []
    for fmt in GRAPH_FORMATS:
        href = esc(linker.iri(iri, suffix=fmt.suffix))
        head.append(f'<link rel="alternate" type="{fmt.media_type}" href="{href}">\n')
        visible.append(f'<a href="{href}" type="{fmt.media_type}">{fmt.suffix} ({fmt.media_type})</a>')
    return "".join(head), " ".join(visible)


def is_local(iri) -> bool:
    return isinstance(iri, URIRef) and str(iri).startswith(iris.BASE)
