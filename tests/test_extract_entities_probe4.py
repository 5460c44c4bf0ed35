"""tests/data/entities-probe4: eleven pages of organisation and person phrasings the earlier probe sets lack
(an NGO coalition, foundations and universities under foreign own names, a consulate, an embassy's section,
twin-city offices, an EU Directorate-General and network, Lithuanian, Slovak, Czech, Hungarian, Georgian,
Spanish and Valencian names, people with roles in apposition, "oraz" inside a name, abbreviation dots),
half on Kraków pages off the bulletin, half on other bodies' pages. Gold written before the extractor ran on
them, by ../shared/eval/GOLD-CONVENTIONS.md. Before the fixes that came with them: fields macro F1 0.821
(organisations 0.711, persons 0.889, projects 0.857, programmes 0.889)."""

from __future__ import annotations

from conftest import score_probes


def test_the_fourth_entity_probe_pages_score_above_their_floor(registries, score, tmp_path):
    events_f1, macro, f1 = score_probes("entities-probe4", registries, score, tmp_path)
    assert events_f1 >= 0.99
    # after them: 0.865 (organisations 0.938, persons 1.000, projects and programmes 1.000; what is left is
    # other modules' fields: participants, topics, a MOPS unit, countries)
    assert macro >= 0.85, f1
    assert f1["organisations"] >= 0.92 and f1["persons"] >= 0.98 and f1["programmes"] >= 0.98, f1


def test_the_fifth_entity_probe_pages_score_above_their_floor(registries, score, tmp_path):
    """tests/data/entities-probe5: five pages of phrasings left after set 4 (a city before a name, a
    branch's board, abbreviation dots in a patron, English, German and French names with hyphens and dashes,
    'oraz' inside a name, Czech names with district numbers and legal forms after a comma, a Czech region as a
    body, Flemish own names in brackets after English renderings). Before the fixes that came with them:
    events 0.889 (an English-only page gives no event), fields macro 0.848 (organisations 0.837, persons
    0.900, projects 0.800, programmes 0.400)."""
    _, macro, f1 = score_probes("entities-probe5", registries, score, tmp_path)
    # after them: 0.853 (organisations 0.905; the English page's event, and with it two persons and a
    # project, is segmentation's; "Fundusze EOG" is written by the registry's name)
    assert macro >= 0.85, f1
    assert f1["organisations"] >= 0.90 and f1["persons"] >= 0.90, f1


def test_the_sixth_entity_probe_pages_score_above_their_floor(registries, score, tmp_path):
    """tests/data/entities-probe6: three pages of speakers after verbs of speaking or presenting ("tłumaczy
    Kadri Tamm", "przedstawiła …"), foreign names declined in thanks, Estonian, Romanian and Cyrillic own
    names. Before the fixes that came with them: fields macro 0.850 (organisations 0.923, persons 0.842)."""
    _, macro, f1 = score_probes("entities-probe6", registries, score, tmp_path)
    # after them: 0.863 (organisations 1.000, persons 0.952; "Fundusze EOG" is written by the registry's name);
    # after entities-probe7's rules 0.881 (persons 1.000: a given name read as a common word in a list, "Radu")
    assert macro >= 0.87, f1
    assert f1["organisations"] >= 0.99 and f1["persons"] >= 0.99, f1


def test_the_seventh_entity_probe_pages_score_above_their_floor(registries, score, tmp_path):
    """tests/data/entities-probe7: eleven pages, six of Kraków off the bulletin (city portal, EU-projects portal,
    URBACT site, NGO, ROPS, news portal), five of other bodies: own names with no Polish head word (Slovak,
    German, Italian, Slovenian, Spanish, Dutch, Czech, French, Lithuanian) some declined with Polish endings,
    dashes, legal forms and abbreviation dots inside names, Polish renderings with the own name in brackets,
    boards and board members standing for a region or county, the publisher as 'nas' only, bulleted and
    dashed 'Name – role' lists, initials, Ukrainian names in two transliterations, a name split over a line
    break, authors, photo credits and commenters that are not persons. Before the fixes that came with them:
    events 0.870, fields macro 0.821 (organisations 0.804, persons 0.835, projects 0.727, programmes 0.667)."""
    events_f1, macro, f1 = score_probes("entities-probe7", registries, score, tmp_path)
    # after them 0.951 (organisations 0.962, persons 1.000, projects 1.000, programmes 0.800; events 1.000 since
    # segmentation reads a byline with a weekday as chrome); left: two bodies the events' bystander rule drops,
    # a declined Czech name ("Slezskiej diakonie"), the gold's European Regional Development Fund beside its
    # programme, a Polish programme name written under the registry's ("Active Citizens Fund")
    assert events_f1 >= 0.99
    assert macro >= 0.94, f1
    assert f1["organisations"] >= 0.95 and f1["persons"] >= 0.99 and f1["projects"] >= 0.99, f1


def test_the_eighth_entity_probe_pages_score_above_their_floor(registries, score, tmp_path):
    """tests/data/entities-probe8: eleven pages, six of Kraków off the bulletin (city portal, EU-projects portal,
    NGO, news portal, ROPS, URBACT site), five of other bodies (MOPR Lublin, PCPR Cieszyn, MOPS Nowy Sącz,
    Caritas Poznań, a Gdańsk family centre): Czech, Slovak and Lithuanian own names declined in Polish or in their
    own language ('Slezskiej diakonie', 'Mestskej časti', 'Vilniaus … centro'), own names with a legal form or a
    centre after a comma, Dutch and German particles in declined names ('Henka de Vriesa', 'Ulrichem von
    Hagenem'), French, Italian, Spanish and Portuguese bodies, own names before or after a Polish rendering in
    brackets, 'Name – role' lists without bullets, initials, Ukrainian names in Polish transliteration, a project by
    acronym and full title, programmes written by their page names, not the registry's. Before the fixes that came
    with them: events 1.000, fields macro 0.865 (organisations 0.694, persons 0.894, projects 0.909, programmes
    0.720)."""
    events_f1, macro, f1 = score_probes("entities-probe8", registries, score, tmp_path)
    assert events_f1 >= 0.99
    assert macro >= 0.86, f1
    # after names with particles ('Henka de Vriesa', 'Ulrichem von Hagenem'): persons 0.939; after Romance head
    # words, own names before renderings in brackets, funds 'poprzez', networks with digits: 0.898
    # (organisations 0.771, persons 0.948, projects 1.000, programmes 0.769); after speaker-list items,
    # "prowadził X", districts after a dash and a one-word home ('Caritas'): 0.902 (organisations 0.800,
    # persons 0.970); with West Slavic and Baltic heads 0.910 (organisations 0.800). Left: programmes written under
    # the registry's names ('Fundusze EOG', 'Aktywni Obywatele'), a fund beside its programme, bodies the events'
    # bystander rule drops ('poznali pracę Amt für …'), a registered office taking its department's place
    # ('Wydziału … Urzędu Miasta Krakowa'), Lithuanian and Czech own names in their own genitive
    assert macro >= 0.90, f1
    assert f1["organisations"] >= 0.79 and f1["persons"] >= 0.96 and f1["programmes"] >= 0.76, f1
    assert f1["projects"] >= 0.99, f1
