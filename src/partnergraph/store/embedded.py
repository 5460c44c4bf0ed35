"""The embedded store: pyoxigraph on disk (build/store/). Chosen by measurement (see benchmarks/ and the
README): loads and answers an order of magnitude faster than rdflib's in-memory store."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ..errors import QueryError, StoreError
from ..iris import BASE
from .base import Rows, Store, statements_query


def one_line(message: str, limit: int = 160) -> str:
    """The first line of a parser's message, cut to a readable length."""
    line = message.strip().splitlines()[0] if message.strip() else "unknown error"
    return line if len(line) <= limit else line[: limit - 1] + "…"


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# Literal's slots as rdflib 7 sets them; `_text_literal` sets them itself, the only other way in.
_LITERAL_SLOTS = ("_language", "_datatype", "_value", "_ill_typed")
_FAST_LITERALS = tuple(getattr(Literal, "__slots__", ())) == _LITERAL_SLOTS


def _text_literal(lexical: str, lang: str | None) -> Literal:
    """`Literal(lexical, lang=lang)` for a plain or language-tagged string, built the way its
    constructor builds it (value = lexical form, no datatype) without parsing or checking again what
    Oxigraph has already checked: several times faster."""
    if not _FAST_LITERALS:
        return Literal(lexical, lang=lang)
    literal = str.__new__(Literal, lexical)
    literal._language, literal._datatype, literal._value, literal._ill_typed = lang, None, lexical, None
    return literal


def _typed_literal(lexical: str, datatype: str) -> Literal:
    """A typed literal. Not kept across results: its Python value depends on rdflib's converters as
    they are when it is made, and a library may register others later (pySHACL does)."""
    return Literal(lexical, datatype=str.__new__(URIRef, datatype))


def to_rdflib(term):
    """A pyoxigraph term as the equal rdflib term."""
    kind = type(term)
    if kind is ox.NamedNode:
        return str.__new__(URIRef, term.value)  # URIRef() only re-checks what Oxigraph has checked
    if kind is ox.Literal:
        language = term.language
        if language:
            return _text_literal(term.value, language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return _text_literal(term.value, None)
        return _typed_literal(term.value, datatype)
    if kind is ox.BlankNode:
        return BNode(term.value)
    raise StoreError(f"unsupported RDF term {term!r}")


class _Terms(dict):
    """pyoxigraph term -> rdflib term, each distinct term converted once: the values of one result
    repeat (the same IRIs, names and years in many rows), and rdflib terms are immutable."""

    __slots__ = ()

    def __missing__(self, term):
        converted = self[term] = to_rdflib(term)
        return converted


def read_solutions(solutions: ox.QuerySolutions, limit: int | None = None) -> Rows:
    """The rows of a SELECT result as rdflib terms; with a `limit`, at most that many, and
    `truncated` set when the result has more."""
    names = [v.value for v in solutions.variables]
    terms = _Terms()
    rows = [
        {name: terms[value] for name, value in zip(names, solution, strict=True) if value is not None}
        for solution in (solutions if limit is None else islice(solutions, limit))
    ]
    truncated = limit is not None and next(solutions, None) is not None
    return Rows(names, rows, truncated=truncated)


def read_triples(triples: ox.QueryTriples, limit: int | None = None) -> tuple[list[tuple], bool]:
    """The triples of a CONSTRUCT or DESCRIBE result as rdflib terms, in the order Oxigraph gives
    them; with a `limit`, at most that many, and whether the result has more."""
    terms = _Terms()
    out = [
        (terms[t.subject], terms[t.predicate], terms[t.object])
        for t in (triples if limit is None else islice(triples, limit))
    ]
    return out, limit is not None and next(triples, None) is not None


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
        """The on-disk store at `path`, copied into a store in memory: Oxigraph answers 5-10 times
        faster from memory (benchmarks/README.md), for the memory the data takes (about 1.7 GB at 10^5
        synthetic events) and the time to copy it (6.7 s for 424 k quads here, milliseconds for the
        corpus). Measured at 10^4 events: all saved queries 16.1 s from disk, 3.4 s from the copy."""
        disk = cls(path, read_only=True)
        try:
            memory = cls()
            memory.ox.bulk_extend(disk.ox.quads_for_pattern(None, None, None, None))
        finally:
            disk.close()
        memory.path = Path(path)
        memory.description = f"embedded store {path} (copied into memory)"
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
        result = self.raw_query(query)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        return read_solutions(result, limit)

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
        graph.addN((s, p, o, graph) for s, p, o in read_triples(result)[0])
        return graph

    def statements(self, predicate: str, object_iri: str | None = None) -> Iterator[tuple[str, str, str]]:
        """See Store.statements. Read by Oxigraph's own query engine (no rdflib terms, no graph names to
        decode): about 7 µs a statement on disk at 10^5 events, against 12 µs through quads_for_pattern."""
        query = statements_query(predicate, object_iri)
        for subject, value, lang in self.ox.query(query, use_default_graph_as_union=True):
            yield subject.value, value.value, lang.value if lang is not None else ""

    def load_nquads(self, data: bytes) -> None:
        self.ox.bulk_load(data, ox.RdfFormat.N_QUADS)

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
