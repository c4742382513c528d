"""Cheap text-level work on a page before it is parsed: the ``<head>`` read, chrome cut.

Parsing dominates the cost of reading a page: BeautifulSoup builds a Python object for
every tag and string. Scripts, styles, comments, inline SVG, form controls and the
page-level ``<nav>``/``<header>``/``<footer>``/``<aside>`` blocks never hold article text,
and on real news pages they are more than half of the bytes, so they are cut out with one
regex pass (C speed). The ``<head>`` holds only flat ``<meta>``, ``<title>`` and ``<link>``
tags, so it is read with regexes and not parsed at all. JSON-LD blocks are kept aside:
they carry the publication date.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field

#: Elements removed with their content. ``nav``/``footer``/``aside`` rarely nest in
#: themselves; when they do, the non-greedy match leaves a tail that the content scorer
#: still rejects as link-heavy chrome.
_CUT = re.compile(
    r"<(?:(script|style|noscript|template|svg|iframe|select|textarea|button|nav|header|footer|aside|object|map)"
    r"(?=[\s/>])[^>]*>.*?</\1\s*>|!--.*?-->)",
    re.S | re.I,
)
_JSON_LD = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.S | re.I)
_HEAD = re.compile(r"<head(?=[\s>])[^>]*>(.*?)</head\s*>", re.S | re.I)
_META = re.compile(r"<meta\s([^>]*)>", re.I)
_LINK = re.compile(r"<link\s([^>]*)>", re.I)
_TITLE = re.compile(r"<title(?:\s[^>]*)?>(.*?)</title\s*>", re.S | re.I)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TAGS = re.compile(r"<[^>]*>")
#: A copyright notice's text (the footer is cut before parsing, its owner still names the site).
_COPYRIGHT_TEXT = re.compile(r"(?:©|&copy;|&#169;|Copyright|COPYRIGHT|Bản quyền)[^<>]{3,160}")
#: The end of a dateline stamp that the site's style sheet, not its text, sets off with a dash.
_STAMP_END = re.compile(r"(<span\b[^>]*\blocation-stamp\b[^>]*>[^<]{1,60}</span\s*>)", re.I)
#: How far into a page without a ``<head>`` element its title and meta tags are looked for.
_HEADLESS_SCAN = 32_768


@dataclass
class Prepared:
    """A page ready to parse, and what its head says."""

    markup: str
    metas: dict[str, str] = field(default_factory=dict)  #: name/property (lowercase) → content
    title: str | None = None
    canonical: str | None = None
    json_ld: list[str] = field(default_factory=list)
    copyright: str | None = None  #: the page's last copyright notice, footers included


def prepare_html(page: str) -> Prepared:
    """Read the head of ``page`` and return the markup left to parse."""
    json_ld = _JSON_LD.findall(page) if "ld+json" in page else []
    head = _HEAD.search(page)
    if head:
        head_text = head.group(1)
        page = page[:head.start()] + page[head.end():]
    else:
        head_text = page[:_HEADLESS_SCAN]
    # the last notice only: the site's own is at the bottom, photo credits ("© Reuters") above
    notices = _COPYRIGHT_TEXT.findall(page)
    if "location-stamp" in page:  # VnExpress: "<span class=location-stamp>Hà Nội</span>Bà Thu, ..."
        page = _STAMP_END.sub(r"\1 - ", page)
    prepared = Prepared(markup=_CUT.sub(" ", page), json_ld=json_ld,
                        copyright=_html.unescape(notices[-1]) if notices else None)
    _read_head(head_text, prepared)
    return prepared


def _attrs(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTR.finditer(text):
        value = next((v for v in match.groups()[1:] if v is not None), "")
        found.setdefault(match.group(1).lower(), _html.unescape(value))
    return found


def _read_head(text: str, prepared: Prepared) -> None:
    for match in _META.finditer(text):
        attrs = _attrs(match.group(1))
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content", "").strip()
        if key and content:
            prepared.metas.setdefault(key.strip().lower(), content)
    for match in _LINK.finditer(text):
        attrs = _attrs(match.group(1))
        if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href", "").strip():
            prepared.canonical = attrs["href"].strip()
            break
    title = _TITLE.search(text)
    if title:
        value = " ".join(_html.unescape(_TAGS.sub(" ", title.group(1))).split())
        prepared.title = value or None
