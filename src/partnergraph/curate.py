"""Applying data/curation.yaml: hand corrections to extracted events, by stable event id.

    bip-27120/wizyta-studentow-z-holandii:
      set: {participants: students, location: {city: Kraków, country: PL}}
      add: {topics: [welfare_system], cities: [{name: Utrecht, country: NL}]}
      remove: {organisations: [Reformed University]}
      accept: {type: StudyVisit, organisations: [Urząd Miasta Krakowa]}

    bip-27120/wizyta-z-ukrainy:              # an event extraction missed, from characters 1200-1260
      create: {title: Wizyta z Ukrainy, at: [1200, 1260], quote: "…"}
      add: {organisations: [{name: Fundacja X, at: [1230, 1240]}]}

    bip-27120/zmyslone-wydarzenie:
      delete: true                           # an event extraction invented

`accept` records values a person checked and found right; `add` may give a value's evidence as character
offsets in the page (`at`). A corrected or accepted field is marked curated, and the graph says so. A correction that matches no event, or
removes a value the event does not have, is reported as stale rather than silently ignored.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from .errors import CurationError
from .model import LIST_FIELDS, SCALAR_FIELDS, Event, Evidence, Place
from .reference import Registries

ACTIONS = ("set", "add", "remove", "accept", "create", "delete")


def read_curation(path: str | Path) -> dict:
    path = Path(path)
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise CurationError(f"{path}: not valid YAML ({e})") from None
    if not isinstance(data, dict):
        raise CurationError(f"{path}: expected a mapping of event id to corrections")
    for event_id, actions in data.items():
        if not isinstance(actions, dict) or set(actions) - set(ACTIONS):
            raise CurationError(f"{path}: {event_id}: expected only {', '.join(ACTIONS)}")
        if "delete" in actions and actions["delete"] is not True:
            raise CurationError(f"{path}: {event_id}.delete: expected true")
        create = actions.get("create")
        if create is not None and not (isinstance(create, dict) and create.get("title")):
            raise CurationError(f"{path}: {event_id}.create: expected a mapping with a title")
        for action, fields in actions.items():
            if action in ("delete", "create"):
                continue
            if not isinstance(fields, dict):
                raise CurationError(f"{path}: {event_id}.{action}: expected a mapping of field to value")
            allowed = SCALAR_FIELDS + LIST_FIELDS if action in ("set", "accept") else LIST_FIELDS
            unknown = set(fields) - set(allowed)
            if unknown:
                raise CurationError(
                    f"{path}: {event_id}.{action}: unknown field(s) {', '.join(sorted(unknown))}"
                )
    return data


def apply_curation(
    events: list[Event], curation: dict, registries: Registries
) -> tuple[list[Event], list[str]]:
    """Return the corrected events and the list of stale corrections (what no longer matches)."""
    by_id = {e.id: e for e in events}
    stale = [
        f"{event_id}: no such event"
        for event_id, actions in curation.items()
        if event_id not in by_id and not actions.get("create")
    ]
    stale += [
        f"{event_id}: create: already extracted"
        for event_id in curation
        if event_id in by_id and curation[event_id].get("create")
    ]
    created = [
        _created(str(k), a["create"]) for k, a in curation.items() if k not in by_id and a.get("create")
    ]
    pages = {e.source_id for e in events}  # a created event belongs to a page being curated here
    out = []
    for event in [*events, *(e for e in created if e.source_id in pages)]:
        actions = curation.get(event.id)
        if actions and actions.get("delete"):
            continue
        if actions:
            event, problems = _correct(event, actions, registries)
            stale += [f"{event.id}: {p}" for p in problems]
        out.append(event)
    return out, sorted(stale)


def _created(event_id: str, create: dict) -> Event:
    """An event extraction missed, made from the span of the page a person marked."""
    start, end = (create.get("at") or [0, 0])[:2]
    quote = str(create.get("quote") or "")
    event = Event(
        id=event_id,
        source_id=event_id.split("/", 1)[0],
        title=str(create["title"]),
        type=create.get("type"),  # a first guess the review offers for checking
        direction=create.get("direction"),
        text=quote,
        text_start=int(start),
        curated={"title"},
    )
    if quote:
        event.evidence["title"] = [Evidence(quote, int(start), int(end))]
    return event


def value_key(value) -> str:
    """How a value is named in curation.yaml: a place by its name (or country), anything else as text."""
    if isinstance(value, Place):
        return value.name or value.country or ""
    if isinstance(value, dict):
        return str(value.get("name") or value.get("city") or value.get("country") or "")
    return "" if value is None else str(value)


def _canonical(registries: Registries, field: str, name):
    """A name as the registry writes it, when the registry knows it by this name or an alias."""
    finder = {
        "organisations": registries.find_organisation,
        "units": registries.find_unit,
        "programmes": registries.find_programme,
        "projects": registries.find_project,
    }.get(field)
    entry = finder(str(name)) if finder and name else None
    return entry.name if entry else name


def _span(event: Event, value) -> Evidence | None:
    """The evidence of an added value given as `at: [start, end]`, when it lies in the event's text
    (or with its `quote`, for a value moved from another event's text)."""
    at = value.get("at") if isinstance(value, dict) else None
    if not at:
        return None
    start, end = int(at[0]), int(at[1])
    if value.get("quote"):
        return Evidence(str(value["quote"]), start, end)
    offset = start - event.text_start
    if not (0 <= offset and end - event.text_start <= len(event.text) and start < end):
        return None
    return Evidence(event.text[offset : offset + end - start], start, end)


def _place(value, registries: Registries) -> Place | None:
    if value is None:
        return None
    name, country = (value.get("city") or value.get("name")), value.get("country")
    return (name and registries.place(name, country)) or Place(name=name, country=country)


def _correct(event: Event, actions: dict, registries: Registries) -> tuple[Event, list[str]]:
    event = replace(event, evidence=dict(event.evidence), curated=set(event.curated))
    problems = []
    for field, value in (actions.get("set") or {}).items():
        if field == "location":
            value = _place(value, registries)
        elif field == "cities":
            value = [_place(v, registries) for v in value or []]
        setattr(event, field, value)
        event.evidence.pop(field, None)  # the page's text no longer supports the corrected value
        event.curated.add(field)
    for field, values in (actions.get("add") or {}).items():
        current = list(getattr(event, field))
        evidence = list(event.evidence.get(field, []))
        for item in values if isinstance(values, list) else [values]:
            span = _span(event, item)
            if field == "cities":
                value = _place(item, registries)
            else:
                value = _canonical(registries, field, item.get("name") if isinstance(item, dict) else item)
            if value in current:
                problems.append(f"add {field} {value_key(value)!r}: already extracted")
                continue
            if span and len(evidence) == len(current):  # evidence stays parallel to the values
                evidence.append(span)
            current.append(value)
        setattr(event, field, current)
        if evidence:
            event.evidence[field] = evidence
        event.curated.add(field)
    for field, values in (actions.get("remove") or {}).items():
        current = list(getattr(event, field))
        evidence = list(event.evidence.get(field, []))
        for value in values if isinstance(values, list) else [values]:
            names = [c.name if isinstance(c, Place) else c for c in current]
            if value not in names:
                problems.append(f"remove {field} {value!r}: not extracted")
                continue
            i = names.index(value)
            del current[i]
            if i < len(evidence):
                del evidence[i]
        setattr(event, field, current)
        event.evidence[field] = evidence
        event.curated.add(field)
    for field, values in (actions.get("accept") or {}).items():
        current = getattr(event, field)
        names = [value_key(v) for v in (current if isinstance(current, list) else [current])]
        for value in values if isinstance(values, list) else [values]:
            if value_key(value) not in names:
                problems.append(f"accept {field} {value_key(value)!r}: not extracted")
        event.curated.add(field)
    return event, problems
