"""The resource pages, the saved queries' pages and the results tables: what each shows, worked out from
the data here, and drawn by their templates (templates/resource.html, queries.html, saved_query.html,
_results.html, _terms.html), which escape every value. The server and the static site both call them."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from babel.numbers import format_decimal
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from .. import iris
from ..rdf.vocab import GEO, OA, SCHEMA, WGS
from ._html import TERM_LABELS, Linker, is_local, same_as_name, short_name
from .collate import text_key
from .describe import Description, Evidence
from .mime import GRAPH_FORMATS
from .templating import N_, environment, format_date, format_number, gettext, markup, render

PG = str(iris.DEF)
# properties in the order a reader wants them: the names, when, what kind, where, who, in what, about what;
# then the rest by label; the source text, the source and the identifiers last
READING_ORDER = [
    SCHEMA.name,
    RDFS.label,
    SKOS.prefLabel,
    FOAF.name,
    SKOS.altLabel,
    SCHEMA.startDate,
    SCHEMA.endDate,
    URIRef(PG + "eventType"),
    URIRef(PG + "direction"),
    SCHEMA.location,
    SCHEMA.containedInPlace,
    WGS.lat,  # the coordinates, one row
    URIRef(PG + "involvesCity"),
    URIRef(PG + "involvesCountry"),
    URIRef(PG + "involvesOrganisation"),
    URIRef(PG + "involvesUnit"),
    URIRef(PG + "involvesPerson"),
    URIRef(PG + "partOfProject"),
    URIRef(PG + "fundedByProgramme"),
    DCTERMS.subject,
    URIRef(PG + "participantKind"),
    URIRef(PG + "organisationKind"),
    URIRef(PG + "basedIn"),
    ORG.unitOf,
    SCHEMA.funder,
    URIRef(PG + "leadPartner"),
    URIRef(PG + "partnerCity"),
    URIRef(PG + "isoCode"),
]
LAST = [
    URIRef(PG + "sectionText"),
    PROV.wasDerivedFrom,
    DCTERMS.identifier,
    SKOS.notation,
    URIRef(PG + "geonamesId"),
    OWL.sameAs,
]
LABELS = (RDFS.label, SKOS.prefLabel, SCHEMA.name)
# shown elsewhere on the page: the type under the title, the geometry with the page's data at its end
# the type is under the title, the longitude beside the latitude, the identifier with the page's data
NOT_IN_TABLE = (RDF.type, WGS.long, GEO.hasGeometry, DCTERMS.identifier)
SUMMARY = {  # the summary of an event: a line per question, with the properties answering it
    "when": (SCHEMA.startDate,),
    "where": (SCHEMA.location, URIRef(PG + "involvesCity"), URIRef(PG + "involvesCountry")),
    "who": (URIRef(PG + "involvesOrganisation"), URIRef(PG + "involvesUnit"), URIRef(PG + "involvesPerson")),
    "what": (URIRef(PG + "eventType"), URIRef(PG + "direction"), DCTERMS.subject),
}
# the kinds of the registries' organisations and units (pg:organisationKind), as a reader says them
ORGANISATION_KINDS = {
    "city_office": N_("city office"),
    "municipality": N_("municipality"),
    "network": N_("network of organisations"),
    "ngo": N_("non-governmental organisation"),
    "public_body": N_("public body"),
    "service_club": N_("service club"),
    "university": N_("university"),
    "welfare_centre": N_("social welfare centre"),
    "club": N_("club"),
    "department": N_("department"),
    "local_activity_point": N_("local activity point"),
    "local_activity_programme": N_("local activity programme"),
    "office": N_("office"),
    "project_team": N_("project team"),
    "senior_centre": N_("senior centre"),
    "support_centre": N_("support centre"),
}
# the resources linking to a page, grouped by their kind (the path of their IRI under id/), in this order
INBOUND_KINDS = {
    "event": N_("Events"),
    "organisation": N_("Organisations"),
    "unit": N_("MOPS units"),
    "person": N_("Persons"),
    "project": N_("Projects"),
    "programme": N_("Programmes"),
    "city": N_("Cities"),
    "country": N_("Countries"),
}
WRAPPED = (DCTERMS.description, RDFS.comment, SKOS.definition)  # the ontology's texts, lines wrapped by hand
NUMBERS = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}


@dataclass(frozen=True)
class Term:
    """A value as the page shows it (templates/_terms.html draws it by `kind`): 'link' (text: its label,
    title: its IRI), 'blank', 'block' (a long text), 'tagged' (text in language `lang`, `note` naming the
    language), 'date' (title: ISO), 'coded' (a taxonomy code's label, title: the code) or 'plain'
    (`note`: a datatype's label)."""

    kind: str
    text: str
    href: str = ""
    title: str = ""
    lang: str = ""
    note: str = ""
    external: bool = False


def reading_key(prop, label: str) -> tuple:
    if prop in READING_ORDER:
        return (0, READING_ORDER.index(prop), "")
    if prop in LAST:
        return (2, LAST.index(prop), "")
    return (1, 0, label.lower())


def reader_pairs(pairs: list, title: str, evidence: list[Evidence]) -> list:
    """The properties a reader's table shows: the names that only repeat the title left out (unless a quote
    backs them: an event's title), the other names as 'also known as' (each text once), the type (under the
    title), the longitude (beside the latitude), the geometry and the identifier (with the page's data) and
    a page that is the URL again left out."""
    shown: set[str] = {title}
    urls = {o for p, o in pairs if p == SCHEMA.url}
    out = []
    for p, o in sorted(pairs, key=lambda po: LABELS.index(po[0]) if po[0] in LABELS else -1):
        if p in NOT_IN_TABLE or (p == FOAF.page and o in urls):  # a source page's 'page' repeats its URL
            continue
        if p in LABELS and any(ev.field == p and _matches(ev, o) for ev in evidence):
            out.append((p, o))
        elif p in LABELS or p == SKOS.altLabel:
            if str(o) not in shown:
                shown.add(str(o))
                out.append((SKOS.altLabel, o))
        else:
            out.append((p, o))
    return out


def _t(lang: str, message: str) -> str:
    """A saved query's title, description or parameter text in `lang` (the catalogs hold them)."""
    return gettext(lang, message) if message else message


def term_label(desc_labels: dict, node, lang: str) -> str:
    labels = desc_labels.get(node) or {}
    for key in (lang, "en" if lang == "pl" else "pl", ""):
        if key in labels:
            return labels[key]
    if node in TERM_LABELS:
        return gettext(lang, TERM_LABELS[node])
    if labels:
        return next(iter(labels.values()))
    base, _, part = str(node).partition("#")
    if part and URIRef(base) in desc_labels:  # a part of a described resource: 'Helsinki (geometria)'
        return f"{term_label(desc_labels, URIRef(base), lang)} ({gettext(lang, part)})"
    name = short_name(node)
    if "://" not in name or is_local(node):  # our own IRIs in full: the reader may copy them
        return name
    return same_as_name(node)  # another site's IRI: "Wikidata Q183"


def quoted(text: str, lang: str) -> str:
    """`text` in the reader's quotation marks (Polish ones open low)."""
    return ("„" if lang == "pl" else "“") + text + "”"


def evidence_labels(triples: list, labels: dict, lang: str) -> dict:
    """Names for the parts of a quotation, which the graph leaves unnamed (their pages showed one another by
    IRI): its words '„CEKAS”', its place 'characters 3046–3051', the passage quoted 'Współpraca zagraniczna
    (2010), characters 3046–3051' and the quotation 'Quote „CEKAS”'; as Description.labels has them."""
    props: dict = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        props[s][p].append(o)
    words = {s: quoted(str(own[OA.exact][0]), lang) for s, own in props.items() if own.get(OA.exact)}
    places = {
        s: f"{gettext(lang, 'characters')} {own[OA.start][0]}–{own[OA.end][0]}"
        for s, own in props.items()
        if own.get(OA.start) and own.get(OA.end)
    }
    names = {**words, **places}
    for s, own in props.items():
        if own.get(OA.hasSource):
            source = term_label(labels, own[OA.hasSource][0], lang)
            place = next((places[x] for x in own.get(OA.hasSelector, []) if x in places), "")
            names[s] = f"{source}, {place}" if place else source
    for s, own in props.items():
        for target in own.get(OA.hasTarget, [])[:1]:
            said = next((words[x] for x in props.get(target, {}).get(OA.hasSelector, []) if x in words), "")
            names[s] = gettext(lang, "Quote {words}").format(words=said) if said else names.get(target, "")
    return {node: {lang: name} for node, name in names.items() if name}


def language_name(tag: str, lang: str) -> str:
    """A language tag as the reader says it: 'pl' -> 'polski' on a Polish page, 'Polish' on an English one."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag.replace("-", "_")).get_language_name(lang) or tag
    except (ValueError, UnknownLocaleError):
        return tag


def term_of(node, labels: dict, lang: str, linker: Linker) -> Term:
    """A value as a reader reads it: IRIs by their label (linked), literals with their language or
    datatype, dates and numbers in the reader's locale, long texts without the page's runs of blank lines."""
    if isinstance(node, URIRef):
        label = term_label(labels, node, lang)
        return Term("link", label, href=linker.iri(node), title=str(node), external=not is_local(node))
    if isinstance(node, BNode):
        return Term("blank", str(node))
    if not isinstance(node, Literal):
        return Term("plain", str(node))
    text, tag = str(node), node.language or ""
    if len(text) > 200 or "\n" in text:
        text = re.sub(r"\n\s*\n\s*", "\n\n", text.strip())
        return Term("block", text, lang=tag, note=language_name(tag, lang) if tag else "")
    if tag:
        return Term("tagged", text, lang=tag, note=language_name(tag, lang))
    if node.datatype == XSD.date:  # in the reader's language, the ISO form on hover
        return Term("date", format_date(text, lang), title=text)
    if node.datatype in NUMBERS:  # in the reader's locale, every digit kept; the datatype is the formats'
        try:
            return Term("plain", format_decimal(node.toPython(), locale=lang, decimal_quantization=False))
        except (TypeError, ValueError, ArithmeticError):
            return Term("plain", text)
    if node.datatype and node.datatype not in (XSD.string, XSD.gYear, XSD.gYearMonth):
        return Term("plain", text, note=term_label({}, node.datatype, lang))
    return Term("plain", text)


def render_term(node, labels: dict, lang: str, linker: Linker) -> str:
    """A value as HTML (templates/_terms.html)."""
    return str(environment(lang).get_template("_terms.html").module.term(term_of(node, labels, lang, linker)))


def evidence_of(ev: Evidence, labels: dict, lang: str, linker: Linker) -> dict:
    """A quotation backing a fact: its words, source page and place in it (templates/_terms.html)."""
    source = term_of(ev.source, labels, lang, linker) if ev.source is not None else None
    return {"quote": ev.quote, "source": source, "start": ev.start, "end": ev.end, "curated": ev.curated}


def summary_of(own: list, desc: Description, lang: str, linker: Linker) -> list[tuple[str, object]]:
    """When, where, who and what of an event, above its properties: (question, the date range's text or
    the values' Terms)."""
    rows = []
    for question, props in SUMMARY.items():
        values = [o for prop in props for p, o in own if p == prop]
        if not values:
            continue
        if question == "when":
            end = next((o for p, o in own if p == SCHEMA.endDate), None)
            text = format_date(values[0], lang)
            if end is not None and str(end) != str(values[0]):
                text += " – " + format_date(end, lang)
            rows.append((question, text))
        else:
            rows.append((question, [term_of(v, desc.labels, lang, linker) for v in dict.fromkeys(values)]))
    return rows


def _matches(ev: Evidence, value) -> bool:
    return ev.value is not None and (ev.value == value or str(ev.value) == str(value))


def property_rows(pairs, desc: Description, lang: str, linker: Linker, evidence: list[Evidence]) -> list:
    """A table of properties in reading order: (property Term, [(value Term, [quotations])])."""
    grouped = defaultdict(list)
    for p, o in pairs:
        grouped[p].append(o)
    rows = []
    for prop in sorted(grouped, key=lambda p: reading_key(p, term_label(desc.labels, p, lang))):
        if prop == WGS.lat:
            longitude = next((o for s, p, o in desc.triples if s == desc.iri and p == WGS.long), None)
            rows.append(
                (
                    Term("plain", gettext(lang, "Coordinates")),
                    [(coordinates_of(grouped[prop][0], longitude, lang), [])],
                )
            )
            continue
        cells = []
        for value in sorted(
            grouped[prop], key=lambda v: (getattr(v, "language", None) not in (None, lang), v)
        ):
            cited = [
                evidence_of(ev, desc.labels, lang, linker)
                for ev in evidence
                if ev.field == prop and _matches(ev, value)
            ]
            cells.append((value_of(prop, value, desc.labels, lang, linker), cited))
        rows.append((term_of(prop, desc.labels, lang, linker), cells))
    return rows


def value_of(prop, value, labels: dict, lang: str, linker: Linker) -> Term:
    """A property's value as term_of gives it, a registry's kind of organisation by its name."""
    if prop == URIRef(PG + "organisationKind") and str(value) in ORGANISATION_KINDS:
        return Term("coded", gettext(lang, ORGANISATION_KINDS[str(value)]), title=str(value))
    term = term_of(value, labels, lang, linker)
    if prop in WRAPPED and term.kind == "block":  # a paragraph wrapped in the Turtle file: one paragraph
        return dataclasses.replace(term, text=re.sub(r"(?<!\n)\n(?!\n)", " ", term.text))
    return term


def coordinates_of(lat, lon, lang: str) -> Term:
    """'52.52437° N, 13.41053° E' (a decimal comma in Polish), linked to OpenStreetMap."""
    if lon is None:
        return term_of(lat, {}, lang, Linker(lang=lang))
    y, x = float(lat), float(lon)
    text = ", ".join(
        f"{format_decimal(abs(v), format='0.#####', locale=lang)}° {sides[v < 0]}"
        for v, sides in ((y, "NS"), (x, "EW"))
    )
    osm = f"https://www.openstreetmap.org/?mlat={y}&mlon={x}#map=10/{y}/{x}"
    return Term("link", text, href=osm, title="OpenStreetMap", external=True)


def inbound_groups(desc: Description, lang: str, linker: Linker) -> list[dict]:
    """The resources linking here, grouped by their kind (events, organisations, cities...; by the link
    where the kind is none of those), the dated ones newest first with their dates, then the rest by name;
    each with the quotes that name this resource."""
    labels = desc.labels
    quotes = defaultdict(list)
    for ev in desc.mentions:
        quotes[ev.event].append(ev)
    groups: dict = defaultdict(dict)  # key -> subject -> its links here
    for s, p in desc.inverse:
        groups[_kind_of(s) or p].setdefault(s, []).append(p)
    kinds = list(INBOUND_KINDS)
    out = []
    for key in sorted(
        groups,
        key=lambda k: (
            (0, kinds.index(k), "") if k in INBOUND_KINDS else (1, 0, term_label(labels, k, lang).lower())
        ),
    ):
        links = groups[key]
        every = set().union(*map(set, links.values()))
        dated = sorted(
            (s for s in links if desc.dates.get(s)), key=lambda s: (desc.dates[s], str(s)), reverse=True
        )
        undated = sorted(
            (s for s in links if not desc.dates.get(s)),
            key=lambda s: text_key(term_label(labels, s, lang), lang),
        )
        items = []
        for s in dated + undated:
            seen, cited = set(), []
            for ev in quotes.get(s, []):
                if ev.field in links[s] and (ev.quote, ev.source, ev.start) not in seen:
                    seen.add((ev.quote, ev.source, ev.start))
                    cited.append(evidence_of(ev, labels, lang, linker))
            how = sorted(links[s]) if len(every) > 1 and set(links[s]) != every else []  # when it differs
            items.append(
                {
                    "date": desc.dates.get(s),
                    "term": term_of(s, labels, lang, linker),
                    "how": [term_label(labels, p, lang) for p in how],
                    "quotes": cited,
                }
            )
        name = gettext(lang, INBOUND_KINDS[key]) if key in INBOUND_KINDS else term_label(labels, key, lang)
        out.append({"label": name, "id": key if key in INBOUND_KINDS else None, "items": items})
    return out


def _kind_of(iri) -> str | None:
    """'event' for an event's IRI (id/event/...), and so on for the kinds of INBOUND_KINDS."""
    text = str(iri)
    if not text.startswith(str(iris.ID)):
        return None
    kind = text[len(str(iris.ID)) :].split("/", 1)[0]
    return kind if kind in INBOUND_KINDS else None


def render_resource(
    desc: Description, lang: str, linker: Linker, other_lang_href: str | None = None, place_map: str = ""
) -> str:
    """A resource's page (templates/resource.html): its title and kind, an event's summary, its properties
    in reading order with the quotes backing them, a place's map (`place_map`, portal/viz.py), the
    resources linking to it by kind and date; its IRI, '#' parts and RDF formats at the end."""
    iri = str(desc.iri)
    named = evidence_labels(desc.triples, desc.labels, lang)
    if named:  # a copy: a description may be kept between requests
        desc = dataclasses.replace(desc, labels={**named, **desc.labels})
    labels = desc.labels
    linker.known = desc.described | {iri}
    by_subject: dict = defaultdict(list)
    for s, p, o in desc.triples:
        by_subject[s].append((p, o))
    own = by_subject.pop(desc.iri, [])
    types = [o for p, o in own if p == RDF.type]
    linked = {o for p, o in own}
    title = term_label(labels, desc.iri, lang)
    parts = [
        (
            str(subject).split("#", 1)[1] if "#" in str(subject) else str(subject),
            term_label(labels, subject, lang),
            property_rows([po for po in pairs if po[0] != RDF.type], desc, lang, linker, evidence=[]),
        )
        # what the resource links to first (a quotation's passage, then the passage's words and place)
        for subject, pairs in sorted(by_subject.items(), key=lambda sp: (sp[0] not in linked, str(sp[0])))
    ]
    return render(
        "resource.html",
        lang,
        title=title,
        linker=linker,
        other_lang_href=other_lang_href,
        iri=iri,
        identifiers=[str(o) for p, o in own if p == DCTERMS.identifier],
        types=[term_of(t, labels, lang, linker) for t in types],
        is_ontology=iri == str(iris.DEF),
        summary=summary_of(own, desc, lang, linker) if URIRef(PG + "Event") in types else [],
        properties=property_rows(reader_pairs(own, title, desc.evidence), desc, lang, linker, desc.evidence),
        parts=parts,
        place_map=markup(place_map),
        formats=[(linker.iri(iri, suffix=f.suffix), f.media_type, f.suffix) for f in GRAPH_FORMATS],
        inbound=inbound_groups(desc, lang, linker) if desc.inverse else [],
        truncated=len(desc.inverse) if desc.inverse_truncated else 0,
        more_href=_events_list_of(iri, linker),
    )


# the event list's filter for a resource the events link to, by its IRI's path: country/de -> country=DE
EVENT_FILTER_PATHS = {
    str(iris.ID) + "country/": "country",
    **{
        str(iris.DEF) + path + "/": name
        for name, path in (("type", "event-type"), ("direction", "direction"), ("topic", "topic"))
    },
}


def _events_list_of(iri: str, linker: Linker) -> str | None:
    """The list of events filtered to this country, topic, type or direction (the page shows only the
    first of its links); none on the static site, whose lists filter nothing."""
    if linker.static:
        return None
    for prefix, name in EVENT_FILTER_PATHS.items():
        value = iri[len(prefix) :] if iri.startswith(prefix) else ""
        if value and "/" not in value:
            base = linker.page("browse/events")
            return f"{base}{'&' if '?' in base else '?'}{urlencode({name: value.upper() if name == 'country' else value})}"
    return None


def render_message(title: str, message: str, lang: str, linker: Linker, status_class: str = "error") -> str:
    return render("error.html", lang, title=title, message=message, linker=linker)


def cell_of(node, column: str, labels: dict, lang: str, linker: Linker, codes: dict) -> tuple[Term, bool]:
    """A value of a results table as a reader wants it, and whether it is a number: no datatype or language
    tags, numbers in the reader's locale (a year without a thousands separator), a taxonomy code
    ("StudyVisit") as its label; IRIs, dates and long texts as term_of gives them."""
    if (
        not isinstance(node, Literal)
        or len(str(node)) > 200
        or "\n" in str(node)
        or node.datatype == XSD.date
    ):
        return term_of(node, labels, lang, linker), False
    text = str(node)
    if node.datatype in NUMBERS:
        year = "year" in column.lower() and text.isdigit()
        return Term("plain", text if year else format_number(node.toPython(), lang)), True
    if node.language:
        return Term("tagged", text, lang=node.language), False
    if text in codes:
        return Term("coded", codes[text], title=text), False
    if text.split() and all(code in codes for code in text.split()):  # 'DE FR': countries by code
        return Term("coded", ", ".join(codes[code] for code in text.split()), title=text), False
    return Term("plain", text), False


def render_results(
    answer,
    lang: str,
    linker: Linker,
    labels: dict | None = None,
    codes: dict | None = None,
    columns: dict | None = None,
    countries: dict | None = None,
) -> str:
    """A query answer as an HTML table (SELECT), yes/no (ASK) or a table of triples (CONSTRUCT), drawn by
    templates/_results.html. `codes`: taxonomy codes (skos:notation) -> their labels in `lang`; `columns`:
    variable -> its header (a saved query's column labels, in `lang`), the variable itself in the
    header's title. In a saved query's table, a column of ISO country codes shows the countries' names
    (`countries`: code -> name in `lang`; the downloads keep the codes), and a column that repeats another's
    links is left out (`repeated_columns`)."""
    labels = labels or {}
    if answer.form == "ask":
        return render("_results.html", lang, boolean=answer.boolean, header=[], rows=[])
    if answer.form == "graph":
        header = ["subject", "predicate", "object"]
        rows = [dict(zip(header, t, strict=True)) for t in answer.triples]
    else:
        header, rows = answer.variables, answer.rows
    columns = dict(columns or {})
    by_code = {}
    if answer.form == "select" and columns and countries:  # a saved query's table; an ad hoc one is as asked
        by_code = {v: countries for v in header if is_country_column(rows, v, countries)}
        if "iso" in by_code:  # the saved queries' 'Country code' column now shows the country
            columns["iso"] = gettext(lang, COUNTRY)
    cells = {
        v: [
            cell_of(row[v], v, labels, lang, linker, by_code.get(v) or codes or {})
            if v in row
            else (None, False)
            for row in rows
        ]
        for v in header
    }
    if answer.form == "select" and columns:
        header = [v for v in header if v not in repeated_columns(header, cells)]
    return render(
        "_results.html",
        lang,
        boolean=None,
        header=[(v, columns.get(v), columns.get(v, v)) for v in header],  # (variable, its label, name shown)
        rows=[[cells[v][i] for v in header] for i in range(len(rows))],
    )


COUNTRY = N_("Country")


def is_country_column(rows: list[dict], column: str, countries: dict) -> bool:
    """Whether every value of `column` is one or more ISO country codes ('DE', 'DE FR') known to the graph."""
    values = [row[column] for row in rows if column in row]
    return bool(values) and all(
        isinstance(value, Literal) and value.split() and all(code in countries for code in value.split())
        for value in values
    )


# what a cell's kind gives beside its text: a link most, then a code (shown by its label, the code its title)
GIVES_MORE = {"link": 2, "coded": 1}


def repeated_columns(header: list[str], cells: dict[str, list]) -> set[str]:
    """The columns whose text each row already shows in another column that gives more (an event's title
    beside the event, linked by that title; a country's name or code beside the country; a topic's name
    beside its code, shown by that name): left out of the table a reader sees; the downloads keep them."""
    repeated = set()
    for v in header:
        for u in header:
            if (
                u != v
                and cells[v]
                and all(
                    shown is not None
                    and other is not None
                    and GIVES_MORE.get(other.kind, 0) > GIVES_MORE.get(shown.kind, 0)
                    and shown.text == other.text
                    for (shown, _), (other, _) in zip(cells[v], cells[u], strict=True)
                )
            ):
                repeated.add(v)
                break
    return repeated


def render_query_list(queries: dict, lang: str, linker: Linker, other_lang_href: str | None = None) -> str:
    """The saved queries by title in the reader's language (the files are named in English), each with
    what the reader can choose in it (were the variables: topic, year_from, year_to)."""
    items = [
        {
            "href": linker.page("queries/" + name),
            "title": _t(lang, saved.title) or name,
            "choices": [_t(lang, p.description) or n for n, p in saved.parameters.items() if n != "lang"],
            "description": _t(lang, saved.description),
        }
        for name, saved in queries.items()
    ]
    items.sort(key=lambda item: text_key(item["title"], lang))
    return render(
        "queries.html",
        lang,
        title=gettext(lang, "Saved queries"),
        linker=linker,
        other_lang_href=other_lang_href,
        items=items,
    )


def render_query_page(
    saved,
    choices: dict[str, list[tuple[str, str]]],
    values: dict[str, str],
    lang: str,
    linker: Linker,
    results_html: str = "",
    error: str = "",
    other_lang_href: str | None = None,
) -> str:
    """A saved query as a form (one field per parameter, a select when the graph gives choices), and
    its results with download links (templates/saved_query.html)."""
    fields = [
        {
            "name": name,
            "text": _t(lang, param.description),
            "current": values.get(name, param.default or ""),
            "choices": choices.get(name) or [],
            "kind": "number" if param.type in ("integer", "year") else "text",
        }
        for name, param in saved.parameters.items()
        if name != "lang"  # the names' language is the page's (?lang= sets both): no choice of its own
    ]
    action = linker.page("queries/" + saved.name).split("?")[0]
    params = {k: v for k, v in values.items() if k in saved.parameters}
    downloads = [
        (fmt.upper(), action + "?" + urlencode({**params, "format": fmt}))
        for fmt in ("csv", "json", "tsv", "xml")
    ]
    return render(
        "saved_query.html",
        lang,
        title=_t(lang, saved.title) or saved.name,
        linker=linker,
        other_lang_href=other_lang_href,
        description=_t(lang, saved.description),
        fields=fields,
        action=action,
        text=saved.text,
        error=error,
        results=markup(results_html),
        downloads=downloads,
    )


# the English words YASGUI writes into its controls itself; query.js puts the reader's in their place
YASGUI_STRINGS = (
    N_("Simple view"),
    N_("Ellipse"),
    N_("Filter query results"),
    N_("Page size: "),
    N_("All"),
    N_("Download result"),
    N_("Download Results"),
    N_("Download not supported"),
    N_("Show all"),
    N_("Share query"),
    N_("Shorten"),
    N_("Run query"),
    N_("Open settings"),
    N_("Close settings"),
    N_("Clear endpoint"),
    N_("Add tab"),
    N_("Close tab"),
    N_("Copy Tab"),
    N_("Close Tab"),
    N_("Close other tabs"),
    N_('Press "enter" to add this endpoint'),
    N_("Try query in a new browser window"),
    N_("Unable to get response from endpoint. Possible reasons:"),
    N_("Incorrect endpoint URL"),
    N_("Endpoint is down"),
    N_("An error has occurred"),
    N_("Response"),
)


def render_adhoc(
    query: str,
    lang: str,
    linker: Linker,
    results_html: str = "",
    error: str = "",
    other_lang_href=None,
    examples: dict | None = None,
    endpoint: str = "/sparql",
    formats: tuple[str, ...] = (),
) -> str:
    """The SPARQL page: YASGUI (static/dist/query.js) over a plain form that works without scripts.
    `formats`: the names of the formats the results can be downloaded in (those of their form)."""
    from ..rdf.vocab import PREFIXES

    examples = examples or {}
    config = {
        "endpoint": endpoint,
        "prefixes": {name: str(ns) for name, ns in PREFIXES.items()},
        "examples": examples,
        "labels": {
            "editor": gettext(lang, "SPARQL query"),
            "endpoint": gettext(lang, "Endpoint"),
            "results": gettext(lang, "Results"),
            "views": {"table": gettext(lang, "Table"), "response": gettext(lang, "Response")},  # YASR's
            "tab": gettext(lang, "Query"),
            "answer": gettext(lang, "Rows: {n} ({s} s)"),  # was YASR's "4 results in 0.056 seconds"
            "yasgui": {text: gettext(lang, text) for text in YASGUI_STRINGS},  # its English, as it writes it
            "table": {  # DataTables' words under YASR's table
                "info": gettext(lang, "Rows _START_ to _END_ of _TOTAL_"),
                "infoEmpty": gettext(lang, "No rows"),
                "infoFiltered": gettext(lang, "(filtered from _MAX_)"),
                "emptyTable": gettext(lang, "No rows"),
                "zeroRecords": gettext(lang, "No row matches"),
                "aria": {
                    "paginate": {
                        "first": gettext(lang, "First page"),
                        "previous": gettext(lang, "Previous page"),
                        "next": gettext(lang, "Next page"),
                        "last": gettext(lang, "Last page"),
                    }
                },
            },
            "chart": {  # the chart view of the results (frontend/src/yasr-chart.js)
                "chart": gettext(lang, "Chart"),
                "x": gettext(lang, "Along"),
                "y": gettext(lang, "Value"),
                "colour": gettext(lang, "Colour by"),
                "none": gettext(lang, "nothing"),
                "mark": gettext(lang, "Drawn as"),
                "bar": gettext(lang, "bars"),
                "line": gettext(lang, "a line"),
                "point": gettext(lang, "points"),
                "save": gettext(lang, "Save the chart"),
            },
        },
    }
    return render(
        "query.html",
        lang,
        title=gettext(lang, "SPARQL query"),
        linker=linker,
        other_lang_href=other_lang_href,
        nav="query",
        query=query,
        endpoint=endpoint,
        examples=examples,
        config=config,
        results=markup(results_html),
        formats=formats,
        error=error,
    )
