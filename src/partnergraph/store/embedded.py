"""The embedded store: pyoxigraph on disk (build/store/). Chosen by measurement (see benchmarks/ and the
README): loads and answers an order of magnitude faster than rdflib's in-memory store."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from .._lazy import imported_on_first_use
from ..errors import QueryError, StoreError
from ..prefixes import BASE
from .base import Rows, Store, statements_query

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms of `query`'s start-up)
if TYPE_CHECKING:
    from rdflib import Graph


def one_line(message: str, limit: int = 160) -> str:
    """The first line of a parser's message, cut to a readable length."""
    line = message.strip().splitlines()[0] if message.strip() else "unknown error"
    return line if len(line) <= limit else line[: limit - 1] + "…"


class _Same:
    """pyoxigraph terms kept as they are (see EmbeddedStore.select_plain)."""

    def __getitem__(self, term):
        return term


def collect_solutions(solutions: ox.QuerySolutions, terms, limit: int | None = None) -> Rows:
    """The rows of a SELECT result, each term as `terms[term]` gives it; with a `limit`, at most that
    many, and `truncated` set when the result has more."""
    names = [v.value for v in solutions.variables]
    rows = [
        {name: terms[value] for name, value in zip(names, solution, strict=True) if value is not None}
        for solution in (solutions if limit is None else islice(solutions, limit))
    ]
    truncated = limit is not None and next(solutions, None) is not None
    return Rows(names, rows, truncated=truncated)


# rdflib's terms are made in _terms.py, imported when first needed: rdflib's import is most of a short
# command's start-up (`partnergraph query` prints pyoxigraph's terms)
_FROM_TERMS = ("to_rdflib", "read_solutions", "read_triples", "_FAST_LITERALS", "_text_literal")
__getattr__ = imported_on_first_use(__spec__, {"._terms": _FROM_TERMS})


class EmbeddedStore(Store):
    def __init__(self, path: str | Path | None = None, read_only: bool = False):
        self.path = Path(path) if path else None
        try:
            if self.path is None:
                self.ox = ox.Store()
            elif read_only:
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
        except OSError as e:
            raise StoreError(f"cannot open the embedded store at {self.path}: {e}") from None
        self.description = f"embedded store {self.path or '(in memory)'}"

    @classmethod
    def copied_into_memory(cls, path: str | Path) -> EmbeddedStore:
        """The on-disk store at `path`, copied into a store in memory (see `copy_into_memory`)."""
        disk = cls(path, read_only=True)
        try:
            return disk.copy_into_memory()
        finally:
            disk.close()

    def copy_into_memory(self) -> EmbeddedStore:
        """This store copied into a store in memory: Oxigraph answers 5-10 times faster from memory
        (benchmarks/README.md), for the memory the data takes (about 2 GB at 10^5 synthetic events) and
        the time to copy it (4.6-5.6 s of CPU for 431 k quads here, milliseconds for the corpus). The
        quads go through N-Quads text in Rust, off Python's lock, so another thread can answer queries
        meanwhile."""
        memory = EmbeddedStore()
        memory.ox.bulk_load(self.ox.dump(format=ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS)
        memory.path = self.path
        memory.description = f"embedded store {self.path} (copied into memory)"
        return memory

    def raw_query(self, query: str, default_graphs=None, named_graphs=None):
        """Oxigraph's answer. The dataset: the graphs named by `default_graphs` and `named_graphs`
        (IRIs, the SPARQL Protocol's default-graph-uri and named-graph-uri) when either is given, else
        the query's FROM and FROM NAMED, else the union of all graphs as the default graph. Relative
        IRIs are resolved against the dataset's namespace."""
        from ..query.guard import declares_dataset  # not at the top: query imports store

        options = {"base_iri": BASE}
        if default_graphs is not None or named_graphs is not None:
            try:
                options["default_graph"] = [ox.NamedNode(g) for g in default_graphs or ()]
                options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or ()]
            except ValueError as e:
                raise QueryError(f"not an IRI in default-graph-uri or named-graph-uri: {e}") from None
        elif not declares_dataset(query):
            options["use_default_graph_as_union"] = True
        try:
            return self.ox.query(query, **options)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {one_line(str(e))}") from None
        except OSError as e:
            raise StoreError(f"query failed on the {self.description}: {e}") from None

    def select(self, query: str, limit: int | None = None) -> Rows:
        """The rows of a SELECT query; with a `limit`, at most that many (`Rows.truncated` tells
        whether there were more)."""
        from ._terms import read_solutions

        return read_solutions(self._solutions(query), limit)

    def select_plain(self, query: str, limit: int | None = None) -> Rows:
        """`select` with the terms as pyoxigraph gives them (NamedNode, BlankNode, Literal), not
        rdflib's: for callers that only print them (query.formats reads both)."""
        return collect_solutions(self._solutions(query), _Same(), limit)

    def select_strings(self, query: str) -> Iterator[tuple[str | None, ...]]:
        """See Store.select_strings: each term's `.value`, no rdflib term made."""
        return (tuple(None if t is None else t.value for t in row) for row in self._solutions(query))

    def _solutions(self, query: str) -> ox.QuerySolutions:
        result = self.raw_query(query)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        return result

    def ask(self, query: str) -> bool:
        result = self.raw_query(query)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(self, query: str) -> Graph:
        from rdflib import Graph

        from ._terms import read_triples

        result = self.raw_query(query)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        graph.addN((s, p, o, graph) for s, p, o in read_triples(result)[0])
        return graph

    def statements(self, predicate: str, object_iri: str | None = None) -> Iterator[tuple[str, str, str]]:
        """See Store.statements. Read by Oxigraph's own query engine (no rdflib terms, no graph names to
        decode): about 7 µs a statement on disk at 10^5 events, against 12 µs through quads_for_pattern.
        Not DISTINCT: the statements of several graphs are not made unique first, which took half
        the time in memory (10^4 events: rdf:type's 73,656 statements 0.29 -> 0.14 s of CPU)."""
        query = statements_query(predicate, object_iri, distinct=False)
        for subject, value, lang in self.ox.query(query, use_default_graph_as_union=True):
            yield subject.value, value.value, lang.value if lang is not None else ""

    def load_nquads(self, data: bytes, lenient: bool = False) -> None:
        """Bulk-load N-Quads; `lenient`: without checking IRIs (for bytes parsed strictly elsewhere)."""
        self.ox.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=lenient)

    def replace_graph(self, graph_iri: str, nquads: bytes) -> None:
        """Swap one named graph for new content (an incremental rebuild of one page)."""
        node = ox.NamedNode(graph_iri)
        if self.ox.contains_named_graph(node):
            self.ox.remove_graph(node)
        self.ox.bulk_load(nquads, ox.RdfFormat.N_QUADS)

    def compact(self) -> None:
        """Write everything to disk and compact it (RocksDB's compaction through Store.optimize()):
        a store that was loaded or changed and never compacted answers slower (see
        docs/triple-stores.md). Nothing to do in memory."""
        if self.path is not None:
            self.ox.flush()
            self.ox.optimize()

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs())

    def __len__(self) -> int:
        return len(self.ox)

    def close(self) -> None:
        self.ox = None  # pyoxigraph releases the database lock when the object goes
