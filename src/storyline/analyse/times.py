"""Time: the dates a text's time expressions name, relative to its publication date.

"May 19", "March 16, 2024" and "2017" name their date; "on Friday", "earlier today",
"May last year", "in November" and "half a year ago" are read against the day the
article was published (a weekday is the most recent such day on or before it; a month
alone, the most recent such month). A date is never finer than its evidence: "last
year" is a year, "last week" a month, and an article dated only to a month turns
"yesterday" into that month. Without a publication date, relative expressions stay
unknown.

Rules, not a free-text search: dateparser's search reads the "Jun" of "Ryu Jun-yeol"
as June. Absolute forms are few in English news and a regular expression reads them
exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.models import Precision, Published, TimeValue
from storyline.read.published import MONTHS

WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "half a": 0.5,
    "a couple of": 2, "a few": 3, "several": 3,
}  # fmt: skip
RANK: dict[Precision, int] = {"unknown": 0, "year": 1, "month": 2, "day": 3}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# Beside a month, any year of the last thousand ("born May 15, 1814"); alone, only
# this and the last century's, or an older one that "in", "born" … says is a year
# ("died in 1876"), as "1500 fans" is not.
_YEAR = r"(?P<year>(?:1\d|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_COUNT = r"(?P<count>\d+|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_RELATIVE_YEAR = r"(?P<which>last|this|next|previous|the previous|the following)\s+year"

# Longest and most specific first: the first pattern to match a stretch of text wins.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
        ("month_day_year", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
        ("day_month_year", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
        ("month_year", rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
        ("month_relative_year", rf"\b{_MONTH}\s+(?:of\s+)?{_RELATIVE_YEAR}"),
        ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|percent))"),
        ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b"),
        ("relative_year", rf"\b(?:(?:early|earlier|late|later|mid|in|during)\s+)?"
                          rf"{_RELATIVE_YEAR}\b"),
        ("relative_month", r"\b(?P<which>last|this|next|previous)\s+month\b"),
        ("season", r"\b(?P<which>last|this|next|past)\s+"
                   r"(?P<season>spring|summer|fall|autumn|winter)\b"),
        ("relative_week", r"\b(?P<which>last|this|next|previous)\s+week\b"),
        ("ago", rf"\b{_COUNT}\s+{_UNIT}\s+ago\b"),
        ("today", r"\b(?:earlier|later)\s+today\b|\btoday\b|\btonight\b"
                  r"|\bthis\s+(?:morning|afternoon|evening)\b"),
        ("yesterday", r"\byesterday\b|\blast\s+night\b"),
        ("weekday", rf"\b(?:(?P<last>last|this|past)\s+)?{_WEEKDAY}\b(?!\s*,?\s*{_MONTH})"),
        ("month", rf"\b(?P<lead>in|since|until|by|from|last|early|late|mid|mid-|this|next)"
                  rf"\s*{_MONTH}(?![\w-])(?!\s+\d)"),
        ("year", r"(?<![\d.,$#-])\b(?P<year>(?:19|20)\d\d)s?\b(?![\d.,]\d)"
                 r"(?!\s*(?:%|percent|won|dollars|km|m\b))"),
        ("year", r"(?:(?<=\bin )|(?<=\bsince )|(?<=\bfrom )|(?<=\buntil )|(?<=\bborn )"
                 r"|(?<=\bdied )|(?<=\bcirca ))"
                 r"(?P<year>1[0-8]\d\d)\b(?![\d.,]\d)(?!\s*(?:%|percent|people|fans))"),
    )
)  # fmt: skip


@dataclass(slots=True, frozen=True)
class TimeMention:
    """A time expression at [start, end) of a text, and the date it names."""

    start: int
    end: int
    time: TimeValue


def find_times(text: str, published: Published | None = None) -> list[TimeMention]:
    """Every time expression of `text` with the date it names, in text order; the ones
    that name nothing known here (a weekday without a publication date) are left out."""
    reference = _reference(published)
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken) or _lower_case_name(match):
                continue
            if _year_of_a_title(text, start, end) or (kind == "today" and _a_name(text, start)):
                continue
            taken.append((start, end))
            try:
                value = _normalise(kind, match, reference)
            except (ValueError, OverflowError):  # "7,000 years ago": before the year 1
                continue
            if value is not None and value.value is not None:
                found.append(TimeMention(start, end, value))
    return sorted(found, key=lambda t: t.start)


def _a_name(text: str, start: int) -> bool:
    """'told NBC's Today', 'on the Tonight Show': a capital in mid-sentence makes the
    word a programme's name, not a day."""
    before = text[:start].rstrip()
    return text[start].isupper() and bool(before) and before[-1] not in ".!?\"“”'‘’:\n"


def _year_of_a_title(text: str, start: int, end: int) -> bool:
    """'“Wish (2013)”', '"Thirst" (2009)': the year a work came out, which dates nothing
    the sentence tells."""
    if end - start != 4 or text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    quotes = {"”", '"', "’", "'"}
    after = text[end + 1 : end + 3]
    return bool(quotes & set(after)) or text[: start - 1].rstrip()[-1:] in quotes


def _lower_case_name(match: re.Match[str]) -> bool:
    """'may' and 'march' are verbs: a month or weekday is written with a capital."""
    groups = match.groupdict()
    return any((groups.get(g) or "A")[0].islower() for g in ("month", "weekday"))


def normalise(expression: str, published: Published | None = None) -> TimeValue:
    """The date one expression names ('May last year' -> 2023-05 for a 2024 article)."""
    times = find_times(expression, published)
    if len(times) == 1:
        return times[0].time
    return TimeValue.unknown(expression)


@dataclass(slots=True, frozen=True)
class _Reference:
    day: date
    precision: Precision


def _reference(published: Published | None) -> _Reference | None:
    if published is None or published.value is None:
        return None
    parts = [int(p) for p in published.value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return _Reference(date(parts[0], parts[1], parts[2]), published.precision)


def _value(day: date, precision: Precision, text: str, ref: _Reference | None = None) -> TimeValue:
    """`day` cut to `precision`, and no finer than the reference date it came from
    ('yesterday' in an article dated only to May 2024 is May 2024)."""
    if ref is not None and RANK[ref.precision] < RANK[precision]:
        day, precision = ref.day, ref.precision
    if precision == "day":
        return TimeValue(day.isoformat(), "day", text)
    if precision == "month":
        return TimeValue(day.isoformat()[:7], "month", text)
    if precision == "year":
        return TimeValue(f"{day.year:04d}", "year", text)
    return TimeValue.unknown(text)


def _normalise(kind: str, match: re.Match[str], ref: _Reference | None) -> TimeValue | None:
    text = match.group(0)
    groups = match.groupdict()
    month = MONTHS.get((groups.get("month") or "").lower().rstrip("."))
    try:
        if kind == "iso":
            return _value(
                date(int(groups["year"]), int(groups["m"]), int(groups["d"])), "day", text
            )
        if kind in {"month_day_year", "day_month_year"} and month:
            return _value(date(int(groups["year"]), month, int(groups["day"])), "day", text)
        if kind == "month_year" and month:
            return _value(date(int(groups["year"]), month, 1), "month", text)
        if kind == "year":
            if text.endswith("s"):
                return None  # "the 2010s": a decade
            return _value(date(int(groups["year"]), 1, 1), "year", text)
    except ValueError:
        return None  # "February 30"
    if ref is None:
        return None
    return _relative(kind, groups, month, text, ref)


def _relative(
    kind: str, groups: dict[str, str | None], month: int | None, text: str, ref: _Reference
) -> TimeValue | None:
    today = ref.day
    try:
        if kind in {"month_day", "day_month"} and month:
            day = date(today.year, month, int(groups["day"] or 0))
            if (day - today).days > 183:
                day = day.replace(year=today.year - 1)  # "Dec. 28" in a January article
            return _value(day, "day", text)  # only its year comes from the reference
    except ValueError:
        return None
    if kind == "month_relative_year" and month:
        return _value(
            date(today.year + _year_offset(groups["which"]), month, 1), "month", text, ref
        )
    if kind == "relative_year":
        return _value(date(today.year + _year_offset(groups["which"]), 1, 1), "year", text, ref)
    if kind == "season":
        return _value(date(_season_year(groups, today), 1, 1), "year", text, ref)
    if kind == "relative_month":
        return _value(_months_before(today, -_year_offset(groups["which"])), "month", text, ref)
    if kind == "relative_week":
        return _value(
            today - timedelta(days=7 * -_year_offset(groups["which"])), "month", text, ref
        )
    if kind == "ago":
        return _ago(groups, text, ref)
    if kind == "today":
        return _value(today, "day", text, ref)
    if kind == "yesterday":
        return _value(today - timedelta(days=1), "day", text, ref)
    if kind == "weekday":
        weekday = WEEKDAYS[(groups["weekday"] or "").lower().rstrip(".")]
        back = (today.weekday() - weekday) % 7
        if back == 0 and (groups.get("last") or "").lower() == "last":
            back = 7
        return _value(today - timedelta(days=back), "day", text, ref)
    if kind == "month" and month:
        lead = (groups.get("lead") or "").lower()
        year = today.year + (1 if lead == "next" else 0)
        if lead not in {"this", "next", "until", "by"} and month > today.month:
            year -= 1  # "in November", said in May: the November before
        if lead == "last" and month >= today.month:
            year = today.year - 1
        return _value(date(year, month, 1), "month", text, ref)
    return None


# The month each season ends in (winter: February of the next year).
_SEASON_ENDS = {"spring": 5, "summer": 8, "fall": 11, "autumn": 11, "winter": 14}


def _season_year(groups: dict[str, str | None], today: date) -> int:
    """'last summer' said in May 2024 is 2023's, said in November 2024's: a year, as
    a season is no month (a winter is the year of its December)."""
    which = (groups["which"] or "").lower()
    ends = _SEASON_ENDS[(groups["season"] or "").lower()]
    over = today.month > ends if ends <= 12 else False
    if which in {"last", "past"}:
        return today.year if over else today.year - 1
    if which == "next" and ends > 12:
        return today.year if today.month < 12 else today.year + 1  # the coming December
    if which == "next":
        return today.year + 1 if over else today.year
    return today.year


def _year_offset(which: str | None) -> int:
    word = (which or "").lower()
    if word in {"last", "previous", "the previous"}:
        return -1
    if word in {"next", "the following"}:
        return 1
    return 0


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _ago(groups: dict[str, str | None], text: str, ref: _Reference) -> TimeValue | None:
    raw = (groups["count"] or "").lower()
    count = float(raw) if raw.isdigit() else _NUMBERS.get(raw)
    if count is None:
        return None
    unit = (groups["unit"] or "").lower()
    if unit == "year" and count >= 1:
        return _value(date(ref.day.year - int(count), 1, 1), "year", text, ref)
    if unit in {"year", "month"}:
        months = round(count * (12 if unit == "year" else 1))
        return _value(_months_before(ref.day, months), "month", text, ref)
    days = count * (7 if unit == "week" else 1)
    # "a few days ago" is a guess: say only the month
    precise = raw not in {"a few", "several", "a couple of"}
    precision: Precision = "day" if unit == "day" and precise else "month"
    return _value(ref.day - timedelta(days=int(days)), precision, text, ref)
