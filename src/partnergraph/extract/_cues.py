"""Many cue patterns matched in one scan, with the very matches each pattern's own `finditer` would give.

The classifiers weigh every match of every cue (a type's seventy stems, the topics' lexicons). Each cue's
pattern is read for its head, what its matches may begin with ("spotka(nie|nia)" begins "spot"), and one
scan finds the word starts where some cue's head fits. There the cues are looked up by the next few
characters (remembered per scan: a page repeats its words) and only those whose head fits are tried, each
alone. (Trying every cue at every word start, as one alternation, took ten times as long: an alternation
is tried branch by branch, and a cue rarely fails before its second letter.)
"""

from __future__ import annotations

import re

try:  # the parser of the standard library's regex engine, to read a pattern's head
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - another Python: no heads, the same matches, only slower
    _parser = None

HEAD = 5  # characters of a cue's head: longer keys part the cues better, but there are more keys to learn

Head = tuple[str, ...]  # a character class per character (a regular expression each)


def _heads(pattern: str) -> set[Head]:
    """What a match of `pattern` may begin with: the character classes of its first HEAD characters, as
    many as are known (an empty head: any beginning). A look-around or an optional part lets what follows
    it in: "(?<=pomoc )dla dzieci" begins "dla ", "(ab)*c" begins "abab", "abc" or "c"."""
    if _parser is None:
        return {()}
    try:
        items = list(_parser.parse(pattern, re.I))
    except Exception:  # noqa: BLE001 - an unreadable pattern is tried everywhere
        return {()}
    return _walk(items, (), HEAD)


def _walk(items: list, then: tuple[list, ...], room: int) -> set[Head]:
    """The heads (of at most `room` characters) of the sequence `items` followed by the sequences `then`."""
    if room == 0:
        return {()}
    if not items:
        return _walk(then[0], then[1:], room) if then else {()}
    (op, av), rest = items[0], items[1:]
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _walk(rest, then, room)  # zero-width: the head goes on after it
    one = _class(op, av)
    if one is not None:
        return {(one,) + h for h in _walk(rest, then, room - 1)}
    if op == _c.SUBPATTERN:
        return _walk(list(av[3]), (rest,) + then, room)
    if op == _c.BRANCH:
        return set().union(*(_walk(list(b), (rest,) + then, room) for b in av[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        once = _walk(list(av[2]), (), room)  # the first repetition; what comes after it is not followed
        return once | _walk(rest, then, room) if av[0] == 0 else once
    return {()}  # anything else (a dot, a negated class, a back-reference): the head ends here


_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


def _class(op, av) -> str | None:
    """One character's class for a literal or a set of literals, ranges and categories, else None."""
    if op == _c.LITERAL:
        return re.escape(chr(av))
    if op != _c.IN:
        return None
    parts = []
    for o, a in av:
        if o == _c.LITERAL:
            parts.append(re.escape(chr(a)))
        elif o == _c.RANGE:
            parts.append(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
        elif o == _c.CATEGORY and a in _CATEGORIES:
            parts.append(_CATEGORIES[a])
        else:
            return None  # a negation
    return "[" + "".join(parts) + "]"


def _alternation(heads: set[Head]) -> str:
    """One regular expression of the (non-empty) heads, branching where they part, so that the engine
    reads each shared beginning once ("spotka|spotyk" as "spot(?:ka|yk)")."""
    by_first: dict[str, set[Head]] = {}
    for h in heads:
        by_first.setdefault(h[0], set()).add(h[1:])
    branches = []
    for first, tails in sorted(by_first.items()):
        longer = {t for t in tails if t}
        if len(longer) < len(tails):  # this class alone is a whole head: nothing after it is asked
            branches.append(first)
        elif len(longer) == 1:
            branches.append(first + _alternation(longer))
        else:
            branches.append(first + "(?:" + _alternation(longer) + ")")
    return "|".join(branches)


class CueScan:
    """`find(text)[k]` lists (start, end) of the matches of `patterns[k]` (each matched at a word start,
    case-insensitively, as `re.compile(r"(?<!\\w)(?:" + p + ")", re.I).finditer` gives them)."""

    def __init__(self, patterns: list[str]) -> None:
        self.patterns = patterns
        heads = [_heads(p) for p in patterns]
        # a cue's heads as a pattern (None: the cue may begin anywhere); the same engine's case folding
        self.heads = [None if () in hs else re.compile(_alternation(hs), re.I) for hs in heads]
        anywhere = any(h is None for h in self.heads)
        fits = "" if anywhere else "(?=" + _alternation(set().union(*heads)) + ")"
        self.starts = re.compile(r"(?<!\w)" + fits, re.I)
        self._compiled: list[re.Pattern | None] = [None] * len(patterns)
        self._tried: dict[str, list[int]] = {}

    def _cue(self, k: int) -> re.Pattern:
        """The k-th cue alone (compiled when first needed: most cues never match a given page)."""
        if self._compiled[k] is None:
            self._compiled[k] = re.compile(self.patterns[k], re.I)
        return self._compiled[k]

    def _tried_at(self, key: str) -> list[int]:
        """The cues whose head fits the text's next HEAD characters `key`."""
        if key not in self._tried:
            self._tried[key] = [k for k, h in enumerate(self.heads) if h is None or h.match(key)]
        return self._tried[key]

    def find(self, text: str) -> list[list[tuple[int, int]]]:
        found: list[list[tuple[int, int]]] = [[] for _ in self.patterns]
        free_from = [0] * len(self.patterns)  # a cue's next match starts after its last one, as finditer's do
        for s in self.starts.finditer(text):
            pos = s.start()
            for k in self._tried_at(text[pos : pos + HEAD]):
                m = self._cue(k).match(text, pos)
                if m is not None and pos >= free_from[k]:
                    found[k].append((pos, m.end()))
                    free_from[k] = m.end()
        return found
