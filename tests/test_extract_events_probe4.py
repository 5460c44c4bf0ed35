"""A fourth probe set, on how a page is cut into events and how they are dated and typed: a city portal's list of
teasers (one a call for applications), a news article with a 'Zobacz także' block in mid-text, a chronicle with
'Data:'/'Miejsce:' lines under its headings, a report's table flattened to text, month-only donations, an article
with 'Dzień pierwszy'/'Dzień drugi' subheadings, a blog's month archive of two posts, duration phrases, the home's
own councillors at a visit, a delegation listed by roles. Written with gold by ../shared/eval/GOLD-CONVENTIONS.md
before the rules below, and scored as `extract_set.py` scores them. With it, tests/data/events-probe5, written
after the first rules below and before the rest: a calendar of date lines with no headings, a press release, an
article cut by question subheadings, cookie banners, 'ub.r.' dates, a blog page of two posts cut mid-word, a
gallery's dated captions. Floors of both: tests/data/probe-floors.toml."""

from __future__ import annotations

from conftest import extract_events

from partnergraph.extract import classify, dates
from partnergraph.sources import chrome


def test_a_list_of_teasers_gives_its_items_and_a_call_for_applications_is_no_event(registries):
    text = (
        "Aktualności\n\n12.05.2018\nStudenci z Grazu w Krakowie\nW dniach 8–9 maja 2018 r. studenci pracy socjalnej "
        "z Grazu poznawali pracę Miejskiego Ośrodka Pomocy Społecznej w Krakowie i odwiedzili dom dla bezdomnych. …\n"
        "Czytaj więcej ›\n\n03.05.2018\nKonkurs dla organizacji pozarządowych\nDo 30 maja można składać oferty na "
        "realizację zadań wspólnie z partnerami z miast partnerskich Krakowa w tym roku. …\nCzytaj więcej ›\n\n"
        "28.04.2018\nRozmowy o współpracy w Wilnie\nW dniu 25 kwietnia przedstawiciele MOPS uczestniczyli w "
        "spotkaniu roboczym z urzędnikami Wilna w sprawie wspólnego projektu dla seniorów. …\nCzytaj więcej ›\n"
    )
    events = extract_events(text, registries, year=2018)
    assert [(e["title"], e["start"], e["end"]) for e in events] == [
        ("Studenci z Grazu w Krakowie", "2018-05-08", "2018-05-09"),
        ("Rozmowy o współpracy w Wilnie", "2018-04-25", "2018-04-25"),
    ]


def test_months_with_a_year_and_no_day_weekdays_and_deadlines():
    (m,) = dates.find_dates("Data: grudzień 2017 r.")
    assert m.iso(None) == ("2017-12", "2017-12")
    (m,) = dates.find_dates("2. | IV 2019 | Dary")
    assert m.iso(None) == ("2019-04", "2019-04")
    assert dates.event_dates("Do 15 grudnia można składać wnioski.")[0] is None
    first, extra = dates.event_dates("Wizyta trwała do 15 grudnia.")
    assert first is not None
    text = (
        "W czwartek 21 października rozpoczęło się spotkanie partnerów. W piątek uczestnicy odwiedzili PAL."
    )
    first, extra = dates.event_dates(text)
    assert (first.iso(2021)[0], extra[-1].iso(2021)[1]) == ("2021-10-21", "2021-10-22")


def test_file_links_arrow_links_and_account_numbers_are_chrome():
    for line in (
        "Program spotkania (PDF, 240 KB)",
        "Wpłać darowiznę »",
        "« Poprzedni wpis: Wolontariusze z Erding w Nowej Hucie",
        "Numer konta do darowizn: 12 3456 7890 0000 0000 1234 56",
    ):
        assert chrome.is_chrome(line), line
    assert not chrome.is_chrome("Wizyta studyjna w Wiedniu")


def test_a_delegation_listed_by_roles_of_several_kinds_is_mixed(registries):
    text = (
        "Delegacja z Tarnopola\n\nW dniu 12 maja 2016 r. gościliśmy delegację z Tarnopola w składzie:\n"
        "– zastępca przewodniczącego Rady Obwodowej,\n– dyrektor Centrum Usług Socjalnych,\n"
        "– psycholog Centrum.\nGoście zapoznali się z pracą asystentów rodziny.\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["participants"] == "mixed"
    one_kind = text.replace("– zastępca przewodniczącego Rady Obwodowej,\n", "")
    (ev,) = extract_events(one_kind, registries)
    assert ev["participants"] == "professionals"
    (ev,) = extract_events(text.replace("w składzie:", "oraz urzędników i pedagogów:"), registries)
    assert ev["participants"] == "mixed"


def test_the_homes_own_councillors_at_a_visit_are_not_the_foreign_side(registries):
    text = (
        "Goście z Bawarii\n\nW dniu 28 maja 2019 r. gościliśmy pracowników socjalnych z Rosenheim. W spotkaniu "
        "wzięli udział także radni, sołtysi oraz seniorzy z naszej gminy. Goście poznali nasz Klub Seniora.\n"
    )
    (ev,) = extract_events(
        text, registries, home="Gminny Ośrodek Pomocy Społecznej w Bukowinie", home_city="Bukowina"
    )
    assert ev["participants"] == "professionals"


def test_flats_for_people_leaving_homelessness_are_homelessness_not_housing():
    def topics(text: str) -> list[str]:
        free, named = classify.find_topics(text, [], [(0, len(text))])
        return [t for t, _ in free or named]

    assert topics("Goście poznali mieszkania treningowe dla osób wychodzących z bezdomności.") == [
        "homelessness"
    ]
    # flats beside homelessness are its service too (events-probe6); housing policy itself is housing
    assert "housing" in topics("Rozmawiano o polityce mieszkaniowej i o bezdomności.")
    assert topics("Dary dla rodzin wielodzietnych.") == ["children_and_families"]
    assert topics("Aktywizacja mieszkańców osiedli zagrożonych wykluczeniem.")[-1] == "social_exclusion"


def test_gifts_of_goods_in_a_month_bylines_and_short_breadcrumbs(registries):
    text = (
        "Newsletter\n\nGoście z Lyonu\n\n12 września 2022 r. odwiedzili nas pracownicy organizacji z Lyonu. "
        "Goście poznali nasz program.\n\nDary z Akwizgranu\n\nW listopadzie 2022 r. otrzymaliśmy od niemieckiej "
        "Caritas 40 śpiworów dla osób bezdomnych.\n"
    )
    events = extract_events(text, registries)
    assert [(e["title"], e["start"], e["type"]) for e in events][-1] == (
        "Dary z Akwizgranu",
        "2022-11",
        "Donation",
    )
    assert chrome.is_chrome("Autor: Anna Wrona · 14 czerwca 2019 · Kategoria: Wyjazdy studyjne")
    assert chrome.is_chrome("Miasta partnerskie › Aktualności")
    assert not chrome.is_chrome("Transnational meeting in Kraków / Międzynarodowe spotkanie w Krakowie")


def test_a_byline_or_a_record_card_under_the_headline_does_not_date_the_event(registries):
    for line in (
        "Katarzyna Lis | 11.10.2017, 07:00 | aktualizacja: 11.10.2017, 08:15",
        "2018-09-18 13:05 · Wydział Promocji",
        "6 kwietnia 2022 | Redakcja | Brak komentarzy",
    ):
        assert chrome.is_byline(line) and chrome.is_chrome(line), line
    assert not chrome.is_byline("12.03.2013 | Niemcy | Wizyta studentów | Kraków")
    text = (
        "Biuletyn Informacji Publicznej Gminnego Ośrodka Pomocy Społecznej w Sulikowie\n\n"
        "Wizyta partnerów z Saksonii\n\nInformacja wytworzona przez: Kierownik GOPS, dnia 20.09.2017\n"
        "Wprowadzona do BIP przez: Ewa Krawiec\n\nW dniu 14 września 2017 r. Ośrodek gościł partnerów z powiatu "
        "Görlitz. Goście zapoznali się z pracą asystentów rodziny i z działalnością klubu seniora w gminie.\n"
    )
    (ev,) = extract_events(
        text, registries, home="Gminny Ośrodek Pomocy Społecznej w Sulikowie", home_city="Sulików"
    )
    assert (ev["title"], ev["start"]) == ("Wizyta partnerów z Saksonii", "2017-09-14")


def test_visitors_from_the_administration_and_from_social_services_or_ngos_are_mixed():
    body = (
        "W dniu 5 maja 2023 r. gościliśmy delegację z Koszyc. W skład delegacji weszli przedstawiciele Magistratu "
        "Miasta Koszyce oraz organizacji Oáza. Gości powitała dyrektor Ośrodka."
    )
    assert classify.find_participants("Goście z Koszyc", body, set())[0] == "mixed"
    # a city's own organisation is of its administration; the hosts are not the visitors
    municipal = body.replace("organizacji Oáza", "organizacji miejskiej „Dżereło”")
    assert classify.find_participants("Goście z Koszyc", municipal, set())[0] == "officials"
    hosts = "Delegację urzędników z Koszyc przyjęli pracownicy fundacji naszego miasta w dniu 5 maja."
    assert classify.find_participants("Goście z Koszyc", hosts, set())[0] == "officials"


def test_a_calendar_of_date_lines_and_an_article_with_question_subheadings(registries):
    text = (
        "Kalendarium współpracy zagranicznej – 2019\n\n15.01.2019\nSpotkanie z delegacją miasta Lwowa w sprawie "
        "wspólnego programu dla seniorów. Rozmawiano o wniosku.\n\nna przełomie września i października 2019\n"
        "Udział przedstawicieli MOPS w konferencji Eurocities w Lipsku.\n"
    )
    events = extract_events(text, registries, year=2019)
    assert [(e["start"], e["end"], e["type"]) for e in events] == [
        ("2019-01-15", "2019-01-15", "Meeting"),
        ("2019-09", "2019-10", "Conference"),
    ]
    text = (
        "Goście z Wilna\n\nKto nas odwiedził?\nW poniedziałek, 20 czerwca 2022 r., gościliśmy sześcioro pedagogów "
        "ulicy z litewskiej organizacji z Wilna, którzy poznawali naszą pracę.\n\nCo zobaczyli goście?\nPedagodzy "
        "poznali nasz program pracy z młodzieżą i wyszli z nami na dyżur terenowy.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["title"], ev["participants"]) == ("Goście z Wilna", "professionals")


def test_last_year_is_the_year_before_the_page_year():
    (m,) = dates.find_dates("W dniach 12–14 września ub.r. troje pracowników")
    assert m.iso(2019) == ("2018-09-12", "2018-09-14")
    (m,) = dates.find_dates("W dniu 23 listopada ubiegłego roku")
    assert m.iso(2019) == ("2018-11-23", "2018-11-23")
    assert m.iso(None) == ("--11-23", "--11-23")


def test_type_by_what_happened_online_talks_and_planned_events():
    webinar = "W środę odbyło się webinarium o pracy asystenta rodziny. Wzięło w nim udział 40 pracowników socjalnych."
    assert classify.classify_type("Webinarium polsko-litewskie", webinar)[0] == "Conference"
    video = (
        "Odbyła się wideokonferencja z urzędnikami Lwowa. Partnerzy zaplanowali wizytę studyjną we Lwowie."
    )
    assert classify.classify_type("Kraków i Lwów rozmawiali o opiece", video)[0] == "Meeting"
    # representatives are no presentation: talks with them only are a meeting
    talks = "W Krakowie przebywała delegacja. Gościom towarzyszyli przedstawiciele konsulatu. Rozmawiano o opiece."
    assert classify.classify_type("Delegacja ze Lwowa", talks)[0] == "Meeting"
    shown = (
        "Gościliśmy grupę z Bawarii. Goście zapoznali się z działalnością Klubu Seniora. "
        "Kolejne spotkanie partnerów zaplanowano we wrześniu."
    )
    assert classify.classify_type("Odwiedziny z partnerskiej gminy", shown)[0] == "StudyVisit"


def test_a_see_also_box_set_into_an_article_does_not_end_it(registries):
    text = (
        "Pracownicy socjalni z Wilna w Krakowie\nAnna Nowak\n17 maja 2018, 09:15\n\n"
        "Trzydniowa wizyta studyjna grupy z Litwy rozpoczęła się we wtorek, 15 maja, w Miejskim Ośrodku Pomocy "
        "Społecznej w Krakowie.\n\nZOBACZ TAKŻE:\nDelegacja ze Lwowa w Urzędzie Miasta\nSeniorzy z Norymbergi "
        "zwiedzili Nową Hutę\n\nWczoraj goście rozmawiali z asystentami rodziny o wsparciu rodzin w kryzysie, a dziś "
        "zakończą pobyt spotkaniem z dyrekcją Ośrodka.\n\nKomentarze (2)\nJan 17.05.2018, 10:00\nByłem w zeszłym "
        "roku w Wilnie na podobnym wyjeździe i bardzo dużo się tam nauczyłem od litewskich kolegów.\n"
    )
    (ev,) = extract_events(text, registries, year=2018)
    assert (ev["start"], ev["end"]) == ("2018-05-15", "2018-05-17")
    assert "children_and_families" in ev["topics"]  # from the text after the box
    assert ev["countries"] == ["LT"]  # the box's Nuremberg is not the event's


def test_an_english_report_and_client_groups_inside_a_name(registries):
    text = (
        "Kraków team visits Ghent\n\nFrom 3 to 5 February 2020 a team from Kraków – staff of MOPS – visited the "
        "social services of Ghent to learn about housing for people leaving homelessness.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["title"], ev["start"], ev["end"]) == ("Kraków team visits Ghent", "2020-02-03", "2020-02-05")
    sentence = (
        "Goście rozmawiali o wolontariacie osób starszych z przedstawicielami Stowarzyszenia Dzieci i Młodzieży "
        "oraz Rodzin „Nadzieja”."
    )
    free, _named = classify.find_topics(sentence, [], [(0, len(sentence))])
    assert "volunteering" in [t for t, _ in free]


def test_hosts_who_open_a_meeting_and_foreign_people_listed_after_local_ones():
    opened = "W sobotę odbył się festiwal seniorów. Spotkanie otworzył starosta raciborski."
    assert classify.find_participants("Festiwal Pokoleń", opened, set())[0] is None
    joined = "Wzięło w nim udział 40 pracowników socjalnych z powiatu sejneńskiego, z Solecznik i z Olity."
    assert classify.find_participants("Webinarium", joined, set())[0] == "professionals"
    group = (
        "Gościliśmy delegację z Białorusi. W skład grupy weszli przedstawiciele administracji rejonowej oraz "
        "dyrektorzy terytorialnych centrów obsługi socjalnej ludności."
    )
    assert classify.find_participants("Białoruscy goście", group, set())[0] == "mixed"
