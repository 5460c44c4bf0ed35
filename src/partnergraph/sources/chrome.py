"""Page chrome: the lines around an article that are no part of its text, told by features that hold
across sites (not by any one site's layout).

- `is_chrome(line)`: photo credits ("Fot. …") and captions closed by one, publication and edit lines ("Opublikowano: …", "Data
  dodania"), comment counts, breadcrumbs ("Strona główna » Aktualności"), link rows ("zaloguj się | mapa
  strony"), tags, share and print links, advertising labels, translator credits, forum headers, name-day
  lines, a newsletter's contents ("W następnym numerze: …"), teasers of other news cut with "[ … ]" or "…",
  links to files ("(PDF, 240 KB)") and links drawn with an arrow ("Wpłać darowiznę »"), bank account numbers.
- `is_dateline(line)`: a line that is only a date (and a time, a weekday, an author or a comment count):
  over an article it is the date of publication, not the event's.
- `ends_article(line)`: where an article's text ends and the page's tail begins (comments, tags, "read
  also", a reply in a forum thread).
- `is_funding(line)`: a funding banner ("Projekt współfinansowany …"): never a heading, though the programme
  it names counts.
"""

from __future__ import annotations

import re

_MONTH_WORDS = (
    r"stycz\w*|lut\w*|mar\w*|kwie\w*|maj\w*|czerw\w*|lip\w*|sierp\w*|wrze\w*|październik\w*|paź\w*|"
    r"listopad\w*|lis|grud\w*|sty|kwi|cze|sie|wrz|gru|jan\w*|feb\w*|apr\w*|jun\w*|jul\w*|aug\w*|sep\w*|"
    r"oct\w*|nov\w*|dec\w*"
)
_WEEKDAYS = r"poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|pon|wt|śr|czw|pt|sob|niedz"
_WEEKDAY_INITIALS = "".join(sorted({day[0] for day in _WEEKDAYS.split("|")}))
# a date in any of its page forms, with a time after it: "08.08.2019 12:57", "2019-10-08", "02/10/2009",
# "23 Sie 2019 12:55", "17 Marzec, 2011, 11:01:56 am", "Poniedziałek, 3 sierpnia 2020"
DATE_TOKEN = re.compile(
    rf"(?=[\d{_WEEKDAY_INITIALS}])"  # a look at the first letter spares trying every weekday at every character
    rf"(?:(?:{_WEEKDAYS}),?\s*)?"
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
    rf"|\d{{1,2}}\s+(?:{_MONTH_WORDS})\.?,?\s+\d{{4}})"
    # the time also as a post gives it: "12 maja 2021 o 10:15"
    r"(?:\s*r\.)?,?(?:\s*(?:godz\.\s*|o\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)?",
    re.I,
)
DIGIT = re.compile(r"\d")
CREDIT = re.compile(
    r"^\s*(?:fot(?:o|\.|ografi\w*)?|zdj(?:ęci\w*|\.)|autor(?:ka)?\s+zdjęć|źródło\s+zdjęć|photo|foto\s*:|"
    r"tłumaczenie|tłum\.|przekład|translated by)(?:\s|:|\.|$)",
    re.I,
)
PUBLISHED = re.compile(
    r"^\s*(?:opublikowano|opublikowany|data\s+(?:publikacji|dodania|wprowadzenia|aktualizacji|utworzenia)|"
    r"dodano|dodany|edytowano|zmodyfikowano|zaktualizowano|aktualizacja|ostatnia\s+(?:aktualizacja|modyfikacja)|"
    r"(?:wpis|artykuł|post)\s+z\s+dnia|data\s+wpisu|zamieszczono|"
    r"wiadomość\s+wysłana\s+przez|wątek\s+zaczęty\s+przez|posted|published|imieniny|wyświetle\w*|odsłon\w*|"
    r"liczba\s+(?:wyświetleń|odsłon|odwiedzin|wejść))"
    r"\b",
    re.I,
)
WORDS = re.compile(
    r"^\s*(?:reklama|tagi|tags|słowa\s+kluczowe|udostępnij|podziel\s+się|share|rss|facebook|twitter|"
    r"drukuj|w\s+górę|do\s+góry|powrót|wróć|czytaj\s+(?:więcej|także|też|również|dalej)|"
    r"zobacz\s+(?:też|także|również|więcej)|"
    r"więcej|galeria|galeria\s+zdjęć|komentarze|skomentuj|dodaj\s+komentarz|wideo|aktualności|zdjęcie\s+\w+|"
    r"mapa\s+strony|zaloguj\s+się|zarejestruj\s+się|strona\s+główna|jesteś\s+tutaj|home|archiwum|"
    r"lubię\s+to|odpowiedz|"
    r"w\s+(?:następnym|kolejnym|tym|bieżącym)\s+(?:numerze|wydaniu))\b",  # a newsletter's contents line
    re.I,
)
# a gallery caption closed by its credit: "Goście w Centrum Seniora. Fot. Jan Kowalski / krakow.pl"
CREDIT_TAIL = re.compile(
    r"(?:^|[.!?]\s+|\s[-–|]\s+|\()(?:fot(?:o)?\.?|zdj\.|photo|źródło)\s*:?\s+(?:[^.!?]|\.(?=\S)){2,60}\)?$",
    re.I,
)
COMMENTS = re.compile(r"\b\d+\s+komentarz\w*|\bkomentarz\w*\s*\(\d+\)", re.I)
# a page number of a printed report: "Strona 7 z 18", "str. 7", "- 7 -", "7/18"
PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:strona|str\.|page)\s*\d+(?:\s*(?:z|/|of)\s*\d+)?|[-–]\s*\d+\s*[-–]|\d+\s*/\s*\d+)\s*$", re.I
)
# a post's reactions and shares: "5 komentarzy · 3 udostępnienia", "👍❤️ 34"
REACTIONS = re.compile(
    r"\b\d+\s+(?:udostępnie\w*|reakcj\w*|polubie\w*|wyświetle\w*|shares?|likes?)\b|^[^\w\s]+\s*\d*\s*$", re.I
)
# a site's own pages, as its menu names them
NAVIGATION = re.compile(
    r"^(?:start|strona\s+główna|home|o\s+nas|kontakt|aktualności|szukaj|mapa\s+strony|bip|galeria|english|"
    r"deklaracja\s+dostępności|rodo|menu)$",
    re.I,
)
CRUMBS = re.compile(r"\s(?:»|›|=>|>|/)\s")
TEASER = re.compile(r"(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*$")
# a link to a file: "Program spotkania (PDF, 240 KB)", "Regulamin [docx 1,2 MB]"
FILE_LINK = re.compile(
    r"[(\[]\s*(?:pdf|docx?|odt|xlsx?|ods|pptx?|zip|jpe?g|rtf)\b[^()\[\]]{0,20}[)\]]\s*$", re.I
)
# a link drawn with an arrow: "Wpłać darowiznę »", "« Poprzedni wpis: …", "Następny wpis: … »", "Starsze wpisy →"
ARROW_LINK = re.compile(r"(?:^\s*[«‹←]|[»›→]\s*$)")
# a byline or a post's category: "Autor: Anna Wrona · 14 czerwca 2019 · Kategoria: Wyjazdy studyjne"; an
# interviewer's or an editor's credit: "Rozmawiała: Ewa Nowak", "Oprac.: Jan Wrona"
BYLINE = re.compile(
    r"^\s*(?:autor(?:ka)?|kategori[ae]|redakcja|rozmawia(?:ł|ła|li|ły)|notował[aoi]?|oprac(?:ował[aoi]?|owanie|\.))\s*:",
    re.I,
)
# a cell crediting the text, whose credit may run longer than a cell's few words: "Oprac. Biuro Prasowe UMK"
CREDITED = re.compile(r"(?:oprac(?:owanie|ował\w*)?|autor(?:ka)?|redakcja|źródło|tekst)[.:]?\s", re.I)
# whom to ask: "Kontakt: Biuro Współpracy Zagranicznej, tel. …", "Więcej informacji: …" (no party to the event)
CONTACT = re.compile(r"^\s*(?:kontakt|więcej\s+informacji|informacji\s+udziela\w*)\s*:", re.I)
# a bank account number (a site's call for gifts): "Numer konta: 12 3456 7890 0000 0000 1234 56"
ACCOUNT = re.compile(r"\b\d{2}(?:\s?\d{4}){5,6}\b")
FUNDING = re.compile(
    r"^\s*(?:(?:projekt|zadanie|przedsięwzięcie|działanie|inicjatywa)\s+(?:jest\s+)?)?"
    r"(?:współ|do)?finansowan\w*|^\s*sfinansowano|"
    # "Projekt „Aktywni razem” realizowany jest ze środków …", "Projekt „X” współfinansowany …"
    r"^\s*(?:projekt|zadanie)(?:\s+[„\"“«][^„\"“”«»]{3,120}[”\"»])?\s+(?:(?:jest\s+)?(?:współ|do)?finansowan\w*|"
    r"realizowan\w+\s+(?:jest\s+)?(?:ze\s+środków|w\s+ramach)"
    # "Projekt „X” realizuje Ośrodek … w ramach programu Erasmus+": its implementer and programme
    r"|realizuj\w*\s+[^.;]{0,160}?\s(?:ze\s+środków|w\s+ramach)\s)"
    # in English: "ROOF is co-financed by the URBACT III programme", "Co-funded by the European Union"
    r"|^\s*(?:\S+\s+){0,6}?(?:is|are|was|were)\s+(?:co-?)?(?:financed|funded)\b|^\s*(?:co-?)?(?:financed|funded)\s+by\b",
    re.I,
)
END = re.compile(
    r"^\s*(?:komentarze|komentarze\s+opinie|dodaj\s+komentarz|tagi|tags|słowa\s+kluczowe|podziel\s+się|"
    r"udostępnij|czytaj\s+(?:także|też|również)|zobacz\s+(?:też|także|również)|przeczytaj\s+(?:też|także|również)|"
    r"inne\s+aktualności|inne\s+wiadomości|powiązane|podobne\s+artykuły|polecamy|najczęściej\s+czytane|"
    r"tytuł:\s*odp|re:|odp:|drukuj|w\s+górę|powrót|lubię\s+to|kontakt\s+dla\s+(?:mediów|prasy|dziennikarzy))\b",
    re.I,
)

# a line over the same text in another language: "English version", "Wersja ukraińska", "Українською"
# ... or a bare language name as a label ("ENGLISH", "Deutsch", "English text"), which the splitter takes only
# after the page's running text (a site header's language switch is no version)
LANGUAGE_VERSION = re.compile(
    r"^\s*(?:english\s+version|in\s+english|wersja\s+(?:angielska|ukraińska|niemiecka|w\s+języku\s+\w+)|"
    r"deutsche\s+version|auf\s+deutsch|українською|українська\s+версія|po\s+angielsku|po\s+ukraińsku|"
    r"(?:english|deutsch|українська|slovensky|česky)(?:\s+(?:text|summary))?|summary\s+in\s+english|"
    r"streszczenie\s+(?:w\s+języku\s+angielskim|po\s+angielsku))\s*:?\s*$",
    re.I,
)


def is_chrome(line: str, dates: bool = True) -> bool:
    """Whether the line is page chrome; a date line is, unless `dates` is False (the caller asks that apart)."""
    s = line.strip()
    if not s:
        return False
    n = len(s.split())  # (the word count first: it spares most patterns' scans of a paragraph)
    if n <= 12 and CREDIT.match(s):
        return True
    if n <= 25 and CREDIT_TAIL.search(s):
        return True
    if n <= 14 and (PUBLISHED.match(s) or WORDS.match(s) or BYLINE.match(s)):
        return True
    if n <= 12 and (COMMENTS.search(s) or REACTIONS.search(s)):
        return True
    if PAGE_NUMBER.match(s) or ACCOUNT.search(s):
        return True
    if n <= 20 and CONTACT.match(s):
        return True
    if n <= 12 and (FILE_LINK.search(s) or ARROW_LINK.search(s)):
        return True
    cells = [c.strip() for c in s.split("|")]
    menu = len(cells) >= 4 or (len(cells) == 3 and any(NAVIGATION.match(c) for c in cells))
    if menu and all(0 < len(c.split()) <= 3 for c in cells) and not re.search(r"\d", s):
        return True  # a menu: "Menu główne | Aktualności | Rodzina | Kontakt", "Start | O nas | Kontakt"
    if n <= 20 and len(CRUMBS.findall(s)) >= 2:
        return True
    if n <= 8 and re.search(r"\s[›»]\s", s):
        return True  # a short breadcrumb: "Miasta partnerskie › Aktualności"
    if s.count("|") >= 2 and s.rstrip().endswith("|") and not re.search(r"\d", s):
        return True  # a row of links: "zaloguj się | zarejestruj się | mapa strony |"
    if is_teaser(s):
        return True  # a teaser of another news item cut short
    if is_byline(s):
        return True
    return dates and is_dateline(s)


# what a byline's cells never hold and a table row's cells do: what happened
_REPORTED = re.compile(
    r"wizyt|spotka|konferencj|delegacj|seminari|studen|goś|gości|warsztat|forum|staż|wymian|dar[yó]", re.I
)


def is_byline(line: str) -> bool:
    """A date of publication with short cells around it, set off by "|" or "·": "Katarzyna Lis | 11.10.2017,
    07:00 | aktualizacja: 11.10.2017, 08:15", "2018-09-18 13:05 · Wydział Promocji", "6 kwietnia 2022 | Redakcja |
    Brak komentarzy"; not a table row reporting an event ("12.03.2013 | Niemcy | Wizyta studentów")."""
    s = line.strip()
    if not re.search(r"\s[|·]\s", s) or not DATE_TOKEN.search(s):
        return False
    cells = [c.strip() for c in re.split(r"\s[|·]\s", DATE_TOKEN.sub(" ", s))]
    # a category's words ("Kategoria: spotkania transnarodowe") file the post, they report nothing
    if any(_REPORTED.search(c) for c in cells if not BYLINE.match(c)):
        return False
    return (
        all(
            (len(c.split()) <= 3 or (CREDITED.match(c) and len(c.split()) <= 8))
            and not re.search(r"[.!?]$", c)
            for c in cells
        )
        and len(s.split()) <= 14
    )


def is_teaser(line: str) -> bool:
    """A news item's teaser cut short with "…" or "[ … ]": beside an article, another item's; on a list of
    teasers, the items themselves (the splitter decides)."""
    s = line.strip()
    return bool(TEASER.search(s)) and len(s.split()) >= 4 and not s.endswith("..")


# a line labelled with when the event is: "Kiedy: 16.03.2021, godz. 10:00", "Termin: 19.10.2016" (not a date line)
EVENT_WHEN = re.compile(
    r"^\s*(?:kiedy|termin|data\s+(?:wydarzenia|spotkania|wizyty|konferencji|seminarium|wyjazdu)|when)\s*:",
    re.I,
)


def is_dateline(line: str) -> bool:
    """A date and little else: "26.08.2021", "08.08.2019 12:57 | 0 komentarzy | AgaKa", "2019-10-08"."""
    s = line.strip()
    m = (
        DATE_TOKEN.search(s) if DIGIT.search(s) else None
    )  # every form of a date has a digit: a quick look first
    if not m or EVENT_WHEN.match(s):
        return False
    rest = (s[: m.start()] + " " + s[m.end() :]).replace("|", " ")
    rest = COMMENTS.sub(" ", rest)
    return len(rest.split()) <= 2 and not re.search(r"[.!?]\s*$", rest.strip())


def ends_article(line: str) -> bool:
    """A line of the page's tail: short, or a label and a short value ("Kontakt dla mediów: Jan Nowak, Biuro
    Prasowe")."""
    m = END.match(line)
    words = len(line.split())
    return m is not None and (words <= 6 or (line[m.end() :].lstrip().startswith(":") and words <= 12))


def is_funding(line: str) -> bool:
    return bool(FUNDING.match(line))


# the EU's disclaimer under a funded text ("Wsparcie Komisji Europejskiej dla produkcji tej publikacji nie stanowi
# poparcia …", "… niekoniecznie odzwierciedlają poglądy Unii Europejskiej lub EACEA. Ani Unia …, ani EACEA nie
# ponoszą …"): the bodies it names take no part in the event
DISCLAIMER = re.compile(
    r"nie\s+stanowi\w*\s+(?:\w+\s+){0,2}?poparci|nie\s+ponos\w*\s+(?:\w+\s+){0,2}?odpowiedzialno|"
    r"niekoniecznie\s+odzwierciedla|odzwierciedla\w*\s+(?:\w+\s+){0,3}?(?:poglądy|poglądów|stanowisk|opini)|"
    r"does\s+not\s+constitute\s+an?\s+endorsement|do\s+not\s+necessarily\s+reflect|"
    r"(?:cannot|can\s*not|not)\s+be\s+held\s+responsible",
    re.I,
)
# looked for first: most texts have none
DISCLAIMER_CUE = re.compile(r"poparci|odpowiedzialno|odzwierciedla|endorsement|reflect|responsible", re.I)
SENTENCE_BREAK = re.compile(r"(?:[.!?]\s+|\n)(?=[A-ZĄĆĘŁŃÓŚŹŻ„\"])")


def disclaimers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of `text[start:end]` that are the EU's disclaimer: from the sentence that opens it to its
    line's end (it closes its paragraph)."""
    if not DISCLAIMER_CUE.search(text, start, end):
        return []
    spans: list[tuple[int, int]] = []
    for m in DISCLAIMER.finditer(text, start, end):
        if spans and m.start() < spans[-1][1]:
            continue
        opening = max((b.end() for b in SENTENCE_BREAK.finditer(text, start, m.start())), default=start)
        stop = text.find("\n", m.end(), end)
        spans.append((opening, end if stop < 0 else stop))
    return spans
