"""The message catalogs (src/partnergraph/web/locale): what Babel extracts from the code, every Polish string
translated, and used by the pages as the .po says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from partnergraph.web import templating

ROOT = Path(__file__).resolve().parents[1]
POLISH = templating.LOCALE / "pl" / "LC_MESSAGES" / "messages.po"


def read_polish():
    with POLISH.open("rb") as f:
        return read_po(f, locale="pl")


def test_the_catalogs_are_what_babel_extracts_from_the_code():
    """scripts/update-catalogs.sh --check extracts the strings of every module and template into a copy and
    compares: a string added by hand to a catalog, or one in the code missing from it, fails."""
    pybabel = str(Path(sys.executable).with_name("pybabel"))
    done = subprocess.run(
        [str(ROOT / "scripts" / "update-catalogs.sh"), "--check"],
        env={**os.environ, "PYBABEL": pybabel},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]


def test_every_polish_message_is_translated_and_none_is_fuzzy():
    catalog = read_polish()
    left = [
        m.id
        for m in catalog
        if m.id and (m.fuzzy or not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert len(catalog) > 300 and left == []
    with (templating.LOCALE / "en" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        assert [m.id for m in read_po(f, locale="en") if m.fuzzy and m.id] == []  # a fuzzy one is not used
    # Babel's own checks: the same %(name)s / {name} placeholders in the Polish as in the English
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()]
    assert problems == []


def test_the_pages_use_the_polish_catalog_as_the_po_file_says():
    """The server compiles the .po in memory (templating.translations): no compiled file can be stale; every
    msgid, plurals in their three Polish forms, comes out as the .po gives it."""
    templating.translations.cache_clear()
    compiled = templating.translations("pl")
    for m in read_polish():
        if not m.id:
            continue
        if isinstance(m.id, tuple):  # "1 wydarzenie", "3 wydarzenia", "5 wydarzeń"
            for n, form in ((1, 0), (3, 1), (5, 2)):
                given = (
                    compiled.npgettext(m.context, m.id[0], m.id[1], n)
                    if m.context
                    else compiled.ngettext(m.id[0], m.id[1], n)
                )
                assert given == m.string[form], m.id
        else:
            given = compiled.pgettext(m.context, m.id) if m.context else compiled.gettext(m.id)
            assert given == m.string, m.id


def test_every_message_the_published_pages_look_up_is_in_the_polish_catalog(
    seed_store, tmp_path, monkeypatch
):
    """Messages passed as variables (page titles, column names, kinds) are found by no extraction: `publish`
    renders every kind of page with a catalog that notes each msgid it does not have."""
    from partnergraph.publish.site import publish_site

    compile_catalog = templating.translations.__wrapped__
    missing: set[str] = set()

    def noting(lang: str):
        catalog = compile_catalog(lang)
        if lang == "pl":
            known, gettext, ngettext = catalog._catalog, catalog.gettext, catalog.ngettext

            def noted_gettext(message):
                if message not in known:
                    missing.add(message)
                return gettext(message)

            def noted_ngettext(singular, plural, n):
                if (singular, 0) not in known:
                    missing.add(singular)
                return ngettext(singular, plural, n)

            catalog.gettext, catalog.ngettext = noted_gettext, noted_ngettext
        return catalog

    monkeypatch.setattr(templating, "translations", noting)
    templating.environment.cache_clear()
    try:
        settings, store = seed_store
        publish_site(tmp_path / "site", settings, store=store)
    finally:
        templating.environment.cache_clear()
    assert (tmp_path / "site" / "index.pl.html").is_file()
    assert missing == set()
