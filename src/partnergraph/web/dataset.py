"""The dataset's description and files: `/.well-known/void` and `/dataset` (VoID + DCAT; RDF by
Accept, `/dataset` also as HTML), `/partnergraph/dataset` (the dataset IRI itself, and its files
`dataset.html`, `dataset.ttl` ...), `/dumps/<file>` and `/partnergraph/dumps/<file>` (only the five dump
files, with their media types; the static site keeps them in the namespace). The network page and the ontology's documentation
are the portal's (portal/documents.py)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response

from ..publish.dumps import DUMP_FORMATS, DUMP_NAME
from ..publish.void import dataset_stats, void_graph
from . import mime
from ._html import Linker
from ._http import html_response, lang_of, other_lang_href, site_url, state_of, text_response
from ._results import serialize_graph
from .templating import gettext, render

router = APIRouter()
DUMP_FILES = {
    f"{DUMP_NAME}.{suffix}": spec[-1] for suffix, spec in DUMP_FORMATS.items()
}  # name -> media type


def _stats(request: Request):
    state = state_of(request)
    return state.cached("stats", lambda: dataset_stats(state.store, state.settings.dumps_dir))


def _labels(request: Request, stats):
    state = state_of(request)
    return state.cached("stats:labels", lambda: class_labels(state.store, stats))


async def _void(request: Request, offers, fixed: mime.Format | None = None) -> Response:
    asked = request.query_params.get("format")
    if fixed is not None:  # a file's URL: its format whatever Accept says
        chosen = fixed
    elif asked:
        chosen = mime.format_by_name(asked, offers)
    else:
        chosen = mime.negotiate(request.headers.get("accept"), offers)
    if chosen is None:
        return text_response(f"available: {mime.describe_offers(offers)}", 406, {"Vary": "Accept"})
    stats = await run_in_threadpool(_stats, request)
    if chosen is mime.HTML:
        lang, explicit = lang_of(request)
        linker = Linker(lang=lang, lang_in_links=explicit)
        labels = await run_in_threadpool(_labels, request, stats)
        page = render_dataset(stats, lang, linker, site_url(request), other_lang_href(request, lang), labels)
        return html_response(page, headers={"Vary": "Accept, Accept-Language"})
    graph = void_graph(stats, site_url(request), site_url(request) + "sparql")
    body = await run_in_threadpool(serialize_graph, graph, chosen)
    return Response(body, media_type=chosen.content_type, headers={"Vary": "Accept"})


@router.api_route("/.well-known/void", methods=["GET", "HEAD"])
async def well_known_void(request: Request):
    return await _void(request, mime.GRAPH_FORMATS + (mime.HTML,))  # RDF first, HTML for browsers


@router.api_route("/dataset", methods=["GET", "HEAD"])
async def dataset_page(request: Request):
    return await _void(request, (mime.HTML,) + mime.GRAPH_FORMATS)


@router.api_route("/partnergraph/dataset", methods=["GET", "HEAD"])
async def dataset_iri(request: Request):
    return await _void(request, (mime.HTML,) + mime.GRAPH_FORMATS)


@router.api_route("/partnergraph/dataset.{suffix}", methods=["GET", "HEAD"])
async def dataset_file(request: Request, suffix: str):
    """The dataset IRI's own files, as the static site has them (`dataset.html`, its landing page)."""
    chosen = mime.BY_SUFFIX.get(suffix)
    if chosen is None:
        return text_response("not found", 404)
    return await _void(request, (chosen,), fixed=chosen)


@router.api_route("/dumps/{name}", methods=["GET", "HEAD"])
@router.api_route("/partnergraph/dumps/{name}", methods=["GET", "HEAD"])  # where the static site has them
async def dump(request: Request, name: str):
    media = DUMP_FILES.get(name)  # a fixed list: nothing from the request reaches the file system
    if media is None:
        return text_response(f"no dump {name!r}; the dumps are {', '.join(DUMP_FILES)}", 404)
    path = state_of(request).settings.dumps_dir / name
    if not path.is_file():
        return text_response(f"{name} has not been built", 404)
    return FileResponse(path, media_type=media, filename=name, content_disposition_type="inline")


@router.api_route("/dumps/{rest:path}", methods=["GET", "HEAD"])
async def dump_other(request: Request, rest: str):
    return text_response("not found", 404)


def class_labels(store, stats) -> dict:
    """The labels of the classes the dataset counts (IRI -> {language: label}), for `render_dataset`."""
    from rdflib import URIRef

    from .describe import fetch_labels

    return fetch_labels(store, [URIRef(c) for c in stats.classes])


def render_dataset(stats, lang: str, linker, site: str, other_href: str | None = None, labels=None) -> str:
    """The dataset page (templates/dataset.html): its classes by name in `lang` (`labels`: class_labels)."""
    from rdflib import URIRef

    from ..publish.void import DESCRIPTION, LICENCE, PUBLISHER_NAME, TITLE
    from .pages import term_label

    classes = [
        (term_label(labels or {}, URIRef(c), lang), linker.iri(c), c, n)
        for c, n in sorted(stats.classes.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return render(
        "dataset.html",
        lang,
        linker=linker,
        title=gettext(lang, "Dataset"),
        other_lang_href=other_href,
        heading=TITLE[lang],
        description=DESCRIPTION[lang],
        stats=stats,
        classes=classes,
        licence=str(LICENCE),
        publisher=PUBLISHER_NAME,
        site=site,
        void_href=linker.file("void.ttl" if linker.static else ".well-known/void"),
    )
