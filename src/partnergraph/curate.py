"""Applying data/curation.yaml: hand corrections to extracted events, by stable event id.

    bip-27120/wizyta-studentow-z-holandii:
      set: {participants: students, location: {city: Kraków, country: PL}}
      add: {topics: [welfare_system], cities: [{name: Utrecht, country: NL}]}
      remove: {organisations: [Reformed University]}

A corrected field is marked curated, and the graph says so. A correction that matches no event, or
removes a value the event does not have, is reported as stale rather than silently ignored.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from .errors import CurationError
from .model import LIST_FIELDS, SCALAR_FIELDS, Event, Place
from .reference import Registries

ACTIONS = ("set", "add", "remove")


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
        for action, fields in actions.items():
            if not isinstance(fields, dict):
                raise CurationError(f"{path}: {event_id}.{action}: expected a mapping of field to value")
            allowed = SCALAR_FIELDS + LIST_FIELDS if action == "set" else LIST_FIELDS
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
    stale = [f"{event_id}: no such event" for event_id in curation if event_id not in by_id]
    out = []
    for event in events:
        actions = curation.get(event.id)
        if actions:
            event, problems = _correct(event, actions, registries)
            stale += [f"{event.id}: {p}" for p in problems]
        out.append(event)
    return out, sorted(stale)


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
        for value in values if isinstance(values, list) else [values]:
            value = _place(value, registries) if field == "cities" else value
            if value in current:
                problems.append(f"add {field} {value!r}: already extracted")
            else:
                current.append(value)
        setattr(event, field, current)
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
    return event, problems
