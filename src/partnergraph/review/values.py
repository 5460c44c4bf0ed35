"""What a reviewer looks at: every value of every event, with its evidence, the extractor's confidence and
its state (open, reviewed = accepted by a person, corrected = changed, added or removed by a person).

Extraction runs once per page and is kept (it is the slow part); curation is applied at each look, so a
saved correction shows at once. Removed values and deleted events stay in the list (as corrected), so
that a page's counts add up to what extraction found plus what people added.
"""

from __future__ import annotations

import ast
import dataclasses
import re
import threading
from dataclasses import dataclass, field

from ..build import read_sources
from ..curate import apply_curation, read_curation, value_key
from ..extract import extract_events
from ..model import LIST_FIELDS, SCALAR_FIELDS, Event, Evidence, Place
from ..reference import load_registries
from ..settings import Settings

FIELDS = SCALAR_FIELDS + LIST_FIELDS
# curate.apply_curation's reports of corrections that match nothing extracted (read back into their parts)
STALE_EVENT = re.compile(
    r"^(?P<event>[^:]+): (?P<what>no such event|create: already extracted|create: quoted text not found)$"
)
STALE_VALUE = re.compile(
    r"^(?P<event>[^:]+): (?P<action>accept|add|remove) (?P<field>\w+) (?P<key>'.*'|\".*\"): "
    r"(?P<what>not extracted|already extracted|quoted text .* not found)$"
)
SHARED_NAME = re.compile(
    r"^(?P<event>[^:]+): (?P<action>set|add) (?P<field>location|cities) (?P<key>'.*'|\".*\"): several towns of "
)
EVENT_KINDS = {
    "no such event": "no_event",
    "create: already extracted": "created_extracted",
    "create: quoted text not found": "created_unlocated",
}
NO_EVIDENCE_CONFIDENCE = 0.25  # a value nothing in the text supports is more doubtful
STATES = ("open", "reviewed", "corrected")


@dataclass
class Value:
    event_id: str
    field: str
    index: int
    key: str  # the value as curation.yaml names it
    evidence: Evidence | None
    confidence: float
    state: str
    removed: bool = False

    @property
    def id(self) -> str:
        return f"{self.event_id}|{self.field}|{self.index}"


@dataclass
class EventView:
    event: Event
    values: list[Value]
    deleted: bool = False
    created: bool = False

    @property
    def open(self) -> list[Value]:
        return [v for v in self.values if v.state == "open"]


@dataclass
class Stale:
    """A correction that no longer matches what extraction gives (the page or the extractor changed)."""

    event: str
    # no_event, created_extracted, created_unlocated, unlocated (an added value's quote is not on the
    # page), shared_name (a city several towns are named, without its GeoNames id), or the action: accept,
    # add, remove
    kind: str
    field: str = ""
    key: str = ""
    report: str = ""  # as curate wrote it (shown as is should its form be new)
    successor: str = ""  # no_event: the event of the page most likely to be the same one renamed
    # no_event: the events of the page the corrections may go to (none of their own), likeliest first
    candidates: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (id, title)


def read_stale(report: str) -> Stale:
    if match := STALE_EVENT.match(report):
        return Stale(match["event"], EVENT_KINDS[match["what"]], report=report)
    if match := SHARED_NAME.match(report):  # a city named without its GeoNames id (curate._place)
        return Stale(match["event"], "shared_name", match["field"], ast.literal_eval(match["key"]), report)
    if match := STALE_VALUE.match(report):
        kind = "unlocated" if match["what"].startswith("quoted") else match["action"]
        return Stale(match["event"], kind, match["field"], ast.literal_eval(match["key"]), report)
    return Stale(report.split(":", 1)[0], "other", report=report)


@dataclass
class PageView:
    source_id: str
    title: str
    text: str
    events: list[EventView] = field(default_factory=list)
    stale: list[Stale] = field(default_factory=list)

    @property
    def values(self) -> list[Value]:
        return [v for e in self.events for v in e.values]

    def counts(self) -> dict[str, int]:
        return {s: sum(v.state == s for v in self.values) for s in STATES}


def likeness(event_id: str, events: list[Event]) -> list[tuple[float, Event]]:
    """`events` (of the same page) by how much their ids' title words have in common with `event_id`'s,
    an event no longer extracted (its title changed on the page): the likeliest first, then page order."""

    def words(identifier: str) -> set[str]:
        return set(identifier.partition("/")[2].split("-")) - {""}

    old = words(event_id)
    scored = [(len(old & words(e.id)) / len(old | words(e.id) or {""}), e) for e in events]
    return sorted(scored, key=lambda pair: -pair[0])


def successor(ranked: list[tuple[float, Event]]) -> str:
    """The id of the event most like the lost one (`likeness`): at least half their title words in common
    and no other as close; else '' (the person chooses)."""
    if not ranked or ranked[0][0] < 0.5 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return ""
    return ranked[0][1].id


def confidence(evidence: Evidence | None, field: str) -> float:
    """The extractor's confidence in a value (its rule's, else the field's default)."""
    if evidence is None:
        return NO_EVIDENCE_CONFIDENCE
    return round(evidence.confidence_for(field), 3)


def field_values(event: Event, name: str) -> list:
    value = getattr(event, name)
    if name in LIST_FIELDS:
        return list(value)
    return [] if value in (None, "") else [value]


def _evidence(event: Event, name: str, index: int) -> Evidence | None:
    evidence = event.evidence.get(name) or []
    return evidence[index] if index < len(evidence) else None


class Corpus:
    """The pages as extracted, kept in memory; `reload` after a registry changes (it changes extraction)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.lock = threading.RLock()
        self.reload()

    def reload(self, source_ids: set[str] | None = None) -> None:
        """Read the registries again and extract the pages again: all of them, or only `source_ids` (the
        pages that name what a registry change is about: affected.py)."""
        registries = load_registries(self.settings.reference_dir)
        sources = read_sources(self.settings, source_ids)
        extracted = {entry.source_id: extract_events(page, registries) for entry, page in sources}
        with self.lock:
            self.registries = registries
            if source_ids is None:
                self.entries, self.texts, self.extracted = {}, {}, {}
            self.entries |= {entry.source_id: entry for entry, _ in sources}
            self.texts |= {entry.source_id: page.text for entry, page in sources}
            self.extracted |= extracted

    def event_ids(self) -> set[str]:
        return {e.id for events in self.extracted.values() for e in events}

    def page(self, source_id: str, curation: dict | None = None) -> PageView:
        with self.lock:
            raw = self.extracted[source_id]
            registries = self.registries
            entry, text = self.entries[source_id], self.texts[source_id]
        if curation is None:
            curation = read_curation(self.settings.curation_file)
        own = {str(k): v for k, v in curation.items() if str(k).startswith(f"{source_id}/")}
        curated, stale = apply_curation(raw, own, registries, {source_id: text})
        by_id = {e.id: e for e in curated}
        view = PageView(source_id, entry.title or entry.file, text, stale=[read_stale(s) for s in stale])
        for s in view.stale:
            if s.kind == "no_event":
                ranked = likeness(s.event, [e for e in raw if e.id not in own])
                s.successor = successor(ranked)
                s.candidates = [(e.id, e.title) for _, e in ranked]
        for event in raw:
            if event.id in by_id:
                view.events.append(_event_view(by_id[event.id], event, own.get(event.id) or {}))
            else:  # deleted
                values = _values(event, event, {}, lambda _f, _k: "corrected", removed=True)
                view.events.append(EventView(event, values, deleted=True))
        raw_ids = {e.id for e in raw}
        for event in curated:
            if event.id not in raw_ids:
                view.events.append(_event_view(event, None, own.get(event.id) or {}, created=True))
        return view

    def pages(self, curation: dict | None = None) -> list[PageView]:
        curation = read_curation(self.settings.curation_file) if curation is None else curation
        return [self.page(source_id, curation) for source_id in sorted(self.extracted)]


def _event_view(event: Event, raw: Event | None, actions: dict, created: bool = False) -> EventView:
    accepted = actions.get("accept") or {}
    changed = set(actions.get("set") or {})
    added = {
        name: {value_key(v) for v in (values if isinstance(values, list) else [values])}
        for name, values in (actions.get("add") or {}).items()
    }

    def state(name: str, key: str) -> str:
        if (created and name == "title") or name in changed or key in added.get(name, ()):
            return "corrected"
        wanted = accepted.get(name)
        keys = {value_key(v) for v in wanted} if isinstance(wanted, list) else {value_key(wanted)}
        return "reviewed" if wanted is not None and key in keys else "open"

    values = _values(event, event, actions, state)
    if raw is not None:  # what a person removed stays listed, struck through
        for name, keys in (actions.get("remove") or {}).items():
            for i, value in enumerate(field_values(raw, name)):
                if value_key(value) in (keys if isinstance(keys, list) else [keys]):
                    evidence = _evidence(raw, name, i)
                    values.append(
                        Value(
                            event.id,
                            name,
                            1000 + i,
                            value_key(value),
                            evidence,
                            confidence(evidence, name),
                            "corrected",
                            removed=True,
                        )
                    )
    return EventView(event, values, created=created)


def _values(event: Event, source: Event, actions: dict, state, removed: bool = False) -> list[Value]:
    out = []
    for name in FIELDS:
        for i, value in enumerate(field_values(source, name)):
            key = value_key(value)
            evidence = _evidence(source, name, i)
            out.append(
                Value(event.id, name, i, key, evidence, confidence(evidence, name), state(name, key), removed)
            )
    return out


def describe(value) -> str:
    """A value as a reviewer reads it."""
    if isinstance(value, Place):
        return ", ".join(x for x in (value.name, value.country) if x)
    return str(value)
