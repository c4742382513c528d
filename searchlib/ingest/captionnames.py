"""Vietnamese people a story names in full only under a photo and by given name in its text.

Vietnamese papers name a player or an official in full in a caption ("Nguyễn Quang Hải (số 19)
ăn mừng bàn thắng") and by given name alone in the story ("Quang Hải bước lên thực hiện cú
sút"). Captions are left out of an article's text, so the full name is taken from the caption
only where the story refers to it by its given name.
"""

from __future__ import annotations

import re

from searchlib.ingest.credits import mask_credits
from searchlib.ingest.laonames import SYLLABLE
from searchlib.ingest.namewords import SURNAMES
from searchlib.textnorm import fold, has_diacritics

#: A run of three or four capitalised words, as a full Vietnamese name is written.
_FULL = re.compile(r"(?<![\w'’-])([^\W\d_][\w]*(?:[ \t]+[^\W\d_][\w]*){2,3})(?![\w'’-])")


def caption_names(text: str, captions: str) -> list[tuple[int, str]]:
    """``(position, name)`` for each full Vietnamese name of ``captions`` whose given name
    (its last two words) stands alone in ``text``; the position is its first use there."""
    found: list[tuple[int, str]] = []
    for match in _FULL.finditer(mask_credits(captions)):
        words = match.group(1).split()
        if not all(word[0].isupper() for word in words) or words[0].lower() not in SURNAMES \
                or not has_diacritics(match.group(1)) \
                or not all(SYLLABLE.fullmatch(fold(word).lower()) for word in words):
            continue
        full = " ".join(words)
        if full in text:
            continue  # the story names them in full itself
        alone = (m.start() for m in re.finditer(r"(?<![\w'’-])" + re.escape(" ".join(words[-2:])) + r"(?![\w'’-])", text)
                 if not _after_capital(text, m.start()))
        first = next(alone, None)
        if first is not None:
            found.append((first, full))
    return found


#: The word just before a position, when only spaces part them.
_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t]+$")


def _after_capital(text: str, at: int) -> bool:
    """Whether a capitalised word stands just before ``at``, making the given name there part
    of another name ("Trần Quang Hải")."""
    before = _WORD_BEFORE.search(text, max(0, at - 15), at)
    return before is not None and before.group(1)[0].isupper()
