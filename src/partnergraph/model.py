"""The plain records handed from stage to stage (see docs/DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

LIST_FIELDS = ("cities", "countries", "organisations", "persons", "projects", "programmes", "units", "topics")
SCALAR_FIELDS = ("title", "start", "end", "type", "direction", "participants", "location")


@dataclass
class Page:
    source_id: str
    path: str
    text: str
    url: str | None = None
    year: int | None = None
    publisher: str | None = None
    title: str | None = None
    home: str | None = None  # the body whose cooperation the page reports (None: the registries' default)
    home_city: str | None = None


@dataclass
class Section:
    title: str
    body: str
    start: int  # offset of the title in Page.text
    end: int  # offset just past the body


@dataclass(frozen=True)
class Evidence:
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Place:
    name: str | None  # English name; None for a country-only location
    country: str | None  # ISO 3166-1 alpha-2
    name_pl: str | None = None
    geonames_id: int | None = None
    wikidata_id: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_json(self) -> dict:
        return {"city": self.name, "country": self.country}


@dataclass
class Event:
    id: str
    source_id: str
    title: str
    start: str | None = None
    end: str | None = None
    type: str | None = None
    direction: str | None = None
    participants: str | None = None
    location: Place | None = None
    cities: list[Place] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    text: str = ""  # the event's section (title and body) as on the page
    text_start: int = 0  # offset of the section in Page.text
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    curated: set[str] = field(default_factory=set)
    # place or organisation strings the extractor found but could link to nothing (reported by the build)
    unlinked: dict[str, list[Evidence]] = field(default_factory=dict)

    def to_json(self) -> dict:
        """The event in the shape of ../shared/spec/extract-json.md, plus `id` and `evidence`."""
        out = {
            "id": self.id,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "direction": self.direction,
            "participants": self.participants,
            "location": self.location.to_json() if self.location else None,
            "cities": [{"name": c.name, "country": c.country} for c in self.cities],
        }
        for name in LIST_FIELDS[1:]:
            out[name] = list(getattr(self, name))
        out["evidence"] = {
            f: [{"quote": e.quote, "start": e.start, "end": e.end} for e in evs]
            for f, evs in sorted(self.evidence.items())
        }
        if self.curated:
            out["curated"] = sorted(self.curated)
        return out
