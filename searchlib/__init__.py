"""searchlib: full-text search over press releases, with Vietnamese-aware analysis.

The public API (imported lazily, so ``import searchlib`` stays cheap)::

    from searchlib import Index, extract
    ix = Index("index")
    ix.update(["corpus"])
    results = ix.search("human trafficking", since="2024", person="to lam")
    for hit in results.hits: print(hit.date, hit.title)

Errors are subclasses of :class:`SearchdocsError` with a ``hint``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Index": "searchlib.index",
    "CorpusChanges": "searchlib.index",
    "Article": "searchlib.article",
    "Results": "searchlib.search",
    "Hit": "searchlib.search",
    "UpdateReport": "searchlib.indexer",
    "extract": "searchlib.ingest",
    "parse_query": "searchlib.query",
    "SearchdocsError": "searchlib.errors",
    "QueryError": "searchlib.errors",
    "IndexNotFoundError": "searchlib.errors",
    "IndexCorruptError": "searchlib.errors",
    "IndexLockedError": "searchlib.errors",
    "IndexWriteError": "searchlib.errors",
    "IndexUnsafeError": "searchlib.errors",
    "IngestError": "searchlib.errors",
    "CorpusNotFoundError": "searchlib.errors",
    "BackendError": "searchlib.errors",
    "SearchBackend": "searchlib.backend",
    "open_backend": "searchlib.backend",
    "ExitCode": "searchlib.errors",
    "ArticleNotFoundError": "searchlib.errors",
    "Timeline": "searchlib.timeline",
    "QueryPlan": "searchlib.explain",
    "IndexStats": "searchlib.stats",
    "ArticleView": "searchlib.view",
    "SimilarResults": "searchlib.similar",
}

__all__ = sorted(_EXPORTS) + ["__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .article import Article
    from .backend import SearchBackend, open_backend
    from .errors import ArticleNotFoundError
    from .explain import QueryPlan
    from .similar import SimilarResults
    from .stats import IndexStats
    from .timeline import Timeline
    from .view import ArticleView
    from .errors import (BackendError, CorpusNotFoundError, ExitCode, IndexCorruptError, IndexLockedError,
                         IndexNotFoundError, IndexUnsafeError, IndexWriteError, IngestError, QueryError, SearchdocsError)
    from .index import CorpusChanges, Index
    from .indexer import UpdateReport
    from .ingest import extract
    from .query import parse_query
    from .search import Hit, Results


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'searchlib' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
