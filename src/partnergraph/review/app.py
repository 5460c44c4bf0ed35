"""The review application: a queue of values to check, a page view with each value highlighted in the
page's text, and the corrections a reviewer makes, saved to data/curation.yaml and data/reference/.

Local only: every request must come to 127.0.0.1/localhost (no DNS rebinding); every write must carry
the token of this run (a page of another site cannot read it); each event's corrections carry a version,
so that a stale tab's edit is refused with a message instead of overwriting a newer one. Writes are
serialised by one lock; the graph follows in the background (graph.py).
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import Graph, Namespace
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import regions
from .._together import finish_pending, write_together
from ..curate import read_curation
from ..errors import CurationError, PartnergraphError
from ..model import LIST_FIELDS
from ..settings import Settings
from ..web.templating import STATIC, TEMPLATES, gettext
from . import affected, curation_file, registry_file, reshape
from .errors import ReviewError
from .graph import REGISTRY, GraphUpdater
from .messages import LANGS, error_message, messages, pick_language
from .page_text import segments
from .values import FIELDS, STATES, Corpus, PageView, describe

HERE = Path(__file__).parent
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]"}
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SCHEME_FIELDS = {
    "event-types": "type",
    "directions": "direction",
    "participant-kinds": "participants",
    "topics": "topics",
}
DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|--\d{2}-\d{2})$")
ISO2 = re.compile(r"^[A-Z]{2}$")
DEFAULT_DIRECTION = "incoming"  # a missed event's first guess (most reported contacts are visits to the city)


def read_concepts(ontology_dir: Path) -> dict[str, dict[str, dict[str, str]]]:
    """field -> concept id -> {lang: label}, from the SKOS schemes of the ontology."""
    graph = Graph().parse(ontology_dir / "schemes.ttl")
    out: dict[str, dict[str, dict[str, str]]] = {f: {} for f in SCHEME_FIELDS.values()}
    for concept, scheme in graph.subject_objects(SKOS.inScheme):
        field = SCHEME_FIELDS.get(str(scheme).rstrip("/").rsplit("/", 1)[-1])
        if field:
            labels = {lbl.language: str(lbl) for lbl in graph.objects(concept, SKOS.prefLabel)}
            out[field][str(concept).rsplit("/", 1)[-1]] = labels
    return {f: dict(sorted(c.items())) for f, c in out.items()}


@dataclass
class Review:
    settings: Settings
    corpus: Corpus
    updater: GraphUpdater
    token: str
    concepts: dict
    write_lock: threading.Lock
    gazetteer: object = None

    def cities(self, query: str) -> list:
        if self.gazetteer is None:
            from ..extract.gazetteer import load_gazetteer

            self.gazetteer = load_gazetteer()
        found = {c.geonames_id: c for c in self.gazetteer.find_cities(query.strip())}  # a town once
        return sorted(found.values(), key=lambda c: -c.population)[:10]


def registry_choices(registries, lang: str) -> dict:
    """What the page view's forms offer: the registry's organisations (by name; `registered` with their
    aliases), their kinds, and the countries by ISO code with their names in `lang`."""
    organisations = registries.organisations
    return {
        "organisations": sorted({o.name for o in organisations}),
        "registered": {n for o in organisations for n in (o.name, *o.aliases)},
        "kinds": sorted({o.kind for o in organisations if o.kind}),
        "countries": [
            (c.iso2, c.name_pl if lang == "pl" else c.name_en) for c in registries.countries.values()
        ],
    }


def open_review(settings: Settings):
    """The app of `partnergraph review`, with the graph built first if out of date; (app, the build's
    report or None, the build's error or None). A correction the graph refuses does not fail that build (its
    event goes in as extracted, the report names it); when it fails otherwise, the previous build stays, and
    every page is updated again at once and with the next save."""
    from ..build import ensure_built
    from ..generation import current_folder
    from ..sources import read_manifest

    finish_pending(settings.data_dir)  # before the build reads data/: a decision a kill interrupted
    report = failed = None
    try:
        report = ensure_built(settings)
    except PartnergraphError as e:
        if current_folder(settings.build_dir) is None:
            raise
        failed = str(e)
    app = create_app(settings)
    if failed:
        pages = {entry.source_id for entry in read_manifest(settings.sources_dir)}
        app.state.review.updater.fail(pages | {REGISTRY}, failed)
    return app, report, failed


def create_app(settings: Settings, token: str | None = None, updater: GraphUpdater | None = None) -> FastAPI:
    finish_pending(settings.data_dir)  # a decision a kill interrupted: its files all old or all new
    review = Review(
        settings,
        Corpus(settings),
        updater or GraphUpdater(settings),
        token or secrets.token_urlsafe(24),
        read_concepts(settings.ontology_dir),
        threading.Lock(),
    )
    # the towns' regions for the town picker: read (or made, some 12 s the first time) while the reviewer reads
    threading.Thread(target=regions.warm, name="town-regions", daemon=True).start()
    # the review's templates, and the portal's for what the two share (_theme.html: the theme switch)
    loader = FileSystemLoader([HERE / "templates", TEMPLATES])
    env = Environment(loader=loader, autoescape=select_autoescape(["html"]))
    app = FastAPI(title="partnergraph review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.review = review

    @app.get("/static/theme.js", include_in_schema=False)  # before /static, which would answer it 404
    def theme_script():
        """The portal's theme switch (web/static/theme.js), the same file."""
        return FileResponse(STATIC / "theme.js", media_type="text/javascript")

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def lang_of(request: Request) -> str:
        return pick_language(
            # the page's own language first: a tab's error reads as the tab does
            request.query_params.get("lang")
            or request.headers.get("x-review-lang")
            or request.cookies.get("lang"),
            request.headers.get("accept-language"),
        )

    def refuse(request: Request, key: str, status: int, **params) -> JSONResponse:
        return JSONResponse({"error": error_message(lang_of(request), key, params), "key": key}, status)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        host = (request.headers.get("host") or "").rsplit(":", 1)[0]
        if host not in LOCAL_HOSTS:
            return refuse(request, "bad_host", 403)
        if request.method not in ("GET", "HEAD"):
            if not secrets.compare_digest(request.headers.get("x-review-token", ""), review.token):
                return refuse(request, "no_token", 403)
        response = await call_next(request)
        if "lang" in request.query_params and request.query_params["lang"] in LANGS:
            response.set_cookie("lang", request.query_params["lang"], samesite="strict")
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        lang = lang_of(request)
        concepts = review.concepts

        def label(field: str, key: str) -> str:
            return (concepts.get(field, {}).get(key) or {}).get(lang) or key

        def number(value, decimals: int = 0) -> str:  # in the reader's locale: 0,45 in Polish
            return format_decimal(
                value, format=f"#,##0{'.' + '0' * decimals if decimals else ''}", locale=lang
            )

        graph = review.updater.status()
        context |= {
            "t": messages(lang),
            "_": lambda message: gettext(lang, message),  # the portal's templates' way (_theme.html)
            "label": label,
            "number": number,
            "lang": lang,
            "other_lang": "en" if lang == "pl" else "pl",
            "token": review.token,
            "concepts": review.concepts,
            "describe": describe,
            "fields": FIELDS,
            "states": STATES,
            "list_fields": LIST_FIELDS,
            "status": graph,
            "refused": {r["event"]: r["problems"] for r in graph["refused"]},
        }
        return HTMLResponse(env.get_template(name).render(**context), status)

    def answer_error(request: Request, key: str, status: int, **params):
        """A page a person reads in the browser; a JSON answer for the page's own requests."""
        if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
            message = error_message(lang_of(request), key, params)
            return render(request, "error.html", status, message=message)
        return refuse(request, key, status, **params)

    @app.exception_handler(ReviewError)
    async def review_error(request: Request, e: ReviewError):
        return answer_error(request, e.key, e.status, **e.params)

    @app.exception_handler(CurationError)
    async def curation_error(request: Request, e: CurationError):  # a hand edit broke the file
        detail = str(e).removeprefix(f"{settings.curation_file}: ")
        return answer_error(request, "bad_curation", 409, path=str(settings.curation_file), detail=detail)

    @app.exception_handler(PartnergraphError)
    async def other_error(request: Request, e: PartnergraphError):
        return answer_error(request, "bad_request", 400, detail=str(e))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, e: StarletteHTTPException):
        if e.status_code == 404:
            return answer_error(request, "not_found", 404, path=request.url.path)
        return refuse(request, "bad_request", e.status_code, detail=str(e.detail))

    @app.get("/", response_class=HTMLResponse)
    def queue(request: Request, page: str = "", field: str = "", state: str = "open"):
        pages = review.corpus.pages()
        rows = [
            (p, e, v)
            for p in pages
            for e in p.events
            for v in e.values
            if (not page or p.source_id == page)
            and (not field or v.field == field)
            and (state == "all" or v.state == state)
        ]
        rows.sort(key=lambda r: (r[2].confidence, r[0].source_id, r[2].event_id, FIELDS.index(r[2].field)))
        filters = {"page": page, "field": field, "state": state}
        data = curation_file.load(settings.curation_file)
        shown = {s.event for p in pages for s in p.stale} | {v.event_id for _, _, v in rows[:500]}
        versions = {event: curation_file.version(data, event) for event in shown}
        return render(
            request,
            "queue.html",
            pages=pages,
            rows=rows[:500],
            total=len(rows),
            filters=filters,
            versions=versions,
        )

    @app.get("/page/{source_id}", response_class=HTMLResponse)
    def page_view(request: Request, source_id: str):
        view = page_or_404(source_id)
        data = curation_file.load(settings.curation_file)
        versions = {
            e: curation_file.version(data, e)
            for e in {c.event.id for c in view.events} | {s.event for s in view.stale}
        }
        return render(
            request,
            "page.html",
            page=view,
            segments=segments(view),
            versions=versions,
            registry_version=registry_file.version(settings.reference_dir),
            **registry_choices(review.corpus.registries, lang_of(request)),
        )

    def page_or_404(source_id: str) -> PageView:
        if source_id not in review.corpus.extracted:
            raise ReviewError("no_page", status=404, page=source_id)
        return review.corpus.page(source_id)

    def status_of(request: Request) -> dict:
        """The graph's state; with corrections the graph refuses, a sentence naming them in the reader's
        language."""
        status = review.updater.status()
        if status["refused"]:
            events = ", ".join(r["event"] for r in status["refused"])
            status["message"] = messages(lang_of(request))["graph_refused"].replace("{events}", events)
        return status

    @app.get("/api/status")
    def status(request: Request):
        return status_of(request)

    @app.get("/api/cities")
    def cities(request: Request, q: str = ""):
        """The gazetteer's towns of a name, each with what tells same-named towns apart: its region and
        country (by name, in the reader's language where known), people, coordinates and GeoNames id."""
        lang = lang_of(request)
        names = dict(registry_choices(review.corpus.registries, lang)["countries"])
        return [
            {
                "name": c.name,
                "name_pl": c.name_pl,
                "region": regions.region_of(c.geonames_id, lang),
                "country": c.country,
                "country_name": names.get(c.country, c.country),
                "geonames_id": c.geonames_id,
                "population": c.population,
                "lat": c.lat,
                "lon": c.lon,
            }
            for c in (review.cities(q[:100]) if q.strip() else [])
        ]

    @app.post("/api/correct")
    async def correct(request: Request, wait: float = 0):
        """Save one correction. `?wait=SECONDS` (at most 300): answer once the graph took it (or refused
        it: the answer's status names it), not at once."""
        body = await json_body(request)
        with review.write_lock:
            page = apply_correction(review, body)
        if wait > 0:
            await asyncio.to_thread(review.updater.wait, min(wait, 300))
        return {"ok": True, "page": page, "status": status_of(request)}

    @app.post("/api/entity")
    async def entity(request: Request):
        body = await json_body(request)
        with review.write_lock:
            result = apply_entity(review, body)
        return {"ok": True, **result}

    return app


async def json_body(request: Request) -> dict:
    if not (request.headers.get("content-type") or "").startswith("application/json"):
        raise ReviewError("bad_request", detail="expected JSON")
    raw = await request.body()
    if len(raw) > 64_000:
        raise ReviewError("bad_request", status=413, detail="too large")
    try:
        body = json.loads(raw)
    except ValueError:
        raise ReviewError("bad_request", detail="not JSON") from None
    if not isinstance(body, dict):
        raise ReviewError("bad_request", detail="expected an object")
    return body


def _text(body: dict, name: str, limit: int = 500) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise ReviewError("bad_request", detail=f"{name} missing or too long")
    return value.strip()


def _span(body: dict, text: str) -> tuple[int, int] | None:
    at = body.get("at")
    if at is None:
        return None
    if not (isinstance(at, list) and len(at) == 2 and all(isinstance(x, int) for x in at)):
        raise ReviewError("bad_request", detail="at must be [start, end]")
    start, end = at
    if not 0 <= start < end <= len(text):
        raise ReviewError("bad_request", detail="span outside the page")
    return start, end


def _checked_value(review: Review, field: str, value: str) -> str:
    """A value for a field, checked against the field's vocabulary."""
    ok = True
    if field in review.concepts:
        ok = value in review.concepts[field]
    elif field in ("start", "end"):
        ok = bool(DATE.match(value))
    elif field == "countries":
        ok = value in review.corpus.registries.countries
    if not ok:
        raise ReviewError("bad_value", value=value, field=field)
    return value


def _in_order(start: str | None, end: str | None) -> bool:
    """False when the end is before the start, compared at the coarser one's precision (2017-01 is
    neither before nor after 2017-01-31); a year-less date (--MM-DD) is not compared."""
    if not start or not end or start.startswith("--") or end.startswith("--"):
        return True
    n = min(len(start), len(end))
    return start[:n] <= end[:n]


def _city(review: Review, body: dict):
    """The gazetteer city the reviewer picked (by GeoNames id) or named: a name several towns have is
    refused without an id (the most populous is not always the one meant)."""
    name = _text(body, "value", 200)
    geonames_id = body.get("geonames_id")
    found = review.cities(name)
    if geonames_id is not None:
        found = [c for c in found if c.geonames_id == geonames_id]
    if not found:
        raise ReviewError("no_city", name=name)
    if len(found) > 1:
        towns = ", ".join(f"{c.name} ({c.country}, GeoNames {c.geonames_id})" for c in found)
        raise ReviewError("which_city", name=name, towns=towns)
    return found[0]


def _place_value(city, name_key: str) -> dict:
    """A town as curation.yaml names it: its name, its country and its GeoNames id (which says which town
    when several share the name)."""
    town = {name_key: city.name, "country": city.country}
    return town | ({"geonames_id": city.geonames_id} if city.geonames_id else {})


def _guess_type(quote: str) -> str:
    """The extractor's event type for a span a person marked as an event (for the person to check)."""
    from ..extract.classify import classify_type

    lines = [line.strip() for line in quote.splitlines() if line.strip()]
    return classify_type(lines[0] if lines else "", quote)[0]


def apply_correction(review: Review, body: dict) -> str:
    """One correction from the page view; returns the page id. Raises ReviewError (nothing saved)."""
    settings, corpus = review.settings, review.corpus
    op = body.get("op")
    data = curation_file.load(settings.curation_file)
    if op == "create":
        page = _text(body, "page", 100)
        if page not in corpus.texts:
            raise ReviewError("no_page", status=404, page=page)
        start, end = _span(body, corpus.texts[page]) or (0, 0)
        quote = corpus.texts[page][start:end]
        lines = [line.strip() for line in quote.splitlines() if line.strip()]
        title = body.get("title") or (lines[0][:150] if lines else "")
        if not isinstance(title, str) or not title.strip():
            raise ReviewError("bad_request", detail="select the event's text")
        guesses = {"type": _guess_type(quote), "direction": DEFAULT_DIRECTION}
        curation_file.create_event(data, page, title, (start, end), quote, corpus.event_ids(), guesses)
        curation_file.save(settings.curation_file, data)
        review.updater.mark(page)
        return page
    event_id = _text(body, "event", 300)
    page = event_id.split("/", 1)[0]
    view = corpus.page(page, data) if page in corpus.texts else None
    if op in ("forget", "carry_over"):  # a correction that matches nothing any more (no card, maybe)
        kind, field, key = body.get("kind"), body.get("field") or "", body.get("key") or ""
        into = body.get("into") if op == "carry_over" else None
        if op == "carry_over":  # to an event of the page with no corrections of its own, the person's pick
            kind, field, key = "no_event", "", ""
        if view is None or not any(
            (s.event, s.kind, s.field, s.key) == (event_id, kind, field, key)
            and (into is None or into in dict(s.candidates))
            for s in view.stale
        ):
            raise ReviewError("not_stale", event=event_id)
        curation_file.check_version(data, event_id, body.get("version"))
        if into is None:
            curation_file.forget(data, event_id, kind, field, key)
        else:
            curation_file.carry_over(data, event_id, into)
        curation_file.save(settings.curation_file, data)
        review.updater.mark(page)
        return page
    if op == "forget_refused":  # corrections the graph refuses: curation.yaml holds what the graph holds
        if event_id not in review.updater.refused_events():
            raise ReviewError("not_refused", event=event_id)
        curation_file.check_version(data, event_id, body.get("version"))
        curation_file.restore_event(data, event_id)  # every correction of it: the event as extracted
        curation_file.save(settings.curation_file, data)
        review.updater.mark(page)
        return page
    card = next((e for e in view.events if e.event.id == event_id), None) if view else None
    if card is None:
        raise ReviewError("no_event", status=404, event=event_id)
    curation_file.check_version(data, event_id, body.get("version"))
    field, places = body.get("field"), None  # places: places.csv's new text, when a city is new to it
    if op not in ("accept_event", "delete", "restore", "merge_events", "split") and field not in FIELDS:
        raise ReviewError("bad_field", field=str(field))
    if op == "accept":
        key = _text(body, "key")
        if not any(v.field == field and v.key == key and not v.removed for v in card.values):
            raise ReviewError("bad_value", value=key, field=field)
        curation_file.accept(data, event_id, {field: [key] if field in LIST_FIELDS else key})
    elif op == "accept_event":
        wanted: dict[str, list[str]] = {}
        for v in card.open:
            wanted.setdefault(v.field, []).append(v.key)
        curation_file.accept(
            data, event_id, {f: keys if f in LIST_FIELDS else keys[0] for f, keys in wanted.items()}
        )
    elif op == "set":
        value = _text(body, "value")
        if field == "location":
            city = _city(review, body)
            places = registry_file.add_place(settings.reference_dir, city)
            value = _place_value(city, "city")
        elif field != "title":
            value = _checked_value(review, field, value)
        if field in ("start", "end"):
            start, end = (value, card.event.end) if field == "start" else (card.event.start, value)
            if not _in_order(start, end):
                raise ReviewError("dates_order", start=start, end=end)
        curation_file.set_value(data, event_id, field, value)
    elif op == "remove":
        curation_file.remove_value(data, event_id, field, _text(body, "key"))
    elif op in ("add", "replace"):
        at = _span(body, corpus.texts[page])
        if field == "cities":
            city = _city(review, body)
            places = registry_file.add_place(settings.reference_dir, city)
            value = _place_value(city, "name")
        elif field == "title" or field not in LIST_FIELDS:
            raise ReviewError("bad_field", field=field)
        else:
            value = _checked_value(review, field, _text(body, "value"))
        quote = corpus.texts[page][at[0] : at[1]] if at else None  # the span is found again by it
        if op == "replace":
            curation_file.replace_value(data, event_id, field, _text(body, "key"), value, at, quote)
        else:
            curation_file.add_value(data, event_id, field, value, at, quote)
    elif op == "merge_events":
        keep = next((e for e in view.events if e.event.id == body.get("into") and not e.deleted), None)
        if keep is None or keep is card:
            raise ReviewError("no_event", status=404, event=str(body.get("into")))
        curation_file.check_version(data, keep.event.id, body.get("into_version"))
        reshape.merge_events(data, keep.event, card.event)
    elif op == "split":
        start, end = _span(body, corpus.texts[page]) or (0, 0)
        quote = corpus.texts[page][start:end]
        if not quote.strip():
            raise ReviewError("bad_request", detail="select the event's text")
        guesses = {"type": _guess_type(quote), "direction": card.event.direction or DEFAULT_DIRECTION}
        taken = corpus.event_ids() | {e.event.id for e in view.events}
        reshape.split_event(data, card.event, (start, end), corpus.texts[page], taken, guesses)
    elif op == "delete":
        curation_file.delete_event(data, event_id)
    elif op == "restore":
        curation_file.restore_event(data, event_id)
    else:
        raise ReviewError("bad_request", detail=f"unknown op {op!r}")
    if places is not None:  # a city new to places.csv: linked on every page that names it
        save_together(settings, {settings.reference_dir / "places.csv": places}, data)
        refresh_pages(review, {city.name, city.name_pl or city.name}, page)
    else:
        curation_file.save(settings.curation_file, data)
        review.updater.mark(page)
    return page


def save_together(settings: Settings, registry: dict[Path, str], curation) -> None:
    """A registry file and data/curation.yaml switched as one change (_together.py): a kill between the
    two writes left a correction naming what the registry did not hold yet. The curation goes last."""
    files = registry | {settings.curation_file: curation_file.dump(curation)}
    write_together(settings.data_dir, files)


def refresh_pages(review: Review, names: set[str], page: str | None = None) -> list[str]:
    """After a registry change about the body of these names: extract again, and remake the graphs of,
    the pages that name it (and `page`, where the decision was made); returns them."""
    corpus = review.corpus
    with corpus.lock:
        texts, extracted = dict(corpus.texts), dict(corpus.extracted)
    curation = read_curation(review.settings.curation_file)
    pages = affected.pages_naming(names, texts, extracted, curation) | ({page} if page else set())
    corpus.reload(pages)
    review.updater.mark(*pages, REGISTRY)
    return sorted(pages)


def apply_entity(review: Review, body: dict) -> dict:
    """An entity decision (it applies to every page): merge two organisation names, add one."""
    reference = review.settings.reference_dir
    registry_file.check_version(reference, body.get("version"))
    op = body.get("op")
    page = body.get("page") if body.get("page") in review.corpus.texts else None
    if op == "merge":
        old = _text(body, "name")
        name, registry = registry_file.merge_organisations(reference, old, _text(body, "into"))
        data = curation_file.load(review.settings.curation_file)
        curation_file.rename_value(data, "organisations", old, name)
        save_together(review.settings, {reference / "organisations.csv": registry}, data)
    elif op == "new_org":
        country = (body.get("country") or "").strip().upper() or None
        if country and not ISO2.match(country):
            raise ReviewError("bad_country", country=country)
        name = _text(body, "name")
        registry_file.add_organisation(reference, name, _text(body, "kind", 50), country)
    else:
        raise ReviewError("bad_request", detail=f"unknown op {op!r}")
    # the registry changes what extraction links, but only on the pages that name the body
    pages = refresh_pages(review, set(registry_file.organisation_names(reference, name)), page)
    return {"organisation": name, "pages": pages}
