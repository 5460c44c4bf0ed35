"""What the portal's views share: the aggregates of the build being served, the search index, and a page
answer in the reader's language."""

from __future__ import annotations

import gc
import logging

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from .._html import Linker
from .._http import html_response, lang_of, other_lang_href, state_of
from ..templating import N_, gettext, render  # noqa: F401 (N_ for the views)

log = logging.getLogger(__name__)


async def aggregates_of(request: Request) -> dict:
    """The aggregates of the build being served (build/aggregates.json, read once per build). A server
    on a remote endpoint, or on a build made before the file existed, computes them from the store once."""
    from ...aggregates import compute_aggregates, load_aggregates
    from ...errors import StoreError

    state = state_of(request)

    def read() -> dict:
        try:
            agg = load_aggregates(state.settings.build_dir)
            _freeze(agg)
            return agg
        except StoreError as e:
            if not state.config.endpoint:
                log.warning("%s; counting from the store instead", e)
            return state.cached("portal:aggregates", lambda: compute_aggregates(state.store))

    return await run_in_threadpool(read)


_frozen: list[int] = []


def _freeze(agg: dict) -> None:
    """Keep the garbage collector from walking a newly read aggregates file (10^5 events are millions
    of objects: a full collection took seconds, the 99th percentile of every page)."""
    if not _frozen or _frozen[-1] != id(agg):
        gc.freeze()
        _frozen[:] = [id(agg)]


async def derived_of(request: Request, key, make):
    """A value derived from the aggregates (a sorted list, the map's groups), made once per build."""
    state = state_of(request)
    return await run_in_threadpool(state.cached, ("portal", key), make)


async def search_index_of(request: Request):
    """The search index of the build being served: build/search.sqlite, written by `build` and `add`,
    opened read-only. A server on a remote endpoint (no build folder) makes one in memory at the first
    search."""
    from ...search import build_index, open_index, read_documents
    from ...state import SEARCH_FILE

    state = state_of(request)
    path = state.settings.build_dir / SEARCH_FILE

    def make():
        if path.is_file():
            return open_index(path)
        return build_index(read_documents(state.store))

    return await run_in_threadpool(state.cached, "portal:search", make)


def page_setup(request: Request) -> tuple[str, Linker]:
    lang, explicit = lang_of(request)
    return lang, Linker(lang=lang, lang_in_links=explicit)


def page_response(
    request: Request, template: str, lang: str, linker: Linker, title: str, status: int = 200, **context
):
    """`template` rendered; `title` is an English message id, shown translated."""
    html = render(
        template,
        lang,
        linker=linker,
        title=gettext(lang, title),
        other_lang_href=other_lang_href(request, lang),
        **context,
    )
    return html_response(html, status=status, headers={"Vary": "Accept-Language"})
