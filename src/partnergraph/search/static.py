"""The search index of a static site (`publish`): one JSON file that the search page reads in the browser
(web/frontend/src/search.js), as no server answers there.

    {"docs": [[href, kind, title, date], ...],        # one list per language: docs_en, docs_pl
     "postings": {base form: [doc number, ...]},       # the folded base forms of each document's words
     "forms": {inflected form: [base form, ...]}}      # every form morfeusz2 generates for those base forms

The browser folds what was typed, looks each word up in `forms` (else takes it as it is), and keeps the
documents that have, for every word, a base form starting with one of its base forms: the same rule as
the server's SQLite index."""

from __future__ import annotations

import functools

from .documents import Document
from .words import base_forms, fold, lemmas, words


@functools.lru_cache(maxsize=1)
def _generator():
    import morfeusz2

    return morfeusz2.Morfeusz(generate=True, analyse=False, expand_tags=False)


def _inflections(base: str) -> set[str]:
    """Every form morfeusz2 generates for a base form (folded)."""
    try:
        return {fold(form) for form, *_rest in _generator().generate(base)}
    except RuntimeError:  # not a lemma morfeusz2 knows
        return set()


def static_index(documents: list[Document], href) -> dict:
    """The JSON-ready index; `href(iri, lang)` gives a document's link in the site."""
    postings: dict[str, set[int]] = {}
    seen: set[str] = set()  # the base forms as written, to generate their inflections from
    for n, doc in enumerate(documents):
        text = " ".join(doc.titles.values()) + "\n" + doc.text + "\n" + doc.keywords
        for _s, _e, word in words(text):
            seen |= lemmas(word)
            for form in base_forms(word):
                postings.setdefault(form, set()).add(n)
    forms: dict[str, set[str]] = {}
    for lemma in seen:
        base = fold(lemma)
        for form in _inflections(lemma):
            if form != base:
                forms.setdefault(form, set()).add(base)
    out = {
        "postings": {k: sorted(v) for k, v in sorted(postings.items())},
        "forms": {k: sorted(v) for k, v in sorted(forms.items())},
    }
    for lang in ("en", "pl"):
        out[f"docs_{lang}"] = [[href(d.iri, lang), d.kind, d.title(lang), d.date] for d in documents]
    return out
