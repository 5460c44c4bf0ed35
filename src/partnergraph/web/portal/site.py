"""The portal's pages in the static site (`partnergraph publish DIR`): the same templates and context
builders as the server, with a static Linker (relative file links; `X.html` in English, `X.pl.html` in
Polish), and the static folder (stylesheets, the bundled front-end) copied beside them.

A static page cannot ask the server again, so the browse lists are written whole (no paging; the column
headers do not re-sort) and the search page searches an index written beside it (search.json)."""

from __future__ import annotations

from pathlib import Path

from ..._atomic import copy_folder
from .._html import Linker
from ..templating import N_, STATIC, gettext, render
from .browse import TITLES, list_context, rows_of
from .charts import all_charts
from .files import dump_rows
from .find import KIND_NAMES
from .home import home_context
from .viz import map_context

LANGS = ("en", "pl")


def _page(name: str, lang: str) -> str:
    return f"{name}.html" if lang == "en" else f"{name}.{lang}.html"


def write_portal_pages(store, agg: dict, out: Path, dumps_dir: Path, write) -> None:
    """Every portal page in both languages into `out`, from the graph in `store` and its aggregates
    `agg`; `write(path, text)` writes one file."""

    def page(name: str, template: str, lang: str, title: str, **context) -> None:
        here = _page(name, lang)
        other = Path(_page(name, "pl" if lang == "en" else "en")).name
        linker = Linker(static=True, here=here, lang=lang)
        for key, make in list(context.items()):
            if callable(make):
                context[key] = make(linker)
        html = render(
            template, lang, linker=linker, title=gettext(lang, title), other_lang_href=other, **context
        )
        write(out / here, html)

    for lang in LANGS:
        page("index", "home.html", lang, N_("partnergraph"), nav="home", **home_context(agg, lang))
        page("charts", "charts.html", lang, N_("Charts"), nav="charts", charts=all_charts(agg, lang))
        page("map", "map.html", lang, N_("Map"), nav="map", **_static_map(agg, lang, _page("map", lang)))
        kinds = {kind: gettext(lang, name) for kind, name in KIND_NAMES.items()}
        page("search", "search.html", lang, N_("Search"), nav="search", query="", hits=[], kinds=kinds)
        page("dumps/index", "dumps.html", lang, N_("Dumps"), nav="dataset", dumps=dump_rows(dumps_dir))
        lists = [(kind, TITLES[kind], None) for kind in TITLES]
        page("browse", "browse_index.html", lang, N_("Browse"), nav="browse", lists=lists)
        for kind in TITLES:
            here = _page(f"browse/{kind}", lang)
            linker = Linker(static=True, here=here, lang=lang)
            listed = list_context(agg, kind, lang, {})
            columns, rows = listed["columns"], rows_of(listed, linker)
            page(
                f"browse/{kind}",
                "browse.html",
                lang,
                TITLES[kind],
                nav="browse",
                kind=kind,
                columns=[(k, gettext(lang, t), numeric) for k, t, numeric in columns],
                rows=rows,
                total=len(rows),
                page=1,
                pages=1,
                sort="",
                order="",
                filters={},
                choices={},
                href=None,
                csv_href=None,
                json_href=None,
                action=None,
            )
    write(out / "search.json", _search_json(store))
    if STATIC.is_dir():
        copy_folder(STATIC, out / "static")  # modes by the umask, not the package's


def _static_map(agg: dict, lang: str, here: str) -> dict:
    return map_context(agg, lang, Linker(static=True, here=here, lang=lang))


def _search_json(store) -> str:
    """The static site's search index (search/static.py), links relative to the site's root."""
    import json

    from ...search import read_documents
    from ...search.static import static_index

    def href(iri: str, lang: str) -> str:
        return Linker(static=True, here="search.html", lang=lang).iri(iri)

    return json.dumps(static_index(read_documents(store), href), ensure_ascii=False, separators=(",", ":"))
