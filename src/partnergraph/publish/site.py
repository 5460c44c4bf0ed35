"""`partnergraph publish DIR`: the publication as a static site any static web host can serve.

Layout (paths relative to DIR, which is served as the host's root so that IRI `{BASE}X` is at
`/partnergraph/X`):

    index.html, index.pl.html            start page (English, Polish)
    partnergraph/X.html, X.pl.html       the resource page of every IRI the graph describes
    partnergraph/X.ttl .nt .jsonld .rdf  its RDF description (the ontology `def/` is `def/index.*`)
    partnergraph/dataset.html .pl.html .ttl ...   the dataset IRI `{BASE}dataset`: VoID + DCAT
    partnergraph/dumps/partnergraph.{nq,trig,ttl,nt,jsonld}
    network.html, network.pl.html        the network page
    ontology.html, ontology.pl.html      the ontology's documentation (English, Polish)
    dataset.html, dataset.pl.html, void.ttl, .well-known/void   VoID + DCAT
    .nojekyll                            so that GitHub Pages serves .well-known/

Every link names a file, relative to the page (`partnergraph/id/city/berlin-de.html`), so the site works
on any static host and from the folder itself. Hosts that also serve `X.html` for `/X` (GitHub Pages,
Netlify; `python -m http.server` does not) answer every published IRI path with its page as well; the RDF
files sit beside it. The dumps and the dataset's landing page sit inside `partnergraph/` too, so that the
addresses VoID gives them are in the dataset's namespace and resolve wherever the namespace does (a w3id.org
redirect covers `partnergraph/` only).
"""

from __future__ import annotations

import contextlib
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import iris
from .._atomic import make_temp_folder
from ..errors import PartnergraphError
from ..settings import Settings
from .dumps import DUMP_FORMATS, DUMP_NAME, replace_folder
from .void import dataset_stats, void_graph

LANGS = ("en", "pl")
DUMPS_FOLDER = "partnergraph/dumps"  # the web module's Linker.file() links the site's dumps here too


@dataclass
class SiteReport:
    folder: Path
    resources: int = 0
    files: int = 0
    skipped: list[str] = field(default_factory=list)


def default_site_url() -> str:
    """Where the site is served when the IRIs resolve to it: the base without 'partnergraph/'."""
    base = iris.BASE
    return base[: -len("partnergraph/")] if base.endswith("/partnergraph/") else base


MARKER = ".partnergraph-site"  # in every folder publish writes: it replaces or removes only those
STALE_SECONDS = 600  # a staging folder this old belongs to no publish still running


def remove_leftovers(out_dir: Path) -> None:
    """The staging folders that killed publishes left beside the site (`.SITE.xxxx`, or `.SITE.old`
    when killed between the two renames), each a whole copy of the site, which no later run removed."""
    for folder in out_dir.parent.glob(f".{out_dir.name}.*"):
        with contextlib.suppress(OSError):  # another process may be removing it too
            if (folder / MARKER).is_file() and time.time() - folder.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(folder)


def published_iris(store) -> list[str]:
    """Every IRI under the base that is the subject of a triple, without '#' parts."""
    rows = store.select(
        f"SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), '{iris.BASE}')) }}"
    )
    return sorted({str(r["s"]).split("#", 1)[0] for r in rows.rows})


def _write(path: Path, data: str | bytes, report: SiteReport) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    report.files += 1


def publish_site(
    out_dir: str | Path, settings: Settings | None = None, store=None, site_url: str | None = None
) -> SiteReport:
    """Write the static site into `out_dir` (replaced as a whole once everything is written)."""
    from ..web._html import Linker
    from ..web._results import serialize_graph
    from ..web.dataset import class_labels, render_dataset
    from ..web.describe import describe
    from ..web.mime import BY_NAME, GRAPH_FORMATS
    from ..web.pages import render_resource
    from ..web.portal.site import write_portal_pages
    from ..web.portal.viz import place_map, places_by_area
    from ..web.templating import use_home

    settings = settings or Settings.default()
    use_home(settings.reference_dir)  # the pages name the home organisation of this data
    site_url = site_url or default_site_url()
    if not site_url.endswith("/"):
        site_url += "/"
    out_dir = Path(out_dir).resolve()
    if out_dir in (settings.root.resolve(), Path.home().resolve(), Path("/")):
        raise PartnergraphError(f"refusing to replace {out_dir}: choose an empty or new folder")
    if out_dir.exists() and not out_dir.is_dir():
        raise PartnergraphError(f"{out_dir} is a file, not a folder; choose a new or empty folder")
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise PartnergraphError(
            f"{out_dir} is not empty and was not written by `partnergraph publish`; choose another folder"
        )
    from ..aggregates import compute_aggregates, load_aggregates

    if store is None:
        from ..state import open_embedded

        store = open_embedded(settings)
        aggregates = load_aggregates(settings.build_dir)
    else:  # a store of its own (tests): counted from it
        aggregates = compute_aggregates(store)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out_dir)
    staging = make_temp_folder(out_dir.parent, f".{out_dir.name}.")
    report = SiteReport(out_dir)
    try:
        _write(staging / MARKER, "written by partnergraph publish\n", report)
        _write(staging / ".nojekyll", "", report)
        areas = places_by_area(aggregates)  # a city's or a country's cities on its page's map
        for iri in published_iris(store):
            desc = describe(store, iri, str(iris.DEF))
            if not desc.exists:
                continue
            rest = iri[len(iris.BASE) :]
            if any(seg in ("", ".", "..") for seg in rest.rstrip("/").split("/")):
                report.skipped.append(iri)
                continue
            stem = "partnergraph/" + (rest + "index" if rest.endswith("/") else rest)
            here_en, here_pl = f"{stem}.html", f"{stem}.pl.html"
            for lang, here, other in (("en", here_en, here_pl), ("pl", here_pl, here_en)):
                linker = Linker(static=True, here=here, lang=lang)
                other_href = Path(other).name
                shown = place_map(areas.get(iri, []), lang, Linker(static=True, here=here, lang=lang))
                _write(staging / here, render_resource(desc, lang, linker, other_href, shown), report)
            graph = desc.graph()
            for fmt in GRAPH_FORMATS:
                _write(staging / f"{stem}.{fmt.suffix}", serialize_graph(graph, fmt), report)
            report.resources += 1
        for suffix in DUMP_FORMATS:
            source = settings.dumps_dir / f"{DUMP_NAME}.{suffix}"
            if source.is_file():
                (staging / DUMPS_FOLDER).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, staging / DUMPS_FOLDER / source.name)
                report.files += 1
        stats = dataset_stats(store, settings.dumps_dir)
        labels = class_labels(store, stats)  # the classes by name on dataset.html
        namespace_url = (
            site_url + "partnergraph/"
        )  # where {BASE} is served: dumps/ and dataset.html are in it
        void = void_graph(stats, namespace_url, landing_page=namespace_url + "dataset.html")
        _write(staging / "void.ttl", serialize_graph(void, BY_NAME["turtle"]), report)
        _write(staging / ".well-known" / "void", serialize_graph(void, BY_NAME["turtle"]), report)
        for fmt in GRAPH_FORMATS:
            _write(staging / f"partnergraph/dataset.{fmt.suffix}", serialize_graph(void, fmt), report)
        for lang in LANGS:
            suffix = "html" if lang == "en" else f"{lang}.html"
            other = "dataset.pl.html" if lang == "en" else "dataset.html"
            for here in (f"dataset.{suffix}", f"partnergraph/dataset.{suffix}"):
                linker = Linker(static=True, here=here, lang=lang)
                _write(staging / here, render_dataset(stats, lang, linker, site_url, other, labels), report)
            _write(staging / f"network.{suffix}", _network(store, lang), report)
        write_portal_pages(
            store, aggregates, staging, settings.dumps_dir, lambda path, text: _write(path, text, report)
        )
        from ..ontology_tools import render_ontology_docs

        for lang in LANGS:
            path = staging / ("ontology.html" if lang == "en" else f"ontology.{lang}.html")
            render_ontology_docs(settings.ontology_dir, path, lang)
            _with_header(path, lang)
            report.files += 1
        if out_dir.exists():
            replace_folder(staging, out_dir)
        else:
            staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return report


def _with_header(path: Path, lang: str) -> None:
    """The ontology's documentation (pyLODE's page) in `lang` with the site's header, as the server gives it."""
    from ..web._html import Linker
    from ..web.portal.documents import readable_ontology, with_site_header

    linker = Linker(static=True, here=path.name, lang=lang)
    other = "ontology.pl.html" if lang == "en" else "ontology.html"
    page = readable_ontology(path.read_text(encoding="utf-8"), lang)
    page = with_site_header(page, lang, linker, other, "ontology", "content")
    path.write_text(page, encoding="utf-8")  # inside the staging folder, renamed into place whole


def _network(store, lang: str) -> str:
    """The network page, its nodes linking to the site's files: partnergraph/X.html (X.pl.html)."""
    from ..views import render_network_page
    from ..web._html import Linker
    from ..web.portal.documents import network_bundle, with_site_header

    suffix = ".html" if lang == "en" else f".{lang}.html"
    page = render_network_page(
        store, lang=lang, link_base="partnergraph/", link_suffix=suffix, script_src=network_bundle("")
    )
    linker = Linker(static=True, here=f"network{suffix}", lang=lang)
    other = "network.pl.html" if lang == "en" else "network.html"
    return with_site_header(page, lang, linker, other, "network", "pg-graph")
