"""Saved queries (queries/*.rq): their header metadata, parameters and substitution.

Each file opens with comments:

    # title: Partner countries ranked
    # description: Foreign countries by the number of events they take part in.
    # param: year_from integer = 2000 -- first year counted
    # param: topic topic = homelessness -- a topic id of the taxonomy
    # column: events -- Events

and uses `$name` in the query body for each parameter (`$name` is a SPARQL variable, so the file
parses as it is). A value is checked against its type and written in as an RDF term, never pasted as
text, so a parameter cannot change the query's shape. A `column` line names an answer's variable for
readers (the portal's table headers, translated through its catalogs); files keep the variable names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import QueryError
from .formats import quote_string

HEADER = re.compile(r"^#\s*(title|description|param|column):\s*(.*)$")
COLUMN = re.compile(r"^(\w+)\s*--\s*(\S.*)$")
PARAM = re.compile(r"^(\w+)\s+(\w+)\s*(?:=\s*(\S+))?\s*(?:--\s*(.*))?$")
TAXONOMY_FIELD = {
    "topic": "topics",
    "event_type": "type",
    "direction": "direction",
    "participants": "participants",
}
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
# a parameter's value is written into the query as one SPARQL term, made here as text (no rdflib, whose
# import would be most of `partnergraph query`'s start-up)


def _integer(value: str) -> str:
    if not re.fullmatch(r"-?\d+", value):
        raise ValueError("expected a whole number")
    return f'"{int(value)}"^^<{XSD_INTEGER}>'


def _year(value: str) -> str:
    if not re.fullmatch(r"\d{4}", value):
        raise ValueError("expected a year such as 2010")
    return f'"{int(value)}"^^<{XSD_INTEGER}>'


def _country(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", value):
        raise ValueError("expected an ISO 3166-1 alpha-2 code such as DE")
    from .. import iris

    return iri_term(iris.country_iri(value.upper()))


def _iri(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", value):
        raise ValueError("expected an http(s) IRI")
    return iri_term(value)


def _taxonomy(kind: str):
    def convert(value: str) -> str:
        if not re.fullmatch(r"[A-Za-z_]+", value):
            raise ValueError(f"expected a {kind} id of the taxonomy")
        from .. import iris

        return iri_term(iris.concept_iri(TAXONOMY_FIELD[kind], value))

    return convert


def iri_term(iri: str) -> str:
    """An IRI as a SPARQL term, refused when a character could end it."""
    if re.search(r'[\x00-\x20<>"{}|^`\\]', iri):
        raise QueryError(f"not an IRI: {str(iri)!r}")
    return f"<{iri}>"


CONVERTERS = {
    "integer": _integer,
    "year": _year,
    "string": quote_string,  # every character that could end the string escaped (SPARQL's ECHAR)
    "country": _country,
    "iri": _iri,
    **{kind: _taxonomy(kind) for kind in TAXONOMY_FIELD},
}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str | None
    description: str = ""

    def term(self, value: str) -> str:
        """The value as a SPARQL term (text)."""
        try:
            return CONVERTERS[self.type](value)
        except ValueError as e:
            raise QueryError(f"--param {self.name}={value!r}: {e}") from None


@dataclass
class SavedQuery:
    name: str
    path: Path
    text: str
    title: str = ""
    description: str = ""
    parameters: dict[str, Parameter] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)  # variable -> its label (English)

    def render(self, params: dict[str, str] | None = None) -> str:
        """The query with every parameter replaced by its value (or default) as an RDF term."""
        params = dict(params or {})
        unknown = set(params) - set(self.parameters)
        if unknown:
            known = ", ".join(self.parameters) or "none"
            raise QueryError(
                f"{self.name}: unknown parameter(s) {', '.join(sorted(unknown))} (known: {known})"
            )
        written = {}
        for name, param in self.parameters.items():
            value = params.get(name, param.default)
            if value is None:
                raise QueryError(f"{self.name}: parameter {name} has no default; give --param {name}=VALUE")
            written[name] = param.term(value)
        if not written:
            return self.text
        # one pass over the query text: a value is never read again, so "$other" inside one stays text
        names = "|".join(sorted(map(re.escape, written), key=len, reverse=True))
        return re.sub(rf"\$({names})\b", lambda m: written[m.group(1)], self.text)


def parse_saved_query(path: Path, require_title: bool = True) -> SavedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise QueryError(f"{path}: cannot read ({e})") from None
    query = SavedQuery(name=path.stem, path=path, text=text)
    last_key = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        match = HEADER.match(line)
        if not match:
            if last_key in ("title", "description") and line[1:].strip():  # a continued line
                setattr(query, last_key, f"{getattr(query, last_key)} {line[1:].strip()}")
            continue
        key, value = match.groups()
        last_key = key
        if key == "param":
            m = PARAM.match(value.strip())
            if not m or m.group(2) not in CONVERTERS:
                types = ", ".join(CONVERTERS)
                raise QueryError(
                    f"{path}:{number}: bad parameter line "
                    f"(expected 'name type = default -- text', types: {types})"
                )
            name, kind, default, description = m.groups()
            query.parameters[name] = Parameter(name, kind, default, (description or "").strip())
        elif key == "column":
            m = COLUMN.match(value.strip())
            if not m:
                raise QueryError(f"{path}:{number}: bad column line (expected 'variable -- label')")
            query.columns[m.group(1)] = m.group(2).strip()
        else:
            setattr(query, key, value.strip())
    if require_title and not query.title:
        raise QueryError(f"{path}:1: the query has no '# title:' line")
    return query


def load_saved_queries(folder: str | Path) -> dict[str, SavedQuery]:
    folder = Path(folder)
    return {p.stem: parse_saved_query(p) for p in sorted(folder.glob("*.rq"))}


def resolve_query(name_or_path: str, folder: str | Path, stdin_text: str | None = None) -> SavedQuery:
    """A saved query by name, a .rq file by path, or '-' for the text on standard input."""
    if name_or_path == "-":
        if not (stdin_text or "").strip():
            raise QueryError(
                "no query on standard input (pipe one in, e.g. echo 'ASK {}' | partnergraph query -)"
            )
        return SavedQuery(
            name="stdin", path=Path("-"), text=stdin_text or "", title="query from standard input"
        )
    path = Path(name_or_path)
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return parse_saved_query(path, require_title=False)
    queries = load_saved_queries(folder)
    if name_or_path not in queries:
        raise QueryError(f"no saved query {name_or_path!r}; known: {', '.join(queries)}")
    return queries[name_or_path]
