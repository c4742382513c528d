"""Terminal plumbing shared by the commands: streams, consoles, safe text, messages.

Results go to stdout; notices, progress, warnings and errors go to stderr. Rich is used
only when the stream is a terminal; piped output is plain text, one record per line.
"""

from __future__ import annotations

import re
import sys

import click

# C0/C1 control characters (ESC starts ANSI and OSC 8 sequences) other than tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str | None) -> str:
    """Article text made harmless for a terminal: control characters removed."""
    return _CONTROL.sub("", text or "")


def one_line(text: str | None) -> str:
    """``safe`` text on one line (tabs and newlines become spaces)."""
    return " ".join(safe(text).split())


def error_line(message: str, hint: str = "") -> None:
    """``searchdocs: error: …`` and, if given, a hint line, on stderr."""
    click.echo(f"searchdocs: error: {one_line(message)}", err=True)
    if hint:
        click.echo(f"  hint: {one_line(hint)}", err=True)


def notice(message: str) -> None:
    """A one-line status message on stderr."""
    click.echo(f"searchdocs: {one_line(message)}", err=True)


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()


def stderr_is_tty() -> bool:
    return sys.stderr.isatty()


def console(stderr: bool = False):
    """A Rich console for stdout or stderr (imported only when needed)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, emoji=False, markup=False)


class FileProgress:
    """A progress bar on stderr for indexing, shown only on a terminal."""

    def __init__(self, enabled: bool, description: str) -> None:
        self.enabled = enabled and stderr_is_tty()
        self.description = description
        self._progress = None
        self._task = None

    def __enter__(self) -> "FileProgress":
        if self.enabled:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeRemainingColumn)

            self._progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                      MofNCompleteColumn(), TimeRemainingColumn(),
                                      console=console(stderr=True), transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task(self.description, total=None)
        return self

    def __call__(self, done: int, total: int, path: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done, total=total)

    def problem(self, err) -> None:
        """Report a skipped file at once, above the bar."""
        line = f"searchdocs: skipped {one_line(err.path)}: {one_line(err.reason)}"
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False)
        else:
            click.echo(line, err=True)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
