"""``searchdocs show``, ``open`` and ``similar``: one article, its original, articles like it."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ExitCode, SearchdocsError
from .common import corpus_option, index_option, open_for_search
from .display import Display, color_option, pager_option
from .formats import chosen_format, format_options
from .output import json_text, one_line, safe

_SETTINGS = {"help_option_names": ["-h", "--help"]}


@click.command("show", context_settings=_SETTINGS)
@click.argument("article_id", metavar="ID")
@click.option("-q", "--query", default="", metavar="QUERY", help="Highlight the matches of QUERY in the article.")
@click.option("--lenient", is_flag=True, help="Never fail on query syntax: highlight the words as typed.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the article as one JSON object, with title_highlights and body_highlights offsets.")
@color_option
@pager_option(default=True)
@index_option
@corpus_option
def show_command(article_id: str, query: str, lenient: bool, as_json: bool, color: str, pager: bool,
                 index_path: Path, corpus_path: Path) -> None:
    """Print the whole cleaned article ID with its metadata.

    ID is the article's id (the 'id' key of --json output) or its file's path as listed
    by a search. With -q, the query's matches are marked bold and underlined. On a terminal
    the article is paged (--no-pager to print it straight).

    \b
    Examples:
      searchdocs show corpus/001_cb2f719aa211d3bc.txt
      searchdocs show corpus/001_cb2f719aa211d3bc.txt -q "luong tam quang"
    """
    ix = open_for_search(index_path, corpus_path, quiet=as_json)
    view = ix.view(article_id, query, lenient=lenient)
    if as_json:
        click.echo(json_text(view.to_dict(), indent=2))
        return
    display = Display(color, pager)
    if not display.terminal_layout:
        _plain_article(view.article)
        return
    out = display.console()
    with display.paged(out):
        _rich_article(out, view)


def _meta_rows(article) -> list[tuple[str, str]]:
    return [("id", article.id), ("date", article.date.isoformat() if article.date else "— (undated)"),
            ("source", article.source or "—"), ("lang", article.lang),
            ("people", "; ".join(article.people) or "—"), ("topics", "; ".join(article.topics) or "—"),
            ("author", article.author or "—"), ("url", article.url or "—"), ("path", article.path)]


def _plain_article(article) -> None:
    click.echo(one_line(article.title))
    click.echo()
    for name, value in _meta_rows(article):
        click.echo(f"{name:>6}: {one_line(value)}")
    click.echo()
    for paragraph in safe(article.body).split("\n"):
        click.echo(paragraph)


def _rich_article(out, view) -> None:
    from rich.text import Text

    from .render import marked

    article = view.article
    out.print(marked(article.title, view.title_highlights, "bold", flat=True))
    out.print()
    for name, value in _meta_rows(article):
        line = Text(f"{name:>6}: ", style="dim")
        line.append(one_line(value))
        out.print(line)
    out.print()
    out.print(marked(article.body, view.body_highlights))


@click.command("open", context_settings=_SETTINGS)
@click.argument("article_id", metavar="ID")
@click.option("--file", "prefer_file", is_flag=True, help="Open the local source file even when the article has a URL.")
@click.option("--print", "print_only", is_flag=True, envvar="SEARCHDOCS_OPEN_PRINT", show_envvar=True,
              help="Print the URL or path that would be opened instead of opening it.")
@index_option
@corpus_option
def open_command(article_id: str, prefer_file: bool, print_only: bool, index_path: Path, corpus_path: Path) -> None:
    """Open the original of article ID: its URL in the browser, else its source file.

    \b
    Examples:
      searchdocs open corpus/001_cb2f719aa211d3bc.txt
      searchdocs open corpus/001_cb2f719aa211d3bc.txt --print    # just print where it is
    """
    ix = open_for_search(index_path, corpus_path, quiet=print_only)
    target = ix.original(article_id, prefer="file" if prefer_file else "url")
    if print_only:
        click.echo(one_line(target))
        return
    status = click.launch(target, wait=True)
    if status != 0:
        raise SearchdocsError(f"could not open {one_line(target)} (the opener exited with status {status})",
                              "run with --print to see the location and open it yourself")


@click.command("similar", context_settings=_SETTINGS)
@click.argument("article_id", metavar="ID")
@click.option("-n", "--limit", type=click.IntRange(min=0), default=10, show_default=True,
              help="How many similar articles; 0 for every article sharing a key term.")
@format_options
@color_option
@pager_option(default=False)
@index_option
@corpus_option
def similar_command(article_id: str, limit: int, as_json: bool, as_jsonl: bool, as_csv: bool, color: str,
                    pager: bool, index_path: Path, corpus_path: Path) -> None:
    """List articles like article ID, most similar first.

    Similarity is Whoosh's more-like-this: the article's most distinctive words (folded,
    so it works across accents) searched in every other article.

    \b
    Examples:
      searchdocs similar corpus/002_f7e726d1e6a85118.txt
      searchdocs similar corpus/002_f7e726d1e6a85118.txt -n 3 --json

    Exit status: 0 similar articles found, 1 none, 2 error.
    """
    from .search_cmd import show_results

    fmt = chosen_format(as_json, as_jsonl, as_csv)
    ix = open_for_search(index_path, corpus_path, quiet=fmt is not None)
    results = ix.similar(article_id, limit=limit)
    if fmt is None and results.terms:
        click.echo(f"searchdocs: like {one_line(results.like)}: {', '.join(results.terms)}", err=True)
    show_results(results, fmt, Display(color, pager))
    raise click.exceptions.Exit(int(ExitCode.OK if results.total else ExitCode.NO_HITS))
