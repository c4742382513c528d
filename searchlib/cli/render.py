"""Rendering search results: Rich on a terminal, plain lines in a pipe.

Matches are marked bold and underlined (not by colour alone, so they survive NO_COLOR).
Article text is sanitised before display and never interpreted as Rich markup.
"""

from __future__ import annotations

import click

from ..search import Hit, Results
from .charts import BAR_WIDTH, timeline_lines, timeline_rows, timeline_title
from .output import console, notice, one_line, safe

FACET_TITLES = {"year": "Year", "month": "Month", "source": "Source", "people": "People",
                "topics": "Topics", "lang": "Lang"}
FACET_ROWS = 8


def footer(results: Results) -> str:
    """``Showing 1–10 of 23 · page 1/3 · sorted by relevance``."""
    if not results.total:
        return f"no hits for {results.query!r}" if results.query else "no matching articles"
    if not results.hits:
        return (f"nothing to show on page {results.page}: {results.total} hits fill "
                f"{results.pages} page(s)")
    first = (results.page - 1) * results.limit + 1 if results.limit else 1
    last = first + len(results.hits) - 1
    return (f"showing {first}–{last} of {results.total} · page {results.page}/{results.pages} "
            f"· sorted by {results.sort}")


def plain_line(hit: Hit) -> str:
    """``date<TAB>source<TAB>title<TAB>path``, one hit per line, for pipes."""
    return "\t".join([hit.date.isoformat() if hit.date else "-", one_line(hit.source) or "-",
                      one_line(hit.title) or "-", one_line(hit.path)])


def facet_lines(results: Results, size: int = 5) -> list[str]:
    """One line per non-empty facet, ``people: Tô Lâm (3), …``, for stderr in plain mode."""
    out = []
    for name, values in results.facets.items():
        items = [f"{one_line(v)} ({n})" for v, n in list(values.items())[:size]]
        if name in ("year", "month") and results.undated:
            items.append(f"undated ({results.undated})")
        if items:
            more = len(values) - size
            out.append(f"{name}: " + ", ".join(items) + (f", +{more} more" if more > 0 else ""))
    return out


def render_plain(results: Results, facet_size: int | None = None) -> None:
    """Hits on stdout, one per line; the footer, a facet summary (``facet_size`` values
    each, default 5) and the timeline on stderr."""
    for hit in results.hits:
        click.echo(plain_line(hit))
    notice(footer(results))
    if results.hits:
        for line in facet_lines(results, facet_size or 5):
            click.echo(f"  {line}", err=True)
        if results.timeline and (results.timeline.buckets or results.timeline.undated):
            click.echo(f"  {timeline_title(results.timeline).lower()}:", err=True)
            for line in timeline_lines(results.timeline):
                click.echo(f"    {line}", err=True)


def marked(text: str, spans, base_style: str = "", *, flat: bool = False):
    """``text`` as a Rich ``Text`` (never parsed as markup), sanitised piece by piece so
    the match spans, computed on the raw text, still mark the right words; ``flat`` puts
    it on one line."""
    from rich.text import Text

    clean = _flat if flat else safe
    out = Text(style=base_style)
    pos = 0
    for start, end in sorted(spans):
        if start < pos or end <= start:
            continue
        out.append(clean(text[pos:start]))
        out.append(clean(text[start:end]), style="bold underline")
        pos = end
    out.append(clean(text[pos:]))
    return out


def _flat(text: str) -> str:
    """``safe`` text with line breaks as spaces, keeping the spaces at its ends (unlike
    ``one_line``, so pieces of one title join up)."""
    return " ".join(safe(text).replace("\t", " ").split("\n"))


def _hit_block(rank: int, hit: Hit):
    from rich.table import Table
    from rich.text import Text

    head = Text()
    head.append(f"{hit.date.isoformat() if hit.date else 'undated':<10}", style="cyan")
    head.append("  ")
    head.append(f"{one_line(hit.source) or '—'}", style="magenta")
    head.append("  ")
    head.append_text(marked(hit.title or "", hit.title_highlights, "bold", flat=True))
    snippet = marked(hit.snippet or "", hit.snippet_highlights)
    meta = Text(one_line(hit.path), style="dim")
    if hit.people:
        meta.append("  · " + ", ".join(one_line(p) for p in hit.people[:4]), style="dim")
    if hit.topics:
        meta.append("  · " + ", ".join(one_line(t) for t in hit.topics[:3]), style="dim italic")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="bold", width=3, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(str(rank)), head)
    grid.add_row("", snippet)
    grid.add_row("", meta)
    return grid


def _facet_table(name: str, values: dict[str, int], extra: dict[str, int] | None = None,
                 rows: int = FACET_ROWS):
    from rich.table import Table
    from rich.text import Text

    table = Table(title=FACET_TITLES.get(name, name), title_style="bold", show_header=False,
                  box=None, padding=(0, 1), title_justify="left")
    table.add_column(no_wrap=True, max_width=28, overflow="ellipsis")
    table.add_column(justify="right", style="cyan")
    for value, count in list(values.items())[:rows]:
        table.add_row(Text(one_line(value)), Text(str(count)))
    for value, count in (extra or {}).items():
        table.add_row(Text(value), Text(str(count)), style="dim")
    return table


def render_rich(results: Results, out=None, facet_size: int | None = None) -> None:
    """Hits with highlighted titles and snippets, then facet panels (``facet_size`` rows
    each, default 8) and the timeline chart (to ``out`` or stdout)."""
    from rich.columns import Columns
    from rich.panel import Panel

    out = out or console()
    first = (results.page - 1) * results.limit + 1 if results.limit else 1
    for i, hit in enumerate(results.hits):
        out.print(_hit_block(first + i, hit))
        out.print()
    undated = {"undated": results.undated} if results.undated else None
    tables = [_facet_table(name, values, undated if name in ("year", "month") else None, facet_size or FACET_ROWS)
              for name, values in results.facets.items()
              if values or (name in ("year", "month") and undated)]
    hits = f"{results.total} hit" + ("" if results.total == 1 else "s")
    if tables and results.hits:
        out.print(Panel(Columns(tables, padding=(0, 4)), title=f"Facets over {hits}",
                        title_align="left", border_style="dim"))
    if results.hits and results.timeline and results.timeline.buckets:
        out.print(Panel(timeline_text(results.timeline), title=f"{timeline_title(results.timeline)} ({hits})",
                        title_align="left", border_style="dim", expand=False))
    notice(footer(results))


def timeline_text(timeline):
    """The timeline chart as Rich ``Text``: bars in cyan, counts bold."""
    from rich.text import Text

    rows = timeline_rows(timeline)
    label_w = max(len(r[0]) for r in rows)
    count_w = max(len(r[2]) for r in rows)
    text = Text()
    for i, (label, bars, count) in enumerate(rows):
        text.append(("\n" if i else "") + f"{label:<{label_w}}  ")
        text.append(f"{bars:<{BAR_WIDTH}}", style="cyan")
        text.append(f"  {count:>{count_w}}", style="bold")
    return text
