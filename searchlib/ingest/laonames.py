"""Names of Laos as Vietnamese text spells them, and the shape of a Vietnamese syllable that
tells them apart from Vietnamese names. Used by :mod:`searchlib.ingest.people` after a title
or a year of birth; ``as_name`` is its check that a run of words can be a name at all."""

from __future__ import annotations

import re
from collections.abc import Callable

from searchlib.ingest.namewords import LEADING, MIDDLE_ACCENTED, MIDDLE_NAMES, SURNAME_PLACES, SURNAMES
from searchlib.textnorm import VIETNAMESE_LETTERS, fold, has_diacritics

#: One Vietnamese syllable without its accents ("nghieng", "khoa", "vong").
SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def lao_syllables(run: list[str], as_name: Callable[[list[str]], str | None]) -> str | None:
    """A Lao name spelt in separate Vietnamese syllables ("Đại úy Khăm Phăn Xay Nha Vông",
    "Sổm Xạ Vẳn Vông Phạ Chăn"): more syllables than a Vietnamese name has, none of them a
    Vietnamese family or middle name as Vietnamese names write it ("Vẳn" is not "Văn")."""
    if 5 <= len(run) <= 7 and not VIETNAMESE_LETTERS.isdisjoint("".join(run)) \
            and all(SYLLABLE.fullmatch(fold(word).lower()) and word.lower() not in SURNAMES
                    and word.lower() not in LEADING and not middle_name(word) for word in run) \
            and not _has_place(run) and as_name(run[:4]) and as_name(run[-4:]):
        return " ".join(run)
    return None


def _has_place(run: list[str]) -> bool:
    """Whether two words of the run name a Vietnamese place ("... Vận Tải Quảng Nam")."""
    folded = [fold(word).lower() for word in run]
    return any(f"{a} {b}" in SURNAME_PLACES for a, b in zip(folded, folded[1:]))


def lao_family_word(run: list[str], as_name: Callable[[list[str]], str | None]) -> str | None:
    """A Lao name whose family name is written as one word ("Thiếu tá Xổm Phết Phômmavông"):
    syllables (or a given name of syllables in one word, "Đại tá Khămphăn Sỉthạvông"), then a
    word with Vietnamese letters and more than one syllable's vowels."""
    last = fold(run[-1]).lower() if run else ""
    if 2 <= len(run) <= 4 and not VIETNAMESE_LETTERS.isdisjoint(run[-1]) and run[0].lower() not in SURNAMES \
            and len(_VOWELS.findall(last)) >= 2 and run[-1].isalpha() \
            and all(SYLLABLE.fullmatch(fold(word).lower()) or _compound(word) for word in run[:-1]) and as_name(run):
        return " ".join(run)
    return None


#: Two or more Vietnamese syllables written as one word, as a Lao given name is ("Khămphăn").
_SYLLABLES = re.compile(f"(?:{SYLLABLE.pattern}){{2,4}}")


def _compound(word: str) -> bool:
    """Whether ``word`` is a Lao given name spelt as one word of Vietnamese syllables: with
    Vietnamese letters, which no English word has ("Khămphăn Sỉthạvông", not "Interpol")."""
    return not VIETNAMESE_LETTERS.isdisjoint(word) and word.isalpha() \
        and _SYLLABLES.fullmatch(fold(word).lower()) is not None


#: The vowel groups of a folded word: a Lao family name written as one word has several
#: ("phommavong"), a Vietnamese or highland syllable one ("krel", "plong").
_VOWELS = re.compile(r"[aeiouy]+")


def middle_name(word: str) -> bool:
    """Whether ``word`` is a common Vietnamese middle name: with its own accents when it has any."""
    lowered = word.lower()
    return lowered in MIDDLE_ACCENTED if has_diacritics(lowered) or lowered in MIDDLE_ACCENTED \
        else fold(lowered) in MIDDLE_NAMES
