"""Reading a term's posting list a block at a time, for the two places that want all of it.

Whoosh hands postings out one at a time through a matcher (``is_active``, ``id``, ``next``:
three Python calls a posting). A merge copies every posting of a segment and a search's
match set needs every document of its terms, so both read whole blocks instead: the arrays
Whoosh's own W3 block reader decodes, without the per-posting calls. Only W3 segments (the
codec whoosh-reloaded writes, pinned in pyproject.toml) are read this way; callers fall back
to Whoosh's matchers for anything else.
"""

from __future__ import annotations

from typing import Any, Iterator, Sequence

from whoosh.reading import TermNotFound


def is_w3(terms) -> bool:
    """True when ``terms`` (a segment's terms reader) can be read block by block."""
    return hasattr(getattr(terms, "_codec", None), "postings_reader") and hasattr(terms, "_postfile")


def _block_matchers(terms, terminfo, format_) -> Iterator:
    """Whoosh's W3 block reader, stopped at each block of a term stored as blocks."""
    m = terms._codec.postings_reader(terms._postfile, terminfo, format_)
    while m.is_active():
        yield m
        m._next_block()


def blocks(terms, terminfo, format_) -> Iterator[tuple[Sequence[int], Sequence[float], Sequence]]:
    """``(ids, weights, values)`` of each block of one term; ``values`` is ``()`` when the
    format stores none."""
    if terminfo.is_inlined():
        ids, weights, values = terminfo.inlined_postings()
        yield ids, weights, values if values and len(values) == len(ids) else ()
        return
    for m in _block_matchers(terms, terminfo, format_):
        m._read_ids()
        m._read_weights()
        m._read_values()
        yield m._ids, m._weights, m._values


def id_blocks(terms, terminfo, format_) -> Iterator[Sequence[int]]:
    """The document numbers of each block of one term (deleted documents included)."""
    if terminfo.is_inlined():
        yield terminfo.inlined_postings()[0]
        return
    for m in _block_matchers(terms, terminfo, format_):
        m._read_ids()
        yield m._ids


def term_docs(searcher, fieldname: str, text) -> set[int] | None:
    """Every live document of ``searcher`` (top-level numbers) holding the term, or ``None``
    when a segment is not W3 (then ask Whoosh)."""
    out: set[int] = set()
    if fieldname not in searcher.schema:
        return out
    format_ = searcher.schema[fieldname].format
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        terms = getattr(reader, "_terms", None)
        if not is_w3(terms):
            return None
        tbytes = reader._text_to_bytes(fieldname, text)
        try:
            terminfo = terms.term_info(fieldname, tbytes)
        except TermNotFound:  # not in this segment (damage raises other errors, reported as such)
            continue
        local: set[int] = set()
        for ids in id_blocks(terms, terminfo, format_):
            local.update(ids)
        if reader.has_deletions():
            local -= reader.deleted_docs_set
        out.update(map(offset.__add__, local) if offset else local)
    return out


def stored_blocks(terms, terminfo, format_) -> Iterator[tuple[int, tuple, Any, Sequence | None, bool]]:
    """``(last id, ids, weights, values, delta-coded)`` of each block of one term, as the
    W3 codec pickled them: ids delta-coded within the block (absolute for an inlined
    term), weights ``None`` (all 1.0), one float (all equal) or one per posting, values
    ``None`` when the format stores none. For readers that decode whole arrays at once."""
    if terminfo.is_inlined():
        ids, weights, values = terminfo.inlined_postings()
        yield (ids[-1] if ids else 0), ids, weights, (values if values and len(values) == len(ids) else None), False
        return
    for m in _block_matchers(terms, terminfo, format_):
        if m._data is None:
            m._read_data()
        ids, weights, values = m._data
        yield m._maxid, ids, weights, (values if isinstance(values, (tuple, list)) else None), not m._byteids
