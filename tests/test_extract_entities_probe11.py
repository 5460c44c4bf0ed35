"""tests/data/entities-probe11: five pages (a Kraków NGO, a regional welfare centre, the city portal, a project
site, a news portal about another body) with names after a kind of body in lower case ("spółdzielnię socjalną
Smaki Podgórza", "fundacji Nowy Start", "organizacji pozarządowej Dobre Sertse"), delegations as 'Name – role'
lines with the body on the next line, Interreg programmes named by their strand, and a signature block. Gold
written before the extractor ran on them, by ../shared/eval/GOLD-CONVENTIONS.md. Before the fixes that came with
them: events 1.000, fields macro 0.909 (organisations 0.649, persons 0.917, programmes 0.833)."""

from __future__ import annotations

from conftest import extract_events


def test_names_after_a_kind_of_body_in_lower_case(registries):
    text = (
        "Goście z Koszyc\n\nW dniu 12 maja 2021 r. w Krakowie gościliśmy delegację. Goście odwiedzili spółdzielnię "
        "socjalną Kuchnia Smaków, siedzibę fundacji Dom Nadziei i organizacji pozarządowej Dobre Sertse, a wieczorem "
        "spotkali się z członkami stowarzyszenia Klika. Prezes fundacji Michał Sowiński pomagał przy organizacji "
        "Festiwalu Pokoleń, który wspiera fundacja Skarbu Państwa. Dary przywiózł prezes fundacji Jan de Vries dla "
        "stowarzyszenia Les Petits Frères des Pauvres.\n"
    )
    (ev,) = extract_events(text, registries)
    assert set(ev["organisations"]) == {
        "Kuchnia Smaków",
        "Dom Nadziei",
        "Dobre Sertse",
        "Klika",
        "Les Petits Frères des Pauvres",
    }
    assert set(ev["persons"]) == {"Michał Sowiński", "Jan de Vries"}


def test_a_line_of_a_delegation_list_ends_the_name_before_the_prose(registries):
    text = (
        "Goście z Koszyc\n\nW dniu 12 maja 2021 r. w Krakowie gościliśmy delegację. W skład delegacji weszli:\n"
        "Zuzana Hrivnáková – koordinátorka dobrovoľníkov\n"
        "Dom Nádeje Košice\n"
        "Pierwszego dnia goście odwiedzili noclegownię, a po południu spotkali się z wolontariuszami w parku.\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["organisations"] == ["Dom Nádeje Košice"]


def test_an_interreg_programme_by_the_strand_the_page_names(registries):
    text = (
        "Spotkanie partnerów\n\nW dniu 12 maja 2021 r. w Krakowie spotkali się partnerzy projektu realizowanego w "
        "ramach Programu Interreg V-A Polska–Słowacja 2014–2020. Przedstawiono też projekty z programów Interreg "
        "Europe i Interreg Region Morza Bałtyckiego oraz sieci URBACT Kraków.\n"
    )
    (ev,) = extract_events(text, registries)
    assert set(ev["programmes"]) == {
        "Interreg V-A Polska–Słowacja 2014–2020",
        "Interreg Europe",
        "Interreg Region Morza Bałtyckiego",
        "URBACT",  # the network's town is no strand
    }


def test_a_lithuanian_name_with_its_head_in_lower_case_and_a_name_the_dictionary_knows_as_a_surname(
    registries,
):
    text = (
        "Wizyta studyjna w Wilnie\n\nW dniach 9–11 kwietnia 2019 r. pracownicy przebywali w Wilnie. Program "
        "przygotowali:\n"
        "Rūta Petrauskienė – direktorė, Vilniaus miesto socialinės paramos centras\n"
        "Tomas Jankauskas – projektų vadovas, Vilniaus miesto socialinės paramos centras\n"
        "Partners also visited a social cooperative in Nowa Huta.\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["organisations"] == ["Vilniaus miesto socialinės paramos centras"]
    assert set(ev["persons"]) == {"Rūta Petrauskienė", "Tomas Jankauskas"}


def test_a_signature_under_the_text_is_no_participant(registries):
    text = (
        "Goście z Koszyc\n\nW dniach 17–18 października 2022 r. gościliśmy w Krakowie delegację pracowników "
        "socjalnych z Koszyc, którą prowadziła Zuzana Hrivnáková. Rozmawiano o pracy z osobami bezdomnymi.\n\n"
        "Prezes Zarządu\nMagdalena Wrona\n\nUdostępnij: Facebook | Twitter\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["persons"] == ["Zuzana Hrivnáková"]
    # the same two lines with prose after them name a participant
    inside = text.replace(
        "\n\nUdostępnij",
        "\nopowiedziała gościom o pracy z osobami bezdomnymi w naszych mieszkaniach treningowych i o wolontariacie."
        "\n\nUdostępnij",
    )
    assert set(extract_events(inside, registries)[0]["persons"]) == {"Zuzana Hrivnáková", "Magdalena Wrona"}
