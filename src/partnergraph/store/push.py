"""Pushing the dataset into a SPARQL 1.1 server: one named graph per source page, the registries and the
ontology, loaded through the Graph Store Protocol when the server has one (`graph_store`) and through
SPARQL Update otherwise.

Only what changed is sent. The server keeps, in the small graph `{BASE}graph/push`, the SHA-256 and the
triple count of every graph a push wrote; a graph is sent again when its hash differs from the local
one or when the server's count of its triples does not match (someone edited or dropped it). Graphs
recorded there that the dataset no longer has (a page removed) are dropped.

No graph is ever half replaced. Changed graphs go in batches of whole graphs (about `batch_triples`
triples); each batch switches from its previous to its new content in one SPARQL Update request, which
a SPARQL server applies as a whole (Oxigraph and Virtuoso run it as one transaction), together with
the batch's push records:
* SPARQL Update, graphs up to `batch_triples`: `DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> {...} }`
  and the records, in one request;
* Graph Store Protocol, or a graph too big for one request: every graph is first loaded into its own
  staging graph `{BASE}graph/staging/<hash of the graph IRI>` (PUT, or INSERT DATA in chunks), the
  staging graphs' triple counts are checked, then one request moves them onto their targets
  (`MOVE GRAPH <staging> TO <g>`) and writes the records.
If a push stops (server down, killed, timeout), PushError says which graphs hold their new content,
which still hold their previous content (complete), and which batch was being switched when the
answer was lost (all old or all new). Staging graphs may be left over: they are visible to
union-default-graph queries until the next push, which drops them first and then sends exactly the
graphs whose recorded hash is not yet the new one.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .. import iris
from ..errors import StoreError
from .remote import RemoteStore

log = logging.getLogger(__name__)

PUSH_GRAPH = iris.GRAPH["push"]
STAGING_PREFIX = str(iris.GRAPH["staging/"])
PUSH = str(iris.GRAPH["push"]) + "#"  # predicates of the push record: sha256, triples
BATCH_TRIPLES = 50_000  # triples per swap request (and per staging INSERT DATA request)
# and bytes per request: Virtuoso refuses a request longer than 10 MB ("string session is longer than
# 10Mb"), which 50,000 triples with long literals (a page's text) exceed
BATCH_BYTES = 8_000_000
# triples per `GRAPH <g> { ... }` block of an INSERT DATA: Virtuoso's SPARQL parser runs out of stack
# ("SP030: memory exhausted") a few thousand triples into one block, whatever the request's size
BLOCK_TRIPLES = 1_000
SHOWN = 8  # graphs named in a message before "and N more"


class PushError(StoreError):
    """A push stopped part way; `replaced`, `pending` and `unknown` list the graphs by state."""

    def __init__(self, message: str, replaced=(), pending=(), unknown=()):
        super().__init__(message)
        self.replaced, self.pending, self.unknown = list(replaced), list(pending), list(unknown)


@dataclass(frozen=True)
class LocalGraph:
    """One named graph of the dataset as sorted N-Triples lines, their count and SHA-256."""

    iri: str
    ntriples: bytes
    triples: int
    sha256: str
    has_blank_nodes: bool = False


@dataclass
class PushReport:
    protocol: str  # "graph store" or "update"
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    leftovers_dropped: list[str] = field(default_factory=list)
    triples_sent: int = 0
    seconds: float = 0.0
    default_is_union: bool | None = None  # whether the server's default graph shows the named graphs

    def summary(self) -> str:
        return (
            f"{len(self.replaced)} graph(s) replaced ({self.triples_sent} triples, {self.protocol}), "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, in {self.seconds:.1f} s"
        )


def staging_graph(iri: str) -> str:
    return STAGING_PREFIX + hashlib.sha256(iri.encode()).hexdigest()[:24]


def graphs_from_nquads(data: bytes) -> dict[str, LocalGraph]:
    """The named graphs of an N-Quads document. Triples in the default graph are refused: a push writes
    named graphs only."""
    groups: dict[str, list] = {}
    try:
        for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                raise StoreError("the dataset has triples outside any named graph; rebuild it")
            groups.setdefault(quad.graph_name.value, []).append(quad.triple)
    except SyntaxError as e:
        raise StoreError(f"the N-Quads dump does not parse: {e}") from None
    return {iri: local_graph(iri, triples) for iri, triples in sorted(groups.items())}


def graphs_from_store(store) -> dict[str, LocalGraph]:
    """The named graphs of an EmbeddedStore."""
    graphs = {}
    for node in sorted(store.ox.named_graphs(), key=lambda n: n.value):
        triples = [q.triple for q in store.ox.quads_for_pattern(None, None, None, node)]
        graphs[node.value] = local_graph(node.value, triples)
    return graphs


def read_dataset(path: str | Path) -> dict[str, LocalGraph]:
    """The graphs of build/dumps/partnergraph.nq (or any N-Quads file)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise StoreError(f"{path}: cannot read the dump ({e.strerror}); run `partnergraph build`") from None
    return graphs_from_nquads(data)


def local_graph(iri: str, triples: list) -> LocalGraph:
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    lines = sorted(set(text.splitlines()))
    body = b"\n".join(lines) + b"\n" if lines else b""
    blank = any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples)
    return LocalGraph(iri, body, len(lines), hashlib.sha256(body).hexdigest(), blank)


# ---- what the server has ---------------------------------------------------------------------------


def remote_records(store: RemoteStore) -> dict[str, tuple[str, int]]:
    """graph IRI -> (sha256, triples) as recorded by earlier pushes."""
    rows = store.select(
        f"SELECT ?g ?sha ?n WHERE {{ GRAPH <{PUSH_GRAPH}> {{ "
        f"?g <{PUSH}sha256> ?sha ; <{PUSH}triples> ?n }} }}"
    )
    return {str(r["g"]): (str(r["sha"]), int(r["n"])) for r in rows.rows if "g" in r}


def remote_counts(store: RemoteStore) -> dict[str, int]:
    """Triples per named graph on the server, for the graphs under {BASE}graph/."""
    rows = store.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{iris.GRAPH}")) }} GROUP BY ?g'
    )
    return {str(r["g"]): int(r["n"]) for r in rows.rows if "g" in r}


def _counts_of(store: RemoteStore, graphs: list[str]) -> dict[str, int]:
    values = " ".join(f"<{g}>" for g in graphs)
    rows = store.select(
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
    )
    return {str(r["g"]): int(r["n"]) for r in rows.rows if "g" in r}


# ---- the push ----------------------------------------------------------------------------------------


def _batches(graphs: list[LocalGraph], limit: int) -> Iterable[list[LocalGraph]]:
    """Whole graphs, in batches of at most `limit` triples and BATCH_BYTES (a graph bigger than that is
    a batch of its own)."""
    batch, size, length = [], 0, 0
    for graph in graphs:
        if batch and (size + graph.triples > limit or length + len(graph.ntriples) > BATCH_BYTES):
            yield batch
            batch, size, length = [], 0, 0
        batch.append(graph)
        size += graph.triples
        length += len(graph.ntriples)
    if batch:
        yield batch


def _fits_one_request(graph: LocalGraph, limit: int) -> bool:
    return graph.triples <= limit and len(graph.ntriples) <= BATCH_BYTES


def _graph_blocks(iri: str, lines: list[str]) -> list[str]:
    """`GRAPH <iri> { ... }` blocks holding these N-Triples lines, BLOCK_TRIPLES at most each."""
    return [
        f"GRAPH <{iri}> {{\n" + "\n".join(lines[start : start + BLOCK_TRIPLES]) + "\n}"
        for start in range(0, len(lines), BLOCK_TRIPLES)
    ]


def _insert_requests(graphs: list[LocalGraph], limit: int) -> Iterable[str]:
    """INSERT DATA requests filling the staging graphs of `graphs`, each at most about `limit` triples.
    A graph with blank nodes goes whole in one request (a blank node label is local to a request)."""
    parts, size, length = [], 0, 0
    for graph in graphs:
        lines = graph.ntriples.decode("utf-8").splitlines()
        # lines per chunk: at most `limit`, and about BATCH_BYTES for the graph's average line
        by_bytes = len(lines) * BATCH_BYTES // max(1, len(graph.ntriples))
        step = len(lines) if graph.has_blank_nodes else max(1, min(limit, by_bytes))
        for start in range(0, len(lines), step):
            chunk = lines[start : start + step]
            chunk_bytes = sum(len(line) for line in chunk)
            if parts and (size + len(chunk) > limit or length + chunk_bytes > BATCH_BYTES):
                yield "INSERT DATA {\n" + "\n".join(parts) + "\n}"
                parts, size, length = [], 0, 0
            parts += _graph_blocks(staging_graph(graph.iri), chunk)
            size += len(chunk)
            length += chunk_bytes
    if parts:
        yield "INSERT DATA {\n" + "\n".join(parts) + "\n}"


def _record_ops(batch: list[LocalGraph]) -> list[str]:
    """Update operations replacing the push records of the batch's graphs."""
    values = " ".join(f"<{g.iri}>" for g in batch)
    records = "\n".join(
        f'<{g.iri}> <{PUSH}sha256> "{g.sha256}" ; <{PUSH}triples> {g.triples} .' for g in batch
    )
    return [
        f"DELETE {{ GRAPH <{PUSH_GRAPH}> {{ ?g ?p ?o }} }} WHERE {{ VALUES ?g {{ {values} }} "
        f"GRAPH <{PUSH_GRAPH}> {{ ?g ?p ?o }} }}",
        f"INSERT DATA {{ GRAPH <{PUSH_GRAPH}> {{\n{records}\n}} }}",
    ]


def _swap_request(batch: list[LocalGraph]) -> str:
    """One update request: each staging graph onto its target, and the new push records."""
    ops = [
        f"MOVE GRAPH <{staging_graph(g.iri)}> TO <{g.iri}>" if g.triples else f"DROP SILENT GRAPH <{g.iri}>"
        for g in batch
    ]
    return " ;\n".join(ops + _record_ops(batch))


def _replace_request(batch: list[LocalGraph], present: set[str]) -> str:
    """One update request: the batch's graphs dropped (those the server has), their new content
    inserted, and their push records replaced; the server applies it as a whole."""
    ops = [f"DROP SILENT GRAPH <{g.iri}>" for g in batch if g.iri in present]
    data = "\n".join(
        block for g in batch for block in _graph_blocks(g.iri, g.ntriples.decode("utf-8").splitlines())
    )
    if data:
        ops.append(f"INSERT DATA {{\n{data}\n}}")
    return " ;\n".join(ops + _record_ops(batch))


def _names(graphs: list[str]) -> str:
    shown = ", ".join(f"<{g}>" for g in graphs[:SHOWN])
    more = f" and {len(graphs) - SHOWN} more" if len(graphs) > SHOWN else ""
    return (shown + more) or "none"


def push_dataset(
    store: RemoteStore,
    graphs: dict[str, LocalGraph],
    *,
    use_graph_store: bool | None = None,
    batch_triples: int = BATCH_TRIPLES,
    prune: bool = True,
    progress: Callable[[str, list[str]], None] | None = None,
) -> PushReport:
    """Bring the server's graphs to `graphs`, sending only the changed ones (see the module doc).
    `use_graph_store` defaults to whether `store` has a Graph Store Protocol endpoint. `progress(step,
    graph IRIs)` is called after each step ("staged", "swapped", "removed")."""
    started = time.perf_counter()
    gsp = bool(store.graph_store) if use_graph_store is None else use_graph_store
    report = PushReport("graph store" if gsp else "update")
    notify = progress or (lambda step, iris_: None)

    counts = remote_counts(store)
    records = remote_records(store)
    leftovers = sorted(g for g in counts if g.startswith(STAGING_PREFIX))
    if leftovers:
        store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in leftovers), idempotent=True)
        report.leftovers_dropped = leftovers
        log.info("dropped %d staging graph(s) left by an earlier push", len(leftovers))

    changed = []
    for iri, graph in graphs.items():
        if records.get(iri) == (graph.sha256, graph.triples) and counts.get(iri, 0) == graph.triples:
            report.unchanged.append(iri)
        else:
            changed.append(graph)
    present = set(counts)
    batches = list(_batches(changed, batch_triples))
    pending = [g.iri for g in changed]
    for number, batch in enumerate(batches, 1):
        names = [g.iri for g in batch]
        try:
            if not gsp and all(_fits_one_request(g, batch_triples) for g in batch):
                step = "replacing"  # one request: drop, insert, record
                store.update(_replace_request(batch, present))
            else:
                step = "staging"
                if gsp:
                    for graph in batch:
                        store.put_graph(staging_graph(graph.iri), graph.ntriples)
                else:
                    for request in _insert_requests(batch, batch_triples):
                        store.update(request, idempotent=True)  # idempotent: ground triples
                staged = _counts_of(store, [staging_graph(g.iri) for g in batch if g.triples])
                wrong = [g.iri for g in batch if staged.get(staging_graph(g.iri), 0) != g.triples]
                if wrong:
                    raise StoreError(
                        f"the server holds a different number of triples than was sent for "
                        f"{_names(wrong)} (does it rewrite literals?)"
                    )
                notify("staged", names)
                step = "swapping"
                store.update(_swap_request(batch))
        except StoreError as e:
            raise _stopped(store, e, step, number, len(batches), report.replaced, pending, batch) from None
        report.replaced += names
        report.triples_sent += sum(g.triples for g in batch)
        pending = pending[len(batch) :]
        notify("swapped", names)

    gone = sorted(g for g in records if g not in graphs) if prune else []
    if gone:
        ops = [f"DROP SILENT GRAPH <{g}>" for g in gone]
        values = " ".join(f"<{g}>" for g in gone)
        ops.append(
            f"DELETE {{ GRAPH <{PUSH_GRAPH}> {{ ?g ?p ?o }} }} WHERE {{ VALUES ?g {{ {values} }} "
            f"GRAPH <{PUSH_GRAPH}> {{ ?g ?p ?o }} }}"
        )
        store.update(" ;\n".join(ops), idempotent=True)
        report.removed = gone
        notify("removed", gone)
    report.default_is_union = default_graph_is_union(store, graphs)
    report.seconds = time.perf_counter() - started
    log.info("push to %s: %s", store.endpoint, report.summary())
    return report


def default_graph_is_union(store: RemoteStore, graphs: dict[str, LocalGraph]) -> bool | None:
    """Whether a triple of a pushed graph is seen by a query without GRAPH (the saved queries need the
    union of the named graphs as the default graph; a stock `oxigraph serve` has its own, empty, one).
    None when no pushed triple can be asked about (no graph without blank nodes)."""
    for graph in graphs.values():
        lines = [t for t in graph.ntriples.splitlines() if b"_:" not in t]
        if lines:  # an N-Triples line without blank nodes is a SPARQL triple pattern as it is
            line = min(lines, key=len)
            return store.ask("ASK { " + line.decode("utf-8").rstrip().rstrip(".") + " }")
    return None


def _stopped(store, error, step, number, total, replaced, pending, batch) -> PushError:
    """The PushError for a push that stopped in batch `number`: which graphs are in which state."""
    in_batch = [g.iri for g in batch]
    unknown: list[str] = []
    not_replaced = list(pending)
    if step in ("swapping", "replacing"):
        # the swap request may have been applied before the connection broke: ask the server, if it
        # answers, whether the batch's new hashes are recorded
        try:
            records = remote_records(store)
            if all(records.get(g.iri, ("", 0))[0] == g.sha256 for g in batch):
                replaced = replaced + in_batch
                not_replaced = [g for g in pending if g not in in_batch]
        except StoreError:
            unknown = in_batch
            not_replaced = [g for g in pending if g not in in_batch]
    lines = [
        f"the push stopped while {step} batch {number} of {total}: {error}",
        f"graphs holding their new content: {len(replaced)} ({_names(replaced)})",
        f"graphs not replaced, still holding their previous content, complete: {len(not_replaced)} "
        f"({_names(not_replaced)})",
    ]
    if unknown:
        lines.append(
            f"graphs of the batch being switched, all with their previous content or all with their new "
            f"content (the server applies that request as a whole): {_names(unknown)}"
        )
    lines.append(
        f"staging graphs under <{STAGING_PREFIX}> may be left on the server (visible to queries over "
        "the union of graphs); run the push again: it drops them and sends only what is not yet there"
    )
    return PushError("\n  ".join(lines), replaced=replaced, pending=not_replaced, unknown=unknown)
