"""How output looks: colour decisions (``--color``, ``NO_COLOR``, ``TERM=dumb``), the
Rich consoles built from them, and the opt-in pager.

Rules (ripgrep's and clig's): ``--color always`` forces the terminal layout with colour,
``never`` prints no escape sequence at all, ``auto`` uses the terminal layout only when
stdout is a terminal (or ``FORCE_COLOR`` is set) and lets Rich honour ``NO_COLOR`` (colour
goes, bold and underline stay, so matches remain marked) and ``TERM=dumb`` (no styling).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import Iterator

import click

from .output import stdout_is_tty

COLOR_CHOICES = ("auto", "always", "never")


def _env_set(name: str) -> bool:
    return bool(os.environ.get(name, ""))


@dataclass
class Display:
    """The output decisions of one command run."""

    color: str = "auto"
    pager: bool = False

    @property
    def terminal_layout(self) -> bool:
        """Rich layout (hits, panels, charts) rather than one plain record per line."""
        if self.color == "always":
            return True
        return stdout_is_tty() or _env_set("FORCE_COLOR")

    def console(self, stderr: bool = False):
        """A Rich console following the colour rules (imported only when needed)."""
        from rich.console import Console

        common = {"stderr": stderr, "highlight": False, "emoji": False, "markup": False}
        if self.color == "always":
            return Console(force_terminal=True, color_system="standard", no_color=False, **common)
        if self.color == "never":
            return Console(color_system=None, **common)
        no_color = _env_set("NO_COLOR") or _env_set("SEARCHDOCS_NO_COLOR")
        return Console(no_color=no_color or None, **common)

    @contextlib.contextmanager
    def paged(self, console) -> Iterator[None]:
        """Page what ``console`` prints inside the block, when asked and stdout is a
        terminal; ``LESS=FRX`` (quit if one screen, keep colours) unless ``LESS`` is set."""
        if not (self.pager and stdout_is_tty()):
            yield
            return
        os.environ.setdefault("LESS", "FRX")
        with console.pager(styles=self.color != "never"):
            yield


color_option = click.option(
    "--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
    envvar="SEARCHDOCS_COLOR", show_envvar=True,
    help="Colour and terminal layout: auto (on a terminal, honouring NO_COLOR and TERM=dumb), "
         "always, or never.")


def pager_option(default: bool = False):
    """``--pager/--no-pager``: page terminal output (opt-in for searches)."""
    return click.option(
        "--pager/--no-pager", "pager", default=default, envvar="SEARCHDOCS_PAGER", show_envvar=True,
        show_default=True, help="Page the output through $PAGER (less) when stdout is a terminal.")
