"""The Whoosh schema and the mapping from :class:`Article` to index fields and back.

Field plan (postings are what indexing costs, so each field earns its place):

- ``title``: exact text (tones canonical), all articles; stored.
- ``body``: exact text, Vietnamese articles; ``body_acc``: only the accented tokens of
  English articles (names); ``body_pairs``: folded syllable pairs, Vietnamese articles.
- ``title_fold``/``body_fold``: folded text with place variants, positions for phrases.
- ``body_en``: stemmed English, filled only for English articles (R14), no positions.
- ``text``: the cleaned body, stored once for snippets, ``extract`` and ``get``.
- filters: ``source_key``, ``people`` and ``topics`` keyword fields of folded keys,
  ``lang``, and ``day`` (YYYYMMDD) for date ranges.
- facets and sorting read columns, not stored fields: ``year``, ``day``, ``source``,
  ``people_names``, ``topic_names``. Counting from columns over the matched documents is
  an order of magnitude cheaper than Whoosh's ``groupedby`` (performance-notes.md).
"""

from __future__ import annotations

import datetime as _dt
import sys
from array import array
from bisect import bisect_right
from collections import Counter, OrderedDict, defaultdict
from itertools import repeat
from operator import itemgetter
from typing import Any, Mapping

from whoosh import columns
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.formats import Positions
from whoosh.system import pack_uint

from .analysis import analyse, analyzers
from .article import Article
from .textnorm import fold_key

#: Bump when the schema or the analysis changes incompatibly; old indexes then ask for --rebuild.
SCHEMA_VERSION = 4

#: Separator of multi-valued column values (never appears in names or labels).
MULTI_SEP = "\x1f"


#: Encoded values shared by many postings (they are immutable bytes): a frequency, and a
#: positions list of one position (the commonest posting), by position.
_FREQ_BYTES = [pack_uint(i) for i in range(256)]
_ONE_POSITION: dict[int, bytes] = {}
_ONE_POSITION_LIST: list[bytes] = []


def _one_position_values(last: int) -> list[bytes]:
    """The encoded one-position lists for positions 0 to ``last`` (shared bytes objects)."""
    values = _ONE_POSITION_LIST
    if len(values) <= last:
        encode = Positions().encode
        values.extend(encode([pos]) for pos in range(len(values), last + 1))
    return values


def _first_and_repeated(texts, positions) -> tuple[dict[str, int], dict[str, list[int]]]:
    """The terms that occur once, with their position, and the others with all their
    positions in order: most terms occur once, and need no list of their own."""
    first: dict[str, int] = {}
    repeated: dict[str, list[int]] = {}
    seen = first.setdefault
    for text, pos in zip(texts, positions):
        if seen(text, pos) != pos:
            more = repeated.get(text)
            if more is None:
                repeated[text] = [first[text], pos]
            else:
                more.append(pos)
    for text in repeated:
        del first[text]
    return first, repeated


def _positions(stream) -> defaultdict[str, list[int]]:
    """Each term of an analysed ``stream`` with the positions it occurs at, in order."""
    positions: defaultdict[str, list[int]] = defaultdict(list)
    for text, pos, _start, _end in stream:
        positions[text].append(pos)
    return positions


class AnalysedText(TEXT):
    """A TEXT field whose postings come straight from :func:`searchlib.analysis.analyse`.

    Same terms, frequencies, weights and encoded positions as Whoosh's own
    ``format.word_values`` over the field's analyzer (which stays in place for queries and
    highlighting), without building a Token object per token per field: a document's body
    is analysed once and feeds three fields.
    """

    def index(self, value, **kwargs):
        stream = analyse(value, kwargs.get("mode", "index")).get(self.analyzer.kind)
        boost = self.format.field_boost
        if isinstance(self.format, Positions):
            positions = _positions(stream)
            encode = self.format.encode
            for text, poslist in positions.items():
                if len(poslist) == 1:  # most terms: one shared bytes object per position
                    pos = poslist[0]
                    vbytes = _ONE_POSITION.get(pos)
                    if vbytes is None:
                        vbytes = _ONE_POSITION[pos] = encode(poslist)
                    yield text.encode("utf-8"), 1, boost, vbytes
                else:
                    yield text.encode("utf-8"), len(poslist), len(poslist) * boost, encode(poslist)
        else:
            for text, freq in Counter(map(itemgetter(0), stream)).items():
                yield text.encode("utf-8"), freq, freq * boost, _FREQ_BYTES[freq] if freq < 256 else pack_uint(freq)


    def add_postings(self, value: str, flat, docnum: int) -> tuple[int, int]:
        """Add this field's postings of document ``docnum`` to a segment pool's
        :class:`~searchlib.segwriter.FlatPostings`: the same postings as :meth:`index`, added
        with a few C-level ``extend`` calls. Returns (postings, length)."""
        texts, positions = analyse(value, "index").terms(self.analyzer.kind)
        if not texts:
            return 0, 0
        boost = self.format.field_boost
        ids = flat.ids
        if isinstance(self.format, Positions):
            first, repeated = _first_and_repeated(texts, positions)
            one = _one_position_values(positions[-1])
            n = len(first)  # terms at one position: shared values, weight 1 * boost
            flat.tids.extend(map(ids.__getitem__, first))
            flat.docs.extend(repeat(docnum, n))
            flat.weights.extend(repeat(boost, n))
            flat.values.extend(map(one.__getitem__, first.values()))
            if repeated:
                encode = self.format.encode
                flat.tids.extend(map(ids.__getitem__, repeated))
                flat.docs.extend(repeat(docnum, len(repeated)))
                flat.weights.extend([len(poslist) * boost for poslist in repeated.values()])
                flat.values.extend(map(encode, repeated.values()))
            return n + len(repeated), len(texts)
        counts = Counter(texts)
        flat.tids.extend(map(ids.__getitem__, counts))
        flat.docs.extend(repeat(docnum, len(counts)))
        flat.weights.extend([freq * boost for freq in counts.values()])
        flat.values.extend([_FREQ_BYTES[freq] if freq < 256 else pack_uint(freq) for freq in counts.values()])
        return len(counts), len(texts)


def build_schema() -> Schema:
    """The schema every searchdocs index is created with."""
    an = analyzers()
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True),
        title=AnalysedText(analyzer=an["exact"], stored=True, phrase=True),
        title_fold=AnalysedText(analyzer=an["folded"], phrase=True),
        body=AnalysedText(analyzer=an["exact"], phrase=True),
        body_acc=AnalysedText(analyzer=an["accented"], phrase=True),
        body_fold=AnalysedText(analyzer=an["folded"], phrase=True),
        body_pairs=AnalysedText(analyzer=an["pairs"], phrase=False),
        body_en=AnalysedText(analyzer=an["english"], phrase=False),
        text=STORED(),
        date=STORED(),
        day=NUMERIC(int, bits=32, signed=False, sortable=columns.NumericColumn("I", default=0)),
        year=NUMERIC(int, bits=32, signed=False, stored=True, sortable=columns.NumericColumn("H", default=0)),
        source=ID(stored=True, sortable=True),
        source_key=ID(),
        people=KEYWORD(commas=True, scorable=False),
        people_names=COLUMN(columns.VarBytesColumn()),
        people_list=STORED(),
        topics=KEYWORD(commas=True, scorable=False, stored=False),
        topic_names=COLUMN(columns.VarBytesColumn()),
        topics_list=STORED(),
        lang=ID(stored=True),
        url=STORED(),
        author=STORED(),
    )


class ColumnView:
    """``view[docnum]`` over a column of a whole (multi-segment) index, ``default`` where a
    segment has no such column.

    Whoosh's own ``MultiReader.column_reader`` leaves such segments out and then maps their
    documents into the previous segment's column (wrong values or IndexError); a segment
    lacks a column whenever none of its documents had that value (e.g. an update of
    undated articles without a source). Numeric columns are read whole, one read per
    segment into an array (facet counting and date sorting touch every match; a Whoosh
    column lookup per document costs a file read and an unpack).
    """

    def __init__(self, reader, fieldname: str, default: Any) -> None:
        self.default = default
        self.offsets: list[int] = []
        self.readers: list[Any] = []
        field = reader.schema[fieldname]
        # unsigned integers are stored as they are: the raw column needs no translation
        raw = isinstance(field, NUMERIC) and field.numtype is int and not field.signed
        for segment, offset in reader.leaf_readers():
            self.offsets.append(offset)
            column = segment.column_reader(fieldname, translate=not raw) if segment.has_column(fieldname) else None
            values = numeric_values(column, segment.doc_count_all()) if raw else None
            self.readers.append(column if values is None else values)
        self.single = len(self.readers) == 1

    def __getitem__(self, docnum: int) -> Any:
        if self.single:
            column = self.readers[0]
            return self.default if column is None else column[docnum]
        i = bisect_right(self.offsets, docnum) - 1
        column = self.readers[i]
        return self.default if column is None else column[docnum - self.offsets[i]]

    def segments(self) -> list[tuple[int, Any]]:
        """``(offset, values)`` per segment; values are an array for numeric columns."""
        return list(zip(self.offsets, self.readers))


def numeric_values(column, doccount: int) -> array | None:
    """Every value of a Whoosh numeric column reader of one segment, as an array read at
    once; ``None`` for other columns (their readers are used as they are)."""
    if not isinstance(column, columns.NumericColumn.Reader):
        return None
    typecode = column._typecode
    values = array(typecode)
    width = values.itemsize
    stored = min(column._count, doccount)
    values.frombytes(column._dbfile.get(column._basepos, stored * width))
    if sys.byteorder == "little":  # Whoosh packs numbers big-endian
        values.byteswap()
    values.extend([column._default] * (doccount - stored))
    return values


#: Whole columns of immutable segments, kept across searches in one process:
#: ``(index folder, segment id, field) -> values``. A segment never changes once written
#: (updates add segments and mark deletions), so an entry never goes stale; the oldest
#: entries go first when there are more than :data:`COLUMN_CACHE_SIZE`.
_COLUMN_CACHE: "OrderedDict[tuple[str, str, str], list[Any]]" = OrderedDict()
COLUMN_CACHE_SIZE = 384  # three facet columns of 128 segments; ~25 MB at 100k articles


def _column_key(segment, fieldname: str) -> tuple[str, str, str]:
    storage = segment.storage()
    return str(getattr(storage, "folder", id(storage))), segment.segment().segment_id(), fieldname


def lru_get(cache: OrderedDict, key) -> Any:
    """``cache[key]`` marked as recently used, or ``None``."""
    found = cache.get(key)
    if found is not None:
        try:
            cache.move_to_end(key)
        except KeyError:  # evicted by another thread meanwhile: still a valid value
            pass
    return found


def lru_put(cache: OrderedDict, key, value: Any, size: int = COLUMN_CACHE_SIZE) -> Any:
    """Store ``value``, dropping the least recently used entries beyond ``size``; returns it."""
    cache[key] = value
    while len(cache) > size:
        cache.popitem(last=False)
    return value


def _cached(key: tuple[str, str, str]) -> list[Any] | None:
    return lru_get(_COLUMN_CACHE, key)


def cached_segment_column(segment, fieldname: str) -> list[Any] | None:
    """:func:`segment_column`'s values if this process has already read them, else ``None``."""
    return _cached(_column_key(segment, fieldname))


def segment_column(segment, fieldname: str, default: Any) -> list[Any] | None:
    """Every value of a byte-string column of one segment reader, as a list (``None`` when
    the segment has no such column), read in one piece and cached for the process.

    Facet counting over a large share of a segment reads this instead of one value per
    document (Whoosh's reader costs a file read per value, and rebuilds the column's offset
    table in Python each time a reader is opened); later searches in the process use it
    whatever their share.
    """
    key = _column_key(segment, fieldname)
    cached = _cached(key)
    if cached is not None:
        return cached
    if not segment.has_column(fieldname):
        return None
    reader = segment.column_reader(fieldname, translate=False)
    raw = getattr(reader, "raw_column", lambda: reader)()
    count = segment.doc_count_all()
    if isinstance(raw, columns.VarBytesColumn.Reader):
        lengths = raw._lengths
        data = raw._dbfile.get(raw._basepos, sum(lengths))
        values: list[Any] = []
        pos = 0
        for length in lengths:
            values.append(data[pos:pos + length])
            pos += length
        values.extend([default] * (count - len(values)))
    else:
        values = [raw[n] for n in range(count)]
    return lru_put(_COLUMN_CACHE, key, values)


def _multi(values: list[str]) -> bytes:
    return MULTI_SEP.join(values).encode("utf-8")


def article_to_fields(article: Article) -> dict[str, Any]:
    """The field values to index for ``article``."""
    fields: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "title_fold": article.title,
        "body_fold": article.body,
        "text": article.body,
        "lang": article.lang,
        "people_names": _multi(article.people),
        "people_list": list(article.people),
        "topic_names": _multi(article.topics),
        "topics_list": list(article.topics),
        "date": article.date.isoformat() if article.date else None,
        "url": article.url,
        "author": article.author,
    }
    # the same string object for every body field: analysed once (analysis.analyse)
    if article.lang == "vi":
        fields["body"] = article.body
        fields["body_pairs"] = article.body
    else:
        fields["body_acc"] = article.body
        fields["body_en"] = article.body
    if article.date:
        fields["day"] = article.date.year * 10000 + article.date.month * 100 + article.date.day
        fields["year"] = article.date.year
    if article.source:
        fields["source"] = article.source
        fields["source_key"] = fold_key(article.source)
    if article.people:
        fields["people"] = ",".join(fold_key(p) for p in article.people)
    if article.topics:
        fields["topics"] = ",".join(fold_key(t) for t in article.topics)
    return fields


def stored_to_article(stored: Mapping[str, Any]) -> Article:
    """Rebuild the :class:`Article` from a document's stored fields."""
    date = stored.get("date")
    return Article(
        id=stored["id"],
        path=stored.get("path", ""),
        title=stored.get("title", ""),
        body=stored.get("text", ""),
        date=_dt.date.fromisoformat(date) if date else None,
        source=stored.get("source"),
        url=stored.get("url"),
        author=stored.get("author"),
        people=list(stored.get("people_list") or []),
        topics=list(stored.get("topics_list") or []),
        lang=stored.get("lang", "en"),
    )
