"""The network as a file Gephi opens: GEXF (with dates as Gephi's dynamic spells, so its timeline
works) or GraphML (dates as plain attributes).

Dates keep their stated precision in the graph ('2017-05'); a spell needs whole days, so a start is
widened to the first day ('2017-05-01') and an end to the last ('2017-05-31'). An event's spell is its
dates, an edge's is its event's, and an entity's runs from its first event to its last. Undated events
(and what only they involve) get no spell, which Gephi shows at every time.
"""

from __future__ import annotations

import calendar
from pathlib import Path

from .graph import NetworkError

FORMATS = ("gexf", "graphml")


def spell_start(value: str | None) -> str | None:
    """'2017-05' -> '2017-05-01'; '2017' -> '2017-01-01'; no year -> None."""
    if not value or value.startswith("--"):
        return None
    parts = value.split("-")
    return "-".join([parts[0], *(parts[1:] + ["01", "01"])[:2]])


def spell_end(value: str | None) -> str | None:
    """'2017-05' -> '2017-05-31'; '2017' -> '2017-12-31'; no year -> None."""
    if not value or value.startswith("--"):
        return None
    parts = value.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 12
    day = int(parts[2]) if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def _plain(value):
    if isinstance(value, list | tuple | set):
        return "|".join(str(v) for v in value)
    return value


def export_graph(graph, lang: str = "en", dynamic: bool = True):
    """A copy of the network with file-friendly attributes: no None, lists joined with '|', a `label`,
    and (dynamic=True) `start`/`end` spells on nodes and edges."""
    import networkx as nx

    out = nx.Graph()
    spells: dict[str, tuple[str | None, str | None]] = {}
    for node, data in graph.nodes(data=True):
        if data["kind"] == "event":
            spells[node] = (spell_start(data.get("start")), spell_end(data.get("end")))
    for node, data in graph.nodes(data=True):
        attrs = {k: _plain(v) for k, v in data.items() if v is not None and k not in ("start", "end")}
        attrs["label"] = data.get(f"label_{lang}") or data.get("label_en") or node
        if data["kind"] == "event":
            attrs["date_start"] = data.get("start") or ""
            attrs["date_end"] = data.get("end") or ""
            start, end = spells[node]
        else:
            dated = [spells[n] for n in graph[node] if n in spells and spells[n][0]]
            start = min(s for s, _ in dated) if dated else None
            end = max(e for _, e in dated) if dated else None
        if dynamic and start and end:
            attrs["start"], attrs["end"] = start, end
        out.add_node(node, **attrs)
    for a, b, data in graph.edges(data=True):
        attrs = {k: _plain(v) for k, v in data.items() if v is not None}
        event = a if a in spells else b if b in spells else None
        if dynamic and event and spells[event][0] and spells[event][1]:
            attrs["start"], attrs["end"] = spells[event]
        out.add_edge(a, b, **attrs)
    out.graph = {}
    return out


def write_network(graph, fmt: str, path: str | Path, lang: str = "en") -> Path:
    """Write the network as GEXF (dynamic, for Gephi's timeline) or GraphML."""
    import io

    import networkx as nx

    from .._atomic import write_atomic

    if fmt not in FORMATS:
        raise NetworkError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    path = Path(path)
    buffer = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(export_graph(graph, lang, dynamic=True), buffer)
    else:
        nx.write_graphml(export_graph(graph, lang, dynamic=False), buffer)
    try:
        write_atomic(path, buffer.getvalue())
    except OSError as e:
        raise NetworkError(f"cannot write {path}: {e}") from None
    return path
