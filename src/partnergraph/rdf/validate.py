"""SHACL validation with a report a person can act on: which event, on which page, broke which rule."""

from __future__ import annotations

from rdflib import Dataset, Graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from ..errors import ValidationError
from .vocab import SH


def validate_dataset(dataset: Dataset, shapes: Graph, ontology: Graph) -> None:
    """Raise ValidationError listing every violation; return quietly when the graph conforms."""
    import pyshacl  # heavy: only the build needs it

    data = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):  # the union of all named graphs
        data.add((s, p, o))
    conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs", advanced=False, allow_warnings=True
    )
    if conforms:
        return
    problems = sorted(
        {
            _describe(report, result, data)
            for result in report.subjects(RDF.type, SH.ValidationResult)
            if report.value(result, SH.resultSeverity) == SH.Violation
        }
    )
    if not problems:
        return
    raise ValidationError(
        f"the graph breaks {len(problems)} rule(s):\n" + "\n".join(f"  - {p}" for p in problems)
    )


def _describe(report: Graph, result, data: Graph) -> str:
    focus = report.value(result, SH.focusNode)
    message = report.value(result, SH.resultMessage) or "constraint violated"
    where = _pages_of(data, focus)
    text = f"{_label(data, focus)}: {message}"
    if where:
        text += f" [page {', '.join(where)}]"
    return text


def _label(data: Graph, node) -> str:
    label = data.value(node, RDFS.label)
    return f"{node} ({label})" if label else str(node)


def _pages_of(data: Graph, node) -> list[str]:
    """The source pages of an event, or of the events that name a place or organisation."""
    events = {node} | {
        s for s, _p, _o in data.triples((None, None, node)) if (s, PROV.wasDerivedFrom, None) in data
    }
    pages = {
        data.value(page, DCTERMS.identifier) or page
        for e in events
        for page in data.objects(e, PROV.wasDerivedFrom)
    }
    return sorted(str(p) for p in pages)
