"""Query answers and graphs as bytes in the negotiated format (see mime.py for the table)."""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from ..query.formats import format_rows
from ..rdf.vocab import bind_prefixes
from ..store import Rows
from .mime import Format

RDFLIB_FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "pretty-xml"}


def serialize_graph(graph_or_triples, fmt: Format) -> bytes:
    if isinstance(graph_or_triples, Graph):
        graph = graph_or_triples
    else:
        graph = Graph()
        bind_prefixes(graph)
        for triple in graph_or_triples:
            graph.add(triple)
    if fmt.name == "rdfxml" and len(graph) > 5000:
        return graph.serialize(format="xml", encoding="utf-8")  # pretty-xml is slow on big graphs
    return graph.serialize(format=RDFLIB_FORMATS[fmt.name], encoding="utf-8")


def _xml_term(term) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    attrs = ""
    if isinstance(term, Literal) and term.language:
        attrs = f" xml:lang={quoteattr(term.language)}"
    elif isinstance(term, Literal) and term.datatype and term.datatype != XSD.string:
        attrs = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attrs}>{escape(str(term))}</literal>"


def results_xml(variables, rows, boolean=None) -> str:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
    ]
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in variables) + "</head>")
    if boolean is not None:
        out.append(f"<boolean>{'true' if boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in rows:
            cells = "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(row[v])}</binding>" for v in variables if v in row
            )
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def serialize_answer(answer, fmt: Format) -> bytes:
    """A SELECT or ASK answer in json, xml, csv or tsv."""
    if answer.form == "ask":
        if fmt.name == "json":
            return (json.dumps({"head": {}, "boolean": answer.boolean}) + "\n").encode()
        if fmt.name == "xml":
            return results_xml([], [], answer.boolean).encode()
        if fmt.name == "csv":
            return f"_askResult\r\n{'true' if answer.boolean else 'false'}\r\n".encode()
        return f"?_askResult\n{'true' if answer.boolean else 'false'}\n".encode()
    if fmt.name == "xml":
        return results_xml(answer.variables, answer.rows).encode()
    return format_rows(Rows(answer.variables, answer.rows), fmt.name).encode("utf-8")


def rows_csv(answer) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(answer.variables)
    for row in answer.rows:
        writer.writerow(["" if row.get(v) is None else str(row[v]) for v in answer.variables])
    return out.getvalue().encode()
