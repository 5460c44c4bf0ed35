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
from ._html import Linker, esc, layout, short_name, ui_strings
from ._http import html_response, lang_of, other_lang_href, site_url, state_of, text_response
from ._results import serialize_graph
from .templating import format_number

router = APIRouter()
DUMP_FILES = {
    f"{DUMP_NAME}.{suffix}": spec[-1] for suffix, spec in DUMP_FORMATS.items()
}  # name -> media type


def _stats(request: Request):
    state = state_of(request)
    return state.cached("stats", lambda: dataset_stats(state.store, state.settings.dumps_dir))


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
        page = render_dataset(stats, lang, linker, site_url(request), other_lang_href(request, lang))
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


def render_dataset(stats, lang: str, linker, site: str, other_href: str | None = None) -> str:
    from ..publish.void import DESCRIPTION, LICENCE, PUBLISHER_NAME, TITLE

    ui = ui_strings(lang)
    number = lambda n: esc(format_number(n, lang))  # noqa: E731 (in the reader's locale: "6 512" in Polish)
    classes = "".join(
        f'<tr><td><a href="{esc(linker.iri(c))}">{esc(short_name(c))}</a></td><td class="num">{number(n)}</td></tr>'
        for c, n in sorted(stats.classes.items(), key=lambda kv: -kv[1])
    )
    dumps = "".join(
        f'<tr><td><a href="{esc(linker.file("dumps/" + d.name))}" type="{esc(d.media_type)}">'
        f'{esc(d.name)}</a></td><td>{esc(d.media_type)}</td><td class="num">{number(d.size)} B</td></tr>'
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
<p>{number(stats.triples)} {esc(ui["triples"])} · {number(stats.entities)} IRIs · {esc(ui["licence"])}:
<a href="{esc(LICENCE)}" rel="license">CC BY 4.0</a> · {esc(ui["publisher"])}: {esc(PUBLISHER_NAME)}</p>
<p>VoID / DCAT: <a href="{esc(void_href)}" type="text/turtle">{esc(void_href)}</a>{sparql}</p>
<h2>{esc(ui["dumps"])}</h2>
<table><thead><tr><th>{esc(ui["file"])}</th><th>{esc(ui["media_type"])}</th><th>{esc(ui["size"])}</th></tr></thead>
<tbody>{dumps}</tbody></table>
<h2>{esc(ui["entities"])}</h2>
<table><thead><tr><th>{esc(ui["class"])}</th><th>{esc(ui["count"])}</th></tr></thead><tbody>{classes}</tbody></table>
"""
    return layout(ui["dataset"], body, lang=lang, linker=linker, other_lang_href=other_href)
