"""The embedded store: pyoxigraph on disk (build/store/). Chosen by measurement (see benchmarks/ and the
README): loads and answers an order of magnitude faster than rdflib's in-memory store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ..errors import QueryError, StoreError
from .base import Rows, Store


def one_line(message: str, limit: int = 160) -> str:
    """The first line of a parser's message, cut to a readable length."""
    line = message.strip().splitlines()[0] if message.strip() else "unknown error"
    return line if len(line) <= limit else line[: limit - 1] + "…"


def to_rdflib(term):
    """A pyoxigraph term as the equal rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise StoreError(f"unsupported RDF term {term!r}")


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

    def raw_query(self, query: str):
        try:
            return self.ox.query(query, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {one_line(str(e))}") from None
        except OSError as e:
            raise StoreError(f"query failed on the {self.description}: {e}") from None

    def select(self, query: str) -> Rows:
        result = self.raw_query(query)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = to_rdflib(value)
            rows.append(row)
        return Rows(names, rows)

    def ask(self, query: str) -> bool:
        result = self.raw_query(query)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(self, query: str) -> Graph:
        result = self.raw_query(query)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for triple in result:
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return graph

    def load_nquads(self, data: bytes) -> None:
        self.ox.bulk_load(data, ox.RdfFormat.N_QUADS)

    def replace_graph(self, graph_iri: str, nquads: bytes) -> None:
        """Swap one named graph for new content (an incremental rebuild of one page)."""
        node = ox.NamedNode(graph_iri)
        if self.ox.contains_named_graph(node):
            self.ox.remove_graph(node)
        self.ox.bulk_load(nquads, ox.RdfFormat.N_QUADS)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs())

    def __len__(self) -> int:
        return len(self.ox)

    def close(self) -> None:
        self.ox = None  # pyoxigraph releases the database lock when the object goes
