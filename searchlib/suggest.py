"""“Did you mean”: a respelling of a query that found nothing or very little.

Candidates come from the vocabulary of the *folded* body field (accents removed), by edit
distance, and only for words that do not read as a Vietnamese syllable: in Vietnamese every
syllable is a word and tones are phonemic, so a syllable one letter away from another
(``thach``/``thanh``) is a different word, not a typo, and an accent left out is already
matched by folding. A word is respelled only when it is missing from the index (or, when
the query found a few hits, occurs in a single article, like a typo in one text), and the
respelled query is offered only if it finds more articles. Nothing is ever rerun for the
user: the suggestion is returned, and the front end shows it.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Searches with fewer hits than this look for a suggestion.
FEW_HITS = 3
#: Words shorter than this are never respelled (too many neighbours to guess from).
MIN_WORD = 4
#: The suggestion must find more than this many times the hits of the original query.
GAIN = 2
_FIELD = "body_fold"
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
#: Words of a query: letter runs. Field values, bracketed ranges and prefixes are left alone.
_WORD = re.compile(r"[^\W\d_]+")
_PROTECTED = re.compile(r"""[^\W\d_]\w*:(?:"[^"]*"|\[[^\]]*\]|\S+)|\S+\*""")


@lru_cache(maxsize=1)
def _folded_syllable() -> re.Pattern[str]:
    from .ingest.charsets import VOWEL_NUCLEI
    from .textnorm import fold

    nuclei = sorted({fold(n) for n in VOWEL_NUCLEI}, key=len, reverse=True)
    return re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                      r"(?:" + "|".join(nuclei) + r")(?:ch|ng|nh|[cmnpt])?")


def is_vietnamese_syllable(folded_word: str) -> bool:
    """True when a folded, lowercase word has the shape of a Vietnamese syllable
    (onset, vowel cluster, final), e.g. ``nguyen``, ``thanh``, ``quang``."""
    return _folded_syllable().fullmatch(folded_word) is not None


def _max_distance(word: str) -> int:
    return 1 if len(word) < 7 else 2


def _doc_frequency(reader, term: str) -> int:
    """Articles having ``term`` (in body or title; a title word is nearly always in the body too)."""
    return max(reader.doc_frequency(_FIELD, term), reader.doc_frequency("title_fold", term))


def respell_word(reader, folded: str, *, rare: int = 0) -> str | None:
    """The most frequent word of the folded vocabulary closest to ``folded`` (a folded
    query token), or ``None``. ``rare`` is the word's own document frequency: a
    replacement must be in more than ``GAIN`` times as many documents."""
    if len(folded) < MIN_WORD or not folded.isalpha() or is_vietnamese_syllable(folded):
        return None
    from whoosh.support.levenshtein import damerau_levenshtein

    limit = _max_distance(folded)
    # Whoosh's automaton counts a swap of two letters, the commonest typo, as two edits: the
    # words one swap away are looked up directly, then everything is ranked by
    # Damerau-Levenshtein distance
    swaps = {folded[:i] + folded[i + 1] + folded[i] + folded[i + 2:] for i in range(len(folded) - 1)}
    candidates = {w for w in swaps if (_FIELD, w) in reader}
    candidates.update(reader.terms_within(_FIELD, folded, limit, prefix=1))
    found: dict[int, list[str]] = {}
    for word in candidates:
        if word != folded and word.isalpha():
            found.setdefault(damerau_levenshtein(folded, word, limit), []).append(word)
    for dist in sorted(found):  # the closest words first; among them the most frequent
        scored = [(reader.doc_frequency(_FIELD, w), w) for w in found[dist]]
        frequent = [(df, w) for df, w in scored if df > GAIN * rare]
        if frequent:
            return min(frequent, key=lambda s: (-s[0], s[1]))[1]
    return None


def respell(reader, text: str, *, hits: int) -> str | None:
    """``text`` with its misspelled words replaced (see the module docstring), or ``None``
    when no word needs it. ``hits`` is how many articles the query found."""
    from .analysis import analyzers

    folded_chain = analyzers()["folded"]
    protected = [m.span() for m in _PROTECTED.finditer(text)]
    out: list[str] = []
    pos = 0
    changed = False
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word in _OPERATORS or any(a <= m.start() < b for a, b in protected):
            continue
        tokens = [t.text for t in folded_chain(word, mode="query")]
        if len(tokens) != 1:
            continue
        df = _doc_frequency(reader, tokens[0])
        if df and not (hits and df <= 1):
            continue
        better = respell_word(reader, tokens[0], rare=df)
        if better is None:
            continue
        out.append(text[pos:m.start()])
        out.append(better.capitalize() if word[:1].isupper() else better)
        pos = m.end()
        changed = True
    if not changed:
        return None
    out.append(text[pos:])
    return "".join(out)


def suggest_query(searcher, text: str, total: int, filt, resolver, match: str = "all") -> str | None:
    """A respelling of ``text`` that finds more than :data:`GAIN` times its ``total`` hits
    under the same filters, or ``None``. Only queries with fewer than :data:`FEW_HITS` hits
    get one."""
    if total >= FEW_HITS:
        return None
    candidate = respell(searcher.reader(), text, hits=total)
    if candidate is None:
        return None
    from .errors import QueryError
    from .query import parse_query

    try:
        parsed = parse_query(candidate, resolver=resolver, lenient=True, match=match)
    except QueryError:
        return None
    if parsed.query is None:
        return None
    from .search import matched_docs

    found = len(matched_docs(searcher.search(parsed.query, filter=filt, limit=1)))
    return candidate if found > GAIN * total else None
