"""Outlets the source table does not know, named by their own pages.

The table maps known outlets' names, credits and addresses to one canonical name. A collected
page from an outlet outside it still names itself, in ways that are plain to a reader: its
name beside its own address ("Báo Sơn Tây - baosontay.vn", "From The Borneo Post
(theborneopost.com)"), its name over its address and section ("The Daily Gazette" above
"dailygazette.com > Local News"), a copyright line in a newspaper's form ("© 2025 The Borneo
Post"). A name counts only when its own letters spell the address beside it, or when it reads
as a newspaper's name, so that a company or a person is never taken for the outlet.
"""

from __future__ import annotations

import re

from searchlib.ingest.sources import _default_table, site_stem
from searchlib.textnorm import fold

#: A web address without its scheme, and the words of an outlet's name before it.
_ADDRESS = r"(?:https?://)?(?:www\.)?(?P<address>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:/\S*)?"
_NAME = r"(?P<name>[^\W\d_][\w'’&.]*(?:[ \t]+[\w'’&.]+){0,5}?)"
#: "Báo Sơn Tây - baosontay.vn", "From The Borneo Post (theborneopost.com), copied ...",
#: "Sabah Daily (sabahdaily.com/news/local)".
_BESIDE = re.compile(r"^[ \t]*(?:(?:from|copied from|source|nguồn|nguon|theo)[ \t]*:?[ \t]+)?" + _NAME
                     + r"[ \t]*(?:[-–—|][ \t]*|\([ \t]*)" + _ADDRESS, re.I | re.M)
#: A line that opens with the outlet's address ("gnlm.com.mm > Local News").
_ADDRESS_LINE = re.compile(r"^[ \t]*" + _ADDRESS + r"(?:[ \t]|$)", re.I)
#: Words that only a newspaper's or broadcaster's name ends with ("The Borneo Post").
_OUTLET_WORDS = frozenset("""post times news daily herald journal gazette tribune star mail press review chronicle
observer report reporter magazine today globe express standard monitor insider telegraph courier weekly
paper
""".split())
#: A breadcrumb opening with the site's name ("The New Paper > News > Singapore").
_CRUMB_HEAD = re.compile(r"^[ \t]*(?P<name>[^\n>»›|]{3,40}?)[ \t]+[>»›][ \t]+\S")
#: A given source value: a name, its address in brackets, maybe a breadcrumb.
_WITH_ADDRESS = re.compile(_NAME + r"[ \t]*\([ \t]*" + _ADDRESS + r"[ \t]*\)(?:[ \t]*[>|»][^\n]*)?", re.I)
#: How many lines of a copied text's top are read for its outlet.
_HEAD_LINES = 6
#: Words a site's address adds after its outlet's name.
_SITE_TAILS = ("asia", "online", "news", "global", "english", "daily", "today", "plus")
#: A paper's statement of whose organ it is, in its masthead or its footer: "TẠP CHÍ KIỂM SÁT -
#: CƠ QUAN CỦA VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO", "Báo Đắk Lắk - Cơ quan của Đảng bộ tỉnh Đắk Lắk",
#: "ANTĐ - Báo An ninh Thủ đô, cơ quan của Công an TP Hà Nội".
ORGAN = re.compile(r"(?P<name>[^\W\d_][^.,;:\n]{1,60}?)\s*[-–—,|]\s*(?:là\s+)?(?:cơ quan|co quan)\s+"
                   r"(?:(?:chủ quản|chu quan)\s*:|(?:(?:ngôn luận|chủ quản|ngon luan|chu quan)\s+)?"
                   r"(?:(?:trung ương|trung uong)\s+)?(?:của|thuộc|cua|thuoc)\b)", re.I)
#: A paper's or a magazine's kind opening its name.
_PAPER_KIND = re.compile(r"(?:báo|bao|tạp chí|tap chi)\s", re.I)
#: A collector's note naming the site the text was copied from ("[copied from astroawani.com, 20/3/2025]").
_SITE_NOTE = re.compile(r"(?:copied from|taken from|from|(?:chép|chep)(?: lại| lai)? (?:từ|tu)(?: trang| báo| bao)?|nguồn|nguon)"
                        r"[ \t]*:?[ \t]+" + _ADDRESS, re.I)


def spells_address(name: str, address: str) -> bool:
    """Whether ``name``'s letters spell the site ``address`` ("Báo Sơn Tây" and
    "baosontay.vn", "The Borneo Post" and "theborneopost.com", "The Global New Light of
    Myanmar" and "gnlm.com.mm" by its initials)."""
    stem = site_stem(address).replace("-", "")
    words = [w for w in re.findall(r"[a-z0-9]+", fold(name).lower())]
    if len(stem) < 3 or not words:
        return False
    bare = words[1:] if words[0] in ("the", "bao", "tap", "dai") and len(words) > 1 else words
    if stem in ("".join(words), "".join(bare)):
        return True
    # a site named for its name and its region or edition ("Fresh News" and freshnewsasia.com)
    if any(stem == "".join(bare) + tail for tail in _SITE_TAILS) and len("".join(bare)) >= 5:
        return True
    initials = "".join(w[0] for w in bare if w not in ("of", "and", "the"))
    return len(initials) >= 3 and stem == initials


def _capitalised(name: str) -> bool:
    """Whether ``name`` is written as a name: its first and last words capitalised, as
    Vietnamese papers' names are too ("Đời sống Mới", "Nông nghiệp Việt Nam")."""
    words = name.split()
    return 1 <= len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() for w in (words[0], words[-1]))


def paired_outlet(text: str) -> str | None:
    """The outlet a copied text's first lines name beside their own address, or ``None``."""
    lines = [line.strip() for line in text.lstrip().split("\n")[:_HEAD_LINES]]
    for i, line in enumerate(lines):
        match = _BESIDE.match(line)
        if match and _capitalised(match.group("name")) and spells_address(match.group("name"), match.group("address")):
            return " ".join(match.group("name").split())
        following = _ADDRESS_LINE.match(lines[i + 1]) if i + 1 < len(lines) else None
        if following and line and _capitalised(line) and spells_address(line, following.group("address")):
            return " ".join(line.split())
    crumb = next((m for m in map(_CRUMB_HEAD.match, lines) if m and outlet_like(m.group("name").strip())), None)
    if crumb:
        return crumb.group("name").strip()
    # a masthead stating whose organ the paper is; its capitals are written out later, as any
    # outside name's are (sources.canonical_source)
    organs = (re.split(r"\s[-–—|]\s", m.group("name"))[-1].strip() for m in map(ORGAN.match, lines) if m)
    organ = next((name for name in organs if _PAPER_KIND.match(name)), None)
    if organ:
        return organ
    noted = next((m for m in map(_SITE_NOTE.search, lines[:2]) if m), None)
    if noted:  # the site in the collector's note, and the masthead under it spelling it ("Astro AWANI")
        named = next((line for line in lines[1:4] if _capitalised(line) and spells_address(line, noted.group("address"))), None)
        return " ".join(named.split()) if named else _default_table().by_host(noted.group("address"))
    # a collector's note over the text: "doc tren bao An ninh Thu do (anninhthudo.vn), muc Phap luat"
    return named_beside_address("\n".join(lines)) or spelled_below(text)


#: How many lines of a copied text's top hold its address and the name spelling it.
_TOP_LINES = 20
#: A wire-style credit opening a lead: "(ECNS) --".
_LEAD_CREDIT = re.compile(r"^\((?P<name>[A-Z][A-Za-z]{2,9})\)\s*[-–—]")
#: A paper's name inside a line: its kind and up to three words ("bài Báo Đầu tư - vàng miếng").
_PAPER_IN_LINE = re.compile(r"\b(?:Báo|Tạp chí)(?:\s+[^\W\d_][\w&]*){1,3}")


def spelled_below(text: str) -> str | None:
    """The outlet a copied text's top line gives by its address alone ("baoquocte.vn",
    "ecns.cn | Society", "Baodautu.vn | 14/06/2025") and names further down, on a line of its
    own ("Báo Quốc tế"), in a lead's credit ("(ECNS) --") or in a note or subject line
    ("bài Báo Đầu tư - vàng miếng giả"): the name counts only where its letters spell the address."""
    lines = [line.strip() for line in text.lstrip().split("\n")[:_TOP_LINES]]
    addresses = [m.group("address") for m in map(_ADDRESS_LINE.match, lines) if m]
    if not addresses:
        return None
    names: list[str] = []
    for line in lines:
        credit = _LEAD_CREDIT.match(line)
        names += [credit.group("name")] if credit else [line] if _capitalised(line) else []
        for paper in _PAPER_IN_LINE.finditer(line):
            words = paper.group(0).split()
            names += [" ".join(words[:n]) for n in range(len(words), 1, -1)]
    return next((name for address in addresses for name in names if spells_address(name, address)), None)


def recased(name: str) -> str:
    """An outlet's name as written in running text when its masthead prints it in capitals:
    a Vietnamese paper's in sentence case after its kind ("TẠP CHÍ KIỂM SÁT" → "Tạp chí Kiểm sát"),
    a word of a foreign name that is no initialism in title case ("The DONG-A ILBO" → "The
    Dong-A Ilbo", "Astro AWANI" → "Astro Awani"; "RTHK" and "SGGP" stay)."""
    if "|" in name or len(name.split()) > 6:
        return name  # a masthead's row of sections ("F1 | Indy | NASCAR") is no name
    kind = re.match(r"(báo|tạp chí|tap chi|bao)\s+(.+)$", name, re.I)
    rest = kind.group(2).split() if kind else []
    if kind and kind.group(2).isupper() and (len(rest) >= 2 or any(_word_case(w) != w for w in rest)):
        return " ".join([kind.group(1).capitalize(), rest[0].capitalize(), *(w.lower() for w in rest[1:])])
    return " ".join(_word_case(w) for w in name.split())


def _word_case(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    vowels = sum(c in "AEIOUY" for c in fold(word).upper())
    if len(letters) >= 4 and word.isupper() and vowels >= 2:
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def named_paper(name: str) -> bool:
    """Whether ``name`` is a Vietnamese paper or magazine's name ("Báo Xây dựng", "Tạp chí
    Kiểm sát"): its kind, then one to four words, the first capitalised."""
    match = re.fullmatch(r"(?:Báo|Tạp chí)\s+(\w+)((?:\s+[\w&]+){0,3})", name.strip())
    return bool(match) and match.group(1)[0].isupper()


#: A name and its address in brackets inside a line ("Phụ nữ Việt Nam (phunuvietnam.vn)").
_IN_LINE = re.compile(r"((?:[^\W\d_][\w'’&]*[ \t]+){1,5}?[^\W\d_][\w'’&]*)[ \t]*\((?:https?://)?(?:www\.)?"
                      r"([a-z0-9-]+(?:\.[a-z0-9-]+)+)[^)\n]*\)", re.I)


def named_beside_address(text: str) -> str | None:
    """The name that the address in brackets after it spells, within running text ("bài của
    Phụ nữ Việt Nam (phunuvietnam.vn)" → "Phụ nữ Việt Nam"), or ``None``."""
    for match in _IN_LINE.finditer(text):
        words = match.group(1).split()
        for n in range(len(words), 1, -1):  # the longest capitalised tail of the words the address spells
            if words[-n][0].isupper() and spells_address(" ".join(words[-n:]), match.group(2)):
                return " ".join(words[-n:])
    return None


def outlet_like(name: str) -> bool:
    """Whether ``name`` reads as a newspaper's or broadcaster's name ("The Borneo Post",
    "Sabah Daily"): capitalised, ending with a word only outlets' names end with."""
    words = name.split()
    return 2 <= len(words) <= 5 and _capitalised(name) and words[-1].lower().strip(".") in _OUTLET_WORDS


def named_with_address(value: str) -> str | None:
    """The name in a given source value that adds its address in brackets, maybe a
    breadcrumb after it ("Sabah Daily (sabahdaily.com/news/local)", "Thai Rath English
    (en.thairath.co.th) > News > Local" → the name), or ``None``."""
    match = _WITH_ADDRESS.fullmatch(value.strip())
    return " ".join(match.group("name").split()) if match and _capitalised(match.group("name")) else None
