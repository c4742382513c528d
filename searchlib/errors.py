"""Typed errors and process exit codes.

Every failure the library can foresee is a :class:`SearchdocsError` carrying a one-line
message and, where one exists, a one-line fix-it ``hint``. The CLI maps them to exit
codes in one place (:class:`ExitCode`), so scripts can rely on the numbers.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit statuses, following ripgrep's convention."""

    OK = 0  #: at least one hit / the command did what was asked
    NO_HITS = 1  #: the search ran and found nothing
    ERROR = 2  #: bad usage, bad query, unusable index or corpus
    PARTIAL = 3  #: `index` finished, but some files could not be read and were skipped
    INTERRUPTED = 130  #: Ctrl-C


class SearchdocsError(Exception):
    """Base class of every error the library raises on purpose.

    ``message`` says what went wrong, ``hint`` how to fix it (may be empty).
    """

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class QueryError(SearchdocsError):
    """The query text or a filter value cannot be understood."""


class IndexNotFoundError(SearchdocsError):
    """There is no searchdocs index at the given path."""


class IndexCorruptError(SearchdocsError):
    """The directory looks like an index but cannot be opened or is of another version."""


class IndexLockedError(SearchdocsError):
    """Another process is updating the index."""


class IndexUnsafeError(SearchdocsError):
    """Other users can write the index directory or its files; it is refused, because a
    Whoosh index holds pickles and loading one can run code."""


class IndexWriteError(SearchdocsError):
    """The index cannot be written (permissions, disk full); the previous state is kept."""


class BackendError(SearchdocsError):
    """A search backend other than the local index cannot be used: a bad ``--backend``
    value, a missing client package, or a cluster that does not answer (after retries)."""


class CorpusNotFoundError(SearchdocsError):
    """A path given to ingest or index does not exist."""


class IngestError(SearchdocsError):
    """One file (or one line of a JSONL file) could not be turned into an article.

    Raised per file by the ingester and collected by the indexer, which reports it and
    goes on with the other files.
    """

    def __init__(self, path: str, reason: str, hint: str = "") -> None:
        super().__init__(f"{path}: {reason}", hint)
        self.path = path
        self.reason = reason


class ArticleNotFoundError(SearchdocsError):
    """No article in the index has the id (or path) asked for."""
