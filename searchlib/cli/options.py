"""Options shared by the search-like commands (search, run, similar)."""

from __future__ import annotations

import click

from .completion import index_values


def filter_options(f):
    """``--since``, ``--until``, ``--source``, ``--person``, ``--topic``, ``--lang``."""
    for option in reversed([
        click.option("--since", metavar="DATE", help="Only articles dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", metavar="DATE", help="Only articles dated on or before DATE (a partial date covers its whole period)."),
        click.option("--source", multiple=True, metavar="NAME", shell_complete=index_values("source"),
                     help="Only articles from this source; repeat for any of several."),
        click.option("--person", multiple=True, metavar="NAME", shell_complete=index_values("people"),
                     help="Only articles naming this person, with or without diacritics; repeat for any of several."),
        click.option("--topic", multiple=True, metavar="TOPIC", shell_complete=index_values("topics"),
                     help="Only articles on this topic; repeat for any of several."),
        click.option("--lang", multiple=True, type=click.Choice(["en", "vi"]), help="Only articles in this language."),
    ]):
        f = option(f)
    return f


def facet_options(f):
    """``--facet`` (repeatable), ``--facet-size``, ``--timeline/--no-timeline``."""
    f = click.option("--timeline/--no-timeline", default=True, show_default=True,
                     help="Chart hits per year (per month over a short range) under the results.")(f)
    f = click.option("--facet-size", type=click.IntRange(min=0), default=None, metavar="N",
                     help="Values per facet  [default: 8 on a terminal, 5 in a pipe, 20 in JSON; 0: all]")(f)
    f = click.option("--facet", "facet", multiple=True, metavar="NAME",
                     help="Facet to count: year, month, source, people, topics or lang; repeat for "
                          "several; none for no facets  [default: year, source, people, topics]")(f)
    return f


def facet_names_from(values: tuple[str, ...]) -> list[str] | None:
    """``--facet`` values as the library takes them: ``None`` = default set, ``[]`` = none."""
    if not values:
        return None
    if any(v.lower() == "none" for v in values):
        return []
    return list(values)
