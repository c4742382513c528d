"""What a page's ``class`` and ``id`` names say about an element.

Sites name their chrome plainly ("share-bar", "relatedArticles", "comment-list",
"cookie-consent", "byline"), and their article container too ("article-body",
"noi-dung", "chi-tiet"). One scan of the lowercased names with a trie regex of stems
(C speed) plus a lookup of the whole words gives every verdict at once; results are
cached per string, because a corpus reuses its sites' class names on every page.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from searchlib.ingest.trie import trie_pattern


class Marks(NamedTuple):
    """Verdicts on one class/id string."""

    chrome: bool = False   #: never article text (share bars, menus, comments, captions, …)
    byline: bool = False   #: the author line (chrome too; its text becomes ``author``)
    date: bool = False     #: a date line (chrome too; its text is a date candidate)
    weight: int = 0        #: +25 for names of article containers, -25 for teaser/list names
    today: bool = False    #: a site header's date bar ("topdate", "top-bar"): no date inside is the article's


NONE = Marks()

# Letters: c chrome, b byline, d date stem, x no date (today's), p positive, n negative.
_STEMS = {
    **dict.fromkeys("""share sharing social disqus recommend cookie consent gdpr banner breadcrumb subscribe
        newsletter signup sign-up advert taglist tag-list keyword popup modal navbar navigation pagination pager
        widget outbrain taboola morestories more-stories readmore read-more mostread most-read mostpopular
        most-popular mostviewed most-viewed trending toolbar sr-only visually-hidden screen-reader jumplink
        jump-link rating followus follow-us caption copyright menu""".split(), "c"),
    #: a wire's credit line often carries the date ("KYODO NEWS - Sep 30, 2025 - 19:22")
    "credit": "cd",
    **dict.fromkeys("comment related sidebar side-bar sponsor promo footer masthead".split(), "cn"),
    **dict.fromkeys("author byline".split(), "cb"),
    **dict.fromkeys("timestamp publishdate publish-date posted-on postedon posted-date".split(), "cd"),
    #: today's date in a site header is not when the article was published
    **dict.fromkeys("""today current-date currentdate clock weather date-now datenow time-now timenow topdate
        top-date header-date header_date headerdate top-bar topbar header-top headertop top-header topheader""".split(),
        "cx"),
    **dict.fromkeys("date time publish ngay".split(), "d"),
    **dict.fromkeys("""article body content entry main story text post detail news chitiet chi-tiet noidung
        noi-dung sapo lead summary""".split(), "p"),
    **dict.fromkeys("contact foot scroll shoutbox shopping teaser card tile thumb headline".split(), "n"),
}
#: Whole words (between non-alphanumerics) that need their boundaries: "ad" in "top-ad".
_WORDS = {
    **dict.fromkeys("ad ads tag tags nav skip hidden vote print printer meta".split(), "c"),
    **dict.fromkeys("date time".split(), "cd"),
    "now": "x",
    **dict.fromkeys("media list listing item items".split(), "n"),
}
_STEM_PATTERN = re.compile(trie_pattern(_STEMS))
_SPLIT = re.compile(r"[^a-z0-9]+")
_BEM = re.compile(r"__|--")
_CACHE: dict[str, Marks] = {}
_CACHE_LIMIT = 50_000


def read_marks(names: str) -> Marks:
    """The verdicts on a class or id string (cached)."""
    found = _CACHE.get(names)
    if found is not None:
        return found
    low = _BEM.sub("-", names.lower())  # "header__date" (BEM) is "header-date"
    letters = "".join(_STEMS[m.group(0)] for m in _STEM_PATTERN.finditer(low))
    letters += "".join(_WORDS.get(word, "") for word in _SPLIT.split(low))
    if not letters:
        found = NONE
    else:
        chrome = "c" in letters
        weight = (25 if "p" in letters else 0) - (25 if "n" in letters else 0)
        found = Marks(chrome, chrome and "b" in letters, chrome and "d" in letters and "x" not in letters, weight,
                      "x" in letters)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[names] = found
    return found


def combine(first: Marks, second: Marks) -> Marks:
    """The verdicts on an element from its class and its id together."""
    if first is NONE:
        return second
    if second is NONE:
        return first
    return Marks(first.chrome or second.chrome, first.byline or second.byline, first.date or second.date,
                 max(-25, min(25, first.weight + second.weight)), first.today or second.today)
