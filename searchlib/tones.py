"""Vietnamese tone-placement canonicalisation (R3).

Two spellings of one syllable are common: the "old" style puts the tone on the first vowel
of an open ``oa``/``oe``/``uy`` (``hòa``, ``khỏe``, ``thủy``), the "new" style on the second
(``hoà``, ``khoẻ``, ``thuỷ``). Typing slips put it elsewhere (``vịêt``). Search must treat
them as one word, so the exact field stores one canonical placement: the old style, the
majority in news and what underthesea uses.

The rule: take the tone off and put it back on

1. the last vowel that has a shape mark (``ươ`` → ơ, ``uyê`` → ê, ``ư``, ``â``…);
2. otherwise the last vowel when a final consonant follows (``hoàn``, ``toán``);
3. otherwise the middle vowel of a three-vowel group (``ngoài``, ``khuỷu``);
4. otherwise the first vowel (``hòa``, ``mía``, ``múa``).

``qu`` and ``gi`` count as part of the onset (``quý``, ``giữ``), except that a bare ``gi``
keeps its ``i`` as the vowel (``gìn``). A token with no vowel group, two separate vowel
groups (``café``), an impossible final (``ngàyapp``) or two tones is not a Vietnamese
syllable and is left as it is.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: The five tone marks as combining characters (grave, acute, tilde, hook above, dot below).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: Vowels with their shape (not tone) marks, lowercase NFC.
VOWELS = frozenset("aăâeêioôơuưy")
SHAPED = frozenset("ăâêôơư")
#: Consonants a Vietnamese syllable may end with.
FINALS = frozenset({"", "c", "ch", "m", "n", "ng", "nh", "p", "t"})


@lru_cache(maxsize=65536)
def canonical_tone(syllable: str) -> str:
    """``syllable`` (lowercase) with its tone on the canonical vowel: ``hoà`` → ``hòa``."""
    if syllable.isascii():
        return syllable
    tone = None
    rest = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in TONE_MARKS:
            if tone is not None and tone != ch:
                return syllable  # two different tones: not one Vietnamese syllable
            tone = ch
        else:
            rest.append(ch)
    if tone is None:
        return syllable
    base = unicodedata.normalize("NFC", "".join(rest))
    vowels = [i for i, ch in enumerate(base) if ch in VOWELS]
    if not vowels or vowels[-1] - vowels[0] + 1 != len(vowels):
        return syllable
    start, end = vowels[0], vowels[-1] + 1
    if base[end:] not in FINALS or end - start > 3:  # glued words, foreign names: leave alone
        return syllable
    if end - start > 1 and start > 0 and (base[start - 1:start + 1] in ("qu", "gi")):
        start += 1
    shaped = [i for i in range(start, end) if base[i] in SHAPED]
    if shaped:
        pos = shaped[-1]
    elif end < len(base):
        pos = end - 1
    elif end - start == 3:
        pos = start + 1
    else:
        pos = start
    return unicodedata.normalize("NFC", base[:pos + 1] + tone + base[pos + 1:])
