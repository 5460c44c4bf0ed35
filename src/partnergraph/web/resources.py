"""`/partnergraph/X`: the IRI `{BASE}X`, dereferenced (see the app module's docstring for the choice).

`/partnergraph/X` negotiates (HTML first for `*/*`, then Turtle, JSON-LD, N-Triples, RDF/XML) and names
the chosen format's own URL in Content-Location; `/partnergraph/X.ttl|.jsonld|.nt|.rdf|.html` (and
`/partnergraph/X?format=ttl`...) answer in that format. The ontology `{BASE}def/` has `def/index.<suffix>`. Unknown IRI: 404; no acceptable
format: 406. `?lang=en|pl` (else Accept-Language) picks the language of the HTML page.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from .. import iris
from . import mime
from ._html import Linker
from ._http import html_response, lang_of, state_of, text_response
from ._results import serialize_graph
from .describe import INVERSE_LIMIT, describe

router = APIRouter()
PREFIX = "/partnergraph/"
OFFERS = (mime.HTML,) + mime.GRAPH_FORMATS
# links to a resource listed on its page (a country at 10^5 events has thousands: the browse lists and
# the RDF answers give more)
PAGE_INVERSE_LIMIT = 50


def split_path(rest: str) -> tuple[str, mime.Format | None] | None:
    """'id/city/berlin-de.ttl' -> ('id/city/berlin-de', turtle); 'def/index.html' -> ('def/', html);
    None for a path that cannot name an IRI (dot segments, control characters)."""
    if (
        any(seg in (".", "..") for seg in rest.split("/"))
        or any(c in rest for c in '\\<>"{}|^`\x00 ')
        or any(ord(c) < 32 for c in rest)
    ):
        return None
    stem, dot, suffix = rest.rpartition(".")
    if dot and "/" not in suffix and suffix in mime.BY_SUFFIX:
        if stem.endswith("/index") or stem == "index":
            stem = stem[: -len("index")]
        return stem, mime.BY_SUFFIX[suffix]
    return rest, None


def _alternates(path: str) -> str:
    return ", ".join(
        f'<{path}.{f.suffix}>; rel="alternate"; type="{f.media_type}"' for f in mime.GRAPH_FORMATS
    )


@router.api_route(PREFIX + "{rest:path}", methods=["GET", "HEAD"])
async def dereference(request: Request, rest: str):
    state = state_of(request)
    split = split_path(rest)
    if split is None:
        return text_response("not found", 404)
    local, fixed = split
    iri = iris.BASE + local
    asked = request.query_params.get("format")
    if fixed is None and asked:  # ?format=ttl (or turtle, jsonld, nt, rdf, html) is the suffix's URL
        fixed = mime.format_by_name(asked, OFFERS)
        if fixed is None:
            return text_response(f"no format {asked!r}; available: {mime.describe_offers(OFFERS)}", 406)
    accept = request.headers.get("accept", "").strip()
    ontology = local.startswith("def/")
    if fixed is None and (not accept or (ontology and accept == "*/*")):  # a program, not a browser
        chosen = mime.BY_SUFFIX["rdf" if ontology else "ttl"]  # OWL tools all read RDF/XML
    elif fixed is None:
        chosen = mime.negotiate(request.headers.get("accept"), OFFERS)
        if chosen is None:
            return text_response(
                f"no representation of {iri} matches Accept: {request.headers.get('accept')}; "
                f"available: {mime.describe_offers(OFFERS)}",
                406,
                {"Vary": "Accept"},
            )
    else:
        chosen = fixed
    own = PREFIX + (local + "index" if local.endswith("/") or not local else local)
    lang, explicit = lang_of(request)
    key = ("resource", iri, chosen.name, lang if chosen is mime.HTML else "", explicit)
    cities = await _places_of(request, iri) if chosen is mime.HTML else []
    status, body = await run_in_threadpool(
        state.remember, key, lambda: _represent(state, iri, chosen, lang, explicit, cities)
    )
    if status == 404:
        if chosen is mime.HTML:
            return html_response(body, status=404, headers={"Vary": "Accept"})
        return text_response(body, 404, {"Vary": "Accept"})
    headers = {
        "Vary": "Accept, Accept-Language" if fixed is None else "Accept-Language",
        "Content-Location": f"{own}.{chosen.suffix}",
        "Link": _alternates(own),
    }
    if fixed is not None:
        headers.pop("Content-Location")
    if chosen is mime.HTML:
        return html_response(body, headers=headers)
    return Response(body, media_type=chosen.content_type, headers=headers)


def whole_graph(store, iri: str):
    """The RDF an IRI stands for as a whole: the ontology (at its IRI and its version IRI), a named
    graph's content (at the graph's IRI), the publisher's description; None for any other IRI."""
    from ..publish.void import PUBLISHER, publisher_graph

    if iri == str(PUBLISHER):
        return publisher_graph()
    if iri != str(iris.DEF) and not iri.startswith(str(iris.GRAPH)):
        if not iri.startswith(str(iris.DEF)) or not store.ask(
            f"ASK {{ GRAPH <{iris.ONTOLOGY_GRAPH}> {{ <{iris.DEF}> <http://www.w3.org/2002/07/owl#versionIRI> <{iri}> }} }}"
        ):
            return None
    graph_iri = iris.ONTOLOGY_GRAPH if iri.startswith(str(iris.DEF)) else iri
    if not store.ask(f"ASK {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"):
        return None
    return store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")


def kept_hub(state, iri: str):
    """The description of a hub's page kept with the build being served (hubs.py), or None."""
    if state.config.endpoint:  # a remote store's data is not the local build's
        return None
    from .hubs import load_hubs

    return state.cached("hubs", lambda: load_hubs(state.settings.build_dir)).get(iri)


async def _places_of(request: Request, iri: str) -> list[dict]:
    """The cities a city's or a country's page shows on its map (none for other pages, or without the
    build's aggregates)."""
    from ..errors import PartnergraphError
    from .portal._common import aggregates_of, derived_of
    from .portal.viz import places_by_area

    if not iri.startswith((str(iris.ID) + "city/", str(iris.ID) + "country/")):
        return []
    try:
        agg = await aggregates_of(request)
    except PartnergraphError:
        return []
    return (await derived_of(request, "places-by-area", lambda: places_by_area(agg))).get(iri, [])


def _represent(
    state, iri: str, chosen: mime.Format, lang: str, explicit: bool, cities: list[dict] = ()
) -> tuple[int, str | bytes]:
    """(200, the page or RDF) or (404, the message or error page); `cities` go on a place's map."""
    whole = whole_graph(state.store, iri) if chosen is not mime.HTML else None
    if whole is not None:
        return 200, serialize_graph(whole, chosen)
    limit = PAGE_INVERSE_LIMIT if chosen is mime.HTML else INVERSE_LIMIT
    desc = kept_hub(state, iri) if chosen is mime.HTML else None
    if desc is None:
        desc = describe(state.store, iri, str(iris.DEF), limit)
    linker = Linker(lang=lang, lang_in_links=explicit)
    if not desc.exists and chosen is mime.HTML and whole_graph(state.store, iri) is not None:
        from .pages import render_message

        formats = ", ".join(f"?format={f.suffix}" for f in mime.GRAPH_FORMATS)
        return 200, render_message(iri, f"RDF: {formats}", lang, linker, status_class="note")
    if not desc.exists:
        message = f"{iri} is not described in this dataset"
        if chosen is mime.HTML:
            from .pages import render_message
            from .templating import gettext

            return 404, render_message(gettext(lang, "Not found"), message, lang, linker)
        return 404, message
    if chosen is mime.HTML:
        from .pages import render_resource
        from .portal.viz import place_map

        other = f"?lang={'pl' if lang == 'en' else 'en'}"
        shown = place_map(list(cities), lang, Linker(lang=lang, lang_in_links=explicit))
        return 200, render_resource(desc, lang, linker, other, shown)
    return 200, serialize_graph(desc.graph(), chosen)
