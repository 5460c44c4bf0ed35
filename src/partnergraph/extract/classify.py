"""Type, direction, participants and topics, by lexicons of Polish cues (../shared/spec/taxonomy.md).

Every cue is a word stem with the reason it is there; the heading weighs more than the body, because the
heading names what happened and the body also tells the background.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ._cues import CueScan

# going out with the hosts on their work: "wyszli razem z nami na nocne dyżury", "towarzyszyli streetworkerom w pracy"
SHADOWING = (
    r"(?:wyszli|wyszły|wychodzi\w*|towarzyszy\w*|jeździ\w*)\s+(?:\w+\s+){0,4}?(?:na|w|podczas)\s+(?:\w+\s+)?"
    r"(?:dyżur|patrol|obchod|interwencj|pracy\b|prac\w* w terenie)\w*"
)
# talks that told the guests how the hosts work: "omówiono zasady pracy socjalnej w Krakowie", "rozmawiano o
# funkcjonowaniu naszego Ośrodka" (talks on helping together are a meeting's: "o organizacji pomocy dla …")
HOSTS_WAYS = (
    r"(?:rozmawia\w*|rozmow\w*|omówi\w*|omawia\w*|dyskut\w*)\s+(?:\w+\s+){0,3}?"
    r"(?:zasad|system|funkcjonowani|działalnoś|metod|model|specyfi)\w*\s+(?:\S+\s+){0,4}?"
    r"(?:w\s+Krakowie|krakowsk|MOPS|Ośrod|nasz|tutejsz|w\s+Polsce|polsk)"
)
# sightseeing, no part of what the hosts showed of their work: "zwiedzili Stare Miasto", "zwiedzili Wawel"
NOT_SIGHTS = (
    r"(?!\s+(?:\w+\s+){0,2}?(?:miast|star\w* miast|starówk|zabyt|okolic|wawel|rynek|kazimierz|stolic|muze|"
    r"katedr|zam\w*k))"
)
# (pattern, weight). Stems are matched at word starts, case-insensitively.
TYPE_CUES: dict[str, list[tuple[str, float]]] = {
    "Donation": [
        (r"darowizn", 4),  # a gift
        (r"darczyńc", 2),  # donors
        # goods brought: "przywieźli 300 paczek żywnościowych", "przywiózł dary"
        (
            r"przywi(eźli|ózł|ozła|ozły|eziono)\b.{0,40}?\b(dar|paczk|paczek|odzież|żywnoś|sprzęt|środk|zabawk)",
            3,
        ),
        # ... or told goods first: "Sprzęt przywiózł do Krakowa pan X"
        (r"(sprzęt|dar|dary|paczk\w*|paczek|odzież)\s+(\w+\s+){0,2}?przywi(eźli|ózł|ozła|ozły|eziono)\b", 3),
        # paid for by a giver: "wózki ufundowane przez …"
        (r"ufundowan\w* przez|ufundowa(ł|ła|li|ły)\b", 2.5),
        (r"przekaza(ł|ła|li|ły|no|nie)\b.{0,80}\b(na rzecz|dla|w darze)", 3),  # handed over to
        (r"przekazani[ea] (sprzętu|darów|środków|paczek|\w+ o wartości)", 3),
        # goods named after the giver ("przekazanie przez … 40 śpiworów i odzieży")
        (r"przekaza\w*\b.{0,60}?\b\d+\s+(śpiwor|koc|łóż|materac|wózk|paczek|ton\b|kg\b|sztuk|komplet)", 3),
        (r"\bdar(y|ów|ami)?\b", 2),
        (r"zbiórk", 1.5),  # a collection
        # goods arriving by the load: "przyjechało 18 palet z kocami", "konwój", "transport darów"
        (r"\d+\s+(palet|ciężarówek|tirów|kontenerów|kartonów)\b", 2.5),
        (r"konw(ój|oj)\w*", 1.5),
        (r"transport\w* (z )?(dar|pomoc\w* humanitarn|żywnoś|odzież)", 2),
        (r"donat(ed|ion)", 4),  # English project pages
    ],
    "Conference": [
        (r"konferencj", 3),
        (r"sympozj", 3),
        (r"kongres(?!ow)", 3),  # not a venue ("Centrum Kongresowe")
        (r"seminari", 1.5),  # a seminar is a conference only when nothing says it was a project meeting
        (
            r"(udział\w*|uczestnicz\w*)\s+w\s+(\w+\s+){0,2}?seminari",
            1.5,
        ),  # taking part in one: it was held for many
        (
            r"konferencj\w* (online|on-line|internetow|zdaln|hybrydow)",
            4,
        ),  # a conference online, not a video call
        (r"forum\b", 1.5),
        (r"zjazd", 1.5),
        (r"debat|panel\w* dyskusyjn", 1.5),
        (r"conference|symposium|congress", 3),
        (r"webinari", 3),  # an online seminar
        # a gathering of many: "spotkało się ponad 300 osób z 19 krajów"
        (r"(ponad|około|blisko|prawie)\s+\d{2,}\s+(\w+\s+)?(osób|uczestnik\w*|gości|delegat\w*)", 2),
        (r"z\s+\d{1,2}\s+(krajów|państw)", 2),
        (r"seminar\b", 1.5),
    ],
    "Meeting": [
        # a partners' working session, also one named by its place in a network's series ("spotkanie otwierające
        # sieci", "spotkanie tematyczne o …")
        (
            r"spotkani[ae] (robocz|partner|projektow|grupy|komitetu|zespołu|sterując|otwierając|inauguracyjn|"
            r"zamykając|podsumowując|tematyczn|sieci)",
            3,
        ),
        (r"spotka(nie|nia|niach|niu|ń)\b", 1),
        (r"seminari\w* (partner|projektow|robocz)", 3),  # a partners' seminar: the project's working session
        (
            r"(wizyt|przyjazd|pobyt)\w* partnerów",
            1,
        ),  # partners come to work, unless the text says they toured
        (r"spotka(ł|ła|li|ły|ją|jąc) się\b", 2),  # met someone: a meeting, not a tour
        (r"rozmow|rozmawia", 1),
        (r"w ramach projektu", 1),
        (
            r"(?<!miastem )(?<!miasta )(?<!miasto )partner(zy|ów|ami|skim|skiego|ski)",
            1,
        ),  # not a twin town's tie
        (r"harmonogram", 1.5),  # planning work
        # a meeting held to talk about working together, not to be shown how the host works
        (r"spotka\w* (\S+\s+){0,8}?poświęcon\w* (\w+\s+){0,2}?(współprac|omówieni|planowani|wymian)", 2),
        (r"organizacj[ia] wizyty", 1.5),  # arranging a later visit
        # talks on starting, going on with or planning cooperation and joint projects
        (
            r"(nawiąz|kontynu|rozw(ój|ija|inię)|zacieśni|omówi|planowa|przygotow|dalsz)\w* (\w+\s+){0,2}?"
            r"(współprac|wspóln\w+ (projekt|inicjatyw|działa))",
            2.5,
        ),
        (r"wspóln\w+ (projekt|inicjatyw)\w*", 1),
        (r"robocz\w+ spotka", 3),  # "w trakcie roboczych spotkań"
        (r"obrad(y|ach|om|ami|owa\w*)\b", 2),  # deliberations: a working session of partners
        # talks on cooperation, signing an agreement, first contacts (an agreement merely named is background)
        (r"rozmawia\w* o (\w+\s+){0,3}?współprac|podpisa\w* (\w+\s+){0,2}?(umow|porozumie)", 3),
        (r"podję\w* rozmów|nawiąz\w* (\w+\s+){0,2}?kontakt", 2),
        (r"(przygotow|opracow)\w* (\w+\s+){0,2}?(wniosk|projekt)", 2),  # preparing a joint application
        # a project's work in progress: "omówili postępy prac", "uzgodnili budżet", "pracowali nad raportem"
        (r"postęp\w* (\w+\s+){0,2}?(prac|projekt|realizacj|działa)", 2),
        (r"uzgodni\w* (\w+\s+){0,2}?(budżet|harmonogram|podział|plan|zasad|termin)", 2),
        (r"pracowa\w* nad (\w+\s+){0,2}?(wniosk|raport|projekt|plan|dokument|strategi|budżet)", 2.5),
        (r"omówi(ono|li|ły|ł|ła)|omawia\w*", 1),  # things discussed
        (r"realizatora?(mi|ów)?\b", 1),
        (r"lider", 1),
        # workshops and trainings: working sessions of a few parties (not occupational therapy workshops, a facility)
        (r"warsztat\w*(?! terapii)", 1.5),
        (r"szkoleni", 1.5),
        (r"(transnational|partners'?|project|working|steering)\s+meeting", 3),
        (
            r"wideokonferencj|telekonferencj|videokonferencj|spotkani\w* (online|zdaln)",
            3,
        ),  # talks on a screen
        (r"partner\w* (sieci|projektu)", 2),  # a network's or a project's partners meet to work
        (r"meeting|met\b", 1),
    ],
    "StudyVisit": [
        (r"(wizyt|podróż|wyjazd)\w* studyjn", 4),
        (r"(?:re)?wizyt", 1.5),  # a visit, or a return visit
        (r"delegacj", 1.5),
        # hosting someone (not a conference: "Wiedeń gościł konferencję")
        (
            r"(gości(ł|li|ła|ło|ć)|przyję(ł[aoy]?|li)|przyjął|podejmowa)\w*\b"
            r"(?!\s+(\w+\s+){0,3}?(konferencj|kongres|sympozj|forum|seminari|zjazd))"
            # not a plan or a document adopted ("partnerzy przyjęli plan pracy")
            r"(?!\s+(\w+\s+)?(plan|program|harmonogram|uchwał|stanowisk|dokument|strategi|rekomendac|deklarac))",
            2,
        ),
        (r"gospodarz\w* wizyty", 2),  # the host of a visit
        (r"obejrze\w*|zobaczy(li|ły|ł|ła)|przygląda\w*|podpatrywa\w*", 1.5),  # seeing how the host works
        (
            r"zapozna|zaznajomi|poznani[ea]|zapoznani|pokaza(li|ł|ła|ły|no)\b|pokazywa",
            2,
        ),  # being shown how things work
        # a tour (of the hosts' places, not of a town's sights)
        (r"(?:zwiedz\w*+|oprowadzon\w*+)" + NOT_SIGHTS, 1.5),
        (r"studen|absolwent|młodzież", 1),
        (r"oprowadz", 1.5),
        (r"staż|praktyk|hospitacj", 2),  # placements: staying to learn how others work
        # a group's stay with the hosts (not the people served: "obywatelom przebywającym w Krakowie")
        (r"przebywa(ł|ła|li|ły|ło)\w*|przebywając\b|pobyt\w*", 1),
        (r"poznal[iy]|poznaw", 1.5),
        (r"odwiedzi(li|ł|ła|ło|ły)\b", 1.5),  # visitors came: "odwiedzili nas pracownicy socjalni z …"
        (r"odwiedza(li|ły|ł|ła)\b", 1.5),  # ... and went round: "odwiedzali noclegownie i punkty pomocy"
        (r"przedstawion[oay] (formy|zasady|najważniejsze|działalność|informacj)", 1),
        (HOSTS_WAYS, 2),
        (SHADOWING, 1.5),
        (r"study (visit|tour)", 4),
        (r"visit(s|ed|ors)?\b", 1.5),
    ],
}
TITLE_WEIGHT = 2.0
# the words that name an event ("Wizyta studyjna", "Delegacja", "Spotkanie"): what the page calls it, which
# decides only when what the text says happened does not (../shared/eval/GOLD-CONVENTIONS.md, `type`)
NAMING = {r"(wizyt|podróż|wyjazd)\w* studyjn", r"(?:re)?wizyt", r"delegacj", r"spotka(nie|nia|niach|niu|ń)\b"}
# every cue in one list: its type, weight and whether it only names the event; matched in one scan
_TYPE_CUE_LIST = [(kind, w, p in NAMING) for kind, cues in TYPE_CUES.items() for p, w in cues]
_TYPE_SCAN = CueScan([p for cues in TYPE_CUES.values() for p, _w in cues])
# a delegation that only talked is a meeting, even when hosted ("gościła delegacja … Rozmawiano o …"): talks
# in the body and nothing the guests were shown (GOLD-CONVENTIONS.md, `type`)
TALKS = re.compile(r"(?<!\w)(rozmawia\w*|rozmow\w*|omówi\w*|omawia\w*|dyskut\w*|uzgodni\w*|ustalon\w*)", re.I)
SHOWN = re.compile(
    r"(?<!\w)(zapozna\w*|zaznajomi\w*|pozna\w*|(?:zwiedz\w*+|oprowadz\w*+)"
    + NOT_SIGHTS
    + r"|prezentac\w*|zaprezentowa\w*|"
    # time spent with the home's clients: "razem z naszymi seniorami przygotowali obiad"
    r"(?:razem|wspólnie)\s+z\s+nasz\w+\s+(?:senior|podopieczn|dzie|mieszkańc|uczestnik|klient)\w*|"
    r"przedstawi(?!ciel)\w*|odwiedz[ia]\w*|hospit\w*|obserwowa\w*|staż\w*|praktyk\w*|study|visit|pokaza\w*|"
    r"obejrze\w*|zobaczy\w*|przygląda\w*|podpatr\w*|gospodarz\w* wizyty|"
    + "|".join((SHADOWING, HOSTS_WAYS))
    + r")",
    re.I,
)
ONLY_TALKED = 3.0  # as much as a body's cue that decides
STRONG = 1.5  # a cue that tells what happened (weaker ones are background: "partner", "w ramach projektu")
DECIDES = 3.0  # a body's score of what happened that outweighs any heading's naming word ...
LEAD = 2.0  # ... when it is this many times its rival's

OUTGOING_CUES = re.compile(
    r"\b(wyjazd\w*|wyjecha\w*|wyjeżdża\w*|za granic\w+|za granicą|delegowa\w*|"
    # staff sent on a trip: "wysłał dwie pracownice na wizytę studyjną", "wysłaliśmy na staż"
    r"wysła\w*\s+(?:\w+\s+){0,4}?na\s+(?:\w+\s+)?(?:wizyt|staż|konferencj|szkoleni|praktyk|spotkani|wyjazd)\w*|"
    # the home's staff as the visitors: "Pięcioro pracowników naszego Centrum odwiedziło Bergen"
    r"pracowni\w+\s+nasz\w+\s+(?:\w+\s+){0,2}?odwiedzi(?:ł|ła|ło|li|ły)\b)\b",
    re.I,
)
INCOMING_CUES = re.compile(
    # "gościli w Wiedniu": MOPS staff were guests abroad, not hosts
    r"\b(przyjecha\w*|przybył\w*|przyjazd\w*|goście|gości(ł|li|ła|ło)?(?!\s+we?\s+(?-i:[A-ZŁŚŻ])(?!rakow))|"
    r"podejmowa\w*|"
    r"do Krakowa|odwiedzi\w* (Kraków|MOPS|Miejski)|(Kraków|MOPS|Ośrodek|Społecznej) odwiedzi\w*|"
    # the home's own voice: "odwiedzili nas", "gościliśmy", "nasz Ośrodek odwiedziła"
    r"odwiedzi\w* nas\b|nas odwiedzi\w*|nasz\w* \w+ odwiedzi\w*|gościliśmy|przyjęliśmy|"
    # held at MOPS: "w MOPS odbyło się spotkanie", "w siedzibie MOPS"
    r"w (siedzibie )?(MOPS|Miejskim Ośrodku Pomocy)(?= (odby\w+|zorganizowan\w+|gości\w*|przyję\w+)))\b",
    re.I,
)

# a city's own administration in its language: "przedstawiciele Comune di Firenze", "delegacja Stadt Wien"
MUNICIPAL = (
    r"comune|stadt|gemeente|ayuntamiento|ajuntament|municipi|mairie|ville de|kommun|city council|council of|"
    r"landratsamt|landkreis|bezirksamt|rathaus|mesto|město|mestsk|městsk|savivaldyb|"
    r"\w+sk[ýy]\s+(?:samosprávny\s+)?kraj\b"  # a Czech or Slovak region as a body: "Moravskoslezský kraj"
)
# participants: the kind of the foreign people; first cue in the heading, else the body's strongest
PARTICIPANT_CUES: list[tuple[str, str]] = [
    ("students", r"studen(t|c)\w*|słuchacz\w*"),
    (
        "academics",
        r"wykładowc\w*|naukowc\w*|pracowni\w+ naukow\w*|profesor\w*|akademi(k|cy)\w*|badacz\w*|"
        # a delegation, representatives or staff of a university: its academics, not officials
        r"(delegacj|przedstawiciel|pracowni|kadr)\w* (\w+\s+){0,3}?(uniwersyte|uczelni|akademi[ia]|politechni|"
        r"wyższ\w* szkoł|szkoł\w* wyższ|universit|hochschul|hogeschool|college)\w*",
    ),
    (
        "youth",
        r"młodzież\w*|młodzi ludzie|młodych ludzi|uczni(owie|ów)|licealist\w*|gimnazjalist\w*|nastolat\w*",
    ),
    ("volunteers", r"wolontariusz\w*|volunteers|(?:po\s+)?(?:rok\w*|miesiąc\w*|miesiącach)\s+wolontariatu"),
    (
        "officials",
        r"delegacj\w* (\w+\s+){0,2}?(rządow|ministerst|urzęd|władz|samorząd|parlament|departament|rad[yzą]|"
        # ... not a regional or a city's centre of services ("delegacja Obwodowego Centrum Pomocy Rodzinie")
        r"wydział|miast|region|obwod|gmin|prowincj|kraju|land)\w*+(?!\s+(?:\w+\s+)?centr\w*\s+(?:usług|pomocy|wsparci))|"
        r"urzędni\w*|radn\w+|burmistrz\w*|"
        # the staff of a named administration: "pracownikami Departamentu Polityki Społecznej … Administracji" (not
        # a university's "pracowników administracji")
        r"pracowni\w+ (?:[a-ząćęłńóśźż]+\s+)?(?-i:Departament|Ministerst|Urzęd|Administracj|Magistrat|Starostw)\w*|"
        r"prezydent\w* miasta|ministr\w*|wiceministr\w*|samorządowc\w*|konsul\w*|ambasador\w*|dyplomat\w*|"
        r"radc\w* (?:ds\.|do spraw|ambasad|handlow|minist)\w*|"  # an embassy's counsellor
        r"(?:nad|wice)burmistrz\w*|starost(?!w)\w*|mer(?:a|em|owi)?\b|deputowan\w*|"
        r"przewodnicząc\w* (\w+\s+){0,2}?(rad[yzą]|sejmik|zgromadze)\w*|przedstawiciel\w* (władz|ministerstw|"
        r"rządu|urzęd|samorząd|gmin|miast|region|parlament|magistrat|(\w+\s+)?republik|(\w+\s+)?królestw|"
        r"(\w+\s+){0,2}administracj|wydział|departament|rad[yzą] (miejsk|miast|gmin|obwod|region)|"
        + MUNICIPAL
        + r")\w*|posł\w*|senator\w*|"
        r"parlamentarzyst\w*|delegacj\w* (\w+\s+){0,2}?(" + MUNICIPAL + r")\w*|"
        # English project pages: "representatives of the partner cities", "city officials"
        r"(representatives|delegates|delegations) of (the )?(\w+ )?(cit(y|ies)|municipalit|ministr|government)\w*|"
        r"officials|mayors?\b",
    ),
    (
        "professionals",
        # "pracownicy francuskiej organizacji …" (an adjective between; not the home's "naszego ośrodka")
        r"pracowni\w+ socjaln\w*|pracowni\w+ (?:(?!nasz|tamtejsz|miejscow|lokaln)[a-ząćęłńóśźż]+\s+)?"
        r"(organizacj|ośrod|służb|instytucj|placówek|jednost|centr[óu]\w* (usług|pomocy|wsparci|socjaln)|stowarzysze|"
        r"fundacj|fundusz\w* społeczn|"
        r"dom\w* (pomocy|opieki|senior|dziecka))\w*|"
        r"przedstawiciel\w* ((?-i:[a-ząćęłńóśźż]+)\s+)?(organizacji pozarządow|służb|placówek|ośrodk|caritas|stowarzysze|fundacj)\w*|"
        # ... of a social services centre, its name's adjectives between ("Lwowskiego Miejskiego Centrum Usług")
        r"(przedstawiciel|pracowni|delegacj)\w* (\w+\s+){0,2}?centr\w* (usług|pomocy|wsparci)\w*|"
        # ... of an organisation named ("organizacji Volkshilfe Wien"), not of some ("organizacji z Włoch")
        r"przedstawiciel\w* organizacj\w* (?-i:[A-ZĄĆĘŁŃÓŚŹŻ„\"])|"
        # ... or of a body named in its own language as a charity or an association ("przedstawicieli Leeds Housing
        # Association", "Mersey Community Trust")
        r"przedstawiciel\w* (?-i:(?:[A-Z][\w-]*\s+){0,3}(?:Association|Community|Foundation|Trust|Charity|Society|"
        r"Hilfswerk|Diakonie|Caritas|Stiftung|Verein))|"
        r"służb\w* społeczn\w*|"
        r"specjali(st|ści)\w*|streetworker\w*|pracowni\w+ ulicy|terapeu\w*|psycholo(g|dz)\w*|pedago(g|dz)\w*|kadr\w+|praktycy|praktyk(ów|ami|om)|"
        r"(dyr\.|dyrektor\w*|kierowni\w*)\s+(\w+\s+){0,3}?(szkoł|centrum|centrów|ośrod|placów|domu|domów|"
        r"schronisk|przedszkol|poradni)\w*|"
        # carers, not the family carers a text is about ("wspierać opiekunów osób z demencją") nor a club's
        # companions ("członków i opiekunów Klubu dôchodcov", "seniorów … wraz z opiekunkami")
        r"asystent\w* rodzin\w*|(?<!wraz z )opiekun\w++(?!\s+(?:rodzinn|faktyczn|nieformaln|osób|osoby|klub))|pielęgniar\w*|lekarz\w*|dyrektor\w* (ośrod|placówek|domów)\w*|"
        r"nauczyciel\w*|policjan\w*|kurator\w* sądow\w*|sędzi\w*|mediator\w*|animator\w*|social worker\w*|"
        r"doradc\w* (?:zawodow|socjaln|rodzinn|zawodu)\w*|"
        r"practitioners|professionals",
    ),
]
# the rest of a name may stand between ("przedstawiciele Obwodowej Administracji Wojskowej oraz pracownicy …",
# "Ministerstwa Pracy i Spraw Społecznych Republiki Armenii oraz pracownicy …")
JOINED = re.compile(
    r"(\s+(?:[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*|(?:i|do|ds\.|na|dla)(?=\s+[A-ZĄĆĘŁŃÓŚŹŻ]))){0,8}\s*(,|i|oraz|a także)\s+(\w+\s+)?"
)
# a bare delegation or "representatives of <city>": officials unless the text says more
WEAK_OFFICIALS = re.compile(r"(?<!\w)(?:delegacj\w*|delegations?\b)", re.I)
_PARTICIPANT_RX = [(k, re.compile(r"(?<!\w)(" + p + r")", re.I)) for k, p in PARTICIPANT_CUES]
_PARTICIPANT_SCAN = CueScan([p for _k, p in PARTICIPANT_CUES])  # the same matches, all cues in one scan


class _Hit:
    """A participant cue's match found by the scan, with the match object's start(), end() and group()."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text[self._start : self._end]


# a cue followed by MOPS or one of its units describes the hosts, not the visitors
HOSTS_AFTER = re.compile(r"\s+(\w+\s+)?(MOPS|Miejskiego|Ośrodka|Działu|Zespołu|Filii|Klubu|Punktu|Centrum)\b")
# a cue that is the object of a theme describes what was discussed, not who came: "wymiany wolontariuszy",
# "rekrutacji wolontariuszy", "pracy z młodzieżą"
THEME_BEFORE = re.compile(
    r"(?<!\w)(?:wymian|koordynacj|rekrutacj|pozyskiwani|"
    r"(?:prac[yaąę]|pracowa\w*|wspiera\w*|wsparci\w*|opiek\w*|przeznaczon\w*|skierowan\w*|adresowan\w*)"
    r"\s+(?:z|dla|nad)(?:\s+\w+\s+(?:i|oraz))?)\w*\s+$",
    re.I,
)
# kinds of people whose word, capitalised in mid-sentence, is a part of a name
NAMED_GROUPS = {"youth", "students", "volunteers"}
# whom the visitors met are the hosts: "spotkają się m.in. z przedstawicielami Fundacji …"
MET_BEFORE = re.compile(
    r"spotka\w*\s+się\s+(?:\S+\s+){0,2}?z\s+(?:[^\s.;]+\s+){0,4}?(?:(?:i|oraz)\s+(?:[^\s.;]+\s+){0,2}?)?$",
    re.I,
)  # ... and whom besides: "spotkali się z burmistrzem Adamem Lisem i radnymi gminy"
# ... and so is the mayor whose meeting they attend: "wezmą udział w spotkaniu z burmistrzem" (the staff of a home
# attend one with the guests: "uczestniczyli w spotkaniu z urzędnikami Lipska")
MAYOR_MET = re.compile(r"(?:udział\w*|uczestnicz\w*)\s+w\s+spotkani\w*\s+z\s+$", re.I)
MAYOR = re.compile(r"(?:burmistrz|prezydent|wójt|starost|marszał)", re.I)
# ... unless the home's people met them: "Dyrektor MOPS spotkała się z radcą ambasady …" (the guest is met)
MET_BY_HOME = re.compile(
    r"(?:MOPS|Ośrod\w+|[Dd]yrektor\w*|[Kk]ierowni\w*)\s+(?:\S+\s+){0,2}?spotka\w*\s+się\s"
)
# whose work the visitors saw are the hosts: "poznawali pracę naszych asystentów rodziny", "pracy tamtejszych
# pracowników socjalnych"
SEEN_BEFORE = re.compile(
    r"(?:(?<!\w)prac[yęą]\s+(?:\w+\s+)?|(?<!\w)(?:nasz|nasi|tamtejsz|miejscow|lokaln|krakowsk|polsk)\w*\s+)$",
    re.I,
)
# the home country's people, not the foreign side: "pracownicy ośrodków pomocy społecznej … z Małopolski"
LOCAL_AFTER = re.compile(
    r"(?:[\s,]+[^\s.;:,]+){0,9}?\s+z\s+(?:całej\s+|całego\s+|naszej\s+|naszego\s+|tej\s+|tego\s+)?"
    r"(?:Polski|Małopolski|regionu|województwa|powiatu|terenu|gminy|kraju|miasta)\b"
    # ... unless foreign people are joined to them: "… z województwa śląskiego oraz z Ostrawy"
    r"(?!(?:\s+\w+)?(?:\s*,|\s+oraz|\s+i|\s+a także)\s+(?:z|ze)\s+[A-ZĄĆĘŁŃÓŚŹŻ])"
)
# who opened the meeting or welcomed the guests is a host: "Spotkanie otworzył starosta raciborski"
HOST_BEFORE = re.compile(
    r"(?<!\w)(?:otworzy\w*|powita\w*|przywita\w*|przyją\w*|przyję\w*)\s+(?:\w+\s+){0,2}$", re.I
)
# a sentence that adds who else attended and names nothing foreign describes the hosts' side: "W spotkaniu
# uczestniczyli przedstawiciele gorzowskich stowarzyszeń … oraz radni", "Wizycie towarzyszył burmistrz"
ATTENDED = re.compile(r"(?<!\w)(?:uczestnicz\w*|udział\w*|obecn\w*|towarzysz\w*)", re.I)
FROM_PLACE = re.compile(r"(?<!\w)(?:z|ze)\s+(?-i:[A-ZĄĆĘŁŃÓŚŹŻ])")
GUESTS = re.compile(
    r"(?<!\w)(?:goś\w*|gości\w*|delegac\w*|zagraniczn\w*|partner\w*|przyjecha\w*|przybył\w*)", re.I
)


def _hosts_attending(text: str, pos: int, place_words: set[str]) -> bool:
    start = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    stop = SENTENCE_STOP.search(text, pos)
    sentence = text[start : stop.start() if stop else len(text)]
    return (
        ATTENDED.search(sentence) is not None
        and GUESTS.search(sentence) is None
        and FOREIGN_SIDE.search(sentence) is None  # "ponad 150 osób z 12 krajów"
        and FROM_PLACE.search(sentence) is None  # "… z Solecznik i z Olity": maybe foreign places
        and not any(w and w in sentence for w in place_words)
    )


# "przedstawicielami Barcelony", "przedstawicielom Hiszpanii": representatives of a city or country
REPRESENTATIVES_OF_PLACE = re.compile(r"przedstawiciel\w*\s+(?P<place>[A-ZĄĆĘŁŃÓŚŹŻ]\w+)")


@dataclass(frozen=True)
class Cue:
    value: str
    start: int  # offsets into the text searched
    end: int


def classify_type(title: str, body: str) -> tuple[str, Cue | None, bool]:
    """(type, the cue that decided it with its offset in title+"\\n"+body, whether it was in the title)."""
    kind, cue, in_title, _margin = classify_type_margin(title, body)
    return kind, cue, in_title


# a sentence about a later event ("Kolejne spotkanie partnerów zaplanowano we wrześniu", "Partnerzy zaplanowali
# wizytę studyjną …"): what will happen does not type what happened
PLANNED = re.compile(r"(?<!\w)(?:zaplanowa\w*|planuj\w*|planowan\w*|odbędzie\s+się|odbędą\s+się)", re.I)
SENTENCE_STOP = re.compile(r"[.!?\n]")


# where a clause of a sentence begins: "Partnerzy omówili postępy projektu[, uzgodnili budżet][ i zaplanowali …]"
CLAUSE_START = re.compile(r"[.!?\n,;]|\s(?:i|oraz|a)\s")


# a plan made at the event: what the partners did there ("… uzgodnili budżet i zaplanowali szkolenia")
PLANNED_THERE = re.compile(r"zaplanowa(?:li|ły|ł|ła|no)\b", re.I)


def _without_plans(body: str) -> str:
    """The body with its sentences about later events blanked (offsets kept); of a plan made at the event,
    only its clause."""
    for m in PLANNED.finditer(body):
        opening = CLAUSE_START if PLANNED_THERE.match(m.group()) else SENTENCE_STOP
        start = max((c.end() for c in opening.finditer(body, 0, m.start())), default=0)
        stop = SENTENCE_STOP.search(body, m.end())
        end = stop.end() if stop else len(body)
        body = body[:start] + " " * (end - start) + body[end:]
    return body


def classify_type_margin(title: str, body: str) -> tuple[str, Cue | None, bool, float]:
    """classify_type and the winner's lead over the runner-up as a share of its score (0: a tie, 1: no
    rival): how clearly the text decides, for the value's confidence."""
    body = _without_plans(body)
    scores: dict[str, float] = {}
    happened: dict[str, float] = {}  # the body's cues of what happened, without naming words
    best_cue: dict[str, tuple[float, Cue, bool]] = {}
    title_found, body_found = _TYPE_SCAN.find(title), _TYPE_SCAN.find(body)
    for (kind, weight, naming), title_spans, body_spans in zip(
        _TYPE_CUE_LIST, title_found, body_found, strict=True
    ):
        for spans, w, base, titled in (
            (title_spans, weight * TITLE_WEIGHT, 0, True),
            (body_spans, weight, len(title) + 1, False),
        ):
            for a, b in spans:
                scores[kind] = scores.get(kind, 0) + w
                if not (titled or naming) and weight >= STRONG:
                    happened[kind] = happened.get(kind, 0) + w
                if kind not in best_cue or w > best_cue[kind][0]:
                    best_cue[kind] = (w, Cue(kind, base + a, base + b), titled)
    if not scores:
        return "StudyVisit", None, False, 0.0
    meeting, visit = happened.get("Meeting", 0), happened.get("StudyVisit", 0)
    if TALKS.search(body) and not SHOWN.search(body) and not SHOWN.search(title):
        meeting, visit = meeting + ONLY_TALKED, 0  # being hosted is no more than the talks' setting
    # strong cues decide outright: a gift is a donation however it is headed, a symposium a conference
    if scores.get("Donation", 0) >= 4:
        kind = "Donation"
    elif (
        # talks on working together, or a tour being shown how the host works, whatever the heading's word
        max(meeting, visit) >= DECIDES
        and max(meeting, visit) >= LEAD * min(meeting, visit)
        and scores.get("Conference", 0) < max(scores.get("Meeting", 0), scores.get("StudyVisit", 0))
    ):
        kind = "Meeting" if meeting > visit else "StudyVisit"
    else:
        kind = max(scores, key=lambda k: (scores[k], k == "StudyVisit"))
    _w, cue, in_title = best_cue[kind]
    rival = max((v for k, v in scores.items() if k != kind), default=0.0)
    return kind, cue, in_title, max(0.0, (scores[kind] - rival) / scores[kind])


# in a heading, representatives of a charity or an association are its staff (in a body they may be hosts)
CHARITY_STAFF = re.compile(
    r"(?<!\w)przedstawiciel\w* (?:\w+\s+){0,2}?(?:caritas|diakoni\w*|fundacj\w*|stowarzysz\w*|stiftung|"
    r"verein\w*|towarzystw\w*|organizacj\w*)",
    re.I,
)


# a line that introduces the visitors' list: "delegacja z Podola w składzie:", "W wizycie uczestniczyli:"
LIST_INTRO = re.compile(
    r"(?:składzie|skład|delegacj\w*|goście|gości|przyjecha\w*|uczestni\w*|reprezent\w*|udział\s+wzięli)[^\n]{0,40}:[ \t]*$",
    re.I | re.M,
)
LIST_ITEM = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-–—•·▪●○*])[ \t]+(?P<item>[^\n]+)", re.M)


def _listed_kinds(body: str) -> Cue | None:
    """A list of the delegates under a line that introduces them, their roles of two kinds or more: a mixed
    group ("… w składzie: • X – dyrektor centrum usług socjalnych; • Y – deputowana rady obwodowej")."""
    for intro in LIST_INTRO.finditer(body):
        kinds: set[str] = set()
        pos, end = intro.end(), intro.end()
        while (item := LIST_ITEM.match(body, pos + len(re.match(r"\s*", body[pos:]).group()))) is not None:
            kinds |= {k for k, rx in _PARTICIPANT_RX if rx.search(item["item"])}
            # a delegate given by the body they work for: an administration's or a service's
            kinds |= {"officials"} if ADMINISTRATION.search(item["item"]) else set()
            kinds |= {"professionals"} if SERVICES.search(item["item"]) else set()
            pos = end = item.end()
        if len(kinds) >= 2:
            return Cue("mixed", intro.start(), end)
    return None


# a sentence that says who the visitors were: "W skład delegacji weszli przedstawiciele Magistratu … oraz organizacji
# …", "Razem z urzędnikami przyjechali pracownicy fundacji …", "MOPS gościł przedstawicieli Stadt X, Caritasverband X"
DELEGATION = re.compile(
    r"(?<!\w)(delegacj|w skład|przyjecha|gości(ł|li|liśmy)\b|goście|gośćmi|odwiedzi(ł|ła|li|ły)\b|reprezentowa\w*|"
    r"przyj(ął|ęła|ęli|ęliśmy|mował\w*)\b|podejmowa\w*|"  # hosted: "MOPS przyjął przedstawicieli …"
    r"uczestnicy\s*:)",  # a record's field: "Uczestnicy: przedstawiciele Comune di … i stowarzyszenia …"
    re.I,
)
MEMBERS = re.compile(r"(?<!\w)(przedstawiciel\w*|pracowni\w*|urzędni\w*)", re.I)
ADMINISTRATION = re.compile(
    r"(?<!\w)(magistrat\w*|administracj\w*|rad[ayzą]\w* (miejsk|miast|obwodow|rejonow|gmin|powiat)\w*|urzęd\w*|"
    r"departament\w*|ministerst\w*|starostw\w*|urzędni\w*|(?-i:Stadt|Comune|Landkreis|Sozialamt|Magistrát)|"
    r"(?-i:Landratsamt|Kreisverwaltung|Stadtverwaltung|Bezirksamt|Rathaus)|samospráv\w*|"  # German offices; self-government
    r"(?-i:Statutárn\w*)|"  # a Czech statutory city ("Statutárního města Ostravy")
    r"(?-i:odbor\w*|úrad\w*|Mestsk\w*|Městsk\w*|Magistrát\w*))",  # Czech and Slovak offices
    re.I,
)
SERVICES = re.compile(
    r"(?<!\w)(fundacj\w*|stowarzysz\w*|caritas\w*|organizacj(?!\w* miejsk)\w*|diakon\w*|placów\w*|"
    r"centr\w* (?:\w+\s+)?(?:usług|obsług|pomocy|wsparci)\w*|"
    r"(?-i:[A-Z]\w*verband|Onlus|Stiftung)|pracowni\w+ socjaln\w*|"
    r"dom\w* (?:senior|pomocy|dziecka|opieki|dla)\w*|charit\w*|sociáln\w* služ\w*|"  # care homes; Czech, Slovak
    r"rodzic\w* zastępcz\w*)",  # foster parents beside officials
    re.I,
)
# the hosts: "przyjęli ich pracownicy Urzędu Miasta Krakowa", "pracownicy naszego Ośrodka" (not "do Krakowa"); a
# city's own organisation ("organizacji miejskiej") is of its administration; on a trip, a unit's staff are the
# home's ("dwóch streetworkerów Działu Pomocy Bezdomnym uczestniczyło …")
HOST_SIDE = re.compile(
    r"\s+(?:\S+\s+){0,3}?(?<!do )(?:Krak\w*|MOPS|Miejskiego Ośrodka|nasz\w*)\b|\s+(?-i:Dział\w*|Filii)\b"
)


# the visitors named by their profession, no official among them
PROFESSION_FIRST = re.compile(r"pracowni\w+ socjaln\w*(?![^.;]*urzędni)", re.I)


def _mixed_delegation(body: str) -> Cue | None:
    """A sentence about the visitors that names both public administration and social services or NGOs among
    them: a mixed group."""
    for m in re.finditer(r"[^.!?\n]+", body):
        sentence = m.group()
        members = MEMBERS.search(sentence)
        if not (DELEGATION.search(sentence) and members):
            continue
        rest = sentence[members.start() :]
        if PROFESSION_FIRST.match(rest):
            continue  # "pracownicy socjalni i terapeuci z Fundacji …, Wydziału …": their work, not employers
        admin = [x for x in ADMINISTRATION.finditer(rest) if not HOST_SIDE.match(rest, x.end())]
        services = [x for x in SERVICES.finditer(rest) if not HOST_SIDE.match(rest, x.end())]
        if admin and services and not _one_group_by_employer(rest, admin[0], services[0]):
            return Cue(
                "mixed",
                m.start() + members.start(),
                m.start() + members.start() + max(admin[-1].end(), services[-1].end()),
            )
    return None


def _one_group_by_employer(rest: str, admin: re.Match, services: re.Match) -> bool:
    """The visitors' own word names one kind and the other is their employer: "delegację pracowników socjalnych
    z Miejskiego Urzędu w Bardejowie" are social workers, not officials beside them."""
    first, second = sorted((admin, services), key=lambda x: x.start())
    return first.start() == 0 and EMPLOYER_BETWEEN.fullmatch(rest, first.end(), second.start()) is not None


EMPLOYER_BETWEEN = re.compile(r"\s+(?:z|ze)\s+(?:(?!(?:i|oraz|a)\s)[^\s,]+\s+){0,3}")


# a network's city officials with its experts: "urzędnicy miejscy i eksperci z Lizbony" (experts alone say little)
OFFICIALS_AND_EXPERTS = re.compile(r"(?<!\w)urzędni\w*(?:\s+\w+){0,3}?\s+(?:i|oraz)\s+eksper(?:t|c)\w*", re.I)


def _foreign_after(text: str, end: int, place_words: set[str]) -> bool:
    """A foreign place later in the phrase: the body named is the visitors' ("przedstawicieli Centrum Usług
    Socjalnych Samorządu Miasta Wilna"), not one of the hosts' units."""
    stop = SENTENCE_STOP.search(text, end)
    phrase = text[end : min(stop.start() if stop else len(text), end + 100)]
    return any(w and w in phrase for w in place_words)


# a group named by its head noun: "grupa studentów", "delegacja urzędników"
GROUP_HEAD = re.compile(r"(?:grup\w*|delegacj\w*|zesp[oó]ł\w*)\s+(?:\w+\s+)?$", re.I)


def _two_groups(text: str, hits: list[tuple[int, str, re.Match | _Hit]]) -> tuple[int, int] | None:
    """Two groups of different kinds in one sentence, each named by its head ("6 marca odwiedziła nas grupa
    studentów …, a 15 marca delegacja urzędników …"): a mixed visit; the span from the first to the second."""
    heads = sorted(
        (m.start(), kind, m)
        for _s, kind, m in hits
        if m.group().lower().startswith("delegacj")
        or GROUP_HEAD.search(text, max(0, m.start() - 30), m.start())
    )
    for (a, kind_a, ma), (b, kind_b, mb) in zip(heads, heads[1:], strict=False):
        if kind_a != kind_b and not SENTENCE_STOP.search(text, ma.end(), b):
            return a, mb.end()
    return None


def find_participants(title: str, body: str, place_words: set[str]) -> tuple[str | None, Cue | None]:
    """The kind of the foreign people, with the cue (offset into title+"\\n"+body): the heading's first
    cue, else the body's (officials before professionals when both are named), else a bare delegation or
    representatives of a foreign place."""
    listed = _listed_kinds(body) or _mixed_delegation(body)
    if listed is None and (both := OFFICIALS_AND_EXPERTS.search(body)):
        listed = Cue("mixed", both.start(), both.end())
    if listed is not None:
        return "mixed", Cue("mixed", len(title) + 1 + listed.start, len(title) + 1 + listed.end)
    weak = []
    found: list[tuple[str, Cue]] = []  # the heading's answer, then the body's
    for text, base in ((title, 0), (body, len(title) + 1)):
        hits = []
        for (kind, _p), spans in zip(PARTICIPANT_CUES, _PARTICIPANT_SCAN.find(text), strict=True):
            for m in (_Hit(text, a, b) for a, b in spans):
                before = text[max(0, m.start() - 60) : m.start()]
                if (
                    not (HOSTS_AFTER.match(text, m.end()) and not _foreign_after(text, m.end(), place_words))
                    and not THEME_BEFORE.search(before)
                    and not (MET_BEFORE.search(before) and not MET_BY_HOME.search(before))
                    and not (MAYOR_MET.search(before) and MAYOR.match(text, m.start()))
                    and not SEEN_BEFORE.search(before)
                    and not HOST_BEFORE.search(before)
                    and not LOCAL_AFTER.match(text, m.end())
                    and not (base and _hosts_attending(text, m.start(), place_words))
                    # "Centrum … Dzieci i Młodzieży": a group's word inside a name (a person's title such as
                    # "Nadburmistrza" is often capitalised out of courtesy; headings may be Title Case)
                    and not (base and kind in NAMED_GROUPS and inside_name(text, m.start(), m.end()))
                ):
                    hits.append((m.start(), kind, m))
        if not base:
            hits += [(m.start(), "professionals", m) for m in CHARITY_STAFF.finditer(text)]
        for m in REPRESENTATIVES_OF_PLACE.finditer(text):
            if any(w.split()[0] == m["place"] for w in place_words if w.split()):
                weak.append((base, m))
        for m in WEAK_OFFICIALS.finditer(text):
            weak.append((base, m))
        if base and (two := _two_groups(text, hits)) is not None:
            found.append(("mixed", Cue("mixed", base + two[0], base + two[1])))
            break
        if hits:
            # two kinds joined in one phrase: "studentów i wykładowców", "urzędnicy oraz pracownicy socjalni"
            for _start, kind, m in sorted(hits, key=lambda h: h[0]):
                joined = [
                    h
                    for h in hits
                    if h[1] != kind and h[0] > m.end() and JOINED.fullmatch(text, m.end(), h[0])
                ]
                if joined:
                    found.append(("mixed", Cue("mixed", base + m.start(), base + joined[0][2].end())))
                    break
            else:
                kinds = {k for _, k, _ in hits}
                if base and {"officials", "professionals"} <= kinds:
                    hits = [h for h in hits if h[1] == "officials"]
                _start, kind, m = min(hits, key=lambda h: h[0])
                found.append((kind, Cue(kind, base + m.start(), base + m.end())))
            # the heading decides, unless the body tells of a mixed group ("Ukraińscy urzędnicy …" / "…
            # przedstawiciele administracji oraz pracownicy socjalni")
            if base or found[0][0] == "mixed":
                break
    if found:
        return found[-1] if found[-1][0] == "mixed" else found[0]
    if weak:
        base, m = weak[0]
        return "officials", Cue("officials", base + m.start(), base + m.end())
    return None, None


# on a trip abroad the foreign side is read only where the text says who of them took part: a sentence with a
# verb of taking part or a meeting "with" people, and a foreign place, "ze strony francuskiej" or "z 30 krajów"
# ("W forum uczestniczyło 200 osób z Polski i Ukrainy – urzędnicy, naukowcy …", "spotkanie robocze z urzędnikami
# Lipska"); a description of the hosts' institutions does not say it (GOLD-CONVENTIONS.md, clarifications)
TOOK_PART = re.compile(
    r"(?<!\w)(?:uczestnicz\w*|udział\w*|zgromadzi\w*|ze\s+strony\s+\w+|spotkani\w*\s+(?:\w+\s+)?z)(?!\w)",
    re.I,
)
FOREIGN_SIDE = re.compile(r"(?<!\w)(?:ze\s+strony\s+\w+|z\s+\d+\s+kraj\w*|krajów\s+Europy)", re.I)


NAMES_BODIES = re.compile(r"(?:przedstawiciel|delegacj)\w*", re.I)
HOME_STAFF = re.compile(r"(?<!\w)(?-i:Ośrod\w*|MOPS|MOPR|Krak\w*)")
ONE_PERSON_BEFORE = re.compile(r"(?-i:[A-ZĄĆĘŁŃÓŚŹŻ]\w+\s+[A-ZĄĆĘŁŃÓŚŹŻ][\w-]+)\s*(?:,|–|-)\s*$")


# the words between a kind of people and the home's name that says they are the home's: "pięcioro pracowników
# Powiatowego Centrum …", "pracownicy naszego …" are the travellers, not the foreign side
OF_HOME = re.compile(r"\s+(?:\S+\s+){0,2}")


def find_participants_abroad(
    body: str, place_words: set[str], home_names: Iterable[int] = ()
) -> tuple[str | None, Cue | None]:
    """The kind of the foreign people at an event abroad, with its cue (offset into `body`), from the
    sentences that say who of them took part; else none. `home_names`: where the home's name begins in
    `body` (its people there are the travellers)."""
    for m in re.finditer(r"[^.!?\n]+", body):
        sentence = m.group()
        if not TOOK_PART.search(sentence):
            continue
        if not (FOREIGN_SIDE.search(sentence) or any(w and w in sentence for w in place_words)):
            continue
        rest = 0  # the home's people named first, the foreign side may follow: "… pracownicy Ośrodka
        # uczestniczyli w spotkaniu z pracownikami socjalnymi z Drezna"
        while True:
            who, cue = find_participants("", sentence[rest:], place_words)
            if who is None:
                break
            # find_participants counts from an empty title's "\n"
            a, b = rest + cue.start - 1, rest + cue.end - 1
            if NAMES_BODIES.match(sentence, a) or ONE_PERSON_BEFORE.search(sentence, 0, a):
                break  # representatives or a delegation of a body, one person ("Katrin Schulze, kierowniczka …")
            if not (
                HOME_STAFF.search(sentence, a, b)
                or HOST_SIDE.match(sentence, b)  # the home's own people on the trip
                or any(_of_home(body, m.start() + a, m.start() + b, h) for h in home_names)
            ):
                return who, Cue(who, m.start() + a, m.start() + b)
            rest = b
    return None, None


def _of_home(body: str, a: int, b: int, home_at: int) -> bool:
    """Whether the people named at body[a:b] are the home's: its name begins inside the phrase ("pracowników
    Powiatowego Centrum …") or a word or two after it."""
    return a < home_at < b or (home_at >= b and OF_HOME.fullmatch(body, b, home_at) is not None)


# a gift's carriers: "Dary przywieźli wolontariusze …", "Transport przywiozło czworo wolontariuszy fundacji", not the
# drivers merely named ("którego wolontariusze prowadzili ciężarówki") nor the home's own ("nasi wolontariusze")
BROUGHT = re.compile(
    r"(?<!\w)(?:przywi(?:eź|ózł|ozł|ozi)\w*|dowi(?:eź|ózł|ozł|ozi)\w*|przyprowadzi\w*|przyjecha\w*|przybył\w*)",
    re.I,
)
CARRIERS = re.compile(r"(?<!\w)(?<!nasi )(?<!naszych )wolontariusz\w*", re.I)


def find_carriers(body: str) -> tuple[str | None, Cue | None]:
    """Volunteers who brought a gift from abroad, with the cue (offset into `body`); else none."""
    for m in re.finditer(r"[^.!?\n]+", body):
        carriers = CARRIERS.search(m.group())
        if carriers and BROUGHT.search(m.group()):
            return "volunteers", Cue("volunteers", m.start() + carriers.start(), m.start() + carriers.end())
    return None, None


# the kinds of help that, given "dla dzieci", make children a theme
HELP_WORDS = "psychologiczne psychologicznym psychologicznego pomoc pomocy wsparcie wsparcia wsparciu zajęcia zajęć opieka"
# topics: (topic, pattern). Order matters where one phrase would feed two topics: the first wins its span.
TOPIC_CUES: list[tuple[str, str]] = [
    # shelters for women and mothers are a violence service, not homelessness (they come first and keep the span)
    (
        "domestic_violence",
        r"przemoc\w*|ofiar\w* przemocy|matek z dziećmi|domestic violence|"
        r"(?:schronisk|hostel|dom|mieszka)\w* (?:\w+ )?dla (?:(?!bezdomn)\w+ )?(?:kobiet|matek)\w*",
    ),
    (
        "foster_care",
        r"piecz\w* zastępcz\w*|(rodzinn\w+ )?opiek\w* zastępcz\w*|rodzin\w* zastępcz\w*|"
        r"dom\w* dziecka|placów\w+ opiekuńczo\s*[-–]\s*wychowawcz\w*|usamodzielni\w*|foster care|"
        r"deinstytucjonalizac\w*(?= (\w+ ){0,2}(dzie|piecz))",
    ),
    (
        "children_and_families",
        r"kryzys\w* w rodzinie|wspiera\w* rodzin\w*|wsparci\w* (dla )?rodzin\w*|"
        r"prac\w* (socjaln\w* )?z rodzin\w*|asystent\w* rodzin\w*|dzieci i rodzin\w*|dzieckiem i rodziną|"
        r"rodzin\w* z (?:\w+ )?dziećmi|rodzin\w* dysfunkcyjn\w*|ochron\w* dzieci|dobr\w* dziecka|"
        r"pomocy dzieciom|polity(?:k|c)\w* rodzinn\w*|opiek\w* nad dzie\w*|rodzin\w* w kryzysie|"
        r"świadcze\w* rodzinn\w*|zasiłk\w* rodzinn\w*|prac\w* z dziećmi|family support|child welfare|"
        r"rodzin\w* wielodzietn\w*|dzieci z (?:\w+ )?rodzin(?!\w* zastępcz)\w*|"
        r"placów\w+ wsparcia dziennego|świetlic\w* (?:środowiskow|socjoterapeutyczn)\w*|"  # day support for children
        # help, care or support given to children (not a facility "dla dzieci", which is only toured); only
        # the last words, so that the kind of help keeps its own topic ("wsparcie psychologiczne dla dzieci")
        "(?:" + "|".join(f"(?<={w} )" for w in HELP_WORDS.split()) + r")dla dzieci(?!\w| i młodzież)|"
        r"dzieci i młodzież\w*",  # the stock pair is children and families, not youth on its own
    ),
    # psychiatry and psychological support, not psychiatrists or psychologists named among a staff's professions
    (
        "mental_health",
        r"psychiczn\w*|psychiatr(?:i|yczn)\w*|psychospołeczn\w*|mental health|"
        r"(?:wsparci|pomoc|opiek|poradnictw)\w* psychologiczn\w*",
    ),
    (
        "health_care",
        r"służb\w* zdrowia|ochron\w* zdrowia|opiek\w* zdrowotn\w*|zdrowotn\w*|szpital\w*|"
        r"medyczn\w*|zdrowi\w* publiczn\w*|health care|sprzęt\w* rehabilitacyjn\w*|(łóż|łóżk|materac)\w* (rehabilitacyjn|szpitaln|"
        r"przeciwodleżynow)\w*",
    ),
    (
        "older_people",
        r"osob\w* starsz\w*|osób starszych|senior\w*|wieku podeszł\w*|starzeni\w*|older people|"
        # home care, not the specialised care services of people with mental disorders
        r"(?<!specjalistyczne )(?<!specjalistycznych )(?<!specjalistycznymi )usług\w* opiekuńcz\w*|demencj\w*|alzheimer\w*|emeryt\w*|trzeciego wieku|"
        r"elderly|(active )?age?ing",
    ),
    # rehabilitation other than the hospital equipment above: for people with disabilities
    ("disability", r"niepełnospraw\w*|disabilit\w*|disabled|wózk\w* inwalidzk\w*|rehabilitac\w*"),
    (
        "homelessness",
        r"bezdomn\w*|bez domu|schronisk\w*|noclegow\w*|ogrzewal\w*|bez stałego miejsca zamieszkania|"
        r"wykluczeni\w* mieszkaniow\w*|housing first|homeless\w*|wohnungslos\w*",
    ),
    (
        "housing",
        r"mieszkalnictw\w*|mieszka\w* (socjaln|chronion|wspieran|wspomagan|treningow|komunaln)\w*|"
        r"polity(?:k|c)\w* mieszkaniow\w*|social housing",
    ),
    (
        "unemployment",
        r"bezroboc\w*|bezrobotn\w*|aktywizacj\w* zawodow\w*|reintegracj\w* zawodow\w*|"
        r"ryn(?:ek|k\w*) pracy|poszukując\w* pracy|zatrudnieni\w* socjaln\w*|ekonomi\w* społeczn\w*|"
        r"spółdziel\w* socjaln\w*|unemploy\w*|zatrudnieni\w* wspieran\w*|trener\w* pracy|"
        r"klub\w* integracji społecznej",  # a social integration club's work is vocational reintegration
    ),
    (
        "streetwork",
        r"streetwork\w*|street work|streetworker\w*|obniżonym progiem|niskoprogow\w*|outreach|"
        r"pedagog\w* ulicy|prac\w* na ulicy|dyżur\w* terenow\w*|pracowni\w* ulicy|zesp(?:ół|oł\w*) uliczn\w*",
    ),
    (
        "youth",
        r"(w środowisku|prac\w* z|dla|wśród|zagrożon\w*) młodzież\w*|młodzieży zagrożon\w*|"
        r"młodych ludzi|young people|youth work|"
        # the young as whom a problem strikes ("wykluczeniu społecznemu młodzieży"): only the last word, so
        # that the problem keeps its own topic
        r"(?:(?<=społecznemu )|(?<=społecznego )|(?<=zawodowej )|(?<=bezrobociu )|(?<=bezrobocia )|"
        r"(?<=uzależnieniom )|(?<=przestępczości )|(?<=bezdomności )|(?<=bezdomność )|(?<=ubóstwu )|(?<=ubóstwa ))"
        r"młodzieży",
    ),
    # volunteer work as a theme; visitors who are volunteers are participants, not a topic
    (
        "volunteering",
        r"wolontaria[tc]\w*|wolontaryjn\w*|(koordynacj|organizacj|rekrutacj|prac|wymian|pozyskiwani|angażowa|"
        r"zaangażowani|szkoleni|szkoli|przygotowani)\w* (\w+ )?wolontariusz\w*|"
        r"(prac\w*|współprac\w*) z wolontariusz\w*|rol\w* (\w+-)?wolontariusz\w*|"
        r"volunteering",
    ),
    (
        "social_exclusion",
        r"wykluczeni\w* społeczn\w*|wykluczon\w*|zagrożon\w* wykluczeniem|ubóstw\w*|ubog\w*|ubodzy|biedy|biedą|marginalizac\w*|"
        r"włączeni\w* społeczn\w*|(wsparci|pomoc|potrzeb)\w* materialn\w*|trudn\w* sytuacj\w* materialn\w*|materialn\w* (wsparci|pomoc)\w*|"
        r"(?-i:integracj\w* społeczn\w*)|inkluzj\w*|obszar\w* zdegradowan\w*|(?-i:social inclusion|inclusion|INCLUSION)|"
        # English words in lower case, or a project's acronym ("URB-INCLUSION"); a title's "Active Inclusion
        # Network" names a network
        r"(?-i:poverty|social exclusion|exclusion|POVERTY|EXCLUSION)",
    ),
    (
        "urban_development",
        r"rozw\w* obszarów miejskich|rozw\w* miast\w*|rozw\w* miejsk\w*|rewitalizac\w*|"
        r"urban development|urban regeneration|polity(?:k|c)\w* miejsk\w*",
    ),
    (
        "community_development",
        # not services given "w społeczności lokalnej" instead of in institutions (deinstitutionalisation)
        r"aktywności lokalnej|aktywizacj\w* lokaln\w*|(?<!świadczonych w )(?<!świadczone w )(?<!usług w )"
        r"(?<!usługi w )społecznoś\w* lokaln\w*|"
        r"przedstawiciel\w* mieszkańców|mieszkańc\w* (dzielnic|osiedl)\w*|sąsiedzk\w*|"
        r"partycypac\w*|animac\w* lokaln\w*|organizowani\w* społeczności|"
        r"community development",
    ),
    (
        "welfare_system",
        r"system\w* pomocy społecznej|"
        # social services as a theme ("funkcjonowanie usług społecznych", "rozmawiano o usługach społecznych"), not
        # a body's, a department's or a project's name ("Centrum Usług Społecznych", "wydział usług społecznych")
        r"(?:funkcjonowani\w*|organizacj\w*|system\w*|katalog\w*|rozw\w*|reform\w*|model\w*|zakres\w*|"
        r"świadcz\w*|dostęp\w*|koordynac\w*|o|dotycząc\w*)\s+(?-i:usług\w* społeczn\w*)"
        # ... not the services of one group, which are its theme ("o usługach społecznych dla seniorów")
        r"(?!\s+dla\s+(?!mieszkańc|obywatel|ludności|wszystkich))|"
        # how welfare works: "jak funkcjonuje pomoc społeczna w Polsce"
        r"(?:jak|sposób)\s+(?:\w+\s+)?(?:funkcjonuj|działa|wygląda|jest\s+zorganizowan)\w*\s+(?:\w+\s+)?"
        r"(?-i:(?:pomoc|opiek|polityk)\w*\s+(?:społeczn|socjaln)\w*|system\w*)|"
        r"funkcjonowani\w* (Miejskiego Ośrodka|MOPS|ośrodka|"
        r"pomocy społecznej|systemu (pomocy|opieki) społecznej)|działalnoś\w* (Miejskiego Ośrodka|MOPS)|"
        r"struktur\w* (MOPS|Miejskiego Ośrodka|ośrodka)|"
        r"zada\w* (oraz specyfik\w* pracy )?(MOPS|MOPR|OPS|Miejskiego Ośrodka|Ośrodka|ośrodka)|"
        r"(?:działalnoś|prac[ęyą]\b)\w* nasz\w* (?-i:Ośrod\w*|Centrum)(?!\s+(?-i:[A-ZĄĆĘŁŃÓŚŹŻ]))|"  # an introductory visit
        # how help is granted: "zasady udzielania pomocy społecznej", "zasady przyznawania świadczeń"
        r"przyznawani\w* (?:\w+ )?świadcze\w*|"
        r"welfare system|"
        # social welfare as the theme: "w zakresie pomocy społecznej", "model pomocy społecznej", "dotyczącymi
        # opieki socjalnej" (lower case: "Ośrodek Pomocy Społecznej" is a name, not a theme)
        r"(?:organizacj\w*|zakres\w*|dziedzin\w*|obszar\w*|dotycząc\w*|zajmując\w*\s+się|model\w*|systemu?|sprawach|"
        r"udzielani\w*|"
        r"problematyk\w*|reform\w*)\s+(?-i:(?:pomoc\w*|opiek\w*|polityk\w*|zabezpieczeni\w*)\s+"
        r"(?:społeczn|socjaln)\w*)|"
        # social policy, care and benefits named in lower case; not a deputy mayor's remit ("ds. polityki społecznej")
        # (nor a department's name: "departamentu polityki społecznej", "Wydział Polityki Społecznej")
        r"(?<!ds\. )(?<!departamentu )(?<!departament )(?<!wydziału )(?<!wydział )(?<!działu )"
        r"(?-i:polity(k|c)\w* (społeczn|socjaln)|opiek\w* socjaln|zabezpieczeni\w* społeczn)\w*|zasiłk\w*",
    ),
]
# all topics' cues in one scan; a hashtag ("#wolontariat") tags the post, it tells no theme of the event
_TOPIC_SCAN = CueScan([r"(?<!#)(?:" + p + r")(?!\w)" for _t, p in TOPIC_CUES])
_HOMELESS = re.compile(r"(?<!\w)(?:" + dict(TOPIC_CUES)["homelessness"] + r")(?!\w)", re.I)
SUBJECT_BEFORE = re.compile(
    r"(działalnoś\w*|funkcjonowani\w*|pracą|pracę|pracy|zadaniami|ofertą)(\s+i\s+\w+)?"
    # ... and a second unit after the first: "poznali pracę Klubu Integracji Społecznej oraz Punktów …"
    r"((?:\s+(?-i:[A-ZĄĆĘŁŃÓŚŹŻ])\w*){1,4}\s+(?:i|oraz)(?:\s+(?-i:[A-ZĄĆĘŁŃÓŚŹŻ])\w*)?)?\s+$",
    re.I,
)
# client groups; a sentence that lists four or more is the standard overview of the units that help them
GROUPS = re.compile(
    r"(?<!\w)(dzieci\w*|młodzież\w*|niepełnospraw\w*|osob\w* starsz\w*|starsz\w*|"
    r"bezdomn\w*|rodzin\w*|bezrobotn\w*|uzależnion\w*|chor\w* psychicznie)(?!\w)",
    re.I,
)


def _homelessness_flats(text: str, start: int, end: int) -> bool:
    """Supported, training or protected flats that the report gives to people leaving homelessness ("mieszkania
    treningowe dla osób wychodzących z bezdomności") are a homelessness service, not housing policy
    (../shared/eval/GOLD-CONVENTIONS.md, topics)."""
    word = text[start:end].lower()
    if not word.startswith("mieszka") or word.startswith("mieszkalnictw"):
        return False
    if any(_HOMELESS.search(text[f.end() : f.end() + 50]) for f in _FLATS_FOR.finditer(text)):
        return True
    # supported or training flats in a report about homelessness are its service too, unless they are
    # given to another group ("mieszkań chronionych dla osób z niepełnosprawnością")
    return bool(
        _SERVICE_FLATS.match(word) and not _FLATS_FOR_OTHERS.match(text, end) and _HOMELESS.search(text)
    )


_SERVICE_FLATS = re.compile(r"mieszka\w* (?:chronion|wspieran|wspomagan|treningow)")
_FLATS_FOR_OTHERS = re.compile(
    r"\s+(?:\w+\s+){0,2}?dla\s+(?:\w+\s+){0,2}?(?:niepełnospraw|zaburz|chor|starsz|senior|psychicz)", re.I
)


_FLATS_FOR = re.compile(
    r"(?<!\w)mieszka\w* (?:socjaln|chronion|wspieran|wspomagan|treningow)\w* (?:\w+\s+)?dla\s", re.I
)


NAME_CONNECTORS = {"i", "oraz", "dla", "w", "z", "na"}


def inside_name(text: str, a: int, b: int, words: int = 1) -> bool:
    """Whether text[a:b] (of at least `words` words) is capitalised word by word in mid-sentence: a part of
    a name ("Lwowskiego Centrum Młodzieży", "Zakłady Aktywizacji Zawodowej"), not what the text says of
    people or themes. Not in an all-capitals line, where every word is capitalised."""
    # connectors may stand between the capitalised words: "dla Rodzin, Dzieci i Młodzieży"
    ws = [w for w in text[a:b].split() if w not in NAME_CONNECTORS]
    if len(ws) < words or not all(w[:1].isupper() and not w.isupper() for w in ws):
        return False
    before = text[max(0, a - 3) : a].rstrip(" ")
    return bool(before) and (before[-1].isalnum() or before[-1] in ",-–")


# the head of a body's name whose lower-case rest says whom it serves: "Centrum dla dzieci i rodzin w Kieżmarku",
# "Stowarzyszenie na rzecz Osób Bezdomnych"; the words after it name the body, not a theme
BODY_FOR = re.compile(
    r"(?-i:Centr\w*|Ośrod\w*|Dom\w*|Fundacj\w*|Stowarzysz\w*|Klub\w*|Poradni\w*|Towarzyst\w*|Agencj\w*|"
    r"Instytut\w*|Zakład\w*|Punkt\w*)\s+(?:dla|na\s+rzecz)\s+$"
)
QUOTED = re.compile(r"„[^”\n]{1,150}”")
LISTED_TITLES = 3  # quoted titles in a row: the host's portfolio ("projekty np. „…”, „…”, „…”")


def _listed_titles(text: str) -> list[tuple[int, int]]:
    """The spans of quoted titles listed three or more in a row, a gap of at most a comma or 'i'/'oraz'
    between: an overview of the host's projects, whose words make no theme of the event."""
    if "„" not in text:
        return []
    spans, run = [], []
    for m in QUOTED.finditer(text):
        if run and not re.fullmatch(r"\s*(?:,|i|oraz)?\s*", text[run[-1][1] : m.start()]):
            spans += run if len(run) >= LISTED_TITLES else []
            run = []
        run.append((m.start(), m.end()))
    return spans + (run if len(run) >= LISTED_TITLES else [])


def find_topics(
    text: str, masked: list[tuple[int, int]], sentences: list[tuple[int, int]]
) -> tuple[list[tuple[str, Cue]], list[tuple[str, Cue]]]:
    """(topics from the running text, topics found only inside names), each with its first cue.
    `masked` are spans of names (organisations, units, projects); `text` offsets are the caller's."""
    overview = []
    for s, e in sentences:
        # words of a name ("Stowarzyszenie Dzieci i Młodzieży oraz Rodzin") list no client groups
        groups = {
            m.group(1).lower()[:6]
            for m in GROUPS.finditer(text, s, e)
            if not any(a <= m.start() < b for a, b in masked) and not inside_name(text, m.start(), m.end())
        }
        if len(groups) >= 4:
            overview.append((s, e))
    masked = masked + _listed_titles(text)
    # a name that is what the visitors learnt about ("z działalnością Działu Pomocy Bezdomnym") speaks for
    # the topic; a name that is only a venue or a host does not
    masked = [(s, e) for s, e in masked if not SUBJECT_BEFORE.search(text[max(0, s - 40) : s])]
    free: dict[str, Cue] = {}
    named: dict[str, Cue] = {}
    taken: list[tuple[int, int]] = []
    for (topic, _p), spans in zip(TOPIC_CUES, _TOPIC_SCAN.find(text), strict=True):
        for a, b in spans:
            if any(a < e and b > s for s, e in taken):
                continue
            if topic == "housing" and _homelessness_flats(text, a, b):
                continue
            if any(s <= a < e for s, e in overview):
                continue
            # a unit whose work the visitors learnt about ("poznali pracę Klubu Integracji Społecznej") speaks
            # for the topic
            subject = SUBJECT_BEFORE.search(text[max(0, a - 80) : a]) is not None
            in_name = not subject and (
                any(a >= s and b <= e for s, e in masked)
                or inside_name(text, a, b, words=2)
                or BODY_FOR.search(text, max(0, a - 30), a) is not None
            )
            (named if in_name else free).setdefault(topic, Cue(topic, a, b))
            taken.append((a, b))
    order = lambda d: sorted(d.items(), key=lambda kv: kv[1].start)  # noqa: E731
    return order(free), [kv for kv in order(named) if kv[0] not in free]
