"""Text bar charts: the timeline under search results and in ``searchdocs stats``.

Bars are drawn with block characters at 1/8-cell resolution, so they read in a plain pipe,
with NO_COLOR and in a README alike. Every period with hits gets at least a sliver.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..timeline import Timeline

_EIGHTHS = " ▏▎▍▌▋▊▉"
BAR_WIDTH = 40


def bar(count: int, peak: int, width: int = BAR_WIDTH) -> str:
    """A bar of ``count`` against the longest, ``peak``, which fills ``width`` cells."""
    if count <= 0 or peak <= 0:
        return ""
    eighths = max(1, round(count * width * 8 / peak))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def timeline_title(timeline: Timeline) -> str:
    return f"Hits per {timeline.unit}"


def timeline_rows(timeline: Timeline, width: int = BAR_WIDTH) -> list[tuple[str, str, str]]:
    """``(period, bar, count)`` rows, oldest first, then ``undated`` (count only)."""
    peak = timeline.peak
    rows = [(period, bar(count, peak, width), str(count)) for period, count in timeline.buckets]
    if timeline.undated:
        rows.append(("undated", "", str(timeline.undated)))
    return rows


def timeline_lines(timeline: Timeline, width: int = BAR_WIDTH) -> list[str]:
    """The chart as plain lines: ``2025  ████████▍  12``, counts right-aligned."""
    rows = timeline_rows(timeline, width)
    if not rows:
        return []
    label_w = max(len(r[0]) for r in rows)
    count_w = max(len(r[2]) for r in rows)
    return [f"{label:<{label_w}}  {bars:<{width}}  {count:>{count_w}}".rstrip() for label, bars, count in rows]
