"""Ranking with array arithmetic: Whoosh's BM25F scores for every match at once.

Whoosh scores a query one document at a time through a tree of Python matchers, about
10 µs per matching document: over 200 ms for a two-word query that matches a quarter of
a 100k index. Here each term's postings are read a block at a time into numpy arrays and
scored together with the same formula, statistics and boosts as Whoosh's ``BM25F``, and
``And``, ``Or``, ``AndMaybe`` and ``AndNot`` combine the arrays the way Whoosh's matchers
combine scores. Results equal Whoosh's up to the order of floating-point additions.

Phrases need positions, read document by document. A phrase that decides whether a
document matches is checked on every candidate. The proximity boost (``AndMaybe``'s
optional side) is only checked where it can change the top N: every match gets a lower
bound (no phrase matches) and an upper bound (every phrase whose words are present
matches), and only documents whose upper bound reaches the N-th best score so far are
checked, best bound first.

Anything else (prefixes, ranges, negation inside ``And``, a weighting other than BM25F,
a segment not in Whoosh's W3 format) raises :class:`Unsupported`; the caller then lets
Whoosh do the work.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import OrderedDict
from itertools import chain, repeat
from typing import Any

import numpy as np
from whoosh import query as Q
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from .postings import is_w3, stored_blocks
from .schema import _column_key, lru_get, lru_put

#: Documents whose optional phrases are checked per round, best upper bound first.
CHECK_BATCH = 48
#: Decoded postings kept across searches in one process, in MB (estimated): unpickling
#: and decompressing Whoosh's blocks is most of a broad query's cost, and the terms of a
#: working session recur. Segments never change once written, so an entry never goes
#: stale; deletions are applied per search.
TERM_CACHE_MB = 128

EXACT, UPPER, LOWER = "exact", "upper", "lower"
_NO_IDS = np.empty(0, np.int64)
_NO_SCORES = np.empty(0, np.float64)
_LENGTHS = np.array([byte_to_length(b) for b in range(256)], np.float64)
_LENGTHS[0] = 1.0  # Whoosh's scorer asks for a default length of 1 (never hit: a posting means length >= 1)


class Unsupported(Exception):
    """The query, weighting or index has a part this module does not evaluate."""


class _Term:
    """One term's live postings in one segment."""

    __slots__ = ("ids", "weights", "values")

    def __init__(self, ids: np.ndarray, weights: np.ndarray, values: list | None) -> None:
        self.ids, self.weights, self.values = ids, weights, values


def _decode(blocks) -> _Term | None:
    """A term's blocks (see :func:`searchlib.postings.stored_blocks`) as arrays."""
    id_parts, weight_parts, value_parts, counts, lasts = [], [], [], [], []
    delta = False
    for last, ids, weights, values, delta in blocks:
        n = len(ids)
        id_parts.append(ids)
        counts.append(n)
        lasts.append(last)
        if weights is None:
            weight_parts.append(repeat(1.0, n))
        elif isinstance(weights, float):
            weight_parts.append(repeat(weights, n))
        else:
            weight_parts.append(weights)
        value_parts.append(values)
    total = sum(counts)
    if not total:
        return None
    ids = np.fromiter(chain.from_iterable(id_parts), np.int64, total)
    if delta:
        if len(counts) > 1:  # each block's first id is absolute: make it relative to the block before
            starts = np.cumsum(counts[:-1])
            ids[starts] -= np.asarray(lasts[:-1], np.int64)
        ids = np.cumsum(ids)
    weights = np.fromiter(chain.from_iterable(weight_parts), np.float64, total)
    values = None if any(v is None for v in value_parts) else list(chain.from_iterable(value_parts))
    return _Term(ids, weights, values)


_TERM_CACHE: "OrderedDict[tuple, _Term | None]" = OrderedDict()
_term_cache_bytes = 0
_TERM_LOCK = threading.Lock()  # searches in several threads share the cache


def _cost(term: _Term | None) -> int:
    """Approximate memory of a decoded term: two arrays, and the position strings."""
    if term is None:
        return 64
    return term.ids.nbytes + term.weights.nbytes + (60 * len(term.values) if term.values is not None else 0)


_MISSING = object()


def _recall(key: tuple):
    """The cached decoded term (``None`` for a term known absent), else ``_MISSING``."""
    with _TERM_LOCK:
        term = _TERM_CACHE.get(key, _MISSING)
        if term is not _MISSING:
            _TERM_CACHE.move_to_end(key)
        return term


def _remember(key: tuple, term: _Term | None) -> None:
    global _term_cache_bytes
    with _TERM_LOCK:
        if key in _TERM_CACHE:  # another thread decoded it meanwhile
            return
        _TERM_CACHE[key] = term
        _term_cache_bytes += _cost(term)
        while _term_cache_bytes > TERM_CACHE_MB * 1_000_000 and len(_TERM_CACHE) > 1:
            _term_cache_bytes -= _cost(_TERM_CACHE.popitem(last=False)[1])


def clear_term_cache() -> None:
    """Forget every decoded term (for measuring cold searches)."""
    global _term_cache_bytes
    with _TERM_LOCK:
        _TERM_CACHE.clear()
        _term_cache_bytes = 0


#: (index folder, segment id, field) -> decoded field lengths of the segment
_LENGTH_CACHE: "OrderedDict[tuple, np.ndarray]" = OrderedDict()


class _Segment:
    """One segment of the searcher, with the postings and field lengths read so far."""

    def __init__(self, sub, offset: int) -> None:
        self.reader = sub.reader()
        self.offset = offset
        self.terms = getattr(self.reader, "_terms", None)
        if not is_w3(self.terms):
            raise Unsupported("segment is not in the W3 format")
        self.doccount = self.reader.doc_count_all()
        self.deleted = (np.fromiter(sorted(self.reader.deleted_docs_set), np.int64)
                        if self.reader.has_deletions() else None)
        self._postings: dict[tuple[str, Any], _Term | None] = {}
        self._key = _column_key(self.reader, "")[:2]

    def postings(self, schema, fieldname: str, text) -> _Term | None:
        key = (fieldname, text)
        if key in self._postings:
            return self._postings[key]
        term = None
        if fieldname in schema:
            tbytes = self.reader._text_to_bytes(fieldname, text)
            shared = self._key + (fieldname, tbytes)
            term = _recall(shared)
            if term is _MISSING:
                term = None
                try:
                    info = self.terms.term_info(fieldname, tbytes)
                except TermNotFound:
                    info = None
                if info is not None:
                    term = _decode(stored_blocks(self.terms, info, schema[fieldname].format))
                _remember(shared, term)
            if term is not None and self.deleted is not None:
                live = ~np.isin(term.ids, self.deleted, assume_unique=True)
                if not live.all():
                    keep = np.flatnonzero(live)
                    term = _Term(term.ids[keep], term.weights[keep],
                                 None if term.values is None else [term.values[i] for i in keep.tolist()])
                if not len(term.ids):
                    term = None
        self._postings[key] = term
        return term

    def lengths(self, fieldname: str) -> np.ndarray:
        """Each document's length in ``fieldname`` as Whoosh's scorer sees it (one byte,
        decoded), read once per process: segments never change."""
        key = self._key + (fieldname,)
        found = lru_get(_LENGTH_CACHE, key)
        if found is None:
            from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

            raw = np.zeros(self.doccount, np.uint8)
            perdoc = getattr(self.reader, "_perdoc", None)
            try:
                column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
                if column is not None and column._count:
                    data = column._dbfile.get(column._basepos, column._count)
                    raw[:len(data)] = np.frombuffer(data, np.uint8)
            except AttributeError as err:
                raise Unsupported("field lengths are not a W3 column") from err
            found = lru_put(_LENGTH_CACHE, key, _LENGTHS[raw])
        return found


class Ranker:
    """Scores queries over one open searcher; reuses postings across the evaluations of one search."""

    def __init__(self, searcher) -> None:
        weighting = searcher.weighting
        if type(weighting) is not BM25F:
            raise Unsupported("weighting is not BM25F")
        self.searcher = searcher
        self.schema = searcher.schema
        self.B, self.K1, self.field_B = weighting.B, weighting.K1, weighting._field_B
        self.segments = [_Segment(sub, offset) for sub, offset in searcher.leaf_searchers()]
        self._stats: dict[tuple[str, Any], tuple[float, float]] = {}

    # -- leaves ------------------------------------------------------------------------------
    def _term_scores(self, seg: _Segment, fieldname: str, text) -> tuple[np.ndarray, np.ndarray, _Term | None]:
        term = seg.postings(self.schema, fieldname, text)
        if term is None:
            return _NO_IDS, _NO_SCORES, None
        field = self.schema[fieldname]
        if not field.scorable:  # Whoosh's WeightScorer
            return term.ids, term.weights, term
        key = (fieldname, text)
        stats = self._stats.get(key)
        if stats is None:
            stats = self._stats[key] = (self.searcher.idf(fieldname, text),
                                        self.searcher.avg_field_length(fieldname) or 1)
        idf, avgfl = stats
        B, K1 = self.field_B.get(fieldname, self.B), self.K1
        tf, fl = term.weights, seg.lengths(fieldname)[term.ids]
        # the operations of whoosh.scoring.bm25, in its order
        return term.ids, idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl))), term

    def _phrase(self, seg: _Segment, q: Q.Phrase, mode: str, restrict: np.ndarray | None):
        fmt = self.schema[q.fieldname].format if q.fieldname in self.schema else None
        if fmt is None:
            return _NO_IDS, _NO_SCORES
        if not fmt.supports("positions"):
            raise Unsupported("phrase over a field without positions")
        if mode == LOWER or not q.words:
            return _NO_IDS, _NO_SCORES
        parts = []
        for word in q.words:
            ids, scores, term = self._term_scores(seg, q.fieldname, word)
            if term is None:
                return _NO_IDS, _NO_SCORES
            parts.append((ids, scores, term))
        ids = parts[0][0]
        for other, _, _ in parts[1:]:
            ids = np.intersect1d(ids, other, assume_unique=True)
        if mode == EXACT:
            if restrict is not None:
                ids = np.intersect1d(ids, restrict, assume_unique=True)
            if len(ids):
                if any(p[2].values is None for p in parts):
                    raise Unsupported("phrase postings without positions")
                where = [np.searchsorted(p[0], ids) for p in parts]
                decode = fmt.decode_positions
                keep = [k for k in range(len(ids))
                        if _spans_match([decode(p[2].values[w[k]]) for p, w in zip(parts, where)], q.slop)]
                ids = ids[keep]
        scores = _tree_sum([p[1][np.searchsorted(p[0], ids)] for p in parts])
        return ids, (scores * q.boost if q.boost != 1.0 else scores)

    # -- tree --------------------------------------------------------------------------------
    def evaluate(self, seg: _Segment, q: Q.Query, mode: str = EXACT,
                 restrict: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """``(sorted local docnums, scores)`` of the documents ``q`` matches in ``seg``.

        ``mode`` says what phrases do: ``EXACT`` checks positions (only on the documents in
        ``restrict``, when given), ``UPPER`` assumes they match wherever their words all
        occur, ``LOWER`` that they match nothing."""
        if isinstance(q, Q.Term):
            ids, scores, _ = self._term_scores(seg, q.fieldname, q.text)
            return ids, (scores * q.boost if q.boost != 1.0 and len(ids) else scores)
        if isinstance(q, Q.Phrase):
            return self._phrase(seg, q, mode, restrict)
        if isinstance(q, Q.NullQuery.__class__):
            return _NO_IDS, _NO_SCORES
        if isinstance(q, Q.AndMaybe):
            ids, scores = self.evaluate(seg, q.a, mode, restrict)
            if not len(ids):
                return ids, scores
            b_ids, b_scores = self.evaluate(seg, q.b, mode, ids if mode == EXACT else None)
            return ids, scores + _scores_at(ids, b_ids, b_scores)
        if isinstance(q, Q.AndNot):
            ids, scores = self.evaluate(seg, q.a, mode, restrict)
            if not len(ids):
                return ids, scores
            b_ids, _ = self.evaluate(seg, q.b, EXACT, ids)  # exclusion needs the exact set
            keep = ~np.isin(ids, b_ids, assume_unique=True)
            return ids[keep], scores[keep]
        if isinstance(q, (Q.And, Q.Or)) and type(q) in (Q.And, Q.Or):
            subs = q.subqueries
            if not subs:
                return _NO_IDS, _NO_SCORES
            if any(isinstance(s, Q.Not) for s in subs):
                raise Unsupported("negation inside a group")
            if len(subs) == 1:  # Whoosh uses the child's matcher alone: the group's boost is dropped
                return self.evaluate(seg, subs[0], mode, restrict)
            if isinstance(q, Q.Or):
                if q.minmatch not in (0, 1, None) or q.scale:
                    raise Unsupported("Or with minmatch or scale")
                ids, scores = _union([self.evaluate(seg, s, mode, restrict) for s in subs])
            else:
                ids, scores = self.evaluate(seg, subs[0], mode, restrict)
                for sub in subs[1:]:
                    if not len(ids):
                        break
                    s_ids, s_scores = self.evaluate(seg, sub, mode, ids if mode == EXACT else restrict)
                    ids, scores = _intersect(ids, scores, s_ids, s_scores)
            return ids, (scores * q.boost if q.boost != 1.0 and len(ids) else scores)
        raise Unsupported(f"query type {type(q).__name__}")

    # -- top N -------------------------------------------------------------------------------
    def rank(self, q: Q.Query, allow: set[int] | None, top: int | None) -> tuple[np.ndarray, list[tuple[float, int]]]:
        """``(every matching docnum, sorted; the best `top` as (score, docnum))`` for ``q``
        within ``allow`` (``None``: no filter). ``top=None`` ranks every match. Order:
        score, then docnum, as Whoosh's unlimited search orders them."""
        required, optional = q, None
        if isinstance(q, Q.AndMaybe) and _monotone(q.b):
            required, optional = q.a, q.b
        allowed = None
        if allow is not None:
            allowed = np.fromiter(allow, np.int64, len(allow))
            allowed.sort()
        all_ids, base, lo, hi = [], [], [], []
        for seg in self.segments:
            ids, scores = self.evaluate(seg, required, EXACT)
            if allowed is not None and len(ids):
                local = _local(allowed, seg)
                keep = np.isin(ids, local, assume_unique=True)
                ids, scores = ids[keep], scores[keep]
            if not len(ids):
                continue
            all_ids.append(ids + seg.offset)
            base.append(scores)
            if optional is not None:
                lo.append(scores + _scores_at(ids, *self.evaluate(seg, optional, LOWER)))
                hi.append(scores + _scores_at(ids, *self.evaluate(seg, optional, UPPER)))
        if not all_ids:
            return _NO_IDS, []
        ids = np.concatenate(all_ids)
        if optional is None:
            return ids, _best(ids, np.concatenate(base), top)
        base_all, low, high = np.concatenate(base), np.concatenate(lo), np.concatenate(hi)
        exact = low.copy()  # exact where the bounds agree, a lower bound elsewhere
        unchecked = np.flatnonzero(high > low)  # documents whose optional phrases may match
        if top is None:
            self._check(optional, ids, base_all, exact, unchecked)
            return ids, _best(ids, exact, None)
        order = unchecked[np.argsort(-high[unchecked], kind="stable")]  # best bound first
        for start in range(0, len(order), CHECK_BATCH):
            # below the N-th best score known so far, no bound (these come in falling order) can enter
            if high[order[start]] < _nth_largest(exact, top):
                break
            self._check(optional, ids, base_all, exact, order[start:start + CHECK_BATCH])
        return ids, _best(ids, exact, top)

    def _check(self, optional: Q.Query, ids: np.ndarray, base: np.ndarray, exact: np.ndarray,
               which: np.ndarray) -> None:
        """Put the exact score of the documents at positions ``which`` of ``ids`` into ``exact``."""
        which = np.sort(which)
        docs = ids[which]
        for seg in self.segments:
            lo_i, hi_i = np.searchsorted(docs, [seg.offset, seg.offset + seg.doccount])
            if lo_i == hi_i:
                continue
            local = docs[lo_i:hi_i] - seg.offset
            b_ids, b_scores = self.evaluate(seg, optional, EXACT, local)
            pos = which[lo_i:hi_i]
            exact[pos] = base[pos] + _scores_at(local, b_ids, b_scores)


# -- array helpers -----------------------------------------------------------------------------
def _local(allowed: np.ndarray, seg: _Segment) -> np.ndarray:
    lo, hi = np.searchsorted(allowed, [seg.offset, seg.offset + seg.doccount])
    return allowed[lo:hi] - seg.offset


def _scores_at(ids: np.ndarray, b_ids: np.ndarray, b_scores: np.ndarray) -> np.ndarray:
    """``b``'s score at each of ``ids`` (0 where ``b`` does not match)."""
    out = np.zeros(len(ids), np.float64)
    if len(b_ids) and len(ids):
        pos = np.searchsorted(b_ids, ids)
        pos[pos == len(b_ids)] = 0
        hit = b_ids[pos] == ids
        out[hit] = b_scores[pos[hit]]
    return out


def _intersect(a_ids, a_scores, b_ids, b_scores):
    ids, ai, bi = np.intersect1d(a_ids, b_ids, assume_unique=True, return_indices=True)
    return ids, a_scores[ai] + b_scores[bi]


def _union(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return _NO_IDS, _NO_SCORES
    if len(parts) == 1:
        return parts[0]
    ids, inverse = np.unique(np.concatenate([p[0] for p in parts]), return_inverse=True)
    return ids, np.bincount(inverse, weights=np.concatenate([p[1] for p in parts]), minlength=len(ids))


def _tree_sum(arrays: list[np.ndarray]) -> np.ndarray:
    """Sum in the order of Whoosh's ``make_binary_tree`` (a phrase's intersection)."""
    if len(arrays) == 1:
        return arrays[0]
    half = len(arrays) // 2
    return _tree_sum(arrays[:half]) + _tree_sum(arrays[half:])


def _nth_largest(scores: np.ndarray, n: int) -> float:
    if n <= 0 or len(scores) < n:
        return -np.inf
    return float(np.partition(scores, len(scores) - n)[len(scores) - n])


def _best(ids: np.ndarray, scores: np.ndarray, top: int | None) -> list[tuple[float, int]]:
    """The best ``top`` (all for ``None``) by score, then docnum."""
    if top is not None and len(scores) > top:
        if top <= 0:
            return []
        bar = _nth_largest(scores, top)
        pick = np.flatnonzero(scores >= bar)
        ids, scores = ids[pick], scores[pick]
    order = np.lexsort((ids, -scores))
    if top is not None:
        order = order[:top]
    return list(zip(scores[order].tolist(), ids[order].tolist()))


def _monotone(q: Q.Query) -> bool:
    """True when more phrase matches can only raise ``q``'s score (bounds hold)."""
    if isinstance(q, (Q.Term, Q.Phrase)):
        return True
    if type(q) in (Q.And, Q.Or):
        return all(_monotone(s) for s in q.subqueries)
    return False


def _spans_match(positions: list[list[int]], slop: int) -> bool:
    """Whether the words occur in order, each within ``slop`` positions of the span so far:
    Whoosh's ``SpanNear2`` with ``ordered=True, mindist=1``, on plain positions."""
    spans = [(p, p) for p in positions[0]]
    for nxt in positions[1:]:
        if not spans:
            return False
        found = set()
        for a_start, a_end in spans:
            j = bisect_left(nxt, a_start)
            while j < len(nxt):
                b = nxt[j]
                j += 1
                if b < a_start - slop or a_start > b:
                    continue
                if b > a_end + slop:
                    break
                # Span.distance_to
                if a_start <= b <= a_end:
                    dist = 0
                elif a_end < b:
                    dist = b - a_end
                else:
                    dist = a_start - b
                if 1 <= dist <= slop:
                    found.add((min(a_start, b), max(a_end, b)))
        spans = sorted(found)
    return bool(spans)
