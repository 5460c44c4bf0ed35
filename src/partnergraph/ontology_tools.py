"""The ontology files in `ontology/`: loading them, generating the `PG` namespace module, rendering the docs.

The Turtle files hard-code `https://w3id.org/partnergraph/def/`; when `PARTNERGRAPH_BASE` moves the base
(`partnergraph.iris.BASE`), the loaders rewrite every IRI under that namespace to `iris.DEF`, so the
ontology, the schemes, the shapes and `iris.concept_iri` always agree.
"""

from __future__ import annotations

import html
import keyword
import re
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from . import iris
from ._atomic import write_atomic
from .errors import PartnergraphError

FILE_NAMESPACE = "https://w3id.org/partnergraph/def/"
"""The namespace the Turtle files are written in."""

ONTOLOGY_FILES = ("partnergraph.ttl", "schemes.ttl")
SHAPES_FILE = "shapes.ttl"
NAMESPACE_MODULE = Path(__file__).with_name("namespace.py")

_TERM_TYPES = {
    OWL.Class: "classes",
    RDFS.Class: "classes",
    OWL.ObjectProperty: "properties",
    OWL.DatatypeProperty: "properties",
    OWL.AnnotationProperty: "properties",
    RDF.Property: "properties",
}
# Where a stylesheet, script, frame or image would be fetched from the network.
_EXTERNAL_ASSET = re.compile(
    r"<(?:script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//"
    r"|@import\s+(?:url\()?[\"']?(?:https?:)?//"
    r"|url\(\s*[\"']?(?:https?:)?//",
    re.IGNORECASE,
)


def default_ontology_dir() -> Path:
    """`ontology/` of the source tree this package was installed from (an editable install)."""
    return Path(__file__).resolve().parents[2] / "ontology"


def load_ontology_graph(ontology_dir: str | Path) -> Graph:
    """The OWL ontology and the SKOS concept schemes (not the shapes) as one graph."""
    return _load(Path(ontology_dir), ONTOLOGY_FILES)


def load_shapes(ontology_dir: str | Path) -> Graph:
    """The SHACL shapes graph."""
    return _load(Path(ontology_dir), (SHAPES_FILE,))


def ontology_terms(graph: Graph) -> dict[str, list[URIRef]]:
    """The classes and properties defined in the pg namespace: {"classes": [...], "properties": [...]}."""
    namespace = str(iris.DEF)
    found: dict[str, set[URIRef]] = {"classes": set(), "properties": set()}
    for rdf_type, kind in _TERM_TYPES.items():
        for term in graph.subjects(RDF.type, rdf_type):
            if isinstance(term, URIRef) and str(term).startswith(namespace):
                name = str(term)[len(namespace) :]
                if name.isidentifier() and not keyword.iskeyword(name):
                    found[kind].add(term)
    return {kind: sorted(terms) for kind, terms in found.items()}


def generate_namespace_module(ontology_dir: str | Path) -> str:
    """The source of `partnergraph/namespace.py`: a `PG` DefinedNamespace of every class and property."""
    graph = load_ontology_graph(ontology_dir)
    terms = ontology_terms(graph)
    ontology = next(graph.subjects(RDF.type, OWL.Ontology), None)
    title = _text(graph, ontology, DCTERMS.title) if ontology is not None else "partnergraph"
    version = graph.value(ontology, OWL.versionInfo) if ontology is not None else None
    lines = [
        '"""The pg namespace: every class and property of the partnergraph ontology.',
        "",
        "Generated from ontology/*.ttl by partnergraph.ontology_tools.generate_namespace_module: do not",
        "edit. Regenerate: `python -m partnergraph.ontology_tools`; a test fails when this file is stale.",
        "Concepts of the SKOS schemes are not here: reach them with `partnergraph.iris.concept_iri`.",
        '"""',
        "",
        "from rdflib import URIRef",
        "from rdflib.namespace import DefinedNamespace",
        "",
        "from .iris import DEF",
        "",
        "",
        "class PG(DefinedNamespace):",
        f'    """{title}{f" (version {version})" if version else ""}."""',
        "",
        "    _NS = DEF",
        "    _fail = True",
    ]
    for kind in ("classes", "properties"):
        lines += ["", f"    # {kind}"]
        for term in terms[kind]:
            name = str(term)[len(str(iris.DEF)) :]
            label = _text(graph, term, RDFS.label)
            lines.append(f"    {name}: URIRef  # {label}" if label else f"    {name}: URIRef")
    return "\n".join(lines) + "\n"


def write_namespace_module(ontology_dir: str | Path, path: str | Path = NAMESPACE_MODULE) -> bool:
    """Regenerate the namespace module; True when its content changed."""
    source = generate_namespace_module(ontology_dir)
    path = Path(path)
    if path.exists() and path.read_text(encoding="utf-8") == source:
        return False
    write_atomic(path, source)
    return True


def render_ontology_docs(ontology_dir: str | Path, out_path: str | Path, lang: str = "en") -> Path:
    """Write self-contained HTML documentation of the ontology (pyLODE OntPub) and its concept schemes,
    its names, titles, author and descriptions in `lang` first ("wydarzenie (event)" for "pl"); pyLODE's own
    headings stay English (the portal translates them, web/portal/documents.py).

    The page has its stylesheet inline and loads nothing from the network; a guard raises
    PartnergraphError if a pyLODE version ever starts to reference an external script or stylesheet.
    """
    from pylode import OntPub  # heavy: only the docs need it

    graph = load_ontology_graph(ontology_dir)
    docs = _docs_graph(graph, lang)
    pub = OntPub(docs, sort_subjects=True)
    pub.fids.update(_fragment_ids(docs))
    page = _unique_functional_ids(pub.make_html())
    page = _insert_schemes(page, graph, lang)
    page = _link_terms_without_anchor(page)
    page = _links_by_our_labels(page, docs)
    page = _iris_written_out(page)
    external = [m.group(0) for m in _EXTERNAL_ASSET.finditer(page)]
    if external:
        raise PartnergraphError(f"the ontology docs would load assets from the network: {external[:3]}")
    out_path = Path(out_path)
    write_atomic(out_path, page)
    return out_path


def _load(ontology_dir: Path, names: tuple[str, ...]) -> Graph:
    graph = Graph()
    for name in names:
        path = ontology_dir / name
        if not path.is_file():
            raise PartnergraphError(f"ontology file not found: {path}")
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
            raise PartnergraphError(f"{path}: cannot parse Turtle: {exc}") from exc
    if str(iris.DEF) != FILE_NAMESPACE:
        graph = _rebase(graph, FILE_NAMESPACE, str(iris.DEF))
    graph.bind("pg", iris.DEF)
    return graph


def _rebase(graph: Graph, old: str, new: str) -> Graph:
    def move(node):
        if isinstance(node, URIRef) and str(node).startswith(old):
            return URIRef(new + str(node)[len(old) :])
        if isinstance(node, Literal) and node.datatype is None and str(node) == old:
            return Literal(new)  # vann:preferredNamespaceUri
        return node

    moved = Graph()
    for prefix, namespace in graph.namespaces():
        moved.bind(prefix, move(namespace) if str(namespace).startswith(old) else namespace, replace=True)
    for s, p, o in graph:
        moved.add((move(s), move(p), move(o)))
    return moved


def _text(graph: Graph, node, prop, lang: str = "en") -> str:
    """The value of `prop` in `lang`, else any value, as one line of text."""
    values = list(graph.objects(node, prop))
    chosen = [v for v in values if getattr(v, "language", None) == lang] or values
    return " ".join(str(min(chosen)).split()) if chosen else ""


def _other(lang: str) -> str:
    return "pl" if lang == "en" else "en"


def _docs_graph(graph: Graph, lang: str = "en") -> Graph:
    """The ontology as pyLODE shows it best: one label per term ("event (wydarzenie)"), `lang` first; its
    descriptions and definitions in `lang` where it has them."""
    docs = Graph()
    schemes = set(graph.subjects(RDF.type, SKOS.ConceptScheme)) | set(graph.subjects(RDF.type, SKOS.Concept))
    for prefix, namespace in graph.namespaces():
        docs.bind(prefix, namespace)
    for s, p, o in graph:
        if s in schemes or p in (
            RDFS.label,
            SKOS.definition,
            DCTERMS.title,
            DCTERMS.description,
            DCTERMS.creator,
        ):
            continue
        docs.add((s, p, o))
    for s in sorted(set(graph.subjects()) - schemes, key=str):
        label = _bilingual(graph, s, RDFS.label, " (", ")", lang)
        if label:
            docs.add((s, RDFS.label, Literal(label)))
        for prop in (DCTERMS.title, DCTERMS.creator):
            title = _text(graph, s, prop, lang)
            if title:
                docs.add((s, prop, Literal(title)))
        for prop in (SKOS.definition, DCTERMS.description):
            for tag in (lang, _other(lang), None):  # in `lang` where the ontology has it
                chosen = sorted(v for v in graph.objects(s, prop) if getattr(v, "language", 0) == tag)
                for value in chosen:
                    docs.add((s, DCTERMS.description, value))
                if chosen:
                    break
    return docs


def _fragment_ids(docs: Graph) -> dict[str, str]:
    """One HTML id per term, set before pyLODE makes its own: pyLODE 3.3 derives ids from labels and local
    names, and gave schema:Event and pg:Event the same one. Our terms keep their local name ("Event"),
    other vocabularies' terms get their prefix ("schema-Event")."""
    ids: dict[str, str] = {}
    names = dict((str(ns), prefix) for prefix, ns in docs.namespaces())
    for term in sorted({t for t in docs.subjects() if isinstance(t, URIRef)}, key=str):
        iri = str(term)
        match = re.fullmatch(r"(.*[/#])([^/#]+)", iri)
        if match is None:
            continue
        namespace, local = match.groups()
        fid = local if namespace == str(iris.DEF) else f"{names.get(namespace, 'ext')}-{local}"
        fid = re.sub(r"[^A-Za-z0-9_-]", "", fid)
        while fid in ids.values():
            fid += "_"
        ids[iri] = fid
    return ids


def _unique_functional_ids(page: str) -> str:
    """pyLODE lists a functional property twice (with its kind, and under Functional Properties) under the
    same id: the second listing's ids get a `functional-` prefix (links keep going to the first)."""
    start = page.find('<div class="section" id="functionalproperties">')
    if start < 0:
        return page
    end = page.find('<div class="section"', start + 1)
    end = len(page) if end < 0 else end
    section = re.sub(r'(<div class="property entity" id=")([^"]+)"', r'\1functional-\2"', page[start:end])
    return page[:start] + section + page[end:]


def _link_terms_without_anchor(page: str) -> str:
    """pyLODE links every IRI of our namespace to an anchor of the page, also those it documents nowhere
    (the version IRI, `#0.1.0`): such a link goes to the IRI itself, written out."""
    ids = set(re.findall(r'\bid="([^"]+)"', page))

    def link(match: re.Match) -> str:
        if match.group(1) in ids:
            return match.group(0)
        iri = html.escape(str(iris.DEF) + html.unescape(match.group(1)))
        return f'<a href="{iri}">{iri}</a>'

    return re.sub(r'<a href="#([^"]*)">[^<]*</a>', link, page)


def _links_by_our_labels(page: str, docs: Graph) -> str:
    """pyLODE names a link to another vocabulary's term by that vocabulary's English label ('Identifier' for
    dcterms:identifier, a super-property): the label the page gives the term, in the page's language."""
    labels = {str(s): str(o) for s, o in docs.subject_objects(RDFS.label) if isinstance(s, URIRef)}

    def link(match: re.Match) -> str:
        label = labels.get(html.unescape(match.group(1)))
        return f'<a href="{match.group(1)}">{html.escape(label)}</a>' if label else match.group(0)

    return re.sub(r'<a href="([^"#]+)">[^<]*</a>', link, page)


def _iris_written_out(page: str) -> str:
    """pyLODE names a namespace's IRI by its bare prefix ('pg:', the preferred namespace IRI) and gives
    properties it knows nothing of the tooltip 'None. Defined in None': the IRI written out, no tooltip."""
    page = re.sub(r'<a href="([^"]+)">\s*[A-Za-z][\w-]*:\s*</a>', r'<a href="\1">\1</a>', page)
    return page.replace(' title="None. Defined in None"', "")


def _bilingual(graph: Graph, node, prop, open_: str, close: str, lang: str = "en") -> str:
    first = [v for v in graph.objects(node, prop) if getattr(v, "language", None) == lang]
    second = [v for v in graph.objects(node, prop) if getattr(v, "language", None) == _other(lang)]
    if not first and not second:
        return ""
    if first and second:
        return f"{min(first)}{open_}{min(second)}{close}"
    return str(min(first or second))


def _insert_schemes(page: str, graph: Graph, lang: str = "en") -> str:
    """Add a "Concept schemes" section (and its table-of-contents entry) before pyLODE's namespaces."""
    schemes = sorted(graph.subjects(RDF.type, SKOS.ConceptScheme))
    parts = ['<div class="section" id="schemes">', "<h2>Concept schemes</h2>"]
    toc = ['<li><h4><a href="#schemes">Concept schemes</a></h4><ul class="second">']
    for scheme in schemes:
        anchor = "scheme-" + str(scheme).rstrip("/").rsplit("/", 1)[-1]
        title = html.escape(_bilingual(graph, scheme, SKOS.prefLabel, " (", ")", lang))
        toc.append(f'<li><a href="#{anchor}">{title}</a></li>')
        parts += [
            f'<div class="property entity" id="{anchor}">',
            f"<h3>{title}</h3>",
            f"<p><code>{html.escape(str(scheme))}</code></p>",
            *(
                f'<p lang="{tag}">{html.escape(_text(graph, scheme, SKOS.definition, tag))}</p>'
                for tag in (lang, _other(lang))
            ),
            "<table>",
            "<tr><th>notation</th><th>English</th><th>polski</th><th>definition</th><th>definicja</th></tr>",
        ]
        concepts = sorted(
            graph.subjects(SKOS.inScheme, scheme), key=lambda c: str(graph.value(c, SKOS.notation))
        )
        for concept in concepts:
            notation = html.escape(str(graph.value(concept, SKOS.notation)))
            cells = [
                f'<code title="{html.escape(str(concept))}">{notation}</code>',
                html.escape(_text(graph, concept, SKOS.prefLabel, "en")),
                html.escape(_text(graph, concept, SKOS.prefLabel, "pl")),
                html.escape(_text(graph, concept, SKOS.definition, "en")),
                html.escape(_text(graph, concept, SKOS.definition, "pl")),
            ]
            parts.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        parts += ["</table>", "</div>"]
    parts.append("</div>")
    toc.append("</ul></li>")
    page = _insert_before(page, '<div id="namespaces">', "\n".join(parts) + "\n")
    return _insert_before(page, re.compile(r'<li>\s*<h4>\s*<a href="#namespaces">'), "".join(toc) + "\n")


def _insert_before(page: str, marker: str | re.Pattern[str], text: str) -> str:
    match = re.search(marker if isinstance(marker, re.Pattern) else re.escape(marker), page)
    if match is None:
        raise PartnergraphError(f"unexpected pyLODE output: no {getattr(marker, 'pattern', marker)!r}")
    return page[: match.start()] + text + page[match.start() :]


if __name__ == "__main__":
    write_namespace_module(default_ontology_dir())
