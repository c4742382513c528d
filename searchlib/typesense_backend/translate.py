"""From what a user types to Typesense search parameters.

The query is parsed exactly as for the local index (:func:`searchlib.query.check_syntax`
and the same Whoosh parser on the same virtual fields), so a query that is an error there
is the same error here. The parse tree then becomes Typesense's parameters:

- words and ``"phrases"`` are folded by searchdocs' ``folded`` chain (adjacent words
  together, so ``Ha Noi`` is the one place token ``hanoi``) and sent as ``q`` over the
  folded title (weight 2) and body, with no typos, no prefixes and no dropped words; ``-word``
  and ``-"phrase"`` become Typesense exclusions; ``word*`` is a prefix on the last word;
- ``person:``, ``source:``, ``topic:``, ``lang:``, ``year:``, ``date:`` and ``id:`` are
  resolved by the same rules as the local index (:class:`searchlib.filters.Resolver`,
  run on the collection's vocabulary) and become ``filter_by`` clauses, ``OR`` between them too.

What Typesense's single ``q`` string cannot express is refused with a hint instead of being
answered differently: ``OR``/``NOT`` between words and groups, ``title:``/``body:`` mixed
in one query, a prefix anywhere but on the last word. ``--lenient`` searches the plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from whoosh import query as Q

from ..analysis import terms
from ..analysis import VietTokenizer
from ..errors import QueryError
from ..filters import date_range
from ..query import MATCHES, USER_FIELDS, _whoosh_parse, check_syntax
from ..textnorm import normalize_text

_TEXT_FIELDS = {"text", "title", "body"}
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_FILTER_KINDS = {"person", "source", "topic", "lang"}
#: Whoosh index field of a filter -> Typesense field.
TS_FIELD = {"people": "people_keys", "source_key": "source_key", "topics": "topic_keys", "lang": "lang",
            "id": "article_id"}
#: A filter no document passes (``day`` is never negative).
NOTHING = "day:<0"
_UNSUPPORTED_HINT = "rewrite it as words, \"phrases\" and -exclusions, use --lenient, or the default backend"

#: Turns a filter value into a Whoosh query over index fields (``Resolver.__call__``).
FilterResolver = Callable[[str, str], Q.Query]


@dataclass
class SearchPlan:
    """Typesense parameters for one query. ``q`` is ``"*"`` when the text has no words."""

    text: str
    q: str = "*"
    query_by: str = "title_fold,body_fold"
    weights: str = "2,1"
    prefix: bool = False
    match_any: bool = False
    filters: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: folded terms to highlight, and the prefix whose completions to highlight
    marks: set[str] = field(default_factory=set)
    mark_prefix: str | None = None
    #: what ``q`` is made of, for ``--explain``
    words: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    @property
    def has_words(self) -> bool:
        return self.q != "*"


def filter_text(q: Q.Query) -> str:
    """A Whoosh filter query (as :mod:`searchlib.filters` builds them) as ``filter_by``."""
    if q is Q.NullQuery:
        return NOTHING
    if isinstance(q, Q.NumericRange) and q.fieldname == "day":
        return f"day:[{int(q.start)}..{int(q.end)}]"
    if isinstance(q, Q.Term) and q.fieldname in TS_FIELD:
        return f"{TS_FIELD[q.fieldname]}:=[{quote_value(q.text)}]"
    if isinstance(q, (Q.Or, Q.And)) and q.subqueries:
        op = " || " if isinstance(q, Q.Or) else " && "
        return "(" + op.join(filter_text(s) for s in q.subqueries) + ")"
    raise QueryError(f"this filter cannot be sent to Typesense: {q!r}", _UNSUPPORTED_HINT)


def quote_value(value: str) -> str:
    """A ``filter_by`` value in backticks (Typesense has no escape for a backtick inside)."""
    if "`" in value:
        raise QueryError(f"a filter value cannot contain a backtick on Typesense: {value!r}", "leave it out")
    return f"`{value}`"


class _Builder:
    def __init__(self, resolver: FilterResolver, match: str) -> None:
        self.resolver = resolver
        self.match = match
        self.words: list[str] = []
        self.phrases: list[list[str]] = []
        self.excluded: list[list[str]] = []
        self.prefix: str | None = None
        self.fields: set[str] = set()
        self.filters: list[str] = []
        self.match_any = False

    # -- text ------------------------------------------------------------------------------
    def add_words(self, words: Iterable[str], fieldname: str, *, negated: bool = False) -> None:
        folded = terms("folded", " ".join(words), mode="query")
        if not folded:
            return
        if negated:
            self.excluded.extend([[w] for w in folded])
            return
        self.fields.add(fieldname)
        self.words.extend(folded)

    def add_phrase(self, words: list[str], fieldname: str, *, negated: bool = False) -> None:
        folded = terms("folded", " ".join(words), mode="query")
        if len(folded) < 2:
            self.add_words(words, fieldname, negated=negated)
        elif negated:
            self.excluded.append(folded)
        else:
            self.fields.add(fieldname)
            self.phrases.append(folded)

    # -- tree ------------------------------------------------------------------------------
    def node(self, q: Q.Query, *, top: bool = False) -> None:
        if isinstance(q, Q.And) or (top and isinstance(q, Q.Or) and self.match == "any"):
            self.match_any = self.match_any or isinstance(q, Q.Or)
            self.group(q.subqueries)
        elif isinstance(q, Q.Or):
            self.filters.append(self.filter_of(q, "OR"))
        elif isinstance(q, Q.Not):
            self.negate(q.query)
        elif isinstance(q, Q.AndNot):
            self.node(q.a)
            self.negate(q.b)
        elif isinstance(q, (Q.AndMaybe, Q.Require)):
            self.node(q.a)
            if isinstance(q, Q.Require):
                self.node(q.b)
        elif isinstance(q, Q.Every) or q is Q.NullQuery:
            pass
        elif isinstance(q, Q.Phrase) and q.fieldname in _TEXT_FIELDS:
            self.add_phrase(list(q.words), q.fieldname)
        elif isinstance(q, Q.Prefix) and q.fieldname in _TEXT_FIELDS:
            self.add_prefix(q)
        elif isinstance(q, Q.Term) and q.fieldname in _TEXT_FIELDS:
            self.add_words([q.text], q.fieldname)
        else:
            self.filters.append(self.filter_of(q, "AND"))

    def group(self, subqueries: list[Q.Query]) -> None:
        """Children in order; runs of plain words are folded together (``Ha Noi``)."""
        run: list[str] = []
        run_field: str | None = None
        for sub in subqueries:
            if type(sub) is Q.Term and sub.fieldname in _TEXT_FIELDS and run_field in (None, sub.fieldname):
                run.append(sub.text)
                run_field = sub.fieldname
                continue
            if run:
                self.add_words(run, run_field or "text")
                run, run_field = [], None
            if type(sub) is Q.Term and sub.fieldname in _TEXT_FIELDS:
                run, run_field = [sub.text], sub.fieldname
                continue
            self.node(sub)
        if run:
            self.add_words(run, run_field or "text")

    def negate(self, q: Q.Query) -> None:
        if isinstance(q, Q.Term) and q.fieldname in _TEXT_FIELDS:
            self.add_words([q.text], q.fieldname, negated=True)
        elif isinstance(q, Q.Phrase) and q.fieldname in _TEXT_FIELDS:
            self.add_phrase(list(q.words), q.fieldname, negated=True)
        else:
            raise QueryError("on Typesense, only words and \"phrases\" can be excluded (-word), "
                             "not filters or groups", _UNSUPPORTED_HINT)

    def add_prefix(self, q: Q.Prefix) -> None:
        folded = terms("folded", q.text, mode="query")
        if len(folded) != 1:
            raise QueryError(f"'{q.text}*': a prefix search takes one word", "add --lenient")
        if self.prefix is not None:
            raise QueryError("on Typesense, a query can have one prefix (word*) only", _UNSUPPORTED_HINT)
        self.fields.add(q.fieldname)
        self.prefix = folded[0]

    def filter_of(self, q: Q.Query, what: str) -> str:
        """``filter_by`` text for a node made only of filters; an error for anything else."""
        if isinstance(q, (Q.Or, Q.And)):
            op = " || " if isinstance(q, Q.Or) else " && "
            return "(" + op.join(self.filter_of(s, what) for s in q.subqueries) + ")"
        if isinstance(q, (Q.Term, Q.Phrase)) and q.fieldname not in _TEXT_FIELDS:
            value = q.text if isinstance(q, Q.Term) else " ".join(q.words)
            if q.fieldname in ("year", "date"):
                return filter_text(date_range(value, value, what=f"{q.fieldname}:{value}"))
            if q.fieldname == "id":
                return filter_text(Q.Term("id", value))
            return filter_text(self.resolver(q.fieldname, value))
        if isinstance(q, Q.TermRange):
            if q.fieldname not in ("year", "date"):
                raise QueryError(f"ranges work on year: and date: only, not {q.fieldname}:",
                                 "write e.g. date:[2024-01 TO 2024-06]")
            return filter_text(date_range(q.start, q.end, what=f"{q.fieldname}:[{q.start} TO {q.end}]"))
        if what == "OR":
            raise QueryError("on Typesense, OR can join only filters (person:, source:, topic:, lang:, "
                             "year:, date:, id:), not words or phrases", _UNSUPPORTED_HINT)
        raise QueryError(f"on Typesense, this part of the query cannot be searched: {q}", _UNSUPPORTED_HINT)

    # -- result ----------------------------------------------------------------------------
    def plan(self, text: str) -> SearchPlan:
        plan = SearchPlan(text, filters=list(self.filters), match_any=self.match_any)
        parts = list(self.words) + ['"' + " ".join(p) + '"' for p in self.phrases]
        if self.prefix is not None:
            parts.append(self.prefix)
            plan.prefix = True
            plan.mark_prefix = self.prefix
        if parts:
            parts += ["-" + ('"' + " ".join(e) + '"' if len(e) > 1 else e[0]) for e in self.excluded]
            plan.q = " ".join(parts)
        elif self.excluded:  # only exclusions: every article without them
            plan.q = " ".join("-" + ('"' + " ".join(e) + '"' if len(e) > 1 else e[0]) for e in self.excluded)
        plan.marks = set(self.words) | {w for p in self.phrases for w in p}
        plan.words = list(dict.fromkeys(self.words))
        plan.phrases = [" ".join(p) for p in self.phrases]
        plan.excluded = [" ".join(e) for e in self.excluded]
        fields = self.fields - {"text"}
        if len(fields) > 1 or (fields and "text" in self.fields):
            raise QueryError("on Typesense, title: and body: apply to the whole query, not to some words",
                             _UNSUPPORTED_HINT)
        if fields == {"title"}:
            plan.query_by, plan.weights = "title_fold", "1"
        elif fields == {"body"}:
            plan.query_by, plan.weights = "body_fold", "1"
        return plan


def translate(text: str, resolver: FilterResolver, *, lenient: bool = False, match: str = "all") -> SearchPlan:
    """The Typesense search plan for the user's ``text`` (see the module docstring).

    ``resolver(kind, value)`` resolves ``person:``/``source:``/``topic:``/``lang:``
    values as :class:`searchlib.filters.Resolver` does. Strict mode raises
    :class:`QueryError`; ``lenient`` falls back to the plain words.
    """
    if match not in MATCHES:
        raise QueryError(f"unknown match mode {match!r}", "use all or any")
    text = normalize_text(text).strip()
    if not text:
        return SearchPlan(text)
    notes: list[str] = []
    try:
        check_syntax(text)
        builder = _Builder(resolver, match)
        builder.node(_whoosh_parse(text, match), top=True)
        plan = builder.plan(text)
    except QueryError as err:
        if not lenient:
            raise
        notes.append(f"{err.message}; searched the words as plain text")
        builder = _Builder(resolver, match)
        # operators are not words here: "a OR b" searches a and b
        builder.add_words([t.text for t in VietTokenizer()(text) if t.text not in _OPERATORS], "text")
        builder.match_any = match == "any"
        plan = builder.plan(text)
    if not plan.has_words and not plan.filters:
        if not lenient:
            raise QueryError(f"the query {text!r} has no words to search for",
                             "type at least one word or number, or give only filters")
        notes.append("the query has no words; listing articles that match the filters")
    plan.notes = notes + plan.notes
    return plan


__all__ = ["SearchPlan", "translate", "filter_text", "quote_value", "TS_FIELD", "USER_FIELDS"]
