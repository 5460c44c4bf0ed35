"""Many cue patterns matched in one scan, with the very matches each pattern's own `finditer` would give.

The classifiers weigh every match of every cue (a type's forty-odd stems, the topics' lexicons). Scanning
the text once per cue cost a tenth of extraction; here one zero-width scan finds the word starts where some
cue matches, and at each such start only the cues whose first letters fit are tried, in one regex.
"""

from __future__ import annotations

import re

try:  # the parser of the standard library's regex engine, to read a pattern's possible first letters
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - another Python: no guards, the same matches, only slower
    _parser = None


def _first_letters(pattern: str) -> frozenset[str] | None:
    """The lower-case letters a match of `pattern` can begin with, or None when any character could."""
    if _parser is None:
        return None
    try:
        return _first_of(_parser.parse(pattern, re.I))
    except Exception:  # noqa: BLE001 - an unreadable pattern is simply not guarded
        return None


def _first_of(items) -> frozenset[str] | None:
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: the first letter comes after it
        if op == _c.LITERAL:
            return frozenset(chr(av).lower())
        if op == _c.IN:
            letters: set[str] = set()
            for o, a in av:
                if o != _c.LITERAL:
                    return None  # a range, a category or a negation: too wide to guard
                letters.add(chr(a).lower())
            return frozenset(letters)
        if op == _c.SUBPATTERN:
            return _first_of(av[3])
        if op == _c.BRANCH:
            firsts = [_first_of(b) for b in av[1]]
            return None if any(f is None for f in firsts) else frozenset().union(*firsts)
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] > 0:
            return _first_of(av[2])
        return None
    return None


class CueScan:
    """`find(text)[k]` lists (start, end) of the matches of `patterns[k]` (each matched at a word start,
    case-insensitively, as `re.compile(r"(?<!\\w)(?:" + p + ")", re.I).finditer` gives them)."""

    def __init__(self, patterns: list[str]) -> None:
        self.n = len(patterns)
        # cues grouped by their first letters, each group behind a look at the next character
        groups: dict[frozenset[str] | None, list[int]] = {}
        for k, p in enumerate(patterns):
            groups.setdefault(_first_letters(p), []).append(k)
        self.order = [k for ks in groups.values() for k in ks]  # the order in which alternatives are tried
        self.alts = [(letters, f"(?P<c{k}>{patterns[k]})") for letters, ks in groups.items() for k in ks]
        self.rank = {k: i for i, k in enumerate(self.order)}
        self.starts = re.compile(r"(?<!\w)(?=" + self._alternation(0) + ")", re.I)
        self._later: dict[int, re.Pattern | None] = {}

    def _alternation(self, i: int) -> str:
        """The alternation of the cues from the i-th in trying order on, grouped under their letters."""
        parts, run, letters = [], [], None
        for lt, alt in self.alts[i:] + [(object(), "")]:
            if lt != letters and run:
                guard = "" if letters is None else "(?=[" + re.escape("".join(sorted(letters))) + "])"
                parts.append(guard + "(?:" + "|".join(run) + ")")
                run = []
            letters = lt
            run.append(alt)
        return "|".join(parts)

    def _after(self, i: int) -> re.Pattern | None:
        """The cues tried after the i-th (in trying order), as one pattern (compiled when first needed)."""
        if i not in self._later:
            self._later[i] = re.compile(self._alternation(i + 1), re.I) if i + 1 < self.n else None
        return self._later[i]

    def find(self, text: str) -> list[list[tuple[int, int]]]:
        found: list[list[tuple[int, int]]] = [[] for _ in range(self.n)]
        free_from = [0] * self.n  # a cue's next match starts after its last one, as finditer's do
        for s in self.starts.finditer(text):
            pos, name = s.start(), s.lastgroup
            end = s.end(name)
            while True:
                k = int(name[1:])
                if pos >= free_from[k]:
                    found[k].append((pos, end))
                    free_from[k] = end
                after = self._after(self.rank[k])
                m = after.match(text, pos) if after is not None else None
                if m is None:
                    break
                name = m.lastgroup
                end = m.end(name)
        return found
