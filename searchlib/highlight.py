"""Snippets with highlight offsets on the stored text.

Matching runs the very analysis chains the index used over the stored (NFC) text, so the
spans cover what the reader sees: a query ``luong`` marks ``Lương``, a query ``Ha Noi``
marks ``Hà Nội`` as one span (R16). Offsets are character offsets into the snippet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from .analysis import analyzers

#: Which analysis chain produced the terms of each index field.
_FIELD_CHAIN = {"body_fold": "folded", "title_fold": "folded", "body": "exact", "title": "exact",
                "body_acc": "accented",
                "body_en": "english"}


@dataclass
class Snippet:
    """A passage of text and the ``(start, end)`` offsets of the matches inside it."""

    text: str
    highlights: list[tuple[int, int]] = field(default_factory=list)


def terms_by_chain(field_terms: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """Regroup query terms by the analysis chain that produced them."""
    out: dict[str, set[str]] = {}
    for fieldname, terms in field_terms.items():
        chain = _FIELD_CHAIN.get(fieldname)
        if chain:
            out.setdefault(chain, set()).update(terms)
    return out


def match_spans(text: str, chain_terms: Mapping[str, set[str]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of ``text`` whose analysed form is a query term."""
    spans: list[tuple[int, int]] = []
    an = analyzers()
    for chain, wanted in chain_terms.items():
        if not wanted:
            continue
        for tok in an[chain](text, chars=True, mode="index"):
            if tok.text in wanted:
                spans.append((tok.startchar, tok.endchar))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _word_start(text: str, i: int) -> int:
    """Move ``i`` back to the start of the word it falls in."""
    while 0 < i < len(text) and not text[i - 1].isspace():
        i -= 1
    return i


def _word_end(text: str, i: int) -> int:
    while i < len(text) and not text[i].isspace():
        i += 1
    return i


def make_snippet(text: str, spans: list[tuple[int, int]], width: int = 240) -> Snippet:
    """The passage of about ``width`` characters with the most distinct matches."""
    if not text:
        return Snippet("")
    if spans:
        best_i, best_score = 0, (-1, -1)
        for i, (s, _e) in enumerate(spans):
            inside = [sp for sp in spans[i:] if sp[1] <= s + width * 3 // 4]
            score = (len({text[a:b].lower() for a, b in inside}), len(inside))
            if score > best_score:
                best_i, best_score = i, score
        anchor = spans[best_i][0]
        start = _word_start(text, max(0, anchor - width // 4))
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text):
        end = _word_end(text, end)
    passage = text[start:end].replace("\n", " ").replace("\t", " ")
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    marks = [(max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end]
    return Snippet(prefix + passage + suffix, marks)


def highlight_all(text: str, chain_terms: Mapping[str, set[str]]) -> Snippet:
    """The whole ``text`` (a title) with every match marked."""
    return Snippet(text, match_spans(text, chain_terms))
