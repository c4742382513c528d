"""Assembling an :class:`Article` from body text plus whatever metadata the file gave.

Given metadata always wins; every missing field is extracted from the cleaned text by
the single-purpose extractors (dates, sources, people, topics, lang). All formats end
here, so the extraction rules are the same for a text file, a JSONL record and a page.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from searchlib.article import Article
from searchlib.errors import IngestError
from searchlib.ingest.clean import WRITER_KINDS, clean_body
from searchlib.ingest.dates import address_date, dateline_near, find_date, parse_date
from searchlib.textnorm import normalize_text as normalize
from searchlib.ingest.lang import detect_language
from searchlib.ingest.pagechrome import (
    SITE_ADDRESS, after_forward, byline_over_date, follow_outlet, footer_outlet, forward_note_outlet, lead_in,
    date_style_outlet, forward_date, mail_date, menu_outlet, print_note, saved_date, tail_off,
)
from searchlib.ingest.reflow import unwrap
from searchlib.ingest.people import canonical_person, detect_people
from searchlib.ingest.sources import (
    CREDIT_PARTS, END_NOTE, SourceTable, canonical_source, detect_source, end_credit, header_label_outlet, lead_credit,
    load_sources,
)
from searchlib.ingest.titles import derive_title, split_headline
from searchlib.ingest.topics import canonical_topic, detect_topics
from searchlib.ingest.unlisted import named_with_address, paired_outlet
from searchlib.textnorm import fold_key, normalize_text

#: A site's address given as a source ("dantri.com.vn").
_SITE = re.compile(SITE_ADDRESS)
#: The words of a closing line that credit an outlet with the whole story ("Theo TTXVN", "Source: VNA").
_CREDIT_KINDS = ("Theo", "Nguồn", "Source")
#: A collector's tag naming the outlet at the start of copied text: "[Tiền Phong] ...".
_TAG_LINE = re.compile(r"\[([^\]\n]{2,40})\]")
#: The page's address on a line of its own among the first lines of copied text.
_LEAD_ADDRESS = re.compile(r"^[ \t]*(?:link|url|link gốc|link goc|địa chỉ|dia chi)[ \t]*:[ \t]*(https?://\S+)[ \t]*$",
                           re.I | re.M)
#: The page's address alone on one of the first lines, as a collector pastes it above the
#: text ("https://www.qdnd.vn/phap-luat/...", "laotiantimes.com/2024/12/05/...").
_BARE_ADDRESS = re.compile(r"^[ \t]*(https?://\S+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*)[ \t]*$",
                           re.I | re.M)
#: A site's address in brackets.
_BRACKETED_SITE = re.compile(r"\((?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/?\)", re.I)
#: How many of a text's first lines are read for a labelled link ("Link: https://...").
_LINK_LINES = 14
_LANG_NAMES = {"vietnamese": "vi", "tieng viet": "vi", "vi-vn": "vi", "english": "en", "en-us": "en", "en-gb": "en"}
#: A final byline names the author with these (and "Theo" when what follows is no outlet).
_AUTHOR_KINDS = (*WRITER_KINDS, "Bài và ảnh", "Bài, ảnh", "Theo")


def build_article(text: str, *, path: str, article_id: str, meta: Mapping[str, Any] | None = None,
                  headline_first_line: bool = True) -> tuple[Article, list[str]]:
    """Clean ``text`` and fill an :class:`Article`; returns it with warnings about given
    metadata that could not be used. ``headline_first_line`` lets the first line become
    the title when it reads as a headline (text formats; not for HTML bodies).

    Raises :class:`IngestError` (for ``path``) when no text is left after cleaning.
    """
    meta = meta or {}
    warnings: list[str] = []
    text = normalize(text).replace("\r\n", "\n").replace("\r", "\n")
    table = load_sources()
    masthead = copyright_holder = headline = None
    whole = story = text
    if headline_first_line:  # text copied from a page: its chrome goes, its outlet stays
        whole = unwrap(text)
        story = after_forward(whole)
        copyright_holder, text = tail_off(story, table)
        if copyright_holder is None and story is not whole:  # a forwarded mail: the footer under the story
            copyright_holder = footer_outlet(whole.split("\n"), table)
    cleaned = clean_body(text)
    body = cleaned.body
    if headline_first_line:
        masthead, headline, body = lead_in(body, table)
    title = _text(meta.get("title")) or headline
    if title:
        first, _, rest = body.partition("\n")
        if fold_key(first) == fold_key(title) and rest.strip():
            body = rest.strip("\n")
    elif headline_first_line:
        title, body = split_headline(body)
    if not body.strip():
        raise IngestError(path, "no article text after cleaning")
    title = title or derive_title(body)

    date = None
    if meta.get("date") not in (None, ""):
        date = parse_date(meta["date"])
        if date is None:
            warnings.append(f"date {meta['date']!r} is not a full date; using the text instead")
    given = _text(meta.get("source"))
    given_source, given_url, source_date = _given_source(given, _text(meta.get("url")), table)
    address = None
    if given_url is None and headline_first_line:  # a collector's "link: https://nld.com.vn/..." at the top
        lines = whole.lstrip().split("\n")
        head = "\n".join(lines[:6])
        # a labelled link may sit under a forwarder's headers and note ("-----Original Message-----")
        address = _LEAD_ADDRESS.search("\n".join(lines[:_LINK_LINES]))
        bare = None if address else _BARE_ADDRESS.search(head)
        given_url = address.group(1) if address else bare and _with_scheme(bare.group(1))
    printed_by, printed_on = print_note(whole, table) if headline_first_line else (None, None)
    date = date or source_date or printed_on or find_date(body)
    if date is None and headline_first_line:
        sent = mail_date(whole)  # a mailed story: its dateline's day in the year it was sent, else that day
        date = sent and (dateline_near(body, sent) or sent)
        forwarded = None if sent else forward_date(whole) or saved_date(whole)
        date = date or (forwarded and dateline_near(body, forwarded))
    if date is None and address and title:  # the collector's note over the link: "bai ... ngay 5/11/2024"
        date = find_date(title)
    date = date or address_date(given_url)

    credit = cleaned.credit
    if credit and "://" in credit:  # "Nguồn: https://thanhnien.vn/..." credits the site
        given_url = given_url or credit
        credit = _source_from_url(credit, table)
    credited = table.lookup(credit) if credit else None  # the outlet a closing credit line names
    credit_is_source = credited is not None
    # "Theo TTXVN", "Source: VNA" closing the story credit that outlet with all of it
    closing = credited if cleaned.credit_kind in _CREDIT_KINDS else None
    source = canonical_source(given_source, table) if given_source else None
    site = _text(meta.get("site"))
    if site and "://" in site:  # og:site_name given as the site's address
        site = _source_from_url(site, table) or site
    if source is None and site:  # a paper's page of a wire story ("... on Saturday. — Bernama", "Source: VNA")
        source = lead_credit(body, table) or end_credit(body, table) or closing or canonical_source(site, table)
    if source is None:
        url_source = _source_from_url(given_url, table)
        # a copied page's masthead names the site; a wire's dateline credit names the story's source
        tagged = _TAG_LINE.match(whole.lstrip()) if headline_first_line else None  # "[The Star] thestar.com.my/..."
        tagged_outlet = table.lookup(tagged.group(1), strict=True) if tagged else None
        source = url_source or tagged_outlet or printed_by or lead_credit(body, table) or masthead \
            or detect_source(body, cleaned.credit_kind, credit, table) \
            or copyright_holder or header_label_outlet(text, table) or follow_outlet(text, table) \
            or (menu_outlet(text, table) or forward_note_outlet(whole, table) or date_style_outlet(whole)
                or _unlisted(paired_outlet(whole) or (paired_outlet(story) if story is not whole else None), table)
                if headline_first_line else None)

    if given and closing and ("://" in given or _SITE.fullmatch(CREDIT_PARTS.split(given)[0].strip())):
        # a site given as the source ("Nguồn: nld.com.vn - Pháp luật", "dantri.com.vn") names the
        # page, as og:site_name does, and yields to the closing credit as a paper's page does
        source = closing

    author = _text(meta.get("author"))
    if not author and credit and cleaned.credit_kind in _AUTHOR_KINDS and not credit_is_source:
        author = credit
    author = author or cleaned.byline or (byline_over_date(body, table) if headline_first_line else None)
    byline_outlet = table.lookup(author, strict=True) if author else None
    if byline_outlet:  # "By Global Times": the outlet is the byline, not an author
        # a wire as the byline of a paper's page ("Kyodo" on The Japan Times) is the whole story's source
        wire = byline_outlet in table.credits.values()
        source, author = (byline_outlet if wire else source or byline_outlet), None

    given_people = _as_list(meta.get("people"))
    people = _unique(canonical_person(p) for p in given_people) if given_people is not None \
        else detect_people(f"{title}\n\n{body}", accents=_text(meta.get("captions")) or "")
    given_lang = _text(meta.get("lang"))
    lang = _LANG_NAMES.get(fold_key(given_lang), given_lang.lower()) if given_lang \
        else detect_language(f"{title}\n{body}")
    if source and lang == "vi" and given_source is None:  # a broadcaster's Vietnamese service: "RFI" → "RFI Tiếng Việt"
        source = table.lookup(f"{source} Tiếng Việt", strict=True) or source
    given_topics = _as_list(meta.get("topics"))
    # the press the article is from: its outlet's country, or Vietnam's for Vietnamese text
    home = table.country(source) or ("Vietnam" if lang == "vi" else "")
    topics = _unique(canonical_topic(t) or " ".join(t.lower().split()) for t in given_topics) \
        if given_topics is not None else detect_topics(title, body, home=home)

    article = Article(id=article_id, path=path, title=title, body=body, date=date, source=source,
                      url=given_url, author=author, people=people, topics=topics, lang=lang)
    return article, warnings


def _given_source(value: str | None, url: str | None,
                  table: SourceTable) -> tuple[str | None, str | None, _dt.date | None]:
    """The outlet, address and date a given source value holds: an address gives its site
    ("Source: https://www.bangkokpost.com/..."), a line with a date gives the outlet it names
    and the date ("Nguon: qdnd.vn - Bao Quan doi nhan dan, Thu Hai, 28/07/2025")."""
    if not value:
        return None, url, None
    if "://" in value:
        return _source_from_url(value, table), url or value, None
    dated = find_date(value) if any(c.isdigit() for c in value) else None
    note = END_NOTE.search(value)
    if note and not _SITE.search(note.group(1)) and note.start() > 0:  # "(mục Văn hóa > Sân khấu)": the collector's
        value = value[:note.start()]
    if table.lookup(value) is None:
        parts = [p for p in CREDIT_PARTS.split(value) if p.strip()]
        named = next((found for found in map(table.lookup, parts) if found), None)
        bracketed = _BRACKETED_SITE.search(value)  # "theSun (thesun.my) - News": the site's owner
        named = named or (table.by_host(bracketed.group(1)) if bracketed else None)
        # "Báo Long An - baolongan.vn": a paper outside the table, then its site
        sited = len(parts) >= 2 and all(_SITE.fullmatch(part.strip()) for part in parts[1:])
        value = named or (parts[0].strip() if (dated or sited) and parts else named_with_address(value) or value)
    return value, url, dated


def _unlisted(name: str | None, table: SourceTable) -> str | None:
    """An outlet outside the table, by the name its page gives itself (web edition's ending off)."""
    return canonical_source(name, table) if name else None


def _with_scheme(address: str) -> str:
    """``address`` as a URL: "laotiantimes.com/..." is read as "https://laotiantimes.com/..."."""
    return address if "://" in address else f"https://{address}"


def _text(value: Any) -> str | None:
    """A given metadata value as clean one-line text, or ``None`` when empty or not text."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = " ".join(normalize_text(str(value)).split())
    return text or None


def _as_list(value: Any) -> list[str] | None:
    """People/topics as given: a list, or a comma/semicolon-separated string."""
    if value is None:
        return None
    items = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    out = [t for t in (_text(v) for v in items) if t]
    return out if out or isinstance(value, list) else None


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(fold_key(item), item)
    return list(seen.values())


def _source_from_url(url: str | None, table: SourceTable) -> str | None:
    """The outlet owning ``url``'s domain, when the table knows it (``vnanet.vn`` → VNA)."""
    if not url or "://" not in url:
        return None
    return table.by_host(url.split("://", 1)[1].split("/", 1)[0].split(":")[0])
