"""Hits over time: counts per year, or per month when the hits span a short period.

The counts come from the ``day`` column (``YYYYMMDD``, 0 for undated articles), so a
timeline costs one column read per matching article. Periods between the first and the
last are filled with zeros, so a chart shows the gaps; undated articles are counted apart,
never dropped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

#: Hits spanning at most this many months are counted per month, otherwise per year.
MONTHS_WHEN_SPAN_AT_MOST = 24
#: Above this many periods, empty ones are left out instead of filled with zeros.
MAX_FILLED_PERIODS = 120
UNITS = ("auto", "year", "month")


@dataclass
class Timeline:
    """Counts per period, oldest first: ``buckets`` holds ``(period, count)`` with periods
    written ``YYYY`` or ``YYYY-MM``."""

    unit: str  #: ``"year"`` or ``"month"``
    buckets: list[tuple[str, int]] = field(default_factory=list)
    undated: int = 0

    @property
    def peak(self) -> int:
        """The highest count of one period (0 when there is none)."""
        return max((n for _p, n in self.buckets), default=0)

    def to_dict(self) -> dict[str, Any]:
        """The timeline as documented for ``--json``."""
        return {"unit": self.unit, "buckets": [{"period": p, "count": n} for p, n in self.buckets],
                "undated": self.undated}


def build_timeline(days: Iterable[int], unit: str = "auto") -> Timeline:
    """A :class:`Timeline` from day numbers (``YYYYMMDD``, 0 = undated).

    ``unit="auto"`` counts per month when the dated days span at most
    :data:`MONTHS_WHEN_SPAN_AT_MOST` months, per year otherwise.
    """
    months: Counter[int] = Counter()
    undated = 0
    for day in days:
        if day:
            months[(day // 10000) * 12 + (day // 100) % 100 - 1] += 1
        else:
            undated += 1
    return timeline_from_months(months, undated, unit)


def timeline_from_months(months: Mapping[int, int], undated: int = 0, unit: str = "auto") -> Timeline:
    """A :class:`Timeline` from counts per month, months numbered ``year * 12 + month - 1``."""
    if unit not in UNITS:
        raise ValueError(f"unknown timeline unit {unit!r}")
    if not months:
        return Timeline("year" if unit == "auto" else unit, [], undated)
    first, last = min(months), max(months)
    if unit == "auto":
        unit = "month" if last - first < MONTHS_WHEN_SPAN_AT_MOST else "year"
    if unit == "month":
        counts = Counter(months)
        periods = range(first, last + 1)
        label = month_label
    else:
        counts = Counter()
        for m, n in months.items():
            counts[m // 12] += n
        periods = range(first // 12, last // 12 + 1)
        label = str
    if len(periods) > MAX_FILLED_PERIODS:
        periods = sorted(counts)
    return Timeline(unit, [(label(p), counts.get(p, 0)) for p in periods], undated)


def month_label(m: int) -> str:
    """``YYYY-MM`` for a month numbered ``year * 12 + month - 1``."""
    return f"{m // 12:04d}-{m % 12 + 1:02d}"
