"""Vietnamese-aware analysis: every chain from one pass over the text, for both sides.

The requirements are in ``docs/vietnamese-analysis.md`` (R1–R18). The chains, as the
classic tokenizer | filter pipeline they are equivalent to:

``exact``    tokens | lowercase | possessive | tone placement (R3)  → ``title``, ``body`` (Vietnamese articles)
``accented`` exact | keep tokens with a diacritic                      → ``body_acc`` (English articles)
``folded``   tokens | lowercase | possessive | fold | place variants   → ``title_fold``, ``body_fold``
``pairs``    folded | adjacent pairs (``luong_tam``, ``tam_quang``)    → ``body_pairs`` (Vietnamese articles)
``english``  tokens | lowercase | possessive | EN stopwords | fold | stem → ``body_en`` (English articles)

Postings are what indexing costs (``performance-notes.md``), so each language gets the fields
that earn their place in ranking, measured in ``bench/relevance.py``: a Vietnamese article
gets the full exact field (a syllable typed without accents, ``nam``, is itself evidence
against ``năm``) and syllable pairs (Vietnamese words are mostly two syllables); an English
article gets only its accented tokens (names such as ``Lương``) as exact postings, and
stemming. Positions are kept as in the text, so phrases line up; offsets
(``startchar``/``endchar``) point into the text given, which is stored as-is, so a match on
``luong`` highlights ``Lương`` (R16).

Why one pass (R18): a document's body feeds three fields. Stacked Whoosh filters would run
the regex, lowercasing, folding and one Python generator per filter once per field;
:func:`analyse` does the shared work once per text (cached for the string object it was
given, which indexing passes to every field) and derives each stream from it on demand.
:func:`analyzers` wraps the streams as Whoosh analyzers; index, query and highlight side
all use them (R17). Analyzers hold no state but their kind: Whoosh pickles them into the
index, and the tables live in this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import itemgetter, not_
from typing import Iterator

from whoosh.analysis import Analyzer, Token, Tokenizer
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem

from .textnorm import fold, has_diacritics, normalize_text
from .tones import canonical_tone

# A token: letters and digits (not underscore), with combining marks and invisible characters
# allowed inside so NFD text and soft hyphens do not cut words (R1, R2); an optional
# possessive 's, removed later (R5). Everything else, including every kind of dash, separates.
_MARKS = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u200b-\u200d\u00ad\u2060\ufeff"
TOKEN_PATTERN = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*(?:['’][sS](?![^\W_]))?")
#: The same tokens in ASCII text (marks and ’ are not ASCII), matched ~1.5x faster.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[sS](?![A-Za-z0-9]))?")
# What may stand between the words of one place name ("Hà Nội", "TP.HCM", "TP. Hồ Chí Minh").
_JOINING_GAP = re.compile(r"[ \t.]{0,3}")

#: Joins the two syllables of a pair term (never inside a token).
PAIR_SEP = "_"
#: English stopwords apply to the English field only, never to Vietnamese text (R15).
ENGLISH_STOPWORDS = frozenset(STOP_WORDS)
KINDS = ("exact", "accented", "folded", "pairs", "english")

# R12: spellings of one place merged into one token in the folded field. Keys are folded,
# lowercased token sequences.
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

_PLACE_KEYS = frozenset(_SINGLE) | frozenset(_MULTI) | frozenset(PLACE_ACRONYMS)

#: ``(text, pos, startchar, endchar)``: one term of a stream.
Term = tuple[str, int, int, int]


# -- the one pass ----------------------------------------------------------------------------
def _is_clean(value: str) -> bool:
    """True when normalising ``value`` would change nothing (checked at C speed)."""
    return value.isascii() or normalize_text(value) == value


def _raw_tokens(value: str, clean: bool | None = None) -> list[tuple[str, int, int]]:
    """``(text, start, end)`` per token; text NFC with look-alikes mapped (R1, R2)."""
    if value.isascii():
        return [(m.group(), m.start(), m.end()) for m in _ASCII_TOKEN.finditer(value)]
    if clean is None:
        clean = _is_clean(value)
    if clean:
        return [(m.group(), m.start(), m.end()) for m in TOKEN_PATTERN.finditer(value)]
    tokens = []
    for m in TOKEN_PATTERN.finditer(value):
        text = m.group()
        tokens.append((text if text.isascii() else normalize_text(text), m.start(), m.end()))
    return tokens


_SECOND = itemgetter(1)
_THIRD = itemgetter(2)


def _strip_possessive(low: str) -> str:
    return low[:-2] if len(low) > 2 and low[-2] in "'’" and low[-1] == "s" else low


@dataclass
class Streams:
    """The analysis of one text: shared per-token work done once, streams made on demand.

    Indexing needs each token's form and position, not its offsets: :meth:`terms` gives
    those from C-level passes (``findall``, ``map``, ``zip``); the offsets (``raw``) are
    found only when a stream with offsets is asked for (highlighting, queries, place merges).
    """

    value: str
    query: bool
    #: per token: (lowercased without possessive, exact form, folded form)
    forms: list[tuple[str, str, str]] = field(default_factory=list)
    cache: dict[str, list[Term]] = field(default_factory=dict)
    _raw: list[tuple[str, int, int]] | None = field(default=None, repr=False)
    _offsets: tuple[list[int], list[int]] | None = field(default=None, repr=False)
    _clean: bool = field(default=True, repr=False)

    def __post_init__(self) -> None:
        value = self.value
        ascii_only = value.isascii()
        if ascii_only:
            texts = _ASCII_TOKEN.findall(value)
        else:
            self._clean = _is_clean(value)
            if not self._clean:  # look-alikes or decomposed letters: normalise token by token
                texts = [t for t, _s, _e in self.raw]
            else:
                texts = TOKEN_PATTERN.findall(value)
        lows = list(map(str.lower, texts))
        if "'" in value or "’" in value:
            lows = list(map(_strip_possessive, lows))
        if ascii_only:
            self.forms = list(zip(lows, lows, lows))
        else:
            self.forms = [(low, low, low) if low.isascii() else (low, canonical_tone(low), fold(low)) for low in lows]

    @property
    def raw(self) -> list[tuple[str, int, int]]:
        """``(text, start, end)`` per token (offsets into ``value``)."""
        if self._raw is None:
            self._raw = _raw_tokens(self.value, self._clean)
        return self._raw

    def get(self, kind: str) -> list[Term]:
        """The stream of ``kind`` (one of :data:`KINDS`)."""
        stream = self.cache.get(kind)
        if stream is None:
            stream = self.cache[kind] = getattr(self, "_" + kind)()
        return stream

    def terms(self, kind: str) -> tuple[list[str], range | list[int]]:
        """The terms of stream ``kind`` and their positions, as two sequences: what
        :meth:`get` gives without the offsets, and without finding them when not needed."""
        stream = self.cache.get(kind)
        forms = self.forms
        if stream is None and kind in ("exact", "folded", "english", "accented"):
            if kind == "exact":
                return list(map(_SECOND, forms)), range(len(forms))
            if kind == "accented":
                if self.value.isascii():
                    return [], []
                exact = list(map(_SECOND, forms))
                candidates = compress(range(len(exact)), map(not_, map(str.isascii, exact)))
                positions = [i for i in candidates if has_diacritics(exact[i])]
                return [exact[i] for i in positions], positions
            if kind == "folded" and _PLACE_KEYS.isdisjoint(map(_THIRD, forms)):
                return list(map(_THIRD, forms)), range(len(forms))
            if kind == "english":
                kept = list(map(not_, map(ENGLISH_STOPWORDS.__contains__, map(itemgetter(0), forms))))
                return (list(compress(map(_stem, map(_THIRD, forms)), kept)),
                        list(compress(range(len(forms)), kept)))
        if kind == "pairs":
            texts, positions = self.terms("folded")
            if len(texts) < 2:
                return [], []
            return list(map((PAIR_SEP).join, zip(texts, texts[1:]))), positions[:-1]
        stream = self.get(kind)
        return list(map(itemgetter(0), stream)), list(map(_SECOND, stream))

    def _with_offsets(self, kind: str) -> list[Term]:
        """Stream ``kind`` from :meth:`terms`, each term with its token's offsets."""
        if self._offsets is None:
            self._offsets = (list(map(_SECOND, self.raw)), list(map(_THIRD, self.raw)))
        starts, ends = self._offsets
        texts, positions = self.terms(kind)
        return list(zip(texts, positions, map(starts.__getitem__, positions), map(ends.__getitem__, positions)))

    def _exact(self) -> list[Term]:
        return self._with_offsets("exact")

    def _accented(self) -> list[Term]:
        return self._with_offsets("accented")

    def _english(self) -> list[Term]:
        return self._with_offsets("english")

    def _pairs(self) -> list[Term]:
        folded = self.get("folded")
        if len(folded) < 2:
            return []
        return [(a[0] + PAIR_SEP + b[0], a[1], a[2], b[3]) for a, b in zip(folded, folded[1:])]

    def _folded(self) -> list[Term]:
        """Folded forms with place spellings merged into one token (R12), positions
        renumbered after a merge so phrases across it still match. In a document a
        multi-word place needs a capitalised word (so "đa năng", multi-purpose, is not
        Đà Nẵng); queries are typed in any case."""
        raw, forms = self.raw, self.forms
        if _PLACE_KEYS.isdisjoint(map(_THIRD, forms)):  # most texts: nothing to merge
            return self._with_offsets("folded")
        out: list[Term] = []
        i, n = 0, len(raw)
        while i < n:
            fo = forms[i][2]
            options = _MULTI.get(fo)
            if options:
                merged = self._merge(i, options)
                if merged:
                    canon, last = merged
                    out.append((canon, len(out), raw[i][1], raw[last][2]))
                    i = last + 1
                    continue
            else:
                canon = _SINGLE.get(fo)
                if canon is None and fo in PLACE_ACRONYMS and raw[i][0].isupper():
                    canon = PLACE_ACRONYMS[fo]
                if canon is not None:
                    fo = canon
            out.append((fo, len(out), raw[i][1], raw[i][2]))
            i += 1
        return out

    def _merge(self, i: int, options: list[tuple[tuple[str, ...], str]]) -> tuple[str, int] | None:
        raw, forms, value = self.raw, self.forms, self.value
        for follow, canon in options:
            last = i + len(follow)
            if last >= len(raw):
                continue
            if any(forms[i + k + 1][2] != w for k, w in enumerate(follow)):
                continue
            # only a space or a dot may stand between the words of one place
            if any(_JOINING_GAP.fullmatch(value, raw[j - 1][2], raw[j][1]) is None for j in range(i + 1, last + 1)):
                continue
            if not self.query and not any(raw[j][0][0].isupper() for j in range(i, last + 1)):
                continue
            return canon, last
        return None


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return porter_stem(word)


#: The last texts analysed, by mode: indexing passes one string object to several fields.
_LAST: dict[str, tuple[str | None, Streams | None]] = {"index": (None, None), "query": (None, None)}


def analyse(value: str, mode: str = "index") -> Streams:
    """The analysis of ``value``; ``mode="query"`` relaxes the place-name case rule."""
    key = "query" if mode == "query" else "index"
    last_value, last = _LAST[key]
    if last_value is value and last is not None:
        return last
    streams = Streams(value, key == "query")
    _LAST[key] = (value, streams)  # holding `value` keeps its identity from being reused
    return streams


# -- Whoosh adapters ---------------------------------------------------------------------------
def _emit(stream: list[Term], positions: bool, chars: bool, keeporiginal: bool, removestops: bool,
          start_pos: int, start_char: int, mode: str, kwargs: dict) -> Iterator[Token]:
    """Yield ``stream`` as Whoosh tokens (one reused Token object, as Whoosh's own do)."""
    t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
    t.boost = 1.0
    t.stopped = False
    for text, pos, start, end in stream:
        t.text = text
        if keeporiginal:
            t.original = text
        if positions:
            t.pos = start_pos + pos
        if chars:
            t.startchar, t.endchar = start_char + start, start_char + end
        yield t


class VietTokenizer(Tokenizer):
    """The raw tokens (R4: single letters and numbers kept), NFC, offsets into the input.

    Used where only word boundaries are wanted (the query parser's virtual fields).
    """

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs) -> Iterator[Token]:
        pieces = _raw_tokens(value) if tokenize else [(normalize_text(value), 0, len(value))]
        stream = [(text, pos, start, end) for pos, (text, start, end) in enumerate(pieces)]
        return _emit(stream, positions, chars, keeporiginal, removestops, start_pos, start_char, mode, kwargs)


class ChainAnalyzer(Analyzer):
    """A Whoosh analyzer yielding one stream of :func:`analyse` (``kind`` in :data:`KINDS`)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"ChainAnalyzer({self.kind!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChainAnalyzer) and other.kind == self.kind

    def __hash__(self) -> int:
        return hash(("ChainAnalyzer", self.kind))

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs) -> Iterator[Token]:
        return _emit(analyse(value, mode).get(self.kind), positions, chars, keeporiginal, removestops,
                     start_pos, start_char, mode, kwargs)


@lru_cache(maxsize=None)
def analyzers() -> dict[str, ChainAnalyzer]:
    """The analysis chains by name (:data:`KINDS`): the single source of analysis for index,
    query and highlighting (R17)."""
    return {kind: ChainAnalyzer(kind) for kind in KINDS}


def terms(kind: str, text: str, *, mode: str = "index") -> list[str]:
    """The terms chain ``kind`` makes of ``text`` (for queries, tests and debugging)."""
    return [t[0] for t in analyse(text, mode).get(kind)]


def spans(kind: str, text: str) -> Iterator[tuple[str, int, int]]:
    """``(term, start, end)`` for each token of ``text``; offsets index into ``text``."""
    for term, _pos, start, end in analyse(text).get(kind):
        yield term, start, end
