"""The HTML pages, as plain functions of their data (the server and the static site both call them).
Every value that reaches the page goes through `esc()`."""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urlencode

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .. import iris
from ..rdf.vocab import SCHEMA, WGS
from ._html import (
    TERM_LABELS,
    Linker,
    alternate_links,
    esc,
    is_local,
    layout,
    same_as_name,
    short_name,
    ui_strings,
)
from .collate import text_key
from .describe import Description, Evidence
from .templating import N_, gettext

PG = str(iris.DEF)
# properties in the order a reader wants them: what, when, where, who, about what, then the rest; the
# source and identifiers last
READING_ORDER = [
    RDF.type,
    SCHEMA.name,
    SKOS.altLabel,
    URIRef(PG + "eventType"),
    SCHEMA.startDate,
    SCHEMA.endDate,
    URIRef(PG + "direction"),
    SCHEMA.location,
    URIRef(PG + "involvesCountry"),
    URIRef(PG + "involvesCity"),
    URIRef(PG + "involvesOrganisation"),
    URIRef(PG + "involvesUnit"),
    URIRef(PG + "involvesPerson"),
    URIRef(PG + "participantKind"),
    DCTERMS.subject,
    URIRef(PG + "partOfProject"),
    URIRef(PG + "fundedByProgramme"),
]
LAST = [URIRef(PG + "sectionText"), PROV.wasDerivedFrom, DCTERMS.identifier, OWL.sameAs]
LABELS = (RDFS.label, SKOS.prefLabel, SCHEMA.name)
SUMMARY = {  # the summary of an event: a line per question, with the properties answering it
    "when": (SCHEMA.startDate,),
    "where": (SCHEMA.location, URIRef(PG + "involvesCity"), URIRef(PG + "involvesCountry")),
    "who": (URIRef(PG + "involvesOrganisation"), URIRef(PG + "involvesUnit"), URIRef(PG + "involvesPerson")),
    "what": (URIRef(PG + "eventType"), URIRef(PG + "direction"), DCTERMS.subject),
}


def reading_key(prop, label: str) -> tuple:
    if prop in READING_ORDER:
        return (0, READING_ORDER.index(prop), "")
    if prop in LAST:
        return (2, LAST.index(prop), "")
    return (1, 0, label.lower())


def without_repeated_labels(pairs: list) -> list:
    """The labels that only repeat the name (label, preferred label, name with the same text) left out."""
    shown: set[str] = set()
    out = []
    for p, o in sorted(pairs, key=lambda po: LABELS.index(po[0]) if po[0] in LABELS else -1):
        if p in LABELS:
            text = str(o)
            if text in shown:
                continue
            shown.add(text)
        out.append((p, o))
    return out


def _t(lang: str, message: str) -> str:
    """A saved query's title, description or parameter text in `lang` (the catalogs hold them)."""
    from .templating import gettext

    return gettext(lang, message) if message else message


def render_summary(own: list, desc: Description, lang: str, linker: Linker) -> str:
    """When, where, who and what of an event, above its properties."""
    from .templating import N_, format_date, gettext

    names = {"when": N_("When"), "where": N_("Where"), "who": N_("Who"), "what": N_("What")}
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
            shown = esc(text)
        else:
            seen, parts = set(), []
            for v in values:
                if v not in seen:
                    seen.add(v)
                    parts.append(render_term(v, desc.labels, lang, linker))
            shown = ", ".join(parts)
        rows.append(f"<dt>{esc(gettext(lang, names[question]))}</dt><dd>{shown}</dd>")
    return f'<dl class="summary">{"".join(rows)}</dl>' if rows else ""


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
    return name if "://" not in name else same_as_name(node)  # another site's IRI: "Wikidata Q183"


def language_name(tag: str, lang: str) -> str:
    """A language tag as the reader says it: 'pl' -> 'polski' on a Polish page, 'Polish' on an English one."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag.replace("-", "_")).get_language_name(lang) or tag
    except (ValueError, UnknownLocaleError):
        return tag


def render_term(node, labels: dict, lang: str, linker: Linker) -> str:
    """A value as HTML: IRIs linked (with their label), literals with their language or datatype."""
    if isinstance(node, URIRef):
        label = term_label(labels, node, lang)
        href = linker.iri(node)
        external = "" if is_local(node) else ' rel="nofollow"'
        return f'<a href="{esc(href)}"{external} title="{esc(node)}">{esc(label)}</a>'
    if isinstance(node, BNode):
        return f"<code>_:{esc(node)}</code>"
    if isinstance(node, Literal):
        text = str(node)
        lang_attr = f' lang="{esc(node.language)}"' if node.language else ""
        if len(text) > 200 or "\n" in text:
            text = re.sub(r"\n\s*\n\s*", "\n\n", text.strip())  # runs of blank lines from the page's layout
            return f'<div class="text"{lang_attr}>{esc(text)}</div>'
        body = esc(text)
        if node.language:
            tag = esc(node.language)
            return f'<span lang="{tag}">{body}</span> <span class="meta">({esc(language_name(node.language, lang))})</span>'
        if node.datatype == XSD.date:  # a date in the reader's language, the ISO form on hover
            from .templating import format_date

            return f'<time datetime="{body}">{esc(format_date(text, lang))}</time>'
        if node.datatype in NUMBERS:  # in the reader's locale, every digit kept; the datatype is the formats'
            from babel.numbers import format_decimal

            try:
                return esc(format_decimal(node.toPython(), locale=lang, decimal_quantization=False))
            except (TypeError, ValueError, ArithmeticError):
                return body
        if node.datatype and node.datatype not in (XSD.string, XSD.gYear, XSD.gYearMonth):
            return f'{body} <span class="meta">{esc(term_label({}, node.datatype, lang))}</span>'
        return body
    return esc(node)


def render_evidence(ev: Evidence, labels: dict, lang: str, linker: Linker, with_field: bool = False) -> str:
    ui = ui_strings(lang)
    parts = []
    if ev.quote:
        opening = "„" if lang == "pl" else "“"  # Polish quotes open low
        parts.append(f"<blockquote>{opening}{esc(ev.quote)}”</blockquote>")
    meta = []
    if with_field and ev.event is not None:
        meta.append(render_term(ev.event, labels, lang, linker))
        meta.append(esc(term_label(labels, ev.field, lang)))
    if ev.source is not None:
        meta.append(f"{esc(ui['source'])}: {render_term(ev.source, labels, lang, linker)}")
    if ev.start is not None:
        meta.append(f"{esc(ui['chars'])} {ev.start}–{ev.end}")
    if ev.curated:
        meta.append(esc(ui["curated"]))
    if meta:
        parts.append(f'<div class="meta">{" · ".join(meta)}</div>')
    return "".join(parts)


def _matches(ev: Evidence, value) -> bool:
    return ev.value is not None and (ev.value == value or str(ev.value) == str(value))


def render_resource(
    desc: Description, lang: str, linker: Linker, other_lang_href: str | None = None, place_map: str = ""
) -> str:
    """A resource's page; `place_map` is the small map of a city or a country (portal/viz.py)."""
    ui = ui_strings(lang)
    iri = str(desc.iri)
    labels = desc.labels
    linker.known = desc.described | {iri}
    title = term_label(labels, desc.iri, lang)
    by_subject: dict = defaultdict(list)
    for s, p, o in desc.triples:
        by_subject[s].append((p, o))
    own = by_subject.pop(desc.iri, [])
    types = [o for p, o in own if p == RDF.type]
    head, visible_formats = alternate_links(linker, iri)
    out = [f"<h1>{esc(title)}</h1>", f'<p class="iri">{esc(ui["iri"])}: <code>{esc(iri)}</code></p>']
    if types:
        out.append(
            f"<p>{esc(ui['types'])}: "
            + ", ".join(render_term(t, labels, lang, linker) for t in types)
            + "</p>"
        )
    lat = next((o for p, o in own if p == WGS.lat), None)
    lon = next((o for p, o in own if p == WGS.long), None)
    if lat is not None and lon is not None:
        osm = f"https://www.openstreetmap.org/?mlat={float(lat)}&mlon={float(lon)}#map=10/{float(lat)}/{float(lon)}"
        out.append(
            f'<p>{esc(ui["coordinates"])}: <span class="geo">{esc(lat)}, {esc(lon)}</span> '
            f'(<a href="{esc(osm)}" rel="nofollow">{esc(ui["map"])}</a>)</p>'
        )
    same = [o for p, o in own if p == OWL.sameAs]
    if same:
        links = ", ".join(
            f'<a href="{esc(o)}" rel="nofollow" title="{esc(o)}">{esc(same_as_name(o))}</a>' for o in same
        )
        out.append(f"<p>{esc(ui['sameas'])}: {links}</p>")
    if iri == str(iris.DEF):  # the ontology itself: its documentation
        out.append(f'<p><a href="{esc(linker.page("ontology"))}">{esc(ui["ontology"])} (HTML)</a></p>')
    if URIRef(PG + "Event") in types:
        out.append(render_summary(own, desc, lang, linker))
    out.append(f"<h2>{esc(ui['properties'])}</h2>")
    out.append(_property_table(without_repeated_labels(own), desc, lang, linker, evidence=desc.evidence))
    for subject, pairs in sorted(by_subject.items()):
        fragment = str(subject).split("#", 1)[1] if "#" in str(subject) else str(subject)
        out.append(f'<h2 id="{esc(fragment)}"><code>#{esc(fragment)}</code></h2>')
        out.append(_property_table(pairs, desc, lang, linker, evidence=[]))
    if place_map:  # below the facts: drawn when scrolled to (Vega is half a second of a phone's time)
        out.append(place_map)
    out.append(f'<p class="formats">{esc(ui["formats"])}: {visible_formats}</p>')
    if desc.inverse:
        out.append(f"<h2>{esc(ui['inverse'])}</h2>")
        out.append(_inverse_links(desc, lang, linker))
        if desc.inverse_truncated:
            more = _events_list_of(iri, linker)
            link = f' · <a href="{esc(more)}">{esc(ui["browse_all"])}</a>' if more else ""
            out.append(f'<p class="meta">{esc(ui["truncated"].format(n=len(desc.inverse)))}{link}</p>')
    return layout(title, "\n".join(out), lang=lang, linker=linker, other_lang_href=other_lang_href, head=head)


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


def _inverse_links(desc: Description, lang: str, linker: Linker) -> str:
    """The resources linking here, grouped by the link (as the reader says it), newest first, with their
    dates and the quotes that name this resource."""
    from .templating import format_date

    labels = desc.labels
    quotes = defaultdict(list)
    for ev in desc.mentions:
        quotes[(ev.event, ev.field)].append(ev)
    groups = defaultdict(list)
    for s, p in desc.inverse:
        groups[p].append(s)
    out = []
    for prop in sorted(groups, key=lambda p: reading_key(p, term_label(labels, p, lang))):
        subjects = sorted(groups[prop], key=lambda s: (desc.dates.get(s, ""), str(s)), reverse=True)
        items = []
        for s in subjects:
            date = desc.dates.get(s)
            when = f'<time datetime="{esc(date)}">{esc(format_date(date, lang))}</time> · ' if date else ""
            cited = "".join(render_evidence(ev, labels, lang, linker) for ev in quotes.get((s, prop), []))
            items.append(f"<li>{when}{render_term(s, labels, lang, linker)}{cited}</li>")
        out.append(
            f'<h3>{esc(term_label(labels, prop, lang))} <span class="meta">({len(subjects)})</span></h3>'
            f'<ul class="inbound">{"".join(items)}</ul>'
        )
    return "\n".join(out)


def _property_table(pairs, desc: Description, lang: str, linker: Linker, evidence: list[Evidence]) -> str:
    ui = ui_strings(lang)
    grouped = defaultdict(list)
    for p, o in pairs:
        grouped[p].append(o)
    rows = []
    for prop in sorted(grouped, key=lambda p: reading_key(p, term_label(desc.labels, p, lang))):
        cells = []
        for value in sorted(grouped[prop]):
            cited = [ev for ev in evidence if ev.field == prop and _matches(ev, value)]
            quote = "".join(render_evidence(ev, desc.labels, lang, linker) for ev in cited)
            if quote:
                quote = f'<div class="evidence" title="{esc(ui["evidence"])}">{quote}</div>'
            cells.append(f"<div>{render_term(value, desc.labels, lang, linker)}{quote}</div>")
        rows.append(
            f'<tr><th scope="row">{render_term(prop, desc.labels, lang, linker)}</th>'
            f"<td>{''.join(cells)}</td></tr>"
        )
    return "<table><tbody>" + "".join(rows) + "</tbody></table>"


def render_message(title: str, message: str, lang: str, linker: Linker, status_class: str = "error") -> str:
    from .templating import render

    return render("error.html", lang, title=title, message=message, linker=linker)


NUMBERS = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}


def render_cell(node, column: str, labels: dict, lang: str, linker: Linker, codes: dict) -> tuple[str, bool]:
    """A value of a results table as a reader wants it, and whether it is a number: no datatype or language
    tags, numbers in the reader's locale (a year without a thousands separator), a taxonomy code
    ("StudyVisit") as its label; IRIs, dates and long texts as render_term shows them."""
    if (
        not isinstance(node, Literal)
        or len(str(node)) > 200
        or "\n" in str(node)
        or node.datatype == XSD.date
    ):
        return render_term(node, labels, lang, linker), False
    text = str(node)
    if node.datatype in NUMBERS:
        from .templating import format_number

        year = "year" in column.lower() and text.isdigit()
        return esc(text if year else format_number(node.toPython(), lang)), True
    if node.language:
        return f'<span lang="{esc(node.language)}">{esc(text)}</span>', False
    if text in codes:
        return f'<span title="{esc(text)}">{esc(codes[text])}</span>', False
    return esc(text), False


def render_results(
    answer,
    lang: str,
    linker: Linker,
    labels: dict | None = None,
    codes: dict | None = None,
    columns: dict | None = None,
) -> str:
    """A query answer as an HTML table (SELECT), yes/no (ASK) or a table of triples (CONSTRUCT).
    `codes`: taxonomy codes (skos:notation) -> their labels in `lang`; `columns`: variable -> its header
    (a saved query's column labels, in `lang`), the variable itself in the header's title; a saved query's
    column that repeats another's links is left out (`repeated_columns`)."""
    ui = ui_strings(lang)
    labels = labels or {}
    if answer.form == "ask":
        return f"<p><strong>{esc(ui['yes'] if answer.boolean else ui['no'])}</strong></p>"
    if answer.form == "graph":
        header = ["subject", "predicate", "object"]
        rows = [dict(zip(header, t, strict=True)) for t in answer.triples]
    else:
        header, rows = answer.variables, answer.rows
        if columns:  # a saved query's table; an ad hoc query shows every column it asks for
            repeated = repeated_columns(header, rows, labels, lang)
            header = [v for v in header if v not in repeated]
    columns = columns or {}
    names = {v: columns.get(v, v) for v in header}
    head = "".join(
        f'<th scope="col" title="?{esc(v)}">{esc(columns[v])}</th>'
        if v in columns
        else f'<th scope="col">{esc(v)}</th>'
        for v in header
    )
    body = []
    for row in rows:
        cells = []
        for v in header:
            html, number = (
                render_cell(row[v], v, labels, lang, linker, codes or {}) if v in row else ("", False)
            )
            label = f' data-label="{esc(names[v])}"'  # shown above the value on a phone (portal.css)
            cells.append(f'<td class="num"{label}>{html}</td>' if number else f"<td{label}>{html}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    count = f'<p class="meta">{len(rows)} {esc(ui["rows"])}</p>'
    return f"{count}<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def repeated_columns(header: list[str], rows: list[dict], labels: dict, lang: str) -> set[str]:
    """The columns whose text each row already shows as another column's link (an event's title beside the
    event, linked by that title): left out of the table a reader sees; the downloads keep them."""
    repeated = set()
    for v in header:
        for u in header:
            if (
                u != v
                and rows
                and all(
                    isinstance(row.get(v), Literal)
                    and isinstance(row.get(u), URIRef)
                    and str(row[v]) == term_label(labels, row[u], lang)
                    for row in rows
                )
            ):
                repeated.add(v)
                break
    return repeated


def render_query_list(queries: dict, lang: str, linker: Linker, other_lang_href: str | None = None) -> str:
    ui = ui_strings(lang)
    items = []
    titled = sorted(queries.items(), key=lambda item: text_key(_t(lang, item[1].title) or item[0], lang))
    for name, saved in titled:  # by title in the reader's language (the files are named in English)
        # what the reader can choose, in their language (were the variables: topic, year_from, year_to)
        params = "; ".join(
            _t(lang, param.description) or name for name, param in saved.parameters.items() if name != "lang"
        )
        choose = f" <span class=meta>({esc(ui['choose'])}: {esc(params)})</span>" if params else ""
        items.append(
            f'<li><a href="{esc(linker.page("queries/" + name))}">{esc(_t(lang, saved.title) or name)}</a>'
            f"{choose}"
            f"<br><span class=meta>{esc(_t(lang, saved.description))}</span></li>"
        )
    body = f"<h1>{esc(ui['queries'])}</h1>\n<ul>{''.join(items)}</ul>"
    return layout(ui["queries"], body, lang=lang, linker=linker, other_lang_href=other_lang_href)


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
    its results with download links."""
    ui = ui_strings(lang)
    fields = []
    for name, param in saved.parameters.items():
        if name == "lang":  # the names' language is the page's (?lang= sets both): no choice of its own
            continue
        current = values.get(name, param.default or "")
        text = _t(lang, param.description)
        label = f"{esc(text)} <code class=meta>{esc(name)}</code>" if text else f"<code>{esc(name)}</code>"
        if choices.get(name):
            options = "".join(
                f'<option value="{esc(value)}"{" selected" if value == current else ""}>{esc(text)}</option>'
                for value, text in choices[name]
            )
            control = f'<select name="{esc(name)}" id="p-{esc(name)}">{options}</select>'
        else:
            kind = "number" if param.type in ("integer", "year") else "text"
            control = f'<input type="{kind}" name="{esc(name)}" id="p-{esc(name)}" value="{esc(current)}">'
        fields.append(f'<label for="p-{esc(name)}">{label}<br>{control}</label>')
    action = linker.page("queries/" + saved.name).split("?")[0]
    hidden = f'<input type="hidden" name="lang" value="{esc(lang)}">' if linker.lang_in_links else ""
    form = (
        f'<form class="params" method="get" action="{esc(action)}">{"".join(fields)}{hidden}'
        f'<input type="hidden" name="run" value="1"><button type="submit">{esc(ui["run"])}</button></form>'
    )
    params = {k: v for k, v in values.items() if k in saved.parameters}
    downloads = " ".join(
        f'<a href="{esc(action + "?" + urlencode({**params, "format": fmt}))}" download>{fmt.upper()}</a>'
        for fmt in ("csv", "json", "tsv", "xml")
    )
    out = [
        f"<h1>{esc(_t(lang, saved.title) or saved.name)}</h1>",
        f"<p>{esc(_t(lang, saved.description))}</p>",
        f"<h2>{esc(ui['parameters'])}</h2>" if set(saved.parameters) - {"lang"} else "",
        form,
        f"<details><summary>{esc(ui['query'])}</summary><pre>{esc(saved.text)}</pre></details>",
    ]
    if error:
        out.append(f'<p class="error">{esc(error)}</p>')
    if results_html:
        out += [
            f"<h2>{esc(ui['results'])}</h2>",
            f'<p class="formats">{esc(ui["download"])}: {downloads}</p>',
            results_html,
        ]
    title = _t(lang, saved.title) or saved.name
    return layout(title, "\n".join(out), lang=lang, linker=linker, other_lang_href=other_lang_href)


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
    from .templating import gettext, markup, render

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
