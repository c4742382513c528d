"""JSON Lines files: one article object per line.

A broken line must not cost the user the other thousand, so each line's problem is
collected as an :class:`IngestError` named ``path:lineno`` and the reading goes on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from searchlib.article import Article
from searchlib.errors import IngestError
from searchlib.ingest.build import build_article

_TEXT_KEYS = ("body", "text", "content")
_META_KEYS = ("title", "date", "source", "url", "people", "topics", "lang", "author")


@dataclass
class JsonlResult:
    """What one JSONL file yielded."""

    articles: list[Article] = field(default_factory=list)
    problems: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_jsonl(text: str, display_path: str, default_source: str | None = None) -> JsonlResult:
    """Parse every non-blank line of ``text``; see the module docstring for errors.
    ``default_source`` (from a ``.source`` folder file) fills records that name none."""
    result = JsonlResult()
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{display_path}:{lineno}"
        try:
            article, warnings = _read_line(line, display_path, lineno, where, default_source)
        except IngestError as exc:
            result.problems.append(exc)
            continue
        result.articles.append(article)
        result.warnings.extend(f"{where}: {w}" for w in warnings)
    return result


def _read_line(line: str, display_path: str, lineno: int, where: str,
               default_source: str | None = None) -> tuple[Article, list[str]]:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise IngestError(where, f"invalid JSON ({_short(exc)})") from None
    if not isinstance(obj, dict):
        raise IngestError(where, f"expected a JSON object, got {type(obj).__name__}")
    text = next((obj[k] for k in _TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if text is None:
        raise IngestError(where, "no article text (expected a 'body', 'text' or 'content' string)")
    given_id = obj.get("id")
    article_id = str(given_id) if given_id not in (None, "") else f"{display_path}#{lineno}"
    meta = {k: obj[k] for k in _META_KEYS if k in obj}
    if default_source and not (isinstance(meta.get("source"), str) and meta["source"].strip()):
        meta["source"] = default_source
    try:
        return build_article(text, path=display_path, article_id=article_id, meta=meta)
    except IngestError as exc:
        raise IngestError(where, exc.reason) from None


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."
