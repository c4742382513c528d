"""The README stays true: its two commands, CI's test command, and every CLI option."""

from __future__ import annotations

import re

import click
import pytest

from searchlib.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def top_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block and README.index(block.group(0)) < 40, "the README must open with its commands"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_exactly_two_commands():
    first, second = top_commands()
    assert 'searchdocs "human trafficking" --since 2024' in first
    assert "pytest" in second and "-W error::SyntaxWarning" in second


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert top_commands()[1] in ci.splitlines()


def _commands():
    yield "search", cli.commands["search"]
    for name, cmd in cli.commands.items():
        if name != "search":
            yield name, cmd


@pytest.mark.parametrize("name, command", list(_commands()))
def test_every_command_and_option_is_documented(name, command):
    assert f"searchdocs {name}" in README or name == "search"
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in README for opt in param.opts), f"{name}: {param.opts} not in README"


def test_every_command_help_has_examples():
    for name, command in cli.commands.items():
        assert "Example" in (command.help or ""), name
