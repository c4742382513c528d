"""Terminal plumbing shared by the commands: streams, consoles, safe text, messages.

Results go to stdout; notices, progress, warnings and errors go to stderr. Rich is used
only when the stream is a terminal; piped output is plain text, one record per line.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import click

#: Terminal escape sequences, removed whole (stripping only ESC would leave "[31m" behind):
#: CSI (colours, cursor moves, erasing), OSC (window titles, OSC 8 hyperlinks) up to BEL or
#: ST, DCS/SOS/PM/APC strings, and the short two-character escapes; in 7- and 8-bit forms.
_ESCAPES = re.compile(r"""
      (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?
    | (?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)?
    | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c\n]{0,4096}(?:\x1b\\|\x9c)?
    | \x1b[ -/]*[0-~]?
""", re.X)
#: What is left to remove: C0/C1 controls other than tab and newline (CR could overwrite a
#: line), and the Unicode bidirectional controls that reorder how a line is displayed.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: Lone surrogates (file names with bytes that are not UTF-8) cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Characters JSON may carry raw but a terminal would act on: escaped as \uXXXX in JSON output.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe(text: str | None) -> str:
    """Article text made inert for a terminal: escape sequences and control characters
    removed, line separators made newlines. Rich markup needs no escaping here: the
    renderers build Rich ``Text`` objects, which never interpret ``[bold]``."""
    text = _ESCAPES.sub("", text or "")
    text = _CONTROL.sub("", text.replace("\u2028", "\n").replace("\u2029", "\n"))
    return _SURROGATE.sub("\ufffd", text)


def one_line(text: str | None) -> str:
    """``safe`` text on one line (tabs and newlines become spaces)."""
    return " ".join(safe(text).split())


def json_text(data: Any, indent: int | None = None) -> str:
    """``data`` as JSON, unchanged as data, but with every character a terminal could act
    on (C1 controls, DEL, bidi controls, line separators, lone surrogates) written as a
    ``\\uXXXX`` escape: ``json.dumps`` already escapes C0 controls such as ESC."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
