"""The one media-type table of the web app, and content negotiation over it.

Two kinds of answer are negotiated: SPARQL results (SELECT and ASK) and RDF graphs (CONSTRUCT,
DESCRIBE, resource descriptions, VoID). Each format has a short name (also accepted as `format=`), its
canonical media type, the other media types clients send for it, and the file suffix of its own URL.
`negotiate()` honours q-values, wildcards and combined Accept headers (RFC 9110 section 12.5.1).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str  # short name, the value of format=
    kind: str  # "results", "graph" or "html"
    media_type: str  # what the answer is sent as
    aliases: tuple[str, ...] = ()  # other media types that ask for it
    suffix: str = ""  # the format's own URL: <resource>.<suffix>
    names: tuple[str, ...] = ()  # other format= values that ask for it (SPARQLWrapper sends several)

    @property
    def content_type(self) -> str:
        """The Content-Type header: text formats say they are UTF-8."""
        text = self.media_type.startswith("text/") or self.media_type.endswith(("json", "xml"))
        return f"{self.media_type}; charset=utf-8" if text else self.media_type


FORMATS = (
    Format(
        "json",
        "results",
        "application/sparql-results+json",
        ("application/json", "text/javascript", "application/javascript"),
        "srj",
    ),
    Format("xml", "results", "application/sparql-results+xml", ("application/xml", "text/xml"), "srx"),
    Format("csv", "results", "text/csv", (), "csv"),
    Format("tsv", "results", "text/tab-separated-values", (), "tsv"),
    Format(
        "turtle",
        "graph",
        "text/turtle",
        ("application/turtle", "application/x-turtle", "text/n3", "text/rdf+n3", "application/rdf+n3"),
        "ttl",
        ("ttl", "n3"),
    ),
    Format("nt", "graph", "application/n-triples", ("text/plain",), "nt", ("ntriples", "n-triples")),
    Format(
        "jsonld",
        "graph",
        "application/ld+json",
        ("application/json", "application/x-json+ld"),
        "jsonld",
        ("json-ld", "json"),
    ),
    Format(
        "rdfxml",
        "graph",
        "application/rdf+xml",
        ("application/xml", "text/xml"),
        "rdf",
        ("rdf+xml", "rdf", "xml"),
    ),
    Format("html", "html", "text/html", ("application/xhtml+xml",), "html"),
)
BY_NAME = {f.name: f for f in FORMATS}
RESULT_FORMATS = tuple(f for f in FORMATS if f.kind == "results")
GRAPH_FORMATS = tuple(f for f in FORMATS if f.kind == "graph")
HTML = BY_NAME["html"]
BY_SUFFIX = {f.suffix: f for f in GRAPH_FORMATS + (HTML,)}


def parse_accept(header: str | None) -> list[tuple[str, str, float]]:
    """'text/turtle;q=0.9, */*;q=0.1' -> [('text', 'turtle', 0.9), ('*', '*', 0.1)]; no header = */*."""
    if not header or not header.strip():
        return [("*", "*", 1.0)]
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        if media == "*":
            media = "*/*"
        main, _, sub = media.partition("/")
        if not sub:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((main, sub, q))
    return ranges


def _quality(ranges: list[tuple[str, str, float]], media_type: str) -> tuple[float, int]:
    """The q of the most specific range matching media_type, and how specific it was (2, 1, 0; -1 none)."""
    main, _, sub = media_type.partition("/")
    best = (0.0, -1)
    for rmain, rsub, q in ranges:
        if rmain == main and rsub == sub:
            specificity = 2
        elif rmain == main and rsub == "*":
            specificity = 1
        elif rmain == "*" and rsub == "*":
            specificity = 0
        else:
            continue
        if specificity > best[1]:
            best = (q, specificity)
    return best


def negotiate(accept: str | None, offers: tuple[Format, ...] | list[Format]) -> Format | None:
    """The offer the client prefers (highest q; on a tie, the explicitly named one, then the first
    offer); None when the client accepts none of them (answer 406)."""
    ranges = parse_accept(accept)
    best, best_key = None, (0.0, -1, 0)
    for position, offer in enumerate(offers):
        q, specificity = _quality(ranges, offer.media_type)
        for alias in offer.aliases:  # an alias counts only when named exactly (text/* is not JSON)
            alias_q, alias_specificity = _quality(ranges, alias)
            if alias_specificity == 2:
                q, specificity = max((q, specificity), (alias_q, alias_specificity))
        if q <= 0:
            continue
        key = (q, specificity, -position)
        if key > best_key:
            best, best_key = offer, key
    return best


def format_by_name(value: str, offers: tuple[Format, ...] | list[Format]) -> Format | None:
    """The offer a `format=` value names: a short name (json, turtle, ttl, rdf+xml...) or a media type."""
    value = value.strip().lower()
    for offer in offers:
        if value == offer.name or value in offer.names or value == offer.suffix:
            return offer
    for offer in offers:
        if value == offer.media_type or value in offer.aliases:
            return offer
    return None


def describe_offers(offers) -> str:
    return ", ".join(f"{f.media_type} (format={f.name})" for f in offers)
