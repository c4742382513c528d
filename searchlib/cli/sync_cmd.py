"""``searchdocs sync``: copy a local index's articles to a Typesense collection."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..backend import is_typesense, open_backend
from ..errors import BackendError, ExitCode, IndexNotFoundError
from .output import notice, one_line


@click.command("sync", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--from", "source", type=click.Path(file_okay=False, path_type=Path), default="index",
              envvar="SEARCHDOCS_INDEX", show_default=True, show_envvar=True, help="The local index to copy.")
@click.option("--to", "target", required=True, metavar="URL", envvar="SEARCHDOCS_BACKEND", show_envvar=True,
              help="The Typesense collection: typesense://KEY@HOST:PORT[,HOST:PORT...]/COLLECTION.")
@click.option("--replace", is_flag=True,
              help="Fill a fresh collection and switch to it when complete, so articles no longer "
                   "in the local index disappear from the cluster too.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
def sync_command(source: Path, target: str, replace: bool, quiet: bool) -> None:
    """Copy every article of a local index to a Typesense collection (upserted by id).

    The articles are sent as they are stored, already cleaned and tagged; nothing is read
    from the corpus again. Running it twice leaves each article once; an interrupted copy
    is completed by running it again. Leader changes on the cluster are retried.

    \b
    Examples:
      searchdocs sync --from index --to typesense://KEY@127.0.0.1:8108,127.0.0.1:8118,127.0.0.1:8128/press
      searchdocs sync --to typesense://KEY@ts.example.org:443/press --replace

    Exit status: 0 all copied, 3 some articles refused by Typesense, 2 error.
    """
    if not is_typesense(target):
        raise BackendError(f"--to must be a Typesense URL, not {target!r}",
                           hint="e.g. typesense://KEY@127.0.0.1:8108/press")
    from ..index import Index  # imported when the command runs: --help stays fast

    local = Index(source)
    if not local.exists:
        raise IndexNotFoundError(f"no index at {source}", hint="build it with 'searchdocs index', or give --from")
    remote = open_backend(target)
    started = time.perf_counter()

    def progress(n: int) -> None:
        if not quiet:
            notice(f"sent {n} articles …")

    def on_retry(attempt: int, reason: str) -> None:
        notice(f"the cluster is not accepting writes ({one_line(reason)}); retrying (attempt {attempt}) …")

    tally = remote.import_articles(local.articles(), rebuild=replace, progress=progress, on_retry=on_retry)
    for rejected in tally.rejected:
        click.echo(f"searchdocs: skipped {one_line(rejected.article_id)}: {one_line(rejected.reason)}", err=True)
    if not quiet:
        click.echo(f"synced {source} to {remote}: {tally.written} articles sent, {len(tally.rejected)} refused, "
                   f"{tally.retries} retries · {remote.settled_count(tally.written).total} articles there · "
                   f"{time.perf_counter() - started:.1f} s")
    raise click.exceptions.Exit(int(ExitCode.PARTIAL if tally.rejected else ExitCode.OK))
