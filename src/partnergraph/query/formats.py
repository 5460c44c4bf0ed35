"""SELECT results as a table for people, or as the SPARQL 1.1 CSV, TSV and JSON results formats."""

from __future__ import annotations

import io
import json
import re
from functools import cache

import pyoxigraph as ox

from ..prefixes import NAMESPACES
from ..store import Rows

FORMATS = ("table", "csv", "tsv", "json")


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def term_parts(term) -> tuple[str, str, str | None, str | None]:
    """(kind: uri, bnode or literal; value; language; datatype, None for a plain string) of an rdflib
    term or of a pyoxigraph one (EmbeddedStore.select_plain), so that printing rows needs no rdflib."""
    kind = type(term)
    if kind is ox.NamedNode:
        return "uri", term.value, None, None
    if kind is ox.BlankNode:
        return "bnode", term.value, None, None
    if kind is ox.Literal:
        datatype = term.datatype.value
        plain = term.language or datatype in (XSD_STRING, RDF_LANG_STRING)
        return "literal", term.value, term.language, None if plain else datatype
    from rdflib import BNode, Literal, URIRef  # an rdflib term: rdflib is loaded already

    if isinstance(term, URIRef):
        return "uri", str(term), None, None
    if isinstance(term, BNode):
        return "bnode", str(term), None, None
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype and not term.language else None
        return "literal", str(term), term.language, None if datatype == XSD_STRING else datatype
    return "literal", str(term), None, None


@cache
def _prefixes() -> list[tuple[str, str]]:
    """(prefix, namespace), longest namespace first."""
    return sorted(NAMESPACES.items(), key=lambda kv: -len(kv[1]))


def _short(term) -> str:
    """A term as a person reads it: prefixed IRIs, plain literal values."""
    if term is None:
        return ""
    kind, value, _, _ = term_parts(term)
    if kind == "uri":
        for prefix, ns in _prefixes():
            if value.startswith(ns) and prefix not in ("rdf", "rdfs", "xsd", "owl"):
                return f"{prefix}:{value[len(ns) :]}"
    return value


def _json_term(term) -> dict:
    kind, value, language, datatype = term_parts(term)
    out = {"type": kind, "value": value}
    if language:
        out["xml:lang"] = language
    elif datatype:
        out["datatype"] = datatype
    return out


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_TO_ESCAPE = re.compile(r'[\\"\n\r\t]')


def quote_string(text: str) -> str:
    """A string in double quotes, with every character that could end it or the line escaped (the
    ECHAR escapes shared by SPARQL, Turtle and N-Triples)."""
    return '"' + _TO_ESCAPE.sub(lambda m: _ESCAPES[m.group()], text) + '"'


def _tsv_term(term) -> str:
    """A term as the SPARQL 1.1 TSV Results REC writes it: N-Triples-like, one line, no triple quotes."""
    if term is None:
        return ""
    kind, value, language, datatype = term_parts(term)
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    text = quote_string(value)
    if language:
        return f"{text}@{language}"
    if datatype:
        return f"{text}^^<{datatype}>"
    return text


def _csv_term(term) -> str:
    """A term as the CSV Results REC writes it: an IRI or a literal's lexical form, `_:` before a
    blank node's label, nothing for an unbound variable."""
    if term is None:
        return ""
    kind, value, _, _ = term_parts(term)
    return f"_:{value}" if kind == "bnode" else value


def format_boolean(value: bool, fmt: str) -> str:
    """An ASK answer in the same formats as rows."""
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}) + "\n"
    if fmt == "csv":
        return f"_askResult\r\n{word}\r\n"
    if fmt == "tsv":
        return f"?_askResult\n{word}\n"
    return word + "\n"


def format_rows(rows: Rows, fmt: str) -> str:
    if fmt == "json":
        data = {
            "head": {"vars": rows.variables},
            "results": {"bindings": [{k: _json_term(v) for k, v in row.items()} for row in rows.rows]},
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        import csv  # only here: the table, the default, does without it

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(rows.variables)
        for row in rows.rows:
            writer.writerow([_csv_term(row.get(v)) for v in rows.variables])
        return out.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in rows.variables)]
        lines += ["\t".join(_tsv_term(row.get(v)) for v in rows.variables) for row in rows.rows]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        cells = [[_short(row.get(v)) for v in rows.variables] for row in rows.rows]
        widths = [max([len(v)] + [len(c[i]) for c in cells]) for i, v in enumerate(rows.variables)]
        widths = [min(w, 60) for w in widths]

        def line(values):
            return "  ".join(str(v)[:w].ljust(w) for v, w in zip(values, widths, strict=False)).rstrip()

        out = [line(rows.variables), line("-" * w for w in widths)] + [line(c) for c in cells]
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
        return "\n".join(out) + "\n"
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
