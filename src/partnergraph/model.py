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


# How sure extraction is of a value of each field when its rule sets nothing finer: the share of such
# values found right on the development pages, rounded down (benchmarks/confidence_honesty.py measures it).
DEFAULT_CONFIDENCE = {
    "title": 0.9,
    "start": 0.8,
    "end": 0.8,
    "type": 0.7,
    "direction": 0.75,
    "participants": 0.6,
    "location": 0.7,
    "cities": 0.75,
    "countries": 0.8,
    "organisations": 0.6,
    "persons": 0.7,
    "projects": 0.75,
    "programmes": 0.85,
    "units": 0.8,
    "topics": 0.6,
}


@dataclass(frozen=True)
class Evidence:
    quote: str
    start: int
    end: int
    confidence: float | None = (
        None  # 0-1, how sure the rule that found the value is; None: the field's default
    )

    def confidence_for(self, field: str) -> float:
        return self.confidence if self.confidence is not None else DEFAULT_CONFIDENCE.get(field, 0.5)


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
    # other names of an organisation the page gives with its own ("Towarzystwo Ewangelickie" for
    # "Evangelische Gesellschaft Stuttgart e.V."): organisation -> aliases, shown as skos:altLabel
    aliases: dict[str, list[str]] = field(default_factory=dict)

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
            f: [
                {"quote": e.quote, "start": e.start, "end": e.end, "confidence": self.confidence(f, e)}
                for e in evs
            ]
            for f, evs in sorted(self.evidence.items())
        }
        # one number per value: a float for a single-valued field, a list parallel to a list field's values
        out["confidence"] = {}
        for f in (*SCALAR_FIELDS, *LIST_FIELDS):
            evs = self.evidence.get(f, [])
            if f in LIST_FIELDS:
                n = len(getattr(self, f))
                out["confidence"][f] = [
                    self.confidence(f, evs[k] if k < len(evs) else None) for k in range(n)
                ]
            elif out.get(f) is not None:
                out["confidence"][f] = self.confidence(f, evs[0] if evs else None)
        if self.curated:
            out["curated"] = sorted(self.curated)
        if self.aliases:
            out["organisation_aliases"] = {k: list(v) for k, v in sorted(self.aliases.items())}
        return out

    def confidence(self, field: str, evidence: Evidence | None) -> float:
        """How sure the value is: 1 when a person set or checked it, else its evidence's confidence."""
        if field in self.curated:
            return 1.0
        if evidence is None:
            return DEFAULT_CONFIDENCE.get(field, 0.5)
        return round(evidence.confidence_for(field), 3)
