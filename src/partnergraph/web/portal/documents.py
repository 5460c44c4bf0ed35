"""`/network` (the interactive network, views/network.py) and `/ontology` (pyLODE's documentation): whole
HTML documents made elsewhere, given the site's header here so that every page leads to the others."""

from __future__ import annotations

import re
import threading
from html import escape

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from .._html import Linker
from .._http import html_response, lang_of, other_lang_href, state_of, text_response
from ..templating import STATIC, gettext, render

router = APIRouter()
BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)
MAX_FOCUS_DEPTH = 3  # a focus page's neighbourhood; beyond 3 it is most of the graph, drawn each time
_focus_renders = threading.Semaphore(1)


def with_site_header(
    page: str, lang: str, linker: Linker, other_href: str | None, nav: str, skip: str, note: str = ""
) -> str:
    """`page` with the site header (and its stylesheet, inline: these pages allow no other) after <body>,
    and `note` (HTML) under it."""
    header = render(
        "_header.html", lang, linker=linker, other_lang_href=other_href, nav=nav, skip_target=skip
    )
    css = (STATIC / "header.css").read_text(encoding="utf-8")
    match = BODY.search(page)
    if match is None:
        return page
    at = match.end()
    return f"{page[:at]}\n<style>{css}</style>\n{header}{note}{page[at:]}"


# pyLODE's pale superscripts (orange, light blue on white) and grey credit line darkened to a 4.5:1 contrast.
# On a phone pyLODE's fixed table of contents covered half the text and its concept tables were 850 px
# wide: there the contents come first in the flow, the credit line stands level, tables keep to the width.
ONTOLOGY_STYLE = (
    "<style>.sup-c,.sup-con{color:#a34d00}.sup-fp{color:#1c5f8f}.sup-dp{color:#1b6b1b}"
    "#pylode{color:#595959}#pylode #y{color:#7a5f00}"
    ".pg-note{max-width:60rem;margin:1em auto;padding:.5em 1em;background:#fff8e1;border:1px solid #e0c060}"
    "@media (max-width:700px){body{padding:1em}#content{width:auto}"
    "#toc{position:static;width:auto;height:auto;margin:1em 0}"
    "#pylode{position:static;transform:none;margin:1em 0}"
    "table{table-layout:fixed;width:100%!important}.entity th{width:auto}"
    "th,td,a,code{overflow-wrap:anywhere}}</style>"
)


def readable_ontology(page: str) -> str:
    """pyLODE's page as the site shows it: in English (`lang` on <html>), its superscripts readable."""
    if re.search(r"<html(?![^>]*\blang=)", page):
        page = re.sub(r"<html", '<html lang="en"', page, count=1)
    return page.replace("</head>", ONTOLOGY_STYLE + "</head>", 1)


def in_english_note(lang: str, linker: Linker) -> str:
    """For a reader of another language: pyLODE writes English only; the ontology's resource page gives its
    classes and properties in the reader's language."""
    if lang == "en":
        return ""
    from ... import iris

    name = gettext(lang, "the ontology in Polish")  # (not inside an f-string: pybabel does not look there)
    text = gettext(
        lang,
        "This documentation of the ontology is in English only; its classes and properties with their "
        "Polish names and descriptions: {link}.",
    )
    link = f'<a href="{escape(linker.iri(str(iris.DEF)))}">{escape(name)}</a>'
    return f'<p class="pg-note" lang="{lang}">{escape(text).replace("{link}", link)}</p>'


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
            path = render_ontology_docs(state.settings.ontology_dir, Path(folder) / "ontology.html")
            return path.read_text(encoding="utf-8")

    page = await run_in_threadpool(state.cached, "ontology", make)
    linker = Linker(lang=lang, lang_in_links=explicit)
    page = with_site_header(
        readable_ontology(page),
        lang,
        linker,
        other_lang_href(request, lang),
        "ontology",
        "content",
        note=in_english_note(lang, linker),
    )
    return html_response(page, csp=False)
