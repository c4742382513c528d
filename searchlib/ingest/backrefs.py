"""People an English article names in full once and then refers back to by family name.

Wire style names a person in full at first mention ("Mark Anthony Hollis, as he was named in
an AFP statement, ...") and afterwards by family name alone as the subject of a verb ("that
Hollis was believed to be living in Bali"). That back-reference shows the full name is a
person's even where no title, age or role stands beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: A capitalised word alone before what a person named by family name does ("Hollis was",
#: "Suryawan said").
_ALONE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]{2,})(?=[ \t]+(?:said|says|told|added|was|is|had|has|denied|admitted|insisted|claimed|fled|left|"
                   r"faces|faced|pleaded|allegedly|reportedly|also|later|then|would|will|could)\b)")
_COMPOUND_NOUN = re.compile(r"-[a-z]")
#: Before a thing's name: "a mission called Europa Clipper", "the ship, Ocean Pearl".
_THING_BEFORE = re.compile(r"\b(?:called|dubbed|codenamed|code-named|named after|(?i:ship|vessel|tanker|boat|trawler|"
                           r"freighter|ferry|yacht|barge|company|firm|brand|hotel|restaurant)\s*,?)\s+$")
#: Words that make a run a storm's, an operation's or a firm's name, not a person's ("Super
#: Typhoon Ragasa", "Tropical Storm Kajiki", "Samsung Electronics", "Golden Harvest Group").
_THING_WORDS = frozenset("typhoon storm tropical cyclone hurricane depression super operation project mount lake river "
                         "hotel plaza tower electronics group holdings motors airways airlines bank corp technologies "
                         "systems pharma energy harvest pearl star ocean".split())
#: Before the family name: the start of a sentence or a lowercase word ("that Hollis"), not
#: another capitalised word (which would make it part of another name or a place).
_BEFORE = re.compile(r"(?:^|[.!?\"“”:;]\s+|\n\s*|\b(?-i:[a-z][\w'’-]*)[ \t]+)$")


def referred_back(text: str, runs: list[re.Match[str]],
                  as_name: Callable[[list[str]], str | None]) -> list[tuple[int, str]]:
    """``(position, name)`` for each run of two or three capitalised words that reads as a
    name (``as_name``) and whose last word stands alone later in ``text`` as the subject of
    a verb."""
    # where a capitalised word stands alone before a verb: one scan of the text for all runs
    alone: dict[str, int] = {}
    for match in _ALONE.finditer(text):
        word = match.group(1)
        if word[0].isupper() and word[1:].islower() and _BEFORE.search(text, max(0, match.start() - 40), match.start()):
            alone[word] = match.start()  # the last such place
    if not alone:
        return []
    # a word followed by another capitalised word somewhere heads a brand or a body ("Apple
    # TV+", "Apple Thunderbolt"), and a last word that ends two different runs ("Tran Ngoc
    # Khanh", "Phuc Khanh"; "Zone Customs", "Port Klang Customs") refers back to neither
    heads: set[str] = set()
    endings: dict[str, set[str]] = {}
    for run in runs:
        words = run.group(0).split()
        heads.update(words[:-1])
        endings.setdefault(words[-1], set()).add(" ".join(words))
    found: list[tuple[int, str]] = []
    for run in runs:
        last = run.group(0).split()[-1]
        if alone.get(last, -1) < run.end() or last in heads or len(endings[last]) > 1:
            continue
        # a common noun capitalised at a sentence's start is no given name ("Singer-guitarists Tom Johnston")
        name = as_name([w for w in run.group(0).split() if not _COMPOUND_NOUN.search(w)])
        if not name or len(name.split()) > 3 or "'" in name or "’" in name or name.split()[0].isupper():
            continue  # "Myanmar's Myawaddy", "PM Vilay": a possessive or an abbreviated title
        if len(last) < 3 or not last[1:].islower() or _THING_BEFORE.search(text, max(0, run.start() - 20), run.start()) \
                or any(word.lower() in _THING_WORDS for word in name.split()):
            continue
        found.append((run.end() - len(name), name))
    return found
