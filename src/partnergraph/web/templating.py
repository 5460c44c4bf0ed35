"""The portal's pages as Jinja2 templates (`templates/`, every page extends `base.html`) and its interface
strings as gettext catalogs per language (`locale/<lang>/LC_MESSAGES/messages.po`, read with Babel).

English strings are the message ids; `locale/pl` gives their Polish. Numbers and dates go through Babel's
formats for the page's language (`{{ n|number }}`, `{{ d|date }}`: "1 234" and "7 lutego 2017" in Polish)."""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path

from markupsafe import Markup

from .vega import to_page

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
LOCALE = HERE / "locale"
LANGS = ("en", "pl")
STATIC = HERE / "static"


@functools.cache
def translations(lang: str):
    """The compiled catalog of `lang` (Babel compiles the .po in memory once per process)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import NullTranslations, Translations

    path = LOCALE / lang / "LC_MESSAGES" / "messages.po"
    if not path.is_file():
        return NullTranslations()
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def N_(message: str) -> str:
    """Marks a string for the message catalogs (scripts/update-catalogs.sh); translated where shown."""
    return message


def gettext(lang: str, message: str) -> str:
    """`message` (an English msgid) in `lang`; for strings made in Python rather than in a template."""
    return translations(lang).gettext(message)


def translate(lang: str, strings):
    """A table of English msgids kept by key (nested tables too), each in `lang`: for code that hands
    strings over by name (the network page's script, the review's templates)."""
    if isinstance(strings, dict):
        return {key: translate(lang, value) for key, value in strings.items()}
    return gettext(lang, strings)


def format_number(value, lang: str) -> str:
    from babel.numbers import format_decimal

    if value is None or value == "":
        return ""
    try:
        return format_decimal(value, locale=lang)
    except (TypeError, ValueError, ArithmeticError):
        return str(value)


def format_size(value, lang: str) -> str:
    """A file's size as people read it: 1524006 -> '1.5 MB' / '1,5 MB' (decimal units, as file managers)."""
    from babel.numbers import format_decimal

    size, unit = float(value), 0
    while size >= 1000 and unit < 3:
        size, unit = size / 1000, unit + 1
    shown = format_decimal(round(size, 1) if unit else int(size), locale=lang)
    return f"{shown} {('B', 'kB', 'MB', 'GB')[unit]}"


def format_date(value, lang: str) -> str:
    """'2017-02-07' -> '7 Feb 2017' / '7 lut 2017', '2017-05' -> 'May 2017' / 'maj 2017'; a year stays."""
    return _format_date(str(value or ""), lang)


@functools.lru_cache(maxsize=20_000)  # Babel takes half a millisecond a date; pages repeat dates
def _format_date(text: str, lang: str) -> str:
    import datetime

    from babel.dates import format_date as babel_date

    try:
        if re.fullmatch(r"\d{4}-\d\d", text):  # a month: its name as it stands alone ('maj', not 'maja')
            return babel_date(datetime.date.fromisoformat(text + "-01"), format="LLLL y", locale=lang)
        day = datetime.date.fromisoformat(text[:10])
    except ValueError:
        return text
    return babel_date(day, format="medium", locale=lang)


@functools.cache
def environment(lang: str):
    """One Jinja2 environment per language (the catalog is installed into it), HTML autoescaped."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)
    env.filters["number"] = lambda v: format_number(v, lang)
    env.filters["date"] = lambda v: format_date(v, lang)
    env.filters["size"] = lambda v: format_size(v, lang)
    env.filters["vega"] = to_page  # a chart: the key of its Vega compiled at install time, and its data
    env.globals["lang"] = lang
    return env


_home: list = []  # the HomeDisplay of the data being shown (use_home), read by every page


def use_home(reference_dir: Path) -> None:
    """Name the home organisation of data/reference/home.csv on every page this process renders (the
    server and `publish` call it once; MOPS Kraków until then)."""
    from ..reference import read_home_display

    _home[:] = [read_home_display(reference_dir)]


def render(template: str, lang: str, **context) -> str:
    """The page `template` in `lang`. The context needs `linker` (hrefs) and `title`; `other_lang_href`
    (the same page in the other language) is optional; `home` (label, website) is the home organisation."""
    from ..reference import DEFAULT_HOME_DISPLAY

    home = _home[0] if _home else DEFAULT_HOME_DISPLAY
    context.setdefault("home", {"label": home.label(lang), "website": home.website})
    context.setdefault("other_lang_href", None)
    context.setdefault("nav", None)
    return environment(lang).get_template(template).render(**context)


def markup(html: str) -> Markup:
    """HTML made (and escaped) by the older renderers, placed into a template as it is."""
    return Markup(html)
