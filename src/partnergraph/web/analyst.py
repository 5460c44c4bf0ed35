"""The analysts' pages: `/` (start), `/queries` (the saved queries), `/queries/<name>` (a form whose
choices come from the graph, the results as a table, downloads with `format=csv|json|tsv|xml`) and
`/query` (an ad-hoc query). Queries run in the worker pool (time limit, result cap).

A saved query's parameters are the form's fields, named as in the query. A parameter named `lang`
(the language of the names it returns) defaults to the page's language."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from .. import iris
from ..errors import PartnergraphError, QueryError, StoreError
from ..query.choices import TAXONOMY_SCHEMES as SCHEMES
from ..query.choices import check_values
from . import mime
from ._fair import ClientShareError
from ._html import Linker
from ._http import client_of, html_response, lang_of, other_lang_href, state_of, text_response
from ._results import serialize_answer
from ._upstream import public_message, store_failure
from .collate import text_key
from .pages import render_adhoc, render_query_list, render_query_page, render_results, term_label
from .templating import gettext

router = APIRouter()
DOWNLOADS = {"csv": "csv", "json": "json", "tsv": "tsv", "xml": "xml"}


def results_html(state, answer, lang: str, linker, saved=None) -> str:
    """The answer as an HTML table, with the labels of the IRIs it names (looked up in the store) and, for
    a saved query, its column labels in `lang`."""
    from rdflib import URIRef

    from .describe import fetch_labels

    if answer.form == "select":
        nodes = {v for row in answer.rows for v in row.values() if isinstance(v, URIRef)}
    else:
        nodes = {t for triple in answer.triples for t in triple if isinstance(t, URIRef)}
    labels = fetch_labels(state.store, nodes) if len(nodes) <= 5000 else {}
    codes = state.cached(f"codes:{lang}", lambda: code_labels(state.store, lang))
    if saved and "field" in saved.parameters:  # its field column by label too ('nazwa', not 'name')
        codes = {**codes, **state.cached(f"fields:{lang}", lambda: field_labels(state.store, lang))}
    columns = {v: gettext(lang, label) for v, label in saved.columns.items()} if saved else None
    countries = state.cached(f"countries:{lang}", lambda: country_names(state.store, lang))
    return render_results(answer, lang, linker, labels, codes, columns, countries)


def run_saved(state, saved, text: str):
    """The answer of saved query `saved` run as `text`: the one the build kept when that is how it runs
    at its defaults (query/answers.py), else run in a worker. Blocking."""
    if not state.config.endpoint:  # a remote store's data is not the local build's
        from ..query.answers import find_answer
        from ..query.guard import query_key
        from ._pool import Answer, ResultCapError

        key = ("kept answer", saved.name, query_key(text))
        kept = state.cached(key, lambda: find_answer(state.settings.build_dir, saved, text))
        if isinstance(kept, int) and state.pool.cap <= kept:
            raise ResultCapError(f"the query has more than {state.pool.cap} results; add a LIMIT")
        if isinstance(kept, tuple):
            return Answer("select", variables=kept[0], rows=kept[1])
    return state.pool.run(text, trusted=True)


def code_labels(store, lang: str) -> dict[str, str]:
    """Each taxonomy concept's code (skos:notation, what saved queries return: "StudyVisit") -> its label."""
    rows = store.select(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?code ?label WHERE { "
        f"?c skos:notation ?code ; skos:prefLabel ?label FILTER(LANG(?label) = '{lang}') }}"
    )
    return {str(r["code"]): str(r["label"]) for r in rows.rows}


def country_names(store, lang: str) -> dict[str, str]:
    """Each country's ISO code (pg:isoCode, what saved queries return: "BE") -> its name in `lang`."""
    rows = store.select(
        "PREFIX pg: <https://w3id.org/partnergraph/def/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        f"SELECT ?code ?name WHERE {{ ?c pg:isoCode ?code ; rdfs:label ?name FILTER(LANG(?name) = '{lang}') }}"
    )
    return {str(r["code"]): str(r["name"]) for r in rows.rows}


def field_labels(store, lang: str) -> dict[str, str]:
    """The fields a quotation can be evidence of, by the name saved queries give them ('involvesCity',
    the property's local name) -> their label in `lang` ('dotyczy miasta')."""
    from rdflib import URIRef

    from .describe import fetch_labels

    rows = store.select(f"SELECT DISTINCT ?p WHERE {{ ?a <{iris.DEF}field> ?p }}").rows
    properties = [URIRef(str(r["p"])) for r in rows]
    labels = fetch_labels(store, properties)
    return {str(p).rsplit("/", 1)[-1].rsplit("#", 1)[-1]: term_label(labels, p, lang) for p in properties}


def form_choices(store, saved, lang: str) -> dict[str, list[tuple[str, str]]]:
    """value/label pairs for each parameter the graph can fill: taxonomy concepts, countries, years."""
    choices = {}
    for name, param in saved.parameters.items():
        options: list[tuple[str, str]] = []
        if param.type in SCHEMES:
            rows = store.select(
                f"PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?c ?l WHERE {{ "
                f"?c skos:inScheme <{iris.DEF}{SCHEMES[param.type]}> . "
                f"OPTIONAL {{ ?c skos:prefLabel ?l FILTER(LANG(?l) = '{lang}') }} }}"
            )
            options = sorted(  # by label, as the reader reads them
                (
                    (str(r["c"]).rsplit("/", 1)[-1], str(r.get("l") or str(r["c"]).rsplit("/", 1)[-1]))
                    for r in rows.rows
                ),
                key=lambda option: text_key(option[1], lang),
            )
        elif param.type == "country":
            rows = store.select(
                f"PREFIX pg: <{iris.DEF}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                f"SELECT DISTINCT ?code ?l WHERE {{ ?e pg:involvesCountry ?c . ?c pg:isoCode ?code . "
                f"OPTIONAL {{ ?c rdfs:label ?l FILTER(LANG(?l) = '{lang}') }} }}"
            )
            options = sorted(
                ((str(r["code"]), str(r.get("l") or r["code"])) for r in rows.rows),
                key=lambda o: text_key(o[1], lang),
            )
        elif param.type == "year" or (param.type == "integer" and "year" in name):
            rows = store.select(
                f"PREFIX schema: <https://schema.org/> SELECT DISTINCT ?y WHERE {{ ?e a <{iris.DEF}Event> ; "
                "schema:startDate|schema:endDate ?d . BIND(SUBSTR(STR(?d), 1, 4) AS ?y) }"
            )
            years = {str(r["y"]) for r in rows.rows if str(r["y"]).isdigit()}
            options = [(y, y) for y in sorted(years)]
        elif name == "lang":
            options = [("en", "English"), ("pl", "polski")]
        elif name == "field":  # a quotation's field, by its label ('any' first: every field)
            fields = sorted(field_labels(store, lang).items(), key=lambda o: text_key(o[1], lang))
            options = [("any", gettext(lang, "any field"))] + fields
        if options and param.default and param.default not in {v for v, _ in options}:
            options = sorted(options + [(param.default, param.default)], key=lambda o: o[1])
        if options:
            choices[name] = options
    return choices


@router.api_route("/queries", methods=["GET", "HEAD"])
async def query_list(request: Request):
    lang, explicit = lang_of(request)
    page = render_query_list(
        state_of(request).saved_queries(),
        lang,
        Linker(lang=lang, lang_in_links=explicit),
        other_lang_href(request, lang),
    )
    return html_response(page, headers={"Vary": "Accept-Language"})


@router.api_route("/queries/{name}", methods=["GET", "HEAD"])
async def saved_query(request: Request, name: str):
    state = state_of(request)
    queries = state.saved_queries()
    saved = queries.get(name)
    params = dict(request.query_params)
    lang, explicit = lang_of(
        request, params.get("lang") if "lang" not in (saved.parameters if saved else {}) else None
    )
    linker = Linker(lang=lang, lang_in_links=explicit)
    if saved is None:
        from .pages import render_message

        page = render_message(gettext(lang, "Not found"), f"no saved query {name!r}", lang, linker)
        return html_response(page, status=404)
    values = {k: v for k, v in params.items() if k in saved.parameters}
    if "lang" in saved.parameters and "lang" not in values:
        values["lang"] = lang
    fmt = params.get("format")
    if fmt is not None:
        chosen = mime.format_by_name(fmt, mime.RESULT_FORMATS)
        if chosen is None:
            return text_response(f"format must be one of {', '.join(DOWNLOADS)}", 406)
        query = saved.render(values)
        try:
            await run_in_threadpool(check_values, state.store, state.settings.reference_dir, saved, values)
        except QueryError as e:
            return text_response(str(e), 400)
        answer = await run_in_threadpool(run_saved, state, saved, query)
        body = await run_in_threadpool(
            state.remember, ("answer", query, chosen.name), lambda: serialize_answer(answer, chosen)
        )
        if chosen.name == "csv":  # a BOM, so that Excel reads the file as UTF-8 (ł, ś, ż)
            body = b"\xef\xbb\xbf" + body
        return Response(
            body,
            media_type=chosen.content_type,
            headers={"Content-Disposition": f'attachment; filename="{name}.{chosen.name}"'},
        )
    choices = await run_in_threadpool(
        state.cached, f"choices:{name}:{lang}", lambda: form_choices(state.store, saved, lang)
    )
    results, error, status = "", "", 200
    if "run" in params:
        try:
            await run_in_threadpool(check_values, state.store, state.settings.reference_dir, saved, values)
            answer = await run_in_threadpool(run_saved, state, saved, saved.render(values))
            results = await run_in_threadpool(results_html, state, answer, lang, linker, saved)
        except QueryError as e:
            error, status = public_message(e, state.config.endpoint), 400
        except StoreError as e:
            status, error = store_failure(e, state.config.endpoint)
        except PartnergraphError as e:
            error, status = str(e), 503
    page = render_query_page(
        saved, choices, values, lang, linker, results, error, other_lang_href(request, lang)
    )
    return html_response(page, status=status, headers={"Vary": "Accept-Language"})


@router.api_route("/query", methods=["GET", "HEAD"])
async def adhoc(request: Request):
    state = state_of(request)
    lang, explicit = lang_of(request)
    linker = Linker(lang=lang, lang_in_links=explicit)
    query = request.query_params.get("query", "")
    results, error, status, formats, retry = "", "", 200, (), None
    if query.strip():
        from ._pool import UPDATE_FORMS, query_form

        if query_form(query) in UPDATE_FORMS:
            error, status = "this endpoint is read-only: SPARQL Update is not accepted", 403
        else:
            try:
                answer = await run_in_threadpool(state.pool.run, query, client=client_of(request))
                results = await run_in_threadpool(results_html, state, answer, lang, linker)
                offers = mime.GRAPH_FORMATS if answer.form == "graph" else mime.RESULT_FORMATS
                formats = tuple(offer.name for offer in offers)
            except QueryError as e:
                error, status = public_message(e, state.config.endpoint), 400
            except StoreError as e:
                status, error = store_failure(e, state.config.endpoint)
            except ClientShareError as e:
                error, status, retry = str(e), 429, e.retry_after
            except PartnergraphError as e:
                error, status, retry = str(e), 503, getattr(e, "retry_after", None)
    elif not query:
        query = (
            f"PREFIX pg: <{iris.DEF}>\nPREFIX schema: <https://schema.org/>\n"
            "SELECT ?event ?name ?start WHERE {\n  ?event a pg:Event ; schema:name ?name .\n"
            "  OPTIONAL { ?event schema:startDate ?start }\n} ORDER BY ?start LIMIT 20\n"
        )
    examples = {
        name: {"title": gettext(lang, saved.title) if saved.title else name, "query": saved.render({})}
        for name, saved in state.saved_queries().items()
        if all(p.default is not None for p in saved.parameters.values())
    }
    endpoint = str(request.base_url) + "sparql"
    page = render_adhoc(
        query, lang, linker, results, error, other_lang_href(request, lang), examples, endpoint, formats
    )
    headers = {"Vary": "Accept-Language"} | ({"Retry-After": str(retry)} if retry else {})
    return html_response(page, status=status, headers=headers)
