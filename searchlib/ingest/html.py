"""HTML pages: metadata from ``<head>``, the article text from the main container.

One parse per page (BeautifulSoup with lxml), metadata and body read from the same tree.
Pages from ministry and news-agency sites wrap a few paragraphs in navigation, share
bars, related links, cookie banners and comment forms; those are removed by tag and by
class/id before the container holding the most paragraph text is chosen. This module is
imported only when an HTML file is met, because bs4 and lxml cost ~100 ms at start-up.
"""

from __future__ import annotations

import json
import re
import warnings
from typing import Any

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from searchlib.errors import IngestError
from searchlib.ingest.dates import parse_date

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "nav", "header", "footer",
              "aside", "button", "figcaption", "select", "input", "textarea", "object", "embed", "canvas",
              "video", "audio", "dialog", "link", "meta")
_JUNK = re.compile(r"(?:^|[\s_-])(?:share|sharing|social|comment|related|cookie|consent|banner|breadcrumb|menu|"
                   r"sidebar|subscribe|newsletter|advert|promo|tags|tag-list|print|popup|modal)", re.I)
_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:author|byline)(?:$|[\s_-])", re.I)
_PROTECTED = frozenset({"html", "body", "main", "article"})
_BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th"})
_SKIP = frozenset({"h1", "img", "picture", "source", "hr"})
_DATE_META = ("article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
              "dc.date.issued", "og:published_time", "article:published")
_SITE_SEPARATORS = (" | ", " - ", " – ", " — ")
_MIN_TITLE = 20


def extract_html(text: str, where: str) -> tuple[str, dict[str, Any]]:
    """Return the article text of a page (paragraphs separated by blank lines) and the
    metadata found in it (title, date, source, url, author; absent keys were not found)."""
    try:
        with warnings.catch_warnings():  # bs4 warns (prints) about markup that looks like a URL or XML
            warnings.simplefilter("ignore")
            soup = BeautifulSoup(text, "lxml")
    except Exception as exc:  # noqa: BLE001 - lxml/bs4 raise assorted types on broken input
        raise IngestError(where, f"cannot parse HTML ({type(exc).__name__})") from None
    meta: dict[str, Any] = {}
    try:
        meta = _metadata(soup)
        _strip_chrome(soup, meta)
        body = _body_text(_main_container(soup))
    except RecursionError:
        body = _plain_text(soup)
    return body, meta


def _metadata(soup: BeautifulSoup) -> dict[str, Any]:
    metas: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            metas.setdefault(key.strip().lower(), content.strip())
    meta: dict[str, Any] = {}
    title = metas.get("og:title") or _page_title(soup) or _first_text(soup.find("h1"))
    if title:
        meta["title"] = title
    date = _first_date(soup, metas)
    if date:
        meta["date"] = date
    if metas.get("og:site_name"):
        meta["source"] = metas["og:site_name"]
    canonical = soup.find("link", rel="canonical")
    url = metas.get("og:url") or (canonical.get("href") if canonical else None)
    if isinstance(url, str) and url.strip():
        meta["url"] = url.strip()
    author = metas.get("author") or metas.get("article:author")
    if author and not author.startswith("http"):
        meta["author"] = author
    return meta


def _page_title(soup: BeautifulSoup) -> str | None:
    """``<title>`` without a trailing " | Site name" when what is left is long enough."""
    title = _first_text(soup.title)
    if not title:
        return None
    for sep in _SITE_SEPARATORS:
        if sep in title:
            head = title.rsplit(sep, 1)[0].strip()
            if len(head) >= _MIN_TITLE:
                return head
    return title


def _first_date(soup: BeautifulSoup, metas: dict[str, str]) -> str | None:
    candidates: list[str] = []
    if metas.get("article:published_time"):
        candidates.append(metas["article:published_time"])
    for time in soup.find_all("time", datetime=True, limit=5):
        candidates.append(str(time["datetime"]))
    candidates += [metas[k] for k in _DATE_META if metas.get(k)]
    candidates += _json_ld_dates(soup)
    for value in candidates:
        parsed = parse_date(value)
        if parsed:
            return parsed.isoformat()
    return None


def _json_ld_dates(soup: BeautifulSoup) -> list[str]:
    found: list[str] = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
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


def _strip_chrome(soup: BeautifulSoup, meta: dict[str, Any]) -> None:
    """Remove comments, non-content tags and site chrome (share bars, menus, …) in place;
    a byline element gives ``meta["author"]`` when the head did not."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    # extract(), not decompose(): bs4's ``Tag.decomposed`` looks for a child tag of that
    # name, which is quadratic on deep pages, and extracting twice is harmless.
    for tag in soup.find_all(_DROP_TAGS):
        tag.extract()
    total = _paragraph_chars(soup)
    chrome: list[Tag] = []
    for tag in soup.find_all(True):
        if tag.name in _PROTECTED or tag.get("itemprop") == "articleBody":
            continue
        marks = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
        if _BYLINE_CLASS.search(marks):
            byline = _first_text(tag)
            if byline and len(byline) <= 80 and "author" not in meta:
                meta["author"] = re.sub(r"^(?:By|Bài và ảnh:|Bài:)\s+", "", byline)
            chrome.append(tag)
        elif _JUNK.search(marks) and not _holds_article(tag, total):
            chrome.append(tag)
    for tag in chrome:
        tag.extract()


def _paragraph_chars(tag: Tag) -> int:
    return sum(len(p.get_text()) for p in tag.find_all("p"))


def _holds_article(tag: Tag, total: int) -> bool:
    """A "with-sidebar" layout wrapper is not chrome: it holds the article (an ``<article>``,
    the ``articleBody`` or most of the page's paragraph text)."""
    if tag.find(["article", "main"]) or tag.find(attrs={"itemprop": "articleBody"}):
        return True
    return total > 0 and _paragraph_chars(tag) > total / 2


def _main_container(soup: BeautifulSoup) -> Tag:
    """``[itemprop=articleBody]``, else the ``<article>`` with most text, else the element
    whose direct paragraphs carry the most non-link text."""
    marked = soup.find(attrs={"itemprop": "articleBody"})
    if isinstance(marked, Tag):
        return marked
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda a: len(a.get_text()))
    scores: dict[int, tuple[int, Tag]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if parent is None:
            continue
        links = sum(len(a.get_text()) for a in p.find_all("a"))
        score = len(p.get_text(strip=True)) - links
        old = scores.get(id(parent), (0, parent))[0]
        scores[id(parent)] = (old + score, parent)
    if scores:
        return max(scores.values(), key=lambda item: item[0])[1]
    return soup.body or soup


def _body_text(container: Tag) -> str:
    paragraphs: list[str] = []
    inline: list[str] = []

    def flush() -> None:
        for line in "".join(inline).split("\n"):
            line = " ".join(line.split())
            if line:
                paragraphs.append(line)
        inline.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    inline.append(str(child))
            elif not isinstance(child, Tag) or child.name in _SKIP:
                continue
            elif child.name == "br":
                inline.append("\n")
            elif child.name == "pre":
                flush()
                paragraphs.append(child.get_text().strip("\n"))
            elif child.name in _BLOCKS:
                flush()
                text = " ".join(child.get_text(" ").split())
                if text:
                    paragraphs.append(text)
            elif _is_inline(child):
                inline.append(child.get_text(" "))
            else:
                flush()
                walk(child)
                flush()

    walk(container)
    flush()
    return "\n\n".join(paragraphs)


_INLINE = frozenset({"a", "span", "strong", "b", "em", "i", "u", "small", "sup", "sub", "abbr", "cite", "code",
                     "mark", "time", "font", "q", "s", "label", "bdi", "bdo", "data", "var", "kbd", "wbr"})


def _is_inline(tag: Tag) -> bool:
    return tag.name in _INLINE and tag.find(_BLOCKS) is None


def _first_text(tag: Any) -> str | None:
    if not isinstance(tag, Tag):
        return None
    text = " ".join(tag.get_text(" ").split())
    return text or None


def _plain_text(soup: BeautifulSoup) -> str:
    """Fallback for pages too deeply nested to walk: all text, one line per string."""
    lines = (" ".join(s.split()) for s in soup.find_all(string=True)
             if type(s) is NavigableString and s.parent is not None
             and s.parent.name not in ("script", "style", "noscript", "template"))
    return "\n\n".join(line for line in lines if line)
