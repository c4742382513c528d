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

from searchlib.ingest.sources import site_stem
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
""".split())
#: A given source value: a name, its address in brackets, maybe a breadcrumb.
_WITH_ADDRESS = re.compile(_NAME + r"[ \t]*\([ \t]*" + _ADDRESS + r"[ \t]*\)(?:[ \t]*[>|»][^\n]*)?", re.I)
#: How many lines of a copied text's top are read for its outlet.
_HEAD_LINES = 6


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
    # a collector's note over the text: "doc tren bao An ninh Thu do (anninhthudo.vn), muc Phap luat"
    return named_beside_address("\n".join(lines))


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
