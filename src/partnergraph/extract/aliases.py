"""One organisation, many names, across pages: a page that gives a body's own name with its Polish
rendering ("Towarzystwem Ewangelickim (Evangelische Gesellschaft Stuttgart e.V.)") makes the rendering an
alias; another page naming the body only by that rendering then names the same organisation."""

from __future__ import annotations

from collections.abc import Iterable

from .._slug import slug
from ..model import Event


def unify_aliases(events: Iterable[Event]) -> None:
    """Rewrite, in place, organisations named by another page's alias to the canonical name (the body's
    own), keeping the alias on the event; curated values are left as a person set them."""
    events = list(events)
    canonical: dict[str, str] = {}
    for ev in events:
        for name, aliases in ev.aliases.items():
            for alias in aliases:
                canonical.setdefault(slug(alias), name)
    if not canonical:
        return
    for ev in events:
        if "organisations" in ev.curated:
            continue
        for k, value in enumerate(ev.organisations):
            name = _canonical_of(value, canonical)
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


def _canonical_of(value: str, canonical: dict[str, str]) -> str | None:
    """The canonical name of an alias, also of an alias's shorter tail ("Towarzystwo Ewangelickie" of
    "Miejscowe Towarzystwo Ewangelickie") of at least two words."""
    key = slug(value)
    if key in canonical:
        return canonical[key]
    if key.count("-") < 1:
        return None
    return next((name for alias, name in canonical.items() if alias.endswith("-" + key)), None)
