"""A ninth probe set on segmentation, type, dates, participants and topics: a city portal's digest of three
sub-headed events (a delegation, a conference abroad, an online meeting), two visitor kinds in one sentence
('studenci i wykładowcy', 'uczniowie i nauczyciele'), donations phrased without 'przekazał' ('przyjechało 18 palet',
'otrzymało paczki … To dar'), conferences and seminars abroad reported after the return, a hybrid partners' meeting
under a programme and an 'on-line' one, a yearly digest with numbered headings, Roman-numeral months ('14–15 IX
2023 r.', '17.V.2016 r.'), ranges across months and years and 'W dniach … oraz …'. Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below, and scored as `extract_set.py` scores them."""

from __future__ import annotations

import pytest
from conftest import extract_events

from partnergraph.extract import classify


def test_a_date_line_over_numbered_sub_headings_leaves_each_an_event(registries):
    text = (
        "Powiatowe Centrum Pomocy Rodzinie w Limanowej\nAktualności | BIP\n\nWspółpraca zagraniczna w 2017 roku\n\n"
        "Data publikacji: 18.12.2017\n\n1. Goście z Preszowa\nW dniach 4–5 IV 2017 r. gościliśmy pracowników "
        "słowackich domów dziecka, którzy poznali rodzinną pieczę zastępczą w powiecie.\n\n2. Konferencja w Użhorodzie\n"
        "12 października 2017 r. dyrektor Centrum wygłosiła referat na konferencji o pieczy zastępczej w Użhorodzie.\n"
    )
    home = {"home": "Powiatowe Centrum Pomocy Rodzinie w Limanowej", "home_city": "Limanowa"}
    events = extract_events(text, registries, **home)
    assert [(e["title"], e["start"], e["type"]) for e in events] == [
        ("Goście z Preszowa", "2017-04-04", "StudyVisit"),
        ("Konferencja w Użhorodzie", "2017-10-12", "Conference"),
    ]


def _who(body: str, places: frozenset[str] | set[str] = frozenset()) -> str | None:
    return classify.find_participants("Goście", body, set(places))[0]


def test_two_groups_of_two_kinds_in_one_sentence_are_mixed():
    assert (
        _who(
            "W maju gościliśmy dwukrotnie: 6 maja grupa studentów z Koszyc, a 20 maja delegacja urzędników ze Lwowa."
        )
        == "mixed"
    )
    assert _who("Odwiedziła nas grupa studentów z Koszyc. Oprowadzał ich nasz pracownik.") == "students"


def test_social_workers_named_by_their_employer_are_one_kind():
    employer = "Gościliśmy delegację pracowników socjalnych z Miejskiego Urzędu w Trnawie."
    assert _who(employer, {"Trnawie"}) == "professionals"
    assert _who("Razem z urzędnikami przyjechali pracownicy tamtejszej fundacji Caritas.") == "mixed"
    assert (
        _who("Przyjechała delegacja: urzędnicy z Trnawy oraz pracownicy Centrum Usług Socjalnych.") == "mixed"
    )


def test_a_networks_officials_and_its_experts_are_mixed():
    assert (
        _who("W spotkaniu wzięli udział urzędnicy miast partnerskich i eksperci ds. mieszkalnictwa.")
        == "mixed"
    )


def test_goods_arriving_by_the_load_are_a_gift_and_its_carriers_volunteers(registries):
    by_load = classify.classify_type(
        "Z Gandawy przyjechało 12 palet", "Koce i śpiwory trafiły do noclegowni."
    )
    assert by_load[0] == "Donation"
    text = (
        "Z Gandawy przyjechało 12 palet koców\n\nW sobotę 14 stycznia 2023 r. do magazynu naszego Ośrodka przyjechało "
        "12 palet koców i śpiworów z Gandawy. Ciężarówki przyprowadziło sześciu wolontariuszy stowarzyszenia.\n"
    )
    home = {"home": "Miejski Ośrodek Pomocy Społecznej w Tarnowie", "home_city": "Tarnów"}
    (ev,) = extract_events(text, registries, **home)
    assert (ev["type"], ev["participants"]) == ("Donation", "volunteers")
    drivers = text.replace(
        "Ciężarówki przyprowadziło sześciu wolontariuszy", "Ciężarówki prowadzili wolontariusze"
    )
    assert extract_events(drivers, registries, **home)[0]["participants"] is None


def _topics(text: str) -> set[str]:
    free, _named = classify.find_topics(text, [], [(0, len(text))])
    return {topic for topic, _cue in free}


def test_topics_of_care_services_hardship_and_volunteers():
    assert _topics("Omówiono specjalistyczne usługi opiekuńcze dla osób z zaburzeniami psychicznymi.") == {
        "mental_health"
    }
    assert "older_people" in _topics("Goście poznali zasady przyznawania usług opiekuńczych.")
    assert "social_exclusion" in _topics("Paczki trafiły do rodzin w trudnej sytuacji materialnej.")
    assert "volunteering" in _topics("Rozmawiano o angażowaniu młodych wolontariuszy w pomoc sąsiedzką.")
    assert "community_development" not in _topics("o rozwoju usług świadczonych w społeczności lokalnej")
    assert "community_development" in _topics("o aktywizacji społeczności lokalnej na osiedlach")


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Aktywne Miasta – sieć URBACT\nStart | O sieci | Aktualności\n\nSieć Aktywne Miasta zebrała się w Lublanie\n\n"
            "12.05.2022 | Kategoria: spotkania partnerów\n\n10 i 11 maja 2022 r. w Lublanie odbyło się drugie spotkanie "
            "partnerów sieci. Kraków reprezentował Miejski Ośrodek Pomocy Społecznej w Krakowie.\n",
            "Sieć Aktywne Miasta zebrała się w Lublanie",
        ),
        (
            "FUNDACJA SENIORA\nPomagamy seniorom od 1999 roku\nO nas | Aktualności | Kontakt\n\nWiedeń: jak mieszkają "
            "seniorzy po austriacku\n\nDodane przez: admin | 9 maja 2022 | Aktualności\n\nW dniach 2–6 maja 2022 r. troje "
            "pracowników naszej Fundacji uczestniczyło w wizycie studyjnej w Wiedniu i poznało tamtejsze domy seniora.\n",
            "Wiedeń: jak mieszkają seniorzy po austriacku",
        ),
        (
            "Fundacja „Razem”\nul. Długa 1, Kraków\nO nas | Aktualności | Kontakt\n\nZespół z Bratysławy w naszym domu\n\n"
            "Aktualności | 2021-09-30 | Ola Nowak\n\nOd 27 do 29 września 2021 r. w naszym domu dziennego pobytu gościliśmy "
            "sześć pracownic centrum usług socjalnych z Bratysławy. Goście poznali zajęcia dla seniorów.\n",
            "Zespół z Bratysławy w naszym domu",
        ),
    ],
    ids=["network", "kicker", "team"],
)
def test_the_headline_over_a_labelled_date_line_with_a_category_or_an_author(registries, text, title):
    assert [e["title"] for e in extract_events(text, registries)] == [title]


def test_the_points_of_a_programme_under_a_colon_are_no_headings(registries):
    text = (
        "Magiczny Kraków\nOtwarty na świat › Aktualności\n\nLekcja z Glasgow. Krakowianie w Szkocji\n\n"
        "Data publikacji: 21.06.2023 | Opublikował: Jan Wilk\n\nOd 12 do 14 czerwca 2023 r. przedstawiciele Krakowa "
        "przebywali z wizytą studyjną w Glasgow, gdzie poznali program Housing First.\n\nProgram wizyty:\n"
        "Poniedziałek – Simon Community: rozmowa o zapobieganiu eksmisjom\nWtorek – Glasgow City Council, warsztaty\n"
        "Środa – Turning Point Scotland, spotkanie z radną Mary Brown\n\nWnioski z wizyty posłużą przy pracach nad "
        "krakowskim modelem wsparcia osób bezdomnych.\n"
    )
    assert [e["title"] for e in extract_events(text, registries)] == [
        "Lekcja z Glasgow. Krakowianie w Szkocji"
    ]


def test_representatives_of_an_office_and_an_association_are_mixed():
    german = "Przyjechali przedstawiciele Landratsamt Bautzen oraz stowarzyszenia Lebenshilfe Bautzen e.V."
    assert _who(german, {"Bautzen"}) == "mixed"
    guests = "Gośćmi byli przedstawiciele Sozialamt der Stadt Dresden i Caritasverband Dresden."
    assert _who(guests, {"Dresden"}) == "mixed"
    slovak = "Ośrodek gościł przedstawicieli Žilinského samosprávneho kraja oraz pracowników domów opieki z Żyliny."
    assert _who(slovak, {"Żyliny"}) == "mixed"
    assert _who("Gościliśmy wolontariuszy i pracowników stowarzyszenia Pro Familia z Debreczyna.") == "mixed"


def test_how_help_is_granted_is_the_welfare_system_and_inclusion_only_in_lower_case_or_an_acronym():
    assert "welfare_system" in _topics("Studenci poznali zasady udzielania pomocy społecznej w Polsce.")
    assert "welfare_system" in _topics("Goście poznali zasady przyznawania świadczeń.")
    assert "welfare_system" in _topics("Goście poznali pracę naszego Ośrodka.")
    assert "social_exclusion" not in _topics(
        "Partnerzy sieci Active Inclusion Network spotkali się w Krakowie."
    )
    assert "social_exclusion" in _topics("Spotkanie partnerów projektu URB-INCLUSION.")
    assert "children_and_families" not in _topics(
        "Gościliśmy pracownice Centrum Usług Socjalnych dla Rodzin, Dzieci i Młodzieży ze Lwowa."
    )


def test_a_conference_held_online_and_taking_part_in_a_seminar_are_conferences():
    online = (
        "Pracownicy wzięli udział w konferencji online „Samotność seniorów”, zorganizowanej przez miasto partnerskie. "
        "W wideokonferencji uczestniczyli partnerzy z trzech miast."
    )
    assert classify.classify_type("Opole i partnerzy o samotności seniorów", online)[0] == "Conference"
    assert (
        classify.classify_type("Wideokonferencja z Lipskiem", "Partnerzy omówili plan pracy.")[0] == "Meeting"
    )
    seminar = "Przedstawiciele Ośrodka wzięli udział w seminarium „Pflegekinder in Europa”. Uczestnicy odwiedzili dom."
    assert classify.classify_type("Małopolska i Saksonia o pieczy", seminar)[0] == "Conference"


def test_days_joined_by_i_and_a_part_of_a_month_are_dates():
    from partnergraph.extract import dates

    def span(text: str) -> tuple:
        first, _extra = dates.event_dates(text)
        return first.begin, first.finish

    assert span("W dniach 9 i 10 IV 2019 r. gościliśmy delegację.") == ((2019, 4, 9), (2019, 4, 10))
    assert span("9 i 10.04.2019 r. odbyło się spotkanie.") == ((2019, 4, 9), (2019, 4, 10))
    assert span("Na początku maja 2019 r. gościliśmy studentów.") == ((2019, 5, None), (2019, 5, None))
    assert span("W drugiej połowie czerwca br. odbyła się wizyta.") == ((None, 6, None), (None, 6, None))
    assert dates.event_dates("Spotkanie trwało od godz. 10 i 11.30 w sali.")[0] is None


def test_a_post_titled_by_its_first_sentence_dates_dzis_from_its_time_line(registries):
    post = (
        "Miejski Ośrodek Pomocy Społecznej w Tarnowie\n12 maja 2021 o 10:15 ·\nDziś gościliśmy delegację z Koszyc. "
        "Goście poznali pracę naszych asystentów rodziny i Klubu Seniora. Dziękujemy za wizytę!\n"
    )
    home = {"home": "Miejski Ośrodek Pomocy Społecznej w Tarnowie", "home_city": "Tarnów"}
    (ev,) = extract_events(post, registries, **home)
    assert (ev["start"], ev["end"]) == ("2021-05-12", "2021-05-12")


def test_who_represented_the_other_side_and_foster_parents_beside_officials_are_mixed():
    czech = "Czeską stronę reprezentowali przedstawiciele Slezskiej diakonie oraz Statutárního města Karviné."
    assert _who(czech, {"Karviné"}) == "mixed"
    german = "Odwiedzili nas goście z Erding: pracownicy Landratsamt Erding oraz rodzice zastępczy."
    assert _who(german, {"Erding"}) == "mixed"
