"""Remove page residue from article text and pull out source attributions.

Residue is whatever a page adds around the article: photo credits, alt-text lines,
navigation and share buttons, bylines. The article's own sentences all stay. The text
this stage returns is canonical: every later offset indexes it.
"""

from __future__ import annotations

import re
import unicodedata

from storyline.lexicons import entries
from storyline.models import CleanedText

_SOCIAL = r"(?:Instagram|Twitter|X|TikTok|Facebook|YouTube|Weibo|Threads|Naver|Weverse)"
# "| @kyo1122/Instagram", "| | @xeesoxee/Instagram", "@kyo1122 / Instagram"
_SOCIAL_CREDIT = re.compile(rf"(?:\|\s*)*@[\w.]+\s*/\s*{_SOCIAL}\s*$", re.I)
_PHOTO_CREDIT = re.compile(
    r"^[(\[]?\s*(?:photos?|images?|pictures?|photo credit|image credit|credits?|courtesy(?: of)?|"
    r"screenshots?|captured from|graphic|video)\s*(?:by|from|via)?\s*[:：|/–—-]",
    re.I,
)
_SOURCE_LINE = re.compile(r"^\(?\s*(?:sources?|via)\s*[:：]\s*(?P<names>.+?)\s*\)?$", re.I)
_BYLINE = re.compile(
    r"^[Bb]y\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})"
    r"(?:\s*\([^)]*\))?(?:\s*[,|·•–—-].{0,60})?$"
)
_WIRE_AGENCIES = entries("wire_agencies")
_AGENCY = (
    r"(?P<agency>"
    + "|".join(map(re.escape, _WIRE_AGENCIES))
    + r"|[A-Z][\w.]+(?: [A-Z][\w.]+)? News(?: Agency)?)"
)
# "... in 2020. (Yonhap)" at the very end of the article
_TRAILING_WIRE = re.compile(r"\s*[(\[]" + _AGENCY + r"[)\]]\s*$")
# "SEOUL, March 24 (Yonhap) -- " at the start
_DATELINE_WIRE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40},\s[^()]{0,30}\(" + _AGENCY + r"\)\s*(?:--|—|–)"
)

# Page furniture run into the text of pages flattened to one line: "Page last updated
# at 08:58 GMT, Thursday, 24 June 2010 09:58 UK", "29 September 2011 Last updated at
# 04:16 GMT Help", "(an error occurred while processing this directive)".
_CLOCK = r"\d{1,2}:\d{2} (?:GMT|BST|UK|ET|EST|EDT|KST)"
_DAY_MONTH_YEAR = r"(?:[A-Z][a-z]+day,? )?\d{1,2} [A-Z][a-z]+,? \d{4}"
_INLINE_FURNITURE = re.compile(
    rf"(?:Page )?[Ll]ast updated(?: at|:)? (?:{_CLOCK},? )?{_DAY_MONTH_YEAR}(?: {_CLOCK})?"
    rf"|\d{{1,2}} [A-Z][a-z]+ \d{{4}} Last updated at {_CLOCK}(?: Help)?"
    r"|\(an error occurred while processing this directive\)"
)
# "By Peter Bowes BBC News, Los Angeles Jackson was …": a byline run into the text.
# The place of a dateline is one word, or two when the second is a usual second word
# of a city's name.
_CITY_SECOND_WORDS = (
    "Angeles York Vegas Francisco Diego Kong Delhi Orleans Jersey Zealand Aires City Beach "
    "Springs Island Lumpur Town Paulo Janeiro Salem"
).split()
_INLINE_BYLINE = re.compile(
    r"^By (?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}?) "
    r"(?P<outlet>BBC(?: News| Sport| World Service)?|[A-Z][\w.]+ News|"
    + "|".join(map(re.escape, entries("wire_agencies")))
    + r")(?:,? (?P<place>[A-Z][\w.-]+(?: (?:"
    + "|".join(_CITY_SECOND_WORDS)
    + r"))?))?\s+(?=[A-Z\"“])"
)
# "… in the country. By Yoon Ha-rin ()", "… in June. Baek Ji-hoon, Intern reporter()":
# a byline run onto the article's last sentence.
_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}"
_TRAILING_BYLINE = re.compile(
    rf"(?<=[.!?”\"’)])\s+(?:By (?P<name>{_NAME})(?: and [a-z ]{{2,20}})?(?:, [A-Za-z ]{{2,40}})?"
    rf"\s*(?:\([^)]*\))?|(?P<signed>{_NAME}), (?:[A-Z][a-z]+ )?[Rr]eporter\s*\([^)]*\))\s*$"
)

# Whole lines that are page furniture, compared after folding case and punctuation.
_FURNITURE = frozenset(entries("page_furniture"))
_FURNITURE_PREFIX = re.compile(
    r"^(?:read more|read also|also read|see also|related|recommended|follow us on|"
    r"sign up for|click here)\b.{0,120}$",
    re.I,
)
# Legal lines are furniture even when they end like a sentence.
_LEGAL = re.compile(r"^(?:copyright\b|©|\(c\) \d{4}|all rights reserved)", re.I)
# "Photos by Jane Doe", "Courtesy of Starlight Entertainment": short, no sentence end
_CREDIT_PHRASE = re.compile(
    r"^(?:photos?|images?|pictures?|video) (?:by|from|via|courtesy of) |^courtesy of ", re.I
)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


# Terminal escape sequences (colours, window titles) and the other control characters:
# never article text, and a terminal that prints them obeys them.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")


def strip_controls(text: str) -> str:
    """`text` without escape sequences and control characters (tabs and line breaks
    stay)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def normalise(text: str) -> str:
    """NFC, one kind of newline, one space between words, no invisible characters."""
    text = _LINE_BREAKS.sub("\n", strip_controls(unicodedata.normalize("NFC", text)))
    text = _ZERO_WIDTH.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def clean(text: str) -> CleanedText:
    """Cleaned article text, the sources it credits, its byline and what was removed."""
    lines = normalise(text).split("\n")
    names: set[str] | None = None  # built on the first line that could be alt text
    kept: list[str] = []
    credited: list[str] = []
    removed: list[str] = []
    author: str | None = None
    for line in lines:
        if not line:
            kept.append("")
            continue
        if (sources := source_attribution(line)) is not None:
            credited.extend(sources)
            removed.append(line)
            continue
        # A byline never ends like a sentence: "By Friday, it had sold out." stays.
        byline = None if _SENTENCE_END.search(line) else _BYLINE.match(line)
        if author is None and byline:
            author = byline.group("name")
            removed.append(line)
            continue
        cut = strip_credit(line)
        if cut != line:
            removed.append(line)
            if cut:
                kept.append(cut)
            continue
        if is_furniture(line):
            removed.append(line)
            continue
        if line.islower():
            names = _capitalised_words(lines) if names is None else names
            if is_alt_text(line, names):
                removed.append(line)
                continue
        kept.append(line)
    body = _join_paragraphs(kept)
    body, agencies, wire_credits = _strip_wire_credits(body)
    credited.extend(agencies)
    removed.extend(wire_credits)
    body, furniture = _strip_inline_furniture(body)
    removed.extend(furniture)
    outlet = None
    if byline := _INLINE_BYLINE.match(body):
        author, outlet = author or byline.group("name"), byline.group("outlet")
        removed.append(byline.group().strip())
        body = body[byline.end() :]
    if trailing := _TRAILING_BYLINE.search(body):
        author = author or trailing.group("name") or trailing.group("signed")
        removed.append(trailing.group().strip())
        body = body[: trailing.start()]
    return CleanedText(body, tuple(_unique(credited)), author, tuple(removed), outlet)


def _strip_inline_furniture(text: str) -> tuple[str, list[str]]:
    """The text without page furniture run into its lines, and what was cut."""
    cut = [m.group() for m in _INLINE_FURNITURE.finditer(text)]
    if not cut:
        return text, []
    text = _INLINE_FURNITURE.sub(" ", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip(), cut


def source_attribution(line: str) -> list[str] | None:
    """["K14", "Twitter", "Naver"] for "Sources: K14, Twitter, Naver"; None otherwise."""
    match = _SOURCE_LINE.match(line)
    if not match or len(line) > 200:
        return None
    parts = re.split(r"\s*(?:[,;/&|]|\band\b)\s*", match.group("names"))
    names = [p.strip(" .") for p in parts]
    return [n for n in names if n and n.lower() not in {"etc", "others", "et al"}]


def strip_credit(line: str) -> str:
    """The line without a photo credit; "" when the line is only a credit or a captioned one."""
    if _PHOTO_CREDIT.match(line) and len(line) <= 150:
        return ""
    if _CREDIT_PHRASE.match(line) and len(line.split()) <= 10 and not _SENTENCE_END.search(line):
        return ""
    if line.startswith("|") and len(line) <= 150:
        return ""
    match = _SOCIAL_CREDIT.search(line)
    if not match:
        return line
    before = line[: match.start()].rstrip(" |")
    # A full sentence before the credit stays; a caption fragment goes with its credit.
    return before if _SENTENCE_END.search(before) else ""


def is_furniture(line: str) -> bool:
    folded = re.sub(r"[^\w\s]", " ", line.casefold())
    folded = " ".join(folded.split())
    if folded in _FURNITURE or (_LEGAL.match(line) and len(line) <= 200):
        return True
    return bool(_FURNITURE_PREFIX.match(line)) and not _SENTENCE_END.search(line)


def is_alt_text(line: str, names: set[str]) -> bool:
    """Image alt text left in the page: 'song hye kyo han so hee', names in lower case."""
    if line != line.lower() or _SENTENCE_END.search(line) or len(line) > 120:
        return False
    words = _WORD.findall(line)
    if not 2 <= len(words) <= 14:
        return False
    return sum(w in names for w in words) >= max(2, len(words) * 0.6)


def _capitalised_words(lines: list[str]) -> set[str]:
    """Words written with a capital somewhere in the text, folded: the names it uses."""
    found: set[str] = set()
    for line in lines:
        for word in _WORD.findall(line):
            if word[0].isupper():
                found.update(part.casefold() for part in re.split(r"[-'’]", word) if part)
                found.add(re.sub(r"[-'’]", "", word).casefold())
    return found


def _join_paragraphs(lines: list[str]) -> str:
    """Paragraphs separated by one blank line, none at either end."""
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _strip_wire_credits(text: str) -> tuple[str, list[str], list[str]]:
    """Pull '(Yonhap)' off the end; note a dateline's agency, leaving the dateline.

    Returns the text, the agencies credited and what was cut away.
    """
    agencies: list[str] = []
    cut: list[str] = []
    if match := _DATELINE_WIRE.match(text):
        agencies.append(match.group("agency"))
    if match := _TRAILING_WIRE.search(text):
        agencies.append(match.group("agency"))
        cut.append(match.group().strip())
        text = text[: match.start()].rstrip()
    return text, agencies, cut


def _unique(items: list[str]) -> list[str]:
    """Items in order, without repeats that differ only in case."""
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return list(seen.values())
