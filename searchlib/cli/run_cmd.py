"""``searchdocs run NAME``: run a search saved in ``searchdocs.toml``."""

from __future__ import annotations

import click

from ..errors import SearchdocsError
from .config import Config


@click.command("run", context_settings={"help_option_names": ["-h", "--help"], "ignore_unknown_options": True})
@click.argument("name", required=False)
@click.argument("extra", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def run_command(ctx: click.Context, name: str | None, extra: tuple[str, ...]) -> None:
    """Run the saved search NAME from searchdocs.toml; without NAME, list saved searches.

    EXTRA words and options are added to the saved ones: more words narrow the query,
    repeated filters widen it, other options override (e.g. --json, --since 2025).

    \b
    Examples:
      searchdocs run                       # list saved searches
      searchdocs run trafficking
      searchdocs run trafficking --since 2025 --json

    A saved search is a table in searchdocs.toml:

    \b
      [searches.trafficking]
      query = "human trafficking"
      source = ["VNA", "VGP"]
    """
    from .search_cmd import search_command

    config: Config = ctx.find_root().meta.get("searchdocs.config") or Config()
    if name is None:
        if not config.searches:
            click.echo("searchdocs: no saved searches; add a [searches.NAME] table to searchdocs.toml", err=True)
            return
        width = max(len(n) for n in config.searches)
        for saved in config.searches.values():
            click.echo(f"{saved.name:<{width}}  {saved.command_line()}")
        return
    saved = config.searches.get(name)
    if saved is None:
        known = ", ".join(config.searches) or "none"
        raise SearchdocsError(f"no saved search named {name!r}",
                              f"saved searches: {known} (in [searches.NAME] tables of searchdocs.toml)")
    parent = ctx.parent or ctx
    with search_command.make_context("search", saved.args(extra), parent=parent) as sub:
        search_command.invoke(sub)
