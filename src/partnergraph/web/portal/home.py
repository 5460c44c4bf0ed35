"""`/`: what the data is, its headline figures, entry points (countries, years, topics, MOPS units), a
search box and two charts, all from the build's aggregates."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ._common import N_, aggregates_of, page_response, page_setup
from .charts import home_charts
from .figures import count_figures, ranked, years

router = APIRouter()


def home_context(agg: dict, lang: str) -> dict:
    return {
        "figures": count_figures(agg),
        "countries": ranked(agg, "countries", lang, 12),
        "topics": ranked(agg, "topics", lang, 12),
        "units": ranked(agg, "units", lang, 8),
        "years": years(agg),
        "charts": home_charts(agg, lang),
    }


@router.api_route("/", methods=["GET", "HEAD"])
async def home(request: Request):
    lang, linker = page_setup(request)
    agg = await aggregates_of(request)
    return page_response(
        request, "home.html", lang, linker, N_("partnergraph"), nav="home", **home_context(agg, lang)
    )
