"""What the portal's views share: the catalog of the build being served, the search index, and a page
answer in the reader's language."""

from __future__ import annotations

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from .._html import Linker
from .._http import html_response, lang_of, other_lang_href, state_of
from ..templating import N_, gettext, render  # noqa: F401 (N_ for the views)


async def catalog_of(request: Request):
    from .catalog import read_catalog

    state = state_of(request)
    return await run_in_threadpool(state.cached, "portal:catalog", lambda: read_catalog(state.store))


async def search_index_of(request: Request):
    """The search index of the build being served, made at the first search after each build (0.2 s for
    the seed graph's 150 documents) and dropped with the other cached values when a new build arrives."""
    from ...search import build_index, read_documents

    state = state_of(request)
    return await run_in_threadpool(
        state.cached, "portal:search", lambda: build_index(read_documents(state.store))
    )


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
