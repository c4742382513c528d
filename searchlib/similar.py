"""Articles like a given one: Whoosh's more-like-this over the folded body field.

The article's key terms (title and body, folded, weighted by Whoosh's Bo1 expansion model
against the whole index) become an OR query; the article itself is left out. The folded
field serves English and Vietnamese articles alike, so similarity crosses accents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .search import Results, build_hit
from .view import find_docnum

_FIELD = "body_fold"
#: Key terms taken from the article.
KEY_TERMS = 12
#: A term in more than this share of all articles says nothing about one (once there are
#: enough articles to tell).
MAX_SHARE = 0.5
MIN_DOCS_FOR_SHARE = 10


@dataclass
class SimilarResults(Results):
    """Results of a more-like-this search: ``like`` is the article's id, ``terms`` the key
    terms searched for."""

    like: str = ""
    terms: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["like"] = self.like
        data["terms"] = self.terms
        return data


def key_terms(searcher, text: str, numterms: int = KEY_TERMS) -> list[tuple[str, float]]:
    """The most distinctive folded terms of ``text`` with their weights: Whoosh's Bo1 key
    terms, without English function words, numbers and terms common to most articles."""
    from whoosh.analysis import STOP_WORDS

    n_docs = searcher.doc_count()
    out = []
    for word, weight in searcher.key_terms_from_text(_FIELD, text, numterms=numterms * 3, normalize=True):
        if word in STOP_WORDS or len(word) < 2 or word.isdigit():
            continue
        if n_docs >= MIN_DOCS_FOR_SHARE and searcher.doc_frequency(_FIELD, word) > MAX_SHARE * n_docs:
            continue
        out.append((word, weight))
        if len(out) == numterms:
            break
    return out


def similar_articles(searcher, article_id: str, *, limit: int = 10, numterms: int = KEY_TERMS,
                     snippet_width: int = 240) -> SimilarResults:
    """The ``limit`` articles most like ``article_id`` (``limit=0``: all that share a key term)."""
    from whoosh import query as Q

    docnum = find_docnum(searcher, article_id)
    stored = searcher.stored_fields(docnum)
    text = f"{stored.get('title', '')}\n{stored.get('text', '')}"
    terms = key_terms(searcher, text, numterms)
    words = [w for w, _ in terms]
    if not terms:
        return SimilarResults(query="", total=0, hits=[], facets={}, limit=limit, sort="similarity",
                              like=stored["id"], terms=[])
    q = Q.Or([Q.Term(_FIELD, w, boost=weight) for w, weight in terms])
    res = searcher.search(q, limit=limit or None, mask={docnum})
    chains = {"folded": set(words)}
    hits = [build_hit(searcher, n, score, chains, snippet_width) for score, n in res.top_n]
    return SimilarResults(query=" ".join(words), total=len(res), hits=hits, facets={}, limit=limit,
                          sort="similarity", like=stored["id"], terms=words)
