"""Running a search: ranking, filters, sorting, paging, facets and snippets.

Ranking is Whoosh's BM25F over the fields :mod:`searchlib.query` chooses. Facets are
counted over the whole filtered result set (not only the page shown), from column readers,
and sorted by count. Undated articles sort after dated ones in both date orders.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

from .errors import QueryError
from .filters import DateArg, Resolver
from .highlight import highlight_all, make_snippet, match_spans, terms_by_chain
from .query import parse_query
from .schema import MULTI_SEP, ColumnView
from .textnorm import fold_key

SORTS = ("relevance", "newest", "oldest")
FACETS = ("year", "source", "people", "topics")


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
                "score": None if self.score is None else round(self.score, 4), "snippet": self.snippet}


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

    @property
    def pages(self) -> int:
        if not self.limit:
            return 1
        return max(1, -(-self.total // self.limit))

    def __len__(self) -> int:
        return len(self.hits)

    def to_dict(self) -> dict[str, Any]:
        """The result as documented for ``--json``."""
        return {"query": self.query, "total": self.total,
                "hits": [h.to_dict() for h in self.hits], "facets": self.facets}


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if v]


def run_search(searcher, query: str = "", *, since: DateArg = None, until: DateArg = None,
               source=None, person=None, topic=None, lang=None, sort: str = "relevance",
               limit: int = 10, page: int = 1, lenient: bool = False, match: str = "all",
               facet_size: int = 20, snippet_width: int = 240) -> Results:
    """Search with an open Whoosh searcher (see :meth:`searchlib.Index.search`)."""
    from whoosh import query as Q

    if sort not in SORTS:
        raise QueryError(f"unknown sort {sort!r}", "use relevance, newest or oldest")
    if limit < 0 or page < 1:
        raise QueryError("limit must be ≥ 0 and page ≥ 1", "")
    reader = searcher.reader()
    resolver = Resolver(reader)
    parsed = parse_query(query or "", resolver=resolver, lenient=lenient, match=match)
    filt = resolver.build(since=since, until=until, source=_as_list(source), person=_as_list(person),
                          topic=_as_list(topic), lang=_as_list(lang))
    q = parsed.query if parsed.query is not None else Q.Every()
    if parsed.query is None and sort == "relevance":
        sort = "newest"
    start = (page - 1) * limit
    if sort == "relevance":
        res = searcher.search(q, filter=filt, limit=(start + limit) if limit else None)
        docset = res.docs()
        total = len(docset)
        ranked = res.top_n[start:start + limit if limit else None]
    else:
        res = searcher.search(q, filter=filt, limit=None)
        docset = res.docs()
        total = len(docset)
        days = ColumnView(reader, "day", 0)
        pairs = [(s, n) for s, n in res.top_n]
        if sort == "newest":
            pairs.sort(key=lambda p: (days[p[1]] == 0, -days[p[1]], -p[0]))
        else:
            pairs.sort(key=lambda p: (days[p[1]] == 0, days[p[1]], -p[0]))
        ranked = pairs[start:start + limit] if limit else pairs[start:]
    chains = _highlight_terms(parsed.query, reader)
    hits = [_hit(searcher, docnum, score if parsed.query is not None else None, chains, snippet_width)
            for score, docnum in ranked]
    facets, undated = count_facets(reader, docset, facet_size)
    return Results(query=parsed.text, total=total, hits=hits, facets=facets, page=page, limit=limit,
                   sort=sort, notes=parsed.notes, undated=undated)


def _highlight_terms(q, reader) -> dict[str, set[str]]:
    if q is None:
        return {}
    by_field: dict[str, set[str]] = {}
    for fieldname, text in q.existing_terms(reader, phrases=True, expand=True):
        by_field.setdefault(fieldname, set()).add(text.decode("utf-8") if isinstance(text, bytes) else text)
    return terms_by_chain(by_field)


def _hit(searcher, docnum: int, score: float | None, chains, width: int) -> Hit:
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


def count_facets(reader, docnums, size: int = 20) -> tuple[dict[str, dict[str, int]], int]:
    """Counts of year, source, people and topics over ``docnums``, by count then value,
    and the number of undated documents among them.

    Values are grouped case- and diacritic-insensitively; each group shows its best spelling.
    """
    years: Counter = Counter()
    undated = 0
    grouped: dict[str, dict[str, Counter]] = {"source": {}, "people": {}, "topics": {}}
    year_col = ColumnView(reader, "year", 0)
    source_col = ColumnView(reader, "source", "")
    people_col = ColumnView(reader, "people_names", b"")
    topic_col = ColumnView(reader, "topic_names", b"")

    def add(kind: str, value: str) -> None:
        if value:
            grouped[kind].setdefault(fold_key(value), Counter())[value] += 1

    for n in docnums:
        y = year_col[n]
        if y:
            years[str(y)] += 1
        else:
            undated += 1
        src = source_col[n]
        if src:
            add("source", src.decode("utf-8") if isinstance(src, bytes) else src)
        for col, kind in ((people_col, "people"), (topic_col, "topics")):
            raw = col[n]
            if raw:
                for value in raw.decode("utf-8").split(MULTI_SEP):
                    add(kind, value)
    facets: dict[str, dict[str, int]] = {"year": _top(years, size)}
    for kind, groups in grouped.items():
        totals = Counter({_best_display(v): sum(v.values()) for v in groups.values()})
        facets[kind] = _top(totals, size)
    return facets, undated


def _top(counter: Counter, size: int) -> dict[str, int]:
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return dict(items[:size] if size else items)
