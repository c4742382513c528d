"""Telling Windows-1258 (Vietnamese) from Windows-1252 (Western) bytes.

Both code pages share ASCII and most of 0x80–0xFF; they differ on a dozen bytes that
cp1258 uses for ă, đ, ơ, ư and the combining tone marks (grave, acute, tilde, hook,
dot below). So the same bytes decode two ways, and the right way is the one that reads
as Vietnamese: its words are well-formed Vietnamese syllables (an onset, a vowel
cluster Vietnamese has, a final consonant, at most one tone mark). Vietnamese decoded as
cp1252 gives "Viêòt", "ðýõÌng"; French or English decodes the same both ways, or better
as cp1252 ("não", not "năo"), so a tie goes to cp1252.
"""

from __future__ import annotations

import re
import unicodedata

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_NUCLEI = """a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy
ưa ưi ươ ưu yê iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu""".split()
#: The vowel clusters a Vietnamese syllable may have (public: :mod:`searchlib.suggest` uses them).
VOWEL_NUCLEI = tuple(_NUCLEI)
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + r")"
    r"(?:ch|ng|nh|[cmnpt])?"
)
_WORD = re.compile(r"[^\W\d_]+")
#: Enough words to judge; the share settles within a few hundred.
_SAMPLE_WORDS = 400


def vietnamese_share(text: str) -> tuple[float, int]:
    """Among the words of ``text`` that hold a non-ASCII letter, the share that are
    well-formed Vietnamese syllables, and how many such words there were."""
    good = total = 0
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word.isascii():
            continue
        total += 1
        good += _is_syllable(word.lower())
        if total >= _SAMPLE_WORDS:
            break
    return (good / total if total else 0.0), total


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word)
    tones = sum(1 for ch in decomposed if ch in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def decode_western_or_vietnamese(data: bytes, prefer: str | None = None) -> tuple[str, str]:
    """Decode single-byte ``data`` as cp1258 or cp1252, whichever reads as Vietnamese
    (see the module docstring); returns the text (NFC) and the codec chosen. ``prefer``
    is a declared charset: cp1258 is kept when declared unless cp1252 reads clearly better."""
    western = data.decode("cp1252", errors="replace")
    vietnamese = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    if western == vietnamese:
        return western, "cp1252"
    vi_share, vi_words = vietnamese_share(vietnamese)
    we_share, _ = vietnamese_share(western)
    if prefer == "cp1258":
        return (western, "cp1252") if we_share > vi_share + 0.3 else (vietnamese, "cp1258")
    if vi_words >= 3 and vi_share >= 0.5 and vi_share >= we_share + 0.2:
        return vietnamese, "cp1258"
    return western, "cp1252"
