"""What every store answers, embedded or remote: SELECT rows as rdflib terms, ASK, CONSTRUCT graphs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few ms of `query`'s start-up)
if TYPE_CHECKING:  # rdflib's import is most of a short command's start-up: only for annotations here
    from rdflib import Graph
    from rdflib.term import Identifier


@dataclass
class Rows:
    """A SELECT result: the projected variables and one dict per solution (unbound variables absent).
    `truncated`: the rows stop at a limit the caller asked for, and the result has more."""

    variables: list[str]
    rows: list[dict[str, Identifier]] = field(default_factory=list)
    truncated: bool = False

    def __len__(self) -> int:
        return len(self.rows)

    def values(self, variable: str) -> list:
        return [row.get(variable) for row in self.rows]


def statements_query(predicate: str, object_iri: str | None = None, distinct: bool = True) -> str:
    """The SELECT of Store.statements: ?s ?o ?lang."""
    only = f"VALUES ?o {{ <{object_iri}> }} " if object_iri else ""
    select = "SELECT DISTINCT" if distinct else "SELECT"
    return f"{select} ?s ?o (LANG(?o) AS ?lang) WHERE {{ {only}?s <{predicate}> ?o }}"


class Store:
    """The interface shared by EmbeddedStore and RemoteStore. Queries see the union of all named graphs."""

    description = "store"

    def select(self, query: str) -> Rows:
        raise NotImplementedError

    def ask(self, query: str) -> bool:
        raise NotImplementedError

    def construct(self, query: str) -> Graph:
        raise NotImplementedError

    def statements(self, predicate: str, object_iri: str | None = None) -> Iterator[tuple[str, str, str]]:
        """(subject, object, the object's language or "") of every statement with this predicate (and
        this object, when given) in any graph, as strings: IRIs, blank node labels, literals' lexical
        forms; a statement held by several graphs may come once for each. What
        partnergraph.aggregates counts (into sets); the embedded store reads it from its index, other
        stores answer this SELECT."""
        rows = self.select(statements_query(predicate, object_iri)).rows
        return ((str(r["s"]), str(r["o"]), str(r.get("lang", ""))) for r in rows)

    def select_strings(self, query: str) -> Iterator[tuple[str | None, ...]]:
        """The rows of a SELECT query as tuples in the order of its variables, each term as its text (an
        IRI, a blank node's label, a literal's lexical form; a literal's language is LANG() in the
        query), None where unbound. Here str() of the rdflib terms, which normalises some typed
        literals (an xsd:normalizedString's tabs as spaces); the embedded store gives the text it holds
        and makes no rdflib terms (the search documents' reads: a third less CPU at 3x10^4 events)."""
        rows = self.select(query)
        names = rows.variables
        return (tuple(None if (t := row.get(n)) is None else str(t) for n in names) for row in rows.rows)

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
