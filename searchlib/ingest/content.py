"""Finding the article in a parsed page: content scoring of blocks, then clean text.

A news page is one article wrapped in menus, teasers, share bars, cookie banners,
comments and footers. The rule (in the spirit of Readability, written for this project):

1. One pass over the tree measures every element: characters of text, characters inside
   links, commas, and whether its class/id marks it as chrome ("share", "related",
   "comment", …) or as a byline/caption.
2. Every paragraph-like block (a ``<p>``, or a run of text in a container) scores by its
   length and commas; the score goes to its parent, half to the grandparent and less to
   further ancestors. An element's score is then scaled by its share of non-link text.
3. The best element, plus the siblings that score nearly as well (articles split by ads),
   is the article. Its text is emitted block by block, leaving out chrome, link lists,
   captions, headings of teasers and bylines (the byline becomes ``author``).

Chrome classes never hide the article itself: an element marked as chrome that holds
most of the page's paragraph text (a "with-sidebar" wrapper) is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

from searchlib.ingest import marks
from searchlib.ingest.marks import Marks

#: Never article text (dropped with their content wherever they are).
SKIP = frozenset({"head", "script", "style", "noscript", "template", "svg", "iframe", "select", "textarea",
                  "button", "input", "nav", "footer", "aside", "header", "h1", "img", "picture", "source",
                  "video", "audio", "canvas", "object", "embed", "map", "dialog", "menu", "figcaption", "hr",
                  "link", "meta", "title", "label", "option"})
#: Elements that end a line of text (everything else is inline).
BLOCKS = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dd", "dt", "table", "tr",
                    "td", "th", "tbody", "thead", "tfoot", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6",
                    "figure", "address", "center", "form", "fieldset", "details", "summary", "body", "html",
                    "caption", "hgroup", "br"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol", "dl"})
_TAG_BASE = {"div": 5, "section": 3, "article": 10, "main": 5, "pre": 3, "td": 3, "blockquote": 3,
             "form": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "address": -3,
             "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}
_COMMAS = re.compile(r"[,，、،]")
_BYLINE_PREFIX = re.compile(r"^(?:By|Written by|Reported by|Bài và ảnh:?|Bài, ảnh:?|Bài:|Tác giả:?)\s+", re.I)
_MIN_PARAGRAPH = 25
_CHROME_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "menu", "dialog", "alert"})


@dataclass(slots=True)
class _Stats:
    """What the measuring pass knows about one element."""

    chars: int = 0
    links: int = 0
    commas: int = 0
    paragraphs: int = 0
    score: float = 0.0
    chrome: bool = False
    byline: bool = False
    block: bool = False
    leaf: bool = False  #: a block holding only inline content (a paragraph in all but name)


@dataclass
class Extraction:
    """The article text found in a page, the byline, and the page's own date hints."""

    paragraphs: list[str] = field(default_factory=list)
    author: str | None = None
    times: list[str] = field(default_factory=list)
    time_texts: list[str] = field(default_factory=list)  #: ``<time>`` elements without ``datetime``
    date_texts: list[str] = field(default_factory=list)
    #: short texts right under the ``<h1>`` (where a site without date markup prints the date)
    under_heading: list[str] = field(default_factory=list)
    heading: str | None = None
    body_metas: list[tuple[str, str]] = field(default_factory=list)


class _Page:
    """Measures every element of one page once, then answers the questions above."""

    def __init__(self, root: Tag, use_chrome: bool) -> None:
        self.stats: dict[int, _Stats] = {}
        self.use_chrome = use_chrome
        self.date_tags: list[Tag] = []
        #: inside a site header's date bar, whose dates are today's, not the article's
        self.in_today = False
        self.heading_tag: Tag | None = None
        self.result = Extraction()
        #: (block element, its parent, length, commas, enclosing chrome elements)
        self.units: list[tuple[Tag, int, int, tuple[int, ...]]] = []
        self.chrome_stack: list[int] = []
        self.total_paragraph_chars = 0
        self.measure(root)

    # -- pass 1: measuring ----------------------------------------------------------------
    @staticmethod
    def classify(tag: Tag) -> Marks:
        """What the class, id and role of ``tag`` say about it."""
        attrs = tag.attrs
        found = marks.NONE
        value = attrs.get("class")
        if value:
            found = marks.read_marks(value if isinstance(value, str) else " ".join(value))
        value = attrs.get("id")
        if value and isinstance(value, str):
            found = marks.combine(found, marks.read_marks(value))
        if attrs.get("role") in _CHROME_ROLES or attrs.get("aria-hidden") == "true" or "hidden" in attrs:
            found = found._replace(chrome=True)
        return found

    def measure(self, tag: Tag, in_link: bool = False) -> _Stats:
        """Fill the stats of ``tag`` and below; record its paragraph-like runs of text.

        A run of inline text in a block with no block children scores for the block's
        parent (the block is the paragraph); runs between block children score for the
        element itself (like text beside ``<br>``s in a ``<div>``).
        """
        stats = _Stats(block=tag.name in BLOCKS)
        key = id(tag)
        self.stats[key] = stats
        chrome = today = False
        if tag.attrs and tag.name not in ("body", "html"):
            verdict = self.classify(tag)
            chrome = verdict.chrome
            if chrome:
                stats.chrome = True
                stats.byline = verdict.byline
                self.chrome_stack.append(key)
                if verdict.date and not self.in_today and len(self.date_tags) < 3:
                    self.date_tags.append(tag)
                today = verdict.today and not self.in_today
                self.in_today = self.in_today or today
        run = run_commas = 0
        has_block = False
        for child in tag.contents:
            if type(child) is NavigableString:
                n = len(child.strip())
                if n:
                    commas = child.count(",") if child.isascii() else len(_COMMAS.findall(child))
                    stats.chars += n
                    stats.commas += commas
                    if in_link:
                        stats.links += n
                    else:
                        run += n
                        run_commas += commas
            elif isinstance(child, Tag):
                name = child.name
                if name == "meta" or name == "time" or name == "h1":
                    self.note(child)
                if name in SKIP:
                    continue
                sub = self.measure(child, in_link or name == "a")
                stats.chars += sub.chars
                stats.links += sub.links
                stats.commas += sub.commas
                if sub.block:
                    has_block = True
                    if run:
                        self.unit(tag, run, run_commas)
                        run = run_commas = 0
                else:
                    run += sub.chars - sub.links
                    run_commas += sub.commas
        if has_block:
            stats.block = True
            if run:
                self.unit(tag, run, run_commas)
        elif stats.block:
            stats.leaf = True
            if run:
                self.unit(tag.parent or tag, run, run_commas)
        if chrome:
            self.chrome_stack.pop()
            if today:
                self.in_today = False
        return stats

    def unit(self, parent: Tag, chars: int, commas: int) -> None:
        """Record a paragraph-like run of text whose score goes to ``parent`` and up."""
        if chars < _MIN_PARAGRAPH:
            return
        self.units.append((parent, chars, commas, tuple(self.chrome_stack)))
        self.total_paragraph_chars += chars

    def note(self, tag: Tag) -> None:
        """Keep the date and heading hints met on the way (``<time>``, body ``<meta>``, ``<h1>``)."""
        if tag.name == "h1":
            if self.result.heading is None:
                self.result.heading = " ".join(tag.get_text(" ").split()) or None
                self.heading_tag = tag
        elif tag.name == "time":
            value = tag.get("datetime")
            if isinstance(value, str) and value.strip():
                self.result.times.append(value)
            elif len(self.result.time_texts) < 3:
                text = " ".join(tag.get_text(" ").split())
                if text:
                    self.result.time_texts.append(text)
        else:
            key = tag.get("itemprop") or tag.get("property") or tag.get("name")
            content = tag.get("content")
            if isinstance(key, str) and isinstance(content, str) and content.strip():
                self.result.body_metas.append((key.strip().lower(), content.strip()))

    # -- pass 2: scoring ------------------------------------------------------------------
    def pruned(self) -> set[int]:
        """Chrome elements that do not hold most of the page's paragraph text."""
        if not self.use_chrome:
            return set()
        held: dict[int, int] = {}
        for _, chars, _, chrome in self.units:
            for element in chrome:
                held[element] = held.get(element, 0) + chars
        half = self.total_paragraph_chars / 2
        return {i for i, s in self.stats.items() if s.chrome and held.get(i, 0) <= half}

    def best(self, pruned: set[int]) -> tuple[Tag | None, float]:
        scores: dict[int, float] = {}
        tags: dict[int, Tag] = {}
        for parent, chars, commas, chrome in self.units:
            if pruned and any(c in pruned for c in chrome):
                continue
            value = 1 + commas + min(chars / 100, 3)
            node: Tag | None = parent
            level = 0
            while node is not None and level < 5:
                key = id(node)
                if key not in self.stats:  # above the measured root
                    break
                if key not in scores:
                    tags[key] = node
                    scores[key] = self.initial(node)
                scores[key] += value / (1 if level == 0 else 2 if level == 1 else level * 3)
                node = node.parent
                level += 1
        best: tuple[float, Tag | None] = (0.0, None)
        for key, score in scores.items():
            stats = self.stats[key]
            density = stats.links / stats.chars if stats.chars else 0
            final = score * (1 - density)
            stats.score = final
            if final > best[0]:
                best = (final, tags[key])
        return best[1], best[0]

    def initial(self, tag: Tag) -> float:
        base = _TAG_BASE.get(tag.name, 0)
        return base + (self.classify(tag).weight if tag.attrs else 0)

    def siblings(self, top: Tag, score: float) -> list[Tag]:
        """The top element and the siblings that belong to the same article."""
        parent = top.parent
        if parent is None or top.name in ("body", "html"):
            return [top]
        threshold = max(10.0, score * 0.2)
        top_class = top.get("class")
        chosen: list[Tag] = []
        for child in parent.contents:
            if not isinstance(child, Tag):
                continue
            if child is top:
                chosen.append(child)
                continue
            stats = self.stats.get(id(child))
            if stats is None or not stats.chars or stats.chrome:
                continue
            bonus = score * 0.2 if top_class and child.get("class") == top_class else 0
            if stats.score + bonus >= threshold:
                chosen.append(child)
            elif stats.leaf and (child.name == "p" or self.classify(child).weight > 0):
                # A lone paragraph beside the article: its lead ("sapo") or a paragraph
                # the site wrapped apart. Kept when it reads as prose, not as a link.
                density = stats.links / stats.chars
                if (stats.chars > 80 and density < 0.25) or (
                        density == 0 and re.search(r"\.( |$)", child.get_text())):
                    chosen.append(child)
        return chosen

    # -- pass 3: text ---------------------------------------------------------------------
    def unwanted(self, tag: Tag, pruned: set[int]) -> bool:
        """Chrome, link lists and teaser blocks inside the chosen article."""
        key = id(tag)
        if key in pruned:
            stats = self.stats[key]
            if stats.byline and self.result.author is None:
                text = " ".join(tag.get_text(" ").split())
                if 0 < len(text) <= 80:
                    self.result.author = _BYLINE_PREFIX.sub("", text)
            return True
        stats = self.stats.get(key)
        if stats is None or not stats.chars:
            return tag.name not in ("br", "p", "div")
        name = tag.name
        if name in _LISTS or name in ("div", "section", "table", "tr", "td", "li", "p", "figure", "dl"):
            density = stats.links / stats.chars
            weight = self.classify(tag).weight if tag.attrs else 0
            if density > 0.5 and not (name == "p" and stats.chars > 200):
                return True
            if stats.commas < 10 and name not in ("p",):
                if weight < 25 and density > 0.25 and stats.chars > 30:
                    return True
                if weight + stats.score < 0 and stats.chars < 500:
                    return True
        return False

    def text(self, tops: list[Tag], pruned: set[int]) -> list[str]:
        paragraphs: list[str] = []
        inline: list[str] = []

        def flush() -> None:
            if inline:
                for line in "".join(inline).split("\n"):
                    line = " ".join(line.split())
                    if line:
                        paragraphs.append(line)
                inline.clear()

        def walk(node: Tag) -> None:
            for child in node.contents:
                if type(child) is NavigableString:
                    inline.append(child)
                elif isinstance(child, Tag):
                    name = child.name
                    if name in SKIP:
                        continue
                    if name == "br":
                        inline.append("\n")
                    elif self.unwanted(child, pruned):
                        continue
                    elif name in BLOCKS:
                        flush()
                        walk(child)
                        flush()
                    else:
                        walk(child)

        for top in tops:
            if top.name in SKIP or (top is not tops[0] and self.unwanted(top, pruned)):
                continue
            flush()
            walk(top)
            flush()
        return paragraphs


def extract_content(soup: BeautifulSoup) -> Extraction:
    """The article paragraphs of a parsed page, with the byline and date hints met."""
    root = soup.body or soup
    page = _Page(root, use_chrome=True)
    pruned = page.pruned()
    top, score = page.best(pruned)
    paragraphs = page.text(page.siblings(top, score), pruned) if top is not None else []
    if sum(len(p) for p in paragraphs) < 250 and page.total_paragraph_chars > 500:
        # Chrome marks hid the article (a site calling its story "post-meta"): score again
        # without them and keep whichever reading found more text.
        retry = _Page(root, use_chrome=False)
        top2, score2 = retry.best(set())
        if top2 is not None:
            again = retry.text(retry.siblings(top2, score2), set())
            if sum(map(len, again)) > 2 * sum(map(len, paragraphs)):
                retry.result.author = page.result.author
                retry.result.paragraphs = again
                return retry.result
    page.result.paragraphs = paragraphs
    page.result.date_texts = [" ".join(t.get_text(" ").split()) for t in page.date_tags]
    page.result.under_heading = _under_heading(page.heading_tag)
    return page.result


def _under_heading(heading: Tag | None) -> list[str]:
    """The first few short strings after the page's ``<h1>``: its date line, byline, share bar."""
    if heading is None:
        return []
    found: list[str] = []
    after = heading
    while isinstance(after, Tag) and after.contents:  # past the heading's own text
        after = after.contents[-1]
    for element in after.next_elements:
        if len(found) == 6:
            break
        if type(element) is NavigableString and element.parent is not None \
                and element.parent.name not in ("script", "style"):
            line = " ".join(element.split())
            if line:
                found.append(line)
    return [line for line in found if len(line) <= 60]
