"""Publication dates: read from a field or metadata, or inferred from the text.

Never invents a day: a date is cut to the precision its evidence supports, and
unknown stays unknown.
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from storyline.models import DateBasis, Published, RawDocument, TimeValue

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# The earliest year a publication date may have; the latest is next year.
FIRST_YEAR = 1000
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# "May 19", "May 19th" but not "May 19, 2024" (that names its own year)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)(?!\s*(?:%|percent))",
    re.I,
)
_YEAR_TOKEN = re.compile(rf"(?<![\d.,$])\b{_YEAR}\b(?![\d.,]\d)(?!\s*(?:%|percent|won|dollars))")
# A year that dates someone's past, not the news: "born in 1981", "debuted in 2014".
_BACKGROUND = re.compile(
    r"\b(?:born|birth|debut(?:ed)?|founded|established|since|from)\s+(?:in\s+)?$", re.I
)
# A sentence ends in punctuation or the text; a line that stops without one is a
# heading, skipped. ("$|\n" and not a failed match: a long unpunctuated line would
# cost time in the square of its length.)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$|\n)")
_ISO = re.compile(r"^(?P<y>\d{4})(?:[-./](?P<m>\d{1,2})(?:[-./](?P<d>\d{1,2}))?)?$")
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")


def _last_year() -> int:
    return date.today().year + 1


def _plausible(value: str) -> bool:
    """A publication date no news archive holds (year 1, 9999) is an error in the
    input, and dating "next year" against it would leave the calendar."""
    return FIRST_YEAR <= int(value[:4]) <= _last_year()


def parse_date(raw: str) -> TimeValue | None:
    """A date string from an input field or page metadata, at its own precision."""
    text = raw.strip()
    if not text:
        return None
    match = _ISO.match(text) or _COMPACT.match(text)
    if match:
        return _from_parts(int(match["y"]), match["m"], match["d"], text)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        return TimeValue(parsed.date().isoformat(), "day", text)
    try:
        return TimeValue(email.utils.parsedate_to_datetime(text).date().isoformat(), "day", text)
    except (TypeError, ValueError, IndexError):
        pass
    return _parse_free_date(text)


def _from_parts(year: int, month: str | None, day: str | None, text: str) -> TimeValue | None:
    try:
        if day:
            return TimeValue(date(year, int(month or 0), int(day)).isoformat(), "day", text)
        if month:
            return TimeValue(date(year, int(month), 1).isoformat()[:7], "month", text)
    except ValueError:
        return None
    return TimeValue(f"{year:04d}", "year", text)


@cache
def _date_parser() -> DateDataParser:
    from dateparser.date import DateDataParser  # slow import: only for unusual formats

    return DateDataParser(languages=["en"])


def _parse_free_date(text: str) -> TimeValue | None:
    if not _YEAR_TOKEN.search(text):
        return None  # "March 24" alone must not become a day of the current year
    found = _date_parser().get_date_data(text)
    if found.date_obj is None:
        return None
    value = found.date_obj.date().isoformat()
    if found.period == "year":
        return TimeValue(value[:4], "year", text)
    if found.period == "month":
        return TimeValue(value[:7], "month", text)
    return TimeValue(value, "day", text)


def infer_from_content(text: str) -> TimeValue:
    """The month an article was written in, from its own words; unknown when unsure.

    A sentence that names a day without a year ("On the morning of May 19") next to a
    year ("the 2024 Cannes Film Festival") places the article in that month: news
    reports days of the current year by month and day. That year must be the latest
    the article names (older years are background), and the latest such month wins.
    """
    latest_year = max((int(m["year"]) for m in _YEAR_TOKEN.finditer(text)), default=None)
    best: tuple[int, int] | None = None
    evidence = None
    for sentence in _SENTENCE.findall(text):
        if sentence.endswith("\n"):
            continue
        days = list(_MONTH_DAY.finditer(sentence))
        if not days:
            continue
        years = [
            int(m["year"])
            for m in _YEAR_TOKEN.finditer(sentence)
            if not _BACKGROUND.search(sentence[: m.start()])
        ]
        if len(set(years)) != 1 or years[0] != latest_year:
            continue  # no year, several, or a year of the background
        for day in days:
            candidate = (years[0], MONTHS[day["month"].lower()])
            if best is None or candidate > best:
                best, evidence = candidate, sentence.strip()
    if best is None:
        return TimeValue.unknown()
    return TimeValue(f"{best[0]:04d}-{best[1]:02d}", "month", evidence)


def publication_date(raw: RawDocument, text: str) -> tuple[Published, str | None]:
    """The document's Published value and a note when a given date could not be read."""
    if raw.published:
        parsed = parse_date(raw.published)
        if parsed and parsed.value and _plausible(parsed.value):
            basis: DateBasis = raw.published_basis
            return Published(parsed.value, parsed.precision, basis), None
        if parsed and parsed.value:
            note = (
                f"date {raw.published!r} is out of range (years {FIRST_YEAR} to "
                f"{_last_year()}); inferring from the text"
            )
        else:
            note = f"date {raw.published!r} not understood; inferring from the text"
    else:
        note = None
    inferred = infer_from_content(text)
    if inferred.value:
        return Published(inferred.value, inferred.precision, "content"), note
    return Published.unknown(), note
