"""The :class:`Article` record: what the ingester produces and the index stores."""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One press release, cleaned, with the metadata the ingester found.

    ``id`` is stable across runs (given by the source, or derived from the file path and,
    for JSONL, the line number). ``date`` is ``None`` when the text names no full date:
    the ingester never invents one. ``people`` holds canonical display names (with
    diacritics when known), ``topics`` labels from the topic taxonomy.
    """

    id: str
    path: str
    title: str
    body: str
    date: _dt.date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    people: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    lang: str = "en"

    @property
    def year(self) -> int | None:
        """The publication year, or ``None`` for undated articles."""
        return self.date.year if self.date else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every field (``date`` as ``YYYY-MM-DD`` or ``None``)."""
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data
