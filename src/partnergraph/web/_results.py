"""Query answers and graphs as bytes in the negotiated format (see mime.py for the table)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from ..publish.jsonld import compact_jsonld
from ..query.formats import format_boolean, format_rows
from ..store import Rows
from .mime import Format

OX_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "jsonld": "JSON_LD", "rdfxml": "RDF_XML"}


def _ox_term(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def serialize_graph(graph_or_triples, fmt: Format) -> bytes:
    """Triples (or an rdflib Graph) in Turtle, N-Triples, JSON-LD or RDF/XML, written by pyoxigraph
    (an order of magnitude faster than rdflib's serializers); Turtle and RDF/XML use the usual prefixes."""
    import pyoxigraph as ox

    from ..rdf.vocab import PREFIXES

    triples = sorted(graph_or_triples)
    ox_triples = [ox.Triple(_ox_term(s), _ox_term(p), _ox_term(o)) for s, p, o in triples]
    prefixes = None
    if fmt.name in ("turtle", "rdfxml"):
        used = {str(t) for triple in triples for t in triple if isinstance(t, URIRef)}
        prefixes = {
            name: str(ns)
            for name, ns in PREFIXES.items()
            if name != "pgid" and any(u.startswith(str(ns)) for u in used)
        }
    data = ox.serialize(ox_triples, format=getattr(ox.RdfFormat, OX_FORMATS[fmt.name]), prefixes=prefixes)
    return compact_jsonld(data) if fmt.name == "jsonld" else data


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
        if fmt.name == "xml":
            return results_xml([], [], answer.boolean).encode()
        return format_boolean(answer.boolean, fmt.name).encode()
    if fmt.name == "xml":
        return results_xml(answer.variables, answer.rows).encode()
    return format_rows(Rows(answer.variables, answer.rows), fmt.name).encode("utf-8")
