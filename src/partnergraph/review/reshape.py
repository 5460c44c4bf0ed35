"""Two events that are one, one event that is two: written with the corrections curation.yaml already
has (add with a span, remove, set, create, delete), so that a build reads them like any other."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from ..model import LIST_FIELDS, Event, Place
from . import curation_file
from .values import field_values

MOVED_SCALARS = ("start", "end", "participants", "location")  # what a split-off event takes from its span


def _item(value) -> object:
    if isinstance(value, Place):
        return {"name": value.name, "country": value.country}
    return value


def _key(value) -> str:
    return curation_file._key(_item(value))


def merge_events(data: CommentedMap, keep: Event, gone: Event) -> None:
    """`gone` is the same event as `keep`: its values `keep` lacks are added to `keep` (with their
    evidence), and `gone` is deleted."""
    for field in LIST_FIELDS:
        have = {_key(v) for v in field_values(keep, field)}
        evidence = gone.evidence.get(field) or []
        for i, value in enumerate(field_values(gone, field)):
            if field == "countries" or _key(value) in have:
                continue  # countries follow the cities
            ev = evidence[i] if i < len(evidence) else None
            at = (ev.start, ev.end) if ev else None
            curation_file.add_value(data, keep.id, field, _item(value), at, ev.quote if ev else None)
    curation_file.delete_event(data, gone.id)


def split_event(
    data: CommentedMap, event: Event, span: tuple[int, int], text: str, taken, guesses: dict
) -> str:
    """The part of `event` at `span` of the page's text is an event of its own: created from the span,
    it takes the values whose evidence lies in the span (list values move; dates, participants and
    place are copied). Returns the new event's id."""
    start, end = span
    quote = text[start:end]
    lines = [line.strip() for line in quote.splitlines() if line.strip()]
    new_id = curation_file.create_event(data, event.source_id, lines[0][:150], span, quote, taken, guesses)
    for field in (*MOVED_SCALARS, *LIST_FIELDS):
        evidence = event.evidence.get(field) or []
        for i, value in enumerate(field_values(event, field)):
            ev = evidence[i] if i < len(evidence) else None
            if ev is None or not (start <= ev.start and ev.end <= end):
                continue
            if field in LIST_FIELDS:
                curation_file.remove_value(data, event.id, field, _key(value))
                curation_file.add_value(data, new_id, field, _item(value), (ev.start, ev.end))
            elif isinstance(value, Place):
                curation_file.set_value(data, new_id, field, {"city": value.name, "country": value.country})
            else:
                curation_file.set_value(data, new_id, field, value)
    return new_id
