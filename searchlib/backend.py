"""The backend seam: one interface over the local Whoosh index and a Typesense collection.

Everything above this line (the CLI, rendering, JSON output, scripts) talks to a
:class:`SearchBackend` and gets the same :class:`~searchlib.search.Results` and
:class:`~searchlib.article.Article` objects whichever engine answers. The local
:class:`~searchlib.index.Index` is one implementation (the default); a Typesense collection,
possibly on a cluster, is the other (:mod:`searchlib.typesense_backend`).

A backend is named by a *spec*: ``whoosh`` (the index directory given separately), or a
URL ``typesense://KEY@HOST:PORT[,HOST:PORT...]/COLLECTION``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Protocol, Sequence, runtime_checkable

from .errors import BackendError

if TYPE_CHECKING:  # pragma: no cover
    from .article import Article
    from .filters import DateArg
    from .indexer import ProblemFn, ProgressFn, UpdateReport
    from .search import Results

#: The spec of the default backend.
WHOOSH = "whoosh"
TYPESENSE_SCHEMES = ("typesense://", "typesenses://")


@runtime_checkable
class SearchBackend(Protocol):
    """What the CLI and scripts need from a search engine holding articles."""

    @property
    def exists(self) -> bool:
        """True once the index or collection has been created."""

    def search(self, query: str = "", *, since: DateArg = None, until: DateArg = None,
               source: str | Sequence[str] | None = None, person: str | Sequence[str] | None = None,
               topic: str | Sequence[str] | None = None, lang: str | Sequence[str] | None = None,
               sort: str = "relevance", limit: int = 10, page: int = 1, lenient: bool = False,
               match: str = "all", facet_size: int = 20) -> Results:
        """Ranked, filtered, faceted search (see :meth:`searchlib.Index.search`)."""

    def get(self, article_id: str) -> Article | None:
        """The stored article with this id, or ``None``."""

    def __len__(self) -> int:
        """Number of articles held."""

    def articles(self) -> Iterator[Article]:
        """Every stored article (order unspecified)."""

    def update(self, paths: Iterable[str | os.PathLike[str]], *, progress: ProgressFn | None = None,
               on_problem: ProblemFn | None = None, wait: bool = False,
               on_wait: Callable[[str], None] | None = None) -> UpdateReport:
        """Index the articles of the files under ``paths``."""

    def rebuild(self, paths: Iterable[str | os.PathLike[str]], *, progress: ProgressFn | None = None,
                on_problem: ProblemFn | None = None, wait: bool = False,
                on_wait: Callable[[str], None] | None = None) -> UpdateReport:
        """Build afresh from ``paths`` and switch searches over only when complete."""


def is_typesense(spec: str | None) -> bool:
    """Whether ``spec`` names a Typesense collection."""
    return bool(spec) and spec.strip().lower().startswith(TYPESENSE_SCHEMES)


def open_backend(spec: str | None = None, index_path: str | os.PathLike[str] = "index") -> SearchBackend:
    """The backend named by ``spec``: ``None``/``"whoosh"`` is the local index at
    ``index_path``; a ``typesense://`` URL is a Typesense collection (needs the
    ``typesense`` client package, ``pip install 'searchdocs[typesense]'``)."""
    if spec is None or not spec.strip() or spec.strip().lower() == WHOOSH:
        from .index import Index

        return Index(index_path)
    if is_typesense(spec):
        from .typesense_backend import TypesenseBackend

        return TypesenseBackend.from_url(spec.strip())
    raise BackendError(f"unknown backend {spec!r}",
                       hint="use 'whoosh' (the local index) or typesense://KEY@HOST:PORT[,HOST:PORT…]/COLLECTION")
