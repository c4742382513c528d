"""Vietnamese-aware analysis: one tokenizer, composable filters, one builder for both sides.

The requirements are in ``docs/vietnamese-analysis.md`` (R1–R18). The chains:

``exact``    tokens | lowercase | possessive | tone placement (R3)
``accented`` exact | keep tokens with a diacritic                       → ``body``, ``title``
``folded``   tokens | lowercase | possessive | fold | place variants    → ``body_fold``, ``title_fold``
``english``  tokens | lowercase | possessive | EN stopwords | fold | stem → ``body_en`` (English only)

The exact fields store the ``accented`` chain: a token without diacritics is identical in its
exact and folded forms, so only accented tokens are worth a second posting, and English
articles pay almost nothing for the exact fields (see ``performance-notes.md``). Positions are
kept as in the text, so phrases among accented words still line up. Offsets (``startchar``/``endchar``) always point into the text given,
which is stored as-is, so a match on ``luong`` highlights ``Lương`` (R16).

:func:`analyzers` is the only place chains are built; indexing and querying both use it.
Filters keep no state of their own: Whoosh pickles them into the index, and tables live in
this module so that a fixed table reaches old indexes too.
"""

from __future__ import annotations

import re
from collections import deque
from functools import lru_cache
from typing import Iterable, Iterator

from whoosh.analysis import Filter, LowercaseFilter, StemFilter, StopFilter, Token, Tokenizer
from whoosh.analysis.filters import STOP_WORDS

from .textnorm import fold, has_diacritics, normalize_text
from .tones import canonical_tone

# A token: letters and digits (not underscore), with combining marks and invisible characters
# allowed inside so NFD text and soft hyphens do not cut words (R1, R2); an optional
# possessive 's, removed later (R5). Everything else, including every kind of dash, separates.
_MARKS = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u200b-\u200d\u00ad\u2060\ufeff"
TOKEN_PATTERN = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*(?:['’][sS](?![^\W_]))?")
# What may stand between the words of one place name ("Hà Nội", "TP.HCM", "TP. Hồ Chí Minh").
_JOINING_GAP = re.compile(r"[ \t.]{0,3}")


#: The last text tokenised and its raw tokens ``(text, start, end, cap, allcaps, joined)``.
#: Indexing passes the very same string to ``body``, ``body_fold`` and ``body_en``, and a
#: snippet runs several chains over one body: the regex pass then happens once, not three
#: times. Kept at module level so nothing of it is pickled into an index's schema.
_LAST: tuple[str | None, list[tuple[str, int, int, bool, bool, bool]]] = (None, [])


def _raw_tokens(value: str) -> list[tuple[str, int, int, bool, bool, bool]]:
    global _LAST
    last_value, last_tokens = _LAST
    if last_value is value:
        return last_tokens
    tokens = []
    prev_end = -1
    for match in TOKEN_PATTERN.finditer(value):
        text = match.group(0)
        if not text.isascii():
            text = normalize_text(text)
        start, end = match.span()
        if prev_end < 0:
            joined = False
        else:
            gap = start - prev_end
            joined = gap <= 3 and (gap == 1 and value[prev_end] == " "
                                   or _JOINING_GAP.fullmatch(value, prev_end, start) is not None)
        tokens.append((text, start, end, text[0].isupper(), text.isupper(), joined))
        prev_end = end
    _LAST = (value, tokens)
    return tokens


class VietTokenizer(Tokenizer):
    """Splits text into syllable/word tokens, keeping single letters and numbers (R4).

    Each token's text is NFC with look-alikes mapped (R1, R2), while offsets refer to the
    input. Tokens also carry ``cap`` (starts with a capital), ``allcaps`` and ``joined``
    (only a space or a dot separates it from the previous token) for the place filter.
    """

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = normalize_text(value)
            t.boost, t.stopped, t.cap, t.allcaps, t.joined = 1.0, False, False, False, False
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        for pos, (text, start, end, cap, allcaps, joined) in enumerate(_raw_tokens(value)):
            t.text = text
            if keeporiginal:
                t.original = text
            t.boost = 1.0
            t.stopped = False
            t.cap, t.allcaps, t.joined = cap, allcaps, joined
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            yield t


class PossessiveFilter(Filter):
    """Drops a trailing ``'s``/``’s``: ``Việt Nam’s`` → ``nam`` (R5)."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            text = t.text
            if len(text) > 2 and text[-2] in "'’" and text[-1] in "sS":
                t.text = text[:-2]
            yield t


class AccentedOnlyFilter(Filter):
    """Keeps only tokens with a diacritic; positions are not renumbered.

    For the exact fields: a token without diacritics is already in the folded field.
    """

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            if not t.text.isascii() and has_diacritics(t.text):
                yield t


class ToneFilter(Filter):
    """Puts the tone mark of a Vietnamese syllable on its canonical vowel: ``hoà`` → ``hòa``,
    ``Uỷ`` → ``ủy`` (R3; see :mod:`searchlib.tones`)."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            if not t.text.isascii():
                t.text = canonical_tone(t.text)
            yield t


class FoldFilter(Filter):
    """Removes tone and shape marks and maps đ→d: ``lương`` → ``luong`` (R7)."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            if not t.text.isascii():
                t.text = fold(t.text)
            yield t


# R12: spellings of one place that are merged into one token in the folded field.
# Keys are folded, lowercased token sequences.
PLACE_VARIANTS: dict[tuple[str, ...], str] = {
    ("viet", "nam"): "vietnam",
    ("ha", "noi"): "hanoi",
    ("tp", "hcm"): "hcmc",
    ("tphcm",): "hcmc",
    ("ho", "chi", "minh", "city"): "hcmc",
    ("thanh", "pho", "ho", "chi", "minh"): "hcmc",
    ("tp", "ho", "chi", "minh"): "hcmc",
    ("da", "nang"): "danang",
    ("hai", "phong"): "haiphong",
    ("me", "kong"): "mekong",
    ("me", "cong"): "mekong",
    ("lan", "thuong"): "lancang",
}
#: Acronyms merged only when written in capitals (lowercase ``vn`` is a domain).
PLACE_ACRONYMS: dict[str, str] = {"vn": "vietnam"}

_SINGLE = {k[0]: v for k, v in PLACE_VARIANTS.items() if len(k) == 1}
_MULTI: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _seq, _canon in sorted(PLACE_VARIANTS.items(), key=lambda kv: -len(kv[0])):
    if len(_seq) > 1:
        _MULTI.setdefault(_seq[0], []).append((_seq[1:], _canon))
_MAX_FOLLOW = max(len(k) for k in PLACE_VARIANTS) - 1


class PlaceFilter(Filter):
    """Merges known spellings of a place into one token: ``Hà Nội``/``Ha Noi``/``Hanoi`` →
    ``hanoi`` (R12), with the same rule at index and query time.

    At index time a multi-word form must have a capitalised word (so ``đa năng``,
    "multi-purpose", is not Đà Nẵng); queries are typed in any case. Positions after a
    merge are renumbered so phrases across the merged token still match. Runs after
    lowercasing and folding.
    """

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        source = iter(tokens)
        pending: deque[Token] = deque()
        shift = 0
        while True:
            owned = bool(pending)  # tokens in `pending` are copies; the source reuses one
            if owned:
                t = pending.popleft()
            else:
                t = next(source, None)
                if t is None:
                    return
            options = _MULTI.get(t.text)
            if options:
                if not owned:
                    t = t.copy()
                while len(pending) < _MAX_FOLLOW:
                    nxt = next(source, None)
                    if nxt is None:
                        break
                    pending.append(nxt.copy())
                merged = self._merge(t, options, pending)
                if merged:
                    if t.positions:
                        t.pos -= shift
                    shift += merged
                    yield t
                    continue
            else:
                canon = _SINGLE.get(t.text)
                if canon is None and t.allcaps:
                    canon = PLACE_ACRONYMS.get(t.text)
                if canon is not None:
                    t.text = canon
            if t.positions:
                t.pos -= shift
            yield t

    @staticmethod
    def _merge(t: Token, options: list[tuple[tuple[str, ...], str]], pending: deque[Token]) -> int:
        """Rewrites ``t`` into the place it starts, consuming followers; returns how many."""
        is_query = t.mode == "query"
        for follow, canon in options:
            n = len(follow)
            if n > len(pending):
                continue
            group = [pending[i] for i in range(n)]
            if any(g.text != w or not g.joined for g, w in zip(group, follow)):
                continue
            if not is_query and not (t.cap or any(g.cap for g in group)):
                continue
            t.text = canon
            if t.chars:
                t.endchar = group[-1].endchar
            for _ in range(n):
                pending.popleft()
            return n
        return 0


# English stopwords apply to the English field only, never to Vietnamese text (R15).
ENGLISH_STOPWORDS = frozenset(STOP_WORDS)


@lru_cache(maxsize=None)
def analyzers() -> dict[str, object]:
    """The analysis chains by name: ``exact``, ``accented``, ``folded``, ``english``.

    The single source of analysis for index and query side (R17).
    """
    tok = VietTokenizer()
    base = tok | LowercaseFilter() | PossessiveFilter()
    exact = base | ToneFilter()
    return {
        "exact": exact,
        "accented": exact | AccentedOnlyFilter(),
        "folded": base | FoldFilter() | PlaceFilter(),
        "english": base | StopFilter(stoplist=ENGLISH_STOPWORDS, minsize=1, renumber=False)
        | FoldFilter() | StemFilter(cachesize=100_000),
    }


def terms(kind: str, text: str, *, mode: str = "index") -> list[str]:
    """The terms chain ``kind`` makes of ``text`` (for queries, tests and debugging)."""
    return [t.text for t in analyzers()[kind](text, mode=mode)]


def spans(kind: str, text: str) -> Iterator[tuple[str, int, int]]:
    """``(term, start, end)`` for each token of ``text``; offsets index into ``text``."""
    for t in analyzers()[kind](text, chars=True, mode="index"):
        yield t.text, t.startchar, t.endchar
