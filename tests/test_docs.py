"""The README stays true: its two commands, CI's test command, and every CLI option."""

from __future__ import annotations

import re

import click
import pytest

from searchlib.cli import cli

from .conftest import ROOT, invoke

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
    help_text = invoke(ROOT, [name, "--help"]).stdout
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in param.opts + param.secondary_opts:
                assert opt in README, f"{name}: {opt} not in README"
                assert opt in help_text, f"{name}: {opt} not in 'searchdocs {name} --help'"


def test_every_command_is_listed_in_the_main_help():
    help_text = invoke(ROOT, ["--help"]).stdout
    for name in cli.commands:
        assert f"  {name}" in help_text, name
    for opt in ("--version", "--help"):
        assert opt in help_text and opt in README


def test_every_command_has_a_readme_section_or_table_row():
    for name in cli.commands:
        assert re.search(rf"(^#+ .*`?searchdocs {name}\b|^\| `searchdocs {name}\b|^searchdocs {name}\b|^\$ searchdocs {name}\b)",
                         README, re.M) or name == "search", name


def test_json_keys_are_documented():
    from searchlib.search import Hit, Results

    results = Results(query="", total=0, hits=[Hit("i", "p", "t", None, None, [], [], "en", None, "")], facets={})
    data = results.to_dict()
    for key in data:
        assert f"`{key}`" in README or f"`{key}[]." in README, key
    for key in data["hits"][0]:
        assert f"`hits[].{key}`" in README or f"`{key}`" in README, key


def test_every_command_help_has_examples():
    for name, command in cli.commands.items():
        assert "Example" in (command.help or ""), name


def _console_block(command: str) -> str:
    """The output shown under ``$ COMMAND`` in a README console block."""
    m = re.search(r"```console\n\$ " + re.escape(command) + r"\n(.*?)```", README, re.S)
    assert m, f"no console example for {command!r}"
    return m.group(1)


def test_readme_screenshot_is_real_output(seed_project):
    """The terminal example with facets and timeline is what searchdocs prints."""
    result = invoke(seed_project, ["cooperation", "-n", "2", "--color", "never"],
                    env={"FORCE_COLOR": "1", "COLUMNS": "96"})
    shown = "\n".join(line.rstrip() for line in result.stdout.split("\n")) + result.stderr
    assert shown == _console_block("searchdocs cooperation -n 2")


@pytest.mark.parametrize("command, args", [
    ('searchdocs "human trafficking" --facet month --facet topic --facet-size 2 2>&1 >/dev/null',
     ["human trafficking", "--facet", "month", "--facet", "topic", "--facet-size", "2"]),
    ("searchdocs trafficing", ["trafficing"]),
    ("searchdocs facets people --match nguyen", ["facets", "people", "--match", "nguyen"]),
    ("searchdocs similar corpus/002_f7e726d1e6a85118.txt -n 3", ["similar", "corpus/002_f7e726d1e6a85118.txt", "-n", "3"]),
])
def test_readme_examples_are_real_output(seed_project, command, args):
    result = invoke(seed_project, args)
    shown = result.stderr if "2>&1 >/dev/null" in command else result.stdout + result.stderr
    assert shown == _console_block(command)
