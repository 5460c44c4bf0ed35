"""A twelfth probe set on publication lines and who the visitors were: 'Opublikowano 10 października 2022' (no
colon) right under a headline over a text the splitter has no report cue for, month labels over items each under
its own 'Opublikowano:' line and a yearly heading naming the publisher by its acronym ('… RCPS w 2019 roku'),
record fields under a headline ('Uczestnicy: przedstawiciele Comune di … i stowarzyszenia …'), and family carers
as a theme of an online meeting. Written with gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below,
and scored as `extract_set.py` scores them."""

from __future__ import annotations

from conftest import extract_events

from partnergraph.extract import classify

HOME = {"home": "Regionalny Ośrodek Polityki Społecznej w Olsztynie", "home_city": "Olsztyn"}


def test_a_labelled_publication_line_dates_no_event(registries):
    page = (
        "Fundacja Przystań\nAktualności | Kontakt\n\nNasze pedagożki w Rydze\nOpublikowano 3 marca 2020\n\n"
        "W ubiegłym tygodniu dwie pedagożki spędziły cztery dni w łotewskim centrum dla młodzieży w Rydze i "
        "prowadziły tam razem z kolegami zajęcia wieczorne.\n\nWyjazd sfinansował program Erasmus+.\n"
    )
    (ev,) = extract_events(page, registries)
    assert (ev["title"], ev["start"]) == ("Nasze pedagożki w Rydze", None)


def test_month_labels_over_items_under_their_publication_lines(registries):
    page = (
        "Regionalny Ośrodek Polityki Społecznej w Olsztynie\nAktualności | Kontakt\n\n"
        "Współpraca zagraniczna ROPS w 2020 roku\n\nLuty\nOpublikowano: 02.03.2020\n"
        "12 lutego gościliśmy urzędników z obwodu kaliningradzkiego, którzy poznali nasze programy dla seniorów.\n\n"
        "Wrzesień\nOpublikowano: 30.09.2020\nW dniach 21–22 września pracownica ROPS uczestniczyła w konferencji "
        "o pieczy zastępczej w Kownie.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["start"], e["end"]) for e in events] == [
        ("2020-02-12", "2020-02-12"),
        ("2020-09-21", "2020-09-22"),
    ]


def test_a_bare_date_line_under_a_headline_over_days_spent_and_talks_is_the_publications(registries):
    page = (
        "Fundacja Przystań\nAktualności | Kontakt\n\nNasze pedagożki w Tallinnie\n14.11.2021\n\nW ubiegłym "
        "tygodniu dwie pedagożki spędziły trzy dni w estońskim centrum dla młodzieży w Tallinnie i rozmawiały "
        "tam z kolegami o pracy z młodzieżą.\n\nWyjazd sfinansował program Erasmus+.\n"
    )
    (ev,) = extract_events(page, registries)
    assert (ev["title"], ev["start"]) == ("Nasze pedagożki w Tallinnie", None)


def _who(body: str, places: set[str] | None = None) -> str | None:
    return classify.find_participants("Goście", body, places or set())[0]


def test_a_records_participants_of_an_office_and_an_association_are_mixed():
    assert (
        _who("Uczestnicy: przedstawiciele Stadt Erfurt i stowarzyszenia Lebenshilfe Erfurt.", {"Erfurt"})
        == "mixed"
    )
    assert _who("Uczestnicy: przedstawiciele Stadt Erfurt.", {"Erfurt"}) == "officials"


def test_family_carers_are_a_theme_not_the_visitors():
    assert _who("Rozmawiano o tym, jak wspierać opiekunów rodzinnych osób z demencją.") is None
    assert _who("Jak odciążyć opiekunów osób starszych? O tym mówiły goście.") is None
    assert _who("Przyjechali opiekunowie z domu pomocy społecznej w Lipsku.") == "professionals"
