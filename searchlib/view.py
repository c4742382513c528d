"""One article: found by id or path, with a query's matches marked, and where it came from.

Behind ``searchdocs show ID -q QUERY`` (the whole cleaned article with the query's terms
highlighted, as on a search engine's destination page) and ``searchdocs open ID``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .article import Article
from .errors import ArticleNotFoundError


@dataclass
class ArticleView:
    """An article and the ``(start, end)`` offsets of a query's matches in its title and body."""

    article: Article
    docnum: int = -1
    title_highlights: list[tuple[int, int]] = field(default_factory=list)
    body_highlights: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = self.article.to_dict()
        data["title_highlights"] = [list(s) for s in self.title_highlights]
        data["body_highlights"] = [list(s) for s in self.body_highlights]
        return data


def find_docnum(searcher, article_id: str) -> int:
    """The document number of the article with this id or, failing that, this path (when
    one article alone has it: a JSONL file holds many). Raises :class:`ArticleNotFoundError`."""
    wanted = article_id.strip()
    for candidate in dict.fromkeys([wanted, wanted.removeprefix("./")]):
        docnum = searcher.document_number(id=candidate)
        if docnum is not None:
            return docnum
        by_path = list(searcher.document_numbers(path=candidate))
        if len(by_path) == 1:
            return by_path[0]
        if len(by_path) > 1:
            raise ArticleNotFoundError(
                f"{candidate} holds {len(by_path)} articles", "give the article's id (see 'id' in --json output)")
    raise ArticleNotFoundError(f"no article with id {article_id!r} in the index",
                               "ids are the 'id' key of --json output; a file's id is its path as listed")


def view_article(searcher, article_id: str, query: str = "", *, lenient: bool = False) -> ArticleView:
    """The article ``article_id`` with the matches of ``query`` marked (none if empty)."""
    from .filters import Resolver
    from .highlight import match_spans
    from .query import parse_query
    from .schema import stored_to_article
    from .search import highlight_terms

    docnum = find_docnum(searcher, article_id)
    article = stored_to_article(searcher.stored_fields(docnum))
    view = ArticleView(article, docnum)
    if query.strip():
        reader = searcher.reader()
        parsed = parse_query(query, resolver=Resolver(reader), lenient=lenient)
        chains = highlight_terms(parsed.query, reader)
        if chains:
            view.title_highlights = match_spans(article.title, chains)
            view.body_highlights = match_spans(article.body, chains)
    return view


def original_location(article: Article, index_path: str | os.PathLike[str], prefer: str = "url") -> str:
    """Where ``article`` came from: its URL, or the absolute path of its source file
    (``prefer="file"``, or when it has no URL). Paths in the index are relative to the
    directory holding the index."""
    if prefer not in ("url", "file"):
        raise ValueError(f"prefer must be 'url' or 'file', not {prefer!r}")
    from .indexer import disk_path

    if prefer == "url" and article.url:
        return article.url
    return str(disk_path(article.path, Path(os.path.abspath(index_path)).parent))
