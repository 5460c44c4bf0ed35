"""The slug of a name, for IRI keys and name lookups; kept free of rdflib so that extraction starts fast."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str, max_words: int | None = None) -> str:
    """Lower case ASCII words joined by '-': 'Dział Pomocy Bezdomnym' -> 'dzial-pomocy-bezdomnym'."""
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", text)
    if max_words:
        words = words[:max_words]
    return "-".join(words) or "x"
