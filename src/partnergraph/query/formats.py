"""SELECT results as a table for people, or as the SPARQL 1.1 CSV, TSV and JSON results formats."""

from __future__ import annotations

import csv
import io
import json
import re
from functools import cache

from rdflib import BNode, Literal, URIRef

from ..store import Rows

FORMATS = ("table", "csv", "tsv", "json")


@cache
def _prefixes() -> list[tuple[str, str]]:
    """(prefix, namespace), longest namespace first. Imported when first needed: partnergraph.rdf
    brings the SHACL validator and the extractor's vocabulary, which reading rows does not need."""
    from ..rdf.vocab import PREFIXES

    return [(p, str(ns)) for p, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1])))]


def _short(term) -> str:
    """A term as a person reads it: prefixed IRIs, plain literal values."""
    if isinstance(term, URIRef):
        for prefix, ns in _prefixes():
            if str(term).startswith(ns) and prefix not in ("rdf", "rdfs", "xsd", "owl"):
                return f"{prefix}:{str(term)[len(str(ns)) :]}"
        return str(term)
    return "" if term is None else str(term)


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        out["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype:
        out["datatype"] = str(term.datatype)
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
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    text = quote_string(str(term))
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
        return f"{text}^^<{term.datatype}>"
    return text


def _csv_term(term) -> str:
    """A term as the CSV Results REC writes it: an IRI or a literal's lexical form, `_:` before a
    blank node's label, nothing for an unbound variable."""
    if term is None:
        return ""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


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
