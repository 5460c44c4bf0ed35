"""Alphabetical order as a reader expects it: in Polish ą, ć, ę, ł, ń, ó, ś, ź, ż are letters of their own
after a, c, e, l, n, o, s, z (Łotwa after Luksemburg, not after Włochy as code points put it); other
accented letters, and all of them on an English page, sort with their base letter (Zürich with Zurich)."""

from __future__ import annotations

import functools
import unicodedata

# after its base letter and everything that follows it ('az' < 'ąa'); ź before ż
POLISH_LETTERS = {
    "ą": "a\uffff",
    "ć": "c\uffff",
    "ę": "e\uffff",
    "ł": "l\uffff",
    "ń": "n\uffff",
    "ó": "o\uffff",
    "ś": "s\uffff",
    "ź": "z\ufffe",
    "ż": "z\uffff",
}


@functools.lru_cache(maxsize=65536)
def text_key(text: str, lang: str = "en") -> str:
    """A key that sorts `text` alphabetically for a reader of `lang`, case and most accents aside."""
    out = []
    for char in text.casefold():
        if lang == "pl" and char in POLISH_LETTERS:
            out.append(POLISH_LETTERS[char])
        elif char == "ł":  # no decomposition gives it its l
            out.append("l")
        else:
            out.append(
                "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            )
    return "".join(out)
