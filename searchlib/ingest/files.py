"""Finding the corpus files under the paths a user gives.

Deterministic order (sorted), no hidden files, no symlinked directories (they can loop or
pull in half the disk), and only the suffixes the readers handle.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from operator import attrgetter
from pathlib import Path

from searchlib.errors import CorpusNotFoundError

BASE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
SUPPORTED_SUFFIXES: tuple[str, ...] = BASE_SUFFIXES + tuple(s + ".gz" for s in BASE_SUFFIXES)


def format_suffix(path: Path | str) -> str | None:
    """The handled suffix of ``path`` ("x.JSONL.gz" → ".jsonl.gz"), or ``None``."""
    if isinstance(path, str) and os.sep not in path:  # a bare file name (the walk's case)
        name = path.lower()
    else:
        name = Path(path).name.lower()
    if not name.endswith(SUPPORTED_SUFFIXES):  # one C-level test per file of the walk
        return None
    for suffix in SUPPORTED_SUFFIXES:  # at most one matches: none ends another after a dot
        if name.endswith(suffix):
            return suffix if len(name) > len(suffix) else None
    return None


def iter_source_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the supported files among ``paths`` and, recursively, under directories.

    Each directory's files come sorted; a file is yielded once. Raises
    :class:`CorpusNotFoundError` for a given path that does not exist; unreadable
    subdirectories are skipped.
    """
    return map(Path, iter_source_paths(paths))


def iter_source_paths(paths: Iterable[str | Path]) -> Iterator[str]:
    """:func:`iter_source_files` as path strings: no :class:`Path` object per file, which
    matters when an update of a large corpus only needs to stat each file."""
    seen: set[str] = set()
    for given in paths:
        path = os.fspath(Path(given))  # pathlib's normal form: "./a/" and "a" are one root
        if not os.path.lexists(path):
            raise CorpusNotFoundError(f"no such file or directory: {path}",
                                      hint="check the path, or run from the directory that holds the corpus")
        found = _walk(path) if os.path.isdir(path) else ([path] if format_suffix(Path(path)) else [])
        for file in found:
            if file not in seen:
                seen.add(file)
                yield file


def _walk(root: str) -> list[str]:
    """The supported files under ``root`` in the order of their sorted path components:
    each directory's entries by name, a subdirectory's files in its place. Hidden entries,
    unreadable and symlinked directories are skipped."""
    files: list[str] = []
    stack = [iter(_entries(root))]
    while stack:
        for entry in stack[-1]:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink():
                    stack.append(iter(_entries(entry.path)))
                    break
            elif format_suffix(name):
                files.append(entry.path)
        else:
            stack.pop()
    return files


def _entries(directory: str) -> list[os.DirEntry]:
    try:
        with os.scandir(directory) as it:
            return sorted(it, key=attrgetter("name"))
    except OSError:
        return []
