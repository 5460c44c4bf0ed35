"""What every store answers, embedded or remote: SELECT rows as rdflib terms, ASK, CONSTRUCT graphs."""

from __future__ import annotations

from dataclasses import dataclass, field

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


class Store:
    """The interface shared by EmbeddedStore and RemoteStore. Queries see the union of all named graphs."""

    description = "store"

    def select(self, query: str) -> Rows:
        raise NotImplementedError

    def ask(self, query: str) -> bool:
        raise NotImplementedError

    def construct(self, query: str) -> Graph:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
