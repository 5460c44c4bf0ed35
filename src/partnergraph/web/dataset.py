"""The dataset's description and files: `/.well-known/void` and `/dataset` (VoID + DCAT; RDF by
Accept, `/dataset` also as HTML), `/partnergraph/dataset` (the dataset IRI itself), `/dumps/<file>`
(only the five dump files, with their media types), `/network` (the network page) and `/ontology`
(the ontology's documentation)."""

from __future__ import annotations

import threading

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response

from ..publish.dumps import DUMP_FORMATS, DUMP_NAME
from ..publish.void import dataset_stats, void_graph
from . import mime
from ._html import UI, Linker, esc, layout, short_name
from ._http import html_response, lang_of, other_lang_href, site_url, state_of, text_response
from ._results import serialize_graph

router = APIRouter()
DUMP_FILES = {
    f"{DUMP_NAME}.{suffix}": spec[-1] for suffix, spec in DUMP_FORMATS.items()
}  # name -> media type


def _stats(request: Request):
    state = state_of(request)
    return state.cached("stats", lambda: dataset_stats(state.store, state.settings.dumps_dir))


async def _void(request: Request, offers) -> Response:
    chosen = mime.negotiate(request.headers.get("accept"), offers)
    if chosen is None:
        return text_response(f"available: {mime.describe_offers(offers)}", 406, {"Vary": "Accept"})
    stats = await run_in_threadpool(_stats, request)
    if chosen is mime.HTML:
        lang, explicit = lang_of(request)
        linker = Linker(lang=lang, lang_in_links=explicit)
        page = render_dataset(stats, lang, linker, site_url(request), other_lang_href(request, lang))
        return html_response(page, headers={"Vary": "Accept, Accept-Language"})
    graph = void_graph(stats, site_url(request), site_url(request) + "sparql")
    body = await run_in_threadpool(serialize_graph, graph, chosen)
    return Response(body, media_type=chosen.content_type, headers={"Vary": "Accept"})


@router.api_route("/.well-known/void", methods=["GET", "HEAD"])
async def well_known_void(request: Request):
    return await _void(request, mime.GRAPH_FORMATS)


@router.api_route("/dataset", methods=["GET", "HEAD"])
async def dataset_page(request: Request):
    return await _void(request, (mime.HTML,) + mime.GRAPH_FORMATS)


@router.api_route("/partnergraph/dataset", methods=["GET", "HEAD"])
async def dataset_iri(request: Request):
    return await _void(request, (mime.HTML,) + mime.GRAPH_FORMATS)


@router.api_route("/dumps/{name}", methods=["GET", "HEAD"])
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


MAX_FOCUS_DEPTH = 3  # a focus page's neighbourhood; beyond 3 it is most of the graph, drawn each time
_focus_renders = threading.Semaphore(1)


@router.api_route("/network", methods=["GET", "HEAD"])
async def network(request: Request):
    state = state_of(request)
    lang, _ = lang_of(request)
    focus = request.query_params.get("focus") or None
    depth = request.query_params.get("depth")
    if depth is not None and not (depth.isdigit() and int(depth) <= MAX_FOCUS_DEPTH):
        return text_response(f"depth must be a whole number from 0 to {MAX_FOCUS_DEPTH}", 400)
    try:
        from ..views import render_network_page
    except ImportError as e:
        return text_response(f"the network page is not available in this installation ({e})", 503)

    def make() -> str:
        return render_network_page(state.store, lang=lang, focus=focus, depth=int(depth) if depth else None)

    if focus is None and depth is None:  # the whole network, once per language
        page = await run_in_threadpool(state.cached, f"network:{lang}", make)
    elif not _focus_renders.acquire(blocking=False):  # one focused page at a time; others come back
        return text_response("busy drawing another network; try again shortly", 503, {"Retry-After": "2"})
    else:
        try:
            page = await run_in_threadpool(state.remember, ("network", lang, focus, depth), make)
        finally:
            _focus_renders.release()
    return html_response(page, csp=False, headers={"Vary": "Accept-Language"})


@router.api_route("/ontology", methods=["GET", "HEAD"])
async def ontology_docs(request: Request):
    state = state_of(request)

    def make() -> str:
        import tempfile
        from pathlib import Path

        from ..ontology_tools import render_ontology_docs

        with tempfile.TemporaryDirectory() as folder:
            path = render_ontology_docs(state.settings.ontology_dir, Path(folder) / "ontology.html")
            return path.read_text(encoding="utf-8")

    page = await run_in_threadpool(state.cached, "ontology", make)
    return html_response(page, csp=False)


def render_dataset(stats, lang: str, linker, site: str, other_href: str | None = None) -> str:
    from ..publish.void import DESCRIPTION, LICENCE, PUBLISHER_NAME, TITLE

    ui = UI[lang]
    classes = "".join(
        f'<tr><td><a href="{esc(linker.iri(c))}">{esc(short_name(c))}</a></td><td>{n}</td></tr>'
        for c, n in sorted(stats.classes.items(), key=lambda kv: -kv[1])
    )
    dumps = "".join(
        f'<tr><td><a href="{esc(linker.file("dumps/" + d.name))}" type="{esc(d.media_type)}">'
        f"{esc(d.name)}</a></td><td>{esc(d.media_type)}</td><td>{d.size:,} B</td></tr>"
        for d in stats.dumps
    )
    void_href = linker.file("void.ttl" if linker.static else ".well-known/void")
    sparql = (
        ""
        if linker.static
        else (f' · {esc(ui["sparql"])}: <a href="{esc(linker.page("sparql"))}">{esc(site)}sparql</a>')
    )
    body = f"""<h1>{esc(TITLE[lang])}</h1>
<p>{esc(DESCRIPTION[lang])}</p>
<p>{stats.triples:,} {esc(ui["triples"])} · {stats.entities:,} IRIs · {esc(ui["licence"])}:
<a href="{esc(LICENCE)}" rel="license">CC BY 4.0</a> · {esc(ui["publisher"])}: {esc(PUBLISHER_NAME)}</p>
<p>VoID / DCAT: <a href="{esc(void_href)}" type="text/turtle">{esc(void_href)}</a>{sparql}</p>
<h2>{esc(ui["dumps"])}</h2>
<table><thead><tr><th>{esc(ui["file"])}</th><th>type</th><th>{esc(ui["size"])}</th></tr></thead>
<tbody>{dumps}</tbody></table>
<h2>{esc(ui["entities"])}</h2>
<table><thead><tr><th>{esc(ui["class"])}</th><th>{esc(ui["count"])}</th></tr></thead><tbody>{classes}</tbody></table>
"""
    return layout(ui["dataset"], body, lang=lang, linker=linker, other_lang_href=other_href)
