"""Which pages an entity decision touches ("these two names are one organisation", "this organisation is
new", "this place is that GeoNames city"): those that name the body, by any of its names, in their text,
in what extraction found on them, or in their corrections. Only those are extracted again and have their
graphs remade; the others cannot change, since the registries link only names a page has.

The text is matched loosely, so that no page that names the body is missed: every word of a name must
start a word of the page by its first letters (Polish inflects the ends of words: 'Prądniku', 'Dzielnicy'
of 'Prądnik', 'Dzielnica'). A page matched by chance is only extracted again for nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .._slug import slug
from ..model import Event, Place

STEM = 3  # letters a word keeps through declension ('Włochy', 'Włoszech'; 'Praga', 'Pradze')


def word_starts(text: str) -> set[str]:
    """Each word of `text` (slugged: no case, no diacritics) cut to 1..STEM letters."""
    return {word[:n] for word in slug(text).split("-") for n in range(1, STEM + 1)}


def named_in_text(starts: set[str], name: str) -> bool:
    return all(word[:STEM] in starts for word in slug(name).split("-"))


def _event_names(event: Event) -> set[str]:
    places: list[Place] = [*event.cities, *([event.location] if event.location else [])]
    names = {p.name for p in places if p.name}
    for field in ("organisations", "persons", "projects", "programmes", "units"):
        names |= set(getattr(event, field))
    names |= {a for name, aliases in event.aliases.items() for a in (name, *aliases)}
    return {slug(n) for n in names}


def pages_naming(
    names: Iterable[str],
    texts: Mapping[str, str],
    extracted: Mapping[str, list[Event]],
    curation: Mapping,
) -> set[str]:
    """The pages (source ids) that name any of `names`."""
    names = [n for n in names if n and n.strip()]
    keys = {slug(n) for n in names}
    found = set()
    for source_id, text in texts.items():
        starts = word_starts(text)
        if any(named_in_text(starts, n) for n in names) or any(
            keys & _event_names(e) for e in extracted.get(source_id, [])
        ):
            found.add(source_id)
    for event_id, actions in curation.items():  # values added or kept by a person under the name
        if any(key in slug(str(actions)) for key in keys):
            found.add(str(event_id).split("/", 1)[0])
    return found & set(texts)
