"""Batched, retried, idempotent imports into a Typesense collection.

Documents go in batches through Typesense's import endpoint with ``action=upsert``; a
document's id is derived from its article id (:func:`.documents.doc_id`), so sending an
article twice leaves one document: an interrupted run is resumed by running it again, and
a batch whose answer was lost can simply be sent again.

While a cluster elects a new leader (its leader died or lost its quorum), writes fail for
a moment, either whole (no connection, 5xx) or document by document (``success: false``
without a 4xx code). Those are retried with a growing pause, up to ``retry_seconds`` in all
per batch; a document Typesense refuses for its content (4xx) is reported, not retried.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import BackendError
from .client import is_transient

#: Called as ``on_retry(attempt, reason)`` before each pause.
RetryFn = Callable[[int, str], None]


@dataclass
class Rejected:
    """A document Typesense refused for its content."""

    article_id: str
    reason: str


@dataclass
class BatchWriter:
    """Buffers documents and upserts them ``batch_size`` at a time, retrying transient failures."""

    documents: Any  #: ``client.collections[name].documents``
    batch_size: int = 200
    retry_seconds: float = 60.0
    on_retry: RetryFn | None = None
    written: int = 0
    retries: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    _buffer: list[dict] = field(default_factory=list)

    def add(self, doc: dict) -> None:
        self._buffer.append(doc)
        if len(self._buffer) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Send what is buffered; returns once every document is in or rejected."""
        batch, self._buffer = self._buffer, []
        if batch:
            self._send(batch)

    def _send(self, batch: list[dict]) -> None:
        deadline = time.monotonic() + self.retry_seconds
        pending = batch
        pause = 0.1
        attempt = 0
        while pending:
            try:
                answers = self.documents.import_(pending, {"action": "upsert"})
                failed, reason = self._sort_out(pending, answers)
            except Exception as exc:  # noqa: BLE001 - classified right below
                if not is_transient(exc):
                    raise
                failed, reason = pending, f"{type(exc).__name__}: {exc}".strip()
            self.written += len(pending) - len(failed)
            pending = failed
            if not pending:
                return
            attempt += 1
            self.retries += 1
            if time.monotonic() + pause > deadline:
                raise BackendError(f"Typesense kept failing to store {len(pending)} articles for "
                                   f"{self.retry_seconds:.0f} s: {reason}",
                                   hint="check the cluster (a majority of its nodes must be up), then run "
                                        "the same command again: it resumes without duplicates")
            if self.on_retry:
                self.on_retry(attempt, reason)
            time.sleep(pause)
            pause = min(pause * 2, 2.0)

    def _sort_out(self, pending: list[dict], answers: list[dict]) -> tuple[list[dict], str]:
        """Documents to send again (and why); content rejections are set aside."""
        if len(answers) != len(pending):  # an answer cut short: send the batch again
            return pending, "incomplete answer from the server"
        failed: list[dict] = []
        reason = ""
        for doc, answer in zip(pending, answers):
            if answer.get("success"):
                continue
            code = int(answer.get("code") or 0)
            if 400 <= code < 500 and code != 408:
                self.rejected.append(Rejected(doc.get("article_id", doc.get("id", "?")),
                                              str(answer.get("error", "rejected"))))
            else:
                failed.append(doc)
                reason = str(answer.get("error") or f"code {code}")
        return failed, reason
