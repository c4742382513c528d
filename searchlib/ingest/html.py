"""HTML pages: metadata from ``<head>``, the article text from content scoring.

One parse per page (BeautifulSoup with lxml) after a regex pass has cut scripts, styles,
comments and page chrome (:mod:`htmlprep`); metadata and body come from the same tree.
The article is found by :mod:`content`. This module is imported only when an HTML file
is met, because bs4 and lxml cost ~100 ms at start-up.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import warnings
from typing import Any, Callable

from bs4 import BeautifulSoup, NavigableString

from searchlib.errors import IngestError
from searchlib.ingest.content import Extraction, extract_content
from searchlib.ingest.dates import find_date, parse_date
from searchlib.ingest.htmlprep import Prepared, prepare_html
from searchlib.ingest.pagechrome import copyright_holder
from searchlib.ingest.sources import load_sources
from searchlib.ingest.unlisted import named_paper
from searchlib.textnorm import fold_key

_DATE_META = ("article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
              "dc.date.issued", "og:published_time", "article:published", "publish-date", "created")
_SITE_SEPARATORS = (" | ", " - ", " – ", " — ")
_MIN_TITLE = 20
#: A visible "Published: 9 Dec 2025 at 13:48" / "Ngày đăng: 15/09/2025" line (the page's
#: own words, so it beats generic date metas, which some sites leave stale); "Updated"
#: lines are the last resort.
_PUBLISHED_LINE = re.compile(r">\s*(?:(published|posted|ngày đăng|đăng ngày|đăng lúc|xuất bản)|(updated|cập nhật))"
                             r"(?:\s*(?:on|at|lúc|ngày))?\s*:?\s*([^<>]{6,100})<", re.I)  # then views, print, share
#: A line giving the time a page was changed, not published.
_MODIFIED = re.compile(r"\W*(?:updated|last updated|modified|edited|cập nhật|sửa lúc|cap nhat)\b", re.I)
_BYLINE_PREFIX = re.compile(r"^(?:By|Written by|Bài và ảnh:?|Bài:|Tác giả:?)\s+", re.I)
#: Photo captions and images' alt text, left out of the text but read for the accents of names
#: the text gives without.
_CAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>|<img\b[^>]*?\balt=\"([^\"]+)\""
                      r"|<(p|div|span|em)\b[^>]*?\bclass=[\"'][^\"'>]*caption[^\"'>]*[\"'][^>]*>(.*?)</\3>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")


def extract_html(text: str, where: str) -> tuple[str, dict[str, Any]]:
    """Return the article text of a page (paragraphs separated by blank lines) and the
    metadata found in it (title, date, source, url, author; absent keys were not found)."""
    prepared = prepare_html(text)
    try:
        with warnings.catch_warnings():  # bs4 warns (prints) about markup that looks like a URL or XML
            warnings.simplefilter("ignore")
            soup = BeautifulSoup(prepared.markup, "lxml", multi_valued_attributes=None)
    except Exception as exc:  # noqa: BLE001 - lxml/bs4 raise assorted types on broken input
        raise IngestError(where, f"cannot parse HTML ({type(exc).__name__})") from None
    try:
        found = extract_content(soup)
    except RecursionError:
        found = Extraction(paragraphs=_plain_text(soup))
    metas = dict(prepared.metas)
    for key, value in found.body_metas:
        metas.setdefault(key, value)
    meta = _metadata(prepared, metas, found)
    captions = [" ".join(_TAG.sub(" ", caption or alt or classed).split())
                for caption, alt, _tag, classed in _CAPTION.findall(prepared.markup)]
    if captions:
        meta["captions"] = "\n".join(captions)
    return "\n\n".join(found.paragraphs), meta


def _metadata(prepared: Prepared, metas: dict[str, str], found: Extraction) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    site_name = metas.get("og:site_name")
    page_title = _page_title(prepared.title)
    if page_title and found.heading and _names_the_site(page_title, found.heading, metas):
        # "<title>Cổng Thông tin điện tử Bộ Công an</title>" on every page of a portal:
        # the headline is the <h1>, and the title names the publisher
        site_name = site_name or page_title
        page_title = None
    site_name = site_name or _site_of(prepared)
    title = metas.get("og:title") or page_title or found.heading
    if title:
        meta["title"] = title
    date = _first_date(metas, prepared, found, site_name)
    if date:
        meta["date"] = date
    if site_name:
        meta["site"] = site_name  # the page's publisher; a wire credited for the story comes first
    url = metas.get("og:url") or prepared.canonical
    if url:
        meta["url"] = url
    author = metas.get("author") or metas.get("article:author")
    if author and author.startswith("http"):
        author = None
    author = author or found.author
    if author:
        meta["author"] = _BYLINE_PREFIX.sub("", author).strip()
    return meta


def _page_title(title: str | None) -> str | None:
    """``<title>`` without a trailing " | Site name" (or a leading "KPL - ") when what is
    left is long enough."""
    if not title:
        return None
    for sep in _SITE_SEPARATORS:
        if sep in title:
            head = title.rsplit(sep, 1)[0].strip()
            if len(head) >= _MIN_TITLE:
                return head
            first, rest = (part.strip() for part in title.split(sep, 1))
            if len(rest) >= _MIN_TITLE and _is_outlet(first):
                return rest
    return title


def _names_the_site(title: str, heading: str, metas: dict[str, str]) -> bool:
    """Whether a page's ``<title>`` is only the site's name (an outlet of the sources
    table, or the site's own name or description repeated) while its ``<h1>`` says more."""
    key = fold_key(title)
    if key == fold_key(heading):
        return False
    if any(fold_key(metas.get(k) or "") == key for k in ("og:site_name", "description", "application-name")):
        return True
    return not any(sep in title for sep in _SITE_SEPARATORS) and _is_outlet(title)


def _site_of(prepared: Prepared) -> str | None:
    """The outlet a page names without ``og:site_name``: its ``<title>`` ("… - Nhan Dan
    Online", "Vientiane Times", a paper outside the table: "… | Báo Xây dựng"), else its
    copyright line."""
    title = prepared.title or ""
    parts = [title]
    for sep in _SITE_SEPARATORS:
        if sep in title:
            head, tail = title.rsplit(sep, 1)
            parts += [tail, head]
    for part in parts:
        if _is_outlet(part.strip()):
            return part.strip()
    if len(parts) > 1 and named_paper(parts[1].strip()):  # "… | Báo Xây dựng": a paper outside the table
        return parts[1].strip()
    return copyright_holder(prepared.copyright, load_sources()) if prepared.copyright else None


def _is_outlet(name: str) -> bool:
    """Whether ``name`` is an outlet of the sources table (never a headline that opens with
    a wire's credit, "AFP journalist arrested ...")."""
    return len(name) <= 80 and load_sources().lookup(name, strict=True) is not None


#: Hours ahead of UTC of the countries of the sources table (standard time): a UTC stamp is
#: the reader's next day there from this hour on.
_UTC_HOURS = {"Vietnam": 7, "Cambodia": 7, "Laos": 7, "Thailand": 7, "Indonesia": 7, "Malaysia": 8, "Singapore": 8,
              "Philippines": 8, "China": 8, "Taiwan": 8, "Japan": 9, "Korea": 9, "Australia": 10}


def _hours_ahead(site_name: str | None) -> int | None:
    """How many hours the publisher's country is ahead of UTC, when the page names a known outlet."""
    if not site_name or len(site_name) > 80:
        return None
    table = load_sources()
    return _UTC_HOURS.get(table.country(table.lookup(site_name, strict=True)) or "")


def _first_date(metas: dict[str, str], prepared: Prepared, found: Extraction, site: str | None = None) -> str | None:
    given: list[str] = []
    if metas.get("article:published_time"):
        given.append(metas["article:published_time"])
    given += found.times[:5]

    def shown() -> list[str]:  # the dates the page shows, looked for only for a late UTC stamp
        return [*_published_lines(prepared.markup)[0][:2], *found.date_texts, *found.time_texts[:3],
                *found.under_heading]

    for value in given:
        parsed = parse_date(value)
        if parsed:
            return _as_shown(_local_day(value, parsed, shown, site), found).isoformat()
    published, updated = _published_lines(prepared.markup)
    for text in published[:2]:
        parsed = find_date(text)
        if parsed:
            return parsed.isoformat()
    given = [metas[k] for k in _DATE_META if metas.get(k)] + _json_ld_dates(prepared.json_ld)
    for value in given:
        parsed = parse_date(value)
        if parsed:
            return _as_shown(_local_day(value, parsed, shown, site), found).isoformat()
    # a date-classed line ("(Latest Update July 22, 2025)"), then a <time> without datetime
    # (related-story lists use those too), then an "Updated" line
    for text in [*found.date_texts, *found.time_texts[:3], *updated[:2]]:
        parsed = find_date(text)
        if parsed:
            return parsed.isoformat()
    for text in found.under_heading:  # "23/07/2025 04:12 PM" in a plain <div> under the headline
        parsed = parse_date(text)
        if parsed:
            return parsed.isoformat()
    return None


def _as_shown(day: _dt.date, found: Extraction) -> _dt.date:
    """``day`` (a metadata stamp's), or the date printed right under the headline when the two
    are one to three days apart: a stamp of the draft, a stale or a modified time, where the
    page shows the reader its own date ("Thứ Năm, 03/10/2024 | 08:21" against a stamp of the
    evening before)."""
    for text in found.under_heading[:3]:
        if _MODIFIED.match(text):
            continue  # "Updated: 05/10/2024 10:00" is a later day, not the one the page was published
        printed = find_date(text) if len(text) <= 60 else None  # "Thứ Tư, 22-03-2023, 21:15"
        if printed:
            return printed if 0 < abs((printed - day).days) <= 3 else day
    # a date line elsewhere on the page ("14 June, 2023" in a date-classed span) counts only where
    # the lead's dateline says the same day ("Phnom Penh, June 14, 2023 AKP --"): two dates the
    # reader sees against one stamp
    first = found.date_texts[0] if found.date_texts else ""
    printed = find_date(first) if len(first) <= 60 and not _MODIFIED.match(first) else None
    if printed and 0 < abs((printed - day).days) <= 3:
        lead = next((p for p in found.paragraphs[:3] if len(p) > 80), "")
        if find_date(lead[:60]) == printed:
            return printed
    return day


#: A UTC timestamp from 16:00 on, which is already the next day in the region (UTC+7, +8).
_LATE_UTC = re.compile(r"\d{4}-\d\d-\d\d[T ](\d\d):\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]00:?00)")


def _local_day(value: str, parsed: _dt.date, shown: Callable[[], list[str]], site: str | None = None) -> _dt.date:
    """The day a metadata stamp falls on where the article was published: a UTC stamp late in
    the day ("2025-06-16T23:30:00Z") is the next day when the publisher's country is that far
    ahead of UTC (Khmer Times: 23:48 UTC is 06:48 in Phnom Penh) or the page itself shows that
    day ("June 17, 2025 - 06:30"); otherwise the stamp's own day."""
    late = _LATE_UTC.fullmatch(value.strip())
    if late is None:
        return parsed
    ahead = _hours_ahead(site)  # ``site``: the page's publisher, when it names one
    if int(late.group(1)) < (24 - ahead if ahead is not None else 16):
        return parsed
    next_day = parsed + _dt.timedelta(days=1)
    days = {find_date(text) for text in shown()}
    if ahead is not None:
        # unless the page shows the stamp's own day and not the next: a local time marked "Z"
        return parsed if parsed in days and next_day not in days else next_day
    return next_day if next_day in days else parsed


def _published_lines(markup: str) -> tuple[list[str], list[str]]:
    """The texts of "Published: …" and of "Updated: …" lines, in page order."""
    published: list[str] = []
    updated: list[str] = []
    for match in _PUBLISHED_LINE.finditer(markup):
        (published if match.group(1) else updated).append(match.group(3))
    return published, updated


def _json_ld_dates(blocks: list[str]) -> list[str]:
    found: list[str] = []
    for block in blocks:
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    found.append(item["datePublished"])
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return found


def _plain_text(soup: BeautifulSoup) -> list[str]:
    """Fallback for pages too deeply nested to walk: all text, one line per string."""
    lines = (" ".join(s.split()) for s in soup.find_all(string=True)
             if type(s) is NavigableString and s.parent is not None
             and s.parent.name not in ("script", "style", "noscript", "template", "title"))
    return [line for line in lines if line]
