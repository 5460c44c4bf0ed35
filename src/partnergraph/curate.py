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
offsets in the page (`at`) with the text they quote (`quote`, written by `review`). When the page has
changed since, the quote is looked for again (the occurrence nearest the old offsets) and the evidence
points there; a quote no longer on the page is reported, and the value is kept without evidence, never
pointing at other text. A corrected or accepted field is marked curated, and the graph says so. A correction that matches no event, or
removes a value the event does not have, is reported as stale rather than silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import yaml

from . import iris
from ._together import finish_pending
from .errors import CurationError
from .model import LIST_FIELDS, SCALAR_FIELDS, Event, Evidence, Place
from .reference import Registries

ACTIONS = ("set", "add", "remove", "accept", "create", "delete")


def read_curation(path: str | Path) -> dict:
    path = Path(path)
    finish_pending(path.parent)  # a review decision a kill interrupted: finished before it is read
    if not path.is_file():
        return {}
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise CurationError(
            f"{path}, line {line}: not UTF-8 (byte {raw[e.start]:#04x}); save it as UTF-8"
        ) from None
    try:
        data = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as e:
        raise CurationError(f"{path}: not valid YAML ({' '.join(str(e).split())})") from None
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
    try:
        _check_values(data)
    except _BadValue as e:
        keys = e.args[0]
        where = f"{path}, line {_line(text, keys)}"
        raise CurationError(f"{where}: {keys[0]}: {'.'.join(map(str, keys[1:]))}: {e.args[1]}") from None
    return data


class _Loader(yaml.SafeLoader):
    """YAML without timestamps: a date stays the text it was written as (2010-13-45 is refused with
    its line by _date, not by the YAML reader)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _BadValue(Exception):
    """(keys down to the bad value, what is wrong with it)"""


DATE = re.compile(r"^(\d{4}|--)(?:-?(\d{2}))?(?:-(\d{2}))?$")


def _date(value) -> str:
    """A date as the graph writes it (YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, --MM), checked against the
    calendar; YAML reads 2010 as a number."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    match = DATE.match(text) if isinstance(text, str) else None
    if not match or (match.group(1) == "--" and not match.group(2)):
        raise ValueError(f"expected a date such as 2010-05-12, 2010-05 or 2010, got {value!r}")
    year = 2000 if match.group(1) == "--" else int(match.group(1))
    try:
        date(year, int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError as e:
        raise ValueError(f"not a date: {value!r} ({e})") from None
    return text


def _span_of(value) -> None:
    if not (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in value)
        and value[0] <= value[1]
    ):
        raise ValueError(f"expected [start, end], two character offsets, got {value!r}")


def _text(value) -> None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"expected text, got {value!r}")


def _item(value) -> None:
    """A value of a list field: a name, or a mapping with a name (a place: city/name, country and the town's
    geonames_id)."""
    if isinstance(value, dict):
        for key in ("name", "city", "country"):
            _text(value.get(key))
        if "at" in value:
            _span_of(value["at"])
        gid = value.get("geonames_id")
        if gid is not None and not (isinstance(gid, int) and not isinstance(gid, bool) and gid > 0):
            raise ValueError(f"geonames_id: expected a GeoNames id (a number), got {gid!r}")
    elif not isinstance(value, str):
        raise ValueError(f"expected a name or a mapping with a name, got {value!r}")


def _check_values(data: dict) -> None:
    """Every value of curation.yaml of the type its field takes (dates normalised in place); raises
    _BadValue for the first that is not."""
    for event_id, actions in data.items():
        if not isinstance(actions, dict):
            continue  # said by the checks of read_curation
        for action, fields in actions.items():
            if action == "create" and isinstance(fields, dict):
                fields = {k: v for k, v in fields.items() if k in ("title", "quote", "at")}
            if not isinstance(fields, dict):
                continue
            for field, value in fields.items():
                try:
                    if field in ("start", "end") and value is not None:
                        fields[field] = _date(value)
                    elif field == "at":
                        _span_of(value)
                    elif field == "location" and value is not None:
                        _item(value)
                    elif field in LIST_FIELDS:
                        for item in value if isinstance(value, list) else [value]:
                            if item is not None or action != "set":
                                _item(item)
                    else:
                        _text(value)
                except ValueError as e:
                    raise _BadValue((event_id, action, field), str(e)) from None


def _line(text: str, keys: tuple) -> int:
    """The line of the deepest of `keys` (event id, action, field) found in the YAML text."""
    node, line = yaml.compose(text), 1
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        found = next((v for k, v in node.value if str(k.value) == str(key)), None)
        if found is None:
            break
        line = next(k for k, v in node.value if v is found).start_mark.line + 1
        node = found
    return line


def apply_curation(
    events: list[Event], curation: dict, registries: Registries, texts: dict[str, str] | None = None
) -> tuple[list[Event], list[str]]:
    """Return the corrected events and the list of stale corrections (what no longer matches). `texts`:
    each page's text by source id, where quoted evidence is checked and found again."""
    texts = texts or {}
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
        _created(str(k), a["create"], texts)
        for k, a in curation.items()
        if k not in by_id and a.get("create")
    ]
    stale += [
        f"{k}: create: quoted text not found"
        for k, a in curation.items()
        if k not in by_id and a.get("create") and _lost(a["create"], texts.get(str(k).split("/", 1)[0]))
    ]
    pages = {e.source_id for e in events}  # a created event belongs to a page being curated here
    out = []
    for event in [*events, *(e for e in created if e.source_id in pages)]:
        actions = curation.get(event.id)
        if actions and actions.get("delete"):
            continue
        if actions:
            event, problems = _correct(event, actions, registries, texts.get(event.source_id))
            stale += [f"{event.id}: {p}" for p in problems]
        out.append(event)
    return out, sorted(stale)


def _created(event_id: str, create: dict, texts: dict[str, str]) -> Event:
    """An event extraction missed, made from the span of the page a person marked (found again by its
    quote when the page changed; kept where it was, with the quote, when the quote is gone)."""
    start, end = (create.get("at") or [0, 0])[:2]
    quote = str(create.get("quote") or "")
    moved = locate(texts.get(event_id.split("/", 1)[0]), quote, int(start)) if quote else None
    if moved:
        start, end = moved
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


def _lost(create: dict, page: str | None) -> bool:
    """A created event's quote is no longer on its page."""
    quote, at = create.get("quote"), create.get("at") or [0, 0]
    return bool(quote and page is not None and locate(page, str(quote), int(at[0])) is None)


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


def locate(text: str | None, quote: str, start: int) -> tuple[int, int] | None:
    """Where `quote` is in `text`: at `start` when it is still there, else its occurrence nearest to
    `start`; None when the text is unknown or no longer holds the quote."""
    if text is None or not quote:
        return None
    found, at = [], text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    if not found:
        return None
    nearest = min(found, key=lambda i: (abs(i - start), i))
    return nearest, nearest + len(quote)


def _span(event: Event, value, page: str | None = None) -> Evidence | None | str:
    """The evidence of an added value given as `at: [start, end]`: with its `quote`, found in the
    page's text `page` (where it is now), or the text of the problem when the page no longer holds it;
    without a quote (written before quotes were kept), the event's text at those offsets."""
    at = value.get("at") if isinstance(value, dict) else None
    if not at:
        return None
    start, end = int(at[0]), int(at[1])
    if value.get("quote"):
        quote = str(value["quote"])
        if page is None:  # no page to check against: as written
            return Evidence(quote, start, end)
        found = locate(page, quote, start)
        if found is None:
            return f"quoted text {' '.join(quote.split())[:60]!r} not found"
        return Evidence(quote, *found)
    offset = start - event.text_start
    if not (0 <= offset and end - event.text_start <= len(event.text) and start < end):
        return None
    return Evidence(event.text[offset : offset + end - start], start, end)


SHARED_NAME = "several towns of {country} have this name: say which by its geonames_id (`partnergraph review` lists them)"


def _place(value, registries: Registries) -> Place | str | None:
    """The town a correction names: by its GeoNames id when it gives one; by name and country only when no
    other town of the country has the name, else the text of the problem (a registered town of that name
    may be the other one)."""
    if value is None:
        return None
    if isinstance(value, str):  # a city by its name
        value = {"name": value}
    name, country = (value.get("city") or value.get("name")), value.get("country")
    gid = value.get("geonames_id")
    if name and gid is None and iris.shared_name(name, country):
        return SHARED_NAME.format(country=country)
    return (name and registries.place(name, country, gid)) or Place(
        name=name, country=country, geonames_id=gid
    )


def _correct(
    event: Event, actions: dict, registries: Registries, page: str | None = None
) -> tuple[Event, list[str]]:
    event = replace(event, evidence=dict(event.evidence), curated=set(event.curated))
    problems = []
    for field, value in (actions.get("set") or {}).items():
        if field == "location":
            place = _place(value, registries)
            if isinstance(place, str):  # not applied: the value stays as extracted
                problems.append(f"set location {value_key(value)!r}: {place}")
                continue
            value = place
        elif field == "cities":
            places = [(v, _place(v, registries)) for v in value or []]
            problems += [f"set cities {value_key(v)!r}: {p}" for v, p in places if isinstance(p, str)]
            value = [p for _v, p in places if not isinstance(p, str)]
        setattr(event, field, value)
        event.evidence.pop(field, None)  # the page's text no longer supports the corrected value
        event.curated.add(field)
    for field, values in (actions.get("add") or {}).items():
        current = list(getattr(event, field))
        evidence = list(event.evidence.get(field, []))
        for item in values if isinstance(values, list) else [values]:
            span = _span(event, item, page)
            if field == "cities":
                value = _place(item, registries)
                if isinstance(value, str):
                    problems.append(f"add cities {value_key(item)!r}: {value}")
                    continue
            else:
                value = _canonical(registries, field, item.get("name") if isinstance(item, dict) else item)
            if value in current:
                problems.append(f"add {field} {value_key(value)!r}: already extracted")
                continue
            if isinstance(span, str):  # kept, without evidence that would point at other text
                problems.append(f"add {field} {value_key(value)!r}: {span}")
                span = None
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
