"""What the search finds: every event (its title and its section of the source page) and every resource
under the dataset's base that has a label (countries, cities, organisations, persons, projects, topics...)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .. import iris

LABELS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "https://schema.org/name",
    "http://xmlns.com/foaf/0.1/name",
)
KIND_OF_CLASS = {
    "Event": "event",
    "City": "city",
    "Country": "country",
    "PartnerOrganisation": "organisation",
    "Organization": "organisation",
    "OrganizationalUnit": "unit",
    "Person": "person",
    "Project": "project",
    "Programme": "programme",
    "Concept": "topic",
}


@dataclass
class Document:
    iri: str
    kind: str  # event, city, country, organisation, unit, person, project, programme, topic
    titles: dict[str, str] = field(default_factory=dict)  # language ('' for none) -> title
    text: str = ""  # the longer text searched and quoted (an event's section of its source page)
    date: str = ""
    keywords: str = ""  # searched, not shown: the labels of what an event links to (its topics, places)

    def title(self, lang: str) -> str:
        for key in (lang, "pl" if lang == "en" else "en", ""):
            if self.titles.get(key):
                return self.titles[key]
        return next(iter(self.titles.values()), self.iri)


def read_documents(store, only_used_countries: bool = True) -> list[Document]:
    """The documents of the whole graph. Countries no event involves (the reference list holds them all)
    are left out unless `only_used_countries` is False."""
    props = " ".join(f"<{p}>" for p in LABELS)
    rows = store.select_strings(
        f"SELECT ?s ?c ?l (LANG(?l) AS ?lang) WHERE {{ VALUES ?p {{ {props} }} ?s a ?c ; ?p ?l "
        f"FILTER(isIRI(?s) && STRSTARTS(STR(?s), '{iris.BASE}')) }}"
    )
    docs: dict[str, Document] = {}
    kinds: dict[str, str | None] = {}  # class -> kind, found once per class (a few classes, 10^5 rows)
    for iri, cls, label, lang in rows:
        kind = kinds.get(cls, "")
        if kind == "":
            kind = kinds[cls] = KIND_OF_CLASS.get(cls.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1])
        if kind is None:
            continue
        if kind == "topic" and "/topic/" not in iri:
            continue  # event types, directions and participant kinds are filters, not things to find
        doc = docs.get(iri)
        if doc is None:
            doc = docs[iri] = Document(iri, kind)
        doc.titles.setdefault(lang or "", label)
    texts: dict[str, list[str]] = defaultdict(list)
    for iri, text, date in store.select_strings(
        f"SELECT ?e ?t ?d WHERE {{ ?e a <{iris.DEF}Event> . OPTIONAL {{ ?e <{iris.DEF}sectionText> ?t }} "
        "OPTIONAL { ?e <https://schema.org/startDate> ?d } }"
    ):
        if iri in docs:
            if text is not None:
                texts[iri].append(text)
            if date is not None:
                docs[iri].date = date
    for iri, parts in texts.items():
        docs[iri].text = "\n".join(sorted(set(parts)))
    linked: dict[str, set[str]] = defaultdict(set)
    for event, obj in store.select_strings(
        f"SELECT ?e ?o WHERE {{ ?e a <{iris.DEF}Event> ; ?p ?o FILTER(isIRI(?o)) }}"
    ):
        target = docs.get(obj)
        if target is not None and event in docs:
            linked[event].update(target.titles.values())
    for iri, labels in linked.items():
        docs[iri].keywords = " ".join(sorted(labels))
    if only_used_countries:
        used = {
            country
            for (country,) in store.select_strings(
                f"SELECT DISTINCT ?c WHERE {{ ?e <{iris.DEF}involvesCountry> ?c }}"
            )
        }
        docs = {i: d for i, d in docs.items() if d.kind != "country" or i in used}
    return sorted(docs.values(), key=lambda d: d.iri)
