"""Publication dates: parsing given values and finding the date in an article's text.

Vietnamese sites write day first (15/9/2025), English wires write "September 17, 2025".
The extractor never invents a year: "on August 20" or "in 1997" give no date, because a
wrong date silently hides an article from date filters.
"""

from __future__ import annotations

import datetime as _dt
import re

from searchlib.textnorm import fold

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.I) for p in (
    # ISO 2025-08-19 (optionally followed by a time), and 2025/08/19.
    r"(?<![\d/.-])(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/])",
    # Day first: 15/9/2025, 17-09-2025, 17.09.2025.
    r"(?<![\d/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)",
    # September 17, 2025 / Sept. 17, 2025.
    r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)",
    # 17 September 2025.
    r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})(?!\d)",
    # ngày 15 tháng 9 năm 2025 / 15 tháng 9, 2025 (also typed without accents).
    r"(?<!\d)(?P<d>\d{1,2})\s+(?:tháng|thang)\s+(?P<m>\d{1,2})(?:\s*,\s*|\s+(?:năm|nam)\s+|\s+)(?P<y>\d{4})(?!\d)",
))
#: "Vientiane, September 3 (KPL) -": place, comma, month and day, a credit in brackets.
_DATELINE_DAY = re.compile(r"(?:^|\n)[^\W\d_][^\n,()]{1,40},\s+" + _MONTH + r"\s+(?P<d>\d{1,2})\s*\([^()\n]{1,30}\)",
                           re.I)
#: A year-to-date figure ("in the first ten months of 2025", "10 tháng đầu năm 2025"): the
#: article was written after those months of that year.
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11}
_YEAR_TO_DATE = re.compile(r"\bfirst\s+(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s+months\s+of\s+"
                           r"(?:this\s+year\s*,?\s*|the\s+year\s*)?\(?(?P<y>(?:19|20)\d{2})\b"
                           r"|(?<!\d)(?P<vn>\d{1,2})\s+tháng\s+đầu\s+năm\s+(?P<vy>(?:19|20)\d{2})\b", re.I)
#: The region's time zones after a time: Korea, Japan, Indochina, Western Indonesia, Malaysia,
#: Singapore, the Philippines, Hong Kong, China.
_ZONES = r"KST|JST|ICT|WIB|MYT|SGT|PHT|PST|HKT|CST"
_TIME = (r"(?:\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?(?:\s*\(?(?:GMT|UTC)\s*[+-]?\d{0,2}(?::?\d{2})?\)?)?"
         r"(?:\s*\(?(?:" + _ZONES + r")\)?)?)")
_WEEKDAY = (r"(?:th[uứ]\s+(?:hai|ba|tư|tu|năm|nam|sáu|sau|bảy|bay)|ch[uủ]\s+nh[aậ]t|"
            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\.?")
#: What may surround a date on a line that is only a date: weekday, time, "ngày", separators.
_DATE_LINE_NOISE = re.compile(r"(?:" + _WEEKDAY + r"|" + _TIME + r"|ngày|updated|publication date|date published|published|posted on|posted|cập nhật|đăng"
                              r"|\b(?:ngay|dang|cap nhat|lúc|luc)\b"  # typed without accents: "Dang luc: 11:05, 12/05/2026"
                              r"|\b(?:" + _ZONES + r")\b)"
                              r"|[\s,|\-–—:()]+", re.I)
#: The times on a date line, taken off before its separators are ("11-11-2025 17:05").
_TIMES = re.compile(r"\s*(?<![\d-])" + _TIME, re.I)
#: A year glued to the time after it by copying a page ("November 3, 20223:41 PM").
_GLUED_TIME = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{1,2}:\d{2})(?!\d)")
#: A month, day and year written without spaces ("Apr.22,2025").
_PACKED = re.compile(r"\b([A-Z][a-z]{2})\.(\d{1,2}),((?:19|20)\d{2})\b")
#: Where a line's second date, the last update, starts ("... 3:41 PM Updated November 3").
_UPDATED = re.compile(r"\s*(?:last\s+)?(?:updated|cập nhật)\b", re.I)
_ISO_DATETIME = re.compile(r"(\d{4}[-/]\d{1,2}[-/]\d{1,2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
                           r"(?:\s*\(?(?:(?:GMT|UTC)\s*[+-]?\d{0,2}(?::?\d{2})?|" + _ZONES + r")\)?)?", re.I)  # "11:36 JST"


def parse_date(value: object) -> _dt.date | None:
    """Parse a given metadata date (header, JSONL, HTML meta). Full dates only: ``2025-08``
    or ``2025`` give ``None``. Accepts ``date``/``datetime`` objects too."""
    if isinstance(value, _dt.datetime):
        return _checked(value.year, value.month, value.day)
    if isinstance(value, _dt.date):
        return _checked(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    text = _GLUED_TIME.sub(r"\1 \2", _ISO_DATETIME.sub(r"\1", value.strip()).strip())
    text = _PACKED.sub(r"\1. \2, \3", text)  # "Apr.22,2025" as The Hankyoreh prints it
    found = _date_line(text)
    if found is None:  # published, then updated: "... 3:41 PM Updated November 3, 2022"
        published = _UPDATED.split(text, maxsplit=1)[0]
        if published.strip() and published != text:
            found = _date_line(published)
    return found


def _date_line(text: str) -> _dt.date | None:
    """The date of ``text`` when it is only a date, with or without a weekday, a time or
    words such as "ngày" and "Published"."""
    return _match_whole(text) or _match_whole(_TIMES.sub("", text).strip()) \
        or _match_whole(_DATE_LINE_NOISE.sub(" ", text).strip())


def find_date(text: str, *, head: int = 600) -> _dt.date | None:
    """The article date in running text: a line that is only a date (with an optional
    weekday and time) anywhere, else the first full date in the first ``head`` characters."""
    for line in text.split("\n"):
        line = line.strip()
        if line and len(line) <= 60:
            found = parse_date(line)  # "2024-12-19 20:17:36" under a wire story, "Thứ Hai, 15/9/2025"
            if found:
                return found
    window = text[:head]
    dated = _dateline(window, text)
    if dated:
        return dated
    best: tuple[int, _dt.date] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(window):
            found = _from_match(match)
            if found and (best is None or match.start() < best[0]):
                best = (match.start(), found)
                break
    return best[1] if best else None


#: A date in a page's address, as blogs and many news sites build it ("/2024/12/05/slug").
_ADDRESS_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")


def address_date(url: str | None) -> _dt.date | None:
    """The day in ``url``'s path ("laotiantimes.com/2024/12/05/..."): the last resort for a
    copied page whose text gives no date, since such a site files a story under its day."""
    match = _ADDRESS_DATE.search(url.split("?", 1)[0]) if url else None
    return _checked(*map(int, match.groups())) if match else None


def _dateline(window: str, text: str) -> _dt.date | None:
    """A wire dateline's day ("Vientiane, September 3 (KPL) -", "BEIJING, June 24 (Xinhua) --")
    dated by the year of a full date near it: the dateline is the publication day, the
    full date in the text is usually the event a day or two before. Only a full date
    within 45 days of the dateline, or a year-to-date figure just before it, lends its
    year, so no year is ever guessed."""
    found_day = _dateline_day(window)
    if found_day is None:
        return None
    match, month, day = found_day
    rest = window[match.end():]
    for pattern in _PATTERNS:
        for found_match in pattern.finditer(rest):
            found = _from_match(found_match)
            if found is None:
                continue
            for year in (found.year, found.year + 1, found.year - 1):
                candidate = _checked(year, month, day)
                if candidate and abs((candidate - found).days) <= 45:
                    return candidate
    return _year_to_date(text[match.end():], month, day)


def _dateline_day(text: str) -> tuple[re.Match[str], int, int] | None:
    """The dateline in the first 300 characters of ``text``, with its month and day."""
    match = _DATELINE_DAY.search(text[:300])
    if not match:
        return None
    return match, _MONTHS[fold(match.group("mon")).lower()], int(match.group("d"))


def dateline_near(text: str, reference: _dt.date) -> _dt.date | None:
    """A yearless wire dateline at the top of ``text`` ("MANILA, Oct 29 (Reuters) -") dated
    within 45 days of ``reference`` (the day a mail carrying the story was sent); or a yearless
    date line there ("Jan. 30 18:40 JST"), dated within the 45 days before it."""
    found_day = _dateline_day(text)
    if found_day is not None:
        _match, month, day = found_day
        return _near(month, day, reference, after=True)
    line = _YEARLESS_LINE.search(text[:400])
    if line is None:
        return None
    return _near(_MONTHS[fold(line.group("mon")).lower()], int(line.group("d")), reference, after=False)


def _near(month: int, day: int, reference: _dt.date, *, after: bool) -> _dt.date | None:
    """``month``/``day`` in the year that puts it within 45 days of ``reference`` (before it,
    or also after it when ``after``)."""
    for year in (reference.year, reference.year - 1, reference.year + 1):
        candidate = _checked(year, month, day)
        if candidate and (abs((candidate - reference).days) <= 45 if after else 0 <= (reference - candidate).days <= 45):
            return candidate
    return None


#: A line that is only a month and a day, with a weekday or a time ("Jan. 30 18:40 JST"), maybe
#: its count of comments ("Mar. 14  06:30 am JST  |  3 Comments").
_YEARLESS_LINE = re.compile(r"(?:^|\n)[ \t]*(?:" + _WEEKDAY + r",?[ \t]+)?" + _MONTH + r"[ \t]+(?P<d>\d{1,2})(?!\d)"
                            r"(?:,?[ \t]+" + _TIME + r")?[ \t]*(?:\|[ \t]*\d+[ \t]+comments?[ \t]*)?(?=\n|$)", re.I)


def _year_to_date(text: str, month: int, day: int) -> _dt.date | None:
    """A yearless dateline dated by a year-to-date figure of the story: a report "in the
    first ten months of 2025" dated "November 5" was written in 2025. Only a dateline in
    the one or two months after the figure's period takes its year."""
    for match in _YEAR_TO_DATE.finditer(text):
        months = match.group("n") or match.group("vn")
        count = int(months) if months.isdigit() else _NUMBER_WORDS[months.lower()]
        if count < month <= count + 2:
            return _checked(int(match.group("y") or match.group("vy")), month, day)
    return None


#: Month first, as US-style English pages write it ("Saturday, 6/21/2025 18:05"): read so
#: only when the day-first reading is no date (21 is no month).
_MONTH_FIRST = re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})")


def _match_whole(text: str) -> _dt.date | None:
    if not text or not any(ch.isdigit() for ch in text):
        return None
    for pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        found = _from_match(match) if match else None
        if found:
            return found
    match = _MONTH_FIRST.fullmatch(text)
    if match and int(match.group("d")) > 12:
        return _from_match(match)
    return None


def _from_match(match: re.Match[str]) -> _dt.date | None:
    groups = match.groupdict()
    try:
        year, day = int(groups["y"]), int(groups["d"])
        month = _MONTHS[fold(groups["mon"]).lower()] if groups.get("mon") else int(groups["m"])
    except (KeyError, TypeError, ValueError):
        return None
    return _checked(year, month, day)


def _checked(year: int, month: int, day: int) -> _dt.date | None:
    """A real calendar date between 1980 and next year, else ``None``."""
    if not 1980 <= year <= _dt.date.today().year + 1:
        return None
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None
