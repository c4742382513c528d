"""Articles as Typesense documents, analysed by searchdocs itself.

Typesense's own normalisation folds only some Vietnamese letters (``đ`` and Latin-1
accents, not ``ư``, ``ơ``, ``ẵ``, ``ộ``…), so it is never asked to analyse text. The
searchable fields hold the tokens of searchdocs' ``folded`` chain (the very
:func:`searchlib.analysis.analyse` streams behind the Whoosh fields ``title_fold`` and
``body_fold``: tones and shapes removed, place spellings merged), joined by spaces; the
display text is stored unindexed. Queries are folded by the same chain
(:mod:`.translate`), so ``luong tam quang`` meets ``Lương Tam Quang`` on both backends.

The document is derived from the :class:`Article` and the analysis functions only, never
from Whoosh's schema, so either can change without the other noticing.

Filter and facet fields mirror the Whoosh ones: folded keys for filtering (``people_keys``,
``source_key``, ``topic_keys``), display values for facets (``people``, ``source``,
``topics``), ``year`` (0 when undated) and ``day`` as YYYYMMDD (0 when undated) plus
``day_last`` (undated sorts last in oldest-first order too).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Any, Mapping

from ..analysis import terms
from ..article import Article
from ..filters import day_number
from ..textnorm import fold_key

#: Sorts after every real date in ``day_last``.
UNDATED_LAST = 99999999

FIELDS: list[dict[str, Any]] = [
    {"name": "article_id", "type": "string"},
    {"name": "title_fold", "type": "string"},
    {"name": "body_fold", "type": "string"},
    {"name": "day", "type": "int32"},
    {"name": "day_last", "type": "int32"},
    {"name": "year", "type": "int32", "facet": True},
    {"name": "month", "type": "int32", "facet": True},
    {"name": "lang", "type": "string", "facet": True},
    {"name": "source", "type": "string", "facet": True, "optional": True},
    {"name": "source_key", "type": "string", "facet": True, "optional": True},
    {"name": "people", "type": "string[]", "facet": True},
    {"name": "people_keys", "type": "string[]", "facet": True},
    {"name": "topics", "type": "string[]", "facet": True},
    {"name": "topic_keys", "type": "string[]", "facet": True},
    # stored only: what hits, `get` and `sync` give back
    {"name": "path", "type": "string", "index": False, "optional": True},
    {"name": "title", "type": "string", "index": False, "optional": True},
    {"name": "text", "type": "string", "index": False, "optional": True},
    {"name": "date", "type": "string", "index": False, "optional": True},
    {"name": "url", "type": "string", "index": False, "optional": True},
    {"name": "author", "type": "string", "index": False, "optional": True},
]

#: Fields a hit needs (the folded fields are left on the server).
HIT_FIELDS = "article_id,path,title,text,date,source,people,topics,lang,url"


def collection_schema(name: str) -> dict[str, Any]:
    """The Typesense schema for a searchdocs collection called ``name``."""
    return {"name": name, "fields": FIELDS, "token_separators": [], "symbols_to_index": []}


def doc_id(article_id: str) -> str:
    """The Typesense document id for an article id: a hash, so any article id (paths with
    slashes, ``#LINE``, spaces) is a valid, URL-safe Typesense id, and re-importing an
    article upserts the same document."""
    return hashlib.sha1(article_id.encode("utf-8")).hexdigest()


def folded_text(text: str) -> str:
    """``text`` as the folded chain's tokens joined by spaces (what Typesense indexes)."""
    return " ".join(terms("folded", text)) if text else ""


def article_to_document(article: Article) -> dict[str, Any]:
    """The Typesense document for ``article``."""
    day = day_number(article.date) if article.date else 0
    doc: dict[str, Any] = {
        "id": doc_id(article.id),
        "article_id": article.id,
        "path": article.path,
        "title": article.title,
        "text": article.body,
        "title_fold": folded_text(article.title),
        "body_fold": folded_text(article.body),
        "day": day,
        "day_last": day or UNDATED_LAST,
        "year": article.date.year if article.date else 0,
        "month": article.date.year * 12 + article.date.month - 1 if article.date else 0,
        "lang": article.lang,
        "people": list(article.people),
        "people_keys": [fold_key(p) for p in article.people],
        "topics": list(article.topics),
        "topic_keys": [fold_key(t) for t in article.topics],
    }
    if article.date:
        doc["date"] = article.date.isoformat()
    if article.source:
        doc["source"] = article.source
        doc["source_key"] = fold_key(article.source)
    for name in ("url", "author"):
        value = getattr(article, name)
        if value:
            doc[name] = value
    return doc


def document_to_article(doc: Mapping[str, Any]) -> Article:
    """The :class:`Article` a stored document holds."""
    date = doc.get("date")
    return Article(id=doc["article_id"], path=doc.get("path", ""), title=doc.get("title", ""),
                   body=doc.get("text", ""), date=_dt.date.fromisoformat(date) if date else None,
                   source=doc.get("source"), url=doc.get("url"), author=doc.get("author"),
                   people=list(doc.get("people") or []), topics=list(doc.get("topics") or []),
                   lang=doc.get("lang", "en"))
