"""Titles for articles that do not state one: the first line when it is a headline,
else a display title cut from the first sentence.

Scraped text files open with a headline, a photo caption, a dateline paragraph
("HÀ NỘI — Minister …") or a date line; only the first is a title. The rule is shared
by text files, JSONL records without a ``title`` and HTML pages without one.
"""

from __future__ import annotations

import re

MAX_HEADLINE = 200
MAX_DERIVED = 110
_CAPTION = re.compile(r"\(?\b(?:Photo|Photos|Ảnh|Nguồn ảnh)\s*:", re.I)
#: "HÀ NỘI —", "VGP -": a paragraph opening with a place or credit in capitals and a dash.
_DATELINE_CAPS = re.compile(r"([^\W\d_][^\n—–()]{0,40}?)\s*(?:\([^()\n]{1,30}\))?\s*(?:—|–|--|-)\s+(?=\S)")
#: "Hanoi (VNA) –", "BEIJING, Sept. 17 (Xinhua) --": a credit in brackets and a dash.
_DATELINE_CREDIT = re.compile(r"[^\n()]{1,40}?\s*\([^()\n]{1,30}\)\s*(?:—|–|--|-)\s+(?=\S)")
_BYLINE = re.compile(r"^(?:By|Bài và ảnh|Bài|Theo|Nguồn|Nguon|Source)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"”’)]|$)")
_ABBREVIATIONS = frozenset("""mr ms mrs dr gen lt maj col sen rep prof st jr sr no vs jan feb mar apr jun jul aug sep
sept oct nov dec co inc ltd corp dept gov tp u.s u.k""".split())
#: Words a cut title should not end on ("… talks with his counterpart on…").
_DANGLING = frozenset("a an the of on in at to for with and or by from as his her its their that which của và với cho tại về các những".split())
_DATE_ONLY = re.compile(r"(?:[\d/.\-:, ]+|(?:(?:th[uứ]|ch[uủ])\s+\w+,?\s*)?[\d/.\-:,() GMT+]+)(?:\s*[AP]\.?M\.?)?", re.I)


def is_headline(line: str) -> bool:
    """True when ``line`` reads as a headline: short, unpunctuated at the end, and not a
    caption, a dateline opening, a byline or a bare date."""
    line = line.strip()
    if not line or len(line) > MAX_HEADLINE or line.endswith((".", ":", ",", ";")):
        return False
    if len(line.split()) < 2 or _DATE_ONLY.fullmatch(line):
        return False
    return not (_CAPTION.search(line) or dateline_end(line) or _BYLINE.match(line))


def split_headline(body: str) -> tuple[str | None, str]:
    """Take the first line off ``body`` if it is a headline and text remains after it."""
    first, _, rest = body.partition("\n")
    if is_headline(first) and rest.strip():
        return " ".join(first.split()), rest.strip("\n")
    return None, body


def derive_title(body: str) -> str:
    """A display title from the first sentence of the first real paragraph (not a caption
    or date line), without its dateline, cut on a word boundary to :data:`MAX_DERIVED`
    characters with "…" when cut."""
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    candidates = [p for p in paragraphs if not _CAPTION.search(p) and not _DATE_ONLY.fullmatch(p)]
    text = (candidates or paragraphs or [""])[0]
    end = dateline_end(text)
    if end and len(text) > end + 20:
        text = text[end:]
    return _cut(first_sentence(text), MAX_DERIVED)


def dateline_end(text: str) -> int:
    """Where the dateline opening ``text`` ends ("HÀ NỘI — " → 9), or 0 when there is none."""
    match = _DATELINE_CREDIT.match(text)
    if match:
        return match.end()
    match = _DATELINE_CAPS.match(text)
    if match and match.group(1).isupper():
        return match.end()
    return 0


def first_sentence(text: str) -> str:
    """``text`` up to the first sentence end that is not an abbreviation ("Gen.", "Sept.")."""
    for match in _SENTENCE_END.finditer(text):
        before = text[:match.start()].split()
        word = before[-1].lower() if before else ""
        if match.group(0) == "." and (word in _ABBREVIATIONS or len(word) == 1):
            continue
        return text[:match.end()].strip()
    return text.strip()


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text.rstrip(".")
    words = text[:limit + 1].split(" ")[:-1] or [text[:limit]]
    while len(words) > 3 and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(" ,;:–—-") + "…"
