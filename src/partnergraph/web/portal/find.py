"""`/search?q=…`: full-text search in Polish (the search package), results grouped by what they are."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ._common import N_, page_response, page_setup, search_index_of

router = APIRouter()
MAX_QUERY = 200  # characters; a longer query is cut
KIND_NAMES = {
    "event": N_("Event"),
    "city": N_("City"),
    "country": N_("Country"),
    "organisation": N_("Organisation"),
    "unit": N_("MOPS unit"),
    "person": N_("Person"),
    "project": N_("Project"),
    "programme": N_("Programme"),
    "topic": N_("Topic"),
}


@router.api_route("/search", methods=["GET", "HEAD"])
async def search(request: Request):
    lang, linker = page_setup(request)
    query = (request.query_params.get("q") or "")[:MAX_QUERY].strip()
    hits = []
    if query:
        index = await search_index_of(request)
        hits = index.search(query, lang=lang)
    return page_response(
        request,
        "search.html",
        lang,
        linker,
        N_("Search"),
        nav="search",
        query=query,
        hits=hits,
        kinds=KIND_NAMES,
    )
