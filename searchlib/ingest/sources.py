"""News outlets: the source table, alias mapping, and finding the source in the text.

Analysts name outlets by short names ("VNA", "VGP", "Nhân Dân"); files name them by
domain, full name, Vietnamese name or wire credit. One table maps all of these to the
short canonical name, so the ``source`` facet has one value per outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from searchlib.ingest.dates import parse_date
from searchlib.ingest.resources import load_table, user_table
from searchlib.textnorm import fold, fold_key, normalize_text

_PARENS = re.compile(r"\(([^()\n]{1,40})\)")
_PHOTO_CREDIT = re.compile(r"\((?:Photo|Photos|Ảnh|Nguồn ảnh)\s*:\s*([^()\n]{1,60})\)", re.I)
#: "VGP - ...", "Hà Nội – VNA – ...", "TNO | Thứ Bảy, ...": a credit between dashes (or
#: before a bar) at the start of the body.
_DASHED = re.compile(r"(?:^|[-–—]\s*)([^\W\d_][\w.]{1,20})\s*[-–—|]\s", re.M)
#: Words around an outlet's name that do not change the outlet (compared folded).
_DECORATION = re.compile(r"^(?:bao dien tu|bao|tap chi|the)\s+"
                         r"|\s+(?:dien tu|online|e-newspaper|electronic newspaper|newspaper|news)$")  # "NHK WORLD-JAPAN News"
#: A web edition's ending of a paper's name ("Báo Nghệ An điện tử"), compared folded.
_EDITION_END = re.compile(r"\s+(?:dien tu|online)$")
#: "Cục Cảnh sát giao thông (Bộ Công an)": a ministry in brackets is whose unit it is, not a credit.
_AFFILIATION = re.compile(r"(?:bo|ministry)\b")
#: An outlet's name alone on one of the first lines of a text file ("Khmer Times").
_HEAD_LINES = 4
_END_MARK = re.compile(r"[\s.]*\./\.\s*$|\s+$")


@dataclass
class SourceTable:
    """Canonical outlet names and the lookup from every alias (folded) to them."""

    names: list[str] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # fold_key(alias) -> name
    credits: dict[str, str] = field(default_factory=dict)  # fold_key(wire credit) -> name
    stems: dict[str, str] = field(default_factory=dict)  # "nationthailand" -> its address alias
    menus: dict[str, str] = field(default_factory=dict)  # fold_key(a section only it names) -> name
    labels: dict[str, str] = field(default_factory=dict)  # fold_key(a header label only it prints) -> name
    countries: dict[str, str] = field(default_factory=dict)  # name -> the country whose press it is

    def country(self, name: str | None) -> str | None:
        """The country whose press the outlet ``name`` is (None for a wire of no country)."""
        return self.countries.get(name) if name else None

    def lookup(self, value: str, *, strict: bool = False) -> str | None:
        """The canonical name for ``value`` (any alias or credit), or ``None``. Sites
        decorate their names ("Báo Công an Nhân dân điện tử", "Nhan Dan Online", "NHK WORLD-JAPAN
        News"): the name without a leading "Báo"/"The" or a trailing "điện tử"/"online"/"news" is
        tried too.
        ``strict`` leaves out a wire credit before other words ("KPL Lao News Agency"),
        for text that may be a headline ("AFP journalist arrested")."""
        key = fold_key(value).strip(" .")
        found = self._find(key)
        if found is None and " " in key and "(" not in key and not strict:
            # "KPL Lao News Agency": a wire credit before the outlet's name
            first, _, rest = key.partition(" ")
            credited = self.credits.get(first)
            if credited and self._find(rest) in (None, credited):
                found = credited
        if found is None and "(" in key:
            # "Lao News Agency (KPL)", "Vietnam+ (VietnamPlus)": the name or the part in brackets
            outside, _, inside = key.partition("(")
            found = self._find(outside.strip(" .")) or self._find(inside.rstrip(") ").strip(" ."))
        if found is None and "/" in key:
            # "TTXVN/Vietnam+": a shared credit; the last part named is the publisher (as "VNA/VNS")
            parts = [self._find(part.strip(" .")) for part in key.split("/")]
            found = next((part for part in reversed(parts) if part), None)
        return found

    def _find(self, key: str) -> str | None:
        found = self.aliases.get(key) or self.credits.get(key)
        if found is None:
            bare = _DECORATION.sub("", key).strip(" .")
            if bare and bare != key:
                found = self.aliases.get(bare) or self.credits.get(bare)
        if found is None and key.startswith("bao "):  # "Báo Nghệ An điện tử": the paper keeps its "Báo"
            found = self.aliases.get(_EDITION_END.sub("", key).strip(" ."))
        return found

    def by_host(self, host: str) -> str | None:
        """The outlet owning the web host ``host`` or a domain above it ("en.vietnamplus.vn",
        "independent.co.uk" in a sender's address), when the table knows it."""
        host = host.lower()
        while host.count("."):
            found = self.aliases.get(host)
            if found:
                return found
            host = host.split(".", 1)[1]
        return None

    def by_site_stem(self, value: str) -> str | None:
        """The outlet whose web address ``value`` is without its domain ending: sites name
        themselves "nationthailand" in their metadata (nationthailand.com)."""
        key = fold_key(value).strip(" .")
        alias = self.stems.get(key) if len(key) >= 5 and key.isalnum() else None
        return self.aliases[alias] if alias else None

    def add(self, name: str, aliases: list[str], credits: list[str], menu: list[str] = (),
            labels: list[str] = ()) -> None:
        """Add an outlet, or extend an existing one with more aliases, credits, the
        sections of its menu that no other site has ("Góc nhìn", "Số hóa": VnExpress) and
        the labels of its article header that no other site prints ("NEWSPAPER SECTION":
        Bangkok Post)."""
        name = normalize_text(name).strip()
        if name not in self.names:
            self.names.append(name)
        self.aliases.setdefault(fold_key(name), name)
        for alias in aliases:
            key = fold_key(alias)
            if "." in key and " " not in key and key not in self.aliases:
                self.stems.setdefault(site_stem(key), key)
            self.aliases[key] = name
        for credit in credits:
            self.credits[fold_key(credit)] = name
        for section in menu:
            self.menus[fold_key(section)] = name
        for label in labels:
            self.labels[fold_key(label).strip(" :")] = name


def load_sources(extra: Path | None = None) -> SourceTable:
    """The shipped outlet table, extended by ``extra`` (a JSON file of the same shape:
    ``{"sources": [{"name": ..., "full_name": ..., "aliases": [...], "credits": [...],
    "menu": [...], "header_labels": [...], "country": ...}]}``)."""
    if extra is None:
        return _default_table()
    return _load(extra)


@lru_cache(maxsize=1)
def _default_table() -> SourceTable:
    return _load(user_table("sources"))


def _load(extra: Path | None) -> SourceTable:
    return _build(load_table("sources.json", "sources", extra),
                  load_table("sources.json", "papers_by_place", extra, optional=True))


def _build(entries: list[dict], by_place: list[dict] = ()) -> SourceTable:
    table = SourceTable()
    for entry in entries:
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            continue
        aliases = [a for a in entry.get("aliases", []) if isinstance(a, str)]
        if isinstance(entry.get("full_name"), str):
            aliases.append(entry["full_name"])
        table.add(name, aliases, [c for c in entry.get("credits", []) if isinstance(c, str)],
                  [m for m in entry.get("menu", []) if isinstance(m, str)],
                  [h for h in entry.get("header_labels", []) if isinstance(h, str)])
        if isinstance(entry.get("country"), str):
            table.countries[normalize_text(name).strip()] = entry["country"]
    _add_place_papers(table, by_place)  # after the outlets of the table, whose names win
    return table


def _add_place_papers(table: SourceTable, groups: list[dict]) -> None:
    """The papers named for their province ("Báo Nghệ An", "Báo Gia Lai"): too many for the
    table one by one, and written alike: without accents ("Bao Nghe An") and by a site
    made of the name ("baogialai.com.vn"). An outlet of the table keeps its own names."""
    for group in groups:
        pattern, sites = group.get("name"), [s for s in group.get("sites", []) if isinstance(s, str)]
        if not isinstance(pattern, str) or "{place}" not in pattern:
            continue
        for place in (p for p in group.get("places", []) if isinstance(p, str) and p.strip()):
            name = normalize_text(pattern.replace("{place}", place)).strip()
            stem = "".join(ch for ch in fold_key(place) if ch.isalnum())
            keys = [fold_key(name)] + [site.replace("{stem}", stem) for site in sites]
            if any(key in table.aliases for key in keys):
                continue
            table.add(name, [site.replace("{stem}", stem) for site in sites], [])
            if isinstance(group.get("country"), str):
                table.countries[name] = group["country"]


def site_stem(host: str) -> str:
    """"www.nationthailand.com" → "nationthailand": the host's first label after a
    "www", mobile, language or edition prefix ("international.astroawani.com")."""
    labels = host.lower().split("/")[0].split(".")
    while len(labels) > 2 and labels[0] in ("www", "en", "e", "english", "m", "international"):
        labels = labels[1:]
    return labels[0]


def canonical_source(name: str, table: SourceTable | None = None) -> str:
    """Map any alias of a known outlet to its canonical name; other names come back stripped."""
    table = table or _default_table()
    found = table.lookup(name) or table.by_site_stem(name)
    if found:
        return found
    # a site's name and its description ("VOV.VN - Báo điện tử Đài Tiếng nói Việt Nam")
    parts = [part for part in _SITE_PARTS.split(name) if part.strip()]
    found = next(filter(None, (table.lookup(part, strict=True) for part in parts)), None) if len(parts) > 1 else None
    if found:
        return found
    name = " ".join(normalize_text(name).split())
    short = _EDITION.sub("", name)  # "Báo Điện Biên Phủ điện tử" is the paper's web edition
    return _own_name(short if len(short.split()) >= 2 else name, parts)


def _own_name(name: str, parts: list[str]) -> str:
    """The name an outlet outside the table goes by, from the forms pages give it: its name
    beside its address and a description ("danviet.vn – Báo Dân Việt (Nhà nông Việt Nam)"),
    its brand with a Vietnamese domain ending ("Kênh14.vn"), a collector's note in brackets ("Soha.vn
    (chép từ ứng dụng)"), "Báo" before a national paper's name ("Dân Việt"; but a local paper
    keeps it: "Báo Công an Đà Nẵng", and so does a name that is a common noun: "Báo Xây dựng"),
    words in capitals as running text writes them ("The DONG-A ILBO" → "The Dong-A Ilbo")."""
    from searchlib.ingest.unlisted import recased, spells_address  # they read site stems from here
    if len(parts) > 1:
        sites = [part.strip() for part in parts if _BARE_SITE.fullmatch(part.strip())]
        named = [part for part in parts if part.strip() not in sites]
        spelt = [part for part in named for site in sites if spells_address(END_NOTE.sub("", part).strip(), site)]
        if spelt:
            name = spelt[0].strip()
    name = END_NOTE.sub("", name).strip() or name
    branded = _BRAND_SITE.fullmatch(name)
    if branded and not branded.group(1).islower():
        name = branded.group(1)
    name = recased(name)
    paper = re.match(r"(?:Báo|Bao)\s+(.+)$", name)
    # "Báo" goes before a national paper's proper name ("Dân Việt", "Đời sống Mới"), and stays
    # before a local paper's and before a common noun ("Báo Xây dựng", "Báo Văn hóa")
    if paper and len(paper.group(1).split()) >= 2 and not _ends_with_place(paper.group(1)) \
            and any(word[0].isupper() for word in paper.group(1).split()[1:]):
        name = paper.group(1)
    return name


def _ends_with_place(name: str) -> bool:
    """Whether ``name`` ends with a province or a city ("Công an Đà Nẵng", "Hà Nội"), which a
    local paper's "Báo" goes with; a national paper ending "Việt Nam" is not local."""
    words = fold(name).lower().split()
    return any(" ".join(words[-n:]) in _local_places() for n in (1, 2, 3))


@lru_cache(maxsize=1)
def _local_places() -> frozenset[str]:
    """Folded places a local paper is named after: the topic table's places and the shipped
    papers' ("Báo Nghệ An"), less the country itself."""
    from searchlib.ingest.topictable import load_topics  # the places; imported late, as the topic table is big
    papers = {fold(n[4:]).lower() for n in _default_table().names if n.startswith("Báo ")}
    return frozenset((set(load_topics().places) | papers) - {"viet nam"})


#: A web address alone ("danviet.vn"), a brand with its domain ending ("Kênh14.vn"), and a
#: description or a collector's note in brackets after a name.
_BARE_SITE = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.I)
_BRAND_SITE = re.compile(r"([^\s.]+)\.(?:com\.vn|vn)")  # "Space.com" is that site's own name
END_NOTE = re.compile(r"\s*\(([^()]*)\)\s*$")


_SITE_PARTS = re.compile(r"\s+[-–—|:]\s+")
_EDITION = re.compile(r"\s+(?:điện tử|dien tu|online|trực tuyến)$", re.I)
#: "Nguồn: Tổng hợp" (compiled), "Sưu tầm" (collected), "Internet": no outlet.
_NOT_OUTLETS = ("tong hop", "suu tam", "internet", "nhieu nguon", "mang xa hoi", "compiled", "agencies")


def detect_source(body: str, credit_kind: str | None = None, credit: str | None = None,
                  table: SourceTable | None = None) -> str | None:
    """Find the outlet credited in an article body.

    Order: a "(VNA)" credit in the first 300 characters; a dashed credit opening the body
    ("VGP - "); a credit line or a name in capitals at the top; a wire's dateline further
    down ("HANOI, April 8 (Reuters) -" under summary bullets); the credit ending the last paragraph ("VNA/VNS" → the publisher, VNS); a
    final "Theo X" / "Nguồn: X" line (``credit_kind``/``credit``, taken off by the
    cleaner); last, a photo credit "(Photo: VNA)".
    """
    table = table or _default_table()
    found = lead_credit(body, table, wires_only=False)
    if found:
        return found
    for match in _DASHED.finditer(body[:150]):
        key = fold_key(match.group(1)).rstrip(".")
        # A wire credit ("VGP -"), or an outlet's own domain ("VOV.VN -").
        found = table.credits.get(key) or (table.aliases.get(key) if "." in key else None)
        if found:
            return found
    for line in body.lstrip()[:400].splitlines()[:_HEAD_LINES]:
        found = _head_credit(line.strip(), table)
        if found:
            return found
    for match in _DATELINE_CREDIT.finditer(body[:1200]):  # under a wire's summary bullets
        found = table.lookup(match.group(1))
        if found:
            return found
    found = end_credit(body, table)
    if found:
        return found
    if credit:
        found = table.lookup(credit)
        if found:
            return found
        if credit_kind in ("Nguồn", "Source") and not fold_key(credit).startswith(_NOT_OUTLETS):
            return " ".join(credit.split())
    for match in _PHOTO_CREDIT.finditer(body):
        found = table.lookup(match.group(1).split("/")[0])
        if found:
            return found
    return None


def lead_credit(body: str, table: SourceTable, *, wires_only: bool = True) -> str | None:
    """The outlet a bracketed credit in the first lines names ("HÀ NỘI (VNA) —", "KUALA
    LUMPUR (Bernama):"), a wire's bare credit in its dateline ("Phnom Penh, June 12, 2025
    AKP --") or a wire's dateline opening a paragraph further down ("BANGKOK (Reuters) -");
    with ``wires_only``, only a wire credit counts (a paper's page of a wire's story is the
    wire's)."""
    head = _PHOTO_CREDIT.sub(" ", body[:300])
    for match in _PARENS.finditer(head):
        key = fold_key(match.group(1)).strip(" .")
        found = table.credits.get(key) if wires_only else table.lookup(match.group(1))
        if found and not _defines_acronym(head, match) and not _AFFILIATION.match(fold_key(match.group(1))):
            return found
    match = _DATELINE_BARE.search(head)
    if match:
        return table.credits.get(fold_key(match.group(1)))
    for line in head.splitlines()[:_HEAD_LINES]:  # "Source: Xinhua  Published: 2026/1/13" under a paper's headline
        match = _CREDIT_LINE.match(line.strip())
        if match:
            name = _credited(match)
            found = table.credits.get(fold_key(name).strip(" .")) if wires_only else table.lookup(name)
            if found:
                return found
    for match in _DATELINE_CREDIT.finditer(body[:1200]):  # under a copied page's chrome or summary bullets
        found = table.credits.get(fold_key(match.group(1)).strip(" ."))
        if found:
            return found
    return None


#: A wire's dateline with its bare credit: "Phnom Penh, June 12, 2025 AKP -- Cambodia and ...".
_DATELINE_BARE = re.compile(r"(?:^|\n)[A-ZÀ-Ỹ][\w .'’-]{1,30},\s+[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4},?\s+"
                            r"([A-Z]{2,10})\s*(?:--|[-–—:])\s")
#: A wire's dateline opening a paragraph: "HANOI, April 8 (Reuters) -".
_DATELINE_CREDIT = re.compile(r"(?:^|\n)[A-ZÀ-Ỹ][A-ZÀ-Ỹ .'’-]{1,30},?[^\n()]{0,20}\(([^()\n]{2,30})\)\s*[-–—]")
#: A credit line under the headline: "Nguồn: thanhnien.vn - Nhóm PV Tây Ninh", "Source: VNA".
_CREDIT_LINE = re.compile(r"(?:nguồn|nguon|source|theo)\s*:\s*(?P<name>[^\n]+)", re.I)
#: A paper's name in capitals or title case opening its lead: "LAO DONG - Lực lượng chức năng ...",
#: "Thanh Nien - Luc luong ..." (a lead typed again without accents), "QĐND Online - Sáng 18-9, ...".
_CAPS_CREDIT = re.compile(r"(?P<name>[^\W\d_]{2,}(?:\s[^\W\d_]{2,}){1,2})\s*[-–—]\s")


#: What separates an outlet's name from what follows it on a credit line: a dash or a comma,
#: a bar with or without spaces ("Source: Xinhua| 2025-12-09 20:31:05|Editor: huaxia"), a tab
#: or a run of spaces ("Source: Xinhua  Published: 2026/1/13").
CREDIT_PARTS = re.compile(r"\s*\|\s*|\s+[-–—]\s+|,\s*|\s{2,}|\t")


def _credited(match: re.Match[str]) -> str:
    """The name a credit line gives, without what follows it ("Source: Xinhua  Published:
    2026/1/13 17:26:40", "Nguồn: thanhnien.vn - Nhóm PV Tây Ninh")."""
    return CREDIT_PARTS.split(match.group("name"))[0]


def _head_credit(line: str, table: SourceTable) -> str | None:
    """The outlet a line at the top of the body names: the whole line ("Báo Tin tức"), a
    credit line ("Nguồn: thanhnien.vn - Nhóm PV"), the name before the date ("Bao Lao Dong
    - 14/08/2024 09:10"), or a name in capitals or title case opening the lead."""
    if 0 < len(line) <= 40:
        found = table.lookup(line) or table.by_site_stem(line)  # "nationthailand" as its masthead
        if found:
            return found
    match = _CREDIT_LINE.match(line)
    if match:
        return table.lookup(_credited(match))
    parts = re.split(r"\s[-–—|]\s", line, maxsplit=1) if len(line) <= 80 else []
    if len(parts) == 2 and parse_date(parts[1]):  # "Bao Lao Dong - 14/08/2024 09:10": the paper, then its date
        found = table.lookup(parts[0])
        if found:
            return found
    match = _CAPS_CREDIT.match(line)
    if match and (match.group("name").isupper() or all(word[0].isupper() for word in match.group("name").split())):
        return table.lookup(match.group("name"), strict=True)
    return None


#: A labelled line of an article's header: "NEWSPAPER SECTION: News", "PUBLISHED : 14 Mar 2025".
_HEADER_FIELD = re.compile(r"([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2})\s?:")


def header_label_outlet(text: str, table: SourceTable) -> str | None:
    """The outlet whose own header label ("NEWSPAPER SECTION: News", Bangkok Post's) stands
    in the first lines of a copied page: its layout names the site when no words do."""
    if not table.labels:
        return None
    for line in text.lstrip()[:1500].splitlines()[:_HEAD_LINES * 3]:
        match = _HEADER_FIELD.match(line.strip())
        if match:
            found = table.labels.get(fold_key(match.group(1)))
            if found:
                return found
    return None


def _defines_acronym(text: str, match: re.Match[str]) -> bool:
    """Whether a parenthesised acronym spells out the words before it: "Australian Federal
    Police (AFP)" names the police, not Agence France-Presse."""
    acronym = match.group(1).strip()
    if not acronym.isalpha() or not acronym.isupper():
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text[max(0, match.start() - 120):match.start()])
    initials = "".join(w[0] for w in words if w[0].isupper())
    return initials.endswith(acronym)


#: Bracketed lines closing a text ("[Photo caption: ...]", "[Ảnh: ...]").
_TRAILING_BRACKETS = re.compile(r"(?:\n[ \t]*\[[^\]\n]*\][ \t]*)+\s*$")


def end_credit(body: str, table: SourceTable) -> str | None:
    """"… co-chair the meeting. VNA/VNS" → VNS: the last slash part that is a credit (a
    bracketed photo caption after it, "[Photo caption: ... — VNS Photo]", is passed over)."""
    tail = _END_MARK.sub("", _TRAILING_BRACKETS.sub("", body[-400:])[-200:])
    words = tail.split()
    if not words:
        return None
    last = words[-1]
    standalone = ("/" in last or last.startswith("(") or len(words) == 1
                  or words[-2].endswith((".", "–", "-", "—", ":")))
    if last.endswith(".") or not standalone:
        return None
    token = last.strip("()")
    for part in reversed(token.split("/")):
        found = table.credits.get(fold_key(part))
        if found:
            return found
    return None
