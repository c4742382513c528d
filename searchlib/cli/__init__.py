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
from .extract_cmd import extract_command
from .index_cmd import index_command
from .output import error_line
from .search_cmd import search_command

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "ignore_unknown_options": True}


@click.group(cls=DefaultGroup, default="search", default_if_no_args=False,
             context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="searchdocs")
def cli() -> None:
    """Search press releases: ranked, filtered and faceted, Vietnamese-aware.

    \b
    Examples:
      searchdocs "human trafficking" --since 2024
      searchdocs "luong tam quang" --json
      searchdocs --person "to lam" --sort newest
      searchdocs index                      # update the index from ./corpus
      searchdocs extract corpus/some-article.txt

    SEARCH is the default command: 'searchdocs QUERY' means 'searchdocs search QUERY'.
    To search for a word that is also a command name, write 'searchdocs search index'.
    """


cli.add_command(search_command)
cli.add_command(index_command)
cli.add_command(extract_command)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns (and exits with) the exit code."""
    code = run(argv)
    sys.exit(code)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and map every outcome to an :class:`ExitCode` (no tracebacks)."""
    try:
        result = cli.main(args=argv, prog_name="searchdocs", standalone_mode=False)
    except SearchdocsError as err:
        error_line(err.message, err.hint)
        return int(err.exit_code)
    except click.exceptions.Abort:
        return int(ExitCode.INTERRUPTED)
    except click.ClickException as err:
        err.show()
        return int(ExitCode.ERROR)
    except KeyboardInterrupt:
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly, as other CLI tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return int(ExitCode.OK)
    except Exception as exc:  # an internal error: one line, never a traceback
        if os.environ.get("SEARCHDOCS_DEBUG"):
            raise
        error_line(f"internal error: {type(exc).__name__}: {exc}",
                   "please report it; set SEARCHDOCS_DEBUG=1 to see the traceback")
        return int(ExitCode.ERROR)
    if isinstance(result, int):
        return result
    return int(ExitCode.OK)
