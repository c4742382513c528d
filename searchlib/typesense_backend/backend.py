"""A searchdocs collection on Typesense, behind the same interface as the local index.

Searches return the very :class:`~searchlib.search.Results` and
:class:`~searchlib.search.Hit` objects of the local index: the same filters (resolved by
:class:`searchlib.filters.Resolver` over the collection's vocabulary), facets grouped the
same way, snippets and highlights computed by :mod:`searchlib.highlight` from the stored
text, undated articles last in both date orders. Ranking is Typesense's ``text_match``
(title weighted twice the body), so scores and the order among equally good matches differ
from the local index's BM25F.

The name in the URL is an *alias*: documents live in a collection ``NAME__<stamp>``, which
lets ``rebuild`` fill a fresh collection and switch the alias only when it is complete.
"""

from __future__ import annotations

import datetime as _dt
import os
import time
from collections import Counter
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from ..article import Article
from ..errors import QueryError
from ..filters import DateArg, Resolver

if TYPE_CHECKING:  # pragma: no cover
    from ..explain import QueryPlan
from ..highlight import highlight_all, make_snippet, match_spans
from ..search import SORTS, Hit, Results, _best_display, _top, facet_names
from ..timeline import month_label, timeline_from_months
from ..analysis import terms
from ..textnorm import fold_key
from .client import IMPORT_TIMEOUT, collection, make_client, translate_error
from .config import TypesenseConfig, parse_url
from .documents import HIT_FIELDS, document_to_article
from .translate import SearchPlan, filter_text, translate

#: Typesense's largest page.
MAX_PER_PAGE = 250
#: Facet values asked for per value shown, so that grouping spellings (rare: names are
#: canonical) still gives the local index's top values; facet counting is most of the
#: server's time for a broad query (1,000 values cost 5x 100).
FACET_MARGIN = 5
#: Values asked for when every value is wanted (``facet_size=0``).
ALL_FACET_VALUES = 10_000
#: Facets counted by Typesense's facet_by (year and month are handled apart).
_FACET_FIELDS = ("source", "people", "topics", "lang")
_VOCAB_FIELDS = {"people": "people_keys", "source_key": "source_key", "topics": "topic_keys"}


class Vocabulary:
    """The filter terms of a collection, with the two reader methods that
    :func:`searchlib.filters.resolve_values` uses (``(field, term) in v``, ``v.lexicon(field)``),
    so filter values resolve by exactly the local index's rules. A whole name is checked with
    one filtered count; the full list of values is fetched only for a partial name."""

    def __init__(self, has: Callable[[str, str], bool], fetch: Callable[[], dict[str, set[str]]]) -> None:
        self._has = has
        self._fetch = fetch
        self._terms: dict[str, set[str]] | None = None

    def __contains__(self, item: tuple[str, str]) -> bool:
        fieldname, term = item
        if self._terms is not None:
            return term in self._terms.get(fieldname, set())
        return self._has(fieldname, term)

    def lexicon(self, fieldname: str) -> list[str]:
        if self._terms is None:
            self._terms = self._fetch()
        return sorted(self._terms.get(fieldname, set()))


class TypesenseBackend:
    """A searchdocs collection on a Typesense server or cluster.

    >>> ts = TypesenseBackend.from_url("typesense://KEY@127.0.0.1:8108,127.0.0.1:8118/press")  # doctest: +SKIP
    >>> ts.search("luong tam quang", since="2024").total    # doctest: +SKIP
    """

    def __init__(self, config: TypesenseConfig, *, retry_seconds: float = 60.0, batch_size: int = 200) -> None:
        self.config = config
        self.retry_seconds = retry_seconds
        self.batch_size = batch_size
        self._client = make_client(config)
        self._import_client: Any = None
        self._collection_api: Any = None

    def _client_for_import(self) -> Any:
        """A client with a longer timeout, for import batches (retried by the writer)."""
        if self._import_client is None:
            self._import_client = make_client(self.config, timeout=IMPORT_TIMEOUT, retries=len(self.config.nodes))
        return self._import_client

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> "TypesenseBackend":
        return cls(parse_url(url), **kwargs)

    def __repr__(self) -> str:
        return f"TypesenseBackend({self.config.url()!r})"

    def __str__(self) -> str:
        return self.config.url()

    @property
    def name(self) -> str:
        """The collection name of the URL (an alias when searchdocs created it)."""
        return self.config.collection

    @property
    def client(self) -> Any:
        """The ``typesense.Client`` used for searches and collection management."""
        return self._client

    def _call(self, fn: Callable[[], Any], *, collection: bool = True) -> Any:
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - translate_error passes on what it does not know
            raise translate_error(exc, self.config, self.name if collection else None) from None

    @property
    def _collection(self) -> Any:
        if self._collection_api is None:
            self._collection_api = collection(self._client, self.name)
        return self._collection_api

    # -- state -----------------------------------------------------------------------------
    @property
    def exists(self) -> bool:
        import typesense.exceptions as E

        try:
            self._collection.retrieve()
            return True
        except E.ObjectNotFound:
            return False
        except Exception as exc:  # noqa: BLE001
            raise translate_error(exc, self.config) from None

    def __len__(self) -> int:
        return int(self._call(lambda: self._collection.retrieve())["num_documents"])

    def settled_count(self, at_least: int, patience: float = 3.0) -> Results:
        """A listing (``total``, ``undated``) once the answering node holds ``at_least``
        articles, or after ``patience`` seconds: followers apply writes a moment after the
        leader commits them, so a count right after an import may read a replica behind it."""
        deadline = time.monotonic() + patience
        while True:
            results = self.search("", limit=1, facets=[], timeline=False)
            if results.total >= at_least or time.monotonic() > deadline:
                return results
            time.sleep(0.1)

    def get(self, article_id: str) -> Article | None:
        """The stored article with this id, or ``None``."""
        plan_filter = filter_text_id(article_id)
        found = self._call(lambda: self._collection.documents.search(
            {"q": "*", "filter_by": plan_filter, "per_page": 1, "include_fields": HIT_FIELDS + ",author"}))
        hits = found.get("hits") or []
        return document_to_article(hits[0]["document"]) if hits else None

    def articles(self) -> Iterator[Article]:
        """Every stored article (one export of the collection)."""
        import json

        text = self._call(lambda: self._collection.documents.export(
            {"include_fields": HIT_FIELDS + ",author"}))
        for line in text.splitlines():
            if line.strip():
                yield document_to_article(json.loads(line))

    # -- writing (see load.py) -------------------------------------------------------------
    def update(self, paths: Iterable[str | os.PathLike[str]], *, progress=None, on_problem=None,
               wait: bool = False, on_wait=None):
        """Upsert the articles of the files under ``paths`` (an interrupted run is resumed by
        running it again; no duplicates). Articles whose files are gone stay until ``rebuild``.
        ``wait``/``on_wait`` are accepted for the interface: Typesense serialises writes itself."""
        from .load import load_files

        return load_files(self, list(paths), rebuild=False, progress=progress, on_problem=on_problem)

    def rebuild(self, paths: Iterable[str | os.PathLike[str]], *, progress=None, on_problem=None,
                wait: bool = False, on_wait=None):
        """Fill a fresh collection from ``paths`` and switch the alias to it when complete."""
        from .load import load_files

        return load_files(self, list(paths), rebuild=True, progress=progress, on_problem=on_problem)

    def import_articles(self, articles: Iterable[Article], *, rebuild: bool = False,
                        progress: Callable[[int], None] | None = None, on_retry=None):
        """Upsert ``articles`` in batches (see :mod:`.writer`); returns the writer's tally."""
        from .load import load_articles

        return load_articles(self, articles, rebuild=rebuild, progress=progress, on_retry=on_retry)

    # -- searching -------------------------------------------------------------------------
    def _has_term(self, fieldname: str, term: str) -> bool:
        if "`" in term:
            return False
        found = self._call(lambda: self._collection.documents.search(
            {"q": "*", "per_page": 0, "filter_by": f"{_VOCAB_FIELDS[fieldname]}:=[`{term}`]"}))
        return int(found.get("found", 0)) > 0

    def _vocabulary(self) -> dict[str, set[str]]:
        found = self._call(lambda: self._collection.documents.search(
            {"q": "*", "per_page": 0, "facet_by": ",".join(_VOCAB_FIELDS.values()),
             "max_facet_values": 1_000_000}))
        by_ts = {fc["field_name"]: {c["value"] for c in fc["counts"]} for fc in found.get("facet_counts", [])}
        return {wf: by_ts.get(tf, set()) for wf, tf in _VOCAB_FIELDS.items()}

    def search(self, query: str = "", *, since: DateArg = None, until: DateArg = None,
               source: str | Sequence[str] | None = None, person: str | Sequence[str] | None = None,
               topic: str | Sequence[str] | None = None, lang: str | Sequence[str] | None = None,
               sort: str = "relevance", limit: int = 10, page: int = 1, lenient: bool = False,
               match: str = "all", facet_size: int = 20, facets: Sequence[str] | None = None,
               timeline: bool = True, suggest: bool = True) -> Results:
        """Ranked, filtered, faceted search, as :meth:`searchlib.Index.search`. ``suggest``
        is accepted for the interface; "did you mean" is the local index's (it reads its
        term dictionary), so ``Results.suggestion`` stays ``None`` here."""
        started = time.perf_counter()
        names = facet_names(facets)
        if sort not in SORTS:
            raise QueryError(f"unknown sort {sort!r}", "use relevance, newest or oldest")
        if limit < 0 or page < 1:
            raise QueryError("limit must be ≥ 0 and page ≥ 1", "")
        resolver = Resolver(Vocabulary(self._has_term, self._vocabulary))
        plan = translate(query or "", resolver, lenient=lenient, match=match)
        flags = resolver.build(since=since, until=until, source=_as_list(source), person=_as_list(person),
                               topic=_as_list(topic), lang=_as_list(lang))
        filters = plan.filters + ([filter_text(flags)] if flags is not None else [])
        if not plan.has_words and not plan.filters and sort == "relevance":
            sort = "newest"
        params = _params(plan, filters, sort, facet_size, names)
        start = (page - 1) * limit
        first, docs = self._fetch(params, start, limit)
        counts = _counts(first)
        months: Counter = Counter()
        if timeline or "month" in names:  # every month, in a lean second request
            monthly = self._call(lambda: self._collection.documents.search(
                {**_lean(params), "per_page": 0, "facet_by": "month", "max_facet_values": ALL_FACET_VALUES}))
            months = Counter({int(v): n for v, n in _counts(monthly).get("month", []) if v != "0"})
        counted, undated = _facets(counts, months, facet_size, names)
        hits = [_hit(h, plan) for h in docs]
        results = Results(query=plan.text, total=int(first.get("found", 0)), hits=hits, facets=counted,
                          page=page, limit=limit, sort=sort, notes=plan.notes, undated=undated)
        if timeline:
            results.timeline = timeline_from_months(months, undated)
        results.took_ms = (time.perf_counter() - started) * 1000
        return results

    def explain(self, query: str = "", *, since: DateArg = None, until: DateArg = None,
                source: str | Sequence[str] | None = None, person: str | Sequence[str] | None = None,
                topic: str | Sequence[str] | None = None, lang: str | Sequence[str] | None = None,
                lenient: bool = False, match: str = "all") -> QueryPlan:
        """How :meth:`search` reads this query here: the folded terms, phrases and
        exclusions sent to Typesense, the filter values resolved, and the parameters sent."""
        from ..explain import QueryPlan, _Walker

        resolver = Resolver(Vocabulary(self._has_term, self._vocabulary))
        plan = translate(query or "", resolver, lenient=lenient, match=match)
        flags = resolver.build(since=since, until=until, source=_as_list(source), person=_as_list(person),
                               topic=_as_list(topic), lang=_as_list(lang))
        described = QueryPlan(text=plan.text, match=match, accented=False, fields=plan.query_by.split(","),
                              folded=plan.words, phrases=plan.phrases, excluded=plan.excluded,
                              prefixes=[plan.mark_prefix + "*"] if plan.mark_prefix else [], notes=list(plan.notes))
        if flags is not None:
            _Walker(described).walk(flags)
        filters = " && ".join(plan.filters + ([filter_text(flags)] if flags is not None else []))
        described.notes.append(f"Typesense backend: exact and stemmed terms are not searched; sent "
                               f"q={plan.q!r} query_by={plan.query_by} filter_by={filters or '-'}")
        return described

    def _fetch(self, params: dict, start: int, limit: int) -> tuple[dict, list[dict]]:
        """The first answer (total, facets) and the hits in ``[start, start+limit)``
        (to the end when ``limit`` is 0), in pages of at most :data:`MAX_PER_PAGE`."""
        docs = self._collection.documents
        if 0 < limit <= MAX_PER_PAGE and start % limit == 0:
            first = self._call(lambda: docs.search({**params, "per_page": limit, "page": start // limit + 1}))
            return first, list(first.get("hits", []))
        per = MAX_PER_PAGE
        number = start // per + 1
        first = self._call(lambda: docs.search({**params, "per_page": per, "page": number}))
        collected = list(first.get("hits", []))
        found = int(first.get("found", 0))
        end = min(start + limit, found) if limit else found
        lean = _lean(params)
        next_page = number + 1
        while (next_page - 1) * per < end:
            more = self._call(lambda: docs.search({**lean, "per_page": per, "page": next_page}))
            if not more.get("hits"):
                break
            collected.extend(more["hits"])
            next_page += 1
        offset = start - (number - 1) * per
        return first, collected[offset:offset + limit if limit else None]


def filter_text_id(article_id: str) -> str:
    from whoosh import query as Q

    return filter_text(Q.Term("id", article_id))


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if v]


def _lean(params: dict[str, Any]) -> dict[str, Any]:
    """``params`` without facets (for further pages and the month counts)."""
    return {k: v for k, v in params.items() if k not in ("facet_by", "max_facet_values")}


def _params(plan: SearchPlan, filters: list[str], sort: str, facet_size: int,
            names: Sequence[str]) -> dict[str, Any]:
    order = {"relevance": "_text_match:desc,day:desc",
             "newest": "day:desc,_text_match:desc",
             "oldest": "day_last:asc,_text_match:desc"}[sort]
    params: dict[str, Any] = {
        "q": plan.q, "query_by": plan.query_by, "query_by_weights": plan.weights,
        "num_typos": 0, "typo_tokens_threshold": 0, "prefix": plan.prefix,
        # all words required; with --any, words are dropped until enough articles match
        "drop_tokens_threshold": 1_000_000 if plan.match_any else 0,
        # year always: its 0 bucket is the undated count
        "sort_by": order, "facet_by": ",".join(["year"] + [n for n in names if n in _FACET_FIELDS]),
        "max_facet_values": facet_size * FACET_MARGIN if facet_size else ALL_FACET_VALUES,
        "include_fields": HIT_FIELDS, "highlight_fields": "title_fold", "highlight_affix_num_tokens": 1,
    }
    if filters:
        params["filter_by"] = " && ".join(filters)
    return params


def _hit(raw: dict, plan: SearchPlan) -> Hit:
    doc = raw["document"]
    body, title = doc.get("text", ""), doc.get("title", "")
    marks = set(plan.marks)
    if plan.mark_prefix:
        marks |= {t for t in terms("folded", title + "\n" + body) if t.startswith(plan.mark_prefix)}
    chains = {"folded": marks} if marks else {}
    snippet = make_snippet(body, match_spans(body, chains) if chains else [])
    date = doc.get("date")
    return Hit(id=doc["article_id"], path=doc.get("path", ""), title=title,
               date=_dt.date.fromisoformat(date) if date else None, source=doc.get("source"),
               people=list(doc.get("people") or []), topics=list(doc.get("topics") or []),
               lang=doc.get("lang", "en"), score=float(raw.get("text_match", 0)) if plan.has_words else None,
               snippet=snippet.text, snippet_highlights=snippet.highlights,
               title_highlights=highlight_all(title, chains).highlights if chains else [], url=doc.get("url"))


def _counts(answer: dict) -> dict[str, list[tuple[str, int]]]:
    return {fc["field_name"]: [(c["value"], int(c["count"])) for c in fc["counts"]]
            for fc in answer.get("facet_counts", [])}


def _facets(counts: dict[str, list[tuple[str, int]]], months: Counter, size: int,
            names: Sequence[str]) -> tuple[dict[str, dict[str, int]], int]:
    """The facets ``names`` as the local index counts them: values grouped case- and
    accent-insensitively under their best spelling, by count then value; year 0 is the
    undated count."""
    years = Counter({v: n for v, n in counts.get("year", []) if v != "0"})
    undated = sum(n for v, n in counts.get("year", []) if v == "0")
    facets: dict[str, dict[str, int]] = {}
    for name in names:
        if name == "year":
            facets[name] = _top(years, size)
        elif name == "month":
            facets[name] = _top(Counter({month_label(m): n for m, n in months.items()}), size)
        elif name == "lang":
            facets[name] = _top(Counter(dict(counts.get("lang", []))), size)
        else:
            groups: dict[str, Counter] = {}
            for value, n in counts.get(name, []):
                if value:
                    groups.setdefault(fold_key(value), Counter())[value] += n
            facets[name] = _top(Counter({_best_display(v): sum(v.values()) for v in groups.values()}), size)
    return facets, undated


__all__ = ["TypesenseBackend", "Vocabulary"]
