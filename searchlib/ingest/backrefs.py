"""People an English article names in full once and then refers back to by family name.

Wire style names a person in full at first mention ("Mark Anthony Hollis, as he was named in
an AFP statement, ...") and afterwards by family name alone as the subject of a verb ("that
Hollis was believed to be living in Bali"). That back-reference shows the full name is a
person's even where no title, age or role stands beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: What a person named by family name does in the next words ("Hollis was", "Suryawan said").
_VERB = re.compile(r"[ \t]+(?:said|says|told|added|was|is|had|has|denied|admitted|insisted|claimed|fled|left|"
                   r"faces|faced|pleaded|allegedly|reportedly|also|later|then|would|will|could)\b")
_COMPOUND_NOUN = re.compile(r"-[a-z]")
#: Before a thing's name: "a mission called Europa Clipper".
_THING_BEFORE = re.compile(r"\b(?:called|dubbed|codenamed|code-named|named after)\s+$")
#: Before the family name: the start of a sentence or a lowercase word ("that Hollis"), not
#: another capitalised word (which would make it part of another name or a place).
_BEFORE = re.compile(r"(?:^|[.!?\"“”:;]\s+|\n\s*|\b(?-i:[a-z][\w'’-]*)[ \t]+)$")


def referred_back(text: str, runs: list[re.Match[str]],
                  as_name: Callable[[list[str]], str | None]) -> list[tuple[int, str]]:
    """``(position, name)`` for each run of two or three capitalised words that reads as a
    name (``as_name``) and whose last word stands alone later in ``text`` as the subject of
    a verb."""
    found: list[tuple[int, str]] = []
    # a common noun capitalised at a sentence's start is no given name ("Singer-guitarists Tom Johnston")
    names = {run.start(): as_name([w for w in run.group(0).split() if not _COMPOUND_NOUN.search(w)]) for run in runs}
    # a last word that ends two different runs ("Tran Ngoc Khanh", "Phuc Khanh"; "Zone Customs",
    # "Port Klang Customs") refers back to neither
    endings: dict[str, set[str]] = {}
    for run in runs:
        endings.setdefault(run.group(0).split()[-1], set()).add(" ".join(run.group(0).split()))
    for run in runs:
        name = names[run.start()]
        if not name or len(name.split()) > 3 or "'" in name or "’" in name or name.split()[0].isupper():
            continue  # "Myanmar's Myawaddy", "PM Vilay": a possessive or an abbreviated title
        family = name.split()[-1]
        if len(family) < 3 or not family[1:].islower() or len(endings.get(family, ())) > 1 \
                or _THING_BEFORE.search(text, max(0, run.start() - 20), run.start()):
            continue
        if re.search(rf"(?<![\w'’-]){re.escape(family)}[ \t]+[A-Z]", text):
            continue  # a brand or a body before other names ("Apple TV+", "Apple Thunderbolt"), no person
        for match in re.finditer(rf"(?<![\w'’-]){re.escape(family)}(?![\w'’-])", text[run.end():]):
            at = run.end() + match.start()
            if _VERB.match(text, at + len(family)) and _BEFORE.search(text, max(0, at - 40), at):
                found.append((run.end() - len(name), name))
                break
    return found
