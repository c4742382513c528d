"""The ingester: corpus files in, cleaned :class:`~searchlib.article.Article` records out.

Public interface (used by the indexer, the CLI and scripts):

* :data:`SUPPORTED_SUFFIXES` and :func:`iter_source_files` find the corpus files;
* :func:`extract_file` reads one file into a :class:`FileResult`;
* :func:`extract` reads a file or a directory into articles (for scripts);
* :func:`extract_text` builds one article from raw text and given metadata.

bs4/lxml are imported only when an HTML file is read, to keep CLI start-up fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from searchlib.article import Article
from searchlib.errors import IngestError
from searchlib.ingest.files import SUPPORTED_SUFFIXES, iter_source_files, iter_source_paths

if TYPE_CHECKING:  # pragma: no cover
    from searchlib.ingest.reader import FileResult, extract_file

__all__ = ["SUPPORTED_SUFFIXES", "FileResult", "extract", "extract_file", "extract_text", "iter_source_files",
           "iter_source_paths"]


def __getattr__(name: str) -> Any:
    # The reader pulls in every extractor; load it on first use, not when a caller only
    # needs the file list (the staleness check a search runs).
    if name in ("FileResult", "extract_file"):
        from searchlib.ingest import reader

        return getattr(reader, name)
    raise AttributeError(f"module 'searchlib.ingest' has no attribute {name!r}")


def extract(path: str | Path) -> list[Article]:
    """All articles in a file or under a directory.

    A single file given directly that cannot be read raises :class:`IngestError`; under a
    directory, unreadable files are skipped (the indexer is the one that reports them).
    """
    from searchlib.ingest.reader import extract_file

    path = Path(path)
    if not path.is_dir():
        files = list(iter_source_files([path]))
        if not files:
            raise IngestError(str(path), "unsupported file type",
                              hint="supported: .txt .md .html .htm .jsonl, each optionally .gz")
        return extract_file(files[0]).articles
    articles: list[Article] = []
    for file in iter_source_files([path]):
        try:
            articles.extend(extract_file(file).articles)
        except IngestError:
            continue
    return articles


def extract_text(text: str, *, path: str = "<text>", title: str | None = None, date: object = None,
                 source: str | None = None, url: str | None = None, people: list[str] | str | None = None,
                 topics: list[str] | str | None = None, lang: str | None = None,
                 id: str | None = None) -> Article:  # noqa: A002 - the field is called id
    """One article from raw text: given metadata wins, missing fields are extracted.

    ``date`` may be a ``date`` or a string; a string that is not a full date is ignored
    and the date is taken from the text. A ``source`` that is a site's address
    ("dantri.com.vn", "https://dantri.com.vn/...") names the page, not the story: a closing
    credit of another outlet ("Theo TTXVN") gives the source instead, as on the site itself.
    Raises :class:`IngestError` when no text is left after cleaning.
    """
    from searchlib.ingest.build import build_article

    meta = {"title": title, "date": date, "source": source, "url": url, "people": people, "topics": topics,
            "lang": lang}
    article, _ = build_article(text, path=path, article_id=id if id is not None else path, meta=meta)
    return article
