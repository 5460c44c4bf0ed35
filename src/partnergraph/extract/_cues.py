"""Many cue patterns matched in one scan, with the very matches each pattern's own `finditer` would give.

The classifiers weigh every match of every cue (a type's forty-odd stems, the topics' lexicons). Scanning
the text once per cue cost a tenth of extraction; here one zero-width scan finds the word starts where some
cue matches (and the first such cue), and at each such start only the later cues whose first letters fit
are tried, one by one. (Trying them as one alternation per start compiled a pattern as large as the scan's
for almost every cue: a third of a second at the first pages, and slower per page.)
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
        letters, may_be_empty = _first_of(_parser.parse(pattern, re.I))
    except Exception:  # noqa: BLE001 - an unreadable pattern is simply not guarded
        return None
    return None if may_be_empty else letters


_ANY = (None, False)


def _first_of(items) -> tuple[frozenset[str] | None, bool]:
    """The letters a match of the sequence `items` can begin with (None: any character) and whether it can
    match nothing at all. What may match nothing (a look-around, an optional group) lets the letters of
    what follows it begin the match too: "(?:(?<=pomoc )|(?<=opieka ))dla dzieci" begins with "d"."""
    letters: set[str] = set()
    for op, av in items:
        first, may_be_empty = _first_of_item(op, av)
        if first is None:
            return _ANY
        letters |= first
        if not may_be_empty:
            return frozenset(letters), False
    return frozenset(letters), True


def _first_of_item(op, av) -> tuple[frozenset[str] | None, bool]:
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset(), True  # zero-width: the first letter comes after it
    if op == _c.LITERAL:
        return frozenset(chr(av).lower()), False
    if op == _c.IN:
        if any(o != _c.LITERAL for o, _a in av):
            return _ANY  # a range, a category or a negation: too wide to guard
        return frozenset(chr(a).lower() for _o, a in av), False
    if op == _c.SUBPATTERN:
        return _first_of(av[3])
    if op == _c.BRANCH:
        firsts = [_first_of(b) for b in av[1]]
        if any(f is None for f, _e in firsts):
            return _ANY
        return frozenset().union(*(f for f, _e in firsts)), any(e for _f, e in firsts)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        first, may_be_empty = _first_of(av[2])
        return first, may_be_empty or av[0] == 0
    return _ANY


def _letter_class(letters: frozenset[str]) -> str:
    return "[" + re.escape("".join(sorted(letters))) + "]"


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
        self.starts = re.compile(r"(?<!\w)(?=" + self._alternation() + ")", re.I)
        self.patterns = patterns
        self.guards = {k: letters for letters, ks in groups.items() for k in ks}
        self._compiled: list[re.Pattern | None] = [None] * self.n
        self._by_letter: dict[str, list[int]] = {}

    def _alternation(self) -> str:
        """The alternation of the cues in trying order, grouped under their letters."""
        parts, run, letters = [], [], None
        for lt, alt in self.alts + [(object(), "")]:
            if lt != letters and run:
                guard = "" if letters is None else "(?=" + _letter_class(letters) + ")"
                parts.append(guard + "(?:" + "|".join(run) + ")")
                run = []
            letters = lt
            run.append(alt)
        return "|".join(parts)

    def _cue(self, k: int) -> re.Pattern:
        """The k-th cue alone (compiled when first needed: most cues never match a given page)."""
        if self._compiled[k] is None:
            self._compiled[k] = re.compile(self.patterns[k], re.I)
        return self._compiled[k]

    def _tried_at(self, char: str) -> list[int]:
        """The cues whose guard lets them begin at `char`, in trying order (the guard's own test, so that case
        folding is the regex engine's)."""
        if char not in self._by_letter:
            fits = {
                letters: letters is None or re.fullmatch(_letter_class(letters), char, re.I)
                for letters in set(self.guards.values())
            }
            self._by_letter[char] = [k for k in self.order if fits[self.guards[k]]]
        return self._by_letter[char]

    def find(self, text: str) -> list[list[tuple[int, int]]]:
        found: list[list[tuple[int, int]]] = [[] for _ in range(self.n)]
        free_from = [0] * self.n  # a cue's next match starts after its last one, as finditer's do
        for s in self.starts.finditer(text):
            pos, name = s.start(), s.lastgroup
            # the first cue in trying order that matches here; the later ones are tried alone
            first = int(name[1:])
            if pos >= free_from[first]:
                found[first].append((pos, s.end(name)))
                free_from[first] = s.end(name)
            after = self.rank[first]
            for k in self._tried_at(text[pos]):
                if self.rank[k] <= after:
                    continue
                m = self._cue(k).match(text, pos)
                if m is not None and pos >= free_from[k]:
                    found[k].append((pos, m.end()))
                    free_from[k] = m.end()
        return found
