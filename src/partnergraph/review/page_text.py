"""The page's text cut into segments at every evidence boundary, so that each value's span can be
highlighted (and found again from a selection: each segment knows its offset in the page's text)."""

from __future__ import annotations

from dataclasses import dataclass

from .values import PageView


@dataclass
class Segment:
    start: int  # offset in the page's text
    text: str
    values: list[str]  # ids of the values whose evidence covers this segment, narrowest first
    field: str | None  # the field of the narrowest one (its colour)


def segments(page: PageView) -> list[Segment]:
    spans = [
        (v.evidence.start, v.evidence.end, v)
        for e in page.events
        for v in e.values
        if v.evidence and 0 <= v.evidence.start < v.evidence.end <= len(page.text)
    ]
    cuts = sorted({0, len(page.text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = sorted((e - s, v.id, v.field) for s, e, v in spans if s <= a and b <= e)
        ids = [vid for _, vid, _ in covering]
        out.append(Segment(a, page.text[a:b], ids, covering[0][2] if covering else None))
    return out
