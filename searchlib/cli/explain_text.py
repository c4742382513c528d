"""``--explain``: the parsed query, described on stderr."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .output import one_line

if TYPE_CHECKING:  # pragma: no cover
    from ..explain import QueryPlan


def explain_lines(plan: QueryPlan) -> list[str]:
    """What the search will look for, one aspect per line."""
    mode = "all words required" if plan.match == "all" else "any word (more and closer rank higher)"
    lines = [f"query: {one_line(plan.text)!r} · {mode}" if plan.text else "query: none (listing by filters)"]

    def listed(values: list[str]) -> str:
        return ", ".join(one_line(v) for v in values)

    if plan.text:
        lines.append(f"  fields searched: {listed(plan.fields) or '—'}")
        lines.append(f"  folded terms: {listed(plan.folded) or '—'}")
        exact = listed(plan.exact) or ("—" if plan.accented else "— (no accents typed: exact fields not searched)")
        lines.append(f"  exact terms: {exact}")
        for label, values in (("stemmed terms", plan.stemmed), ("phrases", plan.phrases),
                              ("prefixes", plan.prefixes), ("excluded", plan.excluded)):
            if values:
                lines.append(f"  {label}: {listed(values)}")
        if plan.proximity:
            lines.append("  proximity: articles where the words stand close together rank higher")
    if plan.since or plan.until:
        lines.append(f"  date range: {plan.since or '(open)'} … {plan.until or '(open)'}")
    for kind, values in plan.filters.items():
        lines.append(f"  filter {kind}: {listed(values) if values else 'matches nothing in the index'}")
    for note in plan.notes:
        lines.append(f"  note: {one_line(note)}")
    if plan.whoosh:
        lines.append(f"  whoosh: {one_line(plan.whoosh)}")
    return lines


def print_explain(plan: QueryPlan) -> None:
    """The explanation on stderr, first line prefixed ``searchdocs:``."""
    for i, line in enumerate(explain_lines(plan)):
        click.echo(("searchdocs: " if i == 0 else "") + line, err=True)
