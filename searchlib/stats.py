"""What an index holds: :func:`index_stats` for ``searchdocs stats``, and
:func:`facet_values` to look up facet values (``searchdocs facets people --match nguyen``).

Counts are over live articles only (updated and deleted versions are not counted), from the
same column readers the search facets use.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from .search import ALL_FACETS, facet_names, lang_counts, tally
from .textnorm import fold_key
from .timeline import Timeline, timeline_from_months


@dataclass
class IndexStats:
    """Counts and metadata of one index."""

    path: str
    articles: int
    undated: int
    first_date: _dt.date | None
    last_date: _dt.date | None
    languages: dict[str, int]
    sources: dict[str, int]
    people: dict[str, int]
    topics: dict[str, int]
    years: Timeline
    size_bytes: int = 0
    updated: _dt.datetime | None = None  #: when the last update finished (local time)
    files: int = 0  #: source files the index was built from
    #: segments on disk: each update adds one or two, merges keep them in check, and
    #: ``searchdocs index --rebuild`` compacts them (each costs every search a little)
    segments: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The statistics as documented for ``searchdocs stats --json``."""
        return {"path": self.path, "articles": self.articles, "undated": self.undated,
                "first_date": self.first_date.isoformat() if self.first_date else None,
                "last_date": self.last_date.isoformat() if self.last_date else None,
                "languages": self.languages, "sources": self.sources, "people": self.people,
                "topics": self.topics, "years": self.years.to_dict(), "size_bytes": self.size_bytes,
                "updated": self.updated.isoformat(timespec="seconds") if self.updated else None,
                "files": self.files, "segments": self.segments}


def index_stats(reader, *, path: str = "", top: int = 10) -> IndexStats:
    """Statistics over every live article of ``reader``; ``top`` values per facet."""
    from .schema import ColumnView

    docs = list(reader.all_doc_ids())
    facets, undated, months = tally(reader, docs, top, ("source", "people", "topics"))
    days = ColumnView(reader, "day", 0)
    dated = [d for d in (days[n] for n in docs) if d]
    return IndexStats(
        path=path, articles=len(docs), undated=undated,
        first_date=_date(min(dated)) if dated else None, last_date=_date(max(dated)) if dated else None,
        languages=dict(sorted(lang_counts(reader, docs).items(), key=lambda kv: (-kv[1], kv[0]))),
        sources=facets["source"], people=facets["people"], topics=facets["topics"],
        years=timeline_from_months(months, undated, unit="year"), segments=len(reader.leaf_readers()))


def _date(day: int) -> _dt.date:
    return _dt.date(day // 10000, day // 100 % 100, day % 100)


def facet_values(reader, name: str, *, match: str | None = None, limit: int = 0) -> dict[str, int]:
    """Values of facet ``name`` (one of :data:`searchlib.search.ALL_FACETS`, or ``person``,
    ``topic``) over the whole index with their article counts, highest first.

    ``match`` keeps values containing it, compared without case and diacritics
    (``nguyen`` finds *Nguyễn Văn Long*); ``limit=0`` returns every value.
    """
    (canonical,) = facet_names([name])
    docs = reader.all_doc_ids()
    counts = tally(reader, docs, 0, (canonical,))[0][canonical]
    if match is not None and match.strip():
        key = fold_key(match)
        counts = {v: n for v, n in counts.items() if key in fold_key(v)}
    if limit:
        counts = dict(list(counts.items())[:limit])
    return counts


__all__ = ["ALL_FACETS", "IndexStats", "facet_values", "index_stats"]
