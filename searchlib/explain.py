"""What a query turns into: the "why didn't it match" tool behind ``--explain``.

:func:`explain_query` parses a query and its filters exactly as a search does and describes
the result: which index fields are searched, the folded, exact and stemmed terms, phrases,
prefixes and excluded words, the date range, and the index values each filter resolved to
(``--person quang`` → ``luong tam quang``).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as Q

from .filters import MAX_DATE, MIN_DATE, DateArg, Resolver
from .query import PROXIMITY_SLOP, parse_query

#: Index fields by what their terms are.
_KINDS = {"body_fold": "folded", "title_fold": "folded", "title": "exact", "body": "exact",
          "body_acc": "exact", "body_en": "stemmed", "body_pairs": "pairs"}
#: Filter fields and the names users know them by.
_FILTERS = {"people": "person", "source_key": "source", "topics": "topic", "lang": "lang", "id": "id"}


@dataclass
class QueryPlan:
    """A parsed query described for people (see the module docstring)."""

    text: str
    match: str  #: ``all`` (every word required) or ``any``
    accented: bool  #: accents were typed, so exact fields are searched too
    fields: list[str] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)
    exact: list[str] = field(default_factory=list)
    stemmed: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    proximity: bool = False  #: words standing close together rank higher
    since: str | None = None
    until: str | None = None
    #: filter → index values it matches (an empty list matches nothing)
    filters: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    whoosh: str = ""  #: the query as Whoosh sees it

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class _Walker:
    def __init__(self, plan: QueryPlan) -> None:
        self.plan = plan
        self.fields: set[str] = set()

    def add(self, bucket: list[str], value: str) -> None:
        if value not in bucket:
            bucket.append(value)

    def walk(self, q: Q.Query, negated: bool = False) -> None:
        plan = self.plan
        if isinstance(q, Q.AndMaybe) and _is_proximity(q.b):
            plan.proximity = True
            self.walk(q.a, negated)
            return
        if isinstance(q, Q.Not):
            self.walk(q.query, not negated)
            return
        if isinstance(q, Q.AndNot):
            self.walk(q.a, negated)
            self.walk(q.b, not negated)
            return
        if isinstance(q, Q.NumericRange) and q.fieldname == "day":
            lo, hi = _day(q.start), _day(q.end)
            plan.since = max(filter(None, [plan.since, lo]), default=None)
            plan.until = min(filter(None, [plan.until, hi]), default=None)
            return
        if isinstance(q, Q.Phrase):
            self.fields.add(q.fieldname)
            self.add(plan.excluded if negated else plan.phrases, " ".join(q.words))
            return
        if isinstance(q, Q.Prefix):
            self.fields.add(q.fieldname)
            self.add(plan.excluded if negated else plan.prefixes, q.text + "*")
            return
        if isinstance(q, Q.Term):
            if q.fieldname in _FILTERS:
                self.add(plan.filters.setdefault(_FILTERS[q.fieldname], []), str(q.text))
                return
            self.fields.add(q.fieldname)
            kind = _KINDS.get(q.fieldname)
            if negated:
                if kind == "folded":
                    self.add(plan.excluded, q.text)
            elif kind in ("folded", "exact", "stemmed"):
                self.add(getattr(plan, kind), q.text)
            return
        if q is Q.NullQuery:
            return
        for sub in q.children():
            self.walk(sub, negated)


def _is_proximity(q: Q.Query) -> bool:
    subs = q.subqueries if isinstance(q, Q.Or) else [q]
    return all((isinstance(s, Q.Term) and s.fieldname == "body_pairs")
               or (isinstance(s, Q.Phrase) and s.slop == PROXIMITY_SLOP) for s in subs)


def _day(number: int) -> str | None:
    d = _dt.date(number // 10000, number // 100 % 100, number % 100)
    return None if d in (MIN_DATE, MAX_DATE) else d.isoformat()


def explain_query(reader, text: str = "", *, since: DateArg = None, until: DateArg = None,
                  source=(), person=(), topic=(), lang=(), lenient: bool = False,
                  match: str = "all") -> QueryPlan:
    """Parse ``text`` and the filters as :meth:`Index.search` would, and describe them.

    Raises :class:`QueryError` exactly when the search would.
    """
    resolver = Resolver(reader)
    parsed = parse_query(text, resolver=resolver, lenient=lenient, match=match)
    plan = QueryPlan(text=parsed.text, match=match, accented=parsed.accented, notes=list(parsed.notes))
    walker = _Walker(plan)
    if parsed.query is not None:
        walker.walk(parsed.query)
        plan.whoosh = repr(parsed.query)
    as_list = (lambda v: [v] if isinstance(v, str) else [x for x in (v or ()) if x])
    filt = resolver.build(since=since, until=until, source=as_list(source), person=as_list(person),
                          topic=as_list(topic), lang=as_list(lang))
    if filt is not None:
        for kind, values in (("source", source), ("person", person), ("topic", topic), ("lang", lang)):
            if as_list(values):
                plan.filters.setdefault(kind, [])
        walker.walk(filt)
    plan.fields = sorted(walker.fields)
    return plan
