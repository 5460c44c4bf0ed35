"""What an untrusted query must pass before it reaches a store: `check_query(text)`.

* No SERVICE: a federated query would make this server open connections to any host and port a
  visitor names (server-side request forgery). The store answers only from its own data.
* Bounded shape: pyoxigraph parses and evaluates queries recursively and crashes the process
  (SIGSEGV) on about 3,000 nested groups or 8,000 chained operators (`1+1+...`, `{} UNION {} ...`),
  measured with pyoxigraph 0.5. A query is refused when it is longer than MAX_CHARS characters,
  nests brackets deeper than MAX_DEPTH or has more than MAX_TOKENS tokens (every chain needs at
  least one token a level, so no chain reaches the crashing length). Real queries are far below:
  the longest saved query has about 250 tokens and nests 5 deep.

The check reads the query as a lexer would (strings, IRIs and comments skipped), so a keyword or a
bracket inside a string or an IRI counts for nothing.
"""

from __future__ import annotations

import re

from ..errors import QueryError

MAX_CHARS = 65536
MAX_DEPTH = 64
MAX_TOKENS = 3000

_LEXEME = re.compile(
    r"""
      (?P<skip>\s+|\#[^\n]*)
    | (?P<string>\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\s]*>)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<name>[^\W\d][\w.\-]*(?::[\w.\-%\\:]*)?|:[\w.\-%\\:]*|_:[\w.\-]+)
    | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)
    | (?P<open>[{(\[])
    | (?P<close>[})\]])
    | (?P<other>.)
    """,
    re.X,
)


def _lexemes(query: str):
    """(kind, text) of each lexeme of `query`, white space and comments left out."""
    for match in _LEXEME.finditer(query):
        if match.lastgroup != "skip":
            yield match.lastgroup, match.group()


def query_key(query: str) -> str:
    """The query with its comments left out and each run of white space made one space: texts with
    the same key are the same query to the engine (strings and IRIs are kept as they are)."""
    parts, space = [], False
    for match in _LEXEME.finditer(query):
        if match.lastgroup == "skip":
            space = True
            continue
        if space and parts:
            parts.append(" ")
        parts.append(match.group())
        space = False
    return "".join(parts)


FORMS = {"select", "ask", "construct", "describe", "insert", "delete", "load", "clear", "drop", "create"}
FORMS |= {"add", "move", "copy", "with"}


def query_form(query: str) -> str:
    """The form of a SPARQL request by its first keyword: select, ask, construct, describe, or an
    update keyword (insert, delete, load...); "" when none is found."""
    for kind, text in _lexemes(query):
        if kind == "name" and text.lower() in FORMS:
            return text.lower()
    return ""


def declares_dataset(query: str) -> bool:
    """Whether the query names its dataset (FROM or FROM NAMED)."""
    return any(kind == "name" and text.upper() == "FROM" for kind, text in _lexemes(query))


def check_query(query: str) -> None:
    """Raise QueryError (one line, saying why) when `query` must not reach the store."""
    if len(query) > MAX_CHARS:
        raise QueryError(f"the query is longer than {MAX_CHARS} characters")
    depth = tokens = 0
    for kind, text in _lexemes(query):
        tokens += 1
        if tokens > MAX_TOKENS:
            raise QueryError(f"the query has more than {MAX_TOKENS} tokens; split it or shorten it")
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                raise QueryError(f"the query nests brackets more than {MAX_DEPTH} deep")
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "name" and text.upper() == "SERVICE":
            raise QueryError(
                "SERVICE (federated query) is not allowed here: this endpoint answers only from its own data"
            )
