"""Shell completion: click's own machinery, with ``--source``, ``--person`` and ``--topic``
completing from the values in the index, and ``searchdocs completion SHELL`` printing the
script to install.
"""

from __future__ import annotations

import os

import click

SHELLS = ("bash", "zsh", "fish")
#: Completion offers at most this many values.
MAX_ITEMS = 50


def index_values(kind: str):
    """A ``shell_complete`` callback offering the index's values of facet ``kind`` whose
    folded form starts with (or has a word starting with) what was typed; never raises."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str):
        from click.shell_completion import CompletionItem

        try:
            from ..index import Index
            from ..textnorm import fold_key

            path = ctx.params.get("index_path") or os.environ.get("SEARCHDOCS_INDEX") or "index"
            ix = Index(path)
            if not ix.exists:
                return []
            typed = fold_key(incomplete)
            items = []
            for value, count in ix.facet_values(kind).items():
                key = fold_key(value)
                if not typed or key.startswith(typed) or any(w.startswith(typed) for w in key.split()):
                    items.append(CompletionItem(value, help=f"{count} article{'s' if count != 1 else ''}"))
                if len(items) >= MAX_ITEMS:
                    break
            return items
        except Exception:  # noqa: BLE001 - completion must never print a traceback into a shell
            return []

    return complete


@click.command("completion", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("shell", type=click.Choice(SHELLS))
def completion_command(shell: str) -> None:
    """Print the shell completion script for SHELL (bash, zsh or fish).

    --source, --person and --topic complete from the values in the index.

    \b
    Examples (one line each, run once):
      echo 'eval "$(searchdocs completion bash)"' >> ~/.bashrc
      echo 'eval "$(searchdocs completion zsh)"' >> ~/.zshrc
      searchdocs completion fish > ~/.config/fish/completions/searchdocs.fish
    """
    from click.shell_completion import get_completion_class

    root = click.get_current_context().find_root().command
    cls = get_completion_class(shell)
    click.echo(cls(root, {}, "searchdocs", "_SEARCHDOCS_COMPLETE").source())
