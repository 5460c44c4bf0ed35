"""Pages written in the bulletin's style for years and events the seed pages do not show, each with gold
hand-annotated by ../shared/eval/GOLD-CONVENTIONS.md, scored like the seeds; and the rules they drove."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import score_documents

from partnergraph.extract import extract_document, extract_events
from partnergraph.sources import read_page

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
HELDOUT = Path(__file__).parent / "data" / "heldout"
NAMES = sorted(p.stem for p in HELDOUT.glob("*.txt"))
# pages written to probe generalisation: city adjectives, rarer exonym cases, bystander organisations; and
# layouts (layout-*): numbered and bulleted lists, month and quarter headings, tables, several events in
# one paragraph, an HTML page
PROBES = Path(__file__).parent / "data" / "extract-probe"
SCORED = sorted([*HELDOUT.glob("*.txt"), *PROBES.glob("*.txt"), *PROBES.glob("*.html")])


def events_of(name: str, registries) -> dict[str, dict]:
    doc = extract_document(read_page(HELDOUT / f"{name}.txt"), registries)
    return {e["title"]: e for e in doc["events"]}


@pytest.mark.parametrize("page", SCORED, ids=lambda p: p.stem)
def test_heldout_page_scores_against_its_gold(page, registries, score):
    name = page.stem
    doc = extract_document(read_page(page), registries)
    gold = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert doc["document"]["year"] == gold["document"]["year"]
    events_f1, macro, table = score_documents(score, {name: gold}, {name: doc})
    assert events_f1 == 1.0
    assert macro >= 0.95, {f: round(v[2], 3) for f, v in table.items() if v[2] < 1}


def test_an_unknown_town_is_reported_as_unlinked_and_its_country_kept(registries):
    page = read_page(HELDOUT / "findings-2013.txt")
    ev = next(e for e in extract_events(page, registries) if e.title == "Wizyta gości z Norwegii")
    assert ev.countries == ["NO"] and ev.cities == []
    (unlinked,) = ev.unlinked["cities"]
    assert unlinked.quote == "Kwiatkowo"
    assert page.text[unlinked.start : unlinked.end] == "Kwiatkowo"


def test_known_places_and_regions_are_not_reported_as_unlinked(registries):
    for name in NAMES:
        for ev in extract_events(read_page(HELDOUT / f"{name}.txt"), registries):
            quotes = [e.quote for e in ev.unlinked.get("cities", [])]
            assert quotes in ([], ["Kwiatkowo"]), (ev.title, quotes)


def test_a_department_is_folded_into_the_council_named_in_its_complements(registries):
    ev = events_of("findings-2013", registries)["Wizyta delegacji ze Lwowa"]
    assert ev["organisations"] == ["Lwowska Rada Miejska"]


def test_a_facility_shown_or_toured_is_not_a_participating_organisation(registries):
    assert (
        "Ośrodek Interwencji Kryzysowej"
        not in events_of("findings-2013", registries)["Wizyta delegacji ze Lwowa"]["organisations"]
    )
    bratislava = events_of("erasmus-2019", registries)["Wizyta studyjna pracowników socjalnych z Bratysławy"]
    assert bratislava["organisations"] == []
    assert bratislava["units"] == ["Specjalistyczny Ośrodek Wsparcia dla Ofiar Przemocy w Rodzinie"]


def test_a_foreign_school_name_with_a_lower_case_connector(registries):
    ev = events_of("findings-2013", registries)["Wizyta studentów z Norwegii"]
    assert ev["organisations"] == ["Høgskolen i Oslo"]
    assert ev["cities"] == [{"name": "Oslo", "country": "NO"}]


def test_an_organisers_registered_seat_is_no_country_of_its_seminar_elsewhere(registries):
    ev = events_of("findings-2013", registries)["Udział w seminarium FEANTSA"]
    assert ev["countries"] == ["GB"]
    ev = events_of("twins-2011", registries)["Udział przedstawiciela MOPS w konferencji w Brukseli"]
    assert ev["countries"] == ["BE"] and ev["organisations"] == ["Eurocities"]


def test_representatives_of_organisations_are_not_characterised_but_of_cities_are_officials(registries):
    page = events_of("findings-2013", registries)
    assert page["Spotkania partnerów projektu „Wolontariat seniorów w Europie”"]["participants"] is None
    ev = events_of("erasmus-2019", registries)["Spotkanie partnerów projektu „Housing Together”"]
    assert ev["participants"] == "officials"


def test_volunteers_as_visitors_do_not_make_the_topic_volunteering(registries):
    page = events_of("findings-2013", registries)
    assert page["Wizyta wolontariuszy z Francji"]["topics"] == ["children_and_families"]
    assert page["Konferencja „Children in care” w Wiedniu"]["topics"] == [
        "foster_care",
        "children_and_families",
    ]


def test_a_registered_city_whose_polish_name_is_also_a_common_word(registries):
    ev = events_of("erasmus-2019", registries)["Wizyta młodzieży z Orleanu"]
    assert ev["cities"] == [{"name": "Orléans", "country": "FR"}]


def test_a_department_named_alone_stands_back_for_the_organisation_named(registries):
    ev = events_of("mixed-2017", registries)["Wizyta delegacji z Kijowa – 15.03.2017"]
    assert ev["organisations"] == ["Kijowska Miejska Administracja Państwowa"]
    assert "welfare_system" not in ev["topics"]  # a system of family support is not the welfare system


def test_a_polish_name_with_a_registered_acronym_in_brackets_is_that_organisation(registries):
    ev = events_of("prose-2014", registries)["Konferencja EAPN w Brukseli"]
    assert ev["organisations"] == ["European Anti-Poverty Network"]


def test_a_university_named_by_its_seat_and_a_seat_in_a_foreign_name(registries):
    page = events_of("prose-2014", registries)
    ev = page["Wizyta studentów z Uniwersytetu w Getyndze"]
    assert ev["organisations"] == ["Uniwersytet w Getyndze"]
    assert ev["cities"] == [{"name": "Göttingen", "country": "DE"}]
    ev = page["Przekazanie darów od Caritas Wien"]
    assert (ev["organisations"], ev["cities"]) == (["Caritas Wien"], [{"name": "Vienna", "country": "AT"}])


def test_a_foreign_name_with_a_scandinavian_joining_word(registries):
    ev = events_of("mixed-2017", registries)["Konferencja podsumowująca projekt „Razem przeciw przemocy”"]
    assert ev["organisations"] == ["Alternativ til Vold"]


def one_event(registries, title: str, body: str) -> dict:
    from partnergraph.model import Page

    doc = extract_document(Page("x", "x.txt", f"{title}\n\n{body}\n"), registries)
    (event,) = doc["events"]
    return event


def test_names_with_particles_are_persons_not_places(registries):
    ev = one_event(
        registries,
        "Spotkanie z gośćmi z Niderlandów",
        "W dniu 3 marca 2015 r. w MOPS odbyło się spotkanie z Panią Ursulą von Holt z Hamburga "
        "oraz Panem Jan de Vries.",
    )
    assert ev["persons"] == ["Ursula von Holt", "Jan de Vries"]
    assert ev["cities"] == [{"name": "Hamburg", "country": "DE"}]


def test_a_foundation_named_after_its_founder(registries):
    ev = one_event(
        registries,
        "Darowizna z Niemiec",
        "W grudniu 2016 r. Robert Bosch Stiftung ze Stuttgartu przekazała na rzecz podopiecznych MOPS "
        "sprzęt komputerowy.",
    )
    assert ev["organisations"] == ["Robert Bosch Stiftung"]
    assert (ev["type"], ev["direction"]) == ("Donation", "incoming")


def test_headings_closed_by_a_date_and_a_return_visit(registries):
    from partnergraph.model import Page

    text = (
        "Współpraca międzynarodowa MOPS w 2015 roku\n\n"
        "I. Wizyta gości z Litwy – 12 marca 2015 r.\n"
        "W MOPS gościli pracownicy socjalni z Kowna, którzy zapoznali się z pracą Działu Pomocy Bezdomnym.\n\n"
        "II. Rewizyta w Kownie\n"
        "W dniach 20-22 maja 2015 r. dwóch pracowników MOPS przebywało w Kownie na Litwie, gdzie poznało "
        "litewski system pomocy osobom bezdomnym.\n"
    )
    events = extract_document(Page("x", "x.txt", text), registries)["events"]
    assert [(e["title"], e["start"], e["direction"]) for e in events] == [
        ("Wizyta gości z Litwy – 12 marca 2015 r.", "2015-03-12", "incoming"),
        ("Rewizyta w Kownie", "2015-05-20", "outgoing"),
    ]


def test_two_kinds_of_visitors_in_one_phrase_are_mixed(registries):
    ev = one_event(
        registries,
        "Wizyta studentów i wykładowców z Czech",
        "W dniu 4 kwietnia 2017 r. MOPS gościł grupę studentów i wykładowców Uniwersytetu Karola w Pradze, "
        "którzy poznali pracę Klubu Integracji Społecznej.",
    )
    assert ev["participants"] == "mixed"


def test_an_earlier_programme_generation_is_not_the_later_one(registries):
    ev = one_event(
        registries,
        "Udział MOPS w projekcie URBACT „Active Inclusion”",
        "W dniach 11-12 lutego 2014 r. w Lille we Francji odbyło się spotkanie partnerów projektu "
        "„Active Inclusion” w ramach programu URBACT II.",
    )
    assert ev["programmes"] == ["URBACT II"]


def test_a_centre_named_as_mopss_is_a_unit_and_meeting_someone_is_a_meeting(registries):
    ev = one_event(
        registries,
        "Goście z Izraela",
        "Dnia 3 lutego 2016 r. w Centrum Interwencji Kryzysowej MOPS gościli przedstawiciele Ministerstwa "
        "Spraw Społecznych Izraela. Rozmawiano o przeciwdziałaniu przemocy domowej.",
    )
    assert ev["units"] == ["Centrum Interwencji Kryzysowej"]
    assert ev["organisations"] == ["Ministerstwo Spraw Społecznych Izraela"]
    ev = one_event(
        registries,
        "Współpraca z Lipskiem",
        "W dniu 9 października 2014 r. Zastępca Dyrektora MOPS spotkała się w Lipsku z przedstawicielami "
        "Urzędu Miasta Lipska w sprawie mieszkań chronionych dla osób z zaburzeniami psychicznymi.",
    )
    assert (ev["type"], ev["direction"], ev["topics"]) == (
        "Meeting",
        "outgoing",
        ["housing", "mental_health"],
    )


def test_the_build_report_lists_an_unknown_town(project):
    from partnergraph.build import build
    from partnergraph.settings import Settings

    settings = Settings(project)
    (settings.sources_dir / "findings-2013.txt").write_bytes((HELDOUT / "findings-2013.txt").read_bytes())
    manifest = settings.sources_dir / "manifest.json"
    entries = json.loads(manifest.read_text(encoding="utf-8"))
    entries.append({"file": "findings-2013.txt", "url": "https://example.org/findings-2013", "year": 2013})
    manifest.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    build(settings)
    report = json.loads((settings.build_dir / "report.json").read_text(encoding="utf-8"))
    (entry,) = [x for x in report["unlinked"] if "Kwiatkowo" in x]
    assert entry.startswith("cities: 'Kwiatkowo' (findings-2013/wizyta-gosci-z-norwegii, chars ")


@pytest.mark.parametrize(
    ("title", "body", "cities", "countries"),
    [
        (  # a city named only by its adjective in an organisation's name: the seat
            "Wizyta studentów Uniwersytetu Wiedeńskiego",
            "W dniu 12 marca 2015 r. MOPS gościł grupę studentów pracy socjalnej Uniwersytetu Wiedeńskiego.",
            [("Vienna", "AT")],
            ["AT"],
        ),
        (  # a city named outright outranks the adjective in a name
            "Studenci z Getyngi",
            "W dniu 2 maja 2016 r. MOPS odwiedzili studenci z Getyngi, stypendyści Uniwersytetu Hamburskiego.",
            [("Göttingen", "DE")],
            ["DE"],
        ),
        (  # a lower-case city adjective beside an institution
            "Wizyta przedstawicieli magistratu",
            "W dniu 3 kwietnia 2014 r. w MOPS gościli urzędnicy wiedeńskiego magistratu, zainteresowani "
            "krakowskim modelem wsparcia osób starszych.",
            [("Vienna", "AT")],
            ["AT"],
        ),
        (  # ... but not beside a model
            "Seminarium o mieszkalnictwie",
            "W dniu 5 maja 2014 r. w MOPS odbyło się seminarium z udziałem gości z Austrii, poświęcone "
            "wiedeńskiemu modelowi mieszkalnictwa socjalnego.",
            [],
            ["AT"],
        ),
    ],
)
def test_cities_given_by_adjectives(registries, title, body, cities, countries):
    ev = one_event(registries, title, body)
    assert [(c["name"], c["country"]) for c in ev["cities"]] == cities
    assert ev["countries"] == countries


@pytest.mark.parametrize(
    ("title", "body", "organisations"),
    [
        (  # the city's side of a background cooperation
            "Przekazanie darowizny z Monachium",
            "W dniu 14 października 2015 r. stowarzyszenie Münchner Hilfe e.V. z Monachium przekazało dla "
            "osób bezdomnych dary rzeczowe. Przekazanie odbyło się w ramach wieloletniej współpracy Gminy "
            "Miejskiej Kraków z miastem Monachium.",
            ["Münchner Hilfe e.V."],
        ),
        (  # a commissioning party
            "Studenci z Hamburga",
            "W dniu 27 maja 2019 r. studenci z Hamburga poznali zasady działania noclegowni prowadzonych "
            "przez organizacje pozarządowe na zlecenie Gminy Miejskiej Kraków.",
            [],
        ),
        (  # a funder and the operator of a facility shown
            "Wizyta gości z Grazu",
            "W dniu 4 maja 2016 r. MOPS odwiedzili pracownicy socjalni z Grazu. Goście zapoznali się z "
            "działalnością Schroniska dla Bezdomnych Mężczyzn prowadzonego przez Towarzystwo Pomocy im. św. "
            "Brata Alberta. Wizyta została dofinansowana ze środków Gminy Miejskiej Kraków.",
            [],
        ),
        (  # a foreign partner of the cooperation is the visitors' body: kept
            "Studenci z Getyngi",
            "W dniu 6 maja 2016 r. w ramach współpracy z Uniwersytetem w Getyndze MOPS gościł grupę studentów.",
            ["Uniwersytet w Getyndze"],
        ),
        (  # the owner of a venue
            "Konferencja z udziałem gości z Bremy",
            "W dniu 24 listopada 2016 r. w Auditorium Maximum Uniwersytetu Jagiellońskiego odbyła się "
            "konferencja zorganizowana przez MOPS z udziałem pracowników socjalnych z Bremy.",
            [],
        ),
        (  # a facility presented after a long list is still only shown
            "Wizyta delegacji z Lwowa",
            "W dniu 14 marca 2013 r. MOPS gościł delegację Lwowskiej Rady Miejskiej. Goście zostali "
            "zapoznani z zasadami funkcjonowania systemu pomocy społecznej w Krakowie oraz z działalnością "
            "Ośrodka Interwencji Kryzysowej.",
            ["Lwowska Rada Miejska"],
        ),
        (
            "Wizyta studyjna w Wiedniu",
            "W dniach 6-8 czerwca 2016 r. pracownicy MOPS przebywali w Wiedniu na zaproszenie Fonds "
            "Soziales Wien.",
            ["Fonds Soziales Wien"],
        ),
        (
            "Wizyta pracowników socjalnych z Ostrawy",
            "W dniu 22 marca 2012 r. MOPS odwiedzili pracownicy socjalni Magistratu Miasta Ostrawy.",
            ["Magistrat Miasta Ostrawy"],
        ),
        (  # one foreign word after a kind of organisation is its name
            "Wyjazd do Pragi",
            "W dniach 1-3 grudnia 2014 r. pracownicy MOPS przebywali w Pradze na zaproszenie organizacji "
            "Naděje.",
            ["Naděje"],
        ),
        (  # an English word morfeusz2 reads as Polish and a city opening a foreign name
            "Wizyta studyjna w Glasgow",
            "W dniach 21-23 września 2020 r. kierownik Działu Pomocy Bezdomnym wziął udział w wizycie "
            "studyjnej w Glasgow, zorganizowanej przez Glasgow City Council.",
            ["Glasgow City Council"],
        ),
    ],
)
def test_who_takes_part_and_who_is_only_named(registries, title, body, organisations):
    assert one_event(registries, title, body)["organisations"] == organisations


def test_volunteers_exchanged_or_recruited_are_a_theme_not_the_visitors(registries):
    ev = one_event(
        registries,
        "Spotkanie partnerów projektu",
        "W dniu 2 grudnia 2013 r. w siedzibie MOPS odbyło się spotkanie partnerów projektu z Włoch. "
        "Omówiono harmonogram wymiany wolontariuszy.",
    )
    assert ev["participants"] is None
    assert ev["topics"] == ["volunteering"]


def test_days_in_the_heading_sharpen_a_month_in_the_body(registries):
    ev = one_event(
        registries,
        "Konferencja w Tbilisi (30.03-2.04)",
        "Pracownicy MOPS wzięli udział w konferencji w Tbilisi na przełomie marca i kwietnia 2016 r. "
        "Rozmawiano o pomocy osobom starszym.",
    )
    assert (ev["start"], ev["end"]) == ("2016-03-30", "2016-04-02")
    ev = one_event(
        registries,
        "Wizyta w Wiedniu (12.05.2016)",
        "W czerwcu 2016 r. pracownicy MOPS przebywali w Wiedniu. Poznali pracę Fonds Soziales Wien.",
    )
    assert (ev["start"], ev["end"]) == ("2016-06", "2016-06")  # days of another month do not count


def test_a_list_inside_an_organisations_name_is_not_cut_at_its_comma(registries):
    ev = one_event(
        registries,
        "Wizyta delegacji z Gruzji",
        "W dniu 12 maja 2016 r. MOPS gościł przedstawicieli Ministerstwa Pracy, Zdrowia i Spraw Socjalnych "
        "Gruzji, którzy poznali pracę Działu Pomocy Bezdomnym.",
    )
    assert ev["organisations"] == ["Ministerstwo Pracy, Zdrowia i Spraw Socjalnych Gruzji"]
    ev = one_event(  # a list of organisations is not one name
        registries,
        "Wizyta gości z Niemiec",
        "W dniu 12 maja 2016 r. MOPS gościł przedstawicieli Fundacji Pomocy Dzieciom, Stowarzyszenia "
        "Pomocy Bliźniemu i Caritas Wien.",
    )
    assert ev["organisations"] == [
        "Fundacja Pomocy Dzieciom",
        "Stowarzyszenie Pomocy Bliźniemu",
        "Caritas Wien",
    ]


@pytest.mark.parametrize(
    ("title", "body", "city"),
    [
        (
            "Wizyta delegacji z Mołdawii",
            "W dniu 12 maja 2016 r. MOPS gościł delegację z Bielc.",
            ("Bălţi", "MD"),
        ),
        (
            "Wyjazd do Mołdawii",
            "W dniach 3-5 czerwca 2016 r. pracownicy MOPS przebywali w Bielcach.",
            ("Bălţi", "MD"),
        ),
        (
            "Konferencja w Rumunii",
            "W dniach 3-5 czerwca 2016 r. pracownicy MOPS wzięli udział w konferencji w Kluż-Napoce.",
            ("Cluj-Napoca", "RO"),
        ),
        (  # a town under 50,000 people named with its country
            "Wizyta gości ze Słowacji",
            "W dniu 12 maja 2016 r. MOPS gościł pracowników socjalnych ze Spiskiej Nowej Wsi na Słowacji.",
            ("Spišská Nová Ves", "SK"),
        ),
        (  # ... or after "w mieście"
            "Wizyta na Spiszu",
            "W dniach 3-5 czerwca 2016 r. pracownicy MOPS przebywali w mieście Spiska Nowa Wieś.",
            ("Spišská Nová Ves", "SK"),
        ),
        (  # an adjective after its noun
            "Spotkanie w Cieszynie Czeskim",
            "W dniu 3 czerwca 2016 r. pracownicy MOPS spotkali się w Cieszynie Czeskim z pracownikami socjalnymi.",
            ("Český Těšín", "CZ"),
        ),
        (  # adjectives morfeusz2 does not know
            "Wizyta studentów",
            "W dniu 12 maja 2016 r. MOPS gościł studentów grazkiego uniwersytetu.",
            ("Graz", "AT"),
        ),
        (
            "Wizyta studentów",
            "W dniu 12 maja 2016 r. MOPS gościł studentów Uniwersytetu Leuveńskiego.",
            ("Leuven", "BE"),
        ),
    ],
)
def test_plural_towns_softened_endings_small_towns_in_context_and_unknown_adjectives(
    registries, title, body, city
):
    ev = one_event(registries, title, body)
    assert [(c["name"], c["country"]) for c in ev["cities"]] == [city]


def test_unknown_city_adjective_in_a_name_is_put_in_the_nominative(registries):
    ev = one_event(
        registries,
        "Wizyta studentów",
        "W dniu 12 maja 2016 r. MOPS gościł studentów Uniwersytetu Leuveńskiego.",
    )
    assert ev["organisations"] == ["Uniwersytet Leuveński"]


def test_small_namesakes_of_krakow_places_are_still_not_towns(registries):
    ev = one_event(
        registries,
        "Wizyta gości z Czech",
        "W dniu 12 maja 2016 r. goście z Czech zwiedzili Dom Pomocy Społecznej w Starym Mieście i Filii nr 3.",
    )
    assert ev["cities"] == [] and ev["countries"] == ["CZ"]


def test_a_university_delegation_is_academics(registries):
    ev = one_event(
        registries,
        "Wizyta delegacji z Getyngi",
        "W dniu 12 maja 2016 r. MOPS gościł delegację Uniwersytetu w Getyndze.",
    )
    assert ev["participants"] == "academics"
    ev = one_event(
        registries,
        "Wizyta delegacji z Ostrawy",
        "W dniu 12 maja 2016 r. MOPS gościł delegację urzędników miasta Ostrawy.",
    )
    assert ev["participants"] == "officials"


def test_a_city_self_government_a_foreign_given_name_read_as_a_common_word_and_an_acronym_with_its_city(
    registries,
):
    ev = one_event(
        registries,
        "Goście z Wilna",
        "W dniach 21–22 maja 2018 r. MOPS gościł delegację Samorządu Miasta Wilna z zastępcą dyrektora "
        "Departamentu Opieki Społecznej, Panią Rasą Petrauskaitė.",
    )
    assert (ev["organisations"], ev["persons"]) == (["Samorząd Miasta Wilna"], ["Rasa Petrauskaitė"])
    ev = one_event(
        registries,
        "Staż w Gandawie",
        "W dniach 23–27 września 2019 r. pracownicy MOPS odbyli staż w OCMW Gent.",
    )
    assert ev["organisations"] == ["OCMW Gent"]


def test_representatives_of_a_municipality_named_in_its_language_are_officials(registries):
    ev = one_event(
        registries,
        "Wizyta partnerów z Florencji",
        "W dniu 4 marca 2019 r. w MOPS gościli przedstawiciele Comune di Firenze, partnera projektu "
        "„Social Gardens”. Omówiono działania na rzecz aktywizacji lokalnej mieszkańców.",
    )
    assert ev["participants"] == "officials"


def test_a_childrens_home_receiving_gifts_is_an_organisation_and_one_toured_is_not(registries):
    ev = one_event(
        registries,
        "Przekazanie darów do Tarnopola",
        "W dniu 5 grudnia 2014 r. pracownicy MOPS przekazali w Tarnopolu dary na rzecz wychowanków Domu Dziecka nr 2.",
    )
    assert (ev["type"], ev["direction"], ev["organisations"]) == (
        "Donation",
        "outgoing",
        ["Dom Dziecka nr 2"],
    )
    ev = one_event(
        registries,
        "Goście z Wilna",
        "W dniu 21 maja 2018 r. MOPS gościł urzędników z Wilna, którzy zwiedzili Dom Pomocy Społecznej przy ul. Łanowej.",
    )
    assert ev["organisations"] == []


def test_a_city_adjective_in_another_country_than_the_text_names(registries):
    # in an organiser's name: its seat, not a place of the seminar held elsewhere
    ev = one_event(
        registries,
        "Seminarium w Belgii",
        "W dniach 3-4 czerwca 2016 r. przedstawiciel MOPS uczestniczył w seminarium w Belgii zorganizowanym "
        "przez Uniwersytet Wiedeński.",
    )
    assert (ev["cities"], ev["countries"]) == ([], ["BE"])
    # in the running text beside the visitors' institution: whence they come, as "z Wiednia" would say
    ev = one_event(
        registries,
        "Wizyta urzędników z Niemiec",
        "W dniu 12 maja 2016 r. MOPS gościł urzędników wiedeńskiego magistratu oraz gości z Niemiec.",
    )
    assert ev["cities"] == [{"name": "Vienna", "country": "AT"}]
    assert ev["countries"] == ["DE", "AT"]


@pytest.mark.parametrize(
    ("row", "direction", "location"),
    [
        (
            "3-4.04.2019 | Mediolan | Udział przedstawicielki MOPS w seminarium Eurocities",
            "outgoing",
            "Milan",
        ),
        (
            "3 kwietnia 2019 r. | Mediolan | Udział przedstawicielki MOPS w seminarium Eurocities",
            "outgoing",
            "Milan",
        ),
        ("18.02.2019 | Kraków | Wizyta delegacji urzędników z Hagi", "incoming", "Kraków"),
    ],
)
def test_a_city_in_the_cell_after_a_table_rows_date_is_the_venue(registries, row, direction, location):
    from partnergraph.model import Page

    text = f"Współpraca zagraniczna MOPS w 2019 roku\n\nData | Miejsce | Wydarzenie\n{row}\n"
    (ev,) = extract_document(Page("x", "x.txt", text), registries)["events"]
    assert (ev["direction"], ev["location"]["city"]) == (direction, location)


def test_the_label_over_an_event_gives_its_direction_when_the_event_does_not(registries):
    from partnergraph.model import Page

    text = (
        "Współpraca zagraniczna MOPS w 2015 roku\n\nWizyty gości zagranicznych\n\nSpotkanie partnerów projektu\n\n"
        "W dniu 12 maja 2015 r. odbyło się spotkanie partnerów projektu z Włoch.\n\nWyjazdy pracowników MOPS\n\n"
        "Konferencja Eurocities\n\nW dniach 3-4 czerwca 2015 r. przedstawiciel MOPS był na konferencji Eurocities.\n"
    )
    events = extract_document(Page("x", "x.txt", text), registries)["events"]
    assert [e["direction"] for e in events] == ["incoming", "outgoing"]


def test_the_place_field_of_an_event_written_as_a_record_is_its_venue(registries):
    ev = one_event(
        registries,
        "Konferencja „Children in care”",
        "Data: 22-24 września 2014 r.\nMiejsce: Wiedeń\nOpis: Przedstawicielka MOPS wzięła udział w konferencji.",
    )
    assert (ev["direction"], ev["location"], ev["start"]) == (
        "outgoing",
        {"city": "Vienna", "country": "AT"},
        "2014-09-22",
    )


def test_a_month_label_over_headed_events_dates_those_that_give_no_day(registries):
    from partnergraph.model import Page

    text = (
        "Współpraca zagraniczna MOPS w 2014 roku\n\nMarzec 2014\n\nWizyta studentów z Grazu\n\n"
        "Goście poznali pracę Filii nr 3 MOPS.\n\nWizyta delegacji z Wilna\n\nW dniu 20 marca MOPS gościł "
        "urzędników z Wilna.\n\nCzerwiec 2014\n\nKonferencja w Wiedniu\n\nPrzedstawiciel MOPS uczestniczył w "
        "konferencji w Wiedniu.\n"
    )
    events = extract_document(Page("x", "x.txt", text), registries)["events"]
    assert [(e["start"], e["end"]) for e in events] == [
        ("2014-03", "2014-03"),
        ("2014-03-20", "2014-03-20"),
        ("2014-06", "2014-06"),
    ]


def seed_as_html(text: str, titles: set[str], style: str) -> str:
    """A seed page marked up as the bulletin's HTML: headings in <strong> paragraphs (or run in to their
    first paragraph), blank lines as &nbsp; paragraphs, the content in a div or a layout table's cell."""
    from html import escape

    out, pending = [], None
    for line in text.split("\n"):
        s = " ".join(line.split())
        if not s:
            out.append("<p>&nbsp;</p>")
        elif s in titles and style == "run-in":
            pending = s
        elif s in titles:
            out.append(f"<p><strong>{escape(s)}</strong></p>")
        elif pending:
            out.append(f"<p><strong>{escape(pending)}</strong> {escape(s)}</p>")
            pending = None
        else:
            out.append(f"<p>{escape(s)}</p>")
    content = "\n".join(out)
    if style == "layout-table":
        content = f'<table width="100%"><tr><td class="lewa">Menu</td><td>{content}</td></tr></table>'
    else:
        content = f'<div class="menu"><a href="/">Start</a></div><div id="tresc">{content}</div>'
    return f'<html><head><meta charset="utf-8"><title>BIP MJO</title></head><body>{content}</body></html>'


@pytest.mark.parametrize("style", ["paragraphs", "run-in", "layout-table"])
def test_the_seed_pages_as_bulletin_html_score_as_their_text(style, registries, score, tmp_path):
    events_f1, macro = score_seeds_as(
        lambda text, titles: seed_as_html(text, titles, style), ".html", registries, score, tmp_path
    )
    assert (events_f1, macro) == (1.0, 1.0)


def score_seeds_as(layout, suffix: str, registries, score, tmp_path) -> tuple[float, float]:
    """The dev-set score of the seed pages rewritten by `layout(text, titles)`."""
    golds, preds = {}, {}
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        gold = json.loads((SHARED / "eval" / "gold" / f"{seed.stem}.json").read_text(encoding="utf-8"))
        page = tmp_path / f"{seed.stem}{suffix}"
        page.write_text(
            layout(seed.read_text(encoding="utf-8"), {e["title"] for e in gold["events"]}), encoding="utf-8"
        )
        golds[seed.stem], preds[seed.stem] = gold, extract_document(read_page(page), registries)
    events_f1, macro, _ = score_documents(score, golds, preds)
    return events_f1, macro


def seed_restyled(text: str, titles: set[str], style: str) -> str:
    """A seed page as other years' pages lay the same text out."""
    lines, n, out = text.split("\n"), 0, []
    for line in lines:
        s = " ".join(line.split())
        if style == "no-blank-lines" and not s:
            continue
        if s in titles:
            n += 1
            s = {"numbered": f"{n}. {s}", "colons": f"{s}:", "capitals": s.upper()}.get(style, s)
            out.append(s)
        else:
            out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("style", ["no-blank-lines", "numbered", "colons", "capitals"])
def test_the_seed_pages_laid_out_otherwise_keep_every_event(style, registries, score, tmp_path):
    events_f1, macro = score_seeds_as(
        lambda text, titles: seed_restyled(text, titles, style), ".txt", registries, score, tmp_path
    )
    assert events_f1 == 1.0
    assert macro >= (0.97 if style == "capitals" else 1.0)  # names in capitals are not all recovered
