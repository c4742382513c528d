"""``searchdocs extract``: show what the ingester makes of files."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ExitCode, IngestError
from .output import error_line, json_text, one_line, safe


@click.command("extract", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per article (JSON Lines) with every field, including body.")
def extract_command(files: tuple[Path, ...], as_json: bool) -> None:
    """Print the articles, metadata and cleaned text the ingester finds in FILES.

    Use it to see why an article is or is not found: its date, source, people, topics,
    language and the body text that gets indexed. Directories are read recursively.

    \b
    Examples:
      searchdocs extract corpus/001_cb2f719aa211d3bc.txt
      searchdocs extract --json corpus/ | jq .people

    Exit status: 0 all files read, 3 some files skipped, 2 nothing could be read.
    """
    from ..ingest import extract_file, iter_source_files

    articles = failed = 0
    for path in iter_source_files(files):
        try:
            result = extract_file(path, str(path))
        except IngestError as err:
            failed += 1
            error_line(f"skipped {err.path}: {err.reason}")
            continue
        for problem in result.problems:
            failed += 1
            error_line(f"skipped {problem.path}: {problem.reason}")
        for warning in result.warnings:
            click.echo(f"searchdocs: warning: {one_line(warning)}", err=True)
        for article in result.articles:
            articles += 1
            if as_json:
                click.echo(json_text(article.to_dict()))
            else:
                _print_article(article)
    if not articles and failed:
        raise click.exceptions.Exit(int(ExitCode.ERROR))
    raise click.exceptions.Exit(int(ExitCode.PARTIAL if failed else ExitCode.OK))


def _print_article(article) -> None:
    fields = [("id", article.id), ("path", article.path), ("title", article.title),
              ("date", article.date.isoformat() if article.date else "— (undated)"),
              ("source", article.source or "—"), ("lang", article.lang),
              ("people", "; ".join(article.people) or "—"), ("topics", "; ".join(article.topics) or "—"),
              ("url", article.url or "—"), ("author", article.author or "—"),
              ("body", f"{len(article.body)} characters")]
    for name, value in fields:
        click.echo(f"{name:>7}: {one_line(value)}")
    click.echo()
    for paragraph in safe(article.body).split("\n"):
        click.echo(f"    {paragraph}" if paragraph else "")
    click.echo()
