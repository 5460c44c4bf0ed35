"""SHACL validation with a report a person can act on: which event, on which page, broke which rule."""

from __future__ import annotations

from rdflib import Dataset, Graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from ..errors import ValidationError
from ..iris import ONTOLOGY_GRAPH
from .vocab import SH


def validate_dataset(dataset: Dataset, shapes: Graph, ontology: Graph | None = None) -> None:
    """Raise ValidationError listing every violation; return quietly when the graph conforms.

    The data graph is the union of the named graphs but the ontology's: the shapes target classes the
    data states explicitly, so no RDFS inference is needed (it would triple the validation time)."""
    import pyshacl  # heavy: only the build needs it

    data = Graph()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if g != ONTOLOGY_GRAPH:
            data.add((s, p, o))
    if ontology is not None:  # the schemes' concepts, which sh:in lists and sh:class checks may refer to
        for triple in ontology:
            data.add(triple)
    conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True
    )
    if conforms:
        return
    events: dict[str, set[str]] = {}
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) == SH.Violation:
            text, concerned = _describe(report, result, data)
            for event in concerned or {""}:
                events.setdefault(event, set()).add(text)
    problems = sorted(set().union(*events.values())) if events else []
    if not problems:
        return
    raise ValidationError(
        f"the graph breaks {len(problems)} rule(s):\n" + "\n".join(f"  - {p}" for p in problems),
        {str(e): sorted(texts) for e, texts in events.items() if e},
    )


def _describe(report: Graph, result, data: Graph) -> tuple[str, set]:
    """The result as a line a person can act on, and the events it concerns."""
    focus = report.value(result, SH.focusNode)
    message = report.value(result, SH.resultMessage) or "constraint violated"
    events = _events_of(data, focus)
    where = _pages_of(data, events)
    text = f"{_label(data, focus)}: {message}"
    if where:
        text += f" [page {', '.join(where)}]"
    return text, events


def _label(data: Graph, node) -> str:
    label = data.value(node, RDFS.label)
    return f"{node} ({label})" if label else str(node)


def _events_of(data: Graph, node) -> set:
    """The event itself, or the events that name a place or organisation."""
    return {
        e
        for e in (node, *(s for s, _p, _o in data.triples((None, None, node))))
        if (e, PROV.wasDerivedFrom, None) in data
    }


def _pages_of(data: Graph, events: set) -> list[str]:
    """The source pages of these events."""
    pages = {
        data.value(page, DCTERMS.identifier) or page
        for e in events
        for page in data.objects(e, PROV.wasDerivedFrom)
    }
    return sorted(str(p) for p in pages)
