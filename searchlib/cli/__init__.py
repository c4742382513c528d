"""The ``searchdocs`` command line: a thin front end over :mod:`searchlib`.

All commands live in modules of this package by area; this module builds the group and is
the single place where errors become messages and exit codes (:class:`ExitCode`).
"""

from __future__ import annotations

import os
import sys

import click
from click_default_group import DefaultGroup

from .. import __version__
from ..errors import ExitCode, SearchdocsError
from .completion import completion_command
from .extract_cmd import extract_command
from .index_cmd import index_command
from .output import error_line
from .run_cmd import run_command
from .search_cmd import search_command
from .show_cmd import open_command, show_command, similar_command
from .stats_cmd import facets_command, stats_command
from .sync_cmd import sync_command

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "ignore_unknown_options": True}


class SearchdocsGroup(DefaultGroup):
    """The command group; the single place where outcomes become exit codes.

    Library errors print ``searchdocs: error: …`` and a hint line and exit with their
    :class:`ExitCode`; Ctrl-C exits 130; an unexpected error prints one line (set
    ``SEARCHDOCS_DEBUG=1`` for the traceback). Never a traceback by default.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BaseException as exc:  # noqa: BLE001 - every outcome becomes one message and a code
            raise click.exceptions.Exit(int(_report(exc))) from None


def _report(exc: BaseException) -> ExitCode:
    """Print the one-line message for ``exc`` and return its exit code. ``SystemExit`` and
    the like pass on; with ``SEARCHDOCS_DEBUG`` set, an internal error re-raises for its
    traceback."""
    if not isinstance(exc, (Exception, KeyboardInterrupt)):
        raise exc
    internal = not isinstance(exc, (SearchdocsError, KeyboardInterrupt, OSError))
    if internal and os.environ.get("SEARCHDOCS_DEBUG"):
        raise exc
    try:
        return _message(exc)
    except (OSError, ValueError):  # stderr itself is gone: nothing left to tell
        return ExitCode.ERROR


def _message(exc: BaseException) -> ExitCode:
    from ..store import raised_in_whoosh

    if isinstance(exc, SearchdocsError):
        error_line(exc.message, exc.hint)
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        # the reader went away (`| head`): stop quietly, as ripgrep does
        _silence_stdout()
        return ExitCode.OK
    if isinstance(exc, OSError):  # the environment, not a bug: permissions, disk full, ...
        where = f" ({exc.filename})" if exc.filename else ""
        error_line(f"{exc.strerror or exc}{where}",
                   "check permissions and free disk space, or choose another path")
        return ExitCode.ERROR
    if raised_in_whoosh(exc):
        error_line(f"the index cannot be read or written: {type(exc).__name__}: {exc}",
                   "run 'searchdocs index --rebuild' (set SEARCHDOCS_DEBUG=1 to see the traceback)")
    else:
        error_line(f"internal error: {type(exc).__name__}: {exc}",
                   "please report it; set SEARCHDOCS_DEBUG=1 to see the traceback")
    return ExitCode.ERROR


@click.group(cls=SearchdocsGroup, default="search", default_if_no_args=False,
             context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="searchdocs")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Search press releases: ranked, filtered and faceted, Vietnamese-aware.

    \b
    Examples:
      searchdocs "human trafficking" --since 2024
      searchdocs "luong tam quang" --json
      searchdocs --person "to lam" --sort newest
      searchdocs show corpus/001_cb2f719aa211d3bc.txt -q "luong tam quang"
      searchdocs stats
      searchdocs index                      # update the index from ./corpus
      searchdocs extract corpus/some-article.txt
      searchdocs sync --to typesense://KEY@127.0.0.1:8108/press   # copy ./index to Typesense

    SEARCH is the default command: 'searchdocs QUERY' means 'searchdocs search QUERY'.
    To search for a word that is also a command name, write 'searchdocs search index'.
    Default options and saved searches live in searchdocs.toml (see 'searchdocs run').
    """
    from .config import load_config

    config = load_config(ctx.command.commands)
    ctx.meta["searchdocs.config"] = config
    if config.defaults:
        ctx.default_map = {**(ctx.default_map or {}), **config.defaults}


for _command in (search_command, index_command, extract_command, show_command, open_command,
                 similar_command, stats_command, facets_command, run_command, completion_command,
                 sync_command):
    cli.add_command(_command)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    """Entry point of the ``searchdocs`` console script."""
    try:
        cli.main(prog_name="searchdocs")
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(int(ExitCode.OK))
