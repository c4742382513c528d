"""Which older segments an update merges or drops: only small ones, so an update stays cheap.

Every update adds segments (one per worker), and a search pays a little for each segment,
so they have to be merged now and then. Whoosh's default policy (``MERGE_SMALL``) compares
the running total of documents in the smallest segments with a Fibonacci number of the
segment count; once an index has about 22 segments that test passes for all of them, and
an update of 100 articles rewrites the whole index: about 400 s at 100k articles
(``bench/RESULTS.md``). Whoosh also keeps segments whose documents are all deleted (a JSONL
feed re-indexed every day leaves one behind per update). Here an update drops such segments
(free), and merges only segments with few live documents, in two tiers, so its cost is
bounded whatever the size of the index (replayed over a year of daily 100-article updates
on a 100k index: 35 segments, where merging small ones alone left 62); large segments are
left as written until ``searchdocs index --rebuild``.
"""

from __future__ import annotations

from typing import Sequence

#: A segment with fewer live documents than this is small: the size incremental updates
#: write. Merging ten of them costs seconds, not minutes.
SMALL_DOCS = 1_000
#: Small segments are merged into one once this many have piled up.
MERGE_FACTOR = 10
#: Segments made by those merges (fewer live documents than this) are merged in turn, ten
#: at a time, as long as the ten hold at most :data:`MAX_MERGE_DOCS`: about once in a
#: hundred updates of 100 articles, for 30–40 s (merges copy ~365 articles/s; a build's
#: own segments, ~6,000 articles each, never qualify together).
MEDIUM_DOCS = 5_000
MAX_MERGE_DOCS = 15_000


def plan_merge(counts: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """``(drop, merge)``: positions of the segments, given as ``(live, total)`` document
    counts, that hold no live document, and of those to merge into the new segment: all
    the small ones once there are :data:`MERGE_FACTOR` of them, or as soon as one of them is
    mostly deleted documents; else the :data:`MERGE_FACTOR` smallest medium ones."""
    drop = [i for i, (live, _total) in enumerate(counts) if live == 0]
    small = [i for i, (live, _total) in enumerate(counts) if 0 < live < SMALL_DOCS]
    wasteful = any(counts[i][1] - counts[i][0] > counts[i][0] for i in small)
    if len(small) >= MERGE_FACTOR or wasteful:
        return drop, small
    # the segments earlier merges made, ten at a time, while that stays affordable
    medium = sorted((i for i, (live, _total) in enumerate(counts) if SMALL_DOCS <= live < MEDIUM_DOCS),
                    key=lambda i: counts[i][0])[:MERGE_FACTOR]
    if len(medium) == MERGE_FACTOR and sum(counts[i][0] for i in medium) <= MAX_MERGE_DOCS:
        return drop, sorted(medium)
    return drop, []


def merge_small_segments(writer, segments: list) -> list:
    """A Whoosh merge policy: add the segments :func:`plan_merge` picks to ``writer``, leave
    out the empty ones, and return the segments that stay as they are."""
    from whoosh.reading import SegmentReader

    drop, merge = plan_merge([(seg.doc_count(), seg.doc_count_all()) for seg in segments])
    for i in merge:
        reader = SegmentReader(writer.storage, writer.schema, segments[i])
        try:
            writer.add_reader(reader)
        finally:
            reader.close()
    gone = set(drop) | set(merge)
    return [seg for i, seg in enumerate(segments) if i not in gone]
