"""Machine-readable search output: ``--json`` (one object), ``--jsonl`` (one hit per line,
streamable), ``--csv`` (a header, then one row per hit). No colour, no pager, no progress.

CSV cells are plain one-line text; a cell that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``) gets a leading apostrophe (OWASP's advice).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import click

from .output import json_text, one_line

if TYPE_CHECKING:  # pragma: no cover
    from ..search import Results

FORMATS = ("json", "jsonl", "csv")
CSV_COLUMNS = ("rank", "id", "date", "source", "title", "path", "url", "people", "topics", "lang",
               "score", "snippet")


def chosen_format(as_json: bool, as_jsonl: bool, as_csv: bool) -> str | None:
    """The one output format asked for, or ``None`` for text; two at once is a usage error."""
    chosen = [name for name, on in zip(FORMATS, (as_json, as_jsonl, as_csv)) if on]
    if len(chosen) > 1:
        raise click.UsageError(f"choose one of --{' / --'.join(chosen)}")
    return chosen[0] if chosen else None


def format_options(f):
    """``--json``, ``--jsonl`` and ``--csv``."""
    f = click.option("--csv", "as_csv", is_flag=True,
                     help="Print hits as CSV with a header row (rank, id, date, source, title, ...).")(f)
    f = click.option("--jsonl", "as_jsonl", is_flag=True,
                     help="Print one JSON object per hit and line (JSON Lines), streamable.")(f)
    f = click.option("--json", "as_json", is_flag=True,
                     help="Print one JSON object (hits, total, facets, timeline, suggestion).")(f)
    return f


def _cell(text: str | None) -> str:
    value = one_line(text)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def write_results(results: Results, fmt: str) -> None:
    """Print ``results`` on stdout in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        click.echo(json_text(results.to_dict(), indent=2))
    elif fmt == "jsonl":
        for hit in results.hits:
            click.echo(json_text(hit.to_dict()))
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        first = (results.page - 1) * results.limit + 1 if results.limit else 1
        for rank, hit in enumerate(results.hits, first):
            writer.writerow([rank, _cell(hit.id), hit.date.isoformat() if hit.date else "",
                             _cell(hit.source), _cell(hit.title), _cell(hit.path), _cell(hit.url),
                             _cell("; ".join(hit.people)), _cell("; ".join(hit.topics)), hit.lang,
                             "" if hit.score is None else round(hit.score, 4), _cell(hit.snippet)])
        click.echo(buffer.getvalue(), nl=False)
