"""`/sparql`: the SPARQL 1.1 Protocol, read-only.

GET with `query=`, POST form-encoded (`query=`) or POST `application/sparql-query`. The answer's
format comes from `format=` (also `output=`/`results=`, which SPARQLWrapper sends) when it names a
known format, else from Accept (mime.py). Without a query: the Service Description (RDF), or the
query page for browsers. Status codes: 400 malformed query or request, 403 any update, 406 no
acceptable format, 413 body too large, 415 unknown body type, 503 over the time limit or the result
cap (the worker is stopped; the message says which), 502 remote endpoint failure.

The dataset: `default-graph-uri` and `named-graph-uri` when given (they override the query's), else
the query's FROM and FROM NAMED, else the union of all named graphs as the default graph. Relative
IRIs in a query resolve against the dataset's namespace (https://w3id.org/partnergraph/).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, VOID, XSD

from . import mime
from ._html import Linker
from ._http import client_of, html_response, lang_of, other_lang_href, site_url, state_of, text_response
from ._pool import UPDATE_FORMS, query_form
from ._results import serialize_answer, serialize_graph

router = APIRouter()
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
FORMAT_PARAMS = ("format", "output", "results")
ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*")
UPDATE_REFUSED = (
    "this endpoint is read-only: SPARQL Update is not accepted (the data is rebuilt from its sources)"
)


async def read_request(request: Request) -> tuple[dict[str, list[str]], Response | None]:
    """The protocol parameters of a GET or POST, or an error answer."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method != "POST":
        return params, None
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return params, text_response("the request body is not UTF-8", 400)
    if media == "application/x-www-form-urlencoded":
        for key, values in parse_qs(text, keep_blank_values=True).items():
            params.setdefault(key, []).extend(values)
    elif media == "application/sparql-query":
        params.setdefault("query", []).append(text)
    elif media == "application/sparql-update":
        return params, text_response(UPDATE_REFUSED, 403)
    elif body:
        return params, text_response(
            f"unsupported request body {media or '(no Content-Type)'}: send application/sparql-query "
            "or a form (application/x-www-form-urlencoded) with query=",
            415,
        )
    return params, None


def choose_format(params: dict[str, list[str]], accept: str | None, offers) -> mime.Format | Response:
    asked = [v for key in FORMAT_PARAMS for v in params.get(key, []) if v.strip()]
    for value in asked:
        found = mime.format_by_name(value, offers)
        if found:
            return found
    chosen = None if asked else mime.negotiate(accept, offers)
    if chosen is None:
        wanted = f"format={asked[0]!r}" if asked else f"Accept: {accept}"
        return text_response(
            f"cannot answer in {wanted}; available: {mime.describe_offers(offers)}", 406, {"Vary": "Accept"}
        )
    return chosen


def service_description(endpoint: str, triples: int | None = None) -> Graph:
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("void", VOID)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
    ):
        graph.add((service, SD.resultFormat, FORMATS_NS[name]))
    dataset = URIRef(endpoint + "#dataset")
    default = URIRef(endpoint + "#default-graph")
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    if triples is not None:
        graph.add((default, VOID.triples, Literal(triples, datatype=XSD.integer)))
    return graph


@router.api_route("/sparql", methods=["GET", "HEAD", "POST"])
async def sparql_endpoint(request: Request):
    state = state_of(request)
    params, error = await read_request(request)
    if error is not None:
        return error
    if "update" in params:
        return text_response(UPDATE_REFUSED, 403)
    queries = params.get("query", [])
    if len(queries) > 1:
        return text_response("give exactly one query= parameter", 400)
    if not queries:
        return await _describe_service(request, params)
    query = queries[0]
    form = query_form(query)
    if form in UPDATE_FORMS:
        return text_response(UPDATE_REFUSED, 403)
    dataset = None
    if "default-graph-uri" in params or "named-graph-uri" in params:
        graphs = [params.get(name, []) for name in ("default-graph-uri", "named-graph-uri")]
        bad = [g for g in graphs[0] + graphs[1] if not ABSOLUTE_IRI.fullmatch(g)]
        if bad:
            return text_response(
                f"default-graph-uri or named-graph-uri is not an absolute IRI: {bad[0]!r}", 400
            )
        dataset = (tuple(graphs[0]), tuple(graphs[1]))
    answer = await run_in_threadpool(state.pool.run, query, dataset=dataset, client=client_of(request))
    offers = mime.GRAPH_FORMATS if answer.form == "graph" else mime.RESULT_FORMATS
    chosen = choose_format(params, request.headers.get("accept"), offers)
    if isinstance(chosen, Response):
        return chosen

    def serialize():
        if answer.form == "graph":
            return serialize_graph(answer.triples, chosen)
        return serialize_answer(answer, chosen)

    body = await run_in_threadpool(state.remember, ("answer", query, dataset, chosen.name), serialize)
    return Response(body, media_type=chosen.content_type, headers={"Vary": "Accept"})


async def _describe_service(request: Request, params) -> Response:
    offers = mime.GRAPH_FORMATS + (mime.HTML,)
    chosen = choose_format(params, request.headers.get("accept"), offers)
    if isinstance(chosen, Response):
        return chosen
    if chosen is mime.HTML:
        from .pages import render_adhoc

        lang, explicit = lang_of(request)
        page = render_adhoc(
            "",
            lang,
            Linker(lang=lang, lang_in_links=explicit),
            other_lang_href=other_lang_href(request, lang),
        )
        return html_response(page, headers={"Vary": "Accept, Accept-Language"})
    graph = service_description(site_url(request) + "sparql")
    body = serialize_graph(graph, chosen)
    return Response(body, media_type=chosen.content_type, headers={"Vary": "Accept"})
