"""From what a user types to a Whoosh query over the index fields.

The user's text is parsed with Whoosh's query language on a small *virtual* schema
(``text``, ``title``, ``body`` and the filter fields), then each node is translated:

- a word searches the folded fields (title boosted) and, for English articles, the
  stemmed field; when the query has any Vietnamese diacritic, accented words also search
  the exact fields with a boost (R8: typed accents are preferred, never required). A query
  without accents never touches the exact fields.
- adjacent words are analysed together, so ``Ha Noi`` meets ``Hà Nội``/``Hanoi`` as one
  place token (R12); a ``"phrase"`` is a phrase on the folded fields (R10), preferring
  documents that also have its accented words.
- several words are all required; documents where they stand close together get a
  proximity boost (R10).
- ``person:``, ``source:``, ``topic:``, ``lang:``, ``year:``, ``date:``, ``id:`` become
  the same filters as the command-line flags.

Parsing is strict by default: unbalanced quotes or parentheses, unknown fields and dangling
operators raise :class:`QueryError` with a hint. ``lenient=True`` never raises on syntax:
it falls back to searching the plain words and says what it ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from whoosh import query as Q

from .analysis import VietTokenizer, analyzers
from .errors import QueryError
from .textnorm import has_diacritics, normalize_text

TITLE_BOOST = 2.0
EXACT_BOOST = 2.0
PROXIMITY_BOOST = 1.5
PROXIMITY_SLOP = 3
#: Longer queries (questions) get no whole-query phrase boost: it would never match.
MAX_PHRASE_WORDS = 8

#: Field names users may type, mapped to the virtual field they parse into.
USER_FIELDS = {
    "title": "title", "body": "body", "text": "text",
    "source": "source", "person": "person", "people": "person",
    "topic": "topic", "topics": "topic", "lang": "lang",
    "year": "year", "date": "date", "id": "id",
}
_TEXT_FIELDS = {"text", "title", "body"}
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_BINARY = _OPERATORS - {"NOT"}

#: Resolves filter values against the index: ``resolver(kind, value) -> Query``.
Resolver = Callable[[str, str], Q.Query]


@dataclass
class ParsedQuery:
    """A translated query. ``query`` is ``None`` when the text has no words (list mode)."""

    text: str
    query: Q.Query | None
    accented: bool
    notes: list[str] = field(default_factory=list)  #: what lenient parsing ignored



MATCHES = ("all", "any")


@lru_cache(maxsize=2)
def _parser(match: str = "all"):
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.qparser import (PlusMinusPlugin, PrefixPlugin, QueryParser, SingleQuotePlugin,
                                WildcardPlugin)

    raw = TEXT(analyzer=VietTokenizer())
    schema = Schema(text=raw, title=raw, body=raw, source=ID, person=ID, topic=ID, lang=ID,
                    year=ID, date=ID, id=ID)
    from whoosh.qparser import AndGroup, OrGroup

    parser = QueryParser("text", schema, group=OrGroup if match == "any" else AndGroup)
    parser.remove_plugin_class(SingleQuotePlugin)  # apostrophes are text ("Việt Nam's")
    parser.remove_plugin_class(WildcardPlugin)  # '?' ends questions; only word* is syntax
    parser.add_plugin(PrefixPlugin())
    # +/- only at the start of a word: "Covid-19" and "date:2024-05" are not negations.
    parser.add_plugin(PlusMinusPlugin(plusexpr=r"(?<![^\s(])\+", minusexpr=r"(?<![^\s(])-"))
    return parser


def _outside_quotes(text: str, fill: str = " ") -> str:
    """``text`` with quoted parts replaced by ``fill`` characters (same length)."""
    return re.sub(r'"[^"]*"', lambda m: fill * len(m.group(0)), text)


def check_syntax(text: str) -> None:
    """Raise :class:`QueryError` for query syntax the user most likely did not mean."""
    hint = "fix the query, or add --lenient to search the words as typed"
    if text.count('"') % 2:
        raise QueryError('unbalanced quote (") in the query', hint)
    bare = _outside_quotes(text)
    depth = 0
    for ch in bare:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            raise QueryError("unbalanced parenthesis: ')' without '('", hint)
    if depth:
        raise QueryError("unbalanced parenthesis: '(' without ')'", hint)
    for m in re.finditer(r"(?:(?<=[\s(])|^)([^\W\d_]\w*):(?=\S)", bare):
        if m.group(1).lower() not in USER_FIELDS:
            known = ", ".join(sorted(set(USER_FIELDS) - {"text", "people", "topics"}))
            raise QueryError(f"unknown field '{m.group(1)}:' (known: {known})",
                             f"quote it (\"{m.group(0)}...\") or add --lenient to search it as a word")
    for m in re.finditer(r"(?:(?<=[\s(])|^)([^\W\d_]\w*):(?=\s|$|\))", _outside_quotes(text, "x")):
        if m.group(1).lower() in USER_FIELDS:
            raise QueryError(f"'{m.group(0)}' has no value",
                             f"write the value right after the colon, e.g. {m.group(1)}:\"to lam\"")
    # a quoted phrase counts as one word here ('"oil prices" OR coffee' is complete)
    words = _outside_quotes(text, "x").replace("(", " ").replace(")", " ").split()
    if words and (words[0] in _BINARY or words[-1] in _OPERATORS):
        raise QueryError(f"operator '{words[0] if words[0] in _BINARY else words[-1]}' is missing a term", hint)
    for a, b in zip(words, words[1:]):
        if a in _OPERATORS and b in _BINARY:
            raise QueryError(f"operators '{a} {b}' in a row", hint)
    for m in re.finditer(r"(?:(?<=[\s(])|^)(\S*)\*", bare):
        if len(m.group(1).split(":")[-1]) < 2:
            raise QueryError(f"'{m.group(0)}': a prefix search needs at least 2 letters before '*'", hint)


class _Translator:
    """Turns the virtual-schema query into one over the real index fields."""

    def __init__(self, accented: bool, resolver: Resolver | None) -> None:
        self.accented = accented
        self.resolver = resolver
        self.an = analyzers()

    # -- words -----------------------------------------------------------------------------
    def words(self, words: list[str], fieldname: str, boost: float = 1.0) -> list[Q.Query]:
        """One required clause per folded token of ``words`` read together."""
        joined = " ".join(words)
        clauses = []
        for tok in self.an["folded"](joined, chars=True, mode="query"):
            parts = _split_words(joined, tok.startchar, tok.endchar)
            clauses.append(self._token_clause(tok.text, parts, fieldname, boost))
        return clauses

    def _token_clause(self, folded: str, originals: list[str], fieldname: str, boost: float) -> Q.Query:
        options: list[Q.Query] = []
        if fieldname in ("text", "body"):
            options.append(Q.Term("body_fold", folded))
        if fieldname in ("text", "title"):
            options.append(Q.Term("title_fold", folded, boost=TITLE_BOOST))
        if fieldname in ("text", "body") and len(originals) == 1:
            stems = [t.text for t in self.an["english"](originals[0], mode="query")]
            if len(stems) == 1 and stems[0] != folded:
                options.append(Q.Term("body_en", stems[0]))
        if self.accented:
            # Vietnamese articles keep every syllable exact; English ones only accented names
            exact = [t.text for w in originals for t in self.an["exact"](w, mode="query")]
            accented = [w for w in exact if has_diacritics(w)]
            if fieldname in ("text", "body"):
                if exact:
                    options.append(_all("body", exact, EXACT_BOOST))
                if accented:
                    options.append(_all("body_acc", accented, EXACT_BOOST))
            if fieldname in ("text", "title") and exact:
                options.append(_all("title", exact, EXACT_BOOST * TITLE_BOOST))
        q = options[0] if len(options) == 1 else Q.Or(options)
        if boost != 1.0:
            q = q.with_boost(boost)
        return q

    def phrase(self, words: list[str], fieldname: str, slop: int, boost: float) -> Q.Query:
        joined = " ".join(words)
        folded = [t.text for t in self.an["folded"](joined, mode="query")]
        if not folded:
            return Q.NullQuery
        if len(folded) == 1:
            return _and_or_single(self.words(words, fieldname, boost))
        options: list[Q.Query] = []
        if fieldname in ("text", "body"):
            options.append(Q.Phrase("body_fold", folded, slop=slop))
        if fieldname in ("text", "title"):
            options.append(Q.Phrase("title_fold", folded, slop=slop, boost=TITLE_BOOST))
        q: Q.Query = options[0] if len(options) == 1 else Q.Or(options)
        if self.accented:
            exact = [t.text for t in self.an["exact"](joined, mode="query")]
            accented = [w for w in exact if has_diacritics(w)]
            if fieldname == "title":
                preferred = [Q.Phrase("title", exact, slop=slop, boost=EXACT_BOOST)] if len(exact) > 1 else []
            else:
                preferred = [Q.Phrase("body", exact, slop=slop, boost=EXACT_BOOST)] if len(exact) > 1 else []
                if accented:
                    preferred.append(_all("body_acc", accented, EXACT_BOOST))
            if preferred:
                q = Q.AndMaybe(q, preferred[0] if len(preferred) == 1 else Q.Or(preferred))
        return q.with_boost(boost) if boost != 1.0 else q

    # -- tree ------------------------------------------------------------------------------
    def node(self, q: Q.Query) -> Q.Query:
        if isinstance(q, (Q.And, Q.Or)):
            kids = self._group(q.subqueries)
            kids = [k for k in kids if k is not Q.NullQuery]
            if not kids:
                return Q.NullQuery
            out = type(q)(kids, boost=q.boost)
            return out
        if isinstance(q, Q.Not):
            return Q.Not(self.node(q.query), boost=q.boost)
        if isinstance(q, (Q.AndNot, Q.AndMaybe, Q.Require, Q.Otherwise)):
            return type(q)(self.node(q.a), self.node(q.b))
        if isinstance(q, Q.Every):
            return Q.Every()
        if isinstance(q, Q.Phrase):
            if q.fieldname in _TEXT_FIELDS:
                return self.phrase(list(q.words), q.fieldname, q.slop, q.boost)
            return self.filter(q.fieldname, " ".join(q.words))
        if isinstance(q, Q.Prefix):
            return self.prefix(q)
        if isinstance(q, Q.TermRange):
            return self.range(q)
        if isinstance(q, Q.Term):
            if q.fieldname in _TEXT_FIELDS:
                return _and_or_single(self.words([q.text], q.fieldname, q.boost))
            return self.filter(q.fieldname, q.text)
        if isinstance(q, Q.NullQuery.__class__):
            return Q.NullQuery
        raise QueryError(f"unsupported query syntax: {q!r}", "add --lenient to search the words as typed")

    def _group(self, subqueries: list[Q.Query]) -> list[Q.Query]:
        """Translate children, analysing runs of adjacent plain words together."""
        out: list[Q.Query] = []
        run: list[str] = []
        run_field = None

        def flush():
            nonlocal run, run_field
            if run:
                out.extend(self.words(run, run_field))
            run, run_field = [], None

        for sub in subqueries:
            if (type(sub) is Q.Term and sub.fieldname in _TEXT_FIELDS and sub.boost == 1.0
                    and (run_field in (None, sub.fieldname))):
                run.append(sub.text)
                run_field = sub.fieldname
                continue
            flush()
            if type(sub) is Q.Term and sub.fieldname in _TEXT_FIELDS:
                run.append(sub.text)
                run_field = sub.fieldname
                if sub.boost != 1.0:
                    out.extend(self.words(run, run_field, sub.boost))
                    run, run_field = [], None
                continue
            out.append(self.node(sub))
        flush()
        return out

    def prefix(self, q: Q.Prefix) -> Q.Query:
        if q.fieldname not in _TEXT_FIELDS:
            raise QueryError(f"'{q.fieldname}:{q.text}*': prefix search works on words only",
                             "drop the '*', or add --lenient")
        folded = [t.text for t in self.an["folded"](q.text, mode="query")]
        if len(folded) != 1:
            raise QueryError(f"'{q.text}*': a prefix search takes one word", "add --lenient")
        options = []
        if q.fieldname in ("text", "body"):
            options.append(Q.Prefix("body_fold", folded[0]))
        if q.fieldname in ("text", "title"):
            options.append(Q.Prefix("title_fold", folded[0], boost=TITLE_BOOST))
        return options[0] if len(options) == 1 else Q.Or(options)

    def range(self, q: Q.TermRange) -> Q.Query:
        if q.fieldname not in ("year", "date"):
            raise QueryError(f"ranges work on year: and date: only, not {q.fieldname}:",
                             "write e.g. date:[2024-01 TO 2024-06]")
        from .filters import date_range

        return date_range(q.start, q.end, what=f"{q.fieldname}:[{q.start} TO {q.end}]")

    def filter(self, fieldname: str, value: str) -> Q.Query:
        from .filters import date_range

        if fieldname in ("year", "date"):
            return date_range(value, value, what=f"{fieldname}:{value}")
        if fieldname == "id":
            return Q.Term("id", value)
        if self.resolver is None:
            raise QueryError(f"{fieldname}: needs an index to resolve", "")
        return self.resolver(fieldname, value)


def _split_words(joined: str, start: int, end: int) -> list[str]:
    """The original words that a token spanning ``joined[start:end]`` came from."""
    return joined[start:end].split() or [joined[start:end]]


def _all(fieldname: str, words: list[str], boost: float) -> Q.Query:
    if len(words) == 1:
        return Q.Term(fieldname, words[0], boost=boost)
    return Q.And([Q.Term(fieldname, w) for w in words], boost=boost)


def _and_or_single(clauses: list[Q.Query]) -> Q.Query:
    if not clauses:
        return Q.NullQuery
    return clauses[0] if len(clauses) == 1 else Q.And(clauses)


def _positive_words(q: Q.Query) -> list[str]:
    """Plain words of the top level, in order (for the proximity boost)."""
    if type(q) is Q.Term and q.fieldname == "text":
        return [q.text]
    if type(q) in (Q.And, Q.Or):
        out: list[str] = []
        for sub in q.subqueries:
            if type(sub) is Q.Term and sub.fieldname == "text":
                out.append(sub.text)
        return out
    return []


def parse_query(text: str, *, resolver: Resolver | None = None, lenient: bool = False,
                match: str = "all") -> ParsedQuery:
    """Translate ``text`` into a query over the index (see the module docstring).

    ``resolver`` turns ``person:``/``source:``/``topic:``/``lang:`` values into index
    queries. Strict mode raises :class:`QueryError`; lenient mode never does for syntax.
    ``match="any"`` ranks articles that have any of the words (more and closer is better)
    instead of requiring all of them: for long, natural-language queries.
    """
    if match not in MATCHES:
        raise QueryError(f"unknown match mode {match!r}", "use all or any")
    text = normalize_text(text).strip()
    accented = has_diacritics(text)
    if not text:
        return ParsedQuery(text, None, accented)
    notes: list[str] = []
    try:
        check_syntax(text)
        raw = _whoosh_parse(text, match)
        translated = _Translator(accented, resolver).node(raw)
        words = _positive_words(raw)
    except QueryError as err:
        if not lenient:
            raise
        notes.append(f"{err.message}; searched the words as plain text")
        words = [t.text for t in VietTokenizer()(text)]
        clauses = _Translator(accented, None).words(words, "text") if words else []
        translated = (Q.Or(clauses) if match == "any" and len(clauses) > 1 else _and_or_single(clauses)) \
            if clauses else Q.NullQuery
    if translated is Q.NullQuery:
        if not lenient:
            raise QueryError(f"the query {text!r} has no words to search for",
                             "type at least one word or number, or give only filters")
        notes.append("the query has no words; listing articles that match the filters")
        return ParsedQuery(text, None, accented, notes)
    return ParsedQuery(text, _with_proximity(translated, words, match), accented, notes)


def _whoosh_parse(text: str, match: str) -> Q.Query:
    """Whoosh's parse of ``text``; its own crashes on operator soups that pass
    :func:`check_syntax` (``NOT NOT 0``, found by fuzzing) become a :class:`QueryError`."""
    try:
        return _parser(match).parse(text)
    except Exception:  # noqa: BLE001 - whoosh raises IndexError, AttributeError, ... here
        raise QueryError("the query's operators, brackets or fields do not fit together",
                         "fix the query, or add --lenient to search the words as typed") from None


def _with_proximity(q: Q.Query, words: list[str], match: str) -> Q.Query:
    """Reward words that stand together (R10): syllable pairs of the query (Vietnamese
    articles index them) and, for short queries, the query as a loose phrase."""
    if len(words) < 2:
        return q
    joined = " ".join(words)
    folded = [t.text for t in analyzers()["folded"](joined, mode="query")]
    if len(folded) < 2:
        return q
    evidence: list[Q.Query] = [Q.Term("body_pairs", p) for p in
                               dict.fromkeys(t.text for t in analyzers()["pairs"](joined, mode="query"))]
    if len(folded) <= MAX_PHRASE_WORDS:
        evidence += [Q.Phrase("body_fold", folded, slop=PROXIMITY_SLOP),
                     Q.Phrase("title_fold", folded, slop=PROXIMITY_SLOP, boost=TITLE_BOOST)]
    if match == "any" and isinstance(q, Q.Or):
        return Q.Or(list(q.subqueries) + evidence, boost=q.boost)
    return Q.AndMaybe(q, Q.Or(evidence, boost=PROXIMITY_BOOST))
