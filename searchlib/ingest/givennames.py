"""Names that stand with no title, role or verb of speech around them, known by their
given name: "Aaron Ramsey scored twice", "Alice Guo fled in July".

General news names people bare more often than press releases do, and the context rules
of :mod:`searchlib.ingest.people` miss them. A run of two or three capitalised words that
opens with a common given name (``data/given_names.json``, from the 1990 US Census) is
taken for a person, unless it reads as a body, a place, a street or an outlet
("Virginia Beach", "Jordan Valley", "Grace Bank", "Sky News").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from searchlib.ingest.laonames import SYLLABLE
from searchlib.ingest.namecontext import BODY_WORDS
from searchlib.ingest.namewords import EAST_ASIAN_FAMILIES, MIDDLE_NAMES, NOT_PERSON_AFTER, SURNAMES
from searchlib.ingest.resources import load_strings
from searchlib.ingest.sources import load_sources
from searchlib.ingest.topictable import load_topics
from searchlib.textnorm import VIETNAMESE_LETTERS, fold

#: One word of such a name: capitalised, plain letters, an inner capital after Mc/Mac/O' or a
#: hyphen ("McCarthy", "O'Neill", "Smith-Jones"); a possessive "'s" may close the run.
_WORD = re.compile(r"(?:Mc|Mac|O'|O’|D'|D’)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_THE_BEFORE = re.compile(r"\b(?:the|The|a|an)\s+$|\b(?:St|Ste|Mt|Ft)\.\s+$")
_NEXT = re.compile(r"\s+([a-z]+)")
#: Words a headline in title case keeps in lowercase.
_SMALL_WORDS = frozenset("a an the of in on at to for and or but nor by with from as into vs".split())
#: A line in title case: four words or more, every word capitalised but the small ones, no
#: comma or bracket (a list of names, an aside); a line wrapped mid-sentence ends in a small word.
_HEADLINE = re.compile(r"(?:(?:[A-Z0-9][\w'’.:-]*|%s)[ \t]+){3,}[A-Z0-9][\w'’.:!?-]*" % "|".join(sorted(_SMALL_WORDS)))
_FIRM_AFTER = re.compile(r"\s*(?:&|and)\s+(?:Co|Company|Sons)\b")
#: Words that make a place of the given name after them ("San Francisco", "Fort Lauderdale",
#: "Lake Louise") or a particle of a longer name left out of the run ("Fritz von ...").
_PLACE_OPENERS = frozenset("san santa st saint los las new fort port mount lake cape le la el de del da van von der den "
                           # a base or a village named after someone ("Naval Station Jose Andrada", "Camp Aguinaldo")
                           "station camp base barangay".split())
#: ... and an East Asian family name, whose given name the run goes on with ("Jeong Hye Jin").
_BEFORE_NOT_A_NAME = _PLACE_OPENERS | EAST_ASIAN_FAMILIES
#: Last words of things named after people or with a given name first ("Davis Cup", "Virginia
#: Beach", "Christian Democrats", "Reed Tool"), besides the bodies of ``BODY_WORDS``.
_THING_WORDS = frozenset("""
cup finals final bay area beach arena amphitheatre theatre theater hall square wars trek express corporation
design riders avenue boulevard lane drive island islands valley lake hills mountain mountains awards award
prize show festival tour series plc products product exchange marketing facility democrats republicans tool
tools chronicle gazette magazine review gallery collection brands brand fashion travel tours
""".split())
#: Firms and brands named after their founders, which the press names bare like people.
_FIRMS = frozenset((
    "louis vuitton", "calvin klein", "tommy hilfiger", "ralph lauren", "michael kors", "tory burch", "kate spade",
    "marc jacobs", "christian dior", "christian louboutin", "giorgio armani", "hugo boss", "vera wang", "jimmy choo",
    "tony moly", "morgan stanley", "dean witter", "chase manhattan", "eli lilly", "freddie mac", "fannie mae",
    "john deere", "walter reed", "samuel montagu", "morgan grenfell", "james capel", "charles schwab", "estee lauder",
    "arthur andersen", "john lewis",
))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The shipped given names, lowercased."""
    return frozenset(load_strings("given_names.json", "names"))


#: The two words after a Vietnamese form of address, capitalised and without Vietnamese letters.
_ADDRESSED = re.compile(r"[ \t]+([A-Z][a-z]+)[ \t]+([A-Z][a-z]+)\b")


def foreign_name_next(text: str, pos: int) -> bool:
    """Whether a person's name follows ``pos``: two capitalised words, a common given name or
    no Vietnamese syllable first, or a Vietnamese family and middle name typed without accents.
    "Anh Mark Thompson" is Mr Mark Thompson, though "Anh" alone may be England ("Anh Quốc")."""
    match = _ADDRESSED.match(text, pos)
    if match is None:
        return False
    first, second = (word.lower() for word in match.groups())
    if first in SURNAMES and second in MIDDLE_NAMES:
        return True  # a Vietnamese name typed without accents: "Anh Hoang Van Nam, tai xe ..."
    return first in given_names() or not (SYLLABLE.fullmatch(first) or SYLLABLE.fullmatch(second))


#: Accented letters of French, Spanish and Portuguese names.
FOREIGN_ACCENTED = frozenset("àâäçéèêëîïôöùûüÿáíóúñãõ")


def foreign_accented(word: str) -> bool:
    """Whether ``word`` is a French, Spanish or Portuguese name, accented ("Lefèvre", "Fernández"),
    not a Vietnamese word ("Lắk", "Điện"): only those languages' accents, and no Vietnamese syllable."""
    accented = {c for c in word.lower() if not c.isascii()}
    return accented <= FOREIGN_ACCENTED and not SYLLABLE.fullmatch(fold(word).lower())


def given_name_mentions(text: str, runs: list[re.Match[str]],
                        as_name: Callable[[list[str]], str | None]) -> list[tuple[int, str]]:
    """(offset, name) of every run whose last two or three words open with a given name.

    The name is the run's tail from its first given name on, so a body or a role before it
    stays out ("Microsoft President Brad Smith" is Brad Smith); ``as_name`` has the last
    word on organisation and place words."""
    names = given_names()
    found: list[tuple[int, str]] = []
    for run in runs:
        words = run.group(0).split()
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        first = next((i for i, word in enumerate(words[:-1]) if word.lower() in names and word.istitle()), None)
        if first is None or not 2 <= len(words) - first <= 3:
            continue
        tail = words[first:]
        start = run.start() + len(" ".join(words[:first])) + (1 if first else 0)
        if not _plain_name(tail) or first and words[first - 1].lower() in _BEFORE_NOT_A_NAME \
                or _THE_BEFORE.search(text, max(0, start - 5), start) or _FIRM_AFTER.match(text, run.end()) \
                or " ".join(tail).lower() in _FIRMS or _apart(text, run, start):
            continue
        after = _NEXT.match(text, run.end())
        if after and after.group(1) in NOT_PERSON_AFTER:
            continue
        name = as_name(tail)
        if name and not names_a_place_or_outlet(name):
            found.append((start, name))
    return found


def _apart(text: str, run: re.Match[str], start: int) -> bool:
    """Whether the run stands where a name says nothing of the story: alone on its line (a
    byline, a credit, a caption's name) or in a headline set in title case ("Mary
    Steenburgen Wrote a Song"); or in Vietnamese text with a Vietnamese syllable first
    ("Theo Reuters" is "according to Reuters")."""
    line_start = text.rfind("\n", 0, run.start()) + 1
    line_end = text.find("\n", run.end())
    line = text[line_start:len(text) if line_end < 0 else line_end]
    if line.strip() == run.group(0).strip():
        return True
    if _HEADLINE.fullmatch(line.strip()) and line.split()[-1].lower() not in _SMALL_WORDS:
        return True
    first = text[start:run.end()].split()[0].lower()
    return bool(SYLLABLE.fullmatch(first)) and not VIETNAMESE_LETTERS.isdisjoint(line)


def _plain_name(words: list[str]) -> bool:
    """Capitalised plain words, no body word among them ("Grace Bank", "Austin Energy"), and
    not all Vietnamese syllables ("Tom" opens "Tom Hanks"; "Tan Hiep" is a place)."""
    if not all(_WORD.fullmatch(word) for word in words):
        return False
    lowered = [word.lower() for word in words]
    if not BODY_WORDS.isdisjoint(lowered) or lowered[-1] in _THING_WORDS:
        return False
    return not all(SYLLABLE.fullmatch(fold(word)) for word in lowered)


def names_a_place_or_outlet(name: str) -> bool:
    """Whether ``name`` is a place the topic table knows or an outlet ("Kuala Lumpur", "Al
    Jazeera"): capitalised words that read as a person's name and are none."""
    return fold(name).lower() in load_topics().places or load_sources().lookup(name, strict=True) is not None
