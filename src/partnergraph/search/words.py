"""Words of a Polish text and their base forms (morfeusz2), folded for diacritic-free matching."""

from __future__ import annotations

import functools
import re
import unicodedata

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for every word of `text`."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def fold(word: str) -> str:
    """Lower case without diacritics: 'Wiedeń' -> 'wieden', 'Łódź' -> 'lodz'."""
    word = word.lower().replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def _analyser():
    import morfeusz2

    return morfeusz2.Morfeusz(generate=False, expand_tags=False)


@functools.lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """The base forms morfeusz2 gives `word`, as written ('Wiedniu' -> {'Wiedeń'}); none for a word it
    does not know."""
    if word.isdigit():
        return frozenset()
    return frozenset(
        lemma.split(":", 1)[0]
        for _s, _e, (_form, lemma, tag, *_rest) in _analyser().analyse(word)
        if tag != "ign"
    )


@functools.lru_cache(maxsize=200_000)  # the same words recur in every document
def base_forms(word: str) -> frozenset[str]:
    """The folded base forms of `word` ('Berlinie' -> {'berlin', 'berlina'}), and the word itself folded
    (names morfeusz2 does not know, English words, words typed without diacritics)."""
    return frozenset(f for f in {fold(word), *map(fold, lemmas(word))} if f)


@functools.lru_cache(maxsize=20_000)
def query_forms(word: str) -> frozenset[str]:
    """What a query word looks for: its base forms, and for an adjective also its stem, so that
    "bezdomnych" (base form "bezdomny") finds "bezdomność" as well."""
    forms = set(base_forms(word))
    if not word.isdigit():
        for _start, _end, (_form, lemma, tag, *_rest) in _analyser().analyse(word):
            base = fold(lemma.split(":", 1)[0])
            if tag.startswith("adj") and len(base) >= 6 and base[-1] in "yi":
                forms.add(base[:-1])
    return frozenset(forms)
