"""Named things: organisations, persons, projects, programmes, MOPS units (filled in below)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Name:
    field: str
    value: str
    start: int  # offsets into page.text
    end: int


@dataclass
class Names:
    organisations: list[Name] = field(default_factory=list)
    persons: list[Name] = field(default_factory=list)
    projects: list[Name] = field(default_factory=list)
    programmes: list[Name] = field(default_factory=list)
    units: list[Name] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # countries of foreign organisations

    def all(self) -> list[Name]:
        return [*self.organisations, *self.persons, *self.projects, *self.programmes, *self.units]


def find_names(text, tokens, base, title_len, registries, gaz) -> Names:
    return Names()
