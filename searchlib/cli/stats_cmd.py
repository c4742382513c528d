"""``searchdocs stats`` and ``searchdocs facets``: what the index holds."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ExitCode
from .charts import timeline_lines
from .common import corpus_option, index_option, open_for_search
from .output import json_text, one_line

_SETTINGS = {"help_option_names": ["-h", "--help"]}


def human_size(n: int) -> str:
    """``1536`` → ``1.5 KiB``."""
    size = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{int(size)} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


@click.command("stats", context_settings=_SETTINGS)
@click.option("--top", type=click.IntRange(min=0), default=5, show_default=True,
              help="Sources, people and topics to list (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as one JSON object.")
@index_option
@corpus_option
def stats_command(top: int, as_json: bool, index_path: Path, corpus_path: Path) -> None:
    """Summarise the index: articles, dates, languages, top sources, people and topics.

    \b
    Examples:
      searchdocs stats
      searchdocs stats --top 20 --json
    """
    ix = open_for_search(index_path, corpus_path, quiet=as_json)
    stats = ix.stats(top=top)
    if as_json:
        click.echo(json_text(stats.to_dict(), indent=2))
        return
    dated = stats.articles - stats.undated
    span = (f"{stats.first_date} … {stats.last_date}" if stats.first_date else "—")

    def counts(values: dict[str, int]) -> str:
        return ", ".join(f"{one_line(v)} ({n})" for v, n in values.items()) or "—"

    rows = [("index", f"{one_line(stats.path)} · {human_size(stats.size_bytes)} · {stats.files} source "
                      f"file{'' if stats.files == 1 else 's'} · {stats.segments} segment{'' if stats.segments == 1 else 's'}"),
            ("updated", stats.updated.strftime("%Y-%m-%d %H:%M:%S") if stats.updated else "—"),
            ("articles", f"{stats.articles} ({dated} dated, {stats.undated} undated)"),
            ("dates", span),
            ("languages", counts(stats.languages)),
            ("sources", counts(stats.sources)),
            ("people", counts(stats.people)),
            ("topics", counts(stats.topics))]
    for name, value in rows:
        click.echo(f"{name:>9}: {value}")
    lines = timeline_lines(stats.years)
    if lines:
        click.echo("    years:")
        for line in lines:
            click.echo(f"      {line}")


@click.command("facets", context_settings=_SETTINGS)
@click.argument("name", metavar="FACET")
@click.option("--match", metavar="TEXT",
              help="Only values containing TEXT, ignoring case and diacritics (nguyen finds Nguyễn).")
@click.option("-n", "--limit", type=click.IntRange(min=0), default=0, show_default=True,
              help="At most this many values; 0 lists all.")
@click.option("--json", "as_json", is_flag=True, help="Print {value: count} as one JSON object.")
@index_option
@corpus_option
def facets_command(name: str, match: str | None, limit: int, as_json: bool, index_path: Path,
                   corpus_path: Path) -> None:
    """List the values of FACET in the whole index with article counts, most first.

    FACET is source, people (or person), topics (or topic), year, month or lang. Use it to
    find how a name is spelled in the index, then filter with --person.

    \b
    Examples:
      searchdocs facets people --match nguyen
      searchdocs facets source
      searchdocs facets month --json

    Exit status: 0 values listed, 1 none matched, 2 error.
    """
    from ..search import facet_names

    (canonical,) = facet_names([name])
    ix = open_for_search(index_path, corpus_path, quiet=as_json)
    values = ix.facet_values(canonical, match=match, limit=limit)
    if as_json:
        click.echo(json_text({"facet": canonical, "match": match, "values": values}, indent=2))
    else:
        width = max((len(str(n)) for n in values.values()), default=1)
        for value, count in values.items():
            click.echo(f"{count:>{width}}  {one_line(value)}")
    raise click.exceptions.Exit(int(ExitCode.OK if values else ExitCode.NO_HITS))
