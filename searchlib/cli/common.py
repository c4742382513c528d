"""Options and steps shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

from typing import TYPE_CHECKING

from ..backend import open_backend
from ..errors import CorpusNotFoundError, IndexNotFoundError

if TYPE_CHECKING:  # the engine (whoosh) is imported when a command runs, so --help stays fast
    from ..backend import SearchBackend
from .output import FileProgress, notice

index_option = click.option(
    "--index", "index_path", type=click.Path(file_okay=False, path_type=Path), default="index",
    envvar="SEARCHDOCS_INDEX", show_default=True, show_envvar=True,
    help="Index directory.")
corpus_option = click.option(
    "--corpus", "corpus_path", type=click.Path(path_type=Path), default="corpus",
    envvar="SEARCHDOCS_CORPUS", show_default=True, show_envvar=True,
    help="Directory of articles indexed by default.")
backend_option = click.option(
    "--backend", "backend", metavar="whoosh|URL", default=None, envvar="SEARCHDOCS_BACKEND", show_envvar=True,
    help="Where articles are indexed and searched: 'whoosh' (the local --index, the default) or a "
         "Typesense collection, typesense://KEY@HOST:PORT[,HOST:PORT...]/COLLECTION.")


def open_for_search(index_path: Path, corpus_path: Path, *, quiet: bool,
                    backend: str | None = None) -> SearchBackend:
    """The index to search; built from the corpus on first use, with a notice on stderr.

    A search never changes an existing index; if the corpus changed since the last update,
    it says so (cheaply, from file and directory stat alone). A Typesense ``backend`` is
    searched as it is: it is shared, so a search never fills it.
    """
    from ..index import Index
    from ..store import IndexDir

    ix = open_backend(backend, index_path)
    if not isinstance(ix, Index):
        if not ix.exists:
            raise IndexNotFoundError(f"no collection at {ix}",
                                     hint=f"fill it with 'searchdocs index --backend {ix}' or "
                                          f"'searchdocs sync --from {index_path} --to {ix}'")
        return ix
    if not ix.exists:
        if not IndexDir(index_path).looks_empty():
            IndexDir(index_path).read_pointer()  # raises the precise error (foreign, damaged)
        if not corpus_path.exists():
            raise IndexNotFoundError(
                f"no index at {index_path} and no corpus at {corpus_path} to build it from",
                hint="run 'searchdocs index PATH' with a directory of articles, or set --corpus")
        if not quiet:
            notice(f"no index at {index_path} yet; building it from {corpus_path} …")
        with FileProgress(not quiet, "indexing") as bar:
            ix.update([corpus_path], progress=bar, on_problem=bar.problem, wait=True,
                      on_wait=lambda pid: notice(f"process {pid} is building the index; waiting for it …"))
        return ix
    if corpus_path.exists() and not quiet:
        try:
            changes = ix.corpus_changes([corpus_path])
        except (OSError, CorpusNotFoundError):
            changes = None
        if changes:
            notice(f"{corpus_path} changed since the last update ({changes.summary()}); "
                   f"run 'searchdocs index' to include it")
    return ix
