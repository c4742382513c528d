"""Filling a Typesense collection: from article files (``index``) or articles (``sync``).

The collection name of the URL is an alias to a physical collection ``NAME__<stamp>``. An
update upserts into the live one; a rebuild fills a new one, points the alias at it when
complete (searches switch at once, never see a half-built collection), then drops the old
one and any leftovers of interrupted rebuilds.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from ..article import Article
from ..errors import IngestError
from ..indexer import ProblemFn, ProgressFn, UpdateReport, display_path, existing_roots
from .client import collection, is_transient, translate_error
from .documents import article_to_document, collection_schema
from .writer import BatchWriter, RetryFn

if TYPE_CHECKING:  # pragma: no cover
    from .backend import TypesenseBackend

_SEP = "__"


def _retrying(backend: TypesenseBackend, fn: Callable[[], Any]) -> Any:
    """``fn()``, retried while the cluster is between leaders (up to ``retry_seconds``)."""
    deadline = time.monotonic() + backend.retry_seconds
    pause = 0.1
    while True:
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - classified right here
            if not is_transient(exc) or time.monotonic() + pause > deadline:
                raise translate_error(exc, backend.config) from None
        time.sleep(pause)
        pause = min(pause * 2, 2.0)


def _alias_target(backend: TypesenseBackend) -> str | None:
    import typesense.exceptions as E

    def read():
        try:
            return backend.client.aliases[backend.name].retrieve()["collection_name"]
        except E.ObjectNotFound:
            return None

    return _retrying(backend, read)


def _create(backend: TypesenseBackend) -> str:
    import typesense.exceptions as E

    physical = f"{backend.name}{_SEP}{time.strftime('%Y%m%d%H%M%S')}{time.time_ns() % 1_000_000:06d}"

    def create():
        try:
            backend.client.collections.create(collection_schema(physical))
        except E.ObjectAlreadyExists:  # our own earlier attempt got through
            pass

    _retrying(backend, create)
    return physical


def live_collection(backend: TypesenseBackend) -> str:
    """The physical collection searches use, created (with the alias) when there is none."""
    target = _alias_target(backend)
    if target is not None:
        return target
    if backend.exists:  # a plain collection of that name, made elsewhere: write into it
        return backend.name
    physical = _create(backend)
    _switch(backend, physical)
    return physical


def _switch(backend: TypesenseBackend, physical: str) -> None:
    """Point the alias at ``physical``; drop the collection it pointed at and leftovers."""
    old = _alias_target(backend)
    _retrying(backend, lambda: backend.client.aliases.upsert(backend.name, {"collection_name": physical}))
    listed = _retrying(backend, lambda: backend.client.collections.retrieve())
    for info in listed:
        name = info["name"]
        if name != physical and (name == old or name.startswith(backend.name + _SEP)):
            _drop(backend, name)


def _drop(backend: TypesenseBackend, name: str) -> None:
    import typesense.exceptions as E

    def delete():
        try:
            collection(backend.client, name).delete()
        except E.ObjectNotFound:
            pass

    _retrying(backend, delete)


def _writer(backend: TypesenseBackend, physical: str, on_retry: RetryFn | None) -> BatchWriter:
    return BatchWriter(collection(backend._client_for_import(), physical).documents,
                       batch_size=backend.batch_size, retry_seconds=backend.retry_seconds, on_retry=on_retry)


def load_articles(backend: TypesenseBackend, articles: Iterable[Article], *, rebuild: bool = False,
                  progress: Callable[[int], None] | None = None, on_retry: RetryFn | None = None) -> BatchWriter:
    """Upsert ``articles`` (into a fresh collection swapped in at the end with ``rebuild``).
    ``progress(n)`` is called with the number sent so far."""
    physical = _create(backend) if rebuild else live_collection(backend)
    writer = _writer(backend, physical, on_retry)
    try:
        for n, article in enumerate(articles, 1):
            writer.add(article_to_document(article))
            if progress and n % backend.batch_size == 0:
                progress(n)
        writer.flush()
    except BaseException:
        if rebuild:
            _drop_quietly(backend, physical)
        raise
    if rebuild:
        _switch(backend, physical)
    return writer


def load_files(backend: TypesenseBackend, roots: list, *, rebuild: bool, progress: ProgressFn | None,
               on_problem: ProblemFn | None) -> UpdateReport:
    """Read the article files under ``roots`` into the collection; the local index's report."""
    from ..ingest import extract_file, iter_source_files

    started = time.perf_counter()
    roots = existing_roots(roots)
    report = UpdateReport()

    def problem(err: IngestError) -> None:
        report.failed += 1
        report.problems.append(err)
        if on_problem:
            on_problem(err)

    base = Path.cwd()
    files: dict[str, Path] = {}
    for path in iter_source_files(roots):
        files.setdefault(display_path(path, base), path)
    physical = _create(backend) if rebuild else live_collection(backend)
    writer = _writer(backend, physical, None)
    owner: dict[str, str] = {}
    try:
        for done, (disp, path) in enumerate(files.items(), 1):
            try:
                result = extract_file(path, disp)
            except IngestError as err:
                problem(err)
            else:
                for err in result.problems:
                    problem(err)
                report.warnings.extend(result.warnings)
                for article in result.articles:
                    if article.id in owner:
                        problem(IngestError(disp, f"duplicate article id {article.id!r} "
                                                  f"(already used by {owner[article.id]}); skipped"))
                        continue
                    owner[article.id] = disp
                    writer.add(article_to_document(article))
                    report.articles_added += 1
                report.added += 1
            if progress:
                progress(done, len(files), disp)
        writer.flush()
    except BaseException:
        if rebuild:
            _drop_quietly(backend, physical)
        raise
    for rejected in writer.rejected:
        report.articles_added -= 1
        problem(IngestError(rejected.article_id, f"refused by Typesense: {rejected.reason}"))
    if rebuild:
        _switch(backend, physical)
    counted = backend.settled_count(report.articles_added)
    report.articles, report.undated = counted.total, counted.undated
    report.seconds = time.perf_counter() - started
    return report


def _drop_quietly(backend: TypesenseBackend, name: str) -> None:
    """Best effort after a failed rebuild; a later rebuild drops what is left."""
    try:
        collection(backend.client, name).delete()
    except Exception:  # noqa: BLE001 - the original failure is the one to report
        pass
