"""Collecting a search's matches: the documents the filters allow, every match (for the
total and the facets) and the best N (for the page), in as few passes as Whoosh allows.

Whoosh's own path computes a filter's documents by running it as a query (a date range is a
union of hundreds of numeric terms), then scores every match to find the top N, then runs
the query a second time for ``Results.docs()``. Here the filters come from the ``day``
column and single-term postings. A query that may match many documents is ranked with
arrays (:mod:`searchlib.ranking`); a small one by Whoosh, with the full match set from the
query's required part without scoring (``AndMaybe``'s optional proximity boost never
decides *whether* a document matches, only its rank). Ranking and totals are those of
Whoosh's unlimited search; tests compare them.
"""

from __future__ import annotations

import datetime as _dt
import sys
from typing import Collection, Iterable

from whoosh import query as Q

from . import whoosh_fixes  # noqa: F401 - results must not depend on Whoosh's AndNot defect
from .filters import day_number
from .postings import term_docs
from .schema import ColumnView


def date_docs(reader, lo: _dt.date, hi: _dt.date) -> set[int]:
    """Live documents dated within ``[lo, hi]``, read from the ``day`` column (undated
    documents have day 0 and never match)."""
    low, high = day_number(lo), day_number(hi)
    found: set[int] = set()
    view = ColumnView(reader, "day", 0)
    for (offset, values), (segment, _) in zip(view.segments(), reader.leaf_readers()):
        if values is None:
            continue
        deleted = segment.deleted_docs_set if segment.has_deletions() else ()
        found.update(offset + i for i, day in enumerate(values) if low <= day <= high and i not in deleted)
    return found


def query_docs(searcher, q: Q.Query) -> set[int]:
    """Every live document ``q`` matches, without scoring.

    Terms, ``And``, ``Or`` and ``AndNot`` are evaluated as set algebra over each term's
    posting ids, which is several times faster than stepping Whoosh's compound matchers
    document by document; anything else (phrases, ranges, prefixes) is run by Whoosh.
    """
    if isinstance(q, Q.Term):
        docs = term_docs(searcher, q.fieldname, q.text)
        return docs if docs is not None else set(searcher.docs_for_query(q))
    if isinstance(q, Q.AndMaybe):
        return query_docs(searcher, q.a)
    if isinstance(q, Q.AndNot):
        return query_docs(searcher, q.a) - query_docs(searcher, q.b)
    if isinstance(q, Q.And) and q.subqueries and not any(isinstance(s, Q.Not) for s in q.subqueries):
        found = None
        for sub in sorted(q.subqueries, key=lambda s: not isinstance(s, Q.Term)):
            docs = query_docs(searcher, sub)
            found = docs if found is None else found & docs
            if not found:
                return set()
        return found
    if isinstance(q, Q.Or) and q.subqueries and q.minmatch in (0, 1, None) \
            and not any(isinstance(s, Q.Not) for s in q.subqueries):
        found = set()
        for sub in q.subqueries:
            found |= query_docs(searcher, sub)
        return found
    return set(searcher.docs_for_query(q))


def intersect(sets: Iterable[set[int]]) -> set[int] | None:
    """The documents in every one of ``sets`` (smallest first); ``None`` for no sets."""
    ordered = sorted(sets, key=len)
    if not ordered:
        return None
    out = set(ordered[0])
    for other in ordered[1:]:
        out &= other
        if not out:
            break
    return out


def required_part(q: Q.Query) -> Q.Query:
    """The part of ``q`` that decides whether a document matches: ``AndMaybe``'s optional
    side only adds to the score."""
    while isinstance(q, Q.AndMaybe):
        q = q.a
    return q


#: Score only the documents that pass the filters, one ``skip_to`` each (about 2.5 times the
#: cost per document of Whoosh's collector over every match), when they are fewer
#: than this share of the query's matches; otherwise let Whoosh's collector run.
DRIVE_BY_FILTER = 0.4


def collect(searcher, q: Q.Query, allow: set[int] | None,
            top: int | None) -> tuple[Collection[int], list[tuple[float, int]]]:
    """``(every matching docnum, the best `top` as (score, docnum))`` for ``q`` within
    ``allow`` (``None``: no filter); ``top=None`` ranks every match. Order: score, then
    docnum. The matches are a set, or a sorted numpy array when the array ranker ran.

    Every match is scored, by the array ranker or by Whoosh's unlimited search: Whoosh's
    top-N search (``limit=N``) prunes its matchers against the N-th score found so far and
    missed a better document in 8 of 23 test queries at 100k articles (with block-quality
    skipping off as well)."""
    if allow is not None and not allow:
        return set(), []
    if not isinstance(q, Q.Every):
        ranked = rank_with_arrays(searcher, q, allow, top)
        if ranked is not None:
            return ranked
    if top is None:
        res = searcher.search(q, filter=allow, limit=None)
        return (set(res.docs()) if res.top_n else set()), list(res.top_n)
    if isinstance(q, Q.Every):
        docs = set(allow) if allow is not None else set(searcher.reader().all_doc_ids())
        if not docs:
            return set(), []
        return docs, list(searcher.search(q, filter=allow, limit=top).top_n)
    matched = query_docs(searcher, required_part(q))
    docs = matched & allow if allow is not None else matched
    if not docs:
        return set(), []
    if allow is not None and len(docs) < DRIVE_BY_FILTER * len(matched):
        return docs, score_docs(searcher, q, docs, top)
    # every match scored: Whoosh's limited search can miss a better document (see above)
    return docs, list(searcher.search(q, filter=allow, limit=None).top_n[:top])


#: Rank with arrays (:mod:`searchlib.ranking`) when the query's required part may match at
#: least this many documents; below it Whoosh's matchers are as fast.
ARRAY_RANK_MIN = 1500
#: The same, while numpy is not imported yet: importing it costs about 70 ms, what Whoosh
#: spends on some 7,000 matches, so a process that searches once (the CLI) keeps Whoosh
#: for mid-sized queries.
ARRAY_RANK_COLD_MIN = 10000


def rank_with_arrays(searcher, q: Q.Query, allow: set[int] | None, top: int | None):
    """:func:`collect`'s answer computed by :class:`searchlib.ranking.Ranker` (the matches
    as a sorted numpy array), or ``None`` when the query is small or has a part only
    Whoosh evaluates."""
    try:
        size = required_part(q).estimate_size(searcher.reader())
    except Exception:  # noqa: BLE001 - an estimate is only a hint
        size = ARRAY_RANK_MIN
    if size < (ARRAY_RANK_MIN if "numpy" in sys.modules else ARRAY_RANK_COLD_MIN):
        return None
    from .ranking import Ranker, Unsupported

    try:
        ids, best = Ranker(searcher).rank(q, allow, top)
    except Unsupported:
        return None
    # facets over a few matches are counted one by one (no whole columns to prepare)
    return (set(ids.tolist()) if len(ids) < ARRAY_RANK_MIN else ids), best


def score_docs(searcher, q: Q.Query, docs: set[int], top: int) -> list[tuple[float, int]]:
    """The best ``top`` of ``docs`` (all of which ``q`` matches) by ``q``'s score, moving
    each segment's matcher straight to them."""
    import heapq

    context = searcher.context(needs_current=True, weighting=searcher.weighting)
    ordered = sorted(docs)
    scored: list[tuple[float, int]] = []
    for subsearcher, offset in searcher.leaf_searchers():
        end = offset + subsearcher.doc_count_all()
        local = [d - offset for d in ordered if offset <= d < end]
        if not local:
            continue
        matcher = q.matcher(subsearcher, context)
        for doc in local:
            if not matcher.is_active():
                break
            if matcher.id() < doc:
                matcher.skip_to(doc)
                if not matcher.is_active():
                    break
            if matcher.id() == doc:
                scored.append((matcher.score(), -(doc + offset)))
    best = heapq.nlargest(top, scored)
    return [(score, -negdoc) for score, negdoc in best]
