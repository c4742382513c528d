"""``searchdocs.toml``: default options and named saved searches.

Looked for in the user's config directory (``$XDG_CONFIG_HOME/searchdocs/``, usually
``~/.config/searchdocs/``) and then in the working directory, whose values win; or only
at ``$SEARCHDOCS_CONFIG`` when that is set. Precedence, highest first: the command line,
environment variables, the config file, built-in defaults.

.. code-block:: toml

    [defaults]              # any long option of any command, without the dashes
    limit = 20
    color = "never"

    [searches.trafficking]  # searchdocs run trafficking
    query = "human trafficking"
    since = "2024"
    source = ["VNA", "VGP"]

A bad file is one error line naming the file and line, exit status 2.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import click

from ..errors import SearchdocsError

CONFIG_NAME = "searchdocs.toml"
_TOP_LEVEL = {"defaults", "searches"}


class ConfigError(SearchdocsError):
    """The config file cannot be read or holds something searchdocs does not understand."""


@dataclass
class SavedSearch:
    """A named search: its query and its options as typed after ``searchdocs search``."""

    name: str
    query: str
    options: list[str]
    where: str

    def args(self, extra: list[str] | tuple[str, ...] = ()) -> list[str]:
        """The arguments of ``searchdocs search`` for this search, ``extra`` ones added
        (more words, more filters, or options that override the saved ones)."""
        return [*self.options, *extra, *(["--", self.query] if self.query.strip() else [])]

    def command_line(self) -> str:
        """The search as one would type it (for listings)."""
        import shlex

        words = [shlex.quote(self.query)] if self.query.strip() else []
        return " ".join(["searchdocs", *words, *(shlex.quote(a) for a in self.options)])


@dataclass
class Config:
    files: list[Path] = field(default_factory=list)
    defaults: dict[str, dict[str, Any]] = field(default_factory=dict)  #: command → param → value
    searches: dict[str, SavedSearch] = field(default_factory=dict)


def config_files() -> list[Path]:
    """The config files to read, lowest precedence first."""
    explicit = os.environ.get("SEARCHDOCS_CONFIG")
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ConfigError(f"{path}: no such config file (from SEARCHDOCS_CONFIG)",
                              "create it, or unset SEARCHDOCS_CONFIG")
        return [path]
    candidates = [Path(click.get_app_dir("searchdocs")) / CONFIG_NAME, Path(CONFIG_NAME)]
    found: list[Path] = []
    for path in candidates:
        if path.is_file() and all(not _same(path, f) for f in found):
            found.append(path)
    return found


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _toml():
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def _line_of(text: str, table: str, key: str) -> int | None:
    """The line where ``key`` is set in ``[table]`` (best effort; ``None`` if not found)."""
    current = ""
    key_re = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"^\s*\[+\s*([^\]]+?)\s*\]+", line)
        if header:
            current = re.sub(r"""\s*\.\s*""", ".", header.group(1)).replace('"', "").replace("'", "")
            if current == table and not key:
                return number
            continue
        if current == table and key and key_re.match(line):
            return number
    return None


def _where(path: Path, text: str, table: str, key: str = "") -> str:
    line = _line_of(text, table, key)
    return f"{path}:{line}" if line else str(path)


def load_config(commands: Mapping[str, click.Command]) -> Config:
    """Read and check the config files against the options of ``commands``."""
    config = Config()
    for path in config_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the config file: {exc}", "fix or remove it") from None
        try:
            data = _toml().loads(text)
        except ValueError as exc:  # TOMLDecodeError
            message = str(exc)
            m = re.search(r"\(at line (\d+), column \d+\)", message)
            where = f"{path}:{m.group(1)}" if m else str(path)
            message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
            raise ConfigError(f"{where}: invalid TOML: {message}", "fix the file; see 'Config file' in the README") from None
        config.files.append(path)
        _apply(config, path, text, data, commands)
    return config


def _apply(config: Config, path: Path, text: str, data: dict, commands: Mapping[str, click.Command]) -> None:
    for key in data:
        if key not in _TOP_LEVEL:
            line = _line_of(text, key, "") or _line_of(text, "", key)
            where = f"{path}:{line}" if line else str(path)
            raise ConfigError(f"{where}: unknown table or key '{key}'",
                              "use [defaults] for default options and [searches.NAME] for saved searches")
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise ConfigError(f"{_where(path, text, '', 'defaults')}: 'defaults' must be a table", "write [defaults]")
    for key, value in defaults.items():
        targets = _targets(commands, key)
        if not targets:
            raise ConfigError(f"{_where(path, text, 'defaults', key)}: unknown option '{key}' in [defaults]",
                              "use a long option name without dashes, e.g. limit = 20")
        for command, param in targets:
            converted = _convert(command, param, value, f"{_where(path, text, 'defaults', key)}: {key}")
            config.defaults.setdefault(command.name, {})[param.name] = converted
    searches = data.get("searches", {})
    if not isinstance(searches, dict):
        raise ConfigError(f"{_where(path, text, '', 'searches')}: 'searches' must hold tables",
                          "write [searches.NAME]")
    search = commands["search"]
    for name, options in searches.items():
        where = _where(path, text, f"searches.{name}")
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: saved search '{name}' must be a table", f"write [searches.{name}]")
        query = options.get("query", "")
        if not isinstance(query, str):
            raise ConfigError(f"{_where(path, text, f'searches.{name}', 'query')}: query must be a string",
                              'write query = "words"')
        config.searches[name] = SavedSearch(name, query, _saved_options(search, name, options, path, text), where)


def _targets(commands: Mapping[str, click.Command], key: str) -> list[tuple[click.Command, click.Option]]:
    """The (command, option) pairs a config key sets: every command with ``--key``."""
    flag = "--" + key.replace("_", "-")
    out = []
    for command in commands.values():
        for param in command.params:
            if isinstance(param, click.Option) and flag in param.opts and flag not in ("--help", "--version"):
                out.append((command, param))
    return out


def _convert(command: click.Command, param: click.Option, value: Any, what: str) -> Any:
    """``value`` checked and converted as the option would convert it from the command line."""
    ctx = click.Context(command)
    if param.multiple:
        values = value if isinstance(value, list) else [value]
    else:
        if isinstance(value, (list, dict)):
            raise ConfigError(f"{what} takes one value, not a list or table", "write key = value")
        values = [value]
    if param.is_flag and not all(isinstance(v, bool) for v in values):
        raise ConfigError(f"{what} is a flag: use true or false", "")
    try:
        converted = [param.type.convert(v if isinstance(v, (bool, int)) else str(v), param, ctx) for v in values]
    except click.BadParameter as exc:
        raise ConfigError(f"{what}: {exc.message}", "") from None
    return converted if param.multiple else converted[0]


def _saved_options(search: click.Command, name: str, options: dict, path: Path, text: str) -> list[str]:
    """The command-line options of a saved search, checked against ``search``'s options."""
    args: list[str] = []
    for key, value in options.items():
        where = _where(path, text, f"searches.{name}", key)
        if key == "query":
            continue
        targets = [(c, p) for c, p in _targets({"search": search}, key)]
        if not targets:
            raise ConfigError(f"{where}: unknown search option '{key}' in [searches.{name}]",
                              "use the long option names of 'searchdocs search', e.g. since = \"2024\"")
        _command, param = targets[0]
        _convert(search, param, value, f"{where}: {key}")
        flag = "--" + key.replace("_", "-")
        if param.is_flag:
            if value:
                args.append(flag)
            elif param.secondary_opts:
                args.append(param.secondary_opts[0])
            continue
        for v in value if isinstance(value, list) else [value]:
            args += [flag, str(v)]
    return args
