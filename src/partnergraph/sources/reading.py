"""Reading a source page: bytes to text (UTF-8, cp1250, ISO-8859-2), HTML to text, whitespace folded."""

from __future__ import annotations

import re
import unicodedata
from html import unescape
from pathlib import Path

from ..errors import SourceError
from ..model import Page
from ._html import TITLE, TITLE_PARTS, looks_like_html, read_html

MAX_BYTES = 10 * 1024 * 1024  # bulletin pages are a few kB; anything this big is not one
# The text extraction reads (after the layout is cut away), for `build`, `add` and `extract` alike: bulletin
# pages hold a few kB. Extraction is linear but costs 25-50 s and ~50 MB per MB of text
# (benchmarks/big_page.py), and the page's graph is validated whole, so a bigger page is refused.
MAX_TEXT_BYTES = 1 * 2**20
POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# Characters that stand for an ordinary space or nothing at all on saved pages.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_TRAILING = re.compile(r"[ ]+\n")


def read_page(
    path: str | Path,
    *,
    url: str | None = None,
    year: int | None = None,
    encoding: str | None = None,
    source_id: str | None = None,
    home: str | None = None,
    home_city: str | None = None,
) -> Page:
    """Read a saved bulletin page (plain text or HTML) into a Page with clean text.

    The encoding is detected (UTF-8, else whichever of cp1250 and ISO-8859-2 yields more Polish
    letters) unless `encoding` names it. Raises SourceError for a missing, empty, binary, too large or
    undecodable file.
    """
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(
            f"{path}: {size / 1024 / 1024:.1f} MB is far larger than a bulletin page "
            f"(limit {MAX_BYTES // 1024 // 1024} MB); is this the right file?"
        )
    data = path.read_bytes()
    text = decode(data, encoding=encoding, name=str(path))
    headline = None
    if looks_like_html(text):
        content, headline = read_html(text)
        headline = headline or None
        # the <title>'s headline over a text that shows none (not where it shows the marked one)
        shown = headline and " ".join(headline.split()) in " ".join(content.split())
        text = content if shown else with_headline(content, page_title(text))
        text = unwrap(clean_text(text))  # a PDF converted to HTML: a <div> a printed line
    else:
        text = unwrap(clean_text(text))
    if not text.strip():
        raise SourceError(f"{path}: the page has no text")
    check_text_size(text, str(path))
    return Page(
        source_id=source_id or path.stem,
        path=str(path),
        text=text,
        url=url,
        year=year,
        home=home,
        home_city=home_city,
        title=headline,
    )


# a text laid out in lines of one width (a PDF or a report saved as text): a paragraph wrapped at the margin
WRAP_WIDEST = 130  # characters: a longer line is a paragraph of its own, the page is not wrapped
WRAP_LINES = 8  # wrapped lines at least, to tell the page's margin
HYPHEN_BREAK = re.compile(r"(?<=[a-ząćęłńóśźż])-$")
LIST_START = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,2})*[.)]|[-–—•·▪●*]|[a-z]\))\s")


# a printed page's number ("17", "– 9 –", "Strona 4 z 20") or a line in capitals (a heading): a line of its own
PRINTED_PAGE_NUMBER = re.compile(
    r"^\s*(?:\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|(?:strona|str\.)\s*\d+(?:\s*z\s*\d+)?)\s*$", re.I
)


def _own_line(line: str) -> bool:
    return bool(PRINTED_PAGE_NUMBER.match(line)) or (line.isupper() and len(line.split()) >= 2)


def _without_running_lines(lines: list[str]) -> list[str]:
    """The lines of a printed text without its page numbers and running headers or footers (a short line
    repeated on every page), nor the blank lines around them: a paragraph cut by a page break goes on."""
    counts: dict[str, int] = {}
    for x in lines:
        if x.strip():
            counts[x.strip()] = counts.get(x.strip(), 0) + 1
    # a running line comes once a page, a few of the page's lines (not a text that repeats itself)
    repeated = {
        x for x, n in counts.items() if 2 <= n <= max(2, sum(counts.values()) // 10) and len(x.split()) <= 14
    }
    running = [bool(PRINTED_PAGE_NUMBER.match(x)) or x.strip() in repeated for x in lines]
    kept: list[str] = []
    for k, x in enumerate(lines):
        if running[k]:
            while kept and not kept[-1].strip():
                kept.pop()
            continue
        if not x.strip() and kept and k > 0 and running[k - 1]:
            continue
        kept.append(x)
    return kept


def unwrap(text: str) -> str:
    """A text wrapped at a margin with its paragraphs rejoined: a line that reaches the margin and ends no
    sentence goes on in the next line ("… współ-" / "pracę z …" is "… współpracę z …"), across a page break
    (page numbers and running headers are dropped); a heading in capitals stays a line of its own. Text whose
    lines are paragraphs (the bulletin's) is left as it is."""
    lines = text.split("\n")
    long = sorted(len(x.strip()) for x in lines if len(x.split()) >= 5)
    if len(long) < WRAP_LINES or long[-1] > WRAP_WIDEST:
        return text
    margin = long[int(len(long) * 0.8)]
    at_margin = [n for n in long if n >= 0.75 * margin]
    if len(at_margin) < len(long) * 0.6:
        return text
    out: list[str] = []
    for line in _without_running_lines(lines):
        prev = out[-1] if out else ""
        joins = (
            prev.strip()
            and line.strip()
            and len(prev.strip()) >= 0.75 * margin
            and not re.search(r"[.!?:;]\s*$", prev)
            and not LIST_START.match(line)
            and not _own_line(prev)
            and not _own_line(line)
        )
        if not joins:
            out.append(line)
        elif HYPHEN_BREAK.search(prev.rstrip()) and line.lstrip()[:1].islower():
            out[-1] = prev.rstrip()[:-1] + line.lstrip()
        else:
            out[-1] = prev.rstrip() + " " + line.lstrip()
    return "\n".join(out)


def check_text_size(text: str, name: str) -> None:
    """Raise SourceError when `text` is more than MAX_TEXT_BYTES of UTF-8."""
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise SourceError(
            f"{name}: {size / 2**20:.1f} MB of text once the layout is cut away; bulletin pages hold a few kB "
            f"(limit {MAX_TEXT_BYTES // 2**20} MB): is this the right page?"
        )


def page_title(html: str) -> str:
    """The part of the HTML <title> that names what the page reports (the site's name left out), or ""."""
    from .splitting import EVENT_WORDS, OVERVIEW  # the words a headline names an event by

    m = TITLE.search(html[:20000])
    if m is None:
        return ""
    parts = [" ".join(x.split()) for x in TITLE_PARTS.split(unescape(m.group(1)))]
    named = [x for x in parts if EVENT_WORDS.search(x) and not OVERVIEW.search(x) and len(x.split()) >= 2]
    return max(named, key=len) if named else ""


def with_headline(text: str, title: str) -> str:
    """The page's text with its <title>'s headline over it when the content shows no headline of its own."""
    if not title or " ".join(title.lower().split()) in " ".join(text.lower().split()):
        return text
    return f"{title}\n\n{text}"


def decode(data: bytes, *, encoding: str | None = None, name: str = "page") -> str:
    """Bytes to str; see read_page for the rules."""
    if not data.strip():
        raise SourceError(f"{name}: the file is empty")
    if encoding:
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except LookupError:
            raise SourceError(
                f"{name}: unknown encoding {encoding!r} (try utf-8, cp1250 or iso-8859-2)"
            ) from None
        except UnicodeDecodeError as e:
            raise SourceError(
                f"{name}: not valid {encoding} (byte 0x{data[e.start]:02x} at offset {e.start}); "
                "try --encoding cp1250 or --encoding iso-8859-2"
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # saved as "Unicode" by Windows tools
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SourceError(f"{name}: broken UTF-16 text; try --encoding utf-16-le") from None
    if _is_binary(data):
        raise SourceError(f"{name}: looks like a binary file, not a text or HTML page")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best, best_score = None, -1.0
    for enc in ("cp1250", "iso-8859-2"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        # Polish letters count for an encoding; C1 control characters count against it.
        score = sum(c in POLISH for c in text) - 5 * sum("\x80" <= c <= "\x9f" for c in text)
        if score > best_score:
            best, best_score = text, score
    if best is None or best_score < 0:
        raise SourceError(f"{name}: cannot tell the encoding (not UTF-8); try --encoding cp1250")
    return best


def _is_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in head)
    return controls > len(head) * 0.02


def clean_text(text: str) -> str:
    """NFC, Windows and Mac line ends to \\n, odd spaces to ' ', invisible characters dropped."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _TRAILING.sub("\n", text)
    return text.strip("\n ") + "\n"
