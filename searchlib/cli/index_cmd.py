"""``searchdocs index``: create or update the index from article files."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

from ..backend import is_typesense, open_backend
from ..errors import ExitCode
from .common import backend_option, corpus_option, index_option
from .output import FileProgress, json_text, notice, one_line


@click.command("index", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True,
              help="Build a fresh index beside the live one and swap it in when complete.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; problems are still reported.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--wait", is_flag=True,
              help="If another process is updating the index, wait for it (with a notice) instead of failing.")
@index_option
@corpus_option
@backend_option
def index_command(paths: tuple[Path, ...], rebuild: bool, quiet: bool, as_json: bool, wait: bool,
                  index_path: Path, corpus_path: Path, backend: str | None) -> None:
    """Add new and changed articles to the index and drop deleted ones.

    PATHS are files or directories (default: the corpus). Unchanged files cost a stat;
    a file that cannot be read is reported on stderr and skipped, the rest is indexed.

    \b
    Examples:
      searchdocs index                     # update from ./corpus
      searchdocs index new-articles/ feed.jsonl.gz
      searchdocs index --rebuild
      searchdocs index --backend typesense://KEY@127.0.0.1:8108/press

    Only one update runs at a time: another one fails at once with the PID of the running
    one (exit 2), or with --wait waits for it.

    Exit status: 0 all files indexed, 3 some files skipped, 2 error.
    """
    ix = open_backend(backend, index_path)
    where = str(ix) if is_typesense(backend) else str(index_path)
    targets = list(paths) or [corpus_path]
    with FileProgress(not (quiet or as_json), "indexing") as bar:
        run = ix.rebuild if rebuild else ix.update
        report = run(targets, progress=bar, on_problem=bar.problem, wait=wait,
                     on_wait=lambda pid: notice(f"the index at {where} is being updated by process "
                                                f"{pid}; waiting for it to finish …"))
    for warning in report.warnings:
        click.echo(f"searchdocs: warning: {one_line(warning)}", err=True)
    if as_json:
        data = asdict(report)
        data["problems"] = [{"path": p.path, "reason": p.reason} for p in report.problems]
        click.echo(json_text(data, indent=2))
    elif not quiet:
        what = "rebuilt" if rebuild else "updated"
        click.echo(summary_line(report, f"{what} {where}"))
    raise click.exceptions.Exit(int(ExitCode.PARTIAL if report.failed else ExitCode.OK))


def summary_line(report, what: str) -> str:
    """The one-line summary of an update, e.g. for ``searchdocs index``."""
    return (f"{what}: {report.added} added, {report.updated} updated, {report.removed} removed, "
            f"{report.unchanged} unchanged, {report.failed} failed · {report.articles} articles "
            f"({report.undated} undated) · {report.seconds:.1f} s")
