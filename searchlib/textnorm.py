"""Character-level normalisation shared by the ingester, the analyzers and the query side.

Vietnamese text arrives in NFC and NFD, with look-alike letters (``Ð`` U+00D0 typed for
``Đ``), zero-width characters and non-breaking spaces. Everything that is stored goes
through :func:`normalize_text` once, so that highlight offsets computed on the stored text
line up with what the analyzers saw. :func:`fold` is the accent-insensitive form used for
the folded index fields, facet keys and filter values: it removes tone and shape marks and
maps ``đ`` to ``d`` (which Unicode decomposition alone does not).
"""

from __future__ import annotations

import re
import unicodedata

#: Letters typed in place of Đ/đ (Icelandic eth looks identical in most fonts).
_LOOKALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111"}
#: Characters that are invisible and carry no meaning in running text.
_INVISIBLES = "\u200b\u200c\u200d\ufeff\u00ad\u2060"
_SPACES = "\u00a0\u2007\u202f\u3000"

_NORMALIZE_TABLE = {ord(k): v for k, v in _LOOKALIKES.items()}
_NORMALIZE_TABLE.update({ord(c): None for c in _INVISIBLES})
_NORMALIZE_TABLE.update({ord(c): " " for c in _SPACES})


_NEEDS_MAPPING = re.compile("[" + re.escape("".join(map(chr, _NORMALIZE_TABLE))) + "]")


def normalize_text(text: str) -> str:
    """Return ``text`` in NFC with look-alike letters mapped, invisibles removed and
    non-breaking spaces made plain spaces. Idempotent, and cheap on text that is clean
    already (a C-speed scan decides whether there is anything to do)."""
    if text.isascii():
        return text
    if _NEEDS_MAPPING.search(text):
        text = text.translate(_NORMALIZE_TABLE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    ranges = [(0x00C0, 0x024F), (0x1E00, 0x1EFF)]
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            if base != ch and base.isascii() and base.isalpha():
                table[cp] = base
    for src, dst in {"Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ø": "O", "ø": "o", "Æ": "AE", "æ": "ae",
                     "Œ": "OE", "œ": "oe", "ß": "ss", "Ł": "L", "ł": "l"}.items():
        table[ord(src)] = dst
    # Combining marks left over in NFD input fold away as well.
    for cp in list(range(0x0300, 0x0370)) + list(range(0x1DC0, 0x1E00)):
        table[cp] = ""
    return table


_FOLD_TABLE = _build_fold_table()
_FOLDABLE = frozenset(chr(cp) for cp, v in _FOLD_TABLE.items() if v)


def fold(text: str) -> str:
    """Remove Vietnamese (and other Latin) diacritics: ``Lương`` → ``Luong``, ``Đà`` → ``Da``.

    Case is kept; callers lowercase where they need to.
    """
    if text.isascii():  # most English text: nothing to fold, and the check is a C scan
        return text
    return text.translate(_FOLD_TABLE)


_ALIGNED_TABLE = {cp: v for cp, v in _FOLD_TABLE.items() if len(v) == 1}


def fold_aligned(text: str) -> str:
    """:func:`fold` one character for one (a character whose folded form is longer or empty,
    such as "ß" or a loose combining mark, is kept), so a position in the result is the same
    position in ``text``."""
    if text.isascii():
        return text
    return text.translate(_ALIGNED_TABLE)


def fold_key(text: str) -> str:
    """A comparison key: normalised, folded, lowercased, whitespace collapsed.

    Used for facet values and filter arguments, so "Tô Lâm", "TO LAM" and "to  lam" agree.
    """
    return " ".join(fold(normalize_text(text)).lower().split())


def has_diacritics(text: str) -> bool:
    """True when ``text`` holds a letter that folding would change (a typed accent or đ)."""
    return any(ch in _FOLDABLE for ch in text)


#: Letters that only Vietnamese uses among the languages this tool meets (for language ID).
VIETNAMESE_LETTERS = frozenset(
    "ăâđêôơưĂÂĐÊÔƠƯ"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    "ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ"
)

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def smart_title(name: str) -> str:
    """Title-case a name written in capitals (``TÔ LÂM`` → ``Tô Lâm``); leave mixed case alone."""
    if name.isupper():
        return _WORD_RE.sub(lambda m: m.group(0).capitalize(), name.lower())
    return name
