"""``searchdocs [search] QUERY``: ranked, filtered, faceted search."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ExitCode
from .common import backend_option, corpus_option, index_option, open_for_search
from .display import Display, color_option, pager_option
from .formats import chosen_format, format_options, write_results
from .options import facet_names_from, facet_options, filter_options
from .output import notice


@click.command("search", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("query", nargs=-1)
@filter_options
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default=None,
              help="Order of hits  [default: relevance; newest when there is no query]")
@click.option("-n", "--limit", type=click.IntRange(min=0), default=10, show_default=True,
              help="Hits per page; 0 shows every hit.")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True, help="Page of hits to show.")
@format_options
@facet_options
@click.option("--lenient", is_flag=True, help="Never fail on query syntax: search the words as typed.")
@click.option("--any", "match_any", is_flag=True,
              help="Rank articles with any of the words (more and closer first) instead of requiring all.")
@click.option("--explain", is_flag=True,
              help="Print the parsed query (fields, folded and exact terms, dates, filters) on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; the exit status tells whether anything matched.")
@color_option
@pager_option(default=False)
@index_option
@corpus_option
@backend_option
def search_command(query: tuple[str, ...], since, until, source, person, topic, lang, sort, limit,
                   page, as_json, as_jsonl, as_csv, facet, facet_size, timeline, lenient, match_any,
                   explain, quiet, color, pager, index_path: Path, corpus_path: Path,
                   backend: str | None) -> None:
    """Search the index; QUERY words are all required.

    \b
    Query syntax (Whoosh): "exact phrase", -exclude, a OR b, (groups), traffick*,
    and fields: title: body: person: source: topic: lang: year: date:
    Words typed without accents match any accents; typed accents rank exact matches first.
    When nothing (or very little) matches, a respelling is suggested on stderr.

    \b
    Examples:
      searchdocs "human trafficking" --since 2024
      searchdocs '"To Lam" cooperation' --source VNA --json
      searchdocs --person "luong tam quang" --sort newest
      searchdocs "ma túy" --lang vi --until 2024-06 --facet month
      searchdocs "extradition" --csv -n 0 > hits.csv
      searchdocs -q "cyber fraud" --since 2025 && echo found

    Exit status: 0 hits found, 1 no hits, 2 error.
    """
    fmt = chosen_format(as_json, as_jsonl, as_csv)
    text = " ".join(query)
    filters = dict(since=since, until=until, source=list(source), person=list(person), topic=list(topic),
                   lang=list(lang))
    match = "any" if match_any else "all"
    ix = open_for_search(index_path, corpus_path, quiet=quiet, backend=backend)
    if quiet:
        results = ix.search(text, **filters, limit=1, lenient=lenient, match=match, facets=[],
                            timeline=False, suggest=False)
        raise click.exceptions.Exit(int(ExitCode.OK if results.total else ExitCode.NO_HITS))
    if explain:
        from .explain_text import print_explain

        print_explain(ix.explain(text, **filters, lenient=lenient, match=match))
    facets = facet_names_from(facet)
    results = ix.search(text, **filters, sort=sort or "relevance", limit=limit, page=page, lenient=lenient,
                        match=match, facet_size=20 if facet_size is None else facet_size, facets=facets,
                        timeline=timeline)
    show_results(results, fmt, Display(color, pager), facet_size)
    raise click.exceptions.Exit(int(ExitCode.OK if results.total else ExitCode.NO_HITS))


def show_results(results, fmt: str | None, display: Display, facet_size: int | None = None) -> None:
    """Notes, then the results in ``fmt`` (or text laid out for the terminal or a pipe),
    then the suggestion, if any, on stderr."""
    from .render import render_plain, render_rich

    for note in results.notes:
        notice(note)
    if fmt is not None:
        write_results(results, fmt)
    elif display.terminal_layout:
        out = display.console()
        with display.paged(out):
            render_rich(results, out=out, facet_size=facet_size)
    else:
        render_plain(results, facet_size=facet_size)
    if results.suggestion:
        notice(f"did you mean: {results.suggestion}")
