"""A Whoosh segment writer whose postings pool costs little per posting.

Whoosh's ``SegmentWriter`` sends every posting through a general external sort: a 5-tuple
and a size estimate per posting, pickled run files whenever the pool passes its memory limit,
a heap merge of the runs, and then, while writing, a column lookup per posting for the
document's field length. searchdocs writes ~800 postings per article, so that machinery was
most of the build time (``bench/RESULTS.md``).

:class:`FastSegmentWriter` keeps the segment's postings in memory per field as flat arrays
in arrival order (:class:`FlatPostings`: a term id, document, weight and encoded value per
posting), so adding a document is a few C-level ``extend`` calls; writing sorts them by term
once per field (a stable sort keeps each term's documents in order), slices out each term's
postings in term order, takes field lengths from a dict filled while adding, and writes whole
blocks at once; postings copied from merged segments go to per-term buffers instead. Terms
with at most :data:`INLINE_LIMIT` postings are stored inside their term-table entry instead
of as a block of the postings file (Whoosh 2.7.5 reads such terms; its own writer's inlining
is broken and off by default). The files are ordinary Whoosh W3 segments. Memory grows with the segment;
callers start a new segment when :meth:`FastSegmentWriter.flush_due` says so.
"""

from __future__ import annotations

import struct
import zlib
from array import array
from collections import Counter, defaultdict
from hashlib import md5
from itertools import accumulate, count
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from .postings import blocks, is_w3

#: Terms with this many postings or fewer live in the term table (no postings block).
INLINE_LIMIT = 4
#: New postings grouped by term with numpy above this many (a sort in Python below: small
#: updates then never import numpy).
NUMPY_GROUP_MIN = 200_000
#: Postings a segment may hold in memory before the caller should start a new one (a few
#: hundred MB per worker). With the flat pool, a 100k build's process tree peaks at 807-833
#: MB with 4M (20 segments); 5M gave 920 MB and was no faster, so 4M stays.
FLUSH_POSTINGS = 4_000_000


def _quantised(length: int) -> int:
    """A field length as Whoosh stores it (one byte, lossy)."""
    return byte_to_length(length_to_byte(length))


class FlatPostings:
    """One field's postings of newly added documents, in arrival order: a term id, document,
    weight and encoded value per posting. Adding a document's postings is then a few C-level
    ``extend`` calls instead of a dict lookup and three appends per posting; they are grouped
    by term (:meth:`MemoryPool.group`) before writing or merging."""

    __slots__ = ("ids", "tids", "docs", "weights", "values")

    def __init__(self) -> None:
        self.ids: defaultdict[str, int] = defaultdict(count().__next__)  #: term text → id, first seen first
        self.tids = array("I")
        self.docs = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []


class MemoryPool:
    """The postings of one segment, grouped by field and term; stands in for Whoosh's
    ``PostingPool`` (``add`` takes the same 5-tuples, for merges of older segments)."""

    def __init__(self) -> None:
        #: field → term bytes → [docnums, weights, values]
        self.fields: dict[str, dict[bytes, list[Any]]] = {}
        #: field → postings of documents added since the last :meth:`group`
        self.flat: dict[str, FlatPostings] = {}
        #: field → docnum → quantised field length (scorable fields only)
        self.lengths: dict[str, dict[int, int]] = {}
        self.postings = 0
        self.fieldnames: set[str] = set()  # Whoosh's multiprocessing writer reads this
        self.merged = False  #: postings came through ``add`` (a merge): lengths are not known

    def terms(self, fieldname: str) -> dict[bytes, list[Any]]:
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        return terms

    def flat_field(self, fieldname: str) -> FlatPostings:
        """Where a document's postings for ``fieldname`` are added (in document order)."""
        flat = self.flat.get(fieldname)
        if flat is None:
            self.terms(fieldname)
            flat = self.flat[fieldname] = FlatPostings()
        return flat

    def group(self) -> None:
        """Move the flat postings into the per-term buffers (after any postings already there:
        documents arrive in order, so each term's documents stay sorted)."""
        flats, self.flat = self.flat, {}
        for fieldname, flat in flats.items():
            if flat.tids:
                _group_into(self.terms(fieldname), flat)

    def add(self, item: tuple) -> None:
        if self.flat:
            self.group()
        fieldname, tbytes, docnum, weight, vbytes = item
        buf = self.terms(fieldname).get(tbytes)
        if buf is None:
            buf = self.fields[fieldname][tbytes] = [array("I"), array("f"), []]
        buf[0].append(docnum)
        buf[1].append(weight)
        if vbytes:
            buf[2].append(vbytes)
        self.postings += 1
        self.merged = True

    def cleanup(self) -> None:
        self.fields.clear()
        self.flat.clear()
        self.lengths.clear()
        self.postings = 0

    def write(self, fieldwriter, schema, blocklimit: int) -> None:
        """Write every term of every field, in order, through a W3 ``fieldwriter``: the
        bytes Whoosh's own writer produces, built in memory per field and written at once."""
        for fieldname in sorted(self.fields):
            flat = self.flat.pop(fieldname, None)
            terms = self.fields[fieldname]
            if flat is not None and flat.tids and terms:  # merged postings too: group them all
                _group_into(terms, flat)
                flat = None
            if flat is not None and flat.tids:
                rows = _sorted_rows(flat)
            else:
                rows = ((tbytes, *terms[tbytes]) for tbytes in sorted(terms))
            fieldobj = schema[fieldname]
            fieldwriter.start_field(fieldname, fieldobj)
            table = _TermTable(fieldwriter._tindex, pack_ushort(fieldwriter._fieldid))
            postfile = fieldwriter._postfile
            fixed = fieldobj.format.fixed_value_size()
            lengths = self.lengths.get(fieldname)
            postings = bytearray()
            start = postfile.tell()
            for tbytes, docs, weights, values in rows:
                if len(docs) <= INLINE_LIMIT:
                    table.add(tbytes, _inline_info(docs, weights, values, lengths))
                else:
                    offset = start + len(postings)
                    info = _write_blocks(postings, docs, weights, values, lengths, fixed, blocklimit)
                    table.add(tbytes, info + _pack_long(offset) + _pack_int(start + len(postings) - offset))
            postfile.write(bytes(postings))
            table.flush()
            fieldwriter.finish_field()


def _sorted_postings(flat: FlatPostings) -> tuple[list[int], array, array, list[bytes]]:
    """``flat``'s postings grouped by term id, each term's in arrival order: the end of each
    term's run, and the documents, weights and values in that order."""
    n = len(flat.tids)
    if n >= NUMPY_GROUP_MIN:
        import numpy as np

        tids = np.frombuffer(flat.tids, dtype=np.dtype(flat.tids.typecode))
        order = np.argsort(tids, kind="stable")
        ends = np.cumsum(np.bincount(tids, minlength=len(flat.ids))).tolist()
        docs = array(flat.docs.typecode, np.frombuffer(flat.docs, dtype=np.dtype(flat.docs.typecode))[order].tobytes())
        weights = array(flat.weights.typecode,
                        np.frombuffer(flat.weights, dtype=np.dtype(flat.weights.typecode))[order].tobytes())
        values = np.array(flat.values, dtype=object)[order].tolist()
        return ends, docs, weights, values
    order = sorted(range(n), key=flat.tids.__getitem__)  # stable: arrival order within a term
    counts = Counter(flat.tids)
    ends = list(accumulate(map(counts.__getitem__, range(len(flat.ids)))))
    return (ends, array(flat.docs.typecode, map(flat.docs.__getitem__, order)),
            array(flat.weights.typecode, map(flat.weights.__getitem__, order)), list(map(flat.values.__getitem__, order)))


def _sorted_rows(flat: FlatPostings):
    """``(term bytes, docs, weights, values)`` per term of ``flat``, in the order of the
    terms' bytes (the term table's): slices of the grouped postings, made one at a time."""
    encoded = list(map(str.encode, flat.ids))
    ends, docs, weights, values = _sorted_postings(flat)
    flat.tids = flat.docs = flat.weights = flat.values = None  # the caller's copy is spent: free it now
    for tid in sorted(range(len(encoded)), key=encoded.__getitem__):
        end = ends[tid]
        start = ends[tid - 1] if tid else 0
        yield encoded[tid], docs[start:end], weights[start:end], values[start:end]


def _group_into(terms: dict[bytes, list[Any]], flat: FlatPostings) -> None:
    """Add ``flat``'s postings to ``terms`` (term bytes → [docnums, weights, values]), each
    term's in arrival order (for a segment that also merges others: rare)."""
    ends, docs, weights, values = _sorted_postings(flat)
    start = 0
    get = terms.get
    for text, end in zip(flat.ids, ends):
        tbytes = text.encode()
        buf = get(tbytes)
        if buf is None:
            buf = terms[tbytes] = [array(flat.docs.typecode), array(flat.weights.typecode), []]
        buf[0] += docs[start:end]
        buf[1] += weights[start:end]
        buf[2] += values[start:end]
        start = end


#: W3TermInfo's fixed part: flags, total weight, doc freq, min/max length byte, max weight,
#: first and last document.
_TERMINFO = struct.Struct("!BfIBBfII")
#: The key and value lengths before each term-table entry (``HashWriter.add``).
_LENGTHS = struct.Struct("!ii")
_pack_long = struct.Struct("!q").pack
_pack_int = struct.Struct("!i").pack
_HEADER = b"W3Bl"  # whoosh.codec.whoosh3.WHOOSH3_HEADER_MAGIC
_COMPRESSION = 3  # W3Codec's default, which every block is compressed with


class _TermTable:
    """The term-table rows of one field, gathered and written in one go: the same entries,
    hashes and key index as ``OrderedHashWriter.add`` per term (md5 of the key, low 32 bits)."""

    def __init__(self, tindex, prefix: bytes) -> None:
        self.tindex = tindex
        self.prefix = prefix
        self.start = tindex.dbfile.tell()
        self.buf = bytearray()
        self.positions: list[int] = []
        self.hashes: list[tuple[int, int]] = []

    def add(self, tbytes: bytes, value: bytes) -> None:
        key = self.prefix + tbytes
        pos = self.start + len(self.buf)
        self.positions.append(pos)
        self.buf += _LENGTHS.pack(len(key), len(value))
        self.buf += key
        self.buf += value
        self.hashes.append((int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:], "big"), pos))

    def flush(self) -> None:
        """Write the rows and register them with the hash writer (buckets, key index)."""
        if not self.positions:
            return
        tindex = self.tindex
        if self.prefix <= tindex.lastkey:  # fields must come in order (keys within one are sorted)
            raise ValueError(f"term keys must increase: {tindex.lastkey!r} before field {self.prefix!r}")
        tindex.dbfile.write(bytes(self.buf))
        tindex.index.extend(self.positions)
        buckets = tindex.buckets
        for h, pos in self.hashes:
            buckets[h & 255].append((h, pos))
        tindex.lastkey = self.prefix + b"\xff"  # after every key of this field


def _length_stats(docs, lengths: dict[int, int] | None) -> tuple[int | None, int]:
    """(shortest non-zero, longest) field length of ``docs``; ``(None, 0)`` unscored."""
    if not lengths:
        return None, 0
    ls = [lengths.get(d, 0) for d in docs]
    nonzero = [x for x in ls if x]
    return (min(nonzero) if nonzero else None), max(ls)


def _inline_info(docs, weights, values, lengths: dict[int, int] | None) -> bytes:
    """A term-table value with the postings inline (``W3TermInfo.to_bytes``)."""
    minlength, maxlength = _length_stats(docs, lengths)
    head = _TERMINFO.pack(1, float(sum(weights)), len(docs), 0 if minlength is None else length_to_byte(minlength),
                          length_to_byte(maxlength), max(weights), docs[0], docs[-1])
    return head + dumps((tuple(docs), tuple(weights), tuple(values)), 2)


def _write_blocks(out: bytearray, docs, weights, values, lengths: dict[int, int] | None, fixed: int | None,
                  blocklimit: int) -> bytes:
    """Append a term's posting blocks to ``out`` as ``W3PostingsWriter`` writes them; return
    the fixed part of its term info (the caller adds the extent)."""
    out += _HEADER
    n = len(docs)
    total = 0.0
    minlength = None
    maxlength = 0
    maxweight = 0
    for k in range(0, n, blocklimit):
        end = min(k + blocklimit, n)
        ids = docs[k:end]
        ws = weights[k:end]
        total += sum(ws)
        bmin, bmax = _length_stats(ids, lengths)
        if minlength is None:
            minlength = bmin
        elif bmin is not None:
            minlength = min(minlength, bmin)
        maxlength = max(maxlength, bmax)
        bmaxweight = max(ws)
        maxweight = max(maxweight, bmaxweight)
        # W3PostingsWriter._mini_*: ids as deltas, weights minified, values as the format stores them
        prev = array("I", [0])
        prev += ids[:-1]
        mini_ids = tuple(map(sub, ids, prev))
        first = ws[0]
        if all(w == 1.0 for w in ws):
            mini_weights = None
        elif all(w == first for w in ws):
            mini_weights = first
        else:
            mini_weights = tuple(ws)
        if fixed is None or fixed < 0:
            mini_values = tuple(values[k:end])
        elif fixed == 0:
            mini_values = None
        else:
            mini_values = b"".join(values[k:end])
        data = zlib.compress(dumps((mini_ids, mini_weights, mini_values), 2), _COMPRESSION)
        info = dumps((len(ids), ids[-1], bmaxweight, _COMPRESSION, length_to_byte(bmin), length_to_byte(bmax)), 2)
        size = len(info) + len(data)
        out += _pack_int(-size if end == n else size)
        out += info
        out += data
    return _TERMINFO.pack(0, total, n, 0 if minlength is None else length_to_byte(minlength),
                          length_to_byte(maxlength), maxweight, docs[0], docs[-1])


class FastSegmentWriter(SegmentWriter):
    """A ``SegmentWriter`` with a :class:`MemoryPool`; same files, same commit protocol."""

    def __init__(self, ix, **kwargs) -> None:
        kwargs.setdefault("compound", False)
        super().__init__(ix, **kwargs)
        self.pool = MemoryPool()

    def flush_due(self) -> bool:
        """True when this segment holds enough postings that a new one should be started."""
        return self.pool.postings >= FLUSH_POSTINGS

    def add_document(self, **fields) -> None:
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        pool = self.pool
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in names:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed and hasattr(field, "add_postings"):  # searchdocs' analysed text
                    n, length = field.add_postings(value, pool.flat_field(fieldname), docnum)
                    pool.postings += n
                    if length:
                        pool.lengths.setdefault(fieldname, {})[docnum] = _quantised(length)
                elif field.indexed:
                    terms = pool.terms(fieldname)
                    scorable = field.scorable
                    n = 0
                    for tbytes, freq, weight, vbytes in field.index(value):
                        buf = terms.get(tbytes)
                        if buf is None:
                            buf = terms[tbytes] = [array("I"), array("f"), []]
                        buf[0].append(docnum)
                        buf[1].append(weight)
                        if vbytes:
                            buf[2].append(vbytes)
                        if scorable:
                            length += freq
                        n += 1
                    pool.postings += n
                    if length:
                        pool.lengths.setdefault(fieldname, {})[docnum] = _quantised(length)
                perdocwriter.add_field(fieldname, field, value if field.stored else None, length)
                column = field.column_type
                if column:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def add_reader(self, reader) -> None:
        """Merge a segment, carrying its fields' total lengths (what BM25 averages) over
        exactly where they are known: Whoosh sums the merged documents' one-byte lengths,
        which round up and moved scores by ~0.2 % after a merge. A segment's stored total
        still counts its deleted documents, whose lengths are only known rounded, so when
        those outweigh the live ones Whoosh's sum is the closer figure and is kept."""
        totals = getattr(self.perdocwriter, "_fieldlengths", None)
        before = dict(totals) if totals is not None else None
        super().add_reader(reader)
        if totals is None:
            return
        deleted = reader.deleted_docs_set if reader.has_deletions() else ()
        for name in self.schema.scorable_names():
            live_rounded = totals.get(name, 0) - before.get(name, 0)  # Whoosh's sum
            deleted_rounded = sum(reader.doc_field_length(d, name) or 0 for d in deleted)
            if deleted_rounded <= live_rounded:
                exact = reader.field_length(name) - deleted_rounded
                if exact > 0:
                    totals[name] = before.get(name, 0) + exact

    def add_postings_to_pool(self, reader, startdoc: int, docmap: dict | None) -> None:
        """Copy a merged segment's postings into the pool a block at a time, walking its term
        table in order (Whoosh looks every term up twice and copies posting by posting: 10 ms
        an article, so merging 1,000 articles took 10 s)."""
        terms = getattr(reader, "_terms", None)
        if not is_w3(terms) or not hasattr(terms, "items"):  # not a W3 segment: Whoosh's way
            super().add_postings_to_pool(reader, startdoc, docmap)
            return
        schema = self.schema
        pool = self.pool
        pool.group()  # this segment's own documents come first
        deleted = reader.deleted_docs_set if reader.has_deletions() else None
        for (fieldname, tbytes), terminfo in terms.items():
            if fieldname not in schema:
                continue
            buf = None
            for ids, weights, values in blocks(terms, terminfo, schema[fieldname].format):
                if deleted is not None:
                    keep = [k for k, doc in enumerate(ids) if doc not in deleted]
                    if not keep:
                        continue
                    ids = [docmap[ids[k]] for k in keep]
                    weights = [weights[k] for k in keep]
                    values = [values[k] for k in keep] if values else ()
                elif docmap is not None:
                    ids = [docmap[doc] for doc in ids]
                else:
                    ids = [startdoc + doc for doc in ids]
                if buf is None:
                    buf = pool.terms(fieldname).get(tbytes)
                    if buf is None:
                        buf = pool.fields[fieldname][tbytes] = [array("I"), array("f"), []]
                buf[0].extend(ids)
                buf[1].extend(weights)
                buf[2].extend(v for v in values if v)
                pool.postings += len(ids)
        pool.merged = True

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        if self.pool.merged:  # documents copied from merged segments: read their lengths back
            reader = self.per_document_reader()
            try:
                for fieldname in self.pool.fields:
                    if self.schema[fieldname].scorable:
                        known = self.pool.lengths.setdefault(fieldname, {})
                        for docnum in range(self.docbase, self.docnum):
                            if docnum not in known:
                                known[docnum] = reader.doc_field_length(docnum, fieldname) or 0
            finally:
                reader.close()
        self.pool.write(self.fieldwriter, self.schema, self.codec._blocklimit)
        self.fieldwriter.close()


def commit_segments(writer: SegmentWriter, segments: list) -> None:
    """Commit ``writer`` (its deletions, merges and own documents) together with finished
    ``segments`` written by other writers of the same index: one new generation holding all
    of them, or, if this fails, none (Whoosh writes the TOC last). Older segments are merged
    by :func:`~searchlib.merging.merge_small_segments`, never by Whoosh's default policy."""
    from .merging import merge_small_segments

    final = merge_small_segments(writer, writer.segments)
    final += segments
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final)
    writer._finish()
