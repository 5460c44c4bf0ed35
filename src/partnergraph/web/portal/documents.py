"""`/network` (the interactive network, views/network.py) and `/ontology` (pyLODE's documentation): whole
HTML documents made elsewhere, given the site's header here so that every page leads to the others."""

from __future__ import annotations

import re
import threading
from html import escape

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from rdflib.namespace import OWL

from .._html import TERM_LABELS, Linker
from .._http import html_response, lang_of, other_lang_href, state_of, text_response
from ..templating import N_, STATIC, format_date, gettext, render

router = APIRouter()
BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)
MAX_FOCUS_DEPTH = 3  # a focus page's neighbourhood; beyond 3 it is most of the graph, drawn each time
_focus_renders = threading.Semaphore(1)


def with_site_header(
    page: str, lang: str, linker: Linker, other_href: str | None, nav: str, skip: str
) -> str:
    """`page` with the site header after <body>, and in its <head> the header's stylesheet (inline: these pages
    allow no other) and the theme's script (static/theme.js, not deferred: the theme before the first paint)."""
    header = render(
        "_header.html", lang, linker=linker, other_lang_href=other_href, nav=nav, skip_target=skip
    )
    css = (STATIC / "header.css").read_text(encoding="utf-8")
    theme = f'<script src="{escape(linker.file("static/theme.js"))}"></script>'
    match = BODY.search(page)
    if match is None or "</head>" not in page:
        return page
    at = match.end()
    page = f"{page[:at]}\n{header}{page[at:]}"
    return page.replace("</head>", f"<style>{css}</style>\n{theme}\n</head>", 1)


# pyLODE's pale superscripts (orange, light blue on white) and grey credit line darkened to a 4.5:1 contrast.
# The site header runs edge to edge as on every other page (pyLODE's body padding held it in: 70 px a side,
# 16 px on a phone) and, beside pyLODE's fixed table of contents, stops where the contents begin (202 px:
# 180 wide, 10 padding a side, a border). The credit line stands level at the end (turned on its side it ran
# into the text once in Polish). On a phone pyLODE's fixed table of contents covered half the text and its
# concept tables were 850 px wide: there the contents come first in the flow, tables keep to the width.
# Its colours are light-dark() pairs: dark where the site's header sets color-scheme dark (the reader's theme),
# each at least 4.5:1 on its background in both.
ONTOLOGY_STYLE = (
    "<style>body{color:light-dark(#000,#e6e6e6);background:light-dark(#fff,#121417)}"
    "h1,h2,h3{color:light-dark(#005a9c,#8cc4ff);background:none}"
    ":link,#pylode a{color:light-dark(#00c,#8cc4ff)}:visited{color:light-dark(#609,#d4b0ff)}"
    "a:active{color:light-dark(#c00,#ff9d8f)}.proplink{color:light-dark(#336,#b8c8ff)}"
    "code,.sup-ap,.sup-col,#profile{color:light-dark(#8b0000,#ff9d8f)!important}"
    ".cardinality{color:light-dark(#a0a,#e79be7)}ul.hlist,ul.hierarchy{background:light-dark(#f4ffff,#1d2528)}"
    ".entity,ul.hlist,ul.hierarchy,h3,#toc{border-color:light-dark(navy,#5a6b8c)}"
    ".sup-c,.sup-con{color:light-dark(#a34d00,#ffb366)}.sup-fp{color:light-dark(#1c5f8f,#8cc4ff)}"
    ".sup-dp{color:light-dark(#1b6b1b,#8fd18f)}.sup-op{color:light-dark(navy,#a9bcff)}"
    ".sup-p{color:inherit}.sup-ni{color:light-dark(#a52a2a,#e8a890)}"
    "#pylode{color:light-dark(#595959,#b4bac1)}#pylode #p{color:light-dark(#2a7a3a,#7fd18f)}"
    "#pylode #y{color:light-dark(#7a5f00,#f9cb33)}#toc{background:light-dark(#fff,#121417)}"
    "body{padding:32px 70px}body>header.site{margin:-32px 132px 32px -70px}"
    "#pylode{position:static;transform:none;margin:1em 0}"
    "@media (max-width:700px){body{padding:16px}#content{width:auto}"
    "body>header.site{margin:-16px -16px 16px}"
    "#toc{position:static;width:auto;height:auto;margin:1em 0}"
    "table{table-layout:fixed;width:100%!important}.entity th{width:auto}"
    "th,td,a,code{overflow-wrap:anywhere}}</style>"
)

# pyLODE's own words (headings, legend, credit line), put in the reader's language where they are a whole
# text between two tags; the names of the ontology's terms come in that language from render_ontology_docs
PYLODE_WORDS = {
    "Table of Contents": N_("Contents"),
    "Metadata": N_("Metadata"),
    "Classes": N_("Classes"),
    "Object Properties": N_("Properties linking resources"),
    "Datatype Properties": N_("Properties with a value"),
    "Annotation Properties": N_("Annotation properties"),
    "Functional Properties": N_("Properties with one value"),
    "Namespaces": N_("Namespaces"),
    "Legend": N_("Legend"),
    "Concept schemes": N_("Concept schemes"),
    "notation": N_("notation"),
    "definition": N_("definition"),
    "made by": N_("made by"),
    "with the": N_("with the"),
    "profile": N_("profile"),
}
WORD = re.compile(r">(\s*)(" + "|".join(map(re.escape, PYLODE_WORDS)) + r")(\s*)<")
# the properties pyLODE names in its tables (as 'In Range Of'): ours by IRI, then the resource pages' names
ONTDOC = "https://w3id.org/profile/ontdoc/"
PYLODE_PROPERTIES = {
    ONTDOC + "superClassOf": N_("superclass of"),
    ONTDOC + "superPropertyOf": N_("broader property of"),
    ONTDOC + "inDomainOf": N_("in the domain of"),
    ONTDOC + "inRangeOf": N_("in the range of"),
    ONTDOC + "inDomainIncludesOf": N_("used by"),
    **{str(iri): name for iri, name in TERM_LABELS.items()},
}
PROPERTY = re.compile(r'<a class="hover_property" href="([^"]+)"(?: title="[^"]*")?>([^<]*)</a>')
# the legend's and the superscripts' kinds of term, as pyLODE names them in a tooltip
PYLODE_KINDS = {
    "OWL/RDFS Class": OWL.Class,
    "OWL Object Property": OWL.ObjectProperty,
    "OWL Datatype Property": OWL.DatatypeProperty,
    "OWL Annotation Property": OWL.AnnotationProperty,
    "OWL Functional Property": OWL.FunctionalProperty,
}
KIND = re.compile(r'(<sup class="[^"]*" title=")([^"]*)(")')


# the ontology's dates in its metadata, which pyLODE writes as they are in the Turtle ('2026-11-22')
DATE = re.compile(
    r'(href="http://purl\.org/dc/terms/(?:created|modified|issued)"[^>]*>[^<]*</a>\s*</dt>\s*<dd><p>)'
    r"(\d{4}-\d\d-\d\d)(</p>)"
)


def readable_ontology(page: str, lang: str = "en") -> str:
    """pyLODE's page as the site shows it: in `lang` (on <html>, pyLODE's own words translated, dates as the
    other pages write them), its superscripts readable."""
    if re.search(r"<html(?![^>]*\blang=)", page):
        page = re.sub(r"<html", f'<html lang="{lang}"', page, count=1)
    if lang != "en":
        page = in_language(page, lang)
    page = DATE.sub(
        lambda m: f'{m[1]}<time datetime="{m[2]}">{escape(format_date(m[2], lang))}</time>{m[3]}', page
    )
    return page.replace("</head>", ONTOLOGY_STYLE + "</head>", 1)


def in_language(page: str, lang: str) -> str:
    """pyLODE's headings, legend, property names (their tooltips the property's IRI rather than its English
    definition) and credit line in `lang`."""

    def word(match: re.Match) -> str:
        before, text, after = match.groups()
        return f">{before}{escape(gettext(lang, PYLODE_WORDS[text]))}{after}<"

    def prop(match: re.Match) -> str:
        iri, text = match.groups()
        name = PYLODE_PROPERTIES.get(iri)
        if name:
            text = gettext(lang, name)
            text = escape(text[:1].upper() + text[1:])
        return f'<a class="hover_property" href="{iri}" title="{iri}">{text}</a>'

    def kind(match: re.Match) -> str:
        term = PYLODE_KINDS.get(match.group(2))
        name = escape(gettext(lang, TERM_LABELS[term])) if term else match.group(2)
        return match.group(1) + name + match.group(3)

    return KIND.sub(kind, PROPERTY.sub(prop, WORD.sub(word, page)))


def network_bundle(root: str) -> str | None:
    """The network page's script bundle (frontend/src/network.js) under the site's `root`, if it was built;
    without it the page carries vis-network inline."""
    return f"{root}static/dist/network.js" if (STATIC / "dist" / "network.js").is_file() else None


@router.api_route("/network", methods=["GET", "HEAD"])
async def network(request: Request):
    state = state_of(request)
    lang, explicit = lang_of(request)
    focus = request.query_params.get("focus") or None
    depth = request.query_params.get("depth")
    if depth is not None and depth not in {str(n) for n in range(MAX_FOCUS_DEPTH + 1)}:  # not "²", "03"
        return text_response(f"depth must be a whole number from 0 to {MAX_FOCUS_DEPTH}", 400)
    try:
        from ...network.graph import NetworkError
        from ...views import render_network_page
    except ImportError as e:
        return text_response(f"the network page is not available in this installation ({e})", 503)

    def make() -> str:
        return render_network_page(
            state.store,
            lang=lang,
            focus=focus,
            depth=int(depth) if depth else None,
            script_src=network_bundle("/"),
        )

    if focus is None and depth is None:  # the whole network, once per language
        page = await run_in_threadpool(state.cached, f"network:{lang}", make)
    elif not _focus_renders.acquire(blocking=False):  # one focused page at a time; others come back
        return text_response("busy drawing another network; try again shortly", 503, {"Retry-After": "2"})
    else:
        try:
            page = await run_in_threadpool(state.remember, ("network", lang, focus, depth), make)
        except NetworkError as e:  # a focus that is no node: the visitor's mistake, said in one line
            return text_response(str(e)[:500], 404)
        finally:
            _focus_renders.release()
    linker = Linker(lang=lang, lang_in_links=explicit)
    page = with_site_header(page, lang, linker, other_lang_href(request, lang), "network", "pg-graph")
    return html_response(page, csp=False, headers={"Vary": "Accept-Language"})


@router.api_route("/ontology", methods=["GET", "HEAD"])
async def ontology_docs(request: Request):
    state = state_of(request)
    lang, explicit = lang_of(request)

    def make() -> str:
        import tempfile
        from pathlib import Path

        from ...ontology_tools import render_ontology_docs

        with tempfile.TemporaryDirectory() as folder:
            path = render_ontology_docs(state.settings.ontology_dir, Path(folder) / "ontology.html", lang)
            return readable_ontology(path.read_text(encoding="utf-8"), lang)

    page = await run_in_threadpool(state.cached, f"ontology:{lang}", make)
    linker = Linker(lang=lang, lang_in_links=explicit)
    page = with_site_header(page, lang, linker, other_lang_href(request, lang), "ontology", "content")
    return html_response(page, csp=False, headers={"Vary": "Accept-Language"})
