"""A Whoosh segment writer whose postings pool costs little per posting.

Whoosh's ``SegmentWriter`` sends every posting through a general external sort: a 5-tuple
and a size estimate per posting, pickled run files whenever the pool passes its memory limit,
a heap merge of the runs, and then, while writing, a column lookup per posting for the
document's field length. searchdocs writes ~800 postings per article, so that machinery was
most of the build time (``bench/RESULTS.md``).

:class:`FastSegmentWriter` keeps the segment's postings in memory by field and term (an
array of document numbers, an array of weights, a list of encoded values), in document order
as they arrive: writing sorts only each field's term keys, takes field lengths from a dict
filled while adding, and writes whole blocks at once. Terms with at most
:data:`INLINE_LIMIT` postings are stored inside their term-table entry instead of as a block
of the postings file (Whoosh 2.7.5 reads such terms; its own writer's inlining is broken and
off by default). The files are ordinary Whoosh W3 segments. Memory grows with the segment;
callers start a new segment when :meth:`FastSegmentWriter.flush_due` says so.
"""

from __future__ import annotations

from array import array
from typing import Any

from whoosh.codec.whoosh3 import W3TermInfo
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

#: Terms with this many postings or fewer live in the term table (no postings block).
INLINE_LIMIT = 4
#: Postings a segment may hold in memory before the caller should start a new one (~40 B
#: each with the term tables: a few hundred MB).
FLUSH_POSTINGS = 5_000_000


def _quantised(length: int) -> int:
    """A field length as Whoosh stores it (one byte, lossy)."""
    return byte_to_length(length_to_byte(length))


class MemoryPool:
    """The postings of one segment, grouped by field and term; stands in for Whoosh's
    ``PostingPool`` (``add`` takes the same 5-tuples, for merges of older segments)."""

    def __init__(self) -> None:
        #: field → term bytes → [docnums, weights, values]
        self.fields: dict[str, dict[bytes, list[Any]]] = {}
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

    def add(self, item: tuple) -> None:
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
        self.lengths.clear()
        self.postings = 0

    def write(self, fieldwriter, schema, blocklimit: int) -> None:
        """Write every term of every field, in order, through a W3 ``fieldwriter``."""
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            fieldobj = schema[fieldname]
            fieldwriter.start_field(fieldname, fieldobj)
            key = pack_ushort(fieldwriter._fieldid)
            add_term = fieldwriter._tindex.add
            pw = fieldwriter._postwriter
            fmt = fieldobj.format
            lengths = self.lengths.get(fieldname)
            for tbytes in sorted(terms):
                docs, weights, values = terms[tbytes]
                info = W3TermInfo()
                if len(docs) <= INLINE_LIMIT:
                    _stats(info, docs, weights, lengths)
                    info.set_inlined(docs, weights, values)
                else:
                    pw.start_postings(fmt, info)
                    n = len(docs)
                    for k in range(0, n, blocklimit):
                        end = min(k + blocklimit, n)
                        pw._ids = docs[k:end]
                        pw._weights = weights[k:end]
                        pw._values = values[k:end] if values else []
                        pw._maxweight = max(pw._weights)
                        if lengths:
                            ls = [lengths.get(d, 0) for d in pw._ids]
                            nonzero = [x for x in ls if x]
                            pw._minlength = min(nonzero) if nonzero else None
                            pw._maxlength = max(ls)
                        else:
                            pw._minlength, pw._maxlength = None, 0
                        pw._write_block(last=end == n)
                    info.set_extent(pw._startoffset, pw._postfile.tell() - pw._startoffset)
                    pw._terminfo = None
                add_term(key + tbytes, info.to_bytes())
            fieldwriter.finish_field()


def _stats(info: W3TermInfo, docs, weights, lengths: dict[int, int] | None) -> None:
    """The term statistics Whoosh's ``TermInfo.add_block`` would compute, for inline terms."""
    info._weight = float(sum(weights))
    info._df = len(docs)
    info._maxweight = max(weights)
    info._minid, info._maxid = docs[0], docs[-1]
    if lengths:
        ls = [lengths.get(d, 0) for d in docs]
        nonzero = [x for x in ls if x]
        info._minlength = min(nonzero) if nonzero else None
        info._maxlength = max(ls)


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
                    n, length = field.add_postings(value, pool.terms(fieldname), docnum)
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
    of them, or, if this fails, none (Whoosh writes the TOC last)."""
    final = writer._merge_segments(None, None, None)
    final += segments
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final)
    writer._finish()
