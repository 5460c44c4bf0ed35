"""The interactive network page: one self-contained HTML file (vis-network, the page's script and style
inline; nothing from a network), positions computed beforehand, colour and shape by class with a legend,
size by degree, filters for years, event type, direction, topic and country, a search box, tooltips with
the quoted source text, and a side panel that links to the resource page on the server.

pyvis is used for what it ships (the vis-network build) but not for its template or its `add_node`
and `add_edge`, which check a list on every insert (quadratic) and whose template asks a CDN for
Bootstrap. The page data goes into a `<script type="application/json">` block with `<`, `>` and `&`
escaped, and the script sets every data string as text, so a label reading `<script>` shows as that.
"""

from __future__ import annotations

import html
import json
import math
import re
from functools import cache
from importlib import resources
from string import Template

from .. import iris
from ..errors import PartnergraphError
from ..web.templating import N_, gettext, translate

VIS_VERSION = "9.1.2"
QUOTE_LIMIT = 600  # characters of a section's text put in the page (the resource page has it all)
LANGS = ("pl", "en")
# vis-network spends about 80 µs on each edge it is given, so above GRADUAL_EDGES edges the page is drawn
# with its nodes first and gets the edges EDGE_CHUNK at a time (positions are fixed, nothing moves). Each
# chunk redraws what is there, so small chunks cost much more in all (20k nodes, 91k edges: nodes drawn
# at 3.8 s and edges done at 18.5 s with 30k chunks, 53 s with 8k chunks, all at once 8-10 s).
GRADUAL_EDGES = 20000
EDGE_CHUNK = 30000

# class -> (colour, vis-network shape, label: an English msgid of web/locale), in legend order
KIND_STYLE = {
    "event": ("#4e79a7", "dot", N_("event")),
    "unit": ("#f28e2b", "square", N_("MOPS unit")),
    "organisation": ("#59a14f", "star", N_("organisation")),
    "person": ("#edc948", "triangleDown", N_("person")),
    "city": ("#e15759", "triangle", N_("city")),
    "country": ("#76b7b2", "hexagon", N_("country")),
    "project": ("#b07aa1", "diamond", N_("project")),
    "programme": ("#ff9da7", "square", N_("programme")),
    "topic": ("#9c755f", "diamond", N_("topic")),
}
RELATIONS = {
    "involvesCity": N_("involves city"),
    "involvesCountry": N_("involves country"),
    "involvesOrganisation": N_("involves organisation"),
    "involvesPerson": N_("involves person"),
    "involvesUnit": N_("involves MOPS unit"),
    "partOfProject": N_("part of project"),
    "fundedByProgramme": N_("funded by programme"),
    "subject": N_("topic"),
    "containedInPlace": N_("contained in place"),
    "basedIn": N_("based in"),
}
# the page's interface strings by key, English msgids (their Polish is in web/locale/pl)
UI = {
    "title": N_("MOPS Kraków's international cooperation network"),
    "description": N_(
        "The international cooperation events of MOPS Kraków with their partners, places and topics as"
        " a network: filters, search and quotes from the sources."
    ),
    "search": N_("Search"),
    "searchHint": N_("name, city, topic…"),
    "noMatch": N_("no match"),
    "years": N_("Years"),
    "from": N_("from"),
    "to": N_("to"),
    "type": N_("Event type"),
    "direction": N_("Direction"),
    "topic": N_("Topic"),
    "country": N_("Country"),
    "participants": N_("Participants"),
    "all": N_("all"),
    "reset": N_("Clear filters"),
    "filters": N_("Filters"),
    "legend": N_("Legend"),
    "close": N_("Close"),
    "kind": N_("Class"),
    "dates": N_("Dates"),
    "undated": N_("no date"),
    "events": N_("Events"),
    "sourceText": N_("Source text"),
    "openPage": N_("Open the resource page"),
    "openIri": N_("Open the IRI"),
    "linked": N_("Linked"),
    "shown": N_("nodes shown: {shown} of {total}"),
    "zoomIn": N_("Zoom in"),
    "zoomOut": N_("Zoom out"),
    "fit": N_("Fit to screen"),
    "png": N_("Save as PNG"),
    "allQuotes": N_("Show all {n} quotes"),
}


class ViewError(PartnergraphError):
    """The page cannot be made (an unknown language, or the vis-network build is missing)."""


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


@cache
def vis_network_js() -> str:
    """The standalone vis-network build that ships inside the pyvis package."""
    try:
        path = resources.files("pyvis").joinpath(
            "templates", "lib", f"vis-{VIS_VERSION}", "vis-network.min.js"
        )
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError) as e:
        raise ViewError(f"the vis-network {VIS_VERSION} build that pyvis ships is missing ({e})") from None
    if "</script" in text.lower():  # would end the inline script early
        raise ViewError("the vis-network build contains '</script' and cannot be inlined")
    return text


def _json_for_script(data) -> str:
    """JSON that cannot end or open an HTML element inside a <script> block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _lang_index(lang: str) -> int:
    if lang not in LANGS:
        raise ViewError(f"unknown language {lang!r}; choose from {', '.join(LANGS)}")
    return LANGS.index(lang)


def page_data(
    graph,
    positions,
    lang: str = "en",
    link_base: str | None = None,
    title: str | None = None,
    edge_chunk: int | None = None,
    link_suffix: str = "",
):
    """The page's data: nodes (label, class, position, size, filter fields), edges, filter options."""
    li = _lang_index(lang)
    other = LANGS[1 - li]
    concepts = graph.graph.get("concepts", {})
    kinds = list(KIND_STYLE)
    counts = {k: 0 for k in kinds}
    order = sorted(graph, key=lambda n: (kinds.index(graph.nodes[n]["kind"]), n))
    index = {n: i for i, n in enumerate(order)}
    for n in order:
        counts[graph.nodes[n]["kind"]] += 1

    def concept_options(field: str, used: set[str]) -> list[list[str]]:
        labels = concepts.get(field, {})
        options = [[c, labels.get(c, (c, c))[li]] for c in used]
        return sorted(options, key=lambda o: (o[1].lower(), o[0]))

    events = [graph.nodes[n] for n in order if graph.nodes[n]["kind"] == "event"]
    types = concept_options("type", {e["type"] for e in events if e.get("type")})
    directions = concept_options("direction", {e["direction"] for e in events if e.get("direction")})
    topics = concept_options("topic", {t for e in events for t in e.get("topics", [])})
    country_labels = {
        n.rstrip("/").rsplit("/", 1)[-1]: graph.nodes[n][f"label_{lang}"]
        for n in order
        if graph.nodes[n]["kind"] == "country"
    }
    used_countries = {c for e in events for c in e.get("countries", [])}
    countries = sorted(
        ([c, country_labels.get(c, c.upper())] for c in used_countries), key=lambda o: (o[1].lower(), o[0])
    )
    position_of = {
        field: {o[0]: i for i, o in enumerate(opts)}
        for field, opts in (
            ("type", types),
            ("direction", directions),
            ("topic", topics),
            ("country", countries),
        )
    }
    participants = concepts.get("participants", {})
    years = [y for e in events for y in (e.get("year_from"), e.get("year_to")) if y is not None]

    scale = 100 * math.sqrt(len(graph)) + 200
    nodes = []
    for n in order:
        data = graph.nodes[n]
        x, y = positions.get(n, (0.0, 0.0))
        degree = graph.degree(n)
        node = {
            "i": n,
            "k": kinds.index(data["kind"]),
            "l": data[f"label_{lang}"],
            "x": round(x * scale, 1),
            "y": round(y * scale, 1),
            "s": round(min(8 + 3.5 * math.sqrt(degree), 48), 1),
        }
        if data[f"label_{other}"] != node["l"]:
            node["a"] = data[f"label_{other}"]
        if data["kind"] == "event":
            node.update(_event_fields(data, position_of, participants, li))
        else:
            node.update(_entity_fields(graph, n))
        nodes.append(node)
    relations = sorted({r for _, _, r in graph.edges(data="relation")})
    rel_index = {r: i for i, r in enumerate(relations)}
    edges = sorted(
        [index[a], index[b], rel_index[d["relation"]], d.get("quote") or ""]
        for a, b, d in graph.edges(data=True)
    )
    for edge in edges:
        if not edge[3]:
            edge.pop()
    return {
        "lang": lang,
        "title": title or gettext(lang, UI["title"]),
        "base": iris.BASE,
        "linkBase": link_base,
        "linkSuffix": link_suffix,
        "ui": translate(lang, UI),
        "kinds": [
            {"id": k, "color": s[0], "shape": s[1], "label": gettext(lang, s[2]), "count": counts[k]}
            for k, s in KIND_STYLE.items()
        ],
        "relations": [gettext(lang, RELATIONS[r]) if r in RELATIONS else r for r in relations],
        "types": types,
        "directions": directions,
        "topics": topics,
        "countries": countries,
        "years": [min(years), max(years)] if years else None,
        "focus": index.get(graph.graph.get("focus")),
        "edgeChunk": EDGE_CHUNK if edge_chunk is None and len(edges) > GRADUAL_EDGES else edge_chunk or 0,
        "nodes": nodes,
        "edges": edges,
    }


def _event_fields(data, position_of, participants, li) -> dict:
    out = {}
    if data.get("year_from") is not None:
        out["y0"] = data["year_from"]
        out["y1"] = data.get("year_to") or data["year_from"]
    if data.get("start"):
        out["ds"] = data["start"]
        out["de"] = data.get("end") or data["start"]
    if data.get("type") in position_of["type"]:
        out["t"] = position_of["type"][data["type"]]
    if data.get("direction") in position_of["direction"]:
        out["r"] = position_of["direction"][data["direction"]]
    if data.get("participants"):
        out["p"] = participants.get(data["participants"], (data["participants"],) * 2)[li]
    if data.get("topics"):
        out["tp"] = sorted(position_of["topic"][t] for t in data["topics"])
    if data.get("countries"):
        out["c"] = sorted(position_of["country"][c] for c in data["countries"])
    text = " ".join((data.get("text") or "").split())
    if text:
        out["q"] = text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1].rstrip() + "…"
    return out


def _entity_fields(graph, node) -> dict:
    events = [graph.nodes[n] for n in graph[node] if graph.nodes[n]["kind"] == "event"]
    out = {"e": len(events)}
    starts = sorted(e["start"] for e in events if e.get("year_from") is not None and e.get("start"))
    if starts:
        out["ds"] = starts[0]
        out["de"] = max(
            e.get("end") or e["start"] for e in events if e.get("year_from") is not None and e.get("start")
        )
    quotes = sorted({d.get("quote") for _, _, d in graph.edges(node, data=True) if d.get("quote")})
    if quotes:
        out["q"] = " · ".join(quotes[:3])
    return out


def _with_texts(page: str, ui: dict[str, str]) -> str:
    """The page's interface texts in its markup (`<span data-ui="search"></span>` gets "Search"), so the first
    paint has them and nothing moves when the script sets them again."""
    return re.sub(
        r'(data-ui="(\w+)"[^>]*>)(</)',
        lambda m: m.group(1) + html.escape(ui[m.group(2)]).replace("$", "$$") + m.group(3),
        page,
    )


def render_network(
    graph,
    lang: str = "en",
    link_base: str | None = None,
    title: str | None = None,
    positions=None,
    edge_chunk: int | None = None,
    link_suffix: str = "",
    script_src: str | None = None,
) -> str:
    """The page for a networkx graph made by partnergraph.network.build_network. `positions` default to
    compute_layout(graph); `edge_chunk` (default: automatic) is how many edges are added at a time after
    the first drawing (0: all at once); `link_suffix` see render_network_page. With `script_src` (the
    front-end's bundle of vis-network and the page's script, web/static/dist/network.js) the page loads
    that one deferred, cacheable file; without it, the page is one self-contained file with both inline."""
    from ..network import compute_layout

    if positions is None:
        positions = compute_layout(graph)
    data = page_data(
        graph,
        positions,
        lang=lang,
        link_base=link_base,
        title=title,
        edge_chunk=edge_chunk,
        link_suffix=link_suffix,
    )
    if script_src:
        scripts = f'<script src="{html.escape(script_src)}" defer></script>'
        policy = "'self'; connect-src 'self'"  # a page of the site: it may read the site (robots.txt)
    else:
        scripts = f"<script>\n{vis_network_js()}\n</script>\n<script>\n{_asset('network.js')}\n</script>"
        policy = "'unsafe-inline'"
    return Template(_with_texts(_asset("network.html"), data["ui"])).substitute(
        lang=lang,
        title=html.escape(data["title"]),
        description=html.escape(data["ui"]["description"]),
        css=_asset("network.css"),
        data=_json_for_script(data),
        scripts=scripts,
        script_policy=policy,
    )


def render_network_page(
    store,
    lang: str = "en",
    focus: str | None = None,
    depth: int | None = None,
    link_base="/partnergraph/",
    link_suffix: str = "",
    script_src: str | None = None,
) -> str:
    """The network page for a store (embedded or remote): the whole graph, or the nodes within `depth`
    steps (default 2) of the IRI `focus`. Nodes link to `link_base` + the IRI's path after the base (the
    web app's resource pages) + `link_suffix` (".html" for a static site's files, where a path ending in
    "/" becomes ".../index.html"); with link_base=None the page is a static file and the side panel links
    to the IRI itself."""
    from ..network import build_network, focus_network

    _lang_index(lang)
    graph = build_network(store)
    if focus:
        graph = focus_network(graph, focus, 2 if depth is None else depth)
    return render_network(
        graph, lang=lang, link_base=link_base, link_suffix=link_suffix, script_src=script_src
    )
