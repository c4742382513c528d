"""Which older segments an update merges: only small ones, so an update stays cheap.

Every update adds segments (one per worker), and a search pays a little for each segment,
so they have to be merged now and then. Whoosh's default policy (``MERGE_SMALL``) compares
the running total of documents in the smallest segments with a Fibonacci number of the
segment count; once an index has about 22 segments that test passes for all of them, and
an update of 100 articles rewrites the whole index: about 400 s at 100k articles
(``bench/RESULTS.md``). Here an update only ever merges segments that are small, so its
cost is bounded whatever the size of the index; large segments are left as written until
``searchdocs index --rebuild``.
"""

from __future__ import annotations

from typing import Sequence

#: A segment with fewer documents than this (deleted ones included) is small: the size
#: incremental updates write. Merging ten of them costs seconds, not minutes.
SMALL_DOCS = 1_000
#: Small segments are merged into one once this many have piled up.
MERGE_FACTOR = 10


def plan_merge(doc_counts: Sequence[int]) -> list[int]:
    """Positions of the segments (given by document count) to merge into the new segment:
    all the small ones once there are :data:`MERGE_FACTOR` of them, else none."""
    small = [i for i, n in enumerate(doc_counts) if n < SMALL_DOCS]
    return small if len(small) >= MERGE_FACTOR else []


def merge_small_segments(writer, segments: list) -> list:
    """A Whoosh merge policy: add the segments :func:`plan_merge` picks to ``writer`` and
    return the segments that stay as they are."""
    from whoosh.reading import SegmentReader

    chosen = set(plan_merge([seg.doc_count_all() for seg in segments]))
    for i in sorted(chosen):
        reader = SegmentReader(writer.storage, writer.schema, segments[i])
        try:
            writer.add_reader(reader)
        finally:
            reader.close()
    return [seg for i, seg in enumerate(segments) if i not in chosen]
