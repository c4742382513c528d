"""Filters: dates, sources, people, topics and language, as Whoosh queries.

Rules, the same for flags and for ``field:value`` in a query:

- dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial date covers its whole
  period (``--until 2024-06`` ends on 30 June 2024). Undated articles never match a date
  filter (they are listed without one).
- person and source values match with or without diacritics and in any case. A value that
  names a whole name matches that name; otherwise it matches every name that contains its
  words in order (``--person quang`` finds Lương Tam Quang).
- the same flag repeated means OR, different flags mean AND.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from typing import Iterable, Sequence, Union

from whoosh import query as Q

from .errors import QueryError
from .textnorm import fold_key

_DATE_RE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
LANGUAGES = ("en", "vi")
MIN_DATE = _dt.date(1000, 1, 1)
MAX_DATE = _dt.date(2999, 12, 31)


def parse_date_bound(value: str, *, end: bool, what: str = "date") -> _dt.date:
    """The first (``end=False``) or last day of the period ``value`` names."""
    m = _DATE_RE.match(value.strip())
    if not m:
        raise QueryError(f"invalid {what} {value!r}", "use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-06")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if not MIN_DATE.year <= year <= MAX_DATE.year:
        raise QueryError(f"invalid {what} {value!r}: year out of range", "use a year between 1000 and 2999")
    try:
        if month is None:
            return _dt.date(year, 12, 31) if end else _dt.date(year, 1, 1)
        mon = int(month)
        if day is None:
            last = calendar.monthrange(year, mon)[1]
            return _dt.date(year, mon, last if end else 1)
        return _dt.date(year, mon, int(day))
    except ValueError:
        raise QueryError(f"invalid {what} {value!r}: no such day", "use YYYY, YYYY-MM or YYYY-MM-DD") from None


def day_number(d: _dt.date) -> int:
    """The ``day`` field's encoding of a date: YYYYMMDD."""
    return d.year * 10000 + d.month * 100 + d.day


DateArg = Union[str, int, _dt.date, None]


def _as_text(value: DateArg) -> str | None:
    """A date bound as text: ``date`` objects and years given as ``int`` are accepted."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        if not value.strip():
            raise QueryError("empty date", "use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-06")
        return value
    raise QueryError(f"invalid date {value!r}", "use a date, a year, or text like 2024-06")


def date_bounds(start: DateArg, end: DateArg, *, what: str = "date") -> tuple[_dt.date, _dt.date]:
    """The first and last day of ``[start, end]``; an open bound (``None`` or ``*``) becomes
    the calendar's own (:data:`MIN_DATE`, :data:`MAX_DATE`)."""
    start, end = _as_text(start), _as_text(end)
    lo = parse_date_bound(start, end=False, what=what) if start not in (None, "", "*") else None
    hi = parse_date_bound(end, end=True, what=what) if end not in (None, "", "*") else None
    if lo and hi and lo > hi:
        raise QueryError(f"empty date range in {what}: {lo} is after {hi}", "swap the two dates")
    return lo or MIN_DATE, hi or MAX_DATE


def date_range(start: DateArg, end: DateArg, *, what: str = "date") -> Q.Query:
    """Articles dated within ``[start, end]``; either bound may be open (``None`` or ``*``)."""
    lo, hi = date_bounds(start, end, what=what)
    # Open ends are the calendar's own bounds: whoosh-reloaded 2.7.5 returns wrong documents
    # for ranges open at either end (None) or reaching far outside the data (0, 99991231).
    return Q.NumericRange("day", day_number(lo), day_number(hi))


def _contains_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    n = len(needle)
    return any(list(haystack[i:i + n]) == list(needle) for i in range(len(haystack) - n + 1))


def resolve_values(reader, fieldname: str, value: str) -> list[str]:
    """Index terms of ``fieldname`` that ``value`` names (exact key, else word-run match)."""
    key = fold_key(value)
    if not key:
        return []
    if (fieldname, key) in reader:
        return [key]
    words = key.split()
    found = []
    for raw in reader.lexicon(fieldname):
        term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if _contains_run(term.split(), words):
            found.append(term)
    return found


def _any_of(fieldname: str, terms: Iterable[str]) -> Q.Query:
    terms = list(dict.fromkeys(terms))
    if not terms:
        return Q.NullQuery
    if len(terms) == 1:
        return Q.Term(fieldname, terms[0])
    return Q.Or([Q.Term(fieldname, t) for t in terms])


class Resolver:
    """Builds filter queries for one open index (vocabulary lookups need its reader)."""

    def __init__(self, reader) -> None:
        self.reader = reader

    def __call__(self, kind: str, value: str) -> Q.Query:
        return self.one(kind, [value])

    def one(self, kind: str, values: Sequence[str]) -> Q.Query:
        """Articles matching any of ``values`` for the filter ``kind``."""
        if any(not str(v).strip() for v in values):
            raise QueryError(f"empty {kind} value", f"give a {kind} to filter on, e.g. --{kind} NAME")
        if kind == "person":
            return _any_of("people", [t for v in values for t in resolve_values(self.reader, "people", v)])
        if kind == "source":
            from .ingest.sources import canonical_source

            keys = []
            for v in values:
                keys += resolve_values(self.reader, "source_key", canonical_source(v)) or \
                    resolve_values(self.reader, "source_key", v)
            return _any_of("source_key", keys)
        if kind == "topic":
            from .ingest.topics import TOPIC_LABELS, canonical_topic

            labels = []
            for v in values:
                label = canonical_topic(v)
                key = fold_key(label if label is not None else v)
                if label is None and ("topics", key) not in self.reader:  # e.g. given in JSONL
                    raise QueryError(f"unknown topic {v!r}", "known topics: " + "; ".join(TOPIC_LABELS))
                labels.append(key)
            return _any_of("topics", labels)
        if kind == "lang":
            for v in values:
                if v.lower() not in LANGUAGES:
                    raise QueryError(f"unknown language {v!r}", "use en or vi")
            return _any_of("lang", [v.lower() for v in values])
        raise QueryError(f"unknown filter {kind!r}", "")

    def build(self, *, since: DateArg = None, until: DateArg = None,
              source: Sequence[str] = (), person: Sequence[str] = (), topic: Sequence[str] = (),
              lang: Sequence[str] = ()) -> Q.Query | None:
        """All filters combined (AND across kinds, OR within one), or ``None`` for none."""
        parts: list[Q.Query] = []
        if since is not None or until is not None:
            parts.append(date_range(since, until, what="--since/--until date"))
        for kind, values in (("source", source), ("person", person), ("topic", topic), ("lang", lang)):
            if values:
                parts.append(self.one(kind, values))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Q.And(parts)

    def allowed(self, searcher, *, since: DateArg = None, until: DateArg = None,
                source: Sequence[str] = (), person: Sequence[str] = (), topic: Sequence[str] = (),
                lang: Sequence[str] = ()) -> set[int] | None:
        """The documents :meth:`build`'s filter allows, as a set (``None`` for no filter):
        dates read from the ``day`` column, the others from their terms' postings, which is
        many times cheaper than running the filter as a query."""
        from .collect import date_docs, intersect, query_docs

        sets: list[set[int]] = []
        if since is not None or until is not None:
            sets.append(date_docs(self.reader, *date_bounds(since, until, what="--since/--until date")))
        for kind, values in (("source", source), ("person", person), ("topic", topic), ("lang", lang)):
            if values:
                sets.append(query_docs(searcher, self.one(kind, values)))
        return intersect(sets)
