"""`/`: what the data is, its headline figures, entry points (countries, years, topics, MOPS units), a
search box and two charts."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ._common import catalog_of, page_response, page_setup
from .charts import home_charts
from .figures import count_figures, ranked

router = APIRouter()


def home_context(catalog, lang: str) -> dict:
    return {
        "figures": count_figures(catalog),
        "countries": ranked(catalog, "countries", lang, 12),
        "topics": ranked(catalog, "topics", lang, 12),
        "units": ranked(catalog, "units", lang, 8),
        "years": catalog.years(),
        "charts": home_charts(catalog, lang),
    }


@router.api_route("/", methods=["GET", "HEAD"])
async def home(request: Request):
    lang, linker = page_setup(request)
    catalog = await catalog_of(request)
    return page_response(
        request, "home.html", lang, linker, "partnergraph", nav="home", **home_context(catalog, lang)
    )
