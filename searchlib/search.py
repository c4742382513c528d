"""Running a search: ranking, filters, sorting, paging, facets and snippets.

Ranking is Whoosh's BM25F over the fields :mod:`searchlib.query` chooses. Facets are
counted over the whole filtered result set (not only the page shown), from column readers,
and sorted by count. Undated articles sort after dated ones in both date orders.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

from .collect import collect
from .errors import QueryError
from .filters import DateArg, Resolver
from .highlight import highlight_all, make_snippet, match_spans, terms_by_chain
from .query import parse_query
from .schema import MULTI_SEP, ColumnView, cached_segment_column, segment_column
from .textnorm import fold_key
from .timeline import Timeline, month_label, timeline_from_months

SORTS = ("relevance", "newest", "oldest")
#: The facets counted by default, and every facet a search can count.
FACETS = ("year", "source", "people", "topics")
ALL_FACETS = ("year", "month", "source", "people", "topics", "lang")
#: Facets read a segment's whole column (cached) when the matches are at least 1/this of it.
WHOLE_COLUMN_SHARE = 8
#: Singular spellings accepted for facet names.
FACET_ALIASES = {"person": "people", "topic": "topics", "language": "lang"}


def facet_names(names: Sequence[str] | None) -> tuple[str, ...]:
    """Facet names checked and made canonical (``person`` → ``people``); ``None`` gives the
    default :data:`FACETS`, an empty list none."""
    if names is None:
        return FACETS
    out: list[str] = []
    for name in names:
        canonical = FACET_ALIASES.get(name.strip().lower(), name.strip().lower())
        if canonical not in ALL_FACETS:
            raise QueryError(f"unknown facet {name!r}", "facets: " + ", ".join(ALL_FACETS))
        if canonical not in out:
            out.append(canonical)
    return tuple(out)


@dataclass
class Hit:
    """One article in a result list; attribute names match the JSON keys."""

    id: str
    path: str
    title: str
    date: _dt.date | None
    source: str | None
    people: list[str]
    topics: list[str]
    lang: str
    score: float | None
    snippet: str
    #: ``(start, end)`` offsets of the matches in ``snippet`` and in ``title``.
    snippet_highlights: list[tuple[int, int]] = field(default_factory=list)
    title_highlights: list[tuple[int, int]] = field(default_factory=list)
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The hit as documented for ``--json``."""
        return {"id": self.id, "path": self.path, "title": self.title,
                "date": self.date.isoformat() if self.date else None, "source": self.source,
                "people": self.people, "topics": self.topics, "lang": self.lang,
                "score": None if self.score is None else round(self.score, 4), "snippet": self.snippet,
                "highlights": [list(span) for span in self.snippet_highlights],
                "title_highlights": [list(span) for span in self.title_highlights], "url": self.url}


@dataclass
class Results:
    """A page of hits, the total, and facet counts over every matching article."""

    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    page: int = 1
    limit: int = 10
    sort: str = "relevance"
    notes: list[str] = field(default_factory=list)
    undated: int = 0  #: how many of the ``total`` hits have no date (counted, never dropped)
    #: A respelled query with more hits, offered when this one found few (never run for you).
    suggestion: str | None = None
    timeline: Timeline | None = None  #: hits per year or month, when asked for
    took_ms: float = 0.0  #: time the search took, in milliseconds

    @property
    def pages(self) -> int:
        if not self.limit:
            return 1
        return max(1, -(-self.total // self.limit))

    def __len__(self) -> int:
        return len(self.hits)

    def to_dict(self) -> dict[str, Any]:
        """The result as documented for ``--json``."""
        return {"query": self.query, "total": self.total, "undated": self.undated,
                "took_ms": round(self.took_ms, 1), "suggestion": self.suggestion,
                "hits": [h.to_dict() for h in self.hits], "facets": self.facets,
                "timeline": self.timeline.to_dict() if self.timeline else None}


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if v]


def run_search(searcher, query: str = "", *, since: DateArg = None, until: DateArg = None,
               source=None, person=None, topic=None, lang=None, sort: str = "relevance",
               limit: int = 10, page: int = 1, lenient: bool = False, match: str = "all",
               facet_size: int = 20, snippet_width: int = 240, facets: Sequence[str] | None = None,
               timeline: bool = False, suggest: bool = False) -> Results:
    """Search with an open Whoosh searcher (see :meth:`searchlib.Index.search`)."""
    from whoosh import query as Q

    names = facet_names(facets)

    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}", "use relevance, newest or oldest")
    if limit < 0 or page < 1:
        raise QueryError("limit must be ≥ 0 and page ≥ 1", "")
    reader = searcher.reader()
    resolver = Resolver(reader)
    parsed = parse_query(query or "", resolver=resolver, lenient=lenient, match=match)
    allow = resolver.allowed(searcher, since=since, until=until, source=_as_list(source), person=_as_list(person),
                             topic=_as_list(topic), lang=_as_list(lang))
    q = parsed.query if parsed.query is not None else Q.Every()
    if parsed.query is None and sort == "relevance":
        sort = "newest"
    start = (page - 1) * limit
    if sort == "relevance":
        docset, ranked = collect(searcher, q, allow, (start + limit) if limit else None)
        ranked = ranked[start:start + limit if limit else None]
    else:
        docset, pairs = collect(searcher, q, allow, None)
        days = ColumnView(reader, "day", 0)
        if sort == "newest":
            pairs.sort(key=lambda p: (days[p[1]] == 0, -days[p[1]], -p[0]))
        else:
            pairs.sort(key=lambda p: (days[p[1]] == 0, days[p[1]], -p[0]))
        ranked = pairs[start:start + limit] if limit else pairs[start:]
    total = len(docset)
    chains = highlight_terms(parsed.query, reader)
    hits = [build_hit(searcher, docnum, score if parsed.query is not None else None, chains, snippet_width)
            for score, docnum in ranked]
    counts, undated, months = tally(reader, docset, facet_size, names)
    results = Results(query=parsed.text, total=total, hits=hits, facets=counts, page=page, limit=limit,
                      sort=sort, notes=parsed.notes, undated=undated)
    if timeline:
        results.timeline = timeline_from_months(months, undated)
    if suggest and parsed.query is not None:
        from .suggest import suggest_query

        if allow is None or allow:  # within a filter that allows nothing, no respelling helps
            results.suggestion = suggest_query(searcher, parsed.text, total, allow, resolver, match)
    return results


def matched_docs(res) -> set[int]:
    """Every document the search matched (all pages).

    ``top_n`` holds the best ``start + limit`` matches (or all), so it is empty exactly when
    nothing matched; Whoosh's ``docs()`` then wrongly returns the unfiltered matches when the
    filter allows no document at all (its FilterCollector reads an empty allow-set as "no
    filter").
    """
    return res.docs() if res.top_n else set()


def highlight_terms(q, reader) -> dict[str, set[str]]:
    """The terms of query ``q`` that occur in the index, grouped by analysis chain, for
    :func:`searchlib.highlight.match_spans` (prefixes expanded, phrases included)."""
    if q is None:
        return {}
    by_field: dict[str, set[str]] = {}
    for fieldname, text in q.existing_terms(reader, phrases=True, expand=True):
        by_field.setdefault(fieldname, set()).add(text.decode("utf-8") if isinstance(text, bytes) else text)
    return terms_by_chain(by_field)


def build_hit(searcher, docnum: int, score: float | None, chains, width: int) -> Hit:
    stored = searcher.stored_fields(docnum)
    body = stored.get("text", "")
    title = stored.get("title", "")
    snippet = make_snippet(body, match_spans(body, chains) if chains else [], width)
    title_marks = highlight_all(title, chains).highlights if chains else []
    date = stored.get("date")
    return Hit(id=stored["id"], path=stored.get("path", ""), title=title,
               date=_dt.date.fromisoformat(date) if date else None, source=stored.get("source"),
               people=list(stored.get("people_list") or []), topics=list(stored.get("topics_list") or []),
               lang=stored.get("lang", "en"), score=score, snippet=snippet.text,
               snippet_highlights=snippet.highlights, title_highlights=title_marks, url=stored.get("url"))


def _best_display(variants: Counter) -> str:
    """The spelling to show for a facet value: most diacritics, then most frequent."""
    return max(variants.items(), key=lambda kv: (sum(not c.isascii() for c in kv[0]), kv[1], kv[0]))[0]


def count_facets(reader, docnums, size: int = 20,
                 names: Sequence[str] = FACETS) -> tuple[dict[str, dict[str, int]], int]:
    """Counts of the facets ``names`` (see :data:`ALL_FACETS`) over ``docnums``, by count
    then value, and the number of undated documents among them.

    Values are grouped case- and diacritic-insensitively; each group shows its best spelling.
    ``year`` and ``month`` leave undated documents out (they are counted apart).
    """
    facets, undated, _months = tally(reader, docnums, size, names)
    return facets, undated


def tally(reader, docnums, size: int, names: Sequence[str]):
    """:func:`count_facets`, plus the month counts (``year * 12 + month - 1`` → count) that
    a timeline is drawn from, in the same pass over the documents.

    Raw column values are counted first, segment by segment; spellings are grouped and
    multi-valued cells split only once per distinct value, not once per document.
    """
    want = set(names)
    day_view = ColumnView(reader, "day", 0)
    columns = [(kind, name) for kind, name in
               (("source", "source"), ("people", "people_names"), ("topics", "topic_names")) if kind in want]
    if type(docnums).__module__ == "numpy":  # sorted, from the array ranker
        from .facet_arrays import array_tally

        ordered = docnums
        yyyymm, groups = array_tally(reader, docnums, day_view, columns, size)
    else:
        ordered = sorted(docnums)
        yyyymm, raw = _raw_counts(reader, ordered, day_view, columns)
        groups = _group_values(raw, size)
    return _facets(reader, ordered, yyyymm, groups, size, names)


def _raw_counts(reader, ordered: list[int], day_view: ColumnView,
                columns: list[tuple[str, str]]) -> tuple[Counter, dict[str, Counter]]:
    """Month and raw column-value counts over the sorted docnums ``ordered``, one value per
    document (see :func:`searchlib.facet_arrays.array_tally` for large sets)."""
    segments = [segment for segment, _ in reader.leaf_readers()]
    yyyymm: Counter = Counter()
    raw: dict[str, Counter] = {kind: Counter() for kind, _ in columns}
    bounds = day_view.offsets[1:] + [reader.doc_count_all()]
    lo = 0
    for seg, end in enumerate(bounds):
        hi = bisect_left(ordered, end, lo)
        if hi == lo:
            continue
        offset = day_view.offsets[seg]
        local = [n - offset for n in ordered[lo:hi]]
        days = day_view.readers[seg]
        if days is None:
            yyyymm[0] += len(local)
        else:
            yyyymm.update(days[i] // 100 for i in local)
        # a large share of a segment: read its whole column once (cached for the process)
        whole = len(local) * WHOLE_COLUMN_SHARE >= segments[seg].doc_count_all()
        segment = segments[seg]
        for kind, name in columns:
            if whole:
                column = segment_column(segment, name, b"")
            else:  # a whole column an earlier search read, else Whoosh's per-document reader
                column = cached_segment_column(segment, name)
                if column is None and segment.has_column(name):
                    column = segment.column_reader(name, translate=False)
            if column is not None:
                raw[kind].update([column[i] for i in local])
        lo = hi
    return yyyymm, raw


def _group_values(raw: dict[str, Counter], size: int) -> dict[str, list[tuple[int, Counter]]]:
    """Raw column values split into items and grouped by folded spelling: per facet kind,
    ``(total, count per spelling)`` of each group that can make the top ``size``."""
    grouped: dict[str, dict[str, Counter]] = {"source": {}, "people": {}, "topics": {}}
    for kind, counts in raw.items():
        items: Counter = Counter()
        for value, count in counts.items():
            if value:
                text = value.decode("utf-8") if isinstance(value, bytes) else value
                for item in (text.split(MULTI_SEP) if kind != "source" else (text,)):
                    items[item] += count
        groups = grouped[kind]
        for item, count in items.items():
            if item:
                groups.setdefault(fold_key(item), Counter())[item] += count
    out: dict[str, list[tuple[int, Counter]]] = {}
    for kind, groups in grouped.items():
        totals = [(sum(v.values()), v) for v in groups.values()]
        if size and len(totals) > size:  # spell out only the groups that can make the list
            cut = sorted((t for t, _ in totals), reverse=True)[size - 1]
            totals = [(t, v) for t, v in totals if t >= cut]
        out[kind] = totals
    return out


def _facets(reader, ordered, yyyymm: Counter, groups: dict[str, list[tuple[int, Counter]]], size: int,
            names: Sequence[str]):
    undated = yyyymm.pop(0, 0)
    months: Counter = Counter({(ym // 100) * 12 + ym % 100 - 1: count for ym, count in yyyymm.items()})
    facets: dict[str, dict[str, int]] = {}
    for name in names:
        if name == "year":
            years: Counter = Counter()
            for m, count in months.items():
                years[f"{m // 12:04d}"] += count
            facets[name] = _top(years, size)
        elif name == "month":
            facets[name] = _top(Counter({month_label(m): c for m, c in months.items()}), size)
        elif name == "lang":
            facets[name] = _top(lang_counts(reader, ordered), size)
        else:
            facets[name] = _top(Counter({_best_display(v): t for t, v in groups.get(name, [])}), size)
    return facets, undated, months


def lang_counts(reader, docnums) -> Counter:
    """Articles per language among ``docnums`` (from the postings of the ``lang`` field)."""
    wanted = set(docnums.tolist() if hasattr(docnums, "tolist") else docnums)
    counts: Counter = Counter()
    for raw in reader.lexicon("lang"):
        lang = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        n = sum(1 for d in reader.postings("lang", lang).all_ids() if d in wanted)
        if n:
            counts[lang] = n
    return counts


def _top(counter: Counter, size: int) -> dict[str, int]:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return dict(items[:size] if size else items)
