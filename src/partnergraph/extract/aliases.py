"""One organisation, many names, across pages: a page that gives a body's own name with its Polish
rendering ("Towarzystwem Ewangelickim (Evangelische Gesellschaft Stuttgart e.V.)") makes the rendering an
alias; another page naming the body only by that rendering then names the same organisation.

A full build unifies all pages at once. An incremental update (`add`, `remove`, the review) must give the
same graph, so the build records each page's own names before unification (`names.json` in the build
generation: the aliases it gives and the organisations it names, in the manifest's order); the update
re-reads them, unifies the pages it replaces with the other pages' aliases, and replaces too the unchanged
pages whose organisations another alias now renames (or no longer renames)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .._atomic import write_atomic
from .._slug import slug
from ..model import Event

NAMES = "names.json"  # in every build generation, beside entities.json


def own_names(events: Iterable[Event]) -> dict:
    """A page's own names before unification: the (alias, name) pairs it gives and the organisations it
    names."""
    events = list(events)
    return {
        "aliases": [
            [alias, name] for ev in events for name, aliases in ev.aliases.items() for alias in aliases
        ],
        "organisations": sorted({o for ev in events for o in ev.organisations}),
    }


def canonical_names(pages: Iterable[dict]) -> dict[str, str]:
    """Alias (slug) -> canonical name, from the pages' own names in corpus order; the first page wins."""
    canonical: dict[str, str] = {}
    for names in pages:
        for alias, name in names.get("aliases", []):
            canonical.setdefault(slug(alias), name)
    return canonical


def unify_aliases(events: Iterable[Event], canonical: dict[str, str] | None = None) -> None:
    """Rewrite, in place, organisations named by another page's alias to the canonical name (the body's
    own), keeping the alias on the event; curated values are left as a person set them. `canonical`:
    the corpus's aliases (canonical_names), else those of these events."""
    events = list(events)
    if canonical is None:
        canonical = canonical_names([own_names(events)])
    if not canonical:
        return
    for ev in events:
        if "organisations" in ev.curated:
            continue
        for k, value in reversed(list(enumerate(ev.organisations))):
            name = canonical_of(value, canonical)
            if name is None or name == value:
                continue
            if name in ev.organisations:  # both names on one page: one organisation
                del ev.organisations[k]
                evidence = ev.evidence.get("organisations", [])
                if k < len(evidence):
                    del evidence[k]
            else:
                ev.organisations[k] = name
            if value not in ev.aliases.get(name, []):
                ev.aliases.setdefault(name, []).append(value)


def canonical_of(value: str, canonical: dict[str, str]) -> str | None:
    """The canonical name of an alias, also of an alias's shorter tail ("Towarzystwo Ewangelickie" of
    "Miejscowe Towarzystwo Ewangelickie") of at least two words."""
    key = slug(value)
    if key in canonical:
        return canonical[key]
    if key.count("-") < 1:
        return None
    return next((name for alias, name in canonical.items() if alias.endswith("-" + key)), None)


def renamed_pages(recorded: dict[str, dict], before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The pages whose organisations the aliases `after` name otherwise than the aliases `before`."""
    return [
        sid
        for sid, names in recorded.items()
        if any(canonical_of(o, before) != canonical_of(o, after) for o in names.get("organisations", []))
    ]


def write_names(folder: Path, by_page: dict[str, dict]) -> None:
    write_atomic(folder / NAMES, json.dumps(dict(sorted(by_page.items())), ensure_ascii=False, indent=0))


def read_names(build_dir: Path) -> dict[str, dict]:
    """The pages' recorded names ({} when the build has none)."""
    try:
        return json.loads((build_dir / NAMES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
