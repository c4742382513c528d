"""``searchdocs [search] QUERY``: ranked, filtered, faceted search."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ExitCode
from .common import backend_option, corpus_option, index_option, open_for_search
from .output import json_text, notice, stdout_is_tty
from .render import render_plain, render_rich


@click.command("search", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("query", nargs=-1)
@click.option("--since", metavar="DATE", help="Only articles dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Only articles dated on or before DATE (a partial date covers its whole period).")
@click.option("--source", multiple=True, metavar="NAME", help="Only articles from this source; repeat for any of several.")
@click.option("--person", multiple=True, metavar="NAME", help="Only articles naming this person, with or without diacritics; repeat for any of several.")
@click.option("--topic", multiple=True, metavar="TOPIC", help="Only articles on this topic; repeat for any of several.")
@click.option("--lang", multiple=True, type=click.Choice(["en", "vi"]), help="Only articles in this language.")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default=None,
              help="Order of hits  [default: relevance; newest when there is no query]")
@click.option("-n", "--limit", type=click.IntRange(min=0), default=10, show_default=True,
              help="Hits per page; 0 shows every hit.")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True, help="Page of hits to show.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (hits and facets) instead of text.")
@click.option("--lenient", is_flag=True, help="Never fail on query syntax: search the words as typed.")
@click.option("--any", "match_any", is_flag=True,
              help="Rank articles with any of the words (more and closer first) instead of requiring all.")
@index_option
@corpus_option
@backend_option
def search_command(query: tuple[str, ...], since, until, source, person, topic, lang, sort, limit,
                   page, as_json, lenient, match_any, index_path: Path, corpus_path: Path,
                   backend: str | None) -> None:
    """Search the index; QUERY words are all required.

    \b
    Query syntax (Whoosh): "exact phrase", -exclude, a OR b, (groups), traffick*,
    and fields: title: body: person: source: topic: lang: year: date:
    Words typed without accents match any accents; typed accents rank exact matches first.

    \b
    Examples:
      searchdocs "human trafficking" --since 2024
      searchdocs '"To Lam" cooperation' --source VNA --json
      searchdocs --person "luong tam quang" --sort newest
      searchdocs "ma túy" --lang vi --until 2024-06

    Exit status: 0 hits found, 1 no hits, 2 error.
    """
    text = " ".join(query)
    ix = open_for_search(index_path, corpus_path, quiet=False, backend=backend)
    results = ix.search(text, since=since, until=until, source=list(source), person=list(person),
                        topic=list(topic), lang=list(lang), sort=sort or "relevance", limit=limit,
                        page=page, lenient=lenient, match="any" if match_any else "all")
    for note in results.notes:
        notice(note)
    if as_json:
        click.echo(json_text(results.to_dict(), indent=2))
    elif stdout_is_tty():
        render_rich(results)
    else:
        render_plain(results)
    raise click.exceptions.Exit(int(ExitCode.OK if results.total else ExitCode.NO_HITS))
